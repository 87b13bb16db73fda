"""Tests for analysis.profiles.metrics and analysis.profiles.plots (hand-computed values)."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.profiles.metrics import (
    ProfileClustering,
    assign_to_profiles,
    build_loss_table,
    compute_cluster_summary,
    compute_item_uncertainty,
    compute_jury,
    compute_prediction_shift,
    compute_reliability,
    compute_usable_information,
    expected_calibration_error,
    greedy_profile_clustering,
    information_preserved,
    js_divergence,
    jury_correlation,
    observed_agreement,
    predicted_agreement,
    summarise_distribution,
)
from analysis.profiles.plots import (
    plot_distribution_shift,
    plot_jury,
    plot_profile_clusters,
    plot_reliability,
    plot_uncertainty_scatter,
    plot_usable_information,
)

LN2 = math.log(2)
T975_DF2 = 4.302652729912  # Student t 97.5% quantile, 2 degrees of freedom (tables)


# --------------------------------------------------------------------------- usable information


@pytest.fixture()
def losses() -> pd.DataFrame:
    rows = {
        "none": [1.00, 1.10, 0.90],
        "profile": [0.80, 0.85, 0.75],  # I per seed: 0.20, 0.25, 0.15
        "examples": [0.75, 0.85, 0.65],  # I per seed: 0.25, 0.25, 0.25
        "demographics": [1.02, 1.10, 0.90],  # I per seed: -0.02, 0, 0
    }
    return pd.DataFrame(
        [
            {"seed": s, "representation": r, "loss": v}
            for r, vals in rows.items()
            for s, v in enumerate(vals)
        ]
    )


def test_usable_information_values_and_t_interval(losses: pd.DataFrame) -> None:
    out = compute_usable_information(losses)
    assert list(out.columns) == [
        "representation",
        "loss_mean",
        "usable_info_nats",
        "ci_low",
        "ci_high",
        "n_seeds",
    ]
    assert list(out["representation"]) == ["none", "profile", "examples", "demographics"]
    row = out.set_index("representation").loc["profile"]
    # diffs 0.20, 0.25, 0.15: mean 0.2, sample sd 0.05
    half = T975_DF2 * 0.05 / math.sqrt(3)
    assert row["usable_info_nats"] == pytest.approx(0.2)
    assert row["ci_low"] == pytest.approx(0.2 - half)
    assert row["ci_high"] == pytest.approx(0.2 + half)
    assert row["loss_mean"] == pytest.approx(0.8)
    assert row["n_seeds"] == 3
    base = out.set_index("representation").loc["none"]
    assert base["usable_info_nats"] == 0.0
    assert base["ci_low"] == 0.0 and base["ci_high"] == 0.0
    examples = out.set_index("representation").loc["examples"]
    assert examples["ci_low"] == pytest.approx(0.25) and examples["ci_high"] == pytest.approx(0.25)


def test_usable_information_is_paired_by_seed_not_by_row_order(losses: pd.DataFrame) -> None:
    shuffled = losses.sample(frac=1.0, random_state=3)
    shuffled = pd.concat([losses.iloc[:1], shuffled.drop(index=0)])  # keep "none" first
    out = compute_usable_information(shuffled).set_index("representation")
    assert out.loc["profile", "usable_info_nats"] == pytest.approx(0.2)
    assert out.loc["profile", "ci_high"] - out.loc["profile", "ci_low"] == pytest.approx(
        2 * T975_DF2 * 0.05 / math.sqrt(3)
    )


def test_usable_information_single_seed_has_nan_ci() -> None:
    df = pd.DataFrame({"seed": [0, 0], "representation": ["profile", "none"], "loss": [0.6, 0.7]})
    out = compute_usable_information(df).set_index("representation")
    assert list(out.index) == ["profile", "none"]
    assert out.loc["profile", "usable_info_nats"] == pytest.approx(0.1)
    assert np.isnan(out.loc["profile", "ci_low"]) and np.isnan(out.loc["profile", "ci_high"])
    assert out.loc["profile", "n_seeds"] == 1


def test_usable_information_rejects_missing_baseline_and_duplicates(losses: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="baseline"):
        compute_usable_information(losses, baseline="nothing")
    with pytest.raises(ValueError, match="duplicate"):
        compute_usable_information(pd.concat([losses, losses.iloc[:1]]))


def test_information_preserved(losses: pd.DataFrame) -> None:
    out = compute_usable_information(losses)
    assert information_preserved(out, "profile", "examples") == pytest.approx(0.2 / 0.25)
    assert np.isnan(information_preserved(out, "profile", "none"))  # denominator 0
    assert np.isnan(information_preserved(out, "profile", "demographics"))  # negative
    with pytest.raises(KeyError):
        information_preserved(out, "profile", "missing")


# --------------------------------------------------------------------------- calibration


@pytest.fixture()
def four_predictions() -> tuple[np.ndarray, np.ndarray]:
    probs = np.array([[0.9, 0.1], [0.2, 0.8], [0.85, 0.15], [0.6, 0.4]])
    y = np.array([0, 0, 1, 0])  # correct, wrong, wrong, correct
    return probs, y


def test_reliability_by_hand(four_predictions: tuple[np.ndarray, np.ndarray]) -> None:
    out = compute_reliability(*four_predictions, n_bins=10)
    assert list(out.columns) == ["bin_low", "bin_high", "confidence", "accuracy", "count"]
    np.testing.assert_allclose(out["bin_low"], [0.6, 0.8, 0.9])
    np.testing.assert_allclose(out["bin_high"], [0.7, 0.9, 1.0])
    np.testing.assert_allclose(out["confidence"], [0.6, 0.825, 0.9])
    np.testing.assert_allclose(out["accuracy"], [1.0, 0.0, 1.0])
    assert list(out["count"]) == [1, 2, 1]


def test_ece_by_hand(four_predictions: tuple[np.ndarray, np.ndarray]) -> None:
    # 1/4 * |1 - 0.6| + 2/4 * |0 - 0.825| + 1/4 * |1 - 0.9|
    assert expected_calibration_error(*four_predictions) == pytest.approx(0.5375)
    # two bins: [0, .5) empty, [.5, 1] holds all: |0.5 - 0.7875|
    assert expected_calibration_error(*four_predictions, n_bins=2) == pytest.approx(0.2875)


def test_reliability_bin_edges() -> None:
    probs = np.array([[0.3, 0.3, 0.2, 0.2], [1.0, 0.0, 0.0, 0.0]])
    out = compute_reliability(probs, np.array([0, 0]), n_bins=10)
    np.testing.assert_allclose(out["bin_low"], [0.3, 0.9])  # 0.3 -> [0.3, 0.4); 1.0 -> last
    assert expected_calibration_error(probs, np.array([0, 0])) == pytest.approx(0.35)


def test_reliability_bins_are_robust_to_float_rounding() -> None:
    # 0.57 * 100 == 56.99999999999999 in floating point; it still belongs to [0.57, 0.58)
    out = compute_reliability(np.array([[0.57, 0.43]]), np.array([0]), n_bins=100)
    assert out["bin_low"].tolist() == pytest.approx([0.57])


def test_perfectly_calibrated_ece_is_zero() -> None:
    probs = np.tile([0.75, 0.25], (4, 1))
    assert expected_calibration_error(probs, np.array([0, 0, 0, 1])) == pytest.approx(0.0)


def test_reliability_rejects_bad_labels() -> None:
    with pytest.raises(ValueError):
        compute_reliability(np.array([[0.5, 0.5]]), np.array([2]))


# --------------------------------------------------------------------------- loss table


def test_build_loss_table_matches_loop() -> None:
    rng = np.random.default_rng(0)
    n_items, n_cand, n_cls, n_raters, n_ratings = 7, 5, 3, 6, 40
    probs = rng.dirichlet(np.ones(n_cls), size=(n_items, n_cand))
    probs[0, 0] = [1.0, 0.0, 0.0]  # exercise the clip
    items = rng.integers(0, n_items, n_ratings)
    labels = rng.integers(0, n_cls, n_ratings)
    raters = rng.integers(0, n_raters - 1, n_ratings)  # last rater has no ratings
    items[0], labels[0] = 0, 1
    expected = np.zeros((n_raters, n_cand))
    for j, y, i in zip(items, labels, raters):
        for k in range(n_cand):
            expected[i, k] -= math.log(max(probs[j, k, y], 1e-12))
    got = build_loss_table(probs, items, labels, raters, n_raters)
    assert got.shape == (n_raters, n_cand)
    np.testing.assert_allclose(got, expected)
    assert np.all(got[-1] == 0)
    assert np.isfinite(got).all()


def test_build_loss_table_rejects_out_of_range() -> None:
    probs = np.full((2, 2, 2), 0.5)
    with pytest.raises(ValueError):
        build_loss_table(probs, np.array([2]), np.array([0]), np.array([0]), 1)
    with pytest.raises(ValueError):
        build_loss_table(probs, np.array([0]), np.array([0]), np.array([1]), 1)


# --------------------------------------------------------------------------- clustering


def _planted_table(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    n_raters, n_cand = 40, 12
    truth = np.repeat([0, 1], n_raters // 2)
    table = rng.uniform(8.0, 12.0, size=(n_raters, n_cand))
    table[truth == 0, 3] = rng.uniform(1.0, 2.0, n_raters // 2)
    table[truth == 1, 9] = rng.uniform(1.0, 2.0, n_raters // 2)
    return table, truth


def _brute_force(table: np.ndarray, n_clusters: int) -> float:
    return min(
        table[:, list(c)].min(axis=1).sum()
        for c in itertools.combinations(range(table.shape[1]), n_clusters)
    )


@pytest.mark.parametrize("init", [None, [0, 1], [9, 4], [3, 5]])
def test_clustering_recovers_planted_structure(init: list[int] | None) -> None:
    table, truth = _planted_table()
    res = greedy_profile_clustering(table, 2, init=init, seed=1)
    assert isinstance(res, ProfileClustering)
    assert sorted(res.chosen.tolist()) == [3, 9]
    planted = np.where(truth == 0, 3, 9)
    np.testing.assert_array_equal(res.chosen[res.assignments], planted)
    assert res.converged
    assert res.total_loss == pytest.approx(table[:, [3, 9]].min(axis=1).sum())
    assert res.total_loss == pytest.approx(_brute_force(table, 2))


def test_clustering_loss_never_increases() -> None:
    for seed in range(15):
        rng = np.random.default_rng(seed)
        table = rng.exponential(1.0, size=(30, 15))
        res = greedy_profile_clustering(table, 4, seed=seed, max_iter=50)
        hist = res.loss_history
        assert len(hist) == res.n_iter + 1
        assert np.all(np.diff(hist) <= 1e-12)
        assert res.total_loss == pytest.approx(table[:, res.chosen].min(axis=1).sum())
        assert res.total_loss >= _brute_force(table, 4) - 1e-9
        assert len(set(res.chosen.tolist())) == 4
        # truncating the search gives the same trajectory
        for m in range(res.n_iter + 1):
            short = greedy_profile_clustering(table, 4, seed=seed, max_iter=m)
            assert short.total_loss == pytest.approx(hist[m])


def test_clustering_one_pass_matches_manual_coordinate_step() -> None:
    # rows: raters; columns: candidates. Start from [0, 1].
    table = np.array(
        [
            [1.0, 5.0, 2.0, 9.0],
            [6.0, 4.0, 3.0, 0.5],
            [7.0, 6.0, 3.0, 1.0],
        ]
    )
    # slot 0 (others={1}: floor [5,4,6]): cand 0 -> 1+4+6=11, 2 -> 2+3+3=8, 3 -> 5+0.5+1=6.5
    # -> 3. slot 1 (others={3}: floor [9,.5,1]): cand 0 -> 1+.5+1=2.5, 1 -> 5+.5+1=6.5,
    # 2 -> 2+.5+1=3.5 -> 0. Set after pass 1: [3, 0] with loss 2.5; pass 2 unchanged.
    res = greedy_profile_clustering(table, 2, init=[0, 1], max_iter=1)
    assert res.chosen.tolist() == [3, 0]
    assert res.total_loss == pytest.approx(2.5)
    assert not res.converged and res.n_iter == 1
    np.testing.assert_allclose(res.loss_history, [1 + 4 + 6, 2.5])
    full = greedy_profile_clustering(table, 2, init=[0, 1])
    assert full.chosen.tolist() == [3, 0] and full.converged and full.n_iter == 2
    np.testing.assert_array_equal(full.assignments, [1, 0, 0])


def test_clustering_keeps_current_profile_on_ties() -> None:
    rng = np.random.default_rng(7)
    table = rng.exponential(1.0, size=(10, 5))
    table[:, 0] = table[:, 4] = table.min(axis=1) - 0.1  # 0 and 4 tie and are best
    res = greedy_profile_clustering(table, 2, init=[4, 1])
    assert res.chosen.tolist() == [4, 1]  # the tied lower-index 0 does not replace 4
    assert res.converged and res.n_iter == 1  # with 4 chosen, every slot-1 choice ties


def test_clustering_with_all_candidates_and_with_one() -> None:
    rng = np.random.default_rng(5)
    table = rng.exponential(1.0, size=(25, 6))
    res = greedy_profile_clustering(table, 6, seed=2)
    assert sorted(res.chosen.tolist()) == list(range(6))
    assert res.total_loss == pytest.approx(table.min(axis=1).sum())
    np.testing.assert_array_equal(res.chosen[res.assignments], table.argmin(axis=1))
    assert res.converged and res.n_iter == 1
    one = greedy_profile_clustering(table, 1, seed=2)
    assert one.chosen.tolist() == [int(table.sum(axis=0).argmin())]
    assert np.all(one.assignments == 0)


def test_clustering_validates_arguments() -> None:
    table = np.ones((3, 4))
    with pytest.raises(ValueError):
        greedy_profile_clustering(table, 5)
    with pytest.raises(ValueError):
        greedy_profile_clustering(table, 2, init=[1, 1])
    with pytest.raises(ValueError):
        greedy_profile_clustering(table, 2, init=[0, 4])


def test_assign_to_profiles_new_raters() -> None:
    table, _ = _planted_table()
    res = greedy_profile_clustering(table, 2, init=[3, 9])
    new = np.full((3, table.shape[1]), 10.0)
    new[0, 9], new[1, 3], new[2, 0] = 1.0, 1.0, 0.1  # candidate 0 is not a cluster
    new[2, 9] = 5.0
    got = assign_to_profiles(new, res.chosen)
    np.testing.assert_array_equal(res.chosen[got], [9, 3, 9])


def test_cluster_summary() -> None:
    table = np.array([[1.0, 5.0, 2.0, 9.0], [6.0, 4.0, 3.0, 0.5], [7.0, 6.0, 3.0, 1.0]])
    res = greedy_profile_clustering(table, 2, init=[0, 1])  # -> chosen [3, 0]
    out = compute_cluster_summary(res, table, profiles=["a", "b", "c", "d"])
    assert out["profile"].tolist() == ["d", "a"]
    assert out["n_raters"].tolist() == [2, 1]
    np.testing.assert_allclose(out["share"], [2 / 3, 1 / 3])
    np.testing.assert_allclose(out["mean_loss"], [0.75, 1.0])


# --------------------------------------------------------------------------- uncertainty


def test_entropy_decomposition_two_classes() -> None:
    p_none = np.array([[0.5, 0.5], [0.5, 0.5], [1.0, 0.0], [0.5, 0.5]])
    p_prof = np.array(
        [
            [[1.0, 0.0], [0.0, 1.0]],  # profiles fully explain it
            [[0.5, 0.5], [0.5, 0.5]],  # pure noise
            [[1.0, 0.0], [1.0, 0.0]],  # no uncertainty at all
            [[0.9, 0.1], [0.5, 0.5]],
        ]
    )
    out = compute_item_uncertainty(["a", "b", "c", "d"], p_none, p_prof)
    assert list(out.columns) == [
        "item_id",
        "total",
        "value_epistemic",
        "aleatoric",
        "fraction_value_epistemic",
    ]
    assert out["item_id"].tolist() == ["a", "b", "c", "d"]
    np.testing.assert_allclose(out["total"], [LN2, LN2, 0.0, LN2])
    h91 = -(0.9 * math.log(0.9) + 0.1 * math.log(0.1))  # 0.325083
    np.testing.assert_allclose(out["aleatoric"], [0.0, LN2, 0.0, (h91 + LN2) / 2])
    np.testing.assert_allclose(out["value_epistemic"], [LN2, 0.0, 0.0, LN2 - (h91 + LN2) / 2])
    frac = out["fraction_value_epistemic"].to_numpy()
    assert frac[0] == pytest.approx(1.0) and frac[1] == pytest.approx(0.0)
    assert np.isnan(frac[2])
    assert frac[3] == pytest.approx((LN2 - (h91 + LN2) / 2) / LN2)


def test_uncertainty_rejects_non_distributions() -> None:
    with pytest.raises(ValueError):
        compute_item_uncertainty(["a"], np.array([[0.5, 0.6]]), np.array([[[0.5, 0.5]]]))
    with pytest.raises(ValueError):
        compute_item_uncertainty(["a"], np.array([[0.5, 0.5]]), np.array([[[0.5, 0.5, 0.0]]]))


# --------------------------------------------------------------------------- juries


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ([0, 0, 1], 1 / 3),  # (2*1 + 1*0) / (3*2)
        ([1, 1, 1, 1], 1.0),
        ([0, 1], 0.0),
        ([0, 0, 1, 1], 1 / 3),  # (2 + 2) / 12
        (["x", "y", "x", "z", "x"], 0.3),  # 3*2 / (5*4)
    ],
)
def test_observed_agreement(labels: list[object], expected: float) -> None:
    assert observed_agreement(labels) == pytest.approx(expected)


def test_observed_agreement_needs_two_labels() -> None:
    assert np.isnan(observed_agreement([1]))
    assert np.isnan(observed_agreement([]))


def _brute_force_agreement(p: np.ndarray) -> float:
    k = len(p)
    pairs = [(a, b) for a in range(k) for b in range(k) if a != b]
    return float(np.mean([p[a] @ p[b] for a, b in pairs]))


def test_predicted_agreement_by_hand_and_brute_force() -> None:
    hand = np.array(
        [
            [[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]],  # pairs agree: 0, 0, 1 -> 1/3
            [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]],  # 0.5
            [[1.0, 0.0], [1.0, 0.0], [1.0, 0.0]],  # 1
        ]
    )
    np.testing.assert_allclose(predicted_agreement(hand), [1 / 3, 0.5, 1.0])
    rng = np.random.default_rng(1)
    p = rng.dirichlet(np.ones(4), size=(6, 5))
    expected = [_brute_force_agreement(p[j]) for j in range(len(p))]
    np.testing.assert_allclose(predicted_agreement(p), expected)
    with pytest.raises(ValueError):
        predicted_agreement(p[:, :1])


def test_compute_jury() -> None:
    p = np.array(
        [
            [[1.0, 0.0], [0.0, 1.0]],  # predicted 0
            [[0.5, 0.5], [0.5, 0.5]],  # predicted 0.5
            [[1.0, 0.0], [1.0, 0.0]],  # predicted 1
        ]
    )
    annotations = {
        "a": [0, 0, 1, 1, 1],  # (2 + 6) / 20 = 0.4
        "b": [0, 0, 0, 1],  # only 4 annotations: dropped
        "c": [0, 0, 0, 0, 0, 1],  # 20 / 30
        "zz": [0, 1, 0, 1, 0],  # not among item_ids: ignored
    }
    observed = pd.DataFrame(
        [{"item_id": i, "label_code": v} for i, vals in annotations.items() for v in vals]
    )
    out = compute_jury(["a", "b", "c"], p, observed, min_annotations=5)
    assert list(out.columns) == [
        "item_id",
        "predicted_p_agree",
        "observed_p_agree",
        "n_annotations",
    ]
    assert out["item_id"].tolist() == ["a", "c"]
    np.testing.assert_allclose(out["predicted_p_agree"], [0.0, 1.0])
    np.testing.assert_allclose(out["observed_p_agree"], [0.4, 2 / 3])
    assert out["n_annotations"].tolist() == [5, 6]
    for item, row in out.set_index("item_id").iterrows():
        assert row["observed_p_agree"] == pytest.approx(observed_agreement(annotations[item]))
    looser = compute_jury(["a", "b", "c"], p, observed, min_annotations=4)
    assert looser["item_id"].tolist() == ["a", "b", "c"]


def test_jury_correlation() -> None:
    df = pd.DataFrame(
        {
            "item_id": list("abcd"),
            "predicted_p_agree": [0.1, 0.2, 0.3, 0.4],
            "observed_p_agree": [0.2, 0.4, 0.6, 0.8],
            "n_annotations": [5] * 4,
        }
    )
    res = jury_correlation(df)
    assert res["r"] == pytest.approx(1.0) and res["n"] == 4
    assert res["p_value"] < 1e-6
    anti = df.assign(observed_p_agree=[0.8, 0.5, 0.6, 0.1])
    # r = cov / (sd_x sd_y) computed by hand with numpy
    x, y = anti["predicted_p_agree"], anti["observed_p_agree"]
    r = ((x - x.mean()) * (y - y.mean())).sum() / math.sqrt(
        ((x - x.mean()) ** 2).sum() * ((y - y.mean()) ** 2).sum()
    )
    assert jury_correlation(anti)["r"] == pytest.approx(r)
    assert np.isnan(jury_correlation(df.iloc[:2])["r"])


# --------------------------------------------------------------------------- profile editor


def test_js_divergence_by_hand() -> None:
    assert js_divergence(np.array([1.0, 0.0]), np.array([0.0, 1.0])) == pytest.approx(LN2)
    assert js_divergence(np.array([0.3, 0.7]), np.array([0.3, 0.7])) == pytest.approx(0.0)
    # p=(1,0), q=(.5,.5): m=(.75,.25); KL(p||m)=ln(4/3); KL(q||m)=.5ln(2/3)+.5ln2
    expected = 0.5 * math.log(4 / 3) + 0.5 * (0.5 * math.log(2 / 3) + 0.5 * LN2)
    assert js_divergence(np.array([1.0, 0.0]), np.array([0.5, 0.5])) == pytest.approx(expected)


def test_prediction_shift_numeric_classes() -> None:
    before = np.array([[0.2, 0.6, 0.2], [1.0, 0.0, 0.0], [0.5, 0.5, 0.0]])
    after = np.array([[0.2, 0.6, 0.2], [0.0, 0.0, 1.0], [0.0, 0.5, 0.5]])
    out = compute_prediction_shift(["a", "b", "c"], ["ta", "tb", "tc"], before, after, [1, 2, 3])
    assert list(out.columns) == [
        "item_id",
        "text",
        "top_class",
        "before",
        "after",
        "delta",
        "js_divergence",
    ]
    assert out["item_id"].tolist() == ["b", "c", "a"]  # |delta| 2, 1, 0
    assert out["text"].tolist() == ["tb", "tc", "ta"]
    np.testing.assert_allclose(out["before"], [1.0, 1.5, 2.0])
    np.testing.assert_allclose(out["after"], [3.0, 2.5, 2.0])
    np.testing.assert_allclose(out["delta"], [2.0, 1.0, 0.0])
    np.testing.assert_allclose(out["js_divergence"][[0, 2]], [LN2, 0.0])
    assert out.attrs["quantity"] == "expected label"


def test_prediction_shift_categorical_and_js_sort() -> None:
    before = np.array([[0.7, 0.3], [0.4, 0.6], [0.5, 0.5]])
    after = np.array([[0.6, 0.4], [0.9, 0.1], [0.5, 0.5]])
    out = compute_prediction_shift(["a", "b", "c"], None, before, after, None)
    # top class before: a->0 (0.7 -> 0.6), b->1 (0.6 -> 0.1), c->0 (0.5 -> 0.5)
    assert out["item_id"].tolist() == ["b", "a", "c"]
    np.testing.assert_allclose(out["before"], [0.6, 0.7, 0.5])
    np.testing.assert_allclose(out["after"], [0.1, 0.6, 0.5])
    np.testing.assert_allclose(out["delta"], [-0.5, -0.1, 0.0])
    assert out["top_class"].tolist() == [1, 0, 0]
    by_js = compute_prediction_shift(["a", "b", "c"], None, before, after, None, sort_by="js")
    assert np.all(np.diff(by_js["js_divergence"]) <= 0)


def test_summarise_distribution() -> None:
    probs = np.array([[1.0, 0.0, 0.0], [0.2, 0.4, 0.4]])
    out = summarise_distribution(probs, ["low", "mid", "high"])
    assert out["class"].tolist() == ["low", "mid", "high"]
    np.testing.assert_allclose(out["share"], [0.6, 0.2, 0.2])
    assert summarise_distribution(probs)["class"].tolist() == [0, 1, 2]


# --------------------------------------------------------------------------- plots


def _assert_figure(fig: go.Figure, x_title: str | None = None) -> None:
    assert isinstance(fig, go.Figure)
    assert len(fig.data) > 0
    assert fig.layout.title.text
    assert fig.layout.xaxis.title.text
    assert fig.layout.yaxis.title.text
    if x_title is not None:
        assert fig.layout.xaxis.title.text == x_title


def test_plot_usable_information(losses: pd.DataFrame) -> None:
    df = compute_usable_information(losses)
    fig = plot_usable_information(df)
    _assert_figure(fig, "usable information (nats)")
    bar = fig.data[0]
    assert bar.orientation == "h"
    assert list(bar.y) == df["representation"].tolist()
    half = T975_DF2 * 0.05 / math.sqrt(3)
    assert bar.error_x.array[1] == pytest.approx(half)
    assert any(shape.x0 == 0 and shape.x1 == 0 for shape in fig.layout.shapes)


def test_plot_reliability(four_predictions: tuple[np.ndarray, np.ndarray]) -> None:
    df = compute_reliability(*four_predictions)
    fig = plot_reliability(df, ece=expected_calibration_error(*four_predictions))
    _assert_figure(fig, "confidence")
    assert "0.537" in fig.layout.title.text or "0.538" in fig.layout.title.text
    assert tuple(fig.layout.xaxis.range) == (0, 1) and tuple(fig.layout.yaxis.range) == (0, 1)
    sizes = np.asarray(fig.data[1].marker.size)
    assert sizes[1] > sizes[0]  # the two-prediction bin gets the larger marker


def test_plot_uncertainty_scatter() -> None:
    rng = np.random.default_rng(0)
    p_none = rng.dirichlet(np.ones(3), size=6)
    p_prof = rng.dirichlet(np.ones(3), size=(6, 4))
    df = compute_item_uncertainty([f"i{j}" for j in range(6)], p_none, p_prof)
    long_text = "word " * 100
    texts = pd.Series([long_text] * 6, index=df["item_id"])
    fig = plot_uncertainty_scatter(df, texts=texts)
    _assert_figure(fig, "aleatoric uncertainty (nats)")
    hover = fig.data[0].customdata[0][3]
    assert len(hover.replace("<br>", " ")) <= 121 and hover.endswith("…")
    cat = plot_uncertainty_scatter(df, color=pd.Series(list("ababab"), name="group"))
    assert len(cat.data) == 2
    num = plot_uncertainty_scatter(df, color=pd.Series(np.arange(6.0), name="n"))
    assert num.data[0].marker.showscale


def test_plot_jury() -> None:
    df = pd.DataFrame(
        {
            "item_id": ["a", "b", "c"],
            "predicted_p_agree": [0.2, 0.5, 0.7],
            "observed_p_agree": [0.3, 0.4, 0.9],
            "n_annotations": [5, 6, 7],
        }
    )
    fig = plot_jury(df, r=0.91)
    _assert_figure(fig, "predicted P(two raters agree)")
    assert "0.91" in fig.layout.title.text
    assert list(fig.data[0].x) == [0, 1] and list(fig.data[0].y) == [0, 1]  # diagonal


def test_plot_distribution_shift() -> None:
    before = summarise_distribution(np.array([[0.7, 0.3]]), [0.0, 1.0])
    after = summarise_distribution(np.array([[0.2, 0.8]]), [0.0, 1.0])
    fig = plot_distribution_shift(before, after)
    _assert_figure(fig, "class")
    assert [t.name for t in fig.data] == ["before", "after"]
    assert fig.layout.barmode == "group"
    assert list(fig.data[1].y) == pytest.approx([0.2, 0.8])


def test_plot_profile_clusters() -> None:
    table, _ = _planted_table()
    res = greedy_profile_clustering(table, 2, init=[3, 9])
    df = compute_cluster_summary(res, table, profiles=[f"profile {k}" for k in range(12)])
    fig = plot_profile_clusters(df)
    _assert_figure(fig, "raters")
    assert sum(fig.data[0].x) == table.shape[0]
