"""Score the extractor on the gold sets without a database: extract, merge, score.

    python tools/score_sets.py                      # seeds, devset, realset, heldout, corpus
    python tools/score_sets.py realset -v           # every miss and extra of one set
    python tools/score_sets.py corpus/batch-03 -v   # one batch of the real corpus
    python tools/score_sets.py corpus --together    # every batch of the corpus as one set

The figures are those of ``tests/gold/score.py`` on an export of the graph built
from the set's documents (each set is built on its own, as the CLI would build
that folder); the extraction runs in-process, so a full round takes seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.model import merge_documents  # noqa: E402
from loaders.build import extract_file  # noqa: E402
from loaders.read import collect_paths  # noqa: E402

GOLD = ROOT / "tests" / "gold"
SETS = {
    "seeds": ([ROOT / "seeds"], GOLD / "seeds"),
    "devset": ([GOLD / "devset" / "docs"], GOLD / "devset" / "gold"),
    "realset": ([GOLD / "realset" / "docs"], GOLD / "realset" / "gold"),
    "heldout": ([GOLD / "heldout" / "docs"], GOLD / "heldout" / "gold"),
}


def scorer():
    spec = importlib.util.spec_from_file_location("gold_score", GOLD / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def more():
    spec = importlib.util.spec_from_file_location("gold_score_more", GOLD / "score_more.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def export_of(folders: list[Path]) -> dict:
    files, _missing = collect_paths(folders)
    parts = []
    for path in files:
        try:
            parts.append(extract_file(path))
        except Exception as exc:  # reported, the others still count
            print(f"  FAILED {path.name}: {exc}", file=sys.stderr)
    graph = merge_documents(sorted(parts, key=lambda g: min((n.properties.get("source", "")
                                                              for n in g.nodes.values()), default="")))
    return {"nodes": [n.to_json() for n in graph.sorted_nodes()],
            "relationships": [r.to_json() for r in graph.sorted_relationships()]}


def resolve(name: str) -> tuple[list[Path], Path]:
    if name in SETS:
        return SETS[name]
    path = (ROOT / name) if not Path(name).is_absolute() else Path(name)
    return [path / "docs"], path / "gold"


def score(names: list[str], verbose: bool, only: str | None) -> str:
    """Score the documents of ``names`` (one set, or several scored as one) against their gold."""
    docs, golds = [], []
    for name in names:
        d, g = resolve(name)
        docs += d
        golds.append(g)
    gold = Path(tempfile.mkdtemp(prefix="gold-"))
    for folder in golds:
        for path in folder.glob("*.json"):
            (gold / path.name).symlink_to(path.resolve())
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as handle:
        json.dump(export_of(docs), handle, ensure_ascii=False)
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            scorer().main([handle.name, str(gold), *(["-v"] if verbose else [])])
            print("-- organizations and incentives (tests/gold/score_more.py)")
            more().main([handle.name, str(gold), *(["-v"] if verbose else [])])
    finally:
        Path(handle.name).unlink()
        for path in gold.iterdir():
            path.unlink()
        gold.rmdir()
    text = out.getvalue()
    if only:
        text = "\n".join(line for line in text.splitlines() if not line.startswith("  ") or f" {only}:" in line)
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*",
                        help="seeds, devset, realset, heldout, corpus, or a folder with docs/ and gold/")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra")
    parser.add_argument("--only", help="with -v: the misses of one category (regions, targets…)")
    parser.add_argument("--together", action="store_true", help="score the sets named as one set")
    args = parser.parse_args()
    names = args.sets or ["seeds", "devset", "realset", "heldout", "corpus"]
    expanded = []
    for name in names:
        if name == "corpus":
            expanded += [str(p.relative_to(ROOT)) for p in sorted((ROOT / "corpus").glob("batch-*"))
                         if any((p / "gold").glob("*.json"))]
        else:
            expanded.append(name)
    if args.together:
        print(f"== {' + '.join(expanded)}")
        print(score(expanded, args.verbose, args.only))
        return
    for name in expanded:
        print(f"== {name}")
        print(score([name], args.verbose, args.only))


if __name__ == "__main__":
    main()
