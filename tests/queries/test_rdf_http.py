"""RDF over real HTTP (uvicorn on a free loopback port) against the real embedded store."""

from __future__ import annotations

import json
import socket
import threading
import time
from urllib.parse import quote

import httpx
import pytest
import rdflib
import uvicorn
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from graph.model import GraphData, Node
from graph.rdf.context import published_context
from graph.rdf.convert import to_rdf
from graph.store.falkor import FalkorStore
from queries.app import create_app
from tests.conftest import settings_for
from tests.fixture_graph import small_graph

BASE = "https://policykg.org/id/"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    settings = settings_for(tmp_path_factory.mktemp("rdf-http"))
    store = FalkorStore(settings)
    store.replace_graph(small_graph())
    app = create_app(settings)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    yield f"http://127.0.0.1:{port}", store, app
    server.should_exit = True
    thread.join(10)
    sock.close()
    store.close()


def get(url, path, **kwargs):
    return httpx.get(url + path, timeout=60, **kwargs)


@pytest.mark.parametrize(("extension", "media_type", "parser"), [
    ("ttl", "text/turtle", "turtle"), ("jsonld", "application/ld+json", "json-ld"),
    ("nt", "application/n-triples", "nt"), ("rdf", "application/rdf+xml", "xml"),
])
def test_exports_stream_with_their_media_types(served, extension, media_type, parser):
    url, store, _ = served
    with httpx.stream("GET", f"{url}/export.{extension}", timeout=60) as r:
        assert r.status_code == 200
        assert r.headers["content-type"] == f"{media_type}; charset=utf-8"
        body = b"".join(r.iter_bytes())
    assert isomorphic(rdflib.Graph().parse(data=body, format=parser), to_rdf(store.export(), BASE))


def test_trig_export_and_unknown_extension(served):
    url, store, _ = served
    r = get(url, "/export.trig")
    assert r.headers["content-type"].startswith("application/trig")
    dataset = rdflib.Dataset()
    dataset.parse(data=r.content, format="trig")
    assert isomorphic(dataset.graph(rdflib.URIRef(BASE + "graph/policykg")), to_rdf(store.export(), BASE))
    missing = get(url, "/export.csv")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found" and "/export.ttl" in missing.json()["error"]["message"]


def test_context_vocabulary_and_shapes_are_published(served):
    url, _, _ = served
    r = get(url, "/context.jsonld")
    assert r.headers["content-type"].startswith("application/ld+json") and r.json() == published_context()
    for path in ("/vocabulary.ttl", "/shapes.ttl"):
        r = get(url, path)
        assert r.status_code == 200 and len(rdflib.Graph().parse(data=r.content, format="turtle")) > 100


def _agency_path(store, name):
    agency = next(n for n in store.export().nodes.values() if n.properties.get("name") == name)
    return f"/id/agency/{agency.id}", rdflib.URIRef(BASE + f"agency/{agency.id}")


def test_dereferencing_gives_rdf_by_accept(served):
    url, store, _ = served
    path, iri = _agency_path(store, "之江实验室")
    turtle = get(url, path, headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and turtle.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=turtle.content, format="turtle")
    assert rdflib.Literal("之江实验室", lang="zh") in set(g.objects(iri, SKOS.prefLabel))
    assert len(set(g.subjects(rdflib.RDF.subject, iri))) == 2, "each responsibility comes with its evidence"
    jsonld = get(url, path, headers={"Accept": "application/ld+json"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert isomorphic(rdflib.Graph().parse(data=jsonld.content, format="json-ld"), g)
    curl_like = get(url, path, headers={"Accept": "*/*"})
    assert curl_like.headers["content-type"].startswith("text/turtle")


def test_dereferencing_gives_browsers_a_page(served):
    url, store, _ = served
    path, _ = _agency_path(store, "浙江省科学技术厅")
    r = get(url, path, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert "<h1>浙江省科学技术厅</h1>" in page
    assert "统筹科学智算高效供给" in page and "（责任单位：省发展改革委、之江实验室、省科技厅）" in page
    assert 'href="/id/measure/' in page and 'href="?format=ttl"' in page


def test_unknown_iri_is_a_404_in_the_error_shape(served):
    url, _, _ = served
    r = get(url, "/id/agency/agency-0000000000000000", headers={"Accept": "text/turtle"})
    assert r.status_code == 404
    error = r.json()["error"]
    assert error["status"] == 404 and "agency-0000000000000000" in error["message"]


OWNERS = """SELECT ?agency ?rank WHERE {
  ?l rdf:subject ?a ; rdf:predicate pkg:responsibleFor ; rdf:object ?m ; pkg:rank ?rank .
  ?m dcterms:title "统筹科学智算高效供给"@zh . ?a skos:prefLabel ?agency FILTER(lang(?agency) = "zh") }
ORDER BY ?rank"""
EXPECTED = ["浙江省发展和改革委员会", "之江实验室", "浙江省科学技术厅"]


def test_sparql_get_with_json_csv_and_xml(served):
    url, _, _ = served
    r = get(url, "/sparql?query=" + quote(OWNERS), headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+json")
    assert [b["agency"]["value"] for b in r.json()["results"]["bindings"]] == EXPECTED
    assert r.headers["x-policykg-truncated"] == "false"
    r = get(url, "/sparql", params={"query": OWNERS}, headers={"Accept": "text/csv"})
    assert r.headers["content-type"].startswith("text/csv")
    assert [line.split(",")[0] for line in r.text.splitlines()[1:]] == EXPECTED
    r = get(url, "/sparql", params={"query": OWNERS}, headers={"Accept": "application/sparql-results+xml"})
    assert r.headers["content-type"].startswith("application/sparql-results+xml") and "之江实验室" in r.text


def test_sparql_post_as_body_and_as_form(served):
    url, _, _ = served
    r = httpx.post(url + "/sparql", content=OWNERS.encode(), timeout=60,
                   headers={"Content-Type": "application/sparql-query", "Accept": "application/json"})
    assert [b["agency"]["value"] for b in r.json()["results"]["bindings"]] == EXPECTED
    r = httpx.post(url + "/sparql", data={"query": OWNERS}, timeout=60, headers={"Accept": "text/csv"})
    assert r.status_code == 200 and "之江实验室" in r.text


@pytest.mark.parametrize("request_kwargs", [
    {"data": {"update": "INSERT DATA { <https://policykg.org/id/x> a <https://policykg.org/ns#Plan> }"}},
    {"content": b"DELETE WHERE { ?s ?p ?o }", "headers": {"Content-Type": "application/sparql-update"}},
    {"content": b"DELETE WHERE { ?s ?p ?o }", "headers": {"Content-Type": "application/sparql-query"}},
    {"data": {"query": "insert data { <https://policykg.org/id/x> a <https://policykg.org/ns#Plan> }"}},
])
def test_sparql_updates_are_refused(served, request_kwargs):
    url, _, _ = served
    count = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    before = get(url, "/sparql", params={"query": count}).json()["results"]["bindings"][0]["n"]["value"]
    r = httpx.post(url + "/sparql", timeout=60, **request_kwargs)
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "read_only" and "read-only" in r.json()["error"]["message"]
    after = get(url, "/sparql", params={"query": count}).json()["results"]["bindings"][0]["n"]["value"]
    assert before == after


def test_sparql_errors_are_clear(served):
    url, _, _ = served
    bad = get(url, "/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    assert bad.status_code == 400 and "does not parse" in bad.json()["error"]["message"]
    empty = get(url, "/sparql")
    assert empty.status_code == 400 and "query" in empty.json()["error"]["message"]
    wrong_type = httpx.post(url + "/sparql", content=b"{}", headers={"Content-Type": "application/json"}, timeout=60)
    assert wrong_type.status_code == 415


def test_rdf_view_is_made_once_per_build(served):
    url, store, app = served
    get(url, "/export.nt")
    made = app.state.rdf_views.views_made
    for path in ("/export.nt", "/export.ttl", "/sparql?query=" + quote("ASK { ?s ?p ?o }")):
        assert get(url, path).status_code == 200
    assert app.state.rdf_views.views_made == made, "no new view without a new build"

    changed = small_graph()
    extra = GraphData.from_json(json.loads(json.dumps(changed.to_json())))
    extra.add_node(Node("site-test-0000000001", "Site", {"name": "测试园区", "source": "test.txt"}))
    store.replace_graph(extra)
    r = get(url, "/sparql", params={"query": 'ASK { ?s skos:prefLabel "测试园区"@zh }'})
    assert r.json()["boolean"] is True, "a new build is seen by the next request"
    assert app.state.rdf_views.views_made == made + 1
    store.replace_graph(small_graph())


def test_an_id_path_with_odd_characters_is_a_404_not_a_server_error(served):
    url = served[0]
    for path in ("/id/a%22/b", "/id/plan/x%20y", "/id/%3Cscript%3E/1"):
        response = get(url, path, headers={"accept": "text/turtle"})
        assert response.status_code == 404, (path, response.text)
        assert response.json()["error"]["code"] == "not_found"
