"""A toy MC-STL dataset shared by the wing's tests and its report section's."""

from __future__ import annotations

import numpy as np
import pandas as pd

from engines.data.schema import AnnotationDataset
from engines.data.validation import build_dataset
from engines.mcstl.model import MCSTLConfig

FAST = MCSTLConfig(hidden=(16,)).with_train(max_epochs=25, lr=3e-3)
"""A small, quick MC-STL network for the toys."""


def strict_raters() -> tuple[AnnotationDataset, list[str], np.ndarray]:
    """60 items x 10 raters; 'strict' raters (tag harm, rationale about hurt) rate 1 higher.

    Returns the dataset, its item ids and random 8-dimensional item embeddings.
    """
    rng = np.random.default_rng(0)
    rows = []
    for i in range(60):
        severity = rng.normal()
        for a in range(10):
            strict = a % 2 == 0
            latent = severity + (0.9 if strict else -0.9) + rng.normal(0, 0.4)
            rows.append({
                "item_id": f"i{i}", "text": f"text {i}", "annotator_id": f"a{a}",
                "label": int(np.digitize(latent, [-0.7, 0.7])) + 1,
                "value_tags": "harm;respect" if strict else "free_speech",
                "rationale": (f"this could hurt people ({i % 3})" if strict
                              else f"people may say this ({i % 3})"),
                "gender": "woman" if a < 5 else "man",
                "split": "train" if i < 40 else ("dev" if i < 48 else "test"),
            })  # fmt: skip
    ds = build_dataset(pd.DataFrame(rows), name="toy")
    item_ids = sorted(ds.df["item_id"].unique())
    emb = rng.normal(size=(len(item_ids), 8)).astype(np.float32)
    return ds, item_ids, emb


def fake_embed(texts: list[str]) -> np.ndarray:
    """A fake encoder: the two kinds of rationale point in different directions."""
    return np.array([[1.0, 0.0] if "hurt" in t else [0.0, 1.0] for t in texts])
