"""Agency analysis on the stored graph: measures and roles, co-responsibility, centrality, communities."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import networkx as nx

from graph.analysis import agency_centrality, agency_communities, agency_measures, agency_table, co_responsibility
from graph.analysis.agencies import LOUVAIN_SEED
from graph.analysis.convert import to_networkx


def _owners(data):
    """measure id -> agency ids, read straight from the stored relationships."""
    owners: dict[str, set[str]] = {}
    for rel in data.relationships.values():
        if rel.type == "RESPONSIBLE_FOR":
            owners.setdefault(rel.end, set()).add(rel.start)
    return owners


def test_measures_per_agency_count_what_the_graph_holds(analysis_store, analysis_nx):
    data = analysis_store.export()
    expected = Counter(a for agencies in _owners(data).values() for a in agencies)
    rows = {r["id"]: r for r in agency_measures(analysis_nx)}
    assert {k: r["measures"] for k, r in rows.items() if r["measures"]} == dict(expected)
    for r in rows.values():
        assert r["lead"] + r["responsible"] + r["support"] == r["measures"]


def test_the_zhejiang_science_department_leads_zhejiang(analysis_nx):
    rows = agency_measures(to_networkx(analysis_nx, province="浙江"))
    assert rows[0]["agency"] == "浙江省科学技术厅"
    assert rows[0]["measures"] == 7 and rows[0]["responsible"] == 7
    assert rows[0]["coordinates"] == ["浙江省加快推动“人工智能+科学”创新发展行动计划（2025-2027年）"]
    assert [r["measures"] for r in rows] == sorted((r["measures"] for r in rows), reverse=True)


def test_roles_are_counted_per_role(analysis_nx):
    gd = {r["agency"]: r for r in agency_measures(to_networkx(analysis_nx, province="广东"))}
    miit = gd["广东省工业和信息化厅"]
    assert (miit["measures"], miit["lead"], miit["support"]) == (5, 2, 3)


def test_co_responsibility_weights_are_the_shared_measures(analysis_store, analysis_nx):
    shared: Counter = Counter()
    for agencies in _owners(analysis_store.export()).values():
        for a, b in combinations(sorted(agencies), 2):
            shared[(a, b)] += 1
    H = co_responsibility(analysis_nx)
    assert {tuple(sorted((u, v))): d["weight"] for u, v, d in H.edges(data=True)} == dict(shared)
    assert all(len(d["measures"]) == d["weight"] for _, _, d in H.edges(data=True))


def test_centrality_is_networkx_centrality_of_the_network(analysis_nx):
    H = co_responsibility(analysis_nx)
    centrality = agency_centrality(H)
    degree = nx.degree_centrality(H)
    betweenness = nx.betweenness_centrality(H, weight="distance")
    for agency, c in centrality.items():
        assert abs(c["degree"] - degree[agency]) < 1e-6
        assert abs(c["betweenness"] - betweenness[agency]) < 1e-6
        assert c["weighted_degree"] == sum(d["weight"] for _, _, d in H.edges(agency, data=True))
    top = max(centrality, key=lambda a: centrality[a]["betweenness"])
    assert H.nodes[top]["name"] == "浙江省科学技术厅"  # the hub of Zhejiang's plan
    assert centrality[top]["betweenness"] > 0


def test_communities_are_networkx_louvain_and_do_not_move(analysis_nx):
    H = co_responsibility(analysis_nx)
    ours = agency_communities(H)
    theirs = nx.community.louvain_communities(H, weight="weight", seed=LOUVAIN_SEED)
    assert sorted(map(sorted, theirs)) == sorted(ours)
    assert agency_communities(co_responsibility(analysis_nx)) == ours
    assert sorted(n for group in ours for n in group) == sorted(H)
    # the two provinces' departments never share a measure, so no community mixes them
    for group in ours:
        assert len({analysis_nx.nodes[n]["jurisdiction"] for n in group}) == 1
    assert len(ours) >= 2


def test_the_table_joins_measures_centrality_and_community(analysis_nx):
    rows = agency_table(analysis_nx)
    H = co_responsibility(analysis_nx)
    communities = agency_communities(H)
    for row in rows:
        if row["id"] in H:
            assert row["id"] in communities[row["community"] - 1]
            assert row["partners"] == H.degree(row["id"])
        else:
            assert row["community"] is None and row["measures"] == 0
