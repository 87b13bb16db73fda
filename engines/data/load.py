"""The one route from a file on disk to a validated dataset: read -> map -> validate."""

from __future__ import annotations

from pathlib import Path

from engines.data.importers import DEFAULT_MAX_BYTES, read_path
from engines.data.schema import AnnotationDataset
from engines.data.validation import LoadOptions, build_dataset

__all__ = ["load_dataset"]


def load_dataset(
    path: str | Path,
    name: str | None = None,
    options: LoadOptions | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> AnnotationDataset:
    """Read a long CSV/TSV file and validate it with automatic column mapping.

    Args:
        path: The file.
        name: Display name (default: the file name).
        options: Validation options (duplicates, dropping invalid rows, splits...).
        max_bytes: Refuse larger files.

    Raises:
        engines.data.schema.DataValidationError: The file cannot be read or validated; the
            message names the rows and columns at fault.
    """
    p = Path(path)
    return build_dataset(read_path(p, max_bytes), options=options, name=name or p.name)
