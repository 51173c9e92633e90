"""A server reading published store versions keeps small results (``kept_results``): a repeated query is
answered without running again, but never with data older than the version it reads, never for a query
whose answer varies between runs, and never across requests that differ in their dataset."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from diplograph.config import Settings
from diplograph.store import GraphStore, opened
from diplograph.web import create_app
from diplograph.web.kept_results import CACHE_KEY, ENTRY_BYTES, KeptResults
from diplograph.web.negotiation import RESULT_FORMATS

from .conftest import FIXTURES, Server, serving

ARTICLE_GRAPH = "http://127.0.0.1:5000/graph/article/000_sample"
MEETINGS_GRAPH = "http://127.0.0.1:5000/graph/meetings"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
JSON = {"Accept": "application/sparql-results+json"}


@pytest.fixture
def published(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    with opened(folder) as writer:
        writer.load_file(FIXTURES / "sample.trig")
    return folder


@pytest.fixture
def reader(published: Path) -> Iterator[GraphStore]:
    store = GraphStore.open(published, read_only=True)
    yield store
    store.close()


@pytest.fixture
def server(settings: Settings, reader: GraphStore) -> Iterator[Server]:
    with serving(create_app(settings, reader), "waitress-kept") as running:
        yield running


def count(server: Server, query: str = COUNT, **data: str) -> int:
    response = requests.post(server.url("/sparql"), data={"query": query, **data}, headers=JSON, timeout=30)
    response.raise_for_status()
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_a_repeated_query_is_answered_from_what_was_kept(server: Server) -> None:
    first = requests.get(server.url("/sparql"), params={"query": COUNT}, headers=JSON, timeout=30)
    kept = server.app.extensions["diplograph"].cache[CACHE_KEY]
    assert isinstance(kept, KeptResults) and len(kept.entries) == 1
    second = requests.get(server.url("/sparql"), params={"query": COUNT}, headers=JSON, timeout=30)
    assert second.content == first.content and second.headers["ETag"] == first.headers["ETag"]
    assert len(kept.entries) == 1


def test_a_newly_published_version_is_read_not_what_was_kept(
    server: Server, reader: GraphStore, published: Path
) -> None:
    before = count(server)
    with opened(published) as writer:
        writer.update(
            "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> a <http://example.org/B> } }"
        )
    reader.refresh()  # what `diplograph serve` does before every request
    assert count(server) == before + 1


def test_a_query_whose_answer_varies_runs_every_time(server: Server) -> None:
    query = "SELECT (STRUUID() AS ?u) WHERE {}"
    answers = {
        requests.get(server.url("/sparql"), params={"query": query}, headers=JSON, timeout=30).json()[
            "results"
        ]["bindings"][0]["u"]["value"]
        for _ in range(2)
    }
    assert len(answers) == 2


def test_the_same_query_over_other_graphs_is_another_answer(server: Server) -> None:
    """A POST form names its dataset in the body, which is not part of the URL."""
    in_article = count(server, **{"default-graph-uri": ARTICLE_GRAPH})
    in_meetings = count(server, **{"default-graph-uri": MEETINGS_GRAPH})
    assert in_article != in_meetings
    assert count(server, **{"default-graph-uri": ARTICLE_GRAPH}) == in_article


def test_what_is_kept_stays_within_its_bounds() -> None:
    chosen = RESULT_FORMATS[0]
    kept = KeptResults(total_bytes=3 * 1000)
    for name in "abcd":
        kept.put("1", name, chosen, b"x" * 1000)
        kept.get("1", "a")  # the oldest, but used: the next oldest goes first
    assert sorted(kept.entries) == ["a", "c", "d"] and kept.size == 3000
    kept.put("1", "huge", chosen, b"x" * (ENTRY_BYTES + 1))
    assert "huge" not in kept.entries
    assert kept.get("2", "c") is None  # another version's
    kept.put("2", "e", chosen, b"y")
    assert list(kept.entries) == ["e"] and kept.size == 1
