"""Reading graph files back (any format govkg writes, or a folder of them)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import GovkgError
from kg.rdf.serialize import FORMATS

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def graph_files(path: Path) -> list[Path]:
    if not path.exists():
        raise GovkgError(f"{path}: no such file or folder")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in FORMATS)
        if not files:
            raise GovkgError(f"{path}: folder holds no graph files ({' '.join(sorted(FORMATS))})")
        return files
    if path.suffix.lower() not in FORMATS:
        raise GovkgError(f"{path}: unknown graph format {path.suffix or '(none)'}")
    return [path]


def read_quads(path: Path) -> list[pyoxigraph.Quad]:
    """All quads of a file or folder, parsed with pyoxigraph (fast)."""
    quads: list[pyoxigraph.Quad] = []
    for file in graph_files(path):
        try:
            quads.extend(pyoxigraph.parse(path=str(file), format=FORMATS[file.suffix.lower()]))
        except (SyntaxError, ValueError, OSError) as exc:
            raise GovkgError(f"{file}: cannot be parsed: {exc}") from None
    return quads


def to_rdflib(quads: list[pyoxigraph.Quad]) -> Dataset:
    dataset = Dataset()
    graphs: dict[str, object] = {}
    for quad in quads:
        name = quad.graph_name
        key = "" if isinstance(name, pyoxigraph.DefaultGraph) else name.value
        graph = graphs.get(key)
        if graph is None:
            graph = dataset.graph(URIRef(key) if key else DATASET_DEFAULT_GRAPH_ID)
            graphs[key] = graph
        graph.add((_term(quad.subject), _term(quad.predicate), _term(quad.object)))
    return dataset


def _term(node: object) -> URIRef | BNode | Literal:
    if isinstance(node, pyoxigraph.NamedNode):
        return URIRef(node.value)
    if isinstance(node, pyoxigraph.BlankNode):
        return BNode(node.value)
    if isinstance(node, pyoxigraph.Literal):
        if node.language:
            return Literal(node.value, lang=node.language)
        if node.datatype.value == _XSD_STRING:
            return Literal(node.value)  # rdflib tells a plain literal from an explicit xsd:string
        return Literal(node.value, datatype=URIRef(node.datatype.value))
    raise GovkgError(f"unsupported RDF term {node!r}")
