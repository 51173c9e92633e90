"""The graph's meetings, newest first, with who attended and where, read once per store version.

Lists of meetings are sorted by date and filtered by year, place, status and participant; rankings count the
meetings two agents shared. Oxigraph sorts and groups by reading every candidate, so a hub's page sorting
its 10,000 meetings, or ranking the states it met, would read them all on every request. Three flat scans
per store version give the table that those pages slice instead: the meeting index, the timeline, the
network, the home page's latest meetings and the "met most" lists of agents.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from diplograph.store import GraphStore
from diplograph.web import context
from diplograph.web.entities import Entities, entities
from diplograph.web.versioned import per_version

MEETINGS = """
SELECT ?meeting ?date ?status ?place WHERE {
  ?meeting a dg:Meeting .
  OPTIONAL { ?meeting dg:date ?date }
  OPTIONAL { ?meeting dg:status ?status }
  OPTIONAL { ?meeting dg:place ?place }
}
"""
PARTICIPANTS = "SELECT DISTINCT ?meeting ?agent WHERE { ?meeting a dg:Meeting ; dg:participant ?agent }"
#: Who took part in each report of a meeting, and the state each represented there.
PARTICIPATIONS = """
SELECT DISTINCT ?meeting ?agent ?state WHERE {
  ?meeting dg:hasReport ?report . ?report dg:participation ?participation .
  ?participation dg:participant ?agent .
  OPTIONAL { ?participation dg:represents ?state }
}
"""


@dataclass(frozen=True, slots=True)
class MeetingEntry:
    """One canonical meeting: its date, status and place, its participants, and everyone attending it —
    the participants and the states they represented."""

    iri: str
    date: ox.Literal | None
    status: ox.NamedNode | None
    place: ox.NamedNode | None
    participants: frozenset[str]
    attendees: frozenset[str]

    def matches(self, year: str | None, place: str | None, status: str | None) -> bool:
        return (
            (year is None or (self.date is not None and self.date.value.startswith(year)))
            and (place is None or (self.place is not None and self.place.value == place))
            and (status is None or (self.status is not None and self.status.value == status))
        )


@dataclass
class MeetingIndex:
    """Meetings newest first (``DESC(STR(?date))``, then IRI; undated last) and positions into them."""

    entries: list[MeetingEntry] = field(default_factory=list)
    attending: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    hosting: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    met: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    states_met: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    #: The people who serve a state (by the gazetteer, or in a reported meeting), by name.
    representatives: dict[str, list[str]] = field(default_factory=dict)

    def select(
        self,
        year: str | None = None,
        place: str | None = None,
        status: str | None = None,
        participant: str | None = None,
    ) -> list[int]:
        """Positions of the meetings matching every given filter, newest first."""
        if participant is not None:
            candidates: Iterable[int] = self.attending.get(participant, [])
        elif place is not None:
            candidates = self.hosting.get(place, [])
        else:
            candidates = range(len(self.entries))
        if year is None and place is None and status is None:
            return list(candidates)
        return [index for index in candidates if self.entries[index].matches(year, place, status)]

    def involving(self, iri: str) -> list[int]:
        """Meetings an agent or a place is part of: attended (itself or represented) or held there."""
        attended, hosted = self.attending.get(iri, []), self.hosting.get(iri, [])
        if not hosted or not attended:
            return list(attended or hosted)
        return sorted(set(attended) | set(hosted))

    def participations(self, iri: str) -> int:
        """How many meetings an agent attended (itself or through those representing it)."""
        return len(self.attending.get(iri, ()))


def read_meeting_index(store: GraphStore, known: Entities) -> MeetingIndex:
    """Scan the meetings (three flat queries) and index them, once per store version."""
    rows: dict[str, dict[str, Any]] = {}
    for row in store.query(MEETINGS):
        entry = rows.setdefault(row["meeting"].value, {"participants": set(), "attendees": set()})
        for name in ("date", "status", "place"):
            value = row[name]
            if value is not None and (entry.get(name) is None or str(value) < str(entry[name])):
                entry[name] = value
    for row in store.query(PARTICIPANTS):
        if row["meeting"].value in rows and isinstance(row["agent"], ox.NamedNode):
            rows[row["meeting"].value]["participants"].add(row["agent"].value)
    index = MeetingIndex()
    representatives: dict[str, set[str]] = defaultdict(set)
    for state, people in known.served_by.items():
        representatives[state].update(people)
    for row in store.query(PARTICIPATIONS):
        state = row["state"]
        if isinstance(state, ox.NamedNode) and row["meeting"].value in rows:
            rows[row["meeting"].value]["attendees"].add(state.value)
            representatives[state.value].add(row["agent"].value)
    index.entries = newest_first(make_entry(iri, entry) for iri, entry in rows.items())
    for position, meeting in enumerate(index.entries):
        add_meeting(index, position, meeting, known)
    text = shown_text(known)
    for state, served in representatives.items():
        persons = [person for person in served if known.is_a(person, "Person")]
        index.representatives[state] = sorted(persons, key=lambda person: (text(person), person))
    return index


def shown_text(known: Entities) -> Callable[[str], str]:
    """How an IRI reads on a page (its label, else a name made from the IRI): the key of name order."""
    linker = context().linker

    def text(iri: str) -> str:
        label = known.label(iri)
        return label.value if label is not None else linker.fallback_label(iri)

    return text


def make_entry(iri: str, found: dict[str, Any]) -> MeetingEntry:
    place, status = found.get("place"), found.get("status")
    return MeetingEntry(
        iri=iri,
        date=found.get("date") if isinstance(found.get("date"), ox.Literal) else None,
        status=status if isinstance(status, ox.NamedNode) else None,
        place=place if isinstance(place, ox.NamedNode) else None,
        participants=frozenset(found["participants"]),
        attendees=frozenset(found["participants"] | found["attendees"]),
    )


def newest_first(entries: Iterable[MeetingEntry]) -> list[MeetingEntry]:
    """``ORDER BY DESC(STR(?date)) ?meeting``: by IRI, then (stably) by date descending."""
    ordered = sorted(entries, key=lambda entry: entry.iri)
    ordered.sort(key=lambda entry: entry.date.value if entry.date is not None else "", reverse=True)
    return ordered


def add_meeting(index: MeetingIndex, position: int, meeting: MeetingEntry, known: Entities) -> None:
    """Index one meeting: who attended, where, and the pairs of participants and of states it made."""
    for attendee in meeting.attendees:
        index.attending[attendee].append(position)
    if meeting.place is not None:
        index.hosting[meeting.place.value].append(position)
    for agent in meeting.participants:
        index.met[agent].update(other for other in meeting.participants if other != agent)
    states = [attendee for attendee in meeting.attendees if known.is_a(attendee, "State")]
    for state in states:
        index.states_met[state].update(other for other in states if other != state)


def ranked(counts: Counter[str], text: Callable[[str], str], limit: int) -> list[tuple[str, int]]:
    """The ``limit`` largest counts, ties in name order; names are looked up only for the contenders."""
    if not counts:
        return []
    threshold = heapq.nlargest(limit, counts.values())[-1]
    contenders = [(iri, count) for iri, count in counts.items() if count >= threshold]
    contenders.sort(key=lambda item: (-item[1], text(item[0]), item[0]))
    return contenders[:limit]


def meeting_index() -> MeetingIndex:
    """The current store version's meeting index."""
    return per_version("meeting-index", lambda: read_meeting_index(context().store, entities()))
