"""Site reach: which measures, goals, plans and provinces name a place, and how two places connect.

Planners start from a place (东莞松山湖) and ask what reaches it: the measures
naming it, the targets set at it, the plans those belong to and the provinces
those plans cover. ``site_chains`` answers "how are these two places
connected" with the shortest chains of contract relationships between them,
read in either direction, each step with its type and direction.
"""

from __future__ import annotations

from itertools import islice, pairwise
from typing import Any

import networkx as nx

from graph.analysis.convert import (
    NoMatch,
    display_name,
    find_nodes,
    in_edges,
    nodes_with_label,
    out_edges,
    plan_order,
    plans_of,
    provinces_of,
)
from graph.model import Label, Rel

#: chains returned at most by ``site_chains`` (equal-length alternatives can be many)
MAX_CHAINS = 10


def site_reach(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One row per site: the measures, targets, plans and provinces reaching it.

    Sorted by how many plans reach the site, then measures, then name.

    >>> from graph.analysis import to_networkx
    >>> from graph.analysis.examples import tiny_graph
    >>> row = site_reach(to_networkx(tiny_graph()))[0]
    >>> row["site"], row["measures"], row["targets"], row["plans"], row["provinces"], row["located_in"]
    ('湖区', 1, 1, 2, ['乙省'], ['乙省'])
    """
    rows = []
    for site in nodes_with_label(G, Label.SITE):
        attrs = G.nodes[site]
        reaching = [n for n, _ in in_edges(G, site, Rel.AT_SITE)]
        measures = sorted(n for n in reaching if G.nodes[n].get("label") == Label.MEASURE)
        targets = sorted(n for n in reaching if G.nodes[n].get("label") == Label.TARGET)
        plans = sorted({p for n in reaching for p in plans_of(G, n)}, key=lambda p: plan_order(G.nodes[p]))
        provinces = sorted({G.nodes[v].get("name", v) for p in plans for v in provinces_of(G, p)})
        located = sorted({G.nodes[v].get("name", v) for v in provinces_of(G, site) if v != site})
        rows.append({
            "site": display_name(attrs, site), "name_en": attrs.get("name_en"), "kind": attrs.get("kind"),
            "aliases": list(attrs.get("aliases") or []),
            "measures": len(measures), "targets": len(targets), "plans": len(plans),
            "provinces": provinces, "located_in": located,
            "measure_titles": [display_name(G.nodes[m], m) for m in measures],
            "target_texts": [G.nodes[t].get("text") or display_name(G.nodes[t], t) for t in targets],
            "plan_titles": [display_name(G.nodes[p], p) for p in plans], "id": site,
        })
    rows.sort(key=lambda r: (-r["plans"], -r["measures"], -r["targets"], r["site"]))
    return rows


def _one_site(G: nx.MultiDiGraph, query: str) -> str:
    found = find_nodes(G, Label.SITE, query)
    if not found:
        raise NoMatch("site", query, "give a site's name, alias or English name, e.g. 松山湖")
    return found[0]


def site_chains(G: nx.MultiDiGraph, source: str, target: str, limit: int = MAX_CHAINS) -> list[list[dict[str, Any]]]:
    """The shortest chains between two sites (by name, alias, English name or id).

    A chain alternates nodes ``{"id", "label", "name"}`` and steps
    ``{"type", "direction"}`` (``->`` when the relationship points along the
    chain, ``<-`` when against it). Relationships are followed either way,
    because "the same plan names both" is a connection whatever the arrows.

    >>> from graph.analysis import to_networkx
    >>> from graph.analysis.examples import tiny_graph
    >>> G = to_networkx(tiny_graph())
    >>> [chain_text(c) for c in site_chains(G, "Lake Park", "科学城")]
    ['湖区 -LOCATED_IN-> 乙市 <-LOCATED_IN- 乙市科学城']
    >>> site_chains(G, "湖区", "乙省")
    Traceback (most recent call last):
    ...
    graph.analysis.convert.NoMatch: no site matches '乙省': give a site's name, alias or English name, e.g. 松山湖
    """
    a = _one_site(G, source)
    b = _one_site(G, target)
    U = nx.Graph(G.to_undirected(as_view=True))
    try:
        paths = list(islice(nx.all_shortest_paths(U, a, b), limit))
    except nx.NetworkXNoPath:
        return []
    chains = []
    for path in sorted(paths):
        chain: list[dict[str, Any]] = [_node_step(G, path[0])]
        for u, v in pairwise(path):
            chain.append(_edge_step(G, u, v))
            chain.append(_node_step(G, v))
        chains.append(chain)
    return chains


def _node_step(G: nx.MultiDiGraph, n: str) -> dict[str, Any]:
    return {"id": n, "label": G.nodes[n].get("label"), "name": display_name(G.nodes[n], n)}


def _edge_step(G: nx.MultiDiGraph, u: str, v: str) -> dict[str, Any]:
    forward = sorted(d["type"] for d in (G.get_edge_data(u, v) or {}).values())
    if forward:
        return {"type": forward[0], "direction": "->"}
    backward = sorted(d["type"] for d in (G.get_edge_data(v, u) or {}).values())
    return {"type": backward[0], "direction": "<-"}


def chain_text(chain: list[dict[str, Any]]) -> str:
    """A chain as one line: 松山湖 <-AT_SITE- 推动… -HAS_MEASURE-> …

    >>> chain_text([{"name": "a"}, {"type": "AT_SITE", "direction": "<-"}, {"name": "b"}])
    'a <-AT_SITE- b'
    """
    parts = []
    for step in chain:
        if "type" in step:
            parts.append(f"-{step['type']}->" if step["direction"] == "->" else f"<-{step['type']}-")
        else:
            parts.append(step["name"])
    return " ".join(parts)


def sites_reached_by(G: nx.MultiDiGraph, plan: str) -> list[str]:
    """Names of the sites a plan's measures and targets name."""
    measures = [m for m, _ in out_edges(G, plan, Rel.HAS_MEASURE)]
    targets = [t for t, _ in out_edges(G, plan, Rel.SETS_TARGET)]
    targets += [t for m in measures for t, _ in out_edges(G, m, Rel.SETS_TARGET)]
    return sorted({display_name(G.nodes[s], s) for n in measures + targets for s, _ in out_edges(G, n, Rel.AT_SITE)})
