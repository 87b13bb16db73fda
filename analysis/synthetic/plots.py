"""Figures of the Synthetic perspectives page: homogenisation, the blending grid, alignment."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis._style import GREY, PALETTE, apply_style

__all__ = [
    "SOURCE_COLOURS",
    "plot_blending_grid",
    "plot_group_alignment",
    "plot_homogenisation",
    "plot_model_fit",
    "plot_prototypical_features",
]

SOURCE_COLOURS = {"human": PALETTE[0], "synthetic": PALETTE[1]}


def _errors(t: pd.DataFrame, value: str, low: str, high: str) -> dict:
    return {"type": "data", "symmetric": False, "array": t[high] - t[value],
            "arrayminus": t[value] - t[low], "thickness": 1.2, "width": 6}  # fmt: skip


def plot_homogenisation(table: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Alpha (95% interval) and matched label entropy, human beside synthetic."""
    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.14, subplot_titles=(
        "Agreement: Krippendorff's α", "Label entropy (matched draws)"))  # fmt: skip
    for _, row in table.iterrows():
        colour = SOURCE_COLOURS.get(row["source"], GREY)
        one = table[table["source"] == row["source"]]
        fig.add_trace(go.Bar(
            x=one["source"], y=one["alpha"], marker_color=colour, showlegend=False,
            error_y=_errors(one, "alpha", "alpha_low", "alpha_high"),
            hovertemplate="%{x}: α %{y:.3f}<extra></extra>",
        ), row=1, col=1)  # fmt: skip
        fig.add_trace(go.Bar(
            x=one["source"], y=one["entropy"], marker_color=colour, showlegend=False,
            hovertemplate="%{x}: entropy %{y:.3f}<extra></extra>",
        ), row=1, col=2)  # fmt: skip
    fig.update_yaxes(title_text="α (1 = full agreement)", row=1, col=1)
    fig.update_yaxes(title_text="normalised entropy (0–1)", rangemode="tozero", row=1, col=2)
    return apply_style(fig, title=title or "Do synthetic annotators agree more than humans?",
                       height=380)  # fmt: skip


def plot_blending_grid(grid: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Mean MAE across demographic categories per cell, the real-only model as a band.

    The dem-moe seed's Figure 3: cells grouped by synthetic set (x), one colour per blend.
    """
    real = grid[grid["blending"] == "real only"]
    cells = grid[grid["blending"] != "real only"]
    fig = go.Figure()
    if len(real):
        r = real.iloc[0]
        fig.add_hrect(y0=r["category_low"], y1=r["category_high"], fillcolor=GREY, opacity=0.15,
                      line_width=0)  # fmt: skip
        fig.add_hline(y=r["category_mae"], line={"color": GREY, "dash": "dash"},
                      annotation_text=f"real data only {r['category_mae']:.3f}",
                      annotation_position="top left")  # fmt: skip
    for k, blending in enumerate(dict.fromkeys(cells["blending"])):
        part = cells[cells["blending"] == blending]
        fig.add_trace(go.Scatter(
            x=part["strategy"], y=part["category_mae"], mode="markers", name=str(blending),
            marker={"color": PALETTE[(k + 1) % len(PALETTE)], "size": 10},
            error_y=_errors(part, "category_mae", "category_low", "category_high"),
            customdata=np.c_[part["vs_real"], part["vs_real_low"], part["vs_real_high"]],
            hovertemplate="%{x} · " + str(blending) + ": %{y:.3f}<br>vs real only "
            "%{customdata[0]:+.3f} (%{customdata[1]:+.3f} to %{customdata[2]:+.3f})"
            "<extra></extra>",
        ))  # fmt: skip
    lows = grid["category_low"].where(grid["category_low"].notna(), grid["category_mae"])
    highs = grid["category_high"].where(grid["category_high"].notna(), grid["category_mae"])
    pad = 0.15 * max(float(highs.max() - lows.min()), 0.01)
    fig.update_yaxes(range=[float(lows.min()) - pad, float(highs.max()) + pad])
    fig.update_layout(scattermode="group", legend_title_text="blend")
    return apply_style(
        fig, title=title or "DEM-MoE trained with synthetic annotations (95% intervals)",
        height=430, x_title="synthetic annotations", y_title="mean MAE across demographic "
        "categories",
    )  # fmt: skip


def plot_group_alignment(table: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Per group: Pearson r of synthetic vs human item means (bars), coloured by attribute."""
    fig = go.Figure()
    for k, attribute in enumerate(dict.fromkeys(table["attribute"])):
        part = table[table["attribute"] == attribute]
        fig.add_trace(go.Bar(
            x=part["pearson"], y=[f"{attribute}: {g}" for g in part["group"]], orientation="h",
            name=str(attribute), marker_color=PALETTE[k % len(PALETTE)],
            customdata=np.c_[part["mae"], part["items"]],
            hovertemplate="%{y}: r %{x:.2f}, MAE %{customdata[0]:.2f} "
            "(%{customdata[1]} items)<extra></extra>",
        ))  # fmt: skip
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[min(-0.05, float(table["pearson"].min()) - 0.05), 1])
    fig.update_layout(legend_title_text="attribute")
    return apply_style(
        fig, title=title or "How well synthetic ratings follow each human group",
        height=160 + 24 * len(table), x_title="Pearson r of item means (synthetic vs human)",
    )  # fmt: skip


def plot_prototypical_features(features: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Lift over chance of personas siding with their own group, per attribute."""
    fig = go.Figure(go.Bar(
        x=features["attribute"], y=features["lift"], marker_color=PALETTE[1],
        customdata=np.c_[features["own_closest_share"], features["chance"]],
        hovertemplate="%{x}: %{customdata[0]:.0%} of personas closest to their own group "
        "(chance %{customdata[1]:.0%})<extra></extra>",
    ))  # fmt: skip
    fig.add_hline(y=1.0, line={"color": GREY, "dash": "dash"}, annotation_text="chance",
                  annotation_position="top right")  # fmt: skip
    return apply_style(
        fig, title=title or "Which persona attributes the generator uses",
        height=380, x_title="attribute", y_title="own-group matches ÷ chance",
    )  # fmt: skip


def plot_model_fit(table: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """MAE of each annotator model on human labels and on synthetic labels (95% intervals)."""
    fig = go.Figure()
    for source in dict.fromkeys(table["source"]):
        part = table[table["source"] == source]
        fig.add_trace(go.Bar(
            x=part["model"], y=part["mae"], name=str(source),
            marker_color=SOURCE_COLOURS.get(str(source), GREY),
            error_y=_errors(part, "mae", "ci_low", "ci_high"),
            hovertemplate="%{x} on " + str(source) + " labels: MAE %{y:.3f}<extra></extra>",
        ))  # fmt: skip
    fig.update_layout(barmode="group", legend_title_text="labels from")
    return apply_style(
        fig, title=title or "Annotator models on human vs synthetic labels",
        height=400, x_title="model", y_title="test MAE",
    )  # fmt: skip
