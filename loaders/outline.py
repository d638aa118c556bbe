"""The outline of a plan: its top-level sections and its measures at every depth.

Plans number their parts in a few styles (一、 / （一） / 1. / （1） / ① /
第一条 / bullets). The depth of a style is not fixed: it is the order in which
styles open inside a section (a style already open closes everything deeper),
the way nested lists work. Every numbered item below a top-level section is a
measure, also the (一)指导思想 / (二)发展目标 of a 总体要求; but a section that holds
guiding text and goals (总体要求, 发展目标…) keeps its lines for the plan: goals and
coordination read there stay the plan's. A 专栏 box is kept as ``box`` text of the measure it
sits in. Plans whose items lost their numbers (a heading line followed by its
paragraph), news reports (一是…二是…, 提出…, paragraphs opening with a task
title) are read by fallbacks used only when no numbered item is found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from loaders.document import Span
from loaders.layout import (
    COUNT_NUMERALS,
    COUNTERS,
    PLAN_GENRE,
    Layout,
    Line,
    chinese_number,
    counted_lists,
    reported_actions,
)
from loaders.lexicon import alternation, pattern, words
from loaders.metadata import FILE_SUFFIX, names_a_document
from loaders.segment import tagged
from loaders.tables import division_rows

NUMERAL = "一二三四五六七八九十"
STYLES: list[tuple[str, re.Pattern[str]]] = [
    ("sec", re.compile(rf"^([{NUMERAL}]{{1,3}})\s*[、.．]\s*")),
    # (a PDF may space the number out: 第 一 章总则)
    ("chap", re.compile(rf"^第\s*([{NUMERAL}百]+)\s*(?:章|部分|篇)\s*")),
    # 壹、计画缘起 / 贰、推动策略: the capital numerals Taiwan plans number their top-level parts with
    ("capital", re.compile(r"^([壹贰貳叁参參肆伍陆陸柒捌玖拾]{1,3})\s*[、.．]\s*")),
    ("article", re.compile(rf"^第\s*([{NUMERAL}百]+)\s*条\s*")),
    ("paren_cn", re.compile(rf"^[（(]\s*([{NUMERAL}]{{1,3}})\s*[)）]\s*")),
    ("paren_num", re.compile(r"^[（(]\s*(\d{1,2})\s*[)）]\s*")),
    ("num_dot", re.compile(r"^(\d{1,2})\s*[.．、](?!\d)\s*")),
    ("num_paren", re.compile(r"^(\d{1,2})\s*[)）]\s*")),
    ("circled", re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
    ("md", re.compile(r"^(#{1,6})\s+")),
    ("dash", re.compile(r"^(——|--|—)\s*")),
    ("bullet", re.compile(r"^([-*•·●▪◆])\s+")),
    ("arrow", re.compile(r"^([▷▶►])\s*")),
]
#: a line that opens with an item number or a bullet of any style
ITEM_START = re.compile("|".join(f"(?:{regex.pattern})" for _style, regex in STYLES))
CJK = re.compile(r"[\u4e00-\u9fff]")
#: a section number printed without 、 (一总体目标): accepted only in sequence and on a short line
BARE_SECTION = re.compile(rf"^([{NUMERAL}]{{1,2}})(?![是批些个项条种类级流体系方面大])(?=[\u4e00-\u9fff])")
TERMINAL = "。；;：:！!？?，,"
SCOPE_CLAUSE = re.compile(r"^\s*本(?:政策|办法|措施|方案|规定|细则|计划)(?:所称|适用于|自|由|中)")
#: the closing provision that brings the rules into force or names who interprets them (本办法自…起施行)
EFFECT_CLAUSE = re.compile(r"^\s*本(?:政策|办法|措施|方案|规定|细则|计划)(?:自|由)")
YISHI = re.compile(r"(?:^|(?<=[。；;：:]))\s*([一二三四五六七八九十])是")
#: 第一，…。第二，…: ordinals opening the sentences of a paragraph (an answer's 答：主要有三方面：第一，…)
ORDINAL_IN_TEXT = re.compile(r"(?:^|(?<=[。；;：:]))\s*(第[一二三四五六七八九十])"
                             r"(?:\s*[，,、]|项(?:重点|主要)?(?:任务|工作|举措)?是)")
#: the label words a plan's parts are counted by (策略一, 主軸二, 任务三, 行动四)
PART_LABEL = "策略|主轴|面向|行动|任务|工程|举措|方向|路径"
#: 一是…，二是…: a report's short items a comma apart in one sentence (部署了四方面任务：一是A，二是B)
YISHI_LISTED = re.compile(r"(?:^|(?<=[。；;：:，,]))\s*([一二三四五六七八九十])是")


@dataclass
class Section:
    number: str | None
    title: str
    kind: str  # "measures", "goals" or "other"
    line: Line | None


@dataclass
class Measure:
    key: str
    number: str | None
    number_span: Span | None
    title: Span
    level: int
    ordinal: int = 0
    section: Section | None = None
    parent: Measure | None = None
    #: the item's own text, piece by piece (first piece starts after the number)
    pieces: list[Span] = field(default_factory=list)
    box: list[Span] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    children: list[Measure] = field(default_factory=list)
    #: alternative titles (a news report's heading for the same item)
    title_variants: list[str] = field(default_factory=list)
    #: the heading a report groups the item's paragraph under (### 关键技术“攻坚”行动) when its task
    #: list is printed apart from the paragraphs; the item's section stays the list's
    group: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pieces)

    @property
    def surface_text(self) -> str:
        """The item's text as printed; a line that a page broke inside a sentence (…智能设 / 计。) is
        joined to its rest, since the break is the page's layout, not the text's."""
        out = ""
        for n, piece in enumerate(self.pieces):
            wrapped = n > 0 and _wrapped(self.pieces[n - 1].text, piece.text)
            out += ("" if wrapped or n == 0 else "\n") + piece.surface
        return out


#: the rest of a word or clause a line break cut: a few characters up to a punctuation mark (计。研发…,
#: 成电路、新能源汽车…), not a new sentence of its own
CONTINUES = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9]{0,6}[，。；、,;：:）)”」]")


def _wrapped(previous: str, following: str) -> bool:
    """Was ``previous`` a printed line broken inside a sentence: a full line of prose (no heading)
    that stops without a sentence end, followed by a line that opens with the cut word's rest?"""
    return (len(CJK.findall(previous)) >= 30 and bool(re.search(r"[，,。；;]", previous))
            and bool(re.search(r"[\u4e00-\u9fffA-Za-z0-9]$", previous)) and bool(CONTINUES.match(following))
            and not ITEM_START.match(following))


@dataclass
class Outline:
    sections: list[Section]
    measures: list[Measure]
    #: line index -> (section, innermost measure, inside a box)
    context: dict[int, tuple[Section | None, Measure | None, bool]] = field(default_factory=dict)

    def measure_at(self, line: Line) -> Measure | None:
        return self.context.get(line.index, (None, None, False))[1]

    def section_at(self, line: Line) -> Section | None:
        return self.context.get(line.index, (None, None, False))[0]


@dataclass
class _Marked:
    line: Line
    style: str | None
    number: str | None
    rest: Span


def classify(lay: Layout, line: Line, last_section: int) -> _Marked:
    doc = lay.doc
    bold = re.match(r"\*\*(?=[^*]+\*\*\s*$)", line.text)  # **一、筑牢智能算力底座**: a bold heading
    skip = bold.end() if bold else 0
    text = line.text[skip:].removesuffix("**").rstrip() if bold else line.text
    for style, regex in STYLES:
        match = regex.match(text)
        if match:
            number = text[: match.end()].strip() if style not in ("md", "dash", "bullet", "arrow") else None
            if number and style in ("chap", "article"):
                number = re.sub(r"\s+", "", number)  # 第 一 条, as a PDF spaced it out: 第一条
            if style in ("num_dot", "num_paren") and _looks_like_quantity(text, match):
                continue
            begin = line.start + skip
            return _Marked(line, style, number, doc.span(begin + match.end(), begin + len(text)))
    bare = BARE_SECTION.match(text)
    if bare and len(text) <= 16 and not re.search(r"[，。；,;：:]", text):
        value = chinese_number(bare.group(1))
        if value == last_section + 1:
            return _Marked(line, "sec", bare.group(1), doc.span(line.start + bare.end(), line.end))
    return _Marked(line, None, None, doc.span(line.start, line.end))


def _looks_like_quantity(text: str, match: re.Match[str]) -> bool:
    """1. 2. are item numbers; 1.5亿 or 2、3个 are not."""
    after = text[match.end():match.end() + 2]
    return bool(re.match(r"\d|[个家项万亿%]", after))


@lru_cache(maxsize=4096)  # asked of a measure's section for every line and goal under it (pure)
def section_kind(title: str) -> str:
    plain = re.sub(r"[\s“”\"]", "", title)
    if any(word in plain for word in words()["outline"]["non_measure_sections"]):
        goal = any(word in plain for word in words()["outline"]["goal_sections"])
        return "goals" if goal else "other"
    return "measures"


def outline(lay: Layout, body: list[Line]) -> Outline:
    marked: list[_Marked] = []
    last_section = 0
    for line in body:
        if line.chrome:
            continue
        item = classify(lay, line, last_section)
        if item.style == "sec":
            last_section = chinese_number(item.number.rstrip("、.． ")) or last_section + 1
        marked.append(item)
    _unmark_page_numbers(lay, marked)
    _unmark_annex_list(marked)
    _capital_parts(marked)
    has_sections = any(m.style in ("sec", "chap", "md") for m in marked)
    result = Outline([], [])
    _walk(marked, result, has_sections)
    _inline_enumerations(result)
    if not _has_tasks(result):
        _bracketed_paragraphs(marked, result)
    if not _has_tasks(result):
        _sections_as_measures(marked, result)
    if not _has_tasks(result):
        _table_rows(lay, marked, result)
    if not _has_tasks(result):
        _fallbacks(lay, marked, result)
    _bullet_paragraphs(marked, result)
    _drop_cut_heading(marked, result)
    _drop_document_titles(result)
    _number_siblings(result)
    return result


def _capital_parts(marked: list[_Marked]) -> None:
    """A plan whose top-level parts are numbered in capital numerals (壹、计画缘起 / 参、推动策略 / 一、建构
    智慧交通 / （一）…): those are its sections, and its 一、 items below them are measures like any
    numbered item (``item`` style, one level above its （一）)."""
    if not any(m.style == "capital" for m in marked):
        return
    for m in marked:
        if m.style == "capital":
            m.style = "chap"
        elif m.style == "sec":
            m.style = "sec_item"


#: the label of a notice's list of annexes on a line of its own (附件： / 附 件)
ANNEX_LABEL = re.compile(r"^\s*附\s*件\s*[：:]?\s*$")


def _unmark_annex_list(marked: list[_Marked]) -> None:
    """The numbered lines right under a notice's 附件： label (1. 关于…的说明.docx / 2. …管理办法) are its
    annexes' file names, not items of the plan: entries that print no sentence, as a task does, number
    nothing. (An annex that is the plan itself opens with its title, unnumbered, and keeps its items.)"""
    for k, item in enumerate(marked):
        if item.style is not None or not ANNEX_LABEL.match(item.line.text):
            continue
        for entry in marked[k + 1:]:
            if entry.style not in ("num_dot", "num_paren", "paren_num") or re.search(r"[。！？；;]", entry.line.text):
                break
            entry.style, entry.number = None, None


#: a page of a document-sharing site: this long, its number (1、2、3、) opens it wherever its text stands
PAGE_LENGTH = 150


def _unmark_page_numbers(lay: Layout, marked: list[_Marked]) -> None:
    """A document-sharing site prints its copy of a file page by page, each page one long line opened by
    its page number (1、…优化营 / 2、商环境，…): numbers that count the lines in a run, each page but the
    last cut mid-word, number no items, and the lines are the text itself."""
    numbered = [m for m in marked if m.style == "num_dot"]
    # a page's line split where a title ran into its text (1、…方案（征求意见稿）为…) is still one page
    whole = {m.line.index: _whole_line(lay, m.line) for m in numbered}
    pages = [m for m in numbered if len(whole[m.line.index]) >= PAGE_LENGTH]
    cut = re.compile(r"[\u4e00-\u9fff\dA-Za-z]$")
    if pages and cut.search(whole[pages[-1].line.index]):
        # the last page is as long as the stored text goes on
        after = numbered[numbered.index(pages[-1]) + 1:]
        pages += after[:1]
    numbers = [int(re.match(r"\d+", m.number or "").group()) for m in pages]
    if numbers[:1] == [2] and _title_page(lay, pages[0].line, cut):
        numbers.insert(0, 1)  # page 1 opened with the title, read as the heading above the body
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return
    if not all(cut.search(whole[m.line.index]) for m in pages[:-1]):
        return  # a long numbered item ends its sentence; a page ends wherever the page does
    for m in pages:
        m.style, m.number, m.rest = None, None, lay.doc.span(m.line.start, m.line.end)


def _title_page(lay: Layout, second: Line, cut: re.Pattern[str]) -> bool:
    """Is there a page 1 above ``second`` (1、…方案（征求意见稿）为…), as long as a page and cut mid-word?"""
    for line in lay.lines[:second.index]:
        if line.part == 0 and re.match(r"1[、.．]", line.text):
            whole = _whole_line(lay, line)
            if len(whole) >= PAGE_LENGTH and cut.search(whole):
                return True
    return False


def _whole_line(lay: Layout, line: Line) -> str:
    """The text of the page's line that ``line`` opens, with the preamble the layout split off a draft's
    title run into it (…方案（征求意见稿）| 为加快…); any other line as it is (items a run-on paragraph
    held are items of their own, not parts of one page)."""
    if not re.search(r"征求意见稿[)）]$", line.text):
        return line.text
    parts = [line.text]
    for following in lay.lines[line.index + 1:]:
        if following.part == 0:
            break
        parts.append(following.text)
    return "".join(parts)


def _has_tasks(result: Outline) -> bool:
    """Has the outline found a task item (not only the (一)指导思想 of a 总体要求)?"""
    return any(m.section is None or m.section.kind == "measures" for m in result.measures)


#: longer than a heading: an item with this many characters and no sentence end is a cut sentence
HEADING_MAX = 40


def _drop_cut_heading(marked: list[_Marked], result: Outline) -> None:
    """A page cut inside an item's heading leaves a heading that is not one: the last line of the
    text, an item with no sentence end anywhere, where the items of its level print their heading
    as a sentence (（三）培育产业集群。依托…) — its siblings, else the items of that level elsewhere —
    or that runs on longer than a heading does, or, on a page that stops without a line end, that
    stops on a verb of one character, the first of a word cut in two (（一）大数据基础设施建). So this
    one stops mid-sentence."""
    if not result.measures or not marked:
        return
    last = result.measures[-1]
    if not last.pieces or last.lines[0].index != marked[-1].line.index or len(last.lines) > 1:
        return  # not the page's last line
    if re.search(r"[。！？；;：:]", last.text) or last.title.end < last.pieces[0].end:
        return  # a sentence end, or a heading printed apart from its text (第二条【人工智能定义】 本条例…)
    if re.search(r"[。！？；;]", last.title.doc.text[last.title.end:last.lines[0].end]):
        return  # the last of a list a report's sentence names (就是A、B、C。): its sentence ends after it
    siblings = [m for m in result.measures[:-1]
                if m.parent is last.parent and m.level == last.level and m.section is last.section]
    if not siblings:
        siblings = [m for m in result.measures[:-1] if m.level == last.level and m.number and last.number
                    and _style_of(m.number) == _style_of(last.number)]
    as_sentences = bool(siblings) and all(re.search(r"[。！？]", m.lines[0].text) for m in siblings)
    comma = re.search(r"[，,]", last.pieces[0].text)
    if (as_sentences and comma and 4 <= comma.start() <= 30 and not _frames(last.pieces[0].text[: comma.start()])
            and not DATE_CLAUSE.match(last.pieces[0].text[: comma.start()])
            and all(_titled_by_first_clause(m) for m in siblings)):
        # its siblings are named by their first clause (（三）发明专利…不低于10%，…): so is this one, whose
        # first clause is whole though the page stops later in its sentence
        last.title = last.pieces[0].sub(0, comma.start())
        return
    page_cut = not last.title.doc.text.endswith("\n")
    if as_sentences or len(last.title.text) > HEADING_MAX or (page_cut and _cut_word(last.title.text)):
        result.measures.pop()
        if last.parent is not None:
            last.parent.children.remove(last)
        section, _measure, box = result.context.get(last.lines[0].index, (None, None, False))
        result.context[last.lines[0].index] = (section, last.parent, box)


def _titled_by_first_clause(measure: Measure) -> bool:
    """Is an item named by the first clause of its first sentence (its title stops at a comma)?"""
    piece = measure.pieces[0] if measure.pieces else None
    return (piece is not None and measure.title.end < piece.end
            and piece.doc.text[measure.title.end:measure.title.end + 1] in "，,")


def _cut_word(text: str) -> bool:
    """Does ``text`` end on a one-character verb, as a heading cut inside a word does (…设施建, …科研攻)?"""
    words_ = tagged(text[-12:])
    return bool(words_) and len(words_[-1][0]) == 1 and words_[-1][1] == "v"


#: an item that opens by naming a chapter of a document ((一)第一章总则，主要是…): a 解读 going through
#: the document's chapters, whose chapters are its top-level parts, not its measures
CHAPTER = re.compile(r"第[一二三四五六七八九十百\d]{1,4}[章编]")


#: an annex entry that is a paper on the document or a form to fill in, not a task (关于《…》的起草说明,
#: 政策解读, 意见反馈表, 项目申报表)
ANNEX_PAPER = re.compile(r"^(?:关于)?(?:《[^《》]{2,60}》)?的?(?:起草|编制|修订)?(?:说明|情况说明|政策解读|解读)$"
                         r"|^[^，,。；;《》]{0,16}(?:反馈表|意见表|申报表|登记表|申请表|汇总表)$")


def _drop_document_titles(result: Outline) -> None:
    """An item that is only a document's title (1. 宁安市智能制造专项行动计划, 2. 宁安市关于…的实施意见
    （征求意见稿）) is an entry in a list of annexes or companion plans, not a task of the plan; an item
    titled as a part of a document (（一）总体要求, （一）第一章总则，主要是…) is that part."""
    def listed(m: Measure) -> bool:
        whole = m.pieces[0].text.strip() if m.pieces else ""
        text = re.sub(r"[（(][^（）()]*[)）]\s*$", "", FILE_SUFFIX.sub("", whole))  # （征求意见稿）, .docx
        return (m.number is not None and not m.children and not re.search(r"[。，,；;：:]", text)
                and not any("。" in p.text for p in m.pieces[1:])
                and (names_a_document(text) or FILE_SUFFIX.search(whole) is not None or ANNEX_PAPER.match(text)))

    parts = set(words()["outline"]["part_names"])

    def part(m: Measure) -> bool:
        """(一)总体要求 / (二)支持措施: the name of a part of the document, numbered as an item."""
        return (m.number is not None and not m.children and not m.number.endswith("是")
                and (_clean_title(m.title.text) in parts or CHAPTER.match(m.title.text.strip()) is not None))

    for m in [m for m in result.measures if listed(m) or part(m)]:
        result.measures.remove(m)
        if m.parent is not None:
            m.parent.children.remove(m)
        for line in m.lines:
            section, _measure, box = result.context.get(line.index, (None, None, False))
            result.context[line.index] = (section, m.parent, box)


def _style_of(number: str) -> str | None:
    """The numbering style an item number is written in (（一） and （二） share one)."""
    return next((style for style, regex in STYLES if regex.match(number)), None)


def _bullet_paragraphs(marked: list[_Marked], result: Outline) -> None:
    """A task list whose items are only titles (a report's 重点任务 bullets): each item's text is the
    paragraph elsewhere that opens with its title, with the paragraphs that follow it up to the next
    heading or the next item's paragraph."""
    bullets = [m for m in result.measures if m.pieces and len(m.pieces) == 1 and m.text == m.title.text
               and m.number is None]
    if not bullets:
        return
    titles = {m.title.text: m for m in bullets}
    owner: Measure | None = None
    group: str | None = None
    for item in marked:
        if item.style is not None:
            owner = None
            group = item.rest.surface.strip() if item.style == "md" else None
            continue
        text = item.line.text
        match = re.match(r"^([^。！？]{2,40})[。！？]", text)
        hit = titles.get(match.group(1)) if match else None
        if hit is not None:
            owner = hit
            owner.group = group
            owner.pieces = [item.rest]
            owner.lines.append(item.line)
            result.context[item.line.index] = (result.section_at(item.line), owner, False)
        elif owner is not None:
            owner.pieces.append(item.rest)
            owner.lines.append(item.line)
            result.context[item.line.index] = (result.section_at(item.line), owner, False)


# -- numbered and bulleted items --------------------------------------------------

MEASURE_STYLES = ("sec_item", "article", "paren_cn", "paren_num", "num_dot", "num_paren", "circled", "bullet",
                  "arrow")


def _walk(marked: list[_Marked], result: Outline, has_sections: bool) -> None:
    box_re = pattern("outline", "box")
    section: Section | None = None
    stack: list[str] = []
    open_items: list[Measure] = []
    in_box = False
    counter = [0]
    for item in marked:
        line, style = item.line, item.style
        if style in ("sec", "chap", "md"):
            title = item.rest.text.strip().strip("#").strip()
            section = Section(item.number, _clean_title(title), section_kind(title), line)
            result.sections.append(section)
            stack, open_items, in_box = [], [], False
            result.context[line.index] = (section, None, False)
            continue
        # every numbered item below a top-level section is a measure, also under 总体要求 (its
        # (一)指导思想 / (二)发展目标); only the lines of task sections are theirs to own, so goals and
        # coordination read in a frame section stay the plan's
        measures_here = section is not None or not has_sections
        owns = section is None or section.kind == "measures"
        if style in MEASURE_STYLES and measures_here and (
                not item.rest.text.strip(" " + TERMINAL)
                or (EFFECT_CLAUSE if style == "article" else SCOPE_CLAUSE).match(item.rest.text)):
            # a bare number (the page ends right after it), or 本政策适用于… closing a list of tasks (scope,
            # not a task); an article is one unless it only brings the rules into force (第九条 本办法自…
            # 起施行): 第二条 本办法所称… defines the rules' own terms
            continue
        if style in MEASURE_STYLES and measures_here:
            if style in stack:
                del stack[stack.index(style) + 1:]
            else:
                stack.append(style)
            depth = len(stack)
            del open_items[depth - 1:]
            parent = open_items[-1] if open_items else None
            counter[0] += 1
            measure = Measure(
                key=f"{len(result.sections)}.{counter[0]}", number=item.number,
                number_span=item.rest.doc.span(line.start, item.rest.start).strip() if item.number else None,
                title=_item_title(item, marked), level=depth, section=section, parent=parent,
                pieces=[item.rest] if item.rest.text else [], lines=[line])
            if parent:
                parent.children.append(measure)
            result.measures.append(measure)
            open_items.append(measure)
            in_box = False
            result.context[line.index] = (section, measure if owns else None, False)
            continue
        if style is None:
            _close_inline_items(open_items, stack, line)
        current = open_items[-1] if open_items else None
        if current and box_re.search(line.text):
            in_box = True
        if current and in_box:
            current.box.append(item.rest.doc.span(line.start, line.end))
            current.lines.append(line)
        elif current and style is None:
            current.pieces.append(item.rest)
            current.lines.append(line)
        result.context[line.index] = (section, current if owns else None, in_box)


def _inline_enumerations(result: Outline) -> None:
    """一是…。二是…。 inside a numbered task item (1.推动数字化。一是抓好规划引领。…二是…): the item's
    sub-tasks, one measure each under it, titled by the phrase after the marker."""
    out: list[Measure] = []
    for measure in result.measures:
        out.append(measure)
        if measure.children or not measure.pieces or (measure.section is not None
                                                      and measure.section.kind != "measures"):
            continue
        piece = measure.pieces[0]
        hits = list(YISHI.finditer(piece.text))
        # a page that stops inside the item's first 一是… (its 二是 cut away) still opens the list
        cut = len(hits) == 1 and piece.end >= len(piece.doc.text.rstrip()) and not piece.doc.text.endswith("\n")
        if (len(hits) < 2 and not cut) or [chinese_number(h.group(1)) for h in hits] != list(range(1, len(hits) + 1)):
            continue
        items = []
        for n, hit in enumerate(hits):
            end = hits[n + 1].start() if n + 1 < len(hits) else len(piece.text)
            body = piece.sub(hit.end(), end)
            stop = re.search(r"[，,；;。]", body.text)
            title = body.sub(0, stop.start()) if stop else _strip_terminal(body)
            if not title.text.strip():
                break
            number = piece.sub(hit.start(1), hit.end())
            items.append(Measure(f"{measure.key}.{n + 1}", number.text, number, title, measure.level + 1,
                                 section=measure.section, parent=measure,
                                 pieces=[piece.sub(hit.start(1), end)], lines=[measure.lines[0]]))
        if (len(items) < 2 and not cut) or not items or not _names_tasks([m.title.text for m in items]):
            continue
        measure.children.extend(items)
        out.extend(items)
    result.measures[:] = out


def _close_inline_items(open_items: list[Measure], stack: list[str], line: Line) -> None:
    """Items numbered inside one paragraph (3.发放“标注券”。(1)…;(2)…) end with it: the next printed
    line (its 牵头单位 list, its next paragraph) continues the item that opened the paragraph."""
    while len(open_items) > 1 and open_items[-1].lines[0].part > 0 and line.part == 0:
        open_items.pop()
        del stack[len(open_items):]


def _item_title(item: _Marked, marked: list[_Marked]) -> Span:
    rest = item.rest
    text = rest.text
    bracket = (re.match(r"^\s*[【\[]([^】\]]{2,40})[】\]]", text)
               or re.match(r"^\s*[（(]([^）)：:、，,]{2,20})[）)]", text))
    if bracket:
        return rest.sub(bracket.start(1), bracket.end(1))  # 第一条【立法目的】, 第一條(目的依據)
    if item.style == "bullet":
        # - 特种机器人：如警用机器人…: a 解读's bullet names its item before the colon and describes it after
        label = re.match(r"^\s*([^。！？!?，,；;：:]{2,20})[：:]", text)
        if label and CJK.search(text[label.end():]):
            return rest.sub(label.start(1), label.end(1))
        return _strip_terminal(rest)
    stop = re.search(r"[。！!？?]", text)
    colon = re.search(r"[：:]", text)
    if colon and 4 <= colon.start() <= 30 and (stop is None or colon.start() < stop.start()):
        return _strip_terminal(rest.sub(0, colon.start()))  # （一）加强组织领导：成立…
    title = rest.sub(0, stop.start()) if stop else rest
    if len(title.text) > 80 and "：" in title.text[:60]:
        title = rest.sub(0, title.text.index("："))
    if stop is None:
        return _strip_terminal(title)  # a sentence cut by the page end is judged whole (_drop_cut_heading)
    return _strip_terminal(_first_clause(title))


#: how long a first sentence may be and still be an item's title as a whole
SENTENCE_TITLE_MAX = 50
#: a first clause that says why, where or how (为加快…，依托…，对…的，), never the task's name
FRAME_CLAUSE = re.compile(r"^(?:为|按照|根据|依据|对|依托|围绕|聚焦|以|在|坚持|结合|通过|针对|按|经|凡|同一)")
#: 为…提供支持: 为 names whom the task serves, and the clause carries its own verb; it is the task
SERVES_CLAUSE = re.compile(r"^为[^，,；;。]{2,30}提供[^，,；;。]{0,8}(?:支持|服务|保障|支撑)$")


def _frames(clause: str) -> bool:
    """Does the first clause say why, where or how (为加快…), rather than name the task? Not one that
    provides for someone (为…企业提供支持, 为…提供服务)."""
    return bool(FRAME_CLAUSE.match(clause)) and not SERVES_CLAUSE.match(clause)


#: a first clause that only dates the task (到2020年，探索建立…): the task is the clause after it
DATE_CLAUSE = re.compile(r"^(?:力争)?(?:到|至|在)?(?:19|20)\d{2}\s*年(?:底|前|末)?$")


def _first_clause(title: Span) -> Span:
    """An item with no heading of its own that opens with a long sentence is named by its first
    clause, the task, when that clause reads as one (开展人工智能社会实验，探索…；…): what follows
    the comma says how. A short sentence, a clause that frames the task (为…, 对…的; not 为…提供支持) or
    one too short or too long to name it keeps the whole sentence."""
    text = title.text
    comma = re.search(r"[，,；;]", text)
    if comma and DATE_CLAUSE.match(text[: comma.start()]):
        comma = re.compile(r"[，,；;]").search(text, comma.end())
    if (len(text) <= SENTENCE_TITLE_MAX or comma is None or not 4 <= comma.start() <= 30
            or _frames(text[: comma.start()])):
        return title
    return title.sub(0, comma.start())


def _strip_terminal(span: Span) -> Span:
    return span.strip(" " + TERMINAL)


def _clean_title(title: str) -> str:
    return title.strip().rstrip(TERMINAL).strip()


def _number_siblings(result: Outline) -> None:
    """ordinal = position among siblings: children of one parent, or level-1 items of one section."""
    counts: dict[tuple, int] = {}
    for measure in result.measures:
        key = ("p", id(measure.parent)) if measure.parent else ("s", id(measure.section))
        counts[key] = counts.get(key, 0) + 1
        measure.ordinal = counts[key]


# -- fallbacks for plans without numbered items ---------------------------------------

def _table_rows(lay: Layout, marked: list[_Marked], result: Outline) -> None:
    """序号 | 重点任务 | 牵头单位 | 配合单位: a plan whose tasks are the rows of a 责任分工 table has
    one measure per row, titled by the task's first sentence (the rows and their roles are read by
    ``tables.division_rows``; the roles by ``responsibility.table_assignments``)."""
    lines = [m.line for m in marked]
    for row in division_rows(lay.doc, lines, strict=True):
        cell = row.task
        stop = re.search(r"[。；;]", cell.text)
        title = cell.sub(0, stop.start()) if stop else cell
        line = next(line for line in lines if line.start <= cell.start <= line.end)
        section = result.section_at(line)
        measure = Measure(f"t.{len(result.measures) + 1}", row.number.text if row.number else None, row.number,
                          title, 1, section=section, pieces=[cell], lines=[line])
        result.measures.append(measure)
        result.context[line.index] = (section, measure, False)


@cache
def _responsibility_bracket() -> re.Pattern[str]:
    """A bracket that opens with a responsibility label: （牵头单位：…；配合单位：…）, (责任单位:…)."""
    labels = sorted(map(re.escape, [*words()["responsibility"]["lead"], *words()["responsibility"]["responsible"]]),
                    key=len, reverse=True)
    return re.compile(r"[（(〔【]\s*(?:" + "|".join(labels) + r")\s*[:：】〕]")


def _bracketed_paragraphs(marked: list[_Marked], result: Outline) -> None:
    """Task sections whose items are unnumbered paragraphs, each closed by its own responsibility
    bracket (一、提升创新能力 / 建设…研究院，开展…。（牵头单位：省发展改革委；配合单位：…）): each such
    paragraph is a measure of its section, named by its first sentence. Read so only when at least two
    paragraphs carry a bracket, every one lies in a task section and some section holds several."""
    bracket = _responsibility_bracket()
    paragraphs = [m for m in marked if m.style is None and bracket.search(m.line.text)
                  and re.search(r"[。！？]", m.line.text[: bracket.search(m.line.text).start()])]
    sections = [result.section_at(m.line) for m in paragraphs]
    if len(paragraphs) < 2 or any(s is None or s.kind != "measures" for s in sections):
        return
    if len({id(s) for s in sections}) == len(sections):
        return  # one paragraph a section: the section is the item (_sections_as_measures)
    for item, section in zip(paragraphs, sections, strict=True):
        measure = Measure(f"b.{len(result.measures) + 1}", None, None, _item_title(item, marked), 1,
                          section=section, pieces=[item.rest], lines=[item.line])
        result.measures.append(measure)
        result.context[item.line.index] = (section, measure, False)


def _sections_as_measures(marked: list[_Marked], result: Outline) -> None:
    """一、加强工业智能算力供给。统筹…（责任单位：…）: a 若干措施 numbered 一、二、 with nothing under
    them writes its measures at the top level. Read so when at least two task sections carry
    their text on the heading line and none holds numbered items."""
    sections = [m for m in marked if m.style == "sec" and section_kind(m.rest.text) == "measures"
                and not SCOPE_CLAUSE.match(m.rest.text)]  # 三、本措施自…起施行: the rules in force, no task
    inline = [m for m in sections if re.search(r"[。！？]\s*\S{8,}", m.rest.text)]
    # a report's bold 一、筑牢智能算力底座 headings, each over its paragraph, are its items too
    headed = [m for m in sections if _is_heading_like(_clean_title(m.rest.text.strip("*# "))) and _task_start(
        _clean_title(m.rest.text.strip("*# ")))]
    if max(len(inline), len(headed)) < 2 or max(len(inline), len(headed)) < len(sections) - 1:
        return
    heading_lines = {m.line.index for m in sections}
    result.sections = [s for s in result.sections if s.line is None or s.line.index not in heading_lines]
    current: Measure | None = None
    for item in marked:
        if item in sections:
            current = Measure("", item.number, item.rest.doc.span(item.line.start, item.rest.start).strip(),
                              _item_title(item, marked), 1, pieces=[item.rest], lines=[item.line])
            current.key = f"s.{len(result.measures) + 1}"
            result.measures.append(current)
            result.context[item.line.index] = (None, current, False)
        elif item.style in ("sec", "chap", "md"):
            current = None
        elif current is not None and item.style is None:
            current.pieces.append(item.rest)
            current.lines.append(item.line)
            result.context[item.line.index] = (None, current, False)


def _fallbacks(lay: Layout, marked: list[_Marked], result: Outline) -> None:
    """Items that lost their numbers, news reports: used only when no numbered item exists."""
    candidates = [m for m in marked if m.style is None and _measures_allowed(result, m.line)]
    found = _heading_lines(candidates, result) or _task_paragraphs(candidates, result)
    found += _headed_runs(candidates, result, existing=found)
    found += _task_clause_neighbours(candidates, result, existing=found)
    found += _enumerations(candidates, result, existing=found)
    found += _enumerated_lines(candidates, result, existing=found)
    found += _listed_tasks(candidates, result, existing=found)
    found += _described_tasks(candidates, result, existing=found)
    found += _reported_actions(candidates, result, existing=found)
    found += _labelled_parts(candidates, result, existing=found)
    found += _explained_parts(candidates, result, existing=found)
    found += _semicolon_tasks(candidates, result, existing=found)
    found += _reported_items(candidates, result, existing=found)
    found += _point_series(candidates, result, existing=found)
    found += _sequence_words(candidates, result, existing=found)
    found += _slogan_parts(candidates, result, existing=found)
    # (dash lines too: ——建设…。 under the line announcing them)
    listed = [m for m in marked if m.style in (None, "dash") and _measures_allowed(result, m.line)]
    found += _announced_lines(listed, result, existing=found)
    found += _aspects(candidates, result, existing=found)
    if not found:
        found = _announced_setups(candidates, result)
    found.sort(key=lambda m: m.title.start)
    for n, measure in enumerate(found, 1):
        measure.key = f"f.{n}"
    result.measures.extend(found)


#: a report's announcement that a body, fund or programme it names in quotes will be set up (政府将成立
#: 「…办公室」, 并于明年内成立「…研发院」, 此外，增设100亿元「…计划」): the verb, up to the closing quote
SETUP = re.compile(r"(?:^|(?<=[，,。；;]))\s*(?:此外|另外|同时|并|亦|政府)?\s*"
                   r"(?P<when>[^，,。；;「」《》]{0,14}?)"
                   r"(?P<task>(?:成立|设立|增设|开设|推出)(?!的)[^，,。；;「」《》]{0,14}?[「《][^「」《》]{2,30}[」》])")
#: what makes the announcement a future step: 将, 会, 明年, 年内, 下半年, 起; or the verb opening its clause
SETUP_WHEN = re.compile(r"^(?:[\u4e00-\u9fff]{0,8}?(?:将|会|明年|今年|年内|下半年|起)[^已]*)?$")


def _flat_measure(item: _Marked, title: Span, section: Section | None) -> Measure:
    """A top-level measure a report's sentence names (``title``, a part of ``item``'s text), read
    from that one line: what the fallbacks for reports without numbered items make."""
    return Measure("", None, None, title, 1, section=section, pieces=[title], lines=[item.line])


def _announced_setups(candidates: list[_Marked], result: Outline) -> list[Measure]:
    """A report of a policy statement (a 施政报告, a budget) that presents its new steps in running text:
    each clause announcing that a body, fund or programme named in quotes will be set up is a measure,
    titled from its verb to the name; two or more on the page, none already done (已…, 去年…推出的)."""
    found = []
    for item in candidates:
        text = item.rest.text
        if "「" not in text and "《" not in text:
            continue  # most lines: nothing named in quotes
        for match in SETUP.finditer(text):
            when = match.group("when")
            if not SETUP_WHEN.match(when) or re.search(r"已|去年|前年|此前|早前", when):
                continue
            section = result.section_at(item.line)
            title = item.rest.sub(match.start("task"), match.end("task"))
            found.append(_flat_measure(item, title, section))
            result.context.setdefault(item.line.index, (section, found[-1], False))
    if len(found) < 2:
        for measure in found:
            result.context.pop(measure.lines[0].index, None)
        return []
    return found


def _measures_allowed(result: Outline, line: Line) -> bool:
    section = result.section_at(line)
    if section is None:
        return not any(s.kind == "measures" for s in result.sections) or not result.sections
    return section.kind == "measures"


#: a manner word a task title may open with before its verb: 全力招引…, 大力发展…, 积极推进…
TASK_ADVERB = re.compile(r"^(?:全力|大力|积极|着力|持续|全面|深入|进一步|加快)")


def _task_start(text: str) -> bool:
    """Does ``text`` open with a task verb (加强…, 推动…), also after a manner word (全力招引…)?"""
    verbs = tuple(words()["outline"]["task_verbs"])
    return text.startswith(verbs) or TASK_ADVERB.sub("", text).startswith(verbs)


def _heading_lines(candidates: list[_Marked], result: Outline) -> list[Measure]:
    """A short unpunctuated task heading on its own line, then its paragraph (numbers lost)."""
    found: list[Measure] = []
    for i, item in enumerate(candidates[:-1]):
        text = item.line.text
        # 【建设算力设施】: a report's heading in lenticular brackets is the heading inside them
        bracketed = re.fullmatch(r"[【〖]\s*([^【】〖〗]+?)\s*[】〗]", text)
        title = item.rest.sub(bracketed.start(1), bracketed.end(1)) if bracketed else item.rest
        text = title.text
        following = candidates[i + 1].line
        if (4 <= len(text) <= 24 and not re.search(r"[，。；,;：:、！？]", text) and _task_start(text)
                and len(following.text) > 2 * len(text) and following.index == item.line.index + 1):
            section = result.section_at(item.line)
            measure = Measure("", None, None, title, 1, section=section,
                              pieces=[item.rest], lines=[item.line])
            j = i + 1
            while j < len(candidates) and not _is_heading_like(candidates[j].line.text):
                measure.pieces.append(candidates[j].rest)
                measure.lines.append(candidates[j].line)
                result.context[candidates[j].line.index] = (section, measure, False)
                j += 1
            result.context[item.line.index] = (section, measure, False)
            found.append(measure)
    return found if len(found) >= 2 else []


def _is_heading_like(text: str) -> bool:
    return len(text) <= 24 and not re.search(r"[，。；,;：:、！？]", text)


#: a sentence that names a set of the plan's items by a quoted count and opens it with a colon
#: (…将重点建设好“一群三基地”：): what follows is the set's first item
QUOTED_SET = re.compile(r"^[^。！？：:“”]{0,40}“[^“”]*[一二三四五六七八九十两\d][^“”]*”\s*[：:]\s*")
#: a short label that introduces a list of items: “三基地”包括：, 主要任务是：
LIST_LABEL = re.compile(r"^[^，。；,;：:]{1,12}(?:包括|包含|分别是|主要是|是)\s*[：:]\s*")


def _task_paragraphs(candidates: list[_Marked], result: Outline) -> list[Measure]:
    """Paragraphs that open with a short task title sentence: 加强优质企业引育。围绕…"""
    found = []
    for item in candidates:
        text = item.line.text
        # “三基地”包括：建设…基地。…: a label that introduces the items, before the first one's title
        label = LIST_LABEL.match(text)
        begin = label.end() if label else 0
        stop = re.search(r"[。！？]", text[begin:])
        quoted = None if label else QUOTED_SET.match(text)
        if quoted:
            # 将重点建设好“一群三基地”：加快建设绿色数据中心集群，发挥…: the set named, then its first item,
            # whose title is its first clause
            begin = quoted.end()
            stop = re.search(r"[。！？，,]", text[begin:])
        if not stop or stop.start() > 22 or stop.start() < 4 or len(text) < begin + stop.end() + 20:
            continue
        title = text[begin: begin + stop.start()]
        if not _task_start(title) or re.search(r"[，,；;：:]", title):
            continue
        section = result.section_at(item.line)
        # 全力招引头部企业。对…给予奖励。支持重大项目发展。对…: a flattened paragraph of such items, each
        # title a short task sentence followed by a body that opens as the first one's does
        body = begin + stop.end()
        later = re.finditer(r"(?<=[。！？])\s*([^。！？，,；;：:、]{4,22})。", text[body:])
        starts = [begin] + [body + m.start(1) for m in later
                            if _task_start(m.group(1)) and text[body + m.end():][:1] == text[body:body + 1]
                            and not quoted]
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(text)
            title_end = begin + stop.start() if n == 0 else start + text[start:].index("。")
            measure = Measure("", None, None, item.rest.sub(start, title_end), 1, section=section,
                              pieces=[item.rest.sub(0 if n == 0 else start, end)], lines=[item.line])
            if n == 0:
                result.context[item.line.index] = (section, measure, False)
            found.append(measure)
    return found


#: a newspaper page that goes on from another: (上接一版), （上接第1版）
CONTINUED = re.compile(r"^\s*[（(]\s*上接[^）)]{1,8}[）)]\s*")
#: a paragraph's title sentence, short and unpunctuated (创新人才引育机制。统筹…)
TITLE_SENTENCE = re.compile(r"^([^。！？，,；;：:、]{4,22})[。！？]")


def _headed_runs(candidates: list[_Marked], result: Outline, existing: list[Measure]) -> list[Measure]:
    """A report's task heading on a line of its own (提升人工智能创新能力), over paragraphs of which at
    least one opens with a task title sentence (创新人才引育机制。统筹…): the heading is the section the
    plan groups them in, each paragraph under it is a measure (one without a title sentence named by its
    first clause, 实施人工智能研发专项，支持…; one the page cuts after its title sentence kept). On a page
    that goes on from another ((上接一版)), the paragraphs above the first such heading are the measures
    of the section the other page opened, also those naming their aim first (以…为目标，…)."""
    by_line = {m.lines[0].index: m for m in existing}
    found: list[Measure] = []
    headings = [i for i, item in enumerate(candidates)
                if _is_heading_like(item.line.text) and len(item.line.text) >= 4 and _task_start(item.line.text)]
    runs: list[tuple[int | None, list[int]]] = []
    for i in headings:
        run = []
        j = i + 1
        while (j < len(candidates) and candidates[j].line.index == candidates[j - 1].line.index + 1
               and not _is_heading_like(candidates[j].line.text)):
            run.append(j)
            j += 1
        if any(candidates[k].line.index in by_line for k in run):
            runs.append((i, run))
    if not runs:
        return []
    first = runs[0][0]
    top = next((k for k in range(first) if CONTINUED.match(candidates[k].rest.text)), None)
    if top is not None:
        runs.insert(0, (None, list(range(top, first))))
    for heading, run in runs:
        section = result.section_at(candidates[run[0]].line)
        if heading is not None:
            item = candidates[heading]
            section = Section(None, _clean_title(item.line.text), "measures", item.line)
            result.context[item.line.index] = (section, None, False)
        for k in run:
            item = candidates[k]
            known = by_line.get(item.line.index)
            if known is not None:
                known.section = section
                continue
            marker = CONTINUED.match(item.rest.text)
            rest = item.rest.sub(marker.end() if marker else 0)
            titled = TITLE_SENTENCE.match(rest.text)
            if titled and _task_start(titled.group(1)):
                title = rest.sub(0, titled.end(1))
            else:
                comma = re.search(r"[，,；;。]", rest.text)
                if comma is None or not 4 <= comma.start() <= 30:
                    continue
                title = rest.sub(0, comma.start())
                if heading is not None and not _task_start(title.text):
                    continue  # under a heading, a paragraph that does not open with a task says something else
            measure = Measure("", None, None, title, 1, section=section, pieces=[rest], lines=[item.line])
            result.context[item.line.index] = (section, measure, False)
            found.append(measure)
    return found


def _task_clause_neighbours(candidates: list[_Marked], result: Outline,
                            existing: list[Measure]) -> list[Measure]:
    """A report that presents the plan paragraph by paragraph, one of them opening with a task title
    sentence (打造5G产业领域重点产品。…): the paragraphs right before it that open with a task clause
    (加快推进大数据产业集聚区建设，打造…) present its siblings, named by that clause."""
    by_line = {m.lines[0].index: m for m in existing if m.number is None and m.pieces}
    titled = [i for i, item in enumerate(candidates) if item.line.index in by_line
              and TITLE_SENTENCE.match(item.rest.text)]
    found: list[Measure] = []
    for i in titled:
        j = i - 1
        while j >= 0 and candidates[j].line.index == candidates[j + 1].line.index - 1:
            item = candidates[j]
            if item.line.index in by_line:
                break
            clause = re.match(r"^([^，,。；;：:、《》“”]{6,30})[，,]", item.rest.text)
            if not clause or not _task_start(clause.group(1)):
                break
            section = result.section_at(item.line)
            measure = Measure("", None, None, item.rest.sub(0, clause.end(1)), 1, section=section,
                              pieces=[item.rest], lines=[item.line])
            result.context[item.line.index] = (section, measure, False)
            found.append(measure)
            j -= 1
    return found


def _enumerations(candidates: list[_Marked], result: Outline, existing: list[Measure]) -> list[Measure]:
    """一是…二是…三是… inside a paragraph: each is a measure, titled by its first phrase."""
    found = []
    taken = {m.lines[0].index for m in existing}
    for item in candidates:
        if item.line.index in taken:
            continue
        text = item.line.text
        hits = list(YISHI.finditer(text))
        values = [chinese_number(h.group(1)) for h in hits]
        if len(hits) < 2 or values[:2] != [1, 2]:
            hits = list(YISHI_LISTED.finditer(text))
            values = [chinese_number(h.group(1)) for h in hits]
            if len(hits) < 2 or values != list(range(1, len(hits) + 1)):
                hits = list(ORDINAL_IN_TEXT.finditer(text))  # 答：第一，完善…。第二，培育…。
                values = [chinese_number(h.group(1)[1:]) for h in hits]
                if len(hits) < 2 or values != list(range(1, len(hits) + 1)):
                    continue
        section = result.section_at(item.line)
        items = []
        for n, hit in enumerate(hits):
            end = hits[n + 1].start() if n + 1 < len(hits) else len(text)
            body = item.rest.sub(hit.end(), end)
            stop = re.search(r"[，,；;。]", body.text)
            title = body.sub(0, stop.start()) if stop else _strip_terminal(body)
            number = item.rest.sub(hit.start(1), hit.end()).strip("，,、 ")
            items.append(Measure("", number.text, number, title, 1, section=section,
                                 pieces=[item.rest.sub(hit.start(1), end)], lines=[item.line]))
        if not _names_tasks([m.title.text for m in items]):
            continue
        found += items
        result.context[item.line.index] = (section, found[-1], False)
    return found


#: an enumerated item that names no task: a dated goal (一是到2022年…) or a description (优越的自然条件,
#: 正确把握好…的关系)
NOT_A_TASK = re.compile(r"^(?:到|至|力争到)?(?:19|20)\d{2}\s*年")


def _names_tasks(titles: list[str]) -> bool:
    """Do the items of an enumeration (一是…二是…) name tasks? Not when any is a dated goal, nor when
    most describe something (…的…) and most do not open with a task verb."""
    if any(NOT_A_TASK.match(t) for t in titles):
        return False
    if any(len(t.strip()) <= 2 for t in titles):
        return False  # 亮点一：快 / 亮点二：准: a report's slogan word for how the policy works, no task
    described = sum(("的" in t or bool(state_reached().search(t))) and not _task_start(t) for t in titles)
    return described * 2 <= len(titles)


@cache
def state_reached() -> re.Pattern[str]:
    """产业规模快速增长, 创新能力显著提升: a state reached (a report's results), not a task; a goal's
    ending too (``targets``)."""
    section = words()["targets"]
    return re.compile(rf"(?:{alternation(section['trend_adverbs'])})(?:{alternation(section['trend_verbs'])})$")


#: a sentence that opens with the area it is about: 工业机器人方面。…, 其中，绿电支撑方面，…
ASPECT = re.compile(r"(?:^|(?<=[。；;！？]))\s*(?:其中\s*[，,]\s*)?([\u4e00-\u9fff“”]{2,12}?)方面\s*[。，,：:]"
                    # a listed area that opens its sentence bare, also after a speaker (相关人士介绍，基础支撑层，以…)
                    r"|(?:^|(?<=[。；;！？]))\s*(?:[^，,。；;]{0,8}(?:介绍|表示|指出)\s*[，,]\s*)?"
                    r"(?P<bare>[\u4e00-\u9fff]{3,8}[层类域端链])\s*[，,]"
                    # a listed field's chain with the four characters its task sets it (其中，现代金融链扩容提质，…)
                    r"|(?:^|(?<=[。；;！？]))\s*(?:其中\s*[，,]\s*)?"
                    r"(?P<chain>(?P<field>[\u4e00-\u9fff“”+]{2,8}?)(?:产业)?链[\u4e00-\u9fff]{4})\s*[，,]")


#: a paragraph's goal year before its areas (计划提出，到2025年，计算力方面，…)
DATED_GOALS = re.compile(r"(?:到|至)\s*20\d{2}\s*年(?:底|末)?\s*[，,]")


def _aspects(candidates: list[_Marked], result: Outline, existing: list[Measure]) -> list[Measure]:
    """A report that names the plan's areas in a list (包括工业机器人、服务机器人、关键零部件) and then
    describes each in a sentence or paragraph opening with it (工业机器人方面。…): one measure per area,
    titled by it. An area the text never listed (在产业发展方面，…) is the reporter's framing."""
    taken = {line.index for m in existing for line in m.lines}
    named = {m.title.text for m in existing}  # an area a list of tasks already gave
    text = "\n".join(item.line.text for item in candidates)
    hits = []
    for k, item in enumerate(candidates):
        if item.line.index in taken:
            continue
        for match in ASPECT.finditer(item.rest.text):
            if DATED_GOALS.search(item.rest.text, 0, match.start()):
                break  # 到2025年，计算力方面，…。运载力方面，…: the areas of the year's goals, no tasks
            area = match.group(1) or match.group("bare") or match.group("field")
            listed = re.search(rf"{re.escape(area)}[、和及等]|[、和及]{re.escape(area)}", text)
            if (not area.startswith("在") and listed and area not in words()["outline"]["part_names"]
                    and area not in named and all(h[2].group(1) != area for h in hits)
                    and not any(_describes(area, name) for name in named)):  # the area of a task a list named
                hits.append((k, item, match))  # 重点任务方面: a part of the document
    if len(hits) < 2:
        return []
    found = []
    for n, (k, item, match) in enumerate(hits):
        following = hits[n + 1] if n + 1 < len(hits) else None
        end = following[2].start() if following and following[0] == k else len(item.rest.text)
        section = result.section_at(item.line)
        group = 1 if match.group(1) else "bare" if match.group("bare") else "chain"
        measure = Measure("", None, None, item.rest.sub(match.start(group), match.end(group)), 1, section=section,
                          pieces=[item.rest.sub(match.start(group), end)], lines=[item.line])
        result.context[item.line.index] = (section, measure, False)
        found.append(measure)
    return found


#: 在X方面，: the sentence speaks of the area (or task) X
AREA_OPENING = re.compile(r"(?:^|[。；;！？])\s*在([^，,。；;：:]{2,30}?)方面\s*[，,]?\s*$")
#: 围绕A、B、C三大重点任务, 提出A、B、C等五项重点任务: a report's list of the plan's tasks, closed by their count
LISTED_TASKS = re.compile(r"([^，,。；;：:《》]{4,}?(?:、[^，,。；;：:、《》]{4,30}){2,})\s*等?\s*"
                          r"([一二三四五六七八九十]|\d{1,2})\s*(?:大|项|个方面(?:的)?)\s*(?:重点|主要)?(?:任务|行动|工程)")


#: “八项任务”，就是A、B、C: a counted label of the plan's tasks a report explains by listing them after it
#: (also 8大工程具体包括：A工程、B工程…)
EXPLAINED_TASKS = re.compile(r"[“\"]?([一二三四五六七八九十]|\d{1,2})\s*(?:大|项|个方面(?:的)?)\s*"
                             r"(?:重点|主要)?(?:任务|行动|工程)[”\"]?\s*[，,]?\s*(?:具体|主要)?"
                             r"(?:就是|即|包括|分别是|分别为)\s*[：:]?\s*"
                             r"([^，,。；;：:《》]{4,30}(?:、[^，,。；;：:、《》]{4,30})+)\s*[。；;]")


def _listed_tasks(candidates: list[_Marked], result: Outline, existing: list[Measure]) -> list[Measure]:
    """A report that lists the plan's tasks by name and closes the list with their count (《方案》围绕A、B、
    C三大重点任务展开布局): one measure per task named, when the count is the number listed and every
    name opens with a task verb (a list of fields or places is no list of tasks)."""
    taken = {m.lines[0].index for m in existing}
    found = []
    for item in candidates:
        if item.line.index in taken:
            continue
        # (match, group of the names, group of the count)
        matches = [(m, 1, 2) for m in LISTED_TASKS.finditer(item.rest.text)]
        matches += [(m, 2, 1) for m in EXPLAINED_TASKS.finditer(item.rest.text)]
        for match, listed, count in matches:
            head = re.sub(r"^.*?(?:围绕|包括|聚焦|提出|部署|明确)(?:了)?", "", match.group(listed))
            start = match.end(listed) - len(head)
            names = head.removesuffix("等").split("、")  # …、壮大数字产业等三项重点任务: 等 closes the list
            if chinese_number(match.group(count)) != len(names):
                continue
            noun = re.search(r"任务|行动|工程", item.rest.text[match.start(count):match.start(listed)])
            if not all(_task_start(n) for n in names):
                # 8大工程具体包括：组织实施A工程、B工程…: named programmes, each ending in the noun the count
                # counts (a 工程 or a 行动), the verb before the first one governing them all
                programmes = noun is not None and noun.group(0) != "任务" and count == 1 and all(
                    n.endswith(noun.group(0)) and len(n) > len(noun.group(0)) + 2 for n in names)
                if not programmes:
                    continue
                verb = re.match(r"(?:组织实施|大力实施|深入实施|全面实施|实施|开展|推进)(?=.{4})", names[0])
                if verb:
                    start += len(verb.group(0))
                    names[0] = names[0][len(verb.group(0)):]
            section = result.section_at(item.line)
            for name in names:
                at = item.rest.text.index(name, start)
                measure = Measure("", None, None, item.rest.sub(at, at + len(name)), 1, section=section,
                                  pieces=[item.rest.sub(at, at + len(name))], lines=[item.line])
                found.append(measure)
                start = at + len(name)
            result.context.setdefault(item.line.index, (section, found[-1], False))
    return found


#: a report's list of the plan's tasks after the verb that states them (明确加快A、加快建设B、深化C。)
NAMED_TASKS = re.compile(r"(?:明确|提出|部署|要求|围绕|包括|从|(?:重点|主要)任务(?:是|为|有))(?:了)?\s*[：:，,]?\s*"
                         r"((?:[^，,。；;：:、《》“”]{4,20}、){2,}[^，,。；;：:、《》“”]{4,20}?)"
                         # closed by what they are (…等重点任务作出部署, …三个方面明确了重点任务) or by the sentence
                         r"\s*(?:等?\s*(?:[一二两三四五六七八九十\d]{1,2}\s*(?:大|项|个)\s*)?"
                         r"(?:方面|重点任务|主要任务|任务|工作|举措|内容)[^。；;]{0,12})?[。；;]")
#: a paragraph that opens with the task it describes (在智能工厂建设方面，…)
DESCRIBED_AREA = re.compile(r"(?:^|[。；;])\s*(?:其中\s*[，,]\s*)?在([^，,。；;：:]{2,30}?)(?:方面|部分)\s*[，,]"
                            # bare at a paragraph's or sentence's start: 算力设施方面，…
                            r"|(?:^|[。；;])\s*(?:其中\s*[，,]\s*)?([^在，,。；;：:“”]{2,20}?)方面\s*[，,：:]")
def _described_tasks(candidates: list[_Marked], result: Outline, existing: list[Measure]) -> list[Measure]:
    """A report that names the plan's tasks in one sentence (明确加快A、加快建设B、深化C。) and then
    describes them one by one (在B方面，…。在C方面，…): one measure per task named, when every name opens
    with a task verb and two or more of them are described after the list."""
    taken = {m.lines[0].index for m in existing}
    named = {m.title.text for m in existing}
    found: list[Measure] = []
    for n, item in enumerate(candidates):
        if item.line.index in taken or "、" not in item.rest.text:
            continue
        listed = [(m, m.group(1).split("、"), m.start(1)) for m in NAMED_TASKS.finditer(item.rest.text)]
        listed = [(m, names, at) for m, names, at in listed if all(_task_start(name) for name in names)]
        listed += _quoted_parts(item.rest.text) + _counted_kinds(item.rest.text)
        for match, names, begin in listed:
            if named & set(names):
                continue
            areas = [(later, area) for later in candidates[n:] for area in DESCRIBED_AREA.finditer(later.rest.text)
                     if later is not item or area.start() > match.end()]
            described = {name: (later, area) for name in names for later, area in areas
                         if _describes(re.sub(r"^.*[「“]([^「」“”]+)[」”]$", r"\1", area.group(1) or area.group(2)),
                                       name)}
            if len(described) < 2:  # (策略一「X」: X)
                continue
            section = result.section_at(item.line)
            start = begin
            for name in names:
                at = item.rest.text.index(name, start)
                title = item.rest.sub(at, at + len(name))
                found.append(_flat_measure(item, title, section))
                start = at + len(name)
                if name in described:
                    found += _projects_of(found[-1], *described[name])
            result.context.setdefault(item.line.index, (section, found[-1], False))
    return found


def _reported_actions(candidates: list[_Marked], result: Outline, existing: list[Measure]) -> list[Measure]:
    """A report whose sentence has the plan carry out its actions listed by name and counted (《规划》将实施
    A、B和C等三大行动, 该方案提出实施三大工程，即A、B和C): one measure per action, titled by its name as
    printed (an action a report names by its field, without a task verb, is still one of the plan's
    actions; ``layout.reported_actions`` says which wordings)."""
    taken = {m.lines[0].index for m in existing}
    found = []
    for item in candidates:
        if item.line.index in taken:
            continue
        section = result.section_at(item.line)
        for start, end in reported_actions(item.rest.text):
            title = item.rest.sub(start, end)
            found.append(_flat_measure(item, title, section))
            result.context.setdefault(item.line.index, (section, found[-1], False))
    return found


#: a paragraph that opens with one of the plan's counted parts and explains it (四大行动即…, “两个中心”就是…)
EXPLAINED_PART = re.compile(r"^[“\"「]?([一二两三四五六七八九十]{1,3}(?:个|大|项|条|张|套)?[\u4e00-\u9fff]{2,6}?)"
                            r"[”\"」]?\s*[，,]?\s*(?:即|就是|是指|指的是|[：:])")
#: the first character of such a paragraph: a cheap test that skips the others
PART_OPENING = frozenset("“\"「一二两三四五六七八九十")
#: a counted part that frames the work rather than doing it (两条原则, 一条主线, 三大目标)
FRAMING_PART = re.compile(r"(?:原则|主线|目标|理念|定位|思路|方向)$")
#: the plan named in the sentence that lists its parts (《行动计划》提出…, 该方案明确…)
PLAN_NAMED = re.compile(r"》|" + PLAN_GENRE)


def _explained_parts(candidates: list[_Marked], result: Outline, existing: list[Measure]) -> list[Measure]:
    """A report that lists the plan's parts by count (即一个中心、三大工程和两个体系) and then gives each
    one its paragraph, opening with the part and explaining it (三大工程即…): one measure per part so
    explained, titled by it. Two or more must be explained, all of them named together in one earlier
    list that names the plan, so a paragraph that opens with a count of something else (三年即…) or a
    speech's framework without a plan gives nothing; a part the page lists but never explains, or one
    that frames the work (两条原则, 一条主线), is no measure of it."""
    taken = {m.lines[0].index for m in existing}
    opened = []
    for n, item in enumerate(candidates):
        if item.line.index in taken or item.rest.text[:1] not in PART_OPENING:
            continue
        match = EXPLAINED_PART.match(item.rest.text)
        if match and match.group(1) not in {name for _, _, name in opened} and not FRAMING_PART.search(match.group(1)):
            opened.append((n, match, match.group(1)))
    if len(opened) < 2:
        return []
    names = [name for _, _, name in opened]
    listed = any("、" in item.rest.text and PLAN_NAMED.search(item.rest.text)
                 and all(name in item.rest.text for name in names) for item in candidates[:opened[0][0]])
    if not listed:
        return []
    found = []
    for n, match, _ in opened:
        item = candidates[n]
        section = result.section_at(item.line)
        found.append(_flat_measure(item, item.rest.sub(match.start(1), match.end(1)), section))
        result.context.setdefault(item.line.index, (section, found[-1], False))
    return found


#: a part named in quotes after its label word and ordinal (策略一「A」, 主轴二“B”)
LABELLED_PART = re.compile(rf"({PART_LABEL})([一二三四五六七八九十])\s*[：:]?\s*[「“]([^「」“”]{{2,30}})[」”]")


def _labelled_parts(candidates: list[_Marked], result: Outline, existing: list[Measure]) -> list[Measure]:
    """A report's sentence that lists the plan's parts by label, ordinal and quoted name (方案包括策略一
    「A」、策略二「B」及策略三「C」): one measure per part, titled by its name, when one label counts them
    up from 一, two or more; a part named alone (在策略一「A」部分，…) is described, not listed."""
    taken = {line.index for m in existing for line in m.lines}
    named = {m.title.text for m in existing}
    found: list[Measure] = []
    for item in candidates:
        text = item.rest.text
        if item.line.index in taken or ("「" not in text and "“" not in text):
            continue  # most lines: nothing quoted
        hits = list(LABELLED_PART.finditer(text))
        if (len(hits) < 2 or len({h.group(1) for h in hits}) > 1
                or [chinese_number(h.group(2)) for h in hits] != list(range(1, len(hits) + 1))
                or named & {h.group(3) for h in hits}):
            continue
        section = result.section_at(item.line)
        for hit in hits:
            found.append(_flat_measure(item, item.rest.sub(hit.start(3), hit.end(3)), section))
        result.context.setdefault(item.line.index, (section, found[-1], False))
    return found


#: a project a report says a described part carries out, quoted (已推动「X」，…；「Y」则…)
PROJECT = re.compile(r"(?:(?:已|并|另)?(?:推动|推出|启动)|(?<=[；;]))\s*[「“]([^「」“”]{4,20})[」”]")


def _projects_of(part: Measure, line: _Marked, area: re.Match[str]) -> list[Measure]:
    """The quoted projects the paragraph describing ``part`` says it carries out (在策略一「X」部分，已推动
    「A」，…；推动「B」，…；「C」则…): its items, up to the next part described."""
    text = line.rest.text
    following = DESCRIBED_AREA.search(text, area.end())
    stretch_end = following.start() if following else len(text)
    children = []
    for hit in PROJECT.finditer(text, area.end(), stretch_end):
        title = line.rest.sub(hit.start(1), hit.end(1))
        child = Measure("", None, None, title, 2, section=part.section, parent=part, pieces=[title],
                        lines=[line.line])
        part.children.append(child)
        children.append(child)
    return children


def _quoted_parts(text: str) -> list[tuple[re.Match[str], list[str], int]]:
    """The quoted names of a list of the plan's parts closed by their count (「A」、「B」、「C」等三大策略主轴),
    when the count is the number listed: (match, names, where the list starts)."""
    if "「" not in text and "“" not in text:
        return []  # most lines: nothing quoted
    found = []
    for match, spans in counted_lists(text):
        first = re.search(r"[「“][^「」“”]+[」”]$", text[spans[0][0]:spans[0][1]])  # 除規劃「A」、…: from its quote
        if first is None:
            continue
        names = [first.group(), *(text[start:end] for start, end in spans[1:])]
        if all(re.fullmatch(r"[「“][^「」“”]+[」”]", name) for name in names):
            found.append((match, [name[1:-1] for name in names], spans[0][0] + first.start()))
    return found


#: names a 、 apart closed by their count of kinds (与A、B、C、D相关的4类项目); not of areas or parts (6个方面,
#: 三个部分), which name the report's framing, no items
COUNTED_KINDS = re.compile(r"((?:[^，,。；;：:、《》“”「」\s]{2,30}?、)+[^，,。；;：:、《》“”「」\s]{2,30}?)\s*"
                           r"(?:等|相关的?|有关的?)?\s*([一二两三四五六七八九十]|\d{1,2})\s*类")
#: a word that leads into a list, before its first name (支持与A、…, 包括A、…)
LIST_LEAD = re.compile(r"^.*(?:与|和|及|包括|围绕|聚焦|涵盖|涉及|支持|对)")


def _counted_kinds(text: str) -> list[tuple[re.Match[str], list[str], int]]:
    """The names of a list closed by as many kinds counted (政策重点支持与A、B、C、D相关的4类项目):
    (match, names, where the list starts), the first name after the word that leads into the list. Only
    what the report then describes name by name makes measures of them (``_described_tasks``)."""
    if "、" not in text or "类" not in text:
        return []  # most lines: no list counted by kinds
    found = []
    for match in COUNTED_KINDS.finditer(text):
        names = match.group(1).split("、")
        lead = LIST_LEAD.match(names[0])
        if lead and len(names[0]) - lead.end() >= 4:
            names[0] = names[0][lead.end():]
        if chinese_number(match.group(2)) == len(names) and all(len(name) >= 4 for name in names):
            found.append((match, names, match.end(1) - len("、".join(names))))
    return found


def _describes(area: str, name: str) -> bool:
    """Does a paragraph on ``area`` (智能工厂建设) describe the task ``name`` (加快建设智能工厂)? Most of
    the area's character pairs are in the name."""
    pairs = {area[i:i + 2] for i in range(len(area) - 1)}
    return bool(pairs) and sum(pair in name for pair in pairs) >= 0.6 * len(pairs)


#: a list of the plan's work announced in a sentence and given in clauses a ； apart, each opening with
#: its task's name (重点工作包括深化产业融合，开发…；拓展应用场景，将…；及强化政策支撑，…)
SEMICOLON_LIST = re.compile(r"(?:重点工作|重点任务|主要任务|工作重点|重点举措|主要举措)[^。；;：:]{0,4}?"
                            r"(?:包括|包含|有|是)\s*[：:，,]?\s*")


def _semicolon_tasks(candidates: list[_Marked], result: Outline, existing: list[Measure]) -> list[Measure]:
    """The tasks a sentence lists a ； apart after naming them as the plan's work (重点工作，包括A，…；B，…；
    及C，…): one measure per clause, titled by the task it opens with; only when there are three or more
    and every one opens with a task verb."""
    taken = {line.index for m in existing for line in m.lines}
    found: list[Measure] = []
    for item in candidates:
        text = item.rest.text
        if item.line.index in taken or ("；" not in text and ";" not in text):
            continue  # most lines: no list a ； apart
        for match in SEMICOLON_LIST.finditer(text):
            end = re.compile(r"[。！？]").search(text, match.end())
            stretch = text[match.end(): end.start() if end else len(text)]
            parts, at, items = re.split(r"[；;]", stretch), match.end(), []
            for part in parts:
                lead = re.match(r"\s*(?:以及|及|和|并)?\s*", part).end()
                stop = re.search(r"[，,：:]", part)
                name = part[lead: stop.start() if stop else len(part)].strip()
                items.append((at + lead, name))
                at += len(part) + 1
            if len(items) < 3 or not all(4 <= len(name) <= 14 and _task_start(name) for _, name in items):
                continue
            section = result.section_at(item.line)
            for start, name in items:
                title = item.rest.sub(start, start + len(name))
                found.append(_flat_measure(item, title, section))
            result.context.setdefault(item.line.index, (section, found[-1], False))
    return found


LINE_ENUM = re.compile(r"^\s*(?:([一二三四五六七八九十])是|亮点([一二三四五六七八九十])\s*[：:]?"
                      r"|[“\"](\d{1,2})[”\"]\s*是|第([一二三四五六七八九十])(?:为|是)"
                      r"|第([一二三四五六七八九十])\s*[，,、]"
                      # 01 支持…, 02 支持…: the zero-padded numbers of a graphic summary (一图读懂) or a post
                      r"|0([1-9])(?:\s+|\s*[、.．]\s*)(?=[\u4e00-\u9fff])"
                      # 策略一：…, 主轴二、…, 任务三 …: a plan's parts by a label word and their ordinal
                      rf"|(?:{PART_LABEL})([一二三四五六七八九十])\s*(?:[：:、]\s*|\s+|(?=[「“])))")
#: the first of a list of 第一，第二，… paragraphs, run on after the sentence that announces it
#: (会议提出以下5大策略建议，第一，…)
FIRST_ORDINAL = re.compile(r"(?<=[，,：:。])\s*(第一)\s*[，,、]")
#: a line that announces a counted list on the lines below it (…考虑了以下4个重点：)
ANNOUNCED_LIST = re.compile(r"(?:以下|如下)[^，,。；;：:]{0,8}[：:]\s*$")
#: the first of a list that the next lines go on with 第二为…: …包括X，…
LIST_OPENS = re.compile(r"包括\s*([^，,。；;：:]{4,30})[，,]")


def _enumerated_lines(candidates: list[_Marked], result: Outline, existing: list[Measure]) -> list[Measure]:
    """Lines that open 一是…, 二是… or 亮点一：…, 亮点二：… in turn: one measure each, titled by the
    first phrase after the marker; a marker line that is only a heading takes the lines after it."""
    taken = {line.index for m in existing for line in m.lines}
    marked = [(i, m) for i, item in enumerate(candidates)
              if item.line.index not in taken and (m := LINE_ENUM.match(item.rest.text))]
    found = []
    # 一是…, 亮点一…, 策略一：…, a numbered slogan's parts (“1”是…“3”是…) and 第二为… are separate sequences
    for style in (1, 2, 3, 4, 5, 6, 7):
        hits = [(i, m) for i, m in marked if m.group(style)]
        values = [chinese_number(m.group(style)) for _, m in hits]
        opened = FIRST_ORDINAL.search(candidates[hits[0][0] - 1].rest.text) if (
            style == 5 and values and values[0] == 2 and hits[0][0] > 0) else None
        if opened:  # …以下5大策略建议，第一，…: the first paragraph runs on from the announcement
            hits.insert(0, (hits[0][0] - 1, opened))
            values.insert(0, 1)
        # the parts of a slogan such as “1+3+5+7” count up by their own numbers, the others one by one
        counted = values == sorted(set(values)) if style == 3 else values == list(range(1, len(hits) + 1))
        first = None
        if style == 4 and values and values == list(range(2, len(hits) + 2)) and hits[0][0] > 0:
            # 第二为…, 第三为… after a paragraph that opens the list: …五大战略，包括X，…
            first = LIST_OPENS.search(candidates[hits[0][0] - 1].rest.text)
            counted = first is not None
        # a list the line above announces (考虑了以下4个重点：) whose page is cut after its first item
        announced = (style == 1 and len(hits) == 1 and values == [1] and hits[0][0] == len(candidates) - 1
                     and hits[0][0] > 0 and ANNOUNCED_LIST.search(candidates[hits[0][0] - 1].rest.text) is not None)
        if (len(hits) >= 2 or announced) and counted:
            before = dict(result.context)
            items = _line_items(hits, candidates, result, colon_titles=style == 5)
            if announced and items:
                # the page stops inside the item: it is named by its first clause, which is whole
                title = items[0].title
                comma = re.search(r"[，,；;]", title.text)
                if comma is None or comma.start() < 4:
                    result.context = before
                    continue
                items[0].title = title.sub(0, comma.start())
            if first is not None:
                item = candidates[hits[0][0] - 1]
                section = result.section_at(item.line)
                opening = Measure("", None, None, item.rest.sub(first.start(1), first.end(1)), 1, section=section,
                                  pieces=[item.rest.sub(first.start(1))], lines=[item.line])
                result.context[item.line.index] = (section, opening, False)
                items.insert(0, opening)
            if _names_tasks([m.title.text for m in items]):
                found += items
            else:
                result.context = before  # the lines stay where they were
    return found


def _line_items(hits: list[tuple[int, re.Match[str]]], candidates: list[_Marked], result: Outline,
                colon_titles: bool = False) -> list[Measure]:
    """One measure per marked line; ``colon_titles``: a 第一，X：… paragraph is titled by X, the
    heading it prints before its colon."""
    found = []
    for n, (i, match) in enumerate(hits):
        item = candidates[i]
        section = result.section_at(item.line)
        body = item.rest.sub(match.end())
        heading = _is_heading_like(body.text) or not re.search(r"[。！？]", body.text)
        stop = None if heading else re.search(r"[，,；;。]", body.text)
        colon = re.match(r"[^。！？：:]{4,40}[：:]", body.text) if colon_titles else None
        if colon:
            stop = re.compile(r"[：:]").search(body.text, colon.end() - 1)
        title = _strip_terminal(body.sub(0, stop.start()) if stop else body)
        quoted = re.match(r"\s*[「“]([^「」“”]{2,30})[」”](?=\s*(?:[：:，,。；;]|$))", body.text)
        if quoted:  # 策略一「A」：推动…: the part's quoted name is its title (not 一是“A”机制，…)
            title = body.sub(quoted.start(1), quoted.end(1))
        number = item.rest.sub(match.start(1) if match.group(1) else 0, match.end()).strip(" ：:，,、")
        measure = Measure("", number.text, number, title, 1, section=section,
                          pieces=[item.rest.sub(number.start - item.rest.start)], lines=[item.line])
        result.context[item.line.index] = (section, measure, False)
        end = hits[n + 1][0] if n + 1 < len(hits) else len(candidates)
        j = i + 1
        while heading and j < end and candidates[j].line.index == candidates[j - 1].line.index + 1:
            measure.pieces.append(candidates[j].rest)
            measure.lines.append(candidates[j].line)
            result.context[candidates[j].line.index] = (section, measure, False)
            j += 1
        found.append(measure)
    return found


#: a paragraph that opens with a task the report calls a step of the plan (此外，搭建…联盟也是行动方案中的关键一步)
KEY_STEP = re.compile(r"^\s*(?:此外|另外|同时|其次|再如)?\s*[，,]?\s*([^，,。；;：:《》]{4,30}?)(?:也|还|更)?是"
                      r"(?:《[^《》]{1,30}》|行动方案|实施方案|方案|计划|规划|意见|措施|政策)中?的?"
                      r"(?:关键一步|重要一步|重要举措|关键举措|一大亮点|重要内容|重点任务)")
#: a verb that takes what follows as its object up to the sentence end (落实…文件要求, 按照…要求)
GOVERNED = re.compile(r"(?:落实|按照|根据|贯彻|依据|遵照)[^。；;！？]*$")


#: a line that announces the plan's tasks listed on the lines below it (明确了4项重点任务，具体包括：,
#: 重点任务如下：, 主要举措有：)
TASKS_ANNOUNCED = re.compile(r"(?:任务|举措|措施|行动|工程|重点工作)[^。；;]{0,12}[：:]\s*$")
#: a count in the announcement (4项, 五大)
ANNOUNCED_COUNT = re.compile(rf"([{COUNT_NUMERALS}]|\d{{1,2}})\s*[{COUNTERS}条]")


def _announced_lines(candidates: list[_Marked], result: Outline, existing: list[Measure]) -> list[Measure]:
    """The lines right under a line that announces the plan's tasks (…重点任务，具体包括：), each a short task
    name on its own (建设算力设施), opened by a dash (——建设算力设施。新建…) or by a title sentence (A工程。
    围绕…, a programme named by the noun announced): one measure each, titled by the name (a dash line by
    its first clause), two or more in a row, as many as a count announced."""
    taken = {line.index for m in existing for line in m.lines}
    found: list[Measure] = []
    for k, head in enumerate(candidates[:-1]):
        announced = TASKS_ANNOUNCED.search(head.rest.text)
        if announced is None or head.line.index in taken:
            continue
        items: list[tuple[_Marked, Span]] = []
        noun = re.search(r"工程|行动", announced.group())  # …三大工程：: names ending in it are programmes
        for item in candidates[k + 1:]:
            if item.line.index != (items[-1][0] if items else head).line.index + 1 or item.line.index in taken:
                break
            dash, body = item.style == "dash", item.rest  # the dash is the item's mark, off its rest
            stop = re.search(r"[。，,；;！？]", body.text)
            titled = stop is not None and body.text[stop.start()] == "。" and stop.start() <= 24
            if not dash and stop and not titled:
                break  # a line of prose, no task name (nor a title sentence over its text: A工程。围绕…)
            title = _strip_terminal(body.sub(0, stop.start()) if stop else body)
            programme = noun is not None and title.text.endswith(noun.group()) and len(title.text) > 4
            if not 4 <= len(title.text) <= 30 or not (_task_start(title.text) or programme):
                break
            items.append((item, title))
        count = ANNOUNCED_COUNT.search(head.rest.text)
        if len(items) < 2 or (count and chinese_number(count.group(1)) != len(items)):
            continue
        for item, title in items:
            section = result.section_at(item.line)
            measure = Measure("", None, None, title, 1, section=section, pieces=[item.rest], lines=[item.line])
            result.context[item.line.index] = (section, measure, False)
            found.append(measure)
            taken.add(item.line.index)
    return found


#: the parts of a plan a report names joined by plus signs in quotes (“AI生态+AI平台+AI产业”)
PLUS_SLOGAN = re.compile(r"[“\"「]([^“”\"「」，,。+＋]{2,12}(?:[+＋][^“”\"「」，,。+＋]{2,12}){1,7})[”\"」]")


def _slogan_parts(candidates: list[_Marked], result: Outline, existing: list[Measure]) -> list[Measure]:
    """A report that names the plan's parts in a slogan joined by plus signs (打造“AI生态+AI平台+AI产业”)
    and then gives each as a task, a verb and what the part will be (重点打造精准高效的AI生态，…; 由此形成
    智慧共享的AI城区，…): one measure per part so given, titled from the verb to the part's name; read
    when more than half the parts are given so."""
    if existing or not any("+" in item.rest.text or "＋" in item.rest.text for item in candidates):
        return []  # most pages: no slogan of parts
    verbs = alternation([*words()["outline"]["task_verbs"], "形成", "建成"])
    for k, item in enumerate(candidates):
        for slogan in PLUS_SLOGAN.finditer(item.rest.text):
            parts = re.split(r"[+＋]", slogan.group(1))
            if len(set(parts)) != len(parts) or any(re.fullmatch(r"[\dA-Za-z]+", part) for part in parts):
                continue  # “1+N” counts documents, no parts
            given = []
            clauses = [(part, re.compile(rf"(?:{verbs})[^，,。；;：:]{{0,14}}?的\s*{re.escape(part)}(?=[，,。；;])"))
                       for part in parts]  # compiled once per part, not once per later line
            for later in candidates[k:]:
                begin = slogan.end() if later is item else 0
                for part, clause in clauses:
                    hit = clause.search(later.rest.text, begin)
                    if hit and all(part != p for p, _l, _h in given):
                        given.append((part, later, hit))
            if len(given) * 2 <= len(parts):
                continue
            found = []
            for _part, later, hit in sorted(given, key=lambda g: (g[1].line.index, g[2].start())):
                section = result.section_at(later.line)
                title = later.rest.sub(hit.start(), hit.end())
                found.append(_flat_measure(later, title, section))
                result.context.setdefault(later.line.index, (section, found[-1], False))
            return found
    return []


#: a word that orders the sentences of a list (首先，…。其次，…。最后，…), at a sentence's start
SEQUENCE_WORDS = ("首先", "其次", "再次", "最后")
SEQUENCE_WORD = re.compile(r"(?:^|(?<=[。；;：:！？]))\s*(" + "|".join(SEQUENCE_WORDS) + r")\s*[，,]\s*")


def _sequence_words(candidates: list[_Marked], result: Outline, existing: list[Measure]) -> list[Measure]:
    """Tasks a report gives in order by 首先，…。其次，…。最后，… (in one paragraph or opening its lines):
    one measure each, titled by the clause after the word, when the list opens with 首先, holds two or
    more and every item opens with a task verb (首先…其次… as an argument's steps names no task)."""
    taken = {line.index for m in existing for line in m.lines}
    hits = [(item, match) for item in candidates if item.line.index not in taken
            and any(word in item.rest.text for word in SEQUENCE_WORDS)  # most lines: none of them
            for match in SEQUENCE_WORD.finditer(item.rest.text)]
    runs: list[list[tuple[_Marked, re.Match[str]]]] = []
    for item, match in hits:
        if match.group(1) == "首先":
            runs.append([(item, match)])
        elif runs and runs[-1][-1][1].group(1) != "最后" and (match.group(1) != "其次" or len(runs[-1]) == 1):
            runs[-1].append((item, match))
    found: list[Measure] = []
    for run in runs:
        items = []
        for n, (item, match) in enumerate(run):
            following = run[n + 1] if n + 1 < len(run) else None
            end = following[1].start() if following and following[0] is item else len(item.rest.text)
            body = item.rest.sub(match.end(), end)
            stop = re.search(r"[，,；;。]", body.text)
            title = body.sub(0, stop.start()) if stop else _strip_terminal(body)
            items.append((item, title, item.rest.sub(match.start(1), end)))
        if len(items) < 2 or not all(_task_start(title.text) for _item, title, _piece in items):
            continue
        for item, title, piece in items:
            section = result.section_at(item.line)
            measure = Measure("", None, None, title, 1, section=section, pieces=[piece], lines=[item.line])
            result.context.setdefault(item.line.index, (section, measure, False))
            found.append(measure)
    return found


#: a phrase that ends in a count of what it sums up (…三大目标, 实施八大行动, 五个方面)
COUNTED_SUMMARY = re.compile(rf"[{COUNT_NUMERALS}\d]\s*[{COUNTERS}条]\s*(?:重点|主要|专项)?[\u4e00-\u9fff]{{1,4}}$")


#: a report's point headed by a short phrase the plan is said to stress (《指引》强调场景牵引。…)
POINT = re.compile(r"《[^《》]{1,12}》(?:还|也|进一步|同时)?(?:强调|提出|明确)([^，,。；;：:“”《》\s]{2,10})。")


def _point_series(candidates: list[_Marked], result: Outline, existing: list[Measure]) -> list[Measure]:
    """A report that presents the plan's points as short headings, one sentence each (《指引》强调场景牵引。
    政务部门可…。《指引》强调规范部署。…): each heading is a measure. Two or more make the series; one
    alone is a remark."""
    if not any("》" in item.line.text for item in candidates):
        return []
    named = {m.title.text for m in existing}
    hits = [(item, match) for item in candidates for match in POINT.finditer(item.line.text)
            if match.group(1) not in named]
    if len({match.group(1) for _item, match in hits}) < 2:
        return []
    found = []
    for item, match in hits:
        section = result.section_at(item.line)
        measure = Measure("", None, None, item.rest.sub(match.start(1), match.end(1)), 1, section=section,
                          pieces=[item.rest.sub(match.start(1))], lines=[item.line])
        result.context.setdefault(item.line.index, (section, measure, False))
        found.append(measure)
    return found


def _reported_items(candidates: list[_Marked], result: Outline, existing: list[Measure]) -> list[Measure]:
    """A news report's "《若干措施》提出强化智能算力平台建设。": the phrase after the verb is a measure."""
    verbs = "|".join(words()["outline"]["report_verbs"])
    # 《方案》在“人工智能+”民生行动中，明确提出“实施…行动”，…: the scope it is said in, and the item quoted
    regex = re.compile(rf"(?:《[^》]{{1,12}}》|文件|其中|此外)\s*(?:在[^，,。；;《》]{{2,30}}中[，,]?\s*)?"
                       rf"(?:还|也|进一步)?(?:明确)?(?:{verbs})[，,:：]?\s*"
                       r"(?:“([^“”，,。；;：:]{4,20})”|([^，,。；;：:]{4,20}))[，,。；;]")
    taken = {m.lines[0].index for m in existing}
    named = {m.title.text for m in existing}
    found = []
    for item in candidates:
        if item.line.index in taken:
            continue
        step = KEY_STEP.match(item.line.text)
        if step and _task_start(step.group(1)) and step.group(1) not in named:
            # 此外，搭建…联盟也是行动方案中的关键一步。: a task the report singles out as a step of the plan
            section = result.section_at(item.line)
            measure = Measure("", None, None, item.rest.sub(step.start(1), step.end(1)), 1, section=section,
                              pieces=[item.rest.sub(step.start(1))], lines=[item.line])
            result.context.setdefault(item.line.index, (section, measure, False))
            found.append(measure)
            continue
        for match in regex.finditer(item.line.text):
            if GOVERNED.search(item.line.text[: match.start()]):
                continue  # 落实《…》等文件要求，抢抓…: the documents' requirements, an object, report nothing
            quoted = re.match(r"《([^》]+)》", match.group(0))
            if (quoted and names_a_document(quoted.group(1))
                    and re.search(r"(?:印发|出台|发布)(?:实施)?的\s*$", item.line.text[: match.start()])):
                continue  # 省政府印发的《湖北省…办法》明确提出…: a document a 解读's background cites, not its plan
            area = AREA_OPENING.search(item.line.text[: match.start()])
            if area and area.group(1) in named:
                continue  # 在X方面，《方案》提出…: what the plan says of a task a list already named
            group = 1 if match.group(1) else 2
            title = item.rest.sub(match.start(group), match.end(group))
            if not _task_start(title.text) and not re.search(r"发展|建设|应用|攻关", title.text):
                continue
            if COUNTED_SUMMARY.search(title.text):
                continue  # 提出A、B、C三大目标, 实施三大工程: a list's count names no item of it
            section = result.section_at(item.line)
            measure = Measure("", None, None, title, 1, section=section,
                              pieces=[item.rest.sub(match.start(group))], lines=[item.line])
            result.context.setdefault(item.line.index, (section, measure, False))
            found.append(measure)
    return found
