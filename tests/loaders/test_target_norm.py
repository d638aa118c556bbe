"""Target normalisation: categories from the taxonomy file, values in one unit per kind."""

from __future__ import annotations

import pytest

from loaders import target_norm
from loaders.target_norm import classify, enrich_target, normalise_value


@pytest.mark.parametrize(("value", "unit", "expected"), [
    (1.9, "万亿元", (19000, "亿元", "money")),
    (1500, "亿元", (1500, "亿元", "money")),
    (1, "百亿元", (100, "亿元", "money")),
    (None, "百亿元", (100, "亿元", "money")),          # 百亿元级: one of it
    (None, "万亿元", (10000, "亿元", "money")),        # 带动相关产业规模超万亿元
    (600, "万元", (0.06, "亿元", "money")),
    (1, "万元", (0.0001, "亿元", "money")),
    (60, "EFLOPS", (60, "EFLOPS", "computing")),
    (900, "PFlops", (0.9, "EFLOPS", "computing")),
    (900, "PFLOPS", (0.9, "EFLOPS", "computing")),
    (500, "P", (0.5, "EFLOPS", "computing")),
    (5, "个", (5, "个", "count")),
    (40, "家", (40, "家", "count")),
    (2, "万人", (20000, "人", "count")),
    (30, "%", (30, "%", "percent")),
    (3, "吨标准煤", (3, "吨标准煤", "other")),         # unknown unit: kept as written
])
def test_values_normalise_to_one_unit_per_kind(value, unit, expected):
    assert normalise_value(value, unit) == expected


@pytest.mark.parametrize(("metric", "unit", "key"), [
    ("人工智能核心产业规模", "亿元", "ai_core_industry_scale"),
    ("核心产业规模", "亿元", "ai_core_industry_scale"),
    ("算力规模", "EFLOPS", "computing_capacity"),
    ("全省智能算力", "PFlops", "computing_capacity"),
    ("带动相关产业规模", "万亿元", "related_industry_scale"),
    ("领域基础模型", "个", "large_models"),
    ("“人工智能+科学”领域基础模型", "个", "large_models"),
    ("应用场景", "个", "application_scenarios"),
    ("人工智能科研示范场景", "个", "application_scenarios"),
    ("高质量行业数据集", "个", "data_sets"),
    ("龙头企业", "家", "enterprises"),
    ("领军企业", "家", "enterprises"),
    ("高端人才", "名", "talent"),
    ("人工智能产业基金", "亿元", "funds"),
    ("国家和行业标准", "项", "standards"),
    ("智能家电战略性产业集群营业收入", "万亿元", "sector_output"),
    ("国家级绿色工厂", "家", "other"),
])
def test_typical_metrics_fall_in_their_category(metric, unit, key):
    assert classify(metric, unit) == key


def test_enrich_keeps_the_written_value_and_adds_the_normalised_one():
    written = {"metric": "算力规模", "value": 900, "unit": "PFlops", "value_max": 1200,
               "comparator": ">", "qualitative": False, "year": 2025}
    enriched = enrich_target(written)
    assert written == {"metric": "算力规模", "value": 900, "unit": "PFlops", "value_max": 1200,
                       "comparator": ">", "qualitative": False, "year": 2025}, "the input is not changed"
    assert enriched["value"] == 900 and enriched["unit"] == "PFlops"
    assert (enriched["metric_category"], enriched["value_norm"], enriched["value_max_norm"],
            enriched["unit_norm"], enriched["unit_kind"]) == ("computing_capacity", 0.9, 1.2, "EFLOPS", "computing")


def test_qualitative_targets_get_no_category_and_no_value():
    enriched = enrich_target({"metric": "打造东莞松山湖等人工智能赋能科学研究高地", "value": None, "unit": None,
                              "qualitative": True})
    assert enriched["metric_category"] is None and enriched["value_norm"] is None


def test_taxonomy_is_extended_by_editing_the_data_file(tmp_path, monkeypatch):
    text = target_norm.CATEGORIES_FILE.read_text(encoding="utf-8")
    extra = tmp_path / "metric_categories.toml"
    extra.write_text('[[category]]\nkey = "green_factories"\nname = "green factories"\nname_zh = "绿色工厂"\n'
                     'keywords = ["绿色工厂"]\n\n' + text, encoding="utf-8")
    monkeypatch.setattr(target_norm, "CATEGORIES_FILE", extra)
    target_norm.categories.cache_clear()
    try:
        assert classify("国家级绿色工厂", "家") == "green_factories"
        assert target_norm.category("绿色工厂").name == "green factories"
    finally:
        monkeypatch.undo()
        target_norm.categories.cache_clear()
    assert classify("国家级绿色工厂", "家") == "other"


def test_every_category_of_the_issue_is_in_the_taxonomy():
    keys = {c.key for c in target_norm.categories()}
    assert {"computing_capacity", "ai_core_industry_scale", "related_industry_scale", "enterprises",
            "large_models", "application_scenarios", "data_sets", "talent", "funds", "standards"} <= keys


def test_the_docstring_examples_hold_targets_as_a_build_writes_them():
    """``graph.analysis.examples.tiny_graph`` writes its targets' normalised values by hand (graph/
    reads no extraction code); they must be what ``enrich_target`` gives, names included."""
    from graph.analysis.examples import tiny_graph

    targets = [n for n in tiny_graph().nodes.values() if n.label == "Target"]
    assert targets
    for target in targets:
        written = {k: v for k, v in enrich_target(target.properties).items() if v is not None}
        assert target.properties == written
