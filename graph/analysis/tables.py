"""Rows of plain data as a text table, CSV or JSON: one formatter for the CLI and the API.

Chinese characters take two columns in a terminal, so the text table measures
width with ``unicodedata.east_asian_width`` to keep columns straight. Lists
are joined with "; " in tables and CSV and stay lists in JSON.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Sequence
from typing import Any

FORMATS = ("table", "csv", "json")
#: a cell longer than this is cut in the text table, except in the last column (CSV and JSON keep everything)
MAX_CELL = 40


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, limit: int) -> str:
    if _width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = _width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def columns_of(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> list[str]:
    if columns:
        return list(columns)
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def format_rows(rows: Sequence[dict[str, Any]], fmt: str = "table", columns: Sequence[str] | None = None) -> str:
    """``rows`` in ``fmt`` (table, csv or json), with ``columns`` in that order (default: all).

    >>> print(format_rows([{"agency": "浙江省科学技术厅", "measures": 13}], "table"))
    agency            measures
    ----------------  --------
    浙江省科学技术厅        13
    >>> format_rows([{"a": [1, 2], "b": None}], "csv").splitlines()
    ['a,b', '1; 2,']
    """
    cols = columns_of(rows, columns)
    if fmt == "json":
        return json.dumps([{c: row.get(c) for c in cols} for row in rows], ensure_ascii=False, indent=1)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(cols)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in cols])
        return out.getvalue().rstrip("\n")
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    last = len(cols) - 1
    cells = [[_cell(row.get(c)) if i == last else _clip(_cell(row.get(c)), MAX_CELL) for i, c in enumerate(cols)]
             for row in rows]
    widths = [max([_width(c), *(_width(r[i]) for r in cells)]) for i, c in enumerate(cols)]
    numeric = [all(isinstance(row.get(c), int | float) or row.get(c) is None for row in rows) and rows
               for c in cols]

    def line(values: list[str]) -> str:
        parts = []
        for i, v in enumerate(values):
            pad = " " * (widths[i] - _width(v))
            parts.append(pad + v if numeric[i] else v + pad)
        return "  ".join(parts).rstrip()

    lines = [line(list(cols)), "  ".join("-" * w for w in widths)]
    lines += [line(r) for r in cells]
    return "\n".join(lines)
