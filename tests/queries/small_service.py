"""``small_graph()`` in a fresh embedded store, served over real HTTP: shared by the HTTP tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.store.falkor import FalkorStore
from queries.app import create_app
from tests.conftest import settings_for
from tests.fixture_graph import small_graph
from tests.queries.http_server import serving


@contextmanager
def small_service(data_dir: Path, **settings) -> Iterator[tuple[str, FalkorStore]]:
    """(base URL, store) of a service over ``small_graph()``; the store stays usable for checks."""
    settings = settings_for(data_dir, **settings)
    store = FalkorStore(settings)
    store.replace_graph(small_graph())
    app = create_app(settings, store=store)
    try:
        with serving(app) as url:
            yield url, store
    finally:
        store.close()
