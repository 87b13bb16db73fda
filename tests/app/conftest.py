"""AppTest helpers: every app test reads and writes one embedding cache of its own.

The cache folder is the run's test cache, shared by the tests of a worker (the sample is
encoded once) and never the user's own cache; HF_HUB_OFFLINE guarantees nothing is downloaded.
"""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session")
def _app_cache_dir(_test_cache_dir: None):  # noqa: ANN202
    """The run's test cache (tests/conftest.py): app tests and engine tests on one worker
    share what they learn once per dataset (embeddings, the taught curriculum)."""
    return os.environ["PERSPECTIVES_CACHE_DIR"]


@pytest.fixture(autouse=True)
def _isolated_cache(_app_cache_dir, monkeypatch, tmp_path):  # noqa: ANN001, ANN202
    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(_app_cache_dir))
    # Kept training runs are each test's own: a run kept by one test is not restored in another.
    monkeypatch.setenv("PERSPECTIVES_RUNS_DIR", str(tmp_path / "runs"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
