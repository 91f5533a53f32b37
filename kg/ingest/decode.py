"""Bytes to text: BOM-marked UTF-8/UTF-16, plain UTF-8, GB18030 (a superset of GBK)."""

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


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`InputError` naming the reason."""
    if not data.strip():
        raise InputError(path, "file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data, encoding, path), encoding.replace("-sig", "")
    if b"\x00" in data[:4096]:
        return _utf16_without_bom(data, path)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _not_binary(text, path), encoding
    raise InputError(path, "bytes decode in none of UTF-8, UTF-16, GB18030/GBK")


def _utf16_without_bom(data: bytes, path: str) -> tuple[str, str]:
    """NUL bytes mean UTF-16 (ASCII such as line breaks has a zero high byte) or binary."""
    head = data[:4096]
    encoding = "utf-16-le" if head[1::2].count(0) >= head[0::2].count(0) else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(path, "binary file (NUL bytes), not a text report") from None
    readable = sum(1 for ch in text[:2000] if ch.isprintable() or ch in "\n\r\t")
    if readable < 0.95 * min(len(text), 2000):
        raise InputError(path, "binary file (NUL bytes), not a text report")
    return _not_binary(text, path), encoding


def _checked(data: bytes, encoding: str, path: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"invalid {encoding} at byte {exc.start}") from None
    return _not_binary(text, path)


def _not_binary(text: str, path: str) -> str:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text) * _MAX_CONTROL_SHARE):
        raise InputError(path, "binary file (control bytes), not a text report")
    if not text.strip():
        raise InputError(path, "file holds only white space")
    return text
