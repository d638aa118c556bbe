"""Bounds on a client's query text, checked before any parser sees it, in one linear pass.

FalkorDB 4.16's Cypher parser is the weak point a short text can reach
(measured here, bench-free, with ``GRAPH.EXPLAIN``):

- its time grows about twofold with each level of nesting, whether brackets,
  ``CASE``, ``NOT`` or unary minus: ``RETURN ((((…1…))))`` 20 deep takes 6 s,
  24 deep 30 s, and nothing stops it (the query time limit starts after the
  parse), so two such requests hold both of the database's threads;
- an expression of about 50,000 terms (``RETURN 1+1+…+1``) overflows its
  stack and the whole server dies.

So a text is refused when it is longer than ``max_query_chars``, nested deeper
than ``max_query_depth`` or made of more than ``max_query_tokens`` tokens. At
the defaults (16,384 characters, depth 7, 4,096 tokens) the worst text
measured parses in under a second, and the longest expression is an eighth of
the one that crashes. The check is linear in the text, and the service runs
it off the event loop (``queries.run``).

>>> from graph.settings import Settings
>>> check_bounds("MATCH (n) WHERE NOT (n.x IN [1, -2]) RETURN n", Settings())
>>> check_bounds("RETURN " + "(" * 30 + "1" + ")" * 30, Settings())  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
graph.errors.SettingError: the query is nested 30 deep (brackets, CASE, NOT, unary signs); the limit is 7 ...
"""

from __future__ import annotations

from typing import Protocol

from graph.errors import SettingError
from queries.guard import normalise, tokens

_OPEN = frozenset("([{")
_CLOSE = frozenset(")]}")
#: tokens that nest the expression after them when they stand as prefixes (NOT, unary - and +)
_PREFIX = frozenset(("NOT", "-", "+"))


class Limits(Protocol):
    max_query_chars: int
    max_query_depth: int
    max_query_tokens: int


def check_length(query: str, limits: Limits) -> None:
    """The cheap first bound (constant time), so a long text is refused before it is even read."""
    if len(query) > limits.max_query_chars:
        raise SettingError(f"the query is {len(query):,} characters long; the limit is "
                           f"{limits.max_query_chars:,}", "max_query_chars")


def check_bounds(query: str, limits: Limits) -> None:
    """Refuse ``query`` if it is too long, too deeply nested or has too many tokens."""
    check_length(query, limits)
    toks = tokens(normalise(query))
    if len(toks) > limits.max_query_tokens:
        raise SettingError(f"the query has {len(toks):,} tokens (words, numbers, symbols); the limit is "
                           f"{limits.max_query_tokens:,}", "max_query_tokens")
    depth = nesting_depth(toks)
    if depth > limits.max_query_depth:
        raise SettingError(f"the query is nested {depth} deep (brackets, CASE, NOT, unary signs); the limit "
                           f"is {limits.max_query_depth}", "max_query_depth")


def nesting_depth(toks) -> int:
    """The deepest nesting in ``toks``: open brackets and CASEs, plus runs of prefix operators.

    A run of ``NOT``/``-``/``+`` tokens counts one level per token (a binary
    minus is counted too, which errs on the side of refusing); a bracket opened
    after a run carries the run's levels inside it.

    >>> nesting_depth(tokens("RETURN NOT (NOT -(1))"))
    5
    >>> nesting_depth(tokens("MATCH (a)-[r]->(b) RETURN a"))
    2
    """
    carried: list[int] = []  # the prefix run each open bracket or CASE was opened after
    total_carried = run = best = 0
    for tok in toks:
        text = tok.text if tok.kind == "punct" else tok.text.upper() if tok.kind == "word" else ""
        if text in _OPEN or text == "CASE":
            carried.append(run)
            total_carried += run
            run = 0
        elif (text in _CLOSE or text == "END") and carried:
            total_carried -= carried.pop()
            run = 0
        elif text in _PREFIX:
            run += 1
        else:
            run = 0
        best = max(best, len(carried) + total_carried + run)
    return best
