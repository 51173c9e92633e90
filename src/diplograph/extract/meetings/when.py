"""When a meeting is or was held: the date expression of its clause that belongs to it.

The expression nearest the trigger, made more precise by another one that agrees with it, never the date of
a wire dateline when the clause gives another, never one of an aside about another time, of a statement, of
the end of a range or of an occasion, or of a plan given up, and for "a day after …" the day of the event it
is counted from. When nothing makes the date certain it stays unknown: a wrong date is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from diplograph.extract.dates import DateMention, is_dateline_date, is_saying_date
from diplograph.extract.model import PartialDate, Span

__all__ = [
    "date_going_on",
    "date_of_heading",
    "date_of_lead",
    "day_of_live_blog",
    "meeting_date",
    "tells_its_end",
    "told_before",
]


def meeting_date(
    text: str,
    scope: Span,
    dates: list[DateMention],
    trigger: re.Match[str],
    aside: Sequence[Span] = (),
    tense: str | None = None,
    held: bool = False,
) -> PartialDate | None:
    """The date expression nearest the trigger in the scope, made more precise by another one there that
    agrees with it ('the 2023 summit … in May'); unresolved expressions mean unknown (see
    ``_dates_that_may_be_its`` for the expressions that never date it). The date of a wire
    dateline ('Pyongyang, June 20 (KCNA) --') is when the report was filed: it dates the meeting only when
    the clause gives no other date; dates in an aside ('since the Oct. 7 attack') are of other events. A
    weekday, a month or a date without a year is read in the tense of the clause (``past`` or ``future``):
    'Zelensky, who held talks with Erdoğan in Istanbul on Friday, …' is last Friday, whatever the rest of
    the sentence says is to come; in a clause without a tense cue, 'He flies to Ottawa on Friday' is
    the Friday to come."""
    inside = _dates_that_may_be_its(text, scope, dates, trigger, aside)
    if not inside or tells_its_end(text, scope, trigger):
        return None
    trigger_start = scope.start + trigger.start()
    nearest = min(inside, key=lambda d: abs(d.span.start - trigger_start))
    value = _shifted(text, nearest, trigger_start)
    if value is nearest.value:
        value = nearest.in_tense(tense or _schedule_tense(text, scope, nearest) or ("past" if held else None))
    if value is None or nearest.complement is not None:
        return value
    finer = [
        d.value for d in inside if d.value and _more_precise(d.value, value) and d.value.compatible(value)
    ]
    return max(finer, key=_rank) if finer else value


def _dates_that_may_be_its(
    text: str, scope: Span, dates: list[DateMention], trigger: re.Match[str], aside: Sequence[Span]
) -> list[DateMention]:
    """The date expressions of the clause that may date its meeting: none in an aside, at the end of a
    range, of a plan given up, in a relative clause about another noun, or of a statement ('announced on
    Tuesday that …'); a dateline's only when the clause tells no other date and no statement."""
    trigger_start = scope.start + trigger.start()
    inside = [
        d
        for d in dates
        if scope.start <= d.span.start < scope.end
        and not any(a.start <= d.span.start < a.end for a in aside)
        and not _ends_a_range(text, d)
        and not _superseded(text, d)
        and not _in_clause_of_another_noun(text, scope.start + trigger.end(), d)
        and not _dates_another_noun(text, d, trigger_start)
        and not _dates_a_document(text, d, trigger_start)
    ]
    sayings = [
        d for d in inside if is_saying_date(text, d.span) or _dates_a_saying_of_it(text, d, trigger_start)
    ]
    inside = [d for d in inside if d not in sayings]
    told = [d for d in inside if not is_dateline_date(text, d.span)]
    return told or ([] if sayings else inside)


# "At a news conference later on Sunday, Biden said the visit was not aimed at containing China": a verb of
# saying between a date and the meeting it speaks of; the date is the statement's.
SAYING = re.compile(
    r"\b(?:said|says|told|announced|announces|added|stated|declared|noted|stressed|confirmed|recalled)\b"
)


def _dates_a_saying_of_it(text: str, mention: DateMention, trigger_start: int) -> bool:
    """Whether a verb of saying comes between the date and the trigger, so that the meeting is told in
    what was said that day, and may have been held on any day before."""
    return mention.span.end <= trigger_start and bool(SAYING.search(text, mention.span.end, trigger_start))


# "Today's meeting was prepared during talks between Scholz and Macron in Paris on 12 July 2023": a date in
# the possessive dates the noun right after it ("Today's meeting"), not a meeting told further on.
POSSESSIVE = re.compile(r"['’]s\s")
OWNED_NOUN_CHARACTERS = 30


def _dates_another_noun(text: str, mention: DateMention, trigger_start: int) -> bool:
    """Whether the date is a possessive ('Wednesday's talks') of a noun before the trigger, which is not
    it ("Tonga will host next year's Forum leaders meeting": the trigger, before, takes it as its object)."""
    return bool(POSSESSIVE.match(text, mention.span.end)) and (
        trigger_start - mention.span.end > OWNED_NOUN_CHARACTERS
    )


# "The round, held from Sunday to Tuesday", "from June 4 to 8": the day a range of days ends.
RANGE_END = re.compile(r"\bfrom\s+(?:\S+\s+){1,3}?(?:to|until|till|through)\s+$", re.IGNORECASE)


def _ends_a_range(text: str, mention: DateMention) -> bool:
    """A meeting of several days is dated by its first day, never by the day it ends."""
    return bool(RANGE_END.search(text, max(0, mention.span.start - 40), mention.span.start))


# "Indirect talks are the product of a trust that was broken in 2018, when the United States walked away":
# after the meeting noun, another predicate ("are the product of a trust"), then a relative clause with a
# verb of its own that is still open where the date is.
RELATIVE_CLAUSE = re.compile(
    r"\b(?:that|which|who)\s+(?:had\s+|has\s+|have\s+)?(?:was|were|is|are|been|had|has|have)\b", re.I
)
FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would)\b", re.I)


def _in_clause_of_another_noun(text: str, trigger_end: int, mention: DateMention) -> bool:
    """A date in a relative clause about a noun of another predicate is the date of another event."""
    if mention.span.start <= trigger_end:
        return False
    opened = list(RELATIVE_CLAUSE.finditer(text, trigger_end, mention.span.start))
    if not opened or "," in text[opened[-1].end() : mention.span.start]:
        return False
    return bool(FINITE_VERB.search(text, trigger_end, opened[-1].start()))


# "… to rescue the normalisation deal agreed in February and March": a deal reached on another day than the
# meeting told before it.
DOCUMENT_DATED = re.compile(
    r"\b(?:deal|agreement|accord|treaty|declaration|ceasefire|truce|roadmap|framework|pact)\s+"
    r"(?:(?:agreed|signed|reached|struck|concluded|sealed|brokered)\s+)(?:(?:in|on|at)\s+)?$",
    re.IGNORECASE,
)


def _dates_a_document(text: str, mention: DateMention, trigger_start: int) -> bool:
    return mention.span.start > trigger_start and bool(
        DOCUMENT_DATED.search(text, max(0, mention.span.start - 50), mention.span.start)
    )


# "The visit ends on Friday in Bordeaux": the end of an occasion, named as the subject of its verb.
ENDS = re.compile(r"\s+(?:ends|ended|will\s+end|concludes|concluded|will\s+conclude|wraps\s+up)\b", re.I)


def tells_its_end(text: str, scope: Span, trigger: re.Match[str]) -> bool:
    """A clause that tells when a visit or summit ends does not tell when it began, the day it is dated by."""
    return bool(ENDS.match(text, scope.start + trigger.end()))


# "The visit was originally planned for March 26 to 29, but the Élysée asked for it to be postponed": the
# day of a plan since given up.
SUPERSEDED = re.compile(
    r"\boriginally\s+(?:(?:planned|scheduled|set|due|expected|meant)\s+(?:to\s+\w+\s+)?)?(?:for\s+|on\s+)?$",
    re.IGNORECASE,
)


def _superseded(text: str, mention: DateMention) -> bool:
    """The date a meeting was first set for is not the date it is held on."""
    return bool(SUPERSEDED.search(text, max(0, mention.span.start - 50), mention.span.start))


# "He flies to Ottawa on Friday for talks with Prime Minister Justin Trudeau": in a diary or a schedule the
# present of a verb of going tells what is planned, so its weekday is the one to come.
SCHEDULE_PRESENT = re.compile(
    r"\b(?:flies|travels|heads|leaves|departs|arrives|goes|returns|moves\s+on)\s+(?:on\s+to|to|for|in)\b",
    re.IGNORECASE,
)


def _schedule_tense(text: str, scope: Span, mention: DateMention) -> str | None:
    """'future' when the date follows a verb of going told in the present of a schedule; else unknown."""
    before = text[scope.start : mention.span.start]
    return "future" if SCHEDULE_PRESENT.search(before) else None


_RANK = {"year": 0, "month": 1, "day": 2}


def _rank(value: PartialDate) -> int:
    return _RANK[value.precision.value]


def _more_precise(a: PartialDate, b: PartialDate) -> bool:
    return _rank(a) > _rank(b)


DAY_BEFORE = re.compile(
    r"(?:the|a|one|two|three|four|five|six|seven|\d{1,2})\s+days?\s+(?:before|after)$", re.I
)


def _shifted(text: str, mention: DateMention, trigger_start: int) -> PartialDate | None:
    """'The talks came a day after Blinken met Netanyahu': the meeting told after 'a day after' is a day
    before the talks; 'The postponement, announced the day before EU leaders gathered …' dates the
    announcement, and the gathering is the day after it. Without a dated clause before the words, the day of
    what came before or after the meeting is not the day of the meeting itself."""
    if trigger_start < mention.span.end or DAY_BEFORE.match(mention.span.of(text)) is None:
        return mention.value
    return mention.complement


# "On Saturday Joe Biden brought the Quad home. He hosted Indian Prime Minister Narendra Modi, …": a sentence
# that goes on with the same subject, named by a pronoun, goes on at the same time.
CONTINUING = re.compile(r"(?:He|She|They)\s+(?:also\s+|then\s+)?\w")


def date_going_on(
    text: str, sentences: list[Span], index: int, dates: list[DateMention]
) -> PartialDate | None:
    """The one date of the sentence before, when this one starts with a pronoun in the same paragraph."""
    if index == 0 or not CONTINUING.match(text, sentences[index].start):
        return None
    before = sentences[index - 1]
    if "\n" in text[before.end : sentences[index].start]:
        return None
    told = {
        d.complement or d.value
        for d in dates
        if before.start <= d.span.start < before.end and d.value and not is_saying_date(text, d.span)
    }
    return told.pop() if len(told) == 1 else None


# How many sentences back a lead sentence may date the meeting it is about.
LEAD_REACH = 2


def date_of_lead(
    text: str,
    sentences: list[Span],
    index: int,
    dates: list[DateMention],
    states_named: Callable[[Span], set[str]],
    told: set[int],
    states: set[str],
) -> PartialDate | None:
    """'Prime Minister Sheikh Hasina and her Indian counterpart Narendra Modi yesterday sealed an interim
    water-sharing deal … The two leaders held a tete-a-tete followed by delegation-level talks at Hyderabad
    House', 'The Philippines and China agreed on Tuesday to "de-escalate tensions" … The understanding came
    out of the ninth meeting of the Bilateral Consultation Mechanism': a sentence that reports no meeting but
    says what two of the parties did on one day dates the meeting told right after it."""
    for before in range(index - 1, max(-1, index - 1 - LEAD_REACH), -1):
        if before in told:
            return None  # the sentence before tells a meeting of its own: its day is that meeting's
        span = sentences[before]
        days = {
            d.value
            for d in dates
            if span.start <= d.span.start < span.end
            and d.value
            and d.value.day
            and not is_saying_date(text, d.span)
        }
        if len(days) == 1 and len(states_named(span) & states) >= 2:
            return days.pop()
    return None


# A weekday on a line of its own: the heading of a diary's day ("TUESDAY" above its items).
WEEKDAY_HEADING = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", re.IGNORECASE)


def date_of_heading(text: str, sentence: Span, dates: list[DateMention]) -> PartialDate | None:
    """'TUESDAY' on a line of its own, then '* Turkish President Tayyip Erdogan met Israeli Prime Minister
    Benjamin Netanyahu at the Turkish House …': a round-up's heading dates the items under it that give no
    date of their own, up to the next heading."""
    heading = None
    for mention in dates:
        if mention.span.start >= sentence.start:
            break
        if (
            mention.value
            and WEEKDAY_HEADING.fullmatch(mention.span.of(text))
            and _alone_on_line(text, mention.span)
        ):
            heading = mention
    return heading.value if heading else None


def _alone_on_line(text: str, span: Span) -> bool:
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start : span.start].strip() and not text[span.end : line_end].strip(" :\t")


# "18:20 - Zelensky: 'Peace will become closer'", "11:58 p.m. ET", "17:40 That's all from us": the time stamp
# that opens each entry of a live blog.
LIVE_STAMP = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?(?=\s|$)", re.MULTILINE)
LIVE_ENTRIES = 3


def day_of_live_blog(text: str, published: date | None) -> PartialDate | None:
    """The day of a live blog (entries under time stamps, published that day): what an entry tells as done,
    with no other date, was done that day."""
    if published is None or len(LIVE_STAMP.findall(text)) < LIVE_ENTRIES:
        return None
    return PartialDate.of(published)


# "He had met India's prime minister Narendra Modi …": a meeting before the time of the telling.
PLUPERFECT = re.compile(
    r"\bhad\s+(?:\w+\s+)?(?:met|held|hosted|visited|received|talked|been)\b", re.IGNORECASE
)


def told_before(text: str, clause: Span) -> bool:
    return bool(PLUPERFECT.search(text, clause.start, clause.end))
