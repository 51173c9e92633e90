"""Who speaks: the actor named in the subject slot of a reporting verb.

The slot is the few words before the verb ("Foreign Ministry spokeswoman Mao Ning called …") or after it
("…,” said Lavrov"). In it, in this order: a named person; a person the gazetteer does not know, named next
to the verb ("House Speaker Kevin McCarthy tweeted"); a pronoun, resolved to the subject of the nearest
earlier sentence that names one; an unnamed official, who speaks for his state ("a senior State Department
official"); a title without a name ("EAM", "the Ukrainian minister"); "the statement" of a body quoted just
before; a body or a state ("The Chinese foreign ministry", "Washington", "South Korea's presidential
office"). Names inside quotation marks never speak: they are what the speaker talks about.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from diplograph.extract.entities import Recognised, canonical_role
from diplograph.extract.model import Entity, Mention, Span
from diplograph.extract.quotes import QuoteIndex
from diplograph.graph.uris import slugify

# A state's press speaks for it only when it is the state's own ("its state media"; "Israeli media"
# are journalists).
_BODY = (
    r"(?:(?:(?:foreign|defen[cs]e|interior|finance|trade|justice|home|external\s+affairs|presidential|"
    r"prime\s+minister'?s?|state|military|federal)\s+)?"
    r"(?:ministry|ministries|office|presidency|government|cabinet|administration|embassy|mission|"
    r"delegation|military|army|armed\s+forces|parliament|side|authorities|leadership|palace|"
    r"spokes(?:man|woman|person))|(?:state|state-run|state-owned|official|government)\s+"
    r"(?:media|television|tv|news\s+agency|press))\b"
)
_POSSESSIVE = ("'s", "’s", "s'", "s’")
_AFTER_POSSESSIVE_BODY = re.compile(r"\s*(?:['’]s?)\s+(?:own\s+)?" + _BODY, re.IGNORECASE)
_DEMONYM_BODY = re.compile(r"\s+" + _BODY, re.IGNORECASE)
_OFFICIAL = re.compile(
    r"\b(?:an?\s+|the\s+|one\s+|two\s+|three\s+|several\s+|some\s+|other\s+)?(?:[\w.’'-]+\s+){0,4}?"
    r"(?:officials?|diplomats?|sources?|spokes(?:man|woman|person)|aides?|negotiators?|"
    r"representatives?)\b",
    re.IGNORECASE,
)
_WHO = re.compile(r",?\s+who\s+(?:(?:also|then|later|has|had|once)\s+)?$")
_PRONOUN = re.compile(
    r"(?:^|[\s,;:(])(?P<pronoun>he|she|it|they|we|him|her)\s*(?:(?:also|later|then|again|further|has|had|"
    r"have|was|is|once|previously|earlier|recently|repeatedly|himself|herself|itself)\s+){0,3}$",
    re.IGNORECASE,
)
# "His Highness stressed …", "Her Excellency said …": the person named before, like "he".
_HONORIFIC = re.compile(r"\s*(?P<pronoun>His|Her)\s+(?:Royal\s+)?(?:Highness|Excellency|Majesty)\s*$")
_POSSESSIVE_PRONOUN = re.compile(r"^\s*(?P<pronoun>its|their|his|her)\s+(?:own\s+)?" + _BODY, re.IGNORECASE)
_THE_STATEMENT = re.compile(r"^\s*the\s+(?:\w+\s+)?(?:statement|readout|communiqu[eé]|release)\s*$", re.I)
# A name in the subject slot ("Mr Johnson", "Kim Yo Jong") that nobody recognised.
_NAMED_SUBJECT = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w'’-]+\s*$|[A-Z][a-z]+\s+[A-Z][\w'’-]+\s*$"
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|to|by|from|against|alongside|among|between)\s+(?:[\w'’.-]+\s+){0,4}?(?:[\w'’.-]+,\s+)?"
    r"(?:[A-Z][\w'’.-]*\s+){0,3}$"
)
_PLACE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b[^,]*,")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s*$", re.IGNORECASE)
_AND = re.compile(r"\s*,?\s*(?:and|&)\s+(?:[\w.’'-]+\s+){0,5}?|\s*,\s*")
_THE_BODY = re.compile(
    r"^\s*the\s+(?:foreign\s+)?(?:ministry|department|government|presidency|agency)\s*$", re.I
)
_TITLE_ONLY = re.compile(
    r"\s*(?:[Tt]he\s+)?(?:(?P<demonym>[A-Z][\w’'-]+)\s+)?(?:(?:top|chief|senior)\s+)?"
    r"(?P<title>(?i:top\s+diplomat|foreign\s+minister|minister|president|prime\s+minister|premier|"
    r"chancellor|spokes(?:man|woman|person)|envoy|ambassador|secretary\s+of\s+state|secretary-general|"
    r"crown\s+prince|king|emir|leader)|[A-Z]{2,4})\s*"
)
_ROLE_OF_TITLE = {
    "top diplomat": "foreign minister",
    "minister": "",  # any minister
    "leader": "head of state",
}
_TRAILING = re.compile(
    r"(?:\s*,)?(?:\s+(?:has|had|have|was|is|also|later|then|again|once|previously|earlier|recently|"
    r"repeatedly|long|often|frequently|consistently|always|publicly|privately|openly|already|still|even|"
    r"further|on\s+\w+day|last\s+\w+|this\s+\w+))*\s*$"
)
# "Kemal Kilicdaroglu, the opposition leader, has called …", "Khalil al-Hayya, Hamas's chief negotiator,
# says": a name, then who he is (a particle joined by a hyphen to a capital, "al-Hayya", is in the name).
_NAME_WORD = r"(?:[A-Z][\w'’-]+|(?:al|el|ad|ar|as|ash|at|az|bin|ibn|abu|abd|ul|ud)-[A-Z][\w'’-]*)"
_NAME_TOKEN = re.compile(_NAME_WORD)
_NAME_THEN_APPOSITIVE = re.compile(
    r"\s*(?P<name>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,3}),\s+"
    r"(?:the|a|an|[A-Z][\w'’-]*(?:'s|’s))\s+[^,]+$"
)


def _words(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


_NAME_PARTICLES = _words("bin bint ibn al el de da do dos das van von der den del della di du la le")
_NOT_NAMES = _words("he she it we they his her its their the this that these those there then")
_TITLE_WORDS = _words(
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
)
_BODY_WORDS = re.compile(
    r"\b(?:Watch|Agency|Organi[sz]ation|Council|Ministry|Party|Front|Movement|Group|Bank|Fund|Court|Union|"
    r"Association|Institute|Committee|Commission|Office|Department|Forces|Army|Guard|Corps|Network|News|"
    r"Times|Post|Press|Television|TV|Radio|Service|Company|Authority|Foundation|Cent(?:er|re)|"
    r"International|Coalition|Alliance|Federation|League|Assembly|Parliament|Congress|Senate|Government|"
    r"Administration|Embassy|Mission|House|Palace|Kremlin|Agency)\b"
)


class Speakers:
    """Resolves the subject slots of one article, remembering whom earlier slots resolved to."""

    def __init__(self, text: str, recognised: Recognised, quotes: QuoteIndex) -> None:
        self.text = text
        self.recognised = recognised
        self.mentions = [m for m in recognised.mentions if not quotes.inside(m.span.start)]
        self._starts = [m.span.start for m in self.mentions]
        self.resolved: list[Mention] = []  # subjects resolved so far, in text order
        self.statements: list[Entity] = []  # bodies that issued a statement
        self.minted: dict[str, Entity] = {}
        self.unknown: list[int] = []  # where a named speaker nobody knows spoke: pronouns stop there

    # -- the slot ------------------------------------------------------------------------------------
    def holder(self, slot: Span, unit: Span) -> tuple[Entity, str] | None:
        """The actor in the slot and how it was found (the last part of the rule name)."""
        text = self.text
        body = slot.of(text)
        if not body.strip():
            return None
        if _PASSIVE.search(body):
            return None  # "Biden was asked", "Russia was accused": not the one who speaks
        inside = self._outside_relatives(slot, self.mentions_in(slot))
        if self._joint(inside):
            return None  # "Russia, Turkey and Iran announced": a joint statement has no single holder
        who = _WHO.search(body)
        if who:
            before = [m for m in self.mentions_in(Span(unit.start, slot.start + who.start())) if _agent(m)]
            if before and slot.start + who.start() - before[-1].span.end <= 2:
                return self._keep(before[-1], "relative")
        persons = [
            m
            for m in inside
            if m.entity.kind == "person" and not self._possessive(m) and not self._object(slot, m)
        ]
        if persons:
            return self._keep(persons[0], "named")
        stranger = self._stranger(slot)
        if stranger is not None:
            return self._keep(Mention(stranger, slot), "named-by-title")
        pronoun = _PRONOUN.search(body) or _POSSESSIVE_PRONOUN.search(body) or _HONORIFIC.match(body)
        if pronoun and (pronoun.group("pronoun").lower() not in ("they", "we", "their")):
            found = self.antecedent(slot.start + pronoun.start("pronoun"), pronoun.group("pronoun"), unit)
            return self._keep(Mention(found, slot), "pronoun") if found else None
        titled = self._title_only(slot, body)
        if titled is not None:
            return self._keep(Mention(titled, slot), "title")
        official = self._official(slot, inside)
        if official is not None:
            return self._keep(Mention(official, slot), "unnamed-official")
        if _THE_STATEMENT.match(body):
            return (self.statements[-1], "statement") if self.statements else None
        if _THE_BODY.match(body):
            found = self.antecedent(slot.start, "it", unit, body=True)
            return self._keep(Mention(found, slot), "definite-body") if found else None
        for mention in inside:
            if mention.entity.kind == "person" and self._followed_by_body(mention):
                return self._keep(mention, "office")
        body_holder = self._body(slot, inside)
        if body_holder is not None:
            return self._keep(Mention(body_holder, slot), "body")
        named = _NAMED_SUBJECT.search(body)
        if named and not _BODY_WORDS.search(named.group()):
            self.unknown.append(slot.start)  # "Mr Johnson said": someone unknown speaks; pronouns stop here
        return None

    def _object(self, slot: Span, mention: Mention) -> bool:
        """'A senior State Department official traveling with Blinken said', '… reached a consensus with
        Myanmar's junta chief, Senior General Min Aung Hlaing, calling for': a person after a preposition is
        its object, not the subject of the verb."""
        return bool(
            _PREPOSITION_BEFORE.search(
                self.text, max(slot.start, mention.span.start - 60), mention.span.start
            )
        )

    def _outside_relatives(self, slot: Span, inside: list[Mention]) -> list[Mention]:
        """'The Saudi crown prince, who met Blinken in Riyadh, said': Blinken is not the subject."""
        relatives = [m.span() for m in _RELATIVE.finditer(self.text, slot.start, slot.end)]
        return [m for m in inside if not any(a <= m.span.start < b for a, b in relatives)]

    def _joint(self, inside: list[Mention]) -> bool:
        agents = [m for m in inside if _agent(m) and not self._possessive(m)]
        return any(
            first.entity != second.entity and _AND.fullmatch(self.text, first.span.end, second.span.start)
            for first, second in zip(agents, agents[1:], strict=False)
        )

    def _keep(self, mention: Mention, how: str) -> tuple[Entity, str]:
        self.resolved.append(mention)
        return mention.entity, how

    def mentions_in(self, span: Span) -> list[Mention]:
        low, high = bisect_left(self._starts, span.start), bisect_left(self._starts, span.end)
        return self.mentions[low:high]

    def _possessive(self, mention: Mention) -> bool:
        return self.text[mention.span.end : mention.span.end + 2] in _POSSESSIVE

    def _followed_by_body(self, mention: Mention) -> bool:
        return bool(_AFTER_POSSESSIVE_BODY.match(self.text, mention.span.end))

    # -- the kinds of subject -------------------------------------------------------------------------
    def _stranger(self, slot: Span) -> Entity | None:
        """A capitalised name right before the verb that nobody recognised: 'House Speaker Kevin McCarthy'
        → Kevin McCarthy (titles dropped). Bodies ('Human Rights Watch') are left alone."""
        body = slot.of(self.text)
        tail = body[: _TRAILING.search(body).start()]
        appositive = _NAME_THEN_APPOSITIVE.match(tail)
        tokens = appositive.group("name").split() if appositive else tail.split()
        name: list[str] = []
        for token in reversed(tokens):
            bare = token.strip(",")
            if bare != token and name:
                break
            if (
                bare[:1].isupper()
                or _NAME_TOKEN.fullmatch(bare)
                or (name and bare.lower() in _NAME_PARTICLES)
            ):
                name.insert(0, bare)
                continue
            break
        name = self._bare_name(name)
        if not name:
            return None
        if len(name) == 1:
            short = name[0]
            return (
                self.minted.get(short) or self._last_named(short, slot.start) or self._full_name(short, slot)
            )
        return self._mint(name)

    def _mint(self, name: list[str]) -> Entity | None:
        label = " ".join(name)
        if (
            _BODY_WORDS.search(label)
            or any(t.isupper() and len(t) > 1 for t in name)
            or self._is_known(label)
        ):
            return None
        entity = Entity(key=slugify(label), kind="person", label=label)
        for part in name:
            self.minted.setdefault(part, entity)
        return entity

    def _full_name(self, short: str, slot: Span) -> Entity | None:
        """'Mullah Baradar said' after '…, Mullah Abdul Ghani Baradar': the name in full, titles dropped."""
        if len(short) < 3 or not short[0].isupper() or short.lower() in _NOT_NAMES:
            return None
        pattern = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,4})" + re.escape(short) + r"\b")
        earlier = pattern.search(self.text, 0, slot.start)
        if earlier is None:
            return None
        name = self._bare_name([*earlier.group(1).split(), short])
        return self._mint(name) if len(name) > 1 else None

    def _bare_name(self, name: list[str]) -> list[str]:
        """The name without the titles, particles and known words before it ('Estonian Prime Minister Kaja
        Kallas' → Kaja Kallas)."""
        start = 0
        while start < len(name) and (
            name[start].lower() in _TITLE_WORDS
            or name[start].lower() in _NAME_PARTICLES
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

    def _official(self, slot: Span, inside: list[Mention]) -> Entity | None:
        """'a senior White House official', 'Colombian officials': the official's state."""
        match = _OFFICIAL.search(self.text, slot.start, slot.end)
        if not match:
            return None
        for mention in inside:
            if match.start() <= mention.span.start < match.end():
                if mention.entity.kind == "country":
                    return mention.entity
                state = self.recognised.state(mention.represents or mention.entity.country)
                if state is not None:
                    return state
        for key, span in self.recognised.demonyms:
            if match.start() <= span.start < match.end():
                return self.recognised.state(key)
        return None

    def _title_only(self, slot: Span, body: str) -> Entity | None:
        """A title standing for a person named earlier: 'EAM' (External Affairs Minister S. Jaishankar),
        'the Russian top diplomat', 'the Ukrainian minister'."""
        match = _TITLE_ONLY.fullmatch(body[: _TRAILING.search(body).start()])
        if not match:
            return None
        title = match.group("title")
        earlier = [m for m in self.mentions if m.span.start < slot.start and m.entity.kind == "person"]
        earlier += [m for m in self.resolved if m.span.start < slot.start and m.entity.kind == "person"]
        earlier.sort(key=lambda m: m.span.start)
        if title.isupper():
            return self._acronym(title, earlier)
        demonym = match.group("demonym")
        state = self._state_of_adjective(demonym) if demonym else None
        if demonym and state is None and demonym.lower() != "the":
            return None
        lowered = re.sub(r"\s+", " ", title.lower())
        role = _ROLE_OF_TITLE.get(lowered, canonical_role(lowered))
        for mention in reversed(earlier):
            if state and (mention.represents or mention.entity.country) != state:
                continue
            if self._has_role(mention, role):
                return mention.entity
        return None

    def _acronym(self, acronym: str, earlier: list[Mention]) -> Entity | None:
        for mention in earlier:
            lead = self.text[max(0, mention.span.start - 60) : mention.span.start]
            words = re.findall(r"[A-Z][a-z]+", lead.split(",")[-1])
            if acronym in "".join(w[0] for w in words):
                return mention.entity
        return None

    def _has_role(self, mention: Mention, role: str) -> bool:
        roles = {mention.role} if mention.role else set()
        gazetteer = self.recognised.gazetteer
        if gazetteer is not None:
            roles |= {o.role for o in gazetteer.offices if o.person == mention.entity.key}
        if role == "":
            return not roles or any("minister" in r for r in roles)
        return role in roles

    def _state_of_adjective(self, word: str) -> str | None:
        word = re.sub(r"['’]s?$", "", word)
        gazetteer = self.recognised.gazetteer
        for name in gazetteer.lookup(word) if gazetteer else ():
            entity = gazetteer.entities.get(name.key) if gazetteer else None
            if entity is not None and entity.kind == "country":
                return entity.key
        return None

    def _body(self, slot: Span, inside: list[Mention]) -> Entity | None:
        """A body or a state as the subject: an organization, a state or its capital ('Washington has
        said'), or a state's body named by its adjective ('The Chinese foreign ministry said')."""
        for mention in inside:
            entity = mention.entity
            if self._possessive(mention) and not self._followed_by_body(mention):
                continue
            if self._object(slot, mention) or _PLACE_BEFORE.search(self.text, slot.start, mention.span.start):
                continue  # "leaders meeting in Jakarta …, calling for": where, not who
            if entity.kind in ("organization", "country"):
                return entity
            gazetteer = self.recognised.gazetteer
            if entity.kind == "city" and gazetteer is not None and entity.key in gazetteer.capitals:
                return self.recognised.state(entity.country)
        for key, span in self.recognised.demonyms:
            if slot.start <= span.start < slot.end and _DEMONYM_BODY.match(self.text, span.end):
                return self.recognised.state(key)
        return None

    # -- pronouns -------------------------------------------------------------------------------------
    def antecedent(self, position: int, pronoun: str, unit: Span, body: bool = False) -> Entity | None:
        """'he said': the first person (the subject) of this sentence before the pronoun, else of the
        nearest earlier sentence naming one; 'it'/'its': the same for a state or a body; 'the ministry'
        (``body``): the body last named."""
        people = pronoun.lower() in ("he", "she", "his", "her", "him")

        def fits(mention: Mention) -> bool:
            kind = mention.entity.kind
            if body:
                return kind == "organization" and mention.entity.country is not None
            return kind == "person" if people else kind in ("country", "organization")

        candidates = [m for m in self.mentions if m.span.start < position and fits(m)]
        candidates += [m for m in self.resolved if m.span.start < position and fits(m)]
        candidates = [m for m in candidates if position - m.span.start < 700]
        if not candidates or any(candidates[-1].span.start < u < position for u in self.unknown):
            return None
        candidates.sort(key=lambda m: m.span.start)
        same = [m for m in candidates if m.span.start >= unit.start and not self._possessive(m)]
        if same:
            return same[0].entity
        last = candidates[-1]
        boundary = max(self.text.rfind(". ", 0, last.span.start), self.text.rfind("\n", 0, last.span.start))
        sentence = [m for m in candidates if m.span.start > boundary]
        subjects = [m for m in sentence if not self._possessive(m)] or sentence
        return subjects[0].entity


def _agent(mention: Mention) -> bool:
    return mention.entity.kind in ("person", "organization", "country")
