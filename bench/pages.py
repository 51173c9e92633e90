"""Page times: p50 and p95 of every page kind, on the seed graph and on a synthetic graph of ~1M triples.

The synthetic graph is generated here, deterministically: ``--meetings`` meetings (25,000 by default, about
1.1M triples), each with one report, two participations and an evidence span, among 5,000 people and 200
states; every meeting and report takes place in one hub city, which so has 50,000 inbound links. Pages are
requested in-process through Flask's test client (no network), ``--repeat`` times each after one warm-up.

    .venv/bin/python bench/pages.py                     # seeds (built into a temporary store) and 1M triples
    .venv/bin/python bench/pages.py --meetings 5000     # a smaller synthetic graph
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from diplograph.config import Settings
from diplograph.store import GraphStore
from diplograph.web import create_app

BASE = "http://127.0.0.1:5000/"
DG = "https://w3id.org/diplograph/ontology#"
ROOT = Path(__file__).resolve().parents[1]
STATUSES = ("held", "held", "held", "planned", "proposed", "postponed", "cancelled")


def iri(kind: str, slug: str) -> str:
    return f"<{BASE}id/{kind}/{slug}>"


def literal(text: str, datatype: str = "") -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"^^<http://www.w3.org/2001/XMLSchema#{datatype}>' if datatype else f'"{escaped}"@en'


def synthetic_quads(meetings: int, people: int = 5000, states: int = 200, seed: int = 7) -> list[str]:
    """N-Quads of a graph shaped like ours (docs/model.md), the same for the same arguments."""
    chooser = random.Random(seed)
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    kind_of = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    graph = f"<{BASE}graph/synthetic>"
    lines: list[str] = []

    def add(subject: str, predicate: str, value: str) -> None:
        lines.append(f"{subject} {predicate} {value} {graph} .")

    hub = iri("city", "hub")
    add(hub, kind_of, f"<{DG}City>")
    add(hub, label, literal("Hub City"))
    for number in range(states):
        add(iri("country", f"state-{number}"), kind_of, f"<{DG}State>")
        add(iri("country", f"state-{number}"), label, literal(f"State {number}"))
    for number in range(people):
        person = iri("person", f"person-{number}")
        add(person, kind_of, f"<{DG}Person>")
        add(person, label, literal(f"Person {number}"))
        add(person, f"<{DG}represents>", iri("country", f"state-{number % states}"))
        add(
            person,
            "<http://www.w3.org/2002/07/owl#sameAs>",
            f"<http://www.wikidata.org/entity/Q{1000 + number}>",
        )
    for number in range(meetings):
        add_meeting(add, chooser, number, people, states, hub)
    return lines


def add_meeting(add, chooser: random.Random, number: int, people: int, states: int, hub: str) -> None:  # noqa: ANN001
    """One canonical meeting with its report, article, two participations and one evidence span."""
    day = f"{2010 + number % 14}-{1 + number % 12:02d}-{1 + number % 28:02d}"
    meeting, report = iri("meeting", f"meeting-{number}"), iri("report", f"report-{number}")
    article, evidence = iri("article", f"article-{number // 5}"), iri("evidence", f"evidence-{number}")
    a, b = chooser.sample(range(people), 2)
    status = f"<{DG}{chooser.choice(STATUSES)}>"
    name = literal(f"Meeting {number} of Person {a} and Person {b}")
    text = f"Person {a} met Person {b} in Hub City on {day}."
    add(article, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{DG}Article>")
    add(article, f"<{DG}text>", literal(text, "string"))
    add(article, "<http://purl.org/dc/terms/title>", literal(f"Article {number // 5}", "string"))
    for subject, kind in ((meeting, "Meeting"), (report, "MeetingReport")):
        add(subject, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{DG}{kind}>")
        add(subject, "<http://www.w3.org/2000/01/rdf-schema#label>", name)
        add(subject, f"<{DG}status>", status)
        add(subject, f"<{DG}meetingKind>", f"<{DG}bilateral>")
        add(subject, f"<{DG}date>", literal(day, "date"))
        add(subject, f"<{DG}place>", hub)
    add(meeting, f"<{DG}hasReport>", report)
    add(report, f"<{DG}reportOf>", meeting)
    add(report, f"<{DG}source>", article)
    add(report, f"<{DG}evidence>", evidence)
    for index, person in enumerate((a, b)):
        participation = iri("participation", f"participation-{number}-{index}")
        add(meeting, f"<{DG}participant>", iri("person", f"person-{person}"))
        add(report, f"<{DG}participation>", participation)
        add(participation, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{DG}Participation>")
        add(participation, f"<{DG}participant>", iri("person", f"person-{person}"))
        add(participation, f"<{DG}represents>", iri("country", f"state-{person % states}"))
        add(participation, f"<{DG}role>", literal("foreign minister", "string"))
        add(participation, f"<{DG}isHost>", literal("true" if index == 0 else "false", "boolean"))
        add(participation, f"<{DG}source>", article)
    add(evidence, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{DG}Evidence>")
    add(evidence, "<http://www.w3.org/ns/oa#hasSource>", article)
    selector = f"<{BASE}id/evidence/evidence-{number}#position>"
    add(evidence, "<http://www.w3.org/ns/oa#hasSelector>", selector)
    add(selector, "<http://www.w3.org/ns/oa#start>", literal("0", "nonNegativeInteger"))
    add(selector, "<http://www.w3.org/ns/oa#end>", literal(str(len(text)), "nonNegativeInteger"))


def time_pages(store_path: Path, pages: dict[str, str], repeat: int) -> dict[str, tuple[float, float]]:
    """p50 and p95 in milliseconds of each page, after one warm-up request (which fills the caches)."""
    settings = Settings.load({"base": BASE, "store": store_path}, environ={})
    app = create_app(settings, GraphStore.open(store_path, read_only=True))
    client = app.test_client()
    figures = {}
    for kind, path in pages.items():
        response = client.get(path, headers={"Accept": "text/html"})
        assert response.status_code == 200, (path, response.status_code)
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            client.get(path, headers={"Accept": "text/html"})
            samples.append((time.perf_counter() - start) * 1000)
        samples.sort()
        figures[kind] = (statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))])
    return figures


def report(title: str, figures: dict[str, tuple[float, float]]) -> None:
    print(f"\n{title}\n{'page kind':<22}{'p50 ms':>9}{'p95 ms':>9}")
    for kind, (median, p95) in figures.items():
        flag = "" if median < 50 else "  (over the 50 ms target)"
        print(f"{kind:<22}{median:>9.1f}{p95:>9.1f}{flag}")


def seed_pages() -> dict[str, str]:
    return {
        "home": "/",
        "meeting": "/page/meeting/2017-04-14-moscow-iran-russia-syria-1cfd29",
        "person": "/page/person/sergey-lavrov",
        "state": "/page/country/russia",
        "place": "/page/city/moscow",
        "article": "/page/article/000_31ae349b8af08f2e",
        "meetings index": "/meetings",
        "people index": "/people",
        "search": "/search?q=lavrov",
        "timeline": "/timeline",
        "network": "/network",
        "ontology": "/ontology",
    }


def synthetic_pages() -> dict[str, str]:
    return {
        "home": "/",
        "meeting": "/page/meeting/meeting-123",
        "report": "/page/report/report-123",
        "person": "/page/person/person-42",
        "state": "/page/country/state-7",
        "article": "/page/article/article-9",
        "hub (50k inbound)": "/page/city/hub",
        "hub page 500": f"/page/city/hub?property={DG}place&page=500",
        "data (turtle)": "/data/meeting/meeting-123.ttl",
        "meetings index": "/meetings",
        "meetings filtered": "/meetings?year=2015&status=" + DG.replace("#", "%23") + "held",
        "people index": "/people",
        "people page 50": "/people?page=50",
        "search": "/search?q=person%204",
        "timeline": "/timeline",
        "timeline of a person": f"/timeline?agent={BASE}id/person/person-42",
        "network": "/network",
        "ontology": "/ontology",
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--meetings", type=int, default=25_000, help="synthetic meetings (~45 triples each)")
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per page")
    parser.add_argument("--skip-seeds", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diplograph-bench-") as folder:
        work = Path(folder)
        if not options.skip_seeds:
            seeds = work / "seeds"
            subprocess.run(
                [sys.executable, "-m", "diplograph", "build", "--store", str(seeds), "--base", BASE],
                check=True,
                capture_output=True,
            )
            ontology_pages = seed_pages()
            meeting = GraphStore.open(seeds, read_only=True).select(
                "SELECT ?m WHERE { ?m a dg:Meeting ; dg:date ?d } ORDER BY ?m LIMIT 1"
            )[0]["m"]
            ontology_pages["meeting"] = "/page/" + str(meeting)[len(BASE + "id/") :]
            report("Seed graph", time_pages(seeds, ontology_pages, options.repeat))
        started = time.perf_counter()
        quads = work / "synthetic.nq"
        quads.write_text("\n".join(synthetic_quads(options.meetings)) + "\n", encoding="utf-8")
        synthetic = work / "synthetic"
        store = GraphStore.open(synthetic)
        store.load_file(quads)
        store.flush()
        count = store.quad_count()
        del store
        print(f"\nSynthetic graph: {count:,} triples loaded in {time.perf_counter() - started:.1f} s")
        report(
            f"Synthetic graph ({count:,} triples, hub with {2 * options.meetings:,} inbound links)",
            time_pages(synthetic, synthetic_pages(), options.repeat),
        )


if __name__ == "__main__":
    main()
