"""SPARQL queries in worker processes, so that a query past its timeout can really be stopped.

pyoxigraph's ``Store.query`` cannot be cancelled and holds its thread until it is done. Each worker process
opens the store's published version read-only (``VersionedFolder.open_published``), runs one query at a
time, and streams the engine's own serialization back through a pipe in chunks. A query past its
deadline, or a client that goes away, ends its worker; a fresh one takes its place in the background, so
the next request is answered at once.

Messages are raw bytes (``Connection.send_bytes``), a one-byte tag then its payload, never pickles of
results: a result smaller than one chunk comes back as a single ``WHOLE`` message, so a small query costs
one write each way and one wake-up of the request thread, and its worker is free again before the
response is even sent.

Workers start from a fork server that has imported only this module's dependencies: a new worker costs
milliseconds, and no worker inherits the web server's threads or open store.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import queue
import select
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from diplograph.errors import BadQuery, DiplographError, QueryTimeout

log = logging.getLogger(__name__)

CHUNK_BYTES = 64 * 1024

# Message tags, worker to parent. A result is WHOLE (kind code + body) or HEAD (kind code), CHUNK…, DONE.
WHOLE, HEAD, CHUNK, DONE = b"W", b"H", b"C", b"D"
SYNTAX, NOT_ACCEPTABLE, FAILED = b"S", b"N", b"F"
KIND_CODES = {"graph": b"g", "solutions": b"s", "boolean": b"b"}
KINDS = {code: kind for kind, code in KIND_CODES.items()}


class QueryFailed(DiplographError):
    """The engine failed while evaluating a well-formed query (a server-side fault)."""

    http_status = 500


class ResultsNotAcceptable(DiplographError):
    """The query's results (``kind``) cannot be given in any format the client accepts."""

    http_status = 406

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


@dataclass(frozen=True)
class QueryJob:
    """Everything a worker needs, as plain values that cross a pipe.

    ``results_format`` / ``graph_format`` are media types, chosen by the parent before the query's kind is
    known; the worker uses the one that fits (``None``: that kind is not acceptable).
    """

    path: str
    version: str
    sparql: str
    results_format: str | None
    graph_format: str | None
    union: bool = True
    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    base_iri: str | None = None
    prefixes: dict[str, str] = field(default_factory=dict)


# -- the worker process ----------------------------------------------------------------------------------


class _PipeWriter:
    """The file-like object the engine serializes into: cuts the bytes into chunks on the pipe.

    Nothing is sent until a chunk is full or the results end, so an error raised while the first 64 KiB
    are computed still becomes a proper status code, and a small result travels as one message.
    """

    def __init__(self, connection: Connection, kind: str) -> None:
        self.connection = connection
        self.kind = KIND_CODES[kind]
        self.buffer = bytearray()
        self.started = False

    def write(self, data: bytes) -> int:
        self.buffer += data
        if len(self.buffer) >= CHUNK_BYTES:
            self.push()
        return len(data)

    def flush(self) -> None:
        """Chunking is ours: the engine's flush changes nothing."""

    def push(self) -> None:
        if not self.started:
            self.connection.send_bytes(HEAD + self.kind)
            self.started = True
        if self.buffer:
            self.connection.send_bytes(CHUNK + self.buffer)
            self.buffer.clear()

    def finish(self) -> None:
        """The results are complete: one WHOLE message if they never filled a chunk, else the rest."""
        if self.started:
            self.push()
            self.connection.send_bytes(DONE)
        else:
            self.connection.send_bytes(WHOLE + self.kind + self.buffer)


def _dataset_options(job: QueryJob) -> dict[str, Any]:
    options: dict[str, Any] = {"use_default_graph_as_union": job.union}
    if job.default_graph is not None:
        options["use_default_graph_as_union"] = False
        options["default_graph"] = [ox.NamedNode(iri) for iri in job.default_graph]
    if job.named_graphs is not None:
        options["named_graphs"] = [ox.NamedNode(iri) for iri in job.named_graphs]
    return options


def _run_job(connection: Connection, store: ox.Store, job: QueryJob) -> None:
    try:
        results = store.query(
            job.sparql, base_iri=job.base_iri, prefixes=job.prefixes or None, **_dataset_options(job)
        )
    except SyntaxError as error:
        connection.send_bytes(SYNTAX + str(error).encode())
        return
    kind = (
        "graph"
        if isinstance(results, ox.QueryTriples)
        else "boolean"
        if isinstance(results, ox.QueryBoolean)
        else "solutions"
    )
    media_type = job.graph_format if kind == "graph" else job.results_format
    if media_type is None:
        connection.send_bytes(NOT_ACCEPTABLE + kind.encode())
        return
    engine_format = (
        ox.RdfFormat.from_media_type(media_type)
        if kind == "graph"
        else ox.QueryResultsFormat.from_media_type(media_type)
    )
    writer = _PipeWriter(connection, kind)
    results.serialize(writer, engine_format)  # type: ignore[arg-type]
    # Free the query's state (sort buffers, groups) before the last message, not after: the next query is
    # sent to this worker at once and would wait for it (0.8 ms after the timeline query on 1M triples).
    del results
    writer.finish()


def worker_main(connection: Connection) -> None:
    """Run jobs until the pipe closes, on the store's published version (reopened when it changes).

    The snapshot holds the version's reader lock, so a writer never removes a version a worker reads.
    """
    from diplograph.store.versions import VersionedFolder

    opened: tuple[tuple[str, str], Any] | None = None
    while True:
        try:
            job: QueryJob = pickle.loads(connection.recv_bytes())  # noqa: S301 (our own parent process)
        except (EOFError, OSError):
            return
        key = (job.path, job.version)
        try:
            if opened is None or opened[0] != key:
                opened = None
                opened = (key, VersionedFolder(Path(job.path)).open_published())
            _run_job(connection, opened[1].engine, job)
        except Exception as error:  # the worker outlives any query: report, then take the next job
            connection.send_bytes(FAILED + f"{type(error).__name__}: {error}".encode())


# -- the parent side -------------------------------------------------------------------------------------


class _Worker:
    def __init__(self, context: Any) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(
            target=worker_main, args=(child,), name="diplograph-query", daemon=True
        )
        self.process.start()
        child.close()
        self.poller = select.poll()  # registered once: cheaper than Connection.poll's selector per call
        self.poller.register(self.connection.fileno(), select.POLLIN)

    def receive(self, deadline: float) -> bytes | None:
        """The worker's next message, or ``None`` if the deadline passes first (EOFError if it died)."""
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not self.poller.poll(remaining * 1000):
            return None
        return self.connection.recv_bytes()

    def stop(self) -> None:
        """End the process at once (a running query cannot be interrupted any other way)."""
        self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


class QueryPool:
    """A few worker processes, started on first use; ``run`` lends one to a query for its whole stream."""

    def __init__(self, size: int, timeout: float) -> None:
        self.size = max(1, size)
        self.timeout = timeout
        # Last in, first out: the worker that ran the last query runs the next one, with its caches (and the
        # store's block cache) still warm; the others take over only when queries overlap.
        self.idle: queue.Queue[_Worker] = queue.LifoQueue()
        self.started = False
        self.lock = threading.Lock()

    def _context(self) -> Any:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context

    def _start(self) -> None:
        if self.started:
            return
        with self.lock:
            if self.started:
                return
            context = self._context()
            for _ in range(self.size):
                self.idle.put(_Worker(context))
            self.started = True

    def _replace(self, worker: _Worker) -> None:
        """Stop a worker and put a fresh one in its place without making the request wait."""

        def replace() -> None:
            worker.stop()
            try:
                self.idle.put(_Worker(self._context()))
            except OSError:  # e.g. out of file handles: the pool runs one worker short, and says so
                log.exception("could not start a query worker to replace a stopped one")

        threading.Thread(target=replace, name="diplograph-query-restart", daemon=True).start()

    def run(self, job: QueryJob) -> tuple[str, ResultChunks]:
        """Run ``job``; return the result kind and the serialized chunks (an iterable that must be closed).

        Raises ``BadQuery`` (syntax), ``ResultsNotAcceptable``, ``QueryTimeout`` or ``QueryFailed`` before
        the first chunk; a timeout after it cuts the stream short.
        """
        self._start()
        deadline = time.monotonic() + self.timeout
        try:
            worker = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout("Every query worker stayed busy for the whole timeout; try again.") from None
        try:
            worker.connection.send_bytes(pickle.dumps(job))  # plain pickle: ForkingPickler costs 10x
            message = worker.receive(deadline)
            if message is None:
                raise QueryTimeout(f"The query ran longer than {self.timeout:g} s and was stopped.")
        except (EOFError, OSError) as error:
            self._replace(worker)
            raise QueryFailed(f"The query worker ended unexpectedly ({error!r}).") from error
        except BaseException:
            self._replace(worker)
            raise
        tag, payload = message[:1], message[1:]
        if tag == HEAD:
            return KINDS[payload], ResultChunks(self, worker, deadline)
        self.idle.put(worker)  # every other answer is complete: the worker is free again
        if tag == WHOLE:
            return KINDS[payload[:1]], ResultChunks(self, None, deadline, complete=payload[1:])
        if tag == SYNTAX:
            raise BadQuery(payload.decode())
        if tag == NOT_ACCEPTABLE:
            raise ResultsNotAcceptable(payload.decode())
        raise QueryFailed(payload.decode())

    def close(self) -> None:
        while True:
            try:
                self.idle.get_nowait().stop()
            except queue.Empty:
                return


class ResultChunks:
    """The serialized results as they come from the worker: the body of a streamed response.

    ``complete`` holds the whole body when it came in one message (then there is no worker to give back).
    ``close()`` (called by the WSGI server, even when the client left early) gives the worker back when it
    finished, and replaces it otherwise.
    """

    def __init__(
        self, pool: QueryPool, worker: _Worker | None, deadline: float, complete: bytes | None = None
    ) -> None:
        self.pool = pool
        self.worker = worker
        self.deadline = deadline
        self.complete = complete
        self.finished = complete is not None

    def __iter__(self) -> Iterator[bytes]:
        if self.complete is not None:
            yield self.complete
            return
        worker = self.worker
        while worker is not None and not self.finished:
            try:
                message = worker.receive(self.deadline)
            except (EOFError, OSError):
                return
            if message is None:
                log.warning("query stopped at the %g s timeout while streaming results", self.pool.timeout)
                return
            if message[:1] == CHUNK:
                yield message[1:]
                continue
            self.finished = True
            if message[:1] != DONE:
                log.error("query failed while streaming its results: %s", message[1:].decode())

    def close(self) -> None:
        worker, self.worker = self.worker, None
        if worker is None:
            return
        if self.finished:
            self.pool.idle.put(worker)
        else:
            self.pool._replace(worker)
