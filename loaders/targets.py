"""Dated goals (Target): 到2027年…算力规模超过60EFLOPS, 到2030年…打造…高地.

A goal clause is one governed by a year phrase (到2027年, 2027年底前, 力争到…, 到“十四五”期末;
2027年， where a plan's section or a report's frame makes it a goal year, or where it is later
than the plan's first year; 年底前 in a one-year work plan): the clauses after the phrase up to
the next one. A goal section is a numbered one (一、发展目标), an item titled as one ((二)行动目标),
a bare heading that names one (主要目标) or a paragraph labelled as one (远期目标：…); in a
one-year work plan its goal section states that year's goals. There the year carries on through
the following sentences, and into a later paragraph that is a listed goal (——, 1.), follows a
colon or a heading, counts something or opens with a label sentence; elsewhere (a report, a 解读,
a measure) only through sentences and paragraphs that count something and report nothing. What
precedes the phrase is not a goal (the bullet's label, 人工智能新产业…不断涌现，到2025年…), nor are
short state sentences heading the goals after them (创新能力持续增强。…), nor what reports a fact
(截至2024年底, a year before the plan's own, 已…, 近年来…, …在发布会上介绍), asks a question, or
comments on the plan (标志着…). One target per counted quantity (value and unit as written, no
conversion; a range keeps its lower end in ``value`` and the upper in ``value_max``; 百家 is 100
家, 超万个 1 万个, 万亿级 1 万亿元); a clause without a count is a qualitative target, unless it
states a means (依托…), a manner (以…牵引), a purpose (支撑引领…, 促进…), a partner (与…，共同…),
an aim beyond the year (未来…), a routine (每年…) or is boilerplate (结合实际，制定本方案). A target
stated inside a task measure belongs to the measure; a report's lead above the plan text gives
the goals the text does not state (``lead_targets``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from loaders.document import Document, Span, simplified_chars
from loaders.layout import DECLARED_COUNT, Line, chinese_number
from loaders.lexicon import alternation, words
from loaders.outline import Measure, Outline, section_kind, state_reached
from loaders.responsibility import label_regex
from loaders.tables import main_cell
from loaders.target_norm import normalise_value

#: what may follow the year of a deadline: 到2027年底前, 到2025年6月底; not a day (至2025年11月25日) or a
#: month of the past (于2026年2月出台)
_DEADLINE_TAIL = r"(?:\d{1,2}\s*月\s*(?:底|末)\s*前?|(?!\s*\d{1,2}\s*月)(?:底|末)?\s*(?:前|时)?)"
YEAR_PHRASE = re.compile(
    rf"(?:力争|争取|计划|预计|确保)?\s*(?:到|至|于|在(?=\s*20\d{{2}}\s*年\s*(?:\d{{1,2}}\s*月)?\s*(?:底|末)?\s*前))"
    rf"\s*(?P<goal>20\d{{2}})\s*年\s*{_DEADLINE_TAIL}\s*[，,]?"
    # 2027年，… / 2027年底，… / 2027年前，…: a year opening its sentence (a deadline with 前 too)
    r"|(?:^|(?<=[，,。；;：:—]))\s*(?P<opening>20\d{2})\s*年\s*(?:(?:底|末)\s*前?\s*[，,]?|前?\s*[，,]"
    # 2024年初步实现…: a paragraph that opens with the year a stage of its goals is reached, no comma
    r"|(?<=^\d{4}年)(?=(?:初步|基本|全面|率先)(?:实现|建成|完成|形成|建立)))"
    # 预计2028年前培育…, 目标2030年产值达…, 盼2027年吸引…: a report's aim for a year, without 到 (as Taiwan
    # and Hong Kong news write it); only a year after the page's own is a goal (预计2021年增长15%: an estimate)
    rf"|(?:目标是?|预计|预期|可望|盼|希望|期望|力拚|力拼)\s*(?:在|于)?\s*(?P<aim>20\d{{2}})\s*年\s*{_DEADLINE_TAIL}\s*[，,]?"
    # 根据方案，2027年全市…将突破500亿元: a year opening its clause, its subject then said to be going to
    r"|(?:^|(?<=[，,。；;：:]))\s*(?P<will>20\d{2})\s*年\s*(?=[^，,。；;\d]{2,24}?将(?!于|在))"
    # 将于2026年1月1日正式成立…: the day set for a body or a facility to start (not 起施行, a rule in force)
    r"|将于\s*(?P<onday>20\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*"
    r"(?=(?:正式)?(?:成立|建成|启用|上线|开通|投入使用|投用|揭牌|挂牌))"
    # 到“十四五”期末: the last year of a five-year plan period (2025)
    r"|(?:力争|争取|确保)?\s*(?:到|至)\s*[“\"]?十(?P<fyp>[三四五六])五[”\"]?\s*(?:时期|期)?末\s*[，,]?"
    # 截至2024年底，全省已建成…: the date of a reported fact; what follows is no goal
    r"|(?:截至|截止(?:到|至)?)\s*(?P<status>20\d{2})\s*年[^，,。；;]{0,8}?[，,]?"
    # 年底前基本实现…: a deadline within the year of a one-year work plan (2023年工作要点)
    # 未来三年，…, 经过三年努力，…, 力争用三年时间，…: the years of a plan of three (dated only when its
    # period is known)
    r"|(?:^|(?<=[，,。；;：:]))\s*(?:力争|确保|争取)?\s*(?:未来|今后|(?:经过|通过|用))\s*(?P<ahead>[两二三四五2-5])\s*年"
    r"(?:左右)?(?:的)?(?:时间)?(?:的)?(?:努力|内|间)?\s*[，,]"
    r"|(?:^|(?<=[，,。；;：:]))\s*(?:力争|确保|争取)?\s*(?P<inyear>年底前|今年底前?|年内|(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月(?:底|末)?前)\s*[，,]?"
    # 政府今年内会推出…: this year, the year the page was written in (not 截至今年底, a reported fact)
    r"|(?<!截至)(?<!截止)(?<!到)(?<!至)(?P<thisyear>今年\s*(?:内|年内|年?底前?|年底))\s*[，,]?")
#: the title of a plan for one year's work: its year dates the deadlines within the year (年底前…)
WORK_YEAR = re.compile(r"^[^\d]*(20\d{2})\s*年度?[^\d]{0,16}(?:工作要点|重点工作|工作计划|工作安排|工作方案|行动方案|"
                       r"行动计划|实施方案|推进方案|工作任务)$")
BOILERPLATE = re.compile(
    r"如下|本方案|本计划|本措施|本政策|本意见|制定|结合实际|为实现上述目标|具体.{0,4}如下|现将|现就|特制|提到|方面$|[：:]$"
    r"|^经[^，,。；;]{1,16}(?:同意|批准)$"  # 经省政府同意: the notice's formula
    # 提出了到2025年发展量化指标: what a report says the plan sets, its goals' name, not a goal
    r"|^\s*(?:发展|主要|预期|具体|总体)?(?:量化)?(?:指标|目标)\s*$")
CN_QUANTITY = "一二两三四五六七八九十"


@cache
def _units() -> list[str]:
    """Units as written: the listed ones, and every classifier with a 万/亿/千 magnitude before it."""
    section = words()["targets"]
    units = list(section["units"])
    units += [m + u for u in section["units"] for m in ("万", "亿", "千")
              if u[:1] not in "万亿千百" and not u.isascii()]
    for classifier in section["classifiers"]:
        units += [classifier, *(m + classifier for m in ("万", "亿", "千", "百万"))]
    return units


@dataclass
class Goal:
    year: int
    metric: str  # surface
    value: float | None
    value_max: float | None
    unit: str | None
    comparator: str | None
    qualitative: bool
    text: str  # surface of the clause
    span: Span
    owner: Measure | None
    #: the clause in Simplified, where sites are looked for
    clause: str


def work_year(title: str | None) -> int | None:
    """The year of a one-year work plan (数字威海建设2023年工作要点), which dates its 年底前 deadlines."""
    match = WORK_YEAR.match(re.sub(r"\s+", "", title or ""))
    return int(match.group(1)) if match else None


def earliest_year(date_issued: str | None, period: tuple[int, int] | None) -> int | None:
    """The first year a plan can set a goal for: the year it was signed, else the first of its period.
    A year before it (2024年，全市核心产业规模达到120亿元 in a plan of 2025) reports a fact."""
    if date_issued and re.match(r"20\d{2}", date_issued):
        return int(date_issued[:4])
    return period[0] if period else None


def read_targets(doc: Document, body: list[Line], outline: Outline, plan_year: int | None = None,
                 earliest: int | None = None, period: tuple[int, int] | None = None,
                 now: int | None = None) -> list[Goal]:
    """The dated goals of the plan's text; ``plan_year`` is the year of a one-year work plan,
    ``earliest`` the first year the plan can set a goal for, ``period`` the plan's years (which
    date 未来三年 in a plan of three), ``now`` the year the page was written (which dates 今年内)."""
    goals: list[Goal] = []
    year: int | None = None
    previous: Line | None = None
    bare_goals = False  # under an unnumbered goal heading (主要目标, 总体要求) the outline does not know
    bare_annual = False  # …which only states goals (主要目标, not 总体要求)
    last_metric: dict[str | None, str] = {}
    goals_line: Line | None = None  # the last line that stated goals
    lines = [line for line in body if not line.chrome]
    # a goal section of its own (主要目标, 一、年度目标): the plan states its goals there, not in its tasks
    stated_goals = any(section.kind == "goals" for section in outline.sections) or any(
        _bare_heading(line.text) and _names_goal_section(line.text) for line in lines)
    headings = {line.index for n, line in enumerate(lines)
                if _task_heading(line.text, lines[n + 1] if n + 1 < len(lines) else None)}
    for line in lines:
        if line.index in headings:
            previous = line  # - 二.做强一个产业集群: the heading of the text under it, which keeps the year
            continue
        section = outline.section_at(line)
        owner = outline.measure_at(line)
        if section is None and _bare_heading(line.text):
            bare_goals = _names_goal_section(line.text)
            bare_annual = bare_goals and _annual_title(line.text)
        elif owner is not None and not _is_goal_item(owner):
            bare_goals = False  # the tasks have begun
        kind = "goals" if bare_goals and section is None else _context(section, owner, line)
        heading = _is_heading(line, outline)
        section_line = section.line if section is not None else None
        dash = line.text.startswith(("——", "--"))
        # the year of a goal paragraph carries on through its goal section and its bullets; outside a
        # goal section (a report, a preamble) only into a paragraph that states counted goals
        carries = dash or (kind == "goals" and _goal_paragraph(previous, line)) or (
            kind is None and (_counts_goals(line.text) or THEN.match(line.text) is not None))
        if (heading or not carries or not _continues(previous, line) or _ends_intro(previous)
                or (kind is None and _is_headline(previous))):
            year = None
        if year is None and not heading and plan_year and (
                _annual_goals(section) or (kind == "goals" and section is None and bare_annual)):
            year = plan_year  # 一、年度工作目标 (or a bare 主要目标) of a 2022 work plan: its goals are the year's
        lead_in = previous.text if previous is not None and previous.index == line.index - 1 else ""
        previous = line
        if section is not None and section.kind == "other":
            continue
        if kind == "goals" and owner is not None and section is not None and section.kind == "goals":
            owner = None  # (二)发展目标 under 一、总体要求: the plan's goals, not a task's
        elif owner is not None and _is_goal_item(owner):
            owner = None
        if not _continues(goals_line, line):
            last_metric = {}
        found = len(goals)
        if year is None and plan_year and not stated_goals and kind != "goals" and owner is not None \
                and section_line is not line and not _dated_otherwise(line.text):
            # a task of a one-year work plan without goals of its own that counts what it delivers
            # (培育10个以上标杆): the year's goals, its counted ones only (the rest of the task is work);
            # a deadline within the year (年底前基本实现…) states its own goals first, as anywhere
            if YEAR_PHRASE.search(line.text):
                year = _line_goals(doc, line, owner, year, kind, goals, plan_year, earliest, last_metric, period,
                                   now, lead_in)
            stated = {(goal.value, goal.unit) for goal in goals[found:]}
            counted = len(goals)
            for sentence in re.finditer(r"[^。；;！!？?]+", line.text):
                if _counts_goals(sentence.group(0)) and not _listed_regex().search(sentence.group(0)):
                    span = doc.span(line.start + sentence.start(), line.start + sentence.end())
                    _segment_goals(doc, line, span, plan_year, owner, True, False, last_metric, goals)
            goals[counted:] = [goal for goal in goals[counted:] if not goal.qualitative and _delivers(goal)
                               and (goal.value, goal.unit) not in stated]
        else:
            year = _line_goals(doc, line, owner, year, kind, goals, plan_year, earliest, last_metric, period, now,
                               lead_in)
        if len(goals) > found:
            goals_line = line
    return _without_repeats(goals)


def _dated_otherwise(text: str) -> bool:
    """Does a task's line date a goal by a phrase other than one within the work plan's own year (年内,
    年底前, 今年底): 到2027年…, 截至2024年底…, 未来三年… (年内新增5G基站1650座 beside 新增端口2.7万个 is
    the year's work all through)."""
    return any(not (hit.group("inyear") or hit.group("thisyear")) for hit in YEAR_PHRASE.finditer(text))


#: ongoing work (持续推动…, 继续做好…): no goal of the year, whatever it counts
ONGOING = re.compile(r"^(?:持续|继续|不断|扎实|认真)")


def _delivers(goal: Goal) -> bool:
    """Does a task's count state what the year delivers: a count verb or a comparator before the
    number (培育10个以上标杆, 集聚企业累计达到150家), not the work done on a number of things
    (做好全市15个重点项目建设, 持续推动20户以上自然村光纤接入)?"""
    clause = LEAD.sub("", goal.clause.strip())
    raw = goal.clause.strip()  # 新增端口2.7万个: LEAD sets 新增 and 累计 aside, but they say what is delivered
    first = re.search(r"\d", raw)
    before = raw[: first.start()] if first else raw
    if before.count("“") > before.count("”"):
        return False  # 建设“24小时不打烊”大厅: a number inside a quoted name counts nothing
    return not ONGOING.match(clause) and bool(
        re.search(rf"{_item_verbs()}|达到|达|突破|超过|超|累计|新增", before))


#: what opens a listed goal: a bullet or an item number
BULLET = re.compile(r"^\s*(?:——|--|—|-|•|·|●|\?)")


def _goal_paragraph(previous: Line | None, line: Line) -> bool:
    """In a goal section, does a paragraph without a year of its own go on with the goals of the one
    before? It does when it is a listed goal (——…, 1.…), follows a line that ends with a colon or a
    heading line, counts something, or opens with a label sentence (人工智能创新支撑显著增强。…);
    a paragraph of another kind (who coordinates, how the work is run) states no goal of that year."""
    text = line.text.strip()
    if BULLET.match(text) or ITEM_NUMBER.match(text) or _counts_goals(text):
        return True
    if previous is not None and (previous.text.rstrip().endswith(("：", ":")) or _bare_heading(previous.text)
                                 or _numbered_heading(previous.text)):
        return True
    first = re.split(r"[。！？!?]", text, maxsplit=1)[0]
    return len(first) <= 16 and not re.search(r"[，,；;]", first) and len(first) < len(text) - 2


#: a number that opens a heading line: （二）, 2., 二、, 二. (after a list marker such as -)
HEADING_NUMBER = re.compile(r"^\s*[-•·●]?\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}\s*[.．、]"
                            r"|[一二三四五六七八九十]{1,2}\s*[.．、])")


def _numbered_heading(text: str) -> bool:
    """A short numbered line without punctuation ((一)形成产品矩阵, 1.算力基础设施)."""
    number = HEADING_NUMBER.match(text)
    rest = text[number.end():].strip() if number else ""
    return 0 < len(rest) <= 20 and not re.search(r"[，,。；;：:]", rest)


def _task_heading(text: str, following: Line | None) -> bool:
    """A numbered line without punctuation that opens with a verb (- 二.做强一个产业集群, （一）形成产品矩阵)
    heads the paragraph under it; in a list of such lines each is a goal (1.建成…先导区 / 2.…), and so is
    one that names a state ((三)产业生态更加完善)."""
    number = HEADING_NUMBER.match(text)
    if number is None or (following is not None and (HEADING_NUMBER.match(following.text)
                                                     or BULLET.match(following.text))):
        return False
    rest = text[number.end():].strip()
    return (_numbered_heading(text) and not re.search(r"\d", rest)
            and (rest.startswith(_task_verbs()) or bool(GOAL_VERB.match(rest))))


def _names_goal_section(text: str) -> bool:
    """Is a bare line the heading of a goal section (主要目标, 年度工作目标, 总体要求), not a headline that
    names goals (江北明确发展目标)?"""
    plain = re.sub(r"\s", "", text)
    return plain in words()["outline"]["goal_sections"] or bool(re.fullmatch(
        r"(?:年度|总体|主要|近期|中期|远期|分项|具体|阶段性?)?(?:工作|发展|建设|行动|预期)?(?:目标|要求)(?:任务)?",
        plain))


def _bare_heading(text: str) -> bool:
    """A line that only names a part of the text, without a number (主要目标, 总体要求, 主要任务)."""
    plain = text.strip()
    return 2 <= len(plain) <= 12 and not re.search(r"[\d，,。；;：:、（）()“”]", plain)


#: a paragraph that opens by naming the goals it states (近期目标：到2022年，…; 总体目标: …)
GOAL_LABEL = re.compile(r"^\s*[^，,。；;：:\d]{0,6}目标\s*[：:]")


def _context(section, owner: Measure | None, line: Line) -> str | None:
    """What a line of the body states: "goals" in a goal section, an item titled as one ((二)行动目标
    under an unnumbered 总体要求) or a paragraph labelled as one (远期目标：…); "measures" in a task
    section; None elsewhere (a report, a preamble)."""
    if section is not None and section.kind == "goals":
        return "goals"
    if (section is None or section.kind != "measures") and owner is not None and _is_goal_item(owner):
        return "goals"
    if GOAL_LABEL.match(line.text):
        return "goals"
    return section.kind if section is not None and section.kind == "measures" else None


def _is_goal_item(measure: Measure) -> bool:
    """An item whose title (or an enclosing item's) names a goal section: (二)行动目标, 1.发展目标."""
    item: Measure | None = measure
    while item is not None:
        if section_kind(item.title.text) == "goals":
            return True
        item = item.parent
    return False


def _annual_goals(section) -> bool:
    """A section that only states goals (主要目标, 年度工作目标), not the approach beside them
    (工作思路和目标, 总体要求): in a one-year work plan its undated goals are the year's."""
    return section is not None and section.kind == "goals" and _annual_title(section.title)


def _annual_title(title: str) -> bool:
    return "目标" in title and not re.search(r"思路|要求|原则|愿景", title)


def lead_targets(doc: Document, lead: list[Line], stated: list[Goal], earliest: int | None = None,
                 period: tuple[int, int] | None = None, now: int | None = None) -> list[Goal]:
    """Goals a report states above the plan's own text (…印发《方案》。其中提到，到2027年，…).

    Where the plan's goal section that follows states every counted goal of the lead, the lead only
    repeats it and gives nothing. Where the page stops before the goal section, or inside it, the
    lead's goals that the text does not state are the plan's goals too.
    """
    found = read_targets(doc, lead, Outline([], []), earliest=earliest, period=period, now=now)
    counted = [goal for goal in found if not goal.qualitative]
    if counted and all(any(_same_goal(goal, other) for other in stated) for goal in counted):
        return []
    return [goal for goal in found if not any(_same_goal(goal, other) for other in stated)]


def _same_goal(goal: Goal, other: Goal) -> bool:
    """The same goal stated twice: same year and count, or an uncounted goal in nearly the same words."""
    if goal.year != other.year:
        return False
    if not goal.qualitative:  # 突破千亿元 and 突破1000亿元 are one count
        return not other.qualitative and _normalised(goal) == _normalised(other)
    return _shared_characters(goal.metric, other.metric) >= 0.7


def _normalised(goal: Goal) -> tuple:
    value, unit, _kind = normalise_value(goal.value, goal.unit)
    upper = normalise_value(goal.value_max, goal.unit)[0] if goal.value_max is not None else None
    return value, upper, unit


def _shared_characters(a: str, b: str) -> float:
    """Share of the shorter text's characters the longer one holds too (word order aside)."""
    a, b = (re.sub(r"\W", "", x) for x in (a, b))
    if not a or not b:
        return 0.0
    short, long_ = sorted((a, b), key=len)
    pool = list(long_)
    hits = 0
    for ch in short:
        if ch in pool:
            pool.remove(ch)
            hits += 1
    return hits / len(short)


#: the closing article (本措施自2025年8月15日起施行，有效期3年，由市经信局负责解释) holds no goal
IN_FORCE = re.compile(r"本(?:政策|办法|措施|方案|规定|细则|计划|通知)自.{0,20}施行|有效期|负责解释")
#: what a quantity measures when the text names it before the number
MEASURED_NOUN = re.compile(r"(?:规模|总量|能力|比重|占比|比例|率|产值|营收|收入|增加值|容量|总数)$")
#: a sentence that sets up how the plan is run (建立由区科委牵头，会同…的工作推进机制), not a goal; a
#: mechanism the goals build for the field itself (构建起…部门协同的一体化推进机制) is one of them
ORGANIZATIONAL = re.compile(r"由[^，。；]{2,30}牵头|会同[^。；]{2,60}(?:机制|专班)|工作(?:推进)?机制|协调机制|工作专班")


def _organizational(line: Line, clause: Span) -> bool:
    text = line.text
    at = clause.start - line.start
    start = max(text.rfind(ch, 0, at) for ch in "。；;!！") + 1
    ends = [i for i in (text.find(ch, at) for ch in "。；;!！") if i >= 0]
    sentence = text[start:min(ends) if ends else len(text)]
    found = [m for m in ORGANIZATIONAL.finditer(sentence)
             if not (m.group().endswith("机制") and (FIELD_OF_WORK.search(sentence, 0, m.start())
                                                     or FIELD_MECHANISM.search(sentence, 0, m.start())))]
    return bool(found)


#: a mechanism named by the field it runs, right after the verb that builds it (到2025年底，构建公共数据资源
#: 开发利用工作机制): a goal for that field; not one described by who runs it (建立由…牵头…的工作推进机制)
FIELD_MECHANISM = re.compile(r"(?:构建|建立|形成|健全|完善)(?:起)?[^，,。；;、的由和与及]{4,20}$")


#: the field a mechanism is built for (在低空飞行管理、服务保障等方面构建起…的工作机制): a goal for that
#: field, not the arrangement that runs the plan
FIELD_OF_WORK = re.compile(r"在[^，,。；;]{2,40}?(?:方面|领域)[^，,。；;]{0,6}?(?:构建|建立|形成|健全)")


@cache
def _listed_regex() -> re.Pattern[str]:
    return re.compile(rf"(?:^|(?<=[。；;]))\s*(?:{label_regex().pattern})")


def _is_headline(line: Line | None) -> bool:
    """A report's headline (…到2027年核心产业规模突破500亿元) ends without punctuation; its year
    does not carry into the report's first paragraph."""
    return line is not None and not re.search(r"[。；;！!？?：:，,、）)”]\s*$", line.text)


def _without_repeats(goals: list[Goal]) -> list[Goal]:
    """A headline or lead that repeats a goal of the text in fewer words (核心产业规模突破500亿元,
    then 全省人工智能核心产业规模突破500亿元) is the same goal: the fuller statement stays."""
    def key(goal: Goal):
        return goal.year, goal.value, goal.unit, goal.owner.key if goal.owner else None

    same: dict[tuple, set[str]] = {}  # the metrics each count is stated with
    for goal in goals:
        if not goal.qualitative:
            same.setdefault(key(goal), set()).add(goal.metric)
    out = []
    for goal in goals:
        if goal.qualitative:
            out.append(goal)
            continue
        core = _core(goal.metric)
        if not any(len(other) > len(goal.metric) and core in other for other in same[key(goal)]):
            out.append(goal)
    return out


def _core(metric: str) -> str:
    return LEAD.sub("", metric).strip()


def _year_phrases(text: str) -> list[re.Match[str]]:
    """``YEAR_PHRASE``'s matches in ``text``. Every phrase holds 年, 月 or 末, and most lines hold none of
    them: those are not scanned (the pattern tries every alternative at every character)."""
    if "年" in text or "月" in text or "末" in text:
        return [m for m in YEAR_PHRASE.finditer(text) if not _past_release(text, m)]
    return []


#: a release a year phrase with 于 dates (分别于2014年及2017年推出, 于2019年发布): an event, unless a verb of
#: intent comes before it (将于2026年推出: a goal)
RELEASED = re.compile(r"[^，,。；;]{0,12}?(?:推出|发布|公布|印发|出台|颁布|举办|召开)")
INTENT = re.compile(r"(?:将|拟|计划|预计|争取|力争|确保)\s*$")


def _past_release(text: str, phrase: re.Match[str]) -> bool:
    """Is the phrase 于YEAR年 dating a release the text reports, not a goal (前两份蓝图分别于2014年及2017年
    推出)? The clause goes on to a release verb and nothing before 于 says it is yet to come."""
    at = text.find("于", phrase.start(), phrase.end())
    if not phrase.group("goal") or at < 0:
        return False
    return bool(RELEASED.match(text, phrase.end())) and not INTENT.search(text, 0, at)


def _ends_intro(previous: Line | None) -> bool:
    """A line ending in a colon introduces what follows (addressees, 重点任务中有提到：), unless it
    dates it (到2027年，实现以下目标：)."""
    return (previous is not None and previous.text.rstrip().endswith(("：", ":"))
            and not YEAR_PHRASE.search(previous.text))


def _is_heading(line: Line, outline: Outline) -> bool:
    section = outline.section_at(line)
    if section is not None and section.line is line:
        return True
    measure = outline.measure_at(line)
    return measure is not None and measure.lines and measure.lines[0] is line


def _continues(previous: Line | None, line: Line) -> bool:
    return previous is not None and line.index == previous.index + 1


def _line_goals(doc: Document, line: Line, owner: Measure | None, year: int | None, kind: str | None,
                goals: list[Goal], plan_year: int | None = None, earliest: int | None = None,
                last_metric: dict[str | None, str] | None = None,
                period: tuple[int, int] | None = None, now: int | None = None, lead_in: str = "") -> int | None:
    """The goals of one line (paragraph), added to ``goals``; returns the year that carries on into the
    next line. ``last_metric`` holds what the last count of each unit counted, for a count without
    a subject (…突破500亿元。\n到2025年突破800亿元); ``lead_in`` is the line right above it."""
    last_metric = {} if last_metric is None else last_metric
    text = line.text
    if IN_FORCE.search(text):
        return None
    if _names_goal_section(re.sub(r"[。：:]$", "", ITEM_NUMBER.sub("", text.strip()))):
        return year  # (二)分项目标。: the heading of the goals listed under it
    listed = _listed_regex().search(text)
    if listed:  # …到2024年底建成…。责任单位：市工业和信息化局，滨海新区人民政府。: the list is no goal
        text = text[: listed.start()]
    phrases = [p for p in _year_phrases(text)
               if (not p.group("opening") or _dates_goals(text, p, kind, earliest, lead_in))
               and not _ends_period(text, p)]
    dash = re.match(r"^(——|--)\s*", text)
    number = ITEM_NUMBER.match(text)
    start = number.end() if number else 0  # （一）算力规模达到10EFLOPS: the goal starts after its number
    if dash:
        # a —— bullet's first sentence is its label, unless the bullet opens with its year or that
        # sentence is all it says (——算力规模达到10EFLOPS；)
        label_end = re.search(r"[。：:]", text)
        opens_dated = phrases and phrases[0].start() <= dash.end() + 2
        whole = label_end is None or not text[label_end.end():].strip()
        start = dash.end() if opens_dated or whole else label_end.end()
    in_goals = kind == "goals"
    # (begin, end, year, dated): dated when the text follows its own year phrase, not a carried year
    segments: list[tuple[int, int, int | None, bool]] = []
    if phrases:
        if year is not None and phrases[0].start() > start and in_goals and not dash:
            segments.append((start, phrases[0].start(), year, False))
        elif dash and start > dash.end() and GOAL_VERB.match(text, dash.end()) and not phrases[0].group("status") \
                and not re.search(r"[，,；;]", text[dash.end():start]):
            # ——形成布局合理、功能完备的支撑体系。到2027年，…: a label phrased as the goal the dated
            # sentence after it counts out is a goal of that year
            segments.append((dash.end(), start, _year_of(phrases[0], plan_year, earliest, period, now), True))
        for n, phrase in enumerate(phrases):
            end = phrases[n + 1].start() if n + 1 < len(phrases) else len(text)
            if phrase.group("inyear") or phrase.group("thisyear") or phrase.group("onday"):
                # a deadline within the year binds its own clause, the task it dates, and carries no further
                # (so does the day set for a body to start: 将于…1月1日正式成立X，统筹…: what X will do)
                clause_end = re.search(r"[，,；;。]", text[phrase.end():end])
                end = phrase.end() + clause_end.start() if clause_end else end
            segments.append((phrase.end(), end, _year_of(phrase, plan_year, earliest, period, now), True))
        last = phrases[-1]
        year = None if last.group("inyear") or last.group("thisyear") or last.group("onday") else segments[-1][2]
    elif year is not None:
        segments.append((start, len(text), year, False))
    cell = main_cell(text)
    if cell is not None:  # a table row: the goal is in its task cell, not in the cells naming bodies
        segments = [(max(b, cell[0]), min(e, cell[1]), y, d) for b, e, y, d in segments
                    if max(b, cell[0]) < min(e, cell[1])]
    for n, (begin, end, seg_year, dated) in enumerate(segments):
        if seg_year is None or not 2000 <= seg_year <= 2100:
            continue
        ran_on = _segment_goals(doc, line, doc.span(line.start + begin, line.start + end), seg_year, owner,
                                dated, in_goals, last_metric, goals)
        if not ran_on and n == len(segments) - 1:
            year = None  # the goals ended inside the paragraph: its year carries no further
    return year


def _segment_goals(doc: Document, line: Line, span: Span, year: int, owner: Measure | None, dated: bool,
                   in_goals: bool, last_metric: dict[str | None, str], goals: list[Goal]) -> bool:
    """The goals of the text a year governs, sentence by sentence; False when they end before its end.

    The sentence holding the year phrase states goals. In a goal section so does every sentence after
    it; elsewhere (a report, a measure) a later sentence does only while it counts something
    (…超万亿元。该计划以…为路径 ends at 。), and a paragraph's short label sentence is skipped. Inside a
    sentence, a clause that reports a fact (…在发布会上介绍, 近年来, 已…) or comments on the plan
    (标志着…) ends the sentence's goals.
    """
    clauses = _join_open_constructions(_clauses(span))
    more = bool(re.sub(r"[\W_]", "", doc.text[span.end:line.end]))  # the paragraph goes on after this stretch
    sentences = _sentences(doc, clauses)
    series = sum(_is_heading_sentence(doc, s) for s in sentences[:-1]) >= 2
    # 到2025年，…。算力供给普惠高效，…: a paragraph that opens with its year states goals to its end
    # (also a year that opens a report's sentence: …做了战略部署。到2025年，…。整机产品达到…)
    before = doc.text[line.start:span.start]
    opening = before[max(before.rfind(ch) for ch in "。！？") + 1:].strip()
    opening = REPORT_FRAME.sub("", opening)  # 根据《行动计划》，到2026年，…: the report's source, then the year
    opens = dated and bool(YEAR_PHRASE.fullmatch(opening)) and (
        opening == before.strip() or (owner is None and opening.startswith(("到", "至"))))
    then = False
    for k, sentence in enumerate(sentences):
        if k == 0 and not dated and _is_label(sentence, clauses):
            continue  # 人工智能技术创新策源地。…: the paragraph's heading
        if (k + 1 < len(sentences) or more) and _is_heading_sentence(doc, sentence) and (
                (k == 0 and not dated) or ITEM_NUMBER.match(sentence[0].text) or series):
            # 人工智能创新支撑显著增强。到2027年底…, 1.基础设施更智能。…, and a paragraph of several such
            # (创新能力持续增强。围绕…形成50个…。应用水平显著提升。…): headings of the goals after them
            continue
        later = " ".join(c.text for c in sentence)
        # 到2020年，…。届时，数字经济生态更加完善，…: the state the year's goals reach, stated as goals too
        then = then or THEN.match(later) is not None
        if not in_goals and not (k == 0 and dated) and (
                not (_counts_goals(later) or opens or then) or re.search(r"20\d{2}\s*年", later)):
            return False  # a later sentence that counts nothing, or speaks of another year (在2025年，…)
        means = ""
        manner = granting = members = False
        # 2025至2027年获批组建的创新中心，可获补贴最高40%…: the clauses before the support a sentence
        # offers state who qualifies for it; only one there that opens with a goal's verb (培育10家…) is a goal
        offers = max((n for n, c in enumerate(sentence) if _grants(c.text) or GRANT_OFFER.search(c.text)),
                     default=-1)
        for n, clause in enumerate(sentence):
            if members:
                continue  # 打造“四高地”——A，B，C，D: the members of the named set are that one goal
            members = bool(NAMED_SET.search(clause.text))
            if n + 1 < len(sentence) and NAMED_GOAL.match(LEAD.sub("", clause.text)):
                continue  # 完成“双百”目标，建成百个…、培育百家…: the clauses after it spell the named goal out
            if _reports(clause.text) or doc.text[clause.end:clause.end + 1] in ("？", "?"):
                if not in_goals:
                    return False  # 咋实现？: a question the report asks, and what follows it, state no goal
                break
            if doc.text[clause.end:clause.end + 1] in ("：", ":") and len(clause.text) <= 8:
                continue  # 中期目标：…, 其中：…: a label for what follows the colon
            if _co_subject(clause, sentence):
                continue  # 与铁路、公路等传统基础设施，共同构建…: who shares the goal that follows
            # 对新建智算中心按投资额的10%给予补助，最高500万元: the terms of a grant (an Incentive) are no goals
            granting = _grants(clause.text) or (granting and bool(GRANT_LIMIT.match(clause.text)))
            if granting or (n <= offers and not GOAL_VERB.match(LEAD.sub("", clause.text))):
                continue
            # 实现以A、B“双核”牵引辐射带动，各地协同共进，…，打造…高地: the short clauses that go on
            # describing the manner, up to the goal's verb, are no goals either
            lead = LEAD.sub("", clause.text)
            manner = (_is_manner(lead) and _goal_after_manner(lead) is None) or (
                manner and _continues_manner(clause.text))
            if manner:
                continue
            if _cut_off(doc, line, clause, last=clause is clauses[-1]):
                found = _completed_counts(clause, year, owner)  # the page ends inside this clause
            else:
                found = _goals_of(clause, year, owner)
            if _organizational(line, clause):
                found = [g for g in found if not g.qualitative]
            for goal in found:
                goal.clause = means + goal.clause  # 依托深远海风电母港，建设…: the site serves the goal
                _borrow_metric(goal, last_metric)
            means = clause.text + "，" if not found and clause.text.startswith(_means()) else ""
            goals.extend(found)
    return True


#: a sentence that opens by pointing back to the year just named: 届时，…
THEN = re.compile(r"^\s*届时(?=[\s，,]|$)")


#: support on offer to whoever qualifies: 可获补贴, 可申请补贴资金, 可享受奖励
GRANT_OFFER = re.compile(r"可(?:获得?|申请|享受|领取)[^，,；;。]{0,6}(?:补贴|资助|奖励|奖金|补助|扶持|资金)")


#: a named set of goals whose members follow a dash: 打造低空经济“四高地”——A，B，C，D
NAMED_SET = re.compile(r"“[一二三四五六七八九十两\d]{1,2}[\u4e00-\u9fff]{1,5}”\s*(?:——|—)")

#: a goal called by its quoted name (完成“双百”目标, 实现“三个倍增”任务): a label for the counts after it
NAMED_GOAL = re.compile(r"^(?:完成|实现|达成|达到)“[^“”]{1,8}”(?:目标|任务)$")


#: the limit that follows a grant's rate (最高500万元, 单个企业每年最高不超过100万元, 连续支持3年)
#: (每家企业最多支持2个模型: a cap on how many things one grantee is supported for, too)
GRANT_LIMIT = re.compile(r"^[^，,；;]{0,10}(?:最高|不超过|最多|上限)[^，,；;\d]{0,6}\d+(?:\.\d+)?\s*"
                         r"(?:万元|亿元|元|个|项|家|次|款|台|套|名)[\u4e00-\u9fff]{0,6}$"
                         r"|^连续[^，,；;\d]{0,4}(?:\d+|[一二三四五])\s*年$")


@cache
def _grant_regex() -> re.Pattern[str]:
    return re.compile(rf"{alternation(words()['incentives']['grant_words'])}|(?<!证)券")


def _grants(text: str) -> bool:
    """A clause that grants money on terms: a grant word (补助, 算力券…) with 给予/予以/按/最高/一次性, or
    after the grantee it opens with (对年营收首次突破1亿元的企业奖励100万元: the count says who qualifies)."""
    return bool(_grant_regex().search(text)) and bool(re.search(r"给予|予以|按|最高|一次性", text)
                                                       or re.match(r"对(?!标|接|外|照)[^，,；;]{2,40}?的", text))


def _co_subject(clause: Span, sentence: list[Span]) -> bool:
    """A clause opening with 与/同 before one opening with 共同/一道 names a partner of that goal."""
    at = next((i for i, c in enumerate(sentence) if c is clause), -1)
    return (clause.text.startswith(("与", "同")) and 0 <= at < len(sentence) - 1
            and sentence[at + 1].text.startswith(("共同", "一道", "一起", "协同")))


def _continues_manner(text: str) -> bool:
    """A short clause with no goal verb and no count after a manner clause (各地协同共进)."""
    return (len(text) <= 8 and not GOAL_VERB.search(text)
            and not any(_is_quantity(m, text) for m in _quantity_regex().finditer(text)))


def _sentences(doc: Document, clauses: list[Span]) -> list[list[Span]]:
    """Clauses grouped by sentence: a new one starts after 。！？ (a ； keeps the list of goals going)."""
    out: list[list[Span]] = []
    for clause in clauses:
        before = doc.text[max(0, clause.start - 8): clause.start].rstrip(" 　")[-1:]
        if not out or before in "。！？!?":
            out.append([])
        out[-1].append(clause)
    return out


def _is_label(sentence: list[Span], clauses: list[Span]) -> bool:
    """A paragraph's first sentence that only names its theme (人工智能技术创新策源地。) heads it."""
    if len(sentence) != 1 or sentence[0] is clauses[-1]:
        return False
    text = sentence[0].text
    return (len(text) <= 16 and not re.search(r"\d", text) and not GOAL_VERB.search(text)
            and bool(_label_head().search(text)))


def _is_heading_sentence(doc: Document, sentence: list[Span]) -> bool:
    """A sentence of one short clause that states no count and opens more text (创新能力持续增强。…,
    (二)分项目标。…, 1.基础设施更智能。…) heads the goals after it. A short task (建立多元算力协同体系。)
    states one, unless it is numbered like a heading or names a state (…持续增强, …更智能)."""
    if len(sentence) != 1 or doc.text[sentence[0].end:sentence[0].end + 1] not in ("。", "！", "？", "!", "?"):
        return False  # one clause that a full stop closes, not a clause of a longer sentence
    text = sentence[0].text.strip()
    number = ITEM_NUMBER.match(text)
    core = text[number.end():] if number else text
    if re.search(r"\d", core) or not 3 <= len(re.findall(r"[\u4e00-\u9fff]", core)) <= 12:
        return False
    return (bool(number) or not core.startswith(_task_verbs()) or bool(_trend().search(core))
            or bool(re.search(r"更[\u4e00-\u9fff]{1,2}$", core)))


@cache
def _task_verbs() -> tuple[str, ...]:
    return tuple(words()["outline"]["task_verbs"])


@cache
def _label_head() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(words()['targets']['label_heads'])})$")


@cache
def _reported() -> re.Pattern[str]:
    section = words()["targets"]
    return re.compile("|".join(f"(?:{p})" for p in section["reported"] + section["narration"]))


def _reports(text: str) -> bool:
    """A clause that reports a fact, a speaker's account or a comment, not a goal."""
    return bool(_reported().search(text))


@cache
def _frame() -> re.Pattern[str]:
    """A short clause that introduces what a report quotes (计划还提出, 《方案》明确)."""
    return re.compile(rf"^[^，,；;]{{0,10}}(?:{alternation(words()['targets']['frame_verbs'])})$")


@cache
def _will_act() -> re.Pattern[str]:
    """将推动…, 山东将优化…: the future action a report attributes to someone is a task, not a goal."""
    return re.compile(rf"^[^，,；;将]{{0,6}}将(?:{alternation(words()['targets']['will_act'])})")


@cache
def _effort() -> re.Pattern[str]:
    """积极推动…, 大力开展…: an action pressed on, not a state reached."""
    section = words()["targets"]
    return re.compile(rf"^(?:{alternation(section['effort_adverbs'])})(?:{alternation(section['will_act'])})")


@cache
def _routine() -> re.Pattern[str]:
    return re.compile(alternation(words()["targets"]["routine"]))


@lru_cache(maxsize=8192)  # asked of a paragraph and again of its sentences by several rules (pure)
def _counts_goals(text: str) -> bool:
    """Does a sentence or paragraph count something as a goal (not a routine 每年…, not a report)?"""
    if _reports(text):
        return False
    for clause in re.split(r"[，,；;。]", text):
        if _routine().search(clause):
            continue
        counts: list[tuple[int, int]] | None = None  # the declared counts, read for a quantity's clause only
        for m in _quantity_regex().finditer(clause):
            if _is_quantity(m, clause):
                counts = [d.span() for d in DECLARED_COUNT.finditer(clause)] if counts is None else counts
                if not any(a <= m.start() < b for a, b in counts):
                    return True
    return False


#: the start of a period whose end a year phrase gives (从2025年初至2026年底，开展试点)
PERIOD_START = re.compile(r"(?:从|自|于)\s*20\d{2}\s*年[^，,。；;]{0,8}$")


def _ends_period(text: str, phrase: re.Match[str]) -> bool:
    """从2025年初至2026年底: the end of a period of work (a pilot, a campaign), not a deadline for a goal."""
    return bool(phrase.group("goal")) and bool(PERIOD_START.search(text[max(0, phrase.start() - 16):phrase.start()]))


def _dates_goals(text: str, phrase: re.Match[str], kind: str | None, earliest: int | None = None,
                 lead_in: str = "") -> bool:
    """A year that opens a sentence without 到 (2025年，…) dates goals in a goal section or a measure,
    after a report's frame (方案明确，2027年，…; or a line above that opens a list with it: 方案列出了
    三个关键节点——) or when it is later than the plan's own first year (the future of a plan of
    2025-2027); elsewhere it dates what happened (答：2024年，产业规模达到…)."""
    if kind in ("goals", "measures") or (earliest is not None and int(phrase.group("opening")) > earliest):
        return True
    if re.search(r"(?:^|[。；;])\s*$", text[: phrase.start()]) and _list_lead_in().search(lead_in):
        return True  # each sentence of the listed paragraph opens with its year
    start = max(text.rfind(ch, 0, phrase.start()) for ch in "。！？!?") + 1
    if re.search(r"[；;]\s*$", text[: phrase.start()]) and any(
            int(y) < int(phrase.group("opening")) for y in STAGE.findall(text[start:phrase.start()])):
        return True  # 计划到2025年，…；2027年，…: the next stage of the goals the sentence opened
    return bool(_framed().search(text[start:phrase.start()]))


#: a report's source of what follows, before a year (根据《行动计划》，, 《方案》提出，)
REPORT_FRAME = re.compile(r"^(?:根据|按照|依据)?《[^《》]{2,40}》(?:提出|明确|指出)?\s*[，,]?\s*")
#: a goal's year phrase (到2025年) earlier in the sentence, whose stages a later bare year continues
STAGE = re.compile(r"(?:到|至)\s*(20\d{2})\s*年")


@cache
def _list_lead_in() -> re.Pattern[str]:
    """A report's sentence that opens a list of the plan's goals on the lines below it (方案明确了…的
    三个阶段目标：, 方案列出了…节点——)."""
    verbs = alternation(words()["targets"]["frame_verbs"] + ["列出", "设定", "部署"])
    return re.compile(rf"(?:{verbs})[^。；;！!？?]{{0,40}}(?:[：:]|——|—)\s*$")


@cache
def _framed() -> re.Pattern[str]:
    """The end of a report's frame right before a year (方案明确，| 目标是：)."""
    return re.compile(rf"(?:{alternation(words()['targets']['frame_verbs'])}|目标是?|力争)[，,：:]?\s*$")


#: the number of a listed item: （一）, (1), 1., 1、, ①
ITEM_NUMBER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}\s*[.．、](?!\d)|[①-⑳])\s*")


def _year_of(phrase: re.Match[str], plan_year: int | None = None, earliest: int | None = None,
             period: tuple[int, int] | None = None, now: int | None = None) -> int | None:
    """The year a phrase dates its goals by (``now`` for 今年内: the year the page was written); None
    for the date of a reported fact (截至2024年底, or a year before the plan's own), for a deadline
    within the year (年底前) outside a one-year work plan, and for 未来三年 unless the plan's period
    is those years (2025-2027: 2027)."""
    if phrase.group("inyear"):
        return plan_year
    if phrase.group("thisyear"):
        return now
    if phrase.group("ahead"):
        years = int(phrase.group("ahead")) if phrase.group("ahead").isdigit() else chinese_number(phrase.group("ahead"))
        return period[1] if period and years and period[1] - period[0] + 1 == years else None
    if phrase.group("fyp"):  # the 14th five-year period (2021-2025) ends in 2025
        return 2005 + 5 * (chinese_number(phrase.group("fyp")) or 0)
    reference = now if now is not None else earliest
    aim = phrase.group("aim") or phrase.group("will")
    if aim and (reference is None or int(aim) <= reference):
        return None  # 预计2021年…增长15% in a report of 2021: an estimate of the year, no goal
    year = phrase.group("goal") or phrase.group("opening") or phrase.group("onday") or aim
    if not year or (earliest is not None and int(year) < earliest):
        return None
    return int(year)


@cache
def _numbers_and_units() -> re.Pattern[str]:
    return re.compile(r"[\d.%％]|" + "|".join(map(re.escape, _units())))


def _borrow_metric(goal: Goal, last_metric: dict[str | None, str]) -> None:
    """…规模达到400亿元，到2030年力争突破1000亿元: a count with no subject counts what the
    previous count in the same unit counted."""
    if goal.qualitative:
        return
    subject = _numbers_and_units().sub("", simplified_chars(goal.metric))  # 不少於: the metric is as written
    subject = TRAILING_VERB.sub("", LEAD.sub("", re.sub(r"^(突破|超过|达到|超|达|力争)+", "", subject)))
    if len(re.findall(r"[\u4e00-\u9fff]", subject)) < 2 and goal.unit in last_metric:
        goal.metric = last_metric[goal.unit]
    elif DISTRIBUTIVE.match(goal.metric) and goal.unit in last_metric:
        # 市级培育应用场景不少于40个，各县区不少于5个: each 县区 counts the same thing
        scope = re.sub(r"[（(][^（()）]*[)）]", "", goal.metric).strip()
        goal.metric = scope + COUNTED_NOUN.sub("", last_metric[goal.unit])
    else:
        last_metric[goal.unit] = goal.metric


#: a scope that distributes a count (各县区, 每个区县) without naming what is counted
DISTRIBUTIVE = re.compile(r"^(?:各|每个?)[\u4e00-\u9fff、（()）]{1,16}$")
#: what goes before the counted noun in a metric: its scope (在…领域) and its verb (培育)
COUNTED_NOUN = re.compile(r"^(?:全[省市区县]|[省市区县]级)?(?:在[^，,；;]{1,16}?(?:领域|方面|行业))?"
                          r"(?:培育|打造|建设|建成|形成|引进|推出|开放|遴选|新增)?")


def _means() -> tuple[str, ...]:
    return tuple(words()["targets"]["means_words"])


OPEN_CONSTRUCTION = re.compile(r"以[^，,；;。]{1,30}为[^，,；;。]{1,6}$")


#: the head nouns a goal's built structure ends with (…的新格局, …的产业体系)
STRUCTURE_HEAD = re.compile(r"(格局|体系|态势|局面|布局|生态)$")


def _join_open_constructions(clauses: list[Span]) -> list[Span]:
    """形成以A为主引擎，B为核心，C协同联动的新格局: one goal spread over commas. So are the further
    objects of its verb listed after it with commas (their own lists use 、) that end with the same
    head and have no verb of their own (形成…的信息基础设施体系，…的融合基础设施体系): one goal."""
    out: list[Span] = []
    i = 0
    while i < len(clauses):
        clause = clauses[i]
        if OPEN_CONSTRUCTION.search(clause.text):
            j = i + 1
            while j < len(clauses) and re.search(r"为[^，,；;。]{1,6}$", clauses[j].text):
                j += 1
            if j < len(clauses) and STRUCTURE_HEAD.search(clauses[j].text):
                clause = clause.doc.span(clause.start, clauses[j].end)
                i = j
        head = STRUCTURE_HEAD.search(clause.text)
        if head and GOAL_VERB.search(clause.text):
            while (i + 1 < len(clauses) and _further_object(clauses[i + 1].text, head.group(1))
                   and clause.doc.text[clause.end:clauses[i + 1].start].strip() in ("，", ",")):
                i += 1
                clause = clause.doc.span(clause.start, clauses[i].end)
        out.append(clause)
        i += 1
    return out


def _further_object(text: str, head: str) -> bool:
    """…的融合基础设施体系 after 形成…的信息基础设施体系: another object of the same verb, described
    with 的, ending with the same head, with no verb or count of its own."""
    return (text.endswith(head) and "的" in text and not GOAL_VERB.search(text)
            and not re.search(r"\d", text) and not LEAD.match(text))


def _cut_off(doc: Document, line: Line, clause: Span, last: bool) -> bool:
    """The stored page stops mid-sentence: the last clause of the document's last line."""
    return last and clause.end >= content_end(doc.text) and not re.search(r"[。！？；;]\s*$", line.text)


def content_end(text: str) -> int:
    """Where the text ends before its trailing blanks (without copying it)."""
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    return end


def _completed_counts(clause: Span, year: int, owner: Measure | None) -> list[Goal]:
    """The counted goals a clause cut by the page's end completed before the cut.

    Its last count is whole when the text stops right after its unit and what it counts was named
    before it (…产业基金规模突破100亿元);
    otherwise the items before its last 、 are (累计在8个以上行业开展大模型应用、打造200个以上大模: the first).
    An uncounted goal is whole only when it ends in the adverb and verb of a state reached
    (…作用进一步凸显, …初具规模): elsewhere the cut may fall anywhere in it.
    """
    text = clause.text.rstrip()
    counts = [m for m in _quantity_regex().finditer(text) if _is_quantity(m, text)]
    if not counts and len(re.findall(r"[\u4e00-\u9fff]", text)) >= 8 and _trend().search(text):
        return _goals_of(clause, year, owner)
    whole = (counts and counts[-1].end() == len(text) and bool(_unit(counts[-1]) or counts[-1].group("bigunit"))
             and not re.search(rf"(?:{GOAL_VERB.pattern})\s*$", text[: counts[-1].start()]))  # 打造200个|大模型…
    if not whole:
        cut = max(text.rfind(ch) for ch in "、和及")
        if cut <= 0:
            return []
        clause = clause.sub(0, cut)
    return [goal for goal in _goals_of(clause, year, owner) if not goal.qualitative]


def _clauses(span: Span) -> list[Span]:
    """Split at ，；。 outside quotes and brackets; a （其中…） aside is a clause of its own."""
    text = span.text
    out: list[Span] = []
    depth = 0
    begin = 0
    for i, ch in enumerate(text):
        if ch in "（(“《":
            if ch in "（(" and text[i + 1:i + 3] == "其中" and depth == 0:
                out.append(span.sub(begin, i))
                begin = i + 1
            depth += 1
        elif ch in "）)”》":
            depth = max(0, depth - 1)
            if ch in "）)" and depth == 0 and begin < i and text[begin:begin + 2] == "其中":
                out.append(span.sub(begin, i))
                begin = i + 1
        elif depth == 0 and ch in "，,；;。！!？?：:":
            out.append(span.sub(begin, i))
            begin = i + 1
        elif (depth == 0 and text.startswith("力争", i) and i > begin + 2 and "\u4e00" <= text[i - 1] <= "\u9fff"
              and not re.match(r"力争\s*(?:达到|达|超过|超|突破|实现|保持)?\s*\d", text[i:])):
            # …新高地力争全区智算规模…: two clauses; 产业规模力争达到800亿元: one
            out.append(span.sub(begin, i))
            begin = i
    out.append(span.sub(begin))
    return [c.strip(" 　") for c in out if c.text.strip(" ，,。；;、")]


@cache
def _quantity_regex() -> re.Pattern[str]:
    comparators = words()["targets"]["comparators"]
    pre = alternation([w for w in comparators if w not in ("以上", "及以上", "以下", "以内", "左右", "上下")]
                      + ["提升至", "提高到", "提高至", "增长到", "增至", "增加到", "增加至", "达"])
    post = alternation(["以上", "及以上", "以下", "以内", "左右", "上下", "多"])
    units = alternation(_units())
    classifiers = alternation(words()["targets"]["classifiers"])
    number = r"\d+(?:\.\d+)?"
    glossed = alternation([u for u in _units() if re.fullmatch(r"[A-Za-z]{3,}", u)])
    return re.compile(
        # 达新台币3000亿元, 达到人民币50亿元: the currency named before the count, its unit still 亿元
        rf"(?P<pre>{pre})?\s*(?:(?:人民币|新台币|台币|港币|澳门币)\s*(?=\d))?(?:"
        # 5000千万亿次浮点指令/秒(PFLOPS): a unit spelt out in words and glossed by its symbol in brackets
        rf"(?P<gnum>{number})\s*[\u4e00-\u9fff/／]{{2,14}}\s*[（(]\s*(?P<gunit>{glossed})\s*[)）]|"
        rf"(?P<num>{number})\s*(?:[-—–―~～至到]\s*(?P<num2>{number}))?\s*"
        # 5.3万余人, 200余家: more than the count (the unit is 万人, 家)
        # (a unit that ends in a noun is no unit before 级: 30个场景级应用 counts 个)
        # 360台/万人: a density, counted per a base of people, households or land
        rf"(?:(?P<unit>(?:{units})(?:[/／](?:万人|千人|百人|万户|百户|户|人|平方公里))?(?!级)|[万亿](?=\s*(?:[，,。；;、）)]|$)))|(?P<ymag>万|亿|千)?(?P<yu>余|多)(?P<ycls>{classifiers}))?"
        # 万亿级: a scale without digits, stated as a goal after a comparator (达到万亿级)
        rf"|(?P<cn>[{CN_QUANTITY}]{{0,3}})(?P<bigunit>万亿元|千亿元|百亿元|亿元|万亿级|千亿级|百亿级)"
        # 实现十大技术突破: a count of named things without a classifier (not 一大批, 大型, 大数据)
        rf"|(?<!第)(?P<cnbig>[{CN_QUANTITY}]{{1,2}})大(?=[\u4e00-\u9fff])(?!批|型|幅|力|量|规模|数据|模型|中|小|众|部分|多)"
        # 百家, “百个”, 超万个, 两千台: a count written without digits
        rf"|(?P<quote>“)?(?P<cnc>[{CN_QUANTITY}]{{0,2}})(?P<mag>百万|千万|百|千|万|亿)(?P<cyu>余|多)?(?P<cls>{classifiers})”?"
        rf"(?![百千万亿])"  # 千家万户 is an idiom
        rf")\s*(?P<post>{post})?")


def _goals_of(clause: Span, year: int, owner: Measure | None) -> list[Goal]:
    text = clause.text
    # 增长13%，力争15%: a stretch value for the count before it (its metric is borrowed)
    stretch = re.fullmatch(r"\s*(?:力争|争取)\s*(?:达到|达)?\s*\d+(?:\.\d+)?\s*[%％]?\s*", text)
    if (len(re.findall(r"[\u4e00-\u9fff]", text)) < 3 and not stretch) or BOILERPLATE.search(text):
        return []
    if _routine().search(text):
        return []  # 每年组织对接活动4场: a yearly activity, not a goal for the year
    counts = [m.span() for m in DECLARED_COUNT.finditer(text)]  # 提出20项重点任务 counts the plan's items
    quantities = [m for m in _quantity_regex().finditer(text) if _is_quantity(m, text)
                  and not any(a <= m.start() < b for a, b in counts)]
    if counts and not quantities:
        return []
    if not quantities:
        wrapped = GOAL_WRAPPER.match(text)
        if wrapped:  # 基本实现A初步形成、B初具规模的目标: the goals are the states it lists
            clause = clause.sub(wrapped.start("goals"), wrapped.end("goals"))
        return [goal for part in _statements(clause) for goal in _qualitative(part, year, owner)]
    # "基本形成…规划并开展1-2个…应用": split at 并 when only one half is counted
    joint = re.search(r"并(?=[\u4e00-\u9fff])", text)
    goals: list[Goal] = []
    if joint and all(q.start() > joint.end() for q in quantities):
        goals += _qualitative(clause.sub(0, joint.start()), year, owner)
        clause, text = clause.sub(joint.end()), text[joint.end():]
        quantities = [m for m in _quantity_regex().finditer(text) if _is_quantity(m, text)]
    quantities = _without_qualifiers(quantities, text)
    if "(" in text or "（" in text:  # 40EFLOPS(每秒10的18次方次浮点运算): the unit's gloss counts nothing
        glosses = [m.span() for m in UNIT_GLOSS.finditer(text)]
        quantities = [q for q in quantities if not any(a <= q.start() < b for a, b in glosses)]
    previous_end = 0
    counted: list[Goal] = []
    for n, q in enumerate(quantities):
        next_start = quantities[n + 1].start() if n + 1 < len(quantities) else len(text)
        counted.append(_quantitative(clause, q, previous_end, next_start, year, owner))
        previous_end = q.end()
    _share_listed_metric(counted, quantities, text)
    goals += counted
    # an uncounted item listed among counted ones: …20个以上行业模型和一批面向细分场景的应用模型、…
    for item in re.finditer(rf"(?<=[、和及])(?:{_item_verbs()})?一批[^、，,；;和]+", text):
        goals += _qualitative(clause.sub(item.start(), item.end()), year, owner)
    return goals


#: a bracket right after a unit in Latin letters that spells the unit out in words (40EFLOPS(每秒10的18次方次
#: 浮点运算)): a gloss, whose numbers count nothing
UNIT_GLOSS = re.compile(r"(?<=[A-Za-z])\s*[（(](?=[^（()）]*[\u4e00-\u9fff])[^（()）]{2,40}[)）]")


#: a clause that names its goals as the aim it reaches: 基本实现…初步形成、…初具规模的目标
GOAL_WRAPPER = re.compile(r"^\s*(?:力争|努力|争取|确保)?(?:基本|全面|初步)?(?:实现|达到|完成)"
                          r"(?P<goals>[^，,；;]{8,}?)的(?:发展|总体|预期|阶段性?)?目标\s*$")


def _share_listed_metric(counted: list[Goal], quantities: list[re.Match[str]], text: str) -> None:
    """达到5大类、100种以上的智能装备: counts listed right after each other count what the last one names."""
    for n in range(len(counted) - 2, -1, -1):
        between = text[quantities[n].end():quantities[n + 1].start()]
        own = re.sub(r"[\W\d.]", "", counted[n].metric)  # 升级, or the count itself (5大类)
        if between.strip() in ("、", "和", "及") and len(own) <= 2:
            counted[n].metric = counted[n + 1].metric


#: what separates the items of a list of counts (…3个以上的A产品、5个以上的B产品)
LIST_BREAK = re.compile(r"[、，,；;和及与]")


def _without_qualifiers(quantities: list[re.Match[str]], text: str) -> list[re.Match[str]]:
    """The counts of a clause without those that only qualify what another one counts.

    A count followed by 的 qualifies the noun another count of the same phrase counts: the next one
    (营业收入超10亿元的企业5家以上) or the one before it (培育10家以上营业收入超过30亿元的龙头企业).
    Counts of a list (打造3个以上的A产品、5个以上的B产品) are each a goal. Without 的, an amount that a
    comparator sets on the noun right after it qualifies what the next count counts
    (估值超50亿元企业8家以上: the goal is 8 家, the 50亿元 only says which firms).
    """
    kept = []
    for n, q in enumerate(quantities):
        after = quantities[n + 1] if n + 1 < len(quantities) else None
        if after is not None and q.group("pre") and _qualifies_next(q, after, text):
            continue
        if text[q.end():q.end() + 1] == "的":
            after = quantities[n + 1] if n + 1 < len(quantities) else None
            before = quantities[n - 1] if n else None
            if after is not None and not LIST_BREAK.search(text[q.end():after.start()]):
                continue
            if before is not None and not LIST_BREAK.search(text[before.end():q.start()]):
                continue
        kept.append(q)
    return kept


def _qualifies_next(q: re.Match[str], after: re.Match[str], text: str) -> bool:
    """估值超50亿元企业8家: an amount (not a count) bound to a short noun that the next count, with
    digits and nothing listed or done between them, counts."""
    between = text[q.end():after.start()]
    unit = _unit(after) or ""
    if not (re.fullmatch(r"[\u4e00-\u9fff]{1,8}", between) and after.group("num") and not after.group("pre")):
        return False
    if GOAL_VERB.search(between) or _count_verb().search(between) or LIST_BREAK.search(between):
        return False
    classifiers = set(words()["targets"]["classifiers"])
    own = _unit(q) if q.group("num") else (q.group("bigunit") or "")
    return unit in classifiers and own not in classifiers


@cache
def _item_verbs() -> str:
    """The verbs that open an item of a list of goals (、研发一批…, 、打造200个…), as an alternation."""
    return alternation(words()["targets"]["count_verbs"])


@cache
def _count_verb() -> re.Pattern[str]:
    """A verb that takes a count as its object, so that 百家 after it counts (推动百家企业集聚)."""
    return re.compile(rf"(?:{alternation(words()['targets']['count_verbs'])})$")


@cache
def _trend() -> re.Pattern[str]:
    return re.compile(rf"{state_reached().pattern}|(?:{alternation(words()['targets']['state_endings'])})$")


def _statements(clause: Span) -> list[Span]:
    """An uncounted clause listing whole statements with 、 (A快速增长、B不断完善) holds one goal each;
    a list of nouns (A、B、C等基础理论取得突破) stays one."""
    parts, begin = [], 0
    text = clause.text
    for pause in re.finditer("、", text):
        if _trend().search(text[begin:pause.start()]) and len(text[begin:pause.start()]) >= 6:
            parts.append((begin, pause.start()))
            begin = pause.end()
    if parts and _trend().search(text[begin:]):
        return [clause.sub(b, e) for b, e in parts] + [clause.sub(begin)]
    return _listed_statements(clause, bool(parts))


def _listed_statements(clause: Span, stated: bool) -> list[Span]:
    """A list whose items are all whole statements, one of them a state reached (A建成、B应开尽开、C全国领先、
    D形成), holds one goal each, though the others end on a bare verb: every item is a subject with its
    predicate (six characters or more, no 等 closing a list of nouns). Items that all qualify a noun after
    的 (形成A有力支撑、B全面拓展、C深度融合的产业生态) are one goal: that noun."""
    text = clause.text
    items = [m.span() for m in re.finditer(r"[^、]+", text)]
    if not stated or len(items) < 3 or "等" in text or "的" in text:
        return [clause]
    if any(len(re.findall(r"[\u4e00-\u9fff]", text[b:e])) < 6 for b, e in items):
        return [clause]
    return [clause.sub(b, e) for b, e in items]


def _unit(m: re.Match[str]) -> str | None:
    """The unit of a count with digits, as written (万人 for 5.3万余人)."""
    if m.group("yu") and m.group("ycls"):
        return (m.group("ymag") or "") + m.group("ycls")
    return m.group("unit")


def _is_quantity(m: re.Match[str], text: str) -> bool:
    if m.group("cnbig"):
        # the object of a count verb (打造制造业十大支柱产业) that ends its clause: not a name among others
        # (支持三大运营商和…建设…) nor a scope (在三大领域的…应用)
        rest = text[m.end():]
        return (bool(re.search(rf"(?:{_item_verbs()})[\u4e00-\u9fff]{{0,4}}$", text[: m.start()]))
                and len(rest) <= 12 and not re.search(r"[、和与及的等在]", rest))
    if m.group("gnum"):
        return True
    if m.group("bigunit"):
        return bool(m.group("cn") or m.group("pre"))
    if m.group("mag"):
        # a count without digits is one only where a goal counts it: after a comparator (超万个), in
        # quotes (“百个”) or as the object of a verb (实现百家…); elsewhere 百 and 万 are idioms (万众创新)
        return bool(m.group("pre") or m.group("quote") or m.group("cnc")
                    or _count_verb().search(text[: m.start()]))
    if not m.group("num"):
        return False
    unit = _unit(m)
    after = text[m.end(): m.end() + 1]
    before = text[max(0, m.start() - 1): m.start()]
    if unit is None:
        # PUE低于1.25, PUE降至1.3以下: a ratio has no unit, but a bound and a decimal point; nor has an
        # index's value after its comparator (发展水平指数达72)
        if m.group("pre") and text[: m.start()].rstrip().endswith("指数") and not re.match(r"[\u4e00-\u9fff]", after):
            return True
        return "." in m.group("num") and (bool(m.group("pre")) or m.group("post") in ("以下", "以上", "以内"))
    if unit in ("G", "P") and (re.match(r"[A-Za-z0-9\-]", after[:1]) or re.match(r"[A-Za-z]", before[-1:])):
        return False  # 5G-A, PUE, IPv6
    if unit == "G" and (after[:1].isalpha() or (len(m.group("num")) == 1 and not (m.group("pre") or m.group("post")))):
        return False  # 5G基站, 大数据、5G、超高清 name a technology; 10G以上 counts
    if re.match(r"[A-Za-z]", after) and unit.isascii() and unit not in ("%", "％"):
        return False  # 10GB, 3PUE: the letters go on the unit; 7个以上AI赋能场景 counts
    if unit in ("年",):
        return False
    return not (before and (before.isalpha() and before.isascii()))


def _comparator(m: re.Match[str], metric_after: bool) -> str:
    comparators = words()["targets"]["comparators"]
    if m.group("num2"):
        return ">="
    if m.group("yu") or m.group("cyu"):
        return ">"  # 5.3万余人, 百余项
    post = m.group("post")
    if post and post != "多":
        return comparators.get(post, "=")
    pre = (m.group("pre") or "").strip()
    raising = ("提升至", "提高到", "提高至", "增长到", "增至", "增加到", "增加至")
    if pre in ("达", "达到", "突破", *raising) and metric_after:
        return "="  # 突破5项大模型应用项目: a verb, not a bound
    if pre in raising:
        return ">="
    if pre == "多":
        return ">"
    return comparators.get(pre, "=") if pre else "="


#: 面向东盟的人工智能创新合作高地基本建成: the means word only qualifies the subject of a goal
ATTRIBUTIVE_GOAL = re.compile(r"^[^，,；;]{2,24}?的[^，,；;]{2,30}?(?:初步|基本|全面|加快|逐步)?"
                              r"(?:形成|建成|完善|确立|显现|凸显|彰显|提升|增强|发展|取得[^，,；;]{0,6}成效"
                              r"|(?:成为|进入|迈上|跻身)[^，,；;]{2,20})$")  # 基于互联网的新业态成为…动力
GOAL_VERB = re.compile(r"打造|建成|建设|形成|培育|实现|构建|引育|引进|落地|突破|部署|提升|壮大")
LEAD = re.compile(r"^(?:力争|努力|争取|确保|并且?|同时|其中|进而|从而|以及|及|和|与|、|累计|新增|全年|年内)+")
TRAILING_VERB = re.compile(r"(?:达到|达|超过|超|突破|为|约|近|提升至|提升到|提高到|提高至|增长到|增至|增加到|"
                           r"增加至|降低到|降至|控制在|不少于|不低于|不超过|低于|小于|高于|保持在|稳定在|实现|建成|形成|将|力争)$")


def _quantitative(clause: Span, q: re.Match[str], previous_end: int, next_start: int, year: int,
                  owner: Measure | None) -> Goal:
    text = clause.text
    # 14EFlops(每秒百亿亿次浮点运算): a bracket right after the count glosses its unit, it names nothing
    after_raw = re.sub(r"^\s*[（(][^（()）]*[)）]", "", text[q.end(): next_start])
    after_raw = re.split(r"\s*[|｜]", after_raw, maxsplit=1)[0]  # …300亿元|某某头条: the host site's name
    after = re.split(r"[、，,；;和及与]", after_raw, maxsplit=1)[0] if after_raw[:1] in "、，,；;和及与" else after_raw
    after = re.split(rf"[、和及与](?={_item_verbs()})", after, maxsplit=1)[0]  # …大模型、研发一批…: the next item
    after = re.sub(r"^(的|左右|以上|大关|关口)", "", after).strip(" 、和及与")  # 突破万亿元大关: the count's own
    after = re.sub(r"[、和及与]$", "", after)
    after = re.sub(r"^(?:目标|任务|目标任务)$", "", after)  # 达成培育人才5万名的目标: the count's noun is before it
    before = text[previous_end: q.start()].strip(" 、，,和及与")
    before = re.sub(r"^(?:推动|推进|促进|确保|达成|实现|使得|使|让)(?=[\u4e00-\u9fffA-Za-z]{2})", "",
                    LEAD.sub("", before))
    before = re.sub(r"^[\u4e00-\u9fff]{0,6}将(?=[\u4e00-\u9fff]{2})", "", before)  # 新区将新建…: who will, not what
    metric_after = len(re.findall(r"[\u4e00-\u9fffA-Za-z]", after)) >= 2 and after_raw[:1] not in "、，,；;"
    if metric_after and re.match(r"(?:以上|左右)?的", after_raw) and MEASURED_NOUN.search(before):
        metric_after = False  # 建成智能算力规模1000PFLOPS以上的算力基础设施: the count measures 规模
        before = re.sub(rf"^(?:{GOAL_VERB.pattern})", "", before)
    if metric_after:
        metric_start = q.end() + after_raw.index(after[:1]) if after else q.end()
        metric_span = clause.sub(metric_start, metric_start + len(after))
    else:
        trimmed = TRAILING_VERB.sub("", before).strip()
        while TRAILING_VERB.search(trimmed):
            trimmed = TRAILING_VERB.sub("", trimmed).strip()
        offset = text.find(trimmed, previous_end) if trimmed else q.start()
        metric_span = clause.sub(offset, offset + len(trimmed)) if trimmed else clause.sub(q.start(), q.end())
    if q.group("bigunit"):
        value = float(chinese_number(q.group("cn")) or 1) if q.group("cn") else 1.0
        unit = q.group("bigunit").replace("级", "元")  # 万亿级 is a scale of 1 万亿元
        value_max = None
    elif q.group("gnum"):
        value, unit, value_max = float(q.group("gnum")), q.group("gunit"), None
    elif q.group("cnbig"):
        value, unit, value_max = float(chinese_number(q.group("cnbig")) or 0), None, None
    elif q.group("mag"):
        value, unit = _count_without_digits(q.group("cnc"), q.group("mag"), q.group("cls"))
        value_max = None
    else:
        value = float(q.group("num"))
        value_max = float(q.group("num2")) if q.group("num2") else None
        unit = _unit(q)
    if unit == "％":
        unit = "%"
    return Goal(year, metric_span.surface.strip(), _int(value), _int(value_max), unit,
                _comparator(q, metric_after), False, clause.surface, clause, owner, text)


def _count_without_digits(digits: str, magnitude: str, classifier: str) -> tuple[float, str]:
    """超万个 -> 1 万个 and 两千台 -> 2 千台 (the unit as written, like 1.9 万亿元); 百家 -> 100 家, as
    百 makes no unit of its own."""
    count = float(chinese_number(digits) or 1) if digits else 1.0
    if magnitude + classifier in _units():
        return count, magnitude + classifier
    return count * (chinese_number(magnitude) or 1), classifier


def _int(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


#: how a goal is reached (以沈阳、大连“双核”牵引, 以创新为引领, 以数字技术满足…需求: the means and
#: the need it serves), unless it qualifies the goal (以…为核心的…体系)
MANNER = re.compile(r"^(?:实现|通过|坚持)?以[^，,；;]{1,24}?(?:为|牵引|带动|引领|驱动|满足|服务于?|支撑)")
MANNER_GOAL = re.compile(r"^(?:实现|通过|坚持)?以[^，,；;]{1,30}为\S{1,4}的")


def _is_manner(text: str) -> bool:
    return bool(MANNER.match(text)) and not MANNER_GOAL.match(text)


def _goal_after_manner(text: str) -> int | None:
    """Where the goal starts in a clause that states its manner first (以…平台为核心构建形成…体系: at
    构建), None when the clause is manner only (以创新为引领)."""
    then = re.match(MANNER.pattern + rf"[\u4e00-\u9fff]{{0,3}}?(?=(?:{GOAL_VERB.pattern})[^，,；;]{{4,}})", text)
    return then.end() if then else None


@cache
def _purpose() -> re.Pattern[str]:
    """支撑引领…, 助力…, 为…提供支撑: what the goals serve; and what they are to do for something beyond
    them, 有力推动…发展 (the effect, not a state reached)."""
    return re.compile(rf"^(?:(?:更好地?|更加有力地?|有力)?(?:{alternation(words()['targets']['purpose_words'])})"
                      r"|有力(?:推动|促进|带动|支撑|保障))")


def _qualitative(clause: Span, year: int, owner: Measure | None) -> list[Goal]:
    text = clause.text.strip()
    means = tuple(words()["targets"]["means_words"])
    lead = LEAD.match(text)
    core = clause.sub(lead.end()) if lead else clause
    if core.text.startswith(means) and not ATTRIBUTIVE_GOAL.match(core.text):
        # 围绕物流配送等领域打造一批示范应用场景: the goal starts at its verb
        verb = GOAL_VERB.search(core.text, 4)
        if verb is None:
            return []
        listed = core.text[: verb.start()]
        if "、" in listed and len(listed) - listed.rfind("、") <= 3:
            return []  # 坚持整体推进、重点突破、打造特色: principles the means verb lists, 打造 one of them
        core = core.sub(verb.start())
    if not core.text or len(re.findall(r"[\u4e00-\u9fff]", core.text)) < 4:
        return []
    if core.text[:1] in "（(" and core.text[-1:] in "）)":
        return []  # a bracketed aside (a responsibility list, a note) is not a goal
    if _is_manner(core.text):
        # 以创新为引领: a means; 以…为核心的…体系进一步完善: a goal; 以…平台为核心构建形成…体系: the goal
        # after the manner, from its verb
        then = _goal_after_manner(core.text)
        if then is None:
            return []
        core = core.sub(then)
    if _purpose().match(core.text) and not (
            _trend().search(core.text) or "成效" in core.text):
        return []  # 支撑引领…实现高质量发展: why the goals are set; 助推…取得显著成效 is one
    if BOILERPLATE.search(core.text) or core.text.count("“") != core.text.count("”"):
        return []
    if _frame().search(core.text) or _will_act().match(core.text) or _effort().match(core.text):
        # 计划还提出，…: the frame of a report; 将推动产业能级跃升: an action it reports; 积极推动…运营:
        # a task the goal paragraph names, with no state to reach
        return []
    if re.search(r"\d{5,}|[:：]|https?|www\.|电话|邮箱|了解更多|请登录|^来源|来源(?=\s|$)", core.text):
        return []  # page furniture (电话：0595-…, 来源 新华社) is not a goal; 数据来源可追溯 may be one
    if re.match(r"^在.*(方面|领域|门类|环节|行业|等)$", core.text):
        return []  # 在手机、计算机、家居、机器人等8大门类: the scope of the goal after it
    if core.text.startswith(("未来", "远期", "长远")):
        return []  # 未来打造…典范: an aim beyond the year that dates the clause
    return [Goal(year, core.surface.strip(), None, None, None, None, True, clause.surface, clause, owner,
                 clause.text)]

