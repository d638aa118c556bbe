"""The limits the database itself enforces, and what happens at each, on the real embedded FalkorDB.

- a query that crashes the server is answered with an error and not sent again
  (the fresh server would crash too);
- an answer past ``max_answer_bytes`` is dropped by the server (its output
  buffer limit) and refused, the server staying up;
- planning runs on the sandbox, so a plan that outlasts the time limit or
  crashes the planner never touches the served database.
"""

from __future__ import annotations

import pytest

from graph.errors import QueryTimeout
from graph.store.falkor import AnswerTooLarge, FalkorStore, QueryCrashed
from graph.store.sandbox import PlannerCrashed
from loaders.build import build
from tests.conftest import SEEDS, settings_for
from tests.fixture_graph import small_graph

#: crashes FalkorDB 4.16 on the seed graph (substring counts characters against bytes); refused by the service
CRASHES = "MATCH ()-[r]->() RETURN substring(r.evidence, 0, 40)"


def test_a_query_that_crashes_the_database_is_not_sent_again(tmp_path):
    settings = settings_for(tmp_path / "data")
    assert build([SEEDS], settings).ok
    store = FalkorStore(settings)
    try:
        count = store.read("MATCH (n) RETURN count(n)").rows
        pid = store.server.pid()
        reports = store.server.log_path.read_bytes().count(b"BUG REPORT START")
        with pytest.raises(QueryCrashed):
            store.read(CRASHES)
        assert store.server.pid() != pid, "the crashed server was restarted"
        assert store.server.log_path.read_bytes().count(b"BUG REPORT START") == reports + 1, "sent once, not twice"
        assert store.read("MATCH (n) RETURN count(n)").rows == count
    finally:
        store.close()


def test_an_answer_past_the_byte_limit_is_refused_and_the_server_stays_up(tmp_path):
    store = FalkorStore(settings_for(tmp_path / "data", max_answer_bytes=1 << 20))
    try:
        store.replace_graph(small_graph())
        pid = store.server.pid()
        with pytest.raises(AnswerTooLarge) as caught:
            store.read("UNWIND range(1, 20000) AS i RETURN i, $s", {"s": "x" * 200})
        assert caught.value.setting == "max_answer_bytes"
        assert store.server.pid() == pid
        assert store.read("MATCH (p:Plan) RETURN count(p)").rows == [[3]]
    finally:
        store.close()


def test_planning_past_the_time_limit_or_crashing_the_planner_never_touches_the_served_server(tmp_path):
    store = FalkorStore(settings_for(tmp_path / "data", query_time_limit_ms=1000))
    try:
        store.replace_graph(small_graph())
        pid = store.server.pid()
        assert "Load CSV" in store.explain("WITH 1 AS as LOAD CSV FROM 'http://127.0.0.1:1/' AS r RETURN r").operations
        with pytest.raises(QueryTimeout):
            store.explain("MATCH p=(a)" + "-[]-(b)" * 1000 + " RETURN count(p)")
        with pytest.raises(PlannerCrashed):  # folded while planning: 32 GB asked for, past the sandbox's limit
            store.explain("RETURN size(range(1, 2000000000))")
        assert store.explain("MATCH (n:Plan) RETURN n").operations[-1] == "Node By Label Scan"
        assert store.server.pid() == pid
        assert store.read("MATCH (p:Plan) RETURN count(p)").rows == [[3]]
    finally:
        store.close()
