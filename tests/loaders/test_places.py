"""Places a text names: only whole words, short forms only where they cannot be ordinary words,
shared names only where the text or the plan settles them."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.lexicon import regions
from loaders.places import find_regions, places_among
from loaders.segment import tokenize
from tests.conftest import ROOT


def region(name: str, province: str | None = None):
    found = regions().by_name[name]
    return next(r for r in found if province is None or r.province == province)


def names(text: str, home=None) -> list[str]:
    return [r.name if r.level != "District" else f"{r.parent}{r.name}" for r, _w, _s in find_regions(text, home)]


@pytest.mark.parametrize("text", [
    "积极推动合作交流，打造集安全出行于一体的服务",  # 合作, 集安: county-level short forms are ordinary words
    "储备超大封装、Die间高密互连等工程能力",  # 高密
    "打造人工智能先锋城区",  # 城区 is a district of 阳泉, 晋城 and 汕尾: nothing here says which
    "依托阿里云、朝阳产业和文山会海的整治",  # 阿里, 朝阳, 文山: ordinary words outside their own province
    "上海南部新区",  # 海南 straddles two words
    "中山大学与华南理工大学",  # 中山大学 is one word
])
def test_ordinary_words_are_not_places(text):
    assert names(text, region("广东省")) in ([], ["上海市"])


def test_full_names_and_province_and_city_short_forms_count():
    assert names("支持广东省、深圳市和东莞建设") == ["广东省", "深圳市", "东莞市"]


def test_a_shared_district_name_is_settled_by_the_city_before_it_or_by_the_plan():
    assert names("北京朝阳区") == ["北京市", "北京市朝阳区"]
    assert names("长春市朝阳区") == ["长春市", "长春市朝阳区"]
    assert names("支持朝阳区建设", region("北京市")) == ["北京市朝阳区"]
    assert names("支持朝阳区建设") == []  # 北京 or 长春: left out


def test_a_generic_district_name_needs_its_city():
    assert names("阳泉市城区") == ["阳泉市", "阳泉市城区"]
    assert names("推进城区改造", region("阳泉市")) == ["阳泉市城区"]
    assert names("推进城区改造", region("山西省")) == []  # the province has two 城区


def test_a_short_form_that_is_an_ordinary_word_counts_only_in_its_province():
    assert names("支持日照建设港口", region("山东省")) == ["日照市"]
    assert names("提高日照时数", region("广东省")) == []


def test_county_level_short_forms_count_after_their_city_or_in_their_city_plan():
    assert names("推动广州南沙建设") == ["广州市", "广州市南沙区"]
    assert names("推动昆山、太仓等地", region("苏州市")) == ["昆山市", "太仓市"]
    assert names("推动昆山、太仓等地", region("江苏省")) == []
    assert names("推动合作", region("甘南藏族自治州")) == []  # 合作 is a verb before it is 合作市


def test_an_autonomous_prefecture_written_with_zhou():
    assert names("黔东南州促进行业大模型发展") == ["黔东南苗族侗族自治州"]


@pytest.mark.parametrize("text", [
    "兰州新区管委会", "融入武汉都市圈", "加快芜湖宣州机场建设", "和林格尔数据中心集群",
    "“无锡·延安”智算中心", "中国石油大学（北京）克拉玛依校区",
])
def test_a_place_inside_a_larger_name_is_not_named_as_a_place(text):
    assert not [n for n in names(text, region("甘肃省")) if n in ("兰州市", "武汉市", "芜湖市宣州区", "北京市",
                                                              "无锡市", "呼和浩特市和林格尔县")]


def segmenting_everything(text: str, home):
    """The plain definition: segment the whole text at once."""
    return [(p.region, p.written, p.start) for p in places_among(text, tokenize(text), home)]


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.name)
def test_segmenting_only_the_runs_with_a_name_finds_what_segmenting_everything_finds(path: Path):
    text = path.read_text(encoding="utf-8")
    for where in (None, region("广东省"), region("深圳市")):
        assert find_regions(text, where) == segmenting_everything(text, where)


def test_full_names_do_not_cut_common_words_apart():
    assert names("推进上海城市数字化转型") == ["上海市"]  # not 上|海城市 (a county-level city of 鞍山)
    assert names("在杨浦滨江区域建设") == []  # not 滨江区 of 杭州


def test_a_dateline_is_where_the_news_was_filed():
    assert names("中评社北京8月27日电 据新华社报道") == []


def test_the_plans_own_place_written_short_is_that_place():
    assert names("推动数字新北再进阶", region("新北区", "江苏省")) == ["常州市新北区"]


def test_a_two_character_county_name_is_a_name():
    assert names("推进数字单县建设") == ["菏泽市单县"]


def test_the_pages_own_chrome_names_no_place():
    assert names("8-20 发布于安徽\n为加快推进杭州国家新一代人工智能创新发展试验区建设") == ["杭州市"]


def test_a_shared_short_form_names_the_division_the_text_writes_in_full():
    # 新北 is 新北市 (台湾) or 新北区 (常州); the text prints the district, so its short form is the district
    assert names("新北区召开推进会，部署数字新北建设，新北将打造数据高地。") == ["常州市新北区"] * 3
    # a city keeps its short form beside its own county of the same name
    assert names("支持长沙县建设算力中心，长沙将打造人工智能高地。") == ["长沙市长沙县", "长沙市"]


def test_a_new_area_district_is_written_short_after_its_city():
    assert names("天津滨海推出三项举措") == ["天津市", "天津市滨海新区"]


def test_a_list_of_one_character_province_abbreviations_names_each_province():
    assert names("对来自沪、苏、浙、皖等地的企业给予支持。") == ["上海市", "江苏省", "浙江省", "安徽省"]
    # a run such as 京津冀 names a region, not its provinces; a list that is not closed as places is no list
    assert names("深化京津冀协同，推进甲、乙、丙等地建设。") == []


def test_a_run_of_abbreviations_written_as_a_stretch_of_land_names_each_place():
    assert names("引导配套企业向沪苏地区转移。") == ["上海市", "江苏省"]
    assert [n.removeprefix("台湾省") for n in names("帶動彰投苗區域的機械業升級")] == ["彰化县", "南投县", "苗栗县"]
    # a run that is a word of its own names a region or a strategy (京津冀), or is no list (东南, 辽宁 is one
    # province); a Taiwan run of directions (北中南东) or of one doubled place (竹竹) names none
    assert names("在京津冀地区布局，辐射东南地区和北中南东地区。") == []
    assert names("推动竹竹地区发展") == []
    # a run closed on no word for land is a name or a slogan, not a list of places
    assert names("发挥津冀优势，推动彰投合作。") == []


def test_a_state_body_stationed_in_a_place_does_not_name_the_place():
    assert names("由拱北海关、厦门、福州出入境边防检查总站按职责分工负责。") == []
    assert names("支持厦门、福州建设出入境便利通道。") == ["厦门市", "福州市"]


def test_a_place_that_names_a_newspaper_or_station_is_its_publisher_not_a_place():
    assert names("来源：江城晚报 据宁波日报报道，宁波出台新政", region("浙江省")) == ["宁波市"]
    assert names("来源：香港商报网") == []


def test_a_place_in_the_scope_note_of_a_collective_is_not_named():
    home = region("江苏省")
    text = "（责任单位：省科技厅，各市（含昆山市、泰兴市，下同）人民政府）"
    assert names(text, home) == []
    assert names("各县（包括宜兴市）政府和常州市要加快推进。", home) == ["常州市"]
    assert names("支持昆山市（含花桥）建设算力中心。", home) == ["昆山市"]
