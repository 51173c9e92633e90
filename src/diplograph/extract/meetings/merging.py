"""Mentions of one meeting in one article folded into one report: drafts, their merging and finishing."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from diplograph.extract.meetings.participants import LEADER_ROLES, deduplicate
from diplograph.extract.model import Entity, MeetingFinding, PartialDate, Participant, Span, Status


@dataclass
class Draft:
    status: Status
    rule: str
    participants: list[Participant]
    evidence: list[Span]
    date: PartialDate | None
    place: Entity | None
    trigger: Span
    anaphoric: bool = False
    states: set[str] = field(default_factory=set)
    new_occasion: bool = False  # "meet again", "the next round": another meeting than the one before
    reference: bool = False  # the trigger is a noun that points back: "the talks", "The Beijing talks"
    presence: bool = False  # the clause tells who was at a meeting: "X addressed the opening session"
    sidelines: bool = False  # held "on the sidelines of" another meeting, whose place it shares
    venue: bool = False  # held at a named building whose city the clause does not give
    site: bool = (
        False  # its place is a building or site the gazetteer does not know ("at Rashtrapati Bhavan")
    )
    during: bool = False  # held "during the stop" or visit told before, on its day and at its place
    ministers: bool = False  # told as a meeting of ministers: "The foreign ministers of the Quad … meet"
    subjects: set[str] = field(default_factory=set)  # who and which states are named before the trigger
    spans: dict[str, Span] = field(default_factory=dict)  # where the clause names each entity


def take_parties_of(earlier: list[Participant], draft: Draft) -> None:
    """'The two leaders agreed to meet again': the parties of the meeting the words point back to."""
    draft.participants = deduplicate([*earlier, *draft.participants])
    draft.participants = [replace(p, is_host=False) for p in draft.participants]
    draft.states = {p.represents or p.entity.key for p in draft.participants}


def same_place(earlier: Draft, later: Draft) -> bool:
    return later.place is not None and earlier.place is not None and later.place.key == earlier.place.key


def absorb(target: Draft, other: Draft, evidence_only: bool = False) -> None:
    """Fold another mention of the same meeting in; a mere reference ('the meeting') adds evidence only."""
    target.evidence.extend(e for e in other.evidence if e not in target.evidence)
    if evidence_only and other.date and target.date and not other.date.compatible(target.date):
        return  # "… the results of the meeting held in Berlin on 28-29 February": of another time and place
    if evidence_only:
        target.date = target.date or other.date
        target.place = _better_place(target.place, other.place)
        return
    target.participants = deduplicate([*target.participants, *other.participants])
    target.states |= other.states
    if target.date is None or (
        other.date is not None
        and _more_precise(other.date, target.date)
        and other.date.compatible(target.date)
    ):
        target.date = other.date or target.date
    target.place = _better_place(target.place, other.place)
    target.status, target.rule = _stronger(target, other)


def join(target: Draft, other: Draft) -> None:
    """'Ethiopian Prime Minister Abiy Ahmed welcomed the leaders': people at a meeting told before join it;
    the sentence adds its date and place where the meeting has none, never its status."""
    target.evidence.extend(e for e in other.evidence if e not in target.evidence)
    target.participants = deduplicate([*target.participants, *other.participants])
    target.states |= other.states
    target.date = target.date or other.date
    if other.place is not None and other.place.kind == "city":
        target.place = target.place or other.place  # not "… what was happening in Venezuela"


def _better_place(known: Entity | None, other: Entity | None) -> Entity | None:
    """Of two places told for one meeting, the one that says more: a city within the state told ('a trip to
    China' and 'talks in Beijing'), and a city or state the gazetteer knows over a building or site it does
    not ('Hasina, Modi hold talks at Hyderabad House' and 'talks at Hyderabad House in New Delhi')."""
    if known is None or other is None:
        return known or other
    if _within(other, known) or (known.kind == "region" and other.kind in ("city", "country")):
        return other
    return known


def _within(city: Entity, state: Entity) -> bool:
    return city.kind == "city" and state.kind == "country" and city.country == state.key


def _same_place_or_within(a: Entity, b: Entity) -> bool:
    return a.key == b.key or _within(a, b) or _within(b, a)


def _more_precise(a: PartialDate, b: PartialDate) -> bool:
    order = {"year": 0, "month": 1, "day": 2}
    return order[a.precision.value] > order[b.precision.value]


_STATUS_WEIGHT = {
    Status.PROPOSED: 0,
    Status.PLANNED: 1,
    Status.HELD: 2,
    Status.POSTPONED: 3,
    Status.CANCELLED: 4,
}


def _stronger(a: Draft, b: Draft) -> tuple[Status, str]:
    """Across one article's mentions the latest stage wins: proposed < planned < held < called off.

    A status guessed without any cue (rule ``default``) never overrides one the text states."""
    if a.rule.endswith(":default") != b.rule.endswith(":default"):
        return (b.status, b.rule) if a.rule.endswith(":default") else (a.status, a.rule)
    return (a.status, a.rule) if _STATUS_WEIGHT[a.status] >= _STATUS_WEIGHT[b.status] else (b.status, b.rule)


def _compatible(a: Draft, b: Draft, published: date | None = None) -> bool:
    """Two mentions in one article are one meeting when nothing tells them apart: no other date, place or
    people for the same state ('Blinken met Xi' is not 'Biden met Xi'), and no 'again' or 'next round'."""
    if a.date and b.date and not a.date.compatible(b.date):
        return False
    if a.place and b.place and not _same_place_or_within(a.place, b.place):
        return False
    if a.new_occasion or b.new_occasion or _different_people(a, b) or _past_and_future(a, b, published):
        return False
    if _ministers_and_leaders(a, b) or _ministers_and_leaders(b, a):
        return False
    shared = a.states & b.states
    smaller = min(len(a.states), len(b.states))
    # with neither place told, all parties shared, or three of them ("The two leaders met Borrell and EU envoy
    # Miroslav Lajcak" after "talks between … Vucic and … Kurti, with … Borrell")
    return (
        len(shared) >= 2
        and len(shared) >= smaller - 1
        and (bool(a.place or b.place) or smaller == len(shared) or len(shared) >= 3)
    )


_TOLD_AS_PAST = ("meeting:past", "meeting:verb")
_TOLD_AS_FUTURE = (
    "meeting:future",
    "meeting:intent",
)  # not 'the possibility of a meeting', which may since have been held


def _past_and_future(a: Draft, b: Draft, published: date | None = None) -> bool:
    """'… after talks in Beijing' and 'the foreign ministers … will meet': a meeting the text tells as held
    (or dates before the report: 'The first joint summit …' of yesterday) and one it tells as to come ('the
    leaders directed the chiefs of defence forces of the two blocs to meet within five days') are two."""

    def held(draft: Draft) -> bool:
        day = draft.date.as_date() if draft.date else None
        before = day is not None and published is not None and day < published
        # "Trump abruptly called off a secret meeting with Taliban leaders" is over as well: "he would meet
        # Taliban leaders 'in the not-too-distant future'" is another meeting
        return (
            draft.rule in _TOLD_AS_PAST
            or draft.status is Status.CANCELLED
            or (draft.status is Status.HELD and before)
        )

    return (
        (held(a) and b.rule in _TOLD_AS_FUTURE)
        or (held(b) and a.rule in _TOLD_AS_FUTURE)
        or _held_and_yet_to_come(a, b, published)
        or _held_and_yet_to_come(b, a, published)
    )


def _held_and_yet_to_come(held: Draft, later: Draft, published: date | None) -> bool:
    """'It was the first visit of Petro to Venezuela' and 'Maduro will visit Bogotá in January': a meeting
    the text tells as held and one it tells as to come in a month after the report's are two meetings."""
    if published is None or later.date is None or held.status is not Status.HELD:
        return False
    first_day = date(later.date.year, later.date.month or 1, later.date.day or 1)
    return later.rule in _TOLD_AS_FUTURE and first_day > published


def _different_people(a: Draft, b: Draft) -> bool:
    def people(draft: Draft) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for p in draft.participants:
            if p.entity.kind == "person" and p.represents:
                found.setdefault(p.represents, set()).add(p.entity.key)
        return found

    first, second = people(a), people(b)
    return any(first[state].isdisjoint(second[state]) for state in first.keys() & second.keys())


def _ministers_and_leaders(a: Draft, b: Draft) -> bool:
    """'The foreign ministers of the Quad - Australia, India, Japan and the United States - are due to meet in
    Delhi on Friday' and 'Albanese … is expected to hold talks with Modi in Delhi' (The Age, 2 March 2023): a
    meeting told as one of ministers and one of named leaders only are two."""
    people = [p for p in b.participants if p.entity.kind == "person"]
    return a.ministers and bool(people) and all(p.role in LEADER_ROLES for p in people)


def _affinity(a: Draft, b: Draft) -> tuple[int, bool, bool]:
    """Of several meetings a mention could be, the one with the same people, then status, then the first:
    'Macron will instead host Scholz for lunch' is the lunch, not the postponed cabinet meeting."""
    people = {p.entity.key for p in a.participants if p.entity.kind == "person"}
    shared = len(people & {p.entity.key for p in b.participants if p.entity.kind == "person"})
    return shared, a.status is b.status, False


def merge_within_article(drafts: list[Draft], published: date | None = None) -> list[Draft]:
    merged: list[Draft] = []
    for draft in drafts:
        candidates = [m for m in merged if _compatible(m, draft, published)]
        target = max(candidates, key=lambda m: _affinity(m, draft)) if candidates else None
        if target is None:
            merged.append(draft)
        else:
            absorb(target, draft)
    return merged


HEADLINE_LENGTH = 200


def fold_headline(text: str, drafts: list[Draft]) -> list[Draft]:
    """A headline sums up a meeting the article then tells ('EU leaders press Xi … at tense Beijing summit'
    over 'Costa and von der Leyen met Xi … in Beijing'): a meeting told only in the headline line is the
    body's meeting at the same place with the most of the same people, when there is one, and a headline
    meeting of one party is the first meeting the body places in its city. The headline is the block of
    lines before the first that reads as a sentence."""
    end = headline_end(text)
    if end == 0:
        return drafts
    kept = []
    for draft in drafts:
        if any(e.start >= end for e in draft.evidence):
            kept.append(draft)
            continue
        people = {p.entity.key for p in draft.participants if p.entity.kind == "person"}
        body = [
            (len(people & {p.entity.key for p in other.participants}), other)
            for other in drafts
            if other is not draft
            and any(e.start >= end for e in other.evidence)
            and (
                other.place is None
                or draft.place is None
                or _same_place_or_within(other.place, draft.place)
                or "region" in (other.place.kind, draft.place.kind)  # "at Hyderabad House": in some city
            )
        ]
        shared, target = max(body, key=lambda item: item[0], default=(0, None))
        if target is not None and not shared:
            # "Vilnius summit opens with Sweden breakthrough": a headline that names one party of a meeting
            # the body places in the same city is that meeting
            placed = [
                o for _, o in body if o.place and draft.place and _same_place_or_within(o.place, draft.place)
            ]
            target = placed[0] if len(draft.states) < 2 and placed else None
        if target is None:
            kept.append(draft)
        else:
            absorb(target, draft, evidence_only=True)
    return kept


def headline_end(text: str) -> int:
    """Where the headline block ends: the title and deck lines before the first line that reads as a
    sentence ('Kushiyara deal signed, Teesta still waits' / 'Hasina, Modi hold talks at Hyderabad House;
    seven MoUs inked' / byline and date lines, then the lead)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].rstrip()
        if len(line) > HEADLINE_LENGTH or line.endswith((".", "!", "?", "”", '"')):
            return start
        start = end + 1
    return 0


def finish(draft: Draft) -> MeetingFinding:
    participants = draft.participants
    host_state = draft.place.country if draft.place and draft.place.kind == "city" else None
    participants = [replace(p, is_host=bool(host_state and p.represents == host_state)) for p in participants]
    participants = deduplicate(participants)
    return MeetingFinding(
        status=draft.status,
        participants=tuple(sorted(participants, key=lambda p: p.entity.key)),
        evidence=tuple(sorted(set(draft.evidence))),
        trigger=draft.trigger,
        date=draft.date,
        place=draft.place,
        rule=draft.rule,
    )
