"""The W3C SPARQL 1.1 Protocol tests (sparql11/protocol/manifest.ttl), sent as written to our running server.

Run twice: read-only (the default), where every update request must be refused with 403 and a message
while every query and every malformed request gets the status the test expects; and with updates enabled
(and the bearer token sent), where all of them must pass for real.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import unquote

import pytest
import rdflib
import requests
from rdflib.collection import Collection

from .conftest import RATES, TOKEN, W3CServer
from .suite import MF, UT, W3C, manifests_under, quads_of

HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
pytestmark = [
    pytest.mark.slow,
    # The store's version snapshots close their lock files in __del__; in a reference cycle the file can be
    # collected first, which Python reports as an unclosed file (reported to the store's owner).
    pytest.mark.filterwarnings(
        "ignore:Exception ignored in.*versions/.*lock:pytest.PytestUnraisableExceptionWarning"
    ),
]


@dataclass(frozen=True)
class HttpRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: str | None
    statuses: tuple[str, ...]  # e.g. ("2", "3")
    format: str | None
    boolean: bool | None

    @property
    def is_update(self) -> bool:
        content_type = self.headers.get("content-type", "")
        return (
            "sparql-update" in content_type
            or (self.body or "").startswith("update=")
            or "update=" in self.path
        )


@dataclass(frozen=True)
class ProtocolTest:
    id: str
    graph_data: tuple[tuple[str, object], ...]
    requests: tuple[HttpRequest, ...]


def protocol_tests() -> list[ProtocolTest]:
    from pathlib import Path

    graph, manifest = next(manifests_under(W3C / "sparql11" / "protocol" / "manifest.ttl"))
    tests = []
    for head in graph.objects(manifest, MF.entries):
        for entry in Collection(graph, head):
            data = tuple(
                (str(graph.value(item, rdflib.RDFS.label)), Path(str(graph.value(item, UT.graph))[7:]))
                for item in graph.objects(entry, UT.graphData)
            )
            action = graph.value(entry, MF.action)
            steps = []
            for request in Collection(graph, graph.value(action, HT.requests)):
                headers = {}
                for head_list in graph.objects(request, HT.headers):
                    for header in Collection(graph, head_list):
                        headers[str(graph.value(header, HT.fieldName))] = str(
                            graph.value(header, HT.fieldValue)
                        )
                body = graph.value(graph.value(request, HT.body), CNT.chars)
                response = graph.value(request, HT.resp)
                statuses = tuple(
                    sorted(
                        str(status).rsplit("StatusCode", 1)[1][0]
                        for status in graph.objects(response, MF.expectedStatus)
                    )
                )
                boolean = graph.value(response, MF.expectedBoolean)
                expected_format = graph.value(response, MF.expectedFormat)
                steps.append(
                    HttpRequest(
                        method=str(graph.value(request, HT.methodName)),
                        path=str(graph.value(request, HT.absolutePath)),
                        headers=headers,
                        body=str(body) if body is not None else None,
                        statuses=statuses,
                        format=str(expected_format) if expected_format is not None else None,
                        boolean=boolean.toPython() if boolean is not None else None,
                    )
                )
            tests.append(ProtocolTest(str(entry).rsplit("#", 1)[1], data, tuple(steps)))
    return tests


TESTS = protocol_tests() if W3C.is_dir() else []


def send(server: W3CServer, step: HttpRequest, token: str | None) -> requests.Response:
    path, _, query = step.path.partition("?")
    url = server.url("sparql") + ("?" + query if query else "")
    headers = dict(step.headers)
    if token:
        headers["Authorization"] = f"Bearer {token}"
    body = step.body.encode("utf-8") if step.body is not None else None
    if "charset=iso-8859-1" in headers.get("content-type", "").lower() and step.body is not None:
        body = step.body.encode("latin-1", errors="replace")
    return requests.request(step.method, url, data=body, headers=headers, timeout=60, allow_redirects=False)


def check_response(step: HttpRequest, response: requests.Response) -> str | None:
    """None when the response is what the test expects, else why not."""
    if str(response.status_code)[0] not in step.statuses:
        request = f"{step.method} {unquote(step.path)[:120]}"
        return f"{request}: status {response.status_code}, expected {step.statuses}xx"
    content_type = response.headers.get("Content-Type", "")
    if step.format == "boolean" or step.boolean is not None:
        if "json" in content_type:
            value = json.loads(response.content)["boolean"]
        else:
            root = ET.fromstring(response.content)  # noqa: S314 (our own server's answer)
            value = root.find("{http://www.w3.org/2005/sparql-results#}boolean").text == "true"  # type: ignore[union-attr]
        if step.boolean is not None and value is not step.boolean:
            return f"boolean {value}, expected {step.boolean}"
    if (
        step.format == "tabular"
        and "sparql-results" not in content_type
        and "csv" not in content_type
        and "tab-separated" not in content_type
    ):
        return f"expected tabular results, got {content_type}"
    if step.format == "RDF" and not any(
        kind in content_type for kind in ("turtle", "rdf+xml", "n-triples", "ld+json", "n-quads", "trig")
    ):
        return f"expected RDF, got {content_type}"
    return None


def run_protocol_test(test: ProtocolTest, server: W3CServer, token: str | None) -> str | None:
    server.use_store(("protocol", test.id, token), quads_of((), test.graph_data))  # type: ignore[arg-type]
    for step in test.requests:
        response = send(server, step, token)
        if step.is_update and token is None and "2" in step.statuses:
            if response.status_code != 403 or "read-only" not in response.text:
                return f"a read-only endpoint must refuse the update with 403, got {response.status_code}"
            return None  # the rest of the test reads what the update would have written
        problem = check_response(step, response)
        if problem:
            return problem
    return None


@pytest.mark.parametrize("test", TESTS, ids=[test.id for test in TESTS])
def test_protocol_read_only(test: ProtocolTest, read_only_server: W3CServer) -> None:
    problem = run_protocol_test(test, read_only_server, None)
    RATES.record("protocol, read-only", problem is None)
    assert problem is None, problem


@pytest.mark.parametrize("test", TESTS, ids=[test.id for test in TESTS])
def test_protocol_with_updates_enabled(test: ProtocolTest, update_server: W3CServer) -> None:
    problem = run_protocol_test(test, update_server, TOKEN)
    RATES.record("protocol, updates enabled", problem is None)
    assert problem is None, problem
