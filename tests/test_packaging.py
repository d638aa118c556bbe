"""The package ships only our three packages, and the generic names resolve to ours."""

from pathlib import Path

import graph
import loaders
import queries

ROOT = Path(__file__).resolve().parent.parent


def test_generic_package_names_are_ours():
    for module in (graph, loaders, queries):
        assert Path(module.__file__).resolve().parent.parent == ROOT, module.__file__


def test_seeds_are_data_not_a_package():
    assert not (ROOT / "seeds" / "__init__.py").exists()
    assert len(list((ROOT / "seeds").glob("*.txt"))) == 5
