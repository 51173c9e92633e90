"""Safe by default: timeouts that stop the engine, no outbound calls unless allow-listed, updates only with a
token, and the protocol's error statuses — all over real HTTP against the real app (the timeouts against
the real `diplograph serve`, whose processes a timeout ends)."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import requests

from diplograph.config import Settings
from diplograph.store import GraphStore
from diplograph.web import create_app

from .conftest import FIXTURES, Server, serving

FOREVER = """SELECT (COUNT(*) AS ?n) WHERE {
  ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r . ?s ?t ?u
}"""
TOKEN = "s3cret-token"
JSON = {"Accept": "application/sparql-results+json"}


class ListeningSocket:
    """A local TCP listener that only records who connects: proof of whether the engine called out."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen()
        self.socket.settimeout(0.2)
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self.accept, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.socket.getsockname()[1]}/sparql"

    def accept(self) -> None:
        while self.running:
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.running = False
        self.thread.join(timeout=2)
        self.socket.close()


@pytest.fixture
def listener() -> Iterator[ListeningSocket]:
    probe = ListeningSocket()
    yield probe
    probe.close()


def app_server(settings: Settings, store: GraphStore, **options: object):  # type: ignore[no-untyped-def]
    return serving(create_app(replace(settings, **options), store))  # type: ignore[arg-type]


def ask_anything(root: str) -> bool:
    response = requests.get(root + "sparql", params={"query": "ASK { ?s ?p ?o }"}, headers=JSON, timeout=10)
    return bool(response.json()["boolean"])


def test_a_query_that_runs_forever_is_stopped_and_the_next_is_answered_at_once(
    impatient_server: str,
) -> None:
    started = time.monotonic()
    response = requests.get(impatient_server + "sparql", params={"query": FOREVER}, headers=JSON, timeout=30)
    assert response.status_code == 503
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.text == "The query ran longer than 2 s and was stopped.\n"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert time.monotonic() - started < 6
    started = time.monotonic()
    assert all(ask_anything(impatient_server) for _ in range(4))  # more requests than processes
    assert time.monotonic() - started < 2


def test_other_requests_are_answered_while_a_query_runs_into_its_timeout(impatient_server: str) -> None:
    stopped: list[int] = []
    forever = threading.Thread(
        target=lambda: stopped.append(
            requests.get(impatient_server + "sparql", params={"query": FOREVER}, timeout=30).status_code
        )
    )
    forever.start()
    time.sleep(0.3)
    started = time.monotonic()
    assert ask_anything(impatient_server)
    assert requests.get(impatient_server, timeout=10).status_code == 200
    assert time.monotonic() - started < 1.5
    forever.join()
    assert stopped == [503]


def test_a_browser_is_told_of_the_timeout_on_the_query_page_with_its_query(impatient_server: str) -> None:
    response = requests.get(
        impatient_server + "sparql", params={"query": FOREVER}, headers={"Accept": "text/html"}, timeout=30
    )
    assert response.status_code == 503
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "ran longer than 2 s and was stopped" in response.text
    assert "<textarea" in response.text and "?m ?n1 ?o" in response.text


def test_a_result_cut_short_at_the_timeout_fails_rather_than_ending_as_if_complete(
    impatient_server: str,
) -> None:
    query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"  # millions of rows: still streaming at the deadline
    headers = {**JSON, "Accept-Encoding": "identity"}
    started = time.monotonic()
    with requests.get(
        impatient_server + "sparql", params={"query": query}, headers=headers, stream=True, timeout=30
    ) as response:
        assert response.status_code == 200
        assert "Content-Length" not in response.headers
        with pytest.raises(requests.exceptions.ChunkedEncodingError):
            for _chunk in response.iter_content(65536):
                pass
    assert time.monotonic() - started < 8
    assert ask_anything(impatient_server)


def test_service_to_a_host_not_allow_listed_is_refused_without_connecting(
    server: Server, listener: ListeningSocket
) -> None:
    query = f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    response = server.get("/sparql", params={"query": query})
    assert response.status_code == 403
    assert "SERVICE" in response.text and "not allowed" in response.text
    time.sleep(0.3)
    assert listener.connections == 0


def test_service_to_an_allow_listed_endpoint_reaches_it(
    settings: Settings, store: GraphStore, listener: ListeningSocket
) -> None:
    with app_server(settings, store, allowed_services=(listener.url,), query_timeout=5.0) as server:
        query = f"SELECT * WHERE {{ SERVICE SILENT <{listener.url}> {{ ?s ?p ?o }} }}"
        server.get("/sparql", params={"query": query})
    assert listener.connections >= 1


def test_service_through_a_variable_or_prefix_is_refused(server: Server) -> None:
    for query in (
        "SELECT * WHERE { VALUES ?e { <http://x/> } SERVICE ?e { ?s ?p ?o } }",
        "PREFIX ex: <http://127.0.0.1:9/> SELECT * WHERE { SERVICE ex:sparql { ?s ?p ?o } }",
    ):
        assert server.get("/sparql", params={"query": query}).status_code == 403


def test_from_names_graphs_in_the_store_and_fetches_nothing(
    server: Server, listener: ListeningSocket
) -> None:
    query = f"SELECT * FROM <{listener.url}> FROM NAMED <{listener.url}> WHERE {{ ?s ?p ?o }}"  # noqa: S608
    response = server.get("/sparql", params={"query": query})
    assert response.status_code == 200
    assert response.json()["results"]["bindings"] == []
    time.sleep(0.3)
    assert listener.connections == 0


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[GraphStore]:
    store = GraphStore.open(tmp_path / "store")
    store.load_file(FIXTURES / "sample.trig")
    store.flush()
    yield store
    store.close()


def test_updates_need_the_option_and_the_bearer_token(settings: Settings, writable: GraphStore) -> None:
    update = {"update": "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"}
    with app_server(settings, writable, allow_updates=True, update_token=TOKEN) as server:
        missing = server.post("/sparql", data=update)
        assert missing.status_code == 401
        assert missing.headers["WWW-Authenticate"].lower().startswith("bearer")
        wrong = server.post("/sparql", data=update, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = server.post("/sparql", data=update, headers={"Authorization": f"Bearer {TOKEN}"})
        assert right.status_code == 200, right.text
        ask = server.get("/sparql", params={"query": "ASK { <http://x/a> <http://x/b> <http://x/c> }"})
        assert ask.json()["boolean"] is True


def test_load_is_refused_even_with_updates_enabled(
    settings: Settings, writable: GraphStore, listener: ListeningSocket
) -> None:
    with app_server(settings, writable, allow_updates=True, update_token=TOKEN) as server:
        response = server.post(
            "/sparql",
            data={"update": f"LOAD <{listener.url}>"},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
    assert response.status_code == 403
    assert "LOAD" in response.text
    assert listener.connections == 0


def test_updates_without_the_option_are_refused_even_with_a_token(server: Server) -> None:
    response = server.post(
        "/sparql",
        data={"update": "CLEAR ALL"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 403
    assert "read-only" in response.text


@pytest.mark.parametrize(
    ("method", "options", "status"),
    [
        ("put", {"data": "ASK {}", "headers": {"Content-Type": "application/sparql-query"}}, 405),
        ("post", {"data": "ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
        ("post", {"data": "query=ASK%20%7B%7D"}, 415),
        (
            "post",
            {"data": "ASK {}", "headers": {"Content-Type": "application/sparql-query; charset=ISO-8859-1"}},
            415,
        ),
        ("get", {"params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400),
        ("post", {"data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 400),
        ("get", {"params": {"update": "CLEAR ALL"}}, 405),
        ("get", {"params": {"query": "SELECT * WHERE {"}}, 400),
    ],
    ids=[
        "put",
        "text-plain",
        "no-content-type",
        "latin-1",
        "two-queries",
        "query-and-update",
        "update-by-get",
        "syntax-error",
    ],
)
def test_protocol_errors_get_the_status_the_spec_expects(
    server: Server, method: str, options: dict, status: int
) -> None:
    response = requests.request(method, server.url("/sparql"), timeout=30, **options)
    assert response.status_code == status, response.text
    assert response.text.strip()


def test_a_body_over_the_limit_is_413(settings: Settings, store: GraphStore) -> None:
    with app_server(settings, store, max_request_bytes=1000) as server:
        response = server.post("/sparql", data={"query": "ASK {}" + " " * 2000})
    assert response.status_code == 413


def test_reads_allow_any_origin(server: Server) -> None:
    response = server.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = requests.options(server.url("/sparql"), timeout=30)
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Authorization" not in preflight.headers["Access-Control-Allow-Headers"]


def test_etag_by_store_version_answers_304(server: Server) -> None:
    first = server.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3"})
    assert first.headers["ETag"] and first.headers["Last-Modified"]
    again = server.get(
        "/sparql",
        params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3"},
        headers={"If-None-Match": first.headers["ETag"]},
    )
    assert again.status_code == 304


def test_results_are_gzipped_for_clients_that_ask(server: Server) -> None:
    query = "SELECT * WHERE { ?s ?p ?o }"
    response = requests.get(
        server.url("/sparql"),
        params={"query": query},
        headers={"Accept-Encoding": "gzip"},
        stream=True,
        timeout=30,
    )
    assert response.headers["Content-Encoding"] == "gzip"
    raw = response.raw.read(decode_content=False)
    assert b'"bindings"' in gzip.decompress(raw)


@pytest.mark.parametrize(
    ("query", "media_type"),
    [
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "application/sparql-results+xml"),
        ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "application/rdf+xml"),
    ],
)
def test_one_mixed_accept_header_gives_results_or_rdf_by_query_type(
    server: Server, query: str, media_type: str
) -> None:
    accept = "application/sparql-results+xml;q=1.0, application/rdf+xml;q=0.9, */*;q=0.1"
    response = server.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.headers["Content-Type"].startswith(media_type)


def test_q_values_pick_the_preferred_format(server: Server) -> None:
    accept = "application/sparql-results+json;q=0.5, text/csv;q=0.9"
    response = server.get(
        "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}, headers={"Accept": accept}
    )
    assert response.headers["Content-Type"].startswith("text/csv")


def test_construct_as_n_quads_and_trig(server: Server) -> None:
    for name, media_type in (("nq", "application/n-quads"), ("trig", "application/trig")):
        response = server.get(
            "/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2", "format": name}
        )
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith(media_type)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?s WHERE { ?s ?p ?o }",
        "select * where { ?s ?p ?o } # insert data { <a> <b> <c> }",
        'SELECT ?s WHERE { ?s ?p "SERVICE from DELETE" }',
        "SELECT ?s FROM <http://example.org/g> WHERE { ?s ?p ?o }",
        "SELECT (rand() AS ?r) WHERE {}",
        "SELECT ?s WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "ınsert data { <a> <b> <c> }",  # a dotless i upper-cases to I, as the tokenizer's words are
        "ASK { ?address ?knows ?o }",
    ],
)
def test_the_guard_decides_as_the_tokenizer_when_it_skips_it(query: str) -> None:
    """A query whose text holds no checked word anywhere is let through untokenized: the same decision."""
    from diplograph.errors import BadQuery
    from diplograph.web.guard import check_read_only_query, inspect_query

    shape = inspect_query(query)
    try:
        checked = check_read_only_query(query)
    except BadQuery:
        assert shape.is_update or shape.services
        return
    assert not shape.is_update and not shape.services
    assert checked.repeatable == shape.repeatable
    assert ("FROM" in checked.keywords) == ("FROM" in shape.keywords)
