"""The contract-to-RDF mapping of ``mapping.toml``, loaded once into typed tables.

The tables say which RDF term stands for each contract label, relationship
type and property; ``convert`` applies them. Keeping them in a data file lets
docs/rdf.md, the JSON-LD context and the tests check one source.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rdflib.term import URIRef

VALUE_KINDS = ("zh", "en", "string", "integer", "number", "boolean", "date", "gYear", "document", "region")


@dataclass(frozen=True)
class PropertyMap:
    """One contract property: the predicate it becomes and the kind of its values.

    ``otherwise`` (region values only) is the predicate of the name as written when the
    graph holds no region of that name, or several that the name does not tell apart."""

    name: str
    predicate: URIRef
    curie: str
    value: str
    otherwise: URIRef | None = None
    otherwise_curie: str | None = None


@dataclass(frozen=True)
class Mapping:
    prefixes: dict[str, str]
    classes: dict[str, tuple[URIRef, ...]]
    resources: dict[str, tuple[URIRef, ...]]
    relationships: dict[str, URIRef]
    properties: dict[str, PropertyMap]
    link_properties: dict[str, PropertyMap]
    curies: dict[URIRef, str]
    #: contract label -> properties also written as rdfs:label
    labels: dict[str, tuple[str, ...]]
    #: contract label -> properties also written as skos:prefLabel
    preferred_labels: dict[str, tuple[str, ...]]

    def expand(self, curie: str) -> URIRef:
        return _expand(self.prefixes, curie)


def _expand(prefixes: dict[str, str], curie: str) -> URIRef:
    prefix, _, local = curie.partition(":")
    if prefix not in prefixes or not local:
        raise ValueError(f"mapping.toml: {curie!r} is not a CURIE over the declared prefixes")
    return URIRef(prefixes[prefix] + local)


@cache
def load_mapping() -> Mapping:
    """The mapping shipped with the package (read once per process).

    >>> load_mapping().relationships["ISSUED_BY"]
    rdflib.term.URIRef('http://data.europa.eu/eli/ontology#passed_by')
    """
    raw = tomllib.loads(resources.files("graph.rdf").joinpath("mapping.toml").read_text(encoding="utf-8"))
    prefixes = dict(raw["prefixes"])
    curies: dict[URIRef, str] = {}

    def term(curie: str) -> URIRef:
        iri = _expand(prefixes, curie)
        curies[iri] = curie
        return iri

    def props(table: dict[str, dict[str, str]]) -> dict[str, PropertyMap]:
        out = {}
        for name, spec in table.items():
            if spec["value"] not in VALUE_KINDS:
                raise ValueError(f"mapping.toml: {name} has value kind {spec['value']!r}; known: {VALUE_KINDS}")
            otherwise = spec.get("otherwise")
            if (spec["value"] == "region") != bool(otherwise):
                raise ValueError(f"mapping.toml: {name}: a region value and only it names an `otherwise` predicate")
            out[name] = PropertyMap(name, term(spec["predicate"]), spec["predicate"], spec["value"],
                                    term(otherwise) if otherwise else None, otherwise)
        return out

    def labelled(table: dict[str, list[str]], properties: dict[str, PropertyMap]) -> dict[str, tuple[str, ...]]:
        for label, keys in table.items():
            if label not in raw["classes"] or any(properties.get(k) is None or properties[k].value not in ("zh", "en")
                                                  for k in keys):
                raise ValueError(f"mapping.toml: labels of {label}: a contract label and its zh/en properties")
        return {label: tuple(keys) for label, keys in table.items()}

    properties = props(raw["properties"])
    return Mapping(
        prefixes=prefixes,
        classes={label: tuple(term(c) for c in types) for label, types in raw["classes"].items()},
        resources={kind: tuple(term(c) for c in types) for kind, types in raw["resources"].items()},
        relationships={rel: term(p) for rel, p in raw["relationships"].items()},
        properties=properties,
        link_properties=props(raw["link_properties"]),
        curies=curies,
        labels=labelled(raw.get("labels", {}), properties),
        preferred_labels=labelled(raw.get("preferred_labels", {}), properties),
    )
