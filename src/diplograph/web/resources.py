"""What ``/data`` serves and what the generic page shows about any IRI, read with SPARQL on Oxigraph's engine.

Every query binds ``?resource`` (and other values) as a ``VALUES`` block of terms serialized by pyoxigraph
(``bindings``) — request text is never pasted into a query. Every SELECT lists the bound variables, so the
queries also run with plain substitutions.
The default graph is the union of the named graphs and repeats a triple once per graph that holds it, so
rows are deduplicated here and counts are ``COUNT(DISTINCT …)``; for the same reason the queries return IRIs
and the names come from the entity index (``entities``), never from a label join.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from diplograph.graph.namespaces import DG
from diplograph.store import GraphStore
from diplograph.web import bindings
from diplograph.web.entities import Entities
from diplograph.web.terms import Linker, TermView, preferred_label
from diplograph.web.versioned import per_version

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

#: The description served at /data: the resource's own triples and the provenance around it —
#: participations, reports, evidence and their selectors — plus its blank nodes. The labels of its IRI
#: neighbours are added from the entity index (joined here they would come once per graph holding them).
DESCRIPTION = """
CONSTRUCT { ?resource ?p ?o . ?node ?p2 ?o2 . }
WHERE {
  { SELECT DISTINCT ?resource ?p ?o WHERE { ?resource ?p ?o } }
  UNION
  { SELECT DISTINCT ?resource ?node ?p2 ?o2 WHERE {
      ?resource (dg:evidence|dg:quoteEvidence|dg:participation|dg:hasReport|oa:hasSelector
                |dg:participation/dg:evidence|dg:hasReport/dg:evidence
                |(dg:evidence|dg:quoteEvidence|dg:participation/dg:evidence|dg:hasReport/dg:evidence)/oa:hasSelector)
                ?node .
      ?node ?p2 ?o2 } }
  UNION
  { SELECT DISTINCT ?resource ?node ?p2 ?o2 WHERE {
      ?resource ?link ?node . FILTER(isBlank(?node)) ?node ?p2 ?o2 } }
}
"""

#: Outgoing statements, each once (an entity's own triples are repeated in every graph mentioning it).
FACTS = f"SELECT DISTINCT ?resource ?p ?o WHERE {{ ?resource ?p ?o }} LIMIT {FACTS_LIMIT + 1}"

#: Statements of the resource's blank nodes (which a query can only reach through the resource).
BLANK_NESTED = """
SELECT DISTINCT ?resource ?node ?p ?o WHERE { ?resource ?link ?node . FILTER(isBlank(?node)) ?node ?p ?o }
"""
#: Statements of the hash IRIs (``…#quote``) among the resource's values (bound as ``?node``).
HASH_NESTED = "SELECT DISTINCT ?node ?p ?o WHERE { ?node ?p ?o }"

#: A resource with this many inbound links keeps their counts for the store version: counting a hub's
#: 50,000 links (and their copies in every graph) reads them all, some 20 ms, on every page otherwise.
BIG_INBOUND = 2000

INBOUND_COUNTS = """
SELECT ?resource ?p (COUNT(DISTINCT ?s) AS ?count) WHERE { ?s ?p ?resource } GROUP BY ?resource ?p
"""

#: One page of the subjects linking to the resource through one property; in the store's index order
#: (stable for a store version) — sorting 50,000 links for every page would cost too much.
INBOUND_PAGE = """
SELECT DISTINCT ?resource ?property ?s WHERE {{ ?s ?property ?resource }} LIMIT {limit} OFFSET {offset}
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

    def __init__(self, store: GraphStore, linker: Linker, known: Entities) -> None:
        self.store = store
        self.linker = linker
        self.known = known

    def named(self, term: Any, *, titles: bool = False) -> TermView:
        """A term as a TermView, an IRI named from the entity index (its label, or label or title)."""
        if not isinstance(term, ox.NamedNode):
            return self.linker.view(term)
        found = self.known.name(term.value) if titles else self.known.label(term.value)
        return self.linker.view(term, found)

    def maybe_named(self, term: Any, *, titles: bool = False) -> TermView | None:
        return self.named(term, titles=titles) if term is not None else None

    def run(self, sparql: str, iri: str, **values: Any) -> Any:
        return bindings.query(self.store, sparql, resource=ox.NamedNode(iri), **values)

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
        """The triples served at /data with the labels of their IRI values (deduplicated, in a stable
        order)."""
        triples = set(self.run(DESCRIPTION, iri))
        label = ox.NamedNode(RDFS_LABEL)
        for value in {triple.object for triple in triples if isinstance(triple.object, ox.NamedNode)}:
            triples.update(ox.Triple(value, label, name) for name in self.known.labels.get(value.value, ()))
        return sorted(triples, key=str)

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
        for row in rows:
            values[(row["p"].value, term_key(row["o"]))] = (row["p"], row["o"])
        facts = [
            Fact(self.named(predicate), self.named(value, titles=True))
            for predicate, value in values.values()
        ]
        facts.sort(key=lambda fact: (fact.property.value != RDFS_LABEL, fact.property.text, fact.value.text))
        return facts[:FACTS_LIMIT], len(facts) > FACTS_LIMIT

    def nest(self, view: ResourceView, iri: str) -> None:
        """Attach the statements of blank nodes and hash IRIs to the facts that point at them."""
        values = [fact.value for fact in view.facts]
        hashed = [
            ox.NamedNode(value.value)
            for value in values
            if value.kind == "iri" and value.value.startswith(iri + "#")
        ]
        rows: list[Any] = []
        if any(value.kind == "blank" for value in values):
            rows += self.run(BLANK_NESTED, iri)
        if hashed:
            rows += self.store.query(bindings.bind_rows(HASH_NESTED, ["node"], [[node] for node in hashed]))
        rows_by_node: dict[str, list[Any]] = defaultdict(list)
        for row in rows:
            rows_by_node[row["node"].value].append(row)
        for fact in view.facts:
            if fact.value.kind in ("blank", "iri") and fact.value.value in rows_by_node:
                fact.nested = self.facts(rows_by_node[fact.value.value])[0]

    def inbound_counts(self, iri: str) -> list[tuple[ox.NamedNode, int]]:
        """How many subjects link to the resource, by property; kept for the store version when many do."""
        kept: dict[str, list[tuple[ox.NamedNode, int]]] = per_version("big-inbound", dict)
        if iri in kept:
            return kept[iri]
        counts = [(row["p"], int(row["count"].value)) for row in self.run(INBOUND_COUNTS, iri)]
        if sum(count for _, count in counts) >= BIG_INBOUND:
            kept[iri] = counts
        return counts

    def inbound(self, iri: str, paged_property: str | None, page: int) -> list[InboundGroup]:
        """Inbound links grouped by property, with a count each; one page of subjects per property."""
        groups = []
        for predicate, count in self.inbound_counts(iri):
            pages = max(1, -(-count // INBOUND_PAGE_SIZE))
            current = min(max(page, 1), pages) if predicate.value == paged_property else 1
            sparql = INBOUND_PAGE.format(limit=INBOUND_PAGE_SIZE, offset=(current - 1) * INBOUND_PAGE_SIZE)
            subjects = [item["s"] for item in self.run(sparql, iri, property=predicate)]
            groups.append(
                InboundGroup(
                    property=self.named(predicate),
                    count=count,
                    subjects=[self.named(subject, titles=True) for subject in subjects],
                    page=current,
                    pages=pages,
                )
            )
        groups.sort(key=lambda group: (-group.count, group.property.value))
        return groups
