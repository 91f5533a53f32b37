"""Bytes to text: BOM-marked UTF-8/UTF-16, plain UTF-8, GB18030 (a superset of GBK).

Scraped files are often slightly damaged: cut off inside the last multi-byte
character, or with a few corrupted bytes. Such a file is still read (the
damage replaced by U+FFFD, a warning recorded) rather than rejected; a file
whose bytes fit no encoding well is rejected with the reason.
"""

from __future__ import annotations

import codecs

from kg.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Share of characters that may be control characters before we call it binary.
_MAX_CONTROL_SHARE = 0.01
# Share of undecodable bytes a damaged file may have and still be read.
_MAX_DAMAGED_SHARE = 0.001
# GB18030 decodes almost any byte string; real Chinese text decoded with it is
# mostly the 3,755 common characters of GB 2312 level 1 (≥ 0.68 even for the
# traditional-character 1954 report in the corpus), UTF-8 read as GB18030 is
# not (≤ 0.31 on corpus samples).
_MIN_COMMON_HANZI_SHARE = 0.5
# Corpus reports re-encoded as UTF-16 are >= 0.73 such characters; UTF-8 or GB18030 bytes read as UTF-16 <= 0.14.
_MIN_REPORT_CHARACTER_SHARE = 0.5


def decode(data: bytes, path: str, warnings: list[str] | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`InputError` naming the reason.

    Damage that was repaired is described in ``warnings``.
    """
    if not data.strip():
        raise InputError(path, "file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data, encoding, path, warnings), encoding.replace("-sig", "")
    if b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _accept(utf16[0], path, warnings), utf16[1]
        if data.count(0) > max(8, len(data) * _MAX_CONTROL_SHARE):
            raise InputError(path, "binary file (NUL bytes), not a text report")
        # A few stray NULs in UTF-8 or GB18030 text: read on, they become spaces.
    for attempt in (_strict, _lenient):
        for encoding in ("utf-8", "gb18030"):
            decoded = attempt(data, encoding)
            if decoded is not None and (encoding == "utf-8" or _reads_as_chinese(decoded[0])):
                return _accept(decoded, path, warnings), encoding
    raise InputError(path, "bytes decode in none of UTF-8, UTF-16, GB18030/GBK (binary, damaged, or mixed encodings)")


# A decoded text and a note on the damage repaired ("" when there was none).
_Decoded = tuple[str, str]


def _accept(decoded: _Decoded, path: str, warnings: list[str] | None) -> str:
    text, note = decoded
    if note and warnings is not None:
        warnings.append(note)
    return _not_binary(text, path)


def _strict(data: bytes, encoding: str) -> _Decoded | None:
    """Decode, forgiving only a multi-byte character cut off at the very end."""
    try:
        return data.decode(encoding), ""
    except UnicodeDecodeError as exc:
        if exc.end != len(data) or exc.start < len(data) - 3:
            return None
        try:
            text = data[: exc.start].decode(encoding)
        except UnicodeDecodeError:
            return None
        return (
            text,
            f"file ends inside a {encoding} character (cut off); its last {len(data) - exc.start} byte(s) dropped",
        )


def _lenient(data: bytes, encoding: str) -> _Decoded | None:
    """Decode with U+FFFD for a few damaged bytes; None when too much is damaged."""
    text = data.decode(encoding, errors="replace")
    damaged = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
    if damaged > max(3, len(data) * _MAX_DAMAGED_SHARE):
        return None
    return text, f"{damaged} undecodable {encoding} byte sequence(s) replaced by U+FFFD"


def _reads_as_chinese(text: str) -> bool:
    """False for text that only decodes as GB18030 by accident (mojibake)."""
    hanzi = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if len(hanzi) < 8:
        return True
    common = sum(1 for ch in hanzi if _is_common_hanzi(ch))
    return common >= _MIN_COMMON_HANZI_SHARE * len(hanzi)


def _is_common_hanzi(ch: str) -> bool:
    try:
        lead = ch.encode("gb2312")[0]
    except UnicodeEncodeError:
        return False
    return 0xB0 <= lead <= 0xD7


def _utf16_without_bom(data: bytes) -> tuple[_Decoded, str] | None:
    """UTF-16 without a byte-order mark, in whichever byte order reads as a report.

    Where the NULs fall does not tell the order: ASCII has a zero high byte, but so
    many Chinese characters have a zero low byte (一 is U+4E00).
    """
    best: tuple[float, _Decoded, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        decoded = _strict(data, encoding)
        if decoded is not None:
            share = _report_character_share(decoded[0][:2000])
            if best is None or share > best[0]:
                best = (share, decoded, encoding)
    if best is None or best[0] < _MIN_REPORT_CHARACTER_SHARE:
        return None  # UTF-8 or binary bytes read as UTF-16 give characters from all over Unicode
    return best[1], best[2]


def _report_character_share(text: str) -> float:
    """Share of characters a Chinese report is made of: ASCII text, CJK punctuation, full-width forms, GB 2312."""
    usual = sum(1 for ch in text if _is_report_character(ch))
    return usual / len(text) if text else 0.0


def _is_report_character(ch: str) -> bool:
    if ch.isascii():
        return ch.isprintable() or ch in "\n\r\t"
    if "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef":
        return True
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _checked(data: bytes, encoding: str, path: str, warnings: list[str] | None) -> str:
    decoded = _strict(data, encoding) or _lenient(data, encoding)
    if decoded is None:
        raise InputError(path, f"{encoding} byte-order mark, but the bytes are not {encoding}")
    return _accept(decoded, path, warnings)


def _not_binary(text: str, path: str) -> str:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text) * _MAX_CONTROL_SHARE):
        raise InputError(path, "binary file (control bytes), not a text report")
    if not text.strip():
        raise InputError(path, "file holds only white space")
    return text
