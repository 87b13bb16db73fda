"""The Demographic experts page's kept runs (issue #27 part 0).

Saved on training, the newest shown after a reload, any one shown again, two compared.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from analysis.moe.runs import compute_run_comparison
from engines.data.schema import AnnotationDataset
from engines.moe import MoEConfig, MoEResult, MoERunConfig
from engines.moe.runs import WING, load_moe_run, save_moe_run
from ui.downloads import download_table
from ui.layout import fit_table
from ui.runs import keep, restore_once, run_history, run_store, set_shown, shown_label
from ui.state import run_key, store_result

__all__ = ["keep_run", "moe_run_history", "restore_latest", "shown_record"]

RESULT = "moe_result"
SEEDS = "moe_seeds"


def keep_run(
    ds: AnnotationDataset,
    results: Sequence[MoEResult],
    seeds: Sequence[int],
    run_cfg: MoERunConfig,
    moe_cfg: MoEConfig,
) -> None:
    """Keep a comparison on disk and mark it as the one on screen (a failure only warns)."""
    key = run_key(ds)
    keep(WING, key, lambda store: save_moe_run(store, key, results, seeds, run_cfg, moe_cfg,
                                               dataset_name=ds.name))  # fmt: skip


def _show(ds: AnnotationDataset, rid: str) -> None:
    result, seeds, per_seed = load_moe_run(run_store(), rid)
    key = run_key(ds)
    store_result(RESULT, key, result)
    store_result(SEEDS, key, (seeds, per_seed))
    set_shown(WING, key, rid)


def restore_latest(ds: AnnotationDataset) -> None:
    """Show the newest kept comparison of ``ds`` when this session has none yet."""
    restore_once(WING, run_key(ds), lambda rid: _show(ds, rid))


def shown_record(ds: AnnotationDataset) -> str | None:
    """``"07 Dec 17:40 · seed 4 · 3f2a9c"`` for the kept run on screen (None: not kept)."""
    return shown_label(WING, run_key(ds))


def _compare(a: str, b: str) -> None:
    store = run_store()
    pred_a, pred_b = (store.load(rid)[0]["predictions"] for rid in (a, b))
    table = compute_run_comparison(pred_a, pred_b)
    view = table[["model", "mae_a"]].assign(
        ci_a=_ci(table, "ci_low_a", "ci_high_a"), mae_b=table["mae_b"],
        ci_b=_ci(table, "ci_low_b", "ci_high_b"), diff=table["diff"],
        ci_diff=_ci(table, "diff_ci_low", "diff_ci_high", signed=True),
    )  # fmt: skip
    fit_table(view, key="moe_runs_compare", column_config=_COMPARE_COLUMNS)
    download_table(table, "two runs compared", key="moe_dl_runs_compare")
    st.caption(
        "Test MAE of each model both runs trained, with 95% item-bootstrap intervals; "
        "**B − A** on the same test items (negative: run B is better), its "
        "interval from the same item resamples (paired)."
    )


_COMPARE_COLUMNS = {
    "model": st.column_config.TextColumn("model", width="medium"),
    "mae_a": st.column_config.NumberColumn("MAE A", format="%.3f"),
    "ci_a": st.column_config.TextColumn("95% CI A"),
    "mae_b": st.column_config.NumberColumn("MAE B", format="%.3f"),
    "ci_b": st.column_config.TextColumn("95% CI B"),
    "diff": st.column_config.NumberColumn("B − A", format="%+.3f"),
    "ci_diff": st.column_config.TextColumn("95% CI of B − A"),
}


def _ci(table: pd.DataFrame, lo: str, hi: str, signed: bool = False) -> list[str]:
    fmt = "{:+.3f} – {:+.3f}" if signed else "{:.3f} – {:.3f}"
    return [fmt.format(a, b) for a, b in zip(table[lo], table[hi], strict=True)]


def moe_run_history(ds: AnnotationDataset) -> None:
    """The kept comparisons of ``ds``: history, show one, compare two."""
    run_history(
        WING, run_key(ds), show=lambda rid: _show(ds, rid), compare=_compare, key="moe_runs",
        metrics={"DEM-MoE": "DEM-MoE test MAE"},
    )  # fmt: skip
