"""Mini-batching for the training loop: checked tensor tuples, a fast loader, device moves."""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import Tensor
from torch.utils.data import (
    BatchSampler,
    DataLoader,
    RandomSampler,
    SequentialSampler,
    TensorDataset,
)

__all__ = ["TensorsLike", "as_tensors", "batch_loader", "to_device"]

TensorsLike = TensorDataset | Sequence[Tensor] | Tensor
"""A ``TensorDataset``, a sequence of tensors sharing the first dimension, or one tensor."""


def as_tensors(data: TensorsLike, what: str) -> tuple[Tensor, ...]:
    """Normalise a TensorDataset / sequence of tensors / single tensor into a checked tuple."""
    if isinstance(data, TensorDataset):
        tensors = tuple(data.tensors)
    elif isinstance(data, Tensor):
        tensors = (data,)
    else:
        tensors = tuple(data)
    if not tensors:
        raise ValueError(f"{what} holds no tensors.")
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise TypeError(f"{what}[{i}] is {type(t).__name__}, expected a torch.Tensor.")
        if t.dim() == 0:
            raise ValueError(f"{what}[{i}] is a scalar; every tensor needs a leading row axis.")
    n = tensors[0].shape[0]
    sizes = [t.shape[0] for t in tensors]
    if any(s != n for s in sizes):
        raise ValueError(f"{what} tensors disagree on the number of rows: {sizes}.")
    if n == 0:
        raise ValueError(f"{what} has no rows.")
    return tensors


def batch_loader(
    tensors: tuple[Tensor, ...], batch_size: int, generator: torch.Generator | None
) -> DataLoader:
    """A DataLoader that yields whole batches by fancy indexing (no per-row collation)."""
    dataset = TensorDataset(*tensors)
    sampler = (
        RandomSampler(dataset, generator=generator)
        if generator is not None
        else SequentialSampler(dataset)
    )
    # batch_size=None + a BatchSampler as sampler: TensorDataset[list_of_indices] returns the
    # batch in one indexing op per tensor, far cheaper than collating `batch_size` rows.
    return DataLoader(
        dataset,
        sampler=BatchSampler(sampler, batch_size=batch_size, drop_last=False),
        batch_size=None,
    )


def to_device(batch: Sequence[Tensor], device: torch.device) -> tuple[Tensor, ...]:
    """Move every tensor of a batch to ``device``."""
    return tuple(t.to(device, non_blocking=True) for t in batch)
