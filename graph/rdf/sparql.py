"""A read-only SPARQL 1.1 query service over an ``RDFView`` (pyoxigraph).

Read-only in layers, as the Cypher endpoints are: the engine is only ever
asked to *query* (pyoxigraph's ``Store.query`` does not parse updates), a
check on the text refuses updates and federated ``SERVICE`` calls with a
clear reason (SERVICE would make the server fetch arbitrary URLs), the row
cap ``max_rows`` cuts long results (then the header
``X-Policykg-Truncated: true``), and the time limit ``query_time_limit_ms``
is checked while results are read. Why pyoxigraph and not rdflib:
``bench/sparql_engines.py`` (see bench/RESULTS.md and the README).
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from graph.errors import QueryError, QueryTimeout, ReadOnlyError

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

#: SELECT / ASK result formats: name -> media type
RESULT_FORMATS = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "xml": "application/sparql-results+xml",
}
#: CONSTRUCT / DESCRIBE result formats: name -> (media type, writer)
GRAPH_FORMATS = {
    "ttl": ("text/turtle", ox.RdfFormat.TURTLE),
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "xml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
}
_ACCEPT_RESULTS = {
    "application/sparql-results+json": "json", "application/json": "json",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
}
_ACCEPT_GRAPH = {
    "text/turtle": "ttl", "application/n-triples": "nt", "text/plain": "nt",
    "application/rdf+xml": "xml", "application/ld+json": "jsonld", "application/json": "jsonld",
}
_FORMAT_ALIASES = {"json": "json", "csv": "csv", "tsv": "tsv", "xml": "xml", "ttl": "ttl", "turtle": "ttl",
                   "nt": "nt", "ntriples": "nt", "jsonld": "jsonld", "json-ld": "jsonld", "rdf": "xml"}

_UPDATE_WORDS = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)
_SERVICE_WORD = re.compile(r"\bSERVICE\b", re.IGNORECASE)
_NOISE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'       # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\r\n]|\\.)*"'              # short strings
    r"|'(?:[^'\\\r\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"               # IRIs
    r"|#[^\r\n]*"                         # comments (a carriage return ends one too)
    r"|[?$][\w]+"                         # variables
    r"|[\w.-]*:[\w.:%-]*"                 # prefixed names
)


def check_read_only(query: str) -> None:
    """Refuse updates and SERVICE calls, however the keywords are cased or spaced.

    Strings, IRIs, comments, variables and prefixed names are blanked first,
    so ``FILTER(CONTAINS(?t, "DELETE"))`` or ``ex:add`` do not count.

    >>> check_read_only('SELECT * WHERE { ?s ?p "INSERT" }')  # doctest: +ELLIPSIS
    >>> check_read_only('insert data { <a:b> <a:c> 1 }')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    graph.errors.ReadOnlyError: this SPARQL endpoint is read-only: INSERT is an update; ...
    """
    bare = _NOISE.sub(" ", query)
    update = _UPDATE_WORDS.search(bare)
    if update:
        raise ReadOnlyError(f"this SPARQL endpoint is read-only: {update.group(1).upper()} is an update; "
                            "only SELECT, ASK, CONSTRUCT and DESCRIBE queries run here")
    if _SERVICE_WORD.search(bare):
        raise ReadOnlyError("federated queries (SERVICE) are refused: this endpoint queries its own graph only")


def negotiate(accept: str | None, fmt: str | None, kind: str) -> str:
    """The result format for a query of ``kind`` ('results' or 'graph'): ``fmt`` (a ``format``
    parameter) wins, then the Accept header by q-value, then JSON results / Turtle."""
    table = _ACCEPT_RESULTS if kind == "results" else _ACCEPT_GRAPH
    allowed = RESULT_FORMATS if kind == "results" else GRAPH_FORMATS
    if fmt:
        name = _FORMAT_ALIASES.get(fmt.lower())
        if name not in allowed:
            raise QueryError(f"format {fmt!r} is not available for this query; use one of {', '.join(allowed)}")
        return name
    for media_type in accepted(accept):
        if media_type in table:
            return table[media_type]
    return "json" if kind == "results" else "ttl"


def accepted(accept: str | None) -> list[str]:
    """Media types of an Accept header, best first (q-values; ties keep the client's order)."""
    ranked = []
    for position, part in enumerate((accept or "").split(",")):
        pieces = [p.strip() for p in part.split(";")]
        if not pieces[0]:
            continue
        q = 1.0
        for param in pieces[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, position, pieces[0].lower()))
    return [media for _, _, media in sorted(ranked)]


@dataclass
class SparqlAnswer:
    body: bytes
    media_type: str
    truncated: bool = False
    rows: int = 0


def run_query(store: ox.Store, query: str, *, accept: str | None = None, fmt: str | None = None,
              max_rows: int = 10_000, time_limit_ms: int = 5000,
              default_graphs: list[str] | None = None, named_graphs: list[str] | None = None) -> SparqlAnswer:
    """Run one read-only query; the answer is serialised in the negotiated format."""
    check_read_only(query)
    deadline = time.monotonic() + time_limit_ms / 1000
    from graph.rdf.namespace import PREFIXES

    options: dict = {"prefixes": PREFIXES}  # pkg:, eli:, skos:… work without PREFIX lines
    try:
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs]
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
    except ValueError as exc:
        raise QueryError(f"default-graph-uri and named-graph-uri take IRIs: {exc}") from exc
    try:
        result = store.query(query, **options)
    except SyntaxError as exc:
        raise QueryError(f"the SPARQL query does not parse: {_first_line(exc)}") from exc
    except (OSError, ValueError) as exc:
        raise QueryError(f"the SPARQL query failed: {exc}") from exc
    try:
        if isinstance(result, ox.QueryBoolean):
            name = negotiate(accept, fmt, "results")
            return SparqlAnswer(_boolean(bool(result), name), _content_type(RESULT_FORMATS[name]))
        if isinstance(result, ox.QuerySolutions):
            name = negotiate(accept, fmt, "results")
            variables = [v.value for v in result.variables]
            rows, truncated = _take(result, max_rows, deadline, time_limit_ms)
            body = _SELECT_WRITERS[name](variables, rows)
            return SparqlAnswer(body, _content_type(RESULT_FORMATS[name]), truncated, len(rows))
        name = negotiate(accept, fmt, "graph")
        media_type, writer = GRAPH_FORMATS[name]
        triples, truncated = _take(result, max_rows, deadline, time_limit_ms)
        body = ox.serialize(triples, format=writer, prefixes=PREFIXES if writer != ox.RdfFormat.N_TRIPLES else None)
        return SparqlAnswer(body, _content_type(media_type), truncated, len(triples))
    except (OSError, ValueError) as exc:  # evaluation errors surface while reading the results
        raise QueryError(f"the SPARQL query failed: {exc}") from exc


def _first_line(exc: Exception) -> str:
    """pyoxigraph lists every character class it expected; the position and the first line say enough."""
    text = str(exc).split("\n", 1)[0]
    return text if len(text) <= 300 else text[:300] + "…"


def _take(items, max_rows: int, deadline: float, time_limit_ms: int) -> tuple[list, bool]:
    out = []
    for item in items:
        if len(out) >= max_rows:
            return out, True
        if time.monotonic() > deadline:
            raise QueryTimeout(f"the SPARQL query ran past its time limit of {time_limit_ms} ms",
                               "query_time_limit_ms")
        out.append(item)
    if time.monotonic() > deadline:
        raise QueryTimeout(f"the SPARQL query ran past its time limit of {time_limit_ms} ms", "query_time_limit_ms")
    return out, False


def _content_type(media_type: str) -> str:
    return f"{media_type}; charset=utf-8"


# -- SELECT / ASK writers (SPARQL 1.1 Query Results JSON, CSV/TSV, XML) ------------------

def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _json(variables: list[str], rows: list) -> bytes:
    bindings = []
    for row in rows:
        binding = {}
        for name in variables:
            term = row[name]
            if term is not None:
                binding[name] = _json_term(term)
        bindings.append(binding)
    doc = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _csv(variables: list[str], rows: list) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow(["" if row[v] is None else _csv_value(row[v]) for v in variables])
    return buffer.getvalue().encode("utf-8")


def _csv_value(term) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else str(term)


def _tsv(variables: list[str], rows: list) -> bytes:
    lines = ["\t".join(f"?{v}" for v in variables)]
    for row in rows:
        lines.append("\t".join("" if row[v] is None else str(row[v]) for v in variables))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _xml(variables: list[str], rows: list) -> bytes:
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    out += [f"<variable name={quoteattr(v)}/>" for v in variables]
    out += ["</head>", "<results>"]
    for row in rows:
        out.append("<result>")
        for name in variables:
            term = row[name]
            if term is not None:
                out.append(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return ("\n".join(out) + "\n").encode("utf-8")


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


_SELECT_WRITERS = {"json": _json, "csv": _csv, "tsv": _tsv, "xml": _xml}


def _boolean(value: bool, name: str) -> bytes:
    if name == "json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if name == "xml":
        return ('<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()
    if name == "tsv":
        return f"?_askResult\n{'true' if value else 'false'}\n".encode()
    return f"_askResult\r\n{'true' if value else 'false'}\r\n".encode()


__all__ = ["GRAPH_FORMATS", "RESULT_FORMATS", "SparqlAnswer", "accepted", "check_read_only",
           "negotiate", "run_query"]
