"""What the article graphs repeat about every entity — names, types, Wikidata links, the state a person
serves — read once per store version.

An article's graph is self-contained (docs/model.md): it carries the type, label, Wikidata link and state of
every entity it mentions. The union default graph so holds a popular state's label once per article that
mentions it, and a page joining ``?x rdfs:label ?name`` gets thousands of rows for one name (millions when
two such joins meet). Pages therefore read IRIs with SPARQL and name them here; search runs over the same
names. Each query below is one flat ``DISTINCT`` scan of one property.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from diplograph.graph.namespaces import DG
from diplograph.store import GraphStore
from diplograph.web import context
from diplograph.web.terms import TermView, preferred_label
from diplograph.web.versioned import per_version

#: The classes pages and search ask about (a resource's own page reads its types from its statements).
AGENTS_AND_PLACES = ("Person", "State", "Organization", "City", "Place")
KINDS = (*AGENTS_AND_PLACES, "Meeting", "Article", "Position", "MeetingStatus")

LABELS = "SELECT DISTINCT ?item ?name WHERE { ?item rdfs:label ?name }"
TITLES = "SELECT DISTINCT ?item ?name WHERE { ?item dcterms:title ?name }"
PREFERRED = "SELECT DISTINCT ?item ?name WHERE { ?item skos:prefLabel ?name }"
ALIASES = "SELECT DISTINCT ?item ?name WHERE { ?item skos:altLabel ?name }"
TYPES = (
    "SELECT DISTINCT ?item ?kind WHERE { VALUES ?kind { "
    + " ".join(f"dg:{kind}" for kind in KINDS)
    + " } ?item a ?kind }"
)
SAME_AS = "SELECT DISTINCT ?item ?same WHERE { ?item owl:sameAs ?same }"
REPRESENTS = "SELECT DISTINCT ?item ?state WHERE { ?item dg:represents ?state }"


@dataclass
class Entities:
    """Names, kinds and links of every IRI, by IRI (lexical form)."""

    labels: dict[str, list[ox.Literal]] = field(default_factory=lambda: defaultdict(list))
    titles: dict[str, list[ox.Literal]] = field(default_factory=lambda: defaultdict(list))
    preferred: dict[str, list[ox.Literal]] = field(default_factory=lambda: defaultdict(list))
    aliases: dict[str, list[ox.Literal]] = field(default_factory=lambda: defaultdict(list))
    kinds: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    same_as: dict[str, list[ox.NamedNode]] = field(default_factory=lambda: defaultdict(list))
    serves: dict[str, list[ox.NamedNode]] = field(default_factory=lambda: defaultdict(list))
    served_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def label(self, iri: str) -> ox.Literal | None:
        """The preferred ``rdfs:label`` (English, then untagged, then any)."""
        found = self.labels.get(iri)
        return preferred_label(found) if found else None

    def name(self, iri: str) -> ox.Literal | None:
        """The preferred of its labels and titles (``rdfs:label``, ``dcterms:title``, ``skos:prefLabel``)."""
        found = [*self.labels.get(iri, ()), *self.titles.get(iri, ()), *self.preferred.get(iri, ())]
        return preferred_label(found) if found else None

    def names_and_aliases(self, iri: str) -> list[ox.Literal]:
        return [*self.labels.get(iri, ()), *self.aliases.get(iri, ())]

    def is_a(self, iri: str, local_name: str) -> bool:
        return str(DG) + local_name in self.kinds.get(iri, ())

    def wikidata(self, iri: str) -> ox.NamedNode | None:
        """Its Wikidata entity, if it has one (the smallest IRI, so the choice is stable)."""
        found = [same for same in self.same_as.get(iri, ()) if "wikidata.org/entity/" in same.value]
        return min(found, key=lambda node: node.value) if found else None

    def states_served(self, iri: str) -> list[ox.NamedNode]:
        """The states a person serves (``dg:represents`` on the person, as the gazetteer says)."""
        return sorted(self.serves.get(iri, ()), key=lambda node: node.value)


def read_entities(store: GraphStore) -> Entities:
    """Scan the names, kinds and links of the store (a few flat queries, once per version)."""
    found = Entities()
    names = (
        (LABELS, found.labels),
        (TITLES, found.titles),
        (PREFERRED, found.preferred),
        (ALIASES, found.aliases),
    )
    for sparql, table in names:
        for row in store.query(sparql):
            if isinstance(row["item"], ox.NamedNode) and isinstance(row["name"], ox.Literal):
                table[row["item"].value].append(row["name"])
    for row in store.query(TYPES):
        found.kinds[row["item"].value].add(row["kind"].value)
    for row in store.query(SAME_AS):
        if isinstance(row["same"], ox.NamedNode):
            found.same_as[row["item"].value].append(row["same"])
    for row in store.query(REPRESENTS):
        item = row["item"].value
        if isinstance(row["state"], ox.NamedNode) and str(DG.Person) in found.kinds.get(item, ()):
            found.serves[item].append(row["state"])
            found.served_by[row["state"].value].append(item)
    return found


def entities() -> Entities:
    """The current store version's entities."""
    return per_version("entities", lambda: read_entities(context().store))


def named(term: object, *, titles: bool = False, known: Entities | None = None) -> TermView:
    """A term as the templates show it, an IRI named by its preferred label (or label or title)."""
    linker = context().linker
    if not isinstance(term, ox.NamedNode):
        return linker.view(term)
    known = known if known is not None else entities()
    return linker.view(term, known.name(term.value) if titles else known.label(term.value))


def maybe_named(term: object, *, titles: bool = False, known: Entities | None = None) -> TermView | None:
    return named(term, titles=titles, known=known) if term is not None else None
