"""Relations between entities, from trigger patterns in one sentence.

Runs after the entity extractors and reads ``doc.mentions``. Each rule looks
for a trigger (与…合作, 落户我区, 在…领导下, 即…, 以…为代表的…) and takes
its arguments from the mentions at the right positions: an enumeration
(A、B和C) is parsed item by item, each item being the longest mention that
starts (or ends) exactly there. Where the trigger itself says what the items
are (…等四大主导产业, 在市委、市政府领导下, 《…》) an item with no mention
becomes one, typed by the trigger, so the relation is not lost.

Where the subject is the reporting government itself (我区, 我们, unnamed),
the other end is the report's place (``doc.meta.place``), or for 领导 its
government body. Co-mention alone is never a relation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.extract import extractor
from kg.extract.entities_heads import FRAME_VERBS, NOT_HEADED, SOFT_FRAME_VERBS
from kg.model import Document, Mention, Relation, Sentence, Span
from kg.rdf.namespaces import name_key
from kg.resolve.gazetteer import gazetteer

Ref = tuple[str, str]  # (entity type, key)

CLAUSE_END = "，,；;。：:！!？?（）()"
ITEM_SEPARATOR = "、"
# Words that join the last two items of an enumeration.
FINAL_JOINERS = ("以及", "和", "及", "与", "同")
# Verbs and adverbs that can stand before the first item of a list.
LEADING_WORDS = ("了", "全面", "积极", "大力", "加快", "进一步", "持续", "着力", "优先", "重点", "成功", "先后", "相继",
                 "引进", "引入", "推进", "推动", "加强", "深化", "依托", "支持", "扶持", "培育", "发展", "组建",
                 "实现", "包括", "即", "以", "与", "同", "和", "在", "对", "由", "将", "把", "是", "有", "做强",
                 "优化提升", "提升", "打造", "围绕", "聚焦", "吸引", "促成", "推进与", "加强与", "深化与", "做大",
                 "做优", "抓好", "打好", "实施", "开展", "壮大", "突出")  # fmt: skip
ORDINAL = re.compile(r"[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，,、]?")
# A trailing 等 / 等3家 / 四大 closes an enumeration.
LIST_TAIL = re.compile(r"(?:等|以及)?\s*(?:[0-9一二两三四五六七八九十百]+\s*(?:大|个|家|项|所|条|类|批|支))?$")

# Name suffixes that say what an unrecognised enumeration item is.
SUFFIX_TYPES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("集团", "公司", "有限公司", "股份", "银行", "集团公司"), "Enterprise"),
    (
        (
            "大学",
            "学院",
            "中学",
            "小学",
            "医院",
            "研究院",
            "研究所",
            "协会",
            "商会",
            "联合会",
            "国家队",
            "科学院",
            "农科院",
        ),
        "Institution",
    ),
    (("产业园", "开发区", "集聚区", "示范区", "园区", "新区", "片区", "新高地"), "Park"),
    (
        (
            "改革",
            "行动",
            "战略",
            "规划",
            "政策",
            "办法",
            "机制",
            "制度",
            "方案",
            "计划",
            "工程",
            "试点",
            "攻坚",
            "条例",
            "体系",
        ),
        "Policy",
    ),
    (("平台",), "Project"),
    (("党委", "市委", "县委", "区委", "省委", "政府", "人大", "政协", "党中央", "国务院"), "GovernmentBody"),
)
ORGANISATIONS = {"Enterprise", "Institution", "GovernmentBody", "Park", "Place"}
MAX_ITEM = 40  # longer chunks are clauses, not names


@dataclass(slots=True)
class Item:
    ref: Ref
    mention: Mention


@dataclass
class Context:
    """The mentions of a document indexed by position, plus the report's own place and government."""

    doc: Document
    starts: dict[int, list[Mention]] = field(default_factory=dict)
    ends: dict[int, list[Mention]] = field(default_factory=dict)
    place: Ref | None = None
    government: Ref | None = None
    created: list[Mention] = field(default_factory=list)
    relations: dict[tuple[str, Ref, Ref], Relation] = field(default_factory=dict)
    glossary_terms: dict[int, str] = field(default_factory=dict)  # sentence index -> its glossary entry's term

    def __post_init__(self) -> None:
        for mention in self.doc.mentions:
            self._index(mention)
        self.glossary_terms = _glossary_terms_by_sentence(self.doc)
        self.place = _report_place(self.doc)
        self.government = _report_government(self.doc)

    def _index(self, mention: Mention) -> None:
        self.starts.setdefault(mention.span.start, []).append(mention)
        self.ends.setdefault(mention.span.end, []).append(mention)

    def mention_at(self, start: int, end: int | None = None) -> Mention | None:
        """The longest mention starting at ``start`` (and ending at ``end``, when given)."""
        found = [m for m in self.starts.get(start, []) if end is None or m.span.end == end]
        return max(found, key=lambda m: (len(m.span), m.type), default=None)

    def covering(self, start: int, end: int) -> Mention | None:
        """A mention of exactly this span, allowing quotes around it."""
        text = self.doc.text
        while start < end and text[start] in '“"‘《「':
            start += 1
        while end > start and text[end - 1] in '”"’》」':
            end -= 1
        for left in (start, start - 1):
            for right in (end, end + 1):
                mention = self.mention_at(left, right)
                if mention is not None:
                    return mention
        return None

    def create(self, span: Span, type_name: str, sentence: Sentence) -> Mention:
        text = self.doc.text[span.start : span.end]
        mention = Mention(text=text, type=type_name, span=span, sentence=sentence.index, source="relations")
        self.created.append(mention)
        self._index(mention)
        return mention

    def add(self, kind: str, subject: Ref | None, obj: Ref | None, sentence: Sentence, trigger: str) -> None:
        if subject is None or obj is None or subject == obj:
            return
        self.relations.setdefault((kind, subject, obj), Relation(kind, subject, obj, sentence.index, trigger))


def ref(mention: Mention) -> Ref:
    return (mention.type, name_key(mention.canonical or mention.text))


@extractor("relations")
def extract_relations(doc: Document) -> None:
    context = Context(doc)
    for sentence in doc.sentences:
        for rule in GLOSSARY_RULES if sentence.index in context.glossary_terms else SENTENCE_RULES:
            rule(context, sentence)
    for rule in DOCUMENT_RULES:
        rule(context)
    doc.mentions.extend(context.created)
    doc.relations.extend(sorted(context.relations.values(), key=_relation_order))


def _relation_order(relation: Relation) -> tuple[int, str, Ref, Ref]:
    return (relation.sentence, relation.kind, relation.subject, relation.object)


# --- the report's own place and government ------------------------------------


def _report_place(doc: Document) -> Ref | None:
    place = doc.meta.place
    if not place:
        return None
    for mention in doc.mentions:
        if mention.type == "Place" and place in {mention.text, mention.canonical}:
            return ref(mention)
    return ("Place", name_key(place))


def _report_government(doc: Document) -> Ref | None:
    """The reporting government body (定兴县人民政府, 区人民政府), when the text names it."""
    place = doc.meta.place
    division = gazetteer().lookup(place) if place else None
    names = [place, division.name if division else "", doc.meta.level]
    wanted = [f"{name}{suffix}" for suffix in ("人民政府", "政府") for name in names if name]
    bodies = {m.text: m for m in doc.mentions if m.type == "GovernmentBody"}
    for name in wanted:
        if name in bodies:
            return ref(bodies[name])
    return None


# --- enumerations -------------------------------------------------------------


def clause_bounds(sentence: Sentence, position: int) -> tuple[int, int]:
    """Absolute [start, end) of the clause holding ``position`` (between commas, semicolons…)."""
    text, base = sentence.text, sentence.span.start
    local = position - base
    start = max((text.rfind(ch, 0, local) for ch in CLAUSE_END), default=-1) + 1
    ends = [i for i in (text.find(ch, local) for ch in CLAUSE_END) if i >= 0]
    return base + start, base + (min(ends) if ends else len(text))


def split_items(text: str, start: int, end: int) -> list[Span]:
    """Spans of the items of the enumeration text[start:end] (A、B、C和D, 《A》《B》)."""
    spans, cursor = [], start
    for position in range(start, end):
        if text[position] == ITEM_SEPARATOR:
            spans.append(Span(cursor, position))
            cursor = position + 1
        elif text[position] == "《" and position > cursor and text[position - 1] == "》":
            spans.append(Span(cursor, position))  # titles in a row need no separator
            cursor = position
    spans.append(Span(cursor, end))
    spans[-1:] = _split_final_joiner(text, spans[-1])
    return [s for s in (_strip(text, span) for span in spans) if len(s) > 0]


def _split_final_joiner(text: str, span: Span) -> list[Span]:
    chunk = text[span.start : span.end]
    for joiner in FINAL_JOINERS:
        cut = chunk.rfind(joiner)
        if cut >= 2 and len(chunk) - cut - len(joiner) >= 2:
            return [Span(span.start, span.start + cut), Span(span.start + cut + len(joiner), span.end)]
    return [span]


def _strip(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    changed = True
    while changed:
        changed = False
        for word in LEADING_WORDS:
            if text.startswith(word, start) and end - start > len(word) + 1:
                start += len(word)
                changed = True
    ordinal = ORDINAL.match(text, start, end)  # 一是…, 第二，…
    start = ordinal.end() if ordinal and end - ordinal.end() >= 2 else start
    for word in ("项目建设", "建设"):
        if text.endswith(word, start, end) and end - start - len(word) >= 4:
            end -= len(word)
            break
    tail = LIST_TAIL.search(text[start:end])
    if tail and tail.start() > 0:
        end = start + tail.start()
    while start < end and text[start] in " \u3000":
        start += 1
    return Span(start, end)


def items(
    context: Context, sentence: Sentence, start: int, end: int, make: str = "", shape: re.Pattern[str] | None = None
) -> list[Item]:
    """The entities enumerated in text[start:end]; ``make`` types items that have no mention yet
    (those that fit ``shape``, when given)."""
    found = []
    for span in split_items(context.doc.text, start, end):
        mention = context.covering(span.start, span.end) or _inner_mention(context, span)
        chunk = context.doc.text[span.start : span.end]
        if mention is None and _just_a_verb(chunk):
            continue  # 实施 of 实施八项战略: what is left once the count took the name away
        if mention is None and make and _nameable(chunk) and (shape is None or shape.fullmatch(chunk)):
            mention = context.create(span, make, sentence)
        elif mention is None:
            type_name = suffix_type(chunk)  # (suffix_type asks _nameable first)
            mention = context.create(span, type_name, sentence) if type_name else None
        if mention is not None and not _just_a_verb(mention.text):
            found.append(Item(ref(mention), mention))
    return found


def _inner_mention(context: Context, span: Span) -> Mention | None:
    """A mention opening the chunk, followed only by a quoted or bracketed remark (省中医大二院“医联体”).

    A mention that covers only the end of the chunk (仁堂健康药业 in 北京同仁堂健康药业) or only its
    start with more name after it (京津 in 京津名校) is part of a longer name, so it is not taken.
    """
    text = context.doc.text
    candidates = [m for m in context.starts.get(span.start, []) if span.start < m.span.end < span.end
                  and text[m.span.end] in "“\"（(《"]  # fmt: skip
    return max(candidates, key=lambda m: len(m.span), default=None)


def _just_a_verb(text: str) -> bool:
    """培育, 深化: what is left of a clause whose object was counted away (培育2个成长型产业)."""
    return text in LEADING_WORDS or text in FRAME_VERBS or text in SOFT_FRAME_VERBS or len(text) < 2


def _nameable(text: str) -> bool:
    """Could this chunk be a name? Not a clause (punctuation, 的 outside a title), not a broken quote."""
    if not 2 <= len(text) <= MAX_ITEM or re.search(r"[，,；;。：:0-9０-９%]", text):
        return False
    if text.count("“") != text.count("”") or text.count("《") != text.count("》"):
        return False
    outside_titles = re.sub(r"《[^》]*》", "", text)
    if text in NOT_HEADED or _GENERIC_KIND.search(text):
        return False  # 科研院所, 北京三级医院: kinds of organisation, no names
    if CLAUSE_FRAME.search(outside_titles):
        return False  # 增进人民福祉为重点深化: a clause built on 以…为重点, not a name
    return "的" not in outside_titles and not outside_titles.startswith(("指", "是", "通过", "按照", "围绕", "坚持"))


_GENERIC_KIND = re.compile(r"(?:国家级|省级|市级|[一二三]级|三甲)(?:科研院所|医院|院校|高校)$")
CLAUSE_FRAME = re.compile(r"为(?:重点|主|核心|抓手|载体|引领|代表|目标|导向)|^以")


# 市第一医院's short forms (省中医大二院, 哈医大四院): an owner plus a numbered hospital.
NUMBERED_HOSPITAL = re.compile(r"[\u4e00-\u9fff]{2,}?第?[一二三四五六七八九十]+院$")


def suffix_type(text: str) -> str:
    """The entity type a name's ending implies, or ''."""
    if not _nameable(text) or len(text) > 20:
        return ""
    if text.startswith("《") and text.endswith("》"):
        return "Policy"
    if gazetteer().lookup(re.sub(r"[(（][^)）]*[)）]$", "", text)) is not None:
        return "Place"
    if NUMBERED_HOSPITAL.search(text):
        return "Institution"
    for suffixes, type_name in SUFFIX_TYPES:
        if text.endswith(suffixes) and len(text) > min(len(s) for s in suffixes if text.endswith(s)) + 1:
            return type_name
    return ""


# --- rules over one sentence ------------------------------------------------------


def find_all(pattern: re.Pattern[str], sentence: Sentence) -> Iterator[tuple[re.Match[str], int]]:
    """Matches of ``pattern`` in the sentence, with the absolute offset of each."""
    for match in pattern.finditer(sentence.text):
        yield match, sentence.span.start + match.start()


PARTNER = re.compile(
    r"(?:与|(?:^|(?<=[，,；;：:])|(?<=深化|加强|积极|继续|密切|主动|持续|全面))同)(?P<list>[^，,；;。与]{2,80}?)(?:战略合作|合作|共建|签约|对接|协作|结对|携手|联手|组建|签订|签署)"
)
# Verbs between the partners and the trigger word: 与A、B建立战略合作.
TRAILING_VERBS = ("开展", "建立", "签订", "签署", "达成", "深化", "加强", "推进", "建成", "组建", "共同", "深度", "全面",
                  "产业", "密切", "务实", "常态化", "长期")  # fmt: skip
# What the noun after 等 says the items are: 等企业, 等科研院所.
NOUN_TYPES = (("企业", "Enterprise"), ("公司", "Enterprise"), ("集团", "Enterprise"), ("投资者", "Enterprise"),
              ("合作者", "Enterprise"), ("院所", "Institution"), ("高校", "Institution"), ("院校", "Institution"),
              ("医院", "Institution"), ("协会", "Institution"), ("商会", "Institution"))  # fmt: skip


def list_part(text: str, start: int, end: int) -> tuple[int, int, str]:
    """The enumeration inside text[start:end], cut at 等 or before trailing verbs, and the type 等… implies."""
    body = text[start:end]
    if "等" in body:
        cut = body.index("等")
        return start, start + cut, _noun_type(body[cut + 1 :])
    changed = True
    while changed:
        changed = False
        for verb in TRAILING_VERBS:
            if body.endswith(verb) and len(body) > len(verb) + 1:
                body = body[: -len(verb)]
                changed = True
    return start, start + len(body), ""


def _noun_type(noun: str) -> str:
    return next((type_name for word, type_name in NOUN_TYPES if word in noun), "")


def partner_rule(context: Context, sentence: Sentence) -> None:
    """与A、B等…合作/共建/签约: each item is a partner of the subject (the report's place when unnamed).

    A clause that opens with 与 shares the subject of the clause before it (区医院与A组建医联体，与B建成…).
    """
    carried: Ref | None = None
    for match, offset in find_all(PARTNER, sentence):
        body_start = offset + match.start("list") - match.start()
        start, end, make = list_part(context.doc.text, body_start, body_start + len(match.group("list")))
        partners = [i for i in items(context, sentence, start, end, make) if i.ref[0] in ORGANISATIONS]
        if context.doc.text[offset - 1 : offset] == "的":
            continue  # 的同福…: 同 opens a name here, not a partner list
        subject = _subject_before(context, sentence, offset)
        if subject is None and _opens_clause(context, sentence, offset):
            previous_clause_end = clause_bounds(sentence, offset)[0] - 1
            has_previous = previous_clause_end > sentence.span.start
            if carried is None and has_previous and _other_actor_before(context, sentence, previous_clause_end):
                continue  # 县级医院加入…，与…合作: the previous clause's actor is not the government
            subject = carried
        elif subject is None and _other_actor_before(context, sentence, offset):
            continue  # 龙头企业与…合作, A、B分别与…: someone else cooperates, not the government
        carried = subject
        for item in partners:
            context.add("partner", subject or context.place, item.ref, sentence, match.group())


def _other_actor_before(context: Context, sentence: Sentence, position: int) -> bool:
    """Does the clause name an organisation (not a place) or a group of actors before 与?"""
    clause_start, _ = clause_bounds(sentence, position)
    lead = context.doc.text[clause_start:position]
    if re.search(r"分别|企业|医院|学校|高校|院校|机构|单位|部门|园区", lead):
        return True
    return any(m.type in ORGANISATIONS - {"Place"} and m.span.start >= clause_start
               for p in range(clause_start + 1, position + 1) for m in context.ends.get(p, []))  # fmt: skip


def _opens_clause(context: Context, sentence: Sentence, position: int) -> bool:
    clause_start, _ = clause_bounds(sentence, position)
    return position - clause_start <= 1


def _subject_before(context: Context, sentence: Sentence, position: int) -> Ref | None:
    """An organisation named right before the trigger word, opening its clause."""
    clause_start, _ = clause_bounds(sentence, position)
    mention = max(
        (m for m in context.ends.get(position, []) if m.type in ORGANISATIONS and m.span.start >= clause_start),
        key=lambda m: len(m.span),
        default=None,
    )
    if mention is None:
        return None
    lead = context.doc.text[clause_start : mention.span.start]
    return ref(mention) if len(lead) <= 4 else None


COBUILD = re.compile(r"(?:推动|推进)?(?P<list>[^，,；;。与]{4,60}?)(?:共建|联合共建|共同建设)")


def cobuild_rule(context: Context, sentence: Sentence) -> None:
    """A、B、C共建…: every pair of named parties are partners."""
    for match, offset in find_all(COBUILD, sentence):
        if "与" in sentence.text[max(0, match.start() - 20) : match.start()]:
            continue  # 与…共建 is the partner rule's
        start = offset + match.start("list") - match.start()
        parties = [i for i in items(context, sentence, start, start + len(match.group("list")))
                   if i.ref[0] in ORGANISATIONS]  # fmt: skip
        for index, first in enumerate(parties):
            for second in parties[index + 1 :]:
                context.add("partner", first.ref, second.ref, sentence, match.group())


INVITED = re.compile(
    r"(?:引进|引入|吸引)(?P<list>[^，,；;。]{2,80}?)等(?P<noun>[^，,；;。]{0,12}?)(?P<what>战略合作者|战略投资者|合作伙伴|企业|龙头企业|项目)"
)


def invited_rule(context: Context, sentence: Sentence) -> None:
    """引进A、B等战略合作者 → partner; 引进A、B等企业 → locatedIn the report's place."""
    for match, offset in find_all(INVITED, sentence):
        start = offset + match.start("list") - match.start()
        if re.search(r"方面|领域|类", match.group("noun")):
            continue  # 引进商贸、会计等方面的企业: the items are sectors, not companies
        kind = "partner" if match.group("what") in {"战略合作者", "战略投资者", "合作伙伴"} else "locatedIn"
        make = "" if match.group("what") == "项目" else "Enterprise"
        for item in items(context, sentence, start, start + len(match.group("list")), make):
            if item.ref[0] in {"Enterprise", "Institution"}:
                subject, obj = (context.place, item.ref) if kind == "partner" else (item.ref, context.place)
                context.add(kind, subject, obj, sentence, match.group())


SETTLED = re.compile(r"(?P<verb>落户|入驻|迁入|进驻|签约落户|落地)(?P<where>我区|我县|我市|本区|本县|我省)?")


def settled_rule(context: Context, sentence: Sentence) -> None:
    """A、B落户/入驻/迁入 我区 (or a named park right after): each item is located there."""
    for match, offset in find_all(SETTLED, sentence):
        clause_start, _ = clause_bounds(sentence, offset)
        where = context.place if match.group("where") else _named_after(context, offset + len(match.group("verb")))
        if where is None and match.group("verb") in {"落户", "迁入"}:
            where = context.place  # 落户 with no place named: settled here, in the reporting place
        if where is None:
            continue
        for item in items(context, sentence, clause_start, offset):
            if item.ref[0] in {"Enterprise", "Institution", "Project"}:
                context.add("locatedIn", item.ref, where, sentence, match.group())


def _named_after(context: Context, position: int) -> Ref | None:
    mention = context.mention_at(position) or context.mention_at(position + 1)
    if mention is not None and mention.type in {"Place", "Park"}:
        return ref(mention)
    return None


# What a leading organ is called when the text gives no mention: 市委, 省委省政府, 党中央, 国务院.
ORGAN_NAME = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:党委|党工委|[省市县区州]委|[省市县区州]?人民政府|[省市县区州]政府|党中央|中央|国务院|管委会)"
)
LEADERSHIP = re.compile(r"在(?P<list>[^，,；;。在]{2,40}?)(?:的)?(?:坚强|正确|统一)?领导下")


def leadership_rule(context: Context, sentence: Sentence) -> None:
    """在市委、市政府和区委的坚强领导下: the reporting government is subordinate to each."""
    for match, offset in find_all(LEADERSHIP, sentence):
        start = offset + 1
        for item in items(context, sentence, start, start + len(match.group("list")), "GovernmentBody", ORGAN_NAME):
            if item.ref[0] == "GovernmentBody":
                context.add("subordinateTo", context.government, item.ref, sentence, match.group())


HOSTED = re.compile(r"(?P<verb>承办|举办|主办|筹办|举行|召开)")


def hosted_rule(context: Context, sentence: Sentence) -> None:
    """(成功)承办/举办 X: X is hosted by the named place before the verb, or by the report's place."""
    for match, offset in find_all(HOSTED, sentence):
        after = offset + len(match.group())
        event = _event_after(context, sentence, after)
        if event is None:
            continue
        clause_start, _ = clause_bounds(sentence, offset)
        named = [m for m in context.doc.mentions if m.type == "Place"
                 and clause_start <= m.span.start and m.span.end <= offset and m.sentence == sentence.index]  # fmt: skip
        host = ref(max(named, key=lambda m: m.span.end)) if named else context.place
        context.add("hostedBy", ref(event), host, sentence, match.group() + event.text)


EVENT_NAME = re.compile(
    r"[^，,；;。、和及]{2,30}?(?:大会|博览会|交易会|洽谈会|论坛|峰会|运动会|锦标赛|公开赛|联赛|文化节|旅游节|艺术节|展览会|年会|大赛)"
)


def _event_after(context: Context, sentence: Sentence, position: int) -> Mention | None:
    """The event named after 承办/举办: a mention, or a name ending in 大会/博览会/论坛… (made a mention)."""
    mention = context.mention_at(position) or context.mention_at(position + 1)
    if mention is not None:
        return mention if mention.type == "Event" else None
    found = EVENT_NAME.match(context.doc.text, position, sentence.span.end)
    if found is None or found.group().startswith(("了", "好", "各类", "各种", "系列", "多场", "一批")):
        return None
    if not _nameable(re.sub(r"[0-9]", "", found.group())):  # 第29届: figures are fine in an event's name
        return None
    return context.create(Span(found.start(), found.end()), "Event", sentence)


ENROLLED = re.compile(
    r"(?P<verb>纳入|列入|入选|获批|被确定为|被评为|成为)(?P<rest>[^，,；;。]{0,40}?(?:试点|名单|示范|项目库|计划))"
)


def enrolled_rule(context: Context, sentence: Sentence) -> None:
    """A纳入/列入…试点: A is a member of the programme named after the verb."""
    for match, offset in find_all(ENROLLED, sentence):
        clause_start, _ = clause_bounds(sentence, offset)
        subject = _last_mention(context, clause_start, offset, ORGANISATIONS | {"Project"})
        rest_start = offset + len(match.group("verb"))
        programme = _programme(context, rest_start, offset + len(match.group()))
        if subject is not None and programme is not None:
            context.add("memberOf", subject, programme, sentence, match.group())


def _last_mention(context: Context, start: int, end: int, types: set[str]) -> Ref | None:
    """The mention of one of ``types`` ending last in [start, end), preferring the longest."""
    for position in range(end, start, -1):
        found = [m for m in context.ends.get(position, []) if m.type in types and m.span.start >= start]
        if found:
            return ref(max(found, key=lambda m: len(m.span)))
    return None


def _programme(context: Context, start: int, end: int) -> Ref | None:
    """The Policy/GlossaryTerm named in [start, end), or the whole 试点 phrase as one."""
    found = [m for p in range(start, end) for m in context.starts.get(p, [])
             if m.type in {"Policy", "GlossaryTerm"} and m.span.end <= end + 2]  # fmt: skip
    if found:
        return ref(max(found, key=lambda m: len(m.span)))
    return None


REPRESENTED = re.compile(
    r"以(?P<list>[^，,；;。以]{2,60}?)(?:等)?(?:[^，,；;。]{0,12}的)?(?:为代表|为主导|为主体|为主|为重点|为核心|为引领)的?|"
    r"以(?P<firms>[^，,；;。以]{2,40}?)等[^，,；;。]{0,12}的(?=[^，,；;。]{2,12}产业集群)"
)
WHOLE_INDUSTRY = re.compile(r"[^，,；;。和、]{2,12}?(?:产业|服务业|制造业|行业)")


def represented_rule(context: Context, sentence: Sentence) -> None:
    """以A、B为代表的X / 以A为主的X: items are part (or, for companies, members) of X."""
    represented(context, sentence)


def represented(context: Context, sentence: Sentence) -> list[Mention]:
    """The wholes that 以…为代表的 names, after linking their parts."""
    wholes = []
    for match, offset in find_all(REPRESENTED, sentence):
        after = offset + len(match.group())
        whole = _whole_after(context, sentence, after)
        if whole is None or whole.type not in {"Industry", "Policy", "GlossaryTerm", "Park"}:
            continue
        group = "list" if match.group("list") else "firms"
        start = offset + match.start(group) - match.start()
        make = (
            "Enterprise" if group == "firms" or "产业集群" in sentence.text[after - sentence.span.start :][:14] else ""
        )
        make = make or (whole.type if whole.type == "Industry" else "")
        for item in items(context, sentence, start, start + len(match.group(group)), make):
            kind = "memberOf" if item.ref[0] in {"Enterprise", "Institution"} else "partOf"
            if kind == "memberOf" or item.ref[0] == whole.type:
                context.add(kind, item.ref, ref(whole), sentence, match.group())
        wholes.append(whole)
    return wholes


def _whole_after(context: Context, sentence: Sentence, position: int) -> Mention | None:
    """The named whole after 为代表的: a mention there, or an industry name ending in 产业 (made a mention)."""
    mention = context.mention_at(position)
    if mention is not None:
        return mention
    found = WHOLE_INDUSTRY.match(context.doc.text, position, sentence.span.end)
    if found is None:
        return None
    return context.create(Span(found.start(), found.end()), "Industry", sentence)


GROUPED = re.compile(
    r"(?P<list>[^，,；;。：:]{2,80}?)等(?:[0-9一二两三四五六七八九十]+[个项家])?(?P<rest>[^，,；;。]{0,12}?)(?:重点项目|项目|试点|示范项目)"
)


def grouped_rule(context: Context, sentence: Sentence) -> None:
    """A、B等深哈合作重点项目: the items are members of the programme named before 项目."""
    for match, offset in find_all(GROUPED, sentence):
        rest_start = offset + match.start("rest") - match.start()
        rest = match.group("rest")
        programme = _programme(context, rest_start, rest_start + len(rest))
        if programme is None and re.fullmatch(r"[\u4e00-\u9fff]{2,6}(?:合作|协作|协同|对口帮扶)", rest):
            programme = ref(context.create(Span(rest_start, rest_start + len(rest)), "Policy", sentence))
        if programme is None:
            continue
        start = offset
        for item in items(context, sentence, start, start + len(match.group("list"))):
            if item.ref[0] in {"Project", "Enterprise", "Park", "Policy"} and item.ref != programme:
                context.add("memberOf", item.ref, programme, sentence, match.group())


# --- rules inside the glossary (名词解释) -------------------------------------------


COUNTED_LIST = re.compile(
    r"(?P<list>[^，,；;。：:即]{2,120}?)(?:等)?[0-9一二两三四五六七八九十]+(?:大|个|项|类)(?P<noun>[^，,；;。]{0,10}?)(?P<head>产业|行业|行动|改革|战略|工程|政策|平台)"
)
EXPLAINED = re.compile(r"即(?P<list>[^；;。]{2,200}?)(?=[；;。]|$)")
COUNT_TAIL = re.compile(r"(?:等)?[0-9一二两三四五六七八九十]+(?:大|个|项|类|件)[^、，,；;。]{0,6}$")
HEAD_TYPES = {"产业": "Industry", "行业": "Industry", "行动": "Policy", "改革": "Policy", "战略": "Policy",
              "工程": "Policy", "政策": "Policy", "平台": "Project"}  # fmt: skip


def glossary_rule(context: Context, sentence: Sentence) -> None:
    """In a 名词解释 entry, what its definition enumerates is part of the term."""
    term = _glossary_term(context, sentence)
    if term is None:
        return
    for match, offset in find_all(COUNTED_LIST, sentence):
        start = offset
        head = HEAD_TYPES[match.group("head")]
        for item in items(context, sentence, start, start + len(match.group("list")), head):
            context.add("partOf", item.ref, term, sentence, match.group())
    for match, offset in find_all(EXPLAINED, sentence):
        start = offset + 1
        listed = COUNT_TAIL.sub("", match.group("list"))  # …、“十三五”规划三个收官
        end = start + len(listed)
        if COUNTED_LIST.search(listed):
            continue
        if "包括" in listed:
            start += listed.index("包括") + 2
            start += 1 if context.doc.text[start : start + 1] in {"：", ":"} else 0
        for item in items(context, sentence, start, end, "Policy" if "《" in match.group("list") else ""):
            context.add("partOf", item.ref, term, sentence, match.group()[:40])
    for whole in represented(context, sentence):
        context.add("partOf", ref(whole), term, sentence, whole.text)
    _named_parts(context, sentence, term, _glossary_text(context, sentence))


def _glossary_term(context: Context, sentence: Sentence) -> Ref | None:
    term = _glossary_text(context, sentence)
    return ("GlossaryTerm", name_key(term)) if term else None


def _glossary_text(context: Context, sentence: Sentence) -> str:
    return context.glossary_terms.get(sentence.index, "")


def _glossary_terms_by_sentence(doc: Document) -> dict[int, str]:
    """One merge pass over sentences and entries (both in text order), not a scan of every entry per sentence."""
    terms: dict[int, str] = {}
    entries = iter(doc.glossary)
    entry = next(entries, None)
    for sentence in doc.sentences:
        while entry is not None and sentence.span.start >= entry.span.end:
            entry = next(entries, None)
        if entry is None:
            break
        if entry.span.start <= sentence.span.start:
            terms[sentence.index] = entry.term
    return terms


QUOTED_PART = re.compile(r"“(?P<name>[^”]{1,12})”\s*[,，]?\s*即")


def _named_parts(context: Context, sentence: Sentence, term: Ref, term_text: str) -> None:
    """“六保”即…: a named part of the term (a mention, or a piece of the term's own name)."""
    for match, offset in find_all(QUOTED_PART, sentence):
        start, name = offset + 1, match.group("name")
        mention = context.mention_at(start, start + len(name))
        mention = mention or context.covering(offset, offset + len(name) + 2)
        if mention is None and _named_elsewhere(context, name, term_text) and _nameable(name):
            mention = context.create(Span(start, start + len(name)), "Policy", sentence)  # 六保 of 三包四帮六保五到位
        if mention is not None and mention.type != "GlossaryTerm":
            context.add("partOf", ref(mention), term, sentence, match.group())


def _named_elsewhere(context: Context, name: str, term_text: str) -> bool:
    """六保 of 三包四帮六保五到位 is a policy when the report also names it on its own (“六保”任务);
    a part that only the definition spells out (“三包”即…) stays part of the term's text."""
    if name not in term_text or name == term_text:
        return False
    text = context.doc.text
    return text.count(name) - text.count(term_text) * term_text.count(name) > 1


# --- rules over names across the document --------------------------------------------


PHASE = re.compile(
    r"^(?P<whole>.{2,}?)(?:[一二三四五六七八九十0-9]+期(?:工程|项目)?|[东南西北]区|[A-Z]区|分院|分校|院区)$"
)
FACILITY = re.compile(r"^(?P<whole>.{2,}?)(?:体育馆|图书馆|实验楼|教学楼|综合楼|运动场|新院区)$")


def name_rules(context: Context) -> None:
    """Relations a name states: 四通新材二期 operatedBy 四通新材, 金台经济开发区北区 partOf 金台经济开发区."""
    by_name = _mentions_by_name(context)
    for mention in context.doc.mentions + context.created:
        if mention.type not in {"Project", "Park", "Institution"}:
            continue
        _owner_by_name(context, mention, by_name)


def _mentions_by_name(context: Context) -> dict[str, Mention]:
    names: dict[str, Mention] = {}
    for mention in sorted(context.doc.mentions + context.created, key=lambda m: (m.span.start, m.type)):
        for name in {mention.text, mention.canonical} - {""}:
            names.setdefault(name, mention)
    return names


def _owner_by_name(context: Context, mention: Mention, by_name: dict[str, Mention]) -> None:
    sentence = context.doc.sentences[mention.sentence] if mention.sentence < len(context.doc.sentences) else None
    if sentence is None:
        return
    for pattern in (PHASE, FACILITY):
        match = pattern.match(mention.text)
        whole = by_name.get(match.group("whole")) if match else None
        if whole is not None and whole.type in {"Project", "Park", "Institution", "Enterprise"}:
            owned = mention.type in {"Project", "Park"} and whole.type in {"Enterprise", "Institution"}
            kind = "operatedBy" if owned else "partOf"
            context.add(kind, ref(mention), ref(whole), sentence, mention.text)
            return
    if mention.type in {"Project", "Park"}:
        owner = _leading_enterprise(mention, by_name) or _enterprise_before_dot(context, mention)
        if owner is not None:
            context.add("operatedBy", ref(mention), ref(owner), sentence, mention.text)


def _enterprise_before_dot(context: Context, mention: Mention) -> Mention | None:
    """中南高科·清苑新经济产业园: a company's name joined to the park's by a middle dot."""
    dot = mention.span.start - 1
    if dot < 0 or context.doc.text[dot] not in "·•・":
        return None
    owners = [m for m in context.ends.get(dot, []) if m.type == "Enterprise"]
    owner = max(owners, key=lambda m: len(m.span), default=None)
    if owner is None:  # the company may be unnamed elsewhere: take the name before the dot
        start = max(context.doc.text.rfind(ch, 0, dot) for ch in CLAUSE_END + "、") + 1
        chunk = context.doc.text[start:dot]
        sentence = context.doc.sentences[mention.sentence]
        if 2 <= len(chunk) <= 8 and _nameable(chunk) and start >= sentence.span.start:
            owner = context.create(Span(start, dot), "Enterprise", sentence)
    return owner


def _leading_enterprise(mention: Mention, by_name: dict[str, Mention]) -> Mention | None:
    """鑫达集团30万吨复合材料项目 → 鑫达集团: the longest enterprise name the project's name starts with."""
    for cut in range(len(mention.text) - 2, 1, -1):
        owner = by_name.get(mention.text[:cut])
        if owner is not None and owner.type == "Enterprise":
            return owner
    return None


def event_place_rule(context: Context) -> None:
    """北京冬奥会 hostedBy 北京: an event whose name starts with a place name that the text also names."""
    by_name = _mentions_by_name(context)
    hosted = {relation.subject for relation in context.relations.values() if relation.kind == "hostedBy"}
    for mention in context.doc.mentions:
        if (
            mention.type != "Event"
            or mention.sentence >= len(context.doc.sentences)
            or ref(mention) in hosted
            or re.search(r"周年|成立|诞辰|纪念|共产党", mention.text)  # an anniversary is not hosted anywhere
        ):
            continue  # 承办保定市首届…大会: the host the text names wins over the place in the name
        for cut in range(min(len(mention.text) - 2, 8), 1, -1):
            place = by_name.get(mention.text[:cut])
            if place is not None and place.type == "Place":
                sentence = context.doc.sentences[mention.sentence]
                context.add("hostedBy", ref(mention), ref(place), sentence, mention.text)
                break


NUMBERED_WHOLE = re.compile(r"([一二两三四五六七八九十]+)(?:大|项)(行动|工程|战略|任务|举措|攻坚)")
NUMERALS = {ch: value for value, ch in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}


def action_sections_rule(context: Context) -> None:
    """第一…第八, each heading 实施X行动, under a report that names 八大行动: each X is part of it."""
    siblings: dict[int | None, list[int]] = {}
    for index, section in enumerate(context.doc.sections):
        if section.kind == "action":
            siblings.setdefault(section.parent, []).append(index)
    for group in siblings.values():
        for head, whole in _numbered_wholes(context, len(group)):
            for index in group:
                part = _heading_mention(context, context.doc.sections[index].heading, head)
                sentence = context.doc.sentence_at(context.doc.sections[index].heading.start)
                if part is not None and sentence is not None:
                    context.add(
                        "partOf", ref(part), whole, sentence, context.doc.slice(context.doc.sections[index].heading)
                    )


def _numbered_wholes(context: Context, count: int) -> list[tuple[str, Ref]]:
    """The 八大行动-like names in the text whose number is ``count``, as (head word, entity)."""
    wholes: dict[str, Ref] = {}
    for match in NUMBERED_WHOLE.finditer(context.doc.text):
        number = match.group(1)
        value = NUMERALS.get(number) if len(number) == 1 else None
        sentence = context.doc.sentence_at(match.start())
        if value != count or sentence is None or match.group(2) in wholes:
            continue
        mention = context.mention_at(match.start(), match.end())
        mention = mention or context.create(Span(match.start(), match.end()), "Policy", sentence)
        wholes[match.group(2)] = ref(mention)
    return sorted(wholes.items())


def _heading_mention(context: Context, heading: Span, head: str) -> Mention | None:
    """The longest Policy named in a heading that ends with the head word (产业振兴行动 for 行动)."""
    found = [m for p in range(heading.start, heading.end) for m in context.starts.get(p, [])
             if m.type == "Policy" and m.text.endswith(head) and m.span.end <= heading.end]  # fmt: skip
    return max(found, key=lambda m: len(m.span), default=None)


INVESTS = re.compile(r"投资[^，,；;。]{0,16}?(?:建设|援建|兴建|建成|打造|新建)的?")


def invests_rule(context: Context, sentence: Sentence) -> None:
    """北京乐成集团投资1700多万元援建的养老院: the company invests in what it builds."""
    for match, offset in find_all(INVESTS, sentence):
        investors = [m for m in context.ends.get(offset, []) if m.type in {"Enterprise", "Institution"}]
        target = context.mention_at(offset + len(match.group()))
        if investors and target is not None and target.type in {"Project", "Park", "Institution"}:
            investor = max(investors, key=lambda m: len(m.span))
            context.add("investsIn", ref(investor), ref(target), sentence, match.group())


SENTENCE_RULES = (partner_rule, invests_rule, cobuild_rule, invited_rule, settled_rule, leadership_rule, hosted_rule,
                  enrolled_rule, represented_rule, grouped_rule)  # fmt: skip
GLOSSARY_RULES = (glossary_rule, partner_rule)
DOCUMENT_RULES = (name_rules, event_place_rule, action_sections_rule)
