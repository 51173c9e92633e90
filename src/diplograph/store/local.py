"""The Oxigraph store on disk: the only module that writes the graph.

Each article lives in its own named graph, replaced in one SPARQL Update (one transaction), so a reader never
sees half an article and a failed ingest leaves the previous version intact.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from diplograph.errors import BadQuery, StoreBusy
from diplograph.graph.namespaces import PREFIXES, bind_prefixes

log = logging.getLogger(__name__)


class GraphStore:
    """A small facade over ``pyoxigraph.Store`` with the operations the pipeline and the web app need."""

    def __init__(self, store: ox.Store, path: Path | None, read_only: bool) -> None:
        self.engine = store
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> GraphStore:
        path = Path(path)
        try:
            if read_only:
                return cls(ox.Store.read_only(str(path)), path, True)
            path.mkdir(parents=True, exist_ok=True)
            return cls(ox.Store(str(path)), path, False)
        except OSError as error:
            raise StoreBusy(f"{path}: cannot open the store ({error})") from error

    @classmethod
    def in_memory(cls) -> GraphStore:
        return cls(ox.Store(), None, False)

    # -- writing ---------------------------------------------------------------------------------------

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Swap the content of one named graph atomically (drop and insert in one update)."""
        body = graph.serialize(format="nt")
        self.engine.update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}")

    def drop_graph(self, name: URIRef) -> None:
        self.engine.update(f"DROP SILENT GRAPH <{name}>")

    def load_file(self, path: Path, graph: URIRef | None = None) -> None:
        """Load an RDF file as it is; quads keep their graph, triples go to ``graph``."""
        format = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
        target = ox.NamedNode(str(graph)) if graph is not None else None
        if format.supports_datasets:
            self.engine.bulk_load(path=str(path), format=format)
        else:
            self.engine.bulk_load(path=str(path), format=format, to_graph=target)

    def flush(self) -> None:
        self.engine.flush()

    # -- reading ---------------------------------------------------------------------------------------

    def query(self, sparql: str, *, union: bool = True, **options: Any) -> Any:
        """Run SPARQL on Oxigraph's own engine; the default graph is the union of all graphs."""
        try:
            return self.engine.query(sparql, use_default_graph_as_union=union, prefixes=PREFIXES, **options)
        except SyntaxError as error:
            raise BadQuery(str(error)) from error

    def select(self, sparql: str, **substitutions: Any) -> list[dict[str, Any]]:
        """SELECT as a list of {variable: python value}; bind values with keyword arguments."""
        bound = {ox.Variable(name): _to_oxigraph(value) for name, value in substitutions.items()}
        solutions = self.query(sparql, substitutions=bound or None)
        names = [variable.value for variable in solutions.variables]
        return [{name: _to_python(row[name]) for name in names} for row in solutions]

    def named_graphs(self) -> list[str]:
        return sorted(graph.value for graph in self.engine.named_graphs() if isinstance(graph, ox.NamedNode))

    def graph(self, name: URIRef | str) -> Graph:
        """One named graph copied into an in-memory rdflib Graph (small graphs: articles, meetings)."""
        graph = bind_prefixes(Graph(identifier=URIRef(str(name))))
        for quad in self.engine.quads_for_pattern(None, None, None, ox.NamedNode(str(name))):
            graph.add((_to_rdflib(quad.subject), _to_rdflib(quad.predicate), _to_rdflib(quad.object)))
        return graph

    def quad_count(self) -> int:
        return len(self.engine)

    def dataset(self) -> Dataset:
        """The whole store as an rdflib Dataset through oxrdflib (for validation and export)."""
        from oxrdflib import OxigraphStore

        dataset = Dataset(store=OxigraphStore(store=self.engine))
        return bind_prefixes(dataset)  # type: ignore[return-value]

    def dump(self, output: Any, format: ox.RdfFormat) -> None:
        self.engine.dump(output, format=format)


@contextmanager
def opened(path: Path, *, read_only: bool = False) -> Iterator[GraphStore]:
    store = GraphStore.open(path, read_only=read_only)
    try:
        yield store
    finally:
        if not read_only:
            store.flush()


def _to_oxigraph(value: Any) -> Any:
    from rdflib import Literal as RdfLiteral

    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, RdfLiteral):
        if value.language:
            return ox.Literal(str(value), language=value.language)
        if value.datatype:
            return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
        return ox.Literal(str(value))
    if isinstance(value, str):
        return ox.Literal(value)
    return value


def _to_rdflib(term: Any) -> Any:
    from rdflib import BNode
    from rdflib import Literal as RdfLiteral

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        return RdfLiteral(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unsupported term {term!r}")


def _to_python(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return _to_rdflib(term).toPython()
    return term.value


def all_quads(store: GraphStore) -> Iterable[ox.Quad]:
    return store.engine.quads_for_pattern(None, None, None, None)
