"""Suggestions for the search box: Chinese or English, names, aliases, titles and measures.

A query is matched, lower-cased and without spaces, against each kind's names
(canonical name, short form, English name, aliases; a plan's title and
document number; a measure's title). Exact matches come first, then prefixes,
then any substring; shorter names before longer ones.
"""

from __future__ import annotations

import re
from typing import Any

from graph.store import GraphStore
from queries.web import cypher

MAX_SUGGESTIONS = 30
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The form both sides of a match take.

    >>> normalise(" Songshan  Lake ")
    'songshanlake'
    """
    return _SPACES.sub("", text).lower()


def suggest(store: GraphStore, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """Up to ``limit`` entities whose names contain ``text``, best first."""
    q = normalise(text)
    if not q:
        return []
    limit = max(1, min(limit, MAX_SUGGESTIONS))
    found: list[tuple[int, int, int, dict[str, Any]]] = []
    for kind_order, query in enumerate(cypher.SUGGEST.values()):
        for row in store.read(query, {"q": q, "limit": limit}).records():
            score = row.pop("score")
            found.append((score, kind_order, len(row["name"] or ""), row))
    found.sort(key=lambda item: item[:3])
    return [row for *_, row in found[:limit]]
