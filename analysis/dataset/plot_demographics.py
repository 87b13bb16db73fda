"""Figures for demographic composition and demographic signal (Overview page)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis._style import PALETTE, apply_style, is_ordered, natural_order

__all__ = ["plot_composition", "plot_demographic_signal"]


def plot_composition(
    table: pd.DataFrame,
    *,
    title: str | None = "Annotators per demographic group",
    height: int | None = None,
) -> go.Figure:
    """One horizontal bar panel per attribute from ``compute_composition`` output.

    Groups read top to bottom in their natural order when they are ordered (age bands by age),
    otherwise largest first; merged (privacy) groups come last.
    """
    attrs = list(dict.fromkeys(table["attribute"]))
    n = max(len(attrs), 1)
    fig = make_subplots(rows=n, cols=1, subplot_titles=attrs, vertical_spacing=0.35 / n)
    for i, a in enumerate(attrs, start=1):
        sub = _top_down(table[table["attribute"] == a])
        colors = ["#9e9e9e" if s else PALETTE[0] for s in sub["suppressed"]]
        fig.add_trace(
            go.Bar(
                y=sub["group"].astype(str),
                x=sub["n_annotators"],
                orientation="h",
                marker_color=colors,
                showlegend=False,
                customdata=np.c_[sub["share"], sub["n_annotations"], sub["mean_label"]],
                hovertemplate=(
                    "%{y}: %{x} annotators (%{customdata[0]:.0%})<br>"
                    "%{customdata[1]} annotations<br>mean label %{customdata[2]:.2f}<extra></extra>"
                ),
            ),
            row=i,
            col=1,
        )
    rows_total = int(table.shape[0]) if len(table) else 1
    fig.update_xaxes(title_text="annotators", row=n, col=1)
    return apply_style(fig, title=title, height=height or 120 + 26 * rows_total + 40 * n)


_LAST = ("(missing)", "unknown")
"""Groups drawn after the others (with merged privacy groups)."""


def _top_down(sub: pd.DataFrame) -> pd.DataFrame:
    """Rows in bottom-to-top drawing order, so that the panel reads top-down as intended."""
    merged = sub["suppressed"].astype(bool) | sub["group"].astype(str).isin(_LAST)
    if is_ordered(sub.loc[~merged, "group"]):
        order = natural_order(sub.loc[~merged, "group"])
        kept = sub[~merged].set_index("group").loc[order].reset_index()
    else:
        kept = sub[~merged].sort_values("n_annotators", ascending=False, kind="stable")
    return pd.concat([kept, sub[merged]])[sub.columns].iloc[::-1]


def plot_demographic_signal(
    table: pd.DataFrame, *, title: str | None = "Demographic signal", height: int = 320
) -> go.Figure:
    """Bars of per-attribute signal with bootstrap 95% intervals and a line at 0 (chance).

    Takes the first table returned by ``compute_demographic_signal``.
    """
    t = table.sort_values("signal")
    err_plus = (t["ci_high"] - t["signal"]).clip(lower=0)
    err_minus = (t["signal"] - t["ci_low"]).clip(lower=0)
    fig = go.Figure(
        go.Bar(
            y=t["attribute"],
            x=t["signal"],
            orientation="h",
            marker_color=PALETTE[5],
            error_x={
                "type": "data",
                "array": err_plus,
                "arrayminus": err_minus,
                "visible": bool(t["ci_high"].notna().any()),
            },
            customdata=np.c_[t["n_groups"], t["ci_low"], t["ci_high"], t["p_value"], t["raw"]],
            hovertemplate=(
                "%{y}: %{x:.3f} (95% CI %{customdata[1]:.3f} to %{customdata[2]:.3f}; "
                "permutation p = %{customdata[3]:.3f})<br>raw spread %{customdata[4]:.3f}, "
                "%{customdata[0]} groups<extra></extra>"
            ),
        )
    )
    fig.add_vline(x=0, line_color="#888", line_width=1)
    return apply_style(
        fig,
        title=title,
        height=height,
        x_title="beyond-chance spread (rating points)",
        y_title=None,
    )
