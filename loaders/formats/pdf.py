"""PDF attachments: the text layer in reading order, set back into paragraphs.

A PDF holds positioned lines, not paragraphs. Chinese lines wrap without a
space or hyphen, so a paragraph is rebuilt from the layout: a line that runs
to the right margin continues on the next line (on the next page too, so a
measure split by a page break stays one measure) unless that line is indented,
opens with a heading mark (一、 （一） 1. 第一条…) or follows a gap. Running
headers and footers are the lines at the top or bottom of a page that repeat
on most pages (digits aside), and page numbers (— 3 —, 第3页 共9页) are dropped
wherever they stand in those bands.

pdfplumber (MIT, on pdfminer.six, MIT) gives the characters with their
positions and reads the CID fonts of Chinese PDFs through pdfminer's CMaps.
Where pdfminer cannot map a font's glyphs to characters (it then writes
``(cid:123)``; PDFs carrying only an owner password, "no copying", do this),
the characters are taken from pypdfium2 (Apache-2.0/BSD-3, Chrome's PDFium,
already installed with pdfplumber) instead.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from graph.errors import SourceError
from loaders.formats.lines import HEADING_MARK, squash
from loaders.read import RawDocument

SUFFIXES = (".pdf",)

_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－_·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:/|共)\s*\d{1,4}\s*页?)?[\s\-—–－_·•]*$"
    r"|^[\s\-—–－]*[ivxlcIVXLC]{1,6}[\s\-—–－]*$|^page\s*\d+(\s*of\s*\d+)?$", re.I)
#: share of the page height at the top and at the bottom where running headers and footers live
BAND = 0.1
_ASCII_WORD = re.compile(r"[A-Za-z]")


@dataclass
class Line:
    page: int
    text: str
    x0: float  # where its first visible character starts
    x1: float
    top: float
    bottom: float
    size: float


def sniff(path: Path, data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


def read_pdf(path: Path, data: bytes) -> RawDocument:
    """A PDF's text, one paragraph per line; a scan or a locked file is a ``SourceError``."""
    pages, info = _lines(path.name, data)
    if _unmapped(pages):
        # pdfminer could not map the font's glyphs to characters (it prints "(cid:123)"),
        # as happens with owner-password PDFs; PDFium reads those
        pages, info = _lines_pdfium(path.name, data)
    if sum(len(re.sub(r"\s", "", line.text)) for page in pages for line in page) < 20:
        raise SourceError(path.name, "no text layer: the PDF needs OCR (it holds page images only)")
    body = _drop_running_lines(pages)
    paragraphs = join_paragraphs(body)
    return RawDocument(path.name, "\n".join(paragraphs), "pdf", None, info)


_CID = re.compile(r"\(cid:\d+\)")


def _unmapped(pages: list[list[Line]]) -> bool:
    text = "".join(line.text for page in pages for line in page)
    return len(_CID.findall(text)) * 6 > len(text) / 4


def _lines(source: str, data: bytes) -> tuple[list[list[Line]], dict]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    locked = (PDFPasswordIncorrect, PDFEncryptionError)
    pages: list[list[Line]] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            info = {k.lower(): v for k, v in (pdf.metadata or {}).items()
                    if isinstance(v, str) and k in ("Title", "Author", "Subject", "CreationDate")}
            for number, page in enumerate(pdf.pages):
                pages.append(_page_lines(page, number))
    except Exception as exc:
        cause = exc.__cause__ or exc.__context__
        if isinstance(exc, locked) or isinstance(cause, locked) or "password" in str(exc).lower():
            raise SourceError(source, "the PDF is password-protected: save a copy without the password") from exc
        if isinstance(exc, SourceError):
            raise
        raise SourceError(source, f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    return pages, info


def _page_lines(page, number: int) -> list[Line]:
    out = []
    for raw in page.extract_text_lines(layout=False, strip=True, return_chars=True):
        chars = [c for c in raw["chars"] if c["text"].strip()]
        if not chars:
            continue
        text = squash(raw["text"])
        size = median(c["size"] for c in chars)
        out.append(Line(number, text, chars[0]["x0"], chars[-1]["x1"], raw["top"] / page.height,
                        raw["bottom"] / page.height, size))
    return sorted(out, key=lambda line: (round(line.top, 3), line.x0))


def _lines_pdfium(source: str, data: bytes) -> tuple[list[list[Line]], dict]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise SourceError(source, "the PDF is password-protected: save a copy without the password") from exc
        raise SourceError(source, f"not a readable PDF ({exc})") from exc
    try:
        info = {k.lower(): v for k, v in pdf.get_metadata_dict(skip_empty=True).items()
                if k in ("Title", "Author", "Subject", "CreationDate")}
        pages = [_page_lines_pdfium(pdf[number], number) for number in range(len(pdf))]
    except pdfium.PdfiumError as exc:
        raise SourceError(source, f"not a readable PDF ({exc})") from exc
    finally:
        pdf.close()
    return pages, info


def _page_lines_pdfium(page, number: int) -> list[Line]:
    """The page's characters, in content order, gathered into lines by their height on the page."""
    import pypdfium2.raw as raw

    height = page.get_height()
    textpage = page.get_textpage()
    lines: list[list[tuple[str, float, float, float, float, float]]] = []
    for i in range(textpage.count_chars()):
        code = raw.FPDFText_GetUnicode(textpage.raw, i)
        if code in (0, 0xFFFE, 0xFFFF) or chr(code) in "\r\n":
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        size = raw.FPDFText_GetFontSize(textpage.raw, i) or (top - bottom) or 1.0
        char = (chr(code), left, bottom, right, top, size)
        if lines:
            last = lines[-1][-1]
            same_row = abs((bottom + top) / 2 - (last[2] + last[4]) / 2) <= 0.5 * max(size, last[5])
            if same_row and left >= last[1] - 0.5 * size:
                lines[-1].append(char)
                continue
        lines.append([char])
    out = []
    for chars in lines:
        visible = [c for c in chars if c[0].strip()]
        if not visible:
            continue
        out.append(Line(number, squash("".join(c[0] for c in chars)), visible[0][1], visible[-1][3],
                        (height - max(c[4] for c in visible)) / height,
                        (height - min(c[2] for c in visible)) / height, median(c[5] for c in visible)))
    textpage.close()
    return sorted(out, key=lambda line: (round(line.top, 3), line.x0))


def _drop_running_lines(pages: list[list[Line]]) -> list[Line]:
    """Every page's lines less its running header, footer and page number."""
    def in_band(line: Line) -> bool:
        return line.top < BAND or line.bottom > 1 - BAND

    def key(line: Line) -> str:
        # the same words at the same height of the page, page numbers aside
        return f"{round(line.top * 50)}:" + re.sub(r"\d+", "#", re.sub(r"\s", "", line.text))

    def edges(page: list[Line]) -> list[Line]:
        return [line for line in page[:2] + page[-2:] if in_band(line)]

    repeats = Counter(k for page in pages for k in {key(line) for line in edges(page)})
    needed = max(2, (len(pages) + 1) // 2)
    out = []
    for page in pages:
        edge = {id(line) for line in edges(page)}
        for line in page:
            if id(line) in edge and ((repeats[key(line)] >= needed and len(pages) > 1)
                                     or _PAGE_NUMBER.match(line.text)):
                continue
            out.append(line)
    return out


def join_paragraphs(lines: list[Line]) -> list[str]:
    """Lines -> paragraphs: a full line runs on unless the next is indented, numbered or set apart."""
    if not lines:
        return []
    size = median(line.size for line in lines)
    starts = sorted(line.x0 for line in lines)
    left = starts[len(starts) // 10]
    ends = sorted(line.x1 for line in lines)
    right = ends[int(len(ends) * 0.9)]
    paragraphs: list[str] = []
    previous: Line | None = None
    for line in lines:
        runs_on = (
            previous is not None
            and previous.x1 >= right - 1.5 * size
            and line.x0 <= left + 0.8 * size
            and not HEADING_MARK.match(line.text)
            and (line.page != previous.page
                 or line.top - previous.bottom < 1.2 * (previous.bottom - previous.top))
        )
        if runs_on and paragraphs:
            glue = " " if _ASCII_WORD.match(paragraphs[-1][-1:]) and _ASCII_WORD.match(line.text[:1]) else ""
            paragraphs[-1] += glue + line.text
        else:
            paragraphs.append(line.text)
        previous = line
    return paragraphs
