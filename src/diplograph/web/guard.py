"""What a SPARQL request is allowed to do here, decided before it reaches the engine.

The endpoint is read-only unless updates are enabled, never runs LOAD, and calls only allow-listed
endpoints with ``SERVICE`` (pyoxigraph would call any endpoint by itself, so this check is the only
switch). A small tokenizer skips strings, IRIs, comments, variables, prefixed names and language tags,
so only a real keyword counts — ``"SERVICE"`` in a literal does not.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from diplograph.errors import BadQuery

QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
#: What makes two runs of a query on the same data differ: functions of the moment or of chance, and
#: another endpoint's data.
VARYING = frozenset({"RAND", "NOW", "UUID", "STRUUID", "BNODE", "SERVICE"})
#: Every keyword a check of a query looks for (``FROM``: the query names its dataset). A query whose text,
#: upper-cased as the tokenizer's words are, holds none of them anywhere is let through without tokenizing
#: it: tokenizing costs more than a small query's run, and most queries name none of them.
CHECKED_WORDS = UPDATE_KEYWORDS | VARYING | {"FROM"}

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
    """A well-formed request that this endpoint refuses (an update when read-only, LOAD, a SERVICE)."""

    http_status = 403


@dataclass(frozen=True)
class QueryShape:
    """The keywords that matter for access control, read without parsing the whole query."""

    form: str | None
    keywords: frozenset[str]
    services: tuple[str | None, ...] = ()

    @property
    def is_update(self) -> bool:
        return self.form in UPDATE_KEYWORDS

    @property
    def repeatable(self) -> bool:
        """Whether the query answers the same on the same data, so that its results may be kept."""
        return not self.keywords & VARYING


def tokens(sparql: str) -> list[tuple[str, str, int]]:
    """``(kind, text, offset)`` for every token outside comments."""
    return [
        (match.lastgroup or "other", match.group(), match.start())
        for match in _TOKEN.finditer(sparql)
        if match.lastgroup != "comment"
    ]


def keywords(sparql: str) -> list[str]:
    """The bare words of a query, upper-cased, outside strings, IRIs, comments and names."""
    return [text.upper() for kind, text, _ in tokens(sparql) if kind == "word"]


def service_targets(sparql: str, prefixes: Mapping[str, str]) -> tuple[str | None, ...]:
    """The endpoint of every ``SERVICE`` clause: its IRI, or ``None`` when it is a variable or unresolvable.

    Prefixed names resolve through the query's own ``PREFIX`` declarations and then ``prefixes``.
    """
    return _service_targets(tokens(sparql), prefixes)


def _service_targets(
    found: list[tuple[str, str, int]], prefixes: Mapping[str, str]
) -> tuple[str | None, ...]:
    declared = dict(prefixes)
    for index, (kind, text, _) in enumerate(found[:-2]):
        if kind == "word" and text.upper() == "PREFIX" and found[index + 2][0] == "iri":
            declared[found[index + 1][1].rstrip(":")] = found[index + 2][1][1:-1]
    targets: list[str | None] = []
    for index, (kind, text, _) in enumerate(found):
        if kind != "word" or text.upper() != "SERVICE":
            continue
        following = found[index + 1 : index + 3]
        if following and following[0][0] == "word" and following[0][1].upper() == "SILENT":
            following = following[1:]
        target = following[0] if following else ("other", "", 0)
        if target[0] == "iri":
            targets.append(target[1][1:-1])
        elif target[0] == "prefixed" and target[1].partition(":")[0] in declared:
            prefix, _, local = target[1].partition(":")
            targets.append(declared[prefix] + local)
        else:
            targets.append(None)
    return tuple(targets)


def inspect_query(sparql: str, prefixes: Mapping[str, str] | None = None) -> QueryShape:
    """The query's shape from one pass of the tokenizer (it is most of the cost of checking a query)."""
    found = tokens(sparql)
    words = [text.upper() for kind, text, _ in found if kind == "word"]
    form = next((word for word in words if word in QUERY_FORMS or word in UPDATE_KEYWORDS), None)
    services = _service_targets(found, prefixes or {}) if "SERVICE" in words else ()
    return QueryShape(form=form, keywords=frozenset(words), services=services)


def check_services(shape: QueryShape, allowed: Collection[str]) -> None:
    """Refuse any SERVICE whose endpoint is not allow-listed: the engine would call it by itself."""
    for target in shape.services:
        if target is None or target not in allowed:
            shown = f"<{target}>" if target else "an endpoint given by a variable or unknown prefix"
            hint = (
                f" Allowed: {', '.join(sorted(allowed))}."
                if allowed
                else " No endpoint is allow-listed (serve --allow-service URL)."
            )
            raise QueryNotAllowed(f"SERVICE to {shown} is not allowed on this endpoint.{hint}")


def check_read_only_query(
    sparql: str, allowed_services: Collection[str] = (), prefixes: Mapping[str, str] | None = None
) -> QueryShape:
    """Refuse updates and non-allow-listed SERVICE calls with a message saying why; return the shape."""
    if not sparql.strip():
        raise BadQuery("The query is empty.")
    upper = sparql.upper()
    if not any(word in upper for word in CHECKED_WORDS):
        return QueryShape(form=None, keywords=frozenset())  # nothing here could be refused or vary
    shape = inspect_query(sparql, prefixes)
    if shape.is_update:
        raise BadQuery("This is a SPARQL Update, not a query: send it as 'update', not 'query'.")
    check_services(shape, allowed_services)
    return shape


def check_update(
    sparql: str, allowed_services: Collection[str] = (), prefixes: Mapping[str, str] | None = None
) -> QueryShape:
    """Refuse LOAD (it fetches the web) and non-allow-listed SERVICE calls inside an update."""
    if not sparql.strip():
        raise BadQuery("The update is empty.")
    shape = inspect_query(sparql, prefixes)
    if "LOAD" in shape.keywords:
        raise QueryNotAllowed("LOAD is not allowed on this endpoint: it does not fetch remote data.")
    check_services(shape, allowed_services)
    return shape


def add_using_clauses(update: str, default_graphs: list[str], named_graphs: list[str]) -> str:
    """Apply the protocol's ``using-graph-uri`` / ``using-named-graph-uri`` as USING clauses.

    The engine has no option for them, so a ``USING`` goes before every top-level ``WHERE`` of a
    DELETE/INSERT operation. The protocol forbids combining them with ``USING`` or ``WITH`` in the update.
    """
    if not default_graphs and not named_graphs:
        return update
    found = tokens(update)
    if any(kind == "word" and text.upper() in ("USING", "WITH") for kind, text, _ in found):
        raise BadQuery(
            "using-graph-uri / using-named-graph-uri cannot be combined with USING or WITH in the update."
        )
    clauses = " ".join(
        [*(f"USING <{iri}>" for iri in default_graphs), *(f"USING NAMED <{iri}>" for iri in named_graphs)]
    )
    offsets, depth, previous = [], 0, ""
    for kind, text, offset in found:
        if text == "{":
            depth += 1
        elif text == "}":
            depth -= 1
        elif kind == "word" and text.upper() == "WHERE" and depth == 0 and previous != "DELETE":
            offsets.append(offset)
        previous = text.upper() if kind == "word" else text
    for offset in reversed(offsets):
        update = f"{update[:offset]}{clauses} {update[offset:]}"
    return update
