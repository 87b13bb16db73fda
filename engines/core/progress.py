"""The one progress protocol: ``progress(done, total, what)``.

Every long engine call (training, a representation comparison, a search, an encode) takes an
optional :class:`Progress`. The page turns it into a progress bar (``ui.progress``), the CLI
into a line on stderr. The training loop's own ``on_epoch_end(epoch, metrics)`` hook is
adapted to it by :func:`epoch_reporter`, so callers never see a second callback shape.
"""

from __future__ import annotations

from typing import Protocol

__all__ = ["Progress", "epoch_reporter", "prefixed", "report"]


class Progress(Protocol):
    """Callback for long work: ``done`` of ``total`` steps, ``what`` names the current step.

    ``what`` reads as a phrase a researcher understands, e.g. ``"DEM-MoE: epoch"``,
    ``"Optuna search: trial"`` or ``"seed 2: profile"``.
    """

    def __call__(self, done: int, total: int, what: str) -> None:
        """Report progress."""


def report(progress: Progress | None, done: int, total: int, what: str) -> None:
    """Call ``progress`` when one was given (a no-op for ``None``)."""
    if progress is not None:
        progress(done, total, what)


def prefixed(progress: Progress | None, prefix: str) -> Progress | None:
    """``progress`` with ``prefix · `` before every ``what`` (None stays None).

    Nested work names every level, e.g. ``Seed 1 (2 of 3) · Model 4 of 8 · DEM-MoE: epoch``.
    """
    if progress is None:
        return None

    def inner(done: int, total: int, what: str) -> None:
        progress(done, total, f"{prefix} · {what}" if what else prefix)

    return inner


def epoch_reporter(progress: Progress | None, what: str):  # noqa: ANN201 - EpochCallback | None
    """An ``on_epoch_end(epoch, metrics)`` hook that reports ``what: epoch e/max`` to progress.

    Returns None when ``progress`` is None, so the loop skips the call.
    """
    if progress is None:
        return None

    def on_epoch_end(epoch: int, metrics: dict[str, float]) -> None:
        total = int(metrics.get("max_epochs", epoch))
        val = metrics.get("val_loss")
        suffix = f", val loss {val:.4f}" if val is not None and val == val else ""
        progress(epoch, total, f"{what}: epoch{suffix}")

    return on_epoch_end
