"""Session fixtures of the DEM-MoE wing: the toy data and the models fitted on it once.

Tests only read the fitted models (a test that changes one would take a ``copy.deepcopy``).
Torch runs on one thread (``tests/conftest.py``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from engines.data.schema import AnnotationDataset
from engines.moe import DemMoE, MoEConfig
from tests.unit.moe.toys import Toy, toy_dataset, toy_frame

ToySplit = tuple[pd.DataFrame, pd.DataFrame, list[str], np.ndarray]
"""``(train rows, held-out rows, item ids, item embeddings)``."""


@pytest.fixture(scope="session")
def toy() -> Toy:
    """120 items x 12 annotators (:func:`tests.unit.moe.toys.toy_frame`)."""
    return toy_frame()


@pytest.fixture(scope="session")
def toy_split(toy: Toy) -> ToySplit:
    """The first 90 items to train on, the last 30 held out."""
    df, ids, emb = toy
    return df[df.item_id.isin(ids[:90])], df[df.item_id.isin(ids[90:])], ids, emb


@pytest.fixture(scope="session")
def fitted_moe(toy_split: ToySplit) -> DemMoE:
    """DEM-MoE fitted on ``toy_split`` with age and gender (read it; deepcopy to change it)."""
    train, val, ids, emb = toy_split
    cfg = MoEConfig().with_train(max_epochs=40, patience=8, seed=1)
    return DemMoE(cfg).fit(train, ids, emb, ["age", "gender"], val)


@pytest.fixture(scope="session")
def toy_csv(tmp_path_factory: pytest.TempPathFactory) -> tuple[AnnotationDataset, Path]:
    """A 60-item toy dataset with texts and its CSV file."""
    return toy_dataset(tmp_path_factory.mktemp("toy60"), n_items=60)


@pytest.fixture(scope="session")
def small_toy_csv(tmp_path_factory: pytest.TempPathFactory) -> tuple[AnnotationDataset, Path]:
    """A 40-item toy dataset with texts and its CSV file."""
    return toy_dataset(tmp_path_factory.mktemp("toy40"), n_items=40)
