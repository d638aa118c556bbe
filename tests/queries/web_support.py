"""Helpers of the web page tests: a live HTTP server and a graph of many plans.

``live_server`` runs the real app under uvicorn on a free loopback port in a
thread (the socket is bound first, so there is no race for the port).
``many_plans(n)`` is a contract graph of ``n`` plans, big enough to show that
every list the page shows is paged.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from graph.model import GraphData, Label, Node, Rel
from graph.settings import Settings
from queries.app import create_app


@contextmanager
def live_server(settings: Settings) -> Iterator[str]:
    """The app over ``settings`` at ``http://127.0.0.1:<free port>``, stopped on exit."""
    app = create_app(settings)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        if not thread.is_alive():
            raise RuntimeError("the HTTP server stopped while starting")
        time.sleep(0.02)
    assert server.started, "the HTTP server did not start within 30 s"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()


PROVINCES = [("浙江省", "浙江", "Zhejiang Province"), ("广东省", "广东", "Guangdong Province"),
             ("江苏省", "江苏", "Jiangsu Province")]


def many_plans(n: int) -> GraphData:
    """``n`` plans spread over three provinces; each has two measures owned by shared agencies,
    one dated target, and names one shared site, so lists grow with ``n``."""
    g = GraphData()
    provinces = []
    for name, short, name_en in PROVINCES:
        pid = f"province-{short}"
        g.add_node(Node(pid, Label.PROVINCE, {"name": name, "short": short, "name_en": name_en, "source": "x"}))
        provinces.append((pid, name))
    agencies = []
    for i in range(20):
        aid = f"agency-{i:02d}"
        g.add_node(Node(aid, Label.AGENCY, {"name": f"测试机构{i:02d}", "aliases": [], "kind": "government",
                                             "jurisdiction": provinces[i % 3][1], "source": "x"}))
        agencies.append(aid)
    site = "site-big"
    g.add_node(Node(site, Label.SITE, {"name": "大载体", "aliases": [], "kind": "zone", "name_en": "Big Site",
                                      "source": "x"}))
    for i in range(n):
        plan = f"plan-{i:05d}"
        source = f"{i:05d}.txt"
        g.add_node(Node(plan, Label.PLAN, {"title": f"测试行动计划第{i:05d}号", "kind": "行动计划",
                                          "cited_only": False, "source": source}))
        g.link(Rel.COVERS, plan, provinces[i % 3][0], source=source, evidence="测试")
        for j in (1, 2):
            measure = f"{plan}-m{j:03d}"
            g.add_node(Node(measure, Label.MEASURE, {"number": f"（{j}）", "ordinal": j, "level": 1,
                                                    "title": f"测试举措{i:05d}-{j}", "text": "测试举措。",
                                                    "section": "重点任务", "source": source}))
            g.link(Rel.HAS_MEASURE, plan, measure, source=source, evidence="测试举措")
            for rank, agency in enumerate((agencies[(i + j) % 20], agencies[(i + j + 1) % 20]), start=1):
                g.link(Rel.RESPONSIBLE_FOR, agency, measure, source=source, evidence="（责任单位：测试）",
                       role="lead" if rank == 1 else "support", rank=1 if rank == 1 else rank - 1)
            g.link(Rel.AT_SITE, measure, site, source=source, evidence="大载体")
        target = f"{plan}-t001"
        g.add_node(Node(target, Label.TARGET, {"year": 2025 + i % 6, "metric": "测试指标", "value": i, "unit": "个",
                                              "comparator": ">=", "qualitative": False, "text": "测试目标",
                                              "source": source}))
        g.link(Rel.SETS_TARGET, plan, target, source=source, evidence="测试目标")
    return g
