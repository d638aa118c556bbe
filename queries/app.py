"""The HTTP service: ``create_app(settings)`` builds the FastAPI app.

One router per resource lives in ``queries/routes/``; each is included here.
"""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI

from graph.settings import Settings


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store = getattr(app.state, "store", None)
        if store is not None:
            store.close()
            app.state.store = None

    app = FastAPI(title="policykg", lifespan=lifespan)
    app.state.settings = settings
    app.state.store = None

    from queries.routes import ROUTERS

    for router in ROUTERS:
        app.include_router(router)
    return app
