"""Regions named in a text: only whole words, as jieba cuts them."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.lexicon import regions
from loaders.mentions import find_regions, region_of
from loaders.segment import tokenize
from tests.conftest import ROOT


def segmenting_everything(text: str, home):
    """The plain definition: segment the whole text, keep the words that name a region."""
    found = ((region_of(word, home), word, start) for word, start, _end in tokenize(text))
    return [hit for hit in found if hit[0] is not None]


def test_a_name_inside_a_longer_word_is_not_a_region():
    found = [(r.name, w, s) for r, w, s in find_regions("中山大学与广东省、深圳市合作，上海南部新区", None)]
    assert ("广东省", "广东省", 5) in found and ("深圳市", "深圳市", 9) in found
    assert not any(w == "中山" for _n, w, _s in found)  # 中山大学 is one word
    assert not any(w == "海南" for _n, w, _s in found)  # 上海南部: 海南 straddles two words


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.name)
def test_segmenting_only_the_runs_with_a_name_finds_what_segmenting_everything_finds(path: Path):
    text = path.read_text(encoding="utf-8")
    home = regions().by_name["广东省"][0]
    for where in (None, home):
        assert find_regions(text, where) == segmenting_everything(text, where)
