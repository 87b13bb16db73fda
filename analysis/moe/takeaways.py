"""One plain sentence per results section of the Demographic experts page (issue #13).

Each function reads the tables of :class:`~analysis.moe.report.MoEReport` and returns markdown:
the headline a researcher would put on a slide. They compute, never hard-code: a sentence says
"significant" only when the report's test does, names the attribute with the largest score, and
counts the experts the routing uses.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis._style import format_p

__all__ = [
    "BARELY_SPECIALISED_BITS",
    "comparison_takeaway",
    "group_takeaway",
    "seen_unseen_takeaway",
    "specialisation_takeaway",
]

BARELY_SPECIALISED_BITS = 0.05
"""Largest within-group JSD (bits) below which the experts are said to barely specialise."""


def _significance(test: dict) -> str:
    return format_p(float(test["p_value"]))


def comparison_takeaway(models: pd.DataFrame, significance: dict, focus: str = "DEM-MoE") -> str:
    """Whether ``focus`` has the lowest MAE, by how much, and whether the gap is real.

    Args:
        models: :func:`~analysis.moe.report.compute_model_table` (``model``, ``mae``).
        significance: The report's tests; ``"overall"`` is the focus vs the next-best model.
        focus: The model the page is about.
    """
    table = models.set_index("model")["mae"].sort_values()
    if focus not in table.index:
        return f"{focus} was not trained: the table compares the baselines only."
    mae = float(table[focus])
    test = significance.get("overall")
    if test is None or len(table) < 2:
        return f"{focus}'s MAE is **{mae:.3f}** (no other model to compare with)."
    rival, diff = test["rival"], float(test["diff"])
    real = bool(test["significant"])
    if diff < 0:
        head = f"**{focus} has the lowest error** (MAE {mae:.3f}), {-diff:.3f} below {rival}"
        tail = "a real gap" if real else "a gap chance alone could produce"
    else:
        head = f"**{focus} does not beat {rival}**: MAE {mae:.3f} vs {mae - diff:.3f}"
        tail = f"{rival} is significantly better" if real else "the gap could be chance"
    return f"{head}: {tail} ({_significance(test)}, sign-flip test over items)."


def group_takeaway(significance: dict, focus: str = "DEM-MoE") -> str:
    """On which demographic attributes ``focus`` is significantly better than its rival."""
    per_attr = {a: t for a, t in significance.items() if a != "overall"}
    if not per_attr:
        return "No demographic attribute has groups large enough to compare."
    better = [a for a, t in per_attr.items() if t["significant"] and t["diff"] < 0]
    worse = [a for a, t in per_attr.items() if t["significant"] and t["diff"] > 0]
    if better:
        text = f"**{focus} is significantly better on {_join(better)}** than the next-best model"
    else:
        closest = min(per_attr, key=lambda a: per_attr[a]["p_value"])
        t = per_attr[closest]
        text = (
            f"**{focus} is not significantly better on any attribute** (closest: {closest}, "
            f"{float(t['diff']):+.3f} MAE vs {t['rival']}, {_significance(t)})"
        )
    if worse:
        text += f"; it is significantly worse on {_join(worse)}"
    return text + "."


def seen_unseen_takeaway(metrics: pd.DataFrame, focus: str = "DEM-MoE") -> str:
    """How much worse ``focus`` predicts annotators it never saw in training."""
    rows = metrics[metrics["model"] == focus].set_index("subset")["mae"]
    if "unseen" not in rows.index or "seen" not in rows.index:
        return (
            "Every test annotator also rated training items: raise 'Unseen annotators' to "
            "measure how the models do on new people."
        )
    seen, unseen = float(rows["seen"]), float(rows["unseen"])
    word = "rises" if unseen > seen else "falls"
    return (
        f"**On annotators never seen in training, {focus}'s MAE {word} to {unseen:.3f}** "
        f"(from {seen:.3f} on annotators it saw, {unseen - seen:+.3f})."
    )


def specialisation_takeaway(kl: pd.DataFrame, routing_summary: dict) -> str:
    """Which attribute the experts specialise in most, and how many experts carry weight.

    Args:
        kl: :func:`~engines.moe.usage.compute_specialisation_kl` (``attribute``, ``jsd_bits``).
        routing_summary: :func:`~engines.moe.routing.routing_summary` (``n_experts``,
            ``active``).
    """
    parts = []
    scores = kl.set_index("attribute")["jsd_bits"].sort_values(ascending=False)
    scores = scores[np.isfinite(scores)]
    if len(scores):
        top, value = str(scores.index[0]), float(scores.iloc[0])
        if value < BARELY_SPECIALISED_BITS:
            parts.append(
                f"**The experts barely specialise by any attribute** (largest within-group "
                f"divergence {value:.3f} bits, {top})"
            )
        else:
            nxt = (
                f"; next {scores.index[1]}, {float(scores.iloc[1]):.2f}" if len(scores) > 1 else ""
            )
            parts.append(
                f"**{top.capitalize()} is the attribute the experts specialise in most** "
                f"(within-group divergence {value:.2f} bits{nxt})"
            )
    if routing_summary:
        n, active = int(routing_summary["n_experts"]), int(routing_summary["active"])
        parts.append(
            f"all {n} experts carry weight"
            if active == n
            else f"only {active} of {n} experts carry weight"
        )
    if not parts:
        return "No routing to analyse."
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
