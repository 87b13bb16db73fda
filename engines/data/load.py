"""The one route from files on disk to a validated dataset: read -> (combine) -> map -> validate.

The same readers as the Data page's upload: CSV/TSV, Le-Wi-Di JSON with its annotator meta.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from engines.data.importers import DEFAULT_MAX_BYTES, check_size, read_upload
from engines.data.issues import data_error
from engines.data.schema import AnnotationDataset
from engines.data.validation import LoadOptions, build_dataset

__all__ = ["load_dataset"]


def load_dataset(
    path: str | Path | Sequence[str | Path],
    name: str | None = None,
    options: LoadOptions | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    meta: str | Path | None = None,
) -> AnnotationDataset:
    """Read annotation files (CSV/TSV, or Le-Wi-Di JSON) and validate them as one dataset.

    Args:
        path: The file, or several files with the same columns (e.g. a Le-Wi-Di dataset's
            dev and test JSON files) read into one table.
        name: Display name (default: the file name(s)).
        options: Validation options (duplicates, dropping invalid rows, splits...).
        max_bytes: Refuse larger files.
        meta: A Le-Wi-Di ``<dataset>_annotators_meta.json`` joined to JSON files.

    Raises:
        engines.data.schema.DataValidationError: The file cannot be read or validated; the
            message names the rows and columns at fault.
    """
    paths = [Path(p) for p in ([path] if isinstance(path, (str, Path)) else path)]
    if not paths:
        raise data_error("No annotation file given.")
    meta_bytes = Path(meta).read_bytes() if meta else None
    tables = [_read_one(p, max_bytes, meta_bytes) for p in paths]
    columns = [set(t.columns) for t in tables]
    if any(c != columns[0] for c in columns[1:]):
        shown = "; ".join(f"{p.name}: {', '.join(sorted(c))}" for p, c in zip(paths, columns))
        raise data_error(f"The files to combine have different columns ({shown}).")
    raw = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    label = name or " + ".join(p.name for p in paths)
    return build_dataset(raw, options=options, name=label)


def _read_one(path: Path, max_bytes: int, meta: bytes | None) -> pd.DataFrame:
    data = path.read_bytes()
    check_size(len(data), max_bytes, path.name)
    return read_upload(data, path.name, meta=meta, max_bytes=max_bytes)
