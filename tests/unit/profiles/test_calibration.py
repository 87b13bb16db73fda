"""Reliability diagram and expected calibration error (hand-computed), with their figure."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.profiles.calibration import compute_reliability, expected_calibration_error
from analysis.profiles.plot_calibration import plot_reliability
from tests.unit.profiles.toys import assert_figure


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


def test_plot_reliability(four_predictions: tuple[np.ndarray, np.ndarray]) -> None:
    df = compute_reliability(*four_predictions)
    fig = plot_reliability(df, ece=expected_calibration_error(*four_predictions))
    assert_figure(fig, "confidence")
    assert "0.537" in fig.layout.title.text or "0.538" in fig.layout.title.text
    assert tuple(fig.layout.xaxis.range) == (0, 1) and tuple(fig.layout.yaxis.range) == (0, 1)
    sizes = np.asarray(fig.data[1].marker.size)
    assert sizes[1] > sizes[0]  # the two-prediction bin gets the larger marker
