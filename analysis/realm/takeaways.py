"""One plain sentence per results section of the Annotator reliability page."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = [
    "accuracy_takeaway",
    "expertise_takeaway",
    "simulation_takeaway",
    "triage_takeaway",
]


def expertise_takeaway(intervals: pd.DataFrame, bar: float = 0.5) -> str:
    """Who is confidently unreliable: intervals entirely below ``bar``."""
    low = intervals[intervals["ci_high"] < bar].sort_values("expertise")
    if low.empty:
        return (
            f"**No annotator is confidently unreliable**: every expertise interval reaches "
            f"{bar:.1f} or more (lowest: {intervals['annotator_id'].iloc[0]}, "
            f"{intervals['expertise'].iloc[0]:.2f})."
        )
    names = ", ".join(low["annotator_id"].head(8).astype(str))
    more = f" and {len(low) - 8} more" if len(low) > 8 else ""
    return (
        f"**{len(low)} of {len(intervals)} annotators are confidently unreliable** (expertise "
        f"interval entirely below {bar:.1f}): {names}{more}."
    )


def accuracy_takeaway(accuracy: pd.DataFrame) -> str:
    """Which classifier agrees best with the test items' gold (or else majority) labels."""
    table = accuracy.set_index("method")["accuracy"]
    against = str(accuracy["against"].iloc[0]) if "against" in accuracy else "majority label"
    best = str(table.idxmax())
    others = ", ".join(f"{m} {a:.1%}" for m, a in table.items() if m != best)
    lead = f"**{best} agrees most with the held-out {against}s**"
    return f"{lead} ({table[best]:.1%}; {others})."


def triage_takeaway(triage: pd.DataFrame, by: str, low: float = 0.5) -> str:
    """How many low-expertise annotators deviate the way their group does."""
    flagged = triage[triage["expertise"] < low]
    if flagged.empty:
        return f"**No annotator has an expertise below {low:.1f}**, so there is nothing to triage."
    shared = flagged[flagged["reading"] == "shared with their group"]
    if shared.empty:
        return (
            f"**The {len(flagged)} annotators with expertise below {low:.1f} deviate on their "
            f"own**: none shares the deviation with their {by} group, which reads as noise."
        )
    return (
        f"**{len(shared)} of the {len(flagged)} annotators with expertise below {low:.1f} share "
        f"their deviation with their {by} group** ({', '.join(shared['annotator_id'].head(6))}): "
        "a perspective, not noise — look before you drop them."
    )


def simulation_takeaway(accuracy: dict[str, float], spearman: float) -> str:
    """How REALM did against noisy training and how well it ranked the annotators."""
    gap = accuracy["realm"] - accuracy["noisy"]
    verb = "beats" if gap > 0 else ("matches" if gap == 0 else "trails")
    rank = (
        ""
        if not np.isfinite(spearman)
        else f"; its expertise ranks the annotators with Spearman ρ = {spearman:.2f}"
    )
    return (
        f"**REALM {verb} noisy training by {abs(gap):.1%}** ({accuracy['realm']:.1%} against "
        f"{accuracy['noisy']:.1%}; oracle {accuracy.get('oracle', float('nan')):.1%}){rank}."
    )
