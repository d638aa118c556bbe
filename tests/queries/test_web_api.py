"""The web page's ``/api/`` endpoints and its files, over real HTTP on the seed graph."""

from __future__ import annotations

import csv
import io
import re
import tomllib
from pathlib import Path

import httpx
import pytest

from queries.routes.web import STATIC
from tests.queries.web_support import live_server

ROOT = Path(__file__).resolve().parents[2]
ZJ_PLAN_TITLE = "浙江省加快推动“人工智能+科学”创新发展行动计划"
ZJ_FIRST_OWNERS = ["浙江省发展和改革委员会", "之江实验室", "浙江省科学技术厅"]


@pytest.fixture(scope="module")
def base_url(seed_settings):
    with live_server(seed_settings) as url:
        yield url


def get(base_url: str, path: str, **params) -> httpx.Response:
    return httpx.get(base_url + path, params=params, timeout=60)


def first(base_url: str, q: str, label: str) -> dict:
    items = get(base_url, "/api/suggest", q=q).json()["items"]
    found = [item for item in items if item["label"] == label]
    assert found, f"no {label} suggested for {q!r}: {items}"
    return found[0]


# -- search ----------------------------------------------------------------------
@pytest.mark.parametrize(("q", "label", "name"), [
    ("松山湖", "Site", "松山湖"),
    ("Songshan Lake", "Site", "松山湖"),
    ("songshan lake", "Site", "松山湖"),
    ("东莞松山湖", "Site", "松山湖"),
    ("Zhejiang", "Province", "浙江省"),
])
def test_suggest_names_aliases_and_english(base_url, q, label, name):
    items = get(base_url, "/api/suggest", q=q).json()["items"]
    assert items[0]["label"] == label and items[0]["name"] == name


def test_suggest_short_agency_name_gives_each_province_s_agency(base_url):
    items = get(base_url, "/api/suggest", q="省科技厅").json()["items"]
    names = {item["name"] for item in items if item["label"] == "Agency"}
    assert {"浙江省科学技术厅", "广东省科学技术厅"} <= names
    assert all(item["detail"] for item in items if item["label"] == "Agency")  # the jurisdiction tells them apart


def test_suggest_topic_word_finds_measures_and_sites(base_url):
    items = get(base_url, "/api/suggest", q="算力", limit=30).json()["items"]
    assert {"Measure", "Site"} <= {item["label"] for item in items}
    assert all("算力" in item["name"] or item["label"] == "Site" for item in items)
    assert len(items) <= 30


def test_suggest_ignores_spaces_the_title_has(base_url):
    # the stored title has a space after the closing quote; the user types none
    plan = first(base_url, ZJ_PLAN_TITLE, "Plan")
    assert plan["name"].replace(" ", "").startswith(ZJ_PLAN_TITLE)


def test_suggest_is_bounded_and_needs_text(base_url):
    assert get(base_url, "/api/suggest", q="   ").json()["items"] == []
    assert get(base_url, "/api/suggest", q="省", limit=31).status_code == 422
    assert len(get(base_url, "/api/suggest", q="省", limit=30).json()["items"]) <= 30


def test_user_text_is_a_value_not_cypher(base_url):
    for q in ["' OR 1=1 //", "}) MATCH (n) DETACH DELETE n //", "\\"]:
        r = get(base_url, "/api/suggest", q=q)
        assert r.status_code == 200 and r.json()["items"] == []
    assert first(base_url, "松山湖", "Site")  # the graph is still there


# -- plan ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def zj_plan(base_url):
    return get(base_url, f"/api/plan/{first(base_url, ZJ_PLAN_TITLE, 'Plan')['id']}").json()


def test_plan_first_measure_owners_in_role_and_rank_order(zj_plan):
    measure = zj_plan["measures"]["items"][0]
    assert measure["title"] == "统筹科学智算高效供给"
    assert [o["name"] for o in measure["owners"]] == ZJ_FIRST_OWNERS
    assert [o["rank"] for o in measure["owners"]] == [1, 2, 3]
    assert all("责任单位" in o["evidence"] for o in measure["owners"])


def test_plan_metadata_and_linked_facts_carry_evidence(zj_plan):
    assert zj_plan["properties"]["period_start"] == 2025
    assert [p["name"] for p in zj_plan["links"]["covers"]] == ["浙江省"]
    coordinators = {a["name"] for a in zj_plan["links"]["coordinates"]}
    assert "浙江省科学技术厅" in coordinators
    assert all(link["evidence"] for links in zj_plan["links"].values() for link in links)
    assert zj_plan["counts"]["measures"] == zj_plan["measures"]["total"] > 10
    assert zj_plan["targets"]["total"] == zj_plan["counts"]["targets"] > 0
    assert all(t["evidence"] and t["year"] for t in zj_plan["targets"]["items"])


def test_plan_measures_page_in_reading_order(base_url, zj_plan):
    plan_id, total = zj_plan["id"], zj_plan["measures"]["total"]
    pages = [get(base_url, f"/api/plan/{plan_id}/measures", page=n, page_size=5).json() for n in (1, 2, 3)]
    ids = [m["id"] for page in pages for m in page["items"]]
    assert ids == sorted(ids) and len(ids) == len(set(ids)) == min(15, total)
    assert all(p["total"] == total and p["page_size"] == 5 for p in pages)
    beyond = get(base_url, f"/api/plan/{plan_id}/measures", page=999).json()
    assert beyond["items"] == [] and beyond["total"] == total


def test_page_size_is_capped(base_url, zj_plan):
    assert get(base_url, f"/api/plan/{zj_plan['id']}/measures", page_size=101).status_code == 422
    assert get(base_url, f"/api/plan/{zj_plan['id']}/measures", page=0).status_code == 422


def test_plan_sites_are_named_by_its_measures_or_goals(base_url):
    gd = first(base_url, "广东省加快推动人工智能赋能科学研究行动方案", "Plan")
    sites = get(base_url, f"/api/plan/{gd['id']}/sites", page_size=100).json()
    assert "松山湖" in {s["name"] for s in sites["items"]}
    assert all(s["evidence"] and s["mentions"] >= 1 for s in sites["items"])


# -- agency ------------------------------------------------------------------------
def test_agency_measures_across_plans_and_co_owners(base_url):
    agency = first(base_url, "浙江省科学技术厅", "Agency")
    body = get(base_url, f"/api/agency/{agency['id']}").json()
    assert body["properties"]["aliases"] == ["省科技厅"]
    measures = body["measures"]["items"]
    assert measures and all(m["plan"] and m["role"] and m["evidence"] for m in measures)
    assert any(o["name"] == "浙江省科学技术厅" for m in measures for o in m["owners"])
    co = {c["name"]: c["shared"] for c in body["co_owners"]["items"]}
    assert co["浙江省发展和改革委员会"] >= 1 and "浙江省科学技术厅" not in co
    shared = [c["shared"] for c in body["co_owners"]["items"]]
    assert shared == sorted(shared, reverse=True)


# -- site ------------------------------------------------------------------------
def test_site_trace_reaches_measures_and_the_2030_goal(base_url):
    site = first(base_url, "松山湖", "Site")
    body = get(base_url, f"/api/site/{site['id']}").json()
    goals = body["targets"]["items"]
    goal_2030 = [g for g in goals if g["year"] == 2030]
    assert goal_2030 and "松山湖" in goal_2030[0]["text"] and goal_2030[0]["plan"]
    assert body["measures"]["total"] >= 1 and all(m["plan"] and m["evidence"] for m in body["measures"]["items"])
    assert [p["name"] for p in body["places"]][:1] == ["东莞市"]
    graph = get(base_url, f"/api/site/{site['id']}/graph").json()
    labels = {n["label"] for n in graph["nodes"]}
    assert {"Site", "Measure", "Target", "Plan"} <= labels
    ids = {n["id"] for n in graph["nodes"]}
    assert all(e["start"] in ids and e["end"] in ids for e in graph["edges"])
    assert graph["truncated"] is False


def test_site_graph_is_capped(base_url):
    site = first(base_url, "松山湖", "Site")
    graph = get(base_url, f"/api/site/{site['id']}/graph", limit=1).json()
    assert sum(1 for n in graph["nodes"] if n["label"] == "Measure") <= 2  # one naming it, one setting a goal
    assert graph["truncated"] is True


# -- province ------------------------------------------------------------------------
def test_province_page_includes_plans_of_places_inside(base_url):
    gd = first(base_url, "广东", "Province")
    body = get(base_url, f"/api/place/{gd['id']}").json()
    titles = [p["title"] for p in body["plans"]["items"]]
    assert any(t.startswith("光明区") for t in titles)  # a district plan counts for its province
    assert [y["year"] for y in body["target_years"]] == sorted(y["year"] for y in body["target_years"])
    assert all(y["targets"] >= y["quantitative"] for y in body["target_years"])
    assert body["inside"]["total"] > body["inside"]["page_size"] >= len(body["inside"]["items"])
    assert "广东省科学技术厅" in {a["name"] for a in body["agencies"]["items"]}


# -- targets table ------------------------------------------------------------------------
def test_targets_filter_by_province_year_and_unit(base_url):
    zj = get(base_url, "/api/targets", province="Zhejiang", page_size=100).json()
    assert zj["total"] > 0 and all(t["provinces"] == ["浙江省"] for t in zj["items"])
    assert get(base_url, "/api/targets", province="浙江").json()["total"] == zj["total"]
    rows = get(base_url, "/api/targets", year=2027, unit="个", page_size=100).json()
    assert rows["total"] > 0 and all(t["year"] == 2027 and t["unit"] == "个" for t in rows["items"])
    years = [t["year"] for t in get(base_url, "/api/targets", page_size=100).json()["items"]]
    assert years == sorted(years)


def test_targets_filter_by_plan_alone_or_with_a_province(base_url, zj_plan):
    rows = get(base_url, "/api/targets", plan=zj_plan["id"], page_size=100).json()
    assert rows["total"] == zj_plan["targets"]["total"] == len(rows["items"])
    assert {t["plan_id"] for t in rows["items"]} == {zj_plan["id"]}
    assert get(base_url, "/api/targets", plan=zj_plan["id"], province="浙江").json()["total"] == rows["total"]
    assert get(base_url, "/api/targets", plan=zj_plan["id"], province="广东").json()["total"] == 0


def test_targets_pages_do_not_overlap(base_url):
    pages = [get(base_url, "/api/targets", page=n, page_size=10).json() for n in (1, 2, 3)]
    ids = [t["id"] for page in pages for t in page["items"]]
    assert len(ids) == len(set(ids)) == 30
    assert [(t["year"], t["id"]) for page in pages for t in page["items"]] == sorted(
        (t["year"], t["id"]) for page in pages for t in page["items"])


def test_targets_unknown_province_names_the_parameter(base_url):
    r = get(base_url, "/api/targets", province="Atlantis")
    assert r.status_code == 404 and "province" in r.text


def test_targets_csv_holds_every_matching_row(base_url):
    total = get(base_url, "/api/targets", province="广东").json()["total"]
    r = get(base_url, "/api/targets", province="广东", format="csv", lang="en")
    assert r.headers["content-type"].startswith("text/csv") and r.headers["x-truncated"] == "false"
    assert r.content.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert len(rows) == total > 20 and all(row["provinces"] == "广东省" for row in rows)
    assert {"year", "metric", "value", "unit", "plan", "evidence"} <= set(rows[0])


def test_target_facets(base_url):
    body = get(base_url, "/api/targets/facets").json()
    assert 2030 in [y["value"] for y in body["years"]]
    assert "EFLOPS" in [u["value"] for u in body["units"]]
    assert {"浙江省", "广东省"} <= {p["name"] for p in body["provinces"]}


# -- any node, plans, errors ----------------------------------------------------------------
def test_node_page_lists_links_with_roles(base_url, zj_plan):
    measure_id = zj_plan["measures"]["items"][0]["id"]
    body = get(base_url, f"/api/node/{measure_id}").json()
    assert body["label"] == "Measure"
    owners = [n["name"] for n in body["neighbours"]["items"] if n["type"] == "RESPONSIBLE_FOR"]
    assert owners == ZJ_FIRST_OWNERS


def test_plans_list_leaves_out_cited_only_plans(base_url):
    body = get(base_url, "/api/plans", page_size=100).json()
    assert body["total"] == 5 and all(not p["title"].startswith("新一代人工智能发展规划") for p in body["items"])


@pytest.mark.parametrize("path", ["/api/plan/plan-nope", "/api/agency/nope", "/api/site/nope", "/api/place/nope",
                                  "/api/node/nope", "/api/site/nope/graph", "/api/measure/nope", "/api/target/nope",
                                  "/api/document/nope"])
def test_unknown_ids_answer_404_with_a_message(base_url, path):
    r = get(base_url, path)
    assert r.status_code == 404 and "nope" in r.text


# -- the page's files ------------------------------------------------------------------------
def test_page_is_served_at_the_root(base_url):
    r = get(base_url, "/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<main id="view"' in r.text
    for path in re.findall(r'(?:src|href)="(/static/[^"]+)"', r.text):
        assert get(base_url, path).status_code == 200, path


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/%2e%2e/app.py", "/static/vendor/../../cli.py",
                                  "/static/nope.js"])
def test_static_files_stay_inside_the_static_folder(base_url, path):
    assert httpx.get(base_url + path, timeout=10).status_code == 404


def test_page_loads_nothing_from_the_network():
    """Every script, style and font is local: no http(s) address in what the page loads."""
    for path in STATIC.rglob("*"):
        if path.suffix in (".html", ".css") or (path.suffix == ".js" and "vendor" not in path.parts):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"""(?:src|href|url)\s*[=(]\s*["']?(?:https?:)?//""", text), path
            assert "@import" not in text and "@font-face" not in text, path
    assert (STATIC / "vendor" / "cytoscape.min.js").stat().st_size > 100_000
    assert "Permission is hereby granted" in (STATIC / "vendor" / "cytoscape.LICENSE").read_text()


def test_page_files_are_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["queries"]
    package = ROOT / "queries"
    shipped = {p for pattern in patterns for p in package.glob(pattern) if p.is_file()}
    files = {p for p in STATIC.rglob("*") if p.is_file()}
    assert files and files <= shipped, sorted(str(p) for p in files - shipped)


# -- full-text search, browsing, charts, schema, readable pages --------------------------------------
def test_search_reads_measure_text_and_counts_facets(base_url):
    body = get(base_url, "/api/search", q="材料基因数据库").json()
    hit = body["items"][0]
    assert hit["label"] == "Measure" and hit["field"] == "text"
    start, end = hit["snippet"]["marks"][0]
    assert hit["snippet"]["text"][start:end] == "材料基因数据库"
    assert body["facets"]["kind"] == [{"value": "Measure", "count": 1}]


def test_search_facets_count_over_the_other_filters(base_url):
    everything = get(base_url, "/api/search", q="松山湖").json()
    targets = get(base_url, "/api/search", q="松山湖", kind="Target").json()
    assert {i["label"] for i in targets["items"]} == {"Target"}
    assert targets["facets"]["kind"] == everything["facets"]["kind"]  # the chosen facet still shows its siblings
    assert targets["total"] < everything["total"]


def test_search_user_text_is_only_text(base_url):
    for q in ["' OR 1=1 //", "}) MATCH (n) DETACH DELETE n //", "(", "\\"]:
        assert get(base_url, "/api/search", q=q).status_code == 200


def test_browse_sites_by_province_and_city(base_url):
    gd = first(base_url, "广东", "Province")["id"]
    body = get(base_url, "/api/browse/sites", province=gd, page_size=100).json()
    # the seed graph's Guangdong sites, all on one page; their number follows extraction, so it is not fixed here
    assert 40 <= body["total"] == len(body["items"]) <= 100
    city = next(f for f in body["facets"]["city"] if f["value"] == "深圳市")
    assert 5 <= city["count"] < body["total"]
    assert get(base_url, "/api/browse/sites", province=gd, city="深圳市").json()["total"] == city["count"]
    assert get(base_url, "/api/browse/nothing").status_code == 422


def test_charts_give_points_with_their_target_ids(base_url):
    gd = first(base_url, "广东", "Province")["id"]
    zj = first(base_url, "浙江", "Province")["id"]
    body = get(base_url, "/api/charts", province=gd, compare=zj).json()
    core = next(s for s in body["left"]["trajectories"] if s["category"] == "ai_core_industry_scale")
    assert {(p["year"], p["value"]) for p in core["points"]} >= {(2025, 3000), (2027, 4400)}
    assert all(get(base_url, f"/api/target/{p['id']}").status_code == 200 for p in core["points"])
    assert any(row["left"] and row["right"] for row in body["compare"])
    assert get(base_url, "/api/charts", province="nope").status_code == 404


def test_schema_lists_the_contract_with_counts(base_url):
    body = get(base_url, "/api/schema").json()
    plan = next(label for label in body["labels"] if label["name"] == "Plan")
    assert plan["count"] == 7 and "title" in plan["properties"]
    assert {r["name"] for r in body["relationships"]} >= {"RESPONSIBLE_FOR", "AT_SITE"}


def test_target_page_reads_in_words(base_url):
    hit = get(base_url, "/api/search", q="智能软件产业规模", kind="Target").json()["items"][0]
    body = get(base_url, f"/api/target/{hit['id']}").json()
    assert (body["comparator"], body["value"], body["unit"]) == (">=", 270, "亿元")
    assert body["category"]["zh"] == "产业营业收入"
    assert [c["label"] for c in body["breadcrumb"]] == ["Plan", "Section", "Measure"]
    doc = get(base_url, f"/api/document/{body['plan']['id']}").json()
    assert doc["title"] == body["plan"]["title"] and "智能软件产业规模达到270亿元" in doc["text"]


@pytest.mark.parametrize("q", ["松山湖", "Songshan Lake", "东莞松山湖", "Zhejiang", "省科技厅", "算力", "省",
                               "人工智能", "广东", "粤办函", "中心", ZJ_PLAN_TITLE])
def test_suggestions_from_the_catalogue_are_the_cypher_ones(seed_store, q):
    """Once the catalogue is read the box's suggestions come from it (Cypher scans every name at 10,000
    documents): the same rows in the same order."""
    from queries.web import catalogue, fulltext, search

    cat = catalogue.catalogue(seed_store)
    for limit in (10, 30):
        assert fulltext.suggest(cat, q, limit) == search.suggest(seed_store, q, limit)
