"""Figure of :mod:`analysis.profiles.shift`: class shares before and after a profile edit."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis._style import PALETTE, styled_figure
from analysis.profiles._figures import GREY, format_class

__all__ = ["plot_distribution_shift", "plot_target_shift"]


def plot_distribution_shift(
    before: pd.DataFrame,
    after: pd.DataFrame,
    *,
    title: str | None = "Predicted label distribution",
    height: int = 340,
) -> go.Figure:
    """Grouped bars of ``summarise_distribution`` output before and after a profile edit."""
    bars = [
        {
            "type": "bar",
            "x": [format_class(c) for c in table["class"]],
            "y": table["share"].to_numpy(),
            "name": name,
            "marker": {"color": colour},
            "hovertemplate": "class %{x}: %{y:.1%} " + name + "<extra></extra>",
        }
        for name, table, colour in (("original", before, GREY), ("edited", after, PALETTE[0]))
    ]
    top = pd.concat([before["share"], after["share"]]).max()
    top = float(top) if pd.notna(top) else 1.0
    layout = {
        "barmode": "group",
        "legend": {"title": {"text": "profile"}},
        "xaxis": {"type": "category"},
        "yaxis": {"range": [0, min(1.0, top * 1.15) or 1.0], "tickformat": ".0%"},
    }
    return styled_figure(
        bars, layout, title=title, height=height, x_title="class", y_title="mean share"
    )


def plot_target_shift(table: pd.DataFrame, *, height: int | None = None) -> go.Figure:
    """Horizontal bars of ``compute_target_shift``: mean change per topic or theme.

    The targets the edit is about are coloured; the others are grey.
    """
    edited = table["edited"].to_numpy(bool)
    bar = {
        "type": "bar",
        "y": table["target"].to_numpy(),
        "x": table["mean_change"].to_numpy(),
        "orientation": "h",
        "marker": {"color": [PALETTE[0] if e else GREY for e in edited]},
        "customdata": table[["n_items"]].to_numpy(),
        "hovertemplate": "%{y}: %{x:+.3f} points (%{customdata[0]} items)<extra></extra>",
        "showlegend": False,
    }
    span = float(table["mean_change"].abs().max()) if len(table) else 0.0
    span = max(span * 1.15, 0.05)
    layout = {
        "xaxis": {"range": [-span, span], "zeroline": True, "zerolinecolor": GREY},
        "yaxis": {"autorange": "reversed", "type": "category"},
    }
    return styled_figure(
        [bar],
        layout,
        title="Mean change of the expected label by topic (coloured: what the edit is about)",
        height=height or 120 + 24 * len(table),
        x_title="mean change of the expected label (points)",
        y_title="",
    )
