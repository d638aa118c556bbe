"""Sphinx settings of the documentation site built from docs/ (Markdown through MyST).

The tests build it with warnings as errors (tests/test_docs.py), so a broken link,
a missing anchor or a page outside the table of contents fails CI:
``sphinx-build -W -n docs build/docs``.
"""

import re

project = "policykg"
author = "policykg contributors"
extensions = ["myst_parser"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]
# GitHub's anchors (#read-only-limits-and-errors), so a link works the same on GitHub and in the site
myst_heading_anchors = 4
myst_heading_slug_func = "myst_parser.slugs.github_slugify"
# the code blocks are shell, usage lines and sample output: no lexer guesses (and no warnings when one fails)
highlight_language = "none"
html_theme = "alabaster"
html_title = "policykg"

# Links from a page to files of the repository outside docs/ (../README.md, ../corpus/README.md,
# ../bench/RESULTS.md) are not pages of the site: MyST would look for them as documents and warn. They
# are rewritten to MyST's ``path:`` links: the file is copied beside the site, and a link to a file that
# is gone is a warning (download.not_readable), so a moved file still fails the build.
_OUTSIDE = re.compile(r"\]\((\.\./[^)#\s]+)(#[^)\s]*)?\)")


def _outside_links(app, docname, source):
    source[0] = _OUTSIDE.sub(lambda match: f"](path:{match.group(1)})", source[0])


def setup(app):
    app.connect("source-read", _outside_links)
