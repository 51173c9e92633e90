"""The words that report a meeting, and those that say it is not one or what stage it is at.

Triggers (verbs and nouns), negations, remote contact (calls, letters), hypotheticals, series, and the
status cues, each a named pattern so a finding can say which cue decided it.
"""

from __future__ import annotations

import re

from diplograph.extract.model import Status

MEETING_NOUN = (
    r"meetings?|talks|summit|summits|conference|visit|negotiations|consultations|get-togethers?|"
    r"sit-down|tête-à-tête|session|trip|encounter|(?:working\s+)?(?:lunch|dinner)"
)
MEETING_VERB = r"met|meets?|meeting\s+with|host(?:s|ed|ing)?|visit(?:s|ed|ing)|convened?|sat\s+down\s+with"
# "The next round is due to take place in the coming days": another round of the talks told before.
NEXT_ROUND = (
    r"(?:next|new|another|second|third|fourth|fifth)\s+round"
    r"(?!\s+of\s+(?:the\s+)?(?:voting|votes?|elections?|presidential|parliamentary|applause|sanctions|strikes|"
    r"fighting|tariffs|cuts|hikes|layoffs|funding))"
)
TRIGGER = re.compile(r"\b(?:" + MEETING_VERB + "|" + MEETING_NOUN + "|" + NEXT_ROUND + r")\b", re.IGNORECASE)
ANOTHER_ROUND = re.compile(NEXT_ROUND, re.IGNORECASE)

# Negated meetings ("will not meet", "no talks are planned", "refused to meet") are not meetings.
NEGATED = re.compile(
    r"\b(?:not|never|no|n['’]t|refused\s+to|declined\s+to|ruled\s+out|rejected\s+(?:an?\s+)?(?:invitation|offer)\s+to)"
    r"\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)

# Contact that is not a meeting, and hypotheticals: triggers inside these are ignored.
NOT_A_MEETING = re.compile(
    r"\b(?:(?:tele)?phone|video|conference|zoom)\s+(?:call|conversations?|conference|talks|link)s?\b|"
    r"\b(?:called|phoned|wrote\s+to|letter\s+to)\b|\bby\s+(?:tele)?phone\b|"
    r"\brather\s+than\b[^.;]*|\b(?:news|press)\s+conferences?\b|"
    r"“[^”]*”|\"[^\"]*\"",
    re.IGNORECASE,
)
# A series is not one meeting: "several rounds of talks", "their frequent talks"; a verb whose object is a
# series ("Iraq and Oman hosted several rounds of talks") reports no meeting either.
SERIES_OF_MEETINGS = re.compile(
    r"\b(?:several|many|numerous|multiple|repeated|countless)\s+rounds\s+of\s+\w+|"
    r"\b(?:a\s+number\s+of|several|numerous|many)\s+(?:[\w-]+\s+)?(?:meetings|summits|visits|talks)\b|"
    r"\b(?:frequent|intermittent|periodic|occasional)\s+(?:[\w.-]+\s+)?(?:talks|meetings|summits|negotiations|"
    r"consultations|contacts|visits)\b(?:\s+in\s+[A-Z][\w’'-]+)?",
    re.IGNORECASE,
)
# A clause about a call or a letter mentions meetings only to refer to them ("to brief him on the meeting").
REMOTE_CONTACT = re.compile(
    r"\b(?:(?:tele)?phone|video)\s+(?:call|conversations?|conference|talks)|\b(?:spoke|spoken|speaking|talked)\s+"
    r"(?:\w+\s+)?by\s+(?:tele)?phone|\b(?:phoned|wrote\s+to|written\s+to|letter\s+to|a\s+letter)\b",
    re.IGNORECASE,
)
STATUS_CUES: tuple[tuple[Status, str, re.Pattern[str]], ...] = (
    (
        Status.CANCELLED,
        "cancelled",
        re.compile(r"\b(?:called\s+off|cancel(?:l)?ed|scrapped|abandoned\s+plans)\b", re.I),
    ),
    (
        Status.POSTPONED,
        "postponed",
        re.compile(r"\b(?:postpon(?:es?|ed|ing)|put\s+off|delayed|rescheduled)\b", re.I),
    ),
    (
        Status.PROPOSED,
        "modal",
        re.compile(
            r"\b(?:could|possibly|possibility|proposed|proposal|propose[sd]?|might|may\s+(?:be|take|meet)|"
            r"suggested|offered\s+to|if\s+they\s+happen(?:ed)?|considering|idea\s+of|working\s+to\s+organi[sz]e)\b",
            re.I,
        ),
    ),
    (
        Status.PLANNED,
        "future",
        re.compile(
            r"\b(?:will|’ll|'ll|(?:is|are|was|were)\s+(?:\w+\s+)?due\s+to|agreed\s+to|agrees?\s+to\s+(?:meet|hold|host|visit|convene|sit\s+down|talk)|plans?\s+to\s+organi[sz]e|"
            r"had\s+been\s+(?:due|scheduled|expected|set|planned)\s+to|invit(?:e|es|ed|ing)|plans?\s+to|"
            r"planned|scheduled|to\s+be\s+held|forthcoming|upcoming|ahead\s+of|set\s+to|expected\s+to|"
            r"to\s+host|next\s+(?:week|month|year)|this\s+month|later\s+this)\b",
            re.I,
        ),
    ),
    (
        Status.HELD,
        "past",
        re.compile(
            r"\b(?:met|held|hosted|hosting|convened|concluded|took\s+place|visited|talked|discussed|"
            r"currently\s+having|during\s+the\s+current|were\s+conducting|are\s+conducting)\b",
            re.I,
        ),
    ),
)
EXCLUDED_AFTER = re.compile(
    r"\b(?:excluding|without(?:\s+the\s+involvement\s+of)?|except|against|rather\s+than|instead\s+of|"
    r"in\s+response\s+to|about|to\s+abandon|so\s+as|snub(?:s|bed|bing)?|(?:shows|means|ensures|proves)\s+that)\b|"
    # "talks with Saudi Arabia and the readmission of the regime to the Arab League": another thing.
    r"\s+and\s+the\s+(?!(?:foreign|defen[cs]e|prime|deputy|vice|chief|heads?|leaders?|ministers?|presidents?)\b)"
    r"(?-i:[a-z])[a-z]+\s+of\b",
    re.IGNORECASE,
)
# Hypotheticals are not meetings, not even proposed ones.
HYPOTHETICAL = re.compile(
    r"\bwould\s+(?:be|have\s+been)\s+(?:easier|harder|difficult|possible|impossible|better|faster)\b|"
    r"\bno\s+such\s+(?:trip|visit|meeting|talks|summit)\b|\bif\s+(?:only|ever)\b",
    re.IGNORECASE,
)
NEW_OCCASION = re.compile(
    r"\b(?:again|next\s+round|another\s+(?:round|meeting|summit)|follow-on|follow-up|second\s+round|"
    r"previous\s+(?:encounter|meeting|summit|round)|last\s+(?:met|meeting|summit))\b",
    re.IGNORECASE,
)
# "The two leaders agreed to meet again", "The three leaders last met …", "The leaders' previous encounter":
# the parties of a meeting told before, with as many parties as the words say.
THE_PARTIES = re.compile(
    r"\b(?:(?:the\s+(?P<count>two|three|four|five))|(?P<both>both))\s+(?P<who>leaders|sides|ministers|presidents|"
    r"countries|nations|delegations|men|women|officials|governments|heads\s+of\s+state)\b|"
    r"\bthe\s+(?P<possessive>leaders|presidents)['’]",
    re.IGNORECASE,
)
PARTY_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5}
# A series or a custom is not one meeting: "holds its ordinary summit every February", "summits annually".
SERIES = re.compile(
    r"\bevery\s+(?:year|month|week|(?:two|three|four|five)\s+years|(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December))\b|\bannually\b",
    re.IGNORECASE,
)
# "On the sidelines of the summit": the side meeting's occasion, whose place it shares and whose parties it
# does not (the side meeting is a meeting of its own).
SIDELINES = re.compile(r"\b(?:on|at)\s+the\s+(?:side-?lines|margins?)\s+of\s+(?P<event>[^,.;—]{1,140})", re.I)
# Being at a meeting told before: "X addressed the opening session", "Y told the gathering", "Z attended the
# ceremony", "the agreement was signed … by A and B in the presence of C".
PRESENCE = re.compile(
    r"\b(?:attended|addressed|took\s+part|participated|in\s+the\s+presence\s+of|attended\s+by|chaired\s+by|"
    r"(?:was|were)\s+(?:headed|led)\s+by|"
    r"told\s+the\s+(?:gathering|summit|meeting|conference|session|assembly|talks)|"
    r"arrived\s+(?:at|for)\s+the\s+(?:summit|meeting|talks|conference|session|gathering)|"
    r"welcomed\s+the\s+(?:leaders|delegates|delegations|ministers|participants|guests)|"
    r"took\s+over\s+the\s+(?:[\w’']+\s+){0,3}(?:chairmanship|presidency|chair)|"
    r"signed\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}on\s+behalf\s+of|was\s+signed\b[^.;]{0,80}?\bby)\b",
    re.IGNORECASE,
)
# Substrings that every trigger and every presence cue contain: a fast test before the patterns.
PRESENCE_WORDS = (
    "attend",
    "address",
    "took part",
    "particip",
    "presence",
    "chaired by",
    "headed by",
    " led by",
    "told the",
    "arrived",
    "welcomed the",
    "took over",
    " signed",
)
TRIGGER_WORDS = (
    " met",
    "meet",
    "talks",
    "summit",
    "visit",
    "host",
    "conven",
    "sat down",
    "negotiation",
    "consultation",
    "get-together",
    "sit-down",
    "tête",
    " session",
    "conference",
    " trip",
    "encounter",
    "lunch",
    "dinner",
    " round",
    *PRESENCE_WORDS,
)
# A noun that refers back to a meeting told before: "the talks", "The Beijing talks", "Wednesday's meeting".
REFERENCE_BEFORE = re.compile(
    r"\b(?:the|this|that|these|those|its|their|his|her|[A-Z][a-z]+day['’]s)\s+"
    r"(?:(?!(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)|next|last|new|upcoming|planned)\b)[\w’'-]+\s+){0,2}$",
    re.IGNORECASE,
)
_NOUN = re.compile(MEETING_NOUN, re.IGNORECASE)


def is_reference(body: str, trigger: re.Match[str]) -> bool:
    """A meeting noun after a determiner ('the talks', 'the opening session'): it points back."""
    start = trigger.start()
    return bool(
        _NOUN.fullmatch(trigger.group()) and REFERENCE_BEFORE.search(body[max(0, start - 60) : start])
    )


SEQUENCE_BEFORE = re.compile(r"\b(?:followed|preceded|came\s+after)\b", re.IGNORECASE)
COMMENTING_ON = re.compile(
    r"(?:Commenting|Speaking|Asked|Reflecting|Reporting)\s+(?:on|about)\b[^,]{0,120},", re.IGNORECASE
)
ANAPHOR = re.compile(
    r"\b(?:this|the|that|these|those|its|their|[A-Z][a-z]+day['’]s)\s+(?:\w+\s+){0,3}?(?:"
    + MEETING_NOUN
    + r")\b",
    re.IGNORECASE,
)
PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|visit|visits|visited|visiting)\s+(?:the\s+)?[“\"]?)$")
# "to" names where a meeting is only after going or inviting there ("travel to Paris", "invites … to
# Moscow"), not after "a snub to Washington" or "a message to Beijing".
PLACE_AFTER_MOTION = re.compile(
    r"\b(?:(?:trips?|visits?)\s+by(?:\s+[\w’'.-]+){1,4}|"
    r"travel\w*|trips?|visit\w*|came|come|comes|coming|went|go|goes|going|flew|fly|flies|flying|arriv\w+|"
    r"return\w*|head\w*|invit\w+(?:\s+[\w’'-]+){0,6}|welcom\w+(?:\s+[\w’'-]+){0,4}|due|back)\s+to\s+(?:the\s+)?$",
    re.IGNORECASE,
)
MEDIA_OR_AGENCY = re.compile(
    r"\b(?:news|agency|press|times|post|reuters|duran|interest|conservative|cia|nsa|"
    r"intelligence|radio|television|tv)\b",
    re.IGNORECASE,
)


CLAUSE_BREAK = re.compile(
    r"\s[—–]\s|;|:\s|,\s+(?=(?:and|but|while|whereas|which|so|as)\s+(?:they|he|she|it|we|the|a|an)\b)|"
    r",\s+(?=and\s+(?:on|in|at|later|then|earlier|afterwards)\b)|"
    r"^(?:Ahead\s+of|After|Before|Following|Amid)\b[^,]{0,120},\s"
)


# How far (in characters) a tense or modal cue may be from the trigger it qualifies.
CUE_REACH = 60


def status_of(body: str, trigger: re.Match[str]) -> tuple[Status, str]:
    """The status cue nearest the trigger wins; cancellations win over everything in the sentence."""
    best: tuple[int, Status, str] | None = None
    low, high = max(0, trigger.start() - CUE_REACH - 40), trigger.end() + CUE_REACH + 40
    for status, rule, pattern in STATUS_CUES:
        final = status in (Status.CANCELLED, Status.POSTPONED)
        for cue in pattern.finditer(body) if final else pattern.finditer(body, low, high):
            distance = min(abs(cue.start() - trigger.end()), abs(trigger.start() - cue.end()))
            if status in (Status.CANCELLED, Status.POSTPONED):
                distance = -1
            elif distance > CUE_REACH:
                continue  # "agreed to restore …, cut since Pelosi’s visit to Taiwan": the cue of another verb
            if best is None or distance < best[0]:
                best = (distance, status, rule)
    if best is None:
        verb = trigger.group().lower()
        return (Status.HELD, "verb") if verb.endswith("ed") or verb == "met" else (Status.HELD, "default")
    return best[1], best[2]


def exclusion_start(body: str, trigger: re.Match[str]) -> int:
    """Mentions after 'excluding', 'without', 'against'… are not participants, nor those of a clause
    'since …' after the trigger ('the highest-level gathering since Syria was suspended from the Arab
    League')."""
    match = EXCLUDED_AFTER.search(body)
    end = match.start() if match else len(body)
    since = SINCE.search(body, trigger.end())
    return min(end, since.start()) if since else end


SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
