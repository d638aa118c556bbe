"""Plan similarity and site reach on the stored graph."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analysis import NoMatch, to_networkx
from graph.analysis.plans import ASPECTS, plan_profiles, plan_similarity
from graph.analysis.sites import site_chains, site_reach

GD22 = "广东省新一代人工智能创新发展行动计划（2022-2025年）"
GD24 = "广东省关于人工智能赋能千行百业若干措施"


def test_the_two_guangdong_industry_plans_are_the_most_similar_pair(analysis_nx):
    pairs = plan_similarity(analysis_nx)
    top = pairs[0]
    assert {top["plan_a"], top["plan_b"]} == {GD22, GD24}
    assert set(top["shared_agencies"]) == {"广东省科学技术厅", "广东省工业和信息化厅", "广东省发展和改革委员会"}
    assert top["shared_categories"] == ["ai_core_industry_scale"]
    assert "产业" in top["shared_words"]
    assert [p["score"] for p in pairs] == sorted((p["score"] for p in pairs), reverse=True)


def test_every_pair_is_scored_from_what_the_plans_share(analysis_nx):
    profiles = plan_profiles(analysis_nx)
    assert len(plan_similarity(analysis_nx)) == len(profiles) * (len(profiles) - 1) // 2
    for pair in plan_similarity(analysis_nx):
        a, b = profiles[pair["plan_a_id"]], profiles[pair["plan_b_id"]]
        assert set(pair["shared_agencies"]) == a.agencies & b.agencies
        assert set(pair["shared_sites"]) == a.sites & b.sites
        union = a.agencies | b.agencies
        assert pair["agencies"] == (round(len(a.agencies & b.agencies) / len(union), 6) if union else None)
        present = [pair[x] for x in ASPECTS if pair[x] is not None]
        assert pair["score"] == pytest.approx(sum(present) / len(present), abs=1e-5)
        assert all(0 <= x <= 1 for x in present)


def test_plans_naming_the_same_site_share_it(analysis_nx):
    pair = next(p for p in plan_similarity(analysis_nx) if p["shared_sites"])
    assert pair["shared_sites"] == ["松山湖"]
    assert {pair["plan_a"], pair["plan_b"]} == {GD24, "广东省加快推动人工智能赋能科学研究行动方案(2026—2030年)"}


def test_one_plan_has_no_pairs(analysis_nx):
    assert plan_similarity(to_networkx(analysis_nx, plan="88号")) == []


def test_site_reach(analysis_nx):
    rows = {r["site"]: r for r in site_reach(analysis_nx)}
    songshan = rows["松山湖"]
    assert (songshan["measures"], songshan["targets"], songshan["plans"]) == (2, 1, 2)
    assert songshan["provinces"] == ["广东省"] and songshan["located_in"] == ["广东省"]
    assert "推动人工智能与材料科学深度融合" in songshan["measure_titles"]
    assert set(songshan["plan_titles"]) == {GD24, "广东省加快推动人工智能赋能科学研究行动方案(2026—2030年)"}
    assert rows["光明科学城"]["plan_titles"] == ["光明区关于推动人工智能和软件信息产业高质量发展的若干措施"]


def test_chains_between_two_sites_are_shortest_and_real(analysis_nx):
    chains = site_chains(analysis_nx, "东莞松山湖", "Guangming Science City")
    U = nx.Graph(analysis_nx.to_undirected())
    ends = [n for n, d in analysis_nx.nodes(data=True) if d.get("name") in ("松山湖", "光明科学城")]
    shortest = nx.shortest_path_length(U, *sorted(ends, key=lambda n: analysis_nx.nodes[n]["name"] != "松山湖"))
    assert chains
    for chain in chains:
        assert chain[0]["name"] == "松山湖" and chain[-1]["name"] == "光明科学城"
        assert (len(chain) - 1) // 2 == shortest
        for i in range(1, len(chain), 2):
            u, step, v = chain[i - 1]["id"], chain[i], chain[i + 1]["id"]
            start, end = (u, v) if step["direction"] == "->" else (v, u)
            assert step["type"] in {d["type"] for d in analysis_nx.get_edge_data(start, end).values()}


def test_an_unknown_site_is_named_in_the_error(analysis_nx):
    with pytest.raises(NoMatch, match="月球基地"):
        site_chains(analysis_nx, "松山湖", "月球基地")
