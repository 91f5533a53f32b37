"""Pattern rules for names that heads alone miss: gazetteer names, the party and
government organs of each level (区委, 县政府 …), congresses and anniversaries,
quoted programme names (“放管服”, 《…办法》), industries and lists that share a head
(航空、汽车、绿色食品三大产业; 哈工大、哈工程、哈理工三所大学)."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from kg.extract.entities_heads import CUT_CHARS, GENERIC, is_frame, trim_leading, word_set
from kg.extract.entities_text import (
    FOOTNOTE,
    FOOTNOTE_MARK,
    Candidate,
    Token,
    data_lines,
    frequency,
    gazetteer,
    heads,
    industries,
    tag_of,
    tokens,
)

_NUM = "一二三四五六七八九十百零〇两"
LEVEL_ORGANS = re.compile(
    r"党中央|中共中央|(?<![城都超门全本各该外内省市区县])[省市区县州镇乡]"
    r"(?:委(?![员托屈派])|人民政府|政府(?![性采])|人大常委会|人大(?!代表)|政协(?!委员)|纪委监委|纪委)"
)
BARE_ORGANS = re.compile(r"(?<![\u4e00-\u9fff])(人大|政协)(?![\u4e00-\u9fff]{0,1}委员)")
EVENTS = re.compile(
    rf"(?:党的)?(?<!第)[{_NUM}]{{2,3}}大(?![\u4e00-\u9fff]{{0,1}}[学会代表]|[道街桥])"
    rf"|[{_NUM}]{{2,3}}届[{_NUM}]{{1,2}}中全会"
    rf"|[省市区县]委[{_NUM}]{{1,3}}届[{_NUM}]{{1,3}}次全会"
    rf"|第[{_NUM}]{{1,3}}次全国[\u4e00-\u9fff]{{2,4}}普查"
    rf"|(?:庆祝)?(?:新中国成立|中华人民共和国成立|中国共产党成立|建党|建国|改革开放)[{_NUM}\d]{{2,4}}周年"
    r"(?:文艺演出|文艺晚会|系列活动|主题活动|庆祝活动|庆祝大会|纪念大会|大会)?"
    # the meetings whose decisions a report carries out: party congresses, economic work conferences
    rf"|[省市区县]第?[{_NUM}]{{1,3}}次党代会"
    r"|(?:中央|全国|全省|全市|全区|全县|[省市区县]委)经济工作会议"
    rf"|[{_NUM}]{{2,3}}届历次全会"
    rf"|[省市区县][{_NUM}]{{1,3}}届(?:人大[{_NUM}]{{1,3}}次会议|[{_NUM}]{{1,3}}次人民代表大会)"
    r"|(?:北京)?冬(?:（残）|残)?奥会"
)
# 魏村至大魏庄路, 107国道北河大桥北侧至县标段: a numbered road may open the name; 等 closes a list, not a name.
ROUTE = re.compile(
    r"(?:[GS]\d{1,4}|\d{1,4}(?=[国省]道))?[\u4e00-\u7b48\u7b4a-\u9fff]{2,12}至[\u4e00-\u7b48\u7b4a-\u9fff]{2,8}?(?:公路|路|线|段)"
    r"(?![\u4e00-\u9fff]{0,1}[面上径])"
)
# 育才街（龙津路至春台路）, 永兴路（海华酒店至107国道段）: the stretch of a named road being built.
ROAD_STRETCH = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:大街|大道|路|街|线))（[^（）]{2,14}至[^（）]{2,14}）")
# The works done on that stretch finish the project's name (…连接线 + 工程, …县标段 + 绿化景观提升工程).
ROUTE_WORKS = re.compile(r"[^\W\d_等一二两三四五六七八九十个条座]{0,10}?(?:工程|项目)")
NUMBERED_SCHOOL = re.compile(r"(?=([\u4e00-\u9fff]{2,3}[一二三四五六七八九十]中(?![\u4e00-\u9fff]{0,1}[央心国华])))")
# A studio or workshop named after a person (王晓丹名师工作室, 朱建民名校长工作室).
PERSON_STUDIO = re.compile(
    r"([\u4e00-\u9fff]{2,3})(?=(?:名师|名校长|名班主任|劳模|技能大师|大师|名医|名家|专家)工作室)"
)
# 省委书记王东峰、省长王正谱等: an official named right after the title, the way reports credit visiting leaders.
TITLED_PERSON = re.compile(
    r"(?:总理|部长|厅长|局长|书记|省长|市长|县长|区长|主任|组长|主席|董事长|总经理|院长|校长)"
    r"([\u4e00-\u9fff]{2,3}?)(?=[，、。；）]|等|同志|一行|荣获|获得|获评|当选|被评为)"
)
CONGRESS = re.compile(
    rf"((?:[\u4e00-\u9fff]{{0,10}}?[省市区县旗])?第?[{_NUM}]{{1,3}}届人民代表大会)(第[{_NUM}]{{1,3}}次会议)?"
)
QUOTE_POLICY = re.compile(r"“([^“”]{2,20})”")
DOCUMENT = re.compile(r"《([^《》]{2,60})》")
DOCUMENT_KINDS = re.compile(
    r"(规划|意见|办法|条例|政策|法|决定|通知|方案|计划|纲要|细则|规定|措施|典|规则|报告)"
    r"(（草案）|[（(]\d{4}\s*[-—–－至]\s*\d{4}年?[）)])?$"  # 《唐县国土空间规划(2019-2035年)》
)
# A list of names followed by the plural head that says what they are.
LIST_HEAD = re.compile(
    rf"((?:[\u4e00-\u9fff]{{2,10}}、)+[\u4e00-\u7b48\u7b4a-\u9fff]{{2,10}}?)(?:等[\u4e00-\u9fff]{{0,3}}?|[{_NUM}\d]+(?:大|个|所|家|类)[\u4e00-\u9fff]{{0,3}}?|等[{_NUM}\d]+(?:大|个|所|家|类|条)[\u4e00-\u9fff]{{0,3}}?)"
    r"(主导产业|新兴产业|特色产业|产业集群|产业|行业(?!龙头|领军|骨干)|服务业|新业态|大学|高校|院校|龙头企业|企业|公司|小区|社区"
    r"|道路|街道(?!办)|主干道|孵化器|众创空间)"
)
LIST_TYPES = {
    "主导产业": "Industry",
    "新兴产业": "Industry",
    "特色产业": "Industry",
    "产业集群": "Industry",
    "产业": "Industry",
    "行业": "Industry",
    "服务业": "Industry",  # 智慧家政、托育养老等生活性服务业
    "新业态": "Industry",  # 创意经济、流量经济等新业态
    "小区": "Place",  # 绿地世纪城、碧桂园等小区
    "道路": "Place",  # 哈南十七路、学城大道韩四家子路段等9条市政道路
    "街道": "Place",
    "主干道": "Place",
    "孵化器": "Park",  # 百度云智学院、阿里云创新中心、腾讯众创空间等科技孵化器
    "众创空间": "Park",
    "社区": "Place",
    "大学": "Institution",
    "高校": "Institution",
    "院校": "Institution",
    "企业": "Enterprise",
    "龙头企业": "Enterprise",  # 华美食品、克莱门特空调等行业龙头企业
    "公司": "Enterprise",
}
INDUSTRY_SUFFIX = re.compile(r"(产业集群|产业|行业|业)")
POLICY_AFTER = re.compile(
    rf"^{FOOTNOTE}?(?:改革|行动|工作|机制|模式|工程|制度|活动|战略|政策|试点|建设|任务|要求|布局|专项|整治|总体|学习|"
    r"主题|攻坚|体系|规划|方案|计划|审批|理念|精神|原则|目标|新机制|综合|部署|改造|服务|受理|全面)"
)
QUOTE_TAIL = re.compile(rf"{FOOTNOTE}?(?:受理|审批|普法|联动)")
POLICY_AFTER_WORD = re.compile(
    rf"^{FOOTNOTE}?(?:改革|行动|工作|机制|模式|工程|制度|活动|战略|政策|方针|总要求|要求|目标)"
)
_COUNTED = re.compile(r"[一二三四五六七八九十两百千万\d]")
POLICY_BEFORE = re.compile(
    r"(?:实施|开展|推进|落实|推行|深化|聚焦|执行|贯彻|坚持|推广|实行|启动|制定|打赢|完成|融入|试行|首推|编制|推动|"
    r"深入|扎实|持续|严格|全面|继续|积极|统筹|协调|按照|抓好|巩固|强化|围绕|时代)了?$"
)
POLICY_BEFORE_NOT = re.compile(r"(?:实现|打造|评为|做到|叫响|秉持|当好|告别|按下|守住|成为|获评|荣获|争创|创建)$")
# Quoted phrases that are no programme: slogans of attitude, or things quoted as words.
NOT_POLICY_AFTER = re.compile(r"^(企业|问题|现象|行为|人员|群体|户|领域|难题|短板|顽疾|老大难|帽子|红线)")


@cache
def _gazetteer_pattern() -> re.Pattern[str]:
    forms = sorted(gazetteer(), key=lambda form: (-len(form), form))
    return re.compile("|".join(re.escape(form) for form in forms))


REGION_STRATEGY = re.compile(r"协同发展|全面振兴|高质量发展|一体化发展|一体化|发展|建设|振兴")


def region_strategy_candidates(text: str, places: list[Candidate]) -> list[Candidate]:
    """京津冀协同发展, 东北振兴, 粤港澳大湾区建设: a national strategy is named by its region."""
    out = []
    for place in places:
        if place.type != "Place" or place.canonical not in regions():
            continue
        match = REGION_STRATEGY.match(text, place.end)
        if match:
            out.append(Candidate(place.start, match.end(), "Policy", priority=3, source="gazetteer"))
    return out


@cache
def regions() -> frozenset[str]:
    return frozenset(row[0] for row in data_lines("places.tsv") if len(row) > 2 and row[2] == "region")


def gazetteer_candidates(text: str, boundaries: set[int]) -> list[Candidate]:
    """Known names; a short form must also be a whole word of the sentence."""
    out: list[Candidate] = []
    for match in _gazetteer_pattern().finditer(text):
        form = match.group()
        follows_name = bool(out) and out[-1].end == match.start()  # 中共中央国务院: two names in one word
        if len(form) <= 3 and not ((match.start() in boundaries or follows_name) and match.end() in boundaries):
            continue
        type_name, full = gazetteer()[form]
        if _remote_short_form(form, full) and not _listed_with_places(text, match.start(), match.end(), out):
            continue  # 山南 is a township of the county as often as Tibet's 山南市
        out.append(Candidate(match.start(), match.end(), type_name, full, priority=3, source="gazetteer"))
    return out


def _remote_short_form(form: str, full: str) -> bool:
    """A two-character short form of a prefecture-level city the reports seldom name (山南, 淮北):
    such words are also local place and company names, so they need the support of a list."""
    return len(form) == 2 and form != full and full.endswith(("市", "地区", "州", "盟")) and full not in _known_cities()


def _listed_with_places(text: str, start: int, end: int, before: list[Candidate]) -> bool:
    """上海、天津、广州: a place among other places of a 、-list."""
    after = text[end : end + 1] == "、" and _gazetteer_pattern().match(text, end + 1) is not None
    return after or (text[start - 1 : start] == "、" and bool(before) and before[-1].end == start - 1)


@cache
def _known_cities() -> frozenset[str]:
    """The administrative-division list (the reports' own prefectures, municipalities, big cities) and named regions."""
    divisions = [row[0] for row in data_lines("admin_divisions.tsv")]
    regions = [row[0] for row in data_lines("places.tsv") if len(row) > 2 and row[2] == "region"]
    return frozenset(divisions + regions)


def organ_candidates(text: str, level: str) -> list[Candidate]:
    """区委, 市政府, 县人大 …; a bare 人大/政协 is the report's own level's."""
    out = [Candidate(m.start(), m.end(), "GovernmentBody", priority=3) for m in LEVEL_ORGANS.finditer(text)]
    if level:
        for match in BARE_ORGANS.finditer(text):
            out.append(Candidate(match.start(), match.end(), "GovernmentBody", level + match.group(), priority=2))
    return out


# 十九届二中、三中、四中、五中全会: one term's plenums listed with the term and 全会 written once.
PLENUM_LIST = re.compile(rf"([{_NUM}]{{2,3}}届)((?:[{_NUM}]{{1,2}}中[、和])+)([{_NUM}]{{1,2}}中)全会")


def event_candidates(text: str) -> list[Candidate]:
    out = [*_plenum_list_candidates(text)]
    for match in EVENTS.finditer(text):
        name = match.group()
        canonical = name if name.startswith("党的") or "大" not in name[-1] else "党的" + name
        start = _with_place_before(text, match.start())
        out.append(Candidate(start, match.end(), "Event", canonical if start == match.start() else "", priority=3))
    return out


def _with_place_before(text: str, start: int) -> int:
    """河北省第十次党代会, 保定市委经济工作会议: the 省/市 opening a meeting's name ends a place named before it."""
    if text[start : start + 1] not in ("省", "市", "区", "县"):
        return start
    for length in range(5, 1, -1):
        if start + 1 - length >= 0 and gazetteer().get(text[start + 1 - length : start + 1], ("",))[0] == "Place":
            return start + 1 - length
    return start


_ROUTE_LEAD = re.compile(r"(?:.*[和与及、的])?")
# Words left in front of the first named point: a verb (完成, 实施), or the unit of a figure before it (…公里).
_ROUTE_JUNK = re.compile(r"^(?:公里|米|千米|条|座|处|[一二三四五六七八九十]是)")


_ORDINAL = re.compile(r"[届第]")  # 十九届二中(全会), 县第一中(学): no school of that name


def route_candidates(text: str, boundaries: set[int]) -> list[Candidate]:
    """魏村至大魏庄路: a road built between two named points is a project; so is the stretch of a named road
    given in brackets, 育才街（龙津路至春台路）."""
    out = _road_stretches(text)
    for match in ROUTE.finditer(text):
        lead = match.group()[_ROUTE_LEAD.match(match.group()).end() :]
        if "至" not in lead:
            continue  # 至…的…路: the connector words fall after 至, no stretch is named
        lead = _ROUTE_JUNK.sub("", trim_leading(lead[: lead.index("至")])) + lead[lead.index("至") :]
        start = match.end() - len(lead)
        if len(lead.split("至")[0]) < 2:
            continue  # nothing named before 至 once the verb is gone
        works = ROUTE_WORKS.match(text, match.end())
        end = works.end() if works else match.end()
        out.append(Candidate(start, end, "Project", priority=2, source="route"))
    for match in NUMBERED_SCHOOL.finditer(text):  # 清苑一中: a place and a numbered middle school
        start, end = match.start(), match.start() + len(match.group(1))
        if (
            start in boundaries
            and trim_leading(match.group(1)) == match.group(1)
            and not _ORDINAL.search(match.group(1))
        ):
            out.append(Candidate(start, end, "Institution", priority=2))
    return out


def _road_stretches(text: str) -> list[Candidate]:
    out = []
    for match in ROAD_STRETCH.finditer(text):
        road = _after_verbs(trim_leading(match.group(1)))
        if not 2 <= len(road) <= 8 or road in GENERIC:
            continue
        start = match.end(1) - len(road)
        works = _STRETCH_WORKS.match(text, match.end())
        end = works.end() if works else match.end()
        out.append(Candidate(start, end, "Project", text[start : match.end()], priority=3, source="route"))
    return out


def _after_verbs(name: str) -> str:
    """建设 + 旭宁街景观大道: the verbs in front of a name, as long as a name is left."""
    return _without_leading_verbs(name, _VERB_TAGS, keep=3)


_VERB_TAGS = frozenset(["v", "vn"])


# 北二路（宏昌大街至永乐街）+ 工程: the works on one stretch, never a second road's (…扩宽升级和汉贤街改造工程).
_STRETCH_WORKS = re.compile(r"[^\W\d_等和与及、]{0,8}?(?:工程|项目)")


def named_person_candidates(text: str) -> list[Candidate]:
    """People named by a studio after them or by their title: the name opens with a common surname."""
    out = []
    for match in [*PERSON_STUDIO.finditer(text), *TITLED_PERSON.finditer(text)]:
        name = match.group(1)
        if name[0] in surnames():
            out.append(Candidate(match.start(1), match.end(1), "Person", priority=2))
    for match in TITLE_AFTER_NAME.finditer(text):
        start = _name_start(text, match.start())
        if start is not None and not _common_word(text[start : match.start()]):
            out.append(Candidate(start, match.start(), "Person", priority=2))
    for match in COUNTED_PEOPLE.finditer(text):
        position = match.start(1)
        for name in match.group(1).split("、"):
            if name[0] in surnames():
                out.append(Candidate(position, position + len(name), "Person", priority=2))
            position += len(name) + 1
    return out


def _name_start(text: str, title: int) -> int | None:
    """王东峰 + 书记, 许勤 + 省长: three characters opening with a surname, else two; a surname that is also
    a preposition (向许勤省长) yields to the one after it."""
    three, two = text[max(0, title - 3) : title], text[max(0, title - 2) : title]
    if len(two) < 2 or not CJK_RUN.fullmatch(two) or (two[0] not in surnames() and three[:1] not in surnames()):
        return None
    if len(three) == 3 and CJK_RUN.fullmatch(three) and three[0] in surnames() and three[0] not in _PREPOSITIONS:
        return title - 3
    return title - 2 if two[0] in surnames() else None


def _common_word(word: str) -> bool:
    """党委 + 书记, 支部 + 书记, 高唐县 + 县长: a common word, or a place or title piece, is no one's name."""
    return frequency(word) >= 50 or word[-1] in "委部局办处厅组县市区省代副国" or any(c in word for c in "两位")


CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_PREPOSITIONS = frozenset("向于时全成和以为由在对把将与同及经让给被从")
# 王东峰书记两次到安国调研, 许勤省长于去年年初到安国调研: a name right before the title it is known by.
TITLE_AFTER_NAME = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:书记|省长|市长|县长|区长|院士|副省长|副市长|副县长)(?![\u4e00-\u9fff]{0,1}[处室班部])"
)
# 张伯礼、黄璐琦、吴以岭3名院士: two- and three-character names counted as people.
COUNTED_PEOPLE = re.compile(
    rf"((?:[\u4e00-\u9fff]{{2,3}}、)+[\u4e00-\u9fff]{{2,3}})(?:等)?[\d{_NUM}]{{1,2}}(?:名|位)(?:院士|专家|教授|同志)"
)


@cache
def surnames() -> frozenset[str]:
    return frozenset(row[0] for row in data_lines("surnames.txt"))


_TERM = re.compile(rf"第?[{_NUM}]{{1,3}}届")


def congress_candidates(text: str) -> list[Candidate]:
    """平房区第十六届人民代表大会 (an organ) and its 第四次会议 (an event), as every report's front matter names them."""
    out = []
    for match in CONGRESS.finditer(text):
        body = match.group(1)
        place = _TERM.split(body, maxsplit=1)[0]  # 县 + 十七届人民代表大会 (第 is often left out)
        start = match.start(1) + len(place) - len(trim_leading(place))
        out.append(Candidate(start, match.end(1), "GovernmentBody", priority=3))
        if match.group(2):
            out.append(Candidate(start, match.end(), "Event", priority=3))
    return out


def person_candidates(toks: list[Token]) -> list[Candidate]:
    """A jieba person name right before 同志/总书记/院士, the way reports honour people."""
    out = []
    for token, following in pairwise(toks):
        if token.tag == "nr" and len(token.word) in (2, 3) and following.word in ("同志", "总书记", "院士"):
            out.append(Candidate(token.start, token.end, "Person", priority=2))
    return out


def quoted_candidates(text: str) -> list[Candidate]:
    """“…” is a programme when the words around it say so; 《…》 is a named document."""
    out = []
    for match in QUOTE_POLICY.finditer(text):
        before, after = _around_run(text, match.start(), match.end())
        inner = match.group(1)
        if _is_industry_list(inner) or _slogan(inner, after):
            continue
        if not (_policy_context(before, after) or _service_reform(inner, before) or _counted(inner, before, after)):
            continue
        if HONOUR_END.search(inner) or not (_names_a_programme(inner, after) or _carried_out(before, after)):
            continue
        if _named_by_head(after):
            continue  # “中国云谷”园区: the head rule names it, with its type
        tail = QUOTE_TAIL.match(after)
        end = match.end() + (tail.end() if tail else 0)
        out.append(Candidate(match.start(), end, "Policy", priority=1, source="quoted"))
    for match in DOCUMENT.finditer(text):
        if DOCUMENT_KINDS.search(match.group(1)):
            out.append(Candidate(match.start(), match.end(), "Policy", priority=3, source="quoted"))
    return out


_QUOTES_BEFORE = re.compile(rf"(?:“[^“”]*”{FOOTNOTE}?[、和与及]?)+$")
_QUOTES_AFTER = re.compile(rf"{FOOTNOTE}?(?:[、和与及]?“[^“”]*”{FOOTNOTE}?)+")


def _plenum_list_candidates(text: str) -> list[Candidate]:
    out = []
    for match in PLENUM_LIST.finditer(text):
        term = match.group(1)
        position = match.start(2)
        for item in match.group(2)[:-1].split("、") if "、" in match.group(2) else [match.group(2)[:-1]]:
            start = match.start(1) if position == match.start(2) else position
            out.append(Candidate(start, position + len(item), "Event", term + item + "全会", priority=3))
            position += len(item) + 1
        out.append(Candidate(match.start(3), match.end(), "Event", term + match.group(3) + "全会", priority=3))
    return out


def _around_run(text: str, start: int, end: int) -> tuple[str, str]:
    """The words before and after a run of quoted terms (“容缺受理”“并联审批”和“一网一门一次”改革)."""
    run_before = _QUOTES_BEFORE.search(text, 0, start)
    first = run_before.start() if run_before else start
    run_after = _QUOTES_AFTER.match(text, end)
    last = run_after.end() if run_after else end
    marker = FOOTNOTE_MARK.match(text, last)  # “放管服”〔19〕改革: the words after the pointer
    return text[max(0, first - 4) : first], text[last : last + 4 + (len(marker.group()) if marker else 0)]


# Honours and titles are quoted too, but they are awarded, not carried out (“河北省棉服名县”, “…特殊贡献奖”).
HONOUR_END = re.compile(
    r"(?:奖|称号|名县|名镇|名村|强县|强镇|百强|之乡|顾问|大使|标兵|能手|模范|先进单位|先进集体|荣誉)$"
)
# The last words of a programme's own name (“提振消费扩需年”, “一网通办”, “非粮化”, “河长制”).
PROGRAMME_END = re.compile(
    r"(?:改革|行动|工程|计划|战略|机制|制度|制|政策|规划|方案|试点|专项|年|活动|模式|体系|工作法|"
    r"化|通办|一次办|跑一次|一件事|审批|监管|服务|治理|整治|攻坚|清零|归零|倍增|提升|创建|招商|帮扶|共建|经验|走廊|风暴|会战)$"
)


def _names_a_programme(inner: str, after: str) -> bool:
    """A quoted phrase is a programme's name when a programme word follows it, it counts its parts
    (“三去一降一补”), or it ends in a programme word itself; otherwise it is a catchphrase (“硬环境”)."""
    return bool(
        POLICY_AFTER_WORD.match(after)
        or PROGRAMME_AFTER.match(after)
        or _COUNTED.search(inner)
        or PROGRAMME_END.search(inner)
    )


def _carried_out(before: str, after: str) -> bool:
    """开展“马路办公”, 推行“全流程网办”, 巩固“拿地即开工”成果: what a report carries out is a programme,
    even when no programme word names it so."""
    return CARRIED_OUT.search(before) is not None and _CLAUSE_END.match(after) is not None


CARRIED_OUT = re.compile(r"(?:实施|开展|推行|推进|深化|落实|执行|试行|推广|实行|启动|巩固|强化)了?$")
_CLAUSE_END = re.compile(rf"^{FOOTNOTE}?(?:[，。；、]|成果|成效|经验|$)")


PROGRAMME_AFTER = re.compile(rf"^{FOOTNOTE}?(?:专项|整治|试点|评价|创建|攻坚|建设)")


def _counted(inner: str, before: str, after: str) -> bool:
    """“两品一标”, “四个一批”, “清五乱”: a phrase that counts its parts is a programme's short name, unless
    it describes a thing named after it, or is a date, a record or a plan period."""
    return (
        _COUNTED.search(inner) is not None
        and _NOT_COUNTED_NAME.search(inner) is None
        and tag_of(inner) not in _PHRASE_TAGS
        and _DESCRIBES_A_THING.match(after) is None
        and NOT_POLICY_AFTER.match(after) is None
        and _NOT_COUNTED_AFTER.match(after) is None
        and POLICY_BEFORE_NOT.search(before) is None
    )


# A plan period (“十二五”, “七五”期间), an ordinal (“第二战略支点”), a date (“2.28”), a record (“十一连增”),
# a region (“一小时交通圈”, “长三角”), people (“五保户”, “四人帮”) or a sentence (“不让一滴污水进淀”) is no short name.
_NOT_COUNTED_NAME = re.compile(r"^[一二三四五六七八九十]{1,2}五$|^第|\d[.·]\d|连[增冠]$|[圈带角户帮]$|[，,]|^.{8,}$")
# “两高”沿线村庄, “一纵两横”三条道路, “三公”经费, “四有好老师”40人: the quote describes what follows (but
# “三重一大”事项, “两不愁三保障”水平 name programmes).
_DESCRIBES_A_THING = re.compile(
    rf"^(?:沿线|村|包装|产业|大会|道路|路网|期间|生产|馆|户|人员|城区|地区|区域|市场|经费|换届|配套|\d|[{_NUM}]+[条座个家所处])"
)
# “三包”即…: a part being explained; 守住“…”底线: a line kept, not a programme.
_NOT_COUNTED_AFTER = re.compile(r"^(?:[，,]?(?:即|是指)|底线)")
_PHRASE_TAGS = frozenset(["i", "l", "b", "a", "d"])  # 一刀切, 一站式: idioms and attributes


def _slogan(inner: str, after: str) -> bool:
    """“小切口、大民生”: parallel phrases without a count are a motto, unless a programme word follows."""
    return "、" in inner and not _COUNTED.search(inner) and not POLICY_AFTER_WORD.match(after)


def _named_by_head(after: str) -> bool:
    first_word = _head_start().match(after)
    return first_word is not None and heads().get(first_word.group()) not in (None, "Policy")


@cache
def _head_start() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(h) for h in heads()))


def _policy_context(before: str, after: str) -> bool:
    """Programmes are carried out (实施“…”) or named as one (“…”改革/时期/工作); slogans are not."""
    if NOT_POLICY_AFTER.match(after) or POLICY_BEFORE_NOT.search(before):
        return False
    return POLICY_AFTER.match(after) is not None or POLICY_BEFORE.search(before) is not None


# 实现“一窗通办”, 做到“最多跑一次”: reaching a service reform's goal names the reform.
SERVICE_REFORM = re.compile(r"(?:通办|一次办|跑一次|一件事|一网通|一窗|秒批|即办)")


def _service_reform(inner: str, before: str) -> bool:
    return SERVICE_REFORM.search(inner) is not None and re.search(r"(?:实现|做到)$", before) is not None


def _is_industry_list(inner: str) -> bool:
    return all(part in industries() for part in inner.split("、"))


def list_candidates(text: str) -> list[Candidate]:
    """Each item of 'A、B、C(等)(N大)HEAD' gets the type the plural head gives."""
    out = []
    for match in LIST_HEAD.finditer(text):
        type_name = LIST_TYPES[match.group(2)]
        position = match.start(1)
        for number, item in enumerate(match.group(1).split("、")):
            name = _list_item(_without_leading_verbs(item) if number == 0 else item, type_name)
            if name:
                start = position + len(item) - len(name)
                out.append(Candidate(start, start + len(name), _item_type(name, type_name), priority=2, source="lists"))
            position += len(item) + 1
    return out


_VERBAL_TAGS = frozenset(["v", "vd", "ad", "d", "uj", "p", "i", "l"])


def _item_type(name: str, type_name: str) -> str:
    """丽景二期 among housing estates, 和平路东延 among roads: a phase or an extension is a project."""
    if type_name == "Place" and (_PHASE_END.search(name) or _PROJECT_END.search(name)):
        return "Project"
    return type_name


_PROJECT_END = re.compile(r"[东南西北]延|连接线|新线|快速路|大桥|立交桥|改造|拓宽|提升|段")


_LEAD_TAGS = _VERBAL_TAGS | {"m", "t"}
# Adverbs and idioms (jieba tags 紧盯 z, 优化提升 l) and the verbs of growing a sector; other verbs
# open industries' names (休闲/v 农业, 检验/vn 检测).
_INDUSTRY_LEAD_TAGS = frozenset(["l", "z", "ad", "d", "p"])
_GROWTH_VERBS = frozenset(
    [
        "发展",
        "培育",
        "壮大",
        "做强",
        "做大",
        "做优",
        "优化",
        "提升",
        "升级",
        "改造",
        "加快",
        "推动",
        "推进",
        "支持",
        "扶持",
        "引进",
        "打造",
        "巩固",
        "用于",
        "助力",
        "围绕",
        "聚焦",
        "鼓励",
        "突出",
        "重点",
        "积极",
        "大力",
        "主要",
        "加强",
        "深化",
        "编制",
    ]
)


def _without_leading_verbs(item: str, lead_tags: frozenset[str] = _LEAD_TAGS, keep: int = 0) -> str:
    """困扰 + 绿地世纪城, 培育壮大 + 乡村旅游: the sentence's verb in front of a list's first item; ``keep``: the
    fewest characters a name keeps (富强/v 路 stays whole)."""
    words = tokens(item)
    first = 0
    while (
        first < len(words) - 1
        and _leads(words[first], lead_tags)
        and not _name_pieces(words, first)
        and len(item) - words[first + 1].start >= keep
    ):
        first += 1
    return item[words[first].start :] if words else item


def _name_pieces(words: list[Token], index: int) -> bool:
    """兴/v 芮/nr: two lone characters in a row are pieces of a name jieba does not know, not a verb."""
    word = words[index].word
    return len(word) == 1 and len(words[index + 1].word) == 1 and word not in CUT_CHARS


def _leads(word: Token, lead_tags: frozenset[str]) -> bool:
    if lead_tags is _LEAD_TAGS:
        return word.tag in lead_tags
    return len(word.word) > 1 and (word.tag in lead_tags or word.word in _GROWTH_VERBS)


def _list_item(item: str, type_name: str) -> str:
    """The name an item holds; the first item may carry the sentence's verb (优先发展绿色食品)."""
    if type_name != "Industry":
        name = trim_leading(item)
        words = tokens(name)
        if type_name == "Enterprise" and _traded(name):
            return name  # 垦/v 丰/a 种业, 北京同仁堂健康药业: a listed firm's name and its trade
        pieces = type_name == "Enterprise"  # 奥托/立/v/夫, 刘/伶/醉/v: one-character pieces of a firm's name
        if not 2 <= len(name) <= 8 or any(t.tag in _VERBAL_TAGS and (len(t.word) > 1 or not pieces) for t in words):
            return ""
        if type_name == "Enterprise" and not _company_like(name, words):
            return ""
        return name
    item = trim_leading(item) or item  # 将交通运输业: the sentence's verb is no part of the industry
    item = _without_leading_verbs(item, _INDUSTRY_LEAD_TAGS)  # 发展 + 人工智能, 优化提升 + 化工
    if _noun_phrase(item):
        return item  # 智慧家政, 金融会展: the whole item, though the lexicon knows only its tail
    for cut in range(len(item) - 1):
        tail = item[cut:]
        if tail in industries() or (cut == 0 and INDUSTRY_SUFFIX.search(tail) and len(tail) <= 8):
            return tail
    return ""


_NOUN_TAGS = frozenset(["n", "nz", "vn", "j", "an", "unk"])
_FUNCTION_TAGS = frozenset(["p", "c", "uj", "ul", "uz", "d", "ad", "r", "m", "x"])


def _noun_phrase(item: str) -> bool:
    """智慧/nr 家政/n, 托/v 育/v 养老/n: a short item ending in a noun; the tags before it are unreliable."""
    words = tokens(item)
    return (
        3 <= len(item) <= 6
        and len(words) > 1
        and words[-1].tag in _NOUN_TAGS
        and not any(w.tag in _FUNCTION_TAGS for w in words)
    )


SHORT_NAME_LIST = re.compile(r"(?:[\u4e00-\u9fff]{4}、)+[\u4e00-\u9fff]{4}(?=等|、)")


def firm_kind_candidates(text: str) -> list[Candidate]:
    """田原化工等骨干企业, 邦泰氨纶、乐凯新材料等“链主”: names before 等 and a kind of firm are firms."""
    out = []
    for match in FIRMS_OF_A_KIND.finditer(text):
        position = match.start(1)
        for number, item in enumerate(match.group(1).split("、")):
            name = _after_verbs(_without_leading_verbs(trim_leading(item))) if number == 0 else item
            start = position + len(item) - len(name)
            position += len(item) + 1
            if _firm_shaped(name):
                out.append(Candidate(start, start + len(name), "Enterprise", priority=1, source="lists"))
    return out


FIRMS_OF_A_KIND = re.compile(
    r"((?:[\u4e00-\u9fff]{2,10}、)*[\u4e00-\u9fff]{2,12}?)等(?:[\u4e00-\u9fff]{0,3}?(?:骨干|龙头|链主|领军|头部|重点)企业|“链主”"
    r"|\d{1,4}家[\u4e00-\u9fff]{0,12}?企业)"  # 吉克传动、方盛车桥等32家优质汽车零部件制造企业: counted in firms
)


def _firm_shaped(name: str) -> bool:
    """Four to eight characters opening with no kind, trade or verb (食品、医药等企业 are trades)."""
    if not 4 <= len(name) <= 8 or name in industries() or _NOT_A_FIRM_END.search(name):
        return False
    if name.endswith("业") and not _traded(name):
        return False  # 制造业, 服务业: trades; 天香乳业 ends in a firm's trade word
    first = tokens(name)[0]  # a trade after it may be a verb noun (吉克 + 传动/vn)
    return not (
        first.word in GENERIC
        or first.word in industries()
        or is_frame(first.word)
        or (len(first.word) > 1 and first.tag in ("v", "vn", "d", "r", "m"))
    )


_NOT_A_FIRM_END = re.compile(r"[型类性级化]$")


def enterprise_list_candidates(text: str, boundaries: set[int]) -> list[Candidate]:
    """通美晶体、中科锂电、华智家纺等: a list of proper prefixes plus trade words names companies."""
    out = []
    for match in SHORT_NAME_LIST.finditer(text):
        items = match.group().split("、")
        if not all(_company_short_name(item, loose=True) for item in items):
            continue
        strict = all(_company_short_name(item) for item in items)
        # each item's start and its prefix/trade seam (顺新能源 is 顺 + 新能源, no company 顺新)
        starts = {match.start() + 5 * number + seam for number in range(len(items)) for seam in (0, 2)}
        sized = re.search(r"[0-9A-Za-z]$", text[: match.start()]) is not None  # 6.5GW光伏电池: a product
        if not strict and (sized or not starts <= boundaries):
            continue  # 我们为农业: a noun-like trade alone needs every item to start a word
        if (
            not strict
            and not any(_company_short_name(item) for item in items)
            and not _COMPANY_CUE.search(text[: match.start()])
        ):
            continue  # no known trade among them and nothing says they are companies
        for number in range(len(items)):
            start = match.start() + 5 * number  # four characters and a 、 each
            out.append(Candidate(start, start + 4, "Enterprise", priority=2, source="lists"))
    return out


def _traded(name: str) -> bool:
    """步长药业 among firms: a name that ends in a trade word, whatever jieba makes of its first part."""
    return 4 <= len(name) <= 12 and any(name.endswith(trade) and len(name) > len(trade) + 1 for trade in trades())


def _company_like(name: str, words: list[Token]) -> bool:
    """An enterprise in a list: a known company, a company head, or a proper word leading it."""
    if name in gazetteer() or _COMPANY_HEAD.search(name):
        return True
    if _NOT_COMPANY.search(name) or name in _KINDS_OF_FIRM or name in GENERIC or name in industries():
        return False
    first = words[0]
    proper = first.tag in _PROPER_TAGS or len(first.word) == 1 or frequency(first.word) < _RARE
    return proper and (len(name) >= 3 or words[0].word != name or first.tag in _PROPER_TAGS or frequency(name) < _RARE)


# 兴芮、雅果等企业, 长城、巨力、风帆等龙头企业: a firm's short name is a rare word or one jieba does not know;
# these words say which kind of firm (国有、民营等企业).
_RARE = 200
_KINDS_OF_FIRM = word_set(
    "国有 民营 外资 合资 独资 中小 小微 规上 规下 上市 大型 中型 小型 骨干 龙头 重点 科技 涉农 涉企 困难 僵尸 "
    "新型 传统 本地 外地 县属 市属 省属 央属 优质 优势 头部 链主 配套 高新 创新 出口 外贸 物流 商贸"
)


_COMPANY_HEAD = re.compile(r"(?:集团|公司|银行|股份)$")
_NOT_COMPANY = re.compile(r"(?:楼|局|院|校|村|区|街|路|中心|服务|商务|经济|产业|行业|县社)$")
_PROPER_TAGS = frozenset(["ns", "nr", "nz", "j", "unk", "nrt", "eng"])


# 以通美晶体、中科锂电…为代表: the frame that introduces a list of exemplary companies.
_COMPANY_CUE = re.compile(r"以$")
# Trades jieba knows only as nouns or not at all (晶体/n, 锂电/nz, 泵阀/unk): a company's trade when the list
# holds a known trade too, or is introduced as exemplars.
_TRADE_TAGS = frozenset(["n", "nz", "unk"])


def _company_short_name(item: str, loose: bool = False) -> bool:
    """A proper two-character prefix plus a trade word (东利机械); loose: any noun-like trade."""
    prefix, trade = item[:2], item[2:]
    if item in industries() or prefix in industries() or tag_of(prefix) not in _PROPER_TAGS:
        return False
    return trade in trades() or (loose and tag_of(trade) in _TRADE_TAGS and trade not in industries())


@cache
def trades() -> frozenset[str]:
    return frozenset(row[0] for row in data_lines("enterprise_trades.txt"))


def industry_candidates(text: str, boundaries: set[int]) -> list[Candidate]:
    """Known industries: long names anywhere, short ones only before 产业/行业/业 or 领域 (在航空领域);
    two joined before one 产业 are one industry (机器人及智能制造产业), as the report plans it."""
    matches = [m for m in _industry_pattern().finditer(text) if m.start() in boundaries]
    out = []
    index = 0
    while index < len(matches):
        pair = _joined_pair(text, matches[index], matches[index + 1]) if index + 1 < len(matches) else None
        candidate = pair or _known_industry(text, matches[index], boundaries)
        if candidate is not None:
            out.append(candidate)
        index += 2 if pair else 1
    return out


def _joined_pair(text: str, match: re.Match[str], following: re.Match[str]) -> Candidate | None:
    if text[match.end() : following.start()] not in _INDUSTRY_JOINERS or match.group().endswith("业"):
        return None  # 现代服务业和旅游业 are two
    suffix = INDUSTRY_SUFFIX.match(text, following.end())
    if suffix is None or _INDUSTRY_HOST.match(text, suffix.end()):
        return None
    name = text[match.start() : following.end()]
    return Candidate(match.start(), suffix.end(), "Industry", name, priority=2, source="industry")


def _known_industry(text: str, match: re.Match[str], boundaries: set[int]) -> Candidate | None:
    start, end = match.span()
    word = match.group()
    suffix = INDUSTRY_SUFFIX.match(text, end)
    if suffix:
        return Candidate(start, suffix.end(), "Industry", word, priority=2, source="industry")
    if INDUSTRY_AS_MODIFIER.match(text, end):
        return None  # 制造业企业, 文化旅游活动: the trade describes a firm or an event
    if (len(word) >= 4 or word.endswith("业") or text.startswith("领域", end)) and end in boundaries:
        return Candidate(start, end, "Industry", priority=2, source="industry")
    return None


def sector_candidates(toks: list[Token]) -> list[Candidate]:
    """冰雪 + 产业, 文旅 + 产业, 会展经济: a sector the lexicon does not know, named by the nouns right
    before 产业 or 经济; kinds (主导产业, 传统产业) and forms of ownership (民营经济) name no sector."""
    out = []
    for index, token in enumerate(toks):
        suffix = token.word[-2:]
        following = toks[index + 1].word if index + 1 < len(toks) else ""
        if suffix not in ("产业", "经济") or _NOT_THE_SECTOR.match(following):
            continue  # 冰雪产业带, 经济开发区, 经济增长, 产业目录: a zone, a measure or a list, not the sector
        if len(token.word) > 2:  # jieba's one word 会展经济
            sector = [token.word[:-2]] if token.tag in _SECTOR_TAGS and _a_sector(token.word[:-2]) else []
            start = token.start
        else:
            sector = _sector_words(toks, index)
            start = toks[index - len(sector)].start if sector else token.start
        name = "".join(sector)
        if suffix == "经济" and frequency(name) >= _ECONOMICS_WORD:
            continue  # 商品经济, 国家经济, 政治经济: a very common word before 经济 is economics, not a sector
        if 2 <= len(name) <= (2 if suffix == "经济" else 6):
            out.append(Candidate(start, token.end, "Industry", name, priority=1, source="industry"))
    return out


def _sector_words(toks: list[Token], index: int) -> list[str]:
    words: list[str] = []
    for token in reversed(toks[max(0, index - 2) : index]):
        if token.tag not in _SECTOR_TAGS or not _a_sector(token.word):
            break
        words.insert(0, token.word)
    return words


def _a_sector(word: str) -> bool:
    """Not a kind, an owner or a place (博野经济 is the county's economy, not a sector)."""
    place = tag_of(word) == "ns" or any(
        gazetteer().get(word + end, ("",))[0] == "Place" for end in ("", "县", "区", "市")
    )
    return not (word in _NOT_A_SECTOR or is_frame(word) or place or _NOT_A_SECTOR_SHAPE.search(word))


# 战略性 and 成长型 (kinds), 全区 (whose), 五大 (how many), 现代化 (how modern)
_NOT_A_SECTOR_SHAPE = re.compile(rf"[性化型]$|^全|[{_NUM}\d]")


_SECTOR_TAGS = frozenset(["n", "nz", "j"])
_ECONOMICS_WORD = 5000
# After 产业/经济, words that make it a place, a chain, a measure or a list rather than the sector itself.
_NOT_THE_SECTOR = re.compile(
    r"^(?:园|基地|区|集群|联盟|链|带|开发|技术|圈|走廊|体|发展区|功能区|特区|工作|增长|形势|体制|运行|总量|规模|"
    r"效益|合作社|目录|覆盖|示范|结构|指标|总体)"
)
# Words before 产业/经济 that say which kind, size or owner, not which sector (扶贫产业, 县域经济, 实体经济).
_NOT_A_SECTOR = word_set(
    "主导 传统 新兴 优势 特色 重点 重大 现代 相关 配套 新型 大型 中小 一批 各类 支柱 首位 基础 先导 战略 朝阳 "
    "夕阳 关联 上游 下游 上下游 富民 扶贫 实体 国民 集体 民营 非公 县域 区域 城市 农村 乡村 工业 农业 全球 世界 "
    "宏观 市场 外向型 开放型 规模 板块 产品 项目 企业 科技 领域 地方 村级 个体 私营 国有 数量 质量 效益 增长 "
    "发展 结构 布局 运行 形势 总量 社会 循环 低碳 绿色 生态 创新 特色优势 国际 国内 时代 高端 口径 龙头 园区 "
    "家庭 强势 强县 对冲 专家 计划 国营 小农 客观 外资 内资 微观 规范 名义 制约 边境 创优 整体 部分 当家 优质 城乡 "
    "面向 涉外 沿海 繁荣 现行 主管 特区 亚太 国企 新 老 大 小"
)


INDUSTRY_AS_MODIFIER = re.compile(r"企业|活动|中心|集团|公司|项目|基地|园区|产品|市场|人才|学院|协会|商会|服务体系")
_INDUSTRY_JOINERS = ("及", "和", "与")
_INDUSTRY_HOST = re.compile(r"园|基地|区|集群|联盟")


@cache
def _industry_pattern() -> re.Pattern[str]:
    words = sorted(industries(), key=lambda word: (-len(word), word))
    return re.compile("|".join(re.escape(word) for word in words))


# 清水河左堤治理, 府河导排, 唐河清苑段补水河道清理整治, 东石桥村防洪整治: works done on a named river, road
# or village are a project named by the place and the works, written without 工程 or 项目.
WORKS_TAIL = re.compile(
    r"(?:[\u4e00-\u9fff]{2,3}段)?[^\W\d_的和与及等一二三四五六七八九十两个条座处]{0,8}?"
    r"(?:治理|整治|补水|改造提升|提升改造|拆迁改造|改造|修复|绿化|亮化|美化|提标改造|清淤|疏浚|连通)"
    r"(?=[，。；、）]|等|工作|$)"
)
WORKS_PLACE_END = re.compile(r"(?:河|江|湖|淀|渠|堤|路|街|大道|大街|线|村)$")
_RIVER_TAGS = frozenset(["ns", "nr"])
# 大江大河大湖: rivers in general, not one river.
_NOT_A_RIVER = frozenset(
    ["河湖", "江河", "江湖", "山河", "内河", "河道", "运河", "沿河", "城河", "大江", "大河", "大湖"]
)


def works_candidates(text: str, toks: list[Token], proposed: list[Candidate]) -> list[Candidate]:
    """A named river, road or village followed by the works done on it; a river jieba knows is a place too."""
    places = {c.start: c.end for c in proposed if c.type == "Place" and WORKS_PLACE_END.search(text[c.start : c.end])}
    rivers = [
        t
        for t in toks
        if t.tag in _RIVER_TAGS and len(t.word) == 2 and t.word[-1] in "河江湖淀" and t.word not in _NOT_A_RIVER
    ]
    places.update((t.start, t.end) for t in rivers)
    out = []
    for start, end in sorted(places.items()):
        works = WORKS_TAIL.match(text, end)
        if works is None or trim_leading(text[end : works.end()]) != text[end : works.end()]:
            continue  # 路 + 和 + …改造: the works belong to another name
        out.append(Candidate(start, works.end(), "Project", priority=2, source="works"))
    used = {c.start for c in out}
    out.extend(Candidate(t.start, t.end, "Place", priority=2, source="jieba") for t in rivers if t.start in used)
    return out


# 神力索具、鼎固人防等前期项目; 沃沐豪热泵、三木机电等18个项目: the items of a list of projects
# that carry no head of their own are the companies behind them, named by a proper word and a trade.
PROJECT_LIST = re.compile(
    r"(?<![A-Za-z0-9])((?:[\u4e00-\u7b48\u7b4a-\u9fff]{2,14}、)+[\u4e00-\u7b48\u7b4a-\u9fff]{2,14})"
    r"(?=(?:等[^，。；、]{0,16}?)?项目)"
)
_COMPANY_PREFIX_TAGS = frozenset(["ns", "nr", "nz", "nrt", "j", "unk", "ng", "zg"])
# 金坡酒店, 良岗风电场, 博奥财富广场: a facility in such a list is the project itself.
_FACILITY_END = re.compile(r"(?:场|店|馆|站|城|园|库|港|学校|中心|大厦)$")


def project_list_candidates(text: str, boundaries: set[int]) -> list[Candidate]:
    return _items_of_project_lists(text, boundaries) + _counted_projects(text, boundaries)


def _counted_projects(text: str, boundaries: set[int]) -> list[Candidate]:
    """格瑞机械球铰链、华北汽车白车身两个省重点项目: when the count after a list matches its items, each
    item is a project, whatever its words."""
    out = []
    for match in COUNTED_PROJECT_LIST.finditer(text):
        items = match.group(1).split("、")
        if _count_of(match.group(2)) != len(items):
            continue
        position = match.start(1)
        for number, item in enumerate(items):
            name = _after_verbs(trim_leading(item)) if number == 0 else item
            name = _LIST_ITEM_LEAD.sub("", name)
            start = position + len(item) - len(name)
            position += len(item) + 1
            if _head_type(name) == "Institution" or (_head_type(name) == "Park" and "园" in name[-4:]):
                continue  # 风帆工业园: the park its head names, whatever the count says (a 基地 may be a project)
            if start in boundaries and 4 <= len(name) <= 20 and "至" not in name and not _company_behind_project(name):
                out.append(Candidate(start, start + len(name), "Project", priority=3, source="lists"))
    return out


COUNTED_PROJECT_LIST = re.compile(
    rf"((?:[^\W\d_][^，。；、]{{1,19}}、)+[^\W\d_][^，。；、]{{1,19}}?)等?([\d{_NUM}]{{1,2}})个[^，。；、]{{0,8}}?项目"
)


# 投资3.12亿元的 + 晨阳水性涂料, 尤其是 + 长城汽车: what the item costs, or how the list is introduced.
_LIST_ITEM_LEAD = re.compile(r"^(?:总?投资[\d.]+[万亿]?元的|尤其是|其中|包括|现已有|已有)")


def _head_type(name: str) -> str:
    """The type the longest head ending ``name`` gives, or ""."""
    return next((kind for head, kind in heads().items() if name.endswith(head)), "")


def _count_of(figure: str) -> int:
    if figure.isdigit():
        return int(figure)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2, "〇": 0}
    if figure == "十":
        return 10
    if figure.startswith("十"):
        return 10 + digits.get(figure[1:], 0)
    return digits.get(figure, -1) if len(figure) == 1 else -1


def _items_of_project_lists(text: str, boundaries: set[int]) -> list[Candidate]:
    out = []
    for match in PROJECT_LIST.finditer(text):
        position = match.start(1)
        for number, item in enumerate(match.group(1).split("、")):
            name = trim_leading(item) if number == 0 else item
            start = position + len(item) - len(name)
            position += len(item) + 1
            if start not in boundaries:
                continue  # (投资…元)实 + 施唐河…: the first item's name must start a word of the sentence
            if _company_behind_project(name):
                type_name = "Project" if _FACILITY_END.search(name) else "Enterprise"
                out.append(Candidate(start, start + len(name), type_name, priority=1, source="lists"))
            elif _product_of_company(name):
                out.append(Candidate(start, start + len(name), "Project", priority=1, source="lists"))
            elif _firm_by_trade(name):
                out.append(Candidate(start, start + len(name), "Enterprise", priority=1, source="lists"))
    return out


def _firm_by_trade(name: str) -> bool:
    """立亚科技, 古城制药 in a list of projects: a name before a trade word is the firm whose project it is."""
    if not _traded(name) or name in industries() or _NOT_ONE_FIRM.search(name):
        return False
    trade = max((t for t in trades() if name.endswith(t)), key=len)
    words = tokens(name[: -len(trade)])
    return not any(
        w.word in GENERIC or w.word in industries() or is_frame(w.word) or (len(w.word) > 1 and w.tag in _VERBAL)
        for w in words
    )


_VERBAL = frozenset(["v", "vn", "a", "ad", "d", "m", "p", "c", "r"])
_NOT_ONE_FIRM = re.compile(r"[和与及期米]")  # two firms, a firm's plant phase, a volume (立方米)


_NOT_IN_COMPANY_NAME = frozenset(["v", "vn", "a", "d", "m", "p", "c", "uj"])
_NOT_A_NAME_START = frozenset(["v", "m", "p", "c", "d", "r", "uj", "u"])


def _misleading_tag(words: list[Token], index: int) -> bool:
    """A verb or adjective inside the name, unless it is one of a run of single characters (哈/nr 轻/a):
    jieba tags the pieces of a name it does not know at random."""
    word = words[index]
    if word.tag not in _NOT_IN_COMPANY_NAME:
        return False
    neighbours = words[index - 1 : index] + words[index + 1 : index + 2]
    return len(word.word) > 1 or not any(len(n.word) == 1 for n in neighbours) or word.tag == "uj"


# 苏宁物流二期, 中亦食品二期: the phase of a company's plant names the company too.
_PHASE_END = re.compile(r"[一二三四五六七八九]期$")


def phase_owner_candidates(text: str, proposed: list[Candidate]) -> list[Candidate]:
    out = []
    for candidate in proposed:
        name = text[candidate.start : candidate.end]
        if candidate.type == "Project" and _PHASE_END.search(name) and _company_short_name(name[:-2]):
            out.append(Candidate(candidate.start, candidate.end - 2, "Enterprise", priority=1, source="lists"))
    return out


_NOT_A_PRODUCT = re.compile(r"(?:发展|支付|推介会|会|活动|开发)$")
_COUNT_WORD = re.compile(r"[个元项家批]|以上|^[两一二三四五六七八九十百千万]+$")


def _product_of_company(name: str) -> bool:
    """海航创通变速箱, 东安汽发中高端发动机: a company and what its plant will make, longer than a firm's name."""
    if not 7 <= len(name) <= 14 or _head_start().search(name[1:]) or "至" in name:
        return False
    words = tokens(name)
    if all(w.word in GENERIC for w in words[1:]) or any(w.tag in ("uj", "c", "p", "d", "r") for w in words):
        return False  # (高端 may describe the product: 东安汽发中高端发动机)
    if any(w.tag == "m" and _COUNT_WORD.search(w.word) for w in words) or _NOT_A_PRODUCT.search(name):
        return False  # 两个省重点, 千万元以上; …融合发展, …转移支付, …推介会: a count or an activity, no product
    first = words[0]
    return first.tag in _COMPANY_PREFIX_TAGS or gazetteer().get(first.word, ("",))[0] == "Enterprise"


def _company_behind_project(name: str) -> bool:
    """A proper first word (or a one-character fragment of an unknown one) and a noun-like rest, no head."""
    if not 4 <= len(name) <= 6 or name in industries() or _head_start().search(name[1:]):
        return False
    words = tokens(name)
    if any(w.word in GENERIC for w in words) or any(_misleading_tag(words, i) for i in range(1, len(words))):
        return False
    first = words[0]
    if "至" in name:
        return False  # 大岸底至马兰: a road between two places
    return first.tag in _COMPANY_PREFIX_TAGS or (len(first.word) == 1 and first.tag not in _NOT_A_NAME_START)
