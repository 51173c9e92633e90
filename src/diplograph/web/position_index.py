"""The graph's positions, newest first, by holder, read once per store version.

The positions index and the "Positions stated" of an agent are sorted by date; a state's include those of
the people serving it, thousands for a big state. One flat scan per store version gives the table both
slice, so no request sorts all positions again.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from diplograph.store import GraphStore
from diplograph.web import context
from diplograph.web.bindings import Term
from diplograph.web.versioned import per_version

POSITIONS = """
SELECT ?position ?holder ?date ?stance ?topic WHERE {
  ?position a dg:Position .
  OPTIONAL { ?position dg:holder ?holder }
  OPTIONAL { ?position dg:date ?date }
  OPTIONAL { ?position dg:stance ?stance }
  OPTIONAL { ?position dg:topic ?topic }
}
"""


@dataclass(frozen=True, slots=True)
class PositionEntry:
    iri: str
    holder: ox.NamedNode | None
    date: ox.Literal | None
    stance: ox.NamedNode | None
    topic: ox.Literal | None


@dataclass
class PositionIndex:
    """Positions newest first (``DESC(STR(?date))``, then IRI; undated last) and by holder."""

    entries: list[PositionEntry] = field(default_factory=list)
    by_holder: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_iri: dict[str, PositionEntry] = field(default_factory=dict)

    def held_by(self, holders: list[str]) -> list[int]:
        """Positions of any of ``holders``, newest first."""
        found: set[int] = set()
        for holder in holders:
            found.update(self.by_holder.get(holder, ()))
        return sorted(found)


def smallest(values: list[Term]) -> Term | None:
    return min(values, key=str) if values else None


def read_position_index(store: GraphStore) -> PositionIndex:
    """One scan of the positions, kept in memory for the store version."""
    found: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
    for row in store.query(POSITIONS):
        values = found[row["position"].value]
        for name in ("holder", "date", "stance", "topic"):
            if row[name] is not None and row[name] not in values[name]:
                values[name].append(row[name])
    entries = [
        PositionEntry(
            iri=iri,
            holder=holder if isinstance(holder := smallest(values["holder"]), ox.NamedNode) else None,
            date=date if isinstance(date := smallest(values["date"]), ox.Literal) else None,
            stance=stance if isinstance(stance := smallest(values["stance"]), ox.NamedNode) else None,
            topic=topic if isinstance(topic := smallest(values["topic"]), ox.Literal) else None,
        )
        for iri, values in found.items()
    ]
    entries.sort(key=lambda entry: entry.iri)
    entries.sort(key=lambda entry: entry.date.value if entry.date is not None else "", reverse=True)
    index = PositionIndex(entries=entries)
    for position, entry in enumerate(entries):
        index.by_iri[entry.iri] = entry
        if entry.holder is not None:
            index.by_holder[entry.holder.value].append(position)
    return index


def position_index() -> PositionIndex:
    """The current store version's positions."""
    return per_version("position-index", lambda: read_position_index(context().store))
