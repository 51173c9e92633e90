"""Comunica (`@comunica/query-sparql` from npm, installed by `make test` into ./node_modules) querying the
endpoint: given only the address of `/sparql`, it reads the service description and follows `sd:endpoint`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMUNICA = ROOT / "node_modules" / ".bin" / "comunica-sparql"


@pytest.fixture
def comunica() -> str:
    if COMUNICA.exists() and shutil.which("node"):
        return str(COMUNICA)
    message = f"Comunica is not installed at {COMUNICA}: run `make clients` (needs Node.js and npm)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def test_comunica_finds_the_endpoint_in_the_service_description_and_queries_it(
    endpoint_root: str, comunica: str
) -> None:
    query = (
        "PREFIX dg: <https://w3id.org/diplograph/ontology#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?person ?label WHERE { ?person a dg:Person ; rdfs:label ?label }"
    )
    result = subprocess.run(
        [comunica, endpoint_root + "sparql", query, "-t", "application/sparql-results+json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    bindings = json.loads(result.stdout)["results"]["bindings"]
    assert bindings and all("/id/person/" in row["person"]["value"] for row in bindings)
