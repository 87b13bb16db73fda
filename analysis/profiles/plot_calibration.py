"""Figure of :mod:`analysis.profiles.calibration`: the reliability diagram."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis._style import PALETTE, apply_style
from analysis.profiles._figures import add_diagonal

__all__ = ["plot_reliability"]


def plot_reliability(
    df: pd.DataFrame,
    ece: float | None = None,
    *,
    title: str | None = "Reliability diagram",
    height: int = 420,
) -> go.Figure:
    """Accuracy vs confidence per bin (``compute_reliability``) against the diagonal."""
    count = df["count"].to_numpy(dtype=float)
    size = 8 + 22 * np.sqrt(count / count.max()) if len(count) else []
    fig = go.Figure()
    add_diagonal(fig, "perfect calibration")
    fig.add_trace(
        go.Scatter(
            x=df["confidence"],
            y=df["accuracy"],
            mode="lines+markers",
            marker={"size": size, "color": PALETTE[0], "line": {"width": 1, "color": "white"}},
            line={"color": PALETTE[0]},
            name="decoder",
            showlegend=False,
            customdata=np.c_[df["bin_low"], df["bin_high"], df["count"]],
            hovertemplate=(
                "bin [%{customdata[0]:.2f}, %{customdata[1]:.2f})<br>confidence %{x:.3f}"
                "<br>accuracy %{y:.3f}<br>%{customdata[2]} predictions<extra></extra>"
            ),
        )
    )
    fig.update_xaxes(range=[0, 1], constrain="domain")
    fig.update_yaxes(range=[0, 1], scaleanchor="x", scaleratio=1)
    if title and ece is not None and not math.isnan(ece):
        title = f"{title} (ECE = {ece:.3f})"
    return apply_style(fig, title=title, height=height, x_title="confidence", y_title="accuracy")
