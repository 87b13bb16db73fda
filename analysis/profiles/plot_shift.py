"""Figure of :mod:`analysis.profiles.shift`: class shares before and after a profile edit."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis._style import PALETTE, apply_style
from analysis.profiles._figures import GREY, format_class

__all__ = ["plot_distribution_shift"]


def plot_distribution_shift(
    before: pd.DataFrame,
    after: pd.DataFrame,
    *,
    title: str | None = "Predicted label distribution",
    height: int = 340,
) -> go.Figure:
    """Grouped bars of ``summarise_distribution`` output before and after a profile edit."""
    fig = go.Figure()
    for name, table, colour in (("original", before, GREY), ("edited", after, PALETTE[0])):
        fig.add_trace(
            go.Bar(
                x=[format_class(c) for c in table["class"]],
                y=table["share"],
                name=name,
                marker_color=colour,
                hovertemplate="class %{x}: %{y:.1%} " + name + "<extra></extra>",
            )
        )
    top = pd.concat([before["share"], after["share"]]).max()
    top = float(top) if pd.notna(top) else 1.0
    fig.update_layout(barmode="group", legend_title_text="profile")
    fig.update_xaxes(type="category")
    fig.update_yaxes(range=[0, min(1.0, top * 1.15) or 1.0], tickformat=".0%")
    return apply_style(fig, title=title, height=height, x_title="class", y_title="mean share")
