"""A synthetic graph shaped like ours, for benchmarks at a size the seeds cannot give.

    .venv/bin/python bench/synthetic.py --triples 1000000 -o /tmp/synthetic.nq
    .venv/bin/python bench/synthetic.py --triples 1000000 --hub 50000 -o /tmp/synthetic.nq

N-Quads as ``diplograph build`` writes them (docs/model.md, graph/mapping.py): one named graph per article
with the article and its text, meeting reports whose participations share the report's evidence, positions
with their quote and sentence evidence, and the type, label, Wikidata link and state of every entity the
article mentions; the gazetteer's people, states, bodies and cities in an entities graph; canonical meetings
(participants, hosts, reports, the latest status) in the meetings graph. Report sentences name their
participants in the text, so article pages find mentions to highlight.

``--hub N`` makes one state, Hubland (``id/country/hubland``), the worst case of a page: about N inbound
links — people and participations representing it, meetings held there, its own participations and
positions. Most articles come from one publisher, Global Wire (a resource with no typed page: the generic
view with thousands of inbound links). Deterministic for a given ``--seed``.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

BASE = "http://127.0.0.1:5000/"
DG = "https://w3id.org/diplograph/ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALT_LABEL = "<http://www.w3.org/2004/02/skos/core#altLabel>"
SAME_AS = "<http://www.w3.org/2002/07/owl#sameAs>"
OA = "http://www.w3.org/ns/oa#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def words(text: str) -> list[str]:
    return text.split()


FIRST = words("Anna Boris Chen Dmitri Elena Farid Grace Hassan Ingrid Jun Karim Leila Mateo Nadia Omar Priya")
LAST = words("Abe Blinken Costa Dlamini Erdogan Fischer Garcia Haddad Ito Jaishankar Kuleba Lavrov Modi")
STATES = words("Russia Ukraine Turkey Iran China India Japan Brazil France Germany Egypt Qatar Kenya Chile")
CITIES = words("Geneva Moscow Ankara Doha Beijing Delhi Tokyo Brasilia Paris Berlin Cairo Nairobi")
BODIES = ["United Nations", "European Union", "African Union", "NATO", "ASEAN"]
PUBLISHERS = ["Global Wire", "Daily Courier", "The Observer", "Evening Post"]
TOPICS = words("ceasefire sanctions grain-deal nuclear-talks climate trade migration energy security")
STATUSES = ["proposed", "planned", "held", "held", "held", "postponed", "cancelled"]
STANCES = ["support", "oppose", "neutral", "other"]
ROLES = ["foreign minister", "president", "prime minister", "envoy", "defence minister"]
WORDS = words(
    "talks minister foreign agreed meeting summit said delegation bilateral discussed cooperation security "
    "relations visit week officials statement peace negotiations region economic president"
)
HUB = "hubland"
#: Links a hub can take per quad written (people, participations, places, holders): sets the hub's share.
HUB_SLOTS_PER_QUAD = 0.072
SPREAD_STATES = 46  # "State 15" … beyond the named ones, so a state page is a small one

Quad = tuple[str, str, str, str]


def iri(path: str) -> str:
    return f"<{BASE}{path}>"


def term(local: str) -> str:
    return f"<{DG}{local}>"


def literal(text: str, datatype: str | None = None, language: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if datatype:
        return f'"{escaped}"^^<{XSD}{datatype}>'
    return f'"{escaped}"@{language}' if language else f'"{escaped}"'


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def person_label(index: int) -> str:
    return f"{FIRST[index % len(FIRST)]} {LAST[(index // len(FIRST)) % len(LAST)]} {index}"


@dataclass(frozen=True)
class Entity:
    """A gazetteer entry: its IRI, class, English label, Wikidata link and the state it belongs to."""

    node: str
    kind: str
    label: str
    wikidata: str = ""
    state: str = ""

    def quads(self, graph: str) -> Iterator[Quad]:
        """What every graph mentioning the entity carries about it (as ``ArticleMapper.entity`` does)."""
        yield self.node, RDF_TYPE, term(self.kind), graph
        yield self.node, LABEL, literal(self.label, language="en"), graph
        if self.wikidata:
            yield self.node, SAME_AS, f"<http://www.wikidata.org/entity/{self.wikidata}>", graph
        if self.state:
            yield self.node, term("represents" if self.kind == "Person" else "country"), self.state, graph


@dataclass
class Meeting:
    """A canonical meeting gathered from its reports, written to the meetings graph at the end."""

    node: str
    label: str
    day: str
    place: Entity
    participants: list[Entity]
    status: str = "planned"
    reports: list[str] = field(default_factory=list)


class Generator:
    """Writes entities, then articles, then the canonical meetings; ``hub_share`` of the hub's slots."""

    def __init__(self, seed: int, persons: int, hub_share: float) -> None:
        self.rng = random.Random(seed)
        self.hub_share = hub_share
        self.states = [
            Entity(iri(f"id/country/{name.lower()}"), "State", name, f"Q{100 + n}")
            for n, name in enumerate(STATES)
        ]
        self.states += [
            Entity(iri(f"id/country/state-{n}"), "State", f"State {n}", f"Q{200 + n}")
            for n in range(len(STATES), len(STATES) + SPREAD_STATES)
        ]
        self.hub = Entity(iri(f"id/country/{HUB}"), "State", "Hubland", "Q99")
        self.cities = [
            Entity(iri(f"id/city/{name.lower()}"), "City", name, f"Q{300 + n}", self.states[n].node)
            for n, name in enumerate(CITIES)
        ]
        self.publishers = [
            Entity(iri(f"id/publisher/{name.lower().replace(' ', '-')}"), "Publisher", name)
            for name in PUBLISHERS
        ]
        self.bodies = [
            Entity(
                iri(f"id/organization/{name.lower().replace(' ', '-')}"), "Organization", name, f"Q{400 + n}"
            )
            for n, name in enumerate(BODIES)
        ]
        self.persons = [
            Entity(iri(f"id/person/p{n}"), "Person", person_label(n), f"Q{1000 + n}", self.state(n + 3).node)
            for n in range(persons)
        ]
        self.meetings: list[Meeting] = []

    def hubbed(self) -> bool:
        return self.hub_share > 0 and self.rng.random() < self.hub_share

    def state(self, number: int) -> Entity:
        """The number-th state, or the hub for its share of them."""
        return self.hub if self.hubbed() else self.states[number % len(self.states)]

    def gazetteer(self) -> Iterator[Quad]:
        graph = iri("graph/entities")
        for entity in [*self.states, self.hub, *self.cities, *self.bodies, *self.persons]:
            yield from entity.quads(graph)
        for person in self.persons[::7]:
            yield person.node, ALT_LABEL, literal(person.label.split()[1], language="en"), graph

    def meeting_for(self) -> Meeting:
        """A new meeting, or one reported already (so meetings have several reports)."""
        if self.meetings and self.rng.random() < 0.35:
            return self.rng.choice(self.meetings[-50:])
        rng = self.rng
        people = rng.sample(self.persons, 3 if rng.random() < 0.2 else 2)
        if rng.random() < 0.05:
            people[-1] = rng.choice(self.bodies)
        if self.hubbed():
            people[-1] = self.hub
        place = self.hub if self.hubbed() else rng.choice(self.cities)
        day = f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        names = ", ".join(person.label for person in people[:-1]) + f" and {people[-1].label}"
        meeting = Meeting(
            iri(f"id/meeting/m{len(self.meetings)}"),
            f"Meeting of {names} in {place.label}",
            day if rng.random() > 0.05 else day[:7],
            place,
            people,
        )
        self.meetings.append(meeting)
        return meeting

    def article(self, number: int) -> Iterator[Quad]:
        """One article's graph: its text, reports, positions and the entities they mention."""
        rng, slug = self.rng, f"synth-{number}"
        graph, node = iri(f"graph/article/{slug}"), iri(f"id/article/{slug}")
        claims: list[tuple[Meeting | Entity, str]] = [
            (self.meeting_for(), "") for _ in range(rng.choice((1, 1, 2, 2, 3)))
        ]
        for _ in range(rng.choice((0, 1, 1, 2))):
            holder = self.hub if self.hubbed() and rng.random() < 0.3 else rng.choice(self.persons)
            claims.append((holder, sentence(rng, rng.randint(6, 16))))
        text, spans = compose(rng, claims)
        yield node, RDF_TYPE, term("Article"), graph
        yield node, LABEL, literal(f"Article {number}", language="en"), graph
        yield node, f"<{DCTERMS}title>", literal(sentence(rng, 7)), graph
        yield node, f"<{DCTERMS}identifier>", literal(slug), graph
        yield node, f"<{DCTERMS}issued>", literal(random_day(rng), "date"), graph
        yield node, term("text"), literal(text), graph
        publisher = self.publishers[0] if rng.random() < 0.6 else rng.choice(self.publishers)
        yield node, f"<{DCTERMS}publisher>", publisher.node, graph
        yield from publisher.quads(graph)
        mentioned: dict[str, Entity] = {}
        article = Article(slug, node, graph, text)
        for index, ((claim, quote), span) in enumerate(zip(claims, spans, strict=True)):
            if isinstance(claim, Meeting):
                yield from self.report(article, index, claim, span)
                mentioned.update({entity.node: entity for entity in [*claim.participants, claim.place]})
            else:
                yield from self.position(article, index, claim, quote, span)
                mentioned[claim.node] = claim
        for entity in mentioned.values():
            yield from entity.quads(graph)

    def report(self, article: Article, index: int, meeting: Meeting, span: Span) -> Iterator[Quad]:
        """One article's report of ``meeting`` and its participations, all resting on one sentence."""
        report, status, graph = (
            iri(f"id/report/{article.slug}-{index}"),
            self.rng.choice(STATUSES),
            article.graph,
        )
        meeting.status = status
        meeting.reports.append(report)
        kind = "bilateral" if len(meeting.participants) == 2 else "multilateral"
        yield report, RDF_TYPE, term("MeetingReport"), graph
        yield report, LABEL, literal(f"{meeting.label}, {status}", language="en"), graph
        yield report, term("status"), term(status), graph
        yield report, term("meetingKind"), term(kind), graph
        yield report, term("date"), date_literal(meeting.day), graph
        yield report, term("place"), meeting.place.node, graph
        yield report, term("reportOf"), meeting.node, iri("graph/meetings")
        evidence = yield from article.claim(report, span)
        for side, agent in enumerate(meeting.participants):
            participation = iri(f"id/participation/{article.slug}-{index}-{side}")
            yield report, term("participation"), participation, graph
            yield participation, RDF_TYPE, term("Participation"), graph
            yield participation, term("participant"), agent.node, graph
            yield participation, term("isHost"), literal(str(side == 0).lower(), "boolean"), graph
            yield participation, term("source"), article.node, graph
            yield participation, term("evidence"), evidence, graph
            if agent.kind == "Person":
                yield participation, term("role"), literal(ROLES[side % len(ROLES)]), graph
                yield participation, term("represents"), agent.state, graph

    def position(
        self, article: Article, index: int, holder: Entity, quote: str, span: Span
    ) -> Iterator[Quad]:
        """A stance with its verbatim quote: the quote's own evidence, and the sentence's."""
        position, graph = iri(f"id/position/{article.slug}-{index}"), article.graph
        topic, stance = self.rng.choice(TOPICS), self.rng.choice(STANCES)
        yield position, RDF_TYPE, term("Position"), graph
        yield position, LABEL, literal(f"{holder.label} on {topic}: {stance}", language="en"), graph
        yield position, term("holder"), holder.node, graph
        yield position, term("topic"), literal(topic), graph
        yield position, term("stance"), term(stance), graph
        yield position, term("quote"), literal(quote), graph
        yield position, term("date"), date_literal(random_day(self.rng)), graph
        quoted = Span(span.end - len(quote) - 1, span.end - 1)
        yield position, term("quoteEvidence"), article.evidence_node(quoted), graph
        yield from article.evidence(quoted)
        yield from article.claim(position, span)

    def canonical(self) -> Iterator[Quad]:
        """The meetings graph: each meeting with its reports, participants, hosts and latest status."""
        graph = iri("graph/meetings")
        for meeting in self.meetings:
            node = meeting.node
            kind = "bilateral" if len(meeting.participants) == 2 else "multilateral"
            yield node, RDF_TYPE, term("Meeting"), graph
            yield node, LABEL, literal(meeting.label, language="en"), graph
            yield node, term("status"), term(meeting.status), graph
            yield node, term("meetingKind"), term(kind), graph
            yield node, term("date"), date_literal(meeting.day), graph
            yield node, term("place"), meeting.place.node, graph
            yield node, term("host"), meeting.participants[0].node, graph
            for agent in meeting.participants:
                yield node, term("participant"), agent.node, graph
            for report in meeting.reports:
                yield node, term("hasReport"), report, graph


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """Where an article's claims go and the text their evidence points into."""

    slug: str
    node: str
    graph: str
    text: str

    def evidence_node(self, span: Span) -> str:
        return iri(f"id/evidence/{self.slug}-{span.start}-{span.end}")

    def evidence(self, span: Span) -> Iterator[Quad]:
        """A Web Annotation specific resource with a position and a quote selector (hash IRIs)."""
        node, graph = self.evidence_node(span), self.graph
        position, quote = f"{node[:-1]}#position>", f"{node[:-1]}#quote>"
        yield node, RDF_TYPE, term("Evidence"), graph
        yield node, f"<{OA}hasSource>", self.node, graph
        yield node, f"<{OA}hasSelector>", position, graph
        yield node, f"<{OA}hasSelector>", quote, graph
        yield position, RDF_TYPE, f"<{OA}TextPositionSelector>", graph
        yield position, f"<{OA}start>", literal(str(span.start), "nonNegativeInteger"), graph
        yield position, f"<{OA}end>", literal(str(span.end), "nonNegativeInteger"), graph
        yield quote, RDF_TYPE, f"<{OA}TextQuoteSelector>", graph
        yield quote, f"<{OA}exact>", literal(self.text[span.start : span.end]), graph

    def claim(self, subject: str, span: Span) -> Iterator[Quad]:
        """Source and evidence of a claim; returns the evidence node."""
        node = self.evidence_node(span)
        yield subject, term("source"), self.node, self.graph
        yield subject, term("evidence"), node, self.graph
        yield from self.evidence(span)
        return node


def random_day(rng: random.Random) -> str:
    return f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def date_literal(day: str) -> str:
    return literal(day, "date" if len(day) == 10 else "gYearMonth")


def compose(rng: random.Random, claims: list[tuple[Meeting | Entity, str]]) -> tuple[str, list[Span]]:
    """The article's text — one sentence per claim, each followed by filler — and each claim's span."""
    parts: list[str] = []
    spans = []
    offset = 0
    for claim, quote in claims:
        if isinstance(claim, Meeting):
            people = claim.participants
            said = f"{people[0].label} met {people[1].label} in {claim.place.label}."
        else:
            said = f'{claim.label} said: "{quote}"'
        spans.append(Span(offset, offset + len(said)))
        filler = sentence(rng, rng.randint(8, 20))
        parts += [said, filler]
        offset += len(said) + len(filler) + 2
    return " ".join(parts), spans


def write(output: TextIO, triples: int, seed: int, hub: int = 0) -> int:
    """Write about ``triples`` quads (with a hub of about ``hub`` inbound links); returns how many."""
    share = min(1.0, hub / (triples * HUB_SLOTS_PER_QUAD)) if hub else 0.0
    generator = Generator(seed, max(50, triples // 200), share)
    written = 0
    for quad in generator.gazetteer():
        output.write(" ".join(quad) + " .\n")
        written += 1
    number = 0
    while written + 12 * len(generator.meetings) < triples:
        for quad in generator.article(number):
            output.write(" ".join(quad) + " .\n")
            written += 1
        number += 1
    for quad in generator.canonical():
        output.write(" ".join(quad) + " .\n")
        written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--hub", type=int, default=0, help="inbound links of the hub state (about)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("-o", "--output", type=Path, help="N-Quads file (default stdout)")
    options = parser.parse_args()
    with options.output.open("w", encoding="utf-8") if options.output else sys.stdout as output:
        written = write(output, options.triples, options.seed, options.hub)
    print(f"{written} quads", file=sys.stderr)


if __name__ == "__main__":
    main()
