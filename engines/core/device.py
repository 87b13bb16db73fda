"""Device choice and seeding, shared by training and prediction."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import torch
from torch import nn

__all__ = [
    "THREADS_ENV",
    "module_device",
    "resolve_device",
    "seed_everything",
    "training_threads",
]

THREADS_ENV = "PERSPECTIVES_THREADS"
"""Torch threads for training on the CPU (default: torch's; see :func:`training_threads`)."""


def resolve_device(name: str | torch.device | None = "auto") -> torch.device:
    """Turn a device name into a ``torch.device``.

    Args:
        name: ``"auto"`` (or None) picks CUDA when available, else the CPU; ``"cpu"``,
            ``"cuda"``, ``"cuda:1"`` or a ``torch.device`` are taken as given.

    Returns:
        The device.

    Raises:
        ValueError: CUDA was asked for but is not available, or the name is not a device.
    """
    if name is None or (isinstance(name, str) and name == "auto"):
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        device = torch.device(name)
    except (RuntimeError, TypeError) as exc:
        raise ValueError(f"Unknown device {name!r}; use 'auto', 'cpu' or 'cuda'.") from exc
    if device.type == "cuda" and not torch.cuda.is_available():
        raise ValueError(
            f"Device {str(device)!r} was requested but CUDA is not available "
            f"(torch {torch.__version__}); use device='auto' or 'cpu'."
        )
    return device


def seed_everything(seed: int) -> None:
    """Seed python's ``random``, numpy's global RNG and torch (CPU and every CUDA device).

    Args:
        seed: Any non-negative integer.
    """
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)  # also seeds every CUDA device
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)


def module_device(module: nn.Module) -> torch.device:
    """The device of the first parameter or buffer of ``module`` (CPU when it has none)."""
    for tensor in module.parameters():
        return tensor.device
    for tensor in module.buffers():
        return tensor.device
    return torch.device("cpu")


@contextmanager
def training_threads(device: str | torch.device | None = "auto") -> Iterator[int]:
    """Run a training loop with ``$PERSPECTIVES_THREADS`` torch CPU threads, then restore them.

    Unset (or not a positive number): torch's own default, so results are those of earlier
    runs to the last bit (the thread count changes floating-point summation order). Set it to
    1 on a machine shared with other CPU-bound work: the networks trained here are small, and
    with two threads beside one busy process OpenMP threads wait for each other at every
    barrier (a DEM-MoE fit went from 5 s to 17 s with two threads and stayed at 5 s with one;
    ``benchmarks/run.py robustness``). Does nothing for CUDA training.
    """
    before = torch.get_num_threads()
    try:
        wanted = int(os.environ.get(THREADS_ENV, "0"))
    except ValueError:
        wanted = 0
    if resolve_device(device).type != "cpu" or wanted < 1:
        yield before
        return
    torch.set_num_threads(wanted)
    try:
        yield wanted
    finally:
        torch.set_num_threads(before)
