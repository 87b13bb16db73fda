"""Batched inference: run a module over tensors in eval mode without gradients."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import torch
from torch import Tensor, nn

from engines.core.device import module_device, resolve_device

__all__ = ["predict_batches"]


def predict_batches(
    module: nn.Module,
    tensors: Sequence[Tensor] | Tensor,
    fn: Callable[[nn.Module, tuple[Tensor, ...]], Tensor] | None = None,
    batch_size: int = 4096,
    device: str | torch.device | None = None,
) -> Tensor:
    """Run ``module`` over ``tensors`` in batches (eval mode, no grad) and concatenate on CPU.

    Args:
        module: The model. Its train/eval mode is restored afterwards.
        tensors: Input tensors sharing the first dimension (a single tensor is allowed).
        fn: ``fn(module, batch) -> Tensor [batch, ...]``; default ``module(*batch)``.
        batch_size: Rows per forward pass.
        device: Where to run; the module is moved there. None keeps the module's device.

    Returns:
        The outputs of every batch concatenated along dim 0, on the CPU.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    inputs = (tensors,) if isinstance(tensors, Tensor) else tuple(tensors)
    if not inputs:
        raise ValueError("predict_batches needs at least one input tensor.")
    n = inputs[0].shape[0]
    if any(t.shape[0] != n for t in inputs):
        raise ValueError(f"Input tensors disagree on rows: {[t.shape[0] for t in inputs]}.")
    if device is not None:
        target = resolve_device(device)
        module.to(target)
    else:
        target = module_device(module)
    call = fn if fn is not None else (lambda m, batch: m(*batch))

    was_training = module.training
    module.eval()
    outputs: list[Tensor] = []
    try:
        with torch.no_grad():
            # range(0, max(n, 1)) runs one empty batch for n == 0 so the output keeps its shape.
            for start in range(0, max(n, 1), batch_size):
                batch = tuple(
                    t[start : start + batch_size].to(target, non_blocking=True) for t in inputs
                )
                outputs.append(call(module, batch).detach().cpu())
    finally:
        module.train(was_training)
    return torch.cat(outputs, dim=0)
