"""The shelf of dropped boilerplate beside the store: one file per article version, safe to name."""

from __future__ import annotations

from pathlib import Path

from diplograph.store.boilerplate import BoilerplateShelf

DIGEST = "ab" * 32


def test_dropped_lines_come_back_for_their_digest(tmp_path: Path) -> None:
    shelf = BoilerplateShelf(tmp_path)
    shelf.put(DIGEST, ("Advertisement", "Comments (3)"))
    assert BoilerplateShelf(tmp_path).get(DIGEST) == ("Advertisement", "Comments (3)")
    assert shelf.get("cd" * 32) is None


def test_a_digest_keeps_what_was_first_written(tmp_path: Path) -> None:
    shelf = BoilerplateShelf(tmp_path)
    shelf.put(DIGEST, ("first",))
    shelf.put(DIGEST, ("second",))
    assert shelf.get(DIGEST) == ("first",)


def test_only_a_hex_digest_names_a_file(tmp_path: Path) -> None:
    (tmp_path / "secret.json").write_text('["do not show"]', encoding="utf-8")
    shelf = BoilerplateShelf(tmp_path / "store")
    for name in ("../secret", "../../secret", "ABCDEF0123456789", ""):
        shelf.put(name, ("x",))
        assert shelf.get(name) is None
    assert not (tmp_path / "store" / "boilerplate").exists()
