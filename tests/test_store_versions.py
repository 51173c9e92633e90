"""Store versions: a writer works on a new version that readers see only once it is published."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from diplograph.errors import StoreBusy
from diplograph.store import GraphStore, local
from diplograph.store.versions import POINTER, VersionedFolder

EXAMPLE = "http://example.org/"


@pytest.fixture(autouse=True)
def refresh_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Readers check the pointer on every query here, so the tests need not sleep."""
    monkeypatch.setattr(local, "REFRESH_SECONDS", 0.0)


def one_triple(value: str) -> Graph:
    graph = Graph()
    graph.add((URIRef(EXAMPLE + "s"), URIRef(EXAMPLE + "p"), Literal(value)))
    return graph


def values(store: GraphStore) -> list[str]:
    return sorted(str(row["o"]) for row in store.select("SELECT ?o WHERE { ?s ?p ?o }"))


def write(path: Path, name: str, value: str) -> None:
    writer = GraphStore.open(path)
    writer.replace_graph(URIRef(EXAMPLE + name), one_triple(value))
    writer.flush()
    writer.close()


def test_a_reader_sees_a_writers_graphs_only_once_they_are_published(tmp_path: Path) -> None:
    write(tmp_path, "first", "one")
    reader = GraphStore.open(tmp_path, read_only=True)
    writer = GraphStore.open(tmp_path)
    writer.replace_graph(URIRef(EXAMPLE + "second"), one_triple("two"))
    assert values(writer) == ["one", "two"]
    assert values(reader) == ["one"]
    assert reader.store_version() == 1

    writer.flush()

    assert values(reader) == ["one", "two"]
    assert reader.store_version() == 2
    assert (tmp_path / POINTER).read_text().strip() == "2"


def test_a_second_writer_gets_a_clear_error_naming_the_store(tmp_path: Path) -> None:
    first = GraphStore.open(tmp_path)
    busy = "another build, ingest, load or SPARQL Update .* is writing this store"
    with pytest.raises(StoreBusy, match=busy) as raised:
        GraphStore.open(tmp_path)
    assert str(tmp_path) in str(raised.value)
    first.close()
    GraphStore.open(tmp_path).close()  # free again once the first writer is done


def test_a_store_from_before_versions_is_version_0_and_migrated_on_first_write(
    tmp_path: Path,
) -> None:
    plain = ox.Store(str(tmp_path))
    plain.add(ox.Quad(ox.NamedNode(EXAMPLE + "s"), ox.NamedNode(EXAMPLE + "p"), ox.Literal("old")))
    plain.flush()
    del plain
    reader = GraphStore.open(tmp_path, read_only=True)
    assert reader.store_version() == 0
    assert values(reader) == ["old"]

    write(tmp_path, "new", "new")

    assert values(reader) == ["new", "old"]
    assert reader.store_version() == 1
    assert (tmp_path / "versions" / "000001").is_dir()


def test_only_the_last_two_versions_are_kept_unless_a_reader_holds_an_older_one(tmp_path: Path) -> None:
    write(tmp_path, "g", "1")
    held = VersionedFolder(tmp_path).open_published()  # a reader still on version 1
    for value in "234":
        write(tmp_path, "g", value)
    assert VersionedFolder(tmp_path).existing() == [1, 3, 4]

    del held
    write(tmp_path, "g", "5")
    assert VersionedFolder(tmp_path).existing() == [4, 5]
    assert values(GraphStore.open(tmp_path, read_only=True)) == ["5"]


def test_a_writer_that_never_publishes_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    write(tmp_path, "g", "kept")
    abandoned = GraphStore.open(tmp_path)
    abandoned.replace_graph(URIRef(EXAMPLE + "g"), one_triple("lost"))
    abandoned.close()
    assert values(GraphStore.open(tmp_path, read_only=True)) == ["kept"]

    GraphStore.open(tmp_path).close()  # the next writer removes the abandoned draft
    assert VersionedFolder(tmp_path).existing() == [1]


def test_reading_a_folder_with_no_store_says_to_build_first(tmp_path: Path) -> None:
    with pytest.raises(StoreBusy, match="diplograph build"):
        GraphStore.open(tmp_path / "nothing", read_only=True)


def test_an_in_memory_store_counts_its_writes_as_its_version() -> None:
    store = GraphStore.in_memory()
    before = store.store_version()
    store.replace_graph(URIRef(EXAMPLE + "g"), one_triple("x"))
    assert store.store_version() == (before or 0) + 1
    assert values(store) == ["x"]
