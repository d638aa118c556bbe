#!/usr/bin/env python3
"""How the web page's endpoints grow from the seed graph to a graph of many plans.

    python bench/web_pages.py [--plans 10000] [--repeat 5]

Builds the seed graph and a synthetic graph of ``--plans`` plans (two
measures, two owners, one target each; one site named by every measure;
``tests/queries/web_support.many_plans``), serves each with the real app on a
free loopback port, and times every endpoint the page calls when a view opens
(median of ``--repeat``). Reported as the ratio of the big graph to the seed
graph measured in the same run, with the answer sizes, which paging keeps
flat.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.settings import Settings  # noqa: E402
from graph.store.falkor import FalkorStore  # noqa: E402
from loaders.build import build  # noqa: E402
from tests.queries.web_support import live_server, many_plans  # noqa: E402

#: view -> (seed path, big-graph path): the same kind of request on each graph
VIEWS = {
    "home: plans, page 1": ("/api/plans", "/api/plans"),
    "home: plans, a late page": ("/api/plans?page=2", "/api/plans?page=400"),
    "search suggestions": ("/api/suggest?q=松山湖", "/api/suggest?q=大载体"),
    "search, a common word": ("/api/suggest?q=人工智能", "/api/suggest?q=测试"),
    "plan page": ("/api/plan/{seed_plan}", "/api/plan/plan-04242"),
    "agency page": ("/api/agency/{seed_agency}", "/api/agency/agency-03"),
    "site page": ("/api/site/{seed_site}", "/api/site/site-big"),
    "site trace graph": ("/api/site/{seed_site}/graph", "/api/site/site-big/graph"),
    "province page": ("/api/place/{seed_province}", "/api/place/province-浙江"),
    "targets table, unfiltered": ("/api/targets", "/api/targets"),
    "targets table, one province": ("/api/targets?province=浙江", "/api/targets?province=浙江"),
    "targets facets": ("/api/targets/facets", "/api/targets/facets"),
}


def timed(base: str, path: str, repeat: int) -> tuple[float, int]:
    times, size = [], 0
    with httpx.Client(base_url=base, timeout=120) as client:
        client.get(path).raise_for_status()  # warm up
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - started)
            response.raise_for_status()
            size = len(response.content)
    return statistics.median(times) * 1000, size


def seed_ids(base: str) -> dict[str, str]:
    def pick(q: str, label: str) -> str:
        items = httpx.get(f"{base}/api/suggest", params={"q": q}).json()["items"]
        return next(i["id"] for i in items if i["label"] == label)

    return {"seed_plan": pick("浙江省加快推动", "Plan"), "seed_agency": pick("浙江省科学技术厅", "Agency"),
            "seed_site": pick("松山湖", "Site"), "seed_province": pick("浙江", "Province")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seed = Settings(data_dir=Path(tmp) / "seed")
        build([ROOT / "seeds"], seed)
        big = Settings(data_dir=Path(tmp) / "big")
        store = FalkorStore(big)
        store.replace_graph(many_plans(args.plans))
        counts = []
        with live_server(seed) as seed_url, live_server(big) as big_url:
            ids = seed_ids(seed_url)
            for view, (seed_path, big_path) in VIEWS.items():
                seed_ms, seed_size = timed(seed_url, seed_path.format(**ids), args.repeat)
                big_ms, big_size = timed(big_url, big_path, args.repeat)
                counts.append((view, seed_ms, big_ms, seed_size, big_size))
        store.close()
    print(f"| view | seed graph ms | {args.plans:,} plans ms | ratio | answer bytes (seed → big) |")
    print("|---|---:|---:|---:|---:|")
    for view, seed_ms, big_ms, seed_size, big_size in counts:
        print(f"| {view} | {seed_ms:.1f} | {big_ms:.1f} | {big_ms / seed_ms:.1f}× | {seed_size:,} → {big_size:,} |")


if __name__ == "__main__":
    main()
