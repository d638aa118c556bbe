"""The embedded FalkorDB store (the default).

Reads go through ``GRAPH.RO_QUERY``, which refuses every write however it is
hidden, with a per-query time limit; the server-side ``RESULTSET_SIZE`` is set
just above the row cap so a runaway result never fills the server's memory.
A build writes into a fresh graph key and swaps it in with ``RENAME``, so
readers see the old graph until the new one is complete, and a build killed
half-way leaves the previous graph untouched.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

import redis
from falkordb import FalkorDB
from falkordb.asyncio import FalkorDB as AsyncFalkorDB
from falkordb.asyncio.graph import AsyncGraph
from falkordb.edge import Edge
from falkordb.node import Node as FNode
from falkordb.path import Path as FPath
from redis.asyncio import BlockingConnectionPool
from redis.asyncio.connection import UnixDomainSocketConnection

from graph.errors import QueryError, QueryTimeout, ReadOnlyError, SettingError, StoreError
from graph.model import GraphData, Node, Relationship
from graph.settings import Settings
from graph.store import QueryResult, cypher
from graph.store.bulk import collector_paused
from graph.store.embedded import EmbeddedServer, no_retry
from graph.store.names import NAMED_LABELS, NAMES_PROPERTY, name_keys
from graph.store.plan import Plan
from graph.store.sandbox import PlanSandbox

_READ_ONLY_REFUSAL = "is to be executed only on read-only queries"


class FalkorStore:
    """A graph in the embedded FalkorDB under ``settings.data_dir``."""

    #: which variant of a named query this store runs (``queries.named``)
    dialect = "falkordb"

    def __init__(self, settings: Settings, *, bolt_port: int | None = None):
        self.settings = settings
        self.server = EmbeddedServer(settings.data_dir, start_timeout_s=settings.server_start_timeout_s,
                                     query_memory_mb=settings.query_memory_mb, memory_mb=settings.server_memory_mb,
                                     max_answer_bytes=settings.max_answer_bytes, bolt_port=bolt_port)
        self.server.ensure_running()
        self._async: tuple[asyncio.AbstractEventLoop, FalkorDB, AsyncFalkorDB, AsyncGraph] | None = None
        self._sandbox: PlanSandbox | None = None
        self._sandbox_lock = threading.Lock()
        self._connect()

    def _connect(self) -> None:
        self._server_pid = self.server.pid()
        self._log_mark = self.server.log_size()
        self.db = FalkorDB(unix_socket_path=str(self.server.socket_path), retry=no_retry())
        self.graph = self.db.select_graph(self.settings.graph_name)
        self._raise_resultset_cap(self.settings.max_rows + 1)
        self._await_indexes()
        self._add_name_keys()

    def _await_indexes(self) -> None:
        """A server loading its dump builds the graph's indexes again in the background, and until
        then a full-text query finds nothing (``search`` would answer no rows): wait for them, at
        most ``server_start_timeout_s``."""
        _await_indexes(self.graph, self.settings.server_start_timeout_s)

    def _add_name_keys(self) -> None:
        """A graph stored before the name index (``graph.store.names``) lacks its ``_names`` keys, and
        the named queries would find no agency, site or organization by name in it: the keys and
        their index are written once, when a store first opens such a graph (seconds at 10,000
        documents), as a build would have written them. A graph that has them is only read."""
        if not self.exists():
            return
        added = False
        for label in NAMED_LABELS:
            while rows := self.graph.query(
                    f"MATCH (n:{label}) WHERE n.{NAMES_PROPERTY} IS NULL RETURN n.id, properties(n) LIMIT 2000"
            ).result_set:
                keyed = [{"id": node_id, "keys": name_keys(props, node_id)} for node_id, props in rows]
                self.graph.query(f"UNWIND $rows AS r MATCH (n:{label} {{id: r.id}}) SET n.{NAMES_PROPERTY} = r.keys",
                                 {"rows": keyed})
                added = True
        if added:
            self.add_missing_indexes()

    def add_missing_indexes(self) -> None:
        """The range indexes of ``graph.store.cypher`` that the stored graph lacks (a graph an earlier
        version built), made and waited for."""
        have = {(label, field) for label, fields in self.graph.ro_query(
            "CALL db.indexes() YIELD label, properties RETURN label, properties").result_set for field in fields}
        for label, fields in cypher.RANGE_INDEXES.items():
            missing = [f for f in fields if (label, f) not in have]
            if missing:
                self.graph.query(f"CREATE INDEX FOR (n:{label}) ON ({', '.join(f'n.{f}' for f in missing)})")
        _await_indexes(self.graph, None)

    def _raise_resultset_cap(self, size: int) -> None:
        conn = self.db.connection
        current = int(conn.execute_command("GRAPH.CONFIG", "GET", "RESULTSET_SIZE")[1])
        if current < 0 or current < size:
            conn.execute_command("GRAPH.CONFIG", "SET", "RESULTSET_SIZE", size)

    def _recover(self) -> None:
        """The server went away (killed?): start it again from its saved data and reconnect."""
        self.server.ensure_running()
        self._connect()

    # -- writing ----------------------------------------------------------
    def replace_graph(self, graph: GraphData) -> None:
        """Write ``graph`` into a staging graph, rename it over the served one, save it to disk.

        Readers see the old graph until the rename. Whatever stops the write
        half-way (the process killed, the server killed, the disk full or
        read-only) leaves the previous graph served and on disk: the data
        directory is checked for writing first, a server that went away is
        restarted once, and if the dump cannot be written after the rename the
        server is restarted from its last good dump, which holds the previous
        graph.
        """
        self._check_writable()
        try:
            self._write_staging(graph)
        except (redis.ConnectionError, redis.TimeoutError, OSError):
            self._recover()  # the server went away (killed?): once more on a fresh one
            try:
                self._write_staging(graph)
            except redis.RedisError as exc:
                raise StoreError(f"writing the graph failed: {exc}; the previous graph is kept") from exc
        except redis.RedisError as exc:
            raise StoreError(f"writing the graph failed: {exc}; the previous graph is kept") from exc
        conn = self.db.connection
        try:
            conn.rename(self._staging_name, self.settings.graph_name)
            conn.save()
        except redis.RedisError as exc:
            reason = self._save_failure() or str(exc) or type(exc).__name__
            self._restore_last_dump()
            raise StoreError(f"the new graph could not be saved in {self.server.data_dir} ({reason}): is the disk "
                             "full? The previous graph is kept and served (the setting is data_dir)") from exc

    @property
    def _staging_name(self) -> str:
        return f"{self.settings.graph_name}__building"

    def _write_staging(self, graph: GraphData) -> None:
        conn = self.db.connection
        conn.delete(self._staging_name)
        staging = self.db.select_graph(self._staging_name)
        for statement in cypher.INDEX_STATEMENTS:
            staging.query(statement)
        size = self.settings.write_batch_size
        with collector_paused():  # each batch's rows are many small dicts and lists, none in a cycle
            for statement, rows in cypher.node_batches(graph, size, searchable=True):
                staging.query(statement, {"rows": rows})
            for statement, rows in cypher.relationship_batches(graph, size):
                staging.query(statement, {"rows": rows})
        for statement in cypher.FULLTEXT_STATEMENTS:
            staging.query(statement)
        _await_indexes(staging, None)

    def _check_writable(self) -> None:
        """Fail before touching the graph if the dump could not be written at all."""
        probe = self.server.data_dir / f".write-probe-{os.getpid()}"
        try:
            probe.write_bytes(b"policykg")
            probe.unlink()
        except OSError as exc:
            raise StoreError(f"cannot write the graph: the data directory {self.server.data_dir} is not writable "
                             f"({exc.strerror or exc}); the previous graph is kept (the setting is data_dir)") from exc

    def _save_failure(self) -> str | None:
        """The server's own words on why its dump failed (the reply to SAVE says only "ERR")."""
        try:
            with open(self.server.log_path, "rb") as log:
                log.seek(max(0, log.seek(0, os.SEEK_END) - 8192))
                lines = log.read().decode("utf-8", errors="replace").splitlines()
        except OSError:
            return None
        for line in reversed(lines):
            if "error" in line.lower() or "failed" in line.lower():
                return line.split(" * ")[-1].split(" # ")[-1].strip()
        return None

    def _restore_last_dump(self) -> None:
        """Bring the server back to its last good dump (the previous graph): restart it from disk."""
        try:
            self.server.stop()
            self.server.ensure_running()
            self._connect()
        except (StoreError, redis.RedisError, OSError):
            pass  # the next use of the store restarts it; the dump on disk is the previous graph

    def exists(self) -> bool:
        try:
            return bool(self.db.connection.exists(self.settings.graph_name))
        except (redis.ConnectionError, OSError):
            self._recover()
            return bool(self.db.connection.exists(self.settings.graph_name))

    # -- reading ----------------------------------------------------------
    def read(self, query: str, params: dict[str, Any] | None = None, *,
             timeout_ms: int | None = None, max_rows: int | None = None) -> QueryResult:
        timeout_ms, max_rows = self._limits(timeout_ms, max_rows)
        started = time.perf_counter()
        try:
            result = self._ro_query(query, params, timeout_ms)
        except redis.ResponseError as exc:
            raise _query_error(exc, timeout_ms) from exc
        converter = _Converter(result, max_rows)
        missing = converter.unknown_ends()
        if missing:
            converter.learn(self.graph.ro_query(_ENDS, {"ids": missing}).result_set)
        return converter.result(started)

    async def aread(self, query: str, params: dict[str, Any] | None = None, *,
                    timeout_ms: int | None = None, max_rows: int | None = None) -> QueryResult:
        """``read`` for a coroutine: the same query, limits, errors and recovery, through
        FalkorDB's asyncio client. The service's event loop then waits on the socket
        itself instead of handing each query to a thread and being woken by it (0.2 to
        0.4 ms of the 2 ms HTTP added to a query, bench/RESULTS.md)."""
        timeout_ms, max_rows = self._limits(timeout_ms, max_rows)
        started = time.perf_counter()
        try:
            result = await self._aro_query(query, params, timeout_ms)
        except redis.ResponseError as exc:
            raise _query_error(exc, timeout_ms) from exc
        converter = _Converter(result, max_rows)
        missing = converter.unknown_ends()
        if missing:
            converter.learn((await self._async_graph().ro_query(_ENDS, {"ids": missing})).result_set)
        return converter.result(started)

    def _limits(self, timeout_ms: int | None, max_rows: int | None) -> tuple[int, int]:
        """A caller may lower the settings' time limit and row cap, never raise them."""
        return (min(timeout_ms or self.settings.query_time_limit_ms, self.settings.query_time_limit_ms),
                min(max_rows or self.settings.max_rows, self.settings.max_rows))

    def explain(self, query: str, params: dict[str, Any] | None = None) -> Plan:
        """What FalkorDB would do with ``query``, planned on the disposable sandbox server
        (``graph.store.sandbox``), never on the one that serves the graph."""
        with self._sandbox_lock:
            if self._sandbox is None:
                self._sandbox = PlanSandbox(self.settings)
        return self._sandbox.explain(query, params)

    def _ro_query(self, query: str, params: dict[str, Any] | None, timeout_ms: int):
        """The query, with the graph's absence found from the error it gives (not asked before
        every query: that round trip cost as much as a small query). A lost connection is told
        apart by ``_lost``: sent again only when the server was not brought down by it."""
        try:
            try:
                return self.graph.ro_query(query, params, timeout=timeout_ms)
            except (redis.ConnectionError, OSError) as exc:
                self._lost(exc, query)
                return self.graph.ro_query(query, params, timeout=timeout_ms)
        except redis.ResponseError as exc:
            if "empty key" in str(exc) and not self.exists():
                raise self._empty() from exc
            raise

    async def _aro_query(self, query: str, params: dict[str, Any] | None, timeout_ms: int):
        """``_ro_query`` on the asyncio client; restarting a server that went away is
        blocking work (it waits for the server to load its dump), done in a thread."""
        try:
            try:
                return await self._async_graph().ro_query(query, params, timeout=timeout_ms)
            except (redis.ConnectionError, OSError) as exc:
                await asyncio.to_thread(self._lost, exc, query)
                return await self._async_graph().ro_query(query, params, timeout=timeout_ms)
        except redis.ResponseError as exc:
            if "empty key" in str(exc) and not await asyncio.to_thread(self.exists):
                raise self._empty() from exc
            raise

    def _lost(self, exc: BaseException, query: str) -> None:
        """The connection broke during ``query``: return to have it sent again, or raise.

        - The server is up, the one we connected to: it closed our connection itself because
          the answer outgrew ``max_answer_bytes`` (its output limit): ``AnswerTooLarge``.
        - It was killed from outside or replaced by a restart: it is restarted if need be and
          the query is sent again.
        - It crashed (its log has a crash report since we connected): it is restarted from
          its dump, but the query is not sent again, as it would crash the fresh server too.
        """
        if self.server.alive() and self.server.pid() == self._server_pid and self.server.ping():
            raise AnswerTooLarge(f"the answer is larger than {self.settings.max_answer_bytes:,} bytes; "
                                 "ask for fewer rows or smaller values", "max_answer_bytes") from exc
        crashed = self.server.crashed_since(self._log_mark)
        self._recover()
        if crashed:
            raise QueryCrashed("the database stopped while it ran this query (a fault of FalkorDB 4.16); it was "
                               "restarted from its saved graph and nothing was lost; the query was not sent again"
                               ) from exc

    def _empty(self) -> QueryError:
        return QueryError(f"the graph '{self.settings.graph_name}' is empty: run `policykg build` first")

    def _async_graph(self) -> AsyncGraph:
        """The graph on an asyncio client of the running event loop (its connections belong
        to the loop that opened them); made again after the server was restarted."""
        loop = asyncio.get_running_loop()
        if self._async is None or self._async[0] is not loop or self._async[1] is not self.db:
            # at most as many queries at once as the service's query threads (queries.run), the rest wait their turn;
            # its connections do not retry (redis-py's default for a pool given no retry), as no_retry() does, and
            # wait for an answer as long as it takes, as the sync client does: the caller's deadline cancels a read
            # (redis-py's asyncio default of 5 s would fail a query queued behind others at its time limit)
            pool = BlockingConnectionPool(max_connections=64, timeout=None, connection_class=UnixDomainSocketConnection,
                                          path=str(self.server.socket_path), decode_responses=True,
                                          socket_timeout=None)
            client = AsyncFalkorDB(connection_pool=pool)
            self._async = (loop, self.db, client, client.select_graph(self.settings.graph_name))
        return self._async[3]

    async def aclose(self) -> None:
        """Close the asyncio client's connections (from the loop that opened them), then ``close``."""
        if self._async is not None and self._async[0] is asyncio.get_running_loop():
            await self._async[2].aclose()
        self._async = None
        self.close()

    def export(self) -> GraphData:
        """Every node and relationship, read in id-range pages under the row cap (``iter_nodes``,
        ``iter_relationships``), as one ``GraphData``."""
        graph = GraphData()
        with collector_paused():
            for node in self.iter_nodes():
                graph.nodes[node.id] = node
            for rel in self.iter_relationships():
                graph.relationships[rel.id] = rel
        return graph

    def iter_nodes(self) -> Iterator[Node]:
        """Every node, in pages of internal ids under the row cap, holding one page at a time."""
        if not self.exists():
            return
        page = min(max(1, self.settings.max_rows), 5000)
        top = self._top_id()
        for lo in range(0, top + 1, page) if top is not None else ():
            for labels, props in self.graph.ro_query(
                    "MATCH (n) WHERE ID(n) >= $lo AND ID(n) < $hi RETURN labels(n), properties(n)",
                    {"lo": lo, "hi": lo + page}).result_set:
                props = dict(props)
                node_id = props.pop("id")
                for key in cypher.STORE_PROPERTIES:
                    props.pop(key, None)
                yield Node(node_id, labels[0], props)

    def iter_relationships(self) -> Iterator[Relationship]:
        """Every relationship (``_relationships``: pages of start nodes, resumed when cut at the row cap)."""
        if not self.exists():
            return
        top = self._top_id()
        if top is None:
            return
        for type_, start, end, props in self._relationships(top, max(1, self.settings.max_rows)):
            props = dict(props)
            rel_id = props.pop("id")
            yield Relationship(type_, start, end, props, rel_id)

    def _top_id(self) -> int | None:
        return self.graph.ro_query("MATCH (n) RETURN max(ID(n))").result_set[0][0]

    def _relationships(self, top: int, cap: int) -> Iterator[list[Any]]:
        """Every relationship, read by ranges of start nodes sized to fill about half the row cap.

        The server cuts a result at the row cap without saying so. A range
        that comes back full is kept up to its last start node and resumed
        from that node (rows ordered by it), so nothing read is thrown away
        but that node's rows; the span follows the density seen so far, and
        a single node with more than ``cap`` relationships is read in pages
        of its own.
        """
        lo, span = 0, 1
        while lo <= top:
            rows = self.graph.ro_query(
                "MATCH (a)-[r]->(b) WHERE ID(a) >= $lo AND ID(a) < $hi "
                "RETURN ID(a), type(r), a.id, b.id, properties(r) ORDER BY ID(a) LIMIT $limit",
                {"lo": lo, "hi": lo + span, "limit": cap}).result_set
            if len(rows) < cap:
                yield from (row[1:] for row in rows)
                lo += span
            elif (last := rows[-1][0]) > lo:
                yield from (row[1:] for row in rows if row[0] < last)
                lo = last
            else:
                yield from self._relationships_of(lo, cap)
                lo += 1
            span = max(1, min(span * 2, span * cap // (2 * max(len(rows), 1))))

    def _relationships_of(self, node: int, cap: int) -> list[list[Any]]:
        """The relationships leaving one node, in pages ordered by relationship id."""
        out: list[list[Any]] = []
        after = -1
        while True:
            page = self.graph.ro_query(
                "MATCH (a)-[r]->(b) WHERE ID(a) = $node AND ID(r) > $after "
                "RETURN ID(r), type(r), a.id, b.id, properties(r) ORDER BY ID(r) LIMIT $limit",
                {"node": node, "after": after, "limit": cap}).result_set
            out += [row[1:] for row in page]
            if len(page) < cap:
                return out
            after = page[-1][0]

    def close(self) -> None:
        try:
            self.db.connection.close()
            if self._sandbox is not None:
                self._sandbox.close()
        finally:
            self.server.release()


class AnswerTooLarge(SettingError):
    """The answer of a query outgrew ``max_answer_bytes``."""

    code = "too_large"


class QueryCrashed(QueryError):
    """The database process died while it ran the query."""

    code = "query_crashed"


def _query_error(exc: redis.ResponseError, timeout_ms: int) -> QueryError:
    message = str(exc)
    if _READ_ONLY_REFUSAL in message:
        return ReadOnlyError(f"this endpoint is read-only: the query would change the graph ({message})")
    if "timed out" in message.lower() or "timeout" in message.lower():
        return QueryTimeout(f"the query ran past its time limit of {timeout_ms} ms", "query_time_limit_ms")
    return QueryError(message)


def _await_indexes(graph, timeout_s: float | None) -> None:
    """Wait until every index of ``graph`` is built (``timeout_s``: at most that long); a graph
    that does not exist has none to wait for."""
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    while True:
        try:
            states = graph.ro_query("CALL db.indexes() YIELD status RETURN status").result_set
        except redis.ResponseError:
            return
        if all(row[0] == "OPERATIONAL" for row in states) or (deadline is not None and time.monotonic() > deadline):
            return
        time.sleep(0.05)


#: the contract ids of nodes a result names only by internal id (the ends of a bare relationship); one
#: seek by id each (``WHERE ID(n) IN $ids`` read every node: 42 ms for 3 ids at 10,000 documents, 0.4)
_ENDS = "UNWIND $ids AS i MATCH (n) WHERE ID(n) = i RETURN ID(n), n.id"


#: the types of values a result holds as they are: the converter passes them on without a call or a
#: test of each kind of graph value (the cost of converting ``site-to-goals``' 233 rows was as much
#: as the database's and the client's parsing together)
_SCALARS = frozenset({str, int, float, bool, type(None)})


class _Converter:
    """A FalkorDB result, cut at the row cap, as plain JSON values with the contract's ids.

    The rows are converted in one pass, which learns the id of every node they
    show; a relationship's ends are filled in last, as a node that names one may
    come after it. ``unknown_ends`` gives the internal ids of the ends the rows
    only point to; the caller looks those up (``_ENDS``, with the sync or the
    asyncio client) and hands them to ``learn``.
    """

    def __init__(self, result, max_rows: int):
        rows = result.result_set or []
        self.truncated = len(rows) > max_rows
        self.columns = [h[1] if isinstance(h, list | tuple) else str(h) for h in (result.header or [])]
        self.internal_ids: dict[int, str] = {}
        #: (relationship, "start" or "end", the end's internal id), filled in by ``result``
        self._ends: list[tuple[dict[str, Any], str, int]] = []
        self.rows = [[v if type(v) in _SCALARS else self.value(v) for v in row] for row in rows[:max_rows]]

    def result(self, started: float) -> QueryResult:
        for rel, end, internal in self._ends:
            rel[end] = self.internal_ids.get(internal, str(internal))
        return QueryResult(self.columns, self.rows, self.truncated, round((time.perf_counter() - started) * 1000, 3))

    def learn(self, pairs: list[list[Any]]) -> None:
        self.internal_ids.update({i: str(cid) for i, cid in pairs})

    def unknown_ends(self) -> list[int]:
        return sorted({internal for _, _, internal in self._ends if internal not in self.internal_ids})

    def value(self, v: Any) -> Any:
        # a map or a list first, by its exact type: most values a named query answers are maps of
        # the properties it shows (``site-to-goals``' paths), and each test before them cost a call
        kind = type(v)
        if kind is OrderedDict or kind is dict:
            return {k: x if type(x) in _SCALARS else self.value(x) for k, x in v.items()}
        if kind is list:
            return [x if type(x) in _SCALARS else self.value(x) for x in v]
        if kind in _SCALARS:
            return v
        if isinstance(v, FNode):
            props = dict(v.properties)
            for key in cypher.STORE_PROPERTIES:  # the indexes' words and keys, not the graph's
                props.pop(key, None)
            node_id = self.internal_ids[v.id] = props.get("id", str(v.id))
            return {"id": node_id, "labels": list(v.labels or []), "properties": props}
        if isinstance(v, Edge):
            props = dict(v.properties)
            rel = {"id": props.get("id", str(v.id)), "type": v.relation, "start": None, "end": None,
                   "properties": props}
            for end, node in (("start", v.src_node), ("end", v.dest_node)):
                if isinstance(node, FNode):
                    self.internal_ids[node.id] = node.properties.get("id", str(node.id))
                    node = node.id
                self._ends.append((rel, end, node))
            return rel
        if isinstance(v, FPath):
            return {"nodes": [self.value(n) for n in v.nodes()],
                    "relationships": [self.value(e) for e in v.edges()]}
        if isinstance(v, list | tuple):
            return [x if type(x) in _SCALARS else self.value(x) for x in v]
        if isinstance(v, dict):
            return {k: x if type(x) in _SCALARS else self.value(x) for k, x in v.items()}
        if isinstance(v, bytes):
            return v.decode("utf-8", errors="replace")
        return v
