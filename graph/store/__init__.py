"""Graph stores: one small protocol, two engines, picked by settings.

``open_store(settings)`` gives the embedded FalkorDB (default) or, for a
``bolt://`` / ``neo4j://`` URI, a Neo4j store; each engine is imported only
when it is chosen (rdflib keeps its stores behind one interface the same way).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from graph.model import GraphData
    from graph.settings import Settings


@dataclass
class QueryResult:
    """What a read query gives back, as plain JSON values.

    Nodes are ``{"id", "labels", "properties"}``, relationships
    ``{"id", "type", "start", "end", "properties"}`` and paths
    ``{"nodes", "relationships"}``, with the contract's stable ids.
    """

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False
    elapsed_ms: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=False)) for row in self.rows]


class GraphStore(Protocol):
    """What policykg needs from a graph database."""

    def replace_graph(self, graph: GraphData) -> None:
        """Make ``graph`` the stored graph, all at once (readers never see half of it)."""

    def read(self, query: str, params: dict[str, Any] | None = None, *,
             timeout_ms: int | None = None, max_rows: int | None = None) -> QueryResult:
        """Run a read-only query with a time limit and a row cap."""

    def export(self) -> GraphData:
        """The whole stored graph."""

    def close(self) -> None:
        """Release connections (and the embedded server if this was its last user)."""


def open_store(settings: Settings) -> GraphStore:
    """The store the settings name: the embedded FalkorDB unless a Bolt URI is given."""
    if settings.embedded:
        from graph.store.falkor import FalkorStore

        return FalkorStore(settings)
    from graph.store.neo4j import Neo4jStore

    return Neo4jStore(settings)
