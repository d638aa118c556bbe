"""to_networkx: the stored graph in networkx with the contract's labels, types and properties."""

from __future__ import annotations

import pytest

from graph.analysis import NoMatch, select_plans, to_networkx
from graph.model import Label
from tests.graph.analysis_fixture import analysis_graph


def test_every_stored_node_and_relationship_is_in_networkx(analysis_store, analysis_nx):
    data = analysis_store.export()
    assert set(analysis_nx.nodes) == set(data.nodes)
    assert {k for _, _, k in analysis_nx.edges(keys=True)} == set(data.relationships)
    for node in data.nodes.values():
        attrs = analysis_nx.nodes[node.id]
        assert attrs["label"] == node.label
        assert {k: attrs[k] for k in node.properties} == node.properties
    for rel in data.relationships.values():
        attrs = analysis_nx.edges[rel.start, rel.end, rel.id]
        assert attrs["type"] == rel.type
        assert {k: attrs[k] for k in rel.properties} == rel.properties


def test_targets_stored_without_normalisation_are_normalised_on_the_way_in(analysis_nx):
    targets = {d["text"]: d for _, d in analysis_nx.nodes(data=True) if d["label"] == Label.TARGET
               and not d.get("qualitative")}
    appliances = targets["智能家电战略性产业集群营业收入达到1.9万亿元"]
    assert (appliances["value"], appliances["unit"]) == (1.9, "万亿元")
    assert (appliances["value_norm"], appliances["unit_norm"]) == (19000, "亿元")
    assert all("metric_category" in t for t in targets.values())


def test_a_target_already_normalised_keeps_its_fields():
    data = analysis_graph()
    target = next(n for n in data.nodes.values() if n.properties.get("metric") == "算力规模")
    target.properties.update(metric_category="funds", value_norm=1, unit_norm="x")  # deliberately odd
    G = to_networkx(data)
    assert G.nodes[target.id]["metric_category"] == "funds"


def test_province_selection_keeps_its_plans_with_their_content_only(analysis_nx):
    zj = to_networkx(analysis_nx, province="浙江")
    plans = sorted(d["title"] for _, d in zj.nodes(data=True) if d["label"] == Label.PLAN)
    assert plans == ["浙江省加快推动“人工智能+科学”创新发展行动计划（2025-2027年）"]
    agencies = {d["name"] for _, d in zj.nodes(data=True) if d["label"] == Label.AGENCY}
    assert "浙江省科学技术厅" in agencies and not any(a.startswith("广东") for a in agencies)
    # every measure of the plan came along, and only those
    measures = [n for n, d in zj.nodes(data=True) if d["label"] == Label.MEASURE]
    expected = [v for _, v, d in analysis_nx.out_edges(_plan(zj), data=True)
                if d["type"] == "HAS_MEASURE"]
    assert sorted(measures) == sorted(expected)


def _plan(G):
    return next(n for n, d in G.nodes(data=True) if d["label"] == Label.PLAN and not d.get("cited_only"))


def test_a_district_plan_belongs_to_its_province(analysis_nx):
    titles = [analysis_nx.nodes[p]["title"] for p in select_plans(analysis_nx, province="Guangdong")]
    assert any(t.startswith("光明区") for t in titles)
    assert len(titles) == 4


def test_plan_selection_by_document_number(analysis_nx):
    G = to_networkx(analysis_nx, plan="粤办函〔2024〕88号")
    assert [d["doc_number"] for _, d in G.nodes(data=True) if d["label"] == Label.PLAN] == ["粤办函〔2024〕88号"]


def test_a_filter_naming_nothing_says_which_option(analysis_nx):
    with pytest.raises(NoMatch) as caught:
        to_networkx(analysis_nx, province="火星")
    assert caught.value.option == "province"
    with pytest.raises(NoMatch, match="plan"):
        to_networkx(analysis_nx, plan="不存在的方案")


def test_the_json_export_and_a_store_are_accepted(analysis_store, analysis_nx):
    from_json = to_networkx(analysis_store.export().to_json())
    from_store = to_networkx(analysis_store)
    assert from_json.number_of_edges() == from_store.number_of_edges() == analysis_nx.number_of_edges()
