"""Shared fixtures: the seed graph is built once per session on the real embedded FalkorDB."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


def settings_for(data_dir: Path, **overrides) -> Settings:
    """Settings for a test: explicit values only, nothing from the environment."""
    return Settings(data_dir=data_dir, **overrides)


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory) -> Settings:
    from loaders.build import build

    settings = settings_for(tmp_path_factory.mktemp("seed-data"))
    report = build([SEEDS], settings)
    assert report.ok, report.summary()
    return settings


@pytest.fixture(scope="session")
def seed_store(seed_settings):
    """A store kept open for the whole session, so the embedded server is started once."""
    from graph.store import open_store

    store = open_store(seed_settings)
    yield store
    store.close()


@pytest.fixture(scope="session")
def seed_graph(seed_store):
    return seed_store.export()


def pytest_addoption(parser):
    parser.addoption("--rewrite-golden", action="store_true", default=False,
                     help="Rewrite golden files (tests/*/data/) from the current output instead of comparing.")


@pytest.fixture()
def rewrite_golden(request) -> bool:
    return bool(request.config.getoption("--rewrite-golden"))
