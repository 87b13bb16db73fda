"""Streamlit glue for the Value profiles page: cached preparation and per-session models."""

from __future__ import annotations

from typing import Any

import numpy as np
import streamlit as st

from engines.data.schema import AnnotationDataset

DECODER_LABELS = {
    "embedding": "Embedding network (CPU, seconds)",
    "cross-encoder": "Cross-encoder: fine-tuned MiniLM (GPU)",
}
FITTED = "profiles_fitted"
EVALUATION = "profiles_evaluation"
CLUSTERS = "profiles_clusters"
JURY = "profiles_jury"


@st.cache_resource(max_entries=4, show_spinner="Embedding items and finding themes...")
def prepared(fingerprint: str, _ds: AnnotationDataset, encoder_name: str):  # noqa: ANN201
    """Item embeddings + themes for a dataset (shared, never mutated)."""
    del fingerprint
    from engines.profiles.workflow import prepare
    from engines.text.embed import embed_with
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


def jury_predictions(fingerprint: str, fitted: Any) -> tuple[list[str], np.ndarray]:
    """Jurors (raters with a profile, seeded draw) and their predictions [n_items, n_jurors, C].

    Kept per session and model: with the cross-encoder this is one transformer pass per
    (juror, item), too slow to repeat on every rerun of the page.
    """
    stored = session_result(JURY, fingerprint)
    if stored is not None and stored[0] == id(fitted):
        return stored[1], stored[2]
    rng = np.random.default_rng(0)
    pool = [r for r in sorted(fitted.profiles) if fitted.profiles[r].strip()]
    jurors = [pool[i] for i in sorted(rng.permutation(len(pool))[: fitted.config.jury_size])]
    with st.spinner(f"Predicting every item for {len(jurors)} jurors..."):
        grid = fitted.predict_texts([fitted.profiles[r] for r in jurors])
    store_result(JURY, fingerprint, (id(fitted), jurors, grid))
    return jurors, grid


@st.cache_data(max_entries=64, show_spinner=False)
def predict_text(fingerprint: str, model_id: int, text: str, _fitted: Any) -> np.ndarray:
    """Predictions for every item under ``text`` (memoised per model and text)."""
    del fingerprint, model_id
    return _fitted.predict_text(text)


def decoder_settings():  # noqa: ANN201 - returns ProfileRunConfig
    """The decoder choice and cross-encoder settings (call inside the training form)."""
    from engines.core import resolve_device
    from engines.profiles.cross_encoder import CrossEncoderConfig
    from engines.profiles.workflow import ProfileRunConfig
    from engines.text.encoders import DEFAULT_MODEL

    cuda = resolve_device("auto").type == "cuda"
    kind = st.radio(
        "Decoder",
        list(DECODER_LABELS),
        format_func=DECODER_LABELS.get,
        horizontal=True,
        key="vp_decoder",
        help="Embedding network: a small network over frozen MiniLM embeddings of item and "
        "profile; trains in seconds on a CPU and re-predicts every item in milliseconds. "
        "Cross-encoder: MiniLM fine-tuned on (profile, item) pairs, so the profile's wording "
        "is read together with each item (closest to the paper's language-model decoder); "
        "meant for a GPU.",
    )
    with st.expander("Cross-encoder settings"):
        if not cuda:
            st.warning(
                "No CUDA device on this machine: the cross-encoder runs on the CPU, about 4 "
                "minutes per 1,000 training rows per epoch at 128 tokens, and every profile "
                "edit re-reads all items (tens of seconds). The defaults below are cut down."
            )
        model = st.text_input(
            "Model folder (blank: the bundled all-MiniLM-L6-v2)", "", key="vp_ce_model"
        )
        c = st.columns(4)
        epochs = c[0].number_input("Epochs", 1, 20, 3 if cuda else 1, key="vp_ce_epochs")
        rows = c[1].number_input(
            "Training rows (0 = all)", 0, 10_000_000, 0 if cuda else 1000, key="vp_ce_rows"
        )
        length = c[2].number_input(
            "Tokens per pair", 32, 512, 256 if cuda else 128, key="vp_ce_length"
        )
        jury = c[3].number_input(
            "Profiles for clusters and jury",
            2,
            100,
            32 if cuda else 8,
            key="vp_ce_jury",
            help="Candidate profiles in profile clustering and jurors in the uncertainty and "
            "jury analyses; each costs one transformer pass per item.",
        )
    if kind == "embedding":
        return ProfileRunConfig()
    ce = CrossEncoderConfig(
        model=model.strip() or DEFAULT_MODEL,
        max_epochs=int(epochs),
        max_train_rows=int(rows) or None,
        max_length=int(length),
    )
    return ProfileRunConfig(
        decoder_kind="cross-encoder", cross_encoder=ce, n_candidates=int(jury), jury_size=int(jury)
    )
