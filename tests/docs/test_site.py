"""The documentation: README is a short front door whose links resolve, and docs/ builds as a site with no warning.

The site is built by Sphinx with MyST (docs/conf.py) with warnings as errors, which covers the
links between pages, their anchors and links to the repository's files; README is not a page of
the site, so its links are checked here the same way.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from markdown_it import MarkdownIt
from myst_parser.slugs import github_slugify

from tests.conftest import ROOT

README = ROOT / "README.md"
QUICK_START = """# policykg

```sh
python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/policykg serve
```

```sh
python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/pytest
```
"""


def links(path: Path) -> list[str]:
    """Every link and image target of a Markdown file."""
    found = []
    for token in MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8")):
        for child in token.children or ():
            if child.type == "link_open":
                found.append(child.attrs["href"])
            elif child.type == "image":
                found.append(child.attrs["src"])
    return found


def anchors(path: Path) -> set[str]:
    """The anchors GitHub (and the site, by myst_heading_slug_func) gives the headings of a Markdown file."""
    tokens = MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))
    return {github_slugify(tokens[i + 1].content.replace("`", ""))
            for i, token in enumerate(tokens) if token.type == "heading_open"}


def test_the_readme_is_a_short_front_door():
    text = README.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 8 * 1024
    assert text.startswith(QUICK_START), "README opens with the two quick-start commands, as they are"
    for page in sorted((ROOT / "docs").glob("*.md")):
        if page.name != "index.md":
            assert f"](docs/{page.name}" in text, f"README does not link to docs/{page.name}"


def test_every_link_of_the_readme_resolves():
    checked = 0
    for target in links(README):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        path, _, anchor = target.partition("#")
        file = (README.parent / path) if path else README
        assert file.exists(), f"README links to {target}: no such file"
        if anchor:
            assert anchor in anchors(file), f"README links to {target}: no such heading in {path or 'README.md'}"
        checked += 1
    assert checked >= 9


def test_the_site_builds_with_no_warning(tmp_path):
    """A broken link, a missing anchor or image, a page outside the table of contents: any warning fails."""
    built = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html",
                            str(ROOT / "docs"), str(tmp_path / "site")], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0 and not built.stderr.strip(), built.stderr
    for page in (ROOT / "docs").glob("*.md"):
        assert (tmp_path / "site" / f"{page.stem}.html").exists(), page.name


def test_a_broken_link_fails_the_build(tmp_path):
    """The check above can fail: the same build of a copy of docs/ with one bad anchor does."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    page = docs / "web.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[gone](querying.md#no-such-heading)\n", encoding="utf-8")
    built = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html",
                            str(docs), str(tmp_path / "site")], capture_output=True, text=True, timeout=300)
    assert built.returncode != 0 and "no-such-heading" in built.stderr
