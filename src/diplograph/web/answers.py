"""A query's answer, worked out once and given two ways: as a Flask response (the ``/sparql`` view) or as
raw WSGI (``fast_path``), with the same status, headers and body.

What a request asks for (the checked job, the representation part of its ETag) depends on the request
alone, so ``prepare_query`` runs once per distinct request and the fast path keeps its result; what the
store holds (the version, the results) is read by ``answer_query`` every time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
from flask import Response
from werkzeug.datastructures import ETags
from werkzeug.http import http_date

from diplograph.errors import BadQuery
from diplograph.graph.namespaces import PREFIXES
from diplograph.web import WebContext, dataset, engine
from diplograph.web.engine import QueryJob
from diplograph.web.kept_results import kept_results
from diplograph.web.negotiation import Format
from diplograph.web.protocol import ProtocolRequest

#: Any web page may read results; updates need an Authorization header, which is not allowed cross-origin.
CROSS_ORIGIN = (
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Expose-Headers", "ETag, Last-Modified, Content-Type"),
)
#: What a preflight (OPTIONS) answer adds.
PREFLIGHT = (
    ("Access-Control-Allow-Methods", "GET, POST"),
    ("Access-Control-Allow-Headers", "Accept, Content-Type"),
)


@dataclass(frozen=True)
class PreparedQuery:
    """A checked query request: the job to run and ``digest``, which names its representation in ETags;
    ``repeatable``: its results on a store version may be kept (``kept_results``)."""

    job: QueryJob
    digest: str
    repeatable: bool = False


@dataclass(frozen=True)
class QueryAnswer:
    """The answer to a prepared query: ``chosen`` is ``None`` for 304 Not Modified (no body then)."""

    chosen: Format | None
    body: Any
    etag: str | None
    modified: float | None


def make_job(
    operation: ProtocolRequest, results: Format | None, graph: Format | None, web: WebContext
) -> QueryJob:
    """The query, its dataset and the acceptable formats, checked here so that bad IRIs are a 400."""
    for iri in (*operation.default_graphs, *operation.named_graphs):
        try:
            ox.NamedNode(iri)
        except ValueError as error:
            raise BadQuery(f"Invalid graph IRI {iri!r}: {error}") from error
    return QueryJob(
        sparql=operation.text or "",
        results=results,
        graph=graph,
        union=web.settings.union_default_graph and operation.union,
        default_graph=operation.default_graphs if operation.has_dataset else None,
        named_graphs=operation.named_graphs if operation.has_dataset else None,
        base_iri=web.settings.base + "sparql",
        prefixes=PREFIXES,
    )


def prepare_query(
    operation: ProtocolRequest,
    results: Format | None,
    graph: Format | None,
    full_path: str,
    web: WebContext,
) -> PreparedQuery:
    """The job for a checked query; ``full_path`` (path and query string) is part of its ETag."""
    job = make_job(operation, results, graph, web)
    dataset_part = f"{job.union}|{job.default_graph}|{job.named_graphs}"  # a POST body may name graphs
    formats = f"{_media_type(results)}|{_media_type(graph)}|{full_path}|{dataset_part}|{operation.text}"
    digest = hashlib.blake2b(formats.encode(), digest_size=8).hexdigest()
    return PreparedQuery(job, digest, operation.repeatable)


def answer_query(prepared: PreparedQuery, web: WebContext, if_none_match: ETags | None) -> QueryAnswer:
    """Run the query on the store's current version, unless the client holds this answer already (304)
    or this process kept it."""
    version = dataset.store_version(web.store)
    if version is None:  # nothing tells when the data changes (a remote engine): run it every time
        chosen, body = engine.answer(prepared.job, web.store, web.settings.query_timeout)
        return QueryAnswer(chosen, body, None, None)
    etag, modified = f"{version.tag}-{prepared.digest}", version.modified
    if if_none_match is not None and if_none_match.contains_weak(etag):
        return QueryAnswer(None, None, etag, modified)
    # A writer may hold unpublished writes under the same version: only a reader's versions are fixed.
    kept = kept_results(web) if prepared.repeatable and web.store.read_only else None
    published = f"{version.tag}@{modified}"  # a store built afresh in the same folder counts from 1 again
    found = kept.get(published, etag) if kept is not None else None
    if found is not None:
        return QueryAnswer(found[0], engine.WholeBody(found[1]), etag, modified)
    chosen, body = engine.answer(prepared.job, web.store, web.settings.query_timeout)
    if kept is not None and isinstance(body, engine.WholeBody):
        kept.put(published, etag, chosen, body.complete)
    return QueryAnswer(chosen, body, etag, modified)


def validator_headers(answer: QueryAnswer) -> list[tuple[str, str]]:
    """Cache-Control, ETag and Last-Modified of a 200 answer: clients revalidate with the store version."""
    headers = [("Cache-Control", "no-cache")]
    if answer.etag is not None and answer.modified is not None:
        headers += [("ETag", f'W/"{answer.etag}"'), ("Last-Modified", _http_date(answer.modified))]
    return headers


def to_response(answer: QueryAnswer) -> Response:
    """The answer as a Flask response: whole with a Content-Length, or streamed."""
    if answer.chosen is None:
        response = Response(status=304)
        response.set_etag(answer.etag or "", weak=True)
        return response
    content_type = answer.chosen.content_type
    if answer.body.complete is not None:
        response = Response(answer.body.complete, content_type=content_type)
    else:
        response = Response(answer.body, content_type=content_type, direct_passthrough=True)
    response.headers.extend(validator_headers(answer))
    return response


def _media_type(chosen: Format | None) -> str | None:
    return chosen.media_type if chosen is not None else None


@lru_cache(maxsize=8)
def _http_date(timestamp: float) -> str:
    """Last-Modified for a store version (the same for every answer until the next version)."""
    return http_date(timestamp)
