"""What every sub-command shares: reading a dataset and printing progress."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engines.data.schema import AnnotationDataset

__all__ = ["load_dataset", "progress"]


def load_dataset(path: str) -> AnnotationDataset:
    """Read and validate an annotation file; exit with the validation message on failure."""
    from engines.data.load import load_dataset as load
    from engines.data.schema import DataValidationError

    try:
        return load(path)
    except DataValidationError as exc:
        sys.exit(f"Could not load {path}:\n{exc}")


def progress(done: int, total: int, what: str) -> None:
    """Progress line on stderr (stdout carries the JSON summary)."""
    print(f"[{done}/{total}] {what}", file=sys.stderr, flush=True)
