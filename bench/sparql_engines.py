#!/usr/bin/env python3
"""rdflib against pyoxigraph as the engine of ``/sparql``: same data, same queries, same run.

    python bench/sparql_engines.py [--copies 1 20] [--repeat 5]

The data is the seed graph built by the real extractor, as RDF; ``--copies``
repeats it with every IRI renamed, to see how each engine grows. Each query
runs ``--repeat`` times per engine (median reported); both engines must
return the same number of rows. Times are on the shared 2-core machine:
read the ratios, not the absolute numbers.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402
import rdflib  # noqa: E402

from graph.model import GraphData  # noqa: E402
from graph.rdf.convert import triples  # noqa: E402
from graph.rdf.namespace import PREFIXES  # noqa: E402
from graph.rdf.terms import to_ox  # noqa: E402
from graph.settings import Settings  # noqa: E402

BASE = "https://policykg.org/id/"
PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

QUERIES = {
    "owners of 浙江省 measures": """
        SELECT DISTINCT ?agency ?measure WHERE {
          ?plan a pkg:Plan ; pkg:covers/schema:containedInPlace* ?province ; eli:has_part ?m .
          ?province a pkg:Province ; skos:prefLabel ?pname FILTER(STRSTARTS(?pname, "浙江"))
          ?a pkg:responsibleFor ?m ; skos:prefLabel ?agency FILTER(lang(?agency) = "zh")
          ?m dcterms:title ?measure .
        }""",
    "owners with role, rank, evidence": """
        SELECT ?agency ?measure ?role ?rank ?evidence ?doc WHERE {
          ?l rdf:predicate pkg:responsibleFor ; rdf:subject ?a ; rdf:object ?m ;
             pkg:role ?role ; pkg:rank ?rank ; pkg:evidence ?evidence ; prov:wasDerivedFrom ?d .
          ?a skos:prefLabel ?agency FILTER(lang(?agency) = "zh")
          ?m dcterms:title ?measure . ?d dcterms:identifier ?doc .
        } ORDER BY ?measure ?rank""",
    "count per class": """
        SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)""",
    "evidence containing 算力": """
        SELECT ?l ?evidence WHERE { ?l pkg:evidence ?evidence FILTER(CONTAINS(?evidence, "算力")) }""",
    "2027 targets by value": """
        SELECT ?metric ?value ?unit WHERE {
          ?t a pkg:Target ; pkg:year "2027"^^xsd:gYear ; pkg:metric ?metric ; pkg:value ?value .
          OPTIONAL { ?t schema:unitText ?unit }
        } ORDER BY DESC(?value)""",
    "site -> measures -> plans": """
        SELECT ?site ?plan (COUNT(DISTINCT ?m) AS ?measures) WHERE {
          ?m pkg:atSite ?s . ?s skos:prefLabel ?site FILTER(lang(?site) = "zh")
          ?p eli:has_part ?m ; dcterms:title ?plan .
        } GROUP BY ?site ?plan ORDER BY DESC(?measures)""",
}


def seed_graph() -> GraphData:
    from graph.store import open_store
    from loaders.build import build

    settings = Settings(data_dir=Path(tempfile.mkdtemp(prefix="policykg-bench-sparql-")))
    assert build([ROOT / "seeds"], settings).ok
    store = open_store(settings)
    try:
        return store.export()
    finally:
        store.close()


def copies_of(triple_list, copies: int):
    for copy in range(copies):
        if copy == 0:
            yield from triple_list
            continue
        suffix = f"-c{copy}"

        def rename(term, suffix=suffix):
            if isinstance(term, rdflib.URIRef) and str(term).startswith(BASE):
                return rdflib.URIRef(str(term) + suffix)
            return term

        for s, p, o in triple_list:
            yield rename(s), p, rename(o)


def timed(fn, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 20])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    base_triples = list(triples(seed_graph(), BASE))
    print(f"rdflib {rdflib.__version__}, pyoxigraph {ox.__version__}; seed graph: {len(base_triples)} triples")
    for copies in args.copies:
        data = list(copies_of(base_triples, copies))
        load_rdflib, graph = timed(lambda data=data: _rdflib_graph(data), 1)
        load_ox, store = timed(lambda data=data: _ox_store(data), 1)
        print(f"\n### {copies} cop{'y' if copies == 1 else 'ies'}: {len(data):,} triples\n")
        print("| step | rdflib ms | pyoxigraph ms | rdflib / pyoxigraph | rows |")
        print("|---|---|---|---|---|")
        print(f"| load | {load_rdflib * 1000:.0f} | {load_ox * 1000:.0f} | {load_rdflib / load_ox:.1f} | |")
        total_r = total_o = 0.0
        for name, query in QUERIES.items():
            t_r, rows_r = timed(lambda q=query, g=graph: list(g.query(PROLOGUE + q)), args.repeat)
            t_o, rows_o = timed(lambda q=query, s=store: list(s.query(q, prefixes=PREFIXES)), args.repeat)
            assert len(rows_r) == len(rows_o), (name, len(rows_r), len(rows_o))
            total_r, total_o = total_r + t_r, total_o + t_o
            print(f"| {name} | {t_r * 1000:.1f} | {t_o * 1000:.1f} | {t_r / t_o:.0f} | {len(rows_o)} |")
        print(f"| **all queries** | {total_r * 1000:.0f} | {total_o * 1000:.1f} | **{total_r / total_o:.0f}** | |")


def _rdflib_graph(data) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.addN((s, p, o, graph) for s, p, o in data)
    return graph


def _ox_store(data) -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph()) for s, p, o in data)
    return store


if __name__ == "__main__":
    main()
