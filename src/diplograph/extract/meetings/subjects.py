"""Clauses that share one subject: a relative clause that tells a meeting of its own, and a verb phrase
that goes on without repeating its subject.

"Zelensky, who held talks with Erdoğan in Istanbul on Friday, is due to take part on Wednesday in the
inaugural meeting of the new NATO-Ukraine Council" and "Zelensky, who held talks with … Erdoğan in Ankara on
May 15, flew to Tirana, Albania, on Friday for a summit of the European Political Community" tell two
meetings each: the relative clause is cut off where it closes, and the verb phrase after it keeps the
antecedent as its subject. So does the second verb of "Biden began his day with a meeting with Nausėda at
the Presidential Palace, and was sitting down with Erdoğan on the sidelines".
"""

from __future__ import annotations

import re

from diplograph.extract.dates import DateMention
from diplograph.extract.entities import Recognised
from diplograph.extract.meetings.cues import COORDINATED, TRIGGER
from diplograph.extract.meetings.merging import Draft
from diplograph.extract.meetings.participants import deduplicate
from diplograph.extract.meetings.when import meeting_date
from diplograph.extract.model import Participant, Span

__all__ = [
    "again_elsewhere",
    "go_on_gapped",
    "is_gapped",
    "relative_clause_ends",
    "take_subject_of",
    "without_subject",
]

RELATIVE = re.compile(r",\s+who\s+")
# After the comma that closes a relative clause, the main verb: an auxiliary, a verb in the past or the
# present ("…, flew to Tirana", "…, is due to take part", "…, hailed the decision"), never a word that goes
# on inside the relative clause ("…, in Ankara", "…, together with the host", "…, the …", a name).
_AUXILIARY = (
    r"is|was|are|were|has|had|have|will|would|can|could|may|might|must|should|did|does|do|"
    r"met|held|flew|went|came|saw|took|gave|made|left|sat|spoke|led|began|brought|sent|became|kept|won"
)
_ADVERB = r"(?:also|then|later|last|now|still|never|already|earlier|recently|again|first)\s+"
_MAIN_VERB = re.compile(
    r",\s+(?:" + _ADVERB + r")?(?:(?:" + _AUXILIARY + r")\b|(?-i:[a-z])[a-z]+(?:ed|es)\b)"
)


def relative_clause_ends(body: str) -> list[int]:
    """Where a relative clause about a person, between commas, closes before the main verb of its sentence:
    'Zelensky, who held talks with Erdoğan in Istanbul on Friday, | is due to take part …'. Only a clause
    that tells a meeting of its own is cut off ('The two men, who have spoken twice by phone since January,
    … last met in person in Davos' is one meeting of the men)."""
    cuts = []
    for opening in RELATIVE.finditer(body):
        closing = _MAIN_VERB.search(body, opening.end())
        if closing is None or ";" in body[opening.end() : closing.start()]:
            continue
        if TRIGGER.search(body, opening.end(), closing.start()) and _NAMED_BEFORE.search(
            body, 0, opening.start()
        ):
            cuts.append(closing.start() + 1)
    return cuts


_NAMED_BEFORE = re.compile(r"(?-i:[A-Z])[\w’'.-]+$")
_WORDS_GOING_ON = (
    "and|or|but|nor|in|on|at|to|from|for|of|by|with|without|as|the|a|an|his|her|their|its|who|which|whose|"
    "where|when|while|after|before|since|including|among|then|now|both|not|also|most|more|less|than|that|"
    "this|these|those|some|all|each|only|just|even|said|says|told|according|officials|sources|he|she|they|"
    "we|it|there|here|together|along|alongside|like|such|plus"
)


# A clause that starts with its verb: "is due to take part …", "and was sitting down with …", "flew to …".
WITHOUT_SUBJECT = re.compile(
    r"\s*(?:and\s+)?(?:(?:also|then|later|now|still)\s+)?(?!(?:" + _WORDS_GOING_ON + r")\b)(?-i:[a-z])"
)


def without_subject(text: str, clause: Span) -> bool:
    return bool(WITHOUT_SUBJECT.match(text, clause.start, clause.end))


def take_subject_of(text: str, before: Span, draft: Draft, recognised: Recognised) -> None:
    """The subject of the clause before (its first person, else its first state or body, named at its start)
    is the subject of a clause that has none of its own."""
    head = [
        m for m in recognised.mentions if before.start <= m.span.start < min(before.end, before.start + 80)
    ]
    subject = next((m for m in head if m.entity.kind == "person"), None)
    if subject is None:
        subject = next(
            (
                m
                for m in head
                if m.entity.kind in ("country", "organization") and m.span.start - before.start < 30
            ),
            None,
        )
    if subject is None or re.search(r"\b(?-i:[a-z])", text[before.start : subject.span.start]) is not None:
        return  # no subject at the start of the clause before ("In Kabul that morning he …")
    subjects = [subject]
    # "Lavrov and Fidan, who met …, | will meet again": the antecedent of a relative clause cut off is the
    # subject, every name of it
    relative = RELATIVE.search(text, before.start, before.end)
    for mention in head[head.index(subject) + 1 :] if relative else []:
        if mention.span.start > relative.start() or not COORDINATED.fullmatch(  # type: ignore[union-attr]
            text, subjects[-1].span.end, mention.span.start
        ):
            break
        subjects.append(mention)
    for subject in reversed(subjects):
        entity = subject.entity
        represents = subject.represents or (entity.key if entity.kind == "country" else entity.country)
        draft.participants = deduplicate([Participant(entity, subject.role, represents), *draft.participants])
        draft.subjects |= {key for key in (entity.key, represents) if key}
    draft.states = {p.represents or p.entity.key for p in draft.participants}


# "Blinken was to fly later Wednesday to Manama, Bahrain, for talks with King Hamad …, and on Thursday to
# Cairo to see Egyptian President Abdel Fattah el-Sisi": a clause whose verb is left out, a stop of the same
# journey.
GAPPED = re.compile(
    r"\s*and\s+(?:then\s+)?(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+|later\s+|next\s+)?to\s+"
    r"(?P<place>(?-i:[A-Z])[\w’'-]+)"
)


def is_gapped(text: str, clause: Span) -> bool:
    return bool(GAPPED.match(text, clause.start, clause.end))


def go_on_gapped(
    text: str,
    before: Span,
    clause: Span,
    previous: Draft,
    draft: Draft,
    recognised: Recognised,
    dates: list[DateMention],
) -> None:
    """The clause goes on with the subject, status and tense of the clause before; its place is where it goes
    ('to Cairo', not 'before returning to Washington'), and its day is read in that tense."""
    take_subject_of(text, before, draft, recognised)
    draft.status, draft.rule = previous.status, previous.rule
    gapped = GAPPED.match(text, clause.start, clause.end)
    place = next(
        (m.entity for m in recognised.mentions if gapped and m.span.start == gapped.start("place")), None
    )
    if place is not None and place.kind == "city":
        draft.place = place
    trigger = TRIGGER.match(clause.of(text), draft.trigger.start - clause.start)
    if trigger is not None:
        draft.date = meeting_date(text, clause, dates, trigger, (), _tense_of(previous)) or draft.date


# "Lavrov and Fidan met in Sochi in 2021 and again in Antalya in 2022": the same parties at another place
# and time, the verb left out.
AGAIN_ELSEWHERE = re.compile(r"\s*and\s+(?:then\s+)?again\s+(?:in|at)\s+(?P<place>(?-i:[A-Z])[\w’'-]+)")


def again_elsewhere(
    text: str, clause: Span, previous: Draft, recognised: Recognised, dates: list[DateMention]
) -> Draft | None:
    """The meeting a clause like '… and again in Antalya in 2022' tells: the clause before's parties and
    status, the city it names and the date it gives (else none: the first meeting's date is not its)."""
    again = AGAIN_ELSEWHERE.match(text, clause.start, clause.end)
    if again is None:
        return None
    place = next((m.entity for m in recognised.mentions if m.span.start == again.start("place")), None)
    if place is None or place.kind != "city":
        return None
    inside = [d for d in dates if clause.start <= d.span.start < clause.end]
    when = inside[0].in_tense(_tense_of(previous)) if inside else None
    draft = Draft(
        previous.status,
        previous.rule,
        list(previous.participants),
        list(previous.evidence),
        when,
        place,
        Span(again.start(), again.end()),
    )
    draft.states, draft.subjects, draft.new_occasion = set(previous.states), set(previous.subjects), True
    return draft


def _tense_of(before: Draft) -> str:
    """The tense a clause that goes on from ``before`` reads its dates in: that of ``before``."""
    return "future" if before.rule in ("meeting:future", "meeting:intent") else "past"
