"""The headless Chromium every browser test drives (skips the module when there is none)."""

from __future__ import annotations

import shutil

import pytest

CHROMIUM = next(
    (p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p), None
)
if CHROMIUM is None:
    pytest.skip(
        "no Chromium on PATH (Debian: apt-get install -y chromium); .ci/run installs it",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-extensions",
    "--no-first-run",
]
