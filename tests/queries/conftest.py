"""Fixtures of this test folder."""

from tests.graph.analysis_fixture import analysis_data_dir, analysis_nx, analysis_store  # noqa: F401
