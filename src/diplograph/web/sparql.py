"""``/sparql``: the SPARQL 1.1 Protocol endpoint, safe by default, and its description.

Queries run on pyoxigraph's own engine in worker processes (``workers.QueryPool``) that a timeout can stop;
results are serialized by the engine and streamed. The format is negotiated per family (results for
SELECT/ASK, RDF for CONSTRUCT/DESCRIBE) before the query runs, so one mixed Accept header serves both.
Updates need ``allow_updates`` and a bearer token; SERVICE reaches allow-listed endpoints only. Without a
``query``, browsers get the query UI (``query_page``) and tools the SPARQL service description.
"""

from __future__ import annotations

import hmac
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Flask, Request, Response, current_app, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Unauthorized
from werkzeug.http import http_date

from diplograph.errors import BadQuery
from diplograph.graph.namespaces import PREFIXES
from diplograph.web import WebContext, context, dataset
from diplograph.web.guard import (
    QueryNotAllowed,
    QueryShape,
    add_using_clauses,
    check_read_only_query,
    check_update,
)
from diplograph.web.negotiation import (
    GRAPH_FORMATS,
    HTML,
    RESULT_FORMATS,
    Format,
    NotAcceptable,
    choose_optional,
    describe,
)
from diplograph.web.protocol import ProtocolRequest, read_request
from diplograph.web.streaming import stream_query
from diplograph.web.workers import QueryJob, QueryPool, ResultsNotAcceptable

blueprint = Blueprint("sparql", __name__)

POOL_EXTENSION = "diplograph.query_pool"
UPDATE_LOCK_EXTENSION = "diplograph.update_lock"


@dataclass(frozen=True)
class Negotiated:
    """The formats a request accepts for each kind of result, chosen before the query's kind is known."""

    results: Format | None
    graph: Format | None
    wants_html: bool


@blueprint.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    operation = read_request(request)
    if operation.operation == "update":
        return run_update(operation)
    formats = negotiate(request)
    if operation.text is None:
        if formats.wants_html:
            from diplograph.web.query_page import query_page

            return query_page(None)
        if request.method == "POST":
            raise BadQuery("Missing the 'query' parameter (or an application/sparql-query body).")
        return service_description(formats.graph or GRAPH_FORMATS[0])
    operation = checked(operation, context())
    if formats.wants_html:
        from diplograph.web.query_page import query_page

        return query_page(operation)
    return query_response(operation, formats.results, formats.graph)


def negotiate(request: Request) -> Negotiated:
    results = choose_optional(request, RESULT_FORMATS)
    graph = choose_optional(request, GRAPH_FORMATS)
    best = choose_optional(request, (*RESULT_FORMATS, *GRAPH_FORMATS, HTML))
    return Negotiated(results, graph, best is HTML and request.method == "GET")


def checked(operation: ProtocolRequest, web: WebContext) -> ProtocolRequest:
    """The query once the guard let it through (else ``QueryNotAllowed``), with its dataset settled."""
    shape = check_query(operation.text or "", web)
    if "FROM" in shape.keywords:  # the query names its own dataset: no union default graph then
        return replace(operation, union=False)
    return operation


@blueprint.after_request
def allow_cross_origin_reads(response: Response) -> Response:
    return add_cross_origin_headers(response, request.method)


def add_cross_origin_headers(response: Response, method: str) -> Response:
    """Any web page may read results (CORS); updates need an Authorization header, which is not allowed
    cross-origin, so browsers can never send one from another site. The methods and headers allowed
    matter only to a preflight (OPTIONS) answer."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Content-Type"
    if method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, POST"
        response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    return response


def check_query(sparql: str, web: WebContext | None = None) -> QueryShape:
    return check_read_only_query(sparql, (web or context()).settings.service_allow_list, PREFIXES)


def query_pool(app: Flask | None = None) -> QueryPool:
    """The app's pool of query workers (started on first use)."""
    app = app or current_app
    pool = app.extensions.get(POOL_EXTENSION)
    if pool is None:
        settings = context(app).settings
        pool = QueryPool(settings.query_workers, settings.query_timeout)
        pool = app.extensions.setdefault(POOL_EXTENSION, pool)
    return pool  # type: ignore[no-any-return]


def make_job(
    operation: ProtocolRequest,
    results: Format | None,
    graph: Format | None,
    version: dataset.StoreVersion | None = None,
    web: WebContext | None = None,
) -> QueryJob:
    """The query, its dataset and the acceptable formats, checked here so that bad IRIs are a 400.

    ``version``: the store version the caller already read (else it is read here)."""
    web = web or context()
    for iri in (*operation.default_graphs, *operation.named_graphs):
        try:
            ox.NamedNode(iri)
        except ValueError as error:
            raise BadQuery(f"Invalid graph IRI {iri!r}: {error}") from error
    if version is None:
        version = dataset.store_version(web.store)
    return QueryJob(
        path=str(web.store.path) if web.store.path else "",
        version=version.tag if version else "",
        sparql=operation.text or "",
        results_format=results.media_type if results else None,
        graph_format=graph.media_type if graph else None,
        union=web.settings.union_default_graph and operation.union,
        default_graph=operation.default_graphs if operation.has_dataset else None,
        named_graphs=operation.named_graphs if operation.has_dataset else None,
        base_iri=web.settings.base + "sparql",
        prefixes=PREFIXES,
    )


def execute(job: QueryJob, app: Flask | None = None) -> tuple[str, Any]:
    """Run a job: in a worker process for an on-disk store, in a thread for an in-memory one (tests)."""
    try:
        if job.path:
            return query_pool(app).run(job)
        return run_in_thread(job, context(app))
    except ResultsNotAcceptable as problem:
        family = GRAPH_FORMATS if problem.kind == "graph" else RESULT_FORMATS
        raise NotAcceptable(f"This query's results can be served as: {describe(family)}.") from None


def run_in_thread(job: QueryJob, web: WebContext) -> tuple[str, Any]:
    """An in-memory store cannot be opened by another process, and a remote engine has its own timeout:
    run those in a thread of this process."""
    from diplograph.store import RemoteGraphStore
    from diplograph.web.workers import _dataset_options

    store = web.store
    timeout = web.settings.query_timeout  # read here: the query runs outside the app context

    def run() -> Any:
        if isinstance(store, RemoteGraphStore):
            options = _dataset_options(job)
            return store.query(
                job.sparql,
                union=options["use_default_graph_as_union"],
                default_graph=options.get("default_graph"),
                named_graphs=options.get("named_graphs"),
                timeout=timeout,
            )
        try:
            return store.engine.query(
                job.sparql, base_iri=job.base_iri, prefixes=job.prefixes, **_dataset_options(job)
            )
        except SyntaxError as error:
            raise BadQuery(str(error)) from error

    def prepare(results: Any) -> tuple[str, Any]:
        kind = "graph" if isinstance(results, ox.QueryTriples) else "solutions"
        media_type = job.graph_format if kind == "graph" else job.results_format
        if media_type is None:
            raise ResultsNotAcceptable(kind)
        if kind == "graph":
            return kind, ox.RdfFormat.from_media_type(media_type)
        return kind, ox.QueryResultsFormat.from_media_type(media_type)

    def serialize(results: Any, prepared: tuple[str, Any], writer: Any) -> None:
        results.serialize(writer, prepared[1])

    prepared, body = stream_query(run, prepare, serialize)
    return prepared[0], body


def query_response(
    operation: ProtocolRequest,
    results: Format | None,
    graph: Format | None,
    req: Request | None = None,
    app: Flask | None = None,
) -> Response:
    """The results, with validators from the store version: a repeated query can be a 304.

    A result that came back whole is sent with a Content-Length in one piece; a larger one is streamed.
    ``req`` and ``app`` default to Flask's current ones (``fast_path`` passes its own).
    """
    req = request if req is None else req
    web = context(app)
    version = dataset.store_version(web.store)
    job = make_job(operation, results, graph, version, web)
    etag = None
    if version is not None:
        formats = f"{job.results_format}|{job.graph_format}|{req.full_path}|{operation.text}"
        etag = f"{version.tag}-{hmac.new(b'etag', formats.encode(), 'sha256').hexdigest()[:16]}"
        if req.if_none_match.contains_weak(etag):
            response = Response(status=304)
            response.set_etag(etag, weak=True)
            return response
    kind, body = execute(job, app)
    chosen = graph if kind == "graph" else results
    assert chosen is not None  # the worker refuses a kind without a format
    if body.complete is not None:
        response = Response(body.complete, content_type=chosen.content_type)
    else:
        response = Response(body, content_type=chosen.content_type, direct_passthrough=True)
    response.headers["Cache-Control"] = "no-cache"
    if etag is not None and version is not None:
        response.headers["ETag"] = f'W/"{etag}"'
        response.headers["Last-Modified"] = _http_date(version.modified)
    return response


@lru_cache(maxsize=8)
def _http_date(timestamp: float) -> str:
    """Last-Modified for a store version (the same for every answer until the next version)."""
    return http_date(timestamp)


def run_update(operation: ProtocolRequest) -> Response:
    """Apply an update when the server was started to accept them and the bearer token matches."""
    web = context()
    settings = web.settings
    if not (settings.allow_updates and settings.update_token):
        raise QueryNotAllowed(
            "This endpoint is read-only: SPARQL Update is not accepted"
            " (serve --allow-updates --update-token TOKEN to enable it)."
        )
    check_bearer_token(settings.update_token)
    if web.store.read_only:
        raise QueryNotAllowed("The store is open read-only: SPARQL Update is not accepted.")
    text = operation.text or ""
    check_update(text, settings.service_allow_list, PREFIXES)
    text = add_using_clauses(text, list(operation.default_graphs), list(operation.named_graphs))
    lock = current_app.extensions.setdefault(UPDATE_LOCK_EXTENSION, threading.Lock())
    with lock:
        try:
            apply_update(web.store, text, settings.base + "sparql")
        except SyntaxError as error:
            raise BadQuery(str(error)) from error
        web.store.flush()
    web.cache.clear()
    return Response("Update applied.\n", content_type="text/plain; charset=utf-8")


def apply_update(store: Any, text: str, base_iri: str) -> None:
    """Run the update on the store's writable engine (a draft version that ``flush()`` publishes)."""
    update = getattr(store, "update", None)
    engine = store._writable() if update is None else None  # noqa: SLF001 (until GraphStore.update exists)
    if update is not None:
        update(text, base_iri=base_iri, prefixes=PREFIXES)
    else:
        engine.update(text, base_iri=base_iri, prefixes=PREFIXES)


def check_bearer_token(expected: str) -> None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), expected.encode()):
        raise Unauthorized(
            "SPARQL Update needs 'Authorization: Bearer TOKEN' with the server's update token.",
            www_authenticate=WWWAuthenticate("bearer", {"realm": "diplograph"}),
        )


def service_description(chosen: Format) -> Response:
    settings = context().settings
    endpoint_iri = settings.base + "sparql"
    formats = [*RESULT_FORMATS, *GRAPH_FORMATS]
    updates = settings.allow_updates and bool(settings.update_token)
    triples = dataset.service_description(
        endpoint_iri, formats, updates=updates, union=settings.union_default_graph
    )
    return Response(dataset.serialize_triples(triples, chosen), content_type=chosen.content_type)
