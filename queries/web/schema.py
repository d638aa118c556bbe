"""The console's schema panel: the labels, relationship types and properties a query can use.

Written from the graph contract's names (``graph.model``), with each one's
count and, for labels, the property keys found on a sample of its nodes, so
someone writing Cypher sees what exists without reading the README.
"""

from __future__ import annotations

from typing import Any

from graph.model import Label, Rel
from graph.store import GraphStore

SAMPLE = 200


def schema(store: GraphStore) -> dict[str, Any]:
    return {"labels": [_described(store, label, f"(x:{label})") for label in Label.ALL],
            "relationships": [_described(store, rel, f"()-[x:{rel}]->()") for rel in Rel.ALL]}


def _described(store: GraphStore, name: str, pattern: str) -> dict[str, Any]:
    """How many nodes or links ``pattern`` matches, and the property keys of a sample of them (not
    the store's own ``_search`` words and ``_names`` keys, which no answer shows)."""
    count = store.read(f"MATCH {pattern} RETURN count(x)", {}).rows[0][0]
    keys = store.read(f"MATCH {pattern} WITH x LIMIT {SAMPLE} UNWIND keys(x) AS k WITH k "
                      "WHERE NOT k STARTS WITH '_' RETURN DISTINCT k ORDER BY k", {}).rows
    return {"name": name, "count": count, "properties": [k[0] for k in keys]}
