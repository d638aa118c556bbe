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

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from graph.errors import ReadOnlyError

_RULES_FILE = Path(__file__).with_name("guard.toml")
#: every character some engine might end a // comment at: each is read as a line break
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
#: ASCII control characters: line breaks stay line breaks, the others become spaces
_ASCII_CONTROLS = {c: ("\n" if chr(c) in _LINE_BREAKS else " ") for c in (*range(32), 127) if chr(c) != "\n"}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _lexer(backslash_escapes: bool) -> re.Pattern[str]:
    string = (r"'(?:[^'\\]|\\.)*(?:'|\Z)|\"(?:[^\"\\]|\\.)*(?:\"|\Z)" if backslash_escapes
              else r"'[^']*(?:'|\Z)|\"[^\"]*(?:\"|\Z)")
    return re.compile(rf"""
        (?P<space>\s+)
      | (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
      | (?P<string>{string})
      | (?P<name>`(?:[^`]|``)*(?:`|\Z))
      | (?P<param>\$\w*)
      | (?P<word>\w+)
      | (?P<punct>.)""", re.VERBOSE | re.DOTALL)


_LEXERS = {True: _lexer(True), False: _lexer(False)}


class Token(NamedTuple):
    kind: str  # word, name (backtick), string, param, punct
    text: str
    position: int  # in the normalised text


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
    reason = _verdict(query)
    if reason:
        raise ReadOnlyError(f"queries are read-only: the query would change the graph ({reason})")


#: texts up to this length have their verdict cached (named queries, repeated console queries);
#: longer ones are judged each time, so a client cannot fill memory with large distinct texts
_CACHED_UP_TO = 16_384


def _verdict(query: str) -> str | None:
    """The reason to refuse ``query``, or None."""
    return _cached_verdict(query) if len(query) <= _CACHED_UP_TO else _judge(query)


def _judge(query: str) -> str | None:
    text = normalise(query)
    for backslash_escapes in (True, False):
        reason = _first_write(tokens(text, backslash_escapes=backslash_escapes), text)
        if reason:
            return reason
    return None


_cached_verdict = lru_cache(maxsize=4096)(_judge)


def read_only_text(query: str) -> str:
    """The text to send to the engine: ``query`` refused if it writes, its comments blanked."""
    check_read_only(query)
    sent = without_comments(query)
    if sent != query:  # what is sent is checked too, whatever the two lexers disagree on
        check_read_only(sent)
    return sent


def without_comments(query: str) -> str:
    """``query`` with its comments blanked out: the same length, line breaks kept.

    FalkorDB 4.16 crashes (a segmentation fault in its query validation) on
    some ``CALL { … UNION … }`` subqueries that start with a comment, so a
    client's comment is never sent to the engine; blanking keeps the line and
    column of any error the engine reports. Comments are found as the engine
    reads strings (with backslash escapes); ``check_read_only`` has already
    read the text under both readings.

    >>> without_comments("MATCH (n) /* every node */ RETURN n, '//' // the end")
    "MATCH (n)                  RETURN n, '//'           "
    """
    if "//" not in query and "/*" not in query:
        return query
    return "".join("".join(c if c in _LINE_BREAKS else " " for c in m.group()) if m.lastgroup == "comment"
                   else m.group() for m in _LEXERS[True].finditer(query))


def normalise(query: str) -> str:
    """Fold the text so that look-alike spellings of a keyword become the keyword.

    >>> normalise("ＤＥＬＥＴＥ\\u200b") == "DELETE"
    True
    >>> normalise("DETACH\\u3000DELETE")
    'DETACH DELETE'
    """
    if not query.isascii():
        query = unicodedata.normalize("NFKC", query).translate(_rules().confusables)
        query = _NON_ASCII.sub(_fold, query)
    return query.translate(_ASCII_CONTROLS)


def _fold(match: re.Match[str]) -> str:
    return _fold_char(match.group())


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """Invisible format characters (zero-width spaces, joiners, BOM, bidi controls) go; spaces are spaces."""
    category = unicodedata.category(ch)
    if category == "Cf":
        return ""
    if ch.isspace() or category in ("Zs", "Zl", "Zp", "Cc"):
        return "\n" if ch in _LINE_BREAKS else " "
    return ch


def tokens(text: str, *, backslash_escapes: bool = True) -> list[Token]:
    """A small Cypher lexer: words, backtick names, strings, parameters, punctuation; no comments."""
    out: list[Token] = []
    for match in _LEXERS[backslash_escapes].finditer(text):
        kind = match.lastgroup
        if kind in ("space", "comment"):
            continue
        value = match.group()
        if kind == "string":
            value = value[1:-1] if len(value) > 1 and value[-1] == value[0] else value[1:]
        elif kind == "name":
            value = (value[1:-1] if len(value) > 1 and value.endswith("`") else value[1:]).replace("``", "`")
        out.append(Token(kind, value, match.start()))
    return out


class _Where:
    """``at line L, column C`` of a position, counted only when it is written into a reason."""

    __slots__ = ("position", "text")

    def __init__(self, text: str, position: int):
        self.text, self.position = text, position

    def __str__(self) -> str:
        line = self.text.count("\n", 0, self.position) + 1
        column = self.position - (self.text.rfind("\n", 0, self.position) + 1) + 1
        return f"at line {line}, column {column}"


def _first_write(toks: list[Token], text: str) -> str | None:
    """The first write in ``toks``, with where it stands; linear in the number of tokens (the line and
    column are counted only for the write found: counting them for every word made a 200 kB query
    quadratic)."""
    rules = _rules()
    alias_keyword = -2  # index of the last AS that introduces a column name (not itself a name)
    checked_until = -1  # the name of a procedure CALL checked against the allowed list: no function call
    for at, tok in enumerate(toks):
        if tok.kind != "word" or at < checked_until:
            continue
        before = toks[at - 1] if at else None
        after = toks[at + 1] if at + 1 < len(toks) else None
        if before is not None and before.kind == "punct" and before.text in ".:" and not _after_number(toks, at):
            continue  # a property key or a label/type name
        word = tok.text.upper()
        if after is not None and after.kind == "punct" and after.text == ":":
            continue  # a map key: {set: 1}
        if alias_keyword == at - 1:
            continue  # a column name: RETURN 1 AS create (but in `1 AS as LOAD`, LOAD is no name)
        if word == "AS":
            alias_keyword = at
        where = _Where(text, tok.position)
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
            if at + 1 < len(toks) and toks[at + 1].kind in ("word", "name"):
                checked_until = _dotted_name(toks, at + 1)[1]
        elif after is not None and after.kind == "punct" and after.text == ".":
            reason = _check_function(toks, at, rules)
            if reason:
                return f"{reason} {where}"
    return None


def procedure_calls(query: str) -> list[str]:
    """The procedures ``query`` calls (``CALL db.labels()``), as this lexer reads them.

    >>> procedure_calls("CALL db.labels() YIELD label CALL { RETURN 1 AS x } RETURN label")
    ['db.labels']
    """
    toks = tokens(normalise(query))
    return [_dotted_name(toks, at + 1)[0] for at, tok in enumerate(toks)
            if tok.kind == "word" and tok.text.upper() == "CALL" and at + 1 < len(toks)
            and toks[at + 1].kind in ("word", "name")]


def _after_number(toks: list[Token], at: int) -> bool:
    """``1.CREATE``: the dot ends a number, so what follows is no property key."""
    return at >= 2 and toks[at - 2].kind == "word" and toks[at - 2].text.isdigit()


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
