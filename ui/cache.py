"""All Streamlit caching lives here, keyed by dataset fingerprint plus plain parameters."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from engines.data.schema import AnnotationDataset

SAMPLE_PATH = Path(__file__).resolve().parent.parent / "sample_data" / "annotations.csv"


@st.cache_data(show_spinner="Loading the bundled sample...")
def load_sample() -> AnnotationDataset:
    """The bundled demo dataset, validated."""
    from engines.data.load import load_dataset

    return load_dataset(SAMPLE_PATH, name="Perspectives Lab sample")


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
def get_embedding_cache():  # noqa: ANN201 - returns engines.text.encoders.EmbeddingCache
    """The process-wide on-disk embedding cache."""
    from engines.text.encoders import EmbeddingCache

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
    import os

    return int(float(os.environ.get("PERSPECTIVES_MAX_UPLOAD_MB", "200")) * 1024 * 1024)


@st.cache_resource(max_entries=4, show_spinner="Embedding item texts...")
def item_embeddings(fingerprint: str, _ds: AnnotationDataset, encoder_name: str):  # noqa: ANN201
    """``(item ids, embeddings [n_items, d])`` of a dataset through the disk cache."""
    del fingerprint
    from engines.text.embed import embed_items, embed_with

    found = embed_items(_ds, embed_with(get_encoder(encoder_name), get_embedding_cache()))
    return found.item_ids, found.vectors
