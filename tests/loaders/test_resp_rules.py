"""Responsibility lists, roles and coordination on short texts written for each rule.

Each text is made up for its rule (places, bodies and tasks vary); every test says what must
be read and what must not be (a marker left in a name, a rule read as a body, an open tail
read as a unit, a list carried where it is not written).
"""

from __future__ import annotations

from graph.model import GraphData, Label, Rel
from loaders.agencies import Jurisdiction, resolve
from loaders.extract import extract
from loaders.lexicon import regions
from loaders.name_lists import read_entries
from loaders.read import RawDocument
from loaders.responsibility import list_end

ORDER = {"lead": 0, "responsible": 1, "support": 2}


def build(text: str) -> GraphData:
    return extract(RawDocument("doc.txt", text))


def owners(graph: GraphData, title: str) -> list[tuple[str, str, int]]:
    """(agency, role, rank) of the measure titled ``title``, leads first."""
    (node,) = [n for n in graph.by_label(Label.MEASURE) if n.properties["title"] == title]
    rels = [r for r in graph.relationships.values() if r.type == Rel.RESPONSIBLE_FOR and r.end == node.id]
    return sorted(((graph.nodes[r.start].properties["name"], r.properties["role"], r.properties["rank"])
                   for r in rels), key=lambda t: (ORDER[t[1]], t[2]))


def agency_names(graph: GraphData) -> set[str]:
    return {n.properties["name"] for n in graph.by_label(Label.AGENCY)}


def coordinators(graph: GraphData) -> set[str]:
    return {graph.nodes[r.start].properties["name"] for r in graph.relationships.values()
            if r.type == Rel.COORDINATES}


def city(name: str) -> Jurisdiction:
    return Jurisdiction.of(regions().by_name[name][0])


# -- lead markers ---------------------------------------------------------------------------------

def test_a_body_printed_with_its_own_lead_note_leads_and_the_note_is_not_part_of_its_name():
    graph = build("无锡市人工智能产业行动方案\n一、重点任务\n"
                  "（一）建设算力中心。建设智算中心。（责任单位：市工信局（牵头）、市科技局、市财政局）\n")
    assert owners(graph, "建设算力中心") == [
        ("无锡市工业和信息化局", "lead", 1), ("无锡市科学技术局", "responsible", 2),
        ("无锡市财政局", "responsible", 3)]
    assert not any("牵头" in name for name in agency_names(graph))


def test_a_marker_leads_only_where_the_plan_says_what_it_marks():
    item = "（一）建设算力中心。建设智算中心。（责任单位：市科技局、市工信局☆、市财政局）\n"
    ruled = build("扬州市人工智能产业行动方案\n（标☆的为牵头单位）\n一、重点任务\n" + item)
    assert owners(ruled, "建设算力中心") == [
        ("扬州市工业和信息化局", "lead", 2), ("扬州市科学技术局", "responsible", 1),
        ("扬州市财政局", "responsible", 3)]
    unruled = build("扬州市人工智能产业行动方案\n一、重点任务\n" + item)
    assert [role for _, role, _ in owners(unruled, "建设算力中心")] == ["responsible"] * 3
    assert not any("☆" in name for name in agency_names(ruled) | agency_names(unruled))


# -- labels and layouts ------------------------------------------------------------------------------

def test_a_label_in_brackets_of_its_own_opens_the_list_after_it():
    graph = build("泰州市人工智能产业行动方案\n一、重点任务\n"
                  "（一）开放公共数据。推动数据开放。【责任单位】市数据局、市委网信办\n"
                  "（二）建设数据平台。建设平台。\n【牵头单位】市数据局【配合单位】市财政局\n"
                  "（三）【应用示范】推广典型场景。支持企业应用。\n")
    assert owners(graph, "开放公共数据") == [
        ("泰州市数据局", "responsible", 1), ("中共泰州市委网络安全和信息化委员会办公室", "responsible", 2)]
    assert owners(graph, "建设数据平台") == [("泰州市数据局", "lead", 1), ("泰州市财政局", "support", 1)]
    assert not any("责任单位" in name or "应用示范" in name for name in agency_names(graph))


def test_lead_and_related_responsible_units_keep_their_own_ranks():
    graph = build("常州市数字经济工作要点\n一、重点任务\n"
                  "1.办好数字经济大会。提升办会水平。（牵头责任单位：市数据局；相关责任单位：市商务局、市科技局）\n")
    assert owners(graph, "办好数字经济大会") == [
        ("常州市数据局", "lead", 1), ("常州市商务局", "responsible", 1), ("常州市科学技术局", "responsible", 2)]


def test_a_labelled_list_written_as_role_clauses_gives_each_clause_its_role():
    graph = build("镇江市人工智能产业行动方案\n一、重点任务\n"
                  "（一）完善工作机制。健全推进机制。（责任单位：市工信局牵头，市科技局、市财政局配合）\n")
    assert owners(graph, "完善工作机制") == [
        ("镇江市工业和信息化局", "lead", 1), ("镇江市科学技术局", "support", 1), ("镇江市财政局", "support", 2)]


# -- plan-wide conventions ---------------------------------------------------------------------------

def test_a_plan_that_pairs_responsible_with_supporting_units_makes_its_responsible_units_lead():
    paired = build("合肥市人工智能若干政策\n一、强化算力\n"
                   "1.建设智算中心。支持建设。（责任单位：市发改委；配合单位：市财政局）\n"
                   "2.降低算力成本。建设调度平台。（责任单位：市数据资源局）\n")
    assert owners(paired, "降低算力成本") == [("合肥市数据资源局", "lead", 1)]
    with_leads = build("合肥市人工智能若干政策\n一、强化算力\n"
                       "1.建设智算中心。支持建设。（牵头单位：市发改委；责任单位：市财政局；配合单位：市科技局）\n"
                       "2.降低算力成本。建设调度平台。（责任单位：市数据资源局）\n")
    assert owners(with_leads, "降低算力成本") == [("合肥市数据资源局", "responsible", 1)]
    assert ("合肥市财政局", "responsible", 1) in owners(with_leads, "建设智算中心")


def test_responsible_and_supporting_units_on_lines_of_their_own_are_one_pair():
    graph = build("泉州市人工智能产业发展行动方案\n一、重点任务\n（一）建设算力中心。建设智算中心。\n"
                  "责任单位：市发展改革委\n配合单位：市财政局、市工信局\n"
                  "（二）建设数据中心。建设数据中心。\n责任单位：市数据局\n完成时限：2025年底\n"
                  "（三）建设调度平台。建设平台。\n")
    assert owners(graph, "建设算力中心") == [
        ("泉州市发展和改革委员会", "lead", 1), ("泉州市财政局", "support", 1), ("泉州市工业和信息化局", "support", 2)]
    assert owners(graph, "建设数据中心") == [("泉州市数据局", "lead", 1)]  # the plan pairs them


def test_every_plan_wide_statement_of_who_leads_holds_the_character_checked_before_it():
    """``conventions`` skips a plan without 牵 before trying these rules on its whole text."""
    from loaders.lexicon import words
    from loaders.responsibility import LEAD

    rules = words()["responsibility"]
    assert all(LEAD in rule for rule in rules["first_leads"] + rules["lead_mark_rules"])
    # and a marker rule is sought only in a plan that prints one of the markers
    assert all(f"(?P<mark>[{rules['marks']}])" in rule for rule in rules["lead_mark_rules"])


def test_first_listed_wordings():
    for rule in ("排在第一位的为牵头单位", "列首位的为牵头单位", "第一个为牵头单位", "位列第一的部门为牵头部门"):
        graph = build(f"温州市人工智能产业行动方案\n各项任务中，{rule}。\n一、重点任务\n"
                      "（一）建设数据中心。建设数据中心。（责任单位：市经信局、市发展改革委）\n")
        assert owners(graph, "建设数据中心") == [
            ("温州市经济和信息化局", "lead", 1), ("温州市发展和改革委员会", "responsible", 2)], rule


def test_the_rule_that_the_first_listed_leads_is_an_aside_not_a_body_and_holds_for_later_lists():
    graph = build("绵阳市“互联网+”三年行动计划\n一、创业创新\n"
                  "（一）建设众创空间。支持新建众创空间。（责任单位：市科技局、市发改委、市经信委，排名第一的部门为牵头责任单位，下同）\n"
                  "（二）建设孵化体系。打造云孵化体系。（责任单位：市人社局、市科技局）\n")
    assert owners(graph, "建设众创空间") == [
        ("绵阳市科学技术局", "lead", 1), ("绵阳市发展和改革委员会", "responsible", 2),
        ("绵阳市经济和信息化委员会", "responsible", 3)]
    assert owners(graph, "建设孵化体系") == [
        ("绵阳市人力资源和社会保障局", "lead", 1), ("绵阳市科学技术局", "responsible", 2)]
    assert not any("排名" in name or "下同" in name for name in agency_names(graph))


def test_a_first_listed_rule_cut_by_the_page_end_still_leaves_every_complete_name():
    graph = build("浙江省人民政府办公厅关于加快智能制造发展的指导意见\n二、重点任务\n"
                  "（一）强化基础研究。加强原创研究。（责任单位：省科技厅、省发展改革委、省教育厅。列第一位的为牵")
    assert owners(graph, "强化基础研究") == [
        ("浙江省科学技术厅", "lead", 1), ("浙江省发展和改革委员会", "responsible", 2),
        ("浙江省教育厅", "responsible", 3)]


def test_a_list_the_page_cuts_inside_a_name_loses_only_that_name():
    graph = build("浙江省智能制造行动方案\n二、重点任务\n"
                  "（一）强化基础研究。加强原创研究。（责任单位：省科技厅、省发展改革委、省教")
    assert owners(graph, "强化基础研究") == [
        ("浙江省科学技术厅", "responsible", 1), ("浙江省发展和改革委员会", "responsible", 2)]


def test_a_zone_whose_committee_has_a_name_of_its_own_takes_it_from_the_dictionary():
    # agencies.csv: Dalian's zone is a 高新技术产业园区, not the 开发区 the short form would spell out
    graph = build("大连市人工智能若干政策\n一、算力\n1.建设算力平台。推动开工。（责任单位：市科技局、高新区）\n")
    assert owners(graph, "建设算力平台") == [
        ("大连市科学技术局", "responsible", 1), ("大连高新技术产业园区管理委员会", "responsible", 2)]


def test_a_page_cut_inside_a_second_plate_keeps_the_name_before_it_but_not_a_collective_s_scope():
    graph = build("浙江省智能制造行动方案\n二、重点任务\n"
                  "（一）强化基础研究。加强原创研究。（牵头单位：省科技厅、省经信厅〔省中小企")
    assert owners(graph, "强化基础研究") == [
        ("浙江省科学技术厅", "lead", 1), ("浙江省经济和信息化厅", "lead", 2)]
    graph = build("浙江省智能制造行动方案\n二、重点任务\n"
                  "（一）强化基础研究。加强原创研究。（牵头单位：省科技厅、各县（市")
    assert owners(graph, "强化基础研究") == [("浙江省科学技术厅", "lead", 1)]


def test_a_blanket_sentence_is_not_carried_to_later_items():
    graph = build("漳州市人工智能若干措施\n一、算力\n"
                  "1.发放算力券。按合同金额给予支持。\n"
                  "牵头单位：市发改委；责任单位：市工信局、财政局，各县（区）人民政府。以下均需各县（区）人民政府按职责分工落实，不再列出\n"
                  "2.发放模型券。按费用给予支持。\n牵头单位：市发改委；责任单位：市工信局\n3.发放标注券。按合同金额给予支持。\n")
    assert owners(graph, "发放算力券") == [
        ("漳州市发展和改革委员会", "lead", 1), ("漳州市工业和信息化局", "responsible", 1),
        ("漳州市财政局", "responsible", 2), ("各县（区）人民政府", "responsible", 3)]
    assert [name for name, _, _ in owners(graph, "发放模型券")] == ["漳州市发展和改革委员会", "漳州市工业和信息化局"]


# -- which text is a body -------------------------------------------------------------------------------

def test_an_open_tail_after_a_named_body_names_only_that_body():
    names = [e.agency.name for e in read_entries("市工信局等市直有关单位，数字福州集团", city("福州市"), "市")]
    assert names == ["福州市工业和信息化局", "数字福州集团"]
    province = Jurisdiction.of(regions().by_name["福建省"][0])
    names = [e.agency.name for e in read_entries("省发展改革委等有关部门", province)]
    assert names == ["福建省发展和改革委员会"]


def test_collectives_are_one_agency_each_as_written():
    where = city("杭州市")
    assert [e.agency.name for e in read_entries("市科委，各区县市", where)] == ["杭州市科学技术委员会", "各区县市"]
    entries = read_entries("市直有关部门、单位，各区市政府、开发区管委", city("威海市"))
    assert [e.agency.name for e in entries][:2] == ["市直有关部门、单位", "各区市政府"]
    assert all(e.agency.collective for e in entries[:2])
    assert [e.agency.name for e in read_entries("市经信局，各县（市、区）", where)] == [
        "杭州市经济和信息化局", "各县（市、区）"]


def test_two_bodies_joined_by_a_conjunction_are_two_agencies_but_a_name_with_he_inside_is_one():
    where = city("南宁市")
    assert [e.agency.name for e in read_entries("市科技局以及各县区", where)] == ["南宁市科学技术局", "各县区"]
    assert [e.agency.name for e in read_entries("市商务局与市文旅局", where)] == ["南宁市商务局", "南宁市文化和旅游局"]
    assert [e.agency.name for e in read_entries("市工业和信息化局、市数据和政务服务局", where)] == [
        "南宁市工业和信息化局", "南宁市数据和政务服务局"]


def test_a_body_with_a_second_plate_is_one_agency_with_its_printed_form():
    entries = read_entries("市发改委（数据管理局）、市工信局", city("漳州市"))
    assert [e.agency.name for e in entries] == ["漳州市发展和改革委员会", "漳州市工业和信息化局"]
    assert entries[0].agency.written == "市发改委（数据管理局）"
    asides = read_entries("市工信局，各区人民政府（含开发区管委会）", city("武汉市"))
    assert [e.agency.name for e in asides] == ["武汉市工业和信息化局", "各区人民政府（含开发区管委会）"]


def test_a_list_ends_before_the_clause_that_says_how_to_read_it():
    text = "市科技局、市发改委,排名第一的部门为牵头责任单位,下同"
    assert text[: list_end(text)] == "市科技局、市发改委"
    assert list_end("省科技厅、省教育厅。以下均需各市落实") == len("省科技厅、省教育厅")
    assert list_end("省科技厅、省教育厅") == len("省科技厅、省教育厅")


# -- tables ---------------------------------------------------------------------------------------------

def test_an_agency_first_table_gives_each_task_row_its_unit_and_a_continuation_row_the_unit_above():
    graph = build("济南市科学技术局关于印发人工智能产业发展2024年重点工作的通知\n各有关单位：\n"
                  "现将2024年重点工作印发给你们，请认真贯彻落实，并于每季度末将工作推进情况报送市科技局。\n"
                  "济南市科学技术局\n2024年3月1日\n附件\n人工智能产业发展2024年重点工作分工表\n"
                  "序号 | 单位名称 | 2024年重点工作任务 |\n"
                  "1 | 市发展改革委 | 推动算力中心全面开工建设，加大政策支持力度。 |\n"
                  "培育一批人工智能龙头企业，建设智能科技产业创新中心。 | ||\n"
                  "2 | 市教委 | 支持高校加强人工智能学科建设。 |\n")
    assert owners(graph, "推动算力中心全面开工建设，加大政策支持力度") == [("济南市发展和改革委员会", "responsible", 1)]
    assert owners(graph, "培育一批人工智能龙头企业，建设智能科技产业创新中心") == [
        ("济南市发展和改革委员会", "responsible", 1)]
    assert owners(graph, "支持高校加强人工智能学科建设") == [("济南市教育委员会", "responsible", 1)]
    numbers = sorted(str(m.properties.get("number")) for m in graph.by_label(Label.MEASURE))
    assert numbers == ["1", "2", "None"]
    assert coordinators(graph) == {"济南市科学技术局"}


def test_a_table_cell_of_bodies_honours_the_plans_marker_and_a_bodys_own_lead_note():
    graph = build("洛阳市机器人产业发展行动方案（2025—2027年）\n注：标★的为牵头单位。\n二、重点任务及责任分工\n"
                  "序号 | 重点任务 | 责任单位\n"
                  "1 | 建设中试验证中心。支持单位共建平台 | 市应急管理局、市发展改革委★\n"
                  "2 | 拓展应用场景。推广特种机器人 | 市工业和信息化局（牵头）、市应急管理局\n")
    assert owners(graph, "建设中试验证中心") == [
        ("洛阳市发展和改革委员会", "lead", 2), ("洛阳市应急管理局", "responsible", 1)]
    assert owners(graph, "拓展应用场景") == [
        ("洛阳市工业和信息化局", "lead", 1), ("洛阳市应急管理局", "responsible", 2)]


def test_an_indicator_table_with_a_unit_of_measure_column_is_not_a_division_of_labour():
    graph = build("济南市算力发展行动方案\n一、发展目标\n到2025年，算力规模显著提升。\n"
                  "| 序号 | 工作目标 | 单位 | 2025年 |\n| 1 | 算力规模 | EFLOPS | 5 |\n| 2 | 智算中心数量 | 个 | 3 |\n")
    assert not [r for r in graph.relationships.values() if r.type == Rel.RESPONSIBLE_FOR]
    assert "EFLOPS" not in agency_names(graph)


# -- coordination ----------------------------------------------------------------------------------------

def test_a_working_group_and_the_body_that_leads_it_coordinate_the_plan():
    graph = build("宁波市人工智能产业发展行动方案\n一、重点任务\n（一）建设算力中心。建设智算中心。\n"
                  "二、保障措施\n（一）加强组织领导。成立市人工智能产业发展工作专班，由市经信局牵头，统筹推进各项工作。\n")
    assert coordinators(graph) == {"宁波市经济和信息化局", "宁波市人工智能产业发展工作专班"}


def test_reporting_to_a_body_makes_it_a_coordinator_only_for_progress_of_the_plan():
    graph = build("济南市人工智能产业发展行动方案\n为加快发展，制定本方案。本方案报市政府同意后实施。\n"
                  "一、重点任务\n（一）建设算力中心。各区县定期向市发展改革委报送项目进展情况。（责任单位：市发展改革委）\n"
                  "二、保障措施\n（一）强化督导。建立问题报告制度，加强督导检查。\n")
    assert coordinators(graph) == set()
    graph = build("济南市人工智能产业发展行动方案\n一、重点任务\n（一）建设算力中心。建设智算中心。\n"
                  "二、保障措施\n（一）强化督导。各区县每半年向市工业和信息化局报送工作进展情况。\n")
    assert coordinators(graph) == {"济南市工业和信息化局"}


def test_the_lead_body_of_a_coordinating_phrase_is_named_without_its_partners_or_a_modal_verb():
    def coordinating(sentence: str) -> set[str]:
        return coordinators(build("泉州市人工智能产业发展行动方案\n一、重点任务\n（一）建设算力中心。建设智算中心。\n"
                                  f"二、保障措施\n（一）加强组织领导。{sentence}\n"))

    assert coordinating("由市发展改革委会同市经信局等部门统筹推进方案实施。") == {"泉州市发展和改革委员会"}
    assert coordinating("市经信局要加强对方案实施的统筹协调。") == {"泉州市经济和信息化局"}
    assert coordinating("各区县要于每年12月底前将年度工作总结报送市经信局。") == {"泉州市经济和信息化局"}
    assert coordinating("执行中遇到的问题，请及时反馈市工信局。") == {"泉州市工业和信息化局"}
    assert coordinating("存在问题，报告市政府同意后调整。") == set()


# -- second round: shared endings, measures that name their bodies in their text, first-person notices ----

def test_places_printed_bare_before_a_places_body_each_have_that_body():
    province = Jurisdiction.of(regions().by_name["江苏省"][0])
    entries = read_entries("省能源局，南京、苏州、无锡供电公司，省通信管理局", province)
    assert [(e.agency.name, e.agency.written) for e in entries] == [
        ("江苏省能源局", "省能源局"), ("南京供电公司", "南京"), ("苏州供电公司", "苏州"),
        ("无锡供电公司", "无锡供电公司"), ("江苏省通信管理局", "省通信管理局")]
    # a place with no body after it names nobody
    assert [e.agency.name for e in read_entries("省能源局，南京、苏州", province)] == ["江苏省能源局"]


def test_a_bare_collective_of_divisions_shares_the_office_after_it_but_not_a_collective_of_its_own():
    where = city("泰州市")
    entries = read_entries("市财政局，各县（市、区）、开发区财政部门", where)
    assert [e.agency.name for e in entries] == ["泰州市财政局", "各县（市、区）、开发区财政部门"]
    assert entries[1].agency.collective
    assert [e.agency.name for e in read_entries("各市〔州〕、新区数据管理部门", city("遵义市"))] == [
        "各市〔州〕、新区数据管理部门"]
    apart = read_entries("各县（市、区）、市直有关部门", where)
    assert [e.agency.name for e in apart] == ["各县（市、区）", "市直有关部门"]


def test_a_measure_without_a_list_that_names_its_lead_in_a_clause_has_that_lead():
    graph = build("宁夏回族自治区智能工厂培育方案\n三、主要任务\n"
                  "（一）开展诊断服务。由自治区工业和信息化厅牵头，遴选标杆工厂并组织评估。\n"
                  "（二）深化数据改革。建立分管领导负责、自治区发展改革委牵头、各部门协同的推进机制。\n"
                  "（三）组建创新联合体。支持龙头企业牵头组建创新联合体。\n"
                  "（四）开展成效评估。组织专家评估，由专家组牵头制定标准。\n"
                  "（五）建设算力网络。由中国电信宁夏分公司牵头建设骨干网络。\n")
    assert owners(graph, "开展诊断服务") == [("宁夏回族自治区工业和信息化厅", "lead", 1)]
    assert owners(graph, "深化数据改革") == [("宁夏回族自治区发展和改革委员会", "lead", 1)]
    assert owners(graph, "组建创新联合体") == []
    assert owners(graph, "开展成效评估") == []
    assert owners(graph, "建设算力网络") == []  # a company, not a body that leads a measure here


def test_a_lead_clause_about_the_whole_plan_or_in_the_implementation_part_is_coordination_not_a_measures_lead():
    graph = build("芜湖市人工智能产业行动方案\n一、重点任务\n"
                  "（一）建设算力中心。由市发展改革委牵头，会同有关部门统筹推进各项任务落实。\n"
                  "二、保障措施\n（一）加强组织领导。成立工作专班，由市经信局牵头，统筹推进重大事项。\n")
    assert owners(graph, "建设算力中心") == []
    assert owners(graph, "加强组织领导") == []
    assert "芜湖市经济和信息化局" in coordinators(graph)


def test_an_item_that_opens_with_the_body_that_does_it_makes_that_body_responsible():
    graph = build("常州市算力券实施细则\n一、职责分工\n"
                  "1、市商务局负责受理申报材料，组织专家评审。\n"
                  "2、各县（市、区）、开发区财政部门负责拨付资金。\n"
                  "3、申报单位负责提交材料，对真实性负责。\n"
                  "4、平台服务方负责日常运营。\n"
                  "二、其他事项\n1、市科技局负责人介绍有关情况。\n2、本细则由市数据局负责解释。\n")
    assert owners(graph, "市商务局负责受理申报材料，组织专家评审") == [("常州市商务局", "responsible", 1)]
    assert owners(graph, "各县（市、区）、开发区财政部门负责拨付资金") == [
        ("各县（市、区）、开发区财政部门", "responsible", 1)]
    assert owners(graph, "申报单位负责提交材料，对真实性负责") == []
    assert owners(graph, "平台服务方负责日常运营") == []
    assert owners(graph, "市科技局负责人介绍有关情况") == []
    assert not any("解释" in r.properties["evidence"] for r in graph.relationships.values()
                   if r.type == Rel.RESPONSIBLE_FOR)


def test_a_notice_that_says_report_to_us_means_its_signing_office():
    notice = ("关于印发南通市人工智能政策实施细则的通知\n各有关单位：\n现印发给你们，请认真贯彻执行。"
              "实施过程中遇到的问题，可径向我局反映。\n{signer}\n2025年3月1日\n南通市人工智能政策实施细则\n"
              "一、支持算力\n（一）发放算力券。对企业给予补贴。\n")
    graph = build(notice.format(signer="南通市数据局"))
    assert coordinators(graph) == {"南通市数据局"}
    unsigned = build(notice.format(signer=""))
    assert coordinators(unsigned) == set()
    assert not any(name.startswith("我") for name in agency_names(graph) | agency_names(unsigned))


def test_a_body_that_opens_a_sentence_outside_the_measures_and_takes_charge_of_the_whole_coordinates():
    def plan(paragraph: str) -> GraphData:
        return build("南平市科技创新平台实施方案\n一、总体要求\n" + paragraph +
                     "\n二、重点任务\n（一）建设创新平台。市科技局牵头统筹全市平台建设。\n")

    bureau = {"南平市科学技术局"}
    assert coordinators(plan("市科技局牵头统筹全市各类创新平台布局，会同相关部门制定标准。")) == bureau
    assert coordinators(plan("下一步，市科技局将坚持问题导向，切实发挥全市科技创新统筹指导作用。")) == bureau
    assert coordinators(plan("市科技局按照“公开公正”的要求，做好项目评审统筹协调工作。")) == bureau
    # the same words inside a measure are that measure's: its lead, not the plan's coordinator
    quiet = plan("到2026年，基础设施体系基本建成。")
    assert coordinators(quiet) == set()
    assert owners(quiet, "建设创新平台") == [("南平市科学技术局", "lead", 1)]


def test_a_list_of_role_clauses_without_a_lead_verb_makes_the_body_doing_it_lead_beside_its_supporters():
    graph = build("常德市人工智能产业行动方案\n一、重点任务\n"
                  "（一）建设算力中心。建设智算中心。（市工信局、市发改委负责，各区县政府配合）\n"
                  "（二）建设数据平台。建设平台。（市数据局、市科技局按职责分工落实）\n"
                  "（三）推广应用场景。推广典型场景。（企业负责，政府配合）\n")
    assert owners(graph, "建设算力中心") == [
        ("常德市工业和信息化局", "lead", 1), ("常德市发展和改革委员会", "lead", 2), ("各区县政府", "support", 1)]
    assert owners(graph, "建设数据平台") == [("常德市数据局", "responsible", 1), ("常德市科学技术局", "responsible", 2)]
    assert owners(graph, "推广应用场景") == []  # not bodies: no list
    assert "人民政府" not in agency_names(graph)


def test_cooperating_labels_of_every_wording_give_support():
    graph = build("株洲市人工智能产业行动方案\n一、重点任务\n"
                  "（一）建设算力中心。建设智算中心。（主要责任单位：市经信局；协同责任单位：市科技局）\n"
                  "（二）建设数据平台。建设平台。（牵头部门：市数据局；协同部门：市教育局、市财政局）\n")
    assert owners(graph, "建设算力中心") == [("株洲市经济和信息化局", "lead", 1), ("株洲市科学技术局", "support", 1)]
    assert owners(graph, "建设数据平台") == [
        ("株洲市数据局", "lead", 1), ("株洲市教育局", "support", 1), ("株洲市财政局", "support", 2)]
    assert not any("协同" in name or "责任" in name for name in agency_names(graph))


def test_a_collective_of_the_divisions_under_a_city_is_one_agency_however_it_is_written():
    where = city("常州市")
    assert [e.agency.name for e in read_entries("市科技局，各辖市区", where)] == ["常州市科学技术局", "各辖市区"]
    assert [e.agency.name for e in read_entries("各辖市、区人民政府", where)] == ["各辖市、区人民政府"]
    assert read_entries("辖区企业", where) == []


def test_a_list_on_the_last_line_of_a_whole_text_keeps_its_last_name_but_a_page_cut_inside_it_does_not():
    whole = build("盐城市人工智能工作要点\n一、重点任务\n1.建设算力中心。推动开工。\n牵头单位：市发改委\n"
                  "2.培育龙头企业。引进企业。\n牵头单位：市工信局\n")
    assert owners(whole, "培育龙头企业") == [("盐城市工业和信息化局", "lead", 1)]
    cut = build("盐城市人工智能工作要点\n一、重点任务\n1.建设算力中心。推动开工。\n牵头单位：市发改委\n"
                "2.培育龙头企业。引进企业。\n牵头单位：市工信局、市商")
    assert owners(cut, "培育龙头企业") == [("盐城市工业和信息化局", "lead", 1)]


def test_the_office_of_a_joint_conference_coordinates_but_the_leadership_a_plan_works_under_does_not():
    def coordinating(sentence: str) -> set[str]:
        return coordinators(build("盐城市人工智能产业发展行动方案\n一、重点任务\n（一）建设算力中心。推动开工。\n"
                                  f"二、保障措施\n（一）加强组织领导。{sentence}\n"))

    assert coordinating("建立联席会议制度，联席会议办公室设在市工信局，负责日常工作。") == {"盐城市工业和信息化局"}
    assert coordinating("领导小组办公室设在市数据局。") == {"盐城市数据局"}
    assert coordinating("在市委、市政府统一领导下，各部门协同推进。") == set()
    assert coordinating("在市人工智能产业发展领导小组统一部署下推进。") == {"盐城市人工智能产业发展领导小组"}


def test_an_entry_that_opens_like_a_collective_is_one_agency_as_written_and_a_slash_separates_bodies():
    where = city("常州市")
    entries = read_entries("各区县（市）人民政府、各开发区管委会", where)
    assert [(e.agency.name, e.agency.collective) for e in entries] == [
        ("各区县（市）人民政府", True), ("各开发区管委会", True)]
    slashed = read_entries("市科技局/市工信局", where)
    assert [e.agency.name for e in slashed] == ["常州市科学技术局", "常州市工业和信息化局"]


def test_the_first_listed_rule_carries_to_later_lists_but_not_to_one_that_states_its_own_duty():
    graph = build("2023年湛江市数字经济工作要点\n一、优化数字基础设施\n"
                  "（一）建设网络设施。推进千兆光网。（市工信局，市发改委、市自然资源局，第一个为牵头单位，下同）\n"
                  "（二）建设算力设施。推进数据中心。（市发改委、市科技局按职责分工负责）\n"
                  "（三）推进数字改造。推进智慧港口。（市交通运输局、市工信局）\n")
    assert owners(graph, "建设网络设施") == [
        ("湛江市工业和信息化局", "lead", 1), ("湛江市发展和改革委员会", "responsible", 2),
        ("湛江市自然资源局", "responsible", 3)]
    assert owners(graph, "建设算力设施") == [
        ("湛江市发展和改革委员会", "responsible", 1), ("湛江市科学技术局", "responsible", 2)]
    assert owners(graph, "推进数字改造") == [
        ("湛江市交通运输局", "lead", 1), ("湛江市工业和信息化局", "responsible", 2)]


def test_the_ways_an_implementation_section_puts_a_body_in_charge_of_the_plan():
    def coordinating(sentence: str) -> set[str]:
        return coordinators(build("常州市人工智能产业发展行动方案\n一、重点任务\n（一）建设算力中心。推动开工。\n"
                                  f"二、保障措施\n（一）加强组织领导。{sentence}\n"))

    bureau = {"常州市工业和信息化局"}
    assert coordinating("市工信局要加强统筹协调，各部门按职责分工抓好落实。") == bureau
    assert coordinating("市工信局牵头负责方案的组织实施。") == bureau
    assert coordinating("市工信局会同市科技局等部门建立推进机制，统筹推进行动计划实施。") == bureau
    assert coordinating("各责任单位每季度末将工作进展情况报市工信局汇总。") == bureau
    assert coordinating("发挥市数字经济领导小组统筹协调作用。") == {"常州市数字经济领导小组"}
    group = {"常州市人工智能产业发展领导小组"}
    assert coordinating("成立由市长任组长的市人工智能产业发展领导小组，研究重大事项。") == group
    # not in charge of the plan: interpreting it, a project's own work, every department at once
    assert coordinating("本方案由市工信局负责解释。") == set()
    assert coordinating("市科技局负责项目的组织实施。") == set()
    assert coordinating("各部门要加强统筹协调，形成工作合力。") == set()


def test_table_columns_headed_with_any_lead_or_cooperating_label_and_a_specific_work_column():
    graph = build("盐城市人工智能产业发展2025年工作要点\n"
                  "| 序号 | 具体工作 | 主责部门 | 协同部门 | 完成时限 |\n"
                  "| 1 | 建设算力中心，推动智算中心开工 | 市发改委 | 市工信局 | 2025年 |\n"
                  "| 2 | 培育龙头企业，引进头部企业 | 市工信局 | 市商务局 | 2025年 |\n")
    assert owners(graph, "建设算力中心，推动智算中心开工") == [
        ("盐城市发展和改革委员会", "lead", 1), ("盐城市工业和信息化局", "support", 1)]
    assert not any("2025" in name for name in agency_names(graph))


def test_places_listed_before_an_open_tail_of_governments_each_have_their_government():
    """（…，泉州、漳州等地级以上市政府配合）: the governments of the places printed, not a body named
    "漳州等地级以上市政府"; the open tail names no one more."""
    graph = build("福建省算力发展行动方案\n一、重点任务\n（一）建设算力设施。建设智算中心。"
                  "（省工业和信息化厅牵头，省发展改革委，泉州、漳州等地级以上市政府配合）\n"
                  "（二）培育应用场景。开放应用场景。（省数据管理局牵头，各地级以上市政府配合）\n")
    assert owners(graph, "建设算力设施") == [
        ("福建省工业和信息化厅", "lead", 1), ("福建省发展和改革委员会", "support", 1),
        ("泉州市人民政府", "support", 2), ("漳州市人民政府", "support", 3)]
    assert not [name for name in agency_names(graph) if "等" in name]


def test_a_zone_run_with_a_district_names_the_districts_body():
    """某高新区（某区）科技局: the zone and the district share one administration, so the body is the district's."""
    agency = resolve("南宁高新区（西乡塘区）科技局", Jurisdiction.of(regions().by_name["西乡塘区"][0]))
    assert (agency.name, agency.written) == ("南宁市西乡塘区科学技术局", "南宁高新区（西乡塘区）科技局")
    aside = resolve("某开发区（含某镇）管委会", city("南宁市"))
    assert aside is not None and "（含某镇）" in aside.name  # a bracket that names no region is kept


def test_the_office_asked_to_coordinate_the_ministries_coordinates_a_taiwan_plan():
    tasks = "一、推动重点\n（一）发展智慧机器人。补助业者研发。\n"
    graph = build("台湾智慧机器人推动方案\n院会今日听取报告。院长表示，"
                  "将请科技会报办公室持续运用跨部会平台，协调部会推动各项工作。\n" + tasks)
    assert coordinators(graph) == {"行政院科技会报办公室"}
    quiet = build("台湾智慧机器人推动方案\n院长表示，各部会将持续推动各项工作。\n" + tasks)
    assert coordinators(quiet) == set()


def test_an_office_set_up_as_a_task_force_coordinates_the_programme():
    """Taiwan: 共同成立「…辦公室」任務編組 sets up the office that carries the programme."""
    page = ("宜蘭縣今年已規劃執行「智慧農業人才培育計畫」，預計逐年推展落實。\n"
            "農業處及數位發展處將共同成立「智慧農業人才辦公室」任務編組，全面推動農業人才培育。\n")
    assert coordinators(extract(RawDocument("doc.txt", page))) == {"智慧农业人才办公室"}
    page = page.replace("任務編組", "")  # an office set up, not said to be a task force: as before
    assert coordinators(extract(RawDocument("doc.txt", page))) == set()


def test_the_body_a_reading_says_leads_the_whole_drive_coordinates_the_plan():
    page = ("关于《“人工智能+”专项行动赋能农业服务实施方案》的政策解读\n一、起草背景\n"
            "2025年初，按照市政府要求，市农业农村局牵头开展“人工智能+”专项行动赋能农业服务工作。\n"
            "二、主要内容\n《实施方案》明确了总体目标。\n")
    assert coordinators(extract(RawDocument("doc.txt", page))) == {"市农业农村局"}
    page = page.replace("牵头开展“人工智能+”专项行动赋能农业服务工作", "牵头开展调研")  # a step, not the drive
    assert coordinators(extract(RawDocument("doc.txt", page))) == set()


def test_an_article_dividing_duties_among_bodies_paragraph_by_paragraph():
    text = ("无锡市人工智能产业专项资金管理办法\n第一章 总则\n"
            "第一条 为规范专项资金管理，制定本办法。\n"
            "第二条 专项资金由市工信局会同市财政局共同管理。\n"
            "市工信局职责：负责编制年度支持计划，组织项目申报和验收。\n"
            "市科技局职责：协助市工信局做好项目评审。\n"
            "市财政局职责：负责安排年度预算，审核下达资金。\n"
            "各区县工信部门、财政部门职责：负责项目初审和日常监管。\n"
            "第二章 支持方向\n第三条 支持企业建设智能工厂。\n")
    graph = build(text)
    assert owners(graph, "专项资金由市工信局会同市财政局共同管理") == [
        ("无锡市工业和信息化局", "lead", 1), ("无锡市财政局", "responsible", 2),
        ("各区县工信部门、财政部门", "responsible", 3), ("无锡市科学技术局", "support", 1)]
    # an article that names a body in passing, with no paragraph of its duties, has no owners
    assert owners(graph, "支持企业建设智能工厂") == []


def test_a_collective_of_divisions_offices_with_a_second_kind_of_office_is_one_agency():
    where = city("无锡市")
    names = [e.agency.name for e in read_entries("各区县数据管理部门、财政部门", where)]
    assert names == ["各区县数据管理部门、财政部门"]
    # a body of the city after the pause mark is a body of its own
    names = [e.agency.name for e in read_entries("各区县数据管理部门、市财政局", where)]
    assert names == ["各区县数据管理部门", "无锡市财政局"]


def test_the_bodies_that_manage_a_fund_together_coordinate_its_management_rules():
    text = ("无锡市数据产业专项资金管理办法\n第一章 总则\n第一条 为规范专项资金管理，制定本办法。\n"
            "第二条 专项资金由市发展和改革委员会会同市财政局共同管理。\n"
            "第二章 支持方向\n第三条 由市工信局会同市科技局共同负责项目验收。\n")
    assert coordinators(build(text)) == {"无锡市发展和改革委员会", "无锡市财政局"}
    # one body running the fund with its partners' help is no joint management
    text = text.replace("会同市财政局共同管理", "管理，市财政局予以配合")
    assert coordinators(build(text)) == set()


def test_a_body_known_to_bear_two_names_written_glued_is_one_body_and_other_glued_bodies_are_two():
    names = [e.agency.name for e in read_entries("市经信局市新经济委", city("成都市"))]
    assert names == ["成都市经济和信息化局"]
    names = [e.agency.name for e in read_entries("市经信局市科技局", city("成都市"))]
    assert names == ["成都市经济和信息化局", "成都市科学技术局"]


def test_the_data_bureau_forms_of_a_city_have_their_own_english_names():
    where = city("无锡市")
    named = {form: resolve(form, where) for form in ("市数字经济发展局", "市政务服务和大数据管理局", "市数据资源局")}
    assert {form: agency.name_en for form, agency in named.items()} == {
        "市数字经济发展局": "Digital Economy Development Bureau of Wuxi",
        "市政务服务和大数据管理局": "Government Service and Big Data Administration of Wuxi",
        "市数据资源局": "Data Resources Bureau of Wuxi"}
    assert resolve("市经济发展局", where).name_en == "Economic Development Bureau of Wuxi"


def test_a_citys_telecom_office_written_short_is_its_communications_office_not_the_provinces_bureau():
    where = city("无锡市")
    assert resolve("市通管办", where).name == "无锡市通信管理办公室"
    assert resolve("市通信管理办公室", where).name == "无锡市通信管理办公室"
    assert resolve("省通信管理局", where).name == "江苏省通信管理局"


def test_the_office_a_reported_scheme_sets_up_to_coordinate_it_coordinates_the_plan():
    """A report's paragraph on a 链长制-style scheme: 成立X统筹推进办公室，由…任主任，负责…综合协调 — the
    office the scheme sets up coordinates it, named with the plan's own place."""
    page = ("武侯区推出《武侯区“一链一长”实施方案》，聚焦三大产业。\n"
            "链办统筹推进，成立产业链统筹推进办公室，由分管副区长任主任，负责日常运转、综合协调和成效评估。\n"
            "其中，数字文创链做强做优，发挥文博资源优势，培育内容企业。\n")
    assert coordinators(build(page)) == {"成都市武侯区产业链统筹推进办公室"}
    # an office the report only mentions, with no charge to coordinate, coordinates nothing
    quiet = page.replace("负责日常运转、综合协调和成效评估", "办公地点设在区政务中心")
    assert coordinators(build(quiet)) == set()


def test_a_new_area_committee_written_short_is_the_known_committee_of_its_province():
    agency = resolve("雄安新区管委会", Jurisdiction.of(regions().by_name["河北省"][0]))
    assert (agency.name, agency.jurisdiction) == ("河北雄安新区管理委员会", "河北省")


def test_a_collective_is_named_without_a_note_on_reading_the_rest_of_the_text():
    where = city("石家庄市")
    assert resolve("各市(含定州、辛集市,下同)政府", where).name == "各市政府"
    # a bracket that says who else is included, without 下同, is part of the name as written
    assert resolve("各区人民政府（含开发区管委会）", where).name == "各区人民政府（含开发区管委会）"


def test_angle_brackets_inside_a_list_are_its_brackets_and_a_carried_note_is_no_part_of_a_name():
    where = city("宜昌市")
    names = [e.agency.name for e in read_entries("市数据局，各县市区人民政府〈含高新区管委会，下同〉", where)]
    assert names == ["宜昌市数据局", "各县市区人民政府"]
    # an aside without 下同 stays with the collective, as written
    names = [e.agency.name for e in read_entries("市数据局，各县市区人民政府（含高新区管委会）", where)]
    assert names == ["宜昌市数据局", "各县市区人民政府（含高新区管委会）"]
    # a second plate in angle brackets is the same body, not a second one
    names = [e.agency.name for e in read_entries("市数据局，市发改委〈市数据管理局〉", where)]
    assert names == ["宜昌市数据局", "宜昌市发展和改革委员会"]
