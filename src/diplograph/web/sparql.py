"""``/sparql``: the SPARQL 1.1 Protocol endpoint (read-only, never federated) and its HTML query UI.

Queries run on pyoxigraph's own engine through ``GraphStore.query``; results are serialized by the engine
(``QueryResults.serialize``) and streamed. Without a ``query``, browsers get the query UI and tools the
SPARQL service description.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request, url_for

from diplograph.errors import BadQuery
from diplograph.web import context, dataset
from diplograph.web.guard import QueryNotAllowed, check_read_only_query
from diplograph.web.negotiation import (
    GRAPH_FORMATS,
    HTML,
    RESULT_FORMATS,
    Format,
    NotAcceptable,
    choose_optional,
)
from diplograph.web.streaming import stream_query
from diplograph.web.terms import TermView

blueprint = Blueprint("sparql", __name__)

SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
FORM_ENCODED = "application/x-www-form-urlencoded"
MAX_HTML_ROWS = 1000
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

    kind: str  # "solutions", "boolean" or "triples"
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


@blueprint.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    if "update" in request.values or request.mimetype == SPARQL_UPDATE:
        raise QueryNotAllowed("This endpoint is read-only: SPARQL Update is not accepted.")
    sparql = query_text()
    results_format = choose_optional(request, (*RESULT_FORMATS, HTML))
    graph_format = choose_optional(request, (*GRAPH_FORMATS, HTML))
    wants_html = HTML in (results_format, graph_format) and request.method == "GET"
    if sparql is None:
        if wants_html:
            return query_page(None)
        if request.method == "POST":
            raise BadQuery("Missing the 'query' parameter (or an application/sparql-query body).")
        return service_description(graph_format if graph_format not in (None, HTML) else GRAPH_FORMATS[0])
    check_read_only_query(sparql)
    if wants_html:
        return query_page(sparql)
    return stream_response(sparql, results_format, graph_format)


def query_text() -> str | None:
    """The query from ``?query=``, a form field, or a direct ``application/sparql-query`` body."""
    if request.method == "POST" and request.mimetype == SPARQL_QUERY:
        return request.get_data(as_text=True)
    if request.method == "POST" and request.mimetype not in (FORM_ENCODED, "multipart/form-data"):
        raise BadQuery(
            f"Unsupported Content-Type {request.mimetype!r}: use {SPARQL_QUERY} or {FORM_ENCODED}."
        )
    text = request.values.get("query")
    return text if text is not None else None


def dataset_options() -> dict[str, Any]:
    """``default-graph-uri`` / ``named-graph-uri`` as engine options; without them the default graph is the
    union of all named graphs."""
    default_graphs = request.values.getlist("default-graph-uri")
    named_graphs = request.values.getlist("named-graph-uri")
    if not default_graphs and not named_graphs:
        return {"union": True}
    options: dict[str, Any] = {"union": False, "default_graph": [ox.NamedNode(iri) for iri in default_graphs]}
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
    return options


def run_query(sparql: str) -> Any:
    return context().store.query(sparql, **dataset_options_or_error())


def stream_response(sparql: str, results_format: Format | None, graph_format: Format | None) -> Response:
    options = dataset_options_or_error()
    store = context().store

    def run() -> Any:
        return store.query(sparql, **options)

    def prepare(results: Any) -> Format:
        chosen = graph_format if isinstance(results, ox.QueryTriples) else results_format
        family = GRAPH_FORMATS if isinstance(results, ox.QueryTriples) else RESULT_FORMATS
        if chosen is None or chosen is HTML:
            names = ", ".join(candidate.media_type for candidate in family)
            raise NotAcceptable(f"This query's results can be served as: {names}.")
        return chosen

    def serialize(results: Any, chosen: Format, writer: Any) -> None:
        results.serialize(writer, chosen.engine)

    chosen, body = stream_query(run, prepare, serialize)
    return Response(body, content_type=chosen.content_type, direct_passthrough=True)


def dataset_options_or_error() -> dict[str, Any]:
    try:
        return dataset_options()
    except ValueError as error:
        raise BadQuery(f"Invalid graph IRI: {error}") from error


def service_description(chosen: Format) -> Response:
    endpoint_iri = context().settings.base + "sparql"
    formats = [*RESULT_FORMATS, *GRAPH_FORMATS]
    body = dataset.serialize_triples(dataset.service_description(endpoint_iri, formats), chosen)
    return Response(body, content_type=chosen.content_type)


def query_page(sparql: str | None) -> Response:
    """The query UI; with a query, its results as a table (the page's URL is the permalink)."""
    web = context()
    examples = read_examples(web.queries_path)
    chosen_example = request.args.get("example")
    text = sparql
    if text is None:
        example = next((item for item in examples if item.name == chosen_example), None)
        text = example.text if example else DEFAULT_QUERY
    results, error, status = None, None, 200
    if sparql is not None:
        try:
            results = html_results(run_query(sparql))
        except QueryNotAllowed:
            raise
        except BadQuery as problem:
            error, status = str(problem), problem.http_status
    downloads = []
    if results is not None:
        family = GRAPH_FORMATS[:4] if results.kind == "triples" else RESULT_FORMATS
        extra: dict[str, Any] = {
            key: values for key, values in request.args.lists() if key not in ("format", "output", "results")
        }
        for candidate in family:
            downloads.append((candidate, url_for("sparql.endpoint", **extra, format=candidate.names[0])))
    body = render_template(
        "sparql.html",
        query=text,
        ran=sparql is not None,
        results=results,
        error=error,
        examples=examples,
        downloads=downloads,
        default_graphs=request.args.getlist("default-graph-uri"),
        named_graphs=request.args.getlist("named-graph-uri"),
    )
    return Response(body, status=status, content_type="text/html; charset=utf-8")


def html_results(results: Any) -> HtmlResults:
    linker = context().linker
    if isinstance(results, ox.QueryBoolean):
        return HtmlResults("boolean", [], [], boolean=bool(results))
    rows: list[list[TermView | None]] = []
    truncated = False
    if isinstance(results, ox.QueryTriples):
        columns = ["subject", "predicate", "object"]
        for triple in results:
            if len(rows) >= MAX_HTML_ROWS:
                truncated = True
                break
            rows.append(
                [linker.view(triple.subject), linker.view(triple.predicate), linker.view(triple.object)]
            )
        return HtmlResults("triples", columns, rows, truncated=truncated)
    columns = [variable.value for variable in results.variables]
    for solution in results:
        if len(rows) >= MAX_HTML_ROWS:
            truncated = True
            break
        rows.append([None if solution[name] is None else linker.view(solution[name]) for name in columns])
    return HtmlResults("solutions", columns, rows, truncated=truncated)
