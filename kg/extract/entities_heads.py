"""Names found from their head: a generic last word (集团, 产业园, 项目, 行动, 局, 中学 …)
preceded by the words that make it particular (鑫达 + 集团, 产业振兴 + 行动).

The left edge is where the name stops being a name: punctuation, a function word,
a frame verb that takes the name as its object (实施, 推进, 引进, 落户 …), a count
(3个), or the length limit of the type. Leading generic modifiers (全区, 重点 …) are
trimmed, and a name whose particular part is empty or generic is no name at all.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kg.extract.entities_text import Candidate, Token, gazetteer, heads, longest_head, tag_of, tokens


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(text.split())


# Words that end a name on its left: the name is their object or they join two names.
FRAME_VERBS = word_set(
    "实施 推进 推动 深化 落实 贯彻 贯彻落实 启动 完成 坚持 实行 执行 出台 制定 印发 编制 建立 健全 完善 部署 "
    "打好 打赢 开展 深入开展 加快 加强 抓好 做好 引进 落户 签约 开工 竣工 投产 入驻 建成 谋划 争取 支持 依托 "
    "成立 设立 申报 举办 承办 参加 参与 围绕 聚焦 加入 实现 取得 获得 获批 列入 纳入 入选 "
    "通过 启用 投用 开通 引入 促成 推行 探索 试行 配合 对接 牵手 携手 联合 助力 "
    "开工建设 全力 着力 积极 大力 重点 全面 认真 持续 扎实 统筹 用好 办好 "
    "形成 成为 作为 包括 涉及 覆盖 位于 落地 推广 复制 启动实施 全面实施 深入实施 加快推进 大力实施 "
    "挂牌 成功挂牌 借势 链接 打通 打造 构建 受到 得到 融入 深度融入 衔接 紧密衔接 释放 加速释放 保持 即 专指 授权 下放 用好 列 汇聚 力争 更多 涉 位居 充分利用 组建 构筑 携手 兼任 担任 代表 接受 主动接受 全面完成 统一归口 确保 压减 提高 防范化解 进一步 拓展 扶助 发挥 抓住 开创 兑现 强化 "
    "争创 把握 严格执行 全面落实 梳理 下沉 晋升 晋升为 分获 激发 清除 彻底清除 巩固 采取 "
    "荣获 评为 被评为 确定 认定 命名 授予 入围 晋级 承接 召开 召集 迎接 助推 完成了 新增 累计 "
    "转为 转型为 变为 改为 升级为 更名为 出席 考察 调研 视察 达成 达到 获评 创成 举行 主办 协办"
)
# Verbs that take a name as object but also occur inside names (产业振兴行动, 社会组织培育计划):
# they do not stop the name, they are only trimmed off its left edge.
SOFT_FRAME_VERBS = word_set(
    "培育 组织 服务 合作 协调 保障 新建 改造 续建 建设 扩建 提升 发展 配套 创建 打造 构建 引导 应用 共建 共享 改革"
)
FUNCTION_WORDS = word_set(
    "的 和 与 及 以及 或 等 是 为 了 在 对 把 被 将 从 向 以 由 同 跟 于 至 到 并 并且 而 也 都 还 又 再 "
    "其 该 此 这 那 这个 这些 我们 我 各 每 成 有 个 项 家 条 所 座 批 类 种 名 户 次 处 件 栋 台 套 辆 年 月 日 "
    "上 下 内 外 后 前 里 之 所有 一批 一个 一些 多个 全 共 近 约 超 总 旧 个人 给 我区 我县 我市 我省 人次 万人 万元 亿元 占 抓 以下 以上 改 设 撤 几 让 使 年内 年底 年初 月底 月初 上半年 下半年 目前 今年 明年 全年 当年 同时"
)
STOP_TAGS = word_set("x uj ul uz ud ug uv p c d r y w i")
# Leading words trimmed off a name: they locate or rank it within the sentence.
LEADING = word_set(
    "全区 全县 全市 全省 全国 我区 我县 我市 我省 本区 本县 重点 高水平 高标准 高质量 一批 各类 各 相关 有关 其他 其它 "
    "在建 新建 新增 续建 储备 签约 开工 竣工 投产 大型 一 两 多 更 更多"
)
# Modifiers that say how important or where, never which.
GENERIC = word_set(
    "全区 全县 全市 全省 全国 我区 我县 我市 我省 本区 本县 区 县 市 省 国家 国家级 省级 市级 区级 县级 "
    "重点 重大 重要 一批 各类 各 相关 龙头 配套 产业 工业 特色 主导 新兴 传统 优势 现代 新型 大型 中小 小型 "
    "示范 试点 专项 综合 整体 总体 具体 有关 其他 其它 一般 基层 城乡 城市 农村 乡村 社会 经济 公共 民生 "
    "全面 深化 改革 发展 建设 创新 管理 服务 工作 企业 项目 政府 部门 单位 机构 组织 园区 行业 领域 体制 "
    "招商 落地 在建 新建 续建 储备 签约 开工 竣工 投产 亿元 万元 以上 政策 制度 机制 行动 计划 工程 "
    "犯罪 恶势力 黑恶 景观 县城 城区 省内 市内 区内 县内 虚拟 城际 国有 民营 上市 城投 小贷 贫困 美丽 文明 中心 先进 示范 中小学 公办 民办 智慧 居民 标杆 减灾 防灾 产业化 总部 训练 培训 优质 协同 远程 "
    "一 二 三 四 五 六 七 八 九 十 两 多 几 若干 三大 四大 五大 六大 八大 十大 百大 千亿 百亿 "
    # kinds and grades of a thing, not its name (高等级开发区, 一流大学, 公立医院, 卫生村, 美好家园)
    "PPP EPC BOT 央企 国企 领域 关键环节 一级 二级 三级 三甲 二甲 甲等 院士 高速 宜居 铁路 住宅 通村 新时代 "
    "高等级 一流 世界一流 高端 高等 普通 本科 应用型 公立 私立 乡镇 城镇 村级 商业 国有大型 大型商业 卫生 养老 "
    "科技 美好 幸福 和谐 平安 绿色 生态 数字 小巨人 专精特新 规范 清理 好 新 老 旧 社区 口袋 街心 游园"
)
MAX_LENGTH = {
    "Enterprise": 14,
    "Park": 18,
    "Project": 22,
    "Policy": 20,
    "GovernmentBody": 16,
    "Institution": 16,
    "Place": 8,
    "Event": 20,
}
# Words that end in a head but are ordinary words (格局 is no bureau, 乡村 no village).
NOT_HEADED = word_set(
    "一线 二线 底线 红线 防线 生命线 热线 专线 主线 路线 航线 连线 沿线 全线 界线 战线 阵线 在线 上线 下线 干线 支线 高压线 生产线 流水线 天际线 地平线 红外线 飞线 视线 光线 实际行动 系列行动 丁字路 投资计划 年度计划 高峰论坛 学术论坛 分论坛 主论坛 卡脖路 跑路 街巷 背街 小巷 硬化路 好局 破局 定局 胜局 残局 中小学 断头路 高速路 农村路 示范路 道路 公路 马路 思路 出路 门路 套路 销路 线路 网路 电路 水路 老路 新路 弯路 进路 之路 通路 "
    "大街 街道 商业街 步行街 老街 上街 临街 沿街 变局 格局 布局 当局 大局 结局 时局 全局 开局 新局 骗局 乡村 农村 城乡 家乡 城镇 乡镇 村镇 城中村 行政村 "
    "强村 强镇 强县 名村 名镇 子公司 母公司 科研院所 大专院校 高等院校 高楼大厦 "
    "想办法 找办法 有办法 没办法 新办法 好办法 "
    "自然村 贫困村 本村 全村 各村 本镇 全镇 各镇 各乡 基地 社区 小区 街道 大街 家园 平台 项目 工程 行动 "
    "计划 战略 制度 机制 方案 规划 政策 体系 办法 模式 试点 改革 集团 公司 银行 大学 学院 中学 小学 医院 "
    "政府 人大 政协 办公室 委员会 新区 片区 园区 示范区 试验区 周年 全会 大赛 普查 一期 二期 三期 四期"
)
SINGLE_CHAR_HEADS = frozenset("局镇乡村路街巷线")
LEADING_TAGS = word_set("v ad l d")
# Heads that also end ordinary phrases (社会保障体系): the name must be quoted or this long.
WEAK_HEADS = {
    "体系": 99,
    "机制": 5,
    "模式": 5,
    "制度": 5,
    "政策": 5,
    "规划": 4,
    "试点": 5,
    "一体化": 3,
    "协同发展": 2,
    "平台": 5,
    "项目": 3,
    "基地": 2,
    "示范区": 3,
    "委员会": 4,
    "改革": 4,
    "方针": 99,  # “巩固、增强、提升、畅通”八字方针; 基本方针, 指导方针 are kinds
}
# Heads that generic phrases end in as often as names do (产业转移项目): the name needs a proper word.
COMMON_HEADS = frozenset(
    [
        "项目",
        "工程",
        "平台",
        "基地",
        "枢纽",
        "林带",
        "景观带",
        "片林",
        "示范区",
        "示范园",
        "试验区",
        "公园",
        "小区",
        "路",
        "街",
        "巷",
        "地区",
        "景区",
        "度假区",
        "高速",
        "生产线",
        "电站",
        "储备库",
        "管廊",
    ]
)
_COUNT = re.compile(r"\d\s*[件个项处条家所座批次]$|^第?[一二三四五六七八九十两几]+[件个项处条家所座批次]$")
_AMOUNT = re.compile(r"[元批个项家条所]|以上|^[一二三四五六七八九十两]+大?[批些]?$")
_CJK_NUMBER = re.compile(r"[一二三四五六七八九十百千两]+大?")
_PHASE = re.compile(r"[一二三四五六七八九十\d]期")
_ORDINAL = re.compile(r"第[一二三四五六七八九十]+")
_AREA = re.compile(r"亩|平方米|公里|余$")
# Classifiers that count or sort things (产业类项目, 特色名镇); 台 in 黄金台 is no count.
_CLASSIFIERS = frozenset("类名种项个条家所座批次处件栋套辆户级元亿万吨米人")
_CLAUSES = re.compile(r"\d{1,3}条")
_YEAR = re.compile(r"[\d一二三四五六七八九〇零]{2,4}年")
PROPER_TAGS = frozenset(["ns", "nr", "nz", "nt", "nrt", "nrfg", "eng", "m", "unk", "quote"])


def _has_proper_word(particular: list[str], known: frozenset[str] = frozenset()) -> bool:
    """A place, person or organisation name, a figure, or a word jieba does not know."""
    words = [word for word in particular if word]
    fragments = any(len(a) == 1 and len(b) == 1 for a, b in pairwise(words))
    # 黄金 + 台/q + 武术节: a 'measure word' after a noun is the last piece of a name jieba did not know
    measure = any(len(b) == 1 and tag_of(b) == "q" and len(a) > 1 and b not in _CLASSIFIERS for a, b in pairwise(words))
    return fragments or measure or any(word in known or _proper(word) for word in words)


def _ranked(particular: list[str], head: str) -> bool:
    """全市第一平台, 第一民生工程: 第一 before a platform or works ranks it (第二公园 is a park's name,
    哈南第八大道 a road's)."""
    words = [word for word in particular if word]
    ordinals = [i for i, word in enumerate(words) if _ORDINAL.fullmatch(word)]
    return head in ("平台", "工程") and bool(ordinals) and all(word in GENERIC for word in words[ordinals[-1] + 1 :])


def _kind_of_project(particular: list[str], head: str) -> bool:
    """城建重点项目, 京冀对口帮扶项目, 地方政府专项债券项目: a word saying how a project ranks, is funded or
    came about, right before 项目/工程, makes the name a kind of project."""
    words = [word for word in particular if word]
    return head in ("项目", "工程") and bool(words) and any(words[-1].endswith(kind) for kind in _PROJECT_KINDS)


_PROJECT_KINDS = ("重点", "合作", "协作", "帮扶", "意向", "债券", "储备", "招商", "签约", "惠民")


_RANKS = frozenset(["重点", "重大", "重要", "一批", "各类", "国家级", "省级", "市级", "区级", "县级", "全部", "所有"])


def _place_and_rank(particular: list[str]) -> bool:
    """保定市 + 重大 + 项目: a place and a rank name a kind of project, not one."""
    words = [word for word in particular if word]
    rank = [word for word in words if word in _RANKS or _ORDINAL.fullmatch(word)]
    places = [word for word in words if gazetteer().get(word, ("",))[0] == "Place"]
    return bool(rank) and bool(places) and len(rank) + len(places) == len(words)


def _proper(word: str) -> bool:
    if _GRADE.fullmatch(word):
        return False  # 4A级景区: a grade any scenic area may hold
    tag = tag_of(word)
    if tag == "m":  # 30万吨 names a plant; 5亿元以上 only sizes it, 一九五七年 only dates it
        return _AMOUNT.search(word) is None and _YEAR.fullmatch(word) is None
    return tag in PROPER_TAGS or word in heads() or word in gazetteer() or _PHASE.search(word) is not None


_GRADE = re.compile(r"[1-5]?A+级?")


# Organs named by their level: only a place in front makes them particular (平房区人民政府).
ORGAN_HEADS = frozenset(["政府", "人民政府", "人大", "政协"])


def head_candidates(toks: list[Token], known: frozenset[str] = frozenset()) -> list[Candidate]:
    """Every name that ends in a head word, in one sentence's tokens; ``known`` are proper words the
    dictionaries miss, such as the report's own place (定兴 is tagged an adjective)."""
    out: list[Candidate] = []
    for index, token in enumerate(toks):
        if token.word.startswith("“"):
            out.extend(_quoted_name(token))
        found = _head_in(token) or _split_road(toks, index)
        if found is None:
            continue
        head, type_name = found
        following = _head_in(toks[index + 1]) if index + 1 < len(toks) else None
        if type_name == "Policy" and following is not None and following[1] == "Policy":
            continue  # 制度 in 制度改革: the name goes on
        if type_name == "Project" and head in ("新线", "复线") and following is not None and following[1] == "Project":
            continue  # 复线 in 输气管道复线工程
        if type_name == "Policy" and index + 1 < len(toks) and _modifies_next(toks[index + 1]):
            continue  # 试点 + 小区, 战略 + 储备: the head word describes the noun after it
        if head == "战略" and index + 1 < len(toks) and toks[index + 1].word.startswith(_STRATEGIC):
            continue  # 战略机遇期, 战略合作: 'strategic' describes what follows, no strategy is named
        candidate = _name_before(toks, index, head, type_name, known)
        if candidate is not None:
            out.append(candidate)
    return out


def _split_road(toks: list[Token], index: int) -> tuple[str, str] | None:
    """博/nr + 明路/n: jieba made a word of a road's name and its 路; after a lone proper character the
    two-character word is the rest of the name and the head."""
    word = toks[index].word
    if len(word) != 2 or word[-1] not in "路街" or word in NOT_HEADED or index == 0:
        return None
    previous = toks[index - 1]
    return (word[-1], "Place") if len(previous.word) == 1 and previous.tag in ("nr", "ns") else None


def _modifies_next(following: Token) -> bool:
    found = _head_in(following)
    return found is not None and found[1] in ("Place", "Park", "Institution")


_STRATEGIC = ("机遇", "合作", "意义", "高度", "眼光", "定力", "支点", "性", "地位", "伙伴", "投资者", "新兴")


def _quoted_name(token: Token) -> list[Candidate]:
    """“哈尔滨国际啤酒节”: a quoted name that ends in a head has that head's type."""
    inner = token.word[1:-1]
    if "、" in inner or "，" in inner:
        return []  # “一个城市综合体、一所高水平学校、一所高水平医院”: a list of aims, not a name
    found = _head_in(Token(inner, "n", 0, len(inner)))
    if found is None or found[1] == "Place" or len(inner) < len(found[0]) + 2 or found[0] in SINGLE_CHAR_HEADS:
        return []  # “优美天际线”: an image, not a road
    if found[0] in COMMON_HEADS and len(inner) < len(found[0]) + 3:
        return []  # “地等项目”: a catchphrase, not a project
    type_name = "Policy" if found[0] == "工程" else found[1]  # “雪亮工程”: a quoted 工程 is a campaign
    return [Candidate(token.start, token.end, type_name, inner, priority=2, source="heads")]


def _head_in(token: Token) -> tuple[str, str] | None:
    """The head a token ends with, when it ends with one and is not an ordinary word."""
    word = token.word
    if (
        token.tag in ("quote", "i")
        or (token.tag == "l" and len(word) == 4 and word[-1] in SINGLE_CHAR_HEADS)
        or (word in NOT_HEADED and word not in heads())
    ):
        return None  # 逢山开路/l: an idiom, not a road
    table = heads()
    numbered = _NUMBERED_HOSPITAL.search(word)
    if numbered and numbered.start() > 0:
        return numbered.group(), "Institution"  # 哈医大二院, 市第一医院's short form
    for size in range(min(len(word), longest_head()), 0, -1):  # longest head first
        head = word[-size:]
        type_name = table.get(head)
        if type_name is not None:
            if (
                head in SINGLE_CHAR_HEADS
                and (len(word) < 3 or word[-2:] in NOT_HEADED)
                and word not in "村乡镇路街巷线"
            ):
                return None
            return head, type_name
    return _event_ending(word)


_NUMBERED_HOSPITAL = re.compile(r"第?[一二三四五六七八九十]+院$")
# Festivals and contests are named by a proper prefix plus 节/赛 (哈尔滨国际啤酒节, 京津冀马术邀请赛);
# these words end in 节/赛 but name no event.
ORDINARY_EVENT_WORDS = word_set(
    "春节 元旦节 元宵节 清明节 端午节 中秋节 国庆节 重阳节 劳动节 妇女节 儿童节 青年节 建军节 教师节 情人节 "
    "环节 细节 季节 关节 调节 章节 礼节 气节 时节 音节 名节 失节 节节 比赛 竞赛 参赛 决赛 初赛 复赛 联赛 赛 代表大会 表彰大会 动员大会 誓师大会 职工大会 党员大会"
)


# Events these words end are named by a proper word or an edition (博鳌亚洲论坛, 首届白石山第三代半导体峰会).
_NAMED_EVENT_HEADS = frozenset(["节", "赛", "大会", "论坛", "峰会", "研讨会", "马拉松", "招商会", "推介会", "观摩会"])


def _event_ending(word: str) -> tuple[str, str] | None:
    """A festival or contest word (啤酒节, 邀请赛); the lone 节 after a name (西瓜 + 节)."""
    ending = "大会" if word.endswith("大会") else word[-1:]
    if ending not in ("节", "赛", "大会") or word[-2:] in ORDINARY_EVENT_WORDS or word[-4:] in ORDINARY_EVENT_WORDS:
        return None
    return ending, "Event"


def _name_before(
    toks: list[Token], index: int, head: str, type_name: str, known: frozenset[str] = frozenset()
) -> Candidate | None:
    """Extend leftwards from the head token while the words can belong to a name."""
    if index > 0 and toks[index - 1].word + toks[index].word in NOT_HEADED:
        return None  # 系列 + 行动, 丁字 + 路: an ordinary word jieba cut in two
    limit = MAX_LENGTH.get(type_name, 16)
    first = _leftmost(toks, index, type_name, limit)
    cost_start = _after_its_cost(toks, index, limit, type_name)  # after 'costing so much', nothing is trimmed
    if cost_start is not None and cost_start < first:
        first = cost_start
    else:
        first = _trimmed(toks, _after_kind_of_unit(toks, first, index, type_name), index, type_name, cost_start)
    end = toks[index].end
    words = [t.word for t in toks[first : index + 1]]
    particular = words[:-1] + ([words[-1][: -len(head)]] if len(words[-1]) > len(head) else [])
    if type_name == "Project" and head == "工程" and any(w.startswith("“") for w in particular):
        if first > 0 and toks[first - 1].word in DISAPPROVING:
            return None  # 不能搞“半拉子”工程: a thing to avoid, not a programme
        type_name = "Policy"  # “雪亮工程”, “四提”工程: a quoted 工程 is a campaign
    if head == "片区" and not _ZONE_WORD.search("".join(particular)):
        type_name = "Place"  # 南关片区, 压缩机厂家属院片区: a part of town; a zone says its kind (平房经济技术片区)
    if type_name == "Place" and head in _SETTLEMENT_HEADS and _counted_kind(toks, first, index):
        return None  # 建成洁美延展村40个, 打造2-3个精品村: villages counted are a kind, not one village
    if _owned_by_level(particular, type_name):
        return Candidate(toks[first].start, end, type_name, source="heads")
    if type_name == "Project" and particular[:1] == ["项目"]:
        return None  # 项目进入全市“五个1000”项目: a clause about projects
    if _acceptable(particular, head, type_name, known):
        return Candidate(toks[first].start, end, type_name, source="heads")
    own = [toks[index].word[: -len(head)]]
    if first < index and own[0] and _acceptable(own, head, type_name, known):
        return Candidate(toks[index].start, end, type_name, source="heads")  # 司法局: the word alone
    return _village(toks, index, head)


_ZONE_WORD = re.compile(r"经济|技术|开发|产业|高新|自贸|新区|园区|物流|商务|科技")

# Verbs before a quoted name that say it is to be avoided (搞“形象工程”, 杜绝“半拉子”工程).
DISAPPROVING = word_set("搞 不搞 杜绝 防止 避免 严禁 禁止 反对 不能 不再 纠正 整治")


def _after_its_cost(toks: list[Token], index: int, limit: int, type_name: str) -> int | None:
    """投资8200万元的 + 国家跳台滑雪训练科研基地三期项目: after 'costing so much', the whole run up to the
    head is the name, whatever parts of speech jieba gives its words."""
    if type_name not in ("Project", "Park", "Institution"):
        return None
    for first in range(index, 1, -1):
        if toks[index].end - toks[first].start > limit:
            return None
        if toks[first - 1].word == "的":
            return first if toks[first - 2].word.endswith("元") else None
        if toks[first - 1].tag in ("x", "quote") or toks[first - 1].word in FUNCTION_WORDS:
            return None
    return None


def _acceptable(particular: list[str], head: str, type_name: str, known: frozenset[str] = frozenset()) -> bool:
    """纳入 + 计划, 制定 + 方案: a verb taking the head as its object makes no name."""
    if type_name == "Policy" and all(is_frame(w) for w in particular if w):
        return False
    named = any(w and w not in GENERIC and w not in FUNCTION_WORDS for w in particular)
    return named and _plausible(particular, head, type_name, known)


def _leftmost(toks: list[Token], index: int, type_name: str, limit: int) -> int:
    """Extend leftwards from the head token while the words can belong to a name."""
    end = toks[index].end
    first = index
    while first > 0:
        previous = toks[first - 1]
        if end - previous.start > limit:
            break
        joined = first >= 2 and _joins_two_places(toks[first - 2], previous, type_name)
        fragment = (
            (first >= 2 and _name_fragment(toks[first - 2], previous))
            or _undated(toks, first - 1)
            or _decimal_point(toks, first - 1)
        )
        whole = _whole_of(previous, toks[first], type_name) or _first_of(toks, first - 1)
        if _stops(previous, type_name) and not (_partner_prefix(previous, toks[first]) or joined or fragment or whole):
            break
        before = toks[first - 2] if first >= 2 else None
        if _verb_before_proper(previous, toks[first], type_name, before) and not joined:
            break
        first -= 1
    return first


def _trimmed(toks: list[Token], first: int, index: int, type_name: str, stop: int | None) -> int:
    """Leading modifiers and verbs belong to the sentence, not the name (up to ``stop``, where a cost clause
    says the name starts)."""
    while (
        first < index
        and first != stop
        and (
            _leading(toks[first], toks[first + 1])
            or (
                type_name not in ("Policy", "Event")
                and _verbal(toks[first], toks[first + 1], toks[first - 1] if first else None, type_name)
            )
        )
    ):
        first += 1
    return first


def _owned_by_level(particular: list[str], type_name: str) -> bool:
    """区医院, 县档案馆: the report's own district's institution is a particular one."""
    return type_name in ("Institution", "GovernmentBody") and particular in (["区"], ["县"], ["市"], ["省"])


def _verb_before_proper(token: Token, following: Token, type_name: str, before: Token | None = None) -> bool:
    """市长专程出席 + 英利智慧光伏产业园, 要建设 + 河北省中医药研究院: a verb right before a proper word ends
    the name there (a longer noun-verb such as 军民融合 may open one)."""
    compound = before is not None and before.tag in ("n", "nz", "ns", "j")  # 军民 + 融合/vn: a noun, not a verb
    verb = (token.tag == "v" and len(token.word) > 1) or (token.tag == "vn" and len(token.word) == 2 and not compound)
    return verb and following.tag in ("ns", "nr", "nz", "nt") and type_name not in ("Policy", "Event")


def _village(toks: list[Token], index: int, head: str) -> Candidate | None:
    """大福 + 村, 庞 + 村: a place name jieba did not know, cut off from its one-character suffix."""
    if head not in "村乡镇" or toks[index].word != head or index == 0:
        return None
    previous = toks[index - 1]
    town_after = index + 1 < len(toks) and toks[index + 1].word in ("乡", "镇")  # 姚村 + 乡 is a township
    surname_village = head == "村" and len(previous.word) == 1 and previous.tag == "nr" and not town_after
    if (len(previous.word) < 2 and not surname_village) or previous.word in GENERIC:
        return None
    if previous.tag not in ("ns", "nr", "nz", "nrt", "n", "unk"):
        return None
    if previous.word in _KIND_OF_SETTLEMENT:
        return None  # 精品 + 村, 空心 + 村: a kind of village
    if any(char in previous.word for char in "村乡镇区县"):
        return None
    return Candidate(previous.start, toks[index].end, "Place", source="heads")


def _first_of(toks: list[Token], position: int) -> bool:
    """首 in 首问责任制 means 'first', before the lone character it qualifies."""
    following = toks[position + 1] if position + 1 < len(toks) else None
    return toks[position].word == "首" and following is not None and len(following.word) == 1


def _whole_of(token: Token, after: Token, type_name: str) -> bool:
    """全 in 项目全生命周期服务机制 is 'whole', not 'all of the district'. (Two aspects joined by 和 are
    not joined here: on unseen reports 国家医学中心和区域医疗中心建设试点 is two names more often than one.)"""
    return type_name == "Policy" and token.word == "全" and after.tag == "n" and len(after.word) > 1


def _name_fragment(before: Token, token: Token) -> bool:
    """晓/nr 月/m in 良丰晓月, 黄金 + 台/q in 黄金台武术节: a lone 'figure' or 'measure word' after a name's
    first piece is another piece of a name jieba did not know."""
    if len(token.word) != 1:
        return False
    if token.tag == "q":
        return token.word not in _CLASSIFIERS and len(before.word) > 1 and before.tag in ("n", "ns", "nr", "nz")
    return (
        token.tag == "m"
        and not _CJK_NUMBER.fullmatch(token.word)
        and len(before.word) == 1
        and before.tag in ("nr", "ns", "nz", "a", "ng", "j")
    )


def _decimal_point(toks: list[Token], position: int) -> bool:
    """英利6.5GW光伏电池: the point of a decimal figure inside a name does not end it."""
    return (
        toks[position].word == "."
        and position > 0
        and toks[position - 1].word[-1:].isdigit()
        and toks[position + 1].word[:1].isdigit()
        and not any(_AREA.search(t.word) for t in toks[position + 1 : position + 3])  # (1.3万亩: an area)
    )


def _undated(toks: list[Token], position: int) -> bool:
    """月 in 完成 + 月/m 明/a 河 (月明河): a lone 年, 月 or 日 with no figure before it opens a name."""
    token = toks[position]
    return (
        token.word in ("年", "月", "日")
        and (position == 0 or toks[position - 1].tag != "m")
        and len(toks[position + 1].word) == 1
    )


def _joins_two_places(before: Token, token: Token, type_name: str) -> bool:
    """京哈高速与哈南第十六大道连接线, 张北—雄安特高压工程: a project between two named places."""
    if type_name != "Project" or token.word not in _CONNECTORS:
        return False
    return before.tag in ("ns", "nr") or before.word[-1:] in "路道河速街线淀"


def _after_kind_of_unit(toks: list[Token], first: int, index: int, type_name: str) -> int:
    """县医院 + 三级医院, 商会 + 协会: a unit inside a unit needs a name of its own (哈尔滨分中心);
    a grade or nothing between the two heads leaves only the kind, so the name starts after the first."""
    if type_name != "Institution":
        return first
    for inner in range(index - 1, first - 1, -1):
        found = _head_in(toks[inner])
        if found is not None and found[1] == type_name:
            between = [t.word for t in toks[inner + 1 : index]] + [toks[index].word[: -len(found[0])] or ""]
            verbs = any(t.tag == "v" or t.word in SOFT_FRAME_VERBS for t in toks[inner + 1 : index])
            if verbs or all(not word or word in GENERIC for word in between):
                return inner + 1  # 第七医院 + 创建 + 三级医院: the first unit's goal, not a unit of it
            return first
    return first


_CONNECTORS = frozenset(["与", "跨", "至", "—", "-", "－"])


def _partner_prefix(token: Token, following: Token) -> bool:
    """对 + a one-character country (对俄合作产业园): 'towards Russia' is part of the name."""
    return token.word == "对" and len(following.word) == 1 and following.tag in ("j", "ns", "unk")


def _leading(token: Token, following: Token) -> bool:
    """A word at the left edge that is no part of the name: a modifier, or a verb taking the name as object."""
    if token.word in LEADING or is_frame(token.word) or token.word in SOFT_FRAME_VERBS or token.word in ("和", "及"):
        return True
    if token.tag == "m" and (_AREA.search(token.word) or (following.tag == "m" and _AREA.search(following.word))):
        return True  # 1.3万亩 + 雄清片林: the size of what was planted, not its name
    if token.tag == "q" and _AREA.fullmatch(token.word):
        return True  # 200 + 亩 + 先进制造产业园: the unit of that size
    if len(token.word) == 1:
        return False
    if token.tag in ("ad", "d"):
        return True
    return token.tag in LEADING_TAGS and following.tag not in ("v", "vn", "head")


# Parts of speech that never open the name of a thing (park, company, school, project):
# 盘活/vn 电子产业园, 推开/v 工程建设项目, 让/v 产业园区, 其/r 园区. Policies are named by what they do
# (脱贫攻坚行动), so they keep their verbs.
_VERBAL_TAGS = frozenset(["v", "vn", "vd", "p", "r", "c", "d", "ad"])
# One-character complements of a verb just trimmed (做/v 强/a, 发挥/v 好/a).
_COMPLEMENTS = frozenset("好强大优实精")


def _verbal(token: Token, following: Token, previous: Token | None, type_name: str) -> bool:
    """A verb, adverb, preposition or pronoun at the left edge of a thing's name, judged by its part of speech."""
    if token.tag in ("ns", "nr", "nz", "nt", "nrt", "head", "m", "eng", "quote") or token.word in gazetteer():
        return False  # 保定/v 南站: jieba's tag is wrong for a known place
    if token.tag == "vn" and type_name == "Project":
        return False  # 教育园区新建道路工程: a project is often named by its trade
    if following.word in ("路", "街", "道", "巷"):
        return False  # 博望/v 路: the road's name, whatever jieba tags it
    if len(token.word) == 1 and previous is not None and previous.word == "、":
        return False  # 、 + 维/v 明路西延: a list item starts right after the mark, whatever jieba tags it
    if token.tag in _VERBAL_TAGS:
        return len(token.word) > 1 or len(following.word) > 1 or following.tag == "a"
    after_verb = previous is not None and previous.tag == "v"
    return after_verb and token.word in _COMPLEMENTS and token.tag == "a"  # 发挥 + 好 + 综合保税区


def trim_leading(name: str) -> str:
    """The part of a list item after the last verb or function word in front of its name; only whole
    words count, so 和平路 keeps its 和."""
    cut = 0
    for token in tokens(name):
        if is_frame(token.word) or (token.word in FUNCTION_WORDS and (len(token.word) > 1 or token.word in CUT_CHARS)):
            cut = token.end
    return name[cut:]


CUT_CHARS = frozenset("与了和及对在把向同将以的")


def is_frame(word: str) -> bool:
    """实施, and idioms ending in one (全力推动, 大力实施) or opened by an adverb of effort (大力发展)."""
    return word in FRAME_VERBS or (len(word) >= 3 and (word[-2:] in FRAME_VERBS or word[:2] in _EFFORT))


_EFFORT = frozenset(["大力", "全力", "着力", "积极", "加快", "努力", "深入", "持续", "认真", "扎实", "成功"])


def _plausible(particular: list[str], head: str, type_name: str, known: frozenset[str] = frozenset()) -> bool:
    """Type-specific checks on the particular part (the name without its head)."""
    text = "".join(particular)
    quoted = "“" in text or "《" in text
    if head in WEAK_HEADS and not quoted and len(text) < WEAK_HEADS[head]:
        return False
    if len(text) == 1 and tag_of(text) in ("a", "d", "ad", "v"):
        return False  # 快行动, 早部署: a manner of acting, not a programme
    if (head in COMMON_HEADS or head in _NAMED_EVENT_HEADS) and not quoted:
        return (
            _has_proper_word(particular, known)
            and not _place_and_rank(particular)
            and not _ranked(particular, head)
            and not _kind_of_project(particular, head)
        )
    if head in ORGAN_HEADS:  # 平房区人民政府; 请县政协 is a request, 县委县政府 two organs
        return text[-1:] in "省市区县镇乡" and (len(text) == 1 or len(text) >= 3) and "委" not in text
    if head == "局":
        return len(text) <= 6
    if type_name == "Place" and head in _SETTLEMENT_HEADS and _KIND_OF_VILLAGE_END.search(text):
        return False  # 人居环境示范村, 移风易俗示范镇, 乡村旅游特色村: a title or kind of village
    if (
        type_name == "Place"
        and head in _SETTLEMENT_HEADS
        and all(word in _KIND_OF_SETTLEMENT for word in particular if word)
    ):
        return False  # 精品村, 空心村, 淘宝镇, 高档社区, 主要街道: a kind of place, not one place
    if head in SINGLE_CHAR_HEADS:
        whole_village = head in "村乡镇" and any(
            word in ("村", "乡", "镇") and len("".join(particular[:i])) >= 2 for i, word in enumerate(particular)
        )
        return len(text) >= 2 and not all(char in "村乡镇区县" for char in text) and not whole_village
    return True  # (大堤口村 + 整村: a village already named, and 'the whole village')


_SETTLEMENT_HEADS = frozenset(["村", "镇", "乡", "街道", "社区", "小区"])
_KIND_OF_VILLAGE_END = re.compile(r"(?:示范|特色|达标|专业|重点|精品|美丽)$")
# Words that say what kind of village or community it is (精品社区, 薄弱村, 主要街道), never its name; village
# names are often common words too (光明村, 胜利村, 石门村), so only these count.
_KIND_OF_SETTLEMENT = word_set(
    "精品 薄弱 空心 优秀 高档 主要 示范 完整 集体 清洁 精美 专业 特色 重点 贫困 先进 文明 美丽 智慧 现有 新型 传统 "
    "偏远 边远 合格 达标 试点 样板 星级 和美 宜居 生态 标准化 安防 市级 省级 国家级 全国 淘宝 旅游 产业 老旧 城中 "
    "城郊 城区 农村 城市 居住 住宅 高端 品质 民俗 红色 全民 健康 经济 都市 农业 所有 全部 各 其他 周边 沿线 公共 文化 园林式 园林 整治"
)


def _counted_kind(toks: list[Token], first: int, index: int) -> bool:
    """打造2-3个 + 精品村, 洁美延展村 + 40个 (not 黄石口乡 + 3座转运平台, which counts the platforms)."""
    before = toks[first - 1].word if first > 0 else ""
    after = "".join(t.word for t in toks[index + 1 : index + 3])
    return before in ("个", "批", "类") or _COUNTED_AFTER.match(after) is not None


_COUNTED_AFTER = re.compile(r"(?:\d+|[一二三四五六七八九十两]+)个(?![\u4e00-\u9fff])")


def _stops(token: Token, type_name: str) -> bool:
    word = token.word
    if token.tag == "quote":
        return word.startswith("《")
    if word == "·" and type_name in ("Park", "Project", "Institution"):
        return False  # 中南高科·清苑新经济产业园: an owner or city joined to the name
    if word == "届" and type_name == "Event":
        return False  # 北京第29届种苗大会: the edition is part of the event's name
    if word in FUNCTION_WORDS or is_frame(word):
        return True
    if token.tag in STOP_TAGS and (len(word) > 1 or token.tag == "x"):
        return True  # a lone character is more often a fragment of a name jieba did not know
    if token.tag == "m" and _COUNT.search(word) and not (type_name == "Policy" and _CLAUSES.fullmatch(word)):
        return True  # 20件, 3个: a count of things, never part of one name (but 鼓励产业发展30条政策)
    if token.tag == "m" and type_name not in ("Project", "Event", "Institution", "Place"):
        # 三年行动, 1+7方案, 三医联动改革, 八大行动
        return not (type_name == "Policy" and (word.endswith("年") or "+" in word or _CJK_NUMBER.fullmatch(word)))
    # another name's head ends this one, except where names nest (a project of a company)
    found = _head_in(token)
    if found is not None and type_name == "Place" and found[0] in ("街道", "镇", "乡"):
        return True  # 平新街道 + 秀水社区: the community is named without its subdistrict
    if found is None or found[1] == "Place" or type_name in ("Project", "GovernmentBody", "Event"):
        return False
    if type_name in ("Park", "Institution") and found[1] == type_name:
        return False  # 哈尔滨新区平房经济技术片区, 国家机器人创新中心哈尔滨分中心: a unit within a unit
    return type_name != "Policy"  # 政府法律顾问制度, 重点项目倍增计划: a policy's name may hold any head
