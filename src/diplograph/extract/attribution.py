"""Attributions: a reporting verb, the actor who speaks and the words reported, read off one unit of text.

Three shapes cover news prose:
  quote first      “We are ready to continue this contact …,” Lavrov told a news conference.
  verb first       Mao Ning called the remark “extremely wrong”, adding that China firmly opposed it.
  clause first     Putin and Zelensky could meet once …, Lavrov said, stressing that …
("According to X, …" is a verb-first shape, "…, according to X." a clause-first one.) A reported clause and
the quotes inside it are one passage; a second quote after a colon is a passage of its own. Verbs inside
the reported words ("Mekdad said Damascus welcomed …") report nothing new; a new clause with a new
subject (", while Kishida said …", ", and Xi said …") starts a new attribution; an "according to" set
between commas after the subject ("Xi, according to a readout …, told Biden") names a source, not a speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from diplograph.extract.clauses import (
    clause_end,
    gloss_start,
    inverted_slot,
    last_boundary,
    last_comma,
    next_comma,
    opening_end,
    strip_slot,
    trim,
    words_start,
)
from diplograph.extract.model import Entity, Span
from diplograph.extract.quotes import Quote, QuoteIndex
from diplograph.extract.speakers import Speakers
from diplograph.extract.verbs import VERB, is_reporting_verb, is_stance_verb

# "postponed for what the AU described as logistical reasons": a label inside the author's sentence.
_FREE_RELATIVE = re.compile(r"\bwhat\s+(?:[\w.’'-]+\s+){1,3}$")

_SAME_SUBJECT = re.compile(r"\s+(?:that\s+)?(?:it|he|she|they|we)\s+(?:(?:also|had|has|was|is)\s+)?")
_PARTICIPLE = re.compile(r"\w+ing$|according\s+to", re.IGNORECASE)
_CONTINUING = re.compile(r"adding|saying|stressing|noting|arguing|insisting|describing|calling|urging", re.I)
_AUXILIARY = re.compile(r"\b(?:had|has|have|was|were|is|are|will|would|could|should|did|does|can|may)\b")
# A quotation that ends like an utterance before its attribution: “…,” / “…?” / “…!” / “…” —
_UTTERANCE_END = re.compile(r"[,?!…]\s*[”\"’'»]|[”\"’'»]\s*[,—–]")
_RESUMES = re.compile(r"[^.;:!?“\"‘«]{0,40},\s*")
# Verbs whose object is a thing, never the clause before them: "…, the head of the Federal Executive
# described the encounter as positive" reports no clause of the sentence ("This morning, in his …").
_TAKES_AN_OBJECT = re.compile(
    r"describ|call|urg|welcom|reject|condemn|prais|hail|critici|accus|dismiss|defend|demand|propos|blam|"
    r"denounc|label|brand|term|slam|blast|appeal|dar|cit|express|voic|regrett|spoke|made|makes"
)
# ', and Xi said …', '…,” and Hassan Sheikh said …', '…”, after Ramaphosa blamed …': a comma, 'and' or a
# subordinating word, then a short subject before the verb.
_AND_NAME = re.compile(
    r",(?P<mark>[”\"’»])?\s+(?:and|after|when|whereas|while|because|since)\s+(?=(?:[\w.’'-]+\s+){1,6}$)"
)
_BUT = re.compile(r",\s+but\s+")
_BUT_FRAGMENT = re.compile(
    r",\s+but\s+(?:only|not|also|that|without|with|under|on\s+condition|if|once|first|rather)\b", re.I
)
_AND_BEFORE = re.compile(r",\s+and\s+$")
# The subject of a sentence: its first words, up to the first auxiliary or past-tense verb.
_SUBJECT = re.compile(
    r"(?:(?!(?:had|has|have|was|were|is|are|will|would)\b)[\w.’'-]+\s+){1,5}?(?=(?:had|has|have|was|were|is|are|will|would|\w+ed)\b)"
)
_SPACES = re.compile(r"\s*")
_DEED = re.compile(r",?\s+and\s+(?:then\s+)?(?P<verb>[a-z]+ed)\s+(?=(?:the|an?|its|his|her|their)\s|[A-Z])")
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
        return is_stance_verb(self.verb)


def _start(match: re.Match[str]) -> int:
    return match.start()


def attributions(
    text: str, unit: Span, quotes: QuoteIndex, speakers: Speakers, all_verbs: list[re.Match[str]]
) -> list[Attribution]:
    """Every attribution in the unit, in order; a unit that ends with a colon only introduces one."""
    low = bisect_left(all_verbs, unit.start, key=_start)
    verbs = all_verbs[low : bisect_left(all_verbs, unit.end, key=_start)]
    if text[unit.start : unit.end].rstrip().endswith(":"):
        return []
    inner = quotes.within(unit)
    if not verbs:
        introduced = _introduced_quote(text, unit, inner, speakers)
        return [introduced] if introduced else []
    found: list[Attribution] = []
    cursor = unit.start
    if inner and inner[0].outer.start - unit.start <= 1:
        first = _quote_first(text, unit, inner, verbs, speakers)
        if first is not None:
            found.append(first[0])
            cursor = first[1]
    open_end = cursor  # where the words of the last attribution may still run on
    failed: int | None = None  # the end of the last verb whose speaker could not be found
    opening = unit.start  # where the subjects of the unit's clauses may begin
    for verb in verbs:
        if verb.start() < cursor:
            continue
        boundary = last_boundary(text, max(open_end, unit.start), verb.start(), quotes)
        if found and boundary is None and verb.start() < open_end:
            joined = _second_speaker(text, verb, unit, found[-1], speakers)
            if joined is not None:
                found[-1] = _cut(found[-1], joined[0], text)
                boundary = open_end = joined[1]
        if found and boundary is None and verb.start() < open_end:
            continue  # a verb inside the reported words
        if found and boundary is None and verb.group().lower().startswith("according"):
            continue  # '“…,” she told Xi, according to her spokesperson': the source of that report
        if _inserted_source(text, verb, unit, verbs):
            continue  # 'Xi, according to a readout …, told Biden that …': Xi speaks, not the readout
        source_end = _opening_source(text, verb, unit, verbs, speakers)
        if source_end is not None:
            opening = source_end
            continue  # 'According to the Kremlin, Putin told Erdogan that …': Putin speaks
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
        clause_start = boundary if boundary is not None else opening_end(text, opening, verb.start())
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


# "Modi went further: “We are not against anyone …”": a colon and a quote that ends the sentence.
_COLON_BEFORE_QUOTE = re.compile(r":\s*$")


def _introduced_quote(text: str, unit: Span, inner: list[Quote], speakers: Speakers) -> Attribution | None:
    """'Modi went further: “…”', 'Blinken thanked the Mexican government: “…”': a sentence with no
    reporting verb whose subject introduces, after a colon, the quote that ends it. The subject is named
    at the start of the clause (within its first words), not anywhere before the colon."""
    if len(inner) != 1 or text[inner[0].outer.end : unit.end].strip(" .") or inner[0].word_count(text) < 3:
        return None
    quote = inner[0]
    colon = _COLON_BEFORE_QUOTE.search(text, unit.start, quote.outer.start)
    if colon is None:
        return None
    clause = strip_slot(text, Span(opening_end(text, unit.start, colon.start()), colon.start()))
    found = speakers.holder(Span(clause.start, min(clause.end, clause.start + 40)), unit)
    if found is None:
        return None
    return Attribution(found[0], quote.words, "", "colon-quote", found[1])


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
    slot = strip_slot(text, slot)
    found = speakers.holder(slot, unit) if slot.end > slot.start else None
    if found is None:
        found = speakers.holder(inverted_slot(text, verb, unit), unit)
    if found is None:
        return None
    holder, how = found
    words, end = quote.words, verb.end()
    resumed = quotes[1] if len(quotes) > 1 else None
    if resumed and _RESUMES.fullmatch(text, verb.end(), resumed.outer.start):
        words, end = Span(quote.words.start, resumed.words.end), resumed.outer.end
    statement = bool(_STATEMENT.match(text, verb.end()))  # '“…,” the ministry said in a statement'
    return Attribution(holder, words, verb.group().lower(), "quote-first", how, statement), end


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
    comma = last_comma(text, clause_start, verb.start())
    words_before = len(text[clause_start:comma].split()) if comma >= 0 else 0
    relative = comma >= 0 and re.match(r",\s+who\b", text[comma : verb.start()])
    clause_verb = not _TAKES_AN_OBJECT.match(name)
    if clause_verb and _SHORT_TAIL.match(text, verb.end(), unit.end) and words_before >= 3 and not relative:
        clause_first = _clause_first(text, unit, clause_start, comma, verb, name, quotes, speakers)
        if clause_first is not None or strip_slot(text, Span(comma + 1, verb.start())).end > comma + 2:
            return clause_first  # '…, she said': whoever "she" is, not the first name of the clause
    slot = strip_slot(text, Span(clause_start, verb.start()))
    holder = speakers.holder(slot, unit) if slot.end > slot.start else None
    if holder is None and found and not slot.of(text).strip(" ,and"):
        holder = (found[-1].holder, found[-1].how)  # "…, and said that …": the same speaker
    if (
        holder is None
        and not found
        and _AND_BEFORE.search(text, max(unit.start, clause_start - 6), verb.start())
    ):
        holder = _sentence_subject(text, unit, clause_start, speakers)
    if holder is None:
        return None
    start = words_start(text, verb, name, unit, quotes)
    if name.startswith("welcom") and (
        _GREETED.match(text, start, unit.end) or _a_guest(text, start, speakers)
    ):
        return None  # "welcomed the leaders": a host's greeting, not a stance
    end = gloss_start(text, start, clause_end(text, start, unit.end, quotes), quotes)
    end = _quoted_but(text, end, unit, quotes)
    if _PARTICIPLE.search(name) and not found:
        comma_after = next_comma(text, start, end, quotes)
        end = comma_after if comma_after is not None else end
    words = trim(text, Span(start, end))
    if _TAKES_AN_OBJECT.match(name):
        words = _without_a_deed(text, words)
    inner = quotes.within(words)
    if len(inner) == 1 and inner[0].outer.start <= words.start + 1 and inner[0].outer.end >= words.end - 1:
        words = inner[0].words  # "said: “…”": the quote is all that was said
    statement = bool(_STATEMENT.match(text, verb.end()))
    return Attribution(holder[0], words, name, "verb-first", holder[1], statement), end


def _quoted_but(text: str, end: int, unit: Span, quotes: QuoteIndex) -> int:
    """'Trump said a three-way meeting … could happen, possibly soon, but “now it's really up to President
    Zelenskyy to get it done.”': a quote after ', but' that ends the sentence, with no reporting verb of
    its own, is still the speaker's; so is a condition or a limit after ', but' with no subject of its own
    ('Lavrov said that Moscow had “no objection” to returning to the deal, but only after its conditions
    were met')."""
    but = _BUT.match(text, end, unit.end)
    if but is None:
        return end
    if _BUT_FRAGMENT.match(text, but.start(), unit.end) and not VERB.search(text, but.end(), unit.end):
        return trim(text, Span(but.end(), clause_end(text, but.end(), unit.end, quotes))).end
    inner = quotes.within(Span(but.end(), unit.end))
    if not inner or inner[0].outer.start != but.end() or text[inner[-1].outer.end : unit.end].strip(' .”"'):
        return end
    if VERB.search(text, inner[0].outer.end, unit.end):
        return end
    return inner[-1].outer.end


def _sentence_subject(
    text: str, unit: Span, clause_start: int, speakers: Speakers
) -> tuple[Entity, str] | None:
    """'Mr. Modi had met Russian President Vladimir Putin in Kazan …, and told him that India supports …':
    a reporting verb with no subject of its own after ', and' shares the sentence's subject, named in its
    first words."""
    start = opening_end(text, unit.start, clause_start)
    subject = _SUBJECT.match(text, start, clause_start)
    if subject is None:
        return None
    found = speakers.holder(Span(start, subject.end()), unit)
    return found if found is not None and found[1] == "named" else None


def _second_speaker(
    text: str, verb: re.Match[str], unit: Span, previous: Attribution, speakers: Speakers
) -> tuple[int, int] | None:
    """'Lula said Brazil welcomes China's position paper …, and Xi said China supports …': after ', and',
    another named actor with a reporting verb of its own starts a second attribution. Where the first
    words end and the second clause begins, or None."""
    joined = _AND_NAME.search(text, max(previous.words.start, verb.start() - 60), verb.start())
    if joined is None or _quotes_between(text, joined.end(), verb.start()):
        return None
    found = speakers.holder(strip_slot(text, Span(joined.end(), verb.start())), unit)
    if found is None or found[1] != "named" or found[0] == previous.holder:
        return None
    return joined.start() + 1 + len(joined.group("mark") or ""), joined.end()


def _quotes_between(text: str, start: int, end: int) -> bool:
    """Whether a quotation mark stands in the text between the two offsets."""
    return bool(re.search(r"[“”\"‘«»]", text[start:end]))


def _inserted_source(text: str, verb: re.Match[str], unit: Span, verbs: list[re.Match[str]]) -> bool:
    """'Xi, according to a readout released by China's foreign ministry, told Biden that …': an 'according
    to' set between commas after the subject, before the subject's own reporting verb, names the source of
    the report, not the speaker."""
    if not verb.group().lower().startswith("according"):
        return False
    if not text[max(unit.start, verb.start() - 3) : verb.start()].rstrip().endswith(","):
        return False
    comma = text.find(",", verb.end(), unit.end)
    if comma < 0:
        return False
    spaces = _SPACES.match(text, comma + 1)
    after = spaces.end() if spaces else comma + 1
    return any(v.start() == after for v in verbs)


def _opening_source(
    text: str, verb: re.Match[str], unit: Span, verbs: list[re.Match[str]], speakers: Speakers
) -> int | None:
    """'According to the Kremlin, Putin told Erdogan that …': an 'according to' that opens the sentence
    before a subject with a reporting verb of its own names the source of the report; the subject speaks.
    Where the subject's clause begins, or None."""
    if not verb.group().lower().startswith("according"):
        return None
    if opening_end(text, unit.start, verb.start()) != verb.start():
        return None
    comma = text.find(",", verb.end(), unit.end)
    if comma < 0:
        return None
    after = [v for v in verbs if v.start() > comma]
    if not after or "," in text[comma + 1 : after[0].start()]:
        return None
    slot = strip_slot(text, Span(comma + 1, after[0].start()))
    if not 0 < len(slot.of(text).split()) <= 6 or speakers.holder(slot, unit) is None:
        return None
    return comma + 1


def _without_a_deed(text: str, words: Span) -> Span:
    """'Mogadishu called it an act of aggression and expelled Ethiopia's ambassador': after a verb with an
    object, a second predicate joined by 'and' reports what the speaker did, not what it said."""
    deed = _DEED.search(text, words.start, words.end)
    if deed is None or is_reporting_verb(deed.group("verb")):
        return words
    return trim(text, Span(words.start, deed.start()))


def _a_guest(text: str, start: int, speakers: Speakers) -> bool:
    """'Trong welcomed Biden at the headquarters …': a person welcomed is a guest greeted; 'welcomed
    Biden's decision' welcomes a thing."""
    first = speakers.mentions_in(Span(start, start + 40))[:1]
    if not first or first[0].entity.kind != "person" or text[start : first[0].span.start].strip():
        return False
    return text[first[0].span.end : first[0].span.end + 2] not in ("'s", "’s")


def _according(
    text: str, unit: Span, clause_start: int, verb: re.Match[str], speakers: Speakers
) -> tuple[Attribution, int] | None:
    """'According to X, …' and '…, according to X.'"""
    if verb.start() - clause_start > 1:  # "…, according to X."
        words = Span(clause_start, text.rfind(",", clause_start, verb.start()))
        slots = [Span(verb.end(), clause_end(text, verb.end(), unit.end))]
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
        holder = speakers.holder(strip_slot(text, slot), unit)
        if holder is not None and words.end > words.start:
            if words.start <= slot.start < words.end:
                words = Span(slot.end + 1, words.end)
            return Attribution(
                holder[0], trim(text, words), "according to", "verb-first", holder[1]
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
    slot = strip_slot(text, Span(comma + 1, verb.start()))
    holder = speakers.holder(slot, unit) if slot.end > slot.start else None
    if holder is None and slot.end <= slot.start:
        inverted = inverted_slot(text, verb, unit)
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
    return Attribution(holder[0], trim(text, words), name, "clause-first", holder[1]), unit.end


def _continuation(
    text: str, verb: re.Match[str], unit: Span, quotes: QuoteIndex, previous: Attribution
) -> Attribution | None:
    """'“…,” he said, adding: “…”': a second quoted passage of the same speaker."""
    tail = Span(verb.start(), unit.end)
    if not quotes.within(tail):
        return None
    return replace(previous, words=trim(text, tail), verb=verb.group().lower(), shape="verb-first")


def _split_colon_quotes(text: str, found: list[Attribution], quotes: QuoteIndex) -> list[Attribution]:
    """'said the talks were “positive and a step forward”: “We will continue …”' is two passages; in
    'appealed for a ceasefire in Gaza: “I appeal to the warring parties …”' the words before the colon
    quote nobody: they introduce the one passage, the quote."""
    result = []
    for attribution in found:
        words = attribution.words
        colon = re.search(r"[”\"’»]?\s*:\s+[“\"‘«]", words.of(text))
        if colon and colon.start() > 0:
            head = trim(text, Span(words.start, words.start + colon.start() + 1))
            later = [q for q in quotes.within(words) if q.outer.start >= words.start + colon.end() - 1]
            if quotes.within(head) or quotes.covering(head.start) or not later:
                result.append(replace(attribution, words=head))
            if later:
                tail = Span(later[0].words.start, max(q.words.end for q in later))
                result.append(replace(attribution, words=tail, shape="colon-quote", statement=False))
            continue
        result.append(attribution)
    return result


def _widen(attribution: Attribution, words: Span) -> Attribution:
    """'EAM stressed that …, and said that …': one speaker, one passage."""
    span = Span(min(attribution.words.start, words.start), max(attribution.words.end, words.end))
    return replace(attribution, words=span)


def _cut(attribution: Attribution, end: int, text: str) -> Attribution:
    """'Biden called the gathering “…”, while Kishida said …': Biden's words end where Kishida's clause
    begins."""
    return replace(
        attribution, words=trim(text, Span(attribution.words.start, min(attribution.words.end, end)))
    )
