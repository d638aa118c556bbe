"""IRIs minted from the contract's stable ids: ``{base}{type}/{id}``.

``type`` is a lowercase path segment per label (``plan``, ``measure``,
``agency``…), plus ``link`` for relationships, ``document`` for source files
and ``graph`` for the named graph of a TriG export. Ids are derived from
content, so the same documents give the same IRIs on every build and every
machine; ``base_iri`` (``--base-iri``) lets an integrator mint them in their
own namespace.
"""

from __future__ import annotations

from urllib.parse import quote, unquote, urlsplit

from rdflib.term import URIRef

from graph.errors import SettingError
from graph.model import Label

#: path segment of each contract label
SEGMENTS: dict[str, str] = {label: label.lower() for label in Label.ALL}
LINK = "link"
DOCUMENT = "document"
GRAPH = "graph"
LABEL_OF_SEGMENT: dict[str, str] = {segment: label for label, segment in SEGMENTS.items()}


def check_base(base: str) -> str:
    """``base`` if it can prefix IRIs: absolute http(s), ending in ``/`` or ``#``.

    >>> check_base("https://example.org/kg/")
    'https://example.org/kg/'
    """
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or not base.endswith(("/", "#")) or " " in base:
        raise SettingError(f"the base IRI {base!r} must be an absolute http(s) IRI ending in '/' or '#', "
                           "e.g. https://example.org/policykg/", "base_iri")
    return base


def _segment(text: str) -> str:
    # ids are ASCII already; file names may hold spaces or Chinese, which are percent-encoded
    return quote(text, safe="-._~")


def node_iri(base: str, label: str, node_id: str) -> URIRef:
    """The IRI of a contract node.

    >>> str(node_iri("https://policykg.org/id/", "Agency", "agency-f55436e882c232c5"))
    'https://policykg.org/id/agency/agency-f55436e882c232c5'
    """
    return URIRef(f"{base}{SEGMENTS.get(label, label.lower())}/{_segment(node_id)}")


def link_iri(base: str, rel_id: str) -> URIRef:
    return URIRef(f"{base}{LINK}/{_segment(rel_id)}")


def document_iri(base: str, file_name: str) -> URIRef:
    return URIRef(f"{base}{DOCUMENT}/{_segment(file_name)}")


def graph_iri(base: str, graph_name: str) -> URIRef:
    return URIRef(f"{base}{GRAPH}/{_segment(graph_name)}")


def iri_for_path(base: str, type_: str, id_: str) -> URIRef:
    """The IRI that ``GET /id/{type}/{id}`` dereferences (``id_`` as it came in the URL path)."""
    return URIRef(f"{base}{type_}/{_segment(unquote(id_))}")


def local_path(base: str, iri: str) -> str | None:
    """``type/id`` of an IRI minted under ``base`` (for links in the HTML page), else None."""
    if not iri.startswith(base):
        return None
    rest = iri[len(base):]
    return rest if "/" in rest else None
