"""Documents a plan cites: 依据《新一代人工智能发展规划》（国发〔2017〕35号）.

A cited 《…》 is found by the metadata stage (a citation marker before it in the
same clause, or its 文号 in brackets after it). The notice wrapper is dropped
(《金华市人民政府关于印发金华市推动人工智能创新发展行动方案的通知》 cites the
行动方案), and the 文号 that follows is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.document import Span
from loaders.metadata import DOC_NUMBER, kind_of, norm

NOTICE = re.compile(r"^.{2,40}?关于(?:印发|转发)《?(.+?)》?的通知$")


@dataclass
class Citation:
    title: str  # Simplified
    title_surface: str
    kind: str | None
    doc_number: str | None
    evidence: str


def read_citations(cited: list[Span], own_title: str | None) -> list[Citation]:
    out: dict[str, Citation] = {}
    for span in cited:
        title, surface = span.text.strip(), span.surface.strip()
        wrapped = NOTICE.match(title)
        if wrapped:
            start = title.index(wrapped.group(1))
            title = wrapped.group(1)
            surface = surface[start:start + len(title)]
        if own_title and norm(title) == norm(own_title):
            continue
        doc = span.doc
        after = doc.text[span.end + 1: span.end + 30]
        number = None
        match = re.match(r"\s*[（(]\s*(" + DOC_NUMBER.pattern + r")\s*[)）]", after)
        if match:
            start = span.end + 1 + match.start(1)
            number = doc.quote(start, start + len(match.group(1)))
        sentence = _sentence(doc, span.start)
        key = norm(title)
        if key not in out or (number and not out[key].doc_number):
            out[key] = Citation(title, surface, kind_of(title), number, sentence)
    return list(out.values())


def _sentence(doc, offset: int) -> str:
    text = doc.text
    begin = max(text.rfind(ch, 0, offset) for ch in "。；\n") + 1
    ends = [i for i in (text.find(ch, offset) for ch in "。；\n") if i >= 0]
    end = min(ends) if ends else len(text)
    return doc.quote(begin, end).strip()
