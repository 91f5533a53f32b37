"""Where a sentence sits in the report decides what its figures are.

A report reviews the past (last year, the last five-year plan) and then sets
targets (this year, the next five-year plan). The part heading says which:
"2019年工作简要回顾" → actual figures of 2019; "2020年工作安排" → targets for 2020;
"“十四五”时期的主要目标任务" → targets for the 十四五 span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.model import Document

_REVIEW = re.compile(r"回顾|总结|过去|成就|成绩|工作情况|完成情况")
_PLAN_SPAN = re.compile(r"十[一二三四五六七]五|五年|远景|规划")
_PLAN = re.compile(r"\d{4}年|今年|明年|安排|重点|任务|目标|打算|建议|要求|取向|部署")
_SPAN_NUMERALS = "一二三四五六七八九"


@dataclass(frozen=True, slots=True)
class PartContext:
    status: str  # actual / target: what a figure here is unless the sentence says otherwise
    period: str  # a year (2019) or a plan span (十三五)
    span: str  # the five-year plan this part speaks of, for 年均 (average annual) figures
    skip: bool = False
    year: str = ""  # the report's own year, for targets stated outside a plan part  # the glossary: definitions, not the report's figures


def read_table(name: str) -> list[list[str]]:
    """Rows of a tab-separated resource under kg/resources, comments dropped."""
    return [list(row) for row in _table(name)]


@cache
def _table(name: str) -> tuple[tuple[str, ...], ...]:
    raw = resources.files("kg.resources").joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        rows.append(tuple(cells + [""] * (3 - len(cells))))
    return tuple(rows)


def plan_name(year: int) -> str:
    """The five-year plan a year falls in: 2016–2020 → 十三五, 2021–2025 → 十四五."""
    number = (year - 1966) // 5 + 3  # the 3rd plan began in 1966, after the 1963–65 adjustment
    if number < 10 or number > 19:
        return ""
    return "十" + _SPAN_NUMERALS[number - 11] + "五" if number > 10 else "十五"


def part_contexts(doc: Document) -> list[PartContext]:
    """One context per sentence, from the heading of the part it belongs to."""
    year = doc.meta.year
    review = PartContext(
        "actual", str(year - 1) if year else "", plan_name(year - 1) if year else "", year=str(year or "")
    )
    contexts = []
    current = review
    by_part: dict[int | None, PartContext] = {}
    for sentence in doc.sentences:
        part = _part_of(doc, sentence.section)
        if part not in by_part:
            by_part[part] = _context_for(doc, part, current, year)
        current = by_part[part]
        contexts.append(current)
    return contexts


def _part_of(doc: Document, index: int | None) -> int | None:
    while index is not None:
        section = doc.sections[index]
        if section.kind in ("part", "glossary"):
            return index
        index = section.parent
    return None


def _context_for(doc: Document, part: int | None, previous: PartContext, year: int | None) -> PartContext:
    if part is None:
        return previous
    section = doc.sections[part]
    if section.kind == "glossary":
        return PartContext(previous.status, previous.period, previous.span, skip=True, year=previous.year)
    title = section.title
    last = str(year - 1) if year else ""
    if _REVIEW.search(title):
        span = plan_name(year - 1) if year else ""
        five_year = bool(re.search(r"十[一二三四五六七]五|五年", title)) and not re.search(r"\d{4}年|一年", title)
        return PartContext("actual", span if five_year else last, span, year=previous.year)
    titled = re.search(r"(\d{4})年", title)
    if titled and year and int(titled.group(1)) < year:  # "2020年工作" in a 2021 report looks back
        return PartContext("actual", titled.group(1), plan_name(year - 1), year=previous.year)
    span = plan_name(year) if year else ""
    if _PLAN_SPAN.search(title) and not titled:
        return PartContext("target", span, span, year=previous.year)
    if _PLAN.search(title) or previous.status == "target":
        return PartContext("target", str(year) if year else "", span, year=previous.year)
    return previous
