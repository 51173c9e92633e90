"""Calls, video links and letters: not meetings, but what later words may point back at.

"Biden and Xi spoke by video link … Biden said as the session began …": 'the session' is the call. "The two
men, who have spoken twice by phone since January, … last met in person in Davos": the two men are the
parties of the call.
"""

from __future__ import annotations

from diplograph.extract.entities import Recognised
from diplograph.extract.meetings.cues import IN_PERSON, REMOTE_CONTACT
from diplograph.extract.meetings.merging import Draft
from diplograph.extract.meetings.participants import find_participants
from diplograph.extract.model import Span, Status
from diplograph.link.gazetteer import Gazetteer

__all__ = ["refers_to_call", "remote_contact"]

REMOTE_WORDS = ("phone", "video", "wr", "letter")  # every remote-contact cue contains one of these


def remote_contact(
    text: str, sentence: Span, clause: Span, recognised: Recognised, gazetteer: Gazetteer
) -> Draft | None:
    """The parties of a call, a video link or a letter the clause tells of, unless it also tells of a
    meeting in person ('… spoken twice by phone since January, … last met in person in Davos')."""
    body = clause.of(text)
    lowered = body.lower()
    if not any(word in lowered for word in REMOTE_WORDS):
        return None  # a substring test first: most clauses tell of no call at all
    cue = REMOTE_CONTACT.search(body)
    if cue is None or IN_PERSON.search(body):
        return None
    trigger = Span(clause.start + cue.start(), clause.start + cue.end())
    mentions = [m for m in recognised.mentions if clause.start <= m.span.start < clause.end]
    groups = [g for g in recognised.role_groups if clause.start <= g.span.start < clause.end]
    participants = [  # the people on the call, and the states that call ('… on trade, Taiwan' is a topic)
        p
        for p in find_participants(text, mentions, groups, recognised, clause, gazetteer)
        if p.entity.kind == "person" or any(m.entity == p.entity and m.span < trigger for m in mentions)
    ]
    call = Draft(Status.HELD, "call", participants, [sentence], None, None, trigger)
    call.states = {p.represents or p.entity.key for p in participants}
    return call


def refers_to_call(draft: Draft, drafts: list[Draft], calls: list[Draft]) -> bool:
    """'Biden said as the session began': a noun that points back ('the session', 'the meeting'), without a
    date of its own, when the last thing told between two parties was a call and not a meeting."""
    if not draft.reference or draft.date is not None or not calls or len(calls[-1].states) < 2:
        return False
    return not drafts or drafts[-1].evidence[0].start < calls[-1].evidence[0].start
