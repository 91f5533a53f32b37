"""Folder builds: parallel, incremental, tolerant of one bad file, merged across reports."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.corpus import ReportResult, build_corpus, harmonise_pref_labels, write_corpus
from kg.rdf.namespaces import GOV, entity_iri, graph_iri
from kg.resolve.gazetteer import GAZETTEER_GRAPH, gazetteer, hierarchy_quads
from tests.conftest import corpus_file

SMALL = ("baoding-counties/bd003-2021-130607.txt", "baoding-counties/bd126-2017-130633.txt",
         "baoding-counties/bd088-2024-130627.txt")  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    for name in SMALL:
        shutil.copy(corpus_file(name), reports / Path(name).name)
    return reports


def graphs_in(path: Path) -> set[str]:
    store = pyoxigraph.Dataset(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS))
    return {str(q.graph_name.value) for q in store}


def test_one_bad_file_is_a_warning_and_the_rest_build(folder: Path, tmp_path: Path) -> None:
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    out = tmp_path / "g.nq"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "broken.txt" in result.output and "warning" in result.output
    assert graphs_in(out) >= {graph_iri(Path(n).stem) for n in SMALL}


def test_a_folder_of_only_bad_files_fails_with_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.txt").write_bytes(b"")
    out = tmp_path / "g.nq"
    result = CliRunner().invoke(main, ["build", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert "nothing was built" in result.output
    assert not out.exists()


def test_parallel_and_serial_builds_are_byte_identical(folder: Path, tmp_path: Path) -> None:
    serial, parallel = tmp_path / "serial.trig", tmp_path / "parallel.trig"
    build_corpus([folder], serial, jobs=1)
    build_corpus([folder], parallel, jobs=2)
    assert serial.read_bytes() == parallel.read_bytes()


def test_incremental_rebuild_extracts_only_the_changed_report(folder: Path, tmp_path: Path) -> None:
    cache, out = tmp_path / "cache", tmp_path / "g.nq"
    first = build_corpus([folder], out, cache_dir=cache)
    assert (first.extracted, first.reused) == (3, 0)
    changed = folder / Path(SMALL[0]).name
    old_text = changed.read_text(encoding="utf-8")
    # Drop the report's last paragraph: its sentences must leave the graph.
    kept, _, dropped = old_text.rstrip().rpartition("\n")
    changed.write_text(kept + "\n新增一句话，用于检验增量构建。\n", encoding="utf-8")
    second = build_corpus([folder], out, cache_dir=cache)
    assert (second.extracted, second.reused) == (1, 2)
    text = out.read_text(encoding="utf-8")
    assert "用于检验增量构建" in text
    assert dropped.strip()[:12] not in text
    fresh = tmp_path / "fresh.nq"
    build_corpus([folder], fresh)
    assert fresh.read_bytes() == out.read_bytes()


def test_same_name_in_two_reports_is_one_node_listed_in_the_merge_report(folder: Path, tmp_path: Path) -> None:
    original = Path(SMALL[0]).name
    shutil.copy(folder / original, folder / "copy-of-mancheng.txt")
    index = corpus_file("baoding-counties/INDEX.tsv").read_text(encoding="utf-8").splitlines()
    row = next(line for line in index if line.startswith(original))
    (folder / "INDEX.tsv").write_text(
        "\n".join([index[0], row, row.replace(original, "copy-of-mancheng.txt")]), encoding="utf-8"
    )
    merges = tmp_path / "merges.tsv"
    summary = build_corpus([folder], tmp_path / "g.nq", merge_report=merges)
    assert summary.shared >= 1
    rows = [line.split("\t") for line in merges.read_text(encoding="utf-8").splitlines()[1:]]
    place = entity_iri("Place", "保定市满城区")
    row = next(r for r in rows if r[0] == place)
    assert row[4].split() == ["bd003-2021-130607", "copy-of-mancheng"]
    assert "normalised name" in row[5]


def test_gazetteer_resolves_compound_and_short_place_names() -> None:
    table = gazetteer()
    assert table.lookup("保定市满城区").name == "满城区"
    assert table.lookup("哈尔滨市平房区").name == "平房区"
    assert table.lookup("清苑").name == "清苑区"
    assert table.lookup("满城县城") is None
    assert table.ancestors(table.lookup("满城区")) == ["保定市", "河北省", "中华人民共和国"]


def test_place_hierarchy_links_up_to_the_country() -> None:
    child = entity_iri("Place", "保定市满城区")
    links = {(str(q.subject.value), str(q.object.value)) for q in hierarchy_quads({child: "保定市满城区"})
             if q.predicate.value == GOV + "partOf"}  # fmt: skip
    city, province = entity_iri("Place", "保定市"), entity_iri("Place", "河北省")
    assert (child, city) in links and (city, province) in links
    assert all(q.graph_name.value == GAZETTEER_GRAPH for q in hierarchy_quads({child: "保定市满城区"}))


def test_one_division_under_two_names_is_matched_through_the_gazetteer() -> None:
    short, full = entity_iri("Place", "中国"), entity_iri("Place", "中华人民共和国")
    quads = hierarchy_quads({short: "中国", full: "中华人民共和国"})
    matches = {(q.subject.value, q.object.value) for q in quads if q.predicate.value.endswith("exactMatch")}
    assert matches == {(short, full)}


def test_a_shared_node_keeps_one_pref_label_across_the_corpus(tmp_path: Path) -> None:
    iri = entity_iri("Enterprise", "长城汽车")
    pref = "<http://www.w3.org/2004/02/skos/core#prefLabel>"

    def report(doc_id: str, label: str) -> ReportResult:
        line = f'<{iri}> {pref} "{label}"@zh <{graph_iri(doc_id)}> .\n'
        return ReportResult(
            doc_id, f"{doc_id}.txt", "k", nquads=line.encode(), entities=[(iri, "Enterprise", label, "长城汽车")]
        )

    results = harmonise_pref_labels([report("a", "长城汽车"), report("b", "长城汽车"), report("c", "长城汽车集团")])
    out = tmp_path / "g.nq"
    write_corpus(results, [], out)
    quads = list(pyoxigraph.parse(path=str(out)))
    labels = {(q.predicate.value.rsplit("#", 1)[1], q.object.value) for q in quads}
    assert labels == {("prefLabel", "长城汽车"), ("altLabel", "长城汽车集团")}
    # Each report's graph still gives the node exactly one prefLabel (SHACL checks graphs one by one).
    per_graph = Counter(q.graph_name.value for q in quads if q.predicate.value.endswith("prefLabel"))
    assert per_graph == {graph_iri(doc_id): 1 for doc_id in "abc"}
