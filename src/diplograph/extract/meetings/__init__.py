"""Meetings an article reports — held, planned, proposed or called off — with who, where, when and status.

Each rule is a named regular pattern over one sentence, so every finding can say which rule produced it.
Phone and video calls, letters and hypotheticals are not meetings. Sentences that only refer back to a
meeting ("the meeting", "Wednesday's talks") add their evidence to the meeting they refer to, sentences that
say who was there ("X addressed the opening session") add those people, and mentions of the same meeting in
one article are merged into one report.

The package: ``cues`` (trigger and status words), ``participants``, ``places``, ``merging`` (one report per
meeting per article); this module walks the sentences and clauses and drafts a meeting from each.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from diplograph.extract.dates import DateMention
from diplograph.extract.entities import Recognised
from diplograph.extract.meetings.cues import (
    ANAPHOR,
    ANOTHER_ROUND,
    CLAUSE_BREAK,
    COMMENTING_ON,
    HYPOTHETICAL,
    MEDIA_OR_AGENCY,
    NEGATED,
    NEW_OCCASION,
    NOT_A_MEETING,
    PRESENCE,
    PRESENCE_WORDS,
    REMOTE_CONTACT,
    SEQUENCE_BEFORE,
    SERIES,
    SERIES_OF_MEETINGS,
    SIDELINES,
    TRIGGER,
    TRIGGER_WORDS,
    exclusion_start,
    is_reference,
    status_of,
)
from diplograph.extract.meetings.merging import (
    Draft,
    absorb,
    finish,
    join,
    merge_within_article,
    same_place,
)
from diplograph.extract.meetings.participants import deduplicate, find_participants, with_visited_state
from diplograph.extract.meetings.parties import another_round, referred_parties, split_bilaterals
from diplograph.extract.meetings.places import dateline_city, find_place
from diplograph.extract.model import MeetingFinding, Mention, PartialDate, Participant, Span, Status
from diplograph.link.gazetteer import Gazetteer

__all__ = ["clauses", "find_meetings"]

# How far back (in characters) a sentence that only says who was there may reach for its meeting.
PRESENCE_REACH = 600


def find_meetings(
    text: str,
    sentences: list[Span],
    recognised: Recognised,
    dates: list[DateMention],
    gazetteer: Gazetteer,
    published: date | None = None,
) -> tuple[MeetingFinding, ...]:
    drafts: list[Draft] = []
    for sentence in sentences:
        parts = clauses(text, sentence)
        for number, clause in enumerate(parts):
            draft = _draft_from_clause(text, sentence, clause, recognised, dates, gazetteer)
            if draft is None:
                continue
            if number and len(draft.states) < 2 and ELABORATION.match(clause.of(text)):
                _add_state_of_subject(parts[number - 1], draft, recognised, gazetteer)
            if draft.presence and draft.reference:
                if drafts and clause.start - max(e.end for e in drafts[-1].evidence) < PRESENCE_REACH:
                    join(drafts[-1], draft)  # "UN Secretary-General Antonio Guterres also addressed …"
                    continue
                if draft.rule.endswith(":presence"):
                    continue  # no meeting word, and no meeting before it to have been at
            if len(draft.states) < 2 and drafts:
                referred_parties(text, clause, drafts, draft, recognised, gazetteer)
            if len(draft.states) < 2 and drafts and ANOTHER_ROUND.fullmatch(text, *_span(draft.trigger)):
                another_round(drafts, draft, gazetteer)
            if draft.sidelines and draft.place is None:
                _take_occasion(drafts, draft)
            refers_back = (
                drafts
                and not draft.new_occasion
                and (_definite_reference(text, draft) and draft.states & drafts[-1].states)
            )
            if refers_back or (len(draft.states) < 2 and not _stands_alone(draft, text)):
                if drafts and (draft.anaphoric or same_place(drafts[-1], draft)):
                    absorb(drafts[-1], draft, evidence_only=True)
                continue
            drafts.extend(split_bilaterals(text, draft))
    merged = merge_within_article(drafts)
    _places_from_dateline(merged, dateline_city(text, gazetteer), published)
    return tuple(finish(draft) for draft in merged)


# "as Assad has pursued normalization with Arab states — including talks with Saudi Arabia": the clause
# names one of the things the one before tells its subject did.
ELABORATION = re.compile(r"(?:including|notably|such\s+as|among\s+them)\b", re.IGNORECASE)


def _add_state_of_subject(before: Span, draft: Draft, recognised: Recognised, gazetteer: Gazetteer) -> None:
    """The state of the first person or state the clause before names takes part."""
    for mention in recognised.mentions:
        if not before.start <= mention.span.start < before.end:
            continue
        key = mention.represents if mention.entity.kind == "person" else None
        key = key or (mention.entity.key if mention.entity.kind == "country" else None)
        state = gazetteer.entities.get(key or "")
        if state is not None:
            draft.participants = deduplicate([Participant(state, None, state.key), *draft.participants])
            draft.states = {p.represents or p.entity.key for p in draft.participants}
        return


def _span(span: Span) -> tuple[int, int]:
    return span.start, span.end


def clauses(text: str, sentence: Span) -> list[Span]:
    """Split a sentence where a new clause can start a new event: dashes, colons, ', and they …'."""
    body = sentence.of(text)
    cuts = [0, *(m.end() for m in CLAUSE_BREAK.finditer(body)), len(body)]
    return [
        Span(sentence.start + a, sentence.start + b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a
    ]


def _definite_reference(text: str, draft: Draft) -> bool:
    """'the goal of the talks would be …': a definite noun that points back at a meeting already told."""
    before = text[max(0, draft.trigger.start - 12) : draft.trigger.start]
    return (
        bool(re.search(r"\b(?:the|this|that|these|its|their)\s+$", before, re.IGNORECASE)) and not draft.date
    )


# "Lula hosted the leaders of 11 South American countries": many parties, named or not.
MANY_PARTIES = re.compile(
    r"\b(?:leaders|heads\s+of\s+(?:state|government)|presidents|ministers|representatives|delegations)\s+"
    r"(?:of|from)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|\w+\s+dozen)\s+"
    r"(?:[\w-]+\s+){0,2}(?:countries|nations|states)\b",
    re.IGNORECASE,
)
GATHERING = re.compile(
    r"summits?|meetings?|session|conference|talks|assembly|gathering|meets?|met|convened?", re.IGNORECASE
)


def _stands_alone(draft: Draft, text: str = "") -> bool:
    """Two parties and a place ('Lavrov invited … to meet in Moscow'), a meeting named after its place
    ('the just concluded Astana meeting'), a delegation's head at talks in a place ('Earlier in Astana,
    head of Russia's delegation to peace talks, X'), a body's summit with a place or date ('EU leaders
    gathered in Brussels for a two-day summit') or a host with the leaders of many countries are meetings
    even when only one state is named."""
    if not draft.participants:
        return False
    sentence = text[draft.evidence[0].start : draft.evidence[0].end] if text else ""
    if MANY_PARTIES.search(sentence) and (draft.place or draft.date):
        return True
    if (
        any(_is_body(p) for p in draft.participants)
        and (draft.place or draft.date)
        and GATHERING.fullmatch(text[draft.trigger.start : draft.trigger.end] if text else "")
        and not draft.reference
    ):
        return True
    if draft.place is None:
        return False
    if any(p.role == "envoy" for p in draft.participants):
        return True
    named = bool(text) and text[max(0, draft.trigger.start - 40) : draft.trigger.start].rstrip().endswith(
        draft.place.label
    )
    return len(draft.participants) >= 2 or named


CALLED_OFF = re.compile(
    r"\b(?:postponed|put\s+off|delayed|called\s+off|cancel(?:l)?ed|scrapped)\b", re.IGNORECASE
)
_ANY_TRIGGER_WORD = re.compile("|".join(map(re.escape, TRIGGER_WORDS)))
_ANY_PRESENCE_WORD = re.compile("|".join(map(re.escape, PRESENCE_WORDS)))


def _is_body(participant: Participant) -> bool:
    """An international body ('the SCO', 'the African Union'), not a state's ministry or a news agency."""
    entity = participant.entity
    return entity.kind == "organization" and not entity.country and not MEDIA_OR_AGENCY.search(entity.label)


def _draft_from_clause(
    text: str,
    sentence: Span,
    clause: Span,
    recognised: Recognised,
    dates: list[DateMention],
    gazetteer: Gazetteer,
) -> Draft | None:
    body = clause.of(text)
    lowered = body.lower()
    if not _ANY_TRIGGER_WORD.search(lowered):
        return None  # most clauses have no meeting word at all: a substring test rules them out quickly
    candidates = list(TRIGGER.finditer(body))
    presence = PRESENCE.search(body) if _ANY_PRESENCE_WORD.search(lowered) else None
    if not candidates and presence is None:
        return None
    if HYPOTHETICAL.search(body) or REMOTE_CONTACT.search(body) or SERIES.search(body):
        return None
    series = [Span(m.start(), m.end()) for m in SERIES_OF_MEETINGS.finditer(body)]
    blocked = [Span(m.start(), m.end()) for m in NOT_A_MEETING.finditer(body)] + series
    side = SIDELINES.search(body)
    occasion = [Span(side.start(), side.end())] if side else []
    unusable = blocked + occasion
    triggers = [m for m in candidates if not any(b.start <= m.start() < b.end for b in unusable)]
    if not triggers:
        if presence is None or any(b.start <= presence.start() < b.end for b in blocked):
            return None
        triggers = [presence]  # no meeting word: who was at the meeting told before
    elif NEGATED.search(body[: triggers[0].start()]):
        return None
    trigger = _main_trigger(body, triggers)
    if any(0 <= b.start - trigger.end() <= 2 for b in series):
        return None  # "hosted several rounds of talks": the verb's object is a series
    reference = trigger is presence or is_reference(body, trigger)
    status, rule = status_of(body, trigger)
    if trigger is presence:
        rule = "presence"  # who was at a meeting told before; never a meeting of its own
    cutoff = clause.start + exclusion_start(body, trigger)
    commenting = COMMENTING_ON.match(body)
    if commenting and commenting.end() > trigger.start():
        cutoff = clause.start + commenting.end()  # who comments on a meeting is not said to attend it
    ignored = [Span(clause.start + s.start("event"), clause.start + s.end()) for s in [side] if s]
    in_clause = _mentions_in(recognised, clause)
    in_scope = [
        m
        for m in in_clause
        if m.span.start < cutoff and not any(i.start <= m.span.start < i.end for i in ignored)
    ]
    groups = [g for g in recognised.role_groups if clause.start <= g.span.start < cutoff]
    participants = find_participants(
        text, in_scope, groups, recognised, Span(clause.start, cutoff), gazetteer
    )
    if trigger is presence:
        participants = [p for p in participants if p.entity.kind == "person"]
    all_mentions = [  # a place inside a blocked span is the place of what is not a meeting
        m for m in in_clause if not any(b.start <= m.span.start - clause.start < b.end for b in blocked)
    ]
    place = find_place(text, clause, all_mentions, trigger, recognised.demonyms, gazetteer)
    participants = with_visited_state(text, clause, trigger, place, participants, gazetteer)
    when = _date(text, clause, dates, trigger)
    called_off = CALLED_OFF.search(body)
    if called_off and called_off.end() <= trigger.start() and when is not None:
        # "Blinken on Friday postponed a long-awaited trip to China": the day of the decision, not the trip.
        cue = Span(clause.start + called_off.start(), clause.start + called_off.end())
        before = [d for d in dates if clause.start <= d.span.start < cue.start]
        after = [d for d in dates if cue.end <= d.span.start < clause.end]
        if before and all(d.value != when for d in after):
            when = None
    anaphoric = bool(ANAPHOR.search(body))
    trigger_span = Span(clause.start + trigger.start(), clause.start + trigger.end())
    draft = Draft(status, f"meeting:{rule}", participants, [sentence], when, place, trigger_span, anaphoric)
    draft.states = {p.represents or p.entity.key for p in participants}
    draft.new_occasion = (
        bool(NEW_OCCASION.search(body)) or bool(side) or bool(SEQUENCE_BEFORE.search(body[: trigger.start()]))
    )
    draft.reference, draft.presence, draft.sidelines = reference, bool(presence), bool(side)
    draft.spans = {m.entity.key: m.span for m in reversed(in_scope)}
    draft.subjects = {
        key
        for m in in_scope
        if m.span.start < trigger_span.start
        for key in (m.entity.key, m.represents)
        if key
    }
    return draft


def _mentions_in(recognised: Recognised, clause: Span) -> list[Mention]:
    """The mentions that start inside the clause (mentions are in text order: a binary search)."""
    mentions = recognised.mentions
    low = bisect_left(mentions, clause.start, key=lambda m: m.span.start)
    high = bisect_left(mentions, clause.end, lo=low, key=lambda m: m.span.start)
    return list(mentions[low:high])


def _main_trigger(body: str, triggers: list[re.Match[str]]) -> re.Match[str]:
    """The first trigger, unless it only refers back ('after the talks') and a later one reports a meeting
    ('Under the statement issued after the talks, the foreign ministers … will meet')."""
    for trigger in triggers:
        if not is_reference(body, trigger):
            return trigger
    return triggers[0]


def _take_occasion(drafts: list[Draft], draft: Draft) -> None:
    """'On the sidelines of the forum, Lavrov met …': where and, if the clause does not say, when the
    meeting it is a side meeting of was held (the latest one told with a place)."""
    occasion = next((d for d in reversed(drafts) if d.place is not None and not d.sidelines), None)
    if occasion is not None:
        draft.place = occasion.place
        draft.date = draft.date or occasion.date


def _places_from_dateline(drafts: list[Draft], dateline: object, published: date | None) -> None:
    """A meeting of the day of publication (or the day before) whose place the text does not give was, as
    a rule, held where the dateline says the report was filed from ('ANTALYA, March 10. /TASS/.')."""
    if dateline is None or published is None:
        return
    for draft in drafts:
        when = draft.date.as_date() if draft.date else None
        if draft.place is None and when and abs((when - published).days) <= 1 and draft.status in FINAL:
            draft.place = dateline  # type: ignore[assignment]


FINAL = (Status.HELD, Status.CANCELLED, Status.POSTPONED)


def _date(text: str, scope: Span, dates: list[DateMention], trigger: re.Match[str]) -> PartialDate | None:
    """The date expression nearest the trigger in the scope; unresolved expressions mean unknown."""
    inside = [d for d in dates if scope.start <= d.span.start < scope.end]
    if not inside:
        return None
    trigger_start = scope.start + trigger.start()
    nearest = min(inside, key=lambda d: abs(d.span.start - trigger_start))
    return _shifted(text, nearest, trigger_start)


DAY_BEFORE = re.compile(r"the\s+day\s+(?:before|after)$", re.IGNORECASE)


def _shifted(text: str, mention: DateMention, trigger_start: int) -> PartialDate | None:
    """'The postponement, announced the day before EU leaders gathered …': 'the day before' dates the
    announcement, not the meeting named after it (whose day the text may give elsewhere)."""
    match = DAY_BEFORE.match(mention.span.of(text))
    day = mention.value.as_date() if mention.value else None
    if match is None or day is None or trigger_start < mention.span.end:
        return mention.value
    return None  # the day of what came before or after the meeting, not of the meeting itself
