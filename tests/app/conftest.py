"""AppTest helpers: every app test reads and writes one embedding cache of its own.

The cache folder is shared by the app tests of a run (the sample is encoded once) and never
the user's own cache; HF_HUB_OFFLINE guarantees nothing is downloaded.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def _app_cache_dir(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN202
    return tmp_path_factory.mktemp("app-embedding-cache")


@pytest.fixture(autouse=True)
def _isolated_cache(_app_cache_dir, monkeypatch):  # noqa: ANN001, ANN202
    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(_app_cache_dir))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
