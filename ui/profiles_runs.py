"""The Value profiles page's kept decoders (issue #27 part 0).

Saved on training, the newest shown after a reload (with its edit reader rebuilt, so live
edits work at once), any one shown again, two compared.
"""

from __future__ import annotations

import streamlit as st

from analysis.profiles.runs import compute_run_comparison
from engines.core.run_store import RunStore
from engines.data.schema import AnnotationDataset
from engines.profiles import FittedProfiles
from engines.profiles.runs import WING, load_profiles_run, save_profiles_run
from ui.cache import prepared_profiles
from ui.state import get_text_encoder
from ui.wing_runs import WingRuns, show_comparison

__all__ = ["FITTED", "RUNS", "keep_run"]

FITTED = "profiles_fitted"


def _load(store: RunStore, rid: str, ds: AnnotationDataset) -> FittedProfiles:
    prep = prepared_profiles(ds.fingerprint(), ds, get_text_encoder())
    return load_profiles_run(store, rid, ds, prep)


def _compare(store: RunStore, a: str, b: str) -> None:
    losses = [store.load(rid)[0].get("validation") for rid in (a, b)]
    if any(loss is None or loss.empty for loss in losses):
        st.info("A run kept no held-out ratings (too few raters to hold any out): no comparison.")
        return
    show_comparison(
        compute_run_comparison(*losses), "decoder", "nll", ("decoder", "held-out log loss"),
        "vp_runs",
        "Each decoder's mean log loss (nats per rating; lower is better) on the ratings of the "
        "raters it held out for early stopping, read under their own profiles, with 95% "
        "item-bootstrap intervals over the items both runs' held-out raters rated; **B − A** "
        "from the same item resamples. Runs with other seeds hold out other raters: the change "
        "compares the decoders on the same items, not the same ratings.",
    )  # fmt: skip


RUNS = WingRuns(WING, FITTED, "vp_runs", {"validation CE": "validation CE (nats)"}, _load,
                _compare)  # fmt: skip
"""The Value profiles page's kept decoders."""


def keep_run(ds: AnnotationDataset, fitted: FittedProfiles) -> None:
    """Keep a trained decoder on disk and mark it as the one on screen (a failure only warns)."""
    RUNS.keep(ds, lambda store, key: save_profiles_run(store, key, fitted, ds.name))
