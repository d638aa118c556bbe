"""The jurisdiction a plan is for (COVERS), which also resolves its short agency names.

The title names it first (广东省…, 温州市洞头区…, 关于支持东莞市滨海湾新区…: the
innermost division the title starts with); a title without a place (加快推进
"人工智能+"深度应用行动方案) takes the jurisdiction of its issuer
(呼和浩特市人民政府), then the division the text names most.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from loaders.agencies import Jurisdiction, resolve
from loaders.lexicon import Region, regions
from loaders.places import find_regions


class _Named:
    """The divisions the text names, counted on first need: only a name several divisions
    share (or a title without a place) needs them, and segmenting the text costs."""

    def __init__(self, text: str):
        self._text = text
        self._counts: Counter[Region] | None = None

    def __call__(self) -> Counter[Region]:
        if self._counts is None:
            self._counts = Counter(r for r, _w, _s in find_regions(self._text[:5000], None))
        return self._counts


def plan_region(title: str | None, issuers: list[str], text: str) -> Region | None:
    named = _Named(text)
    if title:
        region = _title_region(title, named)
        if region:
            return region
    for written in issuers:
        agency = resolve(written, Jurisdiction())
        if agency and agency.jurisdiction:
            found = regions().by_name.get(agency.jurisdiction)
            if found:
                return _in_context(found, named)
        region = _title_region(written, named)
        if region:
            return region
    counts = Counter({r: n for r, n in named().items() if r.level in ("Province", "City")})
    if counts:
        return counts.most_common(1)[0][0]
    return None


def _in_context(candidates: list[Region], named: Callable[[], Counter[Region]] | None) -> Region:
    """Of the divisions sharing a name (南山区 of 深圳市 and of 鹤岗市), the one whose city or
    province the text names most; the first listed when it names none."""
    if len(candidates) == 1 or named is None:
        return candidates[0]
    names = Counter()
    for region, count in named().items():
        names[region.name] += count
    return max(candidates, key=lambda r: (names[r.parent or ""] + names[r.province], -candidates.index(r)))


def _title_region(title: str, named: Callable[[], Counter[Region]] | None = None) -> Region | None:
    """The innermost division among those the title starts with (before its first verb)."""
    head = re.sub(r"^(关于|中共)", "", title)
    head = re.split(r"(?:关于|推进|推动|加快|促进|支持|培育|发展|建设|打造|实施|深化|全面|印发)", head, maxsplit=1)[0] \
        if not head.startswith(("推进", "推动", "加快", "促进", "支持")) else \
        re.sub(r"^(推进|推动|加快|促进|支持)", "", head)[:14]
    found = scan_regions(head, named)
    if not found:
        return None
    # the deepest division, consistent with the ones before it
    found.sort(key=lambda r: {"Province": 0, "City": 1, "District": 2}[r.level])
    best = found[0]
    for region in found[1:]:
        chain_names = {best.name, best.province}
        if region.parent in chain_names or region.province == best.name or region.province == best.province:
            best = region
    return best


def scan_regions(text: str, named: Callable[[], Counter[Region]] | None = None) -> list[Region]:
    """Regions written in ``text``, longest name first at each position (full names, or short
    names of provinces and cities); a shared name goes to the division ``named`` points to."""
    index = regions()
    found: list[Region] = []
    i = found_end = 0
    while i < len(text):
        for size in range(min(8, len(text) - i), 1, -1):
            word = text[i:i + size]
            inner = found[-1] if found and found[-1].level == "City" and found_end == i else None
            hits = index.by_name.get(word) or [r for r in index.by_short.get(word, [])
                                               if r.level in ("Province", "City")
                                               or (inner is not None and r.parent == inner.name)]
            if hits:
                found.append(_in_context(hits, named))
                i += size
                found_end = i  # 广州南沙: a district's short name right after its city
                break
        else:
            i += 1
    return found


def jurisdiction_of(region: Region | None) -> Jurisdiction:
    return Jurisdiction.of(region)
