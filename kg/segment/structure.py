"""Headings: parts (一、), sections ((一)), numbered actions (第一，/一是), highlights (——)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import Section, Span
from kg.segment.numerals import chinese_to_int

_CN = "一二三四五六七八九十百零〇两"
# A heading ends at the first full stop or at the end of its line.
_PATTERNS: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("part", 1, re.compile(rf"^[ ]*(?:第([{_CN}]+)部分|([{_CN}]{{1,3}})[、.．])[ ]*(?P<title>[^\n。]{{1,60}})")),
    ("section", 2, re.compile(rf"^[ ]*[（(]([{_CN}]{{1,3}})[)）][ ]*(?P<title>[^\n。]{{1,80}})")),
    ("action", 3, re.compile(rf"^[ ]*(?:第([{_CN}]{{1,3}})[，,、]|([{_CN}]{{1,3}})是)[ ]*(?P<title>[^\n。]{{1,80}})")),
    ("highlight", 3, re.compile(r"^[ ]*——(?P<title>[^\n。—]{2,40})。")),
)
LEVEL_OF = {kind: level for kind, level, _ in _PATTERNS}
LEVEL_OF["glossary"] = 1


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, without the line break."""
    start = 0
    for match in re.finditer(r"\n", text):
        yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def find_headings(text: str, stop: int) -> list[Section]:
    """Headings in ``text[:stop]`` as Sections whose spans are closed later."""
    headings: list[Section] = []
    for start, end in iter_lines(text[:stop]):
        line = text[start:end]
        for kind, _level, pattern in _PATTERNS:
            match = pattern.match(line)
            if not match or not _plausible(kind, line, match):
                continue
            number_text = next((g for g in match.groups()[:2] if g), None) if kind != "highlight" else None
            title = match.group("title").strip()
            head_end = start + match.end("title")
            headings.append(
                Section(
                    kind=kind,
                    number=chinese_to_int(number_text) if number_text else None,
                    title=title,
                    span=Span(start, end),
                    heading=Span(start + len(line) - len(line.lstrip()), head_end),
                )
            )
            break
    return headings


def _plausible(kind: str, line: str, match: re.Match[str]) -> bool:
    title = match.group("title")
    if kind == "part":
        # "一、" parts are short lines of their own; long prose lines starting 一、 are list items.
        return len(line.strip()) <= 40 and "，" not in title[:6]
    if kind == "action":
        return not title.startswith(("的", "年", "个", "次", "批", "项"))
    return True


def close_spans(sections: list[Section], text_end: int) -> None:
    """Extend each heading's span to the next heading of the same or a higher level; set parents."""
    stack: list[int] = []
    for index, section in enumerate(sections):
        level = LEVEL_OF[section.kind]
        while stack and LEVEL_OF[sections[stack[-1]].kind] >= level:
            _close(sections, stack.pop(), section.span.start)
        section.parent = stack[-1] if stack else None
        stack.append(index)
    while stack:
        _close(sections, stack.pop(), text_end)


def _close(sections: list[Section], index: int, end: int) -> None:
    section = sections[index]
    section.span = Span(section.span.start, max(section.span.end, end))
