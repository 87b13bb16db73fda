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


def test_ids_are_read_as_written(tmp_path: Path) -> None:
    """Issue #11.1: items 001 and 1 are two items; 19-digit ids keep every digit (with a blank)."""
    path = tmp_path / "ids.csv"
    path.write_text(
        "item_id,user_id,text,rating\n"
        "001,a,first post,1\n1,a,second post,2\n001,b,first post,2\n1,b,second post,3\n"
        "1234567890123456789,a,third post,1\n1234567890123456788,b,fourth post,2\n"
        ",c,no id here,3\n"
    )
    ds = load_dataset(path)
    assert sorted(ds.df["item_id"].unique()) == [
        "001", "1", "1234567890123456788", "1234567890123456789",
    ]  # fmt: skip
    assert ds.n_annotations == 6  # the blank id is dropped and counted, nothing merged
    assert any("no item id" in i.message for i in ds.issues)


def test_na_words_are_data_not_missing(tmp_path: Path) -> None:
    """Issue #11.4: an annotator named NA, a religion None and a text None are real values."""
    path = tmp_path / "na.csv"
    path.write_text(
        "item_id,user_id,text,rating,religion\n"
        "1,NA,None,1,None\n1,b,None,2,Christian\n2,NA,a post,3,None\n2,b,a post,1,Christian\n"
        "3,NaN,another post,2,\n"
    )
    ds = load_dataset(path)
    assert set(ds.df["annotator_id"]) == {"NA", "b", "NaN"}
    assert ds.n_annotations == 5
    assert (ds.df.loc[ds.df["item_id"] == "1", "text"] == "None").all()
    assert "religion" in ds.demographics
    religion = ds.df.set_index("annotator_id")["religion"]
    assert set(religion.loc[["NA"]]) == {"None"}
    assert set(religion.loc[["NaN"]]) == {"unknown"}  # the empty cell is the one missing value


def test_lewidi_json_files_and_meta_load_as_one_dataset(tmp_path: Path) -> None:
    """Issue #11.11: the API (and so the CLI) reads what the page reads, several files combined."""
    import json

    def write(name: str, split: str, first: int) -> Path:
        records = {
            str(i): {"text": f"post {i} here", "annotators": "Ann1,Ann2", "annotations": "1,0",
                     "split": split}
            for i in range(first, first + 3)
        }  # fmt: skip
        path = tmp_path / name
        path.write_text(json.dumps(records))
        return path

    dev, test = write("ds_dev.json", "dev", 0), write("ds_test.json", "test", 10)
    meta = tmp_path / "ds_annotators_meta.json"
    meta.write_text(json.dumps({"Ann1": {"gender": "F"}, "Ann2": {"gender": "M"}}))
    ds = load_dataset([dev, test], meta=meta, options=LoadOptions(splits="use"))
    assert ds.n_items == 6 and ds.n_annotations == 12
    assert ds.name == "ds_dev.json + ds_test.json"
    assert "ann_gender" in ds.demographics
    with pytest.raises(DataValidationError, match="different columns"):
        other = tmp_path / "other.csv"
        other.write_text("item_id,user_id,text,rating\n1,a,t t,1\n1,b,t t,2\n")
        load_dataset([dev, other])
