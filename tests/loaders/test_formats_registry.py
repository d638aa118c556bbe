"""The container readers register themselves whichever module is imported first."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("first", ["loaders.read", "loaders.formats", "loaders.build"])
def test_readers_registered_once_on_any_import_order(first):
    code = (f"import {first}\nimport loaders.read as r\nimport loaders.formats as f\n"
            "print([n for n, _s, _r in r.READERS], '.pdf' in f.SUFFIXES)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "['pdf', 'docx', 'doc', 'html'] True"
