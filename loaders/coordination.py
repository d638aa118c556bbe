"""Who takes charge of the whole plan (COORDINATES).

Read where plans say it: the notice (执行中遇到的问题，请径向省工业和信息化厅反映)
and the sections on implementation (保障措施, 组织实施…): 由A和B统筹推进, 在A统一
部署下, 发挥A、B对…的统筹指导作用, A加强对…的组织协调, 成立…工作专班，由A牵头 (the group
and A), and the body progress is reported to (将…落实情况报送A). A 统筹推进 inside an
ordinary measure is about that measure, not the plan, so it is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.agencies import Agency, Jurisdiction, resolve_list
from loaders.document import Document
from loaders.layout import Line
from loaders.lexicon import alternation, pattern, patterns, words
from loaders.outline import Outline

#: words that make a sentence inside a measure speak of the whole plan (《行动方案》要求，由…牵头…统筹推进各项任务落实)
PLAN_WIDE = re.compile(r"《|各项任务|本方案|本计划|方案实施|计划实施")
IMPLEMENTATION = re.compile(r"保障|组织实施|组织领导|推进机制|实施机制|工作机制|组织保障")


@dataclass
class Coordinator:
    agency: Agency
    evidence: str


def coordinators(lines: list[Line], notice: list[Line], outline: Outline, where: Jurisdiction,
                 doc: Document, issuers: list[Agency] | None = None) -> list[Coordinator]:
    """``issuers``: the bodies that sign the plan, whom a notice means by 我局 / 本委."""
    # the coordination patterns (in the plan's implementation part or its notice) and those read anywhere
    regexes, anywhere = patterns("coordination", "patterns"), patterns("coordination", "anywhere")
    found: dict[str, Coordinator] = {}
    for line in [*notice, *lines]:
        section = outline.section_at(line)
        in_notice = line in notice
        measure = outline.measure_at(line)
        measure_section = measure.section if measure else section
        implementation = any(IMPLEMENTATION.search(s.title) for s in (section, measure_section) if s)
        use = regexes
        if not (in_notice or implementation or "径向" in line.text):
            if not any(word in line.text for word in words()["coordination"]["anywhere_words"]):
                continue  # every anywhere-pattern names a lead body
            use = anywhere
        for sentence in _sentences(line):
            if use is anywhere and measure is not None and not PLAN_WIDE.search(sentence.text):
                continue  # a mechanism inside a measure is that measure's, unless it speaks of the whole plan
            for regex in use:
                for match in regex.finditer(sentence.text):
                    bodies = _bodies(match.group("a"))
                    for agency, _offset in _resolved(bodies, where, issuers or []):
                        if agency.collective or (match.group(0).startswith("在")
                                                 and pattern("coordination", "above_the_plan").search(agency.name)):
                            continue  # 在市委、市政府统一领导下: the setting, not who coordinates
                        found.setdefault(agency.name, Coordinator(
                            agency, doc.quote(sentence.start, sentence.end).strip("。；; ")))
    for coordinator in _joint_managers(outline, where):
        found.setdefault(coordinator.agency.name, coordinator)
    return list(found.values())


#: the bodies a fund's 管理办法 says run the fund it governs together (专项资金由市数据局会同市财政局共同管理)
JOINT_MANAGEMENT = re.compile(r"(?:资金|基金|本办法|本细则)[^，。；,：:]{0,6}由(?P<a>[^，。；,：:由]{2,40}?)"
                              r"(?:共同|联合)(?:管理|负责|组织实施)")
#: what joins the bodies of such a sentence besides pause marks: each of them runs the fund
JOINED = re.compile(r"会同|联合")


def _joint_managers(outline: Outline, where: Jurisdiction) -> list[Coordinator]:
    """The bodies an article says manage the fund the plan governs together: each coordinates the plan
    (a PDF may break the sentence over lines, so an article's lines are read as one text)."""
    out = []
    for measure in outline.measures:
        text = "".join(re.sub(r"\s+", "", piece.text) for piece in measure.pieces)
        for match in JOINT_MANAGEMENT.finditer(text):
            sentence = re.search(r"[^。；;]*" + re.escape(match.group()) + r"[^。；;]*", text)
            for agency, _offset in resolve_list(JOINED.sub("、", match.group("a")), where):
                if not agency.collective:
                    out.append(Coordinator(agency, sentence.group() if sentence else match.group()))
    return out


def _resolved(bodies: str, where: Jurisdiction, issuers: list[Agency]) -> list[tuple[Agency, int]]:
    """The agencies a captured phrase names; 我局 is the plan's issuer, never a body of that name: the
    one whose name ends the same way, else the only issuer that is not a people's government (a
    government writes 我市, not 我局)."""
    first = pattern("coordination", "first_person").match(bodies.strip())
    if first:
        offices = [a for a in issuers if not re.search(r"政府$", a.name)]
        ends = [a for a in offices if a.name.endswith(first.group(1))]
        named = ends if len(ends) == 1 else offices if len(offices) == 1 else []
        return [(agency, 0) for agency in named]
    return resolve_list(bodies, where, keep_unknown=_is_group(bodies))


def _bodies(captured: str) -> str:
    """The bodies a captured phrase names: those before their partners (由市发改委会同市经信局统筹推进
    names 市发改委), without a modal verb after them (市经信局要加强对…)."""
    section = words()["coordination"]
    text = re.split(alternation(section["partner_words"]), captured, maxsplit=1)[0].strip()
    return re.sub(f"(?:{alternation(section['modal_words'])})$", "", text)


def _is_group(bodies: str) -> bool:
    """A working group the plan sets up (成立…工作专班，由…牵头) is a body by its ending, so it is kept
    as written where no dictionary knows it; other captured text must resolve to a known kind of body."""
    return bool(pattern("coordination", "group_ends").search(bodies.strip()))


@dataclass
class _Sentence:
    text: str
    start: int
    end: int


def _sentences(line: Line) -> list[_Sentence]:
    out = []
    begin = 0
    for match in re.finditer(r"[。；;！!]", line.text + "。"):
        piece = line.text[begin:match.start()]
        if piece.strip():
            out.append(_Sentence(piece, line.start + begin, line.start + match.start()))
        begin = match.end()
    return out
