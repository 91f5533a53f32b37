"""Length-preserving normalisation.

Each character maps to exactly one character, so an offset into the
normalised text is an offset into the original too. Blanket NFKC is avoided
on purpose: it turns Chinese punctuation (，：（）) into ASCII and changes
what a reader sees; we fold only what extraction needs folded.
"""

from __future__ import annotations

import re

_FOLD: dict[int, str] = {}
for _code in range(0xFF10, 0xFF1A):  # ０-９
    _FOLD[_code] = chr(_code - 0xFEE0)
for _code in list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):  # Ａ-Ｚ ａ-ｚ
    _FOLD[_code] = chr(_code - 0xFEE0)
_FOLD.update(
    {
        ord("％"): "%",
        ord("．"): ".",
        ord("＋"): "+",
        ord("－"): "-",
        ord("／"): "/",
        ord("～"): "~",
        0x3000: " ",  # ideographic space
        0x00A0: " ",  # no-break space
        0x2002: " ",
        0x2003: " ",
        0x2009: " ",
        0x200B: " ",  # zero-width space keeps its slot as a plain space
        0xFEFF: " ",  # a stray BOM inside the text
        ord("\t"): " ",
        ord("\r"): " ",
        ord("\f"): "\n",
        ord("\v"): "\n",
        0x2028: "\n",
        0x2029: "\n",
        0x0085: "\n",
        0xFFFE: "\ufffd",  # noncharacters: valid UTF-8, but not allowed in XML (RDF/XML output)
        0xFFFF: "\ufffd",
    }
)
_TABLE = str.maketrans(_FOLD)

# Some scraped reports carry the two-character escapes "\r\n" and "\n" as
# literal text; they become spaces and one real line break, same length.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_LITERAL_BREAK = re.compile(r"(?:\\r)?\\n")


def _blank_break(match: re.Match[str]) -> str:
    return " " * (len(match.group()) - 1) + "\n"


# A carriage return on its own is a line break (old Mac files); before a line feed it is just a space.
_LONE_CR = re.compile(r"\r(?!\n)")


def normalise(text: str) -> str:
    """Fold full-width digits, letters and spaces; same length as ``text``."""
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    folded = text.translate(_TABLE)
    if "\\n" in folded:
        folded = _LITERAL_BREAK.sub(_blank_break, folded)
    return _CONTROL.sub(" ", folded)
