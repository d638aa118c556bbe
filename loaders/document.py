"""A document ready for extraction: one text to analyse, one to quote from.

Extraction rules are written once, for Simplified script. A Traditional
repost (甘肅省…實施方案) is converted character by character with OpenCC's
table, which keeps every offset, so a span found in the Simplified ``text``
is quoted from ``original`` at the same offsets: measure titles, target
sentences and evidence stay in the document's own script while canonical
names (agencies, sites, regions) come out Simplified.

Some reposts gloss characters with their pinyin (印發(fā)《…行動(dòng)方案》).
The glosses are taken out of ``text`` so the rules see plain Chinese, and an
index maps each offset of ``text`` back to ``original``, so quotes still give
the page as printed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from loaders.read import RawDocument

_BLANKS = re.compile(r"[\u00a0\u2002\u2003\u2009\u200a\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WIDE_ALNUM = {c: chr(c - 0xFEE0) for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
               for c in range(r[0], r[1] + 1)}
# small form variants (﹒﹐﹑﹔﹕…) read as ordinary punctuation, one character for one
_WIDE_ALNUM.update({c: unicodedata.normalize("NFKC", chr(c)) for c in range(0xFE50, 0xFE6C)
                    if len(unicodedata.normalize("NFKC", chr(c))) == 1})
#: ASCII question marks where a page lost its blanks (第二条??加快…), after a number or Chinese
_LOST_BLANKS = re.compile(r"(?<=[\u4e00-\u9fff\d.、])\?{2,}(?=[\u4e00-\u9fff])")


@dataclass
class Document:
    source: str
    #: the text in the document's own script, blanks and invisible characters normalised
    original: str
    #: the same text in Simplified script, character for character
    text: str
    traditional: bool = False
    format: str = "text"
    meta: dict[str, Any] = field(default_factory=dict)
    #: offset in ``original`` of each character of ``text``, when text left something out
    index: list[int] | None = None

    def quote(self, start: int, end: int) -> str:
        """The original of ``text[start:end]``, as the page prints it."""
        if self.index is None:
            return self.original[start:end]
        if end <= start:
            return ""
        return self.original[self.index[start]:self.index[end - 1] + 1]

    def surface(self, span_text: str, start: int | None = None) -> str:
        """The document's own writing of ``span_text`` (a piece of ``text``).

        >>> doc = prepare(RawDocument("t.txt", "廣東省科學技術廳負責"))
        >>> doc.text
        '广东省科学技术厅负责'
        >>> doc.surface("科学技术厅")
        '科學技術廳'
        """
        if (not self.traditional and self.index is None) or not span_text:
            return span_text
        if start is None or self.text[start:start + len(span_text)] != span_text:
            start = self.text.find(span_text)
        if start < 0:
            return span_text
        return self.quote(start, start + len(span_text))


    def span(self, start: int, end: int) -> Span:
        return Span(self, start, end)


@dataclass(frozen=True)
class Span:
    """A stretch of a document: its Simplified ``text`` for rules, its ``surface`` for output."""

    doc: Document
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.doc.text[self.start:self.end]

    @property
    def surface(self) -> str:
        return self.doc.quote(self.start, self.end)

    def strip(self, chars: str = " ") -> Span:
        """The span without leading and trailing ``chars`` (blanks by default)."""
        start, end = self.start, self.end
        while start < end and self.doc.text[start] in chars:
            start += 1
        while end > start and self.doc.text[end - 1] in chars:
            end -= 1
        return Span(self.doc, start, end)

    def sub(self, start: int, end: int | None = None) -> Span:
        """The part of this span from ``start`` to ``end`` (offsets relative to the span)."""
        end = len(self.text) if end is None else end
        return Span(self.doc, self.start + start, self.start + end)


def joined(spans: list[Span], sep: str = "\n") -> tuple[str, str]:
    """(text, surface) of several spans joined with ``sep``."""
    return sep.join(s.text for s in spans), sep.join(s.surface for s in spans)


#: a pinyin gloss right after the character it reads: 發(fā), 動(dòng)
PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7})\)")


def prepare(raw: RawDocument) -> Document:
    """Normalise blanks and width, drop pinyin glosses, and give the text in Simplified script."""
    original = _INVISIBLE.sub("", raw.text)
    original = _BLANKS.sub(" ", original).translate(_WIDE_ALNUM)
    original = _LOST_BLANKS.sub(lambda m: " " * len(m.group(0)), original)
    original = "\n".join(line.rstrip() for line in original.split("\n"))
    plain, index = _without_glosses(original)
    simplified, traditional = to_simplified(plain)
    simplified = corner_titles(simplified)
    return Document(raw.source, original, simplified, traditional, raw.format, dict(raw.meta), index)


#: a name in corner brackets, as Taiwan and Hong Kong write a programme's or a plan's name (「台湾AI行动计画」)
CORNER_QUOTE = re.compile(r"「([^「」《》\n]{2,90})」|『([^『』《》\n]{2,90})』")


def corner_titles(text: str) -> str:
    """``text`` with the corner brackets around a document's name made title marks, one for one.

    Traditional writing names a plan in 「」 where Simplified writing uses 《》 (「智慧机器人产业推动方案」):
    the rules read titles, issuers and dates around 《》, so the brackets of a name that ends in a
    genre word become 《》 in the text the rules read (quotes still give the page's own 「」). A
    bracketed name that is no document (「AI效能提升组」, 「5+2」) keeps its brackets.

    >>> corner_titles("行政院宣布「智慧机器人产业推动方案」，成立「AI效能提升组」")
    '行政院宣布《智慧机器人产业推动方案》，成立「AI效能提升组」'
    """
    if "「" not in text and "『" not in text:
        return text
    ends = _genre_end()
    return CORNER_QUOTE.sub(lambda m: f"《{m.group(1) or m.group(2)}》"
                            if ends.search(m.group(1) or m.group(2)) else m.group(0), text)


@cache
def _genre_end() -> re.Pattern[str]:
    """A name that ends in a genre word (方案, 行动计画, 施政报告), its period in brackets allowed."""
    from loaders.lexicon import alternation, words

    # …条例草案, …基本法草案: a bill's 草案 after its genre word; 行动计画2.0: its version (the title
    # statuses the lexicon writes without brackets; a bracket here is the period's or a status's)
    plan = words()["plan"]
    unbracketed = "|".join(status for status in plan["title_status"] if not status.startswith("[（("))
    return re.compile("(?:" + alternation(plan["kinds"]) + r")\s*(?:[（(][^（）()]{4,20}[)）]|" + unbracketed + ")?$")


def _without_glosses(text: str) -> tuple[str, list[int] | None]:
    """``text`` without pinyin glosses, and where each kept character stands in ``text``."""
    glosses = list(PINYIN_GLOSS.finditer(text))
    if len(glosses) < 3:  # a stray (la) in a name is not a glossed repost
        return text, None
    keep: list[int] = []
    previous = 0
    for gloss in glosses:
        keep.extend(range(previous, gloss.start()))
        previous = gloss.end()
    keep.extend(range(previous, len(text)))
    return "".join(text[i] for i in keep), keep


def to_simplified(text: str) -> tuple[str, bool]:
    """(Simplified text of the same length, whether the input was Traditional).

    A Simplified text is returned unchanged: only a text with a fair share of
    Traditional-only characters is converted, so words such as 乾坤 in a
    Simplified document are left alone.

    >>> to_simplified("關于印發行動方案的通知")
    ('关于印发行动方案的通知', True)
    >>> to_simplified("关于印发行动方案的通知")
    ('关于印发行动方案的通知', False)
    """
    table = _ts_table()
    changed = len(text) - len(text.translate(_traditional_only()))
    cjk = len(_CJK.findall(text)) or 1
    if changed < 3 or changed / cjk < 0.005:
        return text, False
    return text.translate(table), True


def simplified_chars(text: str) -> str:
    """``text`` with every Traditional character converted, however few (a 文号 such as 滬府〔2020〕27號)."""
    return text.translate(_ts_table())


_CJK = re.compile(r"[\u4e00-\u9fff]")


@cache
def _traditional_only() -> dict[int, None]:
    """A table deleting every character ``_ts_table`` converts: counted by ``str.translate``, not a loop."""
    return dict.fromkeys(_ts_table())


@cache
def _ts_table() -> dict[int, str]:
    """Traditional -> Simplified, one character to one character (OpenCC's TSCharacters)."""
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1 and parts[0] != parts[1]:
            table[ord(parts[0])] = parts[1]
    return table


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)
