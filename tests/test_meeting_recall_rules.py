"""Meeting rules for recall, each pinned to a sentence of a development article (eval/blind/, eval/heldout/,
quoted with its file): deputies' and other ministers' titles, everyone a plural title lists, meetings two
sides co-chair or that bring delegations together, and the one who travels to talks."""

from __future__ import annotations

from datetime import date

from tests.conftest import day, held_in, states, the_meeting_with, who

from diplograph.extract.entities import recognise
from diplograph.extract.model import Status


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


B01_OPENING = (
    "President Andrés Manuel López Obrador received yesterday at the National Palace the Secretary of State "
    "of the United States, Antony Blinken.\n\n"
    "The meeting had been agreed by both presidents in the telephone conversation that they sustained on "
    "December 21, in which Joe Biden asked his counterpart for help to contain the record arrivals of "
    "migrants "
    "at the border.\n\n"
)


def test_two_presidents_who_saw_each_other_in_person_met(read_dated):
    # b01_mexican_daily_blinken_amlo_migration (published 2023-12-28): "saw each other" is a meeting verb;
    # "the two presidents" are the two the article named, though Biden only in a call; "San Francisco" is
    # read to its end.
    findings = read_dated(
        B01_OPENING + "The two presidents saw each other in person for the last time on November 17 in San "
        "Francisco, on the margins of the APEC summit, where they spoke of fentanyl and of migration.",
        date(2023, 12, 28),
    )
    meeting = the_meeting_with(findings, "joe-biden")
    assert who(meeting) == {"andres-manuel-lopez-obrador", "joe-biden"}
    assert meeting.place is not None and meeting.place.key == "san-francisco"
    assert meeting.date is not None and (meeting.date.month, meeting.date.day) == (11, 17)


def test_a_headline_lists_each_event_with_its_own_verb(read_dated):
    # b13_wire_unga_week_diary (published 2023-09-21): "sees" names a meeting, and each comma starts the next.
    findings = read_dated(
        "UN week diary: Netanyahu sees Erdogan, Lula meets Zelenskiy at last, Duda drops his meeting\n\n"
        "UNITED NATIONS, Sept 21 (Wire) - A round-up of the encounters of the week.",
        date(2023, 9, 21),
    )
    assert sorted(sorted(who(m)) for m in findings.meetings) == [
        ["benjamin-netanyahu", "recep-tayyip-erdogan"],
        ["luiz-inacio-lula-da-silva", "volodymyr-zelenskyy"],
    ]


def test_seeing_a_country_as_something_is_no_meeting(read_dated):
    findings = read_dated(
        "Moscow sees Kyiv as a threat, and the Kremlin sees Ukraine as part of Russia.", None
    )
    assert findings.meetings == ()


def test_a_latin_american_chancellor_is_the_foreign_minister(gazetteer):
    # b01_mexican_daily_blinken_amlo_migration: "canciller" translated; the offices table says which office.
    text = "On the Mexican side there participated the chancellor Alicia Bárcena."
    (mention,) = recognise(text, gazetteer).mentions
    assert (mention.entity.key, mention.role) == ("alicia-barcena", "foreign minister")


def test_a_journey_still_to_come_makes_its_purpose_a_planned_meeting(read_dated):
    # b01_mexican_daily_blinken_amlo_migration (published 2023-12-28).
    findings = read_dated(
        "The chancellor Alicia Bárcena spoke at the conference. She added that she will travel in January to "
        "Washington with the Mexican delegation to meet again with Blinken and Mayorkas and follow up the "
        "agreements.",
        date(2023, 12, 28),
    )
    meeting = the_meeting_with(findings, "alicia-barcena")
    assert meeting.status is Status.PLANNED
    assert meeting.place is not None and meeting.place.key == "washington-dc"


def test_a_building_after_at_is_not_a_person(read_dated):
    # b03_dhaka_daily_hasina_modi_delhi (published 2022-09-07).
    findings = read_dated(
        "In the afternoon, Hasina called on President Droupadi Murmu at Rashtrapati Bhavan, while "
        "Vice-President Jagdeep Dhankhar paid a courtesy call on her at the ITC Maurya hotel.",
        date(2022, 9, 7),
    )
    meeting = the_meeting_with(findings, "droupadi-murmu")
    assert who(meeting) == {"sheikh-hasina", "droupadi-murmu", "jagdeep-dhankhar"}


def test_the_prime_minister_is_the_one_the_article_titles_so(read_dated):
    # b03_dhaka_daily_hasina_modi_delhi (published 2022-09-07): Modi is only "her Indian counterpart".
    findings = read_dated(
        "Prime Minister Sheikh Hasina and her Indian counterpart Narendra Modi yesterday sealed an interim "
        "water-sharing deal.\n\nOn Monday evening, soon after her arrival, External Affairs Minister S "
        "Jaishankar called on the prime minister at her hotel.",
        date(2022, 9, 7),
    )
    meeting = the_meeting_with(findings, "subrahmanyam-jaishankar")
    assert who(meeting) == {"subrahmanyam-jaishankar", "sheikh-hasina"}
    assert meeting.date is not None and meeting.date.day == 5


B13_DIARY = (
    "UNITED NATIONS, Sept 21 (Wire) - A round-up of the encounters on the sidelines of the U.N. General "
    "Assembly high-level week in New York.\n\nTUESDAY\n\n"
    "* Turkish President Tayyip Erdogan met Israeli Prime Minister Benjamin Netanyahu at the Turkish House "
    "across from U.N. headquarters, their first face-to-face meeting.\n\n"
    "* A meeting between Polish President Andrzej Duda and Ukrainian President Volodymyr Zelenskiy, "
    "announced "
    "last week by Duda's office, was dropped from the schedule.\n\nWEDNESDAY\n\n"
    "* U.S. President Joe Biden met Netanyahu at a hotel in Manhattan, their first meeting since Netanyahu "
    "returned to office in December. The two leaders agreed to meet in Washington by the end of the year, "
    "officials said.\n\n"
    "* Lula and Zelenskiy held their first meeting, at the InterContinental hotel, four months after a "
    "planned encounter at the G7 summit in Hiroshima fell through."
)


def test_a_diarys_weekday_heading_dates_the_meetings_under_it(read_dated):
    # b13_wire_unga_week_diary (published Thursday 2023-09-21).
    findings = read_dated(B13_DIARY, date(2023, 9, 21))
    erdogan = the_meeting_with(findings, "recep-tayyip-erdogan")
    biden = [m for m in findings.meetings if who(m) >= {"joe-biden"} and m.status is Status.HELD]
    assert erdogan.date is not None and erdogan.date.day == 19
    assert [m.date.day for m in biden if m.date] == [20]


def test_a_meeting_dropped_from_the_schedule_is_cancelled(read_dated):
    # b13_wire_unga_week_diary (published 2023-09-21).
    findings = read_dated(B13_DIARY, date(2023, 9, 21))
    assert the_meeting_with(findings, "andrzej-duda").status is Status.CANCELLED


def test_what_fell_through_months_before_does_not_cancel_the_meeting_held(read_dated):
    # b13_wire_unga_week_diary: ", four months after …" tells another event.
    findings = read_dated(B13_DIARY, date(2023, 9, 21))
    held = [m for m in findings.meetings if who(m) >= {"luiz-inacio-lula-da-silva"}]
    assert [m.status for m in held if m.status is Status.HELD] == [Status.HELD]


def test_the_two_leaders_named_again_without_titles_are_still_leaders(read_dated):
    # b13_wire_unga_week_diary: "met Netanyahu" keeps the title the article gave him first.
    findings = read_dated(B13_DIARY, date(2023, 9, 21))
    planned = [m for m in findings.meetings if m.status is Status.PLANNED]
    assert [who(m) for m in planned] == [{"joe-biden", "benjamin-netanyahu"}]
    assert planned[0].place is not None and planned[0].place.key == "washington-dc"


def test_the_king_welcomed_by_a_president_met_him(read_dated):
    # b15_french_daily_charles_state_visit (published 2023-09-21): "The King" is the one titled King.
    findings = read_dated(
        "King Charles III and Queen Camilla were welcomed by Emmanuel and Brigitte Macron at the Arc de "
        "Triomphe on Wednesday afternoon.\n\nThe King went to Germany instead, where President Frank-Walter "
        "Steinmeier welcomed him in Berlin on March 29.",
        date(2023, 9, 21),
    )
    meeting = the_meeting_with(findings, "frank-walter-steinmeier")
    assert who(meeting) == {"charles-iii", "frank-walter-steinmeier"}
    assert meeting.place is not None and meeting.place.key == "berlin"
    assert meeting.date is not None and (meeting.date.month, meeting.date.day) == (3, 29)


def test_welcoming_a_decision_is_no_meeting(read_dated):
    findings = read_dated("President Emmanuel Macron welcomed the decision of the European Council.", None)
    assert findings.meetings == ()


def test_a_visit_at_someones_invitation_is_a_meeting_with_them(read_dated):
    # b16_danish_english_news_trump_greenland (published 2019-08-21).
    findings = read_dated(
        "US President Donald Trump spoke on Tuesday. Trump is still due in Warsaw on 1 September to mark the "
        "80th anniversary of the outbreak of World War II, at the invitation of President Andrzej Duda.",
        date(2019, 8, 21),
    )
    meeting = the_meeting_with(findings, "andrzej-duda")
    assert {"donald-trump", "andrzej-duda"} <= who(meeting)
    assert meeting.status is Status.PLANNED
    assert meeting.place is not None and meeting.place.key == "warsaw"


def test_a_meeting_a_day_before_is_another_meeting(read_dated):
    # b14_catholic_agency_vance_pope_easter (published 2025-04-21): Trump met Meloni, not Vance.
    findings = read_dated(
        "Pope Francis received U.S. Vice President JD Vance for a few minutes at the Casa Santa Marta on "
        "Easter Sunday morning.\n\n"
        "Vance, who arrived in Rome with his family on Friday, met Italian Prime Minister Giorgia Meloni at "
        "Palazzo Chigi that day, a day after she had met President Donald Trump at the White House in "
        "Washington.",
        date(2025, 4, 21),
    )
    meeting = the_meeting_with(findings, "giorgia-meloni")
    assert who(meeting) == {"jd-vance", "giorgia-meloni"}


def test_the_second_and_the_third_are_the_next_rounds_of_talks(read_dated):
    # b06_ahram_gerd_talks_end (published 2023-12-20): one meeting per round, each with its place and day.
    findings = read_dated(
        "The first round of the resumed tripartite talks between Egypt, Ethiopia and Sudan was held in "
        "Cairo on "
        "27-28 August. The second followed in Addis Ababa on 23-24 September, and the third in Cairo on "
        "23-24 "
        "October.",
        date(2023, 12, 20),
    )
    rounds = [(m.place.key if m.place else None, str(m.date)) for m in findings.meetings]
    assert [place for place, _ in rounds] == ["cairo", "addis-ababa", "cairo"]
    assert all(who(m) == {"egypt", "ethiopia", "sudan"} for m in findings.meetings)
    assert [m.date.month for m in findings.meetings if m.date] == [8, 9, 10]


def test_the_second_in_command_is_no_round(read_dated):
    findings = read_dated(
        "The first round of talks between Egypt and Sudan was held in Cairo on 27 August. The second in "
        "command of the army resigned.",
        date(2023, 12, 20),
    )
    assert len(findings.meetings) == 1


def test_leaders_who_signed_in_another_city_met_there(read_dated):
    # b06_ahram_gerd_talks_end (published 2023-12-20): not people at the Cairo round told just before.
    findings = read_dated(
        "The first round of the resumed tripartite talks between Egypt, Ethiopia and Sudan was held in "
        "Cairo on "
        "27-28 August.\n\nThe dispute goes back more than a decade. The 2015 Declaration of Principles was "
        "signed in Khartoum by El-Sisi, then Sudanese president Omar Al-Bashir and then Ethiopian prime "
        "minister Hailemariam Desalegn.",
        date(2023, 12, 20),
    )
    by_place = {m.place.key: who(m) for m in findings.meetings if m.place}
    assert by_place == {
        "cairo": {"egypt", "ethiopia", "sudan"},
        "khartoum": {"abdel-fattah-el-sisi", "omar-al-bashir", "hailemariam-desalegn"},
    }


def test_who_will_host_the_next_one_hosts_the_next_summit_of_the_same_states(read_dated):
    # b11_mfa_briefing_transcript_june3 (published 2024-06-03).
    findings = read_dated(
        "Yonhap: At the trilateral summit in Seoul last Monday, Premier Li Qiang, Prime Minister Fumio "
        "Kishida "
        "and President Yoon Suk Yeol agreed to hold the summit regularly, and Japan will host the next one.",
        date(2024, 6, 3),
    )
    planned = [m for m in findings.meetings if m.status is Status.PLANNED]
    assert [states(m) for m in planned] == [{"china", "japan", "south-korea"}]
    assert planned[0].place is not None and planned[0].place.key == "japan"


def test_a_body_named_in_full_is_later_called_by_its_head_noun(read_dated):
    # b08_pacific_broadcaster_pif_falepili (published 2023-11-10).
    findings = read_dated(
        "The announcement came on the sidelines of the 52nd Pacific Islands Forum Leaders Meeting, which "
        "opened "
        "on Monday.\n\nTonga will host next year's Forum leaders meeting.",
        date(2023, 11, 10),
    )
    meeting = the_meeting_with(findings, "tonga")
    assert who(meeting) == {"tonga", "pacific-islands-forum"}
    assert meeting.status is Status.PLANNED and meeting.date is not None and meeting.date.year == 2024


def test_a_huddle_between_the_two_prime_ministers_is_a_meeting_of_them(read_dated):
    # h08_blog_modi_lahore_stopover (published 2015-12-27).
    findings = read_dated(
        "On Friday, on his way home from Kabul, Narendra Modi did something no Indian prime minister had "
        "done in "
        "more than a decade: he dropped in on Pakistan. By the afternoon his plane was on the tarmac in "
        "Lahore, "
        "where Nawaz Sharif was waiting to receive him.\n\n"
        "The thaw began with a two-minute huddle between the two prime ministers on a sofa at the climate "
        "summit in Paris on November 30.",
        date(2015, 12, 27),
    )
    (meeting,) = held_in(findings, "paris")
    assert who(meeting) == {"narendra-modi", "nawaz-sharif"}
    assert meeting.date is not None and (meeting.date.month, meeting.date.day) == (11, 30)
    # "… waiting to receive him" is the Lahore meeting, of the same two
    assert [who(m) for m in findings.meetings] == [{"narendra-modi", "nawaz-sharif"}] * 2


def test_a_stop_told_without_its_verb_goes_on_with_the_journey(read_dated):
    # h06_ap_blinken_ramallah_tour (published Wednesday 2024-01-10): "to see" a president by his title; "and
    # on Thursday to Cairo" keeps Blinken, the plan and the tense of "was to fly".
    findings = read_dated(
        "Blinken was to fly later Wednesday to Manama, Bahrain, for talks with King Hamad bin Isa Al "
        "Khalifa, "
        "and on Thursday to Cairo to see Egyptian President Abdel Fattah el-Sisi before returning to "
        "Washington.",
        date(2024, 1, 10),
    )
    meeting = the_meeting_with(findings, "abdel-fattah-el-sisi")
    assert who(meeting) == {"antony-blinken", "abdel-fattah-el-sisi"}
    assert meeting.status is Status.PLANNED
    assert meeting.place is not None and meeting.place.key == "cairo"
    assert meeting.date is not None and meeting.date.day == 11


def test_a_month_after_a_venue_is_not_its_town(read_dated):
    # h05_kcna_putin_pyongyang (published 2024-06-20).
    findings = read_dated(
        "Kim Jong Un and Vladimir Putin held talks in Pyongyang. Recalling the historic meeting held at the "
        "Vostochny Cosmodrome of Russia in September last year, Putin said that the meeting had opened a new "
        "chapter.",
        date(2024, 6, 20),
    )
    assert all(m.place is None or m.place.key != "september" for m in findings.meetings)


B05_LATER = (
    "It should be noted that the C5+1 format was launched in Samarkand in November 2015 at a meeting of the "
    "foreign ministers of the five Central Asian states with then US Secretary of State John Kerry.\n\n"
    "At the end of the month, the Head of State will take part in the first Central Asia – Germany summit, "
    "which will bring together the leaders of the five Central Asian states and Federal Chancellor Olaf "
    "Scholz "
    "in Berlin on 29 September."
)
CENTRAL_ASIA = {"kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"}


def test_the_five_central_asian_states_are_the_five_of_them(read_dated):
    # b05_kazinform_c5plus1_new_york (published 2023-09-20).
    findings = read_dated(B05_LATER, date(2023, 9, 20))
    samarkand = the_meeting_with(findings, "john-kerry")
    assert states(samarkand) == CENTRAL_ASIA | {"united-states"}


def test_a_dash_inside_the_name_of_a_summit_does_not_cut_the_clause(read_dated):
    # b05_kazinform_c5plus1_new_york (published 2023-09-20): "Central Asia – Germany summit".
    findings = read_dated(B05_LATER, date(2023, 9, 20))
    berlin = the_meeting_with(findings, "olaf-scholz")
    assert states(berlin) == CENTRAL_ASIA | {"germany"}
    assert berlin.status is Status.PLANNED
    assert berlin.place is not None and berlin.place.key == "berlin"


def test_a_regional_group_needs_the_right_count(read_dated):
    findings = read_dated(
        "Estonian Prime Minister Kaja Kallas met the leaders of the three Nordic countries in Vilnius on "
        "Monday.\n\nKallas met the leaders of the other two Baltic states in Riga on Tuesday.",
        date(2023, 7, 11),
    )
    named = set().union(*(states(m) for m in findings.meetings))
    assert "sweden" not in named and {"latvia", "lithuania"} <= named


def test_a_side_summit_sets_the_scene_for_the_sentence_after_it(read_dated):
    # b05_kazinform_c5plus1_new_york (published 2023-09-20).
    findings = read_dated(
        "NEW YORK. KAZINFORM – Head of State Kassym-Jomart Tokayev took part in the first-ever summit of the "
        "C5+1 format at the level of heads of state, held on Tuesday on the sidelines of the 78th session "
        "of the "
        "UN General Assembly, the Akorda press service reports.\n\nThe summit was hosted by President of the "
        "United States Joseph Biden and attended by President of the Kyrgyz Republic Sadyr Japarov.",
        date(2023, 9, 20),
    )
    meeting = the_meeting_with(findings, "sadyr-japarov")
    assert {"kassym-jomart-tokayev", "joe-biden", "sadyr-japarov"} <= who(meeting)
    assert meeting.date is not None and meeting.date.day == 19


B02_MIRAFLORES = (
    "In an encounter that lasted close to three hours in the Miraflores Palace, the presidents Gustavo "
    "Petro and "
    "Nicolás Maduro sealed this Tuesday the normalization of the relations between Colombia and "
    "Venezuela.\n\n"
    "The Colombian president was accompanied by the chancellor Álvaro Leyva and by the ambassador in "
    "Caracas, "
    "Armando Benedetti; on the Venezuelan side the foreign minister Carlos Faría took part."
)


def test_a_palace_named_before_a_title_is_no_person(gazetteer):
    # b02_colombian_daily_petro_maduro_miraflores: "the Miraflores Palace, the presidents …".
    keys = {m.entity.key for m in recognise(B02_MIRAFLORES, gazetteer).mentions}
    assert "miraflores-palace" not in keys


def test_an_ambassador_in_a_capital_is_named_by_his_title_and_the_capital_is_not_the_venue(read_dated):
    # b02_colombian_daily_petro_maduro_miraflores (published 2022-11-02).
    findings = read_dated(B02_MIRAFLORES, date(2022, 11, 2))
    meeting = the_meeting_with(findings, "nicolas-maduro")
    assert {"gustavo-petro", "nicolas-maduro", "alvaro-leyva", "armando-benedetti"} <= who(meeting)
    # Caracas, because the Miraflores Palace is there (a seat of government); not because the ambassador
    # serves in Caracas: with an unnamed palace the place is unknown
    assert meeting.place is not None and meeting.place.key == "caracas"
    unnamed = read_dated(B02_MIRAFLORES.replace("the Miraflores Palace", "the palace"), date(2022, 11, 2))
    assert the_meeting_with(unnamed, "nicolas-maduro").place is None


def test_who_is_at_the_head_of_a_states_side_represents_it(gazetteer):
    # b02_colombian_daily_petro_maduro_miraflores; b03_dhaka_daily_hasina_modi_delhi.
    faria = next(m for m in recognise(B02_MIRAFLORES, gazetteer).mentions if m.entity.key == "carlos-faria")
    assert faria.represents == "venezuela"
    text = (
        "The text of the Kushiyara MoU was finalised at the 38th ministerial meeting of the Joint Rivers "
        "Commission in New Delhi on August 25, the first in 12 years, where the Bangladesh delegation was "
        "led by "
        "State Minister for Water Resources Zaheed Farooque."
    )
    farooque = next(m for m in recognise(text, gazetteer).mentions if m.entity.key == "zaheed-farooque")
    assert farooque.represents == "bangladesh"


def test_a_meeting_of_the_nordic_prime_ministers_is_one_of_the_five_nordic_states(read_dated):
    # b16_danish_english_news_trump_greenland (published 2019-08-21).
    findings = read_dated(
        "Frederiksen was in Reykjavik on Tuesday, where she and German Chancellor Angela Merkel took part "
        "in a "
        "meeting of the Nordic prime ministers.",
        date(2019, 8, 21),
    )
    meeting = the_meeting_with(findings, "angela-merkel")
    assert states(meeting) | who(meeting) >= {"germany", "denmark", "finland", "iceland", "norway", "sweden"}


def test_a_war_named_before_an_invitation_is_no_person(gazetteer):
    # b16_danish_english_news_trump_greenland: "…, at the invitation of President Andrzej Duda".
    text = (
        "Trump is still due in Warsaw on 1 September to mark the 80th anniversary of the outbreak of World "
        "War "
        "II, at the invitation of President Andrzej Duda."
    )
    assert "world-war-ii" not in {m.entity.key for m in recognise(text, gazetteer).mentions}


def test_the_present_of_a_timetable_plans_the_talks(read_dated):
    # b13_wire_unga_week_diary (published Thursday 2023-09-21).
    findings = read_dated(
        "Ukrainian President Volodymyr Zelenskiy spoke at the assembly.\n\n* Zelenskiy travels to "
        "Washington. "
        "He flies to Ottawa on Friday for talks with Prime Minister Justin Trudeau.",
        date(2023, 9, 21),
    )
    meeting = the_meeting_with(findings, "justin-trudeau")
    assert meeting.status is Status.PLANNED
    assert meeting.date is not None and meeting.date.day == 22


def test_on_the_sidelines_of_nothing_named_is_on_those_of_the_summit_told_before(read_dated):
    # b10_baltic_broadcaster_nato_vilnius (published 2023-07-11): not the Monday meeting told in between.
    findings = read_dated(
        "NATO leaders gathered in Vilnius on Tuesday for a two-day summit at the LITEXPO exhibition centre, "
        "hosted by President Gitanas Nausėda.\n\nThe breakthrough came on Monday evening, when Turkish "
        "President "
        "Recep Tayyip Erdoğan agreed to send Sweden's accession protocol to the Turkish parliament after a "
        "meeting with Swedish Prime Minister Ulf Kristersson in the Lithuanian capital.\n\nUS President Joe "
        "Biden "
        "began his day with a meeting with Nausėda at the Presidential Palace, and was sitting down with "
        "Erdoğan "
        "on the sidelines as this article was published.",
        date(2023, 7, 11),
    )
    meeting = the_meeting_with(findings, "joe-biden", "recep-tayyip-erdogan")
    assert meeting.place is not None and meeting.place.key == "vilnius"
    assert meeting.date is not None and meeting.date.day == 11


def test_a_leader_welcomed_by_name_at_a_place_is_received(read_dated):
    # f13_vietnam_daily_biden_trong_hanoi (published Monday 2023-09-11).
    findings = read_dated(
        "General Secretary Nguyen Phu Trong and U.S. President Joe Biden on Sunday agreed to elevate "
        "Vietnam–U.S. relations to a comprehensive strategic partnership.\n\nTrong welcomed Biden at the "
        "headquarters of the Communist Party of Vietnam Central Committee in Hanoi on Sunday afternoon, "
        "a few hours after the U.S. president landed at Noi Bai International Airport from New Delhi, "
        "where he had attended the G20 summit.",
        date(2023, 9, 11),
    )
    meeting = the_meeting_with(findings, "nguyen-phu-trong", "joe-biden")
    assert meeting.place is not None and meeting.place.key == "hanoi"
    assert meeting.date is not None and (meeting.date.month, meeting.date.day) == (9, 10)


def test_a_summit_attended_in_another_city_a_few_hours_before_is_a_meeting_of_its_own(read_dated):
    # f13_vietnam_daily_biden_trong_hanoi (published 2023-09-11): the G20 summit is not the Hanoi talks.
    findings = read_dated(
        "General Secretary Nguyen Phu Trong and U.S. President Joe Biden on Sunday agreed to elevate "
        "Vietnam–U.S. relations to a comprehensive strategic partnership.\n\nTrong welcomed Biden at the "
        "headquarters of the Communist Party of Vietnam Central Committee in Hanoi on Sunday afternoon, "
        "a few hours after the U.S. president landed at Noi Bai International Airport from New Delhi, "
        "where he had attended the G20 summit.",
        date(2023, 9, 11),
    )
    summit = the_meeting_with(findings, "g20")
    assert summit.place is not None and summit.place.key == "new-delhi"
    assert "nguyen-phu-trong" not in who(summit)


def test_the_two_foreign_ministers_are_those_of_the_ministers_meeting_not_of_a_later_visit(read_dated):
    # f04_irna_faisal_tehran_visit (published 2023-06-17).
    findings = read_dated(
        "Tehran, June 17, IRNA -- Iranian Foreign Minister Hossein Amir-Abdollahian and his Saudi "
        "counterpart Prince Faisal bin Farhan Al Saud held talks in Tehran on Saturday on the expansion "
        "of bilateral relations and regional developments.\n\nHe reiterated the invitation of King "
        "Salman bin Abdulaziz to President Seyed Ebrahim Raisi to visit Riyadh, and Amir-Abdollahian "
        "said the President would make the trip at an appropriate time.\n\nThe visit comes after the two "
        "foreign ministers met in Beijing on April 6, their first formal meeting in more than seven "
        "years, during which they agreed to reopen embassies and resume flights.",
        date(2023, 6, 17),
    )
    beijing = held_in(findings, "beijing")
    assert len(beijing) == 1
    assert who(beijing[0]) == {"hossein-amir-abdollahian", "faisal-bin-farhan"}
    assert beijing[0].date is not None and (beijing[0].date.month, beijing[0].date.day) == (4, 6)


def test_talks_between_their_delegations_are_of_the_states_named_before(read_dated):
    # f04_irna_faisal_tehran_visit (published 2023-06-17).
    findings = read_dated(
        "Amir-Abdollahian said that Iran and Saudi Arabia will also hold talks between their technical "
        "delegations in the coming weeks on the implementation of the 2001 security cooperation "
        "agreement and the 1998 general cooperation agreement.",
        date(2023, 6, 17),
    )
    meeting = the_meeting_with(findings, "iran", "saudi-arabia")
    assert meeting.status is Status.PLANNED


def test_leaders_who_exchanged_words_on_the_margins_of_a_summit_met(read_dated):
    # f06_broadsheet_analysis_modi_xi_kazan (published 2024-10-24).
    findings = read_dated(
        "When Prime Minister Narendra Modi and President Xi Jinping met on the sidelines of the BRICS "
        "summit in Kazan on Wednesday, it was their first formal bilateral meeting in five years.\n\nThe "
        "two leaders had last exchanged words, briefly, on the margins of the BRICS summit in "
        "Johannesburg in August last year, an encounter the two sides later described differently.",
        date(2024, 10, 24),
    )
    johannesburg = held_in(findings, "johannesburg")
    assert len(johannesburg) == 1
    assert who(johannesburg[0]) >= {"narendra-modi", "xi-jinping"}
    assert johannesburg[0].date is not None and (johannesburg[0].date.year, johannesburg[0].date.month) == (
        2023,
        8,
    )


def test_the_third_round_set_for_a_month_and_postponed_is_a_round_of_its_own(read_dated):
    # f11_oped_ankara_declaration_ethiopia_somalia (published 2024-12-14).
    findings = read_dated(
        "So the images from Ankara on Wednesday evening deserve attention. President Recep Tayyip "
        "Erdoğan stood between Abiy and President Hassan Sheikh Mohamud after hours of talks he had "
        "hosted, and announced what is now called the Ankara Declaration.\n\nA second round followed in "
        "Ankara in August. The third, set for September, was postponed, and for weeks it seemed the "
        "process had died.",
        date(2024, 12, 14),
    )
    third = [m for m in findings.meetings if m.status is Status.POSTPONED]
    assert len(third) == 1
    assert states(third[0]) | who(third[0]) >= {"ethiopia", "somalia"}
    assert third[0].date is not None and (third[0].date.year, third[0].date.month) == (2024, 9)


def test_a_pair_of_several_words_that_names_a_summit_is_no_clause_break():
    # f08_akorda_press_release_china_central_asia_xian (published 2023-05-19).
    from diplograph.extract.meetings.drafting import clauses
    from diplograph.extract.model import Span

    text = (
        "The Head of State Kassym-Jomart Tokayev took part in the first China – Central Asia Summit held "
        "in the city of Xi'an, People's Republic of China."
    )
    assert len(clauses(text, Span(0, len(text)))) == 1


def test_they_who_met_elsewhere_are_the_people_of_the_meeting_told_before(read_dated):
    # f02_tass_putin_erdogan_sochi (published 2023-09-04).
    findings = read_dated(
        "Putin and Erdogan last held talks in Sochi in August 2022. In October of the same year they met in "
        "Astana on the sidelines of the Conference on Interaction and Confidence-Building Measures in Asia, "
        "where they discussed Putin's proposal to set up a gas hub in Turkey.",
        date(2023, 9, 4),
    )
    astana = held_in(findings, "astana")
    assert len(astana) == 1
    assert who(astana[0]) == {"vladimir-putin", "recep-tayyip-erdogan"}
    assert astana[0].date is not None and (astana[0].date.year, astana[0].date.month) == (2022, 10)


def test_their_first_meeting_since_a_summit_tells_that_earlier_meeting(read_dated):
    # f06_broadsheet_analysis_modi_xi_kazan (published 2024-10-24).
    findings = read_dated(
        "When Prime Minister Narendra Modi and President Xi Jinping met on the sidelines of the BRICS summit "
        "in Kazan on Wednesday, it was their first formal bilateral meeting since the informal summit at "
        "Mamallapuram, near Chennai, in October 2019.",
        date(2024, 10, 24),
    )
    earlier = [m for m in findings.meetings if m.date is not None and m.date.year == 2019]
    assert len(earlier) == 1
    assert who(earlier[0]) == {"narendra-modi", "xi-jinping"}
    assert earlier[0].date is not None and earlier[0].date.month == 10
    kazan = held_in(findings, "kazan")
    assert len(kazan) == 1 and kazan[0].date is not None and kazan[0].date.year == 2024


# Descriptions of someone named before (extract/descriptions.py), the passive of receiving, the rulers a state
# agency names as ordering a meeting, and a second reported clause (eval/fresh/, quoted with its file).


def test_the_saudi_minister_received_by_the_president_is_the_saudi_minister_named_before(read_dated):
    # f04_irna_faisal_tehran_visit (published 2023-06-17): "the Saudi minister" is Prince Faisal, and "was
    # received by" reports a meeting of its own, later that day.
    findings = read_dated(
        "Tehran, June 17, IRNA -- Iranian Foreign Minister Hossein Amir-Abdollahian and his Saudi "
        "counterpart Prince Faisal bin Farhan Al Saud held talks in Tehran on Saturday on the expansion of "
        "bilateral relations and regional developments.\n\nLater on Saturday, the Saudi minister was "
        "received by President Raisi, who said that the improvement of relations between Tehran and Riyadh "
        "would serve the interests of the region and the Islamic world.",
        date(2023, 6, 17),
    )
    meeting = the_meeting_with(findings, "ebrahim-raisi")
    assert who(meeting) == {"ebrahim-raisi", "faisal-bin-farhan"}
    assert day(meeting) == "2023-06-17"
    assert meeting.status is Status.HELD
    assert who(the_meeting_with(findings, "hossein-amir-abdollahian")) == {
        "hossein-amir-abdollahian",
        "faisal-bin-farhan",
    }


def test_the_chinese_leader_invited_by_the_head_of_state_is_xi(read_dated):
    # f08_akorda_press_release_china_central_asia_xian (published 2023-05-19): the president's press service
    # calls him "the Head of State"; "the Chinese leader" is the one Chinese leader the release names.
    findings = read_dated(
        "The Head of State Kassym-Jomart Tokayev took part in the first China – Central Asia "
        "Summit.\n\nEarlier this week, during his state visit to the People's Republic of China, the Head "
        "of State held talks with Xi Jinping. President Tokayev invited the Chinese leader to pay a state "
        "visit to Kazakhstan at a convenient time, and the invitation was accepted.",
        date(2023, 5, 19),
    )
    planned = [m for m in findings.meetings if m.status is Status.PLANNED]
    assert len(planned) == 1
    assert who(planned[0]) == {"kassym-jomart-tokayev", "xi-jinping"}
    assert planned[0].place is not None and planned[0].place.key == "kazakhstan"
    held = [m for m in findings.meetings if m.status is Status.HELD and "xi-jinping" in who(m)]
    assert [who(m) for m in held] == [{"kassym-jomart-tokayev", "xi-jinping"}]


def test_a_description_that_fits_two_people_is_nobody(gazetteer):
    # Two Chinese leaders named: "the Chinese leader" is neither.
    text = "Chinese President Xi Jinping and Chinese Premier Li Qiang spoke. The Chinese leader left."
    keys = [m.entity.key for m in recognise(text, gazetteer).mentions if m.span.start > text.index("The C")]
    assert keys == []


def test_the_rulers_on_whose_directives_a_state_hosts_talks_are_not_at_them(read_dated):
    # f05_spa_jeddah_us_ukraine_talks (published 2025-03-11): the King and the Crown Prince ordered the
    # meeting; the Crown Prince, named with the rest of his long name, received Zelenskyy the day before.
    findings = read_dated(
        "Jeddah, Ramadan 11, 1446, March 11, 2025, SPA -- Pursuant to the directives of the Custodian of "
        "the Two Holy Mosques King Salman bin Abdulaziz Al Saud and His Royal Highness Prince Mohammed bin "
        "Salman bin Abdulaziz Al Saud, Crown Prince and Prime Minister, the Kingdom of Saudi Arabia hosted "
        "today in Jeddah a meeting between the delegations of the United States of America and "
        "Ukraine.\n\nHis Royal Highness the Crown Prince had received President Volodymyr Zelenskyy of "
        "Ukraine at Al-Salam Palace in Jeddah on Monday evening.",
        date(2025, 3, 11),
    )
    talks = the_meeting_with(findings, "united-states")
    assert who(talks) == {"saudi-arabia", "united-states", "ukraine"}
    reception = the_meeting_with(findings, "volodymyr-zelenskyy")
    assert who(reception) == {"mohammed-bin-salman", "volodymyr-zelenskyy"}
    assert day(reception) == "2025-03-10"


def test_a_second_reported_clause_has_its_own_parties(read_dated):
    # f05_spa_jeddah_us_ukraine_talks (published 2025-03-11): Trump hoped to speak with Putin (a call); the
    # envoy's trip to Moscow is the meeting, with the Russian side.
    findings = read_dated(
        "US President Donald Trump told reporters at the White House that he hoped to speak with Russian "
        "President Vladimir Putin later this week, and that US envoy Steve Witkoff was expected to travel "
        "to Moscow for talks with the Russian side.",
        date(2025, 3, 11),
    )
    meeting = the_meeting_with(findings, "steve-witkoff")
    assert who(meeting) == {"steve-witkoff", "russia"}
    assert meeting.status is Status.PLANNED
    assert meeting.place is not None and meeting.place.key == "moscow"


def test_parties_signing_together_in_a_named_place_met_there(read_dated):
    # t05_barbados_daily_venezuela_agreement (published 2023-10-18), t10_afghan_site_doha_agreement
    # (2020-02-29): a signing in a named place; "that could lead to" is the deal's prospect, not the status.
    findings = read_dated(
        "Representatives of the Venezuelan government and the opposition Unitary Platform yesterday signed "
        "two partial agreements in Bridgetown, setting the stage for a presidential election in the second "
        "half of 2024.",
        date(2023, 10, 18),
    )
    (signing,) = findings.meetings
    assert states(signing) == {"venezuela", "unitary-platform"} and day(signing) == "2023-10-17"
    assert signing.place is not None and signing.place.key == "bridgetown"
    findings = read_dated(
        "The United States and the Taliban signed an agreement in the Qatari capital Doha on Saturday that "
        "could lead to a full withdrawal of US and NATO troops from Afghanistan within 14 months.",
        date(2020, 2, 29),
    )
    signing = the_meeting_with(findings, "united-states", "taliban")
    assert signing.status == Status.HELD and day(signing) == "2020-02-29"
    assert not read_dated("President Putin signed a decree in Moscow on Monday.", date(2020, 2, 29)).meetings


def test_the_president_of_a_house_is_no_head_of_state(gazetteer):
    # t05_barbados_daily_venezuela_agreement: Rodríguez presides over the assembly; Macron is the president.
    text = "The delegation was headed by Jorge Rodríguez, president of Venezuela's National Assembly."
    (person,) = [m for m in recognise(text, gazetteer).mentions if m.entity.kind == "person"]
    assert (person.entity.key, person.role) == ("jorge-rodriguez", None)
    text = "They met Emmanuel Macron, the president of France, in Paris."
    (person, *_) = [m for m in recognise(text, gazetteer).mentions if m.entity.kind == "person"]
    assert (person.entity.key, person.role) == ("emmanuel-macron", "head of state")


def test_who_heads_a_delegation_named_by_demonym_speaks_for_its_state(gazetteer):
    # t08_egypt_mfa_gerd_kinshasa: "The Sudanese delegation was headed by H.E. Dr. Mariam al-Sadiq al-Mahdi,
    # Minister of Foreign Affairs, … and the Ethiopian delegation by H.E. Dr. Seleshi Bekele" (honorifics
    # end no sentence).
    text = (
        "The Sudanese delegation was headed by H.E. Dr. Mariam al-Sadiq al-Mahdi, Minister of Foreign "
        "Affairs, and H.E. Prof. Yasir Abbas, Minister of Irrigation and Water Resources, and the Ethiopian "
        "delegation by H.E. Dr. Seleshi Bekele, Minister of Water, Irrigation and Energy."
    )
    people = {m.entity.key: m.represents for m in recognise(text, gazetteer).mentions}
    assert people["mariam-al-sadiq-al-mahdi"] == "sudan" and people["seleshi-bekele"] == "ethiopia"
