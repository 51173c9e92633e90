"""What pages compute once per store version — indexes, orders, counts — kept for the app.

``caching.remembered`` keeps a value for the store version it was computed on. Here, one request computes
it while the others arriving meanwhile wait for it (rather than each reading the store again), and a store
that cannot tell its version (a remote engine) keeps it for a few minutes instead of recomputing it on every
request.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from diplograph.web import context, dataset
from diplograph.web.caching import remembered

T = TypeVar("T")

#: How long a store without versions keeps what was computed (as the dataset statistics do).
UNVERSIONED_SECONDS = dataset.STATISTICS_SECONDS


def per_version(name: str, compute: Callable[[], T]) -> T:
    """``compute()`` once per store version (or per few minutes), one computation at a time."""
    web = context()
    lock = web.cache.setdefault(f"lock:{name}", threading.Lock())
    assert isinstance(lock, type(threading.Lock()))
    with lock:
        if dataset.store_version(web.store) is not None:
            return remembered(name, compute)
        key, now = f"recent:{name}", time.monotonic()
        cached = web.cache.get(key)
        if isinstance(cached, tuple) and now - cached[0] < UNVERSIONED_SECONDS:
            return cached[1]  # type: ignore[no-any-return]
        value = compute()
        web.cache[key] = (now, value)
        return value
