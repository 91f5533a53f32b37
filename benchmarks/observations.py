"""Time of the observation extractor alone over the corpus, and how many figures it reads.

    python benchmarks/observations.py [--corpus ../shared/corpus]

Reports are read and segmented first (not timed); then only the ``observations``
extractor runs. Target: a few seconds for the whole corpus, so it never dominates a build.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from kg.extract import load_extractors
from kg.ingest import find_reports, read_report
from kg.segment import segment

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    extract = load_extractors()["observations"]
    docs = []
    for path in find_reports([args.corpus]):
        doc = read_report(path)
        segment(doc)
        docs.append(doc)
    started = time.perf_counter()
    for doc in docs:
        extract(doc)
    seconds = time.perf_counter() - started
    observations = [o for doc in docs for o in doc.observations]
    characters = sum(len(doc.text) for doc in docs)
    print(f"reports: {len(docs)}  characters: {characters:,}  observations: {len(observations):,}")
    print(f"observation extractor: {seconds:.2f} s  ({characters / seconds:,.0f} chars/s)")
    for field in ("status", "measure"):
        counts = Counter(getattr(o, field) for o in observations)
        print(f"{field}: " + ", ".join(f"{name} {count}" for name, count in sorted(counts.items())))


if __name__ == "__main__":
    main()
