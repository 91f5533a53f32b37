"""Properties that must hold for any text, not just the reports we have seen (Hypothesis).

Normalisation keeps length and is idempotent; every offset slices the text to
what it claims; minted IRIs are valid in N-Triples for rdflib and pyoxigraph,
deterministic and distinct for distinct names; hostile labels survive every
serialisation; the same document always gives the same quads.
"""

from __future__ import annotations

import datetime
import re
from itertools import pairwise
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import report_from_bytes, slug_for
from kg.ingest.normalise import normalise
from kg.model import Document
from kg.pipeline import analyse, unique_ids
from kg.rdf import namespaces as ns
from kg.rdf.build import build_quads
from kg.rdf.serialize import write_quads
from kg.segment import segment
from kg.segment.glossary import MARKER
from kg.segment.sentences import MAX_SENTENCE

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own parsers warn

# Pieces of real reports (and of broken scrapes of them), so generated texts reach the segmenters' rules.
REPORT_PIECES = [
    "一、", "（二）", "(三)", "第一，", "二是", "——", "名词解释", "【名词解释】", "1.", "[2]", "【3】", "〔4〕", "^[5]",
    "：", ":", "。", "！", "？", "”", "“", "）", "，", "、", "\n", "\r\n", " ", "\u3000", "\t", "\\n", "\\r\\n",
    "２０２０年", "７．５％", "增长", "亿元", "平房区", "人民政府", "工作报告", "区长  张三", "各位代表：",
    "2020年2月30日", "时间:2019-02-29", "2021年1月5日", "地区生产总值", "增长6.5%", "达到1" + "0" * 400 + "亿元",
    "下降0.000000000001%", "1e5", "第12名", "比上年", "目标", "预计", "万元", "个百分点",
]  # fmt: skip
# Characters that have broken escaping somewhere: markup, quotes, backslashes, controls, emoji, bidi marks.
HOSTILE = [
    "<script>alert(1)</script>", "</p>", "&amp;", '"', "'", "\\", "\\u0041", "`", "{", "}", "|", "^", "%", "%25",
    "#", "?", "/", "..", "\x00", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\u200f",
    "\u202e", "\u2066", "😀", "👨‍👩‍👧", "\U0010ffff", "\ufffd", "\ufffe", "\uffff", "中", "\n", "\r", "\t", " ",
]  # fmt: skip

texts = st.lists(
    st.one_of(st.sampled_from(REPORT_PIECES), st.sampled_from(HOSTILE), st.text(max_size=6)), max_size=60
).map("".join)
names = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8)), min_size=1, max_size=8).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def document(text: str, doc_id: str = "prop") -> Document:
    return Document(id=doc_id, path=None, source=text, text=normalise(text))


def ntriples_line(iri: str) -> str:
    return f'<{iri}> <{ns.RDFS}label> "x" .\n'


def assert_valid_iri(iri: str) -> None:
    """Parsed back unchanged from N-Triples by both pyoxigraph and rdflib (both reject bad IRIs)."""
    line = ntriples_line(iri)
    parsed = list(pyoxigraph.parse(line, format=pyoxigraph.RdfFormat.N_TRIPLES))
    assert parsed[0].subject.value == iri
    graph = rdflib.Graph().parse(data=line, format="nt")
    assert {str(s) for s in graph.subjects()} == {iri}
    assert iri.isascii() and " " not in iri
    assert not re.search(r"/\.\.?(/|$)", iri), "a dot segment would vanish when the IRI is normalised"


@SETTINGS
@given(texts)
def test_normalise_keeps_length_and_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert len(once) == len(text)
    assert normalise(once) == once


@SETTINGS
@given(texts)
def test_every_offset_slices_the_text_to_what_it_names(text: str) -> None:
    doc = segment(document(text))
    for sentence in doc.sentences:
        assert doc.text[sentence.span.start : sentence.span.end] == sentence.text
        assert sentence.text == sentence.text.strip(" \n\t\u3000") and sentence.text
    assert [s.span.start for s in doc.sentences] == sorted(s.span.start for s in doc.sentences)
    assert all(a.span.end <= b.span.start for a, b in pairwise(doc.sentences))  # no overlap
    assert covered_characters(doc) == len(doc.text.translate({ord(c): None for c in " \n\t\u3000"}))  # no loss
    for section in doc.sections:
        assert 0 <= section.span.start <= section.heading.start <= section.heading.end <= section.span.end
        assert section.span.end <= len(doc.text)
    for entry in doc.glossary:
        assert doc.text[entry.term_span.start : entry.term_span.end].strip() == entry.term
    for marker in doc.markers:
        assert MARKER.fullmatch(doc.text[marker.span.start : marker.span.end])


def covered_characters(doc: Document) -> int:
    return sum(
        len(sentence.text.replace(" ", "").replace("\t", "").replace("\u3000", "")) for sentence in doc.sentences
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["、", "，", "甲公司", "1亿元", " ", "增长5%", "一二三"]), min_size=200, max_size=3000))
def test_runs_without_a_full_stop_are_cut_into_bounded_sentences_losing_nothing(pieces: list[str]) -> None:
    doc = segment(document("".join(pieces)))
    assert all(0 < len(sentence.text) <= MAX_SENTENCE for sentence in doc.sentences)
    assert "".join(s.text for s in doc.sentences).replace(" ", "") == doc.text.replace(" ", "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_mentions_and_observations_point_into_their_sentences(text: str) -> None:
    doc = analyse(document(text))
    for mention in doc.mentions:
        sentence = doc.sentences[mention.sentence]
        assert sentence.span.start <= mention.span.start < mention.span.end <= sentence.span.end
        assert doc.text[mention.span.start : mention.span.end] == mention.text
    for observation in doc.observations:
        sentence = doc.sentences[observation.sentence]
        assert sentence.span.start <= observation.span.start <= observation.span.end <= sentence.span.end


@SETTINGS
@given(names, names, st.sampled_from(["Enterprise", "Place", "GlossaryTerm", "Policy"]))
@example("..", ".", "Place")
@example("“.”", "..", "Policy")
def test_minted_iris_are_valid_and_deterministic(name: str, scope: str, type_name: str) -> None:
    for iri in (ns.entity_iri(type_name, name), ns.entity_iri(type_name, name, scope), ns.indicator_iri(name)):
        assert_valid_iri(iri)
    assert_valid_iri(ns.report_iri(name))
    assert_valid_iri(ns.graph_iri(name))
    assert_valid_iri(ns.report_iri(slug_for(Path(name.replace("/", "_") or "x"))))
    assert ns.entity_iri(type_name, name, scope) == ns.entity_iri(type_name, name, scope)


@SETTINGS
@given(names, names)
def test_distinct_names_get_distinct_iris(first: str, second: str) -> None:
    if ns.name_key(first) != ns.name_key(second) and max(len(first), len(second)) < 100:
        assert ns.segment(first) != ns.segment(second)
    if first != second:
        assert ns.report_iri(first) != ns.report_iri(second)


@SETTINGS
@given(st.lists(names, min_size=2, max_size=5))
def test_report_ids_of_one_build_are_unique(stems: list[str]) -> None:
    paths = [
        Path(f"folder{i % 2}") / (stem.replace("/", "_").replace("\x00", "_") + ".txt") for i, stem in enumerate(stems)
    ]
    paths = list(dict.fromkeys(paths))
    ids = unique_ids(paths)
    assert len(set(ids)) == len(ids), dict(zip(paths, ids, strict=True))


def hostile_report(label: str) -> bytes:
    """A small report whose glossary term, title and text carry ``label``."""
    text = (
        f"<title>2020年{label}政府工作报告</title>\n<p>各位代表：</p>\n<p>一、{label}工作回顾</p>\n"
        f"<p>我们推进{label}【1】建设，增长7.5%。</p>\n<p>名词解释</p>\n<p>1.{label}：一项{label}政策。</p>\n"
    )
    return text.encode("utf-8", errors="surrogatepass")


RDFLIB_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld", ".rdf": "xml"}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(names)
def test_hostile_labels_survive_every_serialisation(tmp_path: Path, label: str) -> None:
    try:
        name = label.replace("/", "_").replace("\x00", "_")[:40] + ".html"  # the file name is a literal too
        doc = analyse(report_from_bytes(hostile_report(label), tmp_path / name, doc_id="hostile"))
    except InputError as exc:  # a label full of control characters makes the file binary: refusing it is right
        assert "binary" in exc.reason and any(ord(ch) < 32 and ch not in "\t\n\r\f\v" for ch in label)
        return
    quads = build_quads(doc)
    expected = {(q.subject, q.predicate, q.object) for q in quads}
    for suffix, rdflib_format in RDFLIB_FORMATS.items():
        out = tmp_path / f"g{suffix}"
        write_quads(quads, out)
        reparsed = {(q.subject, q.predicate, q.object) for q in pyoxigraph.parse(path=str(out))}
        assert reparsed == expected, suffix
        dataset = rdflib.Dataset()
        dataset.parse(out, format=rdflib_format)
        values = {str(o) for _, _, o, _ in dataset.quads((None, None, None, None))}
        assert values == {o.value for _, _, o in expected}, suffix


XSD = "http://www.w3.org/2001/XMLSchema#"
LEXICAL = {
    XSD + "integer": re.compile(r"[+-]?\d+"),
    XSD + "decimal": re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
    XSD + "gYear": re.compile(r"-?\d{4,}"),
    XSD + "date": re.compile(r"\d{4}-\d\d-\d\d"),
}


def well_typed(literal: pyoxigraph.Literal) -> bool:
    pattern = LEXICAL.get(literal.datatype.value)
    if pattern is None:
        return True
    if not pattern.fullmatch(literal.value):
        return False
    if literal.datatype.value == XSD + "date":
        try:
            datetime.date.fromisoformat(literal.value)
        except ValueError:
            return False
    return True


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_typed_literals_are_well_typed(text: str) -> None:
    """Dates that do not exist, numbers too large for a float, exponents: none may reach an xsd literal."""
    try:
        doc = report_from_bytes(text.encode("utf-8"), Path("typed.txt"), doc_id="typed")
    except InputError:
        return  # empty or binary-looking: refused, nothing is built
    quads = build_quads(analyse(doc))
    bad = [q.object for q in quads if isinstance(q.object, pyoxigraph.Literal) and not well_typed(q.object)]
    assert bad == []


@SETTINGS
@given(texts)
def test_the_same_document_gives_the_same_quads(text: str) -> None:
    first = build_quads(analyse(document(text)))
    second = build_quads(analyse(document(text)))
    assert first == second
