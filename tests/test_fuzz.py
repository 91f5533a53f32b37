"""A short run of the fuzzer (tests/fuzz/fuzz_ingest.py): mutated reports never crash the pipeline."""

from __future__ import annotations

from pathlib import Path

from tests.fuzz.fuzz_ingest import fuzz


def test_a_short_fuzz_run_finds_no_crash(tmp_path: Path) -> None:
    stats = fuzz(seconds=10, seed=20261127, out=tmp_path / "crashes")
    report = "\n".join(stats.lines())
    assert stats.inputs >= 5, f"the fuzzer barely ran:\n{report}"
    assert not stats.crashes, report
