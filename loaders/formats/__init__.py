"""Readers for container formats (HTML, PDF, DOCX), registered into ``loaders.read``.

Plain text and Markdown are read by ``loaders.read`` itself; each module here
adds a sniffer and a reader for one format and the suffixes a folder build
should pick up for it.
"""

from __future__ import annotations

#: extra file suffixes the registered readers handle
SUFFIXES: tuple[str, ...] = ()
