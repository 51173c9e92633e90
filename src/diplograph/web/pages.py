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
from diplograph.web.entities import entities
from diplograph.web.listings import listing_order
from diplograph.web.meeting_index import meeting_index
from diplograph.web.meetings import read_meeting
from diplograph.web.negotiation import HTML, RESOURCE_FORMATS, Format, by_extension, choose
from diplograph.web.resources import ResourceReader, ResourceView
from diplograph.web.schema import describe, script_json
from diplograph.web.terms import preferred_label, value_of

blueprint = watch(Blueprint("pages", __name__))

#: How many meetings and articles the home page lists.
LATEST = 10


def reader() -> ResourceReader:
    web = context()
    return ResourceReader(web.store, web.linker, entities())


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
    return html(
        render_template(
            "home.html",
            counts=home_counts(stats),
            stats=stats,
            meetings=latest_meetings(),
            articles=latest_articles(),
            base=web.settings.base,
        )
    )


def latest_meetings() -> list[dict[str, Any]]:
    """The newest meetings (``DESC(?date)``, then by label), from the meeting index."""
    web, known = context(), entities()
    entries = meeting_index().entries
    end = min(LATEST, len(entries))
    last = entries[end - 1].date if end else None
    while end < len(entries) and entries[end].date == last:
        end += 1  # the meetings tied with the last shown compete by label
    label = {entry.iri: known.label(entry.iri) for entry in entries[:end]}
    latest = sorted(entries[:end], key=lambda entry: value_of(label[entry.iri]) or "")
    latest.sort(key=lambda entry: entry.date.value if entry.date is not None else "", reverse=True)
    rows = []
    for entry in latest[:LATEST]:
        place = known.label(entry.place.value) if entry.place is not None else None
        rows.append(
            {
                "meeting": web.linker.view(ox.NamedNode(entry.iri), label[entry.iri]),
                "date": value_of(entry.date),
                "status": web.linker.view(entry.status) if entry.status is not None else None,
                "place": value_of(place),
            }
        )
    return rows


def latest_articles() -> list[dict[str, Any]]:
    """The newest articles (the first of the articles index) with their titles."""
    web, known = context(), entities()
    order = listing_order("articles")
    rows = []
    for iri in order.items[:LATEST]:
        titles = known.titles.get(iri)
        title = preferred_label(titles) if titles else None
        rows.append(
            {"article": web.linker.view(ox.NamedNode(iri), title), "issued": value_of(order.dates.get(iri))}
        )
    return rows


def home_counts(stats: dataset.Statistics) -> list[tuple[str, int, str | None]]:
    return [
        ("articles", stats.count("Article"), url_for("browse.articles")),
        ("meetings", stats.count("Meeting"), url_for("browse.meetings")),
        ("meeting reports", stats.count("MeetingReport"), None),
        ("persons", stats.count("Person"), url_for("browse.people")),
        ("states", stats.count("State"), url_for("browse.states")),
        ("organizations", stats.count("Organization"), url_for("browse.organizations")),
        ("positions", stats.count("Position"), url_for("browse.positions")),
    ]


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
