"""Meetings that share the place and time of another occasion: side meetings, meetings during a visit told
before, a sentence that sets the scene for the next one, and meetings of the day in the dateline's city."""

from __future__ import annotations

import re
from datetime import date

from diplograph.extract.meetings.cues import MEETING_NOUN, SIDELINES
from diplograph.extract.meetings.merging import Draft
from diplograph.extract.meetings.participants import deduplicate
from diplograph.extract.model import Status

__all__ = ["city_of_the_day", "places_from_dateline", "take_occasion", "take_people", "take_setting"]

_NOUN = re.compile(r"\b(?:" + MEETING_NOUN + r")\b", re.IGNORECASE)
_GATHERING = re.compile(r"summits?|conference|assembly|forum|session|gathered|convened", re.IGNORECASE)


def take_setting(setting: Draft, draft: Draft) -> None:
    """'The last round of indirect talks went down to the wire in Doha on Wednesday. Sheikh Mohammed met
    the Hamas delegation …', 'Southeast Asian leaders meeting in Jakarta on Saturday reached a consensus with
    … Min Aung Hlaing. The ASEAN Leaders' Meeting … was chaired by …': the sentence before told the time,
    the place and some of the people of the meeting the next one tells the parties of."""
    draft.date = draft.date or setting.date
    draft.place = draft.place or setting.place
    draft.participants = deduplicate([*draft.participants, *setting.participants])
    draft.states |= setting.states


def take_people(before: Draft, draft: Draft, subjects_only: bool = False) -> None:
    """'Modi and Xi had a brief conversation, …, their first since they exchanged pleasantries at a Group of
    20 dinner in Bali': 'they' are the people of the clause before; '… met Xi …, before co-chairing the
    summit with Li Qiang': the subject of the clause before."""
    people = [
        p
        for p in before.participants
        if p.entity.kind == "person" and (not subjects_only or p.entity.key in before.subjects)
    ]
    draft.participants = deduplicate([*people, *draft.participants])
    draft.states = {p.represents or p.entity.key for p in draft.participants}


def take_occasion(text: str, drafts: list[Draft], draft: Draft) -> None:
    """'On the sidelines of the forum, Lavrov met …': where and, if the clause does not say, when the
    meeting it is a side meeting of was held: the latest one told with a place, called what the sidelines
    are of ('the summit') when one is."""
    occasions = [d for d in drafts if not d.sidelines]
    told = [d for d in occasions if d.place is not None]
    side = SIDELINES.search(text, draft.evidence[0].start, draft.evidence[0].end)
    noun = _NOUN.search(side.group("event")) if side else None
    # the occasion named is the one, even when its place is not known yet (a dateline may give it later)
    named = [
        d for d in occasions if noun and text[d.trigger.start : d.trigger.end].lower() == noun.group().lower()
    ]
    if side is None:  # "on the sidelines", of no occasion named: of the gathering told before
        named = [d for d in told if _GATHERING.fullmatch(text, d.trigger.start, d.trigger.end)]
    candidates = named or told
    occasion = candidates[-1] if candidates else None
    if occasion is not None:
        draft.place = occasion.place
        draft.date = draft.date or occasion.date


def places_from_dateline(drafts: list[Draft], dateline: object, published: date | None) -> None:
    """A meeting of the day of publication (or the day before) whose place the text does not give was, as
    a rule, held where the dateline says the report was filed from ('ANTALYA, March 10. /TASS/.'); so was
    one of the last days held at a building the text names without a city ('the three-day summit, which
    opened on Tuesday at the Sandton Convention Centre' under 'JOHANNESBURG, Aug 24')."""
    if dateline is None or published is None:
        return
    for draft in drafts:
        when = draft.date.as_date() if draft.date else None
        days = abs((when - published).days) if when else None
        near = days is not None and days <= 1 or draft.venue and (days is None or days <= VENUE_DAYS)
        if draft.place is None and near and draft.status in FINAL:
            draft.place = dateline  # type: ignore[assignment]


VENUE_DAYS = 7  # how many days a report datelined in a city may look back on a meeting held at a building


FINAL = (Status.HELD, Status.CANCELLED, Status.POSTPONED)


def city_of_the_day(drafts: list[Draft], draft: Draft) -> None:
    """'In the afternoon, Hasina called on President Droupadi Murmu at Rashtrapati Bhavan' after 'talks at
    Hyderabad House in New Delhi', 'Biden began his day with a meeting with Nausėda at the Presidential
    Palace' after 'NATO leaders gathered in Vilnius': a building or site the gazetteer does not know is in
    the city where the article last placed a meeting of that day (or of no stated day)."""
    for earlier in reversed(drafts):
        if earlier.place is None or earlier.place.kind != "city":
            continue
        if draft.date and earlier.date and not draft.date.compatible(earlier.date):
            return
        draft.place = earlier.place
        return


# "The meeting, held at the Palácio Presidencial da Cidade Alta, brought together the President of the
# Democratic Republic of Congo, Félix Tshisekedi, …" (ANGOP, 23 November 2022); "The round, held from Sunday
# to Tuesday in the Ethiopian capital, brought together the Egyptian delegation …" (Ahram Online, 20 December
# 2023): a meeting noun with a definite article, the subject of "brought together", is the meeting just told.
_GATHERED_BEFORE = re.compile(
    r"\s*(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?(?:\w+-)?(?:" + MEETING_NOUN + r"|round|gathering)"
    r"(?:,[^,;]{0,120},)?\s+(?:brought|brings)\s+together\b",
)


def gathering_told_before(text: str, clause_start: int, draft: Draft, drafts: list[Draft]) -> Draft | None:
    """The meeting told just before, when the clause says whom it brought together: its objects take part in
    it, and the clause tells no other time or place."""
    if not drafts or not _GATHERED_BEFORE.match(text, clause_start):
        return None
    before = drafts[-1]
    if draft.date is not None and before.date is not None and not draft.date.compatible(before.date):
        return None
    if draft.place is not None and before.place is not None and draft.place.key != before.place.key:
        return None
    return before
