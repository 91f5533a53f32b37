"""The 名词解释 glossary in every form the corpus uses, and in-text markers pointing at it.

Headings seen: 名词解释, 名词解释：, *名词解释, ※名词解释※, [名词解释], 【名词解释】,
附：名词解释, 附件一：名词解释, 《政府工作报告》名词解释.
Entries seen: ``1.词:释义``, ``1.[词]释义``, ``【1】词：释义``, ``[1]词：释义``,
``〔1〕词：释义``, and unnumbered ``词：释义``. A line without an entry number
continues the entry before it.
"""

from __future__ import annotations

import re

from kg.model import GlossaryEntry, Marker, Span
from kg.segment.structure import iter_lines

_HEADING = re.compile(
    r"^[ ]*[※*＊【\[〔（(]?[ ]*(?:附(?:件[一二三四五1-9])?[ ]*[：:][ ]*)?(?:《[^》]{0,12}》)?"
    r"名词解释[ ]*[※*＊】\]〕）)]?[ ]*[：:]?[ ]*$"
)
_NUMBER = re.compile(
    r"^[ ]*(?:(?P<a>\d{1,3})[ ]*[.、．](?!\d)|[\[【〔](?P<b>\d{1,3})[\]】〕]|[（(](?P<c>\d{1,3})[)）])[ ]*"
)
_BRACKETED = re.compile(r"^[\[【](?P<term>[^\]】\n]{1,60})[\]】][ ]*[：:]?[ ]*")
_COLON = re.compile(r"^(?P<term>[^：:\n]{1,60}?)[ ]*[：:][ ]*")
_FOOTER = re.compile(r"^[ ]*(?:分享到|打印|关闭|责任编辑|【?字体|来源[：:]|扫一扫)")
# Markers: 【3】 [3] ^[3] 〔3〕 right after a term in the body.
MARKER = re.compile(r"\^?(?:\[(\d{1,2})\]|【(\d{1,2})】|〔(\d{1,2})〕)")
_QUOTE_CHARS = "“”\"‘’'《》「」"
# The longest glossary in the corpus has 39 entries. Extractors compare glossary entries with every
# sentence, so a "glossary" of thousands of lines (a scraped list) would cost quadratic time.
MAX_GLOSSARY_ENTRIES = 200


def find_glossary_start(text: str) -> tuple[int, int] | None:
    """(heading start, first entry offset) of the last glossary heading, if any."""
    found = None
    for start, end in iter_lines(text):
        if _HEADING.match(text[start:end]):
            found = (start, end)
    return found


def parse_glossary(text: str, body_start: int) -> list[GlossaryEntry]:
    entries: list[GlossaryEntry] = []
    for start, end in iter_lines(text[body_start:]):
        start, end = start + body_start, end + body_start
        line = text[start:end]
        if not line.strip():
            continue
        if _FOOTER.match(line):
            break
        entry = _entry(text, start, end)
        if entry is not None:
            if len(entries) == MAX_GLOSSARY_ENTRIES:
                break
            entries.append(entry)
        elif entries:
            _extend(entries[-1], text, start, end)
    return entries


def _entry(text: str, start: int, end: int) -> GlossaryEntry | None:
    line = text[start:end]
    number_match = _NUMBER.match(line)
    offset = number_match.end() if number_match else 0
    rest = line[offset:]
    head = _BRACKETED.match(rest) or _COLON.match(rest)
    if head is None or (number_match is None and head.re is _BRACKETED):
        return None
    term = head.group("term").strip()
    if not term or len(term.strip(_QUOTE_CHARS)) == 0:
        return None
    if number_match is None and (len(term) > 30 or "，" in term or "。" in term):
        return None
    number = None
    if number_match:
        number = int(next(g for g in number_match.groups() if g))
    term_start = start + offset + head.start("term")
    definition = rest[head.end() :].strip()
    return GlossaryEntry(
        number=number,
        term=term,
        definition=definition,
        span=Span(start, end),
        term_span=Span(term_start, term_start + len(head.group("term").rstrip())),
    )


def _extend(entry: GlossaryEntry, text: str, start: int, end: int) -> None:
    extra = text[start:end].strip()
    entry.definition = f"{entry.definition}\n{extra}" if entry.definition else extra
    entry.span = Span(entry.span.start, end)


def find_markers(text: str, stop: int, numbers: set[int]) -> list[Marker]:
    """Markers in ``text[:stop]`` whose number names a glossary entry."""
    markers = []
    for match in MARKER.finditer(text, 0, stop):
        number = int(next(g for g in match.groups() if g))
        if number in numbers:
            markers.append(Marker(number=number, span=Span(match.start(), match.end())))
    return markers


def term_aliases(term: str) -> list[str]:
    """Surface forms of a headword: as written, unquoted, each part of a 、-list, the quoted core."""
    forms = [term]
    unquoted = term.translate({ord(c): None for c in _QUOTE_CHARS}).strip()
    forms.append(unquoted)
    parts = [p.strip() for p in re.split(r"[、]", unquoted) if p.strip()]
    if len(parts) > 1 and all(len(p) <= 12 for p in parts):
        forms.extend(parts)
    for quoted in re.findall(r"“([^”]{1,20})”", term):
        forms.append(quoted)
    seen: dict[str, None] = {}
    for form in forms:
        if form and form not in seen:
            seen[form] = None
    return list(seen)
