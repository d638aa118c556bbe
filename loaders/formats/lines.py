"""The text shape every reader gives: one paragraph per line, Markdown marks for structure.

The extractor reads lines, so each reader renders its format into the same
small Markdown: a heading is ``#``-marked on its own line, a list item starts
with ``- ``, and a table is pipe rows with the header row first (so a
责任分工 annex reads as ``| 序号 | 重点任务 | 牵头单位 | 配合单位 |``, one row a
line, each cell's text kept whole).
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2002\u2003\u2009\u3000]+")
#: the number marks that open a heading or a measure in Chinese official documents
HEADING_MARK = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|"
    r"\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[）)]|[①-⑳]|第[一二三四五六七八九十百零\d]+[章节条部分篇]|"
    r"附件\s*\d*\s*[：:]?$|专栏\s*\d+)")


def squash(text: str) -> str:
    """One paragraph's text on one line: runs of blanks and line breaks become one space."""
    return _SPACES.sub(" ", text).strip()


def table_lines(rows: list[list[str]]) -> list[str]:
    """Pipe rows, header first, then the Markdown separator row.

    >>> table_lines([["序号", "重点任务", "牵头单位"], ["1", "建设算力", "省发展改革委"]])
    ['| 序号 | 重点任务 | 牵头单位 |', '| --- | --- | --- |', '| 1 | 建设算力 | 省发展改革委 |']
    """
    rows = [[squash(cell).replace("|", "｜") for cell in row] for row in rows if any(c.strip() for c in row)]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    out = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    out += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return out


def cjk_count(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
