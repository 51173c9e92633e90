"""Quoted passages and the units of text that report them.

A quote is the words between a pair of quote marks: curly or straight, double or single, or guillemets
(an apostrophe, as in "Syria’s", never opens or closes one). A unit is a sentence, or several when a quote
runs across them ("“There will be no solution … . We came here to listen …,” Safadi said."), so that a
quote and the words that attribute it are read together. Headings, bylines and other lines without
closing punctuation are not prose: nothing in them is reported speech.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from diplograph.extract.model import Span
from diplograph.extract.text import paragraphs

# Double quotes first; a curly quote left open runs to the end of its paragraph (a common typo).
# A quote may run over paragraphs only as the press writes it: each new paragraph reopens it ("“", '"')
# and only the last one closes it.
_DOUBLE = re.compile(
    r"“(?P<curly>[^”\n]+(?:\n\s*“[^”\n]*)*)”"
    r"|\"(?P<straight_run>[^\"\n]{2,800}(?:\n\s*\"[^\"\n]{2,800})+)\"|\"(?P<straight>[^\"\n]{2,800})\""
    r"|“(?P<unclosed>[^”“\n]{12,800})(?=\n|$)|«(?P<guillemet>[^»\n]{2,800})»"
)
# Single quotes: ‘…’ and '…' that open after a non-letter and close before one; an apostrophe inside a
# word ("Pakistan’s", "Syria's") neither opens nor closes.
_SINGLE = re.compile(
    r"‘(?P<curly>[^‘’\n]*(?:’\w[^‘’\n]*)*)’(?!\w)|'(?P<straight>(?=\S)[^'\n]*(?:'\w[^'\n]*)*)'(?!\w)"
)
_LONGEST = 800
_TRIM = " ,.;:"
_CLOSING = "\"”’')]»"
_TERMINAL = ".!?…:"


@dataclass(frozen=True)
class Quote:
    """The quoted words (without marks or trailing punctuation) and the whole quotation with its marks."""

    words: Span
    outer: Span

    def word_count(self, text: str) -> int:
        return len(self.words.of(text).split())


def find_quotes(text: str) -> list[Quote]:
    """Every quotation of the text, in order; single quotes only outside double ones."""
    found = [_quote(text, match) for match in _DOUBLE.finditer(text) if _plausible(match)]
    starts = [q.outer.start for q in found]
    for match in _single_quotes(text):
        index = bisect_right(starts, match.start()) - 1
        if index >= 0 and found[index].outer.end > match.start():
            continue  # a single quote inside a double one is part of it
        if _plausible(match):
            found.append(_quote(text, match))
    return sorted((q for q in found if q.words.end > q.words.start), key=lambda q: q.outer.start)


def _single_quotes(text: str) -> list[re.Match[str]]:
    """Single quotes that open after a non-letter: an apostrophe ("Syria's 'normalization'") never opens
    one, and the search goes on right after it."""
    found = []
    match = _SINGLE.search(text)
    while match:
        if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] in "’'"):
            match = _SINGLE.search(text, match.start() + 1)
            continue
        found.append(match)
        match = _SINGLE.search(text, match.end())
    return found


def _plausible(match: re.Match[str]) -> bool:
    return 2 <= len(match.group()) - 2 <= _LONGEST


def _quote(text: str, match: re.Match[str]) -> Quote:
    group = next(name for name, value in match.groupdict().items() if value is not None)
    start, end = match.start(group), match.end(group)
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    while start < end and text[start] == " ":
        start += 1
    return Quote(Span(start, end), Span(match.start(), match.end()))


class QuoteIndex:
    """Which characters are inside quotation marks, answered by bisection."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self._starts = [q.outer.start for q in quotes]

    def covering(self, position: int) -> Quote | None:
        index = bisect_right(self._starts, position) - 1
        if index >= 0 and position < self.quotes[index].outer.end:
            return self.quotes[index]
        return None

    def inside(self, position: int) -> bool:
        return self.covering(position) is not None

    def within(self, span: Span) -> list[Quote]:
        low = bisect_right(self._starts, span.start - 1)
        high = bisect_right(self._starts, span.end - 1)
        return [q for q in self.quotes[low:high] if q.outer.start >= span.start]


def units(text: str, sentences: list[Span], quotes: QuoteIndex) -> list[Span]:
    """Sentences of prose, merged where a quote runs from one into the next; headings left out."""
    prose = [p for p in paragraphs(text) if not is_heading(text, p)]
    result: list[Span] = []
    paragraph_index = 0
    for sentence in sentences:
        while paragraph_index < len(prose) and prose[paragraph_index].end < sentence.end:
            paragraph_index += 1
        if paragraph_index >= len(prose) or prose[paragraph_index].start > sentence.start:
            continue  # the sentence is part of a heading
        if result and _quote_runs_on(result[-1], sentence, quotes):
            result[-1] = Span(result[-1].start, sentence.end)
        else:
            result.append(sentence)
    return result


def _quote_runs_on(previous: Span, sentence: Span, quotes: QuoteIndex) -> bool:
    quote = quotes.covering(previous.end - 1)
    if quote is None:
        quote = quotes.covering(sentence.start)
    return quote is not None and quote.outer.start < previous.end and quote.outer.end > sentence.start


# "Read also: Rubio says …", "RELATED: …": a link to another story, whatever its punctuation.
_LINK_LABEL = re.compile(
    r"(?:read\s+(?:also|more|next)|also\s+read|see\s+also|related(?:\s+stor(?:y|ies))?|more\s+from|"
    r"recommended|most\s+(?:read|popular))\s*:",
    re.IGNORECASE,
)


def is_heading(text: str, paragraph: Span) -> bool:
    """A line that does not end like a sentence: a headline, a byline, a caption, a live-blog time stamp;
    or a link to another story ("Read also: …").

    "16:20 Trump says US will halt “war games”" repeats the entry under it; it reports nothing new."""
    body = paragraph.of(text).rstrip()
    stripped = body.rstrip(_CLOSING)
    return not stripped or stripped[-1] not in _TERMINAL or bool(_LINK_LABEL.match(body))
