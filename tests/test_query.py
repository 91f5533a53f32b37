"""`kg query` and the example queries, on the bundled report."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import GovkgError
from kg.query import format_result, format_table, open_store, read_query, run_query, store_for, text_width
from tests.conftest import ROOT, dev_text

QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def quads(pingfang_quads) -> list[pyoxigraph.Quad]:
    return pingfang_quads


@pytest.fixture(scope="module")
def store(pingfang_quads) -> pyoxigraph.Store:
    return store_for(pingfang_quads)


@pytest.fixture(scope="module")
def graph_file(pingfang_graph_file) -> Path:
    return pingfang_graph_file


def test_there_are_at_least_twelve_example_queries_each_saying_what_it_answers() -> None:
    assert len(QUERIES) >= 12
    for path in QUERIES:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and len(first) > 20, path.name


@pytest.mark.parametrize("path", QUERIES, ids=[p.name for p in QUERIES])
def test_every_example_query_answers_on_the_bundled_report(path: Path, store: pyoxigraph.Store) -> None:
    result = run_query(store, path.read_text(encoding="utf-8"))
    assert len(result) > 0, f"{path.name} returned nothing"
    if result.kind == "select":
        # No row is all blanks: every query binds what it is about.
        assert all(any(term is not None for term in row) for row in result.rows)


def test_the_union_graph_is_queried_without_a_graph_clause(store: pyoxigraph.Store) -> None:
    result = run_query(store, "SELECT ?title WHERE { ?r a gov:Report ; dct:title ?title }")
    assert [row[0].value for row in result.rows] == ["2020年政府工作报告(2019年工作完成情况及2020年工作安排)"]


def test_a_query_may_redeclare_a_predeclared_prefix(store: pyoxigraph.Store) -> None:
    result = run_query(store, "PREFIX gov: <http://example.org/x#>\nSELECT (gov:a AS ?v) WHERE {}")
    assert result.rows[0][0].value == "http://example.org/x#a"


def test_a_syntax_error_names_line_and_column(store: pyoxigraph.Store) -> None:
    with pytest.raises(GovkgError, match=r"line 3, column \d+"):
        run_query(store, "SELECT ?x\nWHERE {\n  ?x gov:label FILTER( }")


@pytest.mark.parametrize("query", ["SELECT ?x WHERE { ?x ?p }", "SELECT ?x {"])
def test_cli_syntax_error_is_one_line_and_exit_2(query: str, graph_file: Path) -> None:
    result = CliRunner().invoke(main, ["query", query, "--data", str(graph_file)])
    assert result.exit_code == 2
    assert result.output.startswith("kg: error: query syntax error: line 1, column")
    assert len(result.output.strip().splitlines()) == 1


def test_cli_runs_a_query_file_as_an_aligned_table(graph_file: Path) -> None:
    query = ROOT / "examples" / "queries" / "glossary.rq"
    result = CliRunner().invoke(main, ["query", str(query), "--data", str(graph_file), "--max-width", "0"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line and not line.startswith("(")]
    assert lines[0].split() == ["report", "number", "term", "definition"]
    assert "新区审批“二号章”" in result.output
    # Every row's third column starts at the same display column as the header's.
    starts = {text_width(line[: list(re.finditer(r"  +", line))[1].end()]) for line in [lines[0], *lines[2:]]}
    assert len(starts) == 1


def test_table_alignment_counts_chinese_characters_as_two_columns() -> None:
    table = format_table(["名称", "n"], [["中航哈飞", "1"], ["ab", "22"]])
    lines = table.splitlines()
    assert [text_width(line[: line.rindex(" ") + 1]) for line in (lines[0], lines[2], lines[3])] == [10, 10, 10]


def test_json_output_is_sparql_results_json(store: pyoxigraph.Store) -> None:
    result = run_query(store, (ROOT / "examples" / "queries" / "glossary.rq").read_text(encoding="utf-8"))
    text = format_result(result, "json")
    parsed = pyoxigraph.parse_query_results(text.encode("utf-8"), format=pyoxigraph.QueryResultsFormat.JSON)
    rows = [[solution[v] for v in parsed.variables] for solution in parsed]
    assert [v.value for v in parsed.variables] == result.variables
    assert rows == result.rows
    assert json.loads(text)["results"]["bindings"][0]["term"]["xml:lang"] == "zh"


def test_csv_and_tsv_have_a_header_and_one_line_per_row(store: pyoxigraph.Store) -> None:
    result = run_query(store, "SELECT ?t ?d WHERE { ?x skos:prefLabel ?t ; skos:definition ?d } ORDER BY ?t")
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows[0] == ["t", "d"] and len(rows) == len(result.rows) + 1
    assert rows[1][0] == result.rows[0][0].value
    tsv = format_result(result, "tsv").splitlines()
    assert tsv[0] == "?t\t?d" and len(tsv) == len(result.rows) + 1
    assert tsv[1].split("\t")[0] == str(result.rows[0][0])  # RDF term syntax: "…"@zh


def test_ask_and_construct_answers(store: pyoxigraph.Store) -> None:
    assert format_result(run_query(store, "ASK { ?r a gov:Report }"), "table") == "true\n"
    assert json.loads(format_result(run_query(store, "ASK { ?r a gov:Nothing }"), "json")) == {
        "head": {},
        "boolean": False,
    }
    graph = run_query(store, "CONSTRUCT { ?r dct:title ?t } WHERE { ?r dct:title ?t }")
    turtle = format_result(graph, "table")
    assert len(list(pyoxigraph.parse(turtle.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE))) == 1
    with pytest.raises(GovkgError, match="CONSTRUCT/DESCRIBE"):
        format_result(graph, "csv")


def test_query_text_file_and_missing_file() -> None:
    assert read_query("SELECT * WHERE { ?s ?p ?o }").startswith("SELECT")
    assert read_query(str(QUERIES[0])).startswith("#")
    with pytest.raises(GovkgError, match="no such query file"):
        read_query("examples/queries/nope.rq")


def test_data_and_store_options(graph_file: Path, quads, tmp_path: Path) -> None:
    with pytest.raises(GovkgError, match="exactly one"):
        open_store()
    with pytest.raises(GovkgError, match="no such store folder"):
        open_store(store_dir=tmp_path / "absent")
    with pytest.raises(GovkgError, match="no such file"):
        open_store(data=tmp_path / "absent.ttl")
    writer = pyoxigraph.Store(str(tmp_path / "db"))
    writer.bulk_extend(quads)
    writer.flush()
    del writer
    store = open_store(store_dir=tmp_path / "db")
    in_memory = open_store(data=graph_file)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a gov:Sentence }"
    assert run_query(store, count).rows == run_query(in_memory, count).rows
    assert int(run_query(store, count).rows[0][0].value) > 100


def test_a_triple_stated_by_two_reports_matches_once(pingfang_doc, tmp_path: Path) -> None:
    """The union of the report graphs is a set, in memory and in a kg build --store store."""
    from kg.pipeline import process
    from kg.rdf.build import build_quads
    from kg.store import replace_report_graphs

    quads = build_quads(pingfang_doc) + build_quads(process(dev_text("qingyuan-2021")))
    distinct = len({q.triple for q in quads})
    assert distinct < len(quads), "the two reports share no triple"
    replace_report_graphs(tmp_path / "db", quads)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    for store in (store_for(quads), open_store(store_dir=tmp_path / "db")):
        assert int(run_query(store, count).rows[0][0].value) == distinct
        per_graph = run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert int(per_graph.rows[0][0].value) == len(set(quads))
