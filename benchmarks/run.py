"""Build throughput (characters/s) and peak memory, one fresh process per run.

    python benchmarks/run.py [--runs 3] [--corpus ../shared/corpus]

Prints, for each development report and for the whole corpus, the median
wall time over the runs, characters per second and the peak resident memory
of the building process. Each run is a new interpreter so memory figures are
not polluted by earlier runs; start-up (imports) is included, as a user sees it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

_CHILD = """
import json, resource, sys, time
from pathlib import Path
started = time.perf_counter()
from kg.corpus import build_corpus
summary = build_corpus([Path(p) for p in sys.argv[2:]], Path(sys.argv[1]))  # what `kg build --no-cache` runs
elapsed = time.perf_counter() - started
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "build_seconds": summary.seconds, "characters": summary.characters,
                  "reports": summary.reports, "triples": summary.triples, "peak_mib": peak_kib / 1024}))
"""


def measure(inputs: list[Path], runs: int) -> dict[str, float]:
    results = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "graph.nq"
        for _ in range(runs):
            results.append(_one_run(out, inputs))
    build_seconds = statistics.median(r["build_seconds"] for r in results)
    first = results[0]
    return {
        "reports": first["reports"],
        "characters": first["characters"],
        "triples": first["triples"],
        "seconds": statistics.median(r["seconds"] for r in results),
        "build_seconds": build_seconds,
        "chars_per_s": first["characters"] / build_seconds,
        "peak_mib": max(r["peak_mib"] for r in results),
        "tree_mib": max(r["tree_mib"] for r in results),
    }


def _one_run(out: Path, inputs: list[Path]) -> dict[str, float]:
    """One build in a fresh interpreter, sampling the resident memory of it and its workers."""
    command = [sys.executable, "-c", _CHILD, str(out), *map(str, inputs)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT) as process:
        tree_peak = 0
        while process.poll() is None:
            tree_peak = max(tree_peak, _tree_rss_kib(process.pid))
            time.sleep(0.05)
        stdout = process.stdout.read() if process.stdout else ""
    if process.returncode:
        raise SystemExit(f"build failed with status {process.returncode}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["tree_mib"] = max(tree_peak / 1024, result["peak_mib"])
    return result


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (0 where unreadable)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = [
                c for task in Path(f"/proc/{current}/task").iterdir() for c in (task / "children").read_text().split()
            ]
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        stack.extend(int(child) for child in children)
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    args = parser.parse_args()
    cases = [(p.stem, [p]) for p in sorted((SHARED / "eval" / "texts").glob("*.txt"))]
    if args.corpus.is_dir():
        cases.append(("corpus (all)", [args.corpus]))
    print(
        f"{'input':16} {'reports':>7} {'chars':>10} {'triples':>9} {'wall s':>7} {'build s':>7} {'chars/s':>10} {'peak MiB':>8}"
    )
    for name, inputs in cases:
        r = measure(inputs, args.runs)
        print(f"{name:16} {r['reports']:7d} {r['characters']:10,d} {r['triples']:9,d} {r['seconds']:7.2f} "
              f"{r['build_seconds']:7.2f} {r['chars_per_s']:10,.0f} {r['peak_mib']:8.0f} {r['tree_mib']:9.0f}")  # fmt: skip
    print(
        f"(median of {args.runs} runs each; wall includes importing kg, build excludes it; peak resident memory"
        " of the main process, and of it with its worker processes, sampled every 50 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
