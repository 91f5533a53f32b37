"""The embedded store: replacing a report's graph is whole, duplicate-free and crash-safe."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import DefaultGraph, NamedNode, Quad, Store, Triple

from kg.cli import main
from kg.errors import GovkgError
from kg.pipeline import process
from kg.rdf.build import build_quads
from kg.rdf.load import read_quads
from kg.store import graph_counts, open_store, replace_report_graphs, triples_by_graph
from tests.conftest import CORPUS, PINGFANG, dev_text


def _reopen_counts(store_dir: Path) -> dict[str, int]:
    store = open_store(store_dir, read_only=True)
    try:
        return graph_counts(store)
    finally:
        del store


def test_rebuilding_a_report_replaces_its_graph_without_duplicates_or_orphans(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    quads = build_quads(process(PINGFANG))
    first = replace_report_graphs(store_dir, quads)
    second = replace_report_graphs(store_dir, quads)
    assert first == second == _reopen_counts(store_dir)
    (graph,) = first
    assert first[graph] == len({q.triple for q in quads}) > 1000

    # A smaller new version of the report: every triple it no longer has must go.
    kept = quads[: len(quads) // 3]
    replace_report_graphs(store_dir, kept)
    store = open_store(store_dir, read_only=True)
    stored = {q.triple for q in store.quads_for_pattern(None, None, None, NamedNode(graph))}
    del store
    assert stored == _as_stored(kept)
    assert _default_graph(store_dir) == stored  # the union lost what no report states any more


def _default_graph(store_dir: Path) -> set[Triple]:
    store = open_store(store_dir, read_only=True)
    try:
        return {q.triple for q in store.quads_for_pattern(None, None, None, DefaultGraph())}
    finally:
        del store


def _as_stored(quads: list[Quad]) -> set[Triple]:
    """The triples as any Oxigraph store gives them back (it keeps typed literals in canonical form)."""
    memory = Store()
    memory.extend(quads)
    return {quad.triple for quad in memory}


def test_reports_keep_their_own_graphs(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    pingfang = build_quads(process(PINGFANG))
    other = build_quads(process(dev_text("dingxing-2021")))
    replace_report_graphs(store_dir, pingfang + other)
    replace_report_graphs(store_dir, pingfang)  # rebuilding one report leaves the other alone
    counts = _reopen_counts(store_dir)
    expected = {str(g.value): len(t) for g, t in triples_by_graph(pingfang + other).items()}
    assert counts == expected
    assert len(counts) == 2
    union = _as_stored(pingfang + other)
    shared = {q.triple for q in pingfang} & {q.triple for q in other}
    assert shared, "the two reports share no triple (an indicator or place label); the union test means nothing"
    assert _default_graph(store_dir) == union  # each shared triple once


def test_triples_outside_a_named_graph_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    quads = build_quads(process(PINGFANG))
    stray = Quad(quads[0].subject, quads[0].predicate, quads[0].object)
    with pytest.raises(GovkgError, match="outside any named report graph"):
        replace_report_graphs(tmp_path / "store", [*quads, stray])
    assert _reopen_counts(tmp_path / "store") == {}


def test_a_store_locked_by_another_writer_is_a_one_line_error(tmp_path: Path) -> None:
    holder = Store(str(tmp_path / "store"))
    try:
        with pytest.raises(GovkgError, match="cannot open store"):
            open_store(tmp_path / "store")
    finally:
        del holder


def test_build_store_option_needs_a_format_with_named_graphs(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", str(PINGFANG), "-o", str(tmp_path / "g.ttl"), "--store", str(tmp_path / "s")]
    )
    assert result.exit_code == 2
    assert "keeps named graphs" in result.output
    assert not (tmp_path / "g.ttl").exists()


def test_build_into_a_store_twice_gives_the_file_s_graphs_once(tmp_path: Path) -> None:
    output, store_dir = tmp_path / "g.nq", tmp_path / "store"
    for _ in range(2):
        result = CliRunner().invoke(main, ["build", str(PINGFANG), "-o", str(output), "--store", str(store_dir)])
        assert result.exit_code == 0, result.output
    expected = {g.value: len(t) for g, t in triples_by_graph(read_quads(output)).items()}
    assert f"stored {len(expected)} graphs ({sum(expected.values())} triples)" in result.output
    assert _reopen_counts(store_dir) == expected


def _wal_bytes(store_dir: Path) -> int:
    return sum(p.stat().st_size for p in store_dir.glob("*.log")) if store_dir.is_dir() else 0


@pytest.mark.slow
def test_a_build_killed_while_storing_leaves_every_graph_whole_or_absent(tmp_path: Path) -> None:
    reports = CORPUS / "baoding-counties"
    if not reports.is_dir():
        pytest.skip(f"{reports} not present")
    output, store_dir = tmp_path / "corpus.nq", tmp_path / "store"
    command = [sys.executable, "-m", "kg", "build", str(reports), "-o", str(output), "--store", str(store_dir),
               "--no-cache", "-q"]  # fmt: skip
    process_ = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # The graph file is renamed into place before storing starts; then wait for the
        # write-ahead log to grow, so the kill lands while graphs are being committed.
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and process_.poll() is None and _wal_bytes(store_dir) < 2_000_000:
            time.sleep(0.005)
        assert process_.poll() is None, "the build finished before it could be killed"
        os.kill(process_.pid, signal.SIGKILL)
    finally:
        process_.kill()
        process_.wait(timeout=30)
    assert process_.returncode == -signal.SIGKILL

    clean = {g.value: len(t) for g, t in triples_by_graph(read_quads(output)).items()}
    found = _reopen_counts(store_dir)
    assert set(found) <= set(clean)
    assert {g: n for g, n in found.items() if n != clean[g]} == {}  # no graph half-written
    assert 0 < len(found) < len(clean)  # the kill really came mid-way
