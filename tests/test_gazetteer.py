"""Integrity checks for the offline gazetteer (data/gazetteer.csv) and the posts its people held
(data/offices.csv): the extractor trusts both files without checking them again."""

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
GAZETTEER_COLUMNS = ["id", "kind", "label", "aliases", "wikidata", "country", "demonyms", "capital"]
OFFICE_COLUMNS = ["person", "role", "country", "start", "end"]
KINDS = {"person", "country", "city", "organization", "region"}
ROLES = {
    "head of state",
    "head of government",
    "foreign minister",
    "defence minister",
    "spokesperson",
    "national security adviser",
    "chief of staff",
    "envoy",
    "crown prince",
}
# Posts in intergovernmental bodies: the office's "country" is then the body (an organization row).
BODY_ROLES = {"secretary-general", "president", "high representative", "chairperson"}
# States without a capital row: city-states and the historical Soviet Union; Palestine's capital is disputed.
NO_CAPITAL_ROW = {"singapore", "vatican-city", "state-of-palestine", "soviet-union"}


def read_rows(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def gazetteer() -> list[dict[str, str]]:
    columns, rows = read_rows("gazetteer.csv")
    assert columns == GAZETTEER_COLUMNS
    return rows


@pytest.fixture(scope="module")
def by_id(gazetteer: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in gazetteer}


@pytest.fixture(scope="module")
def offices() -> list[dict[str, str]]:
    columns, rows = read_rows("offices.csv")
    assert columns == OFFICE_COLUMNS
    return rows


def aliases_of(row: dict[str, str]) -> list[str]:
    return [alias for alias in row["aliases"].split("|") if alias]


def test_ids_are_unique_lower_case_ascii_slugs(gazetteer):
    counts = Counter(row["id"] for row in gazetteer)
    assert [slug for slug, count in counts.items() if count > 1] == []
    for row in gazetteer:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", row["id"]), row["id"]


def test_every_row_has_a_known_kind_and_a_label(gazetteer):
    for row in gazetteer:
        assert row["kind"] in KINDS, row
        assert row["label"].strip() == row["label"] != "", row


def test_wikidata_ids_are_bare_q_ids_or_empty(gazetteer):
    for row in gazetteer:
        assert re.fullmatch(r"(Q[1-9][0-9]*)?", row["wikidata"]), row


def test_no_two_rows_share_a_wikidata_id(gazetteer):
    counts = Counter(row["wikidata"] for row in gazetteer if row["wikidata"])
    assert {qid: count for qid, count in counts.items() if count > 1} == {}


def test_every_country_value_refers_to_a_country_row(gazetteer, by_id):
    for row in gazetteer:
        if row["country"]:
            assert by_id.get(row["country"], {}).get("kind") == "country", row
    for row in gazetteer:
        if row["kind"] == "city":
            assert row["country"], f"{row['id']} has no country"


def test_only_countries_have_demonyms_and_no_alias_is_empty_or_repeats_the_label(gazetteer):
    for row in gazetteer:
        if row["kind"] != "country":
            assert row["demonyms"] == "", row
        if row["aliases"]:
            assert "" not in row["aliases"].split("|"), row
        assert row["label"] not in aliases_of(row), row


def test_no_alias_is_claimed_by_two_countries(gazetteer):
    owners: dict[str, set[str]] = {}
    for row in gazetteer:
        if row["kind"] == "country":
            for name in [row["label"], *aliases_of(row)]:
                owners.setdefault(name.casefold(), set()).add(row["id"])
    assert {name: ids for name, ids in owners.items() if len(ids) > 1} == {}


def test_capitals_are_not_aliases_of_their_country(gazetteer, by_id):
    for row in gazetteer:
        if row["kind"] == "city" and row["country"]:
            country = by_id[row["country"]]
            assert row["label"] not in aliases_of(country), row


def test_every_office_names_a_person_a_country_a_known_role_and_ordered_years(offices, by_id):
    assert offices
    for office in offices:
        assert by_id.get(office["person"], {}).get("kind") == "person", office
        where = by_id.get(office["country"], {}).get("kind")
        if office["role"] in BODY_ROLES:
            assert where == "organization", office
        else:
            assert office["role"] in ROLES, office
            assert where == "country", office
        assert re.fullmatch(r"(19|20)[0-9]{2}", office["start"]), office
        assert 1950 <= int(office["start"]) <= 2026, office
        if office["end"]:
            assert re.fullmatch(r"(19|20)[0-9]{2}", office["end"]), office
            assert int(office["start"]) <= int(office["end"]) <= 2026, office


def test_offices_are_not_listed_twice_and_terms_of_one_post_do_not_overlap(offices):
    rows = [tuple(office[column] for column in OFFICE_COLUMNS) for office in offices]
    assert [row for row, count in Counter(rows).items() if count > 1] == []
    terms: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    for office in offices:
        end = int(office["end"]) if office["end"] else 9999
        terms.setdefault((office["person"], office["role"], office["country"]), []).append(
            (int(office["start"]), end)
        )
    for key, spans in terms.items():
        spans.sort()
        for (_, first_end), (second_start, _) in zip(spans, spans[1:], strict=False):
            assert first_end <= second_start, key


def test_every_person_serves_a_state_or_holds_a_post_in_a_body(gazetteer, offices, by_id):
    in_bodies = {office["person"] for office in offices if office["role"] in BODY_ROLES}
    for row in gazetteer:
        if row["kind"] == "person" and not row["country"]:
            assert row["id"] in in_bodies, f"{row['id']} has no country"


def test_people_of_one_state_never_share_an_alias_and_no_alias_names_two_people(gazetteer):
    owners: dict[str, set[str]] = {}
    for row in gazetteer:
        if row["kind"] == "person":
            for name in {row["label"], *aliases_of(row)}:
                owners.setdefault(name, set()).add(row["id"])
    assert {name: ids for name, ids in owners.items() if len(ids) > 1} == {}


def test_no_name_is_claimed_by_two_rows(gazetteer):
    owners: dict[str, set[str]] = {}
    for row in gazetteer:
        for name in {row["label"], *aliases_of(row)}:
            owners.setdefault(name, set()).add(row["id"])
    assert {name: ids for name, ids in owners.items() if len(ids) > 1} == {}


def test_lavrov_is_russias_foreign_minister_since_2004(by_id, offices):
    lavrov = by_id["sergey-lavrov"]
    assert lavrov["kind"] == "person"
    assert lavrov["country"] == "russia"
    assert {"Lavrov", "Sergei Lavrov"} <= set(aliases_of(lavrov))
    assert {
        "person": "sergey-lavrov",
        "role": "foreign minister",
        "country": "russia",
        "start": "2004",
        "end": "",
    } in offices


@pytest.mark.parametrize(
    ("slug", "qid"),
    [
        ("russia", "Q159"),
        ("iran", "Q794"),
        ("syria", "Q858"),
        ("turkey", "Q43"),
        ("united-states", "Q30"),
        ("moscow", "Q649"),
        ("vladimir-putin", "Q7747"),
        ("donald-trump", "Q22686"),
        ("benjamin-netanyahu", "Q43723"),
        ("recep-tayyip-erdogan", "Q39259"),
        ("united-nations", "Q1065"),
        ("arab-league", "Q7172"),
        ("islamic-state", "Q2429253"),
        ("sergey-lavrov", "Q58217"),
        ("walid-muallem", "Q1334803"),
        ("antony-blinken", "Q7821917"),
    ],
)
def test_seed_entities_link_to_their_wikidata_items(by_id, slug, qid):
    assert by_id[slug]["wikidata"] == qid


def test_every_recorded_wikidata_source_agrees_with_the_gazetteer(by_id):
    """data/wikidata-sources.csv says where each Q-id was checked; a row that disagrees with the
    gazetteer means one of the two was edited without the other."""
    _, sources = read_rows("wikidata-sources.csv")
    assert len(sources) > 400
    for row in sources:
        assert row["id"] in by_id, row
        assert by_id[row["id"]]["wikidata"] == row["wikidata"], row
        assert row["source"].strip(), row


@pytest.mark.parametrize(
    ("spellings", "slug"),
    [
        (["Amir-Abdollahian", "Amirabdollahian", "Hossein Amirabdollahian"], "hossein-amir-abdollahian"),
        (["Mekdad", "Mikdad", "Miqdad", "Faisal al-Mekdad"], "faisal-mekdad"),
        (["Muallem", "Moallem", "Walid al-Moallem"], "walid-muallem"),
        (["Çavuşoğlu", "Cavusoglu"], "mevlut-cavusoglu"),
        (["Tayyip Erdogan", "Erdogan"], "recep-tayyip-erdogan"),
        (["Mohammad Baqeri"], "mohammad-bagheri"),
        (["Lavrentyev"], "alexander-lavrentiev"),
        (["Bibi", "Netanyahu"], "benjamin-netanyahu"),
        (["US", "U.S.", "USA", "United States of America", "America"], "united-states"),
        (["UK", "Britain", "Great Britain"], "united-kingdom"),
        (["UN", "U.N."], "united-nations"),
        (["ISIS", "IS", "ISIL", "Daesh"], "islamic-state"),
        (["al-Nusra"], "al-nusra-front"),
        (["Nur-Sultan"], "astana"),
        (["Delhi"], "new-delhi"),  # in news of diplomacy the capital, not the territory around it
        # armed groups and movements that sit at negotiating tables
        (["Afghan Taliban"], "taliban"),
        (["ELN", "Ejército de Liberación Nacional"], "eln"),
        (["Ansar Allah", "Houthi movement"], "houthis"),
        (["RSF"], "rapid-support-forces"),
        (["M23"], "m23"),
        (["PLO"], "palestine-liberation-organization"),
        (["Plataforma Unitaria"], "unitary-platform"),
        (["Golan"], "golan-heights"),
    ],
)
def test_spellings_used_in_news_are_aliases_of_one_row(gazetteer, by_id, spellings, slug):
    for spelling in spellings:
        owners = [row["id"] for row in gazetteer if spelling in aliases_of(row)]
        assert owners == [slug], (spelling, owners)


def test_capitals_name_their_country_and_are_not_country_aliases(by_id):
    assert by_id["moscow"]["country"] == "russia"
    assert by_id["damascus"]["country"] == "syria"
    assert by_id["washington-dc"]["country"] == "united-states"
    assert "Washington" in aliases_of(by_id["washington-dc"])
    assert "Moscow" not in aliases_of(by_id["russia"])


def test_demonyms_of_seed_states(by_id):
    assert {"Russian", "Russians"} <= set(by_id["russia"]["demonyms"].split("|"))
    assert {"Turkish", "Turks"} <= set(by_id["turkey"]["demonyms"].split("|"))
    assert "Kazakh" in by_id["kazakhstan"]["demonyms"].split("|")


def test_georgia_and_the_congos_are_kept_apart(by_id):
    assert aliases_of(by_id["georgia"]) == []
    assert "DRC" in aliases_of(by_id["democratic-republic-of-the-congo"])
    assert "Congo-Brazzaville" in aliases_of(by_id["republic-of-the-congo"])


def test_all_un_members_and_observers_are_present(gazetteer):
    countries = [row for row in gazetteer if row["kind"] == "country"]
    # 193 UN members, Palestine, the Holy See, Kosovo, Taiwan and the former Soviet Union.
    assert len(countries) == 198


def test_every_state_has_exactly_one_capital(gazetteer, by_id):
    capitals: dict[str, list[str]] = {}
    for row in gazetteer:
        assert row["capital"] in {"", "yes"}, row
        if row["capital"] == "yes":
            assert row["kind"] == "city", row
            capitals.setdefault(row["country"], []).append(row["id"])
    assert {state: ids for state, ids in capitals.items() if len(ids) > 1} == {}
    states = {row["id"] for row in gazetteer if row["kind"] == "country"}
    assert states - set(capitals) == NO_CAPITAL_ROW


@pytest.mark.parametrize(
    ("city", "state"),
    [
        ("moscow", "russia"),
        ("washington-dc", "united-states"),
        ("beijing", "china"),
        ("tehran", "iran"),
        ("damascus", "syria"),
        ("ankara", "turkey"),
        ("new-delhi", "india"),
        ("islamabad", "pakistan"),
        ("riyadh", "saudi-arabia"),
        ("abu-dhabi", "united-arab-emirates"),
        ("astana", "kazakhstan"),
        ("brasilia", "brazil"),
        ("kyiv", "ukraine"),
    ],
)
def test_capitals_used_for_governments(by_id, city, state):
    assert by_id[city]["capital"] == "yes"
    assert by_id[city]["country"] == state


def test_other_cities_are_not_capitals(by_id):
    for city in ["geneva", "istanbul", "sochi", "aleppo", "new-york-city", "chicago"]:
        assert by_id[city]["capital"] == "", city


def office(person: str, role: str, country: str, start: str, end: str = "") -> dict[str, str]:
    return {"person": person, "role": role, "country": country, "start": start, "end": end}


@pytest.mark.parametrize(
    "held",
    [
        office("sergey-lavrov", "foreign minister", "russia", "2004"),
        office("mohammad-javad-zarif", "foreign minister", "iran", "2013", "2021"),
        office("hossein-amir-abdollahian", "foreign minister", "iran", "2021", "2024"),
        office("antony-blinken", "foreign minister", "united-states", "2021", "2025"),
        office("wang-yi", "foreign minister", "china", "2013", "2022"),
        office("wang-yi", "foreign minister", "china", "2023"),
        office("qin-gang", "foreign minister", "china", "2022", "2023"),
        office("xi-jinping", "head of state", "china", "2013"),
        office("narendra-modi", "head of government", "india", "2014"),
        office("subrahmanyam-jaishankar", "foreign minister", "india", "2019"),
        office("sushma-swaraj", "foreign minister", "india", "2014", "2019"),
        office("ajit-doval", "national security adviser", "india", "2014"),
        office("imran-khan", "head of government", "pakistan", "2018", "2022"),
        office("bilawal-bhutto-zardari", "foreign minister", "pakistan", "2022", "2023"),
        office("mohammed-bin-salman", "crown prince", "saudi-arabia", "2017"),
        office("mohammed-bin-salman", "defence minister", "saudi-arabia", "2015", "2022"),
        office("hulusi-akar", "defence minister", "turkey", "2018", "2023"),
        office("jake-sullivan", "national security adviser", "united-states", "2021", "2025"),
        office("lloyd-austin", "defence minister", "united-states", "2021", "2025"),
        office("ali-shamkhani", "national security adviser", "iran", "2013", "2023"),
        office("luiz-inacio-lula-da-silva", "head of state", "brazil", "2023"),
        office("nicolas-maduro", "head of state", "venezuela", "2013", "2026"),
        office("jose-antonio-kast", "head of state", "chile", "2026"),
        office("antonio-guterres", "secretary-general", "united-nations", "2017"),
        office("ban-ki-moon", "secretary-general", "united-nations", "2007", "2016"),
        office("jens-stoltenberg", "secretary-general", "nato", "2014", "2024"),
        office("mark-rutte", "secretary-general", "nato", "2024"),
        office("federica-mogherini", "high representative", "european-union", "2014", "2019"),
        office("josep-borrell", "high representative", "european-union", "2019", "2024"),
        office("kaja-kallas", "high representative", "european-union", "2024"),
        office("ursula-von-der-leyen", "president", "european-commission", "2019"),
        office("moussa-faki-mahamat", "chairperson", "african-union-commission", "2017", "2025"),
        office("ahmed-aboul-gheit", "secretary-general", "arab-league", "2016"),
    ],
)
def test_pinned_offices(offices, held):
    assert held in offices


def test_no_one_is_both_in_and_out_of_a_post_they_still_hold(offices):
    open_posts = Counter((o["role"], o["country"]) for o in offices if not o["end"] and o["role"] in ROLES)
    # One holder at a time for posts with a single holder.
    for post in [
        ("foreign minister", "russia"),
        ("foreign minister", "china"),
        ("foreign minister", "iran"),
        ("head of state", "united-states"),
        ("head of government", "india"),
        ("head of state", "turkey"),
    ]:
        assert open_posts[post] == 1, post


@pytest.mark.parametrize(
    ("spellings", "slug"),
    [
        (["Amirabdollahian", "Amir-Abdollahian"], "hossein-amir-abdollahian"),
        (["Zarif", "Javad Zarif"], "mohammad-javad-zarif"),
        (["Erdoğan", "Erdogan"], "recep-tayyip-erdogan"),
        (["Sisi", "el-Sisi", "al-Sisi", "el-Sissi"], "abdel-fattah-el-sisi"),
        (["MBS", "Mohammad bin Salman"], "mohammed-bin-salman"),
        (["MBZ", "Mohammed bin Zayed"], "mohamed-bin-zayed"),
        (["Xi"], "xi-jinping"),
        (["Modi"], "narendra-modi"),
        (["Jaishankar", "S. Jaishankar"], "subrahmanyam-jaishankar"),
        (["Shehbaz", "Shahbaz Sharif"], "shehbaz-sharif"),
        (["Bilawal", "Bilawal Bhutto"], "bilawal-bhutto-zardari"),
        (["Lula", "Lula da Silva"], "luiz-inacio-lula-da-silva"),
        (["Blinken"], "antony-blinken"),
        (["Rubio"], "marco-rubio"),
        (["Guterres"], "antonio-guterres"),
        (["Kalin", "Kalın"], "ibrahim-kalin"),
        (["Baghaei", "Baqaei"], "esmaeil-baghaei"),
        (["AMLO", "López Obrador"], "andres-manuel-lopez-obrador"),
        (["Jokowi"], "joko-widodo"),
        (["Abu Mazen"], "mahmoud-abbas"),
        (["Kremlin"], "russia"),
        (["Downing Street"], "united-kingdom"),
        (["Élysée", "Elysee"], "france"),
        (["IMF"], "international-monetary-fund"),
        (["ICJ", "World Court"], "international-court-of-justice"),
        (["ECOWAS"], "ecowas"),
        (["OAS"], "organization-of-american-states"),
        (["CELAC"], "celac"),
        (["AU Commission"], "african-union-commission"),
        (["OPEC Plus"], "opec-plus"),
        (["the Quad"], "quad"),
        (["Pentagon"], "united-states-department-of-defense"),
    ],
)
def test_news_spellings_of_people_bodies_and_governments(gazetteer, spellings, slug):
    for spelling in spellings:
        owners = [row["id"] for row in gazetteer if spelling in [row["label"], *aliases_of(row)]]
        assert owners == [slug], (spelling, owners)


def test_ambiguous_names_decided(gazetteer, by_id):
    """Decisions on names that denote more than one thing (see also the Georgia/Congo test above).

    - "Georgia" is only the country; the US state is a region row with unambiguous longer names.
    - Bare "Congo" belongs to neither Congo: only "DRC", "Congo-Brazzaville" and the full names decide.
    - "Guinea", "Guinea-Bissau", "Equatorial Guinea", "Papua New Guinea" are four rows; "New Guinea" (the
      island) and "Gulf of Guinea" are regions, so the longest match keeps them off Guinea.
    - "Washington" is an alias of the capital city only (the capital rule reads it as the government);
      "Washington State" is a region.
    - "Jordan" is the country; "Jordan River"/"River Jordan"/"Jordan Valley" are regions.
    - "Niger" and "Nigeria" are separate rows with distinct demonyms (Nigerien / Nigerian); "Niger River"
      and "Niger Delta" are regions. "Chad" is the country; "Lake Chad" is a region, "Chad Wolf" a person.
    - Government metonyms: "Kremlin" → Russia, "Downing Street" → UK, "Élysée" → France,
      "Zhongnanhai" → China; "White House" stays its own organization; capitals are not country aliases.
    - "ICC" is no alias (International Criminal Court or International Cricket Council); "Quad" alone
      is no alias, only "the Quad" and the full name.
    """
    names = {name for row in gazetteer for name in [row["label"], *aliases_of(row)]}
    assert "Congo" not in names
    assert "ICC" not in names
    assert "Quad" not in names
    assert [row["id"] for row in gazetteer if "Georgia" in [row["label"], *aliases_of(row)]] == ["georgia"]
    assert [row["id"] for row in gazetteer if "Washington" in [row["label"], *aliases_of(row)]] == [
        "washington-dc"
    ]
    assert {"Guinea", "Guinea-Bissau", "Equatorial Guinea", "Papua New Guinea", "New Guinea"} <= names
    assert by_id["new-guinea"]["kind"] == by_id["gulf-of-guinea"]["kind"] == "region"
    assert by_id["jordan-river"]["kind"] == "region"
    assert "River Jordan" in aliases_of(by_id["jordan-river"])
    assert by_id["niger"]["demonyms"].split("|")[0] == "Nigerien"
    assert "Nigerian" in by_id["nigeria"]["demonyms"].split("|")
    assert "Nigerian" not in by_id["niger"]["demonyms"].split("|")
    assert by_id["lake-chad"]["kind"] == "region"
    assert by_id["white-house"]["kind"] == "organization"
    assert "White House" not in aliases_of(by_id["united-states"])
    assert "Beijing" not in aliases_of(by_id["china"])


def test_ambiguous_names_resolve_in_text():
    from diplograph.link.gazetteer import Gazetteer

    gazetteer = Gazetteer.load(DATA)

    def keys(text: str) -> list[str]:
        found = []
        for match in gazetteer.find(text):
            names = [name for name in gazetteer.lookup(match.group()) if not name.is_demonym]
            found.append(names[0].key if names else "demonym")
        return found

    assert keys("Georgia and Armenia met in Tbilisi.") == ["georgia", "armenia", "tbilisi"]
    assert keys("Kinshasa and Brazzaville: the DRC and Congo-Brazzaville.") == [
        "kinshasa",
        "brazzaville",
        "democratic-republic-of-the-congo",
        "republic-of-the-congo",
    ]
    assert keys("Guinea-Bissau, Equatorial Guinea, Papua New Guinea and Guinea") == [
        "guinea-bissau",
        "equatorial-guinea",
        "papua-new-guinea",
        "guinea",
    ]
    assert keys("the River Jordan and the Jordan Valley, not Jordan") == [
        "jordan-river",
        "jordan-valley",
        "jordan",
    ]
    assert keys("Niger and Nigeria, the Niger Delta, Lake Chad and Chad") == [
        "niger",
        "nigeria",
        "niger-delta",
        "lake-chad",
        "chad",
    ]
    assert keys("Washington said; Washington State did not.") == ["washington-dc", "washington-state"]
    assert gazetteer.capitals >= {"moscow", "washington-dc", "beijing", "tehran"}
    assert gazetteer.office_holder("foreign minister", "iran", 2019).key == "mohammad-javad-zarif"
    assert gazetteer.office_holder("foreign minister", "china", 2024).key == "wang-yi"
    assert gazetteer.office_holder("secretary-general", "united-nations", 2020).key == "antonio-guterres"
