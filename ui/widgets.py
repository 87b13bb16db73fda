"""Reusable widgets: column mapper, scale chooser, validation report, dataset banner."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from engines.data.labels import describe_counts, preview_scale
from engines.data.schema import (
    ANNOTATOR_ID,
    GOLD,
    IS_SYNTHETIC,
    ITEM_ID,
    LABEL,
    RATIONALE,
    SPLIT,
    TASK,
    TEXT,
    TEXT_A,
    TEXT_B,
    VALUE_PROFILE,
    VALUE_TAGS,
    AnnotationDataset,
    ColumnMapping,
    Issue,
    LabelScale,
)

NONE = "(none)"
ROLE_HELP = {
    ITEM_ID: "Item identifier (optional: derived from a hash of the text when absent).",
    TEXT: "The text that was annotated (required unless text_a and text_b are given).",
    TEXT_A: "First text of a pair (premise, question 1...).",
    TEXT_B: "Second text of a pair (hypothesis, question 2...).",
    ANNOTATOR_ID: "Who gave the label (required).",
    LABEL: "The label or rating (required).",
    RATIONALE: "Free-text reason the annotator gave for the label.",
    VALUE_TAGS: "Expert-taxonomy tags, ';'-separated.",
    TASK: "Task or sub-dataset name, for multi-task analyses.",
    SPLIT: "train / dev / test (otherwise item-level splits are made).",
    IS_SYNTHETIC: "1 for generated (LLM persona) annotations.",
    VALUE_PROFILE: "The annotator's value profile text.",
    GOLD: "A known true label per item (expert or adjudicated), on the label's scale.",
}
ROLE_ORDER = (
    ANNOTATOR_ID,
    LABEL,
    TEXT,
    ITEM_ID,
    TEXT_A,
    TEXT_B,
    RATIONALE,
    VALUE_TAGS,
    TASK,
    SPLIT,
    IS_SYNTHETIC,
    VALUE_PROFILE,
    GOLD,
)


def column_mapper(raw: pd.DataFrame, initial: ColumnMapping, key: str) -> ColumnMapping:
    """Select boxes for every role plus a demographic multiselect, pre-filled from ``initial``.

    The widget keys carry a digest of the table's columns: a new file (or an annotator meta
    file that adds columns) gets fresh widgets pre-filled from its own proposal, instead of
    keeping the choices made for the previous columns.
    """
    digest = hashlib.sha1("\x00".join(map(str, raw.columns)).encode()).hexdigest()[:8]
    key = f"{key}_{digest}"
    options = [NONE, *map(str, raw.columns)]
    roles: dict[str, str] = {}
    cols = st.columns(3)
    for i, role in enumerate(ROLE_ORDER):
        current = initial.roles.get(role, NONE)
        with cols[i % 3]:
            choice = st.selectbox(
                role + (" *" if role in (ANNOTATOR_ID, LABEL) else ""),
                options,
                index=options.index(current) if current in options else 0,
                help=ROLE_HELP[role],
                key=f"{key}_{role}",
            )
        if choice != NONE:
            roles[role] = choice
    taken = set(roles.values())
    free = [c for c in map(str, raw.columns) if c not in taken]
    left, right = st.columns(2)
    # A column is offered in one list at a time: what the item list holds now (this run's
    # choice, else the proposal) is not offered as a demographic.
    as_items = st.session_state.get(f"{key}_item_attributes", initial.item_attributes)
    demographics = left.multiselect(
        "Demographic (annotator attribute) columns",
        [c for c in free if c not in as_items],
        default=[c for c in initial.demographics if c in free],
        help="Attributes of the annotator, constant across their annotations "
        "(auto-detected: columns with one value per annotator and few levels).",
        key=f"{key}_demographics",
    )
    item_attributes = right.multiselect(
        "Item attribute columns",
        [c for c in free if c not in demographics],
        default=[c for c in initial.item_attributes if c in free and c not in demographics],
        help="Attributes of the item, one value per item (its language, source or topic): "
        "kept with the items, never read as a property of the annotators "
        "(auto-detected: columns constant within each item).",
        key=f"{key}_item_attributes",
    )
    return ColumnMapping(
        roles=roles, demographics=tuple(demographics), item_attributes=tuple(item_attributes)
    )


def scale_chooser(raw_labels: pd.Series, key: str) -> LabelScale | None:
    """Let the user keep the inferred scale or declare one; returns None for 'auto'."""
    inferred, odd = preview_scale(raw_labels)
    if len(odd):
        st.warning(
            f"Label values that look like missing-value codes or sit far outside the others: "
            f"{describe_counts(odd)}. They are dropped (and counted) unless you keep them "
            "under 'Options for imperfect data'.",
            icon="⚠️",
        )
    kind = st.selectbox(
        "Label scale",
        ["auto", "binary", "ordinal", "nominal"],
        help=f"Auto-detected: {inferred}. Declare the scale to reject labels outside it.",
        key=f"{key}_kind",
    )
    st.caption(f"Auto-detected scale: **{inferred}**")
    if kind == "auto":
        return None
    if kind == "nominal":
        classes = sorted(raw_labels.dropna().astype(str).str.strip().unique())
        return LabelScale("nominal", tuple(classes))
    c1, c2 = st.columns(2)
    lo = c1.number_input(
        "lowest label", value=0 if kind == "binary" else 1, step=1, key=f"{key}_lo"
    )
    hi = c2.number_input(
        "highest label", value=1 if kind == "binary" else 5, step=1, key=f"{key}_hi"
    )
    if hi <= lo:
        st.error("The highest label must be above the lowest.")
        return None
    if kind == "binary":
        return LabelScale("binary", (float(lo), float(hi)))
    return LabelScale("ordinal", tuple(float(v) for v in range(int(lo), int(hi) + 1)))


def show_issues(issues: list[Issue]) -> None:
    """Render validation findings: errors red, warnings amber, notes as captions."""
    for issue in issues:
        if issue.level == "error":
            st.error(issue.message, icon="🚫")
        elif issue.level == "warning":
            st.warning(issue.message, icon="⚠️")
        else:
            st.caption(f"ℹ️ {issue.message}")


def dataset_banner(ds: AnnotationDataset, origin: str) -> None:
    """One line naming the active dataset and its size."""
    src = "bundled sample" if origin == "sample" else origin
    st.caption(
        f"Dataset: **{ds.name}** ({src}) · {ds.n_items:,} items · {ds.n_annotators:,} "
        f"annotators · {ds.n_annotations:,} annotations · {ds.scale.describe()}"
    )
