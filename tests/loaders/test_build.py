"""Building: same input same graph, order does not matter, changes replace, bad files are named."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from graph.export_json import export_graph
from loaders.build import build
from tests.conftest import ROOT, SEEDS, settings_for

ZJ = "001_9452594fd49a0dfd.txt"
GD = "004_5aacd94c7d0fa2a4.txt"


def exported(settings) -> dict:
    return export_graph(settings).to_json()


def copy(names, folder):
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(SEEDS / name, folder / name)
    return folder


def test_building_twice_gives_an_identical_export(tmp_path):
    settings = settings_for(tmp_path / "data")
    build([SEEDS], settings)
    first = json.dumps(exported(settings), ensure_ascii=False, sort_keys=True)
    report = build([SEEDS], settings)
    assert len(report.unchanged) == 5 and not report.added
    assert json.dumps(exported(settings), ensure_ascii=False, sort_keys=True) == first
    other = settings_for(tmp_path / "other")
    build([SEEDS], other)
    assert json.dumps(exported(other), ensure_ascii=False, sort_keys=True) == first


def test_a_build_of_milliseconds_does_not_report_zero_seconds():
    """An incremental build on a running server takes tens of milliseconds; "in 0.0 s" read as
    if nothing had been timed. Under a second the report counts milliseconds."""
    from loaders.build import BuildReport

    assert BuildReport(seconds=0.004).summary().splitlines()[0].endswith(" in 4 ms")
    assert BuildReport(seconds=0.0001).summary().splitlines()[0].endswith(" in 1 ms")
    assert BuildReport(seconds=73.25).summary().splitlines()[0].endswith(" in 73.2 s")


def test_a_then_b_equals_a_and_b_together(tmp_path):
    one, two = copy([ZJ], tmp_path / "a"), copy([GD, "002_fc7a8ccc6f5b5ad3.txt"], tmp_path / "b")
    stepwise = settings_for(tmp_path / "s1")
    build([two], stepwise)
    build([one], stepwise)
    together = settings_for(tmp_path / "s2")
    build([one, two], together)
    assert exported(stepwise) == exported(together)


def test_a_changed_document_replaces_what_it_contributed(tmp_path):
    folder = copy([ZJ], tmp_path / "docs")
    settings = settings_for(tmp_path / "data")
    build([folder], settings)
    path = folder / ZJ
    path.write_text(path.read_text(encoding="utf-8").replace("统筹科学智算高效供给", "统筹科研智算资源供给"),
                    encoding="utf-8")
    report = build([folder], settings)
    assert report.changed == [ZJ]
    titles = [n["properties"].get("title") for n in exported(settings)["nodes"] if n["labels"] == ["Measure"]]
    assert "统筹科研智算资源供给" in titles and "统筹科学智算高效供给" not in titles


def test_a_removed_document_is_pruned_and_shared_entities_stay(tmp_path):
    folder = copy([GD, "002_fc7a8ccc6f5b5ad3.txt"], tmp_path / "docs")
    settings = settings_for(tmp_path / "data")
    build([folder], settings)
    (folder / GD).unlink()
    report = build([folder], settings, prune=True)
    assert report.removed == [GD]
    graph = exported(settings)
    assert not any(GD in json.dumps(n["properties"], ensure_ascii=False) for n in graph["nodes"]
                   if n["labels"] == ["Measure"])
    # 鹏城实验室 was named by both documents: it stays, now with one source
    lab = next(n for n in graph["nodes"] if n["properties"].get("name") == "鹏城实验室")
    assert lab["properties"]["sources"] == ["002_fc7a8ccc6f5b5ad3.txt"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_every_encoding_builds_the_same_graph(tmp_path, encoding):
    plain = settings_for(tmp_path / "plain")
    build([copy([ZJ], tmp_path / "p")], plain)
    folder = tmp_path / "e"
    folder.mkdir()
    (folder / ZJ).write_bytes((SEEDS / ZJ).read_text(encoding="utf-8").encode(encoding))
    encoded = settings_for(tmp_path / "encoded")
    report = build([folder], encoded)
    assert report.ok, report.summary()
    assert exported(encoded) == exported(plain)


def test_traditional_script_keeps_its_surface_and_resolves_names_in_simplified(tmp_path):
    from opencc import OpenCC

    folder = tmp_path / "trad"
    folder.mkdir()
    (folder / ZJ).write_text(OpenCC("s2t").convert((SEEDS / ZJ).read_text(encoding="utf-8")), encoding="utf-8")
    settings = settings_for(tmp_path / "data")
    assert build([folder], settings).ok
    graph = exported(settings)
    titles = [n["properties"]["title"] for n in graph["nodes"] if n["labels"] == ["Measure"]]
    assert "統籌科學智算高效供給" in titles
    agencies = {n["properties"]["name"] for n in graph["nodes"] if n["labels"] == ["Agency"]}
    assert {"浙江省发展和改革委员会", "浙江省科学技术厅", "之江实验室"} <= agencies


def test_broken_files_are_named_and_the_rest_still_loads(tmp_path):
    folder = copy([ZJ], tmp_path / "docs")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_text("")
    (folder / "chitchat.txt").write_text("今天天气很好，我们去公园散步吧。", encoding="utf-8")
    settings = settings_for(tmp_path / "data")
    report = build([folder], settings)
    failed = dict(report.failed)
    assert set(failed) == {"binary.txt", "empty.txt", "chitchat.txt"}
    assert "empty" in failed["empty.txt"]
    assert "policy text" in failed["chitchat.txt"]
    assert report.added == [ZJ]
    plans = [n for n in exported(settings)["nodes"] if n["labels"] == ["Plan"]]
    assert [p["properties"]["source"] for p in plans] == [ZJ]


def test_a_document_that_breaks_later_leaves_nothing_behind(tmp_path):
    folder = copy([ZJ], tmp_path / "docs")
    settings = settings_for(tmp_path / "data")
    build([folder], settings)
    (folder / ZJ).write_bytes(b"\xff\xfe\x00")
    report = build([folder], settings)
    assert [name for name, _ in report.failed] == [ZJ]
    assert exported(settings)["nodes"] == []


def test_cli_build_export_and_stats(tmp_path):
    data = tmp_path / "data"
    folder = copy([ZJ], tmp_path / "docs")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    cli = [sys.executable, "-m", "queries.cli"]
    run = subprocess.run([*cli, "build", str(folder), "--data-dir", str(data)], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert run.returncode == 1, run.stderr
    assert "FAILED broken.txt" in run.stdout and "[2/2]" in run.stderr + run.stdout
    out = tmp_path / "export.json"
    run = subprocess.run([*cli, "export", "--format", "json", "-o", str(out), "--data-dir", str(data)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    graph = json.loads(out.read_text(encoding="utf-8"))
    assert set(graph) == {"nodes", "relationships"}
    assert {"id", "labels", "properties"} == set(graph["nodes"][0])
    assert {"id", "type", "start", "end", "properties"} == set(graph["relationships"][0])
    run = subprocess.run([*cli, "stats", "--json", "--data-dir", str(data)], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    counts = json.loads(run.stdout)
    assert counts["nodes"]["Measure"] == 13 and counts["relationships"]["RESPONSIBLE_FOR"] == 43


def test_default_input_is_the_seed_folder(tmp_path):
    run = subprocess.run([sys.executable, "-m", "queries.cli", "build", "-q", "--data-dir", str(tmp_path / "d")],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("added 5,")
