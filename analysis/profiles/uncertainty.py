"""Per-item uncertainty decomposition with value profiles (appendix D.1 of the seed).

Total uncertainty = entropy of the no-information decoder; aleatoric = mean entropy under the
profiles; value-epistemic = the difference, the part that knowing the rater's values removes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from analysis.profiles._checks import as_prob, check_len, entropy

__all__ = [
    "UNCERTAINTY_COLUMNS",
    "compute_item_uncertainty",
]

UNCERTAINTY_COLUMNS = [
    "item_id",
    "total",
    "value_epistemic",
    "aleatoric",
    "fraction_value_epistemic",
]


def compute_item_uncertainty(
    item_ids: Sequence[Any], p_none: np.ndarray, p_profiles: np.ndarray
) -> pd.DataFrame:
    """Per-item decomposition of predictive uncertainty (appendix D.1, model-based).

    ``total = H(p_none[j])``, ``aleatoric = mean_k H(p_profiles[j, k])`` and
    ``value_epistemic = total - aleatoric`` (negative when profiles add uncertainty).

    Args:
        item_ids: Item identifiers, length ``n_items``.
        p_none: No-information decoder distributions, shape ``[n_items, C]``.
        p_profiles: Value-profile decoder distributions, shape ``[n_items, n_profiles, C]``.

    Returns:
        ``item_id, total, value_epistemic, aleatoric, fraction_value_epistemic`` (the last is
        ``value_epistemic / total``, NaN when ``total == 0``), in input order.
    """
    pn = as_prob(p_none, "p_none", 2)
    pp = as_prob(p_profiles, "p_profiles", 3)
    if pp.shape[0] != pn.shape[0] or pp.shape[2] != pn.shape[1] or pp.shape[1] < 1:
        raise ValueError(f"shape mismatch: p_none {pn.shape} vs p_profiles {pp.shape}")
    check_len("item_ids", item_ids, len(pn))
    total = entropy(pn)
    aleatoric = entropy(pp).mean(axis=1)
    epistemic = total - aleatoric
    with np.errstate(invalid="ignore", divide="ignore"):
        fraction = np.where(total > 0, epistemic / np.where(total > 0, total, 1.0), np.nan)
    return pd.DataFrame(
        {
            "item_id": list(item_ids),
            "total": total,
            "value_epistemic": epistemic,
            "aleatoric": aleatoric,
            "fraction_value_epistemic": fraction,
        }
    )
