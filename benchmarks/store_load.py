"""Store benchmarks: load throughput into an Oxigraph server, and query latency through ``kg serve``.

    .venv/bin/python benchmarks/store_load.py                 # builds the corpus first
    .venv/bin/python benchmarks/store_load.py --graph out.nq  # or loads a graph you built

Prints: Oxigraph server load (first load, a reload that replaces every graph,
and a reload through its bulk loader) in triples/s against the 100,000 triples/s target; the embedded
store's write rate (kg build --store); and the median and 95th-percentile
latency of the example queries (examples/queries/*.rq) through kg serve.
Servers run on free loopback ports and are stopped at the end.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.load import Client, Endpoints, load, read_graphs  # noqa: E402
from kg.rdf.load import read_quads  # noqa: E402
from kg.serve import example_queries  # noqa: E402
from kg.store import replace_report_graphs  # noqa: E402
from tests.servers import kg_server, oxigraph_server  # noqa: E402

TARGET = 100_000  # triples/s into the Oxigraph server
ACCEPT = "application/sparql-results+json, text/turtle;q=0.9"  # SELECT/ASK and CONSTRUCT/DESCRIBE alike
QUERY_TIMEOUT = 60  # seconds; a query still running then is reported and left out
CORPUS = ROOT.parent / "shared" / "corpus"


def build_corpus(folder: Path) -> Path:
    output = folder / "corpus.nq"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "build", str(CORPUS), "-o", str(output), "-q"], check=True)
    print(f"built {CORPUS} in {time.perf_counter() - started:.1f} s")
    return output


def bench_server_load(graph: Path, folder: Path, chunk_size: int) -> None:
    """A first load and a reload into a fresh server, per path (transactional PUT, then --bulk)."""
    triples = sum(len(t) for t in read_graphs(graph).values())
    for name, bulk in (("PUT", False), ("--bulk", True)):
        with oxigraph_server(folder / f"oxigraph-{int(bulk)}") as base:
            for label in ("first load", "reload"):
                summary = load(graph, Endpoints.for_server(base), Client(), chunk_size, bulk=bulk)
                rate = summary.triples / summary.seconds
                verdict = "meets" if rate >= TARGET else "BELOW"
                print(f"oxigraph server {label} ({name}): {summary.triples:,} triples in {len(summary.graphs)} graphs, "
                      f"{summary.requests} requests, {summary.seconds:.2f} s = {rate:,.0f} triples/s "
                      f"({verdict} the {TARGET:,}/s target)", flush=True)  # fmt: skip
                assert summary.triples == triples


def bench_embedded_store(graph: Path, store: Path) -> None:
    quads = read_quads(graph)
    started = time.perf_counter()
    counts = replace_report_graphs(store, quads)
    seconds = time.perf_counter() - started
    total = sum(counts.values())
    print(
        f"embedded store write: {total:,} triples in {len(counts)} graphs, {seconds:.2f} s = {total / seconds:,.0f} triples/s"
    )


def bench_queries(store: Path, repeats: int) -> None:
    """Each example query ``repeats`` times; one that times out is not repeated and the server is restarted
    (a query cannot be cancelled inside pyoxigraph, and it would slow every later measurement)."""
    examples = example_queries(ROOT / "examples" / "queries")
    if not examples:
        print("no example queries found; skipping query latency")
        return
    timings: list[float] = []
    timed_out: list[str] = []
    with ExitStack() as stack:
        base = stack.enter_context(kg_server("--store", str(store)))
        for example in examples:
            own: list[float] = []
            for _ in range(repeats):
                seconds = _timed_query(base, example["query"])
                if seconds is None:
                    timed_out.append(example["name"])
                    stack.close()
                    base = stack.enter_context(kg_server("--store", str(store)))
                    break
                own.append(seconds)
            if example["name"] in timed_out:
                done = ", ".join(f"{t:.1f} s" for t in own) or "none"
                print(f"  {example['name']}: a run exceeded {QUERY_TIMEOUT} s (runs finished before it: {done})")
            elif own:
                timings.extend(own)
                print(f"  {example['name']}: median {statistics.median(own) * 1000:.0f} ms", flush=True)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    print(f"kg serve query latency over {len(examples) - len(timed_out)} example queries x {repeats}: "
          f"median {statistics.median(timings) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, max {timings[-1] * 1000:.1f} ms")  # fmt: skip
    if timed_out:
        print(f"timed out after {QUERY_TIMEOUT} s (left out of the figures): {', '.join(timed_out)}")


def _timed_query(base: str, query: str) -> float | None:
    """Seconds until the whole answer arrived, or None when it took longer than QUERY_TIMEOUT."""
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(f"{base}/sparql", data=data, headers={"Accept": ACCEPT})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=QUERY_TIMEOUT) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        print(f"  query failed with HTTP {exc.code}: {exc.read(200).decode('utf-8', 'replace').strip()}", flush=True)
    except TimeoutError:
        return None
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, help="N-Quads/TriG graph to load (default: build the corpus)")
    parser.add_argument("--chunk-size", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=5, help="runs of each example query")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as temp:
        folder = Path(temp)
        graph = args.graph or build_corpus(folder)
        bench_server_load(graph, folder, args.chunk_size)
        bench_embedded_store(graph, folder / "store")
        bench_queries(folder / "store", args.repeats)


if __name__ == "__main__":
    main()
