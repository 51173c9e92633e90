"""The /sparql endpoint over real HTTP: protocol, formats, refusals, service description and VoID."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
import rdflib

from .conftest import BASE, Server, parse_graph

SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
PERSONS = "SELECT ?person ?label WHERE { ?person a dg:Person ; rdfs:label ?label } ORDER BY ?label"
SPARQL_XML = "{http://www.w3.org/2005/sparql-results#}"


def labels_of(body: dict) -> list[str]:
    return [row["label"]["value"] for row in body["results"]["bindings"]]


def test_get_query_answers_sparql_json_by_default(server: Server) -> None:
    response = server.get("/sparql", params={"query": PERSONS})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/sparql-results+json")
    assert "Accept" in response.headers["Vary"]
    assert labels_of(response.json()) == ["Mevlüt Çavuşoğlu", "Nikos Dendias"]


def test_post_form_encoded_query(server: Server) -> None:
    response = server.post("/sparql", data={"query": PERSONS}, headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert labels_of(json.loads(response.content)) == ["Mevlüt Çavuşoğlu", "Nikos Dendias"]


def test_post_direct_sparql_query_body(server: Server) -> None:
    response = server.post(
        "/sparql",
        data=PERSONS.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200
    assert labels_of(response.json()) == ["Mevlüt Çavuşoğlu", "Nikos Dendias"]


def test_xml_results_parse(server: Server) -> None:
    response = server.get(
        "/sparql", params={"query": PERSONS}, headers={"Accept": "application/sparql-results+xml"}
    )
    assert response.headers["Content-Type"].startswith("application/sparql-results+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own server's output)
    literals = [element.text for element in root.iter(f"{SPARQL_XML}literal")]
    assert literals == ["Mevlüt Çavuşoğlu", "Nikos Dendias"]


def test_csv_results_parse(server: Server) -> None:
    response = server.get("/sparql", params={"query": PERSONS, "format": "csv"})
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [row["label"] for row in rows] == ["Mevlüt Çavuşoğlu", "Nikos Dendias"]
    assert rows[0]["person"] == BASE + "id/person/mevlut-cavusoglu"


def test_tsv_results_by_accept(server: Server) -> None:
    response = server.get(
        "/sparql", params={"query": PERSONS}, headers={"Accept": "text/tab-separated-values"}
    )
    lines = response.content.decode("utf-8").splitlines()
    assert lines[0] == "?person\t?label"
    assert len(lines) == 3


def test_format_parameter_wins_over_accept(server: Server) -> None:
    response = server.get(
        "/sparql", params={"query": PERSONS, "output": "xml"}, headers={"Accept": "application/json"}
    )
    assert response.headers["Content-Type"].startswith("application/sparql-results+xml")


def test_ask_answers_a_boolean(server: Server) -> None:
    response = server.get("/sparql", params={"query": "ASK { ?m a dg:Meeting }"})
    assert response.json() == {"head": {}, "boolean": True}


def test_construct_answers_turtle_that_rdflib_parses(server: Server) -> None:
    query = "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a dg:State ; rdfs:label ?l }"
    response = server.get("/sparql", params={"query": query}, headers={"Accept": "text/turtle"})
    assert response.headers["Content-Type"].startswith("text/turtle")
    graph = parse_graph(response.text, "turtle")
    assert {str(label) for label in graph.objects()} == {"Turkey", "Greece"}


@pytest.mark.parametrize(("format", "parser"), [("jsonld", "json-ld"), ("nt", "nt"), ("rdf", "xml")])
def test_construct_in_other_rdf_formats(server: Server, format: str, parser: str) -> None:
    query = "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a dg:State ; rdfs:label ?l }"
    response = server.get("/sparql", params={"query": query, "format": format})
    assert len(parse_graph(response.content, parser)) == 2


def test_default_graph_uri_restricts_the_dataset(server: Server) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }"
    union = server.get("/sparql", params={"query": query}).json()
    meetings = server.get(
        "/sparql", params={"query": query, "default-graph-uri": BASE + "graph/meetings"}
    ).json()
    assert int(meetings["results"]["bindings"][0]["n"]["value"]) == 1
    assert int(union["results"]["bindings"][0]["n"]["value"]) > 1


def test_named_graph_uri_lists_the_graphs_available(server: Server) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = server.get("/sparql", params={"query": query, "named-graph-uri": BASE + "graph/meetings"})
    assert [row["g"]["value"] for row in response.json()["results"]["bindings"]] == [BASE + "graph/meetings"]


def test_syntax_error_is_400_with_the_parser_message(server: Server) -> None:
    response = server.get("/sparql", params={"query": "SELEC * WHERE { ?s ?p ?o }"})
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/plain")
    assert "error" in response.text.lower()
    assert "1:" in response.text  # the parser's position


@pytest.mark.parametrize(
    "request_options",
    [
        {"data": {"update": "INSERT DATA { <x:a> <x:b> <x:c> }"}},
        {
            "data": b"INSERT DATA { <x:a> <x:b> <x:c> }",
            "headers": {"Content-Type": "application/sparql-update"},
        },
    ],
    ids=["update-parameter", "update-body"],
)
def test_updates_are_forbidden(server: Server, request_options: dict) -> None:
    response = server.post("/sparql", **request_options)
    assert response.status_code == 403
    assert "read-only" in response.text
    assert server.get("/sparql", params={"query": "ASK { <x:a> <x:b> <x:c> }"}).json()["boolean"] is False


def test_service_is_refused_before_reaching_the_engine(server: Server) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    response = server.get("/sparql", params={"query": query})
    assert response.status_code == 403
    assert "SERVICE" in response.text


def test_service_keyword_in_lowercase_and_silent_is_refused(server: Server) -> None:
    query = "select * where { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    assert server.get("/sparql", params={"query": query}).status_code == 403


def test_service_inside_strings_iris_and_comments_is_allowed(server: Server) -> None:
    query = (
        "# SERVICE in a comment\n"
        'SELECT ?x WHERE { BIND("SERVICE <http://example.org/> {}" AS ?x) '
        "FILTER(?x != <http://example.org/SERVICE>) }"
    )
    response = server.get("/sparql", params={"query": query})
    assert response.status_code == 200
    assert response.json()["results"]["bindings"][0]["x"]["value"].startswith("SERVICE")


def test_unacceptable_media_type_is_406(server: Server) -> None:
    response = server.get("/sparql", params={"query": PERSONS}, headers={"Accept": "image/png"})
    assert response.status_code == 406


def test_unknown_format_parameter_is_406(server: Server) -> None:
    assert server.get("/sparql", params={"query": PERSONS, "format": "yaml"}).status_code == 406


def test_turtle_is_not_a_format_for_select_results(server: Server) -> None:
    assert server.get("/sparql", params={"query": PERSONS, "format": "ttl"}).status_code == 406


def test_service_description_without_query(server: Server) -> None:
    response = server.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = parse_graph(response.text, "turtle")
    service = graph.value(predicate=rdflib.RDF.type, object=SD.Service)
    assert graph.value(service, SD.endpoint) == rdflib.URIRef(BASE + "sparql")
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    formats = set(graph.objects(service, SD.resultFormat))
    assert rdflib.URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in formats
    assert rdflib.URIRef("http://www.w3.org/ns/formats/Turtle") in formats


def test_browsers_get_the_query_page_with_examples(server: Server) -> None:
    response = server.get("/sparql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "<textarea" in response.text
    assert "Meetings &lt;b&gt;and&lt;/b&gt; participants" in response.text
    assert "One row per meeting and participant." in response.text


def test_loading_an_example_fills_the_textarea(server: Server) -> None:
    response = server.get("/sparql", params={"example": "meetings"}, headers={"Accept": "text/html"})
    assert "dg:participant ?participant" in response.text


def test_query_page_renders_results_as_a_linked_table(server: Server) -> None:
    response = server.get("/sparql", params={"query": PERSONS}, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert 'href="/page/person/mevlut-cavusoglu"' in response.text
    assert "format=csv" in response.text


def test_query_page_shows_syntax_errors(server: Server) -> None:
    response = server.get("/sparql", params={"query": "SELEC *"}, headers={"Accept": "text/html"})
    assert response.status_code == 400
    assert "<textarea" in response.text


def test_void_describes_the_dataset(server: Server) -> None:
    response = server.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = parse_graph(response.text, "turtle")
    dataset = rdflib.URIRef(BASE + ".well-known/void#dataset")
    assert graph.value(dataset, VOID.sparqlEndpoint) == rdflib.URIRef(BASE + "sparql")
    assert str(graph.value(dataset, VOID.uriSpace)) == BASE + "id/"
    assert int(graph.value(dataset, VOID.triples)) == 102
    assert rdflib.URIRef("https://w3id.org/diplograph/ontology") in set(
        graph.objects(dataset, VOID.vocabulary)
    )
    assert rdflib.URIRef(BASE + "id/meeting/cavusoglu-dendias-ankara-2023-05-09") in set(
        graph.objects(dataset, VOID.exampleResource)
    )


def test_large_results_stream_in_many_chunks(server: Server) -> None:
    query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"  # 102 × 102 rows, well over one 64 KiB chunk
    with server.get_stream("/sparql", params={"query": query}) as response:
        assert response.status_code == 200
        chunks = list(response.iter_content(chunk_size=None))
    body = json.loads(b"".join(chunks))
    assert len(body["results"]["bindings"]) == 102 * 102


def test_closing_a_stream_early_leaves_the_server_answering(server: Server) -> None:
    query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # a million rows: never read to the end
    with server.get_stream("/sparql", params={"query": query, "format": "tsv"}) as response:
        assert next(response.iter_content(chunk_size=1024)).startswith(b"?a\t")
    assert server.get("/sparql", params={"query": "ASK {}"}).json()["boolean"] is True


def test_an_update_sent_as_a_query_is_a_client_error(server: Server) -> None:
    response = server.post("/sparql", data={"query": "INSERT DATA { <x:a> <x:b> <x:c> }"})
    assert response.status_code == 400
    assert "not a query" in response.text
