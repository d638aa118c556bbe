"""``GET /health``: is the service up, and can it reach its graph?"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends

from graph.errors import QueryError
from graph.settings import Settings
from graph.store import GraphStore
from queries.deps import get_settings, get_store

router = APIRouter(tags=["service"])


@cache
def _version() -> str:
    """Looked up once: importlib.metadata scans the installed distributions on every call."""
    from importlib.metadata import version

    return version("policykg")


@router.get("/health")
def health(store: Annotated[GraphStore, Depends(get_store)],
           settings: Annotated[Settings, Depends(get_settings)]) -> dict[str, Any]:
    """``ok`` with the node count when the graph answers; ``empty`` when nothing is built yet;
    503 when the store cannot be reached."""
    body: dict[str, Any] = {"status": "ok", "version": _version(),
                            "store": "embedded" if settings.embedded else "bolt", "graph": settings.graph_name}
    try:
        result = store.read("MATCH (n) RETURN count(n)", timeout_ms=min(2000, settings.query_time_limit_ms))
        body["nodes"] = result.rows[0][0]
    except QueryError:
        if hasattr(store, "exists") and not store.exists():
            body.update(status="empty", nodes=0)
        else:
            raise
    return body
