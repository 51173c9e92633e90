"""Meeting rules for recall, each pinned to a sentence of a development article (eval/blind/, eval/heldout/,
quoted with its file): deputies' and other ministers' titles, everyone a plural title lists, meetings two
sides co-chair or that bring delegations together, and the one who travels to talks."""

from __future__ import annotations

from datetime import date

from tests.conftest import who

from diplograph.extract.entities import recognise
from diplograph.extract.model import Findings, MeetingFinding


def states(meeting: MeetingFinding) -> set[str]:
    return {p.represents for p in meeting.participants if p.represents}


def the_meeting_with(findings: Findings, *keys: str) -> MeetingFinding:
    found = [m for m in findings.meetings if set(keys) <= who(m) | states(m)]
    assert len(found) == 1, [sorted(who(m)) for m in findings.meetings]
    return found[0]


def test_a_vice_presidents_title_names_him_and_his_state(read_dated):
    # b13_wire_unga_week_diary (published 2023-09-21).
    findings = read_dated(
        "U.S. Secretary of State Antony Blinken met Chinese Vice President Han Zheng, the most senior "
        "Chinese official attending the assembly.",
        date(2023, 9, 21),
    )
    meeting = the_meeting_with(findings, "han-zheng")
    assert who(meeting) == {"antony-blinken", "han-zheng"}
    assert states(meeting) == {"united-states", "china"}


def test_a_deputy_is_not_given_the_role_of_his_chief(gazetteer):
    # b04_manila_broadsheet_bcm_ayungin: a vice foreign minister is no foreign minister.
    text = "Chinese Vice Foreign Minister Chen Xiaodong"
    (mention,) = recognise(text, gazetteer).mentions
    assert (mention.entity.key, mention.role, mention.represents) == ("chen-xiaodong", "deputy", "china")


def test_a_meeting_the_two_sides_co_chaired_is_held_by_both_chairs(read_dated):
    # b04_manila_broadsheet_bcm_ayungin (published 2024-07-03): "BCM" is no meeting word; "co-chaired" is.
    findings = read_dated(
        "The understanding came out of the ninth meeting of the Bilateral Consultation Mechanism (BCM) on "
        "the South China Sea, which was co-chaired in Manila by Foreign Affairs Undersecretary Maria Theresa "
        "Lazaro and Chinese Vice Foreign Minister Chen Xiaodong.",
        date(2024, 7, 3),
    )
    meeting = the_meeting_with(findings, "chen-xiaodong")
    assert {"maria-theresa-lazaro", "chen-xiaodong"} <= who(meeting)
    assert meeting.place is not None and meeting.place.key == "manila"


def test_a_round_that_brought_delegations_together_is_a_meeting_of_their_states(read_dated):
    # b06_ahram_gerd_talks_end (published 2023-12-20); the minister is named by his portfolio's title.
    findings = read_dated(
        "The round, held from Sunday to Tuesday in the Ethiopian capital, brought together the Egyptian "
        "delegation, headed by Minister of Water Resources and Irrigation Hani Sewilam, with the Ethiopian "
        "and Sudanese delegations.",
        date(2023, 12, 20),
    )
    meeting = the_meeting_with(findings, "hani-sewilam")
    assert {"hani-sewilam", "ethiopia", "sudan"} <= who(meeting)
    assert meeting.place is not None and meeting.place.key == "addis-ababa"


def test_a_plural_title_names_everyone_it_lists(read_dated):
    # h03_press_release_baku_almaty_talks (published 2024-05-11).
    findings = read_dated(
        "The parties also noted with satisfaction the agreement reached at the meeting of the State "
        "Commissions on delimitation of the state border, co-chaired by Deputy Prime Ministers Shahin "
        "Mustafayev and Mher Grigoryan, on 19 April 2024, as an important step in the normalization process.",
        date(2024, 5, 11),
    )
    meeting = the_meeting_with(findings, "shahin-mustafayev")
    assert who(meeting) == {"shahin-mustafayev", "mher-grigoryan"}


def test_who_flies_to_talks_takes_part_in_them(read_dated):
    # b13_wire_unga_week_diary (published 2023-09-21): "He" is the Zelenskiy of the sentence before, whom the
    # article names in full further up.
    findings = read_dated(
        "Ukrainian President Volodymyr Zelenskiy spoke at the assembly.\n\n"
        "* Zelenskiy travels to Washington, where he is due to meet Biden at the White House and lawmakers, "
        "including House Speaker Kevin McCarthy, at the Capitol. He flies to Ottawa on Friday for talks with "
        "Prime Minister Justin Trudeau.",
        date(2023, 9, 21),
    )
    meeting = the_meeting_with(findings, "justin-trudeau")
    assert who(meeting) == {"volodymyr-zelenskyy", "justin-trudeau"}
    assert meeting.place is not None and meeting.place.key == "ottawa"
