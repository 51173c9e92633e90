"""The index pages of people, states, organizations, articles and positions: their order and the columns of
one page of items.

Each listing's order is computed once per store version — by name from the entity index, or newest first
by date — since sorting thousands of items in the engine (through a label the union default graph repeats
once per article) on every page cost seconds on a big graph. A page then reads the columns of its own 50
items only, bound in a VALUES block, and names them from the entity index.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from diplograph.graph.namespaces import DG
from diplograph.store import GraphStore
from diplograph.web import bindings, context
from diplograph.web.entities import Entities, entities
from diplograph.web.meeting_index import meeting_index
from diplograph.web.position_index import position_index
from diplograph.web.versioned import per_version

PAGE_SIZE = 50


@dataclass(frozen=True)
class Listing:
    """One index page: its title, the class it lists and its column headings."""

    name: str
    title: str
    class_name: str
    headings: tuple[str, ...]


LISTINGS: dict[str, Listing] = {
    "people": Listing("people", "People", "Person", ("Name", "Serves", "Meetings", "Wikidata")),
    "states": Listing("states", "States", "State", ("Name", "Meetings", "Wikidata")),
    "organizations": Listing(
        "organizations", "Organizations", "Organization", ("Name", "Meetings", "Wikidata")
    ),
    "articles": Listing(
        "articles", "Articles", "Article", ("Title", "Published", "Publisher", "Meetings", "Positions")
    ),
    "positions": Listing(
        "positions", "Positions", "Position", ("Position", "Date", "Holder", "Stance", "Topic")
    ),
}

ARTICLE_DATES = "SELECT ?item ?issued WHERE { ?item a dg:Article OPTIONAL { ?item dcterms:issued ?issued } }"
#: Publisher and claim counts of one page of articles (``?item`` bound to the page's IRIs).
ARTICLE_COLUMNS = """
SELECT ?item ?publisher (COUNT(DISTINCT ?report) AS ?reports) (COUNT(DISTINCT ?position) AS ?positions)
WHERE {
  OPTIONAL { ?item dcterms:publisher ?publisher }
  OPTIONAL { ?report dg:source ?item ; a dg:MeetingReport }
  OPTIONAL { ?position dg:source ?item ; a dg:Position }
} GROUP BY ?item ?publisher
"""


@dataclass(frozen=True)
class Ordered:
    """A listing's items in page order, with the date shown beside each where the listing sorts by date."""

    items: list[str]
    dates: dict[str, ox.Literal]


def by_name(known: Entities, class_name: str) -> Ordered:
    """Instances of the class by their lower-cased smallest label (else their IRI), then IRI."""
    kind = str(DG) + class_name
    items = [iri for iri, kinds in known.kinds.items() if kind in kinds]

    def key(iri: str) -> tuple[str, str]:
        labels = [label.value.lower() for label in known.labels.get(iri, ())]
        return (min(labels) if labels else iri.lower()), iri

    return Ordered(sorted(items, key=key), {})


def articles_by_date(store: GraphStore) -> Ordered:
    """Articles newest first (``DESC(?issued)``, then IRI; undated last)."""
    dates: dict[str, ox.Literal] = {}
    items: set[str] = set()
    for row in store.query(ARTICLE_DATES):
        iri, issued = row["item"].value, row["issued"]
        items.add(iri)
        if isinstance(issued, ox.Literal) and (iri not in dates or issued.value < dates[iri].value):
            dates[iri] = issued
    ordered = sorted(items)
    ordered.sort(key=lambda iri: dates[iri].value if iri in dates else "", reverse=True)
    return Ordered(ordered, dates)


def positions_by_date() -> Ordered:
    entries = position_index().entries
    return Ordered([entry.iri for entry in entries], {e.iri: e.date for e in entries if e.date is not None})


def listing_order(name: str) -> Ordered:
    """The order of a listing, once per store version."""

    def compute() -> Ordered:
        if name == "articles":
            return articles_by_date(context().store)
        if name == "positions":
            return positions_by_date()
        return by_name(entities(), LISTINGS[name].class_name)

    return per_version(f"listing:{name}", compute)


def listing_rows(name: str, items: list[str], dates: dict[str, ox.Literal]) -> list[dict[str, Any]]:
    """The columns of one page of a listing, in page order."""
    known = entities()
    rows: list[dict[str, Any]] = [
        {"item": ox.NamedNode(iri), "name": known.name(iri), "date": dates.get(iri)} for iri in items
    ]
    if name in ("people", "states", "organizations"):
        meetings = meeting_index()
        for row in rows:
            iri = row["item"].value
            served = known.states_served(iri)
            row |= {"meetings": meetings.participations(iri), "wikidata": known.wikidata(iri)}
            row |= {"serves": served[0] if served else None}
            row["servesName"] = known.label(served[0].value) if served else None
    elif name == "articles":
        add_article_columns(rows, known)
    elif name == "positions":
        add_position_columns(rows, known)
    return rows


def add_article_columns(rows: list[dict[str, Any]], known: Entities) -> None:
    if not rows:
        return
    sparql = bindings.bind_rows(ARTICLE_COLUMNS, ["item"], [[row["item"]] for row in rows])
    found = {row["item"].value: row for row in context().store.query(sparql)}
    for row in rows:
        columns = found.get(row["item"].value)
        publisher = columns["publisher"] if columns is not None else None
        name = known.label(publisher.value) if isinstance(publisher, ox.NamedNode) else None
        row["publisher"] = name.value if name is not None else None
        row["reports"] = int(columns["reports"].value) if columns is not None else 0
        row["positions"] = int(columns["positions"].value) if columns is not None else 0


def add_position_columns(rows: list[dict[str, Any]], known: Entities) -> None:
    by_iri = position_index().by_iri
    for row in rows:
        entry = by_iri.get(row["item"].value)
        holder = entry.holder if entry is not None else None
        row["holder"] = holder
        row["holderName"] = known.label(holder.value) if holder is not None else None
        row["stance"] = entry.stance if entry is not None else None
        row["topic"] = entry.topic.value if entry is not None and entry.topic is not None else None
