"""Agency names: from the way a plan writes them to their canonical full names.

A plan writes 省科技厅; in a Zhejiang plan that is 浙江省科学技术厅, in a
Guangdong plan 广东省科学技术厅. A name is read as (region prefix) + (level
character 省/市/区/县, which the plan's jurisdiction resolves) + a department
form from ``agency_forms.csv`` (科技厅 -> 科学技术厅). A list that writes the
level once carries it to the names that follow (市发改委、财政局). Party offices
(省委网信办) become 中共浙江省委网络安全和信息化委员会办公室; collective entries
(各市人民政府) stay as written, one agency each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from loaders.lexicon import AgencyForm, Region, agency_forms, known_agencies, pattern, regions, words

LEVEL_CHARS = "省市区县州旗"
#: words that stand for the province level the way 省 does
PROVINCE_LEVEL_WORDS = ("自治区",)
GOV_SUFFIX = re.compile(
    r"(厅|局|委员会|委|办公厅|办公室|办|人民政府|政府|管委会|管理委员会|分行|部|领导小组|中心|署|院)$")
#: how the name of any unit ends (a body no dictionary knows is still a unit only if it ends like one)
UNIT_END = re.compile(r"(厅|局|委|办|院|所|中心|集团|公司|学校|大学|学院|专班|部门|单位|银行|协会|联盟|平台|政府|"
                      r"管委会|委员会|小组|实验室|分行|支行|部|处|站|队|社|会|海关)$")
#: a functional zone may head a department name: 广州开发区经济和信息化局
ZONE_HEAD = re.compile(r"[\u4e00-\u9fff]{0,8}?"
                       r"(经开区|高新区|开发区|新区|园区|合作区|试验区|示范区|港区|商务区|经济区|片区)")
#: how a working body set up for one task is named: 领导小组, 工作专班, 推进组…
_GROUP_END = re.compile(r"(领导小组|工作专班|专班|工作组|推进组|指挥部|联席会议)$")
_GROUP_OFFICE = re.compile(r"(领导小组|工作专班|专班|工作组|推进组|指挥部|联席会议)办公室$")
#: the office a plan sets up to carry one scheme (…制统筹推进办公室), named without its place
_TASK_OFFICE = re.compile(r"(?:统筹推进|统筹协调)办公室$")
INSTITUTE_SUFFIX = re.compile(r"(实验室|研究院|研究所|科学院|大学|学院)$")


@dataclass(frozen=True)
class Jurisdiction:
    """Where a plan applies: its province, city and district (any may be missing)."""

    province: Region | None = None
    city: Region | None = None
    district: Region | None = None

    @property
    def main(self) -> Region | None:
        return self.district or self.city or self.province

    def at(self, level_char: str) -> Region | None:
        if level_char == "省":
            return self.province
        if level_char in "市州":
            return self.city or (self.province if self.province and self.province.provincial_level else None)
        if (level_char == "区" and self.district is None and self.city is None and self.province is not None
                and self.province.name.endswith("自治区")):
            return self.province  # 区发展改革委 in an autonomous region's own plan: the region's
        return self.district

    @classmethod
    def of(cls, region: Region | None) -> Jurisdiction:
        if region is None:
            return cls()
        chain = region_chain(region)
        by_level = {r.level: r for r in chain}
        province = by_level.get("Province")
        cities = [r for r in chain if r.level == "City"]
        city = cities[0] if cities else None
        district = by_level.get("District")
        if city and city.provincial_level and province is None:
            province = None
        return cls(province, city, district)


def region_chain(region: Region) -> list[Region]:
    """The region and its parents, innermost first (东阳市 -> 金华市 -> 浙江省)."""
    return list(_region_chain(region))


#: an aside that says how this text and the rest of it are read (（含甲市、乙市，下同）): a note on the
#: names, not part of one; an aside without 下同 (各区人民政府（含开发区管委会）) stays with its name
CARRIED_NOTE = re.compile(r"[（(][^（()）]*下同[)）]")

@lru_cache(maxsize=8192)
def _region_chain(region: Region) -> tuple[Region, ...]:
    """Cached: every segmented word of a plan is checked against its region's chain."""
    chain = [region]
    index = regions()
    while chain[-1].parent:
        parents = [r for r in index.by_name.get(chain[-1].parent, []) if r.adcode[:2] == region.adcode[:2]]
        if not parents or parents[0] in chain:
            break
        chain.append(parents[0])
    return tuple(chain)


def qualified_name(region: Region) -> str:
    """How an agency name starts for a region: 浙江省, 仙桃市, 广州市黄埔区 (a city's district keeps its city;
    a county or banner does not: 德清县, 东乌珠穆沁旗; nor does a county a province runs itself: 澄迈县,
    神农架林区)."""
    if region.level == "District" and region.name.endswith(("县", "旗")):
        return region.name
    if region.level == "District" and region.parent and region.parent != region.province:
        return region.parent + region.name
    if region.level == "District" and region.parent and any(
            r.provincial_level for r in regions().by_name.get(region.parent, ())):
        return region.parent + region.name  # 上海市浦东新区: a municipality's district keeps it
    return region.name


def english_of(region: Region, adjective: bool = False) -> str:
    """Zhejiang Province / Zhejiang Provincial; Xiantao / Xiantao Municipal; Huangpu District."""
    name = region.name_en
    if not adjective:
        return name
    if name.endswith(" Province"):
        return name[: -len(" Province")] + " Provincial"
    if region.level == "City":
        return name + " Municipal"
    return name


@dataclass(frozen=True)
class Agency:
    name: str  # canonical
    written: str  # as written (Simplified)
    kind: str
    jurisdiction: str | None
    name_en: str | None = None
    collective: bool = False
    #: the level character the name was written with, carried to the names after it
    level: str | None = None


#: cached: a page names its bodies over and over (every 责任单位 list, issuer and coordinator), the answer
#: depends on nothing but the arguments and the dictionaries, and an Agency is immutable
@lru_cache(maxsize=16384)
def resolve(written: str, where: Jurisdiction, carry: str | None = None) -> Agency | None:
    """The agency a plan means by ``written``; None if it is not an agency name.

    >>> zj = Jurisdiction.of(regions().by_name["浙江省"][0])
    >>> resolve("省科技厅", zj).name
    '浙江省科学技术厅'
    >>> resolve("省委网信办", zj).name
    '中共浙江省委网络安全和信息化委员会办公室'
    >>> resolve("财政局", Jurisdiction.of(regions().by_name["漳州市"][0]), carry="市").name
    '漳州市财政局'
    """
    text = _tidy(written)
    if len(text) < 2 or _NOT_A_NAME.search(text):
        return None
    plate = _PLATE.fullmatch(text)
    if plate and GOV_SUFFIX.search(plate.group(2)) and not re.match(r"含|包括|不含|下同", plate.group(2)):
        # 市发改委（数据管理局）: one body that also bears a second name; the page's writing is the alias
        agency = resolve(plate.group(1), where, carry)
        return replace(agency, written=text) if agency else None
    shared = _ZONE_AND_REGION.fullmatch(text)
    if shared and ZONE_HEAD.fullmatch(shared.group(1)) and regions().lookup(shared.group(2)):
        # 某国家高新区（某区）教育局: a zone run together with a region (区政合一) names a body of the region
        agency = resolve(shared.group(2) + shared.group(3), where, carry)
        if agency is not None and agency.jurisdiction is not None:
            return replace(agency, written=text)
    known = _known(text, where)
    if known:
        entity, jurisdiction = known
        level = text[0] if text[0] in LEVEL_CHARS else None  # 省大数据局、发展改革委: the level carries on
        return Agency(entity.name, text, entity.kind, jurisdiction, entity.name_en, level=level)
    zone = ZONE_HEAD.match(text)
    if (zone and where.city and re.search(r"(管委会|管理委员会|管理局)$", text) and where.city.short not in text
            and _leading_region(text, where)[0] is None and not regions().lookup(zone.group(0))
            and not _short_place_head(text)):
        # 江东新区管理局 in a Haikou plan: 海口江东新区管理局 (written as printed)
        agency = resolve(where.city.short + text, where, carry)
        return replace(agency, written=text, jurisdiction=agency.jurisdiction or where.city.name) if agency else None
    if pattern("responsibility", "collective").search(text):
        # named as written, asides included (各区人民政府（含开发区、风景区管委会）, 各镇人民政府（街道办事处）)
        core = re.sub(r"[（(][^（()）]*[)）]", "", text)
        if GOV_SUFFIX.search(core) or GOV_SUFFIX.search(text.rstrip("）)")):
            main = where.main
            # 各市(含甲市、乙市,下同)政府: a note on how to read the rest of the text (下同) is no part of the name
            name = CARRIED_NOTE.sub("", text)
            return Agency(name, text, "government", main.name if main else None, collective=True)
        return None
    if text.startswith("人民银行"):
        text = "中国" + text
    if text.startswith(("国家", "中国")) and not text.startswith("中国共产党"):
        # a national body or its branch (国家矿山安全监察局河北局) takes no local prefix; a standard short
        # form is written out (国家发改委 → 国家发展和改革委员会)
        form = _form(text[2:]) if text.startswith("国家") else None
        name = "国家" + form.full if form and text[2:] == form.short and "{J}" not in form.full else text
        form = form or _form(text)
        return Agency(name, text, form.kind if form else "government", None,
                      form.name_en if form and "{J}" not in form.name_en else None)
    party = text.startswith("中共")
    rest = text[2:] if party else text
    region, rest = _leading_region(rest, where)
    if region is None:
        region, rest = _short_region_head(rest, where)
    level = None
    if region is None and rest.startswith("特区") and where.province is not None and where.province.name.endswith(
            "特别行政区"):
        region, level, rest = where.province, "省", rest[2:]  # 特区政府: the region's own government
    if region is None and rest in words()["plan"]["issuing_offices"] and where.province is not None and (
            where.province.name.endswith("特别行政区")):
        region, level = where.province, "省"  # the Chief Executive (财政司司长) of the region whose plan it is
    if (region is None and rest.startswith("区党委") and where.district is None and where.province is not None
            and where.province.name.endswith("自治区")):
        rest = "自治区" + rest[1:]  # 区党委 is how an autonomous region's plan writes its own party committee
    if region is None and rest.startswith(PROVINCE_LEVEL_WORDS):
        # 自治区发展改革委 in a Guangxi plan: the province-level word of an autonomous region
        word = next(w for w in PROVINCE_LEVEL_WORDS if rest.startswith(w))
        level, region, rest = "省", where.province, rest[len(word):]
    elif region is None and _own_level_word(rest, where):
        # 地区发展改革委, 盟工信局, 行署办公室, 林区经信局 in the plan of a prefecture, a league or a forest district
        word, region = _own_level_word(rest, where)
        level = "市" if region.level == "City" else "区"
        rest = rest if word in ("行署", "行政公署") else rest[len(word):]
    elif region is None and rest[:1] in LEVEL_CHARS and not rest.startswith(("市场", "区块链", "县域")):
        level = rest[0]
        region = where.at(level)
        rest = rest[1:]
    elif (region is None and carry and not ZONE_HEAD.match(rest) and not _short_place_head(rest)
          and not re.search(r"(管委会|管理委员会)$", rest)
          and not ((_GROUP_END.search(rest) or _GROUP_OFFICE.search(rest)) and _names_a_place(rest))):
        level = carry
        region = where.at(carry)
    elif region is not None:
        level = {"Province": "省", "City": "市", "District": "区"}[region.level]
    if region is None and level is None and where.main is where.province and where.province is not None:
        bare = _form(rest) if rest.endswith("厅") and not rest.endswith("办公厅") else None
        if bare is not None and bare.full.endswith("厅") and not where.province.provincial_level:
            # 经济和信息化厅、教育厅 written bare in a province's plan: only a province has 厅, so its own
            level, region = "省", where.province
    if rest.startswith("党委") and level == "省" and region is not None:
        # 自治区党委网信办: an autonomous region's party committee is written 党委, named 委员会 in full
        return _party(text, rest.removeprefix("党委"), region, level, committee="委员会")
    if rest.startswith("委") or party or (region is not None and _party_form_without_committee(rest)):
        # 省网信办 is the party committee's office as 省委网信办 is
        return _party(text, rest.removeprefix("委"), region, level)
    form = _form(rest)
    if form is not None:
        return _government(text, rest, form, region, level)
    if _GROUP_END.search(rest):
        region = region or where.province or where.main
        prefix = qualified_name(region) if region else ""
        return Agency(prefix + rest, text, "leading_group", region.name if region else None,
                      _english_group(rest, region), level=level)
    if _TASK_OFFICE.search(rest) and len(rest) >= 8 and region is None and level is None:
        # 成立链长制统筹推进办公室: an office a plan sets up to run one scheme, written bare, is the plan's own
        region = where.main
        prefix = qualified_name(region) if region else ""
        return Agency(prefix + rest, text, "leading_group", region.name if region else None, None)
    if INSTITUTE_SUFFIX.search(rest) and not re.search(r"[省市区县]", rest[:1]):
        return Agency(text, text, "institute", where.main.name if where.main else None, level=level)
    if GOV_SUFFIX.search(rest) and _plausible_body(rest):
        prefix = qualified_name(region) if region else ""
        kind = "leading_group" if _GROUP_OFFICE.search(rest) else "government"  # the office of a group
        return Agency(prefix + rest, text, kind, region.name if region else None, level=level)
    return None


#: text that is no name: a title or quotation mark, a 文号, a verb that cites (根据《…), a pronoun (我局)
_NOT_A_NAME = re.compile(r"[《》“”\"]|〔\d|^(?:根据|落实|按照|依据|贯彻|出台|印发)|^(?:我|本)[局委办厅院部]")


#: the generic ends of division names that a plan writes for its own division, as 市 or 县 are written
_OWN_DIVISION_WORDS = ("地区", "盟", "林区")


def _own_level_word(rest: str, where: Jurisdiction) -> tuple[str, Region] | None:
    """The word ``rest`` opens with that stands for the plan's own prefecture (地区, 行署), league (盟, 行署)
    or forest district (林区), with that division."""
    for region in (where.district, where.city):
        own = next((w for w in _OWN_DIVISION_WORDS if region is not None and region.name.endswith(w)), None)
        if own is None:
            continue
        words_ = (own, "行署", "行政公署") if own != "林区" else (own,)
        word = next((w for w in words_ if rest.startswith(w) and len(rest) > len(w)), None)
        if word:
            return word, region
    return None


def _short_region_head(text: str, where: Jurisdiction) -> tuple[Region | None, str]:
    """大连人民政府, 深圳科创委: a province's or city's short form right before a body's form names that
    place (written in full in the canonical name)."""
    index = regions()
    for size in (4, 3, 2):
        head, rest = text[:size], text[size:]
        candidates = [r for r in index.by_short.get(head, ())
                      if r.level == "Province" or (r.level == "City" and not r.county_level)]
        if not candidates or not (rest.startswith("委") or any(rest == f.short for f in agency_forms())):
            continue
        near = [c for c in candidates if where.province and c.province == where.province.name]
        if len(near) == 1 or len(candidates) == 1:
            return (near or candidates)[0], rest
    return None, text


#: a body with its second plate in brackets after it
#: a zone, the region it is run with in brackets, then a body: 某经开区（某县）发展改革局
_ZONE_AND_REGION = re.compile(r"(.+?)[（(]([\u4e00-\u9fff]{2,8}?[省市区县旗])[）)](.+)")
_PLATE = re.compile(r"(.+?[\u4e00-\u9fff])[（(]([^（()）]{2,20})[）)]")


def _known(text: str, where: Jurisdiction):
    """A body of ``agencies.csv``: a full name anywhere, a 省…/市… alias only in its own jurisdiction."""
    entries = known_agencies().get(text) or known_agencies().get(text.replace("（", "(").replace("）", ")"))
    for entity, jurisdiction in entries or []:
        if text == entity.name or text[:1] not in LEVEL_CHARS:
            return entity, jurisdiction
        home = where.at(text[0])
        if home is not None and jurisdiction in (home.name, home.province):
            return entity, jurisdiction
    return _counterpart(text, where)


def _counterpart(text: str, where: Jurisdiction):
    """A district's body set up after its city's (上下对口): 区大数据发展局 in a district of 重庆 is named as
    重庆's 市大数据发展局 is, with the district's name (重庆市渝北区大数据应用发展管理局)."""
    district, city = where.district, where.city
    if text[:1] not in "区县" or district is None or city is None:
        return None
    for entity, jurisdiction in known_agencies().get("市" + text[1:], []):
        if jurisdiction == city.name and entity.name.startswith(city.name):
            name = qualified_name(district) + entity.name[len(city.name):]
            return replace(entity, name=name, aliases=(), name_en=None), district.name
    return None


def _tidy(written: str) -> str:
    """The name without blanks, list punctuation and a word that introduces it (由市科技局, 经省政府).

    A one-character word is taken off only when a name starts right after it: 经开区管委会 and
    和平区政府 keep their first character.
    """
    text = re.sub(r"\s+", "", written)
    text = text.strip("，,、；;。：:等")
    lead = re.match(r"^(以及|会同|联合|负责|由|请|经|在|和|及|与)", text)
    if lead and (len(lead.group(1)) > 1 or _opens_a_name(text[lead.end():])):
        text = text[lead.end():]
    return text


def _opens_a_name(text: str) -> bool:
    """``text`` starts with a level character, a party or national prefix, or a division's name."""
    if text[:1] in LEVEL_CHARS or text.startswith(("自治区", "中共", "国家", "中国")):
        return True
    index = regions()
    return any(text[:size] in index.by_name or text[:size] in index.by_short for size in range(2, 8))


def _names_a_place(text: str) -> bool:
    """A group's name that holds its own place (数字宜昌建设领导小组): it takes no level from the list."""
    index = regions()
    return any(r.level in ("Province", "City") and not r.county_level
               for size in (2, 3, 4) for i in range(len(text) - size + 1)
               for r in (index.by_short.get(text[i:i + size], ()) or index.by_name.get(text[i:i + size], ())))


def _short_place_head(text: str) -> bool:
    """常州科教城管委会: a name that starts with a city's short name carries its own place."""
    return any(r.level in ("Province", "City") for size in (2, 3) for r in regions().by_short.get(text[:size], ()))


def _leading_region(text: str, where: Jurisdiction | None = None) -> tuple[Region | None, str]:
    """Consume region names at the start (广州市黄埔区…): the innermost one, and the rest.
    A name several divisions share (南山区) is the one in the plan's jurisdiction when there is one."""
    index = regions()
    found: Region | None = None
    while True:
        hit = None
        for size in range(min(8, len(text) - 1), 1, -1):
            head = text[:size]
            candidates = index.by_name.get(head) or index.aliases.get(head)
            if candidates:
                hit = _pick(candidates, found, where)
                if hit:
                    text = text[size:]
                    break
        if hit is None:
            break
        found = hit
    return found, text


def _pick(candidates: list[Region], outer: Region | None, where: Jurisdiction | None = None) -> Region | None:
    if outer is None:
        home = [r for r in (where.district, where.city, where.province) if r] if where else []
        for region in home:
            near = [c for c in candidates if c == region or region.name in (c.parent, c.province)]
            if near:
                return near[0]
        return candidates[0]
    inside = [c for c in candidates if outer.name in (c.parent, c.province)]
    return inside[0] if inside else None


def _form(rest: str) -> AgencyForm | None:
    """The department form ``rest`` is written in; an unknown qualifier before it is allowed
    only when it holds no level character or conjunction (工业和信息化厅 yes, 科技厅和省发展改革委 no)."""
    for form in agency_forms():
        if form.kind == "party":
            continue
        if rest == form.short:
            return form
    for form in agency_forms():
        if form.kind == "party" or not rest.endswith(form.short):
            continue
        head = rest[: -len(form.short)]
        zone = ZONE_HEAD.fullmatch(head)
        if zone or (len(form.short) >= 2 and not re.search(r"[省市县和及与、，]", head) and len(head) <= 10):
            return form  # 高新区管委会, 广州开发区经济和信息化局, 国家统计局
    return None


def _government(text: str, rest: str, form: AgencyForm, region: Region | None, level: str | None) -> Agency:
    head = rest[: len(rest) - len(form.short)] if rest != form.short else ""
    if head and "{J}" not in form.full and rest.endswith(form.full):
        head = rest[: len(rest) - len(form.full)]  # 人民政府国有资产监督管理委员会: the full form, written out
    if _ministry(form) and not head:
        return Agency(form.full, text, form.kind, None, form.name_en)  # 工信部: a ministry, never a local body
    if region is None and not head:
        if text in ("政府", "人民政府"):
            return None  # a government of no place names no one
        # 省政府, 经信局 where the plan's place is unknown: keep it as written, not a bare 人民政府 or a
        # full form (经济和信息化局) that names no one
        return Agency(text, text, form.kind, None, level=level)
    if "{J}" in form.full:
        where = qualified_name(region) if region else ""
        name = form.full.replace("{J}", where)
        english = form.name_en.replace("{J}", english_of(region) if region else "").strip()
    else:
        prefix = qualified_name(region) if region else ""
        full = form.full
        if region is not None and region.province in _NO_PEOPLES_GOVERNMENT:
            full = full.replace("人民政府", "政府")  # 新竹县政府, 香港特别行政区政府: no 人民政府 there
        if region is None and head.startswith("国务院") and full.startswith("人民政府"):
            # 国务院国资委: a body of the State Council, which is no people's government (国务院国有资产
            # 监督管理委员会), as a province's is (省国资委 → 某省人民政府国有资产监督管理委员会)
            full = full.removeprefix("人民政府")
        if form.full == "管理委员会":
            if region is not None and region.level == "City" and ZONE_HEAD.fullmatch(head):
                prefix = region.short  # a zone's committee is named with its city's short name: 大连金普新区管理委员会
            head = _zone_in_full(head)
        name = prefix + head + full
        english = f"{form.name_en} of {english_of(region)}" if region else form.name_en
    return Agency(name, text, form.kind, region.name if region else None, english, level=level)


#: where governments are not called 人民政府
_NO_PEOPLES_GOVERNMENT = ("台湾省", "香港特别行政区", "澳门特别行政区")


def _ministry(form: AgencyForm) -> bool:
    """A ministry of the State Council (工业和信息化部): its forms name no local body."""
    return form.kind == "government" and form.full.endswith("部")


def _zone_in_full(head: str) -> str:
    """The zone a committee is for, written in full (南昌高新区 -> 南昌高新技术产业开发区)."""
    for short, full in words()["agencies"]["zone_words"].items():
        if head.endswith(short):
            return head[: -len(short)] + full
    return head


def _party(text: str, rest: str, region: Region | None, level: str | None,
           committee: str | None = None) -> Agency | None:
    for form in agency_forms():
        if form.kind != "party":
            continue
        short = form.short.removeprefix("委")
        if rest == short or rest == form.short:
            full = form.full.removeprefix("委")
            where = qualified_name(region) if region else ""
            committee = committee or (
                "委员会" if region is not None and ((region.level == "District" and full.endswith("部"))
                                                  or region.name.endswith("自治区")) else "委")
            name = f"中共{where}{committee}{full}"
            english = form.name_en.replace("{J}", english_of(region, True) if region else "").replace("  ", " ")
            return Agency(name, text, "party", region.name if region else None, english, level=level)
    if text.startswith("中共") and GOV_SUFFIX.search(text):
        return Agency(text, text, "party", region.name if region else None, level=level)
    if not rest and region is not None and not text.startswith("中共"):
        # 市委, 宁安市委, 区委: the party committee itself (中共宁安市委); an autonomous region's is its 委员会
        committee = committee or ("委员会" if region.name.endswith("自治区") else "委")
        return Agency(f"中共{qualified_name(region)}{committee}", text, "party", region.name, level=level)
    if rest and GOV_SUFFIX.search(rest):
        where = qualified_name(region) if region else ""
        return Agency(f"中共{where}{committee or '委'}{rest}", text, "party", region.name if region else None,
                      level=level)
    return None


def _party_form_without_committee(rest: str) -> bool:
    """A party office's short form that is written without 委 (网信办)."""
    return rest in _party_shorts_without_committee()


@cache
def _party_shorts_without_committee() -> frozenset[str]:
    """Looked up as a set: every name resolved was compared with every agency form."""
    return frozenset(form.short for form in agency_forms() if form.kind == "party" and not form.short.startswith("委"))


def _plausible_body(rest: str) -> bool:
    """A name made of a qualifier and a body word, not a phrase (no verbs or punctuation). A qualifier's
    second wording in brackets is part of the name (制造业高质量发展(数字经济发展)领导小组办公室)."""
    aside = re.fullmatch(r"([\u4e00-\u9fff]{2,})[（(]([\u4e00-\u9fff]{2,12})[）)]([\u4e00-\u9fff]{2,})", rest)
    if aside and not GOV_SUFFIX.search(aside.group(1)):
        rest = aside.group(1) + aside.group(3)
    if not 2 <= len(rest) <= 20 or re.search(r"[，。；：、的对在将为及]", rest[:-1]):
        return False
    # 数据和政务服务局, 政务服务与数据管理局 are one name; 科技厅和省发展改革委 is two
    joins = [i for i, ch in enumerate(rest[:-1]) if ch in "和与"]
    return not any(rest[i + 1] in LEVEL_CHARS or _leading_region(rest[i + 1:])[0] or GOV_SUFFIX.search(rest[:i])
                   for i in joins)


def _english_group(rest: str, region: Region | None) -> str | None:
    """Only the generic part is known in English; a made-up translation would mislead."""
    return None


# -- lists of names ---------------------------------------------------------------

SPLIT = re.compile(r"[、，,；;\s]+")
#: the rest of a collective written with a 、 inside: 各州、|市人民政府, 各市、|县（区）人民政府
COLLECTIVE_TAIL = re.compile(r"[市县区州盟旗][^、，,；;]{0,8}?(?:人民政府|政府|行政公署|管委会)$")


def split_names(text: str) -> list[tuple[str, int]]:
    """The names of a list (A、B，C D), with each name's offset in ``text``.

    Parentheses stay with their name (各县（区）人民政府); a parenthesis that is a
    second body (江西省发展改革委（江西省数据局）) gives both names.
    """
    return list(_split_names(text))


@lru_cache(maxsize=8192)
def _split_names(text: str) -> tuple[tuple[str, int], ...]:
    """Cached: a list is split by ``read_entries`` and again by ``resolve_list``."""
    out: list[tuple[str, int]] = []
    depth = 0
    start = 0
    joined = _joined_names(text)
    for i, ch in enumerate(text + "、"):
        if joined and any(a < i < b for a, b in joined):
            continue  # 市科委、中关村管委会: one body with two names
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and (SPLIT.match(ch) or i == len(text)):
            piece = text[start:i]
            if ch.isspace() and _stray_blank(piece, text[i:]):
                continue  # 省 发展 改革委: a blank a PDF left inside a name
            tail = re.split(r"[，,；;]", text[i + 1:], maxsplit=1)[0]
            if ch == "、" and ((re.fullmatch(r"\s*各[\u4e00-\u9fff]{1,2}", piece) and COLLECTIVE_TAIL.match(tail))
                               or (re.fullmatch(r"\s*各\S{1,6}(?:行政公署|管委会)", piece)
                                   and re.match(r"[市县区旗]?(?:人民政府|政府)(?:[按负分等配牵]|$)", tail))
                               or (re.fullmatch(r"\s*各\S{1,12}(?:人民政府|政府)", piece)
                                   and re.fullmatch(r"(?:管委会|管理委员会)(?:[按负分等配牵].*)?", tail))):
                continue  # 各州、市人民政府, 各县（区）人民政府、管委会: one collective written with a 、 inside
            if piece.strip():
                for name, offset in _paren_bodies(piece, start):
                    out.extend(_unglued(name, offset))
            start = i + 1
    return tuple(out)


def _stray_blank(piece: str, rest: str) -> bool:
    """A blank inside a name, not between two: what comes before it ends no name (省, 省发展) and a name
    goes on after it, in a list that separates its names with marks (省 发展 改革委、省 科技厅)."""
    before = re.sub(r"\s+", "", piece)
    after = rest.lstrip()
    return (bool(before) and bool(re.match(r"[\u4e00-\u9fff]", after)) and not UNIT_END.search(before)
            and not _GROUP_END.search(before) and bool(re.search(r"[、，,；;]", piece + rest)))


#: where two names meet without a separator: a body's ending, then a level or party prefix
_GLUE = re.compile(r"(?<=[厅局委办])(?=(?:中共)?(?:省|市|区|县|自治区)(?!场|块链|域))")


def _unglued(name: str, offset: int) -> list[tuple[str, int]]:
    """Two bodies written without a separator (山东省工业和信息化厅省委网信办); not a body that bears
    two names and is known written so (agencies.csv: 市经信局市新经济委 is one bureau in Chengdu)."""
    if name in known_agencies():
        return [(name, offset)]
    for glue in _GLUE.finditer(name):
        left, right = name[:glue.start()], name[glue.start():]
        if len(left) >= 3 and len(right) >= 3 and GOV_SUFFIX.search(right) and _form_of_body(left):
            return [(left, offset), *_unglued(right, offset + glue.start())]
    if _LEADING_GROUP.search(name):
        # a body and a leading group (or its office) signing together: 市城市治理委员会办公室数字重庆建设领导小组办公室.
        # A 专班 may be a department's own (区科技局人工智能工作专班); a 领导小组 never is.
        for end in _BODY_END.finditer(name):
            left, right = name[:end.end()], name[end.end():]
            if (len(left) >= 4 and len(right) >= 6 and not right.startswith(_CONTINUES)
                    and _LEADING_GROUP.search(right) and "领导小组" not in left
                    and "（" not in right and "(" not in right):
                return [(left, offset), (right, offset + end.end())]
    return [(name, offset)]


_LEADING_GROUP = re.compile(r"领导小组(?:办公室)?$")
#: where a body's name may end before another begins, and what would continue it instead
_BODY_END = re.compile(r"办公室|办公厅|委员会|人民政府|厅|局")
_CONTINUES = ("办", "公", "室", "员", "会", "委", "厅", "局", "分", "直属", "机关")


def _form_of_body(name: str) -> bool:
    """``name`` ends in a known department form (it is a whole body, not the start of one)."""
    return any(name.endswith(form.short) for form in agency_forms() if len(form.short) >= 2)


@cache
def _two_name_forms() -> tuple[str, ...]:
    return tuple(form for form in known_agencies() if "、" in form)


def _joined_names(text: str) -> list[tuple[int, int]]:
    """Where ``text`` writes a body that has two names joined by 、 (agencies.csv)."""
    spans = []
    for form in _two_name_forms():
        at = text.find(form)
        while at >= 0:
            spans.append((at, at + len(form)))
            at = text.find(form, at + 1)
    return spans


def _closing_division(names: list[tuple[str, int]], n: int) -> str | None:
    """The name after the run of bare divisions that follows name ``n`` (兴庆区、金凤区、西夏区政府: the
    government closing the run is what each of them shares)."""
    k = n + 1
    while k < len(names) - 1 and regions().by_name.get(_tidy(names[k][0])):
        k += 1
    return names[k][0] if k < len(names) else None


#: 广州、深圳等地级以上市政府: the governments of the places a list names before an open tail
PLACES_GOVERNMENTS = re.compile(
    r"(?P<place>.+?)等(?:地级以上|地级及以上|县级|有关|相关|其他)?(?:市|县|区|地市|市县|县市区)?(?:人民)?政府$")


def _governments_of_places(names: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], set[int]]:
    """A list that ends ``X、Y等地级以上市政府`` names the government of each place it prints (X and Y),
    not a body called "Y等地级以上市政府"; the open tail (等…) names no one more. Returns the names with
    the tail cut and the positions of the places whose government is meant."""
    if not names:
        return names, set()
    last, offset = names[-1]
    match = PLACES_GOVERNMENTS.fullmatch(_tidy(last))
    if match is None or not _a_place(match.group("place")):
        return names, set()
    names = [*names[:-1], (match.group("place"), offset)]
    governed = {len(names) - 1}
    k = len(names) - 2
    while k >= 0 and _a_place(_tidy(names[k][0])):
        governed.add(k)
        k -= 1
    return names, governed


def _a_place(name: str) -> bool:
    """Is ``name`` a division, in full or short (广州市, 广州)?"""
    return bool(regions().by_name.get(name) or regions().by_short.get(name) or regions().aliases.get(name))


def _shared_suffix(name: str, following: str | None) -> str:
    """鄂尔多斯市、包头市人民政府: a bare division before a division's government shares its ending."""
    if following is None or not regions().by_name.get(_tidy(name)):
        return ""
    region, rest = _leading_region(_tidy(following))
    return rest if region is not None and rest in ("人民政府", "政府", "行政公署") else ""


def _paren_bodies(piece: str, offset: int) -> list[tuple[str, int]]:
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    # …省财政厅等六部门 / 等单位 closes a list: the name is what precedes 等
    piece = re.sub(r"等(?:[\d一二三四五六七八九十]+个?|有关|相关)?(?:部门|单位|机构)$", "", piece)
    match = re.fullmatch(r"(.+?)[（(](.+)[）)]", piece)
    if (match and GOV_SUFFIX.search(match.group(1)) and GOV_SUFFIX.search(match.group(2))
            and not re.match(r"含|包括|不含|下同", match.group(2)) and _opens_a_name(match.group(2))):
        # 江西省发展改革委（江西省数据局）: a second body, named with its own level; a bare name in
        # brackets (市发改委（数据管理局）) is a second plate of the same body
        return [(match.group(1), offset + lead), (match.group(2), offset + lead + match.start(2))]
    return [(piece, offset + lead)]


def resolve_list(text: str, where: Jurisdiction, keep_unknown: bool = False,
                 carry: str | None = None) -> list[tuple[Agency, int]]:
    """Resolve every name of a list, carrying the level character from one name to the next
    (``carry`` is the level a list before this one ended with: 自治区工业和信息化厅牵头，科技厅配合).

    In a responsibility list every entry is a responsible unit, whatever it is called
    (a company, a school, a body no dictionary knows): with ``keep_unknown`` such an
    entry is kept as written (kind ``other``) instead of being dropped.
    """
    out: list[tuple[Agency, int]] = []
    names, governed = _governments_of_places(split_names(text))
    for n, (name, offset) in enumerate(names):
        shared = "人民政府" if n in governed else _shared_suffix(name, _closing_division(names, n))
        agency = resolve(name + shared, where, carry)
        if agency is None and ZONE_HEAD.fullmatch(_tidy(name)):
            # a zone listed as a responsible unit (责任单位：市科技局、高新区) stands for its committee
            agency = resolve(_tidy(name) + "管委会", where, carry)
            agency = replace(agency, written=_tidy(name)) if agency else None
        if agency is not None and shared:
            agency = replace(agency, written=_tidy(name))  # the alias is what the page prints
        if agency is None and keep_unknown and not re.search(r"以下|不再|均含|均需|按职责|分工|等单位", name):
            tidy = _tidy(name)
            if 2 <= len(tidy) <= 30 and not re.search(r"[，。；：]", tidy) and UNIT_END.search(tidy):
                out.append((Agency(tidy, tidy, "other", where.main.name if where.main else None), offset))
            continue
        if agency is None:
            parts = [(p, offset + name.index(p)) for p in re.split(r"和|及|与", name) if p]
            if len(parts) > 1:
                for part, part_offset in parts:
                    sub = resolve(part, where, carry)
                    if sub:
                        out.append((sub, part_offset))
                        carry = sub.level or carry
            continue
        out.append((agency, offset))
        carry = agency.level or carry
    return out
