"""The example queries in ``queries/``: documented, parsed by Oxigraph, and the two contract queries exact."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, Store

from diplograph.config import PROJECT_ROOT

QUERIES = sorted((PROJECT_ROOT / "queries").glob("*.rq"))
FIXTURE = PROJECT_ROOT / "tests" / "shapes" / "valid" / "complete_article.ttl"
ID = "http://127.0.0.1:5000/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
FEDERATED = "SERVICE <https://query.wikidata.org/sparql>"


@pytest.fixture(scope="module")
def store() -> Store:
    """The valid fixture in its own named graph, queried with the default graph as the union (as served)."""
    store = Store()
    store.load(
        path=str(FIXTURE), format=RdfFormat.TURTLE, to_graph=NamedNode("http://127.0.0.1:5000/graph/test")
    )
    return store


def run(store: Store, name: str) -> tuple[list[str], list[dict[str, object]]]:
    text = (PROJECT_ROOT / "queries" / name).read_text(encoding="utf-8")
    solutions = store.query(text, use_default_graph_as_union=True)
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    columns = [variable.value for variable in solutions.variables]
    rows = [{column: solution[column] for column in columns} for solution in solutions]
    return columns, rows


def test_there_are_the_contract_queries_and_at_least_eight_more() -> None:
    names = {query.name for query in QUERIES}
    assert {"meetings.rq", "positions.rq"} <= names
    assert len(names) >= 10


@pytest.mark.parametrize("query", QUERIES, ids=lambda path: path.stem)
def test_query_starts_with_title_and_description(query: Path) -> None:
    first, second = query.read_text(encoding="utf-8").splitlines()[:2]
    assert re.fullmatch(r"# title: \S.*", first)
    assert re.fullmatch(r"# description: \S.*", second)


@pytest.mark.parametrize("query", QUERIES, ids=lambda path: path.stem)
def test_query_parses_with_oxigraph_without_default_prefixes(query: Path) -> None:
    text = query.read_text(encoding="utf-8")
    # Oxigraph parses on query() and evaluates lazily: the federated query is parsed here, never run.
    result = Store().query(text)
    if FEDERATED not in text:
        list(result)


@pytest.mark.parametrize("query", QUERIES, ids=lambda path: path.stem)
def test_query_runs_over_the_fixture_unless_federated(store: Store, query: Path) -> None:
    text = query.read_text(encoding="utf-8")
    if FEDERATED in text:
        assert "only when federation is enabled" in text.splitlines()[0]
        return
    list(store.query(text, use_default_graph_as_union=True))


def test_meetings_query_has_the_contract_columns_and_one_row_per_participant_and_article(
    store: Store,
) -> None:
    columns, rows = run(store, "meetings.rq")
    assert columns == [
        "meeting",
        "date",
        "status",
        "place",
        "placeLabel",
        "participant",
        "participantLabel",
        "participantWikidata",
        "country",
        "countryLabel",
        "article",
    ]
    common = {
        "meeting": NamedNode(ID + "meeting/2017-04-13-moscow-russia-syria"),
        "date": Literal("2017-04-13", datatype=NamedNode(XSD + "date")),
        "status": Literal("held"),
        "place": NamedNode(ID + "city/moscow"),
        "placeLabel": Literal("Moscow", language="en"),
        "article": NamedNode(ID + "article/900_fixture"),
    }
    assert rows == [
        {
            **common,
            "participant": NamedNode(ID + "person/sergey-lavrov"),
            "participantLabel": Literal("Sergey Lavrov", language="en"),
            "participantWikidata": None,
            "country": NamedNode(ID + "country/russia"),
            "countryLabel": Literal("Russia", language="en"),
        },
        {
            **common,
            "participant": NamedNode(ID + "country/syria"),
            "participantLabel": Literal("Syria", language="en"),
            "participantWikidata": NamedNode("http://www.wikidata.org/entity/Q858"),
            "country": NamedNode(ID + "country/syria"),
            "countryLabel": Literal("Syria", language="en"),
        },
    ]


def test_positions_query_has_the_contract_columns_and_the_verbatim_quote(store: Store) -> None:
    columns, rows = run(store, "positions.rq")
    assert columns == [
        "position",
        "holder",
        "holderLabel",
        "holderWikidata",
        "topic",
        "stance",
        "quote",
        "date",
        "article",
    ]
    assert rows == [
        {
            "position": NamedNode(ID + "position/900_fixture-sergey-lavrov-strikes-on-syria"),
            "holder": NamedNode(ID + "person/sergey-lavrov"),
            "holderLabel": Literal("Sergey Lavrov", language="en"),
            "holderWikidata": None,
            "topic": Literal("strikes on Syria"),
            "stance": Literal("oppose"),
            "quote": Literal("oppose any further strikes on Syria"),
            "date": Literal("2017-04", datatype=NamedNode(XSD + "gYearMonth")),
            "article": NamedNode(ID + "article/900_fixture"),
        }
    ]


def test_person_timeline_lists_the_meeting_and_the_position(store: Store) -> None:
    _, rows = run(store, "person-timeline.rq")
    assert [(row["what"].value, row["date"].value) for row in rows] == [  # type: ignore[union-attr]
        ("position", "2017-04"),
        ("meeting", "2017-04-13"),
    ]


def test_claim_provenance_gives_the_sentence_and_its_offsets(store: Store) -> None:
    _, rows = run(store, "claim-provenance.rq")
    position = [row for row in rows if row["kind"] == Literal("Position")]
    assert [(row["start"].value, row["end"].value) for row in position] == [("137", "213")]  # type: ignore[union-attr]
    assert position[0]["sentence"].value.startswith("Lavrov said Russia would")  # type: ignore[union-attr]


def test_meetings_query_leaves_place_and_country_empty_when_unknown() -> None:
    """An unbound place or country must not pick up the label of every other resource."""
    store = Store()
    store.load(
        input=b"""
        @prefix dg: <https://w3id.org/diplograph/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <urn:report> dg:reportOf <urn:meeting> ; dg:source <urn:article> ; dg:status dg:planned ;
            dg:participation [ dg:participant <urn:person> ] .
        <urn:person> a dg:Person ; rdfs:label "Someone"@en .
        <urn:city> a dg:City ; rdfs:label "Somewhere"@en .
        """,
        format=RdfFormat.TURTLE,
        to_graph=NamedNode("urn:graph"),
    )
    text = (PROJECT_ROOT / "queries" / "meetings.rq").read_text(encoding="utf-8")
    columns = ("place", "placeLabel", "country", "countryLabel")
    rows = [{c: row[c] for c in columns} for row in store.query(text, use_default_graph_as_union=True)]
    assert rows == [{"place": None, "placeLabel": None, "country": None, "countryLabel": None}]
