"""Who is responsible for each measure: the bracketed lists that close a measure.

（责任单位：省发展改革委、之江实验室、省科技厅）, （牵头单位：A；配合单位：B）,
〔牵头单位：A；责任单位：B。以下…不再列出〕, （东莞市政府，省教育厅、科技厅负责）,
【责任单位】A、B, a line 牵头单位：A；责任单位：B under the item.
Roles follow the contract: 牵头 -> lead; 配合/参与/协同 -> support; 责任单位 ->
responsible, but lead where the plan pairs it with 配合单位 (and names no 牵头单位);
where the plan says the first listed leads, the first of a list is the lead and the
others are responsible; where it says a marked body leads (标☆的为牵头单位), or a body
is printed with （牵头）, that body leads. Ranks count within a role list of one
bracket (printed positions where the list is one list with a lead in it). One link per
(agency, measure): the strongest role wins, with the rank where it first takes that
role. A blanket "以下…不再列出" is not carried to later measures.

A measure that prints no list may name its bodies in its own text: 由省科技厅牵头，… (lead),
or an item that opens with the body doing it, 1、市商务局负责受理… (responsible). Not in the
parts on carrying out the plan, nor in a sentence about the whole plan: those coordinate it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from loaders.agencies import GOV_SUFFIX, Agency, Jurisdiction, resolve, split_names
from loaders.coordination import IMPLEMENTATION, PLAN_WIDE
from loaders.document import Document, Span
from loaders.layout import Line
from loaders.lexicon import alternation, matches_any, pattern, patterns, regions, words
from loaders.name_lists import bare_names, ranked, read_entries, unique
from loaders.outline import Measure
from loaders.tables import division_rows

ROLE_STRENGTH = {"lead": 3, "responsible": 2, "support": 1}
#: a title this short is a heading (加强组织领导); a longer one is the item's first sentence
HEADING_LENGTH = 16
OPEN, CLOSE = "（(〔[【［", "）)〕]】］"


@dataclass
class Assignment:
    agency: Agency
    measure: Measure
    role: str
    rank: int
    evidence: str  # the bracket as the document prints it


@dataclass
class NameList:
    """One list of a bracket: its role, the names as printed, and the label that gave the role
    (None for a …负责 clause or a bracket that only names bodies)."""

    role: str
    names: Span
    label: str | None = None
    #: the list ends in its own duty (A、B按职责分工负责): each does its share, whatever the plan says
    #: elsewhere about who leads a list
    duty: bool = False


@dataclass(frozen=True)
class Conventions:
    """How a plan says who leads, stated once for all its lists."""

    first_leads: bool = False  # 排在第一位的为牵头单位
    mark: str | None = None  # 标☆的为牵头单位: the marker
    paired: bool = False  # 责任单位 beside 配合单位 and no 牵头单位: 责任单位 is the lead


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


# -- labels ------------------------------------------------------------------------------------


@cache
def _label_words() -> str:
    section = words()["responsibility"]
    return alternation(section["lead"] + section["support"] + section["responsible"])


@cache
def label_regex() -> re.Pattern[str]:
    """A list's label: 责任单位： or a label in brackets of its own (【责任单位】, 〔牵头单位〕：)."""
    alt = _label_words()
    return re.compile(rf"(?:[【〔［\[]\s*({alt})\s*[】〕］\]]\s*[:：]?|({alt})\s*[:：])\s*")


def _label_word(match: re.Match[str]) -> str:
    return match.group(1) or match.group(2)


@cache
def _label_bracket() -> re.Pattern[str]:
    return re.compile(rf"[{re.escape(OPEN)}]\s*(?:{_label_words()})\s*[{re.escape(CLOSE)}]")


def _is_label_bracket(bracket: Span) -> bool:
    """【责任单位】 is a label that opens the list after it, not a list."""
    return bool(_label_bracket().fullmatch(bracket.text))


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
    spans = [b for b in brackets(piece) if not _is_label_bracket(b)]
    covered = [(s.start, s.end) for s in spans]
    for match in re.finditer(rf"(?:^|(?<=[。；;]))\s*(?:{label_regex().pattern})", piece.text):
        start = piece.start + match.start()
        if not any(a <= start < b for a, b in covered):
            spans.append(piece.doc.span(start, piece.end))
            break
    return spans


# -- the lists of a bracket -----------------------------------------------------------------------


@cache
def _aside_regex() -> re.Pattern[str]:
    return pattern("responsibility", "list_asides")


def list_end(text: str) -> int:
    """Where the names of a list end: at its full stop, or at the first clause that says how to
    read the list (，排名第一的部门为牵头责任单位，下同 / 。以下均需…不再列出) rather than naming a body."""
    stop = text.find("。")
    text = text if stop < 0 else text[:stop]
    start = 0
    for cut in [*(m.start() for m in re.finditer(r"[，,；;]", text)), len(text)]:
        if _aside_regex().search(text[start:cut]):
            return max(start - 1, 0)
        start = cut + 1
    return len(text)


def read_lists(bracket: Span) -> list[NameList]:
    """The labelled lists of a bracket (or of an unbracketed list), or one 'responsible' list
    for …负责 or for a bracket that only names bodies."""
    opened = bracket.text[:1] in OPEN and not label_regex().match(bracket.text)  # not 【责任单位】A、B
    closed = opened and bracket.text[-1:] in CLOSE
    inner = bracket.sub(1 if opened else 0, len(bracket.text) - 1 if closed else len(bracket.text))
    text = inner.text
    labels = list(label_regex().finditer(text))
    if labels:
        lists: list[NameList] = []
        for n, label in enumerate(labels):
            end = labels[n + 1].start() if n + 1 < len(labels) else len(text)
            body = inner.sub(label.end(), label.end() + list_end(text[label.end():end]))
            inline = _inline_lists(body)  # 责任单位：市经信局牵头，市科技局配合
            if inline:
                lists.extend(inline)
                continue
            word = _label_word(label)
            lists.append(NameList(_role_of(word), body.strip(" ；;，,、"), word))
        return lists
    inline = _inline_lists(inner)
    if inline:
        return inline
    names = inner.sub(0, list_end(text))
    duty = _duty_clause().fullmatch(names.text.strip())
    if duty:
        lead = len(names.text) - len(names.text.lstrip())
        return [NameList("responsible", names.sub(lead, lead + len(duty.group(1))), duty=True)]
    if opened and closed and _closes_its_line(bracket) and is_bare_list(names.text):
        return [NameList("responsible", names)]
    return []


def _closes_its_line(bracket: Span) -> bool:
    return bool(re.match(r"[。；;]?\s*(?:\n|$)", bracket.doc.text[bracket.end:]))


def is_bare_list(text: str) -> bool:
    """A bracket that only names agencies (（市工业和信息化局、市科技局，顺德区人民政府）) closes a
    measure as its responsibility list; every name must be an agency, so （以下简称…） is not one."""
    names = split_names(bare_names(text))
    return bool(names) and all(
        resolve(name, Jurisdiction()) is not None and not re.search(r"简称|以下|下同", name) for name, _ in names)


@cache
def _inline_regex() -> re.Pattern[str]:
    section = words()["responsibility"]
    verbs = section["inline_lead"] + section["inline_support"] + section["inline_responsible"]
    return re.compile(rf"(?P<names>.+?)等?(?P<verb>{alternation(verbs)})(?:落实|实施|推进)?$")


@cache
def _duty_clause() -> re.Pattern[str]:
    """A list that ends in its duty: 市商务局、市发展改革委按职责分工负责 / …按职责分工落实."""
    verbs = alternation(words()["responsibility"]["inline_responsible"])
    return re.compile(rf"(.{{2,120}}?)等?(?:{verbs})(?:落实|实施|推进)?")


def _inline_clauses(text: str) -> list[tuple[str, int, int]]:
    """(role, start, end of the names) of each clause of a list written as clauses that each end in
    their role: 省科技厅牵头，省教育厅、省工业和信息化厅配合 (a lead), or 市工信局负责，市科技局配合 (the
    body that does it beside those that support it: it leads, as 责任单位 does beside 配合单位).

    Every clause must end in its role (a clause without one belongs to the next:
    省发展改革委、省政数局，长春市政府按职责分工负责); without a lead, every clause must name a body,
    so （企业负责，政府配合） is not a list."""
    section = words()["responsibility"]
    clauses: list[tuple[str, int, int]] = []
    start = 0
    for cut in [*(m.start() for m in re.finditer(r"[，,；;]", text)), len(text)]:
        clause = text[start:cut]
        hit = _inline_regex().fullmatch(clause.strip())
        if hit:
            offset = start + (len(clause) - len(clause.lstrip()))
            verb = hit.group("verb")
            role = ("lead" if verb in section["inline_lead"]
                    else "support" if verb in section["inline_support"] else "responsible")
            clauses.append((role, offset, offset + hit.end("names")))
            start = cut + 1
    roles = {role for role, _, _ in clauses}
    if start < len(text) or not clauses:
        return []  # a clause without a role at the end: not this form
    if "lead" in roles:
        return clauses
    if not {"responsible", "support"} <= roles or not all(
            read_entries(text[a:b], Jurisdiction()) for _, a, b in clauses):
        return []
    return [("lead" if role == "responsible" else role, a, b) for role, a, b in clauses]


def _inline_lists(inner: Span) -> list[NameList]:
    """The lists of a bracket written as role clauses (``_inline_clauses``)."""
    return [NameList(role, inner.sub(a, b).strip(" ；;，,")) for role, a, b in _inline_clauses(inner.text)]


def _is_inline_list(inner: str) -> bool:
    return bool(_inline_clauses(inner))


# -- measures -----------------------------------------------------------------------------------------


#: the character every plan-wide statement of who leads holds (lexicon: first_leads, lead_mark_rules)
LEAD = "牵"


def conventions(plan_text: str, groups: list[list[NameList]]) -> Conventions:
    """What the plan says once about who leads: the first listed, a marked body, or its 责任单位
    where it pairs them with 配合单位 and has no 牵头单位 (``groups``: the lists of each measure)."""
    leads = LEAD in plan_text  # each of these statements says who leads with 牵 (牵头, 为牵): none without it
    marked = leads and any(mark in plan_text for mark in words()["responsibility"]["marks"])  # a rule's marker
    rules = patterns("responsibility", "lead_mark_rules")
    mark = next((hit for rule in rules if (hit := rule.search(plan_text))), None) if marked else None
    roles_by_label = [{(item.role, item.label is not None) for item in group} for group in groups]
    paired = (any(("responsible", True) in r and ("support", True) in r for r in roles_by_label)
              and not any(role == "lead" for r in roles_by_label for role, _ in r))
    return Conventions(leads and matches_any("responsibility", "first_leads", plan_text),
                       mark.group("mark") if mark else None, paired)


def assign(measures: list[Measure], where: Jurisdiction, plan_text: str) -> list[Assignment]:
    read = [(measure, bracket, read_lists(bracket))
            for measure in measures for piece in measure.pieces for bracket in list_spans(piece)]
    by_measure: dict[int, list[NameList]] = {}  # 责任单位 on one line and 配合单位 on the next are one pair
    for measure, _, lists in read:
        by_measure.setdefault(id(measure), []).extend(lists)
    # a measure that prints no list may still name its bodies in its own sentences
    clauses = [a for measure in measures if not by_measure.get(id(measure)) for a in clause_assignments(measure, where)]
    rules = conventions(plan_text, [lists for lists in by_measure.values() if lists])
    roles = {key: {item.role for item in lists} for key, lists in by_measure.items()}
    best: dict[tuple[int, str], Assignment] = {}
    order: list[tuple[int, str]] = []
    for measure, bracket, lists in read:
        for assignment in _bracket(bracket, lists, measure, where, rules, roles[id(measure)]):
            key = (id(measure), assignment.agency.name)
            have = best.get(key)
            if have is None:
                order.append(key)
            if have is None or ROLE_STRENGTH[assignment.role] > ROLE_STRENGTH[have.role]:
                best[key] = assignment
    return [best[key] for key in order] + clauses


# -- a measure that names its bodies in its own text -------------------------------------------------


def clause_assignments(measure: Measure, where: Jurisdiction) -> list[Assignment]:
    """The bodies a measure without a list names in its own sentences: the lead of 由省科技厅牵头，… or
    of …、市商务局牵头、…, and the body an item opens with (1、市商务局负责受理…), responsible.

    Not read in the sections on implementation, nor in a sentence about the whole plan (由市工信局
    牵头…统筹推进各项任务): those name who coordinates the plan (``coordination``)."""
    if _on_implementation(measure):
        return []
    divided = _division_of_duties(measure, where)
    if divided:
        return divided
    out: list[Assignment] = []
    for n, piece in enumerate(measure.pieces):
        if n == 0:
            out += _duty_opening(piece, measure, where)
        for sentence in re.finditer(r"[^。；;！!]+", piece.text):
            if PLAN_WIDE.search(sentence.group()):
                continue
            for hit in _clause_lead().finditer(sentence.group()):
                span = piece.sub(sentence.start() + hit.start("names"), sentence.start() + hit.end("names"))
                evidence = piece.sub(sentence.start(), sentence.end()).surface.strip()
                out += [Assignment(agency, measure, "lead", rank, evidence)
                        for rank, agency in enumerate(_named_bodies(span.text, where), 1)]
    return out


def _on_implementation(measure: Measure) -> bool:
    """The measure sits in (or is) a part on carrying out the plan (保障措施, 加强组织领导): a heading
    says so, not a long title made of the item's first sentence (…按规定组织实施预算绩效管理)."""
    titles = [measure.section.title if measure.section else ""]
    item: Measure | None = measure
    while item is not None:
        titles.append(item.title.text)
        item = item.parent
    return any(len(title) <= HEADING_LENGTH and IMPLEMENTATION.search(title) for title in titles)


@cache
def _clause_lead() -> re.Pattern[str]:
    """A clause ending in its body's lead verb: the names run back to the clause start."""
    lead = "|".join(words()["responsibility"]["clause_lead"])
    return re.compile(rf"(?:^|(?<=[，,：:]))\s*(?P<names>[^，,：:（(）)]{{2,60}}?)\s*(?:{lead})")


def _named_bodies(text: str, where: Jurisdiction) -> list[Agency]:
    """The bodies that end a clause (建立分管领导挂帅、|市商务局): the pause-mark pieces from the end,
    as long as each is a body named as a body is (a level or a place first; a government, party or
    group's name), so a phrase before them is never read as one."""
    pieces = pattern("responsibility", "clause_openers").sub("", text.strip()).split("、")
    out: list[Agency] = []
    for piece in reversed(pieces):
        agency = _body(piece, where)
        if agency is None:
            break
        out.insert(0, agency)
    return out


def _body(written: str, where: Jurisdiction) -> Agency | None:
    """``written`` as an agency when it is printed as one (省科技厅, 中共…, 绍兴市商务局), else None."""
    name = re.sub(r"\s+", "", written)
    name = re.split(alternation(words()["responsibility"]["partner_words"]), name, maxsplit=1)[0]
    if not re.match(r"(?:中共|国家|中国|自治区|[省市区县州旗])", name) and not _starts_with_place(name):
        return None
    agency = resolve(name, where)
    if agency is None or agency.collective or agency.kind not in ("government", "party", "leading_group"):
        return None
    if not GOV_SUFFIX.search(agency.name):
        return None  # 中国电信, 国家电网: a company named like a national body leads no measure here
    return agency


def _starts_with_place(name: str) -> bool:
    """绍兴市商务局, 宁波海关: a division's full name, or the short name of a province or a city above
    county level (a county-level short such as 合作 or 东方 is an ordinary word too)."""
    index = regions()
    for size in range(2, min(8, len(name)) + 1):
        head = name[:size]
        if head in index.by_name or head in index.aliases or any(
                r.level == "Province" or (r.level == "City" and not r.county_level)
                for r in index.by_short.get(head, ())):
            return True
    return False


def _duty_opening(piece: Span, measure: Measure, where: Jurisdiction) -> list[Assignment]:
    """1、市商务局负责受理…; 3、各县（市、区）、开发区财政部门负责…: the bodies an item opens with are responsible."""
    hit = _duty_regex().match(piece.text)
    if not hit:
        return []
    names = hit.group("names")
    names = re.split(alternation(words()["responsibility"]["partner_words"]), names, maxsplit=1)[0]
    entries = [e for e in unique(read_entries(names, where))
               if e.agency.collective or _body(e.agency.written, where) is not None]
    sentence = re.match(r"[^。；;]+", piece.text)
    evidence = piece.sub(0, sentence.end() if sentence else len(piece.text)).surface.strip()
    return [Assignment(entry.agency, measure, "responsible", rank, evidence) for rank, entry in enumerate(entries, 1)]


#: a paragraph of an article that states one body's duties: 市数据局职责：负责…; 各区财政部门的主要职责是：…
DUTY_PARAGRAPH = re.compile(r"^\s*(?P<names>[^，,。；;：:]{2,40}?)(?:的)?(?:主要)?职责(?:是|为)?\s*[:：]\s*")
#: the bodies an article puts in charge together: 由市数据局会同市财政局共同管理; the first leads
MANAGED_BY = re.compile(r"由(?P<lead>[^，,。；;由]{2,30}?)会同(?P<others>[^，,。；;]{2,60}?)(?:共同|联合)?"
                        r"(?:管理|负责|组织实施|实施)")


def _division_of_duties(measure: Measure, where: Jurisdiction) -> list[Assignment]:
    """An article of a 管理办法 that divides the duties among bodies, one paragraph each (市数据局职责：
    负责…／市经信局职责：协同市数据局做好…): each body so named is responsible for the article, or
    supports it when its duty is to assist another (协同, 协助, 配合); the body that runs the whole
    together with the others (由A会同B共同管理) leads it, the others it names are responsible."""
    duties = [(piece, hit) for piece in measure.pieces if (hit := DUTY_PARAGRAPH.match(piece.text))]
    if not duties:
        return []
    joined = "".join(re.sub(r"\s+", "", piece.text) for piece in measure.pieces)
    out: list[Assignment] = []
    named: set[str] = set()
    managed = MANAGED_BY.search(joined)
    if managed:
        sentence = re.search(r"[^。；;]*" + re.escape(managed.group()) + r"[^。；;]*", joined)
        evidence = sentence.group() if sentence else managed.group()
        for group, role in (("lead", "lead"), ("others", "responsible")):
            for entry in unique(read_entries(managed.group(group), where)):
                if entry.agency.name not in named and (entry.agency.collective
                                                       or _body(entry.agency.written, where) is not None):
                    named.add(entry.agency.name)
                    out.append(Assignment(entry.agency, measure, role, len(named), evidence))
    supports = 0
    partner = alternation(words()["responsibility"]["partner_words"])
    for piece, hit in duties:
        duty = piece.text[hit.end():]
        role = "support" if re.match(rf"(?:{partner})", duty) else "responsible"
        sentence = re.match(r"[^。；;]+", piece.text)
        evidence = piece.sub(0, sentence.end() if sentence else len(piece.text)).surface.strip()
        for entry in unique(read_entries(hit.group("names"), where)):
            if entry.agency.name in named or not (entry.agency.collective
                                                  or _body(entry.agency.written, where) is not None):
                continue
            if role == "support":
                supports += 1
            named.add(entry.agency.name)
            rank = supports if role == "support" else len(named) - supports
            out.append(Assignment(entry.agency, measure, role, rank, evidence))
    return out


@cache
def _duty_regex() -> re.Pattern[str]:
    duty = "|".join(words()["responsibility"]["duty_opening"])
    return re.compile(rf"\s*(?P<names>[^，,。；;：:]{{2,60}}?)\s*[:：]?\s*(?:{duty})")


def _bracket(bracket: Span, lists: list[NameList], measure: Measure, where: Jurisdiction,
             rules: Conventions, roles: set[str]) -> list[Assignment]:
    """The assignments of one bracket; ``roles`` are those all lists of its measure give."""
    if not lists:
        return []
    evidence = bracket.surface
    last = lists[-1]
    rest = bracket.doc.text[last.names.end:]
    if bracket.text[-1:] not in CLOSE and not rest.strip() and "\n" not in rest:
        # the page ends inside this list: its last name may be cut (省工业和…), so it is left out; a
        # list whose line ends before the text does (…牵头单位：市工信局⏎) is whole
        cut = max(last.names.text.rfind(sep) for sep in "、，,；; ")
        # …、市经济信息委〔市中小企业: the page cuts the second plate, the name before it is whole (not a
        # collective's scope: 各县（市)
        plate = re.match(r"\s*([^各〔（(\[【]{2,30})[〔（(\[【][^〕）)\]】]*$", last.names.text[cut + 1:])
        keep = cut + 1 + plate.end(1) if plate else max(cut, 0)
        lists = [*lists[:-1], replace(last, names=last.names.sub(0, keep))]
    out: list[Assignment] = []
    carry: str | None = None  # 自治区工业和信息化厅牵头，科技厅配合: the level carries into the next list
    for item in lists:
        role = item.role
        if role == "responsible" and item.label is not None and (
                ("support" in roles and "lead" not in roles) or rules.paired):
            role = "lead"
        entries = unique(read_entries(item.names.text, where, carry, rules.mark))
        carry = next((e.agency.level for e in reversed(entries) if e.agency.level), carry)
        # 第一个为牵头单位，下同 carries to later lists, not to one that states its own duty (…按职责分工负责)
        first_leads = (rules.first_leads and len(lists) == 1 and role == "responsible"
                       and (not item.duty or bool(pattern("responsibility", "first_leads").search(bracket.text))))
        out += [Assignment(entry.agency, measure, this_role, rank, evidence)
                for entry, this_role, rank in ranked(entries, role, first_leads)]
    return out


@lru_cache(maxsize=4096)
def strip_brackets(text: str) -> str:
    """``text`` without its responsibility lists (names there are not sites or mentions).

    Cached (it depends on the text alone): each line is stripped for the page's bodies and again
    for its measure's sites and mentions."""
    label = label_regex()
    out, keep_from = [], 0
    for a, b in _bracket_ranges(text):
        inner = text[a + 1:b - 1]
        at_end = not text[b:].strip(" 。；;\n") or text[b:].lstrip(" 。；;").startswith("\n")
        if (label.search(inner) or re.search(r"负责[^，。]{0,4}$", inner) or _duty_clause().fullmatch(inner.strip())
                or _is_inline_list(inner)
                or (at_end and is_bare_list(inner))):
            out.append(text[keep_from:a])
            keep_from = b
    out.append(text[keep_from:])
    kept = "".join(out)
    unbracketed = re.search(rf"(?:^|(?<=[。；;]))\s*(?:{label.pattern})", kept)
    return kept[: unbracketed.start()] if unbracketed else kept


# -- 责任分工 tables (an annex: task | 牵头单位 | 配合单位, or 序号 | 单位名称 | 工作任务) ------------------


def table_assignments(doc: Document, lines: list[Line], measures: list[Measure],
                      where: Jurisdiction) -> list[Assignment]:
    """Rows of a responsibility table matched to their measures: the measure made from the row
    itself (a plan whose tasks are the rows), else the measure the task cell names; each role
    column gives its role, ranks count within the cell."""
    by_cell = {m.pieces[0].start: m for m in measures if m.pieces}
    mark = conventions(doc.text, []).mark
    out: list[Assignment] = []
    for row in division_rows(doc, lines):
        measure = by_cell.get(row.task.start) or _matching_measure(row.task.text, measures)
        if measure is None:
            continue
        roles = {role for role, _ in row.units}
        best: dict[str, Assignment] = {}
        for role, cell in row.units:
            if role == "responsible" and "support" in roles and "lead" not in roles:
                role = "lead"
            for entry, this_role, rank in ranked(unique(read_entries(cell.text, where, mark=mark)), role):
                have = best.get(entry.agency.name)
                if have is None or ROLE_STRENGTH[this_role] > ROLE_STRENGTH[have.role]:
                    best[entry.agency.name] = Assignment(entry.agency, measure, this_role, rank, row.evidence)
        out.extend(best.values())
    return out


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
