"""The whole path: seeds built by `diplograph build`, served by `diplograph serve`, asked over HTTP.

The store's IRIs use the base ``http://127.0.0.1:5000/`` while the server listens on a free port: links are
followed by path, as a client behind a proxy would.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
import rdflib
import requests

from conftest import BASE, ROOT

MEETINGS = (ROOT / "queries" / "meetings.rq").read_text(encoding="utf-8")
SPARQL_JSON = "application/sparql-results+json"
DG = rdflib.Namespace("https://w3id.org/diplograph/ontology#")
QUADRILATERAL_MINISTERS = {"Sergey Lavrov", "Faisal Mekdad", "Hossein Amir-Abdollahian", "Mevlüt Çavuşoğlu"}


def get(url: str, **options: object) -> requests.Response:
    return requests.get(url, timeout=30, allow_redirects=False, **options)  # type: ignore[arg-type]


def bindings(response: requests.Response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith(SPARQL_JSON)
    rows = response.json()["results"]["bindings"]
    return [{name: cell["value"] for name, cell in row.items()} for row in rows]


@pytest.fixture(scope="module")
def moscow_meeting(seed_server: str) -> str:
    """The IRI of the Moscow quadrilateral of 10 May 2023, as meetings.rq reports it over HTTP.

    Seed 003: "The foreign ministers of Turkey, Russia, and Iran met their Assad regime counterpart on
    Wednesday in Moscow".
    """
    rows = bindings(get(f"{seed_server}sparql", params={"query": MEETINGS}, headers={"Accept": SPARQL_JSON}))
    meetings = {
        row["meeting"]
        for row in rows
        if row.get("date") == "2023-05-10" and row.get("placeLabel") == "Moscow"
    }
    assert len(meetings) == 1
    return meetings.pop()


def test_get_sparql_answers_the_meetings_query_with_the_moscow_quadrilateral(seed_server: str) -> None:
    response = get(f"{seed_server}sparql", params={"query": MEETINGS}, headers={"Accept": SPARQL_JSON})
    rows = bindings(response)
    assert response.json()["head"]["vars"][:3] == ["meeting", "date", "status"]
    moscow = [row for row in rows if row.get("date") == "2023-05-10" and row.get("placeLabel") == "Moscow"]
    assert {row["status"] for row in moscow} == {"held"}
    assert {row["participantLabel"] for row in moscow} >= QUADRILATERAL_MINISTERS


def test_post_sparql_query_body_answers_json(seed_server: str, moscow_meeting: str) -> None:
    query = f"""
        PREFIX dg: <https://w3id.org/diplograph/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label WHERE {{ <{moscow_meeting}> dg:participant/rdfs:label ?label }}
    """
    response = requests.post(
        f"{seed_server}sparql",
        data=query.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query", "Accept": SPARQL_JSON},
        timeout=30,
    )
    assert {row["label"] for row in bindings(response)} >= QUADRILATERAL_MINISTERS


def test_meeting_iri_is_minted_under_the_configured_base(moscow_meeting: str) -> None:
    assert moscow_meeting.startswith(f"{BASE}id/meeting/")


def test_browsers_are_sent_from_the_meeting_iri_to_its_page(seed_server: str, moscow_meeting: str) -> None:
    slug = moscow_meeting.removeprefix(f"{BASE}id/meeting/")
    response = get(f"{seed_server}id/meeting/{slug}", headers={"Accept": "text/html"})
    assert response.status_code == 303
    location = urljoin(seed_server, response.headers["Location"])
    assert urlsplit(location).path == f"/page/meeting/{slug}"

    page = get(location, headers={"Accept": "text/html"})

    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    for label in QUADRILATERAL_MINISTERS:
        assert label in page.text


def test_rdf_clients_are_sent_from_the_meeting_iri_to_its_turtle(
    seed_server: str, moscow_meeting: str
) -> None:
    slug = moscow_meeting.removeprefix(f"{BASE}id/meeting/")
    response = get(f"{seed_server}id/meeting/{slug}", headers={"Accept": "text/turtle"})
    assert response.status_code == 303
    location = urljoin(seed_server, response.headers["Location"])
    assert urlsplit(location).path == f"/data/meeting/{slug}.ttl"

    data = get(location)

    assert data.status_code == 200
    assert data.headers["Content-Type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=data.text, format="turtle")
    assert (rdflib.URIRef(moscow_meeting), rdflib.RDF.type, DG.Meeting) in graph


def test_home_page_counts_the_articles_and_meetings(seed_server: str) -> None:
    count = "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a <https://w3id.org/diplograph/ontology#Meeting> }"
    meetings = bindings(get(f"{seed_server}sparql", params={"query": count}, headers={"Accept": SPARQL_JSON}))
    home = get(seed_server, headers={"Accept": "text/html"})
    assert home.status_code == 200
    assert "<strong>5</strong> articles" in home.text
    assert f"<strong>{meetings[0]['n']}</strong> meetings" in home.text
    assert int(meetings[0]["n"]) > 1


def test_a_get_query_past_the_request_line_limit_is_refused_and_post_takes_it(seed_server: str) -> None:
    # A request line is bounded (8 KB, gunicorn's limit) so one request cannot fill the memory; longer
    # queries go in a POST body, as SPARQL clients do.
    long_query = "SELECT ?s WHERE { ?s a dg:Meeting } # " + "x" * 9000
    refused = get(f"{seed_server}sparql", params={"query": long_query}, headers={"Accept": SPARQL_JSON})
    assert refused.status_code == 414  # URI Too Long
    taken = requests.post(
        f"{seed_server}sparql",
        data=long_query.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query", "Accept": SPARQL_JSON},
        timeout=30,
    )
    assert taken.status_code == 200 and bindings(taken)
    assert get(seed_server, headers={"Accept": "text/html"}).status_code == 200  # the server goes on
