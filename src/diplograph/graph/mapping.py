"""Findings → the RDF graph of one article, under our ontology (see docs/model.md).

The graph is self-contained: it carries the article, its meeting reports, participations and positions
with their evidence, and the type, label and Wikidata link of every entity they mention, so an article can
be validated, stored and replaced on its own.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, XSD

from diplograph.articles import Article
from diplograph.extract.model import (
    Entity,
    Findings,
    MeetingFinding,
    PartialDate,
    Participant,
    PositionFinding,
    Precision,
    Span,
)
from diplograph.graph.eventcodes import event_codes
from diplograph.graph.namespaces import DG, OA, SCHEMA, WD, bind_prefixes
from diplograph.graph.uris import Minter, slugify

KIND_OF_ENTITY = {
    "person": "person",
    "country": "country",
    "city": "city",
    "organization": "organization",
    "region": "place",
}
CLASS_OF_ENTITY = {
    "person": DG.Person,
    "country": DG.State,
    "city": DG.City,
    "organization": DG.Organization,
    "region": DG.Place,
}
DATATYPE_OF_PRECISION = {Precision.DAY: XSD.date, Precision.MONTH: XSD.gYearMonth, Precision.YEAR: XSD.gYear}


def date_literal(value: PartialDate) -> Literal:
    return Literal(value.isoformat(), datatype=DATATYPE_OF_PRECISION[value.precision])


class ArticleMapper:
    """Builds one article's graph; holds the minter and the graph being built, nothing else."""

    def __init__(self, article: Article, minter: Minter, entities: dict[str, Entity] | None = None) -> None:
        self.article = article
        self.minter = minter
        self.entities = entities or {}
        self.graph = bind_prefixes(Graph(identifier=minter.article_graph(article.id)))
        self.article_iri = minter.resource("article", article.id)
        self.slugs: set[tuple[str, str]] = set()

    def map(self, findings: Findings) -> Graph:
        self._article()
        for finding in findings.meetings:
            self._meeting_report(finding)
        for position in findings.positions:
            self._position(position)
        return self.graph

    # -- sources ---------------------------------------------------------------------------------------

    def _article(self) -> None:
        article, iri, add = self.article, self.article_iri, self.graph.add
        add((iri, RDF.type, DG.Article))
        add((iri, DCTERMS.identifier, Literal(article.id)))
        add((iri, RDFS.label, Literal(article.title or article.id, lang="en")))
        add((iri, DG.text, Literal(article.text)))
        if article.digest:
            add((iri, DG.sourceDigest, Literal(article.digest)))
        if article.title:
            add((iri, DCTERMS.title, Literal(article.title)))
        if article.published:
            add((iri, DCTERMS.issued, Literal(article.published.isoformat(), datatype=XSD.date)))
        if article.url:
            add((iri, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
        if article.publisher:
            publisher = self.minter.resource("publisher", slugify(article.publisher))
            add((iri, DCTERMS.publisher, publisher))
            add((publisher, RDF.type, DG.Publisher))
            add((publisher, RDFS.label, Literal(article.publisher, lang="en")))
        for author in article.authors:
            person = self.minter.resource("person", slugify(author))
            add((iri, DCTERMS.creator, person))
            add((person, RDF.type, DG.Person))
            add((person, RDFS.label, Literal(author, lang="en")))

    def _evidence(self, span: Span) -> URIRef:
        """A Web Annotation specific resource: the article, a position selector and a quote selector."""
        iri = self.minter.resource("evidence", f"{self.article.id}-{span.start}-{span.end}")
        position, quote = URIRef(f"{iri}#position"), URIRef(f"{iri}#quote")
        add = self.graph.add
        add((iri, RDF.type, DG.Evidence))
        add((iri, OA.hasSource, self.article_iri))
        add((iri, OA.hasSelector, position))
        add((iri, OA.hasSelector, quote))
        add((position, RDF.type, OA.TextPositionSelector))
        add((position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        add((position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        add((quote, RDF.type, OA.TextQuoteSelector))
        add((quote, OA.exact, Literal(span.of(self.article.text))))
        return iri

    def _claim(self, iri: URIRef, evidence: tuple[Span, ...], rule: str) -> None:
        self.graph.add((iri, DG.source, self.article_iri))
        for span in evidence:
            self.graph.add((iri, DG.evidence, self._evidence(span)))
        if rule:
            self.graph.add((iri, DG.extractedBy, Literal(rule)))

    # -- entities --------------------------------------------------------------------------------------

    def entity(self, entity: Entity) -> URIRef:
        iri = self.minter.resource(KIND_OF_ENTITY[entity.kind], entity.key)
        add = self.graph.add
        add((iri, RDF.type, CLASS_OF_ENTITY[entity.kind]))
        add((iri, RDFS.label, Literal(entity.label, lang="en")))
        if entity.wikidata:
            add((iri, OWL.sameAs, WD[entity.wikidata]))
        state = self.entities.get(entity.country or "")
        if state is not None and entity.kind != "country":
            state_iri = self.entity(state)
            add((iri, DG.represents if entity.kind == "person" else DG.country, state_iri))
        return iri

    def _state(self, key: str | None) -> URIRef | None:
        state = self.entities.get(key or "")
        return self.entity(state) if state is not None and state.kind == "country" else None

    # -- meetings and positions ------------------------------------------------------------------------

    def _unique(self, kind: str, slug: str) -> str:
        """``slug``, or ``slug-2``, ``slug-3`` … for the next findings of the same words: one trigger can
        report several meetings ("meetings with each of the five leaders"), one quote have two holders."""
        number, unique = 1, slug
        while (kind, unique) in self.slugs:
            number += 1
            unique = f"{slug}-{number}"
        self.slugs.add((kind, unique))
        return unique

    def _meeting_report(self, finding: MeetingFinding) -> URIRef:
        slug = self._unique("report", f"{self.article.id}-{finding.trigger.start}")
        iri = self.minter.resource("report", slug)
        add = self.graph.add
        add((iri, RDF.type, DG.MeetingReport))
        add((iri, RDFS.label, Literal(report_label(finding), lang="en")))
        add((iri, DG.status, DG[finding.status.value]))
        add((iri, DG.meetingKind, DG[finding.kind]))
        cameo, plover = event_codes(finding)
        add((iri, DG.cameoCode, DG[f"cameo-{cameo}"]))
        if plover:
            add((iri, DG.ploverMode, DG[f"plover-{plover}"]))
        if finding.date:
            add((iri, DG.date, date_literal(finding.date)))
        if finding.place:
            add((iri, DG.place, self.entity(finding.place)))
        self._claim(iri, finding.evidence, finding.rule)
        for participant in finding.participants:
            add((iri, DG.participation, self._participation(slug, participant, finding)))
        return iri

    def _participation(self, report_slug: str, participant: Participant, finding: MeetingFinding) -> URIRef:
        iri = self.minter.resource("participation", f"{report_slug}-{participant.entity.key}")
        add = self.graph.add
        add((iri, RDF.type, DG.Participation))
        add((iri, DG.participant, self.entity(participant.entity)))
        add((iri, DG.isHost, Literal(participant.is_host)))
        if participant.role:
            add((iri, DG.role, Literal(participant.role)))
        state = self._state(participant.represents)
        if state is not None:
            add((iri, DG.represents, state))
        self._claim(iri, finding.evidence, finding.rule)
        return iri

    def _position(self, position: PositionFinding) -> URIRef:
        slug = self._unique("position", f"{self.article.id}-{position.quote.start}")
        iri = self.minter.resource("position", slug)
        add = self.graph.add
        quote = position.quote.of(self.article.text)
        add((iri, RDF.type, DG.Position))
        add(
            (
                iri,
                RDFS.label,
                Literal(f"{position.holder.label} on {position.topic}: {position.stance.value}", lang="en"),
            )
        )
        add((iri, DG.holder, self.entity(position.holder)))
        add((iri, DG.topic, Literal(position.topic)))
        add((iri, DG.stance, DG[position.stance.value]))
        add((iri, DG.quote, Literal(quote)))
        add((iri, DG.quoteEvidence, self._evidence(position.quote)))
        if position.date:
            add((iri, DG.date, date_literal(position.date)))
        self._claim(iri, (position.sentence,), position.rule)
        return iri


def report_label(finding: MeetingFinding) -> str:
    names = [p.entity.label for p in finding.participants]
    who = (
        ", ".join(names[:-1]) + f" and {names[-1]}"
        if len(names) > 1
        else (names[0] if names else "Unknown parties")
    )
    where = f" in {finding.place.label}" if finding.place else ""
    when = f" ({finding.date.isoformat()})" if finding.date else ""
    return f"Meeting of {who}{where}{when}, {finding.status.value}"


def map_article(article: Article, findings: Findings, minter: Minter, entities: dict[str, Entity]) -> Graph:
    """The named graph of one article."""
    return ArticleMapper(article, minter, entities).map(findings)
