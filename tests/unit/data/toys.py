"""Toy tables and row-accounting helpers for the data wing's tests (builders, not fixtures)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from engines.data.issues import removals
from engines.data.schema import AnnotationDataset, DataValidationError, LabelScale
from engines.data.validation import LoadOptions

SAMPLE_DIR = Path(__file__).resolve().parents[3] / "sample_data"
SAMPLE_CSV = SAMPLE_DIR / "annotations.csv"

ORDINAL_1_5 = LabelScale("ordinal", (1.0, 2.0, 3.0, 4.0, 5.0))
KEEP_ALL = LoadOptions(drop_invalid_rows=False)

_DROPPED = re.compile(r"^Dropped (\d+) row\(s\)")
_MERGED = re.compile(r"(\d+) row\(s\) were merged")


def frame(rows: list[tuple], columns=("item_id", "user_id", "text", "rating")) -> pd.DataFrame:
    """A raw table as a file would give it (``user_id`` and ``rating`` are mapped by alias)."""
    return pd.DataFrame(rows, columns=list(columns))


def good_table() -> pd.DataFrame:
    """3 items x 3 annotators, ordinal 1-5 labels, one demographic."""
    rows = []
    for i, text in enumerate(["first text", "second text", "third text"]):
        for a in range(3):
            rows.append((f"i{i}", f"u{a}", text, 1 + (i + a) % 5, ["f", "m", "m"][a]))
    return frame(rows, ("item_id", "user_id", "text", "rating", "gender"))


def many_items(n_items: int = 40) -> pd.DataFrame:
    """``n_items`` items x 3 annotators with binary labels."""
    rows = [
        (f"i{i}", f"u{a}", f"text number {i}", (i + a) % 2)
        for i in range(n_items)
        for a in range(3)
    ]
    return frame(rows)


def removed_rows(ds: AnnotationDataset) -> int:
    """Rows the issues say were dropped or merged away (the counts shown to the user)."""
    total = 0
    for issue in ds.issues:
        for pat in (_DROPPED, _MERGED):
            m = pat.search(issue.message)
            if m:
                total += int(m.group(1))
    return total


def assert_rows_accounted(ds: AnnotationDataset) -> None:
    """Every input row is kept, or counted as dropped or merged: nothing is lost silently."""
    assert ds.n_rows_in == ds.n_annotations + removed_rows(ds), [i.message for i in ds.issues]
    # ... and every removal carries its reason, so the load summary counts it by reason.
    assert sum(removals(ds.issues).values()) == removed_rows(ds), ds.issues


def errors(exc: pytest.ExceptionInfo[DataValidationError]) -> list[str]:
    """The error messages a DataValidationError carries."""
    return [i.message for i in exc.value.issues if i.level == "error"]
