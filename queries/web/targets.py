"""The targets table: every dated goal, filterable by year, province, unit, plan and text.

Rows come by year, then id (a plan's targets together, in reading order).

The JSON answer is a page; the CSV answer holds every matching row up to the
store's row cap (``max_rows``) and says in ``X-Truncated`` when it stopped there.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from graph.store import GraphStore
from queries.web import cypher
from queries.web.pages import NotFound
from queries.web.paging import PageRequest, paged, records

CSV_COLUMNS = ("year", "metric", "comparator", "value", "value_max", "unit", "qualitative", "plan", "doc_number",
               "provinces", "measure", "text", "evidence", "id", "plan_id", "measure_id")


@dataclass(frozen=True)
class TargetFilter:
    """What the table is narrowed to; ``None`` means any."""

    year: int | None = None
    province: str | None = None
    unit: str | None = None
    plan: str | None = None
    q: str | None = None

    def params(self, store: GraphStore) -> dict[str, Any]:
        return {"year": self.year, "unit": self.unit or None, "plan": self.plan or None,
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


def table(store: GraphStore, where: TargetFilter, page: PageRequest) -> dict[str, Any]:
    params = where.params(store)
    form = shape(params)
    return paged(store, cypher.TARGETS[form], cypher.TARGETS_COUNT[form], params, page)


def table_csv(store: GraphStore, where: TargetFilter, max_rows: int) -> tuple[str, bool]:
    """(CSV text, truncated) of every matching target up to ``max_rows``."""
    params = where.params(store)
    result = store.read(cypher.TARGETS[shape(params)], {**params, "skip": 0, "limit": max_rows + 1},
                        max_rows=max_rows)
    rows = result.records()[:max_rows]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "provinces": "、".join(row.get("provinces") or [])})
    return out.getvalue(), result.truncated or len(result.rows) > max_rows


def facets(store: GraphStore) -> dict[str, Any]:
    """The choices of the table's filters: years and units with counts, and the provinces."""
    return {"years": records(store, cypher.TARGET_YEARS, {}),
            "units": records(store, cypher.TARGET_UNITS, {"limit": 200}),
            "provinces": records(store, cypher.PROVINCES, {"limit": 200})}
