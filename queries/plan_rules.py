"""The verdict on a client's query from the engine's own plan: what it will do, not how it is spelt.

The text guard (``queries.guard``) is the fast first pass; this is the
decision. FalkorDB's ``GRAPH.EXPLAIN`` names every operation of the plan, and
a query passes only if each is a read (``[plan]`` in ``queries/guard.toml``):
``LOAD CSV`` is refused however the text hides it (``WITH 1 AS as LOAD CSV
…``), and so is any operation this list does not know yet. Neo4j's plan says
its query type; only ``r`` passes, and ``LoadCSV`` is refused there too. A
plan's procedure calls must be the ones the guard saw and allowed: a call the
guard's lexer missed is refused.

>>> from graph.store.plan import Plan
>>> check_plan(Plan(("Results", "Project", "Load CSV")), [])  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
graph.errors.ReadOnlyError: queries are read-only and stay inside the database: the plan has Load CSV ...
>>> check_plan(Plan(("Results", "Node By Label Scan")), [])
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph.errors import ReadOnlyError
from graph.store.plan import Plan

_RULES_FILE = Path(__file__).with_name("guard.toml")


@dataclass(frozen=True)
class _PlanRules:
    falkordb_reads: frozenset[str]
    neo4j_refused: frozenset[str]
    reasons: dict[str, str]


@cache
def _rules() -> _PlanRules:
    plan = tomllib.loads(_RULES_FILE.read_text(encoding="utf-8"))["plan"]
    return _PlanRules(frozenset(plan["falkordb_read_operations"]), frozenset(plan["neo4j_refused_operators"]),
                      dict(plan["reasons"]))


def check_plan(plan: Plan, procedures: list[str]) -> None:
    """Raise ``ReadOnlyError`` unless ``plan`` only reads the graph; ``procedures`` are the calls
    the guard found in the text (each already on its allow list)."""
    rules = _rules()
    if plan.query_type is None:
        bad = [op for op in plan.operations if op not in rules.falkordb_reads]
    else:
        bad = [op for op in plan.operations if op in rules.neo4j_refused]
        if plan.query_type != "r" and not bad:
            bad = [f"query type {plan.query_type!r}"]
    if bad:
        reason = rules.reasons.get(bad[0], "an operation that is not known to be a read")
        raise ReadOnlyError(f"queries are read-only and stay inside the database: the plan has {bad[0]} ({reason})")
    calls = sum(1 for op in plan.operations if op == "ProcedureCall")
    if calls > len(procedures):
        raise ReadOnlyError(f"queries are read-only: the plan calls {calls} procedures where the text shows "
                            f"{len(procedures)} allowed ones")
