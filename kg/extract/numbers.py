"""Numbers and units as written in Chinese reports: 18.1亿元, 百余家, 超千万元, 万余平方米.

The value keeps the unit's magnitude prefix in the unit, as the report writes it
(2.7万户 is 2.7 of 万户); :func:`unit_parts` gives the base unit and multiplier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.extract.observation_context import read_table

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_POWERS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = "零〇一二两三四五六七八九十百千"
ARABIC = r"\d+(?:\.\d+)?"
# 8,500公里: thousands separators as older reports write them
ARABIC_GROUPED = r"\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?"


@dataclass(frozen=True, slots=True)
class UnitInfo:
    written: str
    base: str  # the normalised base unit (平米 → 平方米)
    multiplier: float | None  # 万 → 10000; None without a prefix
    kind: str  # money / count / percent / area …


def chinese_value(text: str) -> float | None:
    """一 → 1, 十二 → 12, 百 → 100, 两千五百 → 2500; None when ``text`` is not a Chinese numeral."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_POWERS for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch in _CN_POWERS:
            total += (current or 1) * _CN_POWERS[ch]
            current = 0
        elif current:  # 二三 is not a numeral
            return None
        else:
            current = _CN_DIGITS[ch]
    return float(total + current)


def parse_value(text: str) -> float | None:
    """Arabic (18.1, 8,500) or Chinese (一百二十, 三十六点九) numeral as a float."""
    plain = text.replace(",", "")
    if re.fullmatch(ARABIC, plain):
        return float(plain)
    whole, point, fraction = re.sub("點", "点", text).partition("点")
    value = chinese_value(whole)
    if value is None or not point:
        return value
    digits = "".join(str(_CN_DIGITS.get(ch, "x")) for ch in fraction)
    return float(f"{int(value)}.{digits}") if digits.isdigit() else None


@cache
def base_units() -> dict[str, tuple[str, str]]:
    """Written base unit → (normalised base, kind)."""
    return {row[0]: (row[1], row[2]) for row in read_table("units.tsv")}


@cache
def unit_prefixes() -> dict[str, float]:
    return {row[0]: float(row[1]) for row in read_table("unit_prefixes.tsv")}


@cache
def unit_regex() -> str:
    """Alternation of every written unit (prefix + base, or a base alone), longest first."""
    prefixes = sorted(unit_prefixes(), key=len, reverse=True)
    bases = sorted(base_units(), key=len, reverse=True)
    return rf"(?:(?:{'|'.join(prefixes)})?(?:{'|'.join(map(re.escape, bases))}))"


@cache
def prefix_regex() -> str:
    return "|".join(sorted(unit_prefixes(), key=len, reverse=True))


def unit_parts(written: str) -> UnitInfo:
    """亿元 → base 元 × 10^8; 万户 → 户 × 10^4; 万 alone → no base, × 10^4."""
    bases, prefixes = base_units(), unit_prefixes()
    if written in bases:
        base, kind = bases[written]
        return UnitInfo(written, base, None, kind)
    for prefix in sorted(prefixes, key=len, reverse=True):
        if written.startswith(prefix):
            rest = written[len(prefix) :]
            base, kind = bases.get(rest, ("", "number"))
            return UnitInfo(written, base, prefixes[prefix], kind)
    return UnitInfo(written, written, None, "other")
