"""Where extraction spends its time: cProfile over a sample of the corpus, as JSON.

    python -m bench.profile_build CORPUS_DIR OUT.json [--docs 150]

Gives the stages as ``loaders.extract.extract`` calls them (cumulative time
of each direct callee, and one level further down for the large ones), the
functions with the most time of their own, and jieba's share of the whole.
cProfile slows pure-Python code unevenly, so shares are what to read here;
the unprofiled ratios are in the throughput figures.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _name(func: tuple[str, int, str]) -> str:
    file, line, name = func
    path = Path(file)
    try:
        shown = str(path.resolve().relative_to(ROOT))
    except ValueError:
        parts = path.parts
        shown = "/".join(parts[parts.index("site-packages") + 1:]) if "site-packages" in parts else file
    return f"{shown}:{line}({name})" if line else name


def profile(corpus: Path, docs: int) -> dict:
    from loaders.extract import extract
    from loaders.read import read_document
    from loaders.segment import tokenize

    files = sorted(p for p in corpus.iterdir() if p.suffix == ".txt")
    files = files[:: max(1, len(files) // docs)][:docs]
    raws = [read_document(p) for p in files]
    tokenize("预热")
    extract(raws[0])
    profiler = cProfile.Profile()
    profiler.enable()
    for raw in raws:
        extract(raw)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.calc_callees()
    total = stats.total_tt
    entry = next(f for f in stats.stats if f[2] == "extract" and f[0].endswith("loaders/extract.py"))
    stages = []
    for callee, (_cc, _nc, _tt, ct) in sorted(stats.all_callees[entry].items(), key=lambda kv: -kv[1][3]):
        if ct / total < 0.01:
            continue
        below = []
        if ct / total >= 0.05:
            for sub, (_c2, _n2, _t2, ct2) in sorted(stats.all_callees.get(callee, {}).items(),
                                                    key=lambda kv: -kv[1][3]):
                if ct2 / total >= 0.01:
                    below.append({"function": _name(sub), "share": ct2 / total})
        stages.append({"function": _name(callee), "share": ct / total, "below": below[:6]})
    own = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:15]
    top = [{"function": _name(func), "calls": nc, "own_share": tt / total, "cumulative_share": ct / total}
           for func, (_cc, nc, tt, ct, _callers) in own]
    jieba_own = sum(v[2] for f, v in stats.stats.items() if "/jieba/" in f[0])
    return {"docs": len(raws), "chars": sum(len(r.text) for r in raws), "profiled_seconds": total,
            "stages": stages, "top_own_time": top, "jieba_share": jieba_own / total}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=150)
    args = parser.parse_args(argv)
    args.out.write_text(json.dumps(profile(args.corpus, args.docs), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
