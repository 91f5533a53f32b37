"""Named entities of all eleven types, from rules that generalise across reports.

Each sentence is cut once with jieba; the rule families (gazetteer, heads, organs,
events, quoted terms, lists, industries) propose candidates, and where two of them
cross (overlap without one containing the other) the stronger one stays. Nested
names are kept on purpose: 哈尔滨新区 inside 哈尔滨新区管委会 is a Park of its own.
Glossary headwords are left to the glossary extractor, so a term is one node.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from kg.extract import extractor
from kg.extract.entities_heads import head_candidates, trim_leading
from kg.extract.entities_rules import (
    congress_candidates,
    enterprise_list_candidates,
    event_candidates,
    firm_kind_candidates,
    gazetteer_candidates,
    industry_candidates,
    list_candidates,
    named_person_candidates,
    organ_candidates,
    person_candidates,
    phase_owner_candidates,
    project_list_candidates,
    quoted_candidates,
    region_strategy_candidates,
    route_candidates,
    sector_candidates,
    works_candidates,
)
from kg.extract.entities_text import FOOTNOTE_MARK, Candidate, Token, heads, tokens, word_boundaries
from kg.model import Document, Mention, Sentence, Span
from kg.rdf.namespaces import name_key
from kg.segment.glossary import term_aliases

_ADMIN_PLACE = re.compile(r"[\u4e00-\u9fff]{2,}(?:县|市|区|省|镇|乡|旗)$")
# Rivers, lakes and mountains jieba knows as places (白洋淀, 拒马河, 太行山); 堰塞湖 is a kind, not a name.
_LANDFORM = re.compile(r"(?!堰塞)[\u4e00-\u9fff]{2,}(?:河|江|湖|淀|水库|山|岭)$")
# 老城区, 文明城市: kinds of urban area, not places.
_URBAN_AREA = re.compile(r"(?:城区|城市|市区|县城)$")
_STREET = re.compile(r"(?:路|街|大道|公园|小区|社区|家园|楼|桥)$")
_CORE = re.compile(r"^“([^”]+)”[\u4e00-\u9fff]{0,4}$")
_INDUSTRY_HOSTS = frozenset(["Park", "Project", "Enterprise", "Institution", "Event"])
_LEVELS = {"区": "区", "县": "县", "市": "市", "省": "省"}


@extractor("entities")
def extract_entities(doc: Document) -> None:
    glossary_keys = {name_key(form) for entry in doc.glossary for form in term_aliases(entry.term)}
    level = _LEVELS.get(doc.meta.level, "")
    home = doc.meta.place
    for sentence in doc.sentences:
        for candidate in sentence_candidates(sentence.text, level, home):
            name = sentence.text[candidate.start : candidate.end]
            canonical = FOOTNOTE_MARK.sub("", candidate.canonical or name)  # “六稳[4]”: the pointer is no part
            if name_key(canonical) in glossary_keys or _quoted_core(canonical) in glossary_keys:
                continue  # the glossary extractor's node already stands for it
            doc.mentions.append(_mention(sentence, candidate, name, canonical if canonical != name else ""))


def sentence_candidates(text: str, level: str = "", home: str = "") -> list[Candidate]:
    """The kept candidates of one sentence, in text order; ``home`` is the report's own place."""
    toks = tokens(text)
    boundaries = word_boundaries(toks)
    home_found = _home_candidates(text, boundaries, home)
    known = gazetteer_candidates(text, boundaries) + home_found + _named_after_home(toks, home_found)
    proposed = [
        *known,
        *region_strategy_candidates(text, known),
        *organ_candidates(text, level),
        *event_candidates(text),
        *quoted_candidates(text),
        *list_candidates(text),
        *enterprise_list_candidates(text, boundaries),
        *firm_kind_candidates(text),
        *project_list_candidates(text, boundaries),
        *industry_candidates(text, boundaries),
        *sector_candidates(toks),
        *person_candidates(toks),
        *named_person_candidates(text),
        *congress_candidates(text),
        *route_candidates(text, boundaries),
        *_place_tokens(toks),
        *_numbered_streets(toks),
        *head_candidates(toks, _home_forms(home)),
    ]
    proposed += works_candidates(text, toks, proposed) + phase_owner_candidates(text, proposed)
    proposed = _with_zone_part(_joined_at_dot(proposed, text), text)
    kept = _without_route_tails(_without_inner_industries(_without_crossings(proposed)), text)
    kept = _without_group_prefixes(kept, text)
    kept = [c for c in kept if not (c.type == "Policy" and _policy_misread(text, c)) and not _honour(text, c)]
    kept += _owned_works(kept, text)
    return sorted(_without_inner_places(kept, text), key=lambda c: (c.start, c.end, c.type))


# 平房区 → 平房, 定兴县 → 定兴: the short form a report uses for its own place all the time.
_DIVISION_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:自治县|区|县|市|旗|镇|乡)$")
_PARENT = re.compile(r"^[\u4e00-\u9fff]{2,}?[省市](?=[\u4e00-\u9fff]{2,}[区县市旗])")


@cache
def _home_forms(home: str) -> frozenset[str]:
    """保定市清苑区 → 保定市清苑区, 清苑区, 清苑."""
    if not home:
        return frozenset()
    own = _PARENT.sub("", home)  # 哈尔滨市平房区 → 平房区
    return frozenset({home, own, _DIVISION_SUFFIX.sub("", own)})


def _home_candidates(text: str, boundaries: set[int], home: str) -> list[Candidate]:
    """The report's own place, by its full or short name: jieba often reads it as a common noun (平房区/n)."""
    out = []
    for form in sorted(_home_forms(home), key=len, reverse=True):
        for match in re.finditer(re.escape(form), text):
            if match.start() in boundaries and match.end() in boundaries:
                out.append(Candidate(match.start(), match.end(), "Place", home, priority=2, source="gazetteer"))
    return out


# 平房公园, 平房路: a park or street named after the report's own place (jieba reads 平房 as a noun).
_HOME_NAMED_HEADS = frozenset(["公园", "路", "街", "大街", "大道", "广场", "小区", "社区"])


def _named_after_home(toks: list[Token], found: list[Candidate]) -> list[Candidate]:
    ends = {c.end: c.start for c in found}
    return [
        Candidate(ends[t.start], t.end, "Place", priority=2, source="heads")
        for t in toks
        if t.start in ends and t.word in _HOME_NAMED_HEADS
    ]


# 被国家体育总局命名为“国家体育产业基地”: a quoted title a place or body was given, not a park or programme.
_HONOURED = re.compile(r"(?:命名为|确定为|评为|授予|认定为|列为|获评|荣获|入选|获得)$")


def _honour(text: str, candidate: Candidate) -> bool:
    """(Being made part of a pilot, 列为“…试点”, is joining a programme: that stays.)"""
    name = text[candidate.start : candidate.end]
    if name.rstrip("”").endswith("试点"):
        return False
    return text.startswith("“", candidate.start) and _HONOURED.search(text, 0, candidate.start) is not None


def _joined_at_dot(proposed: list[Candidate], text: str) -> list[Candidate]:
    """保定·少海汇智能家居产业园: a place or company named before a middle dot belongs to the name after it."""
    before = {c.end: c for c in proposed if c.type in ("Place", "Enterprise")}
    return [
        replace(c, start=before[c.start].start) if text.startswith("·", c.start) and c.start in before else c
        for c in proposed
    ]


# 金台经济开发区北区, 新华工业园A区: a lettered or compass part of a park is a park of its own.
_ZONE_PART = re.compile(r"[A-ZＡ-Ｚ东西南北]区(?!域)")


def _with_zone_part(proposed: list[Candidate], text: str) -> list[Candidate]:
    return [
        replace(c, end=part.end()) if c.type == "Park" and (part := _ZONE_PART.match(text, c.end)) else c
        for c in proposed
    ]


# 雄安新区规划建设, 川藏铁路规划建设: 规划 is half of the verb "plan and build" here, no plan's name.
_PLANNED_AND_BUILT = re.compile(r"规划(?:建设|落地)")
# 交通秩序、违法建设专项整治: the head is shared by a list and this item has none of its own.
# (After 和 the item may be one name: 农村土地确权颁证和产权制度改革.)
_LIST_ITEM_BEFORE = re.compile(r"([^，。；：、“”（）]{2,})、$")
# 长江经济带发展、粤港澳大湾区建设: a strategy's name may end in 发展 or 建设 rather than a programme word.
_OWN_HEADS = ("”", "发展", "建设")


def _policy_misread(text: str, candidate: Candidate) -> bool:
    """A Policy span that is a verb phrase's object or the last item of a list sharing one head."""
    if candidate.source == "quoted" or text.startswith("“", candidate.start):
        return False
    name = text[candidate.start : candidate.end]
    if name.endswith("规划") and _PLANNED_AND_BUILT.match(text, candidate.end - 2):
        return True
    item = _LIST_ITEM_BEFORE.search(text, 0, candidate.start)
    return item is not None and not _ends_with_head(item.group(1))


def _ends_with_head(item: str) -> bool:
    return any(item.endswith(head) for head in heads()) or item.endswith(_OWN_HEADS)


def _without_inner_industries(kept: list[Candidate]) -> list[Candidate]:
    """云计算 in 云计算产业园 names the park's trade, not an industry the report plans; 智能制造 in
    机器人及智能制造产业 is half of the one industry planned."""
    hosts = [c for c in kept if c.type in _INDUSTRY_HOSTS or (c.type == "Industry" and _JOINED.search(c.canonical))]
    return [
        c
        for c in kept
        if not (c.type == "Industry" and any(h.start <= c.start and c.end <= h.end and h != c for h in hosts))
    ]


_JOINED = re.compile(r"[\u4e00-\u9fff]{2}[及和与][\u4e00-\u9fff]{2}")


_GROUP_END = re.compile(r"(?:集团|公司)$")


def _without_group_prefixes(kept: list[Candidate], text: str) -> list[Candidate]:
    """一汽 in 一汽哈轻, 苏宁 in 苏宁物流: the group's short name opens its subsidiary's, it is not mentioned
    itself (中交 in 中交集团 is the group, and stays)."""
    longer = {
        (c.start, c.end)
        for c in kept
        if c.type == "Enterprise" and c.source != "gazetteer" and not _GROUP_END.search(text, c.start, c.end)
    }
    return [
        c
        for c in kept
        if not (
            c.type == "Enterprise"
            and c.source == "gazetteer"
            and any(start == c.start and end > c.end for start, end in longer)
        )
    ]


def _owned_works(kept: list[Candidate], text: str) -> list[Candidate]:
    """Works named after their owner: 县医院妇儿楼, 中医院传染病区, 实验中学扩建 (what an institution builds on
    its premises), 中节能(涞水)生活垃圾焚烧发电项目, 中节能（保定）二期 (what a firm's branch builds)."""
    out = []
    for candidate in kept:
        works = next((w for p in _OWNED_WORKS.get(candidate.type, ()) if (w := p.match(text, candidate.end))), None)
        if works is not None:
            name = text[candidate.start : works.end()]
            phase = name.removesuffix("项目") if name.endswith("期项目") else ""  # 中节能（保定）二期
            out.append(Candidate(candidate.start, works.end(), "Project", phase, priority=2, source="heads"))
    return out


# The new building's name, then what is done to it or the end of the clause.
_BUILDING = re.compile(
    r"[\u4e00-\u9fff]{1,6}?(?:大楼|楼|病区|院区)(?=建设|主体|封顶|投用|投入使用|竣工|完工|改造|扩建|项目|工程|[，、。；和]|$)"
)
# 实验中学扩建, 县疾控中心迁建: the works on an institution's own premises.
_ENLARGED = re.compile(r"(?:改扩建|扩建|迁建|异地新建|提升改造)(?=项目|工程|[，、。；]|主体|开工|完工|竣工|$)")
# A firm's local branch in brackets, then its works or phase.
_BRANCH_WORKS = re.compile(
    r"[（(][\u4e00-\u9fff]{2,4}[)）](?:[^\W_，。；、]{0,16}?(?:项目|工程)|[一二三四五六七八九]期(?:项目|工程)?)"
)
_OWNED_WORKS = {"Institution": (_BUILDING, _ENLARGED), "Enterprise": (_BRANCH_WORKS,)}


def _without_route_tails(kept: list[Candidate], text: str) -> list[Candidate]:
    """许村段公路大修养护项目 inside 博望路县城至许村段公路大修养护项目: past 至 a road's name holds no project;
    nor does the bracketed stretch of 育才街（龙津路至春台路）, which is that road's project."""
    tails = [(text.index("至", r.start, r.end), r.end) for r in kept if r.source == "route"]
    stretches = [(r.start, r.end) for r in kept if r.source == "route" and "（" in text[r.start : r.end]]
    return [
        c
        for c in kept
        if not (
            c.type == "Project"
            and (
                (c.source != "route" and any(a < c.start and c.end <= b for a, b in tails))
                or any(a < c.start and c.end <= b for a, b in stretches)
            )
        )
    ]


def _without_inner_places(kept: list[Candidate], text: str) -> list[Candidate]:
    """新疆 inside 新疆大街 names the street, not the region."""
    streets = [c for c in kept if c.type in ("Place", "Project") and _STREET.search(text[c.start : c.end])]
    return [
        c
        for c in kept
        if not (
            c.type == "Place"
            and c.source in ("gazetteer", "jieba")
            and any(s.start <= c.start and c.end <= s.end and s != c for s in streets)
        )
    ]


def _place_tokens(toks: list[Token]) -> list[Candidate]:
    """jieba's place words that carry an administrative suffix (定兴县, 姚村镇) or name a river, lake or mountain."""
    out = []
    for index, t in enumerate(toks):
        if t.tag != "ns" or _URBAN_AREA.search(t.word):
            continue
        if _ADMIN_PLACE.match(t.word):
            out.append(Candidate(t.start, t.end, "Place", priority=2, source="jieba"))
        elif _LANDFORM.match(t.word):
            out.append(Candidate(_landform_start(toks, index), t.end, "Place", priority=2, source="jieba"))
    return out


def _landform_start(toks: list[Token], index: int) -> int:
    """南 + 拒马河: a one-character direction jieba cut off belongs to the river's name."""
    previous = toks[index - 1] if index else None
    if previous is not None and previous.word in _DIRECTIONS and previous.end == toks[index].start:
        return previous.start
    return toks[index].start


_DIRECTIONS = frozenset("东南西北中")


# jieba reads 五路 in 哈五路 as a number (五路/m); 纬三路, 哈南九路 are streets named by a prefix and an ordinal.
_NUMBERED_STREET = re.compile(r"第?[一二三四五六七八九十]{1,3}(?:路|街|大街|大道)")
_STREET_PREFIX_TAGS = frozenset(["ns", "nr", "nz", "j", "unk"])


def _numbered_streets(toks: list[Token]) -> list[Candidate]:
    """哈 + 五路, 纬 + 三路: a proper word (or the one-character 经/纬) before a fused ordinal street."""
    out = []
    for index, token in enumerate(toks):
        if token.tag != "m" or not _NUMBERED_STREET.fullmatch(token.word):
            continue
        first = index
        while (
            first > 0 and token.end - toks[first - 1].start <= len(token.word) + 4 and _street_prefix(toks[first - 1])
        ):
            first -= 1
        prefix = "".join(t.word for t in toks[first:index])
        if prefix and trim_leading(prefix) == prefix:  # 力争/nz 九路泊车: a verb, not a street's name
            out.append(Candidate(toks[first].start, token.end, "Place", priority=2, source="heads"))
    return out


def _street_prefix(token: Token) -> bool:
    """A name word before the ordinal; a common noun only as one character (经, 纬), never 产业 + 一路."""
    return token.tag in _STREET_PREFIX_TAGS or (token.tag == "n" and len(token.word) == 1)


def _without_crossings(proposed: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    spans: set[tuple[int, int]] = set()
    for candidate in sorted(proposed, key=lambda c: (-c.priority, -(c.end - c.start), c.start, c.type)):
        span = (candidate.start, candidate.end)
        if span in spans or any(_crosses(candidate, other) for other in kept):
            continue
        kept.append(candidate)
        spans.add(span)
    return kept


def _crosses(a: Candidate, b: Candidate) -> bool:
    return (
        a.start < b.end
        and b.start < a.end
        and not (a.start <= b.start and b.end <= a.end)
        and not (b.start <= a.start and a.end <= b.end)
    )


def _quoted_core(name: str) -> str:
    """“六稳”工作 → 六稳: a quoted term standing alone or with a programme word after it."""
    match = _CORE.match(name)
    return name_key(match.group(1)) if match else ""


def _mention(sentence: Sentence, candidate: Candidate, name: str, canonical: str) -> Mention:
    start = sentence.span.start + candidate.start
    return Mention(
        text=name,
        type=candidate.type,
        span=Span(start, start + len(name)),
        sentence=sentence.index,
        source=candidate.source,
        canonical=canonical,
    )
