"""Data wing: the canonical schema, column mapping, importers, validation and splits.

One long table, one row per (item, annotator) annotation (DESIGN.md section 2). A file becomes
an :class:`AnnotationDataset` along one route: a reader (:func:`read_path`, :func:`read_upload`,
:func:`read_lewidi_json`...) gives a raw table, :func:`infer_mapping` names its columns and
:func:`build_dataset` validates it; :func:`load_dataset` does all three for a file on disk.
Subgroup labels for demographic tables come from :func:`demographic_groups`.

Never imports torch: reading and validating a file stays fast.
"""

from engines.data.cleaning import DuplicatePolicy
from engines.data.groups import MISSING, demographic_groups, group_label, group_order
from engines.data.importers import (
    DEFAULT_MAX_BYTES,
    FileFormat,
    check_size,
    decode_bytes,
    detect_format,
    guess_wide_annotator_columns,
    melt_wide,
    read_crowdkit,
    read_csv_text,
    read_path,
    read_upload,
)
from engines.data.lewidi import lenient_json_loads, read_lewidi_json
from engines.data.load import load_dataset
from engines.data.mapping import ALIASES, display_name, infer_mapping, infer_scale
from engines.data.schema import (
    ANNOTATOR_ID,
    IS_SYNTHETIC,
    ITEM_ID,
    LABEL,
    LABEL_CODE,
    RATIONALE,
    REQUIRED_ROLES,
    ROLES,
    SPLIT,
    SPLITS,
    TASK,
    TEXT,
    TEXT_A,
    TEXT_B,
    VALUE_PROFILE,
    VALUE_TAGS,
    AnnotationDataset,
    ColumnMapping,
    DataValidationError,
    Issue,
    LabelScale,
    ScaleKind,
    dataset_fingerprint,
    scale_from_json,
    text_hash_ids,
)
from engines.data.splits import make_item_splits
from engines.data.validation import LoadOptions, build_dataset

__all__ = [
    "ALIASES",
    "ANNOTATOR_ID",
    "DEFAULT_MAX_BYTES",
    "IS_SYNTHETIC",
    "ITEM_ID",
    "LABEL",
    "LABEL_CODE",
    "MISSING",
    "RATIONALE",
    "REQUIRED_ROLES",
    "ROLES",
    "SPLIT",
    "SPLITS",
    "TASK",
    "TEXT",
    "TEXT_A",
    "TEXT_B",
    "VALUE_PROFILE",
    "VALUE_TAGS",
    "AnnotationDataset",
    "ColumnMapping",
    "DataValidationError",
    "DuplicatePolicy",
    "FileFormat",
    "Issue",
    "LabelScale",
    "LoadOptions",
    "ScaleKind",
    "build_dataset",
    "check_size",
    "dataset_fingerprint",
    "decode_bytes",
    "demographic_groups",
    "detect_format",
    "display_name",
    "group_label",
    "group_order",
    "guess_wide_annotator_columns",
    "infer_mapping",
    "infer_scale",
    "lenient_json_loads",
    "load_dataset",
    "make_item_splits",
    "melt_wide",
    "read_crowdkit",
    "read_csv_text",
    "read_lewidi_json",
    "read_path",
    "read_upload",
    "scale_from_json",
    "text_hash_ids",
]
