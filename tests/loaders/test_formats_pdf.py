"""PDFs read back into the document's paragraphs: headers, footers and page numbers gone."""

from __future__ import annotations

import io
import itertools
import re

import pytest

from graph.errors import SourceError
from loaders.read import read_document
from tests.loaders.samples import SEEDS, pdf_document, scanned_pdf, seed_page

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def lines_of(text: str) -> list[str]:
    return [re.sub(r"\s+", "", line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_pdf_gives_the_document_paragraphs(tmp_path, seed):
    spec = seed_page(seed)
    lines = spec.text().splitlines()
    header = "广东省人民政府办公厅文件"
    path = tmp_path / (seed.stem + ".pdf")
    path.write_bytes(pdf_document(lines, header=header))
    raw = read_document(path)
    assert raw.format == "pdf"
    assert lines_of(raw.text) == lines_of(spec.text())
    assert header not in raw.text
    assert not re.search(r"—\s*\d+\s*—", raw.text)


def test_a_measure_split_by_a_page_break_is_one_paragraph(tmp_path):
    import pdfplumber

    seed = next(p for p in SEED_FILES if p.name.startswith("001"))
    lines = seed_page(seed).text().splitlines()
    data = pdf_document(lines, header="浙江省科学技术厅", lines_per_page=17)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [page.extract_text() for page in pdf.pages]
    # find a paragraph that really runs over a page break in this PDF
    flat = [re.sub(r"\s", "", page) for page in pages]
    split = [line for line in (re.sub(r"\s", "", x) for x in lines) if len(line) > 60 and any(
        line[:12] in a and line[-12:] in b and line[-12:] not in a for a, b in itertools.pairwise(flat))]
    assert split, "the sample must put a page break inside a paragraph"
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    got = lines_of(read_document(path).text)
    for paragraph in split:
        assert paragraph in got


def test_scanned_pdf_needs_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    with pytest.raises(SourceError) as info:
        read_document(path)
    assert info.value.source == "scan.pdf"
    assert "no text layer" in info.value.reason and "OCR" in info.value.reason


def test_password_protected_pdf_is_named(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(pdf_document(["关于印发行动方案的通知", "各市人民政府：现将行动方案印发给你们，请认真贯彻执行。"],
                                  password="secret"))
    with pytest.raises(SourceError) as info:
        read_document(path)
    assert info.value.source == "locked.pdf"
    assert "password" in info.value.reason


def test_truncated_pdf_is_named(tmp_path):
    seed = next(p for p in SEED_FILES if p.name.startswith("003"))
    data = pdf_document(seed_page(seed).text().splitlines())
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(SourceError) as info:
        read_document(path)
    assert info.value.source == "cut.pdf"


def test_pdf_that_forbids_copying_is_still_read(tmp_path):
    seed = next(p for p in SEED_FILES if p.name.startswith("001"))
    spec = seed_page(seed)
    path = tmp_path / "no-copy.pdf"
    path.write_bytes(pdf_document(spec.text().splitlines(), header="浙江省科学技术厅", no_copying=True))
    assert lines_of(read_document(path).text) == lines_of(spec.text())
