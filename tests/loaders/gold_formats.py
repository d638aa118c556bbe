"""The gold scorer (``tests/gold/score.py``) run on the seeds saved in other formats.

``scores()`` runs the shared scorer on an in-memory graph for documents whose
file names differ from the gold's (the same seed saved as .html, .pdf,
.docx), and ``traditional()`` gives the gold of a Traditional-script copy.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "gold"


@cache
def _scorer():
    spec = importlib.util.spec_from_file_location("gold_score", GOLD / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_for(seed_stem: str) -> dict:
    return json.loads((GOLD / "seeds" / f"{seed_stem}.json").read_text(encoding="utf-8"))


def scores(export: dict, sources: dict[str, str], script: str = "simplified") -> dict[str, float]:
    """Category -> F1 for the documents ``sources`` maps (seed stem -> file name in the export).

    ``script="traditional"`` scores a Traditional-script copy against the gold's surface forms in that script.
    """
    scorer = _scorer()
    graph = scorer.Graph(export)
    tally = scorer.Tally()
    for stem, source in sources.items():
        gold = gold_for(stem)
        if script == "traditional":
            gold = traditional(gold)
        gold["source"] = source
        scorer.score_document(graph, gold, tally)
    return {cat: f for cat, _p, _r, f, _ft, _gt in tally.rows()}


#: gold fields that keep the document's own script (the rest are canonical, Simplified names)
SURFACE = {"plan": ("title", "doc_number", "title_variants", "notice_title"),
           "measures": ("number", "title", "text", "section", "title_variants"),
           "targets": ("metric", "text"),
           "sites": ("as_written",),
           "responsible": ("as_written", "evidence"),
           "coordinates": ("as_written",)}


def traditional(gold: dict) -> dict:
    """The gold of a Traditional-script copy made with OpenCC s2t: surface fields converted, names kept."""
    import opencc

    convert = opencc.OpenCC("s2t").convert

    def conv(value):
        if isinstance(value, str):
            return convert(value)
        if isinstance(value, list):
            return [conv(v) for v in value]
        return value

    out = json.loads(json.dumps(gold))
    for section, fields in SURFACE.items():
        items = [out[section]] if isinstance(out.get(section), dict) else out.get(section, [])
        for item in items:
            for name in fields:
                if item.get(name) is not None:
                    item[name] = conv(item[name])
    return out
