"""Stage results -> the document's contribution to the graph, in the contract's terms.

Ids come from content (``make_id``): a plan from its normalised title (so a
plan cited by another document and the plan itself meet in one node), a
measure from its plan and outline position, agencies, sites, regions and
organizations from their canonical names. Every relationship carries the
sentence it was read from (``evidence``) and the file name (``source``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.model import GraphData, Label, Node, Rel, make_id
from loaders.agencies import Agency, region_chain
from loaders.citations import Citation
from loaders.document import Document
from loaders.incentives import Grant
from loaders.lexicon import Region
from loaders.metadata import Metadata, norm
from loaders.outline import Measure
from loaders.sites import SiteMention
from loaders.target_norm import enrich_target
from loaders.targets import Goal

REGION_LABEL = {"Province": Label.PROVINCE, "City": Label.CITY, "District": Label.DISTRICT}


def plan_id(title: str) -> str:
    return make_id("plan", norm(title).replace("~", "-"))


def region_id(region: Region) -> str:
    return make_id(region.level.lower(), region.adcode)


@dataclass
class Builder:
    doc: Document
    graph: GraphData = field(default_factory=GraphData)
    #: ids of measures, in document order (plan-…-m001, m002…), so exports list them in reading order
    measure_ids: dict[int, str] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)

    def _next(self, plan: str, kind: str) -> str:
        self.counters[kind] = self.counters.get(kind, 0) + 1
        return f"{plan}-{kind}{self.counters[kind]:03d}"

    @property
    def source(self) -> str:
        return self.doc.source

    def node(self, node_id: str, label: str, **properties) -> str:
        props = {k: v for k, v in properties.items() if v is not None}
        props["source"] = self.source
        self.graph.add_node(Node(node_id, label, props))
        return node_id

    def link(self, type_: str, start: str, end: str, evidence: str | None, **properties) -> None:
        props = {k: v for k, v in properties.items() if v is not None}
        self.graph.link(type_, start, end, evidence=(evidence or "").strip() or None, source=self.source, **props)

    # -- nodes ---------------------------------------------------------------
    def plan(self, meta: Metadata, title_surface: str) -> str:
        return self.node(
            plan_id(meta.title_text or title_surface), Label.PLAN, title=title_surface, kind=meta.kind,
            doc_number=meta.doc_number, date_issued=meta.date_issued, date_published=meta.date_published,
            period_start=meta.period[0] if meta.period else None, period_end=meta.period[1] if meta.period else None,
            measure_count_declared=meta.measure_count, index_number=meta.index_number, category=meta.category,
            cited_only=False)

    def region(self, region: Region, evidence: str | None = None) -> str:
        """The region and its parents, linked by LOCATED_IN."""
        chain = region_chain(region)
        ids = []
        for r in chain:
            ids.append(self.node(region_id(r), REGION_LABEL[r.level], name=r.name, short=r.short,
                                 name_en=r.name_en, county_level=r.county_level or None,
                                 provincial_level=r.provincial_level or None))
        for child, parent, r in zip(ids, ids[1:], chain, strict=False):
            self.link(Rel.LOCATED_IN, child, parent, evidence or r.name)
        return ids[0]

    def agency(self, agency: Agency, surface: str | None = None) -> str:
        aliases = [surface or agency.written] if (surface or agency.written) != agency.name else []
        return self.node(make_id("agency", agency.name), Label.AGENCY, name=agency.name, aliases=aliases,
                         jurisdiction=agency.jurisdiction, kind=agency.kind, name_en=agency.name_en,
                         collective=agency.collective or None)

    def measure(self, plan: str, measure: Measure) -> str:
        box = "\n".join(p.surface for p in measure.box) or None
        self.measure_ids[id(measure)] = self._next(plan, "m")
        return self.node(
            self.measure_ids[id(measure)], Label.MEASURE,
            # 第 一 条 as a PDF spaced it out is printed 第一条
            number=re.sub(r"(?<=第)\s+|\s+(?=[条章])|(?<=[一二三四五六七八九十百])\s+(?=[一二三四五六七八九十百])", "",
                          measure.number_span.surface) if measure.number_span else None,
            ordinal=measure.ordinal, level=measure.level, title=measure.title.surface.strip(),
            text=measure.surface_text or measure.title.surface, section=measure.section.title
            if measure.section and measure.section.title else None,
            box=box)

    def site(self, mention: SiteMention) -> str:
        """The Site node; its alias is the form the page prints (a Traditional page's 包河經開區), as an
        agency's and an organization's are, so the name can be found as the reader saw it."""
        written = self.doc.surface(mention.written)
        aliases = [written] if written != mention.name else []
        return self.node(make_id("site", mention.name), Label.SITE, name=mention.name, aliases=aliases,
                         kind=mention.kind, name_en=mention.name_en, aliases_en=list(mention.aliases_en) or None)

    def goal(self, plan: str, goal: Goal, index: int) -> str:
        properties = enrich_target(dict(
            year=goal.year, metric=goal.metric, value=goal.value, value_max=goal.value_max, unit=goal.unit,
            comparator=goal.comparator, qualitative=goal.qualitative, text=goal.text))
        return self.node(self._next(plan, "t"), Label.TARGET, **properties)

    def citation(self, citation: Citation) -> str:
        return self.node(plan_id(citation.title), Label.PLAN, title=citation.title_surface, kind=citation.kind,
                         doc_number=citation.doc_number, cited_only=True, cited_in=[self.source])

    def incentive(self, plan: str, grant: Grant) -> str:
        return self.node(self._next(plan, "i"), Label.INCENTIVE, rate=grant.rate,
                         cap=grant.cap, years=grant.years, beneficiary=grant.beneficiary, text=grant.text)


__all__ = ["Builder", "plan_id", "region_id"]
