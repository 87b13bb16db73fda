"""Figures of the model comparison: MAE per model and seen vs unseen annotators.

Each figure draws the table of the matching function in :mod:`analysis.moe.bootstrap`
(:func:`~analysis.moe.bootstrap.bootstrap_mae`) or :mod:`analysis.moe.metrics`
(:func:`~analysis.moe.metrics.compute_rating_metrics`) and returns a styled plotly figure.
Models get palette colours in their order of first appearance in the table, so figures built
from tables of the same predictions colour every model alike.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis._style import apply_style
from analysis.moe._figures import ERROR_COLOUR, custom_data, error_bars, model_colours

__all__ = ["METRIC_LABELS", "plot_model_comparison", "plot_seen_unseen"]

METRIC_LABELS = {
    "mae": "MAE (lower is better)",
    "pearson": "Pearson r (higher is better)",
    "emd": "EMD (lower is better)",
    "item_mae": "item-level MAE (lower is better)",
    "item_pearson": "item-level Pearson r (higher is better)",
}
SUBSET_LABELS = {"overall": "all", "seen": "seen", "unseen": "unseen"}
SHORT_LABELS = {
    "mae": "MAE",
    "pearson": "Pearson r",
    "emd": "EMD",
    "item_mae": "item-level MAE",
    "item_pearson": "item-level Pearson r",
}


def plot_model_comparison(
    boot_df: pd.DataFrame,
    *,
    title: str | None = "Annotator-level MAE by model",
    height: int | None = None,
) -> go.Figure:
    """Horizontal MAE bars of :func:`~analysis.moe.metrics.bootstrap_mae` output, best on top.

    Error bars are the 95% bootstrap intervals.
    """
    colours = model_colours(boot_df["model"])
    df = boot_df.sort_values("mae", kind="stable").reset_index(drop=True)
    plus, minus = error_bars(df)
    fig = go.Figure(
        go.Bar(
            y=df["model"].astype(str),
            x=df["mae"],
            orientation="h",
            marker_color=[colours[str(m)] for m in df["model"]],
            error_x={"type": "data", "array": plus, "arrayminus": minus, "color": ERROR_COLOUR},
            customdata=custom_data(df["ci_low"], df["ci_high"], df["n"]),
            hovertemplate=(
                "<b>%{y}</b><br>MAE %{x:.3f}<br>95% CI [%{customdata[0]:.3f}, "
                "%{customdata[1]:.3f}]<br>%{customdata[2]} annotations<extra></extra>"
            ),
        )
    )
    fig.update_yaxes(type="category", autorange="reversed", automargin=True)
    fig.update_xaxes(rangemode="tozero")
    return apply_style(
        fig,
        title=title,
        height=height or max(240, 80 + 40 * len(df)),
        x_title="MAE (lower is better)",
        y_title="model",
    )


def plot_seen_unseen(
    metrics: pd.DataFrame,
    *,
    metric_names: Sequence[str] = ("mae", "pearson", "emd"),
    title: str | None = "Seen vs unseen annotators",
    height: int = 400,
) -> go.Figure:
    """One panel per metric of :func:`compute_rating_metrics` output (seed Figure 6).

    In each panel, x = annotator subset (all / seen / unseen), one coloured bar per model.
    """
    colours = model_colours(metrics["model"])
    subsets = [s for s in SUBSET_LABELS if s in set(metrics["subset"])]
    labels = [METRIC_LABELS.get(m, m) for m in metric_names]
    fig = make_subplots(
        rows=1,
        cols=len(metric_names),
        subplot_titles=[SHORT_LABELS.get(m, m) for m in metric_names],
        horizontal_spacing=0.1,
    )
    for model, dm in metrics.groupby("model", sort=False):
        dm = dm.set_index("subset").reindex([s for s in subsets if s in set(dm["subset"])])
        for j, metric in enumerate(metric_names, start=1):
            fig.add_trace(
                go.Bar(
                    x=[SUBSET_LABELS[s] for s in dm.index],
                    y=dm[metric],
                    name=str(model),
                    legendgroup=str(model),
                    showlegend=j == 1,
                    marker_color=colours[str(model)],
                    customdata=custom_data(dm["n"]),
                    hovertemplate=(
                        f"<b>{model}</b><br>%{{x}} annotators: {metric} %{{y:.3f}}"
                        "<br>%{customdata[0]} annotations<extra></extra>"
                    ),
                ),
                row=1,
                col=j,
            )
            fig.update_yaxes(title_text=labels[j - 1], row=1, col=j)
            fig.update_xaxes(
                title_text="annotators",
                type="category",
                categoryorder="array",
                categoryarray=[SUBSET_LABELS[s] for s in subsets],
                row=1,
                col=j,
            )
    fig.update_layout(barmode="group", legend_title_text="model")
    fig.update_annotations(font_size=13)
    return apply_style(fig, title=title, height=height)
