"""Every figure about a measured quantity becomes a typed Observation.

A figure is a number with a unit (18.1亿元, 5106户, 10%, 超百户, 万余平方米), a
rank (全省第一, 第11位) or a ratio (20.8：36.7：42.5). Its indicator is the noun
phrase before it in the same clause (or, when that is only a verb, the one
after it: 31项民生实事); its status and period come from the part of the report
it sits in (the review of last year, this year's plan, the five-year plan) and
from words in the sentence (预计, 比2015年, 1-11月).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import jieba
import jieba.posseg

from kg.extract import extractor
from kg.extract.numbers import (
    ARABIC,
    ARABIC_GROUPED,
    CN_NUMERAL,
    chinese_value,
    parse_value,
    prefix_regex,
    unit_parts,
    unit_regex,
)
from kg.extract.observation_context import PartContext, part_contexts, read_table
from kg.model import Document, Mention, Observation, Sentence, Span
from kg.rdf.namespaces import name_key

# Clause boundaries: an indicator never reaches across these.
_STOPS = "，,；;。：:！!？?、\n—"
_SUBJECT_TYPES = ("Enterprise", "Park", "Project", "Institution", "Event")
# Mentions whose names may contain figures that are not facts (30万吨复合材料项目).
_NAME_TYPES = ("Enterprise", "Park", "Project", "Event", "Policy", "Institution", "GovernmentBody", "GlossaryTerm")
_MONEY_VERBS = ("前期投资", "计划投资", "总投资", "完成投资", "投资", "投入", "总投入")
_LEAD = re.compile(
    r"^(?:其中|同时|并且|并|力争|确保|争取|预计|仅|首次|再次|历史性|一举|全年|年内|今年|去年|当年|全区|全县|全市|全镇|我区|我县|我市|全域|共|累计|预计|初步统计|"
    r"\d{4}年(?:全年|底|末)?|第?[一二三四]季度|[上下]半年|前三季度|\d{1,2}[-—–~]\d{1,2}月份?|“?十[一二三四五六]五”?(?:期间|时期)?|五年来|过去五年|"
    r"一年来|按可比口径计算|按可比口径|可比口径|同口径|完成(?!投资)|实现|达到|新增加|的)"
)
_BASELINE = re.compile(
    r"(?:比|较|同比|相比)(\d{4}年|上年|去年|同期|上年同期|年初|“?十[一二三四五]五”?末)(?:同期)?|是(\d{4}年)的"
)
_CLAUSE_VERB = re.compile(r"再创|创下|创历史|实现|保持|均|分别|达到|完成|持续|稳步|大幅")
_SINCE = re.compile(r"(?:从|由)?(\d{4})年(?:底|末)?的?$")
_THIS_YEAR_GOAL = re.compile(r"(?:今年|本年度?).{0,12}(?:预期目标|主要目标|奋斗目标)|(?:预期目标|主要目标)(?:是|为)")
_MONTHS = re.compile(r"(\d{1,2})\s*[-—–~至]\s*(\d{1,2})\s*月")
_YEAR = re.compile(r"(?<![\d.])(\d{4})年(?!代)")
_POST_CUT = re.compile(
    r"全部|均|已|基本|成功|顺利|得到|获得|开复工|投用|落户|列入|开放|结束|告别|冲锋|被|入选|通过|进入|"
    r"提质|实现|达到|运营|的目标|目标|即将|大关|台阶|关口|增长|下降|提高|增加|减少|跃升|分别|为|从|由|[降升调提]至|降到|进行|进展|圆满|(?<=.)(?<![现存所实正])在(?![建营校岗职库线册])"
)
_POST_LEAD = re.compile(r"^(?:的|打造|实施|新建改造|新建|建设|建成|完成|推进|开展|培育)")
_ACTION_ENDINGS = ("建设", "提速", "实施", "推进", "加快", "完成", "累计", "共", "前期", "计划", "实际", "新增")
_LONGEST_NAME = 30
_NAME_CHARACTER = re.compile(r"[\u4e00-\u9fffA-Za-z]")
# Modifiers that come in parallel lists before one head noun (城镇、农村居民…; 国家级、省级企业).
_PARALLEL = ("城镇", "农村", "城市", "城乡", "国家级", "省级", "市级", "县级", "区级", "国家", "省", "市", "县")
_UNDATED = "报告期"  # a report whose year is unknown: its figures belong to the reporting period
_GENERIC_NOUNS = ("企业", "公司", "单位", "个人")
_DEEDS = ("通过", "入选", "进入", "获得", "得到", "落户", "列入")
_THRESHOLD_NOUN = re.compile(r"[\u4e00-\u9fff]")
_CAPACITY = ("吨", "千瓦", "兆瓦", "台", "辆", "套", "立方米", "平方米", "千伏安", "标准箱")


@dataclass(slots=True)
class Figure:
    """One number in a sentence, before its indicator is known."""

    start: int  # offsets within the sentence text
    end: int
    value: float
    unit: str
    qualifier: str = ""
    range_low: float | None = None
    measure: str = ""  # set for ranks and ratios
    part_label: str = ""  # 第一产业 … for ratio parts
    indicator: str = ""  # set when the figure's own wording names it (69万清苑人民 is the 人口)


@dataclass(slots=True)
class Reading:
    """What the words before a figure say about it."""

    core: str
    qualifier: str = ""
    direction: str = ""
    baseline: str = ""
    period: str = ""
    expected: bool = False
    cumulative: bool = False  # 累计: a running total, still dated by the period it was reported for
    verbs: list[str] = field(default_factory=list)


@cache
def _figure_regex() -> re.Pattern[str]:
    number = rf"(?:{ARABIC_GROUPED}|{ARABIC}|[{CN_NUMERAL}]+(?:亿[{CN_NUMERAL}]+)?)"
    return re.compile(
        rf"(?<![\d.A-Za-z{CN_NUMERAL}第])(?<!\d,)"
        rf"(?:(?P<low>{ARABIC})\s*(?:[-—–~]|至|到)\s*(?=\d))?"
        rf"(?P<num>{number})\s*(?P<q1>余|多)?"
        rf"(?P<unit>{unit_regex()}|{prefix_regex()})(?P<q2>余|多)?"
    )


@cache
def _wan_yu_regex() -> re.Pattern[str]:
    """万余平方米: a bare magnitude with 余 stands for one of it."""
    return re.compile(rf"(?<![\d{CN_NUMERAL}])(?P<mult>万|千)(?P<q>余|多)(?P<unit>{unit_regex()})")


# A ranking scope: the whole country/province…, or a group of regions of one level (东北三省, 华北五省, 京津冀13市).
_SCOPE = r"[东西南北中华京津冀长三角珠]{0,4}(?:[一二三四五六七八九十两]+|\d+)(?:省区市|个?省份?|个?市|个?县区?|个?区)"
_PLAN_SHARE = re.compile(r"完成(?:全年|年度|年)?([^，。；、\d]{0,6}?)计划的$")
# The words that place a rank (排名全市, 居全省): what is ranked comes before them, or from the figure before.
_RANK_SCOPE = re.compile(
    rf"(?:排名|位居|名列|位列|进入|跻身|居|列|排)?(?:全国|全省|全市|全县|全区|省内|市内|国内|同类|{_SCOPE})?$"
)
_RANK = re.compile(
    rf"(?:全国|全省|全市|全县|全区|{_SCOPE}|全球|世界|同类|省内|市内|国内|排名|排|位居|居|列|位列|名列|进入|跻身)"
    r"[^，,。；;、\d]{0,8}?(?P<kind>第|前)(?P<num>\d+|[一二三四五六七八九十]{1,3})(?P<unit>名|位)?"
)
# A short quoted phrase is a slogan or a programme's name (“300米见绿、500米见园”, “六个百分之百”).
_SLOGAN = re.compile(r"“[^”]{1,20}”")
_PERCENT_WORDS = re.compile(rf"百分之(?P<num>{ARABIC}|[{CN_NUMERAL}]+(?:[点點][{CN_NUMERAL}]+)?)")
_RATIO = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?:\s*[：:]\s*(\d+(?:\.\d+)?)){2,3}(?![\d.])")
_RATIO_PARTS = ("第一产业", "第二产业", "第三产业")


@extractor("observations")
def extract_observations(doc: Document) -> None:
    contexts = part_contexts(doc)
    names = _name_spans(doc)
    for sentence in doc.sentences:
        context = contexts[sentence.index]
        if context.skip:
            continue
        doc.observations.extend(_sentence_observations(doc, sentence, context, names.get(sentence.index, [])))


def _name_spans(doc: Document) -> dict[int, list[Mention]]:
    spans: dict[int, list[Mention]] = {}
    for mention in doc.mentions:
        spans.setdefault(mention.sentence, []).append(mention)
    return spans


def find_figures(text: str, blocked: list[tuple[int, int]] = ()) -> list[Figure]:
    """Every figure in ``text``, left to right; figures inside ``blocked`` spans are names, not facts.

    Only a figure that sits after the start of a name is part of it (鑫达集团30万吨复合材料项目); a name
    that begins with the figure (20件民心工程) was cut too wide by its extractor.
    """
    figures = _ranks(text) + _ratios(text)
    taken = [(f.start, f.end) for f in figures] + [m.span() for m in _SLOGAN.finditer(text)]
    for match in _figure_regex().finditer(text):
        if _overlaps(match.start(), match.end(), taken) or _inside_name(match.start(), match.end(), blocked):
            continue
        figure = _figure(text, match)
        if figure is not None:
            figures.append(figure)
            taken.append((figure.start, figure.end))
    for match in _PERCENT_WORDS.finditer(text):
        value = parse_value(match.group("num"))
        if value is not None and not _overlaps(match.start(), match.end(), taken):
            figures.append(Figure(match.start(), match.end(), value, "%"))
    for match in _wan_yu_regex().finditer(text):
        if not _overlaps(match.start(), match.end(), taken):
            unit = match.group("mult") + match.group("unit")
            figures.append(Figure(match.start(), match.end(), 1.0, unit, "余"))
    return sorted(figures, key=lambda f: f.start)


def _hundred_millions(number: str, unit: str) -> float | None:
    """七亿七千(多万吨): with a 万 unit the 亿 part counts ten thousand of it, so 77000 万吨."""
    high, low = number.split("亿", 1)
    high_value, low_value = chinese_value(high), chinese_value(low.lstrip("零〇"))
    if high_value is None or low_value is None or not unit.startswith("万"):
        return None
    return high_value * 10000 + low_value


def _inside_name(start: int, end: int, names: list[tuple[int, int]]) -> bool:
    return any(a < start and end <= b for a, b in names)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def _figure(text: str, match: re.Match[str]) -> Figure | None:
    number, unit = match.group("num"), match.group("unit")
    value = _hundred_millions(number, unit) if "亿" in number else parse_value(number)
    if value is None:
        return None
    chinese = not number[0].isdigit()
    qualifier = "余" if match.group("q1") or match.group("q2") else ""
    end = match.end()
    after = _after_qualifier(text, end)
    if after:
        following = text[end + len(after) : end + len(after) + 1]
        if after in ("以上", "以下") and _THRESHOLD_NOUN.match(following or " ") and following != "的":
            return None  # 5亿元以上项目: a size class, not a fact
        qualifier = qualifier or _qualifiers_after()[after]
        end += len(after)
    if chinese and not _plausible_chinese(text, match, value, unit, qualifier):
        return None
    if _part_of_name(text, match.end(), unit) or _is_modifier(text, match.end(), unit):
        return None
    if _comparison_set(text, match.start("unit"), unit):
        return None
    low = match.group("low")
    figure = Figure(match.start(), end, value, unit, qualifier, range_low=float(low) if low else None)
    if people := _people(text, match.start("unit"), unit):
        # 69万清苑人民, 近14亿人口: the population the report speaks for (人口 in the dev gold)
        figure.unit, figure.indicator = unit.removesuffix("人") if text.startswith("口", match.end()) else unit, people
        figure.end = match.start("unit") + len(figure.unit)
    return figure


@cache
def _bare_magnitudes() -> frozenset[str]:
    return frozenset(prefix_regex().split("|"))


def _is_modifier(text: str, end: int, unit: str) -> bool:
    """4个月 is a time span, 二星级 a grade, 3万级 a class, 24小时自助服务 a kind of service: no figure."""
    following = text[end : end + 1]
    if (unit, following) in (("个", "月"), ("星", "级")) or (unit.endswith("人") and following == "民"):
        return True
    if unit in _bare_magnitudes() and following in ("级", "个", "多"):
        return True
    return (
        unit in ("小时", "分钟")
        and bool(following)
        and _THRESHOLD_NOUN.match(following) is not None
        and (following not in "以左内之")
    )


# 69万清苑人民, 近14亿人口: the people a report speaks for; 全省167个区县中: the set a rank is taken in.
_PEOPLE = re.compile(r"(?:[\u4e00-\u9fff]{0,4}?(?:人民|儿女|同胞|父老乡亲|人(?=的))|口)")
_COMPARISON_SET = re.compile(
    r"(?:县（市、区）|县市区|区县|县区|县市|省区市|省份|城市|地市|县|市|省)(?:中|里|之中|当中)"
)


_PEOPLE_GROUP = re.compile(r"[\u4e00-\u9fff]{1,6}?人口")


def _people(text: str, unit_start: int, unit: str) -> str:
    """The group of people a bare count names (6000万农村人口 → 农村人口; 69万清苑人民 → 人口), or ''."""
    after = text[unit_start + len(unit) :]
    if unit in _bare_magnitudes() and (group := _PEOPLE_GROUP.match(after)):
        return group.group()
    people = unit in _bare_magnitudes() or unit_parts(unit).base == "人"
    if people and _PEOPLE.match(after) is not None and (unit.endswith("人") or not after.startswith("口")):
        return "人口"
    return ""


def _comparison_set(text: str, unit_start: int, unit: str) -> bool:
    """全省167个区县中找位次: the set a rank is taken in sets the scene, it reports no result."""
    return unit.endswith("个") and _COMPARISON_SET.match(text[unit_start + len(unit) :]) is not None


def _until_stop(text: str) -> str:
    """``text`` up to the first clause boundary outside quotes (“烦心事、闹心事” is one name)."""
    quoted = False
    item_start = 0
    for index, ch in enumerate(text):
        if ch in "“「《":
            quoted = True
        elif ch in "”」》":
            quoted = False
        elif ch == "、" and index - item_start == 1:
            item_start = index + 1  # 省、市重点项目: one-character items share the noun after them
        elif ch in _STOPS and not quoted:
            return text[:index]
    return text


@cache
def _qualifiers_after() -> dict[str, str]:
    return {word: value for kind, word, value in read_table("observation_words.tsv") if kind == "after"}


def _after_qualifier(text: str, end: int) -> str:
    for word in sorted(_qualifiers_after(), key=len, reverse=True):
        if word not in ("余", "多") and text.startswith(word, end):
            return word
    return ""


def _plausible_chinese(text: str, match: re.Match[str], value: float, unit: str, qualifier: str) -> bool:
    """Chinese numerals are figures only in fixed shapes (一倍, 两个百分点, 四星, 超百户, 近百件, 百余家)."""
    info = unit_parts(unit)
    if info.kind in ("multiple", "points", "rating"):
        return True
    if unit in _bare_magnitudes() or text.startswith("万户", match.end()):
        return False  # 百亿大关, 千家万户: idioms
    before = text[max(0, match.start() - 2) : match.start()]
    near = qualifier or any(before.endswith(w) for w in ("超", "超过", "近", "逾", "突破", "约"))
    return value >= 100 and bool(near)


def _part_of_name(text: str, end: int, unit: str) -> bool:
    """30万吨复合材料项目, 10万千瓦光伏电站项目: a capacity inside a project's name."""
    if not unit.endswith(_CAPACITY):
        return False
    rest = re.split(f"[{_STOPS}]", text[end : end + 20], maxsplit=1)[0]
    return bool(re.search(r"项目|工程|基地|生产线|电站|园", rest)) and not rest.startswith(("的", "以上"))


def _ranks(text: str) -> list[Figure]:
    figures = []
    for match in _RANK.finditer(text):
        following = text[match.end() : match.end() + 1]
        if not match.group("unit") and following and following not in _STOPS and following not in "的，":
            continue  # 全市第一个, 第一产业: an ordinal, not a rank
        value = parse_value(match.group("num"))
        if value is None:
            continue
        unit = match.group("unit") or "名"
        qualifier = "前" if match.group("kind") == "前" else ""
        start = match.start("kind")
        figures.append(Figure(start, match.end(), value, unit, qualifier, measure="rank"))
    return figures


def _ratios(text: str) -> list[Figure]:
    figures = []
    for match in _RATIO.finditer(text):
        parts = re.findall(r"\d+(?:\.\d+)?", match.group())
        values = [float(p) for p in parts]
        unit = "%" if abs(sum(values) - 100) < 1.5 else ""
        for number, value in enumerate(values):
            label = _RATIO_PARTS[number] if unit and number < len(_RATIO_PARTS) else f"第{number + 1}项"
            figure = Figure(match.start(), match.end(), value, unit, measure="share", part_label=label)
            figures.append(figure)
    return figures


def read_sentence(text: str) -> list[tuple[str, Figure, Reading]]:
    """(indicator, figure, reading) for each figure of one sentence, without report context."""
    figures = find_figures(text)
    readings = _read_all(text, figures)
    return [
        (name, figure, reading)
        for figure, reading, names in zip(figures, readings, _indicators(text, figures, readings), strict=True)
        for name in names
    ]


def _sentence_observations(
    doc: Document, sentence: Sentence, context: PartContext, mentions: list[Mention]
) -> list[Observation]:
    text = sentence.text
    base = sentence.span.start
    names = [(m.span.start - base, m.span.end - base) for m in mentions if m.type in _NAME_TYPES]
    figures = find_figures(text, [s for s in names if s[0] >= 0])
    if not figures:
        return []
    readings = _read_all(text, figures)
    indicators = _indicators(text, figures, readings)
    observations = []
    for figure, reading, names_for in zip(figures, readings, indicators, strict=True):
        if figure.indicator:  # 提高6000万农村人口供水保障水平: the verb is about something else
            reading = Reading(core="", qualifier=reading.qualifier, period=reading.period, expected=reading.expected)
        for indicator in names_for:
            observations.append(_observation(doc, sentence, context, figure, reading, indicator, mentions))
    return observations


def _read_all(text: str, figures: list[Figure]) -> list[Reading]:
    readings = []
    previous_end = 0
    for index, figure in enumerate(figures):
        if index and figures[index - 1].start == figure.start:
            readings.append(readings[-1])  # the parts of one ratio share their words
            continue
        left = max(previous_end if previous_end <= figure.start else 0, _clause_start(text, figure.start))
        reading = read_before(text[left : figure.start])
        if set(reading.verbs) & {"均", "各", "分别"}:
            # 建成残疾人康复服务站、助残站各1处: the list before 各 is one subject
            wide = max(previous_end if previous_end <= figure.start else 0, _clause_start(text, figure.start, "、"))
            reading = read_before(text[wide : figure.start])
        elif (
            index
            and not reading.core
            and set(reading.verbs) <= {"和", "及", "与"}
            and _same_group(text, figures[index - 1], figure)
        ):
            reading = _carried_over(readings[-1])  # 分别增长7.8%、6.2%: the verb covers the whole run
        elif reading.core and left > previous_end and (shared := _shared_list(text, left)) >= 0:
            reading = read_before(text[shared : figure.start])  # 新改建园区路网、电网33公里: one length for both
        readings.append(reading)
        if figure.end > previous_end:
            previous_end = figure.end
    return readings


def _shared_list(text: str, clause: int) -> int:
    """Where a list of bare nouns ending at ``clause`` (after a 、) begins, when its items have no figure of their own; -1 if none."""
    if clause < 3 or text[clause - 1] != "、":
        return -1
    start = _clause_start(text, clause - 1)
    item = text[start : clause - 1]
    plain = 2 <= len(item) <= 10 and not re.search(r"\d|等", item) and not find_figures(item)
    return start if plain and _ends_in_noun(item) else -1


def _carried_over(previous: Reading) -> Reading:
    return Reading(
        core="",
        direction=previous.direction,
        baseline=previous.baseline,
        period=previous.period,
        expected=previous.expected,
        cumulative=previous.cumulative,
        verbs=[verb for verb in previous.verbs if verb != "分别"],
    )


def _clause_start(text: str, position: int, inside: str = "") -> int:
    """Where the clause holding ``position`` begins; a 、 inside （…） or “…” is no boundary (新（改、扩）建)."""
    depth = 0
    for index in range(position - 1, -1, -1):
        ch = text[index]
        if ch in "）)”」》":
            depth += 1
        elif ch in "（(“「《":
            depth = max(0, depth - 1)
        elif ch in _STOPS and ch not in inside and not (depth and ch in "、，,"):
            return index + 1
    return 0


@cache
def _suffix_words() -> list[tuple[str, str, str]]:
    rows = [(w, k, v) for k, w, v in read_table("observation_words.tsv") if k in ("before", "growth", "level")]
    return sorted(rows, key=lambda row: len(row[0]), reverse=True)


def read_before(pre: str) -> Reading:
    """Peel qualifiers, verbs, baselines and time words off the text before a figure."""
    reading = Reading(core="")
    baseline = _BASELINE.search(pre)
    if baseline:
        reading.baseline = baseline.group(1) or baseline.group(2)
        pre = pre[: baseline.start()] + pre[baseline.end() :]
    pre = _strip_suffixes(pre.strip(), reading)
    since = _SINCE.search(pre)
    if since:  # 生产总值从2015年的87.55亿元: the figure is that year's
        reading.period = since.group(1)
        pre = pre[: since.start()]
    core = _strip_lead(pre, reading).strip("的")
    if source := re.search(r"(?<=[\u4e00-\u9fff]{2})从(?![业事])", core):
        core = core[: source.start()]  # 增值税起征点从月销售额3万元提高到10万元: the point, not where it started
    if "等" in core:
        core = core[core.rindex("等") + 1 :]  # 四通新材二期等投资: the examples are not the indicator
    money = next((verb for verb in _MONEY_VERBS if core.endswith(verb)), "")
    reading.core = money if money and not _noun_before_money(core, money) else core
    return reading


def _noun_before_money(core: str, verb: str) -> bool:
    """工业技改投资 is an indicator; 提速建设总投资 is a verb and the money it spends."""
    head = core[: -len(verb)]
    return len(head) >= 2 and not head.endswith(_ACTION_ENDINGS)


# Words whose last character is also a qualifier or verb before a figure: 签约16.5亿元 is no 约16.5亿元.
_WORDS_ENDING_IN_QUALIFIER = ("签约", "合约", "预约", "节约", "制约", "履约", "违约", "公约", "条约", "契约")


def _inside_word(pre: str, word: str) -> bool:
    return len(word) == 1 and pre.endswith(_WORDS_ENDING_IN_QUALIFIER)


def _strip_suffixes(pre: str, reading: Reading) -> str:
    changed = True
    while changed and pre:
        changed = False
        for word, kind, value in _suffix_words():
            if pre.endswith(word) and not _inside_word(pre, word):
                pre = pre[: -len(word)].strip()
                reading.verbs.append(word)
                if kind == "before" and not reading.qualifier:
                    reading.qualifier = value
                elif kind == "growth" and not reading.direction:
                    reading.direction = value
                changed = True
                break
    return pre


def _strip_lead(pre: str, reading: Reading) -> str:
    while True:
        match = _LEAD.match(pre)
        if not match or match.end() == 0:
            return pre
        word = match.group()
        if word in ("完成", "实现", "达到") and len(pre) - len(word) < 2:
            return pre
        if word in ("预计", "初步统计"):
            reading.expected = True
        elif word == "累计":
            reading.cumulative = True
        elif _YEAR.match(word):
            reading.period = word[:4]
        elif _MONTHS.match(word):
            months = _MONTHS.match(word)
            reading.period = f"{months.group(1)}-{months.group(2)}月"
        elif "五" in word and "十" in word:
            reading.period = word.strip("“”").replace("期间", "").replace("时期", "")
        pre = pre[len(word) :]


def _indicators(text: str, figures: list[Figure], readings: list[Reading]) -> list[list[str]]:
    """The indicator name(s) each figure measures; an empty list drops the figure."""
    posts = [_post_phrase(text, figures, i) for i in range(len(figures))]
    names: list[list[str]] = []
    group: list[str] = []  # the items of the last 分别 list, and where its figures begin
    group_start = 0
    for i, (figure, reading) in enumerate(zip(figures, readings, strict=True)):
        if figure.indicator:
            names.append([figure.indicator])
            continue
        core = _RANK_SCOPE.sub("", reading.core) if figure.measure == "rank" else reading.core
        if figure.unit == "%" and (plan := _PLAN_SHARE.search(text, 0, figure.start)):
            core = plan.group(1) + "计划完成率"  # 完成全年计划的120.3%: a completion rate, not a plan
        money_verb = core in _MONEY_VERBS
        if figure.part_label and i and figures[i - 1].part_label and names[i - 1]:
            if figures[i - 1].start == figure.start or "结构" not in core:
                core = _strip_part(names[i - 1][0])  # 由20.8：36.7：42.5调整优化为17.7：33.4：48.9
        elif (
            posts[i]
            and not figure.part_label
            and not reading.direction
            and (money_verb or _post_names_better(posts[i], core, _predicated(text, figure, reading)))
        ):
            core = posts[i] + (core if money_verb and _is_money(figure.unit) else "")
            money_verb = False
        if "分别" in reading.verbs and len(core) < 2:
            # 比“十二五”末分别增长52.4%、76.8%: one figure for each indicator just named
            run = _run_length(text, figures, i)
            group, group_start = _previous_names(names, run) or _previous_clause_items(text, figure, run), i
            core = group[0] if group else core
        if len(core) < 2 or money_verb:
            core = _fallback(figures, readings, posts, names, i, money_verb)
        if core and _without_noun(core):
            # 先后4次降低存款准备金率, 加快26个省市重点项目: the words before are a verb or adverb
            # 拆迁4500户 keeps its verb when nothing follows; 先后, 各地 alone name nothing
            core = posts[i] if posts[i] and not _without_noun(posts[i]) else core if _is_verb(core) else ""
        if _rhetorical(core, figure):
            names.append([])
            continue
        if not core or len(core) > _LONGEST_NAME or not _NAME_CHARACTER.search(core):
            names.append([])  # no name, or a run of text without clause boundaries
            continue
        items = _list_items(core, reading)
        if "分别" in reading.verbs and len(items) > 1:
            group, group_start = items, i
            core = items[0]
        elif set(reading.verbs) & {"均", "各"} and len(items) > 1:
            names.append([_finish(item, figure) for item in items])
            continue
        elif (
            "均" in reading.verbs
            and len(reading.core) >= 2
            and len(items) == 1
            and (earlier := _clause_before_names(text, figures, names, i))
        ):
            # 人大代表建议288件、政协委员提案314件，办结率均达100%: one rate for each
            names.append([_finish(name + items[0], figure) for name in earlier])
            continue
        elif group and len(reading.core) < 2 and i > group_start and i - group_start < len(group):
            core = group[i - group_start] if _same_group(text, figures[i - 1], figure) else core
        names.append([_finish(core, figure)])
    return names


# jieba part-of-speech tags of words that cannot end an indicator: verbs, adverbs, pronouns, particles, time words.
_NOT_NOUN_TAGS = frozenset({"v", "vd", "d", "ad", "r", "p", "c", "u", "uj", "ul", "t", "f", "q", "m", "y", "z", "zg"})


_MEASURE_ENDINGS = ("率", "量", "额", "数", "值", "度", "比", "比重", "价", "费", "金", "款", "面积", "里程")


@cache
def _without_noun(phrase: str) -> bool:
    """加快, 先后, 各地, 覆盖: a phrase made only of verbs, adverbs and pronouns names nothing."""
    if phrase.endswith(_MEASURE_ENDINGS):
        return False  # 办结率: jieba tags 率 a verb
    tags = [jieba.posseg.dt.word_tag_tab.get(word) for word in jieba.lcut(phrase)]
    return all(tag in _NOT_NOUN_TAGS for tag in tags)


def _is_verb(phrase: str) -> bool:
    return len(phrase) >= 2 and jieba.posseg.dt.word_tag_tab.get(jieba.lcut(phrase)[-1]) in ("v", "vn")


def _predicated(text: str, figure: Figure, reading: Reading) -> bool:
    """调查失业率稳定在5%左右的较低水平: a verb gives the figure to the noun before it; what follows 的 describes it."""
    return text.startswith("的", figure.end) and bool(reading.verbs)


def _post_names_better(post: str, core: str, described: bool) -> bool:
    """普惠性幼儿园100%覆盖: a verb after the figure does not replace the noun before it, nor does a
    description joined by 的 (调查失业率稳定在5%左右的较低水平)."""
    if len(core) < 2 or not _ends_in_noun(core):
        return True
    return not described and not _without_noun(post)


@cache
def _ends_in_noun(phrase: str) -> bool:
    if phrase.endswith(_MEASURE_ENDINGS):
        return True
    tag = jieba.posseg.dt.word_tag_tab.get(jieba.lcut(phrase)[-1]) or "n"  # an unknown word is usually a name
    return tag.startswith("n") or tag == "vn"


def _rhetorical(core: str, figure: Figure) -> bool:
    """增速较去年增长了9倍: a comparison of growth rates is rhetoric, not a measured multiple."""
    return figure.unit.endswith("倍") and bool(re.search("增速|增幅|增长率", core))


def _is_money(unit: str) -> bool:
    """亿元, 万美元, or a bare 亿/万 after an investment verb (总投资26亿)."""
    return unit_parts(unit).kind in ("money", "number")


def _clause_before_names(text: str, figures: list[Figure], names: list[list[str]], i: int) -> list[str]:
    """The distinct indicators of the figures in the clause just before figure ``i``, when there are two or more."""
    start = _clause_start(text, figures[i].start)
    earlier = _clause_start(text, max(0, start - 1), "、")
    found: list[str] = []
    for figure, row in zip(figures[:i], names, strict=False):
        if earlier <= figure.start < start and row and row[0] not in found:
            found.append(row[0])
    return found if len(found) > 1 else []


def _run_length(text: str, figures: list[Figure], i: int) -> int:
    run = 1
    while i + run < len(figures) and _same_group(text, figures[i + run - 1], figures[i + run]):
        run += 1
    return run


def _previous_clause_items(text: str, figure: Figure, count: int) -> list[str]:
    """旅游收入、游客人数再创新高，分别增长16.4%、15.8%: the list is the clause before."""
    start = _clause_start(text, figure.start)
    if start < 2:
        return []
    clause = text[_clause_start(text, start - 1, "、") : start - 1]
    cut = _CLAUSE_VERB.search(clause)
    clause = _strip_lead(clause[: cut.start()] if cut else clause, Reading(core=""))
    items = _list_items(clause, Reading(core=""))
    return [_normalise(item) for item in items] if len(items) == count else []


def _previous_names(names: list[list[str]], count: int) -> list[str]:
    found: list[str] = []
    for row in reversed(names):
        if row and row[0] not in found:
            found.append(row[0])
        if len(found) == count:
            return list(reversed(found))
    return []


def _fallback(
    figures: list[Figure], readings: list[Reading], posts: list[str], names: list[list[str]], i: int, money: bool
) -> str:
    """The indicator when the words before a figure are only a verb: after it, or the neighbour's."""
    post = posts[i]
    if not post:
        for j in range(i + 1, len(figures)):
            if readings[j].core or figures[j].start - figures[j - 1].end > 2:
                break
            if posts[j]:
                post = posts[j]
                break
    if post:
        return post + (readings[i].core if money and _is_money(figures[i].unit) else "")
    if i and names[i - 1]:
        previous = _strip_part(names[i - 1][0])
        suffix = readings[i].core if money else ""
        return previous + suffix if suffix and not previous.endswith(suffix) else previous
    return readings[i].core if money else ""


def _post_phrase(text: str, figures: list[Figure], i: int) -> str:
    figure = figures[i]
    stop = figures[i + 1].start if i + 1 < len(figures) else len(text)
    rest = text[figure.end : stop]
    rest = _until_stop(rest)
    if rest.strip() in ("到", "至", "-", "~", "—") and i + 1 < len(figures):
        return _post_phrase(text, figures, i + 1)  # 30万元到100万元的资金支持: both ends name the same thing
    if any(rest.startswith(word) for word, _kind, _value in _suffix_words()):
        return ""  # 由15.3%降到12%: a verb follows, not a name
    if rest.startswith("等"):
        return ""  # 10万元等税收优惠政策: the figure is an example of the policies, not their measure
    rest = _POST_LEAD.sub("", rest)
    cut = _POST_CUT.search(rest)
    if cut and cut.start() == 0:
        if not cut.group().startswith(_DEEDS):
            return ""  # 4.14亿元增长到…: a verb, no name
        cut = _POST_CUT.search(rest, cut.end())  # 40家通过评审进入公示阶段: the deed is the name
    if cut and cut.group() == "成功" and rest[: cut.start()].strip() in _GENERIC_NOUNS:
        cut = _POST_CUT.search(rest, cut.end())  # 2家公司成功认定国家科技型中小企业: 公司 alone says nothing
    if cut:
        rest = rest[: cut.start()]
    if rest.endswith("等"):
        return ""  # 县污水处理厂扩容提标等13项…: examples; the name follows the next figure
    rest = re.sub(r"(?:以及|和|及|与|或)$", "", rest.strip())  # 12个增发国债项目和11个…: the next figure's list
    if len(rest) > 4 and rest.endswith("建设") and unit_parts(figure.unit).kind == "count" and _ends_in_noun(rest[:-2]):
        rest = rest[:-2]  # 26个省、市重点项目建设 counts projects; 22个项目开工建设 keeps its verb
    rest = rest.strip()
    return rest if len(rest) >= 2 else ""


def _list_items(core: str, reading: Reading) -> list[str]:
    items = [item for item in re.split(r"以及|和|、|(?<![普涉危])及(?!时)|与", core) if len(item) >= 2]
    if len(items) > 1:
        items = _share_head(items)
    if len(items) == 1 and core.startswith("城乡") and "分别" in reading.verbs:
        return ["城镇" + core[2:], "农村" + core[2:]]
    return items


def _share_head(items: list[str]) -> list[str]:
    """城镇、农村居民人均可支配收入: the short items share the last item's head noun."""
    last = items[-1]
    modifier = next((m for m in _PARALLEL if last.startswith(m) and len(last) > len(m) + 1), "")
    if not modifier:
        return _share_rate(items)
    head = last[len(modifier) :]
    return [item + head if item in _PARALLEL else item for item in items[:-1]] + [last]


def _share_rate(items: list[str]) -> list[str]:
    """城乡居民基本医保、养老保险参保率分别达到94.9%、99.6%: the items without a measure share the last one's rate."""
    words = jieba.lcut(items[-1])
    if len(words) < 3 or words[-1] != "率":
        return items
    rate = words[-2] + "率"
    return [item if item.endswith(_MEASURE_ENDINGS) else item + rate for item in items[:-1]] + [items[-1]]


def _same_group(text: str, previous: Figure, figure: Figure) -> bool:
    between = text[previous.end : figure.start]
    return len(between) <= 3 and not re.search(r"[，,；;。]", between)


def _strip_part(name: str) -> str:
    return re.sub(r"（[^）]*）$", "", name)


def _finish(core: str, figure: Figure) -> str:
    name = _normalise(core)
    return f"{name}（{figure.part_label}）" if figure.part_label else name


@cache
def _synonyms() -> tuple[list[tuple[str, str]], dict[str, str]]:
    """Substring rewrites (longest first), and rewrites of a whole name only (third column ``whole``)."""
    table = read_table("indicator_synonyms.tsv")
    parts = [(row[0], row[1]) for row in table if len(row) < 3 or row[2] != "whole"]
    wholes = {row[0]: row[1] for row in table if len(row) >= 3 and row[2] == "whole"}
    return sorted(parts, key=lambda row: len(row[0]), reverse=True), wholes


def _normalise(core: str) -> str:
    """One name per indicator across reports: 规上 → 规模以上, 县域生产总值 → 地区生产总值."""
    name = re.sub(
        r"[“”\"'‘’「」\s]|\[\d+\]|【\d+】|〔\d+〕", "", core
    )  # quotes and glossary markers vary; the name does not
    name = re.sub(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])、(?=[\u4e00-\u9fff])", r"\1", name)  # 省、市 → 省市
    parts, wholes = _synonyms()
    for variant, canonical in parts:
        if variant in name and canonical not in name:
            name = name.replace(variant, canonical)
    return wholes.get(name, name)


def _observation(
    doc: Document,
    sentence: Sentence,
    context: PartContext,
    figure: Figure,
    reading: Reading,
    indicator: str,
    mentions: list[Mention],
) -> Observation:
    text = sentence.text
    status, period = _status_and_period(text, figure, reading, context)
    unit = unit_parts(figure.unit)
    observation = Observation(
        indicator=indicator,
        value=figure.value,
        unit=figure.unit,
        sentence=sentence.index,
        span=Span(sentence.span.start + figure.start, sentence.span.start + figure.end),
        measure=_measure(figure, reading, unit.kind),
        period=period,
        status=status,
        qualifier=reading.qualifier or figure.qualifier,
        direction=reading.direction,
        baseline=reading.baseline,
        subject=_subject(text, figure, mentions, sentence.span.start),
        unit_multiplier=unit.multiplier,
        base_unit=unit.base if unit.base != figure.unit else "",
        range_low=figure.range_low,
    )
    if reading.cumulative or "累计" in reading.verbs:
        observation.extra["cumulative"] = "累计"
    return observation


def measure_of(figure: Figure, reading: Reading) -> str:
    """growth / level / share / rank for one figure."""
    return _measure(figure, reading, unit_parts(figure.unit).kind)


def _measure(figure: Figure, reading: Reading, kind: str) -> str:
    if figure.measure:
        return figure.measure
    if reading.direction or kind in ("multiple", "points"):
        return "growth"
    if kind in ("percent", "permille"):
        return "share"
    return "level"


def _status_and_period(text: str, figure: Figure, reading: Reading, context: PartContext) -> tuple[str, str]:
    before = text[: figure.start]
    status = context.status
    if status == "actual" and (reading.expected or _says_expected(before)):
        status = "expected"
    elif status == "actual" and _says_target(before[_clause_start(text, figure.start) :]):
        status = "target"  # 未来三年产值将突破10亿元
    elif status == "actual" and _THIS_YEAR_GOAL.search(before) and context.year:
        return "target", context.year  # 今年经济社会发展的主要预期目标是：… in a report without part headings
    period = reading.period or _period_in(before) or context.period or _UNDATED
    if any(verb.startswith("年均") for verb in reading.verbs):
        period = context.span or period
    if status != "target" and _planned_investment(text, figure, reading):
        return "target", period  # the period it was reported in: a planned size has no period of its own
    return status, period


@cache
def _status_words() -> list[tuple[str, str]]:
    return [(word, value) for kind, word, value in read_table("observation_words.tsv") if kind == "status"]


def _says_expected(before: str) -> bool:
    return any(word in before for word, value in _status_words() if value == "expected")


def _says_target(clause: str) -> bool:
    return any(word in clause for word, value in _status_words() if value == "target")


def _period_in(before: str) -> str:
    months = list(_MONTHS.finditer(before))
    if months:
        return f"{months[-1].group(1)}-{months[-1].group(2)}月"
    years = [m for m in _YEAR.finditer(before) if not _BASELINE.search(before[max(0, m.start() - 2) : m.end() + 1])]
    return years[-1].group(1) if years else ""


def _planned_investment(text: str, figure: Figure, reading: Reading) -> bool:
    """投资500亿元的碧桂园清苑新城: the planned size of a named project, not money spent."""
    if not set(reading.verbs) & {"总投资", "投资", "前期投资", "计划投资"} and reading.core not in _MONEY_VERBS:
        return False
    rest = text[figure.end : figure.end + 12]
    return rest.startswith("的") and not _figure_regex().match(rest[1:])


def _subject(text: str, figure: Figure, mentions: list[Mention], base: int) -> tuple[str, str] | None:
    clause_start = _clause_start(text, figure.start)
    for mention in sorted(mentions, key=lambda m: -m.span.start):
        start, end = mention.span.start - base, mention.span.end - base
        if mention.type in _SUBJECT_TYPES and clause_start <= start and end <= figure.start:
            return mention.type, name_key(mention.canonical or mention.text)
    return None
