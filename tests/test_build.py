"""`kg build` and `kg validate` as a user runs them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import PINGFANG, SHARED, dev_text

RDFLIB_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("built")
    outputs = {}
    for suffix in RDFLIB_FORMATS:
        out = folder / f"pingfang{suffix}"
        result = CliRunner().invoke(main, ["build", str(PINGFANG), "-o", str(out)])
        assert result.exit_code == 0, result.output
        outputs[suffix] = out
    return outputs


def test_build_prints_a_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(PINGFANG), "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 0
    assert re.search(r"entities: \d+ \(.*GlossaryTerm 1\d", result.output)
    assert re.search(r"triples: \d{4,}", result.output)
    assert "chars/s" in result.output


@pytest.mark.parametrize("suffix", list(RDFLIB_FORMATS))
def test_every_format_reparses_in_rdflib_and_pyoxigraph(built: dict[str, Path], suffix: str) -> None:
    path = built[suffix]
    dataset = rdflib.Dataset()
    dataset.parse(path, format=RDFLIB_FORMATS[suffix])
    oxi = list(pyoxigraph.parse(path=str(path)))
    triples = {(q.subject, q.predicate, q.object) for q in oxi}
    assert len(triples) > 3000
    assert len(set(dataset.quads((None, None, None, None)))) >= len(triples)


def test_formats_hold_the_same_triples(built: dict[str, Path]) -> None:
    def triples(path: Path) -> set:
        return {(q.subject, q.predicate, q.object) for q in pyoxigraph.parse(path=str(path))}

    reference = triples(built[".nt"])
    for suffix in (".ttl", ".nq", ".trig", ".jsonld"):
        assert triples(built[suffix]) == reference, suffix


def test_quads_formats_keep_one_named_graph_per_report(built: dict[str, Path]) -> None:
    graphs = {str(q.graph_name) for q in pyoxigraph.parse(path=str(built[".nq"]))}
    # The place hierarchy (gazetteer) is the one graph no report owns.
    assert graphs - {"<https://w3id.org/govkg/graph/gazetteer>"} == {"<https://w3id.org/govkg/graph/pingfang-2020>"}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert run("build", str(PINGFANG), "-o", str(tmp_path / f"{name}.ttl"), "-q").returncode == 0
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


def test_validate_passes_on_the_bundled_report(built: dict[str, Path]) -> None:
    result = CliRunner().invoke(main, ["validate", str(built[".ttl"])])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("conforms")


def test_validate_reports_violations_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix gov: <https://w3id.org/govkg/ontology#> .\n<https://example.org/e> a gov:Enterprise .\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "EntityShape" in result.output and "label" in result.output


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: (d / "empty").mkdir() or d / "empty", "no reports"),
        (lambda d: _write(d / "e.txt", b""), "empty"),
        (lambda d: _write(d / "b.txt", bytes(range(256)) * 50), "binary"),
        (lambda d: _write(d / "g.txt", b"\xa1 \x80\xff" * 40), "decode"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_no_output(tmp_path: Path, make, message: str) -> None:
    target = make(tmp_path)
    out = tmp_path / "out" / "g.ttl"
    result = run("build", str(target), "-o", str(out))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.mark.parametrize(("name", "count"), [("pingfang-2020", 14), ("qingyuan-2021", 22), ("dingxing-2021", 17)])
def test_scorer_finds_every_glossary_term_with_its_definition(tmp_path: Path, name: str, count: int) -> None:
    text, gold = dev_text(name), SHARED / "eval" / "gold" / f"{name}.json"
    out = tmp_path / f"{name}.ttl"
    assert run("build", str(text), "-o", str(out), "-q").returncode == 0
    score = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(out), str(gold)],
                           capture_output=True, text=True, check=True)  # fmt: skip
    assert f"glossary terms with definition: {count}/{count}" in score.stdout
