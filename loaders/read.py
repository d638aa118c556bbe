"""Read a file into text: the encoding is detected, never assumed.

Government pages and attachments come in UTF-8 (with or without BOM),
GB18030/GBK and UTF-16; the order of attempts below makes each of them come
out right: byte-order marks first, then UTF-16 by its NUL pattern, then strict
UTF-8, then strict GB18030 (a superset of GBK and GB2312), and last
charset-normalizer for anything else. Formats other than text register a
reader in ``READERS`` (the format is sniffed from content, not only the name).
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import SourceError

#: file suffixes a folder build picks up
SUFFIXES = (".txt", ".md", ".markdown", ".text")


@dataclass
class RawDocument:
    """A document's text as read, before any extraction."""

    source: str
    text: str
    format: str = "text"
    encoding: str | None = None
    #: metadata a container format carries (an HTML page's 索引号 table, a PDF's info)
    meta: dict[str, Any] = field(default_factory=dict)


def decode(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Bytes -> (text, encoding name).

    >>> decode("广东省".encode("gb18030"))
    ('广东省', 'gb18030')
    >>> decode(codecs.BOM_UTF8 + "浙江".encode())
    ('浙江', 'utf-8-sig')
    >>> decode("东莞市松山湖高新区".encode("utf-16-le"))
    ('东莞市松山湖高新区', 'utf-16-le')
    """
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _strict(data, name, source), name
    if b"\0" in data[:4000]:
        guess = _utf16_by_nul_parity(data[:4000])
        if guess:
            return _strict(data, guess, source), guess
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # GB18030 accepts most byte strings, so it competes with UTF-16 on plausibility
    candidates = []
    for name in ("gb18030", "utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), name, text))
    if candidates:
        score, name, text = max(candidates)
        if score > 0.9:
            return text, name
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SourceError(source, "cannot tell the text encoding (not UTF-8, GB18030 or UTF-16)")
    return str(best), best.encoding


def _strict(data: bytes, name: str, source: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise SourceError(source, f"not valid {name}: {exc.reason} at byte {exc.start}") from exc


def _utf16_by_nul_parity(sample: bytes) -> str | None:
    """UTF-16 of Chinese text with any ASCII in it shows NUL bytes in one parity only."""
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd and not even:
        return "utf-16-le"
    if even and not odd:
        return "utf-16-be"
    return None


def _plausibility(text: str) -> float:
    """Share of characters a Chinese policy text is made of (CJK, ASCII, CJK punctuation)."""
    if not text:
        return 0.0
    good = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or " " <= ch <= "~" or ch in "\n\t"
               or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2010" <= ch <= "\u201f")
    return good / len(text)


def read_text(path: Path, data: bytes) -> RawDocument:
    text, encoding = decode(data, path.name)
    return RawDocument(path.name, text.replace("\r\n", "\n").replace("\r", "\n"), "text", encoding)


Reader = Callable[[Path, bytes], RawDocument]
#: format name -> (sniffer, reader); the first sniffer that says yes reads the file
READERS: list[tuple[str, Callable[[Path, bytes], bool], Reader]] = []


def read_document(path: Path) -> RawDocument:
    """Read one file in whatever format and encoding it comes."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(path.name, f"cannot read the file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise SourceError(path.name, "the file is empty")
    for _name, sniff, reader in READERS:
        if sniff(path, data):
            return reader(path, data)
    return read_text(path, data)


def collect_paths(inputs: list[Path]) -> tuple[list[Path], list[SourceError]]:
    """Files to build from: the files given, and the readable files inside given folders."""
    files, errors, _skipped = walk_inputs(inputs)
    return files, errors


def walk_inputs(inputs: list[Path]) -> tuple[list[Path], list[SourceError], list[tuple[str, str]]]:
    """``collect_paths`` and what it left out of the folders, each path with the reason: hidden
    entries, other file types, FIFOs and devices, links to nothing, link loops, links to folders
    (not followed), folders that cannot be listed. A FIFO is never opened (reading one blocks)."""
    files: list[Path] = []
    errors: list[SourceError] = []
    skipped: list[tuple[str, str]] = []
    for item in inputs:
        if item.is_dir():
            files.extend(_walk(item, skipped))
        elif item.is_file():
            files.append(item)
        elif item.is_symlink() or item.exists():
            errors.append(SourceError(item.name, _why_not_read(item) or f"not a regular file: {item}"))
        else:
            errors.append(SourceError(item.name, f"no such file or folder: {item}"))
    return files, errors, skipped


def _walk(root: Path, skipped: list[tuple[str, str]]) -> list[Path]:
    found: list[Path] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            skipped.append((str(folder), f"cannot list the folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                skipped.append((str(path), "hidden"))
            elif entry.is_dir(follow_symlinks=False):
                folders.append(path)
            elif (reason := _why_not_read(path)) is not None:
                skipped.append((str(path), reason))
            elif _buildable(path):
                found.append(path)
            else:
                skipped.append((str(path), f"not a document type that is read ({path.suffix or 'no suffix'})"))
    return sorted(found)


def _why_not_read(path: Path) -> str | None:
    """Why the entry at ``path`` is no file to read, or None for a regular file (or a link to one)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        if path.is_symlink():
            return "a symbolic link to nothing (its target is missing)"
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return "a link to a folder (links to folders are not followed)"
    if stat.S_ISFIFO(mode):
        return "not a regular file (a FIFO)"
    if not stat.S_ISREG(mode):
        return "not a regular file (a socket or a device)"
    return None


def _buildable(path: Path) -> bool:
    if path.name.startswith("."):
        return False
    suffixes = set(SUFFIXES) | {s for s in _extra_suffixes()}
    return path.suffix.lower() in suffixes


def _extra_suffixes() -> set[str]:
    from loaders import formats

    return set(formats.SUFFIXES)


# The container formats register their readers into READERS; imported last, so
# that ``loaders.formats`` finds this module complete whichever is imported first.
from loaders import formats as _formats  # noqa: E402, F401
