"""What every sub-command shares: reading a dataset and printing progress."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engines.data.schema import AnnotationDataset

__all__ = ["load_dataset", "progress"]


def load_dataset(path: str) -> AnnotationDataset:
    """Read and validate an annotation file; exit with the validation message on failure."""
    from engines.data.importers import read_path
    from engines.data.schema import DataValidationError
    from engines.data.validation import build_dataset

    try:
        return build_dataset(read_path(path), name=Path(path).name)
    except DataValidationError as exc:
        sys.exit(f"Could not load {path}:\n{exc}")


def progress(done: int, total: int, what: str) -> None:
    """Progress line on stderr (stdout carries the JSON summary)."""
    print(f"[{done}/{total}] {what}", file=sys.stderr, flush=True)
