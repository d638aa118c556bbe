"""``GraphData`` (what ``store.export()`` gives) -> an rdflib ``Graph``.

Every node becomes a resource ``{base}{type}/{id}`` typed with its policykg
class and the standard class it specialises; every property becomes a
triple per ``mapping.toml``, and the properties that name it are written
again as ``rdfs:label`` (what generic RDF browsers show). An agency's
jurisdiction, a name in the graph, becomes the IRI of the region of that name.
Every relationship becomes two things: the
direct triple (``plan eli:passed_by agency``), which is what most queries
want, and a ``pkg:Link`` node that reifies that same triple and carries the
evidence sentence, the source document (``prov:wasDerivedFrom``), and the
role and rank of a responsibility, so integrators can trace any link to the
text it was read from.

A property, label or relationship type the mapping does not know yet (the
contract allows additions) is not dropped: it is written under the open
``EXT`` namespace, and a test on the seed graph says which one to map.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node as RDFNode
from rdflib.term import URIRef

from graph.model import GraphData, Label, Node, Rel, Relationship
from graph.rdf.iris import check_base, document_iri, link_iri, node_iri
from graph.rdf.mapping import Mapping, PropertyMap, load_mapping
from graph.rdf.namespace import bind_prefixes

# rdflib's XSD namespace object warns on attribute lookups by tools (pytest's doctest finder)
_XSD = "http://www.w3.org/2001/XMLSchema#"

#: where terms the mapping does not know yet are written, so nothing is lost
EXT = Namespace("https://policykg.org/ns/ext#")

Triple = tuple[RDFNode, RDFNode, RDFNode]
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def to_rdf(graph: GraphData, base_iri: str, *, into: Graph | None = None) -> Graph:
    """The RDF view of ``graph`` with IRIs under ``base_iri``.

    >>> from tests.fixture_graph import small_graph
    >>> g = to_rdf(small_graph(), "https://example.org/kg/")
    >>> from graph.rdf.namespace import PKG
    >>> len(set(g.subjects(RDF.type, PKG.Plan)))
    3
    """
    base = check_base(base_iri)
    out = bind_prefixes(into if into is not None else Graph())
    out.addN((s, p, o, out) for s, p, o in triples(graph, base))
    return out


def triples(graph: GraphData, base: str, mapping: Mapping | None = None) -> Iterator[Triple]:
    """Every triple of the RDF view, generated without holding them all (for large exports)."""
    for block in subject_blocks(graph, base, mapping):
        yield from block


def subject_blocks(graph: GraphData, base: str, mapping: Mapping | None = None) -> Iterator[list[Triple]]:
    """The triples of the view one subject at a time, subjects in the order of their IRIs.

    A node's block holds its own properties and the direct triples of the
    relationships that start at it; each ``pkg:Link`` and each source document
    is a block of its own. Only the list of subjects is held, so a writer can
    stream any size of graph in the order a sorted serialisation has (the
    command-line export does the same from a spool of the store, without
    holding the graph: ``graph.rdf.export``).
    """
    mapping = mapping or load_mapping()
    regions = RegionIndex.of_graph(graph, base)
    outgoing: dict[str, list] = {}
    subjects: list[tuple[str, int, str]] = []
    for node in graph.nodes.values():
        subjects.append((str(node_iri(base, node.label, node.id)), 0, node.id))
    for rel in graph.relationships.values():
        if rel.start in graph.nodes and rel.end in graph.nodes:  # the stores skip dangling relationships too
            outgoing.setdefault(rel.start, []).append(rel)
            subjects.append((str(link_iri(base, rel.id)), 1, rel.id))
    for name in _documents(graph, mapping):
        subjects.append((str(document_iri(base, name)), 2, name))
    subjects.sort()
    for _iri, kind, key in subjects:
        if kind == 0:
            node = graph.nodes[key]
            yield node_block(node, [(r.type, graph.nodes[r.end].label, r.end) for r in outgoing.get(key, ())],
                             base, mapping, regions)
        elif kind == 1:
            rel = graph.relationships[key]
            yield link_block(rel, graph.nodes[rel.start].label, graph.nodes[rel.end].label, base, mapping)
        else:
            yield document_block(key, base, mapping)


def node_block(node: Node, outgoing: Iterable[tuple[str, str, str]], base: str, mapping: Mapping,
               regions: RegionIndex | None = None) -> list[Triple]:
    """A node's triples: its classes, id and properties, its names again as ``rdfs:label`` and
    ``skos:prefLabel`` (``mapping.toml [labels]``), and the direct triple of each relationship
    ``(type, end label, end id)`` that starts at it. A property naming a region becomes the
    region's IRI when ``regions`` tells which one it is."""
    subject = node_iri(base, node.label, node.id)
    classes = mapping.classes.get(node.label, (EXT[node.label],))
    block: list[Triple] = [(subject, RDF.type, cls) for cls in classes]
    block.append((subject, DCTERMS.identifier, Literal(node.id)))
    region = (lambda name: regions.iri(name, node)) if regions is not None else None
    block.extend(_properties(subject, node.properties, mapping.properties, base, set(), region))
    for predicate, table in ((RDFS.label, mapping.labels), (SKOS.prefLabel, mapping.preferred_labels)):
        for name in table.get(node.label, ()):
            kind = mapping.properties[name].value
            block.extend((subject, predicate, literal(v, kind)) for v in _items(node.properties.get(name)))
    for type_, end_label, end_id in outgoing:
        block.append((subject, mapping.relationships.get(type_, EXT[type_]), node_iri(base, end_label, end_id)))
    return block


def link_block(rel: Relationship, start_label: str, end_label: str, base: str, mapping: Mapping) -> list[Triple]:
    """The ``pkg:Link`` of a relationship: the triple it reifies, its id, evidence and source."""
    link = link_iri(base, rel.id)
    block = [(link, RDF.type, cls) for cls in mapping.resources["link"]]
    block += [(link, RDF.subject, node_iri(base, start_label, rel.start)),
              (link, RDF.predicate, mapping.relationships.get(rel.type, EXT[rel.type])),
              (link, RDF.object, node_iri(base, end_label, rel.end)),
              (link, DCTERMS.identifier, Literal(rel.id))]
    block.extend(_properties(link, rel.properties, mapping.link_properties, base, set()))
    return block


def document_block(name: str, base: str, mapping: Mapping) -> list[Triple]:
    """A source document's resource."""
    doc = document_iri(base, name)
    block: list[Triple] = [(doc, RDF.type, cls) for cls in mapping.resources["document"]]
    block += [(doc, DCTERMS.identifier, Literal(name)), (doc, RDFS.label, Literal(name))]
    return block


def document_keys(mapping: Mapping) -> tuple[list[str], list[str]]:
    """The node and the link properties whose values name source documents."""
    return ([k for k, spec in mapping.properties.items() if spec.value == "document"],
            [k for k, spec in mapping.link_properties.items() if spec.value == "document"])


class RegionIndex:
    """The graph's provinces, cities and districts by name, to turn a name into the region's IRI.

    A name several regions share (南山区 of 深圳 and of 鹤岗) goes to the one whose city or
    province the naming node's own name carries (深圳市南山区科技局); otherwise it stays a name.
    """

    def __init__(self, regions: Iterable[Node], located_in: Iterable[tuple[str, str]], base: str):
        """``regions``: the graph's region nodes; ``located_in``: (start id, end id) of its
        LOCATED_IN relationships (those between two regions are kept)."""
        self.base = base
        self.nodes = {node.id: node for node in regions if node.label in Label.REGIONS}
        self.by_name: dict[str, list[Node]] = {}
        for node in self.nodes.values():
            if node.properties.get("name"):
                self.by_name.setdefault(str(node.properties["name"]), []).append(node)
        self.parent = {start: end for start, end in located_in if start in self.nodes and end in self.nodes}

    @classmethod
    def of_graph(cls, graph: GraphData, base: str) -> RegionIndex:
        return cls(graph.nodes.values(),
                   ((r.start, r.end) for r in graph.relationships.values() if r.type == Rel.LOCATED_IN), base)

    def iri(self, name: Any, named_by: Node) -> URIRef | None:
        candidates = self.by_name.get(str(name), [])
        if len(candidates) > 1:
            words = [str(named_by.properties.get("name") or ""), *map(str, _items(named_by.properties.get("aliases")))]
            candidates = [c for c in candidates if any(self._above_in(c, w) for w in words)]
        if len(candidates) != 1:
            return None
        return node_iri(self.base, candidates[0].label, candidates[0].id)

    def _above_in(self, region: Node, word: str) -> bool:
        """Does ``word`` carry the name or short name of a region ``region`` lies in?"""
        seen: set[str] = set()
        at = self.parent.get(region.id)
        while at is not None and at not in seen:
            seen.add(at)
            props = self.nodes[at].properties
            if any(n and str(n) in word for n in (props.get("name"), props.get("short"))):
                return True
            at = self.parent.get(at)
        return False


def _documents(graph: GraphData, mapping: Mapping) -> set[str]:
    """The source documents the view names (each becomes a resource of its own)."""
    names: set[str] = set()
    for table, items in ((mapping.properties, graph.nodes.values()),
                         (mapping.link_properties, (r for r in graph.relationships.values()
                                                     if r.start in graph.nodes and r.end in graph.nodes))):
        keys = [k for k, spec in table.items() if spec.value == "document"]
        for item in items:
            for key in keys:
                if key in item.properties:
                    names.update(str(v) for v in _items(item.properties[key]))
    return names


def _properties(subject: URIRef, properties: dict[str, Any], table: dict[str, PropertyMap], base: str,
                documents: set[str], region: Any = None) -> Iterator[Triple]:
    for key in sorted(properties):
        if key == "id":
            continue
        spec = table.get(key)
        for item in _items(properties[key]):
            if spec is None:
                yield subject, EXT[key], _plain(item)
            elif spec.value == "document":
                documents.add(str(item))
                yield subject, spec.predicate, document_iri(base, str(item))
            elif spec.value == "region":
                iri = region(item) if region is not None else None
                if iri is not None:
                    yield subject, spec.predicate, iri
                elif spec.otherwise is not None:
                    yield subject, spec.otherwise, literal(item, "zh")
            else:
                yield subject, spec.predicate, literal(item, spec.value)


def _items(value: Any) -> Iterable[Any]:
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        return [v for v in value if v is not None]
    return (value,)


def literal(value: Any, kind: str) -> Literal:
    """A typed literal of ``kind``; a value that does not fit stays a plain string (SHACL reports it).

    >>> literal(2027, "gYear")
    rdflib.term.Literal('2027', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYear'))
    >>> [(str(x), x.datatype.rsplit("#")[1]) for x in (literal(60.0, "number"), literal(1.9, "number"))]
    [('60', 'integer'), ('1.9', 'decimal')]
    >>> literal("省科技厅", "zh")
    rdflib.term.Literal('省科技厅', lang='zh')
    """
    if kind in ("zh", "en"):
        return Literal(str(value), lang=kind)
    if kind == "string":
        return Literal(str(value))
    if kind == "boolean" and isinstance(value, bool):
        return Literal(value)
    if kind == "integer" and not isinstance(value, bool):
        number = _decimal(value)
        if number is not None and number == number.to_integral_value():
            return Literal(int(number))
    if kind == "number" and not isinstance(value, bool):
        number = _decimal(value)
        if number is not None and number == number.to_integral_value():
            return Literal(int(number))
        if number is not None:
            return Literal(_canonical_decimal(number), datatype=URIRef(_XSD + "decimal"))
    if kind == "date" and isinstance(value, str) and _DATE.match(value):
        return Literal(value, datatype=URIRef(_XSD + "date"))
    if kind == "gYear" and not isinstance(value, bool):
        number = _decimal(value)
        if number is not None and number == number.to_integral_value() and 0 < number < 10000:
            return Literal(f"{int(number):04d}", datatype=URIRef(_XSD + "gYear"))
    return _plain(value)


def _decimal(value: Any) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _canonical_decimal(number: Decimal) -> str:
    """The canonical form of a fractional decimal (``1.9``, ``0.05``), which rdflib and pyoxigraph
    both keep as it is (whole numbers are xsd:integer: the two disagree on ``5`` vs ``5.0``).

    >>> _canonical_decimal(Decimal("1.90")), _canonical_decimal(Decimal("5E-2"))
    ('1.9', '0.05')
    """
    return format(number, "f").rstrip("0")


def _plain(value: Any) -> Literal:
    if isinstance(value, bool | int | float):
        return Literal(value)
    if isinstance(value, str):
        return Literal(value)
    return Literal(json.dumps(value, ensure_ascii=False, sort_keys=True))
