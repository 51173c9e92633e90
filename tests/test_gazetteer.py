"""Integrity checks for the offline gazetteer (data/gazetteer.csv) and the posts its people held
(data/offices.csv): the extractor trusts both files without checking them again."""

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
GAZETTEER_COLUMNS = ["id", "kind", "label", "aliases", "wikidata", "country", "demonyms"]
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
}


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
        if row["kind"] in {"city", "person"}:
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
        assert by_id.get(office["country"], {}).get("kind") == "country", office
        assert office["role"] in ROLES, office
        assert re.fullmatch(r"(19|20)[0-9]{2}", office["start"]), office
        if office["end"]:
            assert re.fullmatch(r"(19|20)[0-9]{2}", office["end"]), office
            assert int(office["start"]) <= int(office["end"]), office


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
    ],
)
def test_seed_entities_link_to_their_wikidata_items(by_id, slug, qid):
    assert by_id[slug]["wikidata"] == qid


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
