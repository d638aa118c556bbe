"""Named queries: one ``queries/<name>.cypher`` file each, with a typed header.

The header is the file's leading ``//`` lines (the format every policykg
session shares)::

    // name: measure-owners
    // title: Who owns which measure
    // description: Agencies responsible for measures, with role, rank and evidence;
    //   filter by plan, province or agency.
    // param: plan: string = null -- part of a plan title
    // param: limit: int = 100 -- rows at most
    // derive: terms = tokens(q) -- jieba tokens of q, computed in Python
    // example: plan=浙江

``param`` types are ``string``, ``int``, ``float``, ``bool`` and ``list``; a
``null`` default makes the parameter optional, no default makes it required.
``derive`` lines compute extra parameters in Python from given ones (the
functions are in ``DERIVATIONS``), so a query can use jieba tokens without
Cypher string handling.

Where the engines need different Cypher for one question (a full-text index is
called differently in FalkorDB and in Neo4j), the body holds one variant per
engine, each after a ``// variant: falkordb`` or ``// variant: neo4j`` line; a
store runs the variant of its ``dialect`` (the first one when it names none),
and the tests check that the variants give the same rows. Queries take ``$parameters`` only: a value is never
formatted into the text. Values are checked against the declared types; a
wrong type, an unknown or a missing parameter is a ``ParameterError`` that
names the parameter and what it takes.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from graph.errors import PolicyKGError, QueryError

QUERIES_DIR = Path(__file__).resolve().parent
TYPES = ("string", "int", "float", "bool", "list")
_HEADER_KEY = re.compile(r"^(name|title|description|param|derive|example)\s*:\s*(.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>\w+)\s*(?:=\s*(?P<default>.*?))?\s*(?:--\s*(?P<doc>.*))?$")
_DERIVE = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<func>\w+)\((?P<source>[A-Za-z_]\w*)\)\s*(?:--\s*(?P<doc>.*))?$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_VARIANT = re.compile(r"^\s*//\s*variant\s*:\s*([a-z0-9]+)\s*$")
DIALECTS = ("falkordb", "neo4j")
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


class NamedQueryError(PolicyKGError):
    """A ``.cypher`` file's header cannot be read; the message names the file and line."""


class UnknownQuery(QueryError):
    """No named query has that name."""

    status = 404
    code = "unknown_query"


class ParameterError(QueryError):
    """A parameter is unknown, missing, or not of its declared type; ``param`` names it."""

    code = "bad_parameter"

    def __init__(self, message: str, param: str | None = None):
        super().__init__(message)
        self.param = param


def _search_terms(text: str | None) -> list[str] | None:
    """Lower-cased jieba tokens of ``text``; single characters only when nothing longer is there."""
    if text is None:
        return None
    from loaders.segment import tokens

    words = list(dict.fromkeys(t.lower() for t in tokens(text)))
    longer = [w for w in words if len(w) > 1]
    return longer or words


def _lower(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split()).lower()


def _falkordb_fulltext(text: str | None) -> str | None:
    from graph.store.search import falkordb_query

    return None if text is None else falkordb_query(_search_terms(text))


def _lucene_fulltext(text: str | None) -> str | None:
    from graph.store.search import lucene_query

    return None if text is None else lucene_query(_search_terms(text))


def _category_key(text: str | None) -> str | None:
    """The key of the metric category named by its key, English or Chinese name (算力规模,
    computing capacity, computing_capacity), as ``policykg analyze targets --category`` takes it;
    the build writes that key on each target (``metric_category``, a range index)."""
    if text is None:
        return None
    from loaders.target_norm import FALLBACK_CATEGORY, categories, category

    found = category(text)
    if found is None:
        listed = ", ".join(f"{c.key} ({c.name}, {c.name_zh})" for c in categories() if c.key != FALLBACK_CATEGORY)
        raise ParameterError(f"no metric category is named {text.strip()!r}; the categories are {listed}, "
                             f"and {FALLBACK_CATEGORY}")
    return found.key


def _category_keys(text: str | None) -> list[str]:
    """The key of the category named by ``text``, or without one the key of every metric category,
    in the order ``compare-targets`` answers them: it looks them up one by one through the index
    on ``metric_category`` until it has its rows, instead of sorting every target of the graph."""
    if text is not None:
        return [key] if (key := _category_key(text)) else []
    from loaders.target_norm import categories

    return sorted(c.key for c in categories())


def _unit_norm(text: str | None) -> str | None:
    """The unit a target's value is normalised to when written in ``text`` (万亿元 -> 亿元, PFlops ->
    EFLOPS, 万人 -> 人; a unit the tables do not know stays as it is): the build writes it on each
    target (``unit_norm``), so 亿元 finds the targets written in 万亿元 too."""
    if text is None or not text.strip():
        return None
    from loaders.target_norm import normalise_value

    return normalise_value(None, text.strip())[1]


def _name_key(text: str | None) -> str | None:
    """``text`` lower-cased without blanks and hyphens, to compare English names loosely
    (Bio Island finds International Bio-Island); None when nothing is left."""
    if text is None:
        return None
    return re.sub(r"[\s\-]+", "", text).lower() or None


def _candidates(limit: int | None) -> int:
    """How many of a full-text index's best hits a ranked query scores itself: four times the rows
    it answers, at least 200 (``search``)."""
    return max(200, 4 * (limit or 0))


def _contains_key(text: str | None) -> str | None:
    from graph.store.names import contains_key

    return contains_key(text)


def _end_key(text: str | None) -> str | None:
    from graph.store.names import end_key

    return end_key(text)


def _name_lookup(text: str | None) -> list[str]:
    from graph.store.names import name_lookup

    return name_lookup(text)


def _hits(limit: int | None) -> int:
    """How many of FalkorDB's full-text hits a ranked query ranks by the index's score: ten times its
    candidates (``search``). The procedure gives every hit, unranked, before a sort could keep the
    best; at 10,000 documents ranking all 105,282 hits of 人工智能 took most of the query's time."""
    return 10 * _candidates(limit)


#: functions a ``derive`` line may name: one parameter's value in, a new parameter's value out
DERIVATIONS: dict[str, Callable[[Any], Any]] = {
    "tokens": _search_terms, "lower": _lower,
    # the full-text index query of the jieba words, for FalkorDB's index and Neo4j's (graph.store.search)
    "falkordb_fulltext": _falkordb_fulltext, "lucene_fulltext": _lucene_fulltext, "candidates": _candidates,
    "hits": _hits,
    # the values the build normalised, looked up by what a user writes (loaders.target_norm)
    "category_key": _category_key, "category_keys": _category_keys, "unit_norm": _unit_norm, "name_key": _name_key,
    # the keys of the name index of agencies, sites and organizations to look up (graph.store.names)
    "contains_key": _contains_key, "name_lookup": _name_lookup, "end_key": _end_key}


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: Any = None
    required: bool = False
    description: str = ""

    def schema(self) -> dict[str, Any]:
        """A JSON-schema-like description, for ``GET /queries`` and forms."""
        json_type = {"string": "string", "int": "integer", "float": "number", "bool": "boolean",
                     "list": "array"}[self.type]
        out: dict[str, Any] = {"name": self.name, "type": self.type, "json_type": json_type,
                               "required": self.required, "default": self.default,
                               "description": self.description}
        return out


@dataclass(frozen=True)
class Derived:
    name: str
    function: str
    source: str
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path
    derived: tuple[Derived, ...] = ()
    examples: tuple[str, ...] = field(default=())
    #: the query text per engine dialect, when the engines need different Cypher (else empty)
    variants: dict[str, str] = field(default_factory=dict)

    def text_for(self, dialect: str | None) -> str:
        """The variant for a store of ``dialect``; the query's only (or first) text otherwise; without
        its comment lines, which the engine does not need: FalkorDB 4.16's Bolt listener crashes on a
        query of about 4 kB, parameters included (``tests/graph/test_query_variants.py``)."""
        text = self.variants.get(dialect or "", self.text)
        return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "description": self.description,
                "params": [p.schema() for p in self.params],
                "examples": [self.example_params(e) for e in self.examples],
                "cypher": self.text, **({"variants": self.variants} if self.variants else {})}

    def example_params(self, example: str) -> dict[str, str]:
        """``from=Songshan Lake limit=5`` as a dict of strings (a word without ``=`` continues a value)."""
        out: dict[str, str] = {}
        key = None
        for part in example.split():
            name, sep, value = part.partition("=")
            if sep and name in {p.name for p in self.params}:
                key = name
                out[key] = value
            elif key is not None:
                out[key] += f" {part}"
        return out

    def bind(self, given: Mapping[str, Any], *, from_strings: bool = False) -> dict[str, Any]:
        """Every declared parameter with its value (given, else default), checked and converted.

        ``from_strings``: values come from a URL query string or a command line
        (``"5"`` for an int, repeated keys or ``a,b`` for a list); otherwise from JSON,
        where the type must already be right (an int is not a string).
        """
        unknown = sorted(set(given) - {p.name for p in self.params})
        if unknown:
            takes = ", ".join(p.name for p in self.params) or "no parameters"
            raise ParameterError(f"unknown parameter {', '.join(unknown)} for query {self.name} "
                                 f"(it takes: {takes})", unknown[0])
        values: dict[str, Any] = {}
        for p in self.params:
            raw = given.get(p.name)
            if raw is None or (from_strings and raw == "" and p.type != "string"):
                if p.required:
                    raise ParameterError(f"query {self.name} needs parameter {p.name} ({p.type}): "
                                         f"{p.description}", p.name)
                values[p.name] = p.default
                continue
            values[p.name] = convert(p, raw, from_strings=from_strings)
        for d in self.derived:
            try:
                values[d.name] = DERIVATIONS[d.function](values.get(d.source))
            except ParameterError as exc:  # a value the derivation cannot use: named as the user gave it
                raise ParameterError(f"parameter {d.source} of query {self.name}: {exc}", d.source) from None
        return values


def convert(p: Param, raw: Any, *, from_strings: bool = False) -> Any:
    """``raw`` as a value of ``p.type``, or ``ParameterError`` saying what was expected."""
    def wrong(what: str = "") -> ParameterError:
        shown = json.dumps(raw, ensure_ascii=False) if not isinstance(raw, str) else repr(raw)
        return ParameterError(f"parameter {p.name} must be {_ARTICLE[p.type]}{what}, not {shown[:80]}", p.name)

    if from_strings and isinstance(raw, list) and p.type != "list":
        if len(raw) != 1:
            raise wrong(" (given more than once)")
        raw = raw[0]
    if p.type == "string":
        if not isinstance(raw, str):
            raise wrong()
        return raw
    if p.type == "bool":
        if isinstance(raw, bool):
            return raw
        if from_strings and isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
            return raw.strip().lower() in _TRUE
        raise wrong(" (true or false)")
    if p.type == "int":
        if from_strings and isinstance(raw, str) and re.fullmatch(r"\s*[-+]?[0-9]{1,19}\s*", raw):
            raw = int(raw)
        if isinstance(raw, int) and not isinstance(raw, bool) and -(1 << 63) <= raw < (1 << 63):
            return raw
        raise wrong(" (a 64-bit integer)")
    if p.type == "float":
        if isinstance(raw, int | float) and not isinstance(raw, bool) and math.isfinite(raw):
            return float(raw)
        if from_strings and isinstance(raw, str):
            try:
                value = float(raw)
            except ValueError:
                raise wrong() from None
            if math.isfinite(value):
                return value
        raise wrong()
    # list
    if from_strings and isinstance(raw, str):
        text = raw.strip()
        if text.startswith("["):
            try:
                raw = json.loads(text)
            except json.JSONDecodeError:
                raise wrong(" (a JSON list, or values separated by commas)") from None
        else:
            raw = [part.strip() for part in text.split(",") if part.strip()]
    if not isinstance(raw, list) or any(isinstance(x, dict | list) for x in raw):
        raise wrong(" of plain values")
    return raw


_ARTICLE = {"string": "a string", "int": "an integer", "float": "a number", "bool": "a boolean",
            "list": "a list"}


def parse(text: str, path: Path) -> NamedQuery:
    """Read one ``.cypher`` file's header and body."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    derived: list[Derived] = []
    examples: list[str] = []
    last: str | None = None
    body_lines: list[str] = []
    lines = text.splitlines()
    at = 0
    for at, line in enumerate(lines):
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        content = stripped[2:]
        if _VARIANT.match(stripped):
            break
        match = _HEADER_KEY.match(content.strip())
        if match and not content.startswith("   "):
            key, value = match.groups()
            last = key
            where = f"{path.name}:{at + 1}"
            if key == "param":
                params.append(_parse_param(value, where))
            elif key == "derive":
                derived.append(_parse_derive(value, where))
            elif key == "example":
                examples.append(value.strip())
            else:
                fields[key] = value.strip()
        elif re.match(r"(param|derive)\b", content.strip()):
            raise NamedQueryError(f"{path.name}:{at + 1}: a {content.split()[0]} line reads "
                                  f"'{content.split()[0]}: …' (see queries/named.py)")
        elif last in ("description", "title") and content.strip():
            fields[last] = f"{fields[last]} {content.strip()}".strip()
        elif last == "param" and content.strip() and params:
            p = params[-1]
            params[-1] = Param(p.name, p.type, p.default, p.required, f"{p.description} {content.strip()}".strip())
    else:
        at = len(lines)
    body_lines = lines[at:]
    variants = _variants(body_lines, path)
    body = next(iter(variants.values())) if variants else "\n".join(body_lines).strip()
    name = fields.get("name") or path.stem
    if not _NAME.match(name):
        raise NamedQueryError(f"{path.name}: the name {name!r} must be lower-case letters, digits and dashes")
    if not body:
        raise NamedQueryError(f"{path.name}: the file holds no query after its header")
    declared = {p.name for p in params}
    for d in derived:
        if d.source not in declared:
            raise NamedQueryError(f"{path.name}: derive {d.name} reads {d.source}, which is no parameter")
    used = set(re.findall(r"\$([A-Za-z_]\w*)", "\n".join([body, *variants.values()])))
    missing = used - declared - {d.name for d in derived}
    if missing:
        raise NamedQueryError(f"{path.name}: the query uses ${', $'.join(sorted(missing))} "
                              f"without a param line")
    return NamedQuery(name=name, title=fields.get("title", name), description=fields.get("description", ""),
                      params=tuple(params), text=body, path=path, derived=tuple(derived),
                      examples=tuple(examples), variants=variants)


def _variants(lines: list[str], path: Path) -> dict[str, str]:
    """The body's ``// variant: <dialect>`` parts, by dialect; empty when it has none."""
    variants: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, line in enumerate(lines, 1):
        match = _VARIANT.match(line)
        if match:
            dialect = match.group(1)
            if dialect not in DIALECTS or dialect in variants:
                raise NamedQueryError(f"{path.name}: variant {dialect!r} is unknown or repeated "
                                      f"(variants: {', '.join(DIALECTS)})")
            current = variants[dialect] = []
        elif current is None:
            if line.strip() and variants == {} and any(_VARIANT.match(x) for x in lines[number:]):
                raise NamedQueryError(f"{path.name}: text before the first '// variant:' line")
        else:
            current.append(line)
    out = {dialect: "\n".join(text).strip() for dialect, text in variants.items()}
    empty = [d for d, text in out.items() if not text]
    if empty:
        raise NamedQueryError(f"{path.name}: variant {empty[0]} holds no query")
    return out


def _parse_param(value: str, where: str) -> Param:
    match = _PARAM.match(value.strip())
    if not match:
        raise NamedQueryError(f"{where}: a param line reads 'name: type = default -- description', not {value!r}")
    name, type_, default_text, doc = match.group("name", "type", "default", "doc")
    if type_ not in TYPES:
        raise NamedQueryError(f"{where}: parameter {name} has type {type_!r}; types are {', '.join(TYPES)}")
    if default_text is None:
        return Param(name, type_, None, True, (doc or "").strip())
    default_text = default_text.strip()
    if default_text == "null":
        return Param(name, type_, None, False, (doc or "").strip())
    probe = Param(name, type_)
    quoted = len(default_text) >= 2 and default_text[0] == default_text[-1] and default_text[0] in "'\""
    if type_ == "string" and quoted:
        default_text = default_text[1:-1]
    try:
        default = convert(probe, default_text, from_strings=True)
    except ParameterError as exc:
        raise NamedQueryError(f"{where}: the default of {name} is not a {type_}: {exc}") from None
    return Param(name, type_, default, False, (doc or "").strip())


def _parse_derive(value: str, where: str) -> Derived:
    match = _DERIVE.match(value.strip())
    if not match:
        raise NamedQueryError(f"{where}: a derive line reads 'name = function(param) -- description'")
    name, func, source, doc = match.group("name", "func", "source", "doc")
    if func not in DERIVATIONS:
        raise NamedQueryError(f"{where}: unknown function {func}; known: {', '.join(sorted(DERIVATIONS))}")
    return Derived(name, func, source, (doc or "").strip())


def load(paths: Iterable[Path]) -> dict[str, NamedQuery]:
    """Every query of ``paths`` by name; two files with one name is an error."""
    out: dict[str, NamedQuery] = {}
    for path in sorted(paths):
        query = parse(path.read_text(encoding="utf-8"), path)
        if query.name in out:
            raise NamedQueryError(f"{path.name}: the name {query.name} is taken by {out[query.name].path.name}")
        out[query.name] = query
    return out


@cache
def named_queries(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """The named queries shipped in ``queries/`` (read once per process)."""
    return load(folder.glob("*.cypher"))


def get(name: str, folder: Path = QUERIES_DIR) -> NamedQuery:
    queries = named_queries(folder)
    if name not in queries:
        raise UnknownQuery(f"no named query {name!r}; the named queries are: {', '.join(sorted(queries))} "
                           f"(GET /queries lists them)")
    return queries[name]
