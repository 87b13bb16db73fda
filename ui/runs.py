"""Kept runs on every page (issue #27 part 0).

The store, which run is on screen, the history with "show" and "compare", and the Data page's
deletion and size cap.

A wing keeps a run when it trains (its ``ui`` module calls the wing's ``save_*_run``); its page
shows the newest kept run when the session has none (after a reload, in a new session or on a
restarted server) and lists every kept run of the dataset below its results.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from analysis.runs import compute_run_history, compute_settings_diff, run_label
from engines.core.run_store import RunRecord, RunStore
from ui.layout import fit_table

__all__ = [
    "keep",
    "kept_runs_manager",
    "restore_once",
    "run_history",
    "run_store",
    "set_shown",
    "shown_label",
    "shown_run",
]

_SHOWN = "runs_shown"
"""Session key: ``{(wing, dataset): run id}`` of the kept run each page shows."""
_TRIED = "runs_restore_tried"
"""Session key: the ``(wing, dataset)`` pairs whose newest run was looked for already."""


_ID_COLUMN = {"run": st.column_config.TextColumn("run", width="small")}
_ALL_COLUMNS = ["run", "wing", "dataset", "saved", "seed", "MB"]
"""The Data page's list of every run (headline metrics and settings differ between wings)."""


def run_store() -> RunStore:
    """The app's runs folder (``$PERSPECTIVES_CACHE_DIR/runs``), with its kept size cap."""
    return RunStore()


def shown_run(wing: str, dataset: str) -> str | None:
    """The id of the kept run on screen (None: a run of this session not kept, or none)."""
    return st.session_state.get(_SHOWN, {}).get((wing, dataset))


def set_shown(wing: str, dataset: str, rid: str | None) -> None:
    """Remember which kept run the page shows."""
    st.session_state.setdefault(_SHOWN, {})[(wing, dataset)] = rid


def keep(wing: str, dataset: str, save: Callable[[RunStore], RunRecord]) -> None:
    """Keep a run just trained (``save`` writes it) and mark it as the one on screen.

    A failure to write (a full disk, a read-only folder) only warns: the run stays in the
    session.
    """
    try:
        record = save(run_store())
    except OSError as exc:
        st.warning(f"The run could not be kept on disk ({exc}); it stays in this session.")
        set_shown(wing, dataset, None)
        return
    set_shown(wing, dataset, record.run_id)


def shown_label(wing: str, dataset: str) -> str | None:
    """``"07 Dec 17:40 · seed 4 · 3f2a9c"`` for the kept run on screen (None: not kept)."""
    rid = shown_run(wing, dataset)
    record = run_store().record(rid) if rid else None
    return run_label(record) if record is not None else None


def restore_once(wing: str, dataset: str, show: Callable[[str], None]) -> RunRecord | None:
    """Show the newest kept run once per session and dataset; its record (None: no run).

    A run that cannot be read (changed or damaged files) is reported and skipped.
    """
    tried = st.session_state.setdefault(_TRIED, set())
    if (wing, dataset) in tried:
        return None
    tried.add((wing, dataset))
    for record in run_store().runs(wing=wing, dataset=dataset):
        try:
            show(record.run_id)
        except (OSError, ValueError, KeyError) as exc:
            st.warning(f"A kept run ({run_label(record)}) could not be read: {exc}")
            continue
        return record
    return None


def run_history(
    wing: str,
    dataset: str,
    *,
    show: Callable[[str], None],
    compare: Callable[[str, str], None],
    key: str,
    metrics: Mapping[str, str] | None = None,
) -> None:
    """The kept runs of this wing and dataset: history, show one, compare two side by side.

    ``show(run_id)`` puts a kept run on screen; ``compare(a, b)`` draws the wing's metrics of
    two runs (this function adds the settings that differ); ``metrics``: the headline metrics
    the history shows (key -> column name).
    """
    store = run_store()
    records = store.runs(wing=wing, dataset=dataset)
    if not records:
        return
    labels = {r.run_id: run_label(r) for r in records}
    ids = list(labels)
    with st.expander(
        f"Kept runs of this dataset ({len(records)}): history, show one, compare two",
        icon=":material/history:",
    ):
        st.caption(
            f"Every training run is kept in {store.root} (a reload or a restarted server finds "
            "it); the same settings and seed replace a run. Delete runs or cap their size on "
            "the Data page."
        )
        history = compute_run_history(records, metrics)
        fit_table(history, key=f"{key}_history", column_config=_ID_COLUMN)
        shown = shown_run(wing, dataset)
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        pick = c1.selectbox(
            "Kept run", ids, index=ids.index(shown) if shown in ids else 0,
            format_func=labels.get, key=f"{key}_pick",
        )  # fmt: skip
        if c2.button("Show this run", key=f"{key}_show", disabled=pick == shown):
            show(pick)
            st.rerun()
        if len(ids) < 2:
            return
        st.markdown("**Compare two runs** (run B − run A)")
        c1, c2 = st.columns(2)
        a = c1.selectbox("Run A", ids, index=1, format_func=labels.get, key=f"{key}_a")
        b = c2.selectbox("Run B", ids, index=0, format_func=labels.get, key=f"{key}_b")
        if a == b:
            st.info("Choose two different runs to compare.")
            return
        compare(a, b)
        by_id = {r.run_id: r for r in records}
        diff = compute_settings_diff(
            {**by_id[a].settings, "seed": by_id[a].seed},
            {**by_id[b].settings, "seed": by_id[b].seed},
        )
        st.markdown("Settings that differ" if len(diff) else "The two runs' settings are equal.")
        if len(diff):
            fit_table(diff, key=f"{key}_diff")


def kept_runs_manager(key: str = "runs") -> None:
    """The Data page's view of every kept run: sizes, deletion and the size cap."""
    store = run_store()
    records = store.runs()
    total = sum(r.size_bytes for r in records)
    st.caption(
        f"{len(records)} run(s), {total / 1e6:,.1f} MB of a {store.max_bytes / 1e6:,.0f} MB cap, "
        f"in {store.root}. Past the cap, saving a run deletes the oldest others."
    )
    if records:
        table = compute_run_history(records)
        table.insert(1, "wing", [r.wing for r in records])
        table.insert(2, "dataset", [r.dataset_name or r.dataset[:12] for r in records])
        wide = {"run": st.column_config.TextColumn("run", width="medium")}
        fit_table(table[_ALL_COLUMNS], key=f"{key}_all", column_config=wide)
        labels = {r.run_id: f"{r.wing} · {r.dataset_name} · {run_label(r)}" for r in records}
        doomed = st.multiselect(
            "Runs to delete", list(labels), format_func=labels.get, key=f"{key}_doomed"
        )
        if st.button("Delete the selected runs", key=f"{key}_delete", disabled=not doomed):
            for rid in doomed:
                store.delete(rid)
            st.success(f"Deleted {len(doomed)} run(s).")
            st.rerun()
    c1, c2 = st.columns([2, 1], vertical_alignment="bottom")
    cap = c1.number_input(
        "Size cap (MB)", 10, 1_000_000, int(store.max_bytes / 1e6), step=100, key=f"{key}_cap"
    )
    if c2.button("Apply the cap", key=f"{key}_apply"):
        store.set_cap(int(cap * 1e6))
        st.success(f"Runs are now capped at {cap:,} MB.")
        st.rerun()
