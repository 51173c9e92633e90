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
from diplograph.graph.uris import slugify
from diplograph.link.gazetteer import Gazetteer

MEETING_NOUN = (
    r"meetings?|talks|summit|summits|conference|visit|negotiations|consultations|get-togethers?|"
    r"sit-down|tête-à-tête|session"
)
MEETING_VERB = r"met|meets?|meeting\s+with|host(?:s|ed|ing)?|visit(?:s|ed|ing)|convened?|sat\s+down\s+with"
TRIGGER = re.compile(r"\b(?:" + MEETING_VERB + "|" + MEETING_NOUN + r")\b", re.IGNORECASE)

# Negated meetings ("will not meet", "no talks are planned", "refused to meet") are not meetings.
NEGATED = re.compile(
    r"\b(?:not|never|no|n['’]t|refused\s+to|declined\s+to|ruled\s+out|rejected\s+(?:an?\s+)?(?:invitation|offer)\s+to)"
    r"\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)

# Contact that is not a meeting, and hypotheticals: triggers inside these are ignored.
NOT_A_MEETING = re.compile(
    r"\b(?:(?:tele)?phone|video|conference|zoom)\s+(?:call|conversations?|conference|talks|link)s?\b|"
    r"\b(?:called|phoned|wrote\s+to|letter\s+to)\b|\bby\s+(?:tele)?phone\b|"
    r"\brather\s+than\b[^.;]*|\b(?:news|press)\s+conferences?\b|"
    r"“[^”]*”|\"[^\"]*\"",
    re.IGNORECASE,
)
# A clause about a call or a letter mentions meetings only to refer to them ("to brief him on the meeting").
REMOTE_CONTACT = re.compile(
    r"\b(?:(?:tele)?phone|video)\s+(?:call|conversations?|conference|talks)|\b(?:spoke|spoken|speaking|talked)\s+"
    r"(?:\w+\s+)?by\s+(?:tele)?phone|\b(?:phoned|wrote\s+to|written\s+to|letter\s+to|a\s+letter)\b",
    re.IGNORECASE,
)
STATUS_CUES: tuple[tuple[Status, str, re.Pattern[str]], ...] = (
    (
        Status.CANCELLED,
        "cancelled",
        re.compile(r"\b(?:called\s+off|cancel(?:l)?ed|scrapped|abandoned\s+plans)\b", re.I),
    ),
    (Status.POSTPONED, "postponed", re.compile(r"\b(?:postponed|put\s+off|delayed|rescheduled)\b", re.I)),
    (
        Status.PROPOSED,
        "modal",
        re.compile(
            r"\b(?:could|possibly|possibility|proposed|proposal|propose[sd]?|might|may\s+(?:be|take|meet)|"
            r"suggested|offered\s+to|if\s+they\s+happen(?:ed)?|considering|idea\s+of|working\s+to\s+organi[sz]e)\b",
            re.I,
        ),
    ),
    (
        Status.PLANNED,
        "future",
        re.compile(
            r"\b(?:will|’ll|'ll|(?:is|are|was|were)\s+(?:\w+\s+)?due\s+to|agreed\s+to|plans?\s+to\s+organi[sz]e|invit(?:e|es|ed|ing)|plans?\s+to|"
            r"planned|scheduled|to\s+be\s+held|forthcoming|upcoming|ahead\s+of|set\s+to|expected\s+to|"
            r"to\s+host|next\s+(?:week|month|year)|this\s+month|later\s+this)\b",
            re.I,
        ),
    ),
    (
        Status.HELD,
        "past",
        re.compile(
            r"\b(?:met|held|hosted|hosting|convened|concluded|took\s+place|visited|talked|discussed|"
            r"currently\s+having|during\s+the\s+current|were\s+conducting|are\s+conducting)\b",
            re.I,
        ),
    ),
)
EXCLUDED_AFTER = re.compile(
    r"\b(?:excluding|without(?:\s+the\s+involvement\s+of)?|except|against|rather\s+than|instead\s+of|"
    r"in\s+response\s+to|about|to\s+abandon|so\s+as|snub(?:s|bed|bing)?|(?:shows|means|ensures|proves)\s+that)\b",
    re.IGNORECASE,
)
# Hypotheticals are not meetings, not even proposed ones.
HYPOTHETICAL = re.compile(
    r"\bwould\s+(?:be|have\s+been)\s+(?:easier|harder|difficult|possible|impossible|better|faster)\b|"
    r"\bno\s+such\s+(?:trip|visit|meeting|talks|summit)\b|\bif\s+(?:only|ever)\b",
    re.IGNORECASE,
)
NEW_OCCASION = re.compile(
    r"\b(?:again|next\s+round|another\s+(?:round|meeting|summit)|follow-on|follow-up|second\s+round|"
    r"previous\s+(?:encounter|meeting|summit|round)|last\s+(?:met|meeting|summit))\b",
    re.IGNORECASE,
)
THE_TWO_SIDES = re.compile(
    r"\b(?:the\s+two|both)\s+(?:leaders|sides|ministers|presidents|countries|delegations|men|women|officials|"
    r"governments|heads\s+of\s+state)\b",
    re.IGNORECASE,
)
COMMENTING_ON = re.compile(
    r"(?:Commenting|Speaking|Asked|Reflecting|Reporting)\s+(?:on|about)\b[^,]{0,120},", re.IGNORECASE
)
ANAPHOR = re.compile(
    r"\b(?:this|the|that|these|those|its|their|[A-Z][a-z]+day['’]s)\s+(?:\w+\s+){0,3}?(?:"
    + MEETING_NOUN
    + r")\b",
    re.IGNORECASE,
)
PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|to|visit|visits|visited|visiting)\s+(?:the\s+)?[“\"]?)$")
MEDIA_OR_AGENCY = re.compile(
    r"\b(?:news|agency|press|times|post|reuters|duran|interest|conservative|cia|nsa|"
    r"intelligence|radio|television|tv)\b",
    re.IGNORECASE,
)


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
    new_occasion: bool = False  # "meet again", "the next round": another meeting than the one before


CLAUSE_BREAK = re.compile(
    r"\s[—–]\s|;|:\s|,\s+(?=(?:and|but|while|whereas|which|so|as)\s+(?:they|he|she|it|we|the|a|an)\b)|"
    r",\s+(?=and\s+(?:on|in|at|later|then|earlier|afterwards)\b)|"
    r"^(?:Ahead\s+of|After|Before|Following|Amid)\b[^,]{0,120},\s"
)


def find_meetings(
    text: str,
    sentences: list[Span],
    recognised: Recognised,
    dates: list[DateMention],
    gazetteer: Gazetteer,
) -> tuple[MeetingFinding, ...]:
    drafts: list[_Draft] = []
    for sentence in sentences:
        for clause in clauses(text, sentence):
            draft = _draft_from_clause(text, sentence, clause, recognised, dates, gazetteer)
            if draft is None:
                continue
            sides = THE_TWO_SIDES.search(clause.of(text))
            if (
                len(draft.states) < 2
                and drafts
                and sides
                and draft.trigger.start - clause.start - sides.end() < 40
            ):
                _take_parties_of(drafts[-1], draft)  # "The two leaders agreed to meet again next month"
            refers_back = drafts and (_definite_reference(text, draft) and draft.states & drafts[-1].states)
            if refers_back or (len(draft.states) < 2 and not _stands_alone(draft, text)):
                if drafts and (draft.anaphoric or _same_place(drafts[-1], draft)):
                    _absorb(drafts[-1], draft, evidence_only=True)
                continue
            drafts.append(draft)
    merged = _merge_within_article(drafts)
    return tuple(_finish(draft) for draft in merged)


def clauses(text: str, sentence: Span) -> list[Span]:
    """Split a sentence where a new clause can start a new event: dashes, colons, ', and they …'."""
    body = sentence.of(text)
    cuts = [0, *(m.end() for m in CLAUSE_BREAK.finditer(body)), len(body)]
    return [
        Span(sentence.start + a, sentence.start + b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a
    ]


def _take_parties_of(earlier: _Draft, draft: _Draft) -> None:
    draft.participants = _deduplicate([*earlier.participants, *draft.participants])
    draft.participants = [replace(p, is_host=False) for p in draft.participants]
    draft.states = {p.represents or p.entity.key for p in draft.participants}


def _definite_reference(text: str, draft: _Draft) -> bool:
    """'the goal of the talks would be …': a definite noun that points back at a meeting already told."""
    before = text[max(0, draft.trigger.start - 12) : draft.trigger.start]
    return (
        bool(re.search(r"\b(?:the|this|that|these|its|their)\s+$", before, re.IGNORECASE)) and not draft.date
    )


def _stands_alone(draft: _Draft, text: str = "") -> bool:
    """Two parties and a place ('Lavrov invited … to meet in Moscow'), a meeting named after its place
    ('the just concluded Astana meeting') or a delegation's head at talks in a place ('Earlier in Astana,
    head of Russia's delegation to peace talks, X') are meetings even when only one state is named."""
    if draft.place is None or not draft.participants:
        return False
    if any(p.role == "envoy" for p in draft.participants):
        return True
    named = bool(text) and text[max(0, draft.trigger.start - 40) : draft.trigger.start].rstrip().endswith(
        draft.place.label
    )
    return len(draft.participants) >= 2 or named


def _draft_from_clause(
    text: str,
    sentence: Span,
    clause: Span,
    recognised: Recognised,
    dates: list[DateMention],
    gazetteer: Gazetteer,
) -> _Draft | None:
    body = clause.of(text)
    blocked = [Span(m.start(), m.end()) for m in NOT_A_MEETING.finditer(body)]
    triggers = [m for m in TRIGGER.finditer(body) if not any(b.start <= m.start() < b.end for b in blocked)]
    if (
        not triggers
        or NEGATED.search(body[: triggers[0].start()])
        or HYPOTHETICAL.search(body)
        or REMOTE_CONTACT.search(body)
    ):
        return None
    trigger = triggers[0]
    status, rule = _status(body, trigger)
    cutoff = clause.start + _exclusion_start(body, blocked)
    commenting = COMMENTING_ON.match(body)
    if commenting and commenting.end() > trigger.start():
        cutoff = clause.start + commenting.end()  # who comments on a meeting is not said to attend it
    in_scope = [m for m in recognised.mentions if clause.start <= m.span.start < cutoff]
    groups = [g for g in recognised.role_groups if clause.start <= g.span.start < cutoff]
    participants = _participants(text, in_scope, groups, recognised, Span(clause.start, cutoff), gazetteer)
    place = _place(text, clause, in_scope, trigger)
    participants = _with_visited_state(trigger, place, participants, gazetteer)
    date = _date(clause, dates, trigger)
    anaphoric = bool(ANAPHOR.search(body))
    trigger_span = Span(clause.start + trigger.start(), clause.start + trigger.end())
    draft = _Draft(status, f"meeting:{rule}", participants, [sentence], date, place, trigger_span, anaphoric)
    draft.states = {p.represents or p.entity.key for p in participants}
    draft.new_occasion = bool(NEW_OCCASION.search(body))
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


def _exclusion_start(body: str, blocked: list[Span]) -> int:  # noqa: ARG001
    """Mentions after 'excluding', 'without', 'against'… are not participants."""
    match = EXCLUDED_AFTER.search(body)
    return match.start() if match else len(body)


def _participants(
    text: str,
    mentions: list[Mention],
    groups: list[RoleGroup],
    recognised: Recognised,
    scope: Span,
    gazetteer: Gazetteer,
) -> list[Participant]:
    found: list[Participant] = []
    pairs = [(group.role, country) for group in groups for country in group.countries]
    for role, country in [*pairs, *_counterparts(text, mentions, groups)]:
        person = _named_holder(recognised, role, country)
        if person is not None:
            found.append(Participant(person, role, country))
        elif (state := _entity_of(gazetteer, country)) is not None:
            found.append(Participant(state, role, country))
    subject = _pronoun_subject(text, scope, mentions, recognised)
    if subject is not None:
        found.append(Participant(subject.entity, subject.role, subject.represents))
    for mention in mentions:
        entity = mention.entity
        if _is_attribution(text, mention):
            continue  # "…, Lavrov said": who reports the meeting, not who attends it
        if entity.kind == "person":
            found.append(Participant(entity, mention.role, mention.represents))
        elif (
            entity.kind == "country"
            and not _is_premodifier(text, mention)
            and not _is_location(text, mention, recognised.mentions)
        ):
            found.append(Participant(entity, None, entity.key))
        elif entity.kind == "organization" and not MEDIA_OR_AGENCY.search(entity.label):
            found.append(Participant(entity, None, entity.country))
    for key, span in recognised.demonyms:
        if scope.start <= span.start < scope.end:
            word = span.of(text)
            if word.endswith("s") or re.match(
                r"\s+(?:delegation|government|side|officials|leaders)\b", text[span.end : span.end + 20]
            ):
                state = _entity_of(gazetteer, key)
                if state is not None:
                    found.append(Participant(state, None, key))
    return _deduplicate(found)


def _with_visited_state(
    trigger: re.Match[str], place: Entity | None, participants: list[Participant], gazetteer: Gazetteer
) -> list[Participant]:
    """A visit to a foreign capital is a meeting with that state, even when no host is named
    ('Várhelyi is due to visit Tbilisi next month')."""
    if not trigger.group().lower().startswith("visit") or place is None or place.kind != "city":
        return participants
    visited = gazetteer.entities.get(place.country or "")
    if visited is None or gazetteer.capitals and place.key not in gazetteer.capitals:
        return participants
    if any((p.represents or p.entity.key) == visited.key for p in participants):
        return participants
    return [*participants, Participant(visited, None, visited.key)]


def _is_attribution(text: str, mention: Mention) -> bool:
    """'…, Russian Foreign Minister Sergey Lavrov said.': the reporter of the sentence."""
    before = text[max(0, mention.span.start - 60) : mention.span.start]
    after = text[mention.span.end : mention.span.end + 20]
    return bool(
        re.search(r",\s+(?:[A-Z][\w’'.-]*\s+){0,5}$", before)
        and re.match(r"\s+(?:said|says|told|added|noted|stressed|announced)\b", after)
    )


def _pronoun_subject(
    text: str, scope: Span, mentions: list[Mention], recognised: Recognised
) -> Mention | None:
    """'… and on Wednesday evening he held talks with Cavusoglu': 'he' is the person the sentence or the
    one before began with, when no person is named before the verb."""
    head = text[scope.start : scope.start + 60]
    pronoun = re.search(
        r"(?:^|[,\s])(?:he|she)\s+(?:\w+\s+)?(?:" + MEETING_VERB + r"|held|will|is|was)\b", head
    )
    if not pronoun or any(
        m.entity.kind == "person" and m.span.start < scope.start + pronoun.start() for m in mentions
    ):
        return None
    earlier = [
        m for m in recognised.mentions if m.entity.kind == "person" and 0 < scope.start - m.span.start < 500
    ]
    if not earlier:
        return None
    boundary = max(text.rfind(". ", 0, earlier[-1].span.start), text.rfind("\n", 0, earlier[-1].span.start))
    return next(m for m in earlier if m.span.start > boundary)


def _is_premodifier(text: str, mention: Mention) -> bool:
    """'Iran Foreign Minister X', 'Russia's delegation': the state qualifies someone else in the sentence."""
    after = text[mention.span.end : mention.span.end + 30]
    if re.match(r"['’]s\s+(?!delegation|government|side|representatives|leaders?)", after):
        return True  # "Syria's long-running conflict": a possessor, not a party
    return bool(
        re.match(
            r"(?:['’]s)?\s+(?:foreign|defen[cs]e|prime|president|crown|national|military)\b",
            after,
            re.IGNORECASE,
        )
    )


def _is_location(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """'Astana, Kazakhstan', 'Kazakhstan, the proposed venue', 'in Syria': the state is where, not who."""
    before = text[max(0, mention.span.start - 40) : mention.span.start]
    after = text[mention.span.end : mention.span.end + 40]
    after_city = bool(re.search(r"\b[A-Z][\w’'-]+,\s*$", before)) and any(
        m.entity.kind == "city" and re.fullmatch(r",\s*", text[m.span.end : mention.span.start])
        for m in mentions
    )
    return bool(
        after_city
        or re.match(r",\s+(?:the\s+)?(?:proposed\s+|planned\s+)?(?:venue|host\s+country|location)\b", after)
        or re.search(r"\b(?:in|across|inside|into|from|leave|out\s+of)\s+(?:the\s+whole\s+of\s+)?$", before)
    )


def _counterparts(text: str, mentions: list[Mention], groups: list[RoleGroup]) -> list[tuple[str, str]]:
    """'met their Assad regime counterpart': the state named before 'counterpart' in the same role."""
    roles = [g.role for g in groups] + [m.role for m in mentions if m.role]
    if not roles:
        return []
    found = []
    for mention in mentions:
        if mention.entity.kind == "country" and re.match(
            r"\s+counterparts?\b", text[mention.span.end : mention.span.end + 15]
        ):
            found.append((roles[0], mention.entity.key))
    return found


def _named_holder(recognised: Recognised, role: str, country: str) -> Entity | None:
    """A person the same article names with this role for this state ('Syrian Foreign Minister Muallem')."""
    people = {
        m.entity.key: m.entity
        for m in recognised.mentions
        if m.entity.kind == "person" and m.role == role and m.represents == country
    }
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
    represented = {p.represents for p in by_key.values() if p.entity.kind == "person" and p.represents}
    states = {key for key, p in by_key.items() if p.entity.kind == "country"}
    return [
        p
        for key, p in by_key.items()
        if not (p.entity.kind == "country" and key in represented)
        and not (p.entity.kind == "organization" and p.represents in represented | states)
    ]


def _place(text: str, scope: Span, mentions: list[Mention], trigger: re.Match[str]) -> Entity | None:
    """Where: a city named with 'in/at/to' or before the meeting noun ('the Astana meeting'); else a state
    the meeting is held in ('talks were held in Belarus'); else a place the gazetteer does not know,
    named right after the trigger ('held talks in Antalya', 'met at Camp David')."""
    trigger_start = scope.start + trigger.start()
    candidates = []
    for mention in mentions:
        if mention.entity.kind != "city":
            continue
        before = text[max(scope.start, mention.span.start - 12) : mention.span.start]
        after = text[mention.span.end : mention.span.end + 25]
        if PLACE_BEFORE.search(before) or re.match(
            r"[”\"]?\s+(?:" + MEETING_NOUN + r"|process)\b", after, re.I
        ):
            candidates.append((abs(mention.span.start - trigger_start), mention.entity))
    if candidates:
        return min(candidates, key=lambda item: item[0])[1]
    for mention in mentions:
        before = text[max(scope.start, mention.span.start - 30) : mention.span.start]
        if mention.entity.kind == "country" and HELD_IN.search(before):
            return mention.entity
    return _unknown_place(text, scope, trigger, mentions)


HELD_IN = re.compile(
    r"\b(?:held|take\s+place|took\s+place|takes\s+place|met|meet|talks|summit|visit|visited|"
    r"travel(?:led)?|arrived)\s+(?:in|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
UNKNOWN_PLACE = re.compile(
    r"\b(?P<preposition>in|at)\s+(?:the\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
)
NOT_A_PLACE = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An|This|"
    r"That|Its|His|Her|Their|Our)\b"
)


def _unknown_place(text: str, scope: Span, trigger: re.Match[str], mentions: list[Mention]) -> Entity | None:
    start = scope.start + trigger.end()
    window = text[start : min(scope.end, start + 60)]
    found = [m for m in UNKNOWN_PLACE.finditer(window) if not NOT_A_PLACE.match(m.group("name"))]
    found = [
        m
        for m in found
        if not any(
            start + m.start("name") <= x.span.start < start + m.end("name") and x.entity.kind != "city"
            for x in mentions
        )
    ]
    if not found:
        return None
    chosen = next((m for m in found if m.group("preposition") == "in"), found[0])
    name = chosen.group("name")
    return Entity(key=slugify(name), kind="region", label=name)


def _date(scope: Span, dates: list[DateMention], trigger: re.Match[str]) -> PartialDate | None:
    """The date expression nearest the trigger in the scope; unresolved expressions mean unknown."""
    inside = [d for d in dates if scope.start <= d.span.start < scope.end]
    if not inside:
        return None
    trigger_start = scope.start + trigger.start()
    nearest = min(inside, key=lambda d: abs(d.span.start - trigger_start))
    return nearest.value


def _same_place(earlier: _Draft, later: _Draft) -> bool:
    return later.place is not None and earlier.place is not None and later.place.key == earlier.place.key


def _absorb(target: _Draft, other: _Draft, evidence_only: bool = False) -> None:
    """Fold another mention of the same meeting in; a mere reference ('the meeting') adds evidence only."""
    target.evidence.extend(e for e in other.evidence if e not in target.evidence)
    if evidence_only:
        target.date = target.date or other.date
        target.place = target.place or other.place
        return
    target.participants = _deduplicate([*target.participants, *other.participants])
    target.states |= other.states
    if target.date is None or (
        other.date is not None
        and _more_precise(other.date, target.date)
        and other.date.compatible(target.date)
    ):
        target.date = other.date or target.date
    target.place = target.place or other.place
    target.status, target.rule = _stronger(target, other)


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


def _stronger(a: _Draft, b: _Draft) -> tuple[Status, str]:
    """Across one article's mentions the latest stage wins: proposed < planned < held < called off.

    A status guessed without any cue (rule ``default``) never overrides one the text states."""
    if a.rule.endswith(":default") != b.rule.endswith(":default"):
        return (b.status, b.rule) if a.rule.endswith(":default") else (a.status, a.rule)
    return (a.status, a.rule) if _STATUS_WEIGHT[a.status] >= _STATUS_WEIGHT[b.status] else (b.status, b.rule)


def _compatible(a: _Draft, b: _Draft) -> bool:
    """Two mentions in one article are one meeting when nothing tells them apart: no other date, place or
    people for the same state ('Blinken met Xi' is not 'Biden met Xi'), and no 'again' or 'next round'."""
    if a.date and b.date and not a.date.compatible(b.date):
        return False
    if a.place and b.place and a.place.key != b.place.key:
        return False
    if a.new_occasion or b.new_occasion or _different_people(a, b):
        return False
    shared = a.states & b.states
    smaller = min(len(a.states), len(b.states))
    return (
        len(shared) >= 2
        and len(shared) >= smaller - 1
        and (bool(a.place or b.place) or smaller == len(shared))
    )


def _different_people(a: _Draft, b: _Draft) -> bool:
    def people(draft: _Draft) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for p in draft.participants:
            if p.entity.kind == "person" and p.represents:
                found.setdefault(p.represents, set()).add(p.entity.key)
        return found

    first, second = people(a), people(b)
    return any(first[state].isdisjoint(second[state]) for state in first.keys() & second.keys())


def _merge_within_article(drafts: list[_Draft]) -> list[_Draft]:
    merged: list[_Draft] = []
    for draft in drafts:
        target = next((m for m in merged if _compatible(m, draft)), None)
        if target is None:
            merged.append(draft)
        else:
            _absorb(target, draft)
    return merged


def _finish(draft: _Draft) -> MeetingFinding:
    participants = draft.participants
    host_state = draft.place.country if draft.place and draft.place.kind == "city" else None
    participants = [replace(p, is_host=bool(host_state and p.represents == host_state)) for p in participants]
    participants = _deduplicate(participants)
    return MeetingFinding(
        status=draft.status,
        participants=tuple(sorted(participants, key=lambda p: p.entity.key)),
        evidence=tuple(sorted(set(draft.evidence))),
        trigger=draft.trigger,
        date=draft.date,
        place=draft.place,
        rule=draft.rule,
    )
