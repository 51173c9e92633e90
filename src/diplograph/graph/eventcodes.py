"""The CAMEO event code and PLOVER CONSULT mode of a meeting report, from the finding's structure alone.

CAMEO (Schrodt 2012, codebook 1.1b3) codes a meeting once per directed pair of actors, so one story gives
both a "make a visit" (042, the visitor's event) and a "host a visit" (043, the host's event). A Diplograph
report covers both sides at once, so it carries one code for the whole meeting, by these rules in order:

1. Not held (proposed, planned, postponed, cancelled) → 036 "express intent to meet or negotiate", no mode:
   a postponed meeting is still intended; a cancelled one keeps the intent that was stated, and dg:status
   says it was called off (CAMEO would need a code outside CONSULT, e.g. 125, which we do not emit).
2. Held and marked by ``kind_hint`` as mediation or negotiation → 045 or 046 (the hint is what the text says
   the talks were about, which the structure cannot show); the mode still comes from the structure.
3. Held with more than two parties (the count of dg:meetingKind) → 040 "consult", mode multilateral.
4. Held in a place whose state is none of the participants' states → 044 "third location", mode third-party.
5. Held, a host is named, the place is the host's state (or unstated), another side's state differs → 043
   "host a visit", mode visit: when the host is known, the host's code names the meeting.
6. Held, no usable host, the place is one side's state and another side comes from elsewhere (or has no
   known state) → 042 "make a visit", mode visit.
7. Otherwise (no place and no host, or a domestic meeting) → 040 "consult, not specified", no mode.

PLOVER puts a stated intent to meet under AGREE, not CONSULT, so rule 1 has no CONSULT mode; PLOVER's
"phone" mode (CAMEO 041) is never produced, as findings do not tell remote talks apart.
"""

from __future__ import annotations

from typing import Literal

from diplograph.extract.model import MeetingFinding, Participant, Status

KindHint = Literal["mediation", "negotiation"]

CAMEO_CODES: dict[str, str] = {
    "036": "express intent to meet or negotiate",
    "040": "consult, not specified below",
    "042": "make a visit",
    "043": "host a visit",
    "044": "meet at a 'third' location",
    "045": "mediate",
    "046": "engage in negotiation",
}
PLOVER_MODES: tuple[str, ...] = ("visit", "third-party", "multilateral", "phone")
HINTED_CODES: dict[str, str] = {"mediation": "045", "negotiation": "046"}


def participant_state(participant: Participant) -> str | None:
    """The key of the state a participant acts for: as represented, the state itself, or its entity's."""
    entity = participant.entity
    return participant.represents or (entity.key if entity.kind == "country" else entity.country)


def place_state(finding: MeetingFinding) -> str | None:
    """The key of the state the meeting's place lies in (the place itself when it is a state)."""
    place = finding.place
    if place is None:
        return None
    return place.key if place.kind == "country" else place.country


def _mode(finding: MeetingFinding) -> tuple[str, str | None]:
    """Rules 3-7: the structural CAMEO code of a held meeting and its PLOVER mode."""
    if finding.kind == "multilateral":
        return "040", "multilateral"
    states = [participant_state(p) for p in finding.participants]
    where = place_state(finding)
    if where is not None and where not in states:
        return "044", "third-party"
    for host in (p for p in finding.participants if p.is_host):
        home = participant_state(host)
        if home is not None and where in (None, home) and any(state != home for state in states):
            return "043", "visit"
    if where is not None and any(state != where for state in states):
        return "042", "visit"
    return "040", None


def event_codes(finding: MeetingFinding, kind_hint: KindHint | None = None) -> tuple[str, str | None]:
    """The CAMEO code (e.g. ``"043"``) and PLOVER CONSULT mode (e.g. ``"visit"``, or None) of one report."""
    if finding.status is not Status.HELD:
        return "036", None
    code, mode = _mode(finding)
    if kind_hint is not None:
        return HINTED_CODES[kind_hint], mode
    return code, mode
