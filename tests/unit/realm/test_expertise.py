"""Expertise intervals (EM on REALM's mixture) and method agreement (issue #15)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.realm.expertise import (
    compute_expertise_intervals,
    compute_method_agreement,
    mixture_weight,
)


def test_mixture_weight_matches_the_closed_form_of_two_cases() -> None:
    """C = 2. Annotator 0: p = 1 on every row -> likelihood e + (1 - e)/2 rises with e: e = 1.
    Annotator 1: p = 0 everywhere -> (1 - e)/2 falls with e: e = 0. Annotator 2: half p = 1,
    half p = 0 -> maximise log(0.5 + e/2) + log(0.5 - e/2) -> e = 0."""
    p = np.array([1.0, 1.0, 0.0, 0.0, 1.0, 0.0])
    group = np.array([0, 0, 1, 1, 2, 2])
    e = mixture_weight(p, group, 3, 2, n_iter=2000)
    assert e == pytest.approx([1.0, 0.0, 0.0], abs=0.02)


def test_mixture_weight_recovers_a_simulated_expertise() -> None:
    """Labels right with probability e + (1 - e)/C given a perfect classifier: p is 1 for a
    right label and 0 for a wrong one, and the ML weight is e."""
    rng = np.random.default_rng(0)
    truth = np.array([0.9, 0.5, 0.2])
    group = np.repeat([0, 1, 2], 4000)
    right = rng.random(len(group)) < truth[group] + (1 - truth[group]) / 4
    e = mixture_weight(right.astype(float), group, 3, 4)
    assert e == pytest.approx(truth, abs=0.03)


def test_intervals_cover_the_point_and_narrow_with_more_items() -> None:
    rng = np.random.default_rng(1)
    rows = []
    for n_items in (20, 400):
        for i in range(n_items):
            for a, e in (("good", 0.9), ("bad", 0.2)):
                right = rng.random() < e + (1 - e) / 3
                rows.append((f"{n_items}-{i}", f"{a}{n_items}", 0.9 if right else 0.05))
    frame = pd.DataFrame(rows, columns=["item_id", "annotator_id", "p_label"])
    out = compute_expertise_intervals(frame, 3, n_boot=100).set_index("annotator_id")
    assert (out["ci_low"] <= out["expertise"]).all() and (out["expertise"] <= out["ci_high"]).all()
    width = out["ci_high"] - out["ci_low"]
    assert width["good400"] < width["good20"] / 2
    assert out.index[0].startswith("bad")  # lowest expertise first
    assert out.loc["good400", "expertise"] > out.loc["bad400", "ci_high"]


def test_mixture_weight_is_the_maximum_of_the_likelihood() -> None:
    """Against a grid search of the log-likelihood, group by group (ends included)."""
    rng = np.random.default_rng(3)
    p = np.concatenate([rng.random(150), np.ones(20), np.full(20, 0.3)])
    group = np.concatenate([rng.integers(0, 5, 150), np.full(20, 5), np.full(20, 6)])
    e = mixture_weight(p, group, 7, 4)
    grid = np.linspace(0, 1, 20001)
    for k in range(7):
        ll = np.log(0.25 + grid[:, None] * (p[group == k] - 0.25)).sum(1)
        assert e[k] == pytest.approx(grid[ll.argmax()], abs=1e-4), k
    assert e[5] == 1.0 and e[6] > 0.0  # p = 1: the top end; p = 0.3 > 1/4: inside, near 0


def test_ties_are_ranked_by_the_lower_end_of_the_interval() -> None:
    """Two annotators at expertise 1: the one the resamples are less sure of comes first."""
    rows = [(f"i{i}", "a", 1.0) for i in range(40)]
    rows += [(f"i{i}", "z", 0.515 if i % 2 else 0.49) for i in range(40)]  # ML at 1, barely
    frame = pd.DataFrame(rows, columns=["item_id", "annotator_id", "p_label"])
    out = compute_expertise_intervals(frame, 2, n_boot=100)
    assert out["expertise"].tolist() == [1.0, 1.0]
    assert out["annotator_id"].tolist() == ["z", "a"] and out["ci_low"].iloc[0] < 1.0


def test_method_agreement_is_a_symmetric_spearman_matrix() -> None:
    table = pd.DataFrame({"a": [1, 2, 3, 4], "b": [10, 20, 30, 40], "c": [4, 3, 2, 1]})
    out = compute_method_agreement(table, ["a", "b", "c"])
    assert out.loc["a", "b"] == pytest.approx(1.0) and out.loc["a", "c"] == pytest.approx(-1.0)
    assert np.allclose(out.to_numpy(), out.to_numpy().T)
