"""The Value calibration page's kept runs (issue #27 part 0).

Saved on training, the newest shown after a reload, any one shown again, two compared.
"""

from __future__ import annotations

import streamlit as st

from analysis.mcstl.runs import compute_run_comparison
from engines.data.schema import AnnotationDataset
from engines.mcstl.runs import WING, load_mcstl_run, save_mcstl_run
from engines.mcstl.variants import VARIANT_NAMES
from engines.mcstl.workflow import MCSTLResult, MCSTLRunConfig
from ui.downloads import download_table
from ui.layout import fit_table
from ui.runs import keep, restore_once, run_history, run_store, set_shown, shown_label
from ui.state import run_key, store_result

__all__ = ["RESULT", "keep_run", "mcstl_run_history", "restore_latest", "shown_record"]

RESULT = "mcstl_result"

_COLUMNS = {
    "variant": st.column_config.TextColumn("model", width="medium"),
    "nll_a": st.column_config.NumberColumn("log loss A", format="%.3f"),
    "ci_a": st.column_config.TextColumn("95% CI A"),
    "nll_b": st.column_config.NumberColumn("log loss B", format="%.3f"),
    "ci_b": st.column_config.TextColumn("95% CI B"),
    "diff": st.column_config.NumberColumn("B − A", format="%+.3f"),
    "ci_diff": st.column_config.TextColumn("95% CI of B − A"),
}


def keep_run(ds: AnnotationDataset, result: MCSTLResult, cfg: MCSTLRunConfig) -> None:
    """Keep a comparison on disk and mark it as the one on screen (a failure only warns)."""
    key = run_key(ds)
    keep(WING, key, lambda store: save_mcstl_run(store, key, result, cfg, ds.name))


def _show(ds: AnnotationDataset, rid: str) -> None:
    store_result(RESULT, run_key(ds), load_mcstl_run(run_store(), rid))
    set_shown(WING, run_key(ds), rid)


def restore_latest(ds: AnnotationDataset) -> None:
    """Show the newest kept comparison of ``ds`` when this session has none yet."""
    restore_once(WING, run_key(ds), lambda rid: _show(ds, rid))


def shown_record(ds: AnnotationDataset) -> str | None:
    """The label of the kept run on screen (None: not kept)."""
    return shown_label(WING, run_key(ds))


def _compare(a: str, b: str) -> None:
    store = run_store()
    pred_a, pred_b = (store.load(rid)[0]["predictions"] for rid in (a, b))
    table = compute_run_comparison(pred_a, pred_b)
    span = "{:.3f} – {:.3f}".format
    view = table[["variant", "nll_a"]].assign(
        variant=table["variant"].map(lambda v: VARIANT_NAMES.get(v, v)),
        ci_a=[span(lo, hi) for lo, hi in zip(table["ci_low_a"], table["ci_high_a"])],
        nll_b=table["nll_b"],
        ci_b=[span(lo, hi) for lo, hi in zip(table["ci_low_b"], table["ci_high_b"])],
        diff=table["diff"],
        ci_diff=[f"{lo:+.3f} – {hi:+.3f}"
                 for lo, hi in zip(table["diff_ci_low"], table["diff_ci_high"])],
    )  # fmt: skip
    fit_table(view, key="mcstl_runs_compare", column_config=_COLUMNS)
    download_table(table, "two runs compared", key="mcstl_dl_runs_compare")
    st.caption(
        "Mean test log loss (nats per annotation; lower is better) of each model both runs "
        "trained, with 95% item-bootstrap intervals; **B − A** on the same test items "
        "(negative: run B is better), its interval from the same item resamples (paired)."
    )


def mcstl_run_history(ds: AnnotationDataset) -> None:
    """The kept comparisons of ``ds``: history, show one, compare two."""
    run_history(
        WING, run_key(ds), show=lambda rid: _show(ds, rid), compare=_compare, key="mcstl_runs",
        metrics={"mcstl": "MC-STL test log loss"},
    )  # fmt: skip
