"""The Annotator reliability page's kept runs (issue #27 part 0).

Saved on training, the newest shown after a reload, any one shown again, two compared.
"""

from __future__ import annotations

import streamlit as st

from analysis.realm.runs import compute_run_comparison
from engines.data.schema import AnnotationDataset
from engines.realm import RealmResult, RealmRunConfig
from engines.realm.runs import WING, load_realm_run, save_realm_run
from ui.downloads import download_table
from ui.layout import fit_table
from ui.runs import keep, restore_once, run_history, run_store, set_shown, shown_label
from ui.state import run_key, store_result

__all__ = ["keep_run", "realm_run_history", "restore_latest", "shown_record"]

RESULT = "realm_result"

_COLUMNS = {
    "method": st.column_config.TextColumn("classifier", width="medium"),
    "acc_a": st.column_config.NumberColumn("accuracy A", format="%.3f"),
    "ci_a": st.column_config.TextColumn("95% CI A"),
    "acc_b": st.column_config.NumberColumn("accuracy B", format="%.3f"),
    "ci_b": st.column_config.TextColumn("95% CI B"),
    "diff": st.column_config.NumberColumn("B − A", format="%+.3f"),
    "ci_diff": st.column_config.TextColumn("95% CI of B − A"),
}


def keep_run(ds: AnnotationDataset, result: RealmResult, cfg: RealmRunConfig) -> None:
    """Keep an experiment on disk and mark it as the one on screen (a failure only warns)."""
    key = run_key(ds)
    keep(WING, key, lambda store: save_realm_run(store, key, result, cfg, ds.name))


def _show(ds: AnnotationDataset, rid: str) -> None:
    store_result(RESULT, run_key(ds), load_realm_run(run_store(), rid))
    set_shown(WING, run_key(ds), rid)


def restore_latest(ds: AnnotationDataset) -> None:
    """Show the newest kept experiment of ``ds`` when this session has none yet."""
    restore_once(WING, run_key(ds), lambda rid: _show(ds, rid))


def shown_record(ds: AnnotationDataset) -> str | None:
    """The label of the kept run on screen (None: not kept)."""
    return shown_label(WING, run_key(ds))


def _compare(a: str, b: str) -> None:
    store = run_store()
    acc_a, acc_b = (store.load(rid)[0]["accuracy"] for rid in (a, b))
    table = compute_run_comparison(acc_a, acc_b)
    interval = "{:.3f} – {:.3f}".format
    view = table[["method", "acc_a"]].assign(
        ci_a=[interval(lo, hi) for lo, hi in zip(table["ci_low_a"], table["ci_high_a"])],
        acc_b=table["acc_b"],
        ci_b=[interval(lo, hi) for lo, hi in zip(table["ci_low_b"], table["ci_high_b"])],
        diff=table["diff"],
        ci_diff=[f"{lo:+.3f} – {hi:+.3f}"
                 for lo, hi in zip(table["diff_ci_low"], table["diff_ci_high"])],
    )  # fmt: skip
    fit_table(view, key="realm_runs_compare", column_config=_COLUMNS)
    download_table(table, "two runs compared", key="realm_dl_runs_compare")
    st.caption(
        "Test accuracy of each classifier both runs trained, with Wilson 95% intervals; "
        "**B − A** with Newcombe's interval for two proportions (both runs are scored on the "
        "same test items, so it is conservative)."
    )


def realm_run_history(ds: AnnotationDataset) -> None:
    """The kept experiments of ``ds``: history, show one, compare two."""
    run_history(
        WING, run_key(ds), show=lambda rid: _show(ds, rid), compare=_compare, key="realm_runs",
        metrics={"REALM": "REALM test accuracy"},
    )  # fmt: skip
