"""Saved government pages read as the document they hold, site chrome left out, metadata kept."""

from __future__ import annotations

import re

import pytest

from graph.errors import SourceError
from loaders.read import read_document
from tests.loaders.samples import RELATED, SEEDS, TEASERS, gov_page, no_policy_page, seed_page

SEED_FILES = sorted(SEEDS.glob("*.txt"))
META_LINE = re.compile(r"^(索引号|分类|发布机构|成文日期|标题|文号|发布日期)：")
CHROME = ["当前位置", "分享到", "政务公开", "请输入要搜索的内容", "版权所有", "网站标识码", "上一篇", "下一篇",
          "相关文章", "扫一扫", "【打印】", "微博", "热门资讯", "新闻发布会", *RELATED, *TEASERS]


def lines_of(text: str) -> list[str]:
    return [re.sub(r"\s+", "", line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("charset, layout, style, teasers", [
    ("utf-8", "table", "p", False), ("gb18030", "list", "p", False), ("utf-8", "table", "br", True)])
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_page_gives_the_document_text_line_for_line(tmp_path, seed, charset, layout, style, teasers):
    spec = seed_page(seed)
    page = tmp_path / (seed.stem + ".html")
    page.write_bytes(gov_page(spec, charset=charset, meta_layout=layout, body_style=style, teasers=teasers))
    raw = read_document(page)
    assert raw.format == "html"
    assert raw.encoding == charset
    got = [line for line in lines_of(raw.text) if not META_LINE.match(line)]
    want = [line for line in lines_of(spec.text(byline=False)) if not META_LINE.match(line)]
    assert got == want
    for chrome in CHROME:
        assert chrome not in raw.text, chrome


def test_metadata_table_fills_meta_and_header_lines(tmp_path):
    seed = next(p for p in SEED_FILES if p.name.startswith("004"))
    page = tmp_path / "page.html"
    page.write_bytes(gov_page(seed_page(seed)))
    raw = read_document(page)
    assert raw.meta == {
        "index_number": "006939748/2024-00230", "category": "工业、交通", "publisher": "广东省人民政府办公厅",
        "date_issued": "2024-05-26", "doc_number": "粤办函〔2024〕88号", "date_published": "2024-06-06",
        "title": "广东省人民政府办公厅印发广东省关于人工智能赋能千行百业若干措施的通知"}
    head = raw.text.splitlines()[:8]
    assert "索引号：006939748/2024-00230" in head and "文号：粤办函〔2024〕88号" in head
    assert not any(line.startswith("|") for line in raw.text.splitlines()), "the metadata table is not body text"


def test_byline_date_and_meta_tags(tmp_path):
    seed = next(p for p in SEED_FILES if p.name.startswith("002"))
    page = tmp_path / "page.htm"
    page.write_bytes(gov_page(seed_page(seed)))
    raw = read_document(page)
    assert raw.meta["date_published"] == "2022-12-30"  # from 时间：2022-12-30 17:36:27
    assert raw.meta["title"].endswith("的通知")


@pytest.mark.parametrize("declared, encoding", [("gb2312", "gb18030"), ("gbk", "gb18030"), ("utf-8", "utf-8")])
def test_declared_charset_is_used_and_bytes_win_over_a_wrong_one(tmp_path, declared, encoding):
    body = "<p>浙江省加快推动“人工智能+科学”创新发展行动计划（2025-2027年），省发展改革委、之江实验室负责。</p>" * 3
    page = f'<html><head><meta charset={declared}><title>通知</title></head><body>{body}</body></html>'
    path = tmp_path / "p.html"
    path.write_bytes(page.encode(encoding))
    assert "之江实验室" in read_document(path).text
    lying = tmp_path / "lying.html"  # says gb2312, is UTF-8: the bytes decide
    lying.write_bytes(page.replace(f"charset={declared}", "charset=gb2312").encode("utf-8"))
    assert "之江实验室" in read_document(lying).text


def test_a_txt_that_is_a_saved_page_is_read_as_html(tmp_path):
    seed = next(p for p in SEED_FILES if p.name.startswith("001"))
    path = tmp_path / "saved.txt"
    path.write_bytes(gov_page(seed_page(seed)))
    raw = read_document(path)
    assert raw.format == "html"
    assert "<p" not in raw.text and "分享到" not in raw.text


def test_a_text_file_quoting_markup_stays_text(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("专栏12 人工智能资源开放共享格局构建\n<p>营造开放共享发展氛围。推动人工智能龙头企业建设平台。</p>",
                    encoding="utf-8")
    assert read_document(path).format == "text"


def test_page_without_policy_text_is_reported_by_name(tmp_path):
    path = tmp_path / "column-index.html"
    path.write_bytes(no_policy_page())
    with pytest.raises(SourceError) as info:
        read_document(path)
    assert info.value.source == "column-index.html"
    assert "no policy text" in info.value.reason
