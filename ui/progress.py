"""A Streamlit progress bar that implements the engines' one progress protocol."""

from __future__ import annotations

import time

import streamlit as st

__all__ = ["ProgressBar", "eta_text"]


def eta_text(elapsed: float, done: int, total: int) -> str:
    """``"about 40 s left"`` at the mean rate so far.

    Empty before a second has passed and when nothing or everything is done.
    """
    if done <= 0 or done >= total or elapsed < 1.0:
        return ""
    left = elapsed / done * (total - done)
    if left < 60:
        return f"about {max(1, round(left))} s left"
    minutes, seconds = divmod(round(left), 60)
    return f"about {minutes} min {seconds:02d} s left"


class ProgressBar:
    """``progress(done, total, what)`` (``engines.core.Progress``) backed by ``st.progress``.

    The bar's text names the step and, once a second has passed, the time left at the rate
    so far (from the start of the current run of steps: a new step name or a count that starts
    over begins a new run), e.g.
    ``Training · DEM-MoE: epoch 12/40, val loss 0.61 · about 30 s left``.
    """

    def __init__(self, label: str):
        self.label = label
        self.bar = st.progress(0.0, text=label)
        self.started = self.last = time.perf_counter()
        self.step: tuple[str, int, int] = ("", 0, 0)

    def __call__(self, done: int, total: int, what: str = "") -> None:
        """Advance to ``done / total`` and say what is being done."""
        frac = 0.0 if total <= 0 else min(max(done / total, 0.0), 1.0)
        step = f" · {what}" if what else ""
        # "what" may carry a suffix after the step name ("epoch, val loss 0.61").
        head, _, tail = what.partition(", ")
        text = f"{self.label} · {head} {done:,}/{total:,}" + (f", {tail}" if tail else "")
        text = text if what else f"{self.label}{step} ({done:,}/{total:,})"
        now, (last_head, last_done, last_total) = time.perf_counter(), self.step
        if head != last_head or total != last_total or done < last_done:
            self.started = self.last  # a new run of steps (the next seed): it began then
        self.step, self.last = (head, done, total), now
        eta = eta_text(now - self.started, done, total)
        self.bar.progress(frac, text=f"{text} · {eta}" if eta else text)

    def done(self) -> None:
        """Remove the bar."""
        self.bar.empty()
