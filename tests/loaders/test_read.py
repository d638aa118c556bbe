"""Files are read in whatever encoding they come, and a bad one is named."""

import codecs

import pytest

from graph.errors import SourceError
from loaders.read import decode, read_document

TEXT = "浙江省加快推动“人工智能+科学”创新发展行动计划（2025-2027年）\n（责任单位：省发展改革委、之江实验室、省科技厅）"


@pytest.mark.parametrize("data, expected", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("gbk"), "gb18030"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
    (TEXT.encode("utf-16-be"), "utf-16-be"),
])
def test_every_encoding_gives_the_same_text(data, expected):
    text, encoding = decode(data)
    assert text == TEXT
    assert encoding == expected


def test_empty_file_is_reported_by_name(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(SourceError) as info:
        read_document(path)
    assert info.value.source == "empty.txt"


def test_broken_utf8_after_a_bom_is_reported(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(codecs.BOM_UTF8 + "浙江".encode() + b"\xff\xfe\xfa")
    with pytest.raises(SourceError, match=r"broken\.txt"):
        read_document(path)
