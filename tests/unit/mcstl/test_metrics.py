"""MC-STL's metrics against hand-computed values and the seed's worked examples (issue #14)."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.mcstl.metrics import (
    calibration_line,
    calibration_points,
    compute_group_metrics,
    emd_1d,
    macro_auc,
    one_minus_emd,
)


def test_emd_matches_appendix_a6_worked_examples() -> None:
    assert emd_1d(np.array([[0.2, 0.5, 0.3]]), np.array([1]))[0] == pytest.approx(0.5)
    assert emd_1d(np.array([[0.7, 0.3]]), np.array([1]))[0] == pytest.approx(0.7)


def test_one_minus_emd_scores_only_minority_annotations_normalised_by_l_minus_1() -> None:
    # item a: labels 0, 0, 2 -> majority 0, the minority annotation is the 2
    probs = np.array([[0.9, 0.1, 0.0], [0.9, 0.1, 0.0], [0.2, 0.5, 0.3]])
    got = one_minus_emd(probs, np.array([0, 0, 2]), ["a", "a", "a"])
    # EMD([0.2,0.5,0.3], class 2) = |0.2-0| + |0.7-0| + 0 = 0.9; normalised by L-1 = 2
    assert got == pytest.approx(1 - 0.9 / 2)
    assert np.isnan(one_minus_emd(probs[:2], np.array([0, 0]), ["a", "a"]))


def test_calibration_line_is_ideal_for_calibrated_predictions() -> None:
    rng = np.random.default_rng(0)
    p = rng.uniform(size=200_000)
    y = rng.uniform(size=p.size) < p
    slope, bias = calibration_line(p, y)
    assert slope == pytest.approx(1.0, abs=0.02) and bias == pytest.approx(0.0, abs=0.01)
    # underconfident predictions (pulled towards 0.5): label = 2 p - 0.5, slope 2, bias -0.5
    under = 0.25 + 0.5 * p
    slope, bias = calibration_line(under, y)
    assert slope == pytest.approx(2.0, abs=0.05) and bias == pytest.approx(-0.5, abs=0.03)


def test_calibration_points_are_decile_means() -> None:
    p = np.arange(100) / 100
    y = (np.arange(100) % 2).astype(float)
    pts = calibration_points(p, y)
    assert len(pts) == 10 and pts["n"].tolist() == [10] * 10
    assert pts["mean_prediction"].iloc[0] == pytest.approx(0.045)
    assert pts["mean_label"].tolist() == pytest.approx([0.5] * 10)


def test_macro_auc_binary_and_ordinal() -> None:
    p = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4], [0.3, 0.7]])
    # positives score 0.8, 0.4; negatives 0.1, 0.7: 3 of 4 pairs ordered
    assert macro_auc(p, np.array([0, 1, 1, 0])) == pytest.approx(0.75)
    three = np.array([[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8]])
    assert macro_auc(three, np.array([0, 1, 2])) == pytest.approx(1.0)


def test_group_metrics_one_row_per_group_and_subtask() -> None:
    p = np.array([[0.9, 0.2], [0.8, 0.7], [0.1, 0.05], [0.6, 0.3]])
    codes = np.array([2, 2, 0, 1])
    member = np.array([[1, 0], [1, 1], [0, 1], [1, 1]])
    table = compute_group_metrics(p, codes, member, ["g1", "g2"])
    assert table[["group", "task"]].values.tolist() == [
        ["g1", "y > 0"], ["g1", "y > 1"], ["g2", "y > 0"], ["g2", "y > 1"],
    ]  # fmt: skip
    assert table["n"].tolist() == [3, 3, 3, 3]
    # g2, y > 0: targets [1, 0, 1] with scores [0.8, 0.1, 0.6] -> AUC 1
    assert table.loc[2, "auc"] == pytest.approx(1.0)


def test_sub_tasks_are_named_by_the_scales_labels() -> None:
    import pandas as pd

    from analysis.mcstl import label_tasks

    table = pd.DataFrame({"task": ["y > 0", "y > 1", "y > 3"]})
    assert label_tasks(table, [1.0, 2.0, 3.0, 4.0, 5.0])["task"].tolist() == [
        "label > 1", "label > 2", "label > 4",
    ]  # fmt: skip
    binary = pd.DataFrame({"task": ["y > 0"]})
    assert label_tasks(binary, ["not offensive", "offensive"])["task"].tolist() == [
        "label = offensive"
    ]


def _items_with_shared_draws(n_items: int, per_item: int, seed: int = 0):
    """Calibrated predictions whose labels are shared within an item (one draw per item)."""
    rng = np.random.default_rng(seed)
    p_item = rng.uniform(size=n_items)
    y_item = (rng.uniform(size=n_items) < p_item).astype(float)
    items = np.repeat([f"i{k}" for k in range(n_items)], per_item)
    return np.repeat(p_item, per_item), np.repeat(y_item, per_item), items


def test_slope_interval_resamples_items_not_annotations() -> None:
    """Copying every item's annotations 20 times adds no information: the item bootstrap
    keeps the interval's width (an annotation bootstrap would shrink it about 4.5 times)."""
    from analysis.mcstl.metrics import slope_interval

    p1, y1, items1 = _items_with_shared_draws(400, 1)
    p20, y20, items20 = _items_with_shared_draws(400, 20)
    low1, high1 = slope_interval(p1, y1, items1, n_boot=300)
    low20, high20 = slope_interval(p20, y20, items20, n_boot=300)
    assert low1 < 1 < high1
    assert (high20 - low20) == pytest.approx(high1 - low1, rel=0.35)
    # the same rows as distinct items: the width shrinks
    lown, highn = slope_interval(p20, y20, np.arange(len(p20)), n_boot=300)
    assert highn - lown < 0.5 * (high20 - low20)


def test_slope_interval_leaves_out_1_for_an_underconfident_model_and_is_seeded() -> None:
    from analysis.mcstl.metrics import slope_interval

    rng = np.random.default_rng(1)
    p = rng.uniform(size=4000)
    y = (rng.uniform(size=p.size) < p).astype(float)
    items = np.arange(p.size) // 4
    low, high = slope_interval(0.25 + 0.5 * p, y, items)  # true slope 2
    assert 1.15 < low < 2 < high
    assert slope_interval(p, y, items) == slope_interval(p, y, items)
    assert np.isnan(slope_interval(p, y, np.zeros(p.size))).all()  # one item: no interval


def test_group_metrics_give_intervals_only_with_items() -> None:
    rng = np.random.default_rng(2)
    p = rng.uniform(size=(600, 1))
    codes = (rng.uniform(size=600) < p[:, 0]).astype(int)
    member = np.ones((600, 1))
    plain = compute_group_metrics(p, codes, member, ["all"])
    assert plain[["slope_low", "slope_high"]].isna().all().all()
    boot = compute_group_metrics(p, codes, member, ["all"], items=np.arange(600), n_boot=100)
    row = boot.iloc[0]
    assert row["slope_low"] < row["slope"] < row["slope_high"]
