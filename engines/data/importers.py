"""Readers for the file layouts researchers bring: long CSV, Le-Wi-Di JSON, Crowd-Kit, wide.

Each reader returns a *raw* long DataFrame; :func:`engines.data.validation.build_dataset` then maps
and validates it. Readers raise :class:`~engines.data.schema.DataValidationError` with a specific
message (never a bare parser traceback) when a file cannot be read.
"""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from pathlib import Path
from typing import Literal

import pandas as pd

from engines.data.schema import (
    ANNOTATOR_ID,
    ITEM_ID,
    LABEL,
    RATIONALE,
    SPLIT,
    TEXT,
    DataValidationError,
    Issue,
)

FileFormat = Literal["long", "lewidi_json", "crowdkit", "wide"]
DEFAULT_MAX_BYTES = 200 * 1024 * 1024


def _fail(message: str) -> DataValidationError:
    return DataValidationError([Issue("error", message)])


def decode_bytes(data: bytes, filename: str = "file", encoding: str | None = None) -> str:
    """Decode file bytes as UTF-8 (a BOM is accepted) or the given encoding.

    Raises:
        DataValidationError: naming the byte offset when the bytes are not valid text.
    """
    enc = encoding or "utf-8-sig"
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise _fail(
            f"{filename} is not valid {enc.replace('-sig', '')} text (byte 0x{data[exc.start]:02x} "
            f"at position {exc.start}). Re-save it as UTF-8, or pick its encoding "
            "(e.g. latin-1, cp1252) in the upload options."
        ) from None
    except LookupError:
        raise _fail(f"Unknown text encoding '{encoding}'.") from None


def check_size(n_bytes: int, max_bytes: int = DEFAULT_MAX_BYTES, filename: str = "file") -> None:
    """Reject files over the configured size limit."""
    if n_bytes > max_bytes:
        raise _fail(
            f"{filename} is {n_bytes / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit. "
            "Split it or raise the limit (PERSPECTIVES_MAX_UPLOAD_MB)."
        )
    if n_bytes == 0:
        raise _fail(f"{filename} is empty.")


def read_csv_text(text: str, filename: str = "file") -> pd.DataFrame:
    """Parse CSV or TSV text (the delimiter is sniffed) with every column kept as read.

    Raises:
        DataValidationError: for empty files or malformed CSV (with the parser's line number).
    """
    if not text.strip():
        raise _fail(f"{filename} is empty.")
    sample = text[:20000]
    try:
        sep = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        sep = "\t" if filename.lower().endswith((".tsv", ".tab")) else ","
    try:
        # index_col=False: a trailing delimiter on every line must not shift the columns (the
        # default turns surplus leading fields into an index); surplus fields would be dropped
        # with only a ParserWarning, so that becomes an error instead of a silent loss.
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)
            df = pd.read_csv(io.StringIO(text), sep=sep, low_memory=False, index_col=False)
    except pd.errors.ParserWarning:
        raise _fail(
            f"{filename} has rows with more fields than its header; check the delimiter "
            "or remove the extra cells."
        ) from None
    except pd.errors.EmptyDataError:
        raise _fail(f"{filename} has no columns or rows.") from None
    except (pd.errors.ParserError, csv.Error, ValueError) as exc:
        raise _fail(f"{filename} is not a well-formed CSV: {str(exc).strip()}") from None
    df.columns = [str(c).strip() for c in df.columns]
    if df.shape[0] == 0:
        raise _fail(f"{filename} has a header but no data rows.")
    if len(set(df.columns)) < len(df.columns):
        raise _fail(f"{filename} has duplicated column names.")
    return df


def lenient_json_loads(text: str) -> object:
    """Parse JSON, tolerating trailing commas (as in some Le-Wi-Di annotator meta files)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        fixed = re.sub(r",(\s*[}\]])", r"\1", text)
        try:
            return json.loads(fixed)
        except json.JSONDecodeError as exc:
            raise _fail(f"Not valid JSON: {exc.msg} at line {exc.lineno}.") from None


def _scalar(value: object) -> object:
    """JSON lists/objects as text, so table columns hold only hashable values."""
    return json.dumps(value) if isinstance(value, (list, dict)) else value


def _lewidi_text(text: object) -> str:
    if isinstance(text, dict):
        return " || ".join(f"{k}: {v}" for k, v in text.items())
    return str(text)


def read_lewidi_json(data: str, meta: str | None = None) -> pd.DataFrame:
    """Read a Le-Wi-Di JSON file (2023 and 2025 editions) into a raw long table.

    Args:
        data: the text of ``<dataset>_<split>.json``: a dict of item id -> record with
            ``text`` (a string or a dict of parts), ``annotators`` (``"Ann1,Ann2"``),
            ``annotations`` (aligned comma-separated string or a dict annotator -> label),
            optional ``split`` and ``other_info`` (``explanations`` -> rationale).
        meta: optional text of ``<dataset>_annotators_meta.json`` (annotator -> attributes;
            trailing commas tolerated). Attributes become ``ann_<name>`` columns.

    Returns:
        Columns ``item_id, text, annotator_id, label`` (+ ``split``, ``rationale``, ``ann_*``).
    """
    records = lenient_json_loads(data)
    if not isinstance(records, dict) or not records:
        raise _fail("The Le-Wi-Di JSON must be an object mapping item ids to records.")
    rows: list[dict[str, object]] = []
    for item_id, rec in records.items():
        if not isinstance(rec, dict) or "annotators" not in rec or "annotations" not in rec:
            raise _fail(f"Item {item_id!r} has no 'annotators'/'annotations' fields.")
        anns = [a.strip() for a in str(rec["annotators"]).split(",") if a.strip()]
        labels = rec["annotations"]
        if isinstance(labels, dict):
            # VariErrNLI lists an annotator twice when they gave two labels, stored as one
            # comma-separated string ("Ann2": "entailment,neutral"): one part per occurrence.
            values = []
            seen: dict[str, int] = {}
            for a in anns:
                value, nth = labels.get(a), seen.get(a, 0)
                seen[a] = nth + 1
                parts = str(value).split(",") if anns.count(a) > 1 else []
                values.append(parts[nth].strip() if nth < len(parts) else value)
        else:
            values = [v.strip() for v in str(labels).split(",")]
        if len(values) != len(anns):
            raise _fail(
                f"Item {item_id!r} lists {len(anns)} annotators but {len(values)} annotations."
            )
        info = rec.get("other_info") or {}
        expl = info.get("explanations") if isinstance(info, dict) else None
        for k, (ann, value) in enumerate(zip(anns, values)):
            row: dict[str, object] = {
                ITEM_ID: str(item_id),
                TEXT: _lewidi_text(rec.get("text", "")),
                ANNOTATOR_ID: ann,
                LABEL: _scalar(value),
            }
            if "split" in rec:
                row[SPLIT] = _scalar(rec["split"])
            if isinstance(expl, list) and k < len(expl):
                row[RATIONALE] = _scalar(expl[k])
            rows.append(row)
    if not rows:
        raise _fail("The Le-Wi-Di JSON lists no annotations.")
    df = pd.DataFrame(rows)
    if meta:
        df = _join_meta(df, lenient_json_loads(meta))
    return df


def _join_meta(df: pd.DataFrame, meta: object) -> pd.DataFrame:
    if not isinstance(meta, dict):
        raise _fail("The annotator meta JSON must map annotator ids to attribute objects.")
    ids = set(df[ANNOTATOR_ID])
    table = {}
    for key, attrs in meta.items():
        ann = str(key)
        if ann not in ids and f"Ann{ann}" in ids:  # MultiPICo meta keys are "0", "1", ...
            ann = f"Ann{ann}"
        if isinstance(attrs, dict):
            table[ann] = {f"ann_{k}": _scalar(v) for k, v in attrs.items()}
    meta_df = pd.DataFrame.from_dict(table, orient="index")
    meta_df.index.name = ANNOTATOR_ID
    return df.merge(meta_df.reset_index(), on=ANNOTATOR_ID, how="left")


def read_crowdkit(df: pd.DataFrame) -> pd.DataFrame:
    """Rename a Crowd-Kit long frame (``task``, ``worker``, ``label``) to canonical roles.

    Without a ``text`` column the task id stands in for the text (with that noted by
    validation's 'no text' checks never firing, since ids are non-empty).
    """
    missing = [c for c in ("task", "worker", "label") if c not in df.columns]
    if missing:
        raise _fail(f"A Crowd-Kit table needs columns task, worker, label; missing: {missing}.")
    out = df.rename(columns={"task": ITEM_ID, "worker": ANNOTATOR_ID})
    if TEXT not in out.columns:
        out[TEXT] = out[ITEM_ID].astype(str)
    return out


def melt_wide(
    df: pd.DataFrame, annotator_columns: list[str], item_col: str | None, text_col: str
) -> pd.DataFrame:
    """Turn a wide table (one column per annotator) into a raw long table.

    Empty cells mean "not annotated" and are not rows; other columns are dropped.
    """
    if not annotator_columns:
        raise _fail("Pick at least two annotator columns for a wide table.")
    missing = [c for c in [*annotator_columns, text_col] if c not in df.columns]
    if missing:
        raise _fail(f"Columns not in the file: {missing}.")
    base = df[[text_col]].rename(columns={text_col: TEXT})
    base[ITEM_ID] = df[item_col].astype(str) if item_col else [f"row{i + 1}" for i in df.index]
    wide = pd.concat([base, df[annotator_columns]], axis=1)
    long = wide.melt(
        id_vars=[ITEM_ID, TEXT],
        value_vars=annotator_columns,
        var_name=ANNOTATOR_ID,
        value_name=LABEL,
    )
    return long[long[LABEL].notna()].reset_index(drop=True)


def guess_wide_annotator_columns(df: pd.DataFrame) -> list[str]:
    """Columns that look like per-annotator ratings (``ann_*``, ``rater_*``, ``worker_*``...)."""
    pat = re.compile(r"^(ann|annotator|rater|worker|coder|judge|a)[_\- ]?\d+$", re.IGNORECASE)
    return [c for c in df.columns if pat.match(str(c))]


def detect_format(filename: str, df: pd.DataFrame | None = None) -> FileFormat:
    """Guess the layout from the file name and, for tables, the columns."""
    if filename.lower().endswith(".json"):
        return "lewidi_json"
    if df is not None:
        cols = {str(c).lower() for c in df.columns}
        if {"task", "worker", "label"} <= cols:
            return "crowdkit"
        if len(guess_wide_annotator_columns(df)) >= 2:
            return "wide"
    return "long"


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> pd.DataFrame:
    """Read a long CSV/TSV file from disk (used by the CLI, benchmarks and tests)."""
    p = Path(path)
    data = p.read_bytes()
    check_size(len(data), max_bytes, p.name)
    return read_csv_text(decode_bytes(data, p.name), p.name)


def read_upload(
    data: bytes,
    filename: str,
    encoding: str | None = None,
    meta: bytes | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> pd.DataFrame:
    """Read uploaded bytes: Le-Wi-Di JSON (with optional annotator meta) or a CSV/TSV table.

    Raises:
        DataValidationError: for oversized, empty, undecodable or malformed files.
    """
    check_size(len(data), max_bytes, filename)
    text = decode_bytes(data, filename, encoding)
    if filename.lower().endswith(".json"):
        meta_text = decode_bytes(meta, "annotator meta", encoding) if meta else None
        return read_lewidi_json(text, meta_text)
    return read_csv_text(text, filename)


__all__ = [
    "DEFAULT_MAX_BYTES",
    "FileFormat",
    "check_size",
    "decode_bytes",
    "detect_format",
    "guess_wide_annotator_columns",
    "lenient_json_loads",
    "melt_wide",
    "read_crowdkit",
    "read_csv_text",
    "read_lewidi_json",
    "read_path",
    "read_upload",
]
