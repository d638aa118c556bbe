"""``policykg analyze ...`` and ``policykg compare-targets`` on a stored graph."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from queries.cli import main


def run(data_dir, *args):
    result = CliRunner().invoke(main, [*args, "--data-dir", str(data_dir)])
    return result


def test_analyze_agencies_for_a_province_as_json(analysis_data_dir):
    result = run(analysis_data_dir, "analyze", "agencies", "--province", "浙江", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows[0]["agency"] == "浙江省科学技术厅" and rows[0]["measures"] == 7
    assert {"degree", "betweenness", "community", "lead", "support"} <= set(rows[0])
    assert not any(r["agency"].startswith("广东") for r in rows)


def test_analyze_agencies_table_draws_the_network(analysis_data_dir, tmp_path):
    chart = tmp_path / "agencies.svg"
    result = run(analysis_data_dir, "analyze", "agencies", "--chart", str(chart))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["agency", "measures", "lead"]
    assert "浙江省科学技术厅" in lines[2]
    assert chart.read_text(encoding="utf-8").count("<svg") == 1


def test_analyze_plans_csv(analysis_data_dir):
    result = run(analysis_data_dir, "analyze", "plans", "--top", "2", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 2 and float(rows[0]["score"]) >= float(rows[1]["score"])
    assert "广东省工业和信息化厅" in rows[0]["shared_agencies"]


def test_analyze_sites_and_chains(analysis_data_dir):
    result = run(analysis_data_dir, "analyze", "sites", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["site"] == "松山湖"
    result = run(analysis_data_dir, "analyze", "sites", "--from", "松山湖", "--to", "光明科学城")
    assert result.exit_code == 0, result.output
    assert "松山湖 -LOCATED_IN-> 东莞市" in result.output and result.output.rstrip().endswith("光明科学城")


def test_analyze_targets_for_a_category(analysis_data_dir):
    result = run(analysis_data_dir, "analyze", "targets", "--category", "computing capacity", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [r["value_norm"] for r in json.loads(result.output)] == [40, 60, 0.9]


def test_compare_targets_trajectory_with_chart(analysis_data_dir, tmp_path):
    chart = tmp_path / "trajectory.png"
    result = run(analysis_data_dir, "compare-targets", "--province", "广东", "--category", "ai_core_industry_scale",
                 "--trajectory", "--format", "json", "--chart", str(chart))
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["year"], r["value_norm"]) for r in rows] == [(2025, 1500), (2025, 3000), (2027, 4400)]
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_compare_targets_by_year(analysis_data_dir):
    result = run(analysis_data_dir, "compare-targets", "--category", "ai_core_industry_scale", "--year", "2025",
                 "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["value_norm"] for r in rows] == ["3000", "1500"]
    assert rows[0]["doc_number"] == "粤办函〔2024〕88号" and rows[0]["text"].startswith("到2025年")


def test_filters_naming_nothing_fail_with_the_option_named(analysis_data_dir):
    result = run(analysis_data_dir, "analyze", "agencies", "--province", "火星")
    assert result.exit_code == 1 and "no province matches '火星'" in result.output
    result = run(analysis_data_dir, "compare-targets", "--category", "rockets")
    assert result.exit_code == 1 and "computing_capacity (computing capacity, 算力规模)" in result.output
    result = run(analysis_data_dir, "compare-targets", "--trajectory", "--province", "广东")
    assert result.exit_code == 2 and "--category" in result.output


def test_a_chart_that_cannot_be_drawn_fails_before_the_table_is_printed(analysis_data_dir, tmp_path):
    """``analyze targets --chart`` without ``--category`` printed the whole table and then failed."""
    chart = tmp_path / "targets.png"
    result = run(analysis_data_dir, "analyze", "targets", "--chart", str(chart))
    assert result.exit_code == 2 and "a targets chart compares one category: give --category" in result.output
    assert "value_norm" not in result.output and not chart.exists()
    result = run(analysis_data_dir, "compare-targets", "--province", "广东", "--chart", str(chart))
    assert result.exit_code == 2 and "give --category" in result.output and "value_norm" not in result.output
    result = run(analysis_data_dir, "analyze", "sites", "--from", "松山湖")
    assert result.exit_code == 2 and "give --from and --to" in result.output


def test_an_empty_data_dir_says_to_build_first(tmp_path):
    result = run(tmp_path / "nothing", "analyze", "agencies")
    assert result.exit_code == 1 and "policykg build" in result.output
