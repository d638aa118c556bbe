"""The Bolt path: ``Neo4jStore`` through the official ``neo4j`` driver, against FalkorDB's own
Bolt listener (no Neo4j server can be installed here).

The listener runs queries of explicit transactions on the graph named
``falkordb`` whatever database the session names (see ``graph.store.neo4j``),
so the fixture graph is stored under that name. Every named query must give
the same rows through Bolt as through the embedded store.
"""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import time

import pytest

from graph.errors import QueryError, ReadOnlyError
from graph.store.falkor import FalkorStore
from graph.store.neo4j import Neo4jStore
from queries import named
from queries.run import run_cypher, run_named
from tests.conftest import ROOT, settings_for
from tests.fixture_graph import small_graph
from tests.graph.test_store import graph_without_empty

BOLT_GRAPH = "falkordb"


def free_bolt_port() -> int:
    """A free port FalkorDB accepts: it ignores BOLT_PORT above 32767, and listens on every interface."""
    for _ in range(200):
        port = random.randint(20000, 32767)
        try:
            for family, host in ((socket.AF_INET, "0.0.0.0"), (socket.AF_INET6, "::")):
                with socket.socket(family, socket.SOCK_STREAM) as probe:
                    probe.bind((host, port))
            return port
        except OSError:
            continue
    raise RuntimeError("no free port below 32768")


def wait_for_port(port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on Bolt port {port}")


class BoltServer:
    """An embedded FalkorDB with its Bolt listener, and a FalkorStore on the graph Bolt reaches."""

    def __init__(self, data_dir, graph=None):
        self.port = free_bolt_port()
        self.settings = settings_for(data_dir, graph_name=BOLT_GRAPH)
        self.embedded = FalkorStore(self.settings, bolt_port=self.port)
        if graph is not None:
            self.embedded.replace_graph(graph)
        wait_for_port(self.port)
        self.uri = f"bolt://127.0.0.1:{self.port}"

    def neo4j_store(self, **overrides) -> Neo4jStore:
        return Neo4jStore(settings_for(self.settings.data_dir, store=self.uri, **overrides))

    def after_client(self) -> None:
        """Absorb the connection FalkorDB's listener swallows after a client says GOODBYE
        (graph.store.neo4j describes it), so the next client is answered at once."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=2):
            pass

    def close(self) -> None:
        self.embedded.close()


@pytest.fixture(scope="module")
def bolt(tmp_path_factory):
    server = BoltServer(tmp_path_factory.mktemp("bolt-data"), small_graph())
    store = server.neo4j_store()
    yield server, store
    store.close()
    server.after_client()
    server.close()


def example_cases():
    for query in named.named_queries().values():
        for example in query.examples or [""]:
            yield pytest.param(query.name, example, id=f"{query.name}:{example}")


@pytest.mark.parametrize(("name", "example"), list(example_cases()))
def test_every_named_query_gives_the_same_rows_over_bolt(bolt, name, example):
    server, store = bolt
    query = named.get(name)
    params = query.example_params(example)
    over_bolt = run_named(store, query, params, from_strings=True)
    embedded = run_named(server.embedded, query, params, from_strings=True)
    assert over_bolt.columns == embedded.columns
    assert over_bolt.rows == embedded.rows
    assert over_bolt.rows, "the example finds something on the fixture graph"


def test_user_questions_over_bolt(bolt):
    _, store = bolt
    rows = run_named(store, named.get("measure-owners"), {"measure": "统筹科学智算高效供给"}).records()
    assert [r["agency"] for r in rows] == ["浙江省发展和改革委员会", "之江实验室", "浙江省科学技术厅"]
    rows = run_named(store, named.get("site-to-goals"), {"site": "Songshan Lake"}).records()
    assert any(r["year"] == 2030 and r["names_site"] for r in rows)


def test_nodes_relationships_and_paths_over_bolt_carry_contract_ids(bolt):
    server, store = bolt
    query = ("MATCH p = (a:Agency)-[r:RESPONSIBLE_FOR]->(m:Measure {title: $t}) RETURN a, r, p, m.title "
             "ORDER BY r.rank")
    params = {"t": "统筹科学智算高效供给"}
    over_bolt = store.read(query, params)
    assert over_bolt.rows == server.embedded.read(query, params).rows
    agency, rel, path, _ = over_bolt.rows[0]
    assert rel["start"] == agency["id"] and rel["end"].startswith("measure-")
    assert [n["id"] for n in path["nodes"]] == [rel["start"], rel["end"]]
    # a relationship alone: its ends are looked up by the store
    alone = store.read("MATCH ()-[r:AT_SITE]->(s:Site) RETURN r ORDER BY r.id")
    assert {r[0]["end"] for r in alone.rows} == {s for s in small_graph().nodes if s.startswith("site-")}


def test_row_cap_and_errors_over_bolt(bolt):
    server, store = bolt
    result = store.read("MATCH (n) RETURN n.id", max_rows=4)
    assert len(result.rows) == 4 and result.truncated
    with pytest.raises(QueryError):
        store.read("MATCH (n RETURN n")
    before = server.embedded.export().to_json()
    with pytest.raises(ReadOnlyError):
        run_cypher(store, "MATCH (n:Agency) SET n.name = 'x'")
    assert server.embedded.export().to_json() == before
    assert store.read("RETURN 1 AS one").rows == [[1]], "the connection survives errors"


def test_export_over_bolt_is_the_stored_graph(bolt):
    _, store = bolt
    assert store.export().to_json() == graph_without_empty(small_graph()).to_json()


def test_push_copies_the_graph_and_pushing_again_changes_nothing(tmp_path):
    source = FalkorStore(settings_for(tmp_path / "source"))
    source.replace_graph(small_graph())
    source.close()
    target = BoltServer(tmp_path / "target")
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
        command = [sys.executable, "-m", "queries.cli", "push", "--to", target.uri,
                   "--data-dir", str(tmp_path / "source")]

        def push(*extra):
            done = subprocess.run([*command, *extra], capture_output=True, text=True, timeout=120, cwd=ROOT,
                                  env=env)
            target.after_client()
            assert done.returncode == 0, done.stderr
            return done.stdout

        assert "pushed 20 nodes and 25 relationships" in push()
        expected = graph_without_empty(small_graph()).to_json()
        assert target.embedded.export().to_json() == expected
        push()
        assert target.embedded.export().to_json() == expected

        # something the graph does not hold goes with --prune, not without
        sink = target.neo4j_store()
        sink.merge_graph(_stray())
        sink.close()
        target.after_client()
        push()
        assert len(target.embedded.export().nodes) == 21
        assert "deleted 1 nodes and 0 relationships" in push("--prune")
        assert target.embedded.export().to_json() == expected
    finally:
        target.close()


def _stray():
    from graph.model import GraphData, Node

    g = GraphData()
    g.add_node(Node("plan-stray", "Plan", {"title": "不在图中的规划"}))
    return g


def test_push_needs_a_bolt_uri(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    done = subprocess.run([sys.executable, "-m", "queries.cli", "push", "--to", "http://x", "--data-dir",
                           str(tmp_path)], capture_output=True, text=True, timeout=60, cwd=ROOT, env=env)
    assert done.returncode == 2 and "bolt://" in done.stderr


def test_push_to_a_closed_port_says_so_at_once_instead_of_retrying(tmp_path):
    """A mistyped port used to be retried transaction by transaction (the driver's retry,
    and the index statements swallowing the failure) for 2 min 27 s before a word was said;
    the push now tries one connection and names the URI. The driver logs each retry it makes
    ("will be retried"), so none of those lines may appear; ``timeout`` only bounds a hang."""
    source = FalkorStore(settings_for(tmp_path / "source"))
    source.replace_graph(small_graph())
    source.close()
    with socket.socket() as probe:  # a port nothing listens on: bound, never listened, then closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    uri = f"bolt://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    done = subprocess.run([sys.executable, "-m", "queries.cli", "push", "--to", uri, "--data-dir",
                           str(tmp_path / "source")], capture_output=True, text=True, timeout=100, cwd=ROOT, env=env)
    assert done.returncode == 1, done.stderr
    assert f"the Bolt store at {uri} cannot be reached" in done.stderr
    assert "retried" not in done.stderr, done.stderr


def test_the_service_answers_through_a_bolt_store(bolt):
    import httpx

    from queries.app import create_app
    from tests.queries.http_server import serving

    server, _ = bolt
    app = create_app(settings_for(server.settings.data_dir, store=server.uri))
    try:
        with serving(app) as url:
            health = httpx.get(url + "/health", timeout=30).json()
            assert health["store"] == "bolt" and health["nodes"] == 20
            r = httpx.get(url + "/queries/measure-owners", params={"measure": "统筹科学智算高效供给"}, timeout=30)
            body = r.json()
            assert [row[body["columns"].index("agency")] for row in body["rows"]] == [
                "浙江省发展和改革委员会", "之江实验室", "浙江省科学技术厅"]
            r = httpx.post(url + "/cypher", json={"query": "MATCH (n) DETACH DELETE n"}, timeout=30)
            assert r.status_code == 403
    finally:
        server.after_client()
    assert len(server.embedded.export().nodes) == 20
