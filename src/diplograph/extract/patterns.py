"""Regular-expression helpers shared by the position rules: fast alternations over word lists.

Python's regex engine tries the branches of a flat alternation one by one at every position; a trie
("urged|urges" → "urg(?:e(?:d|s))") rejects a position after a letter or two, which makes lexicons of a
hundred cues several times faster to scan without changing what they match.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

_LITERAL = re.compile(r"[a-z0-9' -]+")


def trie_pattern(words: set[str]) -> str:
    """One alternation over ``words`` (taken literally) that branches letter by letter."""
    heads: dict[str, set[str]] = {}
    for word in words:
        if word:
            heads.setdefault(word[0], set()).add(word[1:])
    if not heads:
        return ""
    branches = [re.escape(head) + trie_pattern(rests) for head, rests in sorted(heads.items())]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in words else body


def alternatives(pattern: str) -> list[str]:
    """The top-level branches of an alternation ('a|b(?:c|d)' → ['a', 'b(?:c|d)'])."""
    branches, depth, start = [], 0, 0
    for index, char in enumerate(pattern):
        if char == "(" and pattern[index - 1 : index] != "\\":
            depth += 1
        elif char == ")" and pattern[index - 1 : index] != "\\":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:index])
            start = index + 1
    branches.append(pattern[start:])
    return [branch.strip() for branch in branches if branch.strip()]


def cue_pattern(pattern: str) -> re.Pattern[str]:
    """A word-initial alternation of cues: the literal ones as a trie, the others as written."""
    branches = alternatives(pattern)
    literal = {b for b in branches if _LITERAL.fullmatch(b)}
    others = [b for b in branches if b not in literal]
    return re.compile(r"\b(?:" + "|".join(filter(None, [trie_pattern(literal), *others])) + ")")


def by_first_letter(branches: list[str]) -> str:
    """One alternation over ``branches`` that first looks at the letter a branch must start with, for
    patterns used case-insensitively: the engine otherwise tries every branch at every position. Within a
    letter the branches keep their order, so it matches exactly what the flat alternation matches."""
    letters = [first_letters(branch) for branch in branches]
    groups = [
        (letter, "|".join(b for b, first in zip(branches, letters, strict=True) if letter in first))
        for letter in sorted(set().union(*letters))
    ]
    return _letter_tree(groups)


def at_word_start(branches: list[str]) -> str:
    """``by_first_letter(branches)`` tried only where a word starts with one of their letters (for patterns
    used case-insensitively): one test there rules out most places of a text."""
    letters = "".join(sorted(set().union(*map(first_letters, branches))))
    return rf"(?<!\w)(?=[{letters}])" + by_first_letter(branches)


def word_alternation(pattern: str) -> re.Pattern[str]:
    """``\\b(?:pattern)\\b``, case-insensitive, its branches tried only where a word starts with one of their
    letters: the same matches, where the flat alternation tries every branch at every word."""
    fast = re.compile(at_word_start(alternatives(pattern)) + r"\b", re.IGNORECASE)
    PLAIN_FORMS[fast] = re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)
    return fast


# Each word alternation and its flat form, which a test checks it finds the same as.
PLAIN_FORMS: dict[re.Pattern[str], re.Pattern[str]] = {}


def starting_with(first: str, pattern: re.Pattern[str], word_start: bool = True) -> re.Pattern[str]:
    """The same pattern, tried only where one of the characters ``first`` (any case) starts a word: a
    pattern is otherwise tried at every character of every clause, and extraction must stay fast."""
    guard = r"(?<![\w])" if word_start else ""
    return guarded_by(rf"{guard}(?=[{first}{first.upper()}])", pattern)


def guarded_by(guard: str, pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern behind ``guard``, a zero-width test that holds where any match starts: one test
    rules out most places, where the engine would otherwise try every branch of the pattern."""
    guarded = re.compile(f"{guard}(?:{pattern.pattern})", pattern.flags)
    UNGUARDED[guarded] = pattern
    return guarded


UNGUARDED: dict[re.Pattern[str], re.Pattern[str]] = {}  # each guarded pattern and the pattern it guards


def _letter_tree(groups: list[tuple[str, str]]) -> str:
    """The groups of ``by_first_letter`` behind a binary tree of letter tests: a position is ruled out after
    a few tests instead of one per letter. No two groups can match at the same position (each needs its own
    first letter there), so the order the tests come in changes nothing."""
    if len(groups) <= 2:
        return "(?:" + "|".join(f"(?={letter})(?:{body})" for letter, body in groups) + ")"
    left, right = groups[: len(groups) // 2], groups[len(groups) // 2 :]
    return f"(?:(?=[{''.join(letter for letter, _ in left)}]){_letter_tree(left)}|{_letter_tree(right)})"


def first_letters(branch: str) -> set[str]:
    """The letters (lowercase) a branch can start with: a leading lookbehind is skipped, and a leading
    optional group adds its own first letters to those of what follows it."""
    if branch.startswith(("(?<!", "(?<=")):
        return first_letters(branch[_group_end(branch) :])
    if branch.startswith("(?:"):
        end = _group_end(branch)
        inner = set().union(*(first_letters(b) for b in alternatives(branch[3 : end - 1])))
        return inner | first_letters(branch[end + 1 :]) if branch[end : end + 1] == "?" else inner
    if not branch[:1].isalpha():
        raise ValueError(f"no letter starts {branch!r}")
    return {branch[0].lower()}


def _group_end(pattern: str) -> int:
    """Where the group that opens ``pattern`` ends (the index after its closing parenthesis)."""
    depth = 0
    for index, char in enumerate(pattern):
        if char == "(" and pattern[index - 1 : index] != "\\":
            depth += 1
        elif char == ")" and pattern[index - 1 : index] != "\\":
            depth -= 1
            if depth == 0:
                return index + 1
    raise ValueError(f"unbalanced group in {pattern!r}")


# The only characters that re.IGNORECASE reads as an ASCII letter but that str.lower() does not turn into
# it (found by trying every code point); "İ" is also the only one whose lowercase is longer than itself.
_LOWERED_OTHERWISE = ("İ", "ı", "ſ")


def keyword_text(text: str) -> str | None:
    """``text`` lowered for the tests of ``KeywordPattern``, offset for offset; None where lowering could
    hide a match (a dotted or dotless i, a long s), and the patterns are then always tried."""
    if any(char in text for char in _LOWERED_OTHERWISE):
        return None
    return text.lower()


def may_contain(lowered: str | None, words: tuple[str, ...]) -> bool:
    """Whether the text lowered by ``keyword_text`` (or a slice of it) has one of the words (lowercase).
    A plain loop: tried a few hundred times per article, where a generator costs more than the tests."""
    if lowered is None:
        return True
    for word in words:  # noqa: SIM110 (see above)
        if word in lowered:
            return True
    return False


@dataclass(frozen=True)
class KeywordPattern:
    """A pattern and words (lowercase) one of which every match contains: where none occurs, the pattern
    is not tried. Most clauses have none of a cue's words, and a substring test is far cheaper than a scan."""

    pattern: re.Pattern[str]
    keywords: tuple[str, ...]

    def may_match(self, lowered: str | None) -> bool:
        return may_contain(lowered, self.keywords)

    def search(
        self, text: str, lowered: str | None, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self.may_match(lowered) else None

    def finditer(
        self, text: str, lowered: str | None, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos, endpos) if self.may_match(lowered) else iter(())


class LowercasePattern:
    """A case-insensitive pattern run case-sensitively, its letters lowered, over the text lowered by
    ``keyword_text``: under re.IGNORECASE the engine folds the case of every character it compares, which
    makes a scan up to twice as slow. Lowering keeps offsets (``keyword_text`` gives None where it would not,
    or where a character lowers to something re.IGNORECASE does not read it as), and ``pattern`` itself then
    runs over the text. Spans are those of the text either way; the groups' words are in lowercase when they
    come from the lowered text, so callers lower what they read."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE:
            raise ValueError(f"not a case-insensitive pattern: {pattern.pattern!r}")
        self.pattern = pattern
        self.lowercase = re.compile(lowercase_source(pattern.pattern), pattern.flags & ~re.IGNORECASE)

    def finditer(
        self, text: str, lowered: str | None, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        if lowered is None:
            return self.pattern.finditer(text, pos, endpos)
        return self.lowercase.finditer(lowered, pos, endpos)

    def search(
        self, text: str, lowered: str | None, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        if lowered is None:
            return self.pattern.search(text, pos, endpos)
        return self.lowercase.search(lowered, pos, endpos)


def lowercase_source(source: str) -> str:
    """The letters of a case-insensitive pattern lowered, but those of escapes and group names: under
    re.IGNORECASE ``A`` and ``a``, ``[A-Z]`` and ``[a-z]`` match the same characters (tried on every code
    point), and case-sensitively over lowered text the lowered pattern matches what the original matches.
    Refused: a part made case-sensitive (``(?-i:``), escapes that name a character by its code, and the
    characters ``keyword_text`` does not lower."""
    if "(?-i" in source or any(char in source for char in _LOWERED_OTHERWISE):
        raise ValueError(f"cannot lower {source!r}")
    parts, index = [], 0
    while index < len(source):
        if source[index] == "\\":
            if (
                source[index + 1 : index + 2] in ("x", "u", "U", "N")
                or source[index + 1 : index + 2].isdigit()
            ):
                raise ValueError(f"cannot lower {source!r}")
            end = index + 2
        elif source.startswith(("(?P<", "(?P="), index):
            end = source.index(">" if source[index + 3] == "<" else ")", index) + 1
        else:
            parts.append(source[index].lower())
            index += 1
            continue
        parts.append(source[index:end])
        index = end
    return "".join(parts)


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match starts at one of ``starts`` (ascending): it
    is tried there only, where a scan would try it at every character."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            yield match
            end = match.end()
