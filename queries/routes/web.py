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
from queries.web import browse, catalogue, charts, entities, fulltext, pages, schema, search, targets
from queries.web.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageRequest

STATIC = Path(__file__).resolve().parent.parent / "static"

router = APIRouter(tags=["web"])
api = APIRouter(prefix="/api", tags=["web"])

Store = Annotated[GraphStore, Depends(get_store)]
Lang = Annotated[Literal["zh", "en"], Query(description="Language of headers and yes/no: zh or en.")]
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
def index(store: Store) -> FileResponse:
    """The page; opening it starts reading the catalogue, so search and browse are ready when asked."""
    catalogue.warm(store)
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
    """Entities whose names, aliases or titles contain ``q``: exact matches, then prefixes, then the rest.

    From the catalogue once it is read (milliseconds at 10,000 documents), from Cypher until then."""
    cat = catalogue.ready(store)
    items = fulltext.suggest(cat, q, limit) if cat is not None else search.suggest(store, q, limit)
    return {"q": q, "items": items}


@api.get("/search")
def full_search(store: Store, paging: Paging,
                q: Annotated[str, Query(max_length=fulltext.MAX_QUERY, description="Words, Chinese or English.")],
                kind: Annotated[str | None, Query(description="Label: Measure, Target, Site, Plan…")] = None,
                province: Annotated[str | None, Query(description="Province id.")] = None,
                plan: Annotated[str | None, Query(description="Plan id.")] = None,
                year: Annotated[int | None, Query(description="Year of a target, or of a plan.")] = None):
    """Full-text search over measures, targets and names, with highlighted snippets and facet counts."""
    where = fulltext.SearchFilter(kind=kind or None, province=province or None, plan=plan or None, year=year)
    return fulltext.search(catalogue.catalogue(store), q, where, paging)


# -- browsing ------------------------------------------------------------------------
@api.get("/browse/{index}")
def browse_index(store: Store, paging: Paging, index: Literal["plans", "agencies", "sites"],
                 province: str | None = None, level: str | None = None, kind: str | None = None,
                 year: str | None = None, role: str | None = None, city: str | None = None,
                 q: Annotated[str | None, Query(max_length=200, description="Part of a name or title.")] = None):
    """Every plan, agency or site, narrowed by facets (each with its counts)."""
    chosen = {"province": province, "level": level, "kind": kind, "year": year, "role": role, "city": city}
    return browse.browse(catalogue.catalogue(store), index, chosen, paging, q)


@api.get("/charts")
def chart_data(store: Store, province: str | None = None, compare: str | None = None):
    """Targets by year and category, trajectories per metric, and two provinces side by side."""
    cat = catalogue.catalogue(store)
    for value in (province, compare):
        if value and value not in cat.places:
            raise HTTPException(status_code=404, detail=f"no province has the id {value!r}")
    return charts.chart_data(cat, province or None, compare or None)


@api.get("/schema")
def graph_schema(store: Store):
    """Labels, relationship types and their properties, with counts (the console's schema panel)."""
    cache = catalogue.catalogue(store).cache
    if "schema" not in cache:
        cache["schema"] = schema.schema(store)
    return cache["schema"]


# -- measure, target, document ---------------------------------------------------------
@api.get("/measure/{measure_id}")
def measure(store: Store, measure_id: str):
    """A measure with its breadcrumb, plan, owners, sites, targets and sub-measures."""
    return _found(lambda: entities.measure(store, measure_id))


@api.get("/target/{target_id}")
def target(store: Store, target_id: str):
    """A target: amount, category, who sets it, its breadcrumb and sentence."""
    return _found(lambda: entities.target(store, target_id))


@api.get("/document/{plan_id}")
def document(store: Store, settings: Annotated[Settings, Depends(get_settings)], plan_id: str):
    """The text of the document a plan was read from (``text`` is null when the file is no longer there)."""
    return _found(lambda: entities.document(store, plan_id, Path(settings.data_dir)))


# -- plan ------------------------------------------------------------------------
@api.get("/plans")
def plans(store: Store, paging: Paging):
    """The plans read from documents, by title."""
    return pages.plans(store, paging)


@api.get("/plan/{plan_id}")
def plan(store: Store, plan_id: str):
    """A plan: metadata, issuers, coordinators, places, citations, and the first page of each list."""
    found = _found(lambda: pages.plan(store, plan_id))
    found["counts"].update(entities.plan_owned(store, plan_id))
    return found


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
def target_facets(store: Store, year: int | None = None, province: str | None = None, unit: str | None = None,
                  category: str | None = None, plan: str | None = None,
                  q: Annotated[str | None, Query(max_length=200)] = None):
    """The choices of the targets table's filters, each counted over what the other filters leave."""
    where = targets.TargetFilter(year=year, province=province, unit=unit, plan=plan, q=q, category=category)
    return _found(lambda: targets.facets(store, where))


@api.get("/targets")
def target_table(store: Store, settings: Annotated[Settings, Depends(get_settings)], paging: Paging,
                 year: Annotated[int | None, Query(description="Target year, e.g. 2027.")] = None,
                 province: Annotated[str | None, Query(description="Province id or name: 浙江, Zhejiang.")] = None,
                 unit: Annotated[str | None, Query(description="Unit as written: 亿元, 个, EFLOPS.")] = None,
                 plan: Annotated[str | None, Query(description="Plan id.")] = None,
                 q: Annotated[str | None, Query(max_length=200, description="Text in the metric or sentence.")] = None,
                 category: Annotated[str | None, Query(description="Metric category key.")] = None,
                 format: Annotated[Literal["json", "csv"], Query(description="json (a page) or csv.")] = "json",
                 lang: Lang = "zh"):
    """Targets by year, plan and id; ``format=csv`` gives every matching row up to ``max_rows``
    (with a UTF-8 BOM, headers in ``lang``)."""
    where = targets.TargetFilter(year=year, province=province, unit=unit, plan=plan, q=q, category=category)
    if format == "csv":
        text, truncated = _found(lambda: targets.table_csv(store, where, settings.max_rows, lang))
        return Response(text, media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": 'attachment; filename="targets.csv"',
            "X-Truncated": "true" if truncated else "false"})
    return _found(lambda: targets.table(store, where, paging))

