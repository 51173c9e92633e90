"""Stance and topic from a small, readable lexicon, so every stance can be explained by the words behind it.

Cues are word stems. A cue under a negation in its own clause ("not good", "does not present a threat",
"without foreign interference") does not count as itself: a denied support cue is opposition, a denied
oppose cue cancels. Words of the topic that a stance is about ("ceasefire", "cooperation") count only
towards the stance, never as the sign that a reported clause carries a view at all.
"""

from __future__ import annotations

import re

from diplograph.extract.model import Stance
from diplograph.extract.patterns import alternatives, cue_pattern


def _alternatives(*groups: str) -> str:
    """One regex alternation from groups of cues separated by '|' (a group per line, for reading)."""
    return "|".join(cue for group in groups for cue in alternatives(group))


# Evaluations and stances: these make a reported clause a position and decide its stance.
SUPPORT_CUES = _alternatives(
    "support|welcom|praise|commend|encourag|appreciat|grateful|value|hope|hoping",
    "positive|constructive|fruitful|productive|useful|excellent|important|paramount|historic",
    "success|succeed|step forward|new level|new era|opportunit|right direction|can be solved",
    "ready to|willing|committed|determin|look forward|looking forward|invit",
    "work together|working together|pool efforts|reinforc|strengthen|deepen|help|guardrail",
    "friend|family|solidarity|unite\\b|uniting|unity|one voice",
    "shoulder to shoulder|stand with|stands with|stood with|standing with",
    "door is open|door was open|door remains open",
)
OPPOSE_CUES = _alternatives(
    "reject|dismiss|oppos(?!ition)|condemn|denounc|deplor|protest|disagree|regret|concern|surprised",
    "never accept|not accept|cannot accept|not tolerate|never tolerate|not allow|not convinced|unconvinced",
    "sceptic|skeptic|unacceptable|unrealistic|unprofessional|unjustified|unconstitutional|illegal",
    "unbecoming|undiplomatic|irresponsible|unfounded|baseless|groundless|absurd|impossible|fruitless",
    "wrong|dangerous|serious|reckless|brazen|disregard|manipulat|hypocri|double standard|slander|blame",
    "biased|disproportionate|sham|farce|puppet|standstill|deadlock",
    "accus(?:e|es|ed|ing)\\b|interfer|provocat|hostil|aggressi|bullying|bully|hegemon|coerci|intimidat",
    "undermin|destabili|escalat|confrontation|isolat|violat|sanction|terroris|dictator",
    "invasion|occupation|war crime|genocide|massacre|atrocit|catastroph|pain|suffering|anger|revenge",
    "for the sake of|irritant|abandon|get rid of|have to leave|must leave|withdrawal of|removal of",
)
# Cues that need a phrase around a word, each tried only where its word occurs: a threat named as such
# ("a direct threat", "poses a threat", not "where the threats come from"), fuelling a conflict.
OPPOSE_PHRASES: tuple[tuple[str, str], ...] = (
    (
        "threat",
        r"threaten|\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?threat|(?:is|was|are|were|as|poses?|posed|posing|"
        r"constitutes?|represents?|presents?|present)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}?threats?",
    ),
    ("fuel", r"fuel\w*\s+(?:the\s+)?(?:conflict|war|tension|violence|crisis)"),
)
# Topics a stance is about: a call for them is support, a refusal of them opposition.
SUPPORT_TOPICS = _alternatives(
    "ceasefire|cease-fire|truce|peace|agreement|settlement|solution|progress|reform|integration",
    "cooperation|dialogue|partnership|stability|tranquillity|reconcil|normali|de-escalat",
    "end (?:the|this) (?:conflict|war|fighting|violence)",
)
_SUPPORT = cue_pattern(SUPPORT_CUES)
_OPPOSE = cue_pattern(OPPOSE_CUES)
_OPPOSE_PHRASES = tuple((word, re.compile(pattern)) for word, pattern in OPPOSE_PHRASES)
_TOPIC_CUE = cue_pattern(SUPPORT_TOPICS)
_NEGATION = re.compile(r"\b(?:not|no|never|without|nor|neither|cannot|n't)\b|n't\b")
_PROHIBITIVE = re.compile(
    r"\b(?:let\s+us\s+not|let's\s+not|must\s+not|mustn't|should\s+not|shouldn't|do\s+not|don't|"
    r"(?:not|never)\s+(?:allow|tolerate|permit))\b"
)
_UNLESS = re.compile(r"\w*\s+(?:\w+\s+){0,2}?(?:without|unless|except)\b")
_CLAUSE_BREAK = re.compile(r"[,;:.!?]|\b(?:but|while|whereas|although)\b")
# Saying one's own side regrets or apologises is neither support nor opposition of anyone else.
_OWN_REGRET = re.compile(
    r"^(?:we|i|the\s+\w+\s+side|\w+\s+side)\s+(?:deeply\s+|sincerely\s+)?(?:regrets?|apologi[sz]es?)\b"
)
_DESCRIBING = re.compile(
    r"described|describes|describing|dismissed|dismisses|dismissing|labell?ed|branded|termed", re.I
)
_CALLING = re.compile(r"called|calls|calling|dubbed|labell?ed|branded|termed", re.IGNORECASE)
_QUOTED_PREDICATE = re.compile(r"[“\"‘«](?P<predicate>[^“”\"‘«»]+)[”\"’»][^“\"‘«]*$")
# The reporting verb's own stance, used when the words themselves carry no cue.
SUPPORTING_VERB = re.compile(
    r"\b(?:urged|urges|urging|called\s+for|calls\s+for|calling\s+for|called\s+on|calls\s+on|welcomed|"
    r"welcomes|praised|praises|hailed|hails|backed|endorsed|defended|defends|spoke\s+highly)\b",
    re.IGNORECASE,
)
OPPOSING_VERB = re.compile(
    r"\b(?:warned|warns|warning|condemned|condemns|rejected|rejects|criticized|criticised|criticizes|"
    r"criticises|accused|accuses|denounced|dismissed|dismisses|blasted|slammed|deplored|protested|"
    r"objected|cautioned|citing)\b",
    re.IGNORECASE,
)
_MODAL = re.compile(
    r"\b(?:must|should|need\s+to|needs\s+to|needed\s+to|have\s+to|has\s+to|had\s+to|ought\s+to|"
    r"will\s+not|won't|would\s+not|cannot|can't|could\s+not|never|only\s+if|unless|ready\s+to|"
    r"willing\s+to|determined\s+to|intends?\s+to|wants?\s+to|wanted|hopes?|priority|no\s+intention|"
    r"inalienable|integral\s+part|indisputabl\w*|red\s+lines?|non-negotiable|sovereign\s+right)\b"
)


_QUOTE_MARKS = str.maketrans({"’": "'", "“": None, "”": None, '"': None, "‘": None})


def _plain(words: str) -> str:
    """Lowered, with quotation marks dropped: 'a “direct threat”' reads as 'a direct threat'."""
    return words.lower().translate(_QUOTE_MARKS)


def _matches(pattern: re.Pattern[str], lowered: str) -> list[re.Match[str]]:
    found = list(pattern.finditer(lowered))
    if pattern is _OPPOSE:
        for word, phrase in _OPPOSE_PHRASES:
            if word in lowered:
                found.extend(phrase.finditer(lowered))
    return found


def _cues(pattern: re.Pattern[str], lowered: str) -> tuple[int, int]:
    """(plain, negated) counts of the pattern's cues in the lowered words."""
    plain = negated = 0
    for match in _matches(pattern, lowered):
        lead = lowered[max(0, match.start() - 40) : match.start()]
        clause = _CLAUSE_BREAK.split(lead)[-1]
        words = " ".join(clause.split()[-8:])
        own = match.group().startswith(("not ", "never ", "cannot "))
        # "no solution without X": the second negation undoes the first.
        undone = _UNLESS.match(lowered, match.end())
        if own or undone or not _NEGATION.search(words):
            plain += 1
        elif pattern is _OPPOSE and _PROHIBITIVE.search(words):
            plain += 1  # "let us not get caught up in weaponising terrorism": opposed, not denied
        else:
            negated += 1
    return plain, negated


# Background in a relative clause closed by a comma ("Pakistan, which had lost more lives to terrorism
# than any other member, was part of the solution") is not what the speaker takes a stance on.
_BACKGROUND = re.compile(r",\s+(?:which|who)\s+(?!(?:he|she|they|it)\s)[^,;“”\"]*,")
# "described X as Y", "dismissed X as Y": the stance is in Y; X is only what it is about.
_PREDICATE_AS = re.compile(r"\bas\s+(?P<predicate>.+)$", re.DOTALL)


def polarity(words: str) -> Stance | None:
    """Support or opposition from the cues in ``words``; None when they carry none."""
    lowered = _BACKGROUND.sub(",", _plain(words))
    if _OWN_REGRET.search(lowered):
        return Stance.OTHER
    support, denied_support = _cues(_SUPPORT, lowered)
    topic, denied_topic = _cues(_TOPIC_CUE, lowered)
    oppose, _denied_oppose = _cues(_OPPOSE, lowered)
    oppose += denied_support + denied_topic
    support += topic
    if oppose or support:
        return Stance.OPPOSE if oppose >= support else Stance.SUPPORT
    return None


def stance(words: str, context: str, verb: str = "") -> Stance:
    """The cues of the words decide; without any, the reporting verb ('warned', 'urged'); without a
    verb of stance, the cues of the rest of the sentence; with none of these the stance is neutral.
    After a verb of description ('described X as Y') only the description Y counts."""
    predicate = _PREDICATE_AS.search(words) if _DESCRIBING.fullmatch(verb) else None
    if predicate is None and _CALLING.fullmatch(verb):
        predicate = _QUOTED_PREDICATE.search(words)  # 'called the ceasefire “a sham”'
    found = polarity(predicate.group("predicate") if predicate else words)
    if found is not None:
        return found
    if OPPOSING_VERB.fullmatch(verb):
        return Stance.OPPOSE
    if SUPPORTING_VERB.fullmatch(verb):
        return Stance.SUPPORT
    if verb:
        return Stance.NEUTRAL
    return polarity(context.replace(words, " ")) or Stance.NEUTRAL


def carries_a_view(words: str) -> bool:
    """An evaluation, a stance or a modal of obligation or intention: more than a relayed fact."""
    lowered = _plain(words)
    return bool(_SUPPORT.search(lowered) or _MODAL.search(lowered) or _matches(_OPPOSE, lowered))


# Topics in order of precedence, each with the words that name it: a word ending in "-" is a stem
# ("terroris-" covers "terrorism" and "terrorist"), two words are a phrase.
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
    if _ISLAMIC_STATE.search(source):
        found.append(4)
    return min(found) if found else None


def topic(words: str, context: str) -> str:
    """The first topic (in the order above) named in the quoted words, else in the sentence; else 'other'."""
    for source in (words, context):
        index = _topic_index(source)
        if index is not None:
            return TOPICS[index][0]
    return "other"
