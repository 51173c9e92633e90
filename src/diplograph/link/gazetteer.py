"""The offline gazetteer: every known name, alias and demonym, and who held which office when.

Loaded from ``data/gazetteer.csv`` and ``data/offices.csv``; the extractor asks it which entity a name
denotes and who held a post (say, Iran's foreign minister) in a given year.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class Entity:
    """A real-world agent or place: from the gazetteer (with Wikidata id) or found by its title."""

    key: str  # the slug of its IRI
    kind: str  # person | country | city | organization | region
    label: str
    wikidata: str | None = None
    country: str | None = None  # key of the state it belongs to or serves
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Office:
    person: str
    role: str
    country: str
    start: int | None
    end: int | None

    def covers(self, year: int) -> bool:
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


@dataclass(frozen=True)
class Name:
    """A surface form and what it denotes: an entity by name, or a state by its demonym."""

    surface: str
    key: str
    is_demonym: bool = False


class Gazetteer:
    def __init__(
        self,
        entities: dict[str, Entity],
        names: list[Name],
        offices: list[Office],
        capitals: frozenset[str] = frozenset(),
    ) -> None:
        self.entities = entities
        self.names = names
        self.offices = offices
        self.capitals = capitals
        self._looked_up: dict[str, list[Name]] = {}  # see ``lookup``

    @classmethod
    def load(cls, folder: Path) -> Gazetteer:
        entities: dict[str, Entity] = {}
        names: list[Name] = []
        capitals: set[str] = set()
        with (folder / "gazetteer.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                aliases = tuple(_split(row.get("aliases")))
                entity = Entity(
                    key=row["id"],
                    kind=row["kind"],
                    label=row["label"],
                    wikidata=(row.get("wikidata") or "").strip() or None,
                    country=(row.get("country") or "").strip() or None,
                    aliases=aliases,
                )
                entities[entity.key] = entity
                names.extend(Name(surface, entity.key) for surface in (entity.label, *aliases))
                names.extend(Name(surface, entity.key, True) for surface in _split(row.get("demonyms")))
                if (row.get("capital") or "").strip().lower() in ("yes", "true", "1"):
                    capitals.add(entity.key)
        offices: list[Office] = []
        offices_path = folder / "offices.csv"
        if offices_path.exists():
            with offices_path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    offices.append(
                        Office(
                            row["person"],
                            row["role"],
                            row["country"],
                            _year(row.get("start")),
                            _year(row.get("end")),
                        )
                    )
        return cls(entities, names, offices, frozenset(capitals))

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """One alternation of every surface form, longest first, matched on word boundaries (``find`` tries
        the same alternatives grouped by their first word)."""
        surfaces = sorted({name.surface for name in self.names if name.surface}, key=len, reverse=True)
        body = "|".join(_flexible(surface) for surface in surfaces)
        return re.compile(r"(?<![\w.])(?:" + body + r")" + NAME_END)

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every surface form: where a name can start."""
        return frozenset(_first_word(name.surface) for name in self.names if name.surface)

    @cached_property
    def patterns_by_first_word(self) -> dict[str, re.Pattern[str]]:
        """The alternation of the surface forms that start with each first word: at a word, only the names
        that can start there are tried (the same longest match as ``pattern``, many times faster)."""
        groups: dict[str, set[str]] = {}
        for name in self.names:
            if name.surface:
                groups.setdefault(_first_word(name.surface), set()).add(name.surface)
        return {
            word: re.compile(
                r"(?<![\w.])(?:"
                + "|".join(_flexible(s) for s in sorted(surfaces, key=len, reverse=True))
                + r")"
                + NAME_END
            )
            for word, surfaces in groups.items()
        }

    def find(self, text: str) -> Iterator[re.Match[str]]:
        """Every longest name match in ``text``, left to right, without overlaps."""
        position = 0
        patterns = self.patterns_by_first_word
        for word in _WORD.finditer(text):
            pattern = patterns.get(word.group().rstrip(".").lower())  # most words start no name
            if pattern is None or word.start() < position:
                continue
            match = pattern.match(text, word.start())
            if match:
                position = match.end()
                yield match

    @cached_property
    def by_surface(self) -> dict[str, list[Name]]:
        table: dict[str, list[Name]] = {}
        for name in self.names:
            table.setdefault(_normal(name.surface), []).append(name)
        return table

    def lookup(self, surface: str) -> list[Name]:
        """The names spelled so, whitespace and apostrophes aside. Remembered per surface (up to a bound): an
        article asks for the same few names again and again, and normalising costs more than looking up."""
        names = self._looked_up.get(surface)
        if names is None:
            names = self.by_surface.get(_normal(surface), [])
            if len(self._looked_up) < _REMEMBERED_SURFACES:
                self._looked_up[surface] = names
        return names

    @cached_property
    def by_folded_surface(self) -> dict[str, list[Name]]:
        table: dict[str, list[Name]] = {}
        for name in self.names:
            table.setdefault(_normal(name.surface).casefold(), []).append(name)
        return table

    def lookup_folded(self, surface: str) -> list[Name]:
        """The names spelled so in any case: 'DAR ES SALAAM' in a dateline is Dar es Salaam."""
        return self.by_folded_surface.get(_normal(surface).casefold(), [])

    def office_holder(self, role: str, country: str, year: int) -> Entity | None:
        """The one person who held ``role`` for ``country`` throughout ``year``; None if not certain."""
        holders = {
            office.person
            for office in self.offices
            if office.role == role and office.country == country and office.covers(year)
        }
        if len(holders) != 1:
            return None
        return self.entities.get(holders.pop())

    def titled_by_name(
        self, name: str, year: int | None, roles: frozenset[str] | None = None, country: str | None = None
    ) -> Entity | None:
        """The one person called ``name`` (one word of their name) who held one of ``roles`` (any office when
        None), for ``country`` when given, in ``year`` (in any year when it is unknown): "President Marcos"
        in 2024 is Ferdinand Marcos Jr., "Singapore's Lee" in 2021 Lee Hsien Loong."""
        holders = {
            office.person
            for person in self._people_by_name_word.get(name, frozenset())
            for office in self._offices_by_person.get(person, ())
            if (roles is None or office.role in roles)
            and (country is None or office.country == country)
            and (year is None or office.covers(year))
        }
        return self.entities.get(holders.pop()) if len(holders) == 1 else None

    @cached_property
    def _offices_by_person(self) -> dict[str, list[Office]]:
        table: dict[str, list[Office]] = {}
        for office in self.offices:
            table.setdefault(office.person, []).append(office)
        return table

    @cached_property
    def _people_by_name_word(self) -> dict[str, frozenset[str]]:
        """Each word of a person's names (generation suffixes aside) and the people named with it."""
        table: dict[str, set[str]] = {}
        for entity in self.entities.values():
            if entity.kind != "person":
                continue
            for surface in (entity.label, *entity.aliases):
                for word in re.split(r"[\s-]+", surface):
                    if word[:1].isupper() and word.rstrip(".") not in _GENERATIONS:
                        table.setdefault(word, set()).add(entity.key)
        return {word: frozenset(keys) for word, keys in table.items()}

    @cached_property
    def roles(self) -> dict[str, frozenset[str]]:
        """The roles the offices table gives each person (looked up for every person an article names)."""
        found: dict[str, set[str]] = {}
        for office in self.offices:
            found.setdefault(office.person, set()).add(office.role)
        return {person: frozenset(roles) for person, roles in found.items()}

    def holds(self, person: str, role: str) -> bool:
        return any(office.person == person and office.role == role for office in self.offices)


_WORD = re.compile(r"(?<![\w.])\w[\w.]*")
_REMEMBERED_SURFACES = 100_000

#: Where a name ends: not inside a longer word, and not before an apostrophe that goes on with letters
#: other than a possessive 's ("Xi's visit" names Xi; "Xi'an" is a city).
NAME_END = r"(?![\w]|['’](?![sS]\b)\w)"


_GENERATIONS = frozenset(["Jr", "Sr", "II", "III", "IV"])


def _first_word(surface: str) -> str:
    """The first word as ``_WORD`` cuts it, so a name and the text it occurs in agree."""
    match = _WORD.search(surface)
    return match.group().rstrip(".").lower() if match else ""


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def _year(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value[:4]) if value else None


def _normal(surface: str) -> str:
    return re.sub(r"\s+", " ", surface.replace("’", "'")).strip()


def _flexible(surface: str) -> str:
    """Regex for a name that tolerates any whitespace (articles carry non-breaking spaces) and ’ for '."""
    parts = [re.escape(part).replace("'", "['’]") for part in surface.split()]
    return r"\s+".join(parts)
