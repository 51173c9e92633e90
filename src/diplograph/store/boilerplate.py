"""What the cleaner dropped from each article (ads, share boxes, comments): beside the store, never in it.

The graph must hold nothing of the page furniture, yet a reader checking our work wants to see what was
set aside. So the dropped lines go to a small JSON file per article version, named by the article's digest
(``dg:sourceDigest``): a digest never changes its content, so the files need no versioning of their own,
and a reader of any store version finds the file of the article it reads.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

FOLDER = "boilerplate"
DIGEST = re.compile(r"[0-9a-f]{16,128}")


class BoilerplateShelf:
    """The dropped lines of each article version, under ``STORE/boilerplate/DIGEST.json``."""

    def __init__(self, store_folder: Path) -> None:
        self.folder = Path(store_folder) / FOLDER

    def put(self, digest: str, lines: tuple[str, ...]) -> None:
        """Keep ``lines`` for the article version ``digest`` (written once, atomically)."""
        target = self._path(digest)
        if target is None or target.exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, scratch = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as output:
            json.dump(list(lines), output, ensure_ascii=False)
        os.replace(scratch, target)

    def get(self, digest: str) -> tuple[str, ...] | None:
        """The dropped lines of ``digest``, or None when nothing was recorded for it."""
        path = self._path(digest)
        if path is None or not path.is_file():
            return None
        lines = json.loads(path.read_text(encoding="utf-8"))
        return tuple(line for line in lines if isinstance(line, str))

    def _path(self, digest: str) -> Path | None:
        """Only a hex digest names a file: nothing read from the graph can point outside the folder."""
        return self.folder / f"{digest}.json" if DIGEST.fullmatch(digest) else None
