"""Admission control: a bounded queue in front of the database.

The embedded FalkorDB runs as many queries at once as it has threads (one per
core); the ones past that wait in its own queue, where their time limit was
already running. With 32 clients on a large graph nearly every request then
waited past its limit behind the others and failed as a timeout
(bench/RESULTS.md, issue 19). So the service lets at most
``max_running_queries`` queries reach the database at once; the next ones
wait here, in arrival order, and their time limit starts only when they run.
When ``max_queued_queries`` already wait, a request is refused at once with
503 and ``Retry-After`` (``Overloaded``): a client learns at once that the
service is busy, instead of learning it from a timeout many seconds later.

One ``Admission`` serves both kinds of caller the service has: coroutines on
the event loop (``slot``: the query endpoints) and threads (``slot_sync``: the
web page's and the analyses' routes, which FastAPI runs in its thread pool).
``GatedStore`` puts the sync side in front of every ``read`` of a store, so
routes that read the store themselves queue too, without knowing it.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections import deque
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

from graph.errors import SettingError


class Overloaded(SettingError):
    """As many queries as the queue holds are waiting: try again in ``retry_after`` seconds."""

    status = 503
    code = "overloaded"

    def __init__(self, message: str, setting: str, retry_after: int):
        super().__init__(message, setting)
        self.retry_after = retry_after


class _Waiter:
    """One caller waiting for a slot: woken through an event (a thread) or a future (a coroutine)."""

    __slots__ = ("event", "future", "granted", "loop")

    def __init__(self, loop: asyncio.AbstractEventLoop | None = None):
        self.loop = loop
        self.future: asyncio.Future[None] | None = loop.create_future() if loop is not None else None
        self.event = threading.Event() if loop is None else None
        self.granted = False

    def grant(self) -> None:
        """Hand this waiter a slot (called under the admission's lock)."""
        self.granted = True
        if self.event is not None:
            self.event.set()
        else:
            self.loop.call_soon_threadsafe(_resolve, self.future)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class Admission:
    """At most ``running`` callers hold a slot; at most ``queued`` wait for one, first come first served."""

    def __init__(self, running: int, queued: int, retry_after_s: int = 1):
        if running < 1 or queued < 0:
            raise ValueError("running must be at least 1 and queued at least 0")
        self.capacity = running
        self.bound = queued
        self.retry_after_s = retry_after_s
        self._lock = threading.Lock()
        self._running = 0
        self._waiting: deque[_Waiter] = deque()
        #: how many callers were refused since the service started (reported by /health)
        self.refused = 0

    @property
    def running(self) -> int:
        return self._running

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def _enter(self, loop: asyncio.AbstractEventLoop | None) -> _Waiter | None:
        """A slot at once (None), or a place in the queue (the waiter), or ``Overloaded``."""
        with self._lock:
            if self._running < self.capacity and not self._waiting:
                self._running += 1
                return None
            if len(self._waiting) >= self.bound:
                self.refused += 1
                raise Overloaded(f"the service is busy: {self._running} queries are running and {len(self._waiting)} "
                                 f"are waiting; try again in {self.retry_after_s} s", "max_queued_queries",
                                 self.retry_after_s)
            waiter = _Waiter(loop)
            self._waiting.append(waiter)
            return waiter

    def _leave(self) -> None:
        """Give the slot to the first waiter, or free it."""
        with self._lock:
            if self._waiting:
                self._waiting.popleft().grant()  # the slot passes on: running stays the same
            else:
                self._running -= 1

    def _abandon(self, waiter: _Waiter) -> None:
        """A waiter gave up (its request was cancelled): out of the queue, or its slot passed on."""
        with self._lock:
            if not waiter.granted:
                self._waiting.remove(waiter)
                return
        self._leave()

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold a slot for the block, waiting on the event loop (never blocking it) for one."""
        waiter = self._enter(asyncio.get_running_loop())
        if waiter is not None:
            try:
                await waiter.future
            except BaseException:
                self._abandon(waiter)
                raise
        try:
            yield
        finally:
            self._leave()

    @contextmanager
    def slot_sync(self) -> Iterator[None]:
        """``slot`` for a thread: the thread blocks until its turn."""
        waiter = self._enter(None)
        if waiter is not None:
            waiter.event.wait()
        try:
            yield
        finally:
            self._leave()


def admission_for(settings: Any) -> Admission:
    """The admission of the service's settings; 0 running means one per core (FalkorDB's thread count)."""
    running = settings.max_running_queries or os.cpu_count() or 1
    return Admission(running, settings.max_queued_queries)


class GatedStore:
    """A store whose synchronous ``read`` waits for a slot of ``admission``; everything else is the store's.

    ``aread`` is left as it is: the coroutine path (``queries.run.arun_cypher``)
    takes its slot itself, so that the query's time limit starts once it runs.
    """

    def __init__(self, store: Any, admission: Admission):
        self.inner = store
        self.admission = admission

    def read(self, query: str, params: dict[str, Any] | None = None, **limits: Any):
        with self.admission.slot_sync():
            return self.inner.read(query, params, **limits)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)
