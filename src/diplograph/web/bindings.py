"""Values bound into the pages' queries as a ``VALUES`` block at the head of every group that opens a query.

pyoxigraph's ``substitutions`` give the right answers, but Oxigraph plans the query as if the variables were
free and only then keeps the matching solutions: a person's page read every meeting of the graph to keep
its own. A ``VALUES`` block written first in a group is joined first, and its bindings flow into the
patterns that follow. A subquery is evaluated on its own, so the block opens every ``WHERE {`` (and
``ASK {``) of the query, the subqueries' too; a variable a group does not use is simply not projected out
of it.

Terms are serialized by pyoxigraph (an IRI is validated by ``NamedNode``, a literal escaped by ``Literal``),
never pasted from request text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pyoxigraph as ox

from diplograph.store import GraphStore

Term = ox.NamedNode | ox.Literal

#: Where a group opens that binds the values: a (sub)query's WHERE, or an ASK's pattern.
GROUP_OPENING = re.compile(r"\b(WHERE|ASK)\s*\{", re.IGNORECASE)


def values_block(names: Sequence[str], rows: Iterable[Sequence[Term]]) -> str:
    """``VALUES (?a ?b) { (<x> "y") … }``: one row per solution."""
    lines = []
    for row in rows:
        for term in row:
            if not isinstance(term, ox.NamedNode | ox.Literal):
                raise TypeError(f"only IRIs and literals can be bound, not {term!r}")
        lines.append("(" + " ".join(str(term) for term in row) + ")")
    variables = " ".join(f"?{name}" for name in names)
    return f" VALUES ({variables}) {{ {' '.join(lines)} }} "


def bind_rows(sparql: str, names: Sequence[str], rows: Iterable[Sequence[Term]]) -> str:
    """The query with a VALUES block of ``rows`` at the head of every group that opens a (sub)query."""
    block = values_block(names, rows)
    return GROUP_OPENING.sub(lambda found: found.group(0) + block, sparql)


def bind(sparql: str, values: Mapping[str, Term]) -> str:
    """The query with one row of ``values`` bound (see ``bind_rows``)."""
    return bind_rows(sparql, list(values), [list(values.values())]) if values else sparql


def query(store: GraphStore, sparql: str, **values: Term) -> Any:
    """Run ``sparql`` on ``store`` with ``values`` bound (see ``bind``)."""
    return store.query(bind(sparql, values))
