"""Relation rules on real report sentences, with the entity mentions set up by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from kg.extract.relations import extract_relations, split_items
from kg.model import Document, DocumentMeta, Mention, Relation, Sentence, Span
from kg.pipeline import process
from kg.rdf import namespaces as ns
from kg.rdf.build import build_quads
from kg.rdf.namespaces import name_key
from tests.conftest import PINGFANG, corpus_file, dev_text


def sentence_with(path: Path, needle: str) -> str:
    """The sentence (up to 。！？ or a line end) of a real report that contains ``needle``."""
    text = path.read_text(encoding="utf-8")
    at = text.index(needle)
    start = max(text.rfind(mark, 0, at) for mark in "。！？\n") + 1
    ends = [i for i in (text.find(mark, at) for mark in "。！？\n") if i >= 0]
    return text[start : min(ends) + 1].strip()


def document(sentences: list[str], mentions: dict[str, str], place: str) -> Document:
    """A Document of these sentences, with a mention of each named type wherever its name occurs."""
    text = "".join(sentences)
    doc = Document(id="t", path=None, source=text, text=text, meta=DocumentMeta(place=place))
    offset = 0
    for index, sentence in enumerate(sentences):
        doc.sentences.append(Sentence(index, Span(offset, offset + len(sentence)), sentence))
        offset += len(sentence)
    for name, type_name in {**mentions, place: "Place"}.items():
        for match in re.finditer(re.escape(name), text):
            sentence = next(s for s in doc.sentences if s.span.start <= match.start() < s.span.end)
            doc.mentions.append(Mention(name, type_name, Span(match.start(), match.end()), sentence.index))
    return doc


def triples(relations: list[Relation]) -> set[tuple[str, str, str]]:
    return {(r.subject[1], r.kind, r.object[1]) for r in relations}


def test_partners_enumerated_after_yu_are_partners_of_the_reporting_place() -> None:
    line = sentence_with(dev_text("dingxing-2021"), "河北农业大学等科研院所合作")
    doc = document([line], {"中国科学院": "Institution", "中国农科院": "Institution", "河北农业大学": "Institution"},
                   "定兴县")  # fmt: skip
    extract_relations(doc)
    assert triples(doc.relations) >= {
        ("定兴县", "partner", key) for key in ("中国科学院", "中国农科院", "河北农业大学")
    }
    assert {r.kind for r in doc.relations} == {"partner"}


def test_a_named_subject_is_carried_to_the_next_clause_opening_with_yu() -> None:
    line = sentence_with(PINGFANG, "组建医联体")
    doc = document([line], {"区人民医院": "Institution", "哈医大二院": "Institution", "省中医大二院": "Institution"},
                   "平房区")  # fmt: skip
    extract_relations(doc)
    partners = {obj for subject, kind, obj in triples(doc.relations) if kind == "partner" and subject == "区人民医院"}
    assert partners == {"哈医大二院", "省中医大二院"}  # 组建 with 与 is joint work; 与上海十院建成 is not said to be


def test_settling_in_our_district_locates_each_listed_company_there() -> None:
    line = sentence_with(PINGFANG, "旅游投资集团落户我区")
    doc = document([line], {}, "平房区")
    extract_relations(doc)
    located = {s for s, kind, o in triples(doc.relations) if kind == "locatedIn" and o == "平房区"}
    assert located == {"省交通投资集团", "农业投资集团", "旅游投资集团"}


def test_under_the_leadership_of_makes_the_reporting_government_subordinate() -> None:
    title = "平房区人民政府区长在哈尔滨市平房区第十六届人民代表大会第四次会议上作报告。"
    line = sentence_with(PINGFANG, "的坚强领导下")
    doc = document([title, line], {"平房区人民政府": "GovernmentBody", "市政府": "GovernmentBody"}, "平房区")
    extract_relations(doc)
    bosses = {o for s, kind, o in triples(doc.relations) if kind == "subordinateTo" and s == "平房区人民政府"}
    assert bosses == {"市委", "市政府", "区委"}


def test_companies_named_as_representatives_of_a_cluster_are_its_members() -> None:
    line = sentence_with(dev_text("qingyuan-2021"), "为代表的绿色建材产业集群")
    doc = document([line], {"绿色建材产业集群": "Industry", "食品加工业": "Industry"}, "清苑区")
    extract_relations(doc)
    members = {(s, o) for s, kind, o in triples(doc.relations) if kind == "memberOf"}
    assert {("河北绿建", "绿色建材产业集群"), ("绿生环保", "绿色建材产业集群"), ("百威啤酒", "食品加工业")} <= members


def test_an_event_hosted_with_no_named_host_is_hosted_by_the_reporting_place() -> None:
    line = sentence_with(dev_text("dingxing-2021"), "积极承办")
    doc = document([line], {}, "定兴县")
    extract_relations(doc)
    hosted = [r for r in doc.relations if r.kind == "hostedBy"]
    assert [(r.subject[0], r.object[1]) for r in hosted] == [("Event", "定兴县")]
    assert "种苗大会" in hosted[0].subject[1]


def test_a_project_named_after_a_company_is_operated_by_it() -> None:
    line = sentence_with(PINGFANG, "鑫达集团30万吨复合材料项目")
    doc = document([line], {"鑫达集团30万吨复合材料项目": "Project", "鑫达集团": "Enterprise"}, "平房区")
    extract_relations(doc)
    assert ("鑫达集团30万吨复合材料项目", "operatedBy", "鑫达集团") in triples(doc.relations)


def test_naming_things_together_is_not_a_relation() -> None:
    line = sentence_with(dev_text("dingxing-2021"), "福清食品协会等资源优势")
    names = {"中国食品协会": "Institution", "晋江食品协会": "Institution", "福清食品协会": "Institution"}
    doc = document([line.split("，")[0] + "。"], names, "定兴县")
    extract_relations(doc)
    assert doc.relations == []


def test_enumerations_split_on_dun_comma_titles_and_the_last_joiner() -> None:
    text = "食品加工、生物制药、汽车及零部件和高端装备制造"
    assert [text[s.start : s.end] for s in split_items(text, 0, len(text))] == [
        "食品加工", "生物制药", "汽车及零部件", "高端装备制造"]  # fmt: skip
    titles = "《甲政策》《乙办法》"
    assert [titles[s.start : s.end] for s in split_items(titles, 0, len(titles))] == ["《甲政策》", "《乙办法》"]


@pytest.fixture(scope="module")
def dingxing() -> Document:
    return process(dev_text("dingxing-2021"))


def test_glossary_enumerations_are_parts_of_the_term(dingxing: Document) -> None:
    parts = {s[1] for r in dingxing.relations if r.kind == "partOf" and r.object[1] == name_key("“1+3”政策服务包")
             for s in [r.subject]}  # fmt: skip
    assert {name_key("推进食品产业高质量发展的支持政策"), name_key("招商引资项目引荐人奖励办法")} <= parts


def test_relations_are_reified_with_their_source_sentence(dingxing: Document) -> None:
    quads = build_quads(dingxing)
    statements = {q.subject for q in quads if q.object == NamedNode(ns.GOV + "RelationStatement")}
    derived = {q.subject for q in quads if q.predicate == NamedNode(ns.PROV + "wasDerivedFrom")}
    assert statements and statements <= derived


def test_every_trigger_is_in_its_source_sentence_on_an_untuned_report() -> None:
    doc = process(corpus_file("baoding-counties/bd004-2022-130607.txt"))
    assert len({r.kind for r in doc.relations}) >= 3
    for relation in doc.relations:
        assert relation.trigger in doc.sentences[relation.sentence].text or relation.trigger in doc.text


def test_numbered_action_headings_are_parts_of_the_named_whole(pingfang_doc: Document) -> None:
    whole = ("Policy", name_key("八大行动"))
    parts = {r.subject[1] for r in pingfang_doc.relations if r.kind == "partOf" and r.object == whole}
    assert len(parts) == 8 and name_key("产业振兴行动") in parts


def test_a_company_joined_to_a_park_name_by_a_middle_dot_operates_it() -> None:
    line = sentence_with(dev_text("qingyuan-2021"), "中南高科·清苑新经济产业园等")
    doc = document([line], {"清苑新经济产业园": "Park"}, "清苑区")
    extract_relations(doc)
    assert ("清苑新经济产业园", "operatedBy", "中南高科") in triples(doc.relations)


def test_a_company_investing_in_what_it_builds_invests_in_it() -> None:
    line = sentence_with(corpus_file("baoding-counties/bd084-2020-130627.txt"), "援建的养老院公寓楼")
    doc = document([line], {"北京乐成集团": "Enterprise", "养老院公寓楼": "Project"}, "唐县")
    extract_relations(doc)
    assert ("北京乐成集团", "investsIn", "养老院公寓楼") in triples(doc.relations)


def test_a_glossary_part_only_its_definition_names_is_no_policy(dingxing: Document) -> None:
    # “三包”即… spells out 三包 once; 六保 is also a task the report sets on its own (全面落实“六保”任务)
    term = ("GlossaryTerm", name_key("三包四帮六保五到位"))
    parts = {r.subject for r in dingxing.relations if r.kind == "partOf" and r.object == term}
    assert ("Policy", name_key("六保")) in parts
    assert not parts & {("Policy", name_key(part)) for part in ("三包", "四帮", "五到位")}


def test_glossary_parts_an_untuned_report_only_defines_are_no_policies() -> None:
    doc = process(corpus_file("baoding-counties/bd084-2020-130627.txt"))  # “两不愁”即…，“三保障”即…
    made = {(m.type, m.text) for m in doc.mentions if m.source == "relations"}
    assert not made & {("Policy", part) for part in ("两不愁", "三保障", "一库", "两河", "三廊", "四区")}


def test_a_clause_built_on_yi_wei_zhongdian_is_no_entity() -> None:
    # 坚持以办好民生实事、增进人民福祉为重点深化20项民心工程: the items of 以…为重点 are no names
    doc = process(corpus_file("baoding-counties/bd053-2020-130623.txt"))
    made = {m.text for m in doc.mentions if m.source == "relations"}
    assert not made & {"坚持以办好民生实事", "增进人民福祉为重点深化"}
    # 实施八项战略，即…: the verb before the count is no policy, while the eight strategies are parts
    assert not made & {"实施", "深化"}
    parts = {r.subject for r in doc.relations if r.kind == "partOf"}
    assert ("Policy", name_key("创新驱动发展战略")) in parts


def test_a_kind_of_organisation_is_no_partner(dingxing: Document) -> None:
    # 加强与科研院所、高等院校常态化对接 names no one to work with
    partners = {r.object for r in dingxing.relations if r.kind == "partner"}
    assert ("Institution", name_key("科研院所")) not in partners
    assert not [m for m in dingxing.mentions if m.source == "relations" and m.text == "科研院所"]
