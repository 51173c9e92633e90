"""Topics: what a position is about, named by the first topic word of its words (else of its sentence).

A word ending in "-" is a stem ("terroris-" covers "terrorism" and "terrorist"); two words joined by "_"
are a phrase. Topics are tried in the order below, so "a ceasefire in the talks" is about the ceasefire.
"""

from __future__ import annotations

import re

TOPICS: tuple[tuple[str, str], ...] = (
    ("ceasefire", "ceasefire cease-fire truce armistice"),
    ("demands", "demand demands"),
    (
        "foreign forces",
        "withdrawal removal foreign_forces foreign_troops foreign_militar- leave_syria iranian_forces",
    ),
    ("nuclear programme", "nuclear denucleari-"),
    ("counter-terrorism", "terroris- isis islamic_state nusra"),
    ("sanctions", "sanction-"),
    ("sovereignty", "sovereignty territor- border- airspace"),
    ("democracy", "election elections democra- authoritarian- human_rights"),
    ("humanitarian", "refugee- humanitarian corridor corridors"),
    ("economy", "trade currenc- econom- energy gas oil tariff-"),
    ("the talks", "talks meeting- negotiation- get-togethers summit- visit- trip"),
    ("reconstruction", "rebuild- reconstruction infrastructure"),
    ("the resistance axis", "axis resistance zionist"),
    ("cooperation", "relations cooperation work_together partnership- ties alliance-"),
    ("security", "security militar- defence defense arms weapon-"),
)
_TOPIC_WORDS: dict[str, int] = {}
_TOPIC_STEMS: list[tuple[str, re.Pattern[str], int]] = []
for _index, (_, _names) in enumerate(TOPICS):
    for _name in _names.split():
        _name = _name.replace("_", " ")
        if _name.endswith("-") or " " in _name:
            _stem = _name.rstrip("-")
            _TOPIC_STEMS.append(
                (_stem, re.compile(r"\b" + re.escape(_stem) + ("" if _name.endswith("-") else r"\b")), _index)
            )
        else:
            _TOPIC_WORDS.setdefault(_name, _index)
_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)*")
_ISLAMIC_STATE = re.compile(r"\bIS\b")


def _topic_index(source: str) -> int | None:
    """The precedence of the first topic named in ``source`` (words, phrases and stems)."""
    lowered = source.lower()
    found = [_TOPIC_WORDS[word] for word in set(_WORDS.findall(lowered)) if word in _TOPIC_WORDS]
    found += [index for stem, pattern, index in _TOPIC_STEMS if stem in lowered and pattern.search(lowered)]
    if "IS" in source and _ISLAMIC_STATE.search(source):  # the word "IS": a substring test rules most out
        found.append(4)
    return min(found) if found else None


def topic(words: str, context: str) -> str:
    """The first topic (in the order above) named in the quoted words, else in the sentence; else 'other'."""
    for source in (words, context):
        index = _topic_index(source)
        if index is not None:
            return TOPICS[index][0]
    return "other"
