"""Test-run-wide fixtures: the seeds built once into a real on-disk store, and the real server on it.

The store is built by the real `diplograph build` command into a temporary folder; the server is the real
`diplograph serve` in a subprocess on a free loopback port. Nothing of ours is mocked.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from diplograph.articles import Article
from diplograph.articles.reading import read_directory
from diplograph.extract import extract
from diplograph.extract.model import Findings
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


@pytest.fixture(scope="session")
def seed_server(seed_store: Path) -> Iterator[str]:
    """`diplograph serve` on the seed store, on a free loopback port; yields its root URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "diplograph",
            "serve",
            "--store",
            str(seed_store),
            "--port",
            str(port),
            "--base",
            BASE,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
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
                    raise RuntimeError(f"server did not start: {process.communicate()[1]}") from None
                time.sleep(0.2)
        yield root
    finally:
        process.terminate()
        process.communicate(timeout=20)
