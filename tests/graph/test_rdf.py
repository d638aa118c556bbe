"""The RDF view: exports parse back to the graph, Chinese survives, IRIs are stable, the vocabulary is whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SKOS

from graph.errors import SettingError
from graph.model import Label, Rel
from graph.rdf.context import make_context, published_context
from graph.rdf.convert import EXT, to_rdf
from graph.rdf.mapping import load_mapping
from graph.rdf.namespace import PKG, VOCABULARY_IRI
from graph.rdf.view import RDFView, vocabulary_text
from graph.store.falkor import FalkorStore
from tests.conftest import SEEDS, settings_for
from tests.fixture_graph import small_graph
from tests.graph.rdf_helpers import counts_in_graph, counts_in_rdf

BASE = "https://policykg.org/id/"
DATA = Path(__file__).parent / "data"
RDFLIB_FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "xml": "xml"}


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """small_graph() written into a fresh embedded FalkorDB, and read back as the exports read it."""
    store = FalkorStore(settings_for(tmp_path_factory.mktemp("rdf-data")))
    store.replace_graph(small_graph())
    yield store.export()
    store.close()


@pytest.fixture(scope="module")
def view(stored):
    return RDFView(stored, BASE)


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt", "xml"])
def test_export_parses_back_to_the_same_counts_and_triples(stored, view, fmt):
    back = rdflib.Graph().parse(data=view.serialize(fmt), format=RDFLIB_FORMATS[fmt])
    counts = counts_in_rdf(back)
    assert counts == counts_in_graph(stored)
    assert counts["nodes"]["Plan"] == 3 and counts["nodes"]["Site"] == 1 and counts["nodes"]["Target"] == 3
    assert counts["relationships"]["RESPONSIBLE_FOR"] == 7
    assert isomorphic(back, to_rdf(stored, BASE))


def test_trig_holds_the_graph_in_its_named_graph(stored, view):
    dataset = rdflib.Dataset()
    dataset.parse(data=view.serialize("trig"), format="trig")
    named = dataset.graph(rdflib.URIRef(BASE + "graph/policykg"))
    assert isomorphic(named, to_rdf(stored, BASE))


def test_seed_graph_counts_survive_every_format(seed_graph):
    """The graph the real extractor builds from the seeds, not only the hand-made one."""
    seed_view = RDFView(seed_graph, BASE)
    for fmt in ("ttl", "jsonld", "nt"):
        back = rdflib.Graph().parse(data=seed_view.serialize(fmt), format=RDFLIB_FORMATS[fmt])
        assert counts_in_rdf(back) == counts_in_graph(seed_graph), fmt


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt", "xml", "trig"])
def test_chinese_text_survives_byte_for_byte(stored, view, fmt):
    body = view.serialize(fmt)
    texts = [v for n in stored.nodes.values() for k, v in n.properties.items()
             if k in ("title", "name", "text", "metric", "beneficiary") and isinstance(v, str)]
    texts += [r.properties["evidence"] for r in stored.relationships.values()]
    assert "统筹科学智算高效供给" in texts and any("“人工智能+科学”" in t for t in texts)
    for text in texts:
        if "\n" in text:
            continue  # multi-line texts are written with escapes (\n): checked as parsed literals below
        assert text.encode("utf-8") in body, (fmt, text)
    if fmt != "trig":
        back = rdflib.Graph().parse(data=body, format=RDFLIB_FORMATS[fmt])
        literals = {str(o) for o in back.objects() if isinstance(o, rdflib.Literal)}
        assert set(texts) <= literals


def test_names_carry_language_tags(view):
    g = view.rdflib_graph()
    site = next(g.subjects(SKOS.prefLabel, rdflib.Literal("松山湖", lang="zh")))
    assert rdflib.Literal("Songshan Lake", lang="en") in set(g.objects(site, SKOS.prefLabel))
    assert {str(a) for a in g.objects(site, SKOS.altLabel)} == {"东莞松山湖", "松山湖高新区"}


def test_every_link_is_traceable_to_its_document_and_sentence(view):
    rows = view.rdflib_graph().query("""
        SELECT ?agency ?evidence ?doc WHERE {
          ?link rdf:subject ?a ; rdf:predicate pkg:responsibleFor ; rdf:object ?m ;
                pkg:evidence ?evidence ; prov:wasDerivedFrom ?d ; pkg:role "responsible" ; pkg:rank 2 .
          ?a skos:prefLabel ?agency FILTER(lang(?agency) = "zh")
          ?m dcterms:title "统筹科学智算高效供给"@zh .
          ?d dcterms:identifier ?doc .
        }""")
    assert [(str(a), str(e), str(d)) for a, e, d in rows] == [
        ("之江实验室", "（责任单位：省发展改革委、之江实验室、省科技厅）", "001_9452594fd49a0dfd.txt")]


def test_iris_are_identical_across_two_builds(seed_settings, seed_graph, tmp_path):
    from graph.store import open_store
    from loaders.build import build

    other = settings_for(tmp_path / "second-build")
    assert build([SEEDS], other).ok
    store = open_store(other)
    try:
        second = store.export()
    finally:
        store.close()
    first_rdf, second_rdf = to_rdf(seed_graph, BASE), to_rdf(second, BASE)
    assert set(first_rdf.subjects()) == set(second_rdf.subjects())
    assert isomorphic(first_rdf, second_rdf)
    assert RDFView(seed_graph, BASE).serialize("nt") == RDFView(second, BASE).serialize("nt")


def test_base_iri_mints_every_iri_in_the_integrators_namespace(stored):
    g = to_rdf(stored, "https://example.org/kg/")
    subjects = {str(s) for s in g.subjects()}
    assert subjects and all(s.startswith("https://example.org/kg/") for s in subjects)
    agency = next(n for n in stored.nodes.values() if n.properties.get("name") == "之江实验室")
    assert f"https://example.org/kg/agency/{agency.id}" in subjects
    for bad in ("ftp://x/", "https://example.org/kg", "not an iri/"):
        with pytest.raises(SettingError, match="base_iri"):
            to_rdf(stored, bad)


def test_golden_turtle_is_isomorphic(stored, rewrite_golden):
    """tests/graph/data/small_graph.ttl: the RDF of small_graph(); `pytest --rewrite-golden` renews it."""
    golden = DATA / "small_graph.ttl"
    current = RDFView(stored, BASE).serialize("ttl")
    if rewrite_golden or not golden.exists():
        golden.write_bytes(current)
    assert isomorphic(rdflib.Graph().parse(golden, format="turtle"),
                      rdflib.Graph().parse(data=current, format="turtle"))


# -- the vocabulary, the mapping and the context agree -------------------------------------------

def test_pkg_namespace_is_exactly_what_the_ontology_declares():
    ontology = rdflib.Graph().parse(data=vocabulary_text(), format="turtle")
    declared = {str(s)[len(VOCABULARY_IRI):] for s in ontology.subjects(RDF.type, None)
                if str(s).startswith(VOCABULARY_IRI)}
    assert declared == set(PKG.__annotations__)
    for name in declared:  # every term has an English and a Chinese label
        langs = {lit.language for lit in ontology.objects(PKG[name], rdflib.RDFS.label)}
        assert {"en", "zh"} <= langs, name


def test_mapping_covers_the_contract_and_uses_declared_terms():
    mapping = load_mapping()
    assert set(mapping.classes) == set(Label.ALL)
    assert set(mapping.relationships) == set(Rel.ALL)
    used = [*mapping.relationships.values(), *(p.predicate for p in mapping.properties.values()),
            *(p.predicate for p in mapping.link_properties.values()),
            *(c for types in [*mapping.classes.values(), *mapping.resources.values()] for c in types)]
    for term in used:
        if str(term).startswith(VOCABULARY_IRI):
            assert str(term)[len(VOCABULARY_IRI):] in PKG.__annotations__, term


def test_every_property_the_extractor_writes_is_mapped(seed_graph):
    g = to_rdf(seed_graph, BASE)
    unmapped = sorted({str(p) for p in g.predicates() if str(p).startswith(str(EXT))}
                      | {str(o) for o in g.objects(None, RDF.type) if str(o).startswith(str(EXT))})
    assert unmapped == [], "add these to graph/rdf/mapping.toml (and vocabulary.ttl)"


def test_shipped_context_is_the_one_the_mapping_gives():
    assert published_context() == make_context(), "regenerate: graph.rdf.context.context_text()"
    terms = published_context()["@context"]
    assert terms["name"] == {"@id": "skos:prefLabel", "@language": "zh"}
    assert terms["issued_by"] == {"@id": "eli:passed_by", "@type": "@id"}


def test_jsonld_export_reads_like_the_contract(view):
    doc = json.loads(view.serialize("jsonld"))
    site = next(n for n in doc["@graph"] if n.get("name") == "松山湖")
    assert site["name_en"] == "Songshan Lake" and sorted(site["aliases"]) == ["东莞松山湖", "松山湖高新区"]
    assert site["located_in"].startswith(BASE + "city/")
    assert "Site" in site["@type"]


@pytest.mark.parametrize("fmt", ["ttl", "nt", "xml", "trig"])
def test_the_streamed_export_is_byte_for_byte_the_served_one(seed_settings, seed_graph, fmt):
    """``policykg export`` streams subject by subject; what it writes is what ``/export.*`` serves."""
    import io

    from graph.rdf.export import write_rdf

    out = io.BytesIO()
    write_rdf(seed_settings, fmt, out)
    served = RDFView(seed_graph, seed_settings.base_iri, seed_settings.graph_name).serialize(fmt)
    assert len(served) > 100_000
    assert out.getvalue() == served


def test_a_repeated_value_or_parallel_relationship_is_one_triple():
    """The streamed writer holds no store to deduplicate in, so it must not repeat a triple itself."""
    import io

    from graph.model import Relationship
    from graph.rdf.convert import subject_blocks
    from graph.rdf.export import _sorted_triples

    data = small_graph()
    plan = next(n for n in data.by_label(Label.PLAN))
    plan.properties["aliases"] = ["同一简称", "同一简称"]
    rel = next(iter(data.relationships.values()))
    data.add_relationship(Relationship(rel.type, rel.start, rel.end, dict(rel.properties), id=rel.id + "-again"))
    subjects = [block[0][0] for block in subject_blocks(data, BASE)]
    assert subjects == sorted(subjects, key=str) and len(set(subjects)) == len(subjects)
    lines = io.BytesIO()
    import pyoxigraph as ox

    ox.serialize(_sorted_triples(subject_blocks(data, BASE)), lines, ox.RdfFormat.N_TRIPLES)
    written = lines.getvalue().decode().splitlines()
    assert len(written) == len(set(written))
    assert sum("同一简称" in line for line in written) == 1
    assert written == RDFView(data, BASE).serialize("nt").decode().splitlines()


def test_jsonld_export_is_the_same_bytes_from_run_to_run(tmp_path):
    """rdflib wrote subjects and values in its sets' order, which Python's string hashing changes
    from process to process: the same graph exported twice differed. Two ``policykg export`` runs
    with different hash seeds now write the same bytes, and those parse to the graph."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    data = tmp_path / "data"
    store = FalkorStore(settings_for(data))
    store.replace_graph(small_graph())
    stored = store.export()
    store.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    outputs = []
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-m", "queries.cli", "export", "--format", "jsonld", "--data-dir",
                               str(data)], capture_output=True, timeout=120, cwd=ROOT,
                              env={**env, "PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr.decode()
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert isomorphic(rdflib.Graph().parse(data=outputs[0], format="json-ld"), to_rdf(stored, BASE))


@pytest.fixture(scope="module")
def seed_turtle(seed_settings):
    """The seed graph as ``policykg export --format ttl`` writes it, parsed by rdflib."""
    import io

    from graph.rdf.export import write_rdf

    out = io.BytesIO()
    write_rdf(seed_settings, "ttl", out)
    return rdflib.Graph().parse(data=out.getvalue(), format="turtle")


def test_every_node_and_document_has_an_rdfs_label(seed_turtle, seed_graph):
    """Generic RDF browsers name a resource by rdfs:label; the export had none, so they showed IRIs."""
    g = seed_turtle
    named = {s for s in g.subjects(RDF.type, None) if (s, RDF.type, PKG.Link) not in g}
    assert len(named) == len(seed_graph.nodes) + len(set(g.subjects(RDF.type, PKG.SourceDocument)))
    unlabelled = [s for s in named if (s, rdflib.RDFS.label, None) not in g]
    assert not unlabelled, unlabelled[:5]
    site = next(g.subjects(SKOS.prefLabel, rdflib.Literal("松山湖", lang="zh")))
    assert set(g.objects(site, rdflib.RDFS.label)) == {rdflib.Literal("松山湖", lang="zh"),
                                                        rdflib.Literal("Songshan Lake", lang="en")}
    document = next(g.subjects(RDF.type, PKG.SourceDocument))
    assert g.value(document, rdflib.RDFS.label) == g.value(document, rdflib.namespace.DCTERMS.identifier)


def test_a_sites_other_english_names_are_english_alt_labels(seed_turtle):
    g = seed_turtle
    site = next(g.subjects(SKOS.prefLabel, rdflib.Literal("唐家湾", lang="zh")))
    assert rdflib.Literal("Tangjiawan", lang="en") in set(g.objects(site, SKOS.altLabel))
    assert rdflib.Literal("珠海唐家湾", lang="zh") in set(g.objects(site, SKOS.altLabel))


def test_a_plan_is_named_by_its_title_as_skos_pref_label(seed_turtle):
    """Agencies, sites and regions had skos:prefLabel and plans none, so a SKOS-minded client
    listing names found no plan."""
    g = seed_turtle
    plans = set(g.subjects(RDF.type, PKG.Plan))
    assert plans
    for plan in plans:
        title = g.value(plan, rdflib.namespace.DCTERMS.title)
        assert list(g.objects(plan, SKOS.prefLabel)) == [title] and title.language == "zh"
        assert g.value(plan, rdflib.RDFS.label) == title


def test_an_agencys_jurisdiction_is_the_iri_of_its_region(seed_turtle, seed_graph):
    """pkg:jurisdiction was the region's name as a string, which no query could join to the region."""
    g = seed_turtle
    agencies = [n for n in seed_graph.nodes.values() if n.label == Label.AGENCY]
    assert agencies and all(a.properties.get("jurisdiction") for a in agencies)
    for agency in agencies:
        iri = rdflib.URIRef(f"{BASE}agency/{agency.id}")
        region = g.value(iri, PKG.jurisdiction)
        assert isinstance(region, rdflib.URIRef), (agency.properties["name"], region)
        assert (region, RDF.type, PKG.Region) in g
        assert rdflib.Literal(agency.properties["jurisdiction"], lang="zh") in set(g.objects(region, SKOS.prefLabel))
    assert not list(g.subjects(PKG.jurisdictionName, None))


def test_a_jurisdiction_name_two_regions_share_is_told_apart_by_the_agencys_name_or_kept_as_a_name():
    from graph.model import GraphData, Node

    data = GraphData()
    for node_id, label, props in [
        ("city-sz", Label.CITY, {"name": "深圳市", "short": "深圳"}),
        ("city-hg", Label.CITY, {"name": "鹤岗市", "short": "鹤岗"}),
        ("district-ns-sz", Label.DISTRICT, {"name": "南山区"}),
        ("district-ns-hg", Label.DISTRICT, {"name": "南山区"}),
        ("agency-sz", Label.AGENCY, {"name": "深圳市南山区科技创新局", "jurisdiction": "南山区"}),
        ("agency-any", Label.AGENCY, {"name": "南山区人民政府", "jurisdiction": "南山区"}),
    ]:
        data.add_node(Node(node_id, label, props))
    data.link(Rel.LOCATED_IN, "district-ns-sz", "city-sz")
    data.link(Rel.LOCATED_IN, "district-ns-hg", "city-hg")
    g = to_rdf(data, BASE)
    assert g.value(rdflib.URIRef(BASE + "agency/agency-sz"), PKG.jurisdiction) == \
        rdflib.URIRef(BASE + "district/district-ns-sz")
    vague = rdflib.URIRef(BASE + "agency/agency-any")
    assert g.value(vague, PKG.jurisdiction) is None
    assert g.value(vague, PKG.jurisdictionName) == rdflib.Literal("南山区", lang="zh")
