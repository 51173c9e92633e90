"""Meetings an article reports — held, planned, proposed or called off — with who, where, when and status.

Each rule is a named regular pattern over one sentence, so every finding can say which rule produced it.
Phone and video calls, letters and hypotheticals are not meetings. Sentences that only refer back to a
meeting ("the meeting", "Wednesday's talks") add their evidence to the meeting they refer to, sentences that
say who was there ("X addressed the opening session") add those people, and mentions of the same meeting in
one article are merged into one report.

The package: ``cues`` (trigger words), ``status``, ``drafting`` (one clause, one draft), ``participants``,
``parties`` (parties pointed back at), ``places``, ``when`` (dates), ``occasions`` (place and time shared
with another occasion), ``calls`` (remote contact) and ``merging`` (one report per meeting per article);
this module walks the sentences and clauses and decides what each draft is.
"""

from __future__ import annotations

import re
from datetime import date

from diplograph.extract.dates import DateMention
from diplograph.extract.entities import Recognised
from diplograph.extract.meetings.calls import refers_to_call, remote_contact
from diplograph.extract.meetings.cues import ANOTHER_ROUND, PARTICIPLE, SINCE_THEY, THE_NEXT_ONE, THE_PARTIES
from diplograph.extract.meetings.drafting import clauses, draft_from_clause, may_tell_a_meeting
from diplograph.extract.meetings.hosts import is_body, with_host_state
from diplograph.extract.meetings.merging import (
    Draft,
    absorb,
    finish,
    fold_headline,
    join,
    merge_within_article,
    same_place,
)
from diplograph.extract.meetings.occasions import (
    city_of_the_day,
    gathering_told_before,
    places_from_dateline,
    take_occasion,
    take_people,
    take_setting,
)
from diplograph.extract.meetings.participants import deduplicate
from diplograph.extract.meetings.parties import (
    another_round,
    next_of_a_series,
    referred_parties,
    split_bilaterals,
)
from diplograph.extract.meetings.places import dateline_city
from diplograph.extract.meetings.subjects import (
    again_elsewhere,
    go_on_gapped,
    is_gapped,
    take_subject_of,
    without_subject,
)
from diplograph.extract.meetings.when import (
    date_going_on,
    date_of_heading,
    date_of_lead,
    day_of_live_blog,
    told_before,
)
from diplograph.extract.model import MeetingFinding, Participant, Span, Status
from diplograph.extract.patterns import KeywordPattern, keyword_text
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
    calls: list[Draft] = []  # calls and video links: no meetings, but "the two men" may point back at them
    dateline = dateline_city(text, gazetteer)
    setting: tuple[int, Draft] | None = None  # a meeting told without its parties, and in which sentence
    telling: set[int] = set()  # the sentences that tell a meeting of their own
    # meetings told in passing as the last before ('… since the G20 summit in Osaka')
    earlier: list[Draft] = []
    live_day = day_of_live_blog(text, published)

    def named(span: Span) -> set[str]:
        return _states_named(span, recognised)

    for index, sentence in enumerate(sentences):
        if not may_tell_a_meeting(text, sentence):
            continue  # no clause of it could tell a meeting or a call
        parts = clauses(text, sentence)
        previous: Draft | None = None  # the draft of the clause before in this sentence
        subject_clause = parts[0]  # the last clause of the sentence that names its own subject
        for number, clause in enumerate(parts):
            carries = number > 0 and without_subject(text, clause)
            if not carries:
                subject_clause = clause
            call = remote_contact(text, sentence, clause, recognised, gazetteer)
            if call is not None:
                calls.append(call)
                continue
            draft = draft_from_clause(text, sentence, clause, recognised, dates, gazetteer)
            if draft is None and previous is not None:
                draft = again_elsewhere(text, clause, previous, recognised, dates)  # "… and again in Antalya"
            if draft is None or refers_to_call(draft, drafts, calls):
                continue
            earlier.extend(
                _meeting_since(text, sentence, clause, draft, drafts, recognised, dates, gazetteer)
            )
            if carries and not draft.subjects:
                take_subject_of(text, subject_clause, draft, recognised)  # "…, and was sitting down with …"
            if previous is not None and len(draft.states) < 2 and SINCE_THEY.match(clause.of(text)):
                take_people(previous, draft)  # "…, their first interaction since they exchanged …"
            if previous is not None and is_gapped(text, clause):
                go_on_gapped(
                    text, parts[number - 1], clause, previous, draft, recognised, dates
                )  # ", and on Thursday to Cairo …"
            if previous is not None and PARTICIPLE.match(clause.of(text)):
                take_people(previous, draft, subjects_only=True)  # "…, before co-chairing the summit with …"
                draft.place = draft.place or previous.place
            previous = draft
            if draft.date is None and number == 0:
                draft.date = date_going_on(text, sentences, index, dates)
            if draft.date is None and draft.status is Status.HELD:
                draft.date = date_of_heading(text, sentence, dates)  # "TUESDAY" above a diary's items
                if draft.date is None and live_day is not None and not told_before(text, clause):
                    draft.date = live_day  # "15:30 - Joe Biden met Zelensky …" in the live blog of one day
            if draft.venue:  # before merging: a place tells meetings apart
                places_from_dateline([draft], dateline, published)
            if draft.venue and draft.place is None or draft.site:
                city_of_the_day(drafts, draft)
            if number and len(draft.states) < 2 and ELABORATION.match(clause.of(text)):
                _add_state_of_subject(parts[number - 1], draft, recognised, gazetteer)
            gathering = _gathering_come_to(text, draft, drafts) or gathering_told_before(
                text, clause.start, draft, drafts
            )
            if gathering is not None:
                join(gathering, draft)  # "… Maduro … arrived in Mexico City early Saturday, his first trip"
                continue
            if draft.presence and draft.reference and not _elsewhere(draft, drafts):
                if drafts and clause.start - max(e.end for e in drafts[-1].evidence) < PRESENCE_REACH:
                    join(drafts[-1], draft)  # "UN Secretary-General Antonio Guterres also addressed …"
                    continue
                if draft.rule.endswith(":presence"):
                    continue  # no meeting word, and no meeting before it to have been at
            if len(draft.states) < 2 or _opens_with_the_parties(text, clause):
                told = sorted([*drafts, *calls], key=lambda d: d.evidence[0].start)
                referred_parties(text, clause, told, draft, recognised, gazetteer)
            if len(draft.states) < 2 and drafts and (draft.place or draft.date) and _they_before(text, draft):
                take_people(drafts[-1], draft)  # "In October of the same year they met in Astana …"
            if len(draft.states) < 2 and drafts and _another_round(text, clause, draft):
                another_round(text, drafts, draft, gazetteer)
                draft.new_occasion = True  # "The third, set for September, was postponed": not the one before
            if len(draft.states) < 2 and drafts:
                next_of_a_series(text, clause, drafts, draft, gazetteer)
            if draft.date is None and draft.status is Status.HELD and len(draft.states) >= 2:
                draft.date = date_of_lead(text, sentences, index, dates, named, telling, draft.states)
            if draft.sidelines and draft.place is None:
                take_occasion(text, drafts, draft)
            if draft.during and drafts:
                draft.place, draft.date = draft.place or drafts[-1].place, draft.date or drafts[-1].date
            if drafts and _topic_reference(text, draft):
                topic = next((d for d in reversed(drafts) if d.states & draft.states), None)
                if topic is not None:
                    absorb(topic, draft, evidence_only=True)
                continue
            refers_back = (
                drafts
                and not draft.new_occasion
                and (_definite_reference(text, draft) and draft.states & drafts[-1].states)
            )
            if refers_back or (len(draft.states) < 2 and not _stands_alone(draft, text)):
                if not (refers_back or draft.reference or _new_occasion_of_its_own(draft)) and (
                    draft.date or draft.place
                ):
                    setting = (index, draft)
                if drafts and _tells_its_first_day(text, draft, drafts[-1]):
                    join(drafts[-1], draft)
                    drafts[-1].date = draft.date
                elif drafts and (draft.anaphoric or same_place(drafts[-1], draft)):
                    absorb(drafts[-1], draft, evidence_only=True)
                continue
            if setting is not None and setting[0] == index - 1 and draft.date is None:
                take_setting(setting[1], draft)
            setting = None
            telling.add(index)
            drafts.extend(split_bilaterals(text, draft))
    merged = merge_within_article(fold_headline(text, drafts) + earlier, published)
    places_from_dateline(merged, dateline, published)
    for draft in merged:
        with_host_state(draft, gazetteer)
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


def _gathering_come_to(text: str, draft: Draft, drafts: list[Draft]) -> Draft | None:
    """A trip of one person to the city where a body's summit told before is held, on its day: the traveller
    came to the summit ('The sixth summit of CELAC, held on Saturday at the National Palace, … Maduro …
    arrived in Mexico City early Saturday, his first trip abroad in months'), no visit of his own."""
    word = text[draft.trigger.start : draft.trigger.end].lower()
    if not word.startswith(("visit", "trip")) or draft.status is not Status.HELD or draft.place is None:
        return None
    people = [p for p in draft.participants if p.entity.kind == "person"]
    if len(people) != 1 or len(draft.participants) > 2:
        return None
    for gathering in reversed(drafts):
        if (
            any(is_body(p) for p in gathering.participants)
            and same_place(gathering, draft)
            and draft.date is not None
            and gathering.date == draft.date
        ):
            return gathering
    return None


def _elsewhere(draft: Draft, drafts: list[Draft]) -> bool:
    """'The 2015 Declaration of Principles was signed in Khartoum by El-Sisi, then Sudanese president Omar
    Al-Bashir and then Ethiopian prime minister Hailemariam Desalegn' after talks in Cairo: people of two
    states or more together in another city than the meeting told before were at an occasion of their own;
    so is a body's summit there ('… arrived from New Delhi, where he had attended the G20 summit')."""
    return (
        (len(draft.states) >= 2 or any(is_body(p) for p in draft.participants))
        and draft.place is not None
        and draft.place.kind == "city"
        and bool(drafts)
        and drafts[-1].place is not None
        and not same_place(drafts[-1], draft)
    )


def _states_named(span: Span, recognised: Recognised) -> set[str]:
    """The states a sentence names, itself or through the people it names."""
    found = set()
    for mention in recognised.mentions:
        if span.start <= mention.span.start < span.end:
            key = mention.represents if mention.entity.kind == "person" else None
            key = key or (mention.entity.key if mention.entity.kind == "country" else None)
            if key:
                found.add(key)
    return found


_THE_NEXT_ONE = KeywordPattern(THE_NEXT_ONE, ("next",))  # most clauses lack the word, and are not scanned


def _another_round(text: str, clause: Span, draft: Draft) -> bool:
    """'The next round is due …', 'The second followed in Addis Ababa', 'Japan will host the next one'."""
    if ANOTHER_ROUND.fullmatch(text, *_span(draft.trigger)):
        return True
    body = clause.of(text)
    return bool(_THE_NEXT_ONE.search(body, keyword_text(body)))


# "It is their first face-to-face meeting since the G20 summit in Osaka in June 2019": the meeting before.
SINCE_OCCASION = re.compile(
    r"\b(?:first|last)\s+(?:[\w-]+\s+){0,3}(?:meeting|talks|summit|encounter)\s+since\s+"
    r"(?P<occasion>(?:the|their)\s+(?:[\w’'-]+\s+){0,3}(?:summit|meeting|talks)\b)",
    re.IGNORECASE,
)


def _meeting_since(
    text: str,
    sentence: Span,
    clause: Span,
    draft: Draft,
    drafts: list[Draft],
    recognised: Recognised,
    dates: list[DateMention],
    gazetteer: Gazetteer,
) -> list[Draft]:
    """'their first face-to-face meeting since the G20 summit in Osaka in June 2019', 'their first formal
    bilateral meeting since the informal summit at Mamallapuram, near Chennai, in October 2019': the same
    people met at that earlier occasion, told with its place or date."""
    body = clause.of(text)
    if "since" not in body:
        return []
    match = SINCE_OCCASION.search(body)
    if match is None:
        return []
    occasion = Span(clause.start + match.start("occasion"), clause.end)
    before = draft_from_clause(text, sentence, occasion, recognised, dates, gazetteer)
    if before is None or before.status is not Status.HELD or not (before.place and before.date):
        return []
    source = draft if len(draft.states) >= 2 else (drafts[-1] if drafts else None)
    if source is None:
        return []
    take_people(source, before)
    if len(before.states) < 2:
        return []
    before.new_occasion = True
    return [before]


# "In October of the same year they met in Astana": 'they', right before the meeting verb, are its subject.
THEY_BEFORE = re.compile(r"\bthey\s+(?:(?:last|first|also|again|later|then|had|have|once)\s+){0,2}$", re.I)


def _they_before(text: str, draft: Draft) -> bool:
    """'They met in Astana': the people of the meeting told just before, when the clause says where or
    when (a meeting of its own, told by a pronoun)."""
    return bool(THEY_BEFORE.search(text, max(0, draft.trigger.start - 30), draft.trigger.start))


def _span(span: Span) -> tuple[int, int]:
    return span.start, span.end


# "the talks", "this visit", "the Beijing visit": a determiner, and at most a name or two, before the meeting
# noun; not an acronym ("the G20 summit", "the ECOWAS summit" name a meeting of their own).
DEFINITE_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Ii]ts|[Tt]heir)\s+(?:[A-Z][a-z][\w'’-]*\s+){0,2}$"
)


def _definite_reference(text: str, draft: Draft) -> bool:
    """'the goal of the talks would be …', 'after the Beijing visit': a definite noun that points back at a
    meeting already told; 'The third, set for September, was postponed' tells the next round, not the one
    before."""
    before = text[max(0, draft.trigger.start - 40) : draft.trigger.start]
    return (
        bool(DEFINITE_BEFORE.search(before))
        and not draft.date
        and not ANOTHER_ROUND.fullmatch(text, *_span(draft.trigger))
    )


# "The two leaders met Borrell and EU envoy Miroslav Lajcak at the bloc's headquarters": the subject points
# back at the parties told before, whoever else the clause names.
_OPENING_PARTIES = re.compile(
    r"\s*(?:(?:But|And|Then|Later|Earlier),?\s+)?(?=the\s+(?:two|three|four|five)\s|both\s)", re.I
)


def _opens_with_the_parties(text: str, clause: Span) -> bool:
    opening = _OPENING_PARTIES.match(text, clause.start, clause.end)
    return opening is not None and THE_PARTIES.match(text, opening.end(), clause.end) is not None


# "The talks opened on Saturday, when Saudi Foreign Minister Prince Faisal bin Farhan received the two
# delegations" after a signing "late on Thursday, after almost a week of talks": the talks began days
# before; a meeting of several days is dated by its first.
_BEGAN = re.compile(r"\s+(?:had\s+)?(?:opened|began|started|got\s+under\s+way|kicked\s+off)\b", re.IGNORECASE)


def _tells_its_first_day(text: str, draft: Draft, told: Draft) -> bool:
    first, last = draft.date.as_date() if draft.date else None, told.date.as_date() if told.date else None
    return (
        first is not None
        and last is not None
        and 0 < (last - first).days <= 14
        and draft.status is Status.HELD
        and bool(_BEGAN.match(text, draft.trigger.end))
        and bool(re.search(r"\bthe\s+$", text[max(0, draft.trigger.start - 5) : draft.trigger.start], re.I))
    )


# "Borrell, who will brief EU foreign ministers on the talks": the talks told before, as the topic of what
# someone does; no meeting of the briefing's tense.
TOPIC_OF_BEFORE = re.compile(
    r"\b(?:on|about|over|regarding)\s+(?:the|these|those|this|that)\s+$", re.IGNORECASE
)


def _topic_reference(text: str, draft: Draft) -> bool:
    before = text[max(0, draft.trigger.start - 20) : draft.trigger.start]
    return bool(TOPIC_OF_BEFORE.search(before)) and not (draft.date or draft.place)


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
        any(is_body(p) for p in draft.participants)
        and (draft.place or draft.date)
        and GATHERING.fullmatch(text[draft.trigger.start : draft.trigger.end] if text else "")
        and (not draft.reference or draft.presence)
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


def _new_occasion_of_its_own(draft: Draft) -> bool:
    """'again', 'the next round': another meeting than the one the next sentence may tell; a meeting held on
    the sidelines of another is not ('Tokayev took part in the first-ever summit of the C5+1 format …, held
    on Tuesday on the sidelines of the … UN General Assembly. The summit was hosted by … Biden')."""
    return draft.new_occasion and not draft.sidelines
