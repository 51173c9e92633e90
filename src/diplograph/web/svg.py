"""Pictures drawn on the server as SVG: a timeline of meetings and a who-met-whom network.

Pure functions from values to markup, with a simple deterministic layout (the same graph always gives the
same picture), every label escaped, every mark a link back to its page, and a title and description for
screen readers. No script, no external asset.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

TIMELINE_WIDTH = 960
ROW_HEIGHT = 22
CHARACTER_WIDTH = 6.4  # a rough width of a 11px sans-serif character, for keeping labels apart
LABEL_LIMIT = 48


@dataclass(frozen=True)
class TimelineItem:
    label: str
    href: str
    when: str  # the lexical date: 2023-05-09, 2023-05 or 2023
    status: str = ""


@dataclass(frozen=True)
class Node:
    label: str
    href: str
    weight: int


@dataclass(frozen=True)
class Edge:
    source: int
    target: int
    weight: int
    title: str


def short(label: str) -> str:
    return label if len(label) <= LABEL_LIMIT else label[: LABEL_LIMIT - 1] + "…"


def day_number(when: str) -> tuple[float, float] | None:
    """The day (as an ordinal) a date starts on, and how many days it spans (1, a month or a year)."""
    parts = when.split("-")
    try:
        if len(parts) >= 3:
            return float(date(int(parts[0]), int(parts[1]), int(parts[2][:2])).toordinal()), 1.0
        if len(parts) == 2:
            return float(date(int(parts[0]), int(parts[1]), 1).toordinal()), 30.0
        return float(date(int(parts[0]), 1, 1).toordinal()), 365.0
    except ValueError:
        return None


def svg_open(width: float, height: float, title: str, description: str, identifier: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'class="picture" aria-labelledby="{identifier}-title {identifier}-desc">'
        f'<title id="{identifier}-title">{escape(title)}</title>'
        f'<desc id="{identifier}-desc">{escape(description)}</desc>'
    )


def timeline_svg(items: list[TimelineItem], title: str, identifier: str = "timeline") -> Markup:
    """Meetings on a time axis; a dated month or year is a bar over its span; labels never overlap."""
    dated = [(item, span) for item in items if (span := day_number(item.when)) is not None]
    dated.sort(key=lambda pair: (pair[1][0], pair[0].label))
    description = f"{len(dated)} meetings placed by date; each links to its page."
    if not dated:
        return Markup(svg_open(TIMELINE_WIDTH, 60, title, description, identifier) + "</svg>")  # noqa: S704
    first = min(span[0] for _, span in dated)
    last = max(span[0] + span[1] for _, span in dated)
    left, right = 20.0, TIMELINE_WIDTH - 20.0
    scale = (right - left) / max(last - first, 1.0)
    rows: list[list[tuple[float, float]]] = []
    ends: list[float] = []  # the right end of each row's rightmost mark
    marks = []
    for item, (start, length) in dated:
        x = left + (start - first) * scale
        bar = max(length * scale, 0.0)
        label = short(item.label)
        text_width = len(label) * CHARACTER_WIDTH + 12
        to_left = x + text_width > right
        extent = (x - text_width, x + bar) if to_left else (x, x + bar + text_width)
        row = free_row(rows, ends, extent)
        if row == len(rows):
            rows.append([])
            ends.append(extent[1])
        rows[row].append(extent)
        ends[row] = max(ends[row], extent[1])
        marks.append(timeline_mark(item, label, x, bar, 30 + row * ROW_HEIGHT, to_left))
    height = 30 + len(rows) * ROW_HEIGHT + 40
    axis = timeline_axis(first, last, left, scale, height - 30)
    body = svg_open(TIMELINE_WIDTH, height, title, description, identifier) + axis + "".join(marks) + "</svg>"
    return Markup(body)  # noqa: S704 - every text above is escaped


def free_row(rows: list[list[tuple[float, float]]], ends: list[float], extent: tuple[float, float]) -> int:
    """The first row where ``extent`` overlaps no mark (a new row if none): a row whose marks all end
    before it starts is free at once, so 300 marks need no 300 × 300 comparisons."""
    for index, taken in enumerate(rows):
        if extent[0] > ends[index] or all(extent[1] < used[0] or extent[0] > used[1] for used in taken):
            return index
    return len(rows)


def timeline_mark(item: TimelineItem, label: str, x: float, bar: float, y: float, to_left: bool) -> str:
    status = "".join(char for char in item.status if char.isalnum())
    shape = (
        f'<rect x="{x:.1f}" y="{y - 4:.1f}" width="{bar:.1f}" height="8" rx="3"/>'
        if bar >= 3
        else f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5"/>'
    )
    text_x = x - 8 if to_left else x + max(bar, 0) + 8
    anchor = "end" if to_left else "start"
    return (
        f'<a href="{escape(item.href)}" class="mark status-{status}">'
        f"<title>{escape(item.label)} — {escape(item.when)}"
        f"{' (' + escape(item.status) + ')' if item.status else ''}"
        f"</title>{shape}"
        f'<text x="{text_x:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">{escape(label)}</text></a>'
    )


def timeline_axis(first: float, last: float, left: float, scale: float, y: float) -> str:
    """A baseline with a tick at each new year (or each month when the span is short)."""
    start, end = date.fromordinal(int(first)), date.fromordinal(int(last))
    monthly = (end - start).days < 500
    ticks = []
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        day = date(year, month, 1)
        if day.toordinal() >= first and (monthly or month == 1):
            label = day.strftime("%b %Y") if monthly else str(year)
            ticks.append((left + (day.toordinal() - first) * scale, label))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    if not ticks:
        ticks.append((left, start.isoformat()))
    parts = [
        f'<g class="axis"><line x1="{left:.1f}" y1="{y:.1f}" x2="{TIMELINE_WIDTH - 20:.1f}" y2="{y:.1f}"/>'
    ]
    step = max(1, len(ticks) // 12)
    for x, label in ticks[::step]:
        parts.append(f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x:.1f}" y2="{y + 6:.1f}"/>')
        parts.append(f'<text x="{x:.1f}" y="{y + 20:.1f}" text-anchor="middle">{escape(label)}</text>')
    parts.append("</g>")
    return "".join(parts)


def network_svg(nodes: list[Node], edges: list[Edge], title: str, identifier: str = "network") -> Markup:
    """Agents on a circle (in the order given), a line for each pair that met, thicker for more meetings."""
    width, height, radius = 1200.0, 860.0, 330.0
    description = f"{len(nodes)} participants and {len(edges)} pairs who met; each name links to its page."
    parts = [svg_open(width, height, title, description, identifier)]
    places = []
    for index in range(len(nodes)):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(nodes), 1)
        places.append((width / 2 + radius * math.cos(angle), height / 2 + radius * math.sin(angle), angle))
    heaviest_edge = max((edge.weight for edge in edges), default=1)
    parts.append('<g class="edges">')
    for edge in sorted(edges, key=lambda item: (item.weight, item.source, item.target)):
        (x1, y1, _), (x2, y2, _) = places[edge.source], places[edge.target]
        width = 1 + 5 * edge.weight / heaviest_edge
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke-width="{width:.1f}">'
            f"<title>{escape(edge.title)}</title></line>"
        )
    parts.append('</g><g class="nodes">')
    heaviest_node = max((node.weight for node in nodes), default=1)
    for node, (x, y, angle) in zip(nodes, places, strict=True):
        size_of = 4 + 10 * math.sqrt(node.weight / heaviest_node)
        outward = 1 if math.cos(angle) >= -1e-9 else -1
        label_x = x + math.cos(angle) * (size_of + 6)
        label_y = y + math.sin(angle) * (size_of + 6) + 4
        anchor = "start" if outward > 0 else "end"
        parts.append(
            f'<a href="{escape(node.href)}"><title>{escape(node.label)}: {node.weight} meeting'
            f"{'' if node.weight == 1 else 's'}</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size_of:.1f}"/>'
            f'<text x="{label_x:.1f}" y="{label_y:.1f}" text-anchor="{anchor}">'
            f"{escape(short(node.label))}</text></a>"
        )
    parts.append("</g></svg>")
    return Markup("".join(parts))  # noqa: S704 - every text above is escaped
