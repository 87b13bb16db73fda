"""Figure of the DEM-MoE hyperparameter search: dev MAE per trial.

Draws :attr:`engines.moe.search.SearchResult.trials` (summarised by
:func:`analysis.moe.report.compute_search_table`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis._style import PALETTE, apply_style
from analysis.moe._figures import ERROR_COLOUR, GREY, custom_data

__all__ = ["plot_search_history"]


def _trial_traces(done: pd.DataFrame) -> list[go.Scatter]:
    """Markers of the completed trials: trial 0 a dark diamond, then one colour per round."""
    first = done["trial"] == 0
    series = [("trial 0 (your settings)", done[first], "diamond", ERROR_COLOUR)]
    for k, (rnd, grp) in enumerate(done[~first].groupby("round", sort=True)):
        label = "round 1 (wide)" if rnd == 1 else f"round {rnd} (narrowed)"
        series.append((label, grp, "circle", PALETTE[k % len(PALETTE)]))
    return [
        go.Scatter(
            x=grp["trial"],
            y=grp["dev_mae"],
            mode="markers",
            name=label,
            marker={"color": colour, "size": 10, "symbol": symbol},
            customdata=custom_data(
                grp["seconds"], grp.get("dev_max_jsd", pd.Series(np.nan, index=grp.index))
            ),
            hovertemplate="trial %{x}<br>dev MAE %{y:.4f}<br>max normalised KL "
            "%{customdata[1]:.3f}<br>%{customdata[0]:.1f} s<extra></extra>",
        )
        for label, grp, symbol, colour in series
        if not grp.empty
    ]


def plot_search_history(
    trials: pd.DataFrame,
    kept: int | None = None,
    *,
    title: str | None = "Hyperparameter search (dev-split MAE per trial)",
    height: int = 360,
) -> go.Figure:
    """Dev MAE of every completed trial (colour = round) with the best-so-far line.

    Trial 0 (the settings chosen on the page) is a dark diamond and the ``kept`` trial (the
    one trained) is ringed; pruned trials have no score and are counted in the legend.
    """
    fig = go.Figure()
    done = trials[trials["state"] == "complete"]
    for trace in _trial_traces(done):
        fig.add_trace(trace)
    if len(done):
        best = done["dev_mae"].cummin()
        fig.add_trace(
            go.Scatter(
                x=done["trial"],
                y=best,
                mode="lines",
                line={"shape": "hv", "color": ERROR_COLOUR, "dash": "dot"},
                name="best so far",
                hoverinfo="skip",
            )
        )
    if kept is not None and kept in done.index:
        ring = {"size": 20, "color": "rgba(0,0,0,0)", "line": {"width": 2, "color": ERROR_COLOUR}}
        fig.add_trace(
            go.Scatter(
                x=[done.loc[kept, "trial"]], y=[done.loc[kept, "dev_mae"]], mode="markers",
                marker=ring, name="kept (trained)", hoverinfo="skip",
            )
        )  # fmt: skip
    n_pruned = int((trials["state"] == "pruned").sum())
    if n_pruned:
        fig.add_trace(
            go.Scatter(
                x=[None], y=[None], mode="markers", marker={"color": GREY},
                name=f"{n_pruned} pruned (stopped early, no score)",
            )
        )  # fmt: skip
    fig.update_xaxes(tickmode="linear", dtick=max(1, len(trials) // 10))
    return apply_style(fig, title=title, height=height, x_title="trial", y_title="dev MAE")
