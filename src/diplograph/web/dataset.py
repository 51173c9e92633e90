"""Descriptions of the dataset for machines: the SPARQL service description and ``/.well-known/void``.

The statistics are counted with SPARQL once per store version (for a remote engine, which has no version,
every few minutes).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from flask import Blueprint, Response, request

from diplograph.graph.namespaces import DG, ONTOLOGY_IRI, PREFIXES
from diplograph.store import GraphStore
from diplograph.web import context
from diplograph.web.negotiation import GRAPH_FORMATS, Format, choose

blueprint = Blueprint("dataset", __name__)

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
DCTERMS = "http://purl.org/dc/terms/"
STATISTICS_SECONDS = 300.0

#: The vocabularies our data uses, announced as void:vocabulary.
VOCABULARIES = (
    ONTOLOGY_IRI,
    "http://purl.org/dc/terms/",
    "http://www.w3.org/ns/oa#",
    "http://www.w3.org/ns/prov#",
    "https://schema.org/",
    "http://www.w3.org/2004/02/skos/core#",
    "http://www.w3.org/2002/07/owl#",
    "http://www.w3.org/2000/01/rdf-schema#",
)

#: The classes counted in the home page and in VoID class partitions.
MAIN_CLASSES = ("Article", "Meeting", "MeetingReport", "Person", "State", "Organization", "Position")

COUNT_QUERY = "SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) WHERE { ?s ?p ?o }"
PROPERTIES_QUERY = "SELECT (COUNT(DISTINCT ?p) AS ?properties) WHERE { ?s ?p ?o }"
CLASSES_QUERY = """
SELECT ?class (COUNT(DISTINCT ?instance) AS ?instances) WHERE { ?instance a ?class } GROUP BY ?class
"""
GRAPHS_QUERY = "SELECT ?graph (COUNT(*) AS ?triples) WHERE { GRAPH ?graph { ?s ?p ?o } } GROUP BY ?graph"
EXAMPLES_QUERY = """
SELECT ?class (MIN(STR(?instance)) AS ?example) WHERE {
  VALUES ?class { dg:Meeting dg:Person dg:Article }
  ?instance a ?class
} GROUP BY ?class
"""


@dataclass(frozen=True)
class Statistics:
    triples: int
    subjects: int
    properties: int
    classes: dict[str, int]
    graphs: dict[str, int]
    examples: tuple[str, ...]

    def count(self, local_name: str) -> int:
        return self.classes.get(str(DG) + local_name, 0)


def compute_statistics(store: GraphStore) -> Statistics:
    """Count triples, subjects, properties, instances per class and triples per named graph."""
    totals = next(iter(store.query(COUNT_QUERY)))
    properties = next(iter(store.query(PROPERTIES_QUERY)))
    classes = {row["class"].value: int(row["instances"].value) for row in store.query(CLASSES_QUERY)}
    graphs = {
        row["graph"].value: int(row["triples"].value)
        for row in store.query(GRAPHS_QUERY)
        if isinstance(row["graph"], ox.NamedNode)
    }
    examples = tuple(
        row["example"].value for row in store.query(EXAMPLES_QUERY) if row["example"] is not None
    )
    return Statistics(
        triples=int(totals["triples"].value),
        subjects=int(totals["subjects"].value),
        properties=int(properties["properties"].value),
        classes=classes,
        graphs=graphs,
        examples=examples,
    )


def statistics() -> Statistics:
    """The current store's statistics: once per store version (counting scans the whole store), or for
    ``STATISTICS_SECONDS`` on a store that cannot tell its version (a remote engine)."""
    from diplograph.web.caching import remembered

    web = context()
    if store_version(web.store) is not None:
        return remembered("statistics", lambda: compute_statistics(web.store))
    cached = web.cache.get("statistics")
    now = time.monotonic()
    if isinstance(cached, tuple) and now - cached[0] < STATISTICS_SECONDS:
        return cached[1]  # type: ignore[no-any-return]
    computed = compute_statistics(web.store)
    web.cache["statistics"] = (now, computed)
    return computed


@dataclass(frozen=True)
class StoreVersion:
    """What changes whenever the store's content may have changed: for ETag and Last-Modified."""

    tag: str
    modified: float  # seconds since the epoch


def store_version(store: GraphStore) -> StoreVersion | None:
    """The version of the store being read, for ETag and Last-Modified; ``None`` when nothing can tell
    (a remote engine). The one place that asks the store for it."""
    version = store.store_version()
    if version is None:
        return None
    modified = store.last_modified()
    return StoreVersion(str(version), modified if modified is not None else time.time())


def serialize_triples(triples: Iterable[ox.Triple], chosen: Format) -> bytes:
    """Small graphs (descriptions, VoID, the ontology) serialized by pyoxigraph with our prefixes."""
    assert isinstance(chosen.engine, ox.RdfFormat), f"{chosen.label} is not an RDF format"
    body = ox.serialize(list(triples), format=chosen.engine, prefixes={**PREFIXES, "sd": SD})
    return body or b""


def _literal(value: object) -> ox.Literal:
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(str(value), language="en")


def service_description(
    endpoint: str, formats: Iterable[Format], *, updates: bool = False, union: bool = True
) -> list[ox.Triple]:
    """An sd:Service for the endpoint: its languages, result formats and default graph."""
    service = ox.BlankNode()
    default_dataset = ox.BlankNode()
    default_graph = ox.BlankNode()
    sd = lambda name: ox.NamedNode(SD + name)  # noqa: E731
    triples = [
        ox.Triple(service, RDF_TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("defaultDataset"), default_dataset),
        ox.Triple(default_dataset, RDF_TYPE, sd("Dataset")),
        ox.Triple(default_dataset, sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, RDF_TYPE, sd("Graph")),
        ox.Triple(
            default_graph,
            ox.NamedNode(DCTERMS + "description"),
            _literal(
                "The default graph is the union of all named graphs (articles, meetings, ontology)."
                if union
                else "The default graph is the store's own default graph."
            ),
        ),
    ]
    if union:
        triples.append(ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")))
    if updates:
        triples.append(ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Update")))
    for candidate in formats:
        if candidate.iri:
            triples.append(ox.Triple(service, sd("resultFormat"), ox.NamedNode(candidate.iri)))
    return triples


def void_description(base: str, stats: Statistics) -> list[ox.Triple]:
    """A void:Dataset with its endpoint, URI space, vocabularies, examples, statistics and subsets."""
    dataset = ox.NamedNode(base + ".well-known/void#dataset")
    void = lambda name: ox.NamedNode(VOID + name)  # noqa: E731
    triples = [
        ox.Triple(dataset, RDF_TYPE, void("Dataset")),
        ox.Triple(dataset, ox.NamedNode(DCTERMS + "title"), _literal("Diplograph")),
        ox.Triple(
            dataset,
            ox.NamedNode(DCTERMS + "description"),
            _literal(
                "A knowledge graph of diplomacy built from news articles: meetings, participants, positions."
            ),
        ),
        ox.Triple(dataset, void("sparqlEndpoint"), ox.NamedNode(base + "sparql")),
        ox.Triple(dataset, void("uriSpace"), ox.Literal(base + "id/")),
        ox.Triple(dataset, void("triples"), _literal(stats.triples)),
        ox.Triple(dataset, void("distinctSubjects"), _literal(stats.subjects)),
        ox.Triple(dataset, void("properties"), _literal(stats.properties)),
        ox.Triple(dataset, void("classes"), _literal(len(stats.classes))),
    ]
    triples += [ox.Triple(dataset, void("vocabulary"), ox.NamedNode(iri)) for iri in VOCABULARIES]
    triples += [ox.Triple(dataset, void("exampleResource"), ox.NamedNode(iri)) for iri in stats.examples]
    for local_name in MAIN_CLASSES:
        partition = ox.BlankNode()
        triples += [
            ox.Triple(dataset, void("classPartition"), partition),
            ox.Triple(partition, void("class"), ox.NamedNode(str(DG) + local_name)),
            ox.Triple(partition, void("entities"), _literal(stats.count(local_name))),
        ]
    article_graphs = base + "graph/article/"
    articles_subset = ox.NamedNode(base + ".well-known/void#articles")
    article_triples = sum(count for graph, count in stats.graphs.items() if graph.startswith(article_graphs))
    triples += [
        ox.Triple(dataset, void("subset"), articles_subset),
        ox.Triple(articles_subset, RDF_TYPE, void("Dataset")),
        ox.Triple(articles_subset, ox.NamedNode(DCTERMS + "title"), _literal("One named graph per article")),
        ox.Triple(articles_subset, void("triples"), _literal(article_triples)),
    ]
    for graph, count in sorted(stats.graphs.items()):
        if graph.startswith(article_graphs):
            continue
        subset = ox.NamedNode(graph)
        triples += [
            ox.Triple(dataset, void("subset"), subset),
            ox.Triple(subset, RDF_TYPE, void("Dataset")),
            ox.Triple(subset, void("triples"), _literal(count)),
        ]
    return triples


@blueprint.route("/.well-known/void")
def void() -> Response:
    chosen = choose(request, GRAPH_FORMATS[:4])
    body = serialize_triples(void_description(context().settings.base, statistics()), chosen)
    return Response(body, content_type=chosen.content_type)
