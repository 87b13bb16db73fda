"""The Data page's wrappers: layouts, column mapping proposals and validation.

Pages reach the data engines only through here (DESIGN.md section 1).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from engines.data.humans import human_subset, synthetic_count
from engines.data.importers import (
    detect_format,
    guess_wide_annotator_columns,
    melt_wide,
    read_crowdkit,
)
from engines.data.mapping import infer_mapping
from engines.data.schema import (
    ANNOTATOR_ID,
    ITEM_ID,
    LABEL,
    TEXT,
    AnnotationDataset,
    ColumnMapping,
    DataValidationError,
    LabelScale,
    format_label,
)
from engines.data.validation import LoadOptions, build_dataset
from ui.downloads import download_table
from ui.layout import fit_table
from ui.progress import ProgressBar

LAYOUTS = ("long", "crowdkit", "wide", "lewidi_json")
LAYOUT_HELP = (
    "long: one row per annotation · crowdkit: task, worker, label · wide: one column per "
    "annotator · lewidi_json: Le-Wi-Di JSON."
)

__all__ = [
    "LAYOUTS",
    "LAYOUT_HELP",
    "DataValidationError",
    "clear_embedding_cache",
    "embedding_cache_dir",
    "encode_item_texts",
    "encoder_options",
    "guess_layout",
    "human_subset",
    "more_is_control",
    "propose_mapping",
    "show_preview",
    "synthetic_count",
    "to_long",
    "validate",
    "wide_annotator_columns",
]


def guess_layout(filename: str, raw: pd.DataFrame) -> str:
    """The layout the file most likely has (one of :data:`LAYOUTS`)."""
    return detect_format(filename, raw)


def wide_annotator_columns(raw: pd.DataFrame) -> list[str]:
    """Columns of a wide table that look like one annotator each."""
    return guess_wide_annotator_columns(raw)


def to_long(
    raw: pd.DataFrame,
    layout: str,
    annotator_columns: list[str] | None = None,
    item_column: str | None = None,
    text_column: str | None = None,
) -> pd.DataFrame:
    """The long table (one row per annotation) of ``raw`` read as ``layout``.

    Raises:
        DataValidationError: The table does not fit the layout.
    """
    if layout == "crowdkit":
        return read_crowdkit(raw)
    if layout == "wide":
        return melt_wide(raw, annotator_columns or [], item_column, text_column)
    return raw


def propose_mapping(raw: pd.DataFrame) -> ColumnMapping:
    """Automatic column roles and demographic columns for ``raw``."""
    return infer_mapping(raw)


def validate(
    raw: pd.DataFrame,
    mapping: ColumnMapping,
    scale: LabelScale | None,
    *,
    duplicates: str,
    drop_invalid_rows: bool,
    max_text_chars: int,
    split_seed: int,
    name: str,
    label_kind: str = "auto",
    label_outliers: str = "drop",
    splits: str = "auto",
) -> AnnotationDataset:
    """Validate ``raw`` under ``mapping`` and the page's options.

    Raises:
        DataValidationError: With one issue per problem, naming rows and columns.
    """
    options = LoadOptions(
        duplicates=duplicates,
        drop_invalid_rows=drop_invalid_rows,
        max_text_chars=int(max_text_chars),
        split_seed=int(split_seed),
        label_kind=label_kind,  # type: ignore[arg-type]
        label_outliers=label_outliers,  # type: ignore[arg-type]
        splits=splits,  # type: ignore[arg-type]
    )
    return build_dataset(raw, mapping, scale, options, name=name)


def embedding_cache_dir() -> str:
    """Where the embedding cache lives (``$PERSPECTIVES_CACHE_DIR`` or the user cache)."""
    from engines.text.cache import EmbeddingCache

    return str(EmbeddingCache().directory)


def clear_embedding_cache() -> int:
    """Delete every cached embedding; returns how many files there were."""
    from engines.text.cache import EmbeddingCache

    cache = EmbeddingCache()
    n = sum(1 for p in cache.directory.rglob("*") if p.is_file()) if cache.directory.exists() else 0
    cache.clear()
    return n


def encode_item_texts(ds: AnnotationDataset, encoder_name: str) -> int:
    """Encode the dataset's item texts into the disk cache now, showing the time left.

    Every page that needs them later reads them back. Texts already cached are not encoded
    again. Returns how many item texts there are.
    """
    from engines.text.embed import item_table
    from ui.cache import get_embedding_cache, get_encoder

    texts = item_table(ds)[TEXT].tolist()
    bar = ProgressBar(f"Embedding {len(texts):,} item texts with {encoder_name}")
    get_embedding_cache().encode(get_encoder(encoder_name), texts, progress=bar)
    bar.done()
    return len(texts)


def encoder_options() -> dict[str, str]:
    """Encoder name -> label: the bundled MiniLM, the hashing encoder, model-folder encoders."""
    from engines.text.encoders import DEFAULT_MODEL
    from ui.decoder_form import default_models_dir

    options = {
        DEFAULT_MODEL: "all-MiniLM-L6-v2 (bundled; English)",
        "hashing-384": "Hashing encoder (any language; words, not meanings)",
    }
    root = default_models_dir()
    if root.is_dir():
        for folder in sorted(p for p in root.iterdir() if (p / "config.json").is_file()):
            options[str(folder)] = f"{folder.name} (models directory)"
    return options


def show_preview(ds: AnnotationDataset, rows: int = 200) -> None:
    """The first ``rows`` annotations in their key columns, and the whole table to download."""
    st.markdown(f"**Preview** (first {rows} rows; key columns — the download has every column)")
    shown = [ITEM_ID, TEXT, ANNOTATOR_ID, LABEL, *ds.demographics[:3]]
    fit_table(
        ds.df.head(rows),
        key="data_preview",
        column_order=[c for c in shown if c in ds.df.columns],
        column_config={TEXT: st.column_config.TextColumn(width="medium")},
    )
    download_table(ds.df, "cleaned annotations", key="data_dl_clean")


def more_is_control(ds: AnnotationDataset) -> None:
    """Which end of the scale means "more" of the construct: inferred, confirmed or changed.

    Every reading of a profile edit uses it ("more offensive" moves toward that end).
    """
    from engines.data.direction import infer_more, scale_direction

    inferred, why = infer_more(ds)
    options = {1: "higher labels", -1: "lower labels"}
    lo, hi = format_label(ds.scale.classes[0]), format_label(ds.scale.classes[-1])
    choice = st.radio(
        f"Which end of the scale ({lo} to {hi}) means more of what is rated?",
        list(options),
        index=0 if scale_direction(ds) == 1 else 1,
        format_func=options.get,
        horizontal=True,
        key=f"data_more_{ds.name}",
        help="E.g. more offensive or more abusive. Profile edits such as 'I find swearing "
        "very offensive' move predictions toward this end.",
    )
    ds.more = int(choice)
    note = "As inferred" if choice == inferred else "Your choice; the inferred end was the other"
    st.caption(f"{note}: {why}.")
