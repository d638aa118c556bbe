"""``PlainRoute``: an ``APIRoute`` whose endpoint reads its request itself.

FastAPI prepares every call of an ordinary route: it resolves the endpoint's
parameters and dependencies, validates them and serialises what comes back.
On the named queries, which read their parameters from the query string or
the body themselves and answer a finished ``Response``, that preparation was
a quarter of what HTTP added to a query (0.3-0.5 ms of about 2 ms,
bench/RESULTS.md) and did nothing. A ``PlainRoute`` calls its endpoint with
the ``Request`` and the path parameters as strings and returns its response
as it is, through FastAPI's documented hook for custom routes
(``get_route_handler``). It is still an ``APIRoute``: OpenAPI documents its
path parameters, tags and responses from the signature as before.

Endpoints that declare anything else (a body model, a dependency, a query
parameter, a path parameter of another type) are refused when the route is
made, so a ``PlainRoute`` never silently drops what a signature promises.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute


class PlainRoute(APIRoute):
    """Calls ``await endpoint(request, **path_params)`` without FastAPI's per-call preparation."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        _check(self)
        endpoint = self.endpoint
        request_name = self.dependant.request_param_name

        async def handler(request: Request) -> Response:
            return await endpoint(**{request_name: request}, **request.path_params)

        return handler


def _check(route: APIRoute) -> None:
    dependant = route.dependant
    where = f"{', '.join(sorted(route.methods or ()))} {route.path}"
    if not inspect.iscoroutinefunction(route.endpoint):
        raise TypeError(f"{where}: a PlainRoute endpoint must be async")
    if dependant.request_param_name is None:
        raise TypeError(f"{where}: a PlainRoute endpoint takes the Request")
    extra = [p.name for p in (*dependant.query_params, *dependant.header_params, *dependant.cookie_params,
                              *dependant.body_params)]
    extra += [d.name or getattr(d.call, "__name__", "?") for d in dependant.dependencies]
    extra += [p.name for p in dependant.path_params if p.field_info.annotation is not str]
    if extra:
        raise TypeError(f"{where}: a PlainRoute endpoint takes only the Request and str path parameters, "
                        f"not {', '.join(extra)}; use an ordinary route")
