"""Real processes: ``policykg serve`` on an empty data directory, CLI processes sharing the
embedded server, the last user stopping it, and recovery after ``kill -9`` of redis-server."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from graph.store.embedded import process_alive
from graph.store.falkor import FalkorStore
from tests.conftest import ROOT, settings_for
from tests.fixture_graph import small_graph

OWNERS = ["浙江省发展和改革委员会", "之江实验室", "浙江省科学技术厅"]


def policykg(*args: str) -> list[str]:
    return [sys.executable, "-m", "queries.cli", *args]


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(policykg(*args), capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env=clean_env())


class Serve:
    """``policykg serve --port 0`` in a subprocess; finds its URL in the log."""

    def __init__(self, data_dir: Path):
        self.proc = subprocess.Popen(policykg("serve", "--port", "0", "--data-dir", str(data_dir)),
                                     stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=ROOT,
                                     env=clean_env())
        self.lines: list[str] = []
        self.url: str | None = None
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.append(line)
            match = re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", line)
            if match:
                self.url = match.group(1)
                self.ready.set()
        self.ready.set()

    def wait(self, seconds: float = 180) -> str:
        assert self.ready.wait(seconds) and self.url, "".join(self.lines)
        return self.url

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(30)


def wait_until(condition, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def server_pid(data_dir: Path) -> int:
    return int((data_dir / "falkordb.pid").read_text())


def owners(url: str) -> list[str]:
    r = httpx.get(url + "/queries/measure-owners", params={"measure": "统筹科学智算高效供给"}, timeout=30)
    assert r.status_code == 200, r.text
    body = r.json()
    return [row[body["columns"].index("agency")] for row in body["rows"]]


def test_serve_builds_the_seeds_shares_its_server_and_recovers_from_kill(tmp_path):
    data = tmp_path / "data"
    serve = Serve(data)
    try:
        url = serve.wait()
        assert any("the graph is empty: building it" in line for line in serve.lines)
        # the user questions on the graph built from the seed documents
        assert owners(url) == OWNERS
        for site in ("松山湖", "Songshan Lake", "东莞松山湖"):
            body = httpx.get(url + "/queries/site-to-goals", params={"site": site}, timeout=30).json()
            rows = [dict(zip(body["columns"], row, strict=True)) for row in body["rows"]]
            goals = [r for r in rows if r["via"] == "target names the site" and r["year"] == 2030]
            assert goals and "东莞松山湖" in goals[0]["goal"], (site, rows[:2])
        assert httpx.get(url + "/health", timeout=30).json()["nodes"] > 100

        # a CLI process uses the same embedded server, and leaves it running for serve
        first = server_pid(data)
        done = run("query", "--name", "measure-owners", "--param", "measure=统筹科学智算高效供给",
                   "--format", "json", "--data-dir", str(data))
        assert done.returncode == 0, done.stderr
        body = json.loads(done.stdout)
        assert [row[body["columns"].index("agency")] for row in body["rows"]] == OWNERS
        assert server_pid(data) == first and process_alive(first)
        assert sorted(p.name for p in (data / "clients").iterdir()) == [str(serve.proc.pid)]

        # kill -9 of redis-server: the next query restarts it from the saved graph
        os.kill(first, signal.SIGKILL)
        assert wait_until(lambda: not process_alive(first))
        assert owners(url) == OWNERS
        second = server_pid(data)
        assert second != first and process_alive(second)
    finally:
        code = serve.stop()
    # uvicorn shuts down cleanly, then re-raises the signal, which policykg turns into the exit status
    # of a process ended by SIGTERM (143) after its own cleanup (queries.cli_support)
    assert code in (0, -signal.SIGTERM, 128 + signal.SIGTERM), "".join(serve.lines[-20:])
    assert any("Application shutdown complete" in line for line in serve.lines)
    # serve was the last user: the server stops with it
    assert wait_until(lambda: not process_alive(second))
    assert not (data / "falkordb.sock").exists()


HOLDER = """
import sys
from pathlib import Path
from graph.settings import Settings
from graph.store.falkor import FalkorStore
store = FalkorStore(Settings(data_dir=Path(sys.argv[1])))
print(store.read("MATCH (n) RETURN count(n)").rows[0][0], flush=True)
sys.stdin.readline()
store.close()
"""


def hold(data: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(data)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, cwd=ROOT, env=clean_env())
    assert proc.stdout.readline().strip() == "20"
    return proc


def test_processes_share_one_server_and_the_last_to_leave_stops_it(tmp_path):
    data = tmp_path / "data"
    store = FalkorStore(settings_for(data))
    store.replace_graph(small_graph())
    store.close()
    assert not (data / "falkordb.sock").exists(), "this process was the only user"

    holder = hold(data)
    pid = server_pid(data)
    done = run("query", "MATCH (a:Agency) RETURN count(a) AS agencies", "--format", "csv", "--data-dir", str(data))
    assert done.returncode == 0 and done.stdout == "agencies\n5\n", done.stderr
    assert server_pid(data) == pid and process_alive(pid), "the query used the running server and left it up"
    holder.communicate("\n", timeout=30)
    assert wait_until(lambda: not process_alive(pid)), "the last user stopped the server"

    # a user killed with -9 leaves its entry behind; the next last user still stops the server
    holder = hold(data)
    pid = server_pid(data)
    holder.kill()
    holder.wait(10)
    done = run("query", "--name", "agency-measures", "--param", "agency=之江实验室", "--data-dir", str(data))
    assert done.returncode == 0 and "统筹科学智算高效供给" in done.stdout, done.stderr
    assert wait_until(lambda: not process_alive(pid))
    assert not (data / "falkordb.sock").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["MATCH (n) DETACH DELETE n"], "read-only"),
    (["MATCH (n RETURN n"], "Invalid input"),
    (["--name", "nope"], "no named query 'nope'"),
    (["--name", "measure-owners", "--param", "limit=lots"], "parameter limit must be an integer"),
    (["--name", "site-to-goals"], "needs parameter site"),
])
def test_cli_query_errors(tmp_path_factory, args, message):
    data = tmp_path_factory.getbasetemp() / "cli-errors"
    if not data.exists():
        store = FalkorStore(settings_for(data))
        store.replace_graph(small_graph())
        store.close()
    done = run("query", *args, "--data-dir", str(data))
    assert done.returncode == 1 and message in done.stderr, done.stderr


def test_cli_query_prints_a_table_and_lists_named_queries(tmp_path_factory):
    data = tmp_path_factory.getbasetemp() / "cli-errors"
    if not data.exists():
        store = FalkorStore(settings_for(data))
        store.replace_graph(small_graph())
        store.close()
    done = run("query", "--name", "measure-owners", "--param", "measure=统筹科学智算", "--max-rows", "2",
               "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[:4] == ["province", "plan", "number", "measure"]
    assert "浙江省发展和改革委员会" in lines[2] and "之江实验室" in lines[3]
    assert lines[-1].startswith("(2 rows, truncated at the row cap") and "max_rows" in done.stderr
    listing = run("query", "--list").stdout
    assert "site-to-goals: From a site" in listing and '--param site="Songshan Lake"' in listing


def test_sigterm_to_build_watch_stops_the_embedded_server_it_started(tmp_path):
    """``build --watch`` runs under systemd, docker or ``timeout``, which stop it with SIGTERM. A bare
    SIGTERM runs no cleanup, so the redis-server it had started used to outlive it; now the watch
    closes its store (the last user stops the server) and exits 143 as a process ended by SIGTERM."""
    folder = tmp_path / "docs"
    folder.mkdir()
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    (folder / seed.name).write_bytes(seed.read_bytes())
    data = tmp_path / "data"
    proc = subprocess.Popen(policykg("build", "--watch", str(folder), "--data-dir", str(data), "-q"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=clean_env())
    try:
        first = proc.stdout.readline()  # the first build's report: the server is up and the watch begins
        assert first.startswith("added 1,"), first + proc.stderr.read()
        pid = server_pid(data)
        assert process_alive(pid)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(60) == 128 + signal.SIGTERM
    finally:
        if proc.poll() is None:
            proc.kill()
    assert wait_until(lambda: not process_alive(pid)), "the embedded server outlived the watch"
    assert not (data / "falkordb.sock").exists()


#: every command that only reads the graph
READING = [["stats"], ["query", "MATCH (n) RETURN count(n)"], ["export"], ["export", "--format", "ttl"],
           ["export", "--format", "graphml"], ["validate"], ["analyze", "agencies"], ["compare-targets"]]


def test_a_data_directory_without_a_graph_is_an_error_not_an_empty_graph(tmp_path):
    """A mistyped ``--data-dir`` used to start a server there, make an empty graph and report it
    (``stats``: no counts, ``export``: no nodes, exit status 0). Reading commands now say that no
    graph was built there, exit 1, and create nothing. (In process: the check comes before any
    server is started, and eight commands in subprocesses cost half a minute.)"""
    from click.testing import CliRunner

    from queries.cli import main

    typo = tmp_path / "policykg-dta"
    for command in READING:
        done = CliRunner().invoke(main, [*command, "--data-dir", str(typo)])
        assert done.exit_code == 1, (command, done.output)
        assert f"no graph in the data directory {typo}: there is no such directory" in done.output, command
        assert "policykg build --data-dir" in done.output and not typo.exists(), command
    typo.mkdir()  # a directory that exists but where nothing was built
    for command in READING:
        done = CliRunner().invoke(main, [*command, "--data-dir", str(typo)])
        assert done.exit_code == 1 and "no graph has been built there" in done.output, (command, done.output)
        assert list(typo.iterdir()) == [], command
