"""One page's kept runs: how they are kept, restored and compared (issue #27 part 0).

Each wing's ``ui/<wing>_runs.py`` declares a :class:`WingRuns` (its wing, its session key, how
a kept run is loaded, how two are compared); the page asks it for the newest kept run, the
label of the run on screen and the history. :func:`show_comparison` draws the comparison table
every wing shares (a metric in run A and run B with intervals, and the change).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from engines.core.run_store import RunRecord, RunStore
from engines.data.schema import AnnotationDataset
from ui.downloads import download_table
from ui.layout import fit_table
from ui.runs import keep, restore_once, run_history, run_store, set_shown, shown_label
from ui.state import run_key, store_result

__all__ = ["PAIRED", "WingRuns", "show_comparison"]


@dataclass(frozen=True)
class WingRuns:
    """One page's kept runs.

    Args:
        wing: the wing name runs are kept under.
        result: the session key the page keeps its result under.
        key: the widget-key prefix of the history.
        metrics: the headline metrics the history shows (key -> column name).
        load: a kept run as the page keeps it, ``(store, run id, dataset) -> value``.
        compare: draws the wing's metrics of two runs, ``(store, run A, run B)``.
    """

    wing: str
    result: str
    key: str
    metrics: Mapping[str, str]
    load: Callable[[RunStore, str, AnnotationDataset], Any]
    compare: Callable[[RunStore, str, str], None]

    def keep(self, ds: AnnotationDataset, save: Callable[[RunStore, str], RunRecord]) -> None:
        """Keep a run just trained (``save(store, dataset key)``); a failure only warns."""
        key = run_key(ds)
        keep(self.wing, key, lambda store: save(store, key))

    def show(self, ds: AnnotationDataset, rid: str) -> None:
        """Put a kept run on screen."""
        store_result(self.result, run_key(ds), self.load(run_store(), rid, ds))
        set_shown(self.wing, run_key(ds), rid)

    def restore_latest(self, ds: AnnotationDataset) -> None:
        """Show the newest kept run of ``ds`` when this session has none yet."""
        restore_once(self.wing, run_key(ds), lambda rid: self.show(ds, rid))

    def shown_record(self, ds: AnnotationDataset) -> str | None:
        """The label of the kept run on screen (None: not kept)."""
        return shown_label(self.wing, run_key(ds))

    def history(self, ds: AnnotationDataset) -> None:
        """The kept runs of ``ds``: history, show one, compare two."""
        run_history(
            self.wing, run_key(ds), show=lambda rid: self.show(ds, rid),
            compare=lambda a, b: self.compare(run_store(), a, b), key=self.key,
            metrics=self.metrics,
        )  # fmt: skip


def show_comparison(
    table: pd.DataFrame, group: str, value: str, labels: tuple[str, str], key: str, caption: str
) -> None:
    """Two runs' metric side by side: the value in A and B with intervals, and B − A.

    Args:
        table: ``group``, ``{value}_a``, ``ci_low_a``, ``ci_high_a``, ``{value}_b``,
            ``ci_low_b``, ``ci_high_b``, ``diff``, ``diff_ci_low``, ``diff_ci_high``.
        group: the column naming what is compared (a model, a classifier).
        value: the metric's column stem (``mae``, ``acc``, ``nll``).
        labels: how the group and the metric are called on the page.
        key: widget-key prefix.
        caption: what the numbers are and how their intervals were made.
    """
    span = "{:.3f} – {:.3f}".format
    view = pd.DataFrame({
        group: table[group], "a": table[f"{value}_a"],
        "ci_a": [span(lo, hi) for lo, hi in zip(table["ci_low_a"], table["ci_high_a"])],
        "b": table[f"{value}_b"],
        "ci_b": [span(lo, hi) for lo, hi in zip(table["ci_low_b"], table["ci_high_b"])],
        "diff": table["diff"],
        "ci_diff": [f"{lo:+.3f} – {hi:+.3f}"
                    for lo, hi in zip(table["diff_ci_low"], table["diff_ci_high"])],
    })  # fmt: skip
    name, metric = labels
    config = {
        group: st.column_config.TextColumn(name, width="medium"),
        "a": st.column_config.NumberColumn(f"{metric} A", format="%.3f"),
        "ci_a": st.column_config.TextColumn("95% CI A"),
        "b": st.column_config.NumberColumn(f"{metric} B", format="%.3f"),
        "ci_b": st.column_config.TextColumn("95% CI B"),
        "diff": st.column_config.NumberColumn("B − A", format="%+.3f"),
        "ci_diff": st.column_config.TextColumn("95% CI of B − A"),
    }
    fit_table(view, key=f"{key}_compare", column_config=config)
    download_table(table, "two runs compared", key=f"{key}_dl_compare")
    st.caption(caption)


PAIRED = (
    "95% item-bootstrap intervals; **B − A** on the same test items (negative: run B is "
    "better), its interval from the same item resamples (paired)."
)
"""How a paired item-bootstrap comparison's intervals were made (for captions)."""
