"""`diplograph ingest` while `diplograph serve` runs: no query fails, and the server sees the new articles.

Both are the real commands in their own processes, on a copy of the seed store.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from conftest import BASE, run_cli, serving_cli
from diplograph.store import opened

ARTICLE_GRAPHS = "SELECT (COUNT(DISTINCT ?graph) AS ?graphs) WHERE { GRAPH ?graph { ?a a dg:Article } }"
ASK_ARTICLE = "ASK { GRAPH <" + BASE + "graph/article/{name}> { ?article a dg:Article } }"
JSON = {"Accept": "application/sparql-results+json"}
TALKS = (
    "Iranian Foreign Minister Hossein Amir-Abdollahian met Turkish Foreign Minister Mevlüt Çavuşoğlu "
    "in Geneva on Monday to discuss the war in Syria.\n"
)


@pytest.fixture
def store_copy(seed_store: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(seed_store, copy)
    return copy


@pytest.fixture
def server(store_copy: Path) -> Iterator[str]:
    """The real `diplograph serve` on the copy, with two processes; yields its /sparql URL."""
    with serving_cli(store_copy, "--workers", "2") as root:
        yield root + "sparql"


def article(folder: Path, name: str, place: str) -> Path:
    path = folder / f"{name}.txt"
    path.write_text(TALKS.replace("Geneva", place), encoding="utf-8")
    return path


def ask(endpoint: str, name: str) -> bool:
    response = requests.get(
        endpoint, params={"query": ASK_ARTICLE.replace("{name}", name)}, headers=JSON, timeout=30
    )
    response.raise_for_status()
    return bool(response.json()["boolean"])


class QueryLoop(threading.Thread):
    """Queries the endpoint without pause, recording every failure and the article counts it saw."""

    def __init__(self, endpoint: str) -> None:
        super().__init__(daemon=True)
        self.endpoint = endpoint
        self.stop = threading.Event()
        self.failures: list[str] = []
        self.counts: list[int] = []

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                response = requests.get(
                    self.endpoint, params={"query": ARTICLE_GRAPHS}, headers=JSON, timeout=30
                )
                if response.status_code != 200:
                    self.failures.append(f"{response.status_code}: {response.text[:200]}")
                    continue
                self.counts.append(int(response.json()["results"]["bindings"][0]["graphs"]["value"]))
            except (requests.RequestException, ValueError, KeyError) as error:
                self.failures.append(repr(error))


def test_ingest_while_serving_fails_no_query_and_the_server_sees_the_new_article(
    server: str, store_copy: Path, tmp_path: Path
) -> None:
    loop = QueryLoop(server)
    loop.start()
    try:
        time.sleep(0.5)
        result = run_cli(
            "ingest",
            str(article(tmp_path, "geneva_talks", "Geneva")),
            "--store",
            str(store_copy),
            "--base",
            BASE,
        )
        assert result.returncode == 0, result.stderr
        deadline = time.monotonic() + 10
        while not ask(server, "geneva_talks"):
            assert time.monotonic() < deadline, "the server did not switch to the new version"
            time.sleep(0.2)
        time.sleep(0.5)
    finally:
        loop.stop.set()
        loop.join(timeout=30)
    assert loop.failures == []
    assert len(loop.counts) > 10
    assert loop.counts == sorted(loop.counts), "a query saw the store go back in time"
    assert loop.counts[-1] == loop.counts[0] + 1


def test_two_writers_at_once_never_corrupt_the_store(server: str, store_copy: Path, tmp_path: Path) -> None:
    names = ["talks_in_ankara", "talks_in_doha"]
    commands = [
        [sys.executable, "-m", "diplograph", "ingest", str(article(tmp_path, name, place))]
        + ["--store", str(store_copy), "--base", BASE]
        for name, place in zip(names, ["Ankara", "Doha"], strict=True)
    ]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for command in commands
    ]
    outcomes = [process.communicate(timeout=300) for process in processes]
    codes = [process.returncode for process in processes]

    assert 0 in codes
    for code, (_out, err) in zip(codes, outcomes, strict=True):
        if code != 0:  # the loser is told, in one line, that another writer holds the store
            assert err.strip().splitlines() == [err.strip()] and "is writing this store" in err
    time.sleep(1.5)
    seen = {name: ask(server, name) for name in names}
    assert seen == {name: code == 0 for name, code in zip(names, codes, strict=True)}
    check = run_cli("validate", "--store", str(store_copy))
    assert check.returncode == 0, check.stdout + check.stderr


TOKEN = "update-token"
INSERT = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 'c' } }"
ASK_INSERTED = "ASK { <http://example.org/a> <http://example.org/b> 'c' }"


@pytest.fixture
def updatable(store_copy: Path) -> Iterator[str]:
    """`diplograph serve` with two processes that accept SPARQL Update; yields its /sparql URL."""
    with serving_cli(store_copy, "--workers", "2", "--allow-updates", "--update-token", TOKEN) as root:
        yield root + "sparql"


def update(endpoint: str, text: str) -> requests.Response:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    return requests.post(endpoint, data={"update": text}, headers=headers, timeout=60)


def asked(endpoint: str, query: str) -> bool:
    response = requests.get(endpoint, params={"query": query}, headers=JSON, timeout=30)
    response.raise_for_status()
    return bool(response.json()["boolean"])


def test_an_update_is_seen_by_the_next_request_whichever_process_answers(updatable: str) -> None:
    assert not asked(updatable, ASK_INSERTED)
    response = update(updatable, INSERT)
    assert response.status_code == 200, response.text
    assert all(asked(updatable, ASK_INSERTED) for _ in range(8))


def test_an_update_while_another_writer_holds_the_store_is_a_503_and_changes_nothing(
    updatable: str, store_copy: Path
) -> None:
    with opened(store_copy):  # what a build, ingest or load holds while it writes
        busy = update(updatable, INSERT)
    assert busy.status_code == 503
    assert "is writing this store" in busy.text
    assert not asked(updatable, ASK_INSERTED)
    assert update(updatable, INSERT).status_code == 200
    assert asked(updatable, ASK_INSERTED)
