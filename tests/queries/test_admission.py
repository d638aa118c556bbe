"""Admission control: a bounded queue in front of the database (``queries.admission``).

Over real HTTP: a query that waits its turn longer than its time limit still
answers (the limit counts from when it runs), and past the queue's bound the
service answers 503 with ``Retry-After`` at once. The slots are held by the
test itself, so nothing depends on how fast this machine runs a query.
"""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from graph.store.falkor import FalkorStore
from queries.admission import Admission, GatedStore, Overloaded
from queries.app import create_app
from tests.conftest import settings_for
from tests.fixture_graph import small_graph
from tests.queries.http_server import serving


def wait_until(condition, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)


def test_waiting_requests_run_in_turn_and_past_the_bound_get_503_with_retry_after(tmp_path):
    settings = settings_for(tmp_path, query_time_limit_ms=500, max_running_queries=1, max_queued_queries=2)
    store = FalkorStore(settings)
    store.replace_graph(small_graph())
    app = create_app(settings, store=store)
    admission: Admission = app.state.admission
    path = "/queries/measure-owners"
    params = {"measure": "统筹科学智算高效供给"}
    try:
        with serving(app) as url, ThreadPoolExecutor(4) as pool:
            held = admission.slot_sync()
            held.__enter__()  # the one slot is taken: every query waits
            waiting = [pool.submit(httpx.get, url + path, params=params, timeout=30),
                       pool.submit(httpx.post, url + "/cypher", json={"query": "MATCH (n) RETURN count(n)"},
                                   timeout=30)]
            wait_until(lambda: admission.waiting == 2)
            started = time.monotonic()
            refused = httpx.get(url + path, params=params, timeout=30)
            assert time.monotonic() - started < 2, "refused at once, not after a wait"
            assert refused.status_code == 503
            assert refused.headers["retry-after"] == "1"
            error = refused.json()["error"]
            assert (error["code"], error["setting"]) == ("overloaded", "max_queued_queries")
            time.sleep(1.0)  # twice the time limit, spent waiting in the queue
            held.__exit__(None, None, None)
            answers = [f.result(timeout=30) for f in waiting]
            assert [a.status_code for a in answers] == [200, 200], [a.text for a in answers]
            assert answers[0].json()["rows"], "the waiting query answered in full"
            assert (admission.running, admission.waiting, admission.refused) == (0, 0, 1)
    finally:
        store.close()


def test_the_web_routes_reading_the_store_queue_too(tmp_path):
    admission = Admission(running=1, queued=0)

    class Store:
        def read(self, query, params=None, **limits):
            return query

    gated = GatedStore(Store(), admission)
    assert gated.read("RETURN 1") == "RETURN 1"
    with admission.slot_sync(), pytest.raises(Overloaded):
        gated.read("RETURN 1")
    assert gated.read("RETURN 2") == "RETURN 2", "the slot is free again"


def test_first_come_first_served_and_a_cancelled_waiter_passes_its_turn_on():
    async def scenario():
        admission = Admission(running=1, queued=3)
        order: list[str] = []

        async def query(name: str, hold: float = 0.0):
            async with admission.slot():
                order.append(name)
                await asyncio.sleep(hold)

        first = asyncio.create_task(query("first", 0.05))
        await asyncio.sleep(0)
        gone = asyncio.create_task(query("gone"))
        second = asyncio.create_task(query("second"))
        await asyncio.sleep(0)
        assert admission.waiting == 2
        gone.cancel()
        await asyncio.gather(first, second, return_exceptions=True)
        assert order == ["first", "second"]
        assert (admission.running, admission.waiting) == (0, 0)

    asyncio.run(scenario())


def test_threads_and_coroutines_share_the_slots():
    admission = Admission(running=1, queued=4)
    seen: list[str] = []
    released = threading.Event()

    def thread_holding() -> None:
        with admission.slot_sync():
            seen.append("thread")
            released.wait(5)

    worker = threading.Thread(target=thread_holding)
    worker.start()
    wait_until(lambda: admission.running == 1)

    async def coroutine() -> None:
        async with admission.slot():
            seen.append("coroutine")

    async def scenario() -> None:
        task = asyncio.create_task(coroutine())
        await asyncio.sleep(0.05)
        assert seen == ["thread"], "the coroutine waits for the thread's slot"
        released.set()
        await asyncio.wait_for(task, 5)

    asyncio.run(scenario())
    worker.join(5)
    assert seen == ["thread", "coroutine"]
