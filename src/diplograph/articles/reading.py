"""Files and JSONL lines → ``Article`` values, with one clear ``ArticleError`` per thing that cannot be read.

Batch readers yield errors beside articles instead of raising, so one bad file or line never stops a build;
the caller counts and reports them. Everything here is deterministic: the same bytes and metadata give the
same article, the same id and the same digest.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from diplograph.articles import Article
from diplograph.articles.building import build_article
from diplograph.articles.fetching import fetch_url
from diplograph.articles.metadata import ArticleMetadata, load_metadata, parse_published, split_authors
from diplograph.errors import ArticleError

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
SAFE_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
BINARY_SAMPLE = 65_536
BINARY_CONTROL_SHARE = 0.10
CONTROL_BYTES = frozenset(range(32)) - {9, 10, 11, 12, 13} | {127}

ReadResult = Article | ArticleError

__all__ = [
    "ReadResult",
    "decode_article_bytes",
    "default_sidecar",
    "fetch_url",
    "read_directory",
    "read_path",
]


def read_path(path: Path, metadata: Mapping[str, ArticleMetadata]) -> Iterator[ReadResult]:
    """Read one article file (``.txt``, ``.html``, ``.htm``) or every line of a ``.jsonl`` file.

    A folder is read like ``read_directory`` with the given metadata. Problems come out as ``ArticleError``
    values, one per file or JSONL line, so the lines after a bad one still give their articles.
    """
    if path.is_dir():
        yield from read_directory(path, metadata)
        return
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield ArticleError(
            f"{path} is not an article file (expected {', '.join(sorted(SUPPORTED_SUFFIXES))})"
        )
        return
    try:
        raw = path.read_bytes()
        text = decode_article_bytes(raw, str(path))
    except OSError as error:
        yield ArticleError(f"{path} cannot be read ({error.strerror or error})")
        return
    except ArticleError as error:
        yield error
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, text, metadata)
        return
    try:
        known = metadata.get(path.stem, ArticleMetadata())
        yield build_article(
            path.stem, raw, text, is_html=suffix in HTML_SUFFIXES, known=known, origin=str(path)
        )
    except ArticleError as error:
        yield error


def read_directory(
    folder: Path, metadata: Mapping[str, ArticleMetadata] | None = None
) -> Iterator[ReadResult]:
    """Read every article file in ``folder`` in file-name order; errors are yielded, not raised.

    Without ``metadata`` the sidecar next to the folder (``data/articles.csv`` for ``data/articles/``) is
    loaded when it exists; a broken sidecar raises at once, since every article would get wrong facts.
    Hidden files and files of other kinds are skipped; an id seen twice is an error for the second file.
    """
    if not folder.is_dir():
        raise ArticleError(f"{folder} is not a folder")
    if metadata is None:
        sidecar = default_sidecar(folder)
        metadata = load_metadata(sidecar) if sidecar.is_file() else {}
    return _read_files(sorted(folder.iterdir(), key=lambda item: item.name), metadata)


def default_sidecar(folder: Path) -> Path:
    """Where the metadata of a folder of articles lives: ``articles/`` → ``articles.csv`` beside it."""
    return folder.parent / f"{folder.name}.csv"


def _read_files(paths: list[Path], metadata: Mapping[str, ArticleMetadata]) -> Iterator[ReadResult]:
    first_origin: dict[str, str] = {}
    for path in paths:
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            logger.info("skipping %s: not an article file", path)
            continue
        for result in read_path(path, metadata):
            if isinstance(result, Article):
                if result.id in first_origin:
                    result = ArticleError(
                        f"{result.origin} repeats id {result.id!r} of {first_origin[result.id]}"
                    )
                else:
                    first_origin[result.id] = result.origin or ""
            yield result


def decode_article_bytes(raw: bytes, where: str) -> str:
    """UTF-8 text of an article file, or an ``ArticleError`` saying why it is not one."""
    if not raw.strip():
        raise ArticleError(f"{where} is empty")
    if b"\x00" in raw:
        raise ArticleError(f"{where} looks binary (it contains NUL bytes)")
    sample = raw[:BINARY_SAMPLE]
    control_share = sum(byte in CONTROL_BYTES for byte in sample) / len(sample)
    if control_share > BINARY_CONTROL_SHARE:
        raise ArticleError(f"{where} looks binary ({control_share:.0%} control characters)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = error.object[error.start]
        raise ArticleError(
            f"{where} is not UTF-8 text (invalid byte 0x{byte:02x} at offset {error.start})"
        ) from None


def _read_jsonl(path: Path, text: str, metadata: Mapping[str, ArticleMetadata]) -> Iterator[ReadResult]:
    """One article per non-blank line; a bad line is one error and the reading goes on."""
    first_line_of: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path} line {number}"
        try:
            record = _parse_record(line, where)
            article_id = _record_id(record, where, default=f"{path.stem}-{number}")
            if article_id in first_line_of:
                raise ArticleError(f"{where} repeats id {article_id!r} of line {first_line_of[article_id]}")
            first_line_of[article_id] = number
            body, is_html = _record_body(record, where)
            known = metadata.get(article_id, ArticleMetadata()).over(_record_metadata(record, where))
            yield build_article(
                article_id, line.encode("utf-8"), body, is_html=is_html, known=known, origin=where
            )
        except ArticleError as error:
            yield error


def _parse_record(line: str, where: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ArticleError(f"{where} is not JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise ArticleError(f"{where} is not a JSON object")
    return record


def _record_id(record: dict[str, Any], where: str, default: str) -> str:
    """The line's own ``id`` (it ends up in a URI, so only letters, digits, ``_``, ``-``, ``.``)."""
    value = record.get("id")
    if value is None:
        return default
    if not isinstance(value, str) or not SAFE_ID.match(value):
        raise ArticleError(f"{where} has an id {value!r} that is not letters, digits, '_', '-' and '.'")
    return value


def _record_body(record: dict[str, Any], where: str) -> tuple[str, bool]:
    """The article's text or HTML, and whether it is HTML."""
    text, html = record.get("text"), record.get("html")
    if text is not None and html is not None:
        raise ArticleError(f"{where} has both text and html (give one)")
    body = html if html is not None else text
    if body is None:
        raise ArticleError(f"{where} has neither text nor html")
    if not isinstance(body, str) or not body.strip():
        raise ArticleError(f"{where} has an empty or non-string {'html' if html is not None else 'text'}")
    return body, html is not None


def _record_metadata(record: dict[str, Any], where: str) -> ArticleMetadata:
    for name in ("url", "title", "publisher", "published"):
        if record.get(name) is not None and not isinstance(record[name], str):
            raise ArticleError(f"{where} has a {name} that is not a string")
    author = record.get("author")
    if author is not None and not (
        isinstance(author, str) or (isinstance(author, list) and all(isinstance(a, str) for a in author))
    ):
        raise ArticleError(f"{where} has an author that is neither a string nor a list of strings")
    try:
        published = parse_published(record.get("published"))
    except ValueError as error:
        raise ArticleError(f"{where} has a {error}") from None
    return ArticleMetadata(
        title=(record.get("title") or "").strip() or None,
        publisher=(record.get("publisher") or "").strip() or None,
        authors=split_authors(author),
        published=published,
        url=(record.get("url") or "").strip() or None,
    )
