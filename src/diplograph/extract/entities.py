"""Who and what an article names: gazetteer entities, people found by their titles, roles and states.

A person's role and the state they represent come from the words around the name ("Russian Foreign
Minister Sergei Lavrov", "Maria Zakharova, the Russian Foreign Ministry's spokesman"), else the gazetteer.
A role without a name ("the Iranian and Syrian foreign ministers") is a ``RoleGroup``: the meeting
extractor turns it into people where the article or the offices table make them certain, else into states.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from diplograph.extract.descriptions import described_people
from diplograph.extract.firstnames import someone_elses_surname
from diplograph.extract.model import Entity, Mention, Span
from diplograph.extract.patterns import KeywordPattern, alternatives, by_first_letter, keyword_text
from diplograph.graph.uris import slugify
from diplograph.link.gazetteer import Gazetteer

ROLE_TITLES: tuple[tuple[str, str], ...] = (
    (
        r"foreign\s+ministers?|ministers?\s+of\s+foreign\s+affairs|secretary\s+of\s+state|foreign\s+secretary|"
        r"external\s+affairs\s+ministers?",
        "foreign minister",
    ),
    (r"defen[cs]e\s+ministers?|ministers?\s+of\s+defen[cs]e|defen[cs]e\s+secretary", "defence minister"),
    (r"prime\s+ministers?|premier|chancellor(?!\s+of\s+the\s+exchequer)", "head of government"),
    (r"crown\s+prince", "crown prince"),
    # "Vice President Han Zheng", "Vice Foreign Minister Chen Xiaodong", "Deputy Prime Ministers Shahin
    # Mustafayev and Mher Grigoryan", "Foreign Affairs Undersecretary Maria Theresa Lazaro": a deputy's title
    # names a person as surely as the chief's (tried before it: "Vice Foreign Minister" is no minister).
    (
        r"(?:vice|deputy|assistant)[-\s](?:foreign\s+|prime\s+|defen[cs]e\s+)?(?:presidents?|premiers?|ministers?|"
        r"secretary\s+of\s+state|chancellors?)|(?:foreign\s+affairs\s+)?under[-\s]?secretary",
        "deputy",
    ),
    (r"(?<!vice\s)presidents?|king|emir|supreme\s+leader", "head of state"),
    (r"spokes(?:man|woman|person)", "spokesperson"),
    (r"national\s+security\s+advis[eo]rs?", "national security adviser"),
    (r"chief\s+of\s+(?:the\s+general\s+)?staff", "chief of staff"),
    (
        r"(?:special\s+)?envoys?|ambassadors?|special\s+representative|"
        r"head\s+of\s+\S+\s+delegation(?:\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?talks)?",
        "envoy",
    ),
    (r"secretary[-\s]general|commissioner|high\s+representative|chair(?:man|woman|person)", "official"),
    (
        # "Maj. Gen.", and without the periods of British usage, "Lt Gen (retd) Nasser Khan Janjua"
        r"(?:Maj\.?r?\s+|Brig\.\s+|Lt\.\s+)?Gen\.|(?:Maj|Brig|Lt)\s+Gen\b(?:\s+\(retd\.?\))?|"
        # "Field Marshal Birhanu Jula", "Gen Tadesse Werede" (British usage, no period)
        r"(?:major\s+|brigadier\s+)?general|field\s+marshal|Gen(?=\s|$)",
        "military officer",
    ),
    # "Minister of Water Resources and Irrigation Hani Sewilam", "State Minister for Water Resources Zaheed
    # Farooque", "the Secretary of Homeland Security, Alejandro Mayorkas", "Finance Minister X": ministers of
    # other portfolios, named by their title as foreign ministers are (after those: theirs is more precise).
    (
        r"(?:state\s+)?ministers?\s+(?:of|for)\s+(?:state\s+for\s+)?(?-i:[A-Z])[\w’'-]+"
        r"(?:\s+(?:and\s+)?(?-i:[A-Z])[\w’'-]+){0,3}|secretary\s+of\s+(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?|"
        r"(?:finance|interior|home|trade|commerce|economy|energy|justice|health|agriculture|industry|water|oil|"
        r"security)\s+ministers?",
        "minister",
    ),
)
# Any title, its branches grouped by first letter: titles are tried at many positions of every article.
_TITLE = re.compile(
    by_first_letter([branch for pattern, _ in ROLE_TITLES for branch in alternatives(pattern)])
    + "(?![A-Za-z])",
    re.IGNORECASE,
)
# Words one of which every title contains (lowercase): "gen" is that of "Maj. Gen." and of "general".
_TITLE_WORDS: tuple[str, ...] = (
    "minister",
    "secretary",
    "premier",
    "chancellor",
    "prince",
    "president",
    "king",
)
_TITLE_WORDS += ("emir", "leader", "spokes", "advis", "staff", "envoy", "ambassador", "representative")
_TITLE_WORDS += ("delegation", "commissioner", "chair", "gen")
# A name never runs across a line break ("… chairperson\n\nADDIS ABABA" is a headline, then a dateline).
_NAME = r"[A-Z][\w'’\-]+(?:[^\S\n]+(?:al-|bin\s+|de\s+|van\s+|von\s+)?[A-Z][\w'’\-]+){1,4}"
# Titles match in any case ("President", "foreign minister"); names must be capitalised.
_TITLED_NAME = re.compile(r"(?P<title>(?i:" + _TITLE.pattern + r"))[^\S\n]+(?P<name>" + _NAME + r")")
# "Minister of Foreign Affairs of the Republic of Azerbaijan Jeyhun Bayramov": the state between the title
# and the name, as press releases of ministries write it (a state of one word, or of two).
_TITLE_OF_STATE_NAME = tuple(
    re.compile(
        r"(?P<title>(?i:"
        + _TITLE.pattern
        + r"))[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?(?:(?:Republic|Kingdom|State)"
        r"[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?)?(?P<state>" + state + r")[^\S\n]+(?P<name>" + _NAME + r")"
    )
    for state in (r"[A-Z][\w’'-]+", r"[A-Z][\w’'-]+[^\S\n]+[A-Z][\w’'-]+")
)
_APPOSITIVE_NAME = re.compile(
    r"(?P<title>(?i:" + _TITLE.pattern + r"))[^,.;:]{0,50},\s+(?P<name>" + _NAME + r")(?=[,.;]|\s+[a-z])"
)
# "Olivér Várhelyi, the enlargement commissioner": a name, then its title in apposition.
# Not a name after "at" ("at Rashtrapati Bhavan", a building), nor a title of the next clause ("…, while
# Vice-President Jagdeep Dhankhar paid a courtesy call") or of a phrase of its own ("the outbreak of World War
# II, at the invitation of President Andrzej Duda").
_CLAUSE_WORDS = r"(?:while|whereas|when|where|and|but|as|who|which|at|in|on|by|from|with)"
# (The lookbehinds come after the name's capital: the engine scans fast for a pattern's first character
# when it is a character class, and tries a pattern that opens with a lookbehind at every character.)
_NAME_THEN_TITLE = re.compile(
    r"(?P<name>[A-Z](?<![\w’'-].)(?<!\bat\s.)"
    + _NAME.removeprefix("[A-Z]")
    + r"),\s+(?:the\s+|a\s+|an\s+)?(?:(?!"
    + _CLAUSE_WORDS
    + r"\b)[\w’'-]+\s+){0,4}?(?i:"
    + _TITLE.pattern
    + ")"
)
_GOVERNMENT_OF_PERSON = re.compile(r"\s+(?:regime|administration|government)\b")


@dataclass(frozen=True)
class RoleGroup:
    """A role held by unnamed people of one or more states: 'the Russian and Iranian foreign ministers'."""

    role: str
    countries: tuple[str, ...]
    span: Span


@dataclass(frozen=True)
class Recognised:
    mentions: tuple[Mention, ...]
    role_groups: tuple[RoleGroup, ...]
    demonyms: tuple[tuple[str, Span], ...]  # (country key, span) for adjectives such as "Russian"
    gazetteer: Gazetteer | None = field(default=None, repr=False, compare=False)

    def state(self, key: str | None) -> Entity | None:
        """The state with this key, named in the article or not (an official's state may be implicit)."""
        entity = self.gazetteer.entities.get(key or "") if self.gazetteer else None
        return entity if entity is not None and entity.kind == "country" else None


@lru_cache(maxsize=4096)
def canonical_role(title: str) -> str:
    for pattern, role in ROLE_TITLES:
        if re.fullmatch(pattern, title.strip(), re.IGNORECASE):
            return role
    return title.lower()


def recognise(text: str, gazetteer: Gazetteer, year: int | None = None) -> Recognised:
    """All mentions of the text, in order, with roles and represented states resolved from context
    (``year``, of the article, tells whose office a title and a surname name)."""
    raw: list[Mention] = []
    demonyms: list[tuple[str, Span]] = []
    for match in gazetteer.find(text):
        names = gazetteer.lookup(match.group())
        if not names:
            continue
        span = Span(match.start(), match.end())
        if all(name.is_demonym for name in names):
            demonyms.append((names[0].key, span))
            continue
        entity = gazetteer.entities[next(name.key for name in names if not name.is_demonym)]
        government = _GOVERNMENT_OF_PERSON.match(text, span.end) if entity.kind == "person" else None
        if government and entity.country:
            # "the Assad regime", "the Trump administration": the person's state, as a government.
            state = gazetteer.entities.get(entity.country)
            if state:
                end = government.end()
                raw.append(Mention(state, Span(span.start, end)))
                continue
        if entity.kind == "person" and someone_elses_surname(
            text, span, entity, gazetteer, _NOT_NAMES_BEFORE
        ):
            continue  # "Søren Espersen" is not Lene Espersen
        raw.append(Mention(entity, span))
    titles = _titles(text)
    raw.extend(_titled_strangers(text, gazetteer, raw, titles))
    raw.extend(_titled_surnames(text, gazetteer, raw, titles, year))
    raw = _add_surname_mentions(text, raw)
    raw.extend(_short_body_names(text, raw))
    ordered = sorted(raw, key=_start)
    mentions = _share_roles(
        tuple(_with_role(text, mention, ordered, demonyms, gazetteer) for mention in ordered)
    )
    mentions = tuple(sorted([*mentions, *_definite_roles(text, mentions, demonyms, titles)], key=_start))
    mentions = tuple(sorted([*mentions, *described_people(text, mentions, demonyms)], key=_start))
    groups = _role_groups(text, mentions, demonyms, titles)
    return Recognised(mentions, tuple(groups), tuple(demonyms), gazetteer)


_TITLE_FIRST_WORDS = frozenset(
    [
        "foreign",
        "external",
        "chancellor",
        "chairman",
        "chairwoman",
        "chairperson",
        "minister",
        "ministers",
        "secretary",
        "defense",
        "defence",
        "prime",
        "premier",
        "crown",
        "president",
        "presidents",
        "king",
        "emir",
        "supreme",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "commissioner",
        "high",
        "national",
        "chief",
        "special",
        "envoy",
        "envoys",
        "ambassador",
        "ambassadors",
        "head",
        "maj",
        "majr",
        "brig",
        "lt",
        "gen",
        "general",
        "field",
        "major",
        "brigadier",
        "vice",
        "deputy",
        "assistant",
        "undersecretary",
        "under",
        "affairs",
        "state",
        "finance",
        "interior",
        "home",
        "trade",
        "commerce",
        "economy",
        "energy",
        "justice",
        "health",
        "agriculture",
        "industry",
        "water",
        "oil",
        "security",
    ]
)

_WORD = re.compile(r"\b[A-Za-z]+")


def _titles(text: str) -> list[re.Match[str]]:
    """Every title in the text; the big pattern is tried only at words a title can start with."""
    found: list[re.Match[str]] = []
    position = 0
    for word in _WORD.finditer(text):
        if word.group().lower() not in _TITLE_FIRST_WORDS or word.start() < position:
            continue
        match = _TITLE.match(text, word.start())
        if match:
            found.append(match)
            position = match.end()
    return found


def _titled_so(
    text: str, holders: dict[str, Mention], people: list[Mention], title: str
) -> dict[str, Mention]:
    """'the prime minister' in an article that writes 'Prime Minister Sheikh Hasina' and 'her Indian
    counterpart Narendra Modi': of several holders of the role, the one the article gives that very title."""
    words = title.lower().split()
    titled = {
        m.entity.key
        for m in people
        if text[max(0, m.span.start - len(title) - 2) : m.span.start].lower().split()[-len(words) :] == words
        or m.span.of(text).lower().split()[: len(words)] == words  # "King Charles III", title and all
    }
    return {key: m for key, m in holders.items() if key in titled}


_PLURAL_OR_NAME = re.compile(r"s\b|\s+[A-Z]")


def _definite_roles(
    text: str, mentions: tuple[Mention, ...], demonyms: list[tuple[str, Span]], titles: list[re.Match[str]]
) -> list[Mention]:
    """'the crown prince said', 'the Saudi foreign minister': the one person the article names with that
    role (and state, when one is given) elsewhere."""
    people = [m for m in mentions if m.entity.kind == "person" and m.role]
    found = []
    for title in titles:
        role = canonical_role(title.group())
        lead = text[max(0, title.start() - 30) : title.start()]
        definite = re.search(r"\b[Tt]he\s+(?:(?P<adjective>[A-Z][\w’'-]+)\s+)?$", lead)
        if not definite or role == "military officer" or _PLURAL_OR_NAME.match(text, title.end()):
            continue  # plural, or a name follows: not a reference to someone named before
        state = next((key for key, span in demonyms if span.end == title.start() - 1), None)
        holders = {
            m.entity.key: m for m in people if m.role == role and (state is None or m.represents == state)
        }
        if len(holders) > 1:
            holders = _titled_so(text, holders, people, title.group())
        if len(holders) == 1:
            (holder,) = holders.values()
            found.append(Mention(holder.entity, Span(title.start(), title.end()), role, holder.represents))
    return found


def _start(mention: Mention) -> int:
    return mention.span.start


def _titled_strangers(
    text: str, gazetteer: Gazetteer, known: list[Mention], titles: list[re.Match[str]]
) -> list[Mention]:
    """People not in the gazetteer, found by their title: 'Gen. Abdul Karim Mahmoud Ibrahim', 'Olivér
    Várhelyi, the enlargement commissioner'."""
    found: list[Mention] = []
    taken = [mention.span for mention in known]
    starts = [title.start() for title in titles]
    matches = [
        m
        for pattern in (_TITLED_NAME, _APPOSITIVE_NAME)
        for m in (pattern.match(text, s) for s in starts)
        if m
    ]
    for pattern in _TITLE_OF_STATE_NAME:
        for start in starts:
            match = pattern.match(text, start)
            if match and any(
                gazetteer.entities[n.key].kind == "country" for n in gazetteer.lookup(match["state"])
            ):
                matches.append(match)
    if titles:
        matches.extend(_NAME_THEN_TITLE.finditer(text))
    named = [_without_courtesy_title(match.group("name"), match.start("name")) for match in matches]
    for match in matches:
        if match.re is _TITLED_NAME and match.group("title").lower().endswith("s"):
            named.extend(_coordinated_names(text, match.end("name")))
    for name, span in named:
        if any(span.start < other.end and other.start < span.end for other in taken):
            continue
        if gazetteer.lookup(name) or _looks_like_place_or_body(name) or _NOT_A_NAME.match(name):
            continue
        found.append(Mention(Entity(key=slugify(name), kind="person", label=name), span))
        taken.append(span)
    return found


# The one name word after a title ("President Marcos met"; not "President Marcos Jr." or "Xi Jinping").
_ONE_NAME_AFTER_TITLE = re.compile(r"[^\S\n]+(?P<name>[A-Z][a-z][\w-]*)(?![\w-]|[^\S\n]+[A-Z])")
# The offices a title names: a president may be listed as the head of state or by the title itself.
_OFFICES_OF_ROLE = {"head of state": frozenset(["head of state", "president"])}


def _titled_surnames(
    text: str, gazetteer: Gazetteer, known: list[Mention], titles: list[re.Match[str]], year: int | None
) -> list[Mention]:
    """A title, or a state's possessive, and one name the gazetteer knows someone by, never given in full
    in the article: 'President Marcos' and 'President Xi' in an interview of 2024 are the only Marcos and
    Xi then in those offices, 'Singapore's Lee' the only Lee then in an office of Singapore's."""
    found: list[Mention] = []
    taken = [mention.span for mention in known]

    def take(span: Span, person: Entity | None) -> None:
        if person is not None and not any(span.start < o.end and o.start < span.end for o in taken):
            found.append(Mention(person, span))
            taken.append(span)

    for title in titles:
        after = _ONE_NAME_AFTER_TITLE.match(text, title.end())
        if after is None or title.group().endswith("s"):
            continue
        role = canonical_role(title.group())
        roles = _OFFICES_OF_ROLE.get(role, frozenset([role]))
        take(Span(title.start(), after.end("name")), gazetteer.titled_by_name(after["name"], year, roles))
    for state in [m for m in known if m.entity.kind == "country"]:
        after = _ONE_NAME_AFTER_POSSESSIVE.match(text, state.span.end)
        if after is not None:
            person = gazetteer.titled_by_name(after["name"], year, country=state.entity.key)
            take(Span(after.start("name"), after.end("name")), person)
    return found


# "Singapore's Lee told reporters": a state's one office holder of that name.
_ONE_NAME_AFTER_POSSESSIVE = re.compile(r"['’]s[^\S\n]+(?P<name>[A-Z][a-z][\w-]*)(?![\w-]|[^\S\n]+[A-Z])")


# "Deputy Prime Ministers Shahin Mustafayev and Mher Grigoryan": a plural title names all listed after it.
_NEXT_NAME = re.compile(r"(?:,[^\S\n]+|,?[^\S\n]+and[^\S\n]+)(?P<name>" + _NAME + ")")


def _coordinated_names(text: str, position: int) -> list[tuple[str, Span]]:
    """The names that follow a plural title's first name, joined by commas and 'and'."""
    found = []
    while (match := _NEXT_NAME.match(text, position)) is not None:
        found.append((match.group("name"), Span(match.start("name"), match.end("name"))))
        position = match.end()
    return found


# "The President of the ECOWAS Commission, Dr Omar Alieu Touray": a courtesy title is no part of the name.
_COURTESY_TITLE = re.compile(r"(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame)\.?[^\S\n]+(?=[A-Z])")


def _without_courtesy_title(name: str, start: int) -> tuple[str, Span]:
    courtesy = _COURTESY_TITLE.match(name)
    if courtesy and len(name[courtesy.end() :].split()) >= 2:
        name, start = name[courtesy.end() :], start + courtesy.end()
    return name, Span(start, start + len(name))


# "HRH Crown Prince Holds Official Talks with President Xi": in a headline's capitals, the verb after a title.
_NOT_A_NAME = re.compile(
    r"(?:The|A|An|In|On|At|But|And|Its|His|Her|Their|This|That|"
    r"Holds|Meets|Receives|Hosts|Visits|Says|Signs|Calls|Urges|Warns|Welcomes|Arrives|Discusses|Heads|Pays|"
    r"Tells|Rejects|Backs|Vows|Seeks|Offers|Invites|Leaves|Travels|Attends|Chairs|Opens|Ends|Begins)\b"
)


def _looks_like_place_or_body(name: str) -> bool:
    """'Ministry', 'Council' …: a body; 'Miraflores Palace', 'Rashtrapati Bhavan', 'ITC Maurya Hotel': a
    building where people meet, never one of them; 'Foreign Affairs' (of 'the Minister of Foreign Affairs,
    …'): a portfolio."""
    return bool(
        re.search(
            r"\b(?:Ministry|Council|Office|Forces|Army|Agency|Committee|Union|House|Department|Palace|Hotel|Hall|"
            r"Castle|Building|Residence|Square|Airport|Centre|Center|Cathedral|Basilica|Embassy|Stadium|Bhavan|"
            r"Affairs)\b",
            name,
        )
    )


_HONORIFICS = frozenset(["sheikh", "prince", "princess", "queen", "sultan", "mr", "mrs", "ms", "dr", "sir"])
_NOT_NAMES_BEFORE = _TITLE_FIRST_WORDS | _HONORIFICS


# The head noun a body's name ends with, by which the article may call it later.
_BODY_HEAD = re.compile(r"\s(?P<head>Forum|Council|Commission|Community|Organi[sz]ation|Conference)$")


def _short_body_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """'the 52nd Pacific Islands Forum Leaders Meeting' … 'Tonga will host next year's Forum leaders
    meeting': a body named in full once is later called by its head noun alone, when the article names no
    other body with the same head."""
    heads: dict[str, set[Entity]] = {}
    for mention in mentions:
        named = _BODY_HEAD.search(mention.entity.label) if mention.entity.kind == "organization" else None
        if named:
            heads.setdefault(named.group("head"), set()).add(mention.entity)
    found = []
    taken = [m.span for m in mentions]
    for head, bodies in heads.items():
        if len(bodies) != 1:
            continue
        (body,) = bodies
        first = min(m.span.start for m in mentions if m.entity == body)
        for match in re.finditer(rf"(?<![\w’'-]){head}\b(?!\s+(?-i:[A-Z])|\s+of\b)", text):
            span = Span(match.start(), match.end())
            if (
                span.start > first
                and not any(t.start <= span.start < t.end for t in taken)
                and not re.search(r"[A-Z][\w’'-]*\s$", text[max(0, span.start - 30) : span.start])
            ):
                found.append(Mention(body, span))  # not "Pacific Islands Forum": its full name
    return found


def _add_surname_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person named in full once may be called by one name later ('Ibrahim', 'Wang'): resolve those
    short forms within the article, unless two people of the article share them."""
    owners: dict[str, set[str]] = {}
    people: dict[str, Entity] = {}
    own_tokens: dict[str, set[str]] = {}
    for mention in mentions:
        entity = mention.entity
        if entity.kind != "person":
            continue
        tokens = [t for t in re.split(r"\s+", mention.span.of(text)) if len(t) >= 2 and t[0].isupper()]
        if len(tokens) < 2:
            continue
        # A title or honorific inside an alias ("President Xi", "Sheikh Tamim") is nobody's short name.
        tokens = [t for t in tokens if t.lower().rstrip(".") not in _TITLE_FIRST_WORDS | _HONORIFICS]
        people[entity.key] = entity
        # Family names come last in most languages and first in others ("Wang Yi", "Kim Jong Un",
        # "Yoon Suk Yeol"), so every part may be used alone; parts two people share are left out.
        short_forms = set(tokens)
        own_tokens.setdefault(entity.key, set()).update(short_forms)
        for token in short_forms:
            owners.setdefault(token, set()).add(entity.key)
    result = list(mentions)
    taken = [m.span for m in mentions]
    unique = {token: people[next(iter(keys))] for token, keys in owners.items() if len(keys) == 1}
    if not unique:
        return result
    for span in _short_names(text, unique):
        token = span.of(text)
        if _inside_longer_name(text, span, own_tokens[unique[token].key]):
            continue  # "Mullah Abdul Ghani Baradar" is not Ashraf Ghani, "Lee Jae Myung" not Lee Myung-bak
        if not any(span.start < other.end and other.start < span.end for other in taken):
            result.append(Mention(unique[token], span))
            taken.append(span)
    return result


# Where a short name may start (a word not inside another word or a hyphenated one), and what it may not
# end before.
_WORD_START = re.compile(r"(?<![\w-])\w")
_NAME_GOES_ON = re.compile(r"[\w-]")


def _short_names(text: str, tokens: dict[str, Entity]) -> list[Span]:
    """Where the text uses one of ``tokens`` (two characters or more) as a whole word, the longest at each
    place, left to right: what an alternation of them between word boundaries finds, without compiling
    one for every article. Each token is looked for with ``str.find`` (a few names, where a walk over
    the words would stop at every one)."""
    longest: dict[int, int] = {}  # where a token stands as a whole word → the end of the longest there
    for token in tokens:
        start = text.find(token)
        while start >= 0:
            end = start + len(token)
            if (
                end > longest.get(start, start)
                and _WORD_START.match(text, start)
                and not _NAME_GOES_ON.match(text, end)
            ):
                longest[start] = end
            start = text.find(token, start + 1)
    found: list[Span] = []
    end = 0
    for start in sorted(longest):
        if start >= end:
            end = longest[start]
            found.append(Span(start, end))
    return found


# (A possessive is no part of a name: "Singapore's Lee" is Lee.)
_NAME_BEFORE = re.compile(r"(?<![.!?:;])\s(?P<word>[A-Z][\w’'-]+)(?<!['’]s)[^\S\n]+$")
_NAME_AFTER = re.compile(r"[^\S\n]+(?P<word>(?:al-|bin\s+)?[A-Z][a-z][\w’'-]*)")


def _inside_longer_name(text: str, span: Span, own: set[str]) -> bool:
    """Whether a short name is one part of someone else's full name: a capitalised word right before it
    that is no title, no honorific and no part of the person's own name ('Mr Bhutto Zardari'), or such a
    word right after it."""
    before = _NAME_BEFORE.search(text, max(0, span.start - 30), span.start)
    word = before.group("word") if before else None
    if word and word not in own and word.lower().rstrip(".") not in _TITLE_FIRST_WORDS | _HONORIFICS:
        return True
    after = _NAME_AFTER.match(text, span.end)
    return bool(after and after.group("word") not in own)


def _with_role(
    text: str,
    mention: Mention,
    mentions: list[Mention],
    demonyms: list[tuple[str, Span]],
    gazetteer: Gazetteer,
) -> Mention:
    """Attach the role and state the surrounding words give a person (``mentions`` in text order)."""
    entity = mention.entity
    if entity.kind != "person":
        return mention
    before = text[max(0, mention.span.start - 80) : mention.span.start]
    role = None
    title_match = _TITLE_BEFORE_NAME.search(before, keyword_text(before))
    context = Span(mention.span.start, mention.span.start)
    if title_match:
        role = canonical_role(title_match.group("title"))
        if role == "military officer":
            # "Defense Minister Brig. Gen. X", "the chief of staff …, Maj. Gen. X": the office wins.
            head = before[: title_match.start()]
            office = list(re.finditer(r"(?P<title>" + _TITLE.pattern + r")", head[-70:], re.IGNORECASE))
            office = [m for m in office if canonical_role(m.group("title")) != "military officer"]
            if office and not re.search(r"[.;]\s", head[-70:][office[-1].end() :]):
                role = canonical_role(office[-1].group("title"))
        prefix_start = mention.span.start - len(before) + title_match.start()
        context = Span(_title_lead_start(text, prefix_start), mention.span.start)
    else:
        end = _NAME_TAIL.match(text, mention.span.end).end()  # type: ignore[union-attr]
        after = _TITLE_AFTER_NAME.match(text[end : end + 120])
        if after and not _APPOSITION_BREAK.search(after.group("context")):
            of_a_body = _OF_A_BODY.match(text, end + after.end())
            role = None if of_a_body else canonical_role(after.group("title"))
            context = Span(end, end + after.end())
    near = _starting_in(mentions, context)
    if _international_body_in(context, near) or _FORMER.search(text, context.start, mention.span.start):
        # "European Council President X"; "former Nigerian President Olusegun Obasanjo" speaks for no state
        return Mention(entity, mention.span, role=role, represents=None)
    represents = _state_in(context, near, demonyms, gazetteer, text) or entity.country
    represents = represents or _side_led(text, mention.span, mentions, demonyms)
    inner = _TITLE.match(mention.span.of(text))  # an alias that carries the title: "Crown Prince X"
    if role is None and inner:
        role = canonical_role(inner.group())
    if role is None and entity.wikidata:
        role = _only_role(gazetteer, entity.key)
    if role == "head of government" and _a_chancellor_of_foreign_affairs(
        text, title_match, entity, gazetteer
    ):
        role = "foreign minister"
    return Mention(entity, mention.span, role=role, represents=represents)


def _a_chancellor_of_foreign_affairs(
    text: str, title: re.Match[str] | None, entity: Entity, gazetteer: Gazetteer
) -> bool:
    """'the chancellor Alicia Bárcena': in Spanish and Portuguese usage (canciller, chanceler) the chancellor
    is the foreign minister; the offices table tells which one the person is."""
    return (
        title is not None
        and title.group("title").lower().startswith("chancellor")
        and gazetteer.roles.get(entity.key, frozenset()) >= {"foreign minister"}
        and "head of government" not in gazetteer.roles.get(entity.key, frozenset())
    )


_FORMER = re.compile(r"\b(?:former|ex-)", re.IGNORECASE)
# "on the Venezuelan side the foreign minister Carlos Faría took part", "the Bangladesh delegation was led by
# State Minister … Zaheed Farooque and the Indian side by Jal Shakti Minister Gajendra Singh Shekhawat";
# "Hani Sewilam, who headed the Egyptian delegation": whom a state's side or delegation has at its head.
# A sentence ends between the side and the name; honorifics ("H.E. Dr.") end none.
_SENTENCE_END = re.compile(r";|\b(?!(?:Dr|Prof|Mr|Mrs|Ms|Gen|Col|Lt|Maj|Sen|Rep|St)\.)\w{2,}\.\s")
# "The Sudanese delegation was headed by H.E. Dr. Mariam al-Sadiq al-Mahdi".
_SIDE_BEFORE = re.compile(
    r"\b[Tt]he\s+(?P<state>[A-Z][\w’'-]+)\s+(?:side|delegation|team)(?:\s+(?:was\s+)?(?:headed|led))?"
    r"(?:\s+by)?,?\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,6}?$"
)
_SIDE_AFTER = re.compile(
    r",?\s+(?:who\s+)?(?:headed|led|heads|leads)\s+the\s+(?P<state>[A-Z][\w’'-]+)\s+(?:side|delegation|team)\b"
)


def _side_led(text: str, span: Span, mentions: list[Mention], demonyms: list[tuple[str, Span]]) -> str | None:
    """The state whose side or delegation the words put the person at the head of, for people the gazetteer
    gives no state."""
    before = _SIDE_BEFORE.search(text, max(0, span.start - 90), span.start)
    if before and _SENTENCE_END.search(text, before.end("state"), span.start):
        before = None
    found = before or _SIDE_AFTER.match(text, span.end, span.end + 80)
    if found is None:
        return None
    at = found.start("state")
    states = [key for key, place in demonyms if place.start == at]
    states += [m.entity.key for m in mentions if m.span.start == at and m.entity.kind == "country"]
    return states[0] if states else None


# "Foreign Minister of Uzbekistan Bakhtiyor Saidov": the state may stand between the title and the name.
_TITLE_BEFORE_NAME = KeywordPattern(
    re.compile(
        r"(?<![\w-])(?P<title>" + _TITLE.pattern + r")"
        r"(?:\s+of\s+(?:the\s+)?(?:(?:(?-i:[A-Z])[\w’'-]*|of|the)\s+){1,6}?)?\s*,?\s*(?:the\s+)?$",
        re.IGNORECASE,
    ),
    _TITLE_WORDS,
)
# "Mohammed bin Salman, the Saudi crown prince", not "Lula, who held talks with Chinese President Xi".
_TITLE_AFTER_NAME = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?(?P<context>[^,.;]{0,60}?)(?P<title>"
    + _TITLE.pattern
    + r")\b(?!\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
# "Jorge Rodríguez, president of Venezuela's National Assembly": the president of a house or a court, not of
# the state.
_OF_A_BODY = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?(?:[A-Z][\w-]*\s+){0,3}?(?:Assembly|Parliament|Senate|"
    r"Congress|Duma|Chamber|Court|Bank|Party|Majlis|Knesset|Rada|Bundestag|Council\s+of\s+State)\b"
)
# "Prince Mohammed bin Salman bin Abdulaziz Al Saud, Crown Prince and Prime Minister": the rest of a long
# Arabic name the gazetteer knows by its first parts, before the title in apposition.
_NAME_TAIL = re.compile(r"(?:[^\S\n]+(?:bin|bint|ibn|Bin|Al|al)[^\S\n]+(?-i:[A-Z])[\w’'-]+)*")
_APPOSITION_BREAK = re.compile(
    r"\b(?:who|whom|whose|which|that|with|and|met|meets|held|holds|hosted|told|said|says|was|is|has|had|"
    r"will|for|to|by|at|on|in)\b",
    re.IGNORECASE,
)
# Words that may stand between a state and the title it qualifies: "Iran's military chief of staff",
# "the Assad regime's Foreign Minister"; any other lowercase word ("talks followed President") ends it.
_TITLE_LEAD_WORD = re.compile(
    r"(?:(?-i:[A-Z])[\w’'.-]*|then-?|former|foreign|defen[cs]e|top|acting|deputy|senior|interim|outgoing|"
    r"incoming|regime|military|government|of|the|and|['’]s|,)$",
    re.IGNORECASE,
)


def _title_lead_start(text: str, title_start: int) -> int:
    """Where the words qualifying a title begin: back from the title over names and a few modifiers."""
    start = title_start
    window_start = max(0, title_start - 45)
    window = text[window_start:title_start]
    window_start += max(window.rfind("\n"), window.rfind(". "), window.rfind(": ")) + 1
    for token in reversed(list(re.finditer(r"[\w’'.-]+|,|['’]s", text[window_start:title_start]))):
        if not _TITLE_LEAD_WORD.match(token.group()) or token.group().endswith("."):
            break
        start = window_start + token.start()
    return start


def _starting_in(mentions: list[Mention], span: Span) -> list[Mention]:
    """The mentions (in text order) that start inside ``span``, by binary search: every person's role looks
    at the mentions around it, and a scan of all of them per person grows with the square of their number."""
    low = bisect_left(mentions, span.start, key=_start)
    return mentions[low : bisect_left(mentions, span.end, lo=low, key=_start)]


def _international_body_in(span: Span, mentions: list[Mention]) -> bool:
    """'European Council President X', 'X, chairperson of the AU Commission': a body no state owns."""
    return any(
        span.start <= m.span.start < span.end and m.entity.kind == "organization" and not m.entity.country
        for m in mentions
    )


def _share_roles(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """'Liu Yuxi, the Chinese government's special representative … Liu met …': a person named again without
    a title keeps the role and state the article gave them first, when the gazetteer knows neither; one the
    gazetteer gives a state keeps the role ('Israeli Prime Minister Benjamin Netanyahu … Biden met
    Netanyahu': still a leader when 'the two leaders' point back)."""
    first: dict[str, Mention] = {}
    for mention in mentions:
        if mention.entity.kind == "person" and (mention.role or mention.represents):
            first.setdefault(mention.entity.key, mention)
    titled = {m.entity.key: m for m in reversed(mentions) if m.entity.kind == "person" and m.role}
    shared = []
    for mention in mentions:
        known = first.get(mention.entity.key)
        if known is not None and mention.role is None and mention.represents is None:
            mention = Mention(mention.entity, mention.span, known.role, known.represents)
        elif (
            mention.role is None
            and (earlier := titled.get(mention.entity.key)) is not None
            and earlier.span.start < mention.span.start
            and earlier.represents == mention.represents
        ):
            mention = Mention(mention.entity, mention.span, earlier.role, mention.represents)
        shared.append(mention)
    return tuple(shared)


def _only_role(gazetteer: Gazetteer, person: str) -> str | None:
    roles = gazetteer.roles.get(person, frozenset())
    return next(iter(roles)) if len(roles) == 1 else None


def _state_in(
    span: Span, mentions: list[Mention], demonyms: list[tuple[str, Span]], gazetteer: Gazetteer, text: str
) -> str | None:
    """The nearest state named inside ``span``: a demonym, a state, or a state body ('Foreign Ministry')."""
    if span.end <= span.start:
        return None
    # Only the same sentence counts: stop at the last sentence break inside the window.
    window = text[span.start : span.end]
    cut = max(window.rfind(". "), window.rfind("\n"))
    start = span.start + cut + 1 if cut >= 0 else span.start
    candidates: list[tuple[int, str]] = [(s.start, key) for key, s in demonyms if start <= s.start < span.end]
    for mention in mentions:
        if start <= mention.span.start < span.end:
            if mention.entity.kind == "country":
                candidates.append((mention.span.start, mention.entity.key))
            elif mention.entity.kind in ("organization", "city") and mention.entity.country:
                candidates.append((mention.span.start, mention.entity.country))
    return max(candidates)[1] if candidates else None


def _role_groups(
    text: str, mentions: tuple[Mention, ...], demonyms: list[tuple[str, Span]], titles: list[re.Match[str]]
) -> list[RoleGroup]:
    """Roles of unnamed people, with the states listed before ('Iranian and Syrian') or after."""
    groups: list[RoleGroup] = []
    person_spans = [m.span for m in mentions if m.entity.kind == "person"]
    for match in titles:
        span = Span(match.start(), match.end())
        if any(
            0 <= p.start - span.end < 25 and not re.search(r"[,.;]", text[span.end : p.start])
            for p in person_spans
        ):
            continue  # a named person follows ("Defense Minister Brig. Gen. X"): that person's role
        role = canonical_role(match.group())
        if role == "military officer":
            continue
        countries = _listed_before(text, span.start, mentions, demonyms) or _listed_after(
            text, span.end, mentions
        )
        if countries:
            groups.append(RoleGroup(role, countries, span))
    return groups


def _state_key(mention: Mention) -> str | None:
    if mention.entity.kind == "country":
        return mention.entity.key
    return None


def _listed_before(
    text: str, position: int, mentions: tuple[Mention, ...], demonyms: list[tuple[str, Span]]
) -> tuple[str, ...]:
    """States in a run like 'the Russian, Iranian and Syrian ' ending right before ``position``."""
    items = sorted(
        [(s, key) for key, s in demonyms] + [(m.span, k) for m in mentions if (k := _state_key(m))],
        key=lambda item: item[0].start,
        reverse=True,
    )
    found: list[str] = []
    cursor = position
    for span, key in items:
        if span.end > cursor:
            continue
        gap = text[span.end : cursor]
        if not re.fullmatch(
            r"(?:['’]s)?\s*(?:,\s*|\s+and\s+|,\s+and\s+)?" if found else r"(?:['’]s)?\s*", gap
        ):
            break
        found.append(key)
        cursor = span.start
    return tuple(dict.fromkeys(reversed(found)))


_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")


def _listed_after(text: str, position: int, mentions: tuple[Mention, ...]) -> tuple[str, ...]:
    """States in a run like ' of Russia, Iran and Syria' starting right after ``position``."""
    lead = _OF_THE.match(text, position)
    if not lead:
        return ()
    cursor = lead.end()
    found: list[str] = []
    for mention in sorted(mentions, key=_start):
        if mention.span.start < cursor:
            continue
        key = _state_key(mention)
        gap = text[cursor : mention.span.start]
        # "of the Russian Federation, the People's Republic of China and the Republic of Uzbekistan"
        if key is None or not re.fullmatch(
            r"(?:,\s*|\s+and\s+|,\s+and\s+)?(?:the\s+)?" if found else r"", gap
        ):
            break
        found.append(key)
        cursor = mention.span.end
    return tuple(dict.fromkeys(found))
