"""Weighted rows and pretraining in the rating models (issue #16: blending synthetic data)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engines.moe import DemMoE, MeanPredictor, MoEConfig
from engines.moe.losses import weighted_mse


def test_weighted_mse_matches_a_hand_computation() -> None:
    pred, y = torch.tensor([1.0, 2.0, 3.0]), torch.zeros(3)
    # (1 * 1 + 0 * 4 + 3 * 9) / (1 + 0 + 3) = 7
    assert weighted_mse(pred, y, torch.tensor([1.0, 0.0, 3.0])).item() == pytest.approx(7.0)
    assert weighted_mse(pred, y).item() == pytest.approx(14 / 3)
    assert weighted_mse(pred, y, torch.zeros(3)).item() == 0.0


def _fit(train, ids, emb, **kwargs) -> DemMoE:
    cfg = MoEConfig().with_train(max_epochs=12, seed=3)
    return DemMoE(cfg).fit(train, ids, emb, ["age", "gender"], **kwargs)


def test_unit_weights_change_nothing_and_down_weighted_rows_lose_their_pull(toy_split) -> None:
    train, val, ids, emb = toy_split
    plain = _fit(train, ids, emb)
    ones = _fit(train, ids, emb, sample_weight=np.ones(len(train)))
    np.testing.assert_allclose(plain.predict(val), ones.predict(val), atol=1e-6)
    # Push annotator a0's ratings to the top of the scale; with weight 0 they cannot pull.
    pushed = train.assign(label=np.where(train.annotator_id == "a0", 5, train.label))
    mine = val[val.annotator_id == "a0"]
    heavy = _fit(pushed, ids, emb).predict(mine).mean()
    muted = _fit(pushed, ids, emb, sample_weight=(pushed.annotator_id != "a0").to_numpy(float))
    assert heavy > muted.predict(mine).mean() + 0.5


def test_pretraining_starts_from_the_pretrained_network(toy_split) -> None:
    train, val, ids, emb = toy_split
    synthetic = train.assign(annotator_id="syn_" + train.annotator_id, label=1)
    pre = _fit(train, ids, emb, pretrain=synthetic)
    assert "syn_a0" in pre.encoding_.annotator_index  # one encoding for both stages
    plain = _fit(train, ids, emb)
    assert not np.allclose(pre.predict(val), plain.predict(val))
    with pytest.raises(ValueError, match="no training loop"):
        MeanPredictor().fit(train, ids, emb, sample_weight=np.ones(len(train)))
