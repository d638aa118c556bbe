"""``PlainRoute`` refuses endpoints whose signature asks for what it does not prepare."""

from __future__ import annotations

from typing import Annotated

import pytest
from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from queries.routes.plain import PlainRoute


async def dependency(request: Request) -> int:
    return 1


class Body(BaseModel):
    x: int


async def with_dependency(request: Request, n: Annotated[int, Depends(dependency)]): ...
async def with_query(request: Request, q: str): ...
async def with_body(request: Request, body: Body): ...
async def with_int_path(request: Request, n: int): ...
async def without_request(name: str): ...
def not_async(request: Request, name: str): ...


@pytest.mark.parametrize(("endpoint", "named"), [
    (with_dependency, "n"), (with_query, "q"), (with_body, "body"), (with_int_path, "n"),
    (without_request, "Request"), (not_async, "async"),
])
def test_what_a_plain_route_would_drop_is_refused(endpoint, named):
    router = APIRouter(route_class=PlainRoute)
    path = "/things/{n}" if endpoint is with_int_path else "/things/{name}"
    method = router.post if endpoint is with_body else router.get
    with pytest.raises(TypeError, match=named):
        method(path)(endpoint)


def test_a_plain_route_takes_the_request_and_string_path_parameters():
    router = APIRouter(route_class=PlainRoute)

    @router.get("/things/{name}")
    async def fine(request: Request, name: str): ...

    assert isinstance(router.routes[0], PlainRoute)
