"""The 2-D map of rationales (draws :func:`~analysis.mcstl.summaries.compute_rationale_map`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis._style import PALETTE, apply_style, class_colours, natural_order, wrap

__all__ = ["plot_rationale_map"]


def plot_rationale_map(
    table: pd.DataFrame,
    colour_by: str = "cluster",
    *,
    title: str | None = "Rationales on a 2-D map (UMAP)",
    height: int = 520,
) -> go.Figure:
    """One point per distinct rationale, sized by how often it was written; hover reads it.

    ``colour_by``: ``"cluster"``, ``"label"`` or a group column of the table (the group that
    wrote the rationale most often).
    """
    allowed = [c for c in table.columns if c not in ("x", "y", "rationale", "n")]
    if colour_by not in allowed:
        raise ValueError(f"colour_by must be one of {allowed}, got {colour_by!r}")
    values = natural_order(table[colour_by]) if len(table) else []
    colours = (
        class_colours(values)
        if colour_by == "label"
        else {v: PALETTE[i % len(PALETTE)] for i, v in enumerate(values)}
    )
    fig = go.Figure()
    for value in values:
        part = table[table[colour_by] == value]
        size = 6 + 14 * np.sqrt(part["n"] / max(table["n"].max(), 1))
        fig.add_trace(
            go.Scatter(
                x=part["x"], y=part["y"], mode="markers", name=str(value),
                marker={"color": colours.get(str(value), PALETTE[0]), "size": size,
                        "opacity": 0.8, "line": {"width": 0.5, "color": "white"}},
                customdata=np.c_[[wrap(r, 60) for r in part["rationale"]], part["n"],
                                 part["label"], part["cluster"]],
                hovertemplate="%{customdata[0]}<br>written %{customdata[1]} times · usual label "
                "%{customdata[2]} · %{customdata[3]}<extra></extra>",
            )
        )  # fmt: skip
    legend = {"cluster": "value cluster"}.get(colour_by, colour_by)
    fig.update_layout(legend_title_text=legend if colour_by in ("cluster", "label")
                      else f"{colour_by} (most writers)")  # fmt: skip
    fig.update_xaxes(showticklabels=False, zeroline=False)
    fig.update_yaxes(showticklabels=False, zeroline=False)
    return apply_style(fig, title=title, height=height, x_title="UMAP 1", y_title="UMAP 2")
