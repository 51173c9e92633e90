"""The web app: an application factory, its blueprints and one error handler (``server`` serves it).

``create_app(settings, store)`` builds a fresh app around one store (tests make their own on a temporary
store); ``server.serve`` runs it in the processes of a pre-fork server, each on its own store.
"""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, Response, current_app, render_template, request
from werkzeug.exceptions import HTTPException

from diplograph.config import PROJECT_ROOT, Settings
from diplograph.errors import DiplographError
from diplograph.store import GraphStore
from diplograph.web.compression import gzip_response
from diplograph.web.negotiation import add_vary_accept
from diplograph.web.terms import Linker

log = logging.getLogger(__name__)

EXTENSION = "diplograph"


class WebContext:
    """What every view needs, kept on ``app.extensions['diplograph']`` rather than in globals."""

    def __init__(self, settings: Settings, store: GraphStore) -> None:
        self.settings = settings
        self.store = store
        self.linker = Linker(settings.base)
        self.ontology_path: Path = PROJECT_ROOT / "ontology" / "diplograph.ttl"
        self.queries_path: Path = PROJECT_ROOT / "queries"
        self.cache: dict[str, object] = {}


def context(app: Flask | None = None) -> WebContext:
    """The WebContext of the current (or given) app."""
    return (app or current_app).extensions[EXTENSION]  # type: ignore[no-any-return]


def create_app(settings: Settings, store: GraphStore) -> Flask:
    """Build the app serving ``store``; resource IRIs are mapped through ``settings.base``."""
    from diplograph.web import browse, dataset, ontology, pages, pictures, sparql

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.extensions[EXTENSION] = WebContext(settings, store)
    app.jinja_env.autoescape = True
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    app.register_blueprint(pages.blueprint)
    app.register_blueprint(browse.blueprint)
    app.register_blueprint(pictures.blueprint)
    app.register_blueprint(sparql.blueprint)
    app.register_blueprint(dataset.blueprint)
    app.register_blueprint(ontology.blueprint)
    app.register_error_handler(DiplographError, handle_error)
    app.register_error_handler(HTTPException, handle_error)
    app.after_request(add_vary_accept)
    app.after_request(gzip_response)
    from diplograph.web.fast_path import QueryFastPath

    app.wsgi_app = QueryFastPath(app, app.wsgi_app)  # type: ignore[method-assign]
    return app


def handle_error(error: Exception) -> Response:
    """One answer for user-facing errors: an HTML page for browsers, plain text for tools.

    Only ``DiplographError`` and Werkzeug's HTTP errors come here; anything else stays a logged 500.
    """
    status, title, message = describe_error(error)
    if status >= 500:
        log.error("%s: %s", title, message, exc_info=error)
    return error_response(error)


def describe_error(error: Exception) -> tuple[int, str, str]:
    """The status, title and message an error is answered with."""
    if isinstance(error, HTTPException):
        return error.code or 500, error.name, error.description or error.name
    title = type(error).__name__
    return getattr(error, "http_status", 500), title, str(error) or title


def error_response(error: Exception) -> Response:
    """The answer to ``error`` for this request's client (``handle_error`` without the logging)."""
    status, title, message = describe_error(error)
    if request.accept_mimetypes.best_match(["text/plain", "text/html"]) == "text/html":
        body = render_template("error.html", status=status, title=title, message=message)
        response = Response(body, status=status, content_type="text/html; charset=utf-8")
    else:
        response = Response(message + "\n", status=status, content_type="text/plain; charset=utf-8")
    if isinstance(error, HTTPException):
        for name, value in error.get_headers():
            if name.lower() not in ("content-type", "content-length"):
                response.headers[name] = value
    return response
