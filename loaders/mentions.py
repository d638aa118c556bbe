"""Organizations a document names (the places it names are found by ``loaders.places``).

Organizations are the known bodies of ``organizations.csv`` and names ending
like one (…大学, …研究院, …协会) that are not agencies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from loaders.lexicon import KnownEntity, known_organizations, words


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
