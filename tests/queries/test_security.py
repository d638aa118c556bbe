"""Nothing a client sends changes the graph; a runaway query stops; admin needs the key.

Every write form is sent over real HTTP and must answer 403 with the reason,
the graph compared before and after through the store's export. Each of the
two read-only layers is also tried alone: the text guard (``queries.guard``)
without the engine, the engine's read mode (``GRAPH.RO_QUERY``) without the
guard.
"""

from __future__ import annotations

import threading
import time

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import QueryError, QueryTimeout, ReadOnlyError
from queries import named
from queries.app import create_app
from queries.guard import check_read_only, read_only_text, without_comments
from queries.run import DEADLINE_GRACE_MS, with_deadline
from tests.conftest import settings_for
from tests.queries.http_server import serving
from tests.queries.small_service import small_service

TIME_LIMIT_MS = 1500

WRITES = {
    "create": "CREATE (n:Plan {id: 'intruder', title: 'x'}) RETURN n",
    "merge": "MERGE (n:Plan {id: 'intruder'}) RETURN n",
    "set": "MATCH (n:Agency) SET n.name = 'x' RETURN n",
    "set labels": "MATCH (n:Agency) SET n:Intruder",
    "delete": "MATCH (n:Incentive) DELETE n",
    "detach delete": "MATCH (n) DETACH DELETE n",
    "remove property": "MATCH (n:Site) REMOVE n.name_en RETURN n",
    "remove label": "MATCH (n:Site) REMOVE n:Site RETURN n",
    "foreach": "MATCH (n:Plan) FOREACH (x IN [1] | SET n.hacked = x)",
    "create index": "CREATE INDEX FOR (n:Plan) ON (n.title)",
    "drop index": "DROP INDEX ON :Plan(id)",
    "fulltext procedure": "CALL db.idx.fulltext.createNodeIndex('Plan', 'title')",
    "drop procedure": "CALL db.idx.fulltext.drop('Plan')",
    "apoc procedure": "CALL apoc.create.node(['Intruder'], {id: 'x'}) YIELD node RETURN node",
    "apoc function": "RETURN apoc.cypher.runFirstColumnSingle('CREATE (n) RETURN n', {}) AS x",
    "dbms procedure": "CALL dbms.setConfigValue('x', 'y')",
    "load csv": "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "after with": "MATCH (n:Agency) WITH n LIMIT 1 SET n.name = 'x' RETURN n",
    "in union": "MATCH (n:Plan) RETURN n.id AS id UNION MATCH (m:Incentive) DETACH DELETE m RETURN 'x' AS id",
    "call subquery": "CALL { MATCH (n:Incentive) DETACH DELETE n } RETURN 1",
    "correlated subquery": "MATCH (n:Agency) CALL { WITH n SET n.name = 'x' } RETURN count(n)",
    "after procedure": "CALL db.labels() YIELD label CREATE (:Intruder {l: label})",
    "block comments": "MATCH (n) /* read only, promise */ DETACH /* */ DELETE n",
    "line comment": "MATCH (n) // just reading\nDETACH DELETE n",
    "comment ends at CR": "MATCH (n) // just reading\rDETACH DELETE n",
    "string before": "RETURN 'CREATE' AS s, \"DELETE\" AS t\nCREATE (:Intruder)",
    "escaped quote": "RETURN 'it\\'s' AS s CREATE (:Intruder)",
    "backslash at end": "RETURN '\\\\' AS s CREATE (:Intruder)",
    "backtick name": "MATCH (`n`) SET `n`.`name` = 'x'",
    "odd case": "mAtCh (n) dEtAcH dElEtE n",
    "lower case": "match (n:Agency) set n.name = 'x'",
    "no-break spaces": "MATCH (n)\u00a0DETACH\u2003DELETE\u3000n",
    "tabs and newlines": "MATCH (n)\r\n\tDETACH\x0bDELETE\x0cn",
    "zero-width space": "MATCH (n) DETACH DE\u200bLETE n",
    "fullwidth letters": "ＭＡＴＣＨ (n) ＤＥＴＡＣＨ ＤＥＬＥＴＥ n",
    "cyrillic letters": "MATCH (n) DETACH DEL\u0415TE n",
    "parameters": "MATCH (n:Plan {id: $id}) SET n.title = $title",
    "after a number's dot": "RETURN 1.CREATE (:Intruder)",
}


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    with small_service(tmp_path_factory.mktemp("security-data"), query_time_limit_ms=TIME_LIMIT_MS) as (url, store):
        yield url, store


@pytest.mark.parametrize("name", sorted(WRITES))
def test_every_write_is_refused_over_http_and_changes_nothing(service, name):
    url, store = service
    before = store.export().to_json()
    r = httpx.post(url + "/cypher", json={"query": WRITES[name], "params": {"id": "x", "title": "y"}}, timeout=30)
    assert r.status_code == 403, r.text
    error = r.json()["error"]
    assert error["code"] == "read_only" and "read-only" in error["message"]
    assert store.export().to_json() == before


@pytest.mark.parametrize("name", sorted(WRITES))
def test_the_text_guard_alone_refuses_every_write(name):
    with pytest.raises(ReadOnlyError):
        check_read_only(WRITES[name])


@pytest.mark.parametrize("name", sorted(WRITES))
def test_the_engines_read_mode_alone_refuses_every_write(service, name):
    """Bypassing the guard: GRAPH.RO_QUERY refuses (or cannot parse) each form itself."""
    _, store = service
    before = store.export().to_json()
    with pytest.raises(QueryError):
        store.read(WRITES[name], {"id": "x", "title": "y"})
    assert store.export().to_json() == before


def test_values_in_named_query_parameters_stay_values(service):
    url, store = service
    before = store.export().to_json()
    for q in ("'}) MATCH (n) DETACH DELETE n //", "\" DETACH DELETE n", "$x CREATE (:Intruder)"):
        r = httpx.get(url + "/queries/search", params={"q": q}, timeout=30)
        assert r.status_code == 200, r.text
        r = httpx.post(url + "/cypher", json={"query": "RETURN $q AS q", "params": {"q": q}}, timeout=30)
        assert r.json()["rows"] == [[q]]
    assert store.export().to_json() == before


#: FalkorDB 4.16 crashes (SIGSEGV in its query validation) on this read when it is sent with its comment
CRASHES_WITH_ITS_COMMENT = """CALL {
  // a longer comment here to shift offsets by a lot of characters
  MATCH (m:Measure) RETURN m
  UNION
  MATCH (e) WHERE (e:Site OR e:Agency) MATCH (m:Measure)--(e) RETURN m
}
RETURN count(*) AS n"""


def test_a_comment_that_would_crash_the_engine_never_reaches_it(service):
    url, store = service
    server = store.server.pid()
    r = httpx.post(url + "/cypher", json={"query": CRASHES_WITH_ITS_COMMENT}, timeout=30)
    assert r.status_code == 200, r.text
    assert r.json()["rows"][0][0] > 0
    assert store.server.pid() == server and store.server.ping(), "the embedded server kept running"


def test_comments_are_blanked_keeping_lines_columns_and_strings():
    assert without_comments("RETURN '// kept', \"/* kept */\" // gone") == "RETURN '// kept', \"/* kept */\"        "
    assert without_comments("MATCH (n) /* two\nlines */ RETURN n") == "MATCH (n)       \n         RETURN n"
    assert read_only_text("MATCH (n) // why\nRETURN n") == "MATCH (n)       \nRETURN n"
    with pytest.raises(ReadOnlyError):
        read_only_text("MATCH (n) // why\nDETACH DELETE n")


READS = [
    "MATCH (n:Site) WHERE n.name = 'CREATE' OR n.name CONTAINS \"DELETE n\" RETURN n",
    "MATCH (n) RETURN n.set, n.delete, n.create AS merge_count",
    "MATCH (n:Create)-[:DELETE]->(m:Set) RETURN count(*) AS remove",
    "RETURN {set: 1, delete: 2, create: 3} AS m",
    "MATCH (`delete`) RETURN `delete`.name",
    "MATCH (n) // we never DELETE here\nRETURN count(n)",
    "MATCH (n) /* SET nothing */ RETURN count(n)",
    "MATCH (start:Plan)-[:HAS_MEASURE]->(stop:Measure) RETURN start.title, stop.title LIMIT 1",
    "CALL db.labels() YIELD label RETURN label",
    "CALL { MATCH (n:Plan) RETURN n.title AS t } RETURN t",
    "MATCH (n:Plan) RETURN n.title UNION MATCH (m:Site) RETURN m.name AS `n.title`",
    "WITH '松山湖' AS s MATCH (x:Site) WHERE x.name = s RETURN x",
    "RETURN toLower('ＣＲＥＡＴＥ') AS s",
]


@pytest.mark.parametrize("query", READS)
def test_reads_that_mention_write_words_pass(service, query):
    check_read_only(query)
    url, _ = service
    r = httpx.post(url + "/cypher", json={"query": query}, timeout=30)
    assert r.status_code == 200, r.text


def test_every_named_query_passes_the_guard():
    for query in named.named_queries().values():
        check_read_only(query.text)


_SPACES = st.sampled_from([" ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u3000", "\u2028", " /* x */ ",
                           " // c\n", "\u200b "])


@st.composite
def disguised(draw):
    """A write clause in random case, with random spacing, comments and invisible characters."""
    words = draw(st.sampled_from([["MATCH", "(n)", "DETACH", "DELETE", "n"], ["MATCH", "(n)", "SET", "n.x=1"],
                                  ["CREATE", "(n)"], ["MERGE", "(n:X)"], ["MATCH", "(n)", "REMOVE", "n.x"],
                                  ["WITH", "1", "AS", "x", "CREATE", "(:Y)"]]))
    out = []
    for word in words:
        cased = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in word)
        out.append(cased)
        out.append(draw(_SPACES))
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(disguised())
def test_disguised_writes_are_refused(query):
    with pytest.raises(ReadOnlyError):
        check_read_only(query)


# -- time limit -----------------------------------------------------------------
RUNAWAY = "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*)"


def test_a_runaway_query_stops_at_the_time_limit_while_others_are_answered(service):
    url, _ = service
    outcome = {}

    def runaway():
        started = time.monotonic()
        outcome["response"] = httpx.post(url + "/cypher", json={"query": RUNAWAY}, timeout=60)
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.2)
    answered = []
    while thread.is_alive():
        started = time.monotonic()
        r = httpx.get(url + "/queries/measure-owners", params={"measure": "统筹科学智算"}, timeout=30)
        assert r.status_code == 200 and len(r.json()["rows"]) == 3
        answered.append(time.monotonic() - started)
        time.sleep(0.1)
    thread.join()
    response = outcome["response"]
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "timeout" and error["setting"] == "query_time_limit_ms"
    assert "query_time_limit_ms" in error["message"] and f"{TIME_LIMIT_MS} ms" in error["message"]
    assert TIME_LIMIT_MS / 1000 <= outcome["seconds"] < (TIME_LIMIT_MS + DEADLINE_GRACE_MS) / 1000 + 3
    assert len(answered) >= 3 and max(answered) < TIME_LIMIT_MS / 1000


def test_a_request_may_lower_the_time_limit_but_not_raise_it(service):
    url, _ = service
    started = time.monotonic()
    r = httpx.post(url + "/cypher", json={"query": RUNAWAY, "timeout_ms": 300}, timeout=60)
    assert r.json()["error"]["code"] == "timeout" and time.monotonic() - started < TIME_LIMIT_MS / 1000
    r = httpx.post(url + "/cypher", json={"query": "RETURN 1", "timeout_ms": TIME_LIMIT_MS * 10}, timeout=30)
    assert r.status_code == 400 and r.json()["error"]["setting"] == "query_time_limit_ms"


def test_the_deadline_answers_even_when_the_database_does_not():
    """A single step the engine cannot interrupt (one huge range()) is abandoned at the deadline."""
    release = threading.Event()
    started = time.monotonic()
    with pytest.raises(QueryTimeout) as caught:
        with_deadline(lambda: release.wait(30), 200)
    release.set()
    assert time.monotonic() - started < (200 + DEADLINE_GRACE_MS) / 1000 + 1
    assert caught.value.setting == "query_time_limit_ms"
    assert with_deadline(lambda: 42, 200) == 42


# -- admin ----------------------------------------------------------------------
def test_rebuild_needs_the_api_key_when_one_is_set(tmp_path):
    from tests.conftest import SEEDS

    settings = settings_for(tmp_path / "data", api_key="s3cret")
    app = create_app(settings, inputs=[SEEDS / "001_9452594fd49a0dfd.txt"])
    with serving(app) as url:
        r = httpx.post(url + "/admin/rebuild", timeout=60)
        assert r.status_code == 401 and r.json()["error"]["setting"] == "api_key"
        r = httpx.post(url + "/admin/rebuild", headers={"Authorization": "Bearer wrong"}, timeout=60)
        assert r.status_code == 401
        r = httpx.post(url + "/admin/rebuild", headers={"X-API-Key": "s3cret"}, timeout=120)
        assert r.status_code == 200, r.text
        assert r.json()["ok"] and r.json()["added"] == ["001_9452594fd49a0dfd.txt"]
        rows = httpx.get(url + "/queries/measure-owners", params={"measure": "统筹科学智算高效供给"},
                         timeout=30).json()["rows"]
        assert [row[4] for row in rows] == ["浙江省发展和改革委员会", "之江实验室", "浙江省科学技术厅"]
        r = httpx.post(url + "/admin/rebuild", headers={"Authorization": "Bearer s3cret"}, timeout=120)
        assert r.json()["unchanged"] == ["001_9452594fd49a0dfd.txt"]


def test_admin_without_a_key_is_for_local_clients_only():
    from starlette.requests import Request

    from queries.routes.admin import AdminError, require_admin

    def request(host):
        return Request({"type": "http", "method": "POST", "path": "/admin/rebuild", "headers": [],
                        "client": (host, 40000)})

    open_settings = settings_for("unused")
    require_admin(request("127.0.0.1"), open_settings)
    require_admin(request("::1"), open_settings)
    with pytest.raises(AdminError) as caught:
        require_admin(request("10.1.2.3"), open_settings)
    assert caught.value.status == 403 and caught.value.setting == "api_key"


def test_text_that_cannot_be_utf8_is_a_clear_400(service):
    url, _ = service
    for body in (b'{"query": "RETURN \\ud800"}', b'{"query": "RETURN $x", "params": {"x": "\\ud800"}}'):
        r = httpx.post(url + "/cypher", content=body, headers={"content-type": "application/json"}, timeout=30)
        assert r.status_code == 400 and "Unicode" in r.json()["error"]["message"], r.text


def test_a_text_too_long_to_cache_is_judged_all_the_same():
    padding = "RETURN 1 AS x UNION " * 1_000  # past the guard's cache limit
    with pytest.raises(ReadOnlyError):
        read_only_text(padding + "MATCH (n) DETACH DELETE n RETURN 1 AS x")
    assert read_only_text(padding + "RETURN 2 AS x // done").endswith("RETURN 2 AS x        ")
