"""One real store and one real server for the web tests: waitress on a free loopback port, over HTTP.

The fixture graph's IRIs use the base ``http://127.0.0.1:5000/`` while the server listens on another port:
the app must map paths to IRIs through ``settings.base``, never through the request's host.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import rdflib
import requests
import waitress
import waitress.server
from flask import Flask
from waitress import wasyncore

from diplograph.config import Settings
from diplograph.store import GraphStore
from diplograph.web import EXTENSION, create_app

FIXTURES = Path(__file__).parent / "fixtures"
BASE = "http://127.0.0.1:5000/"


@dataclass(frozen=True)
class Server:
    """A running app: ``url("/sparql")`` gives the address to request."""

    root: str
    app: Flask

    def url(self, path: str) -> str:
        return self.root + path.lstrip("/")

    def get(self, path: str, **options: object) -> requests.Response:
        return requests.get(self.url(path), timeout=30, allow_redirects=False, **options)  # type: ignore[arg-type]

    def get_stream(self, path: str, **options: object) -> requests.Response:
        return requests.get(self.url(path), timeout=30, stream=True, **options)  # type: ignore[arg-type]

    def post(self, path: str, **options: object) -> requests.Response:
        return requests.post(self.url(path), timeout=30, allow_redirects=False, **options)  # type: ignore[arg-type]


def parse_graph(data: str | bytes, format: str) -> rdflib.Graph:
    """Parse RDF with rdflib; its JSON-LD parser warns about its own internal ConjunctiveGraph use."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return rdflib.Graph().parse(data=data, format=format)


@contextmanager
def serving(app: Flask, name: str = "waitress-test") -> Iterator[Server]:
    """Serve ``app`` with waitress in a daemon thread until the block ends."""
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, name=name, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{server.effective_port}/", app)
    finally:
        stop_waitress(server, thread)


def stop_waitress(server: waitress.server.BaseWSGIServer, thread: threading.Thread) -> None:
    """Stop a threaded waitress server without racing its event loop.

    In-flight requests finish first; then the sockets are closed from inside the loop thread (through the
    server's trigger), since closing them from here while the loop sits in ``select`` fails with EBADF and
    leaves client sockets unclosed.
    """
    server.task_dispatcher.shutdown()
    try:
        server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
    except OSError:
        # The trigger's pipe is already closed under us: seen (about 1 run in 10) only after pyoxigraph's
        # SERVICE client met a connection the remote reset at once, which suggests a stray close of a
        # reused descriptor in the engine's HTTP client. Close from here instead; the loop ends with EBADF.
        wasyncore.close_all(server._map)
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    graph_store = GraphStore.open(tmp_path_factory.mktemp("store"))
    graph_store.load_file(FIXTURES / "sample.trig")
    graph_store.flush()
    return graph_store


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings.load({"base": BASE, "store": tmp_path_factory.mktemp("unused")}, environ={})


@pytest.fixture(scope="session")
def server(
    settings: Settings, store: GraphStore, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """The app on the fixture store, with the fixture ontology and one example query."""
    queries = tmp_path_factory.mktemp("queries")
    (queries / "meetings.rq").write_text(
        "# title: Meetings <b>and</b> participants\n"
        "# description: One row per meeting and participant.\n"
        "SELECT ?meeting ?participant WHERE { ?meeting a dg:Meeting ; dg:participant ?participant }\n",
        encoding="utf-8",
    )
    app = create_app(settings, store)
    app.extensions[EXTENSION].ontology_path = FIXTURES / "ontology.ttl"
    app.extensions[EXTENSION].queries_path = queries
    with serving(app) as running:
        yield running


@pytest.fixture
def bare_server(settings: Settings, store: GraphStore, tmp_path: Path) -> Iterator[Server]:
    """The same store, but with no ontology file and no example queries."""
    app = create_app(settings, store)
    app.extensions[EXTENSION].ontology_path = tmp_path / "missing.ttl"
    app.extensions[EXTENSION].queries_path = tmp_path / "no-queries"
    with serving(app) as running:
        yield running
