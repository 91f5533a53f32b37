"""Entity extraction and alias resolution time per report, on the whole corpus.

    python benchmarks/entities.py [--corpus ../shared/corpus]

Reports are read and segmented first (not timed); then the one-off jieba and
lexicon start-up, and the entity extractor and resolver over every report, are
timed separately. The target is well under 0.2 s per report, so that relation
and corpus work keep their share of the corpus budget.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.extract import load_extractors
from kg.ingest import find_reports, read_report
from kg.model import Document
from kg.resolve import resolve
from kg.segment import segment

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    docs = [_segmented(path) for path in find_reports([args.corpus])]
    extract = load_extractors()["entities"]
    started = time.perf_counter()
    extract(docs[0])
    startup = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs[1:]:
        extract(doc)
    extraction = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs:
        resolve(doc)
    resolution = time.perf_counter() - started
    characters = sum(len(doc.text) for doc in docs[1:])
    per_report = extraction / max(1, len(docs) - 1)
    print(f"reports: {len(docs)}  characters: {characters:,}")
    print(f"first report (jieba and lexicons start-up included): {startup:.2f} s")
    print(f"entities: {extraction:.2f} s, {per_report:.3f} s/report, {characters / extraction:,.0f} chars/s")
    print(f"resolve: {resolution:.2f} s for all reports")


def _segmented(path: Path) -> Document:
    doc = read_report(path)
    segment(doc)
    return doc


if __name__ == "__main__":
    main()
