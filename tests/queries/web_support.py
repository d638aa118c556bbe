"""Helpers of the web page tests: live HTTP servers and a graph of many plans.

``live_server`` runs the real app under uvicorn on a free loopback port in a
thread; ``policykg_serve`` runs the real ``policykg serve`` command in its own
process, as a user would.
``many_plans(n)`` is a contract graph of ``n`` plans, big enough to show that
every list the page shows is paged.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.model import GraphData, Label, Node, Rel
from graph.settings import Settings
from queries.app import create_app
from tests.queries.http_server import serving

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def live_server(settings: Settings) -> Iterator[str]:
    """The app over ``settings`` in this process (uvicorn on a free loopback port, in a thread)."""
    with serving(create_app(settings)) as url:
        yield url


@contextmanager
def policykg_serve(data_dir: Path, seconds: float = 180) -> Iterator[str]:
    """A real ``policykg serve --port 0`` process over ``data_dir``; yields the URL it logs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    proc = subprocess.Popen([sys.executable, "-m", "queries.cli", "serve", "--port", "0", "--data-dir", str(data_dir)],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=ROOT, env=env)
    lines: list[str] = []
    found: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in proc.stderr:
            lines.append(line)
            match = re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", line)
            if match:
                found.append(match.group(1))
                ready.set()
        ready.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        assert ready.wait(seconds) and found, "policykg serve did not start:\n" + "".join(lines[-30:])
        yield found[0]
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


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
