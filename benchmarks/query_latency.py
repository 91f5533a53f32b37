"""Median latency of each example query over the corpus graph, in the embedded store.

    python benchmarks/query_latency.py [--graph corpus.nq | --store DIR] [--runs 7]

Without --graph or --store, the corpus (../shared/corpus) is built once into
out/bench/corpus.nq (reused on later runs; delete it to rebuild). The graph is
loaded into an in-memory pyoxigraph store (or the persistent store is opened
read-only), each query runs once to warm up and then --runs times (in a forked
child, stopped after --timeout seconds); the median
wall time (and CPU time, which shows the cost when other processes share the
cores) is printed per query, flagged when the wall time is above the 100 ms target.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from pathlib import Path

from kg.corpus import build_corpus
from kg.query import open_store, run_query

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "examples" / "queries"
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_GRAPH = ROOT / "out" / "bench" / "corpus.nq"
TARGET_MS = 100.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, help="graph file or folder (default: the corpus, built once)")
    parser.add_argument("--store", type=Path, help="persistent store folder made by kg build --store")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--timeout", type=int, default=60, help="seconds one query may take before it is stopped")
    args = parser.parse_args()
    source = args.store or args.graph or corpus_graph()
    started = time.perf_counter()
    store = open_store(store_dir=args.store) if args.store else open_store(data=source)
    print(f"store: {source}  loaded in {time.perf_counter() - started:.1f} s  ({len(store):,} quads)")
    print(f"{'query':34} {'median ms':>10} {'cpu ms':>8} {'rows':>7}")
    slow = 0
    for path in sorted(QUERIES.glob("*.rq")):
        figures = measure_apart(store, path.read_text(encoding="utf-8"), args.runs, args.timeout)
        if figures is None:
            slow += 1
            print(f"{path.name:34} {'> ' + str(args.timeout) + ' s':>10}  (stopped)")
            continue
        median, cpu, rows = figures
        flag = "  > target" if median > TARGET_MS else ""
        slow += bool(flag)
        print(f"{path.name:34} {median:10.1f} {cpu:8.1f} {rows:7d}{flag}", flush=True)
    print(f"{slow} of {len(list(QUERIES.glob('*.rq')))} queries above {TARGET_MS:.0f} ms")
    return 0


def corpus_graph() -> Path:
    if not DEFAULT_GRAPH.is_file():
        print(f"building {CORPUS} into {DEFAULT_GRAPH} (once) …", file=sys.stderr)
        build_corpus([CORPUS], DEFAULT_GRAPH, cache_dir=DEFAULT_GRAPH.parent / "cache")
    return DEFAULT_GRAPH


def measure_apart(store: object, query: str, runs: int, timeout: int) -> tuple[float, float, int] | None:
    """``measure`` in a forked child (it shares the loaded store), so a runaway query can be stopped."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=lambda: sender.send(measure(store, query, runs)))
    child.start()
    figures = receiver.recv() if receiver.poll(timeout) else None
    if child.is_alive():
        child.kill()
    child.join()
    return figures


def measure(store: object, query: str, runs: int) -> tuple[float, float, int]:
    """Median wall and CPU milliseconds (CPU time shows the cost when other processes share the cores)."""
    rows = len(run_query(store, query))  # warm-up
    wall, cpu = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        run_query(store, query)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return statistics.median(wall), statistics.median(cpu), rows


if __name__ == "__main__":
    sys.exit(main())
