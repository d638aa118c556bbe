"""The small HTML page a browser gets for ``GET /id/{type}/{id}``.

What a person needs to judge a resource: its name, its properties, and each
relationship with the sentence it was read from and the document. IRIs of
the graph link to their own pages; the RDF of the same resource is one click
away (``?format=ttl``). Everything is escaped: the text comes from documents.
"""

from __future__ import annotations

from html import escape

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

from graph.rdf.iris import local_path
from graph.rdf.namespace import PKG
from graph.rdf.view import RDFView, label_of

_STYLE = """body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem;margin-bottom:.2rem}.iri{color:#666;font-size:.85rem;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:1rem 0}td,th{border-top:1px solid #ddd;padding:.35rem .5rem;
text-align:left;vertical-align:top}th{width:14rem;font-weight:600;color:#444}.ev{color:#555;font-size:.9rem}
nav a{margin-right:.8rem}"""


def render(view: RDFView, iri: str, described: Graph) -> str:
    subject = URIRef(iri)
    nm = described.namespace_manager
    title = label_of(view, iri) or str(described.value(subject, DCTERMS.identifier) or iri)
    types = sorted(t.n3(nm) for t in described.objects(subject, RDF.type))
    links = set(described.subjects(RDF.type, PKG.Link))
    rows, outgoing, incoming = [], [], []
    for p, o in sorted(described.predicate_objects(subject)):
        if p == RDF.type:
            continue
        if isinstance(o, Literal):
            lang = f' <span class="ev">@{escape(o.language)}</span>' if o.language else ""
            rows.append((p.n3(nm), escape(str(o)) + lang))
        elif p in (PROV.hadPrimarySource, PROV.wasDerivedFrom, PKG.citedIn):
            rows.append((p.n3(nm), _ref(view, str(o))))
    for link in sorted(links):
        s, p, o = (described.value(link, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        evidence = described.value(link, PKG.evidence)
        doc = described.value(link, PROV.wasDerivedFrom)
        extra = " ".join(f"{k}={escape(str(v))}" for k, v in (("role", described.value(link, PKG.role)),
                                                                  ("rank", described.value(link, PKG.rank))) if v)
        cell = (f"{_ref(view, str(o if s == subject else s))} <span class='ev'>{extra}</span>"
                f"<div class='ev'>“{escape(str(evidence or ''))}” — {_ref(view, str(doc)) if doc else ''}"
                f" · {_ref(view, str(link), 'link')}</div>")
        (outgoing if s == subject else incoming).append((p.n3(nm) if p else "", cell))
    for s, p in sorted(described.subject_predicates(subject)):
        if s not in links and p not in (RDF.subject, RDF.object) and not _has_link(described, links, s, p, subject):
            incoming.append((p.n3(nm), _ref(view, str(s))))
    return f"""<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="alternate" type="text/turtle" href="?format=ttl"><link rel="alternate" type="application/ld+json"
href="?format=jsonld"><style>{_STYLE}</style></head><body>
<h1>{escape(title)}</h1><div class="iri">{escape(iri)}</div><div class="ev">{escape(", ".join(types))}</div>
<nav><a href="?format=ttl">Turtle</a><a href="?format=jsonld">JSON-LD</a><a href="?format=nt">N-Triples</a>
<a href="?format=rdf">RDF/XML</a><a href="/sparql">SPARQL</a></nav>
{_table("Properties", rows)}{_table("Links", outgoing)}{_table("Linked from", incoming)}
</body></html>"""


def _has_link(described: Graph, links: set, s, p, o) -> bool:
    return any(described.value(link, RDF.subject) == s and described.value(link, RDF.predicate) == p
               and described.value(link, RDF.object) == o for link in links)


def _table(title: str, rows: list[tuple[str, str]]) -> str:
    if not rows:
        return ""
    body = "".join(f"<tr><th>{escape(k)}</th><td>{v}</td></tr>" for k, v in rows)
    return f"<h2>{escape(title)}</h2><table>{body}</table>"


def _ref(view: RDFView, iri: str, text: str | None = None) -> str:
    path = local_path(view.base, iri)
    name = text or label_of(view, iri) or (path or iri)
    href = f"/id/{path}" if path else iri
    return f'<a href="{escape(href, quote=True)}">{escape(name)}</a>'
