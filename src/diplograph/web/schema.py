"""schema.org JSON-LD embedded in each page, so search engines read a meeting as an Event, a minister as a
Person, an article as a NewsArticle.

The JSON goes inside ``<script type="application/ld+json">``: ``<``, ``>`` and ``&`` are written as JSON
``\\u`` escapes, so no string from an article can close the script element.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from diplograph.graph.namespaces import DG
from diplograph.web.resources import OWL_SAME_AS, SKOS_ALT_LABEL, ResourceView
from diplograph.web.terms import TermView

SCHEMA_TYPES = (
    ("Meeting", "Event"),
    ("MeetingReport", "Event"),
    ("Person", "Person"),
    ("State", "Country"),
    ("Organization", "Organization"),
    ("City", "City"),
    ("Place", "Place"),
    ("Article", "NewsArticle"),
    ("Position", "Claim"),
    ("Publisher", "Organization"),
)
EVENT_STATUS = {
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
}


def schema_type(view: ResourceView) -> str:
    return next((schema for local, schema in SCHEMA_TYPES if view.has_type(local)), "Thing")


def reference(term: TermView) -> dict[str, Any]:
    """A linked thing: its IRI and its name."""
    return {"@id": term.value, "name": term.text}


def describe(view: ResourceView, page_url: str) -> dict[str, Any]:
    """The schema.org description of a resource from its generic view."""
    kind = schema_type(view)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": kind,
        "@id": view.iri,
        "name": view.label,
        "url": page_url,
    }
    same_as = [value.value for value in view.all(OWL_SAME_AS) if value.kind == "iri"]
    if same_as:
        data["sameAs"] = same_as
    aliases = [value.text for value in view.all(SKOS_ALT_LABEL)]
    if aliases:
        data["alternateName"] = aliases
    if kind == "Event":
        add_event(view, data)
    elif kind == "NewsArticle":
        add_article(view, data)
    elif kind == "Claim":
        quote = view.first(str(DG.quote))
        if quote is not None:
            data["text"] = quote.text
        holder = view.first(str(DG.holder))
        if holder is not None:
            data["author"] = reference(holder)
    return data


def add_event(view: ResourceView, data: dict[str, Any]) -> None:
    date = view.first(str(DG.date))
    if date is not None:
        data["startDate"] = date.text
    place = view.first(str(DG.place))
    if place is not None:
        data["location"] = {"@type": "Place", **reference(place)}
    attendees = view.all(str(DG.participant))
    if attendees:
        data["attendee"] = [reference(attendee) for attendee in attendees]
    status = view.first(str(DG.status))
    if status is not None:
        local = status.value.rpartition("#")[2]
        data["eventStatus"] = EVENT_STATUS.get(local, "https://schema.org/EventScheduled")


def add_article(view: ResourceView, data: dict[str, Any]) -> None:
    for property_iri, key in (
        ("http://purl.org/dc/terms/title", "headline"),
        ("http://purl.org/dc/terms/issued", "datePublished"),
        ("https://schema.org/url", "sameAs"),
    ):
        value = view.first(property_iri)
        if value is not None:
            data[key] = value.text if key != "sameAs" else [value.text]
    publisher = view.first("http://purl.org/dc/terms/publisher")
    if publisher is not None:
        data["publisher"] = {"@type": "Organization", **reference(publisher)}


def script_json(data: dict[str, Any]) -> Markup:
    """JSON safe to place inside a script element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # noqa: S704 - escaped above for the script context
