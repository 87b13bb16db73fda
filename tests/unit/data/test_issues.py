"""Tests for engines.data.issues: the collector behind every validation message."""

from __future__ import annotations

import pandas as pd
import pytest

from engines.data.issues import ROW, IssueCollector, data_error, line_list
from engines.data.schema import DataValidationError


def _table(n: int) -> pd.DataFrame:
    return pd.DataFrame({ROW: range(2, n + 2), "x": range(n)})


def test_line_list_names_the_first_lines() -> None:
    df = _table(9)
    assert line_list(df.x == 3, df[ROW]) == "line 5"
    assert line_list(df.x >= 0, df[ROW]) == "lines 2, 3, 4, 5, 6 and 4 more"
    assert line_list(df.x < 2, df[ROW], limit=1) == "lines 2 and 1 more"


@pytest.mark.parametrize("drop", [True, False])
def test_bad_rows_are_dropped_or_rejected(drop: bool) -> None:
    col = IssueCollector(drop=drop)
    df = _table(4)
    out = col.bad_rows(df, df.x % 2 == 1, "odd values")
    (issue,) = col.issues
    assert issue.rows_affected == 2
    if drop:
        assert out.x.tolist() == [0, 2]
        assert issue.message == "Dropped 2 row(s) with odd values (lines 3, 5)."
        col.raise_if_errors()  # warnings do not stop loading
    else:
        assert out is df
        assert issue.message == "2 row(s) have odd values (lines 3, 5)."
        with pytest.raises(DataValidationError, match="odd values"):
            col.raise_if_errors()
    assert col.bad_rows(df, df.x > 9, "nothing") is df and len(col.issues) == 1


def test_data_error_carries_one_error() -> None:
    exc = data_error("The file is empty.")
    assert isinstance(exc, DataValidationError) and str(exc) == "The file is empty."
    assert [(i.level, i.rows_affected) for i in exc.issues] == [("error", 0)]
