"""SHACL validation of a built graph against ``ontology/shapes.ttl``.

Each report's named graph is validated on its own (shapes speak of one
report), and the results are summarised per shape with a few examples.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph
from pyshacl import validate as shacl_validate
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from kg.rdf.load import read_quads, to_rdflib

SH = Namespace("http://www.w3.org/ns/shacl#")


def shapes_path() -> Path:
    """The shapes file: the repository's ``ontology/`` or the copy installed with the package."""
    repo = Path(__file__).resolve().parent.parent / "ontology" / "shapes.ttl"
    if repo.is_file():
        return repo
    return Path(str(resources.files("kg") / "ontology" / "shapes.ttl"))


@dataclass
class Violation:
    shape: str
    focus: str
    path: str
    message: str
    severity: str


@dataclass
class ValidationReport:
    graphs: int = 0
    triples: int = 0
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not any(v.severity == "Violation" for v in self.violations)

    def lines(self, examples: int = 3) -> list[str]:
        head = "conforms" if self.conforms else f"{len(self.violations)} results"
        lines = [f"{head}: {self.graphs} graph(s), {self.triples} triples checked against {shapes_path().name}"]
        by_shape: dict[tuple[str, str, str], list[Violation]] = defaultdict(list)
        for violation in self.violations:
            by_shape[(violation.severity, violation.shape, violation.path)].append(violation)
        for (severity, shape, path), items in sorted(by_shape.items()):
            lines.append(f"{severity}: {shape} {path}: {len(items)} node(s)")
            for item in items[:examples]:
                lines.append(f"    {item.focus}: {item.message}")
        return lines


def validate_file(path: Path, shapes: Path | None = None) -> ValidationReport:
    quads = read_quads(path)
    return validate_quads(quads, shapes)


def validate_quads(quads: list[pyoxigraph.Quad], shapes: Path | None = None) -> ValidationReport:
    shapes_graph = Graph().parse(shapes or shapes_path(), format="turtle")
    report = ValidationReport(triples=len(quads))
    owners = {ps: ns for ns, ps in shapes_graph.subject_objects(SH.property)}
    by_graph: dict[str, list[pyoxigraph.Quad]] = defaultdict(list)
    for quad in quads:
        by_graph[str(quad.graph_name)].append(quad)
    for name in sorted(by_graph):
        dataset = to_rdflib(by_graph[name])
        data = Graph()
        for subject, predicate, obj, _graph in dataset.quads((None, None, None, None)):
            data.add((subject, predicate, obj))  # named-graph quads too, not just the default graph
        report.graphs += 1
        report.violations.extend(_check(data, shapes_graph, owners))
    return report


def _check(data: Graph, shapes: Graph, owners: dict) -> list[Violation]:
    conforms, results, _ = shacl_validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    if conforms:
        return []
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        violations.append(
            Violation(
                shape=_short(owners.get(results.value(result, SH.sourceShape), results.value(result, SH.sourceShape))),
                focus=str(results.value(result, SH.focusNode)),
                path=_short(results.value(result, SH.resultPath)),
                message=str(results.value(result, SH.resultMessage) or ""),
                severity=_short(results.value(result, SH.resultSeverity)),
            )
        )
    return sorted(violations, key=lambda v: (v.shape, v.path, v.focus))


def _short(node: object) -> str:
    if node is None:
        return ""
    text = str(node)
    if isinstance(node, URIRef):
        for sep in ("#", "/"):
            if sep in text:
                return text.rsplit(sep, 1)[1]
    return text if len(text) < 40 else "(anonymous shape)"
