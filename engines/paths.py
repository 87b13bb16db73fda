"""Where the app keeps what it computes (torch-free: the data and text wings read it)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["default_cache_dir"]


def default_cache_dir() -> Path:
    """``$PERSPECTIVES_CACHE_DIR`` or ``~/.cache/perspectives-lab``."""
    env = os.environ.get("PERSPECTIVES_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "perspectives-lab"
