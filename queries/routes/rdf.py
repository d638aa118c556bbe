"""RDF over HTTP: exports, the JSON-LD context, IRI dereferencing, the SPARQL endpoint.

- ``GET /export.{ttl,jsonld,nt,rdf,trig}``: the whole graph, streamed;
- ``GET /context.jsonld``, ``/vocabulary.ttl``, ``/shapes.ttl``: what integrators build on;
- ``GET /id/{type}/{id}``: one resource, as RDF (``Accept: text/turtle``, ``application/ld+json``…)
  or as a readable page for browsers;
- ``GET|POST /sparql``: read-only SPARQL 1.1 (protocol: ``query=`` or an
  ``application/sparql-query`` body); results as JSON, CSV, TSV or XML by Accept.

The RDF view is made once per graph build (``graph.rdf.view.ViewCache``) and
every export is serialised once per build, then served from memory.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import Annotated, Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse

from graph.errors import PolicyKGError, QueryError, ReadOnlyError
from graph.rdf.context import published_context
from graph.rdf.formats import BY_EXTENSION, BY_MEDIA_TYPE, FORMATS, content_type
from graph.rdf.iris import iri_for_path
from graph.rdf.sparql import accepted, check_read_only
from graph.rdf.validate import shapes_text
from graph.rdf.view import RDFView, ViewCache, jsonld_bytes, vocabulary_text
from graph.rdf.worker import SparqlWorker
from graph.settings import Settings
from queries.bounds import check_length
from queries.deps import get_settings, get_store

router = APIRouter(tags=["rdf"])
SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Any, Depends(get_store)]

CHUNK_BYTES = 64 * 1024
_ID_FORMATS = {"ttl": "ttl", "turtle": "ttl", "jsonld": "jsonld", "json-ld": "jsonld", "nt": "nt", "rdf": "xml",
               "xml": "xml", "html": "html"}


SAFE_SEGMENT = re.compile(r"[A-Za-z0-9_.\-]{1,200}")


def current_view(request: Request, settings: Settings, store) -> RDFView:
    """The RDF view of the graph as it is now built (made on first use and after each build)."""
    state = request.app.state
    cache = getattr(state, "rdf_views", None)
    if cache is None:
        cache = state.rdf_views = ViewCache(settings.base_iri, settings.graph_name)
    return cache.current(store)


def error_response(exc: PolicyKGError) -> JSONResponse:
    """The service's one error shape (``queries.app``); here for errors met while streaming."""
    from queries.app import policykg_error_response

    return policykg_error_response(exc)


class NotFound(QueryError):
    status = 404
    code = "not_found"


class NotAcceptable(QueryError):
    status = 415
    code = "unsupported_media_type"


def _chunks(body: bytes) -> Iterator[bytes]:
    for start in range(0, len(body), CHUNK_BYTES):
        yield body[start:start + CHUNK_BYTES]


# -- exports and published files ---------------------------------------------------------

@router.get("/export.{extension}", summary="The whole graph as RDF (ttl, jsonld, nt, rdf, trig)")
def export(extension: str, request: Request, settings: SettingsDep,
           store: StoreDep):
    fmt = BY_EXTENSION.get(extension.lower())
    if fmt is None:
        return error_response(NotFound(f"no export /export.{extension}; the RDF exports are "
                                       + ", ".join(f"/export.{f.extension}" for f in FORMATS.values())))
    try:
        body = current_view(request, settings, store).serialize(fmt)
    except PolicyKGError as exc:
        return error_response(exc)
    return StreamingResponse(_chunks(body), media_type=content_type(fmt),
                             headers={"Content-Disposition": f'inline; filename="policykg.{fmt.extension}"',
                                      "Content-Length": str(len(body))})


@router.get("/context.jsonld", summary="The JSON-LD @context of the JSON-LD export")
def context() -> Response:
    import json

    body = json.dumps(published_context(), ensure_ascii=False, indent=2).encode("utf-8")
    return Response(body, media_type="application/ld+json; charset=utf-8")


@router.get("/vocabulary.ttl", summary="The policykg vocabulary (ontology) in Turtle")
def vocabulary() -> Response:
    return Response(vocabulary_text().encode("utf-8"), media_type="text/turtle; charset=utf-8")


@router.get("/shapes.ttl", summary="The SHACL shapes of the graph contract")
def shapes() -> Response:
    return Response(shapes_text().encode("utf-8"), media_type="text/turtle; charset=utf-8")


# -- dereferencing -----------------------------------------------------------------------

@router.get("/id/{type_}/{id_:path}", summary="One resource: RDF by Accept, or a page for browsers")
def dereference(type_: str, id_: str, request: Request, settings: SettingsDep, store: StoreDep,
                format: str | None = None):
    try:
        if not (SAFE_SEGMENT.fullmatch(type_) and SAFE_SEGMENT.fullmatch(id_)):
            # ids are made of letters, digits and -_. only; anything else names no resource
            raise NotFound(f"no resource /id/{type_}/{id_}: ids are those of the JSON export")
        view = current_view(request, settings, store)
        iri = str(iri_for_path(view.base, type_, id_))
        described = view.describe(iri)
        if not len(described):
            raise NotFound(f"no resource <{iri}> in the graph (ids are those of the JSON export; "
                           f"the base IRI is base_iri = {view.base})", )
        choice = _ID_FORMATS.get((format or "").lower()) if format else _negotiate_id(request.headers.get("accept"))
        if choice is None:
            raise QueryError(f"format {format!r} is unknown; use one of {', '.join(sorted(set(_ID_FORMATS)))}")
    except PolicyKGError as exc:
        return error_response(exc)
    headers = {"Vary": "Accept"}
    if choice == "html":
        from queries.rdf_page import render

        return HTMLResponse(render(view, iri, described), headers=headers)
    fmt = FORMATS[choice]
    if choice == "jsonld":
        body = jsonld_bytes(described)
    else:
        rdflib_format = {"ttl": "turtle", "nt": "nt", "xml": "xml"}[choice]
        body = described.serialize(format=rdflib_format, encoding="utf-8")
    return Response(body, media_type=content_type(fmt), headers=headers)


def _negotiate_id(accept: str | None) -> str:
    """HTML when the client asks for it first (browsers), else RDF: Turtle for ``*/*`` (curl)."""
    for media_type in accepted(accept):
        if media_type in ("text/html", "application/xhtml+xml"):
            return "html"
        if media_type in BY_MEDIA_TYPE:
            return BY_MEDIA_TYPE[media_type].name
        if media_type == "application/json":
            return "jsonld"
        if media_type in ("*/*", "text/*"):
            return "ttl"
    return "ttl"


# -- SPARQL ------------------------------------------------------------------------------

@router.get("/sparql", summary="Read-only SPARQL 1.1 query (protocol GET)")
def sparql_get(request: Request, settings: SettingsDep, store: StoreDep):
    params = parse_qs(request.url.query, keep_blank_values=True)
    return _sparql(request, settings, store, params)


@router.post("/sparql", summary="Read-only SPARQL 1.1 query (protocol POST: form or application/sparql-query)")
async def sparql_post(request: Request, settings: SettingsDep, store: StoreDep):
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    params = parse_qs(request.url.query, keep_blank_values=True)
    if media_type == "application/sparql-update":
        return error_response(ReadOnlyError("this SPARQL endpoint is read-only: updates are refused"))
    if media_type == "application/sparql-query":
        params["query"] = [body.decode("utf-8", errors="replace")]
    elif media_type == "application/x-www-form-urlencoded":
        for key, values in parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True).items():
            params.setdefault(key, []).extend(values)
    else:
        return error_response(NotAcceptable(
            f"POST /sparql takes application/sparql-query or application/x-www-form-urlencoded, not {media_type!r}"))
    return await run_in_threadpool(_sparql, request, settings, store, params)


_worker_lock = threading.Lock()


def sparql_worker(state, settings: Settings) -> SparqlWorker:
    """The app's SPARQL process handle (``graph.rdf.worker``), made on first use; the app's
    shutdown ends the process."""
    with _worker_lock:
        if getattr(state, "sparql_worker", None) is None:
            state.sparql_worker = SparqlWorker(settings.sparql_memory_mb, settings.query_time_limit_ms,
                                               settings.max_answer_bytes)
        return state.sparql_worker


def _sparql(request: Request, settings: Settings, store, params: dict[str, list[str]]):
    try:
        if params.get("update"):
            raise ReadOnlyError("this SPARQL endpoint is read-only: updates are refused")
        queries = params.get("query") or []
        if len(queries) != 1 or not queries[0].strip():
            raise QueryError("give exactly one SPARQL query, as ?query=… or a POST body "
                             "(Content-Type: application/sparql-query)")
        check_length(queries[0], settings)
        check_read_only(queries[0])  # the fast first pass; the child parses the query and decides
        view = current_view(request, settings, store)
        options = {"accept": request.headers.get("accept"), "fmt": (params.get("format") or [None])[0],
                   "max_rows": settings.max_rows, "time_limit_ms": settings.query_time_limit_ms,
                   "default_graphs": params.get("default-graph-uri"),
                   "named_graphs": params.get("named-graph-uri")}
        answer = sparql_worker(request.app.state, settings).run(
            (view.stamp, id(view)), lambda: view.store.dump(format=ox.RdfFormat.N_QUADS), queries[0], options)
    except PolicyKGError as exc:
        return error_response(exc)
    headers = {"Vary": "Accept", "X-Policykg-Truncated": "true" if answer.truncated else "false"}
    return Response(answer.body, media_type=answer.media_type, headers=headers)
