"""The HTTP service: ``create_app(settings)`` builds the FastAPI app.

One router per resource lives in ``queries/routes/``; each is included here.
Around them: a request body limit (``max_body_bytes``, then 413), one log line
per request (logger ``policykg.http``), admission control in front of the
database (``queries.admission``: past its queue, 503 with ``Retry-After``), and
one JSON shape for every error::

    {"error": {"status": 403, "code": "read_only", "message": "…", "setting": null}}

``message`` says what to change; ``setting`` names the setting when a limit
was hit (``query_time_limit_ms``, ``max_rows``, ``max_body_bytes``, ``api_key``).
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import (
    MissingDependency,
    PolicyKGError,
    QueryError,
    QueryTimeout,
    ReadOnlyError,
    SettingError,
    StoreError,
)
from graph.settings import Settings

log = logging.getLogger("policykg.http")

#: how each of our errors answers over HTTP: status and code
_STATUS: list[tuple[type[PolicyKGError], int, str]] = [
    (ReadOnlyError, 403, "read_only"),
    (QueryTimeout, 400, "timeout"),
    (SettingError, 400, "limit"),
    (QueryError, 400, "query_error"),
    (StoreError, 503, "store_unavailable"),
    (MissingDependency, 500, "missing_dependency"),
]


def create_app(settings: Settings, *, store=None, inputs: list[Path] | None = None) -> FastAPI:
    """The app over ``settings``; ``store`` (optional) is an open store to use and close at shutdown,
    ``inputs`` the documents ``POST /admin/rebuild`` reads (default: the seeds)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        worker = getattr(app.state, "sparql_worker", None)
        if worker is not None:
            worker.stop()  # a query that never ends must not keep the service from stopping
        store = getattr(app.state, "store", None)
        if store is not None:
            aclose = getattr(store, "aclose", None)
            if aclose is not None:
                await aclose()  # its asyncio connections, from the loop that opened them
            else:
                store.close()
            app.state.store = None

    # FastAPIOffline serves /docs with Swagger UI files shipped in a package, not from a CDN
    app = FastAPIOffline(
        title="policykg",
        summary="A knowledge graph of Chinese AI-policy documents: Cypher queries, named queries, analyses.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    from queries.admission import GatedStore, admission_for

    app.state.admission = admission_for(settings)
    app.state.store = GatedStore(store, app.state.admission) if store is not None else None
    app.state.store_lock = threading.Lock()
    app.state.inputs = inputs

    from queries.routes import ROUTERS

    for router in ROUTERS:
        _add_routes(app, router)
    _add_error_handlers(app)
    from queries.openapi_docs import document_errors

    document_errors(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    from queries.browser import BrowserGuard

    app.add_middleware(BrowserGuard, settings=settings)  # Host and Origin, before anything is read
    app.add_middleware(RequestLog)
    return app


def _add_routes(app: FastAPI, router: APIRouter) -> None:
    """The router's routes, added to the app's own list rather than through ``include_router``.

    Since FastAPI 0.137 ``include_router`` keeps each router as a node that
    every request walks, context by context, before it reaches a route:
    0.3 ms of a 0.5 ms 404 here, and a share of every query's time over HTTP
    (bench/RESULTS.md). Our routers carry their prefix and tags on their
    routes and have no dependencies of their own, so adding the routes
    themselves loses nothing.
    """
    if router.dependencies:
        raise ValueError(f"router {router.prefix or '/'} has dependencies; include it with include_router")
    for route in router.routes:
        if not isinstance(route, APIRoute):
            raise TypeError(f"{route!r} in router {router.prefix or '/'} is not a route: add routers to ROUTERS "
                            "instead of nesting them")
        app.router.routes.append(route)


# -- errors -------------------------------------------------------------------
def error_body(status: int, code: str, message: str, **extra: Any) -> dict[str, Any]:
    error = {"status": status, "code": code, "message": message, "setting": None}
    error.update({k: v for k, v in extra.items() if v is not None})
    return {"error": error}


def error_response(status: int, code: str, message: str, headers: dict | None = None, **extra: Any) -> JSONResponse:
    return JSONResponse(error_body(status, code, message, **extra), status_code=status, headers=headers)


def policykg_error_response(exc: PolicyKGError) -> JSONResponse:
    status, code = 500, "error"
    for kind, kind_status, kind_code in _STATUS:
        if isinstance(exc, kind):
            status, code = kind_status, kind_code
            break
    code = getattr(exc, "code", None) or code
    status = getattr(exc, "status", None) or status
    if status >= 500 and code != "overloaded":
        log.error("%s: %s", type(exc).__name__, exc)
    retry_after = getattr(exc, "retry_after", None)
    return error_response(status, code, str(exc), setting=getattr(exc, "setting", None),
                          param=getattr(exc, "param", None),
                          headers={"Retry-After": str(retry_after)} if retry_after is not None else None)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(PolicyKGError)
    async def on_policykg_error(request: Request, exc: PolicyKGError):
        return policykg_error_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException):
        from http import HTTPStatus

        try:
            code = HTTPStatus(exc.status_code).phrase.lower().replace(" ", "_").replace("-", "_")
        except ValueError:
            code = "error"
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; the endpoints are listed at /docs"
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}; see /docs"
            headers = {**(headers or {}), "Allow": ", ".join(_allowed_methods(request))}
        return error_response(exc.status_code, code, message, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, exc: RequestValidationError):
        errors = exc.errors()
        for e in errors:
            if e.get("type") == "json_invalid":
                ctx = e.get("ctx") or {}
                return error_response(400, "malformed_json",
                                      f"the request body is not valid JSON ({ctx.get('error', 'cannot parse')})")
        details = [{"where": ".".join(str(x) for x in e.get("loc", ())), "message": e.get("msg", "")}
                   for e in errors]
        message = "; ".join(f"{d['where']}: {d['message']}" for d in details) or "the request is not valid"
        return error_response(422, "invalid_request", message, details=details)

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, exc: Exception):
        # Connection: close, because the connection does not survive this answer: Starlette raises the
        # error again once the answer is sent, and uvicorn then closes the connection. Without the header
        # a client sent its next request down it at once and had it reset ("Connection reset by peer").
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", f"an unexpected error ({type(exc).__name__}); "
                              "the server log has the details", headers={"Connection": "close"})


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route of the app takes at this path (Starlette names only the first route's)."""
    from starlette.routing import Match

    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches({**request.scope, "method": "GET"})
        if match != Match.NONE and getattr(route, "methods", None):
            methods |= set(route.methods)
    return sorted(methods)


# -- middleware (pure ASGI: cheap, and they see every response, errors included) --
class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413, announced or streamed."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await self._refuse(scope, receive, send)
        if scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE"):
            return await self.app(scope, receive, send)
        # read the body up front (it is at most max_bytes), then hand it on
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return await self._refuse(scope, receive, send, drain=False)
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    async def _refuse(self, scope, receive, send, drain: bool = True):
        response = error_response(413, "body_too_large",
                                  f"the request body is larger than {self.max_bytes} bytes",
                                  setting="max_body_bytes", headers={"Connection": "close"})
        await response(scope, receive, send)


class RequestLog:
    """One line per request: method, path, status, milliseconds, client.

    The line is written once the answer's last byte has been handed to the
    server, so formatting and writing it is not part of the client's wait.
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        status, logged = 500, False

        def write_line() -> None:
            nonlocal logged
            logged = True
            client = scope.get("client")
            log.info("%s %s %d %.1fms %s", scope["method"], scope["path"], status,
                     (time.perf_counter() - started) * 1000, client[0] if client else "-")

        async def send_and_note(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body") and not logged:
                write_line()

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            if not logged:
                write_line()
