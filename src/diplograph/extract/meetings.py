"""Meetings an article reports — held, planned, proposed or called off — with who, where, when and status.

Each rule is a named regular pattern over one sentence, so every finding can say which rule produced it.
Phone and video calls, letters and hypotheticals are not meetings. Sentences that only refer back to a
meeting ("the meeting", "Wednesday's talks") add their evidence to the meeting they refer to, and mentions
of the same meeting in one article are merged into one report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from diplograph.extract.dates import DateMention
from diplograph.extract.entities import Recognised, RoleGroup
from diplograph.extract.model import Entity, MeetingFinding, Mention, PartialDate, Participant, Span, Status
from diplograph.link.gazetteer import Gazetteer

MEETING_NOUN = (r"meetings?|talks|summit|summits|conference|visit|negotiations|consultations|get-togethers?|"
                r"sit-down|tête-à-tête|session")
MEETING_VERB = r"met|meets?|meeting\s+with|host(?:s|ed|ing)?|visit(?:s|ed|ing)|convened?|sat\s+down\s+with"
TRIGGER = re.compile(r"\b(?:" + MEETING_VERB + "|" + MEETING_NOUN + r")\b", re.IGNORECASE)

# Contact that is not a meeting, and hypotheticals: triggers inside these are ignored.
NOT_A_MEETING = re.compile(
    r"\b(?:(?:tele)?phone|video|conference|zoom)\s+(?:call|conversations?|conference|talks|link)s?\b|"
    r"\b(?:called|phoned|wrote\s+to|letter\s+to)\b|\bby\s+(?:tele)?phone\b|"
    r"\brather\s+than\b[^.;]*|\bwould\s+be\s+easier\b[^.;]*",
    re.IGNORECASE,
)
STATUS_CUES: tuple[tuple[Status, str, re.Pattern[str]], ...] = (
    (Status.CANCELLED, "cancelled", re.compile(r"\b(?:called\s+off|cancel(?:l)?ed|scrapped|abandoned\s+plans)\b", re.I)),
    (Status.POSTPONED, "postponed", re.compile(r"\b(?:postponed|put\s+off|delayed|rescheduled)\b", re.I)),
    (Status.PROPOSED, "modal",
     re.compile(r"\b(?:could|possibly|possibility|proposed|proposal|propose[sd]?|might|may\s+(?:be|take|meet)|"
                r"suggested|offered\s+to|if\s+they\s+happen(?:ed)?|considering|idea\s+of)\b", re.I)),
    (Status.PLANNED, "future",
     re.compile(r"\b(?:will|’ll|'ll|(?:is|are|was|were)\s+due\s+to|agreed\s+to|invit(?:e|es|ed|ing)|plans?\s+to|"
                r"planned|scheduled|to\s+be\s+held|forthcoming|upcoming|ahead\s+of|set\s+to|expected\s+to|"
                r"to\s+host|next\s+(?:week|month|year)|this\s+month|later\s+this)\b", re.I)),
    (Status.HELD, "past",
     re.compile(r"\b(?:met|held|hosted|hosting|convened|concluded|took\s+place|visited|talked|discussed|"
                r"currently\s+having|during\s+the\s+current|were\s+conducting|are\s+conducting)\b", re.I)),
)
EXCLUDED_AFTER = re.compile(
    r"\b(?:excluding|without(?:\s+the\s+involvement\s+of)?|except|against|rather\s+than|instead\s+of|"
    r"in\s+response\s+to|about|to\s+abandon|so\s+as)\b",
    re.IGNORECASE,
)
ANAPHOR = re.compile(r"\b(?:this|the|that|these|those|its|their|[A-Z][a-z]+day['’]s)\s+(?:\w+\s+){0,3}?(?:"
                     + MEETING_NOUN + r")\b", re.IGNORECASE)
PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|to)\s+(?:the\s+)?[“\"]?)$")
MEDIA_OR_AGENCY = re.compile(r"\b(?:news|agency|press|times|post|reuters|duran|interest|conservative|cia|nsa|"
                             r"intelligence|radio|television|tv)\b", re.IGNORECASE)


@dataclass
class _Draft:
    status: Status
    rule: str
    participants: list[Participant]
    evidence: list[Span]
    date: PartialDate | None
    place: Entity | None
    trigger: Span
    anaphoric: bool = False
    states: set[str] = field(default_factory=set)


def find_meetings(
    text: str,
    sentences: list[Span],
    recognised: Recognised,
    dates: list[DateMention],
    gazetteer: Gazetteer,
) -> tuple[MeetingFinding, ...]:
    drafts: list[_Draft] = []
    for sentence in sentences:
        draft = _draft_from_sentence(text, sentence, recognised, dates, gazetteer)
        if draft is None:
            continue
        if len(draft.states) < 2 and not _stands_alone(draft):
            if drafts and (draft.anaphoric or _same_place(drafts[-1], draft)):
                _absorb(drafts[-1], draft)
            continue
        drafts.append(draft)
    merged = _merge_within_article(drafts)
    return tuple(_finish(draft, gazetteer) for draft in merged)


def _stands_alone(draft: _Draft) -> bool:
    """One side plus a named counterpart or a place is still a meeting ('Lavrov invited … to Moscow')."""
    return len(draft.participants) >= 2 and draft.place is not None


def _draft_from_sentence(
    text: str, sentence: Span, recognised: Recognised, dates: list[DateMention], gazetteer: Gazetteer
) -> _Draft | None:
    body = sentence.of(text)
    blocked = [Span(m.start(), m.end()) for m in NOT_A_MEETING.finditer(body)]
    triggers = [m for m in TRIGGER.finditer(body) if not any(b.start <= m.start() < b.end for b in blocked)]
    if not triggers:
        return None
    trigger = triggers[0]
    status, rule = _status(body, trigger)
    cutoff = _exclusion_start(body, blocked)
    in_scope = [m for m in recognised.mentions
                if sentence.start <= m.span.start < sentence.end and m.span.start - sentence.start < cutoff]
    groups = [g for g in recognised.role_groups
              if sentence.start <= g.span.start < sentence.end and g.span.start - sentence.start < cutoff]
    participants = _participants(text, in_scope, groups, recognised, sentence, cutoff, gazetteer)
    place = _place(text, sentence, in_scope, trigger)
    date = _date(sentence, dates, trigger)
    trigger_span = Span(sentence.start + trigger.start(), sentence.start + trigger.end())
    anaphoric = bool(ANAPHOR.search(body))
    draft = _Draft(status, f"meeting:{rule}", participants, [sentence], date, place, trigger_span, anaphoric)
    draft.states = {p.represents or p.entity.key for p in participants}
    return draft


def _status(body: str, trigger: re.Match[str]) -> tuple[Status, str]:
    """The status cue nearest the trigger wins; cancellations win over everything in the sentence."""
    best: tuple[int, Status, str] | None = None
    for status, rule, pattern in STATUS_CUES:
        for cue in pattern.finditer(body):
            distance = min(abs(cue.start() - trigger.end()), abs(trigger.start() - cue.end()))
            if status in (Status.CANCELLED, Status.POSTPONED):
                distance = -1
            if best is None or distance < best[0]:
                best = (distance, status, rule)
    if best is None:
        verb = trigger.group().lower()
        return (Status.HELD, "verb") if verb.endswith("ed") or verb == "met" else (Status.HELD, "default")
    return best[1], best[2]


def _exclusion_start(body: str, blocked: list[Span]) -> int:
    """Mentions after 'excluding', 'without', 'against'… are not participants."""
    match = EXCLUDED_AFTER.search(body)
    return match.start() if match else len(body)


def _participants(
    text: str,
    mentions: list[Mention],
    groups: list[RoleGroup],
    recognised: Recognised,
    sentence: Span,
    cutoff: int,
    gazetteer: Gazetteer,
) -> list[Participant]:
    found: list[Participant] = []
    for group in groups:
        for country in group.countries:
            person = _named_holder(recognised, group.role, country)
            if person is not None:
                found.append(Participant(person, group.role, country))
            else:
                state = _entity_of(gazetteer, country)
                if state is not None:
                    found.append(Participant(state, group.role, country))
    for mention in mentions:
        entity = mention.entity
        if entity.kind == "person":
            found.append(Participant(entity, mention.role, mention.represents))
        elif entity.kind == "country" and not _is_premodifier(text, mention):
            found.append(Participant(entity, None, entity.key))
        elif entity.kind == "organization" and not MEDIA_OR_AGENCY.search(entity.label):
            found.append(Participant(entity, None, entity.country))
    for key, span in recognised.demonyms:
        if sentence.start <= span.start < sentence.end and span.start - sentence.start < cutoff:
            word = span.of(text)
            if word.endswith("s") or re.match(r"\s+(?:delegation|government|side|officials|leaders)\b", text[span.end :]):
                state = _entity_of(gazetteer, key)
                if state is not None:
                    found.append(Participant(state, None, key))
    return _deduplicate(found)


def _is_premodifier(text: str, mention: Mention) -> bool:
    """'Iran Foreign Minister X', 'Russia's delegation': the state qualifies someone else in the sentence."""
    return bool(re.match(r"(?:['’]s)?\s+(?:foreign|defen[cs]e|prime|president|crown|national|military)\b",
                         text[mention.span.end : mention.span.end + 30], re.IGNORECASE))


def _named_holder(recognised: Recognised, role: str, country: str) -> Entity | None:
    """A person the same article names with this role for this state ('Syrian Foreign Minister Muallem')."""
    people = {m.entity.key: m.entity for m in recognised.mentions
              if m.entity.kind == "person" and m.role == role and m.represents == country}
    return next(iter(people.values())) if len(people) == 1 else None


def _entity_of(gazetteer: Gazetteer, key: str) -> Entity | None:
    return gazetteer.entities.get(key)


def _deduplicate(participants: Iterable[Participant]) -> list[Participant]:
    """One participant per entity; a state drops out when a person represents it."""
    by_key: dict[str, Participant] = {}
    for participant in participants:
        key = participant.entity.key
        known = by_key.get(key)
        if known is None or (participant.role and not known.role):
            by_key[key] = participant
    represented = {p.represents for p in by_key.values() if p.entity.kind != "country" and p.represents}
    return [p for key, p in by_key.items() if not (p.entity.kind == "country" and key in represented)]


def _place(text: str, sentence: Span, mentions: list[Mention], trigger: re.Match[str]) -> Entity | None:
    trigger_start = sentence.start + trigger.start()
    candidates = []
    for mention in mentions:
        if mention.entity.kind != "city":
            continue
        before = text[max(sentence.start, mention.span.start - 12) : mention.span.start]
        after = text[mention.span.end : mention.span.end + 25]
        if PLACE_BEFORE.search(before) or re.match(r"[”\"]?\s+(?:" + MEETING_NOUN + r"|process)\b", after, re.I):
            candidates.append((abs(mention.span.start - trigger_start), mention.entity))
    return min(candidates, key=lambda item: item[0])[1] if candidates else None


def _date(sentence: Span, dates: list[DateMention], trigger: re.Match[str]) -> PartialDate | None:
    """The date expression nearest the trigger in the sentence; unresolved expressions mean unknown."""
    inside = [d for d in dates if sentence.start <= d.span.start < sentence.end]
    if not inside:
        return None
    trigger_start = sentence.start + trigger.start()
    nearest = min(inside, key=lambda d: abs(d.span.start - trigger_start))
    return nearest.value


def _same_place(earlier: _Draft, later: _Draft) -> bool:
    return later.place is not None and earlier.place is not None and later.place.key == earlier.place.key


def _absorb(target: _Draft, other: _Draft) -> None:
    target.evidence.extend(other.evidence)
    target.participants = _deduplicate([*target.participants, *other.participants])
    target.states |= other.states
    if target.date is None or (other.date is not None and _more_precise(other.date, target.date)
                               and other.date.compatible(target.date)):
        target.date = other.date or target.date
    target.place = target.place or other.place
    target.status, target.rule = _stronger(target, other)


def _more_precise(a: PartialDate, b: PartialDate) -> bool:
    order = {"year": 0, "month": 1, "day": 2}
    return order[a.precision.value] > order[b.precision.value]


_STATUS_WEIGHT = {Status.PROPOSED: 0, Status.PLANNED: 1, Status.HELD: 2, Status.POSTPONED: 3, Status.CANCELLED: 4}


def _stronger(a: _Draft, b: _Draft) -> tuple[Status, str]:
    """Across one article's mentions the latest stage wins: proposed < planned < held < called off."""
    return (a.status, a.rule) if _STATUS_WEIGHT[a.status] >= _STATUS_WEIGHT[b.status] else (b.status, b.rule)


def _compatible(a: _Draft, b: _Draft) -> bool:
    if a.date and b.date and not a.date.compatible(b.date):
        return False
    if a.place and b.place and a.place.key != b.place.key:
        return False
    shared = a.states & b.states
    smaller = min(len(a.states), len(b.states))
    return len(shared) >= 2 and len(shared) >= smaller - 1 and (bool(a.place or b.place) or smaller == len(shared))


def _merge_within_article(drafts: list[_Draft]) -> list[_Draft]:
    merged: list[_Draft] = []
    for draft in drafts:
        target = next((m for m in merged if _compatible(m, draft)), None)
        if target is None:
            merged.append(draft)
        else:
            _absorb(target, draft)
    return merged


def _finish(draft: _Draft, gazetteer: Gazetteer) -> MeetingFinding:
    participants = [_resolve_by_office(p, draft.date, gazetteer) for p in draft.participants]
    host_state = draft.place.country if draft.place and draft.place.kind == "city" else None
    participants = [replace(p, is_host=bool(host_state and p.represents == host_state)) for p in participants]
    participants = _deduplicate(participants)
    return MeetingFinding(
        status=draft.status,
        participants=tuple(sorted(participants, key=lambda p: p.entity.key)),
        evidence=tuple(sorted(set(draft.evidence))),
        date=draft.date,
        place=draft.place,
        rule=draft.rule,
    )


def _resolve_by_office(participant: Participant, date: PartialDate | None, gazetteer: Gazetteer) -> Participant:
    """A state in a role ('Iran's foreign minister') becomes the person who certainly held it that year."""
    if participant.entity.kind != "country" or not participant.role or date is None:
        return participant
    holder = gazetteer.office_holder(participant.role, participant.entity.key, date.year)
    return replace(participant, entity=holder) if holder else participant
