"""Tests for engines.core.progress: the one ``progress(done, total, what)`` protocol."""

from __future__ import annotations

import torch
from torch import nn

from engines.core import Progress, TrainConfig, epoch_reporter, fit_loop, report


class Recorder:
    """A :class:`Progress` that remembers every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, int, str]] = []

    def __call__(self, done: int, total: int, what: str) -> None:
        self.calls.append((done, total, what))


def test_report_calls_progress_and_none_is_a_no_op() -> None:
    rec: Progress = Recorder()
    report(rec, 2, 5, "seed 0: profile")
    report(None, 3, 5, "nobody listens")  # must not raise
    assert rec.calls == [(2, 5, "seed 0: profile")]


def test_epoch_reporter_reports_epoch_of_max_epochs() -> None:
    rec = Recorder()
    hook = epoch_reporter(rec, "DEM-MoE")
    assert hook(1, {"train_loss": 1.0, "max_epochs": 10}) is None  # never stops training
    hook(2, {"train_loss": 0.9, "val_loss": 0.123456, "max_epochs": 10})
    hook(3, {"train_loss": 0.8, "val_loss": float("nan"), "max_epochs": 10})
    hook(4, {"train_loss": 0.7})  # without max_epochs the epoch is its own total
    assert rec.calls == [
        (1, 10, "DEM-MoE: epoch"),
        (2, 10, "DEM-MoE: epoch, val loss 0.1235"),
        (3, 10, "DEM-MoE: epoch"),
        (4, 4, "DEM-MoE: epoch"),
    ]


def test_epoch_reporter_without_progress_is_none() -> None:
    assert epoch_reporter(None, "DEM-MoE") is None


def test_fit_loop_reports_through_epoch_reporter() -> None:
    x = torch.linspace(-1, 1, 16).unsqueeze(1)
    data = (x, 2 * x)
    rec = Recorder()
    cfg = TrainConfig(max_epochs=3, batch_size=8, patience=0, device="cpu")

    def mse(module: nn.Module, batch: tuple[torch.Tensor, ...]) -> torch.Tensor:
        return nn.functional.mse_loss(module(batch[0]), batch[1])

    fit_loop(nn.Linear(1, 1), data, data, cfg, mse, on_epoch_end=epoch_reporter(rec, "toy"))
    assert [(d, t) for d, t, _ in rec.calls] == [(1, 3), (2, 3), (3, 3)]
    assert all(w.startswith("toy: epoch, val loss ") for _, _, w in rec.calls)
