"""The stance lexicon: the words each step of ``stance.py`` looks for, one group per line, for reading.

Cues are lowered word stems matched at the start of a word ("welcom" covers "welcomed" and "welcoming");
a cue may be a short regular expression where a word needs its neighbours ("historic\\b" is not
"historical"). Each group says which step uses it and why it belongs there; the tests in
tests/test_stance_rules.py quote the sentences behind every group.
"""

from __future__ import annotations

# -- step 1, courtesy (stance "other") ----------------------------------------------------------------
# Greetings and thanks to a host: polite words ("happy", "friend", "excellent organization") that take no
# stance on an issue. One's own side regretting or apologising is handled beside them (stance.py).
COURTESY = (
    r"(?:happy|glad|pleased|delighted|honou?red|nice)\s+to\s+(?:see|meet|welcome|receive|be\s+here)",
    r"(?:honou?r|pleasure|privilege)\s+to\s+(?:see|meet|welcome|receive|be\s+here)",
    r"look(?:s|ing)?\s+forward\s+to\s+(?:meeting|seeing|welcoming)\s+(?:with\s+)?you",
    "old friend|dear friend|hospitality|warm welcome|warm reception|warmly received",
    "congratulat|condolence|best wishes",
)

# -- step 2, the reporting verb ------------------------------------------------------------------------
# The reporter's own judgement of the speech act: praise is support, condemnation opposition.
SUPPORTING_VERBS = (
    "welcomed welcomes welcoming praised praises hailed hails backed endorsed defended defends defending",
    "spoke_highly spoke_highly_of",
)
# Verbs of demand and promise are support of what they ask for, unless what they ask for is itself
# judged ("urged the U.S. to abandon its demands …, describing them as unprofessional"): step 6, after
# the evaluations of step 3.
DEMANDING_VERBS = (
    "urged urges urging called_for calls_for calling_for called_on calls_on demanded demands demanding",
    "pledged pledges promised vowed vows dared proposed proposes proposing",
    "appealed_for appeals_for appealing_for appealed_to appeals_to appealing_to",
)
OPPOSING_VERBS = (
    "warned warns warning cautioned condemned condemns condemning rejected rejects rejecting denounced",
    "criticized criticised criticizes criticises accused accuses accusing dismissed dismisses dismissing",
    "blasted slammed deplored protested objected complained blamed blames blaming",
)

# -- step 3, evaluations -------------------------------------------------------------------------------
# Words that judge: approval, importance, satisfaction, readiness, unity, a new beginning, interests served.
SUPPORT_EVALUATIONS = (
    "support|welcom|praise|commend|encourag|appreciat|grateful|gratitude|value|satisf",
    "positive|constructive|fruitful|productive|useful|excellent|historic\\b|success|succeed",
    "importan|paramount|essential\\b|necessary|necessity|vital\\b|crucial|indispensable|no alternative",
    "step forward|new level|new era|new page|new chapter|new stage|new phase|opportunit|right direction",
    "right track|on track",
    "can be solved",
    "ready to|ready for|readiness|willing|prepared to|determin|look forward|looking forward|invit",
    # a commitment held ("remained committed to"), not one made by another and relayed ("Saudi Arabia had
    # committed to invest $600 billion")
    r"(?:is|are|am|was|were|be|been|remains?|remained|stays?|stayed|fully|firmly|deeply|strongly)\s+committed",
    "work together|working together|pool efforts|reinforc|strengthen|deepen|help|guardrail",
    "friend|family|solidarity|unite\\b|uniting|unity|one voice|brotherhood|brotherly|fraternal",
    "shoulder to shoulder|stand with|stands with|stood with|standing with",
    "door is open|door was open|door remains open",
    "here to stay",
    r"(?:serves?|serving|meets?|meeting|protects?|protecting|in)\s+the\s+(?:[\w-]+\s+)?interests?\b",
    # the plain words of approval and of good judgement
    r"good\b(?!\s+(?:faith|offices|will)|-)|wise\b|smart\b|honou?rable|effective|beneficial|promising",
    "one team",
    # praise and the vocabulary of good relations
    "wonderful|fantastic|terrific|remarkable|impressive|cordial|warm\\b|milestone|landmark|cornerstone",
    "win-win|mutual trust|mutual respect|mutual benefit",
    # a result hailed ("an achievement for our people", "We have a deal"), a
    # partner vouched for ("a reliable partner", "an honest man"), a quarrel put behind ("turning a page")
    r"achievement|reliable\b|honest\b|(?:we\s+have|we['’]ve\s+got)\s+a\s+deal",
    r"turn(?:s|ed|ing)?\s+(?:a|the)\s+page",
)
# Rejection, illegitimacy, harm and blame; an impediment; degrees of excess or shortfall ("far too
# high", "does not go far enough"). Cues that carry their own "not" count as opposition as they stand.
OPPOSE_EVALUATIONS = (
    "reject|dismiss|oppos(?!ition)|objection|condemn|denounc|deplor|protest|disagree|regret|concern|surprised",
    "never accept|not accept|cannot accept|not tolerate|never tolerate|not convinced|unconvinced",
    r"(?:will|would|shall|do|does|did|can|could|must)\s+not\s+allow|won't\s+allow|never\s+allow",
    "sceptic|skeptic|unacceptable|unrealistic|unprofessional|unjustified|unconstitutional|illegal",
    "unbecoming|undiplomatic|irresponsible|unfounded|baseless|groundless|absurd|impossible|fruitless",
    # "serious" judges; "seriously" only intensifies ("take China's concerns seriously")
    "wrong|dangerous|serious\\b|severe|reckless|brazen|disregard|manipulat|hypocri|double standard",
    "slander|blame",
    "biased|disproportionate|sham|farce|puppet|standstill|deadlock|obstacle|impasse",
    "accus(?:e|es|ed|ing)\\b|(?<!non-)interfer|provocat|hostil(?!ities)|aggressi|bullying|bully|hegemon|coerci",
    r"(?:foreign|external|outside|military|armed)\s+intervention|militari[sz]",
    "intimidat|undermin|destabili|(?<!de-)escalat|confrontation|isolat|violat|sanction|terroris|dictator",
    "invasion|occupation|war crime|genocide|massacre|atrocit|catastroph|pain|suffering|anger|revenge",
    # the plain words of harm, failure and folly
    "bad\\b|damag|harmful|disrupt|betray|backtrack|mistake|waste of|joke\\b|mad\\b|disappoint",
    "useless|pointless|futile|counterproductive|counter-productive|meaningless",
    "illegitimate|unlawful|outrageous|shameful|disgrace|propaganda|nonsense|ridiculous|blackmail|ultimatum",
    "cold war|zero-sum|arms race|deteriorat|alarm|troubling|disturbing|appall|insult|humiliat",
    "arrogan|cynical",
    "for the sake of|irritant|abandon|get rid of|have to leave|must leave|withdrawal of|removal of",
    r"too\s+(?:high|low|much|many|little|few|late|slow|long|great|heavy)\b|insufficient|inadequate",
    r"not\s+(?:\w+\s+){0,2}?enough\b",
    # a warning in the formula of diplomacy; confinement ("described the tariff as a prison")
    r"reserv(?:e|es|ed|ing)\s+(?:its|the|their|our|his|her)\s+(?:full\s+)?right|prison\b",
    "no commitment",
    # refusing recognition or respect ("Kyiv would not recognise any outcome", "in no way means recognition",
    # "countries here that do not respect democracy"), a formal protest ("lodged stern representations")
    r"(?:not|never|refuses?\s+to|refused\s+to)\s+recogni[sz]e|in\s+no\s+way|(?:do|does|did)\s+not\s+respect",
    r"stern\s+representations",
)
# Evaluations that need a phrase around a word, each tried only where its word occurs: a threat named
# as such ("a direct threat", "poses a threat", not "where the threats come from"), fuelling a conflict.
OPPOSE_PHRASES = (
    (
        "threat",
        r"threaten|\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?threat|(?:is|was|are|were|as|poses?|posed|posing|"
        r"constitutes?|represents?|presents?|present)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}?threats?",
    ),
    ("fuel", r"fuel\w*\s+(?:the\s+)?(?:conflict|war|tension|violence|crisis)"),
)
# Words of readiness and acceptance: an offer. Followed by a condition ("ready to return … as soon as
# Western countries fulfil the obligations", '"no objection" to returning to the deal, but only after its
# conditions were met') they offer a bargain, not support: stance "other" (step 3).
# ("not …" is a denied objection: "not oppos", "not objection", as step 3 names it).
OFFERS = r"^not\s|ready|readiness|willing|prepared\s+to"
CONDITIONS = (
    r"if|unless|(?<!at\s)once\b(?!\s+(?:again|more))|as\s+soon\s+as\b(?!\s+possible)|provided\b",
    r"on\s+(?:the\s+)?condition|only\s+(?:after|when|if|once)|subject\s+to|as\s+long\s+as|so\s+long\s+as",
    r"in\s+(?:exchange|return)\s+for",
)
# A judgement denied on a denied condition: "would not be happy if he did not get a ceasefire" wants it.
DOUBLE_DENIALS = (
    r"(?:not|never|n't)\s+(?:be\s+)?(?:very\s+|too\s+|at\s+all\s+)?(?:happy|pleased|satisfied|content)\s+"
    r"(?:unless|if\s+(?:[\w'-]+\s+){0,4}?(?:not|no|never|fails?|failed)\b|if\s+(?:[\w'-]+\s+){0,3}?\w+n't)"
)
# A welcome with a reservation after "but": '"a positive sign …," but insisted that "the very first step
# … is a ceasefire"', "welcomed the disengagement but demanded …", "a first step, but not enough": mixed,
# stance "other" (step 1b). What comes before "but" must concede something: a supporting verb or word, or
# a step taken.
RESERVATIONS = (
    r"\bbut\s+(?:also\s+|still\s+)?(?:insist(?:s|ed|ing)|demand(?:s|ed|ing)|not\s+(?:\w+\s+){0,2}?enough\b|"
    r"insufficient|inadequate)"
)
CONCESSIONS = r"(?:first|initial|small|modest|positive|welcome|important|good)\s+steps?\b"

# Opposition verbs that, denied, accept what they are about: "was not opposed to ASEAN playing a role".
OPPOSING_STANCES = "oppos|reject|object|disagree|condemn|protest"
# Verbs that remedy what follows: "to address the pains of our people", "to end its war of aggression",
# "the joint fight against terrorism" speak for the remedy, not against its object.
REMEDIES = (
    "end|ends|ending|ended|stop|stops|stopping|halt|halting|address|addressing|ease|easing|alleviate|"
    "resolve|resolving|overcome|overcoming|relieve|relieving|reduce|reducing|tackle|tackling|fight|"
    "fighting|combat|combating|combatting|counter|countering|resist|resisting|stand\\s+up|stood\\s+up|"
    "anti|cessation|lift|lifts|lifting|lifted"
)

# -- step 4, explicit neutrality -----------------------------------------------------------------------
# Saying the speaker's side is against nobody, or takes no side: "not competing with anyone".
NEUTRALITY = (
    r"\b(?:not|never|no)\b[^.;:!?]{0,60}?\b(?:anyone|anybody|no\s+one|any\s+(?:one\s+)?(?:other\s+)?"
    r"(?:country|countries|party|parties|side|state|nation|third))\b|\bneutral\b|\bneutrality\b|"
    r"\bimpartial|not\s+taking\s+sides"
)

# -- step 5, hedges and conditions ---------------------------------------------------------------------
# What may or may not happen, on conditions or after study: no stance yet. ("Whether A or B", either
# way, is no question.)
HEDGES = (
    "could\\b(?!\\s+not\\s+afford)|might\\b|possibl|only if|only when|only after|only as a result",
    r"depend on|depends on|depending on|whether\b(?![^,.;]{0,40}\bor\b)|when conditions|if conditions",
    "more time|find out|study|studying|consider|unresolved|not yet|remains to be seen|too early|premature",
    "wait and see|appropriate decision",
)
# A meeting or talks the speaker says could happen, with no condition attached ("the talks could begin
# already on Thursday", "I could see it possibly happening"): an opening, so support (step 5), unless
# fighting is what could happen.
PROSPECTS = (
    r"\b(?:could|might)\s+(?:well\s+)?(?:[\w'-]+\s+){0,3}?(?:happen|begin|start|take\s+place|resume|"
    r"be\s+held|go\s+ahead|meet\b)"
)
VIOLENCE = (
    r"\b(?:war|wars|fighting|hostilities|violence|attacks?|strikes?|conflict|clashes|offensive|invasion)\b"
)

# -- step 6, demands, intentions and wishes ------------------------------------------------------------
# Asking for something or saying one will do it is support of it; a prohibition is opposition.
DEMANDS = (
    r"must\b(?!\s+not)|should\b(?!\s+not)|ought\s+to|needs?\s+to|needed\s+to|ha(?:ve|s|d)\s+to\b",
    r"will\b(?!\s+not)|would\b(?!\s+not)|shall\b(?!\s+not)|'ll\b|'d\s+like|like\s+to\b",
    r"intends?\s+to|intended\s+to|wants?\s+to|wanted\s+to|plans?\s+to|planned\s+to|aims?\s+to",
    # wanting something done ("Ankara wanted the initiative to be revived")
    r"want(?:s|ed)?\s+(?:[\w-]+\s+){1,4}?to\s",
    # what another side must now do: "now it's really up to President Zelenskyy to get it done", "The ball
    # is now in their court"
    r"(?:is|'s|are|was|now|entirely|really|squarely)\s+up\s+to\s+(?:[\w'.-]+\s+){1,3}?to\s",
    r"ball\s+is\s+(?:now\s+)?(?:firmly\s+|squarely\s+)?in\s+(?:[\w']+\s+)?court",
    "hope\\b|hopes|hoped|hoping|hopeful|wish|desire|seek|seeks|seeking|pledge|vow|promise|propose\\b|proposes",
    r"call(?:s|ed|ing)?\s+(?:for|on)\b|urg(?:e|es|ed|ing)\b|demand|ask(?:s|ed)?\s+(?:that|for)\b",
    r"(?:order|direct|instruct|ask|tell|told)(?:s|ed)?\s+(?:[\w-]+\s+){1,8}?to\s",
    "responsibilit|duty|priority|continue|keep|press on",
    r"(?:cannot|can't|could\s+not)\s+afford\s+to|it\s+is\s+time\s+to|(?:the|a|every)\s+right\s+to\b",
)
PROHIBITIONS = (
    r"must\s+not|mustn't|should\s+not|shouldn't|shall\s+not|refrain\s+from|let\s+us\s+not|let's\s+not",
    r"no\s+intention|(?:do|does|did)\s+not\s+want\s+to|(?:don't|doesn't|didn't)\s+want\s+to",
    # a refusal to talk: "would not discuss bilateral ties", "I am not going there to discuss"
    r"(?:will|would|shall|do|does|did)\s+not\s+(?:discuss|negotiate|talk|engage)|(?:won't|wouldn't)\s+"
    r"(?:discuss|negotiate|talk|engage)|not\s+going\s+(?:\w+\s+)?to\s+(?:discuss|negotiate|talk)",
)
# Topics a stance is about: named in a statement, they are what it supports; denied, what it opposes.
SUPPORT_TOPICS = (
    "ceasefire|cease-fire|truce|peace|agreement|settle\\b|settlement|solution|progress|headway|reform",
    "integration|cooperation|dialogue|partnership|stability|tranquillity|reconcil|normali|de-escalat",
    "cessation of hostilities|end (?:the|this) (?:conflict|war|fighting|violence)",
)
