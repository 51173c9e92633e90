"""Dates in the text, absolute or relative, resolved only as far as the article makes them certain.

An absolute date with a year is certain. A date without a year ("April 14") takes the year of an absolute
date elsewhere in the same article, or of the publication date. A relative expression ("on Wednesday",
"the day before", "next month") is resolved against the publication date or, when that is unknown, against
an absolute date in the article that it can only mean. Otherwise the date stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from diplograph.extract.model import PartialDate, Span

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"

ABSOLUTE_PATTERNS = (
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?\b"),  # May 10, 2023 / April 14
    re.compile(_WEEKDAY + r"(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b"),
    re.compile(r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b"),  # January 2017
    re.compile(r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b"),
)
RELATIVE_PATTERN = re.compile(
    r"\b(?:(?P<direction>last|next|this|on|earlier\s+this|later\s+this|the\s+previous|the\s+following)\s+)?"
    r"(?P<unit>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|weekend|week|month|year|today|"
    r"yesterday|tomorrow)\b|\bthe\s+(?P<before>day\s+before|day\s+after|previous\s+day|next\s+day)\b|"
    r"\b(?P<same>that\s+day|the\s+same\s+day)\b",
    re.IGNORECASE,
)
# A month without a day or year ("in June", "last November", "next month's talks in July"): the nearest such
# month before or after publication, as the tense says. Month names must be capitalised ("may" is a verb).
MONTH_ALONE = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"(?!\s+\d)"
)
MONTH_LEAD = re.compile(
    r"\b(?P<lead>in|last|next|this|early|late|mid-|since|until|by|from|before|after)\s+"
    r"(?:(?:early|late|mid-)\s*)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    """A date expression in the text and what it resolves to (``None`` when not certain)."""

    span: Span
    value: PartialDate | None
    relative: bool


def absolute_dates(text: str, default_year: int | None) -> list[DateMention]:
    """Absolute dates; a date without a year takes ``default_year`` or stays unknown."""
    found: list[DateMention] = []
    taken: list[Span] = []
    for pattern in ABSOLUTE_PATTERNS:
        for match in pattern.finditer(text):
            span = Span(match.start(), match.end())
            if any(span.start < other.end and other.start < span.end for other in taken):
                continue
            value = _absolute_value(match, default_year)
            if value is None and "year" in match.groupdict() and match.group("year") is None and default_year:
                continue
            taken.append(span)
            found.append(DateMention(span, value, relative=False))
    return sorted(found, key=lambda mention: mention.span)


def _absolute_value(match: re.Match[str], default_year: int | None) -> PartialDate | None:
    groups = match.groupdict()
    if groups.get("iso"):
        year, month, day = (int(part) for part in groups["iso"].split("-"))
        return _safe(year, month, day)
    month = MONTHS[groups["month"].rstrip(".").lower()]
    year = int(groups["year"]) if groups.get("year") else default_year
    if year is None:
        return None
    if groups.get("day") is None:
        return PartialDate(year, month)
    value = _safe(year, month, int(groups["day"]))
    weekday = groups.get("weekday")
    if value and weekday and value.as_date() and WEEKDAYS[value.as_date().weekday()] != weekday.lower():  # type: ignore[union-attr]
        return None  # "Friday 14th April" in a year where it is not a Friday: the year is wrong
    return value


def _safe(year: int, month: int, day: int) -> PartialDate | None:
    try:
        return PartialDate.of(date(year, month, day))
    except ValueError:
        return None


def article_year(text: str, published: date | None) -> int | None:
    """The year that dates without one refer to: the publication year, else the only year in full dates."""
    if published:
        return published.year
    years = {
        int(match.group("year"))
        for pattern in ABSOLUTE_PATTERNS[:2]
        for match in pattern.finditer(text)
        if match.group("year")
    }
    return years.pop() if len(years) == 1 else None


FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are|was|were|had\s+been)\s+(?:\w+\s+)?due\s+to|scheduled|planned|to\s+be\s+held|"
    r"(?:is|are)\s+to|(?:is|are)\s+set\s+to|expected\s+to|upcoming|forthcoming)\b",
    re.IGNORECASE,
)


def _speaks_of_future(text: str, span: Span) -> bool:
    """Whether the sentence around a date expression speaks of what is yet to come."""
    start = max(text.rfind(". ", 0, span.start), text.rfind("\n", 0, span.start)) + 1
    ends = [i for i in (text.find(". ", span.end), text.find("\n", span.end)) if i >= 0]
    return bool(FUTURE.search(text, start, min(ends) if ends else len(text)))


def resolve_relative_date(
    match: re.Match[str],
    published: date | None,
    anchors: list[PartialDate],
    reference: PartialDate | None,
    future: bool = False,
) -> PartialDate | None:
    """Resolve one relative expression, or return None when the article does not make it certain."""
    groups = match.groupdict()
    if groups.get("before"):
        if reference is None or reference.as_date() is None:
            return None
        step = -1 if groups["before"].lower() in ("day before", "previous day") else 1
        return PartialDate.of(reference.as_date() + timedelta(days=step))  # type: ignore[operator]
    unit = groups["unit"].lower()
    direction = (groups.get("direction") or "").lower().split()[-1:] or [""]
    direction_word = direction[0]
    if unit in WEEKDAYS:
        return _resolve_weekday(
            WEEKDAYS.index(unit),
            ("ahead" if future and direction_word in ("", "on") else direction_word),
            published,
            anchors,
        )
    if published is None:
        return None
    if unit == "today":
        return PartialDate.of(published)
    if unit == "yesterday":
        return PartialDate.of(published - timedelta(days=1))
    if unit == "tomorrow":
        return PartialDate.of(published + timedelta(days=1))
    if unit == "month" and direction_word in ("this", "last", "next"):
        month_index = (
            published.year * 12 + published.month - 1 + {"this": 0, "last": -1, "next": 1}[direction_word]
        )
        return PartialDate(month_index // 12, month_index % 12 + 1)
    if unit == "year" and direction_word in ("this", "last", "next"):
        return PartialDate(published.year + {"this": 0, "last": -1, "next": 1}[direction_word])
    return None


def _resolve_weekday(
    weekday: int, direction: str, published: date | None, anchors: list[PartialDate]
) -> PartialDate | None:
    if published is not None:
        offset = (published.weekday() - weekday) % 7
        if direction == "next":
            return PartialDate.of(published + timedelta(days=(weekday - published.weekday()) % 7 or 7))
        if direction == "ahead":  # a future event: this coming weekday, possibly the day of publication
            return PartialDate.of(published + timedelta(days=(weekday - published.weekday()) % 7))
        return PartialDate.of(published - timedelta(days=offset))
    # No publication date: a weekday can only mean a full date of the article that falls on it.
    matching = {anchor for anchor in anchors if anchor.as_date() and anchor.as_date().weekday() == weekday}  # type: ignore[union-attr]
    return matching.pop() if len(matching) == 1 else None


def date_mentions(text: str, published: date | None) -> list[DateMention]:
    """Every date expression of the text, resolved where certain, in text order."""
    year = article_year(text, published)
    absolute = absolute_dates(text, year)
    anchors = [mention.value for mention in absolute if mention.value and mention.value.day]
    found = list(absolute)
    reference: PartialDate | None = None
    for match in RELATIVE_PATTERN.finditer(text):
        span = Span(match.start(), match.end())
        if any(span.start < other.span.end and other.span.start < span.end for other in absolute):
            continue
        if not _is_date_use(match):
            continue
        reference = _last_day_before(found, span.start)
        future = _speaks_of_future(text, span)
        if match.group("same"):
            value = _same_day(found, span.start, published, future)
        else:
            value = resolve_relative_date(match, published, anchors, reference, future)
        found.append(DateMention(span, value, relative=True))
    found.extend(_months_alone(text, published, found))
    return sorted(found, key=lambda mention: mention.span)


def resolve_month(month: int, lead: str, published: date | None, future: bool) -> PartialDate | None:
    """'last November' in February 2023 is 2022-11; 'in July' of a meeting to come, in May 2023, 2023-07."""
    if published is None:
        return None
    here = published.month
    if lead == "last":
        year = published.year if month < here else published.year - 1
    elif lead == "next":
        year = published.year if month > here else published.year + 1
    elif lead == "this":
        year = published.year
    elif future:
        year = published.year if month >= here else published.year + 1
    else:
        year = published.year if month <= here else published.year - 1
    return PartialDate(year, month)


def _months_alone(text: str, published: date | None, taken: list[DateMention]) -> list[DateMention]:
    found = []
    for match in MONTH_ALONE.finditer(text):
        lead = MONTH_LEAD.search(text, max(0, match.start() - 16), match.start())
        if lead is None:
            continue
        span = Span(lead.start(), match.end())
        if any(span.start < other.span.end and other.span.start < span.end for other in taken):
            continue  # "in May 2023", "June 12": an absolute date already
        month = MONTHS[match.group("month").lower()]
        value = resolve_month(month, lead.group("lead").lower(), published, _speaks_of_future(text, span))
        found.append(DateMention(span, value, relative=True))
    return found


def _same_day(
    found: list[DateMention], position: int, published: date | None, future: bool
) -> PartialDate | None:
    """'that day': the day last named; for what is still to come, the last day named that is to come."""
    earlier = [m for m in found if m.span.end <= position and m.value and m.value.day is not None]
    if future and published is not None:
        earlier = [m for m in earlier if m.value and m.value.as_date() and m.value.as_date() >= published]  # type: ignore[operator]
    return max(earlier, key=lambda m: m.span.start).value if earlier else None


def _is_date_use(match: re.Match[str]) -> bool:
    """'the week', 'a year' alone are durations, not dates: require a direction or a weekday."""
    if match.group("before") or match.group("same"):
        return True
    unit = match.group("unit").lower()
    return unit in WEEKDAYS or unit in ("today", "yesterday", "tomorrow") or bool(match.group("direction"))


def _last_day_before(found: list[DateMention], position: int) -> PartialDate | None:
    earlier = [m for m in found if m.span.end <= position and m.value and m.value.day is not None]
    return max(earlier, key=lambda m: m.span.start).value if earlier else None
