"""The Value profiles page's live editor: edit a rater's profile, see the predictions move."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from analysis.profiles import moved_nothing, plot_distribution_shift, summarise_distribution
from analysis.profiles.takeaways import edit_takeaway
from engines.data.direction import scale_direction
from engines.data.schema import AnnotationDataset
from engines.profiles.app_decoder import FittedProfiles
from ui.downloads import download_table, show_figure
from ui.edit_reading import (
    attribute_edit,
    correct_readings,
    llm_readings,
    show_sources,
    show_target_shift,
)
from ui.layout import fit_table, section
from ui.profile_tables import edit_explanation, edit_shift
from ui.profiles import edit_predictions, predictions_table, show_statement_effects
from ui.state import get_text_encoder

__all__ = ["EDITS_MADE", "MOVED", "show_editor"]

MOVED = 0.25
"""Change of the expected label (rating points) above which an item counts as moved."""

_NO_MOVE = (
    "This edit moved no item measurably (largest change {:.3f}). The decoder may not have "
    "understood it: name the topic and say the direction plainly, e.g. 'Jokes about religion "
    "are very offensive to me' or 'Swearing does not bother me'."
)


def _editor_text(fitted: FittedProfiles) -> tuple[str, str]:
    """The rater picker and the text area: ``(original profile, edited text)``."""
    raters = sorted(fitted.profiles)
    choice = st.selectbox("Start from", ["(blank profile)", *raters], index=1, key="vp_rater")
    original = "" if choice == "(blank profile)" else fitted.profiles[choice]
    edit_key = f"vp_edit_{choice}"

    def _reset() -> None:
        st.session_state[edit_key] = original

    st.session_state.setdefault(edit_key, original)
    text = st.text_area(
        "Profile text (edit freely; predictions update when you leave the box or press Ctrl+Enter)",
        key=edit_key,
        height=150,
    )
    st.button("Reset to the original profile", on_click=_reset, key="vp_reset")
    return original, text


@st.fragment
def show_editor(ds: AnnotationDataset, fitted: FittedProfiles, classes: np.ndarray | None) -> None:
    """The editor section: takeaway, text, reading, metrics, sources, moved items.

    A fragment: an edit reruns this section only, not the whole page (issue #25: edit ->
    changed numbers fast in the browser).
    """
    with section("Live profile editor", "vp_editor") as say:
        original, text = _editor_text(fitted)
        if get_text_encoder().startswith("hashing"):
            st.warning(
                "The hashing encoder knows words, not meanings: the edit reader cannot tell "
                "'more' from 'less offensive' reliably, so edits may not move predictions the "
                "way they say. Use a sentence encoder (Data page) to edit profiles."
            )
        if fitted.reader is not None and fitted.reader.more != scale_direction(ds):
            fitted.reader = fitted.reader.oriented(scale_direction(ds))  # changed on Data page
        edited = text.strip() != original.strip()
        read_here = fitted.reader is not None and edited  # predicted with its attribution
        p_before, p_after = edit_predictions(ds, fitted, original, None if read_here else text)
        numeric = classes is not None
        values = classes if numeric else np.arange(p_before.shape[1], dtype=float)
        if fitted.reader is None and fitted.no_reader_why and edited:
            st.info(f"Typed edits are not read one by one here: {fitted.no_reader_why}.")
        readings = correct_readings(fitted, text) if fitted.reader is not None else []
        readings = llm_readings(fitted, text, readings) if readings else readings
        attribution = None
        if read_here:
            attribution = attribute_edit(fitted, text, p_before, readings, values)
            p_after = attribution.p_after
        shift = edit_shift(fitted, p_before, p_after, classes)
        statements = None
        if attribution is not None:
            by_item = attribution.per_item.set_index("item_id")["moved_by"]
            shift = shift.assign(moved_by=shift["item_id"].map(by_item))
        else:
            statements, shift = edit_explanation(fitted, original, text, shift)
        moved = int((shift["delta"].abs() > MOVED).sum()) if numeric else None
        mean_delta = float(((p_after - p_before) @ classes).mean()) if numeric else None
        if edited:
            _remember_edit(original, text, mean_delta)
        only_context = bool(readings) and not any(r.bears for r in readings)
        say(edit_takeaway(edited, mean_delta, moved, len(shift), only_context))
        c1, c2 = st.columns([2, 3])
        with c2:  # the numbers first: they reach the browser before the figure beside them
            _editor_metrics(shift, p_after, classes, mean_delta, moved)
            if not edited:
                st.caption("The items that move most appear below once the profile is edited.")
        with c1:
            show_figure(
                plot_distribution_shift(
                    summarise_distribution(p_before, ds.scale.classes),
                    summarise_distribution(p_after, ds.scale.classes),
                ),
                "predicted label distribution before and after the edit",
                key="vp_fig_shift",
            )
        if (
            edited
            and moved_nothing(shift)
            and not (readings and not any(r.bears for r in readings))
        ):
            st.warning(_NO_MOVE.format(float(shift["delta"].abs().max())))
        if attribution is not None:
            show_sources(attribution.per_source)
            if numeric:
                show_target_shift(fitted, readings, attribution.per_item["change"].to_numpy())
        if statements is not None:
            show_statement_effects(statements)
        if edited:
            st.markdown("**Items that moved most**")
            order = [c for c in ("text", "before", "after", "delta", "moved_by") if c in shift]
            fit_table(
                shift.head(15),
                key="vp_moved",
                column_order=order,
                column_config={
                    "text": st.column_config.TextColumn("item", width="large"),
                    "before": st.column_config.NumberColumn("before", format="%.2f"),
                    "after": st.column_config.NumberColumn("after", format="%.2f"),
                    "delta": st.column_config.NumberColumn("change", format="%+.2f"),
                    "moved_by": st.column_config.TextColumn("moved by", width="medium"),
                },
            )
        preds = predictions_table(fitted, p_after, ds.scale.classes)
        download_table(preds, "predictions for the edited profile", key="vp_dl_preds")


EDITS_MADE = "vp_edits_made"
"""Session key of the edits made in the live editor (the report lists them)."""


def _remember_edit(original: str, text: str, mean_delta: float | None) -> None:
    """Keep the edit (the 50 latest distinct edited texts) for the session's report."""
    made = st.session_state.setdefault(EDITS_MADE, {})
    made.pop(text, None)
    made[text] = (original, text, mean_delta)
    while len(made) > 50:
        made.pop(next(iter(made)))


def _editor_metrics(
    shift: pd.DataFrame,
    p_after: np.ndarray,
    classes: np.ndarray | None,
    mean_delta: float | None,
    moved: int | None,
) -> None:
    """Mean expected label (and its change), items moved, mean Jensen–Shannon change."""
    m = st.columns(3)
    if classes is not None:
        m[0].metric(
            "Mean expected label",
            f"{float((p_after @ classes).mean()):.2f}",
            delta=f"{mean_delta:+.2f}",
            help="Average over all items of the predicted expected label under the edited profile.",
        )
        m[1].metric(
            f"Items moved by > {MOVED}",
            f"{moved:,}",
            help="Items whose expected label changed by more than a quarter of a rating point.",
        )
    m[2].metric(
        "Mean JS change",
        f"{float(shift['js_divergence'].mean()):.4f}",
        help="Average divergence between the original and edited predicted distributions (nats).",
    )
