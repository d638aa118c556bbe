"""The targets table: every dated goal, filterable by year, province, unit, category, plan and text.

Rows come by year, then id (a plan's targets together, in reading order). A
page is chosen and counted from the catalogue (``catalogue.py``: ordering
100,000 targets in Cypher for every page took a third of a second) and its
rows are read by id.

The JSON answer is a page; the CSV answer holds every matching row up to the
store's row cap (``max_rows``) and says in ``X-Truncated`` when it stopped there.
The CSV is written for a spreadsheet: a UTF-8 byte-order mark (without it
Excel reads the Chinese as another code page), headers and yes/no in the
page's language, and a range's comparator as written (≥, ≤).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from graph.store import GraphStore
from queries.web import cypher
from queries.web.pages import NotFound
from queries.web.paging import PageRequest, records

CSV_COLUMNS = ("year", "metric", "comparator", "value", "value_max", "unit", "qualitative", "category", "plan",
               "doc_number", "provinces", "measure", "text", "evidence", "id", "plan_id", "measure_id")
#: language -> column -> header
CSV_HEADERS = {
    "zh": {"year": "年份", "metric": "指标", "comparator": "比较", "value": "数值", "value_max": "数值上限",
           "unit": "单位", "qualitative": "定性目标", "category": "指标类别", "plan": "规划文件", "doc_number": "文号",
           "provinces": "省份", "measure": "举措", "text": "目标原文", "evidence": "依据", "id": "目标编号",
           "plan_id": "规划编号", "measure_id": "举措编号"},
    "en": {"year": "year", "metric": "metric", "comparator": "comparator", "value": "value", "value_max": "value max",
           "unit": "unit", "qualitative": "qualitative", "category": "category", "plan": "plan",
           "doc_number": "document number", "provinces": "provinces", "measure": "measure", "text": "target text",
           "evidence": "evidence", "id": "target id", "plan_id": "plan id", "measure_id": "measure id"},
}
YES_NO = {"zh": ("是", "否"), "en": ("yes", "no")}
COMPARATORS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "~": "≈", "=": "="}
BOM = "\ufeff"


@dataclass(frozen=True)
class TargetFilter:
    """What the table is narrowed to; ``None`` means any."""

    year: int | None = None
    province: str | None = None
    unit: str | None = None
    plan: str | None = None
    q: str | None = None
    category: str | None = None

    def params(self, store: GraphStore) -> dict[str, Any]:
        return {"year": self.year, "unit": self.unit or None, "plan": self.plan or None,
                "category": self.category or None,
                "q": self.q.strip().lower() if self.q and self.q.strip() else None,
                "province": province_id(store, self.province) if self.province else None}


def province_id(store: GraphStore, name: str) -> str:
    """A province's id from its id, full name, short name or English name."""
    rows = store.read(cypher.PROVINCE_BY_NAME, {"name": name.strip()}).rows
    if not rows:
        raise NotFound(f"no province matches province={name!r} (give an id, 浙江, 浙江省 or Zhejiang)")
    return rows[0][0]


def shape(params: dict[str, Any]) -> str:
    """Which form of the query fits the filters (see ``cypher.TARGETS``).

    >>> shape({"province": "p1", "plan": None}), shape({"province": None, "plan": "x"}), shape({"province": None})
    ('province', 'plan', 'any')
    """
    if params.get("province") is not None:
        return "province"
    return "plan" if params.get("plan") is not None else "any"


def _in_order(cat) -> list[dict[str, Any]]:
    found = cat.cache.get("targets_in_order")
    if found is None:
        found = cat.cache["targets_in_order"] = sorted(
            cat.targets.values(), key=lambda t: (t.get("year") is None, t.get("year") or 0, t["id"]))
    return found


def table(store: GraphStore, where: TargetFilter, page: PageRequest) -> dict[str, Any]:
    """One page of the table: the targets chosen and counted from the catalogue, their rows read by id."""
    from queries.web.catalogue import catalogue

    cat = catalogue(store)
    chosen = {k: v for k, v in where.params(store).items() if v is not None}
    cols = _columns(cat)
    if chosen:
        kept = sorted(set.intersection(*(cols.passing(name, value) for name, value in chosen.items())))
    else:
        kept = range(len(cols.year))
    ordered = _in_order(cat)
    ids = [ordered[i]["id"] for i in kept[page.skip:page.skip + page.limit]]
    items = records(store, cypher.TARGETS_BY_IDS, {"ids": ids}) if ids else []
    return {"items": items, "page": max(1, page.page), "page_size": page.limit, "total": len(kept)}


def csv_cell(column: str, value: Any, lang: str = "zh") -> Any:
    """A value as a spreadsheet should show it.

    >>> csv_cell("qualitative", True), csv_cell("qualitative", False, "en"), csv_cell("comparator", ">=")
    ('是', 'no', '≥')
    >>> csv_cell("provinces", ["浙江省", "广东省"])
    '浙江省、广东省'
    """
    if isinstance(value, bool):
        return YES_NO[lang][0 if value else 1]
    if column == "comparator" and value:
        return COMPARATORS.get(value, value)
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return value


def table_csv(store: GraphStore, where: TargetFilter, max_rows: int, lang: str = "zh") -> tuple[str, bool]:
    """(CSV text with a BOM, truncated) of every matching target up to ``max_rows``; headers in ``lang``."""
    params = where.params(store)
    result = store.read(cypher.TARGETS[shape(params)], {**params, "skip": 0, "limit": max_rows + 1},
                        max_rows=max_rows)
    rows = result.records()[:max_rows]
    from queries.web.charts import category_names

    names = category_names()
    headers = CSV_HEADERS.get(lang, CSV_HEADERS["zh"])
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([headers[c] for c in CSV_COLUMNS])
    for row in rows:
        if row.get("category"):
            row["category"] = names.get(row["category"], {}).get(lang, row["category"])
        writer.writerow([csv_cell(c, row.get(c), lang if lang in YES_NO else "zh") for c in CSV_COLUMNS])
    return out.getvalue(), result.truncated or len(result.rows) > max_rows


class _Columns:
    """The catalogue's targets in table order, one list per filter, so a filter is one pass in C-ish time."""

    def __init__(self, cat) -> None:
        targets = _in_order(cat)
        self.year = [t.get("year") for t in targets]
        self.unit = [t.get("unit") or None for t in targets]
        self.category = [t.get("category") for t in targets]
        self.plan = [t["plan_id"] for t in targets]
        self.province = [tuple(cat.plans[t["plan_id"]]["provinces"]) for t in targets]
        self.words = [f"{t['_title']}\x01{t['_text']}" for t in targets]

    def passing(self, name: str, value: Any) -> set[int]:
        if name == "province":
            return {i for i, p in enumerate(self.province) if value in p}
        if name == "q":
            return {i for i, w in enumerate(self.words) if value in w}
        column = getattr(self, name)
        return {i for i, v in enumerate(column) if v == value}


def _columns(cat) -> _Columns:
    found = cat.cache.get("target_columns")
    if found is None:
        found = cat.cache["target_columns"] = _Columns(cat)
    return found


def facets(store: GraphStore, where: TargetFilter | None = None) -> dict[str, Any]:
    """The choices of the table's filters with their counts: years, units, categories and provinces.

    Each facet is counted over the targets the *other* filters leave (so a chosen year still shows how
    many targets the other years have), from the catalogue's columns (``catalogue.py``), not by scans
    of every target in Cypher.
    """
    from collections import Counter
    from itertools import chain

    from queries.web.catalogue import catalogue

    cat = catalogue(store)
    params = (where or TargetFilter()).params(store)
    chosen = {k: v for k, v in params.items() if v is not None}
    key = "target_facets:" + repr(sorted(chosen.items()))
    if key in cat.cache:
        return cat.cache[key]
    cols = _columns(cat)
    passing = {name: cols.passing(name, value) for name, value in chosen.items()}
    everything = range(len(cols.year))

    def kept(skip: str):
        sets = [found for name, found in passing.items() if name != skip]
        return sorted(set.intersection(*sets)) if sets else everything

    def count(name: str) -> Counter:
        values = map(getattr(cols, name).__getitem__, kept(name))
        counter = Counter(chain.from_iterable(values)) if name == "province" else Counter(values)
        counter.pop(None, None)
        return counter

    def by_count(counter: Counter) -> list[dict[str, Any]]:
        return [{"value": v, "count": n} for v, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]

    provinces = count("province")
    found = {
        "years": [{"value": y, "count": n} for y, n in sorted(count("year").items())],
        "units": by_count(count("unit"))[:200],
        "categories": by_count(count("category")),
        "provinces": sorted(({"id": p["id"], "name": p["name"], "short": p.get("short"), "name_en": p.get("name_en"),
                              "count": provinces.get(p["id"], 0)}
                             for p in cat.places.values() if p["label"] == "Province"), key=lambda p: p["name"]),
    }
    if len(cat.cache) < 500:  # the common choices stay answered; a cache that grows without end would not
        cat.cache[key] = found
    return found
