"""``/queries``: the named queries of ``queries/*.cypher``.

``GET /queries`` lists them with their parameter schemas; ``GET
/queries/{name}?param=value`` and ``POST /queries/{name}`` with
``{"params": {...}}`` run one. Parameters are checked against their declared
types (400 naming the parameter); an unknown name is a 404 listing the names.
``Accept: text/csv`` (or ``format=csv``) answers CSV.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from graph.store import QueryResult
from queries import named
from queries.deps import get_settings, get_store, store_of
from queries.named import ParameterError
from queries.routes.cypher import answer
from queries.routes.plain import PlainRoute
from queries.run import arun_named

router = APIRouter(tags=["named queries"])
#: the two that run a query, the service's hot path: they read their request themselves
runner = APIRouter(tags=["named queries"], route_class=PlainRoute)

#: query-string and body keys that steer the request rather than feed the query
_CONTROL = ("format", "timeout_ms", "max_rows")

Name = Annotated[str, Path(description="Name of a named query (GET /queries lists them).")]


@router.get("/queries")
def list_queries() -> dict[str, Any]:
    """Every named query with its title, description, parameters and Cypher."""
    return {"queries": [q.describe() for q in named.named_queries().values()]}


@runner.get("/queries/{name}")
async def run_get(request: Request, name: Name):
    """Run a named query with its parameters in the query string (repeat a key for a list)."""
    query, result, fmt = await run_query_string(request.app.state, name, request.query_params.multi_items())
    return answer(request, result, {"query": query.name}, fmt)


async def run_query_string(state, name: str, items: Iterable[tuple[str, str]]
                           ) -> tuple[named.NamedQuery, QueryResult, str | None]:
    """``GET /queries/{name}`` up to its answer: the query, its result and the ``format`` asked
    for."""
    query = named.get(name)
    given: dict[str, Any] = {}
    for key, value in items:
        given.setdefault(key, []).append(value)
    controls = {k: given.pop(k) for k in _CONTROL if k in given and query.param(k) is None}
    given = {k: (v if len(v) > 1 or (query.param(k) and query.param(k).type == "list") else v[0])
             for k, v in given.items()}
    fmt = check_format(controls.get("format", [None])[-1])
    timeout_ms = _int_control(controls, "timeout_ms")
    max_rows = _int_control(controls, "max_rows")
    result = await arun_named(await store_of(state), query, given, from_strings=True, timeout_ms=timeout_ms,
                              max_rows=max_rows, settings=state.settings)
    return query, result, fmt


@runner.post("/queries/{name}")
async def run_post(request: Request, name: Name):
    """Run a named query with ``{"params": {...}}`` (JSON values of the declared types)."""
    query = named.get(name)
    raw = await request.body()
    body: Any = {}
    if raw.strip():
        try:
            body = json.loads(raw)
        except (ValueError, RecursionError) as exc:  # JSONDecodeError, bad UTF-8, 5,000-digit numbers, depth
            raise _malformed(exc) from exc
    if not isinstance(body, dict):
        raise ParameterError('the body must be a JSON object: {"params": {...}}', "params")
    unknown = sorted(set(body) - {"params", *_CONTROL})
    if unknown:
        raise ParameterError(f"unknown field {', '.join(unknown)} in the body; it takes params, "
                             f"{', '.join(_CONTROL)}", unknown[0])
    params = body.get("params") or {}
    check_format(body.get("format"))
    if not isinstance(params, dict):
        raise ParameterError("params must be a JSON object of parameter values", "params")
    result = await arun_named(await get_store(request), query, params, timeout_ms=body.get("timeout_ms"),
                              max_rows=body.get("max_rows"), settings=await get_settings(request))
    return answer(request, result, {"query": query.name}, body.get("format"))


def check_format(fmt: Any) -> str | None:
    """``format`` of a named query's answer: json or csv (or absent)."""
    if fmt is not None and not (isinstance(fmt, str) and fmt.lower() in ("json", "csv")):
        raise ParameterError(f"format must be json or csv, not {fmt!r}", "format")
    return fmt


def _int_control(controls: dict[str, list[str]], key: str) -> int | None:
    if key not in controls:
        return None
    text = controls[key][-1]
    if not re.fullmatch(r"[0-9]{1,18}", text.strip()):  # ASCII digits only: '²'.isdigit() is true
        raise ParameterError(f"{key} must be a positive integer, not {text!r}", key)
    return int(text)


class _Malformed(ParameterError):
    code = "malformed_json"


def _malformed(exc: Exception) -> ParameterError:
    return _Malformed(f"the request body is not valid JSON ({exc})", "body")
