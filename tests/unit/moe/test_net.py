"""The DEM-MoE network: top-k routing, demographic gate, Bayesian embeddings."""

from __future__ import annotations

import pytest
import torch

from engines.moe.net import BayesianEmbedding, DemMoENet


def _net(n_experts: int = 4, top_k: int = 2) -> DemMoENet:
    torch.manual_seed(0)
    return DemMoENet(torch.randn(10, 8), 6, [3, 4], n_experts, top_k, 4, 3, 5, 7, 0.0)


def test_network_routes_top_k_and_mixes_selected_experts() -> None:
    net = _net().eval()
    item = torch.arange(5)
    ann = torch.tensor([0, 1, 2, 3, 4])
    demo = torch.tensor([[0, 1], [1, 2], [2, 3], [1, 0], [2, 1]])
    out = net.route(item, ann, demo)
    assert out.prediction.shape == (5,)
    assert out.selected.sum(1).tolist() == [2] * 5
    assert torch.allclose(out.weights, out.probs * out.selected)
    assert torch.allclose(out.probs.sum(1), torch.ones(5))
    mixed = (out.weights.unsqueeze(-1) * out.expert_outputs).sum(1)
    assert torch.allclose(net.head(mixed).squeeze(-1), out.prediction, atol=1e-6)
    with pytest.raises(ValueError, match="top_k"):
        DemMoENet(torch.randn(3, 4), 2, [2], 2, 3)


def test_gate_depends_on_demographics() -> None:
    net = _net().eval()
    item, ann = torch.zeros(3, dtype=torch.long), torch.ones(3, dtype=torch.long)
    demo = torch.tensor([[1, 1], [2, 1], [1, 3]])
    probs = net.route(item, ann, demo).probs
    assert not torch.allclose(probs[0], probs[1])
    assert not torch.allclose(probs[0], probs[2])


def test_bayesian_embedding_samples_in_training_only() -> None:
    emb = BayesianEmbedding(3, 4, init_logvar=0.0)
    ids = torch.tensor([1, 1])
    z_eval, kl = emb(ids, sample=False)
    assert torch.equal(z_eval, emb.mu(ids))
    z1, _ = emb(ids, sample=True)
    assert not torch.allclose(z1, z_eval)
    assert kl.shape == (2,)
