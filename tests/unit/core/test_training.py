"""Tests for engines.core: the training loop, device choice, seeding, batched predict."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest
import torch
from torch import nn
from torch.optim.optimizer import register_optimizer_step_pre_hook
from torch.utils.data import TensorDataset

from engines.core import (
    History,
    TrainConfig,
    fit_loop,
    predict_batches,
    resolve_device,
    seed_everything,
    thread_count,
    training_threads,
)

CPU = TrainConfig(device="cpu")
_THREADS_AT_IMPORT = torch.get_num_threads()


@pytest.fixture(scope="module", autouse=True)
def _warm_optimizer_import():
    # torch imports torch._dynamo (~2 s) the first time any optimizer is built in a process;
    # pay that once here rather than inside whichever test happens to run first.
    torch.optim.AdamW([nn.Parameter(torch.zeros(1))])


def _regression(n: int = 512, d: int = 4, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, d, generator=g)
    w = torch.arange(1.0, d + 1.0).unsqueeze(1)
    y = x @ w + 0.1 * torch.randn(n, 1, generator=g)
    return x, y


def _mlp(d: int = 4, seed: int = 0, dropout: float = 0.0) -> nn.Module:
    seed_everything(seed)
    return nn.Sequential(nn.Linear(d, 16), nn.ReLU(), nn.Dropout(dropout), nn.Linear(16, 1))


def _mse(module: nn.Module, batch: tuple[torch.Tensor, ...]) -> torch.Tensor:
    x, y = batch
    return nn.functional.mse_loss(module(x), y)


class _Scalar(nn.Module):
    """One parameter w; train loss pulls w towards 5, val loss is minimal at w = 1."""

    def __init__(self) -> None:
        super().__init__()
        self.w = nn.Parameter(torch.zeros(()))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w.expand(x.shape[0])


def _scalar_loss(module: nn.Module, batch: tuple[torch.Tensor, ...]) -> torch.Tensor:
    (x,) = batch
    target = 5.0 if module.training else 1.0
    return ((module(x) - target) ** 2).mean()


# --------------------------------------------------------------------------- config, device, seed


def test_config_is_frozen_json_and_validated():
    cfg = TrainConfig()
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.lr = 1.0  # type: ignore[misc]
    assert TrainConfig(**json.loads(json.dumps(dataclasses.asdict(cfg)))) == cfg
    for bad in (
        {"max_epochs": 0},
        {"batch_size": 0},
        {"lr": 0.0},
        {"patience": -1},
        {"grad_clip": 0.0},
        {"device": "tpu"},
    ):
        with pytest.raises(ValueError):
            TrainConfig(**bad)


def test_resolve_device_cpu_and_auto():
    assert resolve_device("cpu") == torch.device("cpu")
    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert resolve_device("auto").type == expected
    assert resolve_device(None).type == expected
    with pytest.raises(ValueError, match="Unknown device"):
        resolve_device("not-a-device")


@pytest.mark.skipif(torch.cuda.is_available(), reason="CUDA is available here")
def test_resolve_device_cuda_without_cuda_raises():
    with pytest.raises(ValueError, match="CUDA is not available"):
        resolve_device("cuda")
    with pytest.raises(ValueError):
        fit_loop(_mlp(), _regression(), None, TrainConfig(device="cuda", max_epochs=1), _mse)


def test_seed_everything_repeats_random_streams():
    import random

    import numpy as np

    seed_everything(7)
    a = (random.random(), np.random.rand(), torch.rand(1).item())
    seed_everything(7)
    assert (random.random(), np.random.rand(), torch.rand(1).item()) == a


# --------------------------------------------------------------------------- fitting


def test_loss_decreases_on_toy_regression():
    x, y = _regression()
    xv, yv = _regression(128, seed=1)
    model = _mlp()
    cfg = dataclasses.replace(CPU, max_epochs=15, batch_size=64, lr=1e-2, patience=0)
    history = fit_loop(model, (x, y), (xv, yv), cfg, _mse)
    first, last = history.epochs[0], history.epochs[-1]
    assert [r["epoch"] for r in history.epochs] == list(range(1, 16))
    assert last["train_loss"] < 0.1 * first["train_loss"]
    assert last["val_loss"] < 0.1 * first["val_loss"]
    assert not history.stopped_early and not history.stopped_by_callback
    assert history.seconds > 0
    assert not model.training  # left in eval mode
    frame = history.to_frame()
    assert list(frame.columns[:3]) == ["epoch", "train_loss", "val_loss"]
    assert len(frame) == 15


def test_accepts_tensor_dataset_and_single_tensor_val():
    x, y = _regression(64)
    history = fit_loop(
        _Scalar(),
        TensorDataset(x[:, 0]),
        x[:, 1],
        dataclasses.replace(CPU, max_epochs=2),
        _scalar_loss,
    )
    assert len(history.epochs) == 2


def test_early_stopping_restores_best_weights():
    x = torch.zeros(32, 1)
    ws: list[float] = []
    cfg = dataclasses.replace(CPU, max_epochs=50, batch_size=32, lr=0.3, patience=2)
    model = _Scalar()
    history = fit_loop(
        model,
        (x,),
        (x,),
        cfg,
        _scalar_loss,
        on_epoch_end=lambda e, m: ws.append(model.w.item()),
    )
    val = [r["val_loss"] for r in history.epochs]
    assert history.stopped_early and not history.stopped_by_callback
    assert len(history.epochs) == history.best_epoch + cfg.patience < cfg.max_epochs
    assert history.best_val_loss == min(val) == val[history.best_epoch - 1]
    # The module holds the best epoch's weights, not the last ones.
    assert model.w.item() == pytest.approx(ws[history.best_epoch - 1])
    assert model.w.item() != pytest.approx(ws[-1])
    restored = _scalar_loss(model.eval(), (x,)).item()
    assert restored == pytest.approx(history.best_val_loss, rel=1e-6, abs=1e-9)


def test_overfitting_mlp_early_stops_and_restored_val_loss_matches():
    # 24 rows of pure noise and a wide MLP: val loss bottoms out quickly and then rises.
    g = torch.Generator().manual_seed(0)
    x, y = torch.randn(24, 8, generator=g), torch.randn(24, 1, generator=g)
    xv, yv = torch.randn(256, 8, generator=g), torch.randn(256, 1, generator=g)
    seed_everything(0)
    model = nn.Sequential(nn.Linear(8, 256), nn.ReLU(), nn.Linear(256, 1))
    cfg = dataclasses.replace(CPU, max_epochs=200, batch_size=8, lr=1e-2, patience=2)
    history = fit_loop(model, (x, y), (xv, yv), cfg, _mse)
    assert history.stopped_early
    assert len(history.epochs) == history.best_epoch + 2
    restored = _mse(model.eval(), (xv, yv)).item()
    assert restored == pytest.approx(history.best_val_loss, rel=1e-5)


def test_patience_zero_runs_every_epoch_but_still_restores_best():
    x = torch.zeros(8, 1)
    model = _Scalar()
    cfg = dataclasses.replace(CPU, max_epochs=8, batch_size=8, lr=0.3, patience=0)
    history = fit_loop(model, (x,), (x,), cfg, _scalar_loss)
    assert len(history.epochs) == 8 and not history.stopped_early
    assert history.best_epoch < 8
    assert _scalar_loss(model.eval(), (x,)).item() == pytest.approx(history.best_val_loss)


def test_min_delta_counts_small_gains_as_no_improvement():
    x = torch.zeros(8, 1)
    cfg = dataclasses.replace(CPU, max_epochs=30, batch_size=8, lr=0.05, patience=1)
    strict = fit_loop(_Scalar(), (x,), (x,), cfg, _scalar_loss)
    loose = fit_loop(_Scalar(), (x,), (x,), dataclasses.replace(cfg, min_delta=10.0), _scalar_loss)
    assert loose.best_epoch == 1 and len(loose.epochs) == 2
    assert strict.best_epoch > 1


def test_without_validation_trains_all_epochs_and_keeps_last():
    x = torch.zeros(8, 1)
    model = _Scalar()
    ws: list[float] = []
    cfg = dataclasses.replace(CPU, max_epochs=6, batch_size=8, lr=0.3)
    history = fit_loop(
        model, (x,), None, cfg, _scalar_loss, on_epoch_end=lambda e, m: ws.append(model.w.item())
    )
    assert len(history.epochs) == 6 and history.best_epoch == 6
    assert math.isnan(history.best_val_loss)
    assert all(math.isnan(r["val_loss"]) for r in history.epochs)
    assert model.w.item() == ws[-1]


def test_same_seed_same_history_and_weights():
    x, y = _regression(256)
    xv, yv = _regression(64, seed=1)
    cfg = dataclasses.replace(CPU, max_epochs=4, batch_size=32, seed=3)

    def run(seed: int) -> tuple[History, dict[str, torch.Tensor]]:
        model = _mlp(dropout=0.2)  # dropout consumes torch RNG: seeding must cover it
        h = fit_loop(model, (x, y), (xv, yv), dataclasses.replace(cfg, seed=seed), _mse)
        return h, model.state_dict()

    (h1, s1), (h2, s2), (h3, _) = run(3), run(3), run(4)
    assert h1.epochs == h2.epochs
    assert (h1.best_epoch, h1.best_val_loss) == (h2.best_epoch, h2.best_val_loss)
    assert all(torch.equal(s1[k], s2[k]) for k in s1)
    assert h3.epochs != h1.epochs


def test_gradient_clipping_bounds_the_norm():
    x, y = _regression(128)

    def huge(module, batch):
        return 1e4 * _mse(module, batch)

    def norms_seen(grad_clip):
        norms: list[float] = []

        def spy(optimizer, args, kwargs):
            grads = [p.grad for g in optimizer.param_groups for p in g["params"]]
            norms.append(torch.linalg.vector_norm(torch.stack([gr.norm() for gr in grads])).item())

        handle = register_optimizer_step_pre_hook(spy)
        try:
            cfg = dataclasses.replace(CPU, max_epochs=2, batch_size=32, grad_clip=grad_clip)
            fit_loop(_mlp(), (x, y), None, cfg, huge)
        finally:
            handle.remove()
        return norms

    clipped, unclipped = norms_seen(0.5), norms_seen(None)
    assert len(clipped) == 8
    assert max(clipped) <= 0.5 * (1 + 1e-5)
    assert min(unclipped) > 0.5


def test_dict_loss_terms_are_logged():
    x, y = _regression(100)

    def loss(module, batch):
        mse = _mse(module, batch)
        l2 = sum((p**2).sum() for p in module.parameters())
        return {"loss": mse + 0.01 * l2, "mse": mse, "l2": l2}

    cfg = dataclasses.replace(CPU, max_epochs=3, batch_size=30)
    history = fit_loop(_mlp(), (x, y), (x, y), cfg, loss)
    for row in history.epochs:
        assert {"train_mse", "train_l2", "val_mse", "val_l2"} <= set(row)
        assert row["train_loss"] == pytest.approx(row["train_mse"] + 0.01 * row["train_l2"])
        assert row["val_loss"] == pytest.approx(row["val_mse"] + 0.01 * row["val_l2"])
    assert "train_mse" in history.to_frame().columns


def test_dict_loss_without_loss_key_is_an_error():
    x, y = _regression(16)
    with pytest.raises(KeyError, match="'loss'"):
        fit_loop(_mlp(), (x, y), None, CPU, lambda m, b: {"mse": _mse(m, b)})


def test_on_epoch_end_gets_one_based_epochs_and_true_stops():
    x, y = _regression(64)
    seen: list[tuple[int, dict[str, float]]] = []

    def callback(epoch, metrics):
        seen.append((epoch, metrics))
        return epoch == 3

    cfg = dataclasses.replace(CPU, max_epochs=10)
    history = fit_loop(_mlp(), (x, y), (x, y), cfg, _mse, on_epoch_end=callback)
    assert [e for e, _ in seen] == [1, 2, 3]
    assert all(m["max_epochs"] == 10 and m["epoch"] == e for e, m in seen)
    assert seen[0][1]["train_loss"] == history.epochs[0]["train_loss"]
    assert history.stopped_by_callback and not history.stopped_early
    assert len(history.epochs) == 3
    assert "max_epochs" not in history.epochs[0]


def test_before_epoch_sees_module_and_one_based_epochs():
    x = torch.zeros(8, 1)
    calls: list[tuple[int, bool]] = []
    model = _Scalar()
    cfg = dataclasses.replace(CPU, max_epochs=3)
    fit_loop(
        model,
        (x,),
        (x,),
        cfg,
        _scalar_loss,
        before_epoch=lambda e, m: calls.append((e, m is model)),
    )
    assert calls == [(1, True), (2, True), (3, True)]


class _Two(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.a = nn.Parameter(torch.zeros(3))
        self.b = nn.Parameter(torch.zeros(3))

    def forward(self, x):
        return x @ self.a + x @ self.b


def test_param_groups_give_a_group_its_own_lr():
    x, y = _regression(64, d=3)
    lrs: list[list[float]] = []
    handle = register_optimizer_step_pre_hook(
        lambda opt, args, kwargs: lrs.append([g["lr"] for g in opt.param_groups])
    )
    model = _Two()
    cfg = dataclasses.replace(CPU, max_epochs=1, batch_size=64, lr=1e-3, grad_clip=None)
    try:
        fit_loop(
            model,
            (x, y.squeeze(1)),
            None,
            cfg,
            _mse,
            param_groups=lambda m: [{"params": [m.a]}, {"params": [m.b], "lr": 1e-1}],
        )
    finally:
        handle.remove()
    assert lrs == [[1e-3, 1e-1]]
    # One Adam step moves each coordinate by about its lr.
    assert model.a.detach().abs().max().item() == pytest.approx(1e-3, rel=1e-2)
    assert model.b.detach().abs().max().item() == pytest.approx(1e-1, rel=1e-2)


def test_param_groups_can_freeze_parameters():
    x, y = _regression(64, d=3)
    model = _Two()
    cfg = dataclasses.replace(CPU, max_epochs=2)
    fit_loop(model, (x, y.squeeze(1)), None, cfg, _mse, param_groups=lambda m: [{"params": m.a}])
    assert torch.count_nonzero(model.a) > 0 and torch.count_nonzero(model.b) == 0


def test_diverging_loss_raises_clear_error():
    x, y = _regression(16)
    with pytest.raises(FloatingPointError, match="diverged"):
        fit_loop(_mlp(), (x, y), None, CPU, lambda m, b: _mse(m, b) * float("nan"))


def test_bad_inputs_raise_value_errors():
    x, y = _regression(16)
    with pytest.raises(ValueError, match="rows"):
        fit_loop(_mlp(), (x, y[:5]), None, CPU, _mse)
    with pytest.raises(ValueError, match="no rows"):
        fit_loop(_mlp(), (x, y), (x[:0], y[:0]), CPU, _mse)
    frozen = _mlp().requires_grad_(False)
    with pytest.raises(ValueError, match="trainable"):
        fit_loop(frozen, (x, y), None, CPU, _mse)


# --------------------------------------------------------------------------- predict_batches


def test_predict_batches_matches_full_forward_and_restores_mode():
    x, _ = _regression(1000)
    model = _mlp(dropout=0.5).train()
    out = predict_batches(model, [x], batch_size=64)
    assert model.training  # mode restored
    model.eval()
    with torch.no_grad():
        assert torch.allclose(out, model(x), atol=1e-6)
    assert out.device.type == "cpu" and not out.requires_grad


def test_predict_batches_custom_fn_single_tensor_and_empty():
    x, _ = _regression(10)
    model = _mlp()
    out = predict_batches(model, x, fn=lambda m, b: m(b[0]).squeeze(1) * 2, batch_size=3)
    assert out.shape == (10,)
    empty = predict_batches(model, x[:0])
    assert empty.shape == (0, 1)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_fit_and_predict_on_cuda():
    x, y = _regression(256)
    model = _mlp()
    cfg = TrainConfig(max_epochs=3, device="cuda")
    history = fit_loop(model, (x, y), (x, y), cfg, _mse)
    assert next(model.parameters()).device.type == "cuda"
    assert history.epochs[-1]["train_loss"] < history.epochs[0]["train_loss"]
    out = predict_batches(model, [x])
    assert out.device.type == "cpu" and out.shape == (256, 1)


def test_training_runs_with_one_thread_by_default_and_restores_the_count(monkeypatch) -> None:
    """Issue #11.19: the thread count is set explicitly for training, then restored."""
    monkeypatch.delenv("PERSPECTIVES_THREADS", raising=False)
    torch.set_num_threads(2)
    try:
        with training_threads("cpu") as n:
            assert n == 1 == torch.get_num_threads()
        assert torch.get_num_threads() == 2
        with training_threads("cpu", None) as n:  # torch's default, untouched
            assert n == 2 == torch.get_num_threads()
        monkeypatch.setenv("PERSPECTIVES_THREADS", "0")  # the variable asks for torch's
        with training_threads("cpu", 1) as n:
            assert n == 2 == torch.get_num_threads()
        monkeypatch.setenv("PERSPECTIVES_THREADS", "3")  # and overrides the config
        with training_threads("cpu", 1) as n:
            assert n == 3 == torch.get_num_threads()
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(_THREADS_AT_IMPORT)


def test_a_malformed_thread_variable_is_a_clear_error(monkeypatch) -> None:
    for bad in ("not a number", "-2"):
        monkeypatch.setenv("PERSPECTIVES_THREADS", bad)
        with pytest.raises(ValueError, match="PERSPECTIVES_THREADS must be a whole number"):
            thread_count()
    with pytest.raises(ValueError, match="threads must be at least 1"):
        TrainConfig(threads=0)


def test_fit_loop_trains_with_the_configured_threads(monkeypatch) -> None:
    monkeypatch.delenv("PERSPECTIVES_THREADS", raising=False)
    torch.set_num_threads(2)
    seen: set[int] = set()

    def loss(module: nn.Module, batch: tuple) -> torch.Tensor:
        seen.add(torch.get_num_threads())
        return ((module(batch[0]) - batch[1]) ** 2).mean()

    x = torch.randn(32, 3)
    try:
        for threads, expected in ((1, 1), (None, 2)):
            seen.clear()
            cfg = TrainConfig(max_epochs=2, device="cpu", threads=threads)
            fit_loop(nn.Linear(3, 1), (x, x[:, :1]), None, cfg, loss)
            assert seen == {expected} and torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(_THREADS_AT_IMPORT)
