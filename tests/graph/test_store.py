"""The embedded FalkorDB: starts by itself, stores what it is given, persists, recovers."""

from __future__ import annotations

import asyncio
import os
import signal
import time

import pytest

from graph.errors import QueryError, ReadOnlyError
from graph.store.falkor import FalkorStore
from tests.conftest import settings_for
from tests.fixture_graph import small_graph


@pytest.fixture()
def store(tmp_path):
    store = FalkorStore(settings_for(tmp_path / "data"))
    yield store
    store.close()


def test_round_trip_keeps_every_node_relationship_and_value(store):
    graph = small_graph()
    store.replace_graph(graph)
    back = store.export()
    assert back.to_json() == graph_without_empty(graph).to_json()


def graph_without_empty(graph):
    """Stores do not keep nulls or empty lists; the export shows a property only when it has a value."""
    from graph.model import GraphData, Node, Relationship

    out = GraphData()
    for n in graph.nodes.values():
        out.nodes[n.id] = Node(n.id, n.label, {k: v for k, v in n.properties.items() if v not in (None, [])})
    for r in graph.relationships.values():
        out.relationships[r.id] = Relationship(r.type, r.start, r.end,
                                               {k: v for k, v in r.properties.items() if v not in (None, [])}, r.id)
    return out


def test_read_returns_nodes_with_contract_ids(store):
    store.replace_graph(small_graph())
    result = store.read("MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(m:Measure {title: $t}) "
                        "RETURN a, r ORDER BY r.rank", {"t": "统筹科学智算高效供给"})
    names = [row[0]["properties"]["name"] for row in result.rows]
    assert names == ["浙江省发展和改革委员会", "之江实验室", "浙江省科学技术厅"]
    rel = result.rows[0][1]
    assert rel["type"] == "RESPONSIBLE_FOR"
    assert rel["start"] == result.rows[0][0]["id"]
    assert rel["end"].startswith("measure-")


def test_a_relationship_before_its_ends_in_a_row_gets_their_contract_ids(store):
    """The store converts a row in one pass; a relationship's ends are filled in once every node the
    rows show is known, wherever in the rows it comes (a list, a map, before the nodes)."""
    store.replace_graph(small_graph())
    result = store.read("MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(m:Measure {title: $t}) "
                        "RETURN [r] AS rels, {r: r} AS map, a, m ORDER BY r.rank", {"t": "统筹科学智算高效供给"})
    for rels, mapped, agency, measure in result.rows:
        assert (rels[0]["start"], rels[0]["end"]) == (agency["id"], measure["id"])
        assert mapped["r"] == rels[0]


def test_writes_are_refused_and_change_nothing(store):
    store.replace_graph(small_graph())
    before = store.export().counts()
    with pytest.raises(ReadOnlyError):
        store.read("MATCH (n:Agency) SET n.name = 'x' RETURN n")
    with pytest.raises(QueryError):
        store.read("MATCH (n RETURN n")
    assert store.export().counts() == before


def test_row_cap_truncates(tmp_path):
    store = FalkorStore(settings_for(tmp_path / "data", max_rows=3))
    try:
        store.replace_graph(small_graph())
        result = store.read("MATCH (n) RETURN n.id")
        assert len(result.rows) == 3 and result.truncated
    finally:
        store.close()


def test_graph_persists_across_restart_and_after_kill(tmp_path):
    settings = settings_for(tmp_path / "data")
    store = FalkorStore(settings)
    store.replace_graph(small_graph())
    expected = store.export().to_json()
    store.close()
    assert not store.server.ping(), "the last user shuts the server down"

    store = FalkorStore(settings)
    assert store.export().to_json() == expected
    os.kill(store.server.pid(), signal.SIGKILL)
    # the next read notices, restarts the server from its saved data and answers
    assert store.read("MATCH (p:Plan) RETURN count(p)").rows == [[3]]
    store.close()


def test_the_asyncio_read_answers_as_the_sync_one_and_recovers_after_a_kill(store):
    """``aread`` (what the service awaits) against ``read``: same rows, limits, errors, recovery."""
    store.replace_graph(small_graph())
    queries = [  # nodes with their relationship; a bare relationship (its ends looked up); a path
        "MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(m:Measure) RETURN a, r, m ORDER BY r.rank, a.name",
        "MATCH (:Measure)-[r:AT_SITE]->() RETURN r ORDER BY r.id",
        "MATCH p = (s:Site)<-[:AT_SITE]-(:Measure) RETURN p ORDER BY s.name",
    ]

    async def check():
        for query in queries:
            got, expected = await store.aread(query), store.read(query)
            assert got.rows and (got.columns, got.rows) == (expected.columns, expected.rows)
        bare = (await store.aread(queries[1])).rows[0][0]
        assert bare["start"].startswith("measure-") and bare["end"].startswith("site-")
        capped = await store.aread("MATCH (n) RETURN n.id", max_rows=2)
        assert len(capped.rows) == 2 and capped.truncated and capped.elapsed_ms > 0
        with pytest.raises(ReadOnlyError):
            await store.aread("MATCH (n:Agency) SET n.name = 'x' RETURN n")
        with pytest.raises(QueryError):
            await store.aread("MATCH (n RETURN n")
        os.kill(store.server.pid(), signal.SIGKILL)
        assert (await store.aread("MATCH (p:Plan) RETURN count(p)")).rows == [[3]]
        await store.aclose()

    asyncio.run(check())
    assert store._async is None


def test_an_asyncio_read_waits_as_long_as_the_time_limit_allows(tmp_path):
    """redis-py's asyncio connections give up after 5 s by default; a query queued behind
    others or simply slow must be bounded by the time limit, not by that."""
    store = FalkorStore(settings_for(tmp_path / "data", query_time_limit_ms=30_000))
    rows = "UNWIND range(1, 2000) AS a UNWIND range(1, $n) AS b RETURN count(*)"
    try:
        store.replace_graph(small_graph())
        store.read(rows, {"n": 10})
        started = time.perf_counter()
        store.read(rows, {"n": 2000})
        n = max(2000, int(2000 * 7.5 / (time.perf_counter() - started)))  # seven or eight seconds of work

        async def slow():
            try:
                return await store.aread(rows, {"n": n})
            finally:
                await store.aclose()

        started = time.perf_counter()
        assert asyncio.run(slow()).rows == [[2000 * n]]
        assert time.perf_counter() - started > 5
    finally:
        store.close()


def test_stale_socket_and_pid_files_do_not_block_a_start(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "falkordb.sock").write_text("")
    (data / "falkordb.pid").write_text("999999")
    store = FalkorStore(settings_for(data))
    try:
        assert store.server.ping()
    finally:
        store.close()


def test_build_replaces_the_graph_atomically(store):
    store.replace_graph(small_graph())
    from graph.model import GraphData

    store.replace_graph(GraphData())
    assert store.export().nodes == {}


def test_two_stores_in_one_process_share_the_server_until_the_last_closes(tmp_path):
    settings = settings_for(tmp_path / "data")
    first = FalkorStore(settings)
    first.replace_graph(small_graph())
    second = FalkorStore(settings)
    first.close()
    assert second.read("MATCH (p:Plan) RETURN count(p)").rows == [[3]]
    second.close()
    assert not second.server.ping()


def test_a_write_of_one_row_a_batch_keeps_its_order_and_a_refused_batch_keeps_the_previous_graph(tmp_path):
    """Each batch's rows are made when it is written (``cypher.node_batches``): with one row a batch,
    every relationship still finds its ends; a batch the server refuses midway (a map is no
    property value) fails the build with the previous graph served, and the next build writes."""
    from graph.errors import StoreError
    from graph.model import Node

    store = FalkorStore(settings_for(tmp_path / "data", write_batch_size=1))
    try:
        graph = small_graph()
        store.replace_graph(graph)
        stored = store.export().to_json()
        assert stored == graph_without_empty(graph).to_json()
        refused = small_graph()
        middle = sorted(refused.nodes)[len(refused.nodes) // 2]
        node = refused.nodes[middle]
        refused.nodes[middle] = Node(node.id, node.label, {**node.properties, "bad": {"a map": 1}})
        with pytest.raises(StoreError, match="previous graph is kept"):
            store.replace_graph(refused)
        assert store.export().to_json() == stored
        store.replace_graph(graph)
        assert store.export().to_json() == stored
        assert store.read("MATCH (n) RETURN count(n)").rows == [[len(graph.nodes)]]
    finally:
        store.close()
