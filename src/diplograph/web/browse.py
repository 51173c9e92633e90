"""Browse and find: paginated indexes of meetings, people, states, organizations, articles and positions,
and a search over names and aliases. Every list is one page at a time, so a big graph stays fast.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request, url_for

from diplograph.graph.namespaces import DG
from diplograph.web import context
from diplograph.web.caching import remembered, watch
from diplograph.web.listings import (
    LISTINGS,
    MEETING_PARTICIPANTS,
    MEETING_PLACES,
    MEETING_YEARS,
    PAGE_SIZE,
    STATUSES,
    meeting_queries,
)
from diplograph.web.pages import html, requested_page
from diplograph.web.terms import TermView, preferred_label

blueprint = watch(Blueprint("browse", __name__))

#: Which kinds come first among search results with the same match quality.
KIND_ORDER = ("Person", "State", "Organization", "Meeting", "City", "Place", "Article", "Position")


@blueprint.app_template_global()
def page_url(**changes: Any) -> str:
    """The current URL with some query parameters changed (for pagers and filters)."""
    arguments = request.args.to_dict(flat=False)
    for name, value in changes.items():
        arguments[name] = [str(value)]
    return url_for(request.endpoint or "pages.home", **(request.view_args or {}), **arguments)


def pages_for(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def view_of(term: Any, label: Any = None) -> TermView | None:
    return context().linker.view(term, label) if term is not None else None


def listing_page(name: str) -> Response:
    listing = LISTINGS[name]
    store = context().store
    class_node = {ox.Variable("class"): ox.NamedNode(str(DG) + listing.class_name)}
    totals = list(store.query(listing.count_query(), substitutions=class_node))
    total = int(totals[0]["total"].value) if totals else 0
    pages = pages_for(total)
    page = min(requested_page("page"), pages)
    solutions = store.query(listing.page_query(page), substitutions=class_node)
    names = [variable.value for variable in solutions.variables]
    rows = [{name: row[name] for name in names} for row in solutions]
    body = render_template(
        "index.html", listing=listing, rows=rows, total=total, page=page, pages=pages, view_of=view_of
    )
    return html(body)


@blueprint.route("/people")
def people() -> Response:
    return listing_page("people")


@blueprint.route("/states")
def states() -> Response:
    return listing_page("states")


@blueprint.route("/organizations")
def organizations() -> Response:
    return listing_page("organizations")


@blueprint.route("/articles")
def articles() -> Response:
    return listing_page("articles")


@blueprint.route("/positions")
def positions() -> Response:
    return listing_page("positions")


def meeting_filters() -> dict[str, ox.NamedNode | ox.Literal]:
    """The filters of the request that are well formed (others are ignored, as a form would)."""
    active: dict[str, ox.NamedNode | ox.Literal] = {}
    year = request.args.get("year", "").strip()
    if len(year) == 4 and year.isdigit():
        active["year"] = ox.Literal(year)
    for name in ("place", "participant", "status"):
        value = request.args.get(name, "").strip()
        if value.startswith(("http://", "https://")):
            try:
                active[name] = ox.NamedNode(value)
            except ValueError:
                continue
    return active


def filter_options() -> dict[str, list[Any]]:
    """The values offered by the filter form, counted once per store version."""

    def compute() -> dict[str, list[Any]]:
        store = context().store
        return {
            "years": [row["year"].value for row in store.query(MEETING_YEARS) if row["year"] is not None],
            "places": [view_of(row["place"], row["name"]) for row in store.query(MEETING_PLACES)],
            "participants": [view_of(row["agent"], row["name"]) for row in store.query(MEETING_PARTICIPANTS)],
            "statuses": [view_of(row["status"], row["label"]) for row in store.query(STATUSES)],
        }

    return remembered("meeting-filters", compute)


@blueprint.route("/meetings")
def meetings() -> Response:
    store = context().store
    active = meeting_filters()
    substitutions = {ox.Variable(name): value for name, value in active.items()}
    count_query, page_query = meeting_queries(list(active), 1)
    totals = list(store.query(count_query, substitutions=substitutions or None))
    total = int(totals[0]["total"].value) if totals else 0
    pages = pages_for(total)
    page = min(requested_page("page"), pages)
    _, page_query = meeting_queries(list(active), page)
    rows: dict[str, dict[str, Any]] = {}
    for row in store.query(page_query, substitutions=substitutions or None):
        entry = rows.setdefault(row["meeting"].value, {"meeting": row["meeting"], "labels": []})
        if row["label"] is not None:
            entry["labels"].append(row["label"])
        for key in ("date", "statusIri", "statusLabel", "placeIri", "placeLabel"):
            entry[key] = entry.get(key) or row[key]
    shown = [
        {
            "meeting": view_of(entry["meeting"], preferred_label(entry["labels"])),
            "date": entry["date"].value if entry["date"] is not None else None,
            "status": view_of(entry["statusIri"], entry["statusLabel"]),
            "place": view_of(entry["placeIri"], entry["placeLabel"]),
        }
        for entry in rows.values()
    ]
    chosen = {name: value.value for name, value in active.items()}
    body = render_template(
        "meetings.html", rows=shown, total=total, page=page, pages=pages, chosen=chosen, **filter_options()
    )
    return html(body)


def fold(text: str) -> str:
    """Lower case without accents, so "cavusoglu" finds "Çavuşoğlu"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def match_rank(folded: str, query: str) -> int:
    """0 for the whole name, 1 for its start, 2 for the start of a word, 3 for anywhere inside."""
    if folded == query:
        return 0
    if folded.startswith(query):
        return 1
    if any(word.startswith(query) for word in folded.split()):
        return 2
    return 3


@blueprint.route("/search")
def search() -> Response:
    """Names and aliases containing the query, best matches first, one page at a time."""
    query = " ".join(request.args.get("q", "").split())[:200]
    results: list[dict[str, Any]] = []
    if query:
        results = search_results(query)
    pages = pages_for(len(results))
    page = min(requested_page("page"), pages)
    shown = results[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    body = render_template(
        "search.html", query=query, results=shown, total=len(results), page=page, pages=pages
    )
    return html(body)


@dataclass
class Named:
    """One searchable resource: its names (labels and aliases) folded for matching, its label and kinds."""

    iri: str
    names: list[ox.Literal] = field(default_factory=list)
    folded: list[str] = field(default_factory=list)
    labels: list[ox.Literal] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)


NAMES = """
SELECT DISTINCT ?item ?name ?isLabel ?kind WHERE {
  { ?item rdfs:label|dcterms:title ?name BIND(true AS ?isLabel) } UNION { ?item skos:altLabel ?name }
  FILTER(isIRI(?item))
  OPTIONAL { ?item a ?kind }
}
"""


def name_index() -> dict[str, Named]:
    """Every named resource, read once per store version: search then runs over folded names in Python."""
    index: dict[str, Named] = {}
    for row in context().store.query(NAMES):
        entry = index.setdefault(row["item"].value, Named(row["item"].value))
        name = row["name"]
        if name not in entry.names:
            entry.names.append(name)
            entry.folded.append(fold(name.value))
        if row["isLabel"] is not None and name not in entry.labels:
            entry.labels.append(name)
        if row["kind"] is not None:
            entry.kinds.add(row["kind"].value)
    return index


def search_results(query: str) -> list[dict[str, Any]]:
    """Resources with a name containing the query (case and accents ignored), best matches first."""
    wanted = fold(query)
    linker = context().linker
    results = []
    for entry in remembered("name-index", name_index).values():
        ranks = [match_rank(folded, wanted) for folded in entry.folded if wanted in folded]
        if not ranks:
            continue
        kind = next((local for local in KIND_ORDER if str(DG) + local in entry.kinds), None)
        label = preferred_label(entry.labels) or preferred_label(entry.names)
        shown = label.value if label is not None else ""
        results.append(
            {
                "item": linker.view(ox.NamedNode(entry.iri), label),
                "kind": kind,
                "matched": sorted(
                    {name.value for name in entry.names if wanted in fold(name.value)} - {shown}
                ),
                "rank": (min(ranks), KIND_ORDER.index(kind) if kind else len(KIND_ORDER)),
            }
        )
    results.sort(key=lambda result: (result["rank"], result["item"].text.casefold(), result["item"].value))
    return results
