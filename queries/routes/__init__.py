"""The app's routers, one module per resource; ``ROUTERS`` is what ``create_app`` includes."""

from __future__ import annotations

from fastapi import APIRouter

ROUTERS: list[APIRouter] = []
