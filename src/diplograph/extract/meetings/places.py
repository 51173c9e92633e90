"""Where a meeting is or was held: a city named with 'in/at/to', a state it is held in, a place the
gazetteer does not know named right after the trigger, 'the Chinese capital', and, for a meeting of the
day, the city of the dateline."""

from __future__ import annotations

import re

from diplograph.extract.meetings.cues import MEETING_NOUN, PLACE_AFTER_MOTION, PLACE_BEFORE
from diplograph.extract.model import Entity, Mention, Span
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
    trigger_start = scope.start + trigger.start()
    candidates = []
    for mention in mentions:
        if mention.entity.kind != "city":
            continue
        before = text[max(scope.start, mention.span.start - 12) : mention.span.start]
        after = text[mention.span.end : mention.span.end + 25]
        if NAMES_A_PROCESS.match(after):
            continue  # "the Astana process", "the Normandy format": the name of a process, not a place
        lead = text[max(scope.start, mention.span.start - 70) : mention.span.start]
        if (
            PLACE_BEFORE.search(before)
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
    return _unknown_place(text, scope, trigger, mentions) or _state_after(text, scope, trigger, mentions)


NAMES_A_PROCESS = re.compile(r"[”\"]?\s+(?:process|format|formula|track)\b", re.IGNORECASE)
HELD_IN = re.compile(
    r"\b(?:held|take\s+place|took\s+place|takes\s+place|met|meet|talks|summit|visit|visited|"
    r"travel(?:led)?|arrived|trip)\s+(?:in|to)\s+(?:the\s+)?$",
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
    window = text[start : min(scope.end, start + 60)]
    found = [
        m
        for m in UNKNOWN_PLACE.finditer(window)
        if not NOT_A_PLACE.match(m.group("name")) and not m.group("article")
    ]
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


DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z'’.]+(?: [A-Z][A-Z'’.]+){0,2})(?=\s*(?:,|:|\s[—–-]|\())", re.M)


def dateline_city(text: str, gazetteer: Gazetteer) -> Entity | None:
    """The city of a wire dateline ('AMMAN, May 1 (Reuters) -', 'ISLAMABAD:', 'PARIS —'): where the
    reporter files from, which for a meeting of that day is, as a rule, where it is held."""
    for match in DATELINE.finditer(text, 0, min(len(text), 800)):
        name = " ".join(word.capitalize() for word in match.group("place").split())
        for candidate in gazetteer.lookup(name):
            entity = gazetteer.entities.get(candidate.key)
            if entity is not None and entity.kind == "city" and not candidate.is_demonym:
                return entity
    return None
