"""Fuzz the pipeline with random and mutated real reports for a fixed time.

    .venv/bin/python tests/fuzz/fuzz_ingest.py --seconds 600 --out fuzz-crashes

Each input is a real report (the bundled one and the corpus), cut to a random
window and mutated: byte flips, truncation (often inside a multi-byte
character), inserted glossary markers, headings, glossary lines, HTML,
control characters, and switches of encoding (whole file or half of it). It
runs ingest + segment + the full ``kg.pipeline.process`` + RDF build and a
re-parse of the N-Quads, and checks the offset invariants. Anything raised
other than ``GovkgError`` is a crash: its bytes go to ``--out`` as a
reproducer file with the traceback beside it. The run prints its counts.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from kg.errors import GovkgError  # noqa: E402
from kg.model import Document  # noqa: E402
from kg.pipeline import process  # noqa: E402
from kg.rdf.build import build_quads  # noqa: E402
from kg.rdf.serialize import write_stream  # noqa: E402

SEEDS = [ROOT / "data" / "pingfang-2020.txt", *sorted((ROOT.parent / "shared" / "corpus").rglob("*.txt"))]
# Snippets real reports (or broken scrapes of them) contain, inserted at random places.
SNIPPETS = [
    "【3】", "[1]", "^[2]", "〔12〕", "【99】", "\n名词解释\n", "\n【名词解释】\n", "\n附件一：名词解释：\n",
    "\n1.一带一路：丝绸之路经济带。\n", "\n[2]河长制：由各级党政主要负责同志担任河长。\n", "\n一、", "\n（二）",
    "\n第三，", "\n五是", "\n——创新驱动。", "\n第一百部分", "\n十一、过去一年的工作\n", "\\r\\n", "\\n",
    "\x00", "\x07", "\x1b[31m", "\ufeff", "\u200b", "\u202e", "\u2028", "\r\n", "\r", "\t", "😀", "<script>alert(1)</script>",
    "<p>", "</div>", "<!DOCTYPE html>", "&amp;", "&#x0;", '"', "\\", "<", ">", "'", "\ud7ff", "。。。", "？！",
    "７．５％", "２０２０年１月３日", "区长  张三\n", "来源:平房区政府办公室 时间:2020-01-17\n",
]  # fmt: skip
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "big5", "latin-1"]
SUFFIXES = [".txt", ".txt", ".txt", ".html", ".htm", ".text"]


@dataclass
class Stats:
    inputs: int = 0
    built: int = 0
    rejected: Counter[str] = field(default_factory=Counter)  # GovkgError reasons, first words
    crashes: Counter[str] = field(default_factory=Counter)  # signature -> count
    reproducers: list[Path] = field(default_factory=list)
    slowest: list[tuple[float, int, str]] = field(default_factory=list)  # (seconds, bytes, mutation) top 3
    seconds: float = 0.0

    def lines(self) -> list[str]:
        rejected = sum(self.rejected.values())
        lines = [
            f"seconds: {self.seconds:.0f}  inputs: {self.inputs}  built: {self.built}  "
            f"rejected (GovkgError): {rejected}  crashes: {sum(self.crashes.values())} "
            f"({len(self.crashes)} distinct)",
        ]
        lines += [f"  rejected {count}: {reason}" for reason, count in self.rejected.most_common(8)]
        lines += [f"  CRASH {count}: {sig}" for sig, count in self.crashes.most_common()]
        lines += [f"  reproducer: {path}" for path in self.reproducers]
        lines += [f"  slow: {t:.1f} s for {size:,} bytes ({how})" for t, size, how in self.slowest]
        return lines


class Hang(Exception):
    """One input ran longer than the per-input limit."""


def _on_alarm(signum: int, frame: object) -> None:
    raise Hang("input took longer than the per-input time limit")


# Mutations: each takes (bytes, random) and returns new bytes.
def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if buffer:
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
    return bytes(buffer)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randint(0, len(data))]


def cut_last_char(data: bytes, rng: random.Random) -> bytes:
    """Cut inside the last multi-byte character."""
    return data[: -rng.randint(1, 2)] if len(data) > 2 else data


def insert_snippets(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    for _ in range(rng.randint(1, 12)):
        at = rng.randint(0, len(text))
        text = text[:at] + rng.choice(SNIPPETS) + text[at:]
    return text.encode("utf-8", errors="surrogatepass")


def switch_encoding(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    return text.encode(rng.choice(ENCODINGS), errors="replace")


def mix_encodings(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    half = rng.randint(0, len(text))
    return text[:half].encode("utf-8") + text[half:].encode(rng.choice(ENCODINGS), errors="replace")


def random_bytes(data: bytes, rng: random.Random) -> bytes:
    return rng.randbytes(rng.randint(0, 4096))


def repeat_chunk(data: bytes, rng: random.Random) -> bytes:
    start = rng.randint(0, len(data))
    chunk = data[start : start + rng.randint(1, 2000)]
    return data[:start] + chunk * rng.randint(2, 20) + data[start:]


def shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    rng.shuffle(lines)
    return b"\n".join(lines)


def wrap_html(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    body = "".join(f"<p>{line}</p>" for line in text.splitlines())
    return f"<html><head><title>{text[:30]}</title><script>var a='</p>';</script></head><body>{body}".encode()


def change_line_breaks(data: bytes, rng: random.Random) -> bytes:
    """Windows or old-Mac line breaks, or none at all (a scrape that lost them)."""
    return data.replace(b"\n", rng.choice([b"\r\n", b"\r", b"", b"\\n"]))


def xhtml_prolog(data: bytes, rng: random.Random) -> bytes:
    prolog = rng.choice([b'<?xml version="1.0"?>', b"<!-- saved from url=(0014)about:internet -->\n", b"\xef\xbb\xbf"])
    return prolog + data


MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [
    flip_bytes, truncate, cut_last_char, insert_snippets, switch_encoding, mix_encodings,
    random_bytes, repeat_chunk, shuffle_lines, wrap_html, change_line_breaks, xhtml_prolog,
]  # fmt: skip


def make_input(seeds: list[bytes], rng: random.Random) -> tuple[bytes, str]:
    """Mutated bytes and the names of the mutations applied."""
    data = rng.choice(seeds)
    if rng.random() < 0.8:  # a window keeps inputs small, so more of them run
        start = rng.randint(0, max(0, len(data) - 1))
        data = data[start : start + rng.randint(200, 30000)]
    applied = []
    for _ in range(rng.randint(1, 3)):
        mutation = rng.choice(MUTATIONS)
        data = mutation(data, rng)
        applied.append(mutation.__name__)
    return data, "+".join(applied)


def check(doc: Document) -> None:
    """The invariants every built document must hold."""
    assert len(doc.text) == len(doc.source), "normalised text changed length"
    for sentence in doc.sentences:
        assert doc.text[sentence.span.start : sentence.span.end] == sentence.text, f"offsets of {sentence.index}"
    quads = build_quads(doc)
    stream = io.BytesIO()
    write_stream(quads, stream, pyoxigraph.RdfFormat.N_QUADS)
    reparsed = list(pyoxigraph.parse(stream.getvalue(), format=pyoxigraph.RdfFormat.N_QUADS))
    assert len(reparsed) == len(quads), "N-Quads do not re-parse to the same quads"


def run_one(data: bytes, suffix: str, folder: Path) -> None:
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    check(process(path))


def fuzz(seconds: float, seed: int, out: Path, per_input_limit: int = 30) -> Stats:
    rng = random.Random(seed)
    seeds = [path.read_bytes() for path in SEEDS if path.is_file()]
    stats = Stats()
    process(SEEDS[0])  # load lexicons and models first, so the first input's time is its own
    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        with tempfile.TemporaryDirectory() as temp:
            while time.monotonic() - started < seconds:
                (data, how), suffix = make_input(seeds, rng), rng.choice(SUFFIXES)
                stats.inputs += 1
                signal.alarm(per_input_limit)
                one_started = time.monotonic()
                try:
                    run_one(data, suffix, Path(temp))
                    stats.built += 1
                except GovkgError as exc:
                    stats.rejected[_reason(exc)] += 1
                except Exception as exc:
                    _record_crash(stats, exc, data, suffix, out)
                finally:
                    signal.alarm(0)
                took = time.monotonic() - one_started
                stats.slowest = sorted([*stats.slowest, (took, len(data), how)], reverse=True)[:3]
    finally:
        signal.signal(signal.SIGALRM, previous)
    stats.seconds = time.monotonic() - started
    return stats


def _reason(exc: GovkgError) -> str:
    text = str(exc)
    return text.split(": ", 1)[-1][:60]


def _record_crash(stats: Stats, exc: Exception, data: bytes, suffix: str, out: Path) -> None:
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    signature = f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}: {str(exc)[:80]}"
    stats.crashes[signature] += 1
    if stats.crashes[signature] > 1:
        return  # one reproducer per distinct crash
    out.mkdir(parents=True, exist_ok=True)
    name = "crash-" + hashlib.sha1(data).hexdigest()[:12]
    reproducer = out / f"{name}{suffix}"
    reproducer.write_bytes(data)
    (out / f"{name}.traceback.txt").write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    stats.reproducers.append(reproducer)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to run")
    parser.add_argument("--seed", type=int, default=0, help="random seed (the run is repeatable per seed)")
    parser.add_argument("--out", type=Path, default=Path("fuzz-crashes"), help="folder for reproducer files")
    args = parser.parse_args(argv)
    stats = fuzz(args.seconds, args.seed, args.out)
    print("\n".join(stats.lines()))
    return 1 if stats.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
