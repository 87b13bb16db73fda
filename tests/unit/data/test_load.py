"""Tests for engines.data.load.load_dataset, the one route from a file to a dataset."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from engines.data import load_dataset as exported
from engines.data.load import load_dataset
from engines.data.schema import AnnotationDataset, DataValidationError
from engines.data.validation import LoadOptions
from tests.unit.data.toys import SAMPLE_CSV


def test_same_dataset_as_read_then_build(sample_dataset: AnnotationDataset) -> None:
    ds = load_dataset(SAMPLE_CSV)
    assert exported is load_dataset
    assert ds.name == "annotations.csv"  # the file name by default
    pd.testing.assert_frame_equal(ds.df, sample_dataset.df)
    assert ds.scale == sample_dataset.scale
    assert ds.demographics == sample_dataset.demographics
    assert ds.fingerprint() == sample_dataset.fingerprint()


def test_name_options_and_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "tiny.csv"
    path.write_text("item_id,user_id,text,rating\n1,a,t t,1\n1,a,t t,2\n1,b,t t,2\n")
    assert load_dataset(path, name="mine").name == "mine"
    assert load_dataset(str(path)).n_annotations == 3  # duplicates kept by default
    with pytest.raises(DataValidationError, match="more than one label"):
        load_dataset(path, options=LoadOptions(duplicates="reject"))
    with pytest.raises(DataValidationError, match="over the 0 MB limit"):
        load_dataset(path, max_bytes=10)


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_dataset(tmp_path / "absent.csv")
