"""SPARQLWrapper, rdflib's SPARQLStore and curl against the real server, as notebooks and scripts use them."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import warnings

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper

PERSONS = "SELECT ?person ?label WHERE { ?person a dg:Person ; rdfs:label ?label } ORDER BY ?label"
PERSONS_FULL = (
    "PREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + PERSONS
)
MEETINGS_GRAPH = "CONSTRUCT { ?m a dg:Meeting ; rdfs:label ?l } WHERE { ?m a dg:Meeting ; rdfs:label ?l }"


def wrapper(root: str, query: str, return_format: str, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(root + "sparql")
    client.setQuery(query)
    client.setReturnFormat(return_format)
    client.setMethod(method)
    return client


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_json(endpoint_root: str, method: str) -> None:
    results = wrapper(endpoint_root, PERSONS, JSON, method).queryAndConvert()
    labels = [row["label"]["value"] for row in results["results"]["bindings"]]  # type: ignore[index]
    assert labels and labels == sorted(labels)


def test_sparqlwrapper_xml(endpoint_root: str) -> None:
    document = wrapper(endpoint_root, PERSONS, XML).queryAndConvert()
    literals = document.getElementsByTagName("literal")  # type: ignore[union-attr]
    assert len(literals) > 1


def test_sparqlwrapper_csv(endpoint_root: str) -> None:
    text = wrapper(endpoint_root, PERSONS, CSV).queryAndConvert()
    rows = list(csv.DictReader(io.StringIO(text.decode("utf-8"))))  # type: ignore[union-attr]
    assert rows and set(rows[0]) == {"person", "label"}


def test_sparqlwrapper_construct_into_an_rdflib_graph(endpoint_root: str) -> None:
    client = SPARQLWrapper(endpoint_root + "sparql")
    client.setQuery(MEETINGS_GRAPH)
    client.setReturnFormat("turtle")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # SPARQLWrapper warns that it returns raw Turtle
        data = client.queryAndConvert()
    graph = rdflib.Graph().parse(data=data, format="turtle")
    assert len(graph) > 0
    assert any(graph.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/diplograph/ontology#Meeting")))


def test_sparqlwrapper_construct_as_rdf_xml_converts_to_a_graph(endpoint_root: str) -> None:
    client = SPARQLWrapper(endpoint_root + "sparql")
    client.setQuery(MEETINGS_GRAPH)
    client.setReturnFormat(XML)
    with warnings.catch_warnings():  # SPARQLWrapper parses RDF/XML through rdflib's ConjunctiveGraph
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        graph = client.queryAndConvert()
    assert isinstance(graph, rdflib.Graph) and len(graph) > 0


@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
def test_rdflib_sparqlstore_in_every_mode(endpoint_root: str, method: str) -> None:
    store = SPARQLStore(endpoint_root + "sparql", method=method, returnFormat="xml")
    graph = rdflib.Graph(store=store)
    rows = list(graph.query(PERSONS_FULL))
    assert rows
    constructed = graph.query("CONSTRUCT { ?s a ?type } WHERE { ?s a ?type } LIMIT 5")
    assert len(constructed.graph) == 5  # type: ignore[arg-type]
    ask = graph.query("ASK { ?s ?p ?o }")
    assert ask.askAnswer is True


@pytest.fixture
def curl() -> str:
    path = shutil.which("curl")
    if path is None:
        pytest.skip("curl is not installed")
    return path


def test_curl_get_with_data_urlencode(endpoint_root: str, curl: str) -> None:
    result = subprocess.run(
        [
            curl,
            "-sS",
            "-G",
            endpoint_root + "sparql",
            "--data-urlencode",
            f"query={PERSONS}",
            "-H",
            "Accept: application/sparql-results+json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(result.stdout)["results"]["bindings"]


def test_curl_post_query_body_with_compression(endpoint_root: str, curl: str) -> None:
    result = subprocess.run(
        [
            curl,
            "-sS",
            "--compressed",
            "-X",
            "POST",
            endpoint_root + "sparql",
            "-H",
            "Content-Type: application/sparql-query",
            "-H",
            "Accept: text/csv",
            "--data-binary",
            PERSONS,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.splitlines()[0].strip() == "person,label"


def test_curl_sees_a_readable_error_for_a_syntax_error(endpoint_root: str, curl: str) -> None:
    result = subprocess.run(
        [
            curl,
            "-sS",
            "-w",
            "%{http_code}",
            "-G",
            endpoint_root + "sparql",
            "--data-urlencode",
            "query=SELECT * {",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.endswith("400")
    assert "error" in result.stdout.lower() or "expected" in result.stdout.lower()
