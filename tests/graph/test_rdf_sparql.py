"""SPARQL over the RDF view: the same answers as Cypher over the store, and read-only."""

from __future__ import annotations

import csv
import io
import json

import pytest

from graph.errors import QueryError, ReadOnlyError
from graph.rdf.sparql import check_read_only, run_query
from graph.rdf.view import RDFView
from graph.store.falkor import FalkorStore
from tests.conftest import settings_for
from tests.fixture_graph import small_graph

BASE = "https://policykg.org/id/"

#: "agencies responsible for measures of 浙江省 plans", in SPARQL (prefixes are predeclared)
OWNERS_SPARQL = """
SELECT DISTINCT ?agency ?measure WHERE {
  ?plan a pkg:Plan ; pkg:covers/schema:containedInPlace* ?province ; eli:has_part ?m .
  ?province a pkg:Province ; skos:prefLabel "浙江省"@zh .
  ?a pkg:responsibleFor ?m ; dcterms:identifier ?agency .
  ?m dcterms:identifier ?measure .
}"""

@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    store = FalkorStore(settings_for(tmp_path_factory.mktemp("sparql-data")))
    store.replace_graph(small_graph())
    yield store
    store.close()


def pairs_by_sparql(graph) -> set[tuple[str, str]]:
    answer = run_query(RDFView(graph, BASE).store, OWNERS_SPARQL, fmt="json")
    rows = json.loads(answer.body)["results"]["bindings"]
    return {(r["agency"]["value"], r["measure"]["value"]) for r in rows}


def pairs_by_cypher(store) -> set[tuple[str, str]]:
    """The same question through the named query analysts use (queries/measure-owners.cypher)."""
    from queries.named import get
    from queries.run import run_named

    result = run_named(store, get("measure-owners"), {"province": "浙江省", "limit": 10_000})
    return {(row["agency_id"], row["measure_id"]) for row in result.records()}


def test_sparql_and_cypher_name_the_same_owners_on_the_small_graph(small_store):
    sparql = pairs_by_sparql(small_store.export())
    assert sparql == pairs_by_cypher(small_store)
    assert len(sparql) == 7


def test_sparql_and_cypher_name_the_same_owners_on_the_seed_graph(seed_store, seed_graph):
    sparql = pairs_by_sparql(seed_graph)
    assert sparql and sparql == pairs_by_cypher(seed_store)


def test_result_formats(small_store):
    view = RDFView(small_store.export(), BASE)
    query = ('SELECT ?name ?en WHERE { ?s a pkg:Site ; skos:prefLabel ?name , ?en '
             'FILTER(lang(?name) = "zh" && lang(?en) = "en") }')
    as_json = json.loads(run_query(view.store, query, accept="application/sparql-results+json").body)
    assert as_json["results"]["bindings"] == [{"name": {"type": "literal", "value": "松山湖", "xml:lang": "zh"},
                                               "en": {"type": "literal", "value": "Songshan Lake", "xml:lang": "en"}}]
    as_csv = run_query(view.store, query, accept="text/csv")
    assert as_csv.media_type.startswith("text/csv")
    assert list(csv.reader(io.StringIO(as_csv.body.decode()))) == [["name", "en"], ["松山湖", "Songshan Lake"]]
    as_xml = run_query(view.store, query, accept="application/sparql-results+xml").body.decode()
    assert '<literal xml:lang="zh">松山湖</literal>' in as_xml
    ask = run_query(view.store, "ASK { ?s a pkg:Plan }", accept="application/sparql-results+json")
    assert json.loads(ask.body) == {"head": {}, "boolean": True}
    construct = run_query(view.store, "CONSTRUCT WHERE { ?s a pkg:Site }", accept="text/turtle")
    assert construct.media_type.startswith("text/turtle") and b"pkg:Site" in construct.body


def test_row_cap_truncates(small_store):
    view = RDFView(small_store.export(), BASE)
    answer = run_query(view.store, "SELECT ?s WHERE { ?s a pkg:Measure }", fmt="json", max_rows=2)
    assert answer.truncated and len(json.loads(answer.body)["results"]["bindings"]) == 2


@pytest.mark.parametrize("query", [
    "INSERT DATA { <https://policykg.org/id/x> a pkg:Plan }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://e/>  # comment\n  dElEtE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CLEAR DEFAULT",
    "LOAD <http://example.org/x.ttl>",
    "DROP ALL",
    "WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
])
def test_updates_and_service_calls_are_refused_and_change_nothing(small_store, query):
    view = RDFView(small_store.export(), BASE)
    before = len(view.store)
    with pytest.raises(ReadOnlyError):
        run_query(view.store, query)
    assert len(view.store) == before


def test_keywords_inside_strings_iris_and_names_are_not_updates():
    check_read_only('SELECT * WHERE { ?s ?p "DELETE this" . ?s <http://e/INSERT> ?o . ?s ex:drop ?add }')


def test_a_syntax_error_says_where(small_store):
    view = RDFView(small_store.export(), BASE)
    with pytest.raises(QueryError, match="does not parse: error at 1:"):
        run_query(view.store, "SELECT * WHERE { ?s ?p }")
