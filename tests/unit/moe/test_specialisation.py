"""Expert usage and within-group KL (engines.moe.usage), the ridge and cluster order
(analysis.moe.specialisation) and their figures, against hand-computed values."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis._style import wrap
from analysis.moe import (
    cluster_order,
    compute_usage_ridge,
    plot_ridge_clustermap,
    plot_specialisation_kl,
    plot_usage_heatmaps,
)
from analysis.moe.specialisation import routing_note
from engines.data.groups import MISSING
from engines.moe.routing import effective_experts, routing_summary
from engines.moe.usage import (
    KL_COLUMNS,
    USAGE_COLUMNS,
    compute_expert_usage,
    compute_specialisation_kl,
    expert_columns,
)

# KL of p1 = [0.5, 0.5] and p2 = [0.9, 0.1], by hand:
#   KL(p1 || p2) = 0.5 ln(0.5/0.9) + 0.5 ln(0.5/0.1) = ln(5/3)             = 0.5108256...
#   KL(p2 || p1) = 0.9 ln(0.9/0.5) + 0.1 ln(0.1/0.5) = 0.9 ln 1.8 - 0.1 ln 5 = 0.3680642...
KL_12 = 0.5108256237659907
KL_21 = 0.3680642071684971


def _routing(rows: list[tuple[str, list[float]]]) -> pd.DataFrame:
    weights = np.array([w for _, w in rows], dtype=float)
    df = pd.DataFrame(weights, columns=[f"expert_{j}" for j in range(weights.shape[1])])
    df.insert(0, "annotator_id", [a for a, _ in rows])
    return df


def _usage(groups: dict[str, list[float]], attribute: str = "age") -> pd.DataFrame:
    return pd.DataFrame(
        [
            (attribute, g, j, u, 10 * u, 10)
            for g, dist in groups.items()
            for j, u in enumerate(dist)
        ],
        columns=USAGE_COLUMNS,
    )


ANNOTATORS = pd.DataFrame(
    {"annotator_id": ["a1", "a2", "a3"], "age": ["young", "young", "old"], "sex": ["f", "m", None]}
)


# --------------------------------------------------------------------------- expert usage


def test_expert_usage_matches_hand_computation() -> None:
    routing = _routing(
        [
            ("a1", [0.6, 0.4, 0.0]),
            ("a1", [0.2, 0.0, 0.8]),
            ("a2", [1.0, 0.0, 0.0]),
            ("a3", [0.0, 0.5, 0.5]),
        ]
    )
    u = compute_expert_usage(routing, ANNOTATORS, ["age", "sex"])
    assert list(u.columns) == USAGE_COLUMNS
    young = u[(u["attribute"] == "age") & (u["group"] == "young")]
    # young totals [1.8, 0.4, 0.8] over 3.0 routed weight
    assert young["usage"].tolist() == pytest.approx([0.6, 0.4 / 3, 0.8 / 3])
    assert young["weight"].tolist() == pytest.approx([1.8, 0.4, 0.8])
    assert young["expert"].tolist() == [0, 1, 2]
    assert young["n"].tolist() == [3, 3, 3]
    old = u[(u["attribute"] == "age") & (u["group"] == "old")]
    assert old["usage"].tolist() == pytest.approx([0.0, 0.5, 0.5])
    assert u.groupby(["attribute", "group"])["usage"].sum().to_numpy() == pytest.approx(1.0)
    sex_groups = u.loc[u["attribute"] == "sex", "group"].unique().tolist()
    assert sex_groups == ["f", "m", MISSING]
    assert u["expert"].dtype.kind == "i"

    small = compute_expert_usage(routing, ANNOTATORS, ["age", "sex"], min_group_size=2)
    assert set(zip(small["attribute"], small["group"])) == {("age", "young")}


def test_routing_validation() -> None:
    good = _routing([("a1", [0.5, 0.5])])
    assert expert_columns(good) == ["expert_0", "expert_1"]
    with pytest.raises(ValueError, match="0..E-1"):
        expert_columns(good.rename(columns={"expert_1": "expert_2"}))
    with pytest.raises(ValueError, match="no `expert_"):
        expert_columns(good[["annotator_id"]])
    with pytest.raises(ValueError, match="non-negative"):
        compute_expert_usage(_routing([("a1", [-0.1, 1.1])]), ANNOTATORS, ["age"])
    with pytest.raises(ValueError, match="positive"):
        compute_expert_usage(_routing([("a1", [0.0, 0.0])]), ANNOTATORS, ["age"])
    with pytest.raises(KeyError, match="annotator_id"):
        compute_expert_usage(good.drop(columns="annotator_id"), ANNOTATORS, ["age"])


# --------------------------------------------------------------------------- KL


def test_specialisation_kl_matches_hand_computation() -> None:
    kl = compute_specialisation_kl(_usage({"a": [0.5, 0.5], "b": [0.9, 0.1]}), 2, prior=0.0)
    assert list(kl.columns) == KL_COLUMNS
    r = kl.iloc[0]
    assert r["n_groups"] == 2
    assert r["mean_pairwise_kl"] == pytest.approx((KL_12 + KL_21) / 2)
    assert r["mean_pairwise_kl"] == pytest.approx(0.4394449155)
    assert r["normalised_kl"] == pytest.approx(0.6339850003)  # divided by ln 2
    # A third group equal to "a": ordered pairs (a,b)=KL_12, (b,a)=KL_21, (b,c)=KL_21,
    # (c,b)=KL_12, (a,c)=(c,a)=0 -> mean over 6 pairs = (KL_12 + KL_21) / 3.
    three = _usage({"a": [0.5, 0.5], "b": [0.9, 0.1], "c": [0.5, 0.5]})
    r3 = compute_specialisation_kl(three, 2, prior=0.0).iloc[0]
    assert r3["mean_pairwise_kl"] == pytest.approx((KL_12 + KL_21) / 3)
    # More experts in the model than in the table: missing experts count as 0 usage and the
    # normalisation uses log(4).
    r4 = compute_specialisation_kl(_usage({"a": [0.5, 0.5], "b": [0.9, 0.1]}), 4, prior=0.0)
    assert r4["normalised_kl"].iloc[0] == pytest.approx((KL_12 + KL_21) / 2 / math.log(4))


def test_specialisation_kl_zero_for_identical_and_large_for_disjoint_routing() -> None:
    rows = []
    for i in range(6):
        rows += [(f"y{i}", [0.7, 0.3]), (f"o{i}", [0.7, 0.3])]
    annotators = pd.DataFrame(
        {
            "annotator_id": [f"y{i}" for i in range(6)] + [f"o{i}" for i in range(6)],
            "age": ["young"] * 6 + ["old"] * 6,
        }
    )
    same = compute_specialisation_kl(compute_expert_usage(_routing(rows), annotators, ["age"]), 2)
    assert same["mean_pairwise_kl"].iloc[0] == pytest.approx(0.0, abs=1e-12)

    disjoint = [(a, [1.0, 0.0] if a.startswith("y") else [0.0, 1.0]) for a, _ in rows]
    usage = compute_expert_usage(_routing(disjoint), annotators, ["age"])
    far = compute_specialisation_kl(usage, 2).iloc[0]
    # 6 annotations each, all on one expert, plus 0.5 pseudo-annotations per expert:
    # p_young = [6.5, 0.5] / 7, p_old = [0.5, 6.5] / 7, so each direction is
    # 6.5/7 ln 13 + 0.5/7 ln(1/13) = 6/7 ln 13 nats.
    assert far["mean_pairwise_kl"] == pytest.approx(6 / 7 * math.log(13))
    assert same["jsd_bits"].iloc[0] == pytest.approx(0.0, abs=1e-12)
    raw = compute_specialisation_kl(usage, 2, prior=0.0).iloc[0]
    assert raw["jsd_bits"] == pytest.approx(1.0)  # disjoint experts: the bound
    assert far["normalised_kl"] == pytest.approx(6 / 7 * math.log(13) / math.log(2))


def test_specialisation_kl_smoothing_renormalises() -> None:
    # weights [10, 0] and [0, 10] plus a prior of 1 pseudo-annotation per expert:
    # [11, 1] / 12 and [1, 11] / 12; KL = 11/12 ln 11 + 1/12 ln(1/11) = (5/6) ln 11 both ways.
    usage = _usage({"a": [1.0, 0.0], "b": [0.0, 1.0]})
    r = compute_specialisation_kl(usage, 2, prior=1.0).iloc[0]
    assert r["mean_pairwise_kl"] == pytest.approx(5 / 6 * math.log(11))
    assert r["mean_pairwise_kl"] == pytest.approx(1.9982461)


def test_specialisation_kl_edge_cases() -> None:
    single = compute_specialisation_kl(_usage({"only": [0.2, 0.8]}), 2).iloc[0]
    assert (single["n_groups"], single["mean_pairwise_kl"], single["normalised_kl"]) == (1, 0, 0)
    one_expert = compute_specialisation_kl(_usage({"a": [1.0], "b": [1.0]}), 1).iloc[0]
    assert one_expert["normalised_kl"] == 0.0
    two = pd.concat([_usage({"a": [1.0, 0.0], "b": [0.0, 1.0]}), _usage({"x": [0.5, 0.5]}, "sex")])
    assert compute_specialisation_kl(two, 2)["attribute"].tolist() == ["age", "sex"]
    with pytest.raises(ValueError, match="n_experts"):
        compute_specialisation_kl(_usage({"a": [0.5, 0.5]}), 0)
    with pytest.raises(ValueError, match=r"\[0, 1\)"):
        compute_specialisation_kl(_usage({"a": [0.5, 0.5]}), 1)


# --------------------------------------------------------------------------- ridge


def test_usage_ridge_uses_per_annotator_means() -> None:
    # a1 (young): three rows [1, 0] -> mean [1, 0]; a2 (young): [0.2, 0.8]; a3 (old): [0.2, 0.8].
    # Annotator-level young mean [0.6, 0.4] vs old [0.2, 0.8]: difference d = [0.4, -0.4].
    # With an intercept and alpha -> 0 the minimum-norm split is +-d/2 (a row-level fit would
    # see the young mean [0.8, 0.2] and give +-0.3).
    routing = _routing(
        [
            ("a1", [1.0, 0.0]),
            ("a1", [1.0, 0.0]),
            ("a1", [1.0, 0.0]),
            ("a2", [0.2, 0.8]),
            ("a3", [0.2, 0.8]),
        ]
    )
    coef = compute_usage_ridge(routing, ANNOTATORS, ["age"], alpha=1e-8)
    assert list(coef.index) == ["age=old", "age=young"]
    assert list(coef.columns) == ["expert_0", "expert_1"]
    assert coef.loc["age=young"].tolist() == pytest.approx([0.2, -0.2], abs=1e-6)
    assert coef.loc["age=old"].tolist() == pytest.approx([-0.2, 0.2], abs=1e-6)


def test_usage_ridge_recovers_planted_pattern() -> None:
    rng = np.random.default_rng(0)
    ids = [f"a{i}" for i in range(40)]
    annotators = pd.DataFrame(
        {
            "annotator_id": ids,
            "age": ["young"] * 20 + ["old"] * 20,
            "gender": ["w", "m"] * 20,  # balanced within age: carries no signal
        }
    )
    rows = []
    for i, a in enumerate(ids):
        base = 0.85 if i < 20 else 0.15
        for _ in range(5):
            w0 = float(np.clip(base + rng.normal(0, 0.05), 0, 1))
            rows.append((a, [w0, 1 - w0]))
    coef = compute_usage_ridge(_routing(rows), annotators, ["age", "gender"], alpha=1.0)
    assert list(coef.index) == ["age=old", "age=young", "gender=m", "gender=w"]
    assert coef.loc["age=young", "expert_0"] > 0.2 and coef.loc["age=young", "expert_1"] < -0.2
    assert coef.loc["age=old", "expert_0"] < -0.2 and coef.loc["age=old", "expert_1"] > 0.2
    assert coef.loc[["gender=m", "gender=w"]].abs().to_numpy().max() < 0.02
    # the two near-zero gender rows are each other's nearest neighbours
    rows_order, cols_order = cluster_order(coef)
    assert sorted(cols_order) == ["expert_0", "expert_1"]
    assert abs(rows_order.index("gender=m") - rows_order.index("gender=w")) == 1


def test_usage_ridge_validation() -> None:
    routing = _routing([("a1", [0.5, 0.5]), ("a3", [0.1, 0.9])])
    with pytest.raises(ValueError, match="alpha"):
        compute_usage_ridge(routing, ANNOTATORS, ["age"], alpha=0)
    with pytest.raises(ValueError, match="min_group_size"):
        compute_usage_ridge(routing, ANNOTATORS, ["age"], min_group_size=5)


def test_cluster_order_groups_similar_rows_and_handles_single_row_or_column() -> None:
    coef = pd.DataFrame(
        [[1.0, 0.0, 0.9], [0.0, 1.0, 0.1], [0.95, 0.05, 1.0], [0.05, 0.9, 0.0]],
        index=["r1", "r2", "r3", "r4"],
        columns=["e0", "e1", "e2"],
    )
    rows, cols = cluster_order(coef)
    assert sorted(rows) == ["r1", "r2", "r3", "r4"] and sorted(cols) == ["e0", "e1", "e2"]
    assert abs(rows.index("r1") - rows.index("r3")) == 1
    assert abs(rows.index("r2") - rows.index("r4")) == 1
    assert abs(cols.index("e0") - cols.index("e2")) == 1
    assert cluster_order(coef[["e1"]])[1] == ["e1"]
    assert cluster_order(coef.loc[["r2"]])[0] == ["r2"]
    assert cluster_order(coef.loc[["r2"], ["e0"]]) == (["r2"], ["e0"])
    with pytest.raises(ValueError, match="finite"):
        cluster_order(coef.replace(1.0, np.nan))


# --------------------------------------------------------------------------- plots


def _toy_usage() -> pd.DataFrame:
    return pd.concat(
        [
            _usage({"young": [0.7, 0.2, 0.1], "mid": [0.3, 0.3, 0.4], "old": [0.1, 0.1, 0.8]}),
            _usage({"f": [0.5, 0.5, 0.0]}, "sex"),
        ],
        ignore_index=True,
    )


def test_plot_usage_heatmaps() -> None:
    fig = plot_usage_heatmaps(_toy_usage())
    assert isinstance(fig, go.Figure)
    heatmaps = [t for t in fig.data if isinstance(t, go.Heatmap)]
    assert len(heatmaps) == 2
    assert np.asarray(heatmaps[0].z).shape == (3, 3)
    assert np.asarray(heatmaps[0].z).sum(axis=1) == pytest.approx(1.0)
    assert fig.layout.coloraxis.cmin == 0 and fig.layout.coloraxis.cmax == 1
    assert all(t.coloraxis == "coloraxis" for t in heatmaps)
    assert fig.layout.yaxis.title.text == "age" and fig.layout.yaxis2.title.text == "sex"
    assert fig.layout.xaxis2.title.text == "expert"
    # Issue #13: cell text and colour bar on one scale (percent).
    assert fig.layout.coloraxis.colorbar.tickformat == ".0%"
    assert all("%}" in t.texttemplate and ":.0%" in t.texttemplate for t in heatmaps)
    # panel heights follow the number of subgroups (3 : 1)
    h1 = np.diff(fig.layout.yaxis.domain)[0]
    h2 = np.diff(fig.layout.yaxis2.domain)[0]
    assert h1 / h2 == pytest.approx(3.0, rel=1e-6)
    with pytest.raises(ValueError, match="income"):
        plot_usage_heatmaps(_toy_usage(), attributes=["income"])


def test_plot_specialisation_kl_sorted_descending() -> None:
    kl = pd.DataFrame(
        {
            "attribute": ["age", "sex", "race"],
            "n_groups": [3, 2, 4],
            "mean_pairwise_kl": [0.1, 0.5, 0.3],
            "normalised_kl": [0.09, 0.45, 0.27],
            "jsd_bits": [0.05, 0.2, 0.1],
        }
    )
    fig = plot_specialisation_kl(kl)
    assert isinstance(fig, go.Figure) and len(fig.data) == 1
    assert list(fig.data[0].x) == ["sex", "race", "age"]
    assert fig.layout.xaxis.title.text == "demographic attribute"
    assert fig.layout.yaxis.title.text == "mean pairwise KL / log K"


@pytest.mark.parametrize("n_experts", [1, 2, 4])
def test_plot_ridge_clustermap(n_experts: int) -> None:
    rng = np.random.default_rng(n_experts)
    coef = pd.DataFrame(
        rng.normal(size=(5, n_experts)),
        index=[f"age=g{i}" for i in range(5)],
        columns=[f"expert_{j}" for j in range(n_experts)],
    )
    fig = plot_ridge_clustermap(coef)
    assert isinstance(fig, go.Figure)
    heat = [t for t in fig.data if isinstance(t, go.Heatmap)]
    lines = [t for t in fig.data if isinstance(t, go.Scatter)]
    assert len(heat) == 1
    assert len(lines) == (2 if n_experts >= 2 else 1)  # no column dendrogram for one expert
    assert heat[0].zmid == 0 and heat[0].colorscale is not None
    assert heat[0].showscale and heat[0].colorbar.title.text  # issue #13: a colour bar
    rows, cols = cluster_order(coef)
    z = np.asarray(heat[0].z)
    assert z == pytest.approx(coef.loc[rows, cols].to_numpy())
    axis_x = fig.layout[heat[0].xaxis.replace("x", "xaxis")]
    axis_y = fig.layout[heat[0].yaxis.replace("y", "yaxis")]
    assert list(axis_y.ticktext) == [wrap(r, 40) for r in rows]
    assert list(axis_x.ticktext) == [c.replace("_", " ") for c in cols]
    assert axis_x.title.text == "expert"
    assert axis_y.title.text == "demographic feature"


def test_jsd_matches_hand_computation() -> None:
    # p1 = [0.5, 0.5], p2 = [0.9, 0.1], m = [0.7, 0.3]:
    # JSD = H(m) - (H(p1) + H(p2)) / 2 in bits
    h = lambda *p: -sum(x * math.log2(x) for x in p)  # noqa: E731
    expected = h(0.7, 0.3) - (h(0.5, 0.5) + h(0.9, 0.1)) / 2
    r = compute_specialisation_kl(_usage({"a": [0.5, 0.5], "b": [0.9, 0.1]}), 2, prior=0.0)
    assert r["jsd_bits"].iloc[0] == pytest.approx(expected)
    # three groups: mean over the 3 unordered pairs (a,b), (a,c)=0, (b,c)
    three = _usage({"a": [0.5, 0.5], "b": [0.9, 0.1], "c": [0.5, 0.5]})
    r3 = compute_specialisation_kl(three, 2, prior=0.0).iloc[0]
    assert r3["jsd_bits"] == pytest.approx(2 * expected / 3)


def test_the_prior_tames_an_empty_cell_that_eps_let_dominate() -> None:
    """Issue #12.4: two subgroups on disjoint top-2 experts of 5 (500 annotations each)."""
    usage = _usage({"a": [0.5, 0.5, 0, 0, 0], "b": [0, 0, 0, 0.5, 0.5]})
    usage["weight"] = usage["usage"] * 500
    scores = [compute_specialisation_kl(usage, 5, prior=a).iloc[0] for a in (0.25, 0.5, 1.0)]
    kl = [s["normalised_kl"] for s in scores]
    # Each direction: 500 / (500 + 5a) * ln((250 + a) / a), over ln 5: 4.28, 3.84, 3.40 for
    # a = 0.25, 0.5, 1 (eps = 1e-8 ... 1e-2 gave 11.0 ... 2.3).
    assert kl == pytest.approx(
        [500 / (500 + 5 * a) * math.log((250 + a) / a) / math.log(5) for a in (0.25, 0.5, 1.0)]
    )
    jsd = [s["jsd_bits"] for s in scores]
    assert max(jsd) - min(jsd) < 0.03 and jsd[1] > 0.97  # bounded: barely moved


def test_effective_experts_and_routing_summary() -> None:
    assert effective_experts(np.array([0.25] * 4)) == pytest.approx(4.0)
    assert effective_experts(np.array([1.0, 0, 0])) == pytest.approx(1.0)
    routing = _routing([("a1", [0.5, 0.5, 0.0]), ("a2", [0.95, 0.05, 0.0]), ("a3", [1.0, 0, 0])])
    usage = compute_expert_usage(routing, ANNOTATORS, ["age"])
    summary = routing_summary(routing, usage, 3)
    # overall usage [2.45, 0.55, 0] / 3
    p = np.array([2.45, 0.55]) / 3
    assert summary["effective"] == pytest.approx(math.exp(-(p * np.log(p)).sum()))
    # young = [1.45, 0.55, 0] / 2 (expert 1 at 27.5%), old = [1, 0, 0]: expert 2 is idle
    assert summary["idle"] == [2] and summary["active"] == 2 and summary["n_experts"] == 3
    note = routing_note(summary)
    assert note.startswith("Effective experts: 1.") and "of 3 overall" in note
    assert "Only 2 of 3 experts carry more than 10%" in note and "expert 2 is nearly idle" in note
