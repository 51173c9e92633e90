"""The state that hosts a body's meeting: where a bloc meets in one of its members' cities, that state takes
part as host, even when the text names no one for it ('a meeting of ECOWAS chiefs of defence staff … in
Accra, the Ghanaian capital', 'Next year's summit will be held in Washington', 'The SCO heads of state will
meet in New Delhi in July')."""

from __future__ import annotations

from diplograph.extract.meetings.cues import MEDIA_OR_AGENCY
from diplograph.extract.meetings.merging import Draft
from diplograph.extract.meetings.participants import deduplicate
from diplograph.extract.model import Participant
from diplograph.link.gazetteer import Gazetteer

__all__ = ["is_body", "with_host_state"]


def is_body(participant: Participant) -> bool:
    """An international body ('the SCO', 'the African Union'), not a state's ministry or a news agency."""
    entity = participant.entity
    return entity.kind == "organization" and not entity.country and not MEDIA_OR_AGENCY.search(entity.label)


def with_host_state(draft: Draft, gazetteer: Gazetteer) -> None:
    """A meeting whose only parties are bodies, held in a city of a state (or in a state): the state hosts
    it. A meeting where a state is already a party is left alone: its host is named when it takes part."""
    if draft.place is None or not draft.participants or not all(is_body(p) for p in draft.participants):
        return
    key = draft.place.country if draft.place.kind == "city" else None
    key = key or (draft.place.key if draft.place.kind == "country" else None)
    state = gazetteer.entities.get(key or "")
    if state is None or state.kind != "country":
        return
    draft.participants = deduplicate([*draft.participants, Participant(state, None, state.key, is_host=True)])
    draft.states = {p.represents or p.entity.key for p in draft.participants}
