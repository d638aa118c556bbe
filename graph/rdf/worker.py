"""SPARQL in a process of its own, ended at the time limit: ``SparqlWorker``.

pyoxigraph evaluates a query to its end once asked, with no deadline and no
way to cancel it: ``SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }``
kept a core busy for good, and a thread cannot be stopped (shutdown hung
waiting for it). So queries run in a child process that holds a copy of the
RDF view and is killed (SIGKILL) when a query outlasts the time limit; the
next query starts a fresh one and loads the view again.

The child is also where a query is judged:

- its address space is capped (``sparql_memory_mb``), so a query that
  materialises too much fails in the child, not in the service;
- it gives up network access where the system allows (a private network
  namespace, ``unshare``), so even a federated ``SERVICE`` call that slipped
  past the checks could not reach another address;
- the query is parsed by rdflib and refused if its parse holds a ``SERVICE``
  pattern or is not a query (updates do not parse as queries); the word check
  of ``graph.rdf.sparql`` runs first.

Messages on the pipe are pickled tuples: ``("load", stamp, nquads)`` and
``("query", stamp, query, options)`` one way, ``("ok", answer)`` or
``("error", kind, message, setting)`` the other.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

from graph.errors import PolicyKGError, QueryError, QueryTimeout, ReadOnlyError, SettingError, StoreError

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


class SparqlWorker:
    """The parent's handle on the SPARQL child process: one query at a time, each with a deadline."""

    def __init__(self, memory_mb: int, time_limit_ms: int, max_answer_bytes: int):
        self.memory_mb = memory_mb
        self.time_limit_ms = time_limit_ms
        self.max_answer_bytes = max_answer_bytes
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._conn: Any = None
        self._loaded: Any = None  # the stamp of the view the child holds

    def run(self, stamp: Any, dump, query: str, options: dict[str, Any]):
        """Run ``query`` on the view ``stamp`` (``dump()`` gives its N-Quads when the child needs
        them); a ``SparqlAnswer``, or the error the child raised, or ``QueryTimeout`` at the deadline."""
        if not self._lock.acquire(timeout=self.time_limit_ms / 1000):
            raise self._timeout()
        try:
            self._start()
            if self._loaded != stamp:
                self._send(("load", stamp, dump()), deadline=None)  # loading is not the query's time
                self._loaded = stamp
            return self._send(("query", stamp, query, options),
                              deadline=time.monotonic() + self.time_limit_ms / 1000)
        finally:
            self._lock.release()

    def _start(self) -> None:
        """A fresh child, ``python -m graph.rdf.worker FD MEMORY_MB MAX_BYTES``, talking over a socket
        pair (a subprocess rather than multiprocessing: it does not import the service's main module)."""
        if self._process is not None and self._process.poll() is None:
            return
        parent, child = socket.socketpair()
        process = subprocess.Popen([sys.executable, "-m", "graph.rdf.worker", str(child.fileno()),
                                    str(self.memory_mb), str(self.max_answer_bytes)],
                                   pass_fds=[child.fileno()], stdin=subprocess.DEVNULL, start_new_session=True)
        child.close()
        self._process, self._conn, self._loaded = process, Connection(parent.detach()), None

    def _send(self, message: tuple, deadline: float | None):
        try:
            self._conn.send(message)
            if deadline is not None and not self._conn.poll(max(0.0, deadline - time.monotonic())):
                self.stop()
                self._start()  # the next query finds a process ready (it loads the view then)
                raise self._timeout()
            reply = self._conn.recv()
        except (EOFError, OSError) as exc:
            code = self._process.poll() if self._process is not None else None
            self.stop()
            raise QueryError(f"the process that ran the SPARQL query ended (exit code {code}); a query that "
                             f"needs more than sparql_memory_mb = {self.memory_mb} ends it") from exc
        if reply[0] == "ok":
            return reply[1]
        _, kind, text, setting = reply
        raise _ERRORS.get(kind, QueryError)(text, setting) if setting else _ERRORS.get(kind, QueryError)(text)

    def _timeout(self) -> QueryTimeout:
        return QueryTimeout(f"the SPARQL query ran past its time limit of {self.time_limit_ms} ms and was stopped",
                            "query_time_limit_ms")

    def stop(self) -> None:
        """End the child at once (it may be in the middle of a query that would never end)."""
        process, self._process, self._loaded = self._process, None, None
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._conn.close()
            self._conn = None
        if process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(process.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(5)


_ERRORS: dict[str, type[PolicyKGError]] = {"read_only": ReadOnlyError, "timeout": QueryTimeout,
                                           "limit": SettingError, "query": QueryError, "store": StoreError}


# -- the child --------------------------------------------------------------------------

def serve(conn, memory_mb: int, max_answer_bytes: int) -> None:
    """The child's loop: load views, answer queries, until the pipe closes."""
    limit = memory_mb << 20
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    leave_the_network()
    import pyoxigraph as ox
    from rdflib.plugins.sparql import parser  # noqa: F401 - imported now, not on the first query

    from graph.rdf.sparql import run_query

    store, stamp = ox.Store(), None
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if message[0] == "load":
                store = ox.Store()
                store.load(message[2], format=ox.RdfFormat.N_QUADS)
                stamp = message[1]
                conn.send(("ok", None))
                continue
            _, wanted, query, options = message
            if wanted != stamp:
                raise StoreError("the SPARQL process holds another build of the graph; try again")
            check_parsed(query)
            answer = run_query(store, query, **options)
            if len(answer.body) > max_answer_bytes:
                raise SettingError(f"the answer is larger than {max_answer_bytes:,} bytes; ask for fewer rows "
                                   "(LIMIT)", "max_answer_bytes")
            conn.send(("ok", answer))
        except PolicyKGError as exc:
            conn.send(("error", _kind(exc), _message(exc), getattr(exc, "setting", None)))
        except MemoryError:
            conn.send(("error", "limit", "the SPARQL query needs more memory than the service gives it",
                       "sparql_memory_mb"))


def _kind(exc: PolicyKGError) -> str:
    for kind, cls in (("read_only", ReadOnlyError), ("timeout", QueryTimeout), ("limit", SettingError),
                      ("store", StoreError)):
        if isinstance(exc, cls):
            return kind
    return "query"


def _message(exc: PolicyKGError) -> str:
    """The message without the " (the setting is …)" that the parent's error will add again."""
    text = str(exc)
    setting = getattr(exc, "setting", None)
    suffix = f" (the setting is {setting})"
    return text[: -len(suffix)] if setting and text.endswith(suffix) else text


def leave_the_network() -> bool:
    """Move this process into a network namespace of its own (no interface but a loopback that is
    down), so no query can reach another machine or a local service. Root may do it directly, others
    through a user namespace where the system allows; where neither works the process keeps the
    network and the query checks are the only guard. Linux only."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    return any(libc.unshare(flags) == 0 for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET))


def check_parsed(query: str) -> None:
    """Refuse a query whose parse (rdflib's) holds a federated ``SERVICE`` pattern, or that does
    not parse as a query. The parse is what decides, not the words (a ``SERVICE`` after a comment
    that ends at a carriage return is still one)."""
    from pyparsing import ParseBaseException, ParseResults
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        parsed = parseQuery(query)
    except ParseBaseException as exc:
        raise QueryError(f"the SPARQL query does not parse as a query (updates are refused): {exc}") from None
    except RecursionError:
        raise QueryError("the SPARQL query is nested too deeply to parse") from None
    stack: list[Any] = [parsed]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                raise ReadOnlyError("federated queries (SERVICE) are refused: this endpoint queries its own "
                                    "graph only")
            stack.extend(node.values())
        elif isinstance(node, list | tuple | ParseResults):
            stack.extend(node)
        elif isinstance(node, dict):
            stack.extend(node.values())


if __name__ == "__main__":
    serve(Connection(int(sys.argv[1])), int(sys.argv[2]), int(sys.argv[3]))
