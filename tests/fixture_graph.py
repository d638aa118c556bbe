"""A small hand-made graph that follows the contract, with facts of the seed documents.

Tests of the store, the queries, the exports and the analysis use it so that
their assertions do not move when the extractor improves; tests of the
extractor use the seed documents themselves.
"""

from __future__ import annotations

from graph.model import GraphData, Label, Node, Rel, make_id

ZJ = "001_9452594fd49a0dfd.txt"
GD = "000_130bc7b1a5085c00.txt"


def small_graph() -> GraphData:
    g = GraphData()

    def node(label, key, source, **props):
        node_id = make_id(label.lower(), key)
        g.add_node(Node(node_id, label, {"source": source, **props}))
        return node_id

    zhejiang = node(Label.PROVINCE, "浙江省", ZJ, name="浙江省", short="浙江", name_en="Zhejiang Province")
    guangdong = node(Label.PROVINCE, "广东省", GD, name="广东省", short="广东", name_en="Guangdong Province")
    dongguan = node(Label.CITY, "东莞市", GD, name="东莞市", short="东莞", name_en="Dongguan")
    g.link(Rel.LOCATED_IN, dongguan, guangdong, source=GD, evidence="东莞松山湖")

    zj_plan = node(Label.PLAN, "浙江省加快推动“人工智能+科学”创新发展行动计划（2025-2027年）", ZJ,
                   title="浙江省加快推动“人工智能+科学”创新发展行动计划（2025-2027年）", kind="行动计划",
                   period_start=2025, period_end=2027, cited_only=False)
    gd_plan = node(Label.PLAN, "广东省加快推动人工智能赋能科学研究行动方案(2026—2030年)", GD,
                   title="广东省加快推动人工智能赋能科学研究行动方案(2026—2030年)", kind="行动方案",
                   period_start=2026, period_end=2030, measure_count_declared=19, cited_only=False)
    g.link(Rel.COVERS, zj_plan, zhejiang, source=ZJ, evidence="浙江省加快推动“人工智能+科学”创新发展行动计划")
    g.link(Rel.COVERS, gd_plan, guangdong, source=GD, evidence="广东省加快推动人工智能赋能科学研究行动方案")

    def agency(name, alias, jurisdiction, kind, name_en, source):
        return node(Label.AGENCY, name, source, name=name, aliases=[alias] if alias else [],
                    jurisdiction=jurisdiction, kind=kind, name_en=name_en)

    ndrc = agency("浙江省发展和改革委员会", "省发展改革委", "浙江省", "government",
                  "Development and Reform Commission of Zhejiang Province", ZJ)
    zhijiang = agency("之江实验室", None, "浙江省", "institute", "Zhejiang Lab", ZJ)
    sti = agency("浙江省科学技术厅", "省科技厅", "浙江省", "government",
                 "Department of Science and Technology of Zhejiang Province", ZJ)
    data = agency("浙江省数据局", "省数据局", "浙江省", "government", "Zhejiang Provincial Data Bureau", ZJ)
    committee = agency("中共广东省委科技委员会", None, "广东省", "party",
                       "Science and Technology Commission of the CPC Guangdong Provincial Committee", GD)
    g.link(Rel.ISSUED_BY, gd_plan, committee, source=GD,
           evidence="中共广东省委科技委员会正式印发《广东省加快推动人工智能赋能科学研究行动方案(2026—2030年)》")
    for body in (sti, ndrc):
        g.link(Rel.COORDINATES, body, zj_plan, source=ZJ,
               evidence="由省科技厅和省发展改革委统筹推进“人工智能+科学”行动计划的资源保障和工作落实")

    def measure(plan, path, number, title, section, source, text=None, parent=None, level=1):
        node_id = make_id("measure", plan, path)
        g.add_node(Node(node_id, Label.MEASURE, {
            "source": source, "number": number, "ordinal": int(path.split(".")[-1]), "level": level,
            "title": title, "text": text or title, "section": section}))
        g.link(Rel.HAS_MEASURE, plan, node_id, source=source, evidence=title)
        if parent:
            g.link(Rel.PART_OF, node_id, parent, source=source, evidence=title)
        return node_id

    m1 = measure(zj_plan, "2.1", "（一）", "统筹科学智算高效供给", "强化基础要素供给", ZJ,
                 "统筹科学智算高效供给\n加强国家新一代人工智能公共算力开放创新平台建设。"
                 "（责任单位：省发展改革委、之江实验室、省科技厅）")
    m2 = measure(zj_plan, "2.2", "（二）", "推动科学数据有效组织", "强化基础要素供给", ZJ,
                 "推动科学数据有效组织\n建设科学数据开放共享枢纽。（责任单位：省发展改革委、之江实验室、省科技厅、省数据局）")
    owners = "（责任单位：省发展改革委、之江实验室、省科技厅）"
    for rank, body in enumerate((ndrc, zhijiang, sti), 1):
        g.link(Rel.RESPONSIBLE_FOR, body, m1, source=ZJ, evidence=owners, role="responsible", rank=rank)
    owners2 = "（责任单位：省发展改革委、之江实验室、省科技厅、省数据局）"
    for rank, body in enumerate((ndrc, zhijiang, sti, data), 1):
        g.link(Rel.RESPONSIBLE_FOR, body, m2, source=ZJ, evidence=owners2, role="responsible", rank=rank)

    m7 = measure(gd_plan, "7", None, "推动人工智能与材料科学深度融合", "重点任务", GD,
                 "推动人工智能与材料科学深度融合。构建材料基因数据库。推动东莞松山湖打造尖端材料与技术创新高地。")

    songshan = node(Label.SITE, "松山湖", GD, name="松山湖", aliases=["东莞松山湖", "松山湖高新区"], kind="zone",
                    name_en="Songshan Lake")
    g.link(Rel.LOCATED_IN, songshan, dongguan, source=GD, evidence="东莞松山湖")
    g.link(Rel.AT_SITE, m7, songshan, source=GD, evidence="推动东莞松山湖打造尖端材料与技术创新高地。")

    goal_text = "打造广州国际生物岛、深圳河套、珠海唐家湾、东莞松山湖等人工智能赋能科学研究高地"
    goal = node(Label.TARGET, goal_text, GD, year=2030, metric=goal_text, value=None, unit=None,
                comparator=None, qualitative=True, text=goal_text)
    g.link(Rel.SETS_TARGET, gd_plan, goal, source=GD, evidence=goal_text)
    g.link(Rel.AT_SITE, goal, songshan, source=GD, evidence=goal_text)
    models = node(Label.TARGET, "领域基础模型2027", GD, year=2027, metric="领域基础模型", value=5, unit="个",
                  comparator=">=", qualitative=False, text="培育5个以上领域基础模型")
    g.link(Rel.SETS_TARGET, gd_plan, models, source=GD, evidence="培育5个以上领域基础模型")
    zj_models = node(Label.TARGET, "浙江基础模型2027", ZJ, year=2027, metric="“人工智能+科学”领域基础模型", value=4,
                     unit="个", comparator=">=", qualitative=False, text="培育4个以上“人工智能+科学”领域基础模型")
    g.link(Rel.SETS_TARGET, zj_plan, zj_models, source=ZJ, evidence="培育4个以上“人工智能+科学”领域基础模型")

    huawei = node(Label.ORGANIZATION, "华为", GD, name="华为", kind="enterprise")
    g.link(Rel.MENTIONS, m7, huawei, source=GD, evidence="推动各类模型向昇腾平台迁移适配")
    cited = node(Label.PLAN, "新一代人工智能发展规划", GD, title="新一代人工智能发展规划", kind="规划",
                 doc_number="国发〔2017〕35号", cited_only=True)
    g.link(Rel.CITES, gd_plan, cited, source=GD, evidence="依据《新一代人工智能发展规划》（国发〔2017〕35号）")
    subsidy = node(Label.INCENTIVE, "算力券", GD, rate=30, cap=600, years=3, beneficiary="采购算力资源的企业",
                   text="对采购算力资源的企业,按年度实际采购费用的30%,最高600万元向采购企业提供算力券补贴,连续资助3年")
    g.link(Rel.OFFERS, m7, subsidy, source=GD, evidence="按年度实际采购费用的30%,最高600万元")
    return g
