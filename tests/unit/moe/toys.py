"""Toy data of the DEM-MoE tests: young and old raters disagree on one topic.

Builders only (no tests, no fixtures); the session fixtures in ``conftest.py`` call them.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from engines.data.load import load_dataset
from engines.data.schema import AnnotationDataset

Toy = tuple[pd.DataFrame, list[str], np.ndarray]
"""``(annotations, item ids, item embeddings)``."""


def toy_frame(n_items: int = 120, seed: int = 0) -> Toy:
    """Young raters rate items of topic 1 high, old raters low; topic 0 is neutral.

    12 annotators (6 young, 6 old; gender alternates) rate every item on 1..5; embedding
    dimension 0 carries the topic.
    """
    rng = np.random.default_rng(seed)
    emb = rng.normal(size=(n_items, 6)).astype(np.float32)
    topic = (np.arange(n_items) % 2).astype(int)
    emb[:, 0] = np.where(topic == 1, 2.0, -2.0)
    rows = []
    for i in range(n_items):
        for a in range(12):
            age = "young" if a < 6 else "old"
            shift = (1.5 if age == "young" else -1.5) * topic[i]
            rows.append(
                {
                    "item_id": f"i{i}",
                    "annotator_id": f"a{a}",
                    "label": float(np.clip(np.round(3 + shift + rng.normal(0, 0.3)), 1, 5)),
                    "age": age,
                    "gender": "w" if a % 2 else "m",
                }
            )
    return pd.DataFrame(rows), [f"i{i}" for i in range(n_items)], emb


def toy_dataset(folder: Path, n_items: int = 60) -> tuple[AnnotationDataset, Path]:
    """:func:`toy_frame` with item texts, written to ``folder/toy.csv`` and loaded back."""
    df, _, _ = toy_frame(n_items)
    df["text"] = [f"item {i} topic {int(i[1:]) % 2}" for i in df.item_id]
    path = folder / "toy.csv"
    df.to_csv(path, index=False)
    return load_dataset(path, name="toy"), path
