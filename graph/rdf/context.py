"""The published JSON-LD ``@context``: contract names as JSON-LD terms.

With it a JSON-LD export reads like the contract's JSON (``title``,
``name``, ``name_en``, ``aliases``, ``issued_by``…) while every key is a
standard or policykg IRI. The shipped file ``context.jsonld`` is what
``make_context()`` returns (a test keeps the two equal); it is embedded in
every JSON-LD export, so the export parses offline, and served at
``/context.jsonld`` for integrators' own documents.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from graph.rdf.mapping import Mapping, PropertyMap, load_mapping

CONTEXT_FILE = "context.jsonld"

_TYPES = {"date": "xsd:date", "gYear": "xsd:gYear"}
#: properties that may hold several values: always arrays, so clients need no special case
#: (not aliases: rdflib does not compact a language-tagged @set term, and leaves skos:altLabel as is)
_SETS = {"sources", "cited_in"}


def make_context(mapping: Mapping | None = None) -> dict[str, Any]:
    """The ``@context`` object derived from ``mapping.toml``."""
    mapping = mapping or load_mapping()
    ctx: dict[str, Any] = {"@version": 1.1}
    ctx.update({prefix: iri for prefix, iri in mapping.prefixes.items()})
    for label, types in mapping.classes.items():
        ctx[label] = mapping.curies[types[0]]
    ctx["Link"] = mapping.curies[mapping.resources["link"][0]]
    ctx["SourceDocument"] = mapping.curies[mapping.resources["document"][0]]
    for rel, predicate in mapping.relationships.items():
        ctx[rel.lower()] = {"@id": mapping.curies[predicate], "@type": "@id"}
    for name, spec in mapping.properties.items():
        if name == "id":
            ctx["identifier"] = spec.curie
        elif name == "short":
            continue  # same term as aliases: skos:altLabel@zh
        else:
            ctx[name] = _term(spec, name in _SETS)
        if spec.otherwise_curie:
            ctx[f"{name}_name"] = {"@id": spec.otherwise_curie, "@language": "zh"}
    ctx["label"] = "rdfs:label"  # every resource's name for generic tools, in its own language
    for name, spec in mapping.link_properties.items():
        if name in ("id", "source"):
            continue  # identifier above; a link's source document is prov:wasDerivedFrom, as "sources"
        ctx[name] = _term(spec, False)
    ctx["subject"] = {"@id": "rdf:subject", "@type": "@id"}
    ctx["predicate"] = {"@id": "rdf:predicate", "@type": "@vocab"}
    ctx["object"] = {"@id": "rdf:object", "@type": "@id"}
    return {"@context": ctx}


def _term(spec: PropertyMap, is_set: bool) -> Any:
    term: dict[str, Any] = {"@id": spec.curie}
    if spec.value in ("zh", "en"):
        term["@language"] = spec.value
    elif spec.value in ("document", "region"):
        term["@type"] = "@id"
    elif spec.value in _TYPES:
        term["@type"] = _TYPES[spec.value]
    # strings, integers and booleans are native JSON values; numbers stay typed values
    # (a fractional xsd:decimal is written as {"@value": "1.9", "@type": "xsd:decimal"})
    if is_set:
        term["@container"] = "@set"
    return term if len(term) > 1 else spec.curie


@cache
def published_context() -> dict[str, Any]:
    """The shipped ``context.jsonld`` (read once)."""
    return json.loads(resources.files("graph.rdf").joinpath(CONTEXT_FILE).read_text(encoding="utf-8"))


def context_text(context: dict[str, Any] | None = None) -> str:
    return json.dumps(context if context is not None else make_context(), ensure_ascii=False, indent=2) + "\n"
