"""Where a meeting is or was held: a city named with 'in/at/to', a state it is held in, a place the
gazetteer does not know named right after the trigger, 'the Chinese capital', and, for a meeting of the
day, the city of the dateline."""

from __future__ import annotations

import re

from diplograph.extract.meetings.cues import MEETING_NOUN, PLACE_AFTER_MOTION, PLACE_BEFORE
from diplograph.extract.meetings.when import tells_its_end
from diplograph.extract.model import Entity, Mention, Span
from diplograph.extract.patterns import keyword_text, starting_with
from diplograph.graph.uris import slugify
from diplograph.link.gazetteer import Gazetteer


def find_place(
    text: str,
    scope: Span,
    mentions: list[Mention],
    trigger: re.Match[str],
    demonyms: tuple[tuple[str, Span], ...] = (),
    gazetteer: Gazetteer | None = None,
) -> Entity | None:
    """Where: a city named with 'in/at/to' or before the meeting noun ('the Astana meeting'); else a state
    the meeting is held in ('talks were held in Belarus'); else 'the Chinese capital'; else a place the
    gazetteer does not know, named right after the trigger ('held talks in Antalya', 'met at Camp David');
    else a state named with 'in' after the trigger ('talks … in the Belovezhskaya Pushcha in Belarus')."""
    if tells_its_end(text, scope, trigger):
        return None  # "The visit ends on Friday in Bordeaux": the last stop, not where it was held
    trigger_start = scope.start + trigger.start()
    mentions = [m for m in mentions if not _topic_in(text, scope, m.span.start)]
    candidates = []
    for mention in mentions:
        if mention.entity.kind != "city":
            continue
        before = text[max(scope.start, mention.span.start - 12) : mention.span.start]
        after = text[mention.span.end : mention.span.end + 25]
        if NAMES_A_PROCESS.match(after):
            continue  # "the Astana process", "the Normandy format": the name of a process, not a place
        lead = text[max(scope.start, mention.span.start - 70) : mention.span.start]
        if POSTED_IN.search(lead):
            continue  # "the ambassador in Caracas, Armando Benedetti": where he serves, not where they meet
        if WHERE.match(after) and mention.span.end < trigger_start:
            return mention.entity  # "flew in from Tokyo, where on Wednesday they held a summit"
        if (
            PLACE_BEFORE.search(before)
            or CITY_OF.search(lead)
            or PLACE_AFTER_MOTION.search(lead)
            or re.match(r"[”\"]?\s+(?:" + MEETING_NOUN + r")\b", after, re.I)
        ):
            candidates.append((abs(mention.span.start - trigger_start), mention.entity))
    if candidates:
        return min(candidates, key=lambda item: item[0])[1]
    for mention in mentions:
        before = text[max(scope.start, mention.span.start - 30) : mention.span.start]
        if mention.entity.kind == "country" and HELD_IN.search(before):
            return mention.entity
    capital = _demonym_capital(text, scope, demonyms, gazetteer)
    if capital is not None:
        return capital
    return (
        _unknown_place(text, scope, trigger, mentions)
        or _held_in_unknown(text, scope, mentions)
        or _named_city(text, scope, trigger, mentions, demonyms, gazetteer)
        or _state_after(text, scope, trigger, mentions)
        or _hosting_state(text, scope, trigger, mentions)
        or _city_of_venue(text, scope, mentions)
        or _city_of_seat(text, scope, gazetteer)
    )


# "a summit on peace in Ukraine at the Bürgenstock resort", "talks on the war in Gaza": 'in' after the
# topic of the talks says where the war or the peace is, not where the meeting is held.
TOPIC_IN = re.compile(
    r"\b(?:peace|war|conflict|crisis|situation|fighting|violence|ceasefire|truce|hostilities|tensions|unrest|"
    r"security|stability|reconstruction|elections?|developments|aggression|invasion)\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _topic_in(text: str, scope: Span, position: int) -> bool:
    """Whether the name at ``position`` follows 'peace in', 'the war in' and the like in its clause."""
    start = max(scope.start, position - 40)
    # Every match ends with 'in' or 'the' and spaces: most names follow neither, and are not scanned.
    last = keyword_text(text[start:position].rstrip()[-3:])
    if last is not None and not last.endswith(("in", "the")):
        return False
    return bool(TOPIC_IN.search(text, start, position))


# "agreed that India would host the Quad summit in 2025", "Argentina, which will host the next summit": the
# state that hosts, named as the subject of "host", is where the meeting will be when no city is named.
HOST_SUBJECT = re.compile(
    r"(?:,\s+which)?\s+(?:will|would|is\s+to|was\s+to|is\s+due\s+to|agreed\s+to|plans\s+to|is\s+set\s+to)\s+$"
)


def _hosting_state(text: str, scope: Span, trigger: re.Match[str], mentions: list[Mention]) -> Entity | None:
    if not trigger.group().lower().startswith("host"):
        return None
    start = scope.start + trigger.start()
    for mention in mentions:
        if mention.entity.kind == "country" and HOST_SUBJECT.fullmatch(text, mention.span.end, start):
            return mention.entity
    return None


WHERE = re.compile(r",\s+where\b")
POSTED_IN = re.compile(
    r"\b(?:ambassador|envoy|embassy|consul|consulate|correspondent|bureau)\s+(?:in|to)\s+$", re.I
)
NAMES_A_PROCESS = re.compile(r"[”\"]?\s+(?:process|format|formula|track)\b", re.IGNORECASE)
HELD_IN = re.compile(
    r"\b(?:held|take\s+place|took\s+place|takes\s+place|met|meet|talks|summit|visit|visited|"
    r"travel(?:led)?|arrived|trip)\s+(?:in|to)\s+(?:the\s+)?$"
    # "invited Prime Minister Modi to visit Bangladesh": the state visited
    r"|\bvisit(?:s|ed|ing)?\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "at the Istana", "at the Élysée", "in the Belovezhskaya Pushcha": with an article, a building or a site,
# not the city the meeting is in; "at Camp David", "in Antalya" name the place itself.
UNKNOWN_PLACE = re.compile(
    r"\b(?P<preposition>in|at)\s+(?P<article>the\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
)
NOT_A_PLACE = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An|This|"
    r"That|Its|His|Her|Their|Our)\b"
)
DEMONYM_CAPITAL = re.compile(r"\b(?:in|at|to)\s+the\s+(?P<demonym>[A-Z][\w’'-]+)\s+capital\b")


def _unknown_place(text: str, scope: Span, trigger: re.Match[str], mentions: list[Mention]) -> Entity | None:
    start = scope.start + trigger.end()
    end = min(scope.end, start + 60)
    while end < scope.end and (text[end].isalnum() or text[end] in "’'-"):
        end += 1  # never cut a word ("in November" read as "Novembe", which is no month)
    # a name that begins in the window is read to its end ("in San Francisco", not "in San")
    window = text[start : scope.end]
    found = []
    for match in UNKNOWN_PLACE.finditer(window):
        if match.start() >= end - start:
            break
        if NOT_A_PLACE.match(match.group("name")) or match.group("article"):
            continue
        if _topic_in(text, scope, start + match.start("name")):
            continue  # "talks on the war in Tigray": where the war is
        if _names_a_building(text, match.group("name")):
            continue  # "meet … in Miraflores" beside "the Miraflores Palace": a building, its city unsaid
        found.append(match)
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


# "The first-ever summit between the European Union and the five countries of Central Asia took place today
# in Samarkand, Uzbekistan": where the clause says it took place, however far from the meeting's word.
HELD_IN_NAME = re.compile(
    r"\b(?:took\s+place|(?:was|were|is|are|will\s+be)\s+(?:being\s+)?held|will\s+take\s+place)\s+"
    r"(?:(?:today|yesterday|tomorrow|on\s+[A-Z][a-z]+day|this\s+\w+)\s+)?in\s+"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
)


def _held_in_unknown(text: str, scope: Span, mentions: list[Mention]) -> Entity | None:
    """A place the gazetteer does not know, where the clause says the meeting took place."""
    match = HELD_IN_NAME.search(text, scope.start, scope.end)
    if match is None or NOT_A_PLACE.match(match.group("name")):
        return None
    if any(match.start("name") <= m.span.start < match.end("name") for m in mentions):
        return None  # a state or body the gazetteer knows ("held in Belarus"): told by the rules above
    name = match.group("name")
    return Entity(key=slugify(name), kind="region", label=name)


# What names a building after its proper name ("the Miraflores Palace", "the Kumsusan State Guest House").
BUILDING_WORDS = ("Palace", "House", "Hall", "Castle", "Residence", "Hotel", "Centre", "Center", "Building")


def _names_a_building(text: str, name: str) -> bool:
    """'Petro and Maduro meet for the first time in Miraflores' beside 'in the Miraflores Palace': the
    article names a building by its proper name alone, as headlines do ('at the Élysée', 'in Miraflores')."""
    return any(f"{name} {word}" in text for word in BUILDING_WORDS)


# "in the Russian city of Kazan", "the southern city of Arba Minch": the words say the name is a city.
# "in the South African capital, Pretoria": the capital named in apposition.
CITY_OF = re.compile(
    r"\bthe\s+(?:[\w’'-]+\s+){0,3}?(?:(?:city|town|port|capital)\s+of\s+|capital,\s+)$", re.IGNORECASE
)
_NAME = r"(?-i:[A-Z][\w’'-]+(?:[^\S\n]+[A-Z][\w’'-]+){0,2})"
NAMED_CITY = re.compile(
    r"\bthe\s+(?:(?P<demonym>(?-i:[A-Z])[\w’'-]+)\s+|[\w’'-]+\s+){0,3}?(?:city|town|port|oasis|village|resort)\s+of\s+(?P<of>"
    + _NAME
    + r")|(?P<motion>"
    + PLACE_AFTER_MOTION.pattern.removesuffix("$")
    + r")(?P<to>"
    + _NAME
    + r")(?=[^\S\n]*(?:[,.;]|\s+(?-i:[a-z])|$))",
    re.IGNORECASE,
)
NAMED_CITY = starting_with("tvcgfarhindwb", NAMED_CITY)


def _named_city(
    text: str,
    scope: Span,
    trigger: re.Match[str],
    mentions: list[Mention],
    demonyms: tuple[tuple[str, Span], ...],
    gazetteer: Gazetteer | None,
) -> Entity | None:
    """A city the gazetteer does not know, named as a city ('the Russian city of Kazan') or as where someone
    goes for the meeting ('Lee Myung Bak traveled to Kyoto … for a meeting'), nearest the trigger; its state
    from the demonym or from 'Manama, Bahrain'."""
    trigger_start = scope.start + trigger.start()
    found = []
    for match in NAMED_CITY.finditer(text, scope.start, scope.end):
        group = "of" if match.group("of") else "to"
        name_span = Span(match.start(group), match.end(group))
        name = match.group(group)
        if group == "to" and match.group("motion").lower().endswith("the "):
            continue  # "went to the White House": a building, not the city
        if NOT_A_PLACE.match(name) or any(
            name_span.start <= m.span.start < name_span.end and m.entity.kind != "city" for m in mentions
        ):
            continue  # a month, a person, a state or a body the gazetteer knows
        state = _state_named_with(text, name_span.start + len(name), mentions)
        if state is None and match.group("demonym") and gazetteer is not None:
            start = match.start("demonym")
            state = next((key for key, span in demonyms if span.start == start), None)
        kind = "city" if state or group == "of" else "region"
        city = Entity(key=slugify(name), kind=kind, label=name, country=state)
        found.append((abs(name_span.start - trigger_start), city))
    return min(found, key=lambda item: item[0])[1] if found else None


def _state_named_with(text: str, end: int, mentions: list[Mention]) -> str | None:
    """'Manama, Bahrain': the state named right after the city, set off by a comma."""
    for mention in mentions:
        if mention.entity.kind == "country" and re.fullmatch(r",[^\S\n]*", text[end : mention.span.start]):
            return mention.entity.key
    return None


def _state_after(text: str, scope: Span, trigger: re.Match[str], mentions: list[Mention]) -> Entity | None:
    """'talks under Kuwaiti auspices in Kuwait next month': a state named with 'in' soon after the trigger."""
    start = scope.start + trigger.end()
    for mention in mentions:
        if mention.entity.kind != "country" or not start <= mention.span.start < min(scope.end, start + 90):
            continue
        before = text[max(start, mention.span.start - 9) : mention.span.start]
        if re.search(r"\bin\s+(?:the\s+)?$", before) and not re.match(r"['’]s\b", text[mention.span.end :]):
            return mention.entity
    return None


def _demonym_capital(
    text: str, scope: Span, demonyms: tuple[tuple[str, Span], ...], gazetteer: Gazetteer | None
) -> Entity | None:
    """'The agreement was signed in the Chinese capital': the capital of the state the demonym names."""
    if gazetteer is None:
        return None
    match = DEMONYM_CAPITAL.search(text, scope.start, scope.end)
    if match is None:
        return None
    state = next((key for key, span in demonyms if span.start == match.start("demonym")), None)
    return capital_of(gazetteer, state) if state else None


def capital_of(gazetteer: Gazetteer, state: str) -> Entity | None:
    cities = [
        entity
        for key in gazetteer.capitals
        if (entity := gazetteer.entities.get(key)) is not None and entity.country == state
    ]
    return cities[0] if len(cities) == 1 else None


DATELINE = re.compile(
    # "AMMAN, May 1 (Reuters) -", "ISLAMABAD:", "PARIS —", "NEW YORK. KAZINFORM –": a name in capitals
    r"^(?:(?P<place>[A-Z][A-Z'’.]+(?: [A-Z][A-Z'’.]+){0,2})(?=\s*(?:,|:|\s[—–-]|\()|\.\s)|"
    # "Pyongyang, June 20 (KCNA) --", "Jakarta / Sun, April 25, 2021": a name in title case, then the date.
    r"(?P<titled>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    r"(?=,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\s+/\s)|"
    # "By Alejandra Cruz Reyes | Mexico City | 28/12/2023 | 07:15 hrs": the place in a byline's fields.
    r"[Bb]y\s[^|\n]{2,60}\|\s*(?P<piped>[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,2})\s*\|)",
    re.M,
)


def dateline_city(text: str, gazetteer: Gazetteer) -> Entity | None:
    """The city of a wire dateline ('AMMAN, May 1 (Reuters) -', 'ISLAMABAD:', 'PARIS —', 'DAR ES SALAAM —')
    or of a byline ('By … | Mexico City | 28/12/2023'): where the reporter files from, which for a meeting
    of that day is, as a rule, where it is held. A city-state ('Vatican City, Apr 20, 2025') is its own
    city."""
    for match in DATELINE.finditer(text, 0, min(len(text), 800)):
        words = (match.group("place") or match.group("titled") or match.group("piped")).split()
        name = " ".join(word if match.group("piped") else word.capitalize() for word in words)
        for candidate in gazetteer.lookup(name) or gazetteer.lookup_folded(name):
            entity = gazetteer.entities.get(candidate.key)
            if entity is None or candidate.is_demonym:
                continue
            if entity.kind == "city" or (entity.kind == "country" and _is_city_state(entity, gazetteer)):
                return entity
    return None


def _is_city_state(state: Entity, gazetteer: Gazetteer) -> bool:
    """A state without a capital city of its own in the gazetteer: Singapore, the Vatican."""
    return not any(
        (city := gazetteer.entities.get(key)) is not None and city.country == state.key
        for key in gazetteer.capitals
    )


def _city_of_venue(text: str, scope: Span, mentions: list[Mention]) -> Entity | None:
    """'at Archmere Academy, his old Catholic high school in Claymont, Delaware': the city the words after
    a building name it is in ('at the Kumsusan State Guest House in Pyongyang' is found as a city already)."""
    venue = VENUE.search(text, scope.start, scope.end)
    place = VENUE_IN.match(text, venue.end(), scope.end) if venue else None
    if place is None:
        return None
    start = place.start("name")
    if NOT_A_PLACE.match(place.group("name")):
        return None  # "at the Vostochny Cosmodrome of Russia in September": a month, not a town
    known = next((m.entity for m in mentions if m.span.start == start), None)
    if known is not None:
        return known if known.kind in ("city", "country") else None
    return Entity(key=slugify(place.group("name")), kind="region", label=place.group("name"))


VENUE_IN = re.compile(
    r"[^.;]{0,60}?\bin\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)(?=[,.;]|\s+(?-i:[a-z]))"
)
# "at the Sandton Convention Centre", "at the Amiri Diwan", "at the ASEAN Secretariat": a building or site
# named without its city.
VENUE = re.compile(
    r"\bat\s+(?:the\s+)?(?:[A-Z][\w’'-]+\s+){1,4}?(?:Centre|Center|Palace|Hall|House|Academy|Hotel|Secretariat|"
    r"Headquarters|Diwan|Residence|Building|Castle|Villa|Complex|Cosmodrome|Guest\s+House)\b"
)


# The seats of government news name instead of their city: "hosted Scholz at the Elysee Palace", "met at the
# White House", "talks at the Great Hall of the People". Only after "at", "in", "inside" or "to": "the
# Kremlin said" is the government speaking, not a place.
SEATS = {
    "washington-dc": r"White\s+House|State\s+Department|Oval\s+Office",
    "paris": r"[ÉE]lys[ée]e(?:\s+Palace)?|Quai\s+d['’]Orsay",
    "moscow": r"Kremlin",
    "london": r"Downing\s+Street|Number\s+10|No\.?\s+10|Lancaster\s+House",
    "beijing": r"Great\s+Hall\s+of\s+the\s+People|Diaoyutai(?:\s+State\s+Guest\s*house)?|Zhongnanhai",
    "seoul": r"Blue\s+House|Cheong\s+Wa\s+Dae",
    "tokyo": r"Kantei|Akasaka\s+Palace",
    "new-delhi": r"Hyderabad\s+House|Rashtrapati\s+Bhavan",
    "abuja": r"Aso\s+Rock|State\s+House,?\s+Abuja",
    "caracas": r"Miraflores(?:\s+Palace)?",
    "buenos-aires": r"Casa\s+Rosada",
    "brasilia": r"Planalto(?:\s+Palace)?|Alvorada\s+Palace|Itamaraty(?:\s+Palace)?",
    "rome": r"Palazzo\s+Chigi|Quirinal(?:e)?(?:\s+Palace)?",
    "berlin": r"Bellevue\s+Palace|Schloss\s+Bellevue",
    "istanbul": r"Dolmabah[çc]e(?:\s+Palace)?",
    "astana": r"Akorda|Ak\s+Orda",
    "mexico-city": r"Los\s+Pinos",
}
SEAT = re.compile(
    r"\b(?:at|in|inside)\s+(?:the\s+)?(?:"
    + "|".join(f"(?P<{key.replace('-', '_')}>{names})" for key, names in SEATS.items())
    + r")\b"
)


def _city_of_seat(text: str, scope: Span, gazetteer: Gazetteer | None) -> Entity | None:
    """The city of a seat of government named as where the meeting is ('at the Élysée' → Paris)."""
    seat = SEAT.search(text, scope.start, scope.end) if gazetteer is not None else None
    if seat is None or seat.lastgroup is None:
        return None
    return gazetteer.entities.get(seat.lastgroup.replace("_", "-"))  # type: ignore[union-attr]
