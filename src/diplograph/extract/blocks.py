"""Passages that are an actor's words by the layout of the page, not by a reporting verb.

  a transcript       "Mao Ning: China and Pakistan are all-weather strategic cooperative partners. …"
  an interview       "Q: Will Iran talk to Washington?" and then "A: …" (or "Araghchi: …") under it
  an embedded post   "Donald J. Trump (@realDonaldTrump)" on a line and the post's words on the next, or
                     the words and then "— Donald J. Trump (@realDonaldTrump) August 21, 2019"
  an introduced text "Here is how X explained it:" and then a paragraph without quote marks

and where the article ends: a "Comments" heading starts the readers' words, which are no part of it (nor
are their quotes of anybody positions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.extract.entities import Recognised
from diplograph.extract.model import Entity, Span
from diplograph.extract.quotes import is_heading
from diplograph.extract.text import paragraphs
from diplograph.graph.uris import slugify

# "Comments", "Comments (3)", "Reader comments", "Comentarios": the heading of the readers' section.
_COMMENTS = re.compile(
    r"^[^\S\n]*(?:reader\s+|readers['’]?\s+|user\s+)?(?:comments?|comentarios|commentaires|kommentare)"
    r"[^\S\n]*(?:\(\s*[\d.,]+\s*\))?[^\S\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_BLOCK_INTRO = re.compile(r"\b(?:[Hh]ere\s+is\s+(?:how|what)|as\s+follows)\b")
# "Mao Ning: …" at the start of a line; a speaker's label is a name of a few capitalised words.
_LABEL = re.compile(
    r"^[^\S\n]*(?P<label>[A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){0,3}):[^\S\n]+(?=\S)", re.MULTILINE
)
# An interview's question and its unnamed answer: "Q: Will Iran …?", "A: We will not …".
_QUESTION = re.compile(r"^[^\S\n]*(?:Q|Question|Interviewer):[^\S\n]+(?=\S)", re.MULTILINE)
_ANSWER = re.compile(r"^[^\S\n]*(?:A|Answer):[^\S\n]+(?=\S)", re.MULTILINE)
# "Donald J. Trump (@realDonaldTrump)", "Volodymyr Zelenskyy @ZelenskyyUa": who posted what follows.
_HANDLE_LINE = re.compile(
    r"(?P<name>[A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){0,4})[^\S\n]+\(?@\w{1,30}\)?[^\S\n]*$"
)


# The plain text of an embedded tweet: "Words of the post pic.twitter.com/x — Name (@handle) May 1, 2023".
_SIGNED_POST = re.compile(
    r"(?P<words>[^\n]*?\S)\s*(?:(?:pic\.twitter\.com|https?://)\S*\s*)*[—–]\s*"
    r"(?P<name>[A-Z][^()\n@—–]{1,60}?)\s*\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?\s*"
)


@dataclass(frozen=True)
class Block:
    """An actor's words set apart by the layout, and the rule that found them."""

    holder: Entity
    words: Span
    rule: str


def article_end(text: str) -> int:
    """Where the article proper ends: at the readers' comments, else at the end of the text."""
    lowered = text.lower()
    if "comment" not in lowered and "comentario" not in lowered and "kommentar" not in lowered:
        return len(text)
    match = _COMMENTS.search(text)
    return match.start() if match else len(text)


def blocks(text: str, recognised: Recognised, end: int) -> list[Block]:
    """Every transcript answer, embedded post and introduced text before ``end``, in text order."""
    found = _transcript_answers(text, recognised, end)
    posts, introduced = "@" in text, "ere is" in text or "as follows" in text
    if posts or introduced:
        lines = [p for p in paragraphs(text) if p.end <= end]
        found += _posts(text, recognised, lines) if posts else []
        found += _introduced(text, recognised, lines) if introduced else []
    return sorted(found, key=lambda block: block.words.start)


def _transcript_answers(text: str, recognised: Recognised, end: int) -> list[Block]:
    """A press-briefing transcript or an interview: each line that opens with a person's name and a colon
    is that person's answer, when the same person answers at least twice or the line answers a labelled
    question (one label alone may be a headline or a heading: "Amir-Abdollahian: relations on right
    track"). Journalists' questions are labelled with their outlets, not persons."""
    labelled: dict[str, list[tuple[Entity, Span]]] = {}
    answering: set[str] = set()
    for match in _LABEL.finditer(text, 0, end):
        label = Span(match.start("label"), match.end("label"))
        person = _person_named(recognised, label)
        if person is not None:
            answer = _line_from(text, match.end())
            labelled.setdefault(person.key, []).append((person, answer))
            if _follows_a_question(text, match.start()):
                answering.add(person.key)
    found = [
        Block(person, words, "transcript-answer")
        for key, answers in labelled.items()
        if len(answers) >= 2 or key in answering
        for person, words in answers
    ]
    return found + _unnamed_answers(text, recognised, end)


def _unnamed_answers(text: str, recognised: Recognised, end: int) -> list[Block]:
    """'Q: Is Russia ready for talks? / A: We have never refused negotiations.': in an interview written as
    questions and answers, each "A:" line answering a question is the words of the person interviewed,
    the first person named in the last paragraph before it that is neither a question nor an answer
    ("In an interview with the state broadcaster, Iranian Foreign Minister Abbas Araghchi …")."""
    if _QUESTION.search(text, 0, end) is None:
        return []
    persons = [m for m in recognised.mentions if m.entity.kind == "person"]
    lines = paragraphs(text)
    found = []
    for match in _ANSWER.finditer(text, 0, end):
        if not _follows_a_question(text, match.start()):
            continue
        intro = next(
            (
                paragraph
                for paragraph in reversed([line for line in lines if line.end <= match.start()])
                if not _LABEL.match(text, paragraph.start)
                and any(paragraph.start <= m.span.start < paragraph.end for m in persons)
            ),
            None,
        )
        if intro is not None:
            interviewee = next(m.entity for m in persons if intro.start <= m.span.start < intro.end)
            found.append(Block(interviewee, _line_from(text, match.end()), "interview-answer"))
    return found


def _line_from(text: str, start: int) -> Span:
    """The rest of the line from ``start``."""
    line_end = text.find("\n", start)
    return Span(start, len(text.rstrip()) if line_end < 0 else line_end)


def _follows_a_question(text: str, start: int) -> bool:
    """Whether the paragraph before the line at ``start`` is a labelled question ('Q: …?', 'CNN: …?')."""
    before = text[:start].rstrip()
    previous = before[before.rfind("\n") + 1 :]
    return previous.endswith("?") and bool(_LABEL.match(previous))


def _posts(text: str, recognised: Recognised, lines: list[Span]) -> list[Block]:
    """A post quoted as it appears on the page: the author's name and handle on one line and the words on
    the line right under it, or the words first and then "— Name (@handle) date", as embedded tweets read
    when a page is copied as text."""
    found = []
    for line in lines:
        signed = _SIGNED_POST.fullmatch(text, line.start, line.end)
        if signed is not None:
            name = Span(signed.start("name"), signed.end("name"))
            author = _person_named(recognised, name) or _minted(name.of(text))
            if author is not None:
                found.append(Block(author, Span(signed.start("words"), signed.end("words")), "posted"))
    for line, following in zip(lines, lines[1:], strict=False):
        match = _HANDLE_LINE.fullmatch(text, line.start, line.end)
        if match is None or text[line.end : following.start].count("\n") != 1:
            continue
        name = Span(match.start("name"), match.end("name"))
        author = _person_named(recognised, name) or _minted(name.of(text))
        if author is None or is_heading(text, following):
            continue
        found.append(Block(author, following, "posted"))
    return found


def _introduced(text: str, recognised: Recognised, lines: list[Span]) -> list[Block]:
    """'Here is how X explained …' and then a paragraph without quote marks: that paragraph is X's words."""
    found = []
    for intro, following in zip(lines, lines[1:], strict=False):
        body = intro.of(text)
        if not _BLOCK_INTRO.search(body):
            continue
        if not (is_heading(text, intro) or body.rstrip().endswith(":")) or re.search(
            r"[“\"]", following.of(text)
        ):
            continue
        speakers = [m for m in recognised.mentions if intro.start <= m.span.start < intro.end]
        persons = [m for m in speakers if m.entity.kind == "person"] or speakers
        if persons:
            found.append(Block(persons[0].entity, following, "block-quote"))
    return found


def _person_named(recognised: Recognised, label: Span) -> Entity | None:
    """The person whose name is the whole label (a title before it allowed: 'Spokesperson Mao Ning')."""
    for mention in recognised.mentions:
        if label.start <= mention.span.start and mention.span.end == label.end:
            return mention.entity if mention.entity.kind == "person" else None
    return None


def _minted(name: str) -> Entity | None:
    """A poster nobody recognised, named in full ('Rasmus Jarlov'): the slug of the name."""
    words = name.split()
    if not 2 <= len(words) <= 4 or any(w.isupper() and len(w) > 1 for w in words):
        return None
    return Entity(key=slugify(name), kind="person", label=name)
