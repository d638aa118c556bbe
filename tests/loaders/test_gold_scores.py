"""Extraction quality, measured with the project's scorer against the gold annotations.

The seeds, the 22 development documents and the held-out pages are built into one
graph on the real embedded store, exported as JSON and scored category by category; the real
set and the open corpus batches are extracted in-process (the same extraction, no store) and
scored the same way. The floors are the acceptance bar of the extraction issue (seeds 0.97,
dev set 0.93, regions 0.95, the corpus 0.90) and a guard against regressions.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from graph.export_json import export_json
from loaders.build import build
from tests.conftest import ROOT, settings_for

GOLD = ROOT / "tests" / "gold"
#: the bar of the extraction issue: seeds 0.97 overall and every category 0.90
SEED_FLOORS = {"overall": 0.97, "measures": 0.90, "responsible": 0.95, "targets": 0.90, "sites": 0.90,
               "site_links": 0.90, "plan": 0.90, "agency_names": 0.90, "regions": 0.95, "issued_by": 0.90,
               "coordinates": 0.90, "nesting": 0.90, "roles": 0.90}
DEVSET_FLOORS = {"overall": 0.93, "plan": 0.90, "measures": 0.85, "responsible": 0.90, "targets": 0.85,
                 "agency_names": 0.90, "issued_by": 0.90, "regions": 0.95}
#: invented pages in the published layouts, annotated without reading the rules (tests/gold/README.md)
HELDOUT_FLOORS = {"overall": 0.88, "plan": 0.90, "measures": 0.90, "responsible": 0.85, "targets": 0.90,
                  "agency_names": 0.80, "coordinates": 0.80}


def _scorer(file: str = "score.py"):
    spec = importlib.util.spec_from_file_location(file.removesuffix(".py"), GOLD / file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("gold-build")
    settings = settings_for(data / "data")
    report = build([ROOT / "seeds", GOLD / "devset" / "docs", GOLD / "heldout" / "docs"], settings)
    assert report.ok, report.summary()
    path = data / "export.json"
    path.write_text(export_json(settings), encoding="utf-8")
    return path


def scores(export: Path, gold_dir: Path) -> dict[str, float]:
    score = _scorer()
    graph = score.Graph(json.loads(export.read_text(encoding="utf-8")))
    tally = score.Tally()
    for path in sorted(gold_dir.glob("*.json")):
        score.score_document(graph, json.loads(path.read_text(encoding="utf-8")), tally)
    rows = {cat: f1 for cat, _p, _r, f1, _found, gold in tally.rows() if gold}
    rows["overall"] = sum(rows.values()) / len(rows)
    return rows


@pytest.mark.parametrize("gold_dir, floors", [(GOLD / "seeds", SEED_FLOORS),
                                              (GOLD / "devset" / "gold", DEVSET_FLOORS),
                                              (GOLD / "heldout" / "gold", HELDOUT_FLOORS)],
                         ids=["seeds", "devset", "heldout"])
def test_scores_stay_above_their_floors(export, gold_dir, floors):
    got = scores(export, gold_dir)
    low = {cat: round(got.get(cat, 0.0), 3) for cat, floor in floors.items() if got.get(cat, 0.0) < floor}
    assert not low, f"below the floor: {low} (all scores: { {k: round(v, 3) for k, v in got.items()} })"


#: real published pages: the 41 of the real set, and the corpus batches open for development scored as one
#: (batches after them are held back and scored at first sight, corpus/README.md). Organizations and
#: incentives are scored by score_more.py. On batches 01-09, targets were 0.83 and incentives 0.76 before
#: the second round of rules; sites 0.84, site links 0.70 and organizations 0.71 before the third. Batches
#: 13-22 were opened after their first sight (0.664, 0.600, 0.861, 0.843, 0.907, 0.818, 0.741, 0.852,
#: 0.866, 0.843); a batch collected later is held back until it has been scored.
REAL_SETS = {
    "realset": ([GOLD / "realset" / "docs"], [GOLD / "realset" / "gold"],
                {"overall": 0.95, "regions": 0.95, "plan": 0.90, "responsible": 0.90, "targets": 0.90}),
    "corpus": ([ROOT / "corpus" / f"batch-{n:02d}" / "docs" for n in range(1, 23)],
               [ROOT / "corpus" / f"batch-{n:02d}" / "gold" for n in range(1, 23)],
               {"overall": 0.95, "regions": 0.95, "plan": 0.96, "targets": 0.94, "agency_names": 0.96,
                "measures": 0.94, "issued_by": 0.96, "responsible": 0.95, "sites": 0.90, "site_links": 0.84,
                "organizations": 0.91, "incentives": 0.93}),
}


@pytest.mark.parametrize("name", REAL_SETS)
def test_real_pages_stay_above_their_floors(name):
    docs, golds, floors = REAL_SETS[name]
    spec = importlib.util.spec_from_file_location("score_sets", ROOT / "tools" / "score_sets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    score, more = _scorer(), _scorer("score_more.py")
    graph, tally, extra = score.Graph(module.export_of(docs)), score.Tally(), score.Tally()
    for path in sorted(p for folder in golds for p in folder.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        score.score_document(graph, gold, tally)
        more.score_document(graph, gold, extra)
    got = {cat: f1 for cat, _p, _r, f1, _found, gold in tally.rows() if gold >= 5}
    got["overall"] = sum(got.values()) / len(got)  # score.py's overall: its own categories only
    got |= {cat: f1 for cat, _p, _r, f1, _found, gold in extra.rows() if gold >= 5}
    low = {cat: round(got.get(cat, 0.0), 3) for cat, floor in floors.items() if got.get(cat, 0.0) < floor}
    assert not low, f"below the floor: {low} (all scores: { {k: round(v, 3) for k, v in got.items()} })"
