"""Positions: who stated what stance on what, with the verbatim words and the sentence around them.

Direct quotes (straight or curly, across sentences) and reported speech ("X said that …", "X urged Y to …")
are attributed to the actor named with a reporting verb; a quote nobody is said to have spoken (a scare
quote, the author's own words) is not a position. The stance comes from the small lexicon below, so every
stance can be explained by the words that triggered it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.extract.dates import DateMention
from diplograph.extract.entities import Recognised
from diplograph.extract.model import Entity, Mention, PartialDate, PositionFinding, Span, Stance
from diplograph.extract.text import paragraphs

REPORTING_VERB = (
    r"demanded|demands|made\s+clear|called|calling|wrote|writes|"
    r"said|says|say|told|tells|urged|urges|warned|warns|described|describing|declared|declaring|"
    r"proclaimed|proclaims|tweeted|stated|added|stressed|maintained|insisted|dismissed|rejected|"
    r"reiterated|noted|argued|called\s+for|explained|announced|saying|accused|condemned|welcomed"
)
_VERB = re.compile(r"\b(?:" + REPORTING_VERB + r")\b", re.IGNORECASE)
# Curly and straight quotes; a curly quote left open runs to the end of its paragraph (a common typo).
_QUOTE = re.compile(
    r"“(?P<curly>[^”]{2,600})”|\"(?P<straight>[^\"\n]{2,600})\"|“(?P<unclosed>[^”“\n]{12,600})(?=\n|$)"
)
_UNNAMED_OFFICIAL = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:senior\s+|top\s+|unnamed\s+)?(?P<who>[\w.’' ]{0,30}?)\s*"
    r"(?:official|diplomat|source)s?\b"
)


# The stance lexicon: a cue found in the quote or its sentence decides the stance (oppose cues first).
def _lexicon(words: str) -> tuple[str, ...]:
    return tuple(words.split("|"))


OPPOSE_CUES = _lexicon(
    "reject|dismiss|oppose|condemn|unacceptable|unrealistic|unprofessional|aggression|fruitless|abandon|"
    "have to leave|must leave|get rid of|irritant|bullying|withdrawal of|removal of|denounce|violation|"
    "threat|never accept|not accept|interference|provocation|provocative|hostile|illegal|unjustified|"
    "deplore|sanction|for the sake of|not good|isolat|terroris|dangerous|wrong|dictator|irresponsible|"
    "regret|concern|no illusions|could not keep|cannot keep|not a narrative|violat|undermin|destabili"
)
SUPPORT_CUES = _lexicon(
    "support|welcome|positive|constructive|step forward|success|opportunity|ready to|cooperation|"
    "work together|reinforce|help|agreement|progress|new level|stands ready|pool efforts|joint|ceasefire|"
    "look forward|fruitful|productive|useful|agreed|working to|organize|organise|new era|partnership|"
    "grateful|historic|start of|solution|value|paramount|succeed|place is in|family|friends|friendship|"
    "hope|praise|commend|firmly support|willing|committed|strengthen|deepen|dialogue|stability|"
    "can be solved|guardrail|reform|one voice|not waste"
)
# The reporting verb's own stance, used when the words themselves carry no cue.
SUPPORTING_VERB = re.compile(
    r"\b(?:urged|urges|called\s+for|calls\s+for|welcomed|welcomes|praised|hailed|"
    r"backed|endorsed)\b",
    re.IGNORECASE,
)
OPPOSING_VERB = re.compile(
    r"\b(?:warned|warns|condemned|condemns|rejected|rejects|criticized|criticised|"
    r"accused|denounced|dismissed|blasted|slammed)\b",
    re.IGNORECASE,
)
TOPICS: tuple[tuple[str, str], ...] = (
    (r"ceasefire|cease-fire|truce", "ceasefire"),
    (r"\bdemands?\b", "demands"),
    (
        r"foreign\s+(?:militar|forces|troops)|withdrawal|removal|leave\s+Syria|Iranian\s+forces",
        "foreign forces",
    ),
    (r"talks|meeting|negotiations|get-togethers|summit", "the talks"),
    (r"terroris|\bIS\b|ISIS|Islamic\s+State|Nusra", "counter-terrorism"),
    (r"rebuild|reconstruction|infrastructure", "reconstruction"),
    (r"axis|resistance|Zionist", "the resistance axis"),
    (r"sanction", "sanctions"),
    (r"relations|cooperation|work\s+together", "cooperation"),
)


@dataclass(frozen=True)
class _Quote:
    words: Span
    sentence: Span


def find_positions(
    text: str, sentences: list[Span], recognised: Recognised, dates: list[DateMention]
) -> tuple[PositionFinding, ...]:
    found: list[PositionFinding] = []
    quoted_sentences: set[Span] = set()
    previous: tuple[_Quote, Entity] | None = None
    for quote in _direct_quotes(text, sentences):
        holder = _speaker(text, quote, recognised)
        rule = "position:direct-quote"
        if holder is None and previous is not None and _continues(text, previous[0], quote):
            holder, rule = previous[1], "position:continued-quote"
        if holder is None or (len(quote.words.of(text).split()) < 2 and not _predicated(text, quote)):
            continue
        found.append(_position(text, holder, quote.words, quote.sentence, dates, rule))
        quoted_sentences.add(quote.sentence)
        previous = (quote, holder)
    for sentence in sentences:
        if sentence in quoted_sentences:
            continue
        reported = _reported_speech(text, sentence, recognised)
        if reported:
            holder, clause = reported
            found.append(_position(text, holder, clause, sentence, dates, "position:reported-speech"))
    found.extend(_block_quotes(text, recognised, dates, {p.quote for p in found}))
    return tuple(sorted(found, key=lambda p: (p.quote.start, p.holder.key)))


def _direct_quotes(text: str, sentences: list[Span]) -> list[_Quote]:
    quotes = []
    for match in _QUOTE.finditer(text):
        group = next(name for name in ("curly", "straight", "unclosed") if match.group(name) is not None)
        words = Span(match.start(group), match.end(group))
        while words.end > words.start and text[words.end - 1] in " ,.;:":
            words = Span(words.start, words.end - 1)
        sentence = next((s for s in sentences if s.start <= match.start() < s.end), None)
        if sentence is None or not words.of(text).strip():
            continue
        end = max(
            sentence.end, next((s.end for s in sentences if s.start <= match.end() - 1 < s.end), sentence.end)
        )
        quotes.append(_Quote(words, Span(sentence.start, end)))
    return quotes


def _predicated(text: str, quote: _Quote) -> bool:
    """A one-word quote is a position only as the predicate of a reported view ('demands were
    “unrealistic”', 'described them as “fruitless”'); otherwise it is a scare quote ('“normalization”')."""
    before = text[max(quote.sentence.start, quote.words.start - 25) : quote.words.start - 1]
    return bool(
        re.search(r"\b(?:were|was|is|are|as|called|calling|dubbed)\s+(?:an?\s+|the\s+)?$", before + " ")
    )


def _continues(text: str, earlier: _Quote, later: _Quote) -> bool:
    """A quote with no speaker of its own that follows an attributed one, in the same or the next
    paragraph, with nothing but the attribution between them, continues the same speaker's words."""
    between = text[earlier.words.end : later.words.start]
    opens_sentence = later.words.start - later.sentence.start <= 1  # the quote is the whole sentence
    return (
        opens_sentence
        and between.count("\n\n") <= 1
        and len(between) < 200
        and not re.search(r"[“\"].*[”\"]", between)
    )


def _speaker(text: str, quote: _Quote, recognised: Recognised) -> Entity | None:
    """Who speaks the quote: '“…,” X said' / '“…,” he said' after it, else the subject of the reporting
    verb nearest before it, in the same clause ('Biden called …, while Kishida said “…”')."""
    sentence = quote.sentence
    after = _VERB.search(text, quote.words.end, min(sentence.end, quote.words.end + 40))
    if after and not re.search(r"[“\"]", text[quote.words.end : after.start()].strip(" ,.”\"’'")):
        window = Span(quote.words.end, min(sentence.end, after.end() + 60))
        named = _first_holder(text, window, recognised)
        if named is not None and (named.span.start < after.start() or _is_inverted(text, after, named)):
            return named.entity
        if _pronoun_before(text, after.start()):
            return _pronoun_antecedent(text, sentence, recognised)
        if named is not None:
            return named.entity
    verbs = list(_VERB.finditer(text, sentence.start, quote.words.start))
    if not verbs:
        return None
    verb = verbs[-1]
    clause_start = _clause_start(text, sentence.start, verb.start())
    before_verb = Span(clause_start, verb.start())
    subjects = [m for m in _holders_in(text, before_verb, recognised) if not _is_possessive(text, m)]
    if subjects and subjects[0].entity.kind == "person":
        return subjects[0].entity
    official = _unnamed_official(text, before_verb, recognised)
    if official is not None:
        return official
    if _pronoun_before(text, verb.start()):
        return _pronoun_antecedent(text, sentence, recognised)
    return subjects[0].entity if subjects and subjects[0].entity.kind != "city" else None


def _first_holder(text: str, window: Span, recognised: Recognised) -> Mention | None:
    holders = [m for m in _holders_in(text, window, recognised, strict=False) if not _is_possessive(text, m)]
    return holders[0] if holders else None


def _is_inverted(text: str, verb: re.Match[str], mention: Mention) -> bool:
    """'…,” said Lavrov': the speaker right after the verb."""
    return mention.span.start >= verb.end() and not text[verb.end() : mention.span.start].strip(" ,")


def _pronoun_before(text: str, position: int) -> bool:
    return bool(
        re.search(r"\b(?:he|she)\s+(?:\w+\s+)?$", text[max(0, position - 20) : position], re.IGNORECASE)
    )


def _clause_start(text: str, sentence_start: int, verb_start: int) -> int:
    """Where the verb's clause begins: after ', while', ';', ', but' or an opening participle phrase."""
    part = text[sentence_start:verb_start]
    opening = re.match(r"[A-Z]\w+ing\b[^,]*,", part)  # "Hosting X in Tehran, Y proclaimed"
    start = opening.end() if opening else 0
    for boundary in re.finditer(r",\s+(?:while|whereas|but|and|as)\s+|;\s+|:\s+", part):
        start = max(start, boundary.end())
    return sentence_start + start


def _is_possessive(text: str, mention: Mention) -> bool:
    return text[mention.span.end : mention.span.end + 2] in ("'s", "’s")


def _pronoun_antecedent(text: str, sentence: Span, recognised: Recognised) -> Entity | None:
    """'he said …': the subject (first person named) of the nearest earlier sentence that names one."""
    earlier = [
        m
        for m in recognised.mentions
        if m.span.start < sentence.start and m.entity.kind == "person" and sentence.start - m.span.start < 600
    ]
    if not earlier:
        return None
    last = earlier[-1]
    boundary = max(text.rfind(". ", 0, last.span.start), text.rfind("\n", 0, last.span.start))
    same_sentence = [m for m in earlier if m.span.start > boundary]
    return same_sentence[0].entity


def _holders_in(
    text: str, sentence: Span, recognised: Recognised, exclude: Span | None = None, strict: bool = True
) -> list[Mention]:
    """Persons in the span; without any, bodies and states followed by a reporting verb (or any, when
    not ``strict``)."""
    people = [
        m
        for m in recognised.mentions
        if sentence.start <= m.span.start < sentence.end
        and not (exclude and exclude.start <= m.span.start < exclude.end)
    ]
    persons = [m for m in people if m.entity.kind == "person"]
    if persons:
        return persons
    return [
        m
        for m in people
        if m.entity.kind in ("organization", "country")
        and (not strict or re.search(_VERB.pattern, text[m.span.end : m.span.end + 40], re.IGNORECASE))
    ]


def _unnamed_official(text: str, sentence: Span, recognised: Recognised) -> Entity | None:
    """'a senior White House official', 'the U.S. official': the holder is the official's state."""
    body = sentence.of(text)
    match = _UNNAMED_OFFICIAL.search(body)
    if not match:
        return None
    for mention in recognised.mentions:
        if sentence.start + match.start() <= mention.span.start < sentence.start + match.end():
            if mention.entity.kind == "country":
                return mention.entity
            if mention.represents or mention.entity.country:
                return recognised.state(mention.represents or mention.entity.country)
    for key, span in recognised.demonyms:
        if sentence.start + match.start() <= span.start < sentence.start + match.end():
            return recognised.state(key)
    return None


_REPORTED = re.compile(
    r"\b(?P<verb>said|says|maintained|insisted|stressed|warned|argued|noted|declared|announced|demanded|"
    r"called\s+for|urged|rejected|made\s+clear|reiterated(?:\s+\w+\s+view)?|accused|condemned|welcomed)\s+"
    r"(?:(?:in|on|at|during)\s+[^,]{0,60}?\s+that\s+|that\s+)?(?P<clause>[^“”\"]{12,})$"
)


def _reported_speech(text: str, sentence: Span, recognised: Recognised) -> tuple[Entity, Span] | None:
    body = sentence.of(text)
    if "“" in body or '"' in body:
        return None
    match = _REPORTED.search(body)
    if not match:
        return None
    before_verb = Span(sentence.start, sentence.start + match.start())
    speakers = [
        m
        for m in _holders_in(text, sentence, recognised)
        if m.span.start < before_verb.end and not _is_possessive(text, m)
    ]
    official = _unnamed_official(text, before_verb, recognised)
    holder = official or (speakers[0].entity if speakers else None)
    if holder is None:
        return None
    clause = Span(sentence.start + match.start("clause"), sentence.end)
    while clause.end > clause.start and text[clause.end - 1] in ".;: ":
        clause = Span(clause.start, clause.end - 1)
    if not _carries_a_view(match.group("verb"), clause.of(text)):
        return None  # "said the talks could take place in Astana" passes on a fact, not a stance
    return holder, clause


def _carries_a_view(verb: str, clause: str) -> bool:
    """Reported speech is a position when the verb is one of stance (urged, rejected, demanded …) or the
    clause carries a stance cue or a modal of obligation."""
    if not re.fullmatch(r"said|says|noted|announced|declared|made\s+clear", verb, re.IGNORECASE):
        return True
    lowered = clause.lower()
    return bool(
        any(cue in lowered for cue in (*OPPOSE_CUES, *SUPPORT_CUES))
        or re.search(r"\b(?:must|should|need|needs|have to|has to|sole preserve|priority)\b", lowered)
    )


def _block_quotes(
    text: str, recognised: Recognised, dates: list[DateMention], taken: set[Span]
) -> list[PositionFinding]:
    """'Here is how X explained …' and then a paragraph without quote marks: that paragraph is X's words."""
    found: list[PositionFinding] = []
    blocks = list(paragraphs(text))
    for intro, following in zip(blocks, blocks[1:], strict=False):
        body = intro.of(text)
        if not re.search(r"\b(?:here\s+is\s+(?:how|what)|as\s+follows)\b|:\s*$", body, re.IGNORECASE):
            continue
        if not _VERB.search(body) or "“" in following.of(text) or '"' in following.of(text):
            continue
        speakers = _holders_in(text, intro, recognised)
        if not speakers or following in taken:
            continue
        found.append(_position(text, speakers[0].entity, following, following, dates, "position:block-quote"))
    return found


def _position(
    text: str, holder: Entity, words: Span, sentence: Span, dates: list[DateMention], rule: str
) -> PositionFinding:
    context = sentence.of(text)
    return PositionFinding(
        holder=holder,
        topic=_topic(words.of(text), context),
        stance=_stance(words.of(text), context),
        quote=words,
        sentence=sentence,
        date=_date_in(sentence, words, dates),
        rule=rule,
    )


def _stance(quote: str, context: str) -> Stance:
    """Count the cues in the quoted words: more oppose cues than support cues is opposition, more support
    is support, a tie goes to oppose. Without cues in the words, the reporting verb decides ('warned',
    'urged'), then the cues of the sentence around them; with none of these the stance is neutral."""
    outside = context.replace(quote, " ")
    for source in (quote.lower(), None, outside.lower()):
        if source is None:
            if OPPOSING_VERB.search(outside):
                return Stance.OPPOSE
            if SUPPORTING_VERB.search(outside):
                return Stance.SUPPORT
            continue
        oppose = sum(cue in source for cue in OPPOSE_CUES)
        support = sum(cue in source for cue in SUPPORT_CUES)
        if oppose or support:
            return Stance.OPPOSE if oppose >= support else Stance.SUPPORT
    return Stance.NEUTRAL


def _topic(quote: str, context: str) -> str:
    for source in (quote, context):
        for pattern, topic in TOPICS:
            if re.search(pattern, source, re.IGNORECASE):
                return topic
    return "other"


def _date_in(sentence: Span, words: Span, dates: list[DateMention]) -> PartialDate | None:
    """When it was said: a certain date in the sentence but outside the quoted words, which may speak of
    other times ('… later this year')."""
    values = {
        d.value
        for d in dates
        if sentence.start <= d.span.start < sentence.end
        and not (words.start <= d.span.start < words.end)
        and d.value
    }
    return values.pop() if len(values) == 1 else None
