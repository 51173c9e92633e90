"""Docs kept honest: every setting, command and example query is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.cli import main
from diplograph.config import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented(setting):
    assert f"`{setting.name}`" in README
    assert f"`{setting.env}`" in README


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_is_documented(command):
    assert f"diplograph {command}" in README


@pytest.mark.parametrize("query", sorted(p.name for p in (ROOT / "queries").glob("*.rq")))
def test_every_example_query_is_documented_and_has_headers(query):
    assert f"`{query}`" in README
    lines = (ROOT / "queries" / query).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# title: ") and lines[1].startswith("# description: ")


def test_readme_shows_the_two_commands():
    assert "make run" in README and "make test" in README
