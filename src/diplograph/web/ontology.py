"""``/ontology``: the ontology document, as an HTML list of terms or as RDF (Turtle as written)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request, url_for

from diplograph.errors import NotFound
from diplograph.graph.namespaces import DG, ONTOLOGY_IRI
from diplograph.web import bindings, context, dataset
from diplograph.web.caching import watch
from diplograph.web.entities import entities, named
from diplograph.web.negotiation import GRAPH_FORMATS, HTML, Format, choose
from diplograph.web.terms import TermView, compact
from diplograph.web.versioned import per_version

blueprint = watch(Blueprint("ontology", __name__))

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
#: Properties that align a term with other vocabularies (besides rdfs:subClassOf and rdfs:subPropertyOf).
ALIGNMENT_SPACES = (OWL, "http://www.w3.org/2004/02/skos/core#")
SECTIONS = (
    (OWL + "Class", "Classes"),
    (OWL + "ObjectProperty", "Object properties"),
    (OWL + "DatatypeProperty", "Datatype properties"),
    (OWL + "NamedIndividual", "Controlled values"),
)


@dataclass
class Term:
    """One ontology term as the HTML page lists it."""

    local_name: str
    label: str = ""
    comment: str = ""
    types: list[str] = field(default_factory=list)
    related: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    alignments: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    @property
    def iri(self) -> str:
        return str(DG) + self.local_name


def ontology_file() -> Path:
    path = context().ontology_path
    if not path.is_file():
        raise NotFound("The ontology file is not available on this server.")
    return path


def read_terms(path: Path) -> tuple[dict[str, str], dict[str, list[Term]]]:
    """The ontology's own header (label, description) and its terms grouped into sections."""
    header: dict[str, str] = {}
    terms: dict[str, Term] = {}
    with path.open("rb") as source:
        triples = list(ox.parse(source, format=ox.RdfFormat.TURTLE))
    for triple in triples:
        subject, predicate, value = triple.subject, triple.predicate.value, triple.object
        if (
            isinstance(subject, ox.NamedNode)
            and subject.value == ONTOLOGY_IRI
            and isinstance(value, ox.Literal)
        ):
            header[compact(predicate)] = value.value
        if not isinstance(subject, ox.NamedNode) or not subject.value.startswith(str(DG)):
            continue
        term = terms.setdefault(subject.value, Term(subject.value[len(str(DG)) :]))
        if predicate == RDFS + "label" and isinstance(value, ox.Literal):
            term.label = value.value
        elif predicate == RDFS + "comment" and isinstance(value, ox.Literal):
            term.comment = value.value
        elif predicate == RDF_TYPE and isinstance(value, ox.NamedNode):
            term.types.append(value.value)
        elif predicate.startswith(RDFS) and isinstance(value, ox.NamedNode):
            term.related[compact(predicate)].append(compact(value.value))
        elif predicate.startswith(ALIGNMENT_SPACES) and predicate != RDF_TYPE:
            shown = compact(value.value) if isinstance(value, ox.NamedNode) else value.value
            term.alignments[compact(predicate)].append(shown)
    sections: dict[str, list[Term]] = {title: [] for _, title in SECTIONS}
    sections["Other terms"] = []
    for term in sorted(terms.values(), key=lambda item: item.local_name.lower()):
        title = next((title for kind, title in SECTIONS if kind in term.types), None)
        if title is None and any(kind.startswith(str(DG)) for kind in term.types):
            title = "Controlled values"
        sections[title or "Other terms"].append(term)
    return header, {title: items for title, items in sections.items() if items}


@blueprint.route("/ontology")
def ontology() -> Response:
    path = ontology_file()
    chosen = choose(request, (HTML, *GRAPH_FORMATS[:4]))
    if chosen is HTML:
        header, sections = read_terms(path)
        body = render_template(
            "ontology.html",
            header=header,
            sections=sections,
            iri=ONTOLOGY_IRI,
            turtle_url=url_for("ontology.ontology_turtle"),
            counts=usage_counts(),
        )
        return Response(body, content_type="text/html; charset=utf-8")
    return serve_rdf(path, chosen)


@blueprint.route("/ontology.ttl")
def ontology_turtle() -> Response:
    return serve_rdf(ontology_file(), GRAPH_FORMATS[0])


def serve_rdf(path: Path, chosen: Format) -> Response:
    """Turtle as written (with its comments); other formats converted by pyoxigraph."""
    if chosen.engine == ox.RdfFormat.TURTLE:
        body = path.read_bytes()
    else:
        with path.open("rb") as source:
            body = dataset.serialize_triples(
                [quad.triple for quad in ox.parse(source, format=ox.RdfFormat.TURTLE)], chosen
            )
    return Response(body, content_type=chosen.content_type)


PROPERTY_USES = "SELECT ?p (COUNT(*) AS ?uses) WHERE { ?s ?p ?o } GROUP BY ?p"
VALUE_USES = """
SELECT ?o (COUNT(*) AS ?uses) WHERE { ?s ?p ?o FILTER(isIRI(?o) && STRSTARTS(STR(?o), STR(dg:))) } GROUP BY ?o
"""
#: The first instances of a class in IRI order (named from the entity index).
INSTANCES = "SELECT DISTINCT ?class ?instance WHERE { ?instance a ?class } ORDER BY ?instance LIMIT 20"


def usage_counts() -> dict[str, int]:
    """How often each ontology term is used: instances of a class, triples of a property, uses of a value.

    Counting scans the store, so it is done once per store version.
    """

    def compute() -> dict[str, int]:
        store = context().store
        counts = {
            iri: count for iri, count in dataset.statistics().classes.items() if iri.startswith(str(DG))
        }
        for row in store.query(PROPERTY_USES):
            if row["p"].value.startswith(str(DG)):
                counts[row["p"].value] = int(row["uses"].value)
        for row in store.query(VALUE_USES):
            counts.setdefault(row["o"].value, int(row["uses"].value))
        return counts

    return per_version("ontology-usage", compute)


def some_instances(class_iri: str) -> list[TermView]:
    """A few instances of an ontology class, by name; once per store version and class (sorting every
    instance of a big class is not for each request)."""

    def compute() -> list[ox.NamedNode]:
        rows = bindings.query(context().store, INSTANCES, **{"class": ox.NamedNode(class_iri)})
        return [row["instance"] for row in rows if isinstance(row["instance"], ox.NamedNode)]

    known = entities()
    views = [
        named(instance, titles=True, known=known)
        for instance in per_version(f"instances:{class_iri}", compute)
    ]
    return sorted(views, key=lambda view: (known.name(view.value) is not None, view.text))


@blueprint.route("/ontology/<name>")
def term(name: str) -> Response:
    """One term: its label, comment, place in the hierarchy, alignments, how much the data uses it."""
    path = ontology_file()
    _, sections = read_terms(path)
    found = next((item for items in sections.values() for item in items if item.local_name == name), None)
    if found is None:
        raise NotFound(f"The ontology has no term {name!r}.")
    chosen = choose(request, (HTML, *GRAPH_FORMATS[:4]))
    if chosen is not HTML:
        with path.open("rb") as source:
            triples = [
                quad.triple
                for quad in ox.parse(source, format=ox.RdfFormat.TURTLE)
                if isinstance(quad.subject, ox.NamedNode) and quad.subject.value == found.iri
            ]
        return Response(dataset.serialize_triples(triples, chosen), content_type=chosen.content_type)
    instances = some_instances(found.iri) if OWL + "Class" in found.types else []
    body = render_template(
        "term.html",
        term=found,
        count=usage_counts().get(found.iri, 0),
        instances=instances,
        kind=next((title for title, items in sections.items() if found in items), "Term"),
    )
    return Response(body, content_type="text/html; charset=utf-8")
