"""Held-out quantities of a representation comparison: per-rating losses and a simulated jury.

Both are computed inside the comparison's rater splits (value-profiles seed, Algorithm 1), on
raters the decoder never saw:

* :func:`rating_losses`: the cross-entropy of every held-out rating under each representation's
  decoder, the per-instance ``H_V(Y|x)`` (no information) and ``H_V(Y|x, V(R))`` (the rater's
  own profile) of appendix D.1 once averaged per item;
* :func:`draw_jury`: section 7's simulated jury, with jurors drawn from the held-out raters and
  each item scored only by jurors whose profile was not written from a rating of that item (the
  seed samples profiles "not fit on that instance"); the observed agreement it is compared with
  comes from the held-out raters' labels only, which no decoder was trained on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import pandas as pd

from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE

__all__ = ["JuryDraw", "draw_jury", "rating_losses"]


class _RowPredictor(Protocol):
    def predict_rows(self, rows: pd.DataFrame) -> np.ndarray: ...


def rating_losses(
    seed: int, representation: str, rows: pd.DataFrame, probs: np.ndarray
) -> pd.DataFrame:
    """``seed, representation, item_id, annotator_id, loss``: ``-ln p(observed class)`` per row."""
    y = rows[LABEL_CODE].to_numpy()
    p_true = np.clip(probs[np.arange(len(y)), y], 1e-12, None)
    return pd.DataFrame(
        {
            "seed": seed,
            "representation": representation,
            ITEM_ID: rows[ITEM_ID].astype(str).to_numpy(),
            ANNOTATOR_ID: rows[ANNOTATOR_ID].astype(str).to_numpy(),
            "loss": -np.log(p_true),
        }
    )


@dataclass
class JuryDraw:
    """A simulated jury of held-out raters' profiles over every item."""

    item_ids: list[str]
    jurors: list[str]
    probs: np.ndarray
    """Decoder distributions ``[n_items, n_jurors, C]`` of each juror's profile."""
    excluded: np.ndarray
    """``[n_items, n_jurors]``: True where the juror's profile was written from a rating of
    the item (that juror does not score it)."""
    observed: pd.DataFrame
    """``item_id, label_code`` of every rating by a held-out rater (no decoder saw them)."""


def draw_jury(
    decoder: _RowPredictor,
    item_ids: Sequence[str],
    held_out: Sequence[str],
    fit_rows: pd.DataFrame,
    held_out_rows: pd.DataFrame,
    size: int,
    seed: int,
) -> JuryDraw:
    """Draw ``size`` jurors from the ``held_out`` raters and predict every item for each.

    Args:
        decoder: The profile decoder, trained without the held-out raters.
        item_ids: Every item, in the order of the returned arrays.
        held_out: The held-out (test) raters of the split.
        fit_rows: The ratings the profiles were written from (``annotator_id, item_id``).
        held_out_rows: Every rating of the held-out raters (fit and eval).
        size: Jurors to draw (all held-out raters when there are fewer).
        seed: Seeds the draw.
    """
    raters = sorted(map(str, held_out))
    rng = np.random.default_rng(seed + 20_011)
    jurors = sorted(rng.choice(raters, min(size, len(raters)), replace=False).tolist())
    items = [str(i) for i in item_ids]
    grid = pd.DataFrame(
        {ITEM_ID: np.repeat(items, len(jurors)), ANNOTATOR_ID: np.tile(jurors, len(items))}
    )
    probs = decoder.predict_rows(grid).reshape(len(items), len(jurors), -1)
    fitted = fit_rows[fit_rows[ANNOTATOR_ID].astype(str).isin(jurors)]
    item_pos = {i: k for k, i in enumerate(items)}
    juror_pos = {j: k for k, j in enumerate(jurors)}
    excluded = np.zeros((len(items), len(jurors)), dtype=bool)
    rows = fitted[ITEM_ID].astype(str).map(item_pos).to_numpy()
    cols = fitted[ANNOTATOR_ID].astype(str).map(juror_pos).to_numpy()
    known = ~pd.isna(rows)
    excluded[rows[known].astype(int), cols[known].astype(int)] = True
    observed = held_out_rows[[ITEM_ID, LABEL_CODE]].assign(
        **{ITEM_ID: held_out_rows[ITEM_ID].astype(str)}
    )
    return JuryDraw(items, jurors, probs, excluded, observed.reset_index(drop=True))
