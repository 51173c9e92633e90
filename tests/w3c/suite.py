"""Reading the W3C SPARQL test manifests and comparing results, shared by the query and protocol runners.

Results are compared as the W3C test suite means them: solution sequences as multisets (as lists when the
query orders them) with blank nodes compared by placeholder and count, graphs by isomorphism, booleans
by value. Expected results come as .srx, .srj, .tsv, .csv (SPARQL results) or .ttl, .rdf, .nt (graphs).
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib
from rdflib.collection import Collection
from rdflib.compare import isomorphic

ROOT = Path(__file__).resolve().parents[2]
W3C = Path(ROOT).parent / "shared" / "w3c-sparql"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")

#: The query-evaluation manifests we run: SPARQL 1.0, SPARQL 1.1 queries and result formats.
QUERY_MANIFESTS = (
    "sparql10/manifest-evaluation.ttl",
    "sparql11/manifest-sparql11-query.ttl",
    "sparql11/manifest-sparql11-results.ttl",
)
EVALUATION_TYPES = (MF.QueryEvaluationTest, MF.CSVResultFormatTest)
RESULT_FORMATS = {
    ".srx": ox.QueryResultsFormat.XML,
    ".srj": ox.QueryResultsFormat.JSON,
    ".tsv": ox.QueryResultsFormat.TSV,
    ".csv": ox.QueryResultsFormat.CSV,
}


@dataclass(frozen=True)
class EvaluationTest:
    """One query-evaluation test: the query, its data (default graph and named graphs), the result."""

    id: str
    name: str
    query: Path
    data: tuple[Path, ...]
    graph_data: tuple[tuple[str, Path], ...]
    result: Path | None
    csv: bool = False

    @property
    def query_iri(self) -> str:
        return self.query.as_uri()


def short_id(iri: str) -> str:
    """``data-r2/basic/manifest#base-prefix-1`` rather than the test's whole IRI."""
    for prefix in (
        "http://www.w3.org/2001/sw/DataAccess/tests/",
        "http://www.w3.org/2009/sparql/docs/tests/",
    ):
        iri = iri.removeprefix(prefix)
    return iri


def parse_manifest(path: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(path, format="turtle", publicID=path.as_uri())


def _local(term: Any) -> Path:
    return Path(str(term).removeprefix("file://"))


def _entries(graph: rdflib.Graph, manifest: rdflib.URIRef, predicate: Any) -> list[Any]:
    items: list[Any] = []
    for head in graph.objects(manifest, predicate):
        items += list(Collection(graph, head))
    return items


def manifests_under(path: Path) -> Iterator[tuple[rdflib.Graph, rdflib.URIRef]]:
    """A manifest and every manifest it includes, depth first."""
    graph = parse_manifest(path)
    manifest = rdflib.URIRef(path.as_uri())
    yield graph, manifest
    for included in _entries(graph, manifest, MF.include):
        yield from manifests_under(_local(included))


def evaluation_tests() -> list[EvaluationTest]:
    tests = []
    for relative in QUERY_MANIFESTS:
        for graph, manifest in manifests_under(W3C / relative):
            for entry in _entries(graph, manifest, MF.entries):
                kinds = set(graph.objects(entry, rdflib.RDF.type))
                if not kinds & set(EVALUATION_TYPES):
                    continue
                action = graph.value(entry, MF.action)
                result = graph.value(entry, MF.result)
                named = tuple(
                    (str(item), _local(item)) for item in sorted(graph.objects(action, QT.graphData))
                )
                tests.append(
                    EvaluationTest(
                        id=short_id(str(entry)),
                        name=str(graph.value(entry, MF.name)),
                        query=_local(graph.value(action, QT.query)),
                        data=tuple(_local(item) for item in sorted(graph.objects(action, QT.data))),
                        graph_data=named,
                        result=_local(result) if result is not None else None,
                        csv=MF.CSVResultFormatTest in kinds,
                    )
                )
    return tests


# -- comparing ---------------------------------------------------------------------------------------------


def expected_results(test: EvaluationTest) -> Any:
    """The expected results: a bool, a list of solution dicts (with variables), or an rdflib Graph."""
    assert test.result is not None
    suffix = test.result.suffix
    if suffix in RESULT_FORMATS:
        return solutions_from(ox.parse_query_results(path=str(test.result), format=RESULT_FORMATS[suffix]))
    quads = list(ox.parse(path=str(test.result), base_iri=test.result.as_uri()))
    result_sets = [quad.subject for quad in quads if quad.object == RS_RESULT_SET]
    if result_sets:
        return solutions_from_rdf(quads, result_sets[0])
    return graph_from(quads)


RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
RS_RESULT_SET = ox.NamedNode(RS + "ResultSet")


def solutions_from_rdf(quads: list[ox.Quad], result_set: Any) -> Any:
    """Expected results written in RDF with the DAWG result-set vocabulary (rs:ResultSet)."""
    by_subject: dict[Any, list[ox.Quad]] = {}
    for quad in quads:
        by_subject.setdefault(quad.subject, []).append(quad)

    def values(subject: Any, local: str) -> list[Any]:
        return [quad.object for quad in by_subject.get(subject, []) if quad.predicate.value == RS + local]

    booleans = values(result_set, "boolean")
    if booleans:
        return booleans[0].value == "true"
    rows = []
    for solution in values(result_set, "solution"):
        row = {}
        for binding in values(solution, "binding"):
            row[values(binding, "variable")[0].value] = values(binding, "value")[0]
        index = values(solution, "index")
        rows.append((int(index[0].value) if index else 0, row))
    return [row for _, row in sorted(rows, key=lambda item: item[0])]


def solutions_from(results: Any) -> Any:
    if isinstance(results, ox.QueryBoolean):
        return bool(results)
    names = [variable.value for variable in results.variables]
    return [{name: row[name] for name in names if row[name] is not None} for row in results]


def graph_from(quads: Any) -> rdflib.Graph:
    graph = rdflib.Graph()
    for quad in quads:
        graph.add((_rdflib(quad.subject), _rdflib(quad.predicate), _rdflib(quad.object)))
    return graph


def _rdflib(term: Any) -> Any:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    with warnings.catch_warnings():  # ill-typed literals are test data here, not mistakes
        warnings.simplefilter("ignore")
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def _key(term: Any) -> Any:
    """A comparable form of a term; blank nodes compare through the mapping being built."""
    if isinstance(term, ox.Literal):
        return ("literal", term.value, (term.language or "").lower(), term.datatype.value)
    return (type(term).__name__, term.value)


def same_results(actual: Any, expected: Any, ordered: bool) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return actual is expected
    if isinstance(expected, rdflib.Graph) or isinstance(actual, rdflib.Graph):  # graphs: isomorphism
        return (
            isinstance(actual, rdflib.Graph)
            and isinstance(expected, rdflib.Graph)
            and isomorphic(actual, expected)
        )
    if len(actual) != len(expected):
        return False
    return _shapes(actual, ordered) == _shapes(expected, ordered) and _blanks(actual) == _blanks(expected)


def _shapes(rows: list[dict], ordered: bool) -> Any:
    """Rows with every blank node as one placeholder: a multiset (or a list when ordered).

    Together with equal counts of distinct blank nodes this stands in for blank-node isomorphism, whose
    exact search blows up on results with many interchangeable blank nodes (REDUCED, DISTINCT tests).
    """
    keyed = [
        frozenset(
            (name, ("blank",) if isinstance(term, ox.BlankNode) else _key(term)) for name, term in row.items()
        )
        for row in rows
    ]
    return keyed if ordered else Counter(keyed)


def _placeholder(term: Any) -> Any:
    return ("blank",) if isinstance(term, ox.BlankNode) else _key(term)


def _blanks(rows: list[dict]) -> int:
    return len({term.value for row in rows for term in row.values() if isinstance(term, ox.BlankNode)})


def is_ordered(query_text: str) -> bool:
    from diplograph.web.guard import keywords

    return "ORDER" in keywords(query_text)


def normalized_csv(data: bytes) -> list[str]:
    return [line.rstrip("\r") for line in data.decode("utf-8").strip().split("\n")]


def quads_of(default: tuple[Path, ...], named: tuple[tuple[str, Path], ...]) -> list[ox.Quad]:
    """The data of a test: ``default`` files in the default graph, ``named`` ones in graphs named by IRI.

    Parsed once with each file's own IRI as base, so relative IRIs resolve the same for both runners.
    """
    quads = []
    for path in default:
        quads += [
            ox.Quad(quad.subject, quad.predicate, quad.object)
            for quad in ox.parse(path=str(path), base_iri=path.as_uri())
        ]
    for iri, path in named:
        graph = ox.NamedNode(iri)
        quads += [
            ox.Quad(quad.subject, quad.predicate, quad.object, graph)
            for quad in ox.parse(path=str(path), base_iri=path.as_uri())
        ]
    return quads
