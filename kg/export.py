"""Exporting a built graph for other tools.

- ``.graphml`` / ``.gexf``: the entity network (kg.network) for Gephi, yEd or
  networkx: entity and report nodes with label/type/mentions attributes,
  relation and mentioned-in edges (GEXF also carries Gephi colours and sizes);
- ``.csv``: the same network as two files, ``OUT.nodes.csv`` and
  ``OUT.edges.csv`` (Gephi's spreadsheet import column names: Id, Label,
  Source, Target, Type, Weight), UTF-8;
- ``.jsonld``: the whole dataset as JSON-LD with an ``@context`` of the govkg
  prefixes, one ``@graph`` per report;
- ``.nq`` and the other RDF extensions (.ttl .nt .trig .rdf): the quads as they are.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad

from kg.errors import GovkgError
from kg.network import Network, network_from_quads, ontology_labels, read_graph
from kg.rdf import namespaces as ns
from kg.rdf.serialize import FORMATS, atomic_output, write_quads

NETWORK_SUFFIXES = (".graphml", ".gexf", ".csv")
EXPORT_SUFFIXES = (*NETWORK_SUFFIXES, *sorted(FORMATS))


@dataclass
class ExportSummary:
    outputs: list[Path]
    nodes: int = 0
    edges: int = 0
    quads: int = 0

    def line(self) -> str:
        files = ", ".join(str(p) for p in self.outputs)
        if self.quads:
            return f"wrote {files} ({self.quads:,} quads)"
        return f"wrote {files} ({self.nodes:,} nodes, {self.edges:,} edges)"


def export(graph: Path, output: Path) -> ExportSummary:
    """Export the graph file or folder ``graph`` to ``output`` in the format its extension names."""
    suffix = output.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise GovkgError(
            f"{output}: unknown export format {suffix or '(none)'}; use one of {' '.join(EXPORT_SUFFIXES)}"
        )
    quads = read_graph(graph)
    if suffix in NETWORK_SUFFIXES:
        network = network_from_quads(quads)
        outputs = _NETWORK_WRITERS[suffix](network, output)
        return ExportSummary(outputs, nodes=len(network.nodes), edges=len(network.edges))
    quads.sort(key=_quad_key)
    if suffix == ".jsonld":
        with atomic_output(output) as stream:
            stream.write(json.dumps(jsonld_document(quads), ensure_ascii=False, indent=1).encode("utf-8"))
        return ExportSummary([output], quads=len(quads))
    return ExportSummary([output], quads=write_quads(quads, output))


def _quad_key(quad: Quad) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


# ---------------------------------------------------------------- network formats


def to_networkx(network: Network, gephi_style: bool = False) -> nx.MultiDiGraph:
    """A MultiDiGraph (two reports may state different relations between the same pair)."""
    labels = ontology_labels()
    graph = nx.MultiDiGraph()
    for iri in sorted(network.nodes):
        node = network.nodes[iri]
        attributes: dict[str, object] = {
            "label": node.label,
            "type": node.type,
            "mentions": node.mentions,
            "reports": len(node.reports),
            "aliases": "|".join(node.aliases),
            "definition": node.definition,
            "sentence": node.sentence,
        }
        if gephi_style:
            attributes["viz"] = _gephi_look(node.type, node.mentions)
        graph.add_node(iri, **attributes)
    for number, edge in enumerate(network.edges):
        graph.add_edge(edge.source, edge.target, key=number, kind=edge.kind, label=labels.get(edge.kind, edge.kind),
                       weight=edge.count, sentence=edge.sentence)  # fmt: skip
    return graph


def write_graphml(network: Network, output: Path) -> list[Path]:
    with atomic_output(output) as stream:
        nx.write_graphml(to_networkx(network), stream, encoding="utf-8")
    return [output]


def write_gexf(network: Network, output: Path) -> list[Path]:
    buffer = io.BytesIO()
    nx.write_gexf(to_networkx(network, gephi_style=True), buffer, encoding="utf-8")
    # networkx stamps today's date; drop it so the same graph gives the same bytes.
    data = re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue(), count=1)
    with atomic_output(output) as stream:
        stream.write(data)
    return [output]


def _gephi_look(type_name: str, mentions: int) -> dict[str, object]:
    from kg.viz import PALETTE  # the page and Gephi use the same colours

    colour = PALETTE.get(type_name, "#888888")
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return {"color": {"r": red, "g": green, "b": blue, "a": 1.0}, "size": 5.0 + min(mentions, 50)}


def write_csv(network: Network, output: Path) -> list[Path]:
    """OUT.csv becomes OUT.nodes.csv and OUT.edges.csv."""
    stem = output.with_suffix("")
    nodes_path, edges_path = Path(f"{stem}.nodes.csv"), Path(f"{stem}.edges.csv")
    labels = ontology_labels()
    node_rows = [
        [n.id, n.label, n.type, n.mentions, len(n.reports), "|".join(n.aliases), n.definition, n.sentence]
        for n in (network.nodes[iri] for iri in sorted(network.nodes))
    ]
    edge_rows = [
        [e.source, e.target, "Directed", e.count, e.kind, labels.get(e.kind, e.kind), e.sentence] for e in network.edges
    ]
    _write_csv(
        nodes_path, ["Id", "Label", "type", "mentions", "reports", "aliases", "definition", "sentence"], node_rows
    )
    _write_csv(edges_path, ["Source", "Target", "Type", "Weight", "kind", "label", "sentence"], edge_rows)
    return [nodes_path, edges_path]


def _write_csv(path: Path, header: list[str], rows: Iterable[list[object]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    with atomic_output(path) as stream:
        stream.write(buffer.getvalue().encode("utf-8"))


_NETWORK_WRITERS = {".graphml": write_graphml, ".gexf": write_gexf, ".csv": write_csv}


# ---------------------------------------------------------------- JSON-LD


def jsonld_context() -> dict[str, str]:
    return dict(sorted(ns.QUERY_PREFIXES.items()))


def jsonld_document(quads: list[Quad]) -> dict[str, object]:
    """Compacted-style JSON-LD: prefixed names, one node object per subject, one @graph per named graph."""
    context = jsonld_context()
    graphs: dict[str, dict[str, dict[str, list[object]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for quad in quads:
        name = "" if isinstance(quad.graph_name, DefaultGraph) else _node_id(quad.graph_name, context)
        subject = _node_id(quad.subject, context)
        node = graphs[name][subject]
        if quad.predicate.value == ns.RDF + "type" and isinstance(quad.object, NamedNode):
            node["@type"].append(_compact(quad.object.value, context))
        else:
            node[_compact(quad.predicate.value, context)].append(_object(quad.object, context))
    top: list[object] = []
    for name in sorted(graphs):
        nodes = [_node_object(subject, graphs[name][subject]) for subject in sorted(graphs[name])]
        if name:
            top.append({"@id": name, "@graph": nodes})
        else:
            top.extend(nodes)
    return {"@context": context, "@graph": top}


def _node_object(subject: str, properties: dict[str, list[object]]) -> dict[str, object]:
    node: dict[str, object] = {"@id": subject}
    for key in sorted(properties):
        values = properties[key]
        node[key] = values[0] if len(values) == 1 else values
    return node


def _object(term: object, context: dict[str, str]) -> dict[str, str]:
    if isinstance(term, Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == ns.XSD + "string":
            return {"@value": term.value}
        return {"@value": term.value, "@type": _compact(term.datatype.value, context)}
    if isinstance(term, NamedNode | BlankNode):
        return {"@id": _node_id(term, context)}
    raise GovkgError(f"cannot write {term!r} as JSON-LD")


def _node_id(term: object, context: dict[str, str]) -> str:
    if isinstance(term, BlankNode):
        return "_:" + term.value
    if isinstance(term, NamedNode):
        return _compact(term.value, context)
    raise GovkgError(f"cannot write {term!r} as a JSON-LD node")


def _compact(iri: str, context: dict[str, str]) -> str:
    """``prefix:rest`` for the longest matching namespace; the full IRI otherwise."""
    best = max((p for p, base in context.items() if iri.startswith(base) and len(iri) > len(base)),
               key=lambda p: len(context[p]), default=None)  # fmt: skip
    return iri if best is None else f"{best}:{iri[len(context[best]) :]}"
