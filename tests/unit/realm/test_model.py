"""REALM's loss term and its recovery of simulated annotators' expertise (issue #15)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from scipy.stats import spearmanr

from engines.realm import PROFILES, Realm, RealmConfig, mixture_log_likelihood
from engines.realm.simulate import simulate_annotators


def test_mixture_likelihood_matches_a_hand_computation() -> None:
    """p_theta = (0.25, 0.75), e = 0.5, C = 2, y = 1: log(0.5 * 0.75 + 0.5 / 2) = log 0.625;
    e = 1 gives the cross-entropy term, e = 0 the uniform log(1 / C)."""
    logits = torch.tensor([[0.0, math.log(3.0)]] * 3)
    y = torch.tensor([1, 1, 1])
    out = mixture_log_likelihood(logits, torch.tensor([0.5, 1.0, 0.0]), y)
    assert torch.allclose(out, torch.tensor([math.log(0.625), math.log(0.75), math.log(0.5)]))


def _task(n_items: int = 400, n_classes: int = 3, seed: int = 0):
    """Items whose class is a linear function of an 8-d embedding (learnable from x)."""
    rng = np.random.default_rng(seed)
    emb = rng.normal(size=(n_items, 8)).astype(np.float32)
    gold = (emb[:, :n_classes] + 0.3 * rng.normal(size=(n_items, n_classes))).argmax(1)
    return emb, gold


def _rows(sim, items):
    keep = np.isin(sim["item"], items)
    part = sim[keep]
    return (part["item"].to_numpy(), part["annotator"].to_numpy(),
            np.zeros(len(part), np.int64), part["code"].to_numpy())  # fmt: skip


def _fit(variant: str, emb, sim, n_annotators: int = 3, seed: int = 0) -> Realm:
    cfg = RealmConfig(variant=variant, hidden=(32,)).with_train(max_epochs=60, lr=3e-3,
                                                                seed=seed)  # fmt: skip
    train, dev = np.arange(0, 280), np.arange(280, 340)
    return Realm(cfg).fit(emb, _rows(sim, train), 3, n_annotators, val=_rows(sim, dev))


@pytest.fixture(scope="module")
def one_reliable():
    emb, gold = _task()
    sim = simulate_annotators(gold, 3, PROFILES["one_reliable"], "uniform", "shared", seed=1)
    models = {v: _fit(v, emb, sim) for v in ("realm", "noisy", "majority")}
    return emb, gold, models


def _accuracy(model: Realm, emb, gold) -> float:
    test = np.arange(340, len(gold))
    return float((model.predict_proba(test).argmax(1) == gold[test]).mean())


def test_realm_beats_noisy_training_with_one_reliable_annotator(one_reliable) -> None:
    """The seed's headline setting: one reliable and two near-random annotators, uniform
    noise. REALM trusts the reliable one; plain cross-entropy averages all three."""
    emb, gold, models = one_reliable
    acc = {v: _accuracy(m, emb, gold) for v, m in models.items()}
    assert acc["realm"] > acc["noisy"] + 0.05, acc
    assert acc["realm"] > acc["majority"] + 0.05, acc


def test_learned_expertise_recovers_the_planted_profile(one_reliable) -> None:
    _, _, models = one_reliable
    e = models["realm"].expertise_[:, 0]
    assert e[0] > 0.75 and (e[1:] < 0.35).all(), e
    assert models["noisy"].expertise_ is None


def test_expertise_ranks_a_spread_profile_in_order() -> None:
    emb, gold = _task(seed=2)
    truth = (0.95, 0.8, 0.6, 0.4, 0.2)
    sim = simulate_annotators(gold, 3, truth, "uniform", "shared", seed=3)
    model = _fit("realm", emb, sim, n_annotators=5)
    rho = spearmanr(truth, model.expertise_[:, 0]).statistic
    assert rho == pytest.approx(1.0), model.expertise_[:, 0]


def test_two_runs_at_one_seed_are_identical(one_reliable) -> None:
    emb, gold, models = one_reliable
    sim = simulate_annotators(gold, 3, PROFILES["one_reliable"], "uniform", "shared", seed=1)
    again = _fit("realm", emb, sim)
    assert np.array_equal(again.expertise_, models["realm"].expertise_)
    assert np.array_equal(again.predict_proba(np.arange(10)), models["realm"].predict_proba(
        np.arange(10)))  # fmt: skip


def test_multi_task_expertise_is_one_column_per_task() -> None:
    """An annotator reliable on task 0 and random on task 1 gets that row in the matrix."""
    emb, gold = _task(seed=4)
    rng = np.random.default_rng(0)
    n = len(gold)
    task = (np.arange(n) % 2).astype(np.int64)
    items = np.tile(np.arange(n), 2)
    annotator = np.repeat([0, 1], n)
    tasks = np.tile(task, 2)
    good = np.where(annotator == 0, tasks == 0, tasks == 1)  # 0 good at task 0, 1 at task 1
    codes = np.where(good | (rng.random(2 * n) < 0.2), gold[items], rng.integers(0, 3, 2 * n))
    cfg = RealmConfig(hidden=(32,)).with_train(max_epochs=60, lr=3e-3)
    model = Realm(cfg).fit(emb, (items, annotator, tasks, codes), 3, 2, n_tasks=2)
    e = model.expertise_
    assert e.shape == (2, 2)
    assert e[0, 0] > e[0, 1] + 0.3 and e[1, 1] > e[1, 0] + 0.3, e


def test_item_dependent_expertise_learns_where_an_annotator_is_reliable() -> None:
    """State-dependent expertise (eq. 5): an annotator reliable only on items with a positive
    first coordinate gets a higher e_a(x) there."""
    emb, gold = _task(seed=5)
    rng = np.random.default_rng(1)
    items = np.tile(np.arange(len(gold)), 2)
    annotator = np.repeat([0, 1], len(gold))
    reliable = np.where(annotator == 0, True, emb[items, 3] > 0)
    codes = np.where(reliable, gold[items], rng.integers(0, 3, len(items)))
    cfg = RealmConfig(hidden=(32,), state_dim=4).with_train(max_epochs=80, lr=3e-3)
    model = Realm(cfg).fit(emb, (items, annotator, np.zeros_like(items), codes), 3, 2)
    pos, neg = np.flatnonzero(emb[:, 3] > 0.5), np.flatnonzero(emb[:, 3] < -0.5)
    e_pos = model.expertise_on(pos, np.ones(len(pos), int)).mean()
    e_neg = model.expertise_on(neg, np.ones(len(neg), int)).mean()
    assert e_pos > e_neg + 0.3, (e_pos, e_neg)


def test_bad_inputs_are_refused() -> None:
    emb, gold = _task(n_items=20)
    rows = (np.arange(20), np.zeros(20, int), np.zeros(20, int), gold)
    with pytest.raises(ValueError, match="annotator indices"):
        Realm().fit(emb, (rows[0], np.full(20, 3), rows[2], rows[3]), 3, 2)
    with pytest.raises(ValueError, match="code indices"):
        Realm().fit(emb, (*rows[:3], np.full(20, 5)), 3, 1)
