"""The live editor's reading of a typed edit: shown beside the edit, correctable, attributed."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import streamlit as st

from analysis.profiles import (
    compare_readings,
    compute_edit_attribution,
    compute_target_shift,
    plot_target_shift,
)
from engines.data.schema import ITEM_ID
from engines.profiles.app_decoder import FittedProfiles
from engines.profiles.reading import NO_BEARING, Reading
from ui.downloads import show_figure
from ui.layout import fit_table

__all__ = [
    "Attribution",
    "attribute_edit",
    "correct_readings",
    "llm_readings",
    "show_sources",
    "show_target_shift",
]

_WAYS = {1: "↑ more", -1: "↓ less", 0: "–"}
_NONE_LABEL = "no bearing"
_WIDTHS = {"clause": 220, "about": 160, "size": 320}
"""Pixel widths of the readings grid's wide columns (with three 75 px ones it fits the page's
938 px column without scrolling sideways)."""


def _choices(fitted: FittedProfiles, readings: list[Reading]) -> dict[str, str]:
    """Target label -> key, for the "about" column (the readings' own targets included)."""
    reader = fitted.reader
    labels = {_NONE_LABEL: NO_BEARING}
    labels.update({t.label: t.key for t in reader.targets.choices()})
    labels.update({r.label: r.target for r in readings if r.target != NO_BEARING})
    return labels


def correct_readings(fitted: FittedProfiles, text: str) -> list[Reading]:
    """The readings of the typed edits in ``text``, as the researcher corrected them.

    One row per clause: what it is about, which way, how strongly, with the reader's
    confidence, the cues it used and what its size corresponds to; every column but the
    clause, the confidence and the cues can be changed, and "no bearing" drops a reading.
    """
    readings = fitted.readings(text)
    if not readings:
        return []
    reader = fitted.reader
    choices = _choices(fitted, readings)
    frame = _frame(readings)
    st.markdown("**Read as** (change any cell to correct the reading; predictions follow)")
    if st.session_state.get("vp_readings_of") != text:  # a new text: corrections start afresh
        st.session_state.pop("vp_readings", None)
        st.session_state["vp_readings_of"] = text
    edits = st.session_state.get("vp_readings", {}).get("edited_rows", {})
    for row, changes in edits.items():  # what a corrected reading's size means, not the old one
        frame.loc[int(row), list(changes)] = list(changes.values())
    shown = _corrected(readings, frame, choices)
    frame["size"] = [reader.describe(r) for r in shown]
    frame = _frame(readings).assign(size=frame["size"])
    edited = st.data_editor(
        frame,
        key="vp_readings",
        hide_index=True,
        width="stretch",
        disabled=["clause", "confidence", "size"],
        column_config={
            "clause": st.column_config.TextColumn("clause", width=_WIDTHS["clause"]),
            "way": st.column_config.SelectboxColumn(
                "way", options=[_WAYS[1], _WAYS[-1]], width="small",
                help="↑: toward the 'more' end of the label (e.g. more offensive); ↓: less.",
            ),
            "about": st.column_config.SelectboxColumn(
                "about", options=list(choices), required=True, width=_WIDTHS["about"],
                help="A topic, a theme of the dataset, everything, or no bearing (moves nothing).",
            ),
            "strength": st.column_config.SelectboxColumn(
                "strength", options=["slight", "plain", "strong"], required=True, width="small",
                help="slight, plain, strong: as far as the 40%, 25% or 10% most extreme raters "
                "differ from the median rater on these items.",
            ),
            "confidence": st.column_config.ProgressColumn(
                "confidence", min_value=0.0, max_value=1.0, format="%.2f", width="small",
                help="Lower when typos were mended, a clause borrowed its verb from the one "
                "before, or a past stance was turned into the present.",
            ),
            "size": st.column_config.TextColumn("what its size means", width=_WIDTHS["size"]),
        },
    )  # fmt: skip
    st.caption("Cues read: " + " · ".join(f"*{r.clause}*: {r.why}" for r in readings if r.why))
    return _corrected(readings, edited, choices)


def _frame(readings: list[Reading]) -> pd.DataFrame:
    """The readings as the grid shows them (the size column is filled by the caller)."""
    return pd.DataFrame(
        {
            "clause": [r.clause for r in readings],
            "about": [r.label if r.target != NO_BEARING else _NONE_LABEL for r in readings],
            "way": [_WAYS[r.direction] for r in readings],
            "strength": [r.strength for r in readings],
            "confidence": [r.confidence for r in readings],
            "size": "",
        }
    )


def _corrected(
    readings: list[Reading], grid: pd.DataFrame, choices: dict[str, str]
) -> list[Reading]:
    """The readings with the grid's about / way / strength (``corrected`` where they differ)."""
    out = []
    way_of = {v: k for k, v in _WAYS.items()}
    for r, (_, row) in zip(readings, grid.iterrows(), strict=True):
        key = choices.get(row["about"], r.target)
        direction = way_of.get(row["way"], r.direction) if key != NO_BEARING else 0
        if key != NO_BEARING and direction == 0:
            direction = 1
        new = dataclasses.replace(
            r, target=key, label=row["about"], direction=direction, strength=row["strength"]
        )
        out.append(dataclasses.replace(new, corrected=new != r))
    return out


@dataclasses.dataclass
class Attribution:
    """An edit's predictions and who moved what."""

    p_after: np.ndarray
    per_source: pd.DataFrame
    per_item: pd.DataFrame


def attribute_edit(
    fitted: FittedProfiles,
    text: str,
    p_before: np.ndarray,
    readings: list[Reading],
    classes: np.ndarray,
) -> Attribution:
    """Predictions under the (corrected) readings, and each source's share of every change."""
    p_written = fitted.predict_written(text)
    p_after = fitted.reader.shift(p_written, readings)
    effects = fitted.reader.effects(readings)
    names = [
        f"{r.clause} → {r.label} {_WAYS[r.direction]}" if r.bears else f"{r.clause} → no bearing"
        for r in readings
    ]
    per_source, per_item = compute_edit_attribution(
        fitted.items[ITEM_ID].tolist(), classes, p_before, p_written, p_after, effects, names
    )
    return Attribution(p_after, per_source, per_item)


def show_target_shift(fitted: FittedProfiles, readings: list[Reading], change: np.ndarray) -> None:
    """Mean change per topic and theme, the ones the edit is about coloured."""
    reader = fitted.reader
    targets = [t for t in reader.targets.choices() if t.key != "global"]
    extra = {r.target for r in readings if r.bears} - {t.key for t in targets} - {"global"}
    targets += [t for t in (reader.target(k) for k in sorted(extra)) if t is not None]
    if not targets:
        return
    about = [r.label for r in readings if r.bears]
    if any(r.target == "global" for r in readings if r.bears):
        about = [t.label for t in targets]
    table = compute_target_shift(
        [t.label for t in targets], np.stack([t.members for t in targets]), change, about
    )
    show_figure(plot_target_shift(table), "mean change by topic", key="vp_fig_targets")


def show_sources(per_source: pd.DataFrame) -> None:
    """What each reading (and the written part) did, adding up to the headline."""
    st.markdown("**What moved the predictions** (the rows add up to the change above)")
    fit_table(
        per_source,
        key="vp_sources",
        column_config={
            "source": st.column_config.TextColumn("source", width="large"),
            "mean_change": st.column_config.NumberColumn(
                "mean change", format="%+.3f",
                help="Its share of the mean change of the expected label over all items.",
            ),
            "items_moved": st.column_config.NumberColumn("items moved > 0.25"),
        },
    )  # fmt: skip


def llm_readings(fitted: FittedProfiles, text: str, offline: list[Reading]) -> list[Reading]:
    """The readings the predictions use: offline, or the operator's LLM's when chosen.

    The option appears only when the operator configured an endpoint; nothing is sent until
    the researcher ticks it. Each edit is sent once per endpoint and model (kept for the
    session); where the two readings differ is shown target by target.
    """
    from engines.profiles.reading.llm import LLMReadError, read_with_llm
    from engines.text.llm import LLMError, OpenAICompatibleBackend, operator_endpoints
    from ui.llm_form import secret_endpoints

    secret_urls, secret_key = secret_endpoints()
    urls = [*operator_endpoints(), *secret_urls]
    edits = fitted.reader.edits(text) if fitted.reader is not None else []
    if not urls or not edits:
        return offline
    if not st.checkbox(
        "Also read the edit with the operator's LLM",
        key="vp_llm_read",
        help="Sends the typed edit (not the profile, not the data) to the operator's endpoint "
        "and shows where its reading differs from the offline one.",
    ):
        return offline
    c1, c2 = st.columns(2)
    url = c1.selectbox("Endpoint", urls, key="vp_llm_read_url")
    model = c2.text_input("Model", "", key="vp_llm_read_model")
    if not model.strip():
        st.info("Enter the model name the endpoint serves to read the edit with it.")
        return offline
    memo = st.session_state.setdefault("vp_llm_read_memo", {})
    key = (url, model, tuple(edits))
    if key not in memo:
        backend = OpenAICompatibleBackend(
            url, model, api_key=secret_key if url in secret_urls else None, timeout_s=60.0
        )
        try:
            with st.spinner("Reading the edit with the LLM"):
                memo[key] = read_with_llm(backend, fitted.reader, edits)
        except (LLMError, LLMReadError) as exc:
            st.warning(f"The LLM's reading could not be used: {exc}")
            return offline
    got = memo[key]
    table = compare_readings(offline, got.readings)
    differ = int((~table["agree"]).sum())
    st.markdown(
        f"**Offline vs LLM reading**: they differ on {differ} of {len(table)} targets"
        + (f"; {got.skipped} of the LLM's entries could not be read" if got.skipped else "")
    )
    fit_table(table, key="vp_llm_compare")
    use = st.radio("Predictions use", ["offline reading", "LLM reading"], horizontal=True,
                   key="vp_llm_use")  # fmt: skip
    return got.readings if use == "LLM reading" else offline
