"""Data: upload or choose a dataset, map its columns, validate it and preview it."""

import streamlit as st

from analysis.dataset.takeaways import load_takeaway
from ui.cache import load_sample, parse_upload
from ui.data import (
    LAYOUT_HELP,
    LAYOUTS,
    DataValidationError,
    clear_embedding_cache,
    embedding_cache_dir,
    encode_item_texts,
    encoder_options,
    guess_layout,
    more_is_control,
    propose_mapping,
    show_preview,
    to_long,
    validate,
    wide_annotator_columns,
)
from ui.layout import section
from ui.runs import kept_runs_manager
from ui.state import get_dataset, get_origin, get_text_encoder, set_dataset, set_text_encoder
from ui.widgets import column_mapper, dataset_banner, scale_chooser, show_issues

st.title("Data")
LOADED_FILE = "data_loaded_file"  # the uploaded file last loaded (pending until it is)

source = st.radio(
    "Source",
    ["Bundled sample", "Upload a file"],
    horizontal=True,
    key="data_source",
    help="The sample is generated data with known, planted structure (see sample_data/README.md).",
)

if source == "Bundled sample":
    if st.button("Load the bundled sample", type="primary", key="data_load_sample"):
        set_dataset(load_sample(), "sample")
        encode_item_texts(get_dataset(), get_text_encoder())
        st.success("Loaded the bundled sample; its item texts are embedded.")
else:
    up = st.file_uploader(
        "Annotations file (CSV, TSV or Le-Wi-Di JSON)",
        type=["csv", "tsv", "txt", "json"],
        key="data_upload",
    )
    meta = None
    if up is not None and up.name.lower().endswith(".json"):
        meta_up = st.file_uploader(
            "Optional: Le-Wi-Di annotators_meta.json", type=["json"], key="data_meta"
        )
        meta = meta_up.getvalue() if meta_up is not None else None
    encoding = st.selectbox(
        "Text encoding",
        ["utf-8", "latin-1", "cp1252", "utf-16"],
        key="data_encoding",
        help="UTF-8 covers almost every file; pick another only if reading fails.",
    )
    if up is not None:
        try:
            raw = parse_upload(up.getvalue(), up.name, encoding, meta)
        except DataValidationError as exc:
            show_issues(exc.issues)
            st.stop()
        fmt = st.selectbox(
            "Layout",
            LAYOUTS,
            index=LAYOUTS.index(guess_layout(up.name, raw)),
            key="data_format",
            help=LAYOUT_HELP,
        )
        wide = {}
        if fmt == "wide":
            cols = list(map(str, raw.columns))
            wide["annotator_columns"] = st.multiselect(
                "Annotator columns", cols, default=wide_annotator_columns(raw), key="data_wide_ann"
            )
            rest = [c for c in cols if c not in wide["annotator_columns"]]
            wide["text_column"] = st.selectbox("Text column", rest, key="data_wide_text")
            item_col = st.selectbox("Item id column", ["(row number)", *rest], key="data_wide_item")
            wide["item_column"] = None if item_col == "(row number)" else item_col
        try:
            raw = to_long(raw, fmt, **wide)
        except DataValidationError as exc:
            show_issues(exc.issues)
            st.stop()
        st.caption(f"Read {len(raw):,} rows and {raw.shape[1]} columns from **{up.name}**.")
        with st.expander("Column mapping (auto-detected; change anything)", expanded=True):
            mapping = column_mapper(raw, propose_mapping(raw), key="data_map")
            label_col = mapping.source("label")
            scale = scale_chooser(raw[label_col], key="data_scale") if label_col else None
        with st.expander("Options for imperfect data"):
            dup = st.radio(
                "Several labels by one annotator for one item",
                ["keep", "average", "reject"],
                horizontal=True,
                key="data_dups",
                help="average: mean snapped to the nearest class (most frequent for nominal).",
            )
            drop = st.checkbox(
                "Drop invalid rows (each drop is counted and reported)", value=True, key="data_drop"
            )
            max_chars = st.number_input(
                "Truncate texts longer than (characters)",
                100,
                100000,
                5000,
                step=500,
                key="data_maxchars",
            )
            splits = st.radio(
                "The file's split column",
                ["auto", "use", "make"],
                horizontal=True,
                key="data_splits",
                help="auto: use it when it names train/dev/test and has a train split; use: "
                "keep it whatever it holds; make: new item-level splits (70/15/15).",
            )
            seed = st.number_input(
                "Seed for item-level splits", 0, 10_000, 0, key="data_split_seed"
            )
            kind = st.radio(
                "Read labels as",
                ["auto", "numeric", "nominal"],
                horizontal=True,
                key="data_label_kind",
                help="auto: numbers when at least 90% of the cells are numbers (the other "
                "cells are then dropped and counted); numeric: always, nominal: never.",
            )
            outliers = st.radio(
                "Label values that look like missing-value codes or sit far outside the others "
                "(e.g. 99 or -1 among ratings 1-5)",
                ["drop", "keep"],
                horizontal=True,
                key="data_label_outliers",
                help="drop: each dropped row is counted and reported; keep: they become classes "
                "of the inferred scale (with a warning).",
            )
        if st.button("Validate and load", type="primary", key="data_load"):
            try:
                ds = validate(
                    raw,
                    mapping,
                    scale,
                    duplicates=dup,
                    drop_invalid_rows=drop,
                    max_text_chars=int(max_chars),
                    split_seed=int(seed),
                    name=up.name,
                    label_kind=kind,
                    label_outliers=outliers,
                    splits=splits,
                )
            except DataValidationError as exc:
                st.error("The file could not be loaded. Fix the problems below and try again.")
                show_issues(exc.issues)
                st.stop()
            set_dataset(ds, f"upload: {up.name}")
            st.session_state[LOADED_FILE] = up.file_id
            n_texts = encode_item_texts(ds, get_text_encoder())
            st.success(
                f"Loaded {ds.n_annotations:,} annotations from {up.name}; its {n_texts:,} item "
                "texts are embedded."
            )
        if st.session_state.get(LOADED_FILE) != up.file_id:
            current = get_dataset()
            st.info(
                f"**{up.name}** is read but not loaded: check the mapping and press *Validate "
                "and load*. Until then every page keeps showing "
                + (f"**{current.name}**." if current is not None else "no dataset."),
                icon=":material/pending:",
            )
            st.stop()

with st.expander("Cached embeddings"):
    st.caption(
        f"Text embeddings are kept in {embedding_cache_dir()} (set PERSPECTIVES_CACHE_DIR to "
        "move it), readable by your user account only, so that a dataset is encoded once."
    )
    if st.button("Clear cached embeddings", key="data_clear_cache"):
        st.success(f"Removed {clear_embedding_cache():,} cached file(s).")

with st.expander("Kept training runs", icon=":material/history:"):
    kept_runs_manager()

ds = get_dataset()
if ds is None:
    st.info("No dataset loaded yet: load the sample or upload a file.")
    st.stop()

st.divider()
with section("Current dataset", "data_current", load_takeaway(ds)):
    dataset_banner(ds, get_origin())
    c = st.columns(4)
    c[0].metric("Items", f"{ds.n_items:,}")
    c[1].metric("Annotators", f"{ds.n_annotators:,}")
    c[2].metric("Annotations", f"{ds.n_annotations:,}", help=f"{ds.n_rows_in:,} rows in the file")
    c[3].metric(
        "Demographic attributes",
        len(ds.demographics),
        help="Annotator attributes: "
        + (", ".join(ds.demographics) or "none")
        + ". Item attributes (one value per item): "
        + (", ".join(ds.item_attributes) or "none")
        + ".",
    )
    encoders = encoder_options()
    current = get_text_encoder()
    chosen = st.selectbox(
        "Text encoder for the models",
        list(encoders),
        index=list(encoders).index(current) if current in encoders else 0,
        format_func=encoders.get,
        key="data_encoder",
        help="Used by the models trained from now on (value profiles, DEM-MoE). The bundled "
        "encoder is English; for other languages use the hashing encoder or a multilingual "
        "sentence-transformers folder placed in the models directory (PERSPECTIVES_MODELS_DIR).",
    )
    if chosen != current:
        set_text_encoder(chosen)
        encode_item_texts(ds, chosen)
    if ds.scale.is_numeric:
        more_is_control(ds)
    with st.expander(
        f"Validation report ({len(ds.issues)} note{'s' if len(ds.issues) != 1 else ''})",
        expanded=any(i.level != "info" for i in ds.issues),
    ):
        if ds.issues:
            show_issues(ds.issues)
        else:
            st.caption("No problems found.")
    show_preview(ds)
