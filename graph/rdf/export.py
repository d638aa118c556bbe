"""The stored graph as RDF, for the command line: ``policykg export --format ttl`` and ``policykg validate``."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import BinaryIO
from urllib.parse import quote

import orjson
import pyoxigraph as ox

from graph.model import GraphData, Label, Node, Rel, Relationship
from graph.rdf.convert import (
    RegionIndex,
    document_block,
    document_keys,
    link_block,
    node_block,
    subject_blocks,
)
from graph.rdf.formats import FORMATS
from graph.rdf.iris import SEGMENTS, check_base, graph_iri
from graph.rdf.mapping import load_mapping
from graph.rdf.namespace import PREFIXES
from graph.rdf.terms import to_ox
from graph.rdf.validate import ValidationReport, validate
from graph.rdf.view import RDFView, triple_sort_key
from graph.settings import Settings
from graph.spool import Spool

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
    if FORMATS[fmt].writer is None:
        from graph.export_json import export_graph

        write_graph_rdf(export_graph(settings), settings.base_iri, settings.graph_name, fmt, output)
        return
    from graph.spool import spooled
    from graph.store import open_store

    store = open_store(settings, must_exist=True)
    try:
        with spooled(store) as spool:
            write_blocks_rdf(spooled_blocks(spool, check_base(settings.base_iri)), settings.base_iri,
                             settings.graph_name, fmt, output)
    finally:
        store.close()


def spooled_blocks(spool: Spool, base: str) -> Iterator[list]:
    """``subject_blocks`` of the graph in ``spool``, read in the order of the subjects' IRIs by
    SQLite: nodes with their outgoing relationships, links, and source documents, without the
    graph held in memory (so the export's memory does not grow with the graph)."""
    mapping = load_mapping()
    db = spool.db
    db.create_function("segment", 1, lambda label: SEGMENTS.get(label, label.lower()), deterministic=True)
    db.create_function("escaped", 1, lambda text: quote(text, safe="-._~"), deterministic=True)
    node_keys, link_keys = document_keys(mapping)
    db.executescript("""
        CREATE TEMP TABLE links AS
            SELECT r.id, r.type, r.start, s.label AS start_label, r."end", e.label AS end_label, r.props
            FROM rels r JOIN nodes s ON s.id = r.start JOIN nodes e ON e.id = r."end" GROUP BY r.id;
        CREATE INDEX temp.links_start ON links(start);
        CREATE TEMP TABLE documents (name TEXT PRIMARY KEY) WITHOUT ROWID;
    """)
    for table, keys in (("nodes", node_keys), ("links", link_keys)):
        for key in keys:
            db.execute(f"INSERT OR IGNORE INTO documents SELECT CAST(j.value AS TEXT) FROM {table}, "
                       f"json_each({table}.props, ?) AS j WHERE j.type NOT IN ('null', 'array', 'object')",
                       (f'$."{key}"',))
    subjects = """
        SELECT segment(label) || '/' || escaped(id) AS k, 0, id, label, NULL, NULL, NULL, NULL, props FROM nodes
        UNION ALL
        SELECT 'link/' || escaped(id), 1, id, type, start, start_label, "end", end_label, props FROM links
        UNION ALL
        SELECT 'document/' || escaped(name), 2, name, NULL, NULL, NULL, NULL, NULL, NULL FROM documents
        ORDER BY k"""
    regions = _regions(spool, base)
    outgoing = db.cursor()
    for _key, kind, id_, name, start, start_label, end, end_label, props in db.execute(subjects):
        if kind == 0:
            rows = outgoing.execute('SELECT l.type, l.end_label, l."end" FROM links l WHERE l.start = ?', (id_,))
            yield node_block(Node(id_, name, orjson.loads(props)), list(rows), base, mapping, regions)
        elif kind == 1:
            rel = Relationship(name, start, end, orjson.loads(props), id_)
            yield link_block(rel, start_label, end_label, base, mapping)
        else:
            yield document_block(id_, base, mapping)


def _regions(spool: Spool, base: str) -> RegionIndex:
    """The spooled graph's regions (a few thousand at most) and the LOCATED_IN links between them."""
    marks = ", ".join("?" * len(Label.REGIONS))
    nodes = [Node(id_, label, orjson.loads(props)) for id_, label, props in
             spool.query(f"SELECT id, label, props FROM nodes WHERE label IN ({marks})", tuple(Label.REGIONS))]
    located = spool.query(f"""SELECT r.start, r."end" FROM rels r JOIN nodes s ON s.id = r.start
                              WHERE r.type = ? AND s.label IN ({marks})""", (Rel.LOCATED_IN, *Label.REGIONS))
    return RegionIndex(nodes, list(located), base)


def write_graph_rdf(data: GraphData, base_iri: str, graph_name: str, fmt: str, output: BinaryIO) -> int:
    """``data`` in ``fmt`` to ``output``; the number of data triples written."""
    rdf_format = FORMATS[fmt]
    if rdf_format.writer is None:
        view = RDFView(data, base_iri, graph_name)
        output.write(view.serialize(rdf_format))
        return view.triple_count
    return write_blocks_rdf(subject_blocks(data, check_base(base_iri)), base_iri, graph_name, fmt, output)


def write_blocks_rdf(blocks: Iterable[list], base_iri: str, graph_name: str, fmt: str, output: BinaryIO) -> int:
    """Subject blocks (in the order of their subjects) in ``fmt``, one of the streamed formats;
    the number of data triples written."""
    rdf_format = FORMATS[fmt]
    base = check_base(base_iri)
    count = 0

    def counted() -> Iterator[ox.Triple]:
        nonlocal count
        for triple in _sorted_triples(blocks):
            count += 1
            yield triple

    if rdf_format.name == "trig":
        name = ox.NamedNode(str(graph_iri(base, graph_name)))
        ox.serialize((ox.Quad(t.subject, t.predicate, t.object, name) for t in counted()), output,
                     rdf_format.writer, prefixes=PREFIXES)
    else:
        ox.serialize(counted(), output, rdf_format.writer, prefixes=PREFIXES)
    return count


def _sorted_triples(blocks: Iterable[list]) -> Iterator[ox.Triple]:
    for block in blocks:
        # a set, as in the view's store: a repeated property value or parallel relationship is one triple
        yield from sorted({ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in block}, key=triple_sort_key)


def validate_stored(settings: Settings) -> ValidationReport:
    """The contract's SHACL shapes run on the stored graph's RDF view."""
    return validate(stored_view(settings).rdflib_graph())
