"""Figures of within-group expert specialisation (seed Figure 2 and Figures 7-11).

:func:`plot_usage_heatmaps` draws :func:`~engines.moe.usage.compute_expert_usage` output,
:func:`plot_specialisation_kl` :func:`~engines.moe.usage.compute_specialisation_kl` output
(both re-exported by :mod:`analysis.moe.specialisation`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis._style import PALETTE, SEQUENTIAL, TOOLBAR_BAND, apply_style, wrap
from analysis.moe._figures import custom_data

__all__ = ["plot_specialisation_kl", "plot_usage_heatmaps"]


def _usage_matrix(
    usage: pd.DataFrame, attribute: str, n_experts: int
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """``(groups, row-normalised usage [G, E], annotations per group)`` of one attribute."""
    df = usage[usage["attribute"] == attribute]
    groups = list(dict.fromkeys(df["group"].astype(str)))
    mat = (
        df.assign(group=df["group"].astype(str))
        .pivot_table(index="group", columns="expert", values="usage", aggfunc="sum")
        .reindex(index=groups, columns=range(n_experts))
        .fillna(0.0)
    )
    values = mat.to_numpy(dtype=float)
    sums = values.sum(axis=1, keepdims=True)
    values = np.divide(values, sums, out=np.zeros_like(values), where=sums > 0)
    n = df.groupby(df["group"].astype(str))["n"].first().reindex(groups).to_numpy()
    return groups, values, n


def _usage_heatmap(
    attribute: str, groups: list[str], values: np.ndarray, n: np.ndarray
) -> go.Heatmap:
    """One attribute's panel on the shared colour axis, each cell annotated with its share."""
    n_experts = values.shape[1]
    custom = np.dstack(
        [
            np.repeat(np.asarray(groups, dtype=object)[:, None], n_experts, axis=1),
            np.repeat(np.asarray(n, dtype=object)[:, None], n_experts, axis=1),
        ]
    )
    return go.Heatmap(
        z=values,
        x=[f"expert {j}" for j in range(n_experts)],
        y=[wrap(g, 24) for g in groups],
        coloraxis="coloraxis",
        texttemplate="%{z:.0%}",  # the colour bar's scale: percent of the row's weight
        customdata=custom,
        hovertemplate=(
            f"{attribute}: %{{customdata[0]}}<br>%{{x}}: %{{z:.1%}} of routed weight"
            "<br>%{customdata[1]} annotations<extra></extra>"
        ),
        xgap=1,
        ygap=1,
    )


def plot_usage_heatmaps(
    usage: pd.DataFrame,
    *,
    attributes: Sequence[str] | None = None,
    title: str | None = "Expert usage per subgroup",
    row_px: int = 28,
) -> go.Figure:
    """Row-normalised expert usage per subgroup, one heatmap per attribute (seed Figures 7-11).

    Panels are stacked vertically with heights proportional to their number of subgroups and
    share one colour scale on ``[0, 1]``; each cell is annotated with its share.

    Raises:
        ValueError: When the table is empty or an attribute is not in it.
    """
    attrs = list(attributes) if attributes is not None else list(pd.unique(usage["attribute"]))
    if not attrs:
        raise ValueError("`usage` has no attributes")
    known = set(usage["attribute"])
    if missing := [a for a in attrs if a not in known]:
        raise ValueError(f"attribute(s) {missing} not in table")
    n_experts = int(usage["expert"].max()) + 1
    mats = {a: _usage_matrix(usage, a, n_experts) for a in attrs}
    counts = [len(mats[a][0]) for a in attrs]
    gap_px, top_px, bottom_px = 70, TOOLBAR_BAND + 42 if title else TOOLBAR_BAND, 60
    height = int(sum(counts) * row_px + gap_px * (len(attrs) - 1) + top_px + bottom_px + 40)
    fig = make_subplots(
        rows=len(attrs),
        cols=1,
        row_heights=[c / sum(counts) for c in counts],
        vertical_spacing=gap_px / height if len(attrs) > 1 else 0.0,
    )
    for i, a in enumerate(attrs, start=1):
        fig.add_trace(_usage_heatmap(a, *mats[a]), row=i, col=1)
        fig.update_yaxes(
            title_text=a, autorange="reversed", type="category", automargin=True, row=i, col=1
        )
        fig.update_xaxes(type="category", showgrid=False, row=i, col=1)
    fig.update_xaxes(title_text="expert", row=len(attrs), col=1)
    fig.update_layout(
        coloraxis={
            "colorscale": SEQUENTIAL,
            "cmin": 0.0,
            "cmax": 1.0,
            "colorbar": {"title": {"text": "share of<br>routed weight"}, "tickformat": ".0%"},
        }
    )
    apply_style(fig, title=title, height=height)
    fig.update_layout(margin={"t": top_px, "b": bottom_px})
    return fig


def plot_specialisation_kl(
    kl_df: pd.DataFrame,
    *,
    title: str | None = "Within-group expert specialisation",
    height: int = 380,
) -> go.Figure:
    """Bars of normalised mean pairwise KL per attribute (seed Figure 2), highest first."""
    df = kl_df.sort_values("normalised_kl", ascending=False, kind="stable")
    fig = go.Figure(
        go.Bar(
            x=df["attribute"].astype(str),
            y=df["normalised_kl"],
            marker_color=PALETTE[0],
            customdata=custom_data(df["mean_pairwise_kl"], df["n_groups"], df["jsd_bits"]),
            hovertemplate=(
                "<b>%{x}</b><br>KL / log K = %{y:.3f}<br>mean pairwise KL "
                "%{customdata[0]:.3f} nats<br>Jensen–Shannon %{customdata[2]:.3f} bits<br>"
                "%{customdata[1]} subgroups<extra></extra>"
            ),
        )
    )
    fig.update_xaxes(
        type="category",
        tickmode="array",
        tickvals=list(df["attribute"].astype(str)),
        ticktext=[wrap(a, 16) for a in df["attribute"].astype(str)],
        automargin=True,
    )
    fig.update_yaxes(rangemode="tozero")
    return apply_style(
        fig,
        title=title,
        height=height,
        x_title="demographic attribute",
        y_title="mean pairwise KL / log K",
    )
