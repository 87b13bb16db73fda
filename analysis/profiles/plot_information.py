"""Figure of :mod:`analysis.profiles.information`: usable information per representation."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis._style import PALETTE, apply_style

__all__ = ["plot_usable_information"]


def plot_usable_information(
    df: pd.DataFrame,
    *,
    title: str | None = "Usable rater information",
    height: int | None = None,
) -> go.Figure:
    """Horizontal bars of ``compute_usable_information`` output with 95% CI error bars."""
    info = df["usable_info_nats"].to_numpy(dtype=float)
    plus = np.nan_to_num(df["ci_high"].to_numpy(dtype=float) - info, nan=0.0)
    minus = np.nan_to_num(info - df["ci_low"].to_numpy(dtype=float), nan=0.0)
    colors = [PALETTE[0] if v >= 0 else PALETTE[5] for v in np.nan_to_num(info)]
    fig = go.Figure(
        go.Bar(
            y=df["representation"].astype(str),
            x=info,
            orientation="h",
            marker_color=colors,
            error_x={"type": "data", "array": plus, "arrayminus": minus, "color": "#444"},
            customdata=np.c_[df["ci_low"], df["ci_high"], df["loss_mean"], df["n_seeds"]],
            hovertemplate=(
                "%{y}: %{x:.4f} nats<br>95% CI [%{customdata[0]:.4f}, %{customdata[1]:.4f}]"
                "<br>mean loss %{customdata[2]:.4f}, %{customdata[3]} seeds<extra></extra>"
            ),
        )
    )
    fig.add_vline(x=0, line_color="#444", line_width=1)
    fig.update_yaxes(type="category", autorange="reversed")
    return apply_style(
        fig,
        title=title,
        height=height or max(260, 60 + 36 * len(df)),
        x_title="usable information (nats)",
        y_title="rater representation",
    )
