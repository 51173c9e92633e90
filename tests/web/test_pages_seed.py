"""Every resource of the seed graph dereferences, over HTTP from the real `diplograph serve`:
303 from /id/, 200 HTML from /page/, and RDF in four formats that rdflib parses to the same graph.
"""

from __future__ import annotations

import html5lib
import pytest
import requests
from rdflib.compare import isomorphic

from diplograph.store import GraphStore

from .conftest import BASE, parse_graph

FORMATS = (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("rdf", "xml"))


def seed_resources(store_path: object) -> list[str]:
    """Paths (kind/slug) of every subject IRI under the base; hash IRIs are their document's."""
    import pyoxigraph as ox

    store = GraphStore.open(store_path, read_only=True)  # type: ignore[arg-type]
    space = ox.Literal(BASE + "id/")
    rows = store.engine.query(
        "SELECT ?space ?s WHERE { ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), STR(?space))) }",
        use_default_graph_as_union=True,
        substitutions={ox.Variable("space"): space},
    )
    return sorted({row["s"].value.split("#")[0][len(BASE + "id/") :] for row in rows})


@pytest.mark.slow
def test_every_seed_resource_dereferences(seed_store: object, seed_server: str) -> None:
    resources = seed_resources(seed_store)
    assert len(resources) > 100
    session = requests.Session()
    for resource in resources:
        found = session.get(
            f"{seed_server}id/{resource}", headers={"Accept": "text/html"}, allow_redirects=False
        )
        assert found.status_code == 303, resource
        assert found.headers["Location"].endswith(f"/page/{resource}")
        data = session.get(
            f"{seed_server}id/{resource}", headers={"Accept": "text/turtle"}, allow_redirects=False
        )
        assert data.headers["Location"].endswith(f"/data/{resource}.ttl"), resource
        page = session.get(f"{seed_server}page/{resource}")
        assert page.status_code == 200, resource
        html5lib.HTMLParser(strict=True).parse(page.text)
        graphs = []
        for extension, parser in FORMATS:
            response = session.get(f"{seed_server}data/{resource}.{extension}")
            assert response.status_code == 200, (resource, extension)
            graphs.append(parse_graph(response.content, parser))
        assert len(graphs[0]) > 0, resource
        for graph in graphs[1:]:
            assert isomorphic(graph, graphs[0]), resource


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/meetings",
        "/people",
        "/states",
        "/organizations",
        "/articles",
        "/positions",
        "/search?q=lavrov",
        "/timeline",
        "/network",
        "/network?kind=states",
        "/network?kind=people",
        "/ontology",
        "/ontology/Meeting",
    ],
)
def test_seed_indexes_and_pictures_are_valid_html5(seed_server: str, path: str) -> None:
    response = requests.get(seed_server + path.lstrip("/"), timeout=30)
    assert response.status_code == 200
    html5lib.HTMLParser(strict=True).parse(response.text)


def test_an_article_page_folds_what_was_dropped_and_the_graph_keeps_none_of_it(
    seed_store: object, seed_server: str
) -> None:
    # Seed 000 ends with a Patreon appeal and a comment box ("View all comments") that the cleaner drops.
    page = requests.get(f"{seed_server}page/article/000_31ae349b8af08f2e", timeout=30).text
    folded = page.split('<details class="dropped">', 1)[1].split("</details>", 1)[0]
    assert "Support The Duran on Patreon!" in folded
    assert "View all comments" in folded
    store = GraphStore.open(seed_store, read_only=True)  # type: ignore[arg-type]
    assert not store.engine.query(
        'ASK { GRAPH ?g { ?s ?p ?o FILTER(isLiteral(?o) && CONTAINS(STR(?o), "View all comments")) } }'
    )
