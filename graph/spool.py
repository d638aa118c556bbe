"""The stored graph in id order, through a temporary SQLite file: exports whose memory does not grow.

Both exports are sorted (the JSON by id, the RDF by subject IRI), so equal
graphs give equal files, and the store gives nodes and relationships in its
own order. Holding the graph to sort it took 2.1 GB at 10,000 documents, and
more with every document. So the export reads the store page by page into a
temporary SQLite database (Python's own ``sqlite3``) and reads it back in the
order it needs; SQLite sorts with a bounded cache and temporary files, and
this process holds one page and one row at a time, whatever the size of the
graph. The file lives in the system's temporary folder and goes with the
``Spool``.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import orjson

from graph.model import Node, Relationship

#: rows written per transaction
_BATCH = 5000


class Spool:
    """Nodes and relationships written once, then read back sorted (``with Spool() as spool``)."""

    def __init__(self, folder: Path | None = None):
        self._dir = tempfile.TemporaryDirectory(prefix="policykg-export-", dir=folder)
        self.db = sqlite3.connect(Path(self._dir.name) / "graph.sqlite")
        self.db.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE;
            PRAGMA cache_size = -16384;
            CREATE TABLE nodes (id TEXT PRIMARY KEY, label TEXT NOT NULL, props BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE rels (id TEXT NOT NULL, type TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL,
                               props BLOB NOT NULL);
        """)

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()
        self._dir.cleanup()

    # -- writing ------------------------------------------------------------
    def add_nodes(self, nodes: Iterable[Node]) -> None:
        self._insert("INSERT OR REPLACE INTO nodes VALUES (?, ?, ?)",
                     ((n.id, n.label, orjson.dumps(n.properties)) for n in nodes))

    def add_relationships(self, relationships: Iterable[Relationship]) -> None:
        self._insert("INSERT INTO rels VALUES (?, ?, ?, ?, ?)",
                     ((r.id, r.type, r.start, r.end, orjson.dumps(r.properties)) for r in relationships))

    def _insert(self, statement: str, rows: Iterable[tuple]) -> None:
        batch: list[tuple] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= _BATCH:
                self._write(statement, batch)
                batch = []
        self._write(statement, batch)

    def _write(self, statement: str, batch: list[tuple]) -> None:
        with self.db:
            self.db.executemany(statement, batch)

    # -- reading ------------------------------------------------------------
    def nodes(self) -> Iterator[Node]:
        """Every node, by id."""
        for id_, label, props in self.db.execute("SELECT id, label, props FROM nodes ORDER BY id"):
            yield Node(id_, label, orjson.loads(props))

    def relationships(self) -> Iterator[Relationship]:
        """Every relationship whose two ends are nodes of the graph (the stores skip the others too),
        in the export's order (``GraphData.sorted_relationships``: start, type, end, id); one id
        given twice is kept once."""
        query = """SELECT r.id, r.type, r.start, r."end", r.props FROM rels r
                   JOIN nodes s ON s.id = r.start JOIN nodes e ON e.id = r."end"
                   GROUP BY r.id ORDER BY r.start, r.type, r."end", r.id"""
        for id_, type_, start, end, props in self.db.execute(query):
            yield Relationship(type_, start, end, orjson.loads(props), id_)

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[tuple]:
        """Rows of ``sql`` on the spool's tables (``nodes``, ``rels``), for the RDF export's joins."""
        yield from self.db.execute(sql, params)


def spooled(store: Any, folder: Path | None = None) -> Spool:
    """A ``Spool`` holding everything ``store`` holds (its ``iter_nodes`` and ``iter_relationships``)."""
    spool = Spool(folder)
    try:
        spool.add_nodes(store.iter_nodes())
        spool.add_relationships(store.iter_relationships())
    except BaseException:
        spool.close()
        raise
    return spool
