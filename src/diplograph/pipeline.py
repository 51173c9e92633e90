"""article → extraction → graph → validation → store, for a batch of articles.

Pure steps (extract, map, consolidate) run first; the store is written only for articles whose graph
passed SHACL validation, each article in one transaction, so a rejected or failed article never leaves
half a graph behind and never stops the rest of the batch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from rdflib import Graph, URIRef

from diplograph.articles import Article
from diplograph.config import PROJECT_ROOT, Settings
from diplograph.errors import ArticleError
from diplograph.extract import extract
from diplograph.extract.model import PartialDate
from diplograph.graph.consolidate import ReportSummary, consolidate
from diplograph.graph.mapping import map_article
from diplograph.graph.namespaces import DG, ONTOLOGY_IRI
from diplograph.graph.uris import Minter
from diplograph.link.gazetteer import Gazetteer
from diplograph.store import GraphStore
from diplograph.store.boilerplate import BoilerplateShelf
from diplograph.validate import validate_graph

log = logging.getLogger(__name__)

STORED_DIGEST = """
SELECT ?graph ?digest WHERE { GRAPH ?graph { ?article a dg:Article ; dg:sourceDigest ?digest } }
"""
REPORT_ROWS = """
SELECT ?graph ?report ?issued ?status ?kind ?date ?place ?placeLabel
       ?participant ?participantLabel ?state ?host
WHERE {
  GRAPH ?graph {
    ?report a dg:MeetingReport ; dg:status ?status ; dg:meetingKind ?kind ; dg:source ?article ;
            dg:participation ?participation .
    ?participation dg:participant ?participant ; dg:isHost ?host .
    OPTIONAL { ?participant rdfs:label ?participantLabel }
    OPTIONAL { ?participation dg:represents ?represented }
    OPTIONAL { ?participant a dg:State . BIND(?participant AS ?selfState) }
    BIND(COALESCE(?represented, ?selfState) AS ?state)
    OPTIONAL { ?article dcterms:issued ?issued }
    OPTIONAL { ?report dg:date ?date }
    OPTIONAL { ?report dg:place ?place . OPTIONAL { ?place rdfs:label ?placeLabel } }
  }
}
"""


@dataclass
class Summary:
    """What a batch did, for the CLI's closing line."""

    ingested: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.rejected)

    def line(self) -> str:
        return (
            f"{len(self.ingested)} ingested, {len(self.replaced)} replaced, {len(self.unchanged)} unchanged, "
            f"{len(self.rejected)} rejected"
        )


@dataclass
class _Pending:
    article: Article
    graph: Graph
    replaces: bool


class Pipeline:
    """Ingests articles into one store with one gazetteer and one IRI base."""

    def __init__(self, settings: Settings, store: GraphStore, gazetteer: Gazetteer | None = None) -> None:
        self.settings = settings
        self.store = store
        self.minter = Minter(settings.base)
        self.gazetteer = gazetteer or Gazetteer.load(settings.data)

    def ingest(
        self, items: Iterable[Article | ArticleError], progress: Callable[[str], None] | None = None
    ) -> Summary:
        summary = Summary()
        pending: list[_Pending] = []
        for item in items:
            if isinstance(item, ArticleError):
                summary.rejected.append(("", str(item)))
                continue
            if progress:
                progress(item.id)
            stored = self._stored_digest(item.id)
            if stored is not None and stored == item.digest:
                summary.unchanged.append(item.id)
                continue
            try:
                graph = map_article(item, extract(item, self.gazetteer), self.minter, self.gazetteer.entities)
            except Exception as error:  # a bug on one article must not stop the batch
                log.exception("extraction failed for %s", item.id)
                summary.rejected.append((item.id, f"{item.origin or item.id}: extraction failed ({error})"))
                continue
            pending.append(_Pending(item, graph, replaces=stored is not None))
        self._commit(pending, summary)
        return summary

    def _commit(self, pending: list[_Pending], summary: Summary) -> None:
        """Validate each new article graph with the meetings it joins, then write the ones that conform."""
        accepted: list[_Pending] = []
        meetings = self._meetings([])
        for item in pending:
            meetings = self._meetings([*accepted, item])
            report = validate_graph(item.graph + _about(meetings, item.graph))
            if report.conforms:
                accepted.append(item)
                continue
            first = report.violations[0]
            summary.rejected.append(
                (
                    item.article.id,
                    f"{item.article.origin or item.article.id}: does not conform to the shapes "
                    f"({len(report.violations)} violations; first: {first.message})",
                )
            )
            log.warning("%s rejected:\n%s", item.article.id, report.text())
        meetings = self._meetings(accepted)
        for item in accepted:
            self._shelve_boilerplate(item.article)
            self.store.replace_graph(self.minter.article_graph(item.article.id), item.graph)
            (summary.replaced if item.replaces else summary.ingested).append(item.article.id)
        if accepted or not self.store.named_graphs():
            self.store.replace_graph(self.minter.meetings_graph(), meetings)
        self.store.flush()

    def _shelve_boilerplate(self, article: Article) -> None:
        """Dropped lines go beside an on-disk store, for the article page; never into the graph."""
        if self.store.path is not None and article.digest and article.dropped:
            BoilerplateShelf(self.store.path).put(article.digest, article.dropped)

    def _meetings(self, pending: list[_Pending]) -> Graph:
        """Canonical meetings over every report: the stored ones not being replaced, plus the new ones."""
        replaced = {str(self.minter.article_graph(item.article.id)) for item in pending}
        rows = [row for row in self.store.select(REPORT_ROWS) if row["graph"] not in replaced]
        for item in pending:
            scratch = GraphStore.in_memory()
            scratch.replace_graph(self.minter.article_graph(item.article.id), item.graph)
            rows.extend(scratch.select(REPORT_ROWS))
        return consolidate(summarise_reports(rows), self.minter)

    def _stored_digest(self, article_id: str) -> str | None:
        rows = self.store.select(STORED_DIGEST, graph=URIRef(self.minter.article_graph(article_id)))
        return rows[0]["digest"] if rows else None

    def load_ontology(self) -> None:
        graph = Graph(identifier=URIRef(ONTOLOGY_IRI))
        graph.parse(PROJECT_ROOT / "ontology" / "diplograph.ttl", format="turtle")
        self.store.replace_graph(URIRef(ONTOLOGY_IRI), graph)


def _about(meetings: Graph, article_graph: Graph) -> Graph:
    """The part of the meetings graph that concerns this article's reports, for validating them together."""
    reports = set(article_graph.subjects(predicate=DG.source))
    part = Graph()
    for meeting in {m for r in reports for m in meetings.objects(r, DG.reportOf)}:
        for triple in meetings.triples((meeting, None, None)):
            part.add(triple)
        for report in meetings.subjects(DG.reportOf, meeting):
            for triple in meetings.triples((report, None, None)):
                part.add(triple)
    return part


def summarise_reports(rows: list[dict]) -> list[ReportSummary]:
    """Fold the one-row-per-participant query result into one summary per report."""
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["report"], []).append(row)
    summaries = []
    for iri, group in sorted(grouped.items()):
        first = group[0]
        summaries.append(
            ReportSummary(
                iri=iri,
                article_date=first["issued"] if isinstance(first["issued"], date) else None,
                status=first["status"].rsplit("#", 1)[-1],
                kind=first["kind"].rsplit("#", 1)[-1],
                date=_partial(first["date"]),
                place=first["place"],
                place_label=first["placeLabel"],
                states=frozenset(r["state"] or r["participant"] for r in group),
                participants=frozenset(r["participant"] for r in group),
                hosts=frozenset(r["participant"] for r in group if r["host"] is True),
                labels=tuple(sorted({str(r["participantLabel"]) for r in group if r["participantLabel"]})),
                source=str(first["graph"]) if first.get("graph") else None,
            )
        )
    return summaries


def _partial(value: object) -> PartialDate | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    parts = [int(part) for part in text.split("-")[:3] if part.isdigit()]
    return PartialDate(*parts) if parts else None
