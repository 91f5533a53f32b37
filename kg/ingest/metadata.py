"""Document metadata from the report's front matter and its file name.

Reports open in many ways: a scraped page header ("来源:…时间:2020-01-17"),
a dated meeting line ("——2020年1月3日在哈尔滨市平房区第十六届人民代表大会第四次会议上"),
a speaker line ("区长  宋博岩", "定兴县人民政府县长  吴  鹏"), or nothing at all
(national reports start at "各位代表："). Each field is read where it is
stated and otherwise inferred from the body.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from pathlib import Path

from kg.model import DocumentMeta

_HEAD_CHARS = 600
_ROLE = r"(?:代理)?(?:区长|县长|市长|省长|州长|旗长|主席|国务院总理|总理)"
_SPEAKER_LINE = re.compile(rf"^(?P<org>[^\n]{{0,20}}?)(?P<role>{_ROLE})\s*(?P<name>(?:[\u4e00-\u9fff]\s*){{2,4}})$")
_MEETING = re.compile(
    r"在(?P<meeting>(?P<place>[\u4e00-\u9fff]{0,20}?)(?:第?[一二三四五六七八九十]+届)"
    r"(?:人民代表大会|人大)(?:常务委员会)?第?[一二三四五六七八九十]+次(?:会议|全体会议))"
)
_CN_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(?:时间|日期)\s*[:：]\s*(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
_SOURCE = re.compile(r"来源\s*[:：]\s*(?P<source>[^\s时]+?)(?=\s|时间|$)")
_TITLE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年\s*(?:[\u4e00-\u9fff]{0,12})?政府工作报告")
_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_LEVEL_BY_SUFFIX = (("自治区", "省"), ("省", "省"), ("市", "市"), ("州", "市"), ("盟", "市"),
                    ("区", "区"), ("县", "县"), ("旗", "县"))  # fmt: skip
_SELF = re.compile(r"(?:我代表|我们代表)(?P<org>[\u4e00-\u9fff]{0,12}?)(?:人民政府|政府|国务院)")
_PLACE_NAME = re.compile(r"([\u4e00-\u9fff]{2,4}?(?:区|县|市|旗))(?:人民政府|政府|人民代表大会|委员会|[\u4e00-\u9fff])")


def read_metadata(text: str, path: Path | None, title_hint: str = "") -> DocumentMeta:
    head = text[:_HEAD_CHARS]
    meta = DocumentMeta()
    meta.source = _first(_SOURCE, head, "source")
    meta.date = _date(head)
    meeting = _MEETING.search(re.sub(r"\s+", "", head[:300]))
    if meeting:
        meta.meeting = meeting.group("meeting")
        meta.place = meeting.group("place") if len(meeting.group("place")) >= 2 else ""
    meta.role, meta.speaker, org = _speaker(head)
    if not meta.place:
        meta.place = _place_from_title(title_hint) or org
    meta.level = _level(meta.place, text)
    if not meta.place:
        meta.place = _place_from_body(text, meta.level)
    meta.year = _year(meta, head, title_hint, path)
    meta.title = _title(head, title_hint, meta, path)
    return meta


def _first(pattern: re.Pattern[str], text: str, group: str) -> str:
    match = pattern.search(text)
    return match.group(group).strip() if match else ""


def _date(head: str) -> str:
    match = _ISO_DATE.search(head) or _CN_DATE.search(head)
    if not match:
        return ""
    try:  # a typo such as 2月30日 must not become an invalid xsd:date
        return datetime.date(int(match.group("y")), int(match.group("m")), int(match.group("d"))).isoformat()
    except ValueError:
        return ""


def _speaker(head: str) -> tuple[str, str, str]:
    for line in head.splitlines()[:12]:
        line = line.strip().lstrip("—-")
        match = _SPEAKER_LINE.match(line)
        if match and "代表" not in line:
            name = re.sub(r"\s+", "", match.group("name"))
            org = re.sub(r"(?:人民)?政府$", "", match.group("org").strip())
            return match.group("role"), name, org
    return "", "", ""


def _level(place: str, text: str) -> str:
    if place in {"中华人民共和国", "中国", "全国"} or "全国人民代表大会" in place or _self_org(text) == "国务院":
        return "国家"
    for suffix, level in _LEVEL_BY_SUFFIX:
        if place.endswith(suffix):
            return level
    counts = Counter(re.findall(r"(?:全|我)(区|县|市|省)", text[:20000]))
    if counts:
        return counts.most_common(1)[0][0]
    return ""


def _self_org(text: str) -> str:
    match = _SELF.search(text[:3000])
    if not match:
        return ""
    return "国务院" if "国务院" in match.group(0) else match.group("org")


_NOT_IN_NAME = re.compile(r"[和与及委府的在是为对表了]")
_TITLE_PLACE = re.compile(
    r"^(?:(?:19|20)\d\d年)?(?P<place>[\u4e00-\u9fff]{2,16}?)(?:(?:19|20)\d\d年)?(?:人民)?政府工作报告"
)


def _place_from_title(title: str) -> str:
    match = _TITLE_PLACE.match(title.strip())
    if not match:
        return ""
    place = match.group("place")
    if place.startswith("中华人民共和国"):
        return "中华人民共和国"
    return place if place[-1] in "省市区县州盟旗" else ""


def _place_from_body(text: str, level: str) -> str:
    if level == "国家":
        return "中华人民共和国"
    if level not in {"区", "县", "市", "省"}:
        return ""
    pattern = re.compile(
        rf"(?P<parent>[\u4e00-\u9fff]{{2,3}}[市省])?(?P<name>[\u4e00-\u9fff]{{2,3}}?{level})"
        r"(?:人民政府|政府|委|人大|国民经济)"
    )
    counts: Counter[str] = Counter()
    full: dict[str, str] = {}
    for match in pattern.finditer(text):
        name = match.group("name")
        if name.startswith(("全", "我", "本", "各")) or _NOT_IN_NAME.search(name):
            continue
        counts[name] += 1
        if match.group("parent"):
            full.setdefault(name, match.group("parent") + name)
    if not counts:
        return ""
    name = counts.most_common(1)[0][0]
    return full.get(name, name)


def _year(meta: DocumentMeta, head: str, title_hint: str, path: Path | None) -> int | None:
    for candidate in (title_hint, head):
        match = _TITLE_YEAR.search(candidate)
        if match:
            return int(match.group(1))
    if meta.date:
        return int(meta.date[:4])
    if path is not None:
        match = _FILE_YEAR.search(path.stem)
        if match:
            return int(match.group(1))
    return None


def _title(head: str, title_hint: str, meta: DocumentMeta, path: Path | None) -> str:
    if title_hint:
        return title_hint
    for line in head.splitlines()[:5]:
        compact = re.sub(r"\s+", "", line)
        if "政府工作报告" in compact and len(compact) <= 60:
            return compact.replace("【政府工作报告】", "") or compact
    year = f"{meta.year}年" if meta.year else ""
    if meta.place:
        return f"{meta.place}{year}政府工作报告"
    return path.stem if path is not None else "政府工作报告"
