"""MC-STL's loss terms, each checked in isolation against a hand-computed value (issue #14)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from engines.mcstl.losses import (
    binomial_kl,
    cluster_alphas,
    cluster_kl,
    coral_class_probs,
    coral_loss,
    coral_targets,
    soft_threshold_mean,
)


def test_coral_targets_are_rank_indicators_for_any_number_of_classes() -> None:
    codes = torch.tensor([0, 1, 2, 4])
    assert coral_targets(codes, 5).tolist() == [
        [0, 0, 0, 0],
        [1, 0, 0, 0],
        [1, 1, 0, 0],
        [1, 1, 1, 1],
    ]
    assert coral_targets(torch.tensor([0, 1]), 2).tolist() == [[0], [1]]  # the binary head


def test_coral_loss_is_the_summed_binary_cross_entropy() -> None:
    logits = torch.tensor([[0.0, math.log(3.0)]])  # p1 = 0.5, p2 = 0.75
    # label 1 of 3: targets [1, 0] -> -ln 0.5 - ln(1 - 0.75)
    expected = -math.log(0.5) - math.log(0.25)
    assert coral_loss(logits, torch.tensor([1])).item() == pytest.approx(expected)


def test_coral_class_probs_are_differences_that_sum_to_one() -> None:
    p1, p2 = 0.8, 0.3
    logits = torch.logit(torch.tensor([[p1, p2]]))
    probs = coral_class_probs(logits)[0].tolist()
    assert probs == pytest.approx([1 - p1, p1 - p2, p2])
    binary = coral_class_probs(torch.logit(torch.tensor([[0.7]])))[0].tolist()
    assert binary == pytest.approx([0.3, 0.7])


def test_soft_threshold_counts_predictions_above_the_cluster_mean() -> None:
    p = torch.tensor([0.1, 0.45, 0.55, 0.9])
    assert soft_threshold_mean(p, torch.tensor(0.5)).item() == pytest.approx(0.5)
    assert soft_threshold_mean(p, torch.tensor(0.3)).item() == pytest.approx(0.75)
    # gentler slope: a prediction at the mean counts one half
    assert soft_threshold_mean(torch.tensor([0.5]), torch.tensor(0.5), 1.0).item() == 0.5


def test_binomial_kl_matches_the_formula_and_is_zero_when_equal() -> None:
    ybar, q, n = 0.3, 0.6, 10
    expected = n * (ybar * math.log(ybar / q) + (1 - ybar) * math.log((1 - ybar) / (1 - q)))
    got = binomial_kl(torch.tensor(ybar), torch.tensor(q), n).item()
    assert got == pytest.approx(expected, rel=1e-6)
    assert binomial_kl(torch.tensor(0.4), torch.tensor(0.4), 5).item() == pytest.approx(0.0)
    # ybar = 0: 0 ln 0 = 0, only the second term remains
    assert binomial_kl(torch.tensor(0.0), torch.tensor(0.5), 2).item() == pytest.approx(
        2 * math.log(2.0)
    )


def test_cluster_kl_sums_alpha_weighted_terms_over_clusters_and_subtasks() -> None:
    probs = torch.tensor([[0.9, 0.2], [0.8, 0.1], [0.2, 0.05]])
    membership = torch.tensor([[1, 0], [1, 1], [0, 1]])
    ybar = torch.tensor([[0.5, 0.5], [0.25, 0.0]])
    alpha = torch.tensor([2.0, 1.0])
    expected = 0.0
    for k, rows in enumerate(([0, 1], [1, 2])):
        for t in range(2):
            q = soft_threshold_mean(probs[rows, t], ybar[k, t])
            expected += alpha[k].item() * binomial_kl(ybar[k, t], q, len(rows)).item()
    got = cluster_kl(probs, membership, ybar, alpha).item()
    assert got == pytest.approx(expected)
    # a calibrated cluster costs nothing: half its predictions above a mean of one half
    calibrated = cluster_kl(
        torch.tensor([[0.6], [0.4]]), torch.tensor([[1], [1]]), torch.tensor([[0.5]]),
        torch.tensor([1.0]),
    )  # fmt: skip
    assert calibrated.item() == pytest.approx(0.0, abs=1e-6)


def test_cluster_alphas_are_the_kl_from_the_overall_label_distribution() -> None:
    codes = np.array([0, 0, 1, 1, 1, 1])
    membership = np.array([[1, 0], [1, 0], [0, 1], [0, 1], [0, 1], [1, 1]])
    alphas = cluster_alphas(codes, membership, 2)
    overall = np.array([2, 4]) / 6
    first = np.array([2, 1]) / 3
    expected = float(np.sum(first * np.log(first / overall)))
    assert alphas[0] == pytest.approx(expected)
    assert alphas[1] == pytest.approx(np.log(1 / overall[1]))  # all of class 1
