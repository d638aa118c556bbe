"""The jurisdiction a plan is for (COVERS), which also resolves its short agency names.

One wrong jurisdiction mis-names every 省…/市… agency of the document, so every
clue the page gives is used, strongest first:

1. the title: the innermost division it starts with (广东省…, 温州市洞头区…,
   关于支持东莞市滨海湾新区…, 建设杭州国家…先导区…);
2. the issuer's jurisdiction (呼和浩特市人民政府);
3. the 文号's prefix (鲁政办字 → 山东, 黔东南府办函 → 黔东南州, 甬政发 → 宁波) and the
   abbreviations the text uses for its own place (在皖企业, 来漳就业), one-character
   forms listed in ``abbreviations.csv``; a form shared by two places (苏: 江苏 or
   苏州) is settled by the places the text names, or not used;
4. the level the text speaks at (我省, 全省 / 我市, 全市) applied to the places it
   names: the province (or city) that most of them lie in;
5. the province or city the text names most.

Addressee lines (各市、县人民政府，…：) are left out of the count: they list
recipients, and a province's notice names its cities there.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable
from functools import cache

from loaders.agencies import Jurisdiction, region_chain, resolve
from loaders.document import simplified_chars
from loaders.lexicon import DICTIONARIES, Region, region_forms, regions, words
from loaders.places import addressee_line, places_in

LEVEL_RANK = {"Province": 0, "City": 1, "District": 2}


class _Named:
    """The divisions the text names (addressee lines left out), counted on first need: only a name
    several divisions share, or a title without a place, needs them, and segmenting the text costs."""

    def __init__(self, text: str):
        self._text = text
        self._counts: Counter[Region] | None = None

    def __call__(self) -> Counter[Region]:
        if self._counts is None:
            lines = [line for line in self._text[:5000].split("\n") if not addressee_line(line)]
            self._counts = Counter(p.region for p in places_in("\n".join(lines), None))
        return self._counts


def plan_region(title: str | None, issuers: list[str], text: str, doc_number: str | None = None) -> Region | None:
    named = _Named(text)
    if title:
        region = _title_region(title, named)
        if region:
            return region
    for written in issuers:
        agency = resolve(written, Jurisdiction())
        if agency and agency.jurisdiction:
            found = regions().by_name.get(agency.jurisdiction)
            region = _in_context(found, named) if found else None
            if region:
                return region
        region = _title_region(written, named)
        if region:
            return region
    for candidates in (_number_regions(doc_number), *_abbreviated(text)):
        region = _supported(candidates, named)
        if region:
            return region
    level = _own_level(text)
    if level:
        region = _enclosing_most(named(), level)
        if region:
            return region
    region = _most_named(named(), _first_line(text))
    if level == "City" and region is not None and region.level == "Province" and _FIRST_PERSON_CITY.search(text[:8000]):
        return None  # 我市 in a text that names only its province: a city's plan, the city unnamed
    return region


def _first_line(text: str) -> str:
    """The page's heading: its first line, if it is short enough to be one."""
    line = next((line for line in text.split("\n") if line.strip()), "")
    return line if len(line.strip()) <= 60 else ""


def _most_named(named: Counter[Region], heading: str = "") -> Region | None:
    """The division the text is about when nothing else says: the province or city named most (its
    own mentions and those of the places inside it), then the one place inside it that takes at least
    half of those mentions (a report on 浦东新区 names 上海 too, but names 浦东 more). A province or city
    that takes no more than half of the mentions, or is named once and not in the page's first line, is
    no clue: a ministry's report on pilot zones in 重庆、成都、西安 is about none of them."""
    support: Counter[Region] = Counter()
    for region, count in named.items():
        for r in region_chain(region):
            support[r] += count
    tops = Counter({r: n for r, n in support.items() if r.level in ("Province", "City") and not r.county_level
                    and not any(p.name == r.parent for p in support if p.level in ("Province", "City"))})
    if not tops:
        return None
    best, count = tops.most_common(1)[0]
    if count * 2 <= sum(tops.values()):
        return None  # a report on 重庆、成都、西安、济南 alike is about none of them
    while True:
        inside = [r for r in support if r.parent == best.name]
        heavy = [r for r in inside if support[r] * 2 >= support[best]]
        if len(heavy) != 1:
            break
        best = heavy[0]
    if count < 2 and best.name not in heading and best.short not in heading:
        return None  # one passing mention
    return best


def _distinct_places(candidates: list[Region]) -> bool:
    """Divisions of one name in different places (not a province and its namesake city: 吉林)."""
    return len({r.province for r in candidates}) > 1 or (len({r.parent for r in candidates}) > 1 and not any(
        r.level == "Province" or r.provincial_level for r in candidates))


def _in_context(candidates: list[Region], named: Callable[[], Counter[Region]] | None) -> Region | None:
    """Of the divisions sharing a name (南山区 of 深圳市 and of 鹤岗市) or a short form (新北: 新北市 or
    常州's 新北区), the one the text names most, itself or by its city or province; the first listed
    when it names none."""
    if len(candidates) == 1:
        return candidates[0]
    if named is None:
        return None
    counts = named()
    names = Counter()
    for region, count in counts.items():
        names[region.name] += count
    support = {r: counts[r] + names[r.parent or ""] + names[r.province] for r in candidates}
    best = max(candidates, key=lambda r: (support[r], -candidates.index(r)))
    if not support[best] and _distinct_places(candidates):
        return None  # 鼓楼区 of 南京, 福州, 徐州 or 开封: nothing says which
    return best


#: words a title may open with before its place: 建设杭州国家…先导区, 全面推进数字咸宁建设
_LEADING_VERBS = re.compile(r"^(?:关于|中共|进一步|全面|加快|推进|推动|促进|支持|建设|打造|深化|深入实施|实施|做好)+")


def _title_region(title: str, named: Callable[[], Counter[Region]] | None = None) -> Region | None:
    """The innermost division the title names along one chain (打造上海市…示范区全面推进杨浦区… → 杨浦区);
    where it names several divisions side by side (广州、深圳…), the one they share."""
    opened = _LEADING_VERBS.match(title)
    head = title[opened.end():] if opened else title
    found = scan_regions(head[:40], named)
    if not found:
        return None
    found.sort(key=lambda r: LEVEL_RANK[r.level])
    best = found[0]
    for region in found[1:]:
        if region == best:
            continue
        chain = {r.name for r in region_chain(region)}
        if best.name in chain:
            best = region  # deeper on the same chain
        elif LEVEL_RANK[region.level] >= LEVEL_RANK[best.level]:
            return _shared(best, region)
    return best


def _shared(a: Region, b: Region) -> Region | None:
    """The innermost division enclosing both."""
    inside_b = {r.name for r in region_chain(b)}
    return next((r for r in region_chain(a) if r.name in inside_b), None)


def scan_regions(text: str, named: Callable[[], Counter[Region]] | None = None) -> list[Region]:
    """Divisions written in a short heading (a title, an issuer's name), longest name first at each
    position: full names, short forms of provinces and prefecture-level cities, a district's short
    form right after its city (广州南沙). A shared name goes to the division ``named`` points to."""
    found: list[Region] = []
    known = region_forms()
    i = found_end = 0
    while i < len(text):
        for size in range(min(8, len(text) - i), 1, -1):
            word = text[i:i + size]
            if word not in known:
                continue  # names no division: no candidates (a set lookup, not the rules of one)
            inner = found[-1] if found and found[-1].level == "City" and found_end == i else None
            hits = _heading_candidates(word, inner, named)
            if hits:
                hit = _in_context(hits, named)
                if hit is not None:
                    found.append(hit)
                i += size
                found_end = i
                break
        else:
            i += 1
    return found


def _heading_candidates(word: str, inner: Region | None,
                        named: Callable[[], Counter[Region]] | None = None) -> list[Region]:
    """The divisions ``word`` may name at the head of a title: a full name; a province's or
    prefecture-level city's short form; a county's or district's short form right after its city
    (广州南沙), or one the text names in full or by its city (数字新北 in a text that prints 新北区 or 常州:
    新北区, not 新北市)."""
    index = regions()
    full = index.by_name.get(word) or index.aliases.get(word)
    if full:
        inside = [r for r in full if inner is not None and r.parent == inner.name]
        return inside or full  # 深圳市南山区: the 南山区 of 深圳
    shorts = index.by_short.get(word, [])
    if not shorts:
        return []  # nothing to choose from: the places the text names (segmenting it) are not needed
    upper = [r for r in shorts if r.level == "Province" or (r.level == "City" and not r.county_level)]
    if word in words()["places"]["common_word_shorts"]:
        upper = []
    if inner is not None:
        return [r for r in shorts if r.parent == inner.name] or upper
    counted = named() if named is not None else Counter()
    names = {r.name for r in counted}
    lower = [r for r in shorts if r not in upper and (r in counted or r.parent in names or r.province in names)
             and not any(u.name == r.parent for u in upper)]  # 长沙 is 长沙市, never its 长沙县
    return upper + lower


# -- the 文号 and the text's own abbreviations -------------------------------------------------

@cache
def abbreviation_regions() -> dict[str, list[Region]]:
    """The divisions each one-character abbreviation of ``abbreviations.csv`` may stand for."""
    index = regions()
    table: dict[str, list[Region]] = {}
    with (DICTIONARIES / "abbreviations.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found = index.by_name.get(row["region"])
            if found:
                table.setdefault(row["abbreviation"], []).append(found[0])
    return table


_NUMBER_HEAD = re.compile(r"^\s*([\u4e00-\u9fff]{1,12}?)\s*[〔\[【(（［]\s*(?:19|20)\d\d")


def _number_regions(doc_number: str | None) -> list[Region]:
    """The places a 文号's issuer code names: a division written at its start (黔东南府办函), else its
    first character as a one-character abbreviation (鲁政办字 → 山东省; 苏 → 江苏省 or 苏州市)."""
    if not doc_number:
        return []
    head = _NUMBER_HEAD.match(simplified_chars(doc_number))
    if not head:
        return []
    code = head.group(1)
    for size in range(min(8, len(code) - 1), 1, -1):
        hits = _heading_candidates(code[:size], None)
        if hits:
            return hits
    return abbreviation_regions().get(code[0], [])


#: 在皖企业, 来漳就业, 赴川投资: a one-character abbreviation of the text's own place
_ABBREVIATED = re.compile(r"(?:在|来|赴|入|驻|留|落户)([\u4e00-\u9fff])(?=企业|高校|院所|科研|机构|单位|就业|创业|发展|"
                          r"工作|投资|落地|落户|设立|注册|项目|通用|人工智能)")


def _abbreviated(text: str) -> list[list[Region]]:
    table = abbreviation_regions()
    return [table[m.group(1)] for m in _ABBREVIATED.finditer(text[:8000]) if m.group(1) in table]


def _supported(candidates: list[Region], named: Callable[[], Counter[Region]]) -> Region | None:
    """One candidate: the only one, or the one the places the text names lie in or around; a place
    named itself counts twice (苏府办 in a text naming 苏州: 苏州市, which 江苏省 only encloses)."""
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    support = Counter()
    for region, count in named().items():
        chain = {r.name for r in region_chain(region)}
        for candidate in candidates:
            if candidate.name in chain or region.name in {r.name for r in region_chain(candidate)}:
                support[candidate] += count * (2 if candidate == region else 1)
    ranked = support.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


# -- the level the text speaks at -------------------------------------------------------------

#: a plan speaking of itself (我市发挥…): outweighs 全省 (打造全省…高地), and the province a city's plan names
#: is not its place
_FIRST_PERSON_CITY = re.compile(r"我市|本市")
#: (我区 is also how an autonomous region speaks of itself: not a district's voice in a text naming 自治区)
_FIRST_PERSON = {"Province": re.compile(r"我省|本省"), "City": _FIRST_PERSON_CITY,
                 "District": re.compile(r"我区|本区(?!域)|我县|本县")}
_OWN_LEVEL = {
    "Province": re.compile(r"我省|全省|本省|省委、省政府|省委省政府"),
    "City": re.compile(r"我市|全市|本市|市委、市政府|市委市政府"),
    # a district's or county's voice (全区, 区委、区政府, 全县); 全区 is also an autonomous region's own
    # word for itself, so a text that names 自治区 is never read at this level
    # (not 全区域, 本区域, 全区县 or 安全区: an area, a city's districts, a zone)
    "District": re.compile(r"我区|(?<!安)全区(?![域县])|本区(?!域)|区委、区政府|区委区政府|我县|全县|本县"
                           r"|县委、县政府|县委县政府"),
}


def _own_level(text: str) -> str | None:
    """The level a text speaks at: 我省/全省 (a province's plan), 我市/全市 (a city's) or 我区/全县 (a
    district's or a county's), by how often.

    A 全市 right after a place's name (占上海全市的四成) is that place seen from outside, not the
    text's own voice: a district's report compares itself with its city that way.
    """
    text = text[:8000]
    first = {level: len(pattern.findall(text)) for level, pattern in _FIRST_PERSON.items()
             if level != "District" or "自治区" not in text}
    if sum(first.values()) and len(set(first.values())) > 1:
        return max(first.items(), key=lambda item: item[1])[0]  # 我市 outweighs 打造全省…高地
    counts = {level: sum(1 for m in pattern.finditer(text) if not _named_whole(text, m.start()))
              for level, pattern in _OWN_LEVEL.items()}
    if "自治区" in text:
        counts.pop("District")
    level, count = max(counts.items(), key=lambda item: item[1])
    return level if count else None


def _named_whole(text: str, at: int) -> bool:
    """``text[at:]`` (全市, 全省) follows the name of a division: 上海全市, 广东全省."""
    index = regions()
    return any(text[max(0, at - size):at] in index.by_name or text[max(0, at - size):at] in index.by_short
               for size in range(2, 6) if at >= size)


def _enclosing_most(named: Counter[Region], level: str) -> Region | None:
    """The division at ``level`` that most of the named places are in (or are)."""
    tally: Counter[Region] = Counter()
    for region, count in named.items():
        for r in region_chain(region):
            if r.level == level and not (level == "City" and r.county_level):
                tally[r] += count
    ranked = tally.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        best = ranked[0][0]
        if level == "City":
            # a county-level city speaks as 我市/全市 too (推动昆山市…，结合我市实际): the one inside the city
            # that takes at least half of its mentions is the text's own
            inside = [(r, count) for r, count in named.items()
                      if r.level == "City" and r.county_level and r.parent == best.name and count * 2 >= tally[best]]
            if len(inside) == 1:
                return inside[0][0]
        return best
    return None


def jurisdiction_of(region: Region | None) -> Jurisdiction:
    return Jurisdiction.of(region)
