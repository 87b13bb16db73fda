"""The decoder network: distributions out, and the ordinal head's cumulative-logit order."""

from __future__ import annotations

import pytest
import torch

from engines.profiles.net import DecoderNet


@pytest.mark.parametrize("ordinal", [False, True])
def test_decoder_net_outputs_distributions(ordinal: bool) -> None:
    net = DecoderNet(8, 8, 5, hidden=6, dropout=0.0, ordinal=ordinal)
    logits = net(torch.randn(7, 8), torch.randn(7, 8))
    probs = torch.softmax(logits, -1)
    assert probs.shape == (7, 5)
    torch.testing.assert_close(probs.sum(-1), torch.ones(7))
    if ordinal:  # log-probabilities already normalised
        torch.testing.assert_close(logits.exp().sum(-1), torch.ones(7), atol=1e-4, rtol=0)


def test_ordinal_head_cdf_is_monotone_in_the_score() -> None:
    net = DecoderNet(4, 4, 5, hidden=3, dropout=0.0, ordinal=True)
    with torch.no_grad():
        net.head[-1].bias.fill_(0.0)
        net.head[-1].weight.zero_()
        p_low = torch.softmax(net(torch.zeros(1, 4), torch.zeros(1, 4)), -1)
        net.head[-1].bias.fill_(3.0)  # larger score -> mass moves to higher classes
        p_high = torch.softmax(net(torch.zeros(1, 4), torch.zeros(1, 4)), -1)
    expect = torch.arange(5.0)
    assert float(p_high @ expect) > float(p_low @ expect) + 1.0
