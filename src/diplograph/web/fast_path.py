"""The SPARQL protocol's common case, a query from a tool, answered without Flask's request machinery.

Measured on a small store, Flask's request and app contexts, routing and hooks cost more than the query
itself (bench/README.md). This WSGI middleware sits in front of the Flask app (``app.wsgi_app``) and
answers a GET or POST of a query to ``/sparql`` with the very functions the Flask view uses — protocol,
negotiation, guard, workers, validators, CORS, gzip — so both paths give the same answer. Everything else
goes to Flask: other paths, updates, the service description, browsers (the HTML query page), bodies over
the size limit, and protocol mistakes (nothing has run yet, so Flask answers them from scratch).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, Response
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.wrappers import Request

from diplograph.errors import DiplographError
from diplograph.web import context
from diplograph.web.compression import compress
from diplograph.web.negotiation import add_vary_accept
from diplograph.web.protocol import ProtocolRequest, read_request
from diplograph.web.sparql import (
    Negotiated,
    add_cross_origin_headers,
    checked,
    negotiate,
    query_response,
)

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
        self.remembered: dict[tuple[Any, ...], tuple[ProtocolRequest, Negotiated]] = {}

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if not self.may_answer(environ):
            return self.flask(environ, start_response)
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        environ["wsgi.input"] = io.BytesIO(body)  # read again by Werkzeug, or by Flask if it goes there
        request = Request(environ)
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
                prepared = self.prepare(request)
            except (NotOurs, DiplographError, HTTPException):
                environ["wsgi.input"] = io.BytesIO(body)
                return self.flask(environ, start_response)
            self.remember(key, prepared)
        response = self.answer(request, *prepared)
        return response(environ, start_response)

    def may_answer(self, environ: dict[str, Any]) -> bool:
        """Only a GET or a POST to the endpoint with a body within the limit (else Flask says 413)."""
        method = environ.get("REQUEST_METHOD")
        if environ.get("PATH_INFO") != ENDPOINT_PATH or method not in ("GET", "POST"):
            return False
        length = environ.get("CONTENT_LENGTH") or ("" if method == "POST" else "0")
        return length.isdigit() and int(length) <= context(self.app).settings.max_request_bytes

    def remember(self, key: tuple[Any, ...], prepared: tuple[ProtocolRequest, Negotiated]) -> None:
        """Keep what a request was found to ask for: clients repeat their requests (an example query, a
        dashboard), and reading one (form, Accept header, guard) costs as much as a small query's run."""
        if sum(len(part) for part in key) > REMEMBERED_BYTES:
            return
        if len(self.remembered) >= REMEMBERED_REQUESTS:
            self.remembered.clear()  # crude, but safe under threads and bounded
        self.remembered[key] = prepared

    def prepare(self, request: Request) -> tuple[ProtocolRequest, Negotiated]:
        """The checked query and the negotiated formats, or an error before anything ran."""
        operation = read_request(request)
        if operation.operation != "query" or operation.text is None:
            raise NotOurs
        formats = negotiate(request)
        if formats.wants_html:
            raise NotOurs
        return checked(operation, context(self.app)), formats

    def answer(self, request: Request, operation: ProtocolRequest, formats: Negotiated) -> Response:
        """Run the query; an error from the engine (timeout, syntax, format) is rendered as Flask would."""
        try:
            response = query_response(operation, formats.results, formats.graph, request, self.app)
        except (DiplographError, HTTPException) as error:
            return self.render_error(request, error)
        except Exception as error:  # a server fault: logged with its traceback, answered as a 500
            log.exception("query failed on %s", ENDPOINT_PATH)
            return self.render_error(request, InternalServerError(original_exception=error))
        # The same steps, in the same order, as the blueprint's and the app's after_request hooks.
        add_cross_origin_headers(response, request.method)
        compress(response, request.headers.get("Accept-Encoding", ""))
        return add_vary_accept(response)

    def render_error(self, request: Request, error: Exception) -> Response:
        """The app's own error page and hooks, inside a Flask request context (errors are rare)."""
        from diplograph.web import handle_error

        with self.app.request_context(request.environ):
            return self.app.process_response(handle_error(error))
