"""The SHACL shapes and the ontology: every guard has an invalid fixture that trips exactly that guard.

Each file in ``tests/shapes/invalid/`` is the valid fixture with one thing broken; its first line,
``# expect: PATH [PATH…]``, names the property paths the violations must be reported on (all of them, and
nothing else), so a fixture cannot pass by tripping an unrelated shape.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from diplograph.errors import ValidationError
from diplograph.graph.namespaces import DG
from diplograph.validate import (
    ONTOLOGY_PATH,
    SHAPES_PATH,
    load_ontology,
    load_shapes,
    raise_for_violations,
    validate_graph,
)

FIXTURES = Path(__file__).parent / "shapes"
VALID = sorted((FIXTURES / "valid").glob("*.ttl"))
INVALID = sorted((FIXTURES / "invalid").glob("*.ttl"))


def expected_paths(fixture: Path) -> set[str]:
    first_line = fixture.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# expect: "), f"{fixture.name} must start with '# expect: PATH'"
    return set(first_line.removeprefix("# expect: ").split())


@pytest.mark.parametrize("fixture", VALID, ids=lambda path: path.stem)
def test_valid_fixture_conforms(fixture: Path) -> None:
    report = validate_graph(Graph().parse(fixture, format="turtle"))
    assert report.conforms, report.text()
    assert report.violations == ()


@pytest.mark.parametrize("fixture", INVALID, ids=lambda path: path.stem)
def test_invalid_fixture_breaks_exactly_its_guard(fixture: Path) -> None:
    report = validate_graph(Graph().parse(fixture, format="turtle"))
    assert not report.conforms
    assert {violation.path for violation in report.violations} == expected_paths(fixture), report.text()
    assert all(violation.severity == "Violation" for violation in report.violations)


def test_there_is_an_invalid_fixture_for_every_guard_we_promise() -> None:
    names = {fixture.stem for fixture in INVALID}
    promised = {
        "report_without_source",
        "evidence_exact_not_text_slice",
        "evidence_start_not_before_end",
        "report_bad_status",
        "position_bad_stance",
        "report_date_plain_string",
        "wikidata_iri_wrong_form",
        "participation_without_participant",
        "position_without_quote",
        "report_without_evidence",
        "meeting_without_report",
        "person_without_label",
    }
    assert promised <= names


def test_offsets_counted_in_bytes_are_caught() -> None:
    """The text has a curly apostrophe: offsets in UTF-8 bytes land two characters off."""
    report = validate_graph(Graph().parse(FIXTURES / "invalid" / "evidence_offsets_in_bytes.ttl"))
    assert "is not the article text between" in report.text()


def test_report_text_is_one_line_per_violation_with_focus_path_message_and_value() -> None:
    report = validate_graph(Graph().parse(FIXTURES / "invalid" / "report_bad_status.ttl"))
    assert report.text() == (
        "<http://127.0.0.1:5000/id/report/900_fixture-lavrov-syria> — dg:status: A meeting report needs "
        "exactly one dg:status: dg:proposed, dg:planned, dg:held, dg:postponed or dg:cancelled. (dg:finished)"
    )


def test_raise_for_violations_names_what_was_validated_and_carries_the_report() -> None:
    report = validate_graph(Graph().parse(FIXTURES / "invalid" / "position_bad_stance.ttl"))
    with pytest.raises(
        ValidationError, match=r"article 900_fixture breaks the Diplograph shapes \(1 violation\)"
    ):
        raise_for_violations(report, "article 900_fixture")
    try:
        raise_for_violations(report, "article 900_fixture")
    except ValidationError as error:
        assert "dg:stance" in error.report


def test_raise_for_violations_is_silent_on_a_conforming_graph() -> None:
    report = validate_graph(Graph().parse(VALID[0]))
    raise_for_violations(report, "the valid fixture")


def test_validation_leaves_the_data_graph_unchanged() -> None:
    data = Graph().parse(VALID[0])
    before = len(data)
    validate_graph(data)
    assert len(data) == before


def ontology_terms() -> set[URIRef]:
    return {term for term in load_ontology().subjects() if isinstance(term, URIRef) and term.startswith(DG)}


def test_every_ontology_term_has_an_english_label_and_comment() -> None:
    ontology = load_ontology()
    missing = []
    for term in sorted(ontology_terms()):
        for predicate in (RDFS.label, RDFS.comment):
            values = list(ontology.objects(term, predicate))
            if not any(isinstance(v, Literal) and v.language == "en" for v in values):
                missing.append(f"{term} {predicate}")
    assert not missing, "\n".join(missing)


def test_every_ontology_term_is_defined_by_the_ontology() -> None:
    ontology = load_ontology()
    for term in ontology_terms():
        assert ontology.value(term, RDFS.isDefinedBy) == URIRef("https://w3id.org/diplograph/ontology"), term


def test_every_dg_term_in_the_shapes_is_declared_in_the_ontology() -> None:
    used = {
        node
        for triple in load_shapes()
        for node in triple
        if isinstance(node, URIRef) and node.startswith(DG) and node != DG
    }
    # Terms that appear only inside the SPARQL constraints' text.
    sparql = SHAPES_PATH.read_text(encoding="utf-8")
    for name in ("text", "source", "evidence", "quoteEvidence", "quote"):
        assert f"dg:{name}" in sparql
        used.add(DG[name])
    assert used - ontology_terms() == set()


def test_every_dg_term_in_the_model_document_is_declared_in_the_ontology() -> None:
    model = (ONTOLOGY_PATH.parent.parent / "docs" / "model.md").read_text(encoding="utf-8")
    mentioned = {DG[name] for name in re.findall(r"\bdg:([A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?)", model)}
    assert mentioned - ontology_terms() == set()
