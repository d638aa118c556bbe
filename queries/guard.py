"""The second read-only layer: a check on the query text that refuses writes.

The first layer is the engine's read mode (FalkorDB's ``GRAPH.RO_QUERY``, a
Neo4j READ transaction), which refuses every write it executes. This layer
refuses them before they reach the engine, so a write never depends on one
mechanism alone (datasette layers its SQL the same way) and the client gets
the reason in plain words.

The check reads the text the way the database would, then more suspiciously:

- Unicode is folded first (NFKC, so ``ＣＲＥＡＴＥ`` is ``CREATE``; letters of
  other scripts that look Latin are read as Latin; invisible format characters
  such as zero-width spaces are dropped; every kind of space is a space).
- Comments are skipped and string literals and backtick names are set aside,
  so ``CREATE`` inside a string is no write, and ``/* */ CREATE`` is one.
- Strings are read twice: with backslash escapes and without. A write that is
  visible under either reading is refused, so no disagreement between this
  lexer and the engine's about ``'\\'`` can hide one.
- Every keyword counts wherever it stands (after ``WITH``, in a ``UNION``
  branch, in a ``CALL { }`` subquery), except where it is a property, label,
  map key or column name. Procedures must be on an allow list; dotted functions
  that run queries or write (``apoc.cypher.*``, ``apoc.create.*``) are refused.

The word lists are data, in ``queries/guard.toml``.

>>> check_read_only("MATCH (n:Site) WHERE n.name = 'CREATE' RETURN n.set")
>>> check_read_only("MATCH (n) /* tidy */ DETACH DELETE n")
Traceback (most recent call last):
...
graph.errors.ReadOnlyError: queries are read-only: the query would change the graph (DETACH at line 1, column 22)
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph.errors import ReadOnlyError

_RULES_FILE = Path(__file__).with_name("guard.toml")
#: every character some engine might end a // comment at: each is read as a line break
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


@dataclass(frozen=True)
class Token:
    kind: str  # word, name (backtick), string, param, punct
    text: str
    line: int
    column: int


@dataclass(frozen=True)
class _Rules:
    write_keywords: frozenset[str]
    write_phrases: dict[str, frozenset[str]]
    refused_phrases: dict[str, str]
    procedures: frozenset[str]
    refused_prefixes: tuple[str, ...]
    refused_segments: frozenset[str]
    confusables: dict[int, str]


@cache
def _rules() -> _Rules:
    data = tomllib.loads(_RULES_FILE.read_text(encoding="utf-8"))
    return _Rules(
        write_keywords=frozenset(w.upper() for w in data["write_keywords"]),
        write_phrases={k.upper(): frozenset(x.upper() for x in v) for k, v in data["write_phrases"].items()},
        refused_phrases={k.upper(): v for k, v in data["refused_phrases"].items()},
        procedures=frozenset(p.lower() for p in data["procedures"]["allowed"]),
        refused_prefixes=tuple(p.lower() for p in data["functions"]["refused_prefixes"]),
        refused_segments=frozenset(s.lower() for s in data["functions"]["refused_segments"]),
        confusables={ord(k): v for k, v in data["confusables"].items()},
    )


def check_read_only(query: str) -> None:
    """Raise ``ReadOnlyError`` naming the first write found in ``query``; return None if there is none."""
    text = normalise(query)
    for backslash_escapes in (True, False):
        reason = _first_write(tokens(text, backslash_escapes=backslash_escapes))
        if reason:
            raise ReadOnlyError(f"queries are read-only: the query would change the graph ({reason})")


def normalise(query: str) -> str:
    """Fold the text so that look-alike spellings of a keyword become the keyword.

    >>> normalise("ＤＥＬＥＴＥ\\u200b") == "DELETE"
    True
    >>> normalise("DETACH\\u3000DELETE")
    'DETACH DELETE'
    """
    text = unicodedata.normalize("NFKC", query).translate(_rules().confusables)
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cf":  # zero-width spaces, joiners, BOM, bidi controls, soft hyphen
            continue
        if ch.isspace() or category in ("Zs", "Zl", "Zp", "Cc"):
            out.append("\n" if ch in _LINE_BREAKS else " ")
        else:
            out.append(ch)
    return "".join(out)


def tokens(text: str, *, backslash_escapes: bool = True) -> list[Token]:
    """A small Cypher lexer: words, backtick names, strings, parameters, punctuation; no comments."""
    out: list[Token] = []
    i, n = 0, len(text)
    line, line_start = 1, 0

    def position(at: int) -> tuple[int, int]:
        return line, at - line_start + 1

    while i < n:
        ch = text[i]
        if ch == "\n":
            line, line_start = line + 1, i + 1
            i += 1
        elif ch.isspace():
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            stop = n if end < 0 else end + 2
            line += text.count("\n", i, stop)
            if "\n" in text[i:stop]:
                line_start = text.rfind("\n", i, stop) + 1
            i = stop
        elif ch in "'\"":
            start = i
            i += 1
            while i < n and text[i] != ch:
                i += 2 if backslash_escapes and text[i] == "\\" else 1
            out.append(Token("string", text[start + 1:i], *position(start)))
            line += text.count("\n", start, i)
            i += 1
        elif ch == "`":
            start, i, name = i, i + 1, []
            while i < n:
                if text[i] == "`":
                    if text.startswith("``", i):  # an escaped backtick
                        name.append("`")
                        i += 2
                        continue
                    break
                name.append(text[i])
                i += 1
            out.append(Token("name", "".join(name), *position(start)))
            i += 1
        elif ch == "$":
            start = i
            i += 1
            while i < n and (text[i].isalnum() or text[i] == "_"):
                i += 1
            out.append(Token("param", text[start:i], *position(start)))
        elif ch.isalnum() or ch == "_":
            start = i
            while i < n and (text[i].isalnum() or text[i] == "_"):
                i += 1
            out.append(Token("word", text[start:i], *position(start)))
        else:
            out.append(Token("punct", ch, *position(i)))
            i += 1
    return out


def _first_write(toks: list[Token]) -> str | None:
    rules = _rules()
    for at, tok in enumerate(toks):
        if tok.kind != "word":
            continue
        before = toks[at - 1] if at else None
        after = toks[at + 1] if at + 1 < len(toks) else None
        if before is not None and before.kind == "punct" and before.text in ".:":
            continue  # a property key or a label/type name
        word = tok.text.upper()
        where = f"at line {tok.line}, column {tok.column}"
        if after is not None and after.kind == "punct" and after.text == ":":
            continue  # a map key: {set: 1}
        if before is not None and before.kind == "word" and before.text.upper() == "AS":
            continue  # a column name: RETURN 1 AS create
        if word in rules.write_keywords:
            return f"{word} {where}"
        following = after.text.upper() if after is not None and after.kind in ("word", "name") else None
        if word in rules.write_phrases and following is not None:
            allowed = rules.write_phrases[word]
            if "*" in allowed or following in allowed:
                return f"{word} {after.text} {where}"
        if word in rules.refused_phrases and following is not None:
            return f"{rules.refused_phrases[word]}, {where}"
        if word == "CALL":
            reason = _check_procedure(toks, at + 1, rules)
            if reason:
                return f"{reason} {where}"
        elif after is not None and after.kind == "punct" and after.text == ".":
            reason = _check_function(toks, at, rules)
            if reason:
                return f"{reason} {where}"
    return None


def _dotted_name(toks: list[Token], at: int) -> tuple[str, int]:
    """The dotted name starting at ``toks[at]`` (words or backtick names) and the index after it."""
    parts: list[str] = []
    while at < len(toks) and toks[at].kind in ("word", "name"):
        parts.append(toks[at].text)
        if at + 2 < len(toks) and toks[at + 1].kind == "punct" and toks[at + 1].text == "." \
                and toks[at + 2].kind in ("word", "name"):
            at += 2
        else:
            at += 1
            break
    return ".".join(parts), at


def _check_procedure(toks: list[Token], at: int, rules: _Rules) -> str | None:
    if at >= len(toks):
        return None
    nxt = toks[at]
    if nxt.kind == "punct" and nxt.text in "{(":
        return None  # a CALL { } subquery (its body is checked like the rest)
    name, _ = _dotted_name(toks, at)
    if not name:
        return "a CALL of something that is not a procedure name"
    if name.lower() not in rules.procedures:
        return f"procedure {name} is not on the read-only list (queries/guard.toml)"
    return None


def _check_function(toks: list[Token], at: int, rules: _Rules) -> str | None:
    name, end = _dotted_name(toks, at)
    if end >= len(toks) or not (toks[end].kind == "punct" and toks[end].text == "("):
        return None  # a property access, not a call
    lowered = name.lower()
    if lowered.startswith(rules.refused_prefixes) or rules.refused_segments.intersection(lowered.split(".")):
        return f"function {name} may run or write"
    return None
