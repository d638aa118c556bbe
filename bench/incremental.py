#!/usr/bin/env python3
"""Incremental build against a full rebuild on a 1,000-document corpus.

    python bench/incremental.py [--documents 1000] [--touch 10]

The corpus varies the five seed texts (each copy gets its own title, so its
own plan and measures, while agencies, sites and regions are shared across
copies). Then ``--touch`` documents are added, as many changed and as many
removed, and the incremental ``build --prune`` on the existing data directory
is timed against a fresh build of the resulting folder in a new data
directory, measured in the same run. Both must export the same graph.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.settings import Settings  # noqa: E402
from graph.store import open_store  # noqa: E402
from loaders.build import build  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PROVINCES = ["浙江", "广东", "江苏", "山东", "河南", "四川", "湖北", "湖南", "河北", "福建", "安徽",
             "江西", "辽宁", "陕西", "山西", "云南", "贵州", "广西", "吉林", "黑龙江", "甘肃", "海南",
             "青海", "宁夏", "新疆", "西藏", "内蒙古", "北京", "天津", "上海", "重庆"]


def variant(number: int) -> tuple[str, str]:
    """Document ``number`` of the corpus: a seed moved to another province and period.

    The province name (浙江, 广东) and the years change, so titles, plans and
    the agencies resolved through the jurisdiction differ between copies
    (5 seeds x 31 provinces x 3 periods = 465 distinct plans; the rest of the
    1,000 files repeat one of them under another file name, as reposts do).
    """
    seed = SEEDS[number % len(SEEDS)]
    text = seed.read_text(encoding="utf-8")
    province = PROVINCES[(number // len(SEEDS)) % len(PROVINCES)]
    shift = (number // (len(SEEDS) * len(PROVINCES))) % 3
    text = text.replace("浙江", province).replace("广东", province)
    if shift:
        text = re.sub(r"20(2[2-9]|30)", lambda m: str(2000 + int(m.group(1)) + shift), text)
    return f"{number:04d}_{seed.stem}.txt", text


def export(settings: Settings) -> str:
    store = open_store(settings)
    try:
        return json.dumps(store.export().to_json(), ensure_ascii=False, sort_keys=True)
    finally:
        store.close()


def timed(label: str, folder: Path, data_dir: Path, prune: bool = False):
    settings = Settings(data_dir=data_dir)
    started = time.perf_counter()
    report = build([folder], settings, prune=prune)
    seconds = time.perf_counter() - started
    print(f"{label}: {seconds:.1f} s  ({report.summary().splitlines()[0]}; "
          f"{report.counts.get('nodes', {}).get('Plan', 0)} plans)", flush=True)
    return seconds, report, settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--touch", type=int, default=10, help="documents added, changed and removed (each)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="policykg-bench-"))
    try:
        folder = work / "corpus"
        folder.mkdir()
        for number in range(args.documents):
            name, text = variant(number)
            (folder / name).write_text(text, encoding="utf-8")
        first, _, _ = timed("first full build", folder, work / "data")
        files = sorted(folder.iterdir())
        rng = random.Random(0)
        picked = rng.sample(files, 2 * args.touch)
        for path in picked[: args.touch]:
            path.write_text(path.read_text(encoding="utf-8") + "\n本文件自印发之日起施行。\n", encoding="utf-8")
        for path in picked[args.touch:]:
            path.unlink()
        for number in range(args.documents, args.documents + args.touch):
            name, text = variant(number)
            (folder / name).write_text(text, encoding="utf-8")
        incremental, report, settings = timed("incremental build --prune", folder, work / "data", prune=True)
        assert len(report.added) == args.touch and len(report.changed) == args.touch, report.summary()
        assert len(report.removed) == args.touch, report.summary()
        full, _, fresh_settings = timed("full rebuild of the same folder", folder, work / "fresh")
        same = export(settings) == export(fresh_settings)
        print(f"documents {args.documents}, touched {3 * args.touch} (+{args.touch} ~{args.touch} "
              f"-{args.touch}); first build {first:.1f} s; incremental {incremental:.1f} s; "
              f"full rebuild {full:.1f} s; incremental/full = {incremental / full:.3f}; "
              f"same export: {same}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
