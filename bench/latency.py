"""Every named query's time at each corpus size, in the database and through HTTP, and 32 clients at once.

    python -m bench.latency OUT.json DATA_DIR [DATA_DIR ...] [--budget-s 2] [--clients 32] [--requests 8]

For each data directory (a graph built by ``bench.scale``): ``policykg serve
--no-build --port 0`` runs in its own process; this process opens the same
store (the same embedded server). Every named query runs with the parameters
of its README example and with its broadest filter (a whole province, a common
word, the busiest agency or site, taken from the graph), taking turns at one
call through ``queries.run.run_named`` (what the endpoint runs: its time in
the store is the database time) and one ``GET /queries/{name}`` through httpx,
the client users run, over a kept-alive loopback connection, until the case's
time budget is spent. What HTTP adds is each answer's whole time less the
database's share of it (its ``Server-Timing: db`` header), as it is: FastAPI's
router, uvicorn and httpx included. The engine's own plan of each case
(FalkorDB's ``GRAPH.PROFILE``: operators, rows and milliseconds) is kept for
the largest graph.

Then ``--clients`` threads, each with its own connection, send ``--requests``
requests each, mixing named queries (GET and POST) and ``POST /cypher`` console
queries; errors, timeouts and 503s (admission control refusing past its queue)
are counted apart, with the latency percentiles and the resident memory of the
service and of redis-server before and after.
"""

from __future__ import annotations

import argparse
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

import httpx

from bench.measure import percentile, rss_bytes

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


#: the broadest filter of each named query: parameters that select the most (a whole province, a
#: common word, the busiest agency, site or pair), values taken from the graph itself
BROADEST: dict[str, dict[str, str]] = {
    "measure-owners": {"province": "province"},
    "agency-measures": {"agency": "agency"},
    "site-to-goals": {"site": "site"},
    "plan-targets": {"province": "province"},
    "province-overview": {"province": "province"},
    "search": {"q": "人工智能"},
    "path": {"from": "site", "to": "coordinator"},
    "compare-targets": {},
}
#: how the graph's busiest entities are found (the value of the first row)
FROM_GRAPH = {
    "agency": "MATCH (a:Agency)-[:RESPONSIBLE_FOR]->() RETURN a.name AS v, count(*) AS n ORDER BY n DESC LIMIT 1",
    "site": "MATCH (s:Site)<-[:AT_SITE]-() RETURN s.name AS v, count(*) AS n ORDER BY n DESC LIMIT 1",
    "province": "MATCH (p:Province)<-[:LOCATED_IN*0..2]-()<-[:COVERS]-(plan:Plan) "
                "RETURN p.short AS v, count(DISTINCT plan) AS n ORDER BY n DESC LIMIT 1",
    "coordinator": "MATCH (a:Agency)-[:COORDINATES]->() RETURN a.name AS v, count(*) AS n ORDER BY n DESC LIMIT 1",
}


def named_calls() -> list[tuple[str, dict[str, str]]]:
    """Every named query with its README example's parameters (the first example of its file)."""
    from queries import named

    return [(q.name, q.example_params(q.examples[0]) if q.examples else {}) for q in named.named_queries().values()]


def cases(store) -> list[tuple[str, str, dict[str, str]]]:
    """(query, which, parameters): each named query with its README example's parameters (the
    first example of its file) and with its broadest filter."""
    from queries import named

    picked = {key: str(rows[0][0]) for key, cypher in FROM_GRAPH.items()
              if (rows := store.read(cypher).rows) and rows[0][0]}
    out = []
    for query in named.named_queries().values():
        if query.examples:
            out.append((query.name, "example", query.example_params(query.examples[0])))
        broad = {k: picked.get(v, v) for k, v in BROADEST.get(query.name, {}).items()}
        out.append((query.name, "broadest", broad))
    return out


def measure_case(url: str, store, settings, name: str, which: str, params: dict[str, str], budget_s: float,
                 plan: bool) -> dict:
    """Take turns at a direct call and an HTTP call of one case until its budget is spent."""
    from graph.errors import PolicyKGError
    from queries import named
    from queries.run import run_named

    query = named.get(name)
    path = f"/queries/{name}"
    row: dict = {"query": name, "which": which, "params": params}
    db: list[float] = []
    whole: list[float] = []
    added: list[float] = []
    try:
        with httpx.Client(base_url=url, timeout=60) as client:
            def over_http() -> None:
                started = time.perf_counter()
                response = client.get(path, params=params)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    raise RuntimeError(f"GET {path}: {response.status_code} {response.text[:200]}")
                whole.append(elapsed)
                added.append(elapsed - db_time(response.headers.get("server-timing")))

            first = run_named(store, query, params, from_strings=True, settings=settings)
            over_http()
            whole.clear()
            added.clear()
            deadline = time.perf_counter() + budget_s
            turns = 0
            while turns < 5 or (time.perf_counter() < deadline and turns < 200):
                result = run_named(store, query, params, from_strings=True, settings=settings)
                db.append(result.elapsed_ms)
                over_http()
                turns += 1
    except (PolicyKGError, RuntimeError, httpx.HTTPError) as exc:  # past the time limit, say
        row["error"] = str(exc)[:300]
        return row
    row.update({"rows_returned": len(first.rows), "turns": turns,
                "db_p50": percentile(db, 50), "db_p99": percentile(db, 99),
                "http_p50": percentile(whole, 50), "http_p99": percentile(whole, 99),
                "added_p50": percentile(added, 50), "added_p99": percentile(added, 99)})
    if plan:
        row["plan"] = profile(store, query, params)
    return row


def profile(store, query, params: dict[str, str]) -> list[str]:
    """The engine's own account of one run of the case: FalkorDB's ``GRAPH.PROFILE`` lines."""
    values = query.bind(params, from_strings=True)
    text = query.text_for(getattr(store, "dialect", None))
    try:
        graph = store.graph
        raw = graph.execute_command("GRAPH.PROFILE", graph.name, graph._build_params_header(values) + text)
        return [line.decode() if isinstance(line, bytes) else str(line) for line in raw]
    except Exception as exc:  # a store without PROFILE: say so in the report
        return [f"(no plan: {type(exc).__name__}: {exc})"]


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
    """``clients`` threads with their own connections, ``requests`` mixed requests each. A 503 (the
    service busy past its queue) and a timeout are counted apart from the other errors."""
    latencies: list[float] = []
    failures: list[str] = []
    busy = timeouts = 0
    lock = threading.Lock()

    def one_client(number: int) -> None:
        nonlocal busy, timeouts
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
                        response = client.post(f"/queries/{name}", json={"params": typed(name, params)})
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
                    elif response.status_code == 503 and response.headers.get("retry-after"):
                        busy += 1
                    elif response.status_code == 400 and '"code":"timeout"' in response.text.replace(" ", ""):
                        timeouts += 1
                    elif response.status_code != 200:
                        failures.append(f"{response.status_code} {request_name(response)} {response.text[:160]}")
        finally:
            client.close()

    with ThreadPoolExecutor(clients) as pool:
        started = time.perf_counter()
        list(pool.map(one_client, range(clients)))
        seconds = time.perf_counter() - started
    return {"clients": clients, "requests": len(latencies), "errors": len(failures), "timeouts": timeouts,
            "busy_503": busy, "first_errors": failures[:5], "seconds": seconds,
            "requests_s": len(latencies) / seconds, "p50_ms": percentile(latencies, 50),
            "p99_ms": percentile(latencies, 99), "max_ms": max(latencies)}


def typed(name: str, params: dict[str, str]) -> dict:
    """A query string's parameters as the JSON body of ``POST /queries/{name}`` takes them: each
    value of its declared type (2027, not "2027")."""
    from queries import named
    from queries.named import convert

    query = named.get(name)
    return {k: convert(query.param(k), v, from_strings=True) for k, v in params.items()}


def request_name(response: httpx.Response) -> str:
    return f"{response.request.method} {response.request.url.path}"


def measure(data_dir: Path, budget_s: float, clients: int, requests: int, plans: bool) -> dict:
    from graph.settings import Settings
    from graph.store.falkor import FalkorStore

    docs = len(list((data_dir / "documents").glob("*.json")))
    service = Service(data_dir)
    try:
        url = service.wait()
        settings = Settings(data_dir=data_dir, server_start_timeout_s=600)
        store = FalkorStore(settings)
        try:
            rows = [{"docs": docs, **measure_case(url, store, settings, name, which, params, budget_s, plans)}
                    for name, which, params in cases(store)]
            calls = [(r["query"], r["params"]) for r in rows if r["which"] == "example" or r["query"] == "search"]
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


def make_indexes(data_dir: Path) -> None:
    """The range indexes of ``graph.store.cypher`` that the stored graph lacks, made and waited for
    (the store writes the ``_names`` keys of a graph stored without them when it opens it)."""
    from graph.settings import Settings
    from graph.store.falkor import FalkorStore

    store = FalkorStore(Settings(data_dir=data_dir, server_start_timeout_s=600))
    try:
        store.add_missing_indexes()
        store.db.connection.save()
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("data_dirs", type=Path, nargs="*")
    parser.add_argument("--indexes-only", action="store_true",
                        help="only make the indexes this checkout declares on the graph of the data directory "
                             "given (in place of OUT), for a graph an earlier checkout built")
    parser.add_argument("--budget-s", type=float, default=2.0, help="time per case")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=8, help="requests per client and round")
    args = parser.parse_args(argv)
    if args.indexes_only:
        for data_dir in [args.out, *args.data_dirs]:
            make_indexes(data_dir)
        return 0
    rows, loads = [], []
    for number, data_dir in enumerate(args.data_dirs):
        measured = measure(data_dir, args.budget_s, args.clients, args.requests,
                           plans=number == len(args.data_dirs) - 1)
        rows += measured["rows"]
        loads.append(measured["load"])
    result = {
        "method": "Each named query with its README example's parameters and with its broadest filter (a whole "
                  "province, a common word, the busiest agency or site), taking turns at one direct call "
                  "(`queries.run.run_named` on a store of the same data directory: its time in the store is the "
                  "database time) and one `GET /queries/{name}` to `policykg serve` through httpx over a kept-alive "
                  f"loopback connection, until its time budget is spent ({args.budget_s:g} s per case, 5 to 200 "
                  "turns). HTTP adds: each answer's whole time less the database's share of it (its "
                  "`Server-Timing: db` header), FastAPI's router, uvicorn and httpx included, as users run them.",
        "rows": rows, "loads": loads,
    }
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
