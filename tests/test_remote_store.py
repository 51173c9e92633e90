"""Scale-out: ingest into any SPARQL 1.1 engine through the Graph Store Protocol and serve from it.

The engine is the Oxigraph server (PyPI ``oxigraph``), started here as a separate process on a free port.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from rdflib import Graph, Literal, URIRef

from conftest import BASE, ROOT, free_port, run_cli
from diplograph.errors import BadQuery
from diplograph.store import RemoteGraphStore

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
JSON = {"Accept": "application/sparql-results+json"}


def wait_for(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            requests.get(url, timeout=2)
            return
        except requests.ConnectionError:
            assert process.poll() is None and time.monotonic() < deadline, process.communicate()[1]
            time.sleep(0.2)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`oxigraph serve` with a union default graph, as ours; yields its query endpoint."""
    assert OXIGRAPH, "the oxigraph server is in the test extras: pip install -e '.[test]'"
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    command = [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen([*command, "--union-default-graph"], stderr=subprocess.PIPE)
    try:
        wait_for(f"http://127.0.0.1:{port}/", process)
        yield f"http://127.0.0.1:{port}/query"
    finally:
        process.terminate()
        process.communicate(timeout=20)


@pytest.fixture(scope="module")
def built(engine: str) -> str:
    """The seeds built by `diplograph build --endpoint` into the engine."""
    result = run_cli("build", "--endpoint", engine, "--base", BASE)
    assert result.returncode == 0, result.stderr
    return engine


@pytest.fixture(scope="module")
def app(built: str) -> Iterator[str]:
    """`diplograph serve --endpoint` on the engine; yields the app's root URL."""
    port = free_port()
    command = ["serve", "--endpoint", built, "--port", str(port), "--base", BASE]
    process = subprocess.Popen([sys.executable, "-m", "diplograph", *command], stderr=subprocess.PIPE)
    try:
        wait_for(f"http://127.0.0.1:{port}/", process)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.communicate(timeout=20)


def test_build_through_the_graph_store_protocol_puts_each_article_in_its_graph(built: str) -> None:
    graphs = RemoteGraphStore(built, read_only=True).named_graphs()
    assert f"{BASE}graph/article/002_bd5f883b5d055f83" in graphs
    assert f"{BASE}graph/meetings" in graphs or any("meeting" in graph for graph in graphs)


def test_a_second_build_through_the_engine_changes_nothing(built: str) -> None:
    before = RemoteGraphStore(built, read_only=True).quad_count()
    result = run_cli("build", "--endpoint", built, "--base", BASE)
    assert result.returncode == 0, result.stderr
    assert "0 ingested, 0 replaced, 5 unchanged" in result.stdout
    assert RemoteGraphStore(built, read_only=True).quad_count() == before


def test_meetings_query_through_our_endpoint_on_the_engine(app: str) -> None:
    query = (ROOT / "queries" / "meetings.rq").read_text(encoding="utf-8")
    response = requests.post(app + "sparql", data={"query": query}, headers=JSON, timeout=30)
    assert response.status_code == 200, response.text
    rows = response.json()["results"]["bindings"]
    assert any(row.get("placeLabel", {}).get("value") == "Moscow" for row in rows)


def test_construct_through_our_endpoint_on_the_engine_gives_turtle(app: str) -> None:
    query = "CONSTRUCT { ?m a dg:Meeting } WHERE { ?m a dg:Meeting }"
    response = requests.get(
        app + "sparql", params={"query": query}, headers={"Accept": "text/turtle"}, timeout=30
    )
    assert response.status_code == 200, response.text
    graph = Graph().parse(data=response.text, format="turtle")
    assert len(graph) > 0


def test_a_meeting_page_is_served_from_the_engine(app: str, built: str) -> None:
    meeting = RemoteGraphStore(built, read_only=True).select("SELECT ?m WHERE { ?m a dg:Meeting } LIMIT 1")[
        0
    ]["m"]
    page = requests.get(meeting.replace(BASE, app).replace("/id/", "/page/"), timeout=30)
    assert page.status_code == 200, page.text[:500]
    assert "text/html" in page.headers["Content-Type"]


def test_a_syntax_error_from_the_engine_is_a_bad_query(built: str) -> None:
    with pytest.raises(BadQuery):
        RemoteGraphStore(built, read_only=True).query("SELEC nonsense")


def test_bound_variables_and_graphs_round_trip_through_the_engine(engine: str) -> None:
    store = RemoteGraphStore(engine)
    name = URIRef("http://example.org/graph/remote-test")
    graph = Graph()
    graph.add((URIRef("http://example.org/s"), URIRef("http://example.org/p"), Literal("café", lang="fr")))
    store.replace_graph(name, graph)

    rows = store.select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }", g=name)
    assert [str(row["o"]) for row in rows] == ["café"]
    assert set(store.graph(name)) == set(graph)
    solutions = store.query(
        "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }", substitutions={ox.Variable("g"): ox.NamedNode(str(name))}
    )
    assert [variable.value for variable in solutions.variables] == ["o"]
    assert b"caf" in solutions.serialize(format=ox.QueryResultsFormat.CSV)

    store.drop_graph(name)
    assert str(name) not in store.named_graphs()
