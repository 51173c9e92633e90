"""When and where: date and place rules pinned to sentences of the held-out articles (eval/heldout/, quoted
with their file and publication date) and of the unseen-style ones (eval/articles/). Each rule is general
English news prose; the comment names the sentences (two or more, or the grammar) that justify it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.conftest import OWN_ARTICLES, day, the_meeting_with, who

from diplograph.articles import Article
from diplograph.articles.reading import read_path
from diplograph.extract import extract
from diplograph.extract.dates import date_mentions, is_saying_date
from diplograph.extract.model import Span, Status


def values(text: str, published: date) -> dict[str, str | None]:
    return {m.span.of(text): m.value.isoformat() if m.value else None for m in date_mentions(text, published)}


def test_a_range_of_days_is_dated_by_its_first_day(read_dated):
    # h03 (press release, 2024-05-11): "On 10-11 May 2024", "in Berlin on 28-29 February 2024" (grammar: a
    # meeting of several days is dated by the day it opened). Also the state between title and name.
    findings = read_dated(
        "On 10-11 May 2024, Minister of Foreign Affairs of the Republic of Azerbaijan Jeyhun Bayramov and "
        "Minister of Foreign Affairs of the Republic of Armenia Ararat Mirzoyan held negotiations in "
        "Almaty, the Republic of Kazakhstan, on the draft bilateral Agreement on Peace.",
        date(2024, 5, 11),
    )
    (talks,) = findings.meetings
    assert who(talks) == {"jeyhun-bayramov", "ararat-mirzoyan"}
    assert {p.represents for p in talks.participants} == {"azerbaijan", "armenia"}
    assert day(talks) == "2024-05-10" and talks.place is not None and talks.place.key == "almaty"
    assert values("the meeting held in Berlin on 28-29 February 2024", date(2024, 5, 11)) == {
        "28-29 February 2024": "2024-02-28"
    }


def test_days_later_and_a_day_earlier_count_from_the_day_told_before(read_dated):
    # h08 (blog, 2015-12-27): "… in Bangkok on December 6, and when Sushma Swaraj travelled to Islamabad three
    # days later and met …"; h09 (Premium Times, 2023-08-11): "On Tuesday it refused … A day earlier, … Nuland
    # met …". Also "Lt Gen (retd)" as a title, and ", and when …" starting a clause of its own.
    findings = read_dated(
        "It continued when the national security advisers, Ajit Doval and Lt Gen (retd) Nasser Khan "
        "Janjua, met quietly in Bangkok on December 6, and when Sushma Swaraj travelled to Islamabad three "
        "days later and met Pakistani Prime Minister Nawaz Sharif on the margins of the Heart of Asia "
        "conference.",
        date(2015, 12, 27),
    )
    bangkok = the_meeting_with(findings, "ajit-doval")
    assert who(bangkok) == {"ajit-doval", "nasser-khan-janjua"} and day(bangkok) == "2015-12-06"
    islamabad = the_meeting_with(findings, "sushma-swaraj")
    assert (
        day(islamabad) == "2015-12-09" and islamabad.place is not None and islamabad.place.key == "islamabad"
    )
    text = (
        "On Tuesday it refused to receive a delegation. A day earlier, Nuland met some of the coup leaders."
    )
    assert values(text, date(2023, 8, 11))["A day earlier"] == "2023-08-07"


def test_a_meeting_told_after_a_day_after_is_the_day_before_the_talks(read_dated):
    # h06 (AP, Wednesday 2024-01-10): "The talks came a day after Blinken met … Netanyahu … in Tel Aviv. He
    # also met President Isaac Herzog and Defense Minister Yoav Gallant during the stop." u14's "The
    # postponement, announced the day before EU leaders gathered" (no meeting before the words) stays unknown.
    findings = read_dated(
        "U.S. Secretary of State Antony Blinken met Palestinian President Mahmoud Abbas on Wednesday in "
        "the occupied West Bank city of Ramallah, pressing the aging leader to push ahead with "
        "reforms.\n\nThe talks came a day after Blinken met Israeli Prime Minister Benjamin Netanyahu and "
        "his war Cabinet in Tel Aviv. He also met President Isaac Herzog and Defense Minister Yoav Gallant "
        "during the stop.",
        date(2024, 1, 10),
    )
    ramallah = the_meeting_with(findings, "mahmoud-abbas")
    assert day(ramallah) == "2024-01-10" and ramallah.place is not None and ramallah.place.key == "ramallah"
    tel_aviv = the_meeting_with(findings, "benjamin-netanyahu")
    assert day(tel_aviv) == "2024-01-09" and tel_aviv.place is not None and tel_aviv.place.key == "tel-aviv"
    stop = the_meeting_with(findings, "isaac-herzog")  # during the stop: its day and place, not a merge
    assert who(stop) == {"antony-blinken", "isaac-herzog", "yoav-gallant"}
    assert day(stop) == "2024-01-09" and stop.place is not None and stop.place.key == "tel-aviv"


def test_a_year_alone_or_before_the_meeting_noun_dates_the_meeting(read_dated):
    # h04 (analysis, 2024-09-23): "agreed that India would host the Quad summit in 2025", "The 2023 summit,
    # which Albanese was to host … in Sydney in May, was cancelled"; h11 (EFE, 2024-12-06): "Argentina, which
    # will host the next summit of Mercosur in 2025". The state that hosts is the place when no city is named.
    quad = read_dated("The four agreed that India would host the Quad summit in 2025.", date(2024, 9, 23))
    (planned,) = quad.meetings
    assert planned.status is Status.PLANNED and day(planned) == "2025"
    assert planned.place is not None and planned.place.key == "india"
    sydney = read_dated(
        "The 2023 summit, which Albanese was to host for Biden, Modi and Kishida in Sydney in May, was "
        "cancelled when Biden cut short an Asia trip to deal with the debt-ceiling standoff in Washington.",
        date(2024, 9, 23),
    )
    (cancelled,) = sydney.meetings
    assert (
        cancelled.status is Status.CANCELLED and day(cancelled) == "2023-05"
    )  # not the May before publication
    mercosur = read_dated(
        "At the end of the summit, Uruguay handed over the pro tempore presidency of the bloc to "
        "Argentina, which will host the next summit of Mercosur in 2025.",
        date(2024, 12, 6),
    )
    (next_summit,) = mercosur.meetings
    assert who(next_summit) == {"argentina", "mercosur"}  # Uruguay is the antecedent's giver, not a party
    assert (
        day(next_summit) == "2025" and next_summit.place is not None and next_summit.place.key == "argentina"
    )


def test_a_month_of_last_year_and_what_he_said_he_would_do(read_dated):
    # h05 (KCNA, 2024-06-20): "in September last year"; h08 (blog, 2015-12-27): "He said he would meet his
    # Indian counterpart, S. Jaishankar, in Islamabad in mid-January" — reported future, with an initial that
    # ends no sentence (grammar of reported speech). An intent with a time and a place is a plan.
    assert (
        values(
            "the meeting held at the Vostochny Cosmodrome of Russia in September last year", date(2024, 6, 20)
        )["in September last year"]
        == "2023-09"
    )
    findings = read_dated(
        "Pakistan's foreign secretary, Aizaz Ahmad Chaudhry, told reporters at Lahore airport that the "
        'atmosphere had been "very cordial". He said he would meet his Indian counterpart, S. Jaishankar, '
        "in Islamabad in mid-January to work out the schedule of the new Comprehensive Bilateral Dialogue.",
        date(2015, 12, 27),
    )
    planned = the_meeting_with(findings, "subrahmanyam-jaishankar")
    assert planned.status is Status.PLANNED and planned.rule == "meeting:intent"
    assert day(planned) == "2016-01" and planned.place is not None and planned.place.key == "islamabad"


def test_the_date_of_a_dateline_is_the_day_the_report_was_filed(read_dated):
    # h05 (KCNA, 2024-06-20): "Pyongyang, June 20 (KCNA) -- Talks … were held … in Pyongyang on June 19"; h11
    # (EFE): "Montevideo, Dec 6 (EFE).- The European Union and Mercosur announced this Friday …". Also those
    # "Present at the talks" (h05; h12: "Also present were …") take part.
    findings = read_dated(
        "Pyongyang, June 20 (KCNA) -- Talks between Kim Jong Un, general secretary of the Workers' Party "
        "of Korea, and Vladimir Vladimirovich Putin, president of the Russian Federation who is paying a "
        "state visit to the DPRK, were held at the Kumsusan State Guest House in Pyongyang on June "
        "19.\n\nPresent at the talks from the DPRK side were Choe Son Hui, minister of Foreign Affairs, "
        "and other officials, and from the Russian side Sergei Lavrov, minister of Foreign Affairs, Andrei "
        "Belousov, minister of Defence, and other members of the delegation.",
        date(2024, 6, 20),
    )
    (talks,) = findings.meetings
    assert day(talks) == "2024-06-19" and talks.place is not None and talks.place.key == "pyongyang"
    assert {"kim-jong-un", "vladimir-putin", "choe-son-hui", "sergey-lavrov", "andrey-belousov"} <= who(talks)


def test_later_in_the_day_and_a_participle_clause_are_another_meeting_of_the_same_subject(read_dated):
    # h07 (newspaper, 2025-07-24): "… met Chinese President Xi Jinping … in Beijing on Thursday, before
    # co-chairing the 25th EU-China summit with Premier Li Qiang later in the day" (grammar: the participle
    # shares the subject of its clause); "later in the day", "that morning" (h08) are the day named before.
    findings = read_dated(
        "European Council President António Costa and European Commission President Ursula von der Leyen "
        "met Chinese President Xi Jinping at the Great Hall of the People in Beijing on Thursday, before "
        "co-chairing the 25th EU-China summit with Premier Li Qiang later in the day.",
        date(2025, 7, 24),
    )
    with_xi = the_meeting_with(findings, "xi-jinping")
    assert who(with_xi) == {"antonio-costa", "ursula-von-der-leyen", "xi-jinping"}
    summit = the_meeting_with(findings, "li-qiang")
    assert {"antonio-costa", "ursula-von-der-leyen", "european-union"} <= who(summit)
    assert day(with_xi) == day(summit) == "2025-07-24"
    assert summit.place is not None and summit.place.key == "beijing"


def test_an_aside_since_another_time_ends_at_its_comma(read_dated):
    # h10 (Kyiv, 2025-05-16): "… for the first time since the spring of 2022, in talks … opened by Turkish
    # Foreign Minister Hakan Fidan"; h06 (AP): "The trip is Blinken's fourth to the region since the Oct. 7
    # Hamas attack" (the aside's date is another event's).
    findings = read_dated(
        "Russian and Ukrainian delegations met face to face in Istanbul on May 16 for the first time since "
        "the spring of 2022, in talks at the Dolmabahçe Palace that lasted less than two hours and were "
        "opened by Turkish Foreign Minister Hakan Fidan.",
        date(2025, 5, 16),
    )
    (talks,) = findings.meetings
    assert "hakan-fidan" in who(talks) and day(talks) == "2025-05-16"
    assert talks.place is not None and talks.place.key == "istanbul"


def test_a_building_without_its_city_is_in_the_city_of_the_dateline(read_dated):
    # h01 (Reuters, 2023-08-24): "the three-day summit, which opened on Tuesday at the Sandton Convention
    # Centre" under "JOHANNESBURG, Aug 24"; h15 (Gulf daily, 2020-03-01): "received at the Amiri Diwan" under
    # "DOHA:"; h12: "at the ASEAN Secretariat" under "Jakarta /". The summit keeps its city apart from talks
    # in Pretoria.
    findings = read_dated(
        "JOHANNESBURG, Aug 24 (Reuters) - The BRICS group of emerging economies on Thursday invited Saudi "
        "Arabia to become a member, South African President Cyril Ramaphosa said.\n\nRamaphosa spoke "
        "alongside Chinese President Xi Jinping, Brazilian President Luiz Inacio Lula da Silva and Indian "
        "Prime Minister Narendra Modi at the end of the three-day summit, which opened on Tuesday at the "
        "Sandton Convention Centre.\n\nXi, who held talks with Ramaphosa in Pretoria on Tuesday at the "
        "start of a state visit, hailed the decision.",
        date(2023, 8, 24),
    )
    summit = the_meeting_with(findings, "narendra-modi")
    assert summit.place is not None and summit.place.key == "johannesburg" and day(summit) == "2023-08-22"
    assert summit.status is Status.HELD and summit.rule == "meeting:past"  # "opened" tells it as held
    pretoria = next(m for m in findings.meetings if m is not summit)
    assert who(pretoria) == {"xi-jinping", "cyril-ramaphosa"} and pretoria.place.key == "pretoria"


def test_a_city_named_as_a_city_or_with_its_state_is_the_place(read_dated):
    # h06 (AP, 2024-01-10): "in the Saudi desert oasis of AlUla", "was to fly later Wednesday to Manama,
    # Bahrain, for talks"; h01: "in the Russian city of Kazan"; h16: "the southern city of Arba Minch"; h13:
    # "since Lee Myung Bak traveled to Kyoto in December 2011 for a meeting with … Noda" (a place the
    # gazetteer does not know, where someone goes for the meeting; the "since" clause is an earlier meeting of
    # its own).
    findings = read_dated(
        "U.S. Secretary of State Antony Blinken met Palestinian President Mahmoud Abbas on "
        "Wednesday.\n\nOn Monday, in the Saudi desert oasis of AlUla, he met Crown Prince Mohammed bin "
        "Salman.\n\nBlinken was to fly later Wednesday to Manama, Bahrain, for talks with King Hamad bin "
        "Isa Al Khalifa.",
        date(2024, 1, 10),
    )
    alula = the_meeting_with(findings, "mohammed-bin-salman")
    assert alula.place is not None and (alula.place.key, alula.place.country) == ("alula", "saudi-arabia")
    manama = the_meeting_with(findings, "hamad-bin-isa-al-khalifa")
    assert manama.status is Status.PLANNED and day(manama) == "2024-01-10"  # "was to fly": a plan
    assert manama.place is not None and manama.place.key == "manama"
    kyoto = read_dated(
        "TOKYO, March 16 (Kyodo) -- Japanese Prime Minister Fumio Kishida and South Korean President Yoon "
        "Suk Yeol agreed Thursday to resume regular reciprocal visits by their leaders, as they held talks "
        "in Tokyo aimed at repairing ties strained for years over wartime history.\n\nIt was the first "
        "visit to Japan by a South Korean president for bilateral talks since Lee Myung Bak traveled to "
        "Kyoto in December 2011 for a meeting with then Prime Minister Yoshihiko Noda, which ended "
        'in a row over the issue of "comfort women."',
        date(2023, 3, 16),
    )
    earlier = the_meeting_with(kyoto, "lee-myung-bak")
    assert who(earlier) == {"lee-myung-bak", "yoshihiko-noda"} and day(earlier) == "2011-12"
    assert earlier.place is not None and earlier.place.key == "kyoto"


def test_where_after_a_city_and_a_capital_in_apposition_are_the_place(read_dated):
    # h07 (2025-07-24): "flew in from Tokyo, where on Wednesday they held a summit"; h08: "in Lahore, where
    # Nawaz Sharif was waiting to receive him"; h16 (2022-11-02): "in the South African capital, Pretoria, …
    # peace talks that began on 25 October" (and "in November 2020" is a month, never a place cut to
    # "Novembe").
    tokyo = read_dated(
        "The EU leaders flew in from Tokyo, where on Wednesday they held a summit with Japanese Prime "
        "Minister Shigeru Ishiba and agreed to deepen cooperation on economic security.",
        date(2025, 7, 24),
    )
    (summit,) = tokyo.meetings
    assert summit.place is not None and summit.place.key == "tokyo" and day(summit) == "2025-07-23"
    pretoria = read_dated(
        "The deal was announced in the South African capital, Pretoria, on Wednesday at the end of African "
        "Union-led peace talks that began on 25 October. They were the first formal negotiations between "
        "the two sides since the conflict started in November 2020.",
        date(2022, 11, 2),
    )
    places = {m.place.key for m in pretoria.meetings if m.place}
    assert places <= {"pretoria"} and "novembe" not in places


def test_each_clause_has_its_own_tense_and_quoted_time_words_are_the_speakers(read_dated):
    # h08 (2015-12-27): "Modi and Sharif's meeting in Ufa in July produced a joint statement …, and the talks
    # … scheduled for New Delhi in August, were called off" (the future of the second clause is not the
    # first's); h15 (2020-03-01): "'… today's good feelings will not last …,' Pompeo said" (a quote's "today"
    # is the day it was said, unknown) and "At the same time, in Kabul, … met President Ashraf Ghani" (the day
    # told before).
    ufa = read_dated(
        "Narendra Modi is the first Indian prime minister in a decade to visit Nawaz Sharif's Pakistan.\n\n"
        "Modi and Sharif's meeting in Ufa in July produced a joint statement that unravelled within weeks, "
        "and the talks between the national security advisers, scheduled for New Delhi in August, were "
        "called off.",
        date(2015, 12, 27),
    )
    assert {day(m) for m in ufa.meetings if m.place and m.place.key == "ufa"} == {"2015-07"}
    kabul = read_dated(
        "The United States and the Taliban signed an agreement in Doha yesterday in the presence of US "
        "Secretary of State Mike Pompeo.\n\n"
        '"This agreement will mean nothing, and today\'s good feelings will not last," Pompeo said.\n\n'
        "At the same time, in Kabul, US Defence Secretary Mark Esper and NATO Secretary-General Jens "
        "Stoltenberg met President Ashraf Ghani.",
        date(2020, 3, 1),
    )
    ghani = the_meeting_with(kabul, "ashraf-ghani")
    assert day(ghani) == "2020-02-29" and ghani.place is not None and ghani.place.key == "kabul"


def test_a_sentence_going_on_with_he_goes_on_at_the_same_time_and_a_building_is_in_the_city_named_after_it(
    read_dated,
):
    # h04 (2024-09-23): "On Saturday Joe Biden brought the Quad home. He hosted … at Archmere Academy, his old
    # Catholic high school in Claymont, Delaware, …" (narrative continuity; "the Kumsusan State Guest House in
    # Pyongyang", h05, is the same shape with a city the gazetteer knows).
    findings = read_dated(
        "On Saturday Joe Biden brought the Quad home. He hosted Indian Prime Minister Narendra Modi, "
        "Australian Prime Minister Anthony Albanese and Japanese Prime Minister Fumio Kishida at Archmere "
        "Academy, his old Catholic high school in Claymont, Delaware, for what was almost certainly the "
        "last Quad leaders' summit of his presidency.",
        date(2024, 9, 23),
    )
    (summit,) = findings.meetings
    assert day(summit) == "2024-09-21" and summit.place is not None and summit.place.key == "claymont"


def test_a_date_before_a_verb_of_saying_is_the_statements(read_dated):
    # f13 (Vietnamese daily, Monday 2023-09-11): "At a news conference later on Sunday, Biden said the visit
    # was not aimed at containing China" (the visit it points back at is not dated by the news conference);
    # b11 (briefing, Monday 2024-06-03): "Speaking in Singapore on Sunday, Zelenskyy said that China was
    # helping Russia to disrupt the summit" (a participle of saying opening the sentence, capitalised).
    findings = read_dated(
        "Trong welcomed Biden at the headquarters of the Communist Party of Vietnam Central Committee in "
        "Hanoi on Sunday afternoon, a few hours after the U.S. president landed at Noi Bai International "
        "Airport from New Delhi, where he had attended the G20 summit.\n\nAt a news conference later on "
        'Sunday, Biden said the visit was not aimed at containing China: "I don\'t want to contain China."',
        date(2023, 9, 11),
    )
    g20 = the_meeting_with(findings, "g20")
    assert g20.place is not None and g20.place.key == "new-delhi" and g20.date is None
    text = (
        "Speaking in Singapore on Sunday, Zelenskyy said that China was helping Russia to disrupt the "
        "summit by pressing other countries not to attend."
    )
    sunday = Span(text.index("Sunday"), text.index("Sunday") + len("Sunday"))
    assert is_saying_date(text, sunday)
    assert all(m.date is None for m in read_dated(text, date(2024, 6, 3)).meetings)


def test_in_after_the_topic_of_a_summit_is_not_its_place(read_dated):
    # b11 (briefing, 2024-06-03): "Switzerland will host a summit on peace in Ukraine at the Bürgenstock
    # resort" (f01 "a Group of 20 summit that is expected to be dominated by Russia's war in Ukraine", h03 "a
    # durable peace in the South Caucasus": 'in' after the war or the peace says where that is).
    findings = read_dated(
        "Reuters: Switzerland will host a summit on peace in Ukraine at the Bürgenstock resort on June 15 "
        "and 16, which President Zelenskyy is expected to attend.",
        date(2024, 6, 3),
    )
    (summit,) = findings.meetings
    assert day(summit) == "2024-06-15" and summit.place is not None and summit.place.key != "ukraine"


def test_a_building_named_alone_is_not_a_town(read_dated):
    # b02 (Colombian daily, 2022-11-02): the headline "Petro and Maduro meet for the first time in
    # Miraflores" and the body's "in the Miraflores Palace" (headlines name a palace by its name alone, 'at
    # the Élysée'): the meeting of the day before is in the city of the dateline.
    findings = read_dated(
        "Petro and Maduro meet for the first time in Miraflores and agree to push for Venezuela's return to "
        "the Andean Community\n\nCaracas, November 2 of 2022 – Special envoy\nTranslated from Spanish\n\n"
        "In an encounter that lasted close to three hours in the Miraflores Palace, the presidents Gustavo "
        "Petro and Nicolás Maduro sealed this Tuesday the normalization of the relations between Colombia "
        "and Venezuela, broken since February of 2019.",
        date(2022, 11, 2),
    )
    (encounter,) = findings.meetings
    assert who(encounter) == {"gustavo-petro", "nicolas-maduro"} and day(encounter) == "2022-11-01"
    assert encounter.place is not None and encounter.place.key == "caracas"


def test_a_city_whose_name_begins_with_a_leaders_name_is_not_the_leader(read_dated):
    # f08 (Akorda press release, 2023-05-19): "the first China – Central Asia Summit held in the city of
    # Xi'an" — 'Xi' before an apostrophe and letters other than a possessive 's is not Xi Jinping.
    findings = read_dated(
        "The Head of State Kassym-Jomart Tokayev took part in the first China – Central Asia Summit held in "
        "the city of Xi'an, People's Republic of China. Xi's welcome was warm.",
        date(2023, 5, 19),
    )
    (summit,) = findings.meetings
    assert "xi-jinping" not in who(summit)
    assert summit.place is not None and summit.place.label == "Xi'an"


def _rules_article(name: str, published: date) -> Article:
    """One of our own short test articles (tests/articles/rules), read as the pipeline reads it."""
    (article,) = read_path(OWN_ARTICLES / "rules" / f"{name}.txt", {})
    assert isinstance(article, Article)
    return replace(article, published=published)


def test_this_weekday_to_come_and_a_plan_given_up_before_it_took_place(gazetteer):
    # tests/articles/rules/dates_wire.txt (Wednesday 13 March 2024): "Lavrov will hold talks with his Turkish
    # counterpart Hakan Fidan in Ankara this Thursday" is the coming Thursday; "a visit by Fidan to Moscow,
    # originally scheduled for February 20, which took place on February 27" was held, on the 27th.
    findings = extract(_rules_article("dates_wire", date(2024, 3, 13)), gazetteer)
    ankara = next(m for m in findings.meetings if m.place is not None and m.place.key == "ankara")
    assert ankara.status == Status.PLANNED and day(ankara) == "2024-03-14"
    moscow = next(m for m in findings.meetings if m.place is not None and m.place.key == "moscow")
    assert moscow.status == Status.HELD and day(moscow) == "2024-02-27"


def test_a_year_qualified_by_a_part_of_it_and_a_year_followed_by_another_occasion(gazetteer):
    # tests/articles/rules/dates_wire.txt: "Lavrov and Fidan met in Sochi in 2021 and again in Antalya in
    # 2022" — 2021 is the Sochi meeting's year (only "in 2021 and 2022" is a span); "held talks with Lavrov in
    # Antalya in early 2022" — a part of a year still dates it by the year.
    findings = extract(_rules_article("dates_wire", date(2024, 3, 13)), gazetteer)
    sochi = next(m for m in findings.meetings if m.place is not None and m.place.key == "sochi")
    assert who(sochi) == {"sergey-lavrov", "hakan-fidan"} and day(sochi) == "2021"
    antalya = the_meeting_with(findings, "mevlut-cavusoglu")
    assert day(antalya) == "2022" and antalya.place is not None and antalya.place.key == "antalya"


def test_a_weekday_in_a_year_told_before_and_that_day_read_in_the_tense_of_its_day(gazetteer):
    # tests/articles/rules/dates_feature.txt (a look back, published 13 March 2024): "In June 2019, …
    # Putin travelled to Osaka for the G20 summit. On Saturday he met … Shinzo Abe on the sidelines" is a
    # Saturday of June 2019, never 9 March 2019 (the week of publication moved into 2019); "Biden hosted …
    # Yoon Suk Yeol at the White House on April 26. Earlier that day, Yoon met … Antony Blinken" is the
    # same 26 April as the visit: 2023, the April 26 already past.
    findings = extract(_rules_article("dates_feature", date(2024, 3, 13)), gazetteer)
    assert day(the_meeting_with(findings, "shinzo-abe")) in (None, "2019-06")
    assert day(the_meeting_with(findings, "joe-biden")) == "2023-04-26"
    assert day(the_meeting_with(findings, "antony-blinken")) == "2023-04-26"


def test_a_seat_of_government_is_in_its_city(read_dated):
    # b15 (French daily, 2023-09-21): "After a walk down the Champs-Élysées, the two heads of state held talks
    # at the Élysée Palace." — the Élysée is in Paris, as the White House is in Washington and the Great
    # Hall of the People in Beijing (and "the Kremlin said" is the government speaking, no place).
    findings = read_dated(
        "King Charles III and Queen Camilla were welcomed by Emmanuel and Brigitte Macron at the Arc de "
        "Triomphe on Wednesday afternoon, at the start of a three-day state visit to France, the King's "
        "first to the country since his accession. After a walk down the Champs-Élysées, the two heads of "
        "state held talks at the Élysée Palace.",
        date(2023, 9, 21),
    )
    talks = the_meeting_with(findings, "emmanuel-macron")
    assert talks.place is not None and talks.place.key == "paris"


def test_again_elsewhere_and_a_relative_clause_about_two_people_are_meetings_of_their_own(gazetteer):
    # tests/articles/rules/dates_wire.txt: "Lavrov and Fidan met in Sochi in 2021 and again in Antalya in
    # 2022" tells two meetings, the second with its verb left out; "Erdogan and Putin, who met in Astana in
    # July, will meet again in Sochi next month" — both are the antecedent of "who", and the subject of
    # "will meet again".
    findings = extract(_rules_article("dates_wire", date(2024, 3, 13)), gazetteer)
    told = {(m.place.key if m.place else None, day(m), frozenset(who(m))) for m in findings.meetings}
    assert ("antalya", "2022", frozenset({"sergey-lavrov", "hakan-fidan"})) in told
    assert ("sochi", "2021", frozenset({"sergey-lavrov", "hakan-fidan"})) in told
    assert ("astana", "2023-07", frozenset({"recep-tayyip-erdogan", "vladimir-putin"})) in told
    assert ("sochi", "2024-04", frozenset({"recep-tayyip-erdogan", "vladimir-putin"})) in told


def test_the_following_day_after_a_month_told_since_the_last_day_is_unknown(gazetteer):
    # tests/articles/rules/dates_feature.txt: "… seizure of power on Feb. 1, 2021. Weeks later, in February,
    # … Retno Marsudi met … Don Pramudwinai in Bangkok. A planned trip by Retno to Naypyidaw the following
    # day was called off …" — the day after a day of February, which one the text does not say (never 2
    # February, the day after the coup).
    findings = extract(_rules_article("dates_feature", date(2024, 3, 13)), gazetteer)
    trip = [m for m in findings.meetings if m.place is not None and m.place.key == "naypyidaw"]
    assert [(m.status, day(m)) for m in trip] == [(Status.CANCELLED, None)]
    assert the_meeting_with(findings, "don-pramudwinai").place is not None


def test_a_weekday_of_a_meeting_told_without_tense_is_the_last_one(read_dated):
    # t04_colombian_daily_eln_havana_ceasefire (published Saturday 2023-06-10): no verb tells the tense of
    # the handshake at the closing of the round, so it was held, on the Friday before ("expected to see"
    # is the reader's, not the meeting's).
    findings = read_dated(
        "There was applause, there was a Cuban band and there was, above all, an image few in Colombia "
        "expected to see: President Gustavo Petro shaking hands on Friday in Havana with Antonio García, the "
        "top commander of the National Liberation Army (ELN), at the closing of the third round of peace "
        "talks.",
        date(2023, 6, 10),
    )
    assert day(the_meeting_with(findings, "gustavo-petro", "eln")) == "2023-06-09"


def test_talks_that_opened_days_before_their_signing_are_dated_by_their_first_day(read_dated):
    # t02_sudan_site_jeddah_declaration (published Friday 2023-05-12): signed on Thursday after a week of
    # talks that "opened on Saturday", when Faisal bin Farhan received the delegations.
    findings = read_dated(
        "KHARTOUM/JEDDAH — Delegations of the Sudanese Armed Forces (SAF) and the Rapid Support Forces (RSF) "
        'signed a "Declaration of Commitment to Protect the Civilians of Sudan" in the Saudi city of Jeddah '
        "late on Thursday, after almost a week of talks brokered by Saudi Arabia and the United States.\n\n"
        "The talks opened on Saturday, when Saudi Foreign Minister Prince Faisal bin Farhan received the two "
        "delegations.",
        date(2023, 5, 12),
    )
    (talks,) = findings.meetings
    assert day(talks) == "2023-05-06" and "faisal-bin-farhan" in who(talks)


def test_days_joined_by_and_are_a_range_dated_by_its_first(read_dated):
    # t08_egypt_mfa_gerd_kinshasa (published 2021-04-06): "convened in Kinshasa on 4 and 5 April 2021".
    findings = read_dated(
        "The meeting of the Ministers of Foreign Affairs and of Water Resources of Egypt, Sudan and Ethiopia "
        "on the Grand Ethiopian Renaissance Dam (GERD), which was convened in Kinshasa on 4 and 5 April 2021 "
        "at the invitation of H.E. President Félix Tshisekedi, concluded yesterday without reaching an "
        "agreement.",
        date(2021, 4, 6),
    )
    assert day(the_meeting_with(findings, "egypt", "ethiopia")) == "2021-04-04"


def test_next_week_gives_the_month_it_falls_in_never_a_day(read_dated):
    # t15_australian_daily_g20_delhi (published Thursday 2023-03-02): next week is 6–12 March; from
    # Thursday 2023-12-28 it would be January 2024.
    findings = read_dated(
        "Prime Minister Anthony Albanese will visit India next week, his first trip to the country as prime "
        "minister, and is expected to hold talks with Modi in Delhi after attending the opening of the "
        "fourth Test in Ahmedabad.",
        date(2023, 3, 2),
    )
    assert day(the_meeting_with(findings, "anthony-albanese")) == "2023-03"
    findings = read_dated("Prime Minister Anthony Albanese will visit India next week.", date(2023, 12, 28))
    assert day(the_meeting_with(findings, "anthony-albanese")) == "2024-01"
