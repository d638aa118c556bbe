"""Readable pages for a measure, a target and a source document.

A measure or a target shown as its raw properties (``ordinal``, ``level``,
``qualitative: true``, a hashed file name) makes the analyst decode the graph.
These answers say where the item sits (plan › section › parent measure ›
item, the breadcrumb), which document it was read from (its title, its 文号,
a link to its text), and give every fact with its sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.store import GraphStore
from queries.web.pages import NotFound, attach_measure_facts, owner_order
from queries.web.paging import records

MEASURE = """
MATCH (p:Plan)-[:HAS_MEASURE]->(m:Measure {id: $id})
OPTIONAL MATCH (m)-[:PART_OF]->(parent:Measure)
RETURN m, p.id AS plan_id, p.title AS plan, p.doc_number AS doc_number, p.kind AS plan_kind,
       parent.id AS parent_id, parent.title AS parent, parent.number AS parent_number
"""
MEASURE_CHILDREN = """
MATCH (c:Measure)-[:PART_OF]->(:Measure {id: $id})
RETURN c.id AS id, c.number AS number, c.title AS title ORDER BY id
"""
MEASURE_OTHERS = """
MATCH (:Measure {id: $id})-[r:MENTIONS|OFFERS]->(x)
RETURN type(r) AS type, labels(x)[0] AS label, x.id AS id,
       coalesce(x.name, x.beneficiary, x.text) AS name, x.name_en AS name_en, x.kind AS kind,
       x.amount AS amount, x.text AS text, r.evidence AS evidence ORDER BY type, name
"""
PLAN_OWNED = """
MATCH (:Plan {id: $id})-[:HAS_MEASURE]->(m:Measure)
OPTIONAL MATCH (a:Agency)-[:RESPONSIBLE_FOR]->(m)
WITH m, count(a) AS owners
RETURN count(m) AS measures, count(CASE WHEN owners > 0 THEN m END) AS owned
"""
TARGET = """
MATCH (x)-[s:SETS_TARGET]->(t:Target {id: $id})
OPTIONAL MATCH (p0:Plan)-[:HAS_MEASURE]->(x)
WITH t, s, x, CASE WHEN p0 IS NULL THEN x ELSE p0 END AS p
RETURN t, s.evidence AS evidence, p.id AS plan_id, p.title AS plan, p.doc_number AS doc_number,
       CASE WHEN x.id = p.id THEN null ELSE x.id END AS measure_id,
       CASE WHEN x.id = p.id THEN null ELSE x.title END AS measure,
       CASE WHEN x.id = p.id THEN null ELSE x.number END AS measure_number,
       CASE WHEN x.id = p.id THEN null ELSE x.section END AS section
"""
TARGET_SITES = """
MATCH (:Target {id: $id})-[r:AT_SITE]->(s:Site)
RETURN s.id AS id, s.name AS name, s.name_en AS name_en, r.evidence AS evidence ORDER BY name
"""
TARGET_PROVINCES = """
MATCH (:Plan {id: $plan})-[:COVERS]->()-[:LOCATED_IN*0..3]->(prov:Province)
RETURN DISTINCT prov.id AS id, prov.name AS name, prov.name_en AS name_en
"""
PLAN_SOURCE = "MATCH (p:Plan {id: $id}) RETURN p.title AS title, p.source AS source, p.sources AS sources, " \
              "p.doc_number AS doc_number"
#: a document's text is shown up to this many characters
MAX_TEXT = 400_000


def _crumbs(plan_id: str, plan: str, section: str | None, parent: dict[str, Any] | None) -> list[dict[str, Any]]:
    crumbs = [{"label": "Plan", "id": plan_id, "name": plan}]
    if section:
        crumbs.append({"label": "Section", "id": None, "name": section})
    if parent and parent.get("id"):
        crumbs.append({"label": "Measure", "id": parent["id"], "name": parent["name"], "number": parent["number"]})
    return crumbs


def measure(store: GraphStore, measure_id: str) -> dict[str, Any]:
    rows = records(store, MEASURE, {"id": measure_id})
    if not rows:
        raise NotFound(f"no measure has the id {measure_id!r}")
    row = rows[0]
    props = row["m"]["properties"]
    item = attach_measure_facts(store, [dict(props)])[0]
    owned = records(store, PLAN_OWNED, {"id": row["plan_id"]})[0]
    others = records(store, MEASURE_OTHERS, {"id": measure_id})
    parent = {"id": row["parent_id"], "name": row["parent"], "number": row["parent_number"]}
    return {
        "id": measure_id, "label": "Measure", "number": props.get("number"), "title": props.get("title"),
        "text": props.get("text"), "section": props.get("section"),
        "plan": {"id": row["plan_id"], "title": row["plan"], "doc_number": row["doc_number"],
                 "kind": row["plan_kind"], "measures": owned["measures"], "owned": owned["owned"]},
        "breadcrumb": _crumbs(row["plan_id"], row["plan"], props.get("section"), parent),
        "owners": sorted(item.get("owners", []), key=owner_order), "sites": item.get("sites", []),
        "targets": item.get("targets", []),
        "children": records(store, MEASURE_CHILDREN, {"id": measure_id}),
        "organizations": [o for o in others if o["type"] == "MENTIONS"],
        "incentives": [o for o in others if o["type"] == "OFFERS"],
    }


def target(store: GraphStore, target_id: str) -> dict[str, Any]:
    rows = records(store, TARGET, {"id": target_id})
    if not rows:
        raise NotFound(f"no target has the id {target_id!r}")
    row = rows[0]
    props = row.pop("t")["properties"]
    crumbs = [{"label": "Plan", "id": row["plan_id"], "name": row["plan"]}]
    if row["section"]:
        crumbs.append({"label": "Section", "id": None, "name": row["section"]})
    if row["measure_id"]:
        crumbs.append({"label": "Measure", "id": row["measure_id"], "name": row["measure"],
                       "number": row["measure_number"]})
    from queries.web.charts import category_names

    category = props.get("metric_category")
    return {
        "id": target_id, "label": "Target", **{k: props.get(k) for k in (
            "year", "metric", "comparator", "value", "value_max", "unit", "qualitative", "text", "value_norm",
            "unit_norm")},
        "category": {"key": category, **category_names().get(category, {})} if category else None,
        "evidence": row["evidence"],
        "plan": {"id": row["plan_id"], "title": row["plan"], "doc_number": row["doc_number"]},
        "measure": {"id": row["measure_id"], "title": row["measure"], "number": row["measure_number"]}
        if row["measure_id"] else None,
        "breadcrumb": crumbs,
        "sites": records(store, TARGET_SITES, {"id": target_id}),
        "provinces": records(store, TARGET_PROVINCES, {"plan": row["plan_id"]}),
    }


def document(store: GraphStore, plan_id: str, data_dir: Path) -> dict[str, Any]:
    """The text of the document a plan was read from, as the loaders read it."""
    rows = records(store, PLAN_SOURCE, {"id": plan_id})
    if not rows:
        raise NotFound(f"no plan has the id {plan_id!r}")
    row = rows[0]
    source = row["source"] or next(iter(row["sources"] or []), None)
    answer = {"plan_id": plan_id, "title": row["title"], "doc_number": row["doc_number"], "source": source,
              "text": None, "truncated": False}
    if not source:
        return answer
    from loaders.cache import ContributionCache
    from loaders.read import SourceError, read_document

    found = ContributionCache(data_dir / "documents").get(source)
    if found is None or not Path(found.path).is_file():
        return answer
    try:
        text = read_document(Path(found.path)).text
    except SourceError:
        return answer
    answer["text"], answer["truncated"] = text[:MAX_TEXT], len(text) > MAX_TEXT
    return answer


def plan_owned(store: GraphStore, plan_id: str) -> dict[str, int]:
    """How many of the plan's measures name an owner (a document may name none)."""
    return records(store, PLAN_OWNED, {"id": plan_id})[0]

