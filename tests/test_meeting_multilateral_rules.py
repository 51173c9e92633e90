"""Multilateral meeting rules, each pinned to a sentence of a development article (eval/fresh4/, quoted
with its file): who a summit told just before brought together."""

from __future__ import annotations

from datetime import date

from tests.conftest import day, the_meeting_with, who

from diplograph.extract.model import Status


def test_whom_the_meeting_told_before_brought_together_take_part_in_it(read_dated):
    # t03_angop_luanda_minisummit (published 2022-11-23): "The meeting" is the mini-summit of the sentence
    # before, and the presidents it brought together are its participants.
    findings = read_dated(
        "Luanda, 23 November 2022 (Angolan News Agency) - The Head of State of Angola, João Lourenço, today "
        "hosted in Luanda a mini-summit on peace and security in the eastern region of the Democratic "
        "Republic of Congo.\n\nThe meeting, held at the Palácio Presidencial da Cidade Alta, brought "
        "together the President of the Democratic Republic of Congo, Félix Tshisekedi, the President of "
        "the Republic of Burundi, Évariste Ndayishimiye, and the former President of Kenya, Uhuru Kenyatta.",
        date(2022, 11, 23),
    )
    meeting = the_meeting_with(findings, "joao-lourenco")
    assert {"joao-lourenco", "felix-tshisekedi", "evariste-ndayishimiye"} <= who(meeting)
    assert day(meeting) == "2022-11-23"
    assert len(findings.meetings) == 1


PACIFIC_BRIEF = (
    "RAROTONGA, Cook Islands, 10 November 2023 - The 52nd Pacific Islands Forum Leaders Meeting, which "
    "opened on Monday, ended in Rarotonga on Friday with a communique endorsing a regional ocean "
    "declaration.\n\n"
)


def test_leaders_meeting_next_year_somewhere_is_the_next_summit_of_the_body(read_dated):
    # t11_brief_pif_rarotonga (published 2023-11-10): no party is named again; "next year" tells the next
    # meeting of the Forum, whose host is the state it meets in.
    findings = read_dated(
        PACIFIC_BRIEF + "Host Prime Minister Mark Brown said the forum had shown that the Pacific "
        '"speaks with one voice" on climate. Leaders will meet next year in Tonga.',
        date(2023, 11, 10),
    )
    meeting = the_meeting_with(findings, "tonga")
    assert who(meeting) == {"pacific-islands-forum", "tonga"}
    assert day(meeting) == "2024" and meeting.status is Status.PLANNED


def test_two_who_sign_a_treaty_on_the_sidelines_meet_there(read_dated):
    # t11_brief_pif_rarotonga (published 2023-11-10): no meeting word; signing together on the sidelines of
    # the summit is an encounter of its own, on its own day.
    findings = read_dated(
        PACIFIC_BRIEF + "On the sidelines, Australian Prime Minister Anthony Albanese and Tuvalu's Prime "
        "Minister Kausea Natano signed the Falepili Union treaty on Thursday, offering Tuvaluans a path to "
        "residency in Australia in return for a say over Tuvalu's security ties.",
        date(2023, 11, 10),
    )
    meeting = the_meeting_with(findings, "anthony-albanese", "kausea-natano")
    assert day(meeting) == "2023-11-09" and meeting.status is Status.HELD


def test_a_meeting_of_foreign_ministers_is_not_the_talks_of_two_leaders_in_the_same_city(read_dated):
    # t15_australian_daily_g20_delhi (published 2023-03-02): the Quad's ministers meet on Friday; the prime
    # ministers' talks come with a visit next week.
    findings = read_dated(
        "The foreign ministers of the Quad - Australia, India, Japan and the United States - are due to meet "
        "in Delhi on Friday.\n\nPrime Minister Anthony Albanese will visit India next week, his first trip "
        "to the country as prime minister, and is expected to hold talks with Modi in Delhi after attending "
        "the opening of the fourth Test in Ahmedabad.",
        date(2023, 3, 2),
    )
    quad = the_meeting_with(findings, "quad")
    assert day(quad) == "2023-03-03" and "anthony-albanese" not in who(quad)
    assert who(the_meeting_with(findings, "anthony-albanese")) == {"anthony-albanese", "narendra-modi"}
