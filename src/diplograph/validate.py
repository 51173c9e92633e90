"""Check graphs against the SHACL shapes (``shapes/``) and the ontology (``ontology/``), readably.

We run pyshacl with ``inference="none"`` and the ontology as ``ont_graph``. pyshacl copies the ontology's
class and property axioms into (a copy of) the data graph, and SHACL's own notion of instance follows
``rdfs:subClassOf`` in the data graph: so ``sh:targetClass dg:Agent`` reaches every ``dg:Person`` and
``sh:class dg:Place`` accepts a ``dg:City`` without any inference. RDFS inference would add nothing we need
and would hide mistakes: the ``rdfs:domain``/``rdfs:range`` axioms would type an untyped ``dg:source``
value as a ``dg:Article`` and so satisfy the very ``sh:class`` constraint meant to catch it (and cost time).

``pyshacl.validate`` patches rdflib for the whole process while it runs: call this at build or ingest
time, never inside a web request.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pyshacl
from rdflib import Graph, Literal, Node, URIRef
from rdflib.namespace import RDF, SH

from diplograph.config import PROJECT_ROOT
from diplograph.errors import ValidationError
from diplograph.graph.namespaces import bind_prefixes

SHAPES_PATH = PROJECT_ROOT / "shapes" / "diplograph.shacl.ttl"
ONTOLOGY_PATH = PROJECT_ROOT / "ontology" / "diplograph.ttl"


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node, which property, what is wrong, and the offending value if any."""

    focus: str
    path: str
    message: str
    severity: str
    value: str | None = None

    def line(self) -> str:
        text = f"{self.focus} — {self.path}: {self.message}"
        return f"{text} ({self.value})" if self.value is not None else text


@dataclass(frozen=True)
class Report:
    """The outcome of a validation: ``conforms`` and the violations, in a stable order."""

    conforms: bool
    violations: tuple[Violation, ...] = ()

    def text(self) -> str:
        """One line per violation: ``focus — path: message (value)``."""
        if self.conforms:
            return "The graph conforms to the Diplograph shapes."
        return "\n".join(violation.line() for violation in self.violations)


@functools.cache
def load_shapes() -> Graph:
    """The SHACL shapes graph, parsed once per process."""
    return Graph().parse(SHAPES_PATH, format="turtle")


@functools.cache
def load_ontology() -> Graph:
    """The ontology graph, parsed once per process."""
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def validate_graph(data: Graph) -> Report:
    """Validate ``data`` (left unchanged) against the shapes and the ontology."""
    conforms, results, _ = pyshacl.validate(
        data,
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference="none",
    )
    if not isinstance(results, Graph):  # pyshacl hands back its failure when the shapes themselves are broken
        raise RuntimeError(f"SHACL validation could not run: {results}")
    bind_prefixes(results)
    violations = sorted(
        (_violation(results, result) for result in results.subjects(RDF.type, SH.ValidationResult)),
        key=lambda v: (v.focus, v.path, v.message, v.value or ""),
    )
    return Report(conforms=bool(conforms), violations=tuple(violations))


def raise_for_violations(report: Report, what: str) -> None:
    """Raise ``ValidationError`` naming ``what`` (e.g. an article id) when ``report`` has violations."""
    if report.conforms:
        return
    count = len(report.violations)
    noun = "violation" if count == 1 else "violations"
    raise ValidationError(f"{what} breaks the Diplograph shapes ({count} {noun})", report=report.text())


def _violation(results: Graph, result: Node) -> Violation:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    severity = results.value(result, SH.resultSeverity)
    value = results.value(result, SH.value)
    messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    component = results.value(result, SH.sourceConstraintComponent)
    return Violation(
        focus=_show(results, focus),
        path=_show(results, path) if path is not None else "(node)",
        message=messages[0] if messages else _show(results, component),
        severity=str(severity).rpartition("#")[2],
        value=_show(results, value) if value is not None else None,
    )


def _show(graph: Graph, node: Node | None) -> str:
    """A compact form of a node: prefixed names for IRIs, short quoted text for literals."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(node)
        except ValueError:
            return f"<{node}>"
    if isinstance(node, Literal):
        text = str(node)
        return repr(text if len(text) <= 60 else text[:57] + "…")
    return node.n3(graph.namespace_manager)
