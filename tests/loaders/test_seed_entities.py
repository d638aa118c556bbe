"""What the seed graph names, listed: every region, organization and site the home page can show.

The lists are the reviewed answer (each checked against the seed texts and their gold): a
place read out of an ordinary word (合作市 from 合作交流), a generic phrase taken for a site
(军民融合产业基地) or a clause taken for an organization (实现安全可信的联盟) would add a
name here and fail the test; a real one lost would fail it too. Titles and evidence must read
as the page prints them, line breaks inside a word aside.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from graph.model import GraphData
from loaders.build import extract_file

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

PROVINCES = {"广东省", "浙江省"}
CITIES = {"东莞市", "中山市", "佛山市", "广州市", "惠州市", "杭州市", "深圳市", "珠海市", "韶关市"}
DISTRICTS = {"光明区", "南山区", "南沙区", "坪山区", "惠城区", "番禺区", "盐田区", "福田区", "罗湖区",
             "顺德区", "香洲区", "黄埔区", "龙华区"}
ORGANIZATIONS = {
    "中国平安", "中山大学", "云从科技", "云天励飞", "京东", "佳都科技", "华为", "华南理工大学", "商汤科技",
    "国家新材料大数据中心", "大疆创新", "广东智能无人系统研究院", "广东省智能科学与技术研究院", "格力集团",
    "浙江省人工智能学院", "深圳医学科学院", "深圳市软件行业协会", "深圳理工大学", "美的集团", "腾讯",
}
SITES = {
    "万山无人船海上测试场", "中国（广东）机器人集成创新中心", "中堂人工智能小镇", "中山火炬大数据产业园",
    "中山火炬开发区", "中山美居智能制造大数据产业园", "人工智能与数字经济广东省实验室", "仲恺高新区",
    "佛山高新区人工智能产业园", "光明科学城", "全通星海大数据创业创新孵化园", "南山智园",
    "南沙国际人工智能价值创新园", "唐家湾", "国家超级计算广州中心", "国家超级计算深圳中心", "国际生物岛",
    "坂雪岗科技城", "坪山人工智能产业基地", "广东省智能传感器产业园", "广州人工智能与数字经济试验区琶洲核心区",
    "广州人工智能公共算力中心", "德赛西威智能网联惠南工业园", "惠城区数字经济产业园", "无人船科技港",
    "智能安防小镇", "松山湖", "极弱磁大科学装置", "梧桐村人工智能产业园", "横琴先进智能计算平台", "横琴新区",
    "沙田人工智能小镇", "河套深港科技创新合作区", "深圳湾科技生态园", "滨海湾新区", "潼湖生态智慧区",
    "番禺智能网联新能源汽车价值创新园", "盐田人工智能产业基地", "罗湖人工智能产业基地", "美的库卡智能制造科技园",
    "翠亨新区人工智能与数字经济产业基地", "超重力离心模拟与实验装置", "超高清视频产业园区", "金地威新软件科技园",
    "韶关数据中心集群", "顺德机器人谷", "香洲区云溪谷数字产业园", "鹏城云脑", "鹏城实验室",
    "黄埔智能装备价值创新园", "黄花岗科技园", "龙华人工智能产业基地",
}


@cache
def seed_graphs() -> dict[str, GraphData]:
    return {path.name: extract_file(path) for path in sorted(SEEDS.glob("*.txt"))}


def names(label: str) -> set[str]:
    return {node.properties["name"] for graph in seed_graphs().values()
            for node in graph.nodes.values() if node.label == label}


def unbroken(text: str) -> str:
    """The text with line breaks (and the blanks around them) removed, as a reader joins them."""
    return re.sub(r"[ \t\u3000]*\r?\n[ \t\u3000]*", "", text)


@pytest.mark.parametrize(("label", "expected"), [
    ("Province", PROVINCES), ("City", CITIES), ("District", DISTRICTS),
    ("Organization", ORGANIZATIONS), ("Site", SITES),
])
def test_the_seed_graph_names_exactly_these(label: str, expected: set[str]) -> None:
    found = names(label)
    assert found - expected == set(), f"{label}: not named as such by the seed texts"
    assert expected - found == set(), f"{label}: named by the seed texts but lost"


def test_guangming_science_city_is_a_site() -> None:
    assert "光明科学城" in names("Site")


def test_every_named_entity_is_written_in_the_text_that_names_it() -> None:
    """A region, organization or site comes from the page: its name or one of its aliases is printed there."""
    for source, graph in seed_graphs().items():
        text = unbroken((SEEDS / source).read_text(encoding="utf-8"))
        for node in graph.nodes.values():
            if node.label not in {"Province", "City", "District", "Organization", "Site"}:
                continue
            forms = [node.properties["name"], *node.properties.get("aliases", [])]
            # an enclosing region is implied, not written (深圳市 above 光明区, 黄埔区 around 国际生物岛)
            implied = node.label in {"Province", "City", "District"} and any(
                r.end == node.id and r.type == "LOCATED_IN" for r in graph.relationships.values())
            assert implied or any(form in text for form in forms) or any(
                form.removesuffix(suffix) in text for form in forms for suffix in ("市", "区", "省")), \
                f"{source}: {node.label} {node.properties['name']} is printed nowhere in the page"


def test_titles_and_evidence_read_as_printed() -> None:
    for source, graph in seed_graphs().items():
        text = unbroken((SEEDS / source).read_text(encoding="utf-8"))
        for node in graph.nodes.values():
            if node.label == "Plan" and not node.properties.get("cited_only"):
                assert node.properties["title"] in text, f"{source}: title not as printed"
        for rel in graph.relationships.values():
            evidence = rel.properties.get("evidence")
            if evidence:
                assert unbroken(evidence) in text, f"{source}: {rel.type} evidence not as printed: {evidence!r}"
