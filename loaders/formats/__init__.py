"""Readers for container formats (HTML, PDF, DOCX), registered into ``loaders.read``.

Plain text and Markdown are read by ``loaders.read`` itself; each module here
adds a sniffer and a reader for one format and the suffixes a folder build
should pick up for it. The sniffers look at the bytes first (``%PDF-``, a zip
holding ``word/document.xml``, the OLE header of a .doc, HTML markup), so a
file is read by what it is, not by what it is called: a ``.txt`` that is a
saved web page is read as HTML. The heavy libraries (trafilatura,
pdfplumber, python-docx) are imported only when a file of theirs is read.
"""

from __future__ import annotations

from loaders import read
from loaders.formats import docx, html, pdf

#: extra file suffixes the registered readers handle
SUFFIXES: tuple[str, ...] = (*html.SUFFIXES, *pdf.SUFFIXES, *docx.SUFFIXES)

#: (name, sniffer, reader), most specific first: binary magic before markup
_READERS = [
    ("pdf", pdf.sniff, pdf.read_pdf),
    ("docx", docx.sniff_docx, docx.read_docx),
    ("doc", docx.sniff_legacy, docx.read_legacy),
    ("html", html.sniff, html.read_html),
]


def register() -> None:
    """Add the readers to ``loaders.read.READERS`` once (importing this package does it)."""
    known = {name for name, _sniff, _reader in read.READERS}
    read.READERS.extend(entry for entry in _READERS if entry[0] not in known)


register()
