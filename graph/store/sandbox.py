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

The sandbox's own setup (connecting, the client's look at the server,
creating its one-node graph) is under the same time limit as the plan, and
what goes wrong there is answered as the plan's failure would be. On a loaded
machine a fresh sandbox once did not answer its setup within the time limit:
the client's ``redis.TimeoutError`` escaped as a server error (500), and as
the mute sandbox was left running, the next query waited 20 s
(``server_start_timeout_s``) on it before replacing it. A sandbox that does
not answer in time, loses its connection or crashes is now killed at once,
and one found not answering when a query needs it is replaced rather than
waited for (it is ``disposable``: it has no dump to finish writing), so no
query waits on a mute sandbox: it starts a fresh one.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import redis
from falkordb import FalkorDB

from graph.errors import QueryError, QueryTimeout, StoreError
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
                                     memory_mb=min(MEMORY_MB, settings.server_memory_mb), disposable=True)
        self._lock = threading.Lock()
        self._client: FalkorDB | None = None
        self._generation = 0  # bumped each time this process kills the sandbox on a deadline

    def explain(self, query: str, params: dict[str, Any] | None = None) -> Plan:
        """The plan of ``query``; ``QueryError`` with the database's message if it does not plan,
        ``QueryTimeout`` if planning (the sandbox's setup included) outlasts the time limit,
        ``PlannerCrashed`` if it kills the planner."""
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
                raise self._timeout() from None
            except (redis.ConnectionError, OSError):
                if not self._kill(generation):
                    continue  # killed on another query's deadline: plan this one on the fresh server
                crashes += 1
                if crashes == 2:
                    raise PlannerCrashed("planning this query ended the database process that planned it "
                                         "(a fault of FalkorDB 4.16: it evaluates constants such as a huge "
                                         "range() while planning); the served graph was not touched") from None

    def _connection(self) -> tuple[int, FalkorDB]:
        """The generation and client of a running sandbox, started and set up first if there is none.

        A sandbox that does not answer its setup within the time limit is killed and the plan
        answered ``QueryTimeout``; one that closes the connection (it crashed, or another process
        using it killed it) is killed and replaced once, then ``StoreError``."""
        with self._lock:
            for attempt in (1, 2):
                if self._client is not None:
                    break
                self.server.ensure_running()
                client = None
                try:
                    client = FalkorDB(unix_socket_path=str(self.server.socket_path), retry=no_retry(),
                                      socket_timeout=self.settings.query_time_limit_ms / 1000)
                    if not client.connection.exists(GRAPH):
                        client.select_graph(GRAPH).query("CREATE (:Sandbox)")
                except (redis.RedisError, OSError) as exc:
                    if client is not None:
                        client.connection.close()
                    self._end()
                    if isinstance(exc, redis.TimeoutError):
                        raise self._timeout() from None
                    if attempt == 2 or isinstance(exc, redis.ResponseError):
                        raise StoreError(f"the plan sandbox in {self.server.data_dir} could not be set up ({exc}); "
                                         f"see {self.server.log_path}") from exc
                    continue
                self._client = client
            return self._generation, self._client

    def _timeout(self) -> QueryTimeout:
        return QueryTimeout(f"the query could not be planned within its time limit of "
                            f"{self.settings.query_time_limit_ms} ms", "query_time_limit_ms")

    def _kill(self, generation: int) -> bool:
        """End the sandbox of ``generation``; False if it was already ended (for another query)."""
        with self._lock:
            if generation != self._generation:
                return False
            self._end()
            return True

    def _end(self) -> None:
        """Kill the current sandbox at once (SIGKILL), under ``_lock``: it outlasted a time limit, lost
        a connection or crashed (writing its crash report would keep it alive and mute for seconds on
        a loaded machine, and the next query would wait on it). The next query starts a fresh one."""
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
