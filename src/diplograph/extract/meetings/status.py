"""What stage a meeting is at, as the clause that reports it tells: the tense or modal cue nearest its
trigger (proposed, planned, held), and a cancellation or postponement anywhere in the clause."""

from __future__ import annotations

import re

from diplograph.extract.model import Status
from diplograph.extract.patterns import LowercasePattern, keyword_text, may_contain, starting_with

__all__ = ["STATUS_CUES", "status_of"]

STATUS_CUES: tuple[tuple[Status, str, re.Pattern[str]], ...] = (
    (
        Status.CANCELLED,
        "cancelled",
        # "was dropped from the schedule", "a planned encounter … fell through"
        re.compile(
            r"\b(?:called\s+off|cancel(?:l)?ed|scrapped|abandoned\s+plans|fell\s+through|"
            # "A bilateral meeting between Zelensky and Lula, pencilled in for 3.15pm, did not take place"
            r"(?:did\s+not|didn['’]t|never)\s+take\s+place|never\s+took\s+place|"
            r"dropped\s+from\s+the\s+(?:schedule|agenda|programme|program|itinerary))\b",
            re.I,
        ),
    ),
    (
        Status.POSTPONED,
        "postponed",
        # "which had been slated for Friday in Kampala, was pushed back to next month"
        re.compile(r"\b(?:postpon(?:es?|ed|ing)|put\s+off|delayed|rescheduled|pushed\s+back)\b", re.I),
    ),
    (
        Status.PROPOSED,
        "modal",
        re.compile(
            r"\b(?:could|possibly|possibility|proposed|proposal|propose[sd]?|might|may\s+(?:be|take|meet)|"
            r"should\s+(?:be|meet|take|hold)|"
            r"suggested|offered\s+to|if\s+they\s+happen(?:ed)?|considering|idea\s+of|working\s+to\s+organi[sz]e|"
            # "Kuleba said he hoped to meet Wang Yi soon", "would be happy to meet Xi again", "a meeting
            # between Putin and Trump was possible": a wish or a possibility, not yet a plan
            r"(?:hope[sd]?|hoping|wants?|wanted|wish(?:es|ed)?|keen|eager|willing|ready|open)\s+to\s+"
            r"(?:meet|visit|host|hold|see|sit\s+down|travel|receive|welcome)|"
            r"would\s+(?:be\s+)?(?:happy|glad|delighted|willing|ready|open|like|love)\s+to|"
            r"(?:is|was|are|were|be|remains?|remained)\s+(?:still\s+|quite\s+|entirely\s+)?possible)\b",
            re.I,
        ),
    ),
    (
        Status.PLANNED,
        "future",
        re.compile(
            r"\b(?:will|’ll|'ll|(?:is|are|was|were)\s+(?:\w+\s+)?due\s+(?:to|in|at)\b|agree[sd]?\s+to\s+(?:(?:meet|hold|host|visit|convene|reconvene|sit\s+down|talk|send)\b|(?:resume|continue)\s+(?:the\s+)?(?:talks|negotiations|dialogue)|(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:meeting|summit|visit|talks|round|conference))|plans?\s+to\s+organi[sz]e|"
            r"had\s+been\s+(?:due|scheduled|expected|set|planned)\s+to|invit(?:e|es|ed|ing)|plans?\s+to|"
            # "Mitsotakis accepted President Erdogan's invitation to visit Ankara": the visit is to come
            r"accept(?:s|ed)?\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:[\w.’'-]+\s+){0,4}?invitation\s+"
            r"(?:from\s+(?:[\w.’'-]+\s+){1,5}?)?to\s+(?:visit|attend|meet|travel|come)|"
            r"planned|scheduled|slated\s+(?:for|to)|to\s+be\s+held|forthcoming|upcoming|ahead\s+of|set\s+to|expected\s+to|"
            r"to\s+host|next\s+(?:week|month|year)|this\s+month|later\s+this|"
            # "the leaders directed the chiefs of defence forces of the two blocs to meet within five days",
            # "ordered their army chiefs to meet": a meeting ordered is yet to come
            r"(?:directed|ordered|instructed|tasked)\s+(?:[\w’'-]+\s+){1,10}?to\s+(?:meet|hold|convene)|"
            # "senior commanders … are to meet within five days", "Blinken was to fly … for talks"
            r"(?:is|are|was|were)\s+to\s+(?:\w+\s+)?(?:meet|visit|host|hold|travel|fly|attend|see|go|begin|start)|"
            # "He flies to Ottawa on Friday for talks with Prime Minister Justin Trudeau": the present of a
            # timetable
            r"(?:flies|travels|heads|leaves|goes)\s+(?:to|for)\s+(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?\s+"
            r"(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|tomorrow|next\s+week))\b",
            re.I,
        ),
    ),
    (
        # "He said he would meet his Indian counterpart … in Islamabad": reported intent, a plan when the
        # clause says when or where, else a proposal ("he would meet the Russian leader 'as soon as we can
        # set it up'").
        Status.PLANNED,
        "intent",
        re.compile(
            r"\bwould\s+(?:\w+\s+)?(?:meet|visit|host|hold|travel|fly|attend|see|go|come|sit\s+down)\b", re.I
        ),
    ),
    (
        Status.HELD,
        "past",
        re.compile(
            r"\b(?:met|held|hosted|hosting|convened|concluded|took\s+place|visited|talked|discussed|received|"
            r"called\s+on|"
            r"began|opened|ended|started|"
            r"currently\s+having|during\s+the\s+current|were\s+conducting|are\s+conducting)\b",
            re.I,
        ),
    ),
)

_CUE_STARTS = {
    "cancelled": "csafdn",
    "postponed": "pdr",
    "modal": "cpmsoiwhkerba",
    "intent": "w",
    "past": "mhctvdrboesaw",
    "future": "wiaphstfuenldog’'",
}
_INSIDE_WORDS = frozenset(["future"])  # "they’ll": a cue that may start inside a word
STATUS_CUES = tuple(
    (status, rule, starting_with(_CUE_STARTS[rule], pattern, word_start=rule not in _INSIDE_WORDS))
    for status, rule, pattern in STATUS_CUES
)
# The cues run over the lowered clause, all but the future's (which needs a capital letter).
_LOWERED_CUES = {rule: LowercasePattern(pattern) for _, rule, pattern in STATUS_CUES if rule != "future"}
# Words one of which every cue of a rule contains (lowercase): a clause without any is not scanned for it.
_CUE_WORDS = {
    "cancelled": ("called", "cancel", "scrapped", "abandoned", "fell", "dropped", "place"),
    "postponed": ("postpon", "put", "delayed", "rescheduled", "pushed"),
    "intent": ("would",),
    "modal": (
        "could",
        "possib",
        "propos",
        "might",
        "may",
        "should",
        "suggested",
        "offered",
        "if",
        "considering",
    )
    + ("idea", "working", "hop", "want", "wish", "keen", "eager", "willing", "ready", "open", "would"),
    "past": (
        "met",
        "held",
        "host",
        "convened",
        "concluded",
        "took",
        "visited",
        "talked",
        "discussed",
        "received",
        "called",
    )
    + ("began", "opened", "ended", "started", "currently", "during", "conducting"),
}


# How far (in characters) a tense or modal cue may be from the trigger it qualifies.
CUE_REACH = 60


def status_of(body: str, trigger: re.Match[str]) -> tuple[Status, str]:
    """The status cue nearest the trigger wins; cancellations win over everything in the sentence."""
    best: tuple[int, Status, str] | None = None
    if INVITATION.match(trigger.group()):
        trigger = _main_verb(body) or trigger  # "…, at the invitation of X": the tense of the visit
    low, high = max(0, trigger.start() - CUE_REACH - 40), trigger.end() + CUE_REACH + 40
    keyed = keyword_text(body)
    given_up = [m.span() for m in GIVEN_UP_PLAN.finditer(body)] if "ly " in body else []
    for status, rule, pattern in STATUS_CUES:
        if rule in _CUE_WORDS and not may_contain(keyed, _CUE_WORDS[rule]):
            continue
        final = status in (Status.CANCELLED, Status.POSTPONED)
        scan_from, scan_to = (0, len(body)) if final else (low, high)
        lowered = _LOWERED_CUES.get(rule)
        cues = (
            pattern.finditer(body, scan_from, scan_to)
            if lowered is None
            else lowered.finditer(body, keyed, scan_from, scan_to)
        )
        for cue in cues:
            if any(start <= cue.start() < end for start, end in given_up):
                continue  # "originally scheduled for March 5": the plan it replaced, not its status
            if cue.start() > trigger.end() and _ABOUT_A_DOCUMENT.search(body, trigger.end(), cue.start()):
                continue  # "signed an agreement … that could lead to a full withdrawal": the deal's prospect
            distance = min(abs(cue.start() - trigger.end()), abs(trigger.start() - cue.end()))
            if status in (Status.CANCELLED, Status.POSTPONED):
                distance = -1
            elif distance > CUE_REACH:
                continue  # "agreed to restore …, cut since Pelosi’s visit to Taiwan": the cue of another verb
            if best is None or distance < best[0]:
                best = (distance, status, rule)
    if best is None and _FUTURE_PURPOSE.search(body, 0, trigger.start()):
        return Status.PLANNED, "future"
    if best is None and _PREDICATE_TO_COME.match(body, trigger.end(), trigger.end() + PREDICATE_REACH):
        return Status.PLANNED, "future"  # "intra-Afghan negotiations between … are due to start on March 10"
    if best is None:
        verb = trigger.group().lower()
        return (Status.HELD, "verb") if verb.endswith("ed") or verb == "met" else (Status.HELD, "default")
    if best[0] >= 0 and WEIGHING.search(body, 0, trigger.start()):
        return Status.PROPOSED, "modal"  # "is also considering inviting Yoon to the summit he will host"
    return best[1], best[2]


# A relative clause about the document a meeting produced tells what it may bring, not whether it was held.
_ABOUT_A_DOCUMENT = re.compile(
    r"\b(?:agreements?|accords?|deals?|treat(?:y|ies)|declarations?|roadmap|framework|pact|ceasefire)\b"
    r"[^.;]{0,60}?\b(?:that|which)\s+$",
    re.IGNORECASE,
)


# "Lavrov's visit, originally scheduled for March 5, took place on March 11": a plan given up says nothing
# of what became of the meeting.
GIVEN_UP_PLAN = re.compile(
    r"\b(?:originally|initially|previously)\s+(?:planned|scheduled|set|due|expected|meant)\b[^,;]*",
    re.IGNORECASE,
)


# A verb of weighing governs what its gerund says: "Kishida is also considering inviting Yoon to the Group of
# Seven summit he will host in Hiroshima" proposes the meeting, whatever the tense of the summit itself.
WEIGHING = re.compile(r"\b(?:considering|weighing|mulling|contemplating|exploring)\s+\w+ing\b", re.IGNORECASE)


# "She added that she will travel in January to Washington with the Mexican delegation to meet again with
# Blinken": the meeting is the purpose of a journey still to come, however far the auxiliary is from it.
_FUTURE_PURPOSE = re.compile(
    r"\b(?:will|is\s+to|are\s+to|is\s+due\s+to|plans?\s+to)\s+(?:travel|go|fly|return|come|head)\b[^.;]*\bto\s+$",
    re.IGNORECASE,
)


# The predicate of a meeting noun with a long complement ("negotiations between the Taliban and a team
# representing Kabul and other political groups are due to start"), past the reach of the other cues.
PREDICATE_REACH = 160
_PREDICATE_TO_COME = re.compile(
    r"[^.;:]*?\b(?:is|are)\s+(?:now\s+|still\s+)?(?:due|scheduled|expected|set|slated|planned)\s+to\s+"
    r"(?:start|begin|open|resume|take\s+place|be\s+held|convene)\b",
    re.IGNORECASE,
)


INVITATION = re.compile(r"at\s+the\s+invitation", re.IGNORECASE)
# The verb an invitation qualifies: "Trump is still due in Warsaw …, at the invitation of President Andrzej
# Duda", "At the invitation of Premier … Li Qiang, Prime Minister … Shehbaz Sharif will pay an official
# visit".
_VISIT_VERB = re.compile(
    r"\b(?:is|are|was|were)\s+(?:\w+\s+)?due\b|\bwill\s+\w+|\b(?:visited|arrived|came|went)\b"
)


def _main_verb(body: str) -> re.Match[str] | None:
    return _VISIT_VERB.search(body)
