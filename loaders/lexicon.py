"""The data files under ``loaders/dictionaries/``, loaded once per process.

Code holds rules; these files hold facts: word lists (``lexicon.toml``),
administrative divisions (``regions.csv``), agency name forms
(``agency_forms.csv``), known sites and organizations. Adding a province's
agencies or a new park means editing a data file, not Python.
"""

from __future__ import annotations

import csv
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

DICTIONARIES = Path(__file__).resolve().parent / "dictionaries"


def _rows(name: str) -> list[dict[str, str]]:
    with (DICTIONARIES / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _split(value: str) -> list[str]:
    return [v for v in (value or "").split("|") if v]


@cache
def words() -> dict[str, Any]:
    """``lexicon.toml`` as a dict of sections."""
    return tomllib.loads((DICTIONARIES / "lexicon.toml").read_text(encoding="utf-8"))


@cache
def pattern(section: str, key: str) -> re.Pattern[str]:
    """One regular expression matching any of the listed regexes."""
    return re.compile("|".join(f"(?:{p})" for p in words()[section][key]))


@cache
def patterns(section: str, key: str) -> tuple[re.Pattern[str], ...]:
    """Each of the listed regexes compiled on its own, once, in the listed order: for the readers that
    try them one by one and keep which one matched (the first that does wins)."""
    return tuple(re.compile(p) for p in words()[section][key])


def matches_any(section: str, key: str, text: str) -> bool:
    """Does any of the listed regexes match somewhere in ``text``? The same answer as ``pattern``'s
    search, found quicker for a long text or many rules: each regex compiled on its own is tried at
    the start alone when anchored there (^) and only where its first character occurs, which re cannot
    do for their alternation (it tries every rule at every character)."""
    return any(p.search(text) for p in patterns(section, key))


@cache
def _alternation(items: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(items), key=len, reverse=True))


def alternation(items: list[str]) -> str:
    """A regex alternation of literal words, longest first (so 若干措施 wins over 措施)."""
    return _alternation(tuple(items))


@dataclass(frozen=True)
class Region:
    name: str
    level: str  # Province, City or District
    short: str
    parent: str | None
    province: str
    adcode: str
    name_en: str
    county_level: bool = False
    provincial_level: bool = False


@dataclass(frozen=True)
class AgencyForm:
    short: str
    full: str
    kind: str
    name_en: str


@dataclass(frozen=True)
class KnownEntity:
    name: str
    aliases: tuple[str, ...]
    kind: str
    name_en: str
    city: str | None = None
    district: str | None = None
    #: other English names people write (Tangjiawan for 唐家湾), for lookups by English name
    aliases_en: tuple[str, ...] = ()


@dataclass
class Regions:
    by_name: dict[str, list[Region]] = field(default_factory=dict)
    by_short: dict[str, list[Region]] = field(default_factory=dict)
    #: other full forms: an autonomous prefecture written with 州 (黔东南州 for 黔东南苗族侗族自治州)
    aliases: dict[str, list[Region]] = field(default_factory=dict)

    def lookup(self, text: str) -> list[Region]:
        return self.by_name.get(text) or self.aliases.get(text) or self.by_short.get(text) or []


@cache
def regions() -> Regions:
    index = Regions()
    for row in _rows("regions.csv"):
        region = Region(row["name"], row["level"], row["short"], row["parent"] or None, row["province"],
                        row["adcode"], row["name_en"], row["county_level"] == "true",
                        row["provincial_level"] == "true")
        index.by_name.setdefault(region.name, []).append(region)
        if region.short != region.name and len(region.short) >= 2:
            index.by_short.setdefault(region.short, []).append(region)
        if region.name.endswith("自治州") and region.short != region.name:
            index.aliases.setdefault(region.short + "州", []).append(region)
    return index


@cache
def region_forms() -> frozenset[str]:
    """Every written name of a division: its full name, an alias or its short form (what a reader of
    division names may meet in a text)."""
    index = regions()
    return frozenset(index.by_name) | frozenset(index.aliases) | frozenset(index.by_short)


@cache
def agency_forms() -> list[AgencyForm]:
    """Name forms, longest short form first, so 发展改革委 is tried before 改革委.

    Besides the rows of ``agency_forms.csv``, the forms that the general rules of
    Chinese body names derive from them: a commission's 委员会 written 委
    (科技创新委员会 → 科技创新委), and a 和 left out between the two fields of a
    name (经济和信息化委员会 → 经济信息化委, 科学技术和信息化局 → 科学技术信息化局).
    """
    forms = [AgencyForm(r["short"], r["full"], r["kind"], r["name_en"]) for r in _rows("agency_forms.csv")]
    known = {f.short for f in forms}
    for form in list(forms):
        for short in _derived_shorts(form.short):
            if short not in known:
                known.add(short)
                forms.append(AgencyForm(short, form.full, form.kind, form.name_en))
    return sorted(forms, key=lambda f: len(f.short), reverse=True)


def _derived_shorts(short: str) -> list[str]:
    """委员会 → 委, and 和 dropped between two fields (never a lone 和 at either end)."""
    out = []
    bases = [short]
    if "和" in short[1:-1]:
        bases.append(short.replace("和", ""))
    for base in bases:
        out.append(base)
        if base.endswith("委员会") and len(base) > 4:
            out.append(base[:-3] + "委")
    return [s for s in out if s != short]


@cache
def known_agencies() -> dict[str, list[tuple[KnownEntity, str | None]]]:
    """Bodies whose canonical name cannot be derived from the way plans write them, by name and alias.

    An alias written with a level character (省大数据局) names different bodies in different
    provinces, so one alias may list several entries, each with its jurisdiction.
    """
    index: dict[str, list[tuple[KnownEntity, str | None]]] = {}
    for r in _rows("agencies.csv"):
        entity = KnownEntity(r["name"], tuple(_split(r["aliases"])), r["kind"], r["name_en"])
        for form in (entity.name, *entity.aliases):
            index.setdefault(form, []).append((entity, r["jurisdiction"] or None))
    return index


@cache
def known_sites() -> list[KnownEntity]:
    return [KnownEntity(r["name"], tuple(_split(r["aliases"])), r["kind"], r["name_en"],
                        r["city"] or None, r["district"] or None, tuple(_split(r.get("aliases_en", ""))))
            for r in _rows("sites.csv")]


@cache
def known_organizations() -> list[KnownEntity]:
    return [KnownEntity(r["name"], tuple(_split(r["aliases"])), r["kind"], r["name_en"])
            for r in _rows("organizations.csv")]


@cache
def fingerprint() -> str:
    """A hash of every data file and of the loaders' own code.

    A changed dictionary or rule makes cached extractions stale: a user who
    upgrades policykg gets their documents read again by the new rules, not the
    contributions the old ones left in the data directory.
    """
    digest = hashlib.sha256()
    package = DICTIONARIES.parent
    files = [p for p in sorted(DICTIONARIES.glob("*")) if p.is_file() and p.suffix in (".csv", ".toml", ".txt")]
    files += sorted(package.rglob("*.py")) + sorted((package / "formats").glob("*.json"))
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
