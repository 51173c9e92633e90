"""Reading the W3C SPARQL test manifests and comparing results, shared by the query and protocol runners.

Results are compared as the W3C test suite means them: solution sequences as multisets (as lists when the
query orders them, with at most the expected count of each solution under ``mf:LaxCardinality``), equal up
to a consistent renaming of blank nodes; graphs by isomorphism; booleans by value. Literals compare by
lexical form, datatype and language exactly as written, with no normalisation on either side. Expected
results come as .srx, .srj, .tsv, .csv (SPARQL results) or .ttl, .rdf, .nt (graphs).
"""

from __future__ import annotations

import csv
import io
import re
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
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery

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
    lax_cardinality: bool = False

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
                query = _local(graph.value(action, QT.query))
                named = {str(item): _local(item) for item in sorted(graph.objects(action, QT.graphData))}
                named.update({iri: path for iri, path in dataset_graphs(query) if iri not in named})
                tests.append(
                    EvaluationTest(
                        id=short_id(str(entry)),
                        name=str(graph.value(entry, MF.name)),
                        query=query,
                        data=tuple(_local(item) for item in sorted(graph.objects(action, QT.data))),
                        graph_data=tuple(named.items()),
                        result=_local(result) if result is not None else None,
                        csv=MF.CSVResultFormatTest in kinds,
                        lax_cardinality=(entry, MF.resultCardinality, MF.LaxCardinality) in graph,
                    )
                )
    return tests


def dataset_graphs(query: Path) -> list[tuple[str, Path]]:
    """The local files a query names in FROM and FROM NAMED, each to be loaded as the graph of that IRI.

    The suites expect the engine to fetch these (as Oxigraph's own runner does); the IRIs resolve against
    the query file's IRI, so they are the data files' ``file:`` IRIs.
    """
    text = query.read_text(encoding="utf-8")
    if not re.search(r"\bFROM\b", text, re.IGNORECASE):
        return []
    try:
        clauses = translateQuery(parseQuery(text), base=query.as_uri()).algebra.get("datasetClause") or []
    except Exception:  # rdflib's parser lags on some SPARQL 1.1 syntax: such a query just loads nothing
        return []
    iris = [str(clause.default or clause.named) for clause in clauses]
    return [(iri, _local(iri)) for iri in iris if iri.startswith("file:") and _local(iri).is_file()]


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
    """A boolean, or the solutions as dicts of the bound variables."""
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
    """The rdflib term, lexical form kept as written (rdflib would otherwise canonicalise typed literals)."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    with warnings.catch_warnings():  # ill-typed literals are test data here, not mistakes
        warnings.simplefilter("ignore")
        if term.language:
            return rdflib.Literal(term.value, lang=term.language, normalize=False)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value), normalize=False)


def _key(term: Any, separator: str | None = None) -> Any:
    """A comparable form of a term other than a blank node: lexical form, language and datatype as written.

    With a ``separator`` (the term is a GROUP_CONCAT result) the parts compare as a multiset: SPARQL leaves
    the order of the aggregated values undefined (SPARQL 1.1, 11.4.7 and 18.5).
    """
    if isinstance(term, ox.Literal):
        value: Any = term.value
        if separator is not None:
            value = tuple(sorted(value.split(separator))) if separator else tuple(sorted(value))
        return ("literal", value, (term.language or "").lower(), term.datatype.value)
    return (type(term).__name__, term.value)


#: ``GROUP_CONCAT(... ; SEPARATOR="x") AS ?name``: the variable and its separator (a single space by default).
GROUP_CONCAT = re.compile(
    r"GROUP_CONCAT\s*\([^;()]*(?:;\s*SEPARATOR\s*=\s*(?P<quote>[\"'])(?P<separator>.*?)(?P=quote))?\s*\)"
    r"\s*AS\s*[?$](?P<name>\w+)",
    re.IGNORECASE,
)


def group_concat_separators(query_text: str) -> dict[str, str]:
    """The variables a query binds to a GROUP_CONCAT, with each one's separator."""
    return {
        match["name"]: " " if match["separator"] is None else match["separator"]
        for match in GROUP_CONCAT.finditer(query_text)
    }


@dataclass(frozen=True)
class _Row:
    """A solution split into its blank-node-free part (``shape``) and its blank nodes (variable, label)."""

    shape: frozenset
    blanks: tuple[tuple[str, str], ...]


def _row(solution: dict, separators: dict[str, str]) -> _Row:
    shape = frozenset(
        (name, ("blank",) if isinstance(term, ox.BlankNode) else _key(term, separators.get(name)))
        for name, term in solution.items()
    )
    blanks = tuple(
        sorted((name, term.value) for name, term in solution.items() if isinstance(term, ox.BlankNode))
    )
    return _Row(shape, blanks)


def same_results(
    actual: Any,
    expected: Any,
    ordered: bool,
    lax_cardinality: bool = False,
    separators: dict[str, str] | None = None,
) -> bool:
    """Whether ``actual`` answers as ``expected`` does, in the W3C suites' sense (see the module docstring).

    ``separators`` names the GROUP_CONCAT variables (see ``group_concat_separators``); with
    ``lax_cardinality`` (REDUCED tests) each solution may come fewer times than expected, but at least once.
    """
    if isinstance(expected, bool) or isinstance(actual, bool):
        return actual is expected
    if isinstance(expected, rdflib.Graph) or isinstance(actual, rdflib.Graph):  # graphs: isomorphism
        return (
            isinstance(actual, rdflib.Graph)
            and isinstance(expected, rdflib.Graph)
            and isomorphic(actual, expected)
        )
    got = [_row(solution, separators or {}) for solution in actual]
    wanted = [_row(solution, separators or {}) for solution in expected]
    if lax_cardinality:  # each distinct solution at least once, and no more often than expected
        if len(got) > len(wanted):
            return False
        got, wanted = list(dict.fromkeys(got)), list(dict.fromkeys(wanted))
    if len(got) != len(wanted):
        return False
    if ordered:
        return (
            all(a.shape == b.shape for a, b in zip(got, wanted, strict=True))
            and _extends({}, {}, [(a.blanks, b.blanks) for a, b in zip(got, wanted, strict=True)]) is not None
        )
    if Counter(row.shape for row in got) != Counter(row.shape for row in wanted):
        return False
    return _BlankMatcher(got, wanted).match()


def _extends(
    forward: dict[str, str], backward: dict[str, str], pairs: list[tuple[tuple, tuple]]
) -> list[str] | None:
    """Extend the bijection (``forward``: actual → expected labels) so each pair of rows' blanks agree.

    Returns the actual labels newly mapped (to undo them), or None (and the mappings unchanged) on conflict.
    """
    added: list[str] = []
    for actual_blanks, expected_blanks in pairs:
        for (name, label), (other_name, other) in zip(actual_blanks, expected_blanks, strict=True):
            known, reverse = forward.get(label), backward.get(other)
            if (
                name != other_name
                or (known is not None and known != other)
                or (reverse is not None and reverse != label)
            ):
                for undo in added:
                    del backward[forward.pop(undo)]
                return None
            if known is None:
                forward[label], backward[other] = other, label
                added.append(label)
    return added


class _BlankMatcher:
    """Pairs actual rows with blank nodes to expected rows of the same shape under one bijection of labels.

    Backtracking over rows; candidates come only from the expected rows with the same blank-node-free part,
    and identical expected rows (duplicates) are tried once per step, which keeps multisets cheap.
    """

    def __init__(self, actual: list[_Row], expected: list[_Row]) -> None:
        self.groups: dict[frozenset, list[_Row]] = {}
        for row in expected:
            if row.blanks:
                self.groups.setdefault(row.shape, []).append(row)
        self.rows = sorted((row for row in actual if row.blanks), key=lambda row: len(self.groups[row.shape]))
        self.used: set[int] = set()
        self.forward: dict[str, str] = {}
        self.backward: dict[str, str] = {}

    def match(self, index: int = 0) -> bool:
        if index == len(self.rows):
            return True
        row = self.rows[index]
        tried: set[tuple] = set()
        for candidate in self.groups[row.shape]:
            if id(candidate) in self.used or candidate.blanks in tried:
                continue
            tried.add(candidate.blanks)
            added = _extends(self.forward, self.backward, [(row.blanks, candidate.blanks)])
            if added is None:
                continue
            self.used.add(id(candidate))
            if self.match(index + 1):
                return True
            self.used.discard(id(candidate))
            for label in added:
                del self.backward[self.forward.pop(label)]
        return False


def is_ordered(query_text: str) -> bool:
    from diplograph.web.guard import keywords

    return "ORDER" in keywords(query_text)


def csv_solutions(data: bytes) -> tuple[list[str], list[dict]]:
    """A CSV result (SPARQL 1.1 CSV/TSV Results, section 3) as its columns and its rows of terms.

    CSV keeps no term kinds: ``_:label`` cells are blank nodes, other non-empty cells plain strings, and
    an empty cell is unbound (the format cannot tell it from an empty string).
    """
    table = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    header, rows = (table[0], table[1:]) if table else ([], [])

    def term(cell: str) -> Any:
        return ox.BlankNode(cell[2:]) if cell.startswith("_:") else ox.Literal(cell)

    return header, [
        {name: term(cell) for name, cell in zip(header, row, strict=True) if cell} for row in rows if row
    ]


def quads_of(default: tuple[Path, ...], named: tuple[tuple[str, Path], ...]) -> list[ox.Quad]:
    """The data of a test: ``default`` files in the default graph, ``named`` ones in graphs named by IRI.

    Parsed once with each file's own IRI as base, so relative IRIs resolve the same for both runners. Each
    file's blank nodes are its own (an RDF merge): ``_:x`` in two files are two different nodes.
    """
    files = [(ox.DefaultGraph(), path) for path in default]
    files += [(ox.NamedNode(iri), path) for iri, path in named]
    quads = []
    for graph, path in files:
        fresh: dict[str, ox.BlankNode] = {}

        def own(term: Any, fresh: dict[str, ox.BlankNode] = fresh) -> Any:
            return fresh.setdefault(term.value, ox.BlankNode()) if isinstance(term, ox.BlankNode) else term

        quads += [
            ox.Quad(own(quad.subject), quad.predicate, own(quad.object), graph)
            for quad in ox.parse(path=str(path), base_iri=path.as_uri())
        ]
    return quads
