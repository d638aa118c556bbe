"""The lines of a document that carry its text, and its metadata header.

Saved web pages bring menus before the text and related headlines after it;
government pages bring a header of labelled fields (索引号, 文号, 成文日期…).
This stage keeps each line with its offset into the document, marks web
furniture (``chrome``), cuts the page at the first end-of-article marker
(相关链接, 热门资讯, 版权所有…) once real text has started, reads the header
fields, and splits run-on paragraphs at inline item numbers so that a page that
lost its line breaks still shows one measure per line.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache

from loaders.document import Document
from loaders.lexicon import alternation, matches_any, pattern, words

CJK = re.compile(r"[\u4e00-\u9fff]")
#: an inline (二) or 第二条 that starts a new item inside a run-on paragraph
INLINE_ITEM = re.compile(
    r"(?<=[。；;〕）)\]])\s*(?=(?:[（(][一二三四五六七八九十]{1,3}[）)]|[（(]\d{1,2}[）)](?=[\u4e00-\u9fff])"
    r"|第[一二三四五六七八九十百]+条"
    r"|\d{1,2}[.．、](?=[\u4e00-\u9fff]))\s?\S)")  # (第二条 本办法…: the blank a page prints after the number)
#: a circled item number after the end of the item before it (…；②…): an item of its own
CIRCLED_RUN_ON = re.compile(r"(?<=[。；;])\s*(?=[②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])")
#: a section heading run together with its first item on a page that lost its breaks: 二、培育产业生态（一）;
#: after a blank (the lost break) also an item whose numbers run on across sections: 二、… (三)…
HEADING_THEN_ITEM = re.compile(r"^[一二三四五六七八九十]{1,3}、[^。；;，,（(]{2,30}?"
                               r"(?=[（(]一[）)]|1[.．、](?=[\u4e00-\u9fff])"
                               r"|\s+[（(][一二三四五六七八九十]{1,3}[）)](?=[\u4e00-\u9fff]))")
#: the same inside a paragraph that lost its breaks, after a sentence end:
#: …制定本政策措施。一、加强重点领域支持力度1.提供…
RUN_ON_SECTION = re.compile(r"(?<=[。；;])\s*([一二三四五六七八九十]{1,3}、[^。；;，,（(\d]{2,30}?)"
                            r"(?=[（(]一[）)]|1[.．、](?=[\u4e00-\u9fff]))")
#: a draft's title run into its preamble, as a flattened preview prints it (…行动方案（征求意见稿）为加快…,
#: also after a document site's page number 1、), or into its first chapter, article or section (…办法
#: （征求意见稿）第一章 总则, …（征求意见稿）第一条 为…, …（征求意见稿）一、总体要求): the title ends at its status word
DRAFT_TITLE_RUN_ON = re.compile(r"^(?:\d{1,2}[、.．]\s*)?[^。，,；;：:《》]{6,60}?[（(](?:公开)?征求意见稿[)）]"
                                r"(?=\s*(?:为|根据|按照|依据|近年来|当前|随着)[\u4e00-\u9fff]"
                                r"|\s*第[一二三四五六七八九十百]+[章条]|\s*一、)")
#: a chapter or article number a PDF spaced out (第 一 章, 第 十二 条): its blanks are no lost line breaks
SPACED_NUMBER = re.compile(r"第\s+[一二三四五六七八九十百]+\s*[章节条]|第[一二三四五六七八九十百]+\s+[章节条]")
#: a chapter, article or item number with the blank a page prints after it (第一条 为…, 第一章 总则,
#: （一） 建设…): that blank is the number's own spacing, no lost line break
NUMBER_THEN_BLANK = re.compile(r"(?:第[一二三四五六七八九十百]+[章节条]|[（(][一二三四五六七八九十]{1,3}[)）])(?=\s)")
CN_DIGITS = "零一二三四五六七八九"
#: a blank between two pieces of Chinese: Chinese prose has none, so in a long line it stands for a lost
#: line break (…执行。 山东省人民政府办公厅 2025年5月7日 (此件公开发布) 关于…)
LOST_BREAK = re.compile(r"(?<=[\u4e00-\u9fff。；：:，,）)\]】」”])\s+(?=[\u4e00-\u9fff（(\[【「“《]|\d{4}年\d{1,2}月"
                        r"|\d{1,2}[.．、](?=[\u4e00-\u9fff]))")  # …高质量推进 1.加大…: an item's number opens a line


@dataclass
class Line:
    index: int
    start: int  # offset of ``text`` in Document.text
    text: str  # Simplified, stripped
    chrome: bool = False
    #: position of this line among the pieces of the printed line it was split from (0: its start);
    #: a run-on paragraph split at its inline item numbers gives pieces 0, 1, 2…
    part: int = 0

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Layout:
    doc: Document
    lines: list[Line]
    header: dict[str, str] = field(default_factory=dict)
    #: index (into ``lines``) of the first line after the header block
    header_end: int = 0

    def content(self) -> list[Line]:
        return [line for line in self.lines if not line.chrome]


#: a temperature printed alone on its line (27°, 18℃), as a portal's weather box does under its city
TEMPERATURE = re.compile(r"^\s*-?\d{1,2}\s*(?:°[CF]?|℃)\s*$")


def layout(doc: Document) -> Layout:
    lines = _split_lines(doc)
    lines = _cut_at_end_marker(lines)
    teaser = pattern("layout", "teasers")
    for line in lines:
        line.chrome = ((matches_any("layout", "chrome", line.text) and not _long(line.text))
                       or bool(teaser.search(line.text)))
    for line, below in itertools.pairwise(lines):
        if TEMPERATURE.match(below.text) and len(line.text.strip()) <= 8:
            line.chrome = below.chrome = True  # a portal's weather box: 台北市 / 27° names no place of the text
    lines = _split_run_on(lines)
    for i, line in enumerate(lines):
        line.index = i
    header, header_end = read_header(lines)
    for key, value in doc.meta.items():
        if value and key in _HEADER_KEYS:
            header.setdefault(key, str(value))
    return Layout(doc, lines, header, header_end)


def _split_lines(doc: Document) -> list[Line]:
    lines = []
    offset = 0
    for raw in doc.text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append(Line(len(lines), offset + lead, stripped))
        offset += len(raw) + 1
    return lines


def _long(text: str) -> bool:
    return len(text) >= 40 and len(CJK.findall(text)) >= 40  # most lines are too short to count


def _cut_at_end_marker(lines: list[Line]) -> list[Line]:
    markers = tuple(words()["layout"]["end_markers"])
    started = False
    for i, line in enumerate(lines):
        if started and not line.text.lstrip("#*> ").startswith(markers):
            continue  # once the text has started, only a marker line can end it (no need to count its characters)
        if _long(line.text) and re.search(r"[。，,]", line.text):
            started = True
        elif started:  # a marker line, not itself a long paragraph
            return lines[:i]
    return lines


QUOTES = (("“", "”"), ("《", "》"), ("「", "」"))


def _quoted(text: str, at: int) -> bool:
    """Is ``at`` inside a quotation the line opened before it? A blank there is the quote's own
    spacing (“高算力 强算法 大数据”), never a line break the page lost."""
    before = text[:at]
    return any(before.count(open_) > before.count(close) for open_, close in QUOTES)


def _split_run_on(lines: list[Line]) -> list[Line]:
    """A paragraph holding several numbered items in a row is split before each of them, and a long
    line whose breaks became blanks is split at the blanks."""
    out: list[Line] = []
    for line in lines:
        cuts = []
        if len(line.text) > 120:
            spaced = [m.span() for m in SPACED_NUMBER.finditer(line.text)]
            numbers = {m.end() for m in NUMBER_THEN_BLANK.finditer(line.text)}
            gaps = [m.end() for m in LOST_BREAK.finditer(line.text) if not _quoted(line.text, m.start())
                    and not any(start < m.start() < end for start, end in spaced) and m.start() not in numbers]
            cuts = sorted(set(gaps if len(gaps) >= 2 else []) | {m.start() for m in INLINE_ITEM.finditer(line.text)}
                          | {cut for m in RUN_ON_SECTION.finditer(line.text) for cut in m.span(1)})
        if "②" in line.text and "①" in line.text:  # ①A；②B；③C: items numbered in a circle, run on in one line
            cuts = sorted({*cuts, *(m.end() for m in CIRCLED_RUN_ON.finditer(line.text))})
        first = HEADING_THEN_ITEM.match(line.text)
        if first:  # 二、培育产业生态（一）培育骨干企业。…: the section heading ends where its first item begins
            cuts = sorted({*cuts, first.end()})
        if "(" in line.text or "（" in line.text:  # an item heading run into its text or its first sub-item
            cuts = sorted({*cuts, *_run_on_item_headings(line.text, flattened=len(line.text) > 120)})
        draft = DRAFT_TITLE_RUN_ON.match(line.text) if "征求意见稿" in line.text[:80] else None
        if draft:  # …行动方案（征求意见稿）为加快…: a draft's title ends at its status, where its preamble begins
            cuts = sorted({*cuts, draft.end()})
        if len(cuts) < 1:
            out.append(line)
            continue
        pieces, begin = [], 0
        for cut in cuts:
            pieces.append((begin, line.text[begin:cut]))
            begin = cut
        pieces.append((begin, line.text[begin:]))
        part = 0
        for begin, piece in pieces:
            text = piece.strip()
            if text:
                lead = len(piece) - len(piece.lstrip())
                out.append(Line(0, line.start + begin + lead, text, line.chrome, part))
                part += 1
    return out


#: an item heading run into its first sub-item, as a flattened preview prints it: （一）健全市场规则1.构建…
ITEM_THEN_SUBITEM = re.compile(r"[（(][一二三四五六七八九十]{1,3}[）)][^。；;，,：:（()）\d]{2,30}?"
                               r"(?=1[.．、][\u4e00-\u9fff])")
#: how the text of a guiding or goal section opens (以习近平…, 到2025年…, 坚持…)
SECTION_TEXT_OPENING = r"(?=以|到\d|到“|力争|坚持|按照|围绕|立足|全面贯彻|深入贯彻)"


@cache
def _named_item_heading() -> re.Pattern[str]:
    """An item titled by a section name (（一）指导思想, （二）主要目标) run into its text (…指导思想以习近平…)."""
    return re.compile(r"[（(][一二三四五六七八九十]{1,3}[）)](?:"
                      + alternation(words()["outline"]["non_measure_sections"]) + ")" + SECTION_TEXT_OPENING)


#: how the text under a task heading opens in a flattened draft (依托…, 围绕…, 以…为…, 到2025年…): words that
#: open a paragraph, never the middle of a task's name
TASK_TEXT_OPENING = (r"(?=(?:依托|围绕|聚焦|坚持|按照|面向|针对|立足|以[^，,。；;]{1,15}?为|(?:力争)?到20\d\d年)"
                     r"[^。；;]{6,}?[，,])")


@cache
def _task_item_heading() -> re.Pattern[str]:
    """A task heading (（一）建设行业数据平台) run into its text, where the text opens as a paragraph does
    (…数据平台依托龙头企业…，)."""
    verbs = alternation(words()["outline"]["task_verbs"])
    return re.compile(r"[（(][一二三四五六七八九十]{1,3}[）)]\s*(?=" + verbs + r")"
                      r"[^。；;，,：:（()）\d、“”《》\s]{5,16}?" + TASK_TEXT_OPENING)


def _run_on_item_headings(text: str, flattened: bool) -> list[int]:
    """Where item headings that a flattened page ran into what follows them end: （一）健全市场规则 before
    its 1.构建…, and （一）指导思想 before 以习近平…, and, on a page flattened into one run, a task heading
    before text that opens as a paragraph does (（一）建设数据平台依托…); only headings a page prints
    without a full stop, so an item whose title ends its sentence (（一）建设平台。…) is left as it is."""
    cuts = [m.end() for m in ITEM_THEN_SUBITEM.finditer(text)]
    cuts += [m.end() for m in _named_item_heading().finditer(text)]
    if flattened:
        cuts += [m.end() for m in _task_item_heading().finditer(text)]
    return cuts


# -- the metadata header -----------------------------------------------------

_HEADER_KEYS = ("index_number", "doc_number", "publisher", "date_issued", "date_published", "category", "title")


@cache
def header_labels() -> dict[str, str]:
    section = words()["header"]
    labels = {}
    for key in (*_HEADER_KEYS, "other"):
        for label in section[key]:
            labels[label] = key
    return labels


#: the marks a portal prints before each field of its list (• 发布日期：…, · 文号：…, * 来源：…)
BULLETS = "•·*"


@cache
def _header_regex() -> re.Pattern[str]:
    """A label, its characters possibly spaced out (索 引 号), followed by a colon or in brackets ([ 索引号 ]);
    a label in 【】 also right after the value before it (【发文字号】…号【发布日期】2018.07.09, as law
    databases print a document's fields on one line): its brackets delimit it."""
    spaced, opening = spaced_labels(), r"(?:^|(?<=\s)|(?<=[" + BULLETS + r"]))"
    return re.compile(r"(?:" + opening + r"[\[【]|(?<=\S)【)\s*(" + spaced + r")\s*[\]】]\s*[:：]?\s*"
                      r"|" + opening + r"(" + spaced + r")\s*[:：]\s*")


@cache
def spaced_labels() -> str:
    """An alternation of the header labels, each allowing blanks between its characters (索 引 号)."""
    return "|".join(r"\s*".join(map(re.escape, label)) for label in sorted(header_labels(), key=len, reverse=True))


def _label_key(match: re.Match[str]) -> str:
    return re.sub(r"\s+", "", match.group(1) or match.group(2))


def read_header(lines: list[Line]) -> tuple[dict[str, str], int]:
    """Labelled fields (索引号: …) near the top of the page, several per line or one per line.

    Returns the fields found (first value wins) and the index of the line after the last field.
    """
    labels = header_labels()
    label_re = _header_regex()
    found: dict[str, str] = {}
    weak: dict[str, str] = {}
    last = -1
    limit = min(len(lines), 60)
    i = 0
    while i < limit:
        text = lines[i].text.lstrip(BULLETS + " ")
        if text.startswith("|") or TABLE_ROW.match(text):  # a header as a table: | 文 号: | 苏政发〔2025〕108号 |
            cells = _label_cells(text if text.startswith("|") else "|" + text, labels)
            if cells:  # | 索引号 | 000014349/2025-00012 | 发文机关 | … |: labels without colons
                for key, value in cells:
                    if value and key != "other":
                        found.setdefault(key, value)
                last = i
                i += 1
                continue
            text = re.sub(r"\s*\|+\s*", " ", text).strip()
        matches = list(label_re.finditer(text))
        bulleted = _bulleted_field(lines[i].text)
        paired = _blank_separated_fields(text) if not matches and bulleted is None else []
        if paired:  # 发布机构 宁安市数据局 发布日期 2022-03-29: label, blank, value, twice or more on a line
            for key, value in paired:
                if key != "other":
                    found.setdefault(key, value)
            last = i
            i += 1
            continue
        if bulleted is not None and not matches:  # • 发布日期 2025-05-16: a list of fields without colons
            key, value = bulleted
            if key != "other":
                found.setdefault(key, value)
            last = i
            i += 1
            continue
        if not matches or matches[0].start() > 0:
            i += 1
            continue
        for n, match in enumerate(matches):
            end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
            value = text[match.end():end].strip()
            if not value and n + 1 == len(matches) and i + 1 < len(lines):
                following = lines[i + 1].text.lstrip(BULLETS + " ")
                if not label_re.match(following) and not following.startswith("|"):
                    value = following.strip()
                    i += 1
            key = labels[_label_key(match)]
            if value and key != "other":
                (weak if _label_key(match) in WEAK_LABELS else found).setdefault(key, value)
            last = i
        i += 1
    while 0 <= last < limit - 1 and _unknown_field(lines[last + 1].text, lines[last].text):
        last += 1  # • 所属单位:…: a field under a label the lexicon lacks still belongs to the list
    for key, value in weak.items():
        found.setdefault(key, value)
    for key, value in _bare_label_fields(lines[:limit]):
        found.setdefault(key, value)
    return found, last + 1


#: a line of a field list: a short label of Chinese characters, a colon and a short value without
#: sentence punctuation (• 所属单位:乳山市人民政府办公室, 文件类型：其他文件)
FIELD_LINE = re.compile(r"^([" + BULLETS + r"]?)\s*([\u4e00-\u9fff]{2,6})\s*[:：]\s*[^。，,；;:：]{1,40}$")


def _unknown_field(text: str, previous: str) -> bool:
    """Is ``text``, right below a field of the header, another field whose label the lexicon lacks?
    Portals name their fields as they please (所属单位, 文件类型); one printed like the field above it
    (bulleted under a bulleted one) continues the list, so it is neither a title's first line nor a
    reported item. An annex's label (附件：…) opens a title, not a field."""
    if ":" not in text and "：" not in text:
        return False  # most lines hold no colon: skip them before the pattern
    match = FIELD_LINE.match(text)
    if not match or match.group(2).startswith("附件"):
        return False
    return bool(match.group(1)) == (previous[:1] in tuple(BULLETS))


#: labels whose value gives way to another label's for the same field: a CMS's 生成日期 (when the page was
#: generated) to its 公开日期 or 发布日期 (生成日期:2021-01-11 公开日期:2021-01-25)
WEAK_LABELS = ("生成日期",)


def _bare_label_fields(lines: list[Line]) -> list[tuple[str, str]]:
    """(key, value) of a field list printed one label a line without colons, each value on the
    line under its label (索引号 / 011446…/2022-1 / 发布日期 / 2022年03月21日): two or more make the list."""
    labels = header_labels()
    pairs = [(labels[line.text], lines[n + 1].text) for n, line in enumerate(lines[:-1])
             if line.text in labels and lines[n + 1].text not in labels]
    if len(pairs) < 2:
        return []
    return [(key, value) for key, value in pairs if key != "other"]


#: a table row printed without its leading bar: 发文字号 | 肇工信函〔2024〕33号 |
TABLE_ROW = re.compile(r"^[^|]{2,10}\|")


def _bulleted_field(text: str) -> tuple[str, str] | None:
    """(key, value) of a bulleted line that prints a label, a blank and its value without a colon
    (• 发文字号 青政办字【2025】21号), as some portals list a document's fields; None otherwise."""
    match = _bullet_field_regex().match(text)
    if not match:
        return None
    return header_labels()[re.sub(r"\s+", "", match.group(1))], match.group(2).strip()


@cache
def _bullet_field_regex() -> re.Pattern[str]:
    return re.compile(rf"^[{BULLETS}]\s*(" + spaced_labels() + r")\s+(\S[^。，；]{0,60})$")


def _blank_separated_fields(text: str) -> list[tuple[str, str]]:
    """(key, value) pairs of a header row that separates labels from values by blanks alone
    (公开方式 主动公开 文号 宁数发〔2022〕1号), as some portals print it; [] for any other line. A row needs
    two labels, each with a short value and no sentence punctuation, so a line of prose that opens with
    a label word (标题党…, 文号是…) is never read as fields."""
    if text[:1] not in _label_initials():
        return []  # most lines open with no label's first character: skip them before the pattern
    spans = list(_blank_label_regex().finditer(text))
    if not spans or spans[0].start() != 0:
        return []
    # a row that closes on a label left empty (文号 宁数发〔2022〕1号 时效): that label counts, with no value
    empty = re.search(r"\s(\S{2,8})$", text)
    closing = empty.start() if empty and re.sub(r"\s+", "", empty.group(1)) in header_labels() else len(text)
    if len(spans) + (closing < len(text)) < 2:
        return []
    pairs = []
    for n, match in enumerate(spans):
        end = spans[n + 1].start() if n + 1 < len(spans) else closing
        value = text[match.end():end].strip()
        if not value or len(value) > 40 or re.search(r"[。，,；;：:]", value):
            return []
        pairs.append((header_labels()[re.sub(r"\s+", "", match.group(1))], value))
    return pairs


@cache
def _label_initials() -> frozenset[str]:
    return frozenset(label[0] for label in header_labels())


@cache
def _blank_label_regex() -> re.Pattern[str]:
    """A header label at the start of a line or after a blank, followed by a blank (not a colon)."""
    return re.compile(r"(?:^|(?<=\s))(" + spaced_labels() + r")\s+(?=[^\s:：])")


def _label_cells(text: str, labels: dict[str, str]) -> list[tuple[str, str]]:
    """(key, value) of a table row whose cells alternate label and value, labels without a colon
    (| 发文机关 | 宁安市人民政府办公厅 | 成文日期 | 2025年03月08日 |); [] for any other row."""
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    names = [re.sub(r"\s+", "", c).rstrip(":：") for c in cells]
    if not names or names[0] not in labels:
        return []
    pairs = []
    for n, name in enumerate(names):
        if name in labels:
            value = cells[n + 1] if n + 1 < len(cells) and names[n + 1] not in labels else ""
            pairs.append((_table_key(name, labels), value))
    return pairs


def _table_key(name: str, labels: dict[str, str]) -> str:
    """The property a label fills in an 信息公开 table, where a label that a byline also prints and that is
    read there as no field (发布时间, the time a copy went up) is the page's own field."""
    if labels[name] != "other":
        return labels[name]
    section = words()["header"]
    return next((key for key in _HEADER_KEYS if name in section[key]), "other")


def chinese_number(text: str) -> int | None:
    """一 -> 1, 十三 -> 13, 二十二 -> 22, 一百 -> 100; Arabic digits pass through.

    >>> [chinese_number(t) for t in ("十三", "二十二", "三", "45", "一百零五")]
    [13, 22, 3, 45, 105]
    """
    if text.isdigit():
        return int(text)
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS.index(ch)
        elif ch == "两":
            digit = 2
        elif ch in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            section += (digit or 1) * unit
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10000
            section, digit = 0, 0
        else:
            return None
    return total + section + digit


#: a measure count the text declares: 提出19条具体举措, 共12条, 提出18项重点任务, 拟定10个专项行动 (项 only
#: with the kind of item after it, so 提出3项技术 is not a count of measures; 五大行动 and 四大工程 name
#: the groups, not the measures, but 部署五大重点任务 declares five tasks when no count of their items
#: follows; 五大项16个小项重点任务 counts the 16); anywhere, N项具体措施 after a
#: list of them (second group), and a count that opens its list (…有四项重点任务：一是…,
#: 实施6大重点行动。一是…, 8大工程具体包括：A、B…: third group)
DECLARED_COUNT = re.compile(r"(?:共|合计|包括|包含|提出|涵盖|明确|推出|部署|推进|拟定|规划|制定|制订)"
                            r"[了出]?[^。，；]{0,16}?"
                            r"(\d{1,3}|[一二三四五六七八九十百]{1,4})\s*(?:条(?:具体)?(?:举措|措施|政策|任务|意见)?"
                            r"|项(?:具体|重点|主要)?(?:任务|举措|措施|工程|行动|政策)|个(?:专项|重点)(?:行动|任务|工程)"
                            r"|个?小项(?:具体|重点|主要)?(?:任务|举措|措施)?|大(?:重点|主要)?(?:任务|举措))"
                            r"|(\d{1,3}|[一二三四五六七八九十百]{1,4})\s*(?:条|项)具体(?:举措|措施|政策|任务)"
                            r"|(\d{1,3}|[一二三四五六七八九十百]{1,4})\s*(?:项(?:重点|主要)?(?:任务|举措|措施)"
                            r"|大(?:重点|主要)?(?:行动|任务|工程|举措)|个?方面(?:的)?(?:重点|主要)?(?:任务|举措))"
                            r"(?=\s*[：:。]\s*一是"
                            # 8大工程具体包括：A工程、B工程…: the count heads the list that names its items
                            # (also 30项主要任务其中包括A、B…, no colon)
                            r"|\s*(?:其中)?(?:具体|主要)?(?:包括|分别是|分别为)\s*[：:]?\s*[^、，,。；;]{4,30}、)"
                            # a report's counted label it explains by listing the items: “八项任务”，就是A、B…
                            r"|[“\"](\d{1,3}|[一二三四五六七八九十百]{1,4})\s*项(?:重点|主要)?(?:任务|举措|措施)[”\"]"
                            r"(?=\s*[，,]?\s*(?:就是|即|分别是|分别为)\s*[：:]?\s*[^、，,。；;]{4,30}、)"
                            # what the plan holds, listed and closed by its count (包括A、B、C等29项工作任务)
                            r"|包括[^。，,；;]{4,40}?、[^。，,；;]{2,40}?等\s*(\d{1,3}|[一二三四五六七八九十百]{1,4})\s*"
                            r"项(?:工作|重点|主要|具体)?任务")
#: the genre words that name a plan (计划, 方案…), also what shows a sentence names one (outline.PLAN_NAMED)
PLAN_GENRE = r"(?:计划|方案|规划|意见|措施|要点)"
#: the plan as the subject of a report's sentence: its quoted name (《规划》), or its genre word with a
#: determiner or alone (该方案, 本计划, 行动计划); the few words before its verb may hold one comma only
#: after a reporting verb (《方案》提出，实施…)
PLAN_SUBJECT = (r"(?:》|(?:该|本|此|这一?|《)?(?:行动|实施|工作)?" + PLAN_GENRE + ")"
                r"[^。；;，,《》“”「」]{0,8}?(?:(?:提出|明确|指出|强调|要求)[，,:：])?\s*")
#: the verb that has the plan carry its actions out, a manner word before it optional (重点实施, 将着力推进);
#: not one that only says what it is about (围绕A、B三大任务, 聚焦…: fields as often as tasks)
ACTION_VERBS = ("组织实施", "实施", "开展", "推进", "推动", "部署", "推出", "启动", "提出", "明确")
#: what may come before the verb: a reporting verb, a modal, a manner word
VERB_LEAD = r"(?:(?:提出|明确|部署|要求)了?\s*)?(?:将|还|要|拟)?\s*(?:重点|着力|大力|全面|深入|集中|统筹|分类)?\s*"
ACTION_VERB = VERB_LEAD + "(?:" + "|".join(ACTION_VERBS) + r")(?:了)?\s*"
#: before a count that says the names after it are actions, also a verb that only says what the plan is
#: about (聚焦十大重点任务：A、B…)
COUNTED_VERB = VERB_LEAD + "(?:" + "|".join((*ACTION_VERBS, "聚焦", "围绕")) + r")(?:了)?\s*"
#: the numerals a count of listed things is written in (the digits too) and the words it counts them by
#: (八大, 十项, 六个): one fragment for the counted lists read here and in outline (which adds 条)
COUNT_NUMERALS = "一二两三四五六七八九十"
COUNTERS = "大项个"
#: what a plan counts its actions by (八大行动, 十项任务, 三大工程, 六个专项行动, 三大策略主轴), not what it is about
#: (三大产业, 五个方面, 三大目标)
ACTION_COUNT = (rf"(?P<count>[{COUNT_NUMERALS}]{{1,3}}|\d{{1,2}})\s*[{COUNTERS}]\s*(?:专项|重点|主要|具体|攻坚)?\s*"
                r"(?:专项行动|行动|工程|任务|举措|策略主轴|策略|主轴)")
#: one name of a list: a run of characters with no list mark or clause end, quoted words inside it allowed
#: (数字信息基础设施“强基”)
ACTION_NAME = r"(?:[^。；;：:、，,《》“”「」\s]|[“「][^“”「」。；;]{1,30}[”」])"
#: names a 、 apart, or quoted names that follow one another with no mark (“A”“B”“C”)
ACTION_NAMES = (rf"(?P<names>{ACTION_NAME}{{1,40}}?(?:\s*、\s*{ACTION_NAME}{{1,40}}?)+"
                r"|(?:[“「][^“”「」。；;]{1,30}[”」]){2,})")
#: a report's sentence that has the plan carry out its actions listed by name and closed by their count
#: (《规划》将实施A、B、C和D等四大行动; 该方案提出实施“A”“B”“C”三大工程)
REPORTED_ACTIONS = re.compile(PLAN_SUBJECT + ACTION_VERB + ACTION_NAMES + r"\s*等?\s*[“\"]?" + ACTION_COUNT)
#: the same with the count first and the names after it, opened by a colon or by a word that explains the
#: count (部署了四大行动：A、B、C和D; 实施三大工程，即A、B和C。)
EXPLAINED_ACTIONS = re.compile(PLAN_SUBJECT + COUNTED_VERB + r"[“\"]?" + ACTION_COUNT + r"[”\"]?\s*"
                               r"(?:(?:[，,]?\s*(?:具体|主要)?(?:就是|即|包括|分别是|分别为)\s*[：:]?|[：:])\s*"
                               + ACTION_NAMES + r"\s*[。；;]"
                               # or given a ； apart after the colon (明确了三项重点任务：A；B；C。)
                               + rf"|[：:]\s*(?P<clauses>{ACTION_NAME}{{2,40}}?"
                               + rf"(?:[；;]\s*{ACTION_NAME}{{2,40}}?)+)\s*[。])")
#: names listed and closed by their count, whoever is said to carry them out (「A」、「B」、「C」等三大策略主轴)
COUNTED_NAMES = re.compile(ACTION_NAMES + r"\s*等?\s*[“\"]?" + ACTION_COUNT)
#: a count before 大, 项 or 个: a cheap test that skips the lines no counted list can be on
ACTION_COUNT_HINT = re.compile(rf"[{COUNT_NUMERALS}\d]\s*[{COUNTERS}]")


def reported_actions(text: str) -> list[tuple[int, int]]:
    """The spans of the actions a report lists by name in one sentence, the plan its subject: closed by
    their count (REPORTED_ACTIONS) or opened by it (EXPLAINED_ACTIONS); the last two names may be joined
    by 和/及 (…A和B等八大行动), quoted names may follow one another with no mark (“A”“B”“C”). Read only when
    the number of names is the count, each name two characters or more, so a list of fields or a count
    of something else gives nothing; [] otherwise."""
    if not ACTION_COUNT_HINT.search(text):
        return []  # most lines: no counted list of actions
    for match in REPORTED_ACTIONS.finditer(text):
        spans = _counted_names(text, match, chinese_number(match.group("count")))
        if spans:
            return spans
    for match in EXPLAINED_ACTIONS.finditer(text):
        spans = _counted_names(text, match, chinese_number(match.group("count")))
        if spans:
            return spans
    return []


def counted_lists(text: str) -> list[tuple[re.Match[str], list[tuple[int, int]]]]:
    """Every list of names closed by as many counted (COUNTED_NAMES), whoever carries them out, with the
    spans of its names: what a report's parts are read from before its paragraphs show them described."""
    if not ACTION_COUNT_HINT.search(text):
        return []
    found = []
    for match in COUNTED_NAMES.finditer(text):
        spans = _counted_names(text, match, chinese_number(match.group("count")))
        if spans:
            found.append((match, spans))
    return found


def _counted_names(text: str, match: re.Match[str], count: int | None) -> list[tuple[int, int]]:
    """The spans of the names ``match`` lists (its group ``names``), when there are ``count`` of them."""
    group = "names" if match.group("names") else "clauses"
    start, listed = match.start(group), match.group(group)
    mark = "、" if "、" in listed else ";" if group == "clauses" else None
    pieces = re.split(r"[；;]", listed) if mark == ";" else listed.split("、") if mark else re.split(
        r"(?<=[”」])(?=[“「])", listed)
    spans, at = [], start
    for piece in pieces:
        lead = len(piece) - len(piece.lstrip())
        spans.append((at + lead, at + len(piece.rstrip().removesuffix("等").rstrip())))
        at += len(piece) + (1 if mark else 0)
    if count == len(spans) + 1:
        first, last = spans[-1]
        joined = [j for j in re.finditer(r"以及|和|及", text[first:last])
                  if 2 <= j.start() <= last - first - j.end() + j.start() - 2]
        if len(joined) == 1:
            cut = first + joined[0].start()
            spans[-1:] = [(first, cut), (cut + len(joined[0].group()), last)]
    if count != len(spans) or any(end - begin < 2 for begin, end in spans):
        return []
    return spans


#: the next count of a list that a declared count opens (规划了13项重点行动、30项重点任务)
LISTED_COUNT = re.compile(r"\s*[、和及]\s*(\d{1,3}|[一二三四五六七八九十百]{1,4})\s*"
                          r"(?:项(?:具体|重点|主要)?(?:任务|举措|措施|工程|行动|政策)|个(?:专项|重点)?(?:专栏|行动|任务))")
