"""Queries to /sparql take a path around Flask's request machinery (``fast_path``): the answers must be the
very ones the Flask view gives, over real HTTP, for every kind of request and mistake."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from urllib.parse import quote

import pytest
import requests
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from diplograph.config import Settings
from diplograph.store import GraphStore
from diplograph.web import create_app
from diplograph.web.fast_path import QueryFastPath
from diplograph.web.protocol import read_plain_request, read_request

from .conftest import Server, serving

PERSONS = "SELECT ?person ?label WHERE { ?person a dg:Person ; rdfs:label ?label } ORDER BY ?label"
LARGE = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"  # 102 × 102 rows, well over one 64 KiB chunk
UNCOMPARED = {"date", "server"}


@pytest.fixture(scope="module")
def both(settings: Settings, store: GraphStore) -> Iterator[tuple[Server, Server]]:
    """The app as served, and the same app with the fast path taken out (Flask only)."""
    flask_only = create_app(settings, store)
    assert isinstance(flask_only.wsgi_app, QueryFastPath)
    flask_only.wsgi_app = flask_only.wsgi_app.flask  # type: ignore[method-assign]
    with serving(create_app(settings, store)) as fast, serving(flask_only, "waitress-flask") as slow:
        yield fast, slow


REQUESTS = {
    "get-json": ("get", {"params": {"query": PERSONS}}),
    "post-form": ("post", {"data": {"query": PERSONS}, "headers": {"Accept": "application/json"}}),
    "post-direct": (
        "post",
        {"data": PERSONS.encode(), "headers": {"Content-Type": "application/sparql-query"}},
    ),
    "csv-by-format": ("get", {"params": {"query": PERSONS, "format": "csv"}}),
    "tsv-by-format-in-form": ("post", {"data": {"query": PERSONS, "output": " ", "format": "tsv"}}),
    "xml-by-format-in-url-over-form": (
        "post",
        {"params": {"results": "xml"}, "data": {"query": PERSONS, "results": "csv"}},
    ),
    "csv-by-format-with-direct-body": (
        "post",
        {
            "params": {"format": "csv"},
            "data": PERSONS.encode(),
            "headers": {"Content-Type": "application/sparql-query"},
        },
    ),
    "mixed-accept-construct": (
        "get",
        {
            "params": {"query": "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2"},
            "headers": {"Accept": "application/sparql-results+xml, application/rdf+xml;q=0.9"},
        },
    ),
    "ask": ("get", {"params": {"query": "ASK { ?s ?p ?o }"}}),
    "dataset": ("get", {"params": {"query": PERSONS, "default-graph-uri": "http://x/none"}}),
    "gzip": ("get", {"params": {"query": LARGE}, "headers": {"Accept-Encoding": "gzip"}}),
    "syntax-error": ("get", {"params": {"query": "SELECT * WHERE {"}}),
    "service": ("get", {"params": {"query": "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}}),
    "not-acceptable": ("get", {"params": {"query": PERSONS}, "headers": {"Accept": "image/png"}}),
    "turtle-for-select": ("get", {"params": {"query": PERSONS, "format": "ttl"}}),
    "update-as-query": ("post", {"data": {"query": "CLEAR ALL"}}),
    "two-queries": ("get", {"params": [("query", "ASK {}"), ("query", "ASK {}")]}),
    "browser": ("get", {"params": {"query": PERSONS}, "headers": {"Accept": "text/html"}}),
    "post-form-with-charset": (
        "post",
        {
            "data": f"query={quote(PERSONS)}",
            "headers": {"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"},
        },
    ),
    "post-form-with-url-parameters": ("post", {"params": {"format": "csv"}, "data": {"query": PERSONS}}),
    "get-non-ascii-label": ("get", {"params": {"query": 'ASK { ?s ?p "Zoë" }'}}),
    "get-blank-format": ("get", {"params": {"query": PERSONS, "format": "", "output": "xml"}}),
}


def fetch(server: Server, method: str, options: dict) -> requests.Response:
    headers = {"Accept-Encoding": "identity", **options.get("headers", {})}
    return requests.request(
        method, server.url("/sparql"), timeout=30, stream=True, **{**options, "headers": headers}
    )


def body_of(response: requests.Response, server: Server) -> bytes:
    """The raw body, with the server's own address (in the HTML page's links) made neutral."""
    return response.raw.read().replace(server.root.encode(), b"http://server/")


@pytest.mark.parametrize("name", list(REQUESTS))
def test_the_fast_path_answers_exactly_as_flask_does(both: tuple[Server, Server], name: str) -> None:
    method, options = REQUESTS[name]
    fast, slow = (fetch(server, method, options) for server in both)
    assert fast.status_code == slow.status_code
    assert body_of(fast, both[0]) == body_of(slow, both[1])
    fast_headers = {key.lower(): value for key, value in fast.headers.items()}
    slow_headers = {key.lower(): value for key, value in slow.headers.items()}
    for key in UNCOMPARED:
        fast_headers.pop(key, None)
        slow_headers.pop(key, None)
    assert fast_headers == slow_headers


PLAIN_SHAPES = {
    "get": {
        "method": "GET",
        "query_string": {"query": PERSONS, "format": "csv", "named-graph-uri": "http://x/g"},
    },
    "get-blank-values": {"method": "GET", "query_string": "query=ASK%20%7B%7D&output=&results"},
    "get-two-queries": {"method": "GET", "query_string": "query=ASK%20%7B%7D&query=ASK%20%7B%7D"},
    "post-form": {
        "method": "POST",
        "data": {"query": 'ASK { ?s ?p "Zoë" }', "default-graph-uri": "http://x/g"},
    },
    "post-form-update": {"method": "POST", "data": {"update": "CLEAR ALL"}},
    "post-form-no-query": {"method": "POST", "data": {"format": "json"}},
}


@pytest.mark.parametrize("name", list(PLAIN_SHAPES))
def test_requests_read_from_the_environ_are_read_as_werkzeug_reads_them(name: str) -> None:
    environ = EnvironBuilder(path="/sparql", **PLAIN_SHAPES[name]).get_environ()
    body = environ["wsgi.input"].read()
    try:
        expected: object = read_request(Request({**environ, "wsgi.input": io.BytesIO(body)}), body)
    except Exception as error:  # a protocol mistake must be the same mistake
        expected = (type(error), str(error))
    try:
        found: object = read_plain_request(environ, body)
    except Exception as error:
        found = (type(error), str(error))
    assert found == expected


def test_other_shapes_are_left_to_werkzeug() -> None:
    for options in (
        {"method": "POST", "data": b"ASK {}", "content_type": "application/sparql-query"},
        {
            "method": "POST",
            "data": b"query=ASK",
            "content_type": "application/x-www-form-urlencoded; charset=utf-8",
        },
        {"method": "POST", "query_string": "format=csv", "data": {"query": "ASK {}"}},
        {"method": "GET", "query_string": "query=ASK%20%7B%7D"},
    ):
        environ = EnvironBuilder(path="/sparql", **options).get_environ()
        if options["method"] == "GET":  # a raw non-ASCII query string
            environ["QUERY_STRING"] = "query=ASK {\xc3\xa9}"
        assert read_plain_request(environ, environ["wsgi.input"].read()) is None


def test_a_small_result_is_sent_whole_with_its_length(server: Server) -> None:
    response = server.get("/sparql", params={"query": PERSONS})
    assert int(response.headers["Content-Length"]) == len(response.content)
    assert "Transfer-Encoding" not in response.headers


def test_a_large_result_is_streamed_and_gzipped_as_it_goes(server: Server) -> None:
    with server.get_stream(
        "/sparql", params={"query": LARGE}, headers={"Accept-Encoding": "gzip"}
    ) as response:
        assert "Content-Length" not in response.headers
        assert response.headers["Content-Encoding"] == "gzip"
        raw = response.raw.read(decode_content=False)
    assert gzip.decompress(raw).count(b'"a":') == 102 * 102


def test_a_repeated_request_is_answered_alike_and_its_accept_header_still_counts(server: Server) -> None:
    answers = [server.get("/sparql", params={"query": PERSONS}) for _ in range(3)]
    assert len({answer.content for answer in answers}) == 1
    fast_path = server.app.wsgi_app
    assert isinstance(fast_path, QueryFastPath)
    assert any(PERSONS in prepared.job.sparql for prepared in fast_path.remembered.values())
    as_csv = server.get("/sparql", params={"query": PERSONS}, headers={"Accept": "text/csv"})
    assert as_csv.headers["Content-Type"].startswith("text/csv")


def test_cross_origin_methods_are_announced_on_preflight_only(server: Server) -> None:
    read = server.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://example.org"})
    assert read.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Methods" not in read.headers
    preflight = requests.options(server.url("/sparql"), timeout=30)
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET, POST"
