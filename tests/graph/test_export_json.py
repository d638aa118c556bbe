"""The JSON export, written item by item, is the contract's document: one item per line, sorted."""

from __future__ import annotations

import io
import json

from graph.export_json import write_graph_json
from graph.model import GraphData
from tests.fixture_graph import small_graph


def written(graph: GraphData) -> str:
    out = io.BytesIO()
    write_graph_json(graph, out)
    return out.getvalue().decode("utf-8")


def test_the_streamed_text_is_the_whole_graph_in_the_contracts_shape():
    graph = small_graph()
    text = written(graph)
    assert json.loads(text) == graph.to_json()
    lines = text.splitlines()
    items = len(graph.nodes) + len(graph.relationships)
    assert len(lines) == items + 4, "one line per node or relationship, each list opened and closed on its own"
    names = [n.properties["name"] for n in graph.nodes.values() if "name" in n.properties]
    assert names and all(f'"name":"{name}"' in text for name in names), "Chinese is written as it is, not escaped"


def test_equal_graphs_give_equal_bytes_whatever_order_they_were_built_in():
    graph = small_graph()
    shuffled = GraphData(dict(reversed(graph.nodes.items())), dict(reversed(graph.relationships.items())))
    assert written(shuffled) == written(graph)


def test_an_empty_graph_is_valid_json():
    assert json.loads(written(GraphData())) == {"nodes": [], "relationships": []}
