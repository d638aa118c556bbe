"""Comparable targets: categories, normalised values, sorting, trajectories, the named query."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.analysis import NoMatch
from graph.analysis.targets import compare_targets, trajectory
from tests.conftest import settings_for
from tests.graph.analysis_fixture import analysis_graph

QUERY = Path(__file__).resolve().parents[2] / "queries" / "compare-targets.cypher"


def test_guangdong_ai_core_industry_trajectory(analysis_nx):
    rows = trajectory(analysis_nx, "广东", "AI core industry scale")
    assert [(r["doc_number"], r["year"], r["value_norm"], r["unit_norm"]) for r in rows] == [
        (None, 2025, 1500, "亿元"),
        ("粤办函〔2024〕88号", 2025, 3000, "亿元"),
        ("粤办函〔2024〕88号", 2027, 4400, "亿元"),
    ]
    assert rows[0]["plan"] == "广东省新一代人工智能创新发展行动计划（2022-2025年）"
    assert rows[0]["text"].endswith("带动相关产业规模超万亿元")


def test_computing_targets_compare_in_eflops_across_provinces(analysis_nx):
    rows = compare_targets(analysis_nx, category="算力规模", year=2027)
    assert [(r["province"], r["value"], r["unit"], r["value_norm"]) for r in rows] == [
        ("广东省", 60, "EFLOPS", 60), ("浙江省", 900, "PFlops", 0.9)]


def test_money_in_yi_yuan(analysis_nx):
    rows = {r["metric"]: r for r in compare_targets(analysis_nx)}
    assert rows["智能家电战略性产业集群营业收入"]["value_norm"] == 19000
    assert rows["带动相关产业规模"]["value_norm"] == 10000
    assert rows["带动相关产业规模"]["category"] == "related_industry_scale"


def test_rows_are_sorted_by_category_year_and_value(analysis_nx):
    rows = compare_targets(analysis_nx)
    keys = [(r["category"], r["year"], -(r["value_norm"] or 0)) for r in rows]
    assert keys == sorted(keys)
    assert all(r["text"] for r in rows), "every row carries its source sentence"
    assert not any(r.get("value_norm") is None and r.get("value") is not None for r in rows)


def test_province_filter(analysis_nx):
    rows = compare_targets(analysis_nx, province="Zhejiang")
    assert rows and {r["province"] for r in rows} == {"浙江省"}


def test_an_unknown_category_lists_the_known_ones(analysis_nx):
    with pytest.raises(NoMatch, match="computing_capacity"):
        compare_targets(analysis_nx, category="rockets")


def test_named_query_header_declares_every_parameter_it_uses():
    from queries import named

    text = QUERY.read_text(encoding="utf-8")
    assert text.startswith("// name: compare-targets\n// title: ")
    query = named.parse(text, QUERY)  # refuses a $parameter that no param or derive line declares
    assert {p.name: p.default for p in query.params} == {"category": None, "year": None, "province": None,
                                                        "limit": 100}
    assert [(d.name, d.function, d.source) for d in query.derived] == [
        ("category_key", "category_key", "category"), ("category_keys", "category_keys", "category")]


@pytest.fixture(scope="module")
def enriched_store(tmp_path_factory):
    """The analysis graph, normalised as a build writes it, in its own embedded FalkorDB."""
    from graph.store.falkor import FalkorStore

    graph = analysis_graph()
    store = FalkorStore(settings_for(tmp_path_factory.mktemp("enriched")))
    store.replace_graph(graph)
    yield store
    store.close()


@pytest.mark.parametrize("params", [
    {},
    {"category": "ai_core_industry_scale"},
    {"category": "computing_capacity", "year": 2027},
    {"category": "ai_core_industry_scale", "province": "Guangdong"},
    # a category by its Chinese or English name, as the command line takes it (the named query
    # compared the name with the key and answered nothing)
    {"category": "算力规模", "year": 2027},
    {"category": "人工智能核心产业规模"},
    {"category": "AI core industry scale", "province": "广东"},
])
def test_named_query_on_falkordb_agrees_with_networkx(enriched_store, params):
    from graph.analysis import to_networkx
    from queries import named
    from queries.run import run_named

    result = run_named(enriched_store, named.get("compare-targets"), params)
    got = [(r["category"], r["year"], r["province"], r["plan"], r["value_norm"]) for r in result.records()]
    expected = [(r["category"], r["year"], r["province"], r["plan"], r["value_norm"])
                for r in compare_targets(to_networkx(enriched_store.export()), **params)]
    assert got == expected
    assert got, "the query found rows"


def test_the_named_query_refuses_a_category_it_does_not_know_and_lists_them(enriched_store):
    from queries import named
    from queries.run import run_named

    with pytest.raises(named.ParameterError, match=r"no metric category is named 'rockets'.*算力规模") as caught:
        run_named(enriched_store, named.get("compare-targets"), {"category": "rockets"})
    assert caught.value.param == "category"
