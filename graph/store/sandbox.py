"""The plan sandbox: a second embedded FalkorDB, empty, that only plans clients' queries.

Asking the served database what a client's query would do (``GRAPH.EXPLAIN``)
would expose it to what planning can cost, and planning is where FalkorDB
4.16 is weakest: a pattern of a few thousand hops takes minutes to plan, and
constant expressions are evaluated while planning, so ``RETURN
size(range(1, 2000000000))`` allocates 32 GB before any query limit applies.
This server holds no data, runs under its own small memory limit and is
killed when a plan takes longer than the query's time limit; when it dies, it
is started again on the next query and the served database never noticed.

A query that kills the sandbox is tried once more on a fresh one (another
query planned at the same moment may have been the culprit); if it kills that
one too it is refused.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import redis
from falkordb import FalkorDB

from graph.errors import QueryError, QueryTimeout
from graph.settings import Settings
from graph.store.embedded import EmbeddedServer, no_retry
from graph.store.plan import Plan, falkordb_plan

GRAPH = "sandbox"
#: the sandbox plans only; its memory is for the plans and the constants they fold
MEMORY_MB = 1024


class PlannerCrashed(QueryError):
    """Planning the query ended the database process that planned it."""

    code = "query_crashed"


class PlanSandbox:
    """``explain(query, params)`` on a disposable FalkorDB under ``data_dir/sandbox``."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.server = EmbeddedServer(Path(settings.data_dir) / "sandbox",
                                     start_timeout_s=settings.server_start_timeout_s,
                                     query_memory_mb=settings.query_memory_mb,
                                     memory_mb=min(MEMORY_MB, settings.server_memory_mb))
        self._lock = threading.Lock()
        self._client: FalkorDB | None = None
        self._generation = 0  # bumped each time this process kills the sandbox on a deadline

    def explain(self, query: str, params: dict[str, Any] | None = None) -> Plan:
        """The plan of ``query``; ``QueryError`` with the database's message if it does not plan,
        ``QueryTimeout`` if planning outlasts the time limit, ``PlannerCrashed`` if it kills the planner."""
        crashes = 0
        while True:
            generation, client = self._connection()
            try:
                graph = client.select_graph(GRAPH)
                # GRAPH.EXPLAIN itself: the client's explain() rejects the one-line replies of index commands
                return falkordb_plan(graph.execute_command("GRAPH.EXPLAIN", GRAPH,
                                                           graph._build_params_header(params) + query))
            except redis.ResponseError as exc:
                raise QueryError(str(exc)) from exc
            except redis.TimeoutError:
                self._kill(generation)
                raise QueryTimeout(f"the query could not be planned within its time limit of "
                                   f"{self.settings.query_time_limit_ms} ms", "query_time_limit_ms") from None
            except (redis.ConnectionError, OSError):
                self._drop(generation)
                if generation != self._generation:
                    continue  # killed on another query's deadline: plan this one on the fresh server
                crashes += 1
                if crashes == 2:
                    raise PlannerCrashed("planning this query ended the database process that planned it "
                                         "(a fault of FalkorDB 4.16: it evaluates constants such as a huge "
                                         "range() while planning); the served graph was not touched") from None

    def _connection(self) -> tuple[int, FalkorDB]:
        with self._lock:
            if self._client is None:
                self.server.ensure_running()
                client = FalkorDB(unix_socket_path=str(self.server.socket_path), retry=no_retry(),
                                  socket_timeout=self.settings.query_time_limit_ms / 1000)
                if not client.connection.exists(GRAPH):
                    client.select_graph(GRAPH).query("CREATE (:Sandbox)")
                self._client = client
            return self._generation, self._client

    def _drop(self, generation: int) -> None:
        with self._lock:
            if generation == self._generation and self._client is not None:
                self._client.connection.close()
                self._client = None

    def _kill(self, generation: int) -> None:
        with self._lock:
            if generation != self._generation:
                return
            self._generation += 1
            if self._client is not None:
                self._client.connection.close()
                self._client = None
            self.server.kill()

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.connection.close()
                self._client = None
        self.server.release()
