"""Saved government web pages: the document's text without the site around it.

The main content is found by trafilatura (measured against readability-lxml,
jusText and a text-density baseline on government-style pages, see
``bench/html_extractors.py`` and ``bench/RESULTS.md``); its structured output
(headings, paragraphs, lists, tables) is rendered into the line shape of
``loaders.formats.lines``. The page's metadata (索引号, 文号, 发布机构, 成文日期,
发布日期, 主题分类, 标题) is read from the whole page, tables, lists, bylines
and ``<meta>`` tags alike (``loaders.formats.page_meta``), goes into
``RawDocument.meta`` and is also written as ``标签：值`` lines above the text,
the way a metadata header reads in a plain-text copy of the page, unless the
main text already carries it.
"""

from __future__ import annotations

import codecs
import json
import re
from functools import cache
from pathlib import Path

from graph.errors import SourceError
from loaders.formats.lines import cjk_count, squash, table_lines
from loaders.formats.page_meta import LINE_LABELS, load_labels, page_metadata
from loaders.read import RawDocument, decode

SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")

_MARKUP = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                     re.I | re.S)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
#: charsets pages declare, read with the codec that accepts everything they hold
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
              "cp936": "gb18030", "big5": "big5hkscs", "x-big5": "big5hkscs", "iso-8859-1": "cp1252",
              "latin1": "cp1252", "ascii": "utf-8", "us-ascii": "utf-8"}
#: a download link under the text (附件：…行动方案.pdf), not text of the document
_ATTACHMENT = re.compile(r"^(?:相关)?附件\s*\d*\s*[：:]?.*\.(?:pdf|docx?|wps|xlsx?|et|ofd|zip|rar)$", re.I)
#: at least this many Chinese characters in the main text, or the page holds no document
MIN_CJK = 20


def sniff(path: Path, data: bytes) -> bool:
    """HTML by its markup (a ``.txt`` that is really a saved page counts), or by suffix."""
    head = data[:4096].lstrip(codecs.BOM_UTF8)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", "ignore").encode("utf-8", "ignore")
    if _MARKUP.match(head):
        return True
    return path.suffix.lower() in SUFFIXES and b"<" in head


def decode_html(data: bytes, source: str) -> tuple[str, str]:
    """A page's text: a byte-order mark, else the declared ``charset``, else the bytes tell.

    A declared charset that the bytes contradict (a page saved as UTF-8 that
    still says ``gb2312``) loses to what the bytes are.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, source)
    declared = _CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        name = _SUPERSETS.get(name, name)
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, source)


def read_html(path: Path, data: bytes) -> RawDocument:
    """A saved page -> its document text, metadata lines first, and the metadata in ``meta``."""
    from lxml import html as lxml_html

    text, encoding = decode_html(data, path.name)
    text = _XML_DECL.sub("", text)
    try:
        tree = lxml_html.document_fromstring(text)
    except Exception as exc:  # lxml raises several types on hopeless markup
        raise SourceError(path.name, f"cannot parse the page as HTML: {exc}") from exc
    meta, labelled = page_metadata(tree)
    links = sorted({squash(a.text_content()) for a in tree.iter("a")} - {""}, key=len, reverse=True)
    drop_titled_boxes(tree)
    body = [line for line in _without_metadata(main_lines(tree), meta, labelled) if not _ATTACHMENT.match(line)]
    if not _holds_prose(body, links):
        raise SourceError(path.name, "the page holds no policy text (only site navigation and links were found)")
    title = meta.get("title")
    if title and body and body[0].startswith("#") and _same(body[0].lstrip("# "), title):
        body[0] = body[0].lstrip("# ")  # the page's title heading is the document's title line
    lines = [f"{label}：{meta[key]}" for key, label in LINE_LABELS.items() if key in labelled and meta.get(key)]
    if title and not _opens_with(body, title):
        lines.append(title)
    return RawDocument(path.name, "\n".join(lines + body), "html", encoding, meta)


@cache
def _box_titles() -> frozenset[str]:
    data = json.loads((Path(__file__).parent / "page_chrome.json").read_text(encoding="utf-8"))
    return frozenset(data["box_titles"])


def drop_titled_boxes(tree) -> None:
    """Take out the boxes a page titles 相关文章, 热门资讯…: the title and what follows it in its box.

    Such boxes hold teasers that read like prose, which main-content
    extractors may keep; their visible title is steadier than any class name.
    A box is never taken if it would take most of the page's text with it.
    """
    total = cjk_count(tree.text_content()) or 1
    titles = _box_titles()
    for node in list(tree.iter()):
        if not isinstance(node.tag, str) or len(node) > 2:
            continue
        if re.sub(r"[\s：:]", "", node.text_content()) not in titles:
            continue
        parent = node.getparent()
        if parent is None:
            continue
        doomed = [node, *node.itersiblings()]
        if sum(cjk_count(x.text_content()) for x in doomed) > total / 2:
            continue
        for element in doomed:
            if element.getparent() is parent:
                element.drop_tree()


def main_lines(page) -> list[str]:
    """The main content of a page (markup or lxml tree) as lines (trafilatura finds it, we render it)."""
    import trafilatura

    document = trafilatura.bare_extraction(
        page, include_tables=True, include_formatting=False, include_links=False, include_images=False,
        include_comments=False, favor_recall=True, with_metadata=False, deduplicate=False)
    body = getattr(document, "body", None)
    return render(body) if body is not None else []


def render(element) -> list[str]:
    """trafilatura's XML (head, p, list/item, table/row/cell, lb) -> lines."""
    out: list[str] = []
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "head":
            level = (child.get("rend") or "h2").lstrip("h")
            marks = "#" * (int(level) if level.isdigit() else 2)
            out += [f"{marks} {line}" for line in _text_lines(child)]
        elif tag == "list":
            for item in child.iter("item"):
                out += [f"- {line}" for line in _text_lines(item)[:1]] + _text_lines(item)[1:]
        elif tag == "table":
            rows = [[" ".join(_text_lines(cell)) for cell in row.iter("cell")] for row in child.iter("row")]
            out += table_lines(rows)
        elif tag in ("p", "quote", "code", "div", "section"):
            if len(child) and all(isinstance(c.tag, str) and c.tag in ("p", "list", "table", "head")
                                  for c in child):
                out += render(child)
            else:
                out += _text_lines(child)
        elif tag in ("lb", "graphic", "ref", "hi") or not tag:
            continue
        else:
            out += _text_lines(child)
    return [line for line in out if line.strip()]


def _text_lines(element) -> list[str]:
    """An element's text, split where the page had line breaks (``<lb/>``)."""
    parts: list[str] = []
    current: list[str] = []

    def walk(node) -> None:
        current.append(node.text or "")
        for child in node:
            if child.tag == "lb":
                parts.append("".join(current))
                current.clear()
            elif isinstance(child.tag, str):
                walk(child)
            current.append(child.tail or "")

    walk(element)
    parts.append("".join(current))
    return [squash(p) for p in parts if squash(p)]


def _without_metadata(body: list[str], meta: dict, labelled: set[str]) -> list[str]:
    """The main text less the metadata table or list, which is written as header lines instead."""
    if not labelled:
        return body
    labels = load_labels()
    words = sorted({*labels["labels"], *labels["fallback"]}, key=len, reverse=True)
    values = sorted((str(meta[k]) for k in labelled), key=len, reverse=True)
    out: list[str] = []
    dropped_header = False
    for line in body:
        if dropped_header and re.fullmatch(r"\|(?:\s*-+\s*\|)+", line):
            continue
        rest = line
        for value in values:
            rest = rest.replace(value, "")
        had_label = any(word in rest for word in words)
        for word in words:
            rest = rest.replace(word, "")
        dropped_header = had_label and not re.sub(r"[\s|：:\-—]", "", rest)
        if not dropped_header:
            out.append(line)
    return out


def _holds_prose(body: list[str], links: list[str]) -> bool:
    """Sentences outside links: a page of menus and headline lists has none.

    When a page has no article, trafilatura falls back to the page's whole
    text; what is left of it without the link texts holds no sentence
    (no ，。； run) of a document.
    """
    prose = 0
    for line in body:
        for link in links:
            line = line.replace(link, "")
        if re.search(r"[，。；]", line):
            prose += cjk_count(line)
    return prose >= MIN_CJK


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W", "", a) == re.sub(r"\W", "", b)


def _opens_with(body: list[str], title: str) -> bool:
    """Does the text open with the title (the page's h1 is often repeated, or split, in the body)?"""
    want = re.sub(r"\W", "", title)
    head = re.sub(r"\W", "", "".join(body[:6]))
    return bool(want) and want in head
