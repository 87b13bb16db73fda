"""Shared fixtures of the dataset wing: the published worked example and small toy tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from engines.data import AnnotationDataset, build_dataset
from tests.unit.dataset.toys import KRIPPENDORFF_2011, long_table, people_table


@pytest.fixture(scope="session")
def worked_example() -> pd.DataFrame:
    """Krippendorff's (2011) worked example as a long table (read-only: do not mutate)."""
    return long_table(KRIPPENDORFF_2011)


@pytest.fixture(scope="session")
def _people() -> pd.DataFrame:
    return people_table()


@pytest.fixture()
def people(_people: pd.DataFrame) -> pd.DataFrame:
    """A fresh copy of :func:`toys.people_table` per test (tests may mutate it)."""
    return _people.copy()


@pytest.fixture(scope="session")
def toy_dataset() -> AnnotationDataset:
    """30 items x 12 annotators on a 1-5 scale with gender and age; annotator u11 is synthetic.

    Men rate odd items one point higher; the synthetic annotator is the only 'x' gender.
    """
    rng = np.random.default_rng(0)
    truth = rng.integers(1, 5, size=30)
    rows = []
    for a in range(12):
        gender = "f" if a < 6 else ("m" if a < 11 else "x")
        for i in range(30):
            shift = 1 if gender == "m" and i % 2 else 0
            label = int(np.clip(truth[i] + shift + rng.integers(-1, 2), 1, 5))
            age = "young" if a % 2 else "old"
            rows.append((f"i{i:02d}", f"u{a}", f"text {i}", label, gender, age, int(a == 11)))
    raw = pd.DataFrame(
        rows,
        columns=["item_id", "annotator_id", "text", "label", "gender", "age", "is_synthetic"],
    )
    return build_dataset(raw, name="toy")
