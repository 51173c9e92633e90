"""CAMEO codes and PLOVER CONSULT modes: the rules on small findings, the ontology's concepts, the seeds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rdflib import Literal
from rdflib.namespace import SKOS

from conftest import BASE
from diplograph.config import PROJECT_ROOT
from diplograph.extract.model import Entity, MeetingFinding, Participant, Span, Status
from diplograph.graph.eventcodes import CAMEO_CODES, PLOVER_MODES, event_codes
from diplograph.graph.namespaces import DG
from diplograph.store import opened
from diplograph.validate import load_ontology

RUSSIA = Entity("russia", "country", "Russia")
SYRIA = Entity("syria", "country", "Syria")
IRAN = Entity("iran", "country", "Iran")
LAVROV = Entity("sergey-lavrov", "person", "Sergey Lavrov", country="russia")
MEKDAD = Entity("faisal-mekdad", "person", "Faisal Mekdad", country="syria")
MOSCOW = Entity("moscow", "city", "Moscow", country="russia")
DAMASCUS = Entity("damascus", "city", "Damascus", country="syria")
ASTANA = Entity("astana", "city", "Astana", country="kazakhstan")
GENEVA = Entity("geneva", "city", "Geneva")  # a place whose state the gazetteer does not give
ARAB_LEAGUE = Entity("arab-league", "organization", "Arab League")


def lavrov(*, host: bool = False) -> Participant:
    return Participant(LAVROV, "foreign minister", "russia", is_host=host)


def mekdad(*, host: bool = False) -> Participant:
    return Participant(MEKDAD, "foreign minister", "syria", is_host=host)


def finding(
    *participants: Participant, place: Entity | None = None, status: Status = Status.HELD
) -> MeetingFinding:
    return MeetingFinding(status, participants, (Span(0, 10),), Span(0, 4), place=place)


@pytest.mark.parametrize("status", [Status.PROPOSED, Status.PLANNED, Status.POSTPONED, Status.CANCELLED])
def test_a_meeting_not_held_is_an_intent_to_meet_without_a_mode(status: Status) -> None:
    assert event_codes(finding(lavrov(host=True), mekdad(), place=MOSCOW, status=status)) == ("036", None)


def test_a_stated_intent_stays_036_whatever_the_kind_hint() -> None:
    planned = finding(lavrov(), mekdad(), status=Status.PLANNED)
    assert event_codes(planned, kind_hint="negotiation") == ("036", None)


def test_a_held_meeting_of_more_than_two_states_is_a_multilateral_consultation() -> None:
    iran = Participant(IRAN, represents="iran", is_host=False)
    assert event_codes(finding(lavrov(host=True), mekdad(), iran, place=MOSCOW)) == ("040", "multilateral")


def test_a_named_host_at_home_hosts_a_visit() -> None:
    assert event_codes(finding(lavrov(host=True), mekdad(), place=MOSCOW)) == ("043", "visit")


def test_a_named_host_in_an_unstated_place_hosts_a_visit() -> None:
    assert event_codes(finding(lavrov(host=True), mekdad())) == ("043", "visit")


def test_a_state_as_host_counts_as_at_home() -> None:
    russia = Participant(RUSSIA, represents="russia", is_host=True)
    assert event_codes(finding(russia, mekdad(), place=MOSCOW)) == ("043", "visit")


def test_a_visit_to_one_side_without_a_named_host_is_making_a_visit() -> None:
    assert event_codes(finding(lavrov(), mekdad(), place=DAMASCUS)) == ("042", "visit")


def test_a_host_whose_state_is_not_the_place_gives_way_to_the_place() -> None:
    # The text says Lavrov hosted, but the meeting is in Damascus: Syria is the home side, Russia visits.
    assert event_codes(finding(lavrov(host=True), mekdad(), place=DAMASCUS)) == ("042", "visit")


def test_a_place_in_none_of_the_participants_states_is_a_third_location() -> None:
    assert event_codes(finding(lavrov(), mekdad(), place=ASTANA)) == ("044", "third-party")
    assert event_codes(finding(lavrov(host=True), mekdad(), place=ASTANA)) == ("044", "third-party")


def test_a_place_given_as_a_third_state_is_a_third_location() -> None:
    kazakhstan = Entity("kazakhstan", "country", "Kazakhstan")
    assert event_codes(finding(lavrov(), mekdad(), place=kazakhstan)) == ("044", "third-party")


def test_no_host_and_no_place_is_an_unspecified_consultation() -> None:
    assert event_codes(finding(lavrov(), mekdad())) == ("040", None)


def test_a_place_of_unknown_state_and_no_host_is_an_unspecified_consultation() -> None:
    assert event_codes(finding(lavrov(), mekdad(), place=GENEVA)) == ("040", None)


def test_a_meeting_among_one_states_people_at_home_is_no_visit() -> None:
    lavrov_aide = Participant(Entity("aide", "person", "An Aide", country="russia"), represents="russia")
    assert event_codes(finding(lavrov(host=True), lavrov_aide, place=MOSCOW)) == ("040", None)


def test_an_organization_without_a_state_visiting_a_state_makes_a_visit() -> None:
    league = Participant(ARAB_LEAGUE)
    assert event_codes(finding(lavrov(), league, place=MOSCOW)) == ("042", "visit")


@pytest.mark.parametrize(("hint", "code"), [("mediation", "045"), ("negotiation", "046")])
def test_the_kind_hint_names_the_code_and_the_structure_still_gives_the_mode(hint, code) -> None:
    assert event_codes(finding(lavrov(host=True), mekdad(), place=MOSCOW), kind_hint=hint) == (code, "visit")
    assert event_codes(finding(lavrov(), mekdad()), kind_hint=hint) == (code, None)


def test_every_code_and_mode_is_a_concept_of_its_scheme_with_its_notation() -> None:
    ontology = load_ontology()
    for code, label in CAMEO_CODES.items():
        concept = DG[f"cameo-{code}"]
        assert ontology.value(concept, SKOS.notation) == Literal(code)
        assert ontology.value(concept, SKOS.inScheme) == DG.cameoScheme
        assert ontology.value(concept, SKOS.prefLabel) == Literal(label, lang="en")
        assert ontology.value(concept, SKOS.definition) is not None
    for mode in PLOVER_MODES:
        concept = DG[f"plover-{mode}"]
        assert ontology.value(concept, SKOS.notation) == Literal(mode)
        assert ontology.value(concept, SKOS.inScheme) == DG.ploverConsultModeScheme
    top = set(ontology.objects(DG.cameoScheme, SKOS.hasTopConcept))
    assert top == {DG[f"cameo-{code}"] for code in CAMEO_CODES}


# -- the seed store ------------------------------------------------------------------------------------------


REPORTS = "SELECT (COUNT(DISTINCT ?report) AS ?n) WHERE { ?report a dg:MeetingReport }"
UNCODED = "SELECT ?report WHERE { ?report a dg:MeetingReport FILTER NOT EXISTS { ?report dg:cameoCode ?c } }"


@pytest.fixture(scope="module")
def seed(seed_store: Path) -> dict[str, Any]:
    """On the store the real build wrote: the report count, the uncoded reports, rows of event-codes.rq."""
    with opened(seed_store, read_only=True) as store:
        solutions = store.query((PROJECT_ROOT / "queries" / "event-codes.rq").read_text(encoding="utf-8"))
        columns = [variable.value for variable in solutions.variables]
        rows = [
            {column: None if solution[column] is None else solution[column].value for column in columns}
            for solution in solutions
        ]
        return {"reports": store.select(REPORTS)[0]["n"], "uncoded": store.select(UNCODED), "rows": rows}


@pytest.fixture(scope="module")
def codes(seed: dict[str, Any]) -> list[dict[str, str | None]]:
    return seed["rows"]


def test_every_seed_report_has_a_cameo_code_and_the_query_lists_them_all(seed, codes) -> None:
    assert seed["reports"] > 0
    assert seed["uncoded"] == []
    assert len({row["report"] for row in codes}) == len(codes) == seed["reports"]
    assert {row["cameo"] for row in codes} <= set(CAMEO_CODES)
    assert {row["plover"] for row in codes} <= {*PLOVER_MODES, None}
    assert all(row["cameoLabel"] for row in codes)


def test_the_tehran_meeting_hosted_by_irans_chief_of_staff_hosts_a_visit(codes) -> None:
    # Seed 003: Iran's chief of staff Mohammad Bagheri received a Syrian officer in Tehran on 2023-05-10.
    tehran = [
        row
        for row in codes
        if row["date"] == "2023-05-10"
        and row["article"] == f"{BASE}id/article/003_4a9ef451a267d0c6"
        and "Tehran" in (row["reportLabel"] or "")
    ]
    assert len(tehran) == 1, codes
    assert (tehran[0]["cameo"], tehran[0]["plover"]) == ("043", "visit")


def test_not_yet_held_seed_meetings_are_intents_and_held_ones_are_consultations(codes) -> None:
    for row in codes:
        if row["status"] == "held":
            assert row["cameo"] != "036", row
        else:
            assert (row["cameo"], row["plover"]) == ("036", None), row
