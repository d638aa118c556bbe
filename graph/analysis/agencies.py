"""Who carries the measures, and who works with whom.

Measures per agency with their roles; the co-responsibility network (two
agencies are linked when they are named for the same measure, weighted by how
many they share); degree and betweenness centrality on it; communities found
by networkx's Louvain method with a fixed seed, so the same graph always gives
the same groups. Every function takes the policy graph (from ``to_networkx``)
first and returns plain data.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Any

import networkx as nx

from graph.analysis.convert import display_name, in_edges, nodes_with_label, out_edges, plan_order
from graph.model import Label, Rel

ROLES = ("lead", "responsible", "support")
#: the seed of Louvain's random order: fixed, so communities do not move between runs
LOUVAIN_SEED = 20250101


def agency_measures(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One row per agency: how many measures it is named for, by role, and in which plans.

    Sorted by number of measures (most first), then name.

    >>> from graph.analysis import to_networkx
    >>> from graph.analysis.examples import tiny_graph
    >>> rows = agency_measures(to_networkx(tiny_graph()))
    >>> [(r["agency"], r["measures"], r["lead"], r["support"]) for r in rows]
    [('甲省科学技术厅', 2, 2, 0), ('甲省发展和改革委员会', 2, 0, 2), ('甲省数据局', 1, 0, 1)]
    >>> rows[0]["coordinates"]
    ['甲省人工智能行动计划']
    """
    rows = []
    for agency in nodes_with_label(G, Label.AGENCY):
        attrs = G.nodes[agency]
        owned = out_edges(G, agency, Rel.RESPONSIBLE_FOR)
        roles = Counter(d.get("role") or "responsible" for _, d in owned)
        plans = {p for m, _ in owned for p, _ in in_edges(G, m, Rel.HAS_MEASURE)}
        coordinates = [p for p, _ in out_edges(G, agency, Rel.COORDINATES)]
        issued = [p for p, _ in in_edges(G, agency, Rel.ISSUED_BY)]
        rows.append({
            "agency": display_name(attrs, agency), "name_en": attrs.get("name_en"),
            "jurisdiction": attrs.get("jurisdiction"), "measures": len({m for m, _ in owned}),
            **{role: roles.get(role, 0) for role in ROLES},
            "plans": _plan_titles(G, plans), "coordinates": _plan_titles(G, coordinates),
            "issued": _plan_titles(G, issued), "id": agency,
        })
    rows.sort(key=lambda r: (-r["measures"], -r["lead"], r["agency"]))
    return rows


def _plan_titles(G: nx.MultiDiGraph, plans) -> list[str]:
    ordered = sorted(set(plans), key=lambda p: plan_order(G.nodes[p]))
    return [display_name(G.nodes[p], p) for p in ordered]


def co_responsibility(G: nx.MultiDiGraph) -> nx.Graph:
    """Agencies linked when they share measures; ``weight`` = how many, ``measures`` = which.

    Every agency named for a measure is a node, also one that works alone.

    >>> from graph.analysis import to_networkx
    >>> from graph.analysis.examples import tiny_graph
    >>> H = co_responsibility(to_networkx(tiny_graph()))
    >>> H["agency-sti"]["agency-dev"]["weight"], H["agency-sti"]["agency-data"]["weight"]
    (2, 1)
    """
    H = nx.Graph()
    for agency in nodes_with_label(G, Label.AGENCY):
        if out_edges(G, agency, Rel.RESPONSIBLE_FOR):
            attrs = G.nodes[agency]
            H.add_node(agency, name=display_name(attrs, agency), name_en=attrs.get("name_en"),
                       measures=len({m for m, _ in out_edges(G, agency, Rel.RESPONSIBLE_FOR)}))
    for measure in nodes_with_label(G, Label.MEASURE):
        owners = sorted({a for a, _ in in_edges(G, measure, Rel.RESPONSIBLE_FOR)})
        for a, b in combinations(owners, 2):
            if H.has_edge(a, b):
                H[a][b]["weight"] += 1
                H[a][b]["measures"].append(measure)
            else:
                H.add_edge(a, b, weight=1, measures=[measure])
    for _, _, d in H.edges(data=True):
        d["distance"] = 1.0 / d["weight"]  # close collaborators are near: betweenness uses this
    return H


def agency_centrality(H: nx.Graph) -> dict[str, dict[str, float]]:
    """Degree, weighted degree and betweenness of each agency in a co-responsibility network.

    Betweenness counts shortest paths with ``distance`` = 1/weight, so agencies
    that share many measures are close.

    >>> from graph.analysis import to_networkx
    >>> from graph.analysis.examples import tiny_graph
    >>> c = agency_centrality(co_responsibility(to_networkx(tiny_graph())))
    >>> c["agency-sti"]
    {'degree': 1.0, 'weighted_degree': 3, 'betweenness': 0.0}
    """
    degree = nx.degree_centrality(H) if len(H) > 1 else dict.fromkeys(H, 0.0)
    strength = dict(H.degree(weight="weight"))
    betweenness = nx.betweenness_centrality(H, weight="distance", normalized=True)
    return {n: {"degree": round(degree[n], 6), "weighted_degree": strength[n],
                "betweenness": round(betweenness[n], 6)} for n in sorted(H)}


def agency_communities(H: nx.Graph, seed: int = LOUVAIN_SEED, resolution: float = 1.0) -> list[list[str]]:
    """Groups of agencies that share measures more among themselves than with others (Louvain).

    Largest group first; inside a group, agencies by id. Deterministic for a
    given ``seed``.

    >>> from graph.analysis import to_networkx
    >>> from graph.analysis.examples import tiny_graph
    >>> agency_communities(co_responsibility(to_networkx(tiny_graph())))
    [['agency-data', 'agency-dev', 'agency-sti']]
    """
    if len(H) == 0:
        return []
    found = nx.community.louvain_communities(H, weight="weight", seed=seed, resolution=resolution)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


def agency_table(G: nx.MultiDiGraph, seed: int = LOUVAIN_SEED) -> list[dict[str, Any]]:
    """``agency_measures`` with each agency's centrality and community number (1 = largest).

    >>> from graph.analysis import to_networkx
    >>> from graph.analysis.examples import tiny_graph
    >>> row = agency_table(to_networkx(tiny_graph()))[0]
    >>> row["agency"], row["measures"], row["degree"], row["community"]
    ('甲省科学技术厅', 2, 1.0, 1)
    """
    H = co_responsibility(G)
    centrality = agency_centrality(H)
    community = {n: i for i, group in enumerate(agency_communities(H, seed), 1) for n in group}
    rows = []
    for row in agency_measures(G):
        c = centrality.get(row["id"], {"degree": 0.0, "weighted_degree": 0, "betweenness": 0.0})
        rows.append({**row, "partners": H.degree(row["id"]) if row["id"] in H else 0, **c,
                     "community": community.get(row["id"])})
    return rows
