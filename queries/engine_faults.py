"""Calls that FalkorDB 4.16 mishandles badly enough to end its process, refused in clients' queries.

Neither the plan nor a memory limit can catch these, because the damage is
done inside one function call on the data:

- ``substring()`` and ``left()`` count characters against bytes, so on
  Chinese text they read past the end of the string; ``MATCH ()-[r]->()
  RETURN substring(r.evidence, 0, 40)`` aborted the server every time
  ("Allocating 18446744073709551615 bytes"). They are refused, with the
  reason (``[engine_faults]`` in ``queries/guard.toml``).
- ``range(a, b)`` allocates its whole list in one go, before the query's
  memory capacity is checked: ``range(1, 2000000000)`` asks for 32 GB. Its
  bounds may be integers, parameters or ``size(…)`` plus or minus an
  integer, and the list they make at most ``MAX_RANGE`` long; any other bound
  (a property, an arithmetic product) is refused.
- the query's memory capacity is checked between the plan's operations, not
  inside one expression: ``reduce(s = 'x', i IN range(1, 40) | s + s)``
  doubled its string past the process limit and the server died. ``reduce``
  is refused, and ``replace`` only takes literal texts to find (not empty)
  and to put in (at most ``MAX_REPLACEMENT`` characters), so one call cannot
  multiply a text by more than that.

>>> check_engine_faults("RETURN [i IN range(0, size($l) - 1) | $l[i]]", {"l": [1, 2]})
>>> check_engine_faults("RETURN size(range(1, 2000000000))", {})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
queries.engine_faults.EngineFault: range() would make a list of 2,000,000,000 items; the limit is 10,000,000 ...
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from graph.errors import QueryError
from queries.guard import Token, normalise, tokens

MAX_RANGE = 10_000_000
MAX_REPLACEMENT = 64
_REPLACES = frozenset(("replace", "replaceregex"))
_RULES_FILE = Path(__file__).with_name("guard.toml")


class EngineFault(QueryError):
    """A call known to crash the engine."""

    code = "engine_fault"


@cache
def _faults() -> dict[str, str]:
    return {k.lower(): v for k, v in tomllib.loads(_RULES_FILE.read_text(encoding="utf-8"))["engine_faults"].items()}


def check_engine_faults(query: str, params: dict[str, Any]) -> None:
    """Raise ``EngineFault`` for a call in ``query`` that could crash FalkorDB 4.16."""
    toks = tokens(normalise(query))
    for at, tok in enumerate(toks):
        if tok.kind != "word" or not _is_call(toks, at):
            continue
        name = tok.text.lower()
        if name in _faults():
            raise EngineFault(_faults()[name])
        if name == "range":
            _check_range(toks, at + 2, params)
    for at, tok in enumerate(toks):  # dotted calls too: string.replaceRegEx(…)
        if (tok.kind == "word" and tok.text.lower() in _REPLACES and at + 1 < len(toks)
                and toks[at + 1].kind == "punct" and toks[at + 1].text == "("):
            _check_replace(tok.text, _arguments(toks, at + 1))


def _arguments(toks: list[Token], at: int) -> list[list[Token]]:
    """The arguments of the call whose ``(`` is ``toks[at]``, each as its tokens."""
    args: list[list[Token]] = [[]]
    depth = 0
    for tok in toks[at:]:
        if tok.kind == "punct" and tok.text in "([{":
            depth += 1
            if depth == 1:
                continue
        elif tok.kind == "punct" and tok.text in ")]}":
            depth -= 1
            if depth == 0:
                break
        elif tok.kind == "punct" and tok.text == "," and depth == 1:
            args.append([])
            continue
        args[-1].append(tok)
    return args


def _check_replace(name: str, args: list[list[Token]]) -> None:
    find = args[1] if len(args) > 1 else []
    put = args[2] if len(args) > 2 else []
    if not (len(find) == 1 and find[0].kind == "string" and find[0].text
            and len(put) == 1 and put[0].kind == "string" and len(put[0].text) <= MAX_REPLACEMENT):
        raise EngineFault(f"{name}() takes a literal text to find (not empty) and a literal text of at most "
                          f"{MAX_REPLACEMENT} characters to put in here: FalkorDB 4.16 allocates the whole result "
                          "before its memory limit applies, so a replacement made of the text itself could take "
                          "the database's memory")


def _is_call(toks: list[Token], at: int) -> bool:
    after = toks[at + 1] if at + 1 < len(toks) else None
    before = toks[at - 1] if at else None
    return (after is not None and after.kind == "punct" and after.text == "("
            and not (before is not None and before.kind == "punct" and before.text == "."))


def _check_range(toks: list[Token], at: int, params: dict[str, Any]) -> None:
    """The arguments of a ``range(`` call whose first argument starts at ``toks[at]``."""
    values: list[int | None] = []
    while at < len(toks):
        value, at = _bound(toks, at, params)
        values.append(value)
        tok = toks[at] if at < len(toks) else None
        if tok is not None and tok.kind == "punct" and tok.text == ",":
            at += 1
            continue
        break
    if len(values) >= 2 and all(v is not None for v in values[:3]):
        low, high = values[0], values[1]
        step = values[2] if len(values) > 2 else 1
        count = 0 if not step else max(0, (high - low) // step + 1)  # type: ignore[operator]
        if count > MAX_RANGE:
            raise EngineFault(f"range() would make a list of {count:,} items; the limit is {MAX_RANGE:,} "
                              "(FalkorDB 4.16 allocates it at once, before its memory limit applies)")


def _bound(toks: list[Token], at: int, params: dict[str, Any]) -> tuple[int | None, int]:
    """One bound: ``[-]integer``, ``[-]$param`` or ``size(…)`` with an optional ``± integer``.
    Returns its value (None for ``size``) and the index after it; raises for anything else."""
    sign = 1
    if at < len(toks) and toks[at].kind == "punct" and toks[at].text in "+-":
        sign = -1 if toks[at].text == "-" else 1
        at += 1
    tok = toks[at] if at < len(toks) else None
    value: int | None
    if tok is not None and tok.kind == "word" and tok.text.isdecimal():
        value, at = sign * int(tok.text), at + 1
    elif tok is not None and tok.kind == "param" and isinstance(params.get(tok.text[1:]), int):
        value, at = sign * int(params[tok.text[1:]]), at + 1
    elif tok is not None and tok.kind == "word" and tok.text.lower() == "size" and _is_call(toks, at):
        value, at = None, _after_brackets(toks, at + 1)
    else:
        raise EngineFault("range() takes integers, parameters or size(…) ± an integer as its bounds here: "
                          "FalkorDB 4.16 allocates the whole list at once, before its memory limit applies, "
                          "so a computed bound could take the database's memory")
    tok = toks[at] if at < len(toks) else None
    if tok is not None and tok.kind == "punct" and tok.text in "+-":
        nxt = toks[at + 1] if at + 1 < len(toks) else None
        if nxt is None or not (nxt.kind == "word" and nxt.text.isdecimal()):
            raise EngineFault("range() takes integers, parameters or size(…) ± an integer as its bounds here")
        if value is not None:
            value += int(nxt.text) if tok.text == "+" else -int(nxt.text)
        at += 2
    return value, at


def _after_brackets(toks: list[Token], at: int) -> int:
    """The index after the bracket group that opens at ``toks[at]``."""
    depth = 0
    while at < len(toks):
        tok = toks[at]
        if tok.kind == "punct" and tok.text in "([{":
            depth += 1
        elif tok.kind == "punct" and tok.text in ")]}":
            depth -= 1
            if depth == 0:
                return at + 1
        at += 1
    return at
