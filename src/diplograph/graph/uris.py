"""The one place where resource IRIs are minted: deterministic, readable, stable across builds."""

from __future__ import annotations

import re
import unicodedata

from rdflib import URIRef

KINDS = (
    "article",
    "publisher",
    "person",
    "country",
    "city",
    "place",
    "organization",
    "meeting",
    "report",
    "participation",
    "position",
    "evidence",
)


# Letters that Unicode does not decompose into a base letter and a mark, spelt as news English spells them.
UNDECOMPOSED_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
    }
)


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by '-': 'Mevlüt Çavuşoğlu' → 'mevlut-cavusoglu', 'Løkke' → 'lokke'."""
    letters = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED_LETTERS))
    ascii_text = letters.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unnamed"


class Minter:
    """Mints IRIs under one base, so the same findings always give the same IRIs."""

    def __init__(self, base: str) -> None:
        self.base = base if base.endswith("/") else base + "/"

    def resource(self, kind: str, slug: str) -> URIRef:
        if kind not in KINDS:
            raise ValueError(f"unknown resource kind {kind!r}")
        return URIRef(f"{self.base}id/{kind}/{slug}")

    def article_graph(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}graph/article/{slugify(article_id) if '/' in article_id else article_id}")

    def meetings_graph(self) -> URIRef:
        return URIRef(f"{self.base}graph/meetings")

    def entities_graph(self) -> URIRef:
        return URIRef(f"{self.base}graph/entities")
