"""A plan's metadata: title, kind, period, 文号, dates, declared count, issuers, coverage.

The title is voted for: the body's own heading line (possibly broken over two
lines, or with its period on the next line), the 《…》 that the notice or the
news report issues (印发《…》, 《…》已经…同意, 关于印发…的通知) all count, while
a 《…》 in a citation (依据《…》, 《…》（国发〔2017〕35号）) is a cited document.
Issuers come from the notice title (X关于印发…的通知), the signature block over
the date, or a report's "X印发《…》"; a page header's 发布机构 is only a fallback
(it is often the office that runs the website).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from loaders.document import Span
from loaders.layout import DECLARED_COUNT as COUNT
from loaders.layout import Layout, Line, chinese_number
from loaders.lexicon import alternation, words

PERIOD = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*(?:年)?\s*[-—–~～－至到]+\s*((?:19|20)\d{2})\s*(?:年)?\s*[)）]?\s*$")
DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fff]{1,14}?)\s*[〔\[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]\s*(\d{1,4})\s*号")
BROKEN_DOC_NUMBER = re.compile(r"^([\u4e00-\u9fff]{1,14})\s*〔\s*((?:19|20)\d{2})\s*(\d{1,4})$")
DATE = re.compile(r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?")
COMPACT_DATE = re.compile(r"^((?:19|20)\d{2})(\d{2})(\d{2})$")
SIGNATURE_DATE = re.compile(
    r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[\s?？]*$|^((?:19|20)\d{2})(\d{2})(\d{2})$")
PUNCT = re.compile(r"[\s《》〈〉“”\"'‘’「」（）()【】\[\]、，,。．.：:；;！!？?—\-–·•~～－]+")


def norm(text: str | None) -> str:
    """The form titles and names are compared in: no punctuation or blanks."""
    return PUNCT.sub("", text or "")


@dataclass
class TitleCandidate:
    span: Span
    score: int
    source: str  # heading, issued, notice, quoted, reported


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


# -- title -------------------------------------------------------------------------

def _kinds() -> list[str]:
    return words()["plan"]["kinds"]


def kind_of(title: str) -> str | None:
    """The genre word a title ends with, before its period.

    >>> kind_of("仙桃市人工智能产业发展三年行动方案(2025—2027年)")
    '行动方案'
    >>> kind_of("廊坊市促进人工智能产业发展十三条措施")
    '措施'
    """
    core = _status_re().sub("", PERIOD.sub("", title)).strip()
    core = PERIOD.sub("", core).strip()
    for kind in _kinds_longest_first():
        if core.endswith(kind):
            return words()["plan"]["kind_core"].get(kind, kind)
    return None


@cache
def _header_label_re() -> re.Pattern[str]:
    """A metadata label with its colon or bracket, its characters possibly spaced out."""
    from loaders.layout import spaced_labels

    return re.compile("(?:" + spaced_labels() + r")\s*[:：\]】]")


@cache
def _status_re() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(words()["plan"]["title_status"]) + r")\s*$")


@cache
def _kinds_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_kinds(), key=len, reverse=True))


def _is_title(text: str) -> bool:
    core = _status_re().sub("", PERIOD.sub("", text)).strip()
    kind = kind_of(text)
    return bool(kind) and len(norm(core)) >= len(kind) + 3 and "。" not in text and len(text) <= 90


def find_title(lay: Layout) -> tuple[list[TitleCandidate], list[Span]]:
    """Title candidates (scored) and the 《…》 spans that are citations."""
    candidates: list[TitleCandidate] = []
    cited: list[Span] = []
    lines = lay.content()
    doc = lay.doc
    issue = alternation(words()["plan"]["issue_verbs"])
    cite = alternation(words()["plan"]["cite_markers"])
    header_label = _header_label_re()
    for n, line in enumerate(lines):
        text = line.text
        if line.index < lay.header_end or header_label.search(text):
            text = ""  # the metadata header (分 类: 宏观经济;意见) is not a heading
        # the body's heading line, possibly with its period or its end on the next line
        plain = text.strip("《》 ")
        if _is_title(plain) and not text.endswith("通知"):
            offset = text.index(plain[:1])
            candidates.append(TitleCandidate(doc.span(line.start + offset, line.start + offset + len(plain)), 3,
                                             "heading"))
        elif text and n + 1 < len(lines) and len(text) <= 60 and "。" not in text and not re.search(r"[：:，,]$", text):
            nxt = lines[n + 1]
            if (nxt.index == line.index + 1 and _is_title(text + nxt.text) and not nxt.text.endswith("通知")
                    and not header_label.search(nxt.text) and len(nxt.text) <= 40):
                candidates.append(TitleCandidate(doc.span(line.start, nxt.end), 3, "heading"))
        # 《…》 in the text
        for match in re.finditer(r"《([^《》]{4,90})》", text):
            inner = match.group(1)
            span = doc.span(line.start + match.start(1), line.start + match.end(1))
            before = text[: match.start()]
            clause = re.split(r"[，。；,;：:]", before)[-1]
            after = text[match.end(): match.end() + 24]
            issued = re.search(rf"({issue})(了|的)?\s*$", before) or re.search(r"关于\s*$", before)
            numbered = re.match(r"\s*[（(][^）)]*〔\s*\d{4}\s*〕", after)
            if (numbered and not issued) or re.search(cite, clause):
                cited.append(span)  # 依据《…》（国发〔2017〕35号）; but 印发《…》（甬政办发〔2025〕31号）is the plan
                continue
            notice = re.fullmatch(r"(.{2,40}?)关于印发(.+)的通知", inner)
            if notice:
                inner = notice.group(2)
                span = doc.span(span.start + notice.start(2), span.start + notice.end(2))
            if not _is_title(inner):
                continue
            announced = re.match(r"\s*([（(]以下简称|已经|业经|经|已|于|印发|现印发)", after)
            score = 3 if issued or announced else 1
            candidates.append(TitleCandidate(span, score, "quoted"))
        # a notice title without 《》: X关于印发Y的通知 / X印发Y
        for match in re.finditer(r"(?:关于印发|印发了?|发布了?)([^《》，。；]{6,90}?)(?:的通知|[。；，]|$)", text):
            inner = match.group(1).strip()
            if _is_title(inner):
                start = line.start + match.start(1) + match.group(1).index(inner[:1])
                candidates.append(TitleCandidate(doc.span(start, start + len(inner)), 3 if "通知" in text else 2,
                                                 "notice"))
    return candidates, cited


def choose_title(candidates: list[TitleCandidate]) -> Span | None:
    """The best-voted title; its 《…》 form is preferred for output, as notices print it."""
    groups: dict[str, list[TitleCandidate]] = {}
    for c in candidates:
        groups.setdefault(norm(_unify(c.span.text)), []).append(c)
    if not groups:
        return None
    best = max(groups.values(), key=lambda g: (sum(c.score for c in g), -min(c.span.start for c in g)))
    for source in ("quoted", "notice", "heading"):
        for c in best:
            if c.source == source:
                return c.span
    return best[0].span


def _unify(text: str) -> str:
    return re.sub(r"[~～－—–至到]", "-", text)


# -- the rest of the metadata --------------------------------------------------------

def read_metadata(lay: Layout) -> Metadata:
    meta = Metadata()
    candidates, meta.cited = find_title(lay)
    title = choose_title(candidates)
    if title:
        meta.title = title
        meta.title_text = re.sub(r"\s+", " ", title.text).strip()
        meta.title_surface = re.sub(r"\s+", " ", title.surface).strip()
        meta.kind = kind_of(meta.title_text)
        period = PERIOD.search(meta.title_text)
        if period:
            meta.period = (int(period.group(1)), int(period.group(2)))
    meta.body_start, meta.notice_end = _body_start(lay, meta, candidates)
    header = lay.header
    meta.index_number = header.get("index_number")
    meta.category = header.get("category")
    meta.doc_number = _doc_number(lay, meta)
    meta.date_issued = _date(header.get("date_issued")) or _signature_date(lay, meta)
    meta.date_published = _date(header.get("date_published")) or _page_date(lay)
    meta.measure_count, meta.measure_count_evidence = _declared_count(lay, meta)
    meta.issuers = _issuers(lay, meta)
    return meta


def _body_start(lay: Layout, meta: Metadata, candidates: list[TitleCandidate]) -> tuple[int, int]:
    """The plan's own text starts after its heading line (the last heading-like title line)."""
    if not meta.title:
        return _after_signature(lay), _after_signature(lay)
    key = norm(_unify(meta.title_text or ""))
    headings = [c for c in candidates if c.source == "heading" and norm(_unify(c.span.text)) == key]
    if not headings:
        # a heading that lost its words (only its period is printed) or differs slightly
        headings = [c for c in candidates if c.source == "heading"
                    and _similar(norm(_unify(c.span.text)), key)]
    if headings:
        span = headings[-1].span
        line = _line_at(lay, span.end - 1)
        start = line.index + 1
        if start < len(lay.lines) and PERIOD.fullmatch(lay.lines[start].text.strip()):
            start += 1
        return start, _line_at(lay, span.start).index
    after = _after_signature(lay)
    return after, after


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
        if SIGNATURE_DATE.match(line.text):
            nxt = line.index + 1
            while nxt < len(lay.lines) and re.fullmatch(r"[（(]此件.{0,8}[)）]", lay.lines[nxt].text):
                nxt += 1
            return nxt
    return 0


#: （甬政办发〔2025〕31号，以下简称…） right after a title's closing 》
NUMBER_BESIDE = re.compile(r"\s*[（(]\s*(" + DOC_NUMBER.pattern + ")")


def _doc_number(lay: Layout, meta: Metadata) -> str | None:
    doc = lay.doc
    value = lay.header.get("doc_number")
    if value:
        match = DOC_NUMBER.search(value)
        if match:
            start = doc.text.find(match.group(0))
            return doc.surface(match.group(0), start if start >= 0 else None)
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
                  or re.fullmatch(r"[（(]\s*(" + DOC_NUMBER.pattern + r")\s*[)）]", text))
        if inline:
            start = line.start + inline.start(1)
            return lay.doc.quote(start, start + len(inline.group(1)))
        match = DOC_NUMBER.fullmatch(text)
        if match:
            return line_surface(lay, line).strip()
        broken = BROKEN_DOC_NUMBER.match(text)
        if broken:
            return f"{broken.group(1)}〔{broken.group(2)}〕{broken.group(3)}号"
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


def _signature_date(lay: Layout, meta: Metadata) -> str | None:
    """The date under the notice's signature: a line that is only a date, before the plan's text."""
    limit = meta.body_start if meta.body_start else min(len(lay.lines), 40)
    for line in lay.lines[:limit]:
        match = SIGNATURE_DATE.match(line.text)
        if match:
            return _date(line.text)
    return None


def _page_date(lay: Layout) -> str | None:
    """A page's own 时间: 2022-12-30 … 来源: … line (not a repost's timestamp with 作者)."""
    for line in lay.lines[:30]:
        match = re.match(r"^(?:发布)?(?:时间|日期)\s*[:：]\s*(\S+)", line.text)
        # a repost's stamp names its author or, on a 发布时间 line, counts its readers
        reposted = "作者" in line.text or (line.text.startswith("发布") and re.search(r"浏览|点击|阅读数", line.text))
        if match and not reposted and ("来源" in line.text or line.text.startswith("日期")):
            return _date(match.group(1))
    return None




def _declared_count(lay: Layout, meta: Metadata) -> tuple[int | None, str | None]:
    if meta.title_text:
        match = re.search(r"([一二三四五六七八九十百]{1,4}|\d{1,3})条(?:措施|政策|意见|举措)", meta.title_text)
        if match:
            return chinese_number(match.group(1)), match.group(0)
    for line in lay.content():
        for match in COUNT.finditer(line.text):
            value = chinese_number(match.group(1))
            if value and value > 1:
                return value, match.group(0)
    return None, None


# -- issuers ----------------------------------------------------------------------------

AGENCY_END = re.compile(r"(厅|局|委|办|政府|办公厅|办公室|委员会|领导小组|分行|管委会)$")


def _issuers(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    lines = lay.content()
    # 1. the notice title: X关于印发…的通知 / X关于《…》的通知 / X印发…的通知; without a heading to
    #    mark the plan's text, the notice runs to the first section
    window = max(meta.body_start, 1) + 1
    if meta.body_start == 0:
        window = next((k for k, line in enumerate(lines) if re.match(r"^[一二三四五六七八九十]+、", line.text)),
                      min(len(lines), 40))
    for line in lines[:window]:
        text = re.sub(r"^[|\s]*(?:标\s*题\s*[:：]\s*\|?\s*)?", "", line.text)
        match = re.match(r"^(.{3,80}?)(?:关于(?:印发|转发|《)|印发《?)", text)
        if match and ("通知" in text or text.endswith(("关于印发", "印发"))):
            head = match.group(1)
            if AGENCY_END.search(head.split()[-1] if head.split() else head):
                found += [(name, text) for name in _names(head)]
                break
    # 2. the signature block over the notice's date
    found += _signature(lay, meta)
    if found:
        return _dedupe(found)
    # 3. a report: X（正式/联合）印发（了/的）《title》, also with the short name 《若干措施》
    for name_list, evidence in _reported_issuers(lines, meta):
        return _dedupe([(n, evidence) for n in name_list])
    # 4. the page header's 发布机构
    publisher = lay.header.get("publisher")
    if publisher:
        return [(publisher, f"发布机构：{publisher}")]
    return []


REPORT_VERB = re.compile(r"(联合印发|正式印发|印发|发布|出台|制定)(了|的)?(关于公开征求)?《?$")
TIME_WORDS = re.compile(r"\d{1,2}月\d{1,2}日|日前|近日|今天|今年|正式|联合|此次|近期|对于")


def _reported_issuers(lines: list[Line], meta: Metadata):
    """Bodies named before 印发/发布 of the plan in a report (yields name lists)."""
    keys = []
    if meta.title_text:
        keys.append(norm(meta.title_text)[:6])
    if meta.kind:
        keys.append(meta.kind + "》")
    for line in lines:
        text = line.text
        passive = re.search(r"(?:已|并)?由([^，。；：:“”《》]{2,60}?)(?:联合|正式)?(?:印发|发布)", text)
        if passive and any(key in text for key in keys if key):
            names = _names(passive.group(1))
            if names:
                yield names, text
        for key in keys:
            for hit in re.finditer(re.escape(key), text):
                before = text[: hit.start()].rstrip("《")
                verb = REPORT_VERB.search(before + ("《" if key.endswith("》") else ""))
                if not verb:
                    continue
                head = re.split(r"[，。；：:,;]", before[: verb.start()])[-1]
                head = re.sub(r"关于$", "", TIME_WORDS.sub("", head).strip())
                names = _names(head)
                if len(names) == 1 and _is_region(names[0]):
                    names = [names[0] + "人民政府"]
                if names:
                    yield names, text


def _is_region(name: str) -> bool:
    from loaders.lexicon import regions

    return bool(regions().lookup(name))


def _names(head: str) -> list[str]:
    from loaders.agencies import split_names

    names = []
    for name, _offset in split_names(head):
        name = re.sub(r"^(对于|由)", "", name)
        if name:
            names.append(name)
    return names


def _signature(lay: Layout, meta: Metadata) -> list[tuple[str, str]]:
    limit = meta.body_start if meta.body_start else min(len(lay.lines), 40)
    lines = lay.lines[:limit]
    for i, line in enumerate(lines):
        if not SIGNATURE_DATE.match(line.text):
            continue
        names: list[tuple[str, str]] = []
        j = i - 1
        while j >= 0 and len(lines[j].text) <= 40 and not re.search(r"[。：:，,]", lines[j].text):
            pieces = _names(lines[j].text)
            if not pieces or not all(AGENCY_END.search(re.sub(r"[（(].*[)）]$", "", p)) for p in pieces):
                break
            names[:0] = [(p, lines[j].text) for p in pieces]
            j -= 1
        if names:
            return names
    return []


def _dedupe(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen, out = set(), []
    for name, evidence in pairs:
        if name not in seen:
            seen.add(name)
            out.append((name, evidence))
    return out
