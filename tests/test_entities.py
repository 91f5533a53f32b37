"""Entity extraction and alias resolution on real sentences of dev and corpus reports.

Every sentence below is checked to occur in the report it is quoted from, so the
table cannot drift into made-up text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.entities import sentence_candidates
from kg.model import Document
from kg.pipeline import process
from kg.resolve.aliases import abbreviation_target, identity
from tests.conftest import corpus_file, dev_text

# (source, level, sentence, names that must be found as (type, text), names that must not be found)
CASES = [
    (
        "dev:pingfang-2020",
        "区",
        "进一步支持哈工大、哈工程、哈理工三所大学科技园发展,做大做强高等院校和科研院所科技成果转化和产业化基地。",
        [("Institution", "哈工大"), ("Institution", "哈工程"), ("Institution", "哈理工")],
        ["进一步支持哈工大"],
    ),
    (
        "dev:pingfang-2020",
        "区",
        "省交通投资集团、农业投资集团、旅游投资集团落户我区,仅入驻4个月就创税5000余万元。",
        [("Enterprise", "省交通投资集团"), ("Enterprise", "农业投资集团"), ("Enterprise", "旅游投资集团")],
        [],
    ),
    (
        "dev:pingfang-2020",
        "区",
        "过去一年,面对深刻变化的形势和经济下行的压力,我们在市委、市政府和区委的坚强领导下,"
        "坚持以习近平新时代中国特色社会主义思想为指导",
        [("GovernmentBody", "市委"), ("GovernmentBody", "市政府"), ("GovernmentBody", "区委"), ("Person", "习近平")],
        [],
    ),
    (
        "dev:pingfang-2020",
        "区",
        "持续推进政务服务“容缺受理”“并联审批”和“一网一门一次”改革,户政、社保等高频事项实现24小时自助办理。",
        [("Policy", "“容缺受理”"), ("Policy", "“并联审批”"), ("Policy", "“一网一门一次”改革")],
        [],
    ),
    (
        "dev:pingfang-2020",
        "区",
        "组队参加第七届中俄博览会和第二届国际进口博览会,与中国机械工业联合会及中国机经网等开展产业合作招商,"
        "全年实现签约额453亿元。",
        [
            ("Event", "第七届中俄博览会"),
            ("Event", "第二届国际进口博览会"),
            ("Institution", "中国机械工业联合会"),
        ],
        ["组队参加第七届中俄博览会"],
    ),
    (
        "dev:qingyuan-2021",
        "区",
        "投资3.69亿元完成了旅游路改造提升、南王庄现代农业园区路、魏村至大魏庄路、何蠡线等一批乡村干线建设，"
        "新（改、扩）建农村道路293公里，旅游路被评为“河北省美丽农村精品示范路”。",
        [("Project", "魏村至大魏庄路"), ("Project", "何蠡线")],
        ["“河北省美丽农村精品示范路”", "干线"],  # an honour the road won, not a programme; 干线 is no route
    ),
    (
        "dev:qingyuan-2021",
        "区",
        "积极稳妥推进东闾乡改镇工作，重点培育高品位特色小镇1-2个，全力打造宜居宜业新农村。",
        [("Place", "东闾乡")],
        ["新农村"],
    ),
    (
        "dev:dingxing-2021",
        "县",
        "推动县城核心区、外围组团和镇村协调发展，基本建成金台经济开发区北区，推动滨河新城建设，"
        "建设一批特色小镇，打造城乡统筹融合示范区。",
        [("Park", "金台经济开发区北区")],  # the zone's 北区 is named, not the whole zone
        ["镇村", "特色小镇"],
    ),
    (
        "dev:dingxing-2021",
        "县",
        "加强种质资源保护和利用，加快种苗小镇建设，积极承办2021年北京第29届种苗大会。",
        [("Event", "北京第29届种苗大会")],
        [],
    ),
    (
        "dev:dingxing-2021",
        "县",
        "（2021年2月5日在定兴县第十五届人民代表大会第五次会议上）",
        [("GovernmentBody", "定兴县第十五届人民代表大会"), ("Event", "定兴县第十五届人民代表大会第五次会议")],
        ["在定兴县第十五届人民代表大会"],
    ),
    (
        "dev:pingfang-2020",
        "区",
        "培育“四有好老师”40人,23名教师获国家级赛课奖项,王晓丹名师工作室晋升为哈尔滨市名师工作室,王晓丹老师荣获全国优秀教师",
        [("Person", "王晓丹"), ("Institution", "王晓丹名师工作室")],
        [],
    ),
    (
        "corpus:baoding-counties/bd143-2022-130635.txt",
        "县",
        "英利智慧光伏产业园、共前智能环保科技签约落户，讯飞幻境北方制造中心落地建设。",
        [("Park", "英利智慧光伏产业园")],
        [],
    ),
    (
        "corpus:baoding-counties/bd149-2023-130636.txt",
        "县",
        "科创孵化器、标准化厂房6月底启动运营，总投资1.94亿元的开发区三期基础设施项目开工建设，"
        "完善“双九通一平”[11]，打造企业落户“优选地”。",
        [("Park", "科创孵化器"), ("Project", "开发区三期基础设施项目")],
        ["“优选地”"],  # a slogan the county wants to become, not a programme
    ),
    (
        "corpus:baoding-counties/bd029-2025-130608.txt",
        "区",
        "选派区直公立医院优秀医生到乡镇卫生院帮教，有效缓解群众看病远、看病难、看病贵问题。",
        [],
        ["选派区直公立医院", "区直公立医院", "公立医院"],  # a verb, then a kind of hospital
    ),
    (
        "corpus:baoding-counties/bd029-2025-130608.txt",
        "区",
        "严格落实“五职招商”要求，开展“短期高频”上门招商、“产业+基金+项目”招商、轻资产招商，撬动更多资源要素和优质增量项目集聚。",
        [("Policy", "“五职招商”")],
        ["“短期高频”"],  # how the visits are made, not a programme
    ),
    (
        "corpus:baoding-counties/bd055-2022-130623.txt",
        "县",
        "卫生院、卫生室全部完成标准化建设，创建省级卫生乡镇2个、卫生村15个；",
        [],
        ["卫生村", "省级卫生乡镇"],
    ),
    (
        "corpus:national/national-2019.txt",
        "",
        "深化增值税改革，将制造业等行业现行16%的税率降至13%，将交通运输业、建筑业等行业现行10%的税率降至9%，确保主要行业税负明显降低；",
        [("Industry", "交通运输业"), ("Industry", "建筑业")],
        ["将交通运输业"],
    ),
    (
        "corpus:national/national-2019.txt",
        "",
        "推动服务贸易创新发展，引导加工贸易转型升级、向中西部转移，发挥好综合保税区作用。",
        [],
        ["好综合保税区", "综合保税区"],  # 发挥好: the complement of a verb; a kind of zone, no name
    ),
    (
        "corpus:national/national-2019.txt",
        "",
        "引导一批普通本科高校转为应用型大学。",
        [],
        ["普通本科高校转为应用型大学", "应用型大学"],
    ),
    (
        "corpus:baoding-counties/bd143-2022-130635.txt",
        "县",
        "今年新年伊始，闫继红市长专程出席英利智慧光伏产业园启动仪式并实地调研园区企业，对蠡县给予了充分肯定。",
        [("Park", "英利智慧光伏产业园")],
        ["闫继红市长专程出席英利智慧光伏产业园"],
    ),
    (
        "corpus:baoding-counties/bd055-2022-130623.txt",
        "县",
        "完善产业链条，以山南、紫石口为重点，加快红色主题广场、爱国主义教育基地建设；",
        [],
        ["山南"],  # two of the county's villages; Tibet's 山南市 needs a list of places to be meant
    ),
    # Roads between two named points: a numbered road opens the name, the works on it close it,
    # and the verb, count or enumerator in front stays outside.
    (
        "dev:dingxing-2021",
        "县",
        "完成107国道北河大桥北侧至县标段绿化景观提升工程，谋划实施国道大街美化亮化工程。",
        [("Project", "107国道北河大桥北侧至县标段绿化景观提升工程")],
        ["国道北河大桥北侧至县标段"],
    ),
    (
        "dev:dingxing-2021",
        "县",
        "谋划实施辛杨路新线和容固路改建工程，推进荣乌高速新线北田互通至南环连接线工程，打通定兴高碑店快速连接线，",
        [("Project", "荣乌高速新线北田互通至南环连接线工程")],
        ["推进荣乌高速新线北田互通至南环连接线工程", "高速新线北田互通至南环连接线"],
    ),
    (
        "corpus:baoding-counties/bd160-2025-130637.txt",
        "县",
        "⑤完成7.6公里博望路县城至许村段公路大修养护项目，潴龙河大桥重建项目主体完工，畅通对外路网链接",
        [("Project", "博望路县城至许村段公路大修养护项目")],
        ["6公里博望路县城至许村段公路大修养护项目", "公里博望路县城至许村段", "许村段公路大修养护项目"],
    ),
    (
        "corpus:baoding-counties/bd111-2020-130630.txt",
        "县",
        "三是广泉大街至新一中路(学府路)建成通车",
        [("Project", "广泉大街至新一中路")],
        ["三是广泉大街至新一中路"],
    ),
    (
        "corpus:baoding-counties/bd067-2022-130624.txt",
        "县",
        "启动G337南栗元铺至龙泉关改线、S248阜平县城改线、保阜高速王林口互通及连接线建设，",
        [("Project", "G337南栗元铺至龙泉关改线")],
        ["南栗元铺至龙泉关改线"],
    ),
    (
        "corpus:baoding-counties/bd084-2020-130627.txt",
        "县",
        "完成唐县第一中学至保阜路道路建设，积极推进良行线绕城段建设，谋划实施北外环、唐尧路东延等路网建设",
        [("Project", "唐县第一中学至保阜路")],
        ["完成唐县第一中学至保阜路"],
    ),
    # Company short names in a 、-list: a noun-like trade jieba does not list counts when another item has a
    # known trade or the list is introduced as exemplars (以…为代表); a figure in front makes it a product.
    (
        "dev:dingxing-2021",
        "县",
        "大力破解项目建设“堵点”，完成中亦食品二期、华智家纺等项目土地征迁，推动通达泵阀、东田汽车、创科冶金等项目早落地、早开工",
        [("Enterprise", "通达泵阀"), ("Enterprise", "东田汽车"), ("Enterprise", "创科冶金")],
        [],
    ),
    (
        "dev:dingxing-2021",
        "县",
        "累计实施68个省市重点项目，以通美晶体、中科锂电、百度云计算为代表的新材料、新能源、大数据等战略新兴产业从无到有、加速崛起",
        [("Enterprise", "通美晶体"), ("Enterprise", "中科锂电")],
        [],
    ),
    (
        "corpus:baoding-counties/bd004-2022-130607.txt",
        "县",
        "华北民生保障中心、英利6.5GW光伏电池等一批大项目、好项目落户满城，累计引入项目29个、总投资达171亿元",
        [],
        ["光伏电池"],
    ),
    (
        "corpus:baoding-counties/bd159-2024-130637.txt",
        "县",
        "雄泰新能源、睿安天地、万昌广告等重点项目全面投产",
        [],
        ["泰新能源"],
    ),
    # Streets named by a prefix and a fused ordinal (哈 + 五路/m, 纬 + 十七路/m); a verb is no prefix.
    (
        "dev:pingfang-2020",
        "区",
        "重点推进京哈高速与哈南第十六大道连接线项目建设,谋划推动哈南第二大道跨哈五路和拉滨铁路立交桥项目,推动哈南九路等市政道路工程建设",
        [("Place", "哈五路"), ("Place", "哈南九路")],
        [],
    ),
    (
        "corpus:baoding-counties/bd113-2022-130630.txt",
        "县",
        "开发区主干路南区段、经十二路、纬三路、纬十七路实现通车",
        [("Place", "经十二路"), ("Place", "纬十七路")],
        [],
    ),
    (
        "corpus:baoding-counties/bd086-2022-130627.txt",
        "县",
        "力争九路泊车、奥博生物进入省证监局辅导备案",
        [],
        ["力争九路"],
    ),
    # Rivers, lakes and mountains jieba knows as places, with a direction it cut off (南 + 拒马河).
    (
        "dev:dingxing-2021",
        "县",
        "南拒马河防洪治理工程堤防主体完工",
        [("Place", "南拒马河"), ("Project", "南拒马河防洪治理工程")],
        ["拒马河"],
    ),
    (
        "dev:dingxing-2021",
        "县",
        "大力开展白洋淀上游流域综合治理",
        [("Place", "白洋淀")],
        [],
    ),
    (
        "corpus:national/national-2009.txt",
        "",
        "果断处置唐家山堰塞湖",
        [],
        ["堰塞湖"],
    ),
    (
        "corpus:national/national-2019.txt",
        "",
        "鼓励采取市场化方式，妥善解决融资平台到期债务问题，不能搞“半拉子”工程。",
        [],
        ["“半拉子”工程"],  # a thing to avoid, not a programme
    ),
    # A list sharing one programme word: the last item alone is no policy's name.
    (
        "dev:dingxing-2021",
        "县",
        "持续开展市容市貌、交通秩序、违法建设专项整治，提升城市精细化管理水平。",
        [],
        ["违法建设专项整治"],
    ),
    (
        "corpus:baoding-counties/bd146-2020-130636.txt",
        "县",
        "持续跟进落实药品集中采购和使用试点工作，推进医疗门诊统筹，落实高血压、糖尿病门诊报销政策，积极推进医疗联合体建设。",
        [],
        ["糖尿病门诊报销政策"],
    ),
    (
        "corpus:baoding-counties/bd102-2020-130629.txt",
        "县",
        "全力打好蓝天、碧水、净土保卫战，生态环境质量持续好转。",
        [],
        ["净土保卫战"],
    ),
    (  # items that end in their own 发展/建设 are names in their own right
        "corpus:national/national-2021.txt",
        "",
        "扎实推动京津冀协同发展、长江经济带发展、粤港澳大湾区建设、长三角一体化发展、黄河流域生态保护和高质量发展，"
        "高标准、高质量建设雄安新区。",
        [("Policy", "京津冀协同发展"), ("Policy", "长江经济带发展"), ("Policy", "粤港澳大湾区建设")],
        [],
    ),
    # A place named before a middle dot is part of the park's name (jieba tags 保定 a verb).
    (
        "dev:qingyuan-2021",
        "区",
        "精准对接保定·少海汇智能家居产业园、中国钢研·保定先进合金材料绿色化产业基地和特乐意华北建筑产业链交易中心等项目，"
        "强化“舍得”理念，积极跑办，力争尽快签约落地。",
        [("Park", "保定·少海汇智能家居产业园")],
        ["·少海汇智能家居产业园"],
    ),
    (
        "corpus:baoding-counties/bd030-2010-130609.txt",
        "县",
        "全力抓好“两大园区”（县城工业园区、保定·中国电谷产业园区）",
        [("Park", "保定·中国电谷产业园区")],
        [],
    ),
    # 片区 is a part of town unless the name says it is a zone of some kind.
    (
        "corpus:baoding-counties/bd070-2020-130626.txt",
        "县",
        "始终把棚户区改造作为提升群众幸福感和获得感的重要抓手，实施老城四街、繁兴街北延和南关片区拆迁扫尾，加快三大片区回迁楼建设。",
        [("Place", "南关片区")],
        [],
    ),
    (
        "dev:pingfang-2020",
        "区",
        "2019年11月25日,哈尔滨新区管委会正式授权新区平房经济技术片区在行使省级管理事权时,"
        "可使用“哈尔滨新区平房经济技术片区行政审批专用章”。",
        [("Park", "新区平房经济技术片区")],
        [],
    ),
    # A compass or lettered part of a park (北区, A区) is a park of its own.
    (
        "corpus:baoding-counties/bd053-2020-130623.txt",
        "县",
        "园区功能不断拓展，涞水经济开发区北区总体规划修编与全县国土空间规划编制同步进行，",
        [("Park", "涞水经济开发区北区")],
        [],
    ),
    # 规划建设 is "plan and build": the thing before it is a site, not a plan.
    (
        "corpus:national/national-2019.txt",
        "",
        "完成铁路投资8000亿元、公路水运投资1.8万亿元，再开工一批重大水利工程，加快川藏铁路规划建设，"
        "加大城际交通、物流、市政、灾害防治、民用和通用航空等基础设施投资力度，加强新一代信息基础设施建设。",
        [],
        ["川藏铁路规划"],
    ),
]


def _source(reference: str) -> Path:
    kind, name = reference.split(":", 1)
    return dev_text(name) if kind == "dev" else corpus_file(name)


@pytest.mark.parametrize(("reference", "level", "sentence", "wanted", "unwanted"), CASES)
def test_sentence_entities(
    reference: str, level: str, sentence: str, wanted: list[tuple[str, str]], unwanted: list[str]
) -> None:
    text = _source(reference).read_text(encoding="utf-8")
    assert sentence in text, "the table must quote the report exactly"
    found = {(c.type, sentence[c.start : c.end]) for c in sentence_candidates(sentence, level)}
    assert set(wanted) <= found, sorted(found)
    assert not {name for _, name in found} & set(unwanted), sorted(found)


@pytest.fixture(scope="module")
def pingfang() -> Document:
    return process(dev_text("pingfang-2020"))


def _entity_with(doc: Document, type_name: str, alias: str):
    matches = [e for e in doc.entities if e.type == type_name and alias in e.aliases]
    assert len(matches) == 1, (alias, [(e.label, sorted(e.aliases)) for e in matches])
    return matches[0]


@pytest.mark.parametrize(
    ("type_name", "short", "full"),
    [
        ("GovernmentBody", "区政府", "平房区人民政府"),
        ("GovernmentBody", "区人民政府", "平房区人民政府"),
        ("Park", "哈经开区", "哈尔滨经开区"),
        ("Enterprise", "哈飞", "中航哈飞"),
        ("Place", "哈尔滨", "哈尔滨市"),
        ("Institution", "哈工大", "哈尔滨工业大学"),
    ],
)
def test_short_and_full_names_are_one_node(pingfang: Document, type_name: str, short: str, full: str) -> None:
    entity = _entity_with(pingfang, type_name, short)
    assert full in entity.aliases | {entity.label}


def test_level_organs_are_scoped_to_the_report_place(pingfang: Document) -> None:
    district_committee = _entity_with(pingfang, "GovernmentBody", "区委")
    assert district_committee.scope == pingfang.meta.place
    assert _entity_with(pingfang, "GovernmentBody", "民航局").scope == ""


def test_two_bodies_one_piece_apart_stay_apart(pingfang: Document) -> None:
    # 哈尔滨新区管委会 is not short for 哈尔滨新区平房经济技术片区管委会: the report thanks both
    zone_committee = _entity_with(pingfang, "GovernmentBody", "哈尔滨新区平房经济技术片区管委会")
    assert "哈尔滨新区管委会" not in zone_committee.aliases


def test_a_congress_and_its_short_names_are_one_organ(pingfang: Document) -> None:
    congress = _entity_with(pingfang, "GovernmentBody", "区人大")
    assert congress.label == "哈尔滨市平房区第十六届人民代表大会"


def test_homonyms_of_different_types_stay_apart(pingfang: Document) -> None:
    # 哈尔滨新区 is a Park; the committee that runs it is a GovernmentBody
    park = _entity_with(pingfang, "Park", "哈尔滨新区")
    assert park.type == "Park"
    assert all(e.type == "GovernmentBody" for e in pingfang.entities if "管委会" in e.label)


@pytest.mark.parametrize(
    ("type_name", "name", "place", "expected"),
    [
        ("GovernmentBody", "定兴县人民政府", "定兴县", "县政府"),
        ("GovernmentBody", "县政府", "定兴县", "县政府"),
        ("Place", "保定市", "", "保定"),
        ("Place", "哈尔滨市平房区", "哈尔滨市平房区", "平房"),
        ("Industry", "汽车产业", "", "汽车"),
        ("Park", "云计算产业园区", "", "云计算产业园"),
        ("Park", "园区", "", "园区"),  # a head alone stays as it is
    ],
)
def test_identity_forgets_wording(type_name: str, name: str, place: str, expected: str) -> None:
    assert identity(type_name, name, place) == expected


@pytest.mark.parametrize(
    ("short", "names", "type_name", "expected"),
    [
        ("哈经开区", ["哈经开区", "哈尔滨经济技术开发区"], "Park", "哈尔滨经济技术开发区"),
        ("东安", ["东安", "航发东安", "东安汽车动力股份有限公司"], "Enterprise", "航发东安"),
        ("新区", ["新区", "哈尔滨新区", "雄安新区"], "Park", None),  # could be either: left alone
        ("十四五", ["十四五", "十四五规划", "十四五交通规划"], "Policy", None),
        ("金台开发区", ["金台开发区", "金台经济开发区"], "Park", "金台经济开发区"),  # the zone's kind left out
        ("金台开发区", ["金台开发区", "徐水经济开发区"], "Park", None),
        ("金台开发区", ["金台开发区", "金台经济开发区", "金台经济开发区北区"], "Park", "金台经济开发区"),
    ],
)
def test_abbreviation_needs_one_target(short: str, names: list[str], type_name: str, expected: str | None) -> None:
    assert abbreviation_target(short, names, type_name) == expected
