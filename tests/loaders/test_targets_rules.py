"""Dated goals and incentives on short texts written for each rule: what must be read, and what must not.

Every text is invented for its test (places, bodies and numbers vary) and is shaped like a real
page of its kind: a plan's goal section, a measure, a news report on a plan, a 解读.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from graph.errors import SourceError
from graph.model import Label
from loaders.extract import extract
from loaders.read import RawDocument
from loaders.target_norm import normalise_value

PLAN = "江北省人工智能产业发展行动方案（2025—2027年）\n"


def goals(text: str) -> list[dict]:
    """The targets extracted from ``text`` (a plan title is put in front when it opens with a section)."""
    if text.startswith("一、"):
        text = PLAN + text
    graph = extract(RawDocument("doc.txt", text))
    return [t.properties for t in graph.by_label(Label.TARGET)]


def summary(text: str) -> list[tuple]:
    """(year, metric, value, unit, comparator) of each target, in document order."""
    return [(t["year"], t["metric"], t.get("value"), t.get("unit"), t.get("comparator")) for t in goals(text)]


def metrics(text: str) -> list[str]:
    return [t["metric"] for t in goals(text)]


def grants(text: str) -> list[dict]:
    graph = extract(RawDocument("doc.txt", text))
    return [n.properties for n in graph.by_label(Label.INCENTIVE)]


# --- which year dates a goal ---------------------------------------------------------------------

def test_a_deadline_with_di_qian_dates_its_goal_and_leaves_no_qian_in_the_metric():
    found = summary("一、主要目标\n到2026年底前全面建成市级公共数据开放平台。\n")
    assert found == [(2026, "全面建成市级公共数据开放平台", None, None, None)]



def test_a_sentence_opening_with_jieshi_states_goals_of_the_year_before_it():
    lead = ("临江市数字经济行动计划发布\n《行动计划》提出，我市力争到2020年，数字经济规模突破400亿元，"
            "基本形成数字经济融合创新的发展格局。")
    then = "届时，数字经济生态更加完善，产业规模走在全省前列。"
    for text in (lead + then + "\n", lead + "\n" + then + "\n"):  # in the paragraph or the next one
        found = summary(text)
        assert (2020, "数字经济生态更加完善", None, None, None) in found
        assert (2020, "产业规模走在全省前列", None, None, None) in found
    # without 届时 a report's uncounted sentence after the goals states none
    assert len(summary(lead + "\n" + then.replace("届时", "同时") + "\n")) == 2

def test_a_deadline_with_a_month_end_dates_its_goal():
    assert [t[0] for t in summary("一、主要目标\n到2026年6月底，建成10个智能工厂。\n")] == [2026]


def test_zai_before_a_deadline_dates_its_goal_but_not_a_bare_year():
    text = "一、重点任务\n（一）建设算力。在2026年底前建成3个智算中心。在2025年，全市新建2个数据中心。\n"
    assert [(t[0], t[2]) for t in summary(text)] == [(2026, 3)]


def test_a_consultation_period_or_a_month_of_issue_is_no_goal_year():
    text = ("江北省人工智能产业发展行动方案（征求意见稿）\n"
            "本次征求意见时间为2025年3月1日至2025年3月15日，请将意见反馈至科技厅，共收到建议20条。\n"
            "江北省于2025年2月出台了3份配套文件，覆盖10个重点行业。\n")
    assert goals(text) == []


def test_the_date_of_a_reported_fact_is_no_goal_year():
    text = ("一、主要目标\n到2027年，全省智能算力规模达到20EFLOPS。截至2024年底，全省已建成智算中心12个，"
            "算力规模达到6EFLOPS。\n")
    assert summary(text) == [(2027, "全省智能算力规模", 20, "EFLOPS", ">=")]


def test_a_year_before_the_plan_was_signed_reports_a_fact():
    text = ("江北市人民政府办公厅关于印发江北市人工智能产业发展行动方案（2025—2027年）的通知\n"
            "各区人民政府：\n现将《江北市人工智能产业发展行动方案（2025—2027年）》印发给你们。\n"
            "江北市人民政府办公厅\n2025年3月12日\n"
            "江北市人工智能产业发展行动方案（2025—2027年）\n"
            "一、发展目标\n2024年，全市核心产业规模达到210亿元。2025年，全市核心产业规模达到260亿元。\n"
            "二、重点任务\n（一）提升产业能级。2024年，我市新增规上企业40家。到2026年，培育独角兽企业3家。\n")
    assert [(t[0], t[2]) for t in summary(text)] == [(2025, 260), (2026, 3)]


def test_a_year_opening_a_sentence_dates_goals_only_in_a_plan_or_after_a_reports_frame():
    text = ("政策解读：《江北市通用人工智能行动计划》\n问：起草背景是什么？\n"
            "答：2024年，全市人工智能产业规模达到900亿元，集聚企业1200家。\n"
            "问：提出了哪些目标？\n答：《行动计划》明确，2027年，全市人工智能产业规模突破2000亿元。\n")
    assert [(t[0], t[2]) for t in summary(text)] == [(2027, 2000)]


def test_a_future_tense_is_not_part_of_the_metric():
    text = "江北发布算力行动计划\n根据计划，到2026年，全市算力规模将突破6EFLOPS。\n"
    assert summary(text) == [(2026, "全市算力规模", 6, "EFLOPS", ">")]


# --- counts -------------------------------------------------------------------------------------

def test_counts_written_without_digits():
    found = summary("一、主要目标\n到2030年，实现百家骨干企业集聚，应用落地超万个，建成“千个”智能工厂。\n")
    assert found == [(2030, "骨干企业集聚", 100, "家", "="), (2030, "应用落地", 1, "万个", ">"),
                     (2030, "智能工厂", 1, "千个", "=")]


def test_idioms_with_hundred_and_thousand_are_no_counts():
    found = goals("一、主要目标\n到2030年，人工智能赋能千行百业，智能产品走进千家万户。\n")
    assert [t.get("value") for t in found] == [None, None]


def test_an_index_value_after_its_comparator_is_a_count_without_unit():
    found = summary("一、主要目标\n到2027年，全市两化融合发展水平指数达72，数字经济指数提升至85.5。\n")
    assert found == [(2027, "全市两化融合发展水平指数", 72, None, ">="), (2027, "数字经济指数", 85.5, None, ">=")]
    assert [t[2] for t in summary("一、主要目标\n到2027年，发布发展指数72期。\n")] != [72]  # 期 counts issues

def test_a_range_written_with_a_horizontal_bar_is_a_range():
    found = goals("一、主要目标\n到2027年，形成3―5个具备国内竞争力的工业互联网平台。\n")
    assert [(t["value"], t.get("value_max"), t["unit"]) for t in found] == [(3, 5, "个")]

def test_a_dash_bullets_label_phrased_as_a_goal_is_a_goal_of_the_year_after_it():
    text = ("一、主要目标\n——形成布局合理、功能完备的算力基础设施体系。到2027年，建成10个智算中心。\n"
            "——创新能力显著增强。到2027年，培育5家龙头企业。\n")
    found = summary(text)
    assert (2027, "形成布局合理、功能完备的算力基础设施体系", None, None, None) in found
    assert (2027, "智算中心", 10, "个", "=") in found
    assert not any("创新能力" in t[1] for t in found)  # a label stating a state stays a label

def test_a_bracket_glossing_the_unit_names_nothing():
    found = summary("一、主要目标\n到2027年，全省算力规模达到8EFLOPS（每秒八百亿亿次浮点运算），人才队伍不断壮大。\n")
    assert found[0] == (2027, "全省算力规模", 8, "EFLOPS", ">=")


# --- goals and what is not a goal ------------------------------------------------------------------

def test_the_notice_formula_after_a_dated_goal_is_no_goal():
    text = ("江北省人民政府关于加快人工智能发展的实施意见\n各市人民政府：\n"
            "为加快发展人工智能，力争到2027年，基本建成全国人工智能创新高地，经省政府同意，现就有关事项提出如下意见。\n")
    assert metrics(text) == ["基本建成全国人工智能创新高地"]


def test_the_approach_and_the_work_a_year_paragraph_names_are_no_goals():
    text = ("一、总体要求\n（二）发展目标\n2025年，立足本区实际，加快建立数据要素流通机制，找准比较优势，"
            "坚持整体推进、重点突破、打造特色，集聚资源、集中发力，重点抓好“一港两中心”建设，深入推进“数据+”行动，"
            "形成“一港两中心”工作体系。\n")
    assert metrics(text) == ["加快建立数据要素流通机制", "形成“一港两中心”工作体系"]
    # a means clause whose goal verb is no listed principle still gives the goal after it
    assert metrics("一、主要目标\n到2026年，围绕物流、文旅等领域打造一批示范应用场景。\n") == ["打造一批示范应用场景"]

def test_a_routine_stated_beside_a_dated_goal_is_no_goal():
    text = ("一、重点任务\n（一）开放公共数据。到2026年底前有序开放交通、气象等公共数据，定期通报各部门开放情况，"
            "每年发布开放目录2次。\n")
    assert metrics(text) == ["有序开放交通、气象等公共数据"]


def test_the_terms_of_a_grant_are_no_goals():
    text = ("一、重点任务\n（一）建设智算中心。到2025年，建成10个智算中心。对新建智算中心按投资额的10%给予补助，"
            "最高500万元。\n（二）发放算力券。到2026年，对企业按合同金额的20%给予算力券补贴，每年最高100万元，"
            "算力券惠及企业1000家。\n")
    assert [(t[0], t[2], t[3]) for t in summary(text)] == [(2025, 10, "个"), (2026, 1000, "家")]


# --- a page that ends inside a goal -------------------------------------------------------------------

def test_a_count_completed_before_the_page_ends_is_kept_and_a_cut_one_is_not():
    text = "一、主要目标\n2026年，全省算力规模达到9EFlops；累计在6个以上行业开展大模型应用、打造120个以上大模"
    assert [(t[1], t[2]) for t in summary(text)] == [("全省算力规模", 9), ("行业开展大模型应用", 6)]


def test_a_count_whose_unit_ends_the_page_is_whole():
    text = "一、主要目标\n2030年，全市人工智能产业规模达1200亿元，产业基金规模突破80亿元"
    assert [t[2] for t in summary(text)] == [1200, 80]


def test_an_uncounted_goal_cut_by_the_page_end_is_dropped():
    text = "一、主要目标\n到2027年，核心产业规模突破300亿元，打造具有全国影响力的人工"
    assert [t[2] for t in summary(text)] == [300]


def test_an_uncounted_goal_the_page_ends_on_its_state_is_whole():
    text = "一、主要目标\n到2027年，数据要素市场体系基本建立，数据要素对经济增长的贡献进一步凸显"
    assert metrics(text) == ["数据要素市场体系基本建立", "数据要素对经济增长的贡献进一步凸显"]
    # cut inside the state's verb, or after a verb that needs its object, it is dropped
    assert metrics(text[:-1]) == ["数据要素市场体系基本建立"]
    assert metrics("一、主要目标\n到2027年，数据要素市场体系基本建立，持续提升") == ["数据要素市场体系基本建立"]


# --- news reports: goals against reported facts ---------------------------------------------------------

NEWS = ("江北发布人工智能行动方案：到2030年核心产业规模突破3000亿元\n"
        "记者从省政府新闻发布会上获悉，《江北省人工智能产业发展行动方案》近日印发。目标明确到2030年，"
        "人工智能核心产业规模突破3000亿元，应用落地超万个，标志着我省人工智能发展进入新阶段，加速抢占产业制高点。"
        "该方案以“强基础、拓应用”为路径，实施技术攻关、场景开放两大行动。\n"
        "省科技厅负责人在发布会上介绍，近年来，我省人工智能发展已形成先发优势，全省规上企业达560家，"
        "2025年前三季度实现营收920亿元，落地项目800个。\n"
        "在技术攻关方面，江北将每年布局100项以上攻关项目，支持企业组建创新联合体，打造一批高能级平台。\n")


def test_a_report_keeps_the_goals_of_its_dated_sentence():
    assert summary(NEWS) == [(2030, "人工智能核心产业规模", 3000, "亿元", ">"), (2030, "应用落地", 1, "万个", ">")]


def test_a_report_drops_narration_reported_figures_and_routines():
    found = " ".join(metrics(NEWS))
    for word in ("标志着", "制高点", "路径", "两大行动", "介绍", "先发优势", "560", "营收", "项目", "联合体", "平台"):
        assert word not in found


def test_a_later_sentence_of_a_report_with_counts_keeps_the_year():
    text = ("江北省人工智能行动计划发布\n"
            "7月8日，《江北省人工智能行动计划》发布。计划提出，到2026年，全省基本形成人工智能场景创新体系。"
            "计划还提出，将推动产业能级快速跃升，培育20家龙头企业，建成3—5个产业集聚区。\n")
    assert summary(text) == [(2026, "全省基本形成人工智能场景创新体系", None, None, None),
                             (2026, "龙头企业", 20, "家", "="), (2026, "产业集聚区", 3, "个", ">=")]


def test_a_reports_frame_and_the_actions_it_reports_are_no_goals():
    text = ("江北省人工智能行动计划发布\n"
            "方案明确，到2027年，江北将加快布局智算中心，将全省打造成为人工智能创新高地。\n")
    assert metrics(text) == ["将全省打造成为人工智能创新高地"]


def test_a_counted_paragraph_after_a_dated_one_carries_its_year_and_a_reported_one_does_not():
    text = ("江北省算力基础设施行动方案发布\n"
            "11月2日，《江北省算力基础设施行动方案》发布。方案提出，到2027年，全省算力协同发展格局初步构建。\n"
            "计算力方面，算力总规模达到30EFLOPS，智能算力占比不低于50%。\n"
            "据介绍，目前全省算力总规模已达到8EFLOPS。\n")
    values = [(t[0], t[2]) for t in summary(text)]
    assert (2027, 30) in values and (2027, 50) in values
    assert all(value != 8 for _, value in values)


def test_bullets_after_a_dated_colon_are_goals_of_that_year():
    text = ("江北发布人工智能行动方案\n11月5日，《江北省人工智能行动方案》印发。《方案》提出，到2027年：\n"
            "——算力规模达到10EFLOPS；\n——培育龙头企业10家，人工智能产业生态更加完善。\n")
    assert summary(text) == [(2027, "算力规模", 10, "EFLOPS", ">="), (2027, "培育龙头企业", 10, "家", "="),
                             (2027, "人工智能产业生态更加完善", None, None, None)]


def test_an_addressee_line_ending_in_a_colon_dates_nothing():
    text = "一、主要目标\n到2027年，全省算力规模达到10EFLOPS。\n各市人民政府：\n培育龙头企业10家。\n"
    assert [t[2] for t in summary(text)] == [10]


def test_numbered_goals_in_a_goal_section_leave_their_numbers_out():
    text = "一、发展目标\n到2027年，主要目标如下：\n（一）算力规模达到10EFLOPS。\n2.培育龙头企业10家。\n"
    assert [(t[1], t[2]) for t in summary(text)] == [("算力规模", 10), ("培育龙头企业", 10)]


def test_a_bullets_label_sentence_is_no_goal():
    text = "一、主要目标\n到2025年：\n——提升算力，优化网络。全市算力规模达到5EFLOPS。\n"
    assert metrics(text) == ["全市算力规模"]


def test_a_label_sentence_heads_a_goal_paragraph():
    text = ("一、发展目标\n2026年，全市人工智能产业水平全国领先。\n"
            "人工智能技术创新策源地。核心技术取得突破，形成重大科技成果12项以上。\n")
    found = metrics(text)
    assert "人工智能技术创新策源地" not in found and "核心技术取得突破" in found


def test_a_report_lead_gives_the_goals_of_a_plan_cut_before_its_goal_section():
    text = ("7月2日，《江北省人工智能行动计划（2024—2026年）》发布。《行动计划》提出，到2026年，"
            "全省培育15家人工智能龙头企业，建成4个产业集聚区。\n"
            "原文如下：\n"
            "江北省人工智能行动计划（2024—2026年）\n"
            "人工智能是新一轮科技革命的重要驱动力量，加快发展人工智能是推动产业升级的重要")
    assert summary(text) == [(2026, "人工智能龙头企业", 15, "家", "="), (2026, "产业集聚区", 4, "个", "=")]


def test_a_report_lead_that_repeats_the_goal_section_adds_nothing():
    text = ("江北省人民政府办公厅印发《江北省人工智能行动方案》，提出到2027年实现核心技术突破不少于20项，"
            "推动百家骨干企业集聚，加速形成产业创新生态。\n"
            "江北省人工智能行动方案\n"
            "一、主要目标\n"
            "到2027年，实现核心技术突破不少于20项；建设不少于4个高质量孵化器，实现百家骨干企业集聚。\n")
    assert [t[2] for t in summary(text)] == [20, 4, 100]


def test_a_lead_that_rounds_a_count_repeats_it():
    text = ("江北省人民政府印发《江北省人工智能行动方案》，提出到2027年核心产业规模突破千亿元。\n"
            "江北省人工智能行动方案\n一、主要目标\n到2027年，全省人工智能核心产业规模突破1000亿元。\n")
    assert [(t[2], t[3]) for t in summary(text)] == [(1000, "亿元")]


def test_a_list_of_counted_items_stops_at_the_verb_of_the_next_item():
    found = summary("一、主要目标\n到2027年，打造8个以上行业大模型、研发一批端侧模型，集聚企业900家以上。\n")
    assert found == [(2027, "行业大模型", 8, "个", ">="), (2027, "研发一批端侧模型", None, None, None),
                     (2027, "集聚企业", 900, "家", ">=")]


def test_trend_statements_listed_with_a_pause_mark_are_one_goal_each():
    assert metrics("一、主要目标\n到2027年，核心产业规模快速增长、开放合作体系不断完善。\n") == [
        "核心产业规模快速增长", "开放合作体系不断完善"]


def test_a_list_of_fields_before_one_predicate_stays_one_goal():
    assert metrics("一、主要目标\n到2027年，类脑智能、群体智能、具身智能等基础理论取得突破。\n") == [
        "类脑智能、群体智能、具身智能等基础理论取得突破"]


def test_a_subject_qualified_by_a_means_word_is_a_goal():
    assert metrics("一、工作目标\n到2027年，基于大模型的新业态成为经济增长新动力。\n") == [
        "基于大模型的新业态成为经济增长新动力"]


def test_manner_and_purpose_clauses_are_no_goals():
    text = ("一、主要目标\n到2027年，实现以省会、港城“双核”牵引辐射带动，各地协同共进，千行百业深度赋能，"
            "打造人工智能融合应用新高地，支撑引领全省实现高质量发展。\n")
    assert metrics(text) == ["打造人工智能融合应用新高地"]


def test_a_mechanism_the_goals_build_is_a_goal_but_the_plans_own_working_arrangement_is_not():
    text = ("一、主要目标\n到2026年，实现全县职业院校数字化教学全面覆盖，"
            "构建起平台支撑、校企联动的一体化推进机制。\n")
    assert metrics(text) == ["实现全县职业院校数字化教学全面覆盖", "构建起平台支撑、校企联动的一体化推进机制"]
    text = ("一、主要目标\n到2026年，实现全县职业院校数字化教学全面覆盖，"
            "由县教育局牵头，会同县财政局建立工作推进机制。\n")
    assert metrics(text) == []


def test_a_year_opening_the_line_below_a_reports_list_lead_in_dates_goals():
    page = ("临江推出“人工智能+医疗”行动方案\n2025年03月10日09:12 | 来源:临江晚报\n"
            "3月9日，临江省卫生健康委印发《临江省“人工智能+医疗”行动方案(2025—2028年)》。\n"
            "{lead}\n2025年，建成一批智慧医院示范点。2027年，形成覆盖全省的智能诊疗服务网络。\n")
    assert metrics(page.format(lead="方案列出了智慧医疗建设的两个阶段目标——")) == [
        "建成一批智慧医院示范点", "形成覆盖全省的智能诊疗服务网络"]
    # below a line that opens no list, a bare year in a report (not later than the plan's first) dates what
    # happened
    past = page.format(lead="方案由省卫生健康委会同有关部门起草。").replace("2027年，形成", "2024年，形成")
    assert metrics(past) == []


def test_a_means_and_the_need_it_serves_is_no_goal():
    text = ("一、主要目标\n到2026年，建成一批智慧养老服务站，以智能设备满足老年人居家照护需求、提升服务效率。\n")
    assert metrics(text) == ["建成一批智慧养老服务站"]


def test_a_goal_after_its_manner_in_one_clause_starts_at_its_verb():
    text = "一、主要目标\n到2027年，以“江北通”平台为核心构建形成全市统一的线上办事体系，以创新为引领。\n"
    assert metrics(text) == ["构建形成全市统一的线上办事体系"]


def test_a_purpose_clause_that_states_an_attainment_is_a_goal():
    assert metrics("一、主要目标\n到2027年，算力供给体系进一步完善，助推新质生产力发展取得显著成效。\n") == [
        "算力供给体系进一步完善", "助推新质生产力发展取得显著成效"]


def test_a_goal_section_named_construction_goals_carries_its_year():
    text = ("江北市人工智能试验区建设行动方案（征求意见稿）\n2024-05-20\n"
            "一、总体要求\n坚持创新引领，打造人工智能创新高地。\n"
            "二、建设目标\n2026年，全市人工智能产业水平全国领先。\n"
            "典型场景应用先行地。城市大脑成为典范；智慧港口形成示范。\n")
    assert metrics(text) == ["全市人工智能产业水平全国领先", "城市大脑成为典范", "智慧港口形成示范"]


@pytest.mark.parametrize("heading", ["一、行动愿景", "一、预期目标"])
def test_vision_and_expected_goal_sections_carry_their_year(heading):
    text = heading + "\n2027年，全市人工智能产业规模突破800亿元。人工智能与实体经济深度融合。\n"
    assert [t[0] for t in summary(text)] == [2027, 2027]


def test_a_one_year_work_plan_dates_its_deadlines_within_the_year():
    text = ("数字江北建设2024年工作要点\n一、建设数字政府\n（一）提升政务服务\n"
            "1.深化网上办。持续优化办事流程，年底前基本实现企业事项全程网办，推动服务向移动端延伸。\n")
    assert summary(text) == [(2024, "基本实现企业事项全程网办", None, None, None)]


def test_a_month_deadline_in_a_one_year_work_plan_dates_its_clause():
    text = "数字江北建设2025年工作要点\n一、夯实数字基础设施\n（一）推进算力网络。6月底前完成全省算力调度平台上线。\n"
    assert summary(text) == [(2025, "完成全省算力调度平台上线", None, None, None)]


def test_a_one_year_plans_tasks_that_count_what_they_deliver_are_the_years_goals():
    text = ("数字江北建设2025年工作要点\n一、壮大数字产业\n"
            "1.发展算力产业。加快培育算力硬件制造企业。集聚算力生态企业累计达到80家。\n"
            "2.推广人工智能应用。培育12个以上行业应用标杆，打造60个场景级大模型应用。\n"
            "3.推进重点项目。扎实做好全省25个数字经济重点项目建设。持续推动30户以上自然村光纤接入。\n")
    assert summary(text) == [(2025, "集聚算力生态企业累计", 80, "家", ">="),
                             (2025, "行业应用标杆", 12, "个", ">="),
                             (2025, "场景级大模型应用", 60, "个", "=")]  # 个场景级: the unit is 个
    # the work on a number of things (做好25个项目建设, 持续推动…) is no goal; nor is a task of a plan
    # that is not a one-year plan, or of one whose goal section states its goals
    assert goals(text.replace("2025年工作要点", "工作要点")) == []
    stated = text.replace("一、壮大数字产业\n", "主要目标\n全省数字经济核心产业增加值增长10%。\n一、壮大数字产业\n")
    assert summary(stated) == [(2025, "全省数字经济核心产业增加值增长", 10, "%", "=")]  # bare 主要目标: the year's

def test_a_one_year_plans_task_with_a_deadline_within_the_year_counts_its_other_deliveries_too():
    text = ("数字江北建设2025年工作要点\n一、夯实数字基础设施\n"
            "（一）升级网络设施。全面推进千兆网络布局，年底前基本实现行政村千兆光网全覆盖，年内新增5G基站800座，"
            "新增光纤端口1.5万个，建设“24小时不打烊”政务服务厅。\n")
    assert summary(text) == [(2025, "基本实现行政村千兆光网全覆盖", None, None, None),
                             (2025, "5G基站", 800, "座", "="),
                             (2025, "光纤端口", 1.5, "万个", "=")]  # a number in a quoted name counts nothing


def test_a_deadline_within_the_year_of_an_undated_plan_dates_nothing():
    text = ("江北省人工智能产业发展行动方案\n一、重点任务\n（一）开放数据。年底前基本实现公共数据按需开放。\n")
    assert goals(text) == []


@pytest.mark.parametrize(("value", "unit", "expected"), [
    (100, "EB", (100, "EB", "storage")), (500, "PB", (0.5, "EB", "storage")),
    (3, "毫秒", (3, "毫秒", "latency")), (20, "ms", (20, "毫秒", "latency")),
    (2, "万台（套）", (20000, "台（套）", "count")), (1, "千家", (1000, "家", "count")),
    (1, "万个", (10000, "个", "count")),
])
def test_storage_latency_and_counts_without_digits_normalise(value, unit, expected):
    assert normalise_value(value, unit) == expected


# --- incentives -------------------------------------------------------------------------------------

def terms(text: str) -> list[tuple]:
    """(rate, cap, years) of each incentive, in document order."""
    return [(g.get("rate"), g.get("cap"), g.get("years")) for g in grants(text)]


MEASURES = "江北市支持人工智能产业发展若干措施\n一、支持算力建设\n"


def test_money_given_as_support_is_a_grant_and_a_grant_without_terms_is_not():
    text = MEASURES + ("（一）支持技术攻关。对单个攻关项目给予最高不超过800万元支持。\n"
                       "（二）支持平台建设。对新建创新平台按规定给予支持。\n")
    assert terms(text) == [(None, 800, None)]


def test_a_one_off_reward_is_capped_by_its_amount():
    text = MEASURES + "（一）鼓励模型备案。对通过备案的大模型，给予研发企业一次性 60 万元奖励。\n"
    assert terms(text) == [(None, 60, None)]


def test_a_voucher_with_a_rate_and_a_cap_is_a_grant():
    text = MEASURES + "（一）发放“数据券”。对购买数据服务的企业，按不超过合同金额的40%，给予最高150万元支持。\n"
    found = grants(text)
    assert [(g.get("rate"), g.get("cap")) for g in found] == [(40, 150)]
    assert found[0]["beneficiary"] == "购买数据服务的企业"


def test_two_beneficiaries_in_one_sentence_are_two_grants():
    text = MEASURES + ("（一）做强平台。对排名前五的平台企业，按上年度营业收入的8%给予补助，最高不超过300万元，"
                       "对新入选国家级平台的企业给予一次性500万元奖励。\n")
    assert terms(text) == [(8, 300, None), (None, 500, None)]


def test_rates_listed_after_qizhong_are_one_grant_each_and_share_the_cap_that_follows():
    text = MEASURES + ("（一）发放算力券。算力券按不超过合同费用的30%给予企业补贴，其中，使用国产算力的企业补贴比例"
                       "不超过合同费用的30%，使用其他算力的企业补贴比例不超过合同费用的15%。单家企业每年申领不超过600万元。\n")
    assert terms(text) == [(30, 600, None), (15, 600, None)]


def test_graded_rates_run_for_as_many_years_as_they_name():
    text = MEASURES + "（一）降低算力成本。按照当年实际服务费第一年50%，第二年40%，第三年30%给予补助。\n"
    assert terms(text) == [(50, None, 3)]


def test_a_rate_written_as_a_fraction():
    text = MEASURES + "（一）省市联动。省级按照市级实际补助额度的1/3给予符合条件的市补助；另按三分之一给予区县补贴。\n"
    assert terms(text) == [(33.3, None, None), (33.3, None, None)]


def test_the_longest_term_of_a_rent_subsidy_is_its_years():
    text = MEASURES + "（一）支持企业入驻。对新入驻的人工智能企业按市场租金的50%给予最长3年租金补贴。\n"
    assert terms(text) == [(50, None, 3)]


def test_a_grant_in_a_report_outside_any_measure_belongs_to_the_plan():
    text = ("江北区出台人工智能若干措施\n近日，《江北区关于推动人工智能产业发展的若干措施》印发。"
            "对采购算力资源的企业，按年度实际采购费用的25%，最高500万元向企业提供算力券补贴，连续资助2年。\n")
    assert terms(text) == [(25, 500, 2)]


def test_a_bare_amount_in_a_summary_and_money_already_paid_are_no_grants():
    text = ("江北三份人工智能政策解读\n政策文件 定位 核心功能\n"
            "《江北省支持人工智能发展若干政策措施》 配套保障 12条扶持措施，最高单项补助5000万元\n"
            "近年来，全省累计发放算力券补贴8000万元，惠及企业按合同金额的30%抵扣。\n")
    assert grants(text) == []


def test_a_grant_whose_terms_the_page_cuts_is_dropped():
    text = MEASURES + "（一）支持企业落户。对新引进的人工智能企业，按其实际投资额的5%给予落户奖励，最高不超过"
    assert grants(text) == []


def test_a_sentence_broken_by_blanks_is_read_whole():
    text = MEASURES + ("（一）做强平台。 省专项资金对排名前十的平台企业,按上年度营业收入的 10% 给予补助 ,"
                       " 最高不超过 500 万元 。\n")
    assert terms(text) == [(10, 500, None)]


def test_the_share_of_a_cost_is_the_rate_not_a_condition_and_a_cap_may_follow_a_few_words():
    text = MEASURES + ("（一）鼓励研发投入。对营业收入增长20%以上的企业，按研发投入的10%给予奖励，"
                       "奖励资金最高可达300万元，支持期限不超过3年。\n")
    assert terms(text) == [(10, 300, 3)]


def test_a_counted_paragraph_of_a_report_keeps_the_year_and_drops_who_will_do_it_from_the_metric():
    text = ("江北新区发布人工智能三年行动计划\n按照计划，到2027年，新区人工智能核心产业规模达到300亿元。\n"
            "在算力建设方面，新区将新建智算中心2个，新增智能算力800P。\n")
    assert [(t[0], t[1], t[2]) for t in summary(text)] == [
        (2027, "新区人工智能核心产业规模", 300), (2027, "新建智算中心", 2), (2027, "智能算力", 800)]


def test_a_base_of_comparison_is_no_report():
    text = "一、主要目标\n到2027年，全省算力规模较目前翻一番，数据交易额比去年增长30%以上，算力调度实现常态化。\n"
    assert metrics(text) == ["全省算力规模较目前翻一番", "数据交易额比去年增长", "算力调度实现常态化"]


def test_already_built_qualifying_a_noun_is_no_report():
    text = "一、主要目标\n到2027年，已建成的数据中心PUE全部降至1.3以下，新建智算中心5个。\n"
    assert [t[2] for t in summary(text)] == [1.3, 5]


def test_a_budget_is_no_cap():
    text = MEASURES + "（一）扩大算力券规模。到2027年，算力券补贴资金规模达到10亿元，惠及企业1000家。\n"
    assert grants(text) == []



def test_a_sentence_that_only_states_the_term_gives_the_grants_just_before_it_their_years():
    text = MEASURES + ("（一）支持模型训练。对完成备案的模型企业，按照不超过当年算力费用的20%，给予最高500万元支持。"
                       "根据训练进展情况，连续支持三年。\n"
                       "（二）支持数据标注。对标注基地按服务金额的10%给予补贴，最高100万元。鼓励企业连续3年加大投入。\n")
    assert terms(text) == [(20, 500, 3), (10, 100, None)]


def test_two_awards_of_their_own_kinds_in_one_sentence_are_two_grants():
    text = ("江北区人工智能奖励政策出台\n近日，江北区印发《江北区人工智能产业奖励办法》，每年全区投入最高2亿元，"
            "单家人工智能企业每年最高获得800万元研发奖励和300万元人才奖励。\n")
    assert sorted(terms(text)) == [(None, 300, None), (None, 800, None)]


def test_a_per_enterprise_cap_in_a_report_says_to_whom_it_is_paid():
    text = ("江北市发放数据券补贴，中小企业可申请！同一企业每年最高150万元\n"
            "近日，江北市经济和信息化局印发《江北市数据券实施方案》。\n"
            "江北三份政策解读 配套保障 最高单项补助5000万元\n")
    assert terms(text) == [(None, 150, None)]
    summed_up = ("江北区出台人工智能若干措施\n近日，江北区印发《江北区支持人工智能发展若干措施》，提出12条措施，"
                 "单个项目最高资助可达500万元。\n一、支持算力建设\n"
                 "（一）支持模型研发。对基础大模型，按研发投入的20%给予资助，最高不超过500万元。\n")
    assert terms(summed_up) == [(20, 500, None)]


def test_a_cap_raised_to_an_amount_written_with_thousands_separators():
    text = MEASURES + "（一）支持成果转化。每所合作高校转化中心的资助上限提高至 2,400 万元。\n"
    assert terms(text) == [(None, 2400, None)]


def test_a_matching_grant_pays_the_government_s_share():
    text = MEASURES + ("（一）支持新设产线。新设产线的相关费用，以(政府)1:(企业)3 的配对形式，"
                       "提供最多 1 亿元配对资助。\n")
    assert terms(text) == [(25, 10000, None)]


def test_a_report_of_grants_on_terms_with_no_title_is_still_read_for_its_grants():
    text = ("政策重点支持两类人工智能项目。在平台建设方面，获批组建的省级创新平台，可获补贴最高30%新购置设备费用，"
            "补贴上限2000万元；对开展行业模型研发的企业，按照不超过投入费用20%的比例予以补贴，上限600万元；"
            "提供开源服务的平台，只要活跃用户超过百万，可申请补贴资金最高600万元。\n")
    # the claim (可申请) says to whom; its amount repeats an earlier cap, so it sums up nothing
    assert terms(text) == [(30, 2000, None), (20, 600, None), (None, 600, None)]
    with pytest.raises(SourceError):  # a report without grants on terms still holds no policy text
        grants("政策重点支持两类人工智能项目，企业可申请补贴。\n")


def test_a_standard_stated_per_beneficiary_is_the_cap():
    text = MEASURES + ("（一）支持平台认定。对新认定的数据平台，奖励标准为每家80万元。\n"
                       "（二）支持节能改造。对改造企业给予电费补贴，补贴标准为每千瓦时0.1元。\n")
    assert terms(text) == [(None, 80, None)]


def test_the_cap_of_a_range_of_amounts_is_its_top():
    text = MEASURES + ("（一）支持企业升级。对新认定的企业，给予20万元—60万元奖励。\n"
                       "（二）支持平台。对新建平台给予30至90万元补助。\n")
    assert terms(text) == [(None, 60, None), (None, 90, None)]


def test_an_amount_that_says_whom_the_grant_is_for_is_no_cap():
    text = MEASURES + ("（一）扶持小微企业。对年营业收入不超过3000万元的小微企业，给予15万元补贴。\n"
                       "（二）支持研发。对研发企业给予不超过200万元的一次性奖励。\n")
    assert terms(text) == [(None, 15, None), (None, 200, None)]


# --- floors on the gold sets, for this area's categories -------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
#: (documents, gold) -> floor of targets F1, floor of incentives F1; the real set was scored at first
#: sight (targets 0.81, incentives 0.40) before the rules were fixed on it, so its floors guard the fix
FLOORS = {
    "seeds": (ROOT / "seeds", GOLD / "seeds", 0.97, 0.9),
    "devset": (GOLD / "devset" / "docs", GOLD / "devset" / "gold", 0.97, 0.9),
    "realset": (GOLD / "realset" / "docs", GOLD / "realset" / "gold", 0.95, 0.9),
    "heldout": (GOLD / "heldout" / "docs", GOLD / "heldout" / "gold", 0.97, 0.9),
}


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_targets_and_incentives_stay_above_their_floors(name):
    docs, gold, target_floor, incentive_floor = FLOORS[name]
    export = _module("score_sets", ROOT / "tools" / "score_sets.py").export_of([docs])
    score = _module("gold_score", GOLD / "score.py")
    graph, tally = score.Graph(export), score.Tally()
    for path in sorted(gold.glob("*.json")):
        score.score_document(graph, json.loads(path.read_text(encoding="utf-8")), tally)
    more = _module("gold_score_more", GOLD / "score_more.py").scores(export, gold)
    f1 = {cat: f for cat, _p, _r, f, _found, _gold in [*tally.rows(), *more.rows()]}
    assert f1["targets"] >= target_floor and f1["incentives"] >= incentive_floor, f1


def test_support_given_with_yuyi_and_a_rate_in_a_report_are_grants():
    text = MEASURES + "（一）支持场景开放。对入选的示范场景，按项目投资的30%予以支持，最高不超过500万元。\n"
    assert terms(text) == [(30, 500, None)]
    report = ("江北区发布算力新政\n近日，《江北区支持算力产业发展若干措施》印发。企业租用区内智算中心算力，"
              "可获得合同金额30%的算力券补贴，单家企业每年最高100万元。\n")
    assert terms(report) == [(30, 100, None)]


# --- second round: rules read from the real corpus ------------------------------------------------------

def test_a_technology_named_with_a_g_is_no_count_and_dates_nothing_after_it():
    text = ("江北省发布数字经济意见\n"
            "近日，江北省人民政府印发数字经济指导意见，提出到2025年，全省数字经济总量超1万亿元。\n"
            "大数据、人工智能、5G、超高清视频是意见列出的核心产业，代表着未来的重要方向。\n"
            "建设2—4个大数据产业基地。\n")
    assert summary(text) == [(2025, "全省数字经济总量", 1, "万亿元", ">")]
    assert [t[2] for t in summary("一、主要目标\n到2026年，建成5G基站2万个，骨干网带宽达到100G以上。\n")] == [2, 100]


def test_latin_letters_after_a_chinese_classifier_keep_the_count():
    assert summary("一、重点任务\n（一）推进场景建设。到2027年，完成6个以上AI赋能应用场景建设。\n") == [
        (2027, "AI赋能应用场景建设", 6, "个", ">=")]


def test_more_than_a_count_and_a_scale_without_digits():
    found = summary("一、主要目标\n到2026年，带动就业人员3.2万余人，拉动相关产业收入达到万亿级，打造千亿级产业集群。\n")
    assert found[:2] == [(2026, "带动就业人员", 3.2, "万人", ">"), (2026, "拉动相关产业收入", 1, "万亿元", ">=")]
    assert found[2][2] is None  # 千亿级 without a comparator describes the cluster: no count


def test_a_count_inside_what_another_count_counts_is_no_goal_but_listed_counts_are():
    found = summary("一、主要目标\n到2030年，培育8家以上营业收入超过20亿元的龙头企业，"
                    "打造2个以上的量产人形机器人产品、4个以上的量产仿生机器人产品。\n")
    assert [(t[1], t[2]) for t in found] == [("营业收入超过20亿元的龙头企业", 8), ("量产人形机器人产品", 2),
                                             ("量产仿生机器人产品", 4)]


def test_an_amount_right_before_what_a_count_counts_qualifies_it_without_de():
    found = summary("一、主要目标\n到2028年，培育市值超50亿元企业6家以上、营业收入突破5亿元企业15家以上。\n")
    assert [(t[2], t[3]) for t in found] == [(6, "家"), (15, "家")]
    assert found[1][1] == "营业收入突破5亿元企业"
    # an amount that is a goal of its own stays one: a list break or a verb lies between
    found = summary("一、主要目标\n到2028年，产业规模突破80亿元，企业达到60家。\n")
    assert [(t[2], t[3]) for t in found] == [(80, "亿元"), (60, "家")]


def test_a_count_of_named_things_written_with_da_and_no_classifier():
    found = summary("一、主要目标\n到2026年，实现八大关键技术突破，打造服务业五大特色产业。\n")
    assert [(t[1], t[2], t[3]) for t in found] == [("关键技术突破", 8, None), ("特色产业", 5, None)]
    found = summary("一、主要目标\n到2026年，支持三大运营商和龙头企业建设智算中心，涌现一大批创新企业。\n")
    assert all(t[2] is None for t in found)  # names among others and 一大批 count nothing


def test_the_next_years_date_goals_only_in_a_plan_of_as_many_years():
    text = ("《江北市智算产业行动方案（2025—2027年）》印发。\n"
            "根据《方案》，未来三年，江北将新增智算中心5个，智能算力规模达到800PFLOPS。\n")
    assert [(t[0], t[2]) for t in summary(text)] == [(2027, 5), (2027, 800)]
    assert summary(text.replace("未来三年", "未来五年")) == []
    assert summary(text.replace("（2025—2027年）", "")) == []


def test_a_unit_spelt_out_in_words_takes_the_symbol_glossing_it():
    found = summary("一、主要目标\n到2026年，全市智能算力规模在半精度(FP16)下"
                    "达到800千万亿次浮点运算/秒(PFLOPS)以上。\n")
    assert [(t[2], t[3], t[4]) for t in found] == [(800, "PFLOPS", ">=")]


def test_a_paragraph_that_opens_with_its_year_states_goals_to_its_end_outside_a_goal_section():
    text = ("江北市人民政府办公厅关于加快推进数据产业发展的实施意见\n各区人民政府：\n"
            "到2026年，数据产业生态基本形成，培育数据企业50家。数据流通体系更加健全，数据交易额全省领先。\n"
            "数据企业将持续增加，产业规模不断扩大。\n")
    assert metrics(text) == ["数据产业生态基本形成", "培育数据企业", "数据流通体系更加健全", "数据交易额全省领先"]


def test_this_year_in_a_report_is_the_year_the_page_was_written():
    text = ("临江推出人工智能新举措\n发布时间：2026-03-02 10:15\n"
            "市数据局表示，工作组目标在今年内上线覆盖80个办事环节的智能助手，并在2028年底前增加至不少于150个。"
            "政府今年内会推出约12公顷数据园区用地。\n")
    assert [(t[0], t[2], t[3]) for t in summary(text)] == [(2026, 80, "个"), (2028, 150, "个"), (2026, 12, "公顷")]
    assert summary(text)[1][1] == summary(text)[0][1]  # 增加至不少于150个 counts what the 80个 counted
    undated = text.replace("发布时间：2026-03-02 10:15\n", "")
    assert [t[0] for t in summary(undated)] == [2028]  # no page date: 今年 is no year
    reported = "临江推出人工智能新举措\n发布时间：2026-03-02 10:15\n截至今年底，全市已建成智算中心3个。\n"
    assert goals(reported) == []


def test_a_traditional_comparator_alone_is_no_metric():
    text = ("臨江推出人工智能新舉措\n發布時間：2026-03-02 10:15\n"
            "工作組目標在今年內上線覆蓋80個辦事環節的智能助手，並在2028年底前增加至不少於150個。\n")
    found = summary(text)
    assert [t[2] for t in found] == [80, 150] and found[1][1] == found[0][1]


def test_a_stretch_value_after_a_count_counts_the_same_thing():
    found = summary("一、主要目标\n到2026年，全市软件业务收入增长12%，力争14%，规上企业达到300家。\n")
    assert [(t[1], t[2], t[3]) for t in found] == [("全市软件业务收入增长", 12, "%"), ("全市软件业务收入增长", 14, "%"),
                                                   ("规上企业", 300, "家")]


def test_counts_listed_one_after_another_share_what_the_last_names():
    found = summary("一、主要目标\n到2025年，升级达到3大类、80种以上的智能装备。\n")
    assert [(t[1], t[2], t[3]) for t in found] == [("智能装备", 3, "大类"), ("智能装备", 80, "种")]


def test_bare_magnitudes_channels_and_a_barrier_word_are_read_as_counts():
    found = summary("一、主要目标\n到2026年，数字经济规模首次突破万亿元大关，物联网连接数达到2000万，"
                    "视频监控汇聚总量突破20万路。\n")
    assert [(t[1], t[2], t[3]) for t in found] == [("数字经济规模首次", 1, "万亿元"), ("物联网连接数", 2000, "万"),
                                                   ("视频监控汇聚总量", 20, "万路")]


def test_a_question_ends_the_goals_of_a_report():
    text = ("江西省人工智能行动计划解读\n近日，省发展改革委制定了《江西省人工智能行动计划》，提出到2030年，"
            "全省人工智能核心产业规模突破800亿元的工作目标，怎么实现？怎么发展？今天，本号结合《行动计划》一起学习。\n")
    assert summary(text) == [(2030, "全省人工智能核心产业规模", 800, "亿元", ">")]


def test_an_item_titled_as_goals_under_an_unnumbered_section_is_a_goal_section():
    text = ("江北市人工智能先导区行动计划（2024—2026年）\n总体要求\n"
            "（一）指导思想。坚持创新引领，率先成为全国人工智能产业发展主阵地。\n"
            "（二）行动目标。到2026年，全市人工智能应用水平全国领先。以数字化改革为抓手，实现数字治理向数智治理转变。"
            "初步构建新制造生态，培育8家智能制造系统解决方案供应商。\n"
            "二、重点任务\n（一）建设算力。建设公共算力平台，培育企业100家。\n")
    found = summary(text)
    assert [t[1] for t in found] == ["全市人工智能应用水平全国领先", "实现数字治理向数智治理转变",
                                     "初步构建新制造生态", "智能制造系统解决方案供应商"]
    assert all(t[0] == 2026 for t in found)


def test_a_paragraph_labelled_as_goals_in_a_report_keeps_its_later_sentences():
    text = ("江北省发布人工智能规划\n近日，江北省发布《江北省人工智能发展规划》。\n"
            "远期目标：到2030年，构建成熟的人工智能发展环境。人工智能总体技术达到世界先进水平，"
            "成为具有全球影响力的区域创新中心。\n"
            "该规划提出到2030年，打造人工智能创新高地。规划由省发展改革委组织编制，广泛听取意见。\n")
    found = metrics(text)
    assert "人工智能总体技术达到世界先进水平" in found and "成为具有全球影响力的区域创新中心" in found
    assert not any("编制" in m or "听取" in m for m in found)


def test_the_goal_section_of_a_one_year_work_plan_states_that_years_goals():
    text = ("江北省数字经济2023年工作计划\n一、年度工作目标\n确保全年数字经济规模突破8000亿元。\n"
            "——数字产业规模持续扩大。电子信息产业规模突破3000亿元。\n"
            "二、重点专项工作\n（一）技术创新专项\n1.梳理关键技术目录，争取立项支持20个以上科研项目。\n")
    assert [(t[0], t[2]) for t in summary(text)] == [(2023, 8000), (2023, 3000)]


def test_the_approach_beside_the_goals_of_a_one_year_plan_is_no_goal():
    text = ("江北市2025年人工智能产业发展行动方案\n一、工作思路和目标\n"
            "以用数据建场景为主线，推进10个领域重点工作，突出人才和平台2个方面重点支撑。"
            "到2025年底，全市算力规模达到3000PFlops。\n")
    assert summary(text) == [(2025, "全市算力规模", 3000, "PFlops", ">=")]


def test_short_state_sentences_head_the_goals_after_them_but_a_short_task_is_a_goal():
    text = ("江北市发布人工智能行动计划\n《行动计划》提出，到2026年，基础支撑筑牢夯实。算力规模突破3000PFlops。"
            "创新能力持续增强。形成40个大模型产品。\n")
    assert metrics(text) == ["算力规模", "大模型产品"]
    text = "一、主要目标\n到2025年，全市算力规模达到5000PFlops。建立多元算力协同体系。率先启动万兆城市建设。\n"
    assert "建立多元算力协同体系" in metrics(text)


def test_numbered_headings_inside_a_flattened_goal_paragraph_are_no_goals():
    text = ("一、建设目标 （一）总体目标。到2026年，全市智慧城市架构体系基本完善。（二）分项目标。"
            "1.基础设施更智能。本地接入能力全面提升，5G普及应用。2.政务服务更高效。基本实现一网通办。\n")
    found = metrics(text)
    assert "本地接入能力全面提升" in found and "基本实现一网通办" in found
    assert not any(m in found for m in ("分项目标", "基础设施更智能", "政务服务更高效"))


def test_what_a_goal_serves_or_promotes_is_no_goal():
    text = "一、主要目标\n到2026年，成立人工智能研究院，促进上游研发和成果转化，服务支撑国家区域发展战略。\n"
    assert metrics(text) == ["成立人工智能研究院"]


def test_a_year_after_the_plans_first_opening_a_reports_sentence_is_a_goal_year():
    text = ("江北市就《江北市机器人三年行动方案（2025-2027年）（征求意见稿）》公开征求意见。征求意见稿指出，"
            "到2027年底打造3个以上的量产机器人产品。2027年，实现机器人整机企业工业总产值超200亿元。"
            "2024年，全市机器人产业产值达到90亿元。\n")
    assert [(t[0], t[2]) for t in summary(text)] == [(2027, 3), (2027, 200)]


def test_a_count_without_a_subject_counts_what_the_paragraph_before_counted():
    text = ("江北市机器人工作方案发布\n《方案》明确了未来的发展目标：\n"
            "到2026年，江北机器人产业销售收入突破300亿元，核心技术实现突破。\n"
            "到2028年突破600亿元，形成一批机器人产业新业态。\n")
    assert [(t[0], t[1], t[2]) for t in summary(text) if t[2]] == [
        (2026, "江北机器人产业销售收入", 300), (2028, "江北机器人产业销售收入", 600)]


def test_the_end_of_a_five_year_plan_period_dates_goals():
    text = ("江北市发布数字经济一号文\n近日，江北市发布一号文。到“十五五”期末，江北将实现规上企业数字化转型全覆盖，"
            "数字经济核心产业规模将突破2万亿元。\n")
    assert {t[0] for t in summary(text)} == {2030}
    assert (2030, "数字经济核心产业规模", 2, "万亿元", ">") in summary(text)


def test_a_colon_after_a_goal_lists_the_goals_that_make_it_and_a_label_before_a_colon_is_none():
    text = ("一、总体要求\n（二）发展目标。到2026年，我市数字化转型取得显著成效：数字经济快速发展，"
            "电子信息产业集群进一步壮大。\n远期目标：到2030年，全面建成数字江北。\n")
    assert metrics(text) == ["我市数字化转型取得显著成效", "数字经济快速发展", "电子信息产业集群进一步壮大",
                             "全面建成数字江北"]


def test_trends_with_jianli_and_fazhan_end_a_listed_statement():
    assert metrics("一、主要目标\n到2027年，数据要素体制机制基本建立、配套制度逐步健全。\n") == [
        "数据要素体制机制基本建立", "配套制度逐步健全"]
    assert metrics("一、主要目标\n到2027年，基于人工智能与产业融合的新业态新模式加快发展。\n") == [
        "基于人工智能与产业融合的新业态新模式加快发展"]


def test_the_end_of_a_period_of_work_is_no_deadline():
    text = ("江北省数据资产管理试点方案\n记者从省财政厅了解到，从2025年初至2026年底，组织开展数据资产全过程管理试点，"
            "试点单位达到30家。\n")
    assert goals(text) == []


def test_a_partner_of_the_goal_that_follows_and_an_aim_beyond_its_year_are_no_goals():
    text = ("一、工作目标\n到2026年，基本形成新型基础设施，与铁路、公路、桥梁等传统基础设施，"
            "共同构建智能化的基础设施体系，未来打造全国城市级新基建典范。\n")
    assert metrics(text) == ["基本形成新型基础设施", "共同构建智能化的基础设施体系"]


def test_a_paragraph_on_how_the_work_is_run_in_a_goal_section_has_no_goals():
    text = ("一、总体要求\n坚持需求牵引、适度超前。\n"
            "到2026年底，新型基础设施建设持续纵深推进，成为智慧城市建设的重要支撑。\n"
            "市数据局牵头统筹全市新型基础设施建设需求，会同相关部门编制专项规划。\n")
    assert metrics(text) == ["新型基础设施建设持续纵深推进", "成为智慧城市建设的重要支撑"]
    text = text.replace("市数据局牵头", "——智能算力规模达到2000PFlops。\n市数据局牵头")
    assert metrics(text)[-1] == "智能算力规模"


def test_the_bound_of_a_grant_is_its_cap_not_the_amount_per_step():
    text = MEASURES + ("（一）鼓励研发投入。重点企业按每增加2000万元研发投入给予80万元补助，年度最高补助800万元。\n"
                       "（二）支持平台。按审定总投入的5%，给予最高600万元资助，每个平台累计不超过1200万元。\n")
    assert terms(text) == [(None, 800, None), (5, 600, None)]


def test_caps_listed_for_kinds_of_beneficiary_give_the_highest():
    text = MEASURES + "（一）建设万兆网络。对创建成功的万兆小区、万兆园区，单个项目分别最高给予20万元、50万元奖励。\n"
    assert terms(text) == [(None, 50, None)]


def test_the_budget_of_a_scheme_is_no_cap_but_what_each_applicant_may_claim_is():
    text = MEASURES + ("（一）发放算力券。每年发放不超过5000万元算力券，用于支持算力服务机构提供服务。\n"
                       "（二）支持联合攻关。对申报成功的牵头企业，按照算力成本30%申领总额不超过200万元的算力券。\n")
    assert terms(text) == [(30, 200, None)]


def test_a_scheme_set_up_with_an_amount_is_no_cap_the_grant_after_it_is():
    text = MEASURES + ("（一）降低用算成本。设立最高3000万元模型券，对企业租用本市智算资源的，"
                       "按不超过实际费用40%给予每年最高80万元资助。\n")
    assert terms(text) == [(40, 80, None)]


def test_money_in_yi_without_yuan_and_support_with_funds_are_grants():
    text = ("江北市出台人工智能若干政策\n近日，《江北市人工智能若干政策》发布。对总投资超过3亿元的人工智能重大项目，"
            "最高可给予2亿资金支持；对评审通过的攻关项目最高可1500万元资金支持。\n")
    assert terms(text) == [(None, 20000, None), (None, 1500, None)]


def test_years_counted_as_at_most_or_as_a_first_year_and_the_years_after():
    text = MEASURES + ("（一）保障空间。对入驻载体的企业，给予最高3000平米用房第一年房租全免、后两年补贴房租的50%。\n"
                       "（二）支持租用算力。对租用智能算力的主体，市级给予最高20%租金补贴，并推荐申报国家补贴，"
                       "按照补早补小原则，市区协同给予最多1年、最高100%的租金补贴。\n")
    assert terms(text) == [(50, None, 3), (20, None, None), (100, None, 1)]


def test_a_grant_verb_that_only_announces_the_next_one_makes_no_second_grant():
    text = MEASURES + ("（一）开放场景。遴选示范场景项目给予供需双向支持，对场景需求方，按照项目总投入的10%，"
                       "给予最高200万元资助。\n")
    assert terms(text) == [(10, 200, None)]


def test_a_per_enterprise_limit_after_a_grant_without_terms_states_its_terms():
    text = ("江北市发布低空经济措施\n相关负责人指出，江北市将对在本地取得适航证件的航空器产品予以分类奖励支持。"
            "每家企业每年度奖励金额不超过1500万元。\n")
    assert terms(text) == [(None, 1500, None)]


def test_a_lone_short_goal_sentence_is_a_goal_not_a_heading():
    assert metrics("一、主要目标\n到2025年，全省算力规模显著提升。其中智能算力占比达到50%。\n") == [
        "全省算力规模显著提升", "智能算力占比"]
    text = "一、主要目标\n到2025年，算力规模达到10EFLOPS。产业生态显著优化。培育企业100家。\n"
    assert "产业生态显著优化" in metrics(text)


def test_a_short_headline_naming_goals_is_no_goal_section():
    text = ("江北明确发展目标\n近日，《江北市人工智能行动方案》印发。"
            "方案提出，到2026年，全市人工智能产业规模突破500亿元。人工智能与实体经济深度融合。\n")
    assert metrics(text) == ["全市人工智能产业规模"]
    # under a goal section's own heading every sentence after the year states a goal
    assert metrics(text.replace("江北明确发展目标", "主要目标"))[-1] == "人工智能与实体经济深度融合"


def test_numbered_heading_lines_in_a_goal_section_are_no_goals_but_numbered_goals_are():
    text = ("一、主要目标\n到2027年，全市形成一个产品矩阵。\n（一）形成产品矩阵\n"
            "打造3个以上量产人形机器人产品。\n- 二.做强一个产业集群\n（三）人工智能产业生态更加完善\n"
            "（四）分项目标。\n智能算力规模达到20EFLOPS。\n")
    found = metrics(text)
    assert "形成产品矩阵" not in found and "二.做强一个产业集群" not in found and "分项目标" not in found
    assert "人工智能产业生态更加完善" in found and "智能算力规模" in found


def test_a_list_of_numbered_goal_lines_without_punctuation_are_goals():
    text = "一、主要目标\n到2027年，实现以下目标：\n1.建成国家人工智能创新应用先导区\n2.培育人工智能企业50家\n"
    assert metrics(text) == ["建成国家人工智能创新应用先导区", "培育人工智能企业"]


def test_a_count_per_district_counts_what_the_count_before_counted():
    found = summary("一、主要目标\n到2026年，在市级政务服务领域培育典型应用场景不少于30个，各区县、板块不少于4个；"
                    "每个区县新增企业3家。\n")
    assert [(t[1], t[2]) for t in found] == [
        ("在市级政务服务领域培育典型应用场景", 30), ("各区县、板块典型应用场景", 4), ("每个区县新增企业", 3)]


def test_a_bare_goal_heading_ends_where_the_tasks_begin():
    text = ("江北市人工智能发展方案（2025—2027年）\n主要目标\n到2027年，全市人工智能产业规模突破600亿元。\n"
            "（一）加强算力建设。到2026年，建成智算中心3个。推动算力开放共享。\n")
    assert metrics(text) == ["全市人工智能产业规模", "建成智算中心"]


def test_a_report_states_the_stages_of_a_plans_goals_by_their_years():
    """计划到2025年，…；2027年，…: a bare year after the semicolon is the next stage; a report's sentence
    that opens with its year (…做了部署。到2025年，…) goes on stating goals in the sentences after it."""
    text = ("江北网3月2日电 江北省经信厅近日印发《江北省智能农机发展指导意见》，"
            "计划到2025年，初步建立智能农机创新体系；2027年，综合实力达到国内先进水平。\n"
            "《指导意见》按照谋划三年的安排做了部署。到2025年，关键技术取得突破。整机产品达到国内先进水平，并在农业场景得到示范应用。"
            "培育3家生态型企业。目前，已有12家企业入驻。\n")
    found = {(t["year"], t["metric"]) for t in goals(text)}
    assert (2027, "综合实力达到国内先进水平") in found and (2025, "综合实力达到国内先进水平") not in found
    assert {(2025, "整机产品达到国内先进水平"), (2025, "生态型企业")} <= found
    assert not any("入驻" in metric for _year, metric in found)  # a reported fact ends the goals
    text = text.replace("做了部署。到2025年，", "做了部署，到2025年，")  # the year opens no sentence: as before
    assert (2025, "整机产品达到国内先进水平") not in {(t["year"], t["metric"]) for t in goals(text)}


def test_the_day_set_for_a_body_to_start_dates_its_clause_only():
    """将于2027年1月1日正式成立X，统筹…: the start is a dated goal, what X will do is not; a rule in force from a
    day (自2027年1月1日起施行) and a full date in the past are no goals."""
    text = ("【記者 王某／宜蘭縣 報導】宜蘭縣政府宣布將於 2027 年 1 月 1 日正式成立「數位農業處」，統籌縣府數位建設，"
            "強化跨局處協作。\n廣告 廣告\n")
    graph = extract(RawDocument("news.txt", text))
    assert [(t.properties["year"], t.properties["metric"]) for t in graph.by_label(Label.TARGET)] == [
        (2027, "正式成立「數位農業處」")]
    plan = next(iter(graph.by_label(Label.PLAN))).properties
    assert plan["title"] == "news.txt"  # neither the cut byline (王某／宜蘭縣) nor the ad line is a title
    graph = extract(RawDocument("news.txt", "(资料图片)\n" + text))
    assert next(iter(graph.by_label(Label.PLAN))).properties["title"] == "news.txt"  # nor a photo's caption
    head = "宜兰县智慧农业发展管理办法\n第一条 为推进智慧农业发展，制定本办法。\n"
    assert metrics(head + "第二条 本办法自2027年1月1日起施行。\n") == []
    assert metrics(head + "第二条 宜兰县已于2024年1月1日成立数位农业处。\n") == []


def test_a_report_sentence_opening_with_its_source_and_year_states_goals_to_the_paragraphs_end():
    text = ("江北网讯 近日，江北市印发《江北市智能农机行动计划》。\n"
            "根据《行动计划》，到2026年，装备基础筑牢夯实。算力规模突破300PFlops。"
            "建成智能农机岛等公共服务平台，人才引育体系更加完善。\n")
    found = {(t["year"], t["metric"]) for t in goals(text)}
    assert (2026, "人才引育体系更加完善") in found
    text = text.replace("根据《行动计划》，到2026年，", "记者了解到，到2026年，")  # no source of the plan: as before
    assert (2026, "人才引育体系更加完善") not in {(t["year"], t["metric"]) for t in goals(text)}


def test_a_goal_the_report_restates_with_its_verb_moved_is_one_goal():
    text = ("江北网讯 江北省经信厅近日印发《江北省智能农机发展指导意见》，计划到2025年，初步建立智能农机创新体系。\n"
            "《指导意见》按照谋划三年的安排做了部署。到2025年，智能农机创新体系初步建立，培育3家生态型企业。\n")
    found = [t["metric"] for t in goals(text) if t["qualitative"]]
    assert len(found) == 1 and found[0] in ("初步建立智能农机创新体系", "智能农机创新体系初步建立")
    text = text.replace("智能农机创新体系初步建立", "智能农机标准体系初步建立")  # another goal: both kept
    assert len([t for t in goals(text) if t["qualitative"]]) == 2


def test_goal_states_in_set_phrases_listed_with_pause_marks_are_one_goal_each():
    text = ("一、发展目标\n到2027年，全市数据要素市场运转顺畅、流通设施初具规模、应用场景丰富多元、"
            "核心技术国内领先，数据产业规模稳步增长。\n")
    assert metrics(text) == ["全市数据要素市场运转顺畅", "流通设施初具规模", "应用场景丰富多元", "核心技术国内领先",
                             "数据产业规模稳步增长"]
    # a list of nouns ending in one state stays one goal
    assert metrics("一、发展目标\n到2027年，数据采集、数据标注、数据交易等环节初具规模。\n") == [
        "数据采集、数据标注、数据交易等环节初具规模"]


def test_the_states_a_goal_clause_names_as_the_aim_it_reaches_are_the_goals():
    text = "一、发展目标\n到2027年，基本实现数据制度体系初步形成、算力设施初具规模、产业生态初显成效的目标。\n"
    assert metrics(text) == ["数据制度体系初步形成", "算力设施初具规模", "产业生态初显成效"]


def test_the_members_of_a_named_set_after_its_dash_are_that_one_goal():
    text = ("一、发展目标\n到2027年，打造数字经济“三中心”——数据交易中心，算力调度中心，模型训练中心。"
            "引育数据企业20家以上。\n")
    got = summary(text)
    assert [m for _, m, *_ in got if "中心" in m] == ["打造数字经济“三中心”——数据交易中心"]
    assert (2027, "引育数据企业", 20, "家", ">=") in got


def test_an_action_pressed_on_in_a_goal_paragraph_is_no_goal():
    text = ("一、发展目标\n到2027年，低空经济规模稳步增长。\n"
            "——应用场景加快拓展。积极推动无人机物流商业化运营，形成10个以上应用场景。\n"
            "——设施融合发展。加快推动传统设施与数字设施融合发展，更好支撑全市建设低空经济示范区。\n")
    got = summary(text)
    assert not any(m.startswith(("积极推动", "加快推动", "更好支撑")) for _, m, *_ in got)
    assert any(m == "应用场景" and v == 10 for _, m, v, *_ in got)
    guided = text.replace("积极推动无人机物流商业化运营", "积极引导社会资本参与低空基础设施建设")
    assert not any(m.startswith("积极引导") for _, m, *_ in summary(guided))


def test_who_qualifies_for_support_a_sentence_offers_is_no_goal():
    text = ("一、支持政策\n（一）支持创新中心建设。2025至2027年获批组建的省级创新中心，可获补贴最高30%设备费用，"
            "上限3000万元；首次获认定的专精特新企业可获奖金。\n"
            "（二）培育骨干企业。到2027年，培育10家以上骨干企业，对新认定的给予最高50万元奖励。\n")
    got = summary(text)
    assert [(y, m, v) for y, m, v, *_ in got] == [(2027, "骨干企业", 10)]


def test_a_working_mechanism_the_goals_build_for_a_field_is_a_goal_but_the_plans_own_is_not():
    text = ("一、发展目标\n到2027年，数据要素市场运转顺畅。\n"
            "——治理机制健全。数据分类分级制度基本建立，在数据授权、流通交易等方面构建起权责清晰、协同高效的工作机制。\n"
            "二、保障措施\n到2027年，建立由市数据局牵头、各部门参与的工作推进机制。\n")
    got = metrics(text)
    assert "数据分类分级制度基本建立" in got
    assert any(m.endswith("协同高效的工作机制") for m in got)
    assert not any("工作推进机制" in m for m in got)


def test_a_goal_called_by_its_quoted_name_is_a_label_for_the_counts_that_spell_it_out():
    found = metrics("一、主要目标\n2026年，完成“双百”目标，建成智能工厂200个、培育服务商100家。\n")
    assert found == ["建成智能工厂", "培育服务商"]
    assert metrics("一、主要目标\n到2026年，完成“双百”目标。\n") == ["完成“双百”目标"]


def test_objects_of_one_verb_listed_with_commas_are_one_goal():
    text = ("一、主要目标\n到2026年，基本形成高速泛在、云网融合的算力网络体系，绿色低碳、安全可靠的数据中心体系，"
            "开放共享、协同高效的应用服务体系。\n")
    assert len(metrics(text)) == 1 and metrics(text)[0].endswith("应用服务体系")
    text = "一、主要目标\n到2026年，打造高速泛在的算力网络体系，建成安全可靠的数据中心体系。\n"
    assert len(metrics(text)) == 2


def test_a_density_counted_per_a_base_keeps_its_base_in_the_unit():
    text = "一、发展目标\n到2026年，服务机器人应用密度达到120台/万人，5G基站密度达到30个／万人。\n"
    assert [(t[1], t[2], t[3]) for t in summary(text)] == [
        ("服务机器人应用密度", 120, "台/万人"), ("5G基站密度", 30, "个／万人")]


def test_a_host_sites_name_after_a_headline_bar_names_nothing_the_goal_counts():
    text = ("东江：到2026年低空经济规模超500亿元|每日快讯\n"
            "《东江省低空经济发展行动方案》提出，到2026年，低空经济规模达到500亿元以上。\n")
    assert "每日快讯" not in " ".join(metrics(text))
    assert {t[1] for t in summary(text)} == {"低空经济规模"}


def test_statements_listed_with_pauses_are_one_goal_each_though_most_end_on_a_bare_verb():
    text = ("一、行动目标\n到2026年，全域感知网络建成、城市运行数据应汇尽汇、智慧应用水平全国领先、"
            "一批数字服务企业在本市集聚。\n")
    assert metrics(text) == ["全域感知网络建成", "城市运行数据应汇尽汇", "智慧应用水平全国领先",
                             "一批数字服务企业在本市集聚"]
    # items that qualify a noun after 的 are that noun's attributes: one goal
    text = "一、行动目标\n到2026年，形成网络支撑有力、应用场景全面拓展、产业深度融合的数字生态。\n"
    assert len(metrics(text)) == 1


def test_a_goal_about_where_data_comes_from_is_no_page_furniture():
    text = "一、发展目标\n到2026年，建成数据来源可确认、流通过程可追溯的数据流通体系，形成一批数据产品。\n"
    assert [g["text"] for g in goals(text)] == ["建成数据来源可确认、流通过程可追溯的数据流通体系", "形成一批数据产品"]
    text = "一、发展目标\n到2026年，形成一批数据产品，来源 宁安日报。\n"
    assert [g["text"] for g in goals(text)] == ["形成一批数据产品"]


@pytest.mark.parametrize("opening", ["经过三年努力，", "力争用三年时间，", "通过三年左右的努力，", "2027年前，"])
def test_the_years_of_the_effort_or_a_deadline_with_qian_date_the_goals_of_a_three_year_plan(opening):
    text = f"一、发展目标\n{opening}全省人工智能核心产业规模达到300亿元，培育标杆企业12家。\n"
    assert [(year, value) for year, _metric, value, *_ in summary(text)] == [(2027, 300), (2027, 12)]
    # an effort of other years than the plan's period dates nothing
    if "三年" in opening:
        assert summary(text.replace("三年", "五年")) == []


@pytest.mark.parametrize("aim", ["預計2028年前", "目標2028年", "盼2028年", "希望在2028年"])
def test_a_news_report_s_aim_for_a_year_without_dao_is_a_goal(aim):
    text = (f"資訊局記者會\n date 2025-06-12\n臺北市資訊局今（12）日公布「臺北市AI人才培育計畫」，"
            f"{aim}培育AI人才5000名，產值達新臺幣300億元。\n")
    assert [(y, m, v, u) for y, m, v, u, _c in summary(text)] == [(2028, "培育AI人才", 5000, "名"),
                                                                  (2028, "產值", 300, "亿元")]
    # the year of the report itself is an estimate of that year, no goal (预计2025年增长15%)
    assert summary(text.replace(aim, aim.replace("2028", "2025"))) == []


def test_a_causative_verb_before_a_goal_s_count_is_no_part_of_its_metric():
    text = "一、发展目标\n到2027年，使全省人工智能应用普及率达到80%。\n"
    assert summary(text) == [(2027, "全省人工智能应用普及率", 80, "%", ">=")]


def test_a_grant_s_cap_on_the_things_one_grantee_is_supported_for_is_no_goal():
    text = ("一、支持模型研发\n到2026年底前，对完成备案的大模型给予一次性奖励100万元，每家企业最多支持2个模型。\n")
    assert summary(text) == []
    # a count after the grant that is no cap is still a goal
    goal = text.replace("每家企业最多支持2个模型", "全省备案大模型达到20个")
    assert [(y, v, u) for y, _m, v, u, _c in summary(goal)] == [(2026, 20, "个")]


def test_a_grant_to_those_a_count_qualifies_is_no_goal():
    text = ("临江新政\n近日，临江市发改委印发《临江市低空经济发展若干措施》。措施提出，到2027年，"
            "对年营收首次突破1亿元的企业奖励100万元，全市低空经济规模达到300亿元。\n")
    assert [(y, v, u) for y, _m, v, u, _c in summary(text)] == [(2027, 300, "亿元")]


def test_a_year_opening_a_clause_whose_subject_is_going_to_reach_a_count_dates_it():
    text = ("临江出台人工智能方案\n2025-07-10 09:00 来源：临江日报\n"
            "近日，临江市人民政府办公室印发《临江市人工智能产业发展三年行动方案（2025—2027年）》。"
            "根据方案，2027年全市人工智能核心产业营收将突破500亿元。\n")
    assert [(y, v, u) for y, _m, v, u, _c in summary(text)] == [(2027, 500, "亿元")]
    # the page's own year is what the year will see, an estimate, no goal
    assert summary(text.replace("2027年全市", "2025年全市")) == []


def test_a_count_reached_as_the_named_goal_measures_what_comes_before_it():
    text = "一、发展目标\n到2027年，达成培育人工智能人才5万名的目标，实现人工智能企业500家的任务。\n"
    assert [(m, v) for _y, m, v, _u, _c in summary(text)] == [("培育人工智能人才", 5), ("人工智能企业", 500)]


def test_a_working_mechanism_named_by_its_field_is_a_goal_but_not_one_named_by_who_runs_it():
    text = ("宁安市公共数据开发利用方案\n一、工作目标\n到2026年底，建立公共数据授权运营工作机制，"
            "建成数据开放平台，数据开发利用取得初步成效。\n二、重点任务\n（一）夯实基础\n")
    assert metrics(text) == ["建立公共数据授权运营工作机制", "建成数据开放平台", "数据开发利用取得初步成效"]
    run = text.replace("建立公共数据授权运营工作机制", "建立由市数据局牵头的工作推进机制")
    assert metrics(run) == []


def test_a_year_dating_a_release_the_text_reports_is_no_goal_year():
    text = ("宁安市数据行动方案\n一、工作目标\n前两版方案分别于2019年及2021年发布，反响良好。"
            "到2026年，建成数据交易所。\n二、重点任务\n（一）夯实基础\n")
    assert metrics(text) == ["建成数据交易所"]
    # a release yet to come is a goal
    coming = text.replace("前两版方案分别于2019年及2021年发布，反响良好。", "将于2025年推出数据开放平台。")
    assert metrics(coming) == ["推出数据开放平台", "建成数据交易所"]


def test_the_effect_a_goal_sentence_says_its_goals_have_is_no_goal():
    text = ("宁安市新型基础设施规划\n一、发展目标\n到2025年，基本形成集约高效的新型基础设施体系，"
            "有力推动城市数字化转型。\n二、重点任务\n（一）建设网络\n")
    assert metrics(text) == ["基本形成集约高效的新型基础设施体系"]


def test_a_count_of_the_plans_tasks_heading_the_list_of_them_is_no_goal():
    page = ("宁安市数据基础设施行动方案(2024-2026年)\n"
            "根据《方案》，到2026年底，全市数据基础设施体系基本建成。\n"
            "20项主要任务其中包括建设高速泛在的网络设施、建设绿色集约的算力设施。\n")
    assert metrics(page) == ["全市数据基础设施体系基本建成"]


def test_a_bracket_spelling_out_a_latin_unit_counts_nothing():
    text = ("宁安市算力行动方案\n一、主要目标\n到2027年，智能算力规模达到15EFLOPS（每秒10的18次方次浮点运算），"
            "建成数据中心8个。\n二、重点任务\n（一）建设算力\n")
    assert [(metric, value) for _year, metric, value, _unit, _cmp in summary(text)] == [
        ("智能算力规模", 15), ("建成数据中心", 8)]


def test_a_count_without_digits_and_with_yu_is_more_than_it():
    text = ("宁安市机器人行动方案\n一、主要目标\n到2027年，突破百余项关键技术，建成百个应用场景。\n"
            "二、重点任务\n（一）建设\n")
    assert [(metric, value, unit, cmp) for _year, metric, value, unit, cmp in summary(text)] == [
        ("关键技术", 100, "项", ">"), ("应用场景", 100, "个", "=")]


def test_a_goal_paragraph_opening_with_its_year_and_no_comma_is_dated():
    from graph.model import Label
    from loaders.extract import extract
    from loaders.read import RawDocument

    def years(line: str) -> list[int]:
        page = ("宁安市数据工作实施方案(2023—2025年)\n一、总体要求\n（二）主要目标\n" + line +
                "\n二、重点任务\n（一）建设数据平台。支持建设数据中心。\n")
        return [n.properties["year"] for n in extract(RawDocument("doc.txt", page)).by_label(Label.TARGET)]

    assert years("2024年初步实现全市数据统筹建设、统筹运营。") == [2024]
    assert years("2024年基本建成全市一体化数据平台。") == [2024]
    assert years("2024年数据工作取得积极进展。") == []  # no stage reached: a bare year names no goal
