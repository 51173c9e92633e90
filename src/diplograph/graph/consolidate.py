"""One node per real meeting: gather the reports of the same meeting under one canonical dg:Meeting.

Each article's account is a report with its own status as of the article's date. Reports are the same
meeting when they name the same place or compatible dates and share participating states, and nothing rules
it out (different places, incompatible dates, held and called off as of the same day). The result depends
only on the set of reports, never on the order of ingest: clusters are built over sorted reports and the
canonical IRI comes from the most informative report of each cluster.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from diplograph.extract.model import PartialDate
from diplograph.graph.mapping import date_literal
from diplograph.graph.namespaces import DG, bind_prefixes
from diplograph.graph.uris import Minter, slugify

MATCH_THRESHOLD = 0.5


@dataclass(frozen=True)
class ReportSummary:
    """What consolidation needs to know about one meeting report."""

    iri: str
    article_date: date | None
    status: str
    kind: str
    date: PartialDate | None
    place: str | None  # IRI
    place_label: str | None
    states: frozenset[str]  # IRIs of the parties: the states taking part, and bodies that act for no state
    participants: frozenset[str]  # IRIs of the participants
    hosts: frozenset[str]
    labels: tuple[str, ...] = ()  # participant labels, for the meeting's label
    source: str | None = None  # the article's graph: one article's reports are different meetings


def match_score(a: ReportSummary, b: ReportSummary) -> float:
    """0 when the two reports cannot be the same meeting; otherwise how much they agree (0..1)."""
    if a.place and b.place and a.place != b.place:
        return 0.0
    if a.date and b.date and not a.date.compatible(b.date):
        return 0.0
    if a.article_date and a.article_date == b.article_date and {a.status, b.status} == {"held", "cancelled"}:
        return 0.0
    shared = a.states & b.states
    if not shared:
        return 0.0
    overlap = len(shared) / len(a.states | b.states)
    same_place = bool(a.place and a.place == b.place)
    same_day = bool(a.date and b.date and a.date.compatible(b.date))
    # Place and date together make one shared party enough; either alone needs most parties in common.
    if not (same_place and same_day) and not ((same_place or same_day) and overlap >= 0.5):
        return 0.0
    return round(0.5 * overlap + 0.25 * same_place + 0.25 * same_day, 3)


def cluster(reports: list[ReportSummary]) -> list[list[ReportSummary]]:
    """Single-link clusters of matching reports, computed over reports in a fixed order."""
    ordered = sorted(reports, key=lambda r: r.iri)
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Extraction already merged the mentions of one meeting within an article, so two reports of one
    # article are two meetings: never link them, not even through a report of another article.
    sources = [{report.source} if report.source else set() for report in ordered]
    for i, first in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            if match_score(first, ordered[j]) >= MATCH_THRESHOLD:
                a, b = find(i), find(j)
                if a != b and not sources[a] & sources[b]:
                    parent[b] = a
                    sources[a] |= sources[b]
    groups: dict[int, list[ReportSummary]] = {}
    for index, report in enumerate(ordered):
        groups.setdefault(find(index), []).append(report)
    return sorted(groups.values(), key=lambda group: group[0].iri)


def _informativeness(report: ReportSummary) -> tuple[int, int, int, str]:
    precision = {None: 0, "year": 1, "month": 2, "day": 3}[
        report.date.precision.value if report.date else None
    ]
    return (-precision, -bool(report.place), -len(report.states), report.iri)


def canonical_slug(group: list[ReportSummary]) -> str:
    anchor = min(group, key=_informativeness)
    when = anchor.date.isoformat() if anchor.date else "undated"
    where = slugify(anchor.place_label) if anchor.place_label else "unplaced"
    who = "-".join(sorted(iri.rstrip("/").rsplit("/", 1)[-1] for iri in anchor.states))[:80]
    digest = hashlib.sha256(anchor.iri.encode()).hexdigest()[:6]
    return f"{when}-{where}-{who}-{digest}"


def _latest(group: list[ReportSummary]) -> ReportSummary:
    """The report of the latest article decides the current status (undated articles count as oldest)."""
    weight = {"proposed": 0, "planned": 1, "held": 2, "postponed": 3, "cancelled": 4}
    return max(group, key=lambda r: (r.article_date or date.min, weight.get(r.status, 0), r.iri))


def consolidate(reports: list[ReportSummary], minter: Minter) -> Graph:
    """The graph of canonical meetings, with links both ways to their reports and the match scores."""
    graph = bind_prefixes(Graph(identifier=minter.meetings_graph()))
    for group in cluster(reports):
        meeting = minter.resource("meeting", canonical_slug(group))
        anchor = min(group, key=_informativeness)
        graph.add((meeting, RDF.type, DG.Meeting))
        graph.add((meeting, DG.status, DG[_latest(group).status]))
        states = frozenset().union(*(r.states for r in group))
        graph.add((meeting, DG.meetingKind, DG.multilateral if len(states) > 2 else DG.bilateral))
        if anchor.date:
            graph.add((meeting, DG.date, date_literal(anchor.date)))
        place = next((r.place for r in sorted(group, key=_informativeness) if r.place), None)
        if place:
            graph.add((meeting, DG.place, URIRef(place)))
        for report in group:
            graph.add((meeting, DG.hasReport, URIRef(report.iri)))
            graph.add((URIRef(report.iri), DG.reportOf, meeting))
            score = max((match_score(report, other) for other in group if other is not report), default=1.0)
            # A Decimal, not a float: pyshacl rejects a float value typed xsd:decimal as ill-typed.
            graph.add((URIRef(report.iri), DG.matchScore, Literal(Decimal(str(score)), datatype=XSD.decimal)))
            for participant in report.participants:
                graph.add((meeting, DG.participant, URIRef(participant)))
            for host in report.hosts:
                graph.add((meeting, DG.host, URIRef(host)))
        graph.add((meeting, RDFS.label, Literal(_label(group, anchor), lang="en")))
    return graph


def _label(group: list[ReportSummary], anchor: ReportSummary) -> str:
    names = sorted({label for report in group for label in report.labels})
    who = (
        ", ".join(names[:-1]) + f" and {names[-1]}"
        if len(names) > 1
        else (names[0] if names else "unknown parties")
    )
    where = f" in {anchor.place_label}" if anchor.place_label else ""
    when = f" ({anchor.date.isoformat()})" if anchor.date else ""
    return f"Meeting of {who}{where}{when}"
