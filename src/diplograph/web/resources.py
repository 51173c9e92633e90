"""What ``/data`` serves and what the generic page shows about any IRI, read with SPARQL on Oxigraph's engine.

Every query binds ``?resource`` (and other values) through pyoxigraph substitutions — an IRI is never pasted
into query text. Substituted variables must appear in a SELECT's projection, so every SELECT lists them.
The default graph is the union of the named graphs and repeats a triple once per graph that holds it, so
rows are deduplicated here and counts are ``COUNT(DISTINCT …)``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from diplograph.graph.namespaces import DG
from diplograph.store import GraphStore
from diplograph.web.terms import Linker, TermView, preferred_label

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DCTERMS_TITLE = "http://purl.org/dc/terms/title"
SKOS_ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"

#: How many inbound links of one property a page lists at once.
INBOUND_PAGE_SIZE = 50
#: More distinct outgoing triples than this are cut (a resource is a page, not a dump).
FACTS_LIMIT = 2000

EXISTS = "ASK { { ?resource ?p ?o } UNION { ?s ?p ?resource } }"

#: The description served at /data: the resource's own triples, the labels of its IRI neighbours, and the
#: provenance around it — participations, reports, evidence and their selectors — plus its blank nodes.
DESCRIPTION = """
CONSTRUCT { ?resource ?p ?o . ?o rdfs:label ?label . ?node ?p2 ?o2 . ?o2 rdfs:label ?label2 . }
WHERE {
  { ?resource ?p ?o . OPTIONAL { ?o rdfs:label ?label FILTER(isIRI(?o)) } }
  UNION
  { ?resource (dg:evidence|dg:quoteEvidence|dg:participation|dg:hasReport|oa:hasSelector
              |dg:participation/dg:evidence|dg:hasReport/dg:evidence
              |(dg:evidence|dg:quoteEvidence|dg:participation/dg:evidence|dg:hasReport/dg:evidence)/oa:hasSelector)
              ?node .
    ?node ?p2 ?o2 . OPTIONAL { ?o2 rdfs:label ?label2 FILTER(isIRI(?o2)) } }
  UNION
  { ?resource ?link ?node . FILTER(isBlank(?node))
    ?node ?p2 ?o2 . OPTIONAL { ?o2 rdfs:label ?label2 FILTER(isIRI(?o2)) } }
}
"""

#: Outgoing statements with every name of the value and of the property (the preferred one is chosen here).
FACTS = f"""
SELECT ?resource ?p ?o ?name ?pName WHERE {{
  ?resource ?p ?o .
  OPTIONAL {{ ?o rdfs:label|dcterms:title|skos:prefLabel ?name FILTER(isIRI(?o)) }}
  OPTIONAL {{ ?p rdfs:label ?pName }}
}} LIMIT {FACTS_LIMIT * 4}
"""

#: Statements of the nodes that belong to the resource: its blank nodes and its hash IRIs (``…#quote``).
NESTED = """
SELECT ?resource ?node ?p ?o ?name ?pName WHERE {
  ?resource ?link ?node .
  FILTER(isBlank(?node) || (isIRI(?node) && STRSTARTS(STR(?node), CONCAT(STR(?resource), "#"))))
  ?node ?p ?o .
  OPTIONAL { ?o rdfs:label|dcterms:title ?name FILTER(isIRI(?o)) }
  OPTIONAL { ?p rdfs:label ?pName }
}
"""

INBOUND_COUNTS = """
SELECT ?resource ?p (COUNT(DISTINCT ?s) AS ?count) (SAMPLE(?pName) AS ?pLabel) WHERE {
  ?s ?p ?resource .
  OPTIONAL { ?p rdfs:label ?pName FILTER(LANGMATCHES(LANG(?pName), "en") || LANG(?pName) = "") }
} GROUP BY ?resource ?p ORDER BY DESC(?count) ?p
"""

#: One page of the subjects linking to the resource through one property, with their names; in the store's
#: index order (stable for a store version) — sorting 50,000 links for every page would cost too much.
INBOUND_PAGE = """
SELECT ?resource ?property ?s ?name WHERE {{
  {{ SELECT DISTINCT ?resource ?property ?s WHERE {{ ?s ?property ?resource }}
     LIMIT {limit} OFFSET {offset} }}
  OPTIONAL {{ ?s rdfs:label|dcterms:title ?name }}
}}
"""


@dataclass
class Fact:
    """One statement about the resource; ``nested`` holds the statements of a blank node or hash IRI."""

    property: TermView
    value: TermView
    nested: list[Fact] = field(default_factory=list)


@dataclass(frozen=True)
class InboundGroup:
    """The subjects linking to the resource through one property: a count and one page of them."""

    property: TermView
    count: int
    subjects: list[TermView]
    page: int
    pages: int


@dataclass
class ResourceView:
    """Everything the generic page shows about any IRI."""

    iri: str
    label: str
    label_language: str | None = None
    types: list[TermView] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    inbound: list[InboundGroup] = field(default_factory=list)
    values: dict[str, list[TermView]] = field(default_factory=dict)
    truncated: bool = False

    def has_type(self, local_name: str) -> bool:
        return any(view.value == str(DG) + local_name for view in self.types)

    def first(self, property_iri: str) -> TermView | None:
        found = self.values.get(property_iri)
        return found[0] if found else None

    def all(self, property_iri: str) -> list[TermView]:
        return self.values.get(property_iri, [])

    @property
    def inbound_total(self) -> int:
        return sum(group.count for group in self.inbound)


def term_key(term: Any) -> tuple[str, str, str, str]:
    """A hashable identity for a pyoxigraph term (kind, value, datatype, language)."""
    if isinstance(term, ox.Literal):
        return ("literal", term.value, term.datatype.value, term.language or "")
    return (type(term).__name__, getattr(term, "value", ""), "", "")


class ResourceReader:
    """Reads one resource's description, statements and inbound links from the store."""

    def __init__(self, store: GraphStore, linker: Linker) -> None:
        self.store = store
        self.linker = linker

    def run(self, sparql: str, iri: str, **bindings: Any) -> Any:
        substitutions = {ox.Variable("resource"): ox.NamedNode(iri)}
        substitutions.update({ox.Variable(name): value for name, value in bindings.items()})
        return self.store.query(sparql, substitutions=substitutions)

    def run_each(self, sparql: str, branches: tuple[str, ...], iri: str) -> Any:
        """Rows of ``sparql`` with ``%BRANCH%`` replaced by each branch in turn.

        Oxigraph evaluates the patterns that follow a UNION without the union's bindings (a scan of the
        whole store), so a query that reaches the resource in several ways runs once per way instead.
        """
        for branch in branches:
            yield from self.run(sparql.replace("%BRANCH%", branch), iri)

    def exists(self, iri: str) -> bool:
        return bool(self.run(EXISTS, iri))

    def description(self, iri: str) -> list[ox.Triple]:
        """The triples served at /data (deduplicated, in a stable order)."""
        return sorted(set(self.run(DESCRIPTION, iri)), key=str)

    def view(self, iri: str, inbound_property: str | None = None, inbound_page: int = 1) -> ResourceView:
        """The generic view; ``inbound_property``/``inbound_page`` page through one property's links."""
        view = ResourceView(iri=iri, label=self.linker.fallback_label(iri))
        view.facts, view.truncated = self.facts(self.run(FACTS, iri))
        for fact in view.facts:
            view.values.setdefault(fact.property.value, []).append(fact.value)
        view.types = view.all(RDF_TYPE)
        names = [
            ox.Literal(value.text, language=value.language) if value.language else ox.Literal(value.text)
            for value in view.all(RDFS_LABEL) + view.all(DCTERMS_TITLE)
            if value.kind == "literal"
        ]
        label = preferred_label(names)
        if label is not None:
            view.label, view.label_language = label.value, label.language
        self.nest(view, iri)
        view.inbound = self.inbound(iri, inbound_property, inbound_page)
        return view

    def facts(self, rows: Any) -> tuple[list[Fact], bool]:
        """Statements with each value named by its preferred label, sorted label first, then by property."""
        values: dict[tuple[Any, ...], tuple[Any, Any]] = {}
        names: dict[tuple[Any, ...], list[ox.Literal]] = defaultdict(list)
        property_names: dict[str, list[ox.Literal]] = defaultdict(list)
        for row in rows:
            key = (row["p"].value, term_key(row["o"]))
            values[key] = (row["p"], row["o"])
            if row["name"] is not None and row["name"] not in names[key]:
                names[key].append(row["name"])
            if row["pName"] is not None:
                property_names[row["p"].value].append(row["pName"])
        facts = [
            Fact(
                self.linker.view(predicate, preferred_label(property_names[predicate.value])),
                self.linker.view(value, preferred_label(names[key])),
            )
            for key, (predicate, value) in values.items()
        ]
        facts.sort(key=lambda fact: (fact.property.value != RDFS_LABEL, fact.property.text, fact.value.text))
        return facts[:FACTS_LIMIT], len(facts) > FACTS_LIMIT

    def nest(self, view: ResourceView, iri: str) -> None:
        """Attach the statements of blank nodes and hash IRIs to the facts that point at them."""
        rows_by_node: dict[str, list[Any]] = defaultdict(list)
        for row in self.run(NESTED, iri):
            rows_by_node[row["node"].value].append(row)
        for fact in view.facts:
            if fact.value.kind in ("blank", "iri") and fact.value.value in rows_by_node:
                fact.nested = self.facts(rows_by_node[fact.value.value])[0]

    def inbound(self, iri: str, paged_property: str | None, page: int) -> list[InboundGroup]:
        """Inbound links grouped by property, with a count each; one page of subjects per property."""
        groups = []
        for row in self.run(INBOUND_COUNTS, iri):
            predicate = row["p"]
            count = int(row["count"].value)
            pages = max(1, -(-count // INBOUND_PAGE_SIZE))
            current = min(max(page, 1), pages) if predicate.value == paged_property else 1
            sparql = INBOUND_PAGE.format(limit=INBOUND_PAGE_SIZE, offset=(current - 1) * INBOUND_PAGE_SIZE)
            names: dict[str, list[ox.Literal]] = defaultdict(list)
            subjects: dict[str, Any] = {}
            for item in self.run(sparql, iri, property=predicate):
                subjects[term_key(item["s"])[1]] = item["s"]
                if item["name"] is not None:
                    names[item["s"].value].append(item["name"])
            groups.append(
                InboundGroup(
                    property=self.linker.view(predicate, row["pLabel"]),
                    count=count,
                    subjects=[
                        self.linker.view(subject, preferred_label(names[subject.value]))
                        for subject in subjects.values()
                    ],
                    page=current,
                    pages=pages,
                )
            )
        return groups
