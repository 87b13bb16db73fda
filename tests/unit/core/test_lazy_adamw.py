"""LazyAdamW: AdamW on the rows a batch looked up, nothing on the others; mixed clipping."""

from __future__ import annotations

import torch
from torch import nn

from engines.core.lazy_adamw import LazyAdamW, clip_grad_norm


def _tables(sparse: bool) -> nn.Embedding:
    torch.manual_seed(0)
    return nn.Embedding(6, 3, sparse=sparse)


def _steps(emb: nn.Embedding, opt: torch.optim.Optimizer, batches: list[list[int]]) -> None:
    target = torch.arange(3, dtype=torch.float32)
    for ids in batches:
        opt.zero_grad(set_to_none=True)
        ((emb(torch.tensor(ids)) - target) ** 2).sum().backward()
        opt.step()


def test_a_row_looked_up_in_every_step_follows_adamw_exactly() -> None:
    batches = [[0, 1, 2, 3, 4, 5, 2], [5, 4, 3, 2, 1, 0], [0, 0, 1, 2, 3, 4, 5]]
    dense, lazy = _tables(False), _tables(True)
    _steps(dense, torch.optim.AdamW(dense.parameters(), lr=0.1, weight_decay=0.05), batches)
    _steps(lazy, LazyAdamW(lazy.parameters(), lr=0.1, weight_decay=0.05), batches)
    assert torch.allclose(dense.weight, lazy.weight, atol=1e-6)
    assert not torch.allclose(dense.weight, _tables(False).weight)  # it did train


def test_rows_outside_the_batch_do_not_move_and_rows_inside_do() -> None:
    lazy, dense = _tables(True), _tables(False)
    start = lazy.weight.detach().clone()
    batches = [[0, 1], [1, 0], [0]]
    opt = LazyAdamW(lazy.parameters(), lr=0.1, weight_decay=0.05)
    _steps(lazy, opt, batches)
    assert torch.equal(lazy.weight[2:], start[2:])  # never looked up: untouched
    assert not torch.allclose(lazy.weight[:2], start[:2])
    assert torch.equal(opt.state[lazy.weight]["exp_avg"][2:], torch.zeros(4, 3))
    # Dense AdamW decays and moves the rows it never saw (what makes its step cost the table).
    _steps(dense, torch.optim.AdamW(dense.parameters(), lr=0.1, weight_decay=0.05), batches)
    assert not torch.allclose(dense.weight[2:], start[2:])


def test_clip_grad_norm_of_mixed_gradients_matches_torch_on_the_dense_equivalent() -> None:
    ids = torch.tensor([0, 2, 2, 5])  # a repeated row: its gradient is summed
    lin_a, lin_b = nn.Linear(3, 1), nn.Linear(3, 1)
    lin_b.load_state_dict(lin_a.state_dict())
    grads = {}
    for sparse, lin in [(True, lin_a), (False, lin_b)]:
        emb = _tables(sparse)
        lin(emb(ids)).pow(2).sum().backward()
        params = [emb.weight, *lin.parameters()]
        norm = clip_grad_norm(params, 0.5) if sparse else nn.utils.clip_grad_norm_(params, 0.5)
        grads[sparse] = (norm, emb.weight.grad.to_dense(), lin.weight.grad)
    assert torch.allclose(grads[True][0], grads[False][0])
    assert grads[False][0] > 0.5  # the case clips
    assert torch.allclose(grads[True][1], grads[False][1], atol=1e-7)
    assert torch.allclose(grads[True][2], grads[False][2], atol=1e-7)


def test_a_dense_gradient_is_read_row_by_row_like_a_sparse_one() -> None:
    batches = [[0, 1], [1, 3]]
    dense, lazy = _tables(False), _tables(True)
    _steps(dense, LazyAdamW(dense.parameters(), lr=0.1), batches)
    _steps(lazy, LazyAdamW(lazy.parameters(), lr=0.1), batches)
    assert torch.allclose(dense.weight, lazy.weight, atol=1e-7)
    assert torch.equal(dense.weight[[2, 4, 5]], _tables(False).weight[[2, 4, 5]])
