"""Where the app keeps what it computes (torch-free: the data and text wings read it)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["default_cache_dir", "default_runs_dir"]


def default_cache_dir() -> Path:
    """``$PERSPECTIVES_CACHE_DIR`` or ``~/.cache/perspectives-lab``."""
    env = os.environ.get("PERSPECTIVES_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "perspectives-lab"


def default_runs_dir() -> Path:
    """Where training runs are kept: ``$PERSPECTIVES_RUNS_DIR`` or the cache's ``runs``."""
    env = os.environ.get("PERSPECTIVES_RUNS_DIR")
    return Path(env) if env else default_cache_dir() / "runs"
