"""The stored graph as RDF, for the command line: ``policykg export --format ttl`` and ``policykg validate``."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

import pyoxigraph as ox

from graph.model import GraphData
from graph.rdf.convert import subject_blocks
from graph.rdf.formats import FORMATS
from graph.rdf.iris import check_base, graph_iri
from graph.rdf.namespace import PREFIXES
from graph.rdf.terms import to_ox
from graph.rdf.validate import ValidationReport, validate
from graph.rdf.view import RDFView, triple_sort_key
from graph.settings import Settings

RDF_FORMATS = ("ttl", "jsonld", "nt", "xml", "trig")


def stored_view(settings: Settings) -> RDFView:
    from graph.export_json import export_graph

    return RDFView(export_graph(settings), settings.base_iri, settings.graph_name)


def export_rdf(settings: Settings, fmt: str) -> bytes:
    """The whole stored graph in ``fmt`` (one of ``RDF_FORMATS``), IRIs under ``settings.base_iri``."""
    out = io.BytesIO()
    write_rdf(settings, fmt, out)
    return out.getvalue()


def write_rdf(settings: Settings, fmt: str, output: BinaryIO) -> None:
    """Write the whole stored graph in ``fmt`` to ``output`` as it is generated.

    Turtle, N-Triples, RDF/XML and TriG are streamed subject by subject
    (``subject_blocks``), in the order and with the bytes the service's sorted
    ``/export.*`` has, without a triple store in between: the memory an export
    takes is the exported graph's, not several times it (bench/RESULTS.md).
    JSON-LD is compacted by rdflib, which needs the whole graph.
    """
    from graph.export_json import export_graph

    write_graph_rdf(export_graph(settings), settings.base_iri, settings.graph_name, fmt, output)


def write_graph_rdf(data: GraphData, base_iri: str, graph_name: str, fmt: str, output: BinaryIO) -> int:
    """``data`` in ``fmt`` to ``output``; the number of data triples written."""
    rdf_format = FORMATS[fmt]
    if rdf_format.writer is None:
        view = RDFView(data, base_iri, graph_name)
        output.write(view.serialize(rdf_format))
        return view.triple_count
    base = check_base(base_iri)
    count = 0

    def counted() -> Iterator[ox.Triple]:
        nonlocal count
        for triple in _sorted_triples(data, base):
            count += 1
            yield triple

    if rdf_format.name == "trig":
        name = ox.NamedNode(str(graph_iri(base, graph_name)))
        ox.serialize((ox.Quad(t.subject, t.predicate, t.object, name) for t in counted()), output,
                     rdf_format.writer, prefixes=PREFIXES)
    else:
        ox.serialize(counted(), output, rdf_format.writer, prefixes=PREFIXES)
    return count


def _sorted_triples(data: GraphData, base: str) -> Iterator[ox.Triple]:
    for block in subject_blocks(data, base):
        # a set, as in the view's store: a repeated property value or parallel relationship is one triple
        yield from sorted({ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in block}, key=triple_sort_key)


def validate_stored(settings: Settings) -> ValidationReport:
    """The contract's SHACL shapes run on the stored graph's RDF view."""
    return validate(stored_view(settings).rdflib_graph())
