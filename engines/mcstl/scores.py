"""Per-annotation scores of a comparison's test predictions.

Torch-free: the analyses and the kept runs read them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["annotation_nll"]


def annotation_nll(predictions: pd.DataFrame) -> pd.DataFrame:
    """``variant, item_id, nll``: each test annotation's log loss under each variant."""
    probs = predictions.filter(regex=r"^p_\d+$").to_numpy(dtype=float)
    codes = predictions["label_code"].to_numpy(dtype=int)
    p = np.clip(probs[np.arange(len(codes)), codes], 1e-12, None)
    return pd.DataFrame({"variant": predictions["variant"].to_numpy(),
                         "item_id": predictions["item_id"].astype(str).to_numpy(),
                         "nll": -np.log(p)})  # fmt: skip
