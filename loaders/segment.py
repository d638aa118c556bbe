"""Chinese word segmentation: jieba, loaded once per process with our dictionaries.

The user dictionary holds every administrative division (full and short
names), the known sites and organizations with their aliases, and the agency
name forms, so that 中山大学 or 松山湖高新区 or 省科技厅 come out as one word.
``tokens()`` is what the search query and plan similarity use, so a query for
松山湖 or 省科技厅 finds the same units the loaders recognised.
"""

from __future__ import annotations

import re
from functools import cache

_WORD = re.compile(r"[\w\u4e00-\u9fff]")


@cache
def _tokenizer():
    import logging

    import jieba

    from loaders.lexicon import agency_forms, known_organizations, known_sites, regions

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    index = regions()
    names = set(index.by_name) | set(index.by_short)
    for entity in (*known_sites(), *known_organizations()):
        names.add(entity.name)
        names.update(entity.aliases)
    names.update(form.short for form in agency_forms())
    for name in sorted(names):
        if len(name) >= 2 and " " not in name:
            tokenizer.add_word(name, freq=20000)
    return tokenizer


@cache
def _pos_tokenizer():
    """Part-of-speech tagging on the same tokenizer (and user words), without a second dictionary load."""
    import jieba.posseg

    return jieba.posseg.POSTokenizer(_tokenizer())


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) pairs; ns/nr/nz/nt mark place, person and other proper names."""
    return [(pair.word, pair.flag) for pair in _pos_tokenizer().cut(text)]


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for every word of ``text``."""
    return list(_tokenizer().tokenize(text))


def tokens(text: str) -> list[str]:
    """Words of ``text`` (punctuation and blanks dropped), in order.

    >>> tokens("推动东莞松山湖打造尖端材料与技术创新高地")[:3]
    ['推动', '东莞松山湖', '打造']
    """
    return [w for w in _tokenizer().lcut(text) if _WORD.match(w)]
