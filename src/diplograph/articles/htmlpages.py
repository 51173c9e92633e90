"""HTML page → main text and guessed metadata, with trafilatura doing the page-level cleaning.

trafilatura removes navigation, ads and comment sections by page structure; the plain-text rules of
``cleaning`` then catch what structure cannot tell (a share box inside the article, a byline, a trailer).
What trafilatura drops is not kept, only counted in the log: the page is the record of it.
"""

from __future__ import annotations

import logging

import trafilatura

from diplograph.articles.cleaning import clean_text
from diplograph.articles.metadata import ArticleMetadata, parse_published, split_authors
from diplograph.errors import ArticleError

logger = logging.getLogger(__name__)


def extract_html(
    html: str, url: str | None = None, where: str = "page"
) -> tuple[str, tuple[str, ...], ArticleMetadata]:
    """Return the cleaned main text (headline first), the lines the text rules dropped, guessed metadata."""
    extracted = trafilatura.extract(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        output_format="txt",
    )
    if not extracted or not extracted.strip():
        raise ArticleError(f"{where} has no main text that trafilatura could find")
    guessed = guess_html_metadata(html, url)
    paragraphs = [line.strip() for line in extracted.split("\n") if line.strip()]
    if guessed.title and (not paragraphs or paragraphs[0] != guessed.title.strip()):
        paragraphs.insert(0, guessed.title.strip())
    text, dropped = clean_text("\n\n".join(paragraphs))
    _log_what_was_dropped(html, extracted, where)
    return text, dropped, guessed


def guess_html_metadata(html: str, url: str | None = None) -> ArticleMetadata:
    """Title, authors, date, site name and URL as the page declares them.

    The date search is not extensive: an extensive search turns a "© 2024" footer into 2024-01-01, and an
    invented date would anchor every relative date in the article ("on Tuesday") to the wrong week.
    """
    document = trafilatura.extract_metadata(html, default_url=url, extensive=False)
    try:
        published = parse_published(document.date)
    except ValueError:
        published = None
    return ArticleMetadata(
        title=(document.title or "").strip() or None,
        publisher=(document.sitename or "").strip() or None,
        authors=split_authors(document.author),
        published=published,
        url=(document.url or "").strip() or url,
    )


def _log_what_was_dropped(html: str, extracted: str, where: str) -> None:
    page_words = len(trafilatura.html2txt(html).split())
    kept_words = len(extracted.split())
    logger.info("%s: trafilatura kept %d of %d words of page text", where, kept_words, page_words)
