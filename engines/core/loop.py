"""The one training loop every engine uses (DEM-MoE, profile decoder, MC-STL, REALM).

Engines own the maths (an ``nn.Module`` and a ``loss_fn``); this module owns everything around
it: seeding, the device (chosen once from :class:`TrainConfig`), mini-batching, AdamW with
optional per-group learning rates, gradient-norm clipping, early stopping on a validation split
with restoration of the best weights, :class:`History` recording, and the ``on_epoch_end``
callback that the UI turns into a progress bar (and a cancel button).

Example:
    >>> cfg = TrainConfig(max_epochs=20, patience=3)
    >>> def mse(module, batch):
    ...     x, y = batch
    ...     return torch.nn.functional.mse_loss(module(x), y)
    >>> history = fit_loop(model, (x_train, y_train), (x_val, y_val), cfg, mse)  # doctest: +SKIP
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

import torch
from torch import Tensor, nn

from engines.core.batches import TensorsLike, as_tensors, batch_loader, to_device
from engines.core.config import TrainConfig
from engines.core.device import resolve_device, seed_everything, training_threads
from engines.core.lazy_adamw import Optimisers, clip_grad_norm, make_adamw

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EpochCallback", "History", "LossFn", "fit_loop"]

LossOutput = Tensor | dict[str, Tensor]
LossFn = Callable[[nn.Module, tuple[Tensor, ...]], LossOutput]
"""``loss_fn(module, batch) -> scalar`` or ``{"loss": scalar, "<term>": scalar, ...}``."""
EpochCallback = Callable[[int, dict[str, float]], bool | None]
"""``on_epoch_end(epoch, metrics) -> stop?``; :func:`engines.core.progress.epoch_reporter`
turns a :class:`~engines.core.progress.Progress` into one."""


@dataclass
class History:
    """What happened during :func:`fit_loop`.

    Attributes:
        epochs: One dict per finished epoch with ``epoch`` (1-based), ``train_loss``,
            ``val_loss`` (NaN without a validation split) and every extra named loss term,
            averaged over rows and prefixed ``train_`` / ``val_``.
        best_epoch: The epoch whose weights the module holds after training (the last epoch
            when there is no validation split).
        best_val_loss: Validation loss of ``best_epoch`` (NaN without a validation split).
        stopped_early: True when early stopping ended training before ``max_epochs``.
        stopped_by_callback: True when ``on_epoch_end`` returned True (e.g. user cancel).
        seconds: Wall-clock training time.
    """

    epochs: list[dict[str, float]] = field(default_factory=list)
    best_epoch: int = 0
    best_val_loss: float = math.nan
    stopped_early: bool = False
    stopped_by_callback: bool = False
    seconds: float = 0.0

    def to_frame(self) -> pd.DataFrame:
        """Return the per-epoch metrics as a tidy DataFrame (one row per epoch)."""
        import pandas as pd

        return pd.DataFrame(self.epochs)


def _split_loss(out: LossOutput) -> tuple[Tensor, dict[str, Tensor]]:
    """Return (the loss to differentiate, named terms to log including ``loss``)."""
    if isinstance(out, Tensor):
        return out, {"loss": out}
    if isinstance(out, dict):
        if "loss" not in out:
            raise KeyError(f"loss_fn returned a dict without a 'loss' key (keys: {sorted(out)}).")
        return out["loss"], out
    raise TypeError(f"loss_fn must return a Tensor or a dict of Tensors, got {type(out).__name__}.")


class _Meter:
    """Row-weighted running means of named scalars, kept on the device (one sync per epoch)."""

    def __init__(self) -> None:
        self.sums: dict[str, Tensor] = {}
        self.rows: dict[str, int] = {}

    def add(self, terms: dict[str, Tensor], n: int) -> None:
        for name, value in terms.items():
            v = value.detach() if isinstance(value, Tensor) else torch.tensor(float(value))
            if v.numel() != 1:
                raise ValueError(
                    f"loss term {name!r} must be a scalar, got shape {tuple(v.shape)}."
                )
            v = v.reshape(()).double() * n
            self.sums[name] = self.sums[name] + v if name in self.sums else v
            self.rows[name] = self.rows.get(name, 0) + n

    def means(self, prefix: str) -> dict[str, float]:
        if not self.sums:
            return {}
        names = list(self.sums)
        device = self.sums[names[0]].device
        # One device->host transfer for all terms of the epoch.
        totals = torch.stack([self.sums[k].to(device) for k in names]).tolist()
        return {f"{prefix}{k}": s / self.rows[k] for k, s in zip(names, totals)}


def _snapshot(module: nn.Module) -> dict[str, Tensor]:
    """Deep copy of the state dict (stays on the module's device)."""
    return {k: v.detach().clone() for k, v in module.state_dict().items()}


def fit_loop(
    module: nn.Module,
    train: TensorsLike,
    val: TensorsLike | None,
    cfg: TrainConfig,
    loss_fn: LossFn,
    *,
    param_groups: Callable[[nn.Module], list[dict]] | None = None,
    on_epoch_end: EpochCallback | None = None,
    before_epoch: Callable[[int, nn.Module], None] | None = None,
) -> History:
    """Train ``module`` in place with AdamW, early stopping and best-weight restoration.

    Order of events: seed everything with ``cfg.seed``; move ``module`` to the configured
    device (once); then for each epoch ``e = 1..max_epochs``: ``before_epoch(e, module)``,
    a shuffled pass over ``train`` in train mode (clip the global grad-norm, step), a pass over
    ``val`` in eval mode under ``torch.no_grad()``, record metrics, ``on_epoch_end(e, metrics)``,
    early-stopping check. At the end the best weights (lowest validation loss) are loaded back
    and the module is left in eval mode on the training device.

    Seeding happens here, after the module was built: engines that want reproducible
    initial weights call :func:`seed_everything` before constructing the module. On the CPU
    the loop runs with ``cfg.threads`` torch threads (:func:`~engines.core.device.training_threads`;
    ``$PERSPECTIVES_THREADS`` overrides).

    Args:
        module: The model; its parameters are optimised in place.
        train: Training tensors (a ``TensorDataset`` or a sequence of tensors sharing the
            first dimension). Each batch is passed to ``loss_fn`` as a tuple in this order,
            already on the device.
        val: Validation tensors in the same layout, or None to train all ``max_epochs`` and
            keep the last weights.
        cfg: Optimisation settings.
        loss_fn: ``loss_fn(module, batch)`` returning a scalar tensor (a mean over the batch)
            or a dict with key ``"loss"`` plus other named scalar terms that are logged as
            ``train_<name>`` / ``val_<name>``. Epoch values are row-weighted batch means.
        param_groups: Optional ``param_groups(module) -> [{"params": [...], "lr": ...}, ...]``
            for AdamW; groups may override ``lr``/``weight_decay`` (e.g. a faster gate or
            expertise vector). A group with ``"lazy": True`` (sparse embedding tables) is
            updated by :class:`~engines.core.lazy_adamw.LazyAdamW`: only the rows a batch
            looked up. Parameters left out of every group are not trained. Default: every
            parameter with ``requires_grad``.
        on_epoch_end: Called after each epoch with the 1-based epoch and the metrics dict
            (plus ``max_epochs`` for progress bars). Returning True stops training (user
            cancel); the best weights so far are still restored.
        before_epoch: Called with the 1-based epoch and the module before each epoch, e.g.
            to switch loss phases or anneal a temperature.

    Returns:
        The :class:`History`.

    Raises:
        ValueError: Empty or inconsistent tensors, no trainable parameters, or an
            unavailable device.
        FloatingPointError: The training or validation loss became NaN/inf (diverged).
    """
    with training_threads(cfg.device, cfg.threads):
        return _train(module, train, val, cfg, loss_fn, param_groups, on_epoch_end, before_epoch)


def _train(
    module: nn.Module,
    train: TensorsLike,
    val: TensorsLike | None,
    cfg: TrainConfig,
    loss_fn: LossFn,
    param_groups: Callable[[nn.Module], list[dict]] | None,
    on_epoch_end: EpochCallback | None,
    before_epoch: Callable[[int, nn.Module], None] | None,
) -> History:
    """:func:`fit_loop`'s body (run under :func:`~engines.core.device.training_threads`)."""
    started = time.perf_counter()
    seed_everything(cfg.seed)
    device = resolve_device(cfg.device)
    train_tensors = as_tensors(train, "train")
    val_tensors = as_tensors(val, "val") if val is not None else None

    module.to(device)
    groups = _param_groups(module, param_groups)
    clip_params = [p for g in groups for p in g["params"]]
    optimizer = make_adamw(groups, cfg.lr, cfg.weight_decay)

    shuffle_gen = torch.Generator().manual_seed(cfg.seed)
    train_loader = batch_loader(train_tensors, cfg.batch_size, shuffle_gen)
    val_loader = (
        batch_loader(val_tensors, cfg.batch_size, None) if val_tensors is not None else None
    )

    step = partial(_optimiser_step, optimizer, clip_params, cfg.grad_clip)
    history = History()
    best_state: dict[str, Tensor] | None = None
    best_loss = math.inf
    bad_epochs = 0

    for epoch in range(1, cfg.max_epochs + 1):
        if before_epoch is not None:
            before_epoch(epoch, module)
        row: dict[str, float] = {"epoch": epoch}
        row.update(_run_epoch(module, train_loader, loss_fn, device, step).means("train_"))
        if val_loader is not None:
            row.update(_run_epoch(module, val_loader, loss_fn, device, None).means("val_"))
        else:
            row["val_loss"] = math.nan
        _check_finite(
            row, epoch, ("train_loss",) if val_loader is None else ("train_loss", "val_loss")
        )
        history.epochs.append(row)

        stop_early = False
        if val_loader is None:
            history.best_epoch = epoch
        elif row["val_loss"] < best_loss - cfg.min_delta:
            best_loss = row["val_loss"]
            best_state = _snapshot(module)
            history.best_epoch = epoch
            history.best_val_loss = best_loss
            bad_epochs = 0
        else:
            bad_epochs += 1
            stop_early = cfg.patience > 0 and bad_epochs >= cfg.patience

        if on_epoch_end is not None and on_epoch_end(epoch, {**row, "max_epochs": cfg.max_epochs}):
            history.stopped_by_callback = True
            break
        if stop_early:
            history.stopped_early = epoch < cfg.max_epochs
            break

    if best_state is not None:
        module.load_state_dict(best_state)
    module.eval()
    history.seconds = time.perf_counter() - started
    return history


def _param_groups(
    module: nn.Module, param_groups: Callable[[nn.Module], list[dict]] | None
) -> list[dict]:
    """AdamW's parameter groups, each with a materialised ``params`` list."""
    if param_groups is None:
        groups = [{"params": [p for p in module.parameters() if p.requires_grad]}]
    else:  # materialise generators / single tensors so clipping and AdamW see the same params
        groups = [
            {**g, "params": [g["params"]] if isinstance(g["params"], Tensor) else list(g["params"])}
            for g in param_groups(module)
        ]
    if not any(g["params"] for g in groups):
        raise ValueError("The module has no trainable parameters to optimise.")
    return groups


def _optimiser_step(
    optimizer: torch.optim.Optimizer | Optimisers,
    clip_params: list[Tensor],
    grad_clip: float | None,
    loss: Tensor,
) -> None:
    """Back-propagate ``loss``, clip the global gradient norm, take one AdamW step."""
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    if grad_clip is not None:
        if isinstance(optimizer, Optimisers):  # sparse gradients among them
            clip_grad_norm(clip_params, grad_clip)
        else:
            nn.utils.clip_grad_norm_(clip_params, grad_clip)
    optimizer.step()


def _run_epoch(
    module: nn.Module,
    loader: Iterable[Sequence[Tensor]],
    loss_fn: LossFn,
    device: torch.device,
    step: Callable[[Tensor], None] | None,
) -> _Meter:
    """One pass over ``loader``: training (``step`` given) or evaluation under ``no_grad``."""
    meter = _Meter()
    module.train(step is not None)
    with torch.set_grad_enabled(step is not None):
        for batch in loader:
            batch = to_device(batch, device)
            loss, terms = _split_loss(loss_fn(module, batch))
            if step is not None:
                step(loss)
            meter.add(terms, batch[0].shape[0])
    return meter


def _check_finite(row: dict[str, float], epoch: int, keys: Sequence[str]) -> None:
    """Raise ``FloatingPointError`` when a recorded loss is NaN or infinite (divergence)."""
    for key in keys:
        if not math.isfinite(row[key]):
            raise FloatingPointError(
                f"Training diverged: {key} is {row[key]} at epoch {epoch}. "
                "Try a lower learning rate or a smaller grad_clip."
            )
