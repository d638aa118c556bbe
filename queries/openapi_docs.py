"""The OpenAPI document says what the service really answers: every error status, every media type.

FastAPI documents a route's 200 as JSON and its 422 as FastAPI's own
validation shape. The service answers more: the one error shape of
``queries.app`` for every 4xx and 503, CSV beside JSON on the query and
analysis endpoints, RDF and HTML on the RDF ones. Clients generated from the
document, and schemathesis run with all its checks
(``tests/faults/test_http_abuse.py``), hold the service to what it says, so
``document_errors`` adds all of it to the generated document once, in one
place, instead of on each of forty routes.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI

ERROR = {
    "type": "object", "required": ["error"],
    "properties": {"error": {
        "type": "object", "required": ["status", "code", "message"],
        "properties": {"status": {"type": "integer"}, "code": {"type": "string"}, "message": {"type": "string"},
                       "setting": {"type": ["string", "null"]}, "param": {"type": ["string", "null"]},
                       "details": {"type": "array"}}}}}

_ERRORS = {
    "400": "a bad query or parameter, a limit reached (the message says which setting)",
    "401": "an admin action without the API key",
    "403": "a write, a call outside the graph, or a POST from another site's page",
    "404": "no such resource, named query or endpoint",
    "405": "the method is not allowed here",
    "409": "a rebuild is already running",
    "413": "the body is over max_body_bytes",
    "415": "the body's media type is not one this endpoint reads",
    "421": "the Host header is none of the service's names (allowed_hosts)",
    "422": "the body's fields have the wrong shape",
    "503": "the graph database cannot be reached, or the service is busy (then Retry-After says when to come back)",
}
_RDF = ["text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml", "application/trig"]
_SPARQL = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
           "text/tab-separated-values", "text/turtle", "application/n-triples", "application/rdf+xml",
           "application/ld+json"]
#: (path pattern, media types of a 200 besides the documented ones)
_MEDIA_TYPES: list[tuple[re.Pattern[str], list[str]]] = [
    (re.compile(r"^/(cypher|queries/\{name\}|api/targets|analysis/(?!charts|agencies/network).*)$"), ["text/csv"]),
    (re.compile(r"^/analysis/charts/"), ["image/png", "image/svg+xml"]),
    (re.compile(r"^/export\."), _RDF),
    (re.compile(r"^/id/"), [*_RDF, "text/html"]),
    (re.compile(r"^/context\.jsonld$"), ["application/ld+json"]),
    (re.compile(r"^/(vocabulary|shapes)\.ttl$"), ["text/turtle"]),
    (re.compile(r"^/sparql$"), _SPARQL),
]


def document_errors(app: FastAPI) -> None:
    """Make ``app.openapi()`` list every error status with the error shape, and every media type."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = generate()
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
        error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for path, operations in schema.get("paths", {}).items():
            extra = [t for pattern, types in _MEDIA_TYPES if pattern.search(path) for t in types]
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status, description in _ERRORS.items():
                    responses[status] = {"description": description, "content": error}
                ok = responses.setdefault("200", {"description": "the answer"})
                content = ok.setdefault("content", {})
                if not content:
                    content["application/json"] = {"schema": {}}
                for media_type in extra:
                    content.setdefault(media_type, {"schema": {}})
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
