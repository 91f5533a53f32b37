"""``kg serve``: the SPARQL 1.1 Protocol endpoint, its query page, and the page in headless Chromium."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest

from kg.pipeline import process
from kg.rdf import namespaces as ns
from kg.rdf.build import build_quads
from kg.rdf.serialize import write_quads
from kg.serve import negotiate
from kg.store import replace_report_graphs
from tests.browser import Browser, available
from tests.conftest import PINGFANG
from tests.servers import kg_server

pytestmark = pytest.mark.server

TITLES = "SELECT ?title WHERE { ?report a gov:Report ; dct:title ?title } ORDER BY ?title"
# A label as hostile as report text could be: it must reach the page as text, never as markup.
HOSTILE = '<img src=x onerror="document.body.dataset.pwned=1">&amp;<b>粗</b>'


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    quads = build_quads(process(PINGFANG))
    graph = pyoxigraph.NamedNode(ns.graph_iri("hostile"))
    report = pyoxigraph.NamedNode(ns.report_iri("hostile"))
    quads += [
        pyoxigraph.Quad(report, pyoxigraph.NamedNode(ns.RDF + "type"), pyoxigraph.NamedNode(ns.GOV + "Report"), graph),
        pyoxigraph.Quad(report, pyoxigraph.NamedNode(ns.DCT + "title"), pyoxigraph.Literal(HOSTILE, language="zh"), graph),
    ]  # fmt: skip
    path = tmp_path_factory.mktemp("serve") / "graph.nq"
    write_quads(quads, path)
    return path


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("examples")
    (folder / "titles.rq").write_text(f"# Report titles, alphabetically.\n{TITLES}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def server(graph_file: Path, examples: Path) -> Iterator[str]:
    with kg_server("--data", str(graph_file), "--examples", str(examples)) as base:
        yield base


def expected_titles(graph_file: Path) -> list[str]:
    store = pyoxigraph.Store()
    store.bulk_extend(pyoxigraph.parse(path=str(graph_file), format=pyoxigraph.RdfFormat.N_QUADS))
    rows = store.query(TITLES, prefixes=ns.QUERY_PREFIXES, use_default_graph_as_union=True)
    return [row["title"].value for row in rows]


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def get_query(base: str, query: str, accept: str = "") -> tuple[int, str, bytes]:
    return fetch(
        f"{base}/sparql?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept} if accept else None
    )


def test_get_and_both_posts_give_the_same_rows(server: str, graph_file: Path) -> None:
    expected = expected_titles(graph_file)
    assert len(expected) == 2 and HOSTILE in expected
    status, kind, body = get_query(server, TITLES)
    assert (status, kind) == (200, "application/sparql-results+json")
    assert [b["title"]["value"] for b in json.loads(body)["results"]["bindings"]] == expected
    form = urllib.parse.urlencode({"query": TITLES}).encode()
    _, _, by_form = fetch(f"{server}/sparql", form, {"Content-Type": "application/x-www-form-urlencoded"})
    _, _, direct = fetch(f"{server}/query", TITLES.encode(), {"Content-Type": "application/sparql-query"})
    assert json.loads(by_form) == json.loads(direct) == json.loads(body)


def test_content_negotiation_for_select_and_graph_results(server: str, graph_file: Path) -> None:
    expected = expected_titles(graph_file)
    status, kind, body = get_query(server, TITLES, "text/csv")
    assert kind.startswith("text/csv") and body.decode().splitlines()[0] == "title"
    assert len(body.decode().strip().splitlines()) == 1 + len(expected)
    _, kind, body = get_query(server, TITLES, "text/tab-separated-values")
    assert kind.startswith("text/tab-separated-values") and body.decode().startswith("?title")
    _, kind, body = get_query(server, TITLES, "application/sparql-results+xml")
    assert kind == "application/sparql-results+xml" and b"<sparql" in body
    _, _, body = get_query(server, "ASK { ?r a gov:Report }")
    assert json.loads(body)["boolean"] is True

    construct = "CONSTRUCT { ?r dct:title ?t } WHERE { ?r a gov:Report ; dct:title ?t }"
    _, kind, body = get_query(server, construct, "application/n-triples")
    assert kind == "application/n-triples" and len(body.decode().strip().splitlines()) == len(expected)
    _, kind, body = get_query(server, construct, "text/turtle")
    assert kind.startswith("text/turtle")
    assert len(list(pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.TURTLE))) == len(expected)
    status, _, _ = get_query(server, TITLES, "image/png")
    assert status == 406


def test_bad_requests_get_a_400_with_a_one_line_reason(server: str) -> None:
    status, kind, body = get_query(server, "SELECT WHERE {")
    assert status == 400 and kind.startswith("text/plain")
    assert body.decode().startswith("query syntax error") and body.decode().count("\n") == 1
    assert fetch(f"{server}/sparql")[0] == 400
    assert fetch(f"{server}/nothing-here")[0] == 404
    update = "INSERT DATA { <http://a> <http://b> <http://c> }"
    assert fetch(f"{server}/sparql", update.encode(), {"Content-Type": "application/sparql-update"})[0] == 415


def test_negotiation_follows_quality_values() -> None:
    offered = ["application/sparql-results+json", "text/csv"]
    assert negotiate("text/csv;q=0.5, application/sparql-results+json", offered) == offered[0]
    assert negotiate("text/csv, */*;q=0.1", offered) == "text/csv"
    assert negotiate("*/*", offered) == offered[0]
    assert negotiate("", offered) == offered[0]


def test_page_lists_examples_read_at_request_time_and_escapes_them(server: str, examples: Path) -> None:
    status, kind, page = fetch(server + "/")
    assert status == 200 and kind.startswith("text/html")
    assert b"Report titles, alphabetically." in page
    (examples / "later.rq").write_text("# Added while running </script><script>alert(1)</script>\nASK {}\n", "utf-8")
    try:
        _, _, page = fetch(server + "/")
        assert b"Added while running" in page
        assert b"</script><script>alert(1)" not in page
    finally:
        (examples / "later.rq").unlink()


def test_network_view_of_a_result_shows_its_entities(server: str) -> None:
    query = "SELECT ?place ?label WHERE { ?place a gov:Place ; rdfs:label ?label }"
    status, kind, page = fetch(f"{server}/network?{urllib.parse.urlencode({'query': query})}")
    assert status == 200 and kind.startswith("text/html")
    _, _, rows = get_query(server, query)
    labels = {b["label"]["value"] for b in json.loads(rows)["results"]["bindings"]}
    assert labels and all(label.encode() in page for label in labels)


def test_serves_an_embedded_store(tmp_path: Path, graph_file: Path) -> None:
    replace_report_graphs(
        tmp_path / "store", pyoxigraph.parse(path=str(graph_file), format=pyoxigraph.RdfFormat.N_QUADS)
    )
    with kg_server("--store", str(tmp_path / "store")) as base:
        _, _, body = get_query(base, TITLES)
    assert [b["title"]["value"] for b in json.loads(body)["results"]["bindings"]] == expected_titles(graph_file)


@pytest.mark.browser
@pytest.mark.skipif(not available(), reason="chromium is not installed")
def test_in_chromium_a_typed_query_shows_its_rows_as_text(server: str, graph_file: Path) -> None:
    expected = expected_titles(graph_file)
    with Browser(timeout=60) as browser:
        browser.open(server + "/")
        browser.type_into("#query", TITLES)
        browser.click("#run")
        browser.wait_for("document.body.dataset.done")
        cells = browser.evaluate("[...document.querySelectorAll('#result-table tbody td')].map(td => td.textContent)")
        assert cells == [f"{title} @zh" for title in expected]
        assert browser.evaluate("document.querySelectorAll('#results img, #results b').length") == 0
        assert browser.evaluate("document.body.dataset.pwned") is None
        assert browser.evaluate("document.getElementById('status').textContent").startswith(f"{len(expected)} rows")
        link = browser.evaluate("document.getElementById('network-link').getAttribute('href')")
        assert urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)["query"] == [TITLES]


@pytest.mark.browser
@pytest.mark.skipif(not available(), reason="chromium is not installed")
def test_in_chromium_an_example_fills_the_editor_and_a_url_query_runs_itself_shown_in_part_if_large(
    server: str,
) -> None:
    with Browser(timeout=60) as browser:
        browser.open(server + "/")
        browser.evaluate("(() => { const s = document.getElementById('examples'); s.value = 'titles';"
                         " s.dispatchEvent(new Event('change')); })()")  # fmt: skip
        assert browser.evaluate("document.getElementById('query').value").strip().endswith(TITLES)
        browser.open(f"{server}/?{urllib.parse.urlencode({'query': 'SELECT ?x WHERE { FILTER(false) }'})}")
        browser.wait_for("document.body.dataset.done")
        assert browser.evaluate("document.getElementById('status').textContent").startswith("0 rows")
        everything = "SELECT * WHERE { ?s ?p ?o }"
        total = len(json.loads(get_query(server, everything)[2])["results"]["bindings"])
        browser.open(f"{server}/?{urllib.parse.urlencode({'query': everything})}")
        browser.wait_for("document.body.dataset.done")
        assert browser.evaluate("document.querySelectorAll('#result-table tbody tr').length") == 2000 < total
        assert browser.evaluate("document.getElementById('status').textContent").startswith(f"{total} rows")
        browser.open(f"{server}/?{urllib.parse.urlencode({'query': 'SELECT nonsense'})}")
        browser.wait_for("document.body.dataset.done")
        assert "syntax error" in browser.evaluate("document.getElementById('error').textContent")
