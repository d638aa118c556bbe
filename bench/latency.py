"""Query latency through HTTP against the same query run directly on the store, and under 32 clients.

    python -m bench.latency OUT.json DATA_DIR [DATA_DIR ...] [--budget-s 4] [--clients 32] [--requests 20]

For each data directory (a graph built by ``bench.scale``): ``policykg serve
--no-build --port 0`` runs in its own process; this process opens the same
store (the same embedded server) and, for every named query with its first
example's parameters, takes turns at one call through ``queries.run.run_named``
(what the endpoint runs) and two ``GET /queries/{name}`` over kept-alive
loopback connections, until the query's time budget is spent: one through a
minimal HTTP/1.1 client (``bench/wire.py``), which measures the service, and
one through the stdlib ``http.client``, which shows what a Python client's
own header parsing adds to that.

What HTTP adds is measured in pairs: each HTTP answer's time less the
database's share of it (its ``Server-Timing: db`` header, the store's own
clock in the service) against each direct call's time less the store's share
of it (the same clock, ``QueryResult.elapsed_ms``); added = the median (p50)
or 99th percentile of the first less that of the second. The query's own run,
which varies by a third between minutes on a shared machine, so drops out
of both sides; the difference of the whole calls' medians is kept alongside.

Then ``--clients`` threads, each with its own connection, send
``--requests`` requests each, mixing named queries (GET and POST) and
``POST /cypher`` console queries; the errors, the latency percentiles and
the resident memory of the service and of redis-server before and after
are recorded.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from statistics import median
from urllib.parse import urlencode, urlsplit

import httpx

from bench.measure import percentile, rss_bytes
from bench.wire import WireClient

ROOT = Path(__file__).resolve().parent.parent

#: what a console user types: small reads over the whole graph
CONSOLE = [
    "MATCH (p:Plan) RETURN p.title, p.date_issued ORDER BY p.title LIMIT 20",
    "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n ORDER BY n DESC",
    "MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(m:Measure) RETURN a.name, count(m) AS n ORDER BY n DESC LIMIT 10",
    "MATCH (t:Target) WHERE t.year = $year RETURN t.metric, t.value, t.unit LIMIT 50",
    "MATCH (s:Site)<-[:AT_SITE]-(m:Measure)<-[:HAS_MEASURE]-(p:Plan) RETURN s.name, count(p) LIMIT 25",
]


class Service:
    """``policykg serve --no-build --port 0`` in a child process; its URL read from its log.

    The log (one line per request) goes to a file, not to a pipe this process
    reads: a reader thread here would wake at every request, in the process
    whose clock measures the request.
    """

    def __init__(self, data_dir: Path):
        # the service's settings are the defaults and these flags, whatever POLICYKG_* the caller has set
        env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
        handle, name = tempfile.mkstemp(prefix="policykg-serve-", suffix=".log")
        os.close(handle)
        self.log = Path(name)
        with self.log.open("wb") as log:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen([sys.executable, "-m", "queries.cli", "serve", "--no-build", "--port", "0",
                                          "--data-dir", str(data_dir)], cwd=ROOT, stdout=subprocess.DEVNULL,
                                         stderr=log, env=env)

    def wait(self, seconds: float = 300) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            text = self.log.read_text(encoding="utf-8", errors="replace")
            match = re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", text)
            if match:
                return match.group(1)
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError(f"policykg serve did not start; its log: {self.log}")

    def stop(self, failed: bool = False) -> None:
        """Stop the service; after a failure its log's last lines go to stderr first."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(60)
        elif failed:
            print(f"policykg serve exited with status {self.proc.returncode}", file=sys.stderr)
        if failed:
            lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
            print("\n".join(["the service's log, last lines:", *lines[-60:]]), file=sys.stderr)
        self.log.unlink(missing_ok=True)


#: a value from the graph itself for parameters of these names, so that the queries find something
#: on any corpus (the examples name seed entities, which a synthetic corpus may not hold)
FROM_GRAPH = {
    "agency": "MATCH (a:Agency)-[:RESPONSIBLE_FOR]->() RETURN a.name AS v, count(*) AS n ORDER BY n DESC LIMIT 1",
    "measure": "MATCH (a:Agency)-[:RESPONSIBLE_FOR]->(m:Measure) RETURN m.title AS v, count(a) AS n "
               "ORDER BY n DESC LIMIT 1",
    "site": "MATCH (s:Site)<-[:AT_SITE]-() RETURN s.name AS v, count(*) AS n ORDER BY n DESC LIMIT 1",
    "province": "MATCH (p:Province)<-[:COVERS]-() RETURN p.short AS v, count(*) AS n ORDER BY n DESC LIMIT 1",
    "from": "MATCH (s:Site)<-[:AT_SITE]-() RETURN s.name AS v, count(*) AS n ORDER BY n DESC LIMIT 1",
    "to": "MATCH (a:Agency)-[:COORDINATES]->() RETURN a.name AS v, count(*) AS n ORDER BY n DESC LIMIT 1",
}


def named_calls(store=None) -> list[tuple[str, dict[str, str]]]:
    """Every named query with its first example's parameters, values taken from the graph where it can."""
    from queries import named

    picked: dict[str, str] = {}
    if store is not None:
        for name, cypher in FROM_GRAPH.items():
            rows = store.read(cypher).rows
            if rows and rows[0][0]:
                picked[name] = str(rows[0][0])
    calls = []
    for query in named.named_queries().values():
        params = query.example_params(query.examples[0]) if query.examples else {}
        params = {k: picked.get(k, v) for k, v in params.items()}
        calls.append((query.name, params))
    return calls


def compare(url: str, store, settings, name: str, params: dict[str, str], budget_s: float) -> dict:
    """Rotate a direct call and two HTTP calls of one named query until its budget is spent."""
    from graph.errors import PolicyKGError
    from queries import named
    from queries.run import run_named

    query = named.get(name)
    parts = urlsplit(url)
    path = f"/queries/{name}?{urlencode(params)}"
    # the minimal client measures the service (bench/wire.py); the stdlib one, which parses each
    # answer's headers through email.parser, what a Python client meets; httpx would add about 1 ms
    # of its own per request here (0.3 ms against 1.4 ms for an empty answer from a bare ASGI app)
    wire = WireClient(parts.hostname, parts.port)
    stdlib = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)

    def direct() -> tuple[float, float, int]:
        """The call's time, the store's share of it, and the rows."""
        started = time.perf_counter()
        result = run_named(store, query, params, from_strings=True, settings=settings)
        return (time.perf_counter() - started) * 1000, result.elapsed_ms, len(result.rows)

    def over_wire() -> tuple[float, float]:
        """The answer's time and the database's share of it, as the service reports it."""
        started = time.perf_counter()
        status, headers, _ = wire.get(path)
        elapsed = (time.perf_counter() - started) * 1000
        if status != 200:
            raise RuntimeError(f"GET {path}: {status}")
        return elapsed, db_time(headers.get("server-timing"))

    def over_stdlib() -> tuple[float, float]:
        started = time.perf_counter()
        try:
            stdlib.request("GET", path)
            response = stdlib.getresponse()
        except (http.client.RemoteDisconnected, ConnectionError):
            # the service closes a connection idle past its keep-alive (5 s), which a slow direct
            # call at 10,000 documents outlasts; http.client does not reconnect by itself
            stdlib.close()
            started = time.perf_counter()
            stdlib.request("GET", path)
            response = stdlib.getresponse()
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise RuntimeError(f"GET {path}: {response.status}")
        return elapsed, db_time(response.getheader("Server-Timing"))

    d_times: list[float] = []
    d_own: list[float] = []  # a direct call's time outside the store
    h_times: list[float] = []
    h_own: list[float] = []  # an HTTP answer's time outside the database
    h_db: list[float] = []
    s_own: list[float] = []  # the same through http.client

    def one_of_each(turn: int) -> None:
        kinds = ("direct", "wire", "stdlib")
        for kind in kinds[turn % 3:] + kinds[:turn % 3]:  # each goes first, second and third in turn
            if kind == "wire":
                elapsed, db = over_wire()
                h_times.append(elapsed)
                h_own.append(elapsed - db)
                h_db.append(db)
            elif kind == "stdlib":
                elapsed, db = over_stdlib()
                s_own.append(elapsed - db)
            else:
                elapsed, in_store, _ = direct()
                d_times.append(elapsed)
                d_own.append(elapsed - in_store)

    try:
        warm, _, rows = direct()
        over_wire()
        over_stdlib()
        reps = int(min(200, max(5, budget_s * 1000 / max(3 * warm, 1.0))))
        for i in range(reps):
            one_of_each(i)
    except (PolicyKGError, RuntimeError) as exc:  # at 10,000 documents a query may pass its time limit
        return {"query": name, "params": params, "error": str(exc)}
    finally:
        wire.close()
        stdlib.close()
    return {"query": name, "params": params, "rows_returned": rows, "reps": reps,
            "direct_p50": percentile(d_times, 50), "direct_p99": percentile(d_times, 99),
            "http_p50": percentile(h_times, 50), "http_p99": percentile(h_times, 99),
            "service_db_p50": percentile(h_db, 50),
            "added_p50": percentile(h_own, 50) - percentile(d_own, 50),
            "added_p99": percentile(h_own, 99) - percentile(d_own, 99),
            "stdlib_added_p50": percentile(s_own, 50) - percentile(d_own, 50)}


def db_time(header: str | None) -> float:
    """The ``db`` entry of a ``Server-Timing`` header, in milliseconds."""
    for entry in (header or "").split(","):
        name, *fields = (part.strip() for part in entry.split(";"))
        if name == "db":
            for field in fields:
                if field.startswith("dur="):
                    return float(field[4:])
    raise RuntimeError(f"the answer has no Server-Timing db entry ({header!r})")


def crowd(url: str, clients: int, requests: int, calls: list[tuple[str, dict[str, str]]]) -> dict:
    """``clients`` threads with their own connections, ``requests`` mixed requests each."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()

    def one_client(number: int) -> None:
        client = httpx.Client(base_url=url, timeout=120)
        try:
            for i in range(requests):
                kind = (number + i) % 4
                started = time.perf_counter()
                try:
                    if kind == 0:
                        name, params = calls[(number + i) % len(calls)]
                        response = client.get(f"/queries/{name}", params=params)
                    elif kind == 1:
                        name, params = calls[(number * 7 + i) % len(calls)]
                        response = client.post(f"/queries/{name}", json={"params": params})
                    else:
                        query = CONSOLE[(number + i) % len(CONSOLE)]
                        response = client.post("/cypher", json={"query": query, "params": {"year": 2027}})
                except httpx.HTTPError as exc:  # a dropped connection is an error to count, not the end of the run
                    response = None
                    failure = f"{type(exc).__name__}: {exc} ({exc.request.method} {exc.request.url.path})"
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(elapsed)
                    if response is None:
                        failures.append(failure)
                    elif response.status_code != 200:
                        failures.append(f"{response.status_code} {request_name(response)} {response.text[:160]}")
        finally:
            client.close()

    with ThreadPoolExecutor(clients) as pool:
        started = time.perf_counter()
        list(pool.map(one_client, range(clients)))
        seconds = time.perf_counter() - started
    return {"clients": clients, "requests": len(latencies), "errors": len(failures), "first_errors": failures[:5],
            "seconds": seconds, "requests_s": len(latencies) / seconds, "p50_ms": percentile(latencies, 50),
            "p99_ms": percentile(latencies, 99), "max_ms": max(latencies)}


def request_name(response: httpx.Response) -> str:
    return f"{response.request.method} {response.request.url.path}"


def measure(data_dir: Path, budget_s: float, clients: int, requests: int) -> dict:
    from graph.settings import Settings
    from graph.store.falkor import FalkorStore

    docs = len(list((data_dir / "documents").glob("*.json")))
    service = Service(data_dir)
    try:
        url = service.wait()
        settings = Settings(data_dir=data_dir)
        store = FalkorStore(settings)
        try:
            calls = named_calls(store)
            rows = [{"docs": docs, **compare(url, store, settings, name, params, budget_s)} for name, params in calls]
            server_pid = store.server.pid()
            memory_before = {"service_mb": rss_bytes(service.proc.pid) / 2**20,
                             "redis_mb": rss_bytes(server_pid) / 2**20}
            load = crowd(url, clients, requests, calls)
            crowd(url, clients, requests, calls)  # a second round: memory should not keep growing
            load["memory_before"] = memory_before
            load["memory_after"] = {"service_mb": rss_bytes(service.proc.pid) / 2**20,
                                    "redis_mb": rss_bytes(server_pid) / 2**20}
            load["docs"] = docs
        finally:
            store.close()
    except BaseException:
        service.stop(failed=True)
        raise
    service.stop()
    return {"rows": rows, "load": load}


def by_size(rows: list[dict]) -> list[dict]:
    """Per corpus size: the median over the queries that answered of what HTTP added, and those that did not."""
    sizes = []
    for docs in sorted({r["docs"] for r in rows}):
        answered = [r for r in rows if r["docs"] == docs and "error" not in r]
        sizes.append({"docs": docs, "queries": len(answered),
                      "failed": [r["query"] for r in rows if r["docs"] == docs and "error" in r],
                      "added_p50_ms": median(r["added_p50"] for r in answered) if answered else None,
                      "added_p99_ms": median(r["added_p99"] for r in answered) if answered else None,
                      "stdlib_added_p50_ms": median(r["stdlib_added_p50"] for r in answered) if answered else None})
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("data_dirs", type=Path, nargs="+")
    parser.add_argument("--budget-s", type=float, default=4.0, help="time per query and path")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=20, help="requests per client and round")
    args = parser.parse_args(argv)
    rows, loads = [], []
    for data_dir in args.data_dirs:
        measured = measure(data_dir, args.budget_s, args.clients, args.requests)
        rows += measured["rows"]
        loads.append(measured["load"])
    first = [r for r in rows if r["docs"] == rows[0]["docs"] and "error" not in r]
    worst = max(first, key=lambda r: r["added_p50"])
    result = {
        "method": "Each named query with its first example's parameters, taking turns at one direct call "
                  "(`queries.run.run_named` on a store of the same data directory) and two `GET /queries/{name}` "
                  "to `policykg serve` over kept-alive loopback connections, until its time budget is spent "
                  f"({args.budget_s:g} s per query and path, 5 to 200 turns): one through a minimal HTTP/1.1 client "
                  "(`bench/wire.py`: request line, status line, headers, Content-Length body), which measures the "
                  "service, and one through the stdlib `http.client`, whose own header parsing (`email.parser`, "
                  "run cold after each wait) shows what a Python client adds on top; httpx adds about 1 ms more. "
                  "Added is measured in pairs: each HTTP answer's time less the database's share of it (its "
                  "`Server-Timing: db` header, the store's clock in the service), against each direct call's time "
                  "less the store's share of it (the same clock); added = p50 (p99) of the first − p50 (p99) of "
                  "the second. The query's own run, which varies by a third between minutes here, so drops out; "
                  "`HTTP p50 − direct p50` of the whole calls is shown alongside.",
        "rows": rows, "loads": loads,
        "added_p50_ms": median(r["added_p50"] for r in first), "added_p99_ms": median(r["added_p99"] for r in first),
        "unpaired_added_p50_ms": median(r["http_p50"] - r["direct_p50"] for r in first),
        "stdlib_added_p50_ms": median(r["stdlib_added_p50"] for r in first),
        "worst_added_p50_ms": worst["added_p50"], "worst_query": worst["query"],
        "by_size": by_size(rows),
    }
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
