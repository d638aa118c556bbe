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
def _left_stops() -> list[str]:
    return sorted(words()["sites"]["left_stops"], key=len, reverse=True)


def find_sites(text: str, context_city: Region | None = None) -> list[SiteMention]:
    """Every site named in ``text`` (a measure's text or a goal clause)."""
    found: list[SiteMention] = []
    taken: list[tuple[int, int]] = []
    for form, site in _known_index():
        for match in re.finditer(re.escape(form), text):
            start, end = match.start(), match.end()
            if any(s < end and start < e for s, e in taken):
                continue
            # a city name written before a known site belongs to it (东莞松山湖)
            taken.append((start, end))
            found.append(SiteMention(site.name, form, start, site.kind, site.name_en, site.city, site.district, True))
    for start, end, kind in _pattern_candidates(text):
        if any(s < end and start < e for s, e in taken):
            continue
        written = text[start:end]
        mention = _unknown_site(written, start, kind, context_city)
        if mention:
            taken.append((start, end))
            found.append(mention)
    return sorted(found, key=lambda m: m.start)


def _pattern_candidates(text: str) -> list[tuple[int, int, str]]:
    candidates: list[tuple[int, int, str]] = []
    for suffix, kind in _suffixes():
        for match in re.finditer(re.escape(suffix), text):
            end = match.end()
            if end < len(text) and _continues_name(text, end):
                continue
            start = _left_edge(text, match.start())
            if end - start > len(suffix) and end - start <= 30:
                candidates.append((start, end, kind))
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
    rest = text[end:end + 6]
    return any(rest.startswith(s) for s, _ in _suffixes()) or (rest[:1] in ("区",) and not rest.startswith("区域"))


def _left_edge(text: str, suffix_start: int) -> int:
    i = suffix_start
    while i > 0 and text[i - 1] not in STOP_CHARS:
        head = text[:i]
        if any(head.endswith(stop) for stop in _left_stops()):
            break
        i -= 1
    return i


def _unknown_site(written: str, start: int, kind: str, context_city: Region | None) -> SiteMention | None:
    if "的" in written or re.search(r"\d", written):
        return None
    suffix = next(s for s, _ in _suffixes() if written.endswith(s))
    core = written[: -len(suffix)]
    place = _leading_place(core)
    residual = _generic_regex().sub("", core)
    residual_without_place = _generic_regex().sub("", core[len(place[0]):]) if place else residual
    if not place and len(residual) < 2:
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
        if len(residual_without_place) >= 2 and len(rest) >= 4 and region.level != "District":
            name = rest
    elif context_city is not None and len(residual) < 2:
        name = context_city.short + written
        city = context_city.name
    if city is None and context_city is not None:
        city = context_city.name
    return SiteMention(name, written, start, kind, None, city, district, False)


def _leading_place(core: str) -> tuple[str, Region] | None:
    index = regions()
    for size in range(min(6, len(core)), 1, -1):
        head = core[:size]
        hits = index.by_name.get(head) or index.by_short.get(head)
        if hits:
            return head, hits[0]
    return None
