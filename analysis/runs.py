"""Kept runs side by side, for every wing (issue #27 part 0).

The history table and what two runs' settings differ in. Each wing compares its own metrics
(e.g. :func:`analysis.moe.runs.compute_run_comparison`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:  # engines.core loads torch; the analyses only read the records' fields
    from engines.core.run_store import RunRecord

__all__ = ["compute_run_history", "compute_settings_diff", "flatten_settings", "run_label"]


def run_label(record: RunRecord) -> str:
    """``"07 Dec 17:40 · seed 4 · 3f2a9c"``: when (local time), seed and the id's start."""
    when = datetime.fromisoformat(record.created).astimezone().strftime("%d %b %H:%M")
    return f"{when} · seed {record.seed} · {record.run_id[:6]}"


def flatten_settings(settings: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested settings as ``{"dem_moe.train.lr": 0.001, ...}`` (lists kept as their text)."""
    out: dict[str, Any] = {}
    for key, value in settings.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten_settings(value, f"{name}."))
        else:
            out[name] = ", ".join(map(str, value)) if isinstance(value, list | tuple) else value
    return out


def compute_settings_diff(a: Mapping[str, Any], b: Mapping[str, Any]) -> pd.DataFrame:
    """``setting, run A, run B``: every setting whose value differs (absent: ``"–"``)."""
    fa, fb = flatten_settings(a), flatten_settings(b)
    rows = [
        (k, _text(fa.get(k, "–")), _text(fb.get(k, "–")))
        for k in sorted(set(fa) | set(fb))
        if fa.get(k, "–") != fb.get(k, "–")
    ]
    return pd.DataFrame(rows, columns=["setting", "run A", "run B"])


def compute_run_history(
    records: Sequence[RunRecord], metrics: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """One row per kept run, newest first.

    ``run, saved, seed``, the headline metrics (``metrics``: headline key -> column name, the
    ones shown; None: every headline metric under its own name), the settings in which the run
    differs from the newest run, and its size (MB).
    """
    if not records:
        return pd.DataFrame(columns=["run", "saved", "seed", "differs from newest", "MB"])
    newest = flatten_settings(records[0].settings)
    rows = []
    for r in records:
        flat = flatten_settings(r.settings)
        differs = sorted(k for k in set(flat) | set(newest) if flat.get(k) != newest.get(k))
        when = datetime.fromisoformat(r.created).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        shown = (
            dict(r.headline) if metrics is None
            else {label: r.headline.get(key) for key, label in metrics.items()}
        )  # fmt: skip
        rows.append({"run": r.run_id, "saved": when, "seed": r.seed, **shown,
                     "differs from newest": ", ".join(differs) or "–",
                     "MB": round(r.size_bytes / 1e6, 2)})  # fmt: skip
    return pd.DataFrame(rows)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else repr(value)
