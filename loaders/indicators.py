"""Dated goals from an indicator table (专栏 主要指标: 指标 | 单位 | 2022年 | 2025年).

Plans often state their quantified goals in a table rather than in sentences.
Each row is an indicator and each year column a dated value; the first of
several year columns is the base year (a fact, not a goal) unless its header
says 目标. A value keeps its comparator (>, ≥, 以上, 左右) and its unit comes
from a 单位 column or from the indicator's own brackets (人工智能核心产业规模（亿元）).
"""

from __future__ import annotations

import re

from loaders.document import Document
from loaders.layout import Line
from loaders.tables import pipe_tables
from loaders.targets import Goal

YEAR_HEADER = re.compile(r"^(20\d{2})\s*年?\s*(目标值?|预期值?|目标)?")
VALUE = re.compile(r"^\s*(>=|≥|>|＞|≤|<=|<|＜|约|超过|不低于|不少于)?\s*(\d+(?:\.\d+)?)\s*([^\d\s]{0,6}?)\s*"
                   r"(以上|以下|左右)?\s*$")
COMPARATORS = {">=": ">=", "≥": ">=", ">": ">", "＞": ">", "≤": "<=", "<=": "<=", "<": "<", "＜": "<",
               "约": "~", "超过": ">", "不低于": ">=", "不少于": ">=", "以上": ">=", "以下": "<=", "左右": "~"}


def table_goals(doc: Document, lines: list[Line], earliest: int | None = None) -> list[Goal]:
    """One goal per indicator row and target-year column; a column of a year before ``earliest``
    (the plan's own year) holds facts."""
    goals: list[Goal] = []
    for table in pipe_tables(doc, lines):
        header = [cell.text for cell in table[0]]
        years = [(i, YEAR_HEADER.match(h)) for i, h in enumerate(header)]
        years = [(i, m) for i, m in years if m]
        if not years:
            continue
        if len(years) > 1 and not years[0][1].group(2):
            years = years[1:]  # the first year is the base year: a fact, not a goal
        years = [(i, m) for i, m in years if earliest is None or int(m.group(1)) >= earliest]
        metric_col = next((i for i, h in enumerate(header) if re.search(r"指标|名称|内容|项目", h)), None)
        if metric_col is None:
            metric_col = next((i for i, h in enumerate(header) if i not in dict(years) and not re.search(
                r"序号|单位|属性|类别", h)), 0)
        unit_col = next((i for i, h in enumerate(header) if "单位" in h), None)
        for row in table[1:]:
            if len(row) <= max(i for i, _ in years) or len(row) <= metric_col:
                continue
            metric = row[metric_col]
            bracket = re.search(r"[（(]([^（()）]{1,8})[)）]\s*$", metric.text)
            unit = row[unit_col].text.strip() if unit_col is not None and len(row) > unit_col else None
            if bracket and not unit:
                unit = bracket.group(1)
            if bracket:
                metric = metric.sub(0, bracket.start()).strip()
            for col, match in years:
                value = VALUE.match(row[col].text)
                if not value:
                    continue
                number = float(value.group(2))
                comparator = COMPARATORS.get(value.group(1) or value.group(4) or "", "=")
                cell_unit = value.group(3) or unit or None
                text = " | ".join(c.surface for c in row)
                goals.append(Goal(int(match.group(1)), metric.surface, _num(number), None, cell_unit, comparator,
                                  False, text, metric, None, metric.text))
    return goals


def _num(value: float) -> float | int:
    return int(value) if value.is_integer() else value
