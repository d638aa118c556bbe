"""The import rules docs/architecture.md states hold: graph/ imports nothing from loaders/ or queries/,
loaders/ nothing from queries/. Imports inside functions count too: a lazy import is still a dependency."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

FORBIDDEN = {"graph": {"loaders", "queries"}, "loaders": {"queries"}}
#: exceptions to the rules: none (graph/analysis reads normalised values and categories from the graph)
KNOWN: set[tuple[str, str]] = set()


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_packages_import_only_what_the_architecture_page_allows():
    broken = []
    for package, forbidden in FORBIDDEN.items():
        for path in sorted((ROOT / package).rglob("*.py")):
            where = path.relative_to(ROOT).as_posix()
            for module in imports(path):
                if module.split(".")[0] in forbidden and (where, module) not in KNOWN:
                    broken.append(f"{where} imports {module}")
    assert not broken, broken


def test_the_rule_is_checked_on_real_imports():
    assert "graph.model" in imports(ROOT / "loaders" / "build.py")
    assert any(module.startswith("loaders.") for module in imports(ROOT / "queries" / "cli.py"))
