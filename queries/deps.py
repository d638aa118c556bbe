"""FastAPI dependencies: the settings and the store of the running app.

Routers take what they need through these (the full-stack FastAPI template's
``api/deps.py``), so a test can build an app on its own settings with
``create_app(settings)`` and nothing is global.
"""

from __future__ import annotations

from fastapi import Request

from graph.settings import Settings
from graph.store import GraphStore


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> GraphStore:
    """The app's store, opened on first use and kept for the app's lifetime."""
    state = request.app.state
    if getattr(state, "store", None) is None:
        from graph.store import open_store

        lock = getattr(state, "store_lock", None)
        if lock is None:
            state.store = open_store(state.settings)
        else:
            with lock:  # two first requests at once open one store, not two
                if getattr(state, "store", None) is None:
                    state.store = open_store(state.settings)
    return state.store
