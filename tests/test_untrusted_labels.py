"""Labels come from scraped text: markup in a report must stay text all the way to the page and the store.

One hostile page is built with the real CLI, and its labels are followed into
the network view (also in headless Chromium, where no injected handler may
run) and into a SPARQL server through the Update fallback (where quotes and
backslashes must survive). ``kg load`` against a failing or silent server must
give up after bounded retries with one line and exit status 2.
"""

from __future__ import annotations

import html
import json
import re
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner, Result

from kg.cli import main
from tests.browser import Browser, available
from tests.servers import in_thread, oxigraph_command, oxigraph_server

PAYLOAD = '<img src=x onerror="window.pwned=1">'
# A scraped page: the payload (escaped in the HTML, so it is text) in its title, a sentence and a glossary term.
LINES = [
    "各位代表：",
    "一、2019年工作回顾",
    f"我们建设{PAYLOAD}产业园【1】，地区生产总值增长7.5%。",
    '平房区人民政府与"引号\\反斜杠"公司签约。',
    "名词解释",
    f"1.{PAYLOAD}：一项政策，见\u202e反向\u202c文字与😀。",
    "2.“双创”：大众创业、万众创新。",
]
PAGE = (
    f"<html><head><title>2020年{html.escape(PAYLOAD)}区政府工作报告</title><script>window.pwned=9</script>"
    "</head><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in LINES) + "</body></html>"
)
LABEL = pyoxigraph.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, list(map(str, args)))


@pytest.fixture(scope="module")
def hostile_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.html").write_text(PAGE, encoding="utf-8")
    result = run("build", folder / "hostile.html", "-o", folder / "hostile.nq", "--no-cache", "-q")
    assert result.exit_code == 0, result.output
    return folder / "hostile.nq"


def labels(path: Path) -> set[str]:
    return {q.object.value for q in pyoxigraph.parse(path=str(path)) if q.predicate == LABEL}


def test_markup_in_the_text_becomes_plain_labels(hostile_graph: Path) -> None:
    found = labels(hostile_graph)
    assert PAYLOAD in found  # the glossary term, verbatim
    assert f"2020年{PAYLOAD}区政府工作报告" in found  # the report's title
    assert not any("window.pwned=9" in label for label in found)  # the page's own script is dropped


@pytest.fixture(scope="module")
def viz_page(hostile_graph: Path) -> Path:
    page = hostile_graph.with_suffix(".html")
    result = run("viz", hostile_graph, "-o", page, "--title", PAYLOAD, "-q")
    assert result.exit_code == 0, result.output
    return page


def test_network_page_carries_hostile_labels_only_as_escaped_data(viz_page: Path) -> None:
    page = viz_page.read_text(encoding="utf-8")
    assert PAYLOAD not in page and "<img" not in page
    data = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    assert data is not None
    node_labels = {node["label"] for node in json.loads(data.group(1))["nodes"]}
    assert PAYLOAD in node_labels


@pytest.mark.browser
@pytest.mark.skipif(not available(), reason="chromium is not installed")
def test_in_chromium_no_injected_handler_runs_on_the_network_page(viz_page: Path) -> None:
    with Browser(timeout=60) as browser:
        browser.open(viz_page.as_uri())
        browser.wait_for("document.body.dataset.drawn")
        assert browser.evaluate("document.getElementById('heading').textContent") == PAYLOAD
        assert browser.evaluate("document.querySelectorAll('img').length") == 0
        time.sleep(0.5)  # an image error handler would fire after the failed load
        assert browser.evaluate("typeof window.pwned") == "undefined"


@pytest.mark.server
def test_hostile_literals_survive_the_sparql_update_fallback(hostile_graph: Path, tmp_path: Path) -> None:
    if oxigraph_command() is None:
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed")
    with oxigraph_server(tmp_path / "store") as base:
        result = run("load", hostile_graph, "--endpoint", base, "--gsp-endpoint", base + "/no-graph-store-here")
        assert result.exit_code == 0, result.output
        query = "SELECT ?o WHERE { GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o } }"
        request = urllib.request.Request(f"{base}/query?{urllib.parse.urlencode({'query': query})}")
        request.add_header("Accept", "application/sparql-results+json")
        with urllib.request.urlopen(request, timeout=60) as response:
            rows = json.load(response)["results"]["bindings"]
    assert {row["o"]["value"] for row in rows} == labels(hostile_graph)


class _Failing(BaseHTTPRequestHandler):
    """Answers every request with 500, or never answers when ``silent``."""

    requests = 0
    silent = False

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _answer(self) -> None:
        _Failing.requests += 1
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if _Failing.silent:
            time.sleep(5)
            return
        self.send_response(500)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"internal error\nwith a second line")

    do_PUT = do_POST = do_GET = _answer


@pytest.fixture
def failing_server() -> Iterator[str]:
    _Failing.requests, _Failing.silent = 0, False
    with in_thread(_Failing) as base:
        yield base


def assert_one_line_failure(result: Result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), result.output
    assert all(word in lines[0] for word in words), lines[0]


@pytest.mark.server
def test_load_gives_up_on_a_server_answering_500_after_bounded_retries(
    failing_server: str, hostile_graph: Path
) -> None:
    started = time.monotonic()
    result = run("load", hostile_graph, "--endpoint", failing_server, "--retries", "2")
    assert_one_line_failure(result, "HTTP 500", failing_server)
    assert _Failing.requests == 3  # the first try and two retries
    assert time.monotonic() - started < 20


@pytest.mark.server
def test_load_gives_up_on_a_server_that_never_answers(failing_server: str, hostile_graph: Path) -> None:
    _Failing.silent = True
    started = time.monotonic()
    result = run("load", hostile_graph, "--endpoint", failing_server, "--retries", "1", "--timeout", "1")
    assert_one_line_failure(result, "timed out")
    assert _Failing.requests == 2
    assert time.monotonic() - started < 15
