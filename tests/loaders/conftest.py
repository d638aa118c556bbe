"""Fixtures for the format tests: every seed saved in every published format, made once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.loaders.samples import SEEDS, docx_document, gov_page, pdf_document, seed_page, to_traditional

#: format -> file suffix of its copies
FORMATS = {"txt": ".txt", "html": ".html", "pdf": ".pdf", "docx": ".docx", "traditional": ".txt"}


def seed_copies(folder: Path, kind: str) -> list[Path]:
    """Write each seed in format ``kind`` into ``folder`` (same stem as the seed)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for seed in sorted(SEEDS.glob("*.txt")):
        spec = seed_page(seed)
        lines = spec.text().splitlines()
        if kind == "txt":
            data = seed.read_bytes()
        elif kind == "html":
            data = gov_page(spec, charset="gb18030" if seed.name.startswith("00" + "2") else "utf-8")
        elif kind == "pdf":
            data = pdf_document(lines, header=(spec.title or lines[0])[:30])
        elif kind == "docx":
            data = docx_document(lines)
        else:
            data = to_traditional(seed.read_text(encoding="utf-8")).encode("utf-8")
        target = folder / (seed.stem + FORMATS[kind])
        target.write_bytes(data)
        out.append(target)
    return out


@pytest.fixture(scope="session")
def copies(tmp_path_factory) -> dict[str, list[Path]]:
    root = tmp_path_factory.mktemp("formats")
    return {kind: seed_copies(root / kind, kind) for kind in FORMATS}
