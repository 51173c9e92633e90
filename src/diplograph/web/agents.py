"""The views of agents (people, states, organizations) and places: who they are, whom they meet, what
they said.

A state takes part in a meeting either itself or through a participant who represents it, so the state's
queries follow both paths.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from diplograph.graph.namespaces import DG
from diplograph.web.resources import OWL_SAME_AS, SKOS_ALT_LABEL, ResourceReader, ResourceView
from diplograph.web.terms import TermView, preferred_label

#: The latest 100 meetings an agent or place is part of; a state's include those of its representatives.
MEETINGS = """
SELECT ?resource ?meeting ?date ?name ?status ?statusName ?place ?placeName WHERE {
  { SELECT DISTINCT ?resource ?meeting ?date WHERE {
      %BRANCH%
      ?meeting a dg:Meeting . OPTIONAL { ?meeting dg:date ?date }
    } ORDER BY DESC(STR(?date)) ?meeting LIMIT 100 }
  OPTIONAL { ?meeting rdfs:label ?name }
  OPTIONAL { ?meeting dg:status ?status } OPTIONAL { ?status rdfs:label ?statusName }
  OPTIONAL { ?meeting dg:place ?place } OPTIONAL { ?place rdfs:label ?placeName }
}
"""

#: The posts a person held in the meetings reported: role, state served, how often and when.
POSTS = """
SELECT ?resource ?role ?state (SAMPLE(?stateLabel) AS ?stateName) (COUNT(DISTINCT ?report) AS ?reports)
       (MIN(STR(?date)) AS ?first) (MAX(STR(?date)) AS ?last) WHERE {
  ?participation dg:participant ?resource ; dg:role ?role .
  OPTIONAL { ?participation dg:represents ?state } OPTIONAL { ?state rdfs:label ?stateLabel }
  OPTIONAL { ?report dg:participation ?participation } OPTIONAL { ?report dg:date ?date }
} GROUP BY ?resource ?role ?state ORDER BY DESC(?reports) ?role
"""

#: People who serve a state: by the gazetteer (dg:represents) or in a reported meeting.
REPRESENTATIVES = """
SELECT DISTINCT ?resource ?person ?name WHERE {
  %BRANCH%
  ?person a dg:Person .
  OPTIONAL { ?person rdfs:label ?name }
} LIMIT 500
"""

POSITIONS = """
SELECT DISTINCT ?resource ?position ?name ?holder ?holderName ?stance ?stanceName ?topic ?date WHERE {
  %BRANCH%
  OPTIONAL { ?position rdfs:label ?name }
  OPTIONAL { ?holder rdfs:label ?holderName }
  OPTIONAL { ?position dg:stance ?stance } OPTIONAL { ?stance rdfs:label ?stanceName }
  OPTIONAL { ?position dg:topic ?topic }
  OPTIONAL { ?position dg:date ?date }
} ORDER BY ?date ?position LIMIT 500
"""

#: The agents met most: anyone else taking part in the same meetings.
COUNTERPARTS = """
SELECT ?resource ?other (SAMPLE(?otherLabel) AS ?name) (COUNT(DISTINCT ?meeting) AS ?meetings) WHERE {
  ?meeting dg:participant ?resource , ?other . FILTER(?other != ?resource)
  OPTIONAL { ?other rdfs:label ?otherLabel }
} GROUP BY ?resource ?other ORDER BY DESC(?meetings) ?name LIMIT 20
"""

#: The states present at a state's meetings (themselves or represented), one row per meeting; counted here.
STATE_COUNTERPARTS = """
SELECT DISTINCT ?resource ?other ?name ?meeting WHERE {
  %BRANCH%
  ?other a dg:State . FILTER(?other != ?resource)
  OPTIONAL { ?other rdfs:label ?name }
} LIMIT 20000
"""


#: The ways a meeting involves an agent or a place (a state also through those who represent it).
MEETING_PATHS = (
    "?meeting dg:participant ?resource .",
    "?participation dg:represents ?resource . ?report dg:participation ?participation . "
    "?meeting dg:hasReport ?report .",
    "?meeting dg:place ?resource .",
)
REPRESENTATIVE_PATHS = (
    "?person dg:represents ?resource .",
    "?participation dg:represents ?resource ; dg:participant ?person .",
)
POSITION_PATHS = (
    "?position dg:holder ?resource ; dg:holder ?holder .",
    "?holder dg:represents ?resource . ?position dg:holder ?holder .",
)
#: A state's meetings (itself or represented) crossed with the states present at them.
STATE_PAIR_PATHS = tuple(
    f"{mine} {theirs}"
    for mine in (
        "?meeting dg:participant ?resource .",
        "?participation dg:represents ?resource . ?report dg:participation ?participation . "
        "?meeting dg:hasReport ?report .",
    )
    for theirs in (
        "?meeting dg:participant ?other .",
        "?meeting dg:hasReport ?otherReport . ?otherReport dg:participation ?otherParticipation . "
        "?otherParticipation dg:represents ?other .",
    )
)


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
    posts: list[Post] = field(default_factory=list)
    meetings: list[MeetingRow] = field(default_factory=list)
    positions: list[PositionRow] = field(default_factory=list)
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
    view.meetings = read_meetings(reader, base.iri)
    if kind == "place":
        return view
    if kind == "person":
        view.posts = read_posts(reader, base.iri)
    if kind == "state":
        view.representatives = named_list(reader, REPRESENTATIVES, REPRESENTATIVE_PATHS, base.iri, "person")
    view.positions = read_positions(reader, base.iri)
    if kind == "state":
        view.counterparts = read_state_counterparts(reader, base.iri)
    else:
        view.counterparts = read_counterparts(reader, base.iri)
    return view


def wikidata_of(reader: ResourceReader, value: TermView) -> TermView | None:
    return reader.linker.wikidata(ox.NamedNode(value.value)) if value.kind == "iri" else None


def optional_view(reader: ResourceReader, term: object, label: object = None) -> TermView | None:
    return reader.linker.view(term, label) if term is not None else None  # type: ignore[arg-type]


def read_meetings(reader: ResourceReader, iri: str) -> list[MeetingRow]:
    rows: dict[str, MeetingRow] = {}
    for row in reader.run_each(MEETINGS, MEETING_PATHS, iri):
        rows.setdefault(
            row["meeting"].value,
            MeetingRow(
                meeting=reader.linker.view(row["meeting"], row["name"]),
                date=optional_view(reader, row["date"]),
                status=optional_view(reader, row["status"], row["statusName"]),
                place=optional_view(reader, row["place"], row["placeName"]),
            ),
        )
    return sorted(
        rows.values(), key=lambda row: (row.date is None, row.date.text if row.date else "", row.meeting.text)
    )


def read_posts(reader: ResourceReader, iri: str) -> list[Post]:
    return [
        Post(
            role=row["role"].value,
            state=optional_view(reader, row["state"], row["stateName"]),
            reports=int(row["reports"].value),
            first=row["first"].value if row["first"] is not None else None,
            last=row["last"].value if row["last"] is not None else None,
        )
        for row in reader.run(POSTS, iri)
    ]


def named_list(
    reader: ResourceReader, sparql: str, paths: tuple[str, ...], iri: str, variable: str
) -> list[TermView]:
    """IRIs from one column, each named by its preferred label, sorted by name."""
    names: dict[str, list[ox.Literal]] = defaultdict(list)
    for row in reader.run_each(sparql, paths, iri):
        found = names[row[variable].value]
        if row["name"] is not None:
            found.append(row["name"])
    views = [reader.linker.view(ox.NamedNode(key), preferred_label(labels)) for key, labels in names.items()]
    return sorted(views, key=lambda view: view.text)


def read_positions(reader: ResourceReader, iri: str) -> list[PositionRow]:
    rows: dict[str, PositionRow] = {}
    for row in reader.run_each(POSITIONS, POSITION_PATHS, iri):
        rows.setdefault(
            row["position"].value,
            PositionRow(
                position=reader.linker.view(row["position"], row["name"]),
                holder=reader.linker.view(row["holder"], row["holderName"]),
                stance=optional_view(reader, row["stance"], row["stanceName"]),
                topic=row["topic"].value if row["topic"] is not None else None,
                date=row["date"].value if row["date"] is not None else None,
            ),
        )
    return sorted(rows.values(), key=lambda row: (row.date or "", row.position.text))


def read_counterparts(reader: ResourceReader, iri: str) -> list[Counterpart]:
    return [
        Counterpart(reader.linker.view(row["other"], row["name"]), int(row["meetings"].value))
        for row in reader.run(COUNTERPARTS, iri)
        if isinstance(row["other"], ox.NamedNode)
    ]


def read_state_counterparts(reader: ResourceReader, iri: str) -> list[Counterpart]:
    """The 20 states met most, counting each meeting once whichever way both states were there."""
    meetings: dict[str, set[str]] = defaultdict(set)
    names: dict[str, list[ox.Literal]] = defaultdict(list)
    for row in reader.run_each(STATE_COUNTERPARTS, STATE_PAIR_PATHS, iri):
        meetings[row["other"].value].add(row["meeting"].value)
        if row["name"] is not None:
            names[row["other"].value].append(row["name"])
    views = {
        other: reader.linker.view(ox.NamedNode(other), preferred_label(names[other])) for other in meetings
    }
    ranked = sorted(meetings, key=lambda other: (-len(meetings[other]), views[other].text))
    return [Counterpart(views[other], len(meetings[other])) for other in ranked[:20]]
