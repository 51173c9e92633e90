"""Running a checked SPARQL query on the engine, in this process: small results whole, large ones streamed.

pyoxigraph releases the GIL while it evaluates, so a query runs in the request's own thread and the
process's watchdog (``watchdog``) can still stop it at its deadline; there is no round trip to another
process and no thread for the common, small result. The engine serializes into memory up to
``WHOLE_BYTES``, and that result is sent in one piece with its length. A larger one is run again in a
thread that streams it (``streaming.stream_query``): pyoxigraph's results belong to the thread that made
them and its serializer cannot be paused, so the first run cannot be handed over. The price is evaluating
the beginning of a large result twice (all of it before the first row, for a large sorted result).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from diplograph.errors import BadQuery
from diplograph.store import GraphStore, RemoteGraphStore
from diplograph.web.negotiation import GRAPH_FORMATS, RESULT_FORMATS, Format, NotAcceptable, describe
from diplograph.web.streaming import stream_query

#: Results up to this size are sent whole, with a Content-Length; larger ones are streamed.
WHOLE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class QueryJob:
    """A query with its dataset and the formats the client accepts for each kind of result.

    ``results`` (SELECT, ASK) and ``graph`` (CONSTRUCT, DESCRIBE) are negotiated before the query's kind is
    known; ``None``: that kind is not acceptable.
    """

    sparql: str
    results: Format | None
    graph: Format | None
    union: bool = True
    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    base_iri: str | None = None
    prefixes: dict[str, str] = field(default_factory=dict)


class WholeBody:
    """A response body serialized in full: ``complete`` is all of it."""

    def __init__(self, complete: bytes) -> None:
        self.complete = complete

    def __iter__(self) -> Iterator[bytes]:
        yield self.complete

    def close(self) -> None:
        """Nothing to stop: the engine is done."""


def answer(job: QueryJob, store: GraphStore, timeout: float) -> tuple[Format, Any]:
    """Run ``job``; return the format chosen for its kind and the body (``WholeBody`` or a stream to close).

    Raises ``BadQuery`` (syntax) and ``NotAcceptable`` before anything is sent. ``timeout`` bounds a remote
    engine's answer; a local query is bounded by the process's watchdog.
    """
    results = evaluate(job, store, timeout)
    chosen = choose(job, results)
    limit = None if isinstance(store, RemoteGraphStore) else WHOLE_BYTES  # remote results are in memory
    data = serialize_up_to(results, chosen, limit)
    if data is not None:
        return chosen, WholeBody(data)
    del results  # the run in the streaming thread starts afresh

    def serialize(results: Any, chosen: Format, writer: Any) -> None:
        results.serialize(writer, chosen.engine)

    return stream_query(
        lambda: evaluate(job, store, timeout), lambda results: choose(job, results), serialize
    )


def evaluate(job: QueryJob, store: GraphStore, timeout: float) -> Any:
    """The engine's lazy results (``QuerySolutions``, ``QueryBoolean`` or ``QueryTriples``)."""
    options = dataset_options(job)
    if isinstance(store, RemoteGraphStore):
        return store.query(
            job.sparql,
            union=options["use_default_graph_as_union"],
            default_graph=options.get("default_graph"),
            named_graphs=options.get("named_graphs"),
            timeout=timeout,
        )
    try:
        return store.engine.query(job.sparql, base_iri=job.base_iri, prefixes=job.prefixes or None, **options)
    except SyntaxError as error:
        raise BadQuery(str(error)) from error


def dataset_options(job: QueryJob) -> dict[str, Any]:
    """The engine's dataset options: the union default graph, or the graphs the request names."""
    options: dict[str, Any] = {"use_default_graph_as_union": job.union}
    if job.default_graph is not None:
        options["use_default_graph_as_union"] = False
        options["default_graph"] = [ox.NamedNode(iri) for iri in job.default_graph]
    if job.named_graphs is not None:
        options["named_graphs"] = [ox.NamedNode(iri) for iri in job.named_graphs]
    return options


def choose(job: QueryJob, results: Any) -> Format:
    """The negotiated format for this kind of result, or ``NotAcceptable`` naming the ones it can take."""
    is_graph = isinstance(results, ox.QueryTriples)
    chosen = job.graph if is_graph else job.results
    if chosen is None:
        family = GRAPH_FORMATS if is_graph else RESULT_FORMATS
        raise NotAcceptable(f"This query's results can be served as: {describe(family)}.")
    return chosen


class _Capped:
    """The file-like object the engine serializes into, refusing to grow past ``limit`` bytes."""

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.data = bytearray()

    def write(self, data: bytes) -> int:
        self.data += data
        if self.limit is not None and len(self.data) > self.limit:
            raise _TooLarge
        return len(data)

    def flush(self) -> None:
        """Everything is in memory already."""


class _TooLarge(Exception):
    """Raised inside the engine's write call to stop a serialization that outgrew its limit."""


def serialize_up_to(results: Any, chosen: Format, limit: int | None) -> bytes | None:
    """The serialized results, or ``None`` when they would pass ``limit`` bytes (no limit: ``None``)."""
    writer = _Capped(limit)
    try:
        results.serialize(writer, chosen.engine)
    except _TooLarge:
        return None
    return bytes(writer.data)


def serialize_prefix(results: Any, chosen: Format, limit: int) -> tuple[bytes, bool]:
    """About the first ``limit`` bytes of the results and whether there was more (for the HTML table)."""
    writer = _Capped(limit)
    try:
        results.serialize(writer, chosen.engine)
    except _TooLarge:
        return bytes(writer.data), True
    return bytes(writer.data), False
