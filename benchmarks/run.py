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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

_CHILD = """
import json, resource, sys, time
from pathlib import Path
started = time.perf_counter()
from kg.pipeline import build
summary = build([Path(p) for p in sys.argv[2:]], Path(sys.argv[1]))
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
            completed = subprocess.run(
                [sys.executable, "-c", _CHILD, str(out), *map(str, inputs)],
                capture_output=True, text=True, check=True, cwd=ROOT,
            )  # fmt: skip
            results.append(json.loads(completed.stdout.strip().splitlines()[-1]))
    seconds = statistics.median(r["seconds"] for r in results)
    build_seconds = statistics.median(r["build_seconds"] for r in results)
    first = results[0]
    return {
        "reports": first["reports"],
        "characters": first["characters"],
        "triples": first["triples"],
        "seconds": seconds,
        "build_seconds": build_seconds,
        "chars_per_s": first["characters"] / build_seconds,
        "peak_mib": max(r["peak_mib"] for r in results),
    }


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
              f"{r['build_seconds']:7.2f} {r['chars_per_s']:10,.0f} {r['peak_mib']:8.0f}")  # fmt: skip
    print(f"(median of {args.runs} runs each; wall includes importing kg, build excludes it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
