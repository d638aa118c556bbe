"""Word attachments (DOCX): paragraphs with their automatic numbers, and tables.

Official documents drafted in Word often let Word number the headings: the
一、 （一） 1. are not in the paragraph's text but in ``numbering.xml``, and
the extractor needs them to see the outline. ``NumberingState`` replays
Word's counters (levels restart under a new parent unless ``lvlRestart``
says otherwise; ``startOverride`` restarts a list) and renders each level's
``lvlText`` in its format (chineseCounting gives 一…九十九). Tables, such as
a 责任分工 annex, become pipe rows (``loaders.formats.lines.table_lines``); a
cell merged down several rows repeats its text on each, so every row names
its 牵头单位.

Word 97-2003 and WPS files are converted with LibreOffice when ``soffice`` is
on the machine, else reported as needing conversion to DOCX.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from graph.errors import SourceError
from loaders.formats.lines import squash, table_lines
from loaders.formats.numbering import NumberingState
from loaders.read import RawDocument

SUFFIXES = (".docx", ".docm", ".doc", ".wps")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: seconds LibreOffice may take to convert one legacy file
CONVERT_TIMEOUT_S = 120


def sniff_docx(path: Path, data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return path.suffix.lower() in (".docx", ".docm") and not data.startswith(OLE_MAGIC)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return path.suffix.lower() in (".docx", ".docm")


def sniff_legacy(path: Path, data: bytes) -> bool:
    return data.startswith(OLE_MAGIC) or path.suffix.lower() in (".doc", ".wps")


def read_docx(path: Path, data: bytes, format: str = "docx") -> RawDocument:
    """A DOCX file's text: numbered paragraphs and pipe-row tables in document order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
        numbering = NumberingState.from_document(document)
    except Exception as exc:  # python-docx raises zip, XML and key errors on damaged files
        reason = f"the DOCX file is damaged and cannot be opened ({type(exc).__name__}: {exc})"
        raise SourceError(path.name, reason) from exc
    lines: list[str] = []
    for element in _blocks(document.element.body):
        if element.tag == f"{W}p":
            lines += _paragraph_lines(Paragraph(element, document), numbering)
        elif element.tag == f"{W}tbl":
            lines += table_lines(_table_rows(Table(element, document)))
    props = document.core_properties
    meta = {k: v for k, v in (("title", props.title), ("author", props.author)) if v}
    return RawDocument(path.name, "\n".join(line for line in lines if line.strip()), format, None, meta)


def _blocks(body):
    """Paragraphs and tables in order, looking inside content controls (``w:sdt``)."""
    for child in body.iterchildren():
        if child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif child.tag in (f"{W}p", f"{W}tbl"):
            yield child


def _paragraph_lines(paragraph, numbering: NumberingState) -> list[str]:
    text = paragraph.text
    number = numbering.number_for(paragraph)
    parts = [squash(part) for part in re.split(r"\n", text)]
    parts = [p for p in parts if p]
    if number is None and not parts:
        return []
    if number is not None:
        head = parts[0] if parts else ""
        parts = [(number + head) if number != "- " or head else "", *parts[1:]]
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    heading = re.match(r"(?:Heading|标题)\s*(\d)$", style)
    if heading and parts:
        parts[0] = "#" * int(heading.group(1)) + " " + parts[0]
    return parts


def _table_rows(table) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in table.rows:
        cells, previous = [], None
        for cell in row.cells:
            # a cell spanning columns shows once; one spanning rows repeats on each row
            cells.append("" if cell._tc is previous else squash(" ".join(p.text for p in cell.paragraphs)))
            previous = cell._tc
        rows.append(cells)
    return rows


def read_legacy(path: Path, data: bytes) -> RawDocument:
    """.doc / .wps: converted to DOCX by LibreOffice when it is installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    kind = "WPS" if path.suffix.lower() == ".wps" else "Word 97-2003"
    if not soffice:
        raise SourceError(path.name, f"a {kind} file: convert it to DOCX (or install LibreOffice, "
                                     "whose soffice policykg uses to convert it)")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / ("in" + (path.suffix.lower() or ".doc"))
        source.write_bytes(data)
        try:
            subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                            "--convert-to", "docx", "--outdir", tmp, str(source)],
                           check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S)
            converted = source.with_suffix(".docx").read_bytes()
        except (OSError, subprocess.SubprocessError) as exc:
            raise SourceError(path.name, f"LibreOffice could not convert this {kind} file to DOCX: {exc}") from exc
    return read_docx(path, converted, format=path.suffix.lower().lstrip(".") or "doc")
