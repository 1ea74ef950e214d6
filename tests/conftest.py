"""Shared fixtures (the spaCy model is loaded once per test session) and the `slow` marker's rule.

A test is slow when it loads the model or runs the pipeline over documents. Every test whose fixtures
include `nlp`, directly or through another fixture, is marked here; tests that load the model another
way (a whole run, the CLI's `run`, a Dask cluster, pipeline.entities.lexicon's word lists, Chromium)
carry `pytest.mark.slow` themselves. See tests/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.paths import DATA, ROOT

SHARED = ROOT.parent / "shared"


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "nlp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA
