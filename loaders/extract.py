"""One document -> its contribution to the graph (stub: the plan node only)."""

from __future__ import annotations

from graph.errors import SourceError
from graph.model import GraphData, Label, Node, make_id
from loaders.document import prepare
from loaders.read import RawDocument

EXTRACTOR_VERSION = "0"


def extract(raw: RawDocument) -> GraphData:
    doc = prepare(raw)
    if sum("\u4e00" <= ch <= "\u9fff" for ch in doc.text) < 20:
        raise SourceError(raw.source, "holds no policy text (no Chinese text found)")
    title = next((line.strip() for line in doc.original.splitlines() if line.strip()), raw.source)
    graph = GraphData()
    graph.add_node(Node(make_id("plan", title), Label.PLAN,
                        {"title": title, "source": raw.source, "cited_only": False}))
    return graph
