"""`kg export`: GraphML/GEXF/CSV networks and JSON-LD/N-Quads datasets that other tools read back."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic

from kg.cli import main
from kg.errors import GovkgError
from kg.export import export, jsonld_document
from kg.network import network_from_quads
from kg.rdf.build import build_quads
from kg.rdf.load import read_quads, to_rdflib
from kg.rdf.serialize import write_quads
from tests.conftest import dev_text


@pytest.fixture(scope="module")
def graph_file(pingfang_doc, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled report and a second dev report, so there are two named graphs and shared nodes."""
    from kg.pipeline import process

    quads = build_quads(pingfang_doc) + build_quads(process(dev_text("qingyuan-2021")))
    path = tmp_path_factory.mktemp("export") / "two.nq"
    write_quads(sorted(quads, key=str), path)
    return path


@pytest.fixture(scope="module")
def network(graph_file: Path):
    return network_from_quads(read_quads(graph_file))


def test_graphml_rereads_with_the_same_nodes_edges_and_attributes(graph_file: Path, network, tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    export(graph_file, out)
    graph = nx.read_graphml(out, force_multigraph=True)
    assert graph.number_of_nodes() == len(network.nodes) > 100
    assert graph.number_of_edges() == len(network.edges) > 100
    node = next(n for n in network.nodes.values() if n.type == "GlossaryTerm")
    attributes = graph.nodes[node.id]
    assert (attributes["label"], attributes["type"], attributes["mentions"]) == (node.label, node.type, node.mentions)
    assert {d["kind"] for _, _, d in graph.edges(data=True)} == {e.kind for e in network.edges}


def test_gexf_rereads_with_the_same_counts_and_is_deterministic(graph_file: Path, network, tmp_path: Path) -> None:
    first, second = tmp_path / "a.gexf", tmp_path / "b.gexf"
    export(graph_file, first)
    export(graph_file, second)
    assert first.read_bytes() == second.read_bytes()
    graph = nx.read_gexf(first)
    assert graph.number_of_nodes() == len(network.nodes)
    assert graph.number_of_edges() == len(network.edges)
    assert b"<viz:color" in first.read_bytes()


def test_csv_writes_node_and_edge_lists(graph_file: Path, network, tmp_path: Path) -> None:
    summary = export(graph_file, tmp_path / "g.csv")
    assert [p.name for p in summary.outputs] == ["g.nodes.csv", "g.edges.csv"]
    with (tmp_path / "g.nodes.csv").open(encoding="utf-8", newline="") as stream:
        nodes = list(csv.DictReader(stream))
    with (tmp_path / "g.edges.csv").open(encoding="utf-8", newline="") as stream:
        edges = list(csv.DictReader(stream))
    assert len(nodes) == len(network.nodes) and len(edges) == len(network.edges)
    ids = {row["Id"] for row in nodes}
    assert all(row["Source"] in ids and row["Target"] in ids for row in edges)
    assert any(row["Label"] == "哈尔滨市平房区" for row in nodes)


def test_mentions_of_a_node_shared_by_two_reports_are_summed(network) -> None:
    shared = [n for n in network.nodes.values() if len(n.reports) == 2]
    assert shared, "the two reports share no node"
    for node in shared:
        assert node.mentions >= 2


def test_jsonld_reparses_to_an_isomorphic_dataset(graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.jsonld"
    export(graph_file, out)
    assert '"@context"' in out.read_text(encoding="utf-8")[:200]
    original = to_rdflib(read_quads(graph_file))
    reparsed = Dataset()
    reparsed.parse(out, format="json-ld")
    graphs = {g.identifier for g in original.graphs() if len(g)}
    assert graphs == {g.identifier for g in reparsed.graphs() if len(g)}
    assert len(graphs) >= 2
    for name in graphs:
        assert isomorphic(original.graph(URIRef(name)), reparsed.graph(URIRef(name))), name


def test_jsonld_uses_prefixed_names() -> None:
    quad = pyoxigraph.Quad(
        pyoxigraph.NamedNode("https://w3id.org/govkg/id/park/x"),
        pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        pyoxigraph.NamedNode("https://w3id.org/govkg/ontology#Park"),
        pyoxigraph.NamedNode("https://w3id.org/govkg/graph/r"),
    )
    document = jsonld_document([quad])
    assert document["@graph"] == [{"@id": "https://w3id.org/govkg/graph/r", "@graph": [
        {"@id": "id:park/x", "@type": "gov:Park"}]}]  # fmt: skip


def test_nquads_keep_every_quad(graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.nq"
    export(graph_file, out)
    assert set(read_quads(out)) == set(read_quads(graph_file))


def test_bad_format_and_missing_input(graph_file: Path, tmp_path: Path) -> None:
    with pytest.raises(GovkgError, match="unknown export format"):
        export(graph_file, tmp_path / "g.xlsx")
    result = CliRunner().invoke(main, ["export", str(tmp_path / "absent.nq"), "-o", str(tmp_path / "g.graphml")])
    assert result.exit_code == 2 and "no such file" in result.output
    assert not (tmp_path / "g.graphml").exists()
    result = CliRunner().invoke(main, ["export", str(graph_file), "-o", str(tmp_path / "g.graphml")])
    assert result.exit_code == 0 and "nodes" in result.output


def test_a_store_exports_the_same_network_as_its_graph_file(graph_file: Path, network, tmp_path: Path) -> None:
    from kg.store import replace_report_graphs

    replace_report_graphs(tmp_path / "db", read_quads(graph_file))
    export(tmp_path / "db", tmp_path / "from-store.graphml")
    graph = nx.read_graphml(tmp_path / "from-store.graphml", force_multigraph=True)
    assert graph.number_of_nodes() == len(network.nodes)
    assert graph.number_of_edges() == len(network.edges)
    mentions = {n.id: n.mentions for n in network.nodes.values()}
    assert {node: data["mentions"] for node, data in graph.nodes(data=True)} == mentions
