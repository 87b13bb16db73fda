"""Figures of the Annotator reliability page: expertise ranking, triage, simulation lab."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis._style import PALETTE, apply_style, natural_order
from analysis.realm.triage import SHARED_BAR

__all__ = ["plot_expertise_ranking", "plot_simulation", "plot_triage"]


def plot_expertise_ranking(
    table: pd.DataFrame, colour_by: str | None = None, *, title: str | None = None
) -> go.Figure:
    """Annotators ranked by expertise (x: rank, lowest first), each with its interval.

    Args:
        table: ``annotator_id, expertise, ci_low, ci_high`` (plus ``colour_by``).
        colour_by: Optional column whose values colour the points (e.g. a triage reading).
        title: Figure title (default: what the figure shows).
    """
    t = table.sort_values("expertise").reset_index(drop=True)
    t["rank"] = np.arange(1, len(t) + 1)
    values = natural_order(t[colour_by]) if colour_by else [None]
    fig = go.Figure()
    for k, value in enumerate(values):
        part = t if value is None else t[t[colour_by] == value]
        fig.add_trace(go.Scatter(
            x=part["rank"], y=part["expertise"], mode="markers", name=str(value or "annotator"),
            showlegend=value is not None,
            marker={"color": PALETTE[k % len(PALETTE)], "size": 7},
            error_y={"type": "data", "symmetric": False, "thickness": 1, "width": 0,
                     "array": part["ci_high"] - part["expertise"],
                     "arrayminus": part["expertise"] - part["ci_low"]},
            customdata=np.c_[part["annotator_id"], part["ci_low"], part["ci_high"]],
            hovertemplate="%{customdata[0]}: %{y:.2f} (%{customdata[1]:.2f}–%{customdata[2]:.2f})"
            "<extra></extra>",
        ))  # fmt: skip
    fig.update_layout(legend_title_text=colour_by or "")
    fig.update_yaxes(range=[-0.02, 1.02])
    return apply_style(
        fig, title=title or "Expertise of every annotator, lowest first (95% interval)",
        height=420, x_title="rank (1 = least reliable)", y_title="expertise e_a",
    )  # fmt: skip


def plot_triage(table: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Expertise (x) against how much more the annotator agrees with their group (y)."""
    fig = go.Figure()
    for k, group in enumerate(natural_order(table["group"])):
        part = table[table["group"] == group]
        fig.add_trace(go.Scatter(
            x=part["expertise"], y=part["shared"], mode="markers", name=str(group),
            marker={"color": PALETTE[k % len(PALETTE)], "size": 8, "opacity": 0.85},
            customdata=np.c_[part["annotator_id"], part["n_items"]],
            hovertemplate="%{customdata[0]}: expertise %{x:.2f}, shared %{y:.2f} "
            "(%{customdata[1]} items)<extra></extra>",
        ))  # fmt: skip
    fig.add_hline(
        y=SHARED_BAR, line_dash="dot", line_color="grey",
        annotation_text="shared with the group above", annotation_position="top left",
    )  # fmt: skip
    fig.update_layout(legend_title_text="group")
    return apply_style(
        fig, title=title or "Low expertise: noise or a group's perspective?", height=460,
        x_title="expertise e_a", y_title="r with own group − r with others",
    )  # fmt: skip


def plot_simulation(expertise: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Learned expertise / skills (y) against the simulated annotators' true expertise (x)."""
    fig = go.Figure()
    methods = [c for c in expertise.columns if c not in ("annotator", "true")]
    for k, method in enumerate(methods):
        fig.add_trace(go.Scatter(
            x=expertise["true"], y=expertise[method], mode="markers", name=method,
            marker={"color": PALETTE[k % len(PALETTE)], "size": 10},
            customdata=expertise["annotator"],
            hovertemplate="annotator %{customdata}: true %{x:.2f}, learned %{y:.2f}<extra></extra>",
        ))  # fmt: skip
    fig.add_trace(go.Scatter(x=[0, 1], y=[0, 1], mode="lines", name="learned = true",
                             line={"dash": "dot", "color": "grey"}))  # fmt: skip
    fig.update_layout(legend_title_text="method")
    return apply_style(
        fig, title=title or "Learned against true expertise", height=420,
        x_title="true expertise", y_title="learned expertise / skill",
    )  # fmt: skip
