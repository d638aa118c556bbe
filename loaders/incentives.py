"""Subsidies, rewards and vouchers with their terms (Incentive).

A sentence part that grants money (补贴, 资助, 奖励, 算力券, 标注券…, 资金支持, or 给予…万元支持)
and states a rate (按…的30%, 1/3), a cap (最高600万元, in 万元) or a duration (连续3年,
最长3年, 最多1年, 第一年…第三年, 第一年…后两年) is one incentive; a grant with no terms
(按规定给予支持) is not, nor is a report of money paid (累计发放补贴2000万元). The cap is the
amount a bound heads (最高, 不超过) before one only given (按每增加2000万元给予80万元…年度最高
800万元: 800), the highest of amounts listed per kind of beneficiary (分别最高给予10万元、30万元),
and never the budget of the whole scheme (每年发放不超过1亿元算力券). Parts are split at 。 and
；, at a comma before a new beneficiary (…最高500万元，对新入选…的企业给予…) and after a 给予
whose clause states terms when another such 给予 follows, so each grant keeps its own terms;
a per-enterprise limit after a grant without terms (对…予以奖励支持。每家企业每年…不超过2000万元)
states that grant's terms, and a sentence that only states the term (…。根据…情况，连续支持两年) gives
it to the grants just before it. Amounts each naming an award of its own kind (最高获得1000万元产业奖励
和500万元人才奖励) are one grant each.

Grants are read in a measure's whole text (its pieces joined where a page broke a
sentence across lines) and in the text outside any measure (a report's paragraphs, a
section's opening paragraph), where they belong to the plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from loaders.document import Document, Span
from loaders.layout import Line, chinese_number
from loaders.lexicon import alternation, words
from loaders.outline import Measure, Outline
from loaders.targets import content_end

RATE = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
#: 按市级实际补助额度的1/3, 三分之一: a rate written as a fraction
FRACTION = re.compile(r"(?:的|按照?)\s*(?:(\d{1,2})\s*/\s*(\d{1,2})"
                      r"|([一二三四五六七八九十])分之([一二三四五六七八九]))")
#: 最高600万元, 给予单个项目最高200万元, 补助资金最高可达200万元, 一次性奖励100万元 (the words that may
#: stand between the head and the amount are listed in lexicon.toml; 补贴资金规模达到10亿元 is no cap)
CAP_HEADS = "最高|最多|不超过|上限|给予|奖励|资助|补助|补贴|一次性"
YEARS = re.compile(r"(?:连续(?:资助|支持|补贴|奖励|给予|补助)?|前|投运前|为期|最长|最多|期限(?:不超过|最长)?)\s*"
                   r"(\d+|[一二两三四五六七八九十])\s*年|(\d+|[一二三四五])年内")
#: 根据研发迭代情况，连续支持两年: a sentence that states only how long the support runs (its grants are
#: the ones just before it)
TERM_ONLY = re.compile(r"(?:连续|持续)(?:支持|资助|补贴|奖励|给予|补助|扶持)\s*(\d+|[一二两三四五六七八九十])\s*年"
                       r"|(?:支持|资助|补贴|补助|扶持)(?:期限|期)(?:为|不超过|最长)?\s*(\d+|[一二两三四五六七八九十])\s*年")
#: 第一年房租全免、后两年补贴50%: the first year and the years after it
FIRST_AND_LATER = re.compile(r"(?:第一年|首年)[^。；;]{0,30}?后\s*(\d|[一二两三四五])\s*年")
#: 第一年50%，第二年40%，第三年30%: a graded rate runs for as many years as it names
YEAR_ORDINAL = re.compile(r"第([一二三四五六七八九十])年")
BENEFICIARY = re.compile(r"对(?:于)?([^，,。；;]{2,40}?)"
                         r"(?:[，,]|(?=按照|按其|按|可按|给予|予以|每年|一次性|发放|最高))")
#: 给予最高1000万元支持, 按…的30%给予支持: money granted without a grant word
MONEY_GIVEN = re.compile(r"(?:给予|予以)[^。；，,]{0,16}?(?:\d+(?:\.\d+)?\s*[万亿]元|\d+(?:\.\d+)?\s*[%％])"
                         r"|(?:给予|予以)[^。；，,]{0,8}支持")
#: 以(政府)1:(公司)2的配对形式: a matching grant, the government paying its share of each sum raised
MATCHING = re.compile(r"(?:[(（]?政府[)）]?\s*)?(\d{1,2})\s*[:：比]\s*(?:[(（]?[\u4e00-\u9fff]{2,3}[)）]?\s*)?"
                      r"(\d{1,2})\s*的?\s*配对")
#: a rate that is a share of a cost (按…的30%, 最高50%, 不超过…的20%), not any percentage
GRANT_RATE = re.compile(r"(?:的|最高|不超过|比例为?|按照?)\s*(\d+(?:\.\d+)?)\s*[%％]")
#: where a cut part may end and still state its terms whole
WHOLE_END = re.compile(r"(?:万元|亿元|[%％]|年|支持|补贴|补助|资助|奖励|奖补)\s*$")


@cache
def _cap_regex() -> re.Pattern[str]:
    qualifiers = alternation([*CAP_HEADS.split("|"), *words()["incentives"]["cap_qualifiers"]])
    # 最高可给予5亿资金支持: 亿 without 元 before the money it counts
    # 资助上限增加一倍至1,600万元: a cap raised to an amount (written with thousands separators)
    raised = r"(?:增加|提高|提升|上调)[^\d，,。；;]{0,3}至"
    number = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    # 给予10万元—50万元奖励, 10万至50万元, 10-50万元: a range's cap is its top
    low = r"(?:\d+(?:\.\d+)?\s*(?:万元?|亿元?)?\s*[—–\-~～至到]\s*)?"
    return re.compile(rf"(?:{CAP_HEADS})(?:\s*(?:{qualifiers}))*(?:\s*{raised})?\s*{low}{number}"
                      r"\s*(万元|亿元|亿(?=资金|元))")


#: the words that bound a grant (给予最高…, 不超过…), against an amount only given (给予100万元)
BOUND = re.compile(r"最高|最多|不超过|上限")
#: 分别最高给予10万元、30万元、100万元: further amounts listed after a cap, one per kind of beneficiary
LISTED_AMOUNTS = re.compile(r"\s*[、和及]\s*(\d+(?:\.\d+)?)\s*(万元|亿元)")
#: an amount on a per-beneficiary basis (单家企业, 同一企业, 单家大模型企业, 每所指定大学…): a limit on each
#: grant, not a budget, and to whom it is paid
PER_UNIT = re.compile(r"(?:单家|单个|每家|每个|每所|同一|单一)[^，,。；;、\d]{0,6}?"
                      r"(?:企业|项目|单位|平台|主体|机构|大学|高校)")
#: 每年最高获得1000万元产业奖励和500万元人才奖励: amounts each named with an award of its own kind
AWARD = re.compile(r"(\d+(?:\.\d+)?)\s*(万元|亿元)的?\s*([\u4e00-\u9fff]{0,6}?(?:奖励|补贴|补助|资助|奖补|奖金))")
#: what may stand between two such awards
AWARD_JOIN = re.compile(r"\s*(?:和|及|以及|、)\s*(?:最高)?\s*$")


#: a scheme set up with an amount (设立最高5000万元算力券, 设立10亿元专项资金)
SET_UP = re.compile(r"(?:设立|设置|组建)\s*$")


@cache
def _budget_regex() -> re.Pattern[str]:
    return re.compile(alternation(words()["incentives"]["budget_words"]))


#: 对年营业收入不超过5000万元的小微企业: an amount that qualifies whom the grant is for (…的 + not the grant)
CONDITION = re.compile(r"\s*(?:及?以[上下])?的"
                       r"(?!\s*(?:[\u4e00-\u9fff]{0,4}(?:奖|补|资助|支持|资金|扶持|贴息|券)|一次性))")


def _cap_match(text: str) -> re.Match[str] | None:
    """The cap of a grant: the first amount a bound (最高, 不超过) heads, else the first amount granted;
    an amount that sizes the whole budget (每年发放不超过1亿元算力券, 资金总额不超过500万元) or says whom the
    grant is for (营业收入不超过5000万元的企业) is no cap."""
    found = [m for m in _cap_regex().finditer(text) if not _budget(text, m) and not CONDITION.match(text, m.end())]
    bounded = [m for m in found if BOUND.search(m.group(0)[: m.start(1) - m.start()])]
    return (bounded or found or [None])[0]


def _budget(text: str, cap: re.Match[str]) -> bool:
    """Does the amount size the budget of the scheme (发放, 总额, 规模, 安排) rather than one grant?"""
    before = text[max(0, cap.start() - 8):cap.start()]
    if PER_UNIT.search(text[max(0, cap.start() - 12):cap.end()]):
        return False
    # 设立最高5000万元算力券: the amount a scheme is set up with, not what one beneficiary gets
    return bool(_budget_regex().search(before + cap.group(0)) or SET_UP.search(before))


def _cap_value(text: str, cap: re.Match[str]) -> float | int | None:
    """The cap in 万元; of amounts listed after it (分别最高给予10万元、30万元、100万元), the highest."""
    values = [_cap(cap)]
    pos = cap.end()
    while (more := LISTED_AMOUNTS.match(text, pos)) is not None:
        values.append(_amount(more.group(1), more.group(2)))
        pos = more.end()
    return max(v for v in values if v is not None)


@dataclass
class Grant:
    """One incentive: rate in percent, cap in 万元, years, to whom, and the passage it was read from."""

    rate: float | None
    cap: float | None
    years: int | None
    beneficiary: str | None
    text: str  # surface
    span: Span


#: what every rate (30%, 1/3, 三分之一) and every cap (500万元) holds: a text with neither states no terms
_TERMS_POSSIBLE = re.compile(r"\d|分之")
#: what a part needs to grant money (``_grants``: besides a grant word) or to cap each beneficiary's
#: grant (``PER_UNIT_CAP``); keep in step with both
_GRANT_OR_UNIT = re.compile(r"券|给予|予以|单家|单个|每家|每个|同一")


def find_incentives(span: Span) -> list[Grant]:
    """The grants stated in a stretch of text, one per part that grants money on terms."""
    text = span.text
    if not _TERMS_POSSIBLE.search(text) or not (any(w in text for w in words()["incentives"]["grant_words"])
                                                 or _GRANT_OR_UNIT.search(text)):
        return []  # most measures: no part of them can grant money on terms, so none is split and read
    return _shared_caps(_grants_of(span))


def _grants_of(span: Span) -> list[tuple[Grant, bool]]:
    """(grant, True) for each part that grants money on terms; (limit, False) for a part that only
    caps what each beneficiary gets (单家企业每年申领不超过800万元)."""
    out = []
    offered = None  # to whom the part before granted money without terms (对…予以奖励支持。)
    streak: list[Grant] = []  # the grants of the parts just before this one
    for part in _parts(span):
        text = part.text
        if _reported().search(text):
            offered, streak = None, []
            continue
        if not _grants(text):
            cap = _cap_match(text)
            if cap and PER_UNIT_CAP.match(text.strip()) and not RATE.search(text):
                out.append((Grant(None, _cap_value(text, cap), None, None, part.surface.strip(), part), False))
            elif streak and not cap and (term := TERM_ONLY.search(text)):
                # …给予最高300万元资金支持。根据研发迭代情况，连续支持两年: the term of the grants before it
                for grant in streak:
                    grant.years = grant.years or chinese_number(term.group(1) or term.group(2))
            offered, streak = None, []
            continue
        if _cut(part) and not WHOLE_END.search(text):
            continue  # the page stops inside the terms (…给予落户奖励，最高不超过)
        rate = _rate(text)
        if rate is None and (awards := _listed_awards(part)):
            out.extend((award, True) for award in awards)
            streak, offered = awards, None
            continue
        cap = _cap_match(text)
        if rate is None and not cap:
            offered, streak = _beneficiary(part), []
            continue
        # 对…予以奖励支持。每家企业每年度奖励金额不超过2000万元: the limit states the terms of that grant
        who = _beneficiary(part) or (offered if PER_UNIT_CAP.match(text.strip()) else None)
        grant = Grant(rate, _cap_value(text, cap) if cap else None, _years(text), who, part.surface.strip(), part)
        out.append((grant, True))
        streak.append(grant)
        offered = None
    return out


def _listed_awards(part: Span) -> list[Grant]:
    """单家大模型企业每年最高获得1000万元产业奖励和500万元人才奖励: amounts joined by 和/、, each naming an
    award of a kind of its own, are one grant each, capped by its amount; read from their clause."""
    text = part.text
    awards = list(AWARD.finditer(text))
    for first in range(len(awards) - 1):
        run = [awards[first]]
        for nxt in awards[first + 1:]:
            if not AWARD_JOIN.match(text[run[-1].end():nxt.start()]):
                break
            run.append(nxt)
        if len(run) < 2 or len({m.group(3) for m in run}) < len(run):
            continue
        start = max(text.rfind(c, 0, run[0].start()) for c in "，,") + 1
        clause = part.sub(start, _clause_end(text, run[-1].end()))
        unit = PER_UNIT.search(clause.text)
        who = _beneficiary(part) or (unit.group(0) if unit else None)
        return [Grant(None, _amount(m.group(1), m.group(2)), None, who, clause.surface.strip(), clause)
                for m in run]
    return []


def _cap(cap: re.Match[str]) -> float | int | None:
    """The cap in 万元 (1亿元 = 10000万元)."""
    return _amount(cap.group(1), cap.group(2))


def _amount(number: str, unit: str) -> float | int | None:
    return _num(float(number.replace(",", "")) * (10000 if unit.startswith("亿") else 1))


#: a sentence that only limits what each beneficiary gets (单家企业每年申领不超过800万元)
PER_UNIT_CAP = re.compile(r"^[^，,。；;对]{0,6}(?:单家|单个|每家|每个|同一)")


def _shared_caps(found: list[tuple[Grant, bool]]) -> list[Grant]:
    """…按合同费用的30%给予补贴。单家企业每年申领不超过800万元: the cap limits the rated grants before
    it that have none; it is no grant of its own."""
    out: list[Grant] = []
    for grant, grants in found:
        open_ = [g for g in out if g.rate is not None and g.cap is None]
        if grant.rate is None and grant.cap is not None and PER_UNIT_CAP.match(grant.span.text.strip()) and open_:
            for g in open_:
                g.cap = grant.cap
            continue
        if grants:
            out.append(grant)
    return out


def measure_incentives(measure: Measure) -> list[Grant]:
    """The grants of a measure's own text and box, its pieces joined where they run on."""
    return [grant for span in _runs([*measure.pieces, *measure.box]) for grant in find_incentives(span)]


def loose_incentives(doc: Document, lines: list[Line], outline: Outline, known: list[Grant]) -> list[Grant]:
    """The grants stated outside any measure (a report's paragraphs, the paragraph that opens a
    section), other than those a measure states too (``known``)."""
    free = [doc.span(line.start, line.end) for line in lines if not line.chrome and outline.measure_at(line) is None]
    out: list[Grant] = []
    for span in _runs(free):
        for grant in find_incentives(span):
            # outside a measure a grant says to whom, on what or at what rate it is paid; a bare amount
            # (…政策措施 配套保障 最高单项补助1亿元) summarises, it offers nothing
            if not (grant.beneficiary or grant.rate is not None or re.search(r"按", grant.span.text)
                    or _says_to_whom(grant, [*known, *out])):
                continue
            if not any(_same_grant(grant, other) for other in [*known, *out]):
                out.append(grant)
    return out


#: …的平台，只要…，可申请补贴资金最高800万元: the subject of the sentence is who may claim the grant
CLAIMS = re.compile(r"可(?:申请|申领|获得?|享受)")


def _says_to_whom(grant: Grant, known: list[Grant]) -> bool:
    """同一企业每年最高200万元 (each enterprise) and …的平台，可申请补贴资金最高800万元 (the subject) say to
    whom, unless the amount is the cap of a grant the text states in full further on: a lead's 单个项目最高
    资助可达1000万元 or 企业最高可获得1000万元 sums up the measures, it offers nothing."""
    return (bool(PER_UNIT.search(grant.span.text) or CLAIMS.search(grant.span.text))
            and not any(other.cap == grant.cap and other.span.start > grant.span.start for other in known))


def _same_grant(grant: Grant, other: Grant) -> bool:
    """A lead and the text stating one grant: same terms, and one's words within the other's."""
    if (grant.rate, grant.cap, grant.years) != (other.rate, other.cap, other.years):
        return False
    short, long_ = sorted((re.sub(r"\W", "", grant.span.text), re.sub(r"\W", "", other.span.text)), key=len)
    return bool(short) and sum(ch in long_ for ch in short) / len(short) >= 0.8


def _runs(spans: list[Span]) -> list[Span]:
    """Spans of one line of the page that follow each other with only blanks between them, the first
    not ending a sentence, are one run: the page's blanks broke the sentence (…给予补助 , 最高不超过 500 万元)."""
    out: list[Span] = []
    for span in spans:
        if out:
            last = out[-1]
            gap = span.doc.text[last.end:span.start]
            if not gap.strip() and "\n" not in gap and last.text.rstrip()[-1:] not in "。；;！!？?）)：:":
                out[-1] = Span(span.doc, last.start, span.end)
                continue
        out.append(span)
    return out


def _grants(text: str) -> bool:
    """Does the part grant money: a grant word, a voucher (…券), or 给予 with an amount or 支持?"""
    if any(w in text for w in words()["incentives"]["grant_words"]) or re.search(r"(?<!证)券", text):
        return True
    return bool(MONEY_GIVEN.search(text)) and bool(_cap_regex().search(text) or GRANT_RATE.search(text))


@cache
def _reported() -> re.Pattern[str]:
    """Money reported as paid (累计发放补贴2000万元), not a grant on offer."""
    return re.compile("|".join(f"(?:{p})" for p in words()["incentives"]["reported"]))


def _rate(text: str) -> float | int | None:
    """The share granted: a percentage of a cost (按研发投入的10%) before any other (营业收入增长20%以上的)."""
    rate = GRANT_RATE.search(text) or RATE.search(text)
    if rate:
        return _num(float(rate.group(1)))
    fraction = FRACTION.search(text)
    if not fraction:
        matching = MATCHING.search(text)
        if not matching or not int(matching.group(1)) or not int(matching.group(2)):
            return None
        share, other = int(matching.group(1)), int(matching.group(2))
        return _num(round(100 * share / (share + other), 1))
    if fraction.group(1):
        numerator, denominator = int(fraction.group(1)), int(fraction.group(2))
    else:  # 三分之一: the denominator comes first
        denominator, numerator = chinese_number(fraction.group(3)) or 0, chinese_number(fraction.group(4)) or 0
    if not 0 < numerator < denominator:
        return None
    return _num(round(100 * numerator / denominator, 1))


def _years(text: str) -> int | None:
    """How many years a grant runs: 连续3年, 最多1年, 第一年…后两年 (3), 第一年…第三年 (3)."""
    years = YEARS.search(text)
    if years:
        return chinese_number(years.group(1) or years.group(2))
    later = FIRST_AND_LATER.search(text)
    if later:
        return 1 + (chinese_number(later.group(1)) or 0)
    ordinals = [chinese_number(m.group(1)) or 0 for m in YEAR_ORDINAL.finditer(text)]
    return max(ordinals) if len(ordinals) > 1 else None


def _beneficiary(part: Span) -> str | None:
    who = BENEFICIARY.search(part.text)
    if not who:
        return None
    return part.doc.quote(part.start + who.start(1), part.start + who.end(1)).removesuffix("的").strip() or None


def _cut(part: Span) -> bool:
    """The part runs to the end of the page without closing its sentence."""
    return part.end >= content_end(part.doc.text) and not re.search(r"[。；;！!？?）)]\s*$", part.text)


def _parts(span: Span) -> list[Span]:
    """Sentence parts (split at 。；), each split again before a new beneficiary that gets its own terms."""
    parts, begin = [], 0
    for match in re.finditer(r"[。；;]", span.text + "。"):
        aside = re.match(r"\s*[（(][^（()）]{0,60}[)）]", span.text[begin:match.start()])
        if aside:  # (责任单位：…)省级根据…: the bracket closes the sentence before
            begin += aside.end()
        piece = span.sub(begin, match.start())
        if piece.text.strip():
            parts.extend(kind for split in _by_beneficiary(piece) for grant in _by_grant(split)
                         for kind in _by_kind(grant))
        begin = match.end()
    return parts


def _by_kind(part: Span) -> list[Span]:
    """…按合同费用的30%给予补贴，其中，A的企业补贴比例不超过30%，B的企业…20%: the rates listed after
    其中 are the grants, one per kind of beneficiary."""
    head = re.search(r"其中[，,]?", part.text)
    if not head:
        return [part]
    items, begin = [], head.end()
    for comma in [*re.finditer(r"[，,]", part.text[head.end():]), None]:
        end = head.end() + comma.start() if comma else len(part.text)
        items.append(part.sub(begin, end))
        begin = end + 1
    if len(items) < 2 or not all(RATE.search(item.text) for item in items):
        return [part]
    return items


def _by_beneficiary(part: Span) -> list[Span]:
    """…按营业收入的10%给予补助，最高不超过500万元，对新入选…的企业给予一次性1000万元奖励: two grants."""
    out, begin = [], 0
    text = part.text
    for comma in re.finditer(r"[，,]\s*(?=对(?:于)?[^，,。；;]{2,40}?(?:给予|按))", text):
        before, after = text[begin:comma.start()], text[comma.end():]
        if _has_terms(before) and _has_terms(re.split(r"[，,]\s*对", after, maxsplit=1)[0]):
            out.append(part.sub(begin, comma.start()))
            begin = comma.end()
    out.append(part.sub(begin))
    return out


#: the verb that grants money on terms (给予最高30%租金补贴)
GRANT_VERB = re.compile(r"给予|予以")


def _by_grant(part: Span) -> list[Span]:
    """…市级给予最高30%租金补贴，并推荐申报…，市区协同给予最多1年、最高100%的租金补贴: two 给予 whose own
    clauses state terms are two grants, split after the first one's clause. A 给予 without terms of
    its own (给予供需双向支持，对…按…的10%，给予最高200万元资助) only announces the grant after it."""
    text = part.text
    verbs = list(GRANT_VERB.finditer(text))
    out, begin = [], 0
    for verb, following in pairwise(verbs):
        end = _clause_end(text, verb.end())
        if end < following.start() and _has_terms(_clause_of(text, verb.start())) and _has_terms(
                _clause_of(text, following.start())):
            out.append(part.sub(begin, end))
            begin = end + 1
    out.append(part.sub(begin))
    return out


def _clause_end(text: str, at: int) -> int:
    ends = [i for i in (text.find(c, at) for c in "，,") if i >= 0]
    return min(ends) if ends else len(text)


def _clause_of(text: str, at: int) -> str:
    """The clause of ``text`` (between commas) that holds position ``at``."""
    start = max(text.rfind(c, 0, at) for c in "，,") + 1
    return text[start:_clause_end(text, at)]


def _has_terms(text: str) -> bool:
    return bool(RATE.search(text) or _cap_match(text))


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


__all__ = ["Grant", "find_incentives", "loose_incentives", "measure_incentives"]
