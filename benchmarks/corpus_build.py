"""Whole-corpus build: time, peak memory, triples, and a one-report incremental rebuild.

    python benchmarks/corpus_build.py [--runs 3] [--jobs 2] [--corpus ../shared/corpus]

Each build is ``kg build`` in a fresh process, as a user runs it (imports
included). Peak memory is the largest sum of resident memory over the whole
process tree (the main process and its workers), sampled every 20 ms.
The code is run from a snapshot copy, so edits made during the run do not
invalidate the cache. The incremental figure is a rebuild with a warm cache after one report's
text changed. Targets (issue 5): full build < 30 s on 2 cores, peak < 1.5 GB,
one-report rebuild < 3 s. CPU seconds are printed beside wall time: on a
shared machine wall time also counts other people's work.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def tree_rss_kib(root_pid: int) -> int:
    """Resident memory of ``root_pid`` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    family, frontier = {root_pid}, [root_pid]
    while frontier:
        pid = frontier.pop()
        children = [child for child, parent in parents.items() if parent == pid]
        family.update(children)
        frontier.extend(children)
    total = 0
    for pid in family:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KIB
        except (OSError, IndexError, ValueError):
            continue
    return total


_cpu_before = [0.0]  # children's CPU seconds used so far


def timed_build(args: list[str], code: Path) -> tuple[float, float, str, float]:
    """(seconds, peak MiB of the process tree, stdout, CPU seconds) of one ``kg build``."""
    command = [sys.executable, "-m", "kg", "build", *args]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=code, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss_kib(process.pid))
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = process.communicate()
    elapsed = time.perf_counter() - started
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_seconds = cpu.ru_utime + cpu.ru_stime - _cpu_before[0]
    _cpu_before[0] = cpu.ru_utime + cpu.ru_stime
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"build failed ({process.returncode}): {' '.join(command)}")
    return elapsed, peak / 1024, stdout, cpu_seconds


def figure(stdout: str, name: str) -> str:
    return next((line for line in stdout.splitlines() if line.startswith(name)), f"{name} ?")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        corpus, code = Path(scratch) / "corpus", Path(scratch) / "code"
        # A snapshot of the code: the cache is keyed on it, so edits made meanwhile must not count.
        shutil.copytree(ROOT / "kg", code / "kg", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(args.corpus, corpus)
        out, cache = Path(scratch) / "corpus.nq", Path(scratch) / "cache"
        common = [str(corpus), "-o", str(out), "-j", str(args.jobs)]
        cold = [timed_build([*common, "--no-cache"], code) for _ in range(args.runs)]
        timed_build([*common, "--cache", str(cache)], code)  # warm the cache
        victims = sorted(corpus.rglob("*.txt"))[: args.runs]
        warm = []
        for victim in victims:
            with victim.open("a", encoding="utf-8") as handle:
                handle.write("\n今年新增一项基准测试用的句子。\n")
            warm.append(timed_build([*common, "--cache", str(cache)], code))
    stdout = cold[-1][2]
    print(f"corpus: {args.corpus}  jobs: {args.jobs}  runs: {args.runs}")
    print(figure(stdout, "reports:"))
    print(figure(stdout, "triples:"))
    print(f"full build (no cache): median {statistics.median(r[0] for r in cold):.2f} s wall,"
          f" {statistics.median(r[3] for r in cold):.2f} s CPU (all processes)"
          f"  peak {max(r[1] for r in cold):.0f} MiB (process tree)")  # fmt: skip
    print(
        f"one report changed, warm cache: median {statistics.median(r[0] for r in warm):.2f} s wall,"
        f" {statistics.median(r[3] for r in warm):.2f} s CPU"
        f"  peak {max(r[1] for r in warm):.0f} MiB  ({figure(warm[-1][2], 'extracted:').split('  nodes')[0]})"
    )


if __name__ == "__main__":
    main()
