"""Build and extraction figures for the seed articles.

    .venv/bin/python bench/build.py [--rounds N]

Prints the wall time of a cold `diplograph build` into a fresh store, of a warm second build (nothing
changed), and the extraction throughput (articles per second on one core) over the seeds.
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


def extraction_throughput(rounds: int) -> tuple[float, float]:
    gazetteer = Gazetteer.load(ROOT / "data")
    articles = [a for a in read_directory(ROOT / "data" / "articles") if isinstance(a, Article)]
    extract(articles[0], gazetteer)  # compile the gazetteer pattern outside the timing
    started = time.perf_counter()
    for _ in range(rounds):
        for article in articles:
            extract(article, gazetteer)
    elapsed = time.perf_counter() - started
    mean_size = statistics.mean(len(a.text.encode("utf-8")) for a in articles)
    return rounds * len(articles) / elapsed, mean_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "store"
        cold = timed_build(store)
        warm = timed_build(store)
    rate, size = extraction_throughput(options.rounds)
    print(f"cold build of the seeds: {cold:.2f} s")
    print(f"warm build (unchanged):  {warm:.2f} s")
    print(f"extraction: {rate:.0f} articles/s on one core (mean cleaned size {size / 1000:.1f} KB)")


if __name__ == "__main__":
    main()
