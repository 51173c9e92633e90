"""``/timeline`` and ``/network``: the meetings on a time axis and who met whom, as server-drawn SVG.

Each picture comes as an HTML page (the SVG inline, so its marks are links, plus the same facts as a list
for readers who cannot see it) and as a standalone ``.svg``. Both are drawn from the meeting index (read
once per store version): the timeline slices its date order, the network its counts of meetings shared.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request
from markupsafe import Markup

from diplograph.web import context
from diplograph.web.caching import watch
from diplograph.web.entities import Entities, entities
from diplograph.web.meeting_index import meeting_index
from diplograph.web.pages import html
from diplograph.web.svg import Edge, Node, TimelineItem, network_svg, timeline_svg
from diplograph.web.terms import TermView, is_english
from diplograph.web.versioned import per_version

blueprint = watch(Blueprint("pictures", __name__))

TIMELINE_LIMIT = 300
NETWORK_LIMIT = 40

NETWORK_KINDS = {
    "all": ("participant", "Who met whom"),
    "people": ("participant", "Which people met"),
    "states": ("state", "Which states met (themselves or through their representatives)"),
}


def chosen_agent() -> ox.NamedNode | None:
    value = request.args.get("agent", "").strip()
    if not value.startswith(("http://", "https://")):
        return None
    try:
        return ox.NamedNode(value)
    except ValueError:
        return None


def english_label(known: Entities, iri: str) -> ox.Literal | None:
    """The label in English or untagged, as the pictures show them (else a name made from the IRI)."""
    label = known.label(iri)
    return label if label is not None and (not label.language or is_english(label.language)) else None


def timeline_rows(agent: ox.NamedNode | None) -> list[dict[str, Any]]:
    """The latest dated meetings (of the agent, itself or represented), from the meeting index."""
    index, linker, known = meeting_index(), context().linker, entities()
    found = index.attending.get(agent.value, []) if agent is not None else range(len(index.entries))
    rows = []
    for position in found:
        entry = index.entries[position]
        if entry.date is None:
            continue
        rows.append(
            {
                "meeting": linker.view(ox.NamedNode(entry.iri), english_label(known, entry.iri)),
                "date": entry.date.value,
                "status": linker.view(entry.status) if entry.status is not None else None,
            }
        )
        if len(rows) == TIMELINE_LIMIT:
            break
    return rows


def timeline_picture() -> tuple[Markup, list[dict[str, Any]], TermView | None]:
    agent = chosen_agent()
    rows = timeline_rows(agent)
    shown_agent = None
    title = "Timeline of meetings"
    if agent is not None:
        shown_agent = context().linker.view(agent, entities().label(agent.value))
        title = f"Meetings of {shown_agent.text}"
    items = [
        TimelineItem(
            row["meeting"].text,
            row["meeting"].href or "#",
            row["date"],
            row["status"].value.rpartition("#")[2] if row["status"] else "",
        )
        for row in rows
    ]
    return timeline_svg(items, title), rows, shown_agent


@blueprint.route("/timeline")
def timeline() -> Response:
    picture, rows, agent = timeline_picture()
    body = render_template("timeline.html", picture=picture, rows=rows, agent=agent, limit=TIMELINE_LIMIT)
    return html(body)


@blueprint.route("/timeline.svg")
def timeline_image() -> Response:
    return Response(str(timeline_picture()[0]), content_type="image/svg+xml; charset=utf-8")


def network_pairs(kind: str) -> dict[tuple[str, str], int]:
    """Pairs (in IRI order) of the participants, people or states of the same meetings, with how many
    meetings each pair shared, from the meeting index."""
    index, known = meeting_index(), entities()
    counts = index.states_met if NETWORK_KINDS[kind][0] == "state" else index.met
    pairs = {}
    for a, others in counts.items():
        if kind == "people" and not known.is_a(a, "Person"):
            continue
        for b, count in others.items():
            if a < b and (kind != "people" or known.is_a(b, "Person")):
                pairs[(a, b)] = count
    return pairs


def network_data(kind: str) -> tuple[list[Node], list[Edge], list[dict[str, Any]]]:
    """The most connected agents (at most ``NETWORK_LIMIT``) in name order, and the pairs among them."""
    linker, known = context().linker, entities()
    names: dict[str, str] = {}
    meetings_of: dict[str, int] = defaultdict(int)
    pairs = []
    for (a, b), count in network_pairs(kind).items():
        for iri in (a, b):
            if iri not in names:
                label = english_label(known, iri)
                names[iri] = label.value if label is not None else linker.fallback_label(iri)
        meetings_of[a] += count
        meetings_of[b] += count
        pairs.append((a, b, count))
    chosen = sorted(meetings_of, key=lambda iri: (-meetings_of[iri], names[iri], iri))[:NETWORK_LIMIT]
    chosen.sort(key=lambda iri: (names[iri].casefold(), iri))
    position = {iri: index for index, iri in enumerate(chosen)}
    nodes = [Node(names[iri], linker.href(iri)[0] or "#", meetings_of[iri]) for iri in chosen]
    edges = []
    listed = []
    for a, b, count in sorted(pairs, key=lambda pair: (-pair[2], names[pair[0]], names[pair[1]])):
        if a in position and b in position:
            title = f"{names[a]} and {names[b]}: {count} meeting{'' if count == 1 else 's'}"
            edges.append(Edge(position[a], position[b], count, title))
            listed.append(
                {
                    "a": linker.view(ox.NamedNode(a), names[a]),
                    "b": linker.view(ox.NamedNode(b), names[b]),
                    "meetings": count,
                }
            )
    return nodes, edges, listed


def network_picture() -> tuple[Markup, list[dict[str, Any]], str]:
    kind = request.args.get("kind", "all")
    if kind not in NETWORK_KINDS:
        kind = "all"
    nodes, edges, listed = per_version(f"network:{kind}", lambda: network_data(kind))
    title = NETWORK_KINDS[kind][1]
    return network_svg(nodes, edges, title), listed, kind


@blueprint.route("/network")
def network() -> Response:
    picture, pairs, kind = network_picture()
    body = render_template(
        "network.html", picture=picture, pairs=pairs, kind=kind, kinds=NETWORK_KINDS, limit=NETWORK_LIMIT
    )
    return html(body)


@blueprint.route("/network.svg")
def network_image() -> Response:
    return Response(str(network_picture()[0]), content_type="image/svg+xml; charset=utf-8")
