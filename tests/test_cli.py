"""The `diplograph` command line, run as a real subprocess on real stores in temporary folders."""

from __future__ import annotations

import json
import re
import shutil
import warnings
from pathlib import Path

import pytest
import rdflib

from conftest import BASE, ROOT, run_cli
from diplograph.store import GraphStore

SEEDS = ROOT / "data" / "articles"
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
MEETING_COLUMNS = (
    "meeting,date,status,place,placeLabel,participant,participantLabel,participantWikidata,country,"
    "countryLabel,article"
)
PURPOSES = {
    "build": "Read every article",
    "ingest": "Add or replace articles",
    "load": "Load RDF files",
    "validate": "SHACL shapes",
    "serve": "SPARQL endpoint",
    "query": "Run a SPARQL query",
    "export": "Write the whole graph",
}


def quad_count(store: Path) -> int:
    result = run_cli("query", COUNT_QUADS, "--store", str(store), "--format", "json", check=True)
    return int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"])


def graph_lines(store: Path) -> dict[str, list[str]]:
    """The exported N-Quads of a store, sorted and grouped by graph name."""
    exported = run_cli("export", "--store", str(store), "--format", "nquads", check=True)
    graphs: dict[str, list[str]] = {}
    for line in exported.stdout.splitlines():
        name = re.search(r"<([^<>]*)> \.$", line)
        graphs.setdefault(name.group(1) if name else "", []).append(line)
    return {name: sorted(lines) for name, lines in graphs.items()}


@pytest.fixture
def store_copy(seed_store: Path, tmp_path: Path) -> Path:
    """A copy of the session's seed store, so a test may write without touching the shared one."""
    copy = tmp_path / "store"
    shutil.copytree(seed_store, copy)
    return copy


@pytest.fixture
def articles_copy(tmp_path: Path) -> Path:
    """The seed articles and their sidecar `articles.csv` beside them, in a temporary folder."""
    shutil.copytree(SEEDS, tmp_path / "articles")
    shutil.copy(ROOT / "data" / "articles.csv", tmp_path / "articles.csv")
    return tmp_path / "articles"


def test_group_help_lists_every_command() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "knowledge graph of diplomacy" in result.stdout
    for command in PURPOSES:
        assert re.search(rf"^\s+{command}\s", result.stdout, re.MULTILINE), command


@pytest.mark.parametrize("command", sorted(PURPOSES))
def test_every_command_has_help_with_its_purpose_and_the_store_option(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0, result.stderr
    assert PURPOSES[command] in " ".join(result.stdout.split())
    assert "--store" in result.stdout


def test_validate_says_the_seed_store_conforms(seed_store: Path) -> None:
    result = run_cli("validate", "--store", str(seed_store))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("conforms:")


def test_second_build_changes_nothing(store_copy: Path) -> None:
    before = quad_count(store_copy)
    result = run_cli("build", "--store", str(store_copy), "--base", BASE)
    assert result.returncode == 0, result.stderr
    assert "0 ingested, 0 replaced, 5 unchanged" in result.stdout
    assert quad_count(store_copy) == before


def test_edited_article_replaces_exactly_its_own_graph(articles_copy: Path, tmp_path: Path) -> None:
    store = tmp_path / "edited-store"
    first = run_cli("build", "--articles", str(articles_copy), "--store", str(store), "--base", BASE)
    assert first.returncode == 0, first.stderr
    before = graph_lines(store)
    edited = articles_copy / "003_4a9ef451a267d0c6.txt"
    sentence = "The ministers agreed to meet again in the autumn."
    edited.write_text(edited.read_text(encoding="utf-8") + f"\n\n{sentence}\n", encoding="utf-8")

    second = run_cli("build", "--articles", str(articles_copy), "--store", str(store), "--base", BASE)

    assert second.returncode == 0, second.stderr
    assert "0 ingested, 1 replaced, 4 unchanged" in second.stdout
    after = graph_lines(store)
    for path in sorted(SEEDS.glob("*.txt")):
        if path.name != edited.name:
            name = f"{BASE}graph/article/{path.stem}"
            assert after[name] == before[name], path.stem
    text = GraphStore.open(store, read_only=True).select(
        "SELECT ?id ?text WHERE { ?article dcterms:identifier ?id ; dg:text ?text }",
        id="003_4a9ef451a267d0c6",
    )
    assert sentence in text[0]["text"]


def test_build_rejects_empty_binary_and_latin1_files_and_keeps_the_good_ones(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in ("000_31ae349b8af08f2e.txt", "003_4a9ef451a267d0c6.txt"):
        shutil.copy(SEEDS / seed, folder / seed)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x00\rIHDR\x00\x00")
    (folder / "latin1.txt").write_bytes("Le ministre a rencontré son homologue à Genève.".encode("latin-1"))

    result = run_cli("build", "--articles", str(folder), "--store", str(tmp_path / "store"))

    assert result.returncode == 1
    assert "2 ingested" in result.stdout
    assert "3 rejected" in result.stdout
    rejected = [line for line in result.stderr.splitlines() if line.startswith("rejected:")]
    assert len(rejected) == 3
    for name in ("empty.txt", "binary.txt", "latin1.txt"):
        assert sum(name in line for line in rejected) == 1, name
    graphs = GraphStore.open(tmp_path / "store", read_only=True).named_graphs()
    assert f"{BASE}graph/article/000_31ae349b8af08f2e" in graphs
    assert f"{BASE}graph/article/003_4a9ef451a267d0c6" in graphs


def test_ingest_keeps_the_good_jsonl_line_and_names_the_broken_one(tmp_path: Path) -> None:
    good = {
        "id": "wire-2023-05-10",
        "text": "Russian Foreign Minister Sergey Lavrov met Syrian Foreign Minister Faisal Mekdad in Moscow.",
        "published": "2023-05-10",
    }
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(json.dumps(good) + '\n{"id": "broken", "text": \n', encoding="utf-8")

    result = run_cli("ingest", str(jsonl), "--store", str(tmp_path / "store"), "--base", BASE)

    assert result.returncode == 1
    assert "1 ingested" in result.stdout
    assert "1 rejected" in result.stdout
    assert re.search(rf"^rejected: .*{re.escape(str(jsonl))}.* line 2\b", result.stderr, re.MULTILINE)
    graphs = GraphStore.open(tmp_path / "store", read_only=True).named_graphs()
    assert f"{BASE}graph/article/wire-2023-05-10" in graphs


def test_ingest_adds_a_plain_text_article_beside_the_seeds(store_copy: Path, tmp_path: Path) -> None:
    article = tmp_path / "geneva_talks.txt"
    article.write_text(
        "Iranian Foreign Minister Hossein Amir-Abdollahian met Turkish Foreign Minister Mevlüt Çavuşoğlu "
        "in Geneva on Monday to discuss the war in Syria.\n",
        encoding="utf-8",
    )
    before = GraphStore.open(store_copy, read_only=True).named_graphs()

    result = run_cli("ingest", str(article), "--store", str(store_copy), "--base", BASE)

    assert result.returncode == 0, result.stderr
    assert "1 ingested, 0 replaced" in result.stdout
    after = GraphStore.open(store_copy, read_only=True).named_graphs()
    assert set(after) - set(before) == {f"{BASE}graph/article/geneva_talks"}


@pytest.mark.parametrize("graph", [None, "http://example.org/graph/vocabulary"])
def test_load_puts_turtle_triples_in_the_graph_named_after_the_file(
    store_copy: Path, tmp_path: Path, graph: str | None
) -> None:
    turtle = tmp_path / "vocabulary.ttl"
    turtle.write_text('<http://example.org/a> <http://example.org/b> "loaded" .\n', encoding="utf-8")
    options = ["--graph", graph] if graph else []

    result = run_cli("load", str(turtle), "--store", str(store_copy), "--base", BASE, *options)

    assert result.returncode == 0, result.stderr
    expected = graph or f"{BASE}graph/file/vocabulary.ttl"
    rows = GraphStore.open(store_copy, read_only=True).select(
        "SELECT ?g WHERE { GRAPH ?g { <http://example.org/a> <http://example.org/b> ?o } }"
    )
    assert [row["g"] for row in rows] == [expected]


def test_export_as_nquads_parses_back_to_every_quad(seed_store: Path) -> None:
    result = run_cli("export", "--store", str(seed_store), "--format", "nquads")
    assert result.returncode == 0, result.stderr
    dataset = rdflib.Dataset()
    with warnings.catch_warnings():  # rdflib's own parser uses its deprecated default_context
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(data=result.stdout, format="nquads")
        quads = list(dataset.quads((None, None, None, None)))
    assert len(quads) == quad_count(seed_store)
    graphs = {str(graph) for _, _, _, graph in quads}
    assert f"{BASE}graph/article/002_bd5f883b5d055f83" in graphs


def test_export_as_turtle_parses_to_the_union_of_graphs(seed_store: Path, tmp_path: Path) -> None:
    output = tmp_path / "graph.ttl"
    result = run_cli("export", "--store", str(seed_store), "--format", "turtle", "-o", str(output))
    assert result.returncode == 0, result.stderr
    graph = rdflib.Graph().parse(output, format="turtle")
    dg = rdflib.Namespace("https://w3id.org/diplograph/ontology#")
    assert any(graph.subjects(rdflib.RDF.type, dg.Meeting))
    assert len(graph) > 100


@pytest.mark.parametrize(
    ("output", "header"),
    [
        ("csv", MEETING_COLUMNS),
        ("tsv", "\t".join(f"?{name}" for name in MEETING_COLUMNS.split(","))),
        ("table", "  ".join(MEETING_COLUMNS.split(","))),
    ],
)
def test_query_runs_an_rq_file_in_each_text_format(seed_store: Path, output: str, header: str) -> None:
    query = str(ROOT / "queries" / "meetings.rq")
    result = run_cli("query", query, "--store", str(seed_store), "--format", output)
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    if output == "table":
        assert first.split() == MEETING_COLUMNS.split(",")
    else:
        assert first == header
    assert "Moscow" in result.stdout


def test_query_runs_an_rq_file_as_sparql_json(seed_store: Path) -> None:
    query = str(ROOT / "queries" / "meetings.rq")
    result = run_cli("query", query, "--store", str(seed_store), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert ",".join(data["head"]["vars"]) == MEETING_COLUMNS
    assert any(row.get("placeLabel", {}).get("value") == "Moscow" for row in data["results"]["bindings"])


def test_a_locked_store_gives_one_clear_error_line(store_copy: Path) -> None:
    holder = GraphStore.open(store_copy)  # read-write: holds the lock, as a running build would
    try:
        result = run_cli("build", "--store", str(store_copy))
    finally:
        del holder
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: ")
    assert str(store_copy) in lines[0]
