"""The analyses on the seed graph built by the real extractor: the figures the issue names."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graph.analysis import agency_communities, agency_measures, co_responsibility, to_networkx
from graph.analysis.agencies import LOUVAIN_SEED, agency_centrality
from graph.analysis.charts import targets_chart, trajectory_chart
from graph.analysis.export import write_network
from graph.analysis.sites import site_reach
from graph.analysis.targets import categories, compare_targets, trajectory


@pytest.fixture(scope="module")
def seed_nx(seed_graph):
    return to_networkx(seed_graph)


def test_zhejiang_science_department_is_responsible_for_13_measures_and_leads_none(seed_nx):
    """The README said it "leads" Zhejiang's plan with 13 measures; the plan names it responsible
    (责任单位) for each, never lead, and the docs now say what the graph says."""
    rows = agency_measures(to_networkx(seed_nx, province="浙江"))
    top = rows[0]
    assert (top["agency"], top["measures"], top["responsible"], top["lead"]) == ("浙江省科学技术厅", 13, 13, 0)
    assert top["measures"] > rows[1]["measures"]
    docs = " ".join((Path(__file__).resolve().parents[2] / "docs" / "querying.md").read_text(encoding="utf-8").split())
    assert "浙江省科学技术厅 is responsible for 13 measures of Zhejiang's plan" in docs
    assert "浙江省科学技术厅 leads" not in docs


def test_targets_come_from_the_build_normalised_with_their_names(seed_graph, seed_nx):
    """The analyses read categories and units from the graph, so the build must have written them."""
    quantitative = [n.properties for n in seed_graph.nodes.values()
                    if n.label == "Target" and not n.properties.get("qualitative")]
    assert quantitative
    for props in quantitative:
        assert props.get("metric_category") and props.get("metric_category_en"), props
    named = categories(seed_nx)
    assert named["ai_core_industry_scale"] == ("AI core industry scale", "人工智能核心产业规模")
    by_key = compare_targets(seed_nx, category="ai_core_industry_scale")
    assert by_key and compare_targets(seed_nx, category="人工智能核心产业规模") == by_key
    assert {r["unit_norm_en"] for r in by_key} == {"100 million yuan"}


def test_guangdong_ai_core_industry_trajectory(seed_nx):
    rows = trajectory(seed_nx, "广东", "ai_core_industry_scale")
    assert [(r["year"], r["value_norm"], r["unit_norm"]) for r in rows] == [
        (2025, 1500, "亿元"), (2025, 3000, "亿元"), (2027, 4400, "亿元")]
    assert "2022-2025" in rows[0]["plan"]
    assert rows[1]["doc_number"] == rows[2]["doc_number"] == "粤办函〔2024〕88号"
    assert all(r["text"] for r in rows)


def test_one_point_nine_trillion_is_19000_yi_yuan(seed_nx):
    rows = [r for r in compare_targets(seed_nx) if r["value"] == 1.9 and r["unit"] == "万亿元"]
    assert rows and all((r["value_norm"], r["unit_norm"]) == (19000, "亿元") for r in rows)


def test_computing_capacity_in_eflops(seed_nx):
    rows = compare_targets(seed_nx, category="computing_capacity", province="广东")
    assert {(r["year"], r["value_norm"], r["unit_norm"]) for r in rows} >= {(2025, 40, "EFLOPS"), (2027, 60, "EFLOPS")}


def test_typical_seed_metrics_fall_in_their_categories(seed_nx):
    by_metric = {r["metric"]: r["category"] for r in compare_targets(seed_nx)}
    assert by_metric["带动相关产业规模"] == "related_industry_scale"
    assert by_metric["高质量行业数据集"] == "data_sets"
    assert by_metric["领域基础模型"] == "large_models"
    assert by_metric["应用场景"] == "application_scenarios"


def test_centrality_and_communities_are_networkx_on_the_seed_graph(seed_nx):
    H = co_responsibility(seed_nx)
    assert H.number_of_edges() > 0
    centrality = agency_centrality(H)
    betweenness = nx.betweenness_centrality(H, weight="distance")
    assert all(abs(centrality[n]["betweenness"] - betweenness[n]) < 1e-6 for n in H)
    hub = max(H, key=lambda n: centrality[n]["betweenness"])
    assert H.nodes[hub]["name"] == "浙江省科学技术厅"
    communities = agency_communities(H)
    assert sorted(communities) == sorted(map(sorted, nx.community.louvain_communities(H, weight="weight",
                                                                                        seed=LOUVAIN_SEED)))
    assert sorted(n for c in communities for n in c) == sorted(H)


def test_songshan_lake_is_reached_by_guangdong_plans(seed_nx):
    row = next(r for r in site_reach(seed_nx) if r["site"] == "松山湖")
    assert row["provinces"] == ["广东省"] and row["plans"] >= 1 and row["measures"] + row["targets"] >= 1


def test_graphml_of_the_seed_graph_reads_back(seed_nx, tmp_path):
    path = tmp_path / "seed.graphml"
    write_network(seed_nx, path, "graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert (back.number_of_nodes(), back.number_of_edges()) == (seed_nx.number_of_nodes(), seed_nx.number_of_edges())


def test_seed_charts(seed_nx, tmp_path):
    series = trajectory_chart(trajectory(seed_nx, "广东", "ai_core_industry_scale"), tmp_path / "t.png")
    assert list(series.values()) == [{2025: 1500}, {2025: 3000, 2027: 4400}]
    assert (tmp_path / "t.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bars = targets_chart(compare_targets(seed_nx, category="large_models"), tmp_path / "m.svg")
    assert sorted(bars.values(), key=str) == sorted([{2027: 5}, {2027: 4}], key=str)
