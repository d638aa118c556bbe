"""Browse pages: every plan, agency and site, narrowed by facets with counts.

An analyst who does not know a name still needs to reach the 53 sites of
Guangdong without walking through its cities, or every 行动计划 of 2024. Each
index is a filtered, paged list from the catalogue, with the count of each
facet value over the items the *other* filters leave (so choosing 广东 still
shows how many plans each other province has).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import chain
from typing import Any

from queries.web import catalogue as catalogue_module
from queries.web.catalogue import Catalogue
from queries.web.paging import PageRequest

#: index -> facet -> how to read that facet's values off a record
Facet = Callable[[dict[str, Any]], list[Any]]


def _one(key: str) -> Facet:
    return lambda record: [record[key]] if record.get(key) not in (None, "") else []


def _many(key: str) -> Facet:
    return lambda record: list(dict.fromkeys(record.get(key) or []))


def _agency_roles(record: dict[str, Any]) -> list[str]:
    return [role for role, key in (("owns", "measures"), ("issues", "issued"), ("coordinates", "coordinated"))
            if record.get(key)]


FACETS: dict[str, dict[str, Facet]] = {
    "plans": {"province": _many("provinces"), "level": _many("levels"), "kind": _one("kind"), "year": _one("year")},
    "agencies": {"province": _many("provinces"), "kind": _one("kind"), "role": _agency_roles},
    "sites": {"province": _many("provinces"), "city": _many("cities"), "kind": _one("kind")},
}
INDEXES = tuple(FACETS)


def _records(cat: Catalogue, index: str) -> list[dict[str, Any]]:
    if index == "plans":
        return [p for p in cat.plans.values() if not p["cited_only"]]
    return list(cat.agencies.values() if index == "agencies" else cat.sites.values())


def _row(cat: Catalogue, index: str, r: dict[str, Any]) -> dict[str, Any]:
    provinces = [cat.province_name(p) for p in r.get("provinces") or []]
    if index == "plans":
        return {"id": r["id"], "label": r["label"], "title": r["title"], "kind": r["kind"],
                "doc_number": r["doc_number"], "year": r["year"], "places": r["places"], "levels": r["levels"],
                "provinces": provinces, "measures": r["measures"], "targets": r["targets"],
                "owned": r["owned"]}
    if index == "agencies":
        return {"id": r["id"], "label": r["label"], "name": r["name"], "name_en": r["name_en"], "kind": r["kind"],
                "jurisdiction": r["jurisdiction"], "provinces": provinces, "measures": r["measures"],
                "issued": r["issued"], "coordinated": r["coordinated"]}
    return {"id": r["id"], "label": r["label"], "name": r["name"], "name_en": r["name_en"], "kind": r["kind"],
            "places": r["places"], "provinces": provinces, "mentions": r["mentions"]}


def _sort_key(index: str) -> Callable[[dict[str, Any]], Any]:
    if index == "plans":
        return lambda r: (-(r["year"] or 0), r["title"] or "")
    if index == "agencies":
        return lambda r: (-(r["measures"] + r["issued"] + r["coordinated"]), r["name"] or "")
    return lambda r: (-r["mentions"], r["name"] or "")


def _label(cat: Catalogue, facet: str, value: Any) -> dict[str, Any]:
    if facet == "province":
        place = cat.places.get(value, {})
        return {"name": place.get("name", value), "name_en": place.get("name_en")}
    return {}


class _Prepared:
    """One index of a catalogue, sorted for display, with each record's facet values as strings."""

    def __init__(self, cat: Catalogue, index: str) -> None:
        self.records = sorted(_records(cat, index), key=_sort_key(index))
        self.values = {name: [tuple(str(v) for v in read(r)) for r in self.records]
                       for name, read in FACETS[index].items()}
        self.names = [f"{r.get('title') or r.get('name') or ''}\x00{r.get('name_en') or ''}".lower()
                      for r in self.records]


def _prepared(cat: Catalogue, index: str) -> _Prepared:
    key = f"browse:{index}"
    if key not in cat.cache:
        cat.cache[key] = _Prepared(cat, index)
    return cat.cache[key]


def _prepare_all(cat: Catalogue) -> None:
    for index in INDEXES:
        _prepared(cat, index)


catalogue_module.PREPARE.append(_prepare_all)


def browse(cat: Catalogue, index: str, chosen: dict[str, str | None], page: PageRequest,
           text: str | None = None) -> dict[str, Any]:
    """One page of ``index`` narrowed by ``chosen`` (facet -> value) and ``text``, with facet counts."""
    prepared = _prepared(cat, index)
    chosen = {k: str(v) for k, v in chosen.items() if k in FACETS[index] and v not in (None, "")}
    needle = (text or "").strip().lower()
    base = [i for i, name in enumerate(prepared.names) if needle in name] if needle else range(len(prepared.records))
    passing = {name: {i for i in base if value in prepared.values[name][i]} for name, value in chosen.items()}

    def narrowed(skip: str | None = None) -> list[int]:
        sets = [found for name, found in passing.items() if name != skip]
        if not sets:
            return list(base)
        return sorted(set.intersection(*sets))

    counts = {name: Counter(chain.from_iterable(map(values.__getitem__, narrowed(name))))
              for name, values in prepared.values.items()}
    kept = narrowed()
    items = [_row(cat, index, prepared.records[i]) for i in kept[page.skip:page.skip + page.limit]]
    facet_rows = {name: [{"value": value, "count": n, **_label(cat, name, value)}
                         for value, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]
                  for name, counter in counts.items()}
    if "year" in facet_rows:
        facet_rows["year"].sort(key=lambda row: -int(row["value"]))
    return {"index": index, "chosen": chosen, "items": items, "page": max(1, page.page), "page_size": page.limit,
            "total": len(kept), "facets": facet_rows}
