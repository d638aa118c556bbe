"""Which administrative divisions a text names as places (Province, City, District).

A division counts only where it stands as a name of its own in the sentence:

- Segmentation decides the boundaries. jieba (with our full division names as
  user words, and short forms left to its own dictionary) cuts the text, and
  only a whole word can name a division: 积极推动合作交流 has the word 合作, not a
  place, and 打造集安全出行 never yields 集安. Short forms are not forced into
  the segmenter, so they never override how ordinary words are cut.
- Short forms (广东, 东莞) name only provinces and prefecture-level cities. A
  county-level city, a county or a district needs its full name (高密市, 南沙区)
  or its city right before it (广州南沙, 北京朝阳区).
- Short forms that are also ordinary words (日照 "sunshine", 来宾 "guests", 白银
  "silver", ``lexicon.toml`` [places] common_word_shorts) count only in a plan of
  their own province.
- A name several divisions share (朝阳区 of 北京 and of 长春; 鼓楼区 of four
  cities) is the one whose city or province the text writes right before it,
  else the one in the plan's own jurisdiction; otherwise it is left out. The
  same holds for full names that are ordinary words (城区, 矿区, 郊区): they
  count only with their city before them or in their own city's plan.
- An autonomous prefecture is also written short with 州 (黔东南州, 恩施州).

Precision comes first: a wrong place on the home page costs more trust than
a missing one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from loaders.document import simplified_chars
from loaders.lexicon import Region, Regions, region_forms, regions, words
from loaders.segment import tokenize

LEVEL_RANK = {"Province": 0, "City": 1, "District": 2}


@dataclass(frozen=True)
class Place:
    region: Region
    written: str
    start: int
    end: int


def find_regions(text: str, home: Region | None) -> list[tuple[Region, str, int]]:
    """(region, written form, offset) for each division ``text`` names as a place.

    Only the runs of Han characters, letters and digits that contain some
    division name are segmented (an Aho-Corasick pass finds them): jieba cuts
    each run on its own, so the result is that of segmenting the whole text at a
    fraction of the cost.
    """
    return [(p.region, p.written, p.start) for p in places_in(text, home)]


def places_in(text: str, home: Region | None) -> list[Place]:
    out: list[Place] = []
    for block in _JIEBA_BLOCK.finditer(text):
        cut = _block_words(block.group())
        if cut:
            at = block.start()
            out += places_among(text, ((w, at + s, at + e) for w, s, e in cut), home)
    out += _abbreviation_list(text)
    out += _abbreviation_run(text)
    return _as_written_in_full(sorted(out, key=lambda p: p.start))


#: 京、津、冀、蒙、宁等地: a list of one-character province abbreviations, closed as a list of places
_ABBREVIATION_LIST = re.compile(r"[\u4e00-\u9fff](?:、[\u4e00-\u9fff]){2,}"
                                r"(?=等(?:地|省|地区|省份|省区市|省市|省区))")


def _abbreviation_list(text: str) -> list[Place]:
    """The provinces of a list written in their one-character abbreviations (京、津、冀、蒙、宁等地).

    Only a list closed by 等地/等省… counts, and only when every entry abbreviates a province: a run
    such as 京津冀 or 粤港澳 is the name of a region or a programme, not a list of places.
    """
    out = []
    index = regions()
    for match in _ABBREVIATION_LIST.finditer(text):
        if any(text[match.start() - size:match.start() + 1] in index.by_short for size in (1, 2, 3)
               if match.start() >= size):
            continue  # 南京、苏、浙: the first entry ends a name written in full
        entries = []
        for offset in range(match.start(), match.end(), 2):
            provinces = _province_abbreviation(text[offset])
            if len(provinces) != 1:
                break
            entries.append(Place(provinces[0], text[offset], offset, offset + 1))
        else:
            out += entries
    return out


#: what closes a run of one-character abbreviations as a stretch of land (津冀地区, 中彰投雲區域)
_RUN_END = re.compile(r"地区|区域|一带|[两三四]地|等地|县市|生活圈|地區|區域|一帶|[兩三四]地|縣市")


def _abbreviation_run(text: str) -> list[Place]:
    """The divisions of a run of one-character abbreviations written as a stretch of land: 在津冀地区 is
    天津 and 河北, 中彰投雲區域 is 台中, 彰化, 南投 and 云林.

    The run must close on a word for land (地区, 区域, 两地…), be made only of provinces' abbreviations or
    only of Taiwan's cities' and counties', and be no word of its own: 京津冀 (a dictionary word) is the
    name of a region and of a strategy, 辽宁 or 东南 are words, not lists. A Taiwan run needs two
    characters that are not bare directions (北中南东), and its characters that stand for two places
    (竹: 新竹市, 新竹县) name neither.
    """
    out: list[Place] = []
    for end in _RUN_END.finditer(text):
        plain = simplified_chars(text[max(0, end.start() - 6):end.start()])
        taiwan = _taiwan_abbreviations()
        run = ""
        for char in reversed(plain):
            if char not in taiwan and len(_province_abbreviation(char)) != 1:
                break
            run = char + run
        start = end.start() - len(run)
        if len(run) < 2 or len(set(run)) < len(run) or _a_word(run, text, start):
            continue
        if all(len(_province_abbreviation(c)) == 1 for c in run):
            found = [_province_abbreviation(c)[0] for c in run]
        elif all(c in taiwan for c in run) and sum(c not in "北中南东" for c in run) >= 2:
            found = [taiwan[c] for c in run]
        else:
            continue
        out += [Place(region, text[start + i], start + i, start + i + 1)
                for i, region in enumerate(found) if region is not None]
    return out


@cache
def _province_abbreviation(char: str) -> tuple[Region, ...]:
    """The provinces (and provincial-level cities) one character abbreviates (津: 天津; 宁: 宁夏)."""
    from loaders.coverage import abbreviation_regions

    return tuple(r for r in abbreviation_regions().get(char, []) if r.level == "Province" or r.provincial_level)


@cache
def _taiwan_abbreviations() -> dict[str, Region | None]:
    """``lexicon.toml`` [places] taiwan_abbreviations: a character and the city or county it stands for
    (None where it stands for two)."""
    index = regions()
    return {char: (index.by_name[name][0] if name else None)
            for char, name in words()["places"]["taiwan_abbreviations"]}


def _a_word(run: str, text: str, start: int) -> bool:
    """Whether ``run`` is a word of its own (京津冀, 东南), holds a division's short name (辽宁), or its
    first character ends a name written before it (南京津冀: 京 is 南京's)."""
    from loaders.segment import word_frequency

    index = regions()
    plain = simplified_chars(text[max(0, start - 3):start + len(run)])
    pairs = {plain[i:j] for i in range(len(plain)) for j in range(i + 2, len(plain) + 1)
             if j > len(plain) - len(run)}
    return bool(word_frequency(simplified_chars(run))) or any(p in index.by_short or p in index.by_name
                                                              for p in pairs)


def _as_written_in_full(places: list[Place]) -> list[Place]:
    """A short form several divisions share names the one the text also writes in full: in a text
    that prints 新北区 (常州), 数字新北 is that district, not 新北市. A province keeps its short form
    (吉林 stays 吉林省 beside 吉林市), a city keeps it beside its own county (长沙 stays 长沙市 beside
    长沙县), and nothing changes when the text writes both in full."""
    full: dict[str, set[Region]] = {}
    for place in places:
        if place.written != place.region.short:
            full.setdefault(place.region.short, set()).add(place.region)
    out = []
    for place in places:
        written_in_full = full.get(place.written, set())
        if (place.written == place.region.short and place.region.level != "Province"
                and len(written_in_full) == 1 and place.region not in written_in_full):
            other = next(iter(written_in_full))
            if place.region.name not in (other.parent, other.province) and other.name != place.region.parent:
                place = Place(other, place.written, place.start, place.end)
        out.append(place)
    return out


def places_among(text: str, words_: Iterable[tuple[str, int, int]], home: Region | None) -> list[Place]:
    """The places among segmented words of ``text`` (word, start, end), read in order so that a division
    written right before another (北京朝阳区, 广州南沙) settles which one that is."""
    out: list[Place] = []
    previous: Place | None = None
    for word, start, end in words_:
        before = previous.region if previous is not None and previous.end == start else None
        region = _region_named(word, home, before)
        if region is None:
            previous = None
            continue
        previous = Place(region, word, start, end)
        if not _part_of_a_name(text, start, end):
            out.append(previous)
    return out


#: the line of a notice that lists its recipients: 各市、县（区）人民政府，省政府各部门：
_ADDRESSEES = re.compile(r"^\s*(?:各|[\u4e00-\u9fff]{2,12}(?:人民政府|管委会))[^。！？]{0,300}"
                         r"(?:人民政府|政府|各部门|管委会|直属机构|直属单位|有关单位|委办局|办事处)[^。！？]{0,60}[：:]\s*$")


def addressee_line(line: str) -> bool:
    """The notice's addressees (各市人民政府，苏州工业园区…：): recipients, not places the plan names."""
    return bool(_ADDRESSEES.match(line))


def metadata_line(line: str) -> bool:
    """A line of a page's metadata header (| 发文机构：东乌珠穆沁旗 | 信息分类：…): it describes the page."""
    return bool(_metadata_labels().search(line))


@cache
def _metadata_labels() -> re.Pattern[str]:
    header = words()["header"]
    labels = sorted({label for values in header.values() for label in values}, key=len, reverse=True)
    return re.compile(r"(?:^|\|)\s*(?:" + "|".join(map(re.escape, labels)) + r")\s*[:：]")


def _part_of_a_name(text: str, start: int, end: int) -> bool:
    """The place is part of a larger name, which is what the text names there.

    It opens a zone, area or facility (兰州新区, 武汉都市圈, 宣州机场, 和林格尔数据中心集群, “无锡·延安”智算中心),
    or it is the campus or branch in brackets after an institution's name (中国石油大学（北京）), or the page's
    note of where its author posted from (发布于安徽).
    """
    joined = _JOINED_NAME.match(text, end)
    if _name_heads().match(text, end) or (joined and _name_heads().match(text, joined.end())):
        return True
    if _DATELINE.match(text, end):
        return True  # 中评社北京8月27日电: where a news item was filed, not a place it is about
    if _heads_a_body(text, end):
        return True
    if _SCOPE_NOTE.search(text, max(0, start - 30), start):
        return True  # 各市（含甲市、乙市，下同）政府: the note widens a collective, it names no place of its own
    if start > 1 and text[start - 1] in "（(" and text[end:end + 1] in ("）", ")"):
        return bool(_INSTITUTION_END.search(text, 0, start - 1))  # 中国石油大学（北京）: a body's branch
    return bool(_PAGE_LOCATION.search(text, max(0, start - 6), start))


def _heads_a_body(text: str, end: int) -> bool:
    """The place opens the name of a state body stationed there, alone or in a list that shares the
    body's name (珠海海关; 广州、深圳、珠海出入境边防检查总站): the text names the body, not the place. A
    local government's own departments (克拉玛依区人民政府) still name their place."""
    index = regions()
    at = end
    while text[at:at + 1] == "、":
        size = next((n for n in (5, 4, 3, 2) if text[at + 1:at + 1 + n] in index.by_name
                     or text[at + 1:at + 1 + n] in index.by_short), 0)
        if not size:
            break
        at += 1 + size
    return any(text.startswith(form, at) for form in _body_forms())


@cache
def _body_forms() -> tuple[str, ...]:
    return tuple(sorted(words()["places"]["body_heads"], key=len, reverse=True))


#: a news dateline after the place: 8月27日电, 27日讯
_DATELINE = re.compile(r"\s*(?:\d{1,2}月)?\d{1,2}日(?:电|讯)")
#: “无锡·延安”智算中心: two places joined into one name before its head
_JOINED_NAME = re.compile(r"[·・][\u4e00-\u9fff]{2,4}[”\"’]?|[”\"’]")
_INSTITUTION_END = re.compile(r"(?:大学|学院|研究院|研究所|实验室|医院|公司|集团|中心)$")
#: the scope note of a collective (各市（含甲市、乙市，下同）, 各县（包括…）): up to the place read
_SCOPE_NOTE = re.compile(r"各[\u4e00-\u9fff]{1,2}[（(](?:含|包括)[^（()）。；]*$")
#: a page's note of where its author posted from (8-20 发布于安徽, IP属地：北京): the page's chrome
_PAGE_LOCATION = re.compile(r"(?:发布于|IP属地[:：]?|ip属地[:：]?)\s*$")


@cache
def _name_heads() -> re.Pattern[str]:
    heads = sorted(words()["places"]["name_heads"], key=len, reverse=True)
    return re.compile("|".join(re.escape(h) for h in heads))


def region_of(word: str, home: Region | None, before: Region | None = None,
              index: Regions | None = None) -> Region | None:
    """The division one segmented word names, if any.

    ``home`` is the plan's jurisdiction; ``before`` the division written right
    before the word (北京 in 北京朝阳区), which settles a shared or generic name.

    >>> region_of("东莞", None).name
    '东莞市'
    >>> region_of("合作", None) is None  # 合作市 is county-level: its short form is an ordinary word
    True
    >>> region_of("朝阳区", None) is None  # 北京 or 长春? nothing here says
    True
    >>> region_of("朝阳区", None, before=regions().by_name["北京市"][0]).parent
    '北京市'
    """
    index = index or regions()
    if home is not None:
        own = [r for r in _scopes(home) if word in (r.name, r.short)]
        if own:
            return own[0]  # the plan's own place written short (数字新北 in a plan of 常州市新北区)
    full = index.by_name.get(word) or index.aliases.get(word)
    if full:
        if _generic(word):
            # 城区, 矿区: only with its city written before it, or in that city's own plan
            return _within(full, before, home, required=True, home_levels=("City", "District"))
        return _within(full, before, home, required=len(full) > 1)
    shorts = index.by_short.get(word, ())
    if not shorts:
        return None
    upper = [r for r in shorts if r.level == "Province" or (r.level == "City" and not r.county_level)]
    if upper:
        provinces = [r for r in upper if r.level == "Province"]
        if provinces and len(provinces) == 1:
            return provinces[0]  # 吉林 is the province; the city is written 吉林市
        if word in _common_word_shorts():
            return _within(upper, before, home, required=True, near_home_only=True)
        return _within(upper, before, home, required=len(upper) > 1)
    # a county or district written short right after its city (广州南沙, 杭州余杭), or inside the plan's
    # own city when the short form is no ordinary word (昆山 in a Suzhou plan; never 合作, 东方)
    if before is not None and before.level == "City":
        inside = [r for r in shorts if r.parent == before.name]
        if len(inside) == 1:
            return inside[0]
    if home is not None and home.level != "Province" and _place_word(word):
        city = home.parent if home.level == "District" else home.name
        inside = [r for r in shorts if r.parent == city]
        if len(inside) == 1:
            return inside[0]
    return None


@lru_cache(maxsize=32768)
def _region_named(word: str, home: Region | None, before: Region | None) -> Region | None:
    """``region_of``, cached: it depends on nothing else, and the same words come back in every plan
    of a region (most of them naming none)."""
    return region_of(word, home, before)


def _within(candidates: list[Region], before: Region | None, home: Region | None, *, required: bool,
            near_home_only: bool = False, home_levels: tuple[str, ...] = ("Province", "City", "District"),
            ) -> Region | None:
    """The candidate the context points to; with ``required``, None when nothing in the context does.

    ``home_levels``: the levels of the plan's own region that may settle the choice (a generic name
    such as 城区 is settled by the plan's city, not by its province).
    """
    if before is not None:
        inside = [c for c in candidates if before.name in (c.parent, c.province) or c == before]
        if len(inside) == 1:
            return inside[0]
    if home is not None:
        for scope in _scopes(home):
            if scope.level not in home_levels:
                continue
            near = [c for c in candidates if c == scope or scope.name in (c.parent, c.province)]
            if near_home_only and scope.level != "Province" and not near:
                continue
            if len(near) == 1:
                return near[0]
            if near:
                return min(near, key=lambda r: LEVEL_RANK[r.level])
    if required or near_home_only:
        return None
    return candidates[0]


def _scopes(home: Region) -> list[Region]:
    """The plan's region and those enclosing it, innermost first."""
    from loaders.agencies import region_chain

    return region_chain(home)


def _generic(word: str) -> bool:
    """A full division name that is also an ordinary word or a bare direction (城区, 矿区, 东区);
    two-character county names (单县, 萧县) are names."""
    return (len(word) <= 2 and word.endswith("区")) or word in _common_word_names()


#: jieba's tags for names (place, person, transliterated, other proper names): not ordinary words
_NAME_TAGS = {None, "ns", "nr", "nrt", "nrfg", "nz", "nt"}


def _place_word(word: str) -> bool:
    """jieba's own dictionary knows ``word`` only as a name (昆山, 崇州), not as an ordinary word
    (合作 is a verb, 东方 a direction, 高密 an adjective)."""
    from loaders.segment import stock_tag

    return stock_tag(word) in _NAME_TAGS


@cache
def _common_word_shorts() -> frozenset[str]:
    return frozenset(words()["places"]["common_word_shorts"])


@cache
def _common_word_names() -> frozenset[str]:
    return frozenset(words()["places"]["common_word_names"])


#: jieba's ``re_han_default``: the runs it segments one by one
_JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")


@lru_cache(maxsize=16384)
def _block_words(block: str) -> tuple[tuple[str, int, int], ...]:
    """jieba's words of one run (offsets within it), or none when no division's name occurs in it.

    A run is cut the same wherever it stands, and the same runs come back: the coverage count reads
    the text's first lines before extraction reads them line by line, and pages repeat their
    headings and boilerplate. Every name is a run of such characters, so a name ending inside a run
    lies wholly in it.
    """
    if next(_forms().iter_long(block), None) is None:
        return ()
    return tuple(tokenize(block))


@cache
def _forms():
    """Every written form ``region_of`` can accept, in one automaton (to find the runs worth segmenting)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for form in region_forms():
        automaton.add_word(form, form)
    automaton.make_automaton()
    return automaton


__all__ = ["Place", "addressee_line", "find_regions", "metadata_line", "places_among", "places_in", "region_of"]
