"""Plan metadata, issuers and the outline on short pages written for each rule.

Every page here is made up (places, bodies, numbers) in the layouts real pages
use: reposts, news reports, 解读 pages, drafts, notices with signatures. Each
rule is shown with what it must read and with what it must leave alone.
"""

from __future__ import annotations

import pytest

from graph.errors import SourceError
from graph.model import GraphData, Label, Rel
from loaders.document import prepare
from loaders.extract import extract
from loaders.layout import layout
from loaders.metadata import period_of, read_metadata
from loaders.outline import outline
from loaders.read import RawDocument
from tests.loaders.samples import to_traditional

BODY = """为加快人工智能产业发展，制定本方案。
一、重点任务
（一）建设算力平台。支持建设智能算力中心。
（二）培育骨干企业。支持企业做大做强。
"""


def build(text: str, name: str = "doc.txt") -> GraphData:
    return extract(RawDocument(name, text))


def plan(graph: GraphData) -> dict:
    return next(n for n in graph.by_label(Label.PLAN) if not n.properties.get("cited_only")).properties


def issuers(graph: GraphData) -> list[str]:
    return sorted(graph.nodes[r.end].properties["name"] for r in graph.relationships.values()
                  if r.type == Rel.ISSUED_BY)


def measures(graph: GraphData) -> list[tuple[str | None, str]]:
    """(number, title) of the plan's measures in document order (the order they are linked in)."""
    found = [graph.nodes[r.end].properties for r in graph.relationships.values() if r.type == Rel.HAS_MEASURE]
    return [(m.get("number"), m["title"]) for m in found]


def measure_titles(text: str) -> list[str]:
    """The titles of the measures read from ``text``, in document order."""
    return [title for _n, title in measures(build(text))]


# -- titles ---------------------------------------------------------------------------

def test_a_draft_is_named_without_its_status_line_or_suffix():
    page = ("宁安市推进人工智能产业发展行动方案（征求意见稿）\n\n"
            "宁安市推进人工智能产业发展行动方案\n（征求意见稿V1.3）\n" + BODY)
    got = plan(build(page))
    assert got["title"] == "宁安市推进人工智能产业发展行动方案"
    assert got["kind"] == "行动方案"


def test_a_trial_status_is_part_of_the_title():
    page = "宁安市人工智能产业发展专项资金管理办法（试行）\n" + BODY
    assert plan(build(page))["title"] == "宁安市人工智能产业发展专项资金管理办法（试行）"


def test_a_date_line_above_a_heading_is_not_glued_to_it():
    page = ("为加快发展，现征求意见。\n宁安市科学技术局\n2025年6月3日\n宁安市人工智能赋能制造业实施方案\n" + BODY)
    got = plan(build(page))
    assert got["title"] == "宁安市人工智能赋能制造业实施方案"
    assert got["date_issued"] == "2025-06-03"


def test_the_period_line_under_a_heading_belongs_to_the_title():
    page = ("宁安市人工智能赋能制造业三年行动方案\n2026/1/6 15:36:38 转载\n"
            "宁安市人工智能赋能制造业三年行动方案\n\n（2025—2027年）\n\n" + BODY)
    got = plan(build(page))
    assert got["title"] == "宁安市人工智能赋能制造业三年行动方案（2025—2027年）"
    assert (got["period_start"], got["period_end"]) == (2025, 2027)


def test_an_annex_label_is_not_part_of_the_title():
    page = "附件1\n宁安市数字经济发展2024年工作要点\n" + BODY
    assert plan(build(page))["title"] == "宁安市数字经济发展2024年工作要点"
    page = "附件1 宁安市数字经济发展2024年工作要点\n" + BODY
    assert plan(build(page))["title"] == "宁安市数字经济发展2024年工作要点"


def test_a_page_about_a_plan_is_not_taken_for_a_plan_it_cites():
    page = ("一、起草背景\n省政府印发《临江省推动人工智能发展行动计划（2024-2026年）》（临政办〔2024〕8号）。"
            "为落实部署，制定了《宁安市场景驱动人工智能发展行动方案（2025—2027年）》（以下简称《行动方案》）。\n"
            "二、主要内容\n《行动方案》提出了总体目标。《行动方案》明确了重点任务。\n")
    graph = build(page)
    got = plan(graph)
    assert got["title"] == "宁安市场景驱动人工智能发展行动方案（2025—2027年）"
    assert got.get("doc_number") is None
    cited = {graph.nodes[r.end].properties["title"]: graph.nodes[r.end].properties.get("doc_number")
             for r in graph.relationships.values() if r.type == Rel.CITES}
    assert cited == {"临江省推动人工智能发展行动计划（2024-2026年）": "临政办〔2024〕8号"}


def test_a_title_spaced_out_character_by_character():
    page = "宁 安 市 人 工 智 能 产 业 发 展 行 动 方 案\n（2024—2026年）\n" + BODY
    got = plan(build(page))
    assert got["title"] == "宁安市人工智能产业发展行动方案（2024—2026年）"
    assert (got["kind"], got["period_end"]) == ("行动方案", 2026)
    # a blank between two words of a title is not spacing out
    page = "宁安开发区 黄埔区支持人工智能产业高质量发展若干政策措施\n" + BODY
    assert plan(build(page))["title"] == "宁安开发区 黄埔区支持人工智能产业高质量发展若干政策措施"


def test_a_news_sites_place_tag_is_not_part_of_the_title():
    page = "当前位置:主页 > 新闻中心 >\n宁安：关于加快推进人工智能产业创新发展的实施意见\n各区县人民政府：\n" + BODY
    assert plan(build(page))["title"] == "关于加快推进人工智能产业创新发展的实施意见"
    # a title that only starts with a place keeps it
    page = "宁安市人工智能产业创新发展实施意见\n" + BODY
    assert plan(build(page))["title"] == "宁安市人工智能产业创新发展实施意见"


def test_a_title_line_that_carries_its_number():
    page = "本站检索\n宁安市人民政府关于促进人工智能发展的实施意见 宁政发〔2021〕5号\n各县区人民政府：\n" + BODY
    got = plan(build(page))
    assert (got["title"], got["doc_number"]) == ("宁安市人民政府关于促进人工智能发展的实施意见", "宁政发〔2021〕5号")


def test_a_notice_title_cut_to_its_end_names_the_plan():
    page = "宁安市“互联网+”2016—2018年三年行动计划的通知\n\n" + BODY
    got = plan(build(page))
    assert got["title"] == "宁安市“互联网+”2016—2018年三年行动计划"
    assert (got["kind"], got["period_start"], got["period_end"]) == ("行动计划", 2016, 2018)


def test_a_yearly_work_list_is_a_kind_with_its_year_as_period():
    page = "市科技局关于印发人工智能产业发展2021年重点工作的通知\n各区科技部门：\n现印发给你们。\n" + BODY
    got = plan(build(page))
    assert got["title"] == "人工智能产业发展2021年重点工作"
    assert (got["kind"], got["period_start"], got["period_end"]) == ("重点工作", 2021, 2021)


def test_a_page_without_a_title_is_not_named_by_a_section_heading_or_a_list():
    page = ("为加快构建我市人工智能产业生态体系，制定以下措施。\n一、丰富算力产品供给\n"
            "1.发放“算力券”。对租用智能算力的企业给予支持。\n牵头单位:市发改委;责任单位:市工信局\n")
    assert plan(build(page, "zz_measures.txt"))["title"] == "zz_measures.txt"


def test_the_period_a_title_gives():
    assert period_of("宁安市2025年人工智能产业发展行动方案") == (2025, 2025)
    assert period_of("宁安市人工智能产业发展行动方案(2024-2026年)") == (2024, 2026)
    assert period_of("宁安市“互联网+”2015—2017年三年行动计划") == (2015, 2017)
    # a horizon is not the period
    assert period_of("面向2030年的宁安市人工智能发展规划") is None
    assert period_of("宁安市国民经济和社会发展第十四个五年规划和2035年远景目标纲要") is None
    assert period_of("宁安市推进人工智能产业发展行动方案") is None


def test_a_title_broken_over_three_lines_is_one_title():
    page = ("宁安市加快推动“人工智能+”应用\n高水平建设“人工智能+”创新发展试验区\n行动方案\n" + BODY)
    assert plan(build(page))["title"] == "宁安市加快推动“人工智能+”应用高水平建设“人工智能+”创新发展试验区行动方案"


def test_lines_above_a_heading_are_not_joined_to_it():
    # a bracketed note, a signer's name over a title that names its place, a byline
    for above in ("(此件公开发布)", "宁安市人民政府办公室", "2026/1/6 15:36:38 转载", "宁政办发〔2025〕22"):
        page = f"{above}\n宁安市具身智能机器人产业发展行动计划(2025-2027年)\n" + BODY
        assert plan(build(page))["title"] == "宁安市具身智能机器人产业发展行动计划(2025-2027年)", above
    # but an issuer's name over 关于…的意见 begins the title
    page = "宁安市人民政府\n关于促进绿色算力产业高质量发展的若干意见\n宁政发〔2025〕11号\n" + BODY
    assert plan(build(page))["title"] == "宁安市人民政府关于促进绿色算力产业高质量发展的若干意见"


def test_a_plan_only_mentioned_with_a_short_name_does_not_outvote_the_heading():
    page = ("宁安市人工智能产业发展行动方案\n为加快发展，制定本方案。\n"
            "《宁安市数字经济发展规划》（以下简称《规划》）提出了目标。《规划》明确了路径。《规划》部署了工程。\n"
            "一、重点任务\n（一）建设算力平台。支持建设智能算力中心。\n")
    assert plan(build(page))["title"] == "宁安市人工智能产业发展行动方案"


def test_a_traditional_repost_writing_ji_hua_as_ji_hua_has_its_kind():
    page = ("寧安市人工智慧產業發展行動計畫（2025—2027年）\n為加快發展，制定本計畫。\n"
            "一、重點任務\n（一）建設算力平臺。支持建設智慧算力中心。\n")
    got = plan(build(page))
    assert got["title"] == "寧安市人工智慧產業發展行動計畫（2025—2027年）"
    assert got["kind"] == "行动计划"


def test_the_kind_is_the_genre_word_a_reader_names_the_document_by():
    from loaders.metadata import kind_of

    assert kind_of("宁安市新一代人工智能发展规划") == "规划"  # 发展 belongs to what is planned
    assert kind_of("宁安市数据中心产业发展规划(2021—2025年)") == "规划"
    assert kind_of("宁安市数字经济2022年工作计划") == "工作计划"
    assert kind_of("智慧宁安总体方案(2020-2025年)") == "总体方案"
    assert kind_of("宁安市国民经济和社会发展第十五个五年规划纲要") == "规划纲要"
    assert kind_of("宁安区促进人工智能产业发展若干措施操作指引") == "操作指引"
    assert kind_of("宁安市算力枢纽建设的若干激励政策") == "若干激励政策"
    assert kind_of("宁安市人工智能产业发展实施方案") == "实施方案"
    assert kind_of("宁安市人工智能产业发展座谈会") is None
    assert kind_of("宁安区算力产业集聚区建设发展支持办法") == "支持办法"
    assert kind_of("宁安市城市数据大脑建设指引") == "建设指引"


def test_statuses_after_the_kind_are_set_aside_one_after_the_other():
    from loaders.metadata import kind_of

    assert kind_of("宁安市机器人产业若干政策措施(试行)(征求意见稿 )") == "若干政策措施"
    assert kind_of("宁安区建设人工智能创新高地实施方案(2025年版)") == "实施方案"
    assert kind_of("“十四五”时期宁安区科技和信息化规划(含大数据专项)") == "规划"
    assert kind_of("宁安区人工智能实施方案(第二阶段)") is None  # not a status: what the title says


def test_every_title_status_holds_a_mark_the_title_is_tested_for_first():
    """A title holding no mark of ``title_status_marks`` is not scanned for a status: each status
    pattern must hold one (and a version written on without brackets is still set aside)."""
    from loaders.lexicon import words
    from loaders.metadata import kind_of

    plan = words()["plan"]
    assert all(any(mark in status for mark in plan["title_status_marks"]) for status in plan["title_status"])
    assert kind_of("宁安市人工智能若干政策3.0版") == "若干政策"
    assert kind_of("宁安市人工智能促进条例草案") == "条例"


def test_a_notice_that_is_itself_the_policy_is_titled_without_de_tongzhi():
    page = ("宁安省人民政府关于支持人工智能产业创新发展若干政策的通知\n各市、县人民政府：\n"
            "为深入贯彻落实《国务院关于印发新一代人工智能发展规划的通知》（国发〔2017〕35号），"
            "现制定以下政策措施。\n" + BODY)
    got = plan(build(page))
    assert got["title"] == "宁安省人民政府关于支持人工智能产业创新发展若干政策"
    assert got["kind"] == "若干政策"
    page = "宁安市人民政府关于开展人工智能产业发展工作的通知\n各区县：\n" + BODY
    assert read_metadata(layout(prepare(RawDocument("doc.txt", page)))).title is None


def test_a_notice_quoted_in_a_preamble_is_cited_not_the_title():
    page = ("附件1：宁安市关于加快推进人工智能产业发展的若干政策（送审稿）\n"
            "为贯彻落实《国务院关于印发新一代人工智能发展规划的通知》、《宁安省新一代人工智能产业发展规划》等文件精神，"
            "制定本政策。\n" + BODY)
    assert plan(build(page))["title"] == "宁安市关于加快推进人工智能产业发展的若干政策"


def test_an_annex_list_number_is_no_part_of_the_title():
    page = ("附件：\n1. 宁安市关于加快推进人工智能产业发展的若干政策(征求意见稿)\n"
            "2. 宁安市关于加快人工智能产业发展的实施意见(征求意见稿)\n"
            "附件1:宁安市关于加快推进人工智能产业发展的若干政策(送审稿)\n" + BODY)
    assert plan(build(page))["title"] == "宁安市关于加快推进人工智能产业发展的若干政策"


def test_a_quoted_title_the_report_goes_on_to_call_by_its_short_name_beats_its_headline():
    page = ("宁安出台新一代人工智能高质量发展行动计划\n"
            "6月27日，《宁安市新一代人工智能高质量发展行动计划(2024-2026年)》(以下简称《行动计划》)印发。\n"
            "《行动计划》提出，到2026年产业能级持续提升。\n《行动计划》提出四大重点任务。\n" + BODY)
    assert plan(build(page))["title"] == "宁安市新一代人工智能高质量发展行动计划(2024-2026年)"


def test_a_headline_that_is_the_quoted_title_beats_a_section_heading():
    page = ("2020《宁安省培育建设“未来工厂”试行方案》全文一览(2)\n3\n建设路径及措施\n"
            "(一)制定建设要求。结合我省实际，制定建设要素。\n(二)遴选入库工厂。每年遴选一批工厂。\n")
    assert plan(build(page))["title"] == "宁安省培育建设“未来工厂”试行方案"


def test_a_quoted_title_broken_over_two_lines():
    page = ("“算力券”来了！全国首个算力产业专项政策印发\n近日\n宁安出台《宁安市围绕超算智算\n"
            "加快算力产业发展的政策措施》\n(下称《算力政策措施》)\n根据《算力政策措施》，每年发放算力券。\n" + BODY)
    assert plan(build(page))["title"] == "宁安市围绕超算智算加快算力产业发展的政策措施"


def test_the_title_with_its_issuer_is_preferred_to_its_quoted_form_without():
    page = ("宁安《关于推动新一代人工智能加快发展的实施意见》(附全文)\n来源:中商产业研究院 发布日期:2018-04-03 10:09\n"
            "宁安省人民政府关于推动新一代人工智能加快发展的实施意见\n宁政〔2018〕5号\n各市、县(区)人民政府：\n" + BODY)
    got = plan(build(page))
    assert got["title"] == "宁安省人民政府关于推动新一代人工智能加快发展的实施意见"
    assert got["doc_number"] == "宁政〔2018〕5号"


def test_the_document_a_reading_says_was_drafted_is_its_plan():
    page = ("关于加快推进算力产业创新发展的措施政策解读\n一、起草背景\n"
            "近期，工信部等部门相继出台了《算力基础设施高质量发展行动计划》等文件。为加快我市算力建设，"
            "市工信局牵头起草了《关于加快推进算力产业创新发展的措施》（以下简称“《措施》”）。\n"
            "二、主要内容\n《措施》包括总体要求、支持措施两个部分。《措施》明确了目标。\n")
    got = plan(build(page))
    assert (got["title"], got["kind"]) == ("关于加快推进算力产业创新发展的措施", "措施")


def test_a_title_without_quotes_ends_at_the_short_name_it_is_given():
    page = ("近日，宁安省人民政府印发关于加快推进数字经济发展的指导意见(以下简称《意见》)，明确提出加快发展。\n"
            "加快推进大数据产业集聚区建设，打造大数据产业基地。\n")
    assert plan(build(page))["title"] == "关于加快推进数字经济发展的指导意见"
    assert written_issuers(page) == ["宁安省人民政府"]
    page = ("日前，宁安省数字经济发展领导小组办公室制订了全省推进数字经济发展2020年工作要点(以下简称“工作要点”)。\n"
            "主要目标\n建成5G基站5万个。\n")
    got = plan(build(page))
    assert (got["title"], got["period_start"]) == ("全省推进数字经济发展2020年工作要点", 2020)
    assert written_issuers(page) == ["宁安省数字经济发展领导小组办公室"]


def test_what_a_web_page_adds_to_its_title_line_is_dropped():
    for line in ("宁安市数字乡村发展五年规划(2019-2023年)_建设",
                 "宁安市数字乡村发展五年规划(2019-2023年) 宁安市数字乡村发展五年规划(2019-2023年) |",
                 "产业政策丨宁安市数字乡村发展五年规划(2019-2023年)"):
        assert plan(build(line + "\n" + BODY))["title"] == "宁安市数字乡村发展五年规划(2019-2023年)", line
    page = "数字乡村_建设\n原标题:宁安市数字乡村发展五年规划(2019-2023年)\n" + BODY
    assert plan(build(page))["title"] == "宁安市数字乡村发展五年规划(2019-2023年)"



def test_a_page_that_keeps_calling_a_plan_by_its_genre_is_about_the_one_it_names_in_full():
    page = ("宁安新闻网3月5日 记者获悉，为推进落实《宁安省数字乡村建设三年行动计划(2024-2026年)》，"
            "全省推进会在临江召开。会议对《行动计划》宣贯解读。\n"
            "落实《行动计划》，要重点做好组织实施。《行动计划》的发布意义重大。\n")
    got = plan(build(page))
    assert (got["title"], got["period_start"]) == ("宁安省数字乡村建设三年行动计划(2024-2026年)", 2024)
    page = page.replace("《行动计划》", "该计划")  # named once, as a document to carry out: no title
    with pytest.raises(SourceError):
        build(page)

def test_a_notice_that_issues_several_documents_is_about_the_first():
    page = ("宁安市人民政府办公厅关于印发宁安市智能科技产业发展总体行动计划和五大专项行动计划的通知\n"
            "各区人民政府：\n现将《宁安市智能科技产业发展总体行动计划》和《宁安市智能制造专项行动计划》等印发给你们。\n")
    assert plan(build(page))["title"] == "宁安市智能科技产业发展总体行动计划"
    page = "宁安市人民政府关于印发宁安市促进人工智能和实体经济深度融合行动计划的通知\n" + BODY
    assert plan(build(page))["title"] == "宁安市促进人工智能和实体经济深度融合行动计划"  # one title with 和

def test_a_report_sentence_that_opens_with_the_plans_title_names_it():
    page = ("最高3亿资金支持，宁安重磅支持智能制造\n"
            "宁安市编制了《宁安市智能制造先导区建设方案》，并获批复同意。\n"
            "宁安市智能制造先导区建设若干政策日前出炉。对重大项目最高可给予3亿元资金支持。\n")
    got = plan(build(page))
    assert (got["title"], got["kind"]) == ("宁安市智能制造先导区建设若干政策", "若干政策")

def test_a_plan_named_in_corner_brackets_as_taiwan_and_hong_kong_write_it():
    page = ("宜蘭縣推動智慧農業 明年擴大試辦\n"
            "行政院3月宣布「智慧農業數位轉型推動方案」，宜蘭縣政府配合成立「農業科技小組」，"
            "依「智慧農業數位轉型推動方案」推動各項工作。\n")
    got = plan(build(page))
    assert (got["title"], got["kind"]) == ("智慧農業數位轉型推動方案", "推动方案")  # quoted as printed
    assert written_issuers(page) == ["行政院"]  # 宣布 issues it; the month is not part of the name
    page = "宜蘭縣政府配合成立「農業科技小組」，並舉辦「智慧農業論壇」，邀請產學研專家與會交流。\n"
    with pytest.raises(SourceError):  # a name in corner brackets that is no document names no plan
        build(page)


def test_a_news_headline_that_names_the_plan_in_one_of_its_phrases():
    page = ("農業部三年期智慧農業發展計畫 編列12億經費 明年啟動\n"
            "農業部今日表示，已著手規劃三年期智慧農業發展計畫，目前報請行政院審定。\n")
    assert plan(build(page))["title"] == "三年期智慧農業發展計畫"  # the body opening the phrase is cut
    got = plan(build(page.replace("目前報請", "規劃2026年啟動，目前報請")))
    assert (got["period_start"], got["period_end"]) == (2026, 2028)  # its term and the year it starts
    assert issuers(build(page)) == ["农业部"]  # the headline's subject, right before the title
    page = "宁安市数字乡村发展规划 编制完成 近期报批\n近日，宁安市数字乡村发展规划编制完成。\n" + BODY
    assert issuers(build(page)) == []
    page = "宁安市数字乡村发展规划 编制完成 近期报批\n近日，宁安市数字乡村发展规划编制完成。\n" + BODY
    assert plan(build(page))["title"] == "宁安市数字乡村发展规划"  # a place opening it is part of the name


def test_a_document_a_task_is_to_draft_is_not_the_plan():
    page = ("宁安区数据局下半年工作安排\n"
            "1.推动数字宁安再进阶。系统谋划数字宁安发展规划，制定印发《数字宁安三年行动计划》，明确目标任务。\n"
            "2.推动数字经济再跨越。加快培育数据企业。\n")
    assert read_metadata(layout(prepare(RawDocument("doc.txt", page)))).title is None
    page = "近日，宁安区制定印发《数字宁安三年行动计划》，明确目标任务。\n" + BODY
    assert plan(build(page))["title"] == "数字宁安三年行动计划"  # a report's own statement names it

def test_a_report_delivered_names_its_title_after_the_verb():
    page = "行政长官今日于立法会发表2024年施政报告，提出成立人工智能研究院。\n"
    got = plan(build(page))
    assert (got["title"], got["kind"], got["period_start"]) == ("2024年施政报告", "施政报告", 2024)


def test_a_page_without_its_title_still_gives_the_genre_it_calls_itself():
    tasks = BODY.split("\n", 1)[1]  # the sections without the preamble's own 制定本方案
    page = "各县区人民政府，市直有关部门：\n为加快数字经济发展，结合本市实际，特制定本实施意见。\n" + tasks
    got = plan(build(page))
    assert got["kind"] == "实施意见" and got["title"] != "实施意见"  # the genre, not a title
    page = "《措施》提出，对新开设的无人机航线给予补贴。\n该《措施》自印发之日起实施。\n" + tasks
    assert plan(build(page))["kind"] == "措施"  # the bare genre a report keeps calling it by
    page = "为加快数字经济发展，结合本市实际，作出部署。\n《意见》提出加强统筹。\n" + tasks
    assert plan(build(page)).get("kind") is None  # a short name used once is no name of the page
    page = "宁安市推进算力建设若干措施\n为加快算力建设，特制定本实施方案。\n" + tasks
    assert plan(build(page))["kind"] == "若干措施"  # a title's genre stands
    continued = ("低空经济示范区怎么建宁安出台实施方案明确四大任务\n\n2024年03月02日 宁安日报\n\n"
                 "(上接一版)以打造低空物流网络为目标,依托物流龙头企业,开通无人机配送航线,逐步实现常态化运营。\n\n"
                 "培育低空制造产业\n\n完善产业配套体系。引进培育动力电池、飞控系统等配套企业,形成本地配套能力。\n")
    assert plan(build(continued))["kind"] == "实施方案"  # the genre its headline says was issued
    assert plan(build(continued.replace("出台实施方案", "出台新举措"))).get("kind") is None

# -- dates --------------------------------------------------------------------------------

def test_an_official_byline_dates_the_publication_but_a_newspaper_byline_does_not():
    page = "宁安市人工智能产业发展行动方案\n发布时间: 2024-12-19 17:35 信息来源:规划处\n" + BODY
    assert plan(build(page))["date_published"] == "2024-12-19"
    page = "宁安市人工智能产业发展行动方案\n发布时间: 2024-12-19 17:35 来源:宁安日报\n" + BODY
    assert plan(build(page)).get("date_published") is None
    page = "宁安市人工智能产业发展行动方案\n发布时间:2024-12-19 17:21  浏览量:2\n" + BODY
    assert plan(build(page)).get("date_published") is None
    page = "宁安市人工智能产业发展行动方案\n来源:-- 发布时间: 2024-12-19 17:57 字体:[]\n" + BODY
    assert plan(build(page))["date_published"] == "2024-12-19"  # the source a government CMS leaves empty


def test_a_byline_printed_one_field_a_line_dates_the_publication_by_its_source_field():
    page = "宁安市人工智能产业发展行动方案\n- 信息来源:市经信局\n- 发布日期:2024-12-19 17:35\n" + BODY
    assert plan(build(page))["date_published"] == "2024-12-19"
    page = "宁安市人工智能产业发展行动方案\n- 信息来源:宁安日报\n- 发布日期:2024-12-19 17:35\n" + BODY
    assert plan(build(page)).get("date_published") is None  # a newspaper's field dates the copy
    page = ("宁安市人工智能产业发展行动方案\n- 信息来源:市经信局\n- 浏览次数:12\n- 编号:3\n"
            "- 发布日期:2024-12-19 17:35\n" + BODY)
    assert plan(build(page)).get("date_published") is None  # a source further off is not this date's


def test_a_governments_own_portal_as_the_source_dates_the_publication_but_another_site_does_not():
    page = "宁安市人工智能产业发展行动方案\n信息来源:宁安政府网 日期:2024-12-19 字号:大\n" + BODY
    assert plan(build(page))["date_published"] == "2024-12-19"
    page = "宁安市人工智能产业发展行动方案\n信息来源:宁安市人民政府门户网站 日期:2024-12-19\n" + BODY
    assert plan(build(page))["date_published"] == "2024-12-19"
    page = "宁安市人工智能产业发展行动方案\n信息来源:宁安产业网 日期:2024-12-19\n" + BODY
    assert plan(build(page)).get("date_published") is None


def test_the_byline_of_an_interpretation_dates_the_interpretation_only():
    page = ("《宁安市人工智能产业发展行动方案》政策解读\n发布时间：2025-06-20 16:05　来源：市经信局\n"
            "近日，市政府办公室印发《宁安市人工智能产业发展行动方案》。\n")
    assert plan(build(page)).get("date_published") is None


def test_a_report_dates_the_issue_with_the_year_of_the_page():
    page = ("临江人工智能产业定目标\n临江新闻    2025-12-14 17:35:16\n"
            "12月11日，临江省工业和信息化厅印发《临江省人工智能产业高质量发展行动计划（2025-2027年）》，"
            "明确提出到2027年核心产业规模突破2000亿元。\n")
    assert plan(build(page))["date_issued"] == "2025-12-11"
    page = ("临江人工智能产业定目标\n来源:临江商报 2026-01-16 18:38:18\n"
            "1月16日，记者从省政府新闻发布会上获悉，《临江省“人工智能+”应用行动方案》（下称《行动方案》）"
            "已于1月13日以省政府办公厅名义正式印发。\n")
    got = plan(build(page))
    assert got["date_issued"] == "2026-01-13"
    assert got.get("date_published") is None  # 新闻发布会 is not the plan's publication


def test_a_reporters_day_is_not_the_plans():
    page = ("临江出台人工智能行动方案\n2025-06-11 08:35　来源：临江日报\n"
            "6月10日，记者从省工业和信息化厅获悉，省政府办公厅近日印发《临江省人工智能产业行动方案（2025—2027年）》。\n")
    assert plan(build(page)).get("date_issued") is None
    page = ("投资界6月11日消息，临江省印发《临江省促进人工智能创新发展实施方案》。\n"
            "2025-06-11 17:21\n")
    assert plan(build(page)).get("date_issued") is None


def test_a_day_without_any_year_to_anchor_it_is_left_out():
    page = ("3月10日，宁安市人民政府新闻办召开发布会，会上《宁安市2025年人工智能产业发展行动方案》"
            "（以下简称《行动方案》）正式发布。\n" + BODY)
    got = plan(build(page))
    assert got.get("date_published") is None and got.get("date_issued") is None


def test_a_signature_date_in_chinese_numerals():
    page = ("关于印发宁安市人工智能产业发展行动方案的通知\n各区县：\n现印发给你们。\n宁安市人民政府\n"
            "二〇二四年十二月六日\n宁安市人工智能产业发展行动方案\n" + BODY)
    assert plan(build(page))["date_issued"] == "2024-12-06"


def test_the_signature_date_of_a_reading_dates_the_reading_not_the_plan():
    reading = ("《宁安市算力券实施细则》政策解读\n一、起草背景\n为降低企业用算成本，市数据局起草了《实施细则》。\n"
               "二、主要内容\n《实施细则》共12条。\n宁安市数据局\n2025年4月2日\n")
    assert plan(build(reading)).get("date_issued") is None
    notice = ("宁安市数据局关于印发《宁安市算力券实施细则》的通知\n各区县：\n现印发给你们。\n宁安市数据局\n"
              "2025年4月2日\n宁安市算力券实施细则\n" + BODY)
    assert plan(build(notice))["date_issued"] == "2025-04-02"


def test_a_headline_reporting_the_plan_is_not_its_title_the_quoted_form_the_report_issues_is():
    page = ("我市出台数据产业发展行动方案\n\n"
            "记者从市数据局获悉，《宁安市数据产业发展行动方案（2025—2027年）》近日正式印发。"
            "《行动方案》提出，到2027年，全市数据产业规模达到200亿元。\n")
    got = plan(build(page))
    assert (got["title"], got["period_end"]) == ("宁安市数据产业发展行动方案（2025—2027年）", 2027)
    # a heading that is the title itself stays the title
    titled = page.replace("我市出台数据产业发展行动方案", "宁安市数据产业发展行动方案")
    assert plan(build(titled))["title"].startswith("宁安市数据产业发展行动方案")
    # with no quoted form, what the headline reports names the plan, its verb left out
    unquoted = ("宁安市出台人工智能产业发展若干措施\n\n近日，宁安市出台人工智能产业发展若干措施，提出10条具体举措。"
                "一是支持算力建设，对智算中心给予补助。二是支持模型研发，给予奖励。\n")
    got = plan(build(unquoted))
    assert (got["title"], got["kind"]) == ("人工智能产业发展若干措施", "若干措施")


def test_an_interviews_byline_dates_and_credits_the_interview_not_the_plan():
    page = ("市数据局有关负责人就《宁安市公共数据开放实施方案》答记者问\n"
            "发布时间：2025-04-12 09:30 来源：宁安市数据局\n"
            "问：《实施方案》出台的背景是什么？\n答：为推进公共数据开放，我局牵头起草了《实施方案》。\n"
            "问：主要目标是什么？\n答：到2027年，开放公共数据集500个。\n")
    graph = build(page)
    assert plan(graph).get("date_published") is None
    assert issuers(graph) == []
    # the same byline on the plan's own page dates and credits it
    own = page.replace("市数据局有关负责人就《宁安市公共数据开放实施方案》答记者问", "宁安市公共数据开放实施方案")
    graph = build(own)
    assert plan(graph).get("date_published") == "2025-04-12"
    assert issuers(graph) == ["宁安市数据局"]


def test_a_signer_and_its_date_on_one_line_and_a_number_line_with_its_signer():
    page = ("宁安市人民政府办公室文件\n宁政办发〔2025〕3号　　签发人：张明\n"
            "宁安市人民政府办公室关于印发宁安市人工智能产业发展行动方案的通知\n各区县：\n现印发给你们。\n"
            "宁安市人民政府办公室　　2025年3月8日\n宁安市人工智能产业发展行动方案\n" + BODY)
    got = plan(build(page))
    assert (got["doc_number"], got["date_issued"]) == ("宁政办发〔2025〕3号", "2025-03-08")
    assert written_issuers(page) == ["宁安市人民政府办公室"]
    # a sentence that ends in a date is not a signature
    page = ("宁安市人工智能产业发展行动方案\n征求意见时间为 2025年3月8日\n" + BODY)
    assert plan(build(page)).get("date_issued") is None
    # a character of the seal left before the date under the signer
    page = ("宁安市人民政府办公室\n关于印发宁安市人工智能产业发展行动方案的通知\n各区县：\n现印发给你们。\n"
            "宁安市人民政府办公室\n宁 2025年3月8日\n宁安市人工智能产业发展行动方案\n" + BODY)
    assert plan(build(page))["date_issued"] == "2025-03-08"
    page = page.replace("宁安市人民政府办公室\n宁 2025", "现印发给你们。\n宁 2025")
    assert plan(build(page)).get("date_issued") is None  # not under a signer


def test_header_fields_of_an_open_government_table():
    page = ("索引号:430S00/2025-170750 文号:宁政发〔2025〕7号 统一登记号:HNPR—2025—00007\n"
            "签署日期:2025-10-27 登记日期:2025-10-28 所属机构:宁安市人民政府\n"
            "公开责任部门:宁安市人民政府办公室\n"
            "宁安市人工智能产业发展实施方案\n" + BODY)
    got = plan(build(page))
    assert (got["doc_number"], got["date_issued"]) == ("宁政发〔2025〕7号", "2025-10-27")
    assert issuers(build(page)) == []  # the office that publishes the page is not the issuer


def test_a_header_laid_out_as_a_table_without_colons():
    page = ("| 索引号 | 000014349/2025-00012 | 主题分类 | 科技、教育 |\n"
            "| 发文机关 | 宁安市人民政府办公厅 | 成文日期 | 2025年03月08日 |\n"
            "| 标题 | 宁安市人民政府办公厅关于印发宁安市人工智能产业发展行动方案的通知 |\n"
            "| 发文字号 | 宁政办发〔2025〕3号 | 发布日期 | 2025年03月12日 |\n"
            "宁安市人工智能产业发展行动方案\n" + BODY)
    got = plan(build(page))
    assert (got["doc_number"], got["date_issued"], got["date_published"]) == (
        "宁政办发〔2025〕3号", "2025-03-08", "2025-03-12")
    assert written_issuers(page) == ["宁安市人民政府办公厅"]


def test_a_date_in_brackets_under_the_title_dates_the_text():
    page = "宁安市推进“互联网+”行动实施意见\n（征求意见稿）\n（2015年9月15日）\n" + BODY
    got = plan(build(page))
    assert got["title"] == "宁安市推进“互联网+”行动实施意见"
    assert got["date_issued"] == "2015-09-15"


# -- issuers (the written form picked; canonical names are the agencies module's) --------------

def written_issuers(text: str) -> list[str]:
    """The issuer names as the page writes them, in the order read."""
    return [name for name, _evidence in read_metadata(layout(prepare(RawDocument("doc.txt", text)))).issuers]


def test_an_opinion_titled_by_its_issuer_names_it():
    page = "宁安市人民政府关于促进绿色算力产业高质量发展的若干意见\n宁政发〔2025〕11号\n各县区人民政府：\n" + BODY
    assert written_issuers(page) == ["宁安市人民政府"]
    # a place is no body: 宁安市关于…的若干措施 names no issuer by its title
    assert written_issuers("宁安市关于推动人工智能产业发展的若干措施\n" + BODY) == []


def test_a_plan_titled_by_its_governments_name_run_on_into_its_subject_names_it():
    assert written_issuers("宁安市政府公共数据开放作业指引\n" + BODY) == ["宁安市政府"]
    # a government's field of work (数字政府) or its office's report is no issuer's name
    assert written_issuers("宁安市数字政府建设实施方案\n" + BODY) == []


def test_a_guideline_is_a_kind_of_plan_and_one_a_report_says_is_in_force_is_its_title():
    page = ("江北市长在论坛上宣布，「江北市政府生成式人工智能作业指引」正式生效，并介绍推出的「智慧城市5箭政策」。\n"
            "市长表示，「江北市政府生成式人工智能作业指引」正式生效后，各局处将据此导入AI应用。\n")
    found = plan(build(page))
    assert (found["title"], found["kind"]) == ("江北市政府生成式人工智能作业指引", "作业指引")
    found = plan(build("本报讯 国家数据局近日印发《公共数据授权运营指引》，为各地开展授权运营提供参照。\n"))
    assert (found["title"], found["kind"]) == ("公共数据授权运营指引", "指引")


def test_the_body_a_report_writes_right_before_the_plans_quoted_title_owns_it():
    page = ("委員會今日召開會議，聽取交通部「南部智慧物流推動方案」進度報告。\n"
            "「南部智慧物流推動方案」規劃「物流園區智慧化」、「冷鏈數位轉型」等兩大策略。\n")
    assert written_issuers(page) == ["交通部"]
    # a known body named over several words keeps its whole name, not its bare ending (办公室)
    page = "行政院會聽取科技會報辦公室「臺灣智慧物流行動計畫」報告後表示，將加速推動。\n"
    assert written_issuers(page) == ["科技会报办公室"]
    # two bodies written so name none of them
    page = ("會議聽取交通部「南部智慧物流推動方案」報告。\n"
            "另聽取經濟部「南部智慧物流推動方案」配套說明。\n")
    assert written_issuers(page) == []


def test_a_yearly_plan_titled_by_its_body_and_year_names_it():
    page = "宁安市大数据发展管理局2026年工作要点\n" + BODY
    assert written_issuers(page) == ["宁安市大数据发展管理局"]
    # a place or a programme before the year is no body
    assert written_issuers("宁安市2026年数字经济工作要点\n" + BODY) == []
    assert written_issuers("数字宁安建设2026年工作要点\n" + BODY) == []


def test_a_signature_block_with_a_wrapped_name_and_party_departments():
    page = ("关于印发宁安市人工智能产业发展行动计划的通知\n各区县：\n"
            "现将《宁安市人工智能产业发展行动计划》印发给你们。\n"
            "宁安市经济和信息化委员会 中共宁安市委网络安全和信息化\n委员会办公室\n中共宁安市委组织部\n"
            "2023年7月24日\n宁安市人工智能产业发展行动计划\n" + BODY)
    assert written_issuers(page) == ["宁安市经济和信息化委员会", "中共宁安市委网络安全和信息化委员会办公室",
                                     "中共宁安市委组织部"]


def test_a_seal_placeholder_over_the_signature_is_not_part_of_a_name():
    page = ("市政府办公室关于印发宁安市人工智能产业行动方案的通知\n各区县：\n"
            "《宁安市人工智能产业行动方案》已经市政府同意，现印发给你们。\n"
            "[宁安市人民政府办公室公章位置]\n宁安市人民政府办公室\n2024年9月17日\n宁安市人工智能产业行动方案\n" + BODY)
    assert written_issuers(page)[-1] == "宁安市人民政府办公室"
    assert not any("公章" in name for name in written_issuers(page))


def test_a_notice_title_whose_issuer_is_on_the_line_above():
    page = ("宁安市人民政府办公室\n关于印发宁安市人工智能产业发展行动方案的通知\n各县区人民政府：\n现印发给你们。\n"
            "宁安市人工智能产业发展行动方案\n" + BODY)
    assert written_issuers(page) == ["宁安市人民政府办公室"]


def test_a_red_head_banner_names_the_issuer_when_nothing_else_does():
    page = "宁 安 市 人 民 政 府 办 公 室 文 件\n宁政办发〔2024〕5号\n宁安市人工智能产业发展行动方案\n" + BODY
    assert written_issuers(page) == ["宁安市人民政府办公室"]
    page = "人工智能政策文件\n宁安市人工智能产业发展行动方案\n" + BODY
    assert written_issuers(page) == []


def test_a_report_names_the_joint_issuers_before_its_verb():
    page = ("12月11日，山西省工业和信息化厅联合省委网信办、省委金融办等八部门印发《山西省人工智能产业发展行动计划"
            "（2025-2027年）》，明确提出到2027年核心产业规模突破500亿元。\n")
    assert written_issuers(page) == ["山西省工业和信息化厅", "省委网信办", "省委金融办"]


def test_a_report_that_names_the_issuer_in_a_passive_clause():
    page = ("1月16日，记者从省政府新闻发布会上获悉，《山西省“人工智能+”应用行动方案》（下称《行动方案》）"
            "已于1月13日以省政府办公厅名义正式印发。\n")
    assert written_issuers(page) == ["省政府办公厅"]


def test_a_body_that_drafts_and_issues_or_seeks_comments_on_the_plan_issues_it():
    page = "2024年5月，宁安省科技厅制定并发布《宁安省人工智能场景开放工作指引》，明确开放场景。\n"
    assert written_issuers(page) == ["宁安省科技厅"]
    page = ("宁安市经济和信息化局就《宁安市智能制造三年行动方案(2025-2027年)(征求意见稿)》公开征求意见。"
            "征求意见稿指出，到2027年全市智能工厂达到50家。\n")
    assert written_issuers(page) == ["宁安市经济和信息化局"]
    page = "市工信局牵头起草了《宁安市算力产业发展若干措施》，现就起草情况说明如下。\n"
    assert written_issuers(page) == []  # drafting alone is not issuing


def test_a_body_that_releases_the_plan_to_the_public_issues_it():
    page = ("9月3日，宁安省人民政府办公厅对外发布了《宁安省智能网联汽车产业发展行动方案(2025—2027年)》"
            "（以下简称《行动方案》）。\n")
    assert written_issuers(page) == ["宁安省人民政府办公厅"]
    page = "临江市科学技术局向社会公开发布《临江市低空经济发展若干措施》，明确十项举措。\n"
    assert written_issuers(page) == ["临江市科学技术局"]


def test_the_information_centre_that_runs_a_portal_is_no_issuer():
    page = ("宁安省人工智能产业发展指导意见\n时间:2024-03-01 10:20 信息来源:宁安省经济信息中心\n" + BODY)
    assert written_issuers(page) == []
    page = ("宁安省人工智能产业发展指导意见\n时间:2024-03-01 10:20 信息来源:宁安省科学技术厅\n" + BODY)
    assert written_issuers(page) == ["宁安省科学技术厅"]


def test_our_bureau_in_an_interpretation_is_the_author_its_heading_names():
    page = ("名 称:临江区科技创新局关于《临江区促进人工智能产业发展若干措施操作指引》的政策解读\n"
            "为落实《临江区促进人工智能产业发展若干措施》，我局牵头制定了《临江区促进人工智能产业发展若干措施操作指引》"
            "（以下简称《操作指引》）。现就《操作指引》解读如下：\n一、背景依据\n")
    assert written_issuers(page) == ["临江区科技创新局"]
    page = ("临江区促进人工智能产业发展若干措施操作指引解读\n"
            "我局牵头制定了《临江区促进人工智能产业发展若干措施操作指引》。现解读如下：\n一、背景依据\n")
    assert written_issuers(page) == []  # no author named: 我局 is no one


def test_a_leading_groups_office_keeps_the_second_name_in_its_brackets():
    page = ("近日，江北省制造业高质量发展(数字经济发展)领导小组办公室印发《江北省人形机器人创新发展实施方案"
            "(2024—2027年)》，一起来关注。\n")
    assert written_issuers(page) == ["江北省制造业高质量发展(数字经济发展)领导小组办公室"]
    page = "12月1日，江北省科学技术厅（联合省财政厅等四部门）印发《江北省算力券实施细则》。\n"
    assert written_issuers(page) == ["江北省科学技术厅"]


def test_a_report_of_today_dates_the_plan_delivered_with_the_page_date():
    page = (" date 2024-10-16 【本地新闻】首长今（16 日）于议会发表 2024 年施政纲要，提出建设数据园区。\n"
            "政府将推出约8公顷用地。\n")
    assert plan(build(page)).get("date_issued") == "2024-10-16"
    page = " date 2024-10-16 【本地新闻】首长今（16 日）听取《2024年施政纲要》汇报，提出建设数据园区。\n"
    assert plan(build(page)).get("date_issued") is None  # hearing a report is not issuing it


def test_the_document_a_plan_implements_is_not_the_plan_a_report_issues():
    page = ("龙华区科技局关于《龙华区促进算力产业发展若干措施操作指引》的政策解读\n"
            "为落实《龙华区促进算力产业发展若干措施》，制定了《龙华区促进算力产业发展若干措施操作指引》"
            "（以下简称《操作指引》）。现就《操作指引》解读如下：\n"
            "2024年3月，龙华区印发《龙华区促进算力产业发展若干措施》，支持算力产业发展。\n")
    assert read_metadata(layout(prepare(RawDocument("doc.txt", page)))).kind == "操作指引"
    assert "龙华区人民政府" not in written_issuers(page)


def test_joint_issuers_written_without_a_separator():
    page = ("宁安市城市治理委员会办公室数字宁安建设领导小组办公室关于印发《宁安市智慧城市行动计划》的通知\n" + BODY)
    assert written_issuers(page) == ["宁安市城市治理委员会办公室", "数字宁安建设领导小组办公室"]

def test_a_reporter_is_not_the_issuer():
    page = ("6月10日，记者从省工业和信息化厅获悉，"
            "省政府办公厅近日印发《山西省人工智能产业行动方案（2025—2027年）》。\n")
    assert written_issuers(page) == ["省政府办公厅"]


def test_the_source_a_repost_credits_is_the_last_resort():
    page = ("山西省人工智能赋能新型工业化三年行动方案\n\n"
            "2026/1/6 15:36:38   山西省人民政府      人气:798\n\n" + BODY)
    assert written_issuers(page) == ["山西省人民政府"]
    page = ("宁安区通用人工智能三年行动计划(2024-2026年)\n"
            "日期:2024-05-29 10:31 来源:宁安园管委会(区科信局) 打印页面\n" + BODY)
    assert written_issuers(page) == ["区科信局"]
    for source in ("来源:山西日报", "信息来源:规划处、专项办", "来源:本网", "资金来源:市财政局"):
        page = f"山西省人工智能产业行动方案\n发布时间:2024-05-29 10:31 {source}\n" + BODY
        assert written_issuers(page) == [], source


def test_a_notice_cited_in_a_preamble_names_no_issuer():
    page = ("宁安市人工智能产业发展规划\n为贯彻党的十九大精神，落实《国务院关于印发新一代人工智能发展规划的通知》"
            "（国发〔2017〕35号），结合实际，制定本规划。\n" + BODY)
    assert written_issuers(page) == []
    page = ("宁安市人工智能应用场景管理办法\n第一条 为加快试验区建设，根据《宁安市人民政府关于印发宁安市人工智能"
            "产业政策的通知》，制定本办法。\n" + BODY)
    assert written_issuers(page) == []


def test_a_notice_title_after_its_number_or_a_reports_day_or_a_header_label():
    page = "宁政发〔2019〕27号《宁安市人民政府关于印发宁安市人工智能发展规划的通知》\n宁安市人工智能发展规划\n" + BODY
    assert written_issuers(page) == ["宁安市人民政府"]
    page = ("3月11日，宁安市数据局关于印发《宁安市人工智能行动计划(2025—2027年)》的通知。\n"
            "宁安市人工智能行动计划(2025—2027年)\n" + BODY)
    assert written_issuers(page) == ["宁安市数据局"]
    page = ("名 称: | 市人民政府办公室关于印发宁安市新型基础设施三年行动方案(2022—2024年)的通知 |\n"
            "宁安市新型基础设施三年行动方案(2022—2024年)\n" + BODY)
    assert written_issuers(page) == ["市人民政府办公室"]
    page = "《国务院关于印发新一代人工智能发展规划的通知》提出，到2030年建成创新中心。\n宁安市人工智能发展规划\n" + BODY
    assert written_issuers(page) == []  # a line that opens with a cited notice


def test_a_headline_that_ends_in_wenjian_is_no_banner():
    page = "宁安省出台全国首个“智能+”省级政府文件\n关于大力推进智能产业集群的指导意见\n" + BODY
    assert written_issuers(page) == []


def test_a_headline_place_gives_way_to_the_bodies_a_sentence_names():
    page = ("宁安印发《宁安市加快推动人工智能高质量发展行动方案(2023-2024年)》\n"
            "5月31日消息，中共宁安市委办公厅、宁安市人民政府办公厅印发《宁安市加快推动人工智能高质量发展行动方案"
            "(2023-2024年)》。\n" + BODY)
    assert written_issuers(page) == ["中共宁安市委办公厅", "宁安市人民政府办公厅"]


def test_a_province_or_city_alone_as_the_subject_names_no_issuer_but_a_district_does():
    page = "投资界6月11日消息，宁安省印发《宁安省促进人工智能创新发展实施方案》。\n" + BODY
    assert written_issuers(page) == []
    page = "对于萧山区此次发布的《萧山区促进人工智能产业发展若干措施》，记者采访了专家。\n" + BODY
    assert written_issuers(page) == ["萧山区人民政府"]



def test_a_district_written_with_its_city_issues_what_it_puts_into_effect():
    page = ("发布日期:2025-08-06 16:10    点击次数:12\n"
            "7月9日，宁波市鄞州区正式印发实施《鄞州区促进数据要素产业发展实施细则》(下称《细则》)，明确奖励标准。\n"
            + BODY)
    assert written_issuers(page) == ["宁波市鄞州区人民政府"]
    assert plan(build(page))["date_issued"] == "2025-07-09"  # its year the page's, within two months
    assert written_issuers(page.replace("宁波市鄞州区正式", "宁波市正式")) == []  # a city alone names no one


def test_a_reposts_bracketed_note_of_its_publisher_names_the_issuer_and_the_publication_date():
    page = "(临江市人民政府 2019年3月8日发布)\n为加快工业互联网发展，结合我市实际，制定本实施方案。\n" + BODY
    got = plan(build(page))
    assert issuers(build(page)) == ["临江市人民政府"]
    assert got["date_published"] == "2019-03-08" and "date_issued" not in got
    assert written_issuers("(临江日报 2019年3月8日发布)\n" + BODY) == []  # a paper is no body

def test_a_body_that_puts_its_draft_out_for_comments_in_a_notice_title_issues_it():
    page = ("10月8日，临江市公开征求《临江市算力产业资金管理办法(征求意见稿)》意见。\n"
            "临江市科学技术局关于公开征求《临江市算力产业资金管理办法(征求意见稿)》意见的公告\n"
            "我局牵头起草了《临江市算力产业资金管理办法(征求意见稿)》，现公开向社会征求意见。\n")
    assert written_issuers(page) == ["临江市科学技术局"]
    # a notice title about another document's comments names no issuer of this one
    other = page.replace("关于公开征求《临江市算力产业资金管理办法", "关于公开征求《临江市数据产业资金管理办法")
    assert written_issuers(other) == []

def test_joint_issuers_counted_with_gong():
    page = ("11月1日，宁安省大数据发展管理局、省发展改革委、省财政厅共3个部门印发的《关于促进算力枢纽节点建设的"
            "若干激励政策》正式实施。\n" + BODY)
    assert written_issuers(page) == ["宁安省大数据发展管理局", "省发展改革委", "省财政厅"]


def test_the_notice_printed_under_the_pages_own_heading():
    page = ("宁安市新一代人工智能发展行动计划(2019-2023年)\n2020/1/13 11:45   宁安网      浏览量:\n"
            "宁安市人民政府关于印发新一代人工智能发展行动计划(2019-2023年)的通知。\n"
            "为抢抓人工智能发展机遇，制定本计划。\n" + BODY)
    assert written_issuers(page) == ["宁安市人民政府"]
    page = ("宁安市新一代人工智能发展行动计划(2019-2023年)\n2020/1/13 11:45   宁安网      浏览量:\n"
            "为贯彻国务院关于印发新一代人工智能发展规划的通知精神，制定本计划。\n" + BODY)
    assert written_issuers(page) == []


def test_issuer_fields_of_other_portals_and_a_row_of_fields_ending_in_an_empty_one():
    page = ("宁安市数字经济发展三年行动计划(2022-2024年)\n发布时间:2022-08-12\n发文部门:宁安市工业和信息化局\n" + BODY)
    assert written_issuers(page) == ["宁安市工业和信息化局"]
    page = "宁安市建设人工智能试验区行动计划\n政策汇编 (5576) 发布于:2020-08-25 来自:宁安市人民政府\n" + BODY
    assert written_issuers(page) == ["宁安市人民政府"]
    page = ("发布机关: 宁安市人民政府办公厅 统一编号:\n发文字号: 宁政办字〔2025〕28号 有 效 性:\n"
            "宁安市人民政府办公厅关于深化新型智慧城市建设的实施意见\n" + BODY)
    got = plan(build(page))
    assert got["title"] == "宁安市人民政府办公厅关于深化新型智慧城市建设的实施意见"


def test_a_publisher_field_that_lists_two_bodies_a_blank_apart_names_each():
    page = ("名 称: 武侯区智能制造发展规划\n发布日期: 2021-03-02 发布机构: 武侯区人民政府 武侯区经信局\n"
            "武侯区智能制造发展规划\n" + BODY)
    assert written_issuers(page) == ["武侯区人民政府", "武侯区经信局"]
    page = page.replace("武侯区人民政府 武侯区经信局", "武侯区 经济 和信息化局")
    assert len(written_issuers(page)) <= 1  # blanks inside one name split nothing


# -- the outline ------------------------------------------------------------------------------

def test_the_parts_of_a_numbered_slogan_a_report_explains_are_measures():
    page = ("宁安算力产业发展新闻发布会召开\n记者从发布会上获悉，宁安将构建“1+2+4”算力产业发展格局。\n"
            "“1”是壮大“一个枢纽”，全面建设数据中心集群。\n“2”是建设“两大基地”，即打造算力示范基地。\n"
            "“4”是实施“四项工程”，分别是算力提升工程、数据流通工程。\n")
    assert measures(build(page)) == [("“1”是", "壮大“一个枢纽”"), ("“2”是", "建设“两大基地”"),
                                      ("“4”是", "实施“四项工程”")]
    page = ("宁安发布会召开\n“3”是建设“三大基地”，即打造算力示范基地。\n“1”是壮大“一个枢纽”，建设集群。\n")
    with pytest.raises(SourceError):  # numbers that do not count up are no list of parts
        build(page)


def test_a_reports_areas_described_one_by_one_are_measures():
    page = ("《宁安市无人机产业发展方案》提出了三大重点领域，包括工业无人机、消费无人机、关键零部件，推动产业发展。\n"
            "工业无人机方面。面向巡检、测绘等领域，重点建设龙头企业。\n"
            "消费无人机方面。发展航拍、教育等系列产品。\n"
            "在资金支持方面，方案明确设立专项资金。\n")
    assert measures(build(page)) == [(None, "工业无人机"), (None, "消费无人机")]  # 在资金支持方面: framing
    page = ("《宁安市算力措施》共分总体要求、重点任务、保障措施三个部分。\n"
            "重点任务方面：围绕算力建设提出举措。保障措施方面：统筹全市算力。\n")
    assert (None, "重点任务") not in measures(build(page))  # the document's parts, not its areas



def test_the_areas_of_a_dated_goal_paragraph_are_no_measures():
    page = ("临江省工业和信息化厅等四部门印发《临江省数据中心高质量发展行动计划》，从能效、网络、存储三个方面"
            "提出了到2026年发展量化指标。\n"
            "计划提出，到2026年，能效方面，新建数据中心电能利用效率低于1.25。网络方面，骨干网时延降低20%。"
            "存储方面，存储总量超过500EB。\n")
    got = build(page)
    assert measures(got) == []
    assert "发展量化指标" not in [t.properties["metric"] for t in got.by_label(Label.TARGET)]  # the goals' name
    assert 500 in [t.properties.get("value") for t in got.by_label(Label.TARGET)]

def test_arrow_bullets_open_items_titled_by_their_first_sentence():
    page = ("《宁安市新型基础设施建设行动方案》已正式印发。\n"
            "▷建成高速泛在的基础信息网。加快建设5G网络，建成5G基站2万座。\n"
            "▷建成内畅外联的枢纽交通网。加快建设城际铁路。\n")
    assert measures(build(page)) == [(None, "建成高速泛在的基础信息网"), (None, "建成内畅外联的枢纽交通网")]


def test_a_last_item_cut_after_its_first_clause_is_named_by_it_like_its_siblings():
    page = ("宁安市人工智能产业发展行动计划\n二、重点任务\n"
            "（一）培育5家以上人工智能领军企业，推动龙头企业在智能装备、智能网联汽车、智能机器人、智能终端、智能传感器等领域做大做强，形成具有全国影响力的产业集群。\n"
            "（二）打造10个可复制推广的应用场景，在制造、医疗、交通、教育、文旅、政务、金融、农业等领域形成一批可复制可推广的示范应用和解决方案。\n"
            "（三）建设3个人工智能创新平台，人工智能领域高新")
    assert measures(build(page))[-1] == ("（三）", "建设3个人工智能创新平台")
    assert measures(build(page.replace("（三）建设3个人工智能创新平台，", "（三）建设3个人工智能创新平台")))[-1] == (
        "（二）", "打造10个可复制推广的应用场景")  # no whole clause: a cut heading


def test_a_list_a_report_opens_with_baokuo_and_goes_on_with_di_er_wei():
    page = ("宁安市数据局三年期政务智能化计划 编列5亿 明年启动\n"
            "该计划设定四大策略，包括发展智能客服服务，鼓励机关优先发展智能客服。\n"
            "第二为建设自动化行政服务，引导机关利用智能技术处理常规工作。\n"
            "第三为完善数据与模型，设置政府数据架构。\n")
    assert measures(build(page)) == [(None, "发展智能客服服务"), ("第二为", "建设自动化行政服务"),
                                     ("第三为", "完善数据与模型")]
    page = page.replace("包括发展智能客服服务，", "")  # nothing opens the list: 第二为… alone is no list
    assert ("第二为", "建设自动化行政服务") not in measures(build(page))


def test_paragraphs_opening_di_yi_di_er_are_measures_titled_before_their_colon():
    page = ("宁安市科技咨询会议提出政策建议\n"
            "会议提出以下3项策略建议，第一，扩大智能算力投资：由政府与企业合作建设大型算力中心。\n\n"
            "第二，培育本地模型企业：支持企业研发行业大模型。\n\n"
            "第三，完善数据开放制度，推动公共数据有序开放。\n")
    assert measures(build(page)) == [("第一", "扩大智能算力投资"), ("第二", "培育本地模型企业"),
                                     ("第三", "完善数据开放制度")]
    # 第二，第三 with nothing that opens the list are no list: the page holds no policy text
    page = page.replace("，第一，扩大智能算力投资：由政府与企业合作建设大型算力中心", "")
    with pytest.raises(SourceError):
        build(page)


def test_tasks_a_sentence_lists_a_semicolon_apart_after_naming_the_work_are_measures():
    page = ("宁安市长谈人工智能发展\n"
            "市长表示，今年的重点工作包括培育模型企业，支持本地企业研发行业大模型；开放应用场景，在政务、医疗等领域"
            "发布场景清单；以及完善算力设施，建设城市智算中心。\n")
    assert measure_titles(page) == ["培育模型企业", "开放应用场景", "完善算力设施"]
    # a list of fields a ； apart names no tasks (and the page then holds no policy text)
    fields = page.replace("培育模型企业", "模型企业方面").replace("开放应用场景", "应用场景方面")
    with pytest.raises(SourceError):
        build(fields)


def test_a_reports_yishi_erxi_a_comma_apart_in_one_sentence_are_measures():
    page = ("《宁安市推动数据产业发展的意见》新闻发布会召开\n"
            "市数据局局长介绍，《意见》部署了三方面重点任务：一是建设数据基础设施，二是培育数据企业，三是繁荣数据市场。\n")
    assert measures(build(page)) == [("一是", "建设数据基础设施"), ("二是", "培育数据企业"), ("三是", "繁荣数据市场")]
    # counted out of order (一是…，三是…) they are no list
    skipped = page.replace("二是培育数据企业", "培育数据企业")
    assert ("一是", "建设数据基础设施") not in measures(build(skipped))


def test_an_answers_di_yi_di_er_sentences_in_one_paragraph_are_measures():
    page = ("市数据局负责人就《宁安市数据产业发展行动方案》答记者问\n"
            "问：《行动方案》有哪些重点任务？\n"
            "答：主要有三个方面：第一，建设数据基础设施，加快建设数据中心。第二，培育数据企业，支持企业上市。"
            "第三，繁荣数据市场，推动数据交易。\n")
    assert measures(build(page)) == [("第一", "建设数据基础设施"), ("第二", "培育数据企业"), ("第三", "繁荣数据市场")]
    # 第一…第三 out of order are no list
    skipped = page.replace("第二，培育数据企业，支持企业上市。", "")
    assert ("第一", "建设数据基础设施") not in measures(build(skipped))


def test_a_graphic_summarys_zero_padded_items_are_measures():
    page = ("一图读懂 | 《宁安市支持数据产业发展若干措施》\n主要目标\n到2027年，数据产业规模突破100亿元\n支持措施\n"
            "01 支持数据企业落户\n对新落户企业给予最高200万元奖励\n02 支持数据产品开发\n对数据产品给予最高50万元补助\n")
    titles = [(n, t) for n, t in measures(build(page))]
    assert titles == [("01", "支持数据企业落户"), ("02", "支持数据产品开发")]
    # a single 01 is no list
    assert measures(build(page.replace("02 支持数据产品开发\n", ""))) == []


def test_a_numbered_items_yishi_erxi_are_its_sub_measures():
    page = ("宁安区数据局2025年下半年工作计划\n"
            "1.推动数字宁安再进阶。一是抓好规划引领。系统谋划数字宁安发展规划。二是抓好机制落地。建立工作清单。\n"
            "2.推动数字经济再跨越。加快培育数据企业。\n")
    graph = build(page)
    assert measures(graph) == [("1.", "推动数字宁安再进阶"), ("一是", "抓好规划引领"), ("二是", "抓好机制落地"),
                               ("2.", "推动数字经济再跨越")]
    parents = {graph.nodes[r.start].properties["title"]: graph.nodes[r.end].properties["title"]
               for r in graph.relationships.values() if r.type == Rel.PART_OF}
    assert parents == {"抓好规划引领": "推动数字宁安再进阶", "抓好机制落地": "推动数字宁安再进阶"}
    page = ("宁安区数字经济发展实施方案\n一、总体要求\n（一）基本原则。一是坚持政府引领。二是坚持创新驱动。\n"
            "二、重点任务\n（一）建设算力平台。支持建设智能算力中心。\n")
    assert ("一是", "坚持政府引领") not in measures(build(page))  # principles of a frame section are no tasks
    # a page that stops inside the last item's 一是… (its 二是 cut away) keeps the 一是 it shows
    cut = ("宁安区数据局2025年下半年工作计划\n"
           "1.推动数字宁安再进阶。一是抓好规划引领。系统谋划数字宁安发展规划。二是抓好机制落地。建立工作清单。\n"
           "2.推动数字经济再跨越。一是强化系统推进。构建全域统筹、部门联动的")
    assert ("一是", "强化系统推进") in measures(build(cut))
    assert ("一是", "强化系统推进") not in measures(build(cut + "工作体系。\n3.推动数字社会再提升。\n"))


def test_items_numbered_inside_a_paragraph_are_measures_under_it_and_end_with_it():
    page = ("宁安市促进人工智能产业发展若干措施\n一、促进标注产业发展\n"
            "3.发放“标注券”。(1)促进工业企业数据开发利用，以大模型应用提升“智改数转”水平。对有数据标注需求的工业企业"
            "发放“标注券”，按不超过合同金额的80%给予支持;(2)做大做强数据标注产业，培育引进优质数据标注服务平台。"
            "对开展数据标注业务的平台发放“标注券”，按不超过合同金额的15%给予支持。\n"
            "牵头单位:市发改委;责任单位:市工信局\n"
            "4.住房保障支持。为人工智能领域的就业人员提供租金减免。\n")
    graph = build(page)
    assert measures(graph) == [("3.", "发放“标注券”"),
                               ("(1)", "促进工业企业数据开发利用，以大模型应用提升“智改数转”水平"),
                               ("(2)", "做大做强数据标注产业，培育引进优质数据标注服务平台"),
                               ("4.", "住房保障支持")]
    by_title = {n.properties["title"]: n.id for n in graph.by_label(Label.MEASURE)}
    parents = {graph.nodes[r.start].properties["title"]: graph.nodes[r.end].properties["title"]
               for r in graph.relationships.values() if r.type == Rel.PART_OF}
    assert parents == {"促进工业企业数据开发利用，以大模型应用提升“智改数转”水平": "发放“标注券”",
                       "做大做强数据标注产业，培育引进优质数据标注服务平台": "发放“标注券”"}
    # the 牵头单位 line after the paragraph belongs to 3., not to its last inline item
    led = {graph.nodes[r.end].properties["title"] for r in graph.relationships.values()
           if r.type == Rel.RESPONSIBLE_FOR}
    assert led == {"发放“标注券”"}
    assert by_title["住房保障支持"]


def test_a_section_heading_run_together_with_its_first_item():
    page = ("宁安市人工智能产业发展行动方案\n一、培育产业生态（一）培育骨干企业。支持企业做大做强，对首次认定的企业"
            "给予奖励，最高不超过100万元，鼓励企业开展技术攻关和产品创新，推动产业链上下游协同发展。"
            "（二）建设产业园区。支持建设人工智能产业园，完善孵化加速、公共测试、人才实训等配套服务。\n"
            "二、强化保障（一）加强组织领导。成立工作专班。\n")
    graph = build(page)
    assert [t for _n, t in measures(graph)] == ["培育骨干企业", "建设产业园区", "加强组织领导"]
    sections = {n.properties["title"]: n.properties["section"] for n in graph.by_label(Label.MEASURE)}
    assert sections == {"培育骨干企业": "培育产业生态", "建设产业园区": "培育产业生态", "加强组织领导": "强化保障"}


def test_a_section_heading_run_together_after_a_blank_with_an_item_numbered_on_from_the_last_section():
    page = ("宁安市人工智能产业发展行动方案\n一、总体要求\n（一）基本思路。坚持创新驱动。\n"
            "（二）工作原则。坚持应用牵引。\n"
            "二、建设算力设施 （三）智能算力中心建设工程。支持建设智能算力中心。\n")
    sections = {n.properties["title"]: n.properties["section"] for n in build(page).by_label(Label.MEASURE)}
    assert sections["智能算力中心建设工程"] == "建设算力设施"


def test_rows_of_an_agency_first_table_are_measures_also_where_cells_were_merged():
    page = ("市工业和信息化局关于印发人工智能产业发展2020年重点工作的通知\n各委、局：\n现印发给你们。\n"
            "附件\n人工智能产业发展2020年重点工作分工表\n"
            "序号 | 单位名称 | 2020年重点工作任务 |\n"
            "1 | 市发展改革委 | 推动先进计算产业创新中心全面开工建设，培育一批龙头企业。 |\n"
            "发挥产业基金作用，将我市建设成为全国领先的智能科技产业创新中心。 | ||\n"
            "2 | 市教委 | 支持高校加强人工智能学科建设力度;支持其他高校设置人工智能学科。 |\n")
    assert measures(build(page)) == [("1", "推动先进计算产业创新中心全面开工建设，培育一批龙头企业"),
                                     (None, "发挥产业基金作用，将我市建设成为全国领先的智能科技产业创新中心"),
                                     ("2", "支持高校加强人工智能学科建设力度")]


def test_a_heading_cut_by_the_end_of_the_page_is_not_a_measure():
    page = ("宁安市人工智能产业发展行动方案\n一、重点任务\n"
            "（一）建设算力平台。支持建设智能算力中心。\n（二）培育骨干企业。支持企业做大做强。\n（三）加快行业高质量数据")
    assert measure_titles(page) == ["建设算力平台", "培育骨干企业"]
    # a heading printed on its own line, like the ones before it, is whole even at the end of the page
    page = ("宁安市人工智能产业发展行动方案\n一、重点任务\n（一）建设算力平台\n支持建设智能算力中心。\n"
            "（二）培育骨干企业")
    assert measure_titles(page) == ["建设算力平台", "培育骨干企业"]


def test_a_cut_first_item_of_a_section_is_judged_by_the_items_of_its_level_elsewhere():
    page = ("宁安市人工智能产业发展行动方案\n一、夯实基础\n（一）建设算力平台。支持建设智能算力中心。\n"
            "二、拓展应用\n（一）加快建设智能算力基")
    assert measure_titles(page) == ["建设算力平台"]
    # and a last item longer than any heading with no sentence end is a cut sentence
    page = ("宁安市人工智能产业发展行动方案\n一、重点任务\n"
            "（一）完善中小企业公共服务平台网络，增强中小企业产业云服务能力，深入实施中小企业信息化推进工程和两化融合能力提升行")
    assert measures(build(page)) == []


def test_an_article_with_its_title_in_brackets_is_whole_even_when_its_text_is_cut():
    page = ("宁安市促进人工智能产业发展办法\n第一章 总则\n第一条（目的依据） 为了促进人工智能产业发展，制定本办法。\n"
            "第二条【人工智能定义】 本办法所称人工智能，是指运用人工的方法和技术")
    assert measure_titles(page) == ["目的依据", "人工智能定义"]


def test_a_news_paragraph_crediting_a_photo_is_not_a_metadata_header():
    page = ("date 2025-08-27 参观者在展区拍摄机器人。（图片来源：新华社） 据新华网报道，国务院日前印发"
            "《关于深入实施“人工智能+”行动的意见》（以下简称《意见》）。\n《意见》提出加快实施6大重点行动。\n")
    got = plan(build(page))
    assert (got["title"], got["kind"]) == ("关于深入实施“人工智能+”行动的意见", "意见")
    assert written_issuers(page) == ["国务院"]


def test_the_items_of_a_frame_section_are_measures_but_its_goals_stay_the_plans():
    page = ("宁安市人工智能产业发展行动方案\n一、总体要求\n（一）指导思想\n坚持创新引领，加快发展人工智能产业。\n"
            "（二）发展目标\n到2027年，全市人工智能核心产业规模突破500亿元。\n"
            "二、重点任务\n（一）建设算力平台。支持建设智能算力中心。\n")
    graph = build(page)
    assert [t for _n, t in measures(graph)] == ["指导思想", "发展目标", "建设算力平台"]
    setters = {graph.nodes[r.start].label for r in graph.relationships.values() if r.type == Rel.SETS_TARGET}
    assert setters == {Label.PLAN}


REPORT_WITH_GROUPS = """# 宁安出台行动方案加快推动人工智能赋能科学研究
日前，宁安市印发《宁安市人工智能赋能科学研究行动方案（2026—2030年）》，提出3条具体举措。
### 关键技术“攻坚”行动
加强前沿基础理论研究。开展大模型的机理研究，提升模型在科学问题中的推理、泛化和迁移能力，开展人工智能因果推断研究，支撑智能设
计。研发新材料人工智能大模型。
### 应用场景“赋能”行动
推动人工智能与生命科学深度融合。开展全民健康信息平台升级完善。
### 重点任务
- 加强前沿基础理论研究
- 推动人工智能与生命科学深度融合
- 加强人才队伍建设
"""


def measure_props(graph: GraphData) -> dict[str, dict]:
    return {n.properties["title"]: n.properties for n in graph.by_label(Label.MEASURE)}


def test_a_reports_task_list_keeps_its_section_and_each_item_the_group_its_paragraph_is_under():
    got = measure_props(build(REPORT_WITH_GROUPS))
    assert {t: m["section"] for t, m in got.items()} == dict.fromkeys(
        ["加强前沿基础理论研究", "推动人工智能与生命科学深度融合", "加强人才队伍建设"], "重点任务")
    lay = layout(prepare(RawDocument("doc.txt", REPORT_WITH_GROUPS)))
    groups = {m.title.text: m.group for m in outline(lay, lay.lines).measures}
    assert groups == {"加强前沿基础理论研究": "关键技术“攻坚”行动",
                      "推动人工智能与生命科学深度融合": "应用场景“赋能”行动",
                      "加强人才队伍建设": None}  # no paragraph, no group


def test_a_sites_menu_above_the_plans_heading_is_no_measure_of_the_report_under_it():
    page = ("北极光\n\n  • 水务\n您的位置:环保政策正文\n\n江北市智慧城市总体方案(2025-2027年)\n\n"
            "2025-03-01 09:14来源:某某环保网关键词:智慧城市\n\n"
            "2025年2月,江北市人民政府印发了《江北市智慧城市总体方案(2025-2027年)》。\n\n"
            "《总体方案》提出,深入推进城市数字化转型,加快建设全域感知的智慧城市。\n\n"
            "江北市智慧城市总体方案(2025-2027年)\n\n"
            "为加快建设智慧城市，制定本方案。城市数字化转型是大势所趋，各地都在积极探索。\n")
    assert measure_titles(page) == ["深入推进城市数字化转型"]


def test_the_requirements_a_preamble_carries_out_are_no_reported_item():
    page = ("江北市算力服务保障行动计划\n为贯彻新发展理念，落实《江北市算力产业三年行动计划》等文件要求，"
            "抢抓算力产业发展新机遇，提升全市算力服务能力，特制定本行动计划。\n")
    assert measures(build(page)) == []
    page = ("江北市出台算力新政\n近日，江北市印发《江北市算力产业若干措施》。文件要求，强化智能算力平台建设，"
            "对新建智算中心给予支持。\n")
    assert measure_titles(page) == ["强化智能算力平台建设"]


def test_task_items_flattened_into_one_news_paragraph_are_each_a_measure():
    page = ("临江出台人工智能激励政策\n为建设人工智能创新高地，临江市出台了系列激励政策。\n"
            "全力招引人工智能领军企业。对领军企业将总部迁入临江市的，给予最高300万元奖励。"
            "支持人工智能重大项目建设。对总投资超过1亿元的项目，按实际投资的5%给予补助。"
            "加强宣传引导。营造良好的发展氛围。\n")
    assert measure_titles(page) == ["全力招引人工智能领军企业", "支持人工智能重大项目建设"]


def test_a_news_task_paragraph_may_open_with_the_label_that_introduces_the_items():
    page = ("临江印发《临江市数据产业发展行动方案》\n"
            "近日，临江市印发《临江市数据产业发展行动方案》，将重点建设“两基地”。\n"
            "“两基地”包括：建设数据标注产业基地。引进培育一批数据标注企业，推动数据标注服务向专业化发展。\n"
            "建设数据交易服务基地。完善数据交易规则，培育数据经纪、数据评估等第三方专业服务机构。\n")
    assert measure_titles(page) == ["建设数据标注产业基地", "建设数据交易服务基地"]
    # the set named in the sentence that opens its first item with a colon: that item is titled by its first clause
    page = ("临江印发《临江市数据产业发展行动方案》\n"
            "临江市将重点建设好“一园两基地”：加快建设数据产业园，发挥算力资源优势，引进数据企业入驻园区。\n"
            "“两基地”包括：建设数据标注产业基地。引进培育一批数据标注企业，推动数据标注服务向专业化发展。\n"
            "建设数据交易服务基地。完善数据交易规则，培育数据经纪、数据评估等第三方专业服务机构。\n")
    assert measure_titles(page) == ["加快建设数据产业园", "建设数据标注产业基地",
                                                      "建设数据交易服务基地"]
    unquoted = page.replace("将重点建设好“一园两基地”：", "将重点建设好以下载体：")
    assert "加快建设数据产业园" not in measure_titles(unquoted)


def test_a_line_broken_inside_a_word_is_joined_in_the_measure_text_but_paragraphs_stay_apart():
    got = measure_props(build(REPORT_WITH_GROUPS))
    assert "支撑智能设计。研发新材料" in got["加强前沿基础理论研究"]["text"]
    page = ("宁安市人工智能产业发展行动方案\n一、重点任务\n（一）建设算力平台\n"
            "支持建设智能算力中心，推动算力资源统筹调度，提升算力供给能力，形成覆盖全市的算力网络体系\n"
            "推动建设城市算力调度平台。\n（二）培育骨干企业\n支持企业做大做强。\n")
    text = measure_props(build(page))["建设算力平台"]["text"]
    assert "算力网络体系\n推动建设" in text  # a whole paragraph without its full stop is not a broken line


def test_an_item_without_a_heading_is_named_by_its_first_clause_when_its_sentence_is_long():
    page = ("宁安市人工智能创新发展试验区行动计划\n一、主要任务\n"
            "（一）开展人工智能社会实验，探索智能时代政府治理的新方法、新手段，营造有利于人工智能创新发展的制度环境和社会氛围，形成可推广的经验。\n"
            "（二）到2025年，争取建设人工智能科技创新基地，新一代人工智能技术在现代农业、生态工业、文化旅游等领域得到广泛应用，创新能力显著提高。\n"
            "（三）为加快试验区建设，推进人工智能新技术新产品新模式在宁安率先运用，支持新一代人工智能应用场景落地。\n"
            "（四）建设算力平台，支持建设智能算力中心。\n")
    assert measures(build(page)) == [
        ("（一）", "开展人工智能社会实验"),
        ("（二）", "到2025年，争取建设人工智能科技创新基地"),  # a date alone names no task
        ("（三）", "为加快试验区建设，推进人工智能新技术新产品新模式在宁安率先运用，支持新一代人工智能应用场景落地"),
        ("（四）", "建设算力平台，支持建设智能算力中心"),  # a short sentence is the title as it is
    ]


def test_an_article_without_a_heading_is_named_like_an_item_and_serving_someone_is_a_task():
    page = ("宁安市支持人工智能产业发展若干措施\n第一章 总则\n"
            "第一条 为推动全市人工智能产业集聚发展，加快培育新质生产力，根据有关文件精神，结合本市实际，制定本措施。\n"
            "第二章 支持措施\n"
            "第二条 为中小企业使用大模型提供支持，通过发放模型券给予补贴，"
            "补贴额度不超过企业实际支付合同金额的20%，单个企业每年最高不超过100万元。\n"
            "第三条 建设公共数据平台，支持企业开放行业数据集，"
            "对向平台贡献高质量数据集且被广泛使用的企业，按照数据集实际使用情况给予一次性奖励。\n")
    assert measures(build(page)) == [
        ("第一条", "为推动全市人工智能产业集聚发展，加快培育新质生产力，根据有关文件精神，结合本市实际，制定本措施"),
        ("第二条", "为中小企业使用大模型提供支持"),  # 为…提供支持 names whom the task serves: it is the task
        ("第三条", "建设公共数据平台"),
    ]


def test_a_title_less_opening_with_its_wenhao_still_gives_the_plan():
    page = ("宁政发〔2017〕34号\n各市（州）人民政府，省政府各厅委办：\n"
            "为抢抓人工智能发展的重大机遇，推动新一代人工智能与经济社会发展深度融合，特制定本实施意见。\n"
            "一、指导思想\n全面贯彻落实党的十九大精神。\n")
    assert plan(build(page))["doc_number"] == "宁政发〔2017〕34号"
    with pytest.raises(SourceError):
        build("政策法规\n一、指导思想\n全面贯彻落实党的十九大精神，推动新一代人工智能与经济社会发展深度融合。\n")


def test_the_period_a_plan_states_or_the_five_year_plan_its_title_names():
    page = ("宁安市数字经济发展“十四五”规划\n为培育经济发展新动能，制定本规划。规划期为2022—2025年。\n" + BODY)
    got = plan(build(page))
    assert (got["period_start"], got["period_end"]) == (2022, 2025)  # stated: the text's own years
    page = "宁安区“十五五”时期数字经济发展规划\n为培育经济发展新动能，制定本规划。\n" + BODY
    got = plan(build(page))
    assert (got["period_start"], got["period_end"]) == (2026, 2030)
    page = ("宁安市人工智能发展规划\n特制订本规划。规划期限为20172022年。\n" + BODY)
    got = plan(build(page))
    assert (got["period_start"], got["period_end"]) == (2017, 2022)
    page = ("宁安市算力券实施办法\n本办法自2025年5月1日起施行，有效期3年，有效期至2028年4月30日。\n" + BODY)
    assert "period_start" not in plan(build(page))  # a validity is no plan period


def test_fields_listed_with_bullets_and_no_colons_are_the_pages_header():
    page = ("【文字解读】《宁安市数字经济2025年行动方案》政策解读\n• 索引号 2550716569517869874\n"
            "• 发布日期 2025-05-16\n• 发文字号 宁政办字【2025】21号\n"
            "• 为深入贯彻落实《数字中国建设整体布局规划》，实施以下工程。\n" + BODY)
    got = plan(build(page))
    assert got["date_published"] == "2025-05-16"
    assert got["doc_number"] == "宁政办字【2025】21号"


def test_a_link_to_the_reading_under_the_byline_does_not_make_the_page_a_reading():
    head = ("宁安市工业和信息化局关于印发《宁安国家人工智能创新应用先导区建设方案》的通知\n"
            "信息来源:数字产业处 时间:2021-12-10 字体: [大] [中] [小]\n")
    page = head + "【图文解读】《宁安国家人工智能创新应用先导区建设方案》的政策文件解读材料\n" + BODY
    assert plan(build(page))["date_published"] == "2021-12-10"
    page = "《宁安国家人工智能创新应用先导区建设方案》政策解读\n信息来源:数字产业处 时间:2021-12-10\n" + BODY
    assert "date_published" not in plan(build(page))


def test_a_report_that_gives_the_full_date_of_publication():
    page = ("《宁安市加快建设“人工智能+”城市行动方案(2025-2026年)》于2025年9月16日正式发布。方案明确，加快发展。\n"
            "宁安市加快建设“人工智能+”城市行动方案(2025-2026年)\n" + BODY)
    assert plan(build(page))["date_published"] == "2025-09-16"
    page = ("2025年9月16日，记者获悉，《宁安市加快建设“人工智能+”城市行动方案(2025-2026年)》近日正式发布。\n"
            "宁安市加快建设“人工智能+”城市行动方案(2025-2026年)\n" + BODY)
    assert "date_published" not in plan(build(page))  # the reporter's day, not the plan's


def test_the_measure_count_a_report_declares():
    def count(sentence: str) -> int | None:
        page = "宁安市数字经济2025年行动方案\n" + sentence + "\n" + BODY
        return read_metadata(layout(prepare(RawDocument("doc.txt", page)))).measure_count

    assert count("方案从七个方面推进54项任务。") == 54
    assert count("《措施》提出支持重大项目落户、支持适航取证、降低企业试飞成本五项具体措施。") == 5
    assert count("方案明确“五大行动”，全力构筑共建共享的产业生态。") is None  # the groups, not the measures
    assert count("“7”是实施“七项工程”，分别是算力基础提升工程等。") is None
    assert count("方案还围绕四个重点领域规划了12项重点行动、35项重点任务和3个专栏。") == 35  # the tasks of a list
    assert count("方案明确了未来三年行动目标、三大工程15项重点任务。") == 15
    assert count("市数据局牵头起草方案，拟定8个专项行动，涵盖三个领域。") == 8
    assert count("试验区建设有五项重点任务：一是开展技术攻关；二是建设平台。") == 5  # a count opening its list
    assert count("全市有五项重点任务已经完成。") is None
    assert count("《意见》部署了四方面重点任务：一是夯实设施，二是培育市场。") == 4  # 方面 opening its list
    assert count("《意见》从四个方面提出要求。") is None
    assert count("《意见》提出加快实施6大重点行动。一是科学技术；二是产业发展。") == 6  # the groups it lists
    assert count("方案部署五大重点任务，推动人工智能融入教学全流程。") == 5  # tasks, counted by 大
    assert count("方案部署三大重点任务、18项具体举措。") == 18  # the items, not their groups
    assert count("方案部署三大重点工程，推动人工智能融入教学全流程。") is None  # 工程 group the measures
    # a quoted count of tasks a report explains by listing them
    assert count("即“一个中心、六项任务”。“六项任务”，就是建设算力网络、培育龙头企业等。") == 6
    assert count("“六项任务”，全部按期完成。") is None  # no list explains it
    # what the plan holds, listed and closed by its count
    assert count("《行动计划》内含四大部分，包括建设“三新”设施、实施两大行动、培育创新生态等24项工作任务。") == 24
    assert count("《行动计划》包括建设“三新”设施等内容。") is None


def test_a_header_table_printed_without_its_leading_bars():
    page = ("发文机关 | 宁安市工业和信息化局 |\n发文字号 | 宁工信函〔2024〕33号 |\n成文日期 | 2024-07-26 |\n"
            "发布日期 | 2024-08-02 |\n宁安市数字经济2024年工作要点\n" + BODY)
    got = plan(build(page))
    assert (got["doc_number"], got["date_issued"], got["date_published"]) == (
        "宁工信函〔2024〕33号", "2024-07-26", "2024-08-02")


def test_a_header_row_whose_labels_and_values_are_separated_by_blanks_alone():
    page = ("当前位置: 首页>>信息公开>>正文\n索引号 0001/sjj/2023-0000012 公开目录 计划总结\n"
            "发布机构 宁安市数据局 发布日期 2023-04-11\n公开方式 主动公开 文号 宁数发〔2023〕2号\n"
            "2023年全市数据工作要点\n" + BODY)
    got = plan(build(page))
    assert (got["doc_number"], got["date_published"]) == ("宁数发〔2023〕2号", "2023-04-11")
    # prose that opens with a label word and names another is no header row
    page = "2023年全市数据工作要点\n文号 宁数发〔2023〕2号的文件，发布日期 另行通知。\n" + BODY
    got = plan(build(page))
    assert "date_published" not in got


def test_a_file_number_label_gives_the_documents_number():
    page = ("索引号: 0001/2024-149 成文日期: 2024-06-03\n文件编号: 宁政办发〔2024〕21号 统一编号:\n"
            "宁安市人民政府办公室关于印发宁安市数据要素工作方案的通知\n" + BODY)
    assert plan(build(page))["doc_number"] == "宁政办发〔2024〕21号"


def test_a_header_date_later_than_the_notice_signature_is_when_the_page_was_filed():
    notice = ("各县区有关部门：\n《宁安市数字经济发展规划》已经市政府同意，现印发给你们，请认真组织实施。\n"
              "宁安市发展和改革委员会\n2021年5月12日\n宁安市数字经济发展规划\n")
    page = "索引号: | 0001/2023-00012 | 成文日期: | 2023-03-02 |\n" + notice + BODY
    assert plan(build(page))["date_issued"] == "2021-05-12"
    page = "索引号: | 0001/2021-00012 | 成文日期: | 2021-05-10 |\n" + notice + BODY
    assert plan(build(page))["date_issued"] == "2021-05-10"  # the header's own, a day the notice was written


def test_a_wenhao_after_the_notice_title_that_quotes_the_plan():
    page = ("关于印发《宁安建设国家新一代人工智能创新发展实验区实施方案》的通知(宁发办〔2020〕97号)\n"
            "2020-11-17 2732\n专属客服号\n微信订阅号\n科技最前沿\n" + BODY)
    assert plan(build(page))["doc_number"] == "宁发办〔2020〕97号"
    page = ("发布部门:市政府办公室 发布时间:2024年04月13日 政策文号:宁府办发〔2024〕25号\n"
            "宁安市算力券实施意见\n"
            "根据《关于全面推进数字宁安高质量发展的实施意见》(宁办发〔2023〕17号)，制定本意见。\n" + BODY)
    assert plan(build(page))["doc_number"] == "宁府办发〔2024〕25号"


def test_unnumbered_paragraphs_closed_by_their_own_responsibility_bracket_are_the_measures():
    page = ("宁安省人民政府关于支持人工智能产业创新发展若干政策的通知\n各市、县人民政府：\n现制定以下政策措施。\n"
            "一、提升创新能力\n建设宁安人工智能研究院，开展基础研究。（牵头单位：省发展改革委；配合单位：省科技厅）\n"
            "实施人工智能产业创新工程。对研发项目给予补助。（牵头单位：省发展改革委；配合单位：省财政厅）\n"
            "二、建设支撑平台\n鼓励企业建设人工智能公共服务平台。（牵头单位：省经济和信息化厅）\n")
    assert measures(build(page)) == [(None, "建设宁安人工智能研究院，开展基础研究"),
                                     (None, "实施人工智能产业创新工程"),
                                     (None, "鼓励企业建设人工智能公共服务平台")]
    page = ("宁安市打造人工智能产业发展新高地若干政策\n一、优化算力供给\n"
            "鼓励优质算力普惠供给，发放算力券。（责任单位：市经信局）\n二、鼓励使用模型\n鼓励企业广泛应用人工智能大模型，给予补贴。（责任单位：市经信局）\n")
    assert measure_titles(page) == ["优化算力供给", "鼓励使用模型"]  # one paragraph a section


def test_a_numbered_list_of_document_titles_is_no_list_of_measures():
    page = ("宁安市人民政府办公厅关于印发宁安市智能科技产业总体行动计划和专项行动计划的通知\n各区人民政府：\n"
            "现将以下行动计划印发给你们，请认真贯彻执行。\n1.宁安市加快推进智能科技产业发展总体行动计划\n"
            "2.宁安市智能制造发展专项行动计划\n3.关于促进宁安市智能医疗发展的若干政策（征求意见稿）\n")
    assert measures(build(page)) == []
    page = "宁安市人工智能若干措施\n一、重点任务\n1.完善配套政策\n2.宁安市人工智能产业园建设。支持园区发展。\n"
    assert measure_titles(page) == ["完善配套政策", "宁安市人工智能产业园建设"]


def test_a_heading_cut_inside_a_word_by_the_page_end_is_not_a_measure():
    head = "宁安市新型基础设施建设行动方案\n一、重点任务\n（一）推进算力设施建设\n建设智能算力中心。\n"
    assert measure_titles(head + "（二）大数据基础设施建") == ["推进算力设施建设"]
    assert measure_titles(head + "（二）打造算力高地") == ["推进算力设施建设", "打造算力高地"]
    # the page goes on after the line: the heading is whole
    assert measure_titles(head + "（二）大数据基础设施建\n")[-1] == "大数据基础设施建"


def test_the_standard_form_of_a_wenhao_printed_both_ways():
    page = ("• 发文字号:宁政办发[2017]112号\n宁安市人民政府办公厅关于印发宁安市智能科技行动计划的通知\n"
            "(宁政办发〔2017〕112号)\n宁安市智能科技行动计划\n" + BODY)
    assert plan(build(page))["doc_number"] == "宁政办发〔2017〕112号"


def test_an_enumeration_that_names_no_tasks_is_no_list_of_measures():
    page = ("宁安市出台全国首个“智能+”政府文件\n关于大力推进智能产业集群的指导意见\n"
            "会上介绍，《意见》提出了两个阶段的目标：一是到2022年，建成一批示范项目；"
            "二是到2025年，形成完善的产业体系。\n")
    assert measures(build(page)) == []
    page = ("宁安市算力发展新闻发布会\n宁安市算力产业发展行动方案\n"
            "宁安发展算力产业具有三大优势：一是优越的自然条件，气候冷凉；二是良好的产业基础，"
            "已建成数据中心；三是丰富的应用场景。\n")
    assert measures(build(page)) == []
    page = ("宁安市数字经济发展规划实施成效显著\n宁安市数字经济发展规划\n"
            "《规划》实施以来取得三方面成效：一是产业规模快速增长，二是创新能力显著提升，三是应用场景不断丰富。\n")
    assert measures(build(page)) == []  # results reached, not tasks
    page = ("宁安市数据局下半年工作要点\n区数据局将推动数字宁安再进阶：一是抓好规划引领，系统谋划发展规划；"
            "二是抓好机制落地，推动专题组实体化运行。\n")
    assert measure_titles(page) == ["抓好规划引领", "抓好机制落地"]


def test_a_task_title_may_open_with_a_manner_word():
    page = ("宁安市人工智能创新发展试验区建设若干政策\n"
            "全力招引培育人工智能头部企业。对人工智能头部企业将总部迁入宁安市的，给予一次性奖励。\n"
            "大力发展人工智能制造业重大项目。对总投资超过2亿元的项目，最高给予5亿元资金支持。\n"
            "全力以赴抓好各项工作。各部门要高度重视，确保各项政策落到实处。\n")
    assert measure_titles(page) == ["全力招引培育人工智能头部企业", "大力发展人工智能制造业重大项目"]


def test_an_item_named_as_a_part_of_the_document_is_no_measure():
    page = ("《宁安市算力产业创新发展措施》政策解读\n一、起草背景\n"
            "为加快算力建设，市工信局起草了《宁安市算力产业创新发展措施》。\n"
            "二、主要内容\n《措施》包括总体要求、支持措施两个部分。\n"
            "(一)总体要求\n共两部分，明确了指导思想和总体目标。\n"
            "(二)支持措施\n共八条，分别从算力供给、算力应用等方面提出支持措施。\n")
    assert measures(build(page)) == []
    page = ("宁安市人工智能产业发展行动方案\n一、总体要求\n(一)指导思想\n以创新为引领。\n"
            "(二)发展目标\n到2027年，产业规模突破500亿元。\n二、重点任务\n(一)建设算力平台。支持建设智能算力中心。\n")
    assert measure_titles(page) == ["指导思想", "发展目标", "建设算力平台"]


def test_a_section_heading_run_into_its_first_item_inside_a_flattened_paragraph():
    page = ("宁安市支持人工智能产业发展的若干政策措施\n"
            "为推动我市人工智能产业高质量发展，抢抓新一轮发展机遇，积极实施“人工智能+”行动，结合我市实际，制定本政策措施。一、加强重点领域支持力度1.提供低成本高品质产业空间。对入驻特定载体的企业，"
            "给予房租补贴。(责任单位:高新区)2.加强关键领域技术突破。采取“揭榜挂帅”等方式给予资金支持。\n")
    graph = build(page)
    assert measures(graph) == [("1.", "提供低成本高品质产业空间"), ("2.", "加强关键领域技术突破")]
    assert {m["section"] for m in measure_props(graph).values()} == {"加强重点领域支持力度"}


def test_a_report_listing_its_issuers_closed_by_their_count_alone_names_each():
    text = ("福建出台方案推进“人工智能+医疗”\n2025年04月30日08:41 | 来源:福建日报\n\n"
            "4月29日,福建省卫生健康委、省发改委、省科技厅、省数据局四部门印发了"
            "《福建省推进“人工智能+医疗”行动方案(2025—2029年)》。\n行动方案提出,到2027年,建成10个示范医院。\n")
    assert issuers(build(text)) == sorted(["福建省卫生健康委员会", "福建省发展和改革委员会", "福建省科学技术厅",
                                           "福建省数据局"])


def test_a_headline_naming_one_of_the_joint_issuers_gives_way_to_the_lead_listing_them_all():
    text = ("首页 > 新闻\n\n科技部等四部门联合印发《关于推进人工智能赋能基础研究的指导意见》\n\n"
            "来源:\n时间:2024-03-02 10:00:00\n\n"
            "近日，科学技术部、教育部、财政部、中国科学院等4个部门正式印发《关于推进人工智能赋能基础研究的指导意见》。\n"
            "《指导意见》提出，到2027年，建设10个人工智能科学计算平台。\n")
    assert issuers(build(text)) == sorted(["科学技术部", "教育部", "财政部", "中国科学院"])
    # with no fuller list, the headline's first body still names the issue (one of its bodies)
    headline_only = text.replace("近日，科学技术部、教育部、财政部、中国科学院等4个部门正式印发", "近日，印发了")
    assert issuers(build(headline_only)) == ["科学技术部"]


def test_a_report_that_lists_the_tasks_by_name_and_closes_with_their_count_has_those_measures():
    text = ("江北市推出“人工智能+医疗”行动方案\n来源:江北日报\n\n"
            "近日，江北市卫生健康委等6部门联合印发了《江北市推动“人工智能+医疗”行动方案》(以下简称《方案》)。\n"
            "《方案》围绕升级智慧医院基础设施、建设医疗大模型应用场景、培育医疗人工智能企业三大重点任务展开布局。\n"
            "在升级智慧医院基础设施方面，《方案》提出，推动全市医院算力互联互通；支持医院建设数据平台。\n")
    titles = [n.properties["title"] for n in sorted(build(text).by_label(Label.MEASURE), key=lambda n: n.id)]
    assert titles == ["升级智慧医院基础设施", "建设医疗大模型应用场景", "培育医疗人工智能企业"]
    # a list of fields, not tasks, is none
    fields = text.replace("升级智慧医院基础设施、建设医疗大模型应用场景、培育医疗人工智能企业",
                          "智慧医院、医疗大模型、医疗机器人")
    assert "智慧医院" not in [n.properties["title"] for n in build(fields).by_label(Label.MEASURE)]


def test_a_byline_time_printed_right_after_the_day_dates_the_report():
    text = ("福建出台方案推进“人工智能+医疗”\n2025年04月30日08:41 | 来源:福建日报\n\n"
            "4月29日,福建省卫生健康委印发了《福建省推进“人工智能+医疗”行动方案(2025—2029年)》。\n"
            "行动方案提出,到2027年,建成10个示范医院。\n")
    assert plan(build(text))["date_issued"] == "2025-04-29"


def test_a_count_of_groups_and_of_their_items_declares_the_items():
    text = ("福建出台方案推进“人工智能+医疗”\n来源:福建日报\n\n"
            "近日,福建省卫生健康委印发了《福建省推进“人工智能+医疗”行动方案(2025—2029年)》。\n"
            "行动方案明确了四大项12个小项重点任务,到2027年,建成10个示范医院。\n")
    assert plan(build(text))["measure_count_declared"] == 12


def test_the_office_that_signs_for_the_government_a_notice_title_names_is_no_second_issuer():
    notice = ("临江省宁安区人民政府关于印发宁安区数字经济行动计划的通知\n宁府发〔2025〕4号\n"
              "各镇人民政府，区政府各部门：\n现将《宁安区数字经济行动计划》印发给你们，请认真贯彻执行。\n")
    page = notice + "{signer}\n2025年3月2日\n宁安区数字经济行动计划\n" + BODY
    assert issuers(build(page.format(signer="宁安区人民政府办公室"))) == ["临江省宁安区人民政府"]
    # a signature of another body is a second issuer still
    assert issuers(build(page.format(signer="宁安区经济和信息化委员会"))) == [
        "临江省宁安区人民政府", "宁安区经济和信息化委员会"]


def test_a_reading_that_goes_through_the_chapters_of_the_document_lists_no_measures():
    page = ("《宁安区人工智能产业扶持办法》政策解读\n一、主要内容\n《办法》共三章，主要内容如下：\n"
            "（一）第一章总则，主要是对《办法》的制定依据、适用范围作出规定。\n"
            "（二）第二章支持措施，主要是对算力补贴、人才奖励的条件作出规定。\n"
            "（三）加大算力补贴。对企业租用算力给予补贴。\n")
    assert [title for _number, title in measures(build(page))] == ["加大算力补贴"]


def test_a_report_quoting_an_item_the_plan_sets_out_in_one_of_its_actions_names_a_measure():
    page = ("临江推进人工智能赋能养老服务\n来源:临江日报\n"
            "日前，临江省政府印发《临江省“人工智能+”行动方案》（以下简称《行动方案》）。{said}，"
            "包括推广智能陪护、远程问诊等服务新模式。\n")
    said = "《行动方案》在“人工智能+”民生服务行动中，明确提出“实施人工智能赋能养老行动”"
    assert measure_titles(page.format(said=said)) == ["实施人工智能赋能养老行动"]
    # what the plan is said to hope for in another part of the report is no item of it
    said = "《行动方案》发布后，市民期待“人工智能赋能养老”早日落地"
    assert measures(build(page.format(said=said))) == []


def test_a_national_joint_notice_signed_one_body_a_line_names_every_signer():
    """A signature block read upwards from the date goes on through an academy and the central bank
    (…科学院, …银行 end a signer's name) and names short national bodies in full."""
    text = ("国家数据局等部门关于印发《“算力+”三年行动计划(2025—2027年)》的通知\n各省、自治区、直辖市数据管理部门：\n"
            "现将《“算力+”三年行动计划(2025—2027年)》印发给你们，请结合实际认真贯彻落实。\n"
            "国家数据局\n中央网信办\n中国人民银行\n金融监管总局\n中国科学院\n国家中医药局\n2025年1月5日\n"
            "“算力+”三年行动计划\n(2025—2027年)\n一、总体要求\n到2027年，建成20个以上典型场景。\n")
    assert issuers(build(text)) == sorted(["国家数据局", "中央网络安全和信息化委员会办公室", "中国人民银行",
                                           "国家金融监督管理总局", "中国科学院", "国家中医药管理局"])


def test_a_notice_title_broken_before_its_period_and_end_still_names_its_issuer():
    text = ("宁夏回族自治区人民政府办公厅关于印发自治区算力产业发展行动方案\n(2025—2027年)的通知\n宁政办发〔2025〕3号\n"
            "各市、县（区）人民政府：\n经自治区人民政府同意，现将《宁夏回族自治区算力产业发展行动方案(2025—2027年)》"
            "印发给你们，请认真贯彻落实。\n2025年3月10日\n宁夏回族自治区算力产业发展行动方案(2025—2027年)\n"
            "一、总体要求\n到2027年，算力规模达到10万P。\n")
    assert issuers(build(text)) == ["宁夏回族自治区人民政府办公厅"]


def test_a_news_dateline_before_the_subject_is_not_the_issuer():
    """人民网北京…电 (记者…) opens the paragraph: the body after it issued the plan."""
    page = ("宁安日报临江3月8日电 (记者王某)宁安省科技厅近日印发《宁安省智能农机发展指导意见》(以下简称《指导意见》)，"
            "计划到2026年，初步建立智能农机创新体系。\n")
    assert written_issuers(page) == ["宁安省科技厅"]
    page = page.replace("宁安省科技厅近日", "近日")  # the dateline alone names no issuer
    assert written_issuers(page) == []


def test_a_department_of_a_national_body_issues_in_its_own_name():
    page = "国家数据局规划司近日印发了《农业数据资源开发利用2026年行动方案》，明确了年度目标。\n"
    assert issuers(build(page)) == ["国家数据局规划司"]
    page = "宁安智农科技有限公司近日发布了《农业数据资源开发利用2026年行动方案》，明确了年度目标。\n"
    assert issuers(build(page)) == []  # …公司 ends in 司 too, but is no department of a body


def test_a_body_that_made_the_plan_public_today_issues_it():
    page = (" date 2025-10-14 經濟部今(14)日公布「智慧製造推動方案」，預計投入新臺幣50億元。\n"
            "經濟部表示，方案包括「強化關鍵技術」、「培育產業人才」等推動主軸。\n")
    assert issuers(build(page)) == ["经济部"]
    # made public by whom the sentence does not say: no issuer
    assert issuers(build(page.replace("經濟部今(14)日公布", "今(14)日公布"))) == []


def test_the_government_whose_meeting_adopted_the_plan_issues_it():
    page = ("国务院常务会议审议通过《关于加快智能网联汽车发展的意见》\n"
            "新华社北京3月12日电 国务院总理3月12日主持召开国务院常务会议，审议通过《关于加快智能网联汽车发展的意见》。"
            "会议指出，要加快车路云一体化建设。\n")
    assert issuers(build(page)) == ["国务院"]
    page = ("宁安市市长主持召开市政府第8次常务会议，审议通过了《宁安市算力产业发展行动方案》。"
            "会议要求，加快建设城市智算中心。\n")
    assert issuers(build(page)) == ["宁安市人民政府"]
    # a notice's 《…》已经…常务会议审议通过，现印发给你们: the meeting comes after the plan, its notice issues
    page = "《宁安市算力产业发展行动方案》已经市政府常务会议审议通过，现印发给你们，请认真贯彻执行。\n" + BODY
    assert issuers(build(page)) == []


def test_the_press_office_that_releases_a_plan_at_its_conference_is_no_issuer():
    page = ("宁安市政府新闻办发布《宁安市智能网联汽车发展行动方案》\n2025-03-20 10:11 来源：宁安日报\n"
            "3月19日，市政府新闻办举行新闻发布会，发布《宁安市智能网联汽车发展行动方案》。"
            "《行动方案》提出，到2027年，建成智能网联示范道路500公里。\n")
    assert issuers(build(page)) == []
    # the body the same report says issued it does
    issued = page.replace("举行新闻发布会，发布《", "举行新闻发布会。市工信局近日印发《")
    assert issuers(build(issued)) == ["宁安市工业和信息化局"]


def test_a_passive_issue_for_implementation_names_the_issuer():
    page = ("宁安市召开新闻发布会 解读《宁安市数字农业发展行动计划》\n"
            "《行动计划》经市政府常务会议审议通过，已由市政府印发实施。\n《行动计划》提出，到2027年，建成20个数字农场。\n")
    assert issuers(build(page)) == ["宁安市人民政府"]


def test_a_passive_issue_with_no_object_names_the_issuer_of_the_plan_its_sentence_opens_with():
    page = ("宁安市数字农业大会召开 通报《宁安市数字农业发展行动方案(2025—2027年)》内容\n"
            "市农业农村局局长通报宁安数字农业行动方案经市政府常务会议审议通过，已由市政府办公室印发，明确将打造数字农业高地。\n")
    assert issuers(build(page)) == ["宁安市人民政府办公室"]
    page = page.replace("行动方案经", "工作经")  # what was issued is not said to be the plan
    assert issuers(build(page)) == []


def test_a_yearly_statement_quoted_under_its_bare_genre_is_the_plan_and_a_running_programme_is_cited():
    page = (" date 2030-02-26 新一份《財政預算案》今（26日）公布，政府將推動香港數據產業發展。\n"
            "政府將成立「數據產業發展委員會」，統籌產業發展。\n"
            "去年政府推出的20億元「數據研發資助計劃」，已資助15個項目。\n")
    got = plan(build(page))
    assert (got["title"], got["kind"], got["date_published"]) == ("財政預算案", "财政预算案", "2030-02-26")
    # without the statement, the programme already running is still not the page's plan
    def title(text: str) -> str | None:
        return read_metadata(layout(prepare(RawDocument("doc.txt", text)))).title_text

    running = page.replace("新一份《財政預算案》今（26日）公布，", "")
    assert title(running) is None
    # a programme launched now is: 政府將推出「…計劃」
    launched = running.replace("去年政府推出的20億元「數據研發資助計劃」，已資助15個項目",
                               "政府將推出「數據研發資助計劃」")
    assert title(launched) == "数据研发资助计划"


def test_a_statements_new_bodies_and_funds_named_in_quotes_are_its_measures():
    page = (" date 2030-10-16 行政長官今日（16日）在立法會發表2030年《施政報告》，推動香港創科發展。\n"
            "政府將成立「低空經濟發展辦公室」，統籌低空經濟發展。此外，增設50億元「數據產業投資基金」，投資數據企業。\n"
            "去年政府推出的20億元「數據研發資助計劃」，已資助15個項目。政府亦已成立「數字轉型專責小組」。\n")
    titles = measure_titles(page)
    assert titles == ["成立「低空經濟發展辦公室」", "增設50億元「數據產業投資基金」"]  # not what is running already
    # one announcement alone is no list of the statement's steps
    one = page.replace("此外，增設50億元「數據產業投資基金」，投資數據企業。", "")
    assert measures(build(one)) == []


def test_a_taiwan_title_with_its_period_in_roc_years_and_the_cabinet_meeting_that_passed_it():
    page = (" date 2030-05-08 行政院會今（8）日通過「智慧農業推動計畫（120至123年）」，預計4年投入新臺幣80億元。\n"
            "農業部表示，計畫目標在2034年前打造30個智慧農場。\n")
    graph = build(page)
    got = plan(graph)
    assert (got["title"], got["period_start"], got["period_end"]) == ("智慧農業推動計畫（120至123年）", 2031, 2034)
    assert issuers(graph) == ["行政院"]
    # 行政院會同各部會: a joint verb, no meeting
    joint = page.replace("行政院會今（8）日通過", "行政院會同各部會研擬")
    assert issuers(build(joint)) == []


def test_a_bill_is_named_without_its_cao_an_and_the_programme_it_sits_under_is_cited():
    page = (" date 2030-03-02 經行政院院會審查，通過「數位身分基本法草案」，以建立數位身分的基本方針。\n"
            "行政院於「數位國家方案（2026-2030）」框架下推動數位政策。\n")
    graph = build(page)
    got = plan(graph)
    assert (got["title"], got["kind"]) == ("數位身分基本法", "基本法")
    assert issuers(graph) == ["行政院"]


def test_a_body_known_by_a_short_name_that_ends_like_no_body_issues_in_a_report():
    page = (" date 2030-03-12 國發會今(12)日公布「國家發展計畫（120至123年）」，規劃未來4年國家發展方向。\n"
            "計畫目標在2034年前經濟成長率達到3%。\n")
    assert issuers(build(page)) == ["国家发展委员会"]  # agencies.csv knows 国发会
    # an unknown name ending in 会 is no body
    assert issuers(build(page.replace("國發會", "論壇大會"))) == []


def test_a_regulation_is_issued_and_dated_by_the_session_that_adopted_it():
    text = ("宁安市数据条例\n（2030年6月20日宁安市第十九届人民代表大会常务委员会第八次会议通过）\n"
            "第一章 总则\n第一条 为了促进数据开发利用，制定本条例。\n第二条 市人民政府应当统筹数据工作。\n")
    graph = build(text)
    assert issuers(graph) == ["宁安市人民代表大会常务委员会"]
    assert plan(graph)["date_issued"] == "2030-06-20"
    report = ("《宁安市数据条例》下月起施行\n"
              "6月20日，宁安市第十九届人民代表大会常务委员会第八次会议审议通过《宁安市数据条例》。\n")
    assert issuers(build(report)) == ["宁安市人民代表大会常务委员会"]
    # a note without its session names no one
    assert issuers(build(text.replace("宁安市第十九届人民代表大会常务委员会第八次会议通过", "公布"))) == []


def test_the_chief_executive_who_delivers_a_policy_address_issues_it():
    """An office that issues in its own name, written with its holder's name and a venue; a title with
    its edition year after the genre word (施政報告 2030) is that year's."""
    page = ("《施政報告 2030》科技重點\n"
            "行政長官陳某某於今天(12 日)在立法會發表任內第三份施政報告，政府將推動香港科技發展。\n"
            "政府將於明年成立「香港數據科學研究院」。\n")
    graph = build(page)
    got = plan(graph)
    assert (got["title"], got["kind"]) == ("施政報告 2030", "施政报告")
    assert (got["period_start"], got["period_end"]) == (2030, 2030)
    assert issuers(graph) == ["香港特别行政区行政长官"]
    page = page.replace("發表任內第三份施政報告", "出席論壇")  # speaking at a forum issues nothing
    assert issuers(build(page)) == []


def test_a_plan_carried_out_after_a_combining_verb_is_the_plan_not_a_citation():
    """结合 cites the document it takes as its own object (结合《…》); 已结合专业机构规划执行「…計畫」 leaves
    the quote to the verb of carrying out. Its span of ROC years (民國116年至120年) is its period."""
    page = ("宜蘭縣 農業處今天在縣務會議報告，今年已結合專業機構規劃執行「智慧農業人才培育計畫」並獲經費補助，"
            "預計民國116年至120年間逐年推展落實。\n")
    got = plan(build(page))
    assert (got["title"], got["kind"]) == ("智慧農業人才培育計畫", "计划")
    assert (got["period_start"], got["period_end"]) == (2027, 2031)
    page = page.replace("規劃執行「智慧農業人才培育計畫」", "「智慧農業人才培育計畫」")  # 結合「…」: cited
    with pytest.raises(SourceError):
        build(page)


def test_a_notice_that_sets_up_a_working_group_is_read_though_it_prints_no_plan():
    """An untitled notice (its addressees, then 现将有关事项通知如下) is an official document: the group
    it sets up and the bureau hosting the group's office coordinate; its member list is no heading."""
    page = ("各县（区）人民政府，市人民政府各工作部门：\n"
            "为加强统筹协调，市政府决定成立宁安市智能农机推进工作专班（以下简称工作专班）。现将有关事项通知如下。\n"
            "一、人员组成\n组 长：王某 市政府副市长\n李某 市农业农村局局长\n"
            "工作专班办公室设在市农业农村局，承担专班日常工作。\n")
    graph = build(page, "zhuanban.txt")
    coordinators = sorted(graph.nodes[r.start].properties["name"] for r in graph.relationships.values()
                          if r.type == Rel.COORDINATES)
    assert coordinators == ["宁安市智能农机推进工作专班", "市农业农村局"]
    assert plan(graph)["title"] == "zhuanban.txt"  # no line under the addressees is taken as its title
    with pytest.raises(SourceError):  # without the notice's addressees it is no document
        build(page.replace("各县（区）人民政府，市人民政府各工作部门：\n", ""))


def test_a_portals_weather_box_names_no_place():
    page = ("臺南市\n27°\n( 28° / 25° )\n氣象\n"
            "行政院今天通過「智慧農業數位轉型推動方案」，盼提升農業效能。\n")
    graph = build(page)
    assert [n.properties["name"] for n in graph.by_label(Label.CITY)] == []


def test_the_peoples_congress_that_adopted_an_outline_issues_it():
    page = ("海口网2月7日电 海南省人大常委会6日召开新闻发布会，介绍海南省十五届人大三次会议通过的"
            "《海南省国民经济和社会发展第十五个五年规划纲要》相关情况。\n《纲要》部署了人工智能等领域的重大任务。\n")
    assert issuers(build(page)) == ["海南省人民代表大会"]
    page = page.replace("人大三次会议通过的", "人大三次会议前印发的")  # not said to adopt it
    assert issuers(build(page)) == []


def test_a_repost_crediting_a_bodys_own_website_credits_the_body():
    body = ("宁安省关于促进智能农机发展的意见\n(征求意见稿)\n为促进智能农机发展，制定意见如下。\n"
            "一、重点任务\n（一）建设试验基地。\n")
    page = "2024-08-13 10:52:00宁安省农业农村厅网站 浏览:\n" + body
    assert written_issuers(page) == ["宁安省农业农村厅"]
    page = "2024-08-13 10:52:00宁安日报网站 浏览:\n" + body  # a paper's site is no body
    assert written_issuers(page) == []


def test_a_headline_opening_with_the_number_of_items_declares_the_count():
    page = ("12条！宁安市智能农机发展2026年工作要点发布\n宁安市智能农机发展2026年工作要点\n"
            "一、重点任务\n1.建设试验基地。\n2.培育骨干企业。\n")
    assert plan(build(page))["measure_count_declared"] == 12
    page = page.replace("2026年工作要点发布", "2026年工作会议召开")
    assert plan(build(page)).get("measure_count_declared") is None  # a headline about something else


def test_a_reports_listed_layers_described_bare_one_by_one_are_measures():
    """《…》从A层、B层、C层，对…界定。相关人士介绍，A层，以…: a listed layer opening its sentence (also after
    a speaker) is an area described, without 方面."""
    page = ("《宁安市智能农机产业发展三年行动计划》从感知装备层、整机制造层、应用服务层，对产业进行了界定。"
            "相关人士介绍，感知装备层，以农业传感器为主攻方向，加快芯片研制。整机制造层，以无人农机为主攻方向，"
            "突破关键技术。应用服务层，以智慧农场为主攻方向，推动示范应用。\n")
    assert measures(build(page)) == [(None, "感知装备层"), (None, "整机制造层"), (None, "应用服务层")]
    page = page.replace("从感知装备层、整机制造层、应用服务层，对产业进行了界定。", "已正式印发。")
    assert (None, "感知装备层") not in measures(build(page))  # never listed: the reporter's wording


def test_a_page_without_a_title_takes_neither_a_document_to_draft_nor_a_symbol_banner_as_one():
    page = ("2026年下半年，区农业局将抓好以下工作。\n"
            "1.推动数字农业再进阶。一是抓好规划引领。研究谋划数字农业发展规划，制定印发《数字农业三年行动计划》。\n"
            "2.到2026年，建成智慧农场10个。\n")
    assert plan(build(page, "work.txt"))["title"] == "work.txt"
    assert plan(build("☩官方app下载☪\n" + page, "work.txt"))["title"] == "work.txt"


def test_the_office_numbering_a_notice_in_its_own_series_is_the_issuer_the_government_title_names():
    notice = ("临江省宁安区人民政府关于印发宁安区数据资源开发利用方案的通知\n{number}\n"
              "各镇人民政府，区政府各部门：\n现将《宁安区数据资源开发利用方案》印发给你们，请认真组织实施。\n"
              "宁安区人民政府办公室\n2025年3月2日\n宁安区数据资源开发利用方案\n" + BODY)
    # 宁政办〔…〕: the general office's series, so the office signed and issued it
    assert issuers(build(notice.format(number="宁政办〔2025〕7号"))) == ["宁安区人民政府办公室"]
    assert issuers(build(notice.format(number="宁区政办发〔2025〕7号"))) == ["宁安区人民政府办公室"]
    # 宁府发〔…〕: the government's own series; the office only sealed it
    assert issuers(build(notice.format(number="宁府发〔2025〕7号"))) == ["临江省宁安区人民政府"]


def test_a_document_sharing_page_names_the_file_and_runs_the_notice_together():
    # a .docx shared on a document site: its file name heads the page, the notice's lines run together
    page = ("宁安市算力基础设施发展规划(2024—2026年).docx\n"
            "1、宁安市人民政府办公室关于印发宁安市算力基础设施发展规划(20242026年)的通知宁政办发(2024) 12号"
            "各县(市、区)人民政府,市政府各部门:宁安市算力基础设施发展规划已经市人民政府同意,现印发给你们,"
            "请认真组织实施。宁安市人民政府办公室2024年4月18日宁安市算力基础设施发展规划(20242026年)"
            "算力是数字经济的核心生产力。\n一、发展基础\n全市已建成数据中心12个。\n")
    got = plan(build(page))
    assert (got["title"], got["period_start"], got["period_end"]) == (
        "宁安市算力基础设施发展规划(2024—2026年)", 2024, 2026)
    assert (got["doc_number"], got["date_issued"]) == ("宁政办发〔2024〕12号", "2024-04-18")
    assert issuers(build(page)) == ["宁安市人民政府办公室"]  # the page number 1、 is not part of the name
    # a date run into a sentence that is no notice's end signs nothing
    page = ("宁安市算力基础设施发展规划\n一、发展基础\n算力建设取得进展。市数据局2024年4月18日召开推进会。\n")
    assert plan(build(page)).get("date_issued") is None


def test_a_byline_of_fields_above_a_broken_title_is_no_part_of_it():
    page = ("宁安市数据产业发展专项资金管理办法来源:某某孵化平台\n时间:2025-05-06 阅读:12次\n"
            "宁安市数据产业发展专项\n资金管理办法\n第一章 总则\n第一条 为规范专项资金管理，制定本办法。\n")
    assert plan(build(page))["title"].replace(" ", "") == "宁安市数据产业发展专项资金管理办法"


def test_a_chapter_and_article_number_a_pdf_spaced_out_still_open_them():
    # a PDF's text flattened to one line: its line breaks are blanks, and so are the gaps it spaced out
    page = ("宁安市数据产业发展专项资金管理办法 第 一 章总则 第 一 条为规范专项资金管理，加大数据产业培育力度，"
            "提高资金使用效益，制定本办法。 第二条专项资金由市数据局管理。 第 二 章支持方向 第三条支持"
            "企业建设行业数据流通平台。 第四条支持企业开发数据产品。\n")
    got = measures(build(page))
    assert [number for number, _ in got] == ["第一条", "第二条", "第三条", "第四条"]


def test_a_drafter_that_takes_the_comments_on_its_draft_issues_it():
    page = ("为加快人工智能产业发展，宁安市科技局起草了《宁安市支持人工智能产业发展的若干措施（征求意见稿）》。"
            "现面向社会公开征求意见，如有意见建议，请向市科技局反馈。\n征求意见时间：2025年5月6日至5月20日。\n"
            "宁安市支持人工智能产业发展的若干措施（征求意见稿）\n" + BODY)
    assert written_issuers(page) == ["宁安市科技局"]
    # drafting alone, the comments sent to a mailbox: the drafter is not said to issue it
    mailbox = page.replace("请向市科技局反馈", "请反馈至邮箱ai@example.cn")
    assert written_issuers(mailbox) == []


LONG = ("推动算力基础设施建设，提升智能算力供给能力，完善算力调度平台，支持企业开展大模型训练和推理应用，"
        "加快建设一批行业数据集和高质量语料库，培育一批算力服务企业和应用场景")


def test_a_document_sites_page_numbers_number_no_items():
    page = ("宁安市算力基础设施发展规划\n"
            f"1、宁安市算力基础设施发展规划。{LONG}，{LONG}，建设\n"
            f"2、数据中心集群。{LONG}，{LONG}，形成\n3、完善的算力网络。{LONG}。\n")
    assert measures(build(page)) == []
    # long items that end their sentences are items, however long
    items = f"宁安市算力基础设施发展规划\n一、重点任务\n1、建设算力设施。{LONG}。\n2、培育算力企业。{LONG}。\n"
    assert [number for number, _ in measures(build(items))] == ["1、", "2、"]


def test_a_headline_opening_with_the_count_of_the_plans_articles_declares_it():
    page = ("18条！宁安市数字经济2025年工作要点发布\n"
            "宁安市数字经济2025年工作要点\n一、夯实数字基础\n1.建设算力设施。支持建设智算中心。\n")
    assert plan(build(page))["measure_count_declared"] == 18
    # a count before another headline is not the plan's
    other = page.replace("18条！宁安市数字经济2025年工作要点发布", "18条！宁安市出台人才新政")
    assert plan(build(other)).get("measure_count_declared") is None


def test_a_readings_bullet_names_its_item_before_the_colon():
    text = ("宁安市无人机产业行动方案解读\n"
            "近日，宁安市工业和信息化局印发了《宁安市无人机产业发展行动方案》(以下简称《方案》)。\n"
            "二、《方案》的主要内容\n"
            "1. 重点产品\n"
            "- 物流无人机：如支线货运机型、末端配送机型等，拓展低空物流。\n"
            "- 整机测试平台\n"
            "- 巡检无人机：包括电力巡检、管道巡检等，提升巡检效率。\n")
    got = measure_titles(text)
    assert "物流无人机" in got and "巡检无人机" in got
    assert not any("如支线" in t for t in got)
    assert "整机测试平台" in got  # a bullet with no colon keeps its whole line


def test_a_reports_counted_tasks_it_explains_by_listing_them_are_measures():
    text = ("宁安市审议通过数字农业发展规划\n"
            "宁安市人大常委会审议通过了《宁安市数字农业发展规划(2024-2028)》。\n"
            "《规划》提出“一个目标、三项任务”。“三项任务”，就是建设农业数据平台、推进智能农机应用、"
            "培育数字农业企业。\n")
    got = measure_titles(text)
    assert got == ["建设农业数据平台", "推进智能农机应用", "培育数字农业企业"]
    # a count that does not match the list, or a list of fields, is no list of tasks
    assert "建设农业数据平台" not in measure_titles(text.replace("三项任务”，", "四项任务”，"))
    fields = text.replace("建设农业数据平台、推进智能农机应用、培育数字农业企业", "智慧种植、智慧畜牧、智慧渔业")
    assert "智慧种植" not in measure_titles(fields)



def test_a_qa_pages_counted_programmes_listed_by_name_are_measures_and_their_count():
    text = ("关于《宁安市智能装备产业行动计划(2024—2027年)》的政策问答\n"
            "《宁安市智能装备产业行动计划(2024—2027年)》的主要内容\n"
            "围绕“3大优势产业”，大力实施5大工程，推动产业高质量发展。\n"
            "“3大优势产业”具体包括：机床装备、农机装备、动力装备3大优势产业集群。\n"
            "5大工程具体包括：组织实施核心部件攻关工程、工业软件赋能工程、链主企业培育工程、"
            "场景开放示范工程、品牌质量提升工程。\n")
    got = build(text)
    assert [t for _n, t in measures(got)] == ["核心部件攻关工程", "工业软件赋能工程", "链主企业培育工程",
                                              "场景开放示范工程", "品牌质量提升工程"]
    assert plan(got)["measure_count_declared"] == 5
    # names that do not all end in what the count counts are fields, not programmes
    fields = text.replace("品牌质量提升工程。", "品牌质量提升。")
    assert "核心部件攻关工程" not in measure_titles(fields)


def test_a_reports_highlights_named_by_a_slogan_word_are_no_measures():
    text = ("宁安市人工智能奖励政策亮点多\n"
            "6月18日，宁安市正式印发《宁安市人工智能产业奖励实施细则》，明确奖励标准。\n"
            "亮点一：快\n急企业之所急，快速兑现政策资金，做到即报即审。\n"
            "亮点二：准\n解企业之所难，精准解决企业发展难题。\n")
    assert not any(n and n.startswith("亮点") for n, _t in measures(build(text)))
    tasks = text.replace("亮点一：快", "亮点一：发放算力券降低成本").replace("亮点二：准", "亮点二：支持大模型创新")
    assert measure_titles(tasks) == ["发放算力券降低成本", "支持大模型创新"]


def test_the_file_names_listed_under_a_notices_annex_label_are_no_measures():
    page = ("临江市科学技术局关于公开征求《临江市算力产业资金管理办法(征求意见稿)》意见的公告\n"
            "现公开向社会征求意见。其中指出，支持建设智能算力中心。\n特此公告。\n附件:\n"
            "1. 关于《临江市算力产业资金管理办法(征求意见稿)》的说明.docx\n"
            "2. 临江市算力产业资金管理\n")
    got = measure_titles(page)
    assert not any("说明" in t or t.startswith("临江市算力产业资金") for t in got)
    # numbered items with sentences under the label are the annexed plan's own items
    plan_text = page.replace("1. 关于", "1. 建设智能算力中心。支持企业建设。\n2. 关于")
    assert "建设智能算力中心" in measure_titles(plan_text)

def test_annex_entries_that_are_files_papers_on_the_document_or_forms_are_no_measures():
    notice = ("临江市工业和信息化局关于公开征求《临江市工业互联网发展若干措施（征求意见稿）》意见的公告\n"
              "为推动工业互联网发展，我局起草了《临江市工业互联网发展若干措施（征求意见稿）》，现公开征求意见。\n")
    inline = notice + ("附件：1.临江市工业互联网发展若干措施（征求意见稿）\n"
                       "2.关于《临江市工业互联网发展若干措施（征求意见稿）》的起草说明\n临江市工业和信息化局\n")
    assert measures(build(inline)) == []
    files = notice + "附件：\n1、临江市工业互联网发展若干措施（征求意见稿）.pdf\n2、公众意见反馈表.docx\n"
    assert measures(build(files)) == []
    # an item that carries a task, under the same label, is still the plan's
    tasks = notice + "附件：\n1、建设工业互联网平台。支持企业建设行业平台。\n2、培育解决方案服务商。给予奖励。\n"
    assert measure_titles(tasks) == ["建设工业互联网平台", "培育解决方案服务商"]


def test_a_report_that_introduces_the_plan_as_a_document_before_its_title_or_says_it_was_launched():
    page = ("近日，宁安市科学技术局发布了一份重要的指导文件——《宁安市人工智能赋能千行百业行动方案(2025—2027)》"
            "(以下简称《方案》)。\n" + BODY)
    assert written_issuers(page) == ["宁安市科学技术局"]
    page = "启动会上，武侯区推出《武侯区“一链一策”实施方案》，聚焦五大产业。\n" + BODY
    assert written_issuers(page) == ["武侯区人民政府"]
    page = "近日，宁安市科学技术局发布了一份调查报告，引用了《宁安市人工智能赋能千行百业行动方案(2025—2027)》。\n"
    assert written_issuers(page) == []  # the document it released is another: the plan follows no apposition


def test_a_reports_task_heading_over_its_paragraphs_and_a_continued_pages_top_paragraphs():
    text = ("宁安市低空经济试验区怎么建 实施方案明确四大任务\n"
            "2024年03月02日 宁安日报\n\n"
            "(上接一版)以打造低空物流网络为目标,依托物流龙头企业,在城东片区开通无人机配送航线,逐步实现常态化运营。\n\n"
            "培育低空制造产业\n\n"
            "实施整机研发专项,支持重点企业开展电动垂直起降飞行器研制,建设一批整机测试平台。\n\n"
            "完善产业配套体系。引进培育动力电池、飞控系统等配套企业,形成本地配套能力,推动产业链上下游协同发展。\n\n"
            "建设低空人才队伍。支持职业院校")
    got = measure_titles(text)
    assert got == ["以打造低空物流网络为目标", "实施整机研发专项", "完善产业配套体系", "建设低空人才队伍"]
    # without the continuation mark, the paragraph above the heading is the report's lead, no measure
    lead = text.replace("(上接一版)", "")
    assert "以打造低空物流网络为目标" not in measure_titles(lead)


def test_a_reports_listed_fields_each_opening_its_chain_with_its_four_character_task_are_measures():
    """聚焦A、B、C三大产业…其中，A链扩容提质，…: a 链长制 report sets each listed field's chain a task in four
    characters, one sentence each."""
    page = ("武侯区推出《“一链一长”工作方案》，聚焦数字文创、低空经济、“康养+”三大产业。\n"
            "其中，数字文创链做强做优，发挥文博资源优势，培育内容企业。低空经济链提速扩面，建设起降设施，"
            "拓展应用场景。\n“康养+”链融合发展，联动医疗机构，发展智慧康养。\n")
    assert measures(build(page)) == [(None, "数字文创链做强做优"), (None, "低空经济链提速扩面"),
                                     (None, "“康养+”链融合发展")]
    page = page.replace("聚焦数字文创、低空经济、“康养+”三大产业", "聚焦三大产业")
    assert (None, "数字文创链做强做优") not in measures(build(page))  # fields never listed


def test_a_task_the_report_calls_a_key_step_of_the_plan_is_a_measure():
    page = ("宁安印发《宁安市“人工智能+医疗”行动方案》\n"
            "5月6日，宁安市卫生健康委等三部门印发了《宁安市“人工智能+医疗”行动方案》。\n"
            "此外，搭建医疗人工智能产学研联盟也是行动方案中的关键一步。联盟将汇聚高校和医院的力量，推动成果转化。\n")
    assert (None, "搭建医疗人工智能产学研联盟") in measures(build(page))
    # a fact the report calls a highlight is no task
    fact = page.replace("搭建医疗人工智能产学研联盟也是", "三部门联合发文也是")
    assert all("三部门" not in t for _n, t in measures(build(fact)))


def test_a_readings_announced_list_cut_after_its_first_item_keeps_that_item_by_its_first_clause():
    page = ("为规范公共数据开发利用，宁安市数据局起草了《宁安市公共数据授权运营管理办法》(以下简称《管理办法》)。\n"
            "2024年3月市人民政府印发的《宁安市数字经济促进条例》明确提出探索开展数据授权运营。\n"
            "《管理办法》起草过程中考虑了以下3个重点：\n"
            "一是建立“统一授权+分级开发”的运营模式，打造充分竞争的")
    got = measures(build(page))
    assert got == [("一是", "建立“统一授权+分级开发”的运营模式")]  # not the cited document's item
    # a lone 一是 that no line announces is no list
    alone = page.replace("考虑了以下3个重点：", "作了考虑。")
    assert ("一是", "建立“统一授权+分级开发”的运营模式") not in measures(build(alone))


def test_paragraphs_opening_with_a_task_clause_before_a_task_title_paragraph_are_its_siblings():
    page = ("近日，宁安市人民政府印发关于加快发展低空经济的指导意见(以下简称《意见》)。\n"
            "无人机、通用航空和低空服务，是《意见》罗列出的低空经济核心产业。\n"
            "加快推进低空产业园和起降场建设，打造“宁安—临江”低空产业走廊，建设3个低空产业基地。\n"
            "加强低空飞行器关键技术攻关，培育整机和零部件龙头企业被着重提出。\n"
            "打造低空物流领域示范场景。宁安正积极开展城区无人机配送试点，要率先实现常态化运营。\n")
    got = measure_titles(page)
    assert got == ["加快推进低空产业园和起降场建设", "加强低空飞行器关键技术攻关", "打造低空物流领域示范场景"]
    # a paragraph that does not open with a task stops the run
    narrated = page.replace("加强低空飞行器关键技术攻关，", "记者了解到，")
    assert "加快推进低空产业园和起降场建设" not in measure_titles(narrated)


def test_a_reports_points_headed_by_a_short_phrase_the_plan_stresses_are_its_measures():
    page = ("本报讯 国家数据局近日印发《公共数据授权运营指引》（以下简称《指引》）。"
            "《指引》强调分级授权。各地应按数据类别确定授权方式。《指引》强调收益共享。运营收益应按约定分配。\n")
    assert measures(build(page)) == [(None, "分级授权"), (None, "收益共享")]
    # one such sentence alone is a remark, not a list of points
    page = ("本报讯 国家数据局近日印发《公共数据授权运营指引》（以下简称《指引》）。"
            "《指引》强调分级授权。各地应据此推进。\n")
    assert measures(build(page)) == []


def test_tasks_a_report_names_in_one_sentence_and_then_describes_are_measures():
    page = ("本报讯 江北市政府办公厅日前印发《江北市数字经济三年行动计划》。\n"
            "在数字基建行动中，明确加快部署千兆光网、加快建设智算中心、深化数据要素流通。\n"
            "在智算中心建设方面，打造两个大型智算中心。\n"
            "在数据要素流通方面，建设数据交易平台。\n")
    assert measures(build(page)) == [(None, "加快部署千兆光网"), (None, "加快建设智算中心"), (None, "深化数据要素流通")]
    # a list the report does not go on to describe is a summary, not the plan's task list
    page = ("本报讯 江北市政府办公厅日前印发《江北市数字经济三年行动计划》。\n"
            "在数字基建行动中，明确加快部署千兆光网、加快建设智算中心、深化数据要素流通。\n"
            "该计划还对人才培养作出安排。\n")
    assert measures(build(page)) == []


def test_a_reports_quoted_parts_closed_by_their_count_and_then_described_are_measures():
    page = ("部會今日聽取交通部「南部智慧物流推動方案」進度報告。本方案規劃「港區物流智慧化」、「冷鏈數位轉型」、"
            "「人才培育扎根」等三大策略主軸。\n"
            "在策略一「港區物流智慧化」部分，已導入自動化碼頭。\n"
            "在策略二「冷鏈數位轉型」部分，已成立冷鏈聯盟。\n")
    assert measure_titles(page) == ["港區物流智慧化", "冷鏈數位轉型", "人才培育扎根"]
    # the quoted projects the paragraph on a part says it carries out are that part's items
    described = page.replace("已導入自動化碼頭。",
                             "已推動「碼頭自動化升級」，導入自動化吊車；「倉儲智慧排程」則導入AI排程。")
    graph = build(described)
    found = {n.properties["title"]: n.properties for n in graph.by_label(Label.MEASURE)}
    assert {"碼頭自動化升級", "倉儲智慧排程"} <= set(found)
    parents = {graph.nodes[r.start].properties["title"]: graph.nodes[r.end].properties["title"]
               for r in graph.relationships.values() if r.type == Rel.PART_OF}
    assert parents["碼頭自動化升級"] == parents["倉儲智慧排程"] == "港區物流智慧化"
    # a count that is not the number of names quoted closes no list of parts
    page = page.replace("等三大策略主軸", "等四大策略主軸")
    assert measures(build(page)) == []


def test_a_blank_before_an_items_number_in_a_flattened_page_is_a_lost_line_break():
    page = ("宁安市数据局2026年工作要点\n"
            "为推进数据工作，特制定要点如下： 一、总体要求 坚持系统推进，持续提升公共数据质量和数据平台支撑能力。"
            " 二、重点任务 (一)全面提升公共数据质量，支撑数据要素市场化配置改革 1.加大数据归集力度。持续推进数据归集。"
            " 2.提升数据治理水平。健全数据质量规则。\n")
    titles = measure_titles(page)
    assert "加大数据归集力度" in titles and "提升数据治理水平" in titles
    assert not any("1." in title for title in titles)


def test_a_portals_fields_one_label_a_line_without_colons_are_read():
    page = ("索引号\n011450000/2026-00031\n文件类型\n通知\n发布日期\n2026年04月02日 09:15:10\n"
            "宁安市数据局2026年工作要点\n" + BODY)
    assert plan(build(page))["date_published"] == "2026-04-02"
    # a single label over a line is a heading or a word, not a list of fields
    page = "发布日期\n宁安市数据局2026年工作要点\n" + BODY
    assert plan(build(page)).get("date_published") is None


def test_a_pages_generation_date_gives_way_to_its_publication_date_and_a_file_number_is_its_wen_hao():
    page = ("文件编号:宁政办发〔2026〕3号 发布机构:宁安市人民政府办公室\n"
            "生成日期:2026-01-11 公开日期:2026-01-25\n"
            "宁安市数据要素发展行动方案\n" + BODY)
    found = plan(build(page))
    assert (found["doc_number"], found["date_published"]) == ("宁政办发〔2026〕3号", "2026-01-25")


def test_a_reports_actions_listed_by_name_and_closed_by_their_count():
    page = ("据悉，《宁安市数字经济行动计划(2023—2025年)》近日出炉。\n"
            "《行动计划》将实施算力网络“筑底”、工业互联网赋能提升行动、数据资源汇聚和数字人才引育等四大行动，"
            "推动数字经济发展。\n")
    graph = build(page)
    assert [title for _, title in measures(graph)] == [
        "算力网络“筑底”", "工业互联网赋能提升行动", "数据资源汇聚", "数字人才引育"]
    assert plan(graph)["measure_count_declared"] == 4
    # a list whose length is not its count is not the plan's actions
    page = ("据悉，《宁安市数字经济行动计划(2023—2025年)》近日出炉。\n"
            "《行动计划》将实施算力网络“筑底”、工业互联网赋能提升行动和数字人才引育等五大行动，推动发展。\n")
    graph = build(page)
    assert measures(graph) == []
    assert "measure_count_declared" not in plan(graph)


REPORT_LEAD = "近日，临江市人民政府办公室印发《临江市智能制造发展行动计划(2025—2027年)》(以下简称《行动计划》)。\n"


@pytest.mark.parametrize("sentence, names", [
    # closed by the count: with or without 等, the count's noun an action, a project, a task
    ("《行动计划》提出实施智能工厂建设、工业软件攻关、产业链协同三大行动。",
     ["智能工厂建设", "工业软件攻关", "产业链协同"]),
    ("《行动计划》提出，重点实施智能工厂建设工程、工业软件攻关工程以及产业链协同工程三大工程。",
     ["智能工厂建设工程", "工业软件攻关工程", "产业链协同工程"]),
    ("该计划将组织实施智能工厂建设、工业软件攻关两大专项行动，推动制造业升级。",
     ["智能工厂建设", "工业软件攻关"]),
    ("行动计划明确实施“智造领航”“软件铸魂”“链群共兴”三项工程。", ["“智造领航”", "“软件铸魂”", "“链群共兴”"]),
    ("《行動計畫》將推動智慧工廠建設、工業軟體攻關和產業鏈協同等三大行動。",
     ["智慧工廠建設", "工業軟體攻關", "產業鏈協同"]),
    # opened by the count: a colon or a word that explains it after the count
    ("《行动计划》部署了三大行动：智能工厂建设行动、工业软件攻关行动和产业链协同行动。",
     ["智能工厂建设行动", "工业软件攻关行动", "产业链协同行动"]),
    ("《行动计划》提出实施三大工程，即智能工厂建设工程、工业软件攻关工程、产业链协同工程。",
     ["智能工厂建设工程", "工业软件攻关工程", "产业链协同工程"]),
])
def test_a_plans_actions_a_report_lists_in_one_sentence_with_their_count(sentence, names):
    graph = build(REPORT_LEAD + sentence + "\n")
    assert [title for _n, title in measures(graph)] == names
    assert plan(graph)["measure_count_declared"] == len(names)


@pytest.mark.parametrize("sentence", [
    "《行动计划》聚焦高端装备、工业软件、智能终端三大产业，推动集群发展。",  # fields, not actions
    "《行动计划》从智能工厂、工业软件、产业链等三个方面提出20项重点任务。",  # areas of the tasks
    "《行动计划》提出实施智能工厂建设、工业软件攻关和产业链协同等四大行动。",  # a count that is not the list's
    # the plan is no subject of the verb: a chain of clauses before it (a plan's own frame, a summary)
    "该计划以“强基础、优生态”为路径，聚焦重点领域，实施智能工厂建设、工业软件攻关、产业链协同三大行动。",
    "《行动计划》提出“一个目标、三项任务”。“三项任务”，就是智能工厂、工业软件、产业链。",  # fields explained
])
def test_a_list_a_report_does_not_give_as_the_plans_counted_actions_names_no_measures(sentence):
    graph = build(REPORT_LEAD + sentence + "\n")
    assert not any(title.startswith(("智能工厂", "高端装备")) for _n, title in measures(graph))


@pytest.mark.parametrize("sentence", [
    "《行动计划》围绕推广智能产线、培育工业软件企业、建设产业数据平台等重点任务作出部署。",
    "《行动计划》的主要任务包括：推广智能产线、培育工业软件企业、建设产业数据平台。",
    "《行动计划》要求，推广智能产线、培育工业软件企业、建设产业数据平台。",
    "具体来看，《行动计划》从推广智能产线、培育工业软件企业、建设产业数据平台三个方面明确了重点任务。",
])
def test_tasks_a_report_names_in_its_other_wordings_and_then_describes_are_measures(sentence):
    described = "智能产线方面，将新建20条示范产线。\n在工业软件企业培育方面，将引进10家软件企业。\n"
    titles = measure_titles(REPORT_LEAD + sentence + "\n" + described)
    assert titles == ["推广智能产线", "培育工业软件企业", "建设产业数据平台"]
    # the same list that nothing describes after it is a summary, no list of the plan's tasks
    assert measures(build(REPORT_LEAD + sentence + "\n该计划还对人才培养作出安排。\n")) == []


def test_a_plans_counted_tasks_given_after_a_colon_a_semicolon_apart_or_after_what_it_focuses_on():
    page = REPORT_LEAD + "《行动计划》明确了三项重点任务：推广智能产线；培育工业软件企业；建设产业数据平台。\n"
    graph = build(page)
    assert [title for _n, title in measures(graph)] == ["推广智能产线", "培育工业软件企业", "建设产业数据平台"]
    assert plan(graph)["measure_count_declared"] == 3
    page = REPORT_LEAD + "《行动计划》聚焦三大重点任务：推广智能产线、培育工业软件企业、建设产业数据平台。\n"
    assert measure_titles(page) == ["推广智能产线", "培育工业软件企业", "建设产业数据平台"]
    # clauses that say more than a name (a comma inside) are no list of names
    page = REPORT_LEAD + "《行动计划》明确了三项重点任务：推广智能产线，新建产线；培育软件企业；建设数据平台。\n"
    assert "培育软件企业" not in measure_titles(page)


def test_what_a_report_says_the_plan_puts_forward_is_no_item_when_it_only_counts_a_list():
    page = REPORT_LEAD + "《行动计划》提出产业规模、创新能力、应用水平三大目标，推动高质量发展。\n"
    assert measures(build(page)) == []
    page = REPORT_LEAD + "《行动计划》提出推广工业互联网应用，支持企业上云。\n"
    assert measures(build(page)) == [(None, "推广工业互联网应用")]  # a task it puts forward is one


def test_tasks_a_report_gives_in_order_by_shouxian_qici_zuihou_or_di_yi_xiang_are_measures():
    tasks = ["推广智能产线", "培育工业软件企业", "建设产业数据平台"]
    page = REPORT_LEAD + ("首先，推广智能产线，新建20条示范产线。其次，培育工业软件企业，引进软件企业。"
                          "最后，建设产业数据平台，汇聚工业数据。\n")
    assert measure_titles(page) == tasks
    lines = page.replace("。其次", "。\n其次").replace("。最后", "。\n最后")
    assert measure_titles(lines) == tasks
    # a line that opens with 再次 is read like the others (the cheap test before the pattern once skipped it)
    four = lines.replace("\n最后", "\n再次，推动企业上云，支持中小企业。\n最后")
    assert measure_titles(four) == [*tasks[:2], "推动企业上云", tasks[2]]
    ordinal = REPORT_LEAD + ("第一项任务是推广智能产线，新建示范产线。第二项任务是培育工业软件企业，引进软件企业。\n")
    assert measure_titles(ordinal) == tasks[:2]
    # the steps of an argument name no task
    argument = REPORT_LEAD + "首先，制造业是经济的根基，地位重要。其次，企业数字化水平仍然不高。\n"
    assert measures(build(argument)) == []


def test_a_numbered_section_that_brings_the_measures_into_force_is_no_measure():
    page = ("临江市关于加快工业互联网发展的若干措施\n一、支持平台建设。对新建工业互联网平台给予补助。\n"
            "二、发放数据券。对企业购买数据服务给予补贴。\n三、本措施自2026年1月1日起施行。\n")
    assert measure_titles(page) == ["支持平台建设", "发放数据券"]


def test_the_parts_of_a_plus_slogan_a_report_then_gives_as_tasks_are_measures():
    page = ("临江区推进数字化转型\n本报讯 临江区近日发布消息，围绕数字临江建设，"
            "正在打造“数字底座+数字产业+数字治理”。\n"
            "目前，区里正加快建设坚实可靠的数字底座，新建5G基站300个。同时培育特色鲜明的数字产业，"
            "引进一批软件企业。在此基础上，形成精细高效的数字治理，推动城市管理一网统管。\n")
    assert measure_titles(page) == [
        "加快建设坚实可靠的数字底座", "培育特色鲜明的数字产业", "形成精细高效的数字治理"]
    # a slogan whose parts the report never gives as tasks, or one counting documents (“1+N”), lists nothing
    named_only = page.split("目前，")[0] + "目前，各项工作进展顺利。\n"
    documents = page.replace("数字底座+数字产业+数字治理", "1+N")
    for other in (named_only, documents):
        with pytest.raises(SourceError):  # no measure, and nothing else on the page is policy text either
            build(other)


def test_kinds_of_projects_a_report_counts_and_then_describes_are_measures():
    page = ("临江市出台低空经济扶持政策\n政策重点支持与低空基础设施建设、整机企业培育、应用场景开放相关的3类项目。"
            "在低空基础设施建设方面，新建起降点可获补贴最高200万元；整机企业培育方面，首次落户的整机企业可获奖励。\n")
    names = ["低空基础设施建设", "整机企业培育", "应用场景开放"]
    assert measure_titles(page) == names
    assert measure_titles(to_traditional(page)) == [to_traditional(n) for n in names]
    # areas the report frames its account by (3个方面) are no kinds of projects
    areas = page.replace("相关的3类项目", "等3个方面的工作")
    assert "应用场景开放" not in measure_titles(areas)


def test_the_task_lines_under_a_line_announcing_them_are_measures():
    names = ["推广智能产线", "培育工业软件企业", "建设产业数据平台"]
    page = REPORT_LEAD + "《行动计划》明确了3项重点任务，具体包括：\n" + "\n".join(names) + "\n"
    assert measure_titles(page) == names
    dashes = REPORT_LEAD + "《行动计划》部署的主要任务如下：\n" + "".join(
        f"——{name}。{LONG}。\n" for name in names)
    assert measure_titles(dashes) == names
    programmes = ["智能产线示范工程", "工业软件赋能工程"]
    answer = ("问：重点工程有哪些？\n答：主要有以下两大工程：\n"
              + "".join(f"{name}。围绕产业需求开展攻关，支持企业发展。\n" for name in programmes))
    assert measure_titles(REPORT_LEAD + answer) == programmes
    # a count the list does not reach, or lines that name no task, list nothing
    assert measures(build(page.replace("3项重点任务", "5项重点任务"))) == []
    fields = REPORT_LEAD + "《行动计划》部署的重点行动覆盖以下行业：\n高端装备\n智能终端\n"
    assert measures(build(fields)) == []


def test_a_reports_headings_in_lenticular_brackets_over_their_paragraphs_are_measures():
    page = REPORT_LEAD + f"【推广智能产线】\n{LONG}。\n【培育工业软件企业】\n{LONG}。\n"
    assert measure_titles(page) == ["推广智能产线", "培育工业软件企业"]
    # a bracketed label that names no task (a column's name) heads nothing
    labels = REPORT_LEAD + f"【政策解读】\n{LONG}。\n【记者观察】\n{LONG}。\n"
    assert measures(build(labels)) == []


def test_items_numbered_in_circles_run_on_in_one_line_are_each_a_measure():
    page = ("临江市工业互联网发展要点\n一、重点任务\n"
            "①推广智能产线，新建示范产线；②培育工业软件企业，引进软件企业；③建设产业数据平台，汇聚工业数据。\n")
    assert [number for number, _t in measures(build(page))] == ["①", "②", "③"]
    # a circled number inside a sentence (a footnote mark) opens nothing
    note = page.replace("；②培育", "，培育②").replace("；③建设", "，建设")
    assert [number for number, _t in measures(build(note))] == ["①"]


def test_the_last_task_of_a_list_closed_by_its_count_is_named_without_deng():
    page = REPORT_LEAD + "《行动计划》部署了建设智能工厂、攻关工业软件、协同产业链等三项重点任务。\n"
    assert measure_titles(page) == ["建设智能工厂", "攻关工业软件", "协同产业链"]


def test_articles_of_rules_flattened_into_one_run_with_a_blank_after_each_number():
    page = ("临江市数据产业扶持办法 第一章 总则 第一条 为促进数据产业发展，结合本市实际，制定本办法。"
            " 第二条 本办法所称数据企业，是指在本市登记注册、从事数据开发利用的企业。 第二章 扶持措施"
            f" 第三条 支持数据平台建设。对新建行业数据平台的企业给予补助，{LONG}。"
            f" 第四条 发放数据券。对购买数据服务的中小企业给予补贴，{LONG}。 第五条 本办法自2026年1月1日起施行。\n")
    graph = build(page)
    assert [number for number, _t in measures(graph)] == ["第一条", "第二条", "第三条", "第四条"]
    titles = [title for _n, title in measures(graph)]
    assert titles[2:] == ["支持数据平台建设", "发放数据券"]  # the number's blank no break, 第二章 no article
    assert all(not title.startswith(("扶持措施", "总则")) for title in titles)
    # a draft's title run into its first chapter ends at its status
    draft = page.replace("临江市数据产业扶持办法 第一章", "临江市数据产业扶持办法（征求意见稿）第一章")
    graph = build(draft)
    assert plan(graph)["title"] == "临江市数据产业扶持办法"
    assert [number for number, _t in measures(graph)][:2] == ["第一条", "第二条"]


def test_a_plans_parts_by_label_word_and_ordinal_are_measures_on_lines_or_quoted_in_one_sentence():
    lead = "新竹縣政府今日公布「新竹縣智慧農業推動方案」，方案分為三大策略。\n"
    lines = lead + ("策略一：建置農業感測網絡。於主要產區布建感測站。\n"
                    "策略二：發展智慧灌溉系統。推廣自動灌溉設備。\n"
                    "策略三：培育農業數位人才。開設農民數位課程。\n")
    names = ["建置農業感測網絡", "發展智慧灌溉系統", "培育農業數位人才"]
    assert measure_titles(lines) == names
    mainland = lines.replace("策略一：", "任务一 ").replace("策略二：", "任务二 ").replace("策略三：", "任务三 ")
    assert measure_titles(mainland) == names
    headed = lines.replace("策略一：建置農業感測網絡。", "策略一「建置農業感測網絡」：")
    assert measure_titles(headed) == names
    quoted = lead + "方案內容包括策略一「建置農業感測網絡」、策略二「發展智慧灌溉系統」及策略三「培育農業數位人才」。\n"
    assert measure_titles(quoted) == names
    # ordinals that do not count up from one, or a part named alone, list nothing
    skipped = quoted.replace("策略二「", "策略四「")
    assert measures(build(skipped)) == []
    alone = lead + "在策略一「建置農業感測網絡」部分，已完成感測站布建。\n"
    assert measures(build(alone)) == []


def test_a_plan_numbering_its_top_level_parts_in_capital_numerals_has_its_yi_items_as_measures():
    page = ("新竹縣智慧農業推動計畫\n壹、計畫緣起\n為推動智慧農業發展，特訂定本計畫。\n參、推動策略\n"
            "一、建置農業感測網絡\n（一）布建田間感測站。於主要產區布建感測站。\n（二）建置農情資料平台。整合農情資料。\n"
            "二、發展智慧灌溉系統\n（一）推廣自動灌溉設備。\n")
    graph = build(page)
    assert measures(graph) == [("一、", "建置農業感測網絡"), ("（一）", "布建田間感測站"),
                               ("（二）", "建置農情資料平台"), ("二、", "發展智慧灌溉系統"),
                               ("（一）", "推廣自動灌溉設備")]
    parents = {graph.nodes[r.start].properties["title"]: graph.nodes[r.end].properties["title"]
               for r in graph.relationships.values() if r.type == Rel.PART_OF}
    assert parents["建置農情資料平台"] == "建置農業感測網絡"
    # without capital parts, 一、 heads a section and only its （一） items are measures
    plain = page.replace("壹、計畫緣起\n為推動智慧農業發展，特訂定本計畫。\n參、推動策略\n", "")
    assert ("一、", "建置農業感測網絡") not in measures(build(plain))


def test_a_draft_title_run_into_its_preamble_ends_at_its_status():
    page = ("宁安市数据要素市场化改革行动方案(征求意见稿)为加快培育数据要素市场，制定本方案。"
            f"一、总体要求{LONG}。二、重点任务（一）建设数据平台。{LONG}。\n")
    got = plan(build(page))
    assert (got["title"], got["kind"]) == ("宁安市数据要素市场化改革行动方案", "行动方案")
    # a document site's pages, the first opened by the title run into its text: numbers of no items
    page = ("《宁安市数据要素市场化改革行动方案(2024-2026年)(征求意见稿).docx》由会员分享，可在线阅读。\n"
            f"1、宁安市数据要素市场化改革行动方案(2024-2026年)(征求意见稿)为加快培育数据要素市场，{LONG}，{LONG}数\n"
            f"2、据资源开发利用。{LONG}，{LONG}，形成\n")
    graph = build(page)
    got = plan(graph)
    assert (got["title"], got["period_start"]) == ("宁安市数据要素市场化改革行动方案(2024-2026年)", 2024)
    assert measures(graph) == []


def test_item_headings_a_flattened_page_ran_into_their_text():
    page = ("宁安市数据要素改革行动方案\n为加快培育数据要素市场，制定本方案。"
            "一、总体要求（一）指导思想以新发展理念为引领，"
            f"{LONG}。（二）主要目标到2025年底，建成数据交易平台。二、主要任务（一）健全市场规则1.构建数据流通规则。"
            f"{LONG}。2.完善数据安全制度。{LONG}。\n")
    assert measures(build(page)) == [("（一）", "指导思想"), ("（二）", "主要目标"), ("（一）", "健全市场规则"),
                                     ("1.", "构建数据流通规则"), ("2.", "完善数据安全制度")]
    # a task whose sentence goes on after its verb's object is no heading run into its text
    page = page.replace("（一）健全市场规则1.构建数据流通规则。", "（一）以数据为核心健全市场规则，提升1.5倍。")
    titles = [title for _, title in measures(build(page))]
    assert "健全市场规则" not in titles and len(titles) == 4


def test_task_headings_a_flattened_draft_ran_into_text_that_opens_as_a_paragraph_does():
    page = ("临江市低空经济发展行动方案（征求意见稿）为加快发展低空经济，制定本方案。一、重点任务"
            f"（一）完善低空基础设施依托现有机场布局一批起降点，{LONG}。"
            f"（二）拓展低空应用场景围绕物流配送和应急救援开放一批场景，{LONG}。"
            f"（三）培育低空制造企业以整机研发为牵引引进一批配套企业，{LONG}。"
            f"（四）推动企业上云用数以提升效率，{LONG}。\n")
    titles = measure_titles(page)
    assert titles[:3] == ["完善低空基础设施", "拓展低空应用场景", "培育低空制造企业"]
    assert titles[3] == "推动企业上云用数以提升效率"  # 以 of purpose inside a task, no paragraph opening
    # a line of a page that kept its breaks is read as printed
    short = ("临江市低空经济发展行动方案\n一、重点任务\n"
             "（一）完善低空基础设施依托现有机场布局一批起降点，建设通航机场。\n")
    assert next(title for _n, title in measures(build(short))).startswith("完善低空基础设施依托现有机场")


def test_items_a_run_on_paragraph_holds_are_no_pages_of_a_document_site():
    page = ("宁安市算力基础设施发展规划\n一、重点任务\n"
            f"1.建设算力设施。{LONG}，{LONG}。2.培育算力企业。{LONG}，{LONG}。3.开放应用场景。{LONG}，{LONG}，建设\n")
    assert [number for number, _ in measures(build(page))] == ["1.", "2.", "3."]


# -- issuers a report names by the verb it issues with ------------------------------------

REPORT = "宁安新政\n{lead}到2027年，全市人工智能核心产业规模达到200亿元。\n"
PLAN_QUOTE = "《宁安市人工智能产业发展行动方案》"


@pytest.mark.parametrize("verb", ["下发", "颁布", "制发", "重磅发布", "对外发布", "联合下发", "正式印发"])
def test_a_report_names_the_issuer_with_any_verb_of_issue(verb):
    lead = f"近日，宁安市人民政府办公室{verb}{PLAN_QUOTE}。"
    assert issuers(build(REPORT.format(lead=lead))) == ["宁安市人民政府办公室"]


def test_a_verb_that_is_no_issue_names_no_issuer():
    for lead in [f"近日，宁安市人民政府办公室转发{PLAN_QUOTE}。",  # forwards another body's document
                 f"宁安市人民政府办公室举行发布会，介绍{PLAN_QUOTE}。"]:  # presents it
        assert issuers(build(REPORT.format(lead=lead))) == []


def test_a_body_that_issues_a_notice_issues_the_plan_the_next_clause_names():
    for lead in [f"近日，宁安市人民政府办公室印发通知，发布了{PLAN_QUOTE}。",
                 f"宁安市工信局、市科技局日前下发文件，公布{PLAN_QUOTE}。"]:
        assert issuers(build(REPORT.format(lead=lead)))[0].startswith("宁安市")
    # the clause before names where the reporter heard it, not who issued
    lead = f"记者近日从宁安市科技局获悉，{PLAN_QUOTE}已正式印发。"
    assert issuers(build(REPORT.format(lead=lead))) == []


def test_a_report_of_the_notice_that_carries_the_plan_names_its_issuer():
    lead = f"近日，宁安市人民政府办公室发布关于印发{PLAN_QUOTE}的通知。"
    assert issuers(build(REPORT.format(lead=lead))) == ["宁安市人民政府办公室"]
    lead = f"近日，宁安市科学技术局、宁安市财政局关于印发{PLAN_QUOTE}的通知正式发布。"
    assert issuers(build(REPORT.format(lead=lead))) == ["宁安市科学技术局", "宁安市财政局"]


def test_a_body_called_by_its_kind_after_gai_is_the_one_the_reporter_named():
    lead = f"记者从宁安市工信局获悉，该局近日印发{PLAN_QUOTE}。"
    assert issuers(build(REPORT.format(lead=lead))) == ["宁安市工业和信息化局"]
    # with no body of that kind named before, 该局 names none (never the word itself)
    lead = f"记者从宁安市人民政府获悉，该局近日印发{PLAN_QUOTE}。"
    assert issuers(build(REPORT.format(lead=lead))) == []


@pytest.mark.parametrize("byline", ["发布时间：2025年03月10日", "日期: 2025-03-10", "2025年3月10日 星期一"])
def test_a_byline_date_without_its_time_gives_a_reported_day_its_year(byline):
    text = (f"宁安新政\n{byline}\n"
            f"3月6日，宁安市工信局、市科技局联合颁布{PLAN_QUOTE}。到2027年，全市人工智能核心产业规模达到200亿元。\n")
    assert plan(build(text))["date_issued"] == "2025-03-06"
    # a day more than two months before the page is not the plan's (another year's event)
    assert plan(build(text.replace("3月6日", "10月6日"))).get("date_issued") is None


def test_a_title_with_its_version_written_on_after_the_genre_is_a_title():
    text = "國科會記者會\n國科會今（5）日正式發布「臺灣AI行動計畫2.0」，將投入新臺幣100億元。\n"
    got = plan(build(text))
    assert got["title"] == "臺灣AI行動計畫2.0"
    assert got["kind"] == "行动计划"
    # a number that is no version (a count after the genre) does not make a title
    with pytest.raises(SourceError):
        build("國科會記者會\n國科會今（5）日說明「AI行動計畫預算20」，將投入新臺幣100億元。\n")


def test_a_body_that_announces_it_takes_up_a_plan_issues_it():
    text = "機器人產業\n經濟部產業發展署今天宣布推動「智慧機器人產業推動方案」，目標2030年產值達3000億元。\n"
    got = build(text)
    assert plan(got)["title"] == "智慧機器人產業推動方案"
    assert issuers(got) == ["经济部产业发展署"]


@pytest.mark.parametrize("joined", ["宁安市工信局和市财政局", "宁安市工信局与市财政局", "宁安市工信局及市财政局",
                                    "宁安市工信局同市财政局"])
def test_issuers_joined_by_a_word_are_each_an_issuer(joined):
    lead = f"近日，{joined}联合印发{PLAN_QUOTE}。"
    assert issuers(build(REPORT.format(lead=lead))) == ["宁安市工业和信息化局", "宁安市财政局"]


def test_a_joining_word_inside_a_name_does_not_split_it():
    lead = f"近日，宁安市住房和城乡建设局、宁安市人力资源和社会保障局联合印发{PLAN_QUOTE}。"
    assert issuers(build(REPORT.format(lead=lead))) == ["宁安市人力资源和社会保障局", "宁安市住房和城乡建设局"]
    # a body joined with what is no body names no issuer
    lead = f"近日，宁安市工信局和龙头企业联合发布{PLAN_QUOTE}。"
    assert issuers(build(REPORT.format(lead=lead))) == []


def test_a_party_committee_written_by_its_place_is_the_committee():
    lead = f"近日，宁安市委、市政府印发{PLAN_QUOTE}。"
    assert issuers(build(REPORT.format(lead=lead))) == ["中共宁安市委", "宁安市人民政府"]


def test_a_document_site_that_credits_a_body_before_the_file_name_names_the_issuer():
    page = ("《宁安市人民政府:宁安市算力产业发展三年行动方案(2025-2027年)征求意见稿(10页).docx》由会员分享。\n"
            "1、宁安市算力产业发展三年行动方案(2025-2027年)(征求意见稿)为加快算力产业发展，制定本方案。"
            "一、发展目标到2027年，全市算力规模达到5000P。\n")
    assert issuers(build(page)) == ["宁安市人民政府"]
    # a place tag before the title (宁安：…) credits no body
    tagged = page.replace("宁安市人民政府:", "宁安:")
    assert issuers(build(tagged)) == []


def test_a_draft_regulation_is_named_without_its_combined_status_or_its_explanatory_heading():
    page = ("關於《寧安市數字經濟促進條例（草案徵求意見稿）》公開徵求意見的通知\n"
            "為推進數字經濟發展，現公開徵求意見。\n第一條 為了促進數字經濟發展，制定本條例。\n")
    assert plan(build(page))["title"] == "寧安市數字經濟促進條例"
    page = ("法規草案預告\n臺中市智慧城市發展自治條例草案總說明\n為推動本市智慧城市發展，特擬具本條例草案。\n"
            "第一條 為推動智慧城市發展，特制定本條例。\n")
    got = plan(build(page))
    assert (got["title"], got["kind"]) == ("臺中市智慧城市發展自治條例", "条例")


@pytest.mark.parametrize("opening", ["2024年，是“十五五”规划谋划之年。全区数据工作的总体思路是：推进数字政府建设。",
                                     "2024年下半年，区数据局将推进数字政府建设，为全区发展贡献力量。"])
def test_an_untitled_work_plan_that_opens_with_its_year_runs_over_that_year(opening):
    page = (f"{opening}\n一、推进数字政府建设\n（一）完善指挥调度系统。加快系统建设。\n"
            "（二）建设数据平台。推进数据共享。\n")
    got = plan(build(page))
    assert (got["period_start"], got["period_end"]) == (2024, 2024)
    # a year the page reports on is no year of work
    reported = page.replace(opening, "2024年，全区数字经济规模达到300亿元，同比增长12%。")
    assert plan(build(reported)).get("period_start") is None


def test_the_body_an_untitled_work_plan_says_will_do_the_year_s_work_issues_it():
    page = ("2024年下半年，海淀区数据局将推进数字政府建设，为全区发展贡献力量。\n一、推进数字政府建设\n"
            "（一）完善指挥调度系统。加快系统建设。\n（二）建设数据平台。推进数据共享。\n")
    assert issuers(build(page)) == ["北京市海淀区数据局"]
    # the subject that will work is no body: no issuer
    assert issuers(build(page.replace("海淀区数据局将", "全区各单位将"))) == []


def test_a_county_level_place_alone_stands_for_its_government_and_a_district_s_short_city_is_written_out():
    quote = "《人工智能产业发展三年行动计划（2025—2027年）》"
    page = "新政\n近日，{subject}正式印发" + quote + "。到2027年，人工智能核心产业规模达到200亿元。\n"
    assert issuers(build(page.format(subject="广州海珠区"))) == ["广州市海珠区人民政府"]
    assert issuers(build(page.format(subject="昆山市"))) == ["昆山市人民政府"]
    # a prefecture-level city or a province alone does not say which of its bodies issued
    assert issuers(build(page.format(subject="苏州市"))) == []
    assert issuers(build(page.format(subject="江苏省"))) == []


@pytest.mark.parametrize("headline", ["临江：数字经济发展三年行动计划出炉", "临江市数字经济发展三年行动计划来了！",
                                      "官宣！临江市数字经济发展三年行动计划正式发布",
                                      "临江市印发实施数字经济发展三年行动计划",
                                      "临江市政府常务会议审议通过数字经济发展三年行动计划"])
def test_a_headline_announcing_a_plan_without_quotes_names_it_without_its_tag_verb_or_subject(headline):
    page = f"{headline}\n来源：临江日报\n近日，该计划正式印发。计划提出，到2027年，数字经济规模达到500亿元。\n"
    got = plan(build(page))
    assert got["title"] in ("数字经济发展三年行动计划", "临江市数字经济发展三年行动计划")
    assert got["kind"] == "行动计划"


def test_a_report_on_the_budget_that_names_the_financial_secretary_has_him_as_its_issuer():
    page = (" date 2027-02-24\n香港新一份《財政預算案》今（24日）公布。政府會推動香港創科發展。\n"
            "財政司司長表示，將撥款20億元支持人工智能研發，預計2028年建成三個AI研究中心。\n")
    assert issuers(build(page)) == ["香港特别行政区财政司司长"]
    # without the office named, no issuer is made up from the genre
    assert issuers(build(page.replace("財政司司長表示", "官員表示"))) == []


def test_the_owner_written_before_the_plan_s_title_keeps_the_level_or_place_its_word_was_cut_from():
    page = "宁安新政\n近日，宁安市人民政府办公室转发{owner}《关于加快人工智能产业发展的若干措施》。\n"
    assert issuers(build(page.format(owner="省工信厅"))) == ["黑龙江省工业和信息化厅"]
    assert issuers(build(page.format(owner="杭州市工信局"))) == ["杭州市工业和信息化局"]


@pytest.mark.parametrize("counted", ["該計畫設定六大戰略，包括發展智慧服務", "會議提出6大策略建議，首先是擴大算力投資",
                                     "並以人才、算力、資料、應用、治理、國際等六大推動重點"])
def test_a_report_counting_a_programme_s_strategies_declares_its_measures(counted):
    page = (f"數位部報告\n date 2027-03-01\n數位發展部今日公布「智慧政府推動計畫」，{counted}，"
            "預計2028年建置AI客服100套。\n")
    assert plan(build(page))["measure_count_declared"] == 6
    # a count of fields or industries is no count of the plan's parts
    fields = page.replace(counted, "聚焦六大戰略產業")
    assert plan(build(fields)).get("measure_count_declared") is None


def test_a_page_without_a_title_that_speaks_of_itself_by_its_genre_has_that_kind():
    page = ("一、修订背景\n智慧城市是城市发展的新理念。\n"
            "本规划依据国家有关文件编制，规划期为2026年至2030年。\n二、主要内容\n（一）建设城市大脑。推进数据共享。\n")
    assert plan(build(page))["kind"] == "规划"
    # 根本 is no self-reference
    other = page.replace("本规划依据国家有关文件编制，", "数据是城市治理的根本。")
    assert plan(build(other)).get("kind") != "规划"


def test_a_document_quoted_once_beside_the_page_s_own_genre_is_cited_not_the_plan():
    page = ("一、修订背景\n智慧城市是城市发展的新理念和新模式，是提升城市治理能力的重大举措。2021年，"
            "《临江市国民经济和社会发展第十四个五年规划纲要》提出建设智慧城市，推动城市治理体系和治理能力现代化。\n"
            "本规划依据国家有关文件编制。\n二、主要内容\n（一）建设城市大脑。推进数据共享。\n")
    got = plan(build(page))
    assert got["kind"] == "规划"
    assert "纲要" not in got["title"]
    # a page of the quoted genre, or one that issues the quote, keeps it as its plan
    issued = page.replace("2021年，《", "近日，临江市人民政府印发《").replace("》提出建设智慧城市", "》")
    assert plan(build(issued))["title"] == "临江市国民经济和社会发展第十四个五年规划纲要"


def test_a_reading_of_an_untitled_plan_that_speaks_of_itself_is_kept_with_its_stated_five_year_period():
    page = ("一、修订背景和依据\n智慧城市是城市发展的新理念和新模式，是提升城市治理能力的重大举措。"
            "“十五五”时期(2026年-2030年)是临江市推进新型智慧城市建设的关键时期。\n"
            "本规划依据国家有关文件编制。\n二、制定意义\n智慧城市建设意义重大。\n")
    got = plan(build(page))  # no title, measure or goal: kept as its plan's text all the same
    assert (got["kind"], got["period_start"], got["period_end"]) == ("规划", 2026, 2030)
    # a page that names no genre of its own and no plan is still no policy text
    with pytest.raises(SourceError):
        build(page.replace("本规划依据国家有关文件编制。", "各方面高度关注。"))


def test_a_seal_note_in_a_signature_block_is_read_past_to_the_names_above_it():
    page = ("关于印发宁安市数字政府建设行动方案的通知\n各区县：\n现将《宁安市数字政府建设行动方案》印发给你们。\n"
            "宁安市数字化改革领导小组办公室  宁安市发展和改革委员会\n（宁安市发展和改革委员会代章）\n"
            "宁安市数据局\n2021年3月9日\n宁安市数字政府建设行动方案\n" + BODY)
    assert written_issuers(page) == ["宁安市数字化改革领导小组办公室", "宁安市发展和改革委员会", "宁安市数据局"]
    assert plan(build(page))["date_issued"] == "2021-03-09"


def test_a_breadcrumb_naming_a_section_of_readings_does_not_make_the_page_a_reading():
    page = ("当前位置：首页\n> 信息公开 > 政策文件及解读 > 通知公告\n"
            "关于印发宁安市数字政府建设行动方案的通知\n各区县：\n现将《宁安市数字政府建设行动方案》印发给你们。\n"
            "宁安市数据局\n2021年3月9日\n宁安市数字政府建设行动方案\n" + BODY)
    assert plan(build(page))["date_issued"] == "2021-03-09"
    # a page headed as a reading still is one
    reading = page.replace("关于印发宁安市数字政府建设行动方案的通知", "《宁安市数字政府建设行动方案》政策解读")
    assert plan(build(reading)).get("date_issued") is None


def test_a_notice_that_is_itself_the_policy_is_issued_by_the_body_its_heading_names():
    page = ("宁安省人民政府办公厅关于加快推进千兆光网建设的通知\n各市人民政府，省政府各部门：\n"
            "为加快千兆光网建设，经省政府同意，现将有关事项通知如下：\n一、加强统筹规划。各地要将光网纳入规划。\n"
            "二、加快网络部署。推进千兆光网进小区。\n")
    got = plan(build(page.replace("宁安省", "福建省")))
    assert got["kind"] == "通知"
    assert issuers(build(page.replace("宁安省", "福建省"))) == ["福建省人民政府办公厅"]
    # a notice that issues a plan is not itself the policy: its plan's kind stays
    issuing = ("福建省人民政府办公厅关于印发福建省千兆光网建设行动方案的通知\n各市人民政府：\n现印发给你们。\n"
               "福建省千兆光网建设行动方案\n" + BODY)
    assert plan(build(issuing))["kind"] == "行动方案"


def test_a_law_database_line_of_bracketed_fields_run_together():
    page = ("【发布部门】宁安市政府【发文字号】宁府发[2019]12号【发布日期】2019.05.06【效力级别】地方工作文件\n"
            "为加快数字经济发展，制定本实施方案。\n一、重点任务\n（一）建设算力平台。支持建设智能算力中心。\n")
    got = plan(build(page))
    assert (got["doc_number"], got["date_published"]) == ("宁府发〔2019〕12号", "2019-05-06")
    # a 文号 a portal prints in 【】 stays as printed
    portal = page.replace("宁府发[2019]12号", "宁府发【2019】12号")
    assert plan(build(portal))["doc_number"] == "宁府发【2019】12号"


def test_a_report_is_about_the_plan_whose_goals_it_states_not_the_others_a_meeting_released():
    page = ("本报记者 李某\n5月8日，宁安市数字经济大会举行。会上发布了《宁安市数据要素市场化改革方案》"
            "《宁安市算力券管理办法》等政策。\n根据《宁安市促进智能网联汽车产业发展行动计划（2025—2026年）》"
            "提出的发展目标，力争到2025年底，全市引育智能网联汽车企业20家。\n")
    got = plan(build(page))
    assert (got["title"], got["period_start"]) == ("宁安市促进智能网联汽车产业发展行动计划（2025—2026年）", 2025)
    # a plan with a heading of its own follows the goals of the one its preamble quotes: that one is cited
    own = ("宁安市智能网联汽车产业发展实施方案\n根据《宁安省智能网联汽车产业发展行动计划（2025—2026年）》"
           "确定的目标，到2026年，全市引育企业20家。\n" + BODY)
    assert plan(build(own))["title"] == "宁安市智能网联汽车产业发展实施方案"


def test_a_period_line_that_lost_its_bracket_still_gives_the_years():
    page = "宁安县数字乡村建设三年行动方案\n\n2023-2025年)\n\n为推进数字乡村建设，制定本方案。\n" + BODY
    got = plan(build(page))
    assert (got["period_start"], got["period_end"]) == (2023, 2025)
    # a year line that is no span (a date) gives none
    dated = page.replace("2023-2025年)", "2023年5月")
    assert plan(build(dated)).get("period_start") is None


def test_a_page_without_a_title_still_states_its_term():
    page = ("【发布部门】宁安市政府【发文字号】宁府发[2019]12号\n"
            "为加快工业互联网发展，制定本实施方案，实施期限为2019年-2021年。\n一、重点任务\n"
            "（一）建设标识解析节点。支持企业接入。\n")
    got = plan(build(page))
    assert (got["period_start"], got["period_end"]) == (2019, 2021)


def test_a_policy_opinion_is_its_own_genre():
    page = "宁安区关于加快数据产业发展的政策意见\n宁科委〔2024〕3号\n各街道：\n" + BODY
    assert plan(build(page))["kind"] == "政策意见"
    assert plan(build(page.replace("的政策意见", "的实施意见")))["kind"] == "实施意见"


# a portal's field list whose labels the lexicon partly lacks (• 归属部门:…, 公文类别：…)
FIELD_LIST = ("首页\n>信息公开>市政府文件库>市政府办公室文件\n"
              "• 发文机关:宁安市人民政府办公室\n• 公文类别:其他文件\n• 成文日期:2021-03-02\n"
              "• 公开发布日期:2021-03-05\n• 发文字号:宁政办字〔2021〕7号\n• 归属部门:宁安市人民政府办公室\n"
              "宁安市人民政府办公室\n关于加快千兆光网建设的实施意见\n宁政办字〔2021〕7号\n"
              "各镇人民政府，市政府各部门：\n为加快千兆光网建设，制定本实施意见。\n一、总体目标\n"
              "到2022年底，全市建成千兆端口3000个以上。\n二、重")


@pytest.mark.parametrize("page", [
    FIELD_LIST,
    FIELD_LIST.replace(":", "："),  # full-width colons
    FIELD_LIST.replace("• ", "· "),  # another bullet
    to_traditional(FIELD_LIST),
    FIELD_LIST.replace("\n宁安市人民政府办公室\n关于", "\n• 存档类别:政务\n宁安市人民政府办公室\n关于"),  # two unknown
])
def test_a_field_list_under_labels_the_lexicon_lacks_gives_no_measures_and_no_title_prefix(page):
    graph = build(page)
    got = plan(graph)
    assert got["title"] in ("宁安市人民政府办公室关于加快千兆光网建设的实施意见",
                            to_traditional("宁安市人民政府办公室关于加快千兆光网建设的实施意见"))
    assert measures(graph) == []  # the fields (发文机关, 成文日期:…) are no reported items
    assert got["date_published"] == "2021-03-05"
    assert issuers(graph) in (["宁安市人民政府办公室"], [to_traditional("宁安市人民政府办公室")])


def test_an_unbulleted_field_list_ends_before_an_annex_label():
    page = ("发文机关：宁安市数据局\n成文日期：2021-03-02\n公文类别：计划\n"
            "附件：宁安市数据开放三年行动计划\n" + BODY)
    lay = layout(prepare(RawDocument("doc.txt", page)))
    assert lay.header_end == 3  # 公文类别 continues the list; 附件 opens a title


def test_a_breadcrumb_ending_in_a_column_of_files_is_no_banner():
    page = ("首页 > 政务公开 > 市政府办公室文件\n宁安市推进智慧交通建设工作方案\n" + BODY)
    assert issuers(build(page)) == []
    page = "宁安市人民政府办公室文件\n宁安市推进智慧交通建设工作方案\n" + BODY
    assert issuers(build(page)) == ["宁安市人民政府办公室"]


@pytest.mark.parametrize("lead, opening", [
    ("", "即"),  # 三大工程即…
    ("“", "”就是"),  # “三大工程”就是…
    ("", "：")])  # 三大工程：…
def test_a_reports_counted_parts_each_explained_in_its_paragraph_are_measures(lead, opening):
    page = ("近日，宁安市印发《宁安市数字交通发展行动方案》。\n"
            "《方案》提出“1321”重点任务，即一个中心、三大工程、两个体系和一套机制。\n"
            f"{lead}一个中心{opening}建设全市交通运行监测调度中心，汇聚交通数据。\n"
            f"{lead}三大工程{opening}实施智慧公路、智慧港口和智慧枢纽建设工程。\n"
            f"{lead}两个体系{opening}健全标准规范体系和安全保障体系。\n")
    # 一套机制, listed but never explained, is none
    assert [title for _, title in measures(build(page))] == ["一个中心", "三大工程", "两个体系"]
    assert [title for _, title in measures(build(to_traditional(page)))] == [
        to_traditional(t) for t in ("一个中心", "三大工程", "两个体系")]


def test_paragraphs_opening_with_a_count_the_report_never_listed_are_no_measures():
    page = ("近日，宁安市印发《宁安市数字交通发展行动方案》，提出建设智慧公路。\n"
            "三年即到2025年，全市建成智慧公路100公里。\n"
            "两个月即完成了方案起草工作，征求了各方意见。\n")
    assert measures(build(page)) == []



SPEECH = ("宁安县召开数字乡村建设推进会。\n会议提出“1+2+2”工作思路，即一个平台、两项行动和两大工程。\n"
          "“一个平台”即：建设全县数字乡村服务平台，汇聚涉农数据。\n"
          "“两项行动”即：开展数字农业提升行动和数字治理提升行动。\n"
          "“两大工程”即：数字基建工程、数字治理工程。\n")


def test_a_counted_list_that_names_no_plan_gives_no_measures():
    with pytest.raises(SourceError):  # a meeting's framework: no plan, so no measures either
        build(SPEECH)
    page = SPEECH.replace("会议提出", "《宁安县数字乡村行动方案》提出")
    assert [title for _, title in measures(build(page))] == ["一个平台", "两项行动", "两大工程"]


def test_counted_parts_that_frame_the_work_are_no_measures():
    page = (SPEECH.replace("会议提出", "《宁安县数字乡村行动方案》提出")
            .replace("一个平台", "一条主线").replace("两项行动", "两条原则"))
    assert measures(build(page)) == []  # 主线, 原则 frame the work; 两大工程 alone is no list explained


GRAPHIC = ("一图读懂宁安市促进低空经济发展方案\n"
           "2023年05月08日，宁安市人民政府正式发布了《关于印发宁安市促进低空经济产业高质量发展实施方案"
           "(2023—2025年)的通知》。\n方案提出，力争到2025年，建成低空经济产业园2个以上。\n")


@pytest.mark.parametrize("page", [GRAPHIC, GRAPHIC.replace("一图读懂", "图解："), to_traditional(GRAPHIC)])
def test_a_graphics_heading_gives_way_to_the_full_title_the_page_quotes_as_issued(page):
    got = plan(build(page))
    expected = "宁安市促进低空经济产业高质量发展实施方案(2023—2025年)"
    assert got["title"] in (expected, to_traditional(expected))
    assert (got["kind"], got["period_start"], got["period_end"]) == ("实施方案", 2023, 2025)


def test_a_graphics_heading_alone_names_the_plan_without_its_label():
    page = "一图读懂宁安市促进低空经济发展方案\n方案提出，力争到2025年，建成低空经济产业园2个以上。\n"
    assert plan(build(page))["title"] == "宁安市促进低空经济发展方案"


@pytest.mark.parametrize("opening", ["根据《宁安市数字经济促进条例》（以下简称《条例》），", "为加快数据要素市场建设，",
                                     "近年来，我市数据产业快速发展。"])
def test_a_flattened_pages_title_run_into_its_preamble_is_the_title(opening):
    page = (f"宁安市数据要素市场培育行动计划(2021-2023 年){opening}制订本行动计划。\n"
            "一、重点任务\n（一）建设数据交易平台。支持建设数据交易中心。\n（二）培育数商企业。支持企业做大做强。\n")
    got = plan(build(page))
    assert got["title"] == "宁安市数据要素市场培育行动计划(2021-2023 年)"
    assert (got["period_start"], got["period_end"]) == (2021, 2023)


def test_a_first_line_that_only_mentions_a_period_in_its_sentence_is_no_title():
    page = ("我市发布数据要素市场培育行动计划(2021-2023 年)，明确了发展目标。\n"
            "一、重点任务\n（一）建设数据交易平台。支持建设数据交易中心。\n")
    assert plan(build(page))["title"] != "我市发布数据要素市场培育行动计划(2021-2023 年)"


def test_a_header_row_that_closes_on_an_empty_label_keeps_its_field():
    page = ("索引号 0001/sjj/2022-0000031 分类 部门文件\n发布机构 宁安市数据局 发文日期 2022-06-08\n"
            "文号 宁数发〔2022〕9号 有效性\n宁安市公共数据开放工作方案\n" + BODY)
    got = plan(build(page))
    assert (got["doc_number"], got["date_issued"]) == ("宁数发〔2022〕9号", "2022-06-08")
    page = "宁安市公共数据开放工作方案\n文号 宁数发〔2022〕9号 另行\n" + BODY  # 另行 is no label
    assert plan(build(page)).get("doc_number") != "宁数发〔2022〕9号 另行"


def test_the_number_under_a_notice_title_below_a_reposts_lead():
    page = ("【政策】宁安市多部门联合印发《宁安市低空经济发展行动计划(2024—2026年)》\n| 2024-03-18 10:20\n"
            "近日，宁安市经济和信息化局等8部门联合印发《宁安市低空经济发展行动计划(2024—2026年)》，提出5方面任务。\n"
            "关于印发《宁安市低空经济发展行动计划(2024—2026年)》的通知\n宁经信发〔2024〕17号\n"
            "各县（区）经济和信息化局：\n现将《宁安市低空经济发展行动计划(2024—2026年)》印发给你们，"
            "请认真贯彻落实。\n" + BODY)
    assert plan(build(page))["doc_number"] == "宁经信发〔2024〕17号"
    page = page.replace("的通知\n宁经信发", "的通知\n（宁经信发").replace("17号\n", "17号）\n", 1)
    assert plan(build(page))["doc_number"] == "宁经信发〔2024〕17号"


@pytest.mark.parametrize("byline, expected", [
    ("2022-07-14 09:30 来源: 本网 发布机构: 宁安区政府网站管理中心", "2022-07-14"),
    ("2022/7/14 9:30 来源：宁安区人民政府办公室", "2022-07-14"),
    ("2022-07-14 09:30 来源: 宁安日报", None),  # a paper's byline dates its copy
    ("2022-07-14 09:30 浏览次数: 12", None),  # no source named
])
def test_a_byline_that_opens_with_its_timestamp(byline, expected):
    page = f"宁安区人民政府办公室关于印发宁安区5G应用推广行动方案的通知\n{byline}\n" + BODY
    assert plan(build(page)).get("date_published") == expected


@pytest.mark.parametrize("verb, key", [("网站发布", "date_published"), ("印发", "date_issued")])
def test_a_reports_dated_notice_title_with_its_issuer_before_guanyu(verb, key):
    page = ("宁安市智能网联汽车产业发展规划(2022-2025年)\n"
            f"导读：2022年03月08日，宁安市人民政府{verb}宁安市人民政府办公室关于印发宁安市智能网联汽车产业发展规划"
            "(2022—2025年)的通知。\n" + BODY)
    assert plan(build(page)).get(key) == "2022-03-08"
    page = page.replace("关于印发宁安市智能网联汽车产业发展规划", "关于开展新能源汽车下乡活动")
    assert plan(build(page)).get(key) is None  # another notice of the same body


@pytest.mark.parametrize("title", ["宁安市数字孪生城市建设行动计划(2024)", "宁安市数字孪生城市建设行动计划（2024）",
                                   "《宁安市数字孪生城市建设行动计划(2024)》"])
def test_a_title_closed_by_its_one_year_in_brackets_without_nian(title):
    got = plan(build(title + "\n" + BODY))
    assert (got["kind"], got["period_start"], got["period_end"]) == ("行动计划", 2024, 2024)
    assert period_of("宁安市数字孪生城市建设行动计划(2024-2026)") == (2024, 2026)  # a span stays a span


def test_the_measure_count_a_report_says_the_plan_drew_up():
    def count(sentence: str) -> int | None:
        page = "宁安市数字经济2025年行动方案\n" + sentence + "\n" + BODY
        return read_metadata(layout(prepare(RawDocument("doc.txt", page)))).measure_count

    assert count("《行动计划》从两大专项行动方面制定了18条重点任务。一是…") == 18
    assert count("方案制订了12项具体举措。") == 12
    assert count("方案制定了3个配套文件。") is None  # documents to draft, not its measures
