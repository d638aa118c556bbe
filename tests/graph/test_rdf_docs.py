"""docs/rdf.md documents every mapping row, and the endpoints it names exist."""

from __future__ import annotations

from pathlib import Path

from graph.rdf.mapping import load_mapping
from queries.routes.rdf import router

PAGE = (Path(__file__).resolve().parents[2] / "docs" / "rdf.md").read_text(encoding="utf-8")


def rdf_section() -> str:
    return PAGE


def test_every_contract_term_is_in_the_mapping_table():
    section = rdf_section()
    mapping = load_mapping()
    for label, types in mapping.classes.items():
        assert f"| node `{label}` | `a {mapping.curies[types[0]]}` |" in section, label
    for rel, predicate in mapping.relationships.items():
        assert f"| `{rel}` | `{mapping.curies[predicate]}` |" in section, rel
    for name, spec in mapping.properties.items():
        assert f"| `{name}` | `{spec.curie}` " in section, name
    for name, spec in mapping.link_properties.items():
        assert f"| relationship `{name}` | on the link: `{spec.curie}` " in section, name


def test_documented_endpoints_exist():
    paths = {route.path for route in router.routes}
    section = rdf_section()
    for path in ("/export.{extension}", "/context.jsonld", "/id/{type_}/{id_:path}", "/sparql", "/shapes.ttl"):
        assert path in paths
    for documented in ("/export.ttl", "/export.jsonld", "/export.nt", "/export.rdf", "/export.trig",
                       "/context.jsonld", "/id/{type}/{id}", "/sparql", "policykg validate"):
        assert documented in section, documented
