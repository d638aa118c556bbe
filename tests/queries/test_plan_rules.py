"""The verdict from the engine's own plan: what the query will do, not how it is spelt."""

from __future__ import annotations

import pytest

from graph.errors import ReadOnlyError
from graph.store.neo4j import _operators
from graph.store.plan import Plan
from queries.guard import procedure_calls
from queries.plan_rules import check_plan
from tests.queries.small_service import small_service


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with small_service(tmp_path_factory.mktemp("plan-data")) as (_, store):
        yield store


@pytest.mark.parametrize("query", [
    "WITH 1 AS as LOAD CSV FROM 'http://127.0.0.1:1/x' AS r RETURN r",
    "CALL { LOAD CSV FROM 'http://127.0.0.1:1/x' AS r RETURN r } RETURN 1",
    "MATCH (n) SET n.x = 1",
    "MERGE (n:Plan {id: 'x'})",
    "CREATE INDEX FOR (n:Plan) ON (n.title)",
])
def test_falkordb_plans_that_do_more_than_read_are_refused(store, query):
    with pytest.raises(ReadOnlyError):
        check_plan(store.explain(query), procedure_calls(query))


@pytest.mark.parametrize("query", [
    "MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(m:Measure) WHERE m.title CONTAINS 'x' RETURN a.name, r.rank",
    "CALL db.labels() YIELD label RETURN label",
    "MATCH (n:Plan) CALL { WITH n MATCH (n)-->(m) RETURN m } RETURN n, m",
    "MATCH (a:Site), (b:Plan) RETURN shortestPath((a)-[*..6]->(b))",
    "OPTIONAL MATCH (n:Site) WITH n ORDER BY n.name SKIP 1 LIMIT 2 RETURN DISTINCT n UNION RETURN null AS n",
    "UNWIND [1, 2] AS x RETURN x, count(*)",
])
def test_falkordb_read_plans_pass(store, query):
    check_plan(store.explain(query), procedure_calls(query))


def test_a_procedure_call_the_lexer_did_not_see_is_refused():
    with pytest.raises(ReadOnlyError, match="procedures"):
        check_plan(Plan(("Results", "ProcedureCall")), [])


def test_neo4j_plans_pass_only_as_reads_without_load_csv():
    plan = {"operatorType": "ProduceResults@neo4j", "children": [
        {"operatorType": "LoadCSV@neo4j", "children": []}]}
    assert list(_operators(plan)) == ["ProduceResults", "LoadCSV"]
    with pytest.raises(ReadOnlyError, match="LOAD CSV"):
        check_plan(Plan(tuple(_operators(plan)), "r"), [])
    for query_type in ("rw", "w", "s", "unknown"):
        with pytest.raises(ReadOnlyError):
            check_plan(Plan(("ProduceResults",), query_type), [])
    check_plan(Plan(("ProduceResults", "NodeByLabelScan"), "r"), [])
