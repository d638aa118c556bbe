"""Tables written as Markdown pipe rows (the HTML and DOCX readers write tables so).

Plans carry two kinds of table the rules read: a 责任分工 annex (task | 牵头单位 |
配合单位, read by ``responsibility``) and a 主要指标 box (indicator | 2022年 | 2025年,
read by ``indicators``).
"""

from __future__ import annotations

import re
from itertools import pairwise

from loaders.document import Document, Span
from loaders.layout import Line


def pipe_tables(doc: Document, lines: list[Line]) -> list[list[list[Span]]]:
    """Consecutive pipe rows, each row a list of cell spans; separator rows (| --- |) skipped."""
    tables: list[list[list[Span]]] = []
    current: list[list[Span]] = []
    previous = None
    for line in lines:
        text = line.text
        continued = bool(current) and previous is not None and line.index == previous + 1 and " | " in text
        if not (is_pipe_row(text) or continued):  # a row the page cuts short still continues its table
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
        current.append([doc.span(line.start + a, line.start + b).strip(" 　") for a, b in cell_ranges(text)])
    if current:
        tables.append(current)
    return [t for t in tables if len(t) >= 2]


def is_pipe_row(text: str) -> bool:
    """| a | b | c | as the readers write it, or a b c joined by " | " as a flattened page prints it."""
    return (text.startswith("|") and text.count("|") >= 3) or text.count(" | ") >= 2


def cell_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a pipe row, outer pipes dropped."""
    bounds = [m.start() for m in re.finditer(r"\|", text)]
    edges = [-1, *bounds, len(text)]
    ranges = [(a + 1, b) for a, b in pairwise(edges)]
    if text.startswith("|"):
        ranges = ranges[1:]
    if text.rstrip().endswith("|"):
        ranges = ranges[:-1]
    return ranges


def main_cell(text: str) -> tuple[int, int] | None:
    """The cell of a pipe row that holds its text (the most Chinese characters), or None."""
    if not is_pipe_row(text) and " | " not in text:
        return None
    return max(cell_ranges(text), key=lambda r: len(re.findall(r"[\u4e00-\u9fff]", text[r[0]:r[1]])))
