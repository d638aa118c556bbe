"""The extraction rules on small documents written for them: one layout or wording per test.

These documents are made up for the tests (province, bodies and numbers vary), so
the rules are shown to work on plans other than the seeds.
"""

from __future__ import annotations

import pytest

from graph.errors import SourceError
from graph.model import GraphData, Label, Rel
from loaders.extract import extract
from loaders.read import RawDocument

NOTICE = """山东省人民政府办公厅关于印发山东省算力基础设施提升行动方案（2025—2027年）的通知
鲁政办字〔2025〕31号
各市人民政府，省政府各部门、各直属机构：
《山东省算力基础设施提升行动方案（2025—2027年）》已经省政府同意，现印发给你们，请认真贯彻落实。
山东省人民政府办公厅
2025年3月8日
山东省算力基础设施提升行动方案（2025—2027年）
为加快算力基础设施建设，制定本方案。
一、总体目标
到2027年，全省算力总规模超过25EFLOPS，建成10个左右省级算力枢纽节点，打造2—3个千卡智算集群，数据中心平均PUE降至1.25以下；算力赋能体系基本完善。
二、重点任务
（一）优化算力布局
1.建设济南、青岛算力枢纽。依托济南新旧动能转换起步区建设智算中心集群。（牵头单位：省发展改革委；配合单位：省工业和信息化厅、省大数据局、济南市人民政府）
2.发展边缘算力。到2026年，边缘算力节点超过200个。
责任单位：省通信管理局、省工业和信息化厅
（二）强化算力应用
3.推动算力券发放。对采购算力服务的中小企业，按合同金额的20%给予补贴，单个企业每年最高100万元，连续支持2年。（省财政厅、省工业和信息化厅负责）
三、保障措施
（一）加强组织领导。在省数字强省建设领导小组统筹指导下，由省发展改革委牵头抓总，各市抓好落实。
"""


def build(text: str, name: str = "doc.txt") -> GraphData:
    return extract(RawDocument(name, text))


def plan(graph: GraphData):
    return next(n for n in graph.by_label(Label.PLAN) if not n.properties.get("cited_only"))


def measure(graph: GraphData, title: str):
    return next(n for n in graph.by_label(Label.MEASURE) if n.properties["title"] == title)


def owners(graph: GraphData, node_id: str) -> list[tuple[str, str, int]]:
    rels = [r for r in graph.relationships.values() if r.type == Rel.RESPONSIBLE_FOR and r.end == node_id]
    return sorted(((graph.nodes[r.start].properties["name"], r.properties["role"], r.properties["rank"])
                   for r in rels), key=lambda t: ({"lead": 0, "responsible": 1, "support": 2}[t[1]], t[2]))


@pytest.fixture(scope="module")
def shandong() -> GraphData:
    return build(NOTICE)


def test_plan_metadata_from_the_notice(shandong):
    props = plan(shandong).properties
    assert props["title"] == "山东省算力基础设施提升行动方案（2025—2027年）"
    assert (props["kind"], props["period_start"], props["period_end"]) == ("行动方案", 2025, 2027)
    assert props["doc_number"] == "鲁政办字〔2025〕31号"
    assert props["date_issued"] == "2025-03-08"
    issuers = [shandong.nodes[r.end].properties["name"] for r in shandong.out(plan(shandong).id, Rel.ISSUED_BY)]
    assert issuers == ["山东省人民政府办公厅"]
    covers = [shandong.nodes[r.end].properties["name"] for r in shandong.out(plan(shandong).id, Rel.COVERS)]
    assert covers == ["山东省"]


def test_outline_levels_and_sections(shandong):
    titles = [n.properties["title"] for n in sorted(shandong.by_label(Label.MEASURE), key=lambda n: n.id)]
    assert titles == ["优化算力布局", "建设济南、青岛算力枢纽", "发展边缘算力", "强化算力应用", "推动算力券发放",
                      "加强组织领导"]
    child = measure(shandong, "发展边缘算力")
    assert (child.properties["level"], child.properties["ordinal"], child.properties["number"]) == (2, 2, "2.")
    parent = next(r.end for r in shandong.out(child.id, Rel.PART_OF))
    assert shandong.nodes[parent].properties["title"] == "优化算力布局"
    assert child.properties["section"] == "重点任务"


def test_lead_and_support_lists_resolve_short_names_in_the_province(shandong):
    assert owners(shandong, measure(shandong, "建设济南、青岛算力枢纽").id) == [
        ("山东省发展和改革委员会", "lead", 1), ("山东省工业和信息化厅", "support", 1),
        ("山东省大数据局", "support", 2), ("济南市人民政府", "support", 3)]


def test_a_list_without_brackets_on_its_own_line(shandong):
    assert owners(shandong, measure(shandong, "发展边缘算力").id) == [
        ("山东省通信管理局", "responsible", 1), ("山东省工业和信息化厅", "responsible", 2)]


def test_a_list_that_ends_in_fu_ze_carries_the_level(shandong):
    assert owners(shandong, measure(shandong, "推动算力券发放").id) == [
        ("山东省财政厅", "responsible", 1), ("山东省工业和信息化厅", "responsible", 2)]


def test_coordination_in_the_implementation_section(shandong):
    names = {shandong.nodes[r.start].properties["name"] for r in shandong.relationships.values()
             if r.type == Rel.COORDINATES}
    assert names == {"山东省数字强省建设领导小组", "山东省发展和改革委员会"}


def test_targets_values_units_comparators_and_ranges(shandong):
    goals = {(t.properties["metric"], t.properties["year"]): t.properties for t in shandong.by_label(Label.TARGET)}
    total = goals[("全省算力总规模", 2027)]
    assert (total["value"], total["unit"], total["comparator"]) == (25, "EFLOPS", ">")
    hubs = goals[("省级算力枢纽节点", 2027)]
    assert (hubs["value"], hubs["unit"], hubs["comparator"]) == (10, "个", "~")
    clusters = goals[("千卡智算集群", 2027)]
    assert (clusters["value"], clusters["value_max"], clusters["comparator"]) == (2, 3, ">=")
    pue = goals[("数据中心平均PUE", 2027)]
    assert (pue["value"], pue.get("unit"), pue["comparator"]) == (1.25, None, "<=")
    qualitative = goals[("算力赋能体系基本完善", 2027)]
    assert qualitative["qualitative"] is True and qualitative.get("value") is None


def test_a_goal_inside_a_measure_belongs_to_the_measure(shandong):
    edge = measure(shandong, "发展边缘算力")
    own = [shandong.nodes[r.end].properties for r in shandong.out(edge.id, Rel.SETS_TARGET)]
    assert [(t["year"], t["value"], t["unit"], t["comparator"]) for t in own] == [(2026, 200, "个", ">")]


def test_incentive_terms(shandong):
    grants = [n.properties for n in shandong.by_label(Label.INCENTIVE)]
    assert [(g["rate"], g["cap"], g["years"]) for g in grants] == [(20, 100, 2)]
    assert grants[0]["beneficiary"] == "采购算力服务的中小企业"


def test_sites_named_by_a_measure(shandong):
    hub = measure(shandong, "建设济南、青岛算力枢纽")
    sites = [shandong.nodes[r.end].properties["name"] for r in shandong.out(hub.id, Rel.AT_SITE)]
    assert sites == ["济南新旧动能转换起步区"] or sites == ["新旧动能转换起步区"]


ARTICLES = """贵阳市支持人工智能产业发展若干措施
第一条【支持算力设施建设】对新建智算中心，按设备投资的10%给予补助，最高不超过500万元。（责任单位：市大数据局、市财政局）
第二条【鼓励模型研发】对通过备案的大模型企业给予一次性奖励50万元。（牵头单位：市科技局；责任单位：市工业和信息化局）
"""


def test_articles_with_bracketed_titles_and_no_sections():
    graph = build(ARTICLES)
    first = measure(graph, "支持算力设施建设")
    assert (first.properties["number"], first.properties["level"]) == ("第一条", 1)
    assert owners(graph, first.id) == [("贵阳市大数据局", "responsible", 1), ("贵阳市财政局", "responsible", 2)]
    second = measure(graph, "鼓励模型研发")
    assert owners(graph, second.id) == [("贵阳市科学技术局", "lead", 1), ("贵阳市工业和信息化局", "responsible", 1)]


RUN_ON = ("各县（区）人民政府：《泉州市促进算力产业发展若干措施》已经市政府同意，现印发给你们。"
          "为促进算力产业发展，制定以下措施。"
          "（一）建设算力中心。支持企业建设智算中心。（牵头单位：市工信局；责任单位：市发改委、财政局）"
          "（二）降低用算成本。发放算力券。（牵头单位：市工信局）（三）培育人才队伍。引进高层次人才。")


def test_a_page_that_lost_its_line_breaks_still_has_one_measure_per_item():
    graph = build(RUN_ON)
    titles = [n.properties["title"] for n in sorted(graph.by_label(Label.MEASURE), key=lambda n: n.id)]
    assert titles == ["建设算力中心", "降低用算成本", "培育人才队伍"]
    assert owners(graph, measure(graph, "建设算力中心").id) == [
        ("泉州市工业和信息化局", "lead", 1), ("泉州市发展和改革委员会", "responsible", 1),
        ("泉州市财政局", "responsible", 2)]


NEWS = """近日，湖南省人民政府办公厅印发《湖南省低空经济发展行动方案（2025—2027年）》。
《行动方案》提出，到2027年，全省低空经济规模超过1000亿元，建成通用机场20个。
为实现上述目标，《行动方案》部署了系列重点任务。一是完善基础设施，建设起降场地；二是拓展应用场景，发展低空物流；三是培育市场主体，引进龙头企业。
"""


def test_a_news_report_with_enumerated_task_groups():
    graph = build(NEWS)
    props = plan(graph).properties
    assert props["title"] == "湖南省低空经济发展行动方案（2025—2027年）"
    issuers = [graph.nodes[r.end].properties["name"] for r in graph.out(plan(graph).id, Rel.ISSUED_BY)]
    assert issuers == ["湖南省人民政府办公厅"]
    titles = [n.properties["title"] for n in sorted(graph.by_label(Label.MEASURE), key=lambda n: n.id)]
    assert titles == ["完善基础设施", "拓展应用场景", "培育市场主体"]
    goals = sorted((t.properties["value"], t.properties["unit"]) for t in graph.by_label(Label.TARGET))
    assert goals == [(20, "个"), (1000, "亿元")]


TABLE = """江苏省数据要素市场培育实施方案
二、主要任务
（一）建设数据交易平台
推动数据交易场所互联互通。
（二）培育数据服务商
引育一批数据服务企业。
附件
| 序号 | 重点任务 | 牵头单位 | 配合单位 |
| --- | --- | --- | --- |
| 1 | 建设数据交易平台 | 省数据局 | 省发展改革委、省财政厅 |
| 2 | 培育数据服务商 | 省工业和信息化厅 | 省数据局 |
"""


def test_a_responsibility_table_annex_gives_roles_to_the_measures_it_names():
    graph = build(TABLE)
    assert owners(graph, measure(graph, "建设数据交易平台").id) == [
        ("江苏省数据局", "lead", 1), ("江苏省发展和改革委员会", "support", 1), ("江苏省财政厅", "support", 2)]
    assert owners(graph, measure(graph, "培育数据服务商").id) == [
        ("江苏省工业和信息化厅", "lead", 1), ("江苏省数据局", "support", 1)]


def test_units_nobody_knows_are_kept_as_written():
    text = ("福建省人工智能产业行动方案\n一、重点任务\n（一）建设公共算力平台。建设省级平台。"
            "（责任单位：省数字福建建设领导小组办公室、福建省电子信息集团）\n")
    graph = build(text)
    got = owners(graph, measure(graph, "建设公共算力平台").id)
    assert [name for name, _, _ in got] == ["福建省数字福建建设领导小组办公室", "福建省电子信息集团"]


def test_the_first_listed_leads_where_the_plan_says_so():
    text = ("浙江省数字经济行动方案\n各单位按照职责分工抓好落实，排在第一位的为牵头单位。\n一、重点任务\n"
            "（一）建设数据中心。（责任单位：省经信厅、省发展改革委、省数据局）\n")
    graph = build(text)
    assert owners(graph, measure(graph, "建设数据中心").id) == [
        ("浙江省经济和信息化厅", "lead", 1), ("浙江省发展和改革委员会", "responsible", 2),
        ("浙江省数据局", "responsible", 3)]


def test_a_file_without_policy_text_is_refused_with_the_reason():
    with pytest.raises(SourceError, match="policy text"):
        build("Lorem ipsum dolor sit amet, consectetur adipiscing elit. 1234567890", "latin.txt")


INDICATORS = """海南省数字经济发展行动计划（2023—2025年）
一、发展目标
到2025年，数字经济发展取得明显成效。
专栏1 主要指标
| 序号 | 指标 | 单位 | 2022年 | 2025年 |
| --- | --- | --- | --- | --- |
| 1 | 数字经济核心产业增加值 | 亿元 | 600 | 1000 |
| 2 | 算力规模（EFLOPS） |  | 1.2 | ≥3 |
| 3 | 5G基站数 | 万个 | 2 | 4以上 |
"""


def test_an_indicator_table_gives_dated_goals_but_not_its_base_year():
    graph = build(INDICATORS)
    counted = [t.properties for t in graph.by_label(Label.TARGET) if not t.properties["qualitative"]]
    goals = sorted((t["metric"], t["year"], t["value"], t.get("unit"), t["comparator"]) for t in counted)
    assert goals == [("5G基站数", 2025, 4, "万个", ">="), ("数字经济核心产业增加值", 2025, 1000, "亿元", "="),
                     ("算力规模", 2025, 3, "EFLOPS", ">=")]


def test_a_list_written_as_clauses_ending_in_their_roles():
    text = ("吉林省人工智能产业实施方案\n二、重点任务\n（一）加强关键技术攻关。组建创新联合体。"
            "（省科技厅牵头，省教育厅、省工业和信息化厅配合）\n")
    graph = build(text)
    assert owners(graph, measure(graph, "加强关键技术攻关").id) == [
        ("吉林省科学技术厅", "lead", 1), ("吉林省教育厅", "support", 1), ("吉林省工业和信息化厅", "support", 2)]


def test_a_bare_bracket_of_agencies_after_a_first_leads_aside():
    """The rule is stated inside the first bracket (…负责，列第一位的为牵头单位，下同); later
    brackets only name the bodies."""
    text = ("佛山市机器人产业行动方案\n二、重点任务\n"
            "1.突破核心部件。推动国产化替代。（市科技局、市工业和信息化局按职责分工负责，列第一位的为牵头单位，下同）\n"
            "2.发展具身智能机器人。建设中试验证平台。（市工业和信息化局、市科技局，顺德区人民政府）\n"
            "3.建设创新平台（以下简称平台）。推进整机研发。\n")
    graph = build(text)
    assert owners(graph, measure(graph, "突破核心部件").id) == [
        ("佛山市科学技术局", "lead", 1), ("佛山市工业和信息化局", "responsible", 2)]
    assert owners(graph, measure(graph, "发展具身智能机器人").id) == [
        ("佛山市工业和信息化局", "lead", 1), ("佛山市科学技术局", "responsible", 2),
        ("佛山市顺德区人民政府", "responsible", 3)]
    assert owners(graph, measure(graph, "建设创新平台（以下简称平台）").id) == []


def test_an_autonomous_region_writes_its_level_once_for_the_list():
    text = ("广西壮族自治区人工智能产业行动方案（2025—2027年）\n二、重点任务\n（一）建设合作中心。搭建平台。"
            "（责任单位：自治区工业和信息化厅、发展改革委、外事办，南宁市人民政府）\n")
    graph = build(text)
    assert [name for name, _, _ in owners(graph, measure(graph, "建设合作中心").id)] == [
        "广西壮族自治区工业和信息化厅", "广西壮族自治区发展和改革委员会", "广西壮族自治区人民政府外事办公室",
        "南宁市人民政府"]


def test_a_district_name_several_cities_share_goes_to_the_one_the_text_names():
    """南山区 is a district of 深圳市 and of 鹤岗市; 渝北区 is in 重庆市."""
    text = ("南山区支持人工智能产业发展若干措施\n深圳市南山区工业和信息化局、南山区科技创新局联合印发。\n"
            "一、重点任务\n（一）发放算力券。（责任单位：区科技创新局）\n")
    graph = build(text)
    covered = next(r.end for r in graph.relationships.values() if r.type == Rel.COVERS)
    assert [graph.nodes[r.end].properties["name"] for r in graph.relationships.values()
            if r.start == covered and r.type == Rel.LOCATED_IN] == ["深圳市"]
    names = {n.properties["name"] for n in graph.by_label(Label.AGENCY)}
    assert "深圳市南山区科技创新局" in names and not any("鹤岗" in n for n in names)
    graph = build("渝北区人工智能行动方案\n一、重点任务\n（一）建设数据谷。（责任单位：区经济信息委）\n")
    assert {n.properties["name"] for n in graph.by_label(Label.AGENCY)} == {"重庆市渝北区经济和信息化委员会"}


def test_a_zone_committee_is_named_with_the_zone_in_full():
    text = ("南昌市人工智能行动方案\n二、重点任务\n（一）建设智能算力中心。扩容计算中心。"
            "（牵头单位：市发改委；配合单位：市工信局、南昌高新区管委会）\n")
    graph = build(text)
    assert "南昌高新技术产业开发区管理委员会" in [n for n, _, _ in owners(graph, measure(graph, "建设智能算力中心").id)]


REPORT = """合肥：加快推进“人工智能+”行动 到2027年核心产业规模突破1500亿元
2025-09-18 10:32  来源：合肥晚报
近日，合肥市人民政府办公室印发《合肥市加快推进“人工智能+”行动实施方案（2025—2027年）》，从算力、模型、数据、场景、生态五个方面提出20项重点任务。
《实施方案》明确，到2027年，全市人工智能核心产业规模突破1500亿元，培育营业收入超10亿元的龙头企业10家以上，面向长三角的人工智能创新高地基本建成。
《实施方案》明确，由市数据资源局牵头，会同市发展改革委等部门建立工作推进机制，统筹推进各项任务落实。
"""


def test_a_report_declares_its_count_and_states_each_goal_once():
    graph = build(REPORT)
    assert plan(graph).properties["measure_count_declared"] == 20
    targets = sorted((t.properties["metric"], t.properties.get("value")) for t in graph.by_label(Label.TARGET))
    # the headline repeats the 1500亿元 goal; 20项重点任务 is the count; 超10亿元的 qualifies the 10家
    assert targets == sorted([("培育营业收入超10亿元的龙头企业", 10), ("全市人工智能核心产业规模", 1500),
                              ("面向长三角的人工智能创新高地基本建成", None)])
    coordinators = [graph.nodes[r.start].properties["name"] for r in graph.relationships.values()
                    if r.type == Rel.COORDINATES]
    assert coordinators == ["合肥市数据资源局"]


def _measure_titles_and_sites(text: str) -> tuple[list[str], set[str]]:
    graph = build(text)
    titles = [m.properties["title"] for m in sorted(graph.by_label(Label.MEASURE),
                                                      key=lambda m: m.properties["ordinal"])]
    named = {graph.nodes[r.end].properties["name"] for r in graph.relationships.values() if r.type == Rel.AT_SITE}
    return titles, named


def test_report_items_on_lines_of_their_own_with_sites_by_their_endings():
    titles, named = _measure_titles_and_sites(
        "南山出台18条措施 全力打造人工智能创新策源地\n来源：深圳商报\n"
        "近日，深圳市南山区科技创新局印发《南山区支持人工智能产业高质量发展若干措施》，提出18条措施。\n"
        "亮点一：发放“算力券”降低研发成本\n对租用智算中心算力的企业给予补助。\n"
        "亮点二：打造产业集聚空间\n支持西丽湖国际科教城、留仙洞总部基地建设人工智能产业集聚区。\n")
    assert titles == ["发放“算力券”降低研发成本", "打造产业集聚空间"]
    assert {"西丽湖国际科教城", "留仙洞总部基地"} <= named
    titles, named = _measure_titles_and_sites(
        "合肥：加快推进“人工智能+”行动\n近日，合肥市人民政府办公室印发《合肥市加快推进“人工智能+”行动实施方案》。\n"
        "一是强化算力供给。加快合肥先进计算中心二期建设。\n"
        "二是壮大产业集群。推动中国声谷、合肥经开区集聚企业。\n")
    assert titles == ["强化算力供给", "壮大产业集群"]
    assert {"合肥先进计算中心", "中国声谷", "合肥经开区"} <= named


def test_a_collective_written_with_a_pause_mark_inside_is_one_entry():
    text = ("云南省人工智能产业行动方案\n二、重点任务\n（一）建设算力设施。布局智算中心。"
            "（责任单位：省发展改革委、各州、市人民政府）\n")
    graph = build(text)
    assert [n for n, _, _ in owners(graph, measure(graph, "建设算力设施").id)] == [
        "云南省发展和改革委员会", "各州、市人民政府"]


def test_a_count_measures_the_noun_before_it_when_a_thing_follows_with_de():
    text = "太原市人工智能行动计划\n一、主要目标\n到2026年，建成智能算力规模1000PFLOPS以上的算力基础设施。\n"
    (target,) = build(text).by_label(Label.TARGET)
    assert (target.properties["metric"], target.properties["value"], target.properties["unit"]) == (
        "智能算力规模", 1000, "PFLOPS")


def test_top_level_items_that_carry_their_text_are_the_measures():
    text = ("北京市推动人工智能赋能新型工业化若干措施\n为加快制造业智能化转型，制定以下措施。\n"
            "一、加强工业智能算力供给。统筹公共算力资源，提供普惠算力调度服务。（责任单位：市经济和信息化局，市科委、中关村管委会）\n"
            "二、支持工业大模型研发。鼓励龙头企业联合高校院所研发行业大模型。（责任单位：市科委、中关村管委会，各区政府）\n")
    graph = build(text)
    assert owners(graph, measure(graph, "加强工业智能算力供给").id) == [
        ("北京市经济和信息化局", "responsible", 1),
        ("北京市科学技术委员会、中关村科技园区管理委员会", "responsible", 2)]
    assert [m.properties["number"] for m in graph.by_label(Label.MEASURE)] == ["一、", "二、"]


def test_an_autonomous_region_list_carries_its_level_across_role_clauses_and_shared_endings():
    text = ("内蒙古自治区绿色算力行动方案\n二、重点任务\n（一）培育产业集群。引进企业。"
            "（自治区工业和信息化厅牵头，科技厅、政务服务与数据管理局，鄂尔多斯市、包头市人民政府配合）\n")
    graph = build(text)
    assert owners(graph, measure(graph, "培育产业集群").id) == [
        ("内蒙古自治区工业和信息化厅", "lead", 1), ("内蒙古自治区科学技术厅", "support", 1),
        ("内蒙古自治区政务服务与数据管理局", "support", 2), ("鄂尔多斯市人民政府", "support", 3),
        ("包头市人民政府", "support", 4)]


def test_a_leading_group_and_the_bureau_that_hosts_its_office_coordinate():
    text = ("海口市人工智能产业发展工作方案\n一、重点任务\n（一）建设算力设施。建设智算中心。（责任单位：市科工信局）\n"
            "二、保障措施\n（一）加强组织领导。成立海口市人工智能产业发展领导小组，由市政府主要领导任组长。"
            "领导小组办公室设在市科工信局，负责统筹协调方案实施中的重大事项。\n")
    graph = build(text)
    coordinators = sorted(graph.nodes[r.start].properties["name"] for r in graph.relationships.values()
                          if r.type == Rel.COORDINATES)
    assert coordinators == ["海口市人工智能产业发展领导小组", "海口市科学技术工业信息化局"]


def test_an_interpretation_page_names_the_plan_it_explains_with_its_number():
    text = ("《宁波市推动人工智能与制造业深度融合实施方案（2025—2027年）》政策解读\n"
            "近日，宁波市人民政府办公厅印发《宁波市推动人工智能与制造业深度融合实施方案（2025—2027年）》"
            "（甬政办发〔2025〕31号，以下简称《实施方案》）。现就有关内容解读如下。\n"
            "答：到2027年，全市人工智能核心产业营收突破1000亿元，新建大型数据中心PUE低于1.25，光谷智能算力规模达到8000P。\n")
    graph = build(text)
    props = plan(graph).properties
    assert (props["kind"], props["doc_number"], props["period_start"], props["period_end"]) == (
        "实施方案", "甬政办发〔2025〕31号", 2025, 2027)
    values = sorted((t.properties["value"], t.properties.get("unit") or "") for t in graph.by_label(Label.TARGET))
    assert values == [(1.25, ""), (1000, "亿元"), (8000, "P")]


def test_a_district_written_short_after_its_city_in_the_title_is_what_the_plan_covers():
    graph = build("广州南沙新区加快人工智能产业发展三年行动方案（2025—2027年）\n一、重点任务\n"
                  "（一）建设智算中心。支持香港科技大学（广州）及南沙科学城建设算力平台。（责任单位：区发展改革局）\n")
    assert [n for n, _, _ in owners(graph, measure(graph, "建设智算中心").id)] == ["广州市南沙区发展和改革局"]
    named = {graph.nodes[r.end].properties["name"] for r in graph.relationships.values() if r.type == Rel.AT_SITE}
    assert named == {"南沙科学城"}


def test_a_flattened_responsibility_table_gives_one_measure_per_row_with_its_roles():
    text = ("洛阳市具身智能机器人产业发展行动方案（2025—2027年）\n二、重点任务及责任分工\n"
            "序号 | 重点任务 | 牵头单位 | 配合单位\n"
            "1 | 建设中试验证中心。支持单位共建平台 | 市发展改革委 | 市工业和信息化局、市科技局\n"
            "2 | 拓展应用场景。到2027年累计推广应用特种机器人2000台（套）以上 | 市工业和信息化局 "
            "| 各县（市、区）人民政府\n"
            "3 | 强化人才支撑。实施英才计划，引进\n")
    graph = build(text)
    assert owners(graph, measure(graph, "建设中试验证中心").id) == [
        ("洛阳市发展和改革委员会", "lead", 1), ("洛阳市工业和信息化局", "support", 1),
        ("洛阳市科学技术局", "support", 2)]
    assert "强化人才支撑" in {m.properties["title"] for m in graph.by_label(Label.MEASURE)}
    (target,) = graph.by_label(Label.TARGET)
    assert (target.properties["value"], target.properties["unit"]) == (2000, "台（套）")


def test_bold_report_headings_yearly_routines_and_the_closing_article():
    text = ("青岛出台大模型产业行动方案\n"
            "记者梳理发现，《青岛市促进大模型产业创新发展行动方案（2025—2027年）》有以下几大亮点：\n"
            "**一、筑牢智能算力底座**\n依托青岛人工智能计算中心扩容建设智算集群，到2026年全市智能算力规模达到1.5万P，每年组织对接活动4场。\n"
            "**二、打造高质量行业数据集**\n支持龙头企业建设高质量数据集。\n"
            "本方案自2025年8月15日起施行，有效期3年，由市工信局负责解释。\n**延伸阅读**\n到2027年集聚企业100家。\n")
    graph = build(text)
    titles = sorted(m.properties["title"] for m in graph.by_label(Label.MEASURE))
    assert titles == ["打造高质量行业数据集", "筑牢智能算力底座"]
    assert [(t.properties["value"], t.properties["unit"]) for t in graph.by_label(Label.TARGET)] == [(1.5, "万P")]


def test_a_blank_inside_a_quotation_is_no_lost_line_break():
    """A slogan spaced inside its quotes (“高效 绿色 安全”) keeps its goal sentence whole."""
    text = ("各区人民政府，市政府各部门：\n为加快发展人工智能产业，经市政府同意，现提出如下意见。\n"
            "到2026年，初步形成“高效 绿色 安全”的算力体系，全市智能算力规模达到3000PFLOPS以上，"
            "培育人工智能骨干企业20家。人工智能应用水平显著提升，建设典型应用场景50个。\n"
            "（一）建设算力设施。加快建设智算中心。\n")
    goals = sorted((t.properties["value"], t.properties["unit"]) for t in build(text).by_label(Label.TARGET)
                   if t.properties.get("value") is not None)
    assert goals == [(20, "家"), (50, "个"), (3000, "PFLOPS")]


def test_a_portal_panel_and_an_image_placeholder_are_page_chrome_not_measures():
    text = ("• 热门推荐:\n江北市发布人工智能新政\n近日，江北市人民政府印发《江北市人工智能产业发展行动方案》。\n图片\n"
            "《行动方案》提出以下重点任务：\n1.建设算力中心，支持企业建设智算中心。\n2.培育骨干企业，引进龙头企业。\n")
    titles = [n.properties["title"] for n in sorted(build(text).by_label(Label.MEASURE), key=lambda n: n.id)]
    assert "热门推荐:" not in titles and "图片" not in titles and len(titles) == 2


ARROWS = """《江城市新型基础设施建设行动方案》已正式印发，方案明确了未来三年的行动目标。
根据《方案》，江城将着力实现信息网与交通网的深度融合。
▷建成高速泛在的基础信息网。加快建设双千兆宽带城市，高质量建设江城软件园。
▷ 建成内畅外联的枢纽交通网。加快建设出省大通道。
"""


def test_items_under_arrow_bullets_are_measures_titled_by_their_first_sentence():
    graph = build(ARROWS)
    titles = [n.properties["title"] for n in sorted(graph.by_label(Label.MEASURE), key=lambda n: n.id)]
    assert titles == ["建成高速泛在的基础信息网", "建成内畅外联的枢纽交通网"]
    assert all(n.properties.get("number") is None for n in graph.by_label(Label.MEASURE))
