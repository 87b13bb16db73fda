"""The statement decoder's maths, each term in isolation, against hand-computed values."""

from __future__ import annotations

import math

import numpy as np
import torch

from engines.profiles.statement_net import (
    StatementNet,
    StatementTables,
    cumulative_log_probs,
    lesson_loss,
    standardised_cosine,
)


def _sig(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def test_cumulative_log_probs_by_hand() -> None:
    t = torch.tensor([[0.0, 1.0]])
    p = cumulative_log_probs(t, torch.tensor([0.5])).exp()[0].tolist()
    c1, c2 = _sig(-0.5), _sig(0.5)
    np.testing.assert_allclose(p, [c1, c2 - c1, 1 - c2], atol=1e-6)


def test_standardised_cosine_is_a_z_score_per_statement() -> None:
    g = torch.Generator().manual_seed(0)
    z = standardised_cosine(torch.randn(50, 8, generator=g), torch.randn(3, 8, generator=g))
    np.testing.assert_allclose(z.mean(0).numpy(), 0, atol=1e-5)
    np.testing.assert_allclose(z.std(0).numpy(), 1, atol=1e-5)


def _tables(prior: torch.Tensor | None = None) -> StatementTables:
    torch.manual_seed(0)
    items, stmts = torch.randn(6, 8), torch.randn(4, 8)
    canonical = torch.tensor([[0, 1, -1], [2, -1, -1], [-1, -1, -1]])
    net = StatementNet(8, 1, hidden=4)
    return StatementTables(net, items, stmts, canonical, prior, n_classes=3, ordinal=True).eval()


def test_no_statement_reproduces_the_prior() -> None:
    prior = torch.log(torch.tensor([[0.5, 0.3, 0.2]] * 6))
    mod = _tables(prior)
    out = mod(torch.arange(6), torch.full((6,), 2)).exp()
    np.testing.assert_allclose(out.detach().numpy(), prior.exp().numpy(), atol=1e-4)


def test_each_statement_adds_its_own_term_and_empty_slots_add_nothing() -> None:
    mod = _tables()
    with torch.no_grad():
        mod.net.base[2].bias.fill_(0.3)
        item = torch.arange(6)
        z = standardised_cosine(mod.items, mod.stmts)
        eff = mod.net.effect(mod.items, mod.stmts, z)[..., 0]  # [6, 4]
        rows = torch.tensor([[0, 1, 0]] * 6)
        mask = torch.tensor([[1.0, 1.0, 0.0]] * 6)
        shift = mod.net(mod.items[item], mod.stmts[rows], mod.z(item, rows), mask)[:, 0]
    np.testing.assert_allclose(shift.numpy(), (0.3 + eff[:, 0] + eff[:, 1]).numpy(), atol=1e-5)


def test_lesson_loss_is_the_squared_error_of_the_effect() -> None:
    mod = _tables()
    stmt, item = torch.tensor([0, 1, 2]), torch.tensor([0, 3, 5])
    target = torch.tensor([1.0, -0.5, 0.0])
    with torch.no_grad():
        effect = mod.lesson_effect(stmt, item)
        z = standardised_cosine(mod.items, mod.stmts)
        full = mod.net.effect(mod.items, mod.stmts, z)[..., 0] / mod.net.gain
        np.testing.assert_allclose(effect.numpy(), full[item, stmt].numpy(), atol=1e-5)
        loss = lesson_loss(mod, (stmt, item, target))
    assert math.isclose(float(loss), float(((effect - target) ** 2).mean()), rel_tol=1e-5)
    with torch.no_grad():
        mod.net.direction.weight.zero_()
        mod.net.direction.bias.zero_()
        zero = lesson_loss(mod, (stmt, item, target))
    assert math.isclose(float(zero), float((target**2).mean()), rel_tol=1e-6)
