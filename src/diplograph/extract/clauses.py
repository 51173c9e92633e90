"""Where the parts of a reported sentence begin and end: the speaker's slot, the reported words, the clause.

Helpers of ``attribution.py`` over character offsets: a new clause begins at ", while", "; " or ", but";
the reported words begin after "that", "in a statement" or "told reporters"; a trailing relative clause
after a quote is the author's gloss; an opening phrase ("In Washington,") is no part of the subject.
"""

from __future__ import annotations

import re

from diplograph.extract.model import Span
from diplograph.extract.quotes import QuoteIndex
from diplograph.extract.verbs import VERB

# Where a new clause may begin: ", while", "; ", ", but", ", and", ": ".
_BOUNDARY = re.compile(r",\s+(?:while|whereas|but|and|as|although|though|though)\s+|;\s+|:\s+")
_CUT = re.compile(r",\s+(?:while|whereas|but|although|though|only\s+to)\s+|;\s+")
# An opening phrase before the subject: "In Washington,", "Speaking to reporters after the meeting,".
_OPENING = re.compile(
    r"(?:(?:After|Before|During|Following|In|On|At|From|With|Under|Without|Amid|Through|For|Ahead\s+of|"
    r"Despite|When|While|As|Since|Earlier|Later|Meanwhile|However|Also|Separately|Hours|Days|But|And|"
    r"Just|Then|Still|Yet|Now|Asked|[A-Z]\w+ing)\b[^,“”\"]{0,90},\s+)+"
)
_THAT = re.compile(r"[^“”\"‘.;:!?]{0,70}?\bthat\s+")
_ADVERBIAL = re.compile(
    r"(?:\s+(?:in|on|at|during|via|through|to)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:statement|interview|briefing|conference|address|speech|post|tweet|video|message|call|Twitter|X|"
    r"Facebook|Telegram|television|TV|radio|parliament|reporters|journalists|\w+day)\b)+"
)
_ADDRESSEE = re.compile(
    r"\s*(?:him|her|them|us|me|reporters|journalists|lawmakers|parliament|Reuters|"
    r"(?:the|a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?(?:gathering|conference|meeting|summit|forum|"
    r"assembly|audience|crowd|parliament|press|media|reporters|journalists|delegates|broadcaster|"
    r"channel|newspaper|agency|television|counterpart|leaders|lawmakers|session|council)|"
    r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})(?:\s+(?:on|at|in|after|during)\s+[^,.;:“\"]{0,40}?)?"
    r"(?=\s)"
)
_GLOSS = re.compile(
    r",\s+(?:which|who|whose|where)\s+|\s+where\s+(?=(?:the|a|an|it|they|he|she|its|their|his|her)\s)"
)


def last_comma(text: str, start: int, end: int) -> int:
    """The last comma that ends a clause, also inside closing quote marks ('take “the appropriate
    decision,” Foreign Minister … told'); -1 when there is none."""
    position = text.rfind(",", start, end)
    while position >= 0:
        if text[position + 1 : position + 2] == " " or (
            text[position + 1 : position + 2] in '”"’' and text[position + 2 : position + 3] == " "
        ):
            return position
        position = text.rfind(",", start, position)
    return -1


def words_start(text: str, verb: re.Match[str], name: str, unit: Span, quotes: QuoteIndex) -> int:
    """Where the reported words begin: after 'in a statement', 'on Twitter', 'told reporters', 'that'."""
    start = verb.end()
    that = _THAT.match(text, start, unit.end)
    gap = text[start : that.end()] if that else ""
    if that and not quotes.inside(that.end() - 1) and " and " not in gap and not _reports_inside(gap):
        return that.end()
    adverbial = _ADVERBIAL.match(text, start, unit.end)
    if adverbial:
        start = adverbial.end()
    if name in ("told", "tells"):
        addressee = _ADDRESSEE.match(text, start, unit.end)
        if addressee:
            start = addressee.end()
    return start


def _reports_inside(gap: str) -> bool:
    """'welcomed the agreement and expressed hope that …': 'that' belongs to another verb."""
    return any(m.group().lower() != "according to" for m in VERB.finditer(gap))


def last_boundary(text: str, start: int, end: int, quotes: QuoteIndex) -> int | None:
    boundaries = [m.end() for m in _BOUNDARY.finditer(text, start, end) if not quotes.inside(m.start())]
    return boundaries[-1] if boundaries else None


def opening_end(text: str, unit_start: int, verb_start: int) -> int:
    opening = _OPENING.match(text, unit_start, verb_start)
    return opening.end() if opening else unit_start


def clause_end(text: str, start: int, end: int, quotes: QuoteIndex | None = None) -> int:
    for match in _CUT.finditer(text, start, end):
        if quotes is None or not quotes.inside(match.start()):
            return match.start()
    return end


def gloss_start(text: str, start: int, end: int, quotes: QuoteIndex) -> int:
    """Where a trailing relative clause after the quoted words begins ('… opened “a new era” in relations
    between the two countries, which had been frozen under …'): the author's gloss, not the speaker's."""
    for match in _GLOSS.finditer(text, start, end):
        rest = Span(match.start(), end)
        if quotes.inside(match.start()) or not quotes.within(Span(start, match.start())):
            continue
        if not quotes.within(rest) and not VERB.search(text, rest.start, rest.end):
            return match.start()
    return end


def next_comma(text: str, start: int, end: int, quotes: QuoteIndex) -> int | None:
    position = start
    while True:
        comma = text.find(",", position, end)
        if comma < 0:
            return None
        if not quotes.inside(comma) and len(text[start:comma].split()) >= 3:
            return comma
        position = comma + 1


def strip_slot(text: str, slot: Span) -> Span:
    start, end = slot.start, slot.end
    while start < end and text[start] in ' ,.!?”"’':
        start += 1
    return Span(start, end)


def inverted_slot(text: str, verb: re.Match[str], unit: Span) -> Span:
    """'…,” said Lavrov' / '…, said a senior official.': the words after the verb, to the next comma."""
    end = verb.end()
    match = re.match(r"[^,.;:!?“\"]{0,80}", text[end : unit.end])
    return Span(end, end + (match.end() if match else 0))


def trim(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start] in " ,:;":
        start += 1
    while end > start and text[end - 1] in " ,.;:":
        end -= 1
    return Span(start, end)
