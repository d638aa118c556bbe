"""The plan's jurisdiction from every clue a page gives, and agency names written out in it."""

from __future__ import annotations

import pytest

from loaders.agencies import Jurisdiction, resolve, resolve_list
from loaders.coverage import plan_region
from loaders.lexicon import regions


def where(name: str) -> Jurisdiction:
    return Jurisdiction.of(regions().by_name[name][0])


def region_name(title=None, issuers=(), text="", number=None) -> str | None:
    found = plan_region(title, list(issuers), text, number)
    return found.name if found else None


def test_the_title_names_the_place_even_after_a_verb():
    assert region_name("建设杭州国家人工智能创新应用先导区行动计划") == "杭州市"
    assert region_name("黔东南州促进行业大模型发展实施方案") == "黔东南苗族侗族自治州"


@pytest.mark.parametrize("number, expected", [
    ("鲁政办字〔2025〕49号", "山东省"),
    ("黔东南府办函〔2025〕8号", "黔东南苗族侗族自治州"),
    ("甬政发〔2024〕12号", "宁波市"),
    ("滬府〔2020〕27號", "上海市"),
])
def test_the_number_names_the_issuers_place(number, expected):
    assert region_name("关于加快人工智能发展的若干措施", text="为推动产业发展，制定本措施。", number=number) == expected


def test_an_abbreviation_two_places_share_is_settled_by_the_text_or_left_out():
    assert region_name(number="苏府办〔2024〕140号", text="支持苏州建设人工智能创新发展试验区。") == "苏州市"
    assert region_name(number="苏府办〔2024〕140号", text="推动全省人工智能产业发展。") is None


def test_the_text_abbreviates_its_own_place():
    assert region_name(text="对在皖企业、高校院所等算力使用方给予补助。") == "安徽省"
    assert region_name(text="吸引高校毕业生等青年群体来漳就业。") == "漳州市"


def test_the_level_the_text_speaks_at_picks_the_province_its_places_lie_in():
    text = ("各市(含定州、辛集市)人民政府,雄安新区管委会,省政府有关部门:\n"
            "促进全省算力协同应用，支持石家庄、张家口建设算力枢纽。")
    assert region_name(text=text) == "河北省"  # not 辛集市 of the addressee line


@pytest.mark.parametrize("written, jurisdiction, expected", [
    ("市经济信息化委", "上海市", "上海市经济和信息化委员会"),  # 委 for 委员会, 和 left out
    ("市科技创新委", "深圳市", "深圳市科技创新委员会"),
    ("市经贸信息委", "宁波市", "宁波市经济贸易和信息化委员会"),  # 经贸 for 经济贸易
    ("市质监局", "成都市", "成都市质量技术监督局"),
    ("区科信局", "朝阳区", "北京市朝阳区科学技术和信息化局"),
    ("黔东南州人民政府办公室", "黔东南苗族侗族自治州", "黔东南苗族侗族自治州人民政府办公室"),
    ("国家发改委", "大连市", "国家发展和改革委员会"),
    ("工信部", "大连市", "工业和信息化部"),
    ("经开区管委会", "大连市", "大连经济技术开发区管理委员会"),  # 经 is the zone's, not a preposition
    ("南昌高新区管委会", "大连市", "南昌高新技术产业开发区管理委员会"),  # a zone named with its own city
    ("省人工智能产业推进组工作专班", "安徽省", "安徽省人工智能产业推进组工作专班"),
])
def test_written_forms_are_written_out_in_the_jurisdiction(written, jurisdiction, expected):
    assert resolve(written, where(jurisdiction)).name == expected


def test_a_ministry_takes_no_local_prefix_even_in_a_list_that_carries_one():
    names = [a.name for a, _ in resolve_list("市科技局、工信部", where("大连市"))]
    assert names == ["大连市科学技术局", "工业和信息化部"]


def test_a_second_plate_is_one_body_and_a_second_body_has_its_own_level():
    one = resolve_list("市发改委(数据管理局)、市工信局", where("漳州市"))
    assert [(a.name, a.written) for a, _ in one] == [("漳州市发展和改革委员会", "市发改委(数据管理局)"),
                                                      ("漳州市工业和信息化局", "市工信局")]
    two = resolve_list("省发展改革委(江西省数据局)", where("江西省"))
    assert [a.name for a, _ in two] == ["江西省发展和改革委员会", "江西省数据局"]


def test_a_zone_listed_as_responsible_stands_for_its_committee():
    names = [a.name for a, _ in resolve_list("市科技局、高新区、金普新区", where("大连市"), keep_unknown=True)]
    # Dalian's zone is named in agencies.csv (a 高新技术产业园区); another city's is spelt out
    assert names == ["大连市科学技术局", "大连高新技术产业园区管理委员会", "大连金普新区管理委员会"]
    names = [a.name for a, _ in resolve_list("市科技局、高新区", where("南昌市"), keep_unknown=True)]
    assert names == ["南昌市科学技术局", "南昌高新技术产业开发区管理委员会"]


def test_two_bodies_written_without_a_separator_are_two_bodies():
    names = [a.name for a, _ in resolve_list("山东省工业和信息化厅省委网信办", where("山东省"))]
    assert names == ["山东省工业和信息化厅", "中共山东省委网络安全和信息化委员会办公室"]
    assert [a.name for a, _ in resolve_list("市发展改革委市场处", where("大连市"))] != ["大连市发展和改革委员会"]


def test_the_title_names_the_innermost_place_along_one_chain():
    assert region_name("打造上海市数字化转型示范区全面推进杨浦区城市数字化转型行动方案") == "杨浦区"
    assert region_name("全面推进数字咸宁建设实施方案") == "咸宁市"
    assert region_name("推动广州、深圳人工智能协同发展行动方案") == "广东省"


@pytest.mark.parametrize("written", ["根据《国务院", "落实《国务院关于", "云政发〔2019〕27号《云南省人民政府", "我局"])
def test_a_citation_or_a_pronoun_is_no_agency(written):
    assert resolve(written, where("云南省")) is None


def test_a_place_written_short_before_a_body_is_written_in_full():
    assert resolve("大连人民政府", Jurisdiction()).name == "大连市人民政府"
    assert resolve("深圳科创委", where("深圳市")).name == "深圳市科技创新委员会"


def test_a_body_whose_place_is_unknown_keeps_its_written_form():
    assert resolve("经信局", Jurisdiction()).name == "经信局"
    assert resolve("经信局", where("嘉兴市"), carry="市").name == "嘉兴市经济和信息化局"


def test_a_report_with_no_other_clue_is_about_the_place_it_names_most():
    assert region_name(text="推进“数字单县”建设会议召开。会议要求，扎实推进数字单县建设。") == "单县"
    assert region_name(text="支持昆山市、太仓市发展智能制造。") == "苏州市"  # two places of one city, equally


def test_a_shared_short_form_in_the_title_is_the_division_the_text_prints():
    assert region_name("数字新北三年行动方案", text="新北区将加快建设数字新北。") == "新北区"
    assert region_name("长沙人工智能产业发展行动方案", text="支持长沙县、浏阳市发展。长沙将建设。") == "长沙市"


def test_all_of_a_city_named_from_outside_is_not_the_texts_own_voice():
    text = "南明区人工智能产业规模占贵阳全市的三成。南明区将推进人工智能发展，南明区新增企业。"
    assert region_name(text=text) == "南明区"


def test_a_leading_groups_office_keeps_the_aside_in_its_name():
    agency = resolve("省数字化改革(数字政府建设)领导小组办公室", where("江西省"))
    assert (agency.name, agency.kind) == ("江西省数字化改革(数字政府建设)领导小组办公室", "leading_group")


def test_a_body_and_a_leading_groups_office_written_without_a_separator_are_two_bodies():
    names = [a.name for a, _ in resolve_list("市数据局数字宜昌建设领导小组办公室", where("宜昌市"))]
    assert names == ["宜昌市数据局", "数字宜昌建设领导小组办公室"]
    # a 专班 may be the department's own
    assert len(resolve_list("区科技局人工智能工作专班", where("渝北区"))) == 1


def test_a_districts_body_follows_the_name_its_citys_counterpart_bears():
    assert resolve("区大数据发展局", where("九龙坡区")).name == "重庆市九龙坡区大数据应用发展管理局"
    names = [a.name for a, _ in resolve_list("省大数据局、发展改革委", where("贵州省"))]
    assert names == ["贵州省大数据发展管理局", "贵州省发展和改革委员会"]


def test_a_form_written_out_in_full_is_not_written_out_again():
    assert resolve("省人民政府国有资产监督管理委员会", where("福建省")).name == "福建省人民政府国有资产监督管理委员会"
    assert resolve("省国资委", where("福建省")).name == "福建省人民政府国有资产监督管理委员会"


def test_a_body_of_the_state_council_is_no_peoples_governments():
    national = Jurisdiction.of(None)
    assert resolve("国务院国资委", national).name == "国务院国有资产监督管理委员会"
    assert resolve("国务院国有资产监督管理委员会", national).name == "国务院国有资产监督管理委员会"
    assert resolve("市国资委", where("漳州市")).name == "漳州市人民政府国有资产监督管理委员会"


@pytest.mark.parametrize("written, jurisdiction, expected", [
    ("地区发展改革委", "和田地区", "和田地区发展和改革委员会"),  # a prefecture's own level word
    ("行署办公室", "和田地区", "和田地区行政公署办公室"),
    ("盟工信局", "兴安盟", "兴安盟工业和信息化局"),  # a league's
    ("自治区党委网信办", "西藏自治区", "中共西藏自治区委员会网络安全和信息化委员会办公室"),
    ("区党委宣传部", "宁夏回族自治区", "中共宁夏回族自治区委员会宣传部"),
    ("区发展改革委", "广西壮族自治区", "广西壮族自治区发展和改革委员会"),  # 区 for the region in its own plan
    ("市人力社保局", "温州市", "温州市人力资源和社会保障局"),
    ("林区经信局", "神农架林区", "神农架林区经济和信息化局"),  # a forest district's; the province runs it itself
    ("县科技局", "屯昌县", "屯昌县科学技术局"),
    ("县经信局", "德清县", "德清县经济和信息化局"),  # a county's bodies carry no city
    ("旗发改委", "鄂托克旗", "鄂托克旗发展和改革委员会"),
])
def test_level_words_of_prefectures_leagues_and_autonomous_regions(written, jurisdiction, expected):
    assert resolve(written, where(jurisdiction)).name == expected


def test_a_prefectures_level_word_carries_along_its_list():
    names = [a.name for a, _ in resolve_list("盟发展改革委、工信局、行署办公室", where("阿拉善盟"))]
    assert names == ["阿拉善盟发展和改革委员会", "阿拉善盟工业和信息化局", "阿拉善盟行政公署办公室"]
    assert resolve("地区发展改革委", where("温州市")).name != "温州市发展和改革委员会"


def test_a_report_naming_several_places_alike_or_one_in_passing_is_about_none_of_them():
    text = ("科技部支持兰州、银川、西宁建设试验区。兰州将推进算力建设，银川加快数据中心建设，"
            "西宁发展绿色算力，拉萨、海口也在申报。")
    assert region_name(text=text) is None
    assert region_name(text="工信部印发行动计划。\n会议在上海召开，部署下一步工作。") is None


def test_a_run_of_bare_divisions_shares_the_government_that_closes_it():
    names = [a.name for a, _ in resolve_list("市数据局，城关区、七里河区、安宁区人民政府", where("兰州市"))]
    assert names == ["兰州市数据局", "兰州市城关区人民政府", "兰州市七里河区人民政府", "兰州市安宁区人民政府"]


def test_a_party_office_written_without_its_committee_is_the_party_office():
    assert resolve("市网信办", where("绍兴市")).name == "中共绍兴市委网络安全和信息化委员会办公室"
    names = [a.name for a, _ in resolve_list("自治区发展改革委、自治区网信办", where("新疆维吾尔自治区"))]
    assert names == ["新疆维吾尔自治区发展和改革委员会", "中共新疆维吾尔自治区委员会网络安全和信息化委员会办公室"]


def test_a_zones_committee_takes_no_level_from_the_list_before_it():
    names = [a.name for a, _ in resolve_list("省工信厅、临港综合实验区管委会", where("云南省"))]
    assert names == ["云南省工业和信息化厅", "临港综合实验区管理委员会"]  # never 云南省临港…


def test_mass_organisations_are_named_in_the_jurisdiction():
    names = [a.name for a, _ in resolve_list("省科协、省总工会、省妇联", where("甘肃省"))]
    assert names == ["甘肃省科学技术协会", "甘肃省总工会", "甘肃省妇女联合会"]


def test_a_city_speaking_of_itself_is_not_the_province_it_names():
    text = "发挥我市数据中心集聚优势，打造全省算力高地，争创江西省人工智能示范城市，服务江西全省发展。"
    assert region_name(text=text) is None  # the city is never named
    assert region_name(text="发挥我省算力优势，推动全省各市协同，江西省将加快推进。") == "江西省"


def test_a_blank_left_inside_a_name_does_not_split_it():
    names = [a.name for a, _ in resolve_list("省 发展 改革委、省 科技 厅，各市（州）人民政府", where("吉林省"))]
    assert names == ["吉林省发展和改革委员会", "吉林省科学技术厅", "各市（州）人民政府"]
    spaced = [a.name for a, _ in resolve_list("市工信局 市财政局", where("昆明市"))]
    assert spaced == ["昆明市工业和信息化局", "昆明市财政局"]  # a blank between two names still separates them


def test_a_leagues_collective_written_with_a_pause_mark_is_one():
    names = [a.name for a, _ in resolve_list("自治区科技厅、各盟行政公署、市人民政府", where("内蒙古自治区"))]
    assert names == ["内蒙古自治区科学技术厅", "各盟行政公署、市人民政府"]


def test_a_district_named_after_its_city_in_the_title_is_that_citys():
    found = plan_region("舟山市普陀区人工智能产业发展若干措施", [], "")
    assert (found.name, found.parent) == ("普陀区", "舟山市")  # not 上海's 普陀区


def test_a_shared_district_name_nothing_settles_is_no_jurisdiction():
    assert region_name("鼓楼区数字经济行动方案", text="为推动发展，制定本方案。") is None
    assert region_name("鼓楼区数字经济行动方案", text="福州市鼓楼区将加快发展，福州市支持。") == "鼓楼区"


@pytest.mark.parametrize("written, jurisdiction, expected", [
    ("县政府", "花莲县", "花莲县政府"),  # no 人民政府 in Taiwan, Hong Kong or Macao
    ("特区政府", "澳门特别行政区", "澳门特别行政区政府"),
    ("市政府", "台州市", "台州市人民政府"),
])
def test_governments_are_named_as_each_system_names_them(written, jurisdiction, expected):
    assert resolve(written, where(jurisdiction)).name == expected


def test_a_city_named_once_in_the_pages_heading_is_its_place():
    text = "林芝市数字经济重点任务分工表\n| 序号 | 重点任务 | 牵头单位 |\n| 1 | 建设数据中心 | 市发改委 |\n"
    assert region_name(text=text) == "林芝市"


def test_a_collective_of_governments_and_committees_is_one():
    found = resolve_list("市数据局，各县（市、区）人民政府、管委会", where("曲靖市"), keep_unknown=True)
    names = [a.name for a, _ in found]
    assert names == ["曲靖市数据局", "各县（市、区）人民政府、管委会"]  # never a bare 管委会


def test_a_district_speaking_of_itself_is_not_the_city_it_names():
    text = ("江宁区2021年大数据工作的总体思路是：落实区委、区政府部署，全区统筹推进数字政府建设，"
            "对标全市先进水平，全区新增数据应用场景。")
    assert region_name(text=text) == "江宁区"
    # 全区域 is an area, not a district's voice: the city speaking of itself still wins
    text = "全市统筹推进数字政府建设，江宁区实现全区域覆盖，我市新增数据应用场景，全市推进。"
    assert region_name(text=text) == "南京市"


def test_an_autonomous_regions_whole_region_is_not_a_districts_voice():
    text = ("落实自治区党委、政府部署，全区推进算力发展，支持南宁市青秀区、柳州、桂林、梧州、北海建设数据中心，"
            "柳州、桂林、梧州、北海建设算力平台，全区新增应用场景。")
    assert region_name(text=text) != "青秀区"


def test_a_district_speaking_of_itself_outweighs_one_mention_of_its_city():
    from loaders.coverage import _own_level

    text = "我区将建设算力中心。我区推动模型应用。对接本市政策，我区设立专项资金。"
    assert _own_level(text) == "District"
    # an autonomous region calls itself 我区 too: in a text naming 自治区 that voice is not a district's
    assert _own_level("自治区人民政府办公厅印发。我区将建设算力中心，我区推动模型应用，对接本市政策。") == "City"


def test_a_county_level_city_speaking_as_wo_shi_is_its_own_place_not_its_prefecture():
    text = ("为推动昆山市人工智能产业发展，结合我市实际，制定本措施。"
            "对在昆山市新建算力中心的企业给予补助，全市算力规模持续提升。")
    assert region_name("关于加快人工智能产业发展的若干措施", text=text) == "昆山市"
    # a prefecture's plan naming its county-level cities once each, and itself, is the prefecture's
    text = ("为推动苏州市人工智能产业发展，结合我市实际，制定本措施。支持昆山市、常熟市、张家港市建设算力中心，"
            "全市算力规模持续提升。")
    assert region_name("关于加快人工智能产业发展的若干措施", text=text) == "苏州市"


@pytest.mark.parametrize("written, full", [("市残联", "宁波市残疾人联合会"), ("市退役军人局", "宁波市退役军人事务局"),
                                           ("市城管局", "宁波市城市管理局"), ("市综合执法局", "宁波市综合行政执法局"),
                                           ("市文广旅体局", "宁波市文化广电旅游体育局"),
                                           ("市机关事务局", "宁波市机关事务管理局")])
def test_more_short_forms_of_city_bodies_are_written_out(written, full):
    assert resolve(written, where("宁波市")).name == full


@pytest.mark.parametrize("written, jurisdiction, expected", [
    ("省网信委", "浙江省", "中共浙江省委网络安全和信息化委员会"),  # the commission itself, not its office
    ("省委网信委", "浙江省", "中共浙江省委网络安全和信息化委员会"),
    ("浙江省网信委", "浙江省", "中共浙江省委网络安全和信息化委员会"),
    ("市网信委", "绍兴市", "中共绍兴市委网络安全和信息化委员会"),
    ("市委网信办", "绍兴市", "中共绍兴市委网络安全和信息化委员会办公室"),  # its office stays the office
])
def test_a_party_commission_written_short_is_the_party_committees_commission(written, jurisdiction, expected):
    found = resolve(written, where(jurisdiction))
    assert (found.name, found.kind) == (expected, "party")


def test_a_department_written_bare_with_its_ting_in_a_provinces_plan_is_the_provinces():
    # only a province has 厅: the first of a list, written without 省, is the province's own
    names = [a.name for a, _ in resolve_list("经济和信息化厅、省委宣传部、教育厅", where("河南省"))]
    assert names == ["河南省经济和信息化厅", "中共河南省委宣传部", "河南省教育厅"]
    assert resolve("办公厅", where("河南省")).name != "河南省办公厅"  # whose general office is not said
    assert resolve("教育厅", where("郑州市")).name == "教育厅"  # a city's plan names another level's body
