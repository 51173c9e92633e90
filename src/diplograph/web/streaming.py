"""Stream a query's results as the engine serializes them, without holding them all in memory.

pyoxigraph's result iterators are bound to the thread that created them and ``QueryResults.serialize``
writes to a file-like object until it is done. So one producer thread runs the query *and* serializes it
into a bounded queue, and the response iterates that queue. The first chunk (or the first error) is awaited
before the response starts, so syntax errors and small results still get a proper status code.
"""

from __future__ import annotations

import logging
import queue
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import Any

log = logging.getLogger(__name__)

CHUNK_BYTES = 64 * 1024
QUEUE_CHUNKS = 8
#: A producer gives up when the client has not taken a chunk for this long (client gone, no close()).
STALL_SECONDS = 300.0
#: How long closing a response waits for its producer to stop.
STOP_SECONDS = 0.5
PRODUCER_THREAD = "sparql-results"

_DONE = object()


class _Cancelled(Exception):
    """Raised inside the engine's write call to stop serializing when the response is closed."""


class _QueueWriter:
    """A binary file-like object that cuts what the engine writes into chunks on a queue."""

    def __init__(self, chunks: queue.Queue[Any], cancelled: threading.Event) -> None:
        self.chunks = chunks
        self.cancelled = cancelled
        self.buffer = bytearray()

    def write(self, data: bytes) -> int:
        if self.cancelled.is_set():
            raise _Cancelled
        self.buffer += data
        if len(self.buffer) >= CHUNK_BYTES:
            self.push()
        return len(data)

    def flush(self) -> None:
        """The engine flushes once at the end; chunking is ours, so nothing to do here."""

    def push(self) -> None:
        if self.buffer:
            self.put(bytes(self.buffer))
            self.buffer.clear()

    def put(self, item: Any) -> None:
        waited = 0.0
        while True:
            if self.cancelled.is_set():
                raise _Cancelled
            try:
                self.chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                waited += 0.5
                if waited >= STALL_SECONDS:
                    self.cancelled.set()
                    raise _Cancelled from None


class ResultStream:
    """The response body: iterates the producer's chunks; ``close()`` (called by the WSGI server) stops it."""

    complete: bytes | None = None  # like ``engine.WholeBody``, but the whole body is never known here

    def __init__(
        self,
        first: bytes,
        chunks: queue.Queue[Any],
        cancelled: threading.Event,
        finished: bool,
        producer: threading.Thread | None = None,
    ) -> None:
        self.first = first
        self.chunks = chunks
        self.cancelled = cancelled
        self.finished = finished
        self.producer = producer

    def __iter__(self) -> Iterator[bytes]:
        yield self.first
        while not self.finished:
            item = self.chunks.get()
            if item is _DONE:
                self.finished = True
                return
            if isinstance(item, BaseException):
                # Headers are gone already: all we can do is cut the body short and log why.
                log.error("query results failed while streaming", exc_info=item)
                return
            yield item

    def close(self) -> None:
        """Stop the producer at its next write (a full queue is emptied so that it gets there) and give it
        ``STOP_SECONDS`` to end; one still evaluating is what ``producers_running`` reports."""
        self.cancelled.set()
        while True:
            try:
                self.chunks.get_nowait()
            except queue.Empty:
                break
        if self.producer is not None:
            self.producer.join(STOP_SECONDS)


def producers_running() -> bool:
    """Whether a query is still evaluated in a producer thread of this process after its response closed
    (its client left while the engine computes): the multi-process server then ends the process."""
    return any(thread.name == PRODUCER_THREAD for thread in threading.enumerate())


def stream_query(
    run: Callable[[], Any],
    prepare: Callable[[Any], Any],
    serialize: Callable[[Any, Any, _QueueWriter], None],
) -> tuple[Any, ResultStream]:
    """Run a query and stream its serialization; return ``(prepared, body)``.

    In the producer thread: ``results = run()``, ``prepared = prepare(results)`` (choose a format, may
    raise), then ``serialize(results, prepared, writer)``. ``prepared`` and any error raised before the first
    chunk reach the caller in the request thread.
    """
    chunks: queue.Queue[Any] = queue.Queue(maxsize=QUEUE_CHUNKS)
    cancelled = threading.Event()
    handover: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=1)

    def produce() -> None:
        writer = _QueueWriter(chunks, cancelled)
        started = False
        results: Any = None
        try:
            results = run()
            prepared = prepare(results)
            handover.put(("prepared", prepared))
            started = True
            serialize(results, prepared, writer)
            writer.push()
            writer.put(_DONE)
        except _Cancelled:
            return
        except BaseException as error:  # handed over to the request thread, which re-raises or logs it
            # pyoxigraph results must be dropped in the thread that made them: forget every reference the
            # traceback's frames hold before the error crosses to the request thread.
            results = None
            traceback.clear_frames(error.__traceback__)
            if not started:
                handover.put(("error", error))
                return
            try:
                writer.put(error)
            except _Cancelled:
                return

    producer = threading.Thread(target=produce, name=PRODUCER_THREAD, daemon=True)
    producer.start()
    state, value = handover.get()
    if state == "error":
        producer.join(STOP_SECONDS)
        raise value
    first = chunks.get()
    if isinstance(first, BaseException):
        cancelled.set()
        producer.join(STOP_SECONDS)
        raise first
    if first is _DONE:
        return value, ResultStream(b"", chunks, cancelled, finished=True, producer=producer)
    return value, ResultStream(first, chunks, cancelled, finished=False, producer=producer)
