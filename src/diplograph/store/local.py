"""The Oxigraph store on disk: the only module that writes the graph.

Each article lives in its own named graph, replaced in one SPARQL Update (one transaction). Writes go to a
new store version that readers see only once it is complete (see ``versions``), so a reader never sees
half a batch and a failed ingest leaves the published version intact.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from diplograph.errors import BadQuery, StoreBusy
from diplograph.graph.namespaces import PREFIXES, bind_prefixes
from diplograph.store.versions import Snapshot, VersionedFolder

log = logging.getLogger(__name__)

REFRESH_SECONDS = 1.0  # how often a reader checks for a newly published version


class GraphStore:
    """A small facade over ``pyoxigraph.Store`` with the operations the pipeline and the web app need.

    On disk it reads the published version of a ``VersionedFolder`` (and switches to a newer one within
    a second of its publication) and writes into a draft version that ``flush()`` publishes.
    """

    def __init__(
        self, folder: VersionedFolder | None, read_only: bool, engine: ox.Store | None = None
    ) -> None:
        self.folder = folder
        self.path = folder.root if folder is not None else None
        self.read_only = read_only
        self._memory = engine
        self._snapshot: Snapshot | None = None
        self._stamp: tuple[int, int] | None = None
        self._checked = 0.0
        self._refreshing = threading.Lock()
        self._writer: IO[bytes] | None = None
        self._draft: tuple[int, ox.Store] | None = None
        self._writes = 0

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> GraphStore:
        """Open the store folder: readers get the published version; a writer takes the writer lock (a
        second writer gets ``StoreBusy`` at once) and writes a new version that ``flush()`` publishes."""
        folder = VersionedFolder(Path(path))
        store = cls(folder, read_only)
        if not read_only:
            store._writer = folder.acquire_writer()
            folder.remove_stale()
        if folder.published() is not None or read_only:
            store._stamp = folder.stamp()
            store._snapshot = folder.open_published()
            store._checked = time.monotonic()
        return store

    @classmethod
    def in_memory(cls) -> GraphStore:
        return cls(None, False, ox.Store())

    @property
    def engine(self) -> ox.Store:
        """The pyoxigraph store to read (and, for a writer, to write) right now."""
        if self._memory is not None:
            return self._memory
        if self._draft is not None:
            return self._draft[1]
        snapshot = self._current()
        if snapshot is None:
            self._memory = ox.Store()  # nothing published yet: read as empty until the first write
            return self._memory
        return snapshot.engine

    def store_version(self) -> int | None:
        """The published version this store reads (it changes when a writer publishes; use it for ETags).

        0 for a store from before versions; for an in-memory store, the number of writes so far.
        """
        if self.folder is None:
            return self._writes
        snapshot = self._current()
        return snapshot.version if snapshot is not None else None

    def last_modified(self) -> float | None:
        """Unix time at which the version this store reads was published (for Last-Modified)."""
        if self.folder is None:
            return None
        if self._stamp is not None and self._draft is None:
            return self._stamp[1] / 1e9  # the pointer's mtime, read when this version was opened
        return self.folder.published_at()

    def _current(self) -> Snapshot | None:
        """The snapshot to read, reopened on the newly published version when the pointer has changed
        (checked at most once per ``REFRESH_SECONDS``). A writer never refreshes: nobody else publishes."""
        if self.read_only and self.folder is not None and time.monotonic() - self._checked >= REFRESH_SECONDS:
            with self._refreshing:
                if time.monotonic() - self._checked >= REFRESH_SECONDS:
                    self._switch_if_published()
        return self._snapshot

    def refresh(self) -> None:
        """Read the newest published version from now on (one ``stat`` when nothing changed).

        The multi-process server calls this before each request, so that a request sees every version
        published before it started, whichever process applied the update."""
        if self.read_only and self.folder is not None:
            with self._refreshing:
                self._switch_if_published()

    def _switch_if_published(self) -> None:
        assert self.folder is not None
        stamp = self.folder.stamp()
        if stamp != self._stamp:
            self._snapshot = self.folder.open_published()
            self._stamp = stamp
            log.info("switched to version %s of %s", self._snapshot.version, self.path)
        self._checked = time.monotonic()

    # -- writing ---------------------------------------------------------------------------------------

    def _writable(self) -> ox.Store:
        """The engine to write into: the in-memory store, or a draft version made on the first write."""
        if self._memory is not None and self.folder is None:
            self._writes += 1
            return self._memory
        if self.read_only or self.folder is None:
            raise StoreBusy(f"{self.path}: the store is open read-only")
        with self._refreshing:
            if self._draft is None:
                base = self._snapshot.engine if self._snapshot is not None else None
                self._draft = self.folder.create_draft(base)
                self._memory = None
            return self._draft[1]

    def update(
        self, sparql: str, *, base_iri: str | None = None, prefixes: dict[str, str] | None = None
    ) -> None:
        """Run a SPARQL Update on the draft; readers see it once ``flush()`` publishes."""
        try:
            self._writable().update(sparql, base_iri=base_iri, prefixes=prefixes or PREFIXES)
        except SyntaxError as error:
            raise BadQuery(str(error)) from error

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Swap the content of one named graph atomically (drop and insert in one update)."""
        body = graph.serialize(format="nt")
        self._writable().update(
            f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}"
        )

    def drop_graph(self, name: URIRef) -> None:
        self._writable().update(f"DROP SILENT GRAPH <{name}>")

    def load_file(self, path: Path, graph: URIRef | None = None) -> None:
        """Load an RDF file as it is; quads keep their graph, triples go to ``graph``."""
        format = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
        target = ox.NamedNode(str(graph)) if graph is not None else None
        engine = self._writable()
        if format.supports_datasets:
            engine.bulk_load(path=str(path), format=format)
        else:
            engine.bulk_load(path=str(path), format=format, to_graph=target)

    def flush(self) -> None:
        """Make the writes so far durable and visible to readers: close the draft, publish it, remove stale
        versions, and go on reading the published version (the next write starts a new draft)."""
        if self._draft is None or self.folder is None:
            if self._memory is not None:
                self._memory.flush()
            return
        version, engine = self._draft
        engine.flush()
        self._draft = None
        del engine
        _ensure_closed(self.folder.location(version))
        self.folder.publish(version)
        self.folder.remove_stale()
        self._snapshot = self.folder.open_published()
        self._stamp = self.folder.stamp()

    def close(self) -> None:
        """Let go of the engine and the locks; unpublished writes are discarded (the next writer removes
        the draft)."""
        self._draft = None
        self._snapshot = None
        self._memory = None
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def __del__(self) -> None:
        if getattr(self, "_writer", None) is not None:
            self._writer.close()  # type: ignore[union-attr]

    # -- reading ---------------------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        union: bool = True,
        default_graph: Any = None,
        named_graphs: Any = None,
        substitutions: dict[ox.Variable, Any] | None = None,
    ) -> Any:
        """Run SPARQL on Oxigraph's own engine; the default graph is the union of all graphs."""
        try:
            return self.engine.query(
                sparql,
                use_default_graph_as_union=union,
                prefixes=PREFIXES,
                default_graph=default_graph,
                named_graphs=named_graphs,
                substitutions=substitutions,
            )
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
    """A store that publishes its writes on a normal exit and lets go of its locks in any case."""
    store = GraphStore.open(path, read_only=read_only)
    try:
        yield store
        if not read_only:
            store.flush()
    finally:
        store.close()


def _ensure_closed(location: Path) -> None:
    """Publishing a version still open for writing would let RocksDB compact it under its readers, so
    check that the draft's RocksDB lock is free (pyoxigraph closes a store when its last reference goes)."""
    gc.collect()
    try:
        probe = ox.Store(str(location))
    except OSError as error:
        raise StoreBusy(f"{location}: the new version is still open in this process ({error})") from error
    del probe


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
