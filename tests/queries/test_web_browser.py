"""The web page in a real headless Chromium (Debian's ``chromium``) driven by Playwright.

One browser for the whole module, against a real ``policykg serve`` process
over the seed graph (fixtures in ``browser_support``). Each view leaves a
screenshot in ``tests/artifacts/`` (gitignored).
"""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from tests.queries.browser_support import ARTIFACTS, shot, wait_view
from tests.queries.web_support import many_plans, policykg_serve

ZJ_PLAN_TITLE = "浙江省加快推动“人工智能+科学”创新发展行动计划"
ZJ_FIRST_OWNERS = ["浙江省发展和改革委员会", "之江实验室", "浙江省科学技术厅"]


def search(tab, text: str, label: str, name_part: str) -> None:
    """Type into the search box and click the first suggestion of ``label`` whose name holds ``name_part``."""
    tab.fill("#search", text)
    suggestion = tab.locator(f".suggestion[data-label='{label}']", has_text=name_part).first
    suggestion.wait_for()
    suggestion.click()


# -- the views ----------------------------------------------------------------------
def test_search_songshan_lake_leads_to_the_site_and_its_2030_goal(page):
    page.fill("#search", "松山湖")
    page.locator(".suggestion").first.wait_for()
    shot(page, "search-suggestions")
    search(page, "松山湖", "Site", "松山湖")
    wait_view(page, "#/site/")
    assert page.inner_text("h1.entity-title") == "松山湖"
    goal = page.locator("[data-section=site_goals] li.goal[data-year='2030']").first
    assert "松山湖" in goal.inner_text()
    page.locator("#site-graph canvas").first.wait_for()  # the trace is drawn
    assert page.locator("[data-section=site_measures] li.measure").count() >= 1
    shot(page, "site")


def test_english_name_finds_the_site_too(page):
    search(page, "Songshan Lake", "Site", "松山湖")
    wait_view(page, "#/site/")
    assert page.inner_text("h1.entity-title") == "松山湖"


def test_zhejiang_plan_shows_the_owners_of_its_first_measure_in_order(page):
    search(page, ZJ_PLAN_TITLE, "Plan", "浙江省")
    wait_view(page, "#/plan/")
    assert page.inner_text("h1.entity-title").replace(" ", "").startswith(ZJ_PLAN_TITLE)
    first_measure = page.locator("[data-section=measures] li.measure").first
    assert "统筹科学智算高效供给" in first_measure.inner_text()
    assert first_measure.locator(".owner-name").all_inner_texts() == ZJ_FIRST_OWNERS
    # the evidence sentence shows on demand
    quote = first_measure.locator("li.owner details.evidence").first
    assert not quote.locator("blockquote").is_visible()
    quote.locator("summary").click()
    assert "责任单位" in quote.locator("blockquote").inner_text()
    shot(page, "plan")


def test_plan_measures_page_through(page):
    search(page, ZJ_PLAN_TITLE, "Plan", "浙江省")
    wait_view(page, "#/plan/")
    measures = page.locator("[data-list=measures]")
    first_titles = measures.locator(".measure-title").all_inner_texts()
    assert len(first_titles) <= 20
    if measures.locator("div.pager").count():
        measures.locator("button.next").click()
        page.wait_for_function("() => !document.querySelector('[data-list=measures]').classList.contains('busy')")
        assert measures.locator(".measure-title").all_inner_texts() != first_titles


def test_agency_page_lists_measures_across_plans_and_co_owners(page):
    search(page, "省科技厅", "Agency", "浙江省科学技术厅")
    wait_view(page, "#/agency/")
    assert page.inner_text("h1.entity-title") == "浙江省科学技术厅"
    assert page.locator("[data-section=agency_measures] tbody tr").count() >= 1
    assert "浙江省发展和改革委员会" in page.inner_text("[data-section=co_owners]")
    shot(page, "agency")


def test_topic_word_suggests_measures(page):
    page.fill("#search", "算力")
    page.locator(".suggestion[data-label='Measure']").first.wait_for()
    page.press("#search", "Enter")
    wait_view(page, "#/search")
    assert page.locator(".search-results li.hit").count() >= 3


def test_province_page_and_filtered_targets_table_with_csv(page, base_url):
    page.locator("a.kind-Province", has_text="浙江省").first.click()
    wait_view(page, "#/place/")
    assert page.inner_text("h1.entity-title") == "浙江省"
    shot(page, "province")
    page.locator("table.years a").first.click()  # a year of the province's targets
    wait_view(page, "#/targets")
    rows = page.locator("table.targets-table tbody tr")
    assert rows.count() >= 1
    assert set(page.locator("table.targets-table tbody tr td:nth-child(5)").all_inner_texts()) == {"浙江省"}
    page.select_option("#filter-year", "")
    wait_view(page, "#/targets?province=")
    total_zj = rows.count()
    href = page.get_attribute("#targets-csv", "href")
    assert "format=csv" in href and "province=" in href
    answer = page.request.get(base_url + href)
    assert answer.ok
    assert len(list(csv.DictReader(io.StringIO(answer.text())))) == total_zj
    shot(page, "targets")


def run_console(page) -> None:
    page.click("#console-run")
    page.wait_for_function("() => { const s = document.getElementById('console-status');"
                           " const o = document.getElementById('console-output');"
                           " return !document.getElementById('console-run').disabled"
                           " && (s.querySelector('.rows') || o.querySelector('.error')); }")


def test_console_runs_cypher_and_shows_a_table_and_a_graph(page):
    page.click("nav.main a[data-route=console]")
    wait_view(page, "#/console")
    page.fill("#cypher-editor", "MATCH (p:Plan)-[r:COVERS]->(x:Province)\n"
                                "RETURN p.title AS title, x.name AS province, p, r, x ORDER BY title")
    page.press("#cypher-editor", "Control+Enter")
    page.wait_for_selector("#console-status .rows")
    table = page.locator("table.console-table")
    assert table.locator("thead th").all_inner_texts()[:2] == ["title", "province"]
    assert table.locator("tbody tr").count() >= 4
    assert "浙江省" in table.locator("tbody").inner_text()
    shot(page, "console-table")
    page.click("#tab-graph")
    page.locator(".console-graph canvas").first.wait_for()
    shot(page, "console-graph")


def test_console_shows_the_database_error_as_given(page, base_url):
    page.goto(base_url + "/#/console")
    wait_view(page, "#/console")
    page.fill("#cypher-editor", "MATCH (n RETURN n")
    run_console(page)
    message = page.inner_text("#console-output .error-message")
    given = httpx.post(base_url + "/cypher", json={"query": "MATCH (n RETURN n"}, timeout=30).json()
    assert message == given["error"]["message"] and message
    page.fill("#cypher-editor", "CREATE (n:Plan {title: 'x'}) RETURN n")
    run_console(page)
    assert page.locator("#console-output .error-message").inner_text()  # writes are refused, and said so


def test_console_named_query_with_its_parameter_form(page, base_url):
    page.goto(base_url + "/#/console")
    wait_view(page, "#/console")
    page.locator("#named-query option[value=measure-owners]").wait_for(state="attached")
    page.select_option("#named-query", "measure-owners")
    form = page.locator("#query-params")
    assert form.locator("input[name=province]").input_value() == "浙江"  # filled from the query's example
    form.locator("input[name=measure]").fill("统筹科学智算高效供给")
    run_console(page)
    rows = page.locator("table.console-table tbody tr")
    assert rows.count() == 3
    text = page.inner_text("table.console-table tbody")
    positions = [text.index(name) for name in ZJ_FIRST_OWNERS]
    assert positions == sorted(positions)  # the owners in rank order
    shot(page, "console-named")


def test_language_switch_relabels_the_page_and_is_kept(page):
    assert page.inner_text("nav.main a[data-route=targets]") == "目标"
    page.click("#lang-toggle")
    wait_view(page, "#/")
    assert page.inner_text("nav.main a[data-route=targets]") == "Targets"
    assert page.get_attribute("html", "lang") == "en"
    assert page.inner_text("#lang-toggle") == "中文"
    shot(page, "home-en")
    page.reload()
    wait_view(page, "#/")
    assert page.inner_text("nav.main a[data-route=console]") == "Console"
    search(page, "省科技厅", "Agency", "浙江省科学技术厅")
    wait_view(page, "#/agency/")
    assert page.inner_text("h1.entity-title") == "Department of Science and Technology of Zhejiang Province"
    shot(page, "agency-en")
    page.click("#lang-toggle")
    wait_view(page, "#/agency/")
    assert page.inner_text("h1.entity-title") == "浙江省科学技术厅"


def test_home_page_screenshot_for_the_readme(page):
    page.set_viewport_size({"width": 1280, "height": 860})
    search(page, "松山湖", "Site", "松山湖")
    wait_view(page, "#/site/")
    page.locator("#site-graph canvas").first.wait_for()
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / "web-readme.png"))


# -- a graph of 10,000 plans ------------------------------------------------------------
@pytest.fixture(scope="module")
def big_url(tmp_path_factory):
    from graph.store.falkor import FalkorStore
    from tests.conftest import settings_for

    settings = settings_for(tmp_path_factory.mktemp("big-graph"))
    store = FalkorStore(settings)
    try:
        store.replace_graph(many_plans(10_000))
    finally:
        store.close()
    with policykg_serve(settings.data_dir) as url:
        yield url


def test_ten_thousand_plans_stay_paged(browser, big_url):
    tab = browser.new_page()
    try:
        tab.goto(big_url + "/")
        wait_view(tab, "#/")
        plans = tab.locator("[data-list=plans]")
        assert plans.locator("ul.plan-list > li").count() == 20
        assert "10000" in plans.locator("div.pager .range").inner_text()
        plans.locator("button.next").click()
        tab.wait_for_function("() => document.querySelector('[data-list=plans] .range').textContent.includes('21')")
        # a site named by 20,000 measures: the trace is drawn for a few, the lists are paged
        tab.goto(big_url + "/#/site/site-big")
        wait_view(tab, "#/site/")
        assert tab.locator("[data-section=site_measures] li.measure").count() == 20
        assert "20000" in tab.inner_text("[data-section=site_measures] div.pager")
        assert tab.locator(".note").count() == 1  # says the drawing shows only the first ones
        shot(tab, "big-site")
        tab.goto(big_url + "/#/targets")
        wait_view(tab, "#/targets")
        assert tab.locator("table.targets-table tbody tr").count() == 50
    finally:
        tab.close()
