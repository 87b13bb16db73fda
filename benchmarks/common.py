"""Helpers shared by benchmarks: data paths and running a measurement in a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("PERSPECTIVES_SHARED_DATA", ROOT.parent / "shared" / "data"))
"""``../shared/data``, or the folder named by ``PERSPECTIVES_SHARED_DATA``."""
POPQUORN = SHARED_DATA / "popquorn_offensiveness" / "raw_data.csv"


def require(path: Path) -> Path:
    """Exit with a clear message when a benchmark's real data file is missing."""
    if not path.exists():
        sys.exit(f"benchmark data not found: {path} (the ../shared/data folder is needed)")
    return path


def run_child(code: str, env: dict[str, str] | None = None) -> dict:
    """Run ``code`` in a fresh interpreter at the repo root; it must print one JSON line last.

    The child reports its own peak RSS, so every measurement is isolated from in-process caches.
    """
    prelude = (
        "import json, resource, sys, time\n"
        "def _report(d):\n"
        "    d['peak_rss_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "    print(json.dumps(d))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", prelude + code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])
