"""SHACL: the contract's shapes pass on the seed graph and report what is planted."""

from __future__ import annotations

import copy

import pytest
from click.testing import CliRunner

from graph.model import Label, Rel
from graph.rdf.validate import validate
from graph.rdf.view import RDFView
from graph.store.falkor import FalkorStore
from queries.cli import main
from tests.conftest import settings_for
from tests.fixture_graph import small_graph

BASE = "https://policykg.org/id/"


def report_of(graph):
    return validate(RDFView(graph, BASE).rdflib_graph())


def test_seed_graph_has_no_violation(seed_graph):
    report = report_of(seed_graph)
    assert report.conforms, report.summary()
    assert report.violations == []


def test_small_graph_has_no_violation():
    assert report_of(small_graph()).conforms


def _plant(graph):
    """Three contract breaks: a year that is not a year, a link without its sentence, a stray measure."""
    graph = copy.deepcopy(graph)
    target = next(n for n in graph.by_label(Label.TARGET) if n.properties.get("year") == 2030)
    target.properties["year"] = "二〇三〇年"
    rel = next(r for r in graph.relationships.values() if r.type == Rel.AT_SITE)
    del rel.properties["evidence"]
    has_measure = next(r for r in graph.relationships.values() if r.type == Rel.HAS_MEASURE)
    del graph.relationships[has_measure.id]
    return graph, target, rel, has_measure


def test_planted_violations_are_reported():
    graph, target, rel, has_measure = _plant(small_graph())
    report = report_of(graph)
    assert not report.conforms
    found = {(v.focus.rsplit("/", 1)[-1], v.path) for v in report.violations}
    assert (target.id, "pkg:year") in found
    assert (rel.id, "pkg:evidence") in found
    assert any(focus == has_measure.end for focus, _ in found), report.summary()
    by_focus = {v.focus.rsplit("/", 1)[-1]: v for v in report.violations}
    assert "sentence it was read from" in by_focus[rel.id].message
    assert "二〇三〇年" in report.summary()


@pytest.fixture()
def stored_settings(tmp_path):
    settings = settings_for(tmp_path / "data")
    return settings


def _store(settings, graph):
    store = FalkorStore(settings)
    try:
        store.replace_graph(graph)
    finally:
        store.close()


def test_cli_validate_exit_status_follows_the_report(stored_settings):
    runner = CliRunner()
    _store(stored_settings, small_graph())
    ok = runner.invoke(main, ["validate", "--data-dir", str(stored_settings.data_dir)])
    assert ok.exit_code == 0, ok.output
    assert "conforms" in ok.output

    _store(stored_settings, _plant(small_graph())[0])
    bad = runner.invoke(main, ["validate", "--data-dir", str(stored_settings.data_dir)])
    assert bad.exit_code == 1
    assert "violation" in bad.output and "pkg:evidence" in bad.output
