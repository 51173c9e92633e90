"""``/sparql``: the SPARQL 1.1 Protocol endpoint, safe by default, and its description.

Queries run on pyoxigraph's own engine in this process (``engine``), whose watchdog stops them at the
timeout (``watchdog``); results are serialized by the engine, large ones streamed. The format is
negotiated per family (results for SELECT/ASK, RDF for CONSTRUCT/DESCRIBE) before the query runs, so one
mixed Accept header serves both.
Updates need ``allow_updates`` and a bearer token; SERVICE reaches allow-listed endpoints only. Without a
``query``, browsers get the query UI (``query_page``) and tools the SPARQL service description.
"""

from __future__ import annotations

import hmac
import threading
from dataclasses import dataclass, replace
from functools import lru_cache

from flask import Blueprint, Response, current_app, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import HTTPException, Unauthorized
from werkzeug.wrappers import Request

from diplograph.errors import BadQuery, DiplographError, QueryTimeout
from diplograph.graph.namespaces import PREFIXES
from diplograph.store import GraphStore, opened
from diplograph.web import WebContext, context, dataset, error_response
from diplograph.web.answers import CROSS_ORIGIN, PREFLIGHT, answer_query, prepare_query, to_response
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
    REMEMBERED_ACCEPT_LENGTH,
    RESULT_FORMATS,
    Format,
    choose_among,
    requested_override,
)
from diplograph.web.protocol import ProtocolRequest, read_request

blueprint = Blueprint("sparql", __name__)

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
    formats = negotiate(request, operation)
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
    return query_response(operation, formats)


def timeout_response(error: QueryTimeout) -> Response:
    """What the app answers a request that ``error`` stopped: a browser's query gets the query page with
    the message (and its query still in the editor), anything else the error page or text."""
    if request.path == "/sparql" and request.method == "GET":
        try:
            operation = read_request(request)
            formats = negotiate(request, operation)
            if operation.operation == "query" and operation.text is not None and formats.wants_html:
                from diplograph.web.query_page import query_page

                return query_page(checked(operation, context()), stopped=error)
        except (DiplographError, HTTPException):
            pass  # it would have been refused before running: not what was stopped
    return error_response(error)


def negotiate(request: Request, operation: ProtocolRequest | None = None) -> Negotiated:
    """The formats for each kind of result; the override parameter is ``operation``'s when it was read."""
    override = operation.format_override if operation is not None else requested_override(request)
    return negotiate_accept(override, request.headers.get("Accept", ""), request.method == "GET")


def negotiate_accept(override: str | None, accept: str, is_get: bool) -> Negotiated:
    """``negotiate`` from the override parameter's value, the Accept header and whether it is a GET."""
    short = len(accept) + len(override or "") <= REMEMBERED_ACCEPT_LENGTH
    return (_negotiated_remembered if short else _negotiated)(override, accept, is_get)


def _negotiated(override: str | None, accept: str, is_get: bool) -> Negotiated:
    results = choose_among(override, accept, RESULT_FORMATS)
    graph = choose_among(override, accept, GRAPH_FORMATS)
    best = choose_among(override, accept, (*RESULT_FORMATS, *GRAPH_FORMATS, HTML))
    return Negotiated(results, graph, best is HTML and is_get)


#: A client repeats its Accept header: choosing three times costs more than the rest of reading a request.
_negotiated_remembered = lru_cache(maxsize=256)(_negotiated)


def checked(operation: ProtocolRequest, web: WebContext) -> ProtocolRequest:
    """The query once the guard let it through (else ``QueryNotAllowed``), with its dataset settled."""
    shape = check_query(operation.text or "", web)
    # A query that names its own dataset (FROM) gets no union default graph.
    union = operation.union and "FROM" not in shape.keywords
    return replace(operation, union=union, repeatable=shape.repeatable)


@blueprint.after_request
def allow_cross_origin_reads(response: Response) -> Response:
    return add_cross_origin_headers(response, request.method)


def add_cross_origin_headers(response: Response, method: str) -> Response:
    """Any web page may read results (CORS); updates need an Authorization header, which is not allowed
    cross-origin, so browsers can never send one from another site. The methods and headers allowed
    matter only to a preflight (OPTIONS) answer."""
    for name, value in (*CROSS_ORIGIN, *(PREFLIGHT if method == "OPTIONS" else ())):
        response.headers[name] = value
    return response


def check_query(sparql: str, web: WebContext | None = None) -> QueryShape:
    return check_read_only_query(sparql, (web or context()).settings.service_allow_list, PREFIXES)


def query_response(operation: ProtocolRequest, formats: Negotiated) -> Response:
    """The results, with validators from the store version (a repeated query can be a 304): whole with a
    Content-Length when small, else streamed."""
    web = context()
    prepared = prepare_query(operation, formats.results, formats.graph, request.full_path, web)
    return to_response(answer_query(prepared, web, request.if_none_match))


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
    if web.store.read_only and web.store.folder is None:
        raise QueryNotAllowed("The store is open read-only: SPARQL Update is not accepted.")
    text = operation.text or ""
    check_update(text, settings.service_allow_list, PREFIXES)
    text = add_using_clauses(text, list(operation.default_graphs), list(operation.named_graphs))
    base_iri = settings.base + "sparql"
    if web.store.read_only:
        update_as_writer(web.store, text, base_iri)
    else:
        with current_app.extensions.setdefault(UPDATE_LOCK_EXTENSION, threading.Lock()):
            web.store.update(text, base_iri=base_iri, prefixes=PREFIXES)
            web.store.flush()
    web.cache.clear()
    return Response("Update applied.\n", content_type="text/plain; charset=utf-8")


def update_as_writer(store: GraphStore, text: str, base_iri: str) -> None:
    """Apply an update from a server that reads the store read-only (each of its processes does).

    The update takes the store's single-writer lock for itself — a build, ingest, load or another
    process's update holding it makes this a 503 ``StoreBusy`` at once — and publishes a new version,
    which this process reads from now on (the others from their next request)."""
    assert store.path is not None
    with opened(store.path) as writer:
        writer.update(text, base_iri=base_iri, prefixes=PREFIXES)
    store.refresh()


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
