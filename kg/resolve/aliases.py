"""When two names are one thing: identities that forget wording, and abbreviations.

Chinese reports shorten names in a few regular ways, which these rules follow:
drop the place in front (平房区人民政府 → 区政府), drop the admin suffix
(哈尔滨市 → 哈尔滨), drop a leading owner (中航哈飞 → 哈飞), or keep one character
of each word (哈尔滨经济技术开发区 → 哈经开区).
"""

from __future__ import annotations

import re

from kg.rdf.namespaces import name_key

# County level and up: 哈尔滨市 = 哈尔滨, 定兴县 = 定兴. Not towns: 定兴镇 is the county seat, not the county.
_ADMIN_SUFFIX = re.compile(r"(?<=..)(?:特别行政区|自治区|自治州|自治县|省|市|县|区)$")
_PLACE_PARTS = re.compile(r".+?(?:省|自治区|市|州|盟)(?=.{2,})")
_INDUSTRY_SUFFIX = re.compile(r"(?<=..)(?:产业集群|产业|行业)$")
_LEVEL_ORGAN = re.compile(r"^(?:[省市区县乡镇])?(?:委|人民政府|政府|人大|人大常委会|政协|纪委|纪委监委)$")
# What a longer name may add after a short one and still be the same thing.
_OPTIONAL_TAIL = {
    "Enterprise": ("公司", "集团", "集团公司", "有限公司", "股份有限公司"),
    "Park": ("园区", "区"),
    "Project": ("项目", "工程"),
    "Policy": ("改革", "政策", "工作", "行动", "战略", "建设", "机制", "制度", "规划"),
    "Institution": ("学校",),
    "Event": (),
    "Industry": ("产业", "行业", "业"),
    "Place": ("道", "村"),  # never 乡/镇: a bare 定兴 means the county, not the town 定兴镇
    "GovernmentBody": (),
}
_MIN_SUFFIX_FORM = 2
# 金台开发区 is 金台经济开发区: a zone's kind word may be left out once the place before it is said.
_ZONE_KIND = re.compile(r"(?<=..)(?:经济技术|高新技术产业|高新技术|经济)(?=开发区$)")
_ZONE_PART = re.compile(r"[A-Za-zＡ-Ｚ东西南北]区$")
_PARK_AREA = re.compile(r"(?<=..)园区$")
_MIN_ABBREVIATION = 3
_MAX_ABBREVIATION = 5


def identity(type_name: str, name: str, report_place: str = "") -> str:
    """What stays of a name once wording that never changes the referent is dropped."""
    key = name_key(name)
    if type_name == "GovernmentBody":
        return _organ_identity(key, name_key(report_place))
    if type_name == "Place":
        if report_place and key == name_key(report_place):
            key = _last_place_part(key)
        return _ADMIN_SUFFIX.sub("", key)
    if type_name == "Industry":
        return _INDUSTRY_SUFFIX.sub("", key)
    if type_name == "Park":
        return _PARK_AREA.sub("园", key)  # 云计算产业园区 = 云计算产业园
    return key


def _organ_identity(key: str, place: str) -> str:
    """平房区人民政府 / 哈尔滨市平房区人民政府 / 区政府 are one organ in a 平房区 report."""
    for form in _place_forms(place):
        if key.startswith(form) and len(key) > len(form):
            key = form[-1] + key[len(form) :]
            break
    key = _TERM.sub("人大", key)  # 平房区第十六届人民代表大会 = 区十六届人大 = 区人大: the congress in office
    return key.replace("人民政府", "政府")


_TERM = re.compile(r"第?[一二三四五六七八九十百]+届(?:人民代表大会|人大)")


def _place_forms(place: str) -> list[str]:
    if not place:
        return []
    last = _last_place_part(place)
    return sorted({place, last}, key=len, reverse=True)


def _last_place_part(place: str) -> str:
    match = _PLACE_PARTS.match(place)
    return place[match.end() :] if match else place


def level_scoped(label: str) -> bool:
    """True for organs named only by their level (区委, 县政府, 人大)."""
    return _LEVEL_ORGAN.match(name_key(label)) is not None


def abbreviation_target(short: str, idents: list[str], type_name: str) -> str | None:
    """The one longer name of the same type that ``short`` abbreviates, if exactly one."""
    targets = [long for long in idents if len(long) > len(short) and _abbreviates(short, long, type_name)]
    if not targets:
        return None
    longest = max(targets, key=lambda t: (len(t), t))
    # a chain (新区 ⊂ 哈尔滨新区 ⊂ 哈尔滨新区平房片区) is fine when each includes the shorter
    if all(t == longest or _abbreviates(t, longest, type_name) for t in targets):
        return min(targets, key=lambda t: (len(t), t))
    return None


def _abbreviates(short: str, long: str, type_name: str) -> bool:
    if type_name == "Park" and _ZONE_KIND.sub("", long) == short:
        return True
    if type_name == "Park" and _ZONE_PART.search(long) and not _ZONE_PART.search(short):
        return False  # 金台开发区 is the whole zone, not its 北区
    if long.startswith(short) and long[len(short) :] in _OPTIONAL_TAIL.get(type_name, ()):
        return True
    if type_name == "Industry":
        return False
    if type_name == "Policy" and len(short) >= _MIN_SUFFIX_FORM and long.startswith(short):
        return True  # “两学一做” and “两学一做”学习教育: the quoted core names the programme
    minimum = _MIN_SUFFIX_FORM if type_name not in ("Policy", "Project") else _MIN_ABBREVIATION + 1
    if len(short) >= minimum and long.endswith(short) and not _generic_tail(short, type_name):
        return True
    if type_name in ("Policy", "Project", "Event"):
        return False  # these shorten by dropping whole words, not characters
    return (
        _MIN_ABBREVIATION <= len(short) <= _MAX_ABBREVIATION
        and short[0] == long[0]
        and short[-1] == long[-1]
        and _subsequence(short, long)
        and not _one_cut(short, long)
    )


def _one_cut(short: str, long: str) -> bool:
    """哈尔滨新区管委会 is 哈尔滨新区平房片区管委会 minus one piece: a different body, not an abbreviation."""
    # 哈经开区 from 哈尔滨经开区 keeps one character of a word: that is how abbreviations are made
    return any(long.startswith(short[:i]) and long.endswith(short[i:]) for i in range(2, len(short)))


def _generic_tail(short: str, type_name: str) -> bool:
    """A head alone (公司, 产业园) abbreviates nothing."""
    return type_name in ("GovernmentBody", "Institution", "Place") and len(short) <= 2


def _subsequence(short: str, long: str) -> bool:
    position = 0
    for char in short:
        position = long.find(char, position) + 1
        if position == 0:
            return False
    return True
