"""The analyses as named reports: one place that the CLI and the HTTP router both call.

Each report takes the networkx graph and keyword filters and returns rows
(plain dicts) plus the columns a text table shows by default; CSV and JSON
carry every column. Keeping this in one module means ``policykg analyze
agencies`` and ``GET /analysis/agencies`` cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from graph.analysis import agency_table, to_networkx
from graph.analysis.plans import plan_similarity
from graph.analysis.sites import chain_text, site_chains, site_reach
from graph.analysis.targets import compare_targets, target_rows, trajectory
from graph.errors import PolicyKGError
from graph.model import GraphData
from graph.settings import Settings

REPORTS = ("agencies", "plans", "sites", "targets")
CHARTS = ("targets", "trajectory", "agencies")


@dataclass
class Report:
    name: str
    rows: list[dict[str, Any]]
    columns: list[str]


TABLE_COLUMNS = {
    "agencies": ["agency", "measures", "lead", "responsible", "support", "partners", "degree", "betweenness",
                 "community", "plans"],
    "plans": ["score", "plan_a", "plan_b", "agencies", "sites", "categories", "vocabulary", "shared_agencies",
              "shared_sites", "shared_categories", "shared_words"],
    "sites": ["site", "name_en", "measures", "targets", "plans", "provinces", "located_in"],
    "chains": ["length", "chain"],
    "targets": ["category", "year", "province", "plan", "metric", "comparator", "value", "unit", "value_norm",
                "unit_norm", "text"],
    "trajectory": ["plan", "plan_issued", "year", "metric", "comparator", "value", "unit", "value_norm",
                   "unit_norm", "text"],
}


class EmptyGraph(PolicyKGError):
    """There is nothing to analyse: no graph has been built in this data directory."""


class MissingParameter(ValueError):
    """A report or chart needs parameters that were not given.

    The CLI and HTTP name the same parameter differently (``--category``, ``category``),
    so the error carries the names and each interface words them its own way: an HTTP
    client is not told about a command-line flag.
    """

    def __init__(self, what: str, *names: str):
        self.what, self.names = what, names
        super().__init__(self.worded(lambda name: name))

    def worded(self, spell) -> str:
        return f"{self.what}: give {' and '.join(spell(n) for n in self.names)}"

    def for_cli(self) -> str:
        return self.worded(lambda name: f"--{name}")

    def for_http(self) -> str:
        return self.worded(lambda name: f"the parameter {name}")


def load_graph(store_or_settings: Any, plan: str | None = None, province: str | None = None) -> nx.MultiDiGraph:
    """The stored graph in networkx, cut to ``plan``/``province`` (a store is used as is, settings open one)."""
    if isinstance(store_or_settings, Settings):
        from graph.store import open_store

        store = open_store(store_or_settings, must_exist=True)
        try:
            data = store.export()
        finally:
            store.close()
    elif hasattr(store_or_settings, "export"):
        data = store_or_settings.export()
    else:
        data = store_or_settings
    if isinstance(data, GraphData) and not data.nodes:
        raise EmptyGraph("the graph is empty: run `policykg build` first (or give --data-dir)")
    return to_networkx(data, plan=plan, province=province)


def agencies(G: nx.MultiDiGraph, seed: int | None = None) -> Report:
    rows = agency_table(G) if seed is None else agency_table(G, seed=seed)
    return Report("agencies", rows, TABLE_COLUMNS["agencies"])


def plans(G: nx.MultiDiGraph, top: int | None = None) -> Report:
    """Plan similarity with the loaders' segmenter, so words are the units the extractor and the search use."""
    from loaders.segment import tokens

    return Report("plans", plan_similarity(G, top=top, tokens=tokens), TABLE_COLUMNS["plans"])


def sites(G: nx.MultiDiGraph, source: str | None = None, target: str | None = None) -> Report:
    """Site reach, or with both ``source`` and ``target`` the shortest chains between the two."""
    if source and target:
        chains = site_chains(G, source, target)
        rows = [{"length": (len(c) - 1) // 2, "chain": chain_text(c), "steps": c} for c in chains]
        return Report("chains", rows, TABLE_COLUMNS["chains"])
    if source or target:
        raise MissingParameter("the chains between two sites need both sites", "from", "to")
    return Report("sites", site_reach(G), TABLE_COLUMNS["sites"])


def targets(G: nx.MultiDiGraph, category: str | None = None, year: int | None = None,
            province: str | None = None, qualitative: bool = False) -> Report:
    if qualitative:
        rows = target_rows(G, category=category, year=year, province=province, qualitative=True)
        rows = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
        rows.sort(key=lambda r: (r["category"] or "~", r["year"] or 0, r["province"] or "", r["plan"] or ""))
    else:
        rows = compare_targets(G, category=category, year=year, province=province)
    return Report("targets", rows, TABLE_COLUMNS["targets"])


def province_trajectory(G: nx.MultiDiGraph, province: str, category: str) -> Report:
    return Report("trajectory", trajectory(G, province, category), TABLE_COLUMNS["trajectory"])


def check_chart(kind: str, *, category: str | None = None, province: str | None = None) -> None:
    """Raise ``MissingParameter`` when chart ``kind`` cannot be drawn from these parameters.

    Called before anything is computed or printed, so ``analyze targets --chart`` without
    ``--category`` fails at once rather than after printing the whole table."""
    if kind == "targets" and not category:
        raise MissingParameter("a targets chart compares one category", "category")
    if kind == "trajectory" and not (category and province):
        raise MissingParameter("a trajectory chart follows one province's category", "province", "category")
    if kind not in CHARTS:
        raise ValueError(f"unknown chart {kind!r}: use one of {', '.join(CHARTS)}")


def chart(G: nx.MultiDiGraph, kind: str, path: Path, *, category: str | None = None, year: int | None = None,
          province: str | None = None, seed: int | None = None) -> dict[str, Any]:
    """Draw chart ``kind`` (targets, trajectory, agencies) to ``path`` (.png or .svg); returns its series."""
    from graph.analysis import charts

    check_chart(kind, category=category, province=province)
    if kind == "targets":
        assert category is not None
        return charts.targets_chart(compare_targets(G, category=category, year=year, province=province), path)
    if kind == "trajectory":
        assert category is not None and province is not None
        return charts.trajectory_chart(trajectory(G, province, category), path)
    return charts.agency_network_chart(G, path, seed=seed)
