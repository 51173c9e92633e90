"""Extraction pinned to real seed sentences: each test quotes the sentence whose facts it checks."""

from __future__ import annotations

from diplograph.extract.model import Findings, MeetingFinding, PositionFinding, Stance, Status


def participants(meeting: MeetingFinding) -> set[str]:
    return {p.entity.key for p in meeting.participants}


def states(meeting: MeetingFinding) -> set[str]:
    return {p.represents or p.entity.key for p in meeting.participants}


def meeting_with(findings: Findings, *keys: str) -> MeetingFinding:
    matches = [m for m in findings.meetings if set(keys) <= participants(m) | states(m)]
    assert matches, f"no meeting with {keys}: {[sorted(participants(m)) for m in findings.meetings]}"
    return matches[0]


def position_quoting(findings: Findings, text: str, words: str) -> PositionFinding:
    matches = [p for p in findings.positions if words in p.quote.of(text)]
    assert matches, f"no position quoting {words!r}: {[p.quote.of(text) for p in findings.positions]}"
    return matches[0]


# -- 003: "The foreign ministers of Turkey, Russia, and Iran met their Assad regime counterpart on Wednesday
#         in Moscow, in the highest-level talks among the quartet since the Syrian uprising of March 2011."


def test_quadrilateral_moscow_meeting_is_held_on_may_10_2023_with_all_four_ministers(seed_findings):
    meeting = meeting_with(seed_findings["003"], "sergey-lavrov", "faisal-mekdad")
    assert meeting.status is Status.HELD
    assert meeting.date is not None and meeting.date.isoformat() == "2023-05-10"
    assert meeting.place is not None and meeting.place.key == "moscow"
    assert {"hossein-amir-abdollahian", "sergey-lavrov", "faisal-mekdad", "mevlut-cavusoglu"} <= participants(
        meeting
    )
    assert states(meeting) >= {"iran", "russia", "syria", "turkey"}
    assert meeting.kind == "multilateral"


def test_the_host_of_the_moscow_meeting_is_the_russian_participant(seed_findings):
    meeting = meeting_with(seed_findings["003"], "sergey-lavrov", "faisal-mekdad")
    hosts = {p.entity.key for p in meeting.participants if p.is_host}
    assert hosts == {"sergey-lavrov"}


def test_roles_and_states_come_from_the_titles_in_the_text(seed_findings):
    meeting = meeting_with(seed_findings["003"], "faisal-mekdad")
    by_key = {p.entity.key: p for p in meeting.participants}
    # "Assad regime Foreign Minister Faisal al-Mekdad"
    assert by_key["faisal-mekdad"].role == "foreign minister"
    assert by_key["faisal-mekdad"].represents == "syria"
    # "Turkey Foreign Minister Mevlüt Çavuşoğlu"
    assert by_key["mevlut-cavusoglu"].represents == "turkey"


def test_hosting_a_counterpart_in_tehran_is_a_held_bilateral_meeting(seed_findings):
    # "Hosting Assad regime counterpart Gen. Abdul Karim Mahmoud Ibrahim in Tehran on Wednesday, the chief of
    #  staff of Iran's military, Maj.r Gen. Mohammad Baqeri proclaimed …"
    meeting = meeting_with(seed_findings["003"], "abdul-karim-mahmoud-ibrahim", "mohammad-bagheri")
    assert meeting.status is Status.HELD
    assert meeting.place is not None and meeting.place.key == "tehran"
    assert meeting.date is not None and meeting.date.isoformat() == "2023-05-10"
    assert meeting.kind == "bilateral"
    hosts = {p.entity.key for p in meeting.participants if p.is_host}
    assert hosts == {"mohammad-bagheri"}


def test_astana_process_of_january_2017_has_month_precision(seed_findings):
    # "Russia, Turkey, and Iran convened in the “Astana process” in January 2017, …"
    meeting = meeting_with(seed_findings["003"], "russia", "turkey", "iran")
    dated = [m for m in seed_findings["003"].meetings if m.date and m.date.isoformat() == "2017-01"]
    assert dated and {"russia", "turkey", "iran"} <= states(dated[0])
    assert meeting.status is Status.HELD


# -- 000: "Following a series of telephone conversations between the Foreign Ministers of Russia, Iran
#         and Syria, the Russians have agreed to host in Moscow on Friday 14th April 2017 a meeting of the
#         three countries' foreign ministers."


def test_trilateral_moscow_meeting_is_planned_for_april_14_2017(seed_findings):
    meeting = meeting_with(seed_findings["000"], "russia", "iran", "syria")
    assert meeting.status is Status.PLANNED
    assert meeting.date is not None and meeting.date.isoformat() == "2017-04-14"
    assert meeting.place is not None and meeting.place.key == "moscow"
    assert {"sergey-lavrov", "walid-muallem"} <= participants(meeting)
    assert states(meeting) == {"russia", "iran", "syria"}


def test_telephone_conversations_are_not_meetings(seed_findings, seed_articles):
    text = seed_articles["000"].text
    for meeting in seed_findings["000"].meetings:
        assert meeting.status is not Status.HELD or "telephone" not in meeting.evidence[0].of(text)
    phone = text.index("telephone conversations")
    first_sentences = [
        m for m in seed_findings["000"].meetings if m.evidence[0].start <= phone < m.evidence[0].end
    ]
    assert all(m.status is Status.PLANNED for m in first_sentences)


def test_bilateral_talks_the_day_before_are_planned_for_april_13(seed_findings):
    # "Russian Foreign Minister Lavrov is also due to hold bilateral talks with Syrian Foreign Minister
    #  Muallem the day before this tripartite meeting takes place."
    bilateral = [
        m for m in seed_findings["000"].meetings if participants(m) == {"sergey-lavrov", "walid-muallem"}
    ]
    assert len(bilateral) == 1
    assert bilateral[0].status is Status.PLANNED
    assert bilateral[0].date is not None and bilateral[0].date.isoformat() == "2017-04-13"


def test_the_tillerson_talks_in_moscow_are_a_separate_meeting(seed_findings):
    # "… the discussions they are currently having with US Secretary of State Tillerson in Moscow …"
    meeting = meeting_with(seed_findings["000"], "rex-tillerson")
    assert "iran" not in states(meeting)
    assert meeting.place is not None and meeting.place.key == "moscow"


# -- 002


def test_lavrov_calls_us_demands_unprofessional_and_unrealistic(seed_findings, seed_articles):
    # "Russian Foreign Minister Sergei Lavrov on Tuesday urged the U.S. to abandon its demands for Iran to
    #  surrender its influence in the region, describing them as “unprofessional and unrealistic.”"
    text = seed_articles["002"].text
    position = position_quoting(seed_findings["002"], text, "unprofessional and unrealistic")
    assert position.holder.key == "sergey-lavrov"
    assert position.stance is Stance.OPPOSE
    # The reported clause and the quote inside it are one position (eval/GUIDELINES.md): the quote spans both.
    assert position.quote.of(text) == (
        "the U.S. to abandon its demands for Iran to surrender its influence in the region, describing them "
        "as “unprofessional and unrealistic.”"
    )
    assert position.date is None  # "on Tuesday" of an undated article stays unknown


def test_unnamed_white_house_official_speaks_for_the_united_states(seed_findings, seed_articles):
    text = seed_articles["002"].text
    position = position_quoting(seed_findings["002"], text, "primary irritant in the Middle East")
    assert position.holder.key == "united-states"
    assert position.stance is Stance.OPPOSE


def test_trilateral_security_advisers_summit_in_jerusalem_is_planned(seed_findings):
    # "… during its trilateral national security advisers summit in Jerusalem this month …"
    meeting = meeting_with(seed_findings["002"], "russia", "israel", "united-states")
    assert meeting.status is Status.PLANNED
    assert meeting.place is not None and meeting.place.key == "jerusalem"
    assert meeting.date is None  # "this month" of an undated article


def test_editorial_scare_quotes_are_not_positions(seed_findings, seed_articles):
    # "The U.S. and Israel may consider Iran to be “the primary irritant,” but Russia doesn't see things …"
    text = seed_articles["002"].text
    assert not [p for p in seed_findings["002"].positions if p.quote.of(text) == "the primary irritant"]


# -- 004


def test_putin_proposes_talks_in_astana(seed_findings):
    # "… Putin said the talks could take place in Astana, the Kazakh capital."
    astana = [m for m in seed_findings["004"].meetings if m.place and m.place.key == "astana"]
    # "are working to organize a new series of Syrian peace talks" makes them planned; the venue is proposed
    assert astana and astana[0].status in (Status.PROPOSED, Status.PLANNED)
    assert "kazakhstan" not in participants(astana[0])


def test_lavrov_dismisses_kerry_talks_as_fruitless(seed_findings, seed_articles):
    text = seed_articles["004"].text
    position = position_quoting(seed_findings["004"], text, "fruitless get-togethers")
    assert position.holder.key == "sergey-lavrov"
    assert position.stance is Stance.OPPOSE


def test_putin_calls_for_a_total_ceasefire(seed_findings, seed_articles):
    text = seed_articles["004"].text
    position = position_quoting(seed_findings["004"], text, "total ceasefire across the whole of Syria")
    assert position.holder.key == "vladimir-putin"
    assert position.stance is Stance.SUPPORT
    assert position.topic == "ceasefire"


# -- 001


def test_lavrov_invites_the_syrian_opposition_to_moscow(seed_findings):
    # "… Sergey Lavrov invited representatives from Syrian opposition groups to meet with him in Moscow on
    #  January 27."
    meeting = meeting_with(seed_findings["001"], "sergey-lavrov")
    moscow = [m for m in seed_findings["001"].meetings if m.place and m.place.key == "moscow"]
    assert moscow and moscow[0].status is Status.PLANNED
    assert moscow[0].date is None  # January 27 of an unknown year
    assert meeting is not None


def test_the_just_concluded_astana_meeting_is_held(seed_findings):
    astana = [m for m in seed_findings["001"].meetings if m.place and m.place.key == "astana"]
    assert astana and all(m.status is Status.HELD for m in astana)


# -- 003 positions


def test_amirabdollahian_calls_the_talks_positive(seed_findings, seed_articles):
    text = seed_articles["003"].text
    position = position_quoting(seed_findings["003"], text, "positive and a step forward")
    assert position.holder.key == "hossein-amir-abdollahian"
    assert position.stance is Stance.SUPPORT


def test_russian_foreign_ministry_is_a_position_holder(seed_findings, seed_articles):
    text = seed_articles["003"].text
    position = position_quoting(seed_findings["003"], text, "positive and constructive atmosphere")
    assert position.holder.key == "russian-foreign-ministry"


def test_every_span_points_at_the_words_it_quotes(seed_findings, seed_articles):
    for key, findings in seed_findings.items():
        text = seed_articles[key].text
        for position in findings.positions:
            assert (
                position.quote.of(text) in position.sentence.of(text)
                or position.sentence.start <= position.quote.start
            )
            assert 0 <= position.quote.start < position.quote.end <= len(text)
        for meeting in findings.meetings:
            for span in meeting.evidence:
                assert span.of(text).strip() == span.of(text)
