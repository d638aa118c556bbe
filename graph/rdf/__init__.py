"""The RDF face of the graph, for integrators.

- ``namespace``: the policykg vocabulary as a closed namespace (``PKG``), ELI terms, prefixes;
- ``mapping.toml`` / ``mapping``: which RDF term stands for each contract label, type and property;
- ``vocabulary.ttl``: the ontology; ``shapes.ttl``: SHACL shapes; ``context.jsonld``: the JSON-LD context;
- ``convert``: ``GraphData`` -> rdflib ``Graph`` with IRIs ``{base}{type}/{id}``;
- ``view``: one build's RDF held in pyoxigraph, its exports, and the per-build cache;
- ``sparql``: the read-only SPARQL service; ``validate``: SHACL validation.
"""

from graph.rdf.convert import to_rdf
from graph.rdf.namespace import ELI, PKG
from graph.rdf.view import RDFView, ViewCache

__all__ = ["ELI", "PKG", "RDFView", "ViewCache", "to_rdf"]
