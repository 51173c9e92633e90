"""Regular-expression helpers shared by the position rules: fast alternations over word lists.

Python's regex engine tries the branches of a flat alternation one by one at every position; a trie
("urged|urges" → "urg(?:e(?:d|s))") rejects a position after a letter or two, which makes lexicons of a
hundred cues several times faster to scan without changing what they match.
"""

from __future__ import annotations

import re

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
