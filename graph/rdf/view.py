"""The RDF view of one graph build, held in pyoxigraph, and its cache.

An ``RDFView`` is made once per build of the graph (``ViewCache`` notices a
new build by the store's build stamp) and answers everything RDF: the
exports in every format (each serialised once, then served from memory),
the description of one IRI, SPARQL. The default graph holds the data; the
vocabulary sits in the named graph ``<https://policykg.org/ns>`` so a SPARQL
client can ask for labels and super-properties without mixing it into
counts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import RDF
from rdflib.term import URIRef

from graph.model import GraphData
from graph.rdf.context import published_context
from graph.rdf.convert import triples
from graph.rdf.formats import FORMATS, RDFFormat
from graph.rdf.iris import check_base, graph_iri
from graph.rdf.namespace import PREFIXES, bind_prefixes
from graph.rdf.terms import from_ox, to_ox

VOCABULARY_GRAPH = "https://policykg.org/ns"
_DEFAULT = ox.DefaultGraph()


def vocabulary_text() -> str:
    return resources.files("graph.rdf").joinpath("vocabulary.ttl").read_text(encoding="utf-8")


class RDFView:
    """The triples of one graph build, with IRIs under ``base``."""

    def __init__(self, data: GraphData, base: str, graph_name: str = "policykg", stamp: Any = None):
        self.base = check_base(base)
        self.graph_name = graph_name
        self.stamp = stamp
        self.store = ox.Store()
        self.store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), _DEFAULT) for s, p, o in triples(data, self.base))
        self.triple_count = len(self.store)
        self.store.load(vocabulary_text(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(VOCABULARY_GRAPH))
        self._serialized: dict[str, bytes] = {}
        self._lock = threading.Lock()

    # -- exports ------------------------------------------------------------
    def serialize(self, fmt: RDFFormat | str) -> bytes:
        """The whole view in ``fmt``; made on first request, then kept for the life of the build."""
        fmt = FORMATS[fmt] if isinstance(fmt, str) else fmt
        with self._lock:
            if fmt.name not in self._serialized:
                self._serialized[fmt.name] = self._write(fmt)
            return self._serialized[fmt.name]

    def _write(self, fmt: RDFFormat) -> bytes:
        if fmt.writer is None:
            return jsonld_bytes(self.rdflib_graph())
        # sorted by subject: each resource reads as one block, and equal graphs give equal bytes
        triples = sorted((q.triple for q in self._data_quads()), key=triple_sort_key)
        if fmt.name == "trig":
            name = ox.NamedNode(str(graph_iri(self.base, self.graph_name)))
            return ox.serialize((ox.Quad(t.subject, t.predicate, t.object, name) for t in triples),
                                format=fmt.writer, prefixes=PREFIXES)
        return ox.serialize(triples, format=fmt.writer, prefixes=PREFIXES)

    def _data_quads(self) -> Iterator[ox.Quad]:
        return self.store.quads_for_pattern(None, None, None, _DEFAULT)

    def rdflib_graph(self) -> Graph:
        """The data as an rdflib ``Graph`` (for JSON-LD and SHACL), made anew on each call."""
        graph = bind_prefixes(Graph())
        graph.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), graph) for q in self._data_quads())
        return graph

    # -- one resource -----------------------------------------------------------
    def describe(self, iri: str) -> Graph:
        """What the view says about ``iri``: its own triples, the triples pointing at it, and the
        link nodes of both, so every relationship comes with its evidence and source document.
        Empty when the IRI is unknown."""
        node = ox.NamedNode(iri)
        out = bind_prefixes(Graph())
        links: set[ox.NamedNode] = set()
        rdf_subject, rdf_object = ox.NamedNode(str(RDF.subject)), ox.NamedNode(str(RDF.object))

        def add(quads) -> None:
            out.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), out) for q in quads)

        add(self.store.quads_for_pattern(node, None, None, _DEFAULT))
        for q in self.store.quads_for_pattern(None, None, node, _DEFAULT):
            if q.predicate in (rdf_subject, rdf_object):
                links.add(q.subject)
            else:
                out.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        for link in sorted(links, key=lambda n: n.value):
            add(self.store.quads_for_pattern(link, None, None, _DEFAULT))
        return out

    def has(self, iri: str) -> bool:
        return any(True for _ in self.store.quads_for_pattern(ox.NamedNode(iri), None, None, _DEFAULT))

    def count_instances(self, cls: URIRef) -> int:
        rdf_type = ox.NamedNode(str(RDF.type))
        return sum(1 for _ in self.store.quads_for_pattern(None, rdf_type, to_ox(cls), _DEFAULT))


def triple_sort_key(triple: ox.Triple) -> tuple[str, str, str]:
    """The order of every serialisation: by subject, then predicate, then object."""
    return triple.subject.value, triple.predicate.value, str(triple.object)


def jsonld_bytes(graph: Graph) -> bytes:
    """JSON-LD compacted with the published context, embedded so the document parses offline.

    rdflib lists subjects and values in the order of its store's sets, which changes from
    process to process (string hashing is randomised): the same graph came out in another
    order on every run, so two exports could not be compared or diffed. The document is put
    in one order before it is written: nodes by ``@id``, every array by its items' JSON text
    (no array here is an ``@list``, so order carries no meaning), keys sorted.
    """
    import orjson
    from rdflib.plugins.serializers.jsonld import from_rdf

    context = published_context()["@context"]
    document = _canonical(from_rdf(graph, context, auto_compact=True))
    return orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def _canonical(value: Any) -> Any:
    """``value`` with every array sorted (``@graph`` by ``@id``), ``@list`` and ``@context`` left as they are."""
    import orjson

    if isinstance(value, dict):
        return {k: v if k in ("@list", "@context") else _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: (not isinstance(v, dict) or "@id" not in v,
                                            v.get("@id", "") if isinstance(v, dict) else "",
                                            orjson.dumps(v, option=orjson.OPT_SORT_KEYS)))
    return value


# -- one view per build ------------------------------------------------------------

def build_stamp(store: Any) -> Any:
    """Something that changes whenever the stored graph is rebuilt, and is cheap to read.

    A store may offer ``build_stamp()`` itself; the embedded FalkorDB saves
    ``graph.rdb`` on every build and only then (autosave is off), so the
    file's identity and time serve; any other store is asked for its counts.
    """
    own = getattr(store, "build_stamp", None)
    if callable(own):
        return ("store", own())
    data_dir = getattr(getattr(store, "server", None), "data_dir", None)
    if data_dir is not None:
        try:
            st = (Path(data_dir) / "graph.rdb").stat()
            return ("rdb", st.st_ino, st.st_mtime_ns, st.st_size)
        except OSError:
            return ("rdb", None)
    nodes = store.read("MATCH (n) RETURN count(n)").rows[0][0]
    rels = store.read("MATCH ()-[r]->() RETURN count(r)").rows[0][0]
    return ("counts", nodes, rels)


class ViewCache:
    """Keeps the RDF view of the current build; makes a new one when the build changes.

    Requests that arrive while a view is being made wait for it rather than
    making their own (the lock); a request holding an older view keeps
    using it safely, since views are never changed after they are made.
    """

    def __init__(self, base: str, graph_name: str = "policykg",
                 on_new_view: Callable[[RDFView], None] | None = None):
        self.base = check_base(base)
        self.graph_name = graph_name
        self.on_new_view = on_new_view
        self._view: RDFView | None = None
        self._lock = threading.Lock()
        self.views_made = 0

    def current(self, store: Any) -> RDFView:
        stamp = build_stamp(store)
        view = self._view
        if view is not None and view.stamp == stamp:
            return view
        with self._lock:
            if self._view is None or self._view.stamp != stamp:
                self._view = RDFView(store.export(), self.base, self.graph_name, stamp)
                self.views_made += 1
                if self.on_new_view:
                    self.on_new_view(self._view)
            return self._view


def label_of(view: RDFView, iri: str) -> str | None:
    """A human name for ``iri``: its Chinese prefLabel, else its title, else None."""
    node = ox.NamedNode(iri)
    for predicate in ("http://www.w3.org/2004/02/skos/core#prefLabel", "http://purl.org/dc/terms/title"):
        values = [q.object for q in view.store.quads_for_pattern(node, ox.NamedNode(predicate), None, _DEFAULT)]
        values.sort(key=lambda v: (getattr(v, "language", None) != "zh", v.value))
        if values:
            return values[0].value
    return None
