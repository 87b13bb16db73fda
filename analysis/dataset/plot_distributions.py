"""Figures for label distributions and annotation counts (Overview page)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis._style import PALETTE, apply_style, class_colours
from engines.data.schema import format_label

__all__ = ["plot_count_histogram", "plot_label_distribution"]


def plot_label_distribution(
    table: pd.DataFrame, *, title: str | None = "Label distribution", height: int = 340
) -> go.Figure:
    """Bar chart of ``compute_label_distribution`` output (``label, count, share``)."""
    labels = [format_label(v) for v in table["label"]]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=table["count"],
            marker_color=[class_colours(table["label"])[lab] for lab in labels],
            text=[f"{s:.0%}" for s in table["share"]],
            textposition="outside",
            customdata=table["share"],
            hovertemplate="label %{x}<br>%{y} annotations (%{customdata:.1%})<extra></extra>",
        )
    )
    fig.update_xaxes(type="category")
    fig.update_yaxes(rangemode="tozero")
    ymax = float(table["count"].max()) if len(table) else 1.0
    fig.update_yaxes(range=[0, ymax * 1.15])
    return apply_style(fig, title=title, height=height, x_title="label", y_title="annotations")


def plot_count_histogram(
    counts: pd.DataFrame,
    *,
    unit: str,
    title: str | None = None,
    height: int = 320,
) -> go.Figure:
    """Histogram of ``n_annotations`` per item or per annotator (``compute_annotation_counts``)."""
    fig = go.Figure(
        go.Histogram(
            x=counts["n_annotations"],
            marker_color=PALETTE[1] if unit == "annotator" else PALETTE[2],
            hovertemplate="%{x} annotations: %{y} " + unit + "s<extra></extra>",
        )
    )
    return apply_style(
        fig,
        title=title or f"Annotations per {unit}",
        height=height,
        x_title=f"annotations per {unit}",
        y_title=f"{unit}s",
    )
