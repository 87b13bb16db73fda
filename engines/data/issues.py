"""Validation findings: the collector that records :class:`~engines.data.schema.Issue` objects.

Readers fail with :func:`data_error` (one specific sentence, never a parser traceback);
:mod:`engines.data.validation` and :mod:`engines.data.cleaning` record every finding in an
:class:`IssueCollector`, which also applies the drop-or-reject decision for bad rows and names
the (1-based, header = line 1) CSV lines involved.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from engines.data.schema import DataValidationError, Issue

__all__ = ["ROW", "IssueCollector", "data_error", "line_list", "removals"]

ROW = "__line__"
"""Working column holding each row's CSV line number while a table is validated."""


def data_error(message: str) -> DataValidationError:
    """A :class:`DataValidationError` carrying one error ``message`` (to ``raise``)."""
    return DataValidationError([Issue("error", message)])


def removals(issues: list[Issue]) -> dict[str, int]:
    """Rows removed while loading, by reason (in the order found; reasons seen twice add up)."""
    out: dict[str, int] = {}
    for issue in issues:
        if issue.dropped_for and issue.level != "error":
            out[issue.dropped_for] = out.get(issue.dropped_for, 0) + issue.rows_affected
    return out


def line_list(mask: pd.Series, rows: pd.Series, limit: int = 5) -> str:
    """Render the CSV line numbers of the first offending rows, e.g. ``lines 3, 9 and 2 more``."""
    hit = rows[mask.to_numpy()].tolist()
    shown = ", ".join(str(int(r)) for r in hit[:limit])
    more = f" and {len(hit) - limit} more" if len(hit) > limit else ""
    return f"line{'s' if len(hit) > 1 else ''} {shown}{more}"


class IssueCollector:
    """Accumulates issues and applies the drop-or-reject decision for bad rows.

    Args:
        drop: Drop bad rows (a counted warning) instead of rejecting the file (an error).
    """

    def __init__(self, drop: bool):
        self.drop = drop
        self.issues: list[Issue] = []

    def add(
        self,
        level: Literal["error", "warning", "info"],
        msg: str,
        n: int = 0,
        dropped_for: str = "",
    ) -> None:
        """Record one finding; ``n`` rows are concerned (removed, when ``dropped_for`` says why)."""
        self.issues.append(Issue(level, msg, n, dropped_for))

    @property
    def has_errors(self) -> bool:
        """Whether an error (a finding that stops loading) was recorded."""
        return any(i.level == "error" for i in self.issues)

    def bad_rows(self, df: pd.DataFrame, mask: pd.Series, what: str) -> pd.DataFrame:
        """Drop (warning) or reject (error) the rows in ``mask``; ``what`` describes them."""
        n = int(mask.sum())
        if n == 0:
            return df
        where = line_list(mask, df[ROW])
        if self.drop:
            self.add("warning", f"Dropped {n} row(s) with {what} ({where}).", n, what)
            return df.loc[~mask.to_numpy()]
        self.add("error", f"{n} row(s) have {what} ({where}).", n)
        return df

    def raise_if_errors(self) -> None:
        """Raise :class:`DataValidationError` with every issue when any of them is an error."""
        if self.has_errors:
            raise DataValidationError(self.issues)
