"""What extraction finds in one article: plain values, no RDF, so it can be tested exactly."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from diplograph.link.gazetteer import Entity

__all__ = ["Entity"]


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range [start, end) of the cleaned article text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a day, a month or a year; never more precise than the text makes certain."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    def isoformat(self) -> str:
        if self.day is not None and self.month is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def of(cls, day: date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    def as_date(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    def compatible(self, other: PartialDate) -> bool:
        """True when both could denote the same day (one may be coarser than the other)."""
        if self.year != other.year:
            return False
        if self.month is None or other.month is None:
            return True
        if self.month != other.month:
            return False
        return self.day is None or other.day is None or self.day == other.day


@dataclass(frozen=True)
class Mention:
    """An entity named in the text, with the role and state the text gives it there."""

    entity: Entity
    span: Span
    role: str | None = None
    represents: str | None = None  # key of a state


@dataclass(frozen=True)
class Participant:
    entity: Entity
    role: str | None = None
    represents: str | None = None
    is_host: bool = False


class Status(StrEnum):
    PROPOSED = "proposed"
    PLANNED = "planned"
    HELD = "held"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class Stance(StrEnum):
    SUPPORT = "support"
    OPPOSE = "oppose"
    NEUTRAL = "neutral"
    OTHER = "other"


@dataclass(frozen=True)
class MeetingFinding:
    """One meeting as this article reports it, with the sentences it comes from.

    ``trigger`` is the word that first reports it ("met", "talks"): one sentence can report several
    meetings, so the trigger, not the sentence, tells them apart.
    """

    status: Status
    participants: tuple[Participant, ...]
    evidence: tuple[Span, ...]
    trigger: Span
    date: PartialDate | None = None
    place: Entity | None = None
    rule: str = ""

    @property
    def kind(self) -> str:
        states = {
            p.represents or (p.entity.key if p.entity.kind == "country" else p.entity.key)
            for p in self.participants
        }
        return "bilateral" if len(states) <= 2 else "multilateral"


@dataclass(frozen=True)
class PositionFinding:
    """A stance an actor states, with the verbatim words and the sentence around them."""

    holder: Entity
    topic: str
    stance: Stance
    quote: Span
    sentence: Span
    date: PartialDate | None = None
    rule: str = ""


@dataclass(frozen=True)
class Findings:
    meetings: tuple[MeetingFinding, ...] = ()
    positions: tuple[PositionFinding, ...] = ()
    mentions: tuple[Mention, ...] = field(default=(), repr=False)
