"""One document -> its contribution to the graph. The stages, in order, on one screen.

read (``loaders.read``) -> prepare (script, blanks) -> layout (lines, header,
chrome) -> metadata (title, 文号, dates, issuers) -> coverage (jurisdiction) ->
outline (sections, measures) -> responsibility, coordination, targets, sites,
mentions, incentives, citations -> assemble (GraphData with evidence).
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.errors import SourceError
from graph.model import GraphData, Label, Rel, make_id
from loaders.agencies import resolve
from loaders.assemble import Builder, plan_id
from loaders.citations import read_citations
from loaders.coordination import coordinators
from loaders.coverage import jurisdiction_of, plan_region
from loaders.document import prepare
from loaders.incentives import loose_incentives, measure_incentives
from loaders.indicators import table_goals
from loaders.layout import layout
from loaders.lexicon import fingerprint, regions
from loaders.mentions import find_organizations, full_names
from loaders.metadata import notice_itself, read_metadata
from loaders.outline import outline
from loaders.places import addressee_line, find_regions, metadata_line
from loaders.read import RawDocument
from loaders.responsibility import ROLE_STRENGTH, assign, strip_brackets, table_assignments
from loaders.sites import find_sites, referred_site, reported_background, site_references
from loaders.targets import earliest_year, lead_targets, read_targets, work_year

#: bump when the rules change, so cached extractions are redone; the dictionaries count too
RULES_VERSION = "1"
EXTRACTOR_VERSION = f"{RULES_VERSION}-{fingerprint()}"


def extract(raw: RawDocument) -> GraphData:
    doc = prepare(raw)
    lay = layout(doc)
    if len(re.findall(r"[\u4e00-\u9fff]", doc.text)) < 20:
        raise SourceError(raw.source, "holds no policy text (no Chinese text found)")
    meta = read_metadata(lay)
    page = "\n".join(line.text for line in lay.content())  # a portal's furniture (its weather box) names no place
    home = plan_region(meta.title_text, [name for name, _ in meta.issuers], page, meta.doc_number)
    where = jurisdiction_of(home)
    body = lay.lines[meta.body_start:]
    plan_outline = body_outline = outline(lay, body)
    if not plan_outline.measures and _reported_before_heading(lay, meta):
        # a news item summarising the plan above its (cut) text: its items are the measures
        # (below the page's own heading when that is the plan's title: above it is the site's chrome)
        key = re.sub(r"\s", "", meta.title_text or "") or None
        first = next((n + 1 for n, line in enumerate(lay.lines[: meta.notice_end])
                      if key and key in re.sub(r"\s", "", line.text)), 0)
        first = max(first, lay.header_end)  # the page's field list (• 发文机关:…) reports nothing
        plan_outline = outline(lay, lay.lines[first: meta.notice_end])
    # the goals are read in the text's own sections (建设目标), also below a report's items
    earliest = earliest_year(meta.date_issued, meta.period)
    written = meta.page_date or meta.date_published or meta.date_issued  # the "now" of 今年内
    now = int(written[:4]) if written else None
    goals = read_targets(doc, body, body_outline, work_year(meta.title_text), earliest, meta.period,
                         now) + table_goals(doc, body, earliest)
    goals += lead_targets(doc, lay.lines[: meta.body_start], goals, earliest, meta.period, now)
    untitled_notice = not meta.title_text and _official_notice(lay)  # 现将有关事项通知如下: it is the document
    # a page that speaks of itself by its genre (本规划依据…) is its plan's text, though it names no title
    if (not meta.title_text and not plan_outline.measures and not goals and not meta.doc_number and not untitled_notice
            and not meta.kind
            and not loose_incentives(doc, lay.content(), plan_outline, [])):  # a report of grants on terms is policy
        raise SourceError(raw.source, "holds no policy text (no plan title, measure or dated goal found)")

    b = Builder(doc)
    title = meta.title_surface or _fallback_title(lay, raw.source)
    if not meta.title_text:
        meta.title_text = title
        itself = notice_itself(title) if untitled_notice else None
        if itself:  # X关于加强…的通知, 现将有关事项通知如下: the notice is the policy, X its issuer
            meta.kind = meta.kind or itself[0]
            meta.issuers = meta.issuers or itself[1]
    plan = b.plan(meta, title)
    if home is not None:
        b.link(Rel.COVERS, plan, b.region(home, meta.title_surface), meta.title_surface or home.name)

    carry = None  # joint issuers share a level: 重庆市经济信息委、发展改革委、科技局
    issuers = []
    for written, evidence in meta.issuers:
        agency = resolve(written, where, carry)
        if agency is not None:
            carry = agency.level or carry
            issuers.append(agency)
            b.link(Rel.ISSUED_BY, plan, b.agency(agency, doc.surface(written)), doc.surface(evidence))

    measure_ids = {}
    for measure in plan_outline.measures:
        mid = b.measure(plan, measure)
        measure_ids[id(measure)] = mid
        b.link(Rel.HAS_MEASURE, plan, mid, measure.title.surface)
        if measure.parent is not None:
            b.link(Rel.PART_OF, mid, measure_ids[id(measure.parent)], measure.title.surface)

    tables = table_assignments(doc, lay.content(), plan_outline.measures, where)
    for a in _strongest([*assign(plan_outline.measures, where, doc.text), *tables]):
        b.link(Rel.RESPONSIBLE_FOR, b.agency(a.agency, doc.surface(a.agency.written)),
               measure_ids[id(a.measure)], a.evidence, role=a.role, rank=a.rank)

    notice = lay.lines if untitled_notice else lay.lines[: meta.body_start]
    for c in coordinators(body, notice, plan_outline, where, doc, issuers):
        b.link(Rel.COORDINATES, b.agency(c.agency, doc.surface(c.agency.written)), plan, c.evidence)

    refs = site_references(doc.text, meta.title_text or "", where.main)  # 以下简称…, the title's 试验区
    seen_goals = set()
    for n, goal in enumerate(goals):
        owner = _kept(goal.owner, measure_ids) or plan
        words_of = re.sub(r"\W", "", goal.metric)
        if goal.qualitative:  # 初步建立X体系 in the lead, X体系初步建立 in the text: one goal, its verb moved
            words_of = "".join(sorted(words_of))
        key = (owner, goal.year, words_of, goal.value, goal.unit)
        if key in seen_goals:
            continue  # a report that repeats its lead's goal states one goal
        seen_goals.add(key)
        target = b.goal(plan, goal, n)  # ids in document order
        b.link(Rel.SETS_TARGET, owner, target, goal.text)
        sites = find_sites(goal.clause, home=where.main, references=refs)
        if not sites:  # 推进甲产业园区扩容，到2026年园区新增…: the clause refers back to the park
            before = doc.text[max(0, goal.span.start - 120):goal.span.start]
            sites = [s for s in [referred_site(before, goal.clause, where.main, refs)] if s]
        for site in sites:
            b.link(Rel.AT_SITE, target, _site(b, site, where), goal.text)

    # bodies named anywhere in the page (preamble, goals, a report's lead, the measures)
    named = [org for line in lay.content() for org in find_organizations(strip_brackets(line.text), home=where.main)]
    full = full_names({org.name for org in named})
    offered = []
    for measure in plan_outline.measures:
        mid = measure_ids[id(measure)]
        _measure_links(b, plan, measure, mid, where, refs, full)
        for lead in reported_background(measure, plan_outline, lay.lines):  # what a report says the item is about
            for site in find_sites(strip_brackets(lead.text), home=where.main, references=refs):
                b.link(Rel.AT_SITE, mid, _site(b, site, where), _sentence(lead.text, site.start, doc, lead))
        for grant in measure_incentives(measure):
            b.link(Rel.OFFERS, mid, b.incentive(plan, grant), grant.text)
            offered.append(grant)
    for grant in loose_incentives(doc, lay.content(), plan_outline, offered):
        b.link(Rel.OFFERS, plan, b.incentive(plan, grant), grant.text)
    for org in named:  # bodies named outside the measures too
        _organization(b, org, full)

    for citation in read_citations(meta.cited, meta.title_text):
        b.link(Rel.CITES, plan, b.citation(citation), citation.evidence)

    for line in lay.content():
        if addressee_line(line.text) or metadata_line(line.text):
            # the notice's addressees (各市人民政府，苏州工业园区…：) are recipients, and the page's metadata
            # header (发文机构：东乌珠穆沁旗) describes the page: neither is a place the plan names
            continue
        for region, _written, start in find_regions(line.text, home):
            b.region(region, _sentence(line.text, start, doc, doc.span(line.start, line.end)))
    return b.graph


def _kept(measure, measure_ids: dict[int, str]) -> str | None:
    """The id of ``measure``, or of its nearest enclosing measure the outline kept (an item the outline
    later read as a bullet of its parent is no measure of its own)."""
    while measure is not None and id(measure) not in measure_ids:
        measure = measure.parent
    return measure_ids[id(measure)] if measure is not None else None


def _strongest(assignments):
    """One link per (agency, measure): a body named in the text and in a table keeps its strongest role."""
    best = {}
    for a in assignments:
        key = (a.agency.name, id(a.measure))
        if key not in best or ROLE_STRENGTH[a.role] > ROLE_STRENGTH[best[key].role]:
            best[key] = a
    return list(best.values())


#: a notice's sentence that opens the matters it decides (现将有关事项通知如下, 特此通知如下)
NOTICE_MATTERS = re.compile(r"(?:现将|特将|现就)[^。]{0,12}通知如下")


def _official_notice(lay) -> bool:
    """A notice addressed to the bodies that carry it out (各县（区）人民政府，…：) that opens its matters
    (现将有关事项通知如下): an official document even when its opening sets up a body (a 工作专班, a
    leading group) rather than printing a plan's title, measures or goals."""
    head = lay.content()[:20]
    addressed = next((n for n, line in enumerate(head) if addressee_line(line.text)), None)
    return addressed is not None and any(NOTICE_MATTERS.search(line.text) for line in head[addressed + 1:])


def _reported_before_heading(lay, meta) -> bool:
    """Text above the plan's heading that is a report, not an official notice."""
    above = lay.lines[lay.header_end: meta.notice_end]  # (not the page's field list)
    if not above:
        return False
    text = "\n".join(line.text for line in above)
    return not re.search(r"印发给你们|现印发|请认真|请结合|贯彻执行|\n(19|20)\d{2}年\d{1,2}月\d{1,2}日", text)


def _measure_links(b: Builder, plan: str, measure, mid: str, where, refs, full: dict[str, str]) -> None:
    """Sites, organizations and incentives named in the measure's own text and box."""
    doc = b.doc
    context_city = None
    for piece in [*measure.pieces, *measure.box]:
        text = strip_brackets(piece.text)
        city = _paragraph_city(piece.text, where)
        context_city = city or context_city
        sites = find_sites(text, context_city, where.main, refs)
        for site in sites:
            b.link(Rel.AT_SITE, mid, _site(b, site, where), _sentence(piece.text, site.start, doc, piece))
        for org in find_organizations(text, sites, where.main):
            org_id = _organization(b, org, full)
            if org_id:
                b.link(Rel.MENTIONS, mid, org_id, _sentence(piece.text, org.start, doc, piece))


def _organization(b: Builder, org, full: dict[str, str]) -> str | None:
    """The Organization node of a named body, unless the plan names it as an agency (issuer,
    responsible or coordinating body: 之江实验室 as 责任单位). ``full`` gives the full name of a body
    the page also names without its place (``full_names``)."""
    if org.name in full:
        org = replace(org, name=full[org.name])
    agencies = {name for node in b.graph.by_label(Label.AGENCY)
                for name in (node.properties.get("name"), *node.properties.get("aliases", [])) if name}
    if any(_unit_of(name, org) for name in agencies):
        return None
    written = b.doc.surface(org.written)  # a Traditional page's 聯盟: the form the page prints
    return b.node(make_id("org", org.name), Label.ORGANIZATION, name=org.name,
                  aliases=[written] if written != org.name else [],
                  kind=org.kind, name_en=org.name_en)


def _unit_of(agency: str, org) -> bool:
    """Is the agency the body, or a unit of it (中国电信 -> 中国电信克拉玛依分公司)? Not a body
    whose name merely starts the same (阿里 -> 阿里地区行政公署)."""
    return agency in (org.name, org.written) or (
        agency.startswith((org.name, org.written)) and re.search(r"(公司|集团|研究院|研究所|分院|中心)$", agency))


def _site(b: Builder, site, where) -> str:
    site_id = b.site(site)
    city = site.district or site.city
    found = regions().by_name.get(city) if city else None
    if found:
        region = _prefer(found, where)
        b.link(Rel.LOCATED_IN, site_id, b.region(region, site.written), site.written)
    return site_id


def _prefer(found, where):
    home = where.main
    if home:
        same = [r for r in found if r.province == home.province]
        if same:
            return same[0]
    return found[0]


def _paragraph_city(text: str, where):
    """A 专栏 paragraph that opens with a city (广州。依托…) sets the city of its sites."""
    match = re.match(r"^([\u4e00-\u9fff]{2,4})[。：:]", text)
    if not match:
        return None
    for region in regions().lookup(match.group(1)):
        if region.level == "City" and (where.province is None or region.province == where.province.name):
            return region
    return None


def _sentence(text: str, offset: int, doc=None, piece=None) -> str:
    begin = max(text.rfind(ch, 0, offset) for ch in "。；\n") + 1
    ends = [i for i in (text.find(ch, offset) for ch in "。；\n") if i >= 0]
    end = min(ends) if ends else len(text)
    if doc is not None and piece is not None:
        return doc.quote(piece.start + begin, piece.start + end).strip()
    return text[begin:end].strip()


def _fallback_title(lay, source: str) -> str:
    """A title whose genre word is unknown: the 《…》 the notice issues, else a short heading line."""
    for line in lay.content()[:15]:
        # (not a document a task is to draft: 1.…一是…制定印发《…三年行动计划》)
        issued = re.search(r"(?<!制定)(?<!制订)(?<!研究)(?<!编制)(?:印发|现将|出台|发布)(?:了|的)?《([^》]{4,60})》"
                           r"|《([^》]{4,60})》(?:已经|业经|现印发)", line.text)
        if issued:
            group = 1 if issued.group(1) else 2
            return lay.doc.quote(line.start + issued.start(group), line.start + issued.end(group))
    for line in lay.content()[:8]:
        if addressee_line(line.text):
            break  # below a notice's addressees is its text, not a heading (组 长:… / 郝某 市某局局长)
        numbered = re.match(r"[一二三四五六七八九十]+、|[（(]?[一二三四五六七八九十\d]{1,2}[)）.．、]", line.text)
        # 【记者 王某／某县 报导】: a reporter and a place, cut at blanks; (资料图片): a photo's caption
        byline = re.search(r"[／/]", line.text) or re.fullmatch(r"\s*[（(【\[][^）)】\]]*[）)】\]]\s*", line.text)
        # ☩…☪: a banner in symbols no title is written in
        banner = re.search(r"[^\u4e00-\u9fff\w\s（）()《》“”\"'、，,.·•—\-–|丨!！?？%％+]", line.text)
        if (4 <= len(line.text) <= 60 and not re.search(r"[。：:；;]|[，,]$", line.text) and not numbered
                and not byline and not banner):
            return lay.doc.quote(line.start, line.end)
    return source


__all__ = ["EXTRACTOR_VERSION", "extract", "plan_id"]
