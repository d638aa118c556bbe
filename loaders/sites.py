"""Sites a measure or a goal names: parks, zones, science cities, labs, computing centres.

Known sites (``sites.csv``) are found by name or alias and keep their
canonical name, so 东莞松山湖, 松山湖 and 松山湖高新区 are one Site. Unknown ones
are read by their ending (…产业园, …科学城, …数据中心集群, …实验室) with the
name running left to the nearest punctuation or verb (依托, 建设…). A name made
only of generic words (人工智能产业园, 城市边缘智算中心) is not a site; a name
that carries a place (罗湖人工智能产业基地) or a proper word (云溪谷数字产业园) is.
A leading city name is dropped when the rest stands alone (佛山顺德机器人谷 ->
顺德机器人谷), and a generic name takes the city of its paragraph (佛山。依托
高新区人工智能产业园… -> 佛山高新区人工智能产业园).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from loaders.lexicon import KnownEntity, Region, known_sites, regions, words

STOP_CHARS = set("、，,。；;：:“”\"'（）()《》【】[]！!？?\n 　/|")


@dataclass(frozen=True)
class SiteMention:
    name: str  # canonical (Simplified)
    written: str  # as written (Simplified)
    start: int  # offset in the searched text
    kind: str
    name_en: str | None
    city: str | None
    district: str | None
    known: bool


@cache
def _known_index() -> list[tuple[str, KnownEntity]]:
    pairs = []
    for site in known_sites():
        for form in (site.name, *site.aliases):
            pairs.append((form, site))
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


@cache
def _suffixes() -> list[tuple[str, str]]:
    return sorted(((s, k) for s, k in words()["sites"]["suffixes"]), key=lambda p: len(p[0]), reverse=True)


@cache
def _generic_regex() -> re.Pattern[str]:
    generic = sorted(words()["sites"]["generic"], key=len, reverse=True)
    return re.compile("|".join(re.escape(g) for g in generic))


@cache
def _left_stops() -> tuple[frozenset[str], tuple[int, ...]]:
    stops = frozenset(words()["sites"]["left_stops"])
    return stops, tuple(sorted({len(s) for s in stops}, reverse=True))


@cache
def _known_regex() -> tuple[re.Pattern[str], dict[str, KnownEntity]]:
    forms = dict(_known_index())
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))), forms


@cache
def _suffix_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    kinds = dict(_suffixes())
    return re.compile("|".join(re.escape(s) for s in sorted(kinds, key=len, reverse=True))), kinds


def _ends_with_stop(text: str, i: int) -> bool:
    stops, lengths = _left_stops()
    return any(text[i - n:i] in stops for n in lengths if n <= i)


def find_sites(text: str, context_city: Region | None = None, home: Region | None = None) -> list[SiteMention]:
    """Every site named in ``text`` (a measure's text or a goal clause)."""
    found: list[SiteMention] = []
    taken: list[tuple[int, int]] = []
    known, forms = _known_regex()
    for match in known.finditer(text):
        site, form = forms[match.group(0)], match.group(0)
        taken.append((match.start(), match.end()))
        found.append(SiteMention(site.name, form, match.start(), site.kind, site.name_en, site.city,
                                 site.district, True))
    for start, end, kind in _pattern_candidates(text):
        if any(s < end and start < e for s, e in taken):
            continue
        written = text[start:end]
        listed = text[start - 1:start] == "、" or text[end:end + 1] in ("、", "等")
        mention = _unknown_site(written, start, kind, context_city, listed, home)
        if mention:
            taken.append((start, end))
            found.append(mention)
    return sorted(found, key=lambda m: m.start)


def _pattern_candidates(text: str) -> list[tuple[int, int, str]]:
    candidates: list[tuple[int, int, str]] = []
    regex, kinds = _suffix_regex()
    for match in regex.finditer(text):
        suffix, end = match.group(0), match.end()
        if end < len(text) and _continues_name(text, end):
            continue
        start = _left_edge(text, match.start())
        if end - start > len(suffix) and end - start <= 30:
            candidates.append((start, end, kinds[suffix]))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    kept: list[tuple[int, int, str]] = []
    for c in candidates:
        if any(k[0] <= c[0] and c[1] <= k[1] for k in kept):
            continue
        kept = [k for k in kept if not (c[0] <= k[0] and k[1] <= c[1])]
        kept.append(c)
    return kept


def _continues_name(text: str, end: int) -> bool:
    """A suffix inside a longer name: 松山湖|高新区, 产业园|区."""
    if _suffix_regex()[0].match(text, end):
        return True
    return text[end:end + 1] == "区" and not text.startswith("区域", end)


def _left_edge(text: str, suffix_start: int) -> int:
    """Where a name ending at ``suffix_start`` begins: after punctuation, a verb, or a conjunction
    that joins two names (A园和B园), but across a conjunction inside one name (人工智能与数字经济产业基地)
    and across a place in brackets (中国（广东）机器人集成创新中心)."""
    i = suffix_start
    while i > 0:
        ch = text[i - 1]
        if ch in "）)":
            bracket = re.search(r"[（(]([\u4e00-\u9fff、，]{2,20})[）)]$", text[:i])
            if bracket and all(regions().lookup(p) for p in re.split(r"[、，]", bracket.group(1)) if p):
                i = bracket.start()
                continue
        if ch == "”":
            opening = text.rfind("“", 0, i - 1)
            if opening >= 0 and i - 1 - opening <= 12:
                i = opening  # a quoted proper name before the ending: “无锡·延安”智算中心
                break
        if ch in STOP_CHARS or _ends_with_stop(text, i):
            break
        if ch in "和与及" and (any(text.endswith(s, 0, i - 1) for s, _ in _suffixes())
                              or _starts_with_place(text[i:suffix_start])
                              or re.search(r"(大学|学院|研究院|研究所|实验室|公司|集团|医院|[)）])$", text[:i - 1])):
            break  # 香港科技大学（广州）及南沙科学城, 国家超级计算成都中心和成都智算中心: two names
        i -= 1
    for form, _org in _org_names():
        if len(form) >= 2 and text.endswith(form, 0, i):
            return i - len(form)  # 美的库卡智能制造科技园: a company name inside a site name
    return i


def _starts_with_place(text: str) -> bool:
    return _leading_place(text) is not None


@cache
def _org_names() -> list[tuple[str, str]]:
    from loaders.lexicon import known_organizations

    return [(form, org.name) for org in known_organizations() for form in (org.name, *org.aliases)]


def _unknown_site(written: str, start: int, kind: str, context_city: Region | None,
                  listed: bool = False, home: Region | None = None) -> SiteMention | None:
    """A site by its ending, if its name carries a place, a proper name, or stands in a list of sites."""
    plain = written
    for form, _org in _org_names():
        plain = plain.replace(form, "")
    if "的" in plain or re.search(r"\d(?![A-Za-z\d]*[A-Za-z])", written):
        return None  # digits only inside a token such as 5G
    if re.match(r"有关|相关|各类|各|符合条件的|一批|若干|其他|现有", written):
        return None  # a determiner makes no name
    suffix = next(s for s, _ in _suffixes() if written.endswith(s))
    core = written[: -len(suffix)]
    place = _leading_place(core, home)
    residual = _generic_regex().sub("", core)
    strong = suffix in words()["sites"]["strong_suffixes"] and len(residual) >= 2
    if not (place or strong or _proper(core) or (listed and residual)):
        return None
    name = written
    city = district = None
    if place:
        region = place[1]
        if region.level == "District":
            district, city = region.name, region.parent
        elif region.level == "City":
            city = region.name
        rest = written[len(place[0]):]
        inner = _leading_place(rest, home)
        if region.level == "City" and inner and inner[1].level == "District" and inner[1].parent == region.name:
            name = rest  # 佛山顺德机器人谷 -> 顺德机器人谷: the district names it well enough
    elif context_city is not None and len(re.sub(r"高新区|开发区|经开区|火炬|新区", "", residual)) < 2:
        name = context_city.short + written  # 高新区人工智能产业园 under 佛山 -> 佛山高新区人工智能产业园
        city = context_city.name
    if city is None and context_city is not None:
        city = context_city.name
    return SiteMention(name, written, start, kind, None, city, district, False)




@cache
def _proper(core: str) -> bool:
    """Does the name hold a proper noun (jieba tags place and person names ns/nr, others nz/nt)?"""
    from loaders.segment import tagged

    generic = set(words()["sites"]["generic"])
    not_places = set(words()["sites"]["not_places"])
    return any(flag in ("ns", "nr", "nz", "nt") and len(word) >= 2 and word not in not_places
               and word not in generic for word, flag in tagged(core))


def _leading_place(core: str, home: Region | None = None) -> tuple[str, Region] | None:
    """The division a name starts with. A short name (万山, 中山) counts only inside the plan's
    own province when that is known: 万山无人船海上测试场 in a Guangdong plan is not in Guizhou."""
    index = regions()
    for size in range(min(6, len(core)), 1, -1):
        head = core[:size]
        hits = index.by_name.get(head)
        if not hits:
            hits = index.by_short.get(head, [])
            if home is not None:
                hits = [h for h in hits if h.province == home.province]
        if hits:
            if home is not None:
                hits = sorted(hits, key=lambda h: h.province != home.province)
            return head, hits[0]
    return None
