"""Speakers the gazetteer does not know, named in the subject slot: minted once per article, titles dropped.

"House Speaker Kevin McCarthy tweeted" → Kevin McCarthy; "Mullah Baradar said" after "Mullah Abdul Ghani
Baradar" → Abdul Ghani Baradar; "Kim says" when two Kims are named → the one named last. Titles, honorifics
and particles never start a name; bodies ("Human Rights Watch") are not people.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from diplograph.extract.entities import Recognised
from diplograph.extract.model import Entity, Mention, Span
from diplograph.graph.uris import slugify

TRAILING = re.compile(
    r"(?:\s*,)?(?:\s+(?:has|had|have|was|is|also|later|then|again|once|previously|earlier|recently|"
    r"repeatedly|long|often|frequently|consistently|always|publicly|privately|openly|already|still|even|"
    r"further|on\s+\w+day|last\s+\w+|this\s+\w+))*\s*$"
)
# "Kemal Kilicdaroglu, the opposition leader, has called …", "Khalil al-Hayya, Hamas's chief negotiator,
# says": a name, then who he is (a particle joined by a hyphen to a capital, "al-Hayya", is in the name).
NAME_WORD = r"(?:[A-Z][\w'’-]+|(?:al|el|ad|ar|as|ash|at|az|bin|ibn|abu|abd|ul|ud)-[A-Z][\w'’-]*)"
NAME_TOKEN = re.compile(NAME_WORD)
NAME_THEN_APPOSITIVE = re.compile(
    r"\s*(?P<name>" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){1,3}),\s+"
    r"(?:the|a|an|[A-Z][\w'’-]*(?:'s|’s))\s+[^,]+$"
)


def _words(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


NAME_PARTICLES = _words("bin bint ibn al el de da do dos das van von der den del della di du la le")
NOT_NAMES = _words("he she it we they his her its their the this that these those there then")
TITLE_WORDS = _words(
    """president prime minister ministers secretary foreign defence defense finance interior trade state
    deputy vice speaker house senator sen sen. rep rep. representative congressman congresswoman chancellor
    chairman chairwoman chair chairperson governor mayor general gen gen. brig brig. maj maj. col col. lt
    lt. adm adm. capt capt. admiral colonel commander chief director ambassador envoy spokesman spokeswoman
    spokesperson leader king queen emir sheikh prince princess crown sultan pope cardinal mr mr. mrs mrs.
    ms ms. dr dr. prof prof. sir dame lord lady excellency majesty highness supreme national security
    adviser advisor special high commissioner attorney justice judge senior former acting interim
    opposition party the a an and of for external affairs home economy energy health army navy press
    white premier first top aide presidential republican democrat democratic conservative labour liberal
    his her royal cabinet mullah ayatollah imam brigadier marshal"""
    # titles of office, rank and cloth the list above lacks, and the portfolios that stand in a minister's
    # title ("Minister of Water Resources and Irrigation Hani Sewilam"): none of them is part of a name
    """ undersecretary under-secretary permanent assistant associate principal executive managing
    secretary-general director-general vice-president vice-chairman commodore
    captain lieutenant sergeant corporal major field air rear vice-admiral archbishop bishop reverend rev
    rev. father monsignor rabbi mufti patriarch metropolitan hojatoleslam grand councillor councilor mp mep
    lawmaker legislator assemblyman assemblywoman delegate consul consul-general attache attaché
    counsellor counselor minister-counsellor treasurer governor-general ambassador-at-large resources
    irrigation water development planning information agriculture education environment labor culture
    tourism transport industry commerce communications immigration citizen protection homeland relations
    cooperation integration welfare"""
)
BODY_WORDS = re.compile(
    r"\b(?:Watch|Agency|Organi[sz]ation|Council|Ministry|Party|Front|Movement|Group|Bank|Fund|Court|Union|"
    r"Association|Institute|Committee|Commission|Office|Department|Forces|Army|Guard|Corps|Network|News|"
    r"Times|Post|Press|Television|TV|Radio|Service|Company|Authority|Foundation|Cent(?:er|re)|"
    r"International|Coalition|Alliance|Federation|League|Assembly|Parliament|Congress|Senate|Government|"
    r"Administration|Embassy|Mission|House|Palace|Kremlin|Agency)\b"
)

# What follows the subject and is no part of it: an insertion between commas (", briefing journalists at
# the hotel later in the day,", ", formed by ousted lawmakers …,") and adverbs ("has", "also", "on Monday").
_INSERTION = re.compile(r",\s+(?!and\b|or\b)[a-z][^,]*,?\s*$")
_NAME_OF_BODY = re.compile(r"(?P<head>.+?)\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+)*")
_LEADING_NAME = re.compile(
    r"\s*(?:[Tt]he\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|"
    + "|".join(sorted(NAME_PARTICLES))
    + r"))*)\s+(?:was|is|has|had|went|also|then|later|took|struck|sounded|appeared|seemed)\b"
)
_BODY_NOUNS = (
    r"party|movement|group|alliance|coalition|front|bloc|union|council|association|federation|"
    r"organi[sz]ation|committee|commission|ministry|department|office|government|parliament|assembly"
)
_NAMED_BODY = re.compile(
    r"(?:^|\s)(?P<name>[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|and|on|the|de|del|du|des)\s+)*[A-Z][\w'’.-]*)*)"
    r"(?P<noun>\s+(?:" + _BODY_NOUNS + r"))?(?:\s+\((?P<acronym>[A-Z][A-Za-z-]{1,9})\))?\s*$"
)
_MEDIA = _words(
    "news times post press television tv radio network journal herald tribune daily gazette agency "
    "broadcasting broadcaster channel newspaper magazine media service"
)
# Title words that may also open the name of a body ("National Unity Government", "Democratic Center").
_BODY_ADJECTIVES = _words("national democratic republican liberal conservative labour supreme high royal")


_TIME_WORDS = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Tomorrow|Earlier|Later)\b"
)


def core(slot_text: str) -> str:
    """The subject slot without what trails the subject: an insertion between commas and adverbs."""
    text = slot_text.rstrip()
    insertion = _INSERTION.search(text)
    if insertion and insertion.start() > 0:
        text = text[: insertion.start()]
    return without_trailing(text)


def without_trailing(text: str) -> str:
    """The text without the auxiliaries and adverbs that trail a subject ("…, has", "… also")."""
    trailing = TRAILING.search(text)  # always matches, at the end if nowhere else
    return text[: trailing.start()] if trailing else text


def _trailing_name(tokens: list[str]) -> list[str]:
    """The capitalised words that end the tokens, back to a title ('Commodore Jay Tarriela' → Jay Tarriela;
    a title word may end a name, 'Angus King', but never stands inside one)."""
    name: list[str] = []
    for token in reversed(tokens):
        bare = token.strip(",")
        if bare != token and name:
            break
        if name and bare.lower() in TITLE_WORDS and bare.lower() not in NAME_PARTICLES:
            break
        if bare[:1].isupper() or NAME_TOKEN.fullmatch(bare) or (name and bare.lower() in NAME_PARTICLES):
            name.insert(0, bare)
            continue
        break
    return name


class Strangers:
    """The people of one article that nobody recognised, named in subject slots."""

    def __init__(self, text: str, recognised: Recognised, mentions: list[Mention]) -> None:
        self.text = text
        self.recognised = recognised
        self.mentions = mentions
        self._starts = [m.span.start for m in mentions]
        self.minted: dict[str, Entity] = {}

    def named(self, slot: Span) -> Entity | None:
        """A capitalised name right before the verb that nobody recognised: 'House Speaker Kevin McCarthy'
        → Kevin McCarthy (titles dropped); else, when the slot is a whole clause ('Senator Risa Hontiveros
        was more blunt, saying'), the name it opens with. Bodies ('Human Rights Watch') are left alone."""
        tail = core(slot.of(self.text))
        owner = _NAME_OF_BODY.fullmatch(tail)  # "Søren Espersen of the Danish People's Party"
        if owner:
            head = self._bare_name(_trailing_name(owner.group("head").split()))
            if len(head) >= 2:
                tail = owner.group("head")
            elif not head and owner.group("head").split()[-1].islower():
                return None  # "the head of the Federal Executive": a title, not a name
        appositive = NAME_THEN_APPOSITIVE.match(tail)
        tokens = appositive.group("name").split() if appositive else tail.split()
        name = self._bare_name(_trailing_name(tokens))
        if not name:
            leading = _LEADING_NAME.match(tail)
            name = self._bare_name(_trailing_name(leading.group("name").split())) if leading else []
            if len(name) < 2:
                return None
        if len(name) == 1:
            short = name[0]
            return (
                self.minted.get(short) or self._last_named(short, slot.start) or self._full_name(short, slot)
            )
        return self._mint(name)

    def body(self, slot: Span) -> Entity | None:
        """A body nobody recognised, named as the subject: 'The Democratic Center party', 'the Department of
        Foreign Affairs (DFA)', 'The National Unity Government (NUG), formed by ousted lawmakers …,'. An
        acronym given in brackets names it from then on ('the DFA said'); news media are not bodies."""
        match = _NAMED_BODY.search(core(slot.of(self.text)))
        if match is None:
            return None
        name, noun = re.sub(r"^The\s+", "", match.group("name")), match.group("noun")
        words = name.split()
        head = (noun or words[-1]).strip().lower()
        if (
            (noun is None and (len(words) < 2 or not BODY_WORDS.search(name)))
            or head in _MEDIA
            or self._is_known(name)
            or words[0].lower() in TITLE_WORDS - _BODY_ADJECTIVES
        ):
            return None
        entity = self.minted.get(name) or Entity(key=slugify(name), kind="organization", label=name)
        self.minted.setdefault(name, entity)
        if match.group("acronym"):
            self.minted.setdefault(match.group("acronym"), entity)
        return entity

    def _mint(self, name: list[str]) -> Entity | None:
        label = " ".join(name)
        if BODY_WORDS.search(label) or any(t.isupper() and len(t) > 1 for t in name) or self._is_known(label):
            return None
        if _TIME_WORDS.search(label):
            return None  # "Q: On Sunday, both governments announced …": a time, nobody's name
        entity = Entity(key=slugify(label), kind="person", label=label)
        for part in name:
            self.minted.setdefault(part, entity)
        return entity

    def _full_name(self, short: str, slot: Span) -> Entity | None:
        """'Mullah Baradar said' after '…, Mullah Abdul Ghani Baradar': the name in full, titles dropped."""
        if len(short) < 3 or not short[0].isupper() or short.lower() in NOT_NAMES:
            return None
        pattern = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,4})" + re.escape(short) + r"\b")
        earlier = pattern.search(self.text, 0, slot.start)
        if earlier is None:
            return None
        name = self._bare_name(_trailing_name([*earlier.group(1).split(), short]))
        return self._mint(name) if len(name) > 1 else None

    def _bare_name(self, name: list[str]) -> list[str]:
        """The name without the titles, particles and known words before it ('Estonian Prime Minister Kaja
        Kallas' → Kaja Kallas)."""
        start = 0
        while start < len(name) and (
            name[start].lower() in TITLE_WORDS
            or name[start].endswith(("'s", "’s"))  # "Singapore's Lee"
            or name[start].lower() in NAME_PARTICLES
            or self._is_known(name[start])
        ):
            start += 1
        return name[start:]

    def _last_named(self, short: str, before: int) -> Entity | None:
        """'Kim says' when two Kims are named in the article: the last one named in full before."""
        for mention in reversed(self.mentions[: bisect_left(self._starts, before)]):
            if mention.entity.kind == "person" and short in mention.span.of(self.text).split():
                return mention.entity
        return None

    def _is_known(self, words: str) -> bool:
        gazetteer = self.recognised.gazetteer
        return bool(gazetteer and gazetteer.lookup(words.strip(",.")))
