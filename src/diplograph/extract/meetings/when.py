"""When a meeting is or was held: the date expression of its clause that belongs to it.

The expression nearest the trigger, made more precise by another one that agrees with it, never the date of
a wire dateline when the clause gives another, never one of an aside about another time, and for "a day
after …" the day of the event it is counted from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from diplograph.extract.dates import DateMention, is_dateline_date
from diplograph.extract.model import PartialDate, Span

__all__ = ["date_going_on", "date_of_lead", "meeting_date"]


def meeting_date(
    text: str,
    scope: Span,
    dates: list[DateMention],
    trigger: re.Match[str],
    aside: Sequence[Span] = (),
    tense: str | None = None,
) -> PartialDate | None:
    """The date expression nearest the trigger in the scope, made more precise by another one there that
    agrees with it ('the 2023 summit … in May'); unresolved expressions mean unknown. The date of a wire
    dateline ('Pyongyang, June 20 (KCNA) --') is when the report was filed: it dates the meeting only when
    the clause gives no other date; dates in an aside ('since the Oct. 7 attack') are of other events. A
    weekday, a month or a date without a year is read in the tense of the clause (``past`` or ``future``):
    'Zelensky, who held talks with Erdoğan in Istanbul on Friday, …' is last Friday, whatever the rest of
    the sentence says is to come."""
    inside = [
        d
        for d in dates
        if scope.start <= d.span.start < scope.end and not any(a.start <= d.span.start < a.end for a in aside)
    ]
    told = [d for d in inside if not is_dateline_date(text, d.span)]
    inside = told or inside
    if not inside:
        return None
    trigger_start = scope.start + trigger.start()
    nearest = min(inside, key=lambda d: abs(d.span.start - trigger_start))
    value = _shifted(text, nearest, trigger_start)
    if value is nearest.value:
        value = nearest.in_tense(tense)
    if value is None or nearest.complement is not None:
        return value
    finer = [
        d.value for d in inside if d.value and _more_precise(d.value, value) and d.value.compatible(value)
    ]
    return max(finer, key=_rank) if finer else value


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
    told = {d.complement or d.value for d in dates if before.start <= d.span.start < before.end and d.value}
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
        days = {d.value for d in dates if span.start <= d.span.start < span.end and d.value and d.value.day}
        if len(days) == 1 and len(states_named(span) & states) >= 2:
            return days.pop()
    return None
