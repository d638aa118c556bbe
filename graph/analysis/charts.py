"""Charts for analysts (matplotlib, Agg backend): PNG or SVG by the file's suffix.

Three pictures: a category's targets compared across provinces (grouped bars,
one group per target year, one bar per province), a province's trajectory
(one line per plan, value by target year), and the agency co-responsibility
network coloured by community. Each function returns the series it drew as
plain data, so a caller (or a test) can check the picture says what it should.

Labels: Chinese names need a CJK font, which a fresh machine may lack. When
none is installed, charts use English names (``name_en``, the taxonomy's
English category names) and plans are labelled by period or year of issue;
with a CJK font they show the Chinese names.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx

FORMATS = ("png", "svg")
#: font families that carry Chinese characters, tried in this order
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "Droid Sans Fallback", "AR PL UMing CN")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def _matplotlib():
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    return matplotlib, Figure


@cache
def cjk_font() -> str | None:
    """The first installed font family able to draw Chinese, or None."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def _label(chinese: str | None, english: str | None, fallback: str = "") -> str:
    """Chinese when it can be drawn, else English, else a fallback without CJK characters."""
    if chinese and (cjk_font() or not _CJK.search(chinese)):
        return chinese
    if english:
        return english
    cleaned = _CJK.sub("", chinese or "").strip(" -–—()（）")
    return cleaned or fallback


def plan_label(row: dict[str, Any]) -> str:
    """How a chart names a plan: its title when Chinese can be drawn, else its period or year of issue.

    >>> plan_label({"plan": "X", "plan_period": "2022–2025", "plan_issued": "2022-12-30"}) in ("X", "plan 2022–2025")
    True
    """
    if cjk_font() and row.get("plan"):
        return str(row["plan"])
    if row.get("plan_period"):
        return f"plan {row['plan_period']}"
    if row.get("plan_issued"):
        return f"plan issued {str(row['plan_issued'])[:7]}"
    return str(row.get("plan_id") or "plan")


def _save(fig, path: Path | str) -> Path:
    matplotlib, _ = _matplotlib()
    path = Path(path)
    fmt = path.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise ValueError(f"a chart is written as .png or .svg, not {path.suffix or 'no suffix'}")
    path.parent.mkdir(parents=True, exist_ok=True)
    # svg.fonttype none keeps text as text: searchable, and readable by tests
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "policykg"}):
        fig.savefig(path, format=fmt, dpi=120, bbox_inches="tight", metadata=_metadata(fmt))
    return path


def _metadata(fmt: str) -> dict[str, Any]:
    # no creation date: the same graph gives byte-identical files
    return {"Date": None} if fmt == "svg" else {"Software": "policykg"}


def _figure(width: float, height: float):
    matplotlib, Figure = _matplotlib()
    fig = Figure(figsize=(width, height))
    font = cjk_font()
    if font and matplotlib.rcParams["font.sans-serif"][:1] != [font]:
        matplotlib.rcParams["font.sans-serif"] = [font, *matplotlib.rcParams["font.sans-serif"]]
    return fig


def _unit(rows: list[dict[str, Any]]) -> str:
    names = {r["unit_norm"]: r.get("unit_norm_en") for r in rows if r.get("unit_norm")}
    return " / ".join(_label(u, names[u], u) for u in sorted(names))


def targets_chart(rows: list[dict[str, Any]], path: Path | str,
                  title: str | None = None) -> dict[str, dict[int, float]]:
    """Grouped bars of one category's targets: a group per year, a bar per province.

    ``rows`` come from ``compare_targets``; where one province set the same
    year's target in several plans, the latest plan's value is drawn (its
    current promise). Returns ``{province: {year: value_norm}}``.
    """
    latest: dict[tuple[str, int], tuple[tuple, float]] = {}
    names: dict[str, str] = {}
    for r in rows:
        if r.get("value_norm") is None or r.get("year") is None:
            continue
        province = _label(r.get("province"), r.get("province_en"), "unknown")
        names[province] = province
        order = (r.get("plan_issued") or "", r.get("plan_period") or "")
        key = (province, int(r["year"]))
        if key not in latest or order >= latest[key][0]:
            latest[key] = (order, r["value_norm"])
    series: dict[str, dict[int, float]] = defaultdict(dict)
    for (province, year), (_, value) in sorted(latest.items()):
        series[province][year] = value
    years = sorted({y for s in series.values() for y in s})
    fig = _figure(max(5.0, 1.4 * len(years) + 2), 4.0)
    ax = fig.add_subplot()
    width = 0.8 / max(1, len(series))
    for i, (province, values) in enumerate(sorted(series.items())):
        xs = [years.index(y) + i * width for y in values]
        bars = ax.bar(xs, list(values.values()), width=width, label=province)
        ax.bar_label(bars, fmt="%g", fontsize=7)
    ax.set_xticks([j + width * (len(series) - 1) / 2 for j in range(len(years))], [str(y) for y in years])
    ax.set_xlabel("target year")
    ax.set_ylabel(_unit(rows) or "value")
    category = next((r.get("category_name") or r.get("category") for r in rows if r.get("category")), "targets")
    ax.set_title(title or f"{category}: targets by province")
    if series:
        ax.legend(fontsize=8)
    _save(fig, path)
    return {k: dict(v) for k, v in sorted(series.items())}


def trajectory_chart(rows: list[dict[str, Any]], path: Path | str,
                     title: str | None = None) -> dict[str, dict[int, float]]:
    """Lines of one province's targets of one category: a line per plan, by target year.

    ``rows`` come from ``trajectory``. Returns ``{plan label: {year: value_norm}}``
    in the order the plans were issued.
    """
    series: dict[str, dict[int, float]] = {}
    for r in rows:
        if r.get("value_norm") is None or r.get("year") is None:
            continue
        series.setdefault(plan_label(r), {})[int(r["year"])] = r["value_norm"]
    fig = _figure(6.0, 4.0)
    ax = fig.add_subplot()
    for label, values in series.items():
        years = sorted(values)
        ax.plot(years, [values[y] for y in years], marker="o", label=label)
        for y in years:
            ax.annotate(f"{values[y]:g}", (y, values[y]), textcoords="offset points", xytext=(0, 6),
                        ha="center", fontsize=7)
    all_years = sorted({y for v in series.values() for y in v})
    ax.set_xticks(all_years, [str(y) for y in all_years])
    ax.set_xlabel("target year")
    ax.set_ylabel(_unit(rows) or "value")
    first = rows[0] if rows else {}
    province = _label(first.get("province"), first.get("province_en"), "")
    category = first.get("category_name") or first.get("category") or ""
    ax.set_title(title or f"{province}: {category} across plans".strip(": "))
    if series:
        ax.legend(fontsize=8)
    _save(fig, path)
    return series


def _component_layout(H: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Spring layout per connected component, components side by side in a grid (largest first).

    One spring layout of a disconnected graph squeezes each part into a
    corner; laying the parts out one by one keeps every group readable.
    """
    parts = sorted((sorted(c) for c in nx.connected_components(H)), key=lambda c: (-len(c), c[0]))
    columns = max(1, math.ceil(math.sqrt(len(parts))))
    pos: dict[str, tuple[float, float]] = {}
    for i, part in enumerate(parts):
        row, col = divmod(i, columns)
        sub = H.subgraph(part)
        local = nx.spring_layout(sub, seed=seed, weight="weight", k=1.5 / math.sqrt(len(part)) if len(part) > 1
                                 else None) if len(part) > 1 else {part[0]: (0.0, 0.0)}
        for n, (x, y) in local.items():
            pos[n] = (col * 3.0 + float(x), -row * 3.0 + float(y))
    return pos


def agency_network_chart(G: nx.MultiDiGraph, path: Path | str, seed: int | None = None,
                         title: str | None = None) -> dict[str, Any]:
    """The co-responsibility network: node size = measures, colour = community, width = shared measures.

    Returns ``{"nodes", "edges", "communities": [[agency name, ...], ...]}``.
    """
    from graph.analysis.agencies import LOUVAIN_SEED, agency_communities, co_responsibility

    seed = LOUVAIN_SEED if seed is None else seed
    _matplotlib()
    H = co_responsibility(G)
    communities = agency_communities(H, seed=seed)
    colour_of = {n: i for i, group in enumerate(communities) for n in group}
    fig = _figure(11.0, 7.0)
    ax = fig.add_subplot()
    ax.set_axis_off()
    if len(H):
        pos = _component_layout(H, seed)
        from matplotlib import colormaps

        cmap = colormaps["tab10"]
        nodes = sorted(H)
        nx.draw_networkx_edges(H, pos, ax=ax, width=[0.5 + H[u][v]["weight"] ** 0.5 for u, v in H.edges()],
                               alpha=0.4, edge_color="#777777")
        nx.draw_networkx_nodes(H, pos, nodelist=nodes, ax=ax,
                               node_size=[60 + 40 * H.nodes[n]["measures"] for n in nodes],
                               node_color=[cmap(colour_of[n] % 10) for n in nodes])
        labels = {n: textwrap.fill(_label(H.nodes[n]["name"], H.nodes[n].get("name_en"), n), 28) for n in nodes}
        nx.draw_networkx_labels(H, pos, labels=labels, ax=ax, font_size=6)
        ax.margins(0.2)  # room for the labels of nodes at the edge
    ax.set_title(title or f"agencies sharing measures: {len(H)} agencies, {len(communities)} communities")
    _save(fig, path)
    return {"nodes": H.number_of_nodes(), "edges": H.number_of_edges(),
            "communities": [[H.nodes[n]["name"] for n in group] for group in communities]}
