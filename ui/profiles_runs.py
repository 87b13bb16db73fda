"""The Value profiles page's kept decoders (issue #27 part 0).

Saved on training, the newest shown after a reload (with its edit reader rebuilt, so live
edits work at once), any one shown again, two compared.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from engines.core.run_store import RunStore
from engines.data.schema import AnnotationDataset
from engines.profiles import FittedProfiles
from engines.profiles.runs import WING, load_profiles_run, save_profiles_run
from ui.cache import prepared_profiles
from ui.layout import fit_table
from ui.state import get_text_encoder
from ui.wing_runs import WingRuns

__all__ = ["FITTED", "RUNS", "keep_run"]

FITTED = "profiles_fitted"


def _load(store: RunStore, rid: str, ds: AnnotationDataset) -> FittedProfiles:
    prep = prepared_profiles(ds.fingerprint(), ds, get_text_encoder())
    return load_profiles_run(store, rid, ds, prep)


def _compare(store: RunStore, a: str, b: str) -> None:
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


RUNS = WingRuns(WING, FITTED, "vp_runs", {"validation CE": "validation CE (nats)"}, _load,
                _compare)  # fmt: skip
"""The Value profiles page's kept decoders."""


def keep_run(ds: AnnotationDataset, fitted: FittedProfiles) -> None:
    """Keep a trained decoder on disk and mark it as the one on screen (a failure only warns)."""
    RUNS.keep(ds, lambda store, key: save_profiles_run(store, key, fitted, ds.name))
