"""Per-item uncertainty decomposition with value profiles (appendix D.1 of the seed).

On held-out raters (the comparison's rater splits, every seed pooled), per item ``x``:

* total uncertainty ``H_V(Y|x)``: the mean cross-entropy of the item's held-out ratings under
  the no-information decoder;
* aleatoric ``H_V(Y|x, V(R))``: the mean cross-entropy of the same ratings when the decoder reads
  each rater's own profile;
* value-epistemic ``I_V(V(R) -> Y|x) = H_V(Y|x) - H_V(Y|x, V(R))``: what knowing the raters'
  values removes.

Both are estimates on a handful of ratings per item, so value-epistemic can come out negative:
on that item the profiles misled the decoder (or the few held-out ratings happened to sit where
the no-information prediction put them). Averaged over items it is the usable information of
Algorithm 1.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.profiles._checks import require

__all__ = ["UNCERTAINTY_COLUMNS", "compute_item_uncertainty"]

UNCERTAINTY_COLUMNS = [
    "item_id",
    "total",
    "value_epistemic",
    "aleatoric",
    "fraction_value_epistemic",
    "n_ratings",
]


def compute_item_uncertainty(
    rating_losses: pd.DataFrame,
    representation: str = "profile",
    baseline: str = "none",
    min_ratings: int = 1,
) -> pd.DataFrame:
    """Total, aleatoric and value-epistemic uncertainty per item (appendix D.1, held out).

    Args:
        rating_losses: ``seed, representation, item_id, annotator_id, loss`` per held-out
            rating (:attr:`engines.profiles.evaluation.Evaluation.rating_losses`).
        representation: The representation whose information is measured.
        baseline: The no-information representation.
        min_ratings: Items with fewer held-out ratings (over all seeds) are left out.

    Returns:
        ``item_id, total, value_epistemic, aleatoric, fraction_value_epistemic, n_ratings``
        (nats; the fraction is ``value_epistemic / total``, NaN when ``total == 0``), sorted by
        item id. Only ratings scored under both representations count.

    Raises:
        KeyError: On missing columns.
        ValueError: When either representation is absent.
    """
    require(rating_losses, "seed", "representation", "item_id", "annotator_id", "loss")
    keys = ["seed", "item_id", "annotator_id"]
    sides = {}
    for name in (baseline, representation):
        part = rating_losses[rating_losses["representation"] == name]
        if part.empty:
            raise ValueError(f"representation {name!r} has no held-out ratings")
        sides[name] = part.groupby(keys, sort=False)["loss"].mean()
    both = pd.concat(
        [sides[baseline], sides[representation]], axis=1, join="inner", keys=["total", "aleatoric"]
    ).reset_index()
    per_item = both.groupby("item_id").agg(
        total=("total", "mean"), aleatoric=("aleatoric", "mean"), n_ratings=("total", "size")
    )
    per_item = per_item[per_item["n_ratings"] >= min_ratings]
    total = per_item["total"].to_numpy()
    epistemic = total - per_item["aleatoric"].to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        fraction = np.where(total > 0, epistemic / np.where(total > 0, total, 1.0), np.nan)
    out = per_item.reset_index().assign(
        value_epistemic=epistemic, fraction_value_epistemic=fraction
    )
    return out[UNCERTAINTY_COLUMNS].reset_index(drop=True)
