"""Highlighting spans of an article's text by character offsets, safely.

Spans come from evidence selectors (sentences, quotes) and from names found in the text; they may nest or
cross. The text is cut at every span boundary and each piece is escaped and wrapped in the marks of every
span covering it, in a fixed order — so the markup is always well nested whatever the spans, and nothing
from the article ever reaches the page unescaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

#: Outer kinds first: a quote sits inside its sentence, a name inside its quote.
KIND_ORDER = ("meeting", "position", "quote", "mention")


@dataclass(frozen=True)
class Span:
    """A highlighted stretch ``text[start:end]``; ``anchor`` is an element id for links to it."""

    start: int
    end: int
    kind: str
    title: str = ""
    href: str | None = None
    anchor: str | None = None


def highlight(text: str, spans: list[Span]) -> Markup:
    """``text`` as HTML with every valid span marked (spans outside the text are ignored)."""
    valid = [span for span in spans if 0 <= span.start < span.end <= len(text)]
    cuts = sorted({0, len(text), *(span.start for span in valid), *(span.end for span in valid)})
    anchored: set[str] = set()
    pieces: list[str] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [span for span in valid if span.start <= start and end <= span.end]
        covering.sort(key=lambda span: (order_of(span.kind), span.start, -span.end))
        pieces.append(wrap(text[start:end], covering, anchored))
    return Markup("".join(pieces))  # noqa: S704 - every piece was escaped by wrap()


def order_of(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def wrap(piece: str, covering: list[Span], anchored: set[str]) -> str:
    """One piece of text inside the marks of the spans covering it (links only for the innermost)."""
    html = str(escape(piece))
    for position, span in enumerate(reversed(covering)):
        attributes = f' class="{escape(span.kind)}"'
        if span.title:
            attributes += f' title="{escape(span.title)}"'
        if span.anchor and span.anchor not in anchored:
            anchored.add(span.anchor)
            attributes += f' id="{escape(span.anchor)}"'
        if span.href and position == 0:
            html = f'<a href="{escape(span.href)}"{attributes}>{html}</a>'
        else:
            html = f"<mark{attributes}>{html}</mark>"
    return html


def find_mentions(text: str, names: dict[str, tuple[str, str]]) -> list[Span]:
    """Spans of every whole-word occurrence of the given names (``name → (title, href)``).

    Longer names win where two overlap ("Mevlüt Çavuşoğlu" over "Çavuşoğlu"), so mentions never cross.
    """
    found: list[Span] = []
    taken: list[tuple[int, int]] = []
    for name in sorted(names, key=lambda item: (-len(item), item)):
        if len(name) < 3:
            continue
        title, href = names[name]
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append(Span(match.start(), match.end(), "mention", title, href))
    return sorted(found, key=lambda span: span.start)


def paragraph_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The paragraph (blank-line separated) holding ``text[start:end]``, and the paragraph's offset."""
    left = text.rfind("\n\n", 0, max(start, 0))
    right = text.find("\n\n", max(end, 0))
    begin = 0 if left < 0 else left + 2
    finish = len(text) if right < 0 else right
    return text[begin:finish], begin
