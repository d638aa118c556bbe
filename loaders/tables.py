"""Tables written as Markdown pipe rows (the HTML and DOCX readers write tables so).

Plans carry two kinds of table the rules read: a 责任分工 annex (task | 牵头单位 |
配合单位, read by ``responsibility``) and a 主要指标 box (indicator | 2022年 | 2025年,
read by ``indicators``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from loaders.document import Document, Span
from loaders.layout import Line
from loaders.lexicon import words


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


# -- 责任分工 tables: which row gives which task to which bodies ----------------------------------------

#: the task column: a specific header first (重点任务, 工作措施, 具体工作), else a general one (内容, 目标)
TASK_HEADERS = (re.compile(r"任务|措施|举措|事项|工作内容|(?:重点|具体|主要)工作|工作(?:安排|要点)"),
                re.compile(r"工作|内容|目标"))
NUMBER_HEADER = re.compile(r"\s*(?:序号|编号)\s*")


@dataclass
class DivisionRow:
    """One task row of a 责任分工 table: its printed number, its task cell and the bodies the row
    names by role (one cell per role column)."""

    number: Span | None
    task: Span
    units: list[tuple[str, Span]]
    evidence: str


def column_role(header: str) -> str | None:
    """The role a column of bodies gives: 牵头单位 lead, 配合单位 support, 责任单位 / 单位名称 / 责任部门
    responsible. A bare 单位 column holds units of measure, and a 建设单位 or 申报单位 column the
    companies of a project list: neither names who answers for a task."""
    if re.search(r"领导|负责人|联系人|时限|计量", header):
        return None  # persons and deadlines, not bodies
    labels = words()["responsibility"]
    if "牵头" in header or any(label in header for label in labels["lead"]):
        return "lead"  # 牵头（责任）单位, 主责部门
    if re.search(r"配合|参与|协同|协助|协办|协作", header):
        return "support"
    if re.search(r"责任|承办|主办|实施(?:主体|单位|部门)|(?:单位|部门)名称|^\s*部门\s*$", header):
        return "responsible"
    return None


def task_column(header: list[str], strict: bool = False) -> int | None:
    """The column that holds the tasks; ``strict`` takes only a header that names tasks (重点任务)."""
    for regex in TASK_HEADERS[:1] if strict else TASK_HEADERS:
        found = next((i for i, h in enumerate(header) if regex.search(h) and not column_role(h)), None)
        if found is not None:
            return found
    return None


def division_rows(doc: Document, lines: list[Line], strict: bool = False) -> list[DivisionRow]:
    """The task rows of every 责任分工 table among ``lines`` (a task column and at least one column of
    bodies). A flattened page keeps only the cells a merged cell did not swallow: a row that prints
    nothing but its task continues the row above and names the same bodies, and in an agency-first
    table (序号 | 单位名称 | 工作任务) an empty body cell is merged with the one above."""
    out: list[DivisionRow] = []
    for table in pipe_tables(doc, lines):
        header = [cell.text for cell in table[0]]
        task = task_column(header, strict)
        roles = {i: column_role(h) for i, h in enumerate(header) if column_role(h)}
        if task is None or not roles:
            continue
        number = next((i for i, h in enumerate(header) if NUMBER_HEADER.fullmatch(h)), None)
        above: dict[int, Span] = {}
        for row in table[1:]:
            filled = [cell for cell in row if cell.text.strip()]
            cell_task = row[task] if len(row) > task and row[task].text.strip() else None
            if cell_task is None and len(filled) == 1 and above and _chinese(filled[0].text) >= 6:
                units = [(roles[i], above[i]) for i in roles if i in above]  # the whole row continues
                out.append(DivisionRow(None, filled[0], units, " | ".join(c.surface for c in row)))
                continue
            if cell_task is None or _chinese(cell_task.text) < 4:
                continue
            units = []
            for i, role in roles.items():
                cell = row[i] if len(row) > i and row[i].text.strip() else None
                if cell is None and i < task:
                    cell = above.get(i)  # a body cell merged downwards over this row
                if cell is not None:
                    above[i] = cell
                    units.append((role, cell))
            num = row[number] if number is not None and len(row) > number and row[number].text.strip() else None
            out.append(DivisionRow(num, cell_task, units, " | ".join(c.surface for c in row)))
    return out


def _chinese(text: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", text))
