"""When a meeting is or was held: the date expression of its clause that belongs to it.

The expression nearest the trigger, made more precise by another one that agrees with it, never the date of
a wire dateline when the clause gives another, never one of an aside about another time, and for "a day
after …" the day of the event it is counted from.
"""

from __future__ import annotations

import re

from diplograph.extract.dates import DateMention, is_dateline_date
from diplograph.extract.model import PartialDate, Span

__all__ = ["date_going_on", "meeting_date"]


def meeting_date(
    text: str, scope: Span, dates: list[DateMention], trigger: re.Match[str], aside: list[Span] = ()
) -> PartialDate | None:
    """The date expression nearest the trigger in the scope, made more precise by another one there that
    agrees with it ('the 2023 summit … in May'); unresolved expressions mean unknown. The date of a wire
    dateline ('Pyongyang, June 20 (KCNA) --') is when the report was filed: it dates the meeting only when
    the clause gives no other date; dates in an aside ('since the Oct. 7 attack') are of other events."""
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
