"""Figures for value-profile analyses (Value profiles page).

Each ``plot_*`` takes the DataFrame of the matching ``compute_*`` in
:mod:`analysis.profiles.metrics` and returns a styled plotly figure.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis._style import PALETTE, apply_style, wrap

GREY = "#9e9e9e"


def _hover_text(text: object, limit: int = 120, width: int = 60) -> str:
    """Truncate to ``limit`` characters and wrap for a tooltip."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    s = " ".join(str(text).split())
    if len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return wrap(s, width)


def _custom(*cols: object) -> np.ndarray:
    """Column-stack hover data as objects so strings and numbers keep their types."""
    return np.column_stack([np.asarray(c, dtype=object) for c in cols])


def _align(values: pd.Series | None, df: pd.DataFrame, name: str) -> pd.Series | None:
    """Align ``values`` to ``df`` rows by ``item_id`` when its index holds them, else by row."""
    if values is None:
        return None
    ids = df["item_id"]
    if len(ids) and pd.Index(ids).isin(values.index).all() and values.index.is_unique:
        return values.reindex(ids).reset_index(drop=True)
    if len(values) != len(df):
        raise ValueError(f"`{name}` matches neither the item ids nor the number of rows")
    return values.reset_index(drop=True)


def _diagonal(name: str) -> go.Scatter:
    """The dotted y = x reference line on a unit square."""
    return go.Scatter(
        x=[0, 1],
        y=[0, 1],
        mode="lines",
        line={"color": GREY, "dash": "dot"},
        name=name,
        hoverinfo="skip",
    )


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


def plot_reliability(
    df: pd.DataFrame,
    ece: float | None = None,
    *,
    title: str | None = "Reliability diagram",
    height: int = 420,
) -> go.Figure:
    """Accuracy vs confidence per bin (``compute_reliability``) against the diagonal."""
    count = df["count"].to_numpy(dtype=float)
    size = 8 + 22 * np.sqrt(count / count.max()) if len(count) else []
    fig = go.Figure()
    fig.add_trace(_diagonal("perfect calibration"))
    fig.add_trace(
        go.Scatter(
            x=df["confidence"],
            y=df["accuracy"],
            mode="lines+markers",
            marker={"size": size, "color": PALETTE[0], "line": {"width": 1, "color": "white"}},
            line={"color": PALETTE[0]},
            name="decoder",
            customdata=np.c_[df["bin_low"], df["bin_high"], df["count"]],
            hovertemplate=(
                "bin [%{customdata[0]:.2f}, %{customdata[1]:.2f})<br>confidence %{x:.3f}"
                "<br>accuracy %{y:.3f}<br>%{customdata[2]} predictions<extra></extra>"
            ),
        )
    )
    fig.update_xaxes(range=[0, 1], constrain="domain")
    fig.update_yaxes(range=[0, 1], scaleanchor="x", scaleratio=1)
    if title and ece is not None and not math.isnan(ece):
        title = f"{title} (ECE = {ece:.3f})"
    return apply_style(fig, title=title, height=height, x_title="confidence", y_title="accuracy")


def plot_uncertainty_scatter(
    df: pd.DataFrame,
    texts: pd.Series | None = None,
    color: pd.Series | None = None,
    *,
    title: str | None = "Value-epistemic vs aleatoric uncertainty",
    height: int = 460,
) -> go.Figure:
    """Per-item scatter of ``compute_item_uncertainty`` output (aleatoric vs value-epistemic).

    ``texts`` and ``color`` are aligned by ``item_id`` when their index holds the item ids,
    otherwise by position. A numeric ``color`` gets a colour scale, any other one a legend.
    """
    text = _align(texts, df, "texts")
    col = _align(color, df, "color")
    hover = [_hover_text(t) for t in text] if text is not None else [""] * len(df)
    custom = _custom(df["item_id"].astype(str), df["total"], df["fraction_value_epistemic"], hover)
    template = (
        "<b>%{customdata[0]}</b><br>aleatoric %{x:.3f}, value-epistemic %{y:.3f}"
        "<br>total %{customdata[1]:.3f} (%{customdata[2]:.0%} value-epistemic)"
        "<br>%{customdata[3]}<extra></extra>"
    )
    fig = go.Figure()
    if col is not None and not pd.api.types.is_numeric_dtype(col):
        for i, group in enumerate(pd.unique(col)):
            mask = (col == group).to_numpy()
            fig.add_trace(
                go.Scatter(
                    x=df["aleatoric"][mask],
                    y=df["value_epistemic"][mask],
                    mode="markers",
                    name=str(group),
                    marker={"color": PALETTE[i % len(PALETTE)], "size": 7, "opacity": 0.75},
                    customdata=custom[mask],
                    hovertemplate=template,
                )
            )
    else:
        marker: dict[str, object] = {"color": PALETTE[0], "size": 7, "opacity": 0.75}
        if col is not None:
            marker.update(
                color=col, colorscale="Viridis", showscale=True, colorbar={"title": col.name}
            )
        fig.add_trace(
            go.Scatter(
                x=df["aleatoric"],
                y=df["value_epistemic"],
                mode="markers",
                marker=marker,
                customdata=custom,
                hovertemplate=template,
                showlegend=False,
            )
        )
    fig.add_hline(y=0, line_color=GREY, line_width=1)
    xmax = float(np.nanmax(df["aleatoric"])) if len(df) else 0.0
    fig.update_xaxes(range=[0, max(xmax, 1e-6) * 1.05])
    return apply_style(
        fig,
        title=title,
        height=height,
        x_title="aleatoric uncertainty (nats)",
        y_title="value-epistemic uncertainty (nats)",
    )


def plot_jury(
    df: pd.DataFrame,
    r: float | None = None,
    *,
    title: str | None = "Simulated jury vs observed agreement",
    height: int = 440,
) -> go.Figure:
    """Predicted vs observed P(two raters agree) per item (``compute_jury``) with the diagonal."""
    fig = go.Figure()
    fig.add_trace(_diagonal("y = x"))
    fig.add_trace(
        go.Scatter(
            x=df["predicted_p_agree"],
            y=df["observed_p_agree"],
            mode="markers",
            name="items",
            marker={"color": PALETTE[0], "size": 7, "opacity": 0.7},
            customdata=_custom(df["item_id"].astype(str), df["n_annotations"]),
            hovertemplate=(
                "<b>%{customdata[0]}</b><br>predicted %{x:.3f}<br>observed %{y:.3f}"
                " (%{customdata[1]} annotations)<extra></extra>"
            ),
        )
    )
    fig.update_xaxes(range=[0, 1.02])
    fig.update_yaxes(range=[0, 1.02])
    if title and r is not None and not math.isnan(r):
        title = f"{title} (Pearson r = {r:.2f})"
    return apply_style(
        fig,
        title=title,
        height=height,
        x_title="predicted P(two raters agree)",
        y_title="observed P(two raters agree)",
    )


def plot_distribution_shift(
    before: pd.DataFrame,
    after: pd.DataFrame,
    *,
    title: str | None = "Predicted label distribution",
    height: int = 340,
) -> go.Figure:
    """Grouped bars of ``summarise_distribution`` output before and after a profile edit."""
    fig = go.Figure()
    for name, table, colour in (("before", before, GREY), ("after", after, PALETTE[0])):
        fig.add_trace(
            go.Bar(
                x=[_fmt(c) for c in table["class"]],
                y=table["share"],
                name=name,
                marker_color=colour,
                hovertemplate="class %{x}: %{y:.1%} " + name + "<extra></extra>",
            )
        )
    top = pd.concat([before["share"], after["share"]]).max()
    top = float(top) if pd.notna(top) else 1.0
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category")
    fig.update_yaxes(range=[0, min(1.0, top * 1.15) or 1.0], tickformat=".0%")
    return apply_style(fig, title=title, height=height, x_title="class", y_title="mean share")


def plot_profile_clusters(
    df: pd.DataFrame,
    *,
    title: str | None = "Raters per value-profile cluster",
    height: int | None = None,
) -> go.Figure:
    """Horizontal bars of raters per cluster from ``compute_cluster_summary`` output."""
    labels = [
        f"cluster {c}"
        if p is None or (isinstance(p, float) and math.isnan(p))
        else f"{c}: {str(p)[:60]}"
        for c, p in zip(df["cluster"], df["profile"])
    ]
    hover = [_hover_text(p, limit=300) for p in df["profile"]]
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=df["n_raters"],
            orientation="h",
            marker_color=[PALETTE[i % len(PALETTE)] for i in range(len(df))],
            customdata=_custom(df["share"], df["mean_loss"], hover),
            hovertemplate=(
                "%{x} raters (%{customdata[0]:.0%})<br>mean loss %{customdata[1]:.3f}"
                "<br>%{customdata[2]}<extra></extra>"
            ),
        )
    )
    fig.update_yaxes(type="category", autorange="reversed")
    fig.update_xaxes(rangemode="tozero")
    return apply_style(
        fig,
        title=title,
        height=height or max(240, 60 + 40 * len(df)),
        x_title="raters",
        y_title="cluster",
    )


def _fmt(v: object) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


__all__ = [
    "plot_distribution_shift",
    "plot_jury",
    "plot_profile_clusters",
    "plot_reliability",
    "plot_uncertainty_scatter",
    "plot_usable_information",
]
