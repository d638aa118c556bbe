"""The metadata a government page prints about its document.

信息公开 pages print a table (``<td>索引号：</td><td>006939748/2024-00230</td>``),
others a list of label/value spans, a byline (``发布时间：2024-06-06 来源：本网``)
or ``<meta name="PubDate">`` tags. All of them come down to a label followed by
a value in the page's text order, so the page is flattened into its text
pieces and read for ``label：value`` pairs; the labels and the ``meta`` keys
they fill are data (``page_labels.json``). Values are checked for their kind
(a date parses, a 文号 has a number) so that a word such as 主题 in running
text is not taken for a label.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

#: meta key -> the label its line is written with above the text (in the order of a 信息公开 table)
LINE_LABELS = {"index_number": "索引号", "category": "分类", "publisher": "发布机构",
               "date_issued": "成文日期", "title": "标题", "doc_number": "文号",
               "date_published": "发布日期"}

_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_SKIP = {"script", "style", "noscript", "template", "svg", "select", "option", "button"}


@cache
def load_labels() -> dict[str, Any]:
    return json.loads((Path(__file__).parent / "page_labels.json").read_text(encoding="utf-8"))


def _label_pattern(words) -> str:
    # a label may be printed with blanks between its characters (索 引 号)
    return "|".join(r"\s*".join(map(re.escape, w.replace(" ", "")))
                    for w in sorted(words, key=lambda w: -len(w.replace(" ", ""))))


@cache
def _pair_regex() -> re.Pattern[str]:
    data = load_labels()
    labels = _label_pattern([*data["labels"], *data["fallback"]])
    stops = _label_pattern([*data["labels"], *data["fallback"], *data["stop_labels"]])
    return re.compile(rf"(?P<label>{labels})\s*[：:]\s*(?P<value>.*?)(?=\s*(?:{stops})\s*[：:]|\s*【|\s{{2,}}|$)")


@cache
def _lone_label() -> re.Pattern[str]:
    data = load_labels()
    return re.compile(rf"^(?P<label>{_label_pattern([*data['labels'], *data['fallback']])})\s*[：:]?$")


def normalise_date(text: str) -> str | None:
    """2024年5月26日, 2024/05/26 08:59, 2024-5-26 -> 2024-05-26.

    >>> normalise_date("2024年5月26日"), normalise_date("2022-12-30 17:36:27"), normalise_date("近日")
    ('2024-05-26', '2022-12-30', None)
    """
    m = _DATE.search(text or "")
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not (1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _clean(key: str, value: str) -> str | None:
    value = re.sub(r"\s+", " ", value).strip(" ：:|")
    if not value or len(value) > 120:
        return None
    if key.startswith("date_"):
        return normalise_date(value)
    if key in ("index_number", "doc_number") and not re.search(r"\d", value):
        return None
    if key in ("publisher", "category", "title") and not re.search(r"[\u4e00-\u9fff]", value):
        return None
    return value


def text_pieces(tree) -> list[str]:
    """The page's text nodes in reading order, blanks squashed, scripts and styles left out."""
    out: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str) or node.tag.lower() in _SKIP:
            return
        if node.text and node.text.strip():
            out.append(re.sub(r"\s+", " ", node.text).strip())
        for child in node:
            walk(child)
            if child.tail and child.tail.strip():
                out.append(re.sub(r"\s+", " ", child.tail).strip())

    body = tree.find("body")
    walk(body if body is not None else tree)
    return out


def page_metadata(tree) -> tuple[dict[str, str], set[str]]:
    """(meta, keys read from labels printed on the page) for an lxml HTML tree."""
    data = load_labels()
    main, fallback = data["labels"], data["fallback"]
    by_label = {re.sub(r"\s", "", k): v for k, v in {**main, **fallback}.items()}
    found: dict[str, str] = {}
    spare: dict[str, str] = {}
    pieces = text_pieces(tree)

    def offer(label: str, value: str) -> None:
        word = re.sub(r"\s", "", label)
        key = by_label.get(word)
        if not key:
            return
        cleaned = _clean(key, value)
        if cleaned is None:
            return
        target = spare if word in fallback else found
        target.setdefault(key, cleaned)

    for i, piece in enumerate(pieces):
        lone = _lone_label().match(piece)
        if lone:
            following = pieces[i + 1] if i + 1 < len(pieces) else ""
            if following and not _lone_label().match(following):
                offer(lone.group("label"), following)
            continue
        for pair in _pair_regex().finditer(piece):
            offer(pair.group("label"), pair.group("value"))
    for key, value in spare.items():
        found.setdefault(key, value)
    labelled = set(found)
    for tag in tree.iter("meta"):
        key = data["meta_tags"].get((tag.get("name") or tag.get("property") or "").lower())
        if key and key not in found:
            cleaned = _clean(key, tag.get("content") or "")
            if cleaned:
                found[key] = cleaned
    if "title" not in found:
        title = _heading_title(tree)
        if title:
            found["title"] = title
    return found, labelled


def _heading_title(tree) -> str | None:
    """The page's document title: its first real ``h1``, else the ``<title>`` before the site name."""
    for heading in tree.iter("h1", "h2"):
        text = re.sub(r"\s+", " ", heading.text_content()).strip()
        if len(re.findall(r"[\u4e00-\u9fff]", text)) >= 6:
            return text
    title = tree.find(".//title")
    if title is not None and title.text:
        parts = re.split(r"\s*[_|｜]\s*|\s+-\s+", title.text.strip())
        best = max(parts, key=lambda p: len(re.findall(r"[\u4e00-\u9fff]", p)))
        if len(re.findall(r"[\u4e00-\u9fff]", best)) >= 6:
            return best
    return None
