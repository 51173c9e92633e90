"""``/timeline`` and ``/network``: the meetings on a time axis and who met whom, as server-drawn SVG.

Each picture comes as an HTML page (the SVG inline, so its marks are links, plus the same facts as a list
for readers who cannot see it) and as a standalone ``.svg``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request
from markupsafe import Markup

from diplograph.web import context
from diplograph.web.caching import remembered, watch
from diplograph.web.pages import html
from diplograph.web.svg import Edge, Node, TimelineItem, network_svg, timeline_svg
from diplograph.web.terms import TermView

blueprint = watch(Blueprint("pictures", __name__))

TIMELINE_LIMIT = 300
NETWORK_LIMIT = 40

TIMELINE = """
SELECT {bound} ?meeting (SAMPLE(?name) AS ?label) (SAMPLE(?when) AS ?date) (SAMPLE(?state) AS ?status)
WHERE {{
  ?meeting a dg:Meeting ; dg:date ?when .
  {clause}
  OPTIONAL {{ ?meeting rdfs:label ?name FILTER(LANGMATCHES(LANG(?name), "en") || LANG(?name) = "") }}
  OPTIONAL {{ ?meeting dg:status ?state }}
}} GROUP BY {bound} ?meeting ORDER BY DESC(STR(?date)) ?meeting LIMIT {limit}
"""
AGENT_CLAUSE = (
    "{ ?meeting dg:participant ?agent } UNION { ?meeting dg:hasReport/dg:participation/dg:represents ?agent }"
)
AGENT_NAME = "SELECT ?agent ?name WHERE { ?agent rdfs:label ?name }"

#: Pairs of participants and the number of meetings they shared; the kinds of agents to draw vary.
PAIRS = """
SELECT ?a ?b (SAMPLE(?aLabel) AS ?aName) (SAMPLE(?bLabel) AS ?bName) (COUNT(DISTINCT ?meeting) AS ?meetings)
WHERE {{
  ?meeting a dg:Meeting ; {path} ?a , ?b .
  FILTER(STR(?a) < STR(?b))
  {types}
  OPTIONAL {{ ?a rdfs:label ?aLabel FILTER(LANGMATCHES(LANG(?aLabel), "en") || LANG(?aLabel) = "") }}
  OPTIONAL {{ ?b rdfs:label ?bLabel FILTER(LANGMATCHES(LANG(?bLabel), "en") || LANG(?bLabel) = "") }}
}} GROUP BY ?a ?b
"""
NETWORK_KINDS = {
    "all": ("dg:participant", "", "Who met whom"),
    "people": ("dg:participant", "?a a dg:Person . ?b a dg:Person .", "Which people met"),
    "states": (
        "(dg:participant|dg:hasReport/dg:participation/dg:represents)",
        "?a a dg:State . ?b a dg:State .",
        "Which states met (themselves or through their representatives)",
    ),
}


def chosen_agent() -> ox.NamedNode | None:
    value = request.args.get("agent", "").strip()
    if not value.startswith(("http://", "https://")):
        return None
    try:
        return ox.NamedNode(value)
    except ValueError:
        return None


def timeline_rows(agent: ox.NamedNode | None) -> list[dict[str, Any]]:
    sparql = TIMELINE.format(
        bound="?agent" if agent else "", clause=AGENT_CLAUSE if agent else "", limit=TIMELINE_LIMIT
    )
    substitutions = {ox.Variable("agent"): agent} if agent else None
    linker = context().linker
    return [
        {
            "meeting": linker.view(row["meeting"], row["label"]),
            "date": row["date"].value,
            "status": linker.view(row["status"]) if row["status"] is not None else None,
        }
        for row in context().store.query(sparql, substitutions=substitutions)
    ]


def timeline_picture() -> tuple[Markup, list[dict[str, Any]], TermView | None]:
    agent = chosen_agent()
    rows = remembered(f"timeline:{agent.value if agent else ''}", lambda: timeline_rows(agent))
    shown_agent = None
    title = "Timeline of meetings"
    if agent is not None:
        names = list(context().store.query(AGENT_NAME, substitutions={ox.Variable("agent"): agent}))
        shown_agent = context().linker.view(agent, names[0]["name"] if names else None)
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


def network_data(kind: str) -> tuple[list[Node], list[Edge], list[dict[str, Any]]]:
    """The most connected agents (at most ``NETWORK_LIMIT``) in name order, and the pairs among them."""
    path, types, _ = NETWORK_KINDS[kind]
    linker = context().linker
    names: dict[str, str] = {}
    meetings_of: dict[str, int] = defaultdict(int)
    pairs = []
    for row in context().store.query(PAIRS.format(path=path, types=types)):
        a, b, count = row["a"].value, row["b"].value, int(row["meetings"].value)
        for iri, label in ((a, row["aName"]), (b, row["bName"])):
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
    nodes, edges, listed = remembered(f"network:{kind}", lambda: network_data(kind))
    title = NETWORK_KINDS[kind][2]
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
