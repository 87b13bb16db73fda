"""Two kept value-profile decoders side by side (issue #27 part 0).

Each decoder's mean log loss on the ratings of the raters it held out for early stopping
(:func:`engines.profiles.runs.validation_losses`), with 95% item-bootstrap intervals over the
items both runs' held-out raters rated, and the change. The two runs hold out different raters
when their seeds differ, so the change compares decoders on the same items, not the same
ratings.
"""

from __future__ import annotations

import pandas as pd

from analysis.runs import named_paired_runs, paired_columns

__all__ = ["PROFILES_RUN_COLUMNS", "compute_run_comparison"]

PROFILES_RUN_COLUMNS = paired_columns("decoder", "nll")


def compute_run_comparison(
    loss_a: pd.DataFrame, loss_b: pd.DataFrame, n_boot: int = 1000, seed: int = 0
) -> pd.DataFrame:
    """The two decoders' held-out log loss (``item_id, nll`` tables) and ``diff = B - A``.

    Args:
        loss_a: run A's held-out losses.
        loss_b: run B's.
        n_boot: bootstrap replicates.
        seed: seed of the item resamples.
    """
    a, b = (loss.assign(decoder="decoder") for loss in (loss_a, loss_b))
    return named_paired_runs(a, b, "decoder", "nll", "nll", n_boot, seed)
