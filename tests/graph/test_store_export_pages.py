"""The export reads everything back, however the row cap compares with the graph's size."""

from __future__ import annotations

import pytest

from graph.model import GraphData, Node, Rel, make_id
from graph.store.falkor import FalkorStore
from tests.conftest import settings_for


def plan_with_measures(count: int) -> GraphData:
    """One plan holding ``count`` measures: a node with far more relationships than a small row cap."""
    graph = GraphData()
    plan = make_id("plan", "p")
    graph.add_node(Node(plan, "Plan", {"title": "测试行动方案", "source": "p.txt"}))
    for n in range(count):
        mid = make_id("measure", n)
        graph.add_node(Node(mid, "Measure", {"title": f"措施{n}", "ordinal": n + 1, "source": "p.txt"}))
        graph.link(Rel.HAS_MEASURE, plan, mid, evidence=f"措施{n}", source="p.txt")
        if n:
            graph.link(Rel.PART_OF, mid, make_id("measure", n - 1), evidence=f"措施{n}", source="p.txt")
    return graph


@pytest.mark.parametrize("cap", [1, 2, 7, 45])
def test_a_node_with_more_relationships_than_the_row_cap_exports_them_all(tmp_path, cap):
    """Dense (the plan) and sparse (each measure) start nodes under caps from one row to most of the graph."""
    store = FalkorStore(settings_for(tmp_path / "data", max_rows=cap))
    try:
        graph = plan_with_measures(60)
        store.replace_graph(graph)
        back = store.export()
        assert set(back.nodes) == set(graph.nodes)
        assert set(back.relationships) == set(graph.relationships)
        assert back.counts() == graph.counts()
    finally:
        store.close()
