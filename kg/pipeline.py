"""The whole path from a report file to quads, as one library call.

>>> from kg.pipeline import process
>>> doc = process(Path("data/pingfang-2020.txt"))
>>> doc.meta.place
'哈尔滨市平房区'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract import run_extractors
from kg.ingest import read_report, slug_for
from kg.model import Document
from kg.resolve import resolve
from kg.segment import segment


def process(path: Path, doc_id: str | None = None, extractors: Iterable[str] | None = None) -> Document:
    """Ingest, segment, extract and resolve one report."""
    doc = read_report(path, doc_id)
    return analyse(doc, extractors)


def analyse(doc: Document, extractors: Iterable[str] | None = None) -> Document:
    segment(doc)
    run_extractors(doc, extractors)
    resolve(doc)
    return doc


@dataclass
class BuildSummary:
    reports: int = 0
    characters: int = 0
    triples: int = 0
    observations: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        rate = self.characters / self.seconds if self.seconds else 0.0
        types = ", ".join(f"{name} {count}" for name, count in sorted(self.entities.items()))
        lines = [
            f"reports: {self.reports}  characters: {self.characters:,}  time: {self.seconds:.2f} s"
            f"  ({rate:,.0f} chars/s)",
            f"entities: {sum(self.entities.values())} ({types or 'none'})",
            f"observations: {self.observations}",
            f"triples: {self.triples}",
        ]
        return lines + [f"warning: {w}" for w in self.warnings]


def unique_ids(paths: list[Path]) -> list[str]:
    """Report ids from file names; a repeated name gets its folder's name too, then a number."""
    ids = [slug_for(p) for p in paths]
    counts = Counter(ids)
    for index, (path, doc_id) in enumerate(zip(paths, ids, strict=True)):
        if counts[doc_id] > 1:
            ids[index] = slug_for(Path(f"{path.parent.name}-{path.name}"))
    return _number_repeats(ids)


def _number_repeats(ids: list[str]) -> list[str]:
    """Ids can still repeat (names cut at 120 characters, or one folder name): two reports must never share a graph."""
    taken, seen, unique = set(ids), Counter[str](), []
    for doc_id in ids:
        seen[doc_id] += 1
        candidate, number = doc_id, seen[doc_id]
        while number > 1 and candidate in taken:
            candidate, number = f"{doc_id}-{number}", number + 1
        taken.add(candidate)
        unique.append(candidate)
    return unique
