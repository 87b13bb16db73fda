"""Figures for DEM-MoE evaluation and expert specialisation (DEM-MoE page).

Each ``plot_*`` takes the DataFrame of the matching ``compute_*`` in :mod:`analysis.moe.metrics`
or :mod:`analysis.moe.specialisation` and returns a styled plotly figure. Models get palette colours
in their order of first appearance in the table, so figures built from tables of the same
predictions colour every model alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots
from scipy.cluster.hierarchy import dendrogram

from analysis._style import DIVERGING, PALETTE, SEQUENTIAL, apply_style, wrap
from analysis.moe.specialisation import cluster_linkage, cluster_order

GREY = "#9e9e9e"
ERROR_COLOUR = "#444"
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


def _model_colours(models: Sequence[str]) -> dict[str, str]:
    """Palette colour per model in order of first appearance."""
    uniq = list(dict.fromkeys(str(m) for m in models))
    return {m: PALETTE[i % len(PALETTE)] for i, m in enumerate(uniq)}


def _error(df: pd.DataFrame, value: str = "mae") -> tuple[np.ndarray, np.ndarray]:
    """Upper and lower error-bar lengths from ``ci_low``/``ci_high`` (0 where NaN)."""
    v = df[value].to_numpy(dtype=float)
    plus = np.nan_to_num(df["ci_high"].to_numpy(dtype=float) - v, nan=0.0)
    minus = np.nan_to_num(v - df["ci_low"].to_numpy(dtype=float), nan=0.0)
    return np.clip(plus, 0, None), np.clip(minus, 0, None)


def _custom(*cols: object) -> np.ndarray:
    """Column-stack hover data as objects so strings and numbers keep their types."""
    return np.column_stack([np.asarray(c, dtype=object) for c in cols])


# --------------------------------------------------------------------------- model comparison


def plot_model_comparison(
    boot_df: pd.DataFrame,
    *,
    title: str | None = "Annotator-level MAE by model",
    height: int | None = None,
) -> go.Figure:
    """Horizontal MAE bars of :func:`~analysis.moe.metrics.bootstrap_mae` output, best on top.

    Error bars are the 95% bootstrap intervals.
    """
    colours = _model_colours(boot_df["model"])
    df = boot_df.sort_values("mae", kind="stable").reset_index(drop=True)
    plus, minus = _error(df)
    fig = go.Figure(
        go.Bar(
            y=df["model"].astype(str),
            x=df["mae"],
            orientation="h",
            marker_color=[colours[str(m)] for m in df["model"]],
            error_x={"type": "data", "array": plus, "arrayminus": minus, "color": ERROR_COLOUR},
            customdata=_custom(df["ci_low"], df["ci_high"], df["n"]),
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
    colours = _model_colours(group_mae["model"])
    df = group_mae[group_mae["attribute"] == attribute]
    if df.empty:
        available = list(pd.unique(group_mae["attribute"]))
        raise ValueError(f"attribute {attribute!r} not in table; available: {available}")
    groups = list(dict.fromkeys(df["group"].astype(str)))
    fig = go.Figure()
    for model, dm in df.groupby("model", sort=False):
        plus, minus = _error(dm)
        fig.add_trace(
            go.Bar(
                x=dm["group"].astype(str),
                y=dm["mae"],
                name=str(model),
                marker_color=colours[str(model)],
                error_y={"type": "data", "array": plus, "arrayminus": minus, "color": ERROR_COLOUR},
                customdata=_custom(dm["ci_low"], dm["ci_high"], dm["n"], dm["n_annotators"]),
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
    colours = _model_colours(attribute_mae["model"])
    models = list(colours)
    attrs = list(dict.fromkeys(attribute_mae["attribute"].astype(str)))
    pos = {a: i for i, a in enumerate(attrs)}
    width = 0.8 / max(len(models), 1)
    offset = {m: (k - (len(models) - 1) / 2) * width for k, m in enumerate(models)}
    fig = go.Figure()
    for model, dm in attribute_mae.groupby("model", sort=False):
        plus, minus = _error(dm)
        x = [pos[str(a)] + offset[str(model)] for a in dm["attribute"]]
        fig.add_trace(
            go.Bar(
                x=x,
                y=dm["mae"],
                width=width * 0.95,
                name=str(model),
                marker_color=colours[str(model)],
                error_y={"type": "data", "array": plus, "arrayminus": minus, "color": ERROR_COLOUR},
                customdata=_custom(dm["attribute"], dm["ci_low"], dm["ci_high"], dm["n_groups"]),
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
        hl = attribute_mae[attribute_mae["model"].astype(str) == highlight_model]
        hl = hl.set_index(hl["attribute"].astype(str))
        missing = [a for a in starred if a not in hl.index]
        if missing:
            raise ValueError(f"no {highlight_model!r} bar for starred attribute(s) {missing}")
        y = hl.loc[starred, "ci_high"].fillna(hl.loc[starred, "mae"]).to_numpy(dtype=float)
        fig.add_trace(
            go.Scatter(
                x=[pos[a] + offset[highlight_model] for a in starred],
                y=y + 0.01 * top,
                mode="text",
                text=["*"] * len(starred),
                textposition="top center",
                textfont={"size": 22, "color": "#000"},
                name=f"{highlight_model} better than next best (p < 0.05)",
                hovertemplate=f"{highlight_model} significantly better than the next-best model"
                " (p < 0.05)<extra></extra>",
                showlegend=False,
            )
        )
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
    colours = _model_colours(metrics["model"])
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
                    customdata=_custom(dm["n"]),
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


# --------------------------------------------------------------------------- specialisation


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
    experts = [f"expert {j}" for j in range(n_experts)]
    mats = {}
    for a in attrs:
        df = usage[usage["attribute"] == a]
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
        mats[a] = (groups, values, n)
    counts = [len(mats[a][0]) for a in attrs]
    gap_px, top_px, bottom_px = 70, 70 if title else 30, 60
    height = int(sum(counts) * row_px + gap_px * (len(attrs) - 1) + top_px + bottom_px + 40)
    fig = make_subplots(
        rows=len(attrs),
        cols=1,
        row_heights=[c / sum(counts) for c in counts],
        vertical_spacing=gap_px / height if len(attrs) > 1 else 0.0,
    )
    for i, a in enumerate(attrs, start=1):
        groups, values, n = mats[a]
        custom = np.dstack(
            [
                np.repeat(np.asarray(groups, dtype=object)[:, None], n_experts, axis=1),
                np.repeat(np.asarray(n, dtype=object)[:, None], n_experts, axis=1),
            ]
        )
        fig.add_trace(
            go.Heatmap(
                z=values,
                x=experts,
                y=[wrap(g, 24) for g in groups],
                coloraxis="coloraxis",
                texttemplate="%{z:.2f}",
                customdata=custom,
                hovertemplate=(
                    f"{a}: %{{customdata[0]}}<br>%{{x}}: %{{z:.1%}} of routed weight"
                    "<br>%{customdata[1]} annotations<extra></extra>"
                ),
                xgap=1,
                ygap=1,
            ),
            row=i,
            col=1,
        )
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
            customdata=_custom(df["mean_pairwise_kl"], df["n_groups"]),
            hovertemplate=(
                "<b>%{x}</b><br>KL / log K = %{y:.3f}<br>mean pairwise KL "
                "%{customdata[0]:.3f} nats<br>%{customdata[1]} subgroups<extra></extra>"
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


def plot_ridge_clustermap(
    coef: pd.DataFrame,
    *,
    title: str | None = "Ridge coefficients: demographics → expert usage",
    annotate: bool | None = None,
) -> go.Figure:
    """Clustered heatmap of :func:`compute_usage_ridge` output (seed Figures 12-16).

    Rows (demographic features) and columns (experts) are ordered by
    :func:`~analysis.moe.specialisation.cluster_order`, with their average-linkage dendrograms on
    the left and on top (left out for a single row or column). The diverging colour scale is
    centred at 0. Cells are annotated when ``annotate`` is True, or by default when there are
    at most 400 of them.
    """
    rows, cols = cluster_order(coef)
    row_link, col_link = cluster_linkage(coef)
    mat = coef.copy()
    mat.index = mat.index.astype(str)
    mat.columns = mat.columns.astype(str)
    mat = mat.loc[rows, cols]
    values = mat.to_numpy(dtype=float)
    n_rows, n_cols = values.shape
    ypos = 10 * np.arange(n_rows) + 5.0
    xpos = 10 * np.arange(n_cols) + 5.0
    lim = float(np.abs(values).max()) or 1.0
    annotate = values.size <= 400 if annotate is None else annotate
    digits = max(2, 1 - int(np.floor(np.log10(lim))))
    row_px = 26
    dendro_px = 90
    height = int(max(320, n_rows * row_px + dendro_px + 160))
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
    custom = np.dstack(
        [
            np.repeat(np.asarray(rows, dtype=object)[:, None], n_cols, axis=1),
            np.repeat(np.asarray(cols, dtype=object)[None, :], n_rows, axis=0),
        ]
    )
    fig.add_trace(
        go.Heatmap(
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
            hovertemplate=(
                "%{customdata[0]}<br>%{customdata[1]}: coefficient %{z:.4f}<extra></extra>"
            ),
            # Cells carry their values when annotated; otherwise a bar right of the labels.
            showscale=not annotate,
            colorbar={
                "title": {"text": "ridge<br>coefficient"},
                "x": 1.25,
                "len": 0.6,
                "thickness": 12,
                "tickvals": [-lim, 0.0, lim],
                "ticktext": [f"{-lim:.2g}", "0", f"{lim:.2g}"],
            },
            xgap=1,
            ygap=1,
        ),
        row=2,
        col=2,
    )
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
    hidden = {"showticklabels": False, "showgrid": False, "zeroline": False, "ticks": ""}
    fig.update_xaxes(**hidden, row=1, col=2)
    fig.update_yaxes(**hidden, row=1, col=2)
    fig.update_yaxes(rangemode="tozero", row=1, col=2)
    fig.update_xaxes(**hidden, autorange="reversed", row=2, col=1)
    fig.update_yaxes(**hidden, row=2, col=1)
    fig.update_xaxes(
        tickmode="array",
        tickvals=xpos,
        ticktext=[c.replace("_", " ") for c in cols],
        range=[0, 10 * n_cols],
        showgrid=False,
        zeroline=False,
        title_text="expert",
        row=2,
        col=2,
    )
    fig.update_yaxes(
        tickmode="array",
        tickvals=ypos,
        ticktext=[wrap(r, 40) for r in rows],
        range=[10 * n_rows, 0],
        showgrid=False,
        zeroline=False,
        side="right",
        showticklabels=True,
        automargin=True,
        title_text="demographic feature",
        row=2,
        col=2,
    )
    apply_style(fig, title=title, height=height)
    fig.update_layout(margin={"l": 20, "r": 20})
    return fig


__all__ = [
    "plot_attribute_mae",
    "plot_group_mae",
    "plot_model_comparison",
    "plot_ridge_clustermap",
    "plot_seen_unseen",
    "plot_specialisation_kl",
    "plot_usage_heatmaps",
]


# --------------------------------------------------------------------------- hyperparameter search


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
    first = done["trial"] == 0
    series = [("trial 0 (your settings)", done[first], "diamond", ERROR_COLOUR)]
    for k, (rnd, grp) in enumerate(done[~first].groupby("round", sort=True)):
        label = "round 1 (wide)" if rnd == 1 else f"round {rnd} (narrowed)"
        series.append((label, grp, "circle", PALETTE[k % len(PALETTE)]))
    for label, grp, symbol, colour in series:
        if grp.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=grp["trial"],
                y=grp["dev_mae"],
                mode="markers",
                name=label,
                marker={"color": colour, "size": 10, "symbol": symbol},
                customdata=_custom(
                    grp["seconds"], grp.get("dev_max_kl", pd.Series(np.nan, index=grp.index))
                ),
                hovertemplate="trial %{x}<br>dev MAE %{y:.4f}<br>max normalised KL "
                "%{customdata[1]:.3f}<br>%{customdata[0]:.1f} s<extra></extra>",
            )
        )
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
