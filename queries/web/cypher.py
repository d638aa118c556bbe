"""Every Cypher query of the web page, in the dialect both Neo4j 5 and FalkorDB run.

Values come in as ``$parameters`` only; user input is never formatted into a
query. The few statements built below are made once, at import, from the
contract's fixed label names. Lists take ``$skip``/``$limit`` and have a
``*_COUNT`` twin, so every page knows its total. Ids in the graph are in
reading order (``plan-…-m001``, ``plan-…-t003``), so ``ORDER BY id`` keeps a
plan's outline.
"""

from __future__ import annotations

from graph.model import Label

# -- search ---------------------------------------------------------------
# Keys are lower-cased and stripped of spaces (ASCII and ideographic), on both
# sides, so "songshan lake", "Songshan Lake" and a title typed without the
# space the document has all match.
_KEYS = "[k IN {fields} WHERE k IS NOT NULL | replace(replace(toLower(k), ' ', ''), '\u3000', '')]"
_SCORE = ("CASE WHEN any(k IN keys WHERE k = $q) THEN 0 "
          "WHEN any(k IN keys WHERE k STARTS WITH $q) THEN 1 ELSE 2 END")


def _suggest(label: str, fields: str, name: str, detail: str) -> str:
    return (f"MATCH (n:{label}) WITH n, {_KEYS.format(fields=fields)} AS keys "
            "WHERE any(k IN keys WHERE k CONTAINS $q) "
            f"RETURN n.id AS id, '{label}' AS label, {name} AS name, n.name_en AS name_en, {detail} AS detail, "
            f"{_SCORE} AS score ORDER BY score, size({name}), id LIMIT $limit")


_NAMED = "[n.name, n.short, n.name_en] + coalesce(n.aliases, [])"
#: label -> suggestion query; the order is the order of kinds among equal scores
SUGGEST = {
    Label.PROVINCE: _suggest(Label.PROVINCE, _NAMED, "n.name", "n.short"),
    Label.SITE: _suggest(Label.SITE, _NAMED, "n.name", "n.kind"),
    Label.AGENCY: _suggest(Label.AGENCY, _NAMED, "n.name", "n.jurisdiction"),
    Label.PLAN: _suggest(Label.PLAN, "[n.title, n.doc_number]", "n.title", "n.doc_number"),
    Label.CITY: _suggest(Label.CITY, _NAMED, "n.name", "n.short"),
    Label.DISTRICT: _suggest(Label.DISTRICT, _NAMED, "n.name", "n.short"),
    Label.ORGANIZATION: _suggest(Label.ORGANIZATION, _NAMED, "n.name", "n.kind"),
    Label.MEASURE: (
        "MATCH (p:Plan)-[:HAS_MEASURE]->(n:Measure) "
        "WITH n, p, [replace(replace(toLower(n.title), ' ', ''), '\u3000', '')] AS keys "
        "WHERE any(k IN keys WHERE k CONTAINS $q) "
        "RETURN n.id AS id, 'Measure' AS label, n.title AS name, null AS name_en, p.title AS detail, "
        f"{_SCORE} AS score ORDER BY score, size(n.title), id LIMIT $limit"),
}

# -- any node by id ---------------------------------------------------------
#: one index lookup per label (an unlabelled ``MATCH`` by id would scan the graph)
NODE_BY_ID = " UNION ALL ".join(f"MATCH (n:{label} {{id: $id}}) RETURN n" for label in Label.ALL)


def _neighbours(label: str) -> str:
    return (f"MATCH (n:{label} {{id: $id}})-[r]-(x) "
            "RETURN type(r) AS type, startNode(r) = n AS outgoing, labels(x)[0] AS label, x.id AS id, "
            "coalesce(x.name, x.title, x.metric, x.beneficiary, x.text) AS name, x.name_en AS name_en, "
            "r.role AS role, r.rank AS rank, r.evidence AS evidence "
            "ORDER BY type, outgoing DESC, coalesce(rank, 0), id SKIP $skip LIMIT $limit")


NEIGHBOURS = {label: _neighbours(label) for label in Label.ALL}
NEIGHBOURS_COUNT = {label: f"MATCH (n:{label} {{id: $id}})-[r]-() RETURN count(r) AS total" for label in Label.ALL}

# -- plan -------------------------------------------------------------------
PLAN = "MATCH (p:Plan {id: $id}) RETURN p"
PLAN_LINKS = """
MATCH (p:Plan {id: $id})-[r:ISSUED_BY|COVERS|CITES]->(x)
RETURN type(r) AS type, true AS outgoing, labels(x)[0] AS label, x.id AS id, coalesce(x.name, x.title) AS name,
       x.name_en AS name_en, r.evidence AS evidence
UNION ALL
MATCH (p:Plan {id: $id})<-[r:COORDINATES|CITES]-(x)
RETURN type(r) AS type, false AS outgoing, labels(x)[0] AS label, x.id AS id, coalesce(x.name, x.title) AS name,
       x.name_en AS name_en, r.evidence AS evidence
"""
PLAN_COUNTS = """
MATCH (p:Plan {id: $id})
OPTIONAL MATCH (p)-[:HAS_MEASURE]->(m:Measure)
WITH p, count(m) AS measures
OPTIONAL MATCH (p)-[:HAS_MEASURE*0..1]->()-[:SETS_TARGET]->(t:Target)
RETURN measures, count(DISTINCT t) AS targets
"""
PLAN_MEASURES = """
MATCH (:Plan {id: $id})-[:HAS_MEASURE]->(m:Measure)
RETURN m ORDER BY m.id SKIP $skip LIMIT $limit
"""
PLAN_MEASURES_COUNT = "MATCH (:Plan {id: $id})-[:HAS_MEASURE]->(m:Measure) RETURN count(m) AS total"
PLAN_TARGETS = """
MATCH (p:Plan {id: $id})-[:HAS_MEASURE*0..1]->(x)-[r:SETS_TARGET]->(t:Target)
RETURN t, r.evidence AS evidence, CASE WHEN x.id = p.id THEN null ELSE x.id END AS measure_id,
       CASE WHEN x.id = p.id THEN null ELSE x.title END AS measure
ORDER BY t.id SKIP $skip LIMIT $limit
"""
PLAN_TARGETS_COUNT = """
MATCH (:Plan {id: $id})-[:HAS_MEASURE*0..1]->()-[:SETS_TARGET]->(t:Target) RETURN count(DISTINCT t) AS total
"""
#: sites named by the plan's measures or goals, most-named first
PLAN_SITES = """
MATCH (:Plan {id: $id})-[:HAS_MEASURE|SETS_TARGET*1..2]->(x)-[r:AT_SITE]->(s:Site)
WITH s, count(DISTINCT x) AS mentions, collect(r.evidence) AS evidence
RETURN s.id AS id, s.name AS name, s.name_en AS name_en, s.kind AS kind, mentions, evidence[0] AS evidence
ORDER BY mentions DESC, name SKIP $skip LIMIT $limit
"""
PLAN_SITES_COUNT = """
MATCH (:Plan {id: $id})-[:HAS_MEASURE|SETS_TARGET*1..2]->()-[:AT_SITE]->(s:Site) RETURN count(DISTINCT s) AS total
"""

# -- facts about a page of measures -----------------------------------------
MEASURE_OWNERS = """
MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(m:Measure) WHERE m.id IN $ids
RETURN m.id AS measure, a.id AS id, a.name AS name, a.name_en AS name_en, r.role AS role, r.rank AS rank,
       r.evidence AS evidence
"""
MEASURE_SITES = """
MATCH (m:Measure)-[r:AT_SITE]->(s:Site) WHERE m.id IN $ids
RETURN m.id AS measure, s.id AS id, s.name AS name, s.name_en AS name_en, r.evidence AS evidence ORDER BY s.name
"""
MEASURE_TARGETS = """
MATCH (m:Measure)-[r:SETS_TARGET]->(t:Target) WHERE m.id IN $ids
RETURN m.id AS measure, t.id AS id, t.year AS year, t.metric AS metric, t.text AS text, r.evidence AS evidence,
       t.comparator AS comparator, t.value AS value, t.value_max AS value_max, t.unit AS unit,
       t.qualitative AS qualitative
ORDER BY t.id
"""

# -- agency -----------------------------------------------------------------
AGENCY = "MATCH (a:Agency {id: $id}) RETURN a"
AGENCY_PLANS = """
MATCH (:Agency {id: $id})<-[r:ISSUED_BY]-(p:Plan)
RETURN 'ISSUED_BY' AS type, p.id AS id, p.title AS name, r.evidence AS evidence
UNION ALL
MATCH (:Agency {id: $id})-[r:COORDINATES]->(p:Plan)
RETURN 'COORDINATES' AS type, p.id AS id, p.title AS name, r.evidence AS evidence
"""
AGENCY_MEASURES = """
MATCH (:Agency {id: $id})-[r:RESPONSIBLE_FOR]->(m:Measure)<-[:HAS_MEASURE]-(p:Plan)
RETURN m.id AS id, m.number AS number, m.title AS title, m.section AS section, p.id AS plan_id, p.title AS plan,
       r.role AS role, r.rank AS rank, r.evidence AS evidence
ORDER BY plan, id SKIP $skip LIMIT $limit
"""
AGENCY_MEASURES_COUNT = "MATCH (:Agency {id: $id})-[r:RESPONSIBLE_FOR]->(:Measure) RETURN count(r) AS total"
AGENCY_CO_OWNERS = """
MATCH (a:Agency {id: $id})-[:RESPONSIBLE_FOR]->(m:Measure)<-[:RESPONSIBLE_FOR]-(b:Agency)
WHERE b.id <> a.id
RETURN b.id AS id, b.name AS name, b.name_en AS name_en, count(DISTINCT m) AS shared
ORDER BY shared DESC, name SKIP $skip LIMIT $limit
"""
AGENCY_CO_OWNERS_COUNT = """
MATCH (a:Agency {id: $id})-[:RESPONSIBLE_FOR]->(:Measure)<-[:RESPONSIBLE_FOR]-(b:Agency)
WHERE b.id <> a.id RETURN count(DISTINCT b) AS total
"""

# -- site -------------------------------------------------------------------
SITE = "MATCH (s:Site {id: $id}) RETURN s"
#: the places a site or place lies in, nearest first
PLACES_ABOVE = """
MATCH path = (:{label} {{id: $id}})-[:LOCATED_IN*1..4]->(x)
RETURN labels(x)[0] AS label, x.id AS id, x.name AS name, x.name_en AS name_en, length(path) AS depth
ORDER BY depth
"""
SITE_PLACES = PLACES_ABOVE.format(label=Label.SITE)
SITE_MEASURES = """
MATCH (:Site {id: $id})<-[r:AT_SITE]-(m:Measure)<-[:HAS_MEASURE]-(p:Plan)
RETURN m.id AS id, m.number AS number, m.title AS title, p.id AS plan_id, p.title AS plan, r.evidence AS evidence
ORDER BY plan, id SKIP $skip LIMIT $limit
"""
SITE_MEASURES_COUNT = "MATCH (:Site {id: $id})<-[:AT_SITE]-(m:Measure) RETURN count(DISTINCT m) AS total"
#: goals naming the site, with the plan that states them (directly, or inside one of its measures)
SITE_TARGETS = """
MATCH (:Site {id: $id})<-[r:AT_SITE]-(t:Target)<-[s:SETS_TARGET]-(x)
OPTIONAL MATCH (p0:Plan)-[:HAS_MEASURE]->(x)
WITH t, r, s, x, CASE WHEN p0 IS NULL THEN x ELSE p0 END AS p
RETURN t, r.evidence AS evidence, s.evidence AS set_evidence, p.id AS plan_id, p.title AS plan,
       CASE WHEN x.id = p.id THEN null ELSE x.id END AS measure_id,
       CASE WHEN x.id = p.id THEN null ELSE x.title END AS measure
ORDER BY t.year, t.id SKIP $skip LIMIT $limit
"""
SITE_TARGETS_COUNT = "MATCH (:Site {id: $id})<-[:AT_SITE]-(t:Target) RETURN count(DISTINCT t) AS total"

# -- province, city, district -----------------------------------------------
PLACE = " UNION ALL ".join(f"MATCH (n:{label} {{id: $id}}) RETURN n" for label in Label.REGIONS)
PLACES_ABOVE_BY_LABEL = {label: PLACES_ABOVE.format(label=label) for label in Label.REGIONS}
_WITHIN = "(:{label} {{id: $id}})<-[:LOCATED_IN*0..3]-(c)<-[r:COVERS]-(p:Plan)"
PLACE_PLANS = {label: f"""
MATCH {_WITHIN.format(label=label)}
WITH p, collect(DISTINCT c.name) AS places, collect(r.evidence)[0] AS evidence
RETURN p.id AS id, p.title AS title, p.kind AS kind, p.doc_number AS doc_number, p.date_issued AS date_issued,
       p.period_start AS period_start, p.period_end AS period_end, places, evidence
ORDER BY coalesce(date_issued, ''), title SKIP $skip LIMIT $limit
""" for label in Label.REGIONS}
PLACE_PLANS_COUNT = {label: f"MATCH {_WITHIN.format(label=label)} RETURN count(DISTINCT p) AS total"
                     for label in Label.REGIONS}
_INSIDE = "(:{label} {{id: $id}})<-[:LOCATED_IN*1..3]-(x)"
PLACE_INSIDE = {label: f"""
MATCH {_INSIDE.format(label=label)}
RETURN DISTINCT labels(x)[0] AS label, x.id AS id, x.name AS name, x.name_en AS name_en, x.kind AS kind
ORDER BY label, name SKIP $skip LIMIT $limit
""" for label in Label.REGIONS}
PLACE_INSIDE_COUNT = {label: f"MATCH {_INSIDE.format(label=label)} RETURN count(DISTINCT x) AS total"
                      for label in Label.REGIONS}
PLACE_AGENCIES = """
MATCH (a:Agency) WHERE a.jurisdiction = $name
RETURN a.id AS id, a.name AS name, a.name_en AS name_en, a.kind AS kind ORDER BY name SKIP $skip LIMIT $limit
"""
PLACE_AGENCIES_COUNT = "MATCH (a:Agency) WHERE a.jurisdiction = $name RETURN count(a) AS total"
PLACE_TARGET_YEARS = {label: f"""
MATCH {_WITHIN.format(label=label)}
MATCH (p)-[:HAS_MEASURE*0..1]->()-[:SETS_TARGET]->(t:Target)
WITH DISTINCT t
RETURN t.year AS year, count(t) AS targets, count(CASE WHEN t.qualitative THEN null ELSE t END) AS quantitative
ORDER BY year
""" for label in Label.REGIONS}

# -- the targets table --------------------------------------------------------
# One query per shape, so no page walks more than it must: with a province the
# query starts from the province, with a plan from the plan, and with neither
# it orders and cuts the targets first and looks up plans and provinces for
# one page only. Rows are ordered by year, then id (ids group a plan's targets
# in reading order).
_TARGET_WHERE = """
WHERE ($year IS NULL OR t.year = $year) AND ($unit IS NULL OR t.unit = $unit)
  AND ($category IS NULL OR t.metric_category = $category)
  AND ($q IS NULL OR toLower(t.metric) CONTAINS $q OR toLower(t.text) CONTAINS $q)
"""
_TARGET_PLAN = """
MATCH (x)-[s:SETS_TARGET]->(t)
OPTIONAL MATCH (p0:Plan)-[:HAS_MEASURE]->(x)
WITH t, s, x, CASE WHEN p0 IS NULL THEN x ELSE p0 END AS p
"""
_TARGET_PROVINCES = """
OPTIONAL MATCH (p)-[:COVERS]->()-[:LOCATED_IN*0..3]->(prov:Province)
WITH t, s, x, p, collect(DISTINCT prov.name) AS provinces
"""
_TARGET_FIELDS = """
RETURN t.id AS id, t.year AS year, t.metric AS metric, t.comparator AS comparator, t.value AS value,
       t.value_max AS value_max, t.unit AS unit, t.qualitative AS qualitative, t.text AS text,
       t.metric_category AS category, s.evidence AS evidence, p.id AS plan_id, p.title AS plan,
       p.doc_number AS doc_number, provinces,
       CASE WHEN x.id = p.id THEN null ELSE x.id END AS measure_id,
       CASE WHEN x.id = p.id THEN null ELSE x.title END AS measure
"""
_BY_PROVINCE = """
MATCH (prov:Province {id: $province})<-[:LOCATED_IN*0..3]-()<-[:COVERS]-(p:Plan)
WHERE $plan IS NULL OR p.id = $plan
WITH DISTINCT p, prov
MATCH (p)-[:HAS_MEASURE*0..1]->(x)-[s:SETS_TARGET]->(t:Target)
""" + _TARGET_WHERE
_BY_PLAN = """
MATCH (p:Plan {id: $plan})-[:HAS_MEASURE*0..1]->(x)-[s:SETS_TARGET]->(t:Target)
""" + _TARGET_WHERE
_ANY = "MATCH (t:Target)" + _TARGET_WHERE
#: shape ("province", "plan" or "any") -> rows from ``$skip``, at most ``$limit`` (the CSV export reads them all)
TARGETS = {
    "province": _BY_PROVINCE + "WITH t, s, x, p, [prov.name] AS provinces" + _TARGET_FIELDS
    + "ORDER BY year, id SKIP $skip LIMIT $limit",
    "plan": _BY_PLAN + "WITH t, s, x, p" + _TARGET_PROVINCES + _TARGET_FIELDS
    + "ORDER BY year, id SKIP $skip LIMIT $limit",
    "any": _ANY + "WITH t ORDER BY t.year, t.id SKIP $skip LIMIT $limit" + _TARGET_PLAN + _TARGET_PROVINCES
    + _TARGET_FIELDS + "ORDER BY year, id",
}
#: the rows of one page of the table, its targets chosen from the catalogue (``targets.table``)
TARGETS_BY_IDS = ("MATCH (t:Target) WHERE t.id IN $ids WITH t" + _TARGET_PLAN + _TARGET_PROVINCES + _TARGET_FIELDS
                  + "ORDER BY year, id")
PROVINCE_BY_NAME = """
MATCH (n:Province)
WHERE n.id = $name OR n.name = $name OR n.short = $name OR toLower(n.name_en) = toLower($name)
   OR toLower(n.name_en) = toLower($name) + ' province'
RETURN n.id AS id LIMIT 1
"""

# -- the list of plans ----------------------------------------------------------
PLANS = """
MATCH (p:Plan) WHERE coalesce(p.cited_only, false) = false
OPTIONAL MATCH (p)-[:COVERS]->(c)
WITH p, collect(c.name) AS places
RETURN p.id AS id, p.title AS title, p.kind AS kind, p.doc_number AS doc_number, p.date_issued AS date_issued,
       p.period_start AS period_start, p.period_end AS period_end, places
ORDER BY title SKIP $skip LIMIT $limit
"""
PLANS_COUNT = "MATCH (p:Plan) WHERE coalesce(p.cited_only, false) = false RETURN count(p) AS total"
