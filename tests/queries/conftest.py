"""Fixtures of this test folder (the browser tests' come from ``browser_support``: one Chromium and one
``policykg serve`` per module that asks for them)."""

from tests.graph.analysis_fixture import analysis_data_dir, analysis_nx, analysis_store  # noqa: F401
from tests.queries.browser_support import base_url, browser, page  # noqa: F401
