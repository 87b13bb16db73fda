"""The Value profiles page's kept decoders (issue #27 part 0).

Saved on training, the newest shown after a reload (with its edit reader rebuilt, so live
edits work at once), any one shown again, two compared.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from engines.data.schema import AnnotationDataset
from engines.profiles import FittedProfiles
from engines.profiles.runs import WING, load_profiles_run, save_profiles_run
from ui.cache import prepared_profiles
from ui.layout import fit_table
from ui.runs import keep, restore_once, run_history, run_store, set_shown, shown_label
from ui.state import get_text_encoder, run_key, store_result

__all__ = ["FITTED", "keep_run", "profiles_run_history", "restore_latest", "shown_record"]

FITTED = "profiles_fitted"


def keep_run(ds: AnnotationDataset, fitted: FittedProfiles) -> None:
    """Keep a trained decoder on disk and mark it as the one on screen (a failure only warns)."""
    key = run_key(ds)
    keep(WING, key, lambda store: save_profiles_run(store, key, fitted, ds.name))


def _show(ds: AnnotationDataset, rid: str) -> None:
    prep = prepared_profiles(ds.fingerprint(), ds, get_text_encoder())
    store_result(FITTED, run_key(ds), load_profiles_run(run_store(), rid, ds, prep))
    set_shown(WING, run_key(ds), rid)


def restore_latest(ds: AnnotationDataset) -> None:
    """Show the newest kept decoder of ``ds`` when this session has none yet."""
    restore_once(WING, run_key(ds), lambda rid: _show(ds, rid))


def shown_record(ds: AnnotationDataset) -> str | None:
    """The label of the kept run on screen (None: not kept)."""
    return shown_label(WING, run_key(ds))


def _compare(a: str, b: str) -> None:
    store = run_store()
    rows = []
    for name, rid in (("A", a), ("B", b)):
        record = store.record(rid)
        info = record.info if record is not None else {}
        rows.append({"run": name, "decoder": info.get("config", {}).get("decoder_kind"),
                     "validation CE (nats)": (record.headline if record else {}).get(
                         "validation CE"),
                     "best epoch": info.get("best_epoch"),
                     "trained in (s)": round(float(info.get("seconds", 0.0)), 1)})  # fmt: skip
    fit_table(pd.DataFrame(rows), key="vp_runs_compare")
    st.caption(
        "Each decoder's cross-entropy on its own validation ratings (lower is better). The two "
        "runs' validation ratings differ with their seeds, so no paired interval is given: for "
        "decoders scored on raters they never saw, with intervals, use *Which representation "
        "informs* (Algorithm 1 over seeds)."
    )


def profiles_run_history(ds: AnnotationDataset) -> None:
    """The kept decoders of ``ds``: history, show one, compare two."""
    run_history(
        WING, run_key(ds), show=lambda rid: _show(ds, rid), compare=_compare, key="vp_runs",
        metrics={"validation CE": "validation CE (nats)"},
    )  # fmt: skip
