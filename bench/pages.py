"""Page times: p50 and p95 of every page kind, on the seed graph and on a synthetic graph of ~1M triples.

The synthetic graph comes from ``bench/synthetic.py`` (deterministic): ``--triples`` quads (1M by default)
with a hub state, Hubland, of ``--hub`` inbound links (50,000 by default). Pages are requested in-process
through Flask's test client (no network), ``--repeat`` times each after one cold request; the cold time is
printed too, since it includes what is computed once per store version (indexes, counts, pictures).

    .venv/bin/python bench/pages.py                                   # seeds, then 1M triples
    .venv/bin/python bench/pages.py --triples 200000 --hub 10000      # a quicker loop
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from diplograph.config import Settings
from diplograph.store import GraphStore
from diplograph.web import create_app

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402 - the generator next to this file

BASE = synthetic.BASE
DG = synthetic.DG
TARGET_MS = 50
DCTERMS_PUBLISHER = "http://purl.org/dc/terms/publisher"

#: A page of each kind, by the class of the resource it shows (the first instance in IRI order).
TYPED = {
    "meeting": "Meeting",
    "report": "MeetingReport",
    "person": "Person",
    "state": "State",
    "organization": "Organization",
    "place": "City",
    "article": "Article",
    "position": "Position",
    "generic (evidence)": "Evidence",
    "generic (participation)": "Participation",
}
FIRST_OF = "SELECT ?item WHERE { ?item a ?class } ORDER BY ?item LIMIT 1"
HUB_INBOUND = "SELECT (COUNT(*) AS ?links) WHERE { SELECT DISTINCT ?s ?p WHERE { ?s ?p ?hub } }"


def page_of(iri: str) -> str:
    return "/page/" + iri[len(BASE + "id/") :]


def typed_pages(store: GraphStore) -> dict[str, str]:
    """One page per resource kind, picked from the store."""
    pages = {}
    for kind, local_name in TYPED.items():
        found = store.select(FIRST_OF.replace("?class", f"<{DG}{local_name}>"))
        if found:
            pages[kind] = page_of(found[0]["item"])
    return pages


def common_pages(store: GraphStore, person: str, state: str) -> dict[str, str]:
    """Every page kind of the app: home, typed views, data, indexes (filtered too), search, pictures."""
    pages = {"home": "/", **typed_pages(store)}
    year = store.select("SELECT (MAX(SUBSTR(STR(?d), 1, 4)) AS ?y) WHERE { ?m a dg:Meeting ; dg:date ?d }")
    pages |= {
        "data (turtle)": pages["meeting"].replace("/page/", "/data/") + ".ttl",
        "meetings index": "/meetings",
        "meetings by year+status": f"/meetings?year={year[0]['y']}&status={quote(DG + 'held')}",
        "meetings of a state": f"/meetings?participant={quote(state)}",
        "meetings page 3": "/meetings?page=3",
        "people index": "/people",
        "states index": "/states",
        "organizations index": "/organizations",
        "articles index": "/articles",
        "positions index": "/positions",
        "search": "/search?q=" + quote(person_name(store, person)),
        "timeline": "/timeline",
        "timeline of a person": f"/timeline?agent={quote(person)}",
        "timeline of a state": f"/timeline?agent={quote(state)}",
        "network": "/network",
        "network of states": "/network?kind=states",
        "ontology": "/ontology",
        "ontology term": "/ontology/Meeting",
    }
    return pages


def person_name(store: GraphStore, person: str) -> str:
    rows = store.select(f"SELECT ?name WHERE {{ <{person}> rdfs:label ?name }} LIMIT 1")
    return str(rows[0]["name"]).split()[-1] if rows else "a"


def seed_pages(store: GraphStore) -> dict[str, str]:
    person, state = BASE + "id/person/sergey-lavrov", BASE + "id/country/russia"
    return common_pages(store, person, state) | {
        "person": page_of(person),
        "state": page_of(state),
        "place": "/page/city/moscow",
        "article": "/page/article/000_31ae349b8af08f2e",
    }


def synthetic_pages(store: GraphStore) -> dict[str, str]:
    person, hub = BASE + "id/person/p42", BASE + f"id/country/{synthetic.HUB}"
    pages = common_pages(store, person, BASE + "id/country/france")
    busiest = store.select(
        f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ ?s dg:represents <{hub}> ; dg:participant ?p }} "
        "GROUP BY ?p ORDER BY DESC(?n) LIMIT 1"
    )
    return pages | {
        "person": page_of(person),
        "busiest person": page_of(busiest[0]["p"]),
        "state": page_of(BASE + "id/country/france"),
        "hub state": page_of(hub),
        "hub inbound page 200": f"{page_of(hub)}?property={quote(DG + 'represents')}&page=200",
        "place": "/page/city/geneva",
        "generic hub (publisher)": "/page/publisher/global-wire",
        "generic hub page 50": f"/page/publisher/global-wire?property={quote(DCTERMS_PUBLISHER)}&page=50",
        "meetings of the hub": f"/meetings?participant={quote(hub)}",
        "meetings of the hub p40": f"/meetings?participant={quote(hub)}&page=40",
        "people page 50": "/people?page=50",
        "positions page 100": "/positions?page=100",
        "timeline of the hub": f"/timeline?agent={quote(hub)}",
    }


def time_pages(store_path: Path, pages: dict[str, str], repeat: int) -> dict[str, tuple[float, float, float]]:
    """Cold time, p50 and p95 in milliseconds of each page (the cold request fills per-version caches)."""
    settings = Settings.load({"base": BASE, "store": store_path}, environ={})
    app = create_app(settings, GraphStore.open(store_path, read_only=True))
    client = app.test_client()
    figures = {}
    for kind, path in pages.items():
        start = time.perf_counter()
        response = client.get(path, headers={"Accept": "text/html"})
        cold = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (path, response.status_code)
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            client.get(path, headers={"Accept": "text/html"})
            samples.append((time.perf_counter() - start) * 1000)
        samples.sort()
        p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
        figures[kind] = (cold, statistics.median(samples), p95)
    return figures


def report(title: str, figures: dict[str, tuple[float, float, float]]) -> None:
    print(f"\n{title}\n{'page kind':<26}{'cold ms':>9}{'p50 ms':>9}{'p95 ms':>9}")
    for kind, (cold, median, p95) in figures.items():
        flag = "" if median < TARGET_MS else f"  (over the {TARGET_MS} ms target)"
        print(f"{kind:<26}{cold:>9.1f}{median:>9.1f}{p95:>9.1f}{flag}")


def seed_figures(work: Path, repeat: int) -> None:
    seeds = work / "seeds"
    subprocess.run(
        [sys.executable, "-m", "diplograph", "build", "--store", str(seeds), "--base", BASE],
        check=True,
        capture_output=True,
    )
    pages = seed_pages(GraphStore.open(seeds, read_only=True))
    report("Seed graph", time_pages(seeds, pages, repeat))


def synthetic_figures(work: Path, triples: int, hub: int, repeat: int) -> None:
    started = time.perf_counter()
    quads = work / "synthetic.nq"
    with quads.open("w", encoding="utf-8") as output:
        synthetic.write(output, triples, seed=42, hub=hub)
    folder = work / "synthetic"
    store = GraphStore.open(folder)
    store.load_file(quads)
    store.flush()
    count = store.quad_count()
    del store
    reader = GraphStore.open(folder, read_only=True)
    links = reader.select(HUB_INBOUND.replace("?hub", f"<{BASE}id/country/{synthetic.HUB}>"))[0]["links"]
    print(f"\nSynthetic graph: {count:,} triples loaded in {time.perf_counter() - started:.1f} s")
    report(
        f"Synthetic graph ({count:,} triples, hub with {links:,} inbound links)",
        time_pages(folder, synthetic_pages(reader), repeat),
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph")
    parser.add_argument("--hub", type=int, default=50_000, help="inbound links of the synthetic hub")
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per page")
    parser.add_argument("--skip-seeds", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diplograph-bench-") as folder:
        work = Path(folder)
        if not options.skip_seeds:
            seed_figures(work, options.repeat)
        synthetic_figures(work, options.triples, options.hub, options.repeat)


if __name__ == "__main__":
    main()
