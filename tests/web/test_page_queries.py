"""The pages' queries on the shapes that once made them slow or wrong: values bound in every subquery, an
entity named in hundreds of graphs, a state in most meetings, a meeting without a place.

The big graph is a small run of ``bench/synthetic.py`` (the generator of the page benchmark) with a hub.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
import pytest

from diplograph.config import Settings
from diplograph.store import GraphStore
from diplograph.web import bindings, create_app

from .conftest import BASE, Server, serving

BENCH = Path(__file__).resolve().parents[2] / "bench"
HUB = BASE + "id/country/hubland"
DG = "https://w3id.org/diplograph/ontology#"

UNPLACED = """
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://127.0.0.1:5000/graph/meetings> {
  <http://127.0.0.1:5000/id/meeting/talk> a dg:Meeting ; rdfs:label "Talk"@en ; dg:status dg:held ;
      dg:participant <http://127.0.0.1:5000/id/person/ada> .
  <http://127.0.0.1:5000/id/person/ada> a dg:Person ; rdfs:label "Ada"@en .
  <http://127.0.0.1:5000/id/city/elsewhere> a dg:City ; rdfs:label "Elsewhere"@en .
}
"""


def bench_module(name: str) -> object:
    """A module of bench/ (not a package), imported from its file."""
    if name not in sys.modules:
        sys.path.insert(0, str(BENCH))
        spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    folder = tmp_path_factory.mktemp("synthetic")
    quads = folder / "synthetic.nq"
    with quads.open("w", encoding="utf-8") as output:
        bench_module("synthetic").write(output, 40_000, seed=3, hub=2_000)  # type: ignore[attr-defined]
    store = GraphStore.open(folder / "store")
    store.load_file(quads)
    store.flush()
    return store


@pytest.fixture(scope="module")
def synthetic(synthetic_store: GraphStore, settings: Settings) -> Iterator[Server]:
    with serving(create_app(settings, synthetic_store)) as running:
        yield running


def page(server: Server, path: str) -> str:
    response = server.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200, (path, response.text[:300])
    return response.text


def test_values_are_bound_in_every_subquery_and_terms_are_serialized_not_pasted() -> None:
    sparql = "SELECT ?x ?n WHERE { { SELECT ?x WHERE { ?x ?p ?o } } ?x ?q ?n }"
    bound = bindings.bind(sparql, {"x": ox.NamedNode("http://example.org/a")})
    assert bound.count("VALUES (?x) { (<http://example.org/a>) }") == 2
    store = GraphStore.in_memory()
    hostile = 'a" } ; DROP ALL ; SELECT * { "'
    store.engine.add(
        ox.Quad(
            ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p"), ox.Literal(hostile)
        )
    )
    rows = list(bindings.query(store, "SELECT ?s ?o WHERE { ?s ?p ?o }", o=ox.Literal(hostile)))
    assert [row["s"].value for row in rows] == ["http://example.org/a"]
    with pytest.raises(TypeError):
        bindings.bind(sparql, {"x": ox.BlankNode()})  # type: ignore[dict-item]


def test_a_meeting_without_a_place_is_placed_nowhere(tmp_path: Path, settings: Settings) -> None:
    store = GraphStore.open(tmp_path / "store")
    (tmp_path / "unplaced.trig").write_text(UNPLACED, encoding="utf-8")
    store.load_file(tmp_path / "unplaced.trig")
    store.flush()
    with serving(create_app(settings, store)) as server:
        person = page(server, "/page/person/ada")
        meetings = page(server, "/meetings")
    assert 'href="/page/meeting/talk"' in person and "Elsewhere" not in person
    assert 'href="/page/meeting/talk"' in meetings and "Elsewhere" not in meetings.split("<table", 1)[1]


def test_every_benchmarked_page_answers(synthetic: Server, synthetic_store: GraphStore) -> None:
    pages = bench_module("pages").synthetic_pages(synthetic_store)  # type: ignore[attr-defined]
    assert len(pages) > 35
    for path in pages.values():
        page(synthetic, path)


def test_hub_lists_its_latest_meetings_and_groups_its_links_with_exact_counts(
    synthetic: Server, synthetic_store: GraphStore
) -> None:
    html = page(synthetic, "/page/country/hubland")
    latest = re.search(r"The latest 100 of (\d+);", html)
    assert latest is not None and int(latest.group(1)) > 100
    assert re.search(r"The first 100 of \d+, by name\.", html)
    counts = synthetic_store.select(
        f"SELECT ?p (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p <{HUB}> }} GROUP BY ?p ORDER BY DESC(?n)"
    )
    shown = re.findall(
        r'title="(https://w3id\.org/diplograph/ontology#\w+)">[^<]+</a> <span class="count">(\d+)', html
    )
    assert [(row["p"], row["n"]) for row in counts] == [(iri, int(count)) for iri, count in shown]
    deep = page(synthetic, f"/page/country/hubland?property={quote(DG + 'represents')}&page=2")
    assert "Page 2 of" in deep


def test_listed_meeting_counts_are_the_meetings_the_link_lists(synthetic: Server) -> None:
    states = page(synthetic, "/states")
    links = re.findall(r'<a href="(/meetings\?participant=[^"]+)">(\d+)</a>', states)
    assert links
    for link, count in links[:5]:
        listed = page(synthetic, link.replace("&amp;", "&"))
        assert re.search(rf"{count} in all|Page 1 of \d+ · {count} in all", listed), link
