"""GraphML/GEXF that networkx reads back, and charts that are real images of the expected series."""

from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.analysis import agency_communities, co_responsibility
from graph.analysis.charts import agency_network_chart, targets_chart, trajectory_chart
from graph.analysis.export import network_text, write_network
from graph.analysis.targets import compare_targets, trajectory

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_graphml_reads_back_with_the_same_nodes_and_edges(analysis_nx, tmp_path):
    path = tmp_path / "graph.graphml"
    write_network(analysis_nx, path, "graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == analysis_nx.number_of_nodes()
    assert back.number_of_edges() == analysis_nx.number_of_edges()
    assert set(back.nodes) == set(analysis_nx.nodes)
    assert {k for _, _, k in back.edges(keys=True)} == {k for _, _, k in analysis_nx.edges(keys=True)}
    for n, d in analysis_nx.nodes(data=True):
        assert back.nodes[n]["labels"] == d["label"]
    for u, v, k, d in analysis_nx.edges(keys=True, data=True):
        assert back.edges[u, v, k]["type"] == d["type"]
        assert back.edges[u, v, k]["evidence"] == d["evidence"]
    appliances = next(d for _, d in back.nodes(data=True) if d.get("metric") == "智能家电战略性产业集群营业收入")
    assert appliances["value"] == 1.9 and appliances["value_norm"] == 19000


def test_gexf_reads_back_with_the_same_nodes_and_edges(analysis_nx, tmp_path):
    path = tmp_path / "graph.gexf"
    write_network(analysis_nx, path, "gexf")
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == analysis_nx.number_of_nodes()
    assert back.number_of_edges() == analysis_nx.number_of_edges()
    types = {d["type"] for _, _, d in analysis_nx.edges(data=True)}
    assert {d["rel_type"] for _, _, d in back.edges(data=True)} == types
    assert {d["id"] for _, _, d in back.edges(data=True)} == {k for _, _, k in analysis_nx.edges(keys=True)}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_cli_export_writes_the_stored_graph(analysis_data_dir, analysis_nx, tmp_path, fmt):
    from queries.cli import main

    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(out), "--data-dir", str(analysis_data_dir)])
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(out, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(out)
    assert (back.number_of_nodes(), back.number_of_edges()) == (analysis_nx.number_of_nodes(),
                                                                analysis_nx.number_of_edges())
    assert out.read_text(encoding="utf-8") == network_text(analysis_nx, fmt)


def _png_size(path):
    from matplotlib import image

    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    pixels = image.imread(path)
    return pixels.shape


def test_targets_chart_is_a_png_of_the_provinces_promises(analysis_nx, tmp_path):
    path = tmp_path / "computing.png"
    series = targets_chart(compare_targets(analysis_nx, category="computing_capacity"), path)
    assert list(series.values()) == [{2025: 40, 2027: 60}, {2027: 0.9}]
    guangdong, zhejiang = series
    assert ("Guangdong" in guangdong or "广东" in guangdong) and ("Zhejiang" in zhejiang or "浙江" in zhejiang)
    height, width, _ = _png_size(path)
    assert width > 300 and height > 200


def test_trajectory_chart_draws_one_line_per_plan(analysis_nx, tmp_path):
    rows = trajectory(analysis_nx, "Guangdong", "ai_core_industry_scale")
    series = trajectory_chart(rows, tmp_path / "trajectory.png")
    assert list(series.values()) == [{2025: 1500}, {2025: 3000, 2027: 4400}]
    _png_size(tmp_path / "trajectory.png")
    svg = tmp_path / "trajectory.svg"
    trajectory_chart(rows, svg)
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    for label in series:
        assert label in text, "the legend names each plan"
    for value in ("1500", "3000", "4400"):
        assert value in text, "each point is annotated with its value"


def test_agency_network_chart_shows_the_communities(analysis_nx, tmp_path):
    path = tmp_path / "agencies.png"
    drawn = agency_network_chart(analysis_nx, path)
    H = co_responsibility(analysis_nx)
    assert drawn["nodes"] == H.number_of_nodes() and drawn["edges"] == H.number_of_edges()
    assert drawn["communities"] == [[H.nodes[n]["name"] for n in group] for group in agency_communities(H)]
    _png_size(path)


def test_charts_are_png_or_svg_only(analysis_nx, tmp_path):
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        agency_network_chart(analysis_nx, tmp_path / "agencies.jpg")
