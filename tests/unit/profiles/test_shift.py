"""The profile editor: Jensen-Shannon divergence, prediction shift, class shares, figure."""

from __future__ import annotations

import math

import numpy as np
import pytest

from analysis.profiles.plot_shift import plot_distribution_shift
from analysis.profiles.shift import (
    compute_prediction_shift,
    js_divergence,
    summarise_distribution,
)
from tests.unit.profiles.toys import assert_figure

LN2 = math.log(2)


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


def test_plot_distribution_shift() -> None:
    before = summarise_distribution(np.array([[0.7, 0.3]]), [0.0, 1.0])
    after = summarise_distribution(np.array([[0.2, 0.8]]), [0.0, 1.0])
    fig = plot_distribution_shift(before, after)
    assert_figure(fig, "class")
    assert [t.name for t in fig.data] == ["original", "edited"]
    assert fig.layout.legend.title.text == "profile"  # issue #13: legends have titles
    assert fig.layout.barmode == "group"
    assert list(fig.data[1].y) == pytest.approx([0.2, 0.8])
