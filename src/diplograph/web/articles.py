"""The article and position views: the stored text with what was read from it highlighted by offsets.

Offsets are Python string indices into ``dg:text`` (docs/model.md), so the spans are applied to the text
exactly as stored; names of the entities the article's claims mention are found in it as whole words. The
queries read IRIs with the article bound; names (labels and aliases) come from the entity index.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from diplograph.graph.namespaces import DG
from diplograph.store.boilerplate import BoilerplateShelf
from diplograph.web.marks import Span, find_mentions, highlight, paragraph_around
from diplograph.web.resources import ResourceReader, ResourceView
from diplograph.web.terms import TermView

#: The evidence spans of the article with the claims resting on them.
CLAIMS = """
SELECT DISTINCT ?resource ?claim ?kind ?property ?start ?end ?meeting WHERE {
  ?evidence oa:hasSource ?resource ; oa:hasSelector ?selector .
  ?selector oa:start ?start ; oa:end ?end .
  ?claim ?property ?evidence . FILTER(?property IN (dg:evidence, dg:quoteEvidence))
  ?claim a ?kind . FILTER(?kind IN (dg:MeetingReport, dg:Position))
  OPTIONAL { ?claim dg:reportOf ?meeting }
}
"""

#: The people, states, bodies and places the article's claims involve (named from the entity index).
MENTIONS = """
SELECT DISTINCT ?resource ?entity WHERE {
  ?claim dg:source ?resource .
  ?claim (dg:participation/dg:participant|dg:participation/dg:represents|dg:holder|dg:place) ?entity .
}
"""

#: The position's article text and the offsets of its quote and of its sentence (each end an OPTIONAL of
#: its own: Oxigraph plans a longer OPTIONAL apart from the bound position, scanning every selector).
POSITION_SPANS = """
SELECT ?resource ?article ?text ?quoteStart ?quoteEnd ?sentenceStart ?sentenceEnd WHERE {
  ?resource dg:source ?article . ?article dg:text ?text .
  OPTIONAL { ?resource dg:quoteEvidence/oa:hasSelector ?quote . ?quote oa:start ?quoteStart
             OPTIONAL { ?quote oa:end ?quoteEnd } }
  OPTIONAL { ?resource dg:evidence/oa:hasSelector ?sentence . ?sentence oa:start ?sentenceStart
             OPTIONAL { ?sentence oa:end ?sentenceEnd } }
}
"""


@dataclass(frozen=True)
class Claim:
    """A meeting report or a position read from the article, and the anchor of its span in the text."""

    claim: TermView
    kind: str
    anchor: str
    start: int
    meeting: TermView | None = None


@dataclass
class ArticleView:
    base: ResourceView
    text: Markup
    meetings: list[Claim] = field(default_factory=list)
    positions: list[Claim] = field(default_factory=list)
    mentioned: list[TermView] = field(default_factory=list)
    dropped: tuple[str, ...] = ()


@dataclass
class PositionView:
    base: ResourceView
    paragraph: Markup | None


def read_article(reader: ResourceReader, base: ResourceView) -> ArticleView:
    """The article's text with every claim's span and every mention marked, and the claims listed."""
    text_view = base.first(str(DG.text))
    text = text_view.text if text_view is not None else ""
    spans: list[Span] = []
    claims: dict[str, Claim] = {}
    for row in reader.run(CLAIMS, base.iri):
        start, end = int(row["start"].value), int(row["end"].value)
        kind = "meeting" if row["kind"].value == str(DG.MeetingReport) else "position"
        if row["property"].value == str(DG.quoteEvidence):
            kind = "quote"
        anchor = f"span-{start}-{end}"
        claim = reader.named(row["claim"])
        meeting = reader.maybe_named(row["meeting"])
        spans.append(Span(start, end, kind, claim.text, anchor=anchor))
        if kind != "quote":
            claims.setdefault(claim.value + kind, Claim(claim, kind, anchor, start, meeting))
    names: dict[str, tuple[str, str]] = {}
    mentioned: list[TermView] = []
    for row in reader.run(MENTIONS, base.iri):
        entity = reader.named(row["entity"])
        if reader.known.labels.get(entity.value):
            mentioned.append(entity)
        if entity.href:
            for name in reader.known.names_and_aliases(entity.value):
                names[name.value] = (entity.text, entity.href)
    spans += find_mentions(text, names)
    ordered = sorted(claims.values(), key=lambda claim: (claim.start, claim.claim.text))
    return ArticleView(
        base=base,
        text=highlight(text, spans),
        meetings=[claim for claim in ordered if claim.kind == "meeting"],
        positions=[claim for claim in ordered if claim.kind == "position"],
        mentioned=sorted(mentioned, key=lambda view: view.text),
        dropped=dropped_boilerplate(reader, base),
    )


def dropped_boilerplate(reader: ResourceReader, base: ResourceView) -> tuple[str, ...]:
    """The lines the cleaner set aside, from beside an on-disk store (a remote engine has none)."""
    digest, folder = base.first(str(DG.sourceDigest)), getattr(reader.store, "path", None)
    if digest is None or folder is None:
        return ()
    return BoilerplateShelf(folder).get(digest.text) or ()


def read_position(reader: ResourceReader, base: ResourceView) -> PositionView:
    """The position with its quote shown inside its paragraph (the sentence and the exact words marked)."""
    for row in reader.run(POSITION_SPANS, base.iri):
        text = row["text"].value
        spans = []
        for kind, start, end in (
            ("position", row["sentenceStart"], row["sentenceEnd"]),
            ("quote", row["quoteStart"], row["quoteEnd"]),
        ):
            if start is not None and end is not None:
                spans.append(Span(int(start.value), int(end.value), kind))
        if not spans:
            continue
        paragraph, offset = paragraph_around(
            text, min(span.start for span in spans), max(s.end for s in spans)
        )
        shifted = [Span(span.start - offset, span.end - offset, span.kind) for span in spans]
        return PositionView(base=base, paragraph=highlight(paragraph, shifted))
    return PositionView(base=base, paragraph=None)
