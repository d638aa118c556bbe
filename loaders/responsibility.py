"""Who is responsible for each measure: the bracketed lists that close a measure.

（责任单位：省发展改革委、之江实验室、省科技厅）, （牵头单位：A；配合单位：B）,
〔牵头单位：A；责任单位：B。以下…不再列出〕, （东莞市政府，省教育厅、科技厅负责）.
Roles follow the contract: 牵头 -> lead; 配合/参与/协同 -> support; 责任单位 ->
responsible, but lead when the bracket pairs it with 配合单位; where the plan
says the first listed leads, the first of a list is the lead and the others are
responsible. Ranks count within a role list of one bracket. One link per
(agency, measure): the strongest role wins, with the rank where it first takes
that role. A blanket "以下…不再列出" is not carried to later measures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from loaders.agencies import Agency, Jurisdiction, resolve_list
from loaders.document import Span
from loaders.lexicon import alternation, pattern, words
from loaders.outline import Measure

ROLE_STRENGTH = {"lead": 3, "responsible": 2, "support": 1}
OPEN, CLOSE = "（(〔[【", "）)〕]】"


@dataclass
class Assignment:
    agency: Agency
    measure: Measure
    role: str
    rank: int
    evidence: str  # the bracket as the document prints it


def brackets(span: Span) -> list[Span]:
    """Top-level bracketed stretches of ``span`` (nesting kept inside: 各县（区）人民政府)."""
    out = []
    depth, start = 0, 0
    for i, ch in enumerate(span.text):
        if ch in OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in CLOSE and depth:
            depth -= 1
            if depth == 0:
                out.append(span.sub(start, i + 1))
    if depth:
        out.append(span.sub(start))  # cut inside its list: read what is there
    return out


@cache
def _label_regex() -> re.Pattern[str]:
    section = words()["responsibility"]
    labels = section["lead"] + section["support"] + section["responsible"]
    return re.compile(rf"({alternation(labels)})\s*[:：]\s*")


def _role_of(label: str) -> str:
    section = words()["responsibility"]
    if label in section["lead"]:
        return "lead"
    if label in section["support"]:
        return "support"
    return "responsible"


def read_lists(bracket: Span) -> list[tuple[str, Span]]:
    """(role, names span) for each labelled list of a bracket, or one 'responsible' list for …负责."""
    closed = bracket.text[-1:] in CLOSE
    inner = bracket.sub(1, len(bracket.text) - 1 if closed else len(bracket.text))
    text = inner.text
    labels = list(_label_regex().finditer(text))
    lists: list[tuple[str, Span]] = []
    if labels:
        for n, label in enumerate(labels):
            end = labels[n + 1].start() if n + 1 < len(labels) else len(text)
            body = text[label.end():end]
            cut = re.search(r"[。]|以下|不再列出|均需|均含", body)
            if cut:
                end = label.end() + cut.start()
            lists.append((_role_of(label.group(1)), inner.sub(label.end(), end).strip(" ；;，,")))
        return lists
    duty = re.fullmatch(r"(.{2,120}?)(?:按职责分工|按职责|分别|共同)?负责(?:落实|实施|推进)?", text.strip())
    if duty:
        return [("responsible", inner.sub(0, len(duty.group(1))))]
    return []


def assign(measures: list[Measure], where: Jurisdiction, plan_text: str) -> list[Assignment]:
    first_leads = bool(pattern("responsibility", "first_leads").search(plan_text))
    out: list[Assignment] = []
    for measure in measures:
        best: dict[str, Assignment] = {}
        for piece in measure.pieces:
            for bracket in brackets(piece):
                for assignment in _bracket(bracket, measure, where, first_leads):
                    have = best.get(assignment.agency.name)
                    if have is None or ROLE_STRENGTH[assignment.role] > ROLE_STRENGTH[have.role]:
                        best[assignment.agency.name] = assignment
        out.extend(best.values())
    return out


def _bracket(bracket: Span, measure: Measure, where: Jurisdiction, first_leads: bool) -> list[Assignment]:
    lists = read_lists(bracket)
    if not lists:
        return []
    roles = {role for role, _ in lists}
    evidence = bracket.surface
    out: list[Assignment] = []
    for role, names in lists:
        if role == "responsible" and "support" in roles and "lead" not in roles:
            role = "lead"
        agencies = [a for a, _ in resolve_list(names.text, where)]
        for rank, agency in enumerate(_unique(agencies), 1):
            this_role = role
            if first_leads and len(lists) == 1 and role == "responsible":
                this_role = "lead" if rank == 1 else "responsible"
            out.append(Assignment(agency, measure, this_role, rank, evidence))
    return out


def _unique(agencies: list[Agency]) -> list[Agency]:
    seen, out = set(), []
    for agency in agencies:
        if agency.name not in seen:
            seen.add(agency.name)
            out.append(agency)
    return out


def strip_brackets(text: str) -> str:
    """``text`` without its responsibility brackets (names there are not sites or mentions)."""
    label = _label_regex()
    out, depth, start, keep_from = [], 0, 0, 0
    for i, ch in enumerate(text):
        if ch in OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in CLOSE and depth:
            depth -= 1
            if depth == 0:
                inner = text[start + 1:i]
                if label.search(inner) or re.search(r"负责[^，。]{0,4}$", inner):
                    out.append(text[keep_from:start])
                    keep_from = i + 1
    out.append(text[keep_from:])
    return "".join(out)
