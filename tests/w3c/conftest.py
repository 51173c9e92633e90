"""One real server per configuration for the W3C suites, and the pass-rate report at the end of the run.

The app is the real one on a real on-disk store; each test case gets a fresh store loaded with its data,
which the test swaps into the running app (``use_store``) before sending its requests over HTTP.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
import waitress
from flask import Flask
from waitress import wasyncore

from diplograph.config import Settings
from diplograph.store import GraphStore
from diplograph.web import EXTENSION, create_app

from .suite import W3C

TOKEN = "w3c-test-token"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if not W3C.is_dir():
        message = f"the W3C SPARQL test suites are not at {W3C}"
        if os.environ.get("CI"):
            raise pytest.UsageError(message)  # in CI they must run, never skip
        skip = pytest.mark.skip(reason=message)
        for item in items:
            if "tests/w3c/" in str(item.fspath).replace("\\", "/"):
                item.add_marker(skip)


@dataclass
class PassRates:
    """Pass counts per runner, printed at the end of the session."""

    counts: dict[str, list[int]] = field(default_factory=dict)

    def record(self, runner: str, passed: bool) -> None:
        total = self.counts.setdefault(runner, [0, 0])
        total[0] += int(passed)
        total[1] += 1


RATES = PassRates()


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    for runner, (passed, total) in sorted(RATES.counts.items()):
        terminalreporter.write_line(f"W3C {runner}: {passed}/{total} passed ({100 * passed / total:.1f}%)")


@dataclass
class W3CServer:
    """The running app; ``use_store`` swaps the store it serves."""

    root: str
    app: Flask
    folder: Path
    stores: dict[object, GraphStore] = field(default_factory=dict)
    opened: int = 0

    def url(self, path: str = "sparql") -> str:
        return self.root + path.lstrip("/")

    def use_store(self, key: object, quads: list[ox.Quad]) -> GraphStore:
        """Serve an on-disk store holding ``quads``; consecutive tests with the same ``key`` share it.

        Only one store stays open: each holds RocksDB's file handles, and hundreds would exhaust them.
        """
        store = self.stores.get(key)
        if store is None:
            for previous in self.stores.values():
                previous.close()
            self.stores.clear()
            number = self.opened = self.opened + 1
            data = self.folder / f"data{number}.nq"
            data.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
            store = GraphStore.open(self.folder / f"store{number}")
            store.load_file(data)
            store.flush()
            self.stores[key] = store
        self.app.extensions[EXTENSION].store = store
        return store


@pytest.fixture(scope="session")
def session() -> Iterator[requests.Session]:
    with requests.Session() as http:
        yield http


def _serve(settings: Settings, folder: Path) -> Iterator[W3CServer]:
    app = create_app(settings, GraphStore.in_memory())
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, name="waitress-w3c", daemon=True)
    thread.start()
    running = W3CServer(f"http://127.0.0.1:{server.effective_port}/", app, folder)
    try:
        yield running
    finally:
        server.task_dispatcher.shutdown()  # as tests/web/conftest.py's stop_waitress: close inside the loop
        server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
        thread.join(timeout=5)
        for store in running.stores.values():
            store.close()
        running.stores.clear()
        gc.collect()


def w3c_settings(folder: Path, **options: object) -> Settings:
    values = {"store": folder, "union_default_graph": False, "query_timeout": 30.0}
    return Settings.load({**values, **options}, environ={})


@pytest.fixture(scope="session")
def query_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[W3CServer]:
    """Read-only, standard default graph (not the union): the configuration the W3C suites assume."""
    folder = tmp_path_factory.mktemp("w3c-query")
    yield from _serve(w3c_settings(folder), folder)


@pytest.fixture(scope="session")
def read_only_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[W3CServer]:
    folder = tmp_path_factory.mktemp("w3c-read-only")
    yield from _serve(w3c_settings(folder), folder)


@pytest.fixture(scope="session")
def update_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[W3CServer]:
    """Updates enabled with a token, which the protocol runner sends with every request."""
    folder = tmp_path_factory.mktemp("w3c-update")
    yield from _serve(w3c_settings(folder, allow_updates=True, update_token=TOKEN), folder)
