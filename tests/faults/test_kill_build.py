"""kill -9 of a build half-way: the graph served before is still served, also after a restart.

The build writes into a staging graph and renames it in only when complete,
and saves to disk only after the rename; a build killed while reading the
documents has touched nothing but its own per-document cache, which the next
build uses, and its extraction workers end with it. That next build reports
what it did to the stored graph: the documents the killed build had read enter
the graph with it, so they are "added" (and not read again), not "unchanged".
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import redis

from bench.corpus import write_corpus
from graph.store.falkor import FalkorStore
from loaders.build import build
from tests.conftest import SEEDS, settings_for
from tests.faults.helpers import cli, kill9, snapshot, wait_for


def test_kill_9_while_the_new_graph_is_written_keeps_the_served_graph(tmp_path):
    data = tmp_path / "data"
    build([SEEDS], settings_for(data))
    before = snapshot(data)
    corpus = tmp_path / "corpus"
    write_corpus(30, corpus, seed=11)
    # one row per statement, so the write to the staging graph lasts long enough to be caught
    proc = cli("build", str(SEEDS), str(corpus), "--data-dir", str(data), "-q",
               env={"POLICYKG_WRITE_BATCH_SIZE": "1"})
    socket = data / "falkordb.sock"

    def writing() -> bool:
        if proc.poll() is not None:
            raise AssertionError(f"the build ended before it was killed: {proc.communicate()}")
        try:
            conn = redis.Redis(unix_socket_path=str(socket))
            nodes = conn.execute_command("GRAPH.RO_QUERY", "policykg__building", "MATCH (n) RETURN count(n)")
            conn.close()
            return nodes[1][0][0] > 200
        except (redis.RedisError, OSError, IndexError):
            return False

    assert wait_for(writing, timeout_s=120), "the staging graph never appeared"
    kill9(proc)

    store = FalkorStore(settings_for(data))  # the server outlived the build: the old graph is served
    try:
        assert json_of(store) == before
    finally:
        store.close()  # the killed build left no live user: the server stops here
    assert not (data / "falkordb.sock").exists()
    assert snapshot(data) == before  # restarted from its dump: still the old graph

    report = build([SEEDS, corpus], settings_for(data))  # and the next build completes
    assert report.ok, report.summary()
    corpus_docs = sorted(p.name for p in corpus.glob("*.txt"))
    # the killed build had read every document: none is read again, but they enter the graph now
    assert sorted(report.added) == sorted(report.reused) == corpus_docs
    assert len(report.unchanged) == 5 and not report.changed
    assert f"{len(corpus_docs)} of these were read by an earlier build" in report.summary()
    store = FalkorStore(settings_for(data))
    try:
        assert not store.db.connection.exists("policykg__building")
        assert store.export().counts() == report.counts
    finally:
        store.close()


def test_kill_9_while_reading_documents_keeps_the_graph_and_the_next_build_resumes(tmp_path):
    data = tmp_path / "data"
    build([SEEDS], settings_for(data))
    before = snapshot(data)
    corpus = tmp_path / "corpus"
    write_corpus(24, corpus, seed=12)
    marker = uuid.uuid4().hex
    proc = cli("build", str(corpus), "--data-dir", str(data), env={"PKG_TEST_BUILD_MARK": marker})
    done = 0
    for line in proc.stderr:
        match = re.match(r"\[(\d+)/(\d+)\]", line)
        if match and int(match.group(1)) >= int(match.group(2)) // 2:
            done = int(match.group(1))
            break
    assert done, "no progress was reported"
    assert pool_processes(marker), "the build extracted in this process, not in a pool"
    kill9(proc)
    # the pool's workers (children of the forkserver, not of the build) and the forkserver go with it
    assert wait_for(lambda: not pool_processes(marker), 15, 0.1), pool_processes(marker)
    assert snapshot(data) == before

    report = build([SEEDS, corpus], settings_for(data))
    assert report.ok
    assert len(report.unchanged) == 5  # only the seeds were in the graph before
    assert sorted(report.added) == sorted(p.name for p in corpus.glob("*.txt"))
    assert len(report.reused) >= done - 1  # what the killed build had read is not read again
    fresh = settings_for(tmp_path / "fresh")
    build([SEEDS, corpus], fresh)
    assert snapshot(data) == snapshot(fresh.data_dir)


def json_of(store) -> str:
    import json

    return json.dumps(store.export().to_json(), ensure_ascii=False, sort_keys=True)


def pool_processes(marker: str) -> list[str]:
    """The live multiprocessing processes (workers, forkserver, resource tracker) a build marked with
    ``marker`` in its environment started, as "pid: command line"."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if marker.encode() not in (proc / "environ").read_bytes():
                continue
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = next(line for line in (proc / "status").read_text().splitlines() if line.startswith("State:"))
        except (OSError, StopIteration):  # gone meanwhile, or not ours to read
            continue
        if "multiprocessing" in command and "zombie" not in state:
            found.append(f"{proc.name}: {command[:120]}")
    return found
