"""The words that report a meeting, and those that say it is not one.

Triggers (verbs and nouns), negations, remote contact (calls, letters), hypotheticals, series, presence,
asides about other times and clause breaks, each a named pattern so a finding can say which cue decided it
(the status cues are in ``status``).
"""

from __future__ import annotations

import re

from diplograph.extract.patterns import (
    KeywordPattern,
    LowercasePattern,
    alternatives,
    at_word_start,
    by_first_letter,
    guarded_by,
    keyword_text,
    starting_with,
)

MEETING_NOUN = (
    r"meetings?|talks|summit|summits|conference|visit|negotiations|consultations|get-togethers?|"
    r"sit-down|t[êe]te-[àa]-t[êe]te|session|trip|encounter|(?:working\s+)?(?:lunch|dinner)|huddle|"
    # "held their annual leaders' retreat in Putrajaya" (never a retreat of troops)
    r"(?<=leaders['’]\s)retreat|(?<=\bleaders\s)retreat|(?<=annual\s)retreat|(?<=informal\s)retreat|"
    # "The signing ceremony at the Dolmabahçe Presidential Office was attended by …" (no other ceremony)
    r"(?<=signing\s)ceremony"
)
# "Tokayev received the heads of the delegations", "the Amir received at the Amiri Diwan US Secretary of State
# Mike Pompeo", "López Obrador received yesterday at the National Palace the Secretary of State": to receive a
# visitor (never "received a call", "received support"); the visitor is named by
# a title or full name, a delegation, or a pronoun.
# State media put where and when first: "Crown Prince … received at Al-Yamamah Palace in Riyadh today the
# Prime Minister of Pakistan, Shehbaz Sharif".
_RECEIVED_WHEN = r"(?:(?:yesterday|today|on\s+(?-i:[A-Z])[a-z]+day|this\s+(?:morning|afternoon|evening))\s+)?"
_RECEIVED_WHERE = r"(?:(?:at|in)\s+(?:the\s+|his\s+|her\s+)?(?:(?-i:[A-Z])[\w’'-]+\s+|office\s+){1,4}){0,2}"
RECEIVED = (
    r"receiv(?:e|es|ed|ing)(?=\s+"
    + _RECEIVED_WHEN
    + _RECEIVED_WHERE
    + _RECEIVED_WHEN
    + r"(?:him|her|them|each\s+of|"
    r"the\s+(?:heads?|leaders?|visiting|delegations?|(?-i:[A-Z])[a-z]+\s+of)\b|an?\s+(?:[\w,-]+\s+){0,8}?delegation\b|"
    # "received the Chinese Foreign Minister Wang Yi", "received the Omani foreign minister, Badr Albusaidi"
    r"the\s+(?-i:[A-Z])[\w’'-]+\s+(?:[\w-]+\s+){0,2}?(?:minister|president|premier|envoy|secretary|chancellor|"
    r"king|emir|prince|ambassador|delegation|counterpart|leader)\b(?!['’])|"
    r"(?-i:[A-Z])[\w’'.-]+\s+(?-i:[A-Z])|"
    # "Erdoğan received Guterres at the palace": a name alone, then where, when or why
    r"(?-i:[A-Z])[\w’'-]+(?:\s+(?:at|in|on|for|ahead|before|after)\b|[,;]|\.\s)|"
    # "received Hamas leader Ismail Haniyeh", "received Hamas political bureau chief …"
    r"(?-i:[A-Z])[\w’'.-]+\s+(?:(?-i:[a-z])[\w-]+\s+){0,2}(?:leader|chief|envoy|minister|president|premier|"
    r"chairman|commander|delegation)\s+(?-i:[A-Z])))|"
    # "Anwar Ibrahim today received a courtesy call from Chinese Foreign Minister Wang Yi": a visit
    r"receiv(?:e|es|ed|ing)\s+(?:(?:yesterday|today)\s+)?(?:a\s+)?courtesy\s+calls?\s+(?:from|by)"
    r"(?=\s+(?:the\s+)?(?-i:[A-Z]))"
)
# "Hasina called on President Droupadi Murmu at Rashtrapati Bhavan, while Vice-President Jagdeep Dhankhar
# paid a courtesy call on her", "Jaishankar called on the prime minister at her hotel": to call on someone
# is to visit them (never "called on all parties to build on the agreement": an appeal).
CALLED_ON = (
    r"(?:paid\s+(?:a\s+)?courtesy\s+calls?\s+on|call(?:ed|s)?\s+on)(?=\s+(?:him|her|them|the\s+(?:[\w-]+\s+)?"
    r"(?:prime|president|king|emir|chancellor|premier|crown|vice|minister|secretary)|"
    r"(?-i:[A-Z])[\w’'.-]+\s+(?-i:[A-Z])))(?![^.;]{0,90}?\bto\s+(?!the\b|an?\b|her\b|his\b)(?-i:[a-z]))"
)
# "which was co-chaired in Manila by … Lazaro and … Chen Xiaodong", "the meeting …, co-chaired by Deputy Prime
# Ministers …": two chairs, one from each side; "the round … brought together the Egyptian delegation … with
# the Ethiopian and Sudanese delegations", "the summit, which will bring together the leaders of …": both
# say the parties sat at one table.
GATHERED = r"co-?chair(?:s|ed|ing)?|(?:brought|bring|brings|bringing)\s+together"
# "Modi sees Hasina", "Netanyahu sees Erdogan and Biden", "The two presidents saw each other in person": to
# see someone is to meet them, when the object is a person (a name, never "sees Russia as a threat", "saw
# Trump's speech") or each other; "saw" takes a full name or a title ("The year saw China …" does not).
SAW = (
    r"(?:see|sees|saw|seen|seeing)(?=\s+(?:each\s+other|one\s+another)\b)|"
    r"sees(?=\s+(?-i:[A-Z])[\w.-]+(?:\s+(?-i:[A-Z])[\w.-]+)?(?:\s+(?:and|in|on|at|for|ahead)\b|[,;:]|$)(?!\s+as\b))|"
    r"saw(?=\s+(?:(?:President|Prime\s+Minister|Chancellor|King|Queen|Emperor|Pope|Premier|Secretary)\s+)?"
    r"(?-i:[A-Z])[\w.-]+\s+(?-i:[A-Z])[\w.-]+(?:\s+(?:in|on|at|for)\b|[,;.]))|"
    # "and on Thursday to Cairo to see Egyptian President Abdel Fattah el-Sisi": a leader by his title
    r"(?<=\bto\s)see(?=\s+(?:(?-i:[A-Z])[\w-]+\s+)?(?-i:President|Prime\s+Minister|King|Queen|Chancellor|Emir|"
    r"Premier|Pope)\s+(?-i:[A-Z]))"
)
# "where President Frank-Walter Steinmeier welcomed him in Berlin on March 29": to welcome a person (never
# "welcomed the decision", "welcomed his release") is to receive them.
# "Trong welcomed Biden at the headquarters of the Communist Party … in Hanoi": a name, then where.
WELCOMED = (
    r"welcom(?:ed|es|ing)(?=\s+(?:him|her)\b(?!\s+to\s+(?-i:[a-z]))|\s+(?:President|Prime\s+Minister|"
    r"Chancellor|King|Queen|Emir|Premier)\s+(?-i:[A-Z])|"
    r"\s+(?-i:[A-Z])[\w.-]+(?:\s+(?-i:[A-Z])[\w.-]+){0,2}\s+(?:at\s+the|in\s+(?-i:[A-Z]))\b)"
)
# "Trump is still due in Warsaw on 1 September …, at the invitation of President Andrzej Duda": a visit to
# the one who invited.
INVITED_BY = r"at\s+the\s+invitation\s+of"
# "Later on Saturday, the Saudi minister was received by President Raisi": the passive of receiving a
# visitor, by a host named by a title or a name.
RECEIVED_BY = (
    r"(?<=\bwas\s)received(?=\s+by\s+(?:the\s+)?(?-i:[A-Z]))|"
    r"(?<=\bwere\s)received(?=\s+by\s+(?:the\s+)?(?-i:[A-Z]))"
)
# "The United States and the Taliban signed an agreement in the Qatari capital Doha", "Representatives of the
# Venezuelan government and the opposition Unitary Platform yesterday signed two partial agreements in
# Bridgetown": parties signing together in a named place met there (never "signed a decree", nor a
# signature with no place, which may have been given apart).
SIGNED_IN = (
    r"signed(?=\s+(?:an?|the|two|three|four|several)\s+(?:[\w-]+\s+){0,3}?(?:agreements?|accords?|deals?|"
    r"treat(?:y|ies)|declarations?|memorand(?:um|a)|protocols?|ceasefire|pact|roadmap|communiqu[ée])"
    r"(?:\s+(?:on|of)\s+(?:[\w-]+\s+){1,4}?)?\s+(?:in|at)\s+(?:the\s+)?(?-i:[A-Z]))"
)
MEETING_VERB = (
    SIGNED_IN
    + "|"
    + CALLED_ON
    + r"|met|meets?|meeting\s+with|host(?:s|ed|ing)?|visit(?:s|ed|ing)|convened?|"
    + r"(?:sat|sit|sits|sitting)\s+down\s+with|"
    + GATHERED
    + "|"
    + RECEIVED
    + "|"
    + SAW
    + "|"
    + WELCOMED
    + "|"
    + INVITED_BY
    + "|"
    + RECEIVED_BY
)
# "The next round is due to take place in the coming days": another round of the talks told before.
NEXT_ROUND = (
    r"(?:next|new|another|second|third|fourth|fifth)\s+round"
    r"(?!\s+of\s+(?:the\s+)?(?:voting|votes?|elections?|presidential|parliamentary|applause|sanctions|strikes|"
    r"fighting|tariffs|cuts|hikes|layoffs|funding))"
)
# "…, agreed to hold the summit regularly, and Japan will host the next one": the next of the meetings told
# (looked for in a clause whose trigger is "host" or "hold").
NEXT_ONE = r"(?:(?<=\bhost\sthe\s)|(?<=\bhold\sthe\s)|(?<=\bhosts\sthe\s)|(?<=\bholds\sthe\s))next\s+one"
# "The first round … was held in Cairo on 27-28 August. The second followed in Addis Ababa on 23-24 September,
# and the third in Cairo on 23-24 October": an ordinal alone, where it is held or follows, is the next round.
ORDINAL = r"second|third|fourth|fifth|sixth|seventh"
ORDINAL_ROUND = (
    r"(?<=\bthe\s)(?:"
    + ORDINAL
    + r")(?=\s+(?:followed|was\s+held|took\s+place|came|opened|in\s+(?-i:[A-Z]))|"
    # "The third, set for September, was postponed": the next round, called off or put off
    + r",\s+(?:set|scheduled|planned|due)\s+for\b|"
    + r"\s+(?:was|has\s+been)\s+(?:postponed|cancelled|called\s+off|delayed))"
)
# One alternation that first looks at the letter a branch starts with (as flat, every branch is tried at
# every word of every clause).
TRIGGER = re.compile(
    r"\b"
    + by_first_letter(alternatives("|".join([MEETING_VERB, MEETING_NOUN, NEXT_ROUND, ORDINAL_ROUND])))
    + r"\b",
    re.IGNORECASE,
)
ANOTHER_ROUND = re.compile(NEXT_ROUND + "|" + ORDINAL, re.IGNORECASE)  # tried on a trigger found already
THE_NEXT_ONE = re.compile(NEXT_ONE, re.IGNORECASE)

# Negated meetings ("will not meet", "no talks are planned", "refused to meet") are not meetings.
NEGATED = re.compile(
    r"\b(?:not|never|no|n['’]t|refused\s+to|declined\s+to|ruled\s+out|rejected\s+(?:an?\s+)?(?:invitation|offer)\s+to|"
    # "There are no plans for a meeting between Putin and Biden"
    r"no\s+(?:plans?|intention|date)\s+(?:for|of|to))"
    r"\s+(?:\w+\s+){0,2}$|"
    # "The State Department denied reports that Blinken would meet Wang Yi in Bangkok"
    r"\b(?:denied|denies|dismissed|dismisses|rejected|refuted)\s+(?:(?:media|press|news)\s+)?"
    r"(?:reports?|claims?|rumou?rs?|speculation|suggestions?)\s+(?:that|of|about)\b[^.;]*$",
    re.IGNORECASE,
)
# "Putin will not attend the BRICS summit in Johannesburg", "Xi is skipping the G20 summit in New Delhi": the
# summit is still a meeting, but whoever is named before the cue is not at it.
NOT_ATTENDING = re.compile(
    r"\b(?:(?:will|would|did|does|do|is|was|are|were)\s+not|won['’]t|didn['’]t|doesn['’]t|isn['’]t|wasn['’]t|"
    r"not\s+to|decided\s+against|declined\s+to|refused\s+to)\s+(?:\w+\s+)?(?:attend(?:ing)?|be\s+attending|"
    r"go\s+to|travel\s+to|take\s+part\s+in|participate\s+in|join)\b|"
    r"\b(?:skip(?:s|ped|ping)?|boycott(?:s|ed|ing)?|stay(?:s|ed|ing)?\s+away\s+from)\b",
    re.IGNORECASE,
)
# "A meeting between Putin and Biden is not on the agenda", "… is no longer planned": a meeting denied after
# its noun, within its clause.
DENIED_AFTER = re.compile(
    r"[^;,]{0,100}?\b(?:is|was|are|were)\s+(?:not|no\s+longer)\s+(?:on\s+the\s+(?:agenda|cards)|planned|"
    r"scheduled|envisaged|foreseen)\b",
    re.IGNORECASE,
)

# Contact that is not a meeting, and hypotheticals: triggers inside these are ignored.
NOT_A_MEETING = re.compile(
    r"\b(?:(?:tele)?phone|video|conference|zoom)\s+(?:call|conversations?|conference|talks|link)s?\b|"
    # "a three-and-a-half-hour virtual summit", "an online meeting": not face to face.
    r"\b(?:virtual|online|remote)\s+(?:[\w-]+\s+)?(?:summit|meeting|talks|session|conference)s?\b|"
    r"\b(?:called(?!\s+on\b)|phoned|wrote\s+to|letter\s+to)\b|\bby\s+(?:tele)?phone\b|"
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
# "last met in person", "met face to face": a meeting, whatever calls the clause also mentions ("The two men,
# who have spoken twice by phone since January, … last met in person in Davos").
IN_PERSON = re.compile(r"\b(?:in\s+person|face[-\s]to[-\s]face)\b", re.IGNORECASE)
# A clause about a call or a letter mentions meetings only to refer to them ("to brief him on the meeting").
REMOTE_CONTACT = re.compile(
    r"\b(?:(?:tele)?phone|video)\s+(?:call|conversations?|conference|talks)|\b(?:spoke|spoken|speaking|talked)\s+"
    r"(?:\w+\s+)?by\s+(?:tele)?phone|\b(?:phoned|wrote\s+to|written\s+to|letter\s+to|a\s+letter)\b|"
    r"\b(?:by|via|over)\s+video(?:\s+link)?\b",
    re.IGNORECASE,
)
# Words after which the names are not the meeting's parties; tried only at a word starting with one of their
# letters (``at_word_start``), and "and the … of" only at a space.
EXCLUDING = (
    r"excluding|without(?:\s+the\s+involvement\s+of)?|except|against|rather\s+than|instead\s+of|"
    r"in\s+response\s+to|about|to\s+abandon|so\s+as|snub(?:s|bed|bing)?|(?:shows|means|ensures|proves)\s+that"
)
EXCLUDED_AFTER = LowercasePattern(re.compile(at_word_start(alternatives(EXCLUDING)) + r"\b", re.IGNORECASE))
# "talks with Saudi Arabia and the readmission of the regime to the Arab League": another thing. (Apart from
# the words, which start at a letter where this starts at a space: the first of both is the first exclusion.)
AND_THE_THING_OF = KeywordPattern(
    re.compile(
        r"\s+and\s+the\s+(?!(?:foreign|defen[cs]e|prime|deputy|vice|chief|heads?|leaders?|ministers?|presidents?)\b)"
        r"(?-i:[a-z])[a-z]+\s+of\b",
        re.IGNORECASE,
    ),
    ("and",),
)
# "He hosted Erdogan in Sochi …, | and Xi met Putin in Moscow in March": a second subject and its verb (a
# break only after a clause with a meeting word of its own: "Turkey, Russia, and Iran met" is one list).
SECOND_SUBJECT = re.compile(
    r",\s+(?=and\s+(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+){0,2}\s+(?:met|meets|held|holds|hosted|hosts|"
    r"visited|visits|received|receives)\b)"
)
# Hypotheticals are not meetings, not even proposed ones.
HYPOTHETICAL = re.compile(
    r"\bwould\s+(?:be|have\s+been)\s+(?:easier|harder|difficult|possible|impossible|better|faster)\b|"
    r"\bno\s+such\s+(?:trip|visit|meeting|talks|summit)\b|\bif\s+(?:only|ever)\b",
    re.IGNORECASE,
)
NEW_OCCASION = re.compile(
    r"\b(?:again|next\s+(?:round|summit|meeting|session|one)|another\s+(?:round|meeting|summit)|follow-on|follow-up|second\s+round|"
    r"previous\s+(?:encounter|meeting|summit|round)|last\s+(?:met|meeting|summit))\b",
    re.IGNORECASE,
)
# "The two leaders agreed to meet again", "The three leaders last met …", "The leaders' previous encounter":
# the parties of a meeting told before, with as many parties as the words say.
THE_PARTIES = re.compile(
    r"\b(?:(?:the\s+(?P<count>two|three|four|five))|(?P<both>both))\s+(?P<who>leaders|sides|ministers|presidents|"
    # "the two foreign ministers met in Beijing on April 6": ministers of one office
    r"(?:foreign|defen[cs]e)\s+ministers|"
    r"prime\s+ministers|premiers|"
    r"countries|nations|delegations|men|women|officials|governments|heads\s+of\s+state|blocs|organisations|"
    r"organizations)\b(?:['’]\s)?|"
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
# "… and was sitting down with Erdoğan on the sidelines as this article was published": the sidelines of the
# summit told before.
BARE_SIDELINES = re.compile(r"\b(?:on|at)\s+the\s+(?:side-?lines|margins?)\b(?!\s+of\b)", re.IGNORECASE)
# "On the sidelines of the summit on Thursday, Modi and Xi had a brief conversation": a conversation on the
# sidelines of a meeting is held in person.
# "The two leaders had last exchanged words, briefly, on the margins of the BRICS summit in Johannesburg".
SIDE_CONVERSATION = re.compile(
    r"\b(?:conversation|chat|exchanged\s+(?:words|pleasantries|greetings)|"
    # "Erdoğan also discussed the grain issue with … Putin in Tehran on Tuesday, on the sidelines of …"
    r"discuss(?:ed|es)(?=\s[^.;]{0,80}?\bwith\s)|"
    # "On the sidelines, Australian Prime Minister Anthony Albanese and Tuvalu's Prime Minister Kausea Natano
    # signed the Falepili Union treaty on Thursday" (Pacific brief, 10 November 2023): two who sign together
    # on the sidelines of a meeting meet there.
    r"(?<=\s)signed(?=\s+(?:the|a|an)\s))\b",
    re.IGNORECASE,
)
# "since they exchanged pleasantries at a Group of 20 dinner": the people of the clause before.
SINCE_THEY = re.compile(r"since\s+(?:they|he|she)\b", re.IGNORECASE)
# "…, before co-chairing the summit with Premier Li Qiang": the subject and the place of the clause before.
PARTICIPLE = re.compile(r"(?:before|after|while)\s+[\w-]+ing\b", re.IGNORECASE)
# "He also met President Isaac Herzog … during the stop": a meeting inside a visit or summit told before,
# on its day and at its place.
DURING = re.compile(
    r"\bduring\s+the\s+(?:stop|visit|trip|tour|summit|meeting|talks|conference|session)\b", re.IGNORECASE
)
# Being at a meeting told before: "X addressed the opening session", "Y told the gathering", "Z attended the
# ceremony", "the agreement was signed … by A and B in the presence of C".
PRESENCE = re.compile(
    r"\b(?:attended|addressed|took\s+part|participated|in\s+the\s+presence\s+of|attended\s+by|chaired\s+by|"
    r"(?:was|were)\s+(?:headed|led)\s+by|"
    # a delegation's members: "X was among the officials accompanying Xi", "Trump is joined by Rubio", "The
    # Russian delegation included Lavrov", "X, Y and Z sat on the U.S. side of the table"
    r"accompan(?:ied|ying)|(?:is|was|are|were)\s+joined\s+by|"
    r"delegations?\s+(?:also\s+)?(?:included|comprised)|and\s+included|sat\s+on\s+the\s+(?:[\w.]+\s+){1,2}side|"
    r"told\s+the\s+(?:gathering|summit|meeting|conference|session|assembly|talks)|"
    r"arrived\s+(?:at|for)\s+the\s+(?:summit|meeting|talks|conference|session|gathering)|"
    r"welcomed\s+the\s+(?:leaders|delegates|delegations|ministers|participants|guests)|"
    r"took\s+over\s+the\s+(?:[\w’']+\s+){0,3}(?:chairmanship|presidency|chair)|"
    r"signed\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}on\s+behalf\s+of|was\s+signed\b[^.;]{0,80}?\bby|"
    # "Present at the talks from the DPRK side were …", "Also present were …"; "The meeting was opened by …"
    r"present\s+at\s+the\s+(?:talks|meeting|summit|session|ceremony|signing)|(?:also\s+)?present\s+were|"
    r"(?:was|were)\s+opened\s+by|"
    # "Opening the meeting, President X said …"; "Y and Z were also among the 17 heads of state present"
    r"(?:opening|opened)\s+the\s+(?:[\w’'-]+\s+){0,3}?(?:meeting|summit|session|conference|talks)|"
    r"among\s+the\s+(?:[\w-]+\s+){0,6}?(?:present|attending|in\s+attendance)|"
    # "Foreign Minister Sergei Lavrov represented Moscow in person", "Thailand … were represented by …"
    r"represented\s+(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?\s+in\s+person|(?P<states>(?:was|were)\s+represented\s+by)|"
    # "Ouattara told journalists after the meeting …": who speaks after a meeting was at it.
    r"(?P<subject>told\s+(?:reporters|journalists|the\s+press)\s+after\s+the\s+(?:meeting|talks|summit|session)))\b",
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
    "accompan",
    "joined by",
    "included",
    "comprised",
    "sat on the",
    " led by",
    "told the",
    "arrived",
    "welcomed the",
    "took over",
    " signed",
    "present",
    "opened by",
    "opening the",
    "opened the",
    "among the",
    "represented",
    "reporters after",
    "journalists after",
    "press after",
)
TRIGGER_WORDS = (
    "called on",
    "calls on",
    "courtesy call",
    " met",
    "receiv",
    "meet",
    "talks",
    "summit",
    "visit",
    "host",
    "conven",
    "sat down",
    "sitting down",
    "sit down",
    "sits down",
    "negotiation",
    "consultation",
    "get-together",
    "sit-down",
    "tête",
    "tete-a",
    " session",
    "conference",
    " trip",
    "encounter",
    "huddle",
    "retreat",
    "ceremony",
    "lunch",
    "dinner",
    " round",
    "co-chair",
    " see ",
    " sees ",
    " seen ",
    " seeing ",
    " saw ",
    "welcom",
    "invitation of",
    "the second",
    "the third",
    "the fourth",
    "the fifth",
    "the sixth",
    "the seventh",
    "cochair",
    "together",
    *PRESENCE_WORDS,
)
# A noun that refers back to a meeting told before: "the talks", "The Beijing talks", "Wednesday's meeting".
REFERENCE_BEFORE = re.compile(
    r"\b(?:the|this|that|these|those|its|their|his|her|[A-Z][a-z]+day['’]s)\s+"
    r"(?:(?!(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)|next|last|new|upcoming|planned|inaugural)\b)[\w’'-]+\s+){0,2}$",
    re.IGNORECASE,
)
_NOUN = re.compile(MEETING_NOUN, re.IGNORECASE)


def is_reference(body: str, trigger: re.Match[str]) -> bool:
    """A meeting noun after a determiner ('the talks', 'the opening session'): it points back, unless the
    words after it say whose meeting it is ('the meeting of the State Commissions …, co-chaired by …', 'the
    meeting of President … Aliyev and Prime Minister … Pashinyan with … Scholz in Munich')."""
    start = trigger.start()
    return bool(
        _NOUN.fullmatch(trigger.group())
        and REFERENCE_BEFORE.search(body[max(0, start - 60) : start])
        and not NAMED_BY_COMPLEMENT.match(body, trigger.end())
    )


# "the inaugural meeting of the new NATO-Ukraine Council": whose meeting it is, named after "of".
NAMED_BY_COMPLEMENT = re.compile(
    r"\s+(?:of\s+(?:the\s+)?(?:(?-i:[a-z])[\w-]+\s+){0,2}(?-i:[A-Z])|between\b)", re.IGNORECASE
)


# "followed", "preceded", and a clause that opens with "Earlier on Friday," or "Later that day,": another
# event than the one just told.
SEQUENCE_BEFORE = re.compile(
    r"\b(?:followed|preceded|came\s+after)\b|^\s*(?:Earlier|Later)\s+(?:on|in|that|this|yesterday|today)\b"
)
# "Speaking after talks with Lavrov in Moscow, Fidan said …", "In a meeting with visiting Hungarian Prime
# Minister Viktor Orban in Moscow, Putin said …", "After meeting Lavrov in Moscow, Fidan told reporters …": a
# sentence that opens with its speaker's meeting with someone; the speaker is the other party.
FRONTED_MEETING = (
    r"(?:(?:Speaking|Talking)\s+)?(?:after|following|during|in|at|ahead\s+of|before)\s+"
    r"(?:(?:a|an|the|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?(?:(?:meeting|talks|negotiations|visit)\s+with|meeting)"
    r"\s+(?:(?:the\s+)?visiting\s+|the\s+|his\s+|her\s+)?(?-i:[A-Z])[^,;]{1,120}?"
)
SAYING = r"(?:said|says|told|stressed|noted|added|announced|declared|reiterated|insisted|warned|expressed)"
FRONTED_SPEAKER = re.compile(
    r"\s*" + FRONTED_MEETING + r",\s+(?P<speaker>[^,;]{2,80}?)\s+" + SAYING + r"\b", re.IGNORECASE
)
FRONTED_OPENING = re.compile(r"\s*" + FRONTED_MEETING + r"\s*", re.IGNORECASE)
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
    # "The planned visit of German Chancellor Olaf Scholz to Beijing"
    r"\b(?:(?:trips?|visits?)\s+(?:by|of)(?:\s+[\w’'.-]+){1,4}|"
    r"travel\w*|trips?|visit\w*|came|come|comes|coming|went|go|goes|going|flew|fly|flies|flying|arriv\w+|"
    r"return\w*|head\w*|invit\w+(?:\s+[\w’'-]+){0,6}|welcom\w+(?:\s+[\w’'-]+){0,4}|due|back)"
    # "was to fly later Wednesday to Manama", "flew on Friday to Tirana": a time between the verb and "to".
    r"(?:\s+(?:later|earlier|then|again|on|in|this|next|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|morning|"
    r"afternoon|evening|night|January|February|March|April|May|June|July|August|September|October|November|"
    r"December)){0,3}\s+to\s+(?:the\s+)?$",
    re.IGNORECASE,
)
MEDIA_OR_AGENCY = re.compile(
    r"\b(?:news|agency|press|times|post|reuters|duran|interest|conservative|cia|nsa|"
    r"intelligence|radio|television|tv)\b",
    re.IGNORECASE,
)


CLAUSE_BREAK = re.compile(
    # "met in Sochi in 2021 | and again in Antalya in 2022": another occasion, its verb left out
    r"(?<=\w)(?=\s+and\s+(?:then\s+)?again\s+(?:in|at)\s+(?-i:[A-Z]))|"
    # a dash, not the one of a double office ("Deputy Prime Minister – Minister of Foreign Affairs … Nurtleu")
    r"\s[—–]\s(?!(?:Minister|Deputy|Foreign|Secretary|President|Chairman|Head)\b|"
    # nor the one of a pair that names a meeting ("the first Central Asia – Germany summit", "the second
    # China – Central Asia Summit")
    r"(?-i:[A-Z])[\w’'-]+\s+(?:summit|talks|format|dialogue|meeting|forum|consultations)\b|"
    r"(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+){0,2}\s+(?i:summit|talks|meeting)\b)|;|:\s|"
    # "the results of the meeting held in Berlin …, as well as of the meeting of … in Munich …"
    r",\s+(?=as\s+well\s+as\s+(?:of\s+)?(?:the|a|an)\s+(?:[\w-]+\s+)?(?:meeting|talks|summit|visit)\b)|,\s+(?=(?:and|but|while|whereas|which|so|as)\s+(?:they|he|she|it|we|the|a|an)\b)|"
    r",\s+(?=and\s+(?:on|in|at|when|after|before|while)\b)|"
    # "Trump told reporters that he hoped to speak with Putin later this week, and that US envoy Steve Witkoff
    # was expected to travel to Moscow for talks": a second reported clause, with a subject of its own.
    r",\s+(?=and\s+that\s)|"
    # "…, hours after Hasina was accorded a ceremonial welcome", "…, four months after a planned encounter at
    # the G7 summit in Hiroshima fell through": another event, counted from.
    # "…, a few hours after the U.S. president arrived from New Delhi"
    r",\s+(?=(?:\w+\s+){0,2}(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before)\b)|"
    # "…, and then he held talks", not "met the Hamas delegation, …, and then the Israeli team" (an object)
    r",\s+(?=and\s+(?:later|then|earlier|afterwards)\s+(?!the\b|an?\b|(?-i:[A-Z])))|"
    # "… in Zurich on Oct. 6, and Secretary of State Antony Blinken met Foreign Minister Wang Yi …": a second
    # subject with a meeting verb of its own.
    r",\s+(?=and\s+(?-i:[A-Z])[\w’'.-]*\s+(?:(?:(?-i:[A-Z])[\w’'.-]*|of|the)\s+){1,6}"
    r"(?:met|held|hosted|visited|received|travell?ed)\b)|"
    # "… agreed to hold the summit regularly, and Japan will host the next one": a second subject whose verb
    # has an auxiliary of its own.
    r",\s+(?=and\s+(?-i:[A-Z])[\w’'.-]*\s+(?:(?:(?-i:[A-Z])[\w’'.-]*|of|the)\s+){0,6}"
    r"(?:will|would|is\s+to|are\s+to|is\s+due\s+to|plans\s+to|is\s+set\s+to)\s+(?:host|meet|visit|hold|travel)\b)|"
    # "Biden began his day with a meeting with Nausėda …, and was sitting down with Erdoğan on the sidelines":
    # a second verb of the same subject, with an auxiliary or a meeting verb of its own.
    r",\s+(?=and\s+(?:(?:also|then|later)\s+)?(?:was|were|is|are|has|have|had|will|would|met|held|hosted|"
    r"visited|received|travell?ed|flew)\b(?!\s+by\b))|"
    # (not "After meeting Lavrov in Moscow, Fidan said …": the speaker's own meeting, one clause)
    r"^(?!(?i:" + FRONTED_MEETING + r",\s+[^,;]{2,80}?\s+" + SAYING + r"\b))"
    r"(?:Ahead\s+of|After|Before|Following|Amid)\b[^,]{0,120},\s|"
    # "… met Xi … in Beijing on Thursday, before co-chairing the 25th EU-China summit with Premier Li Qiang":
    # a participle clause, another event of the same subject.
    r",\s+(?=(?:before|after|while)\s+[\w-]+ing\b)|"
    # "the first visit … since Lee Myung Bak traveled to Kyoto … for a meeting with Noda", "their first
    # substantive interaction since they exchanged pleasantries at a Group of 20 dinner": an earlier meeting.
    r"\s(?=since\s+(?:they|he|she|(?:[A-Z][\w’'-]*\s+){1,4})\b[^,;]*?\b(?:met|talks|meeting|summit|dinner|"
    r"lunch|visit\w*|travell?ed|hosted|held)\b)"
)


# "Netanyahu sees Erdogan and Biden, Lula meets Zelenskiy at last, Duda drops his meeting": a headline's list
# of events, each with a subject and a verb of its own (not "Hasina, Modi hold talks": one verb). Tried only
# on sentences with one of the verbs (a branch of CLAUSE_BREAK would be tried at every word).
LISTED_EVENT_VERBS = (" meets ", " sees ", " hosts ", " visits ", " receives ")
LISTED_EVENTS = re.compile(
    r"\b(?:meets|sees|hosts|visits|receives)\s[^,;]{1,60}?,\s+(?=(?-i:[A-Z])[\w’'.-]+\s+(?-i:[a-z]+s)\b)"
)


def exclusion_start(body: str, trigger: re.Match[str]) -> int:
    """Mentions after 'excluding', 'without', 'against'… are not participants, nor the topic someone is
    pressed on ('EU leaders press Xi on trade imbalance and Russia', 'presses Palestinian Authority on
    reforms'), nor what the meeting is about ('met in Sochi to discuss the situation in Syria and Libya',
    'where they discussed the grain corridor with Ukraine', 'signed a statement on Ukraine')."""
    # "The most striking thing about Saturday's meeting between Obama and Castro": the parties follow
    between = re.match(r"\s+between\b", body[trigger.end() :], re.IGNORECASE)
    keyed = keyword_text(body)
    start = trigger.end() if between else 0
    found = [
        m.start()
        for m in (EXCLUDED_AFTER.search(body, keyed, start), AND_THE_THING_OF.search(body, keyed, start))
        if m
    ]
    end = min(found, default=len(body))
    topic = _PRESSED_ON.search(body, keyed)
    end = min(end, topic.start("on")) if topic else end
    about = _ABOUT.search(body, keyed, trigger.end())
    return min(end, about.start()) if about else end


# What a meeting is about, after its word: the names that follow are its topics.
ABOUT = re.compile(
    r"\b(?:to\s+discuss|discuss(?:ed|es|ing)|focus(?:ed|es|ing)?\s+on|(?:statement|declaration|agreement|"
    r"deal|accord|memorandum|communiqu[ée])\s+on(?!\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)|"
    r"the\s+situation\s+in|regarding|concerning)\b",
    re.IGNORECASE,
)
_ABOUT = KeywordPattern(
    ABOUT,
    ("discuss", "focus", "statement", "declaration", "agreement", "deal", "accord", "memorandum", "communiqu")
    + ("situation", "regarding", "concerning"),
)


PRESSED_ON = re.compile(
    r"\b(?:press(?:es|ed|ing)?|urg(?:e|es|ed|ing)|warn(?:s|ed|ing)?)\s+(?:[\w’'-]+\s+){1,3}?(?P<on>on)\s",
    re.IGNORECASE,
)
_PRESSED_ON = KeywordPattern(PRESSED_ON, ("press", "urg", "warn"))


# "the highest-level gathering since Syria was suspended from the Arab League", "met … for the first time
# since the spring of 2022, in talks … opened by Fidan": an aside about another time, up to the next comma.
SINCE = re.compile(r"\bsince\b[^,;]*", re.IGNORECASE)
_SINCE = KeywordPattern(SINCE, ("since",))


RELATIVE_OPENING = re.compile(r",\s+(?:who|which|whose)\b")
# Between two names of one subject: "Lavrov and Fidan", "Lavrov, Fidan and Wang".
COORDINATED = re.compile(r"\s*(?:,|,?\s+and)\s+")


# "Pursuant to the directives of the Custodian of the Two Holy Mosques King Salman … and His Royal Highness
# Prince Mohammed bin Salman …, Crown Prince and Prime Minister, the Kingdom of Saudi Arabia hosted today in
# Jeddah a meeting …": state media open with the rulers on whose orders the meeting was held, who are not at
# it. The phrase runs to the last comma before the meeting word.
ON_THE_ORDERS_OF = re.compile(
    r"\b(?:pursuant\s+to|upon|on|under|following|in\s+line\s+with|in\s+implementation\s+of|acting\s+on)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+)?(?:directives?|instructions?|directions|orders|guidance)\s+of\b",
    re.IGNORECASE,
)
_ON_THE_ORDERS_OF = KeywordPattern(
    ON_THE_ORDERS_OF, ("directive", "instruction", "directions", "orders", "guidance")
)


def on_the_orders_of(body: str, trigger: re.Match[str]) -> tuple[int, int] | None:
    """Where a phrase naming those on whose orders the meeting was held stands before its trigger."""
    cue = _ON_THE_ORDERS_OF.search(body, keyword_text(body), 0, trigger.start())
    if cue is None:
        return None
    comma = body.rfind(",", cue.end(), trigger.start())
    return cue.start(), comma if comma > cue.end() else trigger.start()


def asides(body: str, trigger: re.Match[str]) -> list[tuple[int, int]]:
    """Where the clause speaks of another time: a 'since …' phrase after the trigger, and a relative clause
    between commas before it ('The two men, who have spoken twice by phone since January, most recently in
    September, last met in person in Davos … in January 2017'). Their dates are not the meeting's."""
    found = [match.span() for match in _SINCE.finditer(body, keyword_text(body), trigger.end())]
    for opening in RELATIVE_OPENING.finditer(body, 0, trigger.start()):
        end = body.rfind(",", opening.end(), trigger.start())
        if end > opening.end():
            found.append((opening.start(), end))
    return found


# Where each pattern can start (tests/test_meeting_parties_status.py checks that they find the same on our
# articles).
# Every clause break but a fronted "After …," (at the start) begins at a space or a punctuation mark.
CLAUSE_BREAK = guarded_by(r"(?:^|(?=[\s,;:]))", CLAUSE_BREAK)
TRIGGER = starting_with("mhvcstnegldrfawb", TRIGGER)
NOT_A_MEETING = starting_with('tpvczorwlbn“"', NOT_A_MEETING, word_start=False)
REMOTE_CONTACT = starting_with("tpvswlabo", REMOTE_CONTACT)
ANAPHOR = starting_with("timwfs", ANAPHOR)
SERIES_OF_MEETINGS = starting_with("smnrcafipo", SERIES_OF_MEETINGS)
PRESENCE = starting_with("atpicwsrod", PRESENCE)
