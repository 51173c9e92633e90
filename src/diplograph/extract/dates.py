"""Dates in the text, absolute or relative, resolved only as far as the article makes them certain.

An absolute date with a year is certain. A date without a year ("April 14") takes the year of an absolute
date elsewhere in the same article, or of the publication date. A relative expression ("on Wednesday",
"the day before", "next month") is resolved against the publication date or, when that is unknown, against
an absolute date in the article that it can only mean. Otherwise the date stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from diplograph.extract.model import PartialDate, Span
from diplograph.extract.patterns import LowercasePattern, keyword_text, matches_at, word_alternation

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

# A range of days ("10-11 May 2024", "May 10-11, 2024", "28–29 February", "on 4 and 5 April 2021", "from 4 to
# 6 April") is dated by its first day: a meeting of several days is dated by the day it opened.
_RANGE = r"(?:\s*[-–]\s*|\s+(?:and|to)\s+)"
_FIRST_DAY = r"(?:(?P<first>[0-3]?\d)(?:st|nd|rd|th)?" + _RANGE + r")?"
_LAST_DAY = r"(?:" + _RANGE + r"[0-3]?\d(?:st|nd|rd|th)?(?![\d:]|,\d))?"
# Each pattern first looks at what may start it, at the start of a word: a regular expression is otherwise
# tried at every character of the article.
ABSOLUTE_PATTERNS = (
    re.compile(  # May 10, 2023 / April 14
        r"(?<!\w)(?=[A-Z])" + _WEEKDAY + _MONTH + r"\s+" + _DAY + _LAST_DAY + r"(?:,?\s+" + _YEAR + r")?\b"
    ),
    re.compile(  # Friday 14th April 2017 / 10-11 May 2024 / the 3rd of May
        r"(?<!\w)(?=\d|Mon|Tue|Wed|Thu|Fri|Sat|Sun|the)"
        + _WEEKDAY
        + r"(?:the\s+)?"
        + _FIRST_DAY
        + _DAY
        + r"\s+(?:of\s+)?"
        + _MONTH
        + r"(?:,?\s+"
        + _YEAR
        + r")?\b"
    ),
    re.compile(r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b"),  # January 2017
    re.compile(r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b"),
)
RELATIVE_PATTERN = LowercasePattern(
    re.compile(
        r"(?<!\w)(?=[lntoemwfsyai0-9])(?:\b(?:(?P<direction>last|next|this|on|earlier\s+this|later\s+this|the\s+previous|the\s+following)\s+)?"
        r"(?P<unit>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|weekend|week|month|year|today|"
        r"yesterday|tomorrow)\b|\bthe\s+(?P<before>day\s+before|day\s+after|previous\s+day|next\s+day|following\s+day)\b|"
        r"\b(?P<count>a|one|two|three|four|five|six|seven|\d{1,2})\s+days?\s+(?P<shift>later|earlier|before|after)\b|"
        # "In the afternoon, Hasina called on President Droupadi Murmu": the part of the day last named.
        r"\b(?P<same>(?:that|in\s+the)\s+(?:day|morning|afternoon|evening|night)|the\s+same\s+day|at\s+the\s+same\s+time|"
        r"(?:earlier|later)\s+(?:in\s+the|that)\s+day)\b)",
        re.IGNORECASE,
    )
)
COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# A month without a day or year ("in June", "last November", "next month's talks in July"): the nearest such
# month before or after publication, as the tense says. Month names must be capitalised ("may" is a verb).
MONTH_ALONE = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"(?!\s+\d)"
)
# "The third, set for September, was postponed": a month a meeting is set for.
MONTH_LEAD = re.compile(
    r"\b(?P<lead>in|last|next|this|early|late|mid-|since|until|by|from|before|after|"
    r"(?:set|scheduled|planned|slated|due)\s+for)\s+"
    r"(?:(?:early|late|mid-)\s*)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    """A date expression in the text and what it resolves to (``None`` when not certain)."""

    span: Span
    value: PartialDate | None
    relative: bool
    # "The talks came a day after Blinken met Netanyahu": the day of what the words after "before" or
    # "after" tell, when the clause before them is the one dated (here the day before the talks).
    complement: PartialDate | None = None
    # What an expression whose direction only the tense gives ("on Friday", "in July", "December 15" without
    # a year) means in a clause about the past and in one about what is to come; None when it has no choice.
    past: PartialDate | None = None
    ahead: PartialDate | None = None
    near: PartialDate | None = None  # of the two, the one nearer the publication date

    def in_tense(self, tense: str | None) -> PartialDate | None:
        """The value in a clause told in the past ('held talks … on Friday') or the future ('is due to take
        part on Wednesday'): the tense of the clause that governs the expression, not of its sentence;
        ``near`` (a meeting called off) takes the reading nearest the publication date."""
        if tense == "past" and self.past is not None:
            return self.past
        if tense == "future" and self.ahead is not None:
            return self.ahead
        if tense == "near" and self.near is not None:
            return self.near
        return self.value


def absolute_matches(text: str, names: list[int]) -> list[list[re.Match[str]]]:
    """The matches of each of ``ABSOLUTE_PATTERNS``, found once for both the article year and the dates
    (``names``: where a month or a weekday may start, from ``_name_starts``)."""
    return [_matches(pattern, text, names) for pattern in ABSOLUTE_PATTERNS]


def _matches(pattern: re.Pattern[str], text: str, names: list[int]) -> list[re.Match[str]]:
    if pattern in _AT_NAMES:
        return list(matches_at(pattern, text, names))
    if pattern is _ISO and "-0" not in text and "-1" not in text:
        return []  # an ISO date has '-0' or '-1' before its month: most articles have neither
    return list(pattern.finditer(text))


# Where the name of a month or a weekday may start (capitalised, as the patterns that begin with one need):
# a pattern that can only start there is tried at these few places instead of at every character.
_NAME_START = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun")
_AT_NAMES = (ABSOLUTE_PATTERNS[0], ABSOLUTE_PATTERNS[2])  # "Friday, May 10, 2023", "January 2017"
_ISO = ABSOLUTE_PATTERNS[3]


def _name_starts(text: str) -> list[int]:
    return [match.start() for match in _NAME_START.finditer(text)]


def absolute_dates(
    matches: list[list[re.Match[str]]], default_year: int | None, published: date | None = None
) -> list[DateMention]:
    """Absolute dates (from ``absolute_matches``); a date without a year takes ``default_year`` or stays
    unknown."""
    found: list[DateMention] = []
    taken: list[Span] = []
    for pattern_matches in matches:
        for match in pattern_matches:
            span = Span(match.start(), match.end())
            if any(span.start < other.end and other.start < span.end for other in taken):
                continue
            value = _absolute_value(match, default_year)
            if value is None and "year" in match.groupdict() and match.group("year") is None and default_year:
                continue
            taken.append(span)
            past, ahead = _either_year(match, value, published)
            near = _nearer(past, ahead, published)
            found.append(DateMention(span, value, relative=False, past=past, ahead=ahead, near=near))
    return sorted(found, key=lambda mention: mention.span)


def _nearer(
    past: PartialDate | None, ahead: PartialDate | None, published: date | None
) -> PartialDate | None:
    """Of a past and a future reading, the one nearer the publication date (a month counts by its 15th)."""
    if past is None or ahead is None or published is None:
        return None

    def distance(value: PartialDate) -> int:
        day = value.as_date() or date(value.year, value.month or 7, 15 if value.month else 1)
        return abs((day - published).days)

    return min((past, ahead), key=distance)


def _either_year(
    match: re.Match[str], value: PartialDate | None, published: date | None
) -> tuple[PartialDate | None, PartialDate | None]:
    """'December 15' without a year in a report of February 2025: 2024-12-15 if the clause tells of the
    past ('scheduled for December 15, was called off'), 2025-12-15 if of the future."""
    day = value.as_date() if value is not None else None
    if day is None or published is None or match.groupdict().get("year") or match.groupdict().get("iso"):
        return None, None
    if day.year != published.year:
        return None, None
    earlier = _safe(day.year - 1, day.month, day.day) if day > published else value
    later = _safe(day.year + 1, day.month, day.day) if day < published else value
    return earlier, later


def _absolute_value(match: re.Match[str], default_year: int | None) -> PartialDate | None:
    groups = match.groupdict()
    if groups.get("iso"):
        iso_year, iso_month, iso_day = (int(part) for part in groups["iso"].split("-"))
        return _safe(iso_year, iso_month, iso_day)
    month = MONTHS[groups["month"].rstrip(".").lower()]
    year = int(groups["year"]) if groups.get("year") else default_year
    if year is None:
        return None
    if groups.get("day") is None:
        return PartialDate(year, month)
    value = _safe(year, month, int(groups.get("first") or groups["day"]))
    weekday = groups.get("weekday")
    if value and weekday and value.as_date() and WEEKDAYS[value.as_date().weekday()] != weekday.lower():  # type: ignore[union-attr]
        return None  # "Friday 14th April" in a year where it is not a Friday: the year is wrong
    return value


def _safe(year: int, month: int, day: int) -> PartialDate | None:
    try:
        return PartialDate.of(date(year, month, day))
    except ValueError:
        return None


def article_year(matches: list[list[re.Match[str]]], published: date | None) -> int | None:
    """The year that dates without one refer to: the publication year, else the only year in full dates
    (the matches of the first two of ``ABSOLUTE_PATTERNS``)."""
    if published:
        return published.year
    years = {int(match.group("year")) for found in matches[:2] for match in found if match.group("year")}
    return years.pop() if len(years) == 1 else None


FUTURE = LowercasePattern(
    word_alternation(
        r"will|shall|(?:is|are|was|were|had\s+been)\s+(?:\w+\s+)?due\s+to|scheduled|planned|to\s+be\s+held|"
        r"(?:is|are)\s+to|(?:is|are)\s+set\s+to|expected\s+to|upcoming|forthcoming|"
        # "He said he would meet his Indian counterpart … in mid-January": the future of reported speech.
        r"would\s+(?:\w+\s+)?(?:meet|visit|host|hold|travel|attend|go|come|see)"
    )
)


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence around ``position`` starts: after the last '. ' that does not end an initial
    ('S. Jaishankar') and after the last line break."""
    line = text.rfind("\n", 0, position) + 1
    stop = text.rfind(". ", line, position)
    while stop > line and _INITIAL.search(text, max(line, stop - 3), stop):
        stop = text.rfind(". ", line, stop)
    return max(line, stop + 1)


_INITIAL = re.compile(r"(?:^|\W)[A-Z]$")


def _speaks_of_future(text: str, lowered: str | None, span: Span) -> bool:
    """Whether the clause around a date expression speaks of what is yet to come: "Modi and Sharif's meeting
    in Ufa in July produced a joint statement …, and the talks … scheduled for New Delhi in August, were
    called off" — the tense of the second clause is not that of the first."""
    start = _sentence_start(text, span.start)
    ends = [i for i in (text.find(". ", span.end), text.find("\n", span.end)) if i >= 0]
    end = min(ends) if ends else len(text)
    before = [m.end() for m in CLAUSE_JOIN.finditer(text, start, span.start)]
    after = CLAUSE_JOIN.search(text, span.end, end)
    return bool(
        FUTURE.search(text, lowered, before[-1] if before else start, after.start() if after else end)
    )


# Where a sentence joins two clauses, each with a tense of its own.
CLAUSE_JOIN = re.compile(r",\s+(?:and|but|while|whereas)\s|;\s|\s[—–]\s")


def resolve_relative_date(
    match: re.Match[str],
    published: date | None,
    anchors: list[PartialDate],
    reference: PartialDate | None,
    future: bool = False,
) -> PartialDate | None:
    """Resolve one relative expression, or return None when the article does not make it certain."""
    groups = match.groupdict()
    if groups.get("count"):
        days = shift_in_days(match)
        day = reference.as_date() if reference else None
        return PartialDate.of(day + timedelta(days=days)) if day else None
    if groups.get("before"):
        if reference is None or reference.as_date() is None:
            return None
        step = -1 if groups["before"].lower() in ("day before", "previous day") else 1
        return PartialDate.of(reference.as_date() + timedelta(days=step))  # type: ignore[operator,arg-type]
    unit = groups["unit"].lower()
    direction = (groups.get("direction") or "").lower().split()[-1:] or [""]
    direction_word = direction[0]
    if unit in WEEKDAYS:
        return _resolve_weekday(
            WEEKDAYS.index(unit),
            ("ahead" if future and direction_word in ("", "on", "this") else direction_word),
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
    if unit in ("week", "weekend") and direction_word in ("this", "last", "next"):
        return _week_of(published, unit, {"this": 0, "last": -1, "next": 1}[direction_word])
    return None


def _week_of(published: date, unit: str, shift: int) -> PartialDate | None:
    """'next week' from Thursday 2 March 2023 is within March 2023; 'last weekend' the Saturday and Sunday
    before: only the month (or the year) both ends share is certain, never a day."""
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
    first = monday + timedelta(days=5) if unit == "weekend" else monday
    last = first + timedelta(days=1 if unit == "weekend" else 6)
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(first.year, first.month)
    return PartialDate(first.year) if first.year == last.year else None


def _direction_by_tense(match: re.Match[str]) -> bool:
    """'on Friday', 'Friday', 'this Friday': a weekday whose direction only the tense of its clause gives."""
    unit = (match.group("unit") or "").lower()
    direction = (match.group("direction") or "").lower()
    return unit in WEEKDAYS and direction in ("", "on", "this")


def shift_in_days(match: re.Match[str]) -> int:
    """How many days 'three days later', 'a day earlier', 'the day before' move from their day."""
    if match.group("before"):
        return -1 if match.group("before").lower() in ("day before", "previous day") else 1
    count = match.group("count").lower()
    days = COUNTS.get(count) or int(count)
    return days if match.group("shift").lower() in ("later", "after") else -days


# "The talks came a day after Blinken met …": a meeting told before (the dated subject), a predicate, then
# the distance to another event told right after it.
COMPLEMENT_BEFORE = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?(?:talks|meetings?|summit|visit|trip|session|conference)\s+"
    r"(?:came|comes|was\s+held|were\s+held|took\s+place|began|opened)\s+$",
    re.I,
)


def _complement(text: str, match: re.Match[str], reference: PartialDate | None) -> PartialDate | None:
    """The day of the event after 'a day after' / 'the day before' when the words before them are dated by
    the reference day: 'The talks came a day after Blinken met …' (talks on the 10th, meeting on the 9th)."""
    if (
        not (match.group("before") or match.group("shift"))
        or reference is None
        or reference.as_date() is None
    ):
        return None
    if match.group("shift") and match.group("shift").lower() not in ("before", "after"):
        return None
    if not COMPLEMENT_BEFORE.search(text, max(0, match.start() - 50), match.start()):
        return None
    return PartialDate.of(reference.as_date() - timedelta(days=shift_in_days(match)))  # type: ignore[operator,arg-type]


def _resolve_weekday(
    weekday: int, direction: str, published: date | None, anchors: list[PartialDate]
) -> PartialDate | None:
    if published is not None:
        offset = (published.weekday() - weekday) % 7
        if direction == "next":
            return PartialDate.of(published + timedelta(days=(weekday - published.weekday()) % 7 or 7))
        if direction == "ahead":  # a future event: this coming weekday, possibly the day of publication
            return PartialDate.of(published + timedelta(days=(weekday - published.weekday()) % 7))
        if direction == "last" and offset == 0:
            offset = 7  # "last Monday" said on a Monday is a week ago
        return PartialDate.of(published - timedelta(days=offset))
    # No publication date: a weekday can only mean a full date of the article that falls on it.
    matching = {anchor for anchor in anchors if anchor.as_date() and anchor.as_date().weekday() == weekday}  # type: ignore[union-attr]
    return matching.pop() if len(matching) == 1 else None


def date_mentions(text: str, published: date | None) -> list[DateMention]:
    """Every date expression of the text, resolved where certain, in text order."""
    names = _name_starts(text)  # shared by the scans for absolute dates and for months alone
    matches = absolute_matches(text, names)
    year = article_year(matches, published)
    absolute = absolute_dates(matches, year, published)
    anchors = [mention.value for mention in absolute if mention.value and mention.value.day]
    found = list(absolute)
    published = _day_of_dateline(text, absolute, published)
    reference: PartialDate | None = None
    # (a month told stops the day before it counting)
    lowered = keyword_text(text)
    months = _months_alone(text, lowered, names, published, absolute)
    for match in RELATIVE_PATTERN.finditer(text, lowered):
        span = Span(match.start(), match.end())
        if any(span.start < other.span.end and other.span.start < span.end for other in absolute):
            continue
        if not _is_date_use(match):
            continue
        reference = _last_day_before([*found, *months], span.start)
        future = _speaks_of_future(text, lowered, span)
        if _inside_quote(text, span.start):
            value = None  # "today's good feelings will not last," Pompeo said: the day he spoke, not known
        elif match.group("same"):
            same = _same_day(found, span.start, published, future)
            if same is not None:  # "that day": the day named before, read in the tense that one is read in
                found.append(replace(same, span=span, relative=True, complement=None))
            else:
                found.append(DateMention(span, None, True))
            continue
        else:
            value = resolve_relative_date(match, published, anchors, reference, future)
        past = ahead = None
        if value is not None and _direction_by_tense(match) and not _inside_quote(text, span.start):
            past = resolve_relative_date(match, published, anchors, reference, future=False)
            ahead = resolve_relative_date(match, published, anchors, reference, future=True)
        complement = _complement(text, match, reference)
        near = _nearer(past, ahead, published)
        found.append(DateMention(span, value, True, complement, past, ahead, near))
    found.extend(_years_alone(text, lowered, found))
    found.extend(_months_alone(text, lowered, names, published, found))
    return _in_years_told(text, sorted(found, key=lambda mention: mention.span), published)


def _in_years_told(text: str, found: list[DateMention], published: date | None) -> list[DateMention]:
    """'Reykjavik in 2021 was meant to repair the damage. Antony Blinken and Sergei Lavrov used it for their
    first face-to-face meeting, … on the evening of 19 May': a day or month without a year takes the year
    the sentence or the one before it (in the same paragraph) names, rather than the year of publication.
    A weekday there is unknown: 'In June 2019, Putin travelled to Osaka … On Saturday he met Abe' is a
    Saturday of that June, not of the week of publication."""
    if published is None:
        return found
    result = []
    for mention in found:
        year = _year_told_before(text, mention.span.start, found) if mention.near is not None else None
        if year is not None and mention.value is not None and year != mention.value.year:
            value: PartialDate | None = PartialDate(year, mention.value.month, mention.value.day)
            if _WEEKDAY_NAME.search(mention.span.of(text)):
                value = None
            mention = replace(mention, value=value, past=None, ahead=None, near=None)
        result.append(mention)
    return result


_WEEKDAY_NAME = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.IGNORECASE)


def _year_told_before(text: str, position: int, found: list[DateMention]) -> int | None:
    line = text.rfind("\n", 0, position) + 1
    start = _sentence_start(text, position)
    if start > line:
        start = _sentence_start(text, max(line, start - 2))  # the sentence before, in the same paragraph
    years = [
        m.value.year
        for m in found
        if start <= m.span.start < position and m.value and not m.relative and m.near is None
    ]
    return years[-1] if years else None


# A year alone: "will host the next summit in 2025", "the 2023 summit" (a year before a meeting noun).
YEAR_ALONE = LowercasePattern(
    re.compile(
        r"(?<!\w)(?=[ibdta])(?:\b(?:(?:in|by|during)\s+(?:(?:early|mid|late)[-\s]|the\s+(?:spring|summer|autumn|fall|"
        r"winter|first\s+half|second\s+half|beginning|start|end)\s+of\s+)?|at\s+the\s+(?:beginning|start|end)\s+of\s+)"
        r"(?P<year>(?:19|20)\d\d)\b(?!\s*(?:[-–/]|(?:and|or)\s+(?:in\s+)?(?:19|20)\d\d|,\s*(?:19|20)\d\d))|"
        r"\b(?:the|its|their|this|that)\s+(?P<premodifier>(?:19|20)\d\d)\s+"
        r"(?=(?:[\w-]+\s+)?(?:summit|meeting|talks|visit|conference|session|negotiations|round)\b))",
        re.IGNORECASE,
    )
)


def _years_alone(text: str, lowered: str | None, taken: list[DateMention]) -> list[DateMention]:
    found = []
    for match in YEAR_ALONE.finditer(text, lowered):
        group = "year" if match.group("year") else "premodifier"
        span = Span(match.start(group), match.end(group))
        if any(span.start < other.span.end and other.span.start < span.end for other in taken):
            continue  # "in May 2023": an absolute date already
        found.append(DateMention(span, PartialDate(int(match.group(group))), relative=False))
    return found


def _year_in_sentence(text: str, position: int, found: list[DateMention]) -> int | None:
    """'The 2023 summit, which Albanese was to host … in May': the year named before a bare month."""
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    years = {
        m.value.year
        for m in found
        if start <= m.span.start < position and m.value and m.value.month is None and not m.relative
    }
    return years.pop() if len(years) == 1 else None


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


def _months_alone(
    text: str, lowered: str | None, names: list[int], published: date | None, taken: list[DateMention]
) -> list[DateMention]:
    found = []
    for match in matches_at(MONTH_ALONE, text, names):
        lead = MONTH_LEAD.search(text, max(0, match.start() - 16), match.start())
        if lead is None:
            continue
        span = Span(lead.start(), match.end())
        if any(span.start < other.span.end and other.span.start < span.end for other in taken):
            continue  # "in May 2023", "June 12": an absolute date already
        month = MONTHS[match.group("month").lower()]
        year = _year_in_sentence(text, span.start, taken)
        relative_year = RELATIVE_YEAR.match(text, match.end())
        if year is not None:
            value: PartialDate | None = PartialDate(year, month)
        elif relative_year and published:  # "in September last year"
            shift = {"last": -1, "next": 1, "this": 0}[relative_year.group("direction").lower()]
            value = PartialDate(published.year + shift, month)
            span = Span(span.start, relative_year.end())
        else:
            value = resolve_month(
                month, lead.group("lead").lower(), published, _speaks_of_future(text, lowered, span)
            )
        past = ahead = None
        if year is None and not relative_year and lead.group("lead").lower() not in ("last", "next", "this"):
            past, ahead = (resolve_month(month, "in", published, future) for future in (False, True))
        found.append(DateMention(span, value, True, None, past, ahead, _nearer(past, ahead, published)))
    return found


RELATIVE_YEAR = re.compile(r"\s+(?P<direction>last|next|this)\s+year\b", re.IGNORECASE)


def _same_day(
    found: list[DateMention], position: int, published: date | None, future: bool
) -> DateMention | None:
    """'that day': the day last named; for what is still to come, the last day named that is to come."""
    earlier = [m for m in found if m.span.end <= position and m.value and m.value.day is not None]
    if future and published is not None:
        earlier = [m for m in earlier if m.value and m.value.as_date() and m.value.as_date() >= published]  # type: ignore[operator]
    return max(earlier, key=lambda m: m.span.start) if earlier else None


def _inside_quote(text: str, position: int) -> bool:
    """Whether ``position`` is inside quoted words of its paragraph."""
    before = text[text.rfind("\n", 0, position) + 1 : position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _is_date_use(match: re.Match[str]) -> bool:
    """'the week', 'a year' alone are durations, not dates: require a direction or a weekday."""
    if match.group("before") or match.group("same") or match.group("count"):
        return True
    unit = match.group("unit").lower()
    return unit in WEEKDAYS or unit in ("today", "yesterday", "tomorrow") or bool(match.group("direction"))


def _last_day_before(found: list[DateMention], position: int) -> PartialDate | None:
    """The day 'the following day' counts from: the last day told before, unless a month was told since
    ('In February, Retno met … A planned trip … the following day' is a day of February, which one unknown;
    the 'February 1' coup told earlier is no reference)."""
    earlier = [m for m in found if m.span.end <= position and m.value and m.value.month is not None]
    last = max(earlier, key=lambda m: m.span.start).value if earlier else None
    return last if last is not None and last.day is not None else None


# "AMMAN, May 1 (Reuters) -", "Pyongyang, June 20 (KCNA) --", "ANTALYA, March 10. /TASS/.": a place at the
# start of a paragraph, then the date the report was filed.
_DATELINE_LEAD = re.compile(r"(?:^|\n)[A-Z][A-Za-z .'’-]{1,30},\s*$")
# (and "RIYADH, March 12, 2024, SPA --": the agency after a comma)
_DATELINE_TAIL = re.compile(r"\.?\s*(?:\(|/|[-—–]{1,2}\s|,\s*[A-Z][A-Za-z]{1,8}\s*[-—–]{1,2}\s)")


# "Egypt announced on Tuesday that the negotiations … have ended", "Speaking in Singapore on Sunday,
# Zelenskyy said …", "the Élysée said on Wednesday": a date right after a verb of saying dates the saying.
_SAYING_BEFORE = re.compile(
    r"\b(?:said|says|announced|announces|stated|declared|confirmed|added|reported|wrote|tweeted|posted|"
    r"told\s+(?:reporters|journalists|the\s+press|\w+)|saying|announcing|[Ss]peaking(?:\s+(?:in|at|to)\s+"
    r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?),?\s+(?:on\s+)?$"
)


def is_saying_date(text: str, span: Span) -> bool:
    """Whether the date at ``span`` is that of a statement ('announced on Tuesday that …'), not of the
    events the statement tells of: a meeting reported in it may have been held on any day before."""
    return bool(_SAYING_BEFORE.search(text, max(0, span.start - 60), span.start))


def _day_of_dateline(text: str, absolute: list[DateMention], published: date | None) -> date | None:
    """The day the report was filed, when a dateline gives it a few days before the publication date:
    'RIYADH, March 12, 2024, SPA -- … received today' is the 12th, whatever day the page went up."""
    for mention in sorted(absolute, key=lambda m: m.span.start)[:3]:
        day = mention.value.as_date() if mention.value else None
        recent = day is not None and (published is None or 0 <= (published - day).days <= 3)
        if recent and is_dateline_date(text, mention.span):
            return day
    return published


def is_dateline_date(text: str, span: Span) -> bool:
    """Whether the date at ``span`` is that of a wire dateline, the day the report was filed."""
    return bool(
        _DATELINE_LEAD.search(text, max(0, span.start - 34), span.start)
        and _DATELINE_TAIL.match(text, span.end)
    )
