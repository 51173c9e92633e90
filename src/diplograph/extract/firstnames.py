"""Whether a one-word name is the person the gazetteer gives it, or someone else with the same surname.

"Søren Espersen of the Danish People's Party" is not Lene Espersen, though the gazetteer knows her as
"Espersen": a first name right before the surname that is not the person's own (nor a title, a known name
or a common word that opens sentences) names someone else. Transliterations ("Dmitry" for "Dmytro") and
couples ("Emmanuel and Brigitte Macron") are the person's own.
"""

from __future__ import annotations

import re

from diplograph.extract.model import Entity, Span
from diplograph.link.gazetteer import Gazetteer

_FIRST_NAME_BEFORE = re.compile(r"(?<![\w’'-])(?P<word>[^\W\d_][^\W\d_’'-]+)[^\S\n]$")


def _word_set(*lines: str) -> frozenset[str]:
    return frozenset(word for line in lines for word in line.split())


# Capitalised words that often stand right before a surname without being a first name.
_NOT_FIRST_NAMES = _word_set(
    "then but and when if as after before meanwhile so while yesterday today tonight now also still here",
    "there where why how what who earlier later both neither either only even since until although though",
    "because under over with without for from to at in on by of the a an this that these those his her",
    "their our my its said says told asked dear thanks state secretary minister president senator governor",
    "chairman leader premier chancellor king queen prince emir sheikh ambassador envoy spokesman",
    "spokeswoman spokesperson deputy vice commander chief director monday tuesday wednesday thursday",
    "friday saturday sunday january february march april may june july august september october november",
    "december",
)


def someone_elses_surname(
    text: str, span: Span, entity: Entity, gazetteer: Gazetteer, titles: frozenset[str]
) -> bool:
    """'Søren Espersen of the Danish People's Party' is not Lene Espersen: a person's one-word name right
    after a first name that is not the person's own (nor a title, a known name or a common word)."""
    if " " in span.of(text):
        return False
    before = _FIRST_NAME_BEFORE.search(text, max(0, span.start - 25), span.start)
    if before is None:
        return False
    word = before.group("word")
    lowered = word.lower()
    own = entity.label.split()
    if not (word[0].isupper() and word[1:].islower()) or any(_spelled_alike(word, o) for o in own):
        return False  # "Dmitry Kuleba" is Dmytro Kuleba
    if any(o in text[max(0, span.start - 40) : before.start()] for o in own[:-1]):
        return False  # "Emmanuel and Brigitte Macron" names Emmanuel Macron too
    if lowered in titles or lowered in _NOT_FIRST_NAMES:
        return False
    return not gazetteer.lookup(word)


def _spelled_alike(first: str, second: str) -> bool:
    """The same name in two transliterations ('Dmitry', 'Dmytro'): same first two letters and length ±2."""
    return first[:2].lower() == second[:2].lower() and abs(len(first) - len(second)) <= 2
