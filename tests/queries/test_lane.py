"""The query lane answers ``GET /queries/{name}`` exactly as the route it stands in for.

Two services on one store, over real HTTP: the app as ``create_app`` makes
it, and the same app without the lane, where FastAPI's route answers. Every
answer must be the same but for the query's own time.
"""

from __future__ import annotations

import json

import httpx
import pytest

from queries.app import create_app
from tests.conftest import settings_for
from tests.queries.http_server import serving
from tests.queries.small_service import small_service


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("lane-data")
    with small_service(data_dir, query_time_limit_ms=3000) as (with_lane, store):
        app = create_app(settings_for(data_dir, query_time_limit_ms=3000), store=store)
        app.user_middleware = [m for m in app.user_middleware if m.cls.__name__ != "QueryLane"]
        with serving(app) as without:
            yield with_lane, without


def test_every_answer_is_the_routes(both):
    with_lane, without = both
    requests: list[tuple[str, dict, dict]] = []
    for q in httpx.get(without + "/queries", timeout=30).json()["queries"]:
        requests += [(f"/queries/{q['name']}", example, {}) for example in q["examples"] or [{}]]
    owners = "/queries/measure-owners"
    requests += [
        (owners, {"measure": "统筹科学智算高效供给"}, {"Accept": "text/csv"}),
        (owners, {"measure": "统筹科学智算高效供给", "format": "csv"}, {}),
        (owners, {"measure": "统筹科学智算高效供给", "max_rows": "1"}, {}),
        (owners, {"limit": "many"}, {}),
        (owners, {"timeout_ms": "soon"}, {}),
        (owners, {"timeout_ms": "999999"}, {}),
        (owners, {"colour": "red"}, {}),
        ("/queries/search", {"q": ""}, {}),
        ("/queries/search", {"q": ["松山湖", "算力"]}, {}),
        ("/queries/site-to-goals", {}, {}),
        ("/queries/who-knows", {}, {}),
        ("/queries/measure-owners/more", {}, {}),
    ]
    seen_statuses = set()
    for path, params, headers in requests:
        a = httpx.get(with_lane + path, params=params, headers=headers, timeout=30)
        b = httpx.get(without + path, params=params, headers=headers, timeout=30)
        assert comparable(a) == comparable(b), (path, params, headers)
        seen_statuses.add(a.status_code)
    assert {200, 400, 404} <= seen_statuses


def test_the_app_has_the_lane(tmp_path):
    from queries.lane import QueryLane

    app = create_app(settings_for(tmp_path / "data"))
    assert [m.cls for m in app.user_middleware].count(QueryLane) == 1


def test_other_methods_pass_to_the_routes(both):
    with_lane, _ = both
    r = httpx.post(with_lane + "/queries/measure-owners", json={"params": {"measure": "统筹科学智算高效供给"}},
                   timeout=30)
    assert r.status_code == 200 and r.json()["rows"]
    assert httpx.get(with_lane + "/queries", timeout=30).json()["queries"]
    assert httpx.delete(with_lane + "/queries/measure-owners", timeout=30).status_code == 405


def comparable(response: httpx.Response) -> tuple:
    headers = {k: v for k, v in response.headers.items() if k not in ("date", "server-timing")}
    body = response.text
    if response.headers.get("content-type", "").startswith("application/json"):
        data = json.loads(body)
        data.get("stats", {}).pop("elapsed_ms", None)
        body = json.dumps(data, sort_keys=True)
        headers.pop("content-length")  # the elapsed time's digits vary
    return response.status_code, headers, body, "server-timing" in response.headers
