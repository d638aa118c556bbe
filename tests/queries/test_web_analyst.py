"""Issue 20 in a real Chromium against a real ``policykg serve``: what stopped analysts, one test per point.

Each test asserts what the page does now and would fail on the page before
(search that only knew names, owners said under every measure, targets
without numbers, property dumps, no browsing, no charts, a graph that left the
page on a click, a console that forgot its query, CSV without a BOM). Phone
layout, titles, focus and accessibility are in ``test_web_access.py``.
"""

from __future__ import annotations

import csv
import io
import re

import httpx
import pytest

from tests.queries.browser_support import open_route, shot, wait_view

GD_SCIENCE_PLAN = "广东省加快推动人工智能赋能科学研究行动方案"
GD_MEASURES_PLAN = "广东省关于人工智能赋能千行百业的若干措施"
GD_SCIENCE_DEPT = "广东省科学技术厅"


@pytest.fixture(scope="module")
def api(base_url):
    with httpx.Client(base_url=base_url, timeout=60) as client:
        yield client


def suggested(api, q: str, label: str) -> dict:
    return next(i for i in api.get("/api/suggest", params={"q": q, "limit": 30}).json()["items"] if i["label"] == label)


def province_id(api, name: str) -> str:
    return suggested(api, name, "Province")["id"]


# -- 1. search finds text, keeps its query -------------------------------------------------
def test_search_finds_words_inside_measures_highlighted_with_facets(page, base_url):
    page.fill("#search", "材料基因数据库")
    page.press("#search", "Enter")
    wait_view(page, "#/search")
    hit = page.locator(".search-results li.hit[data-label=Measure]").first
    assert "推动人工智能与材料科学深度融合" in hit.inner_text()
    assert hit.locator("mark").first.inner_text() == "材料基因数据库"  # the words found, highlighted
    assert page.locator("[data-facet=province] a", has_text="广东省").count() == 1
    shot(page, "search-fulltext", readme=True)
    # the query survives a reload, and Esc closes suggestions without erasing it
    page.reload()
    wait_view(page, "#/search")
    assert page.input_value("#search") == "材料基因数据库"
    page.focus("#search")
    page.press("#search", "Escape")
    assert page.input_value("#search") == "材料基因数据库"


def test_a_site_name_finds_the_measures_and_goals_naming_it_and_facets_narrow(page, base_url):
    open_route(page, base_url, "#/search?q=松山湖")
    kinds = set(page.locator(".search-results li.hit").evaluate_all("els => els.map(e => e.dataset.label)"))
    assert {"Site", "Measure", "Target"} <= kinds
    page.locator("[data-facet=kind] a[data-value=Target]").click()
    wait_view(page, "#/search")
    labels = page.locator(".search-results li.hit").evaluate_all("els => els.map(e => e.dataset.label)")
    assert labels and set(labels) == {"Target"}
    assert "kind=Target" in page.evaluate("location.hash")


# -- 2. missing owners said once; an agency shows what it does --------------------------------
def test_a_plan_without_owners_says_so_once(page, base_url, api):
    plan = suggested(api, GD_SCIENCE_PLAN, "Plan")
    open_route(page, base_url, f"#/plan/{plan['id']}")
    text = page.inner_text("#view")
    assert text.count("未写明") == 1, "said once, at plan level"
    assert page.locator(".owners-note").inner_text() == "本文件未写明各项举措的责任单位。"
    assert page.locator("[data-section=measures] li.measure").count() == 19


def test_an_agency_without_measures_shows_what_it_issues_and_coordinates(page, base_url, api):
    agency = suggested(api, GD_SCIENCE_DEPT, "Agency")
    open_route(page, base_url, f"#/agency/{agency['id']}")
    assert page.locator("[data-section=agency_measures]").count() == 0  # no "(0) 无"
    roles = page.inner_text(".agency-roles")
    assert "发布 1 份规划" in roles and "统筹推进 1 份规划" in roles
    assert page.locator("[data-section=plans_issued] a.kind-Plan").count() == 1
    assert page.locator("[data-section=plans_coordinated] a.kind-Plan").count() == 1
    shot(page, "agency-roles")


# -- 3. targets keep their numbers ---------------------------------------------------------------
def test_targets_keep_their_numbers_in_the_plan_outline(page, base_url, api):
    plan = suggested(api, GD_MEASURES_PLAN, "Plan")
    open_route(page, base_url, f"#/plan/{plan['id']}")
    measures = page.locator("[data-list=measures]")
    while not measures.locator("li.measure", has_text="加强智能软件研发创新").count():
        measures.locator("button.next").click()
        page.wait_for_function("() => !document.querySelector('[data-list=measures]').classList.contains('busy')")
    item = measures.locator("li.measure", has_text="加强智能软件研发创新")
    assert "2027 智能软件产业规模 ≥270 亿元" in item.locator(".measure-targets").inner_text()


# -- 4. readable measure and target pages -----------------------------------------------------------
def test_a_target_page_reads_as_a_sentence_with_its_breadcrumb_and_document(page, base_url, api):
    hit = api.get("/api/search", params={"q": "智能软件产业规模", "kind": "Target"}).json()["items"][0]
    open_route(page, base_url, f"#/target/{hit['id']}")
    crumbs = page.locator("nav.breadcrumb li").all_inner_texts()
    assert crumbs[0] == GD_MEASURES_PLAN and crumbs[2] == "3. 加强智能软件研发创新"
    assert page.inner_text("h1") == "2027 智能软件产业规模 ≥270 亿元"
    text = page.inner_text("#view")
    for raw in ("ordinal", "qualitative", "true", "false", ".txt", "sector_output", "metric_category"):
        assert raw not in text, f"{raw!r} is a property dump"
    assert "产业营业收入" in text and "定量目标" in text  # the category and kind, in words
    assert "粤办函〔2024〕88号" in page.inner_text(".source-line")
    shot(page, "target", readme=True)
    page.click(".doc-text-link")
    wait_view(page, "#/doc/")
    assert "智能软件产业规模达到270亿元" in page.inner_text("pre.document-text")
    shot(page, "document")


def test_a_measure_page_has_its_breadcrumb_and_no_file_name(page, base_url, api):
    hit = api.get("/api/search", params={"q": "材料基因数据库", "kind": "Measure"}).json()["items"][0]
    open_route(page, base_url, f"#/measure/{hit['id']}")
    crumbs = page.locator("nav.breadcrumb li").all_inner_texts()
    assert crumbs[0].startswith(GD_SCIENCE_PLAN) and crumbs[1] == "重点任务"
    assert crumbs[-1] == "推动人工智能与材料科学深度融合"
    text = page.inner_text("#view")
    assert "000_130bc7b1a5085c00" not in text and "ordinal" not in text and "level" not in text
    assert "本文件未写明各项举措的责任单位。" in text  # the plan names no owners: said as such
    assert page.locator("[data-section=sites] a.kind-Site", has_text="松山湖").count() == 1
    shot(page, "measure")


# -- 5. browse with facets and counts ------------------------------------------------------------
def test_browse_sites_by_province_reaches_all_of_guangdong_at_once(page, base_url, api):
    open_route(page, base_url, "#/browse/sites")
    guangdong = page.locator("[data-facet=province] a", has_text="广东省")
    count = int(re.search(r"\((\d+)\)", guangdong.inner_text()).group(1))
    assert count >= 40  # the seed graph's Guangdong sites (their number follows extraction)
    guangdong.click()
    wait_view(page, "#/browse/sites")
    assert page.locator("[role=status]").inner_text() == f"共 {count} 条"  # all of them, on one page
    assert re.search(r"\(\d+\)$", page.locator("[data-facet=city] a", has_text="深圳市").inner_text())
    shot(page, "browse-sites", readme=True)
    open_route(page, base_url, "#/browse/plans")
    for name in ("province", "level", "kind", "year"):
        assert page.locator(f"[data-facet={name}] a .count").count() >= 1, name
    page.locator("[data-facet=kind] a[data-value=若干措施]").click()
    wait_view(page, "#/browse/plans")
    assert page.locator("ul.browse-list li").count() == 2
    open_route(page, base_url, "#/browse/agencies")
    page.locator("[data-facet=role] a[data-value=issues]").click()
    wait_view(page, "#/browse/agencies")
    assert page.locator("ul.browse-list li", has_text=GD_SCIENCE_DEPT).count() == 1


# -- 6. pictures: charts and graphs -------------------------------------------------------------------
def chart_points(page, name: str) -> int:
    page.wait_for_selector(f".chart-box[data-chart={name}][data-drawn=true]")
    return page.locator(f".chart-box[data-chart={name}] canvas").evaluate(
        "c => c.chart.data.datasets.reduce((n, d) => n + d.data.filter(v => v !== 0).length, 0)")


def test_charts_by_year_trajectory_and_province_against_province(page, base_url, api):
    gd, zj = province_id(api, "广东"), province_id(api, "浙江")
    open_route(page, base_url, f"#/charts?province={gd}")
    assert chart_points(page, "by-year") > 0
    assert chart_points(page, "trajectory") > 0
    row = page.locator("table.trajectory-table tbody tr").first
    assert row.locator("a[href^='#/target/']").count() == 1  # each point one click from its sentence
    page.select_option("#chart-compare", zj)
    wait_view(page, "#/charts")
    assert chart_points(page, "compare") > 0
    shot(page, "charts-by-year", readme=True)
    page.locator("[data-section=chart_trajectory]").scroll_into_view_if_needed()
    shot(page, "charts-trajectory", readme=True)
    both = page.locator("table.compare-table tbody tr", has=page.locator("td a")).evaluate_all(
        "rows => rows.filter(r => r.querySelectorAll('td a').length === 2).length")
    assert both >= 1  # a metric both provinces set goals for, side by side
    shot(page, "charts")


def test_site_graph_has_a_legend_whole_labels_no_overlap_and_expands_in_place(page, base_url, api):
    site = suggested(api, "松山湖", "Site")
    open_route(page, base_url, f"#/site/{site['id']}")
    page.wait_for_function("() => Boolean(document.querySelector('.graph-panel').cy)")
    legend = page.locator(".graph-legend li").all_inner_texts()
    assert {"载体", "举措", "规划文件", "目标"} <= set(legend)
    names = page.evaluate("() => document.querySelector('.graph-panel').cy.nodes().map(n => n.data('name'))")
    assert any(len(n) > 20 for n in names) and not any(n.endswith("…") for n in names)
    overlaps = page.evaluate("""() => {
      const boxes = document.querySelector('.graph-panel').cy.nodes().map(n => n.boundingBox({includeLabels: true}));
      let found = 0;
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) found++;
      }
      return found; }""")
    assert overlaps == 0
    shot(page, "site-graph", readme=True)
    before = page.evaluate("() => document.querySelector('.graph-panel').cy.nodes().length")
    route = page.evaluate("location.hash")
    plan_node = page.evaluate(
        "() => document.querySelector('.graph-panel').cy.nodes().filter(n => n.data('label') === 'Plan')[0].id()")
    page.evaluate(f"() => {{ document.querySelector('.graph-panel').cy.getElementById('{plan_node}').emit('tap'); }}")
    page.wait_for_selector(".graph-panel[data-expanded='1']")
    assert page.evaluate("() => document.querySelector('.graph-panel').cy.nodes().length") > before
    assert page.evaluate("location.hash") == route  # expanded in place, the page stays
    assert page.locator(".graph-info a.open-page").get_attribute("href") == f"#/plan/{plan_node}"
    shot(page, "site-graph-expanded")


# -- 7. the console keeps its work -------------------------------------------------------------------
def test_console_state_lives_in_the_address_and_survives_back(page, base_url):
    open_route(page, base_url, "#/console")
    query = "MATCH (p:Plan) WHERE p.title CONTAINS '浙江' RETURN p.title AS title, p.cited_only AS cited"
    page.fill("#cypher-editor", query)
    page.press("#cypher-editor", "Control+Enter")
    page.wait_for_selector("#console-status .rows")
    assert "q=" in page.evaluate("location.hash")
    page.click("nav.main a[data-route=home]")
    wait_view(page, "#/")
    page.go_back()
    wait_view(page, "#/console")
    assert page.input_value("#cypher-editor") == query
    page.wait_for_selector("table.console-table tbody tr")
    with page.expect_download() as got:
        page.click("#download-csv")
    data = got.value.path().read_text(encoding="utf-8")
    assert data.startswith("\ufefftitle,cited")
    assert ",否" in data and "False" not in data
    with page.expect_download() as got:
        page.click("#download-json")
    assert '"columns"' in got.value.path().read_text(encoding="utf-8")


def test_console_schema_panel_table_tab_and_chinese_help(page, base_url):
    open_route(page, base_url, "#/console")
    page.click("#schema-panel summary")
    page.wait_for_selector("#schema-panel li[data-name=Plan]")
    assert page.locator("#schema-panel li[data-name=RESPONSIBLE_FOR]").count() == 1
    assert "title" in page.inner_text("#schema-panel li[data-name=Plan]")
    page.click("#schema-panel li[data-name=Site] button")
    assert page.input_value("#cypher-editor").startswith("MATCH (n:Site)")
    page.click("#tab-graph")
    page.fill("#cypher-editor", "MATCH (s:Site) RETURN s.name AS name LIMIT 3")
    page.press("#cypher-editor", "Control+Enter")
    page.wait_for_selector("#console-status .rows")
    assert "active" in page.get_attribute("#tab-table", "class")  # a table-shaped answer opens on the table
    assert page.locator("table.console-table tbody tr").count() == 3
    page.locator("#named-query option[value=measure-owners]").wait_for(state="attached")
    page.select_option("#named-query", "measure-owners")
    assert page.inner_text(".query-description").startswith("各项举措的责任单位")
    assert "省科技厅" in page.inner_text("#query-params")


# -- 10. CSV for a spreadsheet -------------------------------------------------------------------------
def test_targets_csv_has_a_bom_chinese_headers_and_yes_no(page, base_url):
    open_route(page, base_url, "#/targets")
    href = page.get_attribute("#targets-csv", "href")
    body = page.request.get(base_url + href).body()
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0][:3] == ["年份", "指标", "比较"]
    qualitative = rows[0].index("定性目标")
    assert {r[qualitative] for r in rows[1:]} == {"是", "否"}
    assert "True" not in body.decode("utf-8-sig")
    page.click("#lang-toggle")
    wait_view(page, "#/targets")
    href = page.get_attribute("#targets-csv", "href")
    header = page.request.get(base_url + href).text().lstrip("\ufeff").splitlines()[0]
    assert header.startswith("year,metric,comparator")
