"""The `diplograph` command: thin commands that parse options, call one function and print a summary."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO, cast

import click
import pyoxigraph as ox

from diplograph import __version__
from diplograph.config import SETTINGS, Settings
from diplograph.errors import ArticleError, DiplographError

F = Callable[..., Any]
HELP = {setting.name: setting.help for setting in SETTINGS}
EXPORT_FORMATS = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def store_option(command: F) -> F:
    return click.option(
        "--store",
        type=click.Path(file_okay=False, path_type=Path),
        help=f"{HELP['store']} [env DIPLOGRAPH_STORE; default var/store]",
    )(command)


def endpoint_option(command: F) -> F:
    """Use a SPARQL 1.1 engine over HTTP instead of the store folder (for users who outgrow one machine)."""
    command = click.option(
        "--graph-store",
        metavar="URL",
        help="Its SPARQL 1.1 Graph Store Protocol URL, for writes [default: Oxigraph's …/store beside "
        "…/query, else the endpoint itself].",
    )(command)
    return click.option(
        "--endpoint",
        metavar="URL",
        help="A SPARQL 1.1 query endpoint to use instead of the store folder (its default graph should be "
        "the union of its named graphs).",
    )(command)


def open_store(settings: Settings, endpoint: str | None, graph_store: str | None, *, read_only: bool) -> Any:
    """The store folder in ``settings``, or the remote engine at ``endpoint``: one place decides which."""
    from diplograph.store import GraphStore, RemoteGraphStore

    if endpoint:
        return RemoteGraphStore(endpoint, graph_store, read_only=read_only)
    return GraphStore.open(settings.store, read_only=read_only)


def base_option(command: F) -> F:
    return click.option("--base", help=f"{HELP['base']} [env DIPLOGRAPH_BASE]")(command)


def settings_from(**options: Any) -> Settings:
    return Settings.load({name: value for name, value in options.items() if value is not None})


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="diplograph")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Diplograph: a knowledge graph of diplomacy built from news articles."""
    level = {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@main.command()
@store_option
@base_option
@endpoint_option
@click.option("--articles", type=click.Path(file_okay=False, path_type=Path), help=HELP["articles"])
def build(
    store: Path | None, base: str | None, endpoint: str | None, graph_store: str | None, articles: Path | None
) -> None:
    """Read every article under data/articles/, extract, map, validate and load (idempotent)."""
    from diplograph.articles.reading import read_directory

    settings = settings_from(store=store, base=base, articles=articles)
    if not settings.articles.is_dir():
        raise click.ClickException(f"{settings.articles}: no such folder of articles")
    target = open_store(settings, endpoint, graph_store, read_only=False)
    _run_batch(settings, target, read_directory(settings.articles), load_ontology=True)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@store_option
@base_option
@endpoint_option
def ingest(
    sources: tuple[str, ...],
    store: Path | None,
    base: str | None,
    endpoint: str | None,
    graph_store: str | None,
) -> None:
    """Add or replace articles from files (.txt, .html, .jsonl), folders or URLs (fetched on request).

    Safe while `diplograph serve` runs: the server switches to the new store version once it is complete.
    """
    settings = settings_from(store=store, base=base)
    target = open_store(settings, endpoint, graph_store, read_only=False)
    _run_batch(settings, target, _read_sources(sources, settings), load_ontology=False)


def _read_sources(sources: tuple[str, ...], settings: Settings) -> Iterator[Any]:
    from diplograph.articles.fetching import fetch_url
    from diplograph.articles.metadata import load_metadata
    from diplograph.articles.reading import read_path

    sidecar = settings.data / "articles.csv"
    metadata = load_metadata(sidecar) if sidecar.exists() else {}
    for source in sources:
        if source.startswith(("http://", "https://")):
            try:
                yield fetch_url(source, metadata)
            except ArticleError as error:
                yield error
        elif not Path(source).exists():
            yield ArticleError(f"{source}: no such file or folder")
        else:
            yield from read_path(Path(source), metadata)


def _run_batch(settings: Settings, store: Any, items: Any, *, load_ontology: bool) -> None:
    from diplograph.pipeline import Pipeline

    pipeline = Pipeline(settings, store)
    if load_ontology:
        pipeline.load_ontology()
    items = list(items)
    show = sys.stderr.isatty()
    with click.progressbar(
        length=len(items), label="Articles", file=sys.stderr if show else cast(TextIO, _Silent())
    ) as bar:
        summary = pipeline.ingest(items, progress=lambda _id: bar.update(1))
    store.close()
    for _article_id, reason in summary.rejected:
        click.echo(f"rejected: {reason}", err=True)
    click.echo(summary.line())
    if summary.failed:
        sys.exit(1)


class _Silent:
    """A progress bar target that prints nothing (when stderr is not a terminal)."""

    def write(self, _text: str) -> None:
        pass

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


@main.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--graph", "graph_iri", help="Graph for triples (default: a graph named after each file).")
@store_option
@base_option
@endpoint_option
def load(
    files: tuple[Path, ...],
    graph_iri: str | None,
    store: Path | None,
    base: str | None,
    endpoint: str | None,
    graph_store: str | None,
) -> None:
    """Load RDF files as they are (N-Quads, TriG, N-Triples, Turtle, RDF/XML, JSON-LD), without extraction."""
    from rdflib import URIRef

    settings = settings_from(store=store, base=base)
    target = open_store(settings, endpoint, graph_store, read_only=False)
    failed = False
    for path in files:
        graph = URIRef(graph_iri or f"{settings.base}graph/file/{path.name}")
        try:
            target.load_file(path, graph)
            click.echo(f"loaded {path} into {graph}")
        except (SyntaxError, ValueError, OSError) as error:
            click.echo(f"rejected: {path}: {error}", err=True)
            failed = True
    target.flush()
    target.close()
    sys.exit(1 if failed else 0)


@main.command()
@store_option
def validate(store: Path | None) -> None:
    """Check the whole graph against the SHACL shapes; exit status 1 on violations."""
    from rdflib import Graph

    from diplograph.store import GraphStore
    from diplograph.validate import validate_graph

    settings = settings_from(store=store)
    graph_store = GraphStore.open(settings.store, read_only=True)
    triples = graph_store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    union = Graph().parse(data=triples.serialize(format=ox.RdfFormat.N_TRIPLES), format="nt")
    report = validate_graph(union)
    if report.conforms:
        click.echo(f"conforms: {len(union)} triples checked, no violations")
        return
    click.echo(report.text())
    sys.exit(1)


@main.command()
@store_option
@base_option
@click.option("--host", help=HELP["host"])
@click.option("--port", type=int, help=HELP["port"])
@click.option("--workers", type=int, help=HELP["workers"])
@endpoint_option
@click.option("--query-timeout", "--timeout", "query_timeout", type=float, help=HELP["query_timeout"])
@click.option("--allow-updates", is_flag=True, default=None, help=HELP["allow_updates"])
@click.option("--update-token", help=HELP["update_token"])
@click.option("--allow-service", "allowed_services", multiple=True, help=HELP["allowed_services"])
@click.option("--allow-wikidata", is_flag=True, default=None, help=HELP["allow_wikidata"])
def serve(
    store: Path | None,
    base: str | None,
    host: str | None,
    port: int | None,
    workers: int | None,
    endpoint: str | None,
    graph_store: str | None,
    query_timeout: float | None = None,
    allow_updates: bool | None = None,
    update_token: str | None = None,
    allowed_services: tuple[str, ...] = (),
    allow_wikidata: bool | None = None,
) -> None:
    """Serve the SPARQL endpoint and the linked-data pages (gunicorn, default http://127.0.0.1:5000).

    Its --workers processes read the store read-only, each request the newest published version (a build,
    ingest, load or SPARQL Update meanwhile is seen); with --endpoint it serves from that engine instead.
    """
    from diplograph.store.versions import VersionedFolder
    from diplograph.web.server import serve as run_server

    settings = settings_from(
        store=store,
        base=base,
        host=host,
        port=port,
        workers=workers,
        query_timeout=query_timeout,
        allow_updates=allow_updates,
        update_token=update_token,
        allowed_services=allowed_services or None,
        allow_wikidata=allow_wikidata,
    )
    if settings.allow_updates and not settings.update_token:
        raise click.UsageError("--allow-updates needs --update-token (or DIPLOGRAPH_UPDATE_TOKEN).")
    if not endpoint:
        VersionedFolder(settings.store).require_published()  # opened in each process, never here
    read_only = not (endpoint and settings.allow_updates)  # a local update takes the writer lock itself
    click.echo(f"Serving {endpoint or settings.store} at http://{settings.host}:{settings.port}/", err=True)
    run_server(settings, lambda: open_store(settings, endpoint, graph_store, read_only=read_only))


@main.command()
@click.argument("query")
@click.option(
    "--format",
    "output",
    type=click.Choice(["table", "json", "csv", "tsv", "turtle"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@store_option
def query(query: str, output: str, store: Path | None) -> None:
    """Run a SPARQL query given as text or as a .rq file."""
    from diplograph.store import GraphStore

    text = (
        Path(query).read_text(encoding="utf-8") if query.endswith(".rq") and Path(query).exists() else query
    )
    settings = settings_from(store=store)
    results = GraphStore.open(settings.store, read_only=True).query(text)
    _print_results(results, output)


def _print_results(results: Any, output: str) -> None:
    if isinstance(results, ox.QueryBoolean):
        click.echo("true" if bool(results) else "false")
        return
    if isinstance(results, ox.QueryTriples):
        click.echo((results.serialize(format=ox.RdfFormat.TURTLE) or b"").decode("utf-8"), nl=False)
        return
    if output in ("json", "csv", "tsv"):
        format = {
            "json": ox.QueryResultsFormat.JSON,
            "csv": ox.QueryResultsFormat.CSV,
            "tsv": ox.QueryResultsFormat.TSV,
        }[output]
        data = results.serialize(format=format).decode("utf-8")
        click.echo(json.dumps(json.loads(data), indent=2) if output == "json" else data, nl=output == "json")
        return
    names = [variable.value for variable in results.variables]
    rows = [[_cell(solution[name]) for name in names] for solution in results]
    widths = [min(60, max([len(name), *(len(row[i]) for row in rows)])) for i, name in enumerate(names)]
    click.echo("  ".join(name.ljust(width) for name, width in zip(names, widths, strict=True)))
    click.echo("  ".join("-" * width for width in widths))
    for row in rows:
        click.echo("  ".join(cell[:width].ljust(width) for cell, width in zip(row, widths, strict=True)))
    click.echo(f"({len(rows)} rows)", err=True)


def _cell(term: Any) -> str:
    return "" if term is None else term.value


@main.command()
@click.option(
    "--format",
    "output",
    type=click.Choice(sorted(EXPORT_FORMATS)),
    default="nquads",
    show_default=True,
    help="RDF serialization.",
)
@click.option(
    "-o", "--output-file", type=click.Path(dir_okay=False, path_type=Path), help="File (default stdout)."
)
@store_option
def export(output: str, output_file: Path | None, store: Path | None) -> None:
    """Write the whole graph as RDF; graph-less formats get the union of all graphs."""
    from diplograph.store import GraphStore

    settings = settings_from(store=store)
    graph_store = GraphStore.open(settings.store, read_only=True)
    format = EXPORT_FORMATS[output]
    target = output_file.open("wb") if output_file else sys.stdout.buffer
    try:
        if format.supports_datasets:
            graph_store.dump(target, format)
        else:
            triples = graph_store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
            target.write(triples.serialize(format=format))
    finally:
        if output_file:
            target.close()


@main.command("eval")
@click.option(
    "--gold",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Gold annotations (JSON, see eval/GUIDELINES.md) [default: eval/gold/seeds.json].",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="Also list every miss and false positive.")
@click.option(
    "--articles",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Score this folder of articles instead of the store: build them into a temporary in-memory store "
    "first (metadata from the sidecar beside the folder, e.g. eval/articles.csv).",
)
@store_option
@base_option
def eval_command(
    gold: Path | None,
    as_json: bool,
    show_errors: bool,
    articles: Path | None,
    store: Path | None,
    base: str | None,
) -> None:
    """Score queries/meetings.rq and queries/positions.rq on the store (or on --articles) against gold."""
    from diplograph.config import PROJECT_ROOT
    from diplograph.evaluate import predictions_from_rows, score
    from diplograph.store import GraphStore

    settings = settings_from(store=store, base=base)
    if articles is None:
        graph_store = GraphStore.open(settings.store, read_only=True)
    else:
        from diplograph.articles.reading import read_directory
        from diplograph.pipeline import Pipeline

        graph_store = GraphStore.in_memory()
        pipeline = Pipeline(settings, graph_store)
        pipeline.load_ontology()
        for _article_id, reason in pipeline.ingest(read_directory(articles)).rejected:
            click.echo(f"rejected: {reason}", err=True)
    rows = []
    for name in ("meetings", "positions"):
        solutions = graph_store.query((PROJECT_ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8"))
        names = [variable.value for variable in solutions.variables]
        rows.append([{n: None if s[n] is None else s[n].value for n in names} for s in solutions])
    predicted = predictions_from_rows(rows[0], rows[1], settings.base)
    gold = gold or PROJECT_ROOT / "eval" / "gold" / "seeds.json"
    scores = score(json.loads(gold.read_text(encoding="utf-8")), predicted)
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(scores.table())
    if show_errors:
        click.echo("\n".join(["", *scores.errors]))


def run() -> None:
    try:
        main(standalone_mode=True)
    except DiplographError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
