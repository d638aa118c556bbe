"""Chinese word segmentation: jieba, loaded once per process with our dictionaries.

``tokens()`` is what the search query and plan similarity use, so that a
query for 松山湖 or 省科技厅 finds the same units the loaders recognised.
"""

from __future__ import annotations

import re
from functools import cache

_WORD = re.compile(r"[\w\u4e00-\u9fff]")


@cache
def _tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def tokens(text: str) -> list[str]:
    """Words of ``text`` (punctuation and blanks dropped), in order.

    >>> tokens("推动东莞松山湖打造尖端材料与技术创新高地")[:3]
    ['推动', '东莞', '松山湖']
    """
    return [w for w in _tokenizer().lcut(text) if _WORD.match(w)]
