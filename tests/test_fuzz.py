"""A short run of the fuzzer (tests/fuzz/fuzz_ingest.py): mutated reports never crash the pipeline."""

from __future__ import annotations

from pathlib import Path

from tests.fuzz.fuzz_ingest import fuzz


def test_a_short_fuzz_run_finds_no_crash(tmp_path: Path) -> None:
    stats = fuzz(seconds=8, seed=20261127, out=tmp_path / "crashes")
    assert stats.inputs >= 20, "the fuzzer barely ran"
    assert stats.built and sum(stats.rejected.values()), "mutations should give both buildable and refused inputs"
    assert not stats.crashes, "\n".join(stats.lines())
