"""The entity pages: plan, agency, site, place (province/city/district) and any other node.

Each function reads what one view shows first (the entity and its first pages
of lists); further pages come from the ``*_page`` functions. Responsible
agencies are listed in the order the plan gives them: by role (lead,
responsible, support), then by rank within the role.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.model import Label
from graph.store import GraphStore
from queries.web import cypher
from queries.web.paging import PageRequest, paged, records

ROLE_ORDER = {"lead": 0, "responsible": 1, "support": 2}
FIRST = PageRequest()


class NotFound(LookupError):
    """No node of the wanted kind has that id."""


def _node(store: GraphStore, query: str, node_id: str, kind: str) -> dict[str, Any]:
    rows = store.read(query, {"id": node_id}).rows
    if not rows:
        raise NotFound(f"no {kind} has the id {node_id!r}")
    node = rows[0][0]
    return {"id": node["id"], "label": node["labels"][0] if node["labels"] else None,
            "properties": node["properties"]}


def owner_order(owner: dict[str, Any]) -> tuple[int, int]:
    """Sort key keeping the plan's own order of responsible agencies.

    >>> sorted([{"role": "support", "rank": 1}, {"role": "lead", "rank": 2}, {"role": "lead", "rank": 1}],
    ...        key=owner_order)
    [{'role': 'lead', 'rank': 1}, {'role': 'lead', 'rank': 2}, {'role': 'support', 'rank': 1}]
    """
    return ROLE_ORDER.get(owner.get("role") or "", 3), owner.get("rank") or 0


def attach_measure_facts(store: GraphStore, measures: list[dict[str, Any]], *,
                         targets: bool = True) -> list[dict[str, Any]]:
    """Give each measure (a dict with ``id``) its owners in order, its sites and its targets."""
    ids = [m["id"] for m in measures]
    if not ids:
        return measures
    facts: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    queries = [("owners", cypher.MEASURE_OWNERS), ("sites", cypher.MEASURE_SITES)]
    if targets:
        queries.append(("targets", cypher.MEASURE_TARGETS))
    for key, query in queries:
        for row in records(store, query, {"ids": ids}):
            facts[row.pop("measure")][key].append(row)
    for measure in measures:
        found = facts.get(measure["id"], {})
        measure["owners"] = sorted(found.get("owners", []), key=owner_order)
        measure["sites"] = found.get("sites", [])
        if targets:
            measure["targets"] = found.get("targets", [])
    return measures


# -- plan ---------------------------------------------------------------------
def plans(store: GraphStore, page: PageRequest) -> dict[str, Any]:
    """The plans read from documents (not those only cited), by title."""
    return paged(store, cypher.PLANS, cypher.PLANS_COUNT, {}, page)


def plan(store: GraphStore, plan_id: str) -> dict[str, Any]:
    node = _node(store, cypher.PLAN, plan_id, "plan")
    links: dict[str, list] = defaultdict(list)
    for row in records(store, cypher.PLAN_LINKS, {"id": plan_id}):
        key = {("CITES", False): "cited_by"}.get((row["type"], row["outgoing"]), row["type"].lower())
        links[key].append(row)
    counts = records(store, cypher.PLAN_COUNTS, {"id": plan_id})[0]
    return {**node, "links": links, "counts": counts,
            "measures": plan_measures(store, plan_id, FIRST),
            "targets": plan_targets(store, plan_id, FIRST),
            "sites": plan_sites(store, plan_id, FIRST)}


def plan_measures(store: GraphStore, plan_id: str, page: PageRequest) -> dict[str, Any]:
    result = paged(store, cypher.PLAN_MEASURES, cypher.PLAN_MEASURES_COUNT, {"id": plan_id}, page)
    result["items"] = attach_measure_facts(store, [row["m"]["properties"] for row in result["items"]])
    return result


def plan_targets(store: GraphStore, plan_id: str, page: PageRequest) -> dict[str, Any]:
    result = paged(store, cypher.PLAN_TARGETS, cypher.PLAN_TARGETS_COUNT, {"id": plan_id}, page)
    result["items"] = [{**row.pop("t")["properties"], **row} for row in result["items"]]
    return result


def plan_sites(store: GraphStore, plan_id: str, page: PageRequest) -> dict[str, Any]:
    return paged(store, cypher.PLAN_SITES, cypher.PLAN_SITES_COUNT, {"id": plan_id}, page)


# -- agency -------------------------------------------------------------------
def agency(store: GraphStore, agency_id: str) -> dict[str, Any]:
    node = _node(store, cypher.AGENCY, agency_id, "agency")
    plans: dict[str, list] = defaultdict(list)
    for row in records(store, cypher.AGENCY_PLANS, {"id": agency_id}):
        plans[row.pop("type").lower()].append(row)
    return {**node, "plans": plans, "measures": agency_measures(store, agency_id, FIRST),
            "co_owners": agency_co_owners(store, agency_id, FIRST)}


def agency_measures(store: GraphStore, agency_id: str, page: PageRequest) -> dict[str, Any]:
    result = paged(store, cypher.AGENCY_MEASURES, cypher.AGENCY_MEASURES_COUNT, {"id": agency_id}, page)
    attach_measure_facts(store, result["items"], targets=False)
    return result


def agency_co_owners(store: GraphStore, agency_id: str, page: PageRequest) -> dict[str, Any]:
    return paged(store, cypher.AGENCY_CO_OWNERS, cypher.AGENCY_CO_OWNERS_COUNT, {"id": agency_id}, page)


# -- site ---------------------------------------------------------------------
def site(store: GraphStore, site_id: str) -> dict[str, Any]:
    node = _node(store, cypher.SITE, site_id, "site")
    return {**node, "places": records(store, cypher.SITE_PLACES, {"id": site_id}),
            "measures": site_measures(store, site_id, FIRST),
            "targets": site_targets(store, site_id, FIRST)}


def site_measures(store: GraphStore, site_id: str, page: PageRequest) -> dict[str, Any]:
    result = paged(store, cypher.SITE_MEASURES, cypher.SITE_MEASURES_COUNT, {"id": site_id}, page)
    attach_measure_facts(store, result["items"])
    return result


def site_targets(store: GraphStore, site_id: str, page: PageRequest) -> dict[str, Any]:
    result = paged(store, cypher.SITE_TARGETS, cypher.SITE_TARGETS_COUNT, {"id": site_id}, page)
    result["items"] = [{**row.pop("t")["properties"], **row} for row in result["items"]]
    return result


def site_trace(store: GraphStore, site_id: str, limit: int = 40) -> dict[str, Any]:
    """The site's trace as a graph to draw: site, places, measures, goals and their plans.

    At most ``limit`` measures and ``limit`` goals are drawn; ``truncated`` says
    when the lists hold more.
    """
    page = PageRequest(1, limit)
    data = {**_node(store, cypher.SITE, site_id, "site"),
            "places": records(store, cypher.SITE_PLACES, {"id": site_id}),
            "measures": site_measures(store, site_id, page), "targets": site_targets(store, site_id, page)}
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []

    def add(node_id: str | None, label: str, name: str | None) -> None:
        if node_id and node_id not in nodes:
            nodes[node_id] = {"id": node_id, "label": label, "name": name}

    def link(start: str | None, end: str | None, type_: str, evidence: str | None = None) -> None:
        if start and end:
            edges.append({"start": start, "end": end, "type": type_, "evidence": evidence})

    add(site_id, Label.SITE, data["properties"].get("name"))
    below = site_id
    for place in data["places"]:
        add(place["id"], place["label"], place["name"])
        link(below, place["id"], "LOCATED_IN")
        below = place["id"]
    for m in data["measures"]["items"]:
        add(m["id"], Label.MEASURE, m["title"])
        add(m["plan_id"], Label.PLAN, m["plan"])
        link(m["id"], site_id, "AT_SITE", m["evidence"])
        link(m["plan_id"], m["id"], "HAS_MEASURE")
        for t in m.get("targets", []):
            add(t["id"], Label.TARGET, f"{t['year']} {t['metric']}")
            link(m["id"], t["id"], "SETS_TARGET", t["evidence"])
    for t in data["targets"]["items"]:
        add(t["id"], Label.TARGET, f"{t.get('year')} {t.get('metric')}")
        link(t["id"], site_id, "AT_SITE", t["evidence"])
        setter = t["measure_id"] or t["plan_id"]
        add(t["plan_id"], Label.PLAN, t["plan"])
        if t["measure_id"]:
            add(t["measure_id"], Label.MEASURE, t["measure"])
            link(t["plan_id"], t["measure_id"], "HAS_MEASURE")
        link(setter, t["id"], "SETS_TARGET", t["set_evidence"])
    truncated = data["measures"]["total"] > limit or data["targets"]["total"] > limit
    unique = {(e["start"], e["end"], e["type"]): e for e in edges}
    return {"nodes": list(nodes.values()), "edges": list(unique.values()), "truncated": truncated}


# -- province, city, district ------------------------------------------------------
def place(store: GraphStore, place_id: str) -> dict[str, Any]:
    node = _node(store, cypher.PLACE, place_id, "province, city or district")
    label = node["label"]
    return {**node, "places": records(store, cypher.PLACES_ABOVE_BY_LABEL[label], {"id": place_id}),
            "target_years": records(store, cypher.PLACE_TARGET_YEARS[label], {"id": place_id}),
            "plans": place_plans(store, place_id, FIRST, label),
            "inside": place_inside(store, place_id, FIRST, label),
            "agencies": place_agencies(store, node["properties"].get("name"), FIRST)}


def _place_label(store: GraphStore, place_id: str, label: str | None) -> str:
    return label or _node(store, cypher.PLACE, place_id, "province, city or district")["label"]


def place_plans(store: GraphStore, place_id: str, page: PageRequest, label: str | None = None) -> dict[str, Any]:
    label = _place_label(store, place_id, label)
    return paged(store, cypher.PLACE_PLANS[label], cypher.PLACE_PLANS_COUNT[label], {"id": place_id}, page)


def place_inside(store: GraphStore, place_id: str, page: PageRequest, label: str | None = None) -> dict[str, Any]:
    label = _place_label(store, place_id, label)
    return paged(store, cypher.PLACE_INSIDE[label], cypher.PLACE_INSIDE_COUNT[label], {"id": place_id}, page)


def place_agencies(store: GraphStore, name: str | None, page: PageRequest) -> dict[str, Any]:
    return paged(store, cypher.PLACE_AGENCIES, cypher.PLACE_AGENCIES_COUNT, {"name": name}, page)


def place_agencies_by_id(store: GraphStore, place_id: str, page: PageRequest) -> dict[str, Any]:
    node = _node(store, cypher.PLACE, place_id, "province, city or district")
    return place_agencies(store, node["properties"].get("name"), page)


# -- any node -------------------------------------------------------------------
def node(store: GraphStore, node_id: str) -> dict[str, Any]:
    found = _node(store, cypher.NODE_BY_ID, node_id, "node")
    return {**found, "neighbours": neighbours(store, node_id, FIRST, found["label"])}


def neighbours(store: GraphStore, node_id: str, page: PageRequest, label: str | None = None) -> dict[str, Any]:
    label = label or _node(store, cypher.NODE_BY_ID, node_id, "node")["label"]
    return paged(store, cypher.NEIGHBOURS[label], cypher.NEIGHBOURS_COUNT[label], {"id": node_id}, page)

