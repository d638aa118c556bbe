"""A hostile client against a real ``policykg serve``: every attack answered, nothing hurt.

The service runs as its own process on the seed graph with small limits (a
1.5 s time limit, 128 MB per query, the database process capped at 1.5 GB,
the SPARQL process at 1 GB, answers at 4 MB). A TCP listener on a free
loopback port stands for every other address: the attacks that would make
the service reach out (LOAD CSV, SERVICE, FROM, file URLs) name it. Each case
must answer with a 4xx, or a 2xx whose size is bounded, within the issue's
bound: the time limit plus one second. Two allowances are added, each measured
in the same run rather than guessed, so that a busy machine (the suite once
failed at a load average of 6-8) does not fail it while a slow answer still does:

- the trip: the slowest answer, in this run, to a request that does no work
  (a 404, sent after every case); what the machine adds to any answer now;
- a restart, for the cases marked ``restart``: the first SPARQL query after one
  stopped at its time limit waits for the new SPARQL process to load the graph
  (not the query's time, or a graph slower to load than the limit could never
  be queried again); allowed what that took when the fixture did the same.

After all of them:

- no server error, and the service is still up and answers;
- the database process that served the first request serves the last (0 deaths);
- the graph is byte-identical (0 writes);
- the listener saw 0 connections (0 outbound);
- the database never held more than its memory limit.

``CASES`` holds the table of issue 18 and more; a case is (name, method,
path, request keywords, allowed statuses).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ROOT, SEEDS
from tests.faults.helpers import logged_url, snapshot

TIME_LIMIT_MS = 1500
#: the issue's bound: every answer within the time limit plus one second
BOUND_S = TIME_LIMIT_MS / 1000 + 1.0
SERVER_MEMORY_MB = 1536
#: the service process's peak resident memory: its own code and caches, and answers cut at 4 MB
SERVICE_PEAK_MB = 1024
LIMITS = {"POLICYKG_QUERY_TIME_LIMIT_MS": str(TIME_LIMIT_MS), "POLICYKG_QUERY_MEMORY_MB": "128",
          "POLICYKG_SERVER_MEMORY_MB": str(SERVER_MEMORY_MB), "POLICYKG_SPARQL_MEMORY_MB": "1024",
          "POLICYKG_MAX_ANSWER_BYTES": str(4 << 20)}


class Listener:
    """A TCP server on a free loopback port that counts the connections it is offered."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@dataclass
class Case:
    name: str
    method: str
    path: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    allowed: tuple[int, ...] = (400,)
    #: "sparql": the first SPARQL query after one stopped at its time limit (the SPARQL process restarts)
    restart: str | None = None


def cypher(name: str, query: str, allowed: tuple[int, ...] = (400,), **body: Any) -> Case:
    return Case(name, "POST", "/cypher", {"json": {"query": query, **body}}, allowed)


def sparql(name: str, query: str, allowed: tuple[int, ...] = (400,), restart: str | None = None,
           **params: Any) -> Case:
    return Case(name, "GET", "/sparql", {"params": {"query": query, **params}}, allowed, restart)


def cases(port: int) -> list[Case]:
    out = f"127.0.0.1:{port}"
    deep_json = b'{"query": "RETURN 1", "params": {"x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}"
    return [
        # -- issue 18's table --------------------------------------------------------------
        cypher("load csv after AS as", f"WITH 1 AS as LOAD CSV FROM 'https://{out}/x.csv' AS row RETURN row", (403,)),
        sparql("service after a comment ended by CR", "SELECT * WHERE { #x\rSERVICE <http://" + out +
               "/sparql> { ?s ?p ?o } }", (400, 403)),
        cypher("nested 24 deep", "RETURN " + "(" * 24 + "1" + ")" * 24),
        cypher("50,000 terms", "RETURN " + "+".join(["1"] * 50_000)),
        cypher("range of two billion", "RETURN size(range(1, 2000000000))"),
        cypher("substring of Chinese evidence", "MATCH ()-[r]->() RETURN substring(r.evidence, 0, 40)"),
        cypher("200 kB query", "RETURN 1 AS x " + "UNION RETURN 1 AS x " * 10_000),
        cypher("paths of up to 50 steps", "MATCH p=(a)-[*..50]-(b) RETURN p", (200, 400)),
        sparql("cartesian count", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"),
        Case("timeout_ms superscript two", "GET", "/queries/search?q=x&timeout_ms=%C2%B2"),
        Case("format is a number", "POST", "/queries/search", {"json": {"params": {"q": "x"}, "format": 5}}),
        # the SPARQL process was killed at the cartesian count's time limit: its successor loads the graph first
        sparql("default graph not an IRI", "ASK {}", restart="sparql", **{"default-graph-uri": "not an iri"}),
        Case("NUL in a static path", "GET", "/static/%00", allowed=(404,)),
        Case("100,000-deep JSON", "POST", "/cypher", {"content": deep_json,
                                                       "headers": {"content-type": "application/json"}}),
        Case("rebuild from another origin", "POST", "/admin/rebuild",
             {"headers": {"Origin": "http://evil.example"}}, (403,)),
        Case("DNS rebinding Host", "GET", "/health", {"headers": {"Host": "evil.example:8000"}}, (421,)),
        # -- reaching out ------------------------------------------------------------------
        cypher("load csv over http", f"LOAD CSV FROM 'http://{out}/x.csv' AS row RETURN row", (403,)),
        cypher("load csv of a local file", "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", (403,)),
        cypher("load csv with headers after AS as",
               f"WITH 1 AS as LOAD CSV WITH HEADERS FROM 'https://{out}/x' AS r RETURN r", (403,)),
        cypher("load csv in a subquery", f"CALL {{ WITH 1 AS as LOAD CSV FROM 'http://{out}/' AS r RETURN r }} "
               "RETURN 1", (403,)),
        cypher("load csv in a union branch", f"RETURN 1 AS r UNION WITH 1 AS as LOAD CSV FROM 'http://{out}/' "
               "AS r RETURN r", (403,)),
        cypher("load csv in full-width letters", f"ＬＯＡＤ ＣＳＶ FROM 'http://{out}/' AS r RETURN r", (403,)),
        cypher("load csv with the URL in a parameter", "WITH 1 AS as LOAD CSV FROM $u AS r RETURN r", (403,),
               params={"u": f"http://{out}/"}),
        sparql("service", "SELECT * WHERE { SERVICE <http://" + out + "/> { ?s ?p ?o } }", (403,)),
        sparql("service silent in lower case", "select * where { optional { service silent <http://" + out +
               "/> { ?s ?p ?o } } }", (403,)),
        sparql("service through a variable", "SELECT * WHERE { BIND(<http://" + out + "/> AS ?u) SERVICE ?u "
               "{ ?s ?p ?o } }", (403,)),
        sparql("load", "LOAD <http://" + out + "/x.ttl>", (400, 403)),
        sparql("from a remote graph", "SELECT * FROM <http://" + out + "/g> WHERE { ?s ?p ?o } LIMIT 1", (200, 400)),
        # -- parser and planner ------------------------------------------------------------
        cypher("nested 12 deep", "RETURN " + "[" * 12 + "1" + "]" * 12),
        cypher("NOT thirty times", "RETURN " + "NOT " * 30 + "true"),
        cypher("unary minus thirty times", "RETURN " + "- " * 30 + "1"),
        cypher("CASE twenty deep", "RETURN " + "CASE WHEN true THEN " * 20 + "1" + " END" * 20),
        cypher("functions twenty deep", "RETURN " + "abs(" * 20 + "1" + ")" * 20),
        cypher("5,000 terms under the length limit", "RETURN " + "+".join(["1"] * 5000)),
        cypher("many deep expressions at the limits", "RETURN [" + ",".join(["((((((1))))))"] * 1100) + "]",
               (200, 400)),
        cypher("a pattern of 3,000 hops", "MATCH p=(a)" + "-[]-(b)" * 3000 + " RETURN p", (400,)),
        cypher("a comment that crashed the engine", "CALL {\n // comment\n MATCH (m:Measure) RETURN m\n UNION\n"
               " MATCH (e:Site) MATCH (m:Measure)--(e) RETURN m\n}\nRETURN count(*) AS n", (200,)),
        # -- memory and time ---------------------------------------------------------------
        cypher("range past the limit through a parameter", "RETURN size(range(0, $n))", params={"n": 2_000_000_000}),
        cypher("range with a computed bound", "UNWIND [2000000000] AS n RETURN size(range(1, n))"),
        cypher("range of products", "RETURN size(range(1, 100000 * 100000))"),
        cypher("left of Chinese text", "MATCH (s:Site) RETURN left(s.name, 10)"),
        cypher("a collected list past the query memory", "UNWIND range(1, 9000000) AS x WITH collect(x) AS l "
               "RETURN size(l)"),
        cypher("growing strings", "RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s))"),
        cypher("replace that multiplies", "MATCH (m:Measure) RETURN size(replace(replace(m.text, '', m.text), "
               "'', m.text))"),
        cypher("replace by regex with itself", "MATCH (m:Measure) RETURN string.replaceRegEx(m.text, '.', m.text)"),
        cypher("a pattern of 400 hops", "MATCH p=(a)" + "-[]-(b)" * 400 + " RETURN count(p)", (200, 400)),
        cypher("four-way cartesian product", "MATCH (a), (b), (c), (d) RETURN count(*)"),
        cypher("every path of the graph", "MATCH p=()-[*]-() RETURN p", (200, 400)),
        cypher("answer past the byte cap", "MATCH (m:Measure), (n:Measure) RETURN m.text, n.text", (200, 400)),
        # -- writes ------------------------------------------------------------------------
        cypher("create", "CREATE (:Intruder)", (403,)),
        cypher("merge after AS as", "WITH 1 AS as MERGE (:Intruder)", (403,)),
        cypher("detach delete", "MATCH (n) DETACH DELETE n", (403,)),
        cypher("set after AS as", "MATCH (n) WITH n AS as SET as.x = 1", (403,)),
        cypher("foreach", "MATCH (n) FOREACH (x IN [1] | SET n.y = x)", (403,)),
        cypher("create index", "CREATE INDEX FOR (n:Plan) ON (n.title)", (403,)),
        cypher("a write procedure", "CALL db.idx.fulltext.createNodeIndex('Plan', 'title')", (403,)),
        cypher("apoc", "RETURN apoc.cypher.runFirstColumnSingle('CREATE (n) RETURN n', {}) AS x", (403,)),
        sparql("insert data", "INSERT DATA { <http://x/a> <http://x/b> 1 }", (403,)),
        Case("sparql update parameter", "POST", "/sparql", {"data": {"update": "CLEAR ALL"}}, (403,)),
        Case("sparql update content type", "POST", "/sparql",
             {"content": b"CLEAR ALL", "headers": {"content-type": "application/sparql-update"}}, (403,)),
        # -- bad input ---------------------------------------------------------------------
        cypher("NUL in the query", "RETURN 1 // \x00"),
        cypher("parameter beyond 64 bits", "RETURN $x", params={"x": 10**30}),
        cypher("parameters nested too deep", "RETURN $x", params={"x": [[[[[[[[[[[1]]]]]]]]]]]}),
        cypher("NUL in a parameter", "RETURN $x", params={"x": "a\x00b"}),
        cypher("timeout above the limit", "RETURN 1", timeout_ms=10**9),
        cypher("zero rows", "RETURN 1", (400, 422), max_rows=0),
        cypher("empty query", "   "),
        Case("query is a number", "POST", "/cypher", {"json": {"query": 5}}, (422,)),
        Case("unknown field", "POST", "/cypher", {"json": {"query": "RETURN 1", "write": True}}, (422,)),
        Case("malformed JSON", "POST", "/cypher", {"content": b'{"query": ', "headers":
                                                   {"content-type": "application/json"}}),
        Case("body over the limit", "POST", "/cypher", {"content": b"x" * ((1 << 20) + 10),
                                                        "headers": {"content-type": "application/json"}}, (413,)),
        Case("deep JSON to a named query", "POST", "/queries/search",
             {"content": b'{"params": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
              "headers": {"content-type": "application/json"}}),
        Case("named query limit below zero", "GET", "/queries/search?q=x&limit=-1"),
        Case("named query limit past 64 bits", "GET", "/queries/path?from=a&to=b&limit=99999999999999999999"),
        Case("named query format xml", "GET", "/queries/search?q=x&format=xml"),
        Case("unknown named query", "GET", "/queries/drop-everything", allowed=(404,)),
        Case("NUL in a named query parameter", "GET", "/queries/search?q=a%00b"),
        sparql("named graph not an IRI", "ASK {}", **{"named-graph-uri": "<>"}),
        Case("200 kB SPARQL", "POST", "/sparql", {"content": ("SELECT * WHERE { ?s ?p ?o } #" + "x" * 200_000).encode(),
                                                  "headers": {"content-type": "application/sparql-query"}}),
        sparql("braces 3,000 deep", "SELECT * WHERE " + "{" * 3000 + "}" * 3000),
        sparql("sparql format is a number", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", format="5"),
        Case("sparql as text/plain", "POST", "/sparql", {"content": b"ASK {}",
                                                         "headers": {"content-type": "text/plain"}}, (415,)),
        Case("static path up and out", "GET", "/static/..%2f..%2fpyproject.toml", allowed=(404,)),
        Case("dereference a NUL", "GET", "/id/x/%00", allowed=(404,)),
        # -- browsers ----------------------------------------------------------------------
        Case("query from another origin", "POST", "/cypher",
             {"content": b'{"query": "RETURN 1"}',
              "headers": {"content-type": "text/plain", "Origin": "http://evil.example"}}, (403,)),
        Case("cross-site fetch without Origin", "POST", "/queries/search",
             {"json": {"params": {"q": "x"}}, "headers": {"Sec-Fetch-Site": "cross-site"}}, (403,)),
        Case("Origin null", "POST", "/admin/rebuild", {"headers": {"Origin": "null"}}, (403,)),
        Case("rebinding a query", "POST", "/cypher", {"json": {"query": "RETURN 1"},
                                                      "headers": {"Host": "attacker.example"}}, (421,)),
    ]


def _start_time(pid: int) -> str:
    with open(f"/proc/{pid}/stat") as handle:
        return handle.read().rsplit(")", 1)[-1].split()[19]


def _same_process(pid: int, started: str) -> bool:
    try:
        return _start_time(pid) == started
    except OSError:
        return False


def _log_errors(log: Path) -> str:
    """The served process's log but its one line per answered request: errors, their tracebacks and
    uvicorn's own lines, for a failure's message (a 500 says only "the server log has the details",
    and the fixture deletes the log when the module ends)."""
    return "\n".join(line for line in log.read_text(errors="replace").splitlines()
                     if " INFO policykg.http: " not in line)


#: past the time limit in the SPARQL process, which is killed at it
SPARQL_PAST_THE_LIMIT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _sparql_restart_s(client: httpx.Client) -> float:
    """How long a SPARQL query takes right after one was stopped at its time limit, on this machine
    now: the killed process's successor loads the graph before it answers."""
    stopped = client.get("/sparql", params={"query": SPARQL_PAST_THE_LIMIT})
    assert stopped.status_code == 400 and stopped.json()["error"]["code"] == "timeout", stopped.text
    started = time.monotonic()
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200
    return time.monotonic() - started


def _peak_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmHWM"):
                return int(line.split()[1])
    return 0


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(base URL, data dir, listener, service process, its log, SPARQL restart seconds) of a served seed
    graph under small limits."""
    data = tmp_path_factory.mktemp("hostile-data")
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")} | LIMITS
    built = subprocess.run([sys.executable, "-m", "queries.cli", "build", "-q", "--data-dir", str(data), str(SEEDS)],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    handle, name = tempfile.mkstemp(prefix="policykg-hostile-", suffix=".log")
    os.close(handle)
    log = Path(name)
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "queries.cli", "serve", "--no-build", "--port", "0",
                                 "--data-dir", str(data)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=out)
    listener = Listener()
    try:
        url = logged_url(proc, log, 120)
        with httpx.Client(base_url=url, timeout=60) as client:  # warm: the store, the SPARQL process
            assert client.get("/health").status_code == 200
            assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200
            assert client.get("/queries/search", params={"q": "算力"}).status_code == 200  # jieba's dictionary
            restart_s = _sparql_restart_s(client)
        yield url, data, listener, proc, log, restart_s
    finally:
        listener.close()
        if proc.poll() is None:
            proc.terminate()
            proc.wait(60)
        log.unlink(missing_ok=True)


def test_a_hostile_client_hurts_nothing(hostile, record_property):
    url, data, listener, proc, log, restart_s = hostile
    before = snapshot(data)
    server_pid = int((data / "falkordb.pid").read_text())
    server_started = _start_time(server_pid)
    table = cases(listener.port)
    assert len(table) >= 60
    outcomes, failures, trips = [], [], []
    with httpx.Client(base_url=url, timeout=60) as client:
        for case in table:
            started = time.monotonic()
            try:
                response = client.request(case.method, case.path, **case.kwargs)
                status, text = response.status_code, response.text[:300]
            except httpx.HTTPError as exc:
                status, text = 0, f"{type(exc).__name__}: {exc}"
            seconds = time.monotonic() - started
            outcomes.append((case, status, seconds, text))
            if status >= 200 and status < 300:
                assert len(response.content) <= 4 << 20, case.name
            if status >= 400 and status != 421 and response.headers.get("content-type", "").startswith("application"):
                assert "error" in response.json(), case.name
            if not _same_process(server_pid, server_started):
                failures.append(f"{case.name}: the database died")
                break
            started = time.monotonic()  # a request that does no work: what any answer takes here now
            try:
                probe = client.get("/no-such-page")
                if probe.status_code != 404:
                    failures.append(f"after {case.name}: a request for no page: {probe.status_code} {probe.text}")
            except httpx.HTTPError as exc:
                failures.append(f"after {case.name}: a request for no page: {type(exc).__name__}: {exc}")
            trips.append(time.monotonic() - started)
        restart_s = max(restart_s, _sparql_restart_s(client))  # the machine's load changes during the run
        health = client.get("/health")
    trip_s = max(trips)
    for case, status, seconds, text in outcomes:
        bound = BOUND_S + trip_s + (restart_s if case.restart == "sparql" else 0.0)
        if status not in case.allowed or seconds > bound:
            failures.append(f"{case.name}: {status} in {seconds:.2f} s (allowed {case.allowed} within "
                            f"{bound:.2f} s): {text}")
    slowest = max(seconds for _, _, seconds, _ in outcomes)
    record_property("trip_s", round(trip_s, 3))
    record_property("sparql_restart_s", round(restart_s, 2))
    record_property("cases", len(table))
    record_property("slowest_s", round(slowest, 2))
    print("\n" + "\n".join(f"{status} {seconds:5.2f}s {case.name}" for case, status, seconds, _ in outcomes))
    print(f"bound {BOUND_S:.2f} s + trip {trip_s:.2f} s (+ SPARQL restart {restart_s:.2f} s where marked)")
    print(f"database peak {_peak_kb(server_pid) / 1024:.0f} MB, service peak {_peak_kb(proc.pid) / 1024:.0f} MB")
    assert not failures, "\n".join(failures) + "\n-- the service's log, but for its request lines --\n" + \
        _log_errors(log)
    assert len(outcomes) == len(table)
    assert health.status_code == 200 and health.json()["status"] == "ok"
    assert proc.poll() is None, "the service died"
    assert int((data / "falkordb.pid").read_text()) == server_pid
    assert listener.connections == 0, "a request reached another address"
    assert _peak_kb(server_pid) <= SERVER_MEMORY_MB * 1024
    service_peak_mb = _peak_kb(proc.pid) / 1024
    record_property("service_peak_mb", round(service_peak_mb))
    assert service_peak_mb < SERVICE_PEAK_MB, "the service held more than its answers' limit can explain"
    service_log = log.read_text(errors="replace")
    assert " 500 " not in service_log and "unexpected error" not in service_log, _log_errors(log)
    assert snapshot(data) == before, "the graph changed"


def test_the_sparql_parse_decides_on_service_whatever_the_words():
    from graph.errors import ReadOnlyError
    from graph.rdf.worker import check_parsed

    with pytest.raises(ReadOnlyError):
        check_parsed("SELECT * WHERE { OPTIONAL { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } } }")
    check_parsed("SELECT * WHERE { ?s <http://x/service> 'SERVICE' }")


def test_the_cases_are_distinct_and_at_least_sixty():
    table = cases(1)
    assert len({c.name for c in table}) == len(table) >= 60, "case names are unique"
    assert len({json.dumps([c.method, c.path, c.kwargs], default=str) for c in table}) == len(table)


def test_the_service_stops_promptly_with_a_sparql_query_running_and_leaves_no_database(tmp_path):
    """A query that would never end held a thread, and shutdown waited on it for good with the database
    left running; now the SPARQL process is killed, and the service and both its FalkorDB servers (the
    served one and the plan sandbox) are gone within the time limit."""
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")} | LIMITS
    env["POLICYKG_QUERY_TIME_LIMIT_MS"] = "3000"
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "queries.cli", "serve", "--port", "0", "--data-dir", str(data),
                                 str(sorted(SEEDS.glob("*.txt"))[0])], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=out)
    try:
        url = logged_url(proc, log, 180)
        with httpx.Client(base_url=url, timeout=60) as client:
            client.post("/cypher", json={"query": "MATCH (n) RETURN count(n)"})  # starts the plan sandbox
        servers = [int((data / d / "falkordb.pid").read_text()) for d in (".", "sandbox")]
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        threading.Thread(target=lambda: httpx.get(url + "/sparql", params={"query": query}, timeout=60),
                         daemon=True).start()
        time.sleep(1.0)
        stopping = time.monotonic()
        proc.terminate()
        proc.wait(30)
        # the time limit and a second, 5 s for the FalkorDB servers to stop, 1.5 s for a shared machine
        assert time.monotonic() - stopping < 3.0 + 1.0 + 5 + 1.5
        for pid in servers:
            assert not Path(f"/proc/{pid}").exists() or _zombie(pid), "a FalkorDB server was left running"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[-1].split()[0] == "Z"
    except OSError:
        return True
