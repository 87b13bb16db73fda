"""One plain sentence per results section of the Value calibration page (issue #13's rule)."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["calibration_takeaway", "clusters_takeaway", "comparison_takeaway"]

_SOURCES = {
    "rationale": "rater rationales",
    "tags": "expert value tags",
    "demographics": "sociocultural cross-sections",
}


def clusters_takeaway(summary: pd.DataFrame, source: str) -> str:
    """How many clusters the source gave and how the annotations spread over them."""
    if summary.empty:
        return "No value clusters were found."
    top = summary.sort_values("n", ascending=False).iloc[0]
    return (
        f"**{len(summary)} value clusters from {_SOURCES.get(source, source)}**; the largest, "
        f"“{top['cluster']}”, holds {float(top['share']):.0%} of the training annotations."
    )


def comparison_takeaway(results: pd.DataFrame) -> str:
    """Which model has the highest AUC, against the no-information baseline."""
    table = results.set_index("model")
    if table["auc"].isna().all():
        return "Too few labels of each class in the test split to compare AUCs."
    best = str(table["auc"].idxmax())
    text = f"**{best} has the highest AUC** ({table.loc[best, 'auc']:.3f}"
    others = [f"{m} {a:.3f}" for m, a in table["auc"].items() if m != best and np.isfinite(a)]
    if others:
        text += "; " + ", ".join(others)
    return text + ")."


def calibration_takeaway(calibration: pd.DataFrame) -> str:
    """Whose per-group calibration lines are closest to ideal (mean |slope - 1| + |bias|)."""
    from engines.mcstl.variants import VARIANT_NAMES

    fit = calibration.dropna(subset=["slope", "bias"])
    if fit.empty:
        return "Too few test annotations per group to fit calibration lines."
    error = (
        fit.assign(off=(fit["slope"] - 1).abs())
        .groupby("variant", sort=False)["off"]
        .mean()
        .sort_values()
    )
    names = {v: VARIANT_NAMES.get(str(v), str(v)) for v in error.index}
    best = error.index[0]
    rest = ", ".join(f"{error[v]:.2f} ({names[v]})" for v in error.index[1:])
    text = (
        f"**{names[best]}'s calibration lines are closest to ideal**: mean |slope − 1| "
        f"{error[best]:.2f} over groups and sub-tasks" + (f", against {rest}" if rest else "") + "."
    )
    return text + _interval_note(fit[fit["variant"] == best], names[best])


def _interval_note(fit: pd.DataFrame, name: str) -> str:
    """How many of one model's slopes have a 95% interval that leaves out 1 ('' without them)."""
    if not {"slope_low", "slope_high"} <= set(fit.columns):
        return ""
    known = fit.dropna(subset=["slope_low", "slope_high"])
    if known.empty:
        return ""
    off = known[(known["slope_low"] > 1) | (known["slope_high"] < 1)]
    if off.empty:
        return f" Every {name} slope's 95% interval (item bootstrap) includes 1."
    worst = off.assign(gap=(off["slope"] - 1).abs()).sort_values("gap").iloc[-1]
    return (
        f" {len(off)} of {len(known)} {name} slopes have a 95% interval (item bootstrap) that "
        f"leaves out 1; the farthest is {worst['group']}, {worst['task']}: {worst['slope']:.3f} "
        f"({worst['slope_low']:.3f}–{worst['slope_high']:.3f})."
    )
