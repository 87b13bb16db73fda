"""Figures of MAE by demographic subgroup and by attribute (seed Figure 1).

:func:`plot_group_mae` draws :func:`~analysis.moe.bootstrap.compute_group_mae` output,
:func:`plot_attribute_mae` :func:`~analysis.moe.bootstrap.compute_attribute_mae` output (with
stars from :func:`~analysis.moe.significance.compare_attribute_mae`). Models are coloured in
their order of first appearance, as in :mod:`analysis.moe.plot_comparison`.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis._style import apply_style, wrap
from analysis.moe._figures import ERROR_COLOUR, custom_data, error_bars, model_colours

__all__ = ["plot_attribute_mae", "plot_group_mae"]


def plot_group_mae(
    group_mae: pd.DataFrame,
    attribute: str,
    *,
    title: str | None = None,
    height: int = 420,
) -> go.Figure:
    """Grouped MAE bars per subgroup of one attribute (:func:`compute_group_mae` output).

    x = subgroup, one coloured bar per model, error bars = 95% bootstrap intervals.

    Raises:
        ValueError: When ``attribute`` is not in the table.
    """
    colours = model_colours(group_mae["model"])
    df = group_mae[group_mae["attribute"] == attribute]
    if df.empty:
        available = list(pd.unique(group_mae["attribute"]))
        raise ValueError(f"attribute {attribute!r} not in table; available: {available}")
    groups = list(dict.fromkeys(df["group"].astype(str)))
    fig = go.Figure()
    for model, dm in df.groupby("model", sort=False):
        plus, minus = error_bars(dm)
        fig.add_trace(
            go.Bar(
                x=dm["group"].astype(str),
                y=dm["mae"],
                name=str(model),
                marker_color=colours[str(model)],
                error_y={"type": "data", "array": plus, "arrayminus": minus, "color": ERROR_COLOUR},
                customdata=custom_data(dm["ci_low"], dm["ci_high"], dm["n"], dm["n_annotators"]),
                hovertemplate=(
                    f"<b>{model}</b><br>%{{x}}: MAE %{{y:.3f}}<br>95% CI "
                    "[%{customdata[0]:.3f}, %{customdata[1]:.3f}]<br>%{customdata[2]} "
                    "annotations, %{customdata[3]} annotators<extra></extra>"
                ),
            )
        )
    fig.update_layout(barmode="group", legend_title_text="model")
    fig.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=groups,
        tickmode="array",
        tickvals=groups,
        ticktext=[wrap(g, 16) for g in groups],
        automargin=True,
    )
    fig.update_yaxes(rangemode="tozero")
    return apply_style(
        fig,
        title=title if title is not None else f"MAE per {attribute} subgroup",
        height=height,
        x_title=attribute,
        y_title="MAE (lower is better)",
    )


def _stars(
    attribute_mae: pd.DataFrame, starred: list[str], x: Mapping[str, float], model: str, top: float
) -> go.Scatter:
    """A ``*`` just above ``model``'s error bar (at ``x[attribute]``) of every starred attribute.

    Raises:
        ValueError: When ``model`` has no bar for a starred attribute.
    """
    hl = attribute_mae[attribute_mae["model"].astype(str) == model]
    hl = hl.set_index(hl["attribute"].astype(str))
    missing = [a for a in starred if a not in hl.index]
    if missing:
        raise ValueError(f"no {model!r} bar for starred attribute(s) {missing}")
    y = hl.loc[starred, "ci_high"].fillna(hl.loc[starred, "mae"]).to_numpy(dtype=float)
    return go.Scatter(
        x=[x[a] for a in starred],
        y=y + 0.01 * top,
        mode="text",
        text=["*"] * len(starred),
        textposition="top center",
        textfont={"size": 22, "color": "#000"},
        name=f"{model} better than next best (p < 0.05)",
        hovertemplate=f"{model} significantly better than the next-best model"
        " (p < 0.05)<extra></extra>",
        showlegend=False,
    )


def plot_attribute_mae(
    attribute_mae: pd.DataFrame,
    significance: Mapping[str, bool] | None = None,
    *,
    highlight_model: str = "DEM-MoE",
    title: str | None = "Mean MAE across subgroups",
    height: int = 420,
) -> go.Figure:
    """Mean subgroup MAE per attribute and model (seed Figure 1) from ``compute_attribute_mae``.

    Bars are placed by hand on a numeric axis (one slot per attribute, one bar per model) so a
    star can sit exactly above ``highlight_model``'s error bar for every attribute whose entry
    in ``significance`` is True (that model is significantly better than the next-best one).

    Raises:
        ValueError: When ``significance`` marks an attribute but ``highlight_model`` has no bar.
    """
    colours = model_colours(attribute_mae["model"])
    models = list(colours)
    attrs = list(dict.fromkeys(attribute_mae["attribute"].astype(str)))
    pos = {a: i for i, a in enumerate(attrs)}
    width = 0.8 / max(len(models), 1)
    offset = {m: (k - (len(models) - 1) / 2) * width for k, m in enumerate(models)}
    fig = go.Figure()
    for model, dm in attribute_mae.groupby("model", sort=False):
        plus, minus = error_bars(dm)
        x = [pos[str(a)] + offset[str(model)] for a in dm["attribute"]]
        fig.add_trace(
            go.Bar(
                x=x,
                y=dm["mae"],
                width=width * 0.95,
                name=str(model),
                marker_color=colours[str(model)],
                error_y={"type": "data", "array": plus, "arrayminus": minus, "color": ERROR_COLOUR},
                customdata=custom_data(
                    dm["attribute"], dm["ci_low"], dm["ci_high"], dm["n_groups"]
                ),
                hovertemplate=(
                    f"<b>{model}</b><br>%{{customdata[0]}}: mean MAE %{{y:.3f}}<br>95% CI "
                    "[%{customdata[1]:.3f}, %{customdata[2]:.3f}]<br>over %{customdata[3]} "
                    "subgroups<extra></extra>"
                ),
            )
        )
    starred = [a for a in attrs if significance and significance.get(a)]
    top = float(np.nanmax(attribute_mae[["mae", "ci_high"]].to_numpy(dtype=float)))
    top = top if np.isfinite(top) and top > 0 else 1.0
    if starred:
        x = {a: pos[a] + offset.get(highlight_model, 0.0) for a in starred}
        fig.add_trace(_stars(attribute_mae, starred, x, highlight_model, top))
    fig.update_layout(barmode="overlay", legend_title_text="model")
    fig.update_xaxes(
        tickmode="array",
        tickvals=list(range(len(attrs))),
        ticktext=[wrap(a, 16) for a in attrs],
        range=[-0.5, len(attrs) - 0.5],
        showgrid=False,
        automargin=True,
    )
    fig.update_yaxes(range=[0, top * 1.15])
    if starred and title:
        title = f"{title} (* {highlight_model} better than next best, p < 0.05)"
    return apply_style(
        fig,
        title=title,
        height=height,
        x_title="demographic attribute",
        y_title="mean MAE across subgroups (lower is better)",
    )
