"""What is known about an article besides its text: title, publisher, authors, date, URL.

The sidecar ``data/articles.csv`` records only what a person has checked; an empty cell means unknown. It
wins over anything guessed from the page (trafilatura's metadata, a byline, the first line of the text).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from diplograph.errors import ArticleError

SIDECAR_COLUMNS = ("id", "title", "publisher", "author", "published", "url")
AUTHOR_SEPARATOR = ";"


@dataclass(frozen=True)
class ArticleMetadata:
    """Facts about an article that do not come from its main text; ``None`` or ``()`` means unknown."""

    title: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published: date | None = None
    url: str | None = None

    def over(self, fallback: ArticleMetadata) -> ArticleMetadata:
        """Fill unknown fields from ``fallback``: a checked source overrides a guessed one, field by field."""
        return ArticleMetadata(
            title=self.title or fallback.title,
            publisher=self.publisher or fallback.publisher,
            authors=self.authors or fallback.authors,
            published=self.published or fallback.published,
            url=self.url or fallback.url,
        )

    def with_title(self, title: str | None) -> ArticleMetadata:
        """Use ``title`` only when no title is known yet."""
        return self if self.title or not title else replace(self, title=title)


def parse_published(value: str | None) -> date | None:
    """Read an ISO date (a full timestamp is cut to its date); empty means unknown.

    Raises ``ValueError`` with a short reason so the caller can name the file and line.
    """
    text = (value or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"bad published date {text!r} (expected an ISO date such as 2023-05-10)") from None


def split_authors(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Authors as a tuple, from ``"A; B"`` or a list; blanks are dropped and order is kept."""
    if value is None:
        return ()
    parts = value.split(AUTHOR_SEPARATOR) if isinstance(value, str) else value
    return tuple(name.strip() for name in parts if name and name.strip())


def _optional(value: str | None) -> str | None:
    text = (value or "").strip()
    return text or None


def load_metadata(csv_path: Path) -> dict[str, ArticleMetadata]:
    """Read the sidecar into ``{article id: metadata}``.

    A bad date or a repeated id is an ``ArticleError`` naming the file and line: a silent mistake here
    would end up as a wrong date on every meeting the article reports.
    """
    try:
        handle = csv_path.open(encoding="utf-8", newline="")
    except OSError as error:
        raise ArticleError(f"{csv_path} cannot be read ({error.strerror})") from error
    with handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or "id" not in reader.fieldnames:
            raise ArticleError(f"{csv_path} has no 'id' column (expected {','.join(SIDECAR_COLUMNS)})")
        entries: dict[str, ArticleMetadata] = {}
        for row in reader:
            where = f"{csv_path} line {reader.line_num}"
            article_id = (row.get("id") or "").strip()
            if not article_id:
                raise ArticleError(f"{where} has no id")
            if article_id in entries:
                raise ArticleError(f"{where} repeats id {article_id!r}")
            try:
                published = parse_published(row.get("published"))
            except ValueError as error:
                raise ArticleError(f"{where} has a {error}") from None
            entries[article_id] = ArticleMetadata(
                title=_optional(row.get("title")),
                publisher=_optional(row.get("publisher")),
                authors=split_authors(row.get("author")),
                published=published,
                url=_optional(row.get("url")),
            )
    return entries
