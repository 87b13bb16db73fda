"""DEM-MoE's loss terms (seed appendix B) against hand-computed values."""

from __future__ import annotations

import math

import pytest
import torch

from engines.moe.losses import (
    demographic_specialisation_loss,
    gaussian_kl,
    load_std_loss,
    orthogonality_loss,
    variance_loss,
)


def test_gaussian_kl_hand_values() -> None:
    zero = gaussian_kl(torch.zeros(1, 3), torch.zeros(1, 3))
    assert zero.item() == pytest.approx(0.0)
    # mu = (1, 2), sigma^2 = 1: KL = 0.5 * (1 + 4) = 2.5
    assert gaussian_kl(torch.tensor([[1.0, 2.0]]), torch.zeros(1, 2)).item() == pytest.approx(2.5)
    # mu = 0, sigma^2 = 2: KL = 0.5 * (2 - 1 - ln 2)
    kl = gaussian_kl(torch.zeros(1, 1), torch.full((1, 1), math.log(2.0)))
    assert kl.item() == pytest.approx(0.5 * (1 - math.log(2.0)))


def test_load_std_loss_hand_value_and_gradient() -> None:
    # Routed weight per expert c = (2, 1, 1, 0): c / mean = (2, 1, 1, 0) -> capped (1, 1, 1, 0)
    w = torch.tensor([[1.0, 1.0, 0.0, 0.0], [1.0, 0.0, 1.0, 0.0]], requires_grad=True)
    loss = load_std_loss(w)
    assert loss.item() == pytest.approx(math.sqrt(0.1875))
    loss.backward()
    assert w.grad[:, 3].abs().sum() > 0  # the unused expert is pushed up
    balanced = torch.full((4, 4), 0.25)
    assert load_std_loss(balanced).item() == pytest.approx(0.0, abs=1e-7)


def test_orthogonality_loss_hand_value() -> None:
    out = torch.tensor([[[1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]])  # B=1, E=3, H=2
    sel = torch.tensor([[True, True, False]])
    # pairs (0,1): <x0,x1>/<x1,x1> = 1/2 ; (1,0): <x1,x0>/<x0,x0> = 1
    assert orthogonality_loss(out, sel, eps=0.0).item() == pytest.approx(1.5)
    sel_orth = torch.tensor([[True, False, True]])  # x0 and x2 are orthogonal
    assert orthogonality_loss(out, sel_orth, eps=0.0).item() == pytest.approx(0.0)
    # averaged over the batch: two identical rows give the same value
    assert orthogonality_loss(out.repeat(2, 1, 1), sel.repeat(2, 1), 0.0).item() == 1.5


def test_variance_loss_hand_value() -> None:
    s = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
    assert variance_loss(s).item() == pytest.approx(-0.25)
    assert variance_loss(torch.full((3, 2), 0.5)).item() == pytest.approx(0.0)


def test_demographic_specialisation_loss_hand_value() -> None:
    probs = torch.tensor([[0.5, 0.5], [0.5, 0.5], [0.9, 0.1], [0.9, 0.1]])
    demo = torch.tensor([[1], [1], [2], [2]])
    kl12 = 0.5 * math.log(0.5 / 0.9) + 0.5 * math.log(0.5 / 0.1)
    kl21 = 0.9 * math.log(0.9 / 0.5) + 0.1 * math.log(0.1 / 0.5)
    got = demographic_specialisation_loss(probs, demo, eps=0.0).item()
    assert got == pytest.approx(0.5 * (kl12 + kl21), rel=1e-5)
    same = demographic_specialisation_loss(probs[:2].repeat(2, 1), demo, eps=0.0)
    assert same.item() == pytest.approx(0.0, abs=1e-7)
    # a subgroup with one row in the batch is skipped (min_rows=2)
    assert demographic_specialisation_loss(probs[1:], demo[1:]).item() == pytest.approx(0.0)
    # attributes add up
    two = demographic_specialisation_loss(probs, torch.cat([demo, demo], 1), eps=0.0)
    assert two.item() == pytest.approx(2 * got, rel=1e-5)
