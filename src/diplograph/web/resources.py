"""What the pages and ``/data`` say about one resource, read with SPARQL on Oxigraph's engine.

Every query binds ``?resource`` through pyoxigraph substitutions — the IRI is never pasted into the text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from diplograph.graph.namespaces import DG
from diplograph.store import GraphStore
from diplograph.web.terms import Linker, TermView, value_of

EXISTS = "ASK { { ?resource ?p ?o } UNION { ?s ?p ?resource } }"

#: The description served at /data: outgoing triples, labels of IRI neighbours, and the n-ary nodes
#: (participations, evidence, selectors) one or two hops away.
DESCRIPTION = """
CONSTRUCT {
  ?resource ?p ?o . ?o rdfs:label ?label .
  ?node ?p2 ?o2 . ?o2 rdfs:label ?label2 .
  ?inner ?p3 ?o3 .
} WHERE {
  { ?resource ?p ?o . OPTIONAL { ?o rdfs:label ?label FILTER(isIRI(?o)) } }
  UNION
  { ?resource ?p ?node . ?node ?p2 ?o2 .
    FILTER(?p IN (dg:evidence, dg:quoteEvidence, dg:participation, oa:hasSelector))
    OPTIONAL { ?o2 rdfs:label ?label2 FILTER(isIRI(?o2)) } }
  UNION
  { ?resource ?p ?node . ?node ?q ?inner . ?inner ?p3 ?o3 .
    FILTER(?p IN (dg:evidence, dg:quoteEvidence, dg:participation))
    FILTER(?q IN (oa:hasSelector, dg:evidence)) }
}
"""

FACTS = """
SELECT ?resource ?p ?o (SAMPLE(?oLabel) AS ?label) (SAMPLE(?pName) AS ?pLabel) WHERE {
  ?resource ?p ?o .
  OPTIONAL { ?o rdfs:label|dcterms:title ?oLabel FILTER(isIRI(?o)) }
  OPTIONAL { ?p rdfs:label ?pName }
} GROUP BY ?resource ?p ?o
"""

INBOUND = """
SELECT ?resource ?s ?p (SAMPLE(?sName) AS ?label) (SAMPLE(?pName) AS ?pLabel) WHERE {
  ?s ?p ?resource .
  OPTIONAL { ?s rdfs:label|dcterms:title ?sName }
  OPTIONAL { ?p rdfs:label ?pName }
} GROUP BY ?resource ?s ?p
LIMIT 1000
"""

PARTICIPANTS = """
SELECT DISTINCT ?resource ?agent ?agentLabel ?role ?state ?stateLabel ?host WHERE {
  ?resource (dg:participation|dg:hasReport/dg:participation|^dg:reportOf/dg:participation) ?participation .
  ?participation dg:participant ?agent .
  OPTIONAL { ?agent rdfs:label ?agentLabel }
  OPTIONAL { ?participation dg:role ?role }
  OPTIONAL { ?participation dg:represents ?state OPTIONAL { ?state rdfs:label ?stateLabel } }
  OPTIONAL { ?participation dg:isHost ?host }
} ORDER BY ?agentLabel ?agent
"""

EVIDENCE = """
SELECT DISTINCT ?resource ?sentence ?start ?article ?articleTitle WHERE {
  ?resource (dg:evidence|dg:quoteEvidence|dg:hasReport/dg:evidence|^dg:reportOf/dg:evidence
             |dg:participation/dg:evidence|dg:hasReport/dg:participation/dg:evidence) ?evidence .
  ?evidence oa:hasSelector ?quote .
  ?quote oa:exact ?sentence .
  OPTIONAL { ?evidence oa:hasSelector/oa:start ?start }
  OPTIONAL { ?evidence oa:hasSource ?article OPTIONAL { ?article dcterms:title ?articleTitle } }
} ORDER BY ?article ?start
"""


@dataclass(frozen=True)
class Fact:
    property: TermView
    value: TermView


@dataclass(frozen=True)
class Participant:
    agent: TermView
    role: str | None
    state: TermView | None
    is_host: bool


@dataclass(frozen=True)
class Evidence:
    sentence: str
    article: TermView | None


@dataclass
class ResourceView:
    """Everything the resource page shows."""

    iri: str
    label: str
    types: list[TermView] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    inbound: dict[str, list[TermView]] = field(default_factory=dict)
    inbound_labels: dict[str, TermView] = field(default_factory=dict)
    participants: list[Participant] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    values: dict[str, list[TermView]] = field(default_factory=dict)

    def has_type(self, local_name: str) -> bool:
        return any(view.value == str(DG) + local_name for view in self.types)

    def first(self, property_iri: str) -> TermView | None:
        found = self.values.get(property_iri)
        return found[0] if found else None


class ResourceReader:
    """Reads one resource's facts, links and evidence from the store."""

    def __init__(self, store: GraphStore, linker: Linker) -> None:
        self.store = store
        self.linker = linker

    def _run(self, sparql: str, iri: str) -> Any:
        return self.store.query(sparql, substitutions={ox.Variable("resource"): ox.NamedNode(iri)})

    def exists(self, iri: str) -> bool:
        return bool(self._run(EXISTS, iri))

    def description(self, iri: str) -> list[ox.Triple]:
        """The triples served at /data (deduplicated, in a stable order)."""
        triples = set(self._run(DESCRIPTION, iri))
        return sorted(triples, key=str)

    def view(self, iri: str) -> ResourceView:
        view = ResourceView(iri=iri, label=self.linker.view(ox.NamedNode(iri)).text)
        rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
        label_iri = "http://www.w3.org/2000/01/rdf-schema#label"
        for row in self._run(FACTS, iri):
            predicate = self.linker.view(row["p"], value_of(row["pLabel"]))
            value = self.linker.view(row["o"], value_of(row["label"]))
            view.values.setdefault(predicate.value, []).append(value)
            if predicate.value == rdf_type:
                view.types.append(value)
            view.facts.append(Fact(predicate, value))
        label = view.first(label_iri) or view.first("http://purl.org/dc/terms/title")
        if label is not None:
            view.label = label.text
        view.facts.sort(
            key=lambda fact: (fact.property.value != label_iri, fact.property.text, fact.value.text)
        )
        inbound: dict[str, list[TermView]] = defaultdict(list)
        for row in self._run(INBOUND, iri):
            predicate = self.linker.view(row["p"], value_of(row["pLabel"]))
            view.inbound_labels[predicate.value] = predicate
            inbound[predicate.value].append(self.linker.view(row["s"], value_of(row["label"])))
        view.inbound = {
            key: sorted(items, key=lambda item: item.text) for key, items in sorted(inbound.items())
        }
        if view.has_type("Meeting") or view.has_type("MeetingReport"):
            view.participants = self.participants(iri)
        view.evidence = self.evidence(iri)
        return view

    def participants(self, iri: str) -> list[Participant]:
        seen: dict[tuple[str, str | None, str | None], Participant] = {}
        for row in self._run(PARTICIPANTS, iri):
            state = row["state"]
            key = (row["agent"].value, value_of(row["role"]), value_of(state))
            if key in seen:
                continue
            seen[key] = Participant(
                agent=self.linker.view(row["agent"], value_of(row["agentLabel"])),
                role=value_of(row["role"]),
                state=self.linker.view(state, value_of(row["stateLabel"])) if state is not None else None,
                is_host=value_of(row["host"]) in ("true", "1"),
            )
        return list(seen.values())

    def evidence(self, iri: str) -> list[Evidence]:
        found: dict[tuple[str, str | None], Evidence] = {}
        for row in self._run(EVIDENCE, iri):
            article = row["article"]
            key = (row["sentence"].value, value_of(article))
            if key not in found:
                shown = (
                    self.linker.view(article, value_of(row["articleTitle"])) if article is not None else None
                )
                found[key] = Evidence(row["sentence"].value, shown)
        return list(found.values())
