"""Shared fixtures of the data wing: a small good table and the bundled sample, loaded once."""

from __future__ import annotations

import pandas as pd
import pytest

from engines.data.importers import read_path
from engines.data.schema import AnnotationDataset
from engines.data.validation import build_dataset
from tests.unit.data.toys import SAMPLE_CSV, good_table


@pytest.fixture(scope="session")
def _good() -> pd.DataFrame:
    return good_table()


@pytest.fixture()
def good(_good: pd.DataFrame) -> pd.DataFrame:
    """A fresh copy of :func:`toys.good_table` per test (tests mutate it)."""
    return _good.copy()


@pytest.fixture(scope="session")
def sample_dataset() -> AnnotationDataset:
    """The bundled sample, read and validated once per session (read-only: do not mutate)."""
    return build_dataset(read_path(SAMPLE_CSV), name="sample")
