"""One plain sentence per results section of the Value profiles page (issue #13).

Each function reads a table the page already shows and returns markdown: the headline a
researcher would put on a slide. They compute, never hard-code: a representation "carries
information" only when its interval lies above 0; the calibration sentence reads the direction
of the miscalibration from the reliability table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = [
    "calibration_takeaway",
    "cluster_takeaway",
    "edit_takeaway",
    "information_takeaway",
    "jury_takeaway",
    "uncertainty_takeaway",
]

_NAMES = {
    "profile": "Written profiles",
    "examples": "The raters' own example ratings",
    "demographics": "Demographics",
}


def _name(rep: str) -> str:
    if rep in _NAMES:
        return _NAMES[rep]
    if rep.startswith("demo:"):
        return f"{rep[5:].capitalize()} alone"
    if rep.startswith("clusters-"):
        return f"{rep.split('-', 1)[1]} profile clusters"
    return rep


def information_takeaway(usable: pd.DataFrame) -> str:
    """What the written profiles carry about a new rater's labels, next to the alternatives.

    Args:
        usable: :func:`~analysis.profiles.information.compute_usable_information` output
            (``representation, usable_info_nats, ci_low``).
    """
    table = usable.set_index("representation")
    table = table[table.index != "none"]
    if table.empty:
        return "Only the no-information baseline was run: nothing to compare."
    informative = table["ci_low"] > 0
    lead = "profile" if "profile" in table.index else str(table["usable_info_nats"].idxmax())
    value = float(table.loc[lead, "usable_info_nats"])
    if informative[lead]:
        text = f"**{_name(lead)} carry {value:.3f} nats** about a new rater's labels"
    else:
        text = f"**{_name(lead)} carry no information beyond chance** ({value:+.3f} nats)"
    if lead == "profile" and "examples" in table.index and informative["examples"]:
        ex = float(table.loc["examples", "usable_info_nats"])
        text += f", {value / ex:.0%} of what their own example ratings carry ({ex:.3f})"
    if "demographics" in table.index and lead != "demographics":
        demo = float(table.loc["demographics", "usable_info_nats"])
        said = f"{demo:.3f}" if informative["demographics"] else "none beyond chance"
        text += f"; demographics {said}"
    return text + "."


def calibration_takeaway(reliability: pd.DataFrame, ece: float) -> str:
    """Whether the decoder's confidence matches its accuracy, and which way it is off.

    Args:
        reliability: :func:`~analysis.profiles.calibration.compute_reliability` output
            (``confidence, accuracy, count``).
        ece: The expected calibration error of the same predictions.
    """
    if not np.isfinite(ece) or reliability["count"].sum() == 0:
        return "No held-out predictions to check calibration on."
    w = reliability["count"] / reliability["count"].sum()
    gap = float((w * (reliability["confidence"] - reliability["accuracy"])).sum())
    if ece < 0.05:
        return f"**The decoder is well calibrated on raters it never saw** (ECE {ece:.3f})."
    way = "overconfident" if gap > 0 else "underconfident"
    return (
        f"**The decoder is {way} on raters it never saw**: its top label is right "
        f"{abs(gap):.0%} {'less' if gap > 0 else 'more'} often than its confidence says "
        f"(ECE {ece:.3f})."
    )


def edit_takeaway(
    edited: bool,
    mean_delta: float | None,
    moved: int | None,
    n_items: int,
    no_bearing: bool = False,
) -> str:
    """What the current edit does to the predictions (or how to start one).

    Args:
        edited: Whether the profile text differs from the original.
        mean_delta: Change of the mean expected label (None for nominal labels).
        moved: Items whose expected label moved by more than 0.25 (None for nominal labels).
        n_items: Items predicted.
        no_bearing: Every clause of the typed edit was read as bearing on no rating.
    """
    if edited and no_bearing and (moved is None or moved == 0):
        return (
            "**The typed edit has no bearing on the ratings**, so nothing moved (its reading "
            "says why; correct it if it does bear on them)."
        )
    if not edited:
        return (
            f"**Edit the profile below**: the predicted labels of all {n_items:,} items update "
            "as soon as you leave the box."
        )
    if mean_delta is None or moved is None:
        return "**The edit changes the predicted label distributions** (shown below)."
    if moved == 0 and abs(mean_delta) < 0.01:
        return "**The edit moved no item measurably**: see the hint below."
    way = "raises" if mean_delta > 0 else "lowers"
    return (
        f"**The edit {way} the mean expected label by {abs(mean_delta):.2f}**; "
        f"{moved:,} of {n_items:,} items moved by more than a quarter point."
    )


def cluster_takeaway(summary: pd.DataFrame) -> str:
    """How the raters split over the profile clusters (``cluster, profile, n_raters``)."""
    if summary.empty:
        return "No clusters: too few raters with profiles."
    sizes = summary.sort_values("n_raters", ascending=False)["n_raters"].astype(int).tolist()
    total = sum(sizes)
    return (
        f"**Raters fall into {len(sizes)} value clusters** of "
        + ", ".join(f"{s:,}" for s in sizes)
        + f" raters; the largest holds {sizes[0] / total:.0%}."
    )


def uncertainty_takeaway(unc: pd.DataFrame, texts: pd.Series | None = None) -> str:
    """How much knowing the raters' values reduces the uncertainty about their labels.

    Args:
        unc: :func:`~analysis.profiles.uncertainty.compute_item_uncertainty` output.
        texts: Item texts indexed by item id, to quote the item it helps most on.
    """
    if unc.empty:
        return "Too few held-out ratings per item to measure uncertainty."
    mean = float(unc["value_epistemic"].mean())
    share = mean / float(unc["total"].mean()) if unc["total"].mean() > 0 else float("nan")
    if mean <= 0:
        return (
            f"**Knowing the raters' values does not reduce uncertainty on average** "
            f"({mean:+.3f} nats per item)."
        )
    text = (
        f"**Knowing the raters' values removes {mean:.3f} nats per item** on average "
        f"({share:.0%} of the total uncertainty)"
    )
    if texts is not None:
        best = unc.loc[unc["value_epistemic"].idxmax(), "item_id"]
        quote = str(texts.get(best, ""))
        if quote:
            text += f"; most on “{quote[:60]}{'…' if len(quote) > 60 else ''}”"
    return text + "."


def jury_takeaway(corr: dict, n_items: int) -> str:
    """Whether predicted juror agreement tracks the observed agreement (Pearson ``r``)."""
    r, p = corr.get("r", float("nan")), corr.get("p_value", float("nan"))
    if not np.isfinite(r):
        return "Too few items with enough held-out ratings to compare agreement."
    if np.isfinite(p) and p < 0.05 and r > 0:
        strength = "closely" if r >= 0.7 else "clearly" if r >= 0.4 else "weakly"
        return (
            f"**Predicted agreement {strength} tracks observed agreement** "
            f"(r = {r:.2f} over {n_items:,} items)."
        )
    return (
        f"**Predicted agreement does not track observed agreement** "
        f"(r = {r:.2f} over {n_items:,} items)."
    )
