"""Comparable targets: what each province promises, by metric category and year.

A row per quantitative target with its plan, province, the value as written
and the value normalised (亿元, EFLOPS, counts), and the sentence it was read
from. ``compare_targets`` lines provinces up for one category and year;
``trajectory`` follows one province's category from plan to plan (Guangdong's
AI core industry: 1500 亿元 for 2025 in the 2022–2025 plan, then 3000 亿元 for
2025 and 4400 亿元 for 2027 in 粤办函〔2024〕88号).
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.analysis.convert import (
    NoMatch,
    display_name,
    find_nodes,
    nodes_with_label,
    plan_order,
    plans_of,
    provinces_of,
)
from graph.model import Label


def categories(G: nx.MultiDiGraph) -> dict[str, tuple[str | None, str | None]]:
    """The metric categories of the graph's targets: key -> (English name, Chinese name).

    The build writes each target's category with its names, so the graph answers
    which categories there are; the taxonomy they come from is the extractor's.

    >>> from graph.analysis import to_networkx
    >>> from graph.analysis.examples import tiny_graph
    >>> categories(to_networkx(tiny_graph()))["computing_capacity"]
    ('computing capacity', '算力规模')
    """
    found: dict[str, tuple[str | None, str | None]] = {}
    for target in nodes_with_label(G, Label.TARGET):
        attrs = G.nodes[target]
        key = attrs.get("metric_category")
        if key and (key not in found or found[key] == (None, None)):
            found[key] = (attrs.get("metric_category_en"), attrs.get("metric_category_zh"))
    return dict(sorted(found.items()))


def _category_key(G: nx.MultiDiGraph, category: str | None) -> str | None:
    """The key of the category named by its key, English or Chinese name (case and blanks aside)."""
    if category is None:
        return None

    def plain(text: str) -> str:
        return "_".join(text.strip().lower().replace("-", "_").split())

    wanted = plain(category)
    known = categories(G)
    for key, names in known.items():
        if wanted in {plain(key), *(plain(n) for n in names if n)}:
            return key
    listed = ", ".join(f"{key} ({', '.join(n for n in names if n)})" if any(names) else key
                       for key, names in known.items())
    raise NoMatch("category", category, f"the graph's targets are in {listed or 'no category'}")


def target_rows(G: nx.MultiDiGraph, category: str | None = None, year: int | None = None,
                province: str | None = None, qualitative: bool = False) -> list[dict[str, Any]]:
    """One row per (target, plan, province): quantitative targets unless ``qualitative``.

    ``category`` is a key, English or Chinese name of the taxonomy;
    ``province`` a province name. Rows come in graph order; the callers sort.

    >>> from graph.analysis import to_networkx
    >>> from graph.analysis.examples import tiny_graph
    >>> rows = target_rows(to_networkx(tiny_graph()), category="AI core industry scale", year=2025)
    >>> sorted((r["province"], r["value"], r["unit"]) for r in rows)
    [('乙省', 1500, '亿元'), ('乙省', 3000, '亿元')]
    """
    key = _category_key(G, category)
    wanted_provinces = None
    if province is not None:
        wanted_provinces = set(find_nodes(G, Label.PROVINCE, province))
        if not wanted_provinces:
            raise NoMatch("province", province, "give a province name such as 广东, 广东省 or Guangdong")
    rows = []
    for target in nodes_with_label(G, Label.TARGET):
        attrs = G.nodes[target]
        if bool(attrs.get("qualitative")) and not qualitative:
            continue
        if key is not None and attrs.get("metric_category") != key:
            continue
        if year is not None and attrs.get("year") != year:
            continue
        for plan in plans_of(G, target) or [None]:
            plan_attrs = G.nodes[plan] if plan else {}
            provinces = provinces_of(G, plan) if plan else []
            if wanted_provinces is not None and not wanted_provinces & set(provinces):
                continue
            for prov in provinces or [None]:
                prov_attrs = G.nodes[prov] if prov else {}
                rows.append({
                    "category": attrs.get("metric_category"),
                    "category_name": attrs.get("metric_category_en") or attrs.get("metric_category"),
                    "year": attrs.get("year"),
                    "province": prov_attrs.get("name"), "province_en": prov_attrs.get("name_en"),
                    "plan": display_name(plan_attrs, plan or ""), "doc_number": plan_attrs.get("doc_number"),
                    "plan_issued": plan_attrs.get("date_issued") or plan_attrs.get("date_published"),
                    "plan_period": _period(plan_attrs),
                    "metric": attrs.get("metric"), "comparator": attrs.get("comparator"),
                    "value": attrs.get("value"), "value_max": attrs.get("value_max"), "unit": attrs.get("unit"),
                    "value_norm": attrs.get("value_norm"), "unit_norm": attrs.get("unit_norm"),
                    "unit_norm_en": attrs.get("unit_norm_en"),
                    "text": attrs.get("text"), "id": target, "plan_id": plan, "province_id": prov,
                    "_plan_order": plan_order(plan_attrs),
                })
    return rows


def _period(attrs: dict[str, Any]) -> str | None:
    start, end = attrs.get("period_start"), attrs.get("period_end")
    if start and end:
        return f"{start}–{end}"
    return str(start or end) if (start or end) else None


def _public(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]


def compare_targets(G: nx.MultiDiGraph, category: str | None = None, year: int | None = None,
                    province: str | None = None) -> list[dict[str, Any]]:
    """Quantitative targets across plans and provinces, sorted to compare.

    By category, then year, then normalised value (highest first), then
    province and plan; a row without a normalised value comes last in its group.

    >>> from graph.analysis import to_networkx
    >>> from graph.analysis.examples import tiny_graph
    >>> [(r["category"], r["year"], r["value_norm"], r["unit_norm"]) for r in compare_targets(
    ...     to_networkx(tiny_graph()))]  # doctest: +NORMALIZE_WHITESPACE
    [('ai_core_industry_scale', 2025, 3000, '亿元'), ('ai_core_industry_scale', 2025, 1500, '亿元'),
     ('ai_core_industry_scale', 2027, 4400, '亿元'), ('computing_capacity', 2025, 0.9, 'EFLOPS')]
    """
    rows = target_rows(G, category=category, year=year, province=province)
    rows.sort(key=lambda r: (r["category"] or "~", r["year"] or 0, r["value_norm"] is None,
                             -(r["value_norm"] or 0), r["province"] or "", r["_plan_order"]))
    return _public(rows)


def trajectory(G: nx.MultiDiGraph, province: str, category: str) -> list[dict[str, Any]]:
    """One province's targets of one category, plan after plan (in issue order), year by year.

    >>> from graph.analysis import to_networkx
    >>> from graph.analysis.examples import tiny_graph
    >>> [(r["plan"][:3], r["year"], r["value_norm"]) for r in trajectory(
    ...     to_networkx(tiny_graph()), "Beta", "ai_core_industry_scale")]
    [('乙省人', 2025, 1500), ('乙市人', 2025, 3000), ('乙市人', 2027, 4400)]
    """
    rows = target_rows(G, category=category, province=province)
    rows.sort(key=lambda r: (r["_plan_order"], r["year"] or 0, -(r["value_norm"] or 0)))
    return _public(rows)
