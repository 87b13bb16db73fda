"""The MC-STL comparison in the layout of the seed's Table 1, and its per-group calibration.

Reads :class:`~engines.mcstl.workflow.MCSTLResult`'s test predictions (``variant, item_id,
annotator_id, label_code, p_*, t_*``) with the test annotations' cluster membership, in the same
row order for every variant.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.mcstl.metrics import (
    calibration_points,
    compute_group_metrics,
    macro_auc,
    one_minus_emd,
)
from engines.data.schema import format_label
from engines.mcstl.variants import VARIANT_NAMES

__all__ = [
    "TABLE_COLUMNS",
    "compute_distribution_calibration",
    "exceedance",
    "label_tasks",
    "VARIANT_NAMES",
    "compute_calibration",
    "compute_calibration_points",
    "compute_results_table",
]

TABLE_COLUMNS = [
    "model",
    "auc",
    "group_auc_mean",
    "group_auc_sd",
    "calib_slope_mean",
    "calib_slope_sd",
    "calib_bias_mean",
    "calib_bias_sd",
    "one_minus_emd",
    "n",
]


def _columns(frame: pd.DataFrame, prefix: str) -> np.ndarray:
    cols = sorted((c for c in frame.columns if c.startswith(prefix)), key=lambda c: int(c[2:]))
    return frame[cols].to_numpy(dtype=float)


def compute_calibration(
    predictions: pd.DataFrame,
    membership: np.ndarray,
    groups: Sequence[str],
    n_bins: int = 10,
    n_boot: int = 200,
) -> pd.DataFrame:
    """Per variant, group and CORAL sub-task: ``n, auc, slope, bias, slope_low, slope_high``.

    ``variant`` comes first; the slope's 95% interval is from ``n_boot`` item bootstrap
    resamples (0, or predictions without ``item_id``: NaN ends).
    """
    frames = []
    for variant, rows in predictions.groupby("variant", sort=False):
        table = compute_group_metrics(
            _columns(rows, "t_"), rows["label_code"].to_numpy(), membership, groups, n_bins,
            items=rows["item_id"].to_numpy() if "item_id" in rows else None, n_boot=n_boot,
        )  # fmt: skip
        frames.append(table.assign(variant=variant))
    out = pd.concat(frames, ignore_index=True)
    return out[["variant", *[c for c in out.columns if c != "variant"]]]


def compute_results_table(
    predictions: pd.DataFrame, membership: np.ndarray, groups: Sequence[str], n_bins: int = 10
) -> pd.DataFrame:
    """One row per variant: the seed's Table 1 columns.

    ``auc`` is the overall macro-AUC; ``group_auc_*`` the mean and SD over groups of the
    macro-AUC within the group; ``calib_*`` the mean and SD of the calibration slope and bias
    over groups and CORAL sub-tasks (seed section 3.2); ``one_minus_emd`` on the test
    annotations unlike their item's majority.
    """
    calib = compute_calibration(predictions, membership, groups, n_bins, n_boot=0)
    rows = []
    for variant, part in predictions.groupby("variant", sort=False):
        probs = _columns(part, "p_")
        codes = part["label_code"].to_numpy()
        group_auc = [
            macro_auc(probs[membership[:, k] > 0], codes[membership[:, k] > 0])
            for k in range(membership.shape[1])
        ]
        c = calib[calib["variant"] == variant]
        rows.append(
            (
                VARIANT_NAMES.get(str(variant), str(variant)),
                macro_auc(probs, codes),
                float(np.nanmean(group_auc)) if np.isfinite(group_auc).any() else np.nan,
                float(np.nanstd(group_auc)) if np.isfinite(group_auc).any() else np.nan,
                float(c["slope"].mean()),
                float(c["slope"].std(ddof=0)),
                float(c["bias"].mean()),
                float(c["bias"].std(ddof=0)),
                one_minus_emd(probs, codes, part["item_id"].to_numpy()),
                len(part),
            )
        )
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)


def compute_calibration_points(
    predictions: pd.DataFrame, membership: np.ndarray, groups: Sequence[str], n_bins: int = 10
) -> pd.DataFrame:
    """Decile points of every variant, group and sub-task, for the small-multiple plots.

    Returns:
        ``variant, group, task, bin, mean_prediction, mean_label, n``.
    """
    frames = []
    for variant, rows in predictions.groupby("variant", sort=False):
        tasks = _columns(rows, "t_")
        codes = rows["label_code"].to_numpy()
        for k, group in enumerate(groups):
            mask = membership[:, k] > 0
            for t in range(tasks.shape[1]):
                pts = calibration_points(tasks[mask, t], (codes[mask] > t).astype(float), n_bins)
                frames.append(pts.assign(variant=variant, group=str(group), task=f"y > {t}"))
    if not frames:
        return pd.DataFrame(
            columns=["variant", "group", "task", "bin", "mean_prediction", "mean_label", "n"]
        )
    out = pd.concat(frames, ignore_index=True)
    return out[["variant", "group", "task", "bin", "mean_prediction", "mean_label", "n"]]


def label_tasks(table: pd.DataFrame, classes: Sequence[str]) -> pd.DataFrame:
    """``table`` with its sub-tasks named by the scale's labels, for readers.

    ``y > 0`` on a 1-5 scale reads ``label > 1``; a binary task reads ``label = <positive>``.
    """
    classes = [format_label(c) for c in classes]
    if len(classes) == 2:
        names = {"y > 0": f"label = {classes[1]}"}
    else:
        names = {f"y > {c}": f"label > {name}" for c, name in enumerate(classes[:-1])}
    return table.assign(task=table["task"].map(names).fillna(table["task"]))


def exceedance(probs: np.ndarray) -> np.ndarray:
    """``[N, C - 1]`` ``P(y > c)`` of class distributions ``[N, C]`` (the CORAL sub-tasks)."""
    p = np.asarray(probs, dtype=float)
    return np.clip(1.0 - np.cumsum(p, axis=1)[:, :-1], 0.0, 1.0)


def compute_distribution_calibration(
    probs: np.ndarray,
    codes: np.ndarray,
    membership: np.ndarray,
    groups: Sequence[str],
    name: str,
    n_bins: int = 10,
    items: Sequence[str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per-group calibration of any model's class distributions on the sub-tasks ``y > c``.

    For instance the value-profile decoder's; with ``items`` (the annotations' item ids) the
    slopes get item-bootstrap intervals. Returns ``(lines, points)`` as for MC-STL, with
    ``variant`` = ``name``, ready for
    :func:`~analysis.mcstl.plot_calibration.plot_group_calibration`.
    """
    frame = pd.DataFrame({"variant": name, "label_code": np.asarray(codes, dtype=int)})
    if items is not None:
        frame["item_id"] = np.asarray(items).astype(str)
    tasks = exceedance(probs)
    for t in range(tasks.shape[1]):
        frame[f"t_{t}"] = tasks[:, t]
    lines = compute_calibration(frame, membership, groups, n_bins)
    points = compute_calibration_points(frame, membership, groups, n_bins)
    return lines, points
