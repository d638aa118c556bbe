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
    labels = []
    for label in Label.ALL:
        count = store.read(f"MATCH (n:{label}) RETURN count(n)", {}).rows[0][0]
        keys = store.read(f"MATCH (n:{label}) WITH n LIMIT {SAMPLE} UNWIND keys(n) AS k "
                          "RETURN DISTINCT k ORDER BY k", {}).rows
        labels.append({"name": label, "count": count, "properties": [k[0] for k in keys]})
    types = []
    for rel in Rel.ALL:
        count = store.read(f"MATCH ()-[r:{rel}]->() RETURN count(r)", {}).rows[0][0]
        keys = store.read(f"MATCH ()-[r:{rel}]->() WITH r LIMIT {SAMPLE} UNWIND keys(r) AS k "
                          "RETURN DISTINCT k ORDER BY k", {}).rows
        types.append({"name": rel, "count": count, "properties": [k[0] for k in keys]})
    return {"labels": labels, "relationships": types}
