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
    "thread_count",
    "training_threads",
]

THREADS_ENV = "PERSPECTIVES_THREADS"
"""Torch threads for training on the CPU, overriding ``TrainConfig.threads`` (0: torch's)."""


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


def thread_count(default: int | None = 1) -> int | None:
    """Torch CPU threads for training: ``$PERSPECTIVES_THREADS`` when set, else ``default``.

    ``0`` (or ``default=None``) means torch's own default, left untouched.

    Raises:
        ValueError: The variable is set but is not a non-negative whole number.
    """
    raw = os.environ.get(THREADS_ENV, "").strip()
    if not raw:
        return default
    try:
        wanted = int(raw)
    except ValueError:
        wanted = -1
    if wanted < 0:
        raise ValueError(
            f"${THREADS_ENV} must be a whole number >= 0 (0: torch's default), got {raw!r}"
        )
    return wanted or None


@contextmanager
def training_threads(
    device: str | torch.device | None = "auto", threads: int | None = 1
) -> Iterator[int]:
    """Run a training loop with a set number of torch CPU threads, then restore them.

    The networks trained here are small: one thread is as fast as several alone and keeps
    its speed beside other CPU-bound work, where OpenMP threads otherwise wait for each other
    at every barrier (a DEM-MoE fit on 2 cores took 6.3 s alone and 14.9 s beside one busy
    process with torch's default of 2 threads, and 4.7 s / 5.5 s with one;
    ``benchmarks/run.py robustness``). The count changes floating-point summation order, so
    results depend on it to the last bit. Does nothing for CUDA training.

    Args:
        device: The training device.
        threads: Threads to use (None: torch's default); ``$PERSPECTIVES_THREADS`` overrides.

    Yields:
        The thread count in force.
    """
    before = torch.get_num_threads()
    wanted = thread_count(threads)
    if resolve_device(device).type != "cpu" or wanted is None or wanted == before:
        yield before
        return
    torch.set_num_threads(wanted)
    try:
        yield wanted
    finally:
        torch.set_num_threads(before)
