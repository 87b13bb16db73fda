"""Readers for the file layouts researchers bring: long CSV/TSV, Crowd-Kit and wide tables.

Each reader returns a *raw* long DataFrame; :func:`engines.data.validation.build_dataset` then maps
and validates it. Readers raise :class:`~engines.data.schema.DataValidationError` with a specific
message (never a bare parser traceback) when a file cannot be read. Le-Wi-Di JSON is read by
:mod:`engines.data.lewidi`; :func:`read_upload` dispatches to it.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from pathlib import Path
from typing import Literal

import pandas as pd

from engines.data.issues import data_error
from engines.data.lewidi import read_lewidi_json
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL, TEXT

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FileFormat",
    "check_size",
    "decode_bytes",
    "detect_format",
    "guess_wide_annotator_columns",
    "melt_wide",
    "read_crowdkit",
    "read_csv_text",
    "read_path",
    "read_upload",
]

FileFormat = Literal["long", "lewidi_json", "crowdkit", "wide"]
DEFAULT_MAX_BYTES = 200 * 1024 * 1024


def decode_bytes(data: bytes, filename: str = "file", encoding: str | None = None) -> str:
    """Decode file bytes as UTF-8 (a BOM is accepted) or the given encoding.

    Raises:
        DataValidationError: naming the byte offset when the bytes are not valid text.
    """
    enc = encoding or "utf-8-sig"
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise data_error(
            f"{filename} is not valid {enc.replace('-sig', '')} text (byte 0x{data[exc.start]:02x} "
            f"at position {exc.start}). Re-save it as UTF-8, or pick its encoding "
            "(e.g. latin-1, cp1252) in the upload options."
        ) from None
    except LookupError:
        raise data_error(f"Unknown text encoding '{encoding}'.") from None


def check_size(n_bytes: int, max_bytes: int = DEFAULT_MAX_BYTES, filename: str = "file") -> None:
    """Reject files over the configured size limit."""
    if n_bytes > max_bytes:
        raise data_error(
            f"{filename} is {n_bytes / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit. "
            "Split it or raise the limit (PERSPECTIVES_MAX_UPLOAD_MB)."
        )
    if n_bytes == 0:
        raise data_error(f"{filename} is empty.")


def read_csv_text(text: str, filename: str = "file") -> pd.DataFrame:
    """Parse CSV or TSV text (the delimiter is sniffed) with every cell kept as its text.

    Nothing is converted: ids such as ``001`` and ``1`` stay distinct, 19-digit ids keep every
    digit, and words such as ``NA`` or ``None`` are data (an annotator may be called ``NA``).
    Only empty (or all-blank) cells are missing. Labels and flags are parsed later, by the
    cleaners, which report every cell they cannot read.

    Raises:
        DataValidationError: for empty files or malformed CSV (with the parser's line number).
    """
    if not text.strip():
        raise data_error(f"{filename} is empty.")
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
            df = pd.read_csv(
                io.StringIO(text),
                sep=sep,
                index_col=False,
                dtype=str,
                keep_default_na=False,
                na_values=[""],
            )
    except pd.errors.ParserWarning:
        raise data_error(
            f"{filename} has rows with more fields than its header; check the delimiter "
            "or remove the extra cells."
        ) from None
    except pd.errors.EmptyDataError:
        raise data_error(f"{filename} has no columns or rows.") from None
    except (pd.errors.ParserError, csv.Error, ValueError) as exc:
        raise data_error(f"{filename} is not a well-formed CSV: {str(exc).strip()}") from None
    _check_header(text, sep, filename)
    df.columns = [str(c).strip() for c in df.columns]
    df = df.mask(df.apply(lambda s: s.str.strip().eq("")))
    if df.shape[0] == 0:
        raise data_error(f"{filename} has a header but no data rows.")
    return df


def _check_header(text: str, sep: str, filename: str) -> None:
    """Refuse two columns of one name (pandas would silently rename the second ``x.1``)."""
    header = next(csv.reader(io.StringIO(text), delimiter=sep), [])
    names = [h.strip() for h in header]
    seen: dict[str, int] = {}
    for k, name in enumerate(names, 1):
        if name in seen:
            raise data_error(
                f"{filename} has two columns named {name!r} (columns {seen[name]} and {k}); "
                "rename one so that it is clear which holds the data."
            )
        seen[name] = k


def read_crowdkit(df: pd.DataFrame) -> pd.DataFrame:
    """Rename a Crowd-Kit long frame (``task``, ``worker``, ``label``) to canonical roles.

    Without a ``text`` column the task id stands in for the text (with that noted by
    validation's 'no text' checks never firing, since ids are non-empty).
    """
    missing = [c for c in ("task", "worker", "label") if c not in df.columns]
    if missing:
        raise data_error(
            f"A Crowd-Kit table needs columns task, worker, label; missing: {missing}."
        )
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
        raise data_error("Pick at least two annotator columns for a wide table.")
    missing = [c for c in [*annotator_columns, text_col] if c not in df.columns]
    if missing:
        raise data_error(f"Columns not in the file: {missing}.")
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
