"""``/analysis/...`` over real HTTP (uvicorn on a free loopback port)."""

from __future__ import annotations

import csv
import io
import socket
import threading
import time

import httpx
import pytest
import uvicorn

from queries.app import create_app
from tests.conftest import settings_for


@pytest.fixture(scope="module")
def base_url(analysis_data_dir):
    app = create_app(settings_for(analysis_data_dir))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    sock.close()


def get(base_url, path, **params):
    return httpx.get(base_url + path, params=params, timeout=60)


def test_agencies(base_url):
    r = get(base_url, "/analysis/agencies", province="Zhejiang")
    assert r.status_code == 200
    body = r.json()
    assert body["analysis"] == "agencies" and body["params"] == {"province": "Zhejiang"}
    assert body["rows"][0]["agency"] == "浙江省科学技术厅" and body["count"] == len(body["rows"])


def test_agency_network(base_url):
    body = get(base_url, "/analysis/agencies/network").json()
    ids = {n["id"] for n in body["nodes"]}
    assert sorted(n for group in body["communities"] for n in group) == sorted(ids)
    assert all(link["weight"] == len(link["measures"]) for link in body["links"])


def test_plans_sites_and_chains(base_url):
    assert get(base_url, "/analysis/plans", top=1).json()["count"] == 1
    assert get(base_url, "/analysis/sites").json()["rows"][0]["site"] == "松山湖"
    chains = get(base_url, "/analysis/sites/chains", **{"from": "Songshan Lake", "to": "光明科学城"}).json()
    assert chains["analysis"] == "chains" and chains["rows"][0]["steps"][0]["name"] == "松山湖"


def test_compare_targets_and_trajectory(base_url):
    rows = get(base_url, "/analysis/compare-targets", category="computing_capacity", year=2027).json()["rows"]
    assert [(r["province"], r["value_norm"], r["unit_norm"]) for r in rows] == [("广东省", 60, "EFLOPS"),
                                                                               ("浙江省", 0.9, "EFLOPS")]
    rows = get(base_url, "/analysis/trajectory", province="广东", category="ai_core_industry_scale").json()["rows"]
    assert [r["value_norm"] for r in rows] == [1500, 3000, 4400]


def test_csv(base_url):
    r = get(base_url, "/analysis/targets", category="large_models", format="csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["province"] for row in rows} == {"广东省", "浙江省"}


@pytest.mark.parametrize(("path", "params", "kind"), [
    ("/analysis/charts/targets.png", {"category": "computing_capacity"}, "image/png"),
    ("/analysis/charts/trajectory.svg", {"province": "广东", "category": "ai_core_industry_scale"}, "image/svg+xml"),
    ("/analysis/charts/agencies.png", {}, "image/png"),
])
def test_charts(base_url, path, params, kind):
    r = get(base_url, path, **params)
    assert r.status_code == 200 and r.headers["content-type"] == kind
    assert r.content.startswith(b"\x89PNG") if kind == "image/png" else b"<svg" in r.content


def test_errors_name_what_to_change(base_url):
    r = get(base_url, "/analysis/agencies", province="火星")
    assert r.status_code == 404 and "province" in r.text
    r = get(base_url, "/analysis/compare-targets", category="rockets")
    assert r.status_code == 404 and "computing_capacity (computing capacity, 算力规模)" in r.text
    r = get(base_url, "/analysis/charts/targets.png")
    assert r.status_code == 400 and "category" in r.text


@pytest.mark.parametrize(("path", "params", "param"), [
    ("/analysis/charts/targets.png", {}, "category"),
    ("/analysis/charts/trajectory.svg", {"category": "ai_core_industry_scale"}, "province"),
    ("/analysis/trajectory", {"province": "广东"}, "category"),
    ("/analysis/sites/chains", {"from": "松山湖"}, "to"),
    ("/analysis/agencies", {"format": "xml"}, "format"),
    ("/analysis/targets", {"year": "next"}, "year"),
])
def test_a_missing_or_malformed_parameter_is_400_naming_it(base_url, path, params, param):
    """The README promises 400 for a missing parameter; FastAPI's own validation answered 422, and the
    chart's message named the command-line flag (--category) to an HTTP client."""
    r = get(base_url, path, **params)
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert (error["code"], error["param"]) == ("bad_parameter", param)
    assert param in error["message"] and "--" not in error["message"]
