"""``/admin``: actions that change the served graph, guarded by ``api_key``.

When the setting ``api_key`` (``POLICYKG_API_KEY``) is set, an admin request
must carry it (``Authorization: Bearer <key>`` or ``X-API-Key: <key>``), else
401. When it is not set, admin actions are taken only from the loopback
interface, so a service bound to a public address without a key cannot be
rebuilt by anyone who reaches it; and a web page of another origin that the
user's browser opens cannot rebuild either, since ``queries.browser`` refuses
every POST whose ``Origin`` is not the service's own (and every request whose
``Host`` is not one of its names).
"""

from __future__ import annotations

import ipaddress
import secrets
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

from graph.errors import PolicyKGError
from graph.settings import Settings, default_inputs
from graph.store import GraphStore
from queries.deps import get_settings, get_store

router = APIRouter(prefix="/admin", tags=["admin"])
_rebuilding = threading.Lock()


class AdminError(PolicyKGError):
    def __init__(self, message: str, status: int, code: str, setting: str | None = "api_key"):
        super().__init__(message)
        self.status, self.code, self.setting = status, code, setting


def require_admin(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> None:
    key = settings.api_key
    if not key:
        host = request.client.host if request.client else ""
        try:
            local = ipaddress.ip_address(host).is_loopback
        except ValueError:
            local = host == "localhost"
        if not local:
            raise AdminError("admin actions from other machines need an API key: set api_key "
                             "(POLICYKG_API_KEY) and send it as Authorization: Bearer <key>", 403, "forbidden")
        return
    given = request.headers.get("x-api-key")
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given or not secrets.compare_digest(given.encode(), key.encode()):
        raise AdminError("this admin action needs the API key (the setting api_key): send "
                         "Authorization: Bearer <key> or X-API-Key: <key>", 401, "unauthorized")


@router.post("/rebuild", dependencies=[Depends(require_admin)])
async def rebuild(request: Request, store: Annotated[GraphStore, Depends(get_store)],
                  settings: Annotated[Settings, Depends(get_settings)]) -> dict[str, Any]:
    """Build the graph again from the service's input documents (by default the seeds).

    Only new and changed documents are read again; the new graph replaces the old
    one at once, so queries keep being answered meanwhile. 409 while a rebuild runs.
    """
    from loaders.build import build

    if not _rebuilding.acquire(blocking=False):
        raise AdminError("a rebuild is already running", 409, "conflict", None)
    try:
        inputs = request.app.state.inputs or default_inputs()
        report = await run_in_threadpool(build, inputs, settings, store=store)
    finally:
        _rebuilding.release()
    return {"ok": report.ok, "summary": report.summary(), "added": report.added, "changed": report.changed,
            "unchanged": report.unchanged, "removed": report.removed,
            "failed": [{"source": s, "reason": r} for s, r in report.failed], "counts": report.counts}
