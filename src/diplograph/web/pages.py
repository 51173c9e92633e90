"""The human side of the graph: the home page, ``/id/…`` redirects, ``/page/…`` and ``/data/…``.

A resource IRI is ``settings.base + "id/" + kind + "/" + slug`` whatever host serves the app: paths are
mapped to IRIs through the configured base, never through the request's host. A page picks its typed view
(meeting, person, state, organization, place, article, position) from the resource's types and falls back to
the generic view of properties and inbound links.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, redirect, render_template, request, url_for

from diplograph.errors import NotFound
from diplograph.web import context, dataset
from diplograph.web.agents import agent_kind, read_agent
from diplograph.web.articles import read_article, read_position
from diplograph.web.caching import watch
from diplograph.web.meetings import read_meeting
from diplograph.web.negotiation import HTML, RESOURCE_FORMATS, Format, by_extension, choose
from diplograph.web.resources import ResourceReader, ResourceView
from diplograph.web.schema import describe, script_json
from diplograph.web.terms import value_of

blueprint = watch(Blueprint("pages", __name__))

LATEST_MEETINGS = """
SELECT ?meeting (SAMPLE(?name) AS ?label) (SAMPLE(?when) AS ?date) (SAMPLE(?state) AS ?status)
       (SAMPLE(?where) AS ?placeLabel) WHERE {
  ?meeting a dg:Meeting .
  OPTIONAL { ?meeting rdfs:label ?name }
  OPTIONAL { ?meeting dg:date ?when }
  OPTIONAL { ?meeting dg:status ?state }
  OPTIONAL { ?meeting dg:place/rdfs:label ?where }
} GROUP BY ?meeting ORDER BY DESC(?date) ?label LIMIT 10
"""

LATEST_ARTICLES = """
SELECT ?article (SAMPLE(?name) AS ?title) (SAMPLE(?when) AS ?issued) WHERE {
  ?article a dg:Article .
  OPTIONAL { ?article dcterms:title ?name }
  OPTIONAL { ?article dcterms:issued ?when }
} GROUP BY ?article ORDER BY DESC(?issued) ?article LIMIT 10
"""


def reader() -> ResourceReader:
    web = context()
    return ResourceReader(web.store, web.linker)


def html(body: str) -> Response:
    return Response(body, content_type="text/html; charset=utf-8")


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
        ("articles", stats.count("Article"), url_for("browse.articles")),
        ("meetings", stats.count("Meeting"), url_for("browse.meetings")),
        ("meeting reports", stats.count("MeetingReport"), None),
        ("persons", stats.count("Person"), url_for("browse.people")),
        ("states", stats.count("State"), url_for("browse.states")),
        ("organizations", stats.count("Organization"), url_for("browse.organizations")),
        ("positions", stats.count("Position"), url_for("browse.positions")),
    ]
    return html(
        render_template(
            "home.html",
            counts=counts,
            stats=stats,
            meetings=meetings,
            articles=articles,
            base=web.settings.base,
        )
    )


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


def requested_page(name: str) -> int:
    """A positive page number from the query string (1 when absent or not a number)."""
    value = request.args.get(name, "1")
    return int(value) if value.isdigit() and 0 < int(value) < 10**6 else 1


def typed_view(base: ResourceView) -> tuple[str, dict[str, Any]]:
    """The template and values of the view that fits the resource's types."""
    source = reader()
    if base.has_type("Meeting") or base.has_type("MeetingReport"):
        return "meeting.html", {"meeting": read_meeting(source, base)}
    if base.has_type("Article"):
        return "article.html", {"article": read_article(source, base)}
    if base.has_type("Position"):
        return "position.html", {"position": read_position(source, base)}
    kind = agent_kind(base)
    if kind is not None:
        return "agent.html", {"agent": read_agent(source, base, kind)}
    return "resource.html", {}


@blueprint.route("/page/<kind>/<slug>")
def page(kind: str, slug: str) -> Response:
    iri = require_resource(kind, slug)
    base = reader().view(iri, request.args.get("property"), requested_page("page"))
    template, values = typed_view(base)
    page_url = url_for("pages.page", kind=kind, slug=slug, _external=True)
    body = render_template(
        template,
        view=base,
        kind=kind,
        slug=slug,
        alternates=alternates(kind, slug),
        json_ld=script_json(describe(base, page_url)),
        **values,
    )
    return html(body)


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
