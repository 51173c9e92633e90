"""Meeting rules found by probing the extractor with sentences in the styles of wire services, state media and
regional dailies. Each test reads a paragraph of one of our own articles (tests/articles/rules/) and pins
down one general construction."""

from __future__ import annotations

from datetime import date

from tests.conftest import day, own_paragraph, own_text, states, the_meeting_with, who

from diplograph.extract.model import Status

PUBLISHED = date(2024, 3, 12)


def test_the_speaker_of_a_sentence_that_opens_with_his_own_talks_is_at_them(read_dated):
    # meetings_wire.txt: "Speaking after talks with Russian Foreign Minister Sergei Lavrov in Moscow, Turkish
    # Foreign Minister Hakan Fidan said Ankara was ready to host new negotiations on grain exports." (the
    # speaker is the other party; what he said names no one at the talks)
    paragraph = own_paragraph("rules/meetings_wire", "Speaking after talks")
    (talks,) = read_dated(paragraph, PUBLISHED).meetings
    assert who(talks) == {"sergey-lavrov", "hakan-fidan"} and talks.status == Status.HELD
    assert talks.place is not None and talks.place.key == "moscow"
    # the same with the phrase split off as a clause of its own ("After meeting …,")
    moved = paragraph.replace("Speaking after talks with", "After meeting")
    (met,) = read_dated(moved, PUBLISHED).meetings
    assert who(met) == {"sergey-lavrov", "hakan-fidan"}


def test_state_media_put_where_and_when_before_the_visitor_received(read_dated):
    # meetings_state_media.txt: "…, Crown Prince and Prime Minister, received at Al-Yamamah Palace in Riyadh
    # today the Prime Minister of the Islamic Republic of Pakistan, Shehbaz Sharif."
    paragraph = own_paragraph("rules/meetings_state_media", "RIYADH")
    (received,) = read_dated(paragraph, PUBLISHED).meetings
    assert who(received) == {"mohammed-bin-salman", "shehbaz-sharif"} and received.status == Status.HELD
    assert received.place is not None and received.place.key == "riyadh" and day(received) == "2024-03-12"


def test_a_visitor_named_by_body_and_title_is_received(read_dated):
    # meetings_wire.txt: "Erdogan received Hamas leader Ismail Haniyeh in Istanbul on Saturday, the
    # presidency's communications directorate said."
    paragraph = own_paragraph("rules/meetings_wire", "Erdogan received")
    (received,) = read_dated(paragraph, PUBLISHED).meetings
    assert who(received) == {"recep-tayyip-erdogan", "hamas"} and day(received) == "2024-03-09"
    assert received.place is not None and received.place.key == "istanbul"


def test_a_courtesy_call_received_is_a_visit_not_a_phone_call(read_dated):
    # meetings_regional_daily.txt: "Prime Minister Datuk Seri Anwar Ibrahim today received a courtesy call
    # from Chinese Foreign Minister Wang Yi at Seri Perdana."
    paragraph = own_paragraph("rules/meetings_regional_daily", "PUTRAJAYA")
    (call,) = read_dated(paragraph, PUBLISHED).meetings
    assert (
        who(call) == {"anwar-ibrahim", "wang-yi"} and call.status == Status.HELD and day(call) == "2024-03-12"
    )


def test_a_leaders_retreat_is_a_meeting(read_dated):
    # meetings_regional_daily.txt: "Earlier this year, Anwar and Singapore Prime Minister Lawrence Wong held
    # their annual leaders' retreat in Putrajaya, …"
    findings = read_dated(own_text("rules/meetings_regional_daily"), PUBLISHED)
    retreat = the_meeting_with(findings, "lawrence-wong")
    assert who(retreat) == {"anwar-ibrahim", "lawrence-wong"} and retreat.status == Status.HELD
    assert retreat.place is not None and retreat.place.key == "putrajaya"


def test_a_summit_pushed_back_is_postponed(read_dated):
    # meetings_wire.txt: "A summit between Erdogan and Putin, which had been slated for Friday in Sochi, was
    # pushed back to April, Turkish officials said."
    paragraph = own_paragraph("rules/meetings_wire", "A summit between")
    (summit,) = read_dated(paragraph, PUBLISHED).meetings
    assert who(summit) == {"recep-tayyip-erdogan", "vladimir-putin"} and summit.status == Status.POSTPONED
    assert summit.place is not None and summit.place.key == "sochi"


def test_a_meeting_hoped_for_or_said_to_be_possible_is_proposed(read_dated):
    # meetings_wire.txt: "Ukrainian Foreign Minister Dmytro Kuleba said he hoped to meet Fidan soon but no
    # date had been agreed. Kremlin spokesman Dmitry Peskov said a meeting between Putin and Erdogan was
    # possible but gave no date."
    paragraph = own_paragraph("rules/meetings_wire", "Ukrainian Foreign Minister")
    hoped, possible = read_dated("Fidan met Lavrov.\n\n" + paragraph, PUBLISHED).meetings[1:]
    assert who(hoped) == {"dmytro-kuleba", "hakan-fidan"} and hoped.status == Status.PROPOSED
    assert who(possible) == {"vladimir-putin", "recep-tayyip-erdogan"} and possible.status == Status.PROPOSED


def test_a_meeting_whose_reports_are_denied_is_none(read_dated):
    # meetings_wire.txt: "The Kremlin denied reports that Putin would meet Erdogan in Istanbul next month."
    paragraph = own_paragraph("rules/meetings_wire", "The Kremlin denied")
    assert not read_dated(paragraph, PUBLISHED).meetings


def test_who_will_not_attend_a_summit_is_not_at_it(read_dated):
    # meetings_wire.txt: "Russian President Vladimir Putin will not attend the BRICS summit in Johannesburg,
    # the South African presidency said, and Foreign Minister Sergei Lavrov will lead the Russian delegation."
    findings = read_dated(own_text("rules/meetings_wire"), PUBLISHED)
    summits = [m for m in findings.meetings if "brics" in who(m)]
    assert summits and all("vladimir-putin" not in who(m) for m in summits)


def test_a_visit_of_someone_to_a_capital_is_held_there_and_not_on_the_day_it_was_put_off(read_dated):
    # meetings_wire.txt: "In Berlin, the planned visit of German Chancellor Olaf Scholz to Beijing was
    # postponed on Monday because of the government crisis."
    paragraph = own_paragraph("rules/meetings_wire", "In Berlin")
    (visit,) = read_dated(paragraph, PUBLISHED).meetings
    assert who(visit) == {"olaf-scholz", "china"} and visit.status == Status.POSTPONED
    assert visit.place is not None and visit.place.key == "beijing" and visit.date is None


def test_the_ministry_spokesperson_who_announces_a_visit_is_not_on_it(read_dated):
    # meetings_wire.txt: "At the invitation of Premier Li Qiang, New Zealand Prime Minister Christopher Luxon
    # will pay an official visit to China from June 16 to 20, foreign ministry spokesperson Lin Jian announced
    # on Tuesday."
    paragraph = own_paragraph("rules/meetings_wire", "At the invitation")
    (visit,) = read_dated(paragraph, PUBLISHED).meetings
    assert who(visit) == {"christopher-luxon", "li-qiang"} and visit.status == Status.PLANNED


def test_a_state_named_with_its_own_government_is_a_party(read_dated):
    # meetings_pakistan_daily.txt: "Pakistan and Afghanistan's Taliban government held talks in Kabul on
    # Monday to ease border tensions, officials from both sides said." (never "Syria's long-running conflict")
    paragraph = own_paragraph("rules/meetings_pakistan_daily", "ISLAMABAD")
    (talks,) = read_dated(paragraph, PUBLISHED).meetings
    assert who(talks) == {"pakistan", "afghanistan"} and day(talks) == "2024-03-11"
    assert talks.place is not None and talks.place.key == "kabul"


def test_today_of_a_dated_dateline_is_the_day_it_was_filed(read_dated):
    # meetings_state_media.txt: "RIYADH, March 12, 2024, SPA -- … received at Al-Yamamah Palace in Riyadh
    # today …": on a page published the next day, "today" is still the 12th, the day of the dateline.
    paragraph = own_paragraph("rules/meetings_state_media", "RIYADH")
    (received,) = read_dated(paragraph, date(2024, 3, 13)).meetings
    assert day(received) == "2024-03-12"


def test_who_says_that_others_met_is_not_at_their_meeting(read_dated):
    # meetings_wire.txt: "Kremlin spokesman Dmitry Peskov said that Putin and Erdogan met for three hours in
    # Sochi in September and agreed to keep the grain talks going." — Peskov reports the meeting; he was not
    # at it.
    paragraph = own_paragraph("rules/meetings_wire", "Kremlin spokesman Dmitry Peskov said")
    (sochi,) = read_dated(paragraph, PUBLISHED).meetings
    assert who(sochi) == {"vladimir-putin", "recep-tayyip-erdogan"}


def test_what_a_meeting_is_about_names_no_party(read_dated):
    # meetings_wire.txt: "He hosted Erdogan in Sochi in September to discuss the situation in Syria and
    # Libya, and Xi met Putin in Moscow in March, when the two leaders signed a statement on Ukraine." —
    # Syria, Libya and Ukraine are topics, not parties.
    paragraph = own_paragraph("rules/meetings_wire", "Putin has met both men")
    findings = read_dated(paragraph, PUBLISHED)
    assert states(the_meeting_with(findings, "recep-tayyip-erdogan")) == {"russia", "turkey"}
    assert states(the_meeting_with(findings, "xi-jinping")) == {"russia", "china"}


def test_a_date_in_the_possessive_dates_its_own_noun_not_a_meeting_told_after_it(read_dated):
    # dates_wire.txt: "Today's meeting was prepared during talks between the two foreign ministers, Hakan
    # Fidan and Sergei Lavrov, in Antalya on 2 March 2024." (the talks are not today's meeting)
    paragraph = own_paragraph("rules/dates_wire", "Today's meeting was prepared")
    talks = the_meeting_with(read_dated(paragraph, date(2024, 3, 13)), "hakan-fidan", "sergey-lavrov")
    assert day(talks) == "2024-03-02"


def test_an_invitation_accepted_is_a_visit_to_come_and_next_years_meeting_is_next_year(read_dated):
    # dates_wire.txt: "Fidan also accepted Lavrov's invitation to visit Moscow. Tonga will host next year's
    # Pacific Islands Forum leaders meeting." (a verb before the possessive takes its noun: its date)
    found = read_dated(own_paragraph("rules/dates_wire", "Fidan also accepted"), date(2024, 3, 13))
    visit = the_meeting_with(found, "hakan-fidan", "sergey-lavrov")
    assert visit.status == Status.PLANNED and visit.place is not None and visit.place.key == "moscow"
    (forum,) = [m for m in found.meetings if "tonga" in states(m)]
    assert forum.date is not None and (forum.date.year, forum.date.month) == (2025, None)


def test_what_an_entry_of_a_live_blog_tells_as_done_was_done_on_its_day(read_dated):
    # liveblog.txt (entries under time stamps): "16:45 - Erdogan and Scholz / Turkish President Recep Tayyip
    # Erdogan met German Chancellor Olaf Scholz on the sidelines of the summit …"; "Zelensky had met Polish
    # President Andrzej Duda in Warsaw before flying in" was before that day, on a day not told.
    found = read_dated(own_text("rules/liveblog"), date(2023, 7, 12))
    assert day(the_meeting_with(found, "recep-tayyip-erdogan", "olaf-scholz")) == "2023-07-12"
    assert day(the_meeting_with(found, "jens-stoltenberg", "volodymyr-zelenskyy")) == "2023-07-12"
    assert the_meeting_with(found, "volodymyr-zelenskyy", "andrzej-duda").date is None


def test_a_headline_verb_in_capitals_after_a_title_is_no_name(read_dated):
    # meetings_state_media.txt: "HRH Crown Prince Holds Official Talks with Pakistani Prime Minister Shehbaz
    # Sharif" (no person 'Holds Official Talks'; the Crown Prince is the one the article named before)
    found = read_dated(own_text("rules/meetings_state_media"), PUBLISHED)
    people = {p.entity.key for m in found.meetings for p in m.participants}
    assert "holds-official-talks" not in people and {"mohammed-bin-salman", "shehbaz-sharif"} <= people
    headline = own_paragraph("rules/meetings_state_media", "HRH Crown Prince Holds")
    assert not any(
        m.entity.kind == "person" and "Holds" in m.entity.label
        for m in read_dated(headline, PUBLISHED).mentions
    )


def test_a_side_meeting_is_dated_by_the_occasion_it_names_even_before_its_place_is_known(read_dated):
    # sidelines_daily.txt: "The 37th summit of the African Union opened this Saturday at the Skylight hotel
    # …" then "On Friday, Kenyan President William Ruto was received by …" then "On the sidelines of the
    # summit, Ruto held a meeting with Ugandan President Yoweri Museveni" (the summit's Saturday, not the
    # Friday of the reception told just before)
    found = read_dated(own_text("rules/sidelines_daily"), date(2024, 2, 17))
    assert day(the_meeting_with(found, "william-ruto", "yoweri-museveni")) == "2024-02-17"
    assert day(the_meeting_with(found, "william-ruto", "abiy-ahmed")) == "2024-02-16"


def test_the_next_meeting_of_a_format_has_its_members_and_its_host(read_dated):
    # series_daily.txt: "The leaders of China, Japan and South Korea held their first trilateral summit in
    # four years in Seoul on Monday … Japan will host the next meeting, the joint declaration said, without
    # giving a date." (a format of three has the same members next time)
    found = read_dated(own_paragraph("rules/series_daily", "SEOUL"), PUBLISHED)
    held, planned = sorted(found.meetings, key=lambda m: m.status != Status.HELD)
    assert states(held) == states(planned) == {"china", "japan", "south-korea"}
    assert planned.status == Status.PLANNED and planned.date is None
    assert planned.place is not None and planned.place.key == "japan"


def test_a_bloc_meeting_again_has_the_bloc_not_the_members_at_the_last(read_dated):
    # series_daily.txt: "West African leaders met in Abuja on Sunday for the ordinary summit of ECOWAS … The
    # leaders will meet again in Abuja in December for their next ordinary session, …"
    found = read_dated(own_paragraph("rules/series_daily", "ABUJA"), PUBLISHED)
    planned = [m for m in found.meetings if m.status == Status.PLANNED]
    assert [(sorted(who(m)), day(m)) for m in planned] == [(["ecowas", "nigeria"], "2024-12")]


def test_a_question_whether_they_will_ever_meet_again_is_no_meeting(read_dated):
    # series_daily.txt: "Will the ministers ever meet again around one table?" (no place, no date: no meeting)
    found = read_dated(own_paragraph("rules/series_daily", "OSLO"), PUBLISHED)
    assert all(m.status == Status.HELD for m in found.meetings)


def test_who_was_at_a_blocs_summit_joins_it_and_what_they_criticised_does_not(read_dated):
    # summit_daily.txt: "The ninth summit of the Andean Community, held on Saturday at the Government Palace
    # in Lima, … Ecuador's Daniel Noboa and Bolivia's Luis Arce were also among the nine heads of state
    # present." "Opening the summit, President Dina Boluarte called for …" "Colombia's Gustavo Petro arrived
    # in Lima early Saturday, his first trip abroad this year" (a trip to the summit, no visit of its own).
    # "… Noboa told the summit, criticising the governments of Venezuela and Nicaragua …" (not at it).
    (summit,) = read_dated(own_text("rules/summit_daily"), PUBLISHED).meetings
    assert who(summit) >= {"andean-community", "daniel-noboa", "luis-arce", "dina-boluarte", "gustavo-petro"}
    assert not {"venezuela", "nicaragua"} & states(summit)
    assert summit.place is not None and summit.place.key == "lima" and day(summit) == "2024-03-09"


def test_a_signing_ceremony_a_visitor_received_by_surname_and_talks_on_the_sidelines_are_meetings(read_dated):
    # ceremony_wire.txt: "The signing ceremony at the Ittihadiya Palace was attended by President Abdel Fattah
    # el-Sisi and Sudanese army chief Abdel Fattah al-Burhan." "Sisi received Burhan at the palace ahead of
    # the ceremony, …" "Sisi also discussed the dam dispute with Ethiopian Prime Minister Abiy Ahmed in Addis
    # Ababa last month, on the sidelines of the African Union summit." (discussed on the sidelines: in person)
    for opening in ("The signing ceremony", "Sisi received"):
        (met,) = read_dated(own_paragraph("rules/ceremony_wire", opening), date(2024, 3, 14)).meetings
        assert who(met) == {"abdel-fattah-el-sisi", "abdel-fattah-al-burhan"} and met.status == Status.HELD
    found = read_dated(own_text("rules/ceremony_wire"), date(2024, 3, 14))
    side = the_meeting_with(found, "abiy-ahmed", "abdel-fattah-el-sisi")
    assert side.place is not None and side.place.key == "addis-ababa" and day(side) == "2024-02"
    assert day(the_meeting_with(found, "abdel-fattah-al-burhan")) == "2024-03-14"


def test_a_meeting_that_did_not_take_place_is_cancelled_and_its_parties_follow_between(read_dated):
    # ceremony_wire.txt: "A bilateral meeting between Sisi and Kenyan President William Ruto, pencilled in
    # for Friday, did not take place." "The most striking thing about last Saturday's meeting between Abiy
    # and Eritrean President Isaias Afwerki in Asmara was how ordinary it looked." ("about" before the
    # meeting word does not cut off the parties named after "between")
    found = read_dated(own_text("rules/ceremony_wire"), date(2024, 3, 14))
    assert the_meeting_with(found, "william-ruto").status == Status.CANCELLED
    asmara = the_meeting_with(found, "isaias-afwerki")
    assert who(asmara) == {"abiy-ahmed", "isaias-afwerki"} and asmara.status == Status.HELD


def test_where_a_clause_says_a_meeting_took_place_far_from_its_word_is_its_place(read_dated):
    # ceremony_wire.txt: "The first summit between the European Union and the countries of Central Asia took
    # place on Friday in Samarkand, Uzbekistan." (a city the gazetteer does not know)
    (summit,) = read_dated(
        own_paragraph("rules/ceremony_wire", "The first summit"), date(2024, 3, 14)
    ).meetings
    assert summit.place is not None and summit.place.key == "samarkand" and day(summit) == "2024-03-08"
