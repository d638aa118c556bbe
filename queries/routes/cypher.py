"""``POST /cypher``: a client's own read-only Cypher query.

The body is ``{"query": "...", "params": {...}}`` (and optionally
``timeout_ms`` / ``max_rows``, which may only lower the service's limits); the
answer ``{"columns", "rows", "stats": {"elapsed_ms", "rows", "truncated"}}``,
or CSV with ``Accept: text/csv``. Any write is refused with 403.
"""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from graph.settings import Settings
from graph.store import GraphStore
from queries.deps import get_settings, get_store
from queries.run import arun_cypher, result_csv, result_json

router = APIRouter(tags=["cypher"])


def render_json(content: Any) -> bytes:
    """JSON by orjson: a tenth of the standard encoder's time on a 160 kB result of paths
    (``site-to-goals``), the biggest share of what HTTP added to such queries. Values orjson
    refuses (an integer beyond 64 bits) fall back to the standard encoder."""
    try:
        return orjson.dumps(content)
    except orjson.JSONEncodeError:
        return JSONResponse(content).body


class CypherRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "query": "MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(m:Measure) WHERE m.title CONTAINS $t "
                 "RETURN a.name, r.role, r.rank ORDER BY r.rank",
        "params": {"t": "统筹科学智算高效供给"}}]})

    query: str = Field(description="A read-only Cypher query; values go in params, never into the text.")
    params: dict[str, Any] = Field(default_factory=dict, description="Query parameters ($name in the query).")
    timeout_ms: int | None = Field(default=None, ge=1, description="Lower the time limit for this query.")
    max_rows: int | None = Field(default=None, ge=1, description="Lower the row cap for this query.")


class QueryStats(BaseModel):
    elapsed_ms: float
    rows: int
    truncated: bool


class CypherResult(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    stats: QueryStats


def wants_csv(accept: str, fmt: str | None = None) -> bool:
    """CSV when ``format`` says so, else when the ``Accept`` header asks for it."""
    if fmt is not None:
        return fmt.lower() == "csv"
    return "text/csv" in accept


def rendered(result, extra: dict[str, Any] | None, as_csv: bool) -> tuple[bytes, str, str]:
    """The answer's body, media type and ``Server-Timing`` value, serialised straight from the
    store's plain values.

    Skipping FastAPI's ``jsonable_encoder`` walk over every cell matters: it cost more than the
    query itself on results with paths (``site-to-goals``: 114 ms of 186 ms at 1,000 documents,
    bench/RESULTS.md).

    ``Server-Timing: db;dur=MS`` (W3C Server Timing, shown by the browsers' network panels)
    gives the database's share of the answer, CSV included: a client can tell the query's
    time from the trip's.
    """
    timing = f"db;dur={result.elapsed_ms:.3f}"
    if as_csv:
        return result_csv(result).encode("utf-8"), "text/csv; charset=utf-8", timing
    return render_json({**(extra or {}), **result_json(result)}), "application/json", timing


def answer(request: Request, result, extra: dict[str, Any] | None = None, fmt: str | None = None) -> Response:
    """The result as JSON (or CSV, by ``format`` or ``Accept``), a finished ``Response``."""
    body, media_type, timing = rendered(result, extra, wants_csv(request.headers.get("accept", ""), fmt))
    return Response(body, media_type=media_type, headers={"Server-Timing": timing})


@router.post("/cypher", response_model=CypherResult,
             responses={403: {"description": "the query would change the graph"},
                        400: {"description": "syntax error, runtime error or time limit"}})
async def cypher(body: CypherRequest, request: Request, store: Annotated[GraphStore, Depends(get_store)],
           settings: Annotated[Settings, Depends(get_settings)]):
    """Run a read-only Cypher query with a time limit and a row cap."""
    result = await arun_cypher(store, body.query, body.params, timeout_ms=body.timeout_ms,
                               max_rows=body.max_rows, settings=settings)
    return answer(request, result)
