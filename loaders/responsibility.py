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

from loaders.agencies import Agency, Jurisdiction, resolve, resolve_list, split_names
from loaders.document import Document, Span
from loaders.layout import Line
from loaders.lexicon import alternation, pattern, words
from loaders.outline import Measure
from loaders.tables import pipe_tables

ROLE_STRENGTH = {"lead": 3, "responsible": 2, "support": 1}
OPEN, CLOSE = "（(〔[【", "）)〕]】"


@dataclass
class Assignment:
    agency: Agency
    measure: Measure
    role: str
    rank: int
    evidence: str  # the bracket as the document prints it


_BRACKET = re.compile("[" + re.escape(OPEN + CLOSE) + "]")


def _bracket_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level bracketed stretch; nesting stays inside (各县（区）人民政府),
    and a bracket the text cuts off runs to its end (read what is there)."""
    out = []
    depth, start = 0, 0
    for hit in _BRACKET.finditer(text):  # only the brackets, not every character
        i, ch = hit.start(), hit.group()
        if ch in OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in CLOSE and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    if depth:
        out.append((start, len(text)))
    return out


def brackets(span: Span) -> list[Span]:
    """Top-level bracketed stretches of ``span``."""
    return [span.sub(a, b) for a, b in _bracket_ranges(span.text)]


@cache
def label_regex() -> re.Pattern[str]:
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


def list_spans(piece: Span) -> list[Span]:
    """The responsibility lists of a piece of measure text: its brackets, and a list written
    without brackets after the text (…。牵头单位：A；配合单位：B) or on a line of its own."""
    spans = brackets(piece)
    covered = [(s.start, s.end) for s in spans]
    for match in re.finditer(rf"(?:^|(?<=[。；;]))\s*(?:{label_regex().pattern})", piece.text):
        start = piece.start + match.start()
        if not any(a <= start < b for a, b in covered):
            spans.append(piece.doc.span(start, piece.end))
            break
    return spans


def read_lists(bracket: Span) -> list[tuple[str, Span]]:
    """(role, names span) for each labelled list of a bracket (or an unbracketed list),
    or one 'responsible' list for …负责."""
    opened = bracket.text[:1] in OPEN
    closed = opened and bracket.text[-1:] in CLOSE
    inner = bracket.sub(1 if opened else 0, len(bracket.text) - 1 if closed else len(bracket.text))
    text = inner.text
    labels = list(label_regex().finditer(text))
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
    inline = _inline_lists(inner)
    if inline:
        return inline
    # an aside after the list about how to read it (，列第一位的为牵头单位，下同) is not part of it
    text = re.sub(r"(?:[，,；;]\s*(?:[^，,；;]*为牵头(?:单位|部门)?|以下同|下同))+\s*$", "", text)
    duty = re.fullmatch(r"(.{2,120}?)(?:按职责分工|按职责|分别|共同)?负责(?:落实|实施|推进)?", text.strip())
    if duty:
        return [("responsible", inner.sub(0, len(duty.group(1))))]
    if opened and closed and _closes_its_line(bracket) and is_bare_list(text):
        return [("responsible", inner)]
    return []


def _closes_its_line(bracket: Span) -> bool:
    return bool(re.match(r"[。；;]?\s*(?:\n|$)", bracket.doc.text[bracket.end:]))


def is_bare_list(text: str) -> bool:
    """A bracket that only names agencies (（市工业和信息化局、市科技局，顺德区人民政府）) closes a
    measure as its responsibility list; every name must be an agency, so （以下简称…） is not one."""
    names = split_names(text)
    return bool(names) and all(
        resolve(name, Jurisdiction()) is not None and not re.search(r"简称|以下|下同", name) for name, _ in names)


@cache
def _inline_regex() -> re.Pattern[str]:
    section = words()["responsibility"]
    verbs = section["inline_lead"] + section["inline_support"] + section["inline_responsible"]
    return re.compile(rf"(?P<names>.+?)等?(?P<verb>{alternation(verbs)})(?:落实|实施|推进)?$")


def _inline_lists(inner: Span) -> list[tuple[str, Span]]:
    """Lists written as clauses that each end in their role: （省科技厅牵头，省教育厅、省工业和信息化厅配合）.

    Read only when some clause ends in a lead verb; a clause without a verb belongs to the next
    one (省发展改革委、省政数局，长春市政府按职责分工负责)."""
    section = words()["responsibility"]
    text = inner.text
    lists: list[tuple[str, Span]] = []
    start = 0
    for cut in [*(m.start() for m in re.finditer(r"[，,；;]", text)), len(text)]:
        clause = text[start:cut]
        hit = _inline_regex().fullmatch(clause.strip())
        if hit:
            offset = start + (len(clause) - len(clause.lstrip()))
            verb = hit.group("verb")
            role = ("lead" if verb in section["inline_lead"]
                    else "support" if verb in section["inline_support"] else "responsible")
            lists.append((role, inner.sub(offset, offset + hit.end("names")).strip(" ；;，,")))
            start = cut + 1
    if start < len(text) or not any(role == "lead" for role, _ in lists):
        return []  # a clause without a role at the end, or no lead: not this form
    return lists


def _is_inline_list(inner: str) -> bool:
    last = re.split(r"[，,；;]", inner)[-1].strip()
    return any(v in inner for v in words()["responsibility"]["inline_lead"]) and bool(_inline_regex().fullmatch(last))


def assign(measures: list[Measure], where: Jurisdiction, plan_text: str) -> list[Assignment]:
    first_leads = bool(pattern("responsibility", "first_leads").search(plan_text))
    out: list[Assignment] = []
    for measure in measures:
        best: dict[str, Assignment] = {}
        for piece in measure.pieces:
            for bracket in list_spans(piece):
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
    if bracket.text[-1:] not in CLOSE and not bracket.doc.text[bracket.end:].strip():
        # the page ends inside this list: its last name may be cut (省工业和…), so it is left out
        role, names = lists[-1]
        cut = max(names.text.rfind(sep) for sep in "、，,；; ")
        lists[-1] = (role, names.sub(0, max(cut, 0)))
    out: list[Assignment] = []
    carry: str | None = None  # 自治区工业和信息化厅牵头，科技厅配合: the level carries into the next list
    for role, names in lists:
        if role == "responsible" and "support" in roles and "lead" not in roles:
            role = "lead"
        agencies = [a for a, _ in resolve_list(names.text, where, keep_unknown=True, carry=carry)]
        carry = next((a.level for a in reversed(agencies) if a.level), carry)
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
    """``text`` without its responsibility lists (names there are not sites or mentions)."""
    label = label_regex()
    out, keep_from = [], 0
    for a, b in _bracket_ranges(text):
        inner = text[a + 1:b - 1]
        at_end = not text[b:].strip(" 。；;\n")  or text[b:].lstrip(" 。；;").startswith("\n")
        if (label.search(inner) or re.search(r"负责[^，。]{0,4}$", inner) or _is_inline_list(inner)
                or (at_end and is_bare_list(inner))):
            out.append(text[keep_from:a])
            keep_from = b
    out.append(text[keep_from:])
    kept = "".join(out)
    unbracketed = re.search(rf"(?:^|(?<=[。；;]))\s*(?:{label.pattern})", kept)
    return kept[: unbracketed.start()] if unbracketed else kept


# -- 责任分工 tables (an annex: task | 牵头单位 | 配合单位) ----------------------------------------

TASK_HEADER = re.compile(r"任务|工作|措施|事项|内容|举措|目标")


def table_assignments(doc: Document, lines: list[Line], measures: list[Measure],
                      where: Jurisdiction) -> list[Assignment]:
    """Rows of a responsibility table (Markdown pipe rows, as the DOCX reader writes them) matched to
    the measures they name; each role column gives its role, ranks count within the cell."""
    out: list[Assignment] = []
    for table in pipe_tables(doc, lines):
        header = [cell.text for cell in table[0]]
        task_col = next((i for i, h in enumerate(header) if TASK_HEADER.search(h)), None)
        role_cols = {i: _column_role(h) for i, h in enumerate(header) if _column_role(h)}
        if task_col is None or not role_cols:
            continue
        roles = set(role_cols.values())
        for row in table[1:]:
            if len(row) <= max(task_col, *role_cols):
                continue
            measure = _matching_measure(row[task_col].text, measures)
            if measure is None:
                continue
            best: dict[str, Assignment] = {}
            evidence = " | ".join(cell.surface for cell in row)
            for col, role in role_cols.items():
                if role == "responsible" and "support" in roles and "lead" not in roles:
                    role = "lead"
                agencies = _unique([a for a, _ in resolve_list(row[col].text, where, keep_unknown=True)])
                for rank, agency in enumerate(agencies, 1):
                    have = best.get(agency.name)
                    if have is None or ROLE_STRENGTH[role] > ROLE_STRENGTH[have.role]:
                        best[agency.name] = Assignment(agency, measure, role, rank, evidence)
            out.extend(best.values())
    return out


def _column_role(header: str) -> str | None:
    if "牵头" in header:
        return "lead"
    if re.search(r"配合|参与|协同|协助", header):
        return "support"
    if re.search(r"责任", header):
        return "responsible"
    return None


def _matching_measure(task: str, measures: list[Measure]) -> Measure | None:
    """The measure a table row names: its title inside the cell, or the cell inside its title."""
    task = re.sub(r"^\s*[（(]?[一二三四五六七八九十\d]+[)）.、．]?\s*", "", task).strip(" 。")
    if len(task) < 4:
        return None
    for measure in measures:
        title = measure.title.text.strip()
        if title and (title == task or (len(title) >= 4 and (title in task or task in title))):
            return measure
    return None
