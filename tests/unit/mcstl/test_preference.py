"""MC-STL's Bradley-Terry preference head (seed section 2.4; issue #14 item 2)."""

from __future__ import annotations

import numpy as np

from engines.mcstl.model import MCSTLConfig
from engines.mcstl.preference import MCSTLPreference


def _pairs(n: int, seed: int):
    """Both groups like feature 0; group 1 also cares twice as much about feature 1."""
    emb = np.random.default_rng(0).normal(size=(60, 6)).astype(np.float32)  # one item set
    rng = np.random.default_rng(seed)
    first, second = rng.integers(0, 60, n), rng.integers(0, 60, n)
    group = rng.integers(0, 2, n)
    value = emb[:, 0][:, None] + np.array([[0.0, 2.0]]) * emb[:, 1][:, None]  # [items, groups]
    gap = value[first, group] - value[second, group]
    prefers = (gap + rng.normal(0, 0.3, n) > 0).astype(float)
    return emb, first, second, np.eye(2)[group], prefers


def _fit(variant: str) -> MCSTLPreference:
    emb, a, b, member, y = _pairs(3000, 0)
    cfg = MCSTLConfig(variant=variant, hidden=(32,)).with_train(max_epochs=40, lr=3e-3)
    return MCSTLPreference(cfg).fit(emb, a, b, member, y, val=_pairs(600, 1)[1:])


def test_clusters_let_the_preference_head_follow_each_groups_taste() -> None:
    _, a, b, member, y = _pairs(1000, 2)
    with_clusters = _fit("mcstl")
    without = _fit("no_info")
    accuracy = {
        name: float(((model.predict_proba(a, b, member) > 0.5) == (y == 1)).mean())
        for name, model in (("mcstl", with_clusters), ("no_info", without))
    }
    assert accuracy["mcstl"] > 0.9 and accuracy["mcstl"] > accuracy["no_info"] + 0.08, accuracy
    assert (with_clusters.temperatures_ > 0).all() and len(with_clusters.temperatures_) == 2


def test_swapping_the_items_gives_the_complementary_probability() -> None:
    _, a, b, member, _ = _pairs(200, 3)
    model = _fit("mcstl")
    assert np.allclose(model.predict_proba(a, b, member) + model.predict_proba(b, a, member), 1)
