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


def test_graph_imports_nothing_from_loaders_or_queries():
    """The layers run one way: loaders (extraction) and queries (CLI, service) use graph, never
    the reverse. ``graph.analysis`` used to reach back into ``loaders`` to normalise targets
    and name categories while reading a graph; the build now writes all of that into the graph."""
    import ast

    reaching_back = []
    for path in sorted((ROOT / "graph").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            reaching_back += [f"{path.relative_to(ROOT)}:{node.lineno} {name}" for name in names
                              if name.split(".")[0] in ("loaders", "queries")]
    assert not reaching_back, reaching_back
