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
from diplograph.extract.names import BODY_WORDS, Strangers, without_trailing
from diplograph.extract.quotes import QuoteIndex

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
# "The final communiqué": a summit's, not one of two parties ("the joint communiqué").
_SUMMIT_COMMUNIQUE = re.compile(r"^\s*the\s+(?!joint\b)(?:\w+\s+)?communiqu[eé]\s*$", re.IGNORECASE)
# A name in the subject slot ("Mr Johnson", "Kim Yo Jong") that nobody recognised.
_NAMED_SUBJECT = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w'’-]+\s*$|[A-Z][a-z]+\s+[A-Z][\w'’-]+\s*$"
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|to|by|from|against|alongside|among|between)\s+(?:[\w'’.-]+\s+){0,4}?(?:[\w'’.-]+,\s+)?"
    r"(?:[A-Z][\w'’.-]*\s+){0,3}$"
)
_PLACE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
# "a new treaty that its prime minister calls …": the subject of a verb in a relative clause is the few
# words after the relative pronoun, not the noun it qualifies; so is the subject of a subordinate clause
# ("Biden and Xi had spoken five times …, most recently on July 28, when Xi warned …").
_RELATIVE_SUBJECT = re.compile(
    r"\s(?:that|which|whom|when|whereas|although|though)\s+"
    r"(?=(?:[\w’'.-]+\s+){0,4}[\w’'.-]+\s*$)"
)
_OWN_GOVERNMENT = re.compile(r"\badministration\b")
_LAST_PHRASE = re.compile(r",\s+(?=(?:a|an|the)\s+[^,“”\"]*$)")
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b[^,]*,")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s*$", re.IGNORECASE)
_AND = re.compile(r"\s*,?\s*(?:and|&)\s+(?:[\w.’'-]+\s+){0,5}?|\s*,\s*")
_THE_BODY = re.compile(
    r"^\s*the\s+(?:foreign\s+)?(?:ministry|department|government|presidency|agency)\s*$", re.I
)
_TITLE_ONLY = re.compile(
    r"\s*(?:(?P<possessive>[Ii]ts|[Tt]heir)\s+|[Tt]he\s+)?(?:(?P<demonym>[A-Z][\w’'-]+)\s+)?"
    r"(?:(?:top|chief|senior)\s+)?"
    r"(?P<title>(?i:top\s+diplomat|foreign\s+minister|foreign\s+secretary|minister|president|prime\s+minister|"
    r"premier|chancellor|spokes(?:man|woman|person)|envoy|ambassador|secretary\s+of\s+state|"
    r"secretary-general|crown\s+prince|king|queen|emir|sultan|monarch|head\s+of\s+state|"
    r"head\s+of\s+government|leader)|[A-Z]{2,4})\s*"
)
_ROLE_OF_TITLE = {
    "top diplomat": "foreign minister",
    "foreign secretary": "foreign minister",
    "queen": "head of state",
    "sultan": "head of state",
    "monarch": "head of state",
    "minister": "",  # any minister
    "leader": "head of state",
}


class Speakers:
    """Resolves the subject slots of one article, remembering whom earlier slots resolved to."""

    def __init__(
        self, text: str, recognised: Recognised, quotes: QuoteIndex, year: int | None = None
    ) -> None:
        self.text = text
        self.year = year  # of the article: whose office a title of a state names
        self.recognised = recognised
        self.mentions = [m for m in recognised.mentions if not quotes.inside(m.span.start)]
        self._starts = [m.span.start for m in self.mentions]
        self.resolved: list[Mention] = []  # subjects resolved so far, in text order
        self.statements: list[Entity] = []  # bodies that issued a statement
        self.strangers = Strangers(text, recognised, self.mentions)
        self.unknown: list[int] = []  # where a named speaker nobody knows spoke: pronouns stop there

    # -- the slot ------------------------------------------------------------------------------------
    def holder(self, slot: Span, unit: Span) -> tuple[Entity, str] | None:
        """The actor in the slot and how it was found (the last part of the rule name)."""
        text = self.text
        relative = _RELATIVE_SUBJECT.search(text, slot.start, slot.end) or _LAST_PHRASE.search(
            text, slot.start, slot.end
        )
        if relative is not None:
            # "a treaty that its prime minister calls …"; "…, a meeting Israeli media described as …": the
            # subject is the phrase right before the verb, not a name earlier in the sentence
            slot = Span(relative.end(), slot.end)
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
        stranger = self.strangers.named(slot)
        if stranger is not None:
            known = self._named_in_full(stranger.label, slot.start)
            if known is not None:
                return self._keep(Mention(known.entity, slot), "named")
            return self._keep(Mention(stranger, slot), "named-by-title")
        pronoun = _PRONOUN.search(body) or _POSSESSIVE_PRONOUN.search(body) or _HONORIFIC.match(body)
        if pronoun and (pronoun.group("pronoun").lower() not in ("they", "we", "their")):
            found = self.antecedent(slot.start + pronoun.start("pronoun"), pronoun.group("pronoun"), unit)
            return self._keep(Mention(found, slot), "pronoun") if found else None
        titled = self._title_only(slot, body, unit)
        if titled is not None:
            return self._keep(Mention(titled, slot), "title")
        official = self._official(slot, inside)
        if official is not None:
            return self._keep(Mention(official, slot), "unnamed-official")
        if _THE_STATEMENT.match(body):
            if self.statements:
                return self.statements[-1], "statement"
            summit = self._summit_body(slot.start) if _SUMMIT_COMMUNIQUE.match(body) else None
            return self._keep(Mention(summit, slot), "communique") if summit else None
        if _THE_BODY.match(body):
            # "the ministry said": the state's body named last, else the state the sentences before are about
            found = self.antecedent(slot.start, "it", unit, body=True) or self.antecedent(
                slot.start, "it", unit, state=True
            )
            return self._keep(Mention(found, slot), "definite-body") if found else None
        for mention in inside:
            if mention.entity.kind == "person" and self._followed_by_body(mention):
                return self._keep(mention, "office")
        body_holder = self._body(slot, inside)
        if body_holder is not None:
            return self._keep(Mention(body_holder, slot), "body")
        stranger_body = self.strangers.body(slot)
        if stranger_body is not None:
            return self._keep(Mention(stranger_body, slot), "named-body")
        named = _NAMED_SUBJECT.search(body)
        if named and not BODY_WORDS.search(named.group()):
            self.unknown.append(slot.start)  # "Mr Johnson said": someone unknown speaks; pronouns stop here
        return None

    def _summit_body(self, before: int) -> Entity | None:
        """'The final communiqué said the alliance …': a summit's communiqué speaks for the international
        body named last before it (NATO at its Vilnius summit)."""
        for mention in reversed(self.mentions[: bisect_left(self._starts, before)]):
            if before - mention.span.start > 2000:
                return None
            if mention.entity.kind == "organization" and mention.entity.country is None:
                return mention.entity
        return None

    def _named_in_full(self, label: str, before: int) -> Mention | None:
        """'Hassan Sheikh said' after 'President Hassan Sheikh Mohamud': a short form of a person named
        in full before is that person, not someone new."""
        short = label.split()
        if len(short) < 2:
            return None
        for mention in reversed(self.mentions[: bisect_left(self._starts, before)]):
            if mention.entity.kind != "person":
                continue
            full = mention.span.of(self.text).split()
            if len(full) > len(short) and any(
                full[i : i + len(short)] == short for i in range(len(full) - len(short) + 1)
            ):
                return mention
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
    def _official(self, slot: Span, inside: list[Mention]) -> Entity | None:
        """'a senior White House official', 'Colombian officials': the official's state; 'an NUG spokesman':
        the body named before that no state owns."""
        match = _OFFICIAL.search(self.text, slot.start, slot.end)
        if not match:
            return None
        for word in match.group().split():
            body = self.strangers.minted.get(word)
            if body is not None and body.kind == "organization":
                return body
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
        if _OWN_GOVERNMENT.search(match.group()):
            return self._home_state()
        return None

    def _home_state(self) -> Entity | None:
        """'A senior administration official': the government of the article's first head of state or
        government, whom the story is about (Biden's administration in a story that opens with him)."""
        for mention in self.mentions:
            if mention.entity.kind == "person" and mention.role in ("head of state", "head of government"):
                return self.recognised.state(mention.represents or mention.entity.country)
        return None

    def _title_only(self, slot: Span, body: str, unit: Span) -> Entity | None:
        """A title standing for a person: 'EAM' (External Affairs Minister S. Jaishankar), 'the Russian top
        diplomat', 'the King' (King Charles III, before any other head of state), 'its prime minister' (of
        the state named before). A title of a state that nobody holding it was named for is the one person
        the offices table gives it in the year of the article."""
        match = _TITLE_ONLY.fullmatch(without_trailing(body))
        if not match:
            return None
        title = match.group("title")
        earlier = [m for m in self.mentions if m.span.start < slot.start and m.entity.kind == "person"]
        earlier += [m for m in self.resolved if m.span.start < slot.start and m.entity.kind == "person"]
        earlier.sort(key=lambda m: m.span.start)
        if title.isupper():
            return self._acronym(title, earlier)
        demonym, possessive = match.group("demonym"), match.group("possessive")
        state = self._state_of_adjective(demonym) if demonym else None
        if demonym and state is None and demonym.lower() != "the":
            return None
        if possessive:
            owner = self.antecedent(slot.start, "it", unit)
            state = owner.key if owner is not None and owner.kind == "country" else None
            if state is None:
                return None
        lowered = re.sub(r"\s+", " ", title.lower())
        role = _ROLE_OF_TITLE.get(lowered, canonical_role(lowered))
        candidates = [
            m for m in reversed(earlier) if not state or (m.represents or m.entity.country) == state
        ]
        titled = re.compile(r"\b" + re.escape(lowered).replace(r"\ ", r"\s+") + r"\b", re.IGNORECASE)
        for mention in candidates:  # 'the King': the person named with that very title
            if titled.search(mention.span.of(self.text)) or titled.search(self._title_lead(mention)):
                return mention.entity
        for mention in candidates:
            if self._has_role(mention, role):
                return mention.entity
        gazetteer = self.recognised.gazetteer
        if state and self.year and gazetteer is not None and role:
            return gazetteer.office_holder(role, state, self.year)
        return None

    def _title_lead(self, mention: Mention) -> str:
        """The words right before a name that are its title ('Foreign Minister ' before 'Sergey Lavrov')."""
        lead = self.text[max(0, mention.span.start - 40) : mention.span.start]
        # "the Crown Prince had received President Volodymyr Zelenskyy": a verb ends the other's title
        return re.split(r"[.,;:!?\n]|\b(?:by|with|and|of|to|met|said|had|has|was|is|[a-z]\w*ed)\b", lead)[-1]

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
    def antecedent(
        self, position: int, pronoun: str, unit: Span, body: bool = False, state: bool = False
    ) -> Entity | None:
        """'he said': the first person (the subject) of this sentence before the pronoun, else of the
        nearest earlier sentence naming one; 'it'/'its': the same for a state or a body; 'the ministry'
        (``body``): the body last named."""
        people = pronoun.lower() in ("he", "she", "his", "her", "him")

        def fits(mention: Mention) -> bool:
            kind = mention.entity.kind
            if body:
                return kind == "organization" and mention.entity.country is not None
            if state:
                return kind == "country"
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
