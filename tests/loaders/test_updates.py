"""Incremental builds: a folder that gained, changed or lost documents gives the graph a fresh build gives."""

from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path

import pytest

from graph.store import open_store
from loaders.build import build
from tests.conftest import settings_for
from tests.loaders.samples import SEEDS, gov_page, seed_page

SEED = {p.name[:3]: p for p in SEEDS.glob("*.txt")}


def export_of(store) -> str:
    return json.dumps(store.export().to_json(), ensure_ascii=False, sort_keys=True)


def fresh_export(folder: Path, data_dir: Path) -> str:
    settings = settings_for(data_dir)
    report = build([folder], settings)
    assert report.ok, report.summary()
    store = open_store(settings)
    try:
        return export_of(store)
    finally:
        store.close()


@pytest.fixture()
def store_and_settings(tmp_path):
    settings = settings_for(tmp_path / "data")
    store = open_store(settings)
    yield store, settings
    store.close()


def test_add_change_remove_equals_a_fresh_build(tmp_path, store_and_settings):
    store, settings = store_and_settings
    folder = tmp_path / "docs"
    folder.mkdir()
    for key in ("001", "003", "004"):
        shutil.copy(SEED[key], folder)
    first = build([folder], settings, store=store)
    assert sorted(first.added) == sorted(SEED[k].name for k in ("001", "003", "004"))

    # gain a page, change a text, lose a document
    (folder / "002.html").write_bytes(gov_page(seed_page(SEED["002"])))
    changed = folder / SEED["001"].name
    changed.write_text(changed.read_text(encoding="utf-8").replace("统筹科学智算高效供给", "统筹科学智算集约供给"),
                       encoding="utf-8")
    (folder / SEED["003"].name).unlink()
    report = build([folder], settings, prune=True, store=store)
    assert report.added == ["002.html"]
    assert report.changed == [SEED["001"].name]
    assert report.removed == [SEED["003"].name]
    assert report.unchanged == [SEED["004"].name]
    assert "removed: " + SEED["003"].name in report.summary()

    incremental = export_of(store)
    assert "统筹科学智算集约供给" in incremental and "统筹科学智算高效供给" not in incremental
    assert SEED["003"].name not in incremental
    assert incremental == fresh_export(folder, tmp_path / "fresh")


def test_without_prune_a_removed_document_stays(tmp_path, store_and_settings):
    store, settings = store_and_settings
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED["001"], folder)
    shutil.copy(SEED["003"], folder)
    build([folder], settings, store=store)
    (folder / SEED["003"].name).unlink()
    assert build([folder], settings, store=store).removed == []
    assert SEED["003"].name in export_of(store)


def test_shared_agency_stays_while_a_document_names_it(tmp_path, store_and_settings):
    store, settings = store_and_settings
    folder = tmp_path / "docs"
    folder.mkdir()
    text = SEED["001"].read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("行动计划", "实施方案", 2), encoding="utf-8")
    build([folder], settings, store=store)

    def agency_sources() -> list[str] | None:
        rows = store.read("MATCH (a:Agency {name: $name}) RETURN a.sources AS sources, a.source AS source",
                          {"name": "浙江省科学技术厅"}).records()
        if not rows:
            return None
        return sorted(rows[0]["sources"] or [rows[0]["source"]])

    assert agency_sources() == ["a.txt", "b.txt"]
    (folder / "b.txt").unlink()
    build([folder], settings, prune=True, store=store)
    assert agency_sources() == ["a.txt"]
    (folder / "a.txt").unlink()
    build([folder], settings, prune=True, store=store)
    assert agency_sources() is None


def test_a_document_that_turns_unreadable_leaves_nothing_behind(tmp_path, store_and_settings):
    store, settings = store_and_settings
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED["001"], folder / "plan.txt")
    build([folder], settings, store=store)
    (folder / "plan.txt").write_bytes(b" \n")
    report = build([folder], settings, store=store)
    assert [source for source, _ in report.failed] == ["plan.txt"]
    assert "plan.txt" not in export_of(store)


def test_watch_follows_the_folder_and_stops(tmp_path):
    from loaders.watch import watch

    settings = settings_for(tmp_path / "data", watch_debounce_ms=100, watch_force_polling=True,
                            watch_poll_interval_ms=100)
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED["001"], folder)
    reports = []
    stop = threading.Event()
    store = open_store(settings)
    thread = threading.Thread(target=watch, args=([folder], settings),
                              kwargs={"on_report": reports.append, "stop": stop, "store": store})
    thread.start()
    try:
        def wait_for(condition, seconds=60.0):
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and not condition():
                time.sleep(0.1)
            assert condition(), [r.summary() for r in reports]

        wait_for(lambda: len(reports) == 1)
        assert reports[0].added == [SEED["001"].name]
        (folder / "notes.tmp").write_text("not a document", encoding="utf-8")
        shutil.copy(SEED["004"], folder)
        wait_for(lambda: any(r.added == [SEED["004"].name] for r in reports))
        (folder / SEED["001"].name).unlink()
        wait_for(lambda: any(r.removed == [SEED["001"].name] for r in reports))
        assert SEED["001"].name not in export_of(store)
        assert SEED["004"].name in export_of(store)
    finally:
        stop.set()
        thread.join(timeout=30)
        store.close()
    assert not thread.is_alive()


def test_watch_command_stops_cleanly_on_ctrl_c(tmp_path):
    import signal
    import subprocess
    import sys

    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED["003"], folder)
    process = subprocess.Popen(
        [sys.executable, "-m", "queries.cli", "build", "--watch", str(folder), "--data-dir", str(tmp_path / "data")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
    try:
        first = process.stdout.readline()  # the first build's summary
        assert first.startswith("added 1,"), first
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "stopped watching" in err
