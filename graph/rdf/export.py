"""The stored graph as RDF, for the command line: ``policykg export --format ttl`` and ``policykg validate``."""

from __future__ import annotations

from graph.rdf.validate import ValidationReport, validate
from graph.rdf.view import RDFView
from graph.settings import Settings

RDF_FORMATS = ("ttl", "jsonld", "nt", "xml", "trig")


def stored_view(settings: Settings) -> RDFView:
    from graph.export_json import export_graph

    return RDFView(export_graph(settings), settings.base_iri, settings.graph_name)


def export_rdf(settings: Settings, fmt: str) -> bytes:
    """The whole stored graph in ``fmt`` (one of ``RDF_FORMATS``), IRIs under ``settings.base_iri``."""
    return stored_view(settings).serialize(fmt)


def validate_stored(settings: Settings) -> ValidationReport:
    """The contract's SHACL shapes run on the stored graph's RDF view."""
    return validate(stored_view(settings).rdflib_graph())
