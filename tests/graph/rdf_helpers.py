"""Helpers of the RDF tests: counting what an RDF graph holds, in the contract's terms."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDF

from graph.model import GraphData
from graph.rdf.mapping import load_mapping
from graph.rdf.namespace import PKG


def counts_in_rdf(rdf: Graph) -> dict[str, dict[str, int]]:
    """Nodes per contract label and links per relationship type, read back from RDF."""
    mapping = load_mapping()
    nodes = {label: len(set(rdf.subjects(RDF.type, types[0]))) for label, types in mapping.classes.items()}
    links = set(rdf.subjects(RDF.type, PKG.Link))
    relationships = {}
    for rel_type, predicate in mapping.relationships.items():
        with_predicate = {link for link in links if rdf.value(link, RDF.predicate) == predicate}
        relationships[rel_type] = len(with_predicate)
        direct = len(list(rdf.subject_objects(predicate)))
        assert direct == relationships[rel_type], f"{rel_type}: {direct} direct triples, {len(with_predicate)} links"
    return {"nodes": {k: v for k, v in sorted(nodes.items()) if v},
            "relationships": {k: v for k, v in sorted(relationships.items()) if v},
            "links": {"all": len(links)}}


def counts_in_graph(graph: GraphData) -> dict[str, dict[str, int]]:
    counts = graph.counts()
    counts["links"] = {"all": len(graph.relationships)}
    return counts
