"""The views of agents (people, states, organizations) and places: who they are, whom they meet, what
they said.

A state takes part in a meeting either itself or through a participant who represents it, so the state's
lists follow both paths. Meetings, positions and the agents met most come from the per-version indexes
(``meeting_index``, ``position_index``): a big state is part of thousands of meetings, too many to sort or
count on every request; only a person's posts are read here, with the person's IRI bound.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pyoxigraph as ox

from diplograph.graph.namespaces import DG
from diplograph.web.meeting_index import MeetingIndex, meeting_index, ranked, shown_text
from diplograph.web.position_index import position_index
from diplograph.web.resources import OWL_SAME_AS, SKOS_ALT_LABEL, ResourceReader, ResourceView
from diplograph.web.terms import TermView

#: How many meetings, positions and representatives an agent's page lists (with the total of each).
SHOWN = 100
COUNTERPARTS_SHOWN = 20

#: The posts a person held in the meetings reported: role, state served, how often and when.
POSTS = """
SELECT ?resource ?role ?state (COUNT(DISTINCT ?report) AS ?reports)
       (MIN(STR(?date)) AS ?first) (MAX(STR(?date)) AS ?last) WHERE {
  ?participation dg:participant ?resource ; dg:role ?role .
  OPTIONAL { ?participation dg:represents ?state }
  OPTIONAL { ?report dg:participation ?participation OPTIONAL { ?report dg:date ?date } }
} GROUP BY ?resource ?role ?state
"""


@dataclass(frozen=True)
class MeetingRow:
    meeting: TermView
    date: TermView | None
    status: TermView | None
    place: TermView | None


@dataclass(frozen=True)
class Post:
    role: str
    state: TermView | None
    reports: int
    first: str | None
    last: str | None


@dataclass(frozen=True)
class PositionRow:
    position: TermView
    holder: TermView
    stance: TermView | None
    topic: str | None
    date: str | None


@dataclass(frozen=True)
class Counterpart:
    agent: TermView
    meetings: int


@dataclass
class AgentView:
    base: ResourceView
    kind: str  # "person", "state", "organization" or "place"
    wikidata: list[TermView] = field(default_factory=list)
    aliases: list[TermView] = field(default_factory=list)
    represents: list[TermView] = field(default_factory=list)
    representatives: list[TermView] = field(default_factory=list)
    representatives_total: int = 0
    posts: list[Post] = field(default_factory=list)
    meetings: list[MeetingRow] = field(default_factory=list)
    meetings_total: int = 0
    positions: list[PositionRow] = field(default_factory=list)
    positions_total: int = 0
    counterparts: list[Counterpart] = field(default_factory=list)


def agent_kind(base: ResourceView) -> str | None:
    """Which agent view fits the resource, if any."""
    for local_name, kind in (("Person", "person"), ("State", "state"), ("Organization", "organization")):
        if base.has_type(local_name):
            return kind
    if base.has_type("City") or base.has_type("Place"):
        return "place"
    return None


def read_agent(reader: ResourceReader, base: ResourceView, kind: str) -> AgentView:
    view = AgentView(base=base, kind=kind)
    view.wikidata = [found for value in base.all(OWL_SAME_AS) if (found := wikidata_of(reader, value))]
    view.aliases = base.all(SKOS_ALT_LABEL)
    view.represents = base.all(str(DG.represents))
    meetings = meeting_index()
    read_meetings(reader, view, meetings)
    if kind == "place":
        return view
    if kind == "person":
        view.posts = read_posts(reader, base.iri)
    if kind == "state":
        read_representatives(reader, view, meetings)
    read_positions(reader, view)
    counts = meetings.states_met if kind == "state" else meetings.met
    view.counterparts = [
        Counterpart(reader.named(ox.NamedNode(other)), shared)
        for other, shared in ranked(
            counts.get(base.iri, Counter()), shown_text(reader.known), COUNTERPARTS_SHOWN
        )
    ]
    return view


def wikidata_of(reader: ResourceReader, value: TermView) -> TermView | None:
    return reader.linker.wikidata(ox.NamedNode(value.value)) if value.kind == "iri" else None


def read_meetings(reader: ResourceReader, view: AgentView, meetings: MeetingIndex) -> None:
    """The latest meetings the agent or place is part of (a state's include its representatives'), shown
    oldest first, and how many there are in all."""
    found = meetings.involving(view.base.iri)
    view.meetings_total = len(found)
    rows = []
    for position in found[:SHOWN]:
        entry = meetings.entries[position]
        rows.append(
            MeetingRow(
                meeting=reader.named(ox.NamedNode(entry.iri)),
                date=reader.linker.view(entry.date) if entry.date is not None else None,
                status=reader.maybe_named(entry.status),
                place=reader.maybe_named(entry.place),
            )
        )
    view.meetings = sorted(
        rows, key=lambda row: (row.date is None, row.date.text if row.date else "", row.meeting.text)
    )


def read_posts(reader: ResourceReader, iri: str) -> list[Post]:
    posts = [
        Post(
            role=row["role"].value,
            state=reader.maybe_named(row["state"]),
            reports=int(row["reports"].value),
            first=row["first"].value if row["first"] is not None else None,
            last=row["last"].value if row["last"] is not None else None,
        )
        for row in reader.run(POSTS, iri)
    ]
    return sorted(posts, key=lambda post: (-post.reports, post.role))


def read_representatives(reader: ResourceReader, view: AgentView, meetings: MeetingIndex) -> None:
    """People who serve the state, by the gazetteer (``dg:represents``) or in a reported meeting, by name."""
    people = meetings.representatives.get(view.base.iri, [])
    view.representatives_total = len(people)
    view.representatives = [reader.named(ox.NamedNode(person)) for person in people[:SHOWN]]


def read_positions(reader: ResourceReader, view: AgentView) -> None:
    """The latest positions stated by the agent or by those serving it, shown oldest first."""
    positions = position_index()
    iri = view.base.iri
    found = positions.held_by([iri, *reader.known.served_by.get(iri, ())])
    view.positions_total = len(found)
    rows = []
    for index in found[:SHOWN]:
        entry = positions.entries[index]
        rows.append(
            PositionRow(
                position=reader.named(ox.NamedNode(entry.iri)),
                holder=reader.named(entry.holder),
                stance=reader.maybe_named(entry.stance),
                topic=entry.topic.value if entry.topic is not None else None,
                date=entry.date.value if entry.date is not None else None,
            )
        )
    view.positions = sorted(rows, key=lambda row: (row.date or "", row.position.text))
