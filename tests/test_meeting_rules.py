"""Meeting rules pinned to sentences of the unseen-style articles (eval/articles/, quoted with their file) and
the seeds: participants named by title or role, side meetings, summits with many leaders, places, dates
relative to publication, series that are not meetings. One rule per test, each asserting what it finds."""

from __future__ import annotations

from datetime import date

from tests.conftest import states, the_meeting_with, who

from diplograph.extract.model import Status


def test_ministers_named_by_their_states_are_the_ministers_the_article_names(read_dated):
    # u01 (Reuters style, published 2023-05-01); Shoukry has no title, the offices table gives him the post.
    findings = read_dated(
        "AMMAN, May 1 (Reuters) - The foreign ministers of Jordan, Saudi Arabia, Iraq and Egypt met their "
        "Syrian "
        "counterpart Faisal Mekdad in Amman on Monday, the highest-level Arab gathering with an envoy from "
        "Damascus since Syria was suspended from the Arab League more than a decade ago.\n\n"
        "Saudi Foreign Minister Prince Faisal bin Farhan and Iraqi Foreign Minister Fuad Hussein attended "
        "along "
        "with Egypt's Sameh Shoukry.",
        date(2023, 5, 1),
    )
    meeting = the_meeting_with(findings, "faisal-mekdad")
    assert {"faisal-bin-farhan", "fuad-hussein", "sameh-shoukry", "faisal-mekdad"} <= who(meeting)
    assert "arab-league" not in who(meeting)  # named in the 'since …' clause: another event
    assert meeting.date is not None and meeting.date.isoformat() == "2023-05-01"


def test_a_side_meeting_is_a_meeting_of_its_own_at_the_place_and_on_the_day_of_its_occasion(read_dated):
    # u11 (Yonhap style, published 2023-08-19).
    findings = read_dated(
        "President Yoon Suk Yeol, U.S. President Joe Biden and Japanese Prime Minister Fumio Kishida held "
        "their "
        "first stand-alone trilateral summit Friday (U.S. time) at Camp David, the U.S. presidential retreat "
        "outside Washington.\n\n"
        "On the sidelines of the trilateral meeting, Yoon held a separate bilateral summit with Kishida, in "
        "which the two leaders discussed Japan's planned release of treated water.",
        date(2023, 8, 19),
    )
    assert len(findings.meetings) == 2
    side = next(m for m in findings.meetings if "joe-biden" not in who(m))
    assert who(side) == {"yoon-suk-yeol", "fumio-kishida"}
    assert side.place is not None and side.place.key == "camp-david"
    assert side.date is not None and side.date.isoformat() == "2023-08-18"


def test_the_three_leaders_are_the_parties_of_the_last_meeting_of_three(read_dated):
    # u11: "The three leaders last met in person on the sidelines of the Group of Seven summit in Hiroshima
    # in May." A bare month of a past meeting is the last such month before publication.
    findings = read_dated(
        "President Yoon Suk Yeol, U.S. President Joe Biden and Japanese Prime Minister Fumio Kishida held "
        "their "
        "first stand-alone trilateral summit Friday at Camp David.\n\n"
        "The three leaders last met in person on the sidelines of the Group of Seven summit in Hiroshima in "
        "May.",
        date(2023, 8, 19),
    )
    earlier = next(m for m in findings.meetings if m.place and m.place.key == "hiroshima")
    assert who(earlier) == {"yoon-suk-yeol", "joe-biden", "fumio-kishida"}
    assert earlier.status is Status.HELD
    assert earlier.date is not None and earlier.date.isoformat() == "2023-05"


def test_bilateral_meetings_with_a_list_of_states_are_one_meeting_per_counterpart(read_dated):
    # u05 (MEA press release, 2023-05-04); the counterparts are named further on.
    findings = read_dated(
        "External Affairs Minister Dr. S. Jaishankar held bilateral meetings today in Goa with the Foreign "
        "Ministers of the Russian Federation, the People's Republic of China and the Republic of "
        "Uzbekistan, on "
        "the sidelines of the meeting of the Council of Foreign Ministers of the Shanghai Cooperation "
        "Organisation (SCO CFM).\n\n"
        "EAM held talks with State Councilor and Foreign Minister of China Qin Gang.\n\n"
        "EAM also met Foreign Minister of Uzbekistan Bakhtiyor Saidov.",
        date(2023, 5, 4),
    )
    pairs = sorted(sorted(who(m)) for m in findings.meetings)
    assert pairs == [
        ["bakhtiyor-saidov", "subrahmanyam-jaishankar"],
        ["qin-gang", "subrahmanyam-jaishankar"],
        ["russia", "subrahmanyam-jaishankar"],
    ]
    assert {m.place.key for m in findings.meetings if m.place} == {"goa"}
    assert len({m.trigger for m in findings.meetings}) == 3  # three reports, three URIs


def test_people_the_next_sentences_put_at_a_summit_take_part_in_it(read_dated):
    # u07 (Xinhua style, 2024-02-18): welcomed the leaders, took over the chairmanship, addressed the session.
    findings = read_dated(
        "ADDIS ABABA, Feb. 18 (Xinhua) -- Liu Yuxi, the Chinese government's special representative on "
        "African "
        "affairs, attended the opening of the 37th ordinary session of the Assembly of the African Union "
        "(AU) in "
        "Addis Ababa, the Ethiopian capital, on Saturday.\n\n"
        "Ethiopian Prime Minister Abiy Ahmed welcomed the leaders, and Mauritanian President Mohamed Ould "
        "Ghazouani took over the AU's rotating chairmanship from Comoros President Azali Assoumani. UN "
        "Secretary-General Antonio Guterres also addressed the opening session.",
        date(2024, 2, 18),
    )
    (summit,) = findings.meetings
    assert {"liu-yuxi", "abiy-ahmed", "mohamed-ould-ghazouani", "azali-assoumani", "antonio-guterres"} <= who(
        summit
    )
    assert "united-nations" not in who(summit)  # the body in Guterres's title is not a party of its own
    assert summit.place is not None and summit.place.key == "addis-ababa"
    assert summit.date is not None and summit.date.isoformat() == "2024-02-17"


def test_a_side_meeting_with_a_bodys_chairperson_keeps_the_summits_place(read_dated):
    # u07: "On the sidelines of the summit on Saturday, Liu met with Moussa Faki Mahamat, chairperson of the
    # AU Commission." Faki speaks for the AU Commission, not for a state; the Commission is not a party
    # beside him.
    findings = read_dated(
        "Liu Yuxi, the Chinese government's special representative on African affairs, attended the opening "
        "of "
        "the 37th ordinary session of the Assembly of the African Union (AU) in Addis Ababa on Saturday.\n\n"
        "On the sidelines of the summit on Saturday, Liu met with Moussa Faki Mahamat, chairperson of the AU "
        "Commission.",
        date(2024, 2, 18),
    )
    side = the_meeting_with(findings, "moussa-faki-mahamat")
    assert who(side) == {"liu-yuxi", "moussa-faki-mahamat"}
    assert {p.entity.key: p.represents for p in side.participants}["liu-yuxi"] == "china"
    assert side.place is not None and side.place.key == "addis-ababa"


def test_the_body_in_a_title_is_the_persons_and_gives_no_state(read_dated):
    # u04 (blog, 2023-12-16): "met European Council President Charles Michel"; "last month" → 2023-11.
    findings = read_dated(
        "Prime Minister Irakli Garibashvili travelled to Brussels last month and met European Council "
        "President "
        "Charles Michel, who told him that the door was open.",
        date(2023, 12, 16),
    )
    (meeting,) = findings.meetings
    assert who(meeting) == {"irakli-garibashvili", "charles-michel"}
    assert {p.entity.key: p.represents for p in meeting.participants}["charles-michel"] is None
    assert meeting.date is not None and meeting.date.isoformat() == "2023-11"
    assert meeting.place is not None and meeting.place.key == "brussels"


def test_a_relative_clause_about_someone_else_gives_no_state(read_dated):
    # u10 (AP style, 2023-05-30): Lula is Brazilian, not Chinese; "earlier this year" → 2023.
    findings = read_dated(
        "Lula, who held talks with Chinese President Xi Jinping in Beijing earlier this year, has made the "
        "return of Brazil to the world stage a priority of his third term.",
        date(2023, 5, 30),
    )
    (meeting,) = findings.meetings
    assert states(meeting) == {"brazil", "china"}
    assert meeting.date is not None and meeting.date.isoformat() == "2023"


def test_a_bare_month_is_the_nearest_one_in_the_direction_of_the_tense(read_dated):
    # u12 (AFP, 2023-02-04): "in November" of a past meeting → 2022-11; u13 (Dawn, 2023-05-06): "will meet …
    # in July" → 2023-07.
    past = read_dated(
        "The trip had been agreed when President Joe Biden met Xi Jinping in Bali, Indonesia, in November.",
        date(2023, 2, 4),
    )
    (meeting,) = past.meetings
    assert meeting.date is not None and meeting.date.isoformat() == "2022-11"
    assert states(meeting) == {"united-states", "china"}  # Indonesia is where Bali is, not a party
    future = read_dated("The SCO heads of state will meet in New Delhi in July.", date(2023, 5, 6))
    (planned,) = future.meetings
    assert planned.status is Status.PLANNED
    assert planned.date is not None and planned.date.isoformat() == "2023-07"


def test_next_wednesday_and_that_day_resolve_to_the_same_coming_day(read_dated):
    # u14 (Politico Europe, Thursday 2022-10-20).
    findings = read_dated(
        "PARIS — A joint meeting of the French and German governments, due to take place in Fontainebleau "
        "next "
        "Wednesday, has been postponed, the Élysée said on Wednesday.\n\n"
        "German Chancellor Olaf Scholz will instead travel to Paris that day for a working lunch with "
        "President "
        "Emmanuel Macron, a French official said.",
        date(2022, 10, 20),
    )
    postponed = next(m for m in findings.meetings if m.status is Status.POSTPONED)
    assert who(postponed) == {"france", "germany"}
    assert postponed.status is Status.POSTPONED
    assert postponed.place is not None and postponed.place.key == "fontainebleau"
    assert postponed.date is not None and postponed.date.isoformat() == "2022-10-26"
    lunch = the_meeting_with(findings, "olaf-scholz", "emmanuel-macron")
    assert lunch.status is Status.PLANNED
    assert lunch.place is not None and lunch.place.key == "paris"
    assert lunch.date is not None and lunch.date.isoformat() == "2022-10-26"


def test_a_bodys_summit_stands_alone_and_those_who_arrive_at_it_take_part(read_dated):
    # u14: "the day before EU leaders gathered" dates the announcement (Wednesday); the summit is a day later.
    findings = read_dated(
        "The postponement, announced on Wednesday, came the day before EU leaders gathered in Brussels for a "
        "two-day summit. Macron and Scholz both arrived at the summit on Thursday.",
        date(2022, 10, 20),
    )
    (summit,) = findings.meetings
    assert who(summit) == {"european-union", "emmanuel-macron", "olaf-scholz"}
    assert summit.place is not None and summit.place.key == "brussels"
    assert summit.date is not None and summit.date.isoformat() == "2022-10-20"


def test_a_dateline_places_a_meeting_of_that_day_but_not_one_to_come(read_dated):
    # u02 (TASS, Thursday 2022-03-10): the second clause says neither where nor who but "he".
    findings = read_dated(
        "ANTALYA, March 10. /TASS/. On Thursday, Lavrov met Kazakh Foreign Minister Mukhtar Tileuberdi, and "
        "on "
        "Wednesday evening he held talks with Cavusoglu.\n\n"
        "Putin and Zelensky could meet once the delegations have prepared concrete documents, Lavrov said.",
        date(2022, 3, 10),
    )
    talks = the_meeting_with(findings, "mevlut-cavusoglu")
    assert talks.place is not None and talks.place.key == "antalya"
    assert talks.date is not None and talks.date.isoformat() == "2022-03-09"
    proposed = the_meeting_with(findings, "vladimir-putin")
    assert proposed.status is Status.PROPOSED and proposed.place is None


def test_rounds_of_talks_and_yearly_summits_are_series_not_meetings(read_dated):
    # u08 (IRNA style) and u07 (Xinhua style).
    findings = read_dated(
        "Iraq and Oman hosted several rounds of talks between Iranian and Saudi security officials in 2021 "
        "and "
        "2022.\n\nThe AU, with 55 member states, holds its ordinary summit every February at its "
        "headquarters in "
        "Addis Ababa.",
        date(2023, 3, 11),
    )
    assert findings.meetings == ()


def test_a_signing_in_the_capital_named_by_demonym_joins_the_talks(read_dated):
    # u08 (IRNA style, Saturday 2023-03-11): who signed, in whose presence, where and when.
    findings = read_dated(
        "The Islamic Republic of Iran and the Kingdom of Saudi Arabia have agreed to resume diplomatic "
        "relations, "
        "following intensive talks in Beijing hosted by the People's Republic of China.\n\n"
        "The agreement was signed in the Chinese capital on Friday by Ali Shamkhani, the secretary of Iran's "
        "Supreme National Security Council, and Musaed bin Mohammed Al-Aiban, the Saudi national security "
        "adviser, in the presence of Wang Yi, director of the Office of the Central Foreign Affairs "
        "Commission.",
        date(2023, 3, 11),
    )
    (talks,) = findings.meetings
    assert {"ali-shamkhani", "musaed-bin-mohammed-al-aiban", "wang-yi"} <= who(talks)
    assert talks.place is not None and talks.place.key == "beijing"
    assert talks.date is not None and talks.date.isoformat() == "2023-03-10"


def test_the_ministers_of_the_two_countries_are_those_of_the_parties_not_of_the_host(read_dated):
    # u08: "Under the trilateral statement issued after the talks, the foreign ministers of the two countries
    # will meet …" — Iran and Saudi Arabia, not China that hosted; Iran's minister is named, the Saudi one
    # not.
    findings = read_dated(
        "Iran and Saudi Arabia have agreed to resume diplomatic relations, following intensive talks in "
        "Beijing "
        "hosted by the People's Republic of China.\n\n"
        "Under the trilateral statement issued after the talks, the foreign ministers of the two countries "
        "will "
        "meet to implement the agreement.\n\n"
        "Foreign Minister Hossein Amir-Abdollahian wrote on Twitter on Friday that the policy was working.",
        date(2023, 3, 11),
    )
    planned = next(m for m in findings.meetings if m.status is Status.PLANNED)
    assert who(planned) == {"hossein-amir-abdollahian", "saudi-arabia"}


def test_a_list_of_demonyms_names_parties_and_under_auspices_names_the_broker(read_dated):
    # u09 (Gulf newspaper, 2021-01-06): "in Kuwait" is the state (no city named); "next month" → 2021-02.
    findings = read_dated(
        "Qatari and Emirati officials are due to hold their first bilateral talks under Kuwaiti auspices in "
        "Kuwait next month, according to two people briefed on the arrangements.",
        date(2021, 1, 6),
    )
    (talks,) = findings.meetings
    assert states(talks) == {"qatar", "united-arab-emirates", "kuwait"}
    assert talks.status is Status.PLANNED
    assert talks.place is not None and talks.place.key == "kuwait"
    assert talks.date is not None and talks.date.isoformat() == "2021-02"


def test_the_next_round_is_planned_between_the_states_of_the_last_round(read_dated):
    # u02: a round held in a forest in Belarus (the state is the place), headed by Medinsky, and the next one.
    findings = read_dated(
        "The third round of Russian-Ukrainian talks was held in the Belovezhskaya Pushcha in Belarus on "
        "Monday. "
        "The Russian delegation was headed by presidential aide Vladimir Medinsky. The next round is due to "
        "take "
        "place in the coming days, Medinsky said.",
        date(2022, 3, 10),
    )
    held, planned = findings.meetings
    assert who(held) == {"vladimir-medinsky", "ukraine"} and states(held) == {"russia", "ukraine"}
    assert held.place is not None and held.place.key == "belarus"
    assert held.date is not None and held.date.isoformat() == "2022-03-07"
    assert planned.status is Status.PLANNED and states(planned) == {"russia", "ukraine"}


def test_a_visit_to_a_state_is_a_meeting_with_it_there(read_dated):
    # u03 (analysis, 2023-11-17): the tense cue 'agreed to' belongs to another verb, far from 'visit'.
    findings = read_dated(
        "The two sides agreed to restore military-to-military communications, cut since then-House Speaker "
        "Nancy Pelosi's visit to Taiwan in August 2022, and to cooperate against the flow of fentanyl.",
        date(2023, 11, 17),
    )
    (visit,) = findings.meetings
    assert who(visit) == {"nancy-pelosi", "taiwan"}
    assert visit.status is Status.HELD
    assert visit.place is not None and visit.place.key == "taiwan"
    assert visit.date is not None and visit.date.isoformat() == "2022-08"


def test_talks_listed_under_a_subject_take_its_state_and_stop_at_the_next_thing(read_dated):
    # Seed 003: "… as Bashar al-Assad has pursued “normalization” with Arab states — including talks with
    # Saudi
    # Arabia and the readmission of the regime to the Arab League last weekend — …"
    findings = read_dated(
        "In recent weeks, as Bashar al-Assad has pursued “normalization” with Arab states — including talks "
        "with Saudi Arabia and the readmission of the regime to the Arab League last weekend — Russia, "
        "Turkey, "
        "and Iran each announced the possibility of a four-way meeting.",
        None,
    )
    talks = the_meeting_with(findings, "saudi-arabia")
    assert who(talks) == {"syria", "saudi-arabia"}


def test_the_name_of_a_process_and_a_snub_to_a_capital_are_not_places(read_dated):
    # Seeds 003 and 004.
    findings = read_dated(
        "Russia, Turkey, and Iran convened in the “Astana process” in January 2017.\n\n"
        "Putin met Erdogan on Friday in a snub to Washington.",
        None,
    )
    assert findings.meetings and all(m.place is None for m in findings.meetings)


def test_a_postponed_trip_is_the_meeting_it_was_for_not_on_the_day_of_the_decision(read_dated):
    # u12 (AFP, Saturday 2023-02-04): "on Friday" dates the postponement; the trip to China and the talks in
    # Beijing are one meeting, in the city, on the Monday it had been due.
    findings = read_dated(
        "Blinken postpones Beijing trip over suspected Chinese spy balloon\n\n"
        "US Secretary of State Antony Blinken on Friday postponed a long-awaited trip to China.\n\n"
        "Blinken had been due to hold talks with Foreign Minister Qin Gang in Beijing on Monday.",
        date(2023, 2, 4),
    )
    (trip,) = findings.meetings
    assert trip.status is Status.POSTPONED
    assert who(trip) == {"antony-blinken", "qin-gang"}
    assert trip.place is not None and trip.place.key == "beijing"
    assert trip.date is not None and trip.date.isoformat() == "2023-02-06"
