"""The Value profiles page's training form: where profiles come from, and the decoder.

Only the fields of the chosen source are shown: the profile CSV uploader for supplied profiles,
the endpoint, model and timeout for the LLM writer. The source is chosen outside the form so
that the fields follow the choice at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from engines.data.schema import VALUE_PROFILE, AnnotationDataset
from engines.profiles import ProfileRunConfig
from ui.decoder_form import decoder_settings
from ui.llm_form import llm_settings
from ui.profiles import SOURCES, LLMSettings

__all__ = ["TrainingRequest", "profile_training_form"]


@dataclass(frozen=True)
class TrainingRequest:
    """What the submitted form asks for."""

    source: str
    run_cfg: ProfileRunConfig
    upload: Any | None = None
    llm: LLMSettings | None = None


def profile_training_form(ds: AnnotationDataset) -> TrainingRequest | None:
    """Render the source choice, its fields and the decoder form; the request once submitted."""
    source = st.radio(
        "Where profiles come from",
        SOURCES,
        horizontal=True,
        key="vp_source",
        help="Offline: item themes (k-means + c-TF-IDF keywords) and how the rater deviates "
        "from the item means per theme, plus distinctive rationale words and value tags. "
        "Supplied: a value_profile column or an annotator -> profile CSV. LLM: the paper's "
        "encoder prompt sent to an OpenAI-compatible endpoint you run (off by default).",
    )
    upload = llm = None
    if source == SOURCES[1]:
        has_column = VALUE_PROFILE in ds.df.columns
        upload = st.file_uploader(
            "Annotator -> profile CSV"
            + (" (optional: the data has a value_profile column)" if has_column else ""),
            type=["csv"],
            key="vp_profiles_csv",
        )
    elif source == SOURCES[2]:
        llm = llm_settings()
    with st.form("vp_train_form"):
        run_cfg = decoder_settings()
        go = st.form_submit_button("Write profiles and train the decoder", type="primary")
    return TrainingRequest(source, run_cfg, upload, llm) if go else None
