"""One computed sentence per section of the Synthetic perspectives page (what the table shows)."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = [
    "grid_takeaway",
    "homogenisation_takeaway",
    "model_fit_takeaway",
    "prototypical_takeaway",
]


def homogenisation_takeaway(table: pd.DataFrame) -> str:
    """Whether the synthetic annotators agree more than the humans (non-overlapping intervals)."""
    t = table.set_index("source")
    if not {"human", "synthetic"} <= set(t.index) or t[["alpha"]].isna().any().any():
        return "Too few items rated more than once by both sources to compare agreement."
    h, s = t.loc["human"], t.loc["synthetic"]
    nums = f"α {s['alpha']:.2f} (synthetic) vs {h['alpha']:.2f} (human)"
    if s["alpha_low"] > h["alpha_high"]:
        head = f"**The synthetic annotators agree far more than the humans: homogenised** ({nums})"
    elif s["alpha_high"] < h["alpha_low"]:
        head = f"**The synthetic annotators agree less than the humans** ({nums})"
    else:
        head = f"**No clear difference in agreement** ({nums}; the intervals overlap)"
    ent = ""
    if np.isfinite([h["entropy"], s["entropy"]]).all():
        ent = (f"; on matched draws their labels' entropy is {s['entropy']:.2f} against "
               f"{h['entropy']:.2f}")  # fmt: skip
    return head + ent + "."


def grid_takeaway(grid: pd.DataFrame) -> str:
    """The best cell against real data only, and whether its interval clears zero."""
    cells = grid[grid["blending"] != "real only"].dropna(subset=["vs_real"])
    if cells.empty:
        return "Only the real-data model was trained."
    best = cells.sort_values("category_mae").iloc[0]
    diff = f"{best['vs_real']:+.3f} ({best['vs_real_low']:+.3f} to {best['vs_real_high']:+.3f})"
    helped = int((cells["vs_real_high"] < 0).sum())
    hurt = int((cells["vs_real_low"] > 0).sum())
    if best["vs_real_high"] < 0:
        head = f"**{best['model']} beats real data alone**: mean MAE across categories {diff}"
    else:
        head = (f"**No blend clearly beats real data alone**: the best, {best['model']}, "
                f"changes the mean MAE across categories by {diff}")  # fmt: skip
    return head + f". {helped} of {len(cells)} cells help and {hurt} hurt beyond their interval."


def prototypical_takeaway(features: pd.DataFrame) -> str:
    """Which attributes the personas follow beyond chance (binomial test, Bonferroni)."""
    if features.empty:
        return "Too few shared items to tell which persona attributes the generator uses."
    bar = 0.05 / len(features)
    followed = features[(features["p_value"] < bar) & (features["lift"] > 1)]
    if followed.empty:
        top = features.iloc[0]
        return (
            "**The personas follow none of their attributes beyond chance**: the most, "
            f"{top['attribute']}, has {top['own_closest_share']:.0%} of personas side with "
            f"their own group (chance {top['chance']:.0%}, p = {top['p_value']:.2g})."
        )
    top = followed.iloc[0]
    names = ", ".join(followed["attribute"])
    return (
        f"**The personas follow {names}**: {top['own_closest_share']:.0%} side with their "
        f"own {top['attribute']} group (chance {top['chance']:.0%}, p = {top['p_value']:.2g})."
    )


def model_fit_takeaway(table: pd.DataFrame, text_model: str = "Text only") -> str:
    """Does an annotator-aware model beat text only on each source (the persona seed's test)?"""
    parts = []
    for source, part in table.groupby("source", sort=False):
        if text_model not in set(part["model"]):
            continue
        text = part.set_index("model").loc[text_model, "mae"]
        others = part[part["model"] != text_model].sort_values("mae")
        if others.empty:
            continue
        best = others.iloc[0]
        verb = "beats" if best["mae"] < text else "does not beat"
        parts.append(f"on {source} labels the best annotator model ({best['model']}, "
                     f"{best['mae']:.3f}) {verb} text only ({text:.3f})")  # fmt: skip
    if not parts:
        return "Train the annotator models to compare them."
    return (
        "**"
        + parts[0][0].upper()
        + parts[0][1:]
        + "**"
        + "".join(f"; {p}" for p in parts[1:])
        + "."
    )
