"""Regions and organizations a document names.

Regions are found through jieba, loaded with the administrative divisions as
user words, so 中山大学 stays one word and does not name 中山市. Full names
(东莞市, 光明区) always count; short names count for provinces and cities
(广东, 东莞) and are resolved towards the plan's own province when ambiguous
(朝阳 is a city in Liaoning and a district in Beijing). Organizations are the
known bodies of ``organizations.csv`` and names ending like one (…大学,
…研究院, …协会) that are not agencies.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from loaders.lexicon import KnownEntity, Region, Regions, known_organizations, regions, words
from loaders.segment import tokenize


def find_regions(text: str, home: Region | None) -> list[tuple[Region, str, int]]:
    """(region, written form, offset) for each region named in ``text``.

    A region counts only where jieba cuts it out as a whole word (广东 in 广东省
    is part of a longer word; 海南 in 上海南部 is not a word at all). jieba cuts
    each run of Han characters, letters and digits on its own, so only the runs
    that contain some region name need segmenting: an Aho-Corasick pass finds
    them, and the result is the same as segmenting the whole text at a fraction
    of the cost (segmentation was half of all extraction time).
    """
    index = regions()
    automaton = _region_forms()
    ends = [end for end, _form in automaton.iter_long(text)]  # any hit marks its run; the longest will do
    if not ends:
        return []
    out = []
    for block in _JIEBA_BLOCK.finditer(text):
        first = bisect_left(ends, block.start())
        if first == len(ends) or ends[first] >= block.end():
            continue
        for word, start, _end in tokenize(block.group()):
            region = region_of(word, home, index)
            if region is not None:
                out.append((region, word, block.start() + start))
    return out


def region_of(word: str, home: Region | None, index: Regions | None = None) -> Region | None:
    """The region one segmented word names, if any: a full name always, a short name only for a
    province or city, towards ``home`` when ambiguous."""
    index = index or regions()
    if word in index.by_name:
        return _prefer(index.by_name[word], home)
    candidates = [r for r in index.by_short.get(word, ()) if r.level in ("Province", "City")]
    if not candidates:
        return None
    return _prefer(candidates, home, strict=len(candidates) > 1)


#: jieba's ``re_han_default``: the runs it segments one by one
_JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")


@cache
def _region_forms():
    """Every written form that ``find_regions`` can accept, in one automaton."""
    import ahocorasick

    index = regions()
    automaton = ahocorasick.Automaton()
    forms = set(index.by_name)
    forms.update(short for short, found in index.by_short.items()
                 if any(r.level in ("Province", "City") for r in found))
    for form in forms:
        automaton.add_word(form, form)
    automaton.make_automaton()
    return automaton


def _prefer(candidates: list[Region], home: Region | None, strict: bool = False) -> Region | None:
    if len(candidates) == 1:
        return candidates[0]
    if home is not None:
        same = [c for c in candidates if c.province == home.province]
        if same:
            return same[0]
    return None if strict else candidates[0]


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
def _org_suffix() -> re.Pattern[str]:
    suffixes = sorted((s for s, _ in words()["organizations"]["suffixes"]), key=len, reverse=True)
    return re.compile(r"([\u4e00-\u9fff]{2,16}?(?:" + "|".join(suffixes) + r"))(?![\u4e00-\u9fff]{0,2}(?:实验室|中心))")


def find_organizations(text: str) -> list[OrgMention]:
    found: list[OrgMention] = []
    taken: list[tuple[int, int]] = []
    regex, forms = _org_index()
    for match in regex.finditer(text):
        org = forms[match.group(0)]
        end = match.end()
        campus = re.match(r"[\u4e00-\u9fff]{1,4}校区", text[end:end + 6])
        if campus:
            end += campus.end()
        taken.append((match.start(), end))
        found.append(OrgMention(org.name, text[match.start():end], match.start(), org.kind, org.name_en))
    kinds = dict(words()["organizations"]["suffixes"])
    stops = ("支持", "鼓励", "引导", "依托", "推动", "联合", "加强", "与", "和", "及", "等", "由", "对", "在", "以")
    for match in _org_suffix().finditer(text):
        start, end = match.start(1), match.end(1)
        name = match.group(1)
        for stop in stops:
            cut = name.rfind(stop)
            if cut >= 0:
                name, start = name[cut + len(stop):], start + cut + len(stop)
        if any(s < end and start < e for s, e in taken) or len(name) < 4:
            continue
        if re.match(r"^(高校|各|相关|有关|一批|重点|知名|省内|国内|国际|世界|高水平)", name):
            continue
        kind = next(k for s, k in sorted(kinds.items(), key=lambda p: -len(p[0])) if name.endswith(s))
        taken.append((start, end))
        found.append(OrgMention(name, name, start, kind, None))
    return sorted(found, key=lambda m: m.start)
