"""RDF terms as the templates show them: a text, maybe a link, never raw markup.

Our resource IRIs (``{base}id/{kind}/{slug}``) link to their page in this app, ontology terms to
``/ontology/Term``, other http(s) IRIs (Wikidata…) to themselves; any other scheme is shown, not linked.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import pyoxigraph as ox
from flask import has_request_context, request, url_for

from diplograph.graph.namespaces import DG, PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
#: What Werkzeug leaves unquoted in a path segment (``BaseConverter.to_url``).
PATH_SEGMENT_SAFE = "!$&'()*+,/:;=@"


@dataclass(frozen=True)
class TermView:
    """What a template needs to show one term."""

    text: str
    kind: str  # "iri", "literal" or "blank"
    value: str = ""
    href: str | None = None
    external: bool = False
    datatype: str | None = None
    language: str | None = None

    @property
    def is_wikidata(self) -> bool:
        return self.kind == "iri" and self.value.startswith(WIKIDATA_ENTITY)


def compact(iri: str) -> str:
    """``dg:Meeting`` for a known namespace, else the IRI itself."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


class Linker:
    """Maps IRIs under our base to this app's routes, and back."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.resource_space = base + "id/"

    def resource_iri(self, kind: str, slug: str) -> str:
        return f"{self.resource_space}{kind}/{slug}"

    def split(self, iri: str) -> tuple[str, str] | None:
        """``(kind, slug)`` for one of our resource IRIs, else ``None``."""
        if not iri.startswith(self.resource_space):
            return None
        kind, _, slug = iri[len(self.resource_space) :].partition("/")
        if not kind or not slug or "/" in slug or "#" in slug or "?" in slug:
            return None
        return kind, slug

    def page_url(self, iri: str) -> str | None:
        """``url_for("pages.page", kind=…, slug=…)``, built directly in a request: a big page links a thousand
        resources, and routing each link through ``url_for`` cost more than the page's queries."""
        parts = self.split(iri)
        if parts is None:
            return None
        if not has_request_context():
            return url_for("pages.page", kind=parts[0], slug=parts[1])
        kind, slug = (quote(part, safe=PATH_SEGMENT_SAFE) for part in parts)
        return f"{request.script_root}/page/{kind}/{slug}"

    def href(self, iri: str) -> tuple[str | None, bool]:
        """The link for an IRI and whether it leaves this site."""
        page = self.page_url(iri)
        if page is not None:
            return page, False
        if iri.startswith(str(DG)) and len(iri) > len(str(DG)):
            return url_for("ontology.term", name=iri[len(str(DG)) :]), False
        if iri.startswith(("http://", "https://")):
            return iri, True
        return None, False

    def fallback_label(self, iri: str) -> str:
        """For an IRI without rdfs:label: ``evidence 000_x-0-12`` for ours, ``dg:Meeting`` for known terms."""
        parts = self.split(iri)
        return f"{parts[0]} {parts[1]}" if parts else compact(iri)

    def wikidata(self, term: object) -> TermView | None:
        """A Wikidata entity shown by its Q-number, or None for anything else."""
        if not isinstance(term, ox.NamedNode) or not term.value.startswith(WIKIDATA_ENTITY):
            return None
        return self.view(term, term.value[len(WIKIDATA_ENTITY) :])

    def view(self, term: object, label: str | ox.Literal | None = None) -> TermView:
        """A pyoxigraph term (or None) as a TermView; ``label`` is the IRI's rdfs:label when known.

        A label literal in another language than English keeps its tag, so the page can show it.
        """
        if isinstance(term, ox.NamedNode):
            href, external = self.href(term.value)
            language = None
            if isinstance(label, ox.Literal):
                language = label.language if label.language and not is_english(label.language) else None
                label = label.value
            text = label or self.fallback_label(term.value)
            return TermView(text, "iri", term.value, href, external, language=language)
        if isinstance(term, ox.Literal):
            datatype = term.datatype.value
            shown_type = None if datatype in (XSD_STRING, RDF_LANG_STRING) else compact(datatype)
            return TermView(term.value, "literal", term.value, datatype=shown_type, language=term.language)
        if isinstance(term, ox.BlankNode):
            return TermView(f"_:{term.value}", "blank", term.value)
        return TermView("", "literal")


def is_english(language: str) -> bool:
    return language.lower() == "en" or language.lower().startswith("en-")


def preferred_label(labels: list[ox.Literal]) -> ox.Literal | None:
    """English first, then untagged, then any other language (alphabetically, so pages are stable)."""

    def rank(label: ox.Literal) -> tuple[int, str, str]:
        language = label.language or ""
        order = 0 if language and is_english(language) else 1 if not language else 2
        return order, language, label.value

    return min(labels, key=rank) if labels else None


def value_of(term: object) -> str | None:
    """The lexical value of a pyoxigraph term, or None when unbound."""
    return getattr(term, "value", None)
