"""Cleaned text + known metadata → an ``Article`` with its digest: the one place articles are assembled."""

from __future__ import annotations

import hashlib
import json

from diplograph.articles import Article
from diplograph.articles.cleaning import CLEANING_VERSION, clean_text, find_byline_authors, title_from_text
from diplograph.articles.htmlpages import extract_html
from diplograph.articles.metadata import ArticleMetadata
from diplograph.errors import ArticleError


def build_article(
    article_id: str, raw: bytes, body: str, *, is_html: bool, known: ArticleMetadata, origin: str
) -> Article:
    """Clean ``body`` and attach metadata: ``known`` first, then what the page shows (trafilatura, byline,
    headline). ``raw`` is what the digest covers, with the final metadata.
    """
    if is_html:
        text, dropped, guessed = extract_html(body, url=known.url, where=origin)
    else:
        text, dropped = clean_text(body)
        guessed = ArticleMetadata(authors=find_byline_authors(dropped))
    if not text.strip():
        raise ArticleError(f"{origin} has no article text left after removing boilerplate")
    final = known.over(guessed).with_title(title_from_text(text))
    return Article(
        id=article_id,
        text=text,
        title=final.title,
        publisher=final.publisher,
        authors=final.authors,
        published=final.published,
        url=final.url,
        origin=origin,
        dropped=dropped,
        digest=article_digest(article_id, raw, final),
    )


def article_digest(article_id: str, raw: bytes, metadata: ArticleMetadata) -> str:
    """sha256 over the raw input, the id, the metadata and the cleaning rules' version: stable across runs."""
    facts = {
        "id": article_id,
        "title": metadata.title,
        "publisher": metadata.publisher,
        "authors": list(metadata.authors),
        "published": metadata.published.isoformat() if metadata.published else None,
        "url": metadata.url,
        "cleaning": CLEANING_VERSION,
    }
    digest = hashlib.sha256(raw)
    digest.update(b"\x00")
    digest.update(json.dumps(facts, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()
