"""Scores for what ``score.py`` does not score yet: organizations and incentives.

Same conventions as ``score.py`` (which it imports from beside itself): a
found item is a node whose ``source``/``sources`` name the document; an
organization matches a gold one by name or alias, its own or the gold's
(``same_name``, as sites match the gold's name or printed forms); an
incentive matches when its text is the gold one's passage (``overlap`` of at
least 0.6) and its rate, cap and years are the gold values (both null counts
as equal). A category counts in the overall figure like in ``score.py``.

    python tests/gold/score_more.py EXPORT.json GOLD_DIR [-v]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path


def _score_module():
    spec = importlib.util.spec_from_file_location("gold_score", Path(__file__).with_name("score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score = _score_module()


def _of_source(graph, label: str, source: str) -> list[dict]:
    out = []
    for node_id in graph.labelled(label):
        props = graph.props(node_id)
        if source in score.as_list(props.get("source")) + score.as_list(props.get("sources")):
            out.append(props)
    return out


def _same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return score.number(a) == score.number(b)


def _same_incentive(found: dict, gold: dict) -> bool:
    return (score.overlap(found.get("text") or "", gold.get("text") or "") >= 0.6
            and all(_same_number(found.get(k), gold.get(k)) for k in ("rate", "cap", "years")))


def score_document(graph, gold: dict, tally) -> None:
    source = gold["source"]
    found = _of_source(graph, "Organization", source)
    golds = score.as_list(gold.get("organizations"))
    fm, gm, missed, extra = score.match_sets(found, golds, lambda f, g: score.same_name(
        f, [g["name"], *score.as_list(g.get("aliases")), *score.as_list(g.get("as_written"))]))
    tally.add("organizations", fm, len(found), gm, len(golds))
    tally.misses["organizations"] += [f"{source}: {g['name']}" for g in missed]
    tally.extras["organizations"] += [f"{source}: {f.get('name')}" for f in extra]

    found = _of_source(graph, "Incentive", source)
    golds = score.as_list(gold.get("incentives"))
    fm, gm, missed, extra = score.match_sets(found, golds, _same_incentive)
    tally.add("incentives", fm, len(found), gm, len(golds))
    tally.misses["incentives"] += [f"{source}: {g.get('rate')}% cap {g.get('cap')} {g.get('years')}y "
                                   f"{(g.get('text') or '')[:40]}" for g in missed]
    tally.extras["incentives"] += [f"{source}: {f.get('rate')}% cap {f.get('cap')} {f.get('years')}y "
                                   f"{(f.get('text') or '')[:40]}" for f in extra]


def scores(export: dict, gold_dir: Path):
    graph = score.Graph(export)
    tally = score.Tally()
    for path in sorted(Path(gold_dir).glob("*.json")):
        score_document(graph, json.loads(path.read_text(encoding="utf-8")), tally)
    return tally


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export")
    parser.add_argument("gold_dir")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    tally = scores(json.loads(Path(args.export).read_text(encoding="utf-8")), Path(args.gold_dir))
    for cat, p, r, f, ft, gt in tally.rows():
        print(f"{cat:<14}{p:7.3f}{r:7.3f}{f:7.3f}{ft:7d}{gt:6d}")
    if args.verbose:
        for cat in tally.counts:
            for line in tally.misses.get(cat, []):
                print(f"  miss  {cat}: {line}")
            for line in tally.extras.get(cat, []):
                print(f"  extra {cat}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
