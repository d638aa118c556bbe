"""Word files read with the numbers Word generates, and tables as pipe rows."""

from __future__ import annotations

import io
import re
import shutil
import zipfile

import pytest

from graph.errors import SourceError
from loaders.formats.numbering import chinese_counting, format_number
from loaders.read import read_document
from tests.loaders.samples import SEEDS, docx_document, seed_page

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def lines_of(text: str) -> list[str]:
    return [re.sub(r"\s+", "", line) for line in text.splitlines() if line.strip()]


def document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_docx_gives_the_document_with_its_automatic_numbers(tmp_path, seed):
    spec = seed_page(seed)
    data = docx_document(spec.text().splitlines())
    path = tmp_path / (seed.stem + ".docx")
    path.write_bytes(data)
    raw = read_document(path)
    assert raw.format == "docx"
    assert lines_of(raw.text) == lines_of(spec.text())


def test_numbers_live_in_numbering_xml_and_run_on_across_sections(tmp_path):
    seed = next(p for p in SEED_FILES if p.name.startswith("001"))
    data = docx_document(seed_page(seed).text().splitlines())
    xml = document_xml(data)
    assert "统筹科学智算高效供给" in xml and "（一）统筹" not in xml and "二、强化" not in xml
    path = tmp_path / "plan.docx"
    path.write_bytes(data)
    text = read_document(path).text
    # 001 numbers its measures （一）…（十三） across sections: （四） follows 三、, not （一）
    assert "三、深化领域场景应用\n（四）赋能人工智能领域科学研究" in text
    assert "（十三）建立全过程治理监管体系" in text


def test_levels_restart_under_a_new_parent(tmp_path):
    lines = ["一、总体要求", "（一）发展思路", "（二）行动目标", "二、重点任务", "（一）建设算力", "1.建设智算中心",
             "2.建设数据中心", "（二）培育产业", "1.培育企业"]
    path = tmp_path / "restart.docx"
    path.write_bytes(docx_document(lines))
    assert "一、" not in document_xml(path.read_bytes())
    assert lines_of(read_document(path).text) == lines


def test_table_rows_keep_header_and_cells(tmp_path):
    rows = [["序号", "重点任务", "牵头单位", "配合单位"],
            ["1", "建设智能算力中心", "省发展改革委", "省科技厅、省工业和信息化厅"],
            ["2", "培育人工智能企业 | 集群", "省工业和信息化厅", ""]]
    path = tmp_path / "annex.docx"
    path.write_bytes(docx_document(["附件", "重点任务分工表"], tables=[rows]))
    text = read_document(path).text.splitlines()
    assert text[2:] == ["| 序号 | 重点任务 | 牵头单位 | 配合单位 |", "| --- | --- | --- | --- |",
                        "| 1 | 建设智能算力中心 | 省发展改革委 | 省科技厅、省工业和信息化厅 |",
                        "| 2 | 培育人工智能企业 ｜ 集群 | 省工业和信息化厅 |  |"]


def test_a_cell_merged_down_repeats_on_each_row(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["重点任务", "牵头单位", "配合单位"], ["建设算力", "省发展改革委", "省科技厅"],
                             ["建设数据", "", "省数据局"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 1).merge(table.cell(2, 1))
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "merged.docx"
    path.write_bytes(buffer.getvalue())
    lines = read_document(path).text.splitlines()
    assert lines[-2:] == ["| 建设算力 | 省发展改革委 | 省科技厅 |", "| 建设数据 | 省发展改革委 | 省数据局 |"]


def test_number_formats():
    assert [chinese_counting(n) for n in (1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110)] == [
        "一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十"]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(4, "upperRoman") == "IV"
    assert format_number(2, "ideographTraditional") == "乙"


def test_corrupt_docx_is_reported_by_name(tmp_path):
    seed = next(p for p in SEED_FILES if p.name.startswith("003"))
    data = docx_document(seed_page(seed).text().splitlines())
    path = tmp_path / "broken.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(SourceError) as info:
        read_document(path)
    assert info.value.source == "broken.docx"
    assert "damaged" in info.value.reason


@pytest.mark.skipif(shutil.which("soffice") is not None, reason="LibreOffice converts .doc files here")
@pytest.mark.parametrize("name", ["notice.doc", "notice.wps"])
def test_legacy_word_without_libreoffice_asks_for_docx(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    with pytest.raises(SourceError) as info:
        read_document(path)
    assert info.value.source == name
    assert "convert it to DOCX" in info.value.reason
