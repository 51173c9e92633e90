"""Who takes part in a meeting: named people, states and bodies in the clause, roles without names resolved
to the person the article names in that role, and the state a person represents counted once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from diplograph.extract.entities import ROLE_TITLES, Recognised, RoleGroup
from diplograph.extract.meetings.cues import FRONTED_OPENING, MEDIA_OR_AGENCY, MEETING_NOUN, MEETING_VERB
from diplograph.extract.model import Entity, Mention, Participant, Span
from diplograph.link.gazetteer import Gazetteer

LEADER_ROLES = frozenset({"head of state", "head of government"})


def find_participants(
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
        person = named_holder(recognised, role, country, gazetteer)
        if person is not None:
            found.append(Participant(person, role, country))
        elif (state := _entity_of(gazetteer, country)) is not None:
            found.append(Participant(state, role, country))
    subject = _pronoun_subject(text, scope, mentions, recognised)
    if subject is not None:
        found.append(Participant(subject.entity, subject.role, subject.represents))
    for mention in mentions:
        entity = mention.entity
        if _is_attribution(text, mention, scope):
            continue  # "…, Lavrov said": who reports the meeting, not who attends it
        if entity.kind == "person":
            if _is_served(text, mention) and found and found[-1].entity.kind == "person":
                # "Redwan Hussien, national security adviser to Prime Minister Abiy Ahmed": Redwan speaks for
                # Abiy's state, Abiy is not at the meeting
                aide = found[-1]
                found[-1] = replace(aide, represents=aide.represents or mention.represents or entity.country)
                continue
            if _is_possessor(text, mention):
                continue  # "Witkoff, Trump's pick as Middle East envoy": Trump is not at the meeting
            found.append(Participant(entity, mention.role, mention.represents))
        elif (
            entity.kind == "country"
            and not _is_premodifier(text, mention)
            and not _is_location(text, mention, recognised.mentions)
        ):
            found.append(Participant(entity, None, entity.key))
        elif (
            entity.kind == "organization"
            and not MEDIA_OR_AGENCY.search(entity.label)
            and not _is_affiliation(text, mention)
        ):
            found.append(Participant(entity, None, entity.country))
    for key, span in recognised.demonyms:
        if scope.start <= span.start < scope.end and _demonym_is_a_party(text, span):
            state = _entity_of(gazetteer, key)
            if state is not None:
                found.append(Participant(state, None, key))
    for state in regional_group(scope.of(text), gazetteer):
        found.append(Participant(state, None, state.key))
    met = _pronoun_object(text, scope, found, recognised)
    if met is not None:
        found.append(Participant(met.entity, met.role, met.represents))
    return deduplicate(found)


# "the leaders of the five Central Asian states", "the foreign ministers of the other Central Asian states",
# "the three Baltic states": groups of states that news name without naming their members.
REGIONAL_GROUPS = {
    "central asian": ("kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"),
    "baltic": ("estonia", "latvia", "lithuania"),
    "nordic": ("denmark", "finland", "iceland", "norway", "sweden"),
}
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
REGIONAL_GROUP = re.compile(
    r"\bthe\s+(?P<other>other\s+)?(?:(?P<count>two|three|four|five)\s+)?(?P<group>Central\s+Asian|Baltic|Nordic)\s+"
    r"(?:states|countries|nations|republics|leaders|prime\s+ministers|foreign\s+ministers|presidents)\b"
)


def regional_group(body: str, gazetteer: Gazetteer) -> list[Entity]:
    """The members of a group of states the words name by its region, when the count (if any) agrees."""
    if not any(word in body for word in ("Central Asian", "Baltic", "Nordic")):
        return []
    found: list[Entity] = []
    for match in REGIONAL_GROUP.finditer(body):
        members = REGIONAL_GROUPS[re.sub(r"\s+", " ", match.group("group")).lower()]
        count = _COUNTS.get(match.group("count") or "")
        if count is not None and count != len(members) - (1 if match.group("other") else 0):
            continue
        found.extend(state for key in members if (state := gazetteer.entities.get(key)) is not None)
    return found


# "Qatari and Emirati officials", "the French and German governments", "under Kuwaiti auspices": a demonym
# names a party when it (or the list it ends) qualifies the people or the government of the state.
_PARTY_NOUN = re.compile(
    r"(?:(?:,\s*|\s+and\s+|,\s+and\s+)[A-Z][\w’'-]+)*\s+(?:[a-z]+\s+)?(?:delegations?|governments?|sides?|"
    r"officials|leaders|diplomats|negotiators|counterparts|authorities|envoys|representatives|teams?)\b"
)
_PAIRED_NOUNS = r"\s+(?:[\w-]+\s+)?(?:talks|negotiations|summit|meetings?|consultations|dialogue)\b"
_PAIRED = re.compile(r"(?:-[A-Z][\w’']+)+" + _PAIRED_NOUNS)
_PAIRED_END = re.compile(_PAIRED_NOUNS)
_BROKER = re.compile(r"\s+(?:auspices|mediation|sponsorship)\b")


def _demonym_is_a_party(text: str, span: Span) -> bool:
    if span.of(text).endswith("s"):
        return True  # "the Iranians and the Syrians"
    after = text[span.end : span.end + 60]
    if _PAIRED.match(after) or (text[span.start - 1 : span.start] == "-" and _PAIRED_END.match(after)):
        return True  # "Russian-Ukrainian talks": both states are parties
    if _BROKER.match(after):
        return text[max(0, span.start - 7) : span.start].lower().endswith("under ")
    return bool(_PARTY_NOUN.match(after))


_TITLE_WORDS = re.compile("(?:" + "|".join(pattern for pattern, _ in ROLE_TITLES) + r")\b", re.IGNORECASE)


def _is_affiliation(text: str, mention: Mention) -> bool:
    """'European Council President Charles Michel', 'Faki, chairperson of the AU Commission': the body a
    person serves, named in the person's title, is not a party beside the person."""
    after = text[mention.span.end : mention.span.end + 60]
    before = text[max(0, mention.span.start - 60) : mention.span.start]
    return bool(
        re.match(r"(?:['’]s)?\s+(?:" + _TITLE_WORDS.pattern + r")[^\S\n]+(?-i:[A-Z])", after, re.IGNORECASE)
        or re.search(r",\s+(?:the\s+)?(?:" + _TITLE_WORDS.pattern + r")\s+of\s+(?:the\s+)?$", before, re.I)
        or (_STATE_BEFORE.search(before) and _GOVERNMENT_AFTER.match(after))
    )


# "Afghanistan's Taliban government", "the Houthi-run authorities": the movement names the state's
# government, which the state stands for.
_STATE_BEFORE = re.compile(r"(?-i:[A-Z])[\w-]+['’]s\s+$")
_GOVERNMENT_AFTER = re.compile(
    r"(?:-led|-run)?\s+(?:government|administration|authorities|regime|rulers)\b", re.I
)


def with_visited_state(
    text: str,
    scope: Span,
    trigger: re.Match[str],
    place: Entity | None,
    participants: list[Participant],
    gazetteer: Gazetteer,
) -> list[Participant]:
    """A visit or trip to a foreign capital or state is a meeting with that state, even when no host is
    named ('Várhelyi is due to visit Tbilisi next month', 'Pelosi's visit to Taiwan', 'the Beijing trip')."""
    word = trigger.group().lower()
    if not word.startswith(("visit", "trip")) or place is None:
        return participants
    if place.kind == "country":
        after = text[scope.start + trigger.end() : scope.start + trigger.end() + 40]
        visited = place if re.match(r"\s+(?:by\s+[^,.;]{0,40}?\s+)?to\s+(?:the\s+)?", after) else None
    elif place.kind == "city":
        visited = gazetteer.entities.get(place.country or "")
        if gazetteer.capitals and place.key not in gazetteer.capitals:
            visited = None
    else:
        visited = None
    if visited is None:
        return participants
    if any((p.represents or p.entity.key) == visited.key for p in participants):
        return participants
    return [*participants, Participant(visited, None, visited.key)]


# "…, Russian Foreign Minister Sergey Lavrov said", "…, Kremlin spokesman Dmitry Peskov told reporters": the
# name after a comma, with its title, and a verb of saying.
_REPORTER_BEFORE = re.compile(
    r",\s+(?:(?:[A-Z][\w’'.-]*|spokes(?:man|woman|person)|minister|secretary|advis[eo]r|aide|envoy|"
    r"ambassador|deputy|foreign|prime|press|chief|director|head|of|the|"
    # "…, foreign ministry spokesperson Lin Jian announced Tuesday"
    r"ministry|office|affairs|presidential|government)\s+){0,7}$"
)
_REPORTER_AFTER = re.compile(
    r"\s+(?:said|says|told|added|noted|stressed|announced)\b"
    # "In Washington, President Donald Trump told reporters he would meet Taliban leaders": he, the one who
    # speaks, is the subject of the meeting
    r"(?!(?:\s+(?:reporters|journalists|the\s+press|lawmakers|on\s+\w+day))?(?:\s+that)?\s+(?:he|she)\b)"
)


def _is_attribution(text: str, mention: Mention, scope: Span) -> bool:
    """'…, Russian Foreign Minister Sergey Lavrov said.': the reporter of the sentence; not when the sentence
    opens with the reporter's own meeting ('Speaking after talks with Lavrov in Moscow, Fidan said')."""
    before = _REPORTER_BEFORE.search(text, max(0, mention.span.start - 80), mention.span.start)
    if before is None or not _REPORTER_AFTER.match(text, mention.span.end):
        return False
    return not FRONTED_OPENING.fullmatch(text, scope.start, before.start())


def _pronoun_subject(
    text: str, scope: Span, mentions: list[Mention], recognised: Recognised
) -> Mention | None:
    """'… and on Wednesday evening he held talks with Cavusoglu', 'In his address he said … and announced that
    he would host the next summit': 'he' is the person the sentence or the one before began with, when no
    person is named before the verb."""
    head = text[scope.start : min(scope.end, scope.start + 250)]
    pronoun = re.search(
        r"(?:^|[,\s])(?:[Hh]e|[Ss]he)\s+(?:\w+\s+)?(?:"
        + MEETING_VERB
        + r"|held|will|is|was|invit(?:es|ed)|"
        + GOES
        + r")\b",
        head,
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


# "where she met him briefly at the banquet", "Jaishankar called on her at her hotel": a pronoun after the
# meeting verb; "her" only as an object, not as in "met her counterpart".
OBJECT_PRONOUN = re.compile(
    r"\b(?:"
    + MEETING_VERB
    + r")\s+(?:him|her(?=\s*[,.;:]|\s*$|\s+(?:at|in|on|during|for|before|after|and|briefly|again|twice|later|"
    r"there|when|while|over|last|this|yesterday|today)\b))\b",
    re.IGNORECASE,
)


def _pronoun_object(
    text: str, scope: Span, found: list[Participant], recognised: Recognised
) -> Mention | None:
    """The one met, told by a pronoun: the last other person named earlier in the sentence, else the first
    of the paragraph (who the paragraph is about: 'Before the talks, Hasina was accorded … She later called
    on President Murmu. On Friday evening, … Jaishankar called on her at her hotel')."""
    words = scope.of(text).lower()
    if "him" not in words and "her" not in words:
        return None  # most clauses have neither: the long pattern is not tried
    pronoun = OBJECT_PRONOUN.search(text, scope.start, scope.end)
    if pronoun is None:
        return None
    taken = {p.entity.key for p in found}
    paragraph = text.rfind("\n", 0, scope.start) + 1
    people = [
        m
        for m in recognised.mentions
        if m.entity.kind == "person"
        and paragraph <= m.span.start < pronoun.start()
        and m.entity.key not in taken
    ]
    sentence = max(paragraph, text.rfind(". ", 0, scope.start) + 2)
    in_sentence = [m for m in people if m.span.start >= sentence]
    return in_sentence[-1] if in_sentence else (people[0] if people else None)


# "He flies to Ottawa on Friday for talks with Prime Minister Justin Trudeau": who travels to talks attends.
GOES = r"fl(?:y|ies|ew)|travel(?:s|l?ed)|head(?:s|ed)|go(?:es)?|went|arriv(?:es|ed)|return(?:s|ed)"


# "Pelosi's visit", "Raisi's state visit", "Modi and Sharif's meeting", "Yoon's Tokyo trip": the possessor of
# a meeting takes part in it; of anything else ("Trump's pick", "Netanyahu's office") not.
_POSSESSED_MEETING = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:"
    + MEETING_NOUN
    + r"|arrival|stopover|stop|delegation|team|side|government)\b",
    re.IGNORECASE,
)


def _is_possessor(text: str, mention: Mention) -> bool:
    end = mention.span.end
    return text.startswith(("'s", "’s"), end) and not _POSSESSED_MEETING.match(text, end)


# "Redwan Hussien, national security adviser to Prime Minister Abiy Ahmed": the one served, not a party.
_SERVED = re.compile(
    r"\b(?:advis[eo]r|aide|spokes(?:man|woman|person)|assistant|secretary|counsel(?:l?or)?)\s+(?:to|for)\s+"
    r"(?:the\s+)?(?:[\w’'-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _is_served(text: str, mention: Mention) -> bool:
    return bool(_SERVED.search(text, max(0, mention.span.start - 60), mention.span.start))


def _is_premodifier(text: str, mention: Mention) -> bool:
    """'Iran Foreign Minister X', 'Russia's delegation': the state qualifies someone else in the sentence."""
    after = text[mention.span.end : mention.span.end + 30]
    # (but "Afghanistan's Taliban government", "Syria's Assad government": the state's own government)
    if re.match(
        r"['’]s\s+(?!(?:[A-Z][\w-]+\s+)?(?:delegation|government|side|representatives|leaders?))", after
    ):
        return True  # "Syria's long-running conflict": a possessor, not a party
    return bool(
        re.match(
            r"(?:['’]s)?\s+(?:foreign|defen[cs]e|prime|president|crown|national|military)\b",
            after,
            re.IGNORECASE,
        )
    )


def _is_location(text: str, mention: Mention, mentions: Sequence[Mention]) -> bool:
    """'Astana, Kazakhstan', 'Kazakhstan, the proposed venue', 'in Syria': the state is where, not who."""
    before = text[max(0, mention.span.start - 40) : mention.span.start]
    after = text[mention.span.end : mention.span.end + 40]
    after_city = bool(re.search(r"\b[A-Z][\w’'-]+,\s*(?:the\s+)?$", before)) and any(
        m.entity.kind == "city" and re.fullmatch(r",\s*(?:the\s+)?", text[m.span.end : mention.span.start])
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


def named_holder(recognised: Recognised, role: str, country: str, gazetteer: Gazetteer) -> Entity | None:
    """A person the same article names with this role for this state ('Syrian Foreign Minister Muallem'),
    else the one person it names for this state, without a title, whom the offices table gives that role
    ('The foreign ministers of Jordan … and Egypt met …' with 'Egypt's Sameh Shoukry' further on)."""
    named = [m for m in recognised.mentions if m.entity.kind == "person" and m.represents == country]
    people = {m.entity.key: m.entity for m in named if m.role == role}
    if not people:
        people = {m.entity.key: m.entity for m in named if not m.role and gazetteer.holds(m.entity.key, role)}
    return next(iter(people.values())) if len(people) == 1 else None


def _entity_of(gazetteer: Gazetteer, key: str) -> Entity | None:
    return gazetteer.entities.get(key)


def deduplicate(participants: Iterable[Participant]) -> list[Participant]:
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
