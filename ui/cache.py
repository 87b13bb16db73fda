"""All Streamlit caching lives here, keyed by dataset fingerprints, run tokens and plain values.

``st.cache_data`` for values (tables, arrays), ``st.cache_resource`` for shared objects that
are never mutated (the encoder, the embedding cache, prepared item embeddings). Arguments with
a leading underscore are not hashed: the key is always the hashable argument beside them (a
dataset fingerprint or a result's run token, see ``ui.state``), never an object's address.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from engines.data.schema import AnnotationDataset

SAMPLE_PATH = Path(__file__).resolve().parent.parent / "sample_data" / "annotations.csv"

__all__ = [
    "SAMPLE_PATH",
    "get_embedding_cache",
    "get_encoder",
    "item_embeddings",
    "load_sample",
    "max_upload_bytes",
    "overview_tables",
    "parse_upload",
    "predict_text",
    "prepared_profiles",
]


@st.cache_data(show_spinner="Loading the bundled sample...")
def load_sample() -> AnnotationDataset:
    """The bundled demo dataset, validated."""
    from engines.data.load import load_dataset

    return load_dataset(SAMPLE_PATH, name="Perspectives Lab sample (offensiveness)")


@st.cache_data(show_spinner="Computing dataset statistics...", max_entries=16)
def overview_tables(
    fingerprint: str, _ds: AnnotationDataset, human_only: bool, min_group_size: int
) -> dict[str, pd.DataFrame]:
    """Every table of the Overview page for one dataset (cached by its fingerprint)."""
    del fingerprint  # the cache key; _ds is not hashed
    from analysis.dataset.overview import build_overview_tables

    return build_overview_tables(_ds, human_only=human_only, min_group_size=min_group_size)


@st.cache_resource(max_entries=2, show_spinner="Loading the text encoder...")
def get_encoder(name: str):  # noqa: ANN201 - returns an engines.text.encoders.TextEncoder
    """A shared, never-mutated text encoder."""
    from engines.text.encoders import make_encoder

    return make_encoder(name)


@st.cache_resource
def get_embedding_cache():  # noqa: ANN201 - returns engines.text.EmbeddingCache
    """The process-wide on-disk embedding cache."""
    from engines.text import EmbeddingCache

    return EmbeddingCache()


@st.cache_data(show_spinner="Reading the file...", max_entries=8)
def parse_upload(
    data: bytes, filename: str, encoding: str | None, meta: bytes | None
) -> pd.DataFrame:
    """Parse uploaded bytes once per content (see ``engines.data.importers.read_upload``)."""
    from engines.data.importers import read_upload

    return read_upload(data, filename, encoding=encoding, meta=meta, max_bytes=max_upload_bytes())


def max_upload_bytes() -> int:
    """Upload size limit: ``PERSPECTIVES_MAX_UPLOAD_MB`` (default 200 MB)."""
    return int(float(os.environ.get("PERSPECTIVES_MAX_UPLOAD_MB", "200")) * 1024 * 1024)


@st.cache_resource(max_entries=4, show_spinner="Embedding item texts...")
def item_embeddings(fingerprint: str, _ds: AnnotationDataset, encoder_name: str):  # noqa: ANN201
    """``ItemEmbeddings`` (ids, vectors ``[n_items, d]``) of a dataset through the disk cache."""
    del fingerprint
    from engines.text.embed import embed_items, embed_with

    return embed_items(_ds, embed_with(get_encoder(encoder_name), get_embedding_cache()))


@st.cache_resource(max_entries=4, show_spinner="Embedding items and finding themes...")
def prepared_profiles(fingerprint: str, _ds: AnnotationDataset, encoder_name: str):  # noqa: ANN201
    """Item embeddings + themes for the value-profile workflows (shared, never mutated)."""
    del fingerprint
    from engines.profiles.workflow import prepare
    from engines.text.embed import embed_with

    return prepare(_ds, embed_with(get_encoder(encoder_name), get_embedding_cache()))


@st.cache_data(max_entries=64, show_spinner=False)
def predict_text(token: str, text: str, _fitted: Any) -> np.ndarray:
    """Every item's predicted distribution under profile ``text`` (memoised per run and text).

    ``token`` is the run token of the fitted decoder (``ui.state.result_token``), unique per
    training run, so a retrained decoder never reuses an old entry.
    """
    del token
    return _fitted.predict_text(text)
