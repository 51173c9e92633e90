"""Reading a SPARQL 1.1 Protocol request, to the letter, before anything runs.

The protocol allows three ways in (GET ``?query=``, POST form-encoded, POST ``application/sparql-query``)
and two for updates (POST form ``update=``, POST ``application/sparql-update``). Everything else gets the
status the W3C protocol tests expect: 415 for an unknown media type or charset, 400 for two queries, a query
and an update together, or a body that is not UTF-8, 405 for an update by GET.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import parse_qsl

from werkzeug.exceptions import MethodNotAllowed
from werkzeug.wrappers import Request

from diplograph.errors import BadQuery, DiplographError
from diplograph.web.negotiation import OVERRIDE_PARAMETERS

SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
FORM_ENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"

Operation = Literal["query", "update", "none"]


class UnsupportedMediaType(DiplographError):
    """A POST body in a media type or charset the protocol does not define."""

    http_status = 415


@dataclass(frozen=True)
class ProtocolRequest:
    """One protocol operation: its kind, its text and the RDF dataset the request gives."""

    operation: Operation
    text: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    union: bool = True  # False when the query names its dataset (FROM): no union default graph then
    repeatable: bool = False  # True once the guard found nothing that differs between runs (guard.VARYING)
    #: The format parameter (``format=``, ``output=``, ``results=``) from the parameters read here, so that
    #: negotiating does not read the form again through Werkzeug (which costs more than a small query's run).
    format_override: str | None = None

    @property
    def has_dataset(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


def read_request(request: Request, body: bytes | None = None) -> ProtocolRequest:
    """The operation a request asks for, or the protocol error it deserves; ``body``: the request's body
    when the caller has read it already (else it is read through ``request``)."""
    if request.method == "GET":
        return _from_parameters(dict(request.args.lists()), allow_update=False)
    _check_charset(request)
    if request.mimetype == SPARQL_QUERY:
        return _direct(request, body, "query", "default-graph-uri", "named-graph-uri")
    if request.mimetype == SPARQL_UPDATE:
        return _direct(request, body, "update", "using-graph-uri", "using-named-graph-uri")
    if request.mimetype in (FORM_ENCODED, MULTIPART):
        parameters = dict(request.args.lists())
        for name, value in _form(request, body):
            parameters.setdefault(name, []).append(value)
        return _from_parameters(parameters, allow_update=True)
    shown = repr(request.mimetype) if request.mimetype else "no Content-Type"
    raise UnsupportedMediaType(
        f"Unsupported request body ({shown}): use {SPARQL_QUERY}, {SPARQL_UPDATE} or {FORM_ENCODED}."
    )


def read_plain_request(environ: dict[str, Any], body: bytes) -> ProtocolRequest | None:
    """What ``read_request`` finds in the two shapes tools send most, read straight from the WSGI environ:
    a GET with an ASCII query string, and a POST of a URL-encoded form (no Content-Type parameters) with
    nothing in its URL. ``None`` for any other shape, which ``read_request`` reads: Werkzeug's request
    object and Content-Type parser cost a new query more than the engine's run of a small one."""
    method, query_string = environ.get("REQUEST_METHOD"), environ.get("QUERY_STRING", "")
    if method == "GET" and query_string.isascii():  # Werkzeug's ``args``, for an ASCII query string
        pairs = parse_qsl(query_string, keep_blank_values=True, errors="werkzeug.url_quote")
        return _from_parameters(_grouped(pairs), allow_update=False)
    if method == "POST" and not query_string and environ.get("CONTENT_TYPE") == FORM_ENCODED:
        pairs = parse_qsl(_decode(body), keep_blank_values=True)
        return _from_parameters(_grouped(pairs), allow_update=True)
    return None


def _grouped(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Each parameter's values in order, as Werkzeug's ``MultiDict.lists()`` gives them."""
    parameters: dict[str, list[str]] = {}
    for name, value in pairs:
        parameters.setdefault(name, []).append(value)
    return parameters


def _form(request: Request, body: bytes | None) -> list[tuple[str, str]]:
    """The form's fields in order. A URL-encoded body (what tools send) is read by the standard library:
    Werkzeug's form machinery costs more than a small query's run; a multipart one by Werkzeug."""
    if request.mimetype == MULTIPART:
        return list(request.form.items(multi=True))
    return parse_qsl(_decode_body(request, body), keep_blank_values=True)


def _check_charset(request: Request) -> None:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(f"Unsupported charset {charset!r}: the protocol body must be UTF-8.")


def _decode_body(request: Request, body: bytes | None) -> str:
    return _decode(request.get_data() if body is None else body)


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadQuery(f"The request body is not valid UTF-8: {error}") from error


def _direct(
    request: Request, body: bytes | None, operation: Operation, default_name: str, named_name: str
) -> ProtocolRequest:
    """A query or update sent as the body; its dataset parameters come in the URL."""
    other = "update" if operation == "query" else "query"
    if other in request.args or operation in request.args:
        raise BadQuery(
            f"A direct {operation} body cannot be combined with a '{other}' or '{operation}' URL parameter."
        )
    _reject_foreign_dataset(request.args, operation)
    return ProtocolRequest(
        operation,
        _decode_body(request, body),
        tuple(request.args.getlist(default_name)),
        tuple(request.args.getlist(named_name)),
        format_override=_override(dict(request.args.lists())),
    )


def _from_parameters(parameters: dict[str, list[str]], allow_update: bool) -> ProtocolRequest:
    queries = parameters.get("query", [])
    updates = parameters.get("update", [])
    if queries and updates:
        raise BadQuery("A request carries either 'query' or 'update', not both.")
    if len(queries) > 1 or len(updates) > 1:
        raise BadQuery("A request carries one query (or one update), not several.")
    if updates and not allow_update:
        raise MethodNotAllowed(
            valid_methods=["POST"], description="SPARQL Update must be sent with POST, never with GET."
        )
    if updates:
        _reject_foreign_dataset(parameters, "update")
        return ProtocolRequest(
            "update",
            updates[0],
            tuple(parameters.get("using-graph-uri", [])),
            tuple(parameters.get("using-named-graph-uri", [])),
            format_override=_override(parameters),
        )
    _reject_foreign_dataset(parameters, "query")
    return ProtocolRequest(
        "query" if queries else "none",
        queries[0] if queries else None,
        tuple(parameters.get("default-graph-uri", [])),
        tuple(parameters.get("named-graph-uri", [])),
        format_override=_override(parameters),
    )


def _override(parameters: dict[str, list[str]]) -> str | None:
    """What ``negotiation.requested_override`` finds in the request's values (URL, then form): the first
    value of the first override parameter that is not blank."""
    for name in OVERRIDE_PARAMETERS:
        values = parameters.get(name)
        value = values[0].strip() if values else ""
        if value:
            return value
    return None


def _reject_foreign_dataset(parameters: object, operation: Operation) -> None:
    """Dataset parameters of the other operation are a client mistake, not something to ignore."""
    foreign = ("using-graph-uri", "using-named-graph-uri")
    if operation == "update":
        foreign = ("default-graph-uri", "named-graph-uri")
    for name in foreign:
        if name in parameters:  # type: ignore[operator]
            raise BadQuery(f"'{name}' does not apply to a SPARQL {operation}.")
