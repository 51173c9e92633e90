"""The SPARQL behind the index pages: one page of items per query, sorted in the engine, named in one pass.

Each listing selects one page of item IRIs in a subquery (sorted, ``LIMIT``/``OFFSET``), then gathers the
columns of just those items; the filters of the meeting index are fixed clauses whose values are bound by
substitution. ``LIMIT`` and ``OFFSET`` are integers computed here, never request text.
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE_SIZE = 50

#: English (or untagged) label first, any label otherwise: ``?name`` of ``?item``.
NAME = """
  OPTIONAL { ?item rdfs:label|dcterms:title ?nameEn
             FILTER(LANGMATCHES(LANG(?nameEn), "en") || LANG(?nameEn) = "") }
  OPTIONAL { ?item rdfs:label|dcterms:title ?nameAny }
"""
NAME_COLUMN = "(COALESCE(SAMPLE(?nameEn), SAMPLE(?nameAny)) AS ?name)"


@dataclass(frozen=True)
class Listing:
    """One index page: its title, the class it lists, and how it sorts and describes each item."""

    name: str
    title: str
    class_name: str
    sort_key: str  # a SPARQL expression over ?item (and ?sortValue, bound by ``sort_pattern``)
    sort_pattern: str
    descending: bool
    columns: str  # extra aggregate columns of the outer query
    patterns: str  # OPTIONAL patterns feeding those columns
    headings: tuple[str, ...]

    def count_query(self) -> str:
        return "SELECT ?class (COUNT(DISTINCT ?item) AS ?total) WHERE { ?item a ?class } GROUP BY ?class"

    def page_query(self, page: int) -> str:
        order = "DESC(?sortKey)" if self.descending else "?sortKey"
        return f"""
SELECT ?class ?item ?sortKey {NAME_COLUMN} {self.columns} WHERE {{
  {{ SELECT ?class ?item (MIN({self.sort_key}) AS ?sortKey) WHERE {{
       ?item a ?class . {self.sort_pattern}
     }} GROUP BY ?class ?item ORDER BY {order} ?item LIMIT {PAGE_SIZE} OFFSET {(page - 1) * PAGE_SIZE} }}
  {NAME}
  {self.patterns}
}} GROUP BY ?class ?item ?sortKey ORDER BY {order} ?item
"""


BY_NAME = "LCASE(STR(COALESCE(?sortValue, STR(?item))))"
LABEL_SORT = "OPTIONAL { ?item rdfs:label ?sortValue }"
AGENT_COLUMNS = "(COUNT(DISTINCT ?meeting) AS ?meetings) (SAMPLE(?sameAs) AS ?wikidata)"
AGENT_PATTERNS = """
  OPTIONAL { ?meeting dg:participant ?item }
  OPTIONAL { ?item owl:sameAs ?sameAs }
"""

LISTINGS: dict[str, Listing] = {
    "people": Listing(
        "people",
        "People",
        "Person",
        BY_NAME,
        LABEL_SORT,
        False,
        AGENT_COLUMNS + " (SAMPLE(?state) AS ?serves) (SAMPLE(?stateName) AS ?servesName)",
        AGENT_PATTERNS + "OPTIONAL { ?item dg:represents ?state } OPTIONAL { ?state rdfs:label ?stateName }",
        ("Name", "Serves", "Meetings", "Wikidata"),
    ),
    "states": Listing(
        "states",
        "States",
        "State",
        BY_NAME,
        LABEL_SORT,
        False,
        AGENT_COLUMNS,
        AGENT_PATTERNS,
        ("Name", "Meetings", "Wikidata"),
    ),
    "organizations": Listing(
        "organizations",
        "Organizations",
        "Organization",
        BY_NAME,
        LABEL_SORT,
        False,
        AGENT_COLUMNS,
        AGENT_PATTERNS,
        ("Name", "Meetings", "Wikidata"),
    ),
    "articles": Listing(
        "articles",
        "Articles",
        "Article",
        'COALESCE(STR(?sortValue), "")',
        "OPTIONAL { ?item dcterms:issued ?sortValue }",
        True,
        "(SAMPLE(?publisherName) AS ?publisher) (COUNT(DISTINCT ?report) AS ?reports)"
        " (COUNT(DISTINCT ?position) AS ?positions)",
        """OPTIONAL { ?item dcterms:publisher/rdfs:label ?publisherName }
  OPTIONAL { ?report a dg:MeetingReport ; dg:source ?item }
  OPTIONAL { ?position a dg:Position ; dg:source ?item }""",
        ("Title", "Published", "Publisher", "Meetings", "Positions"),
    ),
    "positions": Listing(
        "positions",
        "Positions",
        "Position",
        'COALESCE(STR(?sortValue), "")',
        "OPTIONAL { ?item dg:date ?sortValue }",
        True,
        "(SAMPLE(?holder) AS ?holderIri) (SAMPLE(?holderLabel) AS ?holderName)"
        " (SAMPLE(?stance) AS ?stanceIri)"
        " (SAMPLE(?topic) AS ?topicText)",
        """OPTIONAL { ?item dg:holder ?holder } OPTIONAL { ?holder rdfs:label ?holderLabel }
  OPTIONAL { ?item dg:stance ?stance }
  OPTIONAL { ?item dg:topic ?topic }""",
        ("Position", "Date", "Holder", "Stance", "Topic"),
    ),
}

#: Meeting filters: each adds one fixed clause, its value bound to the named variable by substitution.
MEETING_FILTERS = {
    "year": "?meeting dg:date ?anyDate . FILTER(STRSTARTS(STR(?anyDate), ?year))",
    "place": "?meeting dg:place ?place .",
    "status": "?meeting dg:status ?status .",
    "participant": "{ ?meeting dg:participant ?participant } "
    "UNION { ?meeting dg:hasReport/dg:participation/dg:represents ?participant }",
}


def meeting_queries(active: list[str], page: int) -> tuple[str, str]:
    """The count and page queries of the meeting index under the active filters (newest first)."""
    bound = " ".join(f"?{name}" for name in active)
    clauses = "\n  ".join(MEETING_FILTERS[name] for name in active)
    grouping = f"GROUP BY {bound}" if bound else ""
    count = (
        f"SELECT {bound} (COUNT(DISTINCT ?meeting) AS ?total) "
        f"WHERE {{ ?meeting a dg:Meeting . {clauses} }} {grouping}"
    )
    rows = f"""
SELECT {bound} ?meeting ?date ?label ?statusIri ?statusLabel ?placeIri ?placeLabel WHERE {{
  {{ SELECT DISTINCT {bound} ?meeting ?date WHERE {{
       ?meeting a dg:Meeting . OPTIONAL {{ ?meeting dg:date ?date }}
       {clauses}
     }} ORDER BY DESC(STR(?date)) ?meeting LIMIT {PAGE_SIZE} OFFSET {(page - 1) * PAGE_SIZE} }}
  OPTIONAL {{ ?meeting rdfs:label ?label }}
  OPTIONAL {{ ?meeting dg:status ?statusIri }} OPTIONAL {{ ?statusIri rdfs:label ?statusLabel }}
  OPTIONAL {{ ?meeting dg:place ?placeIri }} OPTIONAL {{ ?placeIri rdfs:label ?placeLabel }}
}} ORDER BY DESC(STR(?date)) ?meeting
"""
    return count, rows


MEETING_YEARS = """
SELECT DISTINCT (SUBSTR(STR(?date), 1, 4) AS ?year) WHERE { ?meeting a dg:Meeting ; dg:date ?date }
ORDER BY DESC(?year)
"""
MEETING_PLACES = """
SELECT ?place (SAMPLE(?label) AS ?name) (COUNT(DISTINCT ?meeting) AS ?meetings) WHERE {
  ?meeting a dg:Meeting ; dg:place ?place . OPTIONAL { ?place rdfs:label ?label }
} GROUP BY ?place ORDER BY ?name LIMIT 300
"""
MEETING_PARTICIPANTS = """
SELECT ?agent (SAMPLE(?label) AS ?name) (COUNT(DISTINCT ?meeting) AS ?meetings) WHERE {
  ?meeting a dg:Meeting ; dg:participant ?agent . OPTIONAL { ?agent rdfs:label ?label }
} GROUP BY ?agent ORDER BY DESC(?meetings) ?name LIMIT 300
"""
STATUSES = """
SELECT DISTINCT ?status ?label WHERE { ?status a dg:MeetingStatus OPTIONAL { ?status rdfs:label ?label } }
ORDER BY ?status
"""
