"""How long the corpus view takes: reading the graph, writing the page, and drawing it in Chromium.

    python benchmarks/viz_draw.py [--graph corpus.nq] [--runs 3]

Without --graph the corpus is built once into out/bench/corpus.nq (shared with
query_latency.py). The page records, in ``data-drawn-ms``, the milliseconds from
navigation start to its first complete drawing; headless Chromium (offline
flags, fresh profile) reports it through --dump-dom. Needs ``chromium``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.network import load_network
from kg.viz import write_html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from query_latency import corpus_graph  # a sibling script, not a package

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1200,800", "--virtual-time-budget=30000", "--dump-dom"]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, help="graph file or folder (default: the corpus, built once)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    graph = args.graph or corpus_graph()
    started = time.perf_counter()
    network = load_network(graph)
    read = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "view.html"
        started = time.perf_counter()
        write_html(network, page, graph.name)
        written = time.perf_counter() - started
        print(f"{len(network.nodes):,} nodes, {len(network.edges):,} edges; read {read:.1f} s, page written in "
              f"{written:.1f} s ({page.stat().st_size / 1e6:.1f} MB)")  # fmt: skip
        if browser is None:
            print("chromium not found: drawing not measured")
            return 0
        drawn = [draw(browser, page) for _ in range(args.runs)]
    shown = ", ".join(f"{ms:,}" for ms in drawn)
    print(f"first drawing after {statistics.median(drawn):,.0f} ms (median of {shown}; target 10,000)")
    return 0


def draw(browser: str, page: Path) -> int:
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", page.as_uri()],
                             capture_output=True, timeout=300, check=False).stdout.decode("utf-8", "replace")  # fmt: skip
    match = re.search(r'data-drawn-ms="(\d+)"', dom)
    if match is None:
        raise SystemExit("the page never finished drawing")
    return int(match.group(1))


if __name__ == "__main__":
    sys.exit(main())
