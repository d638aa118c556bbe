"""docs/scale.md quotes the benchmark's headline figures exactly as bench/RESULTS.md holds them."""

from __future__ import annotations

from bench.report import END, SECTION_END, SECTION_START, START
from tests.conftest import ROOT


def block(text: str) -> str:
    assert START in text and END in text
    return text.split(START, 1)[1].split(END, 1)[0].strip()


def test_the_scale_page_headline_figures_are_the_ones_results_md_holds():
    results = (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    page = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
    assert SECTION_START in results and SECTION_END in results
    figures = block(results)
    assert "| figure | result | goal |" in figures
    assert block(page) == figures


def test_every_headline_figure_is_measured():
    figures = block((ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8"))
    for row in ("jieba segmentation", "UNWIND", "RDF export", "growth exponent", "added by HTTP",
                "concurrent clients"):
        line = next(line for line in figures.splitlines() if row in line)
        assert "pending" not in line, line
