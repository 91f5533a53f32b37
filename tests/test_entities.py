"""Entity extraction and alias resolution on real sentences of dev and corpus reports.

Every sentence below is checked to occur in the report it is quoted from, so the
table cannot drift into made-up text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.entities import sentence_candidates
from kg.ingest import read_report
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
    # jieba's interjection tag (哈哈/o) marks a name it did not know, not the end of one.
    (
        "corpus:baoding-counties/bd025-2021-130608.txt",
        "区",
        "开展哈哈腔守护行动，新编大型哈哈腔现代戏《冉庄英雄妹》成功首演，哈哈腔剧团被中宣部评为“全国基层文艺院团先进集体”。",
        [("Institution", "哈哈腔剧团"), ("Policy", "哈哈腔守护行动")],
        ["腔剧团", "腔守护行动"],
    ),
    (
        "corpus:baoding-counties/bd017-2013-130608.txt",
        "区",
        "新建乡镇文化站8个、新农村书屋150个，完成29个村体育健身器材安装，县哈哈腔剧团下乡演出247场次，并代表保定市参加了河北省第九届戏剧节，获得多个奖项。",
        [],
        ["腔剧团"],
    ),
    # Works on a named river, road or village name a project without 工程 or 项目.
    (
        "corpus:baoding-counties/bd005-2023-130607.txt",
        "区",
        "中山路改造提升、寰球国际酒店、综合体育馆、文旅中心等项目加快推进，城市新地标逐步显现。",
        [("Project", "中山路改造提升")],
        [],
    ),
    (
        "corpus:baoding-counties/bd026-2022-130608.txt",
        "区",
        "温仁小村新村建设和村民返迁按时完成，东石桥村防洪整治工作取得阶段性成效。",
        [("Project", "东石桥村防洪整治")],
        [],
    ),
    (
        "corpus:baoding-counties/bd027-2023-130608.txt",
        "区",
        "完成魏村路路域环境整治，新建“四好农村路”不少于20公里。",
        [("Project", "魏村路路域环境整治")],
        [],
    ),
    (
        "corpus:baoding-counties/bd029-2025-130608.txt",
        "区",
        "全面落实“河长制”，推动唐河、府河、漕河治理，做好金线河综合治理，打造水清岸绿的穿城水系。",
        [("Place", "漕河")],
        [],
    ),
    # 改革 in front of a system is the verb; a bare verb's object (实施方案, 纳入计划) or a head describing
    # a place (试点村) names no policy.
    (
        "corpus:national/national-2006.txt",
        "",
        "改革公务员工资制度，在清理规范津贴补贴的基础上，建立国家统一的职务与级别相结合的工资制度和工资正常增长机制，完善艰苦边远地区津贴制度。",
        [("Policy", "公务员工资制度")],
        ["改革公务员工资制度"],
    ),
    (
        "corpus:national/national-2018.txt",
        "",
        "推进农村承包地“三权”分置改革、确权面积超过80%，改革重要农产品收储制度。",
        [("Policy", "重要农产品收储制度")],
        ["改革重要农产品收储制度"],
    ),
    (
        "corpus:baoding-counties/bd149-2023-130636.txt",
        "县",
        "锚定“7N”中国式现代化顺平场景，逐一制定实施方案，明确具体路径和项目支撑，确保可操作、能落地、如期实现。",
        [],
        ["实施方案"],
    ),
    (
        "corpus:national/national-1981.txt",
        "",
        "把这部分资金同国家预算内的资金结合起来，统筹安排，纳入计划，合理使用，可以发挥很大的作用。",
        [],
        ["纳入计划"],
    ),
    (
        "corpus:baoding-counties/bd012-2008-130608.txt",
        "区",
        "在城乡积极推广太阳能综合应用，增加太阳能利用试点村数量，为群众创造更加舒适清洁的生活环境。",
        [],
        ["太阳能利用试点"],
    ),
    # Items of a list of projects with no head of their own are the companies behind them, or the facility
    # itself; 的 never opens a name.
    (
        "corpus:baoding-counties/bd026-2022-130608.txt",
        "区",
        "对腾航航空、神力索具等前期项目，抓紧完善手续，尽快落地开工，确保打响项目建设“当头炮”。",
        [("Enterprise", "腾航航空")],
        [],
    ),
    (
        "corpus:baoding-counties/bd128-2019-130633.txt",
        "县",
        "生物质热电联产、良岗风电场等重点项目顺利推进。",
        [("Project", "良岗风电场")],
        [],
    ),
    (
        "corpus:baoding-counties/bd003-2021-130607.txt",
        "区",
        "在2月5日召开的保定市满城区第二届人民代表大会第五次会议第一次全体会议上，区长程杰代表区人民政府向大会作政府工作报告。",
        [("GovernmentBody", "保定市满城区第二届人民代表大会"), ("Event", "保定市满城区第二届人民代表大会第五次会议")],
        ["的保定市满城区第二届人民代表大会", "的保定市满城区第二届人民代表大会第五次会议"],
    ),
    (
        "corpus:baoding-counties/bd112-2021-130630.txt",
        "县",
        "办成了多年想办而没有办成的事，主动回应人民期盼和社会关切，在财政异常困难的情况下，毅然决然启动了惠及千家万户、造福子孙后代的涞源新一中建设，并列为县长一号工程，经过700多天的日夜奋战，“建最好的一中，让孩子们接受最好的教育，考出最好的成绩”变成现实。",
        [],
        ["最好的一中"],
    ),
    # Industries: a known sector before 领域; lists before 服务业; an item of nouns kept whole (乡村旅游).
    (
        "corpus:national/national-2013.txt",
        "",
        "金融领域存在潜在风险；",
        [("Industry", "金融")],
        [],
    ),
    (
        "corpus:national/national-2008.txt",
        "",
        "旅游、金融、物流等现代服务业蓬勃发展。",
        [("Industry", "旅游"), ("Industry", "金融"), ("Industry", "物流")],
        [],
    ),
    (
        "corpus:baoding-counties/bd055-2022-130623.txt",
        "县",
        "调整产业结构，以乡村旅游、麻核桃、花卉三大主导产业为重点，大力发展设施农业、高效农业、绿色农业、品牌农业；",
        [("Industry", "乡村旅游")],
        ["旅游"],
    ),
    (
        "corpus:baoding-counties/bd029-2025-130608.txt",
        "区",
        "围绕主导产业强链延链补链，积极承接京津雄装备制造、新材料、电子信息、商贸物流等产业转移，加速融入京津冀“五群六链五廊”产业图谱。",
        [("Industry", "商贸物流")],
        ["物流"],
    ),
    # Project lists may say more before 项目; firms' names of one-character pieces; grades and subsidiaries
    # (三级医院, 三级子公司, 院士工作站) are kinds, not names.
    (
        "corpus:baoding-counties/bd017-2013-130608.txt",
        "区",
        "宇雕起重设备、通达医药等总投资34亿元的15个项目具备开工条件。",
        [("Enterprise", "通达医药")],
        [],
    ),
    (
        "corpus:baoding-counties/bd026-2022-130608.txt",
        "区",
        "以轻型起重机械园区为载体，以宇雕起重、神力索具等企业为引领，走集约化、智能化、高端化发展之路，打造全国知名的轻型起重机械设备出口基地。",
        [("Enterprise", "宇雕起重")],
        [],
    ),
    (
        "corpus:baoding-counties/bd028-2024-130608.txt",
        "区",
        "积极承接央企二三级子公司和创新业务板块，中国华电和中铁二局三级子公司落户清苑，高质量发展迈出新步伐。",
        [],
        ["三级子公司"],
    ),
    (
        "corpus:baoding-counties/bd004-2022-130607.txt",
        "区",
        "支持保定第七医院创建三级医院。",
        [],
        ["三级医院"],
    ),
    (
        "corpus:baoding-counties/bd039-2019-130609.txt",
        "区",
        "全年新增高新技术企业7家、院士工作站1家、省级重点实验室1家，科技型中小企业81家。",
        [],
        ["院士工作站"],
    ),
    # Companies behind projects: a list right before 项目, the phase of a plant (浩飞食品二期); a road
    # between two places (大岸底至马兰) is no company.
    (
        "corpus:baoding-counties/bd157-2021-130637.txt",
        "县",
        "智博二期、雄泰再生资源、大成汽车零部件研发项目进场开工；",
        [("Enterprise", "雄泰再生资源")],
        [],
    ),
    (
        "corpus:baoding-counties/bd134-2025-130633.txt",
        "县",
        "加快推进首衡商贸综合体、易水湾酒店项目建设。",
        [("Project", "易水湾酒店")],
        [],
    ),
    (
        "corpus:baoding-counties/bd084-2020-130627.txt",
        "县",
        "浩飞食品二期、民辉电气等一批项目建成投产。",
        [("Enterprise", "浩飞食品")],
        [],
    ),
    (
        "corpus:baoding-counties/bd157-2021-130637.txt",
        "县",
        "与中租模架、睿安天地、天贝塑料等项目成功签约；",
        [("Enterprise", "中租模架"), ("Enterprise", "睿安天地"), ("Enterprise", "天贝塑料")],
        [],
    ),
    (
        "corpus:baoding-counties/bd058-2013-130624.txt",
        "县",
        "道路交通，新建通自然村公路60公里，计划年内完成河龙公路至辽道背、大岸底至马兰等农村公路建设项目。",
        [],
        ["大岸底至马兰"],
    ),
    # A group's short name opening a subsidiary's (一汽东机工) is no mention of the group.
    (
        "corpus:baoding-counties/bd038-2018-130609.txt",
        "区",
        "加快优势产业发展，大力扶持汽车及零部件、吊装装备、环保涂料、储能蓄能四大主导产业，充分发挥长城汽车产业园区的引领带动作用，加大国际零部件产业园的铝合金一期、迪安汽车、一汽东机工、科世达等项目的协调力度，尽快建成投产。",
        [("Enterprise", "一汽东机工")],
        ["一汽"],
    ),
    (
        "corpus:baoding-counties/bd053-2020-130623.txt",
        "县",
        "继续跟进航天三院通用机场、京东物流基地、三一重工绿色建筑、中国原子能研究院装备制造、河南天成致远装配式建筑、中车隆轩橡塑等在谈项目，力争尽早签约。",
        [("Enterprise", "中车隆轩橡塑")],
        ["中车"],
    ),
    # 枢纽 names projects; a lone 'figure' character inside a name (良丰晓月); a place and a rank is no project.
    (
        "corpus:baoding-counties/bd133-2024-130633.txt",
        "县",
        "确保丙海水利枢纽、安宁河干流防洪工程、西环路年内全面完工，安宁河一桥国庆前建成通车；",
        [("Project", "丙海水利枢纽")],
        [],
    ),
    (
        "corpus:national/national-1993.txt",
        "",
        "搞好淮河、太湖等大江大河大湖的综合治理，抓紧黄河小浪底水利枢纽和南水北调工程建设。",
        [("Project", "黄河小浪底水利枢纽")],
        [],
    ),
    (
        "corpus:baoding-counties/bd071-2021-130626.txt",
        "县",
        "抓好定兴国际种业产业化枢纽、台湾花卉产业园、良丰晓月生态循环农业示范园等项目建设，打造现代农业新高地。",
        [("Park", "良丰晓月生态循环农业示范园")],
        [],
    ),
    (
        "corpus:baoding-counties/bd027-2023-130608.txt",
        "区",
        "保障保定市重大项目建设，雄忻高铁征地工作基本完成，北三环东延完成征地，南三环、西三环南延、保定冠军之城国际射击基地正在办理前期手续。",
        [],
        ["保定市重大项目"],
    ),
    # Lists of housing estates name places; the sentence's verb before a list's first item is dropped.
    (
        "corpus:baoding-counties/bd070-2020-130626.txt",
        "县",
        "完成教委小区、长安小区、财政局家属院三个老旧小区改造任务。",
        [("Place", "教委小区"), ("Place", "财政局家属院")],
        [],
    ),
    (
        "corpus:baoding-counties/bd137-2022-130634.txt",
        "县",
        "加快推进大南关村、小南关村、夏赵邱村等棚改项目，完成工商局小区、富城小区等10个老旧小区改造，改善群众居住环境。",
        [("Place", "工商局小区")],
        [],
    ),
    (
        "corpus:baoding-counties/bd085-2021-130627.txt",
        "县",
        "鼓励发展研发设计、健康养老等现代服务业。",
        [("Industry", "研发设计")],
        ["发展研发设计"],
    ),
    # 大厦 names a building project, but 高楼大厦 is a figure of speech.
    (
        "corpus:baoding-counties/bd072-2022-130626.txt",
        "县",
        "重点推进京雄农谷智慧中心项目，建设库容5.2万吨的粮食储备库、4750平米的玉米研究所、5000平米的MAP综合服务中心、1.46万平米的科创大厦，打造集科创研发、教学体验、示范引领、智能服务于一体的科技农业新高地。",
        [("Project", "科创大厦")],
        [],
    ),
    (
        "corpus:national/national-1955.txt",
        "",
        "脱离我国现在社会的生活水平，在许多地方不适当地建造起许多高楼大厦，",
        [],
        ["许多地方不适当地建造起许多高楼大厦", "高楼大厦"],
    ),
    # Plenums of an elided list are events (their full names are checked below); a quoted plan period
    # (“十四五”时期) is a period, not a policy.
    (
        "corpus:baoding-counties/bd035-2015-130609.txt",
        "县",
        "2015年是实施“十二五”规划的攻坚年、收官年，又是贯彻党的十八届三中、四中全会精神，全面深化改革、全面建成小康社会的发力之年。",
        [("Event", "十八届三中")],
        [],
    ),
    (
        "corpus:baoding-counties/bd003-2021-130607.txt",
        "区",
        "二、“十四五”时期经济社会发展总体要求；",
        [],
        ["“十四五”"],
    ),
    (
        "corpus:baoding-counties/bd031-2011-130609.txt",
        "县",
        "出口创汇五年累计完成5.2亿美元，是“十五”时期的4.8倍。",
        [],
        ["“十五”"],
    ),
    # An ordinal before 平台/工程 ranks it (全市第一平台, 第一民生工程); a place plus a rank names nothing.
    (
        "corpus:baoding-counties/bd026-2022-130608.txt",
        "区",
        "高考成绩继续稳居全市第一平台。",
        [],
        ["成绩继续稳居全市第一平台", "第一平台"],
    ),
    (
        "corpus:baoding-counties/bd070-2020-130626.txt",
        "县",
        "中高考继续位居保定市第一平台。",
        [],
        ["保定市第一平台"],
    ),
    (
        "corpus:baoding-counties/bd113-2022-130630.txt",
        "县",
        "坚持把巩固脱贫攻坚成果与乡村振兴有效衔接，作为首要政治任务和第一民生工程，整合财政涉农资金5.94亿元，",
        [],
        ["第一民生工程"],
    ),
    # Industry lists keep short noun items whole (休闲农业); firms before 行业龙头企业 are companies.
    (
        "corpus:baoding-counties/bd024-2020-130608.txt",
        "区",
        "鼓励支持四通新材、绿生环保、同方辐射等行业龙头企业与京津央企、高等院校合作共建实验室和研发机构。",
        [("Enterprise", "四通新材"), ("Enterprise", "绿生环保")],
        [],
    ),
    (
        "corpus:baoding-counties/bd149-2023-130636.txt",
        "县",
        "积极培育乡村旅游、休闲农业、农村电商等新业态，千方百计增加农民收入。",
        [("Industry", "休闲农业")],
        ["农业"],
    ),
    (
        "corpus:baoding-counties/bd137-2022-130634.txt",
        "县",
        "依托现代农业园区，培育农业观光、田园旅游等新业态。",
        [("Industry", "田园旅游")],
        ["旅游"],
    ),
    (
        "corpus:baoding-counties/bd087-2023-130627.txt",
        "县",
        "围绕装备制造、康养食品、造纸印刷等主导产业链，完善核心产业链图谱，持续细化“1张图谱+N张清单”。",
        [("Industry", "康养食品"), ("Industry", "造纸印刷")],
        [],
    ),
    # Industries: a trade describing a firm, event or facility (现代物流企业, 文化旅游项目) is no industry the report
    # plans; two trades joined before one 产业 are one industry (新能源和节能环保产业).
    (
        "corpus:national/national-2010.txt",
        "",
        "优化利用外资结构，鼓励外资投向高端制造业、高新技术产业、现代服务业、新能源和节能环保产业，鼓励跨国公司在华设立地区总部等各类功能性机构，鼓励中外企业加强研发合作。",
        [("Industry", "新能源和节能环保产业")],
        ["节能环保产业"],
    ),
    (
        "corpus:baoding-counties/bd097-2015-130629.txt",
        "县",
        "谋划引进顺丰物流、菜鸟物流等现代物流企业，推进快递服务向农村延伸。",
        [],
        ["现代物流"],
    ),
    (
        "corpus:baoding-counties/bd053-2020-130623.txt",
        "县",
        "大力拓展“旅游+”内涵，科学布局文化旅游项目，提高野三坡知名度、美誉度和影响力。",
        [],
        ["文化旅游"],
    ),
    # Lists of roads (…等5条城区道路) name places; items of a project list longer than a firm's name are the
    # company's product line (奥博生物阿洛酮糖); leading words are cut only at whole words (北京同仁堂, not 仁堂…).
    (
        "corpus:baoding-counties/bd102-2020-130629.txt",
        "县",
        "完成66个小区供水管网改造工程，改造提升城中村小街小巷34条，古城路、文化街等5条城区道路完成大修。",
        [("Place", "文化街")],
        [],
    ),
    (
        "corpus:baoding-counties/bd085-2021-130627.txt",
        "县",
        "围绕“123制造业体系”建设，落实“1+6”推进机制，支持奥博生物阿洛酮糖、弗兰卡汽车高端装备及零部件、卓昊物联网智能设备等制造业项目建设。",
        [("Project", "奥博生物阿洛酮糖"), ("Project", "卓昊物联网智能设备")],
        [],
    ),
    (
        "corpus:baoding-counties/bd167-2020-130683.txt",
        "县",
        "开展新一轮“名企名院进安国”战略，深入开展“走出去、引进来”活动，积极与北京同仁堂健康药业、步长药业、葵花药业、广药集团、上药集团等知名企业沟通对接，“一对一”精准招商，力促项目尽快落地。",
        [],
        ["仁堂健康药业"],
    ),
    (
        "corpus:national/national-2015.txt",
        "",
        "大力发展众创空间，增设国家自主创新示范区，办好国家高新区，发挥集聚创新要素的领头羊作用。",
        [],
        ["大力发展众创空间"],
    ),
    # A place plus a rank, not any generic word, names no project (东北老工业基地 is a name); 更/更多 lead no name.
    (
        "corpus:national/national-2005.txt",
        "",
        "在东北老工业基地开展了增值税转型改革试点。",
        [("Park", "东北老工业基地")],
        [],
    ),
    (
        "corpus:national/national-2021.txt",
        "",
        "发展工业互联网，促进产业链和创新链融合，搭建更多共性技术研发平台，提升中小微企业创新能力和专业化水平。",
        [],
        ["更多共性技术研发平台"],
    ),
    (
        "corpus:baoding-counties/bd160-2025-130637.txt",
        "县",
        "重点发展梨、麻山药、蔬菜、中药材等特色经济作物，依托龙头企业，选优品、创品牌，积极参加“首届全国名优土特产博览会”，谋划更多农业产业大项目、好项目落地。",
        [],
        ["更多农业产业大项目"],
    ),
    # 新线/复线 name line projects; 高速/宜居 are kinds, and idioms (繁文缛节) carry no head.
    (
        "corpus:baoding-counties/bd132-2023-130633.txt",
        "县",
        "成昆铁路复线全线通车运营，到成都仅需4小时，米易正式迈入“动车时代”。",
        [("Project", "成昆铁路复线")],
        [],
    ),
    (
        "corpus:baoding-counties/bd070-2020-130626.txt",
        "县",
        "大力推进南拒马河防洪工程、荣乌高速新线、容易路、张北至雄安特高压通道、军民合用机场、殡葬设施提升改造等重大基础设施建设。",
        [("Project", "荣乌高速新线")],
        [],
    ),
    (
        "corpus:national/national-2019.txt",
        "",
        "新增高速铁路运营里程4100公里，新建改建高速公路6000多公里、农村公路30多万公里。",
        [],
        ["高速铁路"],
    ),
    (
        "corpus:national/national-2016.txt",
        "",
        "扩大高校和科研院所自主权，砍掉科研管理中的繁文缛节。",
        [],
        ["繁文缛节"],
    ),
    (
        "corpus:baoding-counties/bd055-2022-130623.txt",
        "县",
        "持续实施乡村建设行动，打造2个生态宜居美丽示范片区、10个示范村；",
        [],
        ["生态宜居美丽示范片区"],
    ),
    # Policies: a quoted programme built as a thing (“无废城市”建设), a quoted guideline (…八字方针); an unquoted
    # 方针 is a kind (大政方针和各项政策).
    (
        "corpus:baoding-counties/bd167-2020-130683.txt",
        "县",
        "始终遵循“巩固、增强、提升、畅通”八字方针，持续深化供给侧结构性改革，全面提高经济整体竞争力。",
        [("Policy", "“巩固、增强、提升、畅通”八字方针")],
        [],
    ),
    (
        "corpus:baoding-counties/bd089-2025-130627.txt",
        "县",
        "统筹推进“无废城市”建设。",
        [("Policy", "“无废城市”")],
        [],
    ),
    (
        "corpus:national/national-2011.txt",
        "",
        "我们将坚持新形势下发展两岸关系、促进祖国和平统一的大政方针和各项政策。",
        [],
        ["大政方针和各项政策"],
    ),
    # Quoted service reforms a report says it reached (实现“一网通办”) are policies.
    (
        "corpus:baoding-counties/bd112-2021-130630.txt",
        "县",
        "深化“放管服”改革，879项服务事项全部实现“一网通办”。",
        [("Policy", "“一网通办”")],
        [],
    ),
    (
        "corpus:national/national-2021.txt",
        "",
        "企业和群众经常办理的事项，今年要基本实现“跨省通办”。",
        [("Policy", "“跨省通办”")],
        [],
    ),
    # Institutions: branches and units keep their parent's name (…高唐分中心, …安国分院, 清华大学第一附属医院);
    # 保健院 is a head; a grade after an institution (县医院三级甲等医院) is no unit of it.
    (
        "corpus:baoding-counties/bd085-2021-130627.txt",
        "县",
        "齐鲁农村产权交易中心高唐分中心挂牌运行。",
        [("Institution", "齐鲁农村产权交易中心高唐分中心")],
        [],
    ),
    (
        "corpus:baoding-counties/bd143-2022-130635.txt",
        "县",
        "深化同清华大学第一附属医院、北京大学人民医院合作，完成中医院、县医院三级医院创建。",
        [("Institution", "清华大学第一附属医院")],
        ["第一附属医院", "三级医院", "县医院三级医院"],
    ),
    (
        "corpus:baoding-counties/bd167-2020-130683.txt",
        "县",
        "北京中医医院安国分院养老养生项目稳步推进。",
        [("Institution", "北京中医医院安国分院")],
        [],
    ),
    (
        "corpus:baoding-counties/bd123-2024-130632.txt",
        "县",
        "集中精力加快妇幼保健院剩余工程建设，深化“便民就医少跑腿”“7N”改革，推行“便民就医优流程”七大举措，开展县医院三级甲等医院创建，推进慢病一体化管理、基层急诊急救服务能力提升，加快中医治未病健康管理中心建设，做实家庭医生签约服务，提升医疗卫生服务水平。",
        [("Institution", "妇幼保健院")],
        ["三级甲等医院", "县医院三级甲等医院"],
    ),
    # A name jieba cut at a 'measure word' (黄金 + 台 + 武术节) holds together; a road's section in a list of roads
    # is a project (博文路东段); 4-character idioms carry no road head (逢山开路).
    (
        "corpus:baoding-counties/bd070-2020-130626.txt",
        "县",
        "成功举办全民健步走、黄金台武术节、广场舞大赛、首届职工冰雪运动会等活动，人民幸福感获得感不断增强。",
        [("Event", "黄金台武术节")],
        [],
    ),
    (
        "corpus:baoding-counties/bd158-2022-130637.txt",
        "县",
        "把道路建设作为精美县城的基础和动脉，完成博文路西段、兴隆街北延新建道路工程，全力推进博文路东段、朝阳街中段等道路建设，打通工业区一街南延、张岳路南延等一批断头路，进一步优化城区“六纵七横”路网框架，畅通城市微循环。",
        [("Project", "博文路东段"), ("Project", "朝阳街中段")],
        [],
    ),
    (
        "corpus:baoding-counties/bd137-2022-130634.txt",
        "县",
        "以逢山开路、遇水架桥的奋斗姿态，把改革开放不断推向深入，让曲阳的改革之路越走越宽、开放之门越敞越大。",
        [],
        ["逢山开路"],
    ),
    # Generic and function words make no name particular (重点领域和关键环节改革, 经济和社会发展计划); two streets
    # side by side are no longer cut apart (北环路四角公园).
    (
        "corpus:baoding-counties/bd112-2021-130630.txt",
        "县",
        "要加快推进农村重点领域和关键环节改革，鼓励工商资本下乡，释放集体土地和个人产权活力，守住种子安全、粮食安全和耕地安全底线。",
        [],
        ["领域和关键环节改革"],
    ),
    (
        "corpus:national/national-1994.txt",
        "",
        "各级政府要把环境保护纳入经济和社会发展计划，坚持经济建设、城乡建设、环境建设同步规划、同步实施、同步发展，实行城乡环境综合治理，依法加强监督检查。",
        [],
        ["经济和社会发展计划"],
    ),
    (
        "corpus:baoding-counties/bd072-2022-130626.txt",
        "县",
        "全方位打造“一街一景”，完成中科大道、107国道南段绿化景观提升，推进北环路四角公园和107国道北段景观提升工程，打造最美景观大道。",
        [("Place", "北环路四角公园")],
        [],
    ),
    # Policies joined by 和 are two names (行政管理体制和公务用车制度改革 → 公务用车制度改革).
    (
        "corpus:baoding-counties/bd086-2022-130627.txt",
        "县",
        "全面完成县级党政机构、镇街行政管理体制和公务用车制度改革。",
        [("Policy", "公务用车制度改革")],
        ["行政管理体制和公务用车制度改革"],
    ),
    (
        "corpus:baoding-counties/bd137-2022-130634.txt",
        "县",
        "整合现有农业产业园区，创新管理体制和运行机制，争创国家级园区。",
        [],
        ["管理体制和运行机制"],
    ),
    # Left edges: 首 in 首问责任制 means 'first'; a road's own name before 路 stays whatever jieba tags it (博望路).
    (
        "corpus:baoding-counties/bd113-2022-130630.txt",
        "县",
        "严格落实首问责任制、限时办结制、领办代办制，快速推动工作落地见效。",
        [("Policy", "首问责任制")],
        ["问责任制"],
    ),
    (
        "corpus:baoding-counties/bd160-2025-130637.txt",
        "县",
        "突出区域互联互通，实施总长7.6公里的博望路大修养护工程，潴龙河大桥重建项目年内主体完工。",
        [("Project", "博望路大修养护工程")],
        ["路大修养护工程"],
    ),
    (
        "corpus:baoding-counties/bd009-2005-130608.txt",
        "县",
        "完成富强路北延、南延，北外环东延建设，改造清苑路。",
        [("Project", "富强路北延")],
        ["路北延"],
    ),
    # Anniversary events keep what was held (建党100周年系列活动); items before 众创空间 are parks (好梦林水).
    (
        "corpus:baoding-counties/bd158-2022-130637.txt",
        "县",
        "持续抓好安全生产、道路交通、食品药品安全、信访维稳等工作，全县未发生重大以上安全生产事故，圆满完成建党100周年系列活动安保任务，社会稳定指数稳居全市前列。",
        [("Event", "建党100周年系列活动")],
        [],
    ),
    (
        "corpus:baoding-counties/bd024-2020-130608.txt",
        "区",
        "深度激发“双创”活力，以保定启信、好梦林水等众创空间为模板，建设一批中小微企业创业基地和回乡创业园，掀起全民创新创业热潮。",
        [("Park", "好梦林水")],
        [],
    ),
    (
        "corpus:baoding-counties/bd167-2020-130683.txt",
        "市",
        "积极与北京同仁堂健康药业、步长药业、葵花药业、广药集团、上药集团等知名企业沟通对接，“一对一”精准招商，力促项目尽快落地。",
        [("Enterprise", "北京同仁堂健康药业"), ("Enterprise", "步长药业"), ("Enterprise", "葵花药业")],
        ["积极与北京同仁堂健康药业"],
    ),
    (
        "corpus:baoding-counties/bd087-2023-130627.txt",
        "县",
        "1个PPP项目列入国家项目库。",
        [],
        ["PPP项目"],  # a way of financing projects, not a project's name
    ),
    (
        "corpus:baoding-counties/bd113-2022-130630.txt",
        "县",
        "我县被国家体育总局命名为“国家体育产业基地”",
        [("GovernmentBody", "国家体育总局")],
        ["“国家体育产业基地”"],  # a title the county was given, not a park
    ),
    (
        "corpus:baoding-counties/bd058-2013-130624.txt",
        "县",
        "重点推进乐天凤凰温塘寺度假中心、云花溪谷等续建项目；",
        [("Project", "乐天凤凰温塘寺度假中心")],
        [],
    ),
    (
        "corpus:baoding-counties/bd070-2020-130626.txt",
        "县",
        "积极开展秋冬季造林绿化工作，完成环雄安林带、高铁两侧和“三河两岸”绿化任务1.47万亩，生态环境更加靓丽。",
        [("Project", "环雄安林带")],
        [],
    ),
    (
        "corpus:baoding-counties/bd024-2020-130608.txt",
        "区",
        "完成1.3万亩雄清片林和2200余亩白洋淀大道景观带等造林绿化任务。",
        [("Project", "雄清片林"), ("Project", "白洋淀大道景观带")],
        ["3万亩雄清片林", "2200余亩白洋淀大道景观带"],  # the area planted is no part of the name
    ),
    (
        "corpus:baoding-counties/bd027-2023-130608.txt",
        "区",
        "特别是省委书记倪岳峰同志和省长王正谱同志先后到清苑调研指导，给予了我们巨大的政治激励和精神鼓舞",
        [("Person", "倪岳峰"), ("Person", "王正谱"), ("GovernmentBody", "省委")],
        ["省长王正谱"],  # the title is not the name
    ),
    (
        "corpus:baoding-counties/bd005-2023-130607.txt",
        "区",
        "按照区委三届四次全会和经济工作会议部署，今年政府工作的总体思路是：坚持以习近平新时代中国特色社会主义思想为指导，"
        "全面贯彻落实党的二十大精神，落实中央和省委、市委、区委经济工作会议部署",
        [("Event", "区委三届四次全会"), ("Event", "党的二十大"), ("Event", "区委经济工作会议")],
        [],
    ),
    (
        "corpus:baoding-counties/bd007-2003-130608.txt",
        "县",
        "全面贯彻党的十六大和县第九次党代会精神，践行“三个代表”",
        [("Event", "党的十六大"), ("Event", "县第九次党代会")],
        [],
    ),
    (
        "corpus:baoding-counties/bd085-2021-130627.txt",
        "县",
        "依托中国锦鲤文旅小镇，发展壮大锦鲤产业，争创“中国锦鲤之都”",
        [("Industry", "锦鲤产业")],
        [],
    ),
    (
        "corpus:national/national-2024.txt",
        "",
        "加强老年用品和服务供给，大力发展银发经济",
        [("Industry", "银发经济")],
        ["大力发展银发经济"],
    ),
    (
        "corpus:baoding-counties/bd026-2022-130608.txt",
        "区",
        "帮助企业解决租金、税费、社保等方面难题，促进全区民营经济健康发展",
        [],
        ["民营经济", "全区民营经济"],  # who owns the firms, not a sector
    ),
    (
        "corpus:baoding-counties/bd024-2020-130608.txt",
        "区",
        "全面落实“河长制”，建立专业巡河执法队伍，持续巩固河道“清四乱”成果，坚决不让一滴污水流入白洋淀",
        [("Policy", "“河长制”"), ("Policy", "“清四乱”")],
        [],
    ),
    (
        "dev:dingxing-2021",
        "县",
        "牢固树立过“紧日子”的思想，严格控制“三公”经费和一般性支出，把更多财力用于推动发展、改善民生",
        [],
        ["“三公”", "“紧日子”"],  # a kind of spending, and an attitude
    ),
    (
        "corpus:baoding-counties/bd072-2022-130626.txt",
        "县",
        "推动金台科创、中越新型材料、泛雅科技、玖兴食品等项目尽快开工，争取年内主体竣工",
        [("Enterprise", "泛雅科技"), ("Enterprise", "玖兴食品")],
        [],
    ),
    (
        "corpus:baoding-counties/bd070-2020-130626.txt",
        "县",
        "积极推进2000亩桑叶产业园、1000亩高端花卉园建设",
        [("Park", "桑叶产业园")],
        ["亩桑叶产业园"],  # the unit of the park's size is no part of its name
    ),
    (
        "corpus:baoding-counties/bd012-2008-130608.txt",
        "县",
        "完成中心街（富强路至东外环）、富强路（中心街至新华街）绿化改造",
        [("Project", "中心街（富强路至东外环）"), ("Project", "富强路（中心街至新华街）"), ("Place", "新华街")],
        ["富强路至东外环", "中心街至新华街"],  # the stretch is the bracketed part of the road's project
    ),
    (
        "corpus:baoding-counties/bd072-2022-130626.txt",
        "县",
        "[10]县城建设“十个一”：一个鲜明的县城风貌和建筑风格定位，一个优美天际线，一组由城市公园、社区公园、"
        "口袋公园组成的生态公园体系",
        [],
        ["优美天际线", "天际线"],  # a skyline is no road
    ),
    (
        "corpus:baoding-counties/bd150-2024-130636.txt",
        "县",
        "完成投资1.68亿元的东环路、南环路改造提升，实施投资0.15亿元的顺高路大中修工程，打造靓丽景观环线",
        [("Project", "顺高路大中修工程")],
        ["高路大中修工程"],  # after 投资…元的 the whole run is the name, whatever jieba tags 顺
    ),
    (
        "corpus:baoding-counties/bd127-2018-130633.txt",
        "县",
        "投资100亿元的抽水蓄能电站项目取得省发改委核准并开工建设，投资8.1亿元的军民融合雷达产业园项目一期竣工",
        [("Project", "抽水蓄能电站项目")],
        ["蓄能电站项目"],
    ),
    (
        "corpus:baoding-counties/bd044-2024-130609.txt",
        "区",
        "安肃镇小寺各庄被评为全国乡村治理示范村，崔庄镇商平庄被评为全国民主法治示范村",
        [("Place", "安肃镇")],
        ["乡村治理示范村", "全国乡村治理示范村", "民主法治示范村"],  # titles given, not places
    ),
    (
        "corpus:baoding-counties/bd070-2020-130626.txt",
        "县",
        "开展食品药品安全治理、安全稳定百日攻坚等系列行动，圆满完成了国庆安保、信访稳定等任务，以实际行动践行初心使命",
        [],
        ["系列行动", "实际行动"],  # 'a series of actions', 'in deeds': no programme's name
    ),
    (
        "corpus:baoding-counties/bd012-2008-130608.txt",
        "县",
        "扶持壮大中旺果蔬、大发正大等农业龙头企业",
        [("Enterprise", "中旺果蔬"), ("Enterprise", "大发正大")],
        ["壮大中旺果蔬"],
    ),
    (
        "corpus:baoding-counties/bd150-2024-130636.txt",
        "县",
        "实施数字赋能、企业上云工程，鼓励长城精工、隆达铝业、顺安远大等龙头企业“数字化”升级",
        [("Enterprise", "长城精工"), ("Enterprise", "隆达铝业"), ("Enterprise", "顺安远大")],
        [],
    ),
    (
        "corpus:baoding-counties/bd017-2013-130608.txt",
        "县",
        "严格按照每百户30平米配建社区服务用房，建设高标准精品社区，提高管理能力和服务水平",
        [],
        ["精品社区", "高标准精品社区"],  # a kind of community the county builds, not one community
    ),
    (
        "corpus:baoding-counties/bd084-2020-130627.txt",
        "县",
        "重点补齐扶贫产业、薄弱村基础设施、特殊困难人群保障等方面短板，全面提升脱贫成效",
        [],
        ["薄弱村"],
    ),
    (
        "corpus:baoding-counties/bd032-2012-130609.txt",
        "区",
        "规划建设交通局运达物流中心，整合交通运输资源，培育现代物流龙头企业",
        [],
        ["规划建设交通局"],  # 'plan and build' is the verb, not part of the bureau
    ),
    (
        "corpus:baoding-counties/bd126-2017-130633.txt",
        "县",
        "军民融合雷达产业园、民爆产业园等一批项目稳步推进",
        [("Park", "军民融合雷达产业园")],
        [],
    ),
    (
        "corpus:baoding-counties/bd066-2021-130624.txt",
        "县",
        "现已有硒鸽肉鸽食品加工、醇油坊高级营养油深加工、果蔬冰温库及香菇烘干、福润烘焙原材料生产、河北大正果品加工、"
        "年产180吨黄芩苷6个项目入驻",
        [("Project", "硒鸽肉鸽食品加工"), ("Project", "醇油坊高级营养油深加工"), ("Project", "河北大正果品加工")],
        ["现已有硒鸽肉鸽食品加工"],  # six items, six projects: the count says what each is
    ),
    (
        "corpus:baoding-counties/bd130-2021-130633.txt",
        "县",
        "[16]“五干”：县委十二届十次全会上刘杰书记提出的要大兴“五干”之风，即想干、会干、多干、干成、干净",
        [("Person", "刘杰"), ("Event", "县委十二届十次全会")],
        ["上刘杰"],
    ),
    (
        "corpus:baoding-counties/bd072-2022-130626.txt",
        "县",
        "规划打造京雄农谷智慧中心，吸引赵春江院士团队、中国农大、河北农大等高校专家教授入驻加盟",
        [("Person", "赵春江")],
        [],
    ),
    (
        "corpus:baoding-counties/bd053-2020-130623.txt",
        "县",
        "并在全国旅游扶贫培训中作为典型经验推介;三坡镇南峪村党支部书记段春亭荣获全国脱贫攻坚奋进奖",
        [("Person", "段春亭")],
        ["支部", "党支部"],  # the branch's secretary is named after the title, not before it
    ),
    (
        "corpus:baoding-counties/bd130-2021-130633.txt",
        "县",
        "紧紧扭住北京非首都功能疏解的“牛鼻子”，实施“京保协作五个一”［10］行动",
        [("Policy", "“京保协作五个一”")],
        ["“牛鼻子”"],  # a glossary pointer (［10］) may stand between the name and 行动
    ),
    (
        "corpus:baoding-counties/bd024-2020-130608.txt",
        "区",
        "全面推行“阳光低保”，累计新增城乡低保户3032户、4807人",
        [("Policy", "“阳光低保”")],  # carried out (推行), so a programme though no programme word names it
        [],
    ),
    (
        "corpus:baoding-counties/bd094-2012-130629.txt",
        "县",
        "投资12.1亿元建成了新容花园、沟西花园、祥达嘉园、爱佳家园等11个高品质住宅小区",
        [("Place", "爱佳家园")],  # 、 + 爱/v 佳/a 家园: a list item starts right after the mark
        [],
    ),
    (
        "corpus:baoding-counties/bd017-2013-130608.txt",
        "县",
        "⑨投资795万元完成县急救中心、县卫生监督所、大庄中心卫生院门诊楼建设",
        [("Project", "大庄中心卫生院门诊楼"), ("Institution", "大庄中心卫生院")],
        [],
    ),
    (
        "corpus:baoding-counties/bd160-2025-130637.txt",
        "县",
        "—2025年1月15日在博野县十八届人民代表大会第五次会议上",
        [("Event", "博野县十八届人民代表大会第五次会议"), ("GovernmentBody", "博野县十八届人民代表大会")],
        [],
    ),
    (
        "corpus:baoding-counties/bd028-2024-130608.txt",
        "区",
        "中国2023第六届带钢连续热镀锌发展论坛、津保中等职业学校协同发展交流会、第四届河北省“冀农乐”农耕健身比赛等在清苑成功举办",
        [("Event", "中国2023第六届带钢连续热镀锌发展论坛")],
        [],
    ),
    (
        "corpus:baoding-counties/bd127-2018-130633.txt",
        "县",
        "同时，加快推进云蒙山运动养生小镇建设和紫荆关、千佛山、洪崖山等景点旅游开发",
        [("Park", "云蒙山运动养生小镇")],
        [],
    ),
    (
        "corpus:baoding-counties/bd031-2011-130609.txt",
        "区",
        "在扶持大午、吉正、今明后、德力等农业龙头企业的基础上，年内争取新上农产品深加工项目1-2个，市级以上农业龙头企业达到15家",
        [("Enterprise", "大午"), ("Enterprise", "吉正"), ("Enterprise", "德力")],
        ["扶持大午"],  # two-character short names of firms in a list before 企业
    ),
    (
        "dev:dingxing-2021",
        "县",
        "完成北环路拆迁扫尾，优先落实土地指标，实施同兴街、北环北路等道路建设",
        [("Place", "北环北路")],
        ["兴街"],
    ),
    (
        "corpus:baoding-counties/bd027-2023-130608.txt",
        "区",
        "积极申报冉庄地道战纪念馆、好梦林水微度假体验区国家4A级景区，完成泽龙希尔顿等高品质星级酒店建设",
        [],
        ["国家4A级景区", "4A级景区"],  # a grade applied for, not a scenic area's name
    ),
    (
        "corpus:baoding-counties/bd045-2010-130623.txt",
        "县",
        "野三坡景区列入首批国家级旅游服务标准化试点项目，获得了首批国土资源科普基地称号",
        [("Place", "野三坡景区")],
        [],
    ),
    (
        "corpus:baoding-counties/bd007-2003-130608.txt",
        "县",
        "今年重点完成迎宾街东西段建设、振兴路改造，争取启动中心街东段（保清路至清苑路段）改造工程",
        [("Project", "中心街东段")],
        [],
    ),
    (
        "dev:qingyuan-2021",
        "区",
        "绿生环保、中节能（保定）二期、四通新材二期等投资41亿元的13个项目竣工投产",
        [("Project", "中节能（保定）二期"), ("Enterprise", "中节能")],
        [],
    ),
    (
        "corpus:baoding-counties/bd038-2018-130609.txt",
        "区",
        "在整体经济形势下行的情况下",
        [],
        ["整体经济"],  # how the economy as a whole fares, not a sector
    ),
    (
        "corpus:national/national-1984.txt",
        "",
        "我国现行的商业体制，是在过去商品经济不发达，商品供应紧张",
        [],
        ["商品经济"],  # economics, not a sector the report plans
    ),
    (
        "corpus:baoding-counties/bd150-2024-130636.txt",
        "县",
        "全年建成秀美共富村5个、精美示范村7个、洁美延展村40个，净美达标村达标率100%",
        [],
        ["秀美共富村", "洁美延展村"],  # villages counted (…村5个) are a kind of village
    ),
    (
        "corpus:national/national-2017.txt",
        "",
        "成功主办二十国集团领导人杭州峰会",
        [("Event", "二十国集团领导人杭州峰会")],
        ["成功主办二十国集团领导人杭州峰会"],  # hosting it is what the government did, not the event's name
    ),
    (
        "corpus:baoding-counties/bd087-2023-130627.txt",
        "县",
        "深入落实《高唐县法治政府建设实施方案（2021—2025年）》",
        [("Policy", "《高唐县法治政府建设实施方案（2021—2025年）》")],  # the years it runs belong to its title
        [],
    ),
    (
        "corpus:baoding-counties/bd025-2021-130608.txt",
        "区",
        "京津保合作项目达到63个、总投资1027亿元",
        [],
        ["京津保合作项目"],  # a kind of project, counted, not one project
    ),
    (
        "corpus:baoding-counties/bd012-2008-130608.txt",
        "县",
        "在清凉城、南王庄等农业特色村推行无公害标准化生产试点",
        [],
        ["农业特色村"],  # a kind of village the two named ones are
    ),
    (
        "corpus:baoding-counties/bd028-2024-130608.txt",
        "区",
        "深入推进区委党校搬迁和清苑宾馆事权人权划转，完成机构新建调整8个",
        [("Institution", "区委党校"), ("GovernmentBody", "区委")],
        [],
    ),
    (
        "corpus:baoding-counties/bd007-2003-130608.txt",
        "县",
        "重点扶持臧村、闫庄、阳城、望亭等奶牛养殖小区的建设",
        [("Place", "臧村")],  # a surname and 村 make a village's name
        [],
    ),
    (
        "corpus:baoding-counties/bd126-2017-130633.txt",
        "县",
        "狼牙山镇东西水村入选“中国乡村旅游模范村”",
        [("Place", "狼牙山镇")],  # jieba's 山镇 is split so the town keeps its name
        [],
    ),
    (
        "dev:dingxing-2021",
        "县",
        "姚村乡、杨村乡完成撤乡设镇",
        [("Place", "杨村乡")],
        ["姚村", "杨村"],  # the townships, not villages inside their names
    ),
    (
        "corpus:baoding-counties/bd030-2010-130609.txt",
        "区",
        "争取城内大街南延（至保定东三环）、南外环下穿107国道和京广铁路地道桥、徐大路升级改造等工程立项",
        [("Place", "徐大路"), ("Project", "徐大路升级改造")],  # jieba's word 大路 hides the road's 路
        [],
    ),
    (
        "corpus:baoding-counties/bd097-2015-130629.txt",
        "县",
        "保定唯一一家乳粉生产企业投资2.5亿元的宝贝乳业乳粉生产线项目开工建设",
        [("Project", "宝贝乳业乳粉生产线")],  # a firm's production line is a project of its own
        [],
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


# (source, sentence, names that must be found as (type, text)) when the report's own place is known: jieba reads its
# short name as a common noun (满城, 清苑), so only the report itself says it is a place, and what is named after it.
HOME_CASES = [
    (
        "corpus:baoding-counties/bd004-2022-130607.txt",
        "华北民生保障中心、英利6.5GW光伏电池等一批大项目、好项目落户满城，累计引入项目29个、总投资达171亿元。",
        [("Place", "满城")],
    ),
    (
        "corpus:baoding-counties/bd007-2003-130608.txt",
        "形势逼迫清苑开放，县情和优势决定清苑开放。",
        [("Place", "清苑")],
    ),
    (  # a park or square named after the report's own place is a place
        "corpus:baoding-counties/bd147-2021-130636.txt",
        "实施顺平公园四星级和宪法公园三星级创建，完成桃源西大街和肠衣城路口改造提升，建成2个“口袋公园”[24]，不断提升人民群众的生活品质。",
        [("Place", "顺平公园")],
    ),
    (
        "corpus:baoding-counties/bd007-2003-130608.txt",
        "五年来，多方筹集建设资金13.9亿元，完成了新华街、迎宾路、保清路、清苑广场、县城供水、兴苑商城等多项重点工程，县城功能更齐全，布局更合理。",
        [("Place", "清苑广场")],
    ),
    (  # the own place counts as a proper word before a generic head (定兴 is tagged an adjective)
        "corpus:baoding-counties/bd071-2021-130626.txt",
        "抓好定兴国际种业产业化枢纽、台湾花卉产业园、良丰晓月生态循环农业示范园等项目建设，打造现代农业新高地。",
        [("Project", "定兴国际种业产业化枢纽")],
    ),
]


@pytest.mark.parametrize(("reference", "sentence", "wanted"), HOME_CASES)
def test_the_reports_own_place_and_what_is_named_after_it(
    reference: str, sentence: str, wanted: list[tuple[str, str]]
) -> None:
    path = _source(reference)
    assert sentence in path.read_text(encoding="utf-8"), "the table must quote the report exactly"
    meta = read_report(path).meta
    found = {(c.type, sentence[c.start : c.end]) for c in sentence_candidates(sentence, meta.level, meta.place)}
    assert set(wanted) <= found, (meta.place, sorted(found))


@pytest.mark.parametrize(
    ("reference", "level", "sentence", "plenums"),
    [
        (
            "corpus:baoding-counties/bd070-2020-130626.txt",
            "县",
            "我们深入贯彻习近平新时代中国特色社会主义思想和党的十九届二中、三中、四中全会精神，",
            ["十九届二中全会", "十九届三中全会", "十九届四中全会"],
        ),
        (
            "corpus:baoding-counties/bd035-2015-130609.txt",
            "县",
            "2015年是实施“十二五”规划的攻坚年、收官年，又是贯彻党的十八届三中、四中全会精神，"
            "全面深化改革、全面建成小康社会的发力之年。",
            ["十八届三中全会", "十八届四中全会"],
        ),
    ],
)
def test_each_plenum_of_an_elided_list_is_named_in_full(
    reference: str, level: str, sentence: str, plenums: list[str]
) -> None:
    # 十九届二中、三中、四中全会 writes the term and 全会 once; each plenum is its own event
    assert sentence in _source(reference).read_text(encoding="utf-8")
    named = {c.canonical for c in sentence_candidates(sentence, level) if c.type == "Event"}
    assert set(plenums) <= named, sorted(named)


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
