"""The query service over real HTTP (uvicorn on a free loopback port) on ``small_graph()``.

The user questions: the owners of Zhejiang's 统筹科学智算高效供给 in rank order;
Songshan Lake (松山湖, 东莞松山湖) leads to the 2030 goal naming it.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import time

import httpx
import pytest

from tests.queries.small_service import small_service

OWNERS = ["浙江省发展和改革委员会", "之江实验室", "浙江省科学技术厅"]
GOAL_2030 = "打造广州国际生物岛、深圳河套、珠海唐家湾、东莞松山湖等人工智能赋能科学研究高地"


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    with small_service(tmp_path_factory.mktemp("http-data"), query_time_limit_ms=3000) as (url, store):
        yield url, store


@pytest.fixture(scope="module")
def url(service):
    return service[0]


def get(url, path, headers=None, **params):
    return httpx.get(url + path, params=params, headers=headers, timeout=30)


def post(url, path, body=None, **kwargs):
    return httpx.post(url + path, json=body, timeout=30, **kwargs)


def records(response):
    body = response.json()
    return [dict(zip(body["columns"], row, strict=True)) for row in body["rows"]]


# -- the user questions ----------------------------------------------------------
def test_owners_of_zhejiangs_computing_measure_in_rank_order(url):
    r = get(url, "/queries/measure-owners", measure="统筹科学智算高效供给", province="浙江")
    assert r.status_code == 200, r.text
    rows = records(r)
    assert [row["agency"] for row in rows] == OWNERS
    assert [row["rank"] for row in rows] == [1, 2, 3]
    assert {row["province"] for row in rows} == {"浙江省"}
    assert all("省发展改革委、之江实验室、省科技厅" in row["evidence"] for row in rows)
    # the same by English province name, POSTed
    r = post(url, "/queries/measure-owners", {"params": {"measure": "统筹科学智算", "province": "Zhejiang"}})
    assert [row["agency"] for row in records(r)] == OWNERS


@pytest.mark.parametrize("site", ["松山湖", "Songshan Lake", "东莞松山湖", "songshan"])
def test_site_leads_to_the_2030_goal_naming_it(url, site):
    r = get(url, "/queries/site-to-goals", site=site)
    assert r.status_code == 200, r.text
    rows = records(r)
    direct = [row for row in rows if row["via"] == "target names the site"]
    assert [(row["goal"], row["year"], row["names_site"]) for row in direct] == [(GOAL_2030, 2030, True)]
    path = direct[0]["path"]
    assert path["nodes"][0]["properties"]["name"] == "松山湖"
    assert path["relationships"][0]["type"] == "AT_SITE"
    # the measure naming the site, which sets no target of its own; not its plan's other goals
    assert [(row["via"], row["measure"], row["goal"]) for row in rows[1:]] == [
        ("measure names the site", "推动人工智能与材料科学深度融合", None)]
    steps = [n["labels"][0] for n in rows[1]["path"]["nodes"]]
    assert steps == ["Site", "Measure"]


def test_agency_measures_with_co_owners(url):
    rows = records(get(url, "/queries/agency-measures", agency="Zhejiang Lab"))
    measures = [r for r in rows if r["relation"] == "responsible for measure"]
    assert [r["measure"] for r in measures] == sorted(r["measure"] for r in measures) or len(measures) == 2
    by_title = {r["measure"]: r for r in measures}
    assert by_title["统筹科学智算高效供给"]["co_owners"] == ["浙江省发展和改革委员会", "浙江省科学技术厅"]
    assert by_title["推动科学数据有效组织"]["rank"] == 2
    coordinated = records(get(url, "/queries/agency-measures", agency="省科技厅"))
    assert any(r["relation"] == "coordinates plan" for r in coordinated)


def test_search_ranks_by_words_and_matches_english_names(url):
    rows = records(get(url, "/queries/search", q="科学智算"))
    assert rows[0]["measure"] == "统筹科学智算高效供给"
    assert rows[0]["score"] > rows[-1]["score"] and set(rows[0]["matched"]) == {"科学", "智算"}
    rows = records(get(url, "/queries/search", q="Songshan Lake"))
    assert [r["measure"] for r in rows] == ["推动人工智能与材料科学深度融合"]
    assert records(get(url, "/queries/search", q="火星基地")) == []


def test_path_between_two_named_entities(url):
    rows = records(get(url, "/queries/path", **{"from": "Songshan Lake", "to": "中共广东省委科技委员会"}))
    assert rows[0]["hops"] == 3 and rows[0]["steps"][0] == "松山湖"
    assert rows[0]["steps"][-1] == "中共广东省委科技委员会"
    assert [r["hops"] for r in rows] == sorted(r["hops"] for r in rows)
    path = rows[0]["path"]
    assert len(path["relationships"]) == 3 and len(path["nodes"]) == 4


def test_plan_targets_and_province_overview(url):
    rows = records(get(url, "/queries/plan-targets", province="Guangdong", year_from=2028))
    assert [(r["year"], r["qualitative"]) for r in rows] == [(2030, True)]
    rows = records(get(url, "/queries/plan-targets", unit="个", qualitative="false"))
    assert {r["province"] for r in rows} == {"广东省", "浙江省"} and all(r["value"] for r in rows)
    overview = {r["province"]: r for r in records(get(url, "/queries/province-overview"))}
    assert set(overview) == {"广东省", "浙江省"}
    assert overview["浙江省"]["measures"] == 2 and overview["浙江省"]["agency_count"] == 4
    assert overview["广东省"]["sites"] == ["松山湖"] and overview["广东省"]["target_years"] == [2027, 2030]


def test_every_named_query_answers_its_examples(url):
    listing = get(url, "/queries").json()["queries"]
    names = {q["name"] for q in listing}
    assert {"measure-owners", "agency-measures", "site-to-goals", "plan-targets", "province-overview",
            "search", "path"} <= names
    for q in listing:
        assert q["params"] and all({"name", "type", "required", "default"} <= set(p) for p in q["params"])
        for example in q["examples"] or [{}]:
            r = get(url, f"/queries/{q['name']}", **example)
            assert r.status_code == 200, (q["name"], r.text)
            assert r.json()["rows"], (q["name"], example)


# -- /cypher -----------------------------------------------------------------------
def test_cypher_returns_nodes_relationships_and_paths_as_json(url):
    r = post(url, "/cypher", {"query": "MATCH p = (a:Agency)-[r:RESPONSIBLE_FOR]->(m:Measure {title: $t}) "
                                       "RETURN a, r, p ORDER BY r.rank", "params": {"t": "统筹科学智算高效供给"}})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["columns"] == ["a", "r", "p"] and body["stats"]["truncated"] is False
    agency, rel, path = body["rows"][0]
    assert agency["labels"] == ["Agency"] and agency["properties"]["name"] == OWNERS[0]
    assert rel["type"] == "RESPONSIBLE_FOR" and rel["start"] == agency["id"] and rel["end"].startswith("measure-")
    assert [n["id"] for n in path["nodes"]] == [rel["start"], rel["end"]]
    assert body["stats"]["elapsed_ms"] >= 0


def test_row_cap_says_truncated(url):
    body = post(url, "/cypher", {"query": "MATCH (n) RETURN n.id", "max_rows": 3}).json()
    assert len(body["rows"]) == 3 and body["stats"]["truncated"] is True
    body = post(url, "/cypher", {"query": "MATCH (n:Province) RETURN n.id", "max_rows": 3}).json()
    assert body["stats"]["truncated"] is False
    r = get(url, "/queries/province-overview", max_rows=1)
    assert r.json()["stats"]["truncated"] is True and len(r.json()["rows"]) == 1


def test_the_service_row_cap_is_a_setting(tmp_path):
    with small_service(tmp_path / "data", max_rows=5) as (url, _):
        body = post(url, "/cypher", {"query": "MATCH (n) RETURN n.id"}).json()
        assert len(body["rows"]) == 5 and body["stats"]["truncated"] is True
        r = post(url, "/cypher", {"query": "MATCH (n) RETURN n.id", "max_rows": 50})
        assert r.status_code == 400 and r.json()["error"]["setting"] == "max_rows"


def test_csv_on_request(url):
    r = get(url, "/queries/measure-owners", headers={"Accept": "text/csv"}, measure="统筹科学智算高效供给")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["agency"] for row in rows] == OWNERS and rows[0]["rank"] == "1"
    r = get(url, "/queries/site-to-goals", format="csv", site="松山湖")
    path = json.loads(next(csv.DictReader(io.StringIO(r.text)))["path"])
    assert path["nodes"][0]["properties"]["name"] == "松山湖"
    r = post(url, "/cypher", {"query": "RETURN 1 AS one, [1, 2] AS xs"}, headers={"Accept": "text/csv"})
    assert r.text == "one,xs\n1,\"[1, 2]\"\n"


def db_time(response) -> float:
    name, _, duration = response.headers["server-timing"].partition(";dur=")
    assert name == "db"
    return float(duration)


def test_answers_say_the_databases_share_of_their_time(url):
    r = get(url, "/queries/measure-owners", measure="统筹科学智算高效供给")
    assert db_time(r) == r.json()["stats"]["elapsed_ms"] > 0
    r = get(url, "/queries/measure-owners", format="csv", measure="统筹科学智算高效供给")
    assert r.headers["content-type"].startswith("text/csv") and db_time(r) > 0
    r = post(url, "/cypher", {"query": "MATCH (n) RETURN count(n) AS n"})
    assert db_time(r) == r.json()["stats"]["elapsed_ms"]


# -- errors: one JSON shape, a clear 4xx --------------------------------------------------
def error(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and {"status", "code", "message", "setting"} <= set(body["error"])
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


def test_syntax_errors_carry_the_databases_message(url):
    e = error(post(url, "/cypher", {"query": "MATCH (n RETURN n"}), 400)
    assert e["code"] == "query_error" and "Invalid input" in e["message"]
    e = error(post(url, "/cypher", {"query": "RETURN $missing + 1"}), 400)
    assert "Missing parameters" in e["message"]


def test_malformed_json_and_wrong_body_types(url):
    e = error(httpx.post(url + "/cypher", content=b'{"query": "RETURN 1",', timeout=30,
                         headers={"content-type": "application/json"}), 400)
    assert e["code"] == "malformed_json"
    e = error(httpx.post(url + "/queries/search", content=b"{nope", timeout=30), 400)
    assert e["code"] == "malformed_json"
    e = error(post(url, "/cypher", {"query": 5}), 422)
    assert e["code"] == "invalid_request" and "query" in e["message"]
    error(post(url, "/cypher", {"query": "RETURN 1", "params": []}), 422)
    error(post(url, "/cypher", {"query": "RETURN 1", "limit": 1}), 422)
    e = error(post(url, "/cypher", {"query": "RETURN $x", "params": {"bad name": 1}}), 400)
    assert "bad name" in e["message"]
    error(post(url, "/cypher", {"query": "   "}), 400)


def test_wrong_parameter_types_name_the_parameter(url):
    e = error(get(url, "/queries/measure-owners", limit="many"), 400)
    assert e["code"] == "bad_parameter" and e["param"] == "limit" and "integer" in e["message"]
    e = error(post(url, "/queries/measure-owners", {"params": {"limit": "5"}}), 400)
    assert e["param"] == "limit"
    e = error(post(url, "/queries/plan-targets", {"params": {"qualitative": "yes"}}), 400)
    assert e["param"] == "qualitative"
    e = error(post(url, "/queries/measure-owners", {"params": {"colour": "red"}}), 400)
    assert "colour" in e["message"] and "plan" in e["message"]
    e = error(get(url, "/queries/site-to-goals"), 400)
    assert e["param"] == "site" and "needs" in e["message"]
    e = error(post(url, "/queries/search", [1, 2]), 400)
    e = error(post(url, "/queries/search", {"params": {"q": "x"}, "extra": 1}), 400)
    assert "extra" in e["message"]


def test_unknown_named_query_and_path(url):
    e = error(get(url, "/queries/who-knows"), 404)
    assert e["code"] == "unknown_query" and "measure-owners" in e["message"]
    error(post(url, "/queries/who-knows", {}), 404)
    e = error(get(url, "/no/such/page"), 404)
    assert "/docs" in e["message"]
    error(httpx.delete(url + "/cypher", timeout=30), 405)


def test_bodies_over_one_mebibyte_are_refused(url):
    big = {"query": "RETURN 1 // " + "x" * (1 << 20)}
    e = error(post(url, "/cypher", big), 413)
    assert e["setting"] == "max_body_bytes"

    def chunks():  # no Content-Length: the limit still holds while streaming
        yield b'{"query": "RETURN 1 //'
        for _ in range(70):
            yield b"y" * 16384
        yield b'"}'

    error(httpx.post(url + "/cypher", content=chunks(), headers={"content-type": "application/json"},
                     timeout=30), 413)
    # just under the limit is fine (in a parameter: the query text has its own, smaller limit)
    ok = post(url, "/cypher", {"query": "RETURN size($x) AS n", "params": {"x": "x" * ((1 << 20) - 100)}})
    assert ok.status_code == 200 and ok.json()["rows"] == [[(1 << 20) - 100]]


def test_health_docs_and_openapi(url):
    body = get(url, "/health").json()
    assert body["status"] == "ok" and body["nodes"] == 20 and body["store"] == "embedded"
    assert "swagger" in get(url, "/docs").text.lower()
    paths = get(url, "/openapi.json").json()["paths"]
    assert {"/cypher", "/queries", "/queries/{name}", "/health", "/admin/rebuild"} <= set(paths)
    # the routes that read their own request still document their path parameter
    for method in ("get", "post"):
        (name,) = paths["/queries/{name}"][method]["parameters"]
        assert name["name"] == "name" and name["in"] == "path" and "GET /queries" in name["description"]


def test_one_log_line_per_request(url, caplog):
    def lines():
        return [r.getMessage() for r in caplog.records if r.name == "policykg.http"]

    with caplog.at_level(logging.INFO, logger="policykg.http"):
        get(url, "/health")
        post(url, "/cypher", {"query": "MATCH (n) SET n.x = 1"})
        deadline = time.monotonic() + 5
        while len(lines()) < 2 and time.monotonic() < deadline:  # written just after the answer has gone
            time.sleep(0.01)
    lines = lines()
    assert len(lines) == 2
    assert lines[0].startswith("GET /health 200 ") and lines[1].startswith("POST /cypher 403 ")


def test_an_empty_data_directory_says_so(tmp_path):
    from queries.app import create_app
    from tests.conftest import settings_for
    from tests.queries.http_server import serving

    with serving(create_app(settings_for(tmp_path / "empty"))) as empty:
        assert get(empty, "/health").json()["status"] == "empty"
        e = error(post(empty, "/cypher", {"query": "MATCH (n) RETURN n"}), 400)
        assert "policykg build" in e["message"]


def test_api_docs_need_no_network(url):
    page = httpx.get(f"{url}/docs", timeout=10).text
    assert "swagger" in page.lower()
    assert "cdn" not in page.lower() and "https://" not in page.split("<body")[0]
