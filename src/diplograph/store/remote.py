"""Any SPARQL 1.1 engine over HTTP behind the ``GraphStore`` interface, for users who outgrow one machine.

Reads use the SPARQL 1.1 Protocol and come back as pyoxigraph results (``QuerySolutions``,
``QueryBoolean``, ``QueryTriples``), so the web app cannot tell the difference; writes use the SPARQL 1.1
Graph Store Protocol (PUT replaces one named graph). The engine's default graph should be the union of its
named graphs, as ours is (Oxigraph: ``--union-default-graph``; Virtuoso and GraphDB do so by default).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
import requests
from rdflib import Dataset, Graph, URIRef

from diplograph.errors import BadQuery, DiplographError, QueryTimeout
from diplograph.graph.namespaces import PREFIXES, bind_prefixes
from diplograph.store.local import GraphStore, _to_oxigraph, _to_rdflib

CONNECT_SECONDS = 5.0
READ_SECONDS = 60.0
WRITE_SECONDS = 300.0
RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
}
ACCEPT = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
    "application/n-triples;q=0.9, text/turtle;q=0.8, application/rdf+xml;q=0.5"
)
NAMED_GRAPHS = "SELECT DISTINCT ?graph WHERE { GRAPH ?graph { ?s ?p ?o } }"
GRAPH_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?graph { ?s ?p ?o } }"
QUAD_COUNT = "SELECT (COUNT(*) AS ?quads) WHERE { GRAPH ?graph { ?s ?p ?o } }"
ALL_QUADS = "SELECT ?s ?p ?o ?graph WHERE { GRAPH ?graph { ?s ?p ?o } }"


class EngineUnavailable(DiplographError):
    """The remote SPARQL engine cannot be reached or failed on its side."""

    http_status = 502


class RemoteGraphStore(GraphStore):
    """A SPARQL 1.1 engine: queries to ``endpoint``, graph writes to ``graph_store`` (GSP).

    ``graph_store`` defaults to Oxigraph's layout (``…/query`` → ``…/store``), else the endpoint itself.
    """

    def __init__(
        self,
        endpoint: str,
        graph_store: str | None = None,
        *,
        update_endpoint: str | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__(None, read_only)
        self.endpoint = endpoint
        self.graph_store = graph_store or sibling_url(endpoint, "store")
        self.update_endpoint = update_endpoint or sibling_url(endpoint, "update")
        self.session = requests.Session()

    @property
    def engine(self) -> ox.Store:
        raise DiplographError(f"{self.endpoint} is a remote engine: there is no local store to open")

    def store_version(self) -> int | None:
        """Unknown: the engine may change at any time without telling us (so no ETag)."""
        return None

    def last_modified(self) -> float | None:
        return None

    # -- reading ---------------------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        union: bool = True,
        default_graph: Any = None,
        named_graphs: Any = None,
        substitutions: dict[ox.Variable, Any] | None = None,
        timeout: float | None = None,
    ) -> Any:
        """Run SPARQL on the engine; our prefixes are declared and ``substitutions`` become a VALUES clause.

        With ``union=False`` the given graphs go as ``default-graph-uri`` / ``named-graph-uri``.
        """
        fields = [("query", _prologue() + sparql + _values_clause(substitutions))]
        if not union:
            fields += [("default-graph-uri", graph.value) for graph in _graph_list(default_graph)]
            fields += [("named-graph-uri", graph.value) for graph in _graph_list(named_graphs)]
        response = self._request(
            "POST",
            self.endpoint,
            data=fields,
            headers={"Accept": ACCEPT},
            read_seconds=timeout or READ_SECONDS,
        )
        return _results(response)

    def named_graphs(self) -> list[str]:
        return sorted(row["graph"] for row in self.select(NAMED_GRAPHS))

    def graph(self, name: URIRef | str) -> Graph:
        graph = bind_prefixes(Graph(identifier=URIRef(str(name))))
        triples = self.query(GRAPH_TRIPLES, substitutions={ox.Variable("graph"): ox.NamedNode(str(name))})
        for triple in triples:
            graph.add((_to_rdflib(triple.subject), _to_rdflib(triple.predicate), _to_rdflib(triple.object)))
        return graph

    def quad_count(self) -> int:
        return int(self.select(QUAD_COUNT)[0]["quads"])

    def dataset(self) -> Dataset:
        raise DiplographError("a remote engine has no rdflib Dataset here: query it with SPARQL")

    def dump(self, output: Any, format: ox.RdfFormat) -> None:
        """Every quad of the named graphs (held in memory: for exports, not for huge engines)."""
        quads = [ox.Quad(row["s"], row["p"], row["o"], row["graph"]) for row in self.query(ALL_QUADS)]
        ox.serialize(quads, output, format=format)

    # -- writing (Graph Store Protocol) ----------------------------------------------------------------

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """PUT the graph: the engine replaces that named graph in one request."""
        body = graph.serialize(format="nt", encoding="utf-8")
        self._write("PUT", {"graph": str(name)}, body, "application/n-triples")

    def drop_graph(self, name: URIRef) -> None:
        self._write("DELETE", {"graph": str(name)}, None, None, missing_ok=True)

    def load_file(self, path: Path, graph: URIRef | None = None) -> None:
        """POST the file as it is: quads to the store itself (as Oxigraph accepts), triples to ``graph``."""
        format = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
        parameters = {} if format.supports_datasets or graph is None else {"graph": str(graph)}
        with path.open("rb") as body:
            self._write("POST", parameters, body, format.media_type)

    def update(
        self, sparql: str, *, base_iri: str | None = None, prefixes: dict[str, str] | None = None
    ) -> None:
        """SPARQL 1.1 Update over the protocol (``application/sparql-update``)."""
        declared = prefixes if prefixes is not None else PREFIXES
        prologue = (f"BASE <{base_iri}>\n" if base_iri else "") + "".join(
            f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in declared.items()
        )
        if self.read_only:
            raise DiplographError(f"{self.endpoint}: opened read-only")
        self._request(
            "POST",
            self.update_endpoint,
            data=(prologue + sparql).encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
            read_seconds=WRITE_SECONDS,
        )

    def flush(self) -> None:
        """Nothing to do: every Graph Store Protocol request is its own transaction."""

    def close(self) -> None:
        self.session.close()

    def _write(
        self,
        method: str,
        parameters: dict[str, str],
        body: Any,
        media_type: str | None,
        missing_ok: bool = False,
    ) -> None:
        if self.read_only:
            raise DiplographError(f"{self.endpoint}: opened read-only")
        headers = {"Content-Type": media_type} if media_type else {}
        response = self._request(
            method,
            self.graph_store,
            params=parameters,
            data=body,
            headers=headers,
            read_seconds=WRITE_SECONDS,
            allowed=(404,) if missing_ok else (),
        )
        del response

    def _request(
        self, method: str, url: str, *, read_seconds: float, allowed: tuple[int, ...] = (), **arguments: Any
    ) -> requests.Response:
        """One HTTP request; the engine's 4xx is the user's query problem, anything else is the engine's."""
        try:
            response = self.session.request(method, url, timeout=(CONNECT_SECONDS, read_seconds), **arguments)
        except requests.Timeout as error:
            raise QueryTimeout(f"{url}: no answer within {read_seconds:g} s") from error
        except requests.RequestException as error:
            raise EngineUnavailable(f"{url}: cannot reach the SPARQL engine ({error})") from error
        if response.status_code in allowed or response.ok:
            return response
        message = f"{url}: {response.status_code} {response.reason}: {response.text.strip()[:2000]}"
        if 400 <= response.status_code < 500:
            raise BadQuery(message)
        raise EngineUnavailable(message)


def sibling_url(endpoint: str, service: str) -> str:
    """Oxigraph's layout: queries at ``…/query``, updates at ``…/update``, the Graph Store at ``…/store``;
    other engines serve them all at the endpoint itself (or are given them explicitly)."""
    return endpoint[: -len("/query")] + "/" + service if endpoint.endswith("/query") else endpoint


def _prologue() -> str:
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())


def _values_clause(substitutions: dict[ox.Variable, Any] | dict[str, Any] | None) -> str:
    """Bound variables as a trailing VALUES clause, joined before the solution modifiers (SPARQL 1.1 §18.2.4).

    Terms are written by pyoxigraph (``str(term)`` is their N-Triples form), never pasted from user text.
    """
    if not substitutions:
        return ""
    names = " ".join(
        str(variable) if isinstance(variable, ox.Variable) else f"?{variable}" for variable in substitutions
    )
    terms = " ".join(str(_to_oxigraph(term)) for term in substitutions.values())
    return f"\nVALUES ({names}) {{ ({terms}) }}\n"


def _graph_list(graphs: Any) -> list[ox.NamedNode]:
    if graphs is None:
        return []
    items = graphs if isinstance(graphs, list | tuple | set) else [graphs]
    return [graph for graph in items if isinstance(graph, ox.NamedNode)]


def _results(response: requests.Response) -> Any:
    """The engine's answer as the pyoxigraph results type the same query gives on a local store."""
    media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if media_type in RESULT_TYPES:
        return ox.parse_query_results(response.content, format=RESULT_TYPES[media_type])
    format = ox.RdfFormat.from_media_type(media_type) if media_type else None
    if format is None:
        raise EngineUnavailable(f"the SPARQL engine answered with an unexpected type {media_type!r}")
    # A real QueryTriples (with .serialize and iteration) from an in-memory store of the returned graph.
    scratch = ox.Store()
    scratch.load(response.content, format=format)
    return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")
