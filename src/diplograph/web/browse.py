"""Browse and find: paginated indexes of meetings, people, states, organizations, articles and positions,
and a search over names and aliases. Every list is one page at a time, so a big graph stays fast.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request, url_for

from diplograph.graph.namespaces import DG
from diplograph.web import context
from diplograph.web.caching import watch
from diplograph.web.entities import entities, maybe_named, named
from diplograph.web.listings import LISTINGS, PAGE_SIZE, Ordered, listing_order, listing_rows
from diplograph.web.meeting_index import MeetingIndex, meeting_index
from diplograph.web.pages import html, requested_page
from diplograph.web.position_index import position_index
from diplograph.web.terms import TermView, preferred_label
from diplograph.web.versioned import per_version

blueprint = watch(Blueprint("browse", __name__))

#: Which kinds come first among search results with the same match quality.
KIND_ORDER = ("Person", "State", "Organization", "Meeting", "City", "Place", "Article", "Position")
#: How many places and participants the meeting filters offer.
FILTER_CHOICES = 300


@blueprint.app_template_global()
def page_url(**changes: Any) -> str:
    """The current URL with some query parameters changed (for pagers and filters); None removes one."""
    arguments: dict[str, Any] = request.args.to_dict(flat=False)
    for name, value in changes.items():
        if value is None:
            arguments.pop(name, None)
        else:
            arguments[name] = [str(value)]
    return url_for(request.endpoint or "pages.home", **(request.view_args or {}), **arguments)


def pages_for(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def view_of(term: Any, label: Any = None) -> TermView | None:
    return context().linker.view(term, label) if term is not None else None


def listing_page(name: str, order: Ordered | None = None, filters: dict[str, Any] | None = None) -> Response:
    """One page of a listing, in the order computed for the store version (or the filtered ``order``)."""
    listing = LISTINGS[name]
    order = order or listing_order(name)
    total = len(order.items)
    pages = pages_for(total)
    page = min(requested_page("page"), pages)
    items = order.items[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    rows = listing_rows(name, items, order.dates)
    body = render_template(
        "index.html",
        listing=listing,
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        view_of=view_of,
        filters=filters or {},
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
    """Positions newest first; ``holder=IRI`` keeps one holder's (a state's include its people's) and
    ``stance=support|oppose|neutral|other`` one stance."""
    holder = iri_argument("holder")
    stance = request.args.get("stance", "").strip()
    stance = stance if stance in STANCES else ""
    if not holder and not stance:
        return listing_page("positions")
    index = position_index()
    entries = index.entries
    if holder:
        entries = [entries[i] for i in index.held_by([holder, *entities().served_by.get(holder, ())])]
    if stance:
        wanted = str(DG[stance])
        entries = [entry for entry in entries if entry.stance is not None and entry.stance.value == wanted]
    order = Ordered([e.iri for e in entries], {e.iri: e.date for e in entries if e.date is not None})
    filters = {"holder": named(ox.NamedNode(holder)) if holder else None, "stance": stance}
    return listing_page("positions", order, filters)


STANCES = ("support", "oppose", "neutral", "other")


def iri_argument(name: str) -> str:
    """A request argument that is a well-formed http(s) IRI, else '' (ignored, as a form would)."""
    value = request.args.get(name, "").strip()
    if not value.startswith(("http://", "https://")):
        return ""
    try:
        return ox.NamedNode(value).value
    except ValueError:
        return ""


def meeting_filters() -> dict[str, str]:
    """The filters of the request that are well formed (others are ignored, as a form would)."""
    active: dict[str, str] = {}
    year = request.args.get("year", "").strip()
    if len(year) == 4 and year.isdigit():
        active["year"] = year
    for name in ("place", "participant", "status"):
        value = request.args.get(name, "").strip()
        if value.startswith(("http://", "https://")):
            try:
                active[name] = ox.NamedNode(value).value
            except ValueError:
                continue
    return active


def filter_options() -> dict[str, list[Any]]:
    """The values offered by the filter form, once per store version: years, places by name, the most
    frequent participants, and the statuses of the ontology."""

    def compute() -> dict[str, list[Any]]:
        index, known = meeting_index(), entities()

        def by_name(iri: str) -> tuple[bool, str, str]:
            label = known.label(iri)
            return label is not None, label.value if label is not None else "", iri

        counts = Counter(agent for entry in index.entries for agent in entry.participants)
        frequent = sorted(counts, key=lambda agent: (-counts[agent], *by_name(agent)))
        statuses = sorted(iri for iri, kinds in known.kinds.items() if str(DG.MeetingStatus) in kinds)
        return {
            "years": sorted({entry.date.value[:4] for entry in index.entries if entry.date}, reverse=True),
            "places": [
                named(ox.NamedNode(iri), known=known)
                for iri in sorted(index.hosting, key=by_name)[:FILTER_CHOICES]
            ],
            "participants": [named(ox.NamedNode(iri), known=known) for iri in frequent[:FILTER_CHOICES]],
            "statuses": [named(ox.NamedNode(iri), known=known) for iri in statuses],
        }

    return per_version("meeting-filters", compute)


def meeting_rows(index: MeetingIndex, positions: list[int]) -> list[dict[str, Any]]:
    known = entities()
    rows = []
    for position in positions:
        entry = index.entries[position]
        rows.append(
            {
                "meeting": maybe_named(ox.NamedNode(entry.iri), known=known),
                "date": entry.date.value if entry.date is not None else None,
                "status": maybe_named(entry.status, known=known),
                "place": maybe_named(entry.place, known=known),
            }
        )
    return rows


@blueprint.route("/meetings")
def meetings() -> Response:
    """Meetings newest first, filtered by year, place, participant (itself or represented) and status."""
    index = meeting_index()
    active = meeting_filters()
    found = index.select(**active)
    total = len(found)
    pages = pages_for(total)
    page = min(requested_page("page"), pages)
    rows = meeting_rows(index, found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE])
    body = render_template(
        "meetings.html", rows=rows, total=total, page=page, pages=pages, chosen=active, **filter_options()
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
    found: list[Named] = search_index(fold(query)) if query else []
    pages = pages_for(len(found))
    page = min(requested_page("page"), pages)
    shown = [result(entry, fold(query)) for entry in found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]]
    body = render_template(
        "search.html", query=query, results=shown, total=len(found), page=page, pages=pages
    )
    return html(body)


@dataclass(frozen=True, slots=True)
class Named:
    """One searchable resource: its names (labels, titles and aliases) folded for matching, the name shown
    for it and the first of its kinds in ``KIND_ORDER``."""

    iri: str
    names: tuple[ox.Literal, ...]
    folded: tuple[str, ...]
    joined: str  # the folded names, one a line: one containment test per resource
    label: ox.Literal | None
    text: str  # how the result reads, folded by case for sorting
    kind: str | None

    @property
    def kind_rank(self) -> int:
        return KIND_ORDER.index(self.kind) if self.kind else len(KIND_ORDER)


def name_index() -> list[Named]:
    """Every named resource, from the entity index, once per store version: search then runs over folded
    names in Python."""
    known, linker = entities(), context().linker
    index = []
    for iri in {*known.labels, *known.titles, *known.aliases}:
        labels = [*known.labels.get(iri, ()), *known.titles.get(iri, ())]
        names = tuple(dict.fromkeys([*labels, *known.aliases.get(iri, ())]))
        label = preferred_label(labels) or preferred_label(list(names))
        folded = tuple(fold(name.value) for name in names)
        kinds = known.kinds.get(iri, set())
        kind = next((local for local in KIND_ORDER if str(DG) + local in kinds), None)
        text = label.value if label is not None else linker.fallback_label(iri)
        index.append(Named(iri, names, folded, "\n".join(folded), label, text.casefold(), kind))
    return index


def search_index(wanted: str) -> list[Named]:
    """Resources with a name containing ``wanted`` (folded), best matches first: the whole name, its start,
    a word's start, anywhere; then people, states… before other kinds; then by name."""
    ranked = []
    for entry in per_version("name-index", name_index):
        if wanted in entry.joined:
            rank = min(match_rank(folded, wanted) for folded in entry.folded if wanted in folded)
            ranked.append(((rank, entry.kind_rank, entry.text, entry.iri), entry))
    ranked.sort(key=lambda pair: pair[0])
    return [entry for _, entry in ranked]


def result(entry: Named, wanted: str) -> dict[str, Any]:
    """What the results page shows of one match: the resource, its kind, the other names that matched."""
    shown = entry.label.value if entry.label is not None else ""
    matched = {name.value for name, folded in zip(entry.names, entry.folded, strict=True) if wanted in folded}
    return {
        "item": context().linker.view(ox.NamedNode(entry.iri), entry.label),
        "kind": entry.kind,
        "matched": sorted(matched - {shown}),
    }
