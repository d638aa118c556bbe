"""kill -9 of the embedded database: policykg notices, restarts it from its dump and answers again.

Nothing is lost, because every build saves the graph before it returns; a
write under way when the server dies is written again on the fresh server.
"""

from __future__ import annotations

import json
import os
import signal
import threading

import redis

from graph.store.falkor import FalkorStore
from tests.conftest import settings_for
from tests.faults.helpers import cli, wait_for
from tests.fixture_graph import small_graph
from tests.graph.test_store_export_pages import plan_with_measures


def kill_server(store: FalkorStore) -> int:
    pid = store.server.pid()
    os.kill(pid, signal.SIGKILL)
    assert wait_for(lambda: not os.path.exists(f"/proc/{pid}") or _zombie(pid), timeout_s=10)
    return pid


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


def test_every_read_after_a_kill_restarts_the_server_with_the_same_graph(tmp_path):
    store = FalkorStore(settings_for(tmp_path / "data"))
    try:
        store.replace_graph(small_graph())
        expected = store.export().to_json()
        pids = set()
        for _ in range(3):
            pids.add(kill_server(store))
            assert store.read("MATCH (p:Plan) RETURN count(p)").rows == [[3]]
            assert store.export().to_json() == expected
        assert store.server.pid() not in pids and len(pids) == 3
    finally:
        store.close()


def test_another_process_notices_the_dead_server_and_restarts_it(tmp_path):
    data = tmp_path / "data"
    store = FalkorStore(settings_for(data))
    try:
        store.replace_graph(small_graph())
        expected = store.export().counts()
        killed = kill_server(store)
        proc = cli("stats", "--json", "--data-dir", str(data))
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert json.loads(out) == expected
        assert store.server.pid() != killed
        assert store.export().counts() == expected  # this store reconnects to the restarted server
    finally:
        store.close()


def test_a_write_under_way_when_the_server_dies_is_written_again(tmp_path):
    # one row per statement, so the write lasts long enough for the kill to land in it
    store = FalkorStore(settings_for(tmp_path / "data", write_batch_size=1))
    try:
        store.replace_graph(small_graph())
        graph = plan_with_measures(1500)
        errors: list[BaseException] = []

        def write() -> None:
            try:
                store.replace_graph(graph)
            except BaseException as exc:  # reported by the assertion below
                errors.append(exc)

        writer = threading.Thread(target=write)
        writer.start()

        def staging_half_written() -> bool:
            try:
                conn = redis.Redis(unix_socket_path=str(store.server.socket_path))
                reply = conn.execute_command("GRAPH.RO_QUERY", "policykg__building", "MATCH (n) RETURN count(n)")
                conn.close()
                return reply[1][0][0] > 300
            except (redis.RedisError, OSError, IndexError):
                return False

        assert wait_for(staging_half_written, timeout_s=60)
        kill_server(store)
        writer.join(timeout=120)
        assert not writer.is_alive() and not errors, errors
        back = store.export()
        assert set(back.nodes) == set(graph.nodes) and set(back.relationships) == set(graph.relationships)
    finally:
        store.close()


def test_a_stale_pid_file_naming_another_server_does_not_touch_it(tmp_path):
    """After a kill the pid may be reused, even by another data directory's server: that one is left alone."""
    mine = FalkorStore(settings_for(tmp_path / "mine"))
    other = FalkorStore(settings_for(tmp_path / "other"))
    try:
        mine.replace_graph(small_graph())
        kill_server(mine)
        mine.server.pid_path.write_text(str(other.server.pid()))  # as if the pid had been reused
        assert mine.read("MATCH (p:Plan) RETURN count(p)").rows == [[3]]
        assert other.server.ping(), "the other data directory's server was signalled"
        assert mine.server.pid() != other.server.pid()
    finally:
        mine.close()
        other.close()


def test_a_busy_server_is_waited_for_not_killed(tmp_path):
    """A server saving a large graph answers nothing for seconds: a store opened meanwhile waits for it."""
    settings = settings_for(tmp_path / "data")
    first = FalkorStore(settings)
    try:
        first.replace_graph(small_graph())
        pid = first.server.pid()
        first.db.connection.execute_command("CLIENT", "PAUSE", 6000, "ALL")  # as busy as a long SAVE
        second = FalkorStore(settings)  # its ping times out while the server is paused
        try:
            assert second.server.pid() == pid, "the busy server was killed and replaced"
            assert second.read("MATCH (p:Plan) RETURN count(p)").rows == [[3]]
        finally:
            second.close()
    finally:
        first.close()


def test_the_last_store_to_close_ends_the_server_process(tmp_path):
    store = FalkorStore(settings_for(tmp_path / "data"))
    pid = store.server.pid()
    store.close()
    assert wait_for(lambda: _zombie(pid) or not os.path.exists(f"/proc/{pid}"), timeout_s=10), \
        "the server process outlived its last user"
