"""Query results kept per store version, so that a repeated query on an unchanged store does not run again.

A published store version never changes, so the serialized results of a query on it are fixed, unless the
query reads the moment, chance or another endpoint (``guard.VARYING``). Tools repeat their queries:
dashboards refresh, notebooks are re-run, the query page's examples are clicked. On a small store the
engine's run is about half of what a request costs the server (bench/README.md).

Each process keeps its own, bounded: whole results up to ``ENTRY_BYTES`` each, ``TOTAL_BYTES`` in all, the
least recently used dropped first. All of it is dropped when the process reads a new version or another
store, and when an update through this process clears the context's cache, where it lives.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict

from diplograph.store import GraphStore
from diplograph.web import WebContext
from diplograph.web.negotiation import Format

#: The largest result kept; larger ones are streamed and run every time.
ENTRY_BYTES = 256 * 1024
#: What a process keeps in all.
TOTAL_BYTES = 32 * 1024 * 1024

CACHE_KEY = "kept-results"


class KeptResults:
    """Serialized results by ETag (store version and request), least recently used first out."""

    def __init__(self, store: GraphStore | None = None, total_bytes: int = TOTAL_BYTES) -> None:
        self.store = weakref.ref(store) if store is not None else None
        self.total_bytes = total_bytes
        self.size = 0
        self.version: str | None = None
        self.entries: OrderedDict[str, tuple[Format, bytes]] = OrderedDict()
        self.lock = threading.Lock()  # the query page and streaming run in threads of their own

    def get(self, version: str, etag: str) -> tuple[Format, bytes] | None:
        with self.lock:
            found = self.entries.get(etag) if version == self.version else None
            if found is not None:
                self.entries.move_to_end(etag)
            return found

    def put(self, version: str, etag: str, chosen: Format, data: bytes) -> None:
        if len(data) > ENTRY_BYTES:
            return
        with self.lock:
            if version != self.version:  # the older version's results will not be asked for again
                self.entries.clear()
                self.size, self.version = 0, version
            if etag in self.entries:
                return
            self.entries[etag] = (chosen, data)
            self.size += len(data)
            while self.size > self.total_bytes:
                _, (_, dropped) = self.entries.popitem(last=False)
                self.size -= len(dropped)


def kept_results(web: WebContext) -> KeptResults:
    """This context's kept results, for the store it reads now (versions of two stores may share numbers)."""
    kept = web.cache.get(CACHE_KEY)
    if not isinstance(kept, KeptResults) or kept.store is None or kept.store() is not web.store:
        kept = web.cache[CACHE_KEY] = KeptResults(web.store)
    return kept
