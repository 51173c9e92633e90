"""A synthetic graph shaped like ours, for benchmarks at a size the seeds cannot give.

    .venv/bin/python bench/synthetic.py --triples 1000000 -o /tmp/synthetic.nq

N-Quads, one named graph per article as ``diplograph build`` makes them: the article with its text, meeting
reports with participations, persons and states with labels, evidence with quote/position selectors,
positions with verbatim quotes; canonical meetings in the meetings graph. Deterministic (``--seed``).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

BASE = "http://127.0.0.1:5000/"
DG = "https://w3id.org/diplograph/ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
OA = "http://www.w3.org/ns/oa#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
FIRST = [
    "Anna",
    "Boris",
    "Chen",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hassan",
    "Ingrid",
    "Jun",
    "Karim",
    "Leila",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
]
LAST = [
    "Abe",
    "Blinken",
    "Costa",
    "Dlamini",
    "Erdogan",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ito",
    "Jaishankar",
    "Kuleba",
    "Lavrov",
    "Modi",
]
STATES = [
    "Russia",
    "Ukraine",
    "Turkey",
    "Iran",
    "China",
    "India",
    "Japan",
    "Brazil",
    "France",
    "Germany",
    "Egypt",
    "Qatar",
    "Kenya",
    "Chile",
]
CITIES = [
    "Geneva",
    "Moscow",
    "Ankara",
    "Doha",
    "Beijing",
    "Delhi",
    "Tokyo",
    "Brasilia",
    "Paris",
    "Berlin",
    "Cairo",
    "Nairobi",
]
TOPICS = [
    "ceasefire",
    "sanctions",
    "grain-deal",
    "nuclear-talks",
    "climate",
    "trade",
    "migration",
    "energy",
    "security",
]
STATUSES = ["proposed", "planned", "held", "postponed", "cancelled"]
STANCES = ["support", "oppose", "neutral", "other"]
WORDS = [
    "talks",
    "minister",
    "foreign",
    "agreed",
    "meeting",
    "summit",
    "said",
    "delegation",
    "bilateral",
    "discussed",
    "cooperation",
    "security",
    "relations",
    "visit",
    "week",
    "officials",
    "statement",
    "peace",
    "negotiations",
    "region",
    "economic",
    "president",
]


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


def entities(persons: int) -> Iterator[tuple[str, str, str, str]]:
    """Persons, states and cities, in the entities graph (as the gazetteer's labels would be)."""
    graph = iri("graph/entities")
    for index, name in enumerate(STATES):
        yield iri(f"id/country/{name.lower()}"), RDF_TYPE, term("State"), graph
        yield iri(f"id/country/{name.lower()}"), LABEL, literal(name, language="en"), graph
        yield (
            iri(f"id/city/{CITIES[index % len(CITIES)].lower()}"),
            LABEL,
            literal(CITIES[index % len(CITIES)], language="en"),
            graph,
        )
    for index in range(persons):
        person = iri(f"id/person/p{index}")
        yield person, RDF_TYPE, term("Person"), graph
        yield person, LABEL, literal(person_label(index), language="en"), graph


def article(rng: random.Random, number: int, persons: int) -> Iterator[tuple[str, str, str, str]]:
    """One article's graph: about 100 triples."""
    graph = iri(f"graph/article/synth-{number}")
    node = iri(f"id/article/synth-{number}")
    text = " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(5, 12)))
    day = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    yield node, RDF_TYPE, term("Article"), graph
    yield node, f"<{DCTERMS}title>", literal(sentence(rng, 7), language="en"), graph
    yield node, f"<{DCTERMS}identifier>", literal(f"synth-{number}"), graph
    yield node, f"<{DCTERMS}issued>", literal(day, "date"), graph
    yield node, term("text"), literal(text), graph
    for report_number in range(rng.randint(1, 2)):
        report = iri(f"id/report/synth-{number}-{report_number}")
        meeting = iri(f"id/meeting/m{rng.randrange(max(1, number // 2 + 1))}")
        yield report, RDF_TYPE, term("MeetingReport"), graph
        yield report, term("status"), term(rng.choice(STATUSES)), graph
        yield report, term("meetingKind"), term("Bilateral"), graph
        yield report, term("source"), node, graph
        yield report, term("date"), literal(day, "date"), graph
        yield report, term("place"), iri(f"id/city/{rng.choice(CITIES).lower()}"), graph
        yield report, term("reportOf"), meeting, iri("graph/meetings")
        yield meeting, RDF_TYPE, term("Meeting"), iri("graph/meetings")
        yield (
            meeting,
            LABEL,
            literal(f"Meeting in {rng.choice(CITIES)} on {day}", language="en"),
            iri("graph/meetings"),
        )
        for side in range(2):
            participation = iri(f"id/participation/synth-{number}-{report_number}-{side}")
            yield report, term("participation"), participation, graph
            yield participation, term("participant"), iri(f"id/person/p{rng.randrange(persons)}"), graph
            yield participation, term("represents"), iri(f"id/country/{rng.choice(STATES).lower()}"), graph
            yield participation, term("isHost"), literal("true" if side == 0 else "false", "boolean"), graph
            yield from evidence(
                rng, f"synth-{number}-{report_number}-{side}", participation, node, text, graph
            )
    for position_number in range(rng.randint(1, 3)):
        position = iri(f"id/position/synth-{number}-{position_number}")
        quote = sentence(rng, rng.randint(6, 16))
        yield position, RDF_TYPE, term("Position"), graph
        yield position, term("holder"), iri(f"id/person/p{rng.randrange(persons)}"), graph
        yield position, term("topic"), literal(rng.choice(TOPICS)), graph
        yield position, term("stance"), term(rng.choice(STANCES)), graph
        yield position, term("quote"), literal(quote, language="en"), graph
        yield position, term("source"), node, graph
        yield from evidence(rng, f"synth-{number}-q{position_number}", position, node, quote, graph)


def evidence(
    rng: random.Random, key: str, subject: str, source: str, text: str, graph: str
) -> Iterator[tuple[str, str, str, str]]:
    """An evidence node with a quote selector and a position selector, as the mapping writes them."""
    node, quote, place = (
        iri(f"id/evidence/{key}"),
        iri(f"id/evidence/{key}/quote"),
        iri(f"id/evidence/{key}/pos"),
    )
    start = rng.randrange(max(1, len(text) - 40))
    yield subject, term("evidence"), node, graph
    yield node, f"<{OA}hasSource>", source, graph
    yield node, f"<{OA}hasSelector>", quote, graph
    yield node, f"<{OA}hasSelector>", place, graph
    yield quote, f"<{OA}exact>", literal(text[start : start + 40]), graph
    yield place, f"<{OA}start>", literal(str(start), "nonNegativeInteger"), graph
    yield place, f"<{OA}end>", literal(str(start + 40), "nonNegativeInteger"), graph


def write(output: TextIO, triples: int, seed: int) -> int:
    """Write articles until about ``triples`` quads; returns the number written."""
    rng = random.Random(seed)
    persons = max(50, triples // 200)
    written = 0
    for quad in entities(persons):
        output.write(" ".join(quad) + " .\n")
        written += 1
    number = 0
    while written < triples:
        for quad in article(rng, number, persons):
            output.write(" ".join(quad) + " .\n")
            written += 1
        number += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("-o", "--output", type=Path, help="N-Quads file (default stdout)")
    options = parser.parse_args()
    with options.output.open("w", encoding="utf-8") if options.output else sys.stdout as output:
        written = write(output, options.triples, options.seed)
    print(f"{written} quads", file=sys.stderr)


if __name__ == "__main__":
    main()
