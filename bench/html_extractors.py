#!/usr/bin/env python3
"""Which main-content extractor serves government pages best?

    pip install -e '.[bench]' && python bench/html_extractors.py

Each seed becomes government-site pages (``tests/loaders/samples.py``: menus,
search box, breadcrumb, 索引号 table or list, byline, share buttons, previous/
next links, related articles, footer) in three body styles: editor
paragraphs with bold headings, the 信息公开 list layout, and an older site's
single ``div`` with ``<br>`` between paragraphs; the last two again with a
热门资讯 column whose items carry a sentence of summary each (chrome that
reads like prose). Every candidate's main
content is turned into lines the same way, then scored:

- body recall: share of the document's lines found as whole lines;
- in order: pages whose lines all come out, in the document's order;
- chrome lines: pieces of site chrome found in the text (fewer is better);
- ms/page: extraction time.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.formats.html import drop_titled_boxes, main_lines, render  # noqa: E402
from loaders.formats.lines import squash  # noqa: E402
from tests.loaders.samples import RELATED, SEEDS, TEASERS, gov_page, seed_page  # noqa: E402

CHROME = ["当前位置", "分享到", "政务公开", "请输入要搜索的内容", "版权所有", "网站标识码", "上一篇", "下一篇",
          "相关文章", "扫一扫", "【打印】", "网站地图", "热门资讯", "召开新闻发布会", *RELATED, *TEASERS]
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "dd", "dt", "pre", "blockquote"}


def block_lines(fragment) -> list[str]:
    """Lines of an HTML element: one per block element or ``<br>``-separated run."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = squash("".join(current))
        if text:
            out.append(text)
        current.clear()

    def walk(node) -> None:
        if not isinstance(node.tag, str) or node.tag in ("script", "style"):
            return
        block = node.tag in BLOCKS or node.tag == "div"
        if block:
            flush()
        current.append(node.text or "")
        for child in node:
            if child.tag == "br":
                flush()
            else:
                walk(child)
            current.append(child.tail or "")
        if block:
            flush()

    walk(fragment)
    flush()
    return out


def trafilatura_with(prune_boxes: bool = False, **options):
    def run(page: str) -> list[str]:
        import trafilatura
        from lxml import html

        tree = html.document_fromstring(page)
        if prune_boxes:
            drop_titled_boxes(tree)
        doc = trafilatura.bare_extraction(tree, include_tables=True, include_formatting=False,
                                          include_comments=False, with_metadata=False, **options)
        return render(doc.body) if doc is not None and doc.body is not None else []
    return run


def readability(page: str) -> list[str]:
    from lxml import html
    from readability import Document

    return block_lines(html.fragment_fromstring(Document(page).summary(html_partial=True)))


def justext_lines(page: str) -> list[str]:
    import justext

    # no Chinese stoplist exists: the language-independent mode (length and link density only)
    paragraphs = justext.justext(page.encode("utf-8"), frozenset(), encoding="utf-8",
                                 stopwords_low=0, stopwords_high=0)
    return [squash(p.text) for p in paragraphs if not p.is_boilerplate]


def densest_block(page: str) -> list[str]:
    """Baseline with selectolax: the element whose own paragraphs hold the most text."""
    from lxml import html
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page)
    best, best_len = None, 0
    for node in tree.css("div, article, section, td"):
        own = sum(len(child.text(deep=True).strip()) for child in node.iter(include_text=True)
                  if child.tag in ("p", "-text"))
        if own > best_len:
            best, best_len = node, own
    return block_lines(html.fragment_fromstring(best.html)) if best is not None else []


CANDIDATES = {
    "trafilatura (favor_recall) + titled boxes out [used]": trafilatura_with(prune_boxes=True, favor_recall=True),
    "trafilatura (favor_recall)": trafilatura_with(favor_recall=True),
    "trafilatura (default)": trafilatura_with(),
    "trafilatura (favor_precision)": trafilatura_with(favor_precision=True),
    "readability-lxml": readability,
    "jusText (no stoplist)": justext_lines,
    "selectolax densest block": densest_block,
}


def norm(line: str) -> str:
    return re.sub(r"[\s#\-|]", "", line)


def pages():
    for seed in sorted(SEEDS.glob("*.txt")):
        spec = seed_page(seed)
        for style, options in (("p+table", {}), ("p+list", {"meta_layout": "list"}), ("br", {"body_style": "br"}),
                               ("p+teasers", {"teasers": True}), ("br+teasers", {"body_style": "br", "teasers": True})):
            yield f"{seed.name[:3]} {style}", spec, gov_page(spec, **options).decode("utf-8")


def measure(name: str, run) -> str:
    found = total = ordered = chrome = 0
    seconds = 0.0
    all_pages = list(pages())
    for _label, spec, page in all_pages:
        started = time.perf_counter()
        try:
            lines = run(page)
        except ImportError as exc:
            return f"{name:<54}not installed ({exc.name}): pip install -e '.[bench]'"
        except Exception:
            lines = []
        seconds += time.perf_counter() - started
        got = [norm(x) for x in lines]
        want = [norm(x) for x in spec.body]
        found += sum(1 for w in want if w in got)
        total += len(want)
        positions = [got.index(w) for w in want if w in got]
        ordered += len(positions) == len(want) and positions == sorted(positions)
        text = "\n".join(lines)
        chrome += sum(1 for c in CHROME if c in text)
    count = len(all_pages)
    return (f"{name:<54}{found / total:>12.3f}{ordered:>6}/{count:<3}{chrome:>8}"
            f"{1000 * seconds / count:>9.1f}")


def main() -> None:
    assert main_lines  # the reader's own entry point is the first candidate's code path
    print(f"{'extractor':<54}{'body recall':>12}{'in order':>10}{'chrome':>8}{'ms/page':>9}")
    for name, run in CANDIDATES.items():
        print(measure(name, run), flush=True)


if __name__ == "__main__":
    main()
