"""The contract's JSON export: ``{"nodes": [...], "relationships": [...]}``, sorted by id."""

from __future__ import annotations

import json

from graph.model import GraphData
from graph.settings import Settings


def export_graph(settings: Settings) -> GraphData:
    from graph.store import open_store

    store = open_store(settings)
    try:
        return store.export()
    finally:
        store.close()


def export_json(settings: Settings) -> str:
    """The stored graph as the contract's JSON; equal graphs give equal text."""
    return json.dumps(export_graph(settings).to_json(), ensure_ascii=False, indent=1, sort_keys=True)
