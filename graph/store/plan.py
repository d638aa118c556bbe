"""What an engine says it will do with a query: ``Plan``, from FalkorDB's ``GRAPH.EXPLAIN`` or
Neo4j's ``EXPLAIN``, without running it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    """The operations of a query's execution plan, by name, and the engine's own query type.

    ``operations`` are FalkorDB's operation names (``Load CSV``, ``ProcedureCall``,
    ``Node By Label Scan``…) or Neo4j's operators without their ``@database``
    suffix (``LoadCSV``, ``ProcedureCall``…); ``query_type`` is Neo4j's
    (``r``, ``rw``, ``w``, ``s``) and None for FalkorDB, which has no such field.
    """

    operations: tuple[str, ...]
    query_type: str | None = None


def falkordb_plan(lines) -> Plan:
    """A ``GRAPH.EXPLAIN`` reply (indented lines such as ``Node By Label Scan | (n:Plan)``, or one
    string for index commands) as a ``Plan``.

    >>> falkordb_plan(["Results", "    Project", "        Load CSV"]).operations
    ('Results', 'Project', 'Load CSV')
    >>> falkordb_plan(b"Create Index").operations
    ('Create Index',)
    """
    if isinstance(lines, bytes | str):
        lines = [lines]
    names = []
    for line in lines:
        text = line.decode("utf-8", "replace") if isinstance(line, bytes) else str(line)
        names.append(text.strip().split("|")[0].strip())
    return Plan(tuple(n for n in names if n))
