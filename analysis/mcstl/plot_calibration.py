"""Per-group calibration small multiples (mc-stl seed, Figure 3 and appendices A.9-A.10).

Draws :func:`~analysis.mcstl.report.compute_calibration_points` with the lines of
:func:`~analysis.mcstl.report.compute_calibration`: one panel per value group, the ideal line,
the decile points of every model and each model's fitted calibration line.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis._style import GREY, PALETTE, apply_style, wrap
from engines.mcstl.variants import VARIANT_NAMES

__all__ = ["plot_group_calibration"]


def plot_group_calibration(
    points: pd.DataFrame,
    lines: pd.DataFrame,
    task: str = "y > 0",
    *,
    columns: int = 4,
    title: str | None = "Calibration per value group",
) -> go.Figure:
    """Small multiples: per group, mean label against mean prediction per decile bin.

    Args:
        points: ``variant, group, task, mean_prediction, mean_label, n``.
        lines: ``variant, group, task, slope, bias`` (the fitted lines; ``slope_low`` and
            ``slope_high``, when present, go into the line's hover).
        task: The CORAL sub-task shown (``"y > c"``).
        columns: Panels per row.
        title: Figure title.

    Raises:
        ValueError: When ``task`` has no points.
    """
    pts = points[points["task"] == task]
    if pts.empty:
        raise ValueError(f"no calibration points for {task!r}; have {sorted(set(points['task']))}")
    groups = list(dict.fromkeys(pts["group"]))
    variants = list(dict.fromkeys(pts["variant"]))
    n_rows = math.ceil(len(groups) / columns)
    fig = make_subplots(
        rows=n_rows, cols=min(columns, len(groups)),
        subplot_titles=[wrap(g, 28) for g in groups],
        shared_xaxes=True, shared_yaxes=True,
        horizontal_spacing=0.04, vertical_spacing=0.5 / max(n_rows, 1) / 2 + 0.05,
    )  # fmt: skip
    line_x = np.array([0.0, 1.0])
    for g, group in enumerate(groups):
        row, col = g // columns + 1, g % columns + 1
        fig.add_trace(
            go.Scatter(x=line_x, y=line_x, mode="lines", line={"color": GREY, "dash": "dot"},
                       hoverinfo="skip", showlegend=False),
            row=row, col=col,
        )  # fmt: skip
        for v, variant in enumerate(variants):
            colour = PALETTE[v % len(PALETTE)]
            name = VARIANT_NAMES.get(str(variant), str(variant))
            part = pts[(pts["group"] == group) & (pts["variant"] == variant)]
            fig.add_trace(
                go.Scatter(
                    x=part["mean_prediction"], y=part["mean_label"], mode="markers",
                    marker={"color": colour, "size": 7}, name=name, legendgroup=name,
                    showlegend=g == 0, customdata=part["n"],
                    hovertemplate=f"<b>{name}</b><br>predicted %{{x:.2f}}, observed %{{y:.2f}}"
                    "<br>%{customdata} annotations<extra></extra>",
                ),
                row=row, col=col,
            )  # fmt: skip
            fit = lines[
                (lines["group"] == group) & (lines["variant"] == variant) & (lines["task"] == task)
            ]
            if len(fit) and np.isfinite(fit["slope"].iloc[0]):
                slope, bias = float(fit["slope"].iloc[0]), float(fit["bias"].iloc[0])
                low, high = (float(fit[c].iloc[0]) if c in fit else np.nan
                             for c in ("slope_low", "slope_high"))  # fmt: skip
                band = f" (95% CI {low:.2f}–{high:.2f})" if np.isfinite([low, high]).all() else ""
                fig.add_trace(
                    go.Scatter(
                        x=line_x, y=slope * line_x + bias, mode="lines",
                        line={"color": colour, "width": 1.5}, legendgroup=name, showlegend=False,
                        hovertemplate=f"<b>{name}</b>: slope {slope:.2f}{band}, bias {bias:+.2f}"
                        "<extra></extra>",
                    ),
                    row=row, col=col,
                )  # fmt: skip
    fig.update_xaxes(range=[0, 1])
    fig.update_yaxes(range=[0, 1])
    fig.update_layout(legend_title_text="model", legend={"orientation": "h", "y": -0.12})
    for c in range(1, min(columns, len(groups)) + 1):
        fig.update_xaxes(title_text=f"predicted P({task})", row=n_rows, col=c)
    fig.update_yaxes(title_text="observed share", row=1, col=1)
    return apply_style(fig, title=f"{title} ({task})" if title else None, height=160 + 260 * n_rows)
