"""Sources → Article: the cleaned main text, its metadata, and what was dropped as boilerplate."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One article ready for extraction.

    ``text`` is the cleaned main text (headline included); every character offset in the graph indexes into
    it. ``dropped`` keeps the boilerplate lines removed (ads, share boxes, comments) for the log and pages,
    never for the graph. ``digest`` changes whenever the raw input or its metadata change, so a build can
    skip articles it already holds.
    """

    id: str
    text: str
    title: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published: date | None = None
    url: str | None = None
    origin: str | None = None
    dropped: tuple[str, ...] = field(default=(), repr=False)
    digest: str = ""
