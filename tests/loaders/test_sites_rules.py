"""The rules for sites and organizations, on sentences written for them.

Each test holds what must be read and what must not: a site list that grows by
pattern must not grow by junk. The sentences are made up (places, bodies and
wording vary from the gold documents), so they show the rules, not the pages.
"""

from __future__ import annotations

import pytest

from graph.model import Label, Rel
from loaders.extract import extract
from loaders.lexicon import Region, regions
from loaders.mentions import find_organizations
from loaders.read import RawDocument
from loaders.sites import find_sites, site_references


def region(name: str) -> Region:
    return regions().by_name[name][0]


def sites(text: str, home: str | None = None) -> dict[str, str]:
    """name -> as written, of every site in ``text`` read in a plan of ``home``."""
    return {m.name: m.written for m in find_sites(text, None, region(home) if home else None)}


def organizations(text: str, home: str | None = None) -> dict[str, str]:
    """name -> kind of every organization in ``text``."""
    return {m.name: m.kind for m in find_organizations(text, home=region(home) if home else None)}


# -- national designations -------------------------------------------------------------------

def test_a_designation_written_bare_is_the_one_the_plan_city_holds():
    found = sites("到2026年，国家人工智能创新应用先导区建设取得明显成效。", "西安市")
    assert found == {"西安国家人工智能创新应用先导区": "国家人工智能创新应用先导区"}


def test_a_designation_takes_its_official_form_whatever_the_wording():
    assert set(sites("全力建设国家人工智能创新发展试验区。", "郑州市")) == {"郑州国家新一代人工智能创新发展试验区"}
    assert set(sites("加快建设国家级人工智能创新应用先导区。", "郑州市")) == {"郑州国家人工智能创新应用先导区"}
    assert set(sites("高水平建设沈阳国家人工智能创新发展试验区。", "辽宁省")) == {
        "沈阳国家新一代人工智能创新发展试验区"}


def test_a_province_plan_names_a_designation_only_through_its_one_holder():
    assert set(sites("推动国家新一代人工智能创新发展试验区提质升级。", "湖南省")) == {
        "长沙国家新一代人工智能创新发展试验区"}
    assert sites("推动国家人工智能创新应用先导区提质升级。", "山东省") == {}  # 济南 and 青岛 both hold one
    assert sites("推动国家人工智能创新应用先导区提质升级。", "江西省") == {}  # no holder in the province


def test_the_city_a_clause_names_as_builder_holds_the_designation():
    assert set(sites("支持合肥建设国家人工智能创新应用先导区。", "安徽省")) == {"合肥国家人工智能创新应用先导区"}
    assert sites("支持南昌、赣州建设国家人工智能创新应用先导区。", "江西省") == {}
    assert sites("支持广州、深圳国家新一代人工智能创新发展试验区建设。", "广东省") == {}


def test_a_province_designation_is_named_after_the_province():
    assert set(sites("高质量建设国家数字经济创新发展试验区。", "福州市")) == {"福建国家数字经济创新发展试验区"}
    assert sites("高质量建设国家数字经济创新发展试验区。", "南京市") == {}  # 江苏 holds none


def test_no_site_from_an_unlisted_designation_a_rank_or_a_category():
    assert sites("深入推进国家生态文明试验区建设。", "南昌市") == {}
    assert sites("积极创建国家级示范区。", "南昌市") == {}
    assert sites("对新获批的国家人工智能创新应用先导区给予奖励。", "南昌市") == {}
    assert sites("推动国家人工智能创新应用先导区建设。") == {}  # no plan region: no holder


def test_an_unlisted_state_designation_a_government_applies_for_is_its_own():
    # 创建/争创 or 开展…建设: the plan's government (or the city the clause names) holds the one it builds
    assert set(sites("到2026年，创建国家智能制造综合试验区。", "南昌市")) == {"南昌国家智能制造综合试验区"}
    assert set(sites("扎实开展国家智能制造综合试验区建设。", "江西省")) == {"江西国家智能制造综合试验区"}
    assert set(sites("支持赣州争创国家智能制造综合试验区。", "江西省")) == {"赣州国家智能制造综合试验区"}
    # pushing one along names no holder; 国家级 is a rank, not a designation's name
    assert sites("深入推进国家智能制造综合试验区建设。", "江西省") == {}
    assert sites("争取创建国家级智能制造试验区。", "南昌市") == {}


def test_a_division_said_to_be_a_state_designation_holds_it():
    # X作为国家…试验区: the sentence states its holder, whatever the plan's own region
    found = sites("从全省看，江西省作为国家智能制造综合试验区，已出台多项办法。", "南昌市")
    assert found == {"江西国家智能制造综合试验区": "国家智能制造综合试验区"}
    assert sites("企业作为国家智能制造综合试验区的主体。", "南昌市") == {}  # no division: no holder


def test_a_subject_role_or_a_task_result_verb_is_no_part_of_a_name():
    assert sites("结合新区实际，制定本方案。", "天津市") == {}
    assert set(sites("将南昌打造成赣江人工智能产业集聚区。", "南昌市")) == {"赣江人工智能产业集聚区"}


def test_a_city_pilot_zone_named_after_a_quoted_programme_is_the_city_own():
    found = sites("到2027年，建成具有全国影响力的“数据要素×”创新发展试验区。", "无锡市")
    assert found == {"无锡“数据要素×”创新发展试验区": "“数据要素×”创新发展试验区"}
    assert sites("打造“人工智能+制造”先行区。", "无锡市") == {}  # placed in a zone the text names


def test_a_platform_ending_names_a_site_only_as_a_listed_designation():
    assert set(sites("建成国家人工智能公共算力开放创新平台。", "南宁市")) == {
        "南宁国家新一代人工智能公共算力开放创新平台"}
    assert sites("建设南宁人工智能开放创新平台。", "南宁市") == {}
    assert sites("建成国家人工智能公共算力开放创新平台。", "广西壮族自治区") == {}


def test_a_designation_starts_where_its_form_starts_not_at_the_verb_before_it():
    assert sites("率先落实国家新一代人工智能创新发展试验区任务。", "西安市") == {
        "西安国家新一代人工智能创新发展试验区": "国家新一代人工智能创新发展试验区"}
    assert set(sites("支持西安国家人工智能创新发展试验区建设。", "陕西省")) == {
        "西安国家新一代人工智能创新发展试验区"}  # a place before the form is its holder


def test_a_part_of_a_designation_is_the_building_city_part():
    found = sites("高水平建设国家数字经济创新发展试验区核心区。", "福州市")
    assert found == {"福州国家数字经济创新发展试验区核心区": "国家数字经济创新发展试验区核心区"}
    assert sites("高水平建设国家数字经济创新发展试验区核心区。", "南京市") == {}  # 江苏 holds none
    assert sites("高水平建设国家生态文明试验区核心区。", "南昌市") == {}  # no listed designation


def test_a_list_closed_as_state_designations_names_sites_only_through_their_holders():
    text = "推进数字经济创新发展试验区、智能网联汽车示范区等国家级平台建设。"
    assert sites(text, "江西省") == {}
    assert set(sites("推进新一代人工智能创新发展试验区、智能网联汽车示范区等国家级平台建设。", "湖南省")) == {
        "长沙国家新一代人工智能创新发展试验区"}
    assert set(sites("推进梅溪湖产业园、智慧出行示范区等重点园区建设。", "长沙市")) == {
        "梅溪湖产业园", "智慧出行示范区"}  # not state designations: a list holds plain names


def test_a_verb_that_ends_with_a_stop_is_not_part_of_a_name():
    assert sites("积极争取人工智能应用中试基地等国家试点。", "南昌市") == {}
    assert set(sites("立足柳州高新区基础优势，打造产业集群。", "柳州市")) == {"柳州高新区"}


# -- recognition by pattern ------------------------------------------------------------------

def test_a_quoted_name_with_a_word_of_its_own_is_a_site_and_a_quoted_generic_one_is_not():
    assert set(sites("建设“星河城市算力平台”，统筹全市算力资源。", "扬州市")) == {"星河城市算力平台"}
    assert sites("建设“城市算力平台”，统筹全市算力资源。", "扬州市") == {}
    assert sites("建设星河城市算力平台，统筹全市算力资源。", "扬州市") == {}  # unquoted: no proper word


def test_a_name_that_labels_a_line_of_a_project_list_is_listed():
    box = "专栏1 算力重点工程\n星火智算中心：建设公共智算平台。\n智算中心：建设公共智算平台。"
    assert sites(box, "厦门市") == {"星火智算中心": "星火智算中心"}  # a word of its own; the generic one names none
    assert sites("依托星火智算中心开展服务。", "厦门市") == {}  # mid-sentence it needs a place or a proper name


def test_a_space_is_a_site_only_as_a_quoted_coined_name():
    assert sites("推动“星辰空间”扩容提质，吸引大模型企业集聚。", "杭州市") == {"星辰空间": "星辰空间"}
    assert sites("推动物理空间、数字空间、社会空间融合。", "杭州市") == {}  # listed, but ordinary words
    assert sites("建设“众创空间”，拓展企业发展空间。", "杭州市") == {}  # quoted, but generic


def test_a_name_after_de_is_a_description_unless_it_carries_a_place():
    assert sites("努力成为包容开放的新技术新业态试验场。", "成都市") == {}
    assert set(sites("建成全国领先的绵阳科技城新区。", "绵阳市")) == {"绵阳科技城新区"}


def test_a_computing_cluster_needs_a_proper_name_and_leaves_the_site_it_is_in():
    assert set(sites("推动天翼云万卡智算集群投入运营。", "上海市")) == {"天翼云万卡智算集群"}
    assert sites("建设万卡智算集群和绿色算力集群。", "上海市") == {}
    assert set(sites("建设张江科学城智算集群。", "上海市")) == {"张江科学城"}


def test_exchange_centres_and_branch_centres_with_a_place():
    assert set(sites("推动杭州互联网交换中心扩容和国家工业互联网大数据中心浙江分中心建设。", "浙江省")) == {
        "杭州互联网交换中心", "国家工业互联网大数据中心浙江分中心"}
    assert sites("推动设立省级分中心。", "浙江省") == {}


def test_valley_endings_with_a_proper_or_quoted_name():
    assert set(sites("推进“中国电信长三角(苏州)算力生态谷”和合肥芯谷建设。", "江苏省")) == {
        "中国电信长三角(苏州)算力生态谷", "合肥芯谷"}
    assert sites("打造数字生态谷和产业智谷。", "江苏省") == {}


def test_an_airport_economic_zone_with_a_place():
    assert set(sites("支持鄂州花湖机场临空经济区建设航空物流枢纽。", "湖北省")) == {"鄂州花湖机场临空经济区"}


def test_a_count_makes_no_name():
    assert sites("构建起智算、超算两个重大算力平台，建成三大产业基地。", "深圳市") == {}


def test_a_kind_of_region_an_adjective_or_a_stage_of_a_chain_makes_no_site():
    assert sites("振兴东北老工业基地，建设美好城市示范区、中游算力中心。", "沈阳市") == {}
    assert sites("入驻众创空间和大学科技园等孵化载体。", "沈阳市") == {}
    assert organizations("入驻众创空间和大学科技园等孵化载体。", "沈阳市") == {}


def test_a_notice_title_or_a_verb_before_a_name_is_not_part_of_it():
    assert set(sites("沈阳市人民政府关于印发沈阳浑南科技城建设方案的通知", "沈阳市")) == {"浑南科技城"}
    assert set(sites("助力沈阳浑南科技城建设。", "沈阳市")) == {"浑南科技城"}
    assert organizations("指导沈阳数字集团开展平台运维。", "沈阳市") == {"沈阳数字集团": "enterprise"}


def test_quality_words_make_no_name():
    assert sites("支持各类产业平台打造智能化园区、万兆园区。", "嘉兴市") == {}


def test_a_name_that_runs_on_from_a_known_site_is_one_site_placed_there():
    found = find_sites("支持光谷软件园扩容，推进张江科学城人工智能岛建设。", None, None)
    assert [(m.name, m.city) for m in found] == [("光谷软件园", "武汉市"), ("张江科学城", "上海市")]
    (inner,) = find_sites("加快建设中关村科学城人工智能产业园。", None, region("北京市"))
    assert (inner.name, inner.district) == ("中关村科学城人工智能产业园", "海淀区")


def test_an_industrial_park_and_an_airport_with_a_place():
    assert set(sites("支持襄阳高新区工业园区、襄阳刘集机场建设低空物流枢纽，推进通用机场建设。", "襄阳市")) == {
        "襄阳高新区工业园区", "襄阳刘集机场"}


def test_endings_of_platforms_and_facilities_with_a_place_or_a_proper_name():
    found = sites("加快建设兰州新区数据中心、移动云(兰州)节点和甘肃省工业人工智能应用能力中心。", "甘肃省")
    assert set(found) == {"兰州新区数据中心", "移动云(兰州)节点", "甘肃省工业人工智能应用能力中心"}


def test_a_city_operations_centre_with_a_place_or_a_proper_name():
    assert set(sites("依托宁波城市运行管理中心，建强城市智能中枢。", "宁波市")) == {"宁波城市运行管理中心"}
    assert sites("依托城市运行管理中心，建强城市智能中枢。", "宁波市") == {}  # what every city has


def test_a_national_supercomputing_centre_by_its_city_in_either_form():
    found = find_sites("依托国家超算太原中心二期和国家超级计算昆明中心，不新建国家超算中心。", None, None)
    assert [(m.name, m.written, m.city) for m in found] == [
        ("国家超级计算太原中心", "国家超算太原中心", "太原市"),
        ("国家超级计算昆明中心", "国家超级计算昆明中心", "昆明市")]


def test_a_national_computing_hub_node_in_any_of_its_forms_and_not_where_its_cluster_is_named():
    found = find_sites("加快全国一体化算力网络成渝国家枢纽节点建设，推动甘肃枢纽提质扩容。", None, None)
    assert [(m.name, m.city) for m in found] == [("全国一体化算力网络成渝国家枢纽节点", None),
                                                 ("全国一体化算力网络甘肃国家枢纽节点", "甘肃省")]
    assert set(sites("推进全国一体化算力网络国家（内蒙古）枢纽节点建设。")) == {"全国一体化算力网络内蒙古国家枢纽节点"}
    assert set(sites("依托全国一体化算力网络成渝国家枢纽节点天府数据中心集群。")) == {"天府数据中心集群"}
    assert sites("建设成渝枢纽城市，完善长三角枢纽机场功能。") == {}  # a region's bare 枢纽 is no node
    assert sites("作为国家“东数西算”甘肃算力枢纽，兰州打造算力之都。") == {}  # a role, not the node


def test_a_site_whose_requirement_a_task_follows_is_not_where_the_task_works():
    text = "落实成渝国家枢纽节点布局要求，天府新区、东部新区按需建设配套数据中心。"
    assert set(sites(text, "四川省")) == {"天府新区", "东部新区"}
    assert sites("根据国家新一代人工智能创新发展试验区建设总体要求，完善配套政策。", "长沙市") == {}
    assert set(sites("落实成渝国家枢纽节点建设任务。", "四川省")) == {"全国一体化算力网络成渝国家枢纽节点"}


def test_known_sites_whose_names_have_no_telling_ending():
    found = find_sites("推动徐汇滨江、秦创原集聚企业，在天津港建设智慧港口场景。", None, region("天津市"))
    assert [(m.name, m.city) for m in found] == [("徐汇滨江", "上海市"), ("秦创原", "西安市"), ("天津港", "天津市")]
    assert set(sites("建设秦创原人工智能算力中心。", "陕西省")) == {"秦创原人工智能算力中心"}  # runs on from one


def test_a_national_supercomputing_centre_with_its_city_in_brackets():
    (centre,) = find_sites("推进国家超级计算中心（长沙）算力升级工程。", None, None)
    assert (centre.name, centre.city) == ("国家超级计算长沙中心", "长沙市")
    assert find_sites("推进国家超级计算中心（二期）建设。", None, None) == []


def test_endings_made_only_of_generic_words_name_nothing():
    assert sites("推动数据中心绿色化改造，新建大型数据中心能效达到先进水平。", "贵阳市") == {}
    assert sites("在开发区布局一批边缘计算节点。", "贵阳市") == {}
    assert sites("建设国家工业互联网标识解析二级节点和省级算力调度中心。", "贵州省") == {}
    assert sites("依托科技城、产业园区、军民融合产业基地等载体集聚企业。", "绵阳市") == {}
    assert sites("推动运营商、云服务商和各类算力平台协同发展。", "贵州省") == {}


def test_a_list_of_names_holds_plain_names_and_a_list_of_kinds_holds_none():
    assert set(sites("以良渚小镇、梦想小镇等特色小镇为引领。", "杭州市")) == {"良渚小镇", "梦想小镇"}
    assert sites("布局低空经济产业园、具身智能产业园、元宇宙产业园。", "杭州市") == {}


def test_an_economic_zone_is_a_zone_by_a_word_of_its_own():
    assert set(sites("支持松湖新区、山前经济区建设公共智算中心。", "东莞市")) == {"松湖新区", "山前经济区"}
    assert sites("建成低空经济区域创新高地，打造低空经济区。", "东莞市") == {}  # 区域 goes on; generic words
    assert sites("融入海峡西岸经济区建设，对接中原经济区。", "福建省") == {}  # alone, broad regions
    assert set(sites("推动广西北部湾经济区高质量发展。", "广西壮族自治区")) == {"广西北部湾经济区"}


def test_a_list_of_what_centres_do_names_no_site():
    text = "建设算力资源调度中心、数据资产登记中心、数据跨境交易中心，完善服务体系。"
    assert sites(text, "南宁市") == {}  # kinds of centre, though 跨境 is a word of its own
    named = "依托国家超算长沙中心、星沙算力调度中心开展服务。"  # a mate with a proper name: a list of sites
    assert set(sites(named, "长沙市")) == {"国家超级计算长沙中心", "星沙算力调度中心"}


def test_a_generic_zone_name_takes_the_plan_city_and_none_without_one():
    assert sites("加快新区数据中心二期建设。", "宜昌市") == {"宜昌新区数据中心": "新区数据中心"}
    assert sites("加快新区数据中心二期建设。", "湖北省") == {}


def test_a_place_counts_only_as_a_whole_word():
    found = find_sites("推进杭州湾新区智能制造产业园建设，加强大连接产业园配套。", None, None)
    assert all(m.city != "杭州市" for m in found)  # 杭州湾新区 is in Ningbo
    assert all(m.city != "大连市" for m in found)  # 大连接: no 大连


def test_a_district_short_name_counts_only_inside_the_plan_province():
    (inside,) = find_sites("支持坪山人工智能产业基地建设。", None, region("广东省"))
    assert (inside.district, inside.city) == ("坪山区", "深圳市")
    assert all(m.district is None for m in find_sites("支持坪山人工智能产业基地建设。", None, None))


def test_a_verb_no_stop_list_holds_is_not_part_of_a_name():
    assert set(sites("企业租用长沙经开区标准厂房的，给予补贴。", "长沙市")) == {"长沙经开区"}
    assert set(sites("推进中国（湖南）自由贸易试验区长沙片区建设。", "长沙市")) == {
        "中国（湖南）自由贸易试验区长沙片区"}


def test_a_conjunction_before_a_new_name_or_a_determiner_ends_the_name():
    assert set(sites("依托骨干企业及国家数字化设计与制造创新中心等创新平台开展攻关。", "武汉市")) == {
        "国家数字化设计与制造创新中心"}
    assert sites("依托骨干企业及各类创新中心开展攻关。", "武汉市") == {}


# -- an institution: a site when it hosts work, an organization when it acts ----------------

def test_a_research_institute_built_as_a_platform_is_a_site():
    assert set(sites("加快建设青岛海洋智能研究院、青岛具身智能研究院等平台。", "青岛市")) == {
        "青岛海洋智能研究院", "青岛具身智能研究院"}
    assert set(sites("支持山东省人工智能安全研究院建设。", "山东省")) == {"山东省人工智能安全研究院"}


def test_an_institute_founded_in_corner_quotes_is_a_site_and_one_that_plans_is_a_body():
    founded = "明年成立「宁波智能制造研发院」，促进成果转化。"
    assert set(sites(founded, "宁波市")) == {"宁波智能制造研发院"}  # 「」 end a name like “”
    assert organizations(founded, "宁波市") == {}
    planning = "即将成立的宁波智能制造研发院，正在筹划首批项目。"
    assert sites(planning, "宁波市") == {}
    assert organizations(planning, "宁波市") == {"宁波智能制造研发院": "institute"}
    assert organizations("宁波港务集团设立宁波港口智能化研发中心。", "宁波市") == {
        "宁波港务集团": "enterprise", "宁波港口智能化研发中心": "institute"}


def test_a_lab_named_by_the_bare_level_of_the_plan_government_is_its_own_lab():
    assert sites("用好省量子信息实验室，争取国家试点。", "安徽省") == {"安徽省量子信息实验室": "省量子信息实验室"}
    assert sites("依托市区块链实验室开展攻关。", "芜湖市") == {"芜湖市区块链实验室": "市区块链实验室"}
    assert sites("用好省量子信息实验室。", "芜湖市") == {"安徽省量子信息实验室": "省量子信息实验室"}
    assert sites("支持省重点实验室、省级实验室建设。", "安徽省") == {}  # ranks of labs
    assert sites("推动国家、省、市实验室协同发展。", "芜湖市") == {}  # the levels alone
    assert sites("用好省量子信息实验室。") == {}  # no plan region: whose lab is not known


def test_a_research_institute_that_does_the_work_is_an_organization():
    text = "推动青岛海洋智能研究院开展海洋大模型研发。"
    assert sites(text, "青岛市") == {}
    assert organizations(text, "青岛市") == {"青岛海洋智能研究院": "institute"}


def test_a_lab_that_teams_up_with_others_is_an_organization_and_a_lab_built_on_is_a_site():
    acting = "支持崂山实验室联合龙头企业开展关键技术攻关。"
    assert sites(acting, "青岛市") == {}
    assert organizations(acting, "青岛市") == {"崂山实验室": "institute"}
    hosting = "依托崂山实验室建设海洋科学大模型。"
    assert set(sites(hosting, "青岛市")) == {"崂山实验室"}
    assert organizations(hosting, "青岛市") == {}


def test_centres_listed_as_innovation_bodies_beside_universities_are_organizations():
    text = "支持山东大学、中国海洋大学、山东省机器人创新中心、智能感知技术创新中心等创新主体联合企业攻关。"
    assert sites(text, "山东省") == {}
    assert set(organizations(text, "山东省")) == {"山东大学", "中国海洋大学", "山东省机器人创新中心",
                                                 "智能感知技术创新中心"}


def test_labs_a_list_calls_research_institutions_are_organizations():
    text = "甘肃省智能感知重点实验室、兰州数字视觉工程实验室等科研机构相继建成。"
    assert sites(text, "甘肃省") == {}
    assert set(organizations(text, "甘肃省")) == {"甘肃省智能感知重点实验室", "兰州数字视觉工程实验室"}
    hosting = "依托甘肃省智能感知重点实验室建设算法平台。"  # 重点 is the name's own word, no verb
    assert set(sites(hosting, "甘肃省")) == {"甘肃省智能感知重点实验室"}
    assert sites("支持重点实验室建设，新建省重点实验室3家。", "甘肃省") == {}


def test_a_company_listed_with_its_plant_is_the_company():
    text = "支持潍柴动力、比亚迪济南基地等链主企业打通供应链数据。"
    assert sites(text, "济南市") == {}
    assert organizations(text, "济南市") == {"潍柴动力": "enterprise", "比亚迪": "enterprise"}


# -- organizations -----------------------------------------------------------------------------

def test_a_phrase_with_de_a_verb_or_generic_words_is_no_organization():
    assert organizations("推动形成开放共享、安全可信的联盟。") == {}
    assert organizations("组建细分领域专利联盟，发挥行业协会和产业联盟作用。") == {}
    assert organizations("支持高校建设人工智能学院，成立高水平创新研究院。") == {}


def test_a_body_named_by_its_ending_carries_a_place_or_a_proper_name():
    found = organizations("发挥宁波市软件行业协会、国防科技大学和中国科学院沈阳自动化研究所作用。")
    assert found == {"宁波市软件行业协会": "association", "国防科技大学": "university",
                     "中国科学院沈阳自动化研究所": "institute"}


def test_a_regional_name_anchors_a_body_and_the_longest_ending_wins():
    assert organizations("发挥成渝人工智能产业联盟作用，支持苏州人工智能研究院有限公司等企业。") == {
        "成渝人工智能产业联盟": "association", "苏州人工智能研究院有限公司": "enterprise"}
    assert organizations("发挥西部产业联盟作用。") == {}


def test_a_university_keeps_its_branch_city_and_writes_its_campus():
    (org,) = find_organizations("支持中国矿业大学（北京）深圳校区开展人才培养。")
    assert (org.name, org.written, org.kind) == ("中国矿业大学（北京）", "中国矿业大学（北京）深圳校区", "university")
    (known,) = find_organizations("依托清华大学深圳校区开展联合攻关。")
    assert (known.name, known.written) == ("清华大学", "清华大学深圳校区")


def test_a_bracketed_company_form_is_inside_the_name():
    assert organizations("支持云南电网（集团）有限责任公司开展绿电交易。") == {
        "云南电网（集团）有限责任公司": "enterprise"}


def test_a_known_company_is_not_a_body_where_it_names_a_site_or_a_model():
    (plant,) = find_sites("支持宁德时代宜宾基地扩大产能。", None, region("四川省"))
    assert (plant.name, plant.city) == ("宁德时代宜宾基地", None)  # not in 宁德
    assert organizations("支持宁德时代宜宾基地扩大产能。", "四川省") == {}
    assert organizations("完成DeepSeek模型本地化部署，推广华为盘古大模型。") == {"华为": "enterprise"}


def test_the_bare_names_of_a_list_of_leading_firms_are_firms_and_sectors_are_not():
    assert organizations("支持长城汽车、晶澳科技等龙头企业建设灯塔工厂。") == {
        "长城汽车": "enterprise", "晶澳科技": "enterprise"}
    assert organizations("支持汽车、家电、纺织服装等龙头企业开展智能化改造。") == {}
    assert organizations("支持银行、证券、保险等机构开发金融大模型。") == {}
    assert organizations("支持长城、晶澳等企业建设灯塔工厂。") == {}  # no known firm, no firm ending, no 龙头
    assert organizations("支持华为、荣耀等企业建设研发中心。") == {"华为": "enterprise", "荣耀": "enterprise"}
    assert organizations("鼓励汽车、电子等行业龙头企业开放场景。") == {}


def test_known_bodies_by_their_short_names_and_not_inside_other_words():
    assert organizations("联合中国信通院、中科院计算所开展评测。") == {
        "中国信息通信研究院": "institute", "中国科学院计算技术研究所": "institute"}
    assert organizations("支持一汽、上汽开展智能网联汽车测试。") == {
        "中国第一汽车集团有限公司": "enterprise", "上汽集团": "enterprise"}
    assert organizations("推动统一汽车数据接口标准。") == {}  # 统一|汽车: no 一汽
    assert organizations("提升计算所需的算力，加快自动化所需设备更新。") == {}  # 所需: no 计算所, 自动化所
    assert organizations("联合中国电科院开展电力大模型研究。") == {}  # the power research institute, not CETC


def test_a_public_institution_named_by_its_work_is_a_body_where_it_acts_not_where_it_is_built():
    assert organizations("萧山区农机服务中心依托北斗终端实现农机调度。") == {"萧山区农机服务中心": "other"}
    assert organizations("湖南省教育技术中心相关负责人表示，将推广智能教学。") == {"湖南省教育技术中心": "institute"}
    assert organizations("打造长沙国际人工智能发展中心，建设长沙数据服务中心。") == {}  # roles and facilities
    assert organizations("在长沙市政务服务中心设立人工智能服务专区。") == {}  # a public hall
    assert organizations("来函请寄：长沙市大数据发展中心A座1201。") == {}  # an address


def test_a_list_closed_as_giants_is_one_of_firms():
    assert organizations("吸引甲骨文、微软等国际巨头设立区域总部。") == {"甲骨文": "enterprise", "微软": "enterprise"}
    assert organizations("吸引汽车、家电等行业巨头落户。") == {}


def test_the_page_publisher_credited_or_greeting_is_no_body_the_document_names():
    assert organizations("您好，欢迎您进入江西省软件行业协会官网！") == {}
    assert organizations("发布日期：2025-03-02 来源：中国信息通信研究院 浏览量：88") == {}
    assert organizations("支持江西省软件行业协会开展人才培训。") == {"江西省软件行业协会": "association"}


def test_a_known_name_counts_only_as_a_whole_word():
    assert organizations("主动拥抱人工智能发展新浪潮。") == {}
    assert organizations("呈现出完美的联想效果。") == {}
    assert organizations("推广华为云和阿里云服务。") == {"华为": "enterprise", "阿里巴巴": "enterprise"}
    assert organizations("支持京东方建设新型显示产线。") == {"京东方": "enterprise"}  # not 京东


def test_a_known_name_that_is_an_ordinary_word_needs_a_company_context():
    assert organizations("迎来人工智能产业发展的曙光，引发联想。") == {}
    assert organizations("支持浪潮、曙光等企业建设智算中心。") == {"浪潮": "enterprise", "中科曙光": "enterprise"}
    assert organizations("推动小米汽车扩大产能。") == {"小米": "enterprise"}
    assert organizations("支持腾讯、联想建设研发中心。") == {"腾讯": "enterprise", "联想": "enterprise"}
    # a firm known by a number (360): only where the sentence makes it a company
    assert organizations("建设360度全景展示平台。") == {}
    assert organizations("吸引百度、360等头部企业落户。") == {
        "百度": "enterprise", "三六零安全科技股份有限公司": "enterprise"}


def test_a_list_of_means_acting_on_firms_names_no_firm():
    assert organizations("支持以5G专网、工业无源光网络(PON)、时间敏感网络等技术改造企业内外网。") == {}
    assert organizations("推动腾讯、百度等企业建设工业互联网平台。") == {"腾讯": "enterprise", "百度": "enterprise"}


def test_a_list_of_leading_firms_with_a_long_qualifier_and_firms_given_as_examples():
    assert organizations("重点培育埃夫特、新松等工业机器人龙头企业。") == {
        "埃夫特": "enterprise", "新松": "enterprise"}
    assert organizations("培育以优艾智合、云迹为代表的服务机器人企业。") == {
        "优艾智合": "enterprise", "云迹": "enterprise"}
    assert organizations("以汽车、电子为代表的制造业企业加快转型。") == {}  # sectors given as examples


def test_a_list_of_firms_made_only_of_proper_nouns_names_firms():
    assert organizations("鼓励高校联合云知声等企业开展研发。") == {"云知声": "enterprise"}
    assert organizations("支持傅利叶、智元等企业联合高校研发。") == {"傅利叶": "enterprise", "智元": "enterprise"}
    assert organizations("支持制造业、外资等企业发展。") == {}  # kinds of firms
    assert organizations("支持欧美等企业来华投资。") == {}  # where firms are from
    assert organizations("引导光谷、张江等园区企业发展。") == {}  # a park's firms


def test_a_firm_name_by_its_ending_makes_a_list_one_of_firms():
    assert organizations("推进云鼎科技、海岱等企业项目落地。") == {"云鼎科技": "enterprise", "海岱": "enterprise"}
    assert organizations("推进汽车电子、智能电子等企业项目落地。") == {}
    assert organizations("推进云鼎、海岱等企业项目落地。") == {}  # nothing says these are firms


def test_a_list_of_projects_named_after_two_firms_or_more_names_firms():
    assert organizations("抓实云鼎科技、海岱电子、蓝海智联等重大项目建设。") == {
        "云鼎科技": "enterprise", "海岱电子": "enterprise", "蓝海智联": "enterprise"}  # 抓实: a verb, not a name
    assert organizations("抓实云鼎科技、蓝海智联等重大项目建设。") == {}  # one firm name: projects
    assert organizations("推进5G基站、数据中心等重大项目建设。") == {}


def test_a_body_whose_officer_the_sentence_names_is_one_body():
    assert organizations("智能制造创新研究院院长王某作主旨报告。") == {"智能制造创新研究院": "institute"}
    assert organizations("支持智能制造创新研究院开展研发。") == {}  # ordinary words, no officer
    assert organizations("鼓励高校研究院院长参与评审。") == {}  # a determiner: a kind of body


def test_a_bare_name_before_a_company_officer_title_is_a_company():
    assert organizations("活动上，星河智联副总裁王某作主旨报告。") == {"星河智联": "enterprise"}
    assert organizations("邀请云帆数科董事长李某出席。") == {"云帆数科": "enterprise"}  # 邀请: a verb
    assert organizations("组织企业董事长和总经理参加培训。") == {}  # kinds of firms, no name
    assert organizations("两家公司总经理出席。") == {}
    assert organizations("会上，张志远董事长表示将加大投入。") == {}  # a person's name as often
    assert organizations("星河智联原总经理出席。") == {"星河智联": "enterprise"}  # 原: of the officer
    assert organizations("邀请独角兽企业副总裁、上市公司董事长座谈。") == {}  # kinds of firms by standing
    assert organizations("支持上市公司发展。") == {}


def test_the_operators_short_names_are_the_operators_only_where_a_list_holds_two_or_more():
    assert organizations("天翼黄山云、移动徽商云、联通江淮云等云服务上线。") == {
        "中国移动": "enterprise", "中国联通": "enterprise"}  # 天翼 is no operator's short name
    assert organizations("支持电信、联通等运营商建设5G基站。") == {"中国电信": "enterprise", "中国联通": "enterprise"}
    assert organizations("推进移动互联网、电信网络建设。") == {}  # before a common noun: ordinary words
    assert organizations("发展移动办公，联通两地市场。") == {}  # not a list of operators


def test_a_registered_company_name_in_a_list_is_the_whole_item():
    found = organizations("在中国石油化工集团有限公司、中国铁路建设投资集团有限公司、"
                          "国家能源投资集团有限责任公司等中央企业开展试点。")
    assert found == {"中国石油化工集团有限公司": "enterprise", "中国铁路建设投资集团有限公司": "enterprise",
                     "国家能源投资集团有限责任公司": "enterprise"}
    assert organizations("鼓励设立有限公司，支持相关有限公司发展。") == {}


# -- in a document ----------------------------------------------------------------------------

DOCUMENT = """南宁市人工智能产业发展行动方案（2025—2027年）
为加快人工智能产业发展，依托广西大学、南宁师范大学等高校，制定本方案。
一、发展目标
到2027年，国家人工智能创新应用先导区创建取得突破。
二、重点任务
（一）建设算力设施。加快建设南宁五象新区数据中心，推动东盟数字经济产业园建设。（责任单位：市发展改革委、南宁产业投资集团有限责任公司）
（二）推动协同创新。支持桂林电子科技大学联合企业开展攻关。
"""


@pytest.fixture(scope="module")
def nanning():
    return extract(RawDocument("nanning.txt", DOCUMENT))


def _named(graph, label: str) -> set[str]:
    return {n.properties["name"] for n in graph.by_label(label)}


def test_a_designation_in_a_goal_links_the_target_to_the_city_designation(nanning):
    linked = {nanning.nodes[r.end].properties["name"] for r in nanning.relationships.values()
              if r.type == Rel.AT_SITE and nanning.nodes[r.start].label == Label.TARGET}
    assert linked == {"南宁国家人工智能创新应用先导区"}


def test_bodies_named_outside_the_measures_are_organizations_too(nanning):
    assert {"广西大学", "南宁师范大学", "桂林电子科技大学"} <= _named(nanning, Label.ORGANIZATION)


def test_a_body_the_plan_names_as_responsible_is_an_agency_not_an_organization(nanning):
    assert not any("南宁产业投资集团" in name for name in _named(nanning, Label.ORGANIZATION))


def test_a_body_is_the_agency_only_when_the_agency_is_a_unit_of_it():
    graph = extract(RawDocument("ali.txt", (
        "阿里地区数字经济发展行动方案\n二、重点任务\n"
        "（一）建设算力设施。支持阿里、华为等企业参与阿里地区数据中心建设。"
        "（责任单位：阿里地区行政公署、中国电信阿里分公司）\n"
        "（二）推广应用。推动中国电信开放5G网络能力。\n")))
    assert {"阿里巴巴", "华为"} <= _named(graph, Label.ORGANIZATION)  # 阿里地区行政公署 is not 阿里
    assert "中国电信" not in _named(graph, Label.ORGANIZATION)  # its branch is a responsible unit


def test_a_host_site_teaser_over_the_page_names_no_body():
    graph = extract(RawDocument("teaser.txt", (
        "四川省软件行业协会是由省内软件企业自愿结成的行业性、非营利性社会组织，服务会员单位逾千家。更多>>\n"
        "宜宾市数据要素行动方案\n二、重点任务\n"
        "（一）培育数据企业。支持宜宾市人工智能产业联盟组织企业对接。\n")))
    assert "四川省软件行业协会" not in _named(graph, Label.ORGANIZATION)
    assert "宜宾市人工智能产业联盟" in _named(graph, Label.ORGANIZATION)


def test_a_division_that_starts_like_a_company_short_name_is_no_company():
    assert organizations("推进阿里地区光伏数据中心建设。", "西藏自治区") == {}


REPORT = """滨江区发布人工智能若干措施
算力先行，降低企业用算成本
作为全市算力高地，滨江数字经济产业园集中布局了一批算力设施。其中，之江实验室智算平台将于今年建成。
西兴科学城是滨江重点打造的创新高地。《若干措施》提出强化智能算力平台建设。对新建智能算力平台给予最高1000万元资助。
未来科技城是区内另一个产业高地，区里还将在此举办多场对接活动。
《若干措施》还支持人工智能示范场景建设。对示范场景需求方给予最高200万元资助。
"""


def test_a_report_links_the_sites_it_presents_an_item_with_to_that_item():
    graph = extract(RawDocument("report.txt", REPORT))
    linked: dict[str, set[str]] = {}
    for r in graph.relationships.values():
        if r.type == Rel.AT_SITE and graph.nodes[r.start].label == Label.MEASURE:
            title = graph.nodes[r.start].properties["title"]
            linked.setdefault(title, set()).add(graph.nodes[r.end].properties["name"])
    assert linked.get("强化智能算力平台建设") == {"西兴科学城", "滨江数字经济产业园", "之江实验室"}
    # a paragraph between two items, under no sub-heading of its own, is narration
    assert "杭州未来科技城" not in {name for names in linked.values() for name in names}


def test_a_short_name_the_document_gives_a_site_stands_for_it_as_a_whole_word():
    text = "建设“星河城市算力平台”（以下简称星河算力平台），对在星河算力平台上采购算力的企业给予补贴。"
    refs = site_references(text, "扬州市算力券实施细则", region("扬州市"))
    assert {form: m.name for form, m in refs.items()} == {"星河算力平台": "星河城市算力平台"}
    found = find_sites("企业在星河算力平台上采购算力，或与星河算力平台服务方签订合同。", None, region("扬州市"), refs)
    assert [(m.name, m.written) for m in found] == [("星河城市算力平台", "星河算力平台")] * 2
    assert site_references("制定《行动方案》（以下简称《方案》）。", "扬州市行动方案", region("扬州市")) == {}
    for given in ("（下称“星河算力平台”）", "（以下称星河算力平台）", "（简称为“星河算力平台”）"):
        refs = site_references(f"建设“星河城市算力平台”{given}。", "", region("扬州市"))
        assert {form: m.name for form, m in refs.items()} == {"星河算力平台": "星河城市算力平台"}, given


def test_the_bare_ending_of_the_designation_a_title_builds_stands_for_it():
    refs = site_references("", "长沙建设国家新一代人工智能创新发展实验区实施方案", region("长沙市"))
    found = find_sites("到2025年，试验区成为创新策源地。", None, region("长沙市"), refs)
    assert [(m.name, m.written) for m in found] == [("长沙国家新一代人工智能创新发展试验区", "试验区")]
    assert [m.name for m in find_sites("推进中国（湖南）自由贸易试验区建设。", None, region("长沙市"), refs)] == [
        "中国（湖南）自由贸易试验区"]  # a piece of another name is not the reference
    assert site_references("", "长沙市人工智能产业发展行动方案", region("长沙市")) == {}


def test_a_name_the_document_repeats_with_a_noun_of_its_own_stands_for_a_site():
    text = "算力供给方应将资源接入灯塔城市算力平台。\n服务方为基于灯塔城市算力平台提供服务的单位。"
    refs = site_references(text, "湖州市算力券实施细则", region("湖州市"))
    assert {form: m.name for form, m in refs.items()} == {"灯塔城市算力平台": "灯塔城市算力平台"}
    assert site_references("算力供给方应将资源接入灯塔城市算力平台。", "", region("湖州市")) == {}  # once: a phrase
    twice = "支持建设算力调度基地。\n算力调度基地由市数据局统筹。\n新建算力保障基地。\n算力保障基地按需扩容。"
    assert site_references(twice, "", region("湖州市")) == {}  # no noun of its own (调度 is generic, 保障 a verb)


def test_a_designation_the_document_writes_once_with_the_plans_place_stands_for_it_bare():
    text = ("依据《通州区人工智能大模型产业示范集聚区建设方案》，高质量建设人工智能大模型产业示范集聚区。\n"
            "对入驻人工智能大模型产业示范集聚区的企业给予房租补贴。")
    refs = site_references(text, "", region("通州区"))
    bare, placed = "人工智能大模型产业示范集聚区", "通州区人工智能大模型产业示范集聚区"
    assert {form: m.name for form, m in refs.items()} == {bare: placed}
    found = find_sites("对入驻人工智能大模型产业示范集聚区的企业给予房租补贴。", None, region("通州区"), refs)
    assert [(m.name, m.written) for m in found] == [(placed, bare)]
    # another place's zone, a short generic name, and two places' zones of one designation stand for none
    assert site_references(text.replace("通州区", "顺义区"), "", region("通州区")) == {}
    assert site_references("建设通州区数字经济产业园。\n支持数字经济产业园发展。", "", region("通州区")) == {}
    both = text + "\n支持北京市人工智能大模型产业示范集聚区扩容。"
    assert site_references(both, "", region("通州区")) == {}
    # no bare form anywhere else: nothing to stand for
    assert site_references("建设通州区人工智能大模型产业示范集聚区。", "", region("通州区")) == {}


def test_a_rebuilding_verb_is_no_part_of_a_site_name():
    assert sites("支持企业、运营商等新建、改建智算中心，鼓励迁建数据中心", "江门市") == {}


def test_a_site_keeps_the_form_a_traditional_page_prints_as_its_alias():
    graph = extract(RawDocument("trad.txt", (
        "柳城市數字經濟行動方案\n二、重點任務\n"
        "（一）壯大產業集群。聯動柳州高新區建設人工智能特色園區。\n")))
    site = next(n for n in graph.by_label(Label.SITE) if n.properties["name"] == "柳州高新区")
    assert site.properties["aliases"] == ["柳州高新區"]  # the printed form, not the Simplified reading


def test_a_hub_is_a_site_by_a_proper_name_not_by_the_role_it_names():
    assert sites("推动白鹭湾科学城、云杉枢纽建设人工智能产业集聚区", "厦门市") == {
        "白鹭湾科学城": "白鹭湾科学城", "云杉枢纽": "云杉枢纽"}
    assert sites("建设国际航空枢纽、国际航运枢纽，打造区域算力枢纽和综合交通枢纽", "厦门市") == {}


def test_a_division_named_like_a_zone_is_a_region_not_a_site():
    assert sites("推动浦东新区、闵行区布局一批智算中心", "上海市") == {}
    assert sites("支持上海浦东新区建设人工智能产业园", "上海市") == {}
    assert sites("支持临港新区建设智算中心", "上海市") == {"临港新区": "临港新区"}  # no division: a zone


def test_a_generic_name_after_a_list_of_places_is_each_place_own_not_a_site_of_the_last():
    assert sites("推进鸠江区、弋江区通用机场建设", "芜湖市") == {}
    assert sites("依托芜湖高新区、弋江区智能制造产业园", "芜湖市") == {
        "芜湖高新区": "芜湖高新区", "弋江区智能制造产业园": "弋江区智能制造产业园"}  # a site before: a list of sites


def test_the_firms_a_sentence_gives_as_examples_of_the_kind_it_counted_are_organizations():
    assert organizations("集聚企业120家，包括星云科技、海川电子(川芯)、远帆智造等，产值持续增长") == {
        "星云科技": "enterprise", "海川电子": "enterprise", "远帆智造": "enterprise"}
    assert organizations("集聚企业120家，包括汽车、家电、智能终端等，产值持续增长") == {}  # sectors
    assert organizations("建设一批平台，包括星云科技、海川电子等") == {}  # examples of no firms


def test_a_body_the_page_names_again_without_its_place_is_one_organization():
    graph = extract(RawDocument("alliance.txt", (
        "柳州市人工智能产业发展行动方案\n二、重点任务\n"
        "（一）壮大产业生态。支持柳州人工智能产业联盟举办对接活动。\n"
        "（二）强化交流合作。人工智能产业联盟秘书长介绍了合作计划。\n")))
    bodies = {n.properties["name"]: n.properties["aliases"] for n in graph.by_label(Label.ORGANIZATION)}
    assert bodies == {"柳州人工智能产业联盟": ["人工智能产业联盟"]}
    from loaders.mentions import full_names

    assert full_names({"柳州人工智能产业联盟", "桂林人工智能产业联盟", "人工智能产业联盟"}) == {}  # whose? not said


def test_a_hospital_with_a_place_is_an_organization_and_one_of_a_bare_level_is_not():
    assert organizations("推进柳州市第三医院智慧病房建设") == {"柳州市第三医院": "other"}
    assert organizations("建设智慧医院、互联网医院，支持市人民医院、市中医医院开展示范") == {}


def test_a_firm_named_by_a_word_of_its_own_and_smart_heads_a_list_of_firms():
    assert organizations("支持星河航空、远帆智能等企业扩大产能") == {"星河航空": "enterprise", "远帆智能": "enterprise"}
    assert organizations("支持工业智能、医疗智能等企业发展") == {}  # kinds of firms


def test_a_province_or_a_broad_region_with_generic_words_names_a_role_not_a_site():
    assert sites("打造立足西部服务全国的甘肃绿色算力基地，初步建成黄土高原绿色算力集聚区", "甘肃省") == {}
    assert sites("建设天水人工智能产业基地", "甘肃省") == {"天水人工智能产业基地": "天水人工智能产业基地"}


def test_a_goal_that_refers_back_to_the_park_by_its_bare_word_is_linked_to_it():
    from loaders.sites import referred_site

    before = "（1）推进白碱滩云计算产业园区扩容，到2026年"
    assert referred_site(before, "园区新增智能算力3000P", region("克拉玛依市")).name == "白碱滩云计算产业园区"
    assert referred_site(before, "全市新增智能算力3000P", region("克拉玛依市")) is None  # refers to no site
    assert referred_site("建设白碱滩云计算产业园区。到2026年", "园区新增智能算力3000P", region("克拉玛依市")) is None


def test_a_quantifier_or_a_selection_before_a_kind_of_body_names_no_body():
    assert organizations("每所指定大学的资助上限提高至500万元。") == {}  # any designated university
    assert organizations("每家新型研发机构最高奖励100万元。") == {}
    # how a body is funded or run selects a kind of university, none by name
    assert organizations("未来三年，资助大学将开设人工智能课程。") == {}
    assert organizations("鼓励民办大学与企业共建实训基地。") == {}
    assert organizations("支持甲乙大学建设人工智能学院。") == {"甲乙大学": "university"}


def test_a_listed_firm_may_open_with_a_conjunction_character_or_be_written_in_latin_letters():
    text = "汇聚40家厂商，包括甲乙电子、和丰智造、丙丁科技、Nova Robotics等，厂商数持续增加。"
    assert organizations(text) == {"甲乙电子": "enterprise", "和丰智造": "enterprise", "丙丁科技": "enterprise",
                                   "Nova Robotics": "enterprise"}
    assert organizations("汇聚40家厂商，包括甲乙电子、丙丁科技、open source tools等。") == {
        "甲乙电子": "enterprise", "丙丁科技": "enterprise"}  # lower-case words are no proper name


def test_a_trade_guild_with_a_place_is_an_association():
    assert organizations("联合甲市电子商业同业公会举办展会。") == {"甲市电子商业同业公会": "association"}
    assert organizations("鼓励各同业公会发挥作用。") == {}  # a kind of body


def test_an_institution_a_task_builds_on_a_named_host_is_a_site():
    found = sites("依托宁安大学和某某集团建设无人机导航技术研究院，完善配套服务。", "郑州市")
    assert "无人机导航技术研究院" in found
    found = sites("依托宁安市农业科学院建设智能感知中试基地。", "郑州市")
    assert "智能感知中试基地" in found
    # a kind of host names no one institution
    assert "无人机导航技术研究院" not in sites("依托龙头企业和高校建设无人机导航技术研究院。", "郑州市")
    assert "无人机导航技术研究院" not in sites("支持建设无人机导航技术研究院。", "郑州市")


def test_the_sentences_before_a_list_of_tasks_frame_the_list_and_give_no_item_its_sites():
    text = ("宁安市审议通过数字经济规划\n宁安市人大审议通过了《宁安市数字经济发展规划(2021-2025)》。\n"
            "《规划》提出“两个定位、三项任务”。“两个定位”，就是建设全国智能制造示范区、全国数据要素试验区。"
            "“三项任务”，就是建设算力基础设施、推动制造业数字化转型、培育数据要素市场。\n")
    graph = extract(RawDocument("report.txt", text))
    linked = [r for r in graph.relationships.values()
              if r.type == Rel.AT_SITE and graph.nodes[r.start].label == Label.MEASURE]
    assert len(list(graph.by_label(Label.MEASURE))) == 3
    assert linked == []


def test_a_site_named_only_in_a_cited_document_title_is_not_where_the_measure_works():
    text = "对购买算力服务的企业给予补贴（按照《甲区建设南湖人工智能产业园实施办法》执行）。"
    assert sites(text, "杭州市") == {}
    text = "支持南湖人工智能产业园建设，落实《南湖人工智能产业园管理办法》。"
    assert set(sites(text, "杭州市")) == {"南湖人工智能产业园"}


def test_the_plain_names_of_a_list_closed_as_places_are_sites():
    # a list closed as zones names zones, a place word (岛, 湖, 站) after a name makes one
    found = sites("打通洛阳南站、西苑湖、创想岛等重点片区的接驳线路。", "洛阳市")
    assert set(found) == {"洛阳南站", "西苑湖", "创想岛"}
    # a list closed as platforms counts only beside a site it holds; its division is a region
    found = sites("建成未来岛、洛阳市人工智能计算中心等公共服务平台。", "洛阳市")
    assert set(found) == {"未来岛", "洛阳市人工智能计算中心"}
    assert sites("在洛阳高新区、宜阳县等重点区域开展示范。", "洛阳市") == {"洛阳高新区": "洛阳高新区"}
    assert sites("在洛阳高新区、龙门街道、白马镇等重点区域开展示范。", "洛阳市") == {"洛阳高新区": "洛阳高新区"}
    # a known site written without the place its form opens with (北京亦庄 -> 亦庄) is that site
    assert sites("在亦庄、前海等重点园区布局智算中心。", "北京市") == {
        "北京经济技术开发区": "亦庄", "前海深港现代服务业合作区": "前海"}
    # kinds of places, and a list of platforms with no site in it, name none; nor a list of firms in parks
    assert sites("支持星河湾、云海谷等园区企业上云。", "洛阳市") == {}
    assert sites("覆盖城市商圈、居民社区、交通枢纽等重点区域。", "洛阳市") == {}
    assert sites("建设智能化供需匹配、开源开放社区等公共服务平台。", "洛阳市") == {}


def test_a_research_institute_a_task_builds_and_completes_is_built():
    # 建设完善 builds as 建设 does; a proper name (滨江) names the institute, generic words do not
    assert set(sites("建设完善滨江人工智能研究院，推动成果转化。", "郑州市")) == {"滨江人工智能研究院"}
    assert sites("建设完善人工智能产业研究院，推动成果转化。", "郑州市") == {}
    assert sites("滨江人工智能研究院开展前沿研究。", "郑州市") == {}  # it works: a body, not a site


def test_an_institute_to_come_into_service_is_a_site_and_one_at_work_a_body():
    assert set(sites("澳门智能计算研发院将于年内投入运作，支持成果转化。")) == {"澳门智能计算研发院"}
    assert organizations("澳门智能计算研发院将于年内投入运作，支持成果转化。") == {}
    assert organizations("澳门智能计算研发院开展前沿研究。") == {"澳门智能计算研发院": "institute"}


def test_a_verbal_noun_before_a_place_is_no_part_of_the_name():
    # 发展 is a verbal noun (vn) before a place: the name starts at the place
    assert sites("赣州市：重点发展赣州人工智能小镇。", "江西省") == {"赣州人工智能小镇": "赣州人工智能小镇"}


def test_a_belt_a_corridor_or_a_data_port_is_a_site_with_a_place_or_a_proper_name():
    assert sites("打造沅江两岸数字经济创新集聚带，建设湘潭科创走廊。", "湘潭市") == {
        "沅江两岸数字经济创新集聚带": "沅江两岸数字经济创新集聚带", "湘潭科创走廊": "湘潭科创走廊"}
    assert sites("到2026年，岳麓数据港入驻企业达到80家。", "长沙市") == {"岳麓数据港": "岳麓数据港"}
    # the ending alone, or after generic words, is a kind of place the plan wants
    assert sites("打造数字经济创新集聚带，建设国际数据港和科技创新走廊。", "湘潭市") == {}


def test_an_exchange_named_by_a_regional_scope_alone_is_that_one_exchange():
    assert sites("到2024年，初步建成华中数据交易中心。", "武汉市") == {"华中数据交易中心": "华中数据交易中心"}
    assert sites("支持企业在北方大数据交易所挂牌。", "太原市") == {"北方大数据交易所": "北方大数据交易所"}
    # a kind of exchange, or a scope followed by more than a field, names no one body
    assert sites("建设区域性数据交易中心，对接西部地区数据交易中心。", "武汉市") == {}
    assert sites("依托数据交易中心、数据交易所开展交易。", "武汉市") == {}


def test_a_name_opened_by_the_airport_zone_word_is_the_plan_citys_airport_zone():
    assert sites("建设完善临空人工智能研究院。", "长沙市") == {"长沙临空人工智能研究院": "临空人工智能研究院"}
    # no city to place it in (a province's plan), and the zone's economy, name no one site
    assert sites("建设完善临空人工智能研究院。", "湖南省") == {}
    assert sites("发展空港经济，推动空港型国家物流枢纽建设。", "长沙市") == {}


def test_a_data_elements_park_with_no_name_of_its_own_is_no_site():
    assert sites("以数据要素产业园区为载体，打造数据要素产业生态。", "衢州市") == {}
    assert sites("建设柯城数据要素产业园。", "衢州市") == {"柯城数据要素产业园": "柯城数据要素产业园"}


def test_taiwan_and_hong_kong_verbs_and_prepositions_are_no_part_of_a_site_name():
    # 於 (read 于), 建置 and 扩充 stand before a name as 在, 建设 and 扩大 do
    assert sites("于内湖科技园区设立人工智能创新中心，扩充竹北科学园区产能。", "台北市") == {
        "内湖科技园区": "内湖科技园区", "竹北科学园区": "竹北科学园区"}
    assert sites("企业位于章贡区人工智能产业园。", "赣州市") == {"章贡区人工智能产业园": "章贡区人工智能产业园"}


def test_a_stop_character_that_opens_a_division_name_is_part_of_the_name():
    # 于, 即, 从 and 如 are particles before a name, but also the first characters of 于都, 即墨, 从化, 如皋
    assert sites("建设于都数字经济产业园。", "赣州市") == {"于都数字经济产业园": "于都数字经济产业园"}
    assert sites("建设即墨区人工智能产业园。", "青岛市") == {"即墨区人工智能产业园": "即墨区人工智能产业园"}
    assert sites("推进从化生态设计小镇建设。", "广州市") == {"从化生态设计小镇": "从化生态设计小镇"}


def test_the_endings_of_science_parks_valleys_ports_and_test_zones_name_sites_with_a_place():
    found = sites("建设玄武区智能网联汽车测试区、栖霞科创园、江宁智慧谷和浦口创新港等载体。", "南京市")
    assert set(found) == {"玄武区智能网联汽车测试区", "栖霞科创园", "江宁智慧谷", "浦口创新港"}
    # the endings after generic words alone are kinds of places
    assert sites("建设一批科创园，打造留学人员创业园和智能网联汽车测试区。", "南京市") == {}


def test_a_task_verb_such_as_shishi_is_no_part_of_a_site_name():
    found = sites("一是实施青山湖数字经济产业园提质工程；二是落实东湖智能制造产业园扩容计划。", "南昌市")
    assert found == {"青山湖数字经济产业园": "青山湖数字经济产业园", "东湖智能制造产业园": "东湖智能制造产业园"}


def test_an_institute_a_task_builds_as_a_project_is_a_site():
    assert sites("实施湾里人工智能研究院建设工程。", "南昌市") == {"湾里人工智能研究院": "湾里人工智能研究院"}
    assert sites("湾里人工智能研究院发布了年度报告。", "南昌市") == {}  # not built here: the institute's own act


def test_societies_foundations_and_chambers_with_a_name_of_their_own_are_organizations():
    found = organizations("由滨江数字经济促进会、西湖大学教育基金会和旅美华人工程师联谊会共同发起。", "杭州市")
    assert found == {"滨江数字经济促进会": "association", "西湖大学教育基金会": "association",
                     "旅美华人工程师联谊会": "association"}
    # the kinds alone, or after generic words, name no one body
    assert organizations("支持行业协会、商会参与标准制定，成立人工智能产业促进会。", "杭州市") == {}


def test_an_institute_set_up_or_opened_within_the_plan_is_a_site():
    assert sites("推动设立赣江人工智能研究院。", "南昌市") == {"赣江人工智能研究院": "赣江人工智能研究院"}
    assert sites("赣江人工智能研究院年内揭牌，青山湖智能制造研究院建成投用。", "南昌市") == {
        "赣江人工智能研究院": "赣江人工智能研究院", "青山湖智能制造研究院": "青山湖智能制造研究院"}
    assert sites("赣江人工智能研究院发布年度报告。", "南昌市") == {}  # at work: a body, no site


def test_a_hub_node_written_without_its_hub_is_the_one_the_plan_province_lies_in():
    assert sites("统筹推进全国一体化算力网络国家枢纽节点建设。", "绵阳市") == {
        "全国一体化算力网络成渝国家枢纽节点": "全国一体化算力网络国家枢纽节点"}
    assert set(sites("到2026年，国家算力枢纽节点基本建成。", "贵州省")) == {"全国一体化算力网络贵州国家枢纽节点"}
    assert sites("加快建设全国一体化算力网络国家枢纽节点。", "合肥市") == {
        "全国一体化算力网络长三角国家枢纽节点": "全国一体化算力网络国家枢纽节点"}
    # a province no hub covers, a count of nodes, the data centres in the node: no one node
    assert sites("积极对接全国一体化算力网络国家枢纽节点。", "济宁市") == {}
    assert sites("国家布局8个国家算力枢纽节点。", "绵阳市") == {}
    assert sites("加快国家枢纽节点数据中心建设。", "佛山市") == {}
    # in a traditional page, read through the document's Simplified text
    graph = extract(RawDocument("hub.txt", (
        "綿陽市算力發展行動方案\n二、重點任務\n（一）加快建設全國一體化算力網絡國家樞紐節點。\n")))
    assert {n.properties["name"] for n in graph.by_label(Label.SITE)} == {"全国一体化算力网络成渝国家枢纽节点"}


def test_a_national_engineering_centre_is_named_by_its_field_before_the_state():
    assert sites("组建工业软件安全国家工程研究中心，完善评测体系。", "杭州市") == {
        "工业软件安全国家工程研究中心": "工业软件安全国家工程研究中心"}
    assert set(sites("支持创建智能网联汽车测试国家工程技术研究中心。", "武汉市")) == {
        "智能网联汽车测试国家工程技术研究中心"}
    # a kind of centre, a field of generic words alone, a field left open: no one centre
    assert sites("支持企业建设一批国家工程研究中心、国家工程技术研究中心。", "杭州市") == {}
    assert sites("争创人工智能国家工程研究中心。", "杭州市") == {}
    assert sites("鼓励建设重点领域国家工程研究中心。", "杭州市") == {}


def test_a_designation_after_a_state_designation_in_a_list_shares_its_state():
    assert sites("加快建设国家人工智能创新应用先导区、新一代人工智能创新发展试验区。", "长沙市") == {
        "长沙国家人工智能创新应用先导区": "国家人工智能创新应用先导区",
        "长沙国家新一代人工智能创新发展试验区": "新一代人工智能创新发展试验区"}
    # joined by 和 as well; without 国家 before the list, the bare designation is none
    assert set(sites("加快建设国家人工智能创新应用先导区和新一代人工智能创新发展试验区。", "长沙市")) == {
        "长沙国家人工智能创新应用先导区", "长沙国家新一代人工智能创新发展试验区"}
    assert sites("加快建设人工智能创新应用先导区、新一代人工智能创新发展试验区。", "长沙市") == {}
    assert sites("加快建设人工智能产业园和新一代人工智能创新发展试验区。", "长沙市") == {}


def test_a_counted_short_name_stands_for_every_site_of_the_list_it_closes():
    text = ("依托国家人工智能创新应用先导区和国家新一代人工智能创新发展试验区（以下简称“两区”），"
            "深化场景开放。到2025年，“两区”辐射带动作用明显增强。")
    refs = site_references(text, "", region("武汉市"))
    goal = find_sites("“两区”辐射带动作用明显增强", None, region("武汉市"), refs)
    assert {m.name for m in goal} == {"武汉国家人工智能创新应用先导区", "武汉国家新一代人工智能创新发展试验区"}
    pair = "建设苏州工业园区和苏州高新区（简称“双区”）。到2025年，“双区”产值翻番。"
    assert {m.name for m in find_sites("“双区”产值翻番", None, region("苏州市"),
                                         site_references(pair, "", region("苏州市")))} == {"苏州工业园区", "苏州高新区"}
    # a count the list before it does not hold: no site, not the last of them
    one = "依托武汉东湖高新区和“光谷”品牌（以下简称“两区”），到2025年，“两区”建设成效显著。"
    assert find_sites("“两区”建设成效显著", None, region("武汉市"), site_references(one, "", region("武汉市"))) == []


def test_a_district_plan_names_its_own_zone_after_the_verb_that_builds_it():
    text = ("区里出台《丰台区推进区块链产业示范集聚区建设若干措施》。"
            "到2025年，区块链产业示范集聚区集聚企业100家。")
    refs = site_references(text, "", region("丰台区"))
    (zone,) = find_sites("区块链产业示范集聚区集聚企业100家", None, region("丰台区"), refs)
    assert (zone.name, zone.city) == ("丰台区区块链产业示范集聚区", "北京市")
    # another district's verb: not the plan's own zone
    assert site_references(text.replace("丰台区推进", "海淀区推进"), "", region("丰台区")) == {}


def test_the_goal_a_sentence_moves_towards_is_no_site():
    assert sites("加速向世界一流智能装备基地迈进。", "苏州市") == {}
    assert sites("朝着全球数字产业基地目标前进。", "苏州市") == {}
    assert sites("推动苏州工业园区向更高水平迈进。", "苏州市") == {"苏州工业园区": "苏州工业园区"}


def test_an_alliance_named_by_the_national_scope_and_a_field_of_its_own_is_one_body():
    assert organizations("依托全国智能网联汽车测试联盟，开展互认。", "苏州市") == {
        "全国智能网联汽车测试联盟": "association"}
    # a determiner or generic words after 全国: a kind of body
    assert organizations("支持全国各类产业联盟在苏落地。", "苏州市") == {}
    assert organizations("发挥全国人工智能联盟作用。", "苏州市") == {}
