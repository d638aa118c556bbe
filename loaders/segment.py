"""Chinese word segmentation: jieba, loaded once per process with our dictionaries.

The user dictionary holds the full names of administrative divisions (东莞市,
黔东南州), the known sites and organizations with their aliases, and the agency
name forms, so that 中山大学 or 松山湖高新区 or 省科技厅 come out as one word.
Short forms of divisions are not forced on the segmenter: jieba's own
dictionary knows the common ones (东莞, 广州), and forcing them would cut
ordinary words apart (打造集安全出行 would become 集安/全). Only a short form of
a province or prefecture-level city that jieba does not know at all is added,
at an ordinary frequency. ``tokens()`` is what the search query and plan
similarity use, so a query for 松山湖 or 省科技厅 finds the same units the
loaders recognised.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

_WORD = re.compile(r"[\w\u4e00-\u9fff]")
#: the frequency given to a division's short form jieba does not know (an ordinary word's, not a forced one)
_SHORT_FREQ = 500
#: the frequency of a division's full name: a rare word's, so it wins alone but never against two common words
_NAME_FREQ = 50


@cache
def _tokenizer():
    import logging

    import jieba

    from loaders.lexicon import agency_forms, known_organizations, known_sites, regions

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    index = regions()
    for name in sorted({name for name in (*index.by_name, *index.aliases) if len(name) >= 3}):
        # enough to keep 仙桃市 one word where it stands alone, not enough to cut 上海|城市 as 上|海城市
        tokenizer.add_word(name, freq=_NAME_FREQ)
    names = set()
    for entity in (*known_sites(), *known_organizations()):
        names.add(entity.name)
        names.update(entity.aliases)
    names.update(form.short for form in agency_forms())
    for name in sorted(names):
        if len(name) >= 2 and " " not in name:
            tokenizer.add_word(name, freq=20000)
    for short, found in sorted(index.by_short.items()):
        upper = any(r.level == "Province" or (r.level == "City" and not r.county_level) for r in found)
        if upper and not tokenizer.FREQ.get(short) and short not in names and short not in index.by_name:
            tokenizer.add_word(short, freq=_SHORT_FREQ)
    return tokenizer


@cache
def _pos_tokenizer():
    """Part-of-speech tagging on the same tokenizer (and user words), without a second dictionary load."""
    import jieba.posseg

    return jieba.posseg.POSTokenizer(_tokenizer())


def stock_tag(word: str) -> str | None:
    """The part of speech jieba's own dictionary gives ``word`` (None when it does not list it)."""
    return _pos_tokenizer().word_tag_tab.get(word)


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) pairs; ns/nr/nz/nt mark place, person and other proper names."""
    return list(_tagged(text))


@lru_cache(maxsize=8192)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    """Cached: the rules tag the same short names several times (a site's core for a proper noun, with
    and without places, then for a noun of its own), and tagging runs jieba's HMM on each."""
    return tuple((pair.word, pair.flag) for pair in _pos_tokenizer().cut(text))


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for every word of ``text``."""
    return list(_tokenizer().tokenize(text))


def tokens(text: str) -> list[str]:
    """Words of ``text`` (punctuation and blanks dropped), in order.

    >>> tokens("推动东莞松山湖打造尖端材料与技术创新高地")[:3]
    ['推动', '东莞松山湖', '打造']
    """
    return [w for w in _tokenizer().lcut(text) if _WORD.match(w)]


def word_frequency(word: str) -> int:
    """How often the segmenter's dictionary counts ``word`` (0 for no word of its own: jieba keeps every
    prefix of a word at 0)."""
    return _tokenizer().FREQ.get(word) or 0
