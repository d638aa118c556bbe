"""``/analysis/...``: the analyses of ``policykg analyze`` over HTTP, as JSON, CSV or charts.

Every endpoint reads the stored graph through the app's store (read-only),
cuts it to ``plan``/``province`` when asked and answers
``{"analysis", "params", "count", "rows"}`` (or CSV with ``format=csv``).
A filter that names nothing answers 404 with the option to change; a
parameter that is missing, of the wrong type or missing its companion
answers 400 ``bad_parameter`` with ``param`` naming it (not FastAPI's 422,
which this service keeps for request bodies of the wrong shape).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.routing import APIRoute

from graph.analysis.convert import NoMatch
from graph.store import GraphStore
from queries import analysis_service as service
from queries.deps import get_store
from queries.named import ParameterError


class _AnalysisRoute(APIRoute):
    """A route whose query-string errors answer 400 ``bad_parameter`` naming the parameter, as
    the analyses' other parameter errors do, rather than FastAPI's 422."""

    def get_route_handler(self):
        handle = super().get_route_handler()

        async def route(request: Request):
            try:
                return await handle(request)
            except RequestValidationError as exc:
                errors = exc.errors()
                names = [str(e.get("loc", ("", "?"))[-1]) for e in errors]
                message = "; ".join(f"parameter {name}: {e.get('msg', 'not valid').lower()}"
                                    for name, e in zip(names, errors, strict=True))
                raise ParameterError(message or "a parameter is not valid", names[0] if names else None) from exc

        return route


router = APIRouter(prefix="/analysis", tags=["analysis"], route_class=_AnalysisRoute)

Plan = Annotated[str | None, Query(description="Part of a plan's title or its document number.")]
Province = Annotated[str | None, Query(description="Province name: 广东, 广东省 or Guangdong.")]
Category = Annotated[str | None, Query(description="Metric category: key, English or Chinese name.")]
Year = Annotated[int | None, Query(description="Target year, e.g. 2027.")]
Format = Annotated[Literal["json", "csv"], Query(description="json (default) or csv.")]

_MEDIA = {"png": "image/png", "svg": "image/svg+xml"}


def _answer(report: service.Report, params: dict[str, Any], fmt: str) -> Any:
    if fmt == "csv":
        from graph.analysis.tables import format_rows

        rows = [{k: v for k, v in r.items() if k != "steps"} for r in report.rows]
        return Response(format_rows(rows, "csv") + "\n", media_type="text/csv; charset=utf-8")
    return {"analysis": report.name, "params": {k: v for k, v in params.items() if v is not None},
            "count": len(report.rows), "rows": report.rows}


def _run(action):
    """Our filter errors as HTTP errors: 404 names the parameter, 400 a missing one or a wrong combination."""
    try:
        return action()
    except (NoMatch, service.EmptyGraph) as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    except service.MissingParameter as exc:
        raise ParameterError(exc.for_http(), exc.names[0]) from exc
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc


def _graph(store: GraphStore, plan: str | None = None, province: str | None = None):
    return _run(lambda: service.load_graph(store, plan=plan, province=province))


@router.get("/agencies")
def agencies(store: Annotated[GraphStore, Depends(get_store)], plan: Plan = None, province: Province = None,
             seed: int | None = None, format: Format = "json"):
    """Measures per agency with roles, degree and betweenness centrality, Louvain community."""
    G = _graph(store, plan, province)
    return _answer(_run(lambda: service.agencies(G, seed=seed)), {"plan": plan, "province": province}, format)


@router.get("/agencies/network")
def agency_network(store: Annotated[GraphStore, Depends(get_store)], plan: Plan = None, province: Province = None,
                   seed: int | None = None):
    """The co-responsibility network: agencies, links weighted by shared measures, communities."""
    from graph.analysis import agency_communities, co_responsibility
    from graph.analysis.agencies import LOUVAIN_SEED

    G = _graph(store, plan, province)
    H = co_responsibility(G)
    return {
        "nodes": [{"id": n, "name": d["name"], "name_en": d.get("name_en"), "measures": d["measures"]}
                  for n, d in sorted(H.nodes(data=True))],
        "links": [{"source": u, "target": v, "weight": d["weight"], "measures": d["measures"]}
                  for u, v, d in sorted(H.edges(data=True))],
        "communities": agency_communities(H, seed=LOUVAIN_SEED if seed is None else seed),
    }


@router.get("/plans")
def plans(store: Annotated[GraphStore, Depends(get_store)], plan: Plan = None, province: Province = None,
          top: int | None = None, format: Format = "json"):
    """Pairs of plans by shared agencies, sites, target categories and vocabulary, most similar first."""
    G = _graph(store, plan, province)
    return _answer(service.plans(G, top=top), {"plan": plan, "province": province, "top": top}, format)


@router.get("/sites")
def sites(store: Annotated[GraphStore, Depends(get_store)], plan: Plan = None, province: Province = None,
          format: Format = "json"):
    """For each site the measures, targets, plans and provinces reaching it."""
    G = _graph(store, plan, province)
    return _answer(service.sites(G), {"plan": plan, "province": province}, format)


@router.get("/sites/chains")
def site_chains(store: Annotated[GraphStore, Depends(get_store)],
                source: Annotated[str, Query(alias="from", description="A site's name, alias or English name.")],
                target: Annotated[str, Query(alias="to", description="The other site.")],
                format: Format = "json"):
    """The shortest chains of relationships between two sites."""
    G = _graph(store)
    return _answer(_run(lambda: service.sites(G, source, target)), {"from": source, "to": target}, format)


@router.get("/targets")
def targets(store: Annotated[GraphStore, Depends(get_store)], plan: Plan = None, province: Province = None,
            category: Category = None, year: Year = None, qualitative: bool = False, format: Format = "json"):
    """Targets with category and normalised value, sorted to compare."""
    G = _graph(store, plan, province)
    report = _run(lambda: service.targets(G, category=category, year=year, qualitative=qualitative))
    return _answer(report, {"plan": plan, "province": province, "category": category, "year": year}, format)


@router.get("/compare-targets")
def compare_targets(store: Annotated[GraphStore, Depends(get_store)], category: Category = None, year: Year = None,
                    province: Province = None, format: Format = "json"):
    """Comparable targets by category and year across plans and provinces, with the source sentence."""
    G = _graph(store)
    report = _run(lambda: service.targets(G, category=category, year=year, province=province))
    return _answer(report, {"category": category, "year": year, "province": province}, format)


@router.get("/trajectory")
def trajectory(store: Annotated[GraphStore, Depends(get_store)],
               province: Annotated[str, Query(description="Province name: 广东, 广东省 or Guangdong.")],
               category: Annotated[str, Query(description="Metric category, e.g. ai_core_industry_scale.")],
               format: Format = "json"):
    """One province's targets of one category across its plans, in the order the plans were issued."""
    G = _graph(store)
    report = _run(lambda: service.province_trajectory(G, province, category))
    return _answer(report, {"province": province, "category": category}, format)


@router.get("/charts/{chart}.{ext}")
def chart(chart: Literal["targets", "trajectory", "agencies"], ext: Literal["png", "svg"],
          store: Annotated[GraphStore, Depends(get_store)], plan: Plan = None, province: Province = None,
          category: Category = None, year: Year = None, seed: int | None = None):
    """A chart: ``targets`` (needs category), ``trajectory`` (province and category), ``agencies``."""
    _run(lambda: service.check_chart(chart, category=category, province=province))  # before the graph is read
    # the trajectory follows a province inside the whole graph; the others are cut to the selection
    G = _graph(store, plan, None if chart == "trajectory" else province)
    with tempfile.TemporaryDirectory(prefix="policykg-chart-") as tmp:
        path = Path(tmp) / f"{chart}.{ext}"
        _run(lambda: service.chart(G, chart, path, category=category, year=year, province=province, seed=seed))
        body = path.read_bytes()
    return Response(body, media_type=_MEDIA[ext])
