"""Reading reports: encodings, HTML pages, width normalisation, metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import read_report
from kg.ingest.normalise import normalise
from tests.conftest import PINGFANG, corpus_file, dev_text

SAMPLE = "政府工作报告\n各位代表：\n一、2019年工作回顾\n地区生产总值增长７．５％，达到１２３亿元。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_every_supported_encoding_reads_the_same_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(SAMPLE.encode(encoding))
    doc = read_report(path)
    assert doc.source == SAMPLE
    assert "增长7.5%" in doc.text


def test_normalisation_keeps_length_and_chinese_punctuation() -> None:
    text = "增长７．５％，（一）ＧＤＰ\u3000达到"
    folded = normalise(text)
    assert len(folded) == len(text)
    assert folded == "增长7.5%，（一）GDP 达到"


def test_literal_escaped_line_breaks_become_real_ones_of_the_same_length() -> None:
    text = "一、回顾 \\r\\n2012 年以来"
    folded = normalise(text)
    assert len(folded) == len(text)
    assert folded.splitlines()[1] == "2012 年以来"


def test_html_page_is_reduced_to_its_visible_text(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>2020年某县政府工作报告</title><style>p{}</style></head>"
        "<body><script>alert(1)</script><p>各位代表：</p><p>一、2019年工作回顾</p></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    doc = read_report(path)
    assert doc.meta.media_type == "text/html"
    assert "alert" not in doc.text and "p{}" not in doc.text
    assert doc.text.splitlines() == ["各位代表：", "一、2019年工作回顾"]
    assert doc.meta.title == "2020年某县政府工作报告"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"   \n\n", "empty"), (b"\x00\x01\x02\x03" * 100, "binary"), (b"\xa1 \x80\xff" * 30, "decode")],
)
def test_bad_bytes_raise_a_clear_input_error(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_report(path)
    assert str(path) in str(info.value)


def test_pingfang_metadata() -> None:
    meta = read_report(PINGFANG).meta
    assert (meta.year, meta.place, meta.level) == (2020, "哈尔滨市平房区", "区")
    assert (meta.role, meta.speaker) == ("区长", "宋博岩")
    assert meta.meeting == "哈尔滨市平房区第十六届人民代表大会第四次会议"
    assert meta.date == "2020-01-17"
    assert meta.source == "平房区政府办公室"


def test_dingxing_metadata_from_a_parenthesised_meeting_line() -> None:
    meta = read_report(dev_text("dingxing-2021")).meta
    assert (meta.year, meta.place, meta.level, meta.date) == (2021, "定兴县", "县", "2021-02-05")
    assert (meta.role, meta.speaker) == ("县长", "吴鹏")


def test_qingyuan_place_is_inferred_from_the_body() -> None:
    meta = read_report(dev_text("qingyuan-2021")).meta
    assert (meta.year, meta.place, meta.level, meta.date) == (2021, "保定市清苑区", "区", "2021-02-05")


def test_national_report_is_at_national_level() -> None:
    meta = read_report(corpus_file("national/national-2019.txt")).meta
    assert (meta.year, meta.place, meta.level) == (2019, "中华人民共和国", "国家")


def test_corpus_index_supplies_the_title() -> None:
    meta = read_report(corpus_file("baoding-counties/bd099-2017-130629.txt")).meta
    assert meta.title == "容城县2017年政府工作报告"
    assert (meta.place, meta.level, meta.year) == ("容城县", "县", 2017)
