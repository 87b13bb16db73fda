"""The short keys of the rating models, torch-free (the CLI's defaults import them at start)."""

from __future__ import annotations

__all__ = ["MODEL_KEYS"]

MODEL_KEYS = (
    "mean", "median", "annotator_median", "text", "pmf", "annotator", "deepcross", "moe",
)  # fmt: skip
"""Short keys of every model, in the order they are trained (the page's and the CLI's default)."""
