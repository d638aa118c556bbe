"""Pages of rows: every list the web page shows is one of these, never a whole result.

A page is ``{"items", "page", "page_size", "total"}``; ``page`` is 1-based and
``page_size`` is clamped to ``MAX_PAGE_SIZE``, so no request can ask a graph of
10,000 plans for all of its measures at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.store import GraphStore

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class PageRequest:
    """Which page is wanted; sizes outside 1..MAX_PAGE_SIZE are clamped.

    >>> PageRequest(page=3, page_size=500).skip, PageRequest(page=3, page_size=500).limit
    (200, 100)
    """

    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    @property
    def limit(self) -> int:
        return max(1, min(self.page_size, MAX_PAGE_SIZE))

    @property
    def skip(self) -> int:
        return (max(1, self.page) - 1) * self.limit


def records(store: GraphStore, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return store.read(query, params).records()


def scalar(store: GraphStore, query: str, params: dict[str, Any]) -> Any:
    rows = store.read(query, params).rows
    return rows[0][0] if rows else None


def paged(store: GraphStore, query: str, count_query: str, params: dict[str, Any],
          page: PageRequest) -> dict[str, Any]:
    """One page of ``query``'s rows with the total from ``count_query``."""
    items = records(store, query, {**params, "skip": page.skip, "limit": page.limit})
    total = scalar(store, count_query, params) or 0
    return {"items": items, "page": max(1, page.page), "page_size": page.limit, "total": total}
