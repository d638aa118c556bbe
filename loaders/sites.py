"""Sites a measure or a goal names: parks, zones, science cities, labs, computing centres.

Known sites (``sites.csv``) are found by name or alias and keep their
canonical name, so 东莞松山湖, 松山湖 and 松山湖高新区 are one Site. Unknown ones
are read by their ending (…产业园, …科学城, …数据中心, …先导区, …实验室) with the
name running left to the nearest punctuation or verb (依托, 建设…). A name made
only of generic words (人工智能产业园, 城市边缘智算中心) is not a site; a name
that carries a place (罗湖人工智能产业基地) or a proper word (云溪谷数字产业园) is.
A place counts only as a whole word: 大连接 does not name 大连, and a county's
short name counts only inside the plan's own province.

Three readings depend on the sentence, not on the name:

- a national designation written bare (国家人工智能创新应用先导区) is the one
  its holder has: the plan's city, the city the clause names as its builder, or
  in a province plan the province's only holder (``lexicon.toml`` lists who
  holds which); it is named after the holder, as written kept as alias;
- an institution that acts (…实验室联合企业开展攻关, …创新中心等创新主体) is an
  organization, not a site (``acting_bodies``);
- a 研究院 is a site only where a task builds it as a platform (加快建设…研究院等平台).

A leading city name is dropped when the rest stands alone (佛山顺德机器人谷 ->
顺德机器人谷), and a name made of a generic zone word takes the city of its
paragraph or plan (佛山。依托高新区人工智能产业园… -> 佛山高新区人工智能产业园).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from loaders.document import Span
from loaders.lexicon import KnownEntity, Region, known_sites, regions, words
from loaders.segment import word_frequency

if TYPE_CHECKING:
    from loaders.layout import Line
    from loaders.outline import Measure, Outline

STOP_CHARS = set("、，,。；;：:“”\"'（）()《》【】[]「」『』！!？?\n 　/|+＋")

#: what a list of institutions that act is followed by (…等创新主体, …联合企业, …牵头组建), or the kind of
#: body a list closed by 等 says its members are (…实验室等研究机构): bodies, not the places of a task
_ACTING = re.compile(r"(?:等[^，。；、]{0,8}?)?(?:创新主体|联合|牵头|携手|联手)"
                     r"|等[^，。；、]{0,6}?(?:研究|科研|研发)机构")
#: what follows a list of companies (…等链主企业): their plants and bases are the companies'
_FIRMS_TAIL = re.compile(r"等[^，。；、]{0,6}?(?:企业|公司|厂商)")
#: what follows a list of platforms a task builds (…等平台, …等创新载体)
_PLATFORM_TAIL = re.compile(r"等[^，。；、]{0,10}?(?:平台|载体|设施)")
#: a list the clause ends by building (支持…研究院建设。), also as a project (实施…研究院建设工程)
_BUILT_AFTER = re.compile(r"(?:等[^，。；、]{0,8}?)?(?:建设|建成|落地)(?:工程|项目)?(?=[，。；、和及]|$)")
#: an institution to come into service (…研发院将于下半年投入运作, …研究院年内揭牌, 建成投用): a facility a
#: task is building
_IN_SERVICE = re.compile(r"[^，,。；;]{0,8}?(?:投入运作|投入运营|投入使用|投入运行|正式运行|建成投用|投用"
                         r"|启用|落成|开园|揭牌)")
#: a verb that builds what follows it, or builds on it as a platform
_BUILDS = re.compile(r"(?:建设|筹建|组建|新建|建成|建立|设立|扩建|升级|成立|打造|布局|创建|共建|争创|谋划"
                     r"|依托|基于|利用)(?:完善|提升)?$")
#: a category of beneficiaries, not one site (对新获批的国家…示范区)
_CATEGORY_BEFORE = re.compile(r"对[^，。；]{0,12}的$")
#: generic words for a city's zones: a name made of them needs its city (高新区人工智能产业园); the
#: words of a city's airport zone (``city_zone_openings``) are added to them in ``_zone_words``
_ZONE_WORDS = r"高新区|开发区|经开区|火炬|新区"


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
    #: the dictionary's other English names of a known site
    aliases_en: tuple[str, ...] = ()


#: what a name stands for across a document: one site, or the sites of a list a counted short name
#: gathers (“两区”)
References = SiteMention | tuple[SiteMention, ...]


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


@cache
def _designations() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Written form -> (canonical designation, holders) from ``lexicon.toml``."""
    out = {}
    for entry in words()["sites"].get("designations", []):
        for form in (entry["name"], *entry["forms"]):
            out[form] = (entry["name"], tuple(entry["holders"]))
    return out


def _ends_with_stop(text: str, i: int) -> bool:
    """Does ``text[:i]`` end with a left stop? Not when a dictionary word runs into the stop from
    its left (中国（浙江）自由贸易试验区: 由 is a stop, 自由 a word), unless that word is a longer verb
    that ends with a stop of two characters or more (积极争取, 大力推进: still the verb before a name)."""
    stops, lengths = _left_stops()
    for n in lengths:
        if n <= i and text[i - n:i] in stops:
            if n == 1 and text.startswith(_divisions_opened_by().get(text[i - 1], ()), i - 1):
                continue  # 即墨区, 于都, 从化: the character opens a division's name, it is no particle here
            return i == n or not _straddled(text, i - n) or (n >= 2 and _word_ends_at(text, i - n, i))
    return False


@cache
def _divisions_opened_by() -> dict[str, tuple[str, ...]]:
    """One-character left stops -> the names and short names of divisions they open (即 -> 即墨区, 即墨;
    于 -> 于都县, 于都; 如 -> 如皋市, 如皋)."""
    stops, _ = _left_stops()
    index = regions()
    names = [n for n in [*index.by_name, *index.by_short] if len(n) >= 2]
    return {stop: tuple(sorted({n for n in names if n.startswith(stop)}, key=len, reverse=True))
            for stop in stops if len(stop) == 1}


def _word_ends_at(text: str, stop_start: int, end: int) -> bool:
    """Is there a dictionary word that starts before ``stop_start`` and ends at ``end``?"""
    return any(word_frequency(text[j:end]) for j in range(max(0, stop_start - 3), stop_start))


@lru_cache(maxsize=4096)
def _suffix_of(name: str) -> str:
    return next(s for s, _ in _suffixes() if name.endswith(s))


def find_sites(text: str, context_city: Region | None = None, home: Region | None = None,
               references: dict[str, References] | None = None) -> list[SiteMention]:
    """Every site named in ``text`` (a measure's text or a goal clause); ``home`` is the plan's region,
    ``references`` the names that stand for a site, or for the sites of a list, in this document
    (``site_references``)."""
    found: list[SiteMention] = []
    taken: list[tuple[int, int]] = []
    known, forms = _known_regex()
    for match in known.finditer(text):
        site, form = forms[match.group(0)], match.group(0)
        taken.append((match.start(), match.end()))
        if site.kind == "lab" and _acts(text, match.start(), match.end()):
            continue  # 之江实验室联合企业开展攻关: the lab acts, it is an organization here
        found.append(SiteMention(site.name, form, match.start(), site.kind, site.name_en, site.city,
                                 site.district, True, site.aliases_en))
    for form in sorted(references or {}, key=len, reverse=True):
        for start, end in _spans_of(form, text):
            if not any(s < end and start < e for s, e in taken) and _standalone(text, start, end):
                taken.append((start, end))
                referred = references[form]
                found += [replace(m, written=form, start=start)
                          for m in (referred if isinstance(referred, tuple) else (referred,))]
    for mention in [*_supercomputing_centres(text, home), *_hub_nodes(text), *_home_hub_node(text, home)]:
        if not any(s < mention.start + len(mention.written) and mention.start < e for s, e in taken):
            taken.append((mention.start, mention.start + len(mention.written)))
            found.append(mention)

    def read(start: int, end: int, kind: str) -> bool | None:
        """Add the site named ``text[start:end]``: True when added, None when the sentence rules out
        the whole name, False when the name holds none (a shorter name inside it may)."""
        nonlocal found, taken
        inner = [m for m in found if m.known and start <= m.start and m.start + len(m.written) < end]
        if inner and not any(s < end and start < e for s, e in taken
                             if not any(m.start == s for m in inner)):
            mention = _within_known(text, start, end, kind, inner, context_city, home)
            if mention:  # 光谷科学岛: a site inside a known one, named after it
                found = [m for m in found if m not in inner] + [mention]
                taken = [t for t in taken if not any(m.start == t[0] for m in inner)] + [(start, end)]
            return mention is not None
        if any(s < end and start < e for s, e in taken) or not _hosts(text, start, end):
            return None
        written = text[start:end]
        if _shared_designation(text, start, written) or _aspired_to(text, start, end):
            return None
        clause = text[max(text.rfind(c, 0, start) for c in "，。；;\n") + 1:start]
        mention = _unknown_site(written, start, kind, context_city, _setting(text, start, end), home, clause)
        if mention:
            taken.append((start, end))
            found.append(mention)
        return bool(mention)

    for start, end, kind in _pattern_candidates(text):
        if read(start, end, kind) is False:
            # 光谷科学岛|智算集群: a longer name that holds no site leaves the site named inside it
            for inner_start, inner_end, inner_kind in _inner_candidates(text, start, end):
                read(inner_start, inner_end, inner_kind)
    if "等" in text and "、" in text:  # most texts hold no list closed as places
        found += _list_mates(text, found, taken, context_city, home)
    return sorted((m for m in found if not _cited_frame(text, m) and not _in_cited_title(text, m)),
                  key=lambda m: m.start)


#: a list closed as places (…、智慧岛等重点片区, …等公共服务平台): its words before the closing noun, and
#: the noun (group 2); not a list of the bodies in such places (甲、乙等园区企业: firms)
_PLACES_TAIL = re.compile(r"等([^，,。；;：:、等]{0,6}?)(片区|园区|产业园|集聚区|区域|平台|载体|基地)"
                          r"(?!内?的?(?:企业|公司|开发商|运营商|主体|单位|机构|管委会))")


def _list_mates(text: str, found: list[SiteMention], taken: list[tuple[int, int]],
                context_city: Region | None, home: Region | None) -> list[SiteMention]:
    """The names with no site's ending in a list of places (郑州东站、北龙湖、智慧岛等重点片区;
    甲岛、甲市人工智能计算中心等公共服务平台). A list closed as zones (片区, 园区, 集聚区) names zones;
    one closed as areas, platforms or bases (区域, 平台, 载体, 基地) does so only when a list-mate is a
    site already. Each name must be one (a word of its own, or a place word such as 岛, 湖 after its
    name), not a division (…、中牟县等重点区域: the county), a body or a kind of place (商圈)."""
    mates: list[SiteMention] = []
    for tail in _PLACES_TAIL.finditer(text):
        last = tail.start()
        first = text.rfind("、", 0, last)
        if first < 0 or any(c in text[first:last] for c in "，,。；;：:\n"):
            continue
        items = _items_leftward(text, _left_edge(text, last), last)  # the first starts after its verb (建成|甲岛)
        if len(items) < 2:
            continue
        sited = [m for m in found if any(s <= m.start < e for s, e in items)]
        if not sited and tail.group(2) in ("区域", "平台", "载体", "基地"):
            continue
        for start, end in items:
            if text[start:start + 1] == "“" and text[end - 1:end] == "”":
                start, end = start + 1, end - 1  # “中国某谷”: the quotes are no part of the name
            written = text[start:end]
            if any(s < end and start < e for s, e in taken):
                continue
            known = _known_without_place().get(written)
            if known:  # 张江、临港等重点园区: the known sites written 上海张江, 上海临港
                taken.append((start, end))
                mates.append(SiteMention(known.name, written, start, known.kind, known.name_en, known.city,
                                         known.district, True, known.aliases_en))
                continue
            if not _a_place_name(written, home):
                continue
            place = leading_place(written, home)
            city = (place[1].name if place and place[1].level == "City"
                    else place[1].parent if place and place[1].level == "District"
                    else next((m.city for m in sited if m.city), None) or (context_city.name if context_city else None))
            kind = "facility" if tail.group(2) in ("平台", "载体") else "zone"
            taken.append((start, end))
            mates.append(SiteMention(written, written, start, kind, None, city, None, False))
    return mates


@cache
def _known_without_place() -> dict[str, KnownEntity]:
    """Known sites by a form of theirs with its leading place cut (上海张江 -> 张江), where one site
    alone has it and the rest has no site's ending of its own: how a list of parks names them
    (张江、临港等重点园区)."""
    found: dict[str, list[KnownEntity]] = {}
    for form, site in _known_index():
        place = leading_place(form)
        bare = form[len(place[0]):] if place else ""
        if len(bare) >= 2 and not _ending(bare) and site not in found.get(bare, []):
            found.setdefault(bare, []).append(site)
    return {bare: sites[0] for bare, sites in found.items() if len(sites) == 1}


#: the endings of a division's name, down to towns and villages (县, 街道, 镇, 村, 社区)
_DIVISION_WORD = re.compile(r"(?:省|市|州|盟|县|区|旗|街道|镇|乡|村|社区)$")

#: the place words a name may end in with nothing but generic words before them (智慧岛, 人工智能岛)
_PLACE_WORDS = tuple("岛湖湾港谷站")


def _a_place_name(written: str, home: Region | None) -> bool:
    """Is a list-mate with no site's ending a place's name (北龙湖, 郑州东站, 智慧岛)? Not one with a
    site's ending (read on its own already), a division (中牟县), a body (…大学, a known company), a
    count or a description (…的…), nor generic words alone (城市商圈 has 商圈, a kind of place)."""
    if not 2 <= len(written) <= 12 or _ending(written) or re.search(r"[\d的]|^[等和与及]", written):
        return False
    if regions().lookup(written) or written in _org_forms() or _DIVISION_WORD.search(written):
        return False  # 中牟县, 甲街道, 乙镇: divisions (a town or a subdistrict too), not sites in them
    if written.endswith(_org_endings()):
        return False
    if re.match(r"有关|相关|各类|各|一批|若干|其他|现有|重点|国家级|省级|市级", written):
        return False
    if written.endswith(_PLACE_WORDS) and len(written) >= 3:
        return True
    return proper(written) and _has_own_word(written)


#: a requirement a task follows (落实|…|布局要求): the words around a name it is a requirement of
_FRAME_BEFORE = re.compile(r"(?:落实|贯彻|按照|根据|遵循|对照|对标)$")
_FRAME_AFTER = re.compile(r"(?:建设|发展|布局|总体|工作|规划){0,2}(?:要求|部署|精神)")


def _cited_frame(text: str, mention: SiteMention) -> bool:
    """Is the site named only as whose requirement a task follows (落实京津冀国家枢纽节点布局要求, 根据…试验区
    建设总体要求)? The task works to that site's plan, not at it."""
    return bool(_FRAME_BEFORE.search(text, 0, mention.start)
                and _FRAME_AFTER.match(text, mention.start + len(mention.written)))


def _in_cited_title(text: str, mention: SiteMention) -> bool:
    """Is the site named only inside the title of a document the text cites (依据《甲区打造乙软件产业基地
    实施办法》予以奖励)? That document works at the site; this measure only follows its terms."""
    opened = text.rfind("《", 0, mention.start)
    return opened >= 0 and "》" not in text[opened:mention.start] and "》" in text[mention.start:]


def referred_site(before: str, clause: str, home: Region | None = None,
                  references: dict[str, References] | None = None) -> SiteMention | None:
    """The site a goal clause that opens with a bare word (园区, 该基地) refers back to: the last site of
    that kind its sentence named before it, or that such a site's name holds (推进甲产业园区智算中心扩容，
    到2026年园区新增智能算力…: the centre the park's name opens). ``before`` is the text before the clause."""
    endings = dict(words()["sites"]["anaphors"])
    opening = re.match(r"(?:该|全)?(" + "|".join(endings) + ")", clause)
    if opening is None:
        return None
    sentence = before[max(before.rfind(c) for c in "。；;！？\n") + 1:]
    kind = re.compile("|".join(endings[opening.group(1)]))
    named = [m for m in find_sites(sentence, home=home, references=references) if kind.search(m.written)]
    return named[-1] if named else None


#: …（以下简称X）, （简称X）, （下称X）, （以下称X）: the short name a document gives what it has just named
_ABBREVIATION = re.compile(r"[（(](?:(?:以下|下文)?简称|(?:以下|下文)?称|下称)[:：为]?[“\"「]?"
                           r"([^（()）”\"」，,、。；：:]{2,12}?)[”\"」]?[）)]")


def site_references(text: str, title: str, home: Region | None = None) -> dict[str, References]:
    """The names that stand for a site across a document: the short name it gives a site it has just
    named (“运河城市算力平台”（以下简称运河算力平台）), a designation it also writes after the plan's
    own place (``_placed_names``), a name it repeats (``_repeated_names``), and the
    bare ending of the one designation its title builds (成都建设国家新一代人工智能创新发展试验区实施方案:
    试验区 alone is that zone)."""
    references: dict[str, References] = {}
    for match in _ABBREVIATION.finditer(text):
        listed = _listed_sites(text, match.start(), match.group(1), home)
        if listed is not None:
            if listed:
                references.setdefault(match.group(1), listed)
            continue
        before = text[max(0, match.start() - 40):match.start()]
        named = [m for m in find_sites(before, home=home)
                 if m.start + len(m.written) in (len(before), len(before.rstrip("”\"」")))]
        if named:
            references.setdefault(match.group(1), named[-1])
    for form, mention in _placed_names(text, home).items():  # the place's form before a bare repeat's
        references.setdefault(form, mention)
    for form, mention in _repeated_names(text, home).items():
        references.setdefault(form, mention)
    designations = [m for m in find_sites(title, home=home)
                    if _ending(m.name) in words()["sites"]["designation_suffixes"]]
    if len(designations) == 1:
        for name in (designations[0].written, designations[0].name):
            ending = _ending(name)
            if ending:
                references.setdefault(ending, designations[0])
    return references


#: the count a short name for several things opens with (“两区”, “双区”, 三园, “四个中心”)
_COUNT_WORDS = {"两": 2, "二": 2, "双": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _listed_sites(text: str, at: int, short: str, home: Region | None) -> tuple[SiteMention, ...] | None:
    """The sites a counted short name stands for ((以下简称“两区”) after 建设甲先导区、乙试验区): the sites of
    the list right before it, when they are as many as it counts. None when the short name counts
    nothing; () when the list before it is not that many sites (“两区” after one zone and a slogan)."""
    count = _COUNT_WORDS.get(short[:1])
    if count is None:
        return None
    before = text[max(0, at - 90):at]
    named = [m for m in find_sites(before, home=home) if m.start > 0]
    if len(named) < count:
        return ()
    listed = named[-count:]
    ends = [m.start + len(m.written) for m in listed]
    if ends[-1] not in (len(before), len(before.rstrip("”\"」"))):
        return ()
    joined = all(re.fullmatch(r"[”\"」]?[、和与及][“\"「]?", before[end:nxt.start])
                 for end, nxt in zip(ends, listed[1:], strict=False))
    return tuple(listed) if joined else ()


def _repeated_names(text: str, home: Region | None) -> dict[str, SiteMention]:
    """Names with a site's ending that the document writes twice or more, whole, and that hold a noun
    of their own (接入运河城市算力平台 … 基于运河城市算力平台): a coined name the text keeps using is a
    proper name, as a quoted or listed one is. Not a name with marks inside (a quoted programme's
    “…+…”应用中试基地), nor one whose own word is a verb (算力保障基地, 数据标注基地)."""
    found: dict[str, SiteMention] = {}
    for line in text.split("\n"):
        for start, end, kind in _pattern_candidates(line):
            written = line[start:end]
            if written in found or not re.fullmatch(r"[\u4e00-\u9fff]+", written) or not _hosts(line, start, end):
                continue
            if text.count(written) < 2 or not _written_twice(text, written):
                continue
            if _unknown_site(written, start, kind, None, Setting(), home) is not None:
                continue  # a name of its own anywhere: found where it stands
            mention = _unknown_site(written, start, kind, None, Setting(listed=True), home)
            if mention and _noun_of_its_own(written[: -len(_suffix_of(written))]):
                found[written] = mention
    return found


def _placed_names(text: str, home: Region | None) -> dict[str, SiteMention]:
    """Names the document writes once with the plan's own place before them and elsewhere without it
    (《甲区人工智能大模型产业集聚区工作方案》… 高质量建设人工智能大模型产业集聚区): in the plan of that
    place the bare form is that site, as a district's or city's plan names its own zone by its
    designation alone. Only where the bare form names no site by itself (it is all generic words), is
    eight characters or more (a designation, not 人工智能产业园, which a city's districts each may
    build), and no other place gives it a second site."""
    if home is None:
        return {}
    places = {home, *[c for c in [_plan_city(home)] if c is not None]}
    shorts = tuple({p.short for p in places if p.short} | {p.name for p in places})
    found: dict[str, SiteMention] = {}
    clashes: set[str] = set()
    for line in text.split("\n"):
        if not any(short in line for short in shorts):
            continue  # most lines name no place of the plan's own: no candidate to read
        for start, end, kind in _pattern_candidates(line):
            written = line[start:end]
            place = leading_place(written, home) or _builder_before(line, start, shorts, home)
            if place is None or place[1] not in places:
                continue
            rest = written[len(place[0]):] if written.startswith(place[0]) else written
            written = place[0] + rest
            if len(rest) < 8 or _ending(rest) is None or not re.fullmatch(r"[\u4e00-\u9fff]+", rest):
                continue
            if _unknown_site(rest, 0, kind, None, Setting(), home) is not None:
                continue  # the bare form is a name of its own: found where it stands
            mention = _unknown_site(written, start, kind, None, Setting(), home)
            if mention is None:
                continue
            if rest in found and found[rest].name != mention.name:
                clashes.add(rest)
            found.setdefault(rest, mention)
    return {rest: mention for rest, mention in found.items()
            if rest not in clashes and any(_standalone(text, s, e) for s, e in _spans_of(rest, text))}


#: the verbs by which a place says it builds what follows (甲区推进…集聚区建设, 甲区加快建设…)
_BUILDER_VERB = re.compile(r"(?:推进|推动|加快|加快建设|建设|打造|促进|高质量建设|全力打造)$")


def _builder_before(line: str, start: int, shorts: tuple[str, ...], home: Region | None) -> tuple[str, Region] | None:
    """The plan's own place when it is the subject that builds the name right after its verb
    (《甲区推进人工智能大模型产业集聚区建设…》): the name is that place's as if written after it."""
    verb = _BUILDER_VERB.search(line, max(0, start - 6), start)
    if verb is None:
        return None
    before = line[max(0, verb.start() - 12):verb.start()]
    for short in shorts:
        if before.endswith(short):
            return leading_place(short, home)
    return None


def _written_twice(text: str, written: str) -> bool:
    """Does ``text`` write ``written`` as a name of its own twice or more? Stops at the second: a
    document may repeat a name dozens of times."""
    alone = (start for start, end in _spans_of(written, text) if _standalone(text, start, end))
    return next(alone, None) is not None and next(alone, None) is not None


def _spans_of(word: str, text: str) -> Iterator[tuple[int, int]]:
    """Where ``text`` writes ``word``, left to right and not overlapping, as ``re.finditer(re.escape(word),
    text)`` finds them, but without a pattern compiled for each word: those one-off patterns pushed
    the rules' own out of ``re``'s cache of 512, which then compiled them again (3% of extraction)."""
    if not word:
        yield from (m.span() for m in re.finditer("", text))
        return
    at = text.find(word)
    while at >= 0:
        yield at, at + len(word)
        at = text.find(word, at + len(word))


@cache
def _noun_of_its_own(core: str) -> bool:
    """Does the name hold a noun of two characters or more that is no generic word (运河|城市)?"""
    from loaders.segment import tagged

    generic = set(words()["sites"]["generic"])
    return any(flag in ("n", "nz", "ns", "nr", "nt") and len(word) >= 2 and word not in generic
               for word, flag in tagged(core))


@lru_cache(maxsize=4096)
def _ending(name: str) -> str | None:
    """The site ending ``name`` ends with, if any (a known site's name may have none: 光谷)."""
    return next((s for s, _ in _suffixes() if name.endswith(s)), None)


def _standalone(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a name of its own, not a piece of a longer one (自由贸易|试验区, 试验区|片区)?"""
    opens = start == 0 or text[start - 1] in STOP_CHARS or text[start - 1] in "和与及同" or _ends_with_stop(text, start)
    return opens and not (end < len(text) and _continues_name(text, end))


def reported_background(measure: Measure, outline: Outline, lines: list[Line]) -> list[Span]:
    """What a news report says an item of the plan is about, where it presents the item mid-paragraph
    (光明科学城是深圳重点打造的算力高地。《若干措施》提出强化智能算力平台建设。): the sentences that open
    that paragraph, and when the item's section starts with a sub-heading, the paragraphs between the
    sub-heading and the item (at most two). Only for an item with no number of its own, the first
    the report presents in its paragraph; never across another item or page chrome."""
    if measure.number is not None or not measure.pieces or not measure.lines:
        return []
    line, first = measure.lines[0], measure.pieces[0]
    if first.start <= line.start or any(
            m is not measure and m.lines and m.lines[0].index == line.index and m.pieces
            for m in outline.measures):
        return []  # also the first of a list a sentence names (就是A、B、C): what comes before frames the list
    found = [Span(first.doc, line.start, first.start)]
    paragraphs: list[Span] = []
    for before in reversed([ln for ln in lines if ln.index < line.index][-3:]):
        if before.chrome or outline.measure_at(before):
            break
        if len(before.text) <= 30 and not re.search(r"[。！？；;]", before.text):
            return found + paragraphs  # the section's sub-heading
        paragraphs.append(Span(first.doc, before.start, before.end))
    return found


#: 国家超级计算<city>中心, also written with the standard short form 超算 (国家超算深圳中心) or with its
#: city in brackets after it (国家超级计算中心（长沙）)
_SUPERCOMPUTING = re.compile(r"国家超(?:级计)?算(?:([\u4e00-\u9fff]{2,3}?)中心|中心[（(]([\u4e00-\u9fff]{2,3})[）)])")


def _supercomputing_centres(text: str, home: Region | None) -> list[SiteMention]:
    """The national supercomputing centres, named by their city in the full form."""
    out = []
    for match in _SUPERCOMPUTING.finditer(text):
        named = match.group(1) or match.group(2)
        place = leading_place(named, home)
        if place and place[0] == named:
            city = place[1] if place[1].level != "District" else None
            out.append(SiteMention(f"国家超级计算{named}中心", match.group(0), match.start(), "facility",
                                   None, city.name if city else None, None, False))
    return out


@cache
def _hub_regex() -> re.Pattern[str]:
    """The written forms of a hub node: (全国一体化算力网络)京津冀(国家)(算力)枢纽节点, 国家(贵州)枢纽节点,
    国家枢纽节点(宁夏), 宁夏国家算力枢纽, and a province's bare 宁夏枢纽 (…算力枢纽 alone describes a role:
    作为…宁夏算力枢纽, 打造西部算力枢纽); not where it runs on into the
    name of its data-centre cluster (…国家枢纽节点韶关数据中心集群: the cluster is the site)."""
    hubs = [name for name, _ in words()["sites"]["hub_nodes"]]
    provinces = [name for name, division in words()["sites"]["hub_nodes"] if division]
    any_hub, province = "|".join(hubs), "|".join(provinces)
    return re.compile(
        rf"(?:全国一体化算力网络)?(?:(?P<a>{any_hub})(?:国家)?(?:算力)?枢纽节点|国家[（(](?P<b>{any_hub})[）)]枢纽节点"
        rf"|国家枢纽节点[（(](?P<c>{any_hub})[）)]|(?P<d>{any_hub})国家算力枢纽|(?P<e>{province})枢纽)"
        r"(?![\u4e00-\u9fff]{2,6}数据中心集群|城市|港|站|机场)")


def _hub_nodes(text: str) -> list[SiteMention]:
    """The national computing hub nodes, named after their hub."""
    if "枢纽" not in text:
        return []
    return [_hub_node(next(g for g in match.groups() if g), match) for match in _hub_regex().finditer(text)]


@cache
def _hub_divisions() -> dict[str, str]:
    """The division each hub lies in (宁夏 -> 宁夏回族自治区; empty for a hub across several)."""
    return dict(words()["sites"]["hub_nodes"])


def _hub_node(hub: str, match: re.Match[str]) -> SiteMention:
    """The national computing hub node of ``hub`` as the text writes it at ``match``."""
    return SiteMention(f"全国一体化算力网络{hub}国家枢纽节点", match.group(0), match.start(), "facility",
                       None, _hub_divisions()[hub] or None, None, False)


#: the node written without its hub (加快建设全国一体化算力网络国家枢纽节点, 国家算力枢纽节点); not one of a
#: count or a set of them (8个国家枢纽节点, 各国家枢纽节点), nor where its hub is named after it, nor the
#: data centres or cluster in it (加快国家枢纽节点数据中心建设: those are what is built)
_GENERIC_HUB = re.compile(r"(?<![个大各等批家])(?:全国一体化算力网络)?国家(?:算力)?枢纽节点"
                          r"(?![（(]|[\u4e00-\u9fff]{0,6}(?:数据中心|集群)|城市|所在|内)")


@cache
def _hub_of_province() -> dict[str, str]:
    """The hub each province lies in (四川省 -> 成渝), from ``lexicon.toml``'s hub lists."""
    sites = words()["sites"]
    hubs = {division: hub for hub, division in sites["hub_nodes"] if division}
    for hub, provinces in sites["hub_provinces"]:
        hubs.update(dict.fromkeys(provinces, hub))
    return hubs


def _home_hub_node(text: str, home: Region | None) -> list[SiteMention]:
    """The hub node a plan writes generically (全国一体化算力网络国家枢纽节点): in a plan of a province, or
    of a place in one, that a hub covers, the node it builds is its own hub's, as a designation written
    bare is the plan city's; elsewhere it names no one node."""
    if home is None or "国家" not in text or "枢纽节点" not in text:
        return []
    hub = _hub_of_province().get(home.province)
    if hub is None:
        return []
    return [_hub_node(hub, match) for match in _GENERIC_HUB.finditer(text)]


def _within_known(text: str, start: int, end: int, kind: str, inner: list[SiteMention],
                  context_city: Region | None, home: Region | None) -> SiteMention | None:
    """A name that runs on from known sites to an ending of its own (光谷科学岛, 雄安新区中关村科技园):
    one site, placed where the known one is when its own name gives no place."""
    if not _hosts(text, start, end):
        return None
    mention = _unknown_site(text[start:end], start, kind, context_city, Setting(listed=True), home)
    if mention is None:
        return None
    if mention.city is None:
        mention = SiteMention(mention.name, mention.written, start, kind, None, inner[0].city, inner[0].district,
                              False)
    return mention


#: a goal the sentence moves towards (向…迈进, 迈向…, 朝着…目标): what the place is to become, not a site
_TOWARDS = re.compile(r"(?:向|迈向|朝着?)$")
_TOWARDS_AFTER = re.compile(r"(?:迈进|前进|进军|目标|方向|转变)")


def _aspired_to(text: str, start: int, end: int) -> bool:
    """Is the name the goal a sentence moves towards (加速向全球智能制造基地迈进)? It names what the
    city aspires to be, as 的 before it describes a role (``Setting.described``)."""
    return bool(_TOWARDS.search(text, max(0, start - 2), start) and _TOWARDS_AFTER.match(text, end))


def _shared_designation(text: str, start: int, written: str) -> bool:
    """A designation after a list of cities (广州、深圳国家…试验区) is one each city holds, not a site
    of the last city alone; so is a name made of the last place and generic words (甲区、乙区通用机场:
    each district's airport, none of them named)."""
    if text[start - 1:start] != "、":
        return False
    suffix = _suffix_of(written)
    if suffix not in words()["sites"]["designation_suffixes"]:
        place = leading_place(written[: -len(suffix)])
        if not place or _generic_regex().sub("", written[len(place[0]): -len(suffix)]):
            return False
    before = text[_left_edge(text, start - 1):start - 1]
    return bool(before and regions().lookup(before))


def acting_bodies(text: str, home: Region | None = None) -> list[tuple[int, int]]:
    """Spans of named institutions with a site's ending that act in ``text`` (…实验室联合企业开展攻关;
    …创新中心等创新主体) or that no task builds (…研究院开展研发): organizations, not sites. The name
    must hold like a site's (a place, a proper noun, a list of names): 高水平创新研究院 names none."""
    spans = []
    known, _forms = _known_regex()
    for match in known.finditer(text):
        if _forms[match.group(0)].kind == "lab" and _acts(text, match.start(), match.end()):
            spans.append((match.start(), match.end()))
    for start, end, kind in _pattern_candidates(text):
        if any(s < end and start < e for s, e in spans):
            continue
        if (_suffix_of(text[start:end]) in words()["sites"]["body_suffixes"] and not _hosts(text, start, end)
                and _unknown_site(text[start:end], start, kind, None, _setting(text, start, end), home)):
            spans.append((start, end))
    return spans


def _hosts(text: str, start: int, end: int) -> bool:
    """Does the sentence use the named institution as a site? Not when it acts (联合…, 等创新主体)
    or is listed as a company, and a 研究院 only when a task builds it as a platform."""
    suffix = _suffix_of(text[start:end])
    if suffix in words()["sites"]["body_suffixes"] and _acts(text, start, end):
        return False
    if _FIRMS_TAIL.match(text, _list_bounds(text, start, end)[1]):
        return False  # 天合光能、理想汽车常州基地等链主企业: a company, named with its plant
    if suffix in words()["sites"]["platform_only"]:
        return _built(text, start, end)
    return True


def _items_leftward(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The names of the list joined by 、 that ends with the name at ``start:end``, from it leftwards,
    each starting where ``_left_edge`` puts it; an empty item ends the list."""
    items = [(start, end)]
    while start > 1 and text[start - 1] == "、":
        before = _left_edge(text, start - 1)
        if before >= start - 1:
            break
        items.append((before, start - 1))
        start = before
    return items


def _list_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The list of names joined by 、 that the name at ``start:end`` stands in."""
    return _items_leftward(text, start, end)[-1][0], _list_end(text, end)


def _list_end(text: str, end: int) -> int:
    """Where the list of names joined by 、 that goes on from a name ending at ``end`` ends."""
    while end < len(text) and text[end] == "、":
        item = _list_item().match(text, end + 1)
        if not item:
            break
        end = item.end()
    return end


def list_start(text: str, end: int) -> int:
    """Where the list of names joined by 、 that ends at ``end`` begins (after its verb)."""
    return _list_bounds(text, _left_edge(text, end), end)[0]


@cache
def _list_item() -> re.Pattern[str]:
    """The next name of a list: up to the first ending of a site or a body (…研究院|联合企业), else a
    short bare name (华为)."""
    endings = {s for s, _ in _suffixes()} | {s for s, _ in words()["organizations"]["suffixes"]}
    alternation = "|".join(re.escape(e) for e in sorted(endings, key=len, reverse=True))
    return re.compile(rf"[^，,。；;：:、\n等]{{1,28}}?(?:{alternation})|[^，,。；;：:、\n等]{{2,12}}(?=[、等])")


def _acts(text: str, start: int, end: int) -> bool:
    """The list holding the name is the subject of 联合/牵头, or is called 创新主体."""
    _list_start, list_end = _list_bounds(text, start, end)
    return bool(_ACTING.match(text, list_end))


def _built(text: str, start: int, end: int) -> bool:
    """A task builds the name (建设…, …等平台), or it is to come into service (…将于年内投入运作)."""
    list_start, list_end = _list_bounds(text, start, end)
    before = text[max(0, list_start - 5):list_start].rstrip("“「")  # 成立「…研发院」: the quote is no word
    return bool(_PLATFORM_TAIL.match(text, list_end) or _BUILDS.search(before)
                or _BUILT_AFTER.match(text, list_end) or _IN_SERVICE.match(text, list_end))


@lru_cache(maxsize=1024)
def _all_candidates(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, kind, runs on) of every name with a site's ending, nested ones included, in order
    of start and longest first; ``runs on`` when another ending follows (松山湖|高新区)."""
    candidates: list[tuple[int, int, str, bool]] = []
    regex, kinds = _suffix_regex()
    for match in regex.finditer(text):
        suffix, end = match.group(0), match.end()
        start = _after_leading_verb(text, _left_edge(text, match.start()), match.start())
        start = _designation_start(text, start, end)
        if end - start > len(suffix) and end - start <= 30:
            candidates.append((start, end, kinds[suffix], end < len(text) and _continues_name(text, end)))
    return tuple(sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]))))


def _inner_candidates(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The names with a site's ending inside ``text[start:end]`` that end before it, longest first."""
    inner = [c[:3] for c in _all_candidates(text) if start <= c[0] and c[1] < end]
    return sorted(inner, key=lambda c: c[0] - c[1])


@lru_cache(maxsize=1024)
def _pattern_candidates(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, kind) of every name with a site's ending, the longest where they nest. Cached:
    sites, acting bodies and organizations of one text all start from them."""
    kept: list[tuple[int, int, str]] = []
    for start, end, kind, runs_on in _all_candidates(text):
        if runs_on:
            continue
        c = (start, end, kind)
        if any(k[0] <= c[0] and c[1] <= k[1] for k in kept):
            continue
        kept = [k for k in kept if not (c[0] <= k[0] and k[1] <= c[1])]
        kept.append(c)
    return tuple(kept)


@cache
def _designation_forms() -> re.Pattern[str]:
    """A national designation's written form, alone or with the part of it a city builds (…试验区核心区)."""
    forms = sorted(_designations(), key=len, reverse=True)
    parts = sorted(words()["sites"]["designation_parts"], key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(f) for f in forms) + ")(?:" + "|".join(parts) + ")?$")


def _designation_start(text: str, start: int, end: int) -> int:
    """A name that ends with a national designation starts with it, unless a place comes first
    (率先完成|国家新一代人工智能创新发展试验区, but 杭州国家…试验区): what runs before is the verb of
    the task, which no stop list can hold in full."""
    found = _designation_forms().search(text, start, end)
    if found is None or found.start() == start:
        return start
    place = leading_place(text[start:found.start()])
    return start if place and len(place[0]) == found.start() - start else found.start()


def _after_leading_verb(text: str, start: int, suffix_start: int) -> int:
    """Skip what runs up to a verb (or a verbal noun: 重点发展|赣州…小镇) no stop list holds when a
    place follows it (租用|兰州新区, 企业联动|合肥高新区)."""
    from loaders.segment import tagged

    core = text[start:suffix_start]
    if not any(leading_place(core[i:]) for i in range(2, len(core) - 1)):
        return start  # no place after a possible verb: nothing to tag
    at, cut = start, start
    for word, flag in tagged(core):
        at += len(word)
        if flag in ("v", "vn") and len(word) >= 2 and leading_place(text[at:suffix_start]):
            cut = at
    return cut


def _continues_name(text: str, end: int) -> bool:
    """A suffix inside a longer name: 松山湖|高新区, 产业园|区."""
    if _suffix_regex()[0].match(text, end):
        return True
    return text[end:end + 1] == "区" and not text.startswith("区域", end)


def _left_edge(text: str, suffix_start: int) -> int:
    """Where a name ending at ``suffix_start`` begins: after punctuation, a verb, or a conjunction
    that joins two names (A园和B园), but across a conjunction inside one name (人工智能与数字经济产业基地),
    across a place in brackets (中国（广东）机器人集成创新中心) and across a blank inside Latin words."""
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
        if ch == " " and re.search(r"[A-Za-z] $", text[:i]) and re.match(r"[A-Za-z]", text[i:i + 1]):
            i -= 1  # AI for Science平台
            continue
        if ch in STOP_CHARS or (_ends_with_stop(text, i) and not _ends_name_core(text, i, suffix_start)):
            break
        if ch in "和与及" and joins_two_names(text, i - 1, suffix_start):
            break
        i -= 1
    ranks, lengths = _org_name_ranks()
    inside = [form for n in lengths if n <= i and (form := text[i - n:i]) in ranks]
    if inside:  # 美的库卡智能制造科技园: a company name inside a site name (the first listed, if several)
        return i - len(min(inside, key=ranks.__getitem__))
    return i


def _ends_name_core(text: str, i: int, suffix_start: int) -> bool:
    """A word that is a verb elsewhere but the last word of the name here: 创新发展|试验区, 协同|创新中心."""
    return i == suffix_start and any(text.endswith(w, 0, i) for w in words()["sites"]["core_end_words"])


def joins_two_names(text: str, at: int, suffix_start: int) -> bool:
    """Is the conjunction at ``at`` between two names rather than inside one?
    香港科技大学（广州）及南沙科学城, 国家超级计算成都中心和成都智算中心, 龙头企业及国家…创新中心: the
    left one ends like a site or a body (…大学, …基金会: the organizations' endings), or the right one
    opens with a place or a determiner."""
    left, right = text[:at], text[at + 1:suffix_start]
    return bool(any(left.endswith(s) for s, _ in _suffixes()) or left.endswith(_org_endings())
                or _starts_with_place(right) or re.match(r"国家|各|一批|相关|有关|其他|若干|多个", right)
                or re.search(r"(企业|高校|院所|机构|单位|[)）])$", left))


def _starts_with_place(text: str) -> bool:
    return leading_place(text) is not None


@cache
def _org_names() -> list[tuple[str, str]]:
    from loaders.lexicon import known_organizations

    return [(form, org.name) for org in known_organizations() for form in (org.name, *org.aliases)]


@cache
def _org_name_ranks() -> tuple[dict[str, int], tuple[int, ...]]:
    """Each form of two characters or more of ``_org_names`` -> its place in that list, and the forms'
    lengths: a name's end is looked up once per length instead of against every form."""
    ranks: dict[str, int] = {}
    for rank, (form, _org) in enumerate(_org_names()):
        if len(form) >= 2:
            ranks.setdefault(form, rank)
    return ranks, tuple(sorted({len(form) for form in ranks}))


@cache
def _org_name_regex() -> re.Pattern[str]:
    """Any form of ``_org_names``."""
    return re.compile("|".join(re.escape(form) for form, _org in _org_names()))


@cache
def _org_forms() -> frozenset[str]:
    return frozenset(form for form, _name in _org_names())


#: a number in words with its measure word (两个, 三大, 十家): a count, which no name holds
_COUNTED = re.compile(r"[一二两三四五六七八九十百千]+(?:个|大|家|类|项|批|种|座|张|群)")


@dataclass(frozen=True)
class Setting:
    """What the sentence around a name with a site's ending says of it."""

    #: it stands in a list of names (、 or 等 next to it), or labels a line of a list of projects
    #: (仙桃智算中心：建设…): a word of its own makes it one
    listed: bool = False
    #: the list is closed as state designations (…、自动驾驶示范区等国家级平台): bare, each is the
    #: designation, which names a site only through its known holder
    national: bool = False
    #: the whole name is quoted (“运河城市算力平台”): a coined proper name
    quoted: bool = False
    #: it follows 的 (包容开放的新技术新业态试验场): a description of a role, not a name
    described: bool = False
    #: a task builds it on a named host (依托郑州大学建设智能传感器研发中试基地): the one that body hosts
    hosted: bool = False


#: what closes a list of state designations (…等国家级平台, …等国家试点)
_NATIONAL_LIST = re.compile(r"等[^，。；、]{0,4}?国家")


def _setting(text: str, start: int, end: int) -> Setting:
    """How the sentence places the name ``text[start:end]``."""
    labels = (start == 0 or text[start - 1] == "\n") and text[end:end + 1] in ("：", ":")
    listed = (text[start - 1:start] == "、" or text[end:end + 1] in ("、", "等")) and not _list_of_functions(
        text, start, end)
    return Setting(listed=listed or labels,
                   national=bool(_NATIONAL_LIST.match(text, _list_end(text, end))
                                 or _after_state_designation(text, start)),
                   quoted=text[start - 1:start] == "“" and text[end:end + 1] == "”",
                   described=text[start - 1:start] == "的",
                   hosted=_named_host(text, start))


def _after_state_designation(text: str, start: int) -> bool:
    """Does the name follow a state designation in a list (建设国家甲先导区、乙试验区, 国家甲先导区和乙试验区)?
    The list's 国家 is written once, before the first: each designation after it is the state's too."""
    if text[start - 1:start] in ("和", "及", "与") and start > 1:
        before = _left_edge(text, start - 1)  # 国家甲先导区和乙试验区: one before the conjunction
        items = _items_leftward(text, before, start - 1) if before < start - 1 else []
    elif text[start - 1:start] == "、":
        items = _items_leftward(text, start, start)[1:]
    else:
        return False
    return bool(items) and all(_of_the_state(text[s:e]) for s, e in items)


#: 依托A(和B)建设…: the bodies a task builds its institution on, right before the name
_HOSTED_BY = re.compile(r"依托([^，,。；;：:“”]{4,40}?)(?:共同|联合)?(?:建设|组建|共建|筹建|建立|成立)$")


@cache
def _org_endings() -> tuple[str, ...]:
    """The endings of a body's name (…大学, …研究院, …公司: ``lexicon.toml`` [organizations] suffixes)."""
    return tuple(s for s, _kind in words()["organizations"]["suffixes"])


def _named_host(text: str, start: int) -> bool:
    """Is the name built on a host the sentence names (依托河南省科学院和某公司建设…研究院)? At least one
    host must be a body named with its place or a proper name (…大学, …科学院), not a kind of host (依托
    龙头企业, 依托高校)."""
    match = _HOSTED_BY.search(text[max(0, start - 45):start])
    if not match:
        return False
    endings = _org_endings()
    hosts = re.split(r"[和与及、]", match.group(1))
    return any(h.endswith(endings) and len(h) > 3 and (leading_place(h) or proper(h[:-2])) for h in hosts)


def _list_of_functions(text: str, start: int, end: int) -> bool:
    """Is the name one of a list of what centres do (运营服务中心、登记确权中心、流通交易中心)? Its
    list-mates end in the same head word with no site's ending and no proper name (国家超算长沙中心 has
    one): the list names kinds of centre, and a word of its own no longer makes the name one."""
    first, last = _list_bounds(text, start, end)
    head = text[end - 2:end]
    mates = [item for item in re.split("、", text[first:last]) if item and item != text[start:end]]
    return any(item.endswith(head) and _ending(item) is None and not proper(item[:-len(head)]) for item in mates)


def _unknown_site(written: str, start: int, kind: str, context_city: Region | None,
                  setting: Setting = Setting(), home: Region | None = None,
                  clause: str = "") -> SiteMention | None:
    """A site by its ending, if its name carries a place, a proper name, stands in a list of sites
    or in quotes, or is a national designation the plan's city holds. After 的 only a place or a
    proper name makes one."""
    if written in _org_forms():
        return None  # 国家新材料大数据中心 is a body the plan works with
    plain = written
    if _org_name_regex().search(written):  # otherwise no replacement below changes anything
        for form, _org in _org_names():
            plain = plain.replace(form, "")
    if "的" in plain or re.search(r"\d(?![A-Za-z\d]*[A-Za-z])", written) or _COUNTED.search(written):
        return None  # digits only inside a token such as 5G; a count (两个重大平台) is no name
    if re.match(r"有关|相关|各类|各|符合条件的|一批|若干|其他|现有", written):
        return None  # a determiner makes no name
    if written.endswith(tuple(words()["sites"]["not_site_endings"])):
        return None  # 东北老工业基地: a kind of region
    own = _own_lab(written, start, kind, home)
    if own:
        return own
    suffix = _suffix_of(written)
    core = written[: -len(suffix)]
    place = leading_place(core, home)
    if (place and place[1].level == "Province" and written.endswith(tuple(words()["sites"]["province_role_endings"]))
            and not _generic_regex().sub("", core[len(place[0]):])):
        return None  # 青海绿色算力基地: the role the province plays, not a site in it
    if _division_named(written):
        return None  # 滨海新区, 上海浦东新区: a division named like a zone is the region, not a site in it
    residual = _generic_regex().sub("", core)
    if suffix in words()["sites"]["designation_only"] and place and written[len(place[0]):] not in _designations():
        return None  # 福州人工智能开放创新平台: a platform, not a place
    if not place and suffix in words()["sites"]["designation_parts"] and _of_the_state(core):
        part = _part_of_designation(core, suffix, home, clause)
        return SiteMention(part[0], written, start, kind, None, part[1], None, False) if part else None
    if not place and suffix in words()["sites"]["designation_suffixes"]:
        state = "" if core.startswith("国家") or not setting.national else "国家"
        designated = _designation(state + written, state + core, home, clause)
        if designated:
            return SiteMention(designated[0], written, start, kind, None, designated[1], None, False)
        if state or core.startswith("国家") or suffix in words()["sites"]["designation_only"]:
            return None  # a state designation whose holder is not known names no one place
    if suffix in words()["sites"]["listed_only"] and not (place or setting.listed):
        return None  # 海峡西岸经济区, 中原经济区: a broad region; 水乡经济区 beside 滨海湾新区 is a zone
    if suffix in words()["sites"]["quoted_only"] and not (setting.quoted and _has_own_word(core)):
        return None  # 发展空间, 物理空间、数字空间: a space is a site only as a quoted coined name (“模速空间”)
    if suffix in words()["sites"]["role_suffixes"] and core.startswith(tuple(words()["sites"]["role_scopes"])):
        return None  # 国际航空枢纽: the role a city plays, not a place called so
    if suffix in words()["sites"]["named_suffixes"] and not (proper(core, places=False) or _branded(core)):
        return None  # 空港新城边缘计算节点: nodes of a zone, not one named node (天翼云(延安)节点)
    if setting.described:
        if not (place or proper(core)):
            return None  # 包容开放的新技术新业态试验场: what the zone is to become
    elif not (place or _strong(suffix, residual) or proper(core)
              or ((setting.listed or setting.quoted or setting.hosted) and _has_own_word(core))
              or _scope_named(suffix, core) or _field_named(suffix, core)
              or _city_zone(core, context_city, home)):
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
        inner = leading_place(rest, home)
        if region.level == "City" and inner and inner[1].level == "District" and inner[1].parent == region.name:
            name = rest  # 佛山顺德机器人谷 -> 顺德机器人谷: the district names it well enough
        elif rest in _designations():
            name = place[0] + _designations()[rest][0]  # 杭州国家人工智能创新发展试验区: the official form
    elif (len(_generic_regex().sub("", _zone_words().sub("", core))) < 2
          and (context_city or _zone_words().search(core))):
        local = context_city or _plan_city(home)
        if local is None:
            return None  # 高新区数据中心 with no city to place it in names nothing that can be told apart
        name = local.short + written  # 高新区人工智能产业园 under 佛山 -> 佛山高新区人工智能产业园
        city = local.name
    if city is None and context_city is not None:
        city = context_city.name
    return SiteMention(name, written, start, kind, None, city, district, False)


def _scope_named(suffix: str, core: str) -> bool:
    """A body a region sets up once, named by the region's scope and its field alone (西部数据交易中心,
    北方大数据交易中心): one exchange, not a kind of one (区域性数据交易中心, 数据交易中心)."""
    if suffix not in words()["sites"]["scope_named_suffixes"]:
        return False
    sites = words()["sites"]
    scope = next((s for s in (*sites["regional_scopes"], *sites["named_scopes"]) if core.startswith(s)), None)
    return scope is not None and 0 < len(core) - len(scope) <= 4 and not _generic_regex().sub("", core[len(scope):])


def _field_named(suffix: str, core: str) -> bool:
    """A centre the state designates for one field, named by the field before 国家 (数据要素市场国家工程
    研究中心): one centre, not a kind of one (人工智能国家工程研究中心, 相关领域国家工程研究中心)."""
    return (suffix in words()["sites"]["field_named_suffixes"] and len(core) >= 4
            and not core.endswith(("领域", "行业", "方向", "方面", "相关", "一批", "若干"))
            and (_noun_of_its_own(core) or _has_own_word(core)))


@cache
def _zone_words() -> re.Pattern[str]:
    return re.compile("|".join([_ZONE_WORDS, *words()["sites"]["city_zone_openings"]]))


@cache
def _city_zone_opening() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(words()["sites"]["city_zone_openings"]) + ")(?!经济区)")


def _city_zone(core: str, context_city: Region | None, home: Region | None) -> bool:
    """A name opened by the word for a city's airport zone (空港人工智能研究院, 临空数据中心): the one zone
    of the paragraph's or plan's city, named after it (``_zone_words``); with no city known it is no
    one place, and 临空经济区 is the zone itself."""
    return bool(_city_zone_opening().match(core) and (context_city or _plan_city(home)))


def _division_named(written: str) -> bool:
    """Is ``written`` a division's full name with a site's ending (浦东新区), alone or after the name of
    the division above it (上海浦东新区)?"""
    index = regions()
    for division in _zone_like_divisions():
        if written.endswith(division):
            head = written[: -len(division)]
            if not head or any(r.name == index.by_name[division][0].parent for r in index.lookup(head)):
                return True
    return False


@cache
def _zone_like_divisions() -> tuple[str, ...]:
    """The divisions whose full name ends like a site's (滨海新区, 沈北新区)."""
    return tuple(name for name in regions().by_name if _ending(name))


def _own_lab(written: str, start: int, kind: str, home: Region | None) -> SiteMention | None:
    """The lab a plan names by the bare level of its own government and a field (用好省人工智能实验室
    in a Guizhou plan: 贵州省人工智能实验室): one lab, named after the plan's province or city. Not a
    rank of labs (省重点实验室, 省级实验室) nor the level alone (国家、省、市实验室)."""
    level = written[:1]
    if kind != "lab" or home is None or level not in ("省", "市"):
        return None
    field = written[1: -len(_suffix_of(written))]
    if len(field) < 2 or re.search("|".join(words()["sites"]["lab_ranks"]), field):
        return None
    province = home if home.level == "Province" else _province_of(home)
    region = province if level == "省" else _plan_city(home)
    if region is None:
        return None
    city = region.name if region.level == "City" else None
    return SiteMention(region.name + written[1:], written, start, kind, None, city, None, False)


def _province_of(region: Region) -> Region | None:
    found = [r for r in regions().by_name.get(region.province or "", []) if r.level == "Province"]
    return found[0] if found else None


def _strong(suffix: str, residual: str) -> bool:
    """An ending specific enough that two characters of its own before it make a name (深远海风电母港)."""
    return suffix in words()["sites"]["strong_suffixes"] and len(residual) >= 2


def _branded(core: str) -> bool:
    """A name followed by the place of its branch in brackets (移动云(兰州)): a named facility."""
    branch = re.search(r"([\u4e00-\u9fffA-Za-z]{2,8})[（(]([\u4e00-\u9fff]{2,6})[）)]$", core)
    return bool(branch and regions().lookup(branch.group(2)) and _has_own_word(branch.group(1)))


def _designation(written: str, core: str, home: Region | None, clause: str) -> tuple[str, str] | None:
    """(name, region) of a designation written without its holder: 国家人工智能创新应用先导区 in a
    Wuhan plan is 武汉国家人工智能创新应用先导区, “人工智能+”创新发展试验区 in a Suzhou plan is
    Suzhou's. A designation of the state counts when ``lexicon.toml`` lists who holds it (a city, or
    a province for 国家数字经济创新发展试验区); a quoted programme's pilot zone is the plan city's
    own. The city the clause names as its builder holds it (支持成都建设国家…); with several
    (支持南京、苏州建设…) it names no one site, nor does a category of beneficiaries
    (对新获批的国家级示范区)."""
    if _CATEGORY_BEFORE.search(clause):
        return None
    national = re.match(r"国家级?", core)
    holder = _named_holder(clause) if national and not written.startswith("国家级") else None
    if holder:  # 湖北省作为国家…试验区: the sentence says who holds it
        return holder.short + written, holder.name
    if home is None:
        return None
    if national:
        if len(core) - national.end() < 4:
            return None  # 国家级示范区: a rank, not a designation
    elif not re.match(r"“[^”]{2,12}”", core):
        return None
    builders = _cities_in(clause)
    if len(builders) > 1:
        return None
    if national:
        known = _designations().get(re.sub(r"^国家级", "国家", written))
        if known is None:
            if not _APPLIES_FOR.search(clause) or written.startswith("国家级"):
                # which level holds an unlisted designation is not known (国家生态文明试验区), and 国家级
                # is a rank any zone of the kind has (创建国家级…试验区 names no one designation)
                return None
            holder = builders[0] if builders else home  # 创建国家…试验区: the government that applies for it
            return holder.short + written, holder.name
        holder = builders[0] if builders else _holder(home, known[1])
        return (holder.short + known[0], holder.name) if holder else None
    if _suffix_of(written) not in words()["sites"]["programme_suffixes"]:
        return None
    city = _plan_city(home)
    return (city.short + written, city.name) if city else None


#: a division right before 作为 (湖北省作为国家…试验区): the subject whose standing the sentence states
_AS_HOLDER = re.compile(r"([\u4e00-\u9fff]{2,8})作为$")


def _named_holder(clause: str) -> Region | None:
    """The division a clause says holds the designation after it (湖北省作为…, 杭州作为…): its name or
    short name, whole, right before 作为."""
    match = _AS_HOLDER.search(clause)
    if not match:
        return None
    words_before = match.group(1)
    for i in range(len(words_before) - 1):
        found = [r for r in regions().lookup(words_before[i:]) if _prefecture_or_above(r)]
        if found:
            return found[0]
    return None


#: a verb by which a government applies for or carries out a state designation of its own (创建国家…试验区,
#: 开展国家…试验区建设): the plan's government, or the city the clause names, holds the one it builds
_APPLIES_FOR = re.compile(r"(?:创建|争创|申建|申报|争取|开展)$")


def _of_the_state(core: str) -> bool:
    """Is ``core`` a state designation (国家…试验区), listed or not?"""
    return core.startswith("国家") and any(core.endswith(s) for s in words()["sites"]["designation_suffixes"])


def _part_of_designation(core: str, suffix: str, home: Region | None, clause: str) -> tuple[str, str] | None:
    """(name, region) of the part of a national designation a city builds (国家数字经济创新发展试验区核心区
    in a Chengdu plan): the city the clause names as builder, else the plan's city when it is a holder or
    lies in a province that holds it, else the designation's one holder in the plan's region."""
    listed = _designations().get(re.sub(r"^国家级", "国家", core))
    if home is None or listed is None:
        return None  # which level holds an unlisted designation is not known
    designation, holders = listed
    builders = _cities_in(clause)
    if len(builders) > 1:
        return None
    city = builders[0] if builders else _plan_city(home)
    if city is None or not (city.name in holders or city.province in holders):
        city = _holder(home, holders)
    return (city.short + designation + suffix, city.name) if city else None


def _cities_in(clause: str) -> list[Region]:
    """The cities (prefecture level or above) a clause names as whole words, in order."""
    found: list[Region] = []
    i = 0
    while i < len(clause) - 1:
        place = leading_place(clause[i:])
        if place and place[1].level == "City" and not place[1].county_level and place[1] not in found:
            found.append(place[1])
            i += len(place[0])
        else:
            i += 1
    return found


def _holder(home: Region, holders: tuple[str, ...]) -> Region | None:
    """The division that holds a designation named in a plan of ``home``: the plan's own division or
    city when it is a holder or below a province; in a province plan, its only holder there (广东
    has two, so a Guangdong plan's bare 国家人工智能创新应用先导区 names no one site)."""
    index = regions()
    chain = [home]
    while chain[-1].parent and index.by_name.get(chain[-1].parent):
        chain.append(_same_province(index.by_name[chain[-1].parent], home))
    for region in chain:
        if region.name in holders:
            return region
    if home.level == "Province":
        inside = [r for h in holders for r in index.by_name.get(h, []) if r.province == home.name]
        return inside[0] if len(inside) == 1 else None
    if any(region.level == "Province" for h in holders for region in index.by_name.get(h, [])):
        return None  # held by provinces, and not by this plan's
    return _plan_city(home)


def _same_province(found: list[Region], home: Region) -> Region:
    return next((r for r in found if r.province == home.province), found[0])


def _plan_city(home: Region | None) -> Region | None:
    """The city of a plan: the plan's own city, or the city of its district; none for a province."""
    if home is None or home.level == "Province":
        return None
    if home.level == "District" or home.county_level:
        parents = regions().by_name.get(home.parent or "")
        return _same_province(parents, home) if parents else None
    return home


@cache
def proper(core: str, places: bool = True) -> bool:
    """Does the name hold a proper noun (jieba tags place and person names ns/nr, others nz/nt)?
    With ``places`` false, a place name does not count."""
    from loaders.segment import tagged

    generic = set(words()["sites"]["generic"])
    not_places = {*words()["sites"]["regional_scopes"], *words()["sites"]["not_places"]}
    flags = ("ns", "nr", "nz", "nt") if places else ("nr", "nz", "nt")
    return any(flag in flags and len(word) >= 2 and word not in not_places
               and word not in generic for word, flag in tagged(core))


@cache
def _has_own_word(core: str) -> bool:
    """Does the name hold a word of two characters or more that is not generic (梦想小镇,
    国家信息光电子创新中心), or a site's ending (科技城新区)? Not a lone character left by a cut
    word (在川|全国重点实验室), nor a piece of a generic phrase (具身|智能产业园)."""
    from loaders.segment import tagged, tokenize

    if any(len(s) >= 3 and s in core for s, _ in _suffixes()):
        return True  # 科技城|新区: the zone of a named science city
    generic = set(words()["sites"]["generic"]) | {w for w, flag in tagged(core) if flag == "a"}  # 美好城市
    spans = [m.span() for m in _generic_regex().finditer(core)]
    return any(len(word) >= 2 and word not in generic and re.match(r"[\u4e00-\u9fffA-Za-z]", word)
               and not any(a <= start and end <= b for a, b in spans)
               for word, start, end in tokenize(core))


def leading_place(core: str, home: Region | None = None) -> tuple[str, Region] | None:
    """The division a name starts with, as a whole word: 大连接 does not start with 大连, 杭州湾 not
    with 杭州. A short name of a county or district (万山, 光明) counts only inside the plan's own
    province: 万山无人船海上测试场 in a Guangdong plan is not in Guizhou, and with no province
    known it does not count."""
    return _leading_place(core[:12], home)


@lru_cache(maxsize=16384)
def _leading_place(core: str, home: Region | None) -> tuple[str, Region] | None:
    """``leading_place``, cached by the name's first twelve characters: a head of six at most and
    the six after it (``_straddled``) are all it reads, and the same names come back."""
    index = regions()
    for size in range(min(6, len(core)), 1, -1):
        head = core[:size]
        hits = index.by_name.get(head)
        if not hits:
            hits = [h for h in index.by_short.get(head, [])
                    if _prefecture_or_above(h) or (home is not None and h.province == home.province)]
        if hits and not _straddled(core, size):
            if home is not None:
                hits = sorted(hits, key=lambda h: h.province != home.province)
            return head, hits[0]
    return None


def _prefecture_or_above(region: Region) -> bool:
    return region.level == "Province" or (region.level == "City" and not region.county_level)


def _straddled(text: str, boundary: int) -> bool:
    """Does a dictionary word cross ``boundary`` (连接 in 大连接, 杭州湾 in 杭州湾新区)? Not when a longer
    word starts at the boundary (龙华|人工智能 beats 华人), nor for a known name that starts with the
    place (东莞松山湖).

    Only the three characters before the boundary and the six after it count (and whether the text
    starts within them), so the answer is cached by that window: the same phrases come back at
    every name's left edge."""
    low = max(0, boundary - 3)
    return _straddled_window(text[low:boundary + 6], boundary - low, low == 0)


@lru_cache(maxsize=16384)
def _straddled_window(text: str, boundary: int, opens_text: bool) -> bool:
    reach = max((j for j in range(boundary + 1, min(len(text), boundary + 6) + 1)
                 if word_frequency(text[boundary:j])), default=boundary)
    for i in range(max(0, boundary - 3), boundary):
        for j in range(max(boundary + 1, reach), min(len(text), i + 5) + 1):
            word = text[i:j]
            if word_frequency(word) and not (i == 0 and opens_text and _is_known_name(word)):
                return True
    return False


@cache
def _is_known_name(word: str) -> bool:
    """A division's or a known site's name: the place it starts with is its place (东莞松山湖). A
    company's is not (宁德时代 is no place in 宁德)."""
    index = regions()
    return word in index.by_name or word in index.by_short or word in dict(_known_index())
