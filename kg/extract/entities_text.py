"""Shared ground for the entity rules: lexicons from kg/resources, jieba tokens, candidates.

jieba is initialised once, lazily, as a private Tokenizer (so the head words we add
never change what other extractors get from jieba's global one). Part-of-speech
tags come from jieba's dictionary table, a lookup, because ``posseg`` is several
times slower than plain cutting.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import jieba
import jieba.posseg

_RESOURCES = "kg.resources"
QUOTED = re.compile(r"“[^“”]{1,30}”|《[^《》]{1,60}》")
CJK = re.compile(r"[\u4e00-\u9fff]")


# jieba words that glue two name heads together and so hide the second name's start.
_SPLIT_WORDS = ("街道社区", "社区服务中心", "街道社区服务中心", "山镇", "山村")  # 灵/山镇, 白石/山镇: 灵山 + 镇


# Verbs jieba would otherwise split (打/好污染…), so the name after them starts clean.
_VERBS_BEFORE_NAMES = ("打好", "打赢", "打响", "办好", "抓好", "做好", "用好", "我区", "我县", "我市", "我省")


@dataclass(frozen=True, slots=True)
class Token:
    word: str
    tag: str
    start: int  # offsets within the sentence
    end: int


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed mention, with offsets within its sentence."""

    start: int
    end: int
    type: str
    canonical: str = ""
    priority: int = 1  # a higher number wins a crossing conflict
    source: str = "entities"


# A pointer to the glossary after a term: [4], ［4］, 【4】, 〔4〕, and （4） right after a closing quote (or
# opening the words that follow one).
FOOTNOTE = r"(?:\^?[\[［【〔]\d{1,2}[\]］】〕]|(?:(?<=”)|^)[（(]\d{1,2}[）)])"
FOOTNOTE_MARK = re.compile(FOOTNOTE)


def data_lines(name: str) -> list[list[str]]:
    """Tab-separated rows of a resource file, comment and blank lines left out."""
    text = resources.files(_RESOURCES).joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def heads() -> dict[str, str]:
    """Name head → entity type, longest head first."""
    rows = sorted(data_lines("name_heads.tsv"), key=lambda row: -len(row[0]))
    return {row[0]: row[1] for row in rows}


@cache
def longest_head() -> int:
    return max(len(head) for head in heads())


@cache
def gazetteer() -> dict[str, tuple[str, str]]:
    """Surface form → (type, full name) from the place list and the general lexicon."""
    forms: dict[str, tuple[str, str]] = {}
    for row in data_lines("places.tsv"):
        _add_forms(forms, row[0], "Place", row[1] if len(row) > 1 else "")
    for row in data_lines("lexicon.tsv"):
        _add_forms(forms, row[0], row[1], row[2] if len(row) > 2 else "")
    return forms


def _add_forms(forms: dict[str, tuple[str, str]], name: str, type_name: str, shorts: str) -> None:
    for form in [name, *shorts.split("|")]:
        if form and form not in forms:
            forms[form] = (type_name, name)


@cache
def industries() -> frozenset[str]:
    return frozenset(row[0] for row in data_lines("industries.txt"))


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for head in heads():
        tokenizer.add_word(head, 2000)
    for word in industries():
        tokenizer.add_word(word, 1000)
    for word in _SPLIT_WORDS:
        tokenizer.del_word(word)
    for word in _VERBS_BEFORE_NAMES:
        tokenizer.add_word(word, 5000)
    return tokenizer


def frequency(word: str) -> int:
    """How often jieba's dictionary saw the word: common words run to hundreds, place names to a few."""
    return int(_tokenizer().FREQ.get(word, 0))


def tag_of(word: str) -> str:
    if word in heads():
        return "head"
    if word in industries():
        return "n"  # added to the tokenizer as words, but common nouns all the same
    tag = jieba.posseg.dt.word_tag_tab.get(word)
    if tag:
        return tag
    if word.isascii() and word.isalnum():
        return "m" if any(ch.isdigit() for ch in word) else "eng"
    return "unk" if CJK.search(word) else "x"  # a word jieba does not know is often a name


def tokens(text: str) -> list[Token]:
    """jieba tokens of one sentence; a quoted “…” or 《…》 stays one token (tag 'quote')."""
    out: list[Token] = []
    position = 0
    for match in QUOTED.finditer(text):
        out.extend(_cut(text[position : match.start()], position))
        out.append(Token(match.group(), "quote", match.start(), match.end()))
        position = match.end()
    out.extend(_cut(text[position:], position))
    return out


def word_boundaries(toks: list[Token]) -> set[int]:
    """Offsets where a word starts or ends, inside quotes too (国务院 in 《中共中央国务院关于…》)."""
    edges = {t.start for t in toks} | {t.end for t in toks}
    for token in toks:
        if token.tag == "quote":
            inner = _cut(token.word[1:-1], token.start + 1)
            edges.update(t.start for t in inner)
            edges.update(t.end for t in inner)
    return edges


def _cut(text: str, offset: int) -> list[Token]:
    out: list[Token] = []
    position = offset
    for word in _tokenizer().cut(text, HMM=False):
        out.append(Token(word, tag_of(word), position, position + len(word)))
        position += len(word)
    return out
