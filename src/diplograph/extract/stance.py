"""Stance: support, oppose, neutral or other towards the topic of a statement, by a fixed order of steps.

The first step that applies decides, and names itself in the position's rule ("stance:verb=urged"), so
every stance can be explained by the words behind it. The words are those the actor is reported to have
said (the quote, or the reported clause); the lexicon of each step is in ``lexicon.py``.

1. courtesy → other. A greeting or thanks to a host ("very happy to see him", "for the hospitality"),
   or one's own side regretting or apologising. First, because courtesies are full of warm words
   ("friend", "excellent organization") that take no stance on any issue.
   reservation → other: a welcome or a step conceded, then "but" insisted, demanded or "not enough"
   ("welcomed the disengagement but demanded …", "a first step, but not enough"). Before the verb,
   which names only the first half ("welcomed").
2. verb → the reporting verb's own judgement. Welcomed, praised, hailed, backed, defended → support;
   condemned, rejected, warned, denounced, accused, criticised, dismissed → oppose; said, told, noted,
   added, stressed, described → none. The verb is the reporter's summary of the whole speech act, so it
   outranks single words inside it ("warned that the bloc was making promises it could not keep").
   Verbs of demand and promise (urged, called for, demanded, pledged) are support of what they ask for,
   but what they ask for may itself be judged ("urged the U.S. to abandon its demands …, describing them
   as unprofessional") or be a prohibition ("urged the EU to … refrain from"): they decide right after
   step 3.
3. evaluation → evaluative words ("historic", "essential", "unacceptable", "a threat"), read with the
   scope of negation: a negator (not, no, never, without, cannot, n't) denies the nearest evaluation
   after it within seven words of its clause, and nothing beyond. A denied support word is opposition
   ("not helpful"); a denied opposition verb accepts ("was not opposed to ASEAN playing a role"); any other
   denied opposition word cancels ("does not present a threat"). "No" and "without" deny only the noun
   they introduce ("would spare no effort to support"); "not only X", "not X but Y" and "no X without Y"
   deny nothing; a denial runs over the words listed after its cue ("is not smart, wise or
   honorable"). A remedy of an evil ("to address the pains of our people") speaks for the
   remedy. More opposition than support, or as much, is opposition. A judgement denied on a denied
   condition wants what the condition names ("would not be happy if he did not get a ceasefire":
   double-denial → support). An offer (ready, willing, prepared to, no objection) followed by a
   condition ("ready to return … as soon as Western countries fulfil the obligations") is a bargain:
   condition → other, when the offers are all the support there is. After a verb of description
   ("described X as Y", 'called X "Y"') steps 3–6 read from the description Y on: X is only what it is
   about ("described trilateral security cooperation as …" is no support of cooperation).
4. neutrality → saying the speaker's side is against nobody or takes no side ("not competing with
   anyone", "never provided lethal weapons to any party").
5. hedge → neutral: what could happen, on conditions or after study ("possible only as a result of the
   work", "whether … depends on", "would study the details"). Before demands, because a conditional
   "would" or "should" promises nothing. But talks or a meeting that could happen, on no condition
   ("the talks could begin already on Thursday"), is an opening the speaker makes: prospect → support.
6. demand → demands, intentions and wishes ("must", "should", "will", "would like to", "hope", "call
   for", "responsibility") are support of what they ask for; a prohibition ("must not", "refrain from", "no
   intention", "don't want to") is opposition, and the asking that frames it ("urged … to refrain from")
   is no support. A wish whose content is denied is opposition too ("I hope that this is not meant
   seriously"). The topics a stance is about count here too: a peace, an agreement, headway, a
   ceasefire named is support, denied is opposition ("did not come to Antalya to discuss a ceasefire").
   Last of the cues, because they say what a statement is about more than how the speaker judges it.
7. context → a passage with no reporting verb of its own (a quote continuing the last one): steps 3–6
   on the rest of its sentence.
8. none → neutral: the speaker relays an account or a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.extract import lexicon
from diplograph.extract.model import Stance
from diplograph.extract.patterns import alternatives, cue_pattern

__all__ = ["StanceDecision", "carries_a_view", "decide", "is_courtesy"]


def _cues(*groups: str) -> re.Pattern[str]:
    """A word-initial pattern over groups of cues separated by '|' (a group per line, for reading)."""
    return cue_pattern("|".join(cue for group in groups for cue in alternatives(group)))


def _verbs(*groups: str) -> frozenset[str]:
    return frozenset(word.replace("_", " ") for group in groups for word in group.split())


_COURTESY = _cues(*lexicon.COURTESY)
_OWN_REGRET = re.compile(
    r"^(?:we|i|the\s+\w+\s+side|\w+\s+side)\s+(?:deeply\s+|sincerely\s+)?(?:regrets?|apologi[sz]es?)\b"
)
_SUPPORTING_VERBS = _verbs(*lexicon.SUPPORTING_VERBS)
_OPPOSING_VERBS = _verbs(*lexicon.OPPOSING_VERBS)
_DEMANDING_VERBS = _verbs(*lexicon.DEMANDING_VERBS)
_SUPPORT = _cues(*lexicon.SUPPORT_EVALUATIONS)
_OPPOSE = _cues(*lexicon.OPPOSE_EVALUATIONS)
_OPPOSE_PHRASES = tuple((word, re.compile(pattern)) for word, pattern in lexicon.OPPOSE_PHRASES)
_OPPOSING_STANCE = re.compile(r"(?:" + lexicon.OPPOSING_STANCES + ")")
_OWN_NEGATION = re.compile(
    r"(?:not|never|cannot|won't|(?:will|would|shall|do|does|did|can|could|must)\s+not)\b"
)
_REMEDY = re.compile(
    # "counter-terrorism", "anti-terrorism": a hyphen joins the remedy to what it remedies
    r"\b(?:" + lexicon.REMEDIES + r")(?:-|\s+(?:(?:together|jointly|up|against|to)\s+){0,3}"
    r"(?:[\w'-]+\s+){0,3})$"
)
_NEUTRALITY = re.compile(lexicon.NEUTRALITY)
_HEDGE = _cues(*lexicon.HEDGES)
_DEMAND = _cues(*lexicon.DEMANDS)
_PROHIBITION = _cues(*lexicon.PROHIBITIONS)
_TOPIC = _cues(*lexicon.SUPPORT_TOPICS)
_CONDITION = _cues(*lexicon.CONDITIONS)
_OFFER = re.compile(lexicon.OFFERS)
_DOUBLE_DENIAL = re.compile(lexicon.DOUBLE_DENIALS)
_RESERVATION = re.compile(lexicon.RESERVATIONS)
_CONCESSION = re.compile(r"\b" + lexicon.CONCESSIONS)
_PROSPECT = re.compile(lexicon.PROSPECTS)
_VIOLENCE = re.compile(lexicon.VIOLENCE)

_NEGATOR = re.compile(r"\b(?:not|no|never|without|nor|neither|cannot|nothing)\b|n't\b")
# "No" and "without" deny the noun they introduce ("without foreign interference"), not what follows it
# ("would spare no effort to support the Afghan people").
_DETERMINER = re.compile(r"(?:no|without)\s+(?:\S+\s+)?$")
_NOT_ONLY = re.compile(r"not\s+(?:only|just|merely)\b")
_PROHIBITIVE = re.compile(
    r"\b(?:let\s+us\s+not|let's\s+not|must\s+not|mustn't|should\s+not|shouldn't|do\s+not|don't|"
    r"(?:not|never)\s+(?:allow|tolerate|permit))\b"
)
# "not the end of the peace process, but the beginning": a correction, not a denial of the topic.
_CONTRAST = re.compile(
    r"[^.;:!?]{0,25}?,?\s+but\s+(?:rather\s+|also\s+)?(?:the|a|an|its|their|our|to|in|of)\b"
)
# "no solution without Syria's participation": the second negation undoes the first.
_UNLESS = re.compile(r"\w*\s+(?:\w+\s+){0,2}?(?:without|unless|except)\b")
# A wish whose content is denied opposes what it denies: "I strongly hope that this is not meant seriously".
_WISH = re.compile(r"hop|wish|want")
# Asking is the frame of what is asked: "urged the EU to keep its markets open and refrain from …".
_ASKING = re.compile(r"urg|call|ask|demand")
_DENIED_WISH = re.compile(
    r"\w*\s+(?:that\s+)?(?:[\w'-]+\s+){0,4}?(?:is|was|are|were|will|would|does|do)\s+not\b"
)
_LISTED = re.compile(r"\s*(?:,|,?\s+(?:or|and|nor))\s*")
# "had not changed and that Washington opposed": "and that" opens a clause the negation does not reach.
_CLAUSE_BREAK = re.compile(r"[,;:.!?]|\b(?:but|while|whereas|although|and\s+that)\b")
# Background in a relative clause closed by a comma ("Pakistan, which had lost more lives to terrorism
# than any other member, was part of the solution") is not what the speaker takes a stance on.
_BACKGROUND = re.compile(r",\s+(?:which|who)\s+(?!(?:he|she|they|it)\s)[^,;“”\"]*,")
_DESCRIBING = _verbs(
    "described describes describing dismissed dismisses dismissing labelled labeled branded termed"
)
_CALLING = _verbs("called calls calling dubbed labelled labeled branded termed")
_PREDICATE_AS = re.compile(r"\bas\s+(?P<predicate>.+)$", re.DOTALL)
_QUOTED_PREDICATE = re.compile(r"[“\"‘«](?P<predicate>[^“”\"‘«»]+)[”\"’»]")
# Obligation, intention or an absolute claim: what makes a reported clause more than a relayed fact.
_MODAL = re.compile(
    r"\b(?:must|should|need\s+to|needs\s+to|needed\s+to|have\s+to|has\s+to|had\s+to|ought\s+to|"
    r"will\s+not|won't|would\s+not|cannot|can't|could\s+not|never|only\s+if|unless|ready\s+to|"
    r"willing\s+to|determined\s+to|intends?\s+to|wants?\s+to|wanted|hopes?|hoped|hoping|desire|priority|"
    r"no\s+intention|inalienable|integral\s+part|indisputabl\w*|red\s+lines?|non-negotiable|sovereign\s+right)\b"
)
# Plain judgements a reported clause makes without a word of the lexicon: how hard or frank something is
# ("the talks were difficult"), who is to blame for a harm ("the West was responsible for the crisis"),
# the one or best way ("dialogue and diplomacy were the only way forward"), an offer of one's good offices
# ("Turkey could host peace talks"). "The delegation would arrive on Monday" judges nothing.
_JUDGEMENT = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remains?|remained|proved|seemed)\s+(?:(?:very|extremely|quite|so|"
    r"rather|particularly|increasingly|too|not)\s+)?(?:difficult|hard|tough|complicated|frank|candid|"
    r"substantive|unfair|unhelpful|one-sided|a\s+(?:big|huge|grave|major)\s+(?:step|mistake|error))\b|"
    r"\b(?:responsible|to\s+blame|at\s+fault|culpable)\s+for\s+(?:[\w'-]+\s+){0,4}?(?:crisis|war|conflict|"
    r"escalation|violence|attacks?|deaths?|killings?|bloodshed|collapse|failure|deadlock|tensions?|"
    r"suffering|destruction|instability|situation)\b|"
    r"\b(?:only|best|right|sole|no\s+other)\s+(?:way|path|solution|option|means|route|answer)\b|"
    r"\bway\s+(?:forward|out)\b|"
    r"\b(?:could|can|would\s+be\s+(?:able|happy|glad|ready)\s+to)\s+(?:\w+\s+)?(?:host|mediate|facilitate|"
    r"help|contribute|play\s+an?\s+(?:[\w-]+\s+)?role|offer\s+(?:its|his|her|their)\s+good\s+offices)\b"
)
_QUOTE_MARKS = str.maketrans({"’": "'", "“": None, "”": None, '"': None, "‘": None})


@dataclass(frozen=True)
class StanceDecision:
    """A stance, the step that decided it and the cue it found ('' for none)."""

    stance: Stance
    step: str
    cue: str = ""

    @property
    def rule(self) -> str:
        return f"stance:{self.step}" + (f"={self.cue}" if self.cue else "")


def _plain(words: str) -> str:
    """Lowered, with quotation marks dropped: 'a “direct threat”' reads as 'a direct threat'."""
    return words.lower().translate(_QUOTE_MARKS)


def _reading(words: str) -> str:
    """The words as the steps read them: plain, without background relative clauses."""
    return _BACKGROUND.sub(",", _plain(words))


def decide(words: str, context: str = "", verb: str = "") -> StanceDecision:
    """The stance of ``words`` reported with ``verb`` in the sentence ``context`` (steps 1–8 above)."""
    base = words.lower()
    lowered = _reading(base)
    courtesy = _OWN_REGRET.search(lowered) or _COURTESY.search(lowered)
    if courtesy:
        return StanceDecision(Stance.OTHER, "courtesy", courtesy.group())
    verb = " ".join(verb.lower().split())
    reserved = _reservation(lowered, verb)
    if reserved:
        return reserved
    if verb in _SUPPORTING_VERBS:
        return StanceDecision(Stance.SUPPORT, "verb", verb)
    if verb in _OPPOSING_VERBS:
        return StanceDecision(Stance.OPPOSE, "verb", verb)
    described = _PREDICATE_AS.search(base) if verb in _DESCRIBING else None
    if described is None and verb in _CALLING:
        described = _QUOTED_PREDICATE.search(base)
    if described is not None:  # what is described is only what it is about: read from the description on
        lowered = _reading(base[described.start("predicate") :])
    # the rest of the sentence after the words, for the conditions an offer is made on
    after = context.find(words) if words and context else -1
    tail = _plain(context[after + len(words) :]) if after >= 0 else ""
    found = _evaluation(lowered, tail)
    if found is None and verb in _DEMANDING_VERBS:
        prohibition = _PROHIBITION.search(lowered)  # "urged the EU to … refrain from": asks for a "no"
        if prohibition:
            return StanceDecision(Stance.OPPOSE, "demand", prohibition.group())
        return StanceDecision(Stance.SUPPORT, "demand", verb)
    found = found or _later_steps(lowered, tail)
    if found is None and not verb and context:
        rest = _reading(context.replace(words, " "))
        found = _evaluation(rest) or _later_steps(rest)
        found = found and StanceDecision(found.stance, f"context-{found.step}", found.cue)
    return found or StanceDecision(Stance.NEUTRAL, "none")


def _reservation(lowered: str, verb: str) -> StanceDecision | None:
    """Step 1b: something conceded, then "but" and a reservation (insisted, demanded, not enough)."""
    reservation = _RESERVATION.search(lowered) if "but" in lowered else None
    if reservation is None:
        return None
    start = reservation.start()
    if (
        verb in _SUPPORTING_VERBS
        or _SUPPORT.search(lowered, 0, start)
        or _CONCESSION.search(lowered, 0, start)
    ):
        return StanceDecision(Stance.OTHER, "reservation", " ".join(reservation.group().split()))
    return None


def _later_steps(lowered: str, tail: str = "") -> StanceDecision | None:
    """Steps 4–6: neutrality, hedges (and prospects), demands (and topics)."""
    neutral = _NEUTRALITY.search(lowered)
    if neutral:
        return StanceDecision(Stance.NEUTRAL, "neutrality", neutral.group().split()[0])
    hedge = _HEDGE.search(lowered)
    if hedge:
        prospect = _PROSPECT.match(lowered, hedge.start())
        if (
            prospect
            and not _CONDITION.search(lowered, prospect.end())
            and not _CONDITION.search(tail)
            and not _VIOLENCE.search(lowered)
        ):
            return StanceDecision(Stance.SUPPORT, "prospect", " ".join(prospect.group().split()))
        return StanceDecision(Stance.NEUTRAL, "hedge", hedge.group())
    return _demand(lowered)


def _evaluation(lowered: str, tail: str = "") -> StanceDecision | None:
    """Step 3: evaluative words with the scope of negation; None when there are none. ``tail`` is the rest
    of the sentence, where the conditions of an offer may follow the words."""
    double = _DOUBLE_DENIAL.search(lowered)
    if double:
        return StanceDecision(Stance.SUPPORT, "double-denial", " ".join(double.group().split()))
    found = [(m, True) for m in _SUPPORT.finditer(lowered)] + [(m, False) for m in _OPPOSE.finditer(lowered)]
    for word, phrase in _OPPOSE_PHRASES:
        if word in lowered:
            found.extend((m, False) for m in phrase.finditer(lowered))
    if not found:
        return None
    found.sort(key=lambda item: item[0].start())
    support: list[str] = []
    oppose: list[str] = []
    offers: list[tuple[str, int]] = []  # offers among the support, with where they end
    previous_end, denied = 0, False
    for match, supporting in found:
        cue = match.group().strip()
        lead = lowered[max(previous_end, match.start() - 48) : match.start()]
        # "is not smart, wise or honorable": a denial runs over the words listed after its first cue
        listed = previous_end and _LISTED.fullmatch(lowered, previous_end, match.start())
        previous_end = max(previous_end, match.end())
        negated = denied if listed else _negated(lowered, lead, match.end())
        denied = negated
        if supporting:
            (oppose if negated else support).append(cue)
            if not negated and _OFFER.search(cue):
                offers.append((cue, match.end()))
        elif _OWN_NEGATION.match(cue) or (negated and _PROHIBITIVE.search(lead)):
            oppose.append(cue)  # "not accept"; "let us not get caught up in weaponising terrorism"
        elif negated:
            if _OPPOSING_STANCE.match(cue):
                support.append(f"not {cue}")  # "was not opposed to": accepts it
                offers.append((f"not {cue}", match.end()))
        elif _REMEDY.search(lead):
            support.append(f"remedy {cue}")
        else:
            oppose.append(cue)
    if oppose and len(oppose) >= len(support):
        return StanceDecision(Stance.OPPOSE, "evaluation", oppose[0])
    if support and len(offers) == len(support):
        offer, end = offers[0]
        condition = _CONDITION.search(lowered, end) or _CONDITION.search(tail)
        if condition:
            return StanceDecision(Stance.OTHER, "condition", f"{offer} {' '.join(condition.group().split())}")
    if support:
        return StanceDecision(Stance.SUPPORT, "evaluation", support[0])
    return None


def _demand(lowered: str) -> StanceDecision | None:
    """Step 6: demands, intentions and wishes, prohibitions, and the topics named or denied."""
    support, oppose = [], []
    prohibitions = list(_PROHIBITION.finditer(lowered))
    oppose += [m.group() for m in prohibitions]
    for pattern in (_DEMAND, _TOPIC):
        previous_end = 0
        for match in pattern.finditer(lowered):
            lead = lowered[max(previous_end, match.start() - 48) : match.start()]
            previous_end = match.end()
            negated = _negated(lowered, lead, match.end())
            if not negated and _WISH.match(match.group()) and _DENIED_WISH.match(lowered, match.end()):
                oppose.append(f"{match.group().strip()} not")  # "I hope that this is not meant seriously"
            elif not negated:
                if _ASKING.match(match.group()) and any(p.start() > match.end() for p in prohibitions):
                    continue  # "urged the EU to … refrain from": the asking only frames the prohibition
                support.append(match.group().strip())
            elif pattern is _TOPIC:
                oppose.append(f"no {match.group()}")  # a denied intention says nothing; a denied peace does
    if oppose and len(oppose) >= len(support):
        return StanceDecision(Stance.OPPOSE, "demand", oppose[0])
    if support:
        return StanceDecision(Stance.SUPPORT, "demand", support[0])
    return None


def _negated(lowered: str, lead: str, end: int) -> bool:
    """Whether a negator in ``lead`` (the words before a cue, back to the last cue) denies the cue."""
    clause = _CLAUSE_BREAK.split(lead)[-1]
    words = " ".join(clause.split()[-8:])  # a negator and at most seven words before the cue
    negators = list(_NEGATOR.finditer(words))
    if not negators:
        return False
    last = negators[-1]
    if _NOT_ONLY.match(words, last.start()):
        return False
    if last.group() in ("no", "without") and not _DETERMINER.match(words + " ", last.start()):
        return False
    return not (_CONTRAST.match(lowered, end) or _UNLESS.match(lowered, end))


def is_courtesy(words: str) -> bool:
    """A greeting or thanks to a host: reported, it states no view."""
    return bool(_COURTESY.search(_plain(words)))


def carries_a_view(words: str) -> bool:
    """An evaluation, a stance, a modal of obligation or intention or a plain judgement: more than a relayed
    fact."""
    lowered = _plain(words)
    if _SUPPORT.search(lowered) or _MODAL.search(lowered) or _OPPOSE.search(lowered):
        return True
    if _JUDGEMENT.search(lowered):
        return True
    return any(word in lowered and phrase.search(lowered) for word, phrase in _OPPOSE_PHRASES)
