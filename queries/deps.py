"""FastAPI dependencies: the settings and the store of the running app.

Routers take what they need through these (the full-stack FastAPI template's
``api/deps.py``), so a test can build an app on its own settings with
``create_app(settings)`` and nothing is global.
"""

from __future__ import annotations

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from graph.settings import Settings
from graph.store import GraphStore


async def get_settings(request: Request) -> Settings:
    # async, like get_store: a plain ``def`` dependency costs a trip through the thread pool per request
    return request.app.state.settings


async def get_store(request: Request) -> GraphStore:
    """The app's store, opened on first use (in a worker thread: it may start the
    embedded server) and kept for the app's lifetime."""
    return await store_of(request.app.state)


async def store_of(state) -> GraphStore:
    """``get_store`` for code that has the app's state but no ``Request``."""
    if getattr(state, "store", None) is None:
        await run_in_threadpool(_open, state)
    return state.store


def _open(state) -> None:
    lock = getattr(state, "store_lock", None)
    if lock is None:
        state.store = _gated(state)
        return
    with lock:  # two first requests at once open one store, not two
        if getattr(state, "store", None) is None:
            state.store = _gated(state)


def _gated(state):
    """The store of the settings, behind the app's admission control (``queries.admission``) if it has one."""
    from graph.store import open_store
    from queries.admission import GatedStore

    store = open_store(state.settings)
    admission = getattr(state, "admission", None)
    return GatedStore(store, admission) if admission is not None else store
