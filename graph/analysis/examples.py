"""A tiny contract graph for the docstring examples (networkx ships small generators the same way).

Two provinces (甲省 Alpha, 乙省 Beta), three plans, three agencies sharing two
measures, two sites (one reached by a measure and a target), and targets in
units that differ (900 PFlops, 亿元). Targets carry what a build writes: the
value as written and its normalised form with the category's names (the
extractor's ``enrich_target`` gives exactly these; a test keeps them equal).
"""

from __future__ import annotations

from graph.model import GraphData, Node, Rel


def tiny_graph() -> GraphData:
    """The example graph; ids are short and readable on purpose."""
    g = GraphData()

    def node(node_id: str, label: str, **props) -> str:
        g.add_node(Node(node_id, label, {"source": "example.txt", **props}))
        return node_id

    def link(type_: str, start: str, end: str, **props) -> None:
        g.link(type_, start, end, source="example.txt", evidence=props.pop("evidence", "例句。"), **props)

    alpha = node("province-a", "Province", name="甲省", short="甲", name_en="Alpha Province")
    beta = node("province-b", "Province", name="乙省", short="乙", name_en="Beta Province")
    city = node("city-b", "City", name="乙市", short="乙市", name_en="Beta City")
    link(Rel.LOCATED_IN, city, beta)

    plan_a = node("plan-a", "Plan", title="甲省人工智能行动计划", kind="行动计划", date_issued="2023-01-10",
                  period_start=2023, period_end=2025)
    plan_b = node("plan-b", "Plan", title="乙省人工智能行动方案（2022-2025年）", kind="行动方案",
                  date_issued="2022-12-30", period_start=2022, period_end=2025)
    plan_c = node("plan-c", "Plan", title="乙市人工智能若干措施", kind="若干措施", doc_number="乙办〔2024〕8号",
                  date_issued="2024-05-26")
    link(Rel.COVERS, plan_a, alpha)
    link(Rel.COVERS, plan_b, beta)
    link(Rel.COVERS, plan_c, city)

    sti = node("agency-sti", "Agency", name="甲省科学技术厅", aliases=["省科技厅"], jurisdiction="甲省",
               kind="government", name_en="Alpha Department of Science and Technology")
    dev = node("agency-dev", "Agency", name="甲省发展和改革委员会", aliases=["省发展改革委"], jurisdiction="甲省",
               kind="government", name_en="Alpha Development and Reform Commission")
    data = node("agency-data", "Agency", name="甲省数据局", jurisdiction="甲省", kind="government",
                name_en="Alpha Data Bureau")
    link(Rel.COORDINATES, sti, plan_a)

    a1 = node("measure-a1", "Measure", number="（一）", ordinal=1, level=1, title="建设科学智算平台",
              text="建设科学智算平台，统筹算力供给。", section="重点任务")
    a2 = node("measure-a2", "Measure", number="（二）", ordinal=2, level=1, title="推动科学数据开放",
              text="推动科学数据开放共享，建设高质量数据集。", section="重点任务")
    b1 = node("measure-b1", "Measure", number="1.", ordinal=1, level=1, title="打造湖区人工智能产业集群",
              text="推动湖区打造人工智能产业集群，建设智算中心。", section="主要任务")
    for plan, measure in ((plan_a, a1), (plan_a, a2), (plan_b, b1)):
        link(Rel.HAS_MEASURE, plan, measure)
    link(Rel.RESPONSIBLE_FOR, sti, a1, role="lead", rank=1)
    link(Rel.RESPONSIBLE_FOR, dev, a1, role="support", rank=1)
    link(Rel.RESPONSIBLE_FOR, sti, a2, role="lead", rank=1)
    link(Rel.RESPONSIBLE_FOR, dev, a2, role="support", rank=1)
    link(Rel.RESPONSIBLE_FOR, data, a2, role="support", rank=2)

    lake = node("site-lake", "Site", name="湖区", aliases=["乙市湖区"], kind="zone", name_en="Lake Park")
    link(Rel.LOCATED_IN, lake, city)
    link(Rel.AT_SITE, b1, lake)
    science = node("site-science", "Site", name="乙市科学城", kind="zone", name_en="Beta Science City")
    link(Rel.LOCATED_IN, science, city)
    link(Rel.AT_SITE, a2, science)

    computing = {"metric_category": "computing_capacity", "metric_category_zh": "算力规模",
                 "metric_category_en": "computing capacity", "unit_norm": "EFLOPS", "unit_norm_en": "EFLOPS",
                 "unit_kind": "computing"}
    core = {"metric_category": "ai_core_industry_scale", "metric_category_zh": "人工智能核心产业规模",
            "metric_category_en": "AI core industry scale", "unit_norm": "亿元", "unit_norm_en": "100 million yuan",
            "unit_kind": "money"}

    def target(node_id: str, owner: str, year: int, metric: str, value, unit: str, text: str, value_norm,
               normalised: dict) -> str:
        node(node_id, "Target", year=year, metric=metric, value=value, unit=unit, comparator=">",
             qualitative=False, text=text, value_norm=value_norm, **normalised)
        link(Rel.SETS_TARGET, owner, node_id, evidence=text)
        return node_id

    target("target-a", a1, 2025, "算力规模", 900, "PFlops", "到2025年，全省算力规模超过900PFlops。", 0.9, computing)
    target("target-b", plan_b, 2025, "核心产业规模", 1500, "亿元", "到2025年，核心产业规模突破1500亿元。", 1500, core)
    c25 = target("target-c25", plan_c, 2025, "人工智能核心产业规模", 3000, "亿元",
                 "到2025年，人工智能核心产业规模超过3000亿元。", 3000, core)
    target("target-c27", plan_c, 2027, "人工智能核心产业规模", 4400, "亿元",
           "到2027年，人工智能核心产业规模超过4400亿元。", 4400, core)
    link(Rel.AT_SITE, c25, lake)
    return g
