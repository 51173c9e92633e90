"""Resource pages, /id redirects, /data descriptions, the home page and /ontology, over real HTTP."""

from __future__ import annotations

import pytest
import rdflib
from rdflib.compare import isomorphic

from .conftest import BASE, Server, parse_graph

MEETING = "meeting/cavusoglu-dendias-ankara-2023-05-09"
REPORT = "report/000_sample-ankara-2023-05-09"
POSITION = "position/000_sample-cavusoglu-dialogue"
PERSON = "person/mevlut-cavusoglu"
EVIDENCE_SENTENCE = (
    "Turkish Foreign Minister Mevlüt Çavuşoğlu met his Greek counterpart Nikos Dendias in Ankara"
)
FORMATS = [("ttl", "turtle", "text/turtle"), ("nt", "nt", "application/n-triples"),
           ("jsonld", "json-ld", "application/ld+json"), ("rdf", "xml", "application/rdf+xml")]  # fmt: skip


def test_id_redirects_browsers_to_the_page(server: Server) -> None:
    response = server.get(f"/id/{PERSON}", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/page/{PERSON}")
    assert "Accept" in response.headers["Vary"]


def test_id_redirects_turtle_clients_to_the_data(server: Server) -> None:
    response = server.get(f"/id/{PERSON}", headers={"Accept": "text/turtle"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/data/{PERSON}.ttl")


@pytest.mark.parametrize(("extension", "parser", "media_type"), FORMATS)
def test_id_redirects_each_rdf_media_type_to_its_extension(
    server: Server, extension: str, parser: str, media_type: str
) -> None:
    response = server.get(f"/id/{PERSON}", headers={"Accept": media_type})
    assert response.headers["Location"].endswith(f"/data/{PERSON}.{extension}")


def test_unknown_resource_is_a_404_page(server: Server) -> None:
    for path in ("/id/person/nobody-at-all", "/page/person/nobody-at-all", "/data/person/nobody-at-all.ttl"):
        response = server.get(path, headers={"Accept": "text/html"})
        assert response.status_code == 404, path
        assert "<h1>404" in response.text


def test_meeting_page_shows_label_participants_and_evidence(server: Server) -> None:
    response = server.get(f"/page/{MEETING}")
    assert response.status_code == 200
    html = response.text
    assert "Meeting of Mevlüt Çavuşoğlu and Nikos Dendias in Ankara" in html
    assert EVIDENCE_SENTENCE in html
    assert 'href="/page/person/nikos-dendias"' in html
    assert "foreign minister" in html
    assert 'href="/page/country/greece"' in html


def test_page_links_alternate_rdf_forms(server: Server) -> None:
    html = server.get(f"/page/{MEETING}").text
    for extension, _, media_type in FORMATS:
        assert f'<link rel="alternate" type="{media_type}" href="/data/{MEETING}.{extension}"' in html


def test_person_page_links_wikidata(server: Server) -> None:
    html = server.get(f"/page/{PERSON}").text
    assert 'href="http://www.wikidata.org/entity/Q561183"' in html
    assert "Referred to by" in html  # participations and the position point at the person


def test_position_page_shows_quote_holder_stance_and_topic(server: Server) -> None:
    html = server.get(f"/page/{POSITION}").text
    assert "dialogue with Greece" in html
    assert 'href="/page/person/mevlut-cavusoglu"' in html
    assert "dg:support" in html


def test_data_from_the_article_is_escaped_in_html(server: Server) -> None:
    for path in ("/page/article/000_sample", f"/page/{POSITION}"):
        html = server.get(path).text
        assert "<script>alert(1)</script>" not in html, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, path


@pytest.mark.parametrize(("extension", "parser", "media_type"), FORMATS)
def test_data_in_every_format_is_the_same_graph(
    server: Server, extension: str, parser: str, media_type: str
) -> None:
    reference = parse_graph(server.get(f"/data/{REPORT}.ttl").content, "turtle")
    response = server.get(f"/data/{REPORT}.{extension}")
    assert response.status_code == 200
    assert response.headers["Content-Type"].split(";")[0] == media_type
    assert isomorphic(parse_graph(response.content, parser), reference)


def test_data_describes_the_report_with_labels_and_evidence(server: Server) -> None:
    graph = parse_graph(server.get(f"/data/{REPORT}.ttl").content, "turtle")
    report = rdflib.URIRef(BASE + f"id/{REPORT}")
    oa = rdflib.Namespace("http://www.w3.org/ns/oa#")
    assert (
        report,
        rdflib.RDF.type,
        rdflib.URIRef("https://w3id.org/diplograph/ontology#MeetingReport"),
    ) in graph
    assert (
        rdflib.URIRef(BASE + "id/city/ankara"),
        rdflib.RDFS.label,
        rdflib.Literal("Ankara", lang="en"),
    ) in graph
    quotes = {str(quote) for quote in graph.objects(None, oa.exact)}
    assert any(EVIDENCE_SENTENCE in quote for quote in quotes)
    participants = set(graph.objects(None, rdflib.URIRef("https://w3id.org/diplograph/ontology#participant")))
    assert rdflib.URIRef(BASE + "id/person/nikos-dendias") in participants


def test_data_without_extension_negotiates(server: Server) -> None:
    response = server.get(f"/data/{PERSON}", headers={"Accept": "application/n-triples"})
    assert response.headers["Content-Type"] == "application/n-triples"
    assert response.headers["Content-Location"].endswith(f"/data/{PERSON}.nt")
    assert len(parse_graph(response.content, "nt")) > 0


def test_data_with_unacceptable_type_is_406(server: Server) -> None:
    assert server.get(f"/data/{PERSON}", headers={"Accept": "image/png"}).status_code == 406


def test_home_page_counts_what_is_in_the_graph(server: Server) -> None:
    response = server.get("/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    html = response.text
    for count, name in (
        ("1", "articles"),
        ("1", "meetings"),
        ("2", "persons"),
        ("2", "states"),
        ("1", "positions"),
    ):
        assert f"<strong>{count}</strong> {name}" in html
    assert f'href="/page/{MEETING}"' in html
    assert 'href="/sparql"' in html


def test_ontology_as_turtle(server: Server) -> None:
    response = server.get("/ontology", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = parse_graph(response.text, "turtle")
    assert (
        rdflib.URIRef("https://w3id.org/diplograph/ontology#Meeting"),
        rdflib.RDF.type,
        rdflib.OWL.Class,
    ) in graph
    assert server.get("/ontology.ttl").text == response.text


def test_ontology_as_html_lists_terms_with_labels(server: Server) -> None:
    html = server.get("/ontology", headers={"Accept": "text/html"}).text
    assert 'id="Meeting"' in html
    assert "A diplomatic meeting, as one real-world event." in html


def test_ontology_is_404_when_the_file_is_missing(bare_server: Server) -> None:
    assert bare_server.get("/ontology", headers={"Accept": "text/turtle"}).status_code == 404
    assert bare_server.get("/ontology.ttl").status_code == 404


def test_query_page_without_example_files_still_works(bare_server: Server) -> None:
    response = bare_server.get("/sparql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "Example queries" not in response.text
