"""The policy graph as GraphML or GEXF, for Gephi, Cytoscape and yEd users.

Both formats take only scalar attributes, so lists (aliases, sources) are
written as JSON text and nulls are left out. Viewers show a node's ``label``
attribute as its caption, so in these files ``label`` is the node's name
(title, metric…) and ``labels`` holds the contract label (Plan, Agency…), as
the JSON export calls it. Edges keep their relationship id as key and the
contract type in ``type`` (GraphML) or as the edge label and ``rel_type``
(GEXF reserves ``type`` for directed/undirected).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

import networkx as nx

from graph.analysis.convert import display_name

FORMATS = ("graphml", "gexf")


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def exportable(G: nx.MultiDiGraph, fmt: str = "graphml") -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes the GraphML/GEXF writers accept.

    >>> from graph.analysis import to_networkx
    >>> from graph.analysis.examples import tiny_graph
    >>> E = exportable(to_networkx(tiny_graph()))
    >>> E.nodes["agency-sti"]["label"], E.nodes["agency-sti"]["labels"], E.nodes["agency-sti"]["aliases"]
    ('甲省科学技术厅', 'Agency', '["省科技厅"]')
    """
    out = nx.MultiDiGraph()
    for n, d in sorted(G.nodes(data=True)):
        attrs = {k: _plain(v) for k, v in d.items() if v is not None and k != "label"}
        attrs["labels"] = d.get("label", "")
        attrs["label"] = display_name(d, n)
        out.add_node(n, **attrs)
    for u, v, key, d in sorted(G.edges(keys=True, data=True), key=lambda e: str(e[2])):
        attrs = {k: _plain(x) for k, x in d.items() if x is not None}
        if fmt == "gexf":
            attrs["rel_type"] = attrs.pop("type", "")
            attrs["label"] = attrs["rel_type"]
            attrs["id"] = key
        out.add_edge(u, v, key=key, **attrs)
    _one_type_per_attribute(d for _, d in out.nodes(data=True))
    _one_type_per_attribute(d for _, _, d in out.edges(data=True))
    return out


def _one_type_per_attribute(records) -> None:
    """Give each attribute one type across all records: the writers declare one type per name.

    ints with floats become floats (value 900 beside 1.9); anything else mixed becomes text.
    """
    records = list(records)
    kinds: dict[str, set[type]] = {}
    for attrs in records:
        for k, v in attrs.items():
            kinds.setdefault(k, set()).add(type(v))
    for k, types in kinds.items():
        if len(types) < 2:
            continue
        cast = float if types <= {int, float} else str
        for attrs in records:
            if k in attrs:
                attrs[k] = cast(attrs[k])


def write_network(G: nx.MultiDiGraph, target: str | Path | IO[bytes], fmt: str) -> None:
    """Write ``G`` as ``fmt`` (graphml or gexf) to a path or a binary file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown network format {fmt!r}: use one of {', '.join(FORMATS)}")
    E = exportable(G, fmt)
    if fmt == "graphml":
        nx.write_graphml(E, target, encoding="utf-8", infer_numeric_types=True)
    else:
        nx.write_gexf(E, target, encoding="utf-8")


def network_text(G: nx.MultiDiGraph, fmt: str) -> str:
    """``G`` as GraphML or GEXF text.

    >>> from graph.analysis import to_networkx
    >>> from graph.analysis.examples import tiny_graph
    >>> network_text(to_networkx(tiny_graph()), "graphml").count("<node ")
    18
    """
    import io

    buffer = io.BytesIO()
    write_network(G, buffer, fmt)
    return buffer.getvalue().decode("utf-8")


def export_network(settings, fmt: str) -> str:
    """The stored graph under ``settings`` as GraphML or GEXF text (``policykg export --format``)."""
    from graph.analysis.convert import to_networkx
    from graph.export_json import export_graph

    return network_text(to_networkx(export_graph(settings)), fmt)
