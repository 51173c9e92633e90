"""The stance procedure of ``stance.py``, step by step, on words quoted from the seeds (data/articles/), the
unseen-style articles (eval/articles/), the held-out articles (eval/heldout/articles/) and the blind ones
(eval/blind/articles/, b01–b16).

Every case names its article; a rule is kept only when two sentences of different articles show it, or
when plain grammar does (then the comment says so). ``decide`` is pure: these tests need no extraction,
except the last ones, which read whole sentences.
"""

from __future__ import annotations

import pytest
from tests.conftest import quoting

from diplograph.extract.model import Stance
from diplograph.extract.stance import decide

SUPPORT, OPPOSE, NEUTRAL, OTHER = Stance.SUPPORT, Stance.OPPOSE, Stance.NEUTRAL, Stance.OTHER


def case(verb: str, words: str, stance: Stance, rule: str):
    return pytest.param(verb, words, stance, rule, id=f"{rule}:{words[:40]}")


def case3(verb: str, words: str, stance: Stance, rule: str, context: str = ""):
    """A case read in its sentence (``context``), for the steps that look past the words."""
    return pytest.param(verb, words, context, stance, rule, id=f"{rule}:{words[:40]}")


@pytest.mark.parametrize(
    ("verb", "words", "stance", "rule"),
    [
        # -- 1. courtesy: greetings and thanks to a host (h14, h03) and one's own regret (u12)
        case(
            "said", 'he was "very happy" to see him, even if only on a screen', OTHER, "courtesy=happy to see"
        ),
        case("said", "The Chinese side regrets the unintended entry of the airship", OTHER, "courtesy"),
        # -- 2. the verb's own judgement outranks the words (u04, u10)
        case("warned", "the bloc was making promises it could not keep", OPPOSE, "verb=warned"),
        case(
            "defended",
            "the invitation to Maduro, saying South America could not afford to leave any country "
            "outside the conversation",
            SUPPORT,
            "verb=defended",
        ),
        # ... but a demand is judged by what it asks for first (seeds 002 and 003, h07), and is support when
        # nothing judges it (u05)
        case(
            "urged",
            "the U.S. to abandon its demands for Iran to surrender its influence in the region, "
            "describing them as “unprofessional and unrealistic.”",
            OPPOSE,
            "evaluation=abandon",
        ),
        case("demanded", "the withdrawal of Turkish forces", OPPOSE, "evaluation=withdrawal of"),
        case(
            "urged",
            "Beijing to use its influence over Moscow to press Russia to end its war of aggression "
            "against Ukraine and to accept an unconditional ceasefire",
            SUPPORT,
            "evaluation=remedy aggressi",
        ),
        case(
            "called for",
            "early progress on settling trade in national currencies",
            SUPPORT,
            "demand=called for",
        ),
        # -- 3. evaluations, with the scope of negation (grammar: "not only X", "not X but Y", "no" denies its
        # own noun; a denied verb of opposition accepts)
        case(
            "said",
            "This agreement is not only an economic opportunity. It is a political necessity",
            SUPPORT,
            "evaluation=opportunit",
        ),
        case(
            "said",
            'the deal was "not the end of the peace process, but the beginning of it."',
            SUPPORT,
            "demand=peace",
        ),
        case(
            "said",
            'the State of Qatar would "spare no effort" to support the Afghan people',
            SUPPORT,
            "evaluation=support",
        ),
        case(
            "told",
            'he "was not opposed to ASEAN playing a constructive role" and would consider their proposals',
            SUPPORT,
            "evaluation=not oppos",
        ),
        # a negation reaches a few words on (h08; u02 below), and after 'called X "Y"' only Y on is read
        case(
            "called",
            'it "adventurism" and said national security could not be reduced to a photo opportunity',
            OPPOSE,
            "evaluation=opportunit",
        ),
        # remedies and resistance speak for the remedy (h16, h07 above, seeds 001 and 003)
        case(
            "said",
            "To address the pains of our people, we have made concessions because we have to build trust",
            SUPPORT,
            "evaluation=remedy pain",
        ),
        case(
            "said",
            "discussing with them the prospects of joint fight against terrorism in Syria",
            SUPPORT,
            "evaluation=remedy terroris",
        ),
        case(
            "said",
            "We will reinforce this axis in cooperation with each other, and will stand up together "
            "to the Zionist regime’s bullying",
            SUPPORT,
            "evaluation=reinforc",
        ),
        # "hostilities" is the fighting, not hostility (h16, twice; word sense)
        case(
            "said",
            "The two parties have formally agreed to the cessation of hostilities",
            SUPPORT,
            "demand=cessation of hostilities",
        ),
        # evaluations outrank the topics they are about (h12; u07 "It is unacceptable that Africa …")
        case(
            "said",
            "The developments in Myanmar are unacceptable and must not continue. Violence must be "
            "stopped, democracy, stability and peace in Myanmar must be returned immediately",
            OPPOSE,
            "evaluation=unacceptable",
        ),
        # words of importance (h07, h01), satisfaction (h02, h10), a new page (h05, h13), interests (h03, h11)
        case("said", "Rebalancing our bilateral relationship is essential", SUPPORT, "evaluation=essential"),
        case(
            "said",
            "observing the Line of Actual Control were essential for the normalisation of India-China "
            "relations",
            SUPPORT,
            "evaluation=essential",
        ),
        case("said", "I'm deeply satisfied this day has come", SUPPORT, "evaluation=satisf"),
        case(
            "said",
            "We are satisfied with the result and are ready to continue contacts",
            SUPPORT,
            "evaluation=satisf",
        ),
        case(
            "said",
            "the meeting had opened a new page of the relations between the two countries",
            SUPPORT,
            "evaluation=new page",
        ),
        case(
            "said",
            "I'd like to open a new chapter in Japan-South Korea relations",
            SUPPORT,
            "evaluation=new chapter",
        ),
        case(
            "said",
            "a durable peace in the South Caucasus meets the interests of the entire region",
            SUPPORT,
            "evaluation=meets the interests",
        ),
        case(
            "said",
            "it “protects the interests” of Brazilian industry",
            SUPPORT,
            "evaluation=protects the interests",
        ),
        # grammar: "too" + adjective is excess (h06); "readiness" is "ready to" (h03); "historical" is not
        # "historic" (h13)
        case(
            "said",
            "The daily toll on civilians in Gaza, particularly children, is far too high",
            OPPOSE,
            "evaluation=too high",
        ),
        # grammar, no dev sentence yet: "not … enough" is the same excess the other way
        case("said", "the agreement does not go far enough", OPPOSE, "evaluation=not go far enough"),
        case(
            "expressed",
            "the readiness of the Kazakh side to provide all necessary conditions",
            SUPPORT,
            "evaluation=readiness",
        ),
        case(
            "said",
            "Japan upholds the position on historical recognition of previous Cabinets",
            NEUTRAL,
            "none",
        ),
        # -- 4. neutrality: against nobody, no side (h01, h07)
        case(
            "said",
            'the bloc was "not competing with anyone" and announced that he would host the next summit',
            NEUTRAL,
            "neutrality=not",
        ),
        case(
            "said",
            'China "has never provided lethal weapons to any party in the conflict"',
            NEUTRAL,
            "neutrality=never",
        ),
        # -- 5. hedges: conditions and study (h10, h16, h01, h02; u02 below), but "whether A or B" is no
        # question (grammar, h14)
        case(
            "said",
            'a meeting of the two presidents was possible only "as a result of the work" of the delegations',
            NEUTRAL,
            "hedge=possibl",
        ),
        case(
            "said",
            "Whether this agreement is going to be implemented depends on the good faith of the parties",
            NEUTRAL,
            "hedge=whether",
        ),
        case(
            "told",
            'Saudi Arabia would study the details and take "the appropriate decision,"',
            NEUTRAL,
            "hedge=study",
        ),
        case(
            "said",
            '"several clauses in the framework remain unresolved" and that it hopes the details will be '
            "finalised tonight",
            NEUTRAL,
            "hedge=unresolved",
        ),
        case(
            "said",
            "our responsibility as leaders is to ensure that the competition between our countries does "
            "not veer into conflict, whether intended or unintended",
            SUPPORT,
            "demand=responsibilit",
        ),
        # -- 6. demands and intentions (h01, h09, h15, h06/h14 above; "cannot afford to": u10, h13) ...
        case(
            "said",
            "the bloc should work on a common unit of account for trade between its members",
            SUPPORT,
            "demand=should",
        ),
        case(
            "said", "We must engage all parties involved, including the coup leaders", SUPPORT, "demand=must"
        ),
        case(
            "said",
            'he would be "personally meeting with Taliban leaders in the not too distant future."',
            SUPPORT,
            "demand=would",
        ),
        case(
            "said",
            "We cannot afford to waste time while leaving our relations neglected",
            SUPPORT,
            "demand=cannot afford to",
        ),
        # grammar, no dev sentence yet: "the right to" is a deontic modal like "must"
        case("said", "Israel has the right to defend itself", SUPPORT, "demand=the right to"),
        # ... prohibitions (grammar; u02, h07) and denied intentions, which say nothing (grammar; h13)
        case(
            "said",
            "Russia has no intention of attacking other countries. We did not attack Ukraine either",
            OPPOSE,
            "demand=no intention",
        ),
        case(
            "told",
            'the EU to refrain from "restrictive economic and trade tools."',
            OPPOSE,
            "demand=refrain from",
        ),
        case(
            "said",
            "his government would not seek reimbursement from the Japanese companies involved",
            NEUTRAL,
            "none",
        ),
        # -- 8. none: an account of facts (u12)
        case("said", "the balloon was a civilian airship used mainly for weather research", NEUTRAL, "none"),
    ],
)
def test_each_step_of_the_stance_procedure(verb, words, stance, rule):
    decision = decide(words, words, verb)
    assert decision.stance is stance, decision
    assert decision.rule == f"stance:{rule}" or decision.rule.startswith(f"stance:{rule}="), decision


def test_the_stance_step_is_part_of_the_rule_of_the_position(read):
    # eval/heldout/articles/h07 (a demand judged by what it asks for)
    found = read(
        "European Council President António Costa arrived in Beijing.\n\nCosta urged Beijing to use its "
        "influence over Moscow to press Russia to end its war of aggression "
        "against Ukraine and to accept an unconditional ceasefire."
    )
    position = quoting(found, "to end its war of aggression")
    assert position.stance is SUPPORT
    assert position.rule == "position:reported-stance-verb:named;stance:evaluation=remedy aggressi"


@pytest.mark.parametrize(
    ("sentence", "words", "stance"),
    [
        # eval/articles/u11: "not a treaty obligation" is no opposition
        (
            'A senior U.S. administration official told reporters the commitment to consult was "not a '
            'treaty obligation" but reflected "a shared sense of where the threats are coming from."',
            "not a treaty obligation",
            Stance.NEUTRAL,
        ),
        # eval/articles/u03: no illusions, but guardrails
        (
            'A senior White House official said the administration had "no illusions" about Beijing but '
            'wanted "guardrails" so that competition did not veer into conflict.',
            "guardrails",
            Stance.SUPPORT,
        ),
        # eval/articles/u08: "without foreign interference" is no opposition
        (
            "Foreign Ministry spokesman Nasser Kanaani said the agreement showed that \"the region's "
            'problems can be solved by the countries of the region without foreign interference."',
            "without foreign interference",
            Stance.SUPPORT,
        ),
        # eval/articles/u12: "does not present a … threat" is a denial, not opposition
        (
            '"We are confident that it does not present a military or physical threat to people on the '
            'ground," Pentagon spokesman Brig. Gen. Pat Ryder told reporters.',
            "does not present",
            Stance.NEUTRAL,
        ),
        # eval/articles/u13: background in a relative clause is not what the speaker takes a stance on
        (
            "He added that Pakistan, which had lost more lives to terrorism than any other member, was part "
            "of the solution and not the problem.",
            "part of the solution",
            Stance.SUPPORT,
        ),
        # eval/articles/u14: "not good" is opposition
        (
            '"It is not good for Germany, nor for Europe, that it isolates itself," Macron told reporters '
            "in Brussels on Thursday.",
            "not good for Germany",
            Stance.OPPOSE,
        ),
        # eval/articles/u04: the reporting verb decides when the words carry no cue
        (
            "Hungarian Prime Minister Viktor Orbán warned that the bloc was making promises it could "
            "not keep.",
            "making promises",
            Stance.OPPOSE,
        ),
    ],
)
def test_stance_in_whole_sentences_reads_negations_and_targets(read, sentence, words, stance):
    found = read(f"Mr Bhutto Zardari met Safadi.\n\n{sentence}")
    assert quoting(found, words).stance is stance


@pytest.mark.parametrize(
    ("words", "stance", "rule"),
    [
        # the plain words of approval and good judgement (b02, b10, b13; "not good", u14) ...
        (
            "We have agreed to work so that Venezuela returns. That is good for the two peoples",
            SUPPORT,
            "evaluation=good",
        ),
        ('it "a very good day for Sweden"', SUPPORT, "evaluation=good"),
        ("the C5+1 format had become an effective platform for dialogue", SUPPORT, "evaluation=effective"),
        # ... but "good faith" is what a hedge depends on (h16, above)
        ("Whether it is implemented depends on the good faith of the parties", NEUTRAL, "hedge=whether"),
        # a denial runs over the words listed after it (b12; grammar: "not A, B or C" denies all three)
        ('negotiating with America "is not smart, wise or honorable."', OPPOSE, "evaluation=smart"),
        # harm, folly and bad faith (b14, b04, b16 twice, b06)
        ("the act of deporting people “damages the dignity of many men and women”", OPPOSE, "evaluation"),
        ("the BCM would be “a waste of time” if Beijing continued to ignore the award", OPPOSE, "evaluation"),
        ("It must be an April Fool's Day joke... Totally out of season!", OPPOSE, "evaluation=joke"),
        ("this is final proof that he has gone mad", OPPOSE, "evaluation=mad"),
        ("Ethiopia had backtracked on compromises it had accepted", OPPOSE, "evaluation=backtrack"),
        # a new stage, brotherhood (b02), like a new page (h05) and friends (u04)
        ("Today a new stage opens, a stage of brotherhood, of union, of work", SUPPORT, "evaluation"),
        # a wish whose content is denied opposes it (b16; grammar)
        ("Greenland is not for sale. I strongly hope that this is not meant seriously", OPPOSE, "demand"),
        # courtesies to the one met (b14, b10), like "very happy to see him" (h14)
        ("It was a great honour to see the Holy Father this Easter morning", OTHER, "courtesy"),
        ("I look forward to meeting with you in the next five years", OTHER, "courtesy"),
        # an institution said to last (h04), a warning in the formula of diplomacy (b06), a denied
        # commitment (h15) and the metaphor of confinement (h11)
        ("The Quad is here to stay,", SUPPORT, "evaluation=here to stay"),
        (
            "Egypt will closely monitor the process of filling and operating the dam and reserves its "
            "right, guaranteed under international charters, to defend its water and national security "
            "in case of harm",
            OPPOSE,
            "evaluation=reserves its right",
        ),
        ("there is no commitment to releasing 5,000 prisoners,", OPPOSE, "evaluation=no commitment"),
        ("described the common external tariff as “a prison” for the Argentines", OPPOSE, "evaluation"),
        # from eval/fresh (f01–f14): gratitude and importance like grateful and important (f05, f08), a
        # relation on the right track (f04), severe consequences and useless pressure (f09, f12)
        ("its gratitude to the Crown Prince for the Kingdom's hosting of the talks", SUPPORT, "evaluation"),
        ("the importance of developing transport and transit capacities", SUPPORT, "evaluation=importan"),
        ("the relations between the two countries as being on the right track", SUPPORT, "evaluation"),
        ('there would be "very severe consequences" if Putin did not agree', OPPOSE, "evaluation=severe"),
        ("Attempts to put pressure on us are completely useless", OPPOSE, "evaluation=useless"),
        # a principle or a remedy joined by a hyphen is not the evil it names (f04, f06, f14; grammar)
        ("non-interference in internal affairs and good neighborliness", SUPPORT, "evaluation=good"),
        ("De-escalation and de-induction are the harder steps", SUPPORT, "demand=de-escalat"),
        (
            'the meeting as "historic" and said the two sides had discussed economic partnership and '
            "counter-terrorism",
            SUPPORT,
            "evaluation=historic",
        ),
        # lifting or ending sanctions speaks for it, like ending a war (f14, f10)
        ("I will be ordering the cessation of sanctions against Syria", SUPPORT, "evaluation"),
        ("called on Washington to lift sanctions", SUPPORT, "evaluation"),
        # a refusal to talk is opposition (f07 twice), and a proposal is support (f12)
        ("he would not discuss bilateral ties", OPPOSE, "demand"),
        ("I am not going there to discuss India-Pakistan relations", OPPOSE, "demand"),
        ("We propose to the Kyiv authorities to resume the direct negotiations", SUPPORT, "demand=propose"),
        # a commitment held is support (eval/blind/articles/b06: "Ethiopia, it said, remained committed to
        # reaching an amicable solution"); one made by another and relayed is no judgement (f14)
        (
            "Ethiopia remained committed to reaching an amicable solution",
            SUPPORT,
            "evaluation=remained committed",
        ),
        ("Saudi Arabia had committed to invest $600 billion in the United States", NEUTRAL, "none"),
        # readiness for a thing, like readiness to do it (f09)
        ("Ukraine was ready for a trilateral meeting with Trump and Putin", SUPPORT, "evaluation=ready for"),
        # a result hailed (eval/fresh3/articles/t12, eval/fresh2/articles/g09), a partner vouched for (t10,
        # g10), a quarrel put behind (g11)
        ("the agreement was an achievement for our people", SUPPORT, "evaluation=achievement"),
        ("We have a deal", SUPPORT, "evaluation=we have a deal"),
        ("The EU is a reliable partner", SUPPORT, "evaluation=reliable"),
        ("Obama was an honest man", SUPPORT, "evaluation=honest"),
        ("Today we are turning a page", SUPPORT, "evaluation=turning a page"),
        # refused recognition or respect (eval/fresh2/articles/g01 and eval/fresh3/articles/t07), and the
        # formula of a formal protest in Chinese diplomacy (g08)
        ("Kyiv would not recognise any outcome it had no part in", OPPOSE, "evaluation=not recognise"),
        ('his presence "in no way means recognition" of the government', OPPOSE, "evaluation=in no way"),
        ("there are countries here that do not respect democracy", OPPOSE, "evaluation=do not respect"),
        ('it had lodged "stern representations" with Japan', OPPOSE, "evaluation=stern representations"),
    ],
)
def test_the_plain_words_of_judgement_harm_and_courtesy(words, stance, rule):
    decision = decide(words, words, "said")
    assert decision.stance is stance, decision
    assert decision.rule == f"stance:{rule}" or decision.rule.startswith(f"stance:{rule}="), decision


F02_PUTIN = (
    "Putin said Russia was ready to return to the Black Sea grain initiative, from which it withdrew in "
    "July, as soon as Western countries fulfil the obligations on Russian agricultural exports set out in "
    "the Istanbul agreements."
)
F02_LAVROV = (
    "Lavrov and Fidan held talks in the Russian capital on August 31, after which Lavrov said that Moscow "
    'had "no objection" to returning to the deal, but only after its conditions were met.'
)
F09_TRUMP = (
    "Trump said a three-way meeting with Putin and Zelenskyy could happen, possibly soon, but "
    '"now it\'s really up to President Zelenskyy to get it done."'
)


@pytest.mark.parametrize(
    ("verb", "words", "context", "stance", "rule"),
    [
        # reservation: a welcome or a step conceded, then "but" insisted, demanded or "not enough" is mixed
        # (eval/fresh f06, f12 twice); a "but" with a plain demand of one's own stays what it was (h06 below)
        case3(
            "welcomed",
            "the disengagement but demanded that the government tell Parliament whether Indian troops would "
            "be able to patrol up to the points they accessed before April 2020",
            OTHER,
            "reservation=but demanded",
        ),
        case3(
            "wrote",
            'it was "a positive sign that the Russians have finally begun to consider ending the war," but '
            'insisted that "the very first step in truly ending any war is a ceasefire."',
            OTHER,
            "reservation=but insisted",
        ),
        case3(
            "called",
            'Putin\'s proposal "a first step, but not enough," and said in Kyiv before his departure that '
            '"an unconditional ceasefire does not need to be preceded by negotiations."',
            OTHER,
            "reservation=but not enough",
        ),
        # an offer on a condition is a bargain (f02 twice, in the words and in the rest of the sentence);
        # "as soon as possible" is no condition (f12)
        case3(
            "said",
            "Russia was ready to return to the Black Sea grain initiative, from which it withdrew in July, "
            "as soon as Western countries fulfil the obligations on Russian agricultural exports set out in "
            "the Istanbul agreements",
            OTHER,
            "condition=ready to as soon as",
            context=F02_PUTIN,
        ),
        case3(
            "said",
            'Moscow had "no objection" to returning to the deal',
            OTHER,
            "condition=not objection only after",
            context=F02_LAVROV,
        ),
        case3(
            "said",
            "We are ready to support peace talks as soon as possible, but a ceasefire must come first",
            SUPPORT,
            "evaluation=ready to",
        ),
        # "prepared to" is "ready to" (f02)
        case3(
            "added",
            "Moscow was prepared to ship one million tonnes of grain at a discount to Turkey",
            SUPPORT,
            "evaluation=prepared to",
        ),
        # a judgement denied on a denied condition wants what it names (f09)
        case3(
            "told",
            'he would not be "happy" if he did not get a ceasefire today',
            SUPPORT,
            "double-denial",
        ),
        # "and that" opens a clause the negation before it does not reach (f01)
        case3(
            "said",
            "he had told Xi plainly that U.S. policy on Taiwan had not changed and that Washington opposed "
            "any unilateral changes to the status quo by either side",
            OPPOSE,
            "evaluation=oppos",
        ),
        # talks or a meeting that could happen on no condition are an opening (f12, f09 twice), on a
        # condition a hedge (eval/articles u02)
        case3(
            "said",
            'the talks could begin "already on Thursday, May 15, in Istanbul."',
            SUPPORT,
            "prospect",
        ),
        case3(
            "said",
            "a three-way meeting with Putin and Zelenskyy could happen, possibly soon, but "
            '"now it\'s really up to President Zelenskyy to get it done."',
            SUPPORT,
            "prospect=could happen",
            context=F09_TRUMP,
        ),
        case3(
            "laughed",
            "Oh, that's an interesting one. I'll get a little heat on that one, but I could see it possibly "
            "happening",
            SUPPORT,
            "prospect",
        ),
        case3(
            "said",
            "Putin and Zelensky could meet once the delegations have prepared concrete documents",
            NEUTRAL,
            "hedge=could",
        ),
        # a demand on the other side: up to them, the ball in their court (u10, f05; f09 above)
        case3(
            "told",
            "It is up to you to build your own narrative and turn this around. You have arguments that your "
            "adversaries do not have",
            SUPPORT,
            "demand=is up to you to",
        ),
        case3("added", "The ball is now in their court", SUPPORT, "demand=ball is now in their court"),
        # wanting something done (f02), not wanting to do it (f13)
        case3(
            "said",
            'Ankara wanted the initiative to be revived "without losing time."',
            SUPPORT,
            "demand=wanted the initiative to",
        ),
        case3(
            "said",
            "I don't want to contain China. I just want to make sure that we have a relationship with China "
            "that is on the up and up",
            OPPOSE,
            "demand=don't want to",
        ),
        # a prohibition asked for is opposition, and the asking that frames it no support (h07)
        case3(
            "told",
            '"the current challenges facing Europe do not come from China," according to the state news '
            'agency Xinhua, and urged the EU to keep its markets open and refrain from "restrictive economic '
            'and trade tools."',
            OPPOSE,
            "demand=refrain from",
        ),
        case3("urged", 'the EU to refrain from "restrictive economic and trade tools."', OPPOSE, "demand"),
        # headway is progress (f09)
        case3(
            "said",
            "We made some headway. There were many, many points that we agreed on. There are just a very few "
            "that are left",
            SUPPORT,
            "demand=headway",
        ),
        # foreign intervention and militarization are evils named (f04, eval/blind b09)
        case3(
            "said",
            "foreign intervention and the presence of extra-regional forces have never brought security to "
            "the region",
            OPPOSE,
            "evaluation=foreign intervention",
        ),
        case3(
            "asked",
            "Do we want the Arctic Ocean to transform into a new South China Sea, fraught with "
            "militarization and competing territorial claims?",
            OPPOSE,
            "evaluation=militariz",
        ),
        # "seriously" only intensifies (b11), "serious" judges (eval/articles u10)
        case3(
            "said",
            "Maintaining communication between the two militaries serves the interests of both sides, but "
            "the US side needs to take China's concerns seriously, stop arming Taiwan and stop its "
            "provocations at sea.",
            SUPPORT,
            "evaluation=serves the interests",
        ),
        case3(
            "said",
            "It is not a narrative construction. It is a reality, and it is serious",
            OPPOSE,
            "evaluation",
        ),
        # the vocabulary of good relations (f06, h08, h11) and of contempt (f07, a reader's comment)
        case3(
            "told",
            "Maintaining peace and stability on the border should remain our priority. Mutual trust, mutual "
            "respect and mutual sensitivity should remain the basis of our relations",
            SUPPORT,
            "evaluation=mutual trust",
        ),
        case3("said", 'the atmosphere had been "very cordial"', SUPPORT, "evaluation=cordial"),
        case3("affirmed", "the pact is “a win-win” for both blocs", SUPPORT, "evaluation=win-win"),
        case3("said", "Jaishankar's speech was an insult to the host", OPPOSE, "evaluation=insult"),
    ],
)
def test_offers_reservations_prospects_and_demands_on_others(verb, words, context, stance, rule):
    decision = decide(words, context or words, verb)
    assert decision.stance is stance, decision
    assert decision.rule == f"stance:{rule}" or decision.rule.startswith(f"stance:{rule}="), decision
