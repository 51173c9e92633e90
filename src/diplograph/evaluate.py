"""Scoring extraction against hand-written gold: event level and, as in ACE, argument level.

Gold and predictions share one shape: ``{article_id: {"meetings": [...], "positions": [...]}}`` where a
meeting is ``{"status", "date", "place", "participants", "states"}`` and a position is
``{"holder", "stance", "quote"}`` (see eval/GUIDELINES.md). Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

ARGUMENTS = ("participants", "states", "date", "place", "status")
TOKEN = re.compile(r"\w+")


@dataclass
class Count:
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else float(self.predicted == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {name: round(getattr(self, name), 4) for name in ("precision", "recall", "f1")} | vars(self)


@dataclass
class Scores:
    counts: dict[str, Count] = field(default_factory=dict)
    stance_correct: int = 0
    errors: list[str] = field(default_factory=list)

    def count(self, name: str) -> Count:
        return self.counts.setdefault(name, Count())

    @property
    def stance_accuracy(self) -> float:
        matched = self.count("positions").correct
        return self.stance_correct / matched if matched else 0.0

    def as_dict(self) -> dict[str, Any]:
        rows = {name.strip(): count.as_dict() for name, count in self.counts.items()}
        return {"scores": rows, "stance_accuracy": round(self.stance_accuracy, 4), "errors": self.errors}

    def table(self) -> str:
        lines = [f"{'':24}{'P':>7}{'R':>7}{'F1':>7}{'correct':>9}{'pred':>6}{'gold':>6}"]
        for name, c in self.counts.items():
            lines.append(
                f"{name:24}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.correct:9d}{c.predicted:6d}{c.gold:6d}"
            )
        lines.append(f"{'stance accuracy':24}{self.stance_accuracy:7.3f}  (on matched positions)")
        return "\n".join(lines)


def score(gold: dict[str, Any], predicted: dict[str, Any]) -> Scores:
    """Compare predictions with the gold, article by article (articles missing on one side count as empty)."""
    scores = Scores()
    for name in ("meetings", *(f"  {argument}" for argument in ARGUMENTS), "positions", "positions+stance"):
        scores.count(name)
    gold_articles = {_key(k): (k, v) for k, v in gold.items() if not k.startswith("_")}
    predicted_articles = {_key(k): (k, v) for k, v in predicted.items() if not k.startswith("_")}
    for key in sorted(set(gold_articles) | set(predicted_articles)):
        (article, g), (_, p) = gold_articles.get(key, (key, {})), predicted_articles.get(key, (key, {}))
        _score_meetings(article, g.get("meetings", []), p.get("meetings", []), scores)
        _score_positions(article, g.get("positions", []), p.get("positions", []), scores)
    return scores


def _score_meetings(article: str, gold: list[dict], predicted: list[dict], scores: Scores) -> None:
    pairs = align_meetings(gold, predicted)
    events = scores.count("meetings")
    events.correct += len(pairs)
    events.predicted += len(predicted)
    events.gold += len(gold)
    for argument in ARGUMENTS:
        count = scores.count(f"  {argument}")
        count.gold += sum(len(_values(m, argument)) for m in gold)
        count.predicted += sum(len(_values(m, argument)) for m in predicted)
        for i, j in pairs:
            count.correct += len(_values(gold[i], argument) & _values(predicted[j], argument))
    for i in sorted(set(range(len(gold))) - {i for i, _ in pairs}):
        scores.errors.append(f"{article} missed meeting: {_describe(gold[i])}")
    for j in sorted(set(range(len(predicted))) - {j for _, j in pairs}):
        scores.errors.append(f"{article} spurious meeting: {_describe(predicted[j])}")
    for (i, j), argument in ((pair, argument) for pair in pairs for argument in ARGUMENTS):
        wanted, got = _values(gold[i], argument), _values(predicted[j], argument)
        if wanted != got:
            scores.errors.append(f"{article} meeting {_describe(gold[i], True)}: {argument} {wanted} → {got}")


def align_meetings(gold: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """One-to-one alignment, greedy on the Jaccard of participants ∪ states, ties on date and place."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            shared = len(set(g.get("participants", [])) & set(p.get("participants", [])))
            states = _jaccard(set(g.get("states", [])), set(p.get("states", [])))
            if states < 0.5 and shared < 2:
                continue
            overlap = _jaccard(_agents(g), _agents(p))
            agree = (g.get("date") == p.get("date")) + (g.get("place") == p.get("place"))
            candidates.append((-overlap, -agree, i, j))
    return _greedy(candidates)


def _greedy(candidates: list[tuple]) -> list[tuple[int, int]]:
    """Best-first one-to-one pairs from (sort keys…, gold index, predicted index) tuples."""
    pairs: list[tuple[int, int]] = []
    for *_, i, j in sorted(candidates):
        if all(i != a and j != b for a, b in pairs):
            pairs.append((i, j))
    return sorted(pairs)


def _score_positions(article: str, gold: list[dict], predicted: list[dict], scores: Scores) -> None:
    candidates = []
    for i, g in enumerate(gold):
        holders = {g.get("holder"), *g.get("holder_also", [])}
        for j, p in enumerate(predicted):
            if p.get("holder") not in holders:
                continue
            overlap = quote_overlap(g.get("quote", ""), p.get("quote", ""))
            if overlap is not None:
                candidates.append((-overlap, i, j))
    pairs = _greedy(candidates)
    for name in ("positions", "positions+stance"):
        scores.count(name).predicted += len(predicted)
        scores.count(name).gold += len(gold)
    scores.count("positions").correct += len(pairs)
    for i, j in pairs:
        if gold[i].get("stance") == predicted[j].get("stance"):
            scores.stance_correct += 1
            scores.count("positions+stance").correct += 1
        else:
            scores.errors.append(
                f"{article} stance of {gold[i]['holder']} {_clip(gold[i]['quote'])!r}: "
                f"gold {gold[i].get('stance')} got {predicted[j].get('stance')}"
            )
    for i in sorted(set(range(len(gold))) - {i for i, _ in pairs}):
        scores.errors.append(f"{article} missed position: {gold[i]['holder']} {_clip(gold[i]['quote'])!r}")
    for j in sorted(set(range(len(predicted))) - {j for _, j in pairs}):
        p = predicted[j]
        scores.errors.append(f"{article} spurious position: {p.get('holder')} {_clip(p.get('quote', ''))!r}")


def quote_overlap(first: str, second: str) -> float | None:
    """Token Jaccard when ≥ 0.5 or when one quote contains the other (≥ 2 words); else None."""
    a, b = _tokens(first), _tokens(second)
    jaccard = _jaccard(set(a), set(b))
    if jaccard >= 0.5:
        return jaccard
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 2 and f" {' '.join(shorter)} " in f" {' '.join(longer)} ":
        return max(jaccard, 0.5)
    return None


def predictions_from_rows(
    meeting_rows: Iterable[dict[str, Any]], position_rows: Iterable[dict[str, Any]], base: str
) -> dict[str, Any]:
    """Turn the rows of queries/meetings.rq and queries/positions.rq into the gold's shape."""
    articles: dict[str, Any] = {}
    meetings: dict[tuple[str, str], dict[str, Any]] = {}
    for row in meeting_rows:
        article = _local(row.get("article"), base) or ""
        key = (article, str(row.get("meeting")))
        meeting = meetings.get(key)
        if meeting is None:
            meeting = meetings[key] = {
                "status": _text(row.get("status")),
                "date": _text(row.get("date")),
                "place": _local(row.get("place"), base),
                "participants": [],
                "states": [],
            }
            articles.setdefault(article, {"meetings": [], "positions": []})["meetings"].append(meeting)
        for column, target in (("participant", "participants"), ("country", "states")):
            value = _local(row.get(column), base)
            if value and value not in meeting[target]:
                meeting[target].append(value)
    seen: set[str] = set()
    for row in position_rows:
        if str(row.get("position")) not in seen:
            seen.add(str(row.get("position")))
            position = {"holder": _local(row.get("holder"), base), "stance": _text(row.get("stance"))}
            position["quote"] = _text(row.get("quote")) or ""
            articles.setdefault(_local(row.get("article"), base) or "", {"meetings": [], "positions": []})[
                "positions"
            ].append(position)
    return articles


def _values(meeting: dict, argument: str) -> set[str]:
    value = meeting.get(argument)
    return set(value) if isinstance(value, list) else set() if value in (None, "") else {str(value)}


def _agents(meeting: dict) -> set[str]:
    return set(meeting.get("participants", [])) | set(meeting.get("states", []))


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower().replace("’", "'"))


def _key(article: str) -> str:
    return article.lower().replace("_", "-")


def _local(value: Any, base: str) -> str | None:
    """The slug of one of our IRIs ({base}id/{kind}/{slug}), or the last segment of any other IRI."""
    text = str(value).removeprefix(base).rstrip("/")
    return None if value in (None, "") else text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _text(value: Any) -> str | None:
    return None if value in (None, "") else value.isoformat() if hasattr(value, "isoformat") else str(value)


def _describe(meeting: dict, short: bool = False) -> str:
    who = f"[{'+'.join(sorted(_agents(meeting)))}]"
    return who if short else f"{who} {meeting.get('status')} {meeting.get('date')} @{meeting.get('place')}"


def _clip(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
