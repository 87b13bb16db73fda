"""The Demographic experts page's view of a shared Optuna study (issue #27).

Workers on other machines add trials to a study with ``perspectives search moe``; this reads
the study from its storage (the local SQLite file by default, or a PostgreSQL URL) and shows
a search with the page's own search history and chosen-vs-best table, a seed sweep with the
over-seeds table, and the workers. Nothing is read until the reader asks, so the page stays
fast and never waits on a server it was not told to reach.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.moe import compute_search_table, plot_search_history
from analysis.moe.study import (
    compute_study_trials,
    compute_study_workers,
    compute_sweep_table,
)
from engines.moe.study_store import default_storage_url, study_attrs, study_names, study_trials
from ui.downloads import download_table, show_figure
from ui.layout import fit_table

__all__ = ["show_shared_study"]

HOW = (
    "Start the same command on each machine, with one storage and study name: "
    "`perspectives search moe --data FILE --study NAME --storage "
    "postgresql://user:pass@host/db --trials 20` (add `--over-seeds K` for a seed sweep). "
    "The storage holds trial parameters, MAEs, device, host, process id, seed and fit time; "
    "no annotations, texts or models."
)


def show_shared_study() -> None:
    """An expander: storage URL, study, then its history, best trial and workers."""
    with st.expander("Read a shared search (Optuna study)", icon=":material/hub:"):
        st.caption(HOW)
        url = st.text_input(
            "Study storage (SQLAlchemy URL)",
            value=default_storage_url(),
            key="moe_study_url",
            help="sqlite:///path/to/studies.db or postgresql://user:pass@host/db",
        )
        if not st.toggle("Read the storage", key="moe_study_read"):
            return
        try:
            names = study_names(url.strip())
        except (ValueError, ImportError) as exc:
            st.warning(str(exc))
            return
        if not names:
            st.info("This storage holds no study yet: start one with `perspectives search moe`.")
            return
        name = st.selectbox("Study", names, key="moe_study_name")
        try:
            trials, attrs = study_trials(url.strip(), name), study_attrs(url.strip(), name)
        except (ValueError, ImportError) as exc:
            st.warning(str(exc))
            return
        _show(trials, attrs, name)


def _show(trials: pd.DataFrame, attrs: dict, name: str) -> None:
    states = trials["state"].value_counts()
    st.markdown(
        f"**{name}** ({attrs.get('kind', 'unknown kind')}): {len(trials)} trials, "
        + ", ".join(f"{n} {s}" for s, n in states.items())
    )
    if trials.empty:
        return
    if attrs.get("kind") == "moe-seeds":
        table = compute_sweep_table(trials)
        fit_table(table, key="moe_study_sweep", decimals=4)
        done = trials.loc[trials["state"] == "complete", "seed"].nunique()
        st.caption(
            f"Test MAE per model over the seeds done ({done} of {len(attrs.get('seeds', []))}); "
            "the study's value is DEM-MoE's test MAE."
        )
    else:
        shown = compute_study_trials(trials)
        c1, c2 = st.columns([3, 2])
        with c1:
            show_figure(plot_search_history(shown), "shared search history", key="moe_fig_study")
        with c2:
            fit_table(compute_search_table(shown), key="moe_study_best", decimals=4)
        st.caption(
            "Trial 0 is the base configuration its first worker enqueued; best = the lowest "
            "dev MAE so far (all workers). Failed trials (a worker stopped or diverged) have "
            "no score."
        )
    fit_table(compute_study_workers(trials), key="moe_study_workers", decimals=1)
    download_table(trials, f"study {name} trials", key="moe_dl_study")
