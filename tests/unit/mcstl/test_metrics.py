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
