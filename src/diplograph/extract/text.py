"""Sentences with their character offsets, so every claim can point at the words it came from."""

from __future__ import annotations

import re
from collections.abc import Iterator

from diplograph.extract.model import Span

# Abbreviations that end with a period but do not end a sentence.
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Brig|Capt|Adm|Sgt|Sen|Rep|Gov|Pres|Prof|St|Jr|Sr|No|Vol|vs|etc|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\\.S|U\\.N|U\\.K|E\\.U|a\\.m|p\\.m|i\\.e|e\\.g"
)
# A sentence ends before a capital or a digit, maybe after an opening quote mark («, as the Spanish and
# French press and their translations write it, included).
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s+[\"“‘«(\[]?[A-Z0-9])")
_ABBREVIATION_BEFORE = re.compile(r"(?:\b(?:" + _ABBREVIATIONS + r")|\b[A-Z])$")
_LONGEST_ABBREVIATION = max(len(abbreviation.replace("\\", "")) for abbreviation in _ABBREVIATIONS.split("|"))


def paragraphs(text: str) -> Iterator[Span]:
    """Non-empty lines of the text: articles copied from the web put one paragraph on a line."""
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield Span(start, end)


def sentences(text: str) -> list[Span]:
    """Split each paragraph into sentences, keeping closing quotes with the sentence they end."""
    result: list[Span] = []
    for paragraph in paragraphs(text):
        start = paragraph.start
        chunk = text[paragraph.start : paragraph.end]
        for match in _SENTENCE_END.finditer(chunk):
            end = paragraph.start + match.end()
            if _ends_with_abbreviation(text, start, paragraph.start + match.start()):
                continue
            result.append(Span(start, end))
            start = end
            while start < paragraph.end and text[start].isspace():
                start += 1
        if start < paragraph.end:
            result.append(Span(start, paragraph.end))
    return result


def _ends_with_abbreviation(text: str, start: int, stop: int) -> bool:
    """Whether the sentence begun at ``start`` ends at ``stop`` with an abbreviation ('Mr', 'U.S') or an
    initial: only its last few characters are read, not the whole sentence (before ``start`` is a space or
    a line break, so a word boundary there reads as in the sentence alone)."""
    return bool(_ABBREVIATION_BEFORE.search(text, max(start, stop - _LONGEST_ABBREVIATION), stop))
