"""Sentences: split at 。！？ and line breaks, offsets trimmed of white space."""

from __future__ import annotations

import bisect
import re

from kg.model import Sentence, Span

# A sentence ends after a terminal mark (and any closing quotes/brackets after it) or at a line break.
_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n")
_SPACE = " \n\t\u3000"
# No real sentence is longer than 473 characters (corpus and dev texts). A longer run without a full
# stop is a table or a scrape that lost its punctuation; extractors cost grows with the square of a
# sentence's length (40,000 characters in one line took 44 s), so such runs are cut into pieces.
MAX_SENTENCE = 1000
_CLAUSE_END = "；;，,、：: "


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        _append_bounded(sentences, text, start, match.end())
        start = match.end()
    _append_bounded(sentences, text, start, len(text))
    return sentences


def _append_bounded(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE:
        cut = _clause_cut(text, start)
        _append(sentences, text, start, cut)
        start = cut
    _append(sentences, text, start, end)


def _clause_cut(text: str, start: int) -> int:
    """Where to cut a run from ``start``: after the last clause mark in its second half, else at the limit."""
    limit = start + MAX_SENTENCE
    for index in range(limit, start + MAX_SENTENCE // 2, -1):
        if text[index - 1] in _CLAUSE_END:
            return index
    return limit


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
