"""Adapters that turn engine callbacks into Streamlit progress bars."""

from __future__ import annotations

import streamlit as st


class ProgressBar:
    """A ``(done, total)`` or ``(epoch, metrics)`` callback backed by ``st.progress``."""

    def __init__(self, label: str):
        self.label = label
        self.bar = st.progress(0.0, text=label)

    def __call__(self, done: int, total: int) -> None:
        """Advance to ``done / total``."""
        frac = 0.0 if total <= 0 else min(max(done / total, 0.0), 1.0)
        self.bar.progress(frac, text=f"{self.label} ({done:,}/{total:,})")

    def on_epoch_end(self, epoch: int, metrics: dict[str, float]) -> None:
        """Training-loop callback: shows epoch and losses."""
        total = int(metrics.get("max_epochs", epoch))
        val = metrics.get("val_loss")
        extra = f", val loss {val:.4f}" if val is not None else ""
        self.bar.progress(
            min(epoch / max(total, 1), 1.0), text=f"{self.label}: epoch {epoch}{extra}"
        )

    def done(self) -> None:
        """Remove the bar."""
        self.bar.empty()
