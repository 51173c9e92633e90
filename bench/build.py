"""Build and extraction figures for the seed articles.

    .venv/bin/python bench/build.py [--rounds N]

Prints the wall time of a cold `diplograph build` into a fresh store, of a warm second build (nothing
changed), and the extraction throughput (articles per second of process CPU time, so per core; the best of
a few rounds) over the seeds and over the development mix, with that figure normalised to 3 KB articles.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from diplograph.articles import Article
from diplograph.articles.reading import read_directory
from diplograph.extract import extract
from diplograph.link.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]


def timed_build(store: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "diplograph", "build", "--store", str(store)], check=True, capture_output=True
    )
    return time.perf_counter() - started


# The development articles (the held-out sets, eval/final and eval/fresh5, are never read).
MIX = (
    "data/articles",
    "eval/articles",
    "eval/heldout/articles",
    "eval/blind/articles",
    "eval/fresh/articles",
    "eval/fresh2/articles",
    "eval/fresh3/articles",
    "eval/fresh4/articles",
)


def read_articles(folders: tuple[str, ...]) -> list[Article]:
    return [a for folder in folders for a in read_directory(ROOT / folder) if isinstance(a, Article)]


def extraction_throughput(
    articles: list[Article], gazetteer: Gazetteer, passes: int, rounds: int
) -> tuple[float, float]:
    """Articles per second of process CPU time (one core, whatever else the machine runs), the best of
    ``rounds`` rounds of ``passes`` passes over the articles, and their mean cleaned size in bytes."""
    for article in articles:
        extract(article, gazetteer)  # compile the gazetteer's patterns outside the timing
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for _ in range(passes):
            for article in articles:
                extract(article, gazetteer)
        best = min(best, time.process_time() - started)
    mean_size = statistics.mean(len(a.text.encode("utf-8")) for a in articles)
    return passes * len(articles) / best, mean_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds; the best one counts")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "store"
        cold = timed_build(store)
        warm = timed_build(store)
    gazetteer = Gazetteer.load(ROOT / "data")
    seeds = read_articles(("data/articles",))
    mix = read_articles(MIX)
    seed_rate, seed_size = extraction_throughput(seeds, gazetteer, 10, options.rounds)
    mix_rate, mix_size = extraction_throughput(mix, gazetteer, 1, options.rounds)
    print(f"cold build of the seeds: {cold:.2f} s")
    print(f"warm build (unchanged):  {warm:.2f} s")
    print(
        f"extraction, seeds: {seed_rate:.0f} articles/s on one core "
        f"(mean cleaned size {seed_size / 1000:.1f} KB)"
    )
    print(
        f"extraction, development mix of {len(mix)}: {mix_rate:.0f} articles/s on one core "
        f"(mean cleaned size {mix_size / 1000:.2f} KB; {mix_rate * mix_size / 3000:.0f} articles/s at 3 KB)"
    )


if __name__ == "__main__":
    main()
