"""Kept runs side by side, for every wing (issue #27 part 0).

The history table and what two runs' settings differ in. Each wing compares its own metrics
(e.g. :func:`analysis.moe.runs.compute_run_comparison`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.moe._resample import bootstrap_ratio, item_codes, percentile_ci

if TYPE_CHECKING:  # engines.core loads torch; the analyses only read the records' fields
    from engines.core.run_store import RunRecord

__all__ = [
    "PAIRED_COLUMNS",
    "compute_paired_runs",
    "paired_columns",
    "compute_run_history",
    "compute_settings_diff",
    "flatten_settings",
    "named_paired_runs",
    "run_label",
]

PAIRED_COLUMNS = [
    "a", "ci_low_a", "ci_high_a", "b", "ci_low_b", "ci_high_b", "diff", "diff_ci_low",
    "diff_ci_high",
]  # fmt: skip
"""The columns :func:`compute_paired_runs` adds after the group column."""


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


def compute_paired_runs(
    rows_a: pd.DataFrame, rows_b: pd.DataFrame, by: str, value: str, n_boot: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:  # fmt: skip
    """The mean of ``value`` per ``by`` group in two runs, with paired intervals.

    Intervals are 95% item-cluster bootstrap percentiles, one set of item resamples for every
    group of both runs, so the interval of ``diff = b - a`` is paired (both runs are scored on
    the items they share; an item only one run has is left out, and so is a group only one
    run has).

    Args:
        rows_a: run A's scored annotations, one row each with ``by``, ``item_id``, ``value``.
        rows_b: run B's, the same columns.
        by: the group column (a model, a variant).
        value: the per-annotation score averaged (an absolute error, a log loss).
        n_boot: bootstrap replicates.
        seed: seed of the item resamples.

    Returns:
        ``by`` + :data:`PAIRED_COLUMNS`, groups in run A's order.
    """
    groups = [g for g in pd.unique(rows_a[by]) if g in set(rows_b[by])]
    shared = set(rows_a["item_id"].astype(str)) & set(rows_b["item_id"].astype(str))
    both = pd.concat([rows_a.assign(_run=0), rows_b.assign(_run=1)], ignore_index=True)
    both = both.assign(item_id=both["item_id"].astype(str))
    both = both[both[by].isin(groups) & both["item_id"].isin(shared)]
    if both.empty:
        return pd.DataFrame(columns=[by, *PAIRED_COLUMNS])
    k = len(groups)
    stat = both["_run"].to_numpy() * k + pd.Categorical(both[by], categories=groups).codes
    icode, n_items = item_codes(both)
    v = both[value].to_numpy(dtype=float)
    shape = (2 * k, n_items)
    num = sparse.csr_array((v, (stat, icode)), shape=shape)
    den = sparse.csr_array((np.ones(len(both)), (stat, icode)), shape=shape)
    reps = bootstrap_ratio(num, den, n_boot, seed)
    point = np.bincount(stat, weights=v, minlength=2 * k) / np.bincount(stat, minlength=2 * k)
    lo, hi = percentile_ci(reps)
    dlo, dhi = percentile_ci(reps[:, k:] - reps[:, :k])
    return pd.DataFrame(
        {
            by: groups,
            "a": point[:k],
            "ci_low_a": lo[:k],
            "ci_high_a": hi[:k],
            "b": point[k:],
            "ci_low_b": lo[k:],
            "ci_high_b": hi[k:],
            "diff": point[k:] - point[:k],
            "diff_ci_low": dlo,
            "diff_ci_high": dhi,
        },  # fmt: skip
        columns=[by, *PAIRED_COLUMNS],
    )


def paired_columns(by: str, stem: str) -> list[str]:
    """The columns of a paired comparison whose metric is called ``stem`` (``mae``, ``nll``)."""
    return [by, f"{stem}_a", "ci_low_a", "ci_high_a", f"{stem}_b", *PAIRED_COLUMNS[4:]]


def named_paired_runs(
    rows_a: pd.DataFrame, rows_b: pd.DataFrame, by: str, value: str, stem: str,
    n_boot: int = 1000, seed: int = 0,
) -> pd.DataFrame:  # fmt: skip
    """:func:`compute_paired_runs` with its two means called ``{stem}_a`` and ``{stem}_b``."""
    out = compute_paired_runs(rows_a, rows_b, by, value, n_boot, seed)
    return out.rename(columns={"a": f"{stem}_a", "b": f"{stem}_b"})[paired_columns(by, stem)]
