"""The synthetic corpus: reproducible to the byte, every layout present, and it loads."""

from __future__ import annotations

import json

import pytest

from bench.corpus import LAYOUT_WEIGHTS, document, write_corpus
from loaders.build import build
from loaders.read import read_document
from tests.conftest import settings_for


def files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_same_n_and_seed_give_byte_identical_files(tmp_path):
    write_corpus(25, tmp_path / "a", seed=7)
    write_corpus(25, tmp_path / "b", seed=7)
    assert files(tmp_path / "a") == files(tmp_path / "b")


def test_another_seed_gives_other_documents_and_a_larger_corpus_starts_with_the_smaller(tmp_path):
    assert document(1, 3)[1] != document(2, 3)[1]
    write_corpus(12, tmp_path / "small", seed=5)
    write_corpus(30, tmp_path / "large", seed=5)
    small, large = files(tmp_path / "small"), files(tmp_path / "large")
    assert all(large[name] == data for name, data in small.items() if name != "manifest.jsonl")


def test_no_two_documents_share_a_title(tmp_path):
    written = write_corpus(400, tmp_path, seed=2)
    assert len({w.title for w in written}) == len(written)


def test_every_layout_is_written_with_traditional_script_and_other_encodings(tmp_path):
    written = write_corpus(120, tmp_path, seed=0)
    assert {w.layout for w in written} == set(LAYOUT_WEIGHTS)
    assert any(w.traditional for w in written)
    assert {"utf-8", "gb18030"} <= {w.encoding for w in written}
    assert len({w.region for w in written}) > 60
    manifest = [json.loads(line) for line in (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [m["file"] for m in manifest] == [w.file for w in written]
    for w in written[:40]:
        text = read_document(tmp_path / w.file).text
        assert abs(len(text) - w.chars) <= text.count("\n")  # CRLF files read back with LF
        assert "\ufffd" not in text


@pytest.mark.parametrize("layout", sorted(LAYOUT_WEIGHTS))
def test_a_document_of_each_layout_builds_with_its_measures(tmp_path, layout):
    number = next(n for n in range(200) if document(3, n)[2].layout == layout)
    name, data, info = document(3, number)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / name).write_bytes(data)
    settings = settings_for(tmp_path / "data")
    report = build([tmp_path / "docs"], settings)
    assert report.ok, report.summary()
    # the layout is read as policy text with its numbered items (not all of them: the extractor's
    # misses at scale are what bench/RESULTS.md section 7 is for)
    assert 0.9 * info.items <= report.counts["nodes"]["Measure"] <= info.items
