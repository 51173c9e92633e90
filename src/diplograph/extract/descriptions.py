"""People an article calls by a description once it has named them: 'the Chinese leader', 'the Saudi
minister', 'his Egyptian counterpart', 'the Head of State' (in a president's own press release).

News name a visitor in full once and then describe him: 'Later on Saturday, the Saudi minister was received
by President Raisi', 'President Tokayev invited the Chinese leader to pay a state visit'. A description is
the one person the article names who fits it; when more than one does, it is nobody (the state the
demonym names still counts where the meeting rules read demonyms).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from diplograph.extract.model import Mention, Span
from diplograph.extract.patterns import starting_with

__all__ = ["described_people"]

# "the Chinese leader", "the Saudi minister", "the Russian top diplomat", "his Egyptian counterpart", "the
# Head of State": a noun that is no title of ours after a demonym (the titles are read by entities.py), and
# never before a name ("the Saudi minister Faisal …" is that name's title) or an "of" ("the Head of State of
# Qatar").
DESCRIPTION = re.compile(
    r"\b(?:(?:[Tt]he|[Hh]is|[Hh]er)\s+(?P<demonym>[A-Z][\w’'-]+)\s+(?P<noun>leader|minister|top\s+diplomat|"
    r"counterpart)|[Tt]he\s+(?P<head>Head\s+of\s+State))\b(?!\s+(?:[A-Z]|of\b)|-)"
)
DESCRIPTION = starting_with("th", DESCRIPTION)  # "The", "the", "His", "his", "Her", "her"
# The roles each noun describes; a counterpart is anyone of the state who holds an office.
DESCRIBED_ROLES: dict[str, tuple[str, ...] | None] = {
    "leader": ("head of state", "head of government"),
    "minister": ("foreign minister", "defence minister", "minister"),
    "top diplomat": ("foreign minister",),
    "counterpart": None,
}
# "Head of State Kassym-Jomart Tokayev": the title a presidency's press service gives its own president.
_HEAD_OF_STATE_BEFORE = re.compile(r"\bHead\s+of\s+State\s+$")


def described_people(
    text: str, mentions: Sequence[Mention], demonyms: Sequence[tuple[str, Span]]
) -> list[Mention]:
    """A mention of the person each description stands for, where exactly one person of the article fits."""
    if not any(word in text for word in ("leader", "minister", "diplomat", "counterpart", "Head of State")):
        return []
    taken = [m.span for m in mentions]
    found = []
    for match in DESCRIPTION.finditer(text):
        head = match.start("noun") if match.group("demonym") else match.start("head")
        if any(head < other.end and other.start < match.end() for other in taken):
            continue  # the noun is part of a name or title read already
        person = _the_one(text, match, mentions, demonyms)
        if person is not None:
            span = Span(match.start("demonym") if match.group("demonym") else head, match.end())
            found.append(Mention(person.entity, span, person.role, person.represents))
    return found


def _the_one(
    text: str, match: re.Match[str], mentions: Sequence[Mention], demonyms: Sequence[tuple[str, Span]]
) -> Mention | None:
    people = [m for m in mentions if m.entity.kind == "person"]
    if match.group("head"):
        titled = {
            m.entity.key: m
            for m in people
            if _HEAD_OF_STATE_BEFORE.search(text, max(0, m.span.start - 20), m.span.start)
        }
        return next(iter(titled.values())) if len(titled) == 1 else None
    at = match.start("demonym")
    state = next((key for key, span in demonyms if span.start == at), None)
    state = state or next(
        (m.entity.key for m in mentions if m.span.start == at and m.entity.kind == "country"), None
    )
    if state is None:
        return None
    roles = DESCRIBED_ROLES[re.sub(r"\s+", " ", match.group("noun"))]
    fitting = {
        m.entity.key: m
        for m in people
        if m.represents == state and (m.role in roles if roles is not None else m.role is not None)
    }
    return next(iter(fitting.values())) if len(fitting) == 1 else None
