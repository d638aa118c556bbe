"""Organizations a document names (the places it names are found by ``loaders.places``).

Organizations are the known bodies of ``organizations.csv`` and names ending
like one (…大学, …研究院, …协会) that are not agencies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from loaders.lexicon import KnownEntity, Region, known_organizations, regions, words


@dataclass(frozen=True)
class OrgMention:
    name: str
    written: str
    start: int
    kind: str
    name_en: str | None


@cache
def _org_index() -> tuple[re.Pattern[str], dict[str, KnownEntity]]:
    forms = {form: org for org in known_organizations() for form in (org.name, *org.aliases)}
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))), forms


@cache
def _known_by_name() -> dict[str, KnownEntity]:
    """The known organizations by canonical name (built once, not for every text read)."""
    return {org.name: org for org in known_organizations()}


@cache
def _org_suffix() -> re.Pattern[str]:
    suffixes = sorted((s for s, _ in words()["organizations"]["suffixes"]), key=len, reverse=True)
    return re.compile("(?:" + "|".join(suffixes) + r")(?![\u4e00-\u9fff]{0,2}(?:实验室|中心))")


@cache
def _org_kinds() -> list[tuple[str, str]]:
    return sorted(((s, k) for s, k in words()["organizations"]["suffixes"]), key=lambda p: -len(p[0]))


@cache
def _org_left_stops() -> frozenset[str]:
    return frozenset(words()["organizations"]["left_stops"]) | frozenset(words()["sites"]["left_stops"])


@cache
def _determiners() -> re.Pattern[str]:
    return re.compile("^(?:" + "|".join(words()["organizations"]["determiners"]) + ")")


@cache
def _list_head() -> re.Pattern[str]:
    """等 + an optional qualifier (龙头, 人工智能标杆) + the head noun of a list of bodies."""
    heads = sorted((h for h, _ in words()["organizations"]["list_heads"]), key=len, reverse=True)
    return re.compile(r"等(?P<qualifier>[\u4e00-\u9fff]{0,10}?)(?P<head>" + "|".join(heads) + ")")


@cache
def _project_head() -> re.Pattern[str]:
    """等 + a qualifier + 项目: a list of projects, which may be named after the firms that run them."""
    heads = "|".join(words()["organizations"]["project_heads"])
    return re.compile(rf"等[\u4e00-\u9fff]{{0,6}}?(?:{heads})")


@cache
def _represented() -> re.Pattern[str]:
    """以A、B为代表的…企业: the names a sentence gives as examples of a kind of body."""
    heads = sorted((h for h, _ in words()["organizations"]["list_heads"]), key=len, reverse=True)
    return re.compile(r"以(?P<items>[^，。；：以]{2,40}?)为(?:代表|龙头|引领)的[\u4e00-\u9fff]{0,10}?(?P<head>"
                      + "|".join(heads) + ")")


@cache
def _examples() -> re.Pattern[str]:
    """…企业/厂商…，包括A、B、C等: the names a sentence gives as examples of the firms it has just named
    by their kind, the list closed by 等 alone."""
    heads = sorted((h for h, k in words()["organizations"]["list_heads"] if k == "enterprise"), key=len, reverse=True)
    openers = "|".join(words()["organizations"]["example_openers"])
    return re.compile(rf"(?:{'|'.join(heads)})[^。；;：:]{{0,20}}?(?:{openers})(?P<items>[^。；;：:等]{{2,120}}?)"
                      r"等(?=[，,。；;]|$)")


@cache
def _not_a_name() -> re.Pattern[str]:
    """Sector and generic words: a list item made only of these is a kind of firm, not a firm."""
    vocabulary = set(words()["organizations"]["sectors"]) | set(words()["sites"]["generic"])
    return re.compile("|".join(re.escape(w) for w in sorted(vocabulary, key=len, reverse=True)))


def find_organizations(text: str, sites: list | None = None, home: Region | None = None) -> list[OrgMention]:
    """Named bodies in ``text``: known ones (``organizations.csv``); names with a body's ending
    (…大学, …研究院, …协会) that carry a place or a proper noun; institutions with a site's ending that
    act (…实验室联合企业开展攻关); and the bare names of a list of bodies (安踏、特步等龙头企业).

    Not a body: a known name inside a site's name (德赛西威智能网联惠南工业园), a company name that
    names its model (DeepSeek模型), a phrase with 的 or a determiner (实现安全可信的联盟, 产业联盟).
    ``sites`` are the sites already found in ``text`` (found here when not given)."""
    from loaders.sites import acting_bodies, find_sites, leading_place

    if not _may_name_a_body(text):
        return []
    if sites is None:
        sites = find_sites(text, home=home)
    inside = [(m.start, m.start + len(m.written)) for m in sites]
    found: list[OrgMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(s <= start and end <= e for s, e in inside) and not any(
            s < end and start < e for s, e in taken) and not _credited(text, start) and not _ADDRESS.match(text, end)

    def add(name: str, written: str, start: int, end: int, kind: str, name_en: str | None = None) -> None:
        taken.append((start, end))
        found.append(OrgMention(name, written, start, kind, name_en))

    by_ending = [(start, end, name) for start, end, name in _bodies_by_ending(text)
                 if (_named_body(name) or _headed(text, end, name)) and not _role_built(text, start, name)]
    regex, forms = _org_index()
    for match in regex.finditer(text):
        org, end = forms[match.group(0)], match.end()
        if not free(match.start(), end) or re.match(r"大?模型", text[end:end + 3]):
            continue  # a company named in a site's name, or the model it makes (DeepSeek模型)
        place = leading_place(text[match.start():match.start() + 8])
        if place and len(place[0]) > end - match.start():
            continue  # 阿里地区: a division whose name starts like a company's short name
        if _inside_a_word(text, match.start(), end):
            continue  # 新浪潮, 完美的: a known name only as a whole word
        if match.group(0) in words()["organizations"]["common_word_names"] and not _as_company(
                text, match.start(), end):
            continue  # 迎来发展的曙光, 引发联想: the ordinary word
        if any(s == match.start() and e > end for s, e, _n in by_ending):
            continue  # 中国科学院长春光学精密机械与物理研究所: a body of the known one, named in full
        end += _campus(text, end)
        add(org.name, text[match.start():end], match.start(), end, org.kind, org.name_en)
    for start, end, name in by_ending:
        if free(start, end):
            written_end = end + (_campus(text, end) if name.endswith(("大学", "）", ")")) else 0)
            add(name, text[start:written_end], start, written_end, _org_kind(name))
    for start, end in acting_bodies(text, home):
        if free(start, end):
            add(text[start:end], text[start:end], start, end, "institute")
    known = _known_by_name()
    for start, end, name in _operators(text):
        if free(start, end) and name in known:
            add(name, text[start:end], start, end, known[name].kind, known[name].name_en)
    for start, end in _officers_firms(text):
        if free(start, end):
            add(text[start:end], text[start:end], start, end, "enterprise")
    for start, end, kind in _listed_bodies(text, found):
        if free(start, end):
            add(text[start:end], text[start:end], start, end, kind)
    return sorted(found, key=lambda m: m.start)


def _role_built(text: str, start: int, name: str) -> bool:
    """A centre named by what it serves or develops (…服务中心, …发展中心) that a task builds or makes the
    place into (打造杭州国际人工智能发展中心, 建设东盟数据服务中心) is a role or a facility, not a body;
    one that acts (…农事服务中心依托无人机…) or whose officer speaks (…技术中心负责人) is. Nor is a
    public hall (政务服务中心, 市民服务中心)."""
    from loaders.sites import _BUILDS

    organizations = words()["organizations"]
    if not name.endswith(tuple(organizations["built_roles"])):
        return False
    return name.endswith(tuple(organizations["halls"])) or bool(
        _BUILDS.search(text, 0, start) or re.search(r"(?:成为|形成|构建)$", text[:start]))


def full_names(names: set[str]) -> dict[str, str]:
    """Short name -> full name of the bodies a page names both with and without their place
    (甲省人工智能产业联盟, later 人工智能产业联盟会长…): one body, under its full name. A short name that
    is the tail of several full names (two provinces' 联盟) stays as it is."""
    from loaders.sites import leading_place

    found: dict[str, set[str]] = {}
    for name in names:
        place = leading_place(name)
        rest = name[len(place[0]):] if place else ""
        if rest in names and len(rest) >= 4:
            found.setdefault(rest, set()).add(name)
    return {short: next(iter(full)) for short, full in found.items() if len(full) == 1}


def _inside_a_word(text: str, start: int, end: int) -> bool:
    """Is the known name at ``text[start:end]`` a piece of another word as the segmenter reads the
    sentence (新|浪潮 in 新浪潮, 完|美的 in 完美的)? A word that runs on from the name's own start
    (华为云) is the body's product and keeps it."""
    left = max(0, start - 4)
    return _cut_across(text[left:end + 4], start - left, end - left)


@lru_cache(maxsize=16384)
def _cut_across(window: str, start: int, end: int) -> bool:
    """Does the segmenter cut ``window`` across the name at ``window[start:end]``? Cached by the
    window: the same names come back in the same phrases, page after page."""
    from loaders.segment import tokenize

    return any(s < start < e or start < s < end < e for _word, s, e in tokenize(window))


def _as_company(text: str, start: int, end: int) -> bool:
    """Does the sentence make the known name at ``text[start:end]``, an ordinary word too, the
    company's: a company word after it (小米汽车), a list of companies it stands in (…等企业), or
    another company listed with it (联想、华为)?"""
    from loaders.sites import _list_bounds

    if any(text.startswith(w, end) for w in words()["organizations"]["company_words"]):
        return True
    first, last = _list_bounds(text, start, end)
    if re.match(r"等[^，。；]{0,8}?(?:企业|公司|厂商|集团|品牌)", text[last:]):
        return True
    common = words()["organizations"]["common_word_names"]
    if start > 0 and text[start - 1] == "、":
        first = min(first, start - 12)  # 华为、联想
    if end < len(text) and text[end] in "、和及与":
        last = max(last, end + 12)  # 联想、华为
    return any(m.group(0) not in common and m.start() != start
               for m in _org_index()[0].finditer(text, max(0, first), last))


@cache
def _officer() -> re.Pattern[str]:
    """An officer's title right after a body's name (…研究院院长, …协会秘书长)."""
    return re.compile("|".join(sorted(words()["organizations"]["officer_titles"], key=len, reverse=True)))


def _headed(text: str, end: int, name: str) -> bool:
    """A body whose officer the sentence names (数字经济创新研究院院长李某) is one body, even when its
    name is made of ordinary words; not a phrase with a determiner, a count or 的."""
    from loaders.sites import _COUNTED

    return (bool(_officer().match(text, end)) and len(name) >= 4 and "的" not in name
            and not _determiners().match(name) and not re.search(r"[和与及、]", name)
            and not _COUNTED.search(name))  # 两家公司总经理: a count of bodies, no name


def _operators(text: str) -> list[tuple[int, int, str]]:
    """(start, end, operator) of the telecom operators a list names by their short names: two or more
    of them, each an item of one sentence's list alone, before a proper name, or naming a product with a
    company word (电信黄河云、移动徽商云、联通闽宁云; 电信、联通等运营商). One alone is the ordinary word (移动办公,
    联通两地), and so is one before a common noun (移动互联网、电信网络)."""
    from loaders.segment import tagged

    operators = dict(words()["organizations"]["operator_short_names"])
    if sum(short in text for short in operators) < 2:
        return []  # most sentences: spares segmenting their items
    out = []
    for sentence in re.finditer(r"[^。；;！？\n]+", text):
        found = []
        for item in re.finditer(r"[^、，,：:和及与等]+", sentence.group(0)):
            if not any(short in item.group(0)[:8] for short in operators):
                continue
            verb = _leading_verb(item.group(0))  # 鼓励|电信、联通等运营商
            pairs = tagged(item.group(0)[verb:])
            if pairs and pairs[0][0] in operators and (
                    len(pairs) == 1 or pairs[1][1] in ("ns", "nr", "nz", "nt")
                    or item.group(0).endswith(tuple(words()["organizations"]["company_words"]))):
                start = sentence.start() + item.start() + verb
                found.append((start, start + len(pairs[0][0]), operators[pairs[0][0]]))
        if len({name for _s, _e, name in found}) >= 2:
            out += found
    return out


@cache
def _corporate_officer() -> re.Pattern[str]:
    return re.compile("|".join(sorted(words()["organizations"]["corporate_titles"], key=len, reverse=True)))


def _officers_firms(text: str) -> list[tuple[int, int]]:
    """Spans of bare names right before a company officer's title (某某云副总裁张某, 某某智能董事长):
    only a company has a 副总裁 or a 董事长, so the name is one, though it carries no company word.
    A name with a body's ending is left to ``_headed``; a phrase (相关企业, 两家公司) names none, and a
    name of three characters or fewer is a person's as often (张志远董事长表示), so it is left."""
    out = []
    endings = [s for s, _ in _org_kinds()]
    for title in _corporate_officer().finditer(text):
        end = title.start() - len(re.search(r"(?:原|前|时任|现任)?$", text[:title.start()]).group(0))
        start = _org_name_start(text, end)
        start += _leading_verb(text[start:end])
        name = text[start:end]
        if (_bare_name(name) and len(name) >= 4 and not name.endswith("某")
                and not any(e in name for e in endings) and not re.search(r"[和与及、]", name)
                and not re.search(r"(?:企业|单位|机构|主体|厂商)$", name)):  # 独角兽企业: a kind of firm
            out.append((start, end))
    return out


#: a building's part after a name (…服务中心B座2510, …大厦3号楼): the name is part of an address
_ADDRESS = re.compile(r"\s*(?:[A-Za-z]|\d+号?)(?:座|栋|幢|楼|层|室)")


@cache
def _credit() -> re.Pattern[str]:
    """A page's credit to its publisher or its greeting, right before a name."""
    labels = "|".join(sorted(words()["organizations"]["credit_labels"], key=len, reverse=True))
    greetings = "|".join(words()["organizations"]["greetings"])
    return re.compile(rf"(?:(?:{labels})\s*[:：]\s*|(?:{greetings})\s*)$")


def _credited(text: str, start: int) -> bool:
    """Is the name at ``start`` the page's publisher (来源：山西省工程咨询协会, 欢迎您进入…协会官网)?"""
    return bool(_credit().search(text, max(0, start - 12), start))


@cache
def _body_hint() -> re.Pattern[str]:
    """Anything a body's name could hang on: a known name, a body's or an institution's ending, a company
    officer's title, an operator's short name, 等, 为代表的."""
    endings = [s for s, _ in words()["organizations"]["suffixes"]] + list(words()["sites"]["body_suffixes"])
    endings += words()["organizations"]["corporate_titles"]
    endings += [short for short, _name in words()["organizations"]["operator_short_names"]]
    alternation = "|".join(re.escape(e) for e in sorted(set(endings), key=len, reverse=True))
    return re.compile(alternation + "|等|为(?:代表|龙头|引领)的")


def _may_name_a_body(text: str) -> bool:
    """A quick test that spares segmenting the lines that name no body (most of them)."""
    return bool(_body_hint().search(text) or _org_index()[0].search(text))


def _bodies_by_ending(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every name ending like a body's (…大学, …研究所, …有限公司); a university
    keeps the city its branch is named by (中国石油大学（北京）, 香港科技大学（广州）)."""
    out = []
    for match in _org_suffix().finditer(text):
        start, end = _org_name_start(text, match.start()), match.end()
        if match.group(0) in words()["organizations"]["legal_forms"]:
            start = _list_item_start(text, start, match.start())
        branch = re.match(r"[（(]([\u4e00-\u9fff]{2,6})[）)]", text[end:end + 8])
        if match.group(0) == "大学" and branch and regions().lookup(branch.group(1)):
            end += branch.end()
        out.append((start, end, text[start:end]))
    return [c for c in out if not any(o[0] <= c[0] and c[1] <= o[1] and o != c for o in out)]


def _list_item_start(text: str, start: int, suffix_start: int) -> int:
    """A registered name (…建设集团有限公司) between the marks of a list is the whole item: the words
    of a name (建设, 开发) are no verbs before it there."""
    from loaders.sites import STOP_CHARS

    mark = max((i for i in range(max(0, suffix_start - 30), suffix_start) if text[i] in STOP_CHARS), default=-1)
    return mark + 1 if mark >= 0 and text[mark] == "、" else start


def _campus(text: str, end: int) -> int:
    """How far a campus named after a university runs (中山大学|深圳校区): written, not part of the name."""
    campus = re.match(r"[\u4e00-\u9fff]{1,4}校区", text[end:end + 6])
    return campus.end() if campus else 0


def _org_name_start(text: str, suffix_start: int) -> int:
    """Where a body's name ending at ``suffix_start`` begins: after punctuation or a verb, and after a
    conjunction that joins two names (华南理工大学与中山大学), not one inside a name
    (中国科学院长春光学精密机械与物理研究所)."""
    from loaders.sites import STOP_CHARS, joins_two_names

    stops = _org_left_stops()
    lengths = sorted({len(s) for s in stops}, reverse=True)
    i = suffix_start
    while i > 0 and suffix_start - i < 24:
        inserted = _BRACKETED.search(text, 0, i)
        if inserted and inserted.end() == i and _inside_a_name(inserted.group(1)):
            i = inserted.start()  # 内蒙古电力（集团）有限责任公司, 中国石油大学（北京）
            continue
        if text[i - 1] in STOP_CHARS or any(text[i - n:i] in stops for n in lengths if n <= i):
            break
        if text[i - 1] in "和与及" and joins_two_names(text, i - 1, suffix_start):
            break
        i -= 1
    return i


#: a bracketed word that ends where a name goes on
_BRACKETED = re.compile(r"[（(]([\u4e00-\u9fff]{1,6})[）)]$")


def _inside_a_name(word: str) -> bool:
    """A bracketed word that belongs to a company's or university's name: its form (集团, 股份) or a place."""
    return word in words()["organizations"]["bracketed_forms"] or bool(regions().lookup(word))


def _named_body(name: str) -> bool:
    """A name by its ending names one body when it carries a place or a proper noun, and no 的,
    digit or determiner (高校协会, 相关联盟, 产业联盟, 人工智能学院)."""
    from loaders.sites import leading_place, proper

    name = re.sub(r"[（(][^）)]*[）)]$", "", name)  # 中国石油大学（北京）
    suffix = next(s for s, _ in _org_kinds() if name.endswith(s))
    core = name[: -len(suffix)]
    if _national_association(name, core):
        return True
    if len(name) < 4 or "的" in name or re.search(r"\d", name) or _determiners().match(name):
        return False
    if re.search(r"[和与及、]$", core):
        return False  # 众创空间和大学(科技园): a conjunction right before the ending joins two kinds
    if _bare_level(name):
        return False  # 市中医医院, 省大数据协会: the body of some government level, no name of its own
    if (suffix == "大学" or suffix in words()["organizations"]["legal_forms"]) and len(core) >= 2:
        return True  # a university's or a registered company's name is its own (国防科技大学, …有限公司)
    return bool(core) and (leading_place(core) is not None or proper(name) or proper(core)
                           or _regional().match(core) is not None)


def _national_association(name: str, core: str) -> bool:
    """An alliance or society named by the national scope and a field of its own (全国数据交易联盟, 全国
    智能制造标准化协会): one body, as 中国…联盟 is; 全国 opens a kind of body elsewhere (全国重点企业),
    and after it a determiner (全国各类产业联盟) or generic words alone (全国产业联盟) name none."""
    from loaders.sites import _has_own_word, _noun_of_its_own

    if not core.startswith("全国") or _org_kind(name) != "association" or "的" in name or re.search(r"\d", name):
        return False
    field = core[2:]
    return (len(field) >= 2 and not _determiners().match(field)
            and (_noun_of_its_own(field) or _has_own_word(field)))


@cache
def _bare_level(name: str) -> bool:
    """Does the name open with a government level alone (市|中医医院), not with a word (区块链)?"""
    from loaders.segment import tagged

    pairs = tagged(name)
    return bool(pairs) and pairs[0][0] in ("省", "市", "区", "县")


@cache
def _regional() -> re.Pattern[str]:
    """A region that is no division but names a body well (长三角人工智能产业联盟)."""
    return re.compile("|".join(words()["organizations"]["regional_names"]))


def _org_kind(name: str) -> str:
    name = re.sub(r"[（(][^）)]*[）)]$", "", name)
    return next(k for s, k in _org_kinds() if name.endswith(s))


def _listed_bodies(text: str, found: list[OrgMention]) -> list[tuple[int, int, str]]:
    """Bare names listed before 等…企业/单位 (华为、腾讯、苹果等企业): bodies of the head's kind. A
    list of sectors (汽车、家电等企业) names none; a list whose head says its members are particular
    (龙头, 链主, 骨干) may hold only unknown names, any other needs a known body among them."""
    from loaders.sites import list_start

    out = []
    kinds = dict(words()["organizations"]["list_heads"])
    leading = words()["organizations"]["leading_qualifiers"]
    for head in _list_head().finditer(text):
        qualifier = head.group("qualifier")
        if re.search(r"行业|领域|产业|类|型", qualifier) and not any(q in qualifier for q in leading):
            continue  # 电子、汽车等行业企业: sectors
        if any(verb in qualifier for verb in words()["organizations"]["acting_on_head"]):
            continue  # 以IPv6、工业无线等技术改造企业内网: the firms are what the listed means act on
        items = _list_items(text, list_start(text, head.start()), head.start())
        known = any(m.start == s for m in found for s, _e in items) or any(
            _firm_like(text[s:e]) for s, e in items)
        if not (known or any(q in qualifier for q in leading)
                or (kinds[head.group("head")] == "enterprise" and not qualifier and _proper_names(text, items))):
            continue
        for start, end in items:
            end = start + len(_without_local_unit(text[start:end]))
            if _bare_name(text[start:end]):
                out.append((start, end, kinds[head.group("head")]))
    for head in _project_head().finditer(text):  # 风华高科、冠旭电子等重大项目: the firms' projects
        items = _list_items(text, list_start(text, head.start()), head.start())
        if sum(_firm_like(text[s:e]) for s, e in items) >= 2:
            out += [(s, e, "enterprise") for s, e in items if _bare_name(text[s:e])]
    for example in _examples().finditer(text):  # 汇聚50家厂商，包括甲科技、乙电子等
        items = _list_items(text, example.start("items"), example.end("items"))
        if len(items) >= 2 and any(_firm_like(_unbracketed(text[s:e])) for s, e in items):
            out += [(s, s + len(_unbracketed(text[s:e])), "enterprise") for s, e in items
                    if _bare_name(_unbracketed(text[s:e]))]
    for example in _represented().finditer(text):  # 以鲁班、大牛为代表的服务机器人公司
        items = _list_items(text, example.start("items"), example.end("items"))
        if all(_bare_name(text[s:e]) for s, e in items):
            out += [(s, e, kinds[example.group("head")]) for s, e in items]
    return out


def _unbracketed(name: str) -> str:
    """A firm's name without the brand it adds in brackets (甲科技(乙品牌))."""
    return re.sub(r"[（(][^）)]*[）)]$", "", name)


def _proper_names(text: str, items: list[tuple[int, int]]) -> bool:
    """Is every item of a list of firms (X、Y等企业, no qualifier: 园区企业 are a park's) a proper noun,
    one at least a name of a firm or a person rather than of a place (长虹、九洲等企业; 思必驰等企业)?
    Sectors and kinds (服务业、上市等企业) are common words, and places and known sites (欧美等企业)
    say where firms are."""
    from loaders.segment import tagged
    from loaders.sites import _known_index, leading_place, proper

    names = [text[s:e] for s, e in items]
    if not names or not all(_bare_name(n) and proper(n) for n in names):
        return False
    sites = dict(_known_index())
    if any((leading_place(n) and len(leading_place(n)[0]) == len(n)) or n in sites for n in names):
        return False  # 北京、上海等企业, 光谷、张江等企业: where the firms are
    return any(flag in ("nr", "nz", "nt") for n in names for _w, flag in tagged(n))


def _firm_like(name: str) -> bool:
    """A firm's name by its ending (冠旭电子, 博彦科技, 平高电气): a company word after a name of its own,
    which a list of sectors (智能电子, 汽车电子) does not have."""
    ending = next((e for e in words()["organizations"]["firm_endings"] if name.endswith(e)), None)
    return bool(ending) and len(_not_a_name().sub("", name[: -len(ending)])) >= 2


def _without_local_unit(name: str) -> str:
    """A company's name without the plant or base it has in a place (理想汽车|常州基地)."""
    from loaders.sites import leading_place

    unit = re.search(r"(?:基地|工厂|分公司|园区|总部)$", name)
    if unit:
        for cut in range(2, unit.start() - 1):
            place = leading_place(name[cut:unit.start()])
            if place and cut + len(place[0]) == unit.start():
                return name[:cut]
    return name


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each name of the list text[start:end], split at 、 and after a conjunction
    that joins the first name to a phrase (三大基础电信运营商和华为)."""
    items, at = [], start
    for piece in text[start:end].split("、"):
        # a conjunction joins two words only with a word on each side: 和硕联合 opens with 和, 中科和利 ends on one
        joins = [m.end() for m in re.finditer(r"[和及与]", piece) if m.start() >= 2 and len(piece) - m.end() >= 2]
        cut = joins[-1] if joins else 0
        items.append((at + cut, at + len(piece)))
        at += len(piece) + 1
    if items:
        items[0] = (items[0][0] + _leading_verb(text[items[0][0]:items[0][1]]), items[0][1])
    return [(s, e) for s, e in items if e > s]


def _leading_verb(item: str) -> int:
    """The length of a verb no stop list holds that opens the first item of a list (做好|风华高科), else 0."""
    from loaders.segment import tagged

    pairs = tagged(item)
    if len(pairs) > 1 and pairs[0][1] == "v" and len(pairs[0][0]) >= 2 and len(item) - len(pairs[0][0]) >= 2:
        return len(pairs[0][0])
    return 0


def _bare_name(name: str) -> bool:
    """A firm's bare name (安踏, 三一重工, 中电科钻石飞机): 2–10 characters, not a sector or generic
    word, no verb-like clause punctuation, digits or 的."""
    if _LATIN_NAME.fullmatch(name):
        return True  # Sigma Robotics: a name in Latin letters, each word a capitalised proper noun
    if not 2 <= len(name) <= 10 or re.search(r"[\d的，。；：\s]", name) or _determiners().match(name):
        return False
    return len(_not_a_name().sub("", name)) >= 2


#: a firm's name in Latin letters: one to four capitalised words (Sigma Robotics), not an acronym (AI, GPU)
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}")
