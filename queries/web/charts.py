"""What the charts page draws: targets by year and category, trajectories per metric, province against province.

Numbers only, from the catalogue: the page draws them with Chart.js and every
point keeps the id of the target it comes from, so a click opens the target
and its sentence. A metric is a taxonomy category in one normalised unit
(``metric_category`` + ``unit_norm``, set by the loaders), so 1500 亿元 and
0.3 万亿元 of AI core industry fall on one line.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache
from typing import Any

from queries.web import catalogue as catalogue_module
from queries.web.catalogue import Catalogue

QUALITATIVE = "qualitative"
MAX_SERIES = 12
#: a trajectory draws the targets of at most this many plans (the latest), so a chart stays readable
MAX_PLANS = 10


@cache
def category_names() -> dict[str, dict[str, str]]:
    """category key -> {"zh", "en"} names, from the loaders' taxonomy file."""
    from loaders.target_norm import categories

    names = {c.key: {"zh": c.name_zh, "en": c.name} for c in categories()}
    names[QUALITATIVE] = {"zh": "定性目标", "en": "qualitative goals"}
    return names


def _by_province(cat: Catalogue) -> dict[str, list[dict[str, Any]]]:
    found = cat.cache.get("targets_by_province")
    if found is None:
        found = {}
        for t in cat.targets.values():
            for province in cat.plans[t["plan_id"]]["provinces"]:
                found.setdefault(province, []).append(t)
        cat.cache["targets_by_province"] = found
    return found


catalogue_module.PREPARE.append(_by_province)


def _targets_of(cat: Catalogue, province: str | None) -> list[dict[str, Any]]:
    if province is None:
        return list(cat.targets.values())
    return _by_province(cat).get(province, [])


def _category(target: dict[str, Any]) -> str:
    return QUALITATIVE if target.get("qualitative") or not target.get("category") else target["category"]


def by_year(cat: Catalogue, province: str | None) -> dict[str, Any]:
    """Counts of targets per target year, one series per category."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for t in _targets_of(cat, province):
        if t.get("year"):
            counts[_category(t)][t["year"]] += 1
    years = sorted({y for c in counts.values() for y in c})
    order = sorted(counts, key=lambda k: (k == QUALITATIVE, -sum(counts[k].values()), k))
    return {"years": years, "series": [{"category": k, "counts": [counts[k].get(y, 0) for y in years]}
                                       for k in order]}


def trajectories(cat: Catalogue, province: str | None) -> list[dict[str, Any]]:
    """Per metric (category and unit), every dated value with its plan: what was promised for when.

    Only for one province (the country's plans together draw no line); a metric
    keeps the targets of its ``MAX_PLANS`` latest plans and says how many plans it left out.
    """
    if province is None:
        return []
    series: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for t in _targets_of(cat, province):
        if t.get("qualitative") or t.get("value_norm") is None or not t.get("year") or not t.get("category"):
            continue
        plan = cat.plans[t["plan_id"]]
        series[(t["category"], t.get("unit_norm") or "")].append({
            "year": t["year"], "value": t["value_norm"], "comparator": t.get("comparator"), "id": t["id"],
            "metric": t.get("metric"), "plan_id": plan["id"], "plan": plan["title"], "plan_year": plan["year"]})
    rows = []
    for (category, unit), points in series.items():
        plans = sorted({(p["plan_year"] or 0, p["plan_id"]) for p in points}, reverse=True)
        kept = {plan_id for _, plan_id in plans[:MAX_PLANS]}
        shown = sorted((p for p in points if p["plan_id"] in kept), key=lambda p: (p["year"], p["value"]))
        rows.append({"category": category, "unit": unit, "plans": len(plans),
                     "plans_left_out": len(plans) - len(kept), "points": shown})
    rows.sort(key=lambda r: (-r["plans"], r["category"], r["unit"]))
    return rows[:MAX_SERIES]


def latest(series: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per metric of a province's trajectories, the goal for the latest year (the largest value among that year's)."""
    best: dict[str, dict[str, Any]] = {}
    for row in series:
        point = max(row["points"], key=lambda p: (p["year"], p["value"]))
        best[f"{row['category']}|{row['unit']}"] = {**point, "category": row["category"], "unit": row["unit"]}
    return best


def compare(left: list[dict[str, Any]], right: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Metrics either province has a goal for (from their trajectories), both latest goals side by side."""
    a, b = latest(left), latest(right)
    keys = sorted(set(a) | set(b), key=lambda k: (not (k in a and k in b), k))
    return [{"metric": k, "category": (a.get(k) or b.get(k))["category"], "unit": (a.get(k) or b.get(k))["unit"],
             "left": a.get(k), "right": b.get(k)} for k in keys]


def chart_data(cat: Catalogue, province: str | None, other: str | None) -> dict[str, Any]:
    """Everything the charts page draws for ``province`` (and ``other`` to compare with)."""
    def side(pid: str | None) -> dict[str, Any]:
        place = cat.places.get(pid or "", {})
        return {"id": pid, "name": place.get("name"), "name_en": place.get("name_en"),
                "by_year": by_year(cat, pid), "trajectories": trajectories(cat, pid)}

    by_province = _by_province(cat)
    provinces = sorted(({"id": p["id"], "name": p["name"], "name_en": p.get("name_en"),
                         "targets": len(by_province.get(p["id"], []))}
                        for p in cat.places.values() if p["label"] == "Province"), key=lambda p: -p["targets"])
    left, right = side(province), side(other) if other else None
    return {"provinces": provinces, "categories": category_names(), "left": left, "right": right,
            "compare": compare(left["trajectories"], right["trajectories"]) if province and right else None}
