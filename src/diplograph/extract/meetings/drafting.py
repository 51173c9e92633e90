"""One clause, one draft meeting: its trigger, status, parties, place and date, each decided by a named cue.

A clause without a meeting word is no meeting; neither are calls, hypotheticals and series. The trigger
that reports the meeting is the first that does not only point back at one told before ("after the talks").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from diplograph.extract.dates import DateMention
from diplograph.extract.entities import Recognised
from diplograph.extract.meetings.calls import REMOTE_WORDS
from diplograph.extract.meetings.cues import (
    ANAPHOR,
    BARE_SIDELINES,
    CLAUSE_BREAK,
    COMMENTING_ON,
    COORDINATED,
    DENIED_AFTER,
    DURING,
    FRONTED_SPEAKER,
    HYPOTHETICAL,
    LISTED_EVENT_VERBS,
    LISTED_EVENTS,
    NEGATED,
    NEW_OCCASION,
    NOT_A_MEETING,
    NOT_ATTENDING,
    PRESENCE,
    PRESENCE_WORDS,
    RELATIVE_OPENING,
    SECOND_SUBJECT,
    SEQUENCE_BEFORE,
    SERIES,
    SERIES_OF_MEETINGS,
    SIDE_CONVERSATION,
    SIDELINES,
    TRIGGER,
    TRIGGER_WORDS,
    asides,
    exclusion_start,
    is_reference,
    on_the_orders_of,
)
from diplograph.extract.meetings.merging import Draft
from diplograph.extract.meetings.participants import find_participants, with_visited_state
from diplograph.extract.meetings.places import VENUE, find_place
from diplograph.extract.meetings.status import status_of
from diplograph.extract.meetings.subjects import relative_clause_ends
from diplograph.extract.meetings.when import meeting_date
from diplograph.extract.model import Mention, Span, Status
from diplograph.extract.patterns import (
    KeywordPattern,
    LowercasePattern,
    keyword_text,
    may_contain,
    trie_pattern,
)
from diplograph.link.gazetteer import Gazetteer

__all__ = ["clauses", "draft_from_clause", "may_tell_a_meeting"]


def clauses(text: str, sentence: Span) -> list[Span]:
    """Split a sentence where a new clause can start a new event: dashes, colons, ', and they …', and where a
    relative clause between commas closes before its sentence's main verb."""
    body = sentence.of(text)
    breaks = {m.end() for m in CLAUSE_BREAK.finditer(body)} | set(relative_clause_ends(body))
    if ", and " in body:
        breaks |= {m.end() for m in SECOND_SUBJECT.finditer(body) if TRIGGER.search(body, 0, m.start())}
    if any(verb in body for verb in LISTED_EVENT_VERBS):
        breaks |= {m.end() for m in LISTED_EVENTS.finditer(body)}
    cuts = [0, *sorted(breaks), len(body)]
    return [
        Span(sentence.start + a, sentence.start + b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a
    ]


CALLED_OFF = re.compile(
    r"\b(?:postponed|put\s+off|delayed|called\s+off|cancel(?:l)?ed|scrapped)\b", re.IGNORECASE
)
# Whether a clause has a meeting word at all (as a letter trie: most clauses are ruled out by this test).
_ANY_TRIGGER_WORD = re.compile(trie_pattern(set(TRIGGER_WORDS)))
_ANY_PRESENCE_WORD = re.compile(trie_pattern(set(PRESENCE_WORDS)))
# The cues tried on every clause with a meeting word, each with the words one of which it needs.
_HYPOTHETICAL = KeywordPattern(HYPOTHETICAL, ("would", "such", "if"))
_SERIES = KeywordPattern(SERIES, ("every", "annually"))
_SERIES_OF_MEETINGS = KeywordPattern(
    SERIES_OF_MEETINGS,
    ("several", "many", "numerous", "multiple", "repeated", "countless", "number")
    + ("frequent", "intermittent", "periodic", "occasional"),
)
# Every contact cue has a word of contact or a quotation mark ('called', 'by phone', 'rather than', a quote).
_NOT_A_MEETING = KeywordPattern(
    NOT_A_MEETING,
    ("phone", "video", "conference", "zoom", "virtual", "online", "remote", "called", "wrote", "letter")
    + ("rather", "“", '"'),
)
_SIDELINES = KeywordPattern(SIDELINES, ("side", "margin"))
# "The foreign ministers of the Quad - Australia, India, Japan and the United States - are due to meet"
_MINISTERS_MEET = re.compile(
    r"\b(?:foreign|defen[cs]e|finance|trade|economy|energy|interior)\s+ministers\s+(?:of|from)\b",
    re.IGNORECASE,
)
_BARE_SIDELINES = KeywordPattern(BARE_SIDELINES, ("side", "margin"))
_NEGATED = KeywordPattern(
    NEGATED, ("no", "n'", "n’", "refused", "declined", "ruled", "rejected", "denie", "dismisse", "refuted")
)
_NOT_ATTENDING = KeywordPattern(
    NOT_ATTENDING, ("not", "n't", "n’t", "against", "declined", "refused", "skip", "boycott", "away")
)
_CALLED_OFF = KeywordPattern(CALLED_OFF, ("postponed", "put", "delayed", "called", "cancel", "scrapped"))
_NEW_OCCASION = KeywordPattern(
    NEW_OCCASION, ("again", "next", "another", "follow-", "second", "previous", "last")
)
_SEQUENCE_BEFORE = KeywordPattern(SEQUENCE_BEFORE, ("followed", "preceded", "came", "earlier", "later"))
_DURING = KeywordPattern(DURING, ("during",))
_VENUE_WORDS: tuple[str, ...] = (
    "centre",
    "center",
    "palace",
    "hall",
    "house",
    "academy",
    "hotel",
    "secretariat",
    "diwan",
)
_VENUE_WORDS += ("headquarters", "residence", "building", "castle", "villa", "complex", "cosmodrome")
_VENUE = KeywordPattern(VENUE, _VENUE_WORDS)
_ANAPHOR = LowercasePattern(ANAPHOR)


def may_tell_a_meeting(text: str, sentence: Span) -> bool:
    """Whether a clause of the sentence can tell a meeting or a call: one with neither a meeting word nor a
    word of remote contact has none (most sentences), and is not even split into clauses."""
    lowered = sentence.of(text).lower()
    return _has_meeting_word(lowered) or may_contain(lowered, REMOTE_WORDS)


@lru_cache(maxsize=8)
def _has_meeting_word(lowered: str) -> bool:
    """Whether a lowered sentence or clause has a meeting word. Remembered for the last few: a sentence of one
    clause is asked again as its clause, and the scan costs more than a look-up."""
    return bool(_ANY_TRIGGER_WORD.search(lowered))


def draft_from_clause(
    text: str,
    sentence: Span,
    clause: Span,
    recognised: Recognised,
    dates: list[DateMention],
    gazetteer: Gazetteer,
) -> Draft | None:
    body = clause.of(text)
    lowered = body.lower()
    if not _has_meeting_word(lowered):
        return None  # most clauses have no meeting word at all: a substring test rules them out quickly
    candidates = list(TRIGGER.finditer(body))
    presence = PRESENCE.search(body) if _ANY_PRESENCE_WORD.search(lowered) else None
    if not candidates and presence is None and "side" not in lowered and "margin" not in lowered:
        return None  # (on the sidelines a conversation or a signing is a meeting too)
    keyed = keyword_text(body)
    if _HYPOTHETICAL.search(body, keyed) or _SERIES.search(body, keyed):
        return None
    series = [Span(m.start(), m.end()) for m in _SERIES_OF_MEETINGS.finditer(body, keyed)]
    blocked = [Span(m.start(), m.end()) for m in _NOT_A_MEETING.finditer(body, keyed)] + series
    side = _SIDELINES.search(body, keyed)
    bare_side = side is None and bool(_BARE_SIDELINES.search(body, keyed))
    occasion = [Span(side.start(), side.end())] if side else []
    if side or bare_side:
        candidates = sorted([*candidates, *SIDE_CONVERSATION.finditer(body)], key=lambda m: m.start())
    unusable = blocked + occasion
    triggers = [m for m in candidates if not any(b.start <= m.start() < b.end for b in unusable)]
    if not triggers:
        if presence is None or any(b.start <= presence.start() < b.end for b in blocked):
            return None
        triggers = [presence]  # no meeting word: who was at the meeting told before
    # "Putin will not attend the BRICS summit": the summit is not denied, Putin's part in it is
    absent = _NOT_ATTENDING.search(body, keyed, 0, triggers[0].start())
    if absent is None and _NEGATED.search(body[: triggers[0].start()], keyed):
        return None
    if absent is None and (_NEGATED.may_match(keyed) or "not" in lowered or "longer" in lowered):
        triggers = [t for t in triggers if not _denied(body, keyed, t)]
        if not triggers:
            return None
    trigger = _main_trigger(body, triggers)
    if any(0 <= b.start - trigger.end() <= 2 for b in series):
        return None  # "hosted several rounds of talks": the verb's object is a series
    reference = trigger is presence or is_reference(body, trigger)
    status, rule = status_of(body, trigger)
    if trigger is presence:
        rule = "presence"  # who was at a meeting told before; never a meeting of its own
    cutoff = clause.start + exclusion_start(body, trigger)
    if presence is not None and presence.group("subject") and presence.start() >= trigger.start() - 30:
        cutoff = clause.start + presence.start()  # who told reporters, not what they told them of
    fronted = FRONTED_SPEAKER.match(body) if trigger.start() < 60 else None
    if fronted is not None and trigger.start() < fronted.start("speaker"):
        cutoff = min(cutoff, clause.start + fronted.end("speaker"))  # the speaker, not what he said
    commenting = COMMENTING_ON.match(body)
    if commenting and commenting.end() > trigger.start():
        cutoff = clause.start + commenting.end()  # who comments on a meeting is not said to attend it
    aside = [Span(clause.start + a, clause.start + b) for a, b in asides(body, trigger)]
    ignored = [Span(clause.start + s.start("event"), clause.start + s.end()) for s in [side] if s] + aside
    ordered_by = on_the_orders_of(body, trigger)
    if ordered_by is not None:
        ignored.append(Span(clause.start + ordered_by[0], clause.start + ordered_by[1]))
    in_clause = _mentions_in(recognised, clause)
    first = _first_party(body, clause, trigger, in_clause)
    if _SAID_BEFORE.may_match(keyed):
        first = _after_saying(body, clause, trigger, first)
    groups_from = clause.start
    if absent is not None and absent.end() <= trigger.start():
        first = groups_from = max(first, clause.start + absent.end())
    in_scope = [
        m
        for m in in_clause
        if first <= m.span.start < cutoff and not any(i.start <= m.span.start < i.end for i in ignored)
    ]
    groups = [g for g in recognised.role_groups if groups_from <= g.span.start < cutoff]
    participants = find_participants(
        text, in_scope, groups, recognised, Span(clause.start, cutoff), gazetteer
    )
    if trigger is presence or (presence is not None and _BARE_REFERENCE.search(body, 0, trigger.start())):
        # who was at the meeting told before ("… he told the summit, criticising the governments of Cuba")
        kinds = ("person", "country") if presence.group("states") else ("person",)
        participants = [p for p in participants if p.entity.kind in kinds]
    all_mentions = [  # a place inside a blocked span is the place of what is not a meeting
        m for m in in_clause if not any(b.start <= m.span.start - clause.start < b.end for b in blocked)
    ]
    place = find_place(text, clause, all_mentions, trigger, recognised.demonyms, gazetteer)
    participants = with_visited_state(text, clause, trigger, place, participants, gazetteer)
    # with no tense cue a meeting is told as held ('Petro shaking hands on Friday in Havana with …, at the
    # closing of the third round'): its weekday is the last one, unless a schedule says otherwise
    held = status is Status.HELD
    when = meeting_date(text, clause, dates, trigger, aside, TENSE_OF_RULE.get(rule), held)
    called_off = _CALLED_OFF.search(body, keyed)
    if called_off and called_off.end() <= trigger.start() and when is not None:
        # "Blinken on Friday postponed a long-awaited trip to China": the day of the decision, not the trip.
        cue = Span(clause.start + called_off.start(), clause.start + called_off.end())
        before = [d for d in dates if clause.start <= d.span.start < cue.start]
        after = [d for d in dates if cue.end <= d.span.start < clause.end]
        if before and all(d.value != when for d in after):
            when = None
    elif called_off and when is not None:
        # "The planned visit of … Scholz to Beijing was postponed on Monday": the day of the decision
        decided = clause.start + called_off.end()
        if any(
            0 <= d.span.start - decided <= 4 and when in (d.value, d.past, d.ahead, d.near) for d in dates
        ):
            when = None
    if rule == "intent" and when is None and place is None:
        status = Status.PROPOSED  # an intention with neither a time nor a place is not yet a plan
    anaphoric = bool(_ANAPHOR.search(body, keyed))
    trigger_span = Span(clause.start + trigger.start(), clause.start + trigger.end())
    draft = Draft(status, f"meeting:{rule}", participants, [sentence], when, place, trigger_span, anaphoric)
    draft.states = {p.represents or p.entity.key for p in participants}
    draft.new_occasion = (
        bool(_NEW_OCCASION.search(body, keyed))
        or bool(side)
        or bare_side
        or bool(_SEQUENCE_BEFORE.search(body[: trigger.start()], keyed))
    )
    draft.reference, draft.presence, draft.sidelines = reference, bool(presence), bool(side) or bare_side
    draft.ministers = bool(_MINISTERS_MEET.search(body, 0, trigger.start()))
    venue = _VENUE.search(body, keyed) if place is None else None
    draft.venue = venue is not None and not any(  # "at the White House" is a body the gazetteer knows
        clause.start + venue.start() <= m.span.start < clause.start + venue.end() for m in in_clause
    )
    draft.during = bool(_DURING.search(body, keyed))
    draft.site = place is not None and place.kind == "region" and _named_at(body, place.label)
    draft.spans = {m.entity.key: m.span for m in reversed(in_scope)}
    draft.subjects = {
        key
        for m in in_scope
        if m.span.start < trigger_span.start
        for key in (m.entity.key, m.represents)
        if key
    }
    return draft


# The tense a status cue tells, for the dates of its clause: "held talks … on Friday" is last Friday.
# A meeting called off or put off is, as a rule, the one nearest the report ("The Luanda tripartite summit
# …, scheduled for December 15, was called off" in February; "called off his state visit …, due on 2-3
# September" in August).
TENSE_OF_RULE = {
    "past": "past",
    "verb": "past",
    "future": "future",
    "intent": "future",
    "modal": "future",
    "cancelled": "near",
    "postponed": "near",
}


def _named_at(body: str, name: str) -> bool:
    """'at Rashtrapati Bhavan', not 'in Antalya': a building or site, not a town."""
    return bool(re.search(r"\bat\s+" + re.escape(name), body)) and not re.search(
        r"\bin\s+" + re.escape(name), body
    )


# "Peskov said that Putin and Erdogan met in Sochi": who says it is not at the meeting when the words said
# name its parties ("Lavrov said he had met Fidan": then he is).
SAID_BEFORE = re.compile(
    r"\b(?:said|says|told\s+(?:reporters|journalists|the\s+press)|announced|confirmed|reported|added)"
    r"(?:\s+on\s+(?-i:[A-Z])[a-z]+day)?,?\s+(?:that\s+)?(?=(?-i:[A-Z])(?!(?:He|She|They|We|I)\b))"
)


_SAID_BEFORE = KeywordPattern(
    SAID_BEFORE, ("said", "says", "told", "announced", "confirmed", "reported", "added")
)


# "told the summit", "Opening the meeting": the meeting told before, by its bare noun.
_BARE_REFERENCE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _after_saying(body: str, clause: Span, trigger: re.Match[str], first: int) -> int:
    """Where the parties may be named when the clause reports a meeting: after the words of saying."""
    said = list(SAID_BEFORE.finditer(body, 0, trigger.start()))
    return max(first, clause.start + said[-1].end()) if said else first


def _denied(body: str, keyed: str | None, trigger: re.Match[str]) -> bool:
    """'A meeting between Lavrov and Blinken is not on the agenda', 'no plans for talks between Putin and
    Biden': a meeting word denied right before it or after it in its clause."""
    return bool(_NEGATED.search(body[: trigger.start()], keyed) or DENIED_AFTER.match(body, trigger.end()))


def _first_party(body: str, clause: Span, trigger: re.Match[str], mentions: list[Mention]) -> int:
    """Where the words that may name parties begin: at 'a meeting between …' the words after 'between'
    ('Umerov said … the next step should be a meeting between Zelensky and Putin'), unless those point back
    ('talks between their delegations'); in a relative clause
    ('…, Uruguay handed over the presidency to Argentina, which will host the next summit') its antecedent."""
    if BETWEEN.match(body, trigger.end()):
        return clause.start + trigger.end()
    openings = list(RELATIVE_OPENING.finditer(body, 0, trigger.start()))
    opening = openings[-1] if openings else None
    if opening is None or "," in body[opening.end() : trigger.start()]:
        return clause.start
    antecedent = [m for m in mentions if m.span.end <= clause.start + opening.start()]
    if not antecedent:
        return clause.start
    first = len(antecedent) - 1  # "Lavrov and Fidan, who met in Ankara": both are the antecedent
    while first > 0 and COORDINATED.fullmatch(
        body, antecedent[first - 1].span.end - clause.start, antecedent[first].span.start - clause.start
    ):
        first -= 1
    return antecedent[first].span.start


# "will also hold talks between their technical delegations": the parties are named before, not after.
BETWEEN = re.compile(r"\s+between\b(?!\s+(?:their|its|our)\b)", re.IGNORECASE)
SUBJECT_REFERENCE = re.compile(r"\s*(?:The|This|That|These|Those|Its|Their)\s+(?:[\w’'-]+\s+){0,2}$")
TAKES_PLACE = re.compile(
    r"\s+(?:(?:had|has|have)\s+)?(?:(?:originally|initially|first)\s+)?(?:been\s+)?(?:expected|due|scheduled|set|"
    r"planned|supposed)\s+to\s+(?:take\s+place|be\s+held|start|begin|open)\b|"
    r"\s+(?:was|were|will\s+be|has\s+been|had\s+been)\s+(?:held|moved|postponed|cancelled|called\s+off|delayed)\b|"
    r"\s+(?:took|will\s+take|takes)\s+place\b",
    re.IGNORECASE,
)


def _mentions_in(recognised: Recognised, clause: Span) -> list[Mention]:
    """The mentions that start inside the clause (mentions are in text order: a binary search)."""
    mentions = recognised.mentions
    low = bisect_left(mentions, clause.start, key=lambda m: m.span.start)
    high = bisect_left(mentions, clause.end, lo=low, key=lambda m: m.span.start)
    return list(mentions[low:high])


def _main_trigger(body: str, triggers: list[re.Match[str]]) -> re.Match[str]:
    """The first trigger, unless it only refers back ('after the talks') and a later one reports a meeting
    ('Under the statement issued after the talks, the foreign ministers … will meet'); a noun that points
    back and is the subject of where or when it takes place stays the trigger ('The summit had originally
    been expected to take place in Brussels, the EU's turn to host, …', 'The talks had originally been due
    to start in South Africa … but were postponed')."""
    first = triggers[0]
    if SUBJECT_REFERENCE.match(body[: first.start()]) and TAKES_PLACE.match(body, first.end()):
        return first
    for trigger in triggers:
        if not is_reference(body, trigger):
            return trigger
    return triggers[0]
