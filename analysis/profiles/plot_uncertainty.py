"""Figure of :mod:`analysis.profiles.uncertainty`: value-epistemic vs aleatoric per item."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis._style import PALETTE, apply_style, class_colours, natural_order
from analysis.profiles._figures import GREY, align, custom_data, format_class, hover_text

__all__ = ["plot_uncertainty_scatter"]


def plot_uncertainty_scatter(
    df: pd.DataFrame,
    texts: pd.Series | None = None,
    color: pd.Series | None = None,
    *,
    title: str | None = "Value-epistemic vs aleatoric uncertainty",
    height: int = 460,
) -> go.Figure:
    """Per-item scatter of ``compute_item_uncertainty`` output (aleatoric vs value-epistemic).

    ``texts`` and ``color`` are aligned by ``item_id`` when their index holds the item ids,
    otherwise by position. A numeric ``color`` gets a colour scale, any other one a legend.
    """
    text = align(texts, df, "texts")
    col = align(color, df, "color")
    hover = [hover_text(t) for t in text] if text is not None else [""] * len(df)
    custom = custom_data(
        df["item_id"].astype(str), df["total"], df["fraction_value_epistemic"], hover
    )
    template = (
        "<b>%{customdata[0]}</b><br>aleatoric %{x:.3f}, value-epistemic %{y:.3f}"
        "<br>total %{customdata[1]:.3f} (%{customdata[2]:.0%} value-epistemic)"
        "<br>%{customdata[3]}<extra></extra>"
    )
    fig = go.Figure()
    if col is not None and not pd.api.types.is_numeric_dtype(col):
        colours = class_colours(col)
        for group in natural_order(col):
            mask = (col == group).to_numpy()
            fig.add_trace(
                go.Scatter(
                    x=df["aleatoric"][mask],
                    y=df["value_epistemic"][mask],
                    mode="markers",
                    name=str(group),
                    marker={"color": colours[format_class(group)], "size": 7, "opacity": 0.75},
                    customdata=custom[mask],
                    hovertemplate=template,
                )
            )
    else:
        marker: dict[str, object] = {"color": PALETTE[0], "size": 7, "opacity": 0.75}
        if col is not None:
            marker.update(
                color=col, colorscale="Viridis", showscale=True, colorbar={"title": col.name}
            )
        fig.add_trace(
            go.Scatter(
                x=df["aleatoric"],
                y=df["value_epistemic"],
                mode="markers",
                marker=marker,
                customdata=custom,
                hovertemplate=template,
                showlegend=False,
            )
        )
    if col is not None and col.name:
        fig.update_layout(legend_title_text=str(col.name))
    fig.add_hline(y=0, line_color=GREY, line_width=1)
    xmax = float(np.nanmax(df["aleatoric"])) if len(df) else 0.0
    fig.update_xaxes(range=[0, max(xmax, 1e-6) * 1.05])
    return apply_style(
        fig,
        title=title,
        height=height,
        x_title="aleatoric uncertainty (nats)",
        y_title="value-epistemic uncertainty (nats)",
    )
