"""One plain sentence per section of the Data and Overview pages (issue #13).

Each function reads a table the page already shows and returns markdown. Agreement is read
against Krippendorff's (2004) guide: alpha >= 0.800 supports conclusions, >= 0.667 tentative
ones; below that the labels disagree too much for one gold label, which is this app's subject.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis._style import format_p
from engines.data.issues import removals
from engines.data.schema import AnnotationDataset, format_label

__all__ = [
    "agreement_takeaway",
    "coverage_takeaway",
    "disputed_takeaway",
    "load_takeaway",
    "signal_takeaway",
]


def agreement_takeaway(stats: pd.Series) -> str:
    """How much annotators agree (``alpha``, its CI and level from the stats table's row)."""
    alpha = float(stats["alpha"])
    if not np.isfinite(alpha):
        return "Agreement cannot be measured: no item has two labels."
    if alpha >= 0.8:
        head = "Annotators agree strongly"
        tail = "one gold label per item would lose little"
    elif alpha >= 0.667:
        head = "Annotators agree moderately"
        tail = "enough for tentative gold labels, with real disagreement left"
    elif alpha >= 0.2:
        head = "Annotators agree little"
        tail = "a single gold label would hide much of what they think"
    else:
        head = "Annotators hardly agree"
        tail = "disagreement is the rule, not noise around a gold label"
    return (
        f"**{head}** (Krippendorff's α = {alpha:.2f}, 95% CI {stats['alpha_ci_low']:.2f}–"
        f"{stats['alpha_ci_high']:.2f}, {stats['alpha_level']}): {tail}."
    )


def coverage_takeaway(labels: pd.DataFrame, per_item: pd.DataFrame) -> str:
    """The most common label and how many labels a typical item has."""
    if labels.empty or per_item.empty:
        return "No labels to describe."
    top = labels.loc[labels["count"].idxmax()]
    median = float(per_item["n_annotations"].median())
    return (
        f"**Each item has a median of {median:g} labels**; the most common label is "
        f"{format_label(top['label'])} ({float(top['share']):.0%} of all labels)."
    )


def signal_takeaway(signal: pd.DataFrame, alpha: float = 0.05) -> str:
    """Which demographic attribute separates ratings most beyond chance (or that none does)."""
    if signal.empty:
        return "No demographic attribute with two or more groups to contrast."
    table = signal.sort_values("signal", ascending=False)
    real = table[(table["p_value"] < alpha) & (table["signal"] > 0)]
    if real.empty:
        top = table.iloc[0]
        return (
            f"**No attribute separates ratings beyond chance** (largest: {top['attribute']}, "
            f"{float(top['signal']):+.3f} rating points, {format_p(float(top['p_value']), 2)})."
        )
    top = real.iloc[0]
    text = (
        f"**{str(top['attribute']).capitalize()} separates ratings most**: its groups rate the "
        f"same items {float(top['signal']):.3f} rating points further apart than chance "
        f"({format_p(float(top['p_value']), 2)})"
    )
    others = [str(a) for a in real["attribute"].iloc[1:]]
    if others:
        text += "; also beyond chance: " + ", ".join(others)
    return text + "."


def disputed_takeaway(disputed: pd.DataFrame) -> str:
    """The single most disputed item, quoted (table sorted most disputed first)."""
    if disputed.empty:
        return "No item has two or more labels to dispute."
    top = disputed.iloc[0]
    text = str(top.get("text", top["item_id"]))
    quote = text[:70] + ("…" if len(text) > 70 else "")
    spread = (
        f"SD {float(top['sd']):.2f}"
        if "sd" in top and np.isfinite(top["sd"])
        else f"entropy {float(top['entropy']):.2f}"
    )
    return (
        f"**Most disputed: “{quote}”** ({int(top['n_annotations'])} labels, {spread}, "
        f"majority label held by {float(top['majority_share']):.0%})."
    )


def load_takeaway(ds: AnnotationDataset) -> str:
    """What loading did: rows read, annotations kept, removals by reason, the scale."""
    removed = removals(ds.issues)
    n_in = int(ds.n_rows_in or ds.n_annotations)
    lost = n_in - ds.n_annotations
    text = f"**Read {n_in:,} rows, kept {ds.n_annotations:,} annotations**"
    if lost > 0:
        parts = [f"{n:,} {why}" for why, n in removed.items() if n]
        unexplained = lost - sum(removed.values())
        if unexplained > 0:
            parts.append(f"{unexplained:,} other")
        text += f"; removed {lost:,} (" + "; ".join(parts) + ")"
    else:
        text += ", nothing removed"
    return (
        text + f" · {ds.n_items:,} items, {ds.n_annotators:,} annotators · labels "
        f"{ds.scale.describe()}."
    )
