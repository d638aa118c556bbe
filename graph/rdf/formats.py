"""The RDF serialisations policykg writes: name, file extension, media type.

``--format`` of ``policykg export`` takes the names; ``GET /export.{ext}``
takes the extensions (``xml`` is served as ``/export.rdf``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox


@dataclass(frozen=True)
class RDFFormat:
    name: str
    extension: str
    media_type: str
    #: pyoxigraph's writer, or None where rdflib writes it (JSON-LD, compacted with our context)
    writer: ox.RdfFormat | None


FORMATS: dict[str, RDFFormat] = {
    f.name: f for f in (
        RDFFormat("ttl", "ttl", "text/turtle", ox.RdfFormat.TURTLE),
        RDFFormat("jsonld", "jsonld", "application/ld+json", None),
        RDFFormat("nt", "nt", "application/n-triples", ox.RdfFormat.N_TRIPLES),
        RDFFormat("xml", "rdf", "application/rdf+xml", ox.RdfFormat.RDF_XML),
        RDFFormat("trig", "trig", "application/trig", ox.RdfFormat.TRIG),
    )
}
BY_EXTENSION: dict[str, RDFFormat] = {f.extension: f for f in FORMATS.values()}
BY_MEDIA_TYPE: dict[str, RDFFormat] = {f.media_type: f for f in FORMATS.values()}


def content_type(fmt: RDFFormat) -> str:
    """The Content-Type header: every format is UTF-8 (N-Triples by definition, the others by choice)."""
    return f"{fmt.media_type}; charset=utf-8"
