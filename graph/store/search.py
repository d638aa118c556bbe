"""What the full-text index of measures holds, and the index queries of the ``search`` named query.

The ``search`` query looks for jieba words of the user's text as parts of
measure titles and texts (``CONTAINS``). Scanning every measure's text for
them took seconds at 10,000 documents, so an engine full-text index now finds
the candidates first and ``CONTAINS`` only checks those. The index has to find
every measure that holds a word as a part of its text, whatever the word:

- Neo4j's full-text indexes take the ``cjk`` analyzer, which indexes Chinese
  as overlapping character pairs (bigrams); a word is then the phrase of its
  pairs, and any text holding the word holds that phrase.
- FalkorDB's take a language, and its ``chinese`` one cuts text into words
  with its own dictionary (friso): measured on the seeds, it finds none of the
  measures holding 智算, 算力 or 松山湖 (which it cuts differently in text and in
  a query). So on FalkorDB the store writes the same pairs itself into one
  property of each measure, ``_search`` (``search_text``), which the index
  reads as words; the exports and query answers leave that property out. A
  word is then all of its pairs; a search for a single character reads every
  measure, as it did before the index.

Either way the index gives a superset of the measures that hold a word, and
the query's own ``CONTAINS`` keeps exactly those that do. English and other
Latin words are matched as words or the start of words (``lake*``).
"""

from __future__ import annotations

import re
from operator import add

#: the property of a Measure that FalkorDB's full-text index reads (written by the store, never exported)
SEARCH_PROPERTY = "_search"
#: the most words of one search that go to the index (a longer text is cut there)
MAX_TERMS = 32

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_RUNS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9a-z]+")


def search_text(*texts: str | None) -> str:
    """The words FalkorDB's index keeps for a measure: each pair of neighbouring Chinese characters
    (a character standing alone, itself), and each Latin word or number, once, separated by spaces.

    >>> search_text("统筹科学智算", "Songshan Lake 2025年")
    '统筹 筹科 科学 学智 智算 songshan lake 2025 年'
    """
    # made for every measure of a build (a fifth of the store write's time at 1,000 documents when
    # each pair came from a generator of its own): a run that does not start with a Latin letter or
    # digit is Chinese (``_RUNS`` matches nothing else), its pairs are made by ``map``, and every
    # word is kept once by one ``fromkeys``
    words: list[str] = []
    for text in texts:
        for run in _RUNS.findall(text.lower()) if text else ():
            if len(run) > 1 and run[0] > "z":
                words += map(add, run, run[1:])
            else:
                words.append(run)
    return " ".join(dict.fromkeys(words))


def falkordb_query(terms: list[str] | None) -> str:
    """The RediSearch query for FalkorDB's index: any of ``terms``, each as all of its pairs.

    Only Chinese characters, ASCII letters and digits reach the index (nothing of the
    query language's own syntax can), and a text with none of them asks for nothing.

    >>> falkordb_query(["科学智算", "lake"])
    '(科学 学智 智算) | lake*'
    >>> falkordb_query(["园"])
    '*'
    """
    parts: list[str] = []
    for term in (terms or [])[:MAX_TERMS]:
        if len(term.strip()) == 1:
            return "*"  # one character: every measure is a candidate (CONTAINS decides), as the pairs cannot
        words: list[str] = []
        for run in _RUNS.findall(term.lower()):
            if _HAN.fullmatch(run):
                words += [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]
            else:
                words.append(f"{run}*" if len(run) > 1 else run)
        if words:
            parts.append(words[0] if len(words) == 1 else f"({' '.join(words)})")
    return " | ".join(dict.fromkeys(parts)) or "nothingmatchesthisword"


_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


def lucene_query(terms: list[str] | None) -> str:
    """The Lucene query for Neo4j's index (``cjk`` analyzer): any of ``terms``, each as a phrase.

    >>> print(lucene_query(["科学智算", "a+b"]))
    "科学智算" OR "a\\+b"
    """
    if any(len(t.strip()) == 1 for t in terms or []):
        return "*:*"  # one character: every measure (the cjk analyzer keeps a character alone only when it is)
    phrases = ['"' + _LUCENE_SPECIAL.sub(r"\\\1", t) + '"' for t in (terms or [])[:MAX_TERMS] if t.strip()]
    return " OR ".join(dict.fromkeys(phrases)) or '"nothingmatchesthisword"'
