"""Test-run-wide fixtures: the seeds built once into a real on-disk store, and the real server on it.

The store is built by the real `diplograph build` command into a temporary folder; the server is the real
`diplograph serve` in a subprocess on a free loopback port. Nothing of ours is mocked.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
import requests

from diplograph.articles import Article
from diplograph.articles.reading import read_directory
from diplograph.extract import extract
from diplograph.extract.model import Findings, MeetingFinding, PositionFinding
from diplograph.link.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
BASE = "http://127.0.0.1:5000/"


def run_cli(
    *arguments: str, env: dict[str, str] | None = None, check: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run the real console entry point (``python -m diplograph``) and capture its output."""
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "diplograph", *arguments],
        capture_output=True,
        text=True,
        env=environment,
        check=check,
        timeout=600,
    )


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load(ROOT / "data")


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, Article]:
    articles = {}
    for item in read_directory(ROOT / "data" / "articles"):
        assert isinstance(item, Article), item
        articles[item.id[:3]] = item
    return articles


@pytest.fixture(scope="session")
def seed_findings(seed_articles: dict[str, Article], gazetteer: Gazetteer) -> dict[str, Findings]:
    """Extraction of each seed, keyed by its number ('000' … '004')."""
    return {key: extract(article, gazetteer) for key, article in seed_articles.items()}


@pytest.fixture
def read(gazetteer: Gazetteer) -> Callable[[str], tuple[Findings, str]]:
    """Extraction of one text (published 4 May 2023), returned with the text: for the rule tests."""

    def run(text: str) -> tuple[Findings, str]:
        return extract(Article(id="test", text=text, published=date(2023, 5, 4)), gazetteer), text

    return run


@pytest.fixture
def read_dated(gazetteer: Gazetteer) -> Callable[[str, date | None], Findings]:
    """Extraction of one text published on the given date (or undated): for the meeting rule tests."""

    def run(text: str, published: date | None) -> Findings:
        return extract(Article(id="test", text=text, published=published), gazetteer)

    return run


def who(meeting: MeetingFinding) -> set[str]:
    """The keys of a meeting's participants."""
    return {p.entity.key for p in meeting.participants}


def states(meeting: MeetingFinding) -> set[str]:
    """The states taking part: each participant's state, or the participant itself."""
    return {p.represents or p.entity.key for p in meeting.participants}


def the_meeting_with(findings: Findings, *keys: str) -> MeetingFinding:
    """The one meeting whose participants or states include all ``keys`` (the test fails otherwise)."""
    found = [m for m in findings.meetings if set(keys) <= who(m) | states(m)]
    assert len(found) == 1, [sorted(who(m)) for m in findings.meetings]
    return found[0]


def held_in(findings: Findings, place: str) -> list[MeetingFinding]:
    """The meetings whose place is ``place``."""
    return [m for m in findings.meetings if m.place is not None and m.place.key == place]


OWN_ARTICLES = ROOT / "tests" / "articles"


def own_text(name: str) -> str:
    """Our own test article ``tests/articles/<name>.txt`` ('rules/dates_wire', 'wire_reuters_style')."""
    return (OWN_ARTICLES / f"{name}.txt").read_text(encoding="utf-8")


def own_paragraph(name: str, opening: str) -> str:
    """The one paragraph of our own test article ``name`` that begins with ``opening``."""
    (paragraph,) = [p for p in own_text(name).split("\n\n") if p.startswith(opening)]
    return paragraph


def day(meeting: MeetingFinding) -> str | None:
    """The meeting's date as ISO text, at its precision."""
    return meeting.date.isoformat() if meeting.date else None


def said(found: tuple[Findings, str]) -> list[tuple[str, str]]:
    """(holder, quote) of every position found."""
    findings, text = found
    return [(p.holder.key, p.quote.of(text)) for p in findings.positions]


def quoting(found: tuple[Findings, str], words: str) -> PositionFinding:
    """The first position whose quote contains ``words`` (the test fails when there is none)."""
    findings, text = found
    matches = [p for p in findings.positions if words in p.quote.of(text)]
    assert matches, f"no position quoting {words!r}: {said(found)}"
    return matches[0]


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seeds built by `diplograph build` into a fresh store; returns the store folder."""
    store = tmp_path_factory.mktemp("seed-store") / "store"
    result = run_cli("build", "--store", str(store), "--base", BASE)
    assert result.returncode == 0, result.stderr
    return store


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving_cli(store: Path, *options: str) -> Iterator[str]:
    """The real `diplograph serve` on ``store`` (with ``options``) in a subprocess on a free loopback port;
    yields its root URL. Its log goes to a file, so that a talkative server never blocks on a full pipe."""
    port = free_port()
    command = ["serve", "--store", str(store), "--port", str(port), "--base", BASE, *options]
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "diplograph", *command], stdout=subprocess.DEVNULL, stderr=log, text=True
        )
        root = f"http://127.0.0.1:{port}/"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    requests.get(root, timeout=2)
                    break
                except requests.ConnectionError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        raise RuntimeError(f"server did not start: {log.read()}") from None
                    time.sleep(0.2)
            yield root
        finally:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture(scope="session")
def seed_server(seed_store: Path) -> Iterator[str]:
    """`diplograph serve` on the seed store, on a free loopback port; yields its root URL."""
    with serving_cli(seed_store) as root:
        yield root


@pytest.fixture(scope="session")
def impatient_server(seed_store: Path) -> Iterator[str]:
    """`diplograph serve` on the seed store with a 2 s query timeout and two processes."""
    with serving_cli(seed_store, "--query-timeout", "2", "--workers", "2") as root:
        yield root
