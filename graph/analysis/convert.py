"""The policy graph as a networkx ``MultiDiGraph``, whole or cut to a plan or a province.

Analysts who know networkx should meet the contract unchanged: node keys are
the contract's ids, every node has ``label`` (Plan, Measure, Agency…) and its
properties, every edge is keyed by its relationship id and has ``type``
(HAS_MEASURE, RESPONSIBLE_FOR…) and its properties. Targets come normalised
from the build (``metric_category`` with its names, ``value_norm``,
``unit_norm``): the analyses read the graph and nothing of the extraction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph.errors import PolicyKGError
from graph.model import GraphData, Label, Rel


class NoMatch(PolicyKGError):
    """A filter (plan, province, site, category) named nothing in the graph.

    ``option`` is the flag or parameter to change, so the CLI and the API can say which.
    """

    def __init__(self, option: str, value: str, hint: str = ""):
        message = f"no {option} matches {value!r}"
        super().__init__(f"{message}: {hint}" if hint else message)
        self.option = option
        self.value = value


#: edges followed outward from a selected plan to collect what the plan says
_FROM_PLAN = {Rel.HAS_MEASURE, Rel.SETS_TARGET, Rel.COVERS, Rel.ISSUED_BY, Rel.CITES, Rel.OFFERS}
_FROM_MEASURE = {Rel.SETS_TARGET, Rel.AT_SITE, Rel.MENTIONS, Rel.OFFERS, Rel.PART_OF}
_FROM_TARGET = {Rel.AT_SITE}
_INTO_PLAN = {Rel.COORDINATES}
_INTO_MEASURE = {Rel.RESPONSIBLE_FOR}


def to_networkx(source: Any, plan: str | None = None, province: str | None = None) -> nx.MultiDiGraph:
    """A ``MultiDiGraph`` of the whole graph, or of the plans ``plan``/``province`` select.

    ``source`` is a ``GraphData`` (what ``store.export()`` returns), a store
    (anything with ``export()``), the contract's JSON export as a dict, or a
    ``MultiDiGraph`` made by this function. ``plan`` matches part of a plan's
    title, its document number or its id; ``province`` matches a province's
    name, short name or English name. A selection keeps the chosen plans with
    their measures, targets, sites, agencies, incentives, mentioned bodies,
    cited plans and regions; ``NoMatch`` says when it would keep no plan.

    >>> from graph.analysis.examples import tiny_graph
    >>> G = to_networkx(tiny_graph())
    >>> G.number_of_nodes(), G.number_of_edges()
    (18, 22)
    >>> G.nodes["plan-a"]["label"], G.nodes["plan-a"]["title"]
    ('Plan', '甲省人工智能行动计划')
    >>> sorted({d["type"] for _, _, d in G.edges(data=True)})[:3]
    ['AT_SITE', 'COORDINATES', 'COVERS']
    >>> sorted(n for n, d in to_networkx(G, province="乙").nodes(data=True) if d["label"] == "Plan")
    ['plan-b', 'plan-c']
    >>> G.nodes["target-a"]["value"], G.nodes["target-a"]["unit"], G.nodes["target-a"]["value_norm"]
    (900, 'PFlops', 0.9)
    """
    G = source if isinstance(source, nx.MultiDiGraph) else _build(_graph_data(source))
    if plan is None and province is None:
        return G
    plans = select_plans(G, plan=plan, province=province)
    keep = _document_closure(G, plans)
    if province is not None:
        keep |= {n for n in G if G.nodes[n].get("label") == Label.PROVINCE and _matches(G.nodes[n], province)}
    sub = G.subgraph(keep).copy()
    sub.graph.update(plan=plan, province=province)
    return sub


def _graph_data(source: Any) -> GraphData:
    if isinstance(source, GraphData):
        return source
    if isinstance(source, dict):
        return GraphData.from_json(source)
    if hasattr(source, "export"):
        return source.export()
    raise TypeError(f"to_networkx takes GraphData, a store or the JSON export, not {type(source).__name__}")


def _build(data: GraphData) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for node in data.nodes.values():
        G.add_node(node.id, **node.properties, label=node.label)
    for rel in data.relationships.values():
        if rel.start in G and rel.end in G:
            G.add_edge(rel.start, rel.end, key=rel.id, **rel.properties, type=rel.type)
    return G


# -- looking things up -----------------------------------------------------
def _matches(attrs: dict[str, Any], query: str) -> bool:
    """Case-insensitive substring match on the names a user might type."""
    q = query.strip().lower()
    if not q:
        return False
    fields = [attrs.get(k) for k in ("name", "short", "name_en", "title", "doc_number")]
    fields += list(attrs.get("aliases") or [])
    return any(isinstance(f, str) and q in f.lower() for f in fields)


def find_nodes(G: nx.MultiDiGraph, label: str, query: str) -> list[str]:
    """Ids of ``label`` nodes whose id equals ``query`` or whose names contain it.

    An exact name or alias beats a substring, so 松山湖 finds the site
    松山湖 and not every site whose name contains it.

    >>> from graph.analysis.examples import tiny_graph
    >>> find_nodes(to_networkx(tiny_graph()), "Site", "Lake")
    ['site-lake']
    """
    if query in G and G.nodes[query].get("label") == label:
        return [query]
    q = query.strip().lower()
    candidates = [n for n, d in G.nodes(data=True) if d.get("label") == label and _matches(d, query)]
    exact = [n for n in candidates
             if q in {str(v).lower() for v in [G.nodes[n].get(k) for k in ("name", "title", "short", "name_en")]
                      + list(G.nodes[n].get("aliases") or []) if v}]
    return sorted(exact or candidates)


def display_name(attrs: dict[str, Any], fallback: str = "") -> str:
    """What to call a node in a table: its name, title or metric."""
    for key in ("name", "title", "metric", "text"):
        value = attrs.get(key)
        if value:
            return str(value)
    return fallback


def nodes_with_label(G: nx.MultiDiGraph, label: str) -> list[str]:
    return sorted(n for n, d in G.nodes(data=True) if d.get("label") == label)


def out_edges(G: nx.MultiDiGraph, node: str, types: Iterable[str] | str) -> list[tuple[str, dict[str, Any]]]:
    """(other end, edge data) of ``node``'s outgoing edges of the given types."""
    wanted = {types} if isinstance(types, str) else set(types)
    return [(v, d) for _, v, d in G.out_edges(node, data=True) if d.get("type") in wanted]


def in_edges(G: nx.MultiDiGraph, node: str, types: Iterable[str] | str) -> list[tuple[str, dict[str, Any]]]:
    wanted = {types} if isinstance(types, str) else set(types)
    return [(u, d) for u, _, d in G.in_edges(node, data=True) if d.get("type") in wanted]


def provinces_of(G: nx.MultiDiGraph, node: str) -> list[str]:
    """Province ids a plan covers (through its cities and districts) or a region/site lies in.

    >>> from graph.analysis.examples import tiny_graph
    >>> provinces_of(to_networkx(tiny_graph()), "plan-c")
    ['province-b']
    """
    start = [v for v, _ in out_edges(G, node, Rel.COVERS)] or [node]
    found: set[str] = set()
    seen: set[str] = set()
    todo = list(start)
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        if G.nodes[n].get("label") == Label.PROVINCE:
            found.add(n)
            continue
        todo += [v for v, _ in out_edges(G, n, Rel.LOCATED_IN)]
    return sorted(found)


def plans_of(G: nx.MultiDiGraph, node: str) -> list[str]:
    """The plans a measure or target belongs to (a target through its measure, too)."""
    label = G.nodes[node].get("label")
    if label == Label.PLAN:
        return [node]
    found = {u for u, _ in in_edges(G, node, (Rel.HAS_MEASURE, Rel.SETS_TARGET))
             if G.nodes[u].get("label") == Label.PLAN}
    if label == Label.TARGET:
        for m, _ in in_edges(G, node, Rel.SETS_TARGET):
            if G.nodes[m].get("label") == Label.MEASURE:
                found |= {u for u, _ in in_edges(G, m, Rel.HAS_MEASURE)}
    return sorted(found)


def plan_order(attrs: dict[str, Any]) -> tuple[str, str]:
    """Sort key putting plans in the order they were issued (then by period, then title)."""
    when = attrs.get("date_issued") or attrs.get("date_published")
    if not when and attrs.get("period_start"):
        when = f"{attrs['period_start']}"
    return (str(when or "9999"), str(attrs.get("title") or ""))


def select_plans(G: nx.MultiDiGraph, plan: str | None = None, province: str | None = None) -> list[str]:
    """Ids of the plans held in full (not only cited) that ``plan`` and ``province`` both select.

    >>> from graph.analysis.examples import tiny_graph
    >>> select_plans(to_networkx(tiny_graph()), province="Beta")
    ['plan-b', 'plan-c']
    """
    plans = [n for n in nodes_with_label(G, Label.PLAN) if not G.nodes[n].get("cited_only")]
    if plan is not None:
        plans = [n for n in plans if n == plan or _matches(G.nodes[n], plan)]
        if not plans:
            raise NoMatch("plan", plan, "give part of a plan's title or its document number")
    if province is not None:
        wanted = set(find_nodes(G, Label.PROVINCE, province))
        if not wanted:
            raise NoMatch("province", province, "give a province name such as 广东, 广东省 or Guangdong")
        plans = [n for n in plans if wanted & set(provinces_of(G, n))]
        if not plans:
            raise NoMatch("plan", f"{plan or ''} in {province}".strip(), "no plan covers that province")
    return plans


def _document_closure(G: nx.MultiDiGraph, plans: Iterable[str]) -> set[str]:
    """The plans with everything they contain or name, and the regions it lies in."""
    keep: set[str] = set()
    todo = list(plans)
    steps_out = {Label.PLAN: _FROM_PLAN, Label.MEASURE: _FROM_MEASURE, Label.TARGET: _FROM_TARGET}
    steps_in = {Label.PLAN: _INTO_PLAN, Label.MEASURE: _INTO_MEASURE}
    roots = set(plans)
    while todo:
        n = todo.pop()
        if n in keep:
            continue
        keep.add(n)
        label = G.nodes[n].get("label")
        if label == Label.PLAN and n not in roots:
            continue  # a cited plan: kept as a node, its own content is not followed
        todo += [v for v, _ in out_edges(G, n, steps_out.get(label, ()))]
        todo += [u for u, _ in in_edges(G, n, steps_in.get(label, ()))]
        if label in (Label.SITE, *Label.REGIONS):
            todo += [v for v, _ in out_edges(G, n, Rel.LOCATED_IN)]
    return keep
