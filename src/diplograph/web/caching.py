"""Conditional requests for the pages and data: ETag and Last-Modified from the store's version.

A page changes only when the store does, so its validator is the store version plus what picks the
representation (path, query string, negotiated type). A client revalidating an unchanged page gets a 304
before any query runs. ``watch(blueprint)`` installs this on a blueprint.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from flask import Blueprint, Response, request

from diplograph.web import context, dataset

T = TypeVar("T")


def current_etag() -> tuple[str, float] | None:
    """The weak ETag of this request's answer and the store's modification time (if it has a version)."""
    version = dataset.store_version(context().store)
    if version is None:
        return None
    accept = str(request.accept_mimetypes)
    key = "\n".join((version.tag, request.full_path, accept))
    return hashlib.sha256(key.encode()).hexdigest()[:32], version.modified


def revalidate() -> Response | None:
    """A ``before_request`` hook: 304 Not Modified when the client already holds this version."""
    if request.method not in ("GET", "HEAD") or not request.if_none_match:
        return None
    found = current_etag()
    if found is None or not request.if_none_match.contains_weak(found[0]):
        return None
    response = Response(status=304)
    response.set_etag(found[0], weak=True)
    response.last_modified = datetime.fromtimestamp(found[1], tz=UTC)
    response.vary.add("Accept")
    return response


def validators(response: Response) -> Response:
    """An ``after_request`` hook: ETag and Last-Modified on successful GET answers."""
    if response.status_code != 200 or request.method not in ("GET", "HEAD") or "ETag" in response.headers:
        return response
    found = current_etag()
    if found is not None:
        response.set_etag(found[0], weak=True)
        response.last_modified = datetime.fromtimestamp(found[1], tz=UTC)
    response.vary.add("Accept")
    return response


def watch(blueprint: Blueprint) -> Blueprint:
    blueprint.before_request(revalidate)
    blueprint.after_request(validators)
    return blueprint


def remembered(name: str, compute: Callable[[], T]) -> T:
    """``compute()`` once per store version (every time for a store without a version, such as in memory)."""
    web = context()
    version = dataset.store_version(web.store)
    if version is None:
        return compute()
    key = f"remembered:{name}"
    cached = web.cache.get(key)
    if isinstance(cached, tuple) and cached[0] == version.tag:
        return cached[1]  # type: ignore[no-any-return]
    value = compute()
    web.cache[key] = (version.tag, value)
    return value
