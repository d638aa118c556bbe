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

    def exists(self) -> bool:
        """True when a graph has been stored (the embedded store: its key; Neo4j: any node)."""

    def close(self) -> None:
        """Release connections (and the embedded server if this was its last user)."""


def open_store(settings: Settings, *, must_exist: bool = False) -> GraphStore:
    """The store the settings name: the embedded FalkorDB unless a Bolt URI is given.

    ``must_exist`` is for commands that only read (``stats``, ``query``, ``export``,
    ``analyze``, ``push``): a data directory that holds no graph raises ``NoGraph``
    before anything is started or created in it, so a mistyped ``--data-dir`` is an
    error that says so, not an empty graph made on the spot and reported as empty
    counts with exit status 0.
    """
    if settings.embedded:
        from graph.store.falkor import FalkorStore

        if must_exist:
            _check_data_dir(settings)
        store: GraphStore = FalkorStore(settings)
    else:
        from graph.store.neo4j import Neo4jStore

        store = Neo4jStore(settings)
    if must_exist and not store.exists():
        store.close()
        raise _no_graph(settings, "it holds no graph")
    return store


def _check_data_dir(settings: Settings) -> None:
    """An embedded graph lives in ``graph.rdb`` (every build saves it) or in a running server."""
    from pathlib import Path

    data_dir = Path(settings.data_dir)
    if not data_dir.is_dir():
        raise _no_graph(settings, "there is no such directory")
    if not (data_dir / "graph.rdb").exists() and not (data_dir / "falkordb.sock").exists():
        raise _no_graph(settings, "no graph has been built there")


def _no_graph(settings: Settings, why: str) -> Exception:
    from graph.errors import NoGraph

    if settings.embedded:
        where = settings.data_dir
        return NoGraph(f"no graph in the data directory {where}: {why}. Build one with `policykg build --data-dir "
                       f"{where}`, or give the --data-dir (POLICYKG_DATA) of a built graph (the setting is data_dir)")
    return NoGraph(f"no graph in the Bolt store {settings.store}: {why}. Copy one there with `policykg push --to "
                   f"{settings.store}` (the setting is store)", "store")
