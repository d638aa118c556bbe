"""The embedded FalkorDB store (the default).

Reads go through ``GRAPH.RO_QUERY``, which refuses every write however it is
hidden, with a per-query time limit; the server-side ``RESULTSET_SIZE`` is set
just above the row cap so a runaway result never fills the server's memory.
A build writes into a fresh graph key and swaps it in with ``RENAME``, so
readers see the old graph until the new one is complete, and a build killed
half-way leaves the previous graph untouched.
"""

from __future__ import annotations

import time
from typing import Any

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node as FNode
from falkordb.path import Path as FPath

from graph.errors import QueryError, QueryTimeout, ReadOnlyError, StoreError
from graph.model import GraphData, Node, Relationship
from graph.settings import Settings
from graph.store import QueryResult, cypher
from graph.store.embedded import EmbeddedServer, no_retry

_READ_ONLY_REFUSAL = "is to be executed only on read-only queries"


class FalkorStore:
    """A graph in the embedded FalkorDB under ``settings.data_dir``."""

    def __init__(self, settings: Settings, *, bolt_port: int | None = None):
        self.settings = settings
        self.server = EmbeddedServer(settings.data_dir, start_timeout_s=settings.server_start_timeout_s,
                                     query_memory_mb=settings.query_memory_mb,
                                     bolt_port=bolt_port)
        self.server.ensure_running()
        self._connect()

    def _connect(self) -> None:
        self.db = FalkorDB(unix_socket_path=str(self.server.socket_path), retry=no_retry())
        self.graph = self.db.select_graph(self.settings.graph_name)
        self._raise_resultset_cap(self.settings.max_rows + 1)

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
        staging_name = f"{self.settings.graph_name}__building"
        conn = self.db.connection
        try:
            conn.delete(staging_name)
            staging = self.db.select_graph(staging_name)
            for statement in cypher.INDEX_STATEMENTS:
                staging.query(statement)
            size = self.settings.write_batch_size
            for statement, rows in cypher.node_batches(graph, size):
                staging.query(statement, {"rows": rows})
            for statement, rows in cypher.relationship_batches(graph, size):
                staging.query(statement, {"rows": rows})
            conn.rename(staging_name, self.settings.graph_name)
            conn.save()
        except redis.RedisError as exc:
            raise StoreError(f"writing the graph failed: {exc}") from exc

    def exists(self) -> bool:
        try:
            return bool(self.db.connection.exists(self.settings.graph_name))
        except (redis.ConnectionError, OSError):
            self._recover()
            return bool(self.db.connection.exists(self.settings.graph_name))

    # -- reading ----------------------------------------------------------
    def read(self, query: str, params: dict[str, Any] | None = None, *,
             timeout_ms: int | None = None, max_rows: int | None = None) -> QueryResult:
        timeout_ms = min(timeout_ms or self.settings.query_time_limit_ms, self.settings.query_time_limit_ms)
        max_rows = min(max_rows or self.settings.max_rows, self.settings.max_rows)
        started = time.perf_counter()
        try:
            result = self._ro_query(query, params, timeout_ms)
        except redis.ResponseError as exc:
            raise _query_error(exc, timeout_ms) from exc
        rows = result.result_set or []
        truncated = len(rows) > max_rows
        rows = rows[:max_rows]
        columns = [h[1] if isinstance(h, list | tuple) else str(h) for h in (result.header or [])]
        converted = _Converter(self).rows(rows)
        return QueryResult(columns, converted, truncated, round((time.perf_counter() - started) * 1000, 3))

    def _ro_query(self, query: str, params: dict[str, Any] | None, timeout_ms: int):
        if not self.exists():
            raise QueryError(f"the graph '{self.settings.graph_name}' is empty: run `policykg build` first")
        try:
            return self.graph.ro_query(query, params, timeout=timeout_ms)
        except (redis.ConnectionError, OSError):
            self._recover()
            return self.graph.ro_query(query, params, timeout=timeout_ms)

    def export(self) -> GraphData:
        """Every node and relationship, read in id-range pages under the row cap."""
        graph = GraphData()
        if not self.exists():
            return graph
        page = max(1, min(self.settings.max_rows, 5000))
        top = self.graph.ro_query("MATCH (n) RETURN max(ID(n))").result_set[0][0]
        if top is None:
            return graph
        for lo in range(0, top + 1, page):
            params = {"lo": lo, "hi": lo + page}
            for labels, props in self.graph.ro_query(
                    "MATCH (n) WHERE ID(n) >= $lo AND ID(n) < $hi RETURN labels(n), properties(n)",
                    params).result_set:
                props = dict(props)
                node_id = props.pop("id")
                graph.nodes[node_id] = Node(node_id, labels[0], props)
            for type_, start, end, props in self.graph.ro_query(
                    "MATCH (a)-[r]->(b) WHERE ID(a) >= $lo AND ID(a) < $hi "
                    "RETURN type(r), a.id, b.id, properties(r)", params).result_set:
                props = dict(props)
                rel_id = props.pop("id")
                graph.relationships[rel_id] = Relationship(type_, start, end, props, rel_id)
        return graph

    def close(self) -> None:
        try:
            self.db.connection.close()
        finally:
            self.server.release()


def _query_error(exc: redis.ResponseError, timeout_ms: int) -> QueryError:
    message = str(exc)
    if _READ_ONLY_REFUSAL in message:
        return ReadOnlyError(f"this endpoint is read-only: the query would change the graph ({message})")
    if "timed out" in message.lower() or "timeout" in message.lower():
        return QueryTimeout(f"the query ran past its time limit of {timeout_ms} ms", "query_time_limit_ms")
    return QueryError(message)


class _Converter:
    """FalkorDB result values -> plain JSON values with the contract's ids."""

    def __init__(self, store: FalkorStore):
        self.store = store
        self.internal_ids: dict[int, str] = {}

    def rows(self, rows: list[list[Any]]) -> list[list[Any]]:
        self._collect(rows)
        return [[self.value(v) for v in row] for row in rows]

    def _collect(self, value: Any) -> None:
        """Learn the contract id of every node a row shows, and look up those only referenced."""
        wanted: set[int] = set()

        def walk(v: Any) -> None:
            if isinstance(v, FNode):
                self.internal_ids[v.id] = v.properties.get("id", str(v.id))
            elif isinstance(v, Edge):
                for end in (v.src_node, v.dest_node):
                    if isinstance(end, FNode):
                        walk(end)
                    else:
                        wanted.add(end)
            elif isinstance(v, FPath):
                for item in [*v.nodes(), *v.edges()]:
                    walk(item)
            elif isinstance(v, list | tuple):
                for item in v:
                    walk(item)
            elif isinstance(v, dict):
                for item in v.values():
                    walk(item)

        walk(value)
        missing = sorted(i for i in wanted if i not in self.internal_ids)
        if missing:
            found = self.store.graph.ro_query("MATCH (n) WHERE ID(n) IN $ids RETURN ID(n), n.id",
                                              {"ids": missing}).result_set
            self.internal_ids.update({i: str(cid) for i, cid in found})

    def value(self, v: Any) -> Any:
        if isinstance(v, FNode):
            props = dict(v.properties)
            return {"id": props.get("id", str(v.id)), "labels": list(v.labels or []), "properties": props}
        if isinstance(v, Edge):
            props = dict(v.properties)
            start = v.src_node.id if isinstance(v.src_node, FNode) else v.src_node
            end = v.dest_node.id if isinstance(v.dest_node, FNode) else v.dest_node
            return {"id": props.get("id", str(v.id)), "type": v.relation,
                    "start": self.internal_ids.get(start, str(start)),
                    "end": self.internal_ids.get(end, str(end)), "properties": props}
        if isinstance(v, FPath):
            return {"nodes": [self.value(n) for n in v.nodes()],
                    "relationships": [self.value(e) for e in v.edges()]}
        if isinstance(v, list | tuple):
            return [self.value(x) for x in v]
        if isinstance(v, dict):
            return {k: self.value(x) for k, x in v.items()}
        if isinstance(v, bytes):
            return v.decode("utf-8", errors="replace")
        return v
