"""A plan's metadata: title, kind, period, 文号, dates, declared count, issuers, coverage.

The title is voted for: the body's own heading line (possibly broken over two or
three lines, or with its period on the next line), the 《…》 that the notice or the
news report issues (印发《…》, 《…》已经…同意, 关于印发…的通知) all count, while
a 《…》 in a citation (依据《…》, 《…》（国发〔2017〕35号）) is a cited document. A
page that goes on calling a plan by a short name (以下简称《行动方案》) is about that
plan: a 解读 or a report mentions other plans once. What is printed around a title
but is not its name (a draft's status, an 附件 label, a news site's place tag) is
left out, and its forms that differ only by the period are one title.

Issuers are the written forms of the bodies the page says issued the plan, from
the most direct statement down: the notice title (X关于印发…的通知) and the
signature block over the date, a 红头 banner, the plan's own title (X关于…的意见),
a report's "X印发《…》", the header's 发布机构 (often the office that runs the
website), and last the source a repost credits. Dates come from the header, the
signature, a draft's dated line, an official byline, or a report's month and day
given its year by the page or the signature.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from loaders.document import Span, simplified_chars
from loaders.layout import DECLARED_COUNT as COUNT
from loaders.layout import FIELD_LINE, LISTED_COUNT, Layout, Line, chinese_number, reported_actions
from loaders.lexicon import alternation, known_agencies, words

#: a title's period in brackets, also in the years of the ROC calendar a Taiwan plan counts in (（115至118年）)
PERIOD = re.compile(r"[（(]\s*((?:19|20)\d{2}"
                    r"|(?<=[（(])\s*(?:民国)?\s*1[0-4]\d(?=\s*年?\s*[-—–~～－至到]\s*1[0-4]\d\s*年))"
                    r"\s*(?:年)?\s*[-—–~～－至到]+\s*((?:19|20)\d{2}|1[0-4]\d)\s*(?:年)?\s*[)）]?\s*$")
DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fff]{1,14}?)\s*[〔\[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]\s*(\d{1,4})\s*号")
BROKEN_DOC_NUMBER = re.compile(r"^([\u4e00-\u9fff]{1,14})\s*〔\s*((?:19|20)\d{2})\s*(\d{1,4})$")
#: a date's year, month and day, each a group (2025年3月10日, 2025-03-10, 2025/3/10, 2025.3.10), without its 日
YMD = r"((?:19|20)\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})"
DATE = re.compile(YMD + r"\s*日?")
COMPACT_DATE = re.compile(r"^((?:19|20)\d{2})(\d{2})(\d{2})$")
SIGNATURE_DATE = re.compile(
    r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[\s?？]*$|^((?:19|20)\d{2})(\d{2})(\d{2})$")
#: a signature date written in Chinese numerals, as 红头 documents print it: 二〇二五年三月八日
CN_DATE = re.compile(r"^([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                     r"\s*([一二三四五六七八九十]{1,3})\s*日[\s?？]*$")
PUNCT = re.compile(r"[\s《》〈〉“”\"'‘’「」（）()【】\[\]、，,。．.：:；;！!？?—\-–·•~～－]+")


def date_line(text: str) -> str | None:
    """The date a line consists of (2025年3月8日, 20250308, 二〇二五年三月八日), as YYYY-MM-DD.

    >>> date_line("二〇二四年十二月六日"), date_line("2025年3月8日"), date_line("2025年3月8日印发")
    ('2024-12-06', '2025-03-08', None)
    """
    if SIGNATURE_DATE.match(text):
        return _date(text)
    written = CN_DATE.match(text.strip())
    if not written:
        return None
    year = "".join(str("〇一二三四五六七八九".index(ch.replace("○", "〇").replace("零", "〇")))
                   for ch in written.group(1))
    month, day = chinese_number(written.group(2)), chinese_number(written.group(3))
    return _date(f"{year}年{month}月{day}日") if month and day else None


#: a signer and its date on one line, as flattened pages print them: 宁安市人民政府办公室  2025年3月8日
SIGNED_LINE = re.compile(r"^(?P<names>[^\d。，,：:；;]{3,60}?)\s+"
                         r"(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
                         r"|[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日)"
                         r"[\s?？]*$")


def signed_line(text: str) -> tuple[list[str], str] | None:
    """(names, date) of a line that is a signature followed by its date, or None."""
    match = SIGNED_LINE.match(text.strip())
    if not match:
        return None
    date = date_line(match.group("date"))
    names = _names(match.group("names"))
    if date and names and all(_is_body(n) for n in names):
        return names, date
    return None


def norm(text: str | None) -> str:
    """The form titles and names are compared in: no punctuation or blanks."""
    return PUNCT.sub("", text or "")


@dataclass
class TitleCandidate:
    span: Span
    score: int
    source: str  # heading, issued, notice, quoted, reported
    #: a 《…》 issued with its 文号 beside it (印发《…》（豫政办〔2024〕64号）): the plan, or a plan it cites
    numbered: Span | None = None


@dataclass
class Metadata:
    title: Span | None = None
    title_text: str | None = None  # Simplified (for ids, kind, period)
    title_surface: str | None = None
    kind: str | None = None
    period: tuple[int, int] | None = None
    doc_number: str | None = None
    date_issued: str | None = None
    date_published: str | None = None
    index_number: str | None = None
    category: str | None = None
    measure_count: int | None = None
    measure_count_evidence: str | None = None
    #: (written name, evidence) of the bodies that issued the plan
    issuers: list[tuple[str, str]] = field(default_factory=list)
    #: index of the first line of the plan's own text (after the notice)
    body_start: int = 0
    #: lines of the notice (before the plan's own text)
    notice_end: int = 0
    #: 《…》 spans that cite other documents
    cited: list[Span] = field(default_factory=list)
    #: the date the page itself carries (a repost's timestamp, a stored page's date line): when it was written
    page_date: str | None = None
    #: the page reads a plan (a 解读, an interview): its signature, publisher and source are the reading's
    reading: bool = False
    #: (date, congress, note) of a regulation's adoption note under its title
    adoption: tuple[str, str, str] | None = None
    #: a repost's bracketed note of the body that published the text and when ((X 2018年5月17日发布))
    source_note: re.Match[str] | None = None


# -- title -------------------------------------------------------------------------

def _kinds() -> list[str]:
    return words()["plan"]["kinds"]


#: the one year a plan is for, in brackets at the end of its title without 年 (…行动计划(2023))
BRACKET_YEAR = re.compile(r"(?<=[\u4e00-\u9fff])\s*[（(]\s*((?:19|20)\d{2})\s*[)）]\s*$")
#: the year of a yearly document printed after its genre word (施政報告 2023, as Hong Kong names its
#: policy addresses): the edition, not part of the genre
EDITION_YEAR = re.compile(r"(?<=[\u4e00-\u9fff])\s+((?:19|20)\d{2})$")


@lru_cache(maxsize=4096)  # asked of every line by the title tests, and of its halves and joins (pure)
def kind_of(title: str) -> str | None:
    """The genre word a title ends with, before its period.

    >>> kind_of("仙桃市人工智能产业发展三年行动方案(2025—2027年)")
    '行动方案'
    >>> kind_of("廊坊市促进人工智能产业发展十三条措施")
    '措施'
    """
    core = BRACKET_YEAR.sub("", EDITION_YEAR.sub("", PERIOD.sub("", _without_status(title)))).strip()
    kinds, lengths = _kind_ends()
    kind = next((core[-n:] for n in lengths if core[-n:] in kinds), None) if core else None
    return words()["plan"]["kind_core"].get(kind, kind) if kind else None


@cache
def _kind_ends() -> tuple[frozenset[str], tuple[int, ...]]:
    """The genre words as a set and their lengths, longest first, so that the longest a title ends
    with is found (若干措施 before 措施) by one set lookup per length, not a pattern tried at every
    character of the line."""
    return frozenset(_kinds()), tuple(sorted({len(k) for k in _kinds()}, reverse=True))


@cache
def _header_label_re() -> re.Pattern[str]:
    """A metadata label with its colon or bracket, its characters possibly spaced out."""
    from loaders.layout import spaced_labels

    return re.compile("(?:" + spaced_labels() + r")\s*[:：\]】]")


@cache
def _status_re() -> re.Pattern[str]:
    """The statuses that close a title, one or several in a row: (试行)(征求意见稿)."""
    return re.compile(r"(?:\s*(?:" + "|".join(words()["plan"]["title_status"]) + r"))+\s*$")


def _drop_status(text: str) -> str:
    """``text`` without the statuses that close it; only one that holds a status's mark is scanned."""
    if any(mark in text for mark in words()["plan"]["title_status_marks"]):
        return _status_re().sub("", text)
    return text


@lru_cache(maxsize=4096)  # asked by both title tests (kind_of, _is_title) of the same lines (pure)
def _without_status(text: str) -> str:
    """A title without its period and the statuses that close it: (试行), (征求意见稿)."""
    return _drop_status(PERIOD.sub("", text)).strip()


@lru_cache(maxsize=4096)  # asked of each line, its halves and joins by several rules (pure)
def _is_title(text: str) -> bool:
    core = _without_status(text)
    kind = kind_of(text)
    return bool(kind) and len(norm(core)) >= len(kind) + 3 and "。" not in text and len(text) <= 90


def names_a_document(text: str) -> bool:
    """Is ``text`` a document's full title: it ends in a genre word and opens with its place or
    关于 (宁安市智能制造专项行动计划, 关于促进…的若干政策), not a task that ends in one (完善配套政策)?"""
    return _is_title(text) and (_starts_with_place(text) or text.startswith(("关于", "《")))


@cache
def _draft_re() -> re.Pattern[str]:
    """A draft's status at the end of a title, or a line of its own: （征求意见稿）, (征求意见稿V2.2)."""
    return re.compile(r"\s*(?:" + "|".join(words()["plan"]["draft_status"]) + r")\s*$")


@cache
def _graphic_label_re() -> re.Pattern[str]:
    """一图读懂, 图解… at the start of a heading, as a graphic summary of a plan is titled."""
    return re.compile(r"^(?:" + alternation(words()["plan"]["graphic_labels"]) + r")\s*[:：|丨｜]?\s*")


@cache
def _label_re() -> re.Pattern[str]:
    """附件 / 附件2： in front of an annex's title."""
    return re.compile(r"^(?:" + "|".join(words()["plan"]["title_labels"]) + r")\s*")


#: a news site's place tag before a headline title: 杭州：关于加快推进…的实施意见; after a bar, any column
#: tag (产业政策丨青岛市…方案)
PLACE_TAG = re.compile(r"^([\u4e00-\u9fff]{2,8})\s*([:：丨|｜])\s*")


#: the number of an entry in a list of annexes (附件：1. …若干政策（征求意见稿）)
LIST_NUMBER = re.compile(r"^\d{1,2}\s*[.．、]\s*(?=\D)")


#: the extension of a file name a document-sharing site or an attachment link prints as the title
#: (宁安市…行动方案（2025—2027年）.docx), or an annex entry that is a file (outline: ….xlsx, ….zip)
FILE_SUFFIX = re.compile(r"\s*\.(?:docx?|pdf|xlsx?|wps|ofd|zip|rar|txt)\s*$", re.IGNORECASE)


def _trim(span: Span) -> Span:
    """A title without what is printed around it but is not its name: a leading 附件 label or
    place tag (杭州：), a trailing file extension (.docx) and a trailing draft status (a draft is
    named as the document it will become)."""
    suffix = FILE_SUFFIX.search(span.text)
    if suffix and suffix.start() > 0:
        span = span.sub(0, suffix.start())
    label = _label_re().match(span.text) or LIST_NUMBER.match(span.text)
    if label and label.end() < len(span.text):
        span = span.sub(label.end())
    tag = PLACE_TAG.match(span.text)
    if tag and (_is_place(tag.group(1)) or tag.group(2) in "丨|｜") and _is_title(span.text[tag.end():]):
        span = span.sub(tag.end())
    draft = _draft_re().search(span.text)
    if draft and draft.start() > 0:
        span = span.sub(0, draft.start())
    return span.strip(" ")


#: a line that opens a section or an item (一、 / （一）), never the first half of a title
SECTION_NUMBER = re.compile(r"^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[)）]")


#: a line that stands above a title and never begins one: a note in brackets ((此件公开发布)), a
#: byline with its time of day or its fields (时间:2025-05-06 阅读:12次), a 文号 (also a broken one), a
#: web address
NOT_TITLE_START = re.compile(r"^[（(【\[].*[)）】\]]$|\d{1,2}:\d{2}|〔|号$|https?:|www\."
                             r"|^(?:发布|更新)?(?:时间|日期)\s*[:：]\s*\d|阅读\s*[:：]?\s*\d+\s*次")


def _opens_title(text: str) -> bool:
    """Can this line be the first half of a title broken over two lines? Not a date, a 文号, an 附件
    label, a numbered section, a bracketed note or a byline: those stand above a title."""
    return not (DATE.fullmatch(text) or date_line(text) or DOC_NUMBER.fullmatch(text)
                or _label_re().fullmatch(text) or SECTION_NUMBER.match(text) or NOT_TITLE_START.search(text))


#: a news headline's subject and verb before the plan it reports (我市出台…, 宁安市正式印发…)
REPORTING_HEADLINE = re.compile(r"^(?!关于)[^《》，。、\s]{0,12}?(?:正式|近日|日前|重磅)?"
                                r"(?:出台|印发|发布|推出|出炉|审议通过)(?:实施)?了?(?=[^《》]{6})")
#: a 文号 printed after the title on its line
TITLE_NUMBER = re.compile(r"\s+[（(]?(" + DOC_NUMBER.pattern + r")[)）]?\s*$")


def _heading(lay: Layout, lines: list[Line], n: int, text: str) -> Span | None:
    """The body's heading line at ``lines[n]``: one line, or two or three when the title is broken
    over them, with the period line under it ((2025—2027年)) when the title itself has none."""
    doc = lay.doc
    line = lines[n]
    spaced = despace(text) != text
    text = despace(text)  # the span still covers the printed line: offsets are those of its ends

    def after(k: int) -> Line | None:
        return lines[k + 1] if k + 1 < len(lines) and lines[k + 1].index == lines[k].index + 1 else None

    nxt = after(n)
    third = after(n + 1) if nxt is not None else None
    label = _label_re().match(text)
    plain = text[label.end():] if label and label.end() < len(text) else text
    numbered = TITLE_NUMBER.search(plain)
    if numbered and _is_title(plain[: numbered.start()].strip()):
        plain = plain[: numbered.start()]  # 七台河市人民政府关于…的实施意见 七政发〔2021〕5号
    plain = _page_title_form(plain.strip("《》 "))
    span = None
    reported = REPORTING_HEADLINE.match(plain)
    if reported and _is_title(plain[reported.end():]):
        return None  # 我市出台数据产业发展行动方案: a news headline reporting the plan, not its title
    if _is_title(plain) and not text.endswith("通知"):
        if spaced:  # spaced out: the whole printed line
            span = doc.span(line.start, line.end)
        else:
            offset = text.find(plain)
            if offset < 0:
                offset = text.index(plain[:1], label.end() if label else 0)
            span = doc.span(line.start + offset, line.start + offset + len(plain))
    elif nxt is not None and _broken_title(text, nxt.text):
        span, nxt = doc.span(line.start, nxt.end), third
    elif (third is not None and len(nxt.text) <= 40 and not re.search(r"[。，,：:；;]", nxt.text)
          and _opens_title(text) and _opens_title(nxt.text) and not _is_title(nxt.text)
          and _broken_title(text + nxt.text, third.text)):
        span, nxt = doc.span(line.start, third.end), after(n + 2)  # 苏州市加快推动… / 高水平建设… / 行动方案
    if span is None:
        return None
    span = _trim(span)
    if nxt is not None and not PERIOD.search(span.text) and PERIOD.fullmatch(nxt.text.strip()):
        span = doc.span(span.start, nxt.end)  # 山东省…行动计划 / (2025—2027年)
    return span


#: a title printed twice in a row on a page's title line, with a blank between (X X)
TWICE = re.compile(r"(.{6,90}?)\s+\1")


def _page_title_form(text: str) -> str:
    """A title as a web page's own title line prints it, without what the page adds: the cell bars of a
    table, the title printed twice in a row (X X |), the page's section after an underscore (X_建设)."""
    text = FILE_SUFFIX.sub("", text.strip(" |｜"))
    twice = TWICE.fullmatch(text) if len(text.split(None, 1)) == 2 else None  # a blank inside, or no match
    if twice:
        text = twice.group(1)
    head = text.split("_")[0].strip()
    return head if head != text and _is_title(head) else text


def _broken_title(text: str, following: str) -> bool:
    """Is ``text`` the first half of a title that ``following`` ends (广东省人工智能 / 产业发展行动计划,
    呼和浩特市人民政府 / 关于…的若干意见)? Not when ``following`` is a whole title of a place on
    its own (a signer's name above 四川省…实施方案 is no part of it)."""
    return (len(text) <= 60 and "。" not in text and not re.search(r"[：:，,]$", text) and _opens_title(text)
            and _is_title(text + following) and not following.endswith("通知")
            and not _header_label_re().search(following) and len(following) <= 40
            and not (_is_title(following) and _starts_with_place(following)))


#: a short name given to a 《title》 and the verb that issues it: （以下简称《行动计划》）印发
SHORT_THEN_ISSUED = re.compile(r"\s*[（(](?:以下)?(?:简称|下称)《[^《》]{2,12}》[)）]\s*(?:已|正式)?(?:印发|发布|出台)")
#: what a report calls the plan after naming it once: （以下简称《行动方案》）, (下称《若干措施》)
SHORT_NAME = re.compile(r"\s*[（(]\s*(?:以下)?简称|\s*[（(]\s*(?:以下)?下?称")


#: a 《title》 on a line
QUOTED_TITLE = re.compile(r"《([^《》]{4,90})》")
def _about_itself(also: str = "") -> str:
    """A pattern for 关于 opening what a notice is about when the notice is itself the text, not one that
    issues or forwards another document (关于印发…, 关于转发…, 关于《…》); ``also``: more words that rule
    it out."""
    return r"关于(?!印发|转发|《" + (f"|{also}" if also else "") + ")"


#: a notice's own title without 《》: X关于Y的通知 (nor one that hands down, publishes or sets going
#: another matter: 关于下达/公布/开展/做好…)
OWN_NOTICE = re.compile(r"(.{2,40}?" + _about_itself("下达|公布|开展|做好") + r"[^《》，。；：:]{4,80}?)的通知")
#: a notice title cut to Y的通知
NOTICE_CUT = re.compile(r"([^《》，。；：:关]{6,90}?)的通知")


def find_title(lay: Layout) -> tuple[list[TitleCandidate], list[Span]]:
    """Title candidates (scored) and the 《…》 spans that are citations."""
    candidates: list[TitleCandidate] = []
    cited: list[Span] = []
    lines = lay.content()
    doc = lay.doc
    issue = alternation(words()["plan"]["issue_verbs"])
    cite = alternation(words()["plan"]["cite_markers"])
    header_label = _header_label_re()
    covered = -1
    for n, line in enumerate(lines):
        text = line.text
        if _header_line(lines, n, header_label, lay.header_end):
            # the metadata header (分 类: 宏观经济;意见) is not a heading, but its title field holds one
            title_field = _title_label_re().match(text)  # (blanked, so offsets stay those of the line)
            text = " " * title_field.end() + text[title_field.end():] if title_field and title_field.end() else ""
        heading = _heading(lay, lines, n, text) if text and line.end > covered else None
        graphic = _graphic_label_re().match(simplified_chars(heading.text)) if heading is not None else None
        if graphic and _is_title(heading.text[graphic.end():]):
            # 一图读懂宁安市…方案: a graphic's heading names the plan short, so a full title the page
            # quotes as issued outvotes it
            candidates.append(TitleCandidate(_trim(doc.span(heading.start + graphic.end(), heading.end)), 2, "heading"))
            covered = heading.end
        elif heading is not None:
            candidates.append(TitleCandidate(heading, 3, "heading"))
            covered = heading.end  # the lines a broken title spans start no other heading
        elif n == 0 and text:
            candidates += _headline_titles(doc, line, text)
            run_on = RUN_ON_TITLE.match(text) if ("(" in text or "（" in text) else None
            if run_on and _is_title(run_on.group(1)):
                # 宁安市…行动计划(2021-2023 年)根据《…》，…: a flattened page's title run into its preamble
                candidates.append(TitleCandidate(_trim(doc.span(line.start, line.start + run_on.end(1))), 3,
                                                 "heading"))
        reported = REPORTING_HEADLINE.match(text) if heading is None and n < 3 else None
        if reported and _is_title(text[reported.end():].strip()):
            # 宁安市出台人工智能产业发展若干措施: what the headline reports, the weakest vote (a quoted form wins)
            rest = text[reported.end():]
            start = line.start + reported.end() + len(rest) - len(rest.lstrip())
            candidates.append(TitleCandidate(_trim(doc.span(start, line.start + len(text.rstrip()))), 0, "headline"))
        # 《…》 in the text
        quotes = [(text[: m.start()], m.group(1), doc.span(line.start + m.start(1), line.start + m.end(1)),
                   text[m.end():]) for m in QUOTED_TITLE.finditer(text)] if "《" in text else []
        quotes += _quote_across_lines(doc, lines, n)
        for before, inner, span, rest in quotes:
            clause = re.split(r"[，。；,;：:]", before)[-1]
            after = rest[:24]
            issued = re.search(rf"({issue})(了|的)?\s*$", before) or re.search(r"关于\s*$", before)
            numbered = re.match(r"\s*[（(][^）)]*〔\s*\d{4}\s*〕", after)
            if not numbered and _goals_source(clause, rest) and _is_title(inner):
                # 根据《…行动计划》给出的产业发展目标，…力争到2024年底…: a report whose goals are that plan's
                candidates.append(TitleCandidate(_trim(span), 4, "goals"))
                continue
            if (numbered and not issued) or _cites(clause, cite):
                cited.append(span)  # 依据《…》（国发〔2017〕35号）; but 印发《…》（甬政办发〔2025〕31号）is the plan
                continue
            if TASK_ITEM.match(text) and DRAFTING.search(clause):
                continue  # 1.推动…。一是…制定印发《…三年行动计划》: a document a task is to draft
            if _launched_before(clause, after):
                cited.append(span)  # 去年政府推出的30亿元「…计划」: a programme already running, not the page's
                continue
            if _annual_statement(inner, before, after):
                # 发表2025年《施政报告》, 《财政预算案》今（25日）公布: the yearly statement under its bare genre
                candidates.append(TitleCandidate(_trim(span), 3, "quoted"))
                continue
            notice = re.fullmatch(r"(.{0,40}?)关于印发(.+)的通知", inner)
            if notice:
                inner = notice.group(2)
                span = doc.span(span.start + notice.start(2), span.start + notice.end(2))
            if not _is_title(inner):
                continue
            announced = re.match(r"\s*([（(]以下简称|[（(]下称|已经|业经|经|已|于|印发|现印发"
                                 r"|(?:近日|日前|今天|今日)\s*(?:正式)?\s*(?:印发|发布|出台)|正式\s*(?:印发|发布|出台)"
                                 r"|正式\s*(?:生效|施行))",  # 「…作业指引」正式生效: in force, so issued
                                 after)
            # 《…》（以下简称《行动计划》）印发: the report is about this plan, as when the verb comes first
            issued = issued or SHORT_THEN_ISSUED.match(rest)
            score = 3 + _short_name_uses(doc, rest) if issued else 3 if announced else 1
            if len(norm(inner)) >= 0.6 * len(norm(before + inner + rest)):
                score = max(score, 3)  # a headline that is the quoted title: 2020《…试行方案》全文一览(2)
            candidates.append(TitleCandidate(_trim(span), score, "quoted", span if numbered else None))
        # a notice title without 《》: X关于印发Y的通知 / X印发Y, or a notice title cut to Y的通知
        for match in NOTICE_WITHOUT_QUOTES.finditer(text) if "发" in text or "制" in text else ():
            inner = match.group(1).strip()
            if _inside_quote(text, match.start()):
                continue  # 落实《国务院关于印发…的通知》: read with its 《》 above (cited or not)
            if _is_title(inner):
                inner = _first_of_several(inner)
                start = line.start + match.start(1) + match.group(1).index(inner[:1])
                candidates.append(TitleCandidate(_trim(doc.span(start, start + len(inner))),
                                                 3 if "通知" in text else 2, "notice"))
        for match in ANNOUNCED_WITHOUT_QUOTES.finditer(text) if _may_announce(text) else ():
            if _is_title(match.group(1)) and not _inside_quote(text, match.start(1)):
                # 宁安市…若干政策日前出炉: a report whose sentence opens with the plan's title
                start = line.start + match.start(1)
                candidates.append(TitleCandidate(_trim(doc.span(start, start + len(match.group(1)))), 2, "notice"))
        notice_title = text.endswith("的通知")  # what the last two patterns end with
        own = OWN_NOTICE.fullmatch(text) if notice_title and "关于" in text else None
        if own and _is_title(own.group(1)) and _names_only(own.group(1).split("关于")[0]):
            # 安徽省人民政府关于支持人工智能产业创新发展若干政策的通知: the policy is the notice itself
            candidates.append(TitleCandidate(_trim(doc.span(line.start, line.start + own.end(1))), 2, "notice"))
        cut = NOTICE_CUT.fullmatch(text) if notice_title else None
        if cut and _is_title(cut.group(1)) and not re.search(r"印发|发布", cut.group(1)) \
                and _starts_with_place(cut.group(1)):
            candidates.append(TitleCandidate(_trim(doc.span(line.start, line.start + cut.end(1))), 2, "notice"))
    if any(c.source == "heading" for c in candidates):
        # a page with a heading of its own is that plan's: a 《…》 whose goals its preamble follows is cited
        cited += [c.span for c in candidates if c.source == "goals"]
        candidates = [c for c in candidates if c.source != "goals"]
    return candidates, cited


#: 根据《…》给出的…目标 / 按照《…》确定的目标: the document whose goals the sentence goes on to state
GOALS_OF = re.compile(r"^\s*(?:给出|提出|确定|明确|设定|制定)的[^，。；,;]{0,10}目标")


def _goals_source(clause: str, rest: str) -> bool:
    """Does a report quote the document whose goals it then states (根据《…》给出的产业发展目标，…)? On
    a page without a heading of its own (a news report) that is the plan the page is about, outvoting
    the other documents a meeting released beside it."""
    return bool(re.search(r"(?:根据|按照|依据)\s*$", clause) and GOALS_OF.match(rest)
                and re.search(r"(?:到|至)\s*(?:19|20)\d{2}\s*年", rest))


def _launched_before(clause: str, after: str) -> bool:
    """Is the quote a programme the report says was launched before (去年推出的…「…计划」, or 推出的…「…
    计划」，已资助20个项目: what it has done so far)?"""
    plan = words()["plan"]
    if any(re.search(pattern, clause) for pattern in plan["past_programme"]):
        return True
    return bool(re.match(r"\s*[，,]\s*(?:目前|至今|现)?已(?!经?[由于经])", after)) and any(
        re.search(pattern, clause) for pattern in plan["past_status"])


def _annual_statement(inner: str, before: str, after: str) -> bool:
    """Is 《inner》 a yearly statement called by its bare genre, said to be delivered or published now?"""
    if norm(inner) not in words()["plan"]["annual_statements"]:
        return False
    return bool(re.search(r"(?:发表|公布|宣读|发布)(?:了)?\s*(?:(?:19|20)\d{2}\s*(?:[-—/／]\s*\d{2,4})?\s*年度?)?\s*$",
                          before) or re.match(r"\s*(?:今|今日|今天|昨|昨日)?\s*(?:[（(]\s*\d{1,2}\s*日?\s*[)）])?"
                                              r"\s*(?:正式)?(?:公布|发表|出炉|发布)", after))


#: verbs of combining (结合实际, 结合专业机构), which cite a document only when it is their own object
COMBINING = ("结合", "衔接", "对接")
#: a verb of carrying out that takes the quote as its own object after a combining verb's object
CARRIED_OUT = re.compile(r"执行|实施|推动|推进|开展|制定|制订|编制|起草")


def _cites(clause: str, cite: str) -> bool:
    """Does the clause before a 《…》 make it a cited document (依据《…》, 落实国务院印发的《…》)? A
    combining verb with an object of its own and a verb of carrying out after it (已结合专业机构规划执行
    「…计画」) leaves the quote to that verb: the plan carried out, not one cited."""
    markers = list(re.finditer(cite, clause))
    if not markers:
        return False
    last = markers[-1]
    return not (last.group(0) in COMBINING and CARRIED_OUT.search(clause[last.end():]))


#: a news headline's phrases, set apart by blanks: 某部五年期发展计画 编列经费 明年启动
HEADLINE_PHRASE = re.compile(r"[^\s]{4,40}")


def _headline_titles(doc, line: Line, text: str) -> list[TitleCandidate]:
    """The plan a news headline names in one of its blank-separated phrases, without the body the
    phrase opens with (数发部5年期政府AI发展战略计画 -> 5年期政府AI发展战略计画): a headline runs its
    phrases together without a verb or 《》, so a phrase that is a whole title names the plan."""
    phrases = list(HEADLINE_PHRASE.finditer(text))
    if len(phrases) < 2 or len(text) > 80 or re.search(r"[。；;《》]", text):
        return []
    found = []
    for phrase in phrases:
        name = phrase.group(0)
        if not _is_title(name) or re.search(r"[，,：:]", name):
            continue
        cut = next((k for k in range(2, min(8, len(name) - 4)) if _is_body(name[:k]) and _is_title(name[k:])), 0)
        start = line.start + phrase.start() + cut
        found.append(TitleCandidate(doc.span(start, line.start + phrase.end()), 2, "headline"))
    return found


#: a title closed by its period and run into the preamble's first words on a flattened page's first
#: line (…行动计划(2021-2023 年)根据《…》，…; …实施方案（2022—2024年）为加快…)
RUN_ON_TITLE = re.compile(r"^([^《》“”，。；,;：:]{4,80}?[（(]\s*(?:19|20)\d{2}[^（）()]{0,16}[)）])\s*"
                          r"(?=根据|依据|按照|为了?|近年来|当前|随着)")


#: a numbered task item's line (1.推动…, （二）加快…)
TASK_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）])")
#: a task's verb for a document still to be written: 制定印发《…》, 研究制定《…》, 编制《…》
DRAFTING = re.compile(r"(?:制定|制订|研究|编制|起草|谋划)(?:出台|印发|发布)?(?:了)?\s*$"
                      r"|(?:制定|制订|编制|起草)[^，,；;。]*$")


#: a title named without 《》 after the verb that issues it, up to the notice's end, a clause end or the
#: short name it is given: 关于印发Y的通知, 印发关于…的指导意见（以下简称《意见》）,
#: 制订了…工作要点（以下简称“工作要点”）, a report delivered: 发表2025年施政报告
NOTICE_WITHOUT_QUOTES = re.compile(r"(?:关于印发|印发了?|发[布表]了?|制[定订]了)(?:实施)?([^《》，。；]{6,90}?)"
                                   r"(?:的通知|[。；，]|$|(?=[（(](?:以下)?(?:简称|下称)))")


#: a title without 《》 that opens a report's sentence whose verb says it appeared (…若干政策日前出炉)
#: (also a headline's: …行动计划正式发布, 宁安：…行动计划出炉, …行动计划来了！, after a tag such as 官宣！)
ANNOUNCED_WITHOUT_QUOTES = re.compile(r"(?:^|(?<=[。！？\s：:｜|!]))([^，。；：:《》“”\s｜|！!]{6,60}?)"
                                      r"(?:日前|近日|近期|已经|已|正式)*(?:出炉|出台|发布|印发|公布|来了)(?:了|啦)?"
                                      r"(?:[。，,！!]|$)")


def _may_announce(text: str) -> bool:
    """Can ``text`` hold ANNOUNCED_WITHOUT_QUOTES: one of the characters each of its verbs holds
    (出炉 出台, 发布 印发, 公布, 来了)? A cheap test before the pattern, which is tried at every clause."""
    return "出" in text or "发" in text or "布" in text or "来" in text


def _first_of_several(inner: str) -> str:
    """A notice that issues several documents at once (印发…总体行动计划和十大专项行动计划的通知) is
    about the first, the main one: its title is the part before 和/及 when each part is a title."""
    for joint in re.finditer(r"[和及、]", inner):
        first, rest = inner[: joint.start()], inner[joint.end():]
        if _is_title(first) and kind_of(rest) and not re.search(r"[和及、]", rest):
            return first
    return inner


def _quote_across_lines(doc, lines: list[Line], n: int) -> list[tuple[str, str, Span, str]]:
    """A 《…》 opened at the end of ``lines[n]`` and closed on the next line, as a page that breaks its
    lines short prints it (成都出台《成都市围绕超算智算 / 加快算力产业发展的政策措施》): (text before, the
    title on one line, its span over both lines, text after)."""
    text = lines[n].text
    opened = text.rfind("《")
    if opened < 0 or "》" in text[opened:] or n + 1 >= len(lines):
        return []
    following = lines[n + 1]
    closed = following.text.find("》")
    if closed < 0 or "《" in following.text[:closed]:
        return []
    inner = text[opened + 1:] + following.text[:closed]
    if not 4 <= len(inner) <= 90:
        return []
    span = doc.span(lines[n].start + opened + 1, following.start + closed)
    return [(text[:opened], inner, span, following.text[closed + 1:])]


def _inside_quote(text: str, at: int) -> bool:
    """Is ``text[at]`` inside a 《…》 (an opening bracket before it not yet closed)?"""
    before = text[:at]
    return before.count("《") > before.count("》")


def _header_line(lines: list[Line], n: int, label: re.Pattern[str], header_end: int) -> bool:
    """Is ``lines[n]`` part of a metadata header: a short line with a label (分 类: 宏观经济;意见), a
    line that opens with one, or the value under a label printed alone? A title line above the
    header, or a long news paragraph that credits a photo (图片来源：…), is not."""
    text = lines[n].text
    found = label.search(text)
    if found and (len(text) <= 80 or found.start() <= 2):
        return True
    if lines[n].index < header_end and FIELD_LINE.match(text):
        # a field under a label the lexicon lacks (• 所属单位:…) in a run below a field of the header
        above = n - 1
        while above >= 0 and not label.search(lines[above].text) and FIELD_LINE.match(lines[above].text):
            above -= 1
        if above >= 0 and label.search(lines[above].text):
            return True
    previous = lines[n - 1].text.strip(" |") if n > 0 else ""
    # the value under a label printed alone (发布机构：/ 宁安市人民政府); not a line after a row of fields
    # that ends in an empty one (发文字号: 济政办字〔2025〕28号 有 效 性:)
    return lines[n].index < header_end and bool(label.fullmatch(previous))


def _short_name_uses(doc, after: str) -> int:
    """Votes for a 《title》 that the text goes on to call by a short name (以下简称《行动方案》): a page
    about one plan keeps naming it, while a plan it only mentions is named once (at most 3 votes)."""
    if not SHORT_NAME.match(after):
        return 0
    short = re.match(r"[^《》]{0,8}《([^《》]{2,12})》", after)
    if not short:
        return 0
    uses = doc.text.count("《" + short.group(1) + "》") - 1
    return min(max(uses, 0), 3)


def _core(text: str) -> str:
    """The form titles are grouped in: no period, no status, no punctuation."""
    plain = _drop_status(PERIOD.sub("", _draft_re().sub("", text.strip()))).strip()
    return norm(_unify(PERIOD.sub("", plain)))


def choose_title(candidates: list[TitleCandidate]) -> Span | None:
    """The best-voted title. Candidates that differ only by their period or status are one title;
    of its forms, one that carries the period is preferred, then the 《…》 form notices print."""
    groups: dict[str, list[TitleCandidate]] = {}
    for c in candidates:
        groups.setdefault(_core(c.span.text), []).append(c)
    if not groups:
        return None
    votes = {key: sum(c.score for c in group) for key, group in groups.items()}
    for key in groups:
        for other in groups:
            if other != key and other.startswith("关于") and key.endswith(other) and _is_body(key[: -len(other)]):
                votes[key] += votes[other]  # 《关于…的实施意见》 is 福建省人民政府关于…的实施意见 without its issuer
    best_key = max(groups, key=lambda k: (votes[k], -min(c.span.start for c in groups[k])))
    order = {"quoted": 0, "notice": 1, "heading": 2}
    return min(groups[best_key],
               key=lambda c: (not PERIOD.search(c.span.text), order.get(c.source, 3), c.span.start)).span


def _unify(text: str) -> str:
    return re.sub(r"[~～－—–至到]", "-", text)


def _western(year: str) -> int:
    """A year of the title's period, an ROC year (115) counted on from 1911."""
    value = int(re.sub(r"\D", "", year))
    return value + ROC_EPOCH if value < 1000 else value


#: a span of years written inside a title: 成都市“互联网+”2015—2017年三年行动计划
YEARS_IN_TITLE = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-—–~～－至到]+\s*((?:19|20)\d{2})\s*年")
#: the one year a title is for: 武汉市2025年…行动方案, 数字威海建设2023年工作要点; not a horizon (面向2030年,
#: 到2035年, 2035年远景目标)
YEAR_IN_TITLE = re.compile(r"(?<![到至迈面向望—\-~～－\d])((?:19|20)\d{2})\s*年(?![度]?\s*[-—–~～－至到\d])(?!远景|前)")


def period_of(title: str) -> tuple[int, int] | None:
    """The years a plan runs over, from its title: the period in brackets at its end, else a span of
    years inside it, else the single year a yearly plan is named for.

    >>> period_of("仙桃市人工智能产业发展三年行动方案(2025—2027年)"), period_of("数字威海建设2023年工作要点")
    ((2025, 2027), (2023, 2023))
    >>> period_of("面向2030年的人工智能发展规划") is None
    True
    >>> period_of("宁安市数字孪生城市建设行动计划(2024)")
    (2024, 2024)
    """
    match = PERIOD.search(title) or YEARS_IN_TITLE.search(title)
    if match:
        first, last = (_western(match.group(n)) for n in (1, 2))
        return (first, last) if first <= last else None
    years = YEAR_IN_TITLE.findall(title) or EDITION_YEAR.findall(title.strip()) or BRACKET_YEAR.findall(title)
    if len(years) == 1 and not re.search(r"面向|展望|远景", title):
        return int(years[0]), int(years[0])
    return None


#: a five-year plan named in a title: “十四五”, 第十四个五年规划
FIVE_YEAR = re.compile(r"[“\"]([十二三四五六七八九]{1,3})五[”\"]"
                       r"|(?<![\u4e00-\u9fff])([十二三四五六七八九]{1,3})五(?=时期|期间|规划)"
                       r"|第([十二三四五六七八九]{1,3})个五年(?:规划|计划)")
#: the period a plan states in its text: 规划期为2022—2025年, 实施期限为2018年至2020年, 执行期为2021年—2025年
STATED_PERIOD = re.compile(r"(?:(?:规划|执行|实施|计划|方案)期(?:限)?(?:为|是|[:：])?"
                           # the five-year period the text works in, with its years: “十四五”时期(2021年-2025年)
                           r"|[“\"]十[一二三四五六七八九]五[”\"]\s*时期\s*[（(])\s*((?:19|20)\d{2})\s*年?\s*"
                           r"[-—–~～－至到]{0,2}\s*((?:19|20)\d{2})\s*年")


def five_year_period(title: str) -> tuple[int, int] | None:
    """The years of the five-year plan a title is named for: the n-th runs from 1966 + 5 (n - 3)
    (the 十四五 is 2021-2025), the order kept since the third.

    >>> five_year_period("宁安市数字经济发展“十四五”规划"), five_year_period("国民经济和社会发展第十五个五年规划纲要")
    ((2021, 2025), (2026, 2030))
    """
    match = FIVE_YEAR.search(title)
    if not match:
        return None
    n = chinese_number(next(g for g in match.groups() if g))
    if not n or n < 3:
        return None
    start = 1966 + 5 * (n - 3)
    return start, start + 4


#: a span of years in the Republic of China's count (民国115年至119年: 2026—2030), as Taiwan dates its plans
ROC_SPAN = re.compile(r"民国\s*(\d{2,3})\s*年?\s*[-—–~～－至到]\s*(?:民国)?\s*(\d{2,3})\s*年")
ROC_EPOCH = 1911


#: a period line whose bracket the page lost (2022-2024年), (2022-2024年: what is left is still the period
BARE_PERIOD_LINE = re.compile(r"^[（(]?\s*((?:19|20)\d{2})\s*年?\s*[-—–~～－至到]\s*((?:19|20)\d{2})\s*年\s*[)）]?$")


def _period_line_under(lay: Layout, meta: Metadata) -> tuple[int, int] | None:
    """The period of a heading whose period line, printed under it (past a blank), lost a bracket
    (…三年行动方案 / 2022-2024年)): the heading keeps its text, the plan its years."""
    if meta.title is None:
        return None
    after = [line for line in lay.lines if line.start >= meta.title.end][:2]
    for line in after:
        bare = BARE_PERIOD_LINE.match(line.text.strip())
        if bare and int(bare.group(1)) < int(bare.group(2)):
            return int(bare.group(1)), int(bare.group(2))
        if line.text.strip():
            break
    return None


def _stated_period(lay: Layout, meta: Metadata) -> tuple[int, int] | None:
    """The period the plan's own opening states (规划期为2022—2025年); a validity (有效期) is not one. A
    report's sentence that names the plan and the span of ROC years it runs (…《…计画》…预计民国115年至
    119年间逐年推展) states it too."""
    for line in lay.lines[meta.body_start: meta.body_start + 40]:
        match = STATED_PERIOD.search(line.text)
        if match:
            first, last = int(match.group(1)), int(match.group(2))
            if first < last:
                return first, last
        for sentence in re.split(r"[。！？]", line.text):
            roc = ROC_SPAN.search(sentence)
            if roc and meta.title_text and meta.title_text in sentence:
                first, last = int(roc.group(1)) + ROC_EPOCH, int(roc.group(2)) + ROC_EPOCH
                if first < last:
                    return first, last
    return None


#: a year's work plan that opens by naming its year (2021年，是“十四五”开局之年…; 2025年下半年，区数据局将…)
YEAR_OF_WORK = re.compile(r"^\s*((?:19|20)\d{2})\s*年(?:上半年|下半年|全年)?\s*[，,]?\s*"
                          r"(?:是|(?P<body>[^，,。；;\d]{2,10}?)将)")


def _statement_office(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """The office that delivers a yearly statement of the plan's genre (财政预算案: 财政司司长), when the page
    names it: a report on the budget quotes its Financial Secretary without saying he delivered it."""
    office = words()["plan"]["statement_offices"].get(meta.kind or "")
    if not office:
        return []
    line = next((line for line in lay.content() if office in line.text), None)
    return [(office, line.text)] if line is not None else []


def _working_body(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """The body a page without a title says will do its year's work (2025年下半年，区数据局将…): the
    author of its own work plan, when nothing else names an issuer."""
    if meta.title is not None:
        return []
    found = _work_sentence(lay)
    if found is None:
        return []
    match, text = found
    body = match.group("body")
    return [(body, text)] if body and _is_body(body) else []


def _work_sentence(lay: Layout) -> tuple[re.Match[str], str] | None:
    """The first of a page's opening lines that opens with the year of its work (YEAR_OF_WORK), its match
    and its text."""
    for line in lay.content()[:4]:
        match = YEAR_OF_WORK.match(line.text)
        if match:
            return match, line.text
    return None


def _year_of_work(lay: Layout) -> tuple[int, int] | None:
    """The year a page without a title is a work plan for, named by the sentence it opens with: the year
    is (是…之年) or a body will (将…) do the work, not what a year saw (2024年，全市…达到…)."""
    found = _work_sentence(lay)
    return (int(found[0].group(1)), int(found[0].group(1))) if found else None


#: a plan's term in its title (5年期…计画, 三年期…计划) and the year the text says it starts
TERM = re.compile(r"(\d|[一二三四五六七八九十])\s*年期")
STARTS = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:正式)?(?:启动|起实施|开始实施|起执行|开始执行)")


def _term_period(lay: Layout, title: str) -> tuple[int, int] | None:
    """The years of a plan whose title gives its term (5年期…计画) and whose text its first year
    (规划2026年启动): 2026—2030."""
    term = TERM.search(title)
    years = term and chinese_number(term.group(1))
    starts = {int(m.group(1)) for line in lay.content() for m in STARTS.finditer(line.text)}
    if not years or len(starts) != 1:
        return None
    first = starts.pop()
    return first, first + years - 1


# -- the rest of the metadata --------------------------------------------------------

def read_metadata(lay: Layout) -> Metadata:
    meta = Metadata()
    candidates, meta.cited = find_title(lay)
    title = choose_title(candidates)
    # 省政府印发《…》（豫政办〔2024〕64号）on a page about another plan: a cited document
    meta.cited += [c.numbered for c in candidates if c.numbered is not None
                   and (title is None or _core(c.span.text) != _core(title.text))]
    if title is not None and _quoted_once_beside_own_genre(lay, candidates, title):
        meta.cited.append(title)  # 本规划依据… on a page that quotes 《…规划纲要》 once: that one is cited
        title = None
    if title is None:
        title = _named_by_short_kind(lay, meta.cited)
        meta.cited = [c for c in meta.cited if title is None or _core(c.text) != _core(title.text)]
    if title:
        meta.title = title
        meta.title_text = _one_line(title.text)
        meta.title_surface = _one_line(title.surface)
        meta.kind = kind_of(meta.title_text)
        meta.period = period_of(meta.title_text)
    meta.body_start, meta.notice_end = _body_start(lay, meta, candidates)
    if meta.title and meta.period is None:
        meta.period = (_period_line_under(lay, meta) or _stated_period(lay, meta) or five_year_period(meta.title_text)
                       or _term_period(lay, meta.title_text or ""))
    if meta.title is None:
        # a page that prints no title: the year of work it opens with, else the term it states
        meta.period = _year_of_work(lay) or _stated_period(lay, meta)
    header = lay.header
    meta.index_number = header.get("index_number")
    meta.category = header.get("category")
    meta.doc_number = _doc_number(lay, meta)
    # a 解读's or an interview's own signature dates the reading, not the plan it reads
    meta.reading, meta.adoption, meta.source_note = _reading_heading(lay), _adoption_note(lay), _source_note(lay)
    signed = None if meta.reading else _signature_date(lay, meta)
    meta.date_issued = _issued(_date(header.get("date_issued")), signed) or _title_date(lay, meta)
    meta.date_issued = meta.date_issued or (meta.adoption[0] if meta.adoption else None) or None
    meta.date_published = _date(header.get("date_published")) or _page_date(lay)
    reported = _reported_dates(lay, meta)
    meta.date_issued = meta.date_issued or reported.get("issued")
    meta.date_published = meta.date_published or reported.get("published")
    note = meta.source_note
    meta.date_published = meta.date_published or (_date(note.group(2)) if note else None)
    meta.kind = meta.kind or _self_named_kind(lay)
    meta.page_date = next((date for date, direction in _date_anchors(lay, meta) if direction < 0), None)
    meta.measure_count, meta.measure_count_evidence = _declared_count(lay, meta)
    meta.issuers = _issuers(lay, meta)
    return meta


@cache
def _reading() -> re.Pattern[str]:
    """The heading of a page that reads a plan (…政策解读, …负责人就《…》答记者问), or sums it up in a
    graphic (一图读懂…, 图解…: ``lexicon.toml``'s graphic_labels)."""
    return re.compile(r"解读|答记者问|" + alternation(words()["plan"]["graphic_labels"]))


def _reading_heading(lay: Layout) -> bool:
    """Is the page's heading (its first lines) that of a 解读 or an interview about a plan, not a link to
    one printed under a notice's byline (【解读】…)?"""
    return any(_reading().search(line.text) and not LINKED_READING.match(line.text) and len(line.text) <= 80
               and not BREADCRUMB.search(line.text) for line in lay.content()[:3])


#: the separator of a breadcrumb's steps (首页 > 信息公开 >, 首页»文件库, 首页→政策文件)
_STEP = r"[>＞›»→]"
#: a portal's breadcrumb, or its run-on line (> 政府信息公开 > 政策文件及解读 > 其他文件): the sections
#: the page is filed under, whose names (…及解读) say nothing of the page itself
BREADCRUMB = re.compile(rf"^\s*{_STEP}|\S\s*{_STEP}\s*\S.*{_STEP}")
#: a line with a breadcrumb's separator, or its label (当前位置：), anywhere in it
BREADCRUMB_MARK = re.compile(rf"{_STEP}|当前位置")


def _named_by_short_kind(lay: Layout, cited: list[Span]) -> Span | None:
    """A page that names no plan of its own but keeps calling one by its bare genre (为落实《…三年行动计划
    (2018-2020年)》，…对《行动计划》宣贯解读…《行动计划》的发布…) is about the one 《…》 of that genre it
    names in full, though it first names it as a document to carry out."""
    kind = _repeated_short_kind(lay)
    if kind is None:
        return None
    same = {}
    for span in cited:
        if kind_of(span.text) == kind and _is_title(span.text):  # not the short name itself
            same.setdefault(_core(span.text), span)
    return next(iter(same.values())) if len(same) == 1 else None


@cache
def _short_kind_re() -> re.Pattern[str]:
    """A bare genre word in 《》 (《措施》), compiled once."""
    return re.compile(rf"《({alternation(_kinds())})》")


@cache
def _own_genre_re() -> re.Pattern[str]:
    """本 and a genre word at the head of a clause (本规划依据…), compiled once."""
    return re.compile(rf"(?:^|(?<=[。，,；;：:\s“（(]))本({alternation(_kinds())})"
                      r"(?=依据|根据|按照|制定|提出|所称|实施|自|由|的|是|将|期|[。，,：:；\s]|$)")


@cache
def _self_named_re() -> re.Pattern[str]:
    """A preamble's verb before the genre it gives the page (特制定本实施意见), compiled once."""
    return re.compile(rf"(?:制定|制订|提出|形成|出台)了?(?:本|以下|如下)({alternation(_kinds())})(?=[。，,：:；\s]|$)")


def _repeated_short_kind(lay: Layout) -> str | None:
    """The bare genre word a page keeps calling its plan by (《措施》提出…, 该《措施》…), if one."""
    short = _short_kind_re()
    uses: dict[str, int] = {}
    for line in lay.content()[:40]:
        for found in short.finditer(line.text):
            uses[found.group(1)] = uses.get(found.group(1), 0) + 1
    repeated = [kind for kind, n in uses.items() if n >= 2]
    return words()["plan"]["kind_core"].get(repeated[0], repeated[0]) if len(repeated) == 1 else None


def _quoted_once_beside_own_genre(lay: Layout, candidates: list[TitleCandidate], title: Span) -> bool:
    """Is the chosen title only a document the page quotes once, without issuing it (score 1), while the
    page speaks of itself by another genre (本规划 beside 《…规划纲要》提出…)?"""
    group = [c for c in candidates if _core(c.span.text) == _core(title.text)]
    if sum(c.score for c in group) > 1 or any(c.source != "quoted" for c in group):
        return False
    own = _own_genre(lay)
    return own is not None and own != kind_of(_one_line(title.text))


def _own_genre(lay: Layout) -> str | None:
    """The genre the page calls itself by at the head of a clause (本规划依据…, 本方案所称…)."""
    own = _own_genre_re()
    for line in lay.content()[:40]:
        said = own.search(line.text) if "本" in line.text else None
        if said:
            return words()["plan"]["kind_core"].get(said.group(1), said.group(1))
    return None


def _self_named_kind(lay: Layout) -> str | None:
    """The genre a page without a title gives itself: its preamble's 特制定本实施意见 / 提出以下意见, the
    bare genre word a report keeps calling it by (《措施》提出…, 该《措施》自印发之日起实施), or the genre its
    headline says was issued (…出台实施方案明确…)."""
    named = _self_named_re()
    for line in lay.content()[:40]:
        said = named.search(line.text)
        if said:
            return words()["plan"]["kind_core"].get(said.group(1), said.group(1))
    own = _own_genre(lay)  # 本规划制定…, 本方案所称…: the page speaking of itself by its genre
    if own:
        return own
    repeated = _repeated_short_kind(lay)
    if repeated:
        return repeated
    # a report's headline that says what its place issued, by the genre alone (宁安出台实施方案明确四大任务),
    # as a newspaper's page continued from another prints it over text that never names the plan
    for line in lay.content()[:3]:
        said = _headline_issued().search(line.text)
        if said and len(line.text) <= 60:
            return words()["plan"]["kind_core"].get(said.group(1), said.group(1))
    return None


def _one_line(text: str) -> str:
    """A title printed over several lines, on one: the breaks go (Chinese has no blanks between
    words), blanks inside a line stay as one (廣州開發區 黃埔區…) unless the line is spaced out."""
    return despace(re.sub(r"\s+", " ", re.sub(r"\s*\n\s*", "", text)).strip())


#: a line spaced out character by character, as 红头 and PDF titles print it: 宁 安 市 人 民 政 府
SPACED_OUT = re.compile(r"(?:[\u4e00-\u9fff（）()] ){4,}[\u4e00-\u9fff（）()]")
SPACED_GAP = re.compile(r"(?<=[\u4e00-\u9fff（）()\d—\-]) (?=[\u4e00-\u9fff（）()\d—\-])")


def despace(text: str) -> str:
    """A spaced-out line without its spaces; any other line as it is.

    >>> despace("宁 安 市 人 工 智 能 行 动 方 案"), despace("廣州開發區 黃埔區若干措施")
    ('宁安市人工智能行动方案', '廣州開發區 黃埔區若干措施')
    """
    return SPACED_GAP.sub("", text) if " " in text and SPACED_OUT.search(text) else text


def _body_start(lay: Layout, meta: Metadata, candidates: list[TitleCandidate]) -> tuple[int, int]:
    """The plan's own text starts after its heading line (the last heading-like title line)."""
    if not meta.title:
        return _after_signature(lay), _after_signature(lay)
    key = _core(meta.title_text or "")
    headings = [c for c in candidates if c.source == "heading" and _core(c.span.text) == key]
    if not headings:
        # a heading that lost its words (only its period is printed) or differs slightly
        headings = [c for c in candidates if c.source == "heading" and _similar(_core(c.span.text), key)]
    if headings:
        span = headings[-1].span
        line = _line_at(lay, span.end - 1)
        start = line.index + 1
        while start < len(lay.lines) and _under_title(lay.lines[start].text.strip()):
            start += 1
        return start, _line_at(lay, span.start).index
    after = _after_signature(lay)
    return after, after


#: a date in brackets on its own line under a title: the date of that text (a draft's version date)
TITLE_DATE = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)）]")


def _under_title(text: str) -> bool:
    """Lines printed under a heading that belong to it, not to the body: its period, its draft
    status, its date in brackets."""
    return bool(PERIOD.fullmatch(text) or _draft_re().fullmatch(text) or TITLE_DATE.fullmatch(text))


def _title_date(lay: Layout, meta: Metadata) -> str | None:
    """（2015年9月15日） on its own line between the heading and the body."""
    for line in lay.lines[meta.notice_end + 1: meta.body_start]:
        match = TITLE_DATE.fullmatch(line.text.strip())
        if match:
            return _date(match.group(0).strip("（()）"))
    return None


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return short in long_ and len(long_) - len(short) <= 6


def _line_at(lay: Layout, offset: int) -> Line:
    for line in lay.lines:
        if line.start <= offset < line.end + 1:
            return line
    return lay.lines[-1]


def _after_signature(lay: Layout) -> int:
    """Without a heading: the text after the notice's signature date, if the notice has one."""
    for line in lay.lines[:40]:
        if date_line(line.text) or signed_line(line.text):
            nxt = line.index + 1
            while nxt < len(lay.lines) and re.fullmatch(r"[（(]此件.{0,8}[)）]", lay.lines[nxt].text):
                nxt += 1
            return nxt
    return 0


#: （甬政办发〔2025〕31号，以下简称…） right after a title's closing 》
NUMBER_BESIDE = re.compile(r"\s*(?:的通知)?\s*[（(]\s*(" + DOC_NUMBER.pattern + ")")


#: a 红头 document's number line with its signer: 宁政发〔2025〕3号    签发人：张三
SIGNER_BESIDE = re.compile(r"(" + DOC_NUMBER.pattern + r")\s+签\s*发\s*人\s*[:：]?.{0,12}")


@cache
def _headline_issued() -> re.Pattern[str]:
    """A headline's verb of issuing before a bare genre word (出台实施方案), compiled once."""
    return re.compile(rf"(?:出台|印发|发布|推出)了?({alternation(_kinds())})(?!的)")


#: a notice's 文号 run together with its title and addressees, as a page that lost the document's line
#: breaks prints it: …的通知宁政办发〔2025〕3号各县（市、区）人民政府，…：
RUN_ON_NUMBER = re.compile(r"的通知\s*(" + DOC_NUMBER.pattern + r")(?=\s*[\u4e00-\u9fff])")
#: a 文号 printed with round or plain square brackets for its year (宁政办发(2022) 27号, 沪府发[2018]27号, as
#: law databases and portals without the 〔〕 character type it): a typing of 宁政办发〔2022〕27号 (a page's
#: 【2025】 is a bracket portals print on purpose, kept as printed)
TYPED_YEAR = re.compile(r"^([\u4e00-\u9fff]{1,14}?)\s*[(（\[［]\s*((?:19|20)\d{2})\s*[)）\]］]\s*(\d{1,4})\s*([号號])$")


def _standard(number: str) -> str:
    """A 文号 in its standard form when the page typed its year in round or square brackets; else as
    printed."""
    typed = TYPED_YEAR.match(number.strip())
    return f"{typed.group(1)}〔{typed.group(2)}〕{typed.group(3)}{typed.group(4)}" if typed else number


def _doc_number(lay: Layout, meta: Metadata) -> str | None:
    doc = lay.doc
    value = lay.header.get("doc_number")
    if value:
        match = DOC_NUMBER.search(value)
        if match:
            # 津政办发[2017]112号 in the header, 津政办发〔2017〕112号 in the notice: the standard form
            standard = f"{match.group(1)}〔{match.group(2)}〕{match.group(3)}号"
            if standard != match.group(0) and standard in doc.text:
                return doc.surface(standard, doc.text.find(standard))
            start = doc.text.find(match.group(0))
            printed = doc.surface(match.group(0), start if start >= 0 else None)
            return _standard(printed)
        return value.strip()
    if meta.title is not None:
        # 印发《…》（甬政办发〔2025〕31号，以下简称《实施方案》）: the number printed right after the title
        at = doc.text.find(meta.title.text + "》")
        while at >= 0:
            end = at + len(meta.title.text) + 1
            beside = NUMBER_BESIDE.match(doc.text, end)
            if beside:
                return doc.quote(beside.start(1), beside.end(1))
            at = doc.text.find(meta.title.text + "》", end)
    for line in lay.lines[: max(meta.body_start, 1) + 2]:
        text = line.text.strip()
        # …的通知赣府发〔2025〕16号, …的通知（渝府办发〔2025〕60号）。, a line (苏政发〔2025〕108号)
        inline = (re.search(r"通知\s*[（(]?\s*(" + DOC_NUMBER.pattern + r")\s*[)）]?\s*[。.]?$", text)
                  or re.fullmatch(r"[（(]\s*(" + DOC_NUMBER.pattern + r")\s*[)）]", text)
                  or SIGNER_BESIDE.fullmatch(text) or RUN_ON_NUMBER.search(text))
        beside_title = TITLE_NUMBER.search(text)
        if not inline and beside_title and _is_title(text[: beside_title.start()].strip()):
            inline = beside_title
        if inline:
            start = line.start + inline.start(1)
            return _standard(lay.doc.quote(start, start + len(inline.group(1))))
        match = DOC_NUMBER.fullmatch(text)
        if match:
            return line_surface(lay, line).strip()
        broken = BROKEN_DOC_NUMBER.match(text)
        if broken:
            return f"{broken.group(1)}〔{broken.group(2)}〕{broken.group(3)}号"
    return _number_under_notice(lay)


def _number_under_notice(lay: Layout) -> str | None:
    """The 文号 printed alone on the line under a notice's title further down the page (a repost's
    lead, then 关于印发《…》的通知 / 川某发〔2023〕12号): the notice's own number."""
    lines = lay.content()[:40]
    for line, below in itertools.pairwise(lines):
        if line.text.endswith("的通知") and "印发" in line.text and DOC_NUMBER.fullmatch(below.text.strip()):
            return line_surface(lay, below).strip()
    return None


def line_surface(lay: Layout, line: Line) -> str:
    return lay.doc.quote(line.start, line.end)


def _date(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    compact = COMPACT_DATE.match(value)
    if compact:
        year, month, day = compact.groups()
    else:
        match = DATE.search(value)
        if not match:
            return None
        year, month, day = match.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def _issued(header: str | None, signed: str | None) -> str | None:
    """The header's 成文日期, unless the notice on the page was signed earlier: a document is written by
    the day it is signed, so a later header date is when the portal filed the page (成文日期 2023-07-08
    over a notice signed 2021年10月8日)."""
    if header and signed and signed < header:
        return signed
    return header or signed


def _signature_date(lay: Layout, meta: Metadata) -> str | None:
    """The date under the notice's signature: a line that is only a date (or a signer and its
    date), before the plan's text."""
    limit = meta.body_start if meta.body_start else min(len(lay.lines), 40)
    for n, line in enumerate(lay.lines[:limit]):
        signed = signed_line(line.text)
        date = date_line(line.text) or (signed[1] if signed else None)
        if date:
            return date
        residue = SEAL_RESIDUE.match(line.text)
        if residue and n > 0 and _is_body(lay.lines[n - 1].text.strip()):
            # 淄博市人民政府办公室 / 淄 2021年9月27日: a character of the seal stamped over the signature,
            # copied onto the date line under the signer
            date = date_line(line.text[residue.end():])
            if date:
                return date
    for line in lay.lines[: max(limit, 1) + 2]:
        # …现印发给你们，请认真组织实施。宁安市人民政府办公厅2022年5月27日宁安市…规划: a notice whose
        # lines were run together, its signer and date right after its closing sentence
        for run_on in RUN_ON_SIGNATURE.finditer(line.text):
            if "印发" in line.text[: run_on.start()] and _is_body(run_on.group("names")):
                return _date(run_on.group("date"))
    return None


#: one character of a seal's text left before the signature date (淄 2021年9月27日)
SEAL_RESIDUE = re.compile(r"^[\u4e00-\u9fff]\s+(?=(?:19|20)\d{2}\s*年)")
#: a signer and its date run into the text after the notice's last sentence
RUN_ON_SIGNATURE = re.compile(r"[。！]\s*(?P<names>[^\d。，,：:；;、《》“”]{3,40}?)\s*"
                              r"(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")


#: the date label of a page's byline (发布时间：, 日期: ); then the byline's date, and the source it names
DATE_LABEL = r"(?:发布)?(?:时间|日期)\s*[:：]\s*"
BYLINE_DATE = re.compile(r"(?:^|\s)" + DATE_LABEL + r"(\S+)")
#: a byline that opens with its timestamp and no label (2020-12-11 17:45 来源: 本网): the date its first group
OPENING_STAMP = re.compile(r"^\s*(" + DATE.pattern + r")\s+\d{1,2}:\d{2}")
BYLINE_SOURCE = re.compile(r"(?<![\u4e00-\u9fff])(?:(?:信息)?来源|来自)\s*[:：]\s*([^\s:：【\[|]+)")


def _page_date(lay: Layout) -> str | None:
    """A government page's own date: its byline (时间/发布时间/日期: … 来源: …) when the source it
    names is a body or one of its divisions (本网, 规划处, 市政府办公室). A repost's or a newspaper's
    byline (来源: 电子政务网, 来源: 安徽商报, 作者…, a reader count and no source) dates the copy."""
    head = lay.lines[:30]
    for n, line in enumerate(head):
        if _reading().search(line.text) and not line.chrome and not LINKED_READING.match(line.text):
            return None  # a 解读's or an interview's date (its heading is above its byline) is its own
        match = BYLINE_DATE.search(line.text)
        if match is None and "来源" in line.text:
            match = OPENING_STAMP.match(line.text)  # 2020-12-11 17:45 来源: 本网: a byline opening with its time
        if not match or len(line.text) > 100 or re.search(r"作者|记者|编辑", line.text):
            continue
        source = BYLINE_SOURCE.search(line.text) or _field_source(head, n)
        if source and re.fullmatch(r"[-—–－]+|无|暂无", source.group(1)):
            source = None  # 来源:-- 发布时间:…: the field a government CMS leaves empty on its own pages
        official = source and (_official_source(source.group(1)) or GOV_PORTAL.search(source.group(1)))
        if official or (not source and line.text.startswith(("日期", "来源"))):
            return _date(match.group(1))
    return None


#: one field of a byline printed as a list, a field a line (- 信息来源:市教育局 / - 发布日期:…)
BYLINE_FIELD = re.compile(r"^[-·•*]?\s*(?:信息)?来源\s*[:：]")


def _field_source(head: list[Line], n: int) -> re.Match[str] | None:
    """The source of a byline whose fields are printed one a line: the 来源 field on the line
    just above or below the date's own line (a list of the page's fields), not one further off,
    which may be a repost's credit."""
    for m in (n - 1, n + 1):
        if 0 <= m < len(head) and BYLINE_FIELD.match(head[m].text) and len(head[m].text) <= 40:
            return BYLINE_SOURCE.search(head[m].text)
    return None


#: a government's own portal as a byline's source (鄂州政府网, 临江市人民政府门户网站): its page is official
GOV_PORTAL = re.compile(r"政府(?:门户)?网站?$")
#: a link to the 解读 of the document, printed under the byline of the document's own page
LINKED_READING = re.compile(r"^[【\[][^】\]]{0,6}解读[】\]]")


@cache
def _press_re() -> re.Pattern[str]:
    return re.compile(alternation(words()["plan"]["press_words"]))


def _official_source(name: str) -> bool:
    """Is the 来源 of a byline the body itself (本网, 市政府办公室, 规划处、专项办), not a paper or a site?"""
    if re.match(r"本(网|站)", name):
        return True
    if _press_re().search(name):
        return False
    return bool(re.search(r"(处|室|办|局|厅|委|政府|管委会|委员会|中心)(\(.*\)|（.*）)?$", name))


#: a month and day without a year, as news dates an event: 12月11日, 已于1月13日
MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
#: what a report says was done to the plan, by the date it gives: issued (印发) or published (发布)
REPORTED_VERBS = {"issued": re.compile(r"(?:联合|正式)?(?:印发|出台|下发|制发|颁布|发表)"),
                  "published": re.compile(r"(?:正式)?(?:发布|公布)")}
#: the date a stored page opens with (' date 2025-09-17 …'): the page's own date
PAGE_DATE = re.compile(r"^\s*date\s+((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
#: a page's timestamp: a date with its time of day (2025-12-14 17:35:16, 2026/1/6 15:36:38)
TIMESTAMP = re.compile(YMD + r"\s*(?:日\s*|\s+)\d{1,2}:\d{2}")


def _reported_dates(lay: Layout, meta: Metadata) -> dict[str, str]:
    """Dates a report gives the plan: 12月11日，…印发《title》 (issued), 7月25日，《title》发布
    (published), 《title》已于1月13日…印发. The year comes from the page's own date or the notice's
    signature, and only when the day falls within two months before the page (after the signature)."""
    if not meta.title_text:
        return {}
    anchors = _date_anchors(lay, meta)
    limit = meta.notice_end if meta.notice_end else min(len(lay.lines), 20)
    found: dict[str, str] = {}
    for line in lay.lines[:limit]:
        if line.chrome:
            continue
        for sentence in re.split(r"[。！？]", line.text):
            for key, verb in REPORTED_VERBS.items():
                for hit in verb.finditer(sentence):
                    if key in found or not _verb_on_plan(sentence, hit, meta):
                        continue
                    full = list(DATE.finditer(sentence[: hit.start()]))
                    if full and not NOT_THE_EVENT.search(sentence[full[-1].start(): hit.start()]):
                        found[key] = _date(full[-1].group(0))  # 《title》于2025年9月16日正式发布
                        continue
                    today = TODAY.search(sentence[: hit.start()])
                    pages = [anchor for anchor, direction in anchors if direction < 0]
                    if today and pages:  # 今（17日）: the day of the month the page is dated
                        date = _dated(int(pages[0][5:7]), int(today.group(1)), anchors)
                        if date:
                            found[key] = date
                            continue
                    days = list(MONTH_DAY.finditer(sentence[: hit.start()]))
                    if days and not NOT_THE_EVENT.search(sentence[days[-1].start(): hit.start()]):
                        date = _dated(int(days[-1].group(1)), int(days[-1].group(2)), anchors)
                        if date:
                            found[key] = date
    return found


#: 今(18)日, 今（17 日）: the day of a news page's own date (Hong Kong and Taiwan reports)
TODAY = re.compile(r"今\s*[（(]\s*(\d{1,2})\s*日?\s*[)）]\s*日?")
#: between a month-day and the verb, words that make the day the reporter's, not the plan's:
#: 6月11日消息, 本报8月20日讯, 6月10日，记者…获悉，…近日印发
NOT_THE_EVENT = re.compile(r"消息|讯|电|获悉|了解到|记者|近日|日前|近期|此前|今年|前不久")


def _verb_on_plan(sentence: str, hit: re.Match[str], meta: Metadata) -> bool:
    """Is the verb said of the plan: 印发（了/的）《plan》, 发布关于公开征求《plan》意见的公告, 印发plan
    (the title without 《》), or 《plan》…印发 in one clause (not 发布会)?"""
    if sentence[hit.end(): hit.end() + 1] == "会":
        return False
    # 印发实施《…》: issued to take effect, the plan its object all the same
    # 发布关于印发《…》的通知: the notice that carries the plan, its object all the same
    # (also with the notice's issuer before 关于: 发布X办公室关于印发…的通知)
    after = re.sub(r"^(?:了|的)?\s*(?:实施|执行)?\s*(?:[^，,。；;《》“”]{0,30}?关于(?:(?:公开)?征求|印发|颁布))?\s*",
                   "", sentence[hit.end():])
    after = re.sub(r"^(?:推动|启动|实施)(?=[《「])", "", after)  # 宣布推动「…方案」: the plan its second verb's object
    after = COUNTED_OBJECT.sub("", after)  # 发布了一份重要的规划文件——《…》: the document, then its title
    after = re.sub(r"^(?:19|20)\d{2}\s*年度?\s*(?=《)", "", after)  # 发表2025年《施政报告》: its edition
    quoted = re.match(r"《([^《》]{2,90})》", after)
    if quoted and _is_plan_name(quoted.group(1), meta):
        return True
    key = _core(meta.title_text or "")
    if not quoted and len(key) >= 5 and norm(_unify(after)).startswith(key[:8]):
        return True  # the title without 《》 (a quoted one is judged by its whole name above)
    if meta.kind and "份" in after and re.match(ORDINAL_COPY + re.escape(meta.kind), after):
        return True  # 发表任内第二份施政报告: the plan called by its genre, counted among its kind
    clause = re.split(r"[，,；;：:]", sentence[: hit.start()])[-1]
    if (meta.kind and PASSIVE_DONE.search(clause) and re.match(r"\s*(?:实施|执行)?\s*(?:[，,。；;]|$)", after)
            and meta.kind in sentence[: hit.start()]):
        # 行动方案经市政府常务会议审议通过，已由市政府办公厅印发，…: the passive has no object; its
        # subject is the plan the sentence opened with, called by its genre word
        return True
    return any(_is_plan_name(q, meta) for q in re.findall(r"《([^《》]{2,90})》", clause))


#: the plan as a counted document before its title (一份重要的规划文件——《…》, 一份名为《…》): apposition
COUNTED_OBJECT = re.compile(r"^一[份项部个][^《》，,。；;]{0,14}?(?:文件|方案|规划|政策)?"
                            r"\s*(?:——|—|：|:|名为)?\s*(?=《)")
#: a copy counted among the documents of its kind (本届政府第四份, 任内第二份) before the genre word
ORDINAL_COPY = r"\s*(?:[\u4e00-\u9fff]{0,6}?第[一二三四五六七八九十\d]{1,3}份\s*)"
#: a passive verb whose subject is the thing done (已由X印发, 由X正式发布)
PASSIVE_DONE = re.compile(r"^\s*(?:已经?|并)?由")


def _is_plan_name(quoted: str, meta: Metadata) -> bool:
    """Is 《quoted》 the plan: its title, or a short name for it (《行动方案》 of a 行动方案)?"""
    key, core = _core(meta.title_text or ""), _core(quoted)
    if not core or not key:
        return False
    if core != key and kind_of(quoted) and meta.kind and kind_of(quoted) != meta.kind:
        return False  # 《…若干措施》 beside the plan 《…若干措施操作指引》: the document it implements
    if core == key or (len(core) >= 8 and (core in key or key in core)):
        return True
    return len(core) <= 8 and key.endswith(core)


#: a page's date without its time of day: a byline field (发布时间：2025年03月10日, 日期: 2025-03-10) or a
#: newspaper's date with its weekday (2025年3月10日 星期一)
BYLINE_STAMP = re.compile(r"(?:" + DATE_LABEL
                          + r"|(?=(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]))"
                          + YMD)


def _date_anchors(lay: Layout, meta: Metadata) -> list[tuple[str, int]]:
    """(date, direction) pairs that can give a month-and-day its year: the page's own timestamp
    (the event lies before it, direction -1) and the notice's signature date (the event lies
    after it, direction +1)."""
    anchors = []
    for line in lay.lines[:6]:
        stamp = TIMESTAMP.search(line.text) or PAGE_DATE.match(line.text) or BYLINE_STAMP.search(line.text)
        if stamp:
            anchors.append((f"{int(stamp.group(1)):04d}-{int(stamp.group(2)):02d}-{int(stamp.group(3)):02d}", -1))
            break
    signed = _signature_date(lay, meta)
    if signed:
        anchors.append((signed, 1))
    return anchors


def _dated(month: int, day: int, anchors: list[tuple[str, int]]) -> str | None:
    """The full date of a month and day, in the year that puts it within 60 days of an anchor."""
    for anchor, direction in anchors:
        ref = dt.date.fromisoformat(anchor)
        for year in (ref.year, ref.year - direction):
            try:
                when = dt.date(year, month, day)
            except ValueError:
                continue
            gap = (when - ref) * direction
            if dt.timedelta(0) <= gap <= dt.timedelta(days=60):
                return when.isoformat()
    return None


def _declared_count(lay: Layout, meta: Metadata) -> tuple[int | None, str | None]:
    if meta.title_text:
        match = re.search(r"([一二三四五六七八九十百]{1,4}|\d{1,3})条(?:措施|政策|意见|举措)", meta.title_text)
        if match:
            return chinese_number(match.group(1)), match.group(0)
    for line in lay.content()[:6]:
        counted = HEADLINE_COUNT.match(line.text)
        if counted and meta.title_text and _core(meta.title_text) in norm(_unify(line.text)):
            return chinese_number(counted.group(1)), counted.group(0).strip()  # 27条！…工作要点发布
    for line in lay.content():
        counts = []
        for m in COUNT.finditer(line.text):
            counts.append((m, chinese_number(next(g for g in m.groups() if g))))
            listed = LISTED_COUNT.match(line.text, m.end())
            while listed:  # 规划了13项重点行动、30项重点任务和4个专栏: each count of the list
                counts.append((listed, chinese_number(listed.group(1))))
                listed = LISTED_COUNT.match(line.text, listed.end())
        counts = [(m, v) for m, v in counts if v and v > 1]
        if counts:
            # 13项重点行动、30项重点任务: the tasks are what a plan counts its measures by
            items = [(m, v) for m, v in counts if ITEM_NOUN.search(m.group(0))]
            # 部署三大任务、12项具体举措: the groups' count gives way to the count of their items
            items.sort(key=lambda mv: GROUP_COUNT.search(mv[0].group(0)) is not None)
            match, value = (items or counts)[0]
            return value, match.group(0)
    counted, evidence = _reported_action_count(lay)
    if counted:
        return counted, evidence
    for line in lay.content():
        if "大" in line.text:
            strategies = STRATEGY_COUNT.search(line.text)
            if strategies:
                return chinese_number(strategies.group(1)), strategies.group(0)
    return None, None


#: the strategies a plan is built of, counted (设定五大战略, 提出5大策略, …等四大推动重点), as Taiwan
#: reports count a programme's parts: each is one of its measures
STRATEGY_COUNT = re.compile(r"(\d{1,2}|[一二三四五六七八九十])\s*大\s*(?:战略|策略|推动重点|推动主轴|策略主轴)"
                            r"(?![\u4e00-\u9fff]{0,2}(?:领域|产业|方向))")


def _reported_action_count(lay: Layout) -> tuple[int | None, str | None]:
    """The count of a report's actions listed by name in one sentence (《规划》将实施A、B和C等三大行动):
    a count of groups (大行动) declares the plan's measures when the report names each of them."""
    for line in lay.content():
        spans = reported_actions(line.text)
        if spans:
            return len(spans), line.text[spans[0][0]:spans[-1][1]]
    return None, None


#: a headline opening with the count of the plan's articles: 27条！…, 20条｜…
HEADLINE_COUNT = re.compile(r"^\s*(\d{1,3}|[一二三四五六七八九十百]{1,4})\s*条\s*[!！:：|｜丨]\s*")
#: what a declared count counts when it counts the measures themselves (条, 任务, 举措, 措施), not the
#: actions or projects that group them (行动, 工程)
ITEM_NOUN = re.compile(r"条|任务|举措|措施|政策|意见")
#: a count of the groups a plan's tasks fall in (五大重点任务), which its items' count overrides
GROUP_COUNT = re.compile(r"(?:\d|[一二三四五六七八九十百])\s*大")


# -- issuers ----------------------------------------------------------------------------

@cache
def _agency_end() -> re.Pattern[str]:
    """How the name of a body that signs a plan ends (厅, 局, 人民政府, 组织部, 分行…)."""
    return re.compile("(?:" + alternation(words()["plan"]["issuer_endings"]) + ")$")


#: a department of a national body (国家数据局综合司, 工业和信息化部科技司): 司 ends it only after its body,
#: since 司 alone ends every 公司
DEPARTMENT = re.compile(r"(?:部|局|委|署|院)[\u4e00-\u9fff]{1,6}(?<!公)司$")


def _is_body(name: str) -> bool:
    """A signer's name: ends like a body once a bracketed second name is set aside."""
    core = re.sub(r"[（(].*[)）]$", "", name)
    return bool(_agency_end().search(core) or DEPARTMENT.search(core) or core in words()["plan"]["issuing_offices"]
                or any(entity.kind == "government" for entity, _ in known_agencies().get(core, [])))


#: …等18部门, 等八部门, 等单位, 共8个部门, and the count alone after the list (X、Y、Z四部门) closing a
#: list of issuers
OTHERS = re.compile(r"(?:等(?:[\d一二三四五六七八九十]+个?|有关|相关)?|共?[\d一二三四五六七八九十]+个?)"
                    r"(?:部门|单位|机构)$")


def _issuers(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """The bodies that issued the plan, from the most direct statement the page makes: its notice
    title and signature, a 红头 banner (X文件), the plan's own title (X关于…的意见), a report
    (X印发《…》), the page header's 发布机构, and last the source a repost credits (来源：X)."""
    notice = _notice_issuers(lay, meta)
    titled = {name for name, _ in notice}
    signed = _signature(lay, meta)
    offices = [(name, evidence) for name, evidence in signed if _office_of(name, titled)]
    if offices and _office_series(meta.doc_number):
        # 宁安市人民政府关于印发…的通知 numbered 宁政办〔2025〕4号 and signed 宁安市人民政府办公室: the
        # number is the office's own series, so the office issued it in the government's name
        notice = [(name, evidence) for name, evidence in notice
                  if not any(_office_of(office, {name}) for office, _ in offices)]
        return _dedupe(notice + signed)
    # 重庆市宁安区人民政府关于印发…的通知 signed 宁安区人民政府办公室 and numbered 宁府发: the office
    # that sealed the page for the government the title names, not a second issuer
    found = notice + [(name, evidence) for name, evidence in signed if (name, evidence) not in offices]
    if found:
        return _dedupe(found)
    steps = [_adopted_by, _banner, _title_issuer, _reported, _consulting_drafter, _headline_issuer, _owner_before_title,
             _noted_source, _attributed_title, _working_body, _statement_office, _publisher, _credited_source]
    if meta.reading:
        steps = steps[:-2]  # a 解读's or an interview's publisher and source are its author, not the issuer
    for step in steps:
        found = _own_body(lay, step(lay, meta))
        if found:
            return _dedupe(found)
    return []


#: the general office of a government (人民政府办公室, 办公厅), which seals and posts its documents
OFFICE = re.compile(r"(?<=政府)办公(?:室|厅)$")


def _office_of(name: str, bodies: set[str]) -> bool:
    """Is ``name`` the general office of one of ``bodies`` (宁安区人民政府办公室 of 某市宁安区人民政府)?"""
    if not OFFICE.search(name):
        return False
    base = OFFICE.sub("", name)
    return any(body.endswith(base) or base.endswith(body) for body in bodies if body.endswith("政府"))


#: the code of a 文号 that a government's general office numbers its documents in (宁政办发, 冶政办, 穗府办函),
#: as against the government's own series (宁政发, 永川府发)
OFFICE_SERIES = re.compile(r"^[\u4e00-\u9fff]*[政府][办辦]")


def _office_series(doc_number: str | None) -> bool:
    """Is ``doc_number`` numbered in the series of a government's general office (冶政办〔2025〕25号)?"""
    match = DOC_NUMBER.search(doc_number or "")
    return bool(match and OFFICE_SERIES.match(match.group(1)))


#: a body speaking of itself (我局牵头制定了《…》): the author of the page
SELF = re.compile(r"^(?:我|本)(?:局|委|厅|办|院|部|中心)$")
#: the heading of an interpretation, which names its author: X关于《…》的政策解读
AUTHOR = re.compile(r"^(?:[|\s]*名\s*称\s*[:：|]\s*)?(.{2,40}?)关于《[^《》]+》的(?:政策)?解读")


def _own_body(lay: Layout, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """我局 in an interpretation (X关于《…》的政策解读) is X; a self-reference with no author named is
    no issuer."""
    if not any(SELF.match(name) for name, _ in found):
        return found
    headings = [lay.header.get("title") or ""] + [line.text for line in lay.lines[:8]]
    author = next((m.group(1) for m in map(AUTHOR.match, headings) if m and _is_body(m.group(1))), None)
    return [(author, evidence) if SELF.match(name) else (name, evidence) for name, evidence in found
            if author or not SELF.match(name)]


def _notice_issuers(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """The notice title: X关于印发…的通知 / X关于《…》的通知 / X印发…的通知; without a heading to mark
    the plan's text, the notice runs to the first section."""
    window = max(meta.body_start, 1) + 1
    first_section = next((k for k, line in enumerate(lay.lines) if re.match(r"^[一二三四五六七八九十]+、", line.text)),
                         min(len(lay.lines), 40))
    if meta.body_start == 0:
        window = first_section
    # a page that heads itself with the plan's title may print the notice under it, before the text
    below = range(window, min(first_section, window + 4))
    previous: Line | None = None
    for n, line in enumerate(lay.lines[: max(window, below.stop)]):
        if line.chrome:
            continue
        text = _title_label_re().sub("", line.text)
        text = re.sub(r"^(?:" + DOC_NUMBER.pattern + r")\s*《?", "", text)  # 云政发〔2019〕27号《云南省人民政府关于…》
        text = LEADING_DAY.sub("", text)  # 3月11日，X关于印发…的通知 (a report's first line)
        text = LIST_NUMBER.sub("", text)  # 1、X关于印发…: a document site's page number before the page's text
        match = re.match(r"^(.{3,80}?)(?:关于(?:印发|转发|《)|印发《?)", text)
        # X关于印发…工作方案 / (2023—2025年)的通知: a notice title broken before its end
        following = lay.lines[n + 1].text if n + 1 < len(lay.lines) else ""
        broken = len(following) <= 40 and following.endswith("的通知")
        if match and ("通知" in text or broken or text.endswith(("关于印发", "印发"))) and _names_only(match.group(1)):
            head = match.group(1)
            last = head.split()[-1] if head.split() else head
            names = _names(head)
            if n in below and not all(_is_body(x) and _starts_with_place(x) for x in names):
                continue  # below the page's heading only a notice title that opens with a named body
            if _is_body(OTHERS.sub("", last)):
                return [(name, text) for name in names]
        if re.match(r"关于(?:印发|转发)", text) and previous is not None and previous.index == line.index - 1:
            names = _names(previous.text)  # 宁安市人民政府办公室 / 关于印发…的通知: the title's first line
            if names and all(_is_body(n) for n in names):
                return [(name, previous.text + text) for name in names]
        previous = line
    return []


#: what a notice title's issuer never holds: a quote, a clause (落实《国务院关于印发…》 in a preamble
#: cites another notice), a verb of a headline (山东省出台…省级政府文件)
NOT_A_NAME = re.compile(r"[《》〈〉“”\"，,。；;：:！？]|出台|印发|发布|推出|制定")


@cache
def _title_label_re() -> re.Pattern[str]:
    """A header's title label before the notice title it holds: 标题: | …, 名 称: | …."""
    labels = "|".join(r"\s*".join(map(re.escape, label)) for label in ["原标题", *words()["header"]["title"]])
    return re.compile(r"^[|\s]*(?:(?:" + labels + r")\s*[:：|]\s*\|?\s*)?")


#: the day a report opens with, before the notice title it quotes
LEADING_DAY = re.compile(r"^(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*[,，]?\s*")


def _names_only(head: str) -> bool:
    """Is the text before 关于印发 / before 文件 only the names of bodies, as in a notice title or a
    banner, and not a sentence that quotes one?"""
    return not NOT_A_NAME.search(head)


def _banner(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """The banner of a 红头 document names its issuer: 宁安市人民政府办公室文件. A portal's breadcrumb
    (首页>政府信息公开>市政府办公室文件) names the column the page is filed in, not a banner."""
    for line in lay.content()[:6]:
        text = despace(line.text)
        if BREADCRUMB_MARK.search(text):
            continue
        banner = re.fullmatch(r"(.{4,60}?)\s*文件", text)
        if banner and _names_only(banner.group(1)):
            names = _names(banner.group(1))
            if names and all(_is_body(n) for n in names):
                return [(name, line.text) for name in names]
    return []


#: a title that opens with a government's name run on into its subject (台北市政府人工智慧作业指引)
_GOVERNMENT_TITLE = re.compile(r"^([\u4e00-\u9fff]{1,10}?[省市县区](?:人民)?政府)(?!办|工作|关于)"
                               r"(?=[\u4e00-\u9fff]{4})")


def _title_issuer(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """A plan titled X关于…的意见 names its issuer X (呼和浩特市人民政府关于促进…的若干意见), and so
    does a body's yearly plan titled by it and its year (宁安市数据局2025年工作要点) and a government's
    plan titled by its name run on into the subject (某市政府数据开放作业指引)."""
    match = re.match(r"^(.{4,60}?)(?:关于|(?:19|20)\d{2}\s*年(?!\s*[-—–~～－至到]))", meta.title_text or "")
    if not match:
        match = _GOVERNMENT_TITLE.match(simplified_chars(meta.title_text or ""))
    if not match:
        return []
    return [(name, meta.title_text or "") for name in _bodies_named(match.group(1))]


def _bodies_named(head: str) -> list[str]:
    """The names a title's head (X关于…) lists, when every one of them is a body (its 等 left off); else
    none."""
    names = _names(head)
    return names if names and all(_is_body(OTHERS.sub("", n)) for n in names) else []


def notice_itself(title: str) -> tuple[str, list[tuple[str, str]]] | None:
    """(kind, issuers) of a notice that is itself the policy, its heading X关于…的通知 with no plan it
    issues (关于印发/转发…): the notice is the document, 通知 its kind and X its issuer."""
    match = re.match(r"^(.{4,60}?)" + _about_itself() + r"(.{4,80})的通知$", title.strip())
    names = _bodies_named(match.group(1)) if match and _names_only(match.group(1)) else []
    return ("通知", [(name, title) for name in names]) if names else None


def _headline_issuer(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """The body a news headline puts right before the plan's title (数发部5年期…计画 编列190亿): the
    headline's subject, whose plan it is."""
    lines = lay.content()
    if not lines or not meta.title_text or len(lines[0].text) > 80:
        return []
    text = lines[0].text
    at = text.find(meta.title_text)
    head = text[:at].split()[-1] if at > 0 and text[:at].split() else ""
    if at > 0 and not text[at - 1].isspace() and 2 <= len(head) <= 8 and _is_body(head):
        return [(head, text)]
    return []


#: a repost's note of where and when the text was published, on a line of its own in brackets at its top:
#: (某市人民政府 2018年5月17日发布)
SOURCE_NOTE = re.compile(r"^[（(]\s*([\u4e00-\u9fff]{4,30}?)\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
                         r"\s*(?:正式)?发布\s*[)）]$")


def _source_note(lay: Layout) -> re.Match[str] | None:
    """The bracketed note at a repost's top saying which body published the text, and when."""
    for line in lay.content()[:6]:
        if line.text.startswith(("(", "（")) and "发布" in line.text:
            note = SOURCE_NOTE.match(line.text.strip())
            if note and _is_body(note.group(1)):
                return note
    return None


def _noted_source(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """The body a repost's top note says published the text ((某市人民政府 2018年5月17日发布)), when no
    sentence names the issuer."""
    note = meta.source_note
    return [(note.group(1), note.group(0))] if note else []


#: a body written before a title with a colon, as a document site names a shared file by its source
#: (《某市人民政府:某市…行动方案.docx》由会员分享) or a column line credits it (某市数据局：…实施方案)
ATTRIBUTED = re.compile(r"([\u4e00-\u9fff（）()]{4,30}?)\s*[:：]\s*")


def _attributed_title(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """The body a page's first lines write right before the plan's title with a colon (X人民政府:title):
    the source it credits for the document, when nothing else names an issuer."""
    key = _core(meta.title_text or "")[:8]
    if len(key) < 6:
        return []
    for line in lay.content()[:6]:
        if ":" not in line.text and "：" not in line.text:
            continue
        for hit in ATTRIBUTED.finditer(line.text):
            if not _core(line.text[hit.end(): hit.end() + 40]).startswith(key):
                continue
            head = re.sub(r"^.*[《「“]", "", hit.group(1))
            if _starts_with_place(head) and _is_body(head) and not _press_re().search(head):
                return [(head, line.text)]
    return []


def _owner_before_title(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """The body a report writes right before the plan's quoted title as its owner (听取经济部「…推动方案」
    进度报告): whose plan it is, when nothing else names an issuer and one body alone is written so."""
    from loaders.segment import tokens

    title = meta.title_text
    if not title:
        return []
    found: dict[str, str] = {}
    quoted = re.compile(rf"[《「]{re.escape(title)}[》」]")
    for line in lay.content():
        if title not in line.text:
            continue
        for hit in quoted.finditer(line.text):
            head = _body_before(line.text[max(0, hit.start() - 12):hit.start()], tokens)
            if head:
                found.setdefault(head, line.text)
    return list(found.items()) if len(found) == 1 else []


def _body_before(text: str, tokens) -> str | None:
    """The body whose name ``text`` ends with: the longest run of its last words that names a known body
    (科技会报办公室, not 办公室), else its last word when that ends like a body and is not only the ending
    (经济部; not 办公室)."""
    words_before = tokens(text)
    if not words_before or not text.endswith(words_before[-1]):
        return None
    known = known_agencies()
    runs = ["".join(words_before[-k:]) for k in range(1, min(4, len(words_before)) + 1)]
    named = [run for run in runs if simplified_chars(run) in known and text.endswith(run)]
    if named:
        return named[-1]
    head = words_before[-1]
    if 2 <= len(head) <= 10 and _is_body(head) and simplified_chars(head) not in words()["plan"]["issuer_endings"]:
        # 转发省工信厅《…》, 转发杭州市工信局《…》: the place or the level the word was cut from is part of the name
        before = text[: len(text) - len(head)]
        place = _place_tail(before, 8)
        level = re.search(r"[省市区县]$", before) if place is None else None
        return (place or (level.group(0) if level else "")) + head
    return None


def _publisher(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """The page header's 发布机构 (often the office that runs the website, so only a fallback)."""
    publisher = lay.header.get("publisher")
    if not publisher:
        return []
    # 发布机构: 下陆区人民政府 下陆区政数局: a portal's field listing the bodies that publish it, a blank apart
    parts = publisher.split()
    if len(parts) > 1 and all(len(p) >= 4 and _is_body(p) for p in parts):
        return [(p, f"发布机构：{publisher}") for p in parts]
    return [(publisher, f"发布机构：{publisher}")]


#: a repost's byline: its timestamp, the body it credits, a reader count (2026/1/6 15:36:38 四川省人民政府 人气:798)
CREDIT_LINE = re.compile(r"^(?:\d{4}[-/]\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)\s*(\S{4,30})\s+"
                         r"(?:人气|浏览|阅读|点击)")


def _credited_source(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """The body a page credits as its source (来源：X, or the name in a repost's byline), when
    nothing else names an issuer and the source is a body, not a paper, a site or a division."""
    for line in lay.lines[:12]:
        credit = CREDIT_LINE.match(line.text)
        source = credit or BYLINE_SOURCE.search(line.text)
        if not source:
            continue
        name = _credited_name(source.group(1))
        if name:
            return [(name, line.text)]
    return []


def _credited_name(value: str) -> str | None:
    """The body in a source field: 朝阳园管委会(区科信局) is one office under two names, and the name
    written as a government department (with its level, 区科信局) is the one to resolve."""
    own_site = re.fullmatch(r"(\S{4,30}?)(?:门户)?网站", value)
    if own_site and _is_body(own_site.group(1)) and not _press_re().search(own_site.group(1)):
        value = own_site.group(1)  # 江西省发展和改革委员会网站: the body's own website credits the body
    if not _official_source(value) or re.match(r"本(网|站)", value) or re.search(r"[、，,]", value):
        return None  # the page itself, or several units: no one issuer
    names = [n for n, _ in _split_pair(value)]
    if any(re.search(r"(处|科|室|所)$", n) and not n.endswith("办公室") for n in names):
        return None  # 规划处, 高技术处: a division of the publishing body, not an issuer
    if any(n.endswith("信息中心") for n in names):
        return None  # 省商务信息中心: the unit that runs the portal, not the issuer of what it posts
    levelled = [n for n in names if re.match(r"[省市区县州盟旗]", n)]
    name = (levelled or names or [None])[0]
    return name if name and _is_body(name) else None


def _split_pair(value: str) -> list[tuple[str, int]]:
    match = re.fullmatch(r"(.+?)[（(](.+)[）)]", value)
    if match:
        return [(match.group(1), 0), (match.group(2), match.start(2))]
    return [(value, 0)]


#: the body a report says issued the plan in its own clause: 由X印发, 以X名义印发
PASSIVE = re.compile(r"(?:由|以)([^，。；：:“”《》]{2,60}?)(?:的?名义)?(?:联合|正式)?$")
TIME_WORDS = re.compile(r"\d{1,2}月(?:\d{1,2}日|份)?|日前|近日|今天|今日|今年|正式|此次|近期"
                        r"|对于|已于|已经|已|于|并|也|还")
#: a page's date stamp (and what precedes it on the line) before the subject of a report's sentence
STAMP_BEFORE = re.compile(r"^.*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+")
#: the first of two verbs said of the plan (制定并发布, 研究起草并印发), or the lead a body takes in it
DRAFTED = re.compile(r"(?:牵头)?(?:研究)?(?:制定|制订|起草|编制)?(?:并|和|后)?$")
#: to whom a body releases the plan, between its name and the verb (对外发布, 向社会公开发布)
AUDIENCE = re.compile(r"(?:对外|向社会|面向社会)(?:公开)?$")
#: words that join the bodies of a joint issue: X联合Y、Z印发, X会同Y印发
JOINT = re.compile(r"联合(?!会)|会同")
#: a word that joins two bodies (X和Y, X与Y, X及Y, X同Y联合印发), after a body's last character: inside
#: a name 和 follows no such character (工业和信息化局, 发展和改革委员会, 住房和城乡建设局)
WORD_JOIN = re.compile(r"(?<=[厅局委办府室会部署])(?:以及|和|与|及|同)(?=[\u4e00-\u9fff])")
#: a news dateline before the report's first subject (人民网北京11月3日电, 本报讯, 新华社…电): the
#: agency that sends the story, not a body that acts in it
DATELINE = re.compile(r"^.*?(?:\d{1,2}\s*月\s*\d{1,2}\s*日\s*电|(?:本报|本刊|本网)讯)\s*")
#: the place where an officer speaks (于立法会, 在市政府常务会议上), before the verb: not a body
VENUE = re.compile(r"今?(?:于|在)[\u4e00-\u9fff]{2,12}(?:会|会议上?|院|厅)$")
#: a report's page tag before its first sentence (【Yahoo 新闻报道】)
TAG = re.compile(r"^\s*[【\[][^】\]]{0,20}[】\]]\s*")


@cache
def _issue_verb() -> re.Pattern[str]:
    """The verbs a report says a body issued the plan with (``lexicon.toml``'s issue_verbs, less the steps
    before issuing, and the forms reports also write: 制发, 制订, 宣布, 发表), and the words that go before
    them (联合印发, 正式下发, 重磅发布, 对外公布); not 发布会, where the plan is presented."""
    verbs = [v for v in words()["plan"]["issue_verbs"] if v not in ("审议通过", "公开征求", "起草")]
    return re.compile(r"(?:联合|正式|重磅|对外)?"
                      rf"(?:{alternation([*verbs, '制发', '制订', '宣布', '发表'])})(?!会)"
                      r"|就(?=《[^《》]{4,90}》[^，。；]{0,6}征求)"
                      # X关于公开征求《…》意见的公告: the body that puts its draft out for comments
                      r"|关于(?:公开)?征求(?=《[^《》]{4,90}》\s*意见)")


def _reported(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """A report: X（联合Y等八部门）印发《plan》, 《plan》已由X印发, 《plan》以X名义印发; a place alone
    as the subject (光明区此次发布的《若干措施》) stands for its people's government."""
    by_place: list[tuple[str, str]] = []
    abridged: list[tuple[str, str]] = []
    for line in lay.content():
        for sentence in re.split(r"[。！？]", line.text):
            adopted = _congress(sentence, meta)
            if adopted:
                return [(adopted, sentence)]
            for hit in _issue_verb().finditer(sentence):
                if not _verb_on_plan(sentence, hit, meta):
                    continue
                names = _subject(sentence[: hit.start()], line.text[: line.text.find(sentence)])
                if names and _abridged(sentence[: hit.start()], len(names)):
                    # 工信部等十五部门联合印发《…》: a headline's first body and a count; the lead
                    # usually lists all fifteen, which then stand for the joint issue
                    if len(names) > len(abridged):
                        abridged = [(name, sentence) for name in names]
                    continue
                if names and len(names) > len(abridged):
                    return [(name, sentence) for name in names]
                place = _place_subject(sentence[: hit.start()])
                if place and not by_place:
                    by_place = [(place, sentence)]
    if not abridged:
        # 国务院常务会议审议通过《…》, 经行政院院会审查，通过「…」: the government whose meeting adopted it
        # (a notice's 《…》已经市政府常务会议审议通过，现印发给你们 has its own issuer: the plan comes first)
        for line in lay.content():
            if "会" not in line.text or "通过" not in line.text:
                continue  # most lines: no meeting, no adoption
            for sentence in re.split(r"[。！？]", line.text):
                adopted = _meeting(sentence, meta)
                if adopted:
                    return [(adopted, sentence)]
    # a headline's 深圳印发《…》 stands for the government only when no sentence names the bodies
    return abridged or by_place


#: a government's meeting that adopts a document, and the document it adopts after it: 国务院常务会议，
#: 审议通过《…》; 经行政院院会审查，通过《…》; 市政府第12次常务会议审议通过了《…》
MEETING = re.compile(r"(国务院|行政院|[\u4e00-\u9fff]{0,10}?(?:人民政府|政府|行政公署|行署))\s*"
                     r"(?:第\s*[一二三四五六七八九十百\d]+\s*次)?\s*(?:常务会议|院会|全体会议|(?<=行政院)会(?![议同]))"
                     r"[^。；;《》]{0,20}?(?:审议|审查|讨论)?\s*[，,]?\s*通过(?:了)?\s*《([^《》]{4,90})》")


def _meeting(sentence: str, meta: Metadata) -> str | None:
    """The government whose meeting adopted the plan (the body before its 常务会议 or 院会)."""
    match = MEETING.search(sentence)
    if not match or not _is_plan_name(match.group(2), meta):
        return None
    body = re.sub(r"^.*(?:召开|主持|举行|出席|在|经|于)", "", match.group(1))  # 市长主持召开市政府…: the meeting's
    return body if len(body) >= 3 and _is_body(body) else None


#: the count closing a list of joint issuers (等十五部门, 等15个部门): more bodies than the list names
COUNTED_BODIES = re.compile(r"等\s*([\d一二三四五六七八九十]{1,3})\s*个?(?:部门|单位|机构)\s*(?:联合|正式)?$")


def _abridged(before: str, named: int) -> bool:
    """Does the subject name fewer bodies than its count says (工信部等十五部门: one of fifteen)?"""
    clause = re.split(r"[，,；;：:]", before)[-1]
    counted = COUNTED_BODIES.search(TIME_WORDS.sub("", clause).strip())
    total = chinese_number(counted.group(1)) if counted else None
    return bool(total and total > named)


#: a people's congress in session adopting a document (…自治区十四届人大五次会议通过的《…纲要》): the
#: congress of the place it is named with
#: a session of a people's congress or of its standing committee after the place that holds it (第十七届
#: 人民代表大会常务委员会第二十三次会议, 十四届人大五次会议): the congress and whether it is the standing committee
SESSION = (r"(?:第?[一二三四五六七八九十]+\s*届)?\s*(?:人大|人民代表大会)\s*(?P<standing>常务委员会|常委会)?\s*"
           r"(?:第?[一二三四五六七八九十]+\s*次)?\s*(?:全体)?会议")
CONGRESS = re.compile(r"([\u4e00-\u9fff]{2,14}?)\s*" + SESSION
                      + r"\s*(?:审议|表决)?通过(?:了|的)?\s*《(?P<quoted>[^《》]{4,90})》")
#: the note under a regulation's title saying which session adopted it and when: （2024年12月20日宁安市第十七届
#: 人民代表大会常务委员会第二十三次会议通过）
ADOPTION_NOTE = re.compile(r"^[（(]\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*([\u4e00-\u9fff]{2,14}?)\s*"
                           + SESSION + r"\s*(?:审议)?(?:通过|批准)")


def _adoption_note(lay: Layout) -> tuple[str, str, str] | None:
    """(date, congress, note) of a regulation's adoption note in the page's first lines."""
    for line in lay.content()[:12]:
        if "会议" not in line.text:
            continue
        match = ADOPTION_NOTE.match(line.text.strip())
        if match:
            body = _congress_name(match.group(2), bool(match.group("standing")))
            if body:
                return _date(match.group(1)) or "", body, line.text
    return None


def _adopted_by(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """The congress (or its standing committee) whose session the regulation's note says adopted it."""
    note = meta.adoption
    return [(note[1], note[2])] if note else []


def _congress(sentence: str, meta: Metadata) -> str | None:
    """The people's congress that adopted the plan (a five-year plan's 纲要 is adopted by the congress of
    its place): named by the place written before the session, its longest tail that is a division."""
    if "会议" not in sentence or "通过" not in sentence:
        return None  # what every adoption says (…次会议审议通过), tested before the pattern on every sentence
    match = CONGRESS.search(sentence)
    if not match or not _is_plan_name(match.group("quoted"), meta):
        return None
    # …人大常委会会议通过: its standing committee
    return _congress_name(match.group(1), bool(match.group("standing")))


def _congress_name(head: str, standing: bool) -> str | None:
    """The people's congress (or its standing committee) of the place that ``head``, the words before a
    session, ends with: its longest tail that is a division."""
    place = _place_tail(head)
    return place + "人民代表大会" + ("常务委员会" if standing else "") if place else None


#: a body that drafted the plan: X（牵头）起草了《…（征求意见稿）》
DRAFTED_BY = re.compile(r"(?:牵头)?(?:研究)?起草了?(?=《[^《》]{4,90}》)")
#: where a consultation sends the comments: 请向X反馈, 反馈至X
COMMENTS_TO = re.compile(r"(?:请?向|反馈至|报送至?|送至)([^，,。；;：:（(]{2,40}?)(?:反馈|反映|提出|$|[，,。；;（(])")


def _consulting_drafter(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """A draft put out for comments by the body that drafted it: X起草了《…（征求意见稿）》，现面向社会
    公开征求意见，请向X反馈. Drafting alone (a 解读's X起草了…) issues nothing, nor does a drafter
    whose consultation sends the comments elsewhere (反馈至邮箱…)."""
    text = "".join(line.text for line in lay.content()[:20])
    for hit in DRAFTED_BY.finditer(text):
        names = _subject(text[: hit.start()])
        rest = text[hit.end():]
        if not names or "征求意见" not in rest:
            continue
        sent_to = [re.sub(r"\s+", "", m.group(1)) for m in COMMENTS_TO.finditer(rest)]
        drafter = re.sub(r"\s+", "", "".join(names))
        # 成都市经信局 drafted, comments to 市经信局: the same body, its place written once
        if any(len(to) >= 3 and (drafter.endswith(to) or to.endswith(drafter)) for to in sent_to):
            sentence = text[max(text.rfind("。", 0, hit.start()) + 1, 0): text.find("。", hit.end()) + 1]
            return [(name, sentence) for name in names]
    return []


def _place_subject(before: str) -> str | None:
    """对于光明区此次发布的《若干措施》: a district or county alone as the subject stands for its
    people's government (the seed gold's reading). A province or city alone (辽宁省印发《…》, 成都出台
    《…》) does not say whether its government, its general office or a department issued: no issuer."""
    clause = re.split(r"[，,；;：:]", before)[-1]
    head = TIME_WORDS.sub("", re.sub(r"关于$", "", clause.strip(" *#"))).strip(" *#")
    if len(head) < 3:
        return None
    if _county_level(head):
        return head + "人民政府"  # 光明区, 昆山市 (a county-level city is a county's peer)
    # also with its city written before it (广州市海珠区正式印发…, 广州海珠区…): the district's government all
    # the same, its city written out in full (广州 → 广州市)
    for k in range(2, len(head) - 2):
        city = _region(head[:k])
        if city is not None and city.level in ("Province", "City") and _county_level(head[k:]):
            return city.name + head[k:] + "人民政府"
    return None


def _region(name: str):
    """The one division ``name`` names (in full or by its short form), or None when it names none or several."""
    from loaders.lexicon import regions

    found = regions().lookup(name)
    return found[0] if len(found) == 1 else None


def _county_level(name: str) -> bool:
    """Is ``name`` a district, county or banner, or a county-level city (昆山市), written in full?"""
    from loaders.lexicon import regions

    found = [r for r in regions().lookup(name) if r.name == name]
    return bool(found) and (name.endswith(("区", "县", "旗")) or all(r.county_level for r in found))


#: a clause in which a body issues a notice or a document without naming it (X近日印发通知, X下发文件):
#: the plan named in the next clause (，发布《…》) is what it carries, and X its subject
NOTICE_CLAUSE = re.compile(r"^(.+?)(?:联合|正式)?(?:印发|下发|发出|制发|发布)了?(?:一份|一个)?(?:通知|文件|公告|通告)$")
#: a body named by its kind after 该 (该局, 该委): the one the sentence named before it
ANAPHOR = re.compile(r"^该(局|委|厅|办|部|署|院|中心|办公室|委员会)$")
#: the source a reporter names (记者从X获悉, 据X消息): the body 该局 refers to after it
NEWS_SOURCE = re.compile(r"(?:从|据|向)([^，,。；;从据向]{2,30}?)(?:获悉|了解到|得知|消息|介绍|透露)")


def _subject(before: str, context: str = "") -> list[str]:
    """The bodies named as the subject of a verb, from the text of its clause before it; ``context``
    (the paragraph before the sentence) is where a subject written earlier (该局) is looked for. A
    clause with no subject of its own continues the clause before it when that one issued a notice
    (X近日印发通知，发布《…》)."""
    clauses = re.split(r"[，,；;：:]", before)
    if len(clauses) > 1 and not TIME_WORDS.sub("", clauses[-1]).strip(" 了并"):
        carried = NOTICE_CLAUSE.match(TIME_WORDS.sub("", clauses[-2]).strip())
        if carried:
            return _subject(carried.group(1), context)
    clause = clauses[-1]
    # X（联合Y等八部门）印发: an aside after the name; X(数字经济发展)领导小组办公室: a name's own bracket
    clause = re.sub(r"[（(][^（）()]*[)）](?![\u4e00-\u9fff]{0,12}(?:小组|委员会)(?:办公室)?\s*$)", "", clause)
    passive = PASSIVE.search(re.sub(r"(?:于)?\d{1,2}月\d{1,2}日", "", clause))
    head = passive.group(1) if passive else re.sub(r"^.*》", "", clause)
    head = STAMP_BEFORE.sub("", head)  # date 2025-10-08 行政院6月宣布…: the page's date stamp opens the line
    head = TAG.sub("", DATELINE.sub("", head))  # 人民网北京11月3日电 工信部近日印发: the dateline sends it
    head = VENUE.sub("", head.strip())  # 行政长官…于立法会发表: where, not who
    head = TIME_WORDS.sub("", re.sub(r"关于$", "", head.strip(" *#"))).strip(" *#")
    head = _office_of_holder(head)  # 行政长官李家超: the office its holder speaks for
    head = DRAFTED.sub("", head)  # 科技部制定并发布《…》, 市经信局牵头起草了
    head = AUDIENCE.sub("", head)  # X对外发布了《…》: to whom it was released, not who
    head = WORD_JOIN.sub("、", JOINT.sub("、", head))
    anaphor = ANAPHOR.match(head)
    if anaphor:  # 记者从宁安市工信局获悉，该局近日印发…: the body the reporter named; none, if it named none
        sources = [m.group(1) for m in NEWS_SOURCE.finditer(context + before)]
        head = next((src for src in reversed(sources) if src.endswith(anaphor.group(1)) and _is_body(src)), "")
    names = [OTHERS.sub("", n) for n in _names(head)]
    names = [n for n in names if n]
    if any(n.endswith(tuple(words()["plan"]["press_offices"])) for n in names):
        return []  # 市政府新闻办举行发布会发布《…》: it hosts the release, it does not issue
    if names and all(_is_body(n) for n in names):
        return names
    return []


def _office_of_holder(head: str) -> str:
    """An office that issues in its own name, written with its holder's name after it (行政长官李家超
    发表施政报告): the office is the issuer, the person is not named as a body."""
    offices = words()["plan"]["issuing_offices"]
    match = re.fullmatch("(" + alternation(offices) + r")[\u4e00-\u9fff]{2,3}", head)
    return match.group(1) if match else head


def _names(head: str) -> list[str]:
    from loaders.agencies import split_names

    names = []
    for name, _offset in split_names(head):
        name = re.sub(r"^(对于|由)", "", name)
        if name:
            names.append(name)
    return names


def _signature(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    """The bodies signed over the notice's date: one or two a line, a long name wrapped onto the
    next line (中共重庆市委网络安全和信息化 / 委员会办公室)."""
    limit = meta.body_start if meta.body_start else min(len(lay.lines), 40)
    lines = lay.lines[:limit]
    for i, line in enumerate(lines):
        signed = signed_line(line.text)
        if not date_line(line.text) and not signed:
            continue
        block: list[Line] = []
        j = i - 1
        while j >= 0 and len(lines[j].text) <= 40 and not re.search(r"[。：:，,]", lines[j].text):
            block.insert(0, lines[j])
            j -= 1
        names = _signers(block) + ([(name, line.text) for name in signed[0]] if signed else [])
        if names:
            return names
    return []


#: a seal note in a signature block: the body that sealed the page for a signer with no seal of its own
#: ((浙江省某厅代章), 〔代章〕), a signer already named in the block
SEAL_NOTE = re.compile(r"[（(〔\[]\s*[\u4e00-\u9fff]{0,30}代(?:章|印)\s*[）)〕\]]")


def _signers(block: list[Line]) -> list[tuple[str, str]]:
    """The names of a signature block, read upwards from the date while every piece of a line is a
    name; a line that ends in a piece that is no name continues in the first name below it."""
    names: list[tuple[str, str]] = []
    for k in range(len(block) - 1, -1, -1):
        if SEAL_NOTE.fullmatch(block[k].text.strip()):
            continue  # (某厅代章) under the names: who sealed for a signer, read past to the names above
        pieces = _names(block[k].text)
        if not pieces:
            break
        below = block[k + 1].text if k + 1 < len(block) else None
        if (names and names[0][1] == below and re.fullmatch(r"[\u4e00-\u9fff]+", pieces[-1])
                and not _is_body(pieces[-1]) and not _starts_with_place(names[0][0])
                and _is_body(pieces[-1] + names[0][0])):
            names[0] = (pieces[-1] + names[0][0], block[k].text + below)
            pieces = pieces[:-1]
        if not all(_is_body(p) for p in pieces):
            break
        names[:0] = [(p, block[k].text) for p in pieces]
    return names


def _is_place(name: str) -> bool:
    from loaders.lexicon import regions

    return bool(regions().lookup(name))


def _place_tail(text: str, most: int | None = None) -> str | None:
    """The longest tail of ``text`` (two characters or more, ``most`` at most) that is a place."""
    longest = len(text) if most is None else min(most, len(text))
    return next((text[-k:] for k in range(longest, 1, -1) if _is_place(text[-k:])), None)


def _starts_with_place(name: str) -> bool:
    """Does a name open with a place or a national prefix (苏州市…, 中共…): a whole name, not the
    wrapped end of one (委员会办公室)?"""
    if re.match(r"中共|中国|国家|全国", name):
        return True
    return any(_is_place(name[:n]) for n in range(2, min(len(name), 8) + 1))


def _dedupe(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen, out = set(), []
    for name, evidence in pairs:
        if name not in seen:
            seen.add(name)
            out.append((name, evidence))
    return out
