"""Build time of pathological texts: one long run of a repeated piece, no full stop, no line break.

    .venv/bin/python benchmarks/pathological.py --chars 200000

Each case is one repeated piece (digits, brackets, money, enumerations…), the
kind of text a scrape of a table or a page that lost its punctuation gives.
The pipeline must stay linear in the text's length on all of them: compare
two sizes (e.g. --chars 40000 and --chars 200000); time should grow ~5x.
Measured 2026-11-27 (shared 2-core machine), 200,000 characters each: 1-30 s
per case ("1亿元" repeated is slowest: 11k observations), linear (money:
25k/50k/100k characters in 3.2/6.1/12.1 s). Before sentences were capped at
1,000 characters, "1亿元" x 13,333 (40k characters) took 44 s (20k: 12.8 s);
before glossaries were capped at 200 entries, 25,000 glossary lines took 107 s
(now 6 s).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.errors import GovkgError  # noqa: E402
from kg.pipeline import process  # noqa: E402

PIECES = {
    "one-char": "一", "digits": "1", "digits-dots": "1.", "growth": "增长1%", "brackets": "【", "markers": "【1】",
    "open-quote": "“", "headings": "\n一、", "colons": "：", "spaced": "我 ", "no-punctuation": "我们推进产业园建设",
    "enumeration": "、甲公司", "chinese-numerals": "一二三四五六七八九十百", "money": "1亿元", "parens": "（",
    "dashes": "——", "glossary": "\n1.词：释义",
}  # fmt: skip
HEADINGS = {"glossary": "名词解释"}  # what a piece needs in front of it to be read as such


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=200_000, help="length of each text")
    args = parser.parse_args()
    process(ROOT / "data" / "pingfang-2020.txt")  # load lexicons and models once, outside the timings
    with tempfile.TemporaryDirectory() as temp:
        for name, piece in PIECES.items():
            path = Path(temp) / f"{name}.txt"
            path.write_text(HEADINGS.get(name, "") + piece * (args.chars // len(piece)), encoding="utf-8")
            started = time.perf_counter()
            try:
                doc = process(path)
                outcome = f"{len(doc.sentences)} sentences, {len(doc.entities)} entities"
            except GovkgError as exc:
                outcome = f"refused: {exc}"
            print(f"{name:18} {time.perf_counter() - started:7.2f} s  {outcome}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
