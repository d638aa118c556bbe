"""A folder of mixed formats builds; each file that cannot be read is named with its reason."""

from __future__ import annotations

import json

from graph.store import open_store
from loaders.build import build
from tests.conftest import settings_for
from tests.loaders.samples import (
    SEEDS,
    docx_document,
    gov_page,
    no_policy_page,
    pdf_document,
    scanned_pdf,
    seed_page,
    to_traditional,
)

SEED = {p.name[:3]: p for p in SEEDS.glob("*.txt")}


def test_mixed_folder_loads_and_names_each_failure(tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    lines = seed_page(SEED["004"]).text().splitlines()
    (folder / "gd-2024-88.html").write_bytes(gov_page(seed_page(SEED["004"]), charset="gb18030"))
    (folder / "zj-ai-science.pdf").write_bytes(pdf_document(seed_page(SEED["001"]).text().splitlines(),
                                                            header="浙江省科学技术厅"))
    (folder / "gd-ai-2022.docx").write_bytes(docx_document(seed_page(SEED["002"]).text().splitlines()))
    (folder / "guangming-repost.txt").write_text(to_traditional(SEED["003"].read_text(encoding="utf-8")),
                                                 encoding="utf-8")
    (folder / "scan.pdf").write_bytes(scanned_pdf())
    (folder / "locked.pdf").write_bytes(pdf_document(lines[:5], password="secret"))
    broken = docx_document(lines)
    (folder / "broken.docx").write_bytes(broken[: len(broken) // 2])
    (folder / "column-index.html").write_bytes(no_policy_page())

    settings = settings_for(tmp_path / "data")
    report = build([folder], settings)
    failed = dict(report.failed)
    assert set(failed) == {"scan.pdf", "locked.pdf", "broken.docx", "column-index.html"}
    assert "OCR" in failed["scan.pdf"]
    assert "password" in failed["locked.pdf"]
    assert "damaged" in failed["broken.docx"]
    assert "no policy text" in failed["column-index.html"]
    assert sorted(report.added) == ["gd-2024-88.html", "gd-ai-2022.docx", "guangming-repost.txt", "zj-ai-science.pdf"]
    for name in failed:
        assert f"FAILED {name}: " in report.summary()

    store = open_store(settings)
    try:
        plans = store.read("MATCH (p:Plan) WHERE p.cited_only = false RETURN p.source AS source, p.doc_number AS n, "
                           "p.index_number AS i").records()
        export = json.dumps(store.export().to_json(), ensure_ascii=False)
    finally:
        store.close()
    assert sorted(r["source"] for r in plans) == sorted(report.added)
    page = next(r for r in plans if r["source"] == "gd-2024-88.html")
    assert page["n"] == "粤办函〔2024〕88号" and page["i"] == "006939748/2024-00230"
    for name in failed:
        assert name not in export
