#!/usr/bin/env python3
"""How long each page type of the web page takes to be visible, in Chromium, on a corpus of N documents.

    python -m bench.web_timing [--docs 10000] [--data DIR] [--repeat 5] [--out bench/web_timing.json]

Writes N documents with the project's generator (``bench.corpus``) and builds
them (or reuses ``--data``, a data directory already built), serves the graph
with a real ``policykg serve``, waits until its catalogue (search, browse,
charts) is read, and opens one page of every type in Debian's Chromium:

- *navigate*: from another view, the time from setting the address to the
  view being drawn (``data-ready``, and its charts drawn), as an analyst
  clicking through sees it;
- *open*: a fresh load of the page at that address (HTML, scripts, labels,
  the view's data), as a bookmark or a shared link sees it.

Medians of ``--repeat`` runs. Reported, never asserted: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.queries.web_support import policykg_serve  # noqa: E402

READY = ("() => { const m = document.getElementById('view');"
         " return m.dataset.ready === 'true' && m.dataset.route === location.hash"
         " && [...document.querySelectorAll('.chart-box')].every(b => b.dataset.drawn); }")


def build(docs: int, folder: Path) -> Path:
    corpus, data = folder / "corpus", folder / "data"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "bench.corpus", str(docs), str(corpus)], check=True, cwd=ROOT, env=env)
    subprocess.run([sys.executable, "-m", "queries.cli", "build", str(corpus), "--data-dir", str(data)],
                   check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    return data


def routes(api: httpx.Client) -> dict[str, str]:
    """One address of every page type, picked from the served graph."""
    plans = api.get("/api/browse/plans").json()
    agencies = api.get("/api/browse/agencies").json()
    sites = api.get("/api/browse/sites").json()
    provinces = [f["value"] for f in plans["facets"]["province"]]
    place_page = api.get(f"/api/place/{provinces[0]}/inside").json()["items"]
    city = next((p["id"] for p in place_page if p["label"] == "City"), provinces[0])
    measure = api.get("/api/search", params={"q": "算力", "kind": "Measure"}).json()["items"][0]["id"]
    target = api.get("/api/search", params={"q": "算力", "kind": "Target"}).json()["items"][0]["id"]
    plan = plans["items"][0]["id"]
    return {
        "home": "#/", "search (a word in 100,000 texts)": "#/search?q=%E7%AE%97%E5%8A%9B",
        "search (a rare word)": "#/search?q=%E6%8F%AD%E6%A6%9C%E6%8C%82%E5%B8%85",
        "browse plans": "#/browse/plans", "browse agencies": "#/browse/agencies",
        "browse sites of a province": f"#/browse/sites?province={provinces[0]}",
        "plan": f"#/plan/{plan}", "agency": f"#/agency/{agencies['items'][0]['id']}",
        "site (the most named)": f"#/site/{sites['items'][0]['id']}", "province": f"#/place/{provinces[0]}",
        "city": f"#/place/{city}", "measure": f"#/measure/{measure}", "target": f"#/target/{target}",
        "document": f"#/doc/{plan}", "targets table": "#/targets",
        "charts, two provinces": f"#/charts?province={provinces[0]}&compare={provinces[1]}",
        "console": "#/console",
    }


def measure(base: str, pages: dict[str, str], repeat: int) -> dict[str, dict[str, float]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                     args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.set_default_timeout(120_000)
        results: dict[str, dict[str, float]] = {}
        for name, route in pages.items():
            navigate, open_ = [], []
            for _ in range(repeat + 1):  # the first round warms the service's caches and is dropped
                tab.goto(f"{base}/#/search?q=start")
                tab.wait_for_function(READY)
                tab.evaluate("route => { window.__t = performance.now(); location.hash = route; }", route)
                tab.wait_for_function(READY)
                navigate.append(tab.evaluate("() => performance.now() - window.__t"))
                tab.goto("about:blank")
                t0 = time.perf_counter()
                tab.goto(f"{base}/{route}")
                tab.wait_for_function(READY)
                open_.append((time.perf_counter() - t0) * 1000)
            results[name] = {"navigate_ms": round(statistics.median(navigate[1:]), 1),
                             "open_ms": round(statistics.median(open_[1:]), 1)}
            print(f"{name}: {results[name]}", file=sys.stderr)
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--data", type=Path, help="a data directory already built (skips writing and building)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "web_timing.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or build(args.docs, Path(tmp))
        with policykg_serve(data, seconds=600) as base, httpx.Client(base_url=base, timeout=600) as api:
            started = time.perf_counter()
            api.get("/api/browse/plans").raise_for_status()  # waits for the catalogue
            catalogue_s = time.perf_counter() - started
            stats = api.post("/cypher", json={"query": "MATCH (p:Plan) RETURN count(p)"}).json()["rows"][0][0]
            results = measure(base, routes(api), args.repeat)
            suggest = []
            for _ in range(args.repeat + 1):
                t0 = time.perf_counter()
                api.get("/api/suggest", params={"q": "算力", "limit": 10}).raise_for_status()
                suggest.append((time.perf_counter() - t0) * 1000)
    report = {"documents": args.docs, "plans": stats, "catalogue_read_s": round(catalogue_s, 1),
              "repeat": args.repeat, "measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
              "cpus": os.cpu_count(), "load_average": os.getloadavg(), "pages": results,
              "suggest_ms": round(statistics.median(suggest[1:]), 1)}
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("| page type | navigate ms | open ms |\n|---|---:|---:|")
    for name, row in results.items():
        print(f"| {name} | {row['navigate_ms']:.0f} | {row['open_ms']:.0f} |")
    print(f"\nsuggestions (GET /api/suggest?q=算力): {report['suggest_ms']:.0f} ms; catalogue read in "
          f"{catalogue_s:.0f} s; load average {report['load_average'][0]:.1f} on {report['cpus']} cores")


if __name__ == "__main__":
    main()
