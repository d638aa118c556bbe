"""The contract's JSON export: ``{"nodes": [...], "relationships": [...]}``, sorted by id.

Written item by item (one node or relationship per line, keys sorted) rather
than built as one document and dumped: at 10,000 documents the whole-document
way held the graph three times over (objects, their dicts, the text) and took
3.4 GB. ``write_json`` does not hold the graph either: it reads the store into
a temporary SQLite file and writes from it in id order (``graph.spool``), so
its memory is the same for any number of documents.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any, BinaryIO

import orjson

from graph.model import GraphData, Node, Relationship
from graph.settings import Settings


def export_graph(settings: Settings) -> GraphData:
    """The stored graph; ``NoGraph`` when the settings point where none was built."""
    from graph.store import open_store

    store = open_store(settings, must_exist=True)
    try:
        return store.export()
    finally:
        store.close()


def write_json(settings: Settings, output: BinaryIO) -> None:
    """Write the stored graph as the contract's JSON to ``output``; equal graphs give equal bytes.

    The store is read through a temporary SQLite file (``graph.spool``), not into memory."""
    from graph.spool import spooled
    from graph.store import open_store

    store = open_store(settings, must_exist=True)
    try:
        with spooled(store) as spool:
            write_items_json(spool.nodes(), spool.relationships(), output)
    finally:
        store.close()


def write_graph_json(graph: GraphData, output: BinaryIO) -> None:
    """``graph`` (held in memory) as the contract's JSON."""
    write_items_json(graph.sorted_nodes(), graph.sorted_relationships(), output)


def write_items_json(nodes: Iterable[Node], relationships: Iterable[Relationship], output: BinaryIO) -> None:
    """Nodes and relationships, each already in id order, as the contract's JSON."""
    output.write(b'{"nodes": [')
    _write_items((n.to_json() for n in nodes), output)
    output.write(b'],\n"relationships": [')
    _write_items((r.to_json() for r in relationships), output)
    output.write(b"]}\n")


def export_json(settings: Settings) -> str:
    """The stored graph as the contract's JSON text (what ``export --format json`` writes)."""
    out = io.BytesIO()
    write_json(settings, out)
    return out.getvalue().decode("utf-8")


def _write_items(items: Iterable[dict[str, Any]], output: BinaryIO) -> None:
    """One item per line, so that two exports diff line by line."""
    separator = b"\n"
    for item in items:
        output.write(separator)
        output.write(orjson.dumps(item, option=orjson.OPT_SORT_KEYS))
        separator = b",\n"
    if separator != b"\n":
        output.write(b"\n")
