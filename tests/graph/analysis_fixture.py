"""``small_graph()`` grown into a graph worth analysing: two provinces' agency networks,
Guangdong's two plans with their AI-core-industry targets, a district plan, sites.

Figures come from the seed documents (粤办函〔2024〕88号: 算力规模超过40EFLOPS and
核心产业规模超过3000亿元 by 2025, 60EFLOPS and 4400亿元 by 2027, 1.9万亿元; the
2022–2025 plan: 核心产业规模突破1500亿元, 带动相关产业规模超万亿元), except the
Zhejiang 900PFlops computing target, which is invented to exercise the unit
conversion. Targets are normalised as a build writes them (``enrich_target``).
"""

from __future__ import annotations

from graph.model import GraphData, Label, Node, Rel, make_id
from loaders.target_norm import enrich_target
from tests.fixture_graph import GD, ZJ, small_graph

GD2022 = "002_fc7a8ccc6f5b5ad3.txt"
GD2024 = "004_5aacd94c7d0fa2a4.txt"
GM = "003_b6d3d666be5e0af2.txt"


def analysis_graph() -> GraphData:
    g = small_graph()

    def node(label, key, source, **props):
        node_id = make_id(label.lower(), key)
        g.add_node(Node(node_id, label, {"source": source, **props}))
        return node_id

    guangdong = make_id("province", "广东省")
    zj_plan = make_id("plan", "浙江省加快推动“人工智能+科学”创新发展行动计划（2025-2027年）")
    songshan = make_id("site", "松山湖")
    dongguan = make_id("city", "东莞市")

    # -- Zhejiang: more measures, so the agency network has a shape ---------------------
    def zj_agency(name, alias, name_en):
        return node(Label.AGENCY, name, ZJ, name=name, aliases=[alias], jurisdiction="浙江省", kind="government",
                    name_en=name_en)

    sti = make_id("agency", "浙江省科学技术厅")
    ndrc = make_id("agency", "浙江省发展和改革委员会")
    econ = zj_agency("浙江省经济和信息化厅", "省经信厅", "Department of Economy and Information Technology of Zhejiang")
    edu = zj_agency("浙江省教育厅", "省教育厅", "Department of Education of Zhejiang Province")
    hr = zj_agency("浙江省人力资源和社会保障厅", "省人力社保厅", "Department of Human Resources of Zhejiang Province")
    zj_measures = [
        ("3.1", "（一）", "构建科学基础模型体系", "推进科学大模型研发", [sti, econ]),
        ("3.2", "（二）", "研发前沿领域科学模型", "推进科学大模型研发", [sti]),
        ("4.1", "（一）", "推动生命科学研究范式变革", "赋能重点领域科学研究", [sti, edu]),
        ("5.1", "（一）", "培育复合型人才队伍", "强化创新生态", [sti, edu, hr]),
        ("5.2", "（二）", "加强科研伦理治理", "强化创新生态", [sti]),
    ]
    for path, number, title, section, owners in zj_measures:
        m = make_id("measure", zj_plan, path)
        g.add_node(Node(m, Label.MEASURE, {"source": ZJ, "number": number, "ordinal": int(path.split(".")[1]),
                                            "level": 1, "title": title, "text": f"{title}。加强科学智能研究。",
                                            "section": section}))
        g.link(Rel.HAS_MEASURE, zj_plan, m, source=ZJ, evidence=title)
        for rank, body in enumerate(owners, 1):
            g.link(Rel.RESPONSIBLE_FOR, body, m, source=ZJ, evidence="（责任单位：…）", role="responsible", rank=rank)
    computing = node(Label.TARGET, "浙江算力2027", ZJ, year=2027, metric="科学智算算力规模", value=900, unit="PFlops",
                     comparator=">", qualitative=False, text="科学智算算力规模超过900PFlops（示例）")
    g.link(Rel.SETS_TARGET, zj_plan, computing, source=ZJ, evidence="科学智算算力规模超过900PFlops（示例）")
    g.link(Rel.ISSUED_BY, zj_plan, ndrc, source=ZJ, evidence="浙江省发展和改革委员会")

    # -- Guangdong: the 2022–2025 plan and 粤办函〔2024〕88号 ----------------------------
    def gd_agency(name, alias, name_en, source):
        return node(Label.AGENCY, name, source, name=name, aliases=[alias] if alias else [], jurisdiction="广东省",
                    kind="government", name_en=name_en)

    gd_sti = gd_agency("广东省科学技术厅", "省科技厅", "Department of Science and Technology of Guangdong Province",
                       GD2022)
    gd_miit = gd_agency("广东省工业和信息化厅", "省工业和信息化厅",
                        "Department of Industry and Information Technology of Guangdong Province", GD2022)
    gd_drc = gd_agency("广东省发展和改革委员会", "省发展改革委",
                       "Development and Reform Commission of Guangdong Province", GD2024)
    gd_data = gd_agency("广东省政务服务和数据管理局", "省政务服务和数据管理局",
                        "Guangdong Government Service and Data Management Bureau", GD2024)
    gd_office = gd_agency("广东省人民政府办公厅", None,
                          "General Office of the People's Government of Guangdong Province", GD2024)

    plan22 = node(Label.PLAN, "广东省新一代人工智能创新发展行动计划（2022-2025年）", GD2022,
                  title="广东省新一代人工智能创新发展行动计划（2022-2025年）", kind="行动计划",
                  date_issued="2022-12-30", period_start=2022, period_end=2025, cited_only=False)
    plan24 = node(Label.PLAN, "广东省关于人工智能赋能千行百业若干措施", GD2024,
                  title="广东省关于人工智能赋能千行百业若干措施", kind="若干措施", doc_number="粤办函〔2024〕88号",
                  date_issued="2024-05-26", date_published="2024-06-06", cited_only=False)
    for plan, source in ((plan22, GD2022), (plan24, GD2024)):
        g.link(Rel.COVERS, plan, guangdong, source=source, evidence="广东省")
    g.link(Rel.ISSUED_BY, plan22, gd_sti, source=GD2022, evidence="广东省科学技术厅 广东省工业和信息化厅关于印发")
    g.link(Rel.ISSUED_BY, plan22, gd_miit, source=GD2022, evidence="广东省科学技术厅 广东省工业和信息化厅关于印发")
    g.link(Rel.ISSUED_BY, plan24, gd_office, source=GD2024, evidence="发布机构：广东省人民政府办公厅")

    gd_measures = [
        (plan22, GD2022, "1", "（一）", "加强人工智能基础研究", "强基固本行动", [gd_sti, gd_miit], None),
        (plan22, GD2022, "2", "（二）", "建设智能算力基础设施", "强基固本行动", [gd_miit, gd_sti, gd_drc], None),
        (plan24, GD2024, "1", "1.", "提升算力供给", "夯实底座", [gd_drc, gd_miit, gd_data], songshan),
        (plan24, GD2024, "2", "2.", "建设高质量行业数据集", "夯实底座", [gd_data, gd_miit], None),
        (plan24, GD2024, "3", "3.", "打造智能终端产品", "赋能千行百业", [gd_miit, gd_sti], None),
    ]
    measure_ids = {}
    for plan, source, path, number, title, section, owners, site in gd_measures:
        m = make_id("measure", plan, path)
        measure_ids[(plan, path)] = m
        g.add_node(Node(m, Label.MEASURE, {"source": source, "number": number, "ordinal": int(path), "level": 1,
                                            "title": title, "text": f"{title}。推动人工智能产业集群发展。",
                                            "section": section}))
        g.link(Rel.HAS_MEASURE, plan, m, source=source, evidence=title)
        for rank, body in enumerate(owners, 1):
            g.link(Rel.RESPONSIBLE_FOR, body, m, source=source, evidence="（省发展改革委牵头…）",
                   role="lead" if rank == 1 else "support", rank=1 if rank == 1 else rank - 1)
        if site:
            g.link(Rel.AT_SITE, m, site, source=source, evidence=title)

    def target(owner, source, key, year, metric, value, unit, comparator, text):
        t = node(Label.TARGET, key, source, year=year, metric=metric, value=value, unit=unit, comparator=comparator,
                 qualitative=False, text=text)
        g.link(Rel.SETS_TARGET, owner, t, source=source, evidence=text)
        return t

    s22 = "培育形成40家以上技术创新能力处于国内领先水平的龙头企业，核心产业规模突破1500亿元，带动相关产业规模超万亿元"
    target(plan22, GD2022, "gd22-core", 2025, "核心产业规模", 1500, "亿元", ">", s22)
    target(plan22, GD2022, "gd22-related", 2025, "带动相关产业规模", None, "万亿元", ">", s22)
    target(plan22, GD2022, "gd22-leaders", 2025, "龙头企业", 40, "家", ">=", s22)
    s25 = "到2025年，全省算力规模超过40EFLOPS，人工智能核心产业规模超过3000亿元"
    target(plan24, GD2024, "gd24-computing-2025", 2025, "算力规模", 40, "EFLOPS", ">", s25)
    target(plan24, GD2024, "gd24-core-2025", 2025, "人工智能核心产业规模", 3000, "亿元", ">", s25)
    s27 = "到2027年，算力规模超过60EFLOPS，人工智能核心产业规模超过4400亿元"
    target(plan24, GD2024, "gd24-computing-2027", 2027, "算力规模", 60, "EFLOPS", ">", s27)
    target(plan24, GD2024, "gd24-core-2027", 2027, "人工智能核心产业规模", 4400, "亿元", ">", s27)
    target(measure_ids[(plan24, "2")], GD2024, "gd24-datasets", 2027, "高质量行业数据集", 50, "个", ">=",
           "建设50个以上高质量行业数据集")
    target(measure_ids[(plan24, "3")], GD2024, "gd24-appliances", 2027, "智能家电战略性产业集群营业收入", 1.9, "万亿元",
           "=", "智能家电战略性产业集群营业收入达到1.9万亿元")

    # -- a district plan of Shenzhen, with its science city --------------------------------
    shenzhen = node(Label.CITY, "深圳市", GM, name="深圳市", short="深圳", name_en="Shenzhen")
    g.link(Rel.LOCATED_IN, shenzhen, guangdong, source=GM, evidence="深圳")
    guangming = node(Label.DISTRICT, "光明区", GM, name="光明区", short="光明", name_en="Guangming District")
    g.link(Rel.LOCATED_IN, guangming, shenzhen, source=GM, evidence="光明区")
    gm_plan = node(Label.PLAN, "光明区关于推动人工智能和软件信息产业高质量发展的若干措施", GM,
                   title="光明区关于推动人工智能和软件信息产业高质量发展的若干措施", kind="若干措施",
                   date_published="2025-03-20", cited_only=False)
    g.link(Rel.COVERS, gm_plan, guangming, source=GM, evidence="光明区")
    science_city = node(Label.SITE, "光明科学城", GM, name="光明科学城", aliases=[], kind="zone",
                        name_en="Guangming Science City")
    g.link(Rel.LOCATED_IN, science_city, guangming, source=GM, evidence="光明科学城")
    gm_m = make_id("measure", gm_plan, "1")
    g.add_node(Node(gm_m, Label.MEASURE, {"source": GM, "number": None, "ordinal": 1, "level": 1,
                                          "title": "打造智能算力超级节点",
                                          "text": "依托鹏城云脑Ⅲ、国家超算深圳中心二期构建“智算+超算”双引擎，"
                                                  "推动光明科学城建设。",
                                          "section": "若干措施"}))
    g.link(Rel.HAS_MEASURE, gm_plan, gm_m, source=GM, evidence="打造智能算力超级节点")
    g.link(Rel.AT_SITE, gm_m, science_city, source=GM, evidence="推动光明科学城建设")
    assert songshan in g.nodes and dongguan in g.nodes and GD in (g.nodes[songshan].properties["source"],)
    for n in g.by_label(Label.TARGET):  # as the build writes them
        n.properties = {k: v for k, v in enrich_target(n.properties).items() if v is not None}
    return g


# -- fixtures: the analysis graph written to a real embedded FalkorDB, read back --------------
import pytest  # noqa: E402


@pytest.fixture(scope="session")
def analysis_store(tmp_path_factory):
    """The analysis graph in its own embedded FalkorDB, open for the whole session."""
    from graph.store.falkor import FalkorStore
    from tests.conftest import settings_for

    store = FalkorStore(settings_for(tmp_path_factory.mktemp("analysis-data")))
    store.replace_graph(analysis_graph())
    yield store
    store.close()


@pytest.fixture(scope="session")
def analysis_nx(analysis_store):
    """The stored analysis graph in networkx (what every analysis starts from)."""
    from graph.analysis import to_networkx

    return to_networkx(analysis_store.export())


@pytest.fixture(scope="session")
def analysis_data_dir(tmp_path_factory):
    """A data dir holding the analysis graph, with no store left open on it.

    For tests of the CLI and the HTTP app, which open and close their own
    store: the embedded server is shared per process and data dir, so closing
    one store would stop it under another store still open on the same dir.
    """
    from graph.store.falkor import FalkorStore
    from tests.conftest import settings_for

    settings = settings_for(tmp_path_factory.mktemp("analysis-cli"))
    store = FalkorStore(settings)
    try:
        store.replace_graph(analysis_graph())
    finally:
        store.close()
    return settings.data_dir
