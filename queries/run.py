"""Running a client's query: the one path that ``POST /cypher``, ``/queries/{name}`` and
``policykg query`` all take, so the read-only rule cannot differ between them.

Layers, outermost first: the text guard (``queries.guard``), parameter checks,
then the store's own read mode with its time limit and row cap.
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import json
import math
import re
from collections.abc import Awaitable, Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager, nullcontext
from typing import Any, NamedTuple, TypeVar

from graph.errors import QueryError, QueryTimeout, SettingError
from graph.settings import Settings
from graph.store import GraphStore, QueryResult
from queries.bounds import check_bounds, check_length
from queries.engine_faults import check_engine_faults
from queries.guard import procedure_calls, read_only_text
from queries.named import NamedQuery, ParameterError
from queries.plan_rules import check_plan

_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_MAX_DEPTH = 8
#: how long past the time limit a client waits for its answer at most; the database's own timeout
#: answers well before, and a read it does not stop is abandoned ``ANSWER_MS`` before the end
DEADLINE_GRACE_MS = 1000
#: what of the grace is kept for the answer itself (the abandoned read let go, the error rendered and
#: sent): abandoning at the very end made an abandoned query's answer come after it, never within it
ANSWER_MS = 100
#: threads that wait on the database for synchronous reads (``policykg query``, a store without
#: ``aread``), so a query the database does not stop in time (one huge range() is a single step,
#: checked against the limit only when it ends) still answers at its deadline; the thread waits
#: on, the caller does not
_waiters = ThreadPoolExecutor(max_workers=64, thread_name_prefix="policykg-query")
T = TypeVar("T")


class _Read(NamedTuple):
    """A client's read once it passed the checks: what goes to the store, and the deadline."""

    query: str
    params: dict[str, Any]
    timeout_ms: int | None
    max_rows: int | None
    limit_ms: int | None

    def sync(self, store: GraphStore) -> QueryResult:
        return store.read(self.query, self.params, timeout_ms=self.timeout_ms, max_rows=self.max_rows)


def run_cypher(store: GraphStore, query: str, params: Mapping[str, Any] | None = None, *,
               timeout_ms: int | None = None, max_rows: int | None = None,
               settings: Settings | None = None, trusted: bool = False) -> QueryResult:
    """Check ``query`` and ``params``, then read with the (possibly lowered) limits.

    A client's query (``trusted`` false) passes every layer: bounds, the text
    guard, the engine faults, and the engine's own plan; a named query's text
    is ours, so only its parameters and the guard (cached) are checked."""
    read = _checked(store, query, params, timeout_ms, max_rows, settings, trusted)
    with _noting_crashes(query, trusted):
        return with_deadline(lambda: read.sync(store), read.limit_ms)


async def arun_cypher(store: GraphStore, query: str, params: Mapping[str, Any] | None = None, *,
                      timeout_ms: int | None = None, max_rows: int | None = None,
                      settings: Settings | None = None, trusted: bool = False) -> QueryResult:
    """``run_cypher`` for the event loop. A store with an asyncio client (``aread``: the
    embedded FalkorDB) is awaited on the loop itself; any other (the Bolt store) reads in
    the query thread pool while the loop awaits it. A client's query is checked in a worker
    thread (bounds, guard, plan: linear, but not free on a long text), so the event loop
    never waits on it.

    One deadline covers the checks, the plan and the read: the answer within the time limit
    plus ``DEADLINE_GRACE_MS`` from when the checks start, and the database's own timeout is
    what is left of the limit once the query is planned. Past the deadline the client is
    answered and the work abandoned (a cancelled asyncio read drops its connection; a plan,
    or a plan sandbox being started, finishes in its thread for the next query). A store
    behind admission control (``queries.admission.GatedStore``) is read once a slot is free,
    and the time spent waiting for it is not counted: a query waiting its turn is not timing
    out (past the queue's bound the gate answers 503 at once)."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    if trusted:
        read = _checked(store, query, params, timeout_ms, max_rows, settings, trusted)
    else:
        settings = settings or getattr(store, "settings", None)
        if settings is not None and isinstance(query, str):
            check_length(query, settings)  # constant time: a long text is refused before it is read
        checking = asyncio.to_thread(_checked, store, query, params, timeout_ms, max_rows, settings, trusted)
        read = await _by_deadline(checking, _limit_ms(settings, timeout_ms), started)
    admission = getattr(store, "admission", None)
    store = getattr(store, "inner", store)  # a GatedStore's own read would wait for a second slot
    waiting = loop.time()
    async with admission.slot() if admission is not None else nullcontext():
        started += loop.time() - waiting  # the limit counts the query's own time, not its turn in the queue
        with _noting_crashes(query, trusted):
            if read.limit_ms is not None:
                left_ms = read.limit_ms - int((loop.time() - started) * 1000)
                if left_ms < 1:
                    raise _timed_out(read.limit_ms)
                read = read._replace(timeout_ms=left_ms)
            aread = getattr(store, "aread", None)
            if aread is not None:
                reading = aread(read.query, read.params, timeout_ms=read.timeout_ms, max_rows=read.max_rows)
            else:
                reading = asyncio.shield(asyncio.wrap_future(_waiters.submit(read.sync, store)))
            return await _by_deadline(_naming_the_limit(reading, read.limit_ms), read.limit_ms, started)


async def _by_deadline(work: Awaitable[T], limit_ms: int | None, started: float) -> T:
    """``await work``, or ``QueryTimeout`` once ``_abandon_after_s(limit_ms)`` have passed since
    ``started`` (the event loop's clock). Only the deadline's own expiry is answered so: a
    ``TimeoutError`` raised by the work itself is not this deadline's and goes on as it is."""
    if limit_ms is None:
        return await work
    scope = asyncio.timeout_at(started + _abandon_after_s(limit_ms))
    try:  # asyncio.timeout cancels this task at the deadline; wait_for would make it wait on a second one
        async with scope:
            return await work
    except TimeoutError:
        if not scope.expired():
            raise
        raise _abandoned(limit_ms) from None


async def _naming_the_limit(reading: Awaitable[T], limit_ms: int | None) -> T:
    """The read, whose timeout names the query's time limit rather than the part of it left to the read."""
    try:
        return await reading
    except QueryTimeout as exc:
        if limit_ms is None or exc.setting != "query_time_limit_ms":
            raise
        raise _timed_out(limit_ms) from exc


def _limit_ms(settings: Settings | None, timeout_ms: int | None) -> int | None:
    """The time limit of a request, known before its checks run: its ``timeout_ms`` when that lowers
    the setting (``limits``, among the checks, refuses any other)."""
    limit = settings.query_time_limit_ms if settings is not None else None
    if (isinstance(timeout_ms, int) and not isinstance(timeout_ms, bool) and timeout_ms >= 1
            and (limit is None or timeout_ms <= limit)):
        return timeout_ms
    return limit


def _timed_out(limit_ms: int) -> QueryTimeout:
    return QueryTimeout(f"the query ran past its time limit of {limit_ms} ms", "query_time_limit_ms")


#: digests of clients' queries that crashed the database in this process: refused from then on,
#: so one query cannot bring it down again and again
_crashers: set[bytes] = set()


def _digest(query: str) -> bytes:
    return hashlib.blake2b(query.encode("utf-8", "surrogatepass"), digest_size=16).digest()


@contextmanager
def _noting_crashes(query: str, trusted: bool) -> Iterator[None]:
    try:
        yield
    except QueryError as exc:
        if getattr(exc, "code", None) == "query_crashed" and not trusted:
            _crashers.add(_digest(query))
        raise


def _checked(store: GraphStore, query: str, params: Mapping[str, Any] | None, timeout_ms: int | None,
             max_rows: int | None, settings: Settings | None, trusted: bool = False) -> _Read:
    """The layers every query passes: bounds (a client's), text guard, parameters, limits, and
    for a client's query the engine faults and the engine's own plan."""
    if not isinstance(query, str) or not query.strip():
        raise ParameterError("the query is empty", "query")
    settings = settings or getattr(store, "settings", None)
    if not trusted and _crashers and _digest(query) in _crashers:
        raise QueryError("this query stopped the database before (a fault of FalkorDB 4.16); it is refused")
    if not trusted and settings is not None:
        check_bounds(query, settings)
    if not _is_text(query):
        raise ParameterError("the query is not valid Unicode text (a lone surrogate or a NUL?)", "query")
    query = read_only_text(query)
    params = dict(params or {})
    check_params(params)
    timeout_ms, max_rows = limits(settings, timeout_ms, max_rows)
    if not trusted:
        check_engine_faults(query, params)
        explain = getattr(store, "explain", None)
        if explain is not None:
            check_plan(explain(query, params), procedure_calls(query))
    limit_ms = timeout_ms or (settings.query_time_limit_ms if settings is not None else None)
    return _Read(query, params, timeout_ms, max_rows, limit_ms)


def with_deadline(work: Callable[[], T], limit_ms: int | None) -> T:
    """``work()``, or ``QueryTimeout`` once ``_abandon_after_s(limit_ms)`` have passed."""
    if limit_ms is None:
        return work()
    future = _waiters.submit(work)
    try:
        return future.result(timeout=_abandon_after_s(limit_ms))
    except FutureTimeout:
        raise _abandoned(limit_ms) from None


def _abandon_after_s(limit_ms: int) -> float:
    """When a query the database has not stopped is abandoned: so that its answer comes within the
    time limit plus ``DEADLINE_GRACE_MS``."""
    return (limit_ms + DEADLINE_GRACE_MS - ANSWER_MS) / 1000


def _abandoned(limit_ms: int) -> QueryTimeout:
    return QueryTimeout(f"the query ran past its time limit of {limit_ms} ms and was abandoned "
                        f"(the database may still be finishing it)", "query_time_limit_ms")


def run_named(store: GraphStore, named: NamedQuery, given: Mapping[str, Any], *, from_strings: bool = False,
              timeout_ms: int | None = None, max_rows: int | None = None,
              settings: Settings | None = None) -> QueryResult:
    params = named.bind(given, from_strings=from_strings)
    text = named.text_for(getattr(store, "dialect", None))
    return run_cypher(store, text, params, timeout_ms=timeout_ms, max_rows=max_rows, settings=settings,
                      trusted=True)


async def arun_named(store: GraphStore, named: NamedQuery, given: Mapping[str, Any], *, from_strings: bool = False,
                     timeout_ms: int | None = None, max_rows: int | None = None,
                     settings: Settings | None = None) -> QueryResult:
    params = named.bind(given, from_strings=from_strings)
    text = named.text_for(getattr(store, "dialect", None))
    return await arun_cypher(store, text, params, timeout_ms=timeout_ms, max_rows=max_rows,
                             settings=settings, trusted=True)


def limits(settings: Settings | None, timeout_ms: int | None, max_rows: int | None) -> tuple[int | None, int | None]:
    """A request may lower the time limit and the row cap, never raise them (as in datasette)."""
    for name, value in (("timeout_ms", timeout_ms), ("max_rows", max_rows)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1
                                  or value >= 1 << 63):
            raise ParameterError(f"{name} must be a positive integer", name)
    if settings is not None:
        if timeout_ms is not None and timeout_ms > settings.query_time_limit_ms:
            raise SettingError(f"timeout_ms={timeout_ms} is above the service's time limit of "
                               f"{settings.query_time_limit_ms} ms; a request may only lower it",
                               "query_time_limit_ms")
        if max_rows is not None and max_rows > settings.max_rows:
            raise SettingError(f"max_rows={max_rows} is above the service's row cap of {settings.max_rows}; "
                               f"a request may only lower it", "max_rows")
    return timeout_ms, max_rows


def check_params(params: Mapping[str, Any]) -> None:
    """Parameter names are identifiers; values are JSON scalars, lists and maps of them."""
    for name, value in params.items():
        if not isinstance(name, str) or not _PARAM_NAME.match(name):
            raise ParameterError(f"parameter name {name!r} is not an identifier (letters, digits, _)", str(name))
        _check_value(name, value, 0)


def _check_value(name: str, value: Any, depth: int) -> None:
    if depth > _MAX_DEPTH:
        raise ParameterError(f"parameter {name} is nested deeper than {_MAX_DEPTH} levels", name)
    if isinstance(value, str):
        if not _is_text(value):
            raise ParameterError(f"parameter {name} is not valid Unicode text (a lone surrogate or a NUL?)", name)
        return
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        if not -(1 << 63) <= value < (1 << 63):
            raise ParameterError(f"parameter {name} is an integer beyond 64 bits", name)
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ParameterError(f"parameter {name} is not a finite number", name)
        return
    if isinstance(value, list):
        for item in value:
            _check_value(name, item, depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or not key or "`" in key:
                raise ParameterError(f"parameter {name} has a map key that cannot be used: {key!r}", name)
            _check_value(name, item, depth + 1)
        return
    raise ParameterError(f"parameter {name} has a value of type {type(value).__name__}", name)


def _is_text(text: str) -> bool:
    """True when ``text`` can be sent as UTF-8 (JSON can carry lone surrogates, UTF-8 cannot) and
    has no NUL (FalkorDB reads the query and its parameters as C strings)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def parse_cli_value(text: str) -> Any:
    """``--param k=v`` for ad-hoc Cypher: JSON when it parses (5, true, ["a"]), else the text itself."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


# -- output -------------------------------------------------------------------
def result_json(result: QueryResult) -> dict[str, Any]:
    return {"columns": result.columns, "rows": result.rows,
            "stats": {"elapsed_ms": result.elapsed_ms, "rows": len(result.rows), "truncated": result.truncated}}


def cell_text(value: Any) -> str:
    """One cell as text: scalars as they are, nodes, lists and maps as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def result_csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([cell_text(v) for v in row])
    return out.getvalue()


def result_table(result: QueryResult, *, width: int = 60) -> str:
    """A plain text table for the terminal; long cells are cut at ``width`` characters."""
    cells = [[_cut(cell_text(v), width) for v in row] for row in result.rows]
    widths = [max([_display_width(c)] + [_display_width(r[i]) for r in cells])
              for i, c in enumerate(result.columns)]
    lines = ["  ".join(_pad(c, w) for c, w in zip(result.columns, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    tail = f"({len(result.rows)} rows{', truncated at the row cap (max_rows)' if result.truncated else ''}, " \
           f"{result.elapsed_ms:.1f} ms)"
    return "\n".join([*lines, tail])


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _display_width(text))
