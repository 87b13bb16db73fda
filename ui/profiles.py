"""Streamlit glue for the Value profiles page: cached preparation and per-session models."""

from __future__ import annotations

from typing import Any

import numpy as np
import streamlit as st

from engines.schema import AnnotationDataset

FITTED = "profiles_fitted"
EVALUATION = "profiles_evaluation"
CLUSTERS = "profiles_clusters"


@st.cache_resource(max_entries=4, show_spinner="Embedding items and finding themes...")
def prepared(fingerprint: str, _ds: AnnotationDataset, encoder_name: str):  # noqa: ANN201
    """Item embeddings + themes for a dataset (shared, never mutated)."""
    del fingerprint
    from engines.profile_pipeline import prepare
    from engines.profiles import embed_with
    from ui.cache import get_embedding_cache, get_encoder

    return prepare(_ds, embed_with(get_encoder(encoder_name), get_embedding_cache()))


def session_result(key: str, fingerprint: str) -> Any | None:
    """A per-session result stored for ``fingerprint`` (None when absent or stale)."""
    stored = st.session_state.get(key)
    if stored is None or stored[0] != fingerprint:
        return None
    return stored[1]


def store_result(key: str, fingerprint: str, value: Any) -> None:
    """Keep ``value`` for this session and dataset."""
    st.session_state[key] = (fingerprint, value)


@st.cache_data(max_entries=64, show_spinner=False)
def predict_text(fingerprint: str, model_id: int, text: str, _fitted: Any) -> np.ndarray:
    """Predictions for every item under ``text`` (memoised per model and text)."""
    del fingerprint, model_id
    return _fitted.predict_text(text)
