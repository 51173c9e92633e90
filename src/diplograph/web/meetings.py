"""The meeting view: a news fact box for a canonical meeting (or one article's report of it).

A canonical ``dg:Meeting`` gathers its ``dg:MeetingReport``s; each report names its article and the
sentence it was read from, which the page shows highlighted inside its paragraph. The queries read IRIs
with the meeting bound; names and Wikidata links come from the entity index.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from markupsafe import Markup

from diplograph.graph.namespaces import DG
from diplograph.web.marks import Span, highlight, paragraph_around
from diplograph.web.resources import ResourceReader, ResourceView
from diplograph.web.terms import TermView, preferred_label

PRECISIONS = {"xsd:date": "day", "xsd:gYearMonth": "month", "xsd:gYear": "year"}

PARTICIPANTS = """
SELECT DISTINCT ?resource ?participation ?agent ?role ?state ?host WHERE {
  %BRANCH%
  ?participation dg:participant ?agent .
  OPTIONAL { ?participation dg:role ?role }
  OPTIONAL { ?participation dg:represents ?state }
  OPTIONAL { ?participation dg:isHost ?host }
}
"""

#: Every report of the meeting (for a report: of its meeting) with its article and evidence spans. An
#: OPTIONAL of more than three patterns is planned apart from the bound report (a scan of every selector),
#: so the span's end is an OPTIONAL of its own.
REPORTS = """
SELECT DISTINCT ?resource ?report ?article ?issued ?publisher ?status ?date ?evidence ?start ?end ?text
WHERE {
  %BRANCH%
  ?report dg:source ?article .
  OPTIONAL { ?article dcterms:issued ?issued }
  OPTIONAL { ?article dcterms:publisher ?publisher }
  OPTIONAL { ?report dg:status ?status }
  OPTIONAL { ?report dg:date ?date }
  OPTIONAL { ?article dg:text ?text }
  OPTIONAL { ?report dg:evidence ?evidence . ?evidence oa:hasSelector ?selector . ?selector oa:start ?start
             OPTIONAL { ?selector oa:end ?end } }
}
"""


#: The ways from a meeting (or a report) to the participations of its reports.
PARTICIPATION_PATHS = (
    "?resource dg:participation ?participation .",
    "?resource dg:hasReport ?report . ?report dg:participation ?participation .",
    "?report dg:reportOf ?resource . ?report dg:participation ?participation .",
)
#: The ways from a meeting (or a report) to every report of the same meeting.
REPORT_PATHS = (
    "?resource dg:hasReport ?report .",
    "?report dg:reportOf ?resource .",
    "?resource dg:reportOf ?meeting . ?meeting dg:hasReport ?report .",
    "?resource dg:reportOf ?meeting . ?report dg:reportOf ?meeting .",
)


@dataclass
class MeetingParticipant:
    """One agent at the meeting, with every role and state the reports give it."""

    agent: TermView
    wikidata: TermView | None = None
    roles: list[str] = field(default_factory=list)
    states: list[TermView] = field(default_factory=list)
    is_host: bool = False


@dataclass
class MeetingReportView:
    """One article's account: where it was published, what status it gave, the sentences it rests on."""

    report: TermView
    article: TermView
    issued: str | None
    publisher: str | None
    status: TermView | None
    date: TermView | None
    excerpts: list[Markup] = field(default_factory=list)
    current: bool = False


@dataclass
class MeetingView:
    base: ResourceView
    is_report: bool
    meeting: TermView | None
    date: TermView | None
    precision: str | None
    status: TermView | None
    kind: TermView | None
    place: TermView | None
    hosts: list[TermView]
    participants: list[MeetingParticipant]
    reports: list[MeetingReportView]


def read_meeting(reader: ResourceReader, base: ResourceView) -> MeetingView:
    """The fact box of a meeting or a report, from its generic view and two queries."""
    date = base.first(str(DG.date))
    is_report = base.has_type("MeetingReport")
    return MeetingView(
        base=base,
        is_report=is_report,
        meeting=base.first(str(DG.reportOf)) if is_report else None,
        date=date,
        precision=PRECISIONS.get(date.datatype or "") if date else None,
        status=base.first(str(DG.status)),
        kind=base.first(str(DG.meetingKind)),
        place=base.first(str(DG.place)),
        hosts=base.all(str(DG.host)),
        participants=read_participants(reader, base.iri),
        reports=read_reports(reader, base.iri),
    )


def read_participants(reader: ResourceReader, iri: str) -> list[MeetingParticipant]:
    """Each agent once, with every role and state the reports give it; names come from the entity index."""
    found: dict[str, MeetingParticipant] = {}
    for row in reader.run_each(PARTICIPANTS, PARTICIPATION_PATHS, iri):
        agent = row["agent"]
        entry = found.get(agent.value)
        if entry is None:
            entry = found[agent.value] = MeetingParticipant(agent=reader.named(agent))
            if isinstance(agent, ox.NamedNode):
                entry.wikidata = reader.linker.wikidata(reader.known.wikidata(agent.value))
        if row["role"] is not None and row["role"].value not in entry.roles:
            entry.roles.append(row["role"].value)
        if row["state"] is not None and all(state.value != row["state"].value for state in entry.states):
            entry.states.append(reader.named(row["state"]))
        if row["host"] is not None and row["host"].value in ("true", "1"):
            entry.is_host = True
    return sorted(found.values(), key=lambda entry: (not entry.is_host, entry.agent.text))


def title_of(reader: ResourceReader, article: ox.NamedNode) -> ox.Literal | None:
    """An article's title (``dcterms:title``); an article without one is shown by its IRI."""
    titles = reader.known.titles.get(article.value)
    return preferred_label(titles) if titles else None


def read_reports(reader: ResourceReader, iri: str) -> list[MeetingReportView]:
    """Reports in publication order, each with its evidence sentences highlighted in their paragraphs."""
    reports: dict[str, MeetingReportView] = {}
    spans: dict[str, set[tuple[int, int]]] = defaultdict(set)
    texts: dict[str, str] = {}
    for row in reader.run_each(REPORTS, REPORT_PATHS, iri):
        report = row["report"].value
        if report not in reports:
            publisher = reader.known.label(row["publisher"].value) if row["publisher"] is not None else None
            reports[report] = MeetingReportView(
                report=reader.named(row["report"]),
                article=reader.linker.view(row["article"], title_of(reader, row["article"])),
                issued=row["issued"].value if row["issued"] is not None else None,
                publisher=publisher.value if publisher is not None else None,
                status=reader.maybe_named(row["status"]),
                date=reader.linker.view(row["date"]) if row["date"] is not None else None,
                current=report == iri,
            )
        if row["text"] is not None:
            texts[report] = row["text"].value
        if row["start"] is not None and row["end"] is not None:
            spans[report].add((int(row["start"].value), int(row["end"].value)))
    for report, view in reports.items():
        text = texts.get(report, "")
        for start, end in sorted(spans[report]):
            paragraph, offset = paragraph_around(text, start, end)
            span = Span(start - offset, end - offset, "meeting", "the sentence this report comes from")
            view.excerpts.append(highlight(paragraph, [span]))
    return sorted(reports.values(), key=lambda view: (view.issued or "9999", view.article.text))
