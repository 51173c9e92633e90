"""The SPARQL protocol's common case, a query from a tool, answered without Flask's request machinery.

Measured on a small store, Flask's request and app contexts, routing, hooks and Werkzeug's response
objects cost more than the query itself (bench/README.md). This WSGI middleware sits in front of the Flask
app (``app.wsgi_app``) and answers a GET or POST of a query to ``/sparql`` with the functions the Flask
view uses — protocol, negotiation, guard, ``answers``, the same CORS, gzip and Vary rules — so both give
the same answer (a test compares them). A small result, the common case, is sent as raw WSGI headers and
one body; a large (streamed) one, a 304 or an error goes through a Werkzeug response. Everything else goes
to Flask: other paths, updates, the service description, browsers (the HTML query page), bodies over the
size limit, and protocol mistakes (nothing has run yet, so Flask answers them from scratch).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, Response
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import parse_etags
from werkzeug.wrappers import Request

from diplograph.errors import DiplographError
from diplograph.web import context
from diplograph.web.answers import (
    CROSS_ORIGIN,
    PreparedQuery,
    QueryAnswer,
    answer_query,
    prepare_query,
    to_response,
    validator_headers,
)
from diplograph.web.compression import accepts_gzip, compress, gzip_whole, is_compressible
from diplograph.web.negotiation import add_vary_accept
from diplograph.web.protocol import read_plain_request, read_request
from diplograph.web.sparql import add_cross_origin_headers, checked, negotiate_accept

log = logging.getLogger(__name__)

ENDPOINT_PATH = "/sparql"
#: Requests read and checked are remembered, up to this many, each up to this size (query string + body).
REMEMBERED_REQUESTS = 256
REMEMBERED_BYTES = 8192

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class NotOurs(Exception):
    """This request is for the Flask app (a browser, an update, no query)."""


class QueryFastPath:
    """Installed as ``app.wsgi_app = QueryFastPath(app, app.wsgi_app)``: queries first, Flask the rest."""

    def __init__(self, app: Flask, flask_wsgi_app: WsgiApp) -> None:
        self.app = app
        self.flask = flask_wsgi_app
        self.remembered: dict[tuple[Any, ...], PreparedQuery] = {}

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if not self.may_answer(environ):
            return self.flask(environ, start_response)
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        environ["wsgi.input"] = io.BytesIO(body)  # read again by Werkzeug, or by Flask if it goes there
        key = (
            environ["REQUEST_METHOD"],
            environ.get("QUERY_STRING", ""),
            environ.get("CONTENT_TYPE", ""),
            environ.get("HTTP_ACCEPT", ""),
            body,
        )
        prepared = self.remembered.get(key)
        if prepared is None:
            try:
                prepared = self.prepare(environ, body)
            except (NotOurs, DiplographError, HTTPException):
                environ["wsgi.input"] = io.BytesIO(body)
                return self.flask(environ, start_response)
            self.remember(key, prepared)
        return self.answer(environ, start_response, prepared)

    def may_answer(self, environ: dict[str, Any]) -> bool:
        """Only a GET or a POST to the endpoint with a body within the limit (else Flask says 413)."""
        method = environ.get("REQUEST_METHOD")
        if environ.get("PATH_INFO") != ENDPOINT_PATH or method not in ("GET", "POST"):
            return False
        length = environ.get("CONTENT_LENGTH") or ("" if method == "POST" else "0")
        return length.isdigit() and int(length) <= context(self.app).settings.max_request_bytes

    def remember(self, key: tuple[Any, ...], prepared: PreparedQuery) -> None:
        """Keep what a request was found to ask for: clients repeat their requests (an example query, a
        dashboard), and reading one (form, Accept header, guard) costs as much as a small query's run."""
        if sum(len(part) for part in key) > REMEMBERED_BYTES:
            return
        if len(self.remembered) >= REMEMBERED_REQUESTS:
            self.remembered.clear()  # crude, but safe under threads and bounded
        self.remembered[key] = prepared

    def prepare(self, environ: dict[str, Any], body: bytes) -> PreparedQuery:
        """The checked query and the negotiated formats, or an error before anything ran (``body``: the
        request's, read already). The common shapes are read from the environ, the others by Werkzeug."""
        operation = read_plain_request(environ, body)
        if operation is not None:  # a GET with an ASCII query string or a POST with none: Werkzeug's path
            full_path = f"{ENDPOINT_PATH}?{environ.get('QUERY_STRING', '')}"
        else:
            request = Request(environ)
            operation, full_path = read_request(request, body), request.full_path
        if operation.operation != "query" or operation.text is None:
            raise NotOurs
        is_get = environ["REQUEST_METHOD"] == "GET"
        formats = negotiate_accept(operation.format_override, environ.get("HTTP_ACCEPT", ""), is_get)
        if formats.wants_html:
            raise NotOurs
        web = context(self.app)
        return prepare_query(checked(operation, web), formats.results, formats.graph, full_path, web)

    def answer(
        self, environ: dict[str, Any], start_response: Callable[..., Any], prepared: PreparedQuery
    ) -> Iterable[bytes]:
        """Run the query; an error from the engine (syntax, format) is rendered as Flask would."""
        matches = environ.get("HTTP_IF_NONE_MATCH")
        try:
            answer = answer_query(prepared, context(self.app), parse_etags(matches) if matches else None)
        except (DiplographError, HTTPException) as error:
            return self.render_error(environ, error)(environ, start_response)
        except Exception as error:  # a server fault: logged with its traceback, answered as a 500
            log.exception("query failed on %s", ENDPOINT_PATH)
            return self.render_error(environ, InternalServerError(original_exception=error))(
                environ, start_response
            )
        if answer.chosen is not None and answer.body.complete is not None:
            return send_whole(answer, environ, start_response)
        return with_hooks(to_response(answer), environ)(environ, start_response)

    def render_error(self, environ: dict[str, Any], error: Exception) -> Response:
        """The app's own error page and hooks, inside a Flask request context (errors are rare)."""
        from diplograph.web import handle_error

        with self.app.request_context(environ):
            return self.app.process_response(handle_error(error))


def send_whole(
    answer: QueryAnswer, environ: dict[str, Any], start_response: Callable[..., Any]
) -> list[bytes]:
    """A small result as raw WSGI: the headers ``with_hooks`` would give its Werkzeug response."""
    assert answer.chosen is not None
    data, headers = answer.body.complete, validator_headers(answer)
    headers += CROSS_ORIGIN
    if is_compressible(answer.chosen.media_type):
        headers.append(("Vary", "Accept-Encoding, Accept"))
        if accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING", "")):
            data, gzipped = gzip_whole(data)
            if gzipped:
                headers.append(("Content-Encoding", "gzip"))
    else:
        headers.append(("Vary", "Accept"))
    headers += [("Content-Type", answer.chosen.content_type), ("Content-Length", str(len(data)))]
    start_response("200 OK", headers)
    return [data]


def with_hooks(response: Response, environ: dict[str, Any]) -> Response:
    """The same steps, in the same order, as the blueprint's and the app's after_request hooks."""
    add_cross_origin_headers(response, environ["REQUEST_METHOD"])
    compress(response, environ.get("HTTP_ACCEPT_ENCODING", ""))
    return add_vary_accept(response)
