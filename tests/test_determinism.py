"""The same report gives the same bytes in every process, whatever the hash seed.

Python randomises str hashing per process, so any set or dict iteration
order that leaks into the output shows up as a difference between two
processes started with different PYTHONHASHSEED values.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PINGFANG


def build_in_processes(report: Path, folder: Path, suffix: str, seeds: tuple[str, ...]) -> list[bytes]:
    """Start one `kg build` per hash seed (in parallel) and return each output's bytes."""
    runs = []
    for seed in seeds:
        out = folder / seed / f"graph{suffix}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "kg", "build", str(report), "-o", str(out), "--quiet", "--no-cache"]
        runs.append((subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True), out))
    outputs = []
    for process, out in runs:
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
        outputs.append(out.read_bytes())
    return outputs


@pytest.mark.parametrize("suffix", [".ttl", ".nq"])
def test_bundled_report_builds_byte_identical_under_different_hash_seeds(tmp_path: Path, suffix: str) -> None:
    first, second = build_in_processes(PINGFANG, tmp_path, suffix, ("1", "2"))
    assert len(first) > 100_000
    assert first == second
