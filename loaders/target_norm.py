"""Make quantitative targets comparable: a metric category and a normalised value.

Plans state the same kind of goal in different words and units
(核心产业规模突破1500亿元, 人工智能核心产业规模超过4400亿元; 900PFlops, 60EFLOPS;
1.9万亿元). An analyst comparing provinces needs one category per goal and one
unit per kind of quantity. ``enrich_target`` adds both to a Target's
properties without touching what was written (``value``/``unit`` stay as in
the text). The rules are data: ``dictionaries/metric_categories.toml`` (the
taxonomy) and ``dictionaries/units.toml`` (conversions), loaded once, so a new
category or unit needs no code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

DICTIONARIES = Path(__file__).resolve().parent / "dictionaries"
CATEGORIES_FILE = DICTIONARIES / "metric_categories.toml"
UNITS_FILE = DICTIONARIES / "units.toml"

#: the category a quantitative target gets when no rule matches
FALLBACK_CATEGORY = "other"


@dataclass(frozen=True)
class Category:
    """One entry of the taxonomy, with its matching rules."""

    key: str
    name: str
    name_zh: str
    keywords: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()
    units: frozenset[str] = frozenset()
    exclude: tuple[str, ...] = ()

    def matches(self, metric: str, unit: str) -> bool:
        if any(word in metric for word in self.exclude):
            return False
        return (any(word in metric for word in self.keywords)
                or any(p.search(metric) for p in self.patterns)
                or (bool(unit) and unit in self.units))


@dataclass(frozen=True)
class Units:
    """The conversion tables of ``units.toml``."""

    magnitudes: dict[str, float]
    factors: dict[str, tuple[str, str, float]]  # unit -> (kind, unit_norm, factor)
    classifiers: frozenset[str] = field(default_factory=frozenset)
    names_en: dict[str, str] = field(default_factory=dict)


def _unit_key(unit: str) -> str:
    """Units compare without blanks and with ASCII upper-cased (PFlops = PFLOPS)."""
    return re.sub(r"\s+", "", unit).upper()


@cache
def categories() -> tuple[Category, ...]:
    """The taxonomy, in matching order (read once per process).

    >>> [c.key for c in categories()][:3]
    ['computing_capacity', 'related_industry_scale', 'ai_core_industry_scale']
    """
    with CATEGORIES_FILE.open("rb") as f:
        data = tomllib.load(f)
    out = []
    for entry in data.get("category", []):
        out.append(Category(
            key=entry["key"], name=entry.get("name", entry["key"]), name_zh=entry.get("name_zh", ""),
            keywords=tuple(entry.get("keywords", ())),
            patterns=tuple(re.compile(p) for p in entry.get("patterns", ())),
            units=frozenset(_unit_key(u) for u in entry.get("units", ())),
            exclude=tuple(entry.get("exclude", ()))))
    if not any(c.key == FALLBACK_CATEGORY for c in out):
        out.append(Category(FALLBACK_CATEGORY, "other", "其他"))
    return tuple(out)


def category(key_or_name: str) -> Category | None:
    """The category named by its key, English name or Chinese name (case-insensitive).

    >>> category("AI core industry scale").key
    'ai_core_industry_scale'
    >>> category("算力规模").key
    'computing_capacity'
    """
    wanted = key_or_name.strip().lower().replace("-", "_")
    for c in categories():
        if wanted in (c.key, c.name.lower().replace("-", "_"), c.name.lower().replace(" ", "_"), c.name_zh):
            return c
    return None


@cache
def units() -> Units:
    with UNITS_FILE.open("rb") as f:
        data = tomllib.load(f)
    factors: dict[str, tuple[str, str, float]] = {}
    classifiers: frozenset[str] = frozenset()
    for kind, spec in data.get("kind", {}).items():
        if kind == "count":
            classifiers = frozenset(spec.get("classifiers", ()))
            continue
        for unit, factor in spec.get("factors", {}).items():
            factors[_unit_key(unit)] = (kind, spec["unit_norm"], float(factor))
    return Units({k: float(v) for k, v in data.get("magnitudes", {}).items()}, factors, classifiers,
                 dict(data.get("names_en", {})))


def unit_name_en(unit_norm: str | None) -> str | None:
    """The English name of a normalised unit, for charts without a Chinese font.

    >>> unit_name_en("亿元")
    '100 million yuan'
    """
    if not unit_norm:
        return None
    return units().names_en.get(unit_norm)


def classify(metric: str | None, unit: str | None = None) -> str:
    """The category key of a quantitative target's metric (and unit).

    >>> classify("人工智能核心产业规模")
    'ai_core_industry_scale'
    >>> classify("带动相关产业规模")
    'related_industry_scale'
    >>> classify("全省规模", "PFlops")
    'computing_capacity'
    """
    text = metric or ""
    key = _unit_key(unit or "")
    for c in categories():
        if c.matches(text, key):
            return c.key
    return FALLBACK_CATEGORY


def convert_unit(unit: str | None) -> tuple[str, str, float] | None:
    """(kind, unit_norm, factor) for a unit as written, or None when it is not known.

    >>> convert_unit("万亿元")
    ('money', '亿元', 10000.0)
    >>> convert_unit("PFlops")
    ('computing', 'EFLOPS', 0.001)
    >>> convert_unit("万人")
    ('count', '人', 10000.0)
    """
    if not unit:
        return None
    table = units()
    key = _unit_key(unit)
    found = table.factors.get(key)
    if found:
        return found
    if key in table.classifiers:
        return ("count", key, 1.0)
    if len(key) > 1 and key[0] in table.magnitudes:
        rest = convert_unit(key[1:])
        if rest:
            kind, unit_norm, factor = rest
            return kind, unit_norm, table.magnitudes[key[0]] * factor
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).replace(",", "").strip())
    except ValueError:
        return None


def _tidy(x: float) -> int | float:
    """Round away float noise (1.9 x 10000 = 18999.999999999996) and keep integers integral."""
    x = round(x, 9)
    return int(x) if x == int(x) and abs(x) < 2**53 else x


def normalise_value(value: Any, unit: str | None) -> tuple[int | float | None, str | None, str | None]:
    """(value_norm, unit_norm, unit_kind) of a value as written.

    A unit with a magnitude and no number (超万亿元) counts as one of it.

    >>> normalise_value(1.9, "万亿元")
    (19000, '亿元', 'money')
    >>> normalise_value(900, "PFlops")
    (0.9, 'EFLOPS', 'computing')
    >>> normalise_value(None, "万亿元")
    (10000, '亿元', 'money')
    >>> normalise_value(5, "个")
    (5, '个', 'count')
    """
    converted = convert_unit(unit)
    number = _number(value)
    if converted is None:
        return (None if number is None else _tidy(number)), (unit or None), (None if not unit else "other")
    kind, unit_norm, factor = converted
    if number is None:
        table = units()
        key = _unit_key(unit or "")
        if not (key and key[0] in table.magnitudes):
            return None, unit_norm, kind
        number = 1.0
    return _tidy(number * factor), unit_norm, kind


def enrich_target(properties: dict[str, Any]) -> dict[str, Any]:
    """A copy of a Target's properties with ``metric_category``, ``value_norm``, ``unit_norm``.

    Also ``value_max_norm`` (the upper end of a range, normalised) and
    ``unit_kind`` (money, computing, percent, count, storage, latency, bandwidth, other: the kinds of
    ``units.toml``) so callers compare
    like with like, and the names of the category (``metric_category_zh``,
    ``metric_category_en``) and of the normalised unit (``unit_norm_en``): the
    graph is built with everything its readers need (analyses, queries, charts,
    RDF), so none of them reads this taxonomy again. Qualitative targets get no
    category and no values; ``value`` and ``unit`` are never changed.

    >>> t = enrich_target({"metric": "带动相关产业规模", "value": 1.9, "unit": "万亿元", "qualitative": False})
    >>> t["metric_category"], t["value_norm"], t["unit_norm"], t["value"], t["unit"]
    ('related_industry_scale', 19000, '亿元', 1.9, '万亿元')
    >>> t["metric_category_zh"], t["metric_category_en"], t["unit_norm_en"]
    ('带动相关产业规模', 'related industry scale', '100 million yuan')
    """
    out = dict(properties)
    qualitative = bool(out.get("qualitative")) or (out.get("value") is None and not out.get("unit"))
    if qualitative:
        out.update(metric_category=None, metric_category_zh=None, metric_category_en=None, value_norm=None,
                   value_max_norm=None, unit_norm=None, unit_norm_en=None, unit_kind=None)
        return out
    value_norm, unit_norm, kind = normalise_value(out.get("value"), out.get("unit"))
    value_max_norm = None
    if out.get("value_max") is not None:
        value_max_norm, _, _ = normalise_value(out.get("value_max"), out.get("unit"))
    key = classify(out.get("metric"), out.get("unit"))
    named = category(key)
    out.update(metric_category=key, metric_category_zh=(named.name_zh or None) if named else None,
               metric_category_en=named.name if named else None, value_norm=value_norm,
               value_max_norm=value_max_norm, unit_norm=unit_norm, unit_norm_en=unit_name_en(unit_norm),
               unit_kind=kind)
    return out


