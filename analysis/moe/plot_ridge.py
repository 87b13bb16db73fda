"""Figure of cross-group expert specialisation: the ridge clustermap (seed Figures 12-16).

Draws :func:`~analysis.moe.specialisation.compute_usage_ridge` output with the row and column
orders of :func:`~analysis.moe.specialisation.cluster_order` and its dendrograms.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots
from scipy.cluster.hierarchy import dendrogram

from analysis._style import DIVERGING, apply_style, wrap
from analysis.moe._figures import GREY
from analysis.moe.specialisation import cluster_linkage, cluster_order

__all__ = ["plot_ridge_clustermap"]


def _dendrogram_segments(
    link: np.ndarray, labels: list[str], order: list[str]
) -> tuple[list[float | None], list[float | None]]:
    """Leaf-axis and height coordinates of a dendrogram (None-separated line segments).

    Leaf ``k`` of ``order`` sits at ``10 k + 5`` (scipy's convention); the result is checked to
    put the leaves in ``order``.
    """
    d = dendrogram(link, no_plot=True, labels=labels)
    if list(d["ivl"]) != list(order):
        raise RuntimeError("dendrogram leaves disagree with cluster_order")  # pragma: no cover
    leaf: list[float | None] = []
    height: list[float | None] = []
    for ic, dc in zip(d["icoord"], d["dcoord"]):
        leaf += [*ic, None]
        height += [*dc, None]
    return leaf, height


def _heatmap(values: np.ndarray, rows: list[str], cols: list[str], annotate: bool) -> go.Heatmap:
    """The coefficient cells on the 10-unit leaf grid, diverging around 0."""
    n_rows, n_cols = values.shape
    lim = float(np.abs(values).max()) or 1.0
    digits = max(2, 1 - int(np.floor(np.log10(lim))))
    custom = np.dstack(
        [
            np.repeat(np.asarray(rows, dtype=object)[:, None], n_cols, axis=1),
            np.repeat(np.asarray(cols, dtype=object)[None, :], n_rows, axis=0),
        ]
    )
    return go.Heatmap(
        z=values,
        x0=5.0,
        dx=10.0,
        y0=5.0,
        dy=10.0,
        colorscale=DIVERGING,
        zmid=0.0,
        zmin=-lim,
        zmax=lim,
        texttemplate=f"%{{z:.{digits}f}}" if annotate else None,
        customdata=custom,
        hovertemplate="%{customdata[0]}<br>%{customdata[1]}: coefficient %{z:.4f}<extra></extra>",
        # A colour bar right of the row labels, also when the cells carry their values.
        showscale=True,
        colorbar={
            "title": {"text": "ridge coefficient"},
            "tickvals": [-lim, 0.0, lim],
            "ticktext": [f"{-lim:.2g}", "0", f"{lim:.2g}"],
        },
        xgap=1,
        ygap=1,
    )


def _add_dendrograms(fig: go.Figure, coef: pd.DataFrame, rows: list[str], cols: list[str]) -> None:
    """Column dendrogram on top, row dendrogram on the left (each when there are two leaves)."""
    row_link, col_link = cluster_linkage(coef)
    line = {"color": GREY, "width": 1.5}
    if col_link is not None:
        leaf, h = _dendrogram_segments(col_link, list(coef.columns.astype(str)), cols)
        fig.add_trace(
            go.Scatter(x=leaf, y=h, mode="lines", line=line, hoverinfo="skip", showlegend=False),
            row=1,
            col=2,
        )
    if row_link is not None:
        leaf, h = _dendrogram_segments(row_link, list(coef.index.astype(str)), rows)
        fig.add_trace(
            go.Scatter(x=h, y=leaf, mode="lines", line=line, hoverinfo="skip", showlegend=False),
            row=2,
            col=1,
        )


def _style_axes(fig: go.Figure, rows: list[str], cols: list[str]) -> None:
    """Bare dendrogram axes; expert labels below and feature labels right of the cells."""
    hidden = {"showticklabels": False, "showgrid": False, "zeroline": False, "ticks": ""}
    fig.update_xaxes(**hidden, row=1, col=2)
    fig.update_yaxes(**hidden, row=1, col=2)
    fig.update_yaxes(rangemode="tozero", row=1, col=2)
    fig.update_xaxes(**hidden, autorange="reversed", row=2, col=1)
    fig.update_yaxes(**hidden, row=2, col=1)
    fig.update_xaxes(
        tickmode="array",
        tickvals=10 * np.arange(len(cols)) + 5.0,
        ticktext=[c.replace("_", " ") for c in cols],
        range=[0, 10 * len(cols)],
        showgrid=False,
        zeroline=False,
        title_text="expert",
        row=2,
        col=2,
    )
    fig.update_yaxes(
        tickmode="array",
        tickvals=10 * np.arange(len(rows)) + 5.0,
        ticktext=[wrap(r, 40) for r in rows],
        range=[10 * len(rows), 0],
        showgrid=False,
        zeroline=False,
        side="right",
        showticklabels=True,
        automargin=True,
        title_text="demographic feature",
        row=2,
        col=2,
    )


def plot_ridge_clustermap(
    coef: pd.DataFrame,
    *,
    title: str | None = "Ridge coefficients: demographics → expert usage",
    annotate: bool | None = None,
) -> go.Figure:
    """Clustered heatmap of ``compute_usage_ridge`` output (seed Figures 12-16).

    ``coef`` is :func:`~analysis.moe.specialisation.compute_usage_ridge` output.

    Rows (demographic features) and columns (experts) are ordered by
    :func:`~analysis.moe.specialisation.cluster_order`, with their average-linkage dendrograms on
    the left and on top (left out for a single row or column). The diverging colour scale is
    centred at 0. Cells are annotated when ``annotate`` is True, or by default when there are
    at most 400 of them.
    """
    rows, cols = cluster_order(coef)
    mat = coef.copy()
    mat.index = mat.index.astype(str)
    mat.columns = mat.columns.astype(str)
    values = mat.loc[rows, cols].to_numpy(dtype=float)
    annotate = values.size <= 400 if annotate is None else annotate
    dendro_px = 90
    height = int(max(320, len(rows) * 26 + dendro_px + 160))
    fig = make_subplots(
        rows=2,
        cols=2,
        column_widths=[0.18, 0.82],
        row_heights=[dendro_px / height, 1 - dendro_px / height],
        shared_xaxes=True,
        shared_yaxes=True,
        horizontal_spacing=0.005,
        vertical_spacing=0.005,
        specs=[[None, {}], [{}, {}]],
    )
    fig.add_trace(_heatmap(values, rows, cols, annotate), row=2, col=2)
    _add_dendrograms(fig, coef, rows, cols)
    _style_axes(fig, rows, cols)
    apply_style(fig, title=title, height=height + 60)
    # The colour bar lies flat under the heatmap: to its right it would cover the row labels.
    fig.update_traces(
        colorbar={
            "orientation": "h",
            "x": 0.59,
            "xanchor": "center",
            "y": -70 / height,
            "yanchor": "top",
            "len": 0.5,
            "thickness": 10,
            "title": {"text": "ridge coefficient", "side": "top"},
        },
        selector={"type": "heatmap"},
    )
    fig.update_layout(margin={"l": 20, "r": 20, "b": 110})
    return fig
