"""Fetch one article page over HTTP: opt-in, only when a user passes a URL, and polite about it.

The network stays at this edge; the page is handed to the same pure assembly as a local HTML file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

import requests

from diplograph.articles import Article
from diplograph.articles.building import build_article
from diplograph.articles.metadata import ArticleMetadata
from diplograph.errors import ArticleError

USER_AGENT = "Diplograph/0.1 (+https://w3id.org/diplograph)"
TIMEOUT_SECONDS = 20.0
MAX_BYTES = 5 * 1024 * 1024
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
CHUNK_BYTES = 65_536


def fetch_url(
    url: str,
    metadata: Mapping[str, ArticleMetadata] | None = None,
    *,
    session: requests.Session | None = None,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """Download ``url`` (HTML or plain text, at most ``max_bytes``) and return it as an article.

    A sidecar entry whose ``url`` is this URL gives the id and the metadata; otherwise the id is a slug of
    the URL's last path segment plus a short hash, so the same URL always gives the same article.
    """
    if urlsplit(url).scheme not in {"http", "https"}:
        raise ArticleError(f"{url} is not an http(s) URL")
    article_id, known = _identify(url, metadata or {})
    raw, media_type, charset = _download(url, session, timeout, max_bytes)
    body = _decode(raw, charset, url)
    known = known.over(ArticleMetadata(url=url))
    return build_article(article_id, raw, body, is_html=media_type in HTML_TYPES, known=known, origin=url)


def url_article_id(url: str) -> str:
    """A readable, stable id for an article known only by its URL."""
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    stem = re.sub(r"\.(s?html?|php|aspx?)$", "", segments[-1]) if segments else parts.hostname or "page"
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:60].strip("-") or "page"
    return f"{slug}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:8]}"


def _identify(url: str, metadata: Mapping[str, ArticleMetadata]) -> tuple[str, ArticleMetadata]:
    for article_id, known in sorted(metadata.items()):
        if known.url == url:
            return article_id, known
    return url_article_id(url), ArticleMetadata()


def _download(
    url: str, session: requests.Session | None, timeout: float, max_bytes: int
) -> tuple[bytes, str, str | None]:
    """The body, media type and declared charset; refuses other types and bodies over ``max_bytes``."""
    get = session.get if session is not None else requests.get
    try:
        with get(url, headers={"User-Agent": USER_AGENT}, timeout=timeout, stream=True) as response:
            if response.status_code >= 400:
                raise ArticleError(f"{url} answered HTTP {response.status_code} {response.reason}")
            media_type, charset = _content_type(response.headers.get("Content-Type", ""))
            if media_type not in HTML_TYPES | TEXT_TYPES:
                raise ArticleError(
                    f"{url} is {media_type or 'of unknown type'}, not an HTML page or plain text"
                )
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise ArticleError(f"{url} is larger than {max_bytes:,} bytes")
            chunks, size = [], 0
            for chunk in response.iter_content(CHUNK_BYTES):
                size += len(chunk)
                if size > max_bytes:
                    raise ArticleError(f"{url} is larger than {max_bytes:,} bytes")
                chunks.append(chunk)
    except requests.RequestException as error:
        raise ArticleError(f"{url} could not be fetched ({type(error).__name__}: {error})") from None
    return b"".join(chunks), media_type, charset


def _content_type(header: str) -> tuple[str, str | None]:
    media_type, _, parameters = header.partition(";")
    match = re.search(r"charset\s*=\s*\"?([\w.:-]+)", parameters, re.IGNORECASE)
    return media_type.strip().lower(), match.group(1) if match else None


def _decode(raw: bytes, charset: str | None, url: str) -> str:
    """Text in the declared charset, else UTF-8, else the charset the page itself names."""
    if not raw.strip():
        raise ArticleError(f"{url} returned an empty page")
    for encoding in (charset, "utf-8", _meta_charset(raw)):
        if not encoding:
            continue
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    raise ArticleError(f"{url} is not text in a charset it declares")


def _meta_charset(raw: bytes) -> str | None:
    match = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", raw[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None
