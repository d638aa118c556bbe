"""``QueryLane``: ``GET /queries/{name}``, the service's hot path, answered in the fewest steps.

A named query's answer through FastAPI passes its exception middleware, its
router, the route's wrappers and a ``Request`` and a ``Response`` object.
Each is small, but the service sleeps while the database works, so each runs
cold after the wait: together they were about 0.4 ms of the 1.8-2.1 ms HTTP
added to a query on this machine (bench/RESULTS.md). The lane is a pure ASGI
middleware, inside the app's own (the 500 handler, the request log, the body
limit), that answers ``GET /queries/{name}`` itself with the route's own code:
``run_query_string`` for the query and ``rendered`` for the body, our errors
through ``policykg_error_response`` like the app's handler. So the answer is
the route's: status, headers and body (tests/queries/test_lane.py runs both).

The route stays declared: OpenAPI documents the endpoint from it, and it is
what the lane is tested against. Everything else (other methods, other
paths) passes through the lane untouched.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

from graph.errors import PolicyKGError
from queries.app import policykg_error_response
from queries.routes.cypher import rendered, wants_csv
from queries.routes.named_queries import run_query_string

#: the route's own pattern: ``{name}`` is one path segment
_PATH = re.compile(r"/queries/([^/]+)")


class QueryLane:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        match = _PATH.fullmatch(scope["path"]) if scope["type"] == "http" and scope["method"] == "GET" else None
        if match is None:
            return await self.app(scope, receive, send)
        # the query string as Starlette reads it (QueryParams): latin-1 bytes, %-escapes as UTF-8
        items = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        accept = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"accept"), "")
        try:
            query, result, fmt = await run_query_string(scope["app"].state, match[1], items)
            body, media_type, timing = rendered(result, {"query": query.name}, wants_csv(accept, fmt))
        except PolicyKGError as exc:
            return await policykg_error_response(exc)(scope, receive, send)
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-length", str(len(body)).encode()),
                                (b"content-type", media_type.encode()), (b"server-timing", timing.encode())]})
        await send({"type": "http.response.body", "body": body})
