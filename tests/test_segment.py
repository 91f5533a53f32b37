"""Sections, glossary forms, markers and sentence offsets on real reports."""

from __future__ import annotations

import pytest

from kg.ingest import read_report
from kg.segment import segment
from tests.conftest import PINGFANG, corpus_file, dev_text


def _doc(path):
    return segment(read_report(path))


@pytest.mark.parametrize(
    ("name", "count", "first", "last"),
    [
        ("pingfang-2020", 14, "新区审批“二号章”", "情指行一体化"),
        ("qingyuan-2021", 22, "三个收官", "“三牛”精神"),
        ("dingxing-2021", 17, "“4+4”产业体系", "雪亮工程"),
    ],
)
def test_glossary_of_each_development_report(name: str, count: int, first: str, last: str) -> None:
    doc = _doc(dev_text(name))
    assert len(doc.glossary) == count
    assert [e.number for e in doc.glossary] == list(range(1, count + 1))
    assert (doc.glossary[0].term, doc.glossary[-1].term) == (first, last)
    assert all(entry.definition for entry in doc.glossary)


@pytest.mark.parametrize(
    ("relative", "heading", "first_term"),
    [
        ("baoding-counties/bd004-2022-130607.txt", "名词解释：", "区委“1135”"),  # 【1】
        ("baoding-counties/bd053-2020-130623.txt", "※名词解释※", "九大攻坚行动"),  # [1]
        ("baoding-counties/bd067-2022-130624.txt", "名词解释", "四个不摘"),  # 〔1〕
        ("baoding-counties/bd044-2024-130609.txt", "[名词解释]", "“7+18+N”"),
        ("baoding-counties/bd086-2022-130627.txt", "附：名词解释", "“两种思维”“四种理念”"),
        ("baoding-counties/bd143-2022-130635.txt", "附件一：名词解释", "清理河道“五乱”"),
        ("baoding-counties/bd084-2020-130627.txt", "《政府工作报告》名词解释", "“两不愁三保障”"),
        ("baoding-counties/bd024-2020-130608.txt", "名词解释", "“1+5”专项整治"),  # 1.[词]
    ],
)
def test_glossary_forms_used_in_the_corpus(relative: str, heading: str, first_term: str) -> None:
    doc = _doc(corpus_file(relative))
    glossary = [s for s in doc.sections if s.kind == "glossary"]
    assert glossary and glossary[0].title == heading
    assert doc.glossary[0].term == first_term and doc.glossary[0].number == 1


def test_in_text_markers_point_at_glossary_entries() -> None:
    doc = _doc(dev_text("dingxing-2021"))
    numbers = {e.number for e in doc.glossary}
    assert doc.markers and all(m.number in numbers for m in doc.markers)
    marker = doc.markers[0]
    assert doc.text[marker.span.start : marker.span.end] in {f"[{marker.number}]", f"【{marker.number}】"}


def test_pingfang_structure() -> None:
    doc = _doc(PINGFANG)
    kinds = [s.kind for s in doc.sections]
    assert kinds.count("highlight") == 6
    parts = [s for s in doc.sections if s.kind == "part"]
    assert parts[0].title == "2019年工作简要回顾"
    sections = [s for s in doc.sections if s.kind == "section"]
    assert sections[0].number == 1 and sections[0].parent is not None


def test_sentence_offsets_slice_the_source_to_the_sentence() -> None:
    doc = _doc(dev_text("qingyuan-2021"))
    assert len(doc.sentences) > 200
    for sentence in doc.sentences:
        assert doc.text[sentence.span.start : sentence.span.end] == sentence.text
        assert len(doc.source[sentence.span.start : sentence.span.end]) == len(sentence.text)
    assert any(s.text == "各位代表、同志们：" for s in doc.sentences)
