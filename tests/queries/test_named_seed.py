"""Named queries on the seed graph answer as a user asks: names as the command line takes them,
units as written, sites by any of their names, each row once."""

from __future__ import annotations

import pytest

from graph.model import Label, Node, Rel, make_id
from graph.store import open_store
from queries import named
from queries.run import run_named
from tests.conftest import settings_for
from tests.fixture_graph import GD, small_graph

GOAL_2030 = "打造广州国际生物岛、深圳河套、珠海唐家湾、东莞松山湖等人工智能赋能科学研究高地"


def rows(store, name, **params):
    return run_named(store, named.get(name), params, from_strings=True).records()


@pytest.mark.parametrize("category", ["算力规模", "computing capacity", "Computing-Capacity"])
def test_compare_targets_takes_a_category_by_its_chinese_or_english_name(seed_store, category):
    """``policykg analyze targets --category 算力规模`` worked; the named query answered nothing."""
    by_key = rows(seed_store, "compare-targets", category="computing_capacity")
    assert by_key and {r["unit_norm"] for r in by_key} == {"EFLOPS"}
    assert rows(seed_store, "compare-targets", category=category) == by_key


def test_plan_targets_by_unit_finds_the_targets_written_in_a_larger_unit(seed_store):
    """unit=亿元 missed 1.9万亿元 (智能家电…营业收入) and 超万亿元: the build normalised both to 亿元."""
    found = rows(seed_store, "plan-targets", unit="亿元")
    assert {r["unit"] for r in found} == {"亿元", "万亿元"}
    assert {r["unit_norm"] for r in found} == {"亿元"}
    appliances = next(r for r in found if r["metric"] == "智能家电战略性产业集群营业收入")
    assert (appliances["value"], appliances["unit"], appliances["value_norm"]) == (1.9, "万亿元", 19000)
    # the same targets whichever of the units is asked, in the province branch too
    assert rows(seed_store, "plan-targets", unit="万亿元") == found
    assert rows(seed_store, "plan-targets", unit="亿元", province="广东") == found
    # a unit the tables do not convert is compared as written
    percent = rows(seed_store, "plan-targets", unit="%")
    assert percent and {r["unit"] for r in percent} == {"%"}


def test_site_to_goals_answers_what_names_the_site_each_once(seed_store):
    """松山湖 answered 35 rows: the 2030 goal naming it, then the 34 goals of the two plans whose
    measures name it (the 2030 goal again among them). A planner asks what the plans say about
    the site: the goal naming it and the measures naming it, once each."""
    found = rows(seed_store, "site-to-goals", site="松山湖")
    keys = [(r["via"], r["measure"], r["goal"]) for r in found]
    assert len(keys) == len(set(keys)), "no row twice"
    assert keys == [
        ("target names the site", None, GOAL_2030),
        ("measure names the site", "推动人工智能与材料科学深度融合", None),
        ("measure names the site", "促进人工智能产业基地蓬勃发展", None),
    ]
    assert all(r["site"] == "松山湖" and r["evidence"] for r in found)
    assert [n["labels"][0] for n in found[1]["path"]["nodes"]] == ["Site", "Measure"]


#: the properties that name a node in site-to-goals' paths (the whole nodes cost more than the query at
#: 10,000 documents: a site's sources, a measure's text and index words, repeated in every row)
NAMING = {"Site": ["id", "name", "kind"], "Measure": ["id", "title"], "Target": ["id", "metric", "text", "year"]}


def test_site_to_goals_paths_name_their_nodes_and_hold_whole_relationships(seed_store):
    found = rows(seed_store, "site-to-goals", site="湖")
    assert {r["via"] for r in found} == {"target names the site", "measure names the site"}
    for row in found:
        path = row["path"]
        nodes = path["nodes"]
        for node in nodes:
            whole = seed_store.read("MATCH (n) WHERE n.id = $id RETURN n", {"id": node["id"]}).rows[0][0]
            assert node["labels"] == whole["labels"]
            assert node["properties"] == {k: whole["properties"][k] for k in NAMING[node["labels"][0]]}
        assert nodes[0]["properties"]["name"] == row["site"]
        assert [n["labels"][0] for n in nodes] == (["Site", "Target"] if row["via"] == "target names the site"
                                                   else ["Site", "Measure"])
        for step, rel in enumerate(path["relationships"]):
            whole = seed_store.read("MATCH ()-[r]->() WHERE r.id = $id RETURN r", {"id": rel["id"]}).rows[0][0]
            assert rel == whole
            assert {rel["start"], rel["end"]} == {nodes[step]["id"], nodes[step + 1]["id"]}


def test_site_to_goals_path_goes_on_from_a_measure_to_its_own_target(tmp_path):
    """The seed graph has no target of a measure naming a site that does not name it too: one is added
    to the small graph, and the measure leaves the third part (it sets a target now)."""
    graph = small_graph()
    site = next(n.id for n in graph.by_label(Label.SITE) if n.properties["name"] == "松山湖")
    measure = next(r.start for r in graph.relationships.values() if r.type == Rel.AT_SITE and r.end == site
                   and graph.nodes[r.start].label == Label.MEASURE)
    text = "到2028年建成材料基因数据库"
    target = graph.add_node(Node(make_id("target", text), Label.TARGET, {
        "source": GD, "year": 2028, "metric": "材料基因数据库", "text": text, "qualitative": True}))
    sets = graph.link(Rel.SETS_TARGET, measure, target.id, source=GD, evidence=text)
    store = open_store(settings_for(tmp_path))
    try:
        store.replace_graph(graph)
        found = rows(store, "site-to-goals", site="Songshan Lake")
    finally:
        store.close()
    assert [r["via"] for r in found] == ["target names the site", "target of a measure naming the site"]
    path = found[1]["path"]
    assert path["nodes"] == [
        {"id": site, "labels": ["Site"], "properties": {"id": site, "name": "松山湖", "kind": "zone"}},
        {"id": measure, "labels": ["Measure"], "properties": {"id": measure, "title": found[1]["measure"]}},
        {"id": target.id, "labels": ["Target"],
         "properties": {"id": target.id, "metric": "材料基因数据库", "text": text, "year": 2028}}]
    assert [(r["type"], r["start"], r["end"]) for r in path["relationships"]] == [
        ("AT_SITE", measure, site), ("SETS_TARGET", measure, target.id)]
    assert path["relationships"][1] == {"id": sets.id, "type": "SETS_TARGET", "start": measure, "end": target.id,
                                        "properties": {"id": sets.id, "source": GD, "evidence": text}}


@pytest.mark.parametrize(("written", "site"), [
    ("Bio Island", "国际生物岛"), ("bio-island", "国际生物岛"), ("GUANGZHOU BIO ISLAND", "国际生物岛"),
    ("Tangjiawan", "唐家湾"), ("tangjia bay", "唐家湾"), ("Songshan Lake", "松山湖"), ("songshanlake", "松山湖"),
])
def test_site_to_goals_finds_a_site_by_english_names_and_aliases(seed_store, written, site):
    """"Bio Island" (the site's English name is International Bio-Island) and "Tangjiawan" (its
    pinyin; the English name is Tangjia Bay) found nothing."""
    found = rows(seed_store, "site-to-goals", site=written)
    assert {r["site"] for r in found} == {site}
    assert [r["goal"] for r in found if r["via"] == "target names the site"] == [GOAL_2030]


def test_a_site_name_of_blanks_and_hyphens_matches_no_english_name(seed_store):
    assert rows(seed_store, "site-to-goals", site=" - ") == []


#: the plans covering a province or its cities and districts, as the province queries find them
PROVINCE_PLANS = """
MATCH (province:Province)
WHERE province.short = $province OR province.name CONTAINS $province
   OR toLower(coalesce(province.name_en, '')) CONTAINS toLower($province)
MATCH (province)<-[:LOCATED_IN*0..2]-()<-[:COVERS]-(plan:Plan)
WITH DISTINCT province, plan
"""

#: plan-targets with a province, every target of the province's plans sorted, then cut: the reference
#: a faster plan-targets must match. Reading the plans in the answer's order (a CALL sorting each
#: plan's targets, the LIMIT after it) gave the same rows but none with limit=1 on FalkorDB 4.16
PLAN_TARGETS_BY_SORTING_ALL = PROVINCE_PLANS + """
MATCH (plan)-[:HAS_MEASURE*0..1]->()-[:SETS_TARGET]->(t:Target)
WHERE ($year_from IS NULL OR t.year >= $year_from) AND ($year_to IS NULL OR t.year <= $year_to)
  AND ($qualitative IS NULL OR coalesce(t.qualitative, false) = $qualitative)
WITH DISTINCT province, plan, t
ORDER BY province.name, plan.title, t.year, t.id
LIMIT $limit
RETURN province.name, plan.title, t.id
"""


@pytest.mark.parametrize("params", [
    {"province": "广东"}, {"province": "广东", "limit": "7"}, {"province": "广东", "year_from": "2027"},
    {"province": "广", "limit": "3"}, {"province": "浙江", "qualitative": "true"}, {"province": "广东", "limit": "1"}])
def test_plan_targets_gives_the_rows_of_sorting_every_target_of_the_province(seed_store, params):
    found = [[r["province"], r["plan"], r["target_id"]] for r in rows(seed_store, "plan-targets", **params)]
    values = named.get("plan-targets").bind(params, from_strings=True)
    assert found and found == seed_store.read(PLAN_TARGETS_BY_SORTING_ALL, values).rows


#: measure-owners with a province as it was before its two passes: every owner of every measure of
#: the province's plans sorted, then cut (owners of one rank by name, as the query now says)
MEASURE_OWNERS_BY_SORTING_ALL = PROVINCE_PLANS + """
WHERE $plan IS NULL OR plan.title CONTAINS $plan OR plan.doc_number = $plan
MATCH (plan)-[:HAS_MEASURE]->(m:Measure)<-[r:RESPONSIBLE_FOR]-(a:Agency)
WHERE ($measure IS NULL OR m.title CONTAINS $measure) AND ($role IS NULL OR r.role = $role)
  AND ($agency IS NULL OR a.name CONTAINS $agency
       OR any(alias IN coalesce(a.aliases, []) WHERE alias CONTAINS $agency)
       OR toLower(coalesce(a.name_en, '')) CONTAINS toLower($agency))
WITH province, plan, m, r, a
ORDER BY plan.title, m.id, r.rank, province.name, a.name, a.id
LIMIT $limit
RETURN province.name, plan.title, m.id, a.id, r.role
"""


@pytest.mark.parametrize("params", [
    {"province": "浙江"}, {"province": "浙江", "limit": "1"}, {"province": "浙江", "limit": "2"},
    {"province": "浙江", "limit": "9"}, {"province": "Zhejiang", "role": "responsible", "limit": "1"},
    {"province": "浙江", "role": "responsible", "limit": "3"}, {"province": "浙江", "agency": "科技厅", "limit": "2"},
    {"province": "浙江", "measure": "统筹科学智算高效供给"}, {"province": "浙", "measure": "科学", "limit": "4"}])
def test_measure_owners_gives_the_rows_of_sorting_every_owner_of_the_province(seed_store, params):
    """The first pass stops at $limit rows and the second sorts the plans up to the last title it
    reached: the rows must be those of sorting every owner, and a limit below the rows of one plan
    (1, 2) cuts inside it."""
    found = [[r["province"], r["plan"], r["measure_id"], r["agency_id"], r["role"]]
             for r in rows(seed_store, "measure-owners", **params)]
    values = named.get("measure-owners").bind(params, from_strings=True)
    assert found and found == seed_store.read(MEASURE_OWNERS_BY_SORTING_ALL, values).rows


#: province-overview as it was before its lists were read by separate walks (agencies in the order met)
OVERVIEW_IN_ONE_WALK = """
MATCH (province:Province)
WHERE $province IS NULL OR province.name CONTAINS $province OR province.short = $province
CALL {
  WITH province
  OPTIONAL MATCH (province)<-[:LOCATED_IN*0..2]-()<-[:COVERS]-(plan:Plan)
  RETURN collect(DISTINCT plan) AS plans
}
WITH province, plans
WHERE size(plans) > 0 OR $province IS NOT NULL
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:HAS_MEASURE]->(m:Measure)
  RETURN count(m) AS measures
}
CALL {
  WITH plans
  UNWIND plans AS plan
  OPTIONAL MATCH (plan)-[:HAS_MEASURE]->(:Measure)<-[:RESPONSIBLE_FOR]-(owner:Agency)
  OPTIONAL MATCH (plan)-[:ISSUED_BY]->(issuer:Agency)
  OPTIONAL MATCH (coordinator:Agency)-[:COORDINATES]->(plan)
  WITH [owner.name, issuer.name, coordinator.name] AS names
  UNWIND names AS name
  RETURN collect(DISTINCT name) AS agencies
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:HAS_MEASURE]->(:Measure)-[:AT_SITE]->(s:Site)
  RETURN collect(DISTINCT s.name) AS sites
}
CALL {
  WITH plans
  UNWIND plans AS plan
  MATCH (plan)-[:HAS_MEASURE*0..1]->()-[:SETS_TARGET]->(t:Target)
  WITH DISTINCT t
  RETURN count(t) AS targets, sum(CASE WHEN coalesce(t.qualitative, false) THEN 0 ELSE 1 END) AS counted,
         collect(DISTINCT t.year) AS years
}
RETURN province.name, size(plans), [p IN plans | p.title], measures, agencies, sites, targets, counted,
       [y IN range(1949, 2100) WHERE y IN years]
ORDER BY size(plans) DESC, province.name
"""


@pytest.mark.parametrize("params", [{}, {"province": "广东"}, {"province": "浙江"}, {"province": "广"}])
def test_province_overview_counts_what_one_walk_over_its_plans_counts(seed_store, params):
    """Each list is read by walks of its own now (targets from the plan and through its measures,
    not HAS_MEASURE*0..1): the counts, plans, sites and years are those of the single walk, and the
    agencies the same ones, in name order."""
    found = rows(seed_store, "province-overview", **params)
    values = named.get("province-overview").bind(params, from_strings=True)
    before = seed_store.read(OVERVIEW_IN_ONE_WALK, values).rows
    assert found and len(found) == len(before)
    for row, old in zip(found, before, strict=True):
        assert [row["province"], row["plan_count"], row["plans"], row["measures"], row["sites"], row["targets"],
                row["counted_targets"], row["target_years"]] == old[:4] + old[5:]
        assert row["agencies"] == sorted(old[4]) and row["agency_count"] == len(old[4])
    assert any(row["targets"] and row["agencies"] and row["sites"] for row in found)


#: compare-targets without a province as it was: every quantitative target sorted, then cut
COMPARE_TARGETS_BY_SORTING_ALL = """
MATCH (t:Target)
WHERE coalesce(t.qualitative, false) = false AND ($year IS NULL OR t.year = $year)
  AND ($category_key IS NULL OR t.metric_category = $category_key)
WITH t ORDER BY t.metric_category, t.year, t.value_norm DESC, t.id LIMIT $limit
RETURN t.metric_category, t.year, t.value_norm, t.text
"""


@pytest.mark.parametrize("params", [
    {}, {"limit": "1"}, {"limit": "2"}, {"limit": "1000"}, {"year": "2027"}, {"year": "2025", "limit": "1"},
    {"year": "1999"}, {"category": "算力规模"}, {"category": "算力规模", "limit": "1"},
    {"category": "ai_core_industry_scale", "year": "2027"}])
def test_compare_targets_gives_the_rows_of_sorting_every_target(seed_store, params):
    """Without a year it reads the categories in order until it has $limit rows and sorts only
    those up to the last category reached (all of them, and a scan, when there are fewer)."""
    found = sorted((r["category"], r["year"], r["value_norm"], r["text"])
                   for r in rows(seed_store, "compare-targets", **params))
    values = named.get("compare-targets").bind(params, from_strings=True)
    expected = sorted(tuple(r) for r in seed_store.read(COMPARE_TARGETS_BY_SORTING_ALL, values).rows)
    assert found == expected and (found or params.get("year") == "1999")


def test_compare_targets_looks_up_every_category_in_the_answers_order():
    """Without a category the query walks every category key in order; with one, only its key."""
    from loaders.target_norm import categories

    keys = named.get("compare-targets").bind({}, from_strings=True)["category_keys"]
    assert keys == sorted(keys) and set(keys) == {c.key for c in categories()} and "other" in keys
    assert named.get("compare-targets").bind({"category": "算力规模"}, from_strings=True)["category_keys"] == [
        "computing_capacity"]


def test_every_target_has_one_setter_as_province_overview_counts_them(seed_store):
    """province-overview counts a plan's targets and its measures' targets apart and adds them: right
    only while the build links each target from one plan or one measure, never both."""
    setters = seed_store.read("MATCH (t:Target) OPTIONAL MATCH (s)-[:SETS_TARGET]->(t) "
                              "RETURN t.id, count(s) AS n ORDER BY n DESC LIMIT 1").rows
    assert setters and setters[0][1] == 1
