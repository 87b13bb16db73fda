"""MC-STL recovers planted value groups that the baselines cannot see (issue #14)."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.mcstl.metrics import compute_group_metrics, macro_auc
from engines.core import NotFittedError
from engines.mcstl.model import MCSTL, MCSTLConfig, majority_mask


def _toy(n_items: int = 120, per_item: int = 8, seed: int = 0):
    """Two value groups on the same items (3 ordered classes): group 0 is stricter overall and
    reacts to a 'topic' feature that group 1 ignores."""
    rng = np.random.default_rng(seed)
    emb = rng.normal(size=(n_items, 8)).astype(np.float32)
    severity, topic = emb[:, 0], emb[:, 1]
    item = np.repeat(np.arange(n_items), per_item)
    group = rng.integers(0, 2, size=len(item))
    shift = np.where(group == 0, 0.8 + 0.8 * topic[item], -0.8)
    latent = severity[item] + shift + rng.normal(0, 0.4, len(item))
    codes = np.digitize(latent, [-0.5, 0.5])
    membership = np.eye(2, dtype=np.float32)[group]
    return emb, item, membership, codes


def _split(toy, part: str):
    """Annotations of items 0-69 (train), 70-89 (dev) or 90-119 (test)."""
    emb, item, member, codes = toy
    lo, hi = {"train": (0, 70), "dev": (70, 90), "test": (90, 120)}[part]
    rows = (item >= lo) & (item < hi)
    return item[rows], member[rows], codes[rows]


def _fit(variant: str, toy, seed: int = 0, shuffled: bool = False) -> MCSTL:
    emb = toy[0]
    item, member, codes = _split(toy, "train")
    if shuffled:
        member = member[np.random.default_rng(5).permutation(len(member))]
    cfg = MCSTLConfig(variant=variant, hidden=(32,)).with_train(max_epochs=60, seed=seed, lr=3e-3)
    return MCSTL(cfg).fit(emb, item, member, codes, 3, val=_split(toy, "dev"))


@pytest.fixture(scope="module")
def toy():
    return _toy()


@pytest.fixture(scope="module")
def fitted(toy):
    return {v: _fit(v, toy) for v in ("mcstl", "no_info", "majority")}


def test_mcstl_beats_both_baselines_when_groups_disagree(toy, fitted) -> None:
    item, member, codes = _split(toy, "test")
    aucs = {v: macro_auc(m.predict_proba(item, member), codes) for v, m in fitted.items()}
    assert aucs["mcstl"] > aucs["no_info"] + 0.05, aucs
    assert aucs["mcstl"] > aucs["majority"] + 0.05, aucs


def test_shuffled_groups_lose_what_the_planted_ones_give(toy, fitted) -> None:
    """A recovery test that fails if the groups carried nothing: random membership."""
    item, member, codes = _split(toy, "test")
    fake = _fit("mcstl", toy, shuffled=True)
    real_auc = macro_auc(fitted["mcstl"].predict_proba(item, member), codes)
    assert real_auc > macro_auc(fake.predict_proba(item, member), codes) + 0.05


def test_mcstl_is_calibrated_per_group_where_the_baselines_are_not(toy, fitted) -> None:
    """Each group's calibration line: MC-STL's biases near 0, the baselines' off by the
    group's shift (the seed's Figure 3 against appendix A.10)."""
    item, member, codes = _split(toy, "test")
    tables = {
        v: compute_group_metrics(m.predict_tasks(item, member), codes, member, ["a", "b"])
        for v, m in fitted.items()
    }
    ours = tables["mcstl"]
    assert ours["slope"].between(0.6, 1.5).all() and ours["bias"].abs().max() < 0.1, ours
    for baseline in ("no_info", "majority"):
        assert tables[baseline]["bias"].abs().mean() > 2 * ours["bias"].abs().mean(), tables


def test_baselines_ignore_membership_and_majority_filters(toy, fitted) -> None:
    _, item, member, codes = toy
    no_info = fitted["no_info"]
    assert no_info.n_clusters_ == 0
    flipped = member[:, ::-1].copy()
    assert np.allclose(no_info.predict_proba(item, member), no_info.predict_proba(item, flipped))
    keep = majority_mask(item, codes)
    assert 0 < keep.mean() < 1
    first = item == 0
    counts = np.bincount(codes[first])
    assert (counts[codes[first & keep]] == counts.max()).all()


def test_two_runs_at_one_seed_give_the_same_predictions(toy, fitted) -> None:
    _, item, member, _ = toy
    again = _fit("mcstl", toy)
    assert np.array_equal(
        again.predict_proba(item, member), fitted["mcstl"].predict_proba(item, member)
    )


def test_probabilities_are_distributions_and_binary_works(toy) -> None:
    emb, item, member, codes = toy
    binary = (codes == 2).astype(int)
    model = MCSTL(MCSTLConfig(hidden=(16,)).with_train(max_epochs=3)).fit(
        emb, item, member, binary, 2
    )
    probs = model.predict_proba(item, member)
    assert probs.shape == (len(item), 2) and np.allclose(probs.sum(1), 1)
    with pytest.raises(ValueError, match="class codes"):
        model.fit(emb, item, member, codes + 5, 3)
    with pytest.raises(NotFittedError):
        MCSTL().predict_proba(item, member)


def _spread_toy(seed: int = 0):
    """Five ordered classes; items share a mean label but half of them ('wide', feature 1 > 0)
    spread their labels three times more widely than the 'narrow' half."""
    rng = np.random.default_rng(seed)
    emb = rng.normal(size=(160, 6)).astype(np.float32)
    item = np.repeat(np.arange(160), 12)
    wide = emb[:, 1] > 0
    sd = np.where(wide, 1.5, 0.5)[item]
    latent = 0.5 * emb[item, 0] + rng.normal(0, 1, len(item)) * sd
    codes = np.digitize(latent, [-1.5, -0.5, 0.5, 1.5])
    return emb, item, np.zeros((len(item), 0), np.float32), codes, wide


@pytest.mark.parametrize("dispersion", [False, True])
def test_dispersion_lets_wide_items_spread_their_labels(dispersion: bool) -> None:
    """Location-scale CORAL predicts several times more extreme labels on the wide items than on
    the narrow ones (as observed: 7.9 times); plain CORAL, one spacing for all items, cannot."""
    emb, item, member, codes, wide = _spread_toy()
    train = item < 120
    cfg = MCSTLConfig(variant="no_info", hidden=(32,), dispersion=dispersion)
    model = MCSTL(cfg.with_train(max_epochs=80, lr=3e-3, patience=0)).fit(
        emb, item[train], member[train], codes[train], 5
    )
    test = ~train
    probs = model.predict_proba(item[test], member[test])
    extreme = probs[:, [0, 4]].sum(1)
    on_wide = wide[item[test]]
    observed = np.isin(codes[test], [0, 4])
    ratio = extreme[on_wide].mean() / extreme[~on_wide].mean()
    true_ratio = observed[on_wide].mean() / observed[~on_wide].mean()
    assert true_ratio > 5
    if dispersion:  # measured 3.0 (truth 7.9)
        assert ratio > 2.0, (ratio, true_ratio)
    else:  # measured 0.87: one spacing for every item
        assert ratio < 1.2, (ratio, true_ratio)


def test_dispersion_starts_as_plain_coral() -> None:
    """The scale output starts at zero, so an untrained location-scale net equals CORAL."""
    import torch

    from engines.mcstl.net import MCSTLNet

    items = torch.randn(5, 4)
    torch.manual_seed(0)
    plain = MCSTLNet(items, 0, 3, (8,), 0.0)
    torch.manual_seed(0)
    scaled = MCSTLNet(items, 0, 3, (8,), 0.0, dispersion=True)
    idx, member = torch.arange(5), torch.zeros(5, 0)
    assert torch.allclose(plain(idx, member), scaled(idx, member))
    assert MCSTLConfig().dispersion is False  # the seed's CORAL unless asked for
