"""SPARQL endpoint benchmark: our `diplograph serve` against `oxigraph serve-read-only` and rdflib-endpoint.

    .venv/bin/pip install -r bench/requirements.txt
    .venv/bin/python bench/sparql.py --data seeds --rounds 30
    .venv/bin/python bench/sparql.py --data synthetic --triples 1000000 --rounds 20

Same queries over the same data on every server, interleaved (each round runs every query on every server
in a shuffled order), printing p50/p95 latency per query and server with the ratio to Oxigraph's server,
then throughput with 2 concurrent clients. Every server's default graph is the union of the named graphs.
Every server gets the same requests: a POST form, the same headers (Accept: SPARQL JSON, requests' own
Accept-Encoding), a new connection per query as SPARQLWrapper and rdflib's SPARQLStore make, or one kept
alive per server and client with --keep-alive.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PREFIXES = """PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
QUERIES = {
    "lookup": "SELECT ?p ?o WHERE { <RESOURCE> ?p ?o }",
    "join": """SELECT ?report ?person ?label WHERE {
  ?report a dg:MeetingReport ; dg:participation ?x . ?x dg:participant ?person . ?person rdfs:label ?label
} LIMIT 200""",
    "aggregate": """SELECT ?state (COUNT(*) AS ?n) WHERE { ?x dg:represents ?state }
GROUP BY ?state ORDER BY DESC(?n)""",
    "text-filter": """SELECT ?position ?quote WHERE {
  ?position dg:quote ?quote FILTER(CONTAINS(LCASE(STR(?quote)), "peace"))
} LIMIT 200""",
    "label-regex": """SELECT ?person ?label WHERE {
  ?person a dg:Person ; rdfs:label ?label FILTER(REGEX(?label, "^Leila|Lavrov"))
} LIMIT 200""",
    "timeline": """SELECT ?article ?date WHERE { ?article a dg:Article ; dcterms:issued ?date }
ORDER BY DESC(?date) LIMIT 20""",
}
JSON = {"Accept": "application/sparql-results+json"}


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running(command: list[str], url: str, probe: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """Start a server process, wait until ``url`` answers, yield it, stop it."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + 1800
        while True:
            try:
                if requests.get(url, params={"query": probe}, headers=JSON, timeout=600).ok:
                    break
            except requests.ConnectionError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{command[0]} did not start: {process.communicate()[1][-2000:]!r}")
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)


def prepare_data(options: argparse.Namespace, folder: Path) -> Path:
    """The N-Quads file to serve: the seeds built by `diplograph build`, or a synthetic graph."""
    data = folder / "data.nq"
    if options.data == "synthetic":
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "synthetic.py"), "--triples", str(options.triples)]
            + ["-o", str(data)],
            check=True,
        )
        return data
    store = folder / "seed-store"
    subprocess.run([sys.executable, "-m", "diplograph", "build", "--store", str(store)], check=True)
    with data.open("wb") as output:
        subprocess.run(
            [sys.executable, "-m", "diplograph", "export", "--store", str(store)], stdout=output, check=True
        )
    return data


def load_store(data: Path, folder: Path) -> tuple[Path, Path]:
    """Our store with the data loaded; returns it and its published version folder (a plain Oxigraph
    store that `oxigraph serve-read-only` can read too)."""
    store = folder / "store"
    subprocess.run([sys.executable, "-m", "diplograph", "load", str(data), "--store", str(store)], check=True)
    version = int((store / "CURRENT_VERSION").read_text().strip())
    return store, store / "versions" / f"{version:06d}"


def servers(options: argparse.Namespace, data: Path, store: Path, version: Path) -> dict[str, list[str]]:
    """The command line of each server, keyed by name, with a placeholder for the port."""
    commands = {
        "diplograph": [sys.executable, "-m", "diplograph", "serve", "--store", str(store)]
        + ["--port", "{port}", "--workers", str(options.workers)],
        "oxigraph": [str(BIN / "oxigraph"), "serve-read-only", "--location", str(version)]
        + ["--bind", "127.0.0.1:{port}", "--union-default-graph"],
    }
    if options.baseline:
        commands["diplograph@baseline"] = commands["diplograph"]
    for name in options.rdflib_stores.split(","):
        if name:
            commands[f"rdflib-endpoint/{name}"] = [str(BIN / "rdflib-endpoint"), "serve", str(data)] + [
                "--host",
                "127.0.0.1",
                "--port",
                "{port}",
                "--store",
                name,
            ]
    return commands


def path_of(name: str) -> str:
    """Oxigraph answers at /query, rdflib-endpoint at its root, we at /sparql."""
    return "/query" if name == "oxigraph" else "/sparql" if name.startswith("diplograph") else "/"


def environment(options: argparse.Namespace, name: str) -> dict[str, str] | None:
    """The baseline server imports the other checkout's code; the others inherit ours."""
    if name != "diplograph@baseline":
        return None
    return {**os.environ, "PYTHONPATH": str(Path(options.baseline).resolve())}


#: Numbers the requests of --distinct.
_requests_sent = itertools.count()


def run_query(
    url: str, query: str, session: requests.Session | None = None, distinct: bool = False
) -> tuple[float, int]:
    """Latency (until the JSON is parsed) and row count; ``session`` keeps the connection alive;
    ``distinct`` makes the query text new (a numbered comment), so no server answers from kept results."""
    post = session.post if session is not None else requests.post
    if distinct:
        query += f"\n# request {next(_requests_sent)}"
    started = time.perf_counter()
    response = post(url, data={"query": PREFIXES + query}, headers=JSON, timeout=600)
    response.raise_for_status()
    rows = len(response.json()["results"]["bindings"])
    return time.perf_counter() - started, rows


def interleaved(
    urls: dict[str, str],
    queries: dict[str, str],
    rounds: int,
    keep_alive: bool = False,
    distinct: bool = False,
) -> dict[tuple[str, str], list[float]]:
    """Latencies of every (query, server), each round visiting the servers in a new random order."""
    rng = random.Random(7)
    sessions = {server: requests.Session() if keep_alive else None for server in urls}
    timings: dict[tuple[str, str], list[float]] = {}
    rows: dict[tuple[str, str], int] = {}
    for round_number in range(rounds + 2):
        for query_name, query in queries.items():
            order = list(urls)
            rng.shuffle(order)
            for server in order:
                elapsed, count = run_query(urls[server], query, sessions[server], distinct)
                rows[(query_name, server)] = count
                if round_number >= 2:  # two warm-up rounds
                    timings.setdefault((query_name, server), []).append(elapsed)
    for query_name in queries:
        counts = {server: rows[(query_name, server)] for server in urls}
        if len(set(counts.values())) > 1:
            print(f"warning: {query_name} returns different row counts: {counts}", file=sys.stderr)
    return timings


def throughput(
    url: str,
    queries: dict[str, str],
    seconds: float,
    clients: int = 2,
    keep_alive: bool = False,
    distinct: bool = False,
) -> float:
    """Queries per second with ``clients`` clients running the query mix back to back."""
    done = [0] * clients
    stop = time.monotonic() + seconds

    def client(index: int) -> None:
        mix = list(queries.values())
        session = requests.Session() if keep_alive else None
        while time.monotonic() < stop:
            run_query(url, mix[done[index] % len(mix)], session, distinct)
            done[index] += 1

    threads = [threading.Thread(target=client, args=(index,)) for index in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / seconds


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def report(timings: dict[tuple[str, str], list[float]], names: list[str], queries: dict[str, str]) -> None:
    print(f"{'query':<12} {'server':<26} {'p50 ms':>9} {'p95 ms':>9} {'p50 vs oxigraph':>16}")
    for query_name in queries:
        reference = statistics.median(timings[(query_name, "oxigraph")])
        for server in names:
            values = timings[(query_name, server)]
            p50, p95 = statistics.median(values), percentile(values, 0.95)
            ratio = p50 / reference
            print(f"{query_name:<12} {server:<26} {p50 * 1000:>9.2f} {p95 * 1000:>9.2f} {ratio:>15.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", choices=["seeds", "synthetic"], default="seeds")
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0, help="per server, for throughput")
    parser.add_argument("--rdflib-stores", default="default,Oxigraph", help="rdflib-endpoint stores to run")
    parser.add_argument("--workers", type=int, default=2, help="processes of our server (serve --workers)")
    parser.add_argument(
        "--baseline",
        metavar="SRC",
        help="also run our server from another checkout's src folder (A/B, interleaved on the same data)",
    )
    parser.add_argument(
        "--keep-alive", action="store_true", help="one connection per server and client, not one per query"
    )
    parser.add_argument(
        "--distinct",
        action="store_true",
        help="make every query text new (a numbered comment), so that no server answers from kept results",
    )
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="diplograph-bench-"))
    try:
        data = prepare_data(options, folder)
        started = time.perf_counter()
        store, version = load_store(data, folder)
        print(f"data: {options.data}; loaded into our store in {time.perf_counter() - started:.1f} s")
        print(f"diplograph serve --workers {options.workers}")
        with ExitStack() as stack:
            urls = {}
            for name, command in servers(options, data, store, version).items():
                port = free_port()
                url = f"http://127.0.0.1:{port}{path_of(name)}"
                started = time.perf_counter()
                urls[name] = stack.enter_context(
                    running(
                        [part.replace("{port}", str(port)) for part in command],
                        url,
                        "ASK {}",
                        environment(options, name),
                    )
                )
                print(f"{name}: ready in {time.perf_counter() - started:.1f} s")
            resource = requests.post(
                urls["oxigraph"],
                data={"query": PREFIXES + "SELECT ?s WHERE { ?s a dg:Person } ORDER BY ?s LIMIT 1"},
                headers=JSON,
                timeout=60,
            ).json()["results"]["bindings"][0]["s"]["value"]
            queries = {name: query.replace("RESOURCE", resource) for name, query in QUERIES.items()}
            timings = interleaved(urls, queries, options.rounds, options.keep_alive, options.distinct)
            report(timings, list(urls), queries)
            connections = "connections kept alive" if options.keep_alive else "a connection per query"
            print(f"\nthroughput, 2 clients, query mix, {options.seconds:g} s each, {connections}:")
            client = {"keep_alive": options.keep_alive, "distinct": options.distinct}
            reference = throughput(urls["oxigraph"], queries, options.seconds, **client)
            for name, url in urls.items():
                rate = (
                    reference if name == "oxigraph" else throughput(url, queries, options.seconds, **client)
                )
                print(f"{name:<26} {rate:>8.1f} queries/s {rate / reference:>6.2f}x oxigraph")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
