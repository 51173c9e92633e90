"""Plain text copied from a web page → the article's main text, plus the lines dropped as boilerplate.

Pages copied as text carry the site around the article: navigation, ads, share and donate boxes,
disclaimers, author bios, comment sections and related headlines. The rules below are phrase *families*
matched against whole short lines, never inside a long paragraph, and a few "tail" markers (a comment
section, an author bio, a wire trailer, a "most read" header) after which nothing belongs to the article,
and a box of related links ("Related coverage", "READ MORE") whose headlines are dropped up to the next
paragraph of prose: sites put such boxes inside the article as often as after it.

Kept lines are never edited inside (offsets into the cleaned text are provenance); only whitespace at line
ends and runs of blank lines are normalised, so paragraphs are separated by exactly one blank line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CLEANING_VERSION = 3
"""Bump when the rules change, so a build re-reads articles whose input did not change."""

SHORT_LINE = 160
"""Boilerplate is a short line; a body paragraph longer than this is never dropped by a phrase family."""
LONG_LINE = 320
"""Disclaimers and copyright footers run longer than other boilerplate, but not this long."""
TITLE_MAX = 150


def _pattern(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.IGNORECASE)


# Drop the line wherever it is, when it is short and not a sentence of the article.
LINE_FAMILIES: dict[str, re.Pattern[str]] = {
    "navigation": _pattern(
        r"^(back to\b.{0,40}|home|menu|main menu|skip to (main )?content|search|close|print|e-?mail|reply"
        r"|(go |back )?to top|next( article| post| story)?|previous( article| post| story)?)\W*$",
        r"^\d+\s*min(ute)?s?\s+read$",
    ),
    "advertising": _pattern(r"\badverti[sz](e|es|ing|ement|ements)\b", r"^sponsored( content)?\W*$", r"^ad$"),
    "subscription": _pattern(r"\bsubscribe\b", r"\bnewsletters?\b", r"\bsign up\b", r"\b(sign|log) in to\b"),
    "donation": _pattern(
        r"\bdonat(e|es|ion|ions)\b",
        r"\bpatreon\b",
        r"\bpaypal\b",
        r"\bsupport (us|our (work|journalism)|independent|free)\b",
        r"\bhelp us (grow|continue|keep)\b",
        r"\bbecome a (member|patron|supporter)\b",
    ),
    "sharing": _pattern(
        r"^share\b",
        r"\bshare (this|on|via)\b",
        r"\bclick here\b",
        r"\b(tweet|email|print) this\b",
        r"^like this\W*$",
    ),
    "social": _pattern(
        r"\bfollow (us|me|him|her|them)\b",
        r"\b(join|subscribe to) (us|our channel)\b",
        r"\b(telegram|facebook|twitter|instagram|youtube|whatsapp)\s+(channel|page|group)\b",
        r"^(twitter|facebook|telegram|whatsapp|linkedin|reddit|vk|pinterest|x)$",
    ),
    "post details": _pattern(r"^(posted|published|updated|last updated)( on|:)\s"),
    "cookies": _pattern(r"\bcookies?\b"),
    "related link": _pattern(r"^(related|read more|read also|also read|see also|watch|more)\s*[:»|]"),
    "source line": _pattern(
        r"^(source|via|originally published)\s*:", r"^this (article|story) (was )?(originally|first)\b"
    ),
    "icon": _pattern(r"^\w+( \w+)? icon$"),
}

# These are unambiguous even in longer lines, and even when they read as a sentence.
LONG_FAMILIES: dict[str, re.Pattern[str]] = {
    "copyright": _pattern(r"©", r"\ball rights reserved\b", r"^copyright\b", r"\(c\)\s*\d{4}"),
    "disclaimer": _pattern(
        r"\b(views|opinions)\b.{0,40}\bexpressed\b.{0,80}\b(author|writer|contributor|guest)s?\b",
        r"\bdo(es)? not necessarily (reflect|represent)\b",
    ),
}

#: A count as comment counters print it: 12, 1,204, 3.4k.
COUNT = r"\d[\d,.]*k?"

# From the first of these (once the body has begun) to the end, nothing belongs to the article.
TAIL_MARKERS: dict[str, re.Pattern[str]] = {
    "comments": _pattern(
        r"^(what do you think|notify of|inline feedbacks|leave a (reply|comment)|post a comment|add a comment"
        r"|join the (discussion|conversation)|comments are closed|be the first to comment|reader comments"
        r"|comments?( \(" + COUNT + r"\))?|" + COUNT + r" (comments?|responses?|thoughts on\b.*)"
        r"|(show|hide|view|load|read|see) (all )?(" + COUNT + r" )?comments?"
        r"|your email address will not be published)\W*$",
        r"^\d+\.\s+\S.{0,60}\s+says:?$",
    ),
    "author bio": _pattern(
        r"\bcan be reached at\b",
        r"^about the author\b",
        r"\bvisit (his|her|their|my) (blog|web ?site|site)\b",
    ),
    "wire trailer": _pattern(r"^\(?(additional )?(reporting|writing|editing|compiled|edited) by\b"),
    "more stories header": _pattern(
        r"^(read next|more (stories|on this( topic)?|news)|you (may|might) also like|recommended( for you)?"
        r"|most (read|popular|viewed)|trending( now)?|popular (posts|stories)|top stories|latest news)\W*$",
    ),
}

# A box of related links: its headlines are dropped up to the next paragraph of prose.
RELATED_BOX = _pattern(
    r"^(related( articles| stories| posts| news| coverage| content| reading)?|read (more|also)|also read"
    r"|see also)\W*$"
)
LIST_ITEM = re.compile(r"^[-–•·*]\s")

BYLINE = re.compile(
    r"^[Bb]y\s+(?P<names>[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3}(\s*(,|and|&)\s*[A-Z][\w.'’ -]+)*)$"
)
TERMINAL = re.compile(r"[.!?:;…][\"'”’)\]]*$")
WORD = re.compile(r"[^\W\d_]{3,}")


def clean_text(raw: str) -> tuple[str, tuple[str, ...]]:
    """Return the main text (headline and body paragraphs) and the boilerplate lines dropped from it."""
    lines = [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    keep = [True] * len(lines)
    body_begun = in_related_box = False
    for index, line in enumerate(lines):
        if not line:
            continue
        if body_begun and _tail_marker(line):
            keep[index:] = [False] * (len(lines) - index)
            break
        if body_begun and RELATED_BOX.match(line):
            keep[index], in_related_box = False, True
            continue
        if in_related_box and (LIST_ITEM.match(line) or not _is_prose(line)):
            keep[index] = False  # a related headline
            continue
        in_related_box = False
        if _is_boilerplate_line(line):
            keep[index] = False
        elif _is_prose(line):
            body_begun = True
    _drop_trailing_headlines(lines, keep)
    dropped = tuple(line for line, kept in zip(lines, keep, strict=True) if line and not kept)
    return _join_paragraphs(line for line, kept in zip(lines, keep, strict=True) if kept), dropped


def _tail_marker(line: str) -> str | None:
    """The name of the tail family ``line`` opens, if any."""
    if len(line) > SHORT_LINE:
        return None
    return next((name for name, pattern in TAIL_MARKERS.items() if pattern.search(line)), None)


def _is_boilerplate_line(line: str) -> bool:
    """A short line of a known boilerplate family, a byline, or a stray fragment without words."""
    if len(line) <= LONG_LINE and any(pattern.search(line) for pattern in LONG_FAMILIES.values()):
        return True
    if not WORD.search(line) or BYLINE.match(line):
        return True
    if len(line) > SHORT_LINE or _is_sentence(line):
        return False
    return any(pattern.search(line) for pattern in LINE_FAMILIES.values()) or _tail_marker(line) is not None


def _is_sentence(line: str) -> bool:
    """A line that ends like a sentence and is long enough to be one ("Share prices fell 5% on Monday.")."""
    return line.endswith((".", ".”", '."')) and len(line.split()) >= 8


def _is_prose(line: str) -> bool:
    """A body paragraph: a sentence of several words or a long line."""
    return len(line) > TITLE_MAX or (bool(TERMINAL.search(line)) and len(line.split()) >= 8)


def _drop_trailing_headlines(lines: list[str], keep: list[bool]) -> None:
    """After the last body paragraph, short lines without final punctuation are link headlines."""
    prose = [index for index, line in enumerate(lines) if keep[index] and line and _is_prose(line)]
    if not prose:
        return
    for index in range(prose[-1] + 1, len(lines)):
        line = lines[index]
        if keep[index] and line and len(line) < TITLE_MAX and not TERMINAL.search(line):
            keep[index] = False


def _join_paragraphs(lines: Iterable[str]) -> str:
    """Join kept lines; any run of blank lines becomes one blank line, none at either end."""
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def find_byline_authors(dropped: tuple[str, ...]) -> tuple[str, ...]:
    """Author names from a dropped "By Jane Doe and John Roe" line: a guess, used when nothing is known."""
    for line in dropped:
        match = BYLINE.match(line)
        if match:
            names = re.split(r"\s*(?:,|\band\b|&)\s*", match.group("names"))
            return tuple(name for name in names if name)
    return ()


def title_from_text(text: str) -> str | None:
    """The first line of the cleaned text, when it reads as a headline (short, no final period)."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    if first and len(first) < TITLE_MAX and not first.endswith("."):
        return first
    return None
