"""Figure of :mod:`analysis.profiles.jury`: simulated-jury vs observed agreement."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from analysis._style import PALETTE, apply_style
from analysis.profiles._figures import add_diagonal, custom_data

__all__ = ["plot_jury"]


def plot_jury(
    df: pd.DataFrame,
    r: float | None = None,
    *,
    title: str | None = "Simulated jury vs observed agreement",
    height: int = 440,
) -> go.Figure:
    """Predicted vs observed P(two raters agree) per item (``compute_jury``) with the diagonal."""
    fig = go.Figure()
    add_diagonal(fig, "predicted = observed")
    fig.add_trace(
        go.Scatter(
            x=df["predicted_p_agree"],
            y=df["observed_p_agree"],
            mode="markers",
            name="items",
            showlegend=False,
            marker={"color": PALETTE[0], "size": 7, "opacity": 0.7},
            customdata=custom_data(df["item_id"].astype(str), df["n_annotations"]),
            hovertemplate=(
                "<b>%{customdata[0]}</b><br>predicted %{x:.3f}<br>observed %{y:.3f}"
                " (%{customdata[1]} annotations)<extra></extra>"
            ),
        )
    )
    fig.update_xaxes(range=[0, 1.02])
    fig.update_yaxes(range=[0, 1.02])
    if title and r is not None and not math.isnan(r):
        title = f"{title} (Pearson r = {r:.2f})"
    return apply_style(
        fig,
        title=title,
        height=height,
        x_title="predicted P(two raters agree)",
        y_title="observed P(two raters agree)",
    )
