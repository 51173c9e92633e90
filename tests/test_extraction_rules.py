"""Extraction rules pinned to sentences from our own test articles (tests/articles/), one rule per test.

The seeds pin the facts users asked for; these pin the general rules on sentences of other outlets and
regions, so that a rule tuned to a seed cannot silently break the general case.
"""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import RDF

from diplograph.articles import Article
from diplograph.config import Settings
from diplograph.extract import extract
from diplograph.extract.model import Findings, Stance, Status
from diplograph.graph.mapping import map_article
from diplograph.graph.namespaces import DG
from diplograph.graph.uris import Minter
from diplograph.pipeline import Pipeline
from diplograph.store import GraphStore


@pytest.fixture
def read(gazetteer):
    def run(text: str, published: date | None = date(2024, 3, 14)) -> Findings:
        return extract(Article(id="test", text=text, published=published), gazetteer)

    return run


def keys(findings: Findings) -> list[set[str]]:
    return [{p.entity.key for p in m.participants} for m in findings.meetings]


def test_a_hosted_visit_is_held_with_the_host_from_the_place(read):
    findings = read(
        "Turkish President Recep Tayyip Erdogan hosted Palestinian President Mahmoud Abbas in Ankara "
        "on Wednesday, his office said."
    )
    (meeting,) = findings.meetings
    assert meeting.status is Status.HELD
    assert meeting.date is not None and meeting.date.isoformat() == "2024-03-13"
    by_key = {p.entity.key: p for p in meeting.participants}
    assert by_key["mahmoud-abbas"].represents == "state-of-palestine"  # found by title, not in the gazetteer
    assert by_key["mahmoud-abbas"].role == "head of state"
    assert by_key["recep-tayyip-erdogan"].is_host and not by_key["mahmoud-abbas"].is_host


def test_the_two_leaders_agreeing_to_meet_again_is_a_new_planned_meeting(read):
    findings = read(
        "Turkish President Recep Tayyip Erdogan hosted Palestinian President Mahmoud Abbas in Ankara "
        "on Wednesday.\n\nThe two leaders agreed to meet again next month in Istanbul, Erdogan said."
    )
    assert len(findings.meetings) == 2
    planned = findings.meetings[1]
    assert planned.status is Status.PLANNED
    assert planned.place is not None and planned.place.key == "istanbul"
    assert planned.date is not None and planned.date.isoformat() == "2024-04"
    assert {"mahmoud-abbas", "recep-tayyip-erdogan"} <= keys(findings)[1]


def test_a_phone_call_is_not_a_meeting(read):
    findings = read("Chinese President Xi Jinping spoke by phone with U.S. President Joe Biden on Thursday.")
    assert findings.meetings == ()


def test_a_negated_meeting_is_not_a_meeting(read):
    findings = read(
        "Indian Prime Minister Narendra Modi and Pakistani Prime Minister Shehbaz Sharif will not meet "
        "on the sidelines of the summit, officials said."
    )
    assert findings.meetings == ()


def test_a_meeting_that_could_happen_is_proposed(read):
    findings = read(
        "Russian President Vladimir Putin said the talks with Turkish President Recep Tayyip Erdogan "
        "could take place in Astana."
    )
    assert [m.status for m in findings.meetings] == [Status.PROPOSED]


def test_a_called_off_meeting_is_cancelled(read):
    findings = read(
        "The meeting between Russian Foreign Minister Sergey Lavrov and U.S. Secretary of State "
        "Antony Blinken in Geneva was called off on Monday."
    )
    assert [m.status for m in findings.meetings] == [Status.CANCELLED]


def test_next_week_without_a_publication_date_stays_unknown(read):
    findings = read(
        "Russian Foreign Minister Sergey Lavrov will host Iranian Foreign Minister Hossein "
        "Amir-Abdollahian in Moscow next week.",
        published=None,
    )
    (meeting,) = findings.meetings
    assert meeting.status is Status.PLANNED and meeting.date is None


def test_a_one_word_quote_needs_a_predicate_to_be_a_position(read):
    text = (
        "Lavrov reiterated his view that U.S. demands were “unrealistic.”\n\n"
        "Assad has pursued “normalization” with Arab states, the ministry said."
    )
    findings = read(text)
    quotes = [p.quote.of(text) for p in findings.positions]
    # The predicate and its reported clause are one position; the scare quote is none.
    assert "U.S. demands were “unrealistic.”" in quotes and not any("normalization" in q for q in quotes)


def test_a_quote_that_continues_keeps_its_speaker(read):
    text = (
        "“The next step is to reach an agreement on a ceasefire,” Russian President Vladimir Putin said. "
        "“We are conducting very active negotiations.”"
    )
    findings = read(text)
    holders = {p.quote.of(text): p.holder.key for p in findings.positions}
    assert holders["We are conducting very active negotiations"] == "vladimir-putin"


def test_an_unnamed_official_speaks_for_the_state(read):
    text = (
        "A senior State Department official said Washington would “never accept” the annexation, "
        "calling it illegal."
    )
    findings = read(text)
    assert [p.holder.key for p in findings.positions] == ["united-states"]
    assert findings.positions[0].stance is Stance.OPPOSE


def test_reported_facts_are_not_positions_but_demands_are(read):
    text = (
        "Putin said the talks could take place in Astana.\n\n"
        "The Syrian government has demanded the withdrawal of Turkish forces from the north."
    )
    findings = read(text)
    assert [p.holder.key for p in findings.positions] == ["syria"]
    assert findings.positions[0].stance is Stance.OPPOSE


def test_a_place_the_gazetteer_does_not_know_is_still_the_place(read):
    findings = read(
        "Russian Foreign Minister Sergey Lavrov and Ukrainian Foreign Minister Dmytro Kuleba held talks "
        "in Antalya on Thursday."
    )
    (meeting,) = findings.meetings
    assert meeting.place is not None and meeting.place.key == "antalya" and meeting.place.wikidata is None


def test_a_visit_to_a_capital_is_a_meeting_with_that_state(read):
    findings = read("Russian Foreign Minister Sergey Lavrov is due to visit Beijing next week.")
    (meeting,) = findings.meetings
    assert meeting.status is Status.PLANNED
    by_key = {p.entity.key: p for p in meeting.participants}
    assert by_key["china"].is_host and "sergey-lavrov" in by_key


def test_he_in_a_second_clause_is_the_subject_of_the_first(read):
    findings = read(
        "On Thursday, Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi, "
        "and on Wednesday evening he held talks with Turkish Foreign Minister Mevlut Cavusoglu."
    )
    assert {"sergey-lavrov", "mevlut-cavusoglu"} in [
        k & {"sergey-lavrov", "mevlut-cavusoglu"} for k in keys(findings)
    ]


def test_whoever_reports_a_meeting_is_not_a_participant(read):
    findings = read(
        "Putin and Zelensky could meet once the delegations have prepared documents, Russian Foreign "
        "Minister Sergey Lavrov said."
    )
    (meeting,) = findings.meetings
    assert "sergey-lavrov" not in {p.entity.key for p in meeting.participants}


def test_the_crown_prince_is_the_crown_prince_named_before(read):
    text = (
        "Saudi Crown Prince Mohammed bin Salman opened the summit in Al-Ula.\n\n"
        "“We are in dire need today to unite our efforts,” the crown prince said."
    )
    findings = read(text)
    assert [p.holder.key for p in findings.positions] == ["mohammed-bin-salman"]


def test_a_family_name_that_comes_first_resolves(read):
    text = (
        "South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida.\n\n"
        "“Today will be remembered as a historic day,” Yoon said."
    )
    findings = read(text)
    assert [p.holder.key for p in findings.positions] == ["yoon-suk-yeol"]
    assert findings.positions[0].stance is Stance.SUPPORT


def test_a_weekday_of_a_future_event_looks_ahead(read):
    # Published on Saturday 4 February 2023: "had been due to … on Monday" is Monday 6 February.
    text = (
        "Blinken had been due to hold talks with Chinese Foreign Minister Qin Gang in Beijing on Monday, "
        "officials said."
    )
    findings = read(text, published=date(2023, 2, 4))
    assert [m.date.isoformat() for m in findings.meetings if m.date] == ["2023-02-06"]


def test_a_weekday_of_a_past_event_looks_back(read):
    findings = read(
        "Blinken met Chinese Foreign Minister Qin Gang in Beijing on Monday.", published=date(2023, 2, 4)
    )
    assert [m.date.isoformat() for m in findings.meetings if m.date] == ["2023-01-30"]


def test_a_name_followed_by_its_title_is_a_person(read):
    findings = read("Olivér Várhelyi, the enlargement commissioner, is due to visit Tbilisi next month.")
    (meeting,) = findings.meetings
    assert {"oliver-varhelyi", "georgia"} <= {p.entity.key for p in meeting.participants}
    assert meeting.date is not None and meeting.date.isoformat() == "2024-04"


def test_a_meeting_mentioned_in_a_phone_call_is_not_a_new_meeting(read):
    findings = read(
        "Jordanian Foreign Minister Ayman Safadi had spoken by phone with U.S. Secretary of State "
        "Antony Blinken the day before to brief him on the meeting."
    )
    assert findings.meetings == ()


def test_two_meetings_in_one_sentence_become_two_valid_reports(gazetteer, tmp_path):
    # From our TASS-style test article (eval/articles/u02): one sentence, two meetings on two days.
    article = Article(
        id="test",
        text="On Thursday, Lavrov met Kazakh Foreign Minister Mukhtar Tileuberdi on the sidelines of the "
        "forum, and on Wednesday evening he held talks with Cavusoglu.",
        published=date(2022, 3, 10),
    )
    findings = extract(article, gazetteer)
    assert [sorted(k) for k in keys(findings)] == [
        ["mukhtar-tileuberdi", "sergey-lavrov"],
        ["mevlut-cavusoglu", "sergey-lavrov"],
    ]
    assert [m.date.isoformat() for m in findings.meetings if m.date] == ["2022-03-10", "2022-03-09"]
    graph = map_article(article, findings, Minter("http://127.0.0.1:5000/"), gazetteer.entities)
    assert len(set(graph.subjects(RDF.type, DG.MeetingReport))) == 2
    settings = Settings.load({"store": tmp_path}, environ={})
    summary = Pipeline(settings, GraphStore.in_memory(), gazetteer).ingest([article])
    assert summary.ingested == ["test"], summary.rejected  # both reports pass the shapes
