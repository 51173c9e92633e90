"""Parties that a clause names by pointing back ('the two leaders', 'the foreign ministers of the two
countries') and meetings that one clause reports several of ('held bilateral meetings with A, B and C')."""

from __future__ import annotations

import re
from dataclasses import replace

from diplograph.extract.entities import ROLE_TITLES, Recognised, canonical_role
from diplograph.extract.meetings.cues import PARTY_COUNT, THE_PARTIES
from diplograph.extract.meetings.hosts import is_body
from diplograph.extract.meetings.merging import Draft, take_parties_of
from diplograph.extract.meetings.participants import LEADER_ROLES, deduplicate, named_holder
from diplograph.extract.model import Participant, Span, Status
from diplograph.link.gazetteer import Gazetteer

LEADER_WORDS = frozenset({"leaders", "presidents", "heads of state", "prime ministers", "premiers"})
_TITLE_BEFORE = re.compile(
    r"(?P<title>" + "|".join(pattern for pattern, _ in ROLE_TITLES) + r")\s+of\s+$", re.IGNORECASE
)
# How far the trigger may be from the words that point back ("The two leaders did agree to meet").
REACH = 40


def referred_parties(
    text: str, clause: Span, drafts: list[Draft], draft: Draft, recognised: Recognised, gazetteer: Gazetteer
) -> None:
    """'The three leaders last met in person …': the parties of the latest meeting told with as many
    parties (leaders' meetings for 'leaders'), its host left out when it had one more; 'the foreign
    ministers of the two countries' become those states' foreign ministers where the article names them."""
    body = clause.of(text)
    match = THE_PARTIES.search(body)
    after = OF_THE_PARTIES.match(body, draft.trigger.end - clause.start)
    if after is not None:
        match = THE_PARTIES.match(body, after.end())  # "a meeting of the two blocs' foreign ministers"
    elif match is None or not _shortly_before(body, match, draft.trigger.start - clause.start):
        return
    if match is None:
        return
    count = PARTY_COUNT.get((match.group("count") or "").lower()) or (2 if match.group("both") else None)
    who = re.sub(r"\s+", " ", match.group("who") or match.group("possessive") or "").lower()
    leaders = who in LEADER_WORDS or who.startswith("heads")
    office = (
        canonical_role(who[: -len("s")]) if who.endswith(" ministers") and who != "prime ministers" else None
    )
    if who in BODY_WORDS:
        chosen = _referred_bodies(drafts, count)
    else:
        chosen = _referred(drafts, count, leaders, office)
    if chosen is None and leaders:
        chosen = _named_leaders(recognised, clause.start, count, who)
    if chosen is None:
        return
    title = _TITLE_BEFORE.search(body[: match.start()])
    if title:
        role = canonical_role(title.group("title"))
        people = []
        for state in {p.represents or p.entity.key for p in chosen}:
            holder = named_holder(recognised, role, state, gazetteer)
            entity = holder or gazetteer.entities.get(state)
            if entity is not None:
                people.append(Participant(entity, role, state))
        chosen = people
    draft.participants = deduplicate([*chosen, *draft.participants])
    draft.participants = [replace(p, is_host=False) for p in draft.participants]
    draft.states = {p.represents or p.entity.key for p in draft.participants}


OF_THE_PARTIES = re.compile(r"\s+(?:of|between)\s+(?=the\s+(?:two|three|four|five)\b|both\b)", re.IGNORECASE)


def _shortly_before(body: str, match: re.Match[str], trigger_at: int) -> bool:
    """The parties named close enough before the trigger to be its parties."""
    return match.end() <= trigger_at and _distance(body[match.end() : trigger_at]) < REACH


def _distance(gap: str) -> int:
    """How far the trigger is from the words that point back, not counting a relative clause between
    commas ('The two men, who have spoken twice by phone since January, most recently in September, last
    met in person …')."""
    if RELATIVE_CLAUSE.match(gap) and "," in gap[1:]:
        return len(gap) - gap.rindex(",")
    return len(gap)


RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which|whose)\b")


BODY_WORDS = frozenset({"blocs", "organisations", "organizations"})


def _referred_bodies(drafts: list[Draft], count: int | None) -> list[Participant] | None:
    """'a meeting of the two blocs' foreign ministers' after 'the first joint summit of the East African
    Community (EAC) and the Southern African Development Community (SADC)': the bodies of the latest meeting
    told with as many bodies."""
    for earlier in reversed(drafts):
        bodies = [p for p in earlier.participants if is_body(p)]
        if bodies and (count is None or len(bodies) == count):
            return bodies
    return None


def _referred(
    drafts: list[Draft], count: int | None, leaders: bool, office: str | None = None
) -> list[Participant] | None:
    """The parties of the latest meeting told with as many parties; 'the two foreign ministers' are those
    of the latest meeting of ministers of that office, not of a leaders' visit told after it."""
    for earlier in reversed(drafts):
        parties = earlier.participants
        host = earlier.place.country if earlier.place is not None and earlier.place.kind == "city" else None
        states = {p.represents or p.entity.key for p in parties}
        if count is not None and len(states) == count + 1 and host in states:
            parties = [p for p in parties if (p.represents or p.entity.key) != host]
            states.discard(host)
        if count is not None and len(states) != count:
            continue
        people = [p for p in parties if p.entity.kind == "person"]
        if leaders and not (people and all(p.role in LEADER_ROLES for p in people)):
            continue
        if office and not (people and all(p.role == office for p in people)):
            continue
        return parties
    return drafts[-1].participants if count is None and drafts else None


def _named_leaders(
    recognised: Recognised, before: int, count: int | None, who: str
) -> list[Participant] | None:
    """'The two presidents saw each other in person … in San Francisco' in an article that named López
    Obrador at his meeting and Biden only in a call: the leaders the article named before, one per state,
    when there are as many as the words say."""
    roles = {"head of state"} if who == "presidents" else LEADER_ROLES
    roles = {"head of government"} if who in ("prime ministers", "premiers") else roles
    people: dict[str, dict[str, Participant]] = {}
    for mention in recognised.mentions:
        if mention.span.start >= before:
            break
        if mention.entity.kind == "person" and mention.role in roles and mention.represents:
            people.setdefault(mention.represents, {})[mention.entity.key] = Participant(
                mention.entity, mention.role, mention.represents
            )
    if count is None or len(people) != count or any(len(named) != 1 for named in people.values()):
        return None
    return [participant for named in people.values() for participant in named.values()]


BILATERALS = re.compile(r"\b(?:bilateral|separate)\s+(?:meetings|talks)\s*$|\bbilaterals\s*$", re.IGNORECASE)


def split_bilaterals(text: str, draft: Draft) -> list[Draft]:
    """'Jaishankar held bilateral meetings today in Goa with the Foreign Ministers of Russia, China and
    Uzbekistan': one meeting of the subject with each counterpart."""
    if not BILATERALS.search(text[max(0, draft.trigger.start - 20) : draft.trigger.end]):
        return [draft]
    subject = [p for p in draft.participants if {p.entity.key, p.represents} & draft.subjects]
    others: dict[str, list[Participant]] = {}
    for participant in draft.participants:
        if participant not in subject:
            others.setdefault(participant.represents or participant.entity.key, []).append(participant)
    if not subject or len(others) < 2:
        return [draft]
    parts = []
    for state, counterparts in others.items():
        # Each bilateral is reported by its counterpart's name: a trigger (and a report) of its own.
        named = [draft.spans[k] for k in (state, *(p.entity.key for p in counterparts)) if k in draft.spans]
        trigger = min(named) if named else draft.trigger
        part = replace(
            draft, participants=[*subject, *counterparts], evidence=list(draft.evidence), trigger=trigger
        )
        part.states = {p.represents or p.entity.key for p in subject} | {state}
        parts.append(part)
    return parts


NEXT_ONE = re.compile(r"\bnext\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# "Japan will host the next meeting", "India is due to host the next Quad Leaders' Summit": the next one
# of a series, named after the trigger.
NEXT_IN_CLAUSE = re.compile(
    r"\bnext\s+(?:[\w’'-]+\s+){0,3}?(?:meeting|summit|session|one|talks|conference)\b", re.IGNORECASE
)


# "next year", "next month": the time of the next meeting of a series whose parties are not named again.
NEXT_PERIOD = re.compile(r"\bnext\s+(?:year|month|spring|summer|autumn|fall|winter)\b", re.IGNORECASE)

# The most sides a standing format has (a trilateral, the Quad): the next meeting has the same members.
MAX_FORMAT = 4


def next_of_a_series(
    text: str, clause: Span, drafts: list[Draft], draft: Draft, gazetteer: Gazetteer
) -> None:
    """The next meeting of a series the article tells (its parties not named again): 'The next summit is
    due to take place in Brussels in 2026' in a report on the EU-China summit, 'Japan will host the next
    meeting' after a trilateral summit, 'The leaders will meet again in Abuja in December' after the ECOWAS
    summit. A series of two sides, or a format of three or four states, has the same sides; the next summit
    of a bloc has the bloc (and its host), not the members at the last one."""
    trigger = draft.trigger
    noun = text[trigger.start : trigger.end].lower()
    future = draft.status is not Status.HELD
    named_next = NEXT_ONE.search(text, max(0, trigger.start - 20), trigger.start)  # "the next summit"
    if not (
        named_next
        or (future and NEXT_IN_CLAUSE.search(text, trigger.start, clause.end))
        # "The leaders will meet again in Abuja in December" (not "Will the ministers ever meet again?")
        or (future and draft.new_occasion and not draft.states and (draft.place or draft.date))
        # "Leaders will meet next year in Tonga." (Pacific brief, 10 November 2023, after the Forum's summit)
        or (
            future and not draft.states and draft.place and NEXT_PERIOD.search(text, clause.start, clause.end)
        )
    ):
        return
    same_kind = [d for d in drafts if named_next and text[d.trigger.start : d.trigger.end].lower() == noun]
    lead = [  # else the first gathering the article tells, its lead story
        d for d in drafts[:1] if future and (len(d.states) >= 2 or any(is_body(p) for p in d.participants))
    ]
    series = same_kind or lead
    if not series:
        return
    earlier = max(series, key=lambda d: len(d.evidence))
    sides = {  # people who speak for no state (the EU's presidents) are no side of their own
        p.represents or p.entity.key
        for p in earlier.participants
        if p.entity.kind != "person" or p.represents
    }
    parties = [gazetteer.entities.get(key) for key in sorted(sides)]
    if any(p is None or p.kind not in ("country", "organization") for p in parties) or not sides:
        return
    if len(sides) != 2 and any(is_body(p) for p in earlier.participants):
        parties = [p.entity for p in earlier.participants if is_body(p)]
    elif not 2 <= len(sides) <= MAX_FORMAT:
        return  # who comes to the next of a larger gathering is not known
    found = [Participant(p, None, p.key if p.kind == "country" else p.country) for p in parties if p]
    draft.participants = deduplicate([*found, *draft.participants])
    draft.states = {p.represents or p.entity.key for p in draft.participants}
    draft.new_occasion = True


def another_round(text: str, drafts: list[Draft], draft: Draft, gazetteer: Gazetteer) -> None:
    """'The next round is due to take place in the coming days': the sides of the round told before, else
    the states of the meeting told before. A round's sides may be a state and an armed group ('Petro …
    with Antonio García, the top commander of the ELN, at the closing of the third round' — not the
    guarantor states at the ceremony told after it)."""
    rounds = [d for d in drafts if ROUND_WORD.search(text, d.trigger.start, d.trigger.end)]
    for earlier in reversed(rounds):
        found = _sides(earlier, gazetteer, ("country", "organization"))
        if len(found) >= 2:
            take_parties_of(found, draft)
            return
    for earlier in reversed(drafts):
        found = _sides(earlier, gazetteer, ("country",))
        if len(found) >= 2:
            take_parties_of(found, draft)
            return


ROUND_WORD = re.compile(r"\bround\b", re.IGNORECASE)


def _sides(draft: Draft, gazetteer: Gazetteer, kinds: tuple[str, ...]) -> list[Participant]:
    parties = [gazetteer.entities.get(p.represents or p.entity.key) for p in draft.participants]
    return [Participant(s, None, s.country or s.key) for s in parties if s is not None and s.kind in kinds]
