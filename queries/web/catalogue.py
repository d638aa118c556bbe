"""A snapshot of the graph's readable records, kept in memory for search, browsing and charts.

Full-text search over 10,000 documents' measures cannot be a ``CONTAINS`` scan
per keystroke (the ``search`` named query takes seconds there), and facet
counts over every plan, agency and site would be as slow. So the page reads the
graph once into plain records (plans, measures, targets, agencies, sites,
places, organizations) with what their facets need (provinces, level, kind,
year, category), and answers those views from memory in milliseconds.

The snapshot follows the graph: it is re-read in the background when the
graph's node or relationship count changes (looked at no more than every
``CHECK_SECONDS``), and the old one answers meanwhile. Reads go in batches of
ids, so no query meets the store's row cap or time limit.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graph.model import Label
from graph.store import GraphStore

CHECK_SECONDS = 5.0
BATCH = 200
#: what is derived from a freshly read catalogue before it answers (the search index registers here)
PREPARE: list[Callable[[Catalogue], Any]] = []

_IDS = "MATCH (n:{label}) RETURN n.id AS id ORDER BY id SKIP $skip LIMIT $limit"
_COUNTS = "MATCH (n) RETURN count(n) AS n"
_REL_COUNTS = "MATCH ()-[r]->() RETURN count(r) AS n"
_PLANS = """
MATCH (p:Plan) WHERE p.id IN $ids
OPTIONAL MATCH (p)-[:COVERS]->(c)
OPTIONAL MATCH (c)-[:LOCATED_IN*0..3]->(prov:Province)
RETURN p.id AS id, p.title AS title, p.kind AS kind, p.doc_number AS doc_number, p.date_issued AS date_issued,
       p.date_published AS date_published, p.period_start AS period_start, p.period_end AS period_end,
       coalesce(p.cited_only, false) AS cited_only, p.source AS source,
       collect(DISTINCT labels(c)[0]) AS levels, collect(DISTINCT c.name) AS places,
       collect(DISTINCT prov.id) AS provinces
"""
_MEASURES = """
MATCH (p:Plan)-[:HAS_MEASURE]->(m:Measure) WHERE p.id IN $ids
OPTIONAL MATCH (m)-[:AT_SITE]->(s:Site)
OPTIONAL MATCH (a:Agency)-[:RESPONSIBLE_FOR]->(m)
RETURN p.id AS plan_id, m.id AS id, m.number AS number, m.title AS title, m.text AS text, m.section AS section,
       collect(DISTINCT s.id) AS sites, count(DISTINCT a) AS owners
"""
_TARGETS = """
MATCH (p:Plan)-[:HAS_MEASURE*0..1]->(x)-[:SETS_TARGET]->(t:Target) WHERE p.id IN $ids
OPTIONAL MATCH (t)-[:AT_SITE]->(s:Site)
RETURN p.id AS plan_id, CASE WHEN x.id = p.id THEN null ELSE x.id END AS measure_id, t.id AS id, t.year AS year,
       t.metric AS metric, t.text AS text, t.comparator AS comparator, t.value AS value, t.value_max AS value_max,
       t.unit AS unit, t.qualitative AS qualitative, t.metric_category AS category, t.value_norm AS value_norm,
       t.unit_norm AS unit_norm, collect(DISTINCT s.id) AS sites
"""
_AGENCIES = """
MATCH (a:Agency) WHERE a.id IN $ids
OPTIONAL MATCH (a)-[r:RESPONSIBLE_FOR]->()
WITH a, count(r) AS measures
OPTIONAL MATCH (a)<-[i:ISSUED_BY]-()
WITH a, measures, count(i) AS issued
OPTIONAL MATCH (a)-[c:COORDINATES]->()
RETURN a.id AS id, a.name AS name, a.name_en AS name_en, a.aliases AS aliases, a.jurisdiction AS jurisdiction,
       a.kind AS kind, measures, issued, count(c) AS coordinated
"""
_SITES = """
MATCH (s:Site) WHERE s.id IN $ids
OPTIONAL MATCH (s)-[:LOCATED_IN*1..4]->(x)
WITH s, collect(DISTINCT [labels(x)[0], x.id, x.name]) AS places
OPTIONAL MATCH (s)<-[r:AT_SITE]-()
RETURN s.id AS id, s.name AS name, s.name_en AS name_en, s.aliases AS aliases, s.kind AS kind, places,
       count(r) AS mentions
"""
_NAMED = """
MATCH (n:{label}) WHERE n.id IN $ids
OPTIONAL MATCH (n)-[:LOCATED_IN*1..3]->(prov:Province)
RETURN n.id AS id, n.name AS name, n.name_en AS name_en, n.short AS short, n.aliases AS aliases, n.kind AS kind,
       collect(DISTINCT prov.id) AS provinces
"""


def plan_year(plan: dict[str, Any]) -> int | None:
    """The year a plan is filed under: issued, else published, else the start of its period.

    >>> plan_year({"date_issued": "2022-12-22"}), plan_year({"period_start": 2025}), plan_year({})
    (2022, 2025, None)
    """
    for key in ("date_issued", "date_published", "period_start"):
        value = plan.get(key)
        if value:
            try:
                return int(str(value)[:4])
            except ValueError:
                continue
    return None


@dataclass
class Catalogue:
    """Plain records of the graph, by kind, with lookups between them."""

    plans: dict[str, dict[str, Any]] = field(default_factory=dict)
    measures: dict[str, dict[str, Any]] = field(default_factory=dict)
    targets: dict[str, dict[str, Any]] = field(default_factory=dict)
    agencies: dict[str, dict[str, Any]] = field(default_factory=dict)
    sites: dict[str, dict[str, Any]] = field(default_factory=dict)
    places: dict[str, dict[str, Any]] = field(default_factory=dict)
    organizations: dict[str, dict[str, Any]] = field(default_factory=dict)
    fingerprint: tuple[int, int] = (0, 0)
    #: what views derive from this snapshot (the search index, per-province lists), made on first use
    cache: dict[str, Any] = field(default_factory=dict)

    def province_name(self, province_id: str) -> str:
        place = self.places.get(province_id)
        return place["name"] if place else province_id

    def province_of_name(self, name: str | None) -> str | None:
        """The province id of a place written by name (an agency's jurisdiction)."""
        if not name:
            return None
        for place in self._by_name().get(name, []):
            if place["label"] == Label.PROVINCE:
                return place["id"]
            if place["provinces"]:
                return place["provinces"][0]
        return None

    def _by_name(self) -> dict[str, list[dict[str, Any]]]:
        if not hasattr(self, "_names"):
            names: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for place in self.places.values():
                names[place["name"]].append(place)
            self._names = names
        return self._names


def _ids(store: GraphStore, label: str) -> list[str]:
    ids: list[str] = []
    while True:
        rows = store.read(_IDS.format(label=label), {"skip": len(ids), "limit": 5000}).rows
        ids.extend(row[0] for row in rows)
        if len(rows) < 5000:
            return ids


def _batched(store: GraphStore, query: str, ids: list[str], size: int = BATCH) -> list[dict[str, Any]]:
    """``query`` over ``ids`` in batches; a batch whose answer reached the row cap is split."""
    out: list[dict[str, Any]] = []
    for start in range(0, len(ids), size):
        part = ids[start:start + size]
        result = store.read(query, {"ids": part})
        if result.truncated and len(part) > 1:
            out.extend(_batched(store, query, part, max(1, len(part) // 4)))
        else:
            out.extend(result.records())
    return out


def fingerprint(store: GraphStore) -> tuple[int, int]:
    """Cheap to ask (FalkorDB keeps both counts): changes whenever a build changes the graph."""
    return (store.read(_COUNTS, {}).rows[0][0], store.read(_REL_COUNTS, {}).rows[0][0])


def load(store: GraphStore) -> Catalogue:
    """Read the graph's records and prepare what is derived from them (a minute at 10,000 documents)."""
    cat = _read(store)
    for prepare in PREPARE:
        prepare(cat)
    return cat


def _read(store: GraphStore) -> Catalogue:
    cat = Catalogue(fingerprint=fingerprint(store))
    for place_label in Label.REGIONS:
        for row in _batched(store, _NAMED.format(label=place_label), _ids(store, place_label)):
            row["label"] = place_label
            if place_label == Label.PROVINCE:
                row["provinces"] = [row["id"]]
            cat.places[row["id"]] = row
    for row in _batched(store, _NAMED.format(label=Label.ORGANIZATION), _ids(store, Label.ORGANIZATION)):
        row["label"] = Label.ORGANIZATION
        cat.organizations[row["id"]] = row
    plan_ids = _ids(store, Label.PLAN)
    for row in _batched(store, _PLANS, plan_ids):
        row["year"] = plan_year(row)
        row["label"] = Label.PLAN
        row["measures"] = row["targets"] = row["owned"] = 0
        cat.plans[row["id"]] = row
    read = [pid for pid, p in cat.plans.items() if not p["cited_only"]]
    for row in _batched(store, _MEASURES, read, 50):
        row["label"] = Label.MEASURE
        row["_title"], row["_text"] = (row["title"] or "").lower(), (row["text"] or "").lower()
        plan = cat.plans[row["plan_id"]]
        plan["measures"] += 1
        plan["owned"] += 1 if row["owners"] else 0
        cat.measures[row["id"]] = row
    for row in _batched(store, _TARGETS, read, 100):
        row["label"] = Label.TARGET
        row["_title"], row["_text"] = (row["metric"] or "").lower(), (row["text"] or "").lower()
        cat.plans[row["plan_id"]]["targets"] += 1
        cat.targets[row["id"]] = row
    for row in _batched(store, _AGENCIES, _ids(store, Label.AGENCY)):
        row["label"] = Label.AGENCY
        province = cat.province_of_name(row["jurisdiction"])
        row["provinces"] = [province] if province else []
        cat.agencies[row["id"]] = row
    for row in _batched(store, _SITES, _ids(store, Label.SITE)):
        row["label"] = Label.SITE
        places = [{"label": label, "id": pid, "name": name} for label, pid, name in row.pop("places") if pid]
        row["provinces"] = [p["id"] for p in places if p["label"] == Label.PROVINCE]
        row["cities"] = [p["name"] for p in places if p["label"] == Label.CITY]
        row["places"] = places
        cat.sites[row["id"]] = row
    return cat


class _Holder:
    """The current catalogue of one store, re-read in the background when the graph changes."""

    def __init__(self) -> None:
        self.catalogue: Catalogue | None = None
        self.checked = 0.0
        self.lock = threading.Lock()
        self.loading = False

    def get(self, store: GraphStore) -> Catalogue:
        if self.catalogue is None:
            with self.lock:
                if self.catalogue is None:
                    self.catalogue = load(store)
                    self.checked = time.monotonic()
            return self.catalogue
        if time.monotonic() - self.checked > CHECK_SECONDS and not self.loading:
            self.checked = time.monotonic()
            if fingerprint(store) != self.catalogue.fingerprint:
                self.loading = True
                threading.Thread(target=self._reload, args=(store,), daemon=True).start()
        return self.catalogue

    def _reload(self, store: GraphStore) -> None:
        try:
            self.catalogue = load(store)
        finally:
            self.loading = False

    def ready(self, store: GraphStore) -> Catalogue | None:
        """The catalogue if it has been read, without waiting for it (and looking for changes as ``get`` does)."""
        return self.get(store) if self.catalogue is not None else None

    def warm(self, store: GraphStore) -> None:
        """Start reading the catalogue without waiting for it (the page's first view asks for it)."""
        if self.catalogue is None and not self.lock.locked():
            threading.Thread(target=self.get, args=(store,), daemon=True).start()


_HOLDERS: weakref.WeakKeyDictionary[GraphStore, _Holder] = weakref.WeakKeyDictionary()
_HOLDERS_LOCK = threading.Lock()


def _holder(store: GraphStore) -> _Holder:
    with _HOLDERS_LOCK:
        holder = _HOLDERS.get(store)
        if holder is None:
            holder = _HOLDERS[store] = _Holder()
        return holder


def catalogue(store: GraphStore) -> Catalogue:
    """The store's catalogue, read on first use."""
    return _holder(store).get(store)


def ready(store: GraphStore) -> Catalogue | None:
    """The store's catalogue if it is read, else None (the caller answers some other way meanwhile)."""
    holder = _holder(store)
    holder.warm(store)
    return holder.ready(store)


def warm(store: GraphStore) -> None:
    _holder(store).warm(store)
