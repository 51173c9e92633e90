"""Article → Findings: meetings, participations and positions with their evidence. Pure: no RDF, no I/O."""

from __future__ import annotations

from diplograph.articles import Article
from diplograph.extract.dates import date_mentions
from diplograph.extract.entities import recognise
from diplograph.extract.meetings import find_meetings
from diplograph.extract.model import Findings
from diplograph.extract.positions import find_positions
from diplograph.extract.text import sentences
from diplograph.link.gazetteer import Gazetteer

EXTRACTOR_VERSION = "1"


def extract(article: Article, gazetteer: Gazetteer) -> Findings:
    """Everything the article reports, each item tied to the sentences it comes from."""
    text = article.text
    spans = sentences(text)
    recognised = recognise(text, gazetteer, article.published.year if article.published else None)
    dates = date_mentions(text, article.published)
    meetings = find_meetings(text, spans, recognised, dates, gazetteer, article.published)
    positions = find_positions(text, spans, recognised, dates, article.published)
    return Findings(meetings=meetings, positions=positions, mentions=recognised.mentions)
