"""The Synthetic perspectives page's kept runs (issue #27 part 0).

Saved when the grid is trained, the newest shown after a reload, any one shown again, two
compared (each grid cell's test MAE, paired over the same test items).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from analysis.moe.runs import compute_run_comparison
from engines.data.schema import AnnotationDataset
from engines.synthetic import BlendingResult
from engines.synthetic.runs import WING, load_synthetic_run, save_synthetic_run
from ui.downloads import download_table
from ui.layout import fit_table
from ui.runs import keep, restore_once, run_history, run_store, set_shown, shown_label
from ui.state import run_key, store_result

__all__ = ["RESULT", "form_settings", "keep_run", "restore_latest", "shown_record",
           "synthetic_run_history"]  # fmt: skip

RESULT = "synthetic_result"
Rebuild = Callable[[dict[str, Any], int, BlendingResult, pd.DataFrame | None], Any]
"""How the page turns a kept run's settings, seed, result and replies into its stored run."""

_COLUMNS = {
    "model": st.column_config.TextColumn("grid cell", width="medium"),
    "mae_a": st.column_config.NumberColumn("MAE A", format="%.3f"),
    "ci_a": st.column_config.TextColumn("95% CI A"),
    "mae_b": st.column_config.NumberColumn("MAE B", format="%.3f"),
    "ci_b": st.column_config.TextColumn("95% CI B"),
    "diff": st.column_config.NumberColumn("B − A", format="%+.3f"),
    "ci_diff": st.column_config.TextColumn("95% CI of B − A"),
}


def form_settings(form: Any) -> dict[str, Any]:
    """The form's values as a run's settings.

    No seed (the run's own field) and no LLM connection (its key is never written): only the
    LLM's model name.
    """
    values = dataclasses.asdict(form)
    llm = values.pop("llm", None) or {}
    values.pop("seed", None)
    if values.get("generator") == "llm":
        values["llm_model"] = llm.get("model")
    return values


def keep_run(ds: AnnotationDataset, form: Any, result: BlendingResult,
             replies: pd.DataFrame | None) -> None:  # fmt: skip
    """Keep an experiment on disk and mark it as the one on screen (a failure only warns)."""
    key = run_key(ds)
    keep(WING, key, lambda store: save_synthetic_run(
        store, key, result, form_settings(form), form.seed, replies, ds.name))  # fmt: skip


def _show(ds: AnnotationDataset, rid: str, rebuild: Rebuild) -> None:
    result, replies, settings, seed = load_synthetic_run(run_store(), rid)
    store_result(RESULT, run_key(ds), rebuild(settings, seed, result, replies))
    set_shown(WING, run_key(ds), rid)


def restore_latest(ds: AnnotationDataset, rebuild: Rebuild) -> None:
    """Show the newest kept experiment of ``ds`` when this session has none yet."""
    restore_once(WING, run_key(ds), lambda rid: _show(ds, rid, rebuild))


def shown_record(ds: AnnotationDataset) -> str | None:
    """The label of the kept run on screen (None: not kept)."""
    return shown_label(WING, run_key(ds))


def _compare(a: str, b: str) -> None:
    store = run_store()
    pred_a, pred_b = (store.load(rid)[0]["predictions"] for rid in (a, b))
    table = compute_run_comparison(pred_a, pred_b)
    span = "{:.3f} – {:.3f}".format
    view = table[["model", "mae_a"]].assign(
        ci_a=[span(lo, hi) for lo, hi in zip(table["ci_low_a"], table["ci_high_a"])],
        mae_b=table["mae_b"],
        ci_b=[span(lo, hi) for lo, hi in zip(table["ci_low_b"], table["ci_high_b"])],
        diff=table["diff"],
        ci_diff=[f"{lo:+.3f} – {hi:+.3f}"
                 for lo, hi in zip(table["diff_ci_low"], table["diff_ci_high"])],
    )  # fmt: skip
    fit_table(view, key="syn_runs_compare", column_config=_COLUMNS)
    download_table(table, "two runs compared", key="syn_dl_runs_compare")
    st.caption(
        "Test MAE on the real annotations of each grid cell both runs trained, with 95% "
        "item-bootstrap intervals; **B − A** on the same test items (negative: run B is "
        "better), its interval from the same item resamples (paired)."
    )


def synthetic_run_history(ds: AnnotationDataset, rebuild: Rebuild) -> None:
    """The kept experiments of ``ds``: history, show one, compare two."""
    run_history(
        WING, run_key(ds), show=lambda rid: _show(ds, rid, rebuild), compare=_compare,
        key="syn_runs", metrics={"real only": "real only test MAE"},
    )  # fmt: skip
