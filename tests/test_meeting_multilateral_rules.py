"""Multilateral meeting rules, each pinned to a sentence of a development article (eval/fresh4/, quoted
with its file): who a summit told just before brought together."""

from __future__ import annotations

from datetime import date

from tests.conftest import day, the_meeting_with, who


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
