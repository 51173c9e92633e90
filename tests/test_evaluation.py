"""The evaluation harness: the scorer on tiny hand-made cases, the gold's own consistency, and score floors
of the real extractor on the seeds (through the contract queries, by the real `diplograph eval` command)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from tests.conftest import BASE, ROOT, run_cli

from diplograph.evaluate import Scores, predictions_from_rows, quote_overlap, score

GOLD = ROOT / "eval" / "gold" / "seeds.json"
UNSEEN_GOLD = ROOT / "eval" / "gold" / "unseen.json"
UNSEEN_ARTICLES = ROOT / "eval" / "articles"
# A little (≈0.05) below what the extractor scored (meetings 0.880 when the harness was written, 0.917
# after the meeting rules of test_meeting_rules.py): raise them as extraction improves, never lower them.
FLOOR_MEETING = 0.87
FLOOR_POSITION = 0.97  # measured 1.000 with quotes.py, attribution.py, speakers.py and stance.py
# The same on the unseen-style set (eval/articles, written apart from the extractor; meetings 0.554,
# positions 0.543 when it was written; meetings 0.933 after the meeting rules). Raise them as extraction
# improves.
FLOOR_UNSEEN_MEETING = 0.91  # 0.942 after the held-out rules of test_meeting_dates_places/parties_status.py
FLOOR_UNSEEN_POSITION = 0.97  # measured 1.000 (P 1.000, R 1.000) with the same rules
# The held-out set (eval/heldout: 16 articles nobody tuned on when it was written; meetings 0.701, then 0.738
# after the first rule round, 0.855 after the general date, place, party and status rules pinned in
# test_meeting_dates_places.py and test_meeting_parties_status.py; positions 0.829 when it was written).
HELDOUT_GOLD = ROOT / "eval" / "gold" / "heldout.json"
HELDOUT_ARTICLES = ROOT / "eval" / "heldout" / "articles"
FLOOR_HELDOUT_MEETING = 0.82
FLOOR_HELDOUT_POSITION = 0.80
# Stance accuracy on the matched positions, about 0.03 below what the ordered steps of stance.py measure
# (seeds 1.000, unseen 0.895; 0.955 and 0.868 with the bag of cue words before them).
FLOOR_STANCE = 0.97
FLOOR_UNSEEN_STANCE = 0.865
# The held-out set (eval/heldout: 16 articles of other outlets, regions and years, written apart from the
# extractor; positions F1 0.829 and stance accuracy 0.500 when the first rules met it). It has since been a
# development set for the stance procedure and the speaker rules of test_speaker_rules.py, which measure
# positions 0.953 (P 0.978, R 0.929) and stance 0.923 there; 0.980 and 0.927 after the general mechanisms of
# the third round (page layout, unknown speakers and bodies, titles, plain evaluative words). The floors
# are about 0.03 below.
FLOOR_HELDOUT_POSITION = 0.95
FLOOR_HELDOUT_STANCE = 0.93
# The blind set (eval/blind: 16 articles written without reading the extractor; positions 0.688, stance
# 0.648 when the rules first met it). The third round developed general mechanisms on all four sets pooled,
# so the blind set no longer measures generalization either: positions 0.947 (P 0.964, R 0.930), stance
# 0.800. A fifth set (eval/final) is kept sealed for that. The floors are about 0.03 below.
BLIND_GOLD = ROOT / "eval" / "gold" / "blind.json"
BLIND_ARTICLES = ROOT / "eval" / "blind" / "articles"
# 0.662 before round 3, 0.726 after it, 0.765 (P 0.950, R 0.640) after round 4, 0.892 (P 0.961, R 0.831) after
# the recall rules of round 5 (tests/test_meeting_recall_rules.py)
FLOOR_BLIND_MEETING = 0.88
FLOOR_BLIND_POSITION = 0.93  # 0.965 after round 6 (stop 11), stance 0.829
FLOOR_BLIND_STANCE = 0.80
# The fresh set (eval/fresh: 14 articles written without reading the extractor, first scored on commit
# afbfb83: meetings 0.684, positions 0.835, stance 0.531). Round 5 and the related-links box were then
# developed on it, so it is a development set too: meetings 0.841 (P 0.981, R 0.736), positions 0.949,
# stance 0.699; after round 6 (stop 11) meetings 0.877 (P 0.983, R 0.792), positions 0.965, stance 0.854.
# The floors are about 0.03 below.
FRESH_GOLD = ROOT / "eval" / "gold" / "fresh.json"
FRESH_ARTICLES = ROOT / "eval" / "fresh" / "articles"
FLOOR_FRESH_MEETING = 0.85
FLOOR_FRESH_POSITION = 0.93
FLOOR_FRESH_STANCE = 0.82
# eval/fresh2 (12 articles, written without reading the extractor): held out for stop 11 (scored twice, last
# meetings 0.784, positions 0.867, stance 0.513), a development set from stop 12, when eval/fresh3 took its
# place: meetings 0.778 (P 0.907, R 0.681), positions 0.889, stance 0.525. The floors are about 0.03 below.
FRESH2_GOLD = ROOT / "eval" / "gold" / "fresh2.json"
FRESH2_ARTICLES = ROOT / "eval" / "fresh2" / "articles"
FLOOR_FRESH2_MEETING = 0.77
FLOOR_FRESH2_POSITION = 0.86
FLOOR_FRESH2_STANCE = 0.49
# eval/fresh3 (15 articles, written without reading the extractor): held out for stop 12 (scored three times,
# last meetings 0.676, positions 0.829, stance 0.667), a development set from stop 13, when eval/fresh4 took
# its place: meetings 0.713, positions 0.857, stance 0.656. The floors are about 0.03 below.
FRESH3_GOLD = ROOT / "eval" / "gold" / "fresh3.json"
FRESH3_ARTICLES = ROOT / "eval" / "fresh3" / "articles"
FLOOR_FRESH3_MEETING = 0.73
FLOOR_FRESH3_POSITION = 0.83
FLOOR_FRESH3_STANCE = 0.62
# eval/fresh4 (15 articles, written without reading the extractor): held out for stop 13 (first score
# meetings 0.717, positions 0.851, stance 0.456), a development set from stop 15, when eval/fresh5 took its
# place; after the ninth rule round (its errors read): meetings 0.829, positions 0.848, stance 0.456. The
# floors are about 0.03 below.
FRESH4_GOLD = ROOT / "eval" / "gold" / "fresh4.json"
FRESH4_ARTICLES = ROOT / "eval" / "fresh4" / "articles"
FLOOR_FRESH4_MEETING = 0.80
FLOOR_FRESH4_POSITION = 0.82
FLOOR_FRESH4_STANCE = 0.42
# eval/fresh5 (15 articles written without reading the extractor) is held out like eval/final: no floor, only
# its gold is checked against its texts and the gazetteer.
FRESH5_GOLD = ROOT / "eval" / "gold" / "fresh5.json"
FRESH5_ARTICLES = ROOT / "eval" / "fresh5" / "articles"
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

TALKS = {
    "status": "held",
    "date": "2023-05-10",
    "place": "moscow",
    "participants": ["sergey-lavrov", "faisal-mekdad"],
    "states": ["russia", "syria"],
}
VISIT = {
    "status": "planned",
    "date": None,
    "place": "tehran",
    "participants": ["mohammad-bagheri", "abdul-karim-mahmoud-ibrahim"],
    "states": ["iran", "syria"],
}
QUOTE = {"holder": "faisal-mekdad", "stance": "support", "quote": "there is an opportunity for Damascus"}


def article(meetings: list[dict], positions: list[dict] | None = None) -> dict:
    return {"a1": {"meetings": meetings, "positions": positions or []}}


def f1(scores: Scores, name: str) -> float:
    return scores.as_dict()["scores"][name]["f1"]


def test_a_perfect_prediction_scores_one_everywhere() -> None:
    gold = article([TALKS, VISIT], [QUOTE])
    scores = score(gold, json.loads(json.dumps(gold)))
    assert all(row["f1"] == 1.0 for row in scores.as_dict()["scores"].values()), scores.table()
    assert scores.stance_accuracy == 1.0
    assert scores.errors == []


def test_a_missing_meeting_lowers_recall_only() -> None:
    scores = score(article([TALKS, VISIT]), article([TALKS]))
    meetings = scores.counts["meetings"]
    assert (meetings.precision, meetings.recall) == (1.0, 0.5)
    assert scores.counts["  participants"].recall == 0.5
    assert any("missed meeting" in error for error in scores.errors)


def test_an_extra_meeting_lowers_precision_only() -> None:
    scores = score(article([TALKS]), article([TALKS, VISIT]))
    meetings = scores.counts["meetings"]
    assert (meetings.precision, meetings.recall) == (0.5, 1.0)
    assert scores.counts["  place"].precision == 0.5
    assert any("spurious meeting" in error for error in scores.errors)


def test_a_wrong_date_counts_against_the_date_argument_only() -> None:
    scores = score(article([TALKS]), article([{**TALKS, "date": "2023-05-11"}]))
    assert f1(scores, "meetings") == 1.0
    assert f1(scores, "participants") == f1(scores, "place") == f1(scores, "status") == 1.0
    assert f1(scores, "date") == 0.0


def test_an_unknown_date_is_no_argument_rather_than_a_wrong_one() -> None:
    scores = score(article([TALKS]), article([{**TALKS, "date": None}]))
    date = scores.counts["  date"]
    assert (date.correct, date.predicted, date.gold) == (0, 0, 1)
    assert f1(scores, "meetings") == f1(scores, "place") == 1.0


def test_meetings_align_one_to_one_on_their_participants() -> None:
    bilateral = {**TALKS, "participants": ["sergey-lavrov"], "states": ["russia", "syria"]}
    trilateral = {**TALKS, "participants": ["sergey-lavrov", "iran"], "states": ["russia", "syria", "iran"]}
    scores = score(article([trilateral, bilateral]), article([bilateral, trilateral]))
    assert f1(scores, "meetings") == f1(scores, "participants") == 1.0
    unrelated = {**VISIT, "states": ["china", "india"], "participants": ["china", "india"]}
    assert f1(score(article([TALKS]), article([unrelated])), "meetings") == 0.0


def test_positions_match_on_holder_and_quote_overlap_with_stance_reported_apart() -> None:
    wider = {**QUOTE, "quote": "he said “there is an opportunity for Damascus” and Ankara", "stance": "other"}
    scores = score(article([], [QUOTE]), article([], [wider]))
    assert f1(scores, "positions") == 1.0
    assert f1(scores, "positions+stance") == 0.0 and scores.stance_accuracy == 0.0
    other_holder = {**QUOTE, "holder": "sergey-lavrov"}
    assert f1(score(article([], [QUOTE]), article([], [other_holder])), "positions") == 0.0
    assert quote_overlap("positive and a step forward", "“positive and a step forward”") == 1.0
    assert quote_overlap("the", "the talks were positive and a step forward") is None


def test_predictions_are_built_from_the_contract_query_rows() -> None:
    meeting = f"{BASE}id/meeting/2023-05-10-moscow"
    rows = [
        {
            "meeting": meeting,
            "date": "2023-05-10",
            "status": "held",
            "place": f"{BASE}id/city/moscow",
            "participant": f"{BASE}id/person/{person}",
            "country": f"{BASE}id/country/{state}",
            "article": f"{BASE}id/article/a1",
        }
        for person, state in (("sergey-lavrov", "russia"), ("faisal-mekdad", "syria"))
    ]
    position = {
        "position": f"{BASE}id/position/p1",
        "holder": f"{BASE}id/person/faisal-mekdad",
        "stance": "support",
        "quote": QUOTE["quote"],
        "article": f"{BASE}id/article/a1",
    }
    predicted = predictions_from_rows(rows, [position, position], BASE)
    assert predicted == article([TALKS], [QUOTE])


def test_the_gold_is_consistent_with_the_articles_and_the_gazetteer() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    with (ROOT / "data" / "gazetteer.csv").open(encoding="utf-8") as handle:
        known = {row["id"] for row in csv.DictReader(handle)}
    articles = [key for key in gold if not key.startswith("_")]
    assert sorted(articles) == sorted(path.stem for path in (ROOT / "data" / "articles").glob("*.txt"))
    for key in articles:
        text = (ROOT / "data" / "articles" / f"{key}.txt").read_text(encoding="utf-8")
        for meeting in gold[key]["meetings"]:
            assert meeting["evidence"] in text, meeting
            assert meeting["status"] in {"proposed", "planned", "held", "postponed", "cancelled"}
            assert meeting["date"] is None or re.fullmatch(r"\d{4}(-\d\d){0,2}", meeting["date"])
            ids = [*meeting["participants"], *meeting["states"], *filter(None, [meeting["place"]])]
            assert set(ids) <= known, set(ids) - known
        for position in gold[key]["positions"]:
            assert position["quote"] in text, position
            assert position["stance"] in {"support", "oppose", "neutral", "other"}
            assert position["holder"] in known


def test_the_extractor_stays_above_its_floors_on_the_seeds(seed_store: Path) -> None:
    result = run_cli("eval", "--store", str(seed_store), "--base", BASE, "--gold", str(GOLD), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    meetings, positions = report["scores"]["meetings"]["f1"], report["scores"]["positions"]["f1"]
    table = run_cli("eval", "--store", str(seed_store), "--base", BASE, "--errors").stdout
    print(table)
    assert meetings >= FLOOR_MEETING and positions >= FLOOR_POSITION, f"scores on the seeds:\n{table}"
    assert report["stance_accuracy"] >= FLOOR_STANCE, f"scores on the seeds:\n{table}"


def test_the_eval_command_documents_itself() -> None:
    result = run_cli("eval", "--help")
    assert result.returncode == 0 and "--gold" in result.stdout and "--json" in result.stdout


@pytest.mark.parametrize(
    "gold_path, folder",
    [(UNSEEN_GOLD, UNSEEN_ARTICLES), (HELDOUT_GOLD, HELDOUT_ARTICLES), (FRESH5_GOLD, FRESH5_ARTICLES)],
)
def test_the_unseen_and_held_out_gold_is_verbatim_with_gazetteer_ids_or_slugs(
    gold_path: Path, folder: Path
) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with (ROOT / "data" / "gazetteer.csv").open(encoding="utf-8") as handle:
        known = {row["id"] for row in csv.DictReader(handle)}
    with (folder.parent / f"{folder.name}.csv").open(encoding="utf-8") as handle:
        published = {row["id"]: row["published"] for row in csv.DictReader(handle)}
    articles = [key for key in gold if not key.startswith("_")]
    assert sorted(articles) == sorted(path.stem for path in folder.glob("*.txt"))
    assert set(articles) <= set(published) and all(
        re.fullmatch(r"\d{4}-\d\d-\d\d", published[a]) for a in articles
    )

    def valid(identifier: str) -> bool:
        return identifier in known or SLUG.fullmatch(identifier) is not None

    for key in articles:
        text = (folder / f"{key}.txt").read_text(encoding="utf-8")
        assert 1500 <= len(text.encode("utf-8")) <= 4096, key
        for meeting in gold[key]["meetings"]:
            assert meeting["evidence"] in text, (key, meeting["evidence"])
            assert meeting["status"] in {"proposed", "planned", "held", "postponed", "cancelled"}
            assert meeting["date"] is None or re.fullmatch(r"\d{4}(-\d\d){0,2}", meeting["date"])
            ids = [*meeting["participants"], *meeting["states"], *filter(None, [meeting["place"]])]
            assert all(map(valid, ids)), (key, [i for i in ids if not valid(i)])
            assert set(meeting["states"]) <= known, (key, meeting["states"])
        for position in gold[key]["positions"]:
            assert position["quote"] in text, (key, position["quote"])
            assert position["stance"] in {"support", "oppose", "neutral", "other"}
            holders = [position["holder"], *position.get("holder_also", [])]
            assert all(map(valid, holders)), (key, holders)


def evaluate_folder(articles: Path, gold: Path) -> tuple[dict, str]:
    """The real `diplograph eval --articles` on a folder: its JSON report and a readable message."""
    result = run_cli("eval", "--articles", str(articles), "--gold", str(gold), "--base", BASE, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    table = "\n".join(
        f"{name:18} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}"
        for name, row in report["scores"].items()
    )
    message = f"scores on {articles.parent.name}/{articles.name}:\n{table}\n"
    message += f"stance accuracy {report['stance_accuracy']:.3f}\n\n" + "\n".join(report["errors"])
    print(message)
    return report, message


def test_the_extractor_stays_above_its_floors_on_the_unseen_articles() -> None:
    report, message = evaluate_folder(UNSEEN_ARTICLES, UNSEEN_GOLD)
    rows = report["scores"]
    meetings, positions = rows["meetings"]["f1"], rows["positions"]["f1"]
    assert meetings >= FLOOR_UNSEEN_MEETING and positions >= FLOOR_UNSEEN_POSITION, message
    assert report["stance_accuracy"] >= FLOOR_UNSEEN_STANCE, message


def test_the_extractor_stays_above_its_floors_on_the_heldout_articles() -> None:
    report, message = evaluate_folder(HELDOUT_ARTICLES, HELDOUT_GOLD)
    assert report["scores"]["positions"]["f1"] >= FLOOR_HELDOUT_POSITION, message
    assert report["stance_accuracy"] >= FLOOR_HELDOUT_STANCE, message


@pytest.mark.parametrize(
    ("articles", "gold", "meeting", "position", "stance"),
    [
        pytest.param(
            BLIND_ARTICLES,
            BLIND_GOLD,
            FLOOR_BLIND_MEETING,
            FLOOR_BLIND_POSITION,
            FLOOR_BLIND_STANCE,
            id="blind",
        ),
        pytest.param(
            FRESH_ARTICLES,
            FRESH_GOLD,
            FLOOR_FRESH_MEETING,
            FLOOR_FRESH_POSITION,
            FLOOR_FRESH_STANCE,
            id="fresh",
        ),
        pytest.param(
            FRESH2_ARTICLES,
            FRESH2_GOLD,
            FLOOR_FRESH2_MEETING,
            FLOOR_FRESH2_POSITION,
            FLOOR_FRESH2_STANCE,
            id="fresh2",
        ),
        pytest.param(
            FRESH3_ARTICLES,
            FRESH3_GOLD,
            FLOOR_FRESH3_MEETING,
            FLOOR_FRESH3_POSITION,
            FLOOR_FRESH3_STANCE,
            id="fresh3",
        ),
        pytest.param(
            FRESH4_ARTICLES,
            FRESH4_GOLD,
            FLOOR_FRESH4_MEETING,
            FLOOR_FRESH4_POSITION,
            FLOOR_FRESH4_STANCE,
            id="fresh4",
        ),
    ],
)
def test_the_extractor_stays_above_its_floors_on_a_development_set(
    articles: Path, gold: Path, meeting: float, position: float, stance: float
) -> None:
    report, message = evaluate_folder(articles, gold)
    assert report["scores"]["meetings"]["f1"] >= meeting, message
    assert report["scores"]["positions"]["f1"] >= position, message
    assert report["stance_accuracy"] >= stance, message


def test_the_extractor_stays_above_its_floors_on_the_held_out_articles() -> None:
    result = run_cli(
        "eval", "--articles", str(HELDOUT_ARTICLES), "--gold", str(HELDOUT_GOLD), "--base", BASE, "--json"
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    rows = report["scores"]
    table = "\n".join(
        f"{name:18} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}"
        for name, row in rows.items()
    )
    message = f"scores on the held-out articles:\n{table}\n\n" + "\n".join(report["errors"])
    print(message)
    meetings, positions = rows["meetings"]["f1"], rows["positions"]["f1"]
    assert meetings >= FLOOR_HELDOUT_MEETING and positions >= FLOOR_HELDOUT_POSITION, message
