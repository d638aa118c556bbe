"""The app's routers, one module per resource; ``ROUTERS`` is what ``create_app`` adds, in this order.

The query endpoints come first: a request is matched against the routes in
order, and theirs are the requests that count.
"""

from __future__ import annotations

from fastapi import APIRouter

from queries.routes import admin, analysis, cypher, health, named_queries, rdf, web

ROUTERS: list[APIRouter] = [
    cypher.router, named_queries.runner, named_queries.router, health.router, admin.router,
    analysis.router, rdf.router, web.router, web.api,
]
