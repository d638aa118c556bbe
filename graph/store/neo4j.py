"""The Neo4j store: any server that speaks Bolt, through the official ``neo4j`` driver.

Chosen by a ``bolt://`` or ``neo4j://`` URI in ``settings.store`` (or as the
target of ``policykg push``); credentials come from ``neo4j_user`` and
``neo4j_password`` (``POLICYKG_NEO4J_USER`` / ``POLICYKG_NEO4J_PASSWORD``).

Reads run in READ transactions (``execute_read``), which Neo4j refuses to let
write: the engine's layer of the read-only rule, as ``GRAPH.RO_QUERY`` is on
FalkorDB. Each has a server-side time limit (the transaction timeout) and a row
cap: the driver fetches one row past the cap and stops. Writes are the batched
``UNWIND … MERGE`` statements of ``graph.store.cypher``, keyed on an indexed
``id``, so pushing the same graph twice changes nothing.

FalkorDB's own Bolt listener (module argument ``BOLT_PORT``) stands in for a
Neo4j server in the tests, with quirks measured on FalkorDB 4.16:

- It ignores ``BOLT_PORT`` values above 32767 (the port is read as a signed
  16-bit number; ``GRAPH.CONFIG GET BOLT_PORT`` then shows 65535 and nothing
  listens), and it listens on every interface, not only loopback.
- It does not select the graph by the session's database. A query inside an
  explicit transaction (``execute_read``/``execute_write``, what this store
  uses) runs on the graph named ``falkordb``; an auto-commit query runs on the
  graph named after the *first key* of the Bolt RUN message's metadata, so a
  session with ``database="t"`` reaches a graph called ``db``, a READ session
  one called ``mode``. So the tests put the graph under the name ``falkordb``.
- It ignores the access mode (a READ transaction can write), so there the text
  guard (``queries.guard``) is the only read-only layer; on Neo4j both are.
- After a client closes its connection (Bolt GOODBYE), the listener swallows
  the next connection attempt: that client waits out the driver's connection
  acquisition timeout (60 s) with "Failed to read four byte Bolt handshake
  response". The tests open and close a bare TCP connection after each Bolt
  client to absorb it.
- It answers every error with an empty message, and a ``date()`` value aborts
  the server; the graph stores dates as ISO strings.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Iterator
from typing import Any

from graph.errors import MissingDependency, QueryError, QueryTimeout, ReadOnlyError, StoreError
from graph.model import GraphData, Node, Relationship
from graph.settings import Settings
from graph.store import QueryResult, cypher
from graph.store.plan import Plan

_FALKOR_ELEMENT_ID = re.compile(r"^node_(\d+)$")


def _driver_module():
    try:
        import neo4j
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise MissingDependency("neo4j") from exc
    return neo4j


class Neo4jStore:
    """A graph in a Neo4j database (or anything else that speaks Bolt)."""

    def __init__(self, settings: Settings, uri: str | None = None):
        neo4j = _driver_module()
        self.settings = settings
        self.uri = uri or settings.store
        auth = (settings.neo4j_user, settings.neo4j_password or "") if settings.neo4j_user else None
        self.database = settings.neo4j_database
        try:
            self.driver = neo4j.GraphDatabase.driver(
                self.uri, auth=auth, connection_timeout=settings.server_start_timeout_s,
                max_transaction_retry_time=min(5.0, settings.query_time_limit_ms / 1000))
        except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
            raise StoreError(f"cannot use the Bolt URI {self.uri!r}: {exc}") from exc

    @functools.cached_property
    def dialect(self) -> str:
        """Which variant of a named query the server runs (``queries.named``): ``neo4j``, or
        ``falkordb`` for FalkorDB's Bolt listener, which calls itself Neo4j in its greeting but
        has no ``dbms.components()``."""
        neo4j = _driver_module()
        try:
            self._execute(neo4j.READ_ACCESS, lambda tx: tx.run("CALL dbms.components() YIELD name RETURN name")
                          .values())
        except (QueryError, StoreError):
            return "falkordb"
        return "neo4j"

    # -- reading ----------------------------------------------------------
    def read(self, query: str, params: dict[str, Any] | None = None, *,
             timeout_ms: int | None = None, max_rows: int | None = None) -> QueryResult:
        neo4j = _driver_module()
        timeout_ms = min(timeout_ms or self.settings.query_time_limit_ms, self.settings.query_time_limit_ms)
        max_rows = min(max_rows or self.settings.max_rows, self.settings.max_rows)
        started = time.perf_counter()

        def work(tx):
            result = tx.run(query, params or {})
            rows = []
            for record in result:
                rows.append(list(record.values()))
                if len(rows) > max_rows:
                    break
            return list(result.keys()), rows

        columns, rows = self._execute(neo4j.READ_ACCESS, neo4j.unit_of_work(timeout=timeout_ms / 1000)(work),
                                      timeout_ms=timeout_ms, fetch_size=min(max_rows + 1, 1000))
        truncated = len(rows) > max_rows
        rows = rows[:max_rows]
        converted = _Converter(self).rows(rows)
        return QueryResult(columns, converted, truncated, round((time.perf_counter() - started) * 1000, 3))

    def explain(self, query: str, params: dict[str, Any] | None = None) -> Plan:
        """Neo4j's own account of ``query`` without running it: ``EXPLAIN`` gives the plan's
        operators and the query type (``r`` read, ``rw``, ``w``, ``s`` schema); a server that
        gives no type (FalkorDB's Bolt listener) gets ``unknown``, which no check lets through."""
        neo4j = _driver_module()

        def work(tx):
            summary = tx.run("EXPLAIN " + query, params or {}).consume()
            return summary.query_type, list(_operators(summary.plan))

        query_type, operators = self._execute(neo4j.READ_ACCESS, work)
        return Plan(tuple(operators), query_type or "unknown")

    def exists(self) -> bool:
        """True when the database holds at least one node."""
        neo4j = _driver_module()
        rows = self._execute(neo4j.READ_ACCESS, lambda tx: tx.run("MATCH (n) RETURN 1 LIMIT 1").values())
        return bool(rows)

    def export(self) -> GraphData:
        """Every node and relationship (``iter_nodes``, ``iter_relationships``) as one ``GraphData``."""
        graph = GraphData()
        for node in self.iter_nodes():
            graph.nodes[node.id] = node
        for rel in self.iter_relationships():
            if rel.start in graph.nodes and rel.end in graph.nodes:
                graph.relationships[rel.id] = rel
        return graph

    def iter_nodes(self) -> Iterator[Node]:
        """Every node of ours, streamed (the row cap is for clients' queries, not this)."""
        for labels, props in self._stream(cypher.EXPORT_NODES):
            props = dict(props)
            node_id = props.pop("id", None)
            for key in cypher.STORE_PROPERTIES:  # the indexes' words and keys, not the graph's
                props.pop(key, None)
            if node_id is None or not labels:
                continue  # not ours
            yield Node(node_id, sorted(labels)[0], props)

    def iter_relationships(self) -> Iterator[Relationship]:
        """Every relationship of ours between nodes of ours, streamed."""
        for type_, start, end, props in self._stream(cypher.EXPORT_RELATIONSHIPS):
            props = dict(props)
            rel_id = props.pop("id", None)
            if rel_id is None or start is None or end is None:
                continue
            yield Relationship(type_, start, end, props, rel_id)

    def _stream(self, query: str) -> Iterator[list[Any]]:
        """The rows of ``query`` as the driver fetches them, in an explicit READ transaction (what
        FalkorDB's listener runs on the right graph), holding one fetch at a time."""
        neo4j = _driver_module()
        errors = neo4j.exceptions
        try:
            with self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS,
                                     fetch_size=1000) as session, session.begin_transaction() as tx:
                for record in tx.run(query):
                    yield list(record.values())
        except (errors.ServiceUnavailable, errors.SessionExpired) as exc:
            raise StoreError(f"the Bolt store at {self.uri} cannot be reached: {exc}") from exc
        except errors.Neo4jError as exc:
            raise _query_error(exc, self.settings.query_time_limit_ms) from exc

    # -- writing ----------------------------------------------------------
    def merge_graph(self, graph: GraphData, *, prune: bool = False) -> dict[str, int]:
        """MERGE every node and relationship of ``graph`` on its id (idempotent).

        With ``prune``, nodes and relationships of the contract's labels and types
        that ``graph`` does not hold are deleted afterwards. Returns what was done.
        """
        neo4j = _driver_module()
        self.check_reachable()
        self._create_indexes()
        size = self.settings.write_batch_size
        done = {"nodes": 0, "relationships": 0, "deleted_nodes": 0, "deleted_relationships": 0}
        for statement, rows in cypher.node_batches(graph, size, merge=True, searchable=self.dialect == "falkordb"):
            self._execute(neo4j.WRITE_ACCESS, _write(statement, rows))
            done["nodes"] += len(rows)
        for statement, rows in cypher.relationship_batches(graph, size, merge=True):
            self._execute(neo4j.WRITE_ACCESS, _write(statement, rows))
            done["relationships"] += len(rows)
        if prune:
            done["deleted_nodes"], done["deleted_relationships"] = self._prune(graph)
        return done

    def replace_graph(self, graph: GraphData) -> None:
        """Make ``graph`` the stored graph. Unlike the embedded store this is not atomic:
        readers may see the merged graph before the stale part is deleted."""
        self.merge_graph(graph, prune=True)

    def check_reachable(self) -> None:
        """Fail at once, with the URI, when nothing answers there.

        The driver retries a failed transaction for ``max_transaction_retry_time``,
        which is right for a cluster changing its leader and wrong for a mistyped
        port: a push of 10 index statements and a few batches against a closed port
        used to retry for minutes before saying anything. One connection is tried
        here, without retries, before anything is written.
        """
        neo4j = _driver_module()
        errors = neo4j.exceptions
        try:
            self.driver.verify_connectivity()
        except errors.AuthError as exc:
            raise StoreError(f"the Bolt store at {self.uri} refused the credentials "
                             f"(neo4j_user / neo4j_password): {exc.message}") from exc
        except (errors.DriverError, errors.Neo4jError, OSError) as exc:
            raise StoreError(f"the Bolt store at {self.uri} cannot be reached: {exc}") from exc

    def _create_indexes(self) -> None:
        """The indexes of ``cypher.index_statements`` in the server's dialect; FalkorDB's have no
        ``IF NOT EXISTS``, so there an index that is already there fails, which is fine."""
        neo4j = _driver_module()
        for statement in cypher.index_statements(self.dialect):
            try:
                self._execute(neo4j.WRITE_ACCESS, _write(statement))
            except QueryError:
                pass
            except StoreError:
                # a statement the server's Bolt listener drops the connection on is skipped; a store
                # that cannot be reached any more is not: it goes up at once, with its URI
                self.check_reachable()

    def _prune(self, graph: GraphData) -> tuple[int, int]:
        neo4j = _driver_module()
        stored = self.export()
        size = self.settings.write_batch_size
        stale_rels: dict[str, list[str]] = {}
        for rel in stored.relationships.values():
            if rel.id not in graph.relationships:
                stale_rels.setdefault(rel.type, []).append(rel.id)
        stale_nodes: dict[str, list[str]] = {}
        for node in stored.nodes.values():
            if node.id not in graph.nodes:
                stale_nodes.setdefault(node.label, []).append(node.id)
        for type_, ids in sorted(stale_rels.items()):
            for i in range(0, len(ids), size):
                self._execute(neo4j.WRITE_ACCESS, _write(
                    f"UNWIND $rows AS i MATCH ()-[r:{type_} {{id: i}}]->() DELETE r", ids[i:i + size]))
        for label, ids in sorted(stale_nodes.items()):
            for i in range(0, len(ids), size):
                self._execute(neo4j.WRITE_ACCESS, _write(
                    f"UNWIND $rows AS i MATCH (n:{label} {{id: i}}) DETACH DELETE n", ids[i:i + size]))
        return sum(map(len, stale_nodes.values())), sum(map(len, stale_rels.values()))

    # -- plumbing ---------------------------------------------------------
    def _execute(self, mode: str, work, *, timeout_ms: int | None = None, fetch_size: int = 1000):
        neo4j = _driver_module()
        errors = neo4j.exceptions
        try:
            with self.driver.session(database=self.database, default_access_mode=mode,
                                     fetch_size=fetch_size) as session:
                if mode == neo4j.READ_ACCESS:
                    return session.execute_read(work)
                return session.execute_write(work)
        except (errors.ServiceUnavailable, errors.SessionExpired) as exc:
            raise StoreError(f"the Bolt store at {self.uri} cannot be reached: {exc}") from exc
        except errors.AuthError as exc:
            raise StoreError(f"the Bolt store at {self.uri} refused the credentials "
                             f"(neo4j_user / neo4j_password): {exc.message}") from exc
        except errors.Neo4jError as exc:
            raise _query_error(exc, timeout_ms or self.settings.query_time_limit_ms) from exc
        except errors.DriverError as exc:
            raise StoreError(f"the Bolt driver failed: {exc}") from exc

    def close(self) -> None:
        self.driver.close()


def _operators(plan: Any) -> Iterator[str]:
    """The operator names of a plan summary, depth first, without their ``@database`` suffix."""
    stack = [plan] if plan else []
    while stack:
        node = stack.pop()
        getter = node.get if isinstance(node, dict) else (lambda key, n=node: getattr(n, key, None))
        name = getter("operatorType") or getter("operator_type")
        if name:
            yield str(name).split("@")[0]
        stack.extend(getter("children") or [])


def _write(statement: str, rows: list | None = None):
    def work(tx):
        tx.run(statement, {"rows": rows} if rows is not None else {}).consume()
    return work


def _query_error(exc: Any, timeout_ms: int) -> QueryError:
    code = getattr(exc, "code", None) or ""
    message = getattr(exc, "message", None) or ""
    if "TransactionTimedOut" in code or "TransactionTimedOut" in message:
        return QueryTimeout(f"the query ran past its time limit of {timeout_ms} ms", "query_time_limit_ms")
    if "AccessMode" in code or "ForbiddenDueToTransactionType" in code or "read access mode" in message:
        return ReadOnlyError(f"queries are read-only: the query would change the graph ({message or code})")
    if not message and not code:
        return QueryError("the database refused the query without saying why (FalkorDB's Bolt listener "
                          "gives no error messages; the embedded store does)")
    return QueryError(message or code)


class _Converter:
    """Driver values -> the plain JSON values of ``QueryResult`` (same shapes as the embedded store)."""

    def __init__(self, store: Neo4jStore):
        self.store = store
        self.ids: dict[str, str] = {}

    def rows(self, rows: list[list[Any]]) -> list[list[Any]]:
        neo4j = _driver_module()
        graph = neo4j.graph
        wanted: set[str] = set()

        def walk(v: Any) -> None:
            if isinstance(v, graph.Node):
                if "id" in v:
                    self.ids[v.element_id] = v["id"]
            elif isinstance(v, graph.Relationship):
                for end in v.nodes:
                    if end is not None:
                        walk(end)
                        if end.element_id not in self.ids:
                            wanted.add(end.element_id)
            elif isinstance(v, graph.Path):
                for item in (*v.nodes, *v.relationships):
                    walk(item)
            elif isinstance(v, list | tuple):
                for item in v:
                    walk(item)
            elif isinstance(v, dict):
                for item in v.values():
                    walk(item)

        walk(rows)
        wanted -= set(self.ids)
        if wanted:
            self._look_up(sorted(wanted))
        return [[self.value(v) for v in row] for row in rows]

    def _look_up(self, element_ids: list[str]) -> None:
        """The contract ids of nodes a relationship only points at."""
        falkor = [_FALKOR_ELEMENT_ID.match(e) for e in element_ids]
        if all(falkor):
            numbers = [int(m.group(1)) for m in falkor if m]
            result = self.store.read("MATCH (n) WHERE id(n) IN $ids RETURN id(n), n.id", {"ids": numbers})
            self.ids.update({f"node_{i}": cid for i, cid in result.rows})
        else:
            result = self.store.read("MATCH (n) WHERE elementId(n) IN $ids RETURN elementId(n), n.id",
                                     {"ids": element_ids})
            self.ids.update({e: cid for e, cid in result.rows})

    def value(self, v: Any) -> Any:
        neo4j = _driver_module()
        graph = neo4j.graph
        if isinstance(v, graph.Node):
            props = {k: self.value(x) for k, x in v.items() if k not in cypher.STORE_PROPERTIES}
            return {"id": props.get("id", v.element_id), "labels": sorted(v.labels), "properties": props}
        if isinstance(v, graph.Relationship):
            props = {k: self.value(x) for k, x in v.items()}
            start, end = v.nodes
            return {"id": props.get("id", v.element_id), "type": v.type,
                    "start": self._node_id(start), "end": self._node_id(end), "properties": props}
        if isinstance(v, graph.Path):
            return {"nodes": [self.value(n) for n in v.nodes],
                    "relationships": [self.value(r) for r in v.relationships]}
        if isinstance(v, list | tuple):
            return [self.value(x) for x in v]
        if isinstance(v, dict):
            return {k: self.value(x) for k, x in v.items()}
        if isinstance(v, bytes | bytearray):
            return bytes(v).decode("utf-8", errors="replace")
        if hasattr(v, "iso_format"):  # neo4j.time Date, DateTime, Time, Duration
            return v.iso_format()
        if v is None or isinstance(v, str | int | float | bool):
            return v
        return str(v)  # spatial points and anything newer

    def _node_id(self, node: Any) -> str | None:
        if node is None:
            return None
        if "id" in node:
            return node["id"]
        return self.ids.get(node.element_id, node.element_id)
