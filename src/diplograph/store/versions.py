"""Numbered versions of a store folder, so that no process ever reads a RocksDB that another one writes.

A RocksDB store has one writer, and a read-only reader in another process while it writes is undefined
behaviour. So a writer never writes where readers read: it makes the next version as a checkpoint of the
published one (hard links, cheap), writes into it, closes it and only then flips the pointer. Layout::

    DIR/CURRENT_VERSION       the published version number, replaced atomically with os.replace
    DIR/WRITER.lock           flock'ed by the one writer (build, ingest, load); a second writer fails at once
    DIR/versions/000042/      a complete Oxigraph store
    DIR/versions/000042.lock  flock'ed (shared) by every process reading version 42

A plain store folder from before versions (RocksDB files right in DIR) is version 0, read in place and
never written again: the first write checkpoints it into ``versions/000001``.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from diplograph.errors import StoreBusy

log = logging.getLogger(__name__)

POINTER = "CURRENT_VERSION"
WRITER_LOCK = "WRITER.lock"
VERSIONS = "versions"
LEGACY_MARKER = "CURRENT"  # RocksDB's own file: its presence in DIR means a store from before versions
KEEP = 2  # the published version and the one before it, for readers that have not switched yet
OPEN_ATTEMPTS = 5


@dataclass
class Snapshot:
    """One published version opened read-only, with the shared lock that keeps a writer from removing it.

    The lock is released when the snapshot is garbage-collected (its file is closed).
    """

    version: int
    engine: ox.Store
    lock: IO[bytes] | None

    def __del__(self) -> None:
        if self.lock is not None:
            self.lock.close()


class VersionedFolder:
    """The versions of one store folder: what is published, where each version lives, and the locks."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._pointer = str(self.root / POINTER)

    # -- what is published -----------------------------------------------------------------------------

    def published(self) -> int | None:
        """The version readers should open; 0 for a store from before versions; None for no store."""
        try:
            return int((self.root / POINTER).read_text(encoding="ascii").strip())
        except FileNotFoundError:
            return 0 if (self.root / LEGACY_MARKER).is_file() else None
        except ValueError as error:
            raise StoreBusy(f"{self.root}: unreadable {POINTER} ({error})") from error

    def stamp(self) -> tuple[int, int] | None:
        """Changes whenever a version is published (a new file replaces the pointer): cheap to poll."""
        try:
            status = os.stat(self._pointer)
        except FileNotFoundError:
            return None
        return (status.st_ino, status.st_mtime_ns)

    def published_at(self) -> float | None:
        """Unix time the published version was published (the pointer's, or the old store's, mtime)."""
        for name in (POINTER, LEGACY_MARKER):
            with contextlib.suppress(FileNotFoundError):
                return (self.root / name).stat().st_mtime
        return None

    def location(self, version: int) -> Path:
        return self.root if version == 0 else self.root / VERSIONS / f"{version:06d}"

    def _lock_path(self, version: int) -> Path:
        return self.root / VERSIONS / f"{version:06d}.lock"

    def existing(self) -> list[int]:
        """Every numbered version folder on disk, published or not."""
        folder = self.root / VERSIONS
        if not folder.is_dir():
            return []
        return sorted(int(path.name) for path in folder.iterdir() if path.is_dir() and path.name.isdigit())

    # -- reading ---------------------------------------------------------------------------------------

    def require_published(self) -> int:
        """The published version, or ``StoreBusy`` saying that there is no store here yet."""
        version = self.published()
        if version is None:
            raise StoreBusy(f"{self.root}: no store here yet (run `diplograph build` first)")
        return version

    def open_published(self) -> Snapshot:
        """Open the published version read-only, holding its reader lock; retries if a writer flips the
        pointer and removes that version between reading the pointer and locking it."""
        for _attempt in range(OPEN_ATTEMPTS):
            version = self.require_published()
            lock = self._reader_lock(version)
            location = self.location(version)
            if version != 0 and (lock is None or not location.is_dir()):
                if lock is not None:
                    lock.close()
                continue
            try:
                return Snapshot(version, ox.Store.read_only(str(location)), lock)
            except OSError as error:
                if lock is not None:
                    lock.close()
                if self.published() == version:
                    raise StoreBusy(f"{self.root}: cannot open the store ({error})") from error
        raise StoreBusy(f"{self.root}: the store kept changing while opening it; try again")

    def _reader_lock(self, version: int) -> IO[bytes] | None:
        """A shared flock on the version's lock file; None when the file is gone (version removed) or, for
        the old unversioned store, was never made."""
        try:
            handle = self._lock_path(version).open("rb")
        except FileNotFoundError:
            return None
        fcntl.flock(handle, fcntl.LOCK_SH)
        return handle

    # -- writing ---------------------------------------------------------------------------------------

    def acquire_writer(self) -> IO[bytes]:
        """The exclusive writer lock, or StoreBusy at once naming the process that holds it."""
        self.root.mkdir(parents=True, exist_ok=True)
        handle = (self.root / WRITER_LOCK).open("a+b")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().decode("ascii", "replace").strip() or "unknown"
            handle.close()
            raise StoreBusy(
                f"{self.root}: another build, ingest, load or SPARQL Update (process {holder}) is writing "
                "this store; run this one when it has finished"
            ) from None
        handle.truncate(0)
        handle.write(str(os.getpid()).encode("ascii"))
        handle.flush()
        return handle

    def create_draft(self, base: ox.Store | None) -> tuple[int, ox.Store]:
        """The next version, as a checkpoint of ``base`` (or empty), opened for writing. Caller holds the
        writer lock."""
        existing = self.existing()
        version = max([*existing, self.published() or 0]) + 1
        location = self.location(version)
        location.parent.mkdir(parents=True, exist_ok=True)
        self._lock_path(version).touch()
        if base is not None:
            base.backup(str(location))
        return version, ox.Store(str(location))

    def publish(self, version: int) -> None:
        """Flip the pointer to ``version`` atomically and durably; readers switch on their next poll."""
        temporary = self.root / f"{POINTER}.tmp"
        with temporary.open("w", encoding="ascii") as handle:
            handle.write(f"{version}\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.root / POINTER)
        directory = os.open(self.root, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
        log.info("published version %s of %s", version, self.root)

    def remove_stale(self) -> None:
        """Remove abandoned drafts and versions older than the last ``KEEP`` that no reader holds.

        Caller holds the writer lock, so no draft is in progress and the pointer does not move.
        """
        published = self.published() or 0
        kept = {version for version in self.existing() if version <= published}
        kept = set(sorted(kept)[-KEEP:])
        for version in self.existing():
            if version in kept:
                continue
            if version > published:
                self._remove(version)  # a draft left by a writer that died
                continue
            self._remove_unless_read(version)

    def _remove_unless_read(self, version: int) -> None:
        """Remove an old version unless a reader holds its lock (it is retried at the next publication)."""
        try:
            lock = self._lock_path(version).open("rb")
        except FileNotFoundError:
            return
        with lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                log.info("version %s of %s is still read; kept", version, self.root)
                return
            self._remove(version)

    def _remove(self, version: int) -> None:
        shutil.rmtree(self.location(version), ignore_errors=True)
        self._lock_path(version).unlink(missing_ok=True)
        log.info("removed version %s of %s", version, self.root)
