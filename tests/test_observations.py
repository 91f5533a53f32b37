"""Figures in real report sentences become typed observations (issue 4).

Every sentence below is checked to occur in the report it is quoted from, so
the tables cannot drift away from real text.
"""

from __future__ import annotations

import pytest

from kg.extract.numbers import chinese_value, unit_parts
from kg.extract.observation_context import plan_name
from kg.extract.observations import measure_of, read_sentence
from kg.ingest.normalise import normalise
from kg.model import Document
from kg.pipeline import process
from kg.rdf.build import build_quads
from kg.validate import validate_quads
from tests.conftest import PINGFANG, corpus_file, dev_text

# (report, sentence, [(indicator must contain, value, unit, qualifier, direction, measure), ...])
SENTENCES = [
    (
        "dev:pingfang-2020",
        "预计地区生产总值同比增长7%以上,规上工业增加值同比增长10%以上,固定资产投资同比增长10%以上。",
        [
            ("地区生产总值", 7, "%", "以上", "increase", "growth"),
            ("规模以上工业增加值", 10, "%", "以上", "increase", "growth"),
            ("固定资产投资", 10, "%", "以上", "increase", "growth"),
        ],
    ),
    (
        "dev:pingfang-2020",
        "新登记市场主体5106户,增长8.5%,实际使用内资49亿元,实际使用外资8200万美元。",
        [
            ("新登记市场主体", 5106, "户", "", "", "level"),
            ("新登记市场主体", 8.5, "%", "", "increase", "growth"),
            ("实际使用内资", 49, "亿元", "", "", "level"),
            ("实际使用外资", 8200, "万美元", "", "", "level"),
        ],
    ),
    (
        "dev:pingfang-2020",
        "31项民生实事全部完成。",
        [("民生实事", 31, "项", "", "", "level")],
    ),
    (
        "dev:pingfang-2020",
        "全区58个房地产领域历史遗留项目全部启动办证,累计发放不动产权证超过2.7万户。",
        [
            ("房地产领域历史遗留项目", 58, "个", "", "", "level"),
            ("不动产权证", 2.7, "万户", "超过", "", "level"),
        ],
    ),
    (
        "dev:pingfang-2020",
        "百度云智学院、阿里云创新中心、腾讯众创空间等科技孵化器新入驻企业近150家。",
        [("新入驻企业", 150, "家", "近", "", "level")],
    ),
    (
        "dev:pingfang-2020",
        "工业互联网平台上线运营,上云企业超百户。",
        [("上云企业", 100, "户", "超过", "", "level")],
    ),
    (
        "dev:pingfang-2020",
        "建成残疾人康复服务站、助残站各1处,563名残疾人获得免费精准康复服务。",
        [
            ("残疾人康复服务站", 1, "处", "", "", "level"),
            ("助残站", 1, "处", "", "", "level"),
            ("残疾人", 563, "名", "", "", "level"),
        ],
    ),
    (
        "dev:pingfang-2020",
        "在国家级经开区综合发展考核中连续三年位居东北三省第一位。",
        [("国家级经开区综合发展考核", 1, "位", "", "", "rank")],
    ),
    (
        "dev:pingfang-2020",
        "拆除各类违章建设2000余处16.4万平方米",
        [("违章建设", 2000, "处", "余", "", "level"), ("违章建设", 16.4, "万平方米", "", "", "level")],
    ),
    (
        "dev:pingfang-2020",
        "淘汰123台10蒸吨及以下燃煤锅炉",  # 10蒸吨及以下 is a size class, not a figure
        [("燃煤锅炉", 123, "台", "", "", "level")],
    ),
    (
        "dev:dingxing-2021",
        "规上工业产值和增加值分别达到92亿元和26.4亿元，年均分别增长7.8%、6.2%",
        [
            ("规模以上工业产值", 92, "亿元", "", "", "level"),
            ("增加值", 26.4, "亿元", "", "", "level"),
            ("规模以上工业产值", 7.8, "%", "", "increase", "growth"),
            ("增加值", 6.2, "%", "", "increase", "growth"),
        ],
    ),
    (
        "dev:dingxing-2021",
        "三次产业结构由20.8：36.7：42.5调整优化为17.7：33.4：48.9",
        [
            ("三次产业结构（第一产业）", 20.8, "%", "", "", "share"),
            ("三次产业结构（第二产业）", 36.7, "%", "", "", "share"),
            ("三次产业结构（第三产业）", 42.5, "%", "", "", "share"),
            ("三次产业结构（第一产业）", 17.7, "%", "", "", "share"),
            ("三次产业结构（第二产业）", 33.4, "%", "", "", "share"),
            ("三次产业结构（第三产业）", 48.9, "%", "", "", "share"),
        ],
    ),
    (
        "dev:dingxing-2021",
        "累计办理人大代表建议288件、政协委员提案314件，办结率均达100%",
        [
            ("人大代表建议", 288, "件", "", "", "level"),
            ("政协委员提案", 314, "件", "", "", "level"),
            ("人大代表建议办结率", 100, "%", "", "", "share"),
            ("政协委员提案办结率", 100, "%", "", "", "share"),
        ],
    ),
    (
        "dev:dingxing-2021",
        "城市自来水和燃气普及率、污水集中处理率均达到100%",
        [
            ("城市自来水", 100, "%", "", "", "share"),
            ("燃气普及率", 100, "%", "", "", "share"),
            ("污水集中处理率", 100, "%", "", "", "share"),
        ],
    ),
    (
        "dev:qingyuan-2021",
        "其中5亿元以上项目10个、总投资397.7亿元",
        [("5亿元以上项目", 10, "个", "", "", "level"), ("总投资", 397.7, "亿元", "", "", "level")],
    ),
    (
        "dev:qingyuan-2021",
        "提速建设总投资141亿元的18个省、市重点项目",
        [("省市重点项目总投资", 141, "亿元", "", "", "level"), ("省市重点项目", 18, "个", "", "", "level")],
    ),
    (
        "dev:qingyuan-2021",
        "年内新增特色农产品1-2个",
        [("新增特色农产品", 2, "个", "", "", "level")],
    ),
    (
        "corpus:baoding-counties/bd160-2025-130637.txt",
        "城镇、农村居民人均可支配收入分别增长6%和7%",
        [
            ("城镇居民人均可支配收入", 6, "%", "", "increase", "growth"),
            ("农村居民人均可支配收入", 7, "%", "", "increase", "growth"),
        ],
    ),
    (
        "corpus:national/national-2019.txt",
        "关税总水平由9.8%降至7.5%",
        [("关税总水平", 9.8, "%", "", "", "share"), ("关税总水平", 7.5, "%", "", "", "share")],
    ),
    (
        "corpus:national/national-1985.txt",
        "原煤产量达到七亿七千多万吨，原油达到一亿一千四百多万吨，都比上年增长8%",
        [
            ("原煤产量", 77000, "万吨", "余", "", "level"),
            ("原油", 11400, "万吨", "余", "", "level"),
            ("原油", 8, "%", "", "increase", "growth"),
        ],
    ),
    (
        "corpus:baoding-counties/bd130-2021-130633.txt",
        "县生产总值从2015年的87.55亿元增长到118.32亿元",
        [("地区生产总值", 87.55, "亿元", "", "", "level"), ("地区生产总值", 118.32, "亿元", "", "", "level")],
    ),
    (
        "corpus:baoding-counties/bd133-2024-130633.txt",
        "旅游收入、游客人数再创新高，分别增长16.4%、15.8%",
        [("旅游收入", 16.4, "%", "", "increase", "growth"), ("游客人数", 15.8, "%", "", "increase", "growth")],
    ),
    (
        "corpus:national/national-1957.txt",
        "第一个五年期间铁路共新建8,500公里",
        [("铁路", 8500, "公里", "", "", "level")],
    ),
    (
        "corpus:national/national-1954.txt",
        "這個比重大約是百分之十七",
        [("比重", 17, "%", "", "", "share")],
    ),
    (
        "dev:pingfang-2020",
        "给予30万元到100万元的资金支持",
        [("资金支持", 30, "万元", "", "", "level"), ("资金支持", 100, "万元", "", "", "level")],
    ),
    (
        "corpus:national/national-1979.txt",
        "一九七八年全国建成交付使用的职工住宅面积共达三千七百多万平方米",
        [("职工住宅面积", 3700, "万平方米", "余", "", "level")],
    ),
    # Held-out corpus reports: an indicator ends in a noun, and the unit is the longest one written.
    (
        "corpus:baoding-counties/bd029-2025-130608.txt",
        "加快26个省、市重点项目建设",
        [("省市重点项目", 26, "个", "", "", "level")],
    ),
    (
        "corpus:baoding-counties/bd029-2025-130608.txt",
        "新改建园区路网、电网33公里",
        [("园区路网、电网", 33, "公里", "", "", "level")],
    ),
    (
        "corpus:baoding-counties/bd029-2025-130608.txt",
        "12个增发国债项目和11个专项债券项目进展顺利",
        [("增发国债项目", 12, "个", "", "", "level"), ("专项债券项目", 11, "个", "", "", "level")],
    ),
    (
        "corpus:baoding-counties/bd055-2022-130623.txt",
        "城乡居民基本医保、养老保险参保率分别达到94.9%、99.6%",
        [("城乡居民基本医保参保率", 94.9, "%", "", "", "share"), ("养老保险参保率", 99.6, "%", "", "", "share")],
    ),
    (
        "corpus:national/national-2019.txt",
        "调查失业率稳定在5%左右的较低水平",
        [("调查失业率", 5, "%", "左右", "", "share")],
    ),
    (
        "corpus:national/national-2019.txt",
        "粮食总产量保持在1.3万亿斤以上",
        [("粮食总产量", 1.3, "万亿斤", "以上", "", "level")],
    ),
    (
        "corpus:national/national-2019.txt",
        "现行16%的税率降至13%",
        [("税率", 16, "%", "", "", "share"), ("税率", 13, "%", "", "", "share")],
    ),
    ("corpus:national/national-2019.txt", "近14亿人口的发展中大国", [("人口", 14, "亿", "近", "", "level")]),
    (
        "corpus:baoding-counties/bd055-2022-130623.txt",
        "开展惠民活动100余场次",
        [("惠民活动", 100, "场次", "余", "", "level")],
    ),
    (
        "corpus:baoding-counties/bd055-2022-130623.txt",
        "48家企业与金融机构达成意向签约16.5亿元",
        [("企业", 48, "家", "", "", "level"), ("签约", 16.5, "亿元", "", "", "level")],
    ),
    (
        "corpus:baoding-counties/bd029-2025-130608.txt",
        "“2+1”主导产业产值占规模以上工业总产值的67.8%",
        [("2+1主导产业产值", 67.8, "%", "", "", "share")],
    ),
    (
        "corpus:baoding-counties/bd143-2022-130635.txt",
        "电商年销售额达33亿元，居全市第二",
        [("电商年销售额", 33, "亿元", "", "", "level"), ("电商年销售额", 2, "名", "", "", "rank")],
    ),
    (
        "corpus:baoding-counties/bd143-2022-130635.txt",
        "检查生产经营单位1523家次",
        [("生产经营单位", 1523, "家次", "", "", "level")],
    ),
    (
        "corpus:baoding-counties/bd055-2022-130623.txt",
        "完成全年计划的120.3%",
        [("计划完成率", 120.3, "%", "", "", "share")],
    ),
]

# Sentences whose numbers are no indicator figures: names, size classes, dates, durations.
NO_FIGURES = [
    ("dev:pingfang-2020", "鑫达集团30万吨复合材料项目开工"),
    ("dev:pingfang-2020", "——2020年1月3日在哈尔滨市平房区第十六届人民代表大会"),
    ("dev:pingfang-2020", "仅入驻4个月"),
    ("dev:pingfang-2020", "地铁1号线三期载客运营"),
    # rhetoric and background, not results: a verb or adverb alone, a comparison set, growth of a growth rate
    ("corpus:national/national-2019.txt", "先后4次降低存款准备金率"),
    ("corpus:national/national-2019.txt", "各地可降至16%"),
    ("corpus:baoding-counties/bd029-2025-130608.txt", "全省167个区县中找位次"),
    ("corpus:baoding-counties/bd143-2022-130635.txt", "增速较去年增长了9倍"),
    ("corpus:baoding-counties/bd027-2023-130608.txt", "打造“300米见绿、500米见园”、可漫步、可休闲的“美好街巷”"),
]


def _report_text(source: str) -> str:
    kind, name = source.split(":", 1)
    path = dev_text(name) if kind == "dev" else corpus_file(name)
    return normalise(path.read_text(encoding="utf-8"))  # the text extraction sees: ８％ is 8%


def _flat(text: str) -> str:
    return text.replace("，", ",").replace("：", ":")


@pytest.mark.parametrize(("source", "sentence", "expected"), SENTENCES, ids=[row[1][:12] for row in SENTENCES])
def test_figures_of_real_sentences(source: str, sentence: str, expected: list[tuple]) -> None:
    assert _flat(sentence) in _flat(_report_text(source)), "the table quotes the report"
    found = [
        (
            name,
            figure.value,
            figure.unit,
            reading.qualifier or figure.qualifier,
            reading.direction,
            measure_of(figure, reading),
        )
        for name, figure, reading in read_sentence(sentence)
    ]
    assert len(found) == len(expected), found
    for (name, *facts), (want_name, *want_facts) in zip(found, expected, strict=True):
        assert want_name in name, (name, want_name)
        assert facts == want_facts, name


@pytest.mark.parametrize(("source", "sentence"), NO_FIGURES, ids=[row[1][:12] for row in NO_FIGURES])
def test_numbers_that_are_not_figures(source: str, sentence: str) -> None:
    assert sentence in _report_text(source)
    assert [(name, f.value, f.unit) for name, f, _ in read_sentence(sentence)] == []


@pytest.mark.parametrize(
    ("text", "value"), [("一", 1), ("十二", 12), ("百", 100), ("三千七百", 3700), ("两千", 2000), ("二三", None)]
)
def test_chinese_numerals(text: str, value: float | None) -> None:
    assert chinese_value(text) == value


@pytest.mark.parametrize(
    ("unit", "base", "multiplier"),
    [("亿元", "元", 1e8), ("万户", "户", 1e4), ("万平米", "平方米", 1e4), ("%", "%", None), ("公里", "公里", None)],
)
def test_units_are_normalised(unit: str, base: str, multiplier: float | None) -> None:
    info = unit_parts(unit)
    assert (info.base, info.multiplier) == (base, multiplier)


@pytest.mark.parametrize(("year", "name"), [(2015, "十二五"), (2016, "十三五"), (2020, "十三五"), (2021, "十四五")])
def test_five_year_plans(year: int, name: str) -> None:
    assert plan_name(year) == name


@pytest.fixture(scope="module")
def pingfang() -> Document:
    return process(PINGFANG)


def _find(doc: Document, indicator: str, value: float):
    hits = [o for o in doc.observations if indicator in o.indicator and o.value == value]
    assert hits, f"no observation {indicator} {value}"
    return hits[0]


@pytest.mark.parametrize(
    ("indicator", "value", "status", "period"),
    [
        ("地区生产总值", 7, "expected", "2019"),  # 预计…, in the review of 2019
        ("一般公共预算收入", 18.1, "actual", "2019"),
        ("工业增加值", 26.3, "actual", "1-11月"),
        ("城镇登记失业率", 2.8, "target", "2020"),  # this year's plan
        ("产值", 10, "target", "2019"),  # 未来三年产值将突破10亿元, said in the review
    ],
)
def test_status_and_period_follow_the_report_part(
    pingfang: Document, indicator: str, value: float, status: str, period: str
) -> None:
    observation = _find(pingfang, indicator, value)
    assert (observation.status, observation.period) == (status, period)


def test_five_year_plan_targets_and_review() -> None:
    doc = process(dev_text("dingxing-2021"))
    planned = _find(doc, "地区生产总值", 270)  # 县域生产总值突破270亿元, in the 十四五 part
    assert (planned.status, planned.period, planned.qualifier) == ("target", "十四五", "超过")
    review = _find(doc, "地区生产总值", 167.2)  # 预计2020年县域生产总值达到167.2亿元
    assert (review.status, review.period) == ("expected", "2020")


def test_indicator_names_are_shared_across_wordings(pingfang: Document) -> None:
    names = {o.indicator for o in pingfang.observations}
    assert "规模以上工业增加值" in names and "规上工业增加值" not in names


def test_every_observation_quotes_its_sentence(pingfang: Document) -> None:
    for observation in pingfang.observations:
        sentence = pingfang.sentences[observation.sentence]
        assert sentence.span.start <= observation.span.start < observation.span.end <= sentence.span.end


def test_observations_pass_the_shapes() -> None:
    doc = process(dev_text("dingxing-2021"))
    assert validate_quads(build_quads(doc)).conforms


def test_shapes_reject_an_unknown_status(pingfang: Document) -> None:
    pingfang.observations[0].status = "hoped"
    try:
        report = validate_quads(build_quads(pingfang))
    finally:
        pingfang.observations[0].status = "expected"
    assert not report.conforms


def test_observation_quads_are_typed(pingfang: Document) -> None:
    quads = build_quads(pingfang)
    values = [q for q in quads if q.predicate.value.endswith("#value")]
    assert values and all(q.object.datatype.value.endswith("#decimal") for q in values)


def test_a_running_total_keeps_the_reports_period(pingfang: Document) -> None:
    # 累计发放不动产权证超过2.7万户, in the review of 2019: a total to date, flagged, dated by the review
    observation = _find(pingfang, "不动产权证", 2.7)
    assert (observation.period, observation.extra) == ("2019", {"cumulative": "累计"})
