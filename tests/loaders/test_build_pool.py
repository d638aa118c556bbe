"""A build on every core gives the graph of a serial build, byte for byte in the JSON export."""

from __future__ import annotations

import io

from bench.corpus import write_corpus
from graph.export_json import write_json
from loaders.build import MIN_DOCUMENTS_PER_WORKER, build
from tests.conftest import SEEDS, settings_for


def test_a_parallel_build_exports_the_bytes_of_a_serial_one(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(2 * MIN_DOCUMENTS_PER_WORKER, corpus, seed=3)
    inputs = [corpus, SEEDS]
    exports, reports = [], []
    for workers in (1, 2):
        settings = settings_for(tmp_path / f"data-{workers}", build_workers=workers)
        report = build(inputs, settings)
        out = io.BytesIO()
        write_json(settings, out)
        exports.append(out.getvalue())
        reports.append(report)
    serial, parallel = reports
    assert serial.ok and parallel.ok, parallel.summary()
    assert (parallel.added, parallel.counts) == (serial.added, serial.counts), "the same report, in file order"
    assert len(parallel.added) >= 2 * MIN_DOCUMENTS_PER_WORKER, "enough documents for the pool to start"
    assert exports[0] == exports[1]


def test_a_document_failing_in_a_worker_is_reported_and_the_others_load(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(2 * MIN_DOCUMENTS_PER_WORKER, corpus, seed=4)
    (corpus / "empty.txt").write_bytes(b"")
    report = build([corpus], settings_for(tmp_path / "data", build_workers=2))
    assert [source for source, _ in report.failed] == ["empty.txt"]
    assert "empty" in report.failed[0][1]
    assert len(report.added) == 2 * MIN_DOCUMENTS_PER_WORKER
