"""``kg load`` against a real Oxigraph server, and retries/auth against a local stub."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import GovkgError
from kg.load import Client, Credentials, Endpoints, Loader, load, read_graphs
from kg.pipeline import process
from kg.rdf.build import build_quads
from kg.rdf.serialize import write_quads
from tests.conftest import PINGFANG, dev_text
from tests.servers import (
    VIRTUOSO_USER,
    free_port,
    in_thread,
    oxigraph_command,
    oxigraph_server,
    virtuoso_command,
    virtuoso_server,
)

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if oxigraph_command() is None:
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed")
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        yield base


@pytest.fixture(scope="module")
def pingfang_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pingfang") / "pingfang.nq"
    write_quads(build_quads(process(PINGFANG)), path)
    return path


def server_counts(base: str, direct: bool = False) -> dict[str, int]:
    """Triples per named graph, asked independently of kg.load (at ``base``/query, or ``base`` itself)."""
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    endpoint = base if direct else f"{base}/query"
    request = urllib.request.Request(f"{endpoint}?{urllib.parse.urlencode({'query': query})}")
    request.add_header("Accept", "application/sparql-results+json")
    with urllib.request.urlopen(request, timeout=60) as response:
        rows = json.load(response)["results"]["bindings"]
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}


def expected_counts(path: Path) -> dict[str, int]:
    return {graph: len(triples) for graph, triples in read_graphs(path).items()}


@pytest.mark.slow
def test_corpus_loaded_twice_has_the_same_triples_per_graph(oxigraph: str, corpus_graph: Path) -> None:
    expected = expected_counts(corpus_graph)
    assert len(expected) >= 100
    runner = CliRunner()
    first = runner.invoke(main, ["load", str(corpus_graph), "--endpoint", oxigraph])
    assert first.exit_code == 0, first.output
    after_first = server_counts(oxigraph)
    second = runner.invoke(main, ["load", str(corpus_graph), "--endpoint", oxigraph, "--chunk-size", "20000"])
    assert second.exit_code == 0, second.output
    after_second = server_counts(oxigraph)
    assert {g: after_first[g] for g in expected} == expected
    assert {g: after_second[g] for g in expected} == expected
    assert "graph-store" in second.output


def test_a_reload_replaces_a_graph_and_large_graphs_go_in_chunks(oxigraph: str, pingfang_graph: Path) -> None:
    ((graph, triples),) = read_graphs(pingfang_graph).items()
    summary = load(pingfang_graph, Endpoints.for_server(oxigraph), Client(), chunk_size=500)
    assert summary.requests == -(-len(triples) // 500) > 1
    assert server_counts(oxigraph)[graph] == len(triples)

    # A new, smaller version of the report: the old triples must not survive the reload.
    loader = Loader(Endpoints.for_server(oxigraph), Client())
    loader.put_graph(graph, triples[:100])
    assert server_counts(oxigraph)[graph] == 100
    loader.put_graph(graph, triples)
    assert server_counts(oxigraph)[graph] == len(triples)


def test_without_graph_store_protocol_it_falls_back_to_sparql_update(oxigraph: str, pingfang_graph: Path) -> None:
    ((graph, triples),) = read_graphs(pingfang_graph).items()
    endpoints = Endpoints.for_server(oxigraph, gsp=oxigraph + "/no-graph-store-here")
    summary = load(pingfang_graph, endpoints, Client(), chunk_size=3000)
    assert summary.protocol == "update"
    assert server_counts(oxigraph)[graph] == len(triples)
    load(pingfang_graph, endpoints, Client(), chunk_size=3000)  # replaces, never appends
    assert server_counts(oxigraph)[graph] == len(triples)


def test_bulk_loading_into_oxigraph_also_replaces_graphs(oxigraph: str, pingfang_graph: Path) -> None:
    ((graph, triples),) = read_graphs(pingfang_graph).items()
    loader = Loader(Endpoints.for_server(oxigraph), Client(), chunk_size=4000, bulk=True)
    loader.put_graph(graph, triples)
    loader.put_graph(graph, triples[:100])
    assert server_counts(oxigraph)[graph] == 100
    summary = load(pingfang_graph, Endpoints.for_server(oxigraph), Client(), chunk_size=4000, bulk=True)
    assert summary.protocol == "oxigraph bulk loader"
    assert server_counts(oxigraph)[graph] == len(triples)
    refused = CliRunner().invoke(
        main, ["load", str(pingfang_graph), "--endpoint", oxigraph, "--server", "fuseki", "--bulk"]
    )
    assert refused.exit_code == 2 and "--server oxigraph" in refused.output


def test_an_unreachable_server_is_a_one_line_error(pingfang_graph: Path) -> None:
    result = CliRunner().invoke(main, ["load", str(pingfang_graph), "--endpoint", f"http://127.0.0.1:{free_port()}"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "kg: error: PUT http://127.0.0.1:" in result.output
    assert "refused" in result.output.lower()


class _Stub(BaseHTTPRequestHandler):
    """Fails the first ``failures`` writes with 503, records headers, counts what it stored."""

    failures = 0
    seen_auth: ClassVar[list[str]] = []
    stored: ClassVar[dict[str, int]] = {}

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def do_PUT(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        _Stub.seen_auth.append(self.headers.get("Authorization", ""))
        if _Stub.failures > 0:
            _Stub.failures -= 1
            self.send_response(503)
            self.end_headers()
            return
        graph = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)["graph"][0]
        _Stub.stored[graph] = body.count(b"\n")
        self.send_response(204)
        self.end_headers()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        rows = [{"g": {"type": "uri", "value": g}, "n": {"type": "literal", "value": str(n)}}
                for g, n in _Stub.stored.items()]  # fmt: skip
        payload = json.dumps({"head": {"vars": ["g", "n"]}, "results": {"bindings": rows}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(payload)


@pytest.fixture
def stub() -> Iterator[str]:
    _Stub.failures, _Stub.seen_auth, _Stub.stored = 0, [], {}
    with in_thread(_Stub) as base:
        yield base


def test_transient_errors_are_retried_with_backoff(stub: str, pingfang_graph: Path) -> None:
    _Stub.failures = 2
    waits: list[float] = []
    summary = load(pingfang_graph, Endpoints.for_server(stub), Client(retries=3, backoff=0.25, sleep=waits.append))
    assert waits == [0.25, 0.5]
    assert summary.counted == summary.graphs


def test_retries_are_bounded(stub: str, pingfang_graph: Path) -> None:
    _Stub.failures = 10
    with pytest.raises(GovkgError, match="HTTP 503"):
        load(pingfang_graph, Endpoints.for_server(stub), Client(retries=2, backoff=0, sleep=lambda _: None))
    assert len(_Stub.seen_auth) == 3


def test_credentials_come_from_the_environment(stub: str, pingfang_graph: Path) -> None:
    basic = Credentials.from_environment({"KG_ENDPOINT_USER": "ann", "KG_ENDPOINT_PASSWORD": "s3cret"})
    load(pingfang_graph, Endpoints.for_server(stub), Client(basic))
    bearer = Credentials.from_environment({"KG_ENDPOINT_TOKEN": "tok-123"})
    load(pingfang_graph, Endpoints.for_server(stub), Client(bearer))
    assert _Stub.seen_auth == ["Basic YW5uOnMzY3JldA==", "Bearer tok-123"]


def test_presets_name_each_servers_paths() -> None:
    fuseki = Endpoints.for_server("http://host:3030/ds/", "fuseki")
    assert (fuseki.gsp, fuseki.query, fuseki.update) == ("http://host:3030/ds/data", "http://host:3030/ds/query",
                                                          "http://host:3030/ds/update")  # fmt: skip
    graphdb = Endpoints.for_server("http://host:7200/repositories/gov", "graphdb")
    assert graphdb.query == "http://host:7200/repositories/gov"
    assert graphdb.update == "http://host:7200/repositories/gov/statements"
    assert graphdb.gsp == "http://host:7200/repositories/gov/rdf-graphs/service"
    virtuoso = Endpoints.for_server("http://host:8890", "virtuoso", query="http://other/sparql")
    assert (virtuoso.gsp, virtuoso.query) == ("http://host:8890/sparql-graph-crud-auth", "http://other/sparql")
    with pytest.raises(GovkgError):
        Endpoints.for_server("host:8890", "virtuoso")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if virtuoso_command() is None:
        pytest.skip("Virtuoso is not installed (Debian package virtuoso-opensource-7-bin)")
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as base:
        yield base


def test_virtuoso_takes_graphs_with_digest_auth_and_a_reload_replaces_them(
    virtuoso: str, pingfang_graph: Path, tmp_path: Path
) -> None:
    graphs = read_graphs(pingfang_graph)
    dingxing = tmp_path / "dingxing.nq"
    write_quads(build_quads(process(dev_text("dingxing-2021"))), dingxing)
    graphs.update(read_graphs(dingxing))
    both = tmp_path / "both.nq"
    both.write_bytes(pingfang_graph.read_bytes() + dingxing.read_bytes())
    user, password = VIRTUOSO_USER
    client = Client(Credentials(user, password), retries=1)
    endpoints = Endpoints.for_server(virtuoso, "virtuoso")
    for chunk_size in (50_000, 2_000):  # the second load replaces in several requests
        summary = load(both, endpoints, client, chunk_size)
        assert summary.protocol == "graph-store"
        counts = server_counts(virtuoso + "/sparql", direct=True)
        assert {g: counts.get(g) for g in graphs} == {g: len(t) for g, t in graphs.items()}

    unauthenticated = CliRunner().invoke(main, ["load", str(both), "--endpoint", virtuoso, "--server", "virtuoso",
                                                "--retries", "0"], env={"KG_ENDPOINT_USER": None})  # fmt: skip
    assert unauthenticated.exit_code == 2
    assert "KG_ENDPOINT_USER" in unauthenticated.output


def test_a_graph_without_named_graphs_is_refused_before_any_request(tmp_path: Path) -> None:
    flat = tmp_path / "flat.ttl"
    write_quads(build_quads(process(PINGFANG)), flat)  # Turtle keeps the triples, not the report graph
    result = CliRunner().invoke(main, ["load", str(flat), "--endpoint", f"http://127.0.0.1:{free_port()}"])
    assert result.exit_code == 2
    assert "outside named graphs" in result.output
