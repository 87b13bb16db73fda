"""Simulated juries vs observed agreement (section 7), with their figure."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.profiles.jury import (
    compute_jury,
    jury_correlation,
    observed_agreement,
    predicted_agreement,
)
from analysis.profiles.plot_jury import plot_jury
from tests.unit.profiles.toys import assert_figure


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
        "n_jurors",
    ]
    assert out["item_id"].tolist() == ["a", "c"]
    np.testing.assert_allclose(out["predicted_p_agree"], [0.0, 1.0])
    np.testing.assert_allclose(out["observed_p_agree"], [0.4, 2 / 3])
    assert out["n_annotations"].tolist() == [5, 6]
    for item, row in out.set_index("item_id").iterrows():
        assert row["observed_p_agree"] == pytest.approx(observed_agreement(annotations[item]))
    looser = compute_jury(["a", "b", "c"], p, observed, min_annotations=4)
    assert looser["item_id"].tolist() == ["a", "b", "c"]


def test_jurors_fit_on_an_item_do_not_score_it() -> None:
    """Issue #12.2: a juror whose profile was written from an item's rating is left out."""
    p = np.array(
        [
            [[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]],
            [[0.5, 0.5], [0.9, 0.1], [0.2, 0.8]],
        ]
    )
    excluded = np.array([[False, False, True], [True, False, False]])
    # item 0: jurors 0 and 1 both say 0 -> 1.0 (with juror 2 it would be 1/3)
    # item 1: jurors 1, 2: 0.9 * 0.2 + 0.1 * 0.8 = 0.26
    np.testing.assert_allclose(predicted_agreement(p, excluded), [1.0, 0.26])
    np.testing.assert_allclose(predicted_agreement(p)[0], 1 / 3)
    alone = predicted_agreement(p, np.array([[True, True, False], [False, False, False]]))
    assert np.isnan(alone[0])
    observed = pd.DataFrame({"item_id": ["a", "a", "b", "b"], "label_code": [0, 0, 0, 1]})
    out = compute_jury(["a", "b"], p, observed, min_annotations=2, excluded=excluded)
    assert out["n_jurors"].tolist() == [2, 2]
    with pytest.raises(ValueError, match="excluded has shape"):
        predicted_agreement(p, excluded[:, :2])


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
    assert_figure(fig, "predicted P(two raters agree)")
    assert "0.91" in fig.layout.title.text
    assert list(fig.data[0].x) == [0, 1] and list(fig.data[0].y) == [0, 1]  # diagonal
