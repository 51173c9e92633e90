"""The query UI at ``/sparql`` for browsers: an editor, the example queries, results as a linked table.

The page is plain HTML that works offline (no CDN); ``static/sparql.js`` only adds comfort. Results come
from the same engine and timeout as the API, as TSV or N-Triples parsed back by pyoxigraph; the table shows
the first ``MAX_HTML_ROWS`` rows and says so, and the download links give everything in every format.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from flask import Response, render_template, request, url_for

from diplograph.errors import BadQuery, QueryTimeout
from diplograph.web import context
from diplograph.web.guard import QueryNotAllowed
from diplograph.web.negotiation import GRAPH_FORMATS, RESULT_FORMATS, by_extension
from diplograph.web.protocol import ProtocolRequest
from diplograph.web.terms import TermView

MAX_HTML_ROWS = 1000
MAX_HTML_BYTES = 4_000_000
TSV = by_extension("tsv", RESULT_FORMATS)
NTRIPLES = by_extension("nt", GRAPH_FORMATS)
DEFAULT_QUERY = """\
SELECT ?meeting ?label ?date WHERE {
  ?meeting a dg:Meeting ; rdfs:label ?label .
  OPTIONAL { ?meeting dg:date ?date }
}
ORDER BY DESC(?date)
LIMIT 25
"""


@dataclass(frozen=True)
class ExampleQuery:
    """One of the project's ``queries/*.rq``, with the title and description from its header comments."""

    name: str
    title: str
    description: str
    text: str


@dataclass(frozen=True)
class HtmlResults:
    """Results shaped for the HTML table."""

    kind: str  # "solutions", "boolean" or "graph"
    columns: list[str]
    rows: list[list[TermView | None]]
    boolean: bool | None = None
    truncated: bool = False


def read_examples(folder: Path) -> list[ExampleQuery]:
    """The example queries, sorted by file name; a missing folder gives none."""
    examples = []
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        header: dict[str, str] = {}
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            key, _, value = line.lstrip("# ").partition(":")
            if value and key.strip().lower() in ("title", "description"):
                header[key.strip().lower()] = value.strip()
        examples.append(
            ExampleQuery(path.stem, header.get("title", path.stem), header.get("description", ""), text)
        )
    return examples


def query_page(operation: ProtocolRequest | None, stopped: QueryTimeout | None = None) -> Response:
    """The query UI; with a query, its results as a table (the page's URL is the permalink).

    ``stopped``: the query was stopped at the timeout (by the server's watchdog); the page says so.
    """
    web = context()
    examples = read_examples(web.queries_path)
    text = operation.text if operation else None
    if text is None:
        example = next((item for item in examples if item.name == request.args.get("example")), None)
        text = example.text if example else DEFAULT_QUERY
    results, error, status = None, None, 200
    if stopped is not None:
        error, status = str(stopped), stopped.http_status
    elif operation is not None:
        try:
            results = page_results(operation)
        except QueryNotAllowed:
            raise
        except (BadQuery, QueryTimeout) as problem:
            error, status = str(problem), problem.http_status
    body = render_template(
        "sparql.html",
        query=text,
        ran=operation is not None,
        results=results,
        error=error,
        examples=examples,
        downloads=download_links(results),
        default_graphs=request.args.getlist("default-graph-uri"),
        named_graphs=request.args.getlist("named-graph-uri"),
        settings=web.settings,
    )
    return Response(body, status=status, content_type="text/html; charset=utf-8")


def download_links(results: HtmlResults | None) -> list[tuple[Any, str]]:
    """One link per format the results can take: the same request with ``format=``."""
    if results is None:
        return []
    family = GRAPH_FORMATS if results.kind == "graph" else RESULT_FORMATS
    kept: dict[str, Any] = {
        key: values for key, values in request.args.lists() if key not in ("format", "output", "results")
    }
    return [(item, url_for("sparql.endpoint", **kept, format=item.names[0])) for item in family]


def page_results(operation: ProtocolRequest) -> HtmlResults:
    """Run the query for the table: the first ``MAX_HTML_BYTES`` of its TSV or N-Triples, parsed back."""
    from diplograph.web import engine
    from diplograph.web.answers import make_job

    web = context()
    job = make_job(operation, TSV, NTRIPLES, web)
    results = engine.evaluate(job, web.store, web.settings.query_timeout)
    chosen = engine.choose(job, results)
    data, more = engine.serialize_prefix(results, chosen, MAX_HTML_BYTES)
    del results
    if more:  # keep complete lines only: both TSV and N-Triples are line-based
        data = data[: data.rfind(b"\n") + 1]
    lines = data.split(b"\n")
    if len(lines) > MAX_HTML_ROWS + 2:
        data, more = b"\n".join(lines[: MAX_HTML_ROWS + 1]) + b"\n", True
    if chosen.kind == "graph":
        return graph_rows(ox.parse(data, format=ox.RdfFormat.N_TRIPLES), more)
    parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.TSV)
    if isinstance(parsed, ox.QueryBoolean):
        return HtmlResults("boolean", [], [], boolean=bool(parsed))
    return solution_rows(parsed, more)


def graph_rows(triples: Any, truncated: bool) -> HtmlResults:
    linker = context().linker
    rows: list[list[TermView | None]] = [
        [linker.view(triple.subject), linker.view(triple.predicate), linker.view(triple.object)]
        for triple in triples
    ]
    return HtmlResults("graph", ["subject", "predicate", "object"], rows, truncated=truncated)


def solution_rows(solutions: Any, truncated: bool) -> HtmlResults:
    linker = context().linker
    columns = [variable.value for variable in solutions.variables]
    rows: list[list[TermView | None]] = []
    for solution in solutions:
        rows.append([None if solution[name] is None else linker.view(solution[name]) for name in columns])
    return HtmlResults("solutions", columns, rows, truncated=truncated)
