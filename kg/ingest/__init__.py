"""Stage 1: read a report file into a :class:`~kg.model.Document`."""

from __future__ import annotations

import csv
import hashlib
import re
import stat
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError
from kg.ingest.decode import decode
from kg.ingest.html import html_to_text, looks_like_html
from kg.ingest.metadata import read_metadata
from kg.ingest.normalise import normalise
from kg.model import Document

REPORT_SUFFIXES = (".txt", ".text", ".htm", ".html", ".xhtml")
MAX_BYTES = 200 * 1024 * 1024
# The longest report in the corpus is 57,591 characters (national-1955). Building costs ~75 µs and
# ~0.7 kB per character (4 MiB: 107 s, 1 GB; 100 MB: 3 min and 9 GB even before extraction grew),
# so a text 17x the longest real one is refused with the reason: it is a concatenation, and
# building it would starve the machine (benchmarks/big_input.py).
MAX_CHARS = 1_000_000
_TOO_LONG = f"over the {MAX_CHARS:,} characters one report may have; split it into one file per report"
# No text encoding takes more than 4 bytes a character; saved HTML pages carry markup besides.
_MAX_BYTES_PER_CHAR = 16
# Reading a device (/dev/zero) or a pipe would never end, or never start.
_NOT_REGULAR = "not a regular file (a device, pipe or socket)"


def find_reports(inputs: list[Path]) -> list[Path]:
    """Expand files and folders into a sorted list of report files."""
    found: list[Path] = []
    for item in inputs:
        if not item.exists():
            raise InputError(item, "no such file or folder")
        if item.is_dir():
            files = sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
            if not files:
                raise InputError(item, f"folder holds no reports ({', '.join(REPORT_SUFFIXES)})")
            found.extend(files)
        elif not item.is_file():
            raise InputError(item, _NOT_REGULAR)
        else:
            found.append(item)
    # A file named twice (kg build folder folder/a.txt) is one report, not two graphs of it.
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def read_report(path: Path, doc_id: str | None = None) -> Document:
    """Read, decode and normalise one report, and read its metadata."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise InputError(path, _NOT_REGULAR)
        size = status.st_size
        if size > MAX_BYTES:
            raise InputError(path, f"file is {size // 2**20} MiB, over the {MAX_BYTES // 2**20} MiB limit")
        if size > _MAX_BYTES_PER_CHAR * MAX_CHARS:  # refused before reading it into memory
            raise InputError(path, f"file is {size // 2**20} MiB: {_TOO_LONG}")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None
    return report_from_bytes(data, path, doc_id)


def report_from_bytes(data: bytes, path: Path, doc_id: str | None = None) -> Document:
    warnings: list[str] = []
    text, encoding = decode(data, str(path), warnings)
    media_type, title_hint = "text/plain", ""
    if path.suffix.lower() in {".htm", ".html", ".xhtml"} or looks_like_html(text):
        text, title_hint = html_to_text(text)
        media_type = "text/html"
        if not text.strip():
            raise InputError(path, "HTML page has no visible text")
    if len(text) > MAX_CHARS:
        raise InputError(path, f"{len(text):,} characters: {_TOO_LONG}")
    # Titles become literals too: fold them like the text (no control characters, which RDF/XML cannot carry).
    title_hint = normalise(_index_title(path) or _clean_html_title(title_hint))
    normalised = normalise(text)
    meta = read_metadata(normalised, path, title_hint)
    meta.encoding, meta.media_type = encoding, media_type
    digest = hashlib.sha256(data).hexdigest()
    return Document(
        id=doc_id or slug_for(path),
        path=path,
        source=text,
        text=normalised,
        meta=meta,
        content_hash=digest,
        warnings=warnings,
    )


def slug_for(path: Path) -> str:
    """An IRI-safe, stable id from the file name (ASCII kept, the rest hex-escaped)."""
    stem = path.stem.strip() or "report"
    # surrogateescape: a name that is not UTF-8 on disk is hex-escaped byte by byte, not a crash.
    safe = re.sub(r"[^A-Za-z0-9._-]", lambda m: "_" + m.group().encode("utf-8", "surrogateescape").hex(), stem)
    if not safe.strip("."):  # "." and ".." are dot segments: an IRI path would lose them when normalised
        safe = "_2e" * len(safe)
    return safe[:120]


def display_name(path: Path) -> str:
    """The file name as text a graph can hold: undecodable bytes as U+FFFD, control characters as spaces."""
    return normalise(path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


def _clean_html_title(title: str) -> str:
    return re.split(r"[|_\-—]{1,2}", title)[0].strip() if "政府工作报告" in title else ""


def _index_title(path: Path) -> str:
    """The title column of an INDEX.tsv beside the file, where the corpus has one."""
    return _index_titles(path.parent.resolve()).get(path.name, "")


@lru_cache(maxsize=64)
def _index_titles(folder: Path) -> dict[str, str]:
    index = folder / "INDEX.tsv"
    if not index.is_file():
        return {}
    try:
        with index.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}
    return {row["filename"]: row.get("title") or "" for row in rows if row.get("filename")}
