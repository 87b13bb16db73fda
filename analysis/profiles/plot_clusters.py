"""Figure of :mod:`analysis.profiles.clusters`: raters per value-profile cluster."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from analysis._style import PALETTE, apply_style
from analysis.profiles._figures import custom_data, hover_text

__all__ = ["plot_profile_clusters"]


def plot_profile_clusters(
    df: pd.DataFrame,
    *,
    title: str | None = "Raters per value-profile cluster",
    height: int | None = None,
) -> go.Figure:
    """Horizontal bars of raters per cluster from ``compute_cluster_summary`` output."""
    labels = [
        f"cluster {c}"
        if p is None or (isinstance(p, float) and math.isnan(p))
        else f"{c}: {str(p)[:60]}"
        for c, p in zip(df["cluster"], df["profile"])
    ]
    hover = [hover_text(p, limit=300) for p in df["profile"]]
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=df["n_raters"],
            orientation="h",
            marker_color=[PALETTE[i % len(PALETTE)] for i in range(len(df))],
            customdata=custom_data(df["share"], df["mean_loss"], hover),
            hovertemplate=(
                "%{x} raters (%{customdata[0]:.0%})<br>mean loss %{customdata[1]:.3f}"
                "<br>%{customdata[2]}<extra></extra>"
            ),
        )
    )
    fig.update_yaxes(type="category", autorange="reversed")
    fig.update_xaxes(rangemode="tozero")
    return apply_style(
        fig,
        title=title,
        height=height or max(240, 60 + 40 * len(df)),
        x_title="raters",
        y_title="cluster",
    )
