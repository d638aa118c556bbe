"""The issue's bar: each published format of a seed scores on the gold as its plain text does.

Every seed is saved as a government web page, a PDF, a Word file and a
Traditional-script repost; each set is extracted and scored with the shared
gold scorer (``tests/gold``), category by category, against the score of the
seed texts themselves.
"""

from __future__ import annotations

import pytest

from graph.model import merge_documents
from loaders.build import extract_file
from tests.loaders.gold_formats import scores
from tests.loaders.samples import SEEDS, docx_document, seed_page

TOLERANCE = 0.02


def _scores(files, script="simplified") -> dict[str, float]:
    export = merge_documents(extract_file(f) for f in files).to_json()
    return scores(export, {f.stem: f.name for f in files}, script)


@pytest.fixture(scope="module")
def text_scores(copies):
    return _scores(copies["txt"])


@pytest.mark.parametrize("kind", ["html", "pdf", "docx", "traditional"])
def test_each_format_scores_as_the_plain_text(copies, text_scores, kind):
    script = "traditional" if kind == "traditional" else "simplified"
    got = _scores(copies[kind], script)
    assert set(got) == set(text_scores)
    worse = {cat: (round(got[cat], 3), round(f1, 3)) for cat, f1 in text_scores.items()
             if abs(got[cat] - f1) > TOLERANCE}
    assert not worse, f"{kind}: categories off by more than {TOLERANCE} (format, text): {worse}"


def test_the_plain_text_scores_are_not_trivial(text_scores):
    # the comparison above means something only if the text version finds most of the gold
    assert text_scores["measures"] > 0.8 and text_scores["responsible"] > 0.8


def responsibility_annex(tmp_path):
    """Seed 001 with its （责任单位：…） brackets moved into a 责任分工 annex table, as Word attachments print it."""
    import re

    seed = next(SEEDS.glob("001_*.txt"))
    lines = seed_page(seed).text().splitlines()
    rows = [["序号", "重点任务", "责任单位"]]
    body = []
    current = None
    for line in lines:
        heading = re.match(r"^（([一二三四五六七八九十]+)）(.+)$", line)
        if heading:
            current = heading.group(2)
        bracket = re.search(r"（责任单位：([^）]+)）", line)
        if bracket and current:
            rows.append([str(len(rows)), current, bracket.group(1)])
            line = line.replace(bracket.group(0), "")
        body.append(line)
    body.append("附件")
    body.append("重点任务责任分工表")
    path = tmp_path / (seed.stem + ".docx")
    path.write_bytes(docx_document(body, tables=[rows]))
    return path, len(rows) - 1


def test_responsibility_table_gives_the_responsibilities(tmp_path):
    """The annex table must give the same RESPONSIBLE_FOR links as the brackets (the extractor's table rule)."""
    path, count = responsibility_annex(tmp_path)
    assert count == 13
    got = _scores([path])
    text = _scores([next(SEEDS.glob("001_*.txt"))])
    for cat in ("measures", "responsible", "roles"):
        assert got[cat] >= text[cat] - TOLERANCE, (cat, got[cat], text[cat])
