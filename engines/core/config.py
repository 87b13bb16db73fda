"""The one training configuration every engine nests (``engine_config.train``).

Engines keep their own model settings in their own frozen config and nest a
:class:`TrainConfig` for the optimisation loop, so the loop's fields are declared once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal, TypeVar

__all__ = ["DeviceName", "TrainConfig", "WithTrain"]

DeviceName = Literal["auto", "cpu", "cuda"]


@dataclass(frozen=True)
class TrainConfig:
    """Optimisation settings shared by every engine (JSON-serialisable via ``asdict``)."""

    max_epochs: int = 50
    """Upper bound on passes over the training data."""

    batch_size: int = 256
    """Rows per mini-batch (training and validation)."""

    lr: float = 1e-3
    """AdamW learning rate (parameter groups may override it)."""

    weight_decay: float = 0.0
    """AdamW decoupled weight decay."""

    patience: int = 5
    """Stop after this many epochs without validation improvement; 0 disables early stopping."""

    min_delta: float = 0.0
    """Smallest decrease of the validation loss that counts as an improvement."""

    grad_clip: float | None = 1.0
    """Maximum global L2 norm of the gradients (``None`` disables clipping)."""

    seed: int = 0
    """Seeds python, numpy and torch at the start of training and the batch shuffling."""

    device: DeviceName = "auto"
    """``"auto"`` uses CUDA when available, else the CPU."""

    threads: int | None = 1
    """Torch CPU threads while training. 1 suits the small networks trained here and keeps
    their speed beside other work on the same cores; None keeps torch's default (the
    cross-encoder fine-tunes a transformer). ``$PERSPECTIVES_THREADS`` overrides both."""

    def __post_init__(self) -> None:
        if self.max_epochs < 1:
            raise ValueError(f"max_epochs must be at least 1, got {self.max_epochs}")
        if self.batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {self.batch_size}")
        if not self.lr > 0:
            raise ValueError(f"lr must be positive, got {self.lr}")
        if self.weight_decay < 0:
            raise ValueError(f"weight_decay must be non-negative, got {self.weight_decay}")
        if self.patience < 0:
            raise ValueError(f"patience must be non-negative (0 disables), got {self.patience}")
        if self.min_delta < 0:
            raise ValueError(f"min_delta must be non-negative, got {self.min_delta}")
        if self.grad_clip is not None and not self.grad_clip > 0:
            raise ValueError(f"grad_clip must be positive or None, got {self.grad_clip}")
        if self.threads is not None and self.threads < 1:
            raise ValueError(f"threads must be at least 1 or None, got {self.threads}")
        if self.device not in ("auto", "cpu", "cuda"):
            raise ValueError(f"device must be 'auto', 'cpu' or 'cuda', got {self.device!r}")


_W = TypeVar("_W", bound="WithTrain")


class WithTrain:
    """Mixin of the engine configs that nest a :class:`TrainConfig` as ``train``."""

    train: TrainConfig

    def with_train(self: _W, **changes: Any) -> _W:
        """A copy with some training-loop settings changed (``cfg.with_train(seed=1)``)."""
        return replace(self, train=replace(self.train, **changes))  # type: ignore[type-var]
