"""Reporting verbs: the words that attribute speech ("said", "urged", "according to"), found outside quotes.

Verbs of the first list state a view by themselves ("urged", "rejected", "welcomed"); those of the second
("said", "told") need reported words that do. Both are found on the lowered text with a letter trie, so
scanning an article for them costs a few microseconds per kilobyte.
"""

from __future__ import annotations

import re

from diplograph.extract.patterns import alternatives, trie_pattern
from diplograph.extract.quotes import QuoteIndex

__all__ = ["NEUTRAL_VERBS", "STANCE_VERBS", "VERB", "is_reporting_verb", "is_stance_verb", "reporting_verbs"]

# What is raised when raising is speech, and what follows a rating: the judgement ("a ten", "as positive").
_RAISED = (
    r"(?=\s+(?:(?:his|her|its|their|our|serious|grave|deep|strong|new|fresh)\s+)?"
    r"(?:concerns?|objections?|doubts?|alarm|fears?|questions?\s+(?:about|over))\b)"
)
_RATED = r"(?=\s[^.;:\n]{1,60}?(?:[“\"]|\bas\b|\bout\s+of\b))"
# Verbs whose use states a view by itself; the others ("said", "told") need reported words that do.
STANCE_VERBS = (
    r"urged|urges|urging|called\s+for|calls\s+for|calling\s+for|demanded|demands|"
    # "called on Israel to halt": a demand; "called on the prime minister at her hotel": a visit
    r"(?:called|calls)\s+on(?=\s[^.;:,]{1,80}?\sto\s+[a-z])|"
    r"proposed|proposes|proposing|appeal(?:ed|s|ing)?\s+(?:for|to)|blamed|blames|blaming|"
    r"demanding|warned|warns|warning|stressed|stresses|stressing|emphasi[sz]ed|emphasi[sz]es|underlined|"
    r"underlines|underscored|underscores|rejected|rejects|rejecting|described|describes|describing|"
    r"dismissed|dismisses|dismissing|proclaimed|proclaims|insisted|insists|insisting|accused|accuses|"
    r"accusing|welcomed|welcomes|welcoming|condemned|condemns|condemning|defended|defends|defending|"
    r"maintained|maintains|argued|argues|arguing|reiterated|reiterates|reaffirmed|reaffirms|affirmed|"
    r"asserted|vowed|vows|pledged|pledges|promised|praised|praises|hailed|hails|criticized|criticised|"
    r"criticizes|criticises|slammed|blasted|denounced|denied|denies|cautioned|expressed|voiced|"
    r"complained|regretted|labell?ed|branded|termed|made\s+clear|makes\s+clear|spoke\s+highly\s+of|dared|"
    r"insist|warn|urge|reject|accuse|condemn|welcome|deny|argue|maintain|stress|demand|"
    r"citing|called(?!\s+(?:off|up|in|back|him|her|by|to|on))|calls(?!\s+(?:off|for|on))|calling"
)
NEUTRAL_VERBS = (
    r"said|says|say|told|tells|added|adds|adding|noted|notes|noting|announced|announces|declared|declares|"
    r"declaring|stated|wrote|writes|tweeted|tweets|posted|explained|explains|saying|acknowledged|"
    r"admitted|conceded|claimed|claims|replied|responded|commented|remarked|observed|pointed\s+out|"
    r"recalled|predicted|suggested|asked|asks|according\s+to|"
    # "raised concerns about …", "raised objections to …": the concern is what is reported; "raised
    # tariffs" and "raised the flag" are deeds
    r"raise[sd]" + _RAISED + r"|raising" + _RAISED + "|"
    # "rated the meeting “a ten”", "rates the talks as positive": a judgement of what was rated
    r"rated" + _RATED + r"|rates" + _RATED
)
VERB = re.compile(
    r"(?<![\w-])(?:(?P<stance>" + STANCE_VERBS + r")|(?P<neutral>" + NEUTRAL_VERBS + r"))\b", re.I
)
_STANCE_VERB = re.compile(STANCE_VERBS, re.IGNORECASE)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern, a leading group opened into its own: the words a verb may
    start with, not the words inside a lookahead ('raised' before 'concerns|doubts')."""
    opened: list[str] = []
    for part in alternatives(pattern):
        group = re.match(r"\(\?:((?:[a-z]+\|)*[a-z]+)\)", part)
        opened += group.group(1).split("|") if group else [part]
    return opened


# Where a reporting verb may start: its first word, found on the lowered text with a letter trie.
_VERB_START = re.compile(
    r"(?<![\w-])"
    + trie_pattern(
        {
            m.group()
            for part in _alternatives(f"{STANCE_VERBS}|{NEUTRAL_VERBS}")
            if (m := re.match("[a-z]+", part))
        }
    )
)


# No finite verb follows an article or a possessive: "the proposed join date", "their demand"; a bare form
# after "a" and an adjective is a noun too ("a ceremonial welcome").
_BARE = frozenset(["insist", "warn", "urge", "reject", "accuse", "condemn", "welcome", "deny", "argue"])
_BARE |= {"maintain", "stress", "demand"}
_ARTICLES = frozenset(["a", "an", "the", "his", "her", "its", "their", "our"])


def reporting_verbs(text: str, quotes: QuoteIndex) -> list[re.Match[str]]:
    """Every reporting verb outside quotation marks, in order."""
    found = []
    lowered = text.lower()
    for start in _VERB_START.finditer(lowered):
        if not quotes.inside(start.start()):
            match = VERB.match(text, start.start())
            if match is not None and not _a_noun(lowered, match):
                found.append(match)
    return found


def _a_noun(lowered: str, match: re.Match[str]) -> bool:
    """Whether the verb form is a noun or an adjective after an article ('a ceremonial welcome')."""
    words = lowered[max(0, match.start() - 24) : match.start()].split()
    if words and words[-1] in _ARTICLES:
        return True
    return len(words) >= 2 and words[-2] in ("a", "an") and match.group().lower() in _BARE


def is_stance_verb(verb: str) -> bool:
    """Whether the verb states a view by itself ('urged', 'rejected'), not only reports ('said')."""
    return bool(_STANCE_VERB.fullmatch(verb))


def is_reporting_verb(word: str) -> bool:
    """Whether the word is a reporting verb of either list ('accused', 'said'), not a deed ('expelled')."""
    return bool(VERB.fullmatch(word))
