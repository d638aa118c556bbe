"""``policykg validate``: the SHACL shapes of the contract run on the RDF view (pyshacl).

The shapes (``shapes.ttl``, shipped with the package) check what the
contract promises integrators: names in Chinese, dates as ``xsd:date``,
years as ``xsd:gYear``, every measure in one plan, every target set by a
plan or measure, and every link with its evidence sentence and source
document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from rdflib import Graph
from rdflib.namespace import SH

from graph.rdf.namespace import bind_prefixes


@cache
def shapes_text() -> str:
    return resources.files("graph.rdf").joinpath("shapes.ttl").read_text(encoding="utf-8")


def shapes_graph() -> Graph:
    return Graph().parse(data=shapes_text(), format="turtle")


@dataclass
class Violation:
    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str
    shape: str

    def line(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" = {self.value}" if self.value is not None else ""
        return f"{self.severity}: <{self.focus}>{where}{value}: {self.message}"


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0

    def summary(self) -> str:
        if self.conforms:
            return f"conforms: {self.triples} triples, no violation of the contract's shapes"
        lines = [f"{len(self.violations)} violation(s) of the contract's shapes in {self.triples} triples:"]
        return "\n".join(lines + [v.line() for v in self.violations])


def validate(data: Graph) -> ValidationReport:
    """Run the contract's shapes on ``data`` (an RDF view) and list what violates them."""
    import pyshacl

    conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes_graph(), inference="none",
                                               advanced=True, allow_warnings=True)
    bind_prefixes(report)
    violations = []
    for result in report.subjects(SH.resultSeverity, None):
        def one(predicate, result=result):
            value = report.value(result, predicate)
            return None if value is None else value

        path = one(SH.resultPath)
        value = one(SH.value)
        violations.append(Violation(
            focus=str(one(SH.focusNode)),
            path=_short(report, path),
            value=None if value is None else _short(report, value),
            message=str(one(SH.resultMessage) or "violates " + str(one(SH.sourceConstraintComponent))),
            severity=str(one(SH.resultSeverity)).rsplit("#", 1)[-1],
            shape=str(one(SH.sourceShape)),
        ))
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(bool(conforms), violations, len(data))


def _short(graph: Graph, term) -> str:
    try:
        return term.n3(graph.namespace_manager)
    except Exception:  # a path expression (blank node) has no short form
        return str(term)
