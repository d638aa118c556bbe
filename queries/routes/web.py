"""The analyst web page: the page itself at ``/``, its files under ``/static/``, its data under ``/api/``.

Everything the page needs ships in the package (``queries/static/``, the
graph-drawing library included), so the page works with no network. The
``/api/`` endpoints answer one view each, with paged lists
(``page``/``page_size``, at most ``MAX_PAGE_SIZE`` rows); an unknown id answers
404. The Cypher console on the page uses the service's own query endpoints.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import FileResponse, Response

from graph.settings import Settings
from graph.store import GraphStore
from queries.deps import get_settings, get_store
from queries.web import pages, search, targets
from queries.web.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageRequest

STATIC = Path(__file__).resolve().parent.parent / "static"

router = APIRouter(tags=["web"])
api = APIRouter(prefix="/api", tags=["web"])

Store = Annotated[GraphStore, Depends(get_store)]
PageNumber = Annotated[int, Query(ge=1, description="1-based page number.")]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Rows per page, at most {MAX_PAGE_SIZE}.")]


def _page(page: PageNumber = 1, page_size: PageSize = DEFAULT_PAGE_SIZE) -> PageRequest:
    return PageRequest(page, page_size)


Paging = Annotated[PageRequest, Depends(_page)]


def _found(action):
    try:
        return action()
    except pages.NotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc


# -- the page and its files -----------------------------------------------------
@router.get("/", include_in_schema=False)
def index() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                        headers={"Cache-Control": "no-cache"})


@router.get("/static/{path:path}", include_in_schema=False)
def static_file(path: str) -> FileResponse:
    """A file of the page, from the package; nothing outside ``queries/static`` is reachable."""
    try:
        target = (STATIC / path).resolve()
        found = target.is_relative_to(STATIC) and target.is_file()
    except (ValueError, OSError):  # a NUL byte, a name too long
        found = False
    if not found:
        raise HTTPException(status_code=404, detail=f"no page file {path!r}")
    media_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    if media_type.startswith("text/") or media_type in ("application/javascript", "application/json"):
        media_type += "; charset=utf-8"
    return FileResponse(target, media_type=media_type, headers={"Cache-Control": "no-cache"})


# -- search ------------------------------------------------------------------------
@api.get("/suggest")
def suggest(store: Store, q: Annotated[str, Query(max_length=200, description="Chinese or English.")],
            limit: Annotated[int, Query(ge=1, le=search.MAX_SUGGESTIONS)] = 10):
    """Entities whose names, aliases or titles contain ``q``: exact matches, then prefixes, then the rest."""
    return {"q": q, "items": search.suggest(store, q, limit)}


# -- plan ------------------------------------------------------------------------
@api.get("/plans")
def plans(store: Store, paging: Paging):
    """The plans read from documents, by title."""
    return pages.plans(store, paging)


@api.get("/plan/{plan_id}")
def plan(store: Store, plan_id: str):
    """A plan: metadata, issuers, coordinators, places, citations, and the first page of each list."""
    return _found(lambda: pages.plan(store, plan_id))


@api.get("/plan/{plan_id}/measures")
def plan_measures(store: Store, plan_id: str, paging: Paging):
    """The plan's outline in reading order, each measure with its owners in role and rank order."""
    return pages.plan_measures(store, plan_id, paging)


@api.get("/plan/{plan_id}/targets")
def plan_targets(store: Store, plan_id: str, paging: Paging):
    return pages.plan_targets(store, plan_id, paging)


@api.get("/plan/{plan_id}/sites")
def plan_sites(store: Store, plan_id: str, paging: Paging):
    return pages.plan_sites(store, plan_id, paging)


# -- agency ------------------------------------------------------------------------
@api.get("/agency/{agency_id}")
def agency(store: Store, agency_id: str):
    """An agency: the plans it issues or coordinates, the measures it owns across plans, its co-owners."""
    return _found(lambda: pages.agency(store, agency_id))


@api.get("/agency/{agency_id}/measures")
def agency_measures(store: Store, agency_id: str, paging: Paging):
    return pages.agency_measures(store, agency_id, paging)


@api.get("/agency/{agency_id}/co-owners")
def agency_co_owners(store: Store, agency_id: str, paging: Paging):
    return pages.agency_co_owners(store, agency_id, paging)


# -- site ------------------------------------------------------------------------
@api.get("/site/{site_id}")
def site(store: Store, site_id: str):
    """A site: where it is, the measures naming it, the goals naming it."""
    return _found(lambda: pages.site(store, site_id))


@api.get("/site/{site_id}/measures")
def site_measures(store: Store, site_id: str, paging: Paging):
    return pages.site_measures(store, site_id, paging)


@api.get("/site/{site_id}/targets")
def site_targets(store: Store, site_id: str, paging: Paging):
    return pages.site_targets(store, site_id, paging)


@api.get("/site/{site_id}/graph")
def site_graph(store: Store, site_id: str, limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 40):
    """The site's trace as nodes and edges to draw, at most ``limit`` measures and ``limit`` goals."""
    return _found(lambda: pages.site_trace(store, site_id, limit))


# -- province, city, district ------------------------------------------------------------
@api.get("/place/{place_id}")
def place(store: Store, place_id: str):
    """A province, city or district: its plans, targets per year, sites and places inside, agencies."""
    return _found(lambda: pages.place(store, place_id))


@api.get("/place/{place_id}/plans")
def place_plans(store: Store, place_id: str, paging: Paging):
    return _found(lambda: pages.place_plans(store, place_id, paging))


@api.get("/place/{place_id}/inside")
def place_inside(store: Store, place_id: str, paging: Paging):
    return _found(lambda: pages.place_inside(store, place_id, paging))


@api.get("/place/{place_id}/agencies")
def place_agencies(store: Store, place_id: str, paging: Paging):
    return _found(lambda: pages.place_agencies_by_id(store, place_id, paging))


# -- any node ------------------------------------------------------------------------
@api.get("/node/{node_id}")
def node(store: Store, node_id: str):
    """Any node (a measure, a target, an organization…) with its properties and linked nodes."""
    return _found(lambda: pages.node(store, node_id))


@api.get("/node/{node_id}/neighbours")
def node_neighbours(store: Store, node_id: str, paging: Paging):
    return _found(lambda: pages.neighbours(store, node_id, paging))


# -- targets table ------------------------------------------------------------------------
@api.get("/targets/facets")
def target_facets(store: Store):
    """The choices of the targets table's filters."""
    return targets.facets(store)


@api.get("/targets")
def target_table(store: Store, settings: Annotated[Settings, Depends(get_settings)], paging: Paging,
                 year: Annotated[int | None, Query(description="Target year, e.g. 2027.")] = None,
                 province: Annotated[str | None, Query(description="Province id or name: 浙江, Zhejiang.")] = None,
                 unit: Annotated[str | None, Query(description="Unit as written: 亿元, 个, EFLOPS.")] = None,
                 plan: Annotated[str | None, Query(description="Plan id.")] = None,
                 q: Annotated[str | None, Query(max_length=200, description="Text in the metric or sentence.")] = None,
                 format: Annotated[Literal["json", "csv"], Query(description="json (a page) or csv.")] = "json"):
    """Targets by year, plan and id; ``format=csv`` gives every matching row up to ``max_rows``."""
    where = targets.TargetFilter(year=year, province=province, unit=unit, plan=plan, q=q)
    if format == "csv":
        text, truncated = _found(lambda: targets.table_csv(store, where, settings.max_rows))
        return Response(text, media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": 'attachment; filename="targets.csv"',
            "X-Truncated": "true" if truncated else "false"})
    return _found(lambda: targets.table(store, where, paging))

