"""Attributions: a reporting verb, the actor who speaks and the words reported, read off one unit of text.

Three shapes cover news prose:
  quote first      “We are ready to continue this contact …,” Lavrov told a news conference.
  verb first       Mao Ning called the remark “extremely wrong”, adding that China firmly opposed it.
  clause first     Putin and Zelensky could meet once …, Lavrov said, stressing that …
("According to X, …" is a verb-first shape, "…, according to X." a clause-first one.) A reported clause and
the quotes inside it are one passage; a second quote after a colon is a passage of its own. Verbs inside
the reported words ("Mekdad said Damascus welcomed …") report nothing new; a new clause with a new
subject (", while Kishida said …") starts a new attribution.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from diplograph.extract.model import Entity, Span
from diplograph.extract.patterns import trie_pattern
from diplograph.extract.quotes import Quote, QuoteIndex
from diplograph.extract.speakers import Speakers

# Verbs whose use states a view by itself; the others ("said", "told") need reported words that do.
STANCE_VERBS = (
    r"urged|urges|urging|called\s+for|calls\s+for|calling\s+for|called\s+on|calls\s+on|demanded|demands|"
    r"demanding|warned|warns|warning|stressed|stresses|stressing|emphasi[sz]ed|emphasi[sz]es|underlined|"
    r"underlines|underscored|underscores|rejected|rejects|rejecting|described|describes|describing|"
    r"dismissed|dismisses|dismissing|proclaimed|proclaims|insisted|insists|insisting|accused|accuses|"
    r"accusing|welcomed|welcomes|welcoming|condemned|condemns|condemning|defended|defends|defending|"
    r"maintained|maintains|argued|argues|arguing|reiterated|reiterates|reaffirmed|reaffirms|affirmed|"
    r"asserted|vowed|vows|pledged|pledges|promised|praised|praises|hailed|hails|criticized|criticised|"
    r"criticizes|criticises|slammed|blasted|denounced|denied|denies|cautioned|expressed|voiced|"
    r"complained|regretted|labell?ed|branded|termed|made\s+clear|makes\s+clear|spoke\s+highly\s+of|dared|"
    r"insist|warn|urge|reject|accuse|condemn|welcome|deny|argue|maintain|stress|demand|"
    r"citing|called(?!\s+(?:off|up|in|back|him|her|by|to))|calls(?!\s+(?:off|for|on))|calling"
)
NEUTRAL_VERBS = (
    r"said|says|say|told|tells|added|adds|adding|noted|notes|noting|announced|announces|declared|declares|"
    r"declaring|stated|wrote|writes|tweeted|tweets|posted|explained|explains|saying|acknowledged|"
    r"admitted|conceded|claimed|claims|replied|responded|commented|remarked|observed|pointed\s+out|"
    r"recalled|predicted|suggested|asked|asks|according\s+to"
)
_VERB = re.compile(
    r"(?<![\w-])(?:(?P<stance>" + STANCE_VERBS + r")|(?P<neutral>" + NEUTRAL_VERBS + r"))\b", re.I
)
_STANCE_VERB = re.compile(STANCE_VERBS, re.IGNORECASE)
# "postponed for what the AU described as logistical reasons": a label inside the author's sentence.
_FREE_RELATIVE = re.compile(r"\bwhat\s+(?:[\w.’'-]+\s+){1,3}$")


# Where a reporting verb may start: its first word, found on the lowered text with a letter trie.
_VERB_START = re.compile(
    r"(?<![\w-])"
    + trie_pattern(
        {
            m.group()
            for part in f"{STANCE_VERBS}|{NEUTRAL_VERBS}".split("|")
            if (m := re.match("[a-z]+", part))
        }
    )
)
_SAME_SUBJECT = re.compile(r"\s+(?:that\s+)?(?:it|he|she|they|we)\s+(?:(?:also|had|has|was|is)\s+)?")
_PARTICIPLE = re.compile(r"\w+ing$|according\s+to", re.IGNORECASE)
_CONTINUING = re.compile(r"adding|saying|stressing|noting|arguing|insisting|describing|calling|urging", re.I)
# Where a new clause may begin: ", while", "; ", ", but", ", and", ": ".
_BOUNDARY = re.compile(r",\s+(?:while|whereas|but|and|as|although|though|though)\s+|;\s+|:\s+")
_CUT = re.compile(r",\s+(?:while|whereas|but|although|though|only\s+to)\s+|;\s+")
# An opening phrase before the subject: "In Washington,", "Speaking to reporters after the meeting,".
_OPENING = re.compile(
    r"(?:(?:After|Before|During|Following|In|On|At|From|With|Under|Without|Amid|Through|For|Ahead\s+of|"
    r"Despite|When|While|As|Since|Earlier|Later|Meanwhile|However|Also|Separately|Hours|Days|But|And|"
    r"Just|Then|Still|Yet|Now|Asked|[A-Z]\w+ing)\b[^,“”\"]{0,90},\s+)+"
)
_THAT = re.compile(r"[^“”\"‘.;:!?]{0,70}?\bthat\s+")
_ADVERBIAL = re.compile(
    r"(?:\s+(?:in|on|at|during|via|through|to)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:statement|interview|briefing|conference|address|speech|post|tweet|video|message|call|Twitter|X|"
    r"Facebook|Telegram|television|TV|radio|parliament|reporters|journalists|\w+day)\b)+"
)
_AUXILIARY = re.compile(r"\b(?:had|has|have|was|were|is|are|will|would|could|should|did|does|can|may)\b")
_ADDRESSEE = re.compile(
    r"\s*(?:him|her|them|us|me|reporters|journalists|lawmakers|parliament|Reuters|"
    r"(?:the|a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?(?:gathering|conference|meeting|summit|forum|"
    r"assembly|audience|crowd|parliament|press|media|reporters|journalists|delegates|broadcaster|"
    r"channel|newspaper|agency|television|counterpart|leaders|lawmakers|session|council)|"
    r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})(?:\s+(?:on|at|in|after|during)\s+[^,.;:“\"]{0,40}?)?"
    r"(?=\s)"
)
# A quotation that ends like an utterance before its attribution: “…,” / “…?” / “…!” / “…” —
_UTTERANCE_END = re.compile(r"[,?!…]\s*[”\"’'»]|[”\"’'»]\s*[,—–]")
_RESUMES = re.compile(r"[^.;:!?“\"‘«]{0,40},\s*")
_GLOSS = re.compile(r",\s+(?:which|who|whose)\s+")
_SHORT_TAIL = re.compile(r"(?:\s+(?!that\b)[^,.;:!?“”\"‘]{0,50}?)?\s*(?:[,.;!?]|$)")
_GREETED = re.compile(
    r"\s*(?:the\s+|visiting\s+|fellow\s+)*(?:leaders|delegates|delegations?|guests|participants|"
    r"visitors|heads|him|her|them|ministers)\b",
    re.IGNORECASE,
)
_STATEMENT = re.compile(
    r"\s+in\s+a\s+(?:written\s+)?(?:statement|communiqu[eé]|readout|press\s+release)\b", re.I
)


@dataclass(frozen=True)
class Attribution:
    holder: Entity
    words: Span  # the reported words: a quote, or a clause with the quotes inside it
    verb: str
    shape: str  # quote-first | verb-first | clause-first | colon-quote
    how: str  # how the speaker was found: named, pronoun, unnamed-official, …
    statement: bool = False  # "said in a statement"

    @property
    def stance_verb(self) -> bool:
        return bool(_STANCE_VERB.fullmatch(self.verb))


def reporting_verbs(text: str, quotes: QuoteIndex) -> list[re.Match[str]]:
    """Every reporting verb outside quotation marks, in order."""
    found = []
    for start in _VERB_START.finditer(text.lower()):
        if not quotes.inside(start.start()):
            match = _VERB.match(text, start.start())
            if match:
                found.append(match)
    return found


def _start(match: re.Match[str]) -> int:
    return match.start()


def attributions(
    text: str, unit: Span, quotes: QuoteIndex, speakers: Speakers, all_verbs: list[re.Match[str]]
) -> list[Attribution]:
    """Every attribution in the unit, in order; a unit that ends with a colon only introduces one."""
    low = bisect_left(all_verbs, unit.start, key=_start)
    verbs = all_verbs[low : bisect_left(all_verbs, unit.end, key=_start)]
    if not verbs or text[unit.start : unit.end].rstrip().endswith(":"):
        return []
    inner = quotes.within(unit)
    found: list[Attribution] = []
    cursor = unit.start
    if inner and inner[0].outer.start - unit.start <= 1:
        first = _quote_first(text, unit, inner, verbs, speakers)
        if first is not None:
            found.append(first[0])
            cursor = first[1]
    open_end = cursor  # where the words of the last attribution may still run on
    failed: int | None = None  # the end of the last verb whose speaker could not be found
    for verb in verbs:
        if verb.start() < cursor:
            continue
        boundary = _last_boundary(text, max(open_end, unit.start), verb.start(), quotes)
        if found and boundary is None and verb.start() < open_end:
            continue  # a verb inside the reported words
        if found and boundary is None and verb.group().lower().startswith("according"):
            continue  # '“…,” she told Xi, according to her spokesperson': the source of that report
        if _FREE_RELATIVE.search(text, max(unit.start, verb.start() - 40), verb.start()):
            continue  # 'postponed for what the AU described as logistical reasons': the author's words
        if found and boundary is None and _CONTINUING.fullmatch(verb.group()):
            if found[-1].shape == "quote-first":
                extra = _continuation(text, verb, unit, quotes, found[-1])
                if extra is not None:
                    found.append(extra)
            cursor = open_end = unit.end
            continue
        if (
            failed is not None
            and boundary is None
            and (_PARTICIPLE.search(verb.group()) or _SAME_SUBJECT.fullmatch(text, failed, verb.start()))
        ):
            continue  # '…, she said, warning that …', '…, said it welcomed …': the unnamed speaker again
        clause_start = boundary if boundary is not None else _opening_end(text, unit.start, verb.start())
        shape_attribution = _verb_attribution(text, unit, clause_start, verb, quotes, speakers, found)
        if shape_attribution is None:
            failed = verb.end()
            continue
        failed = None
        attribution, end = shape_attribution
        same_speaker = found and attribution.holder == found[-1].holder
        if same_speaker and (boundary is not None or found[-1].shape == "quote-first"):
            # "EAM stressed that …, and said that …"; "“…,” declared von der Leyen …, where she affirmed
            # that …": one speaker, one sentence, one passage.
            found[-1] = _widen(found[-1], attribution.words)
        else:
            if found and found[-1].words.end > clause_start and found[-1].shape != "quote-first":
                found[-1] = _cut(found[-1], clause_start, text)
            found.append(attribution)
        cursor = verb.end()
        open_end = end
    return [a for a in _split_colon_quotes(text, found, quotes) if a.words.end > a.words.start]


def _quote_first(
    text: str, unit: Span, quotes: list[Quote], verbs: list[re.Match[str]], speakers: Speakers
) -> tuple[Attribution, int] | None:
    """“…,” X said / “…,” said X / “…,” he said: the attribution right after the quote. A quote the
    attribution interrupts (“Peace,” said Kuleba, “is near.”) is one passage."""
    quote = quotes[0]
    after = [v for v in verbs if v.start() >= quote.outer.end and v.start() - quote.outer.end < 70]
    if not after:
        return None
    verb = after[0]
    if not _UTTERANCE_END.search(text, quote.outer.end - 3, quote.outer.end + 2):
        return None  # “Neutrality” has become a dirty word …: a term, not an utterance
    slot = Span(quote.outer.end, verb.start())
    if re.search(r"[“\"‘«]", slot.of(text)):
        return None  # another quotation stands between: the verb is not this quote's
    slot = _strip_slot(text, slot)
    found = speakers.holder(slot, unit) if slot.end > slot.start else None
    if found is None:
        found = speakers.holder(_inverted_slot(text, verb, unit), unit)
    if found is None:
        return None
    holder, how = found
    words, end = quote.words, verb.end()
    resumed = quotes[1] if len(quotes) > 1 else None
    if resumed and _RESUMES.fullmatch(text, verb.end(), resumed.outer.start):
        words, end = Span(quote.words.start, resumed.words.end), resumed.outer.end
    return Attribution(holder, words, verb.group().lower(), "quote-first", how), end


def _verb_attribution(
    text: str,
    unit: Span,
    clause_start: int,
    verb: re.Match[str],
    quotes: QuoteIndex,
    speakers: Speakers,
    found: list[Attribution],
) -> tuple[Attribution, int] | None:
    """The attribution of one verb with its speaker before it: clause first, or verb first."""
    name = re.sub(r"\s+", " ", verb.group().lower())
    if name == "according to":
        return _according(text, unit, clause_start, verb, speakers)
    comma = _last_comma(text, clause_start, verb.start())
    words_before = len(text[clause_start:comma].split()) if comma >= 0 else 0
    relative = comma >= 0 and re.match(r",\s+who\b", text[comma : verb.start()])
    if _SHORT_TAIL.match(text, verb.end(), unit.end) and words_before >= 3 and not relative:
        clause_first = _clause_first(text, unit, clause_start, comma, verb, name, quotes, speakers)
        if clause_first is not None or _strip_slot(text, Span(comma + 1, verb.start())).end > comma + 2:
            return clause_first  # '…, she said': whoever "she" is, not the first name of the clause
    slot = _strip_slot(text, Span(clause_start, verb.start()))
    holder = speakers.holder(slot, unit) if slot.end > slot.start else None
    if holder is None and found and not slot.of(text).strip(" ,and"):
        holder = (found[-1].holder, found[-1].how)  # "…, and said that …": the same speaker
    if holder is None:
        return None
    start = _words_start(text, verb, name, unit, quotes)
    if name.startswith("welcom") and _GREETED.match(text, start, unit.end):
        return None  # "welcomed the leaders": a host's greeting, not a stance
    end = _gloss_start(text, start, _clause_end(text, start, unit.end, quotes), quotes)
    if _PARTICIPLE.search(name) and not found:
        comma_after = _next_comma(text, start, end, quotes)
        end = comma_after if comma_after is not None else end
    words = _trim(text, Span(start, end))
    inner = quotes.within(words)
    if len(inner) == 1 and inner[0].outer.start <= words.start + 1 and inner[0].outer.end >= words.end - 1:
        words = inner[0].words  # "said: “…”": the quote is all that was said
    statement = bool(_STATEMENT.match(text, verb.end()))
    return Attribution(holder[0], words, name, "verb-first", holder[1], statement), end


def _last_comma(text: str, start: int, end: int) -> int:
    """The last comma that ends a clause, also inside closing quote marks ('take “the appropriate
    decision,” Foreign Minister … told'); -1 when there is none."""
    position = text.rfind(",", start, end)
    while position >= 0:
        if text[position + 1 : position + 2] == " " or (
            text[position + 1 : position + 2] in '”"’' and text[position + 2 : position + 3] == " "
        ):
            return position
        position = text.rfind(",", start, position)
    return -1


def _words_start(text: str, verb: re.Match[str], name: str, unit: Span, quotes: QuoteIndex) -> int:
    """Where the reported words begin: after 'in a statement', 'on Twitter', 'told reporters', 'that'."""
    start = verb.end()
    that = _THAT.match(text, start, unit.end)
    gap = text[start : that.end()] if that else ""
    if that and not quotes.inside(that.end() - 1) and " and " not in gap and not _reports_inside(gap):
        return that.end()
    adverbial = _ADVERBIAL.match(text, start, unit.end)
    if adverbial:
        start = adverbial.end()
    if name in ("told", "tells"):
        addressee = _ADDRESSEE.match(text, start, unit.end)
        if addressee:
            start = addressee.end()
    return start


def _reports_inside(gap: str) -> bool:
    """'welcomed the agreement and expressed hope that …': 'that' belongs to another verb."""
    return any(m.group().lower() != "according to" for m in _VERB.finditer(gap))


def _according(
    text: str, unit: Span, clause_start: int, verb: re.Match[str], speakers: Speakers
) -> tuple[Attribution, int] | None:
    """'According to X, …' and '…, according to X.'"""
    if verb.start() - clause_start > 1:  # "…, according to X."
        words = Span(clause_start, text.rfind(",", clause_start, verb.start()))
        slots = [Span(verb.end(), _clause_end(text, verb.end(), unit.end))]
    else:  # "According to X, …" or "According to X's foreign minister, Y, …"
        first = text.find(",", verb.end(), unit.end)
        if first < 0:
            return None
        second = text.find(",", first + 1, unit.end)
        slots = [Span(verb.end(), first)]
        words = Span(first + 1, unit.end)
        if second > 0 and len(text[first:second].split()) <= 5:
            slots.insert(0, Span(first + 1, second))
    for slot in slots:
        holder = speakers.holder(_strip_slot(text, slot), unit)
        if holder is not None and words.end > words.start:
            if words.start <= slot.start < words.end:
                words = Span(slot.end + 1, words.end)
            return Attribution(
                holder[0], _trim(text, words), "according to", "verb-first", holder[1]
            ), unit.end
    return None


def _clause_first(
    text: str,
    unit: Span,
    clause_start: int,
    comma: int,
    verb: re.Match[str],
    name: str,
    quotes: QuoteIndex,
    speakers: Speakers,
) -> tuple[Attribution, int] | None:
    """'…, Lavrov said, stressing that …': the clause before the comma is what was said. None when no
    speaker stands between the comma and the verb (or right after it: '…, said Lavrov')."""
    slot = _strip_slot(text, Span(comma + 1, verb.start()))
    holder = speakers.holder(slot, unit) if slot.end > slot.start else None
    if holder is None and slot.end <= slot.start:
        inverted = _inverted_slot(text, verb, unit)
        if len(inverted.of(text).split()) <= 6 and not _AUXILIARY.search(inverted.of(text)):
            holder = speakers.holder(inverted, unit)
    if holder is None:
        return None
    words = Span(clause_start, comma)
    tail_text = text[verb.end() : unit.end]
    continuation = re.search(r",\s+(?:adding|saying|stressing|noting|arguing|insisting)\b", tail_text)
    if continuation:
        tail = Span(verb.end() + continuation.start() + 1, unit.end)
        # Quoted words after the verb and none before: the quote is what was said, the clause a fact.
        quoted_tail = quotes.within(tail) and not quotes.within(words)
        words = tail if quoted_tail else Span(clause_start, unit.end)
    return Attribution(holder[0], _trim(text, words), name, "clause-first", holder[1]), unit.end


def _continuation(
    text: str, verb: re.Match[str], unit: Span, quotes: QuoteIndex, previous: Attribution
) -> Attribution | None:
    """'“…,” he said, adding: “…”': a second quoted passage of the same speaker."""
    tail = Span(verb.start(), unit.end)
    if not quotes.within(tail):
        return None
    return replace(previous, words=_trim(text, tail), verb=verb.group().lower(), shape="verb-first")


def _split_colon_quotes(text: str, found: list[Attribution], quotes: QuoteIndex) -> list[Attribution]:
    """'said the talks were “positive and a step forward”: “We will continue …”' is two passages."""
    result = []
    for attribution in found:
        words = attribution.words
        colon = re.search(r"[”\"’»]?\s*:\s+[“\"‘«]", words.of(text))
        if colon and colon.start() > 0:
            head = _trim(text, Span(words.start, words.start + colon.start() + 1))
            later = [q for q in quotes.within(words) if q.outer.start >= words.start + colon.end() - 1]
            result.append(replace(attribution, words=head))
            if later:
                tail = Span(later[0].words.start, max(q.words.end for q in later))
                result.append(replace(attribution, words=tail, shape="colon-quote", statement=False))
            continue
        result.append(attribution)
    return result


def _last_boundary(text: str, start: int, end: int, quotes: QuoteIndex) -> int | None:
    boundaries = [m.end() for m in _BOUNDARY.finditer(text, start, end) if not quotes.inside(m.start())]
    return boundaries[-1] if boundaries else None


def _opening_end(text: str, unit_start: int, verb_start: int) -> int:
    opening = _OPENING.match(text, unit_start, verb_start)
    return opening.end() if opening else unit_start


def _clause_end(text: str, start: int, end: int, quotes: QuoteIndex | None = None) -> int:
    for match in _CUT.finditer(text, start, end):
        if quotes is None or not quotes.inside(match.start()):
            return match.start()
    return end


def _gloss_start(text: str, start: int, end: int, quotes: QuoteIndex) -> int:
    """Where a trailing relative clause after the quoted words begins ('… opened “a new era” in relations
    between the two countries, which had been frozen under …'): the author's gloss, not the speaker's."""
    for match in _GLOSS.finditer(text, start, end):
        rest = Span(match.start(), end)
        if quotes.inside(match.start()) or not quotes.within(Span(start, match.start())):
            continue
        if not quotes.within(rest) and not _VERB.search(text, rest.start, rest.end):
            return match.start()
    return end


def _next_comma(text: str, start: int, end: int, quotes: QuoteIndex) -> int | None:
    position = start
    while True:
        comma = text.find(",", position, end)
        if comma < 0:
            return None
        if not quotes.inside(comma) and len(text[start:comma].split()) >= 3:
            return comma
        position = comma + 1


def _strip_slot(text: str, slot: Span) -> Span:
    start, end = slot.start, slot.end
    while start < end and text[start] in ' ,.!?”"’':
        start += 1
    return Span(start, end)


def _inverted_slot(text: str, verb: re.Match[str], unit: Span) -> Span:
    """'…,” said Lavrov' / '…, said a senior official.': the words after the verb, to the next comma."""
    end = verb.end()
    match = re.match(r"[^,.;:!?“\"]{0,80}", text[end : unit.end])
    return Span(end, end + (match.end() if match else 0))


def _trim(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start] in " ,:;":
        start += 1
    while end > start and text[end - 1] in " ,.;:":
        end -= 1
    return Span(start, end)


def _widen(attribution: Attribution, words: Span) -> Attribution:
    """'EAM stressed that …, and said that …': one speaker, one passage."""
    span = Span(min(attribution.words.start, words.start), max(attribution.words.end, words.end))
    return replace(attribution, words=span)


def _cut(attribution: Attribution, end: int, text: str) -> Attribution:
    """'Biden called the gathering “…”, while Kishida said …': Biden's words end where Kishida's clause
    begins."""
    return replace(
        attribution, words=_trim(text, Span(attribution.words.start, min(attribution.words.end, end)))
    )
