"""The one table of media types and formats, and the one way of choosing among them.

Both ``/sparql`` and the resource pages negotiate here: Werkzeug's ``best_match`` over the media types of the
formats a response can take, overridden by a ``format=`` (or ``output=``, ``results=``) parameter that accepts
a short name (``ttl``) or a media type (``text/turtle``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import pyoxigraph as ox
from flask import Response
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header
from werkzeug.wrappers import Request

from diplograph.errors import DiplographError
from diplograph.web.compression import add_vary

Kind = Literal["results", "graph", "html"]

#: Query-string parameters that override the Accept header, in order of precedence.
OVERRIDE_PARAMETERS = ("format", "output", "results")
#: Accept headers (and overrides) this short have their choice remembered: a client repeats its own.
REMEMBERED_ACCEPT_LENGTH = 1024


class NotAcceptable(DiplographError):
    """None of the formats the client accepts can represent this response."""

    http_status = 406


@dataclass(frozen=True)
class Format:
    """One serialization: its short names, media types (the first is the one we send) and engine format."""

    kind: Kind
    label: str
    extension: str
    media_types: tuple[str, ...]
    names: tuple[str, ...]
    engine: ox.QueryResultsFormat | ox.RdfFormat | None = None

    @property
    def media_type(self) -> str:
        return self.media_types[0]

    @property
    def content_type(self) -> str:
        """The Content-Type header: text formats say their charset."""
        if self.media_type.startswith("text/"):
            return f"{self.media_type}; charset=utf-8"
        return self.media_type

    @property
    def iri(self) -> str | None:
        """The W3C format IRI (http://www.w3.org/ns/formats/…) for service descriptions."""
        return self.engine.iri if self.engine is not None else None


HTML = Format("html", "HTML", "html", ("text/html", "application/xhtml+xml"), ("html",))

#: SELECT and ASK results, in order of preference when the client accepts anything.
RESULT_FORMATS: tuple[Format, ...] = (
    Format(
        "results",
        "JSON",
        "srj",
        ("application/sparql-results+json", "application/json"),
        ("json", "srj"),
        ox.QueryResultsFormat.JSON,
    ),
    Format(
        "results",
        "XML",
        "srx",
        ("application/sparql-results+xml", "application/xml", "text/xml"),
        ("xml", "srx"),
        ox.QueryResultsFormat.XML,
    ),
    Format("results", "CSV", "csv", ("text/csv",), ("csv",), ox.QueryResultsFormat.CSV),
    Format("results", "TSV", "tsv", ("text/tab-separated-values",), ("tsv",), ox.QueryResultsFormat.TSV),
)

#: RDF graphs (CONSTRUCT, DESCRIBE, resource descriptions, VoID), in order of preference.
GRAPH_FORMATS: tuple[Format, ...] = (
    Format(
        "graph",
        "Turtle",
        "ttl",
        ("text/turtle", "application/x-turtle"),
        ("ttl", "turtle", "n3"),
        ox.RdfFormat.TURTLE,
    ),
    Format(
        "graph",
        "N-Triples",
        "nt",
        ("application/n-triples",),
        ("nt", "ntriples", "n-triples"),
        ox.RdfFormat.N_TRIPLES,
    ),
    Format(
        "graph",
        "JSON-LD",
        "jsonld",
        ("application/ld+json", "application/json"),
        ("jsonld", "json-ld", "json"),
        ox.RdfFormat.JSON_LD,
    ),
    Format(
        "graph",
        "RDF/XML",
        "rdf",
        ("application/rdf+xml", "application/xml", "text/xml"),
        ("rdf", "rdfxml", "rdf/xml", "rdf+xml", "xml"),
        ox.RdfFormat.RDF_XML,
    ),
    Format(
        "graph", "N-Quads", "nq", ("application/n-quads",), ("nq", "nquads", "n-quads"), ox.RdfFormat.N_QUADS
    ),
    Format("graph", "TriG", "trig", ("application/trig",), ("trig",), ox.RdfFormat.TRIG),
)

#: The formats offered as links and as `/data/…​.{ext}` (N-Quads and TriG are for whole datasets).
RESOURCE_FORMATS: tuple[Format, ...] = GRAPH_FORMATS[:4]


def by_extension(extension: str, formats: Iterable[Format] = RESOURCE_FORMATS) -> Format | None:
    return next((candidate for candidate in formats if candidate.extension == extension.lower()), None)


def requested_override(request: Request) -> str | None:
    """The value of the first format-overriding parameter present, if any."""
    for name in OVERRIDE_PARAMETERS:
        value = request.values.get(name, "").strip()
        if value:
            return value
    return None


def choose(request: Request, formats: Iterable[Format]) -> Format:
    """The format to answer in, among ``formats`` (the first wins when the client accepts anything).

    Raises ``NotAcceptable`` when neither the override parameter nor the Accept header names one of them.
    """
    candidates = tuple(formats)
    override = requested_override(request)
    found = choose_among(override, request.headers.get("Accept", ""), candidates)
    if found is not None:
        return found
    if override is not None:
        raise NotAcceptable(f"Unknown or unsuitable format {override!r}; use one of: {describe(candidates)}.")
    raise NotAcceptable(f"None of the accepted media types is available; available: {describe(candidates)}.")


def choose_among(override: str | None, accept: str, candidates: tuple[Format, ...]) -> Format | None:
    """``choose``'s pick from the override parameter's value and the Accept header, ``None`` if none fits."""
    short = len(accept) + len(override or "") <= REMEMBERED_ACCEPT_LENGTH
    return (_pick_remembered if short else _pick)(override, accept, candidates)


def _pick(override: str | None, accept: str, candidates: tuple[Format, ...]) -> Format | None:
    """The override's format if it names one, else Werkzeug's best match for the Accept header."""
    if override is not None:
        wanted = override.lower().split(";")[0].strip()
        return next((item for item in candidates if wanted in item.names or wanted in item.media_types), None)
    accepted = parse_accept_header(accept, MIMEAccept)
    if not accepted:
        return candidates[0]
    best = accepted.best_match([media_type for item in candidates for media_type in item.media_types])
    return next((item for item in candidates if best in item.media_types), None)


#: Parsing and matching an Accept header costs more than the rest of a small query's request handling.
_pick_remembered = lru_cache(maxsize=256)(_pick)


def choose_optional(request: Request, formats: Iterable[Format]) -> Format | None:
    """Like ``choose`` but ``None`` instead of an error (when another family of formats may still fit)."""
    try:
        return choose(request, formats)
    except NotAcceptable:
        return None


def describe(formats: Iterable[Format]) -> str:
    return ", ".join(f"{candidate.names[0]} ({candidate.media_type})" for candidate in formats)


def add_vary_accept(response: Response) -> Response:
    add_vary(response, "Accept")
    return response
