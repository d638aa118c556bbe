"""The app's routers, one module per resource; ``ROUTERS`` is what ``create_app`` includes."""

from __future__ import annotations

from fastapi import APIRouter

ROUTERS: list[APIRouter] = []

from queries.routes import analysis as _analysis  # noqa: E402

ROUTERS.append(_analysis.router)

from queries.routes import admin as _admin  # noqa: E402
from queries.routes import cypher as _cypher  # noqa: E402
from queries.routes import health as _health  # noqa: E402
from queries.routes import named_queries as _named_queries  # noqa: E402

ROUTERS += [_cypher.router, _named_queries.router, _health.router, _admin.router]

from queries.routes import rdf as _rdf  # noqa: E402

ROUTERS.append(_rdf.router)

from queries.routes import web as _web  # noqa: E402

ROUTERS += [_web.router, _web.api]
