"""Sentences: split at 。！？ and line breaks, offsets trimmed of white space."""

from __future__ import annotations

import bisect
import re

from kg.model import Sentence, Span

# A sentence ends after a terminal mark (and any closing quotes/brackets after it) or at a line break.
_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n")
_SPACE = " \n\t\u3000"


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        _append(sentences, text, start, match.end())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    if end > start:
        sentences.append(Sentence(index=len(sentences), span=Span(start, end), text=text[start:end]))


def assign_sections(sentences: list[Sentence], section_spans: list[tuple[Span, int]]) -> None:
    """Give each sentence the innermost section that contains it.

    ``section_spans`` holds (span, index) sorted by start; sections nest, so
    the innermost container is the latest-starting one that contains it.
    """
    starts = [span.start for span, _ in section_spans]
    for sentence in sentences:
        position = bisect.bisect_right(starts, sentence.span.start)
        for span, index in reversed(section_spans[:position]):
            if sentence.span.start < span.end:
                sentence.section = index
                break


def strip_markers(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub("", text)
