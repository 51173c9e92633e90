"""The human side of the graph: the home page, ``/id/…`` redirects, ``/page/…`` and ``/data/…``.

A resource IRI is ``settings.base + "id/" + kind + "/" + slug`` whatever host serves the app: paths are
mapped to IRIs through the configured base, never through the request's host.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, redirect, render_template, request, url_for

from diplograph.errors import NotFound
from diplograph.web import context, dataset
from diplograph.web.negotiation import HTML, RESOURCE_FORMATS, Format, by_extension, choose
from diplograph.web.resources import ResourceReader
from diplograph.web.terms import value_of

blueprint = Blueprint("pages", __name__)

LATEST_MEETINGS = """
SELECT ?meeting (SAMPLE(?name) AS ?label) (SAMPLE(?when) AS ?date) (SAMPLE(?state) AS ?status)
       (SAMPLE(?where) AS ?placeLabel) WHERE {
  ?meeting a dg:Meeting .
  OPTIONAL { ?meeting rdfs:label ?name }
  OPTIONAL { ?meeting dg:date ?when }
  OPTIONAL { ?meeting dg:status ?state }
  OPTIONAL { ?meeting dg:place/rdfs:label ?where }
} GROUP BY ?meeting ORDER BY DESC(?date) ?label LIMIT 20
"""

LATEST_ARTICLES = """
SELECT ?article (SAMPLE(?name) AS ?title) (SAMPLE(?when) AS ?issued) WHERE {
  ?article a dg:Article .
  OPTIONAL { ?article dcterms:title ?name }
  OPTIONAL { ?article dcterms:issued ?when }
} GROUP BY ?article ORDER BY DESC(?issued) ?article LIMIT 20
"""


def reader() -> ResourceReader:
    web = context()
    return ResourceReader(web.store, web.linker)


def resource_iri(kind: str, slug: str) -> str:
    return context().linker.resource_iri(kind, slug)


def require_resource(kind: str, slug: str) -> str:
    iri = resource_iri(kind, slug)
    try:
        ox.NamedNode(iri)
    except ValueError:
        raise NotFound(f"{iri!r} is not a valid resource IRI.") from None
    if not reader().exists(iri):
        raise NotFound(f"Nothing is known about {iri}.")
    return iri


def alternates(kind: str, slug: str) -> list[tuple[Format, str]]:
    """The RDF forms of a resource, for <link rel=alternate> and download links."""
    return [
        (candidate, url_for("pages.data", kind=kind, name=f"{slug}.{candidate.extension}"))
        for candidate in RESOURCE_FORMATS
    ]


@blueprint.route("/")
def home() -> Response:
    web = context()
    stats = dataset.statistics()
    meetings = [
        {
            "meeting": web.linker.view(row["meeting"], value_of(row["label"])),
            "date": value_of(row["date"]),
            "status": web.linker.view(row["status"]) if row["status"] is not None else None,
            "place": value_of(row["placeLabel"]),
        }
        for row in web.store.query(LATEST_MEETINGS)
    ]
    articles = [
        {
            "article": web.linker.view(row["article"], value_of(row["title"])),
            "issued": value_of(row["issued"]),
        }
        for row in web.store.query(LATEST_ARTICLES)
    ]
    counts = [
        ("articles", stats.count("Article")),
        ("meetings", stats.count("Meeting")),
        ("meeting reports", stats.count("MeetingReport")),
        ("persons", stats.count("Person")),
        ("states", stats.count("State")),
        ("organizations", stats.count("Organization")),
        ("positions", stats.count("Position")),
    ]
    body = render_template(
        "home.html", counts=counts, stats=stats, meetings=meetings, articles=articles, base=web.settings.base
    )
    return Response(body, content_type="text/html; charset=utf-8")


@blueprint.route("/id/<kind>/<slug>")
def identifier(kind: str, slug: str) -> Response:
    """303 See Other to the page (HTML) or the data (RDF) describing the resource, by Accept."""
    require_resource(kind, slug)
    chosen = choose(request, (HTML, *RESOURCE_FORMATS))
    if chosen is HTML:
        location = url_for("pages.page", kind=kind, slug=slug)
    else:
        location = url_for("pages.data", kind=kind, name=f"{slug}.{chosen.extension}")
    return redirect(location, code=303)  # type: ignore[return-value]


@blueprint.route("/page/<kind>/<slug>")
def page(kind: str, slug: str) -> Response:
    iri = require_resource(kind, slug)
    view = reader().view(iri)
    body = render_template(
        "resource.html",
        view=view,
        kind=kind,
        slug=slug,
        alternates=alternates(kind, slug),
        data_url=url_for("pages.data", kind=kind, name=slug),
    )
    return Response(body, content_type="text/html; charset=utf-8")


@blueprint.route("/data/<kind>/<name>")
def data(kind: str, name: str) -> Response:
    """The resource's description as RDF: ``name`` is ``slug.ext``, or the bare slug to negotiate."""
    slug, _, extension = name.rpartition(".")
    chosen = by_extension(extension) if slug else None
    if chosen is None:
        slug = name
        chosen = choose(request, RESOURCE_FORMATS)
    iri = require_resource(kind, slug)
    triples = reader().description(iri)
    body = dataset.serialize_triples(triples, chosen)
    response = Response(body, content_type=chosen.content_type)
    response.headers["Link"] = f'<{iri}>; rel="describes"'
    if not extension or chosen is not by_extension(extension):
        response.headers["Content-Location"] = url_for(
            "pages.data", kind=kind, name=f"{slug}.{chosen.extension}"
        )
    return response
