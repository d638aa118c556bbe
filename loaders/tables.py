"""Tables written as Markdown pipe rows (the HTML and DOCX readers write tables so).

Plans carry two kinds of table the rules read: a 责任分工 annex (task | 牵头单位 |
配合单位, read by ``responsibility``) and a 主要指标 box (indicator | 2022年 | 2025年,
read by ``indicators``).
"""

from __future__ import annotations

import re

from loaders.document import Document, Span
from loaders.layout import Line


def pipe_tables(doc: Document, lines: list[Line]) -> list[list[list[Span]]]:
    """Consecutive pipe rows, each row a list of cell spans; separator rows (| --- |) skipped."""
    tables: list[list[list[Span]]] = []
    current: list[list[Span]] = []
    previous = None
    for line in lines:
        text = line.text
        if not (text.startswith("|") and text.count("|") >= 3):
            if current:
                tables.append(current)
            current, previous = [], None
            continue
        if previous is not None and line.index != previous + 1 and current:
            tables.append(current)
            current = []
        previous = line.index
        if re.fullmatch(r"[|\s:\-—]+", text):
            continue
        cells, begin = [], 1
        for match in re.finditer(r"\|", text[1:]):
            end = 1 + match.start()
            cells.append(doc.span(line.start + begin, line.start + end).strip(" "))
            begin = end + 1
        current.append(cells)
    if current:
        tables.append(current)
    return [t for t in tables if len(t) >= 2]
