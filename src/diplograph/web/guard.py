"""What a SPARQL request is allowed to do here, decided before it reaches the engine.

The endpoint is read-only and never federates: an update or a ``SERVICE`` clause (which would make the
engine fetch remote endpoints) is refused. A small tokenizer skips strings, IRIs, comments, variables,
prefixed names and language tags, so only a real keyword counts — ``"SERVICE"`` in a literal does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.errors import BadQuery

QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)

# Order matters: long strings before short ones, IRIs before the `<` operator.
_TOKEN = re.compile(
    r"""
      (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<comment>\#[^\n\r]*)
    | (?P<variable>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<language>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<prefixed>(?:[^\W\d][\w.\-]*)?:(?:[\w:%\\\-]|\.(?=[\w:%\\\-]))*)
    | (?P<blank>_:[\w.\-]+)
    | (?P<word>[^\W\d]\w*)
    | (?P<other>\S)
    """,
    re.VERBOSE | re.UNICODE,
)


class QueryNotAllowed(BadQuery):
    """A well-formed request that this read-only, non-federating endpoint refuses."""

    http_status = 403


@dataclass(frozen=True)
class QueryShape:
    """The keywords that matter for access control, read without parsing the whole query."""

    form: str | None
    keywords: frozenset[str]

    @property
    def is_update(self) -> bool:
        return self.form in UPDATE_KEYWORDS

    @property
    def uses_service(self) -> bool:
        return "SERVICE" in self.keywords


def keywords(sparql: str) -> list[str]:
    """The bare words of a query, upper-cased, outside strings, IRIs, comments and names."""
    return [match.group("word").upper() for match in _TOKEN.finditer(sparql) if match.lastgroup == "word"]


def inspect_query(sparql: str) -> QueryShape:
    words = keywords(sparql)
    form = next((word for word in words if word in QUERY_FORMS or word in UPDATE_KEYWORDS), None)
    return QueryShape(form=form, keywords=frozenset(words))


def check_read_only_query(sparql: str) -> QueryShape:
    """Refuse updates and federated queries with a message saying why; return the query's shape."""
    if not sparql.strip():
        raise BadQuery("The query is empty.")
    shape = inspect_query(sparql)
    if shape.is_update:
        raise QueryNotAllowed("This endpoint is read-only: SPARQL Update is not accepted.")
    if shape.uses_service:
        raise QueryNotAllowed(
            "Federated queries (SERVICE) are not allowed on this endpoint: it does not fetch remote data."
        )
    return shape
