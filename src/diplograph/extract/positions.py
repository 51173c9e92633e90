"""Positions: who stated what stance on what, with the verbatim words and the sentence around them.

Each unit of prose (a sentence, or sentences a quote runs across) is read for attributions
(``attribution.py``): a reporting verb, its speaker (``speakers.py``) and the words reported. An
attribution is a position when its words are quoted, when its verb states a view ("urged", "rejected"),
or when the reported clause carries one (an evaluation, an obligation, the speaker's own intention); a
relayed fact ("said the talks could take place in Astana") is not. A quote nobody is said to have spoken
(a scare quote, the author's own words) is not a position either, nor is a reported courtesy. Stance comes
from the steps of ``stance.py``, topic from ``topics.py``; findings record the rules that made them
("position:quote-first:named;stance:verb=urged"). Some passages are an actor's words by the layout of the
page, not by a verb (a transcript's answers, a post under its author's handle: ``blocks.py``); the
readers' comments after the article are read for nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from diplograph.extract.attribution import Attribution, attributions
from diplograph.extract.blocks import article_end, blocks
from diplograph.extract.dates import DateMention
from diplograph.extract.entities import Recognised
from diplograph.extract.model import Entity, PartialDate, PositionFinding, Span
from diplograph.extract.patterns import word_alternation
from diplograph.extract.quotes import QuoteIndex, find_quotes, units
from diplograph.extract.speakers import Speakers
from diplograph.extract.stance import carries_a_view, decide, is_courtesy
from diplograph.extract.topics import topic
from diplograph.extract.verbs import reporting_verbs

# What a schedule says: who will meet or travel where and when. Relayed, it is a fact, not a view.
_LOGISTICS = word_alternation(
    r"hold|holds|held|holding|meet|meets|met|meeting|meetings|visit|visits|visited|travel|travels|"
    r"travelled|traveled|attend|attends|attended|host|hosts|hosted|take\s+place|took\s+place|be\s+held|"
    r"due\s+to|postponed|called\s+off|cancell?ed|rescheduled|arrive|arrived|talks\s+with|phone\s+call|"
    r"(?:spoke|spoken|speak|speaks|speaking|talked)\s+(?:\w+\s+)?by\s+(?:tele)?(?:phone|video)"
)
# A wish, a plan, a request, an invitation or an acceptance whose only object is a contact or a trip ("hoped
# to speak with Putin later this week", "accepted the invitation with pleasure", "will come to Washington on
# Monday", "had asked to see General Tiani", "had invited Netanyahu to visit Turkey"): a schedule.
_SCHEDULE_WISH = re.compile(
    r"\b(?:(?:hope[sd]?|hoping|expect(?:s|ed)?|plan(?:s|ned)?|intend(?:s|ed)?|wants?|wanted|would\s+like)\s+"
    r"to\s+(?:speak|talk|meet|visit|travel|come|go|fly|call)\b|accept(?:s|ed)?\s+(?:an?|the|his|her|their)\s+"
    r"invitation\b|(?:come|coming|go|going|fly|flying|head|heading)\s+to\s+(?-i:[A-Z])|"
    r"asked\s+to\s+(?:see|meet)\b|invited\s+(?:[\w.’'-]+\s+){1,4}?to\s+(?:visit|come)\b)",
    re.IGNORECASE,
)
_DENIED = re.compile(r"\b(?:not|never|no)\b|n't\b", re.IGNORECASE)
# What makes reported words more than a noun phrase: a clause, an infinitive, a quote.
_CLAUSE = re.compile(r"\b(?:that|to|as|is|are|was|were|will|would|could|should)\b|[“\"‘«]", re.IGNORECASE)
_PREDICATE = re.compile(r"\b(?:were|was|is|are|as|called|calling|dubbed|be|being|been)\s+(?:an?\s+|the\s+)?$")
_OUTCOME = re.compile(
    r"\b(?:agreed|signed|reached|adopted|launched|set\s+up|established|unveiled|approved|created|formed)\s+"
    r"(?:on\s+)?(?:an?|the|this|that|its|their|our)\s+$",
    re.IGNORECASE,
)
_COORDINATED_REPORT = re.compile(
    r",?\s+and\s+(?:announced|said|added|noted|confirmed|told\s+\w+)\s+(?:that\s+)?", re.IGNORECASE
)
_SELF = re.compile(
    r"\s*(?:he|she|we|i|(?:his|her|our|my)\s+(?:own\s+)?(?:country|government|side|nation))\b", re.I
)


def find_positions(
    text: str,
    sentences: list[Span],
    recognised: Recognised,
    dates: list[DateMention],
    published: date | None = None,
) -> tuple[PositionFinding, ...]:
    quotes = QuoteIndex(find_quotes(text))
    speakers = Speakers(text, recognised, quotes, published.year if published else None)
    verbs = reporting_verbs(text, quotes)
    found: list[PositionFinding] = []
    previous: tuple[Span, Attribution] | None = None
    end = article_end(text)
    for unit in units(text, sentences, quotes):
        if unit.start >= end:
            break  # the readers' comments
        reported = attributions(text, unit, quotes, speakers, verbs)
        if not reported:
            continued = _continued_quote(text, unit, quotes, previous)
            if continued is not None and previous is not None:
                found.append(_position(text, previous[1].holder, continued, unit, dates, "continued-quote"))
                previous = (unit, previous[1])
            continue
        if _introduces(text, previous, unit, reported[0], found):
            found.pop()  # 'Trump praised the Syrian leader. “Young, attractive guy …,” he said.'
        for attribution in reported:
            attribution = _without_schedule(text, attribution)
            if attribution.statement and attribution.holder.kind in ("organization", "country"):
                speakers.statements.append(attribution.holder)
            rule = _rule(text, attribution, quotes, speakers)
            if rule is not None:
                found.append(
                    _position(
                        text, attribution.holder, attribution.words, unit, dates, rule, attribution.verb
                    )
                )
        previous = (unit, reported[-1])
    taken = {p.quote for p in found}
    for block in blocks(text, recognised, end):
        if block.words not in taken:
            found.append(_position(text, block.holder, block.words, block.words, dates, block.rule))
    # One position per passage: its IRI is minted from where its words start.
    unique = {p.quote.start: p for p in reversed(found)}
    return tuple(sorted(unique.values(), key=lambda p: (p.quote.start, p.holder.key)))


def _introduces(
    text: str,
    previous: tuple[Span, Attribution] | None,
    unit: Span,
    first: Attribution,
    found: list[PositionFinding],
) -> bool:
    """'Peskov had dismissed the European ultimatum on Saturday. “Attempts to put pressure on us are
    completely useless,” he told reporters.': a stance verb with only a short object, followed in the same
    paragraph by the same speaker's quote, introduces that quote; the quote is the position."""
    if previous is None or not found or first.shape != "quote-first" or first.holder != previous[1].holder:
        return False
    last = previous[1]
    if found[-1].quote != last.words or not found[-1].rule.startswith("position:reported-stance-verb"):
        return False
    if text[previous[0].end : unit.start].strip() or "\n" in text[previous[0].end : unit.start]:
        return False
    return len(last.words.of(text).split()) <= 6 and not _CLAUSE.search(last.words.of(text))


def _rule(text: str, attribution: Attribution, quotes: QuoteIndex, speakers: Speakers) -> str | None:
    """Why the attribution is a position (the rule name), or None when it relays a fact."""
    how = attribution.how
    if attribution.shape in ("quote-first", "colon-quote"):
        return f"{attribution.shape}:{how}"
    words = attribution.words
    if any(_counts(text, q) for q in quotes.within(words)) or quotes.covering(words.start):
        return f"quoted-{attribution.shape}:{how}"
    said = words.of(text)
    if is_courtesy(said):
        return None  # thanks for the hospitality: a courtesy, reported, states no view
    if attribution.stance_verb:
        return f"reported-stance-verb:{how}"
    if _is_schedule_wish(said):
        return None
    if carries_a_view(said):
        return f"reported-view:{how}"
    if _LOGISTICS.search(said):
        return None
    if attribution.statement:
        return f"reported-statement:{how}"
    if attribution.shape != "quote-first" and _speaks_of_itself(text, attribution, speakers):
        return f"reported-own-stance:{how}"
    return None


def _is_schedule_wish(said: str) -> bool:
    """'he hoped to speak with Putin later this week', 'Xi accepted the invitation with pleasure': a wish or
    an acceptance about a schedule, with no view beside it. A denied trip ('did not come to Antalya to
    discuss a ceasefire') says what the speaker refuses: a stance."""
    schedule = _SCHEDULE_WISH.search(said)
    if schedule is None or _DENIED.search(said, 0, schedule.start()):
        return False
    return not carries_a_view(_SCHEDULE_WISH.sub(" ", said))


def _without_schedule(text: str, attribution: Attribution) -> Attribution:
    """'said the bloc was “not competing with anyone” and announced that he would host the next summit in
    Kazan': a second report joined by 'and' that only relays a schedule is not part of the position."""
    said = attribution.words.of(text)
    if " and " not in said:
        return attribution
    for match in _COORDINATED_REPORT.finditer(said):
        tail = said[match.end() :]
        if _LOGISTICS.search(tail) and not carries_a_view(tail):
            words = Span(attribution.words.start, attribution.words.start + match.start())
            return replace(attribution, words=words)
    return attribution


def _counts(text: str, quote) -> bool:
    """A quote of several words, or one word as the predicate of what is said ('were a “narrative”'). The
    quoted name of an outcome ('had agreed an “upgraded export supply mechanism”', 'reached a “five-point
    consensus”') relays a fact: the clause must carry a view of its own."""
    lead = text[max(0, quote.outer.start - 25) : quote.outer.start]
    if quote.word_count(text) >= 2:
        return not _OUTCOME.search(lead)
    return bool(_PREDICATE.search(lead))


def _speaks_of_itself(text: str, attribution: Attribution, speakers: Speakers) -> bool:
    """'Washington has said it will not normalise …', 'Kirby said the United States welcomed …': the
    reported clause is about the speaker's own side, so it states the speaker's stance or intention."""
    words = attribution.words
    if attribution.shape == "verb-first" and _SELF.match(text, words.start):
        return True
    holder = attribution.holder
    own = {holder.key, holder.country}
    for mention in speakers.mentions_in(Span(words.start, words.start + 40))[:1]:
        lead = text[words.start : mention.span.start].strip().lower()
        entity = mention.entity
        if lead in ("", "the") and (entity.key in own or (entity.kind == "city" and entity.country in own)):
            return True
    return False


def _continued_quote(
    text: str, unit: Span, quotes: QuoteIndex, previous: tuple[Span, Attribution] | None
) -> Span | None:
    """A quote that opens a sentence with no speaker of its own, right after an attributed sentence (in
    the same paragraph or the next), continues the same speaker's words."""
    inner = quotes.within(unit)
    if previous is None or not inner or inner[0].outer.start - unit.start > 1:
        return None
    outside = "".join(text[a.outer.end : b.outer.start] for a, b in zip(inner, inner[1:], strict=False))
    if (outside + text[inner[-1].outer.end : unit.end]).strip(" .,;:!?…”’\"'"):
        return None  # words outside the quotation marks: not a bare continuation
    between = text[previous[0].end : unit.start]
    if between.count("\n\n") > 1 or len(between.strip()) > 0 or previous[1].holder is None:
        return None
    return Span(inner[0].words.start, inner[-1].words.end)


def _position(
    text: str,
    holder: Entity,
    words: Span,
    sentence: Span,
    dates: list[DateMention],
    rule: str,
    verb: str = "",
) -> PositionFinding:
    quoted = words.of(text)
    context = Span(min(sentence.start, words.start), max(sentence.end, words.end)).of(text)
    decision = decide(quoted, context, verb)
    return PositionFinding(
        holder=holder,
        topic=topic(quoted, context),
        stance=decision.stance,
        quote=words,
        sentence=Span(min(sentence.start, words.start), max(sentence.end, words.end)),
        date=_date_in(sentence, words, dates),
        rule=f"position:{rule};{decision.rule}",
    )


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
