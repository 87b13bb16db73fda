"""A Streamlit progress bar that implements the engines' one progress protocol."""

from __future__ import annotations

import streamlit as st

__all__ = ["ProgressBar"]


class ProgressBar:
    """``progress(done, total, what)`` (``engines.core.Progress``) backed by ``st.progress``.

    The bar's text names the step, e.g. ``Training · DEM-MoE: epoch 12/40, val loss 0.61``.
    """

    def __init__(self, label: str):
        self.label = label
        self.bar = st.progress(0.0, text=label)

    def __call__(self, done: int, total: int, what: str = "") -> None:
        """Advance to ``done / total`` and say what is being done."""
        frac = 0.0 if total <= 0 else min(max(done / total, 0.0), 1.0)
        step = f" · {what}" if what else ""
        # "what" may carry a suffix after the step name ("epoch, val loss 0.61").
        head, _, tail = what.partition(", ")
        text = f"{self.label} · {head} {done:,}/{total:,}" + (f", {tail}" if tail else "")
        self.bar.progress(frac, text=text if what else f"{self.label}{step} ({done:,}/{total:,})")

    def done(self) -> None:
        """Remove the bar."""
        self.bar.empty()
